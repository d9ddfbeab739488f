/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Raw generic netlink for nvirt's tests that speak it without libnvirt:
 * building messages, one request and its answers with the kernel's
 * extack, a family's ops, groups and policies as the kernel reports them
 * (CTRL_CMD_GETFAMILY, CTRL_CMD_GETPOLICY). The fuzz and soak tests use
 * it directly; nvirt_nl.h builds requests by the spec on it.
 */
#ifndef NVIRT_NLRAW_H
#define NVIRT_NLRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/types.h>

#define NVNL_MSG_MAX	4096
#define NVNL_RX_MAX	65536

struct nvnl_msg {
	union {
		struct nlmsghdr nlh;
		char buf[NVNL_MSG_MAX];
	};
};

#define nvnl_genl(m)	((struct genlmsghdr *)NLMSG_DATA(&(m)->nlh))

#define nvnl_for_each_attr(nla, start, len)				\
	for (nla = (const struct nlattr *)(start);			\
	     (const char *)nla + NLA_HDRLEN <=				\
		(const char *)(start) + (len) &&			\
	     nla->nla_len >= NLA_HDRLEN &&				\
	     (const char *)nla + nla->nla_len <=			\
		(const char *)(start) + (len);				\
	     nla = (const struct nlattr *)((const char *)nla +		\
					   NLA_ALIGN(nla->nla_len)))

#define nvnl_data(nla)		((const void *)((const char *)(nla) + NLA_HDRLEN))
#define nvnl_len(nla)		((int)(nla)->nla_len - NLA_HDRLEN)
#define nvnl_type(nla)		((nla)->nla_type & NLA_TYPE_MASK)
#define nvnl_for_each_nested(nla, nest)					\
	nvnl_for_each_attr(nla, nvnl_data(nest), nvnl_len(nest))

/* The attributes of a generic netlink message. */
#define nvnl_for_each_gattr(nla, nlh)					\
	nvnl_for_each_attr(nla, (const char *)NLMSG_DATA(nlh) + GENL_HDRLEN, \
			   (int)(nlh)->nlmsg_len - (int)NLMSG_LENGTH(GENL_HDRLEN))

void nvnl_init(struct nvnl_msg *m, __u16 type, __u16 flags, __u8 cmd);
void nvnl_put(struct nvnl_msg *m, __u16 type, const void *data, int len);
void nvnl_put_u16(struct nvnl_msg *m, __u16 type, __u16 v);
void nvnl_put_u32(struct nvnl_msg *m, __u16 type, __u32 v);
void nvnl_put_s32(struct nvnl_msg *m, __u16 type, __s32 v);
void nvnl_put_str(struct nvnl_msg *m, __u16 type, const char *s);
struct nlattr *nvnl_nest_start(struct nvnl_msg *m, __u16 type);
void nvnl_nest_end(struct nvnl_msg *m, struct nlattr *nest);

__u64 nvnl_get_uint(const struct nlattr *nla);
const struct nlattr *nvnl_attr(const struct nlmsghdr *nlh, int type);

/* What the kernel answered to one request. */
struct nvnl_ans {
	int err;		/* errno of the ACK or DONE, 0 on success */
	char msg[256];		/* extack message, or "" */
	bool has_offs, has_miss_type, has_miss_nest;
	unsigned int offs;	/* NLMSGERR_ATTR_OFFS */
	unsigned int miss_type;	/* NLMSGERR_ATTR_MISS_TYPE, or 0 */
	unsigned int miss_nest;	/* NLMSGERR_ATTR_MISS_NEST */
	int msgs;		/* replies and dump messages */
	int parts;		/* datagrams read */
	bool intr;		/* a message carried NLM_F_DUMP_INTR */
	unsigned int mark_off;	/* nvirt_nl.h: where the request's marked
				 * attribute was, for @offs to point at */
};

/* Called for each reply or dump message; non-zero stops calling it. */
typedef int (*nvnl_cb)(const struct nlmsghdr *nlh, void *arg);

/* How much one recv() takes: small makes dumps come in more parts. */
extern int nvnl_rx_size;

int nvnl_socket(void);
int nvnl_socket_group(int group);
int nvnl_request(int fd, struct nvnl_msg *m, nvnl_cb cb, void *arg,
		 struct nvnl_ans *a);
int nvnl_answers(int fd, __u32 seq, nvnl_cb cb, void *arg,
		 struct nvnl_ans *a);
void nvnl_parse_err(const struct nlmsghdr *nlh, struct nvnl_ans *a);

/* A family's operations and groups, as CTRL_CMD_GETFAMILY lists them. */
#define NVNL_OPS_MAX	64
#define NVNL_GRPS_MAX	8
struct nvnl_family {
	int id;
	int version;
	int mcgrp;		/* the first multicast group's id, or 0 */
	int n_grps;
	struct {
		char name[GENL_NAMSIZ];
		__u32 id;
	} grps[NVNL_GRPS_MAX];
	int n_ops;
	struct {
		__u32 cmd;
		__u32 flags;	/* GENL_CMD_CAP_*, GENL_ADMIN_PERM */
	} ops[NVNL_OPS_MAX];
};

int nvnl_family(int fd, const char *name, struct nvnl_family *f);

/* One attribute of a policy, as CTRL_CMD_GETPOLICY reports it. */
struct nvnl_attr_pol {
	__u32 type;		/* NL_ATTR_TYPE_*, 0 (invalid) when absent */
	bool is_signed;
	__s64 smin, smax;
	__u64 umin, umax;
	__u32 min_len, max_len;	/* max_len 0: none given */
	int nested;		/* nested policy index, or -1 */
	__u32 mask;
};

#define NVNL_POLICIES_MAX	32
#define NVNL_ATTRS_MAX		64

struct nvnl_policy {
	int maxtype;		/* highest attribute type reported */
	struct nvnl_attr_pol attr[NVNL_ATTRS_MAX];
};

/* Every policy of a family, and which each op's do and dump use. */
struct nvnl_policies {
	int n;
	struct nvnl_policy pol[NVNL_POLICIES_MAX];
	int do_pol[256];	/* policy index per cmd, or -1 */
	int dump_pol[256];
};

int nvnl_policies(int fd, int family, struct nvnl_policies *p);

const char *nvnl_errname(int err);
/* "@what: ok N EPERM N ...": the errnos counted in @err[0..@n), 0 as ok. */
void nvnl_errs_print(const char *what, const unsigned long *err, int n);

#endif
