/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Raw generic netlink for nvirt's fuzz and soak tests: building messages,
 * one request and its answers, a family's ops and its policies as the
 * kernel reports them (CTRL_CMD_GETFAMILY, CTRL_CMD_GETPOLICY).
 * Independent of libnvirt.
 */
#ifndef NVIRT_NLRAW_H
#define NVIRT_NLRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/types.h>

#define NVNL_MSG_MAX	4096
#define NVNL_RX_MAX	32768

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
	char msg[128];		/* extack message */
	int miss_type;		/* NLMSGERR_ATTR_MISS_TYPE, or 0 */
	int msgs;		/* replies and dump messages */
	int parts;		/* datagrams read */
	bool intr;		/* a message carried NLM_F_DUMP_INTR */
};

/* Called for each reply or dump message; non-zero stops calling it. */
typedef int (*nvnl_cb)(const struct nlmsghdr *nlh, void *arg);

/* How much one recv() takes: small makes dumps come in more parts. */
extern int nvnl_rx_size;

int nvnl_open(void);
int nvnl_request(int fd, struct nvnl_msg *m, nvnl_cb cb, void *arg,
		 struct nvnl_ans *a);
void nvnl_parse_err(const struct nlmsghdr *nlh, struct nvnl_ans *a);

/* A family's operations, as CTRL_CMD_GETFAMILY lists them. */
#define NVNL_OPS_MAX	64
struct nvnl_family {
	int id;
	int version;
	int mcgrp;		/* the first multicast group's id, or 0 */
	int n_ops;
	struct {
		__u32 cmd;
		__u32 flags;	/* GENL_CMD_CAP_*, GENL_ADMIN_PERM */
	} ops[NVNL_OPS_MAX];
};

int nvnl_family(int fd, const char *name, struct nvnl_family *f);
int nvnl_open_group(int group);

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

/* nvirt's objects as its dumps report them. */
struct nv_vif {
	__u32 id;
	char name[16];
	char ifname[16];
	__u32 ifindex;
	__u32 parent;
	__u8 backend;
	bool has_nsid;
	__s32 nsid;
};

struct nv_nic {
	__u32 ifindex;
	char name[16];
	int managed;
	__u32 total_vfs;
};

#define NV_MAX	256

/* A dump's objects, how it went (@a), and whether it looked consistent. */
struct nv_dump {
	int n;
	bool dup_id;		/* an id twice */
	bool dup_name;		/* a name twice */
	bool unordered;		/* ids not increasing */
	struct nvnl_ans a;
};

int nv_do(int fd, struct nvnl_msg *m, struct nvnl_ans *a);
int nv_vif_dump(int fd, int family, struct nv_vif *v, struct nv_dump *d);
int nv_vif_dump_on(int fd, int family, __u32 parent, struct nv_vif *v,
		   struct nv_dump *d);
int nv_vif_get(int fd, int family, __u32 id, const char *name,
	       struct nv_vif *v);
int nv_policy_dump(int fd, int family, char (*names)[32], struct nv_dump *d);
int nv_nic_dump(int fd, int family, struct nv_nic *nics, struct nv_dump *d);
int nv_vif_new(int fd, int family, const char *name, __u32 parent,
	       int backend, int netns_fd, struct nvnl_ans *a);
int nv_vif_del(int fd, int family, __u32 id, const char *name,
	       struct nvnl_ans *a);
int nv_policy_del(int fd, int family, const char *name, struct nvnl_ans *a);
int nv_nic_set_managed(int fd, int family, __u32 ifindex, int managed);

/*
 * Notifications of the monitor group, checked as they come: each well
 * formed, and each VIF's (by id) and policy's (by name) in an order that
 * can be: no add of one present, no change or del of one deleted.
 */
#define NV_MON_IDS	1024
struct nv_mon {
	unsigned long ntf[3][3];	/* [nic, vif, policy][add, del, change] */
	unsigned long overruns, malformed, disorder;
	char why[128];			/* the first disorder */
	__u8 vif[NV_MON_IDS];		/* 0 unknown, 1 present, 2 deleted */
	int n_pol;
	struct {
		char name[32];
		__u8 state;
	} pol[64];
};

int nv_mon_read(int fd, int family, struct nv_mon *mon, bool wait);

#endif
