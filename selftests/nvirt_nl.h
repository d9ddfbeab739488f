/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Requests by nvirt's spec, for the selftests that speak raw netlink
 * (nvirt_nlraw.c) to change one attribute of a valid request: the spec as
 * a table (scripts/spec-table), requests built as lists of attributes,
 * their replies kept whole, and snapshots of nvirt's state to compare.
 */

#ifndef NVIRT_NL_H
#define NVIRT_NL_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/nvirt.h>

#include "nvirt_nlraw.h"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

enum spec_kind {
	SPEC_U8, SPEC_U16, SPEC_U32, SPEC_U64,
	SPEC_S8, SPEC_S16, SPEC_S32, SPEC_S64,
	SPEC_UINT, SPEC_SINT, SPEC_FLAG, SPEC_STRING, SPEC_BINARY, SPEC_NEST,
};

struct spec_set;

struct spec_attr {
	const char *name;
	unsigned int type;
	enum spec_kind kind;
	bool has_min, has_max;
	long long min, max;
	int max_len;		/* strings: 0 when unchecked */
	int exact_len;		/* binary: 0 when unchecked */
	const struct spec_set *nest;
};

struct spec_set {
	const char *name;
	unsigned int max;
	int n;
	const struct spec_attr *attrs;
};

enum { FORM_DO, FORM_DUMP };

/* The request attributes of an op's do or dump, when it has that form. */
struct spec_form {
	bool present;
	int n_req;
	const unsigned int *req;
};

struct spec_op {
	const char *name;
	unsigned int cmd;
	const struct spec_set *set;
	bool admin, uns_admin;
	struct spec_form form[2];
};

struct spec_ntf {
	const char *name;
	unsigned int cmd;
};

struct spec_mcgrp {
	const char *name;
	bool admin;
};

#include "nvirt_spec_table.h"

/* @s written to @path (a sysfs, debugfs or procfs knob): 0 or -errno. */
static inline int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), ok;

	if (fd < 0)
		return -errno;
	ok = write(fd, s, strlen(s)) == (ssize_t)strlen(s);
	close(fd);
	return ok ? 0 : -EIO;
}

static const char *const form_names[] = { "do", "dump" };

static inline const struct spec_op *spec_op(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(spec_ops); i++)
		if (!strcmp(spec_ops[i].name, name))
			return &spec_ops[i];
	return NULL;
}

static inline const struct spec_attr *spec_attr(const struct spec_set *set,
						 unsigned int type)
{
	int i;

	for (i = 0; i < set->n; i++)
		if (set->attrs[i].type == type)
			return &set->attrs[i];
	return NULL;
}

/* A request, as a list of attributes in order; a nest's follow it. */
#define MREQ_ATTRS	24
#define MREQ_DATA	48

struct mattr {
	__u16 type;		/* as sent, flag bits included */
	__u16 len;		/* of the payload */
	int parent;		/* the nest it is in, -1 for none, -2 dropped */
	bool nest;		/* its payload is the attributes in it */
	__u8 data[MREQ_DATA];
};

struct mreq {
	__u8 cmd, version, reserved;
	__u16 flags;
	int n, cur;		/* cur: the nest being filled, or -1 */
	struct mattr a[MREQ_ATTRS];
	int trailing;		/* bytes after the attributes; < 0 cuts */
	int stretch;		/* added to the last attribute's length */
	int mark;		/* the attribute the kernel is to point at */
};

static inline void mreq_init(struct mreq *m, __u8 cmd, int form)
{
	memset(m, 0, sizeof(*m));
	m->cmd = cmd;
	m->version = NVIRT_FAMILY_VERSION;
	m->flags = NLM_F_REQUEST | (form == FORM_DUMP ? NLM_F_DUMP : NLM_F_ACK);
	m->cur = -1;
	m->mark = -1;
}

static inline int mreq_put(struct mreq *m, __u16 type, const void *data, int len)
{
	struct mattr *a = &m->a[m->n];

	if (m->n == MREQ_ATTRS || len > MREQ_DATA)
		abort();
	memset(a, 0, sizeof(*a));
	a->type = type;
	a->len = len;
	a->parent = m->cur;
	memcpy(a->data, data, len);
	return m->n++;
}

static inline int mreq_u32(struct mreq *m, __u16 type, __u32 v)
{
	return mreq_put(m, type, &v, sizeof(v));
}

static inline int mreq_str(struct mreq *m, __u16 type, const char *s)
{
	return mreq_put(m, type, s, strlen(s) + 1);
}

static inline int mreq_nest_start(struct mreq *m, __u16 type)
{
	int i = mreq_put(m, type | NLA_F_NESTED, NULL, 0);

	m->a[i].nest = true;
	m->cur = i;
	return i;
}

static inline void mreq_nest_end(struct mreq *m)
{
	m->cur = m->a[m->cur].parent;
}

/* The attribute of @type in @parent (-1: the top level), or -1. */
static inline int mreq_find(const struct mreq *m, int parent, unsigned int type)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->a[i].parent == parent &&
		    (m->a[i].type & NLA_TYPE_MASK) == type)
			return i;
	return -1;
}

/* Drop the top-level attributes of @type. */
static inline void mreq_drop(struct mreq *m, unsigned int type)
{
	int i;

	while ((i = mreq_find(m, -1, type)) >= 0)
		m->a[i].parent = -2;
}

static inline void mreq_emit_in(const struct mreq *m, int parent, char *buf,
				unsigned int *len, unsigned int *mark_off,
				unsigned int *last)
{
	int i;

	for (i = 0; i < m->n; i++) {
		struct nlattr *nla = (void *)(buf + *len);
		unsigned int start = *len;

		if (m->a[i].parent != parent)
			continue;
		nla->nla_type = m->a[i].type;
		memcpy(buf + start + NLA_HDRLEN, m->a[i].data, m->a[i].len);
		*len = start + NLA_HDRLEN + m->a[i].len;
		if (m->a[i].nest)
			mreq_emit_in(m, i, buf, len, mark_off, last);
		nla->nla_len = *len - start;
		*len = NLA_ALIGN(*len);
		if (i == m->mark)
			*mark_off = start;
		if (parent == -1)
			*last = start;
	}
}

/* Lay @m out in @buf; its length, and where the marked attribute went. */
static inline unsigned int mreq_emit(const struct mreq *m, __u16 family,
				     __u32 seq, char *buf, unsigned int *mark_off)
{
	struct nlmsghdr *nlh = (void *)buf;
	struct genlmsghdr *genl = NLMSG_DATA(nlh);
	unsigned int len = NLMSG_LENGTH(GENL_HDRLEN), last = 0;

	memset(buf, 0, NLMSG_LENGTH(GENL_HDRLEN));
	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = m->flags;
	nlh->nlmsg_seq = seq;
	genl->cmd = m->cmd;
	genl->version = m->version;
	genl->reserved = m->reserved;
	*mark_off = 0;
	mreq_emit_in(m, -1, buf, &len, mark_off, &last);
	if (m->stretch && last)
		((struct nlattr *)(buf + last))->nla_len += m->stretch;
	if (m->trailing > 0)
		memset(buf + len, 0, m->trailing);
	nlh->nlmsg_len = len + m->trailing;
	return nlh->nlmsg_len;
}

/* Editing a request by the spec: valid values, slots for attributes. */

/* Integer kinds: their size on the wire (NLA_UINT: 4 or 8) and range. */
static const struct {
	int size;
	long long min, max;
} kinds[] = {
	[SPEC_U8] = { 1, 0, UCHAR_MAX },
	[SPEC_U16] = { 2, 0, USHRT_MAX },
	[SPEC_U32] = { 4, 0, UINT_MAX },
	[SPEC_U64] = { 8, 0, LLONG_MAX },
	[SPEC_S8] = { 1, SCHAR_MIN, SCHAR_MAX },
	[SPEC_S16] = { 2, SHRT_MIN, SHRT_MAX },
	[SPEC_S32] = { 4, INT_MIN, INT_MAX },
	[SPEC_S64] = { 8, LLONG_MIN, LLONG_MAX },
	[SPEC_UINT] = { 4, 0, LLONG_MAX },
	[SPEC_SINT] = { 4, LLONG_MIN, LLONG_MAX },
};

static inline bool kind_int(enum spec_kind k)
{
	return k < ARRAY_SIZE(kinds) && kinds[k].size;
}

static inline void set_data(struct mattr *a, const void *data, int len)
{
	a->len = len;
	memcpy(a->data, data, len);
}

static inline void set_int(struct mattr *a, enum spec_kind k, long long v)
{
	__u8 u8 = v;
	__u16 u16 = v;
	__u32 u32 = v;
	__u64 u64 = v;

	switch (kinds[k].size) {
	case 1:
		set_data(a, &u8, 1);
		break;
	case 2:
		set_data(a, &u16, 2);
		break;
	case 8:
		set_data(a, &u64, 8);
		break;
	default:
		set_data(a, &u32, 4);
	}
}

/* A value the policy accepts for @at. */
static inline void set_valid(struct mattr *a, const struct spec_attr *at)
{
	static const __u8 zeros[MREQ_DATA];

	switch (at->kind) {
	case SPEC_STRING:
		set_data(a, "x", 2);
		break;
	case SPEC_BINARY:
		set_data(a, zeros, at->exact_len ?: 1);
		break;
	case SPEC_NEST:
		a->nest = true;
		a->type |= NLA_F_NESTED;
		a->len = 0;
		break;
	default:
		set_int(a, at->kind, at->has_min ? at->min : 0);
	}
}

/* The top-level nest @at of @m, made (empty) when the base has none. */
static inline int nest_slot(struct mreq *m, const struct spec_attr *at)
{
	int i = mreq_find(m, -1, at->type);

	if (i >= 0)
		return i;
	i = mreq_put(m, at->type, NULL, 0);
	m->a[i].parent = -1;
	set_valid(&m->a[i], at);
	return i;
}

/* Attribute @at in @parent of @m: the base's, or a valid one added. */
static inline int slot(struct mreq *m, int parent, const struct spec_attr *at)
{
	int i = mreq_find(m, parent, at->type);

	if (i >= 0)
		return i;
	i = mreq_put(m, at->type, NULL, 0);
	m->a[i].parent = parent;
	set_valid(&m->a[i], at);
	return i;
}

/* Replies' payloads (generic netlink header on), one after the other. */
#define BLOB_SIZE	(256 * 1024)
#define BLOB_MSGS	2048

struct blob {
	size_t len;			/* 0 empties it */
	char b[BLOB_SIZE];
	unsigned int n;			/* replies, and where each starts */
	unsigned int start[BLOB_MSGS];
};

/* Add a reply to @blob, without its top-level attribute @strip (or 0). */
static inline void blob_add(struct blob *blob, const struct nlmsghdr *nlh,
			    unsigned int strip)
{
	const char *p = NLMSG_DATA(nlh);
	const struct nlattr *nla;

	if (!blob->len)		/* emptied by its user */
		blob->n = 0;
	if (blob->len + nlh->nlmsg_len > BLOB_SIZE || blob->n == BLOB_MSGS)
		abort();
	blob->start[blob->n++] = blob->len;
	memcpy(blob->b + blob->len, p, GENL_HDRLEN);
	blob->len += GENL_HDRLEN;
	nvnl_for_each_gattr(nla, nlh) {
		if (nvnl_type(nla) == strip)
			continue;
		memcpy(blob->b + blob->len, nla, NLA_ALIGN(nla->nla_len));
		blob->len += NLA_ALIGN(nla->nla_len);
	}
}

/* A socket of the nvirt family. */
struct nvnl {
	int fd;
	__u16 family;
	__u32 seq;
	unsigned int grp[ARRAY_SIZE(spec_mcgrps)];	/* multicast ids */
	unsigned long requests;		/* sent, dumps included */
};

/* Where nvnl_wait() keeps replies. */
struct nvnl_keep {
	struct blob *blob;
	unsigned int strip;
};

static inline int nvnl_blob_cb(const struct nlmsghdr *nlh, void *arg)
{
	const struct nvnl_keep *keep = arg;

	blob_add(keep->blob, nlh, keep->strip);
	return 0;
}

/* Send @m; its sequence number goes to *@seq. 0, or -errno. */
static inline int nvnl_send(struct nvnl *nl, const struct mreq *m,
			    struct nvnl_ans *a, __u32 *seq)
{
	static char buf[64 * 1024];
	unsigned int len;

	memset(a, 0, sizeof(*a));
	*seq = ++nl->seq;
	len = mreq_emit(m, nl->family, *seq, buf, &a->mark_off);
	nl->requests++;
	return send(nl->fd, buf, len, 0) < 0 ? -errno : 0;
}

/*
 * Read the answer to request @seq to its end: the ACK, the error or the
 * dump's DONE. Replies go to @blob, if any, without their attribute
 * @strip. Returns 0, or -errno when the socket failed.
 */
static inline int nvnl_wait(struct nvnl *nl, __u32 seq, struct nvnl_ans *a,
			    struct blob *blob, unsigned int strip)
{
	struct nvnl_keep keep = { .blob = blob, .strip = strip };

	return nvnl_answers(nl->fd, seq, blob ? nvnl_blob_cb : NULL, &keep, a);
}

/* Send @m and read its answer (nvnl_wait()); 0, or -errno. */
static inline int nvnl_do(struct nvnl *nl, const struct mreq *m,
			  struct nvnl_ans *a, struct blob *blob, unsigned int strip)
{
	__u32 seq;

	return nvnl_send(nl, m, a, &seq) ?: nvnl_wait(nl, seq, a, blob, strip);
}

/* The family's id and its multicast groups' from the controller. */
static inline int nvnl_resolve(struct nvnl *nl)
{
	struct nvnl_family f;
	unsigned int i;
	int err, g;

	err = nvnl_family(nl->fd, NVIRT_FAMILY_NAME, &f);
	if (err)
		return err;
	nl->family = f.id;
	for (g = 0; g < f.n_grps; g++)
		for (i = 0; i < ARRAY_SIZE(spec_mcgrps); i++)
			if (!strcmp(f.grps[g].name, spec_mcgrps[i].name))
				nl->grp[i] = f.grps[g].id;
	return 0;
}

/* Make @fd, a generic netlink socket, one of the nvirt family. */
static inline int nvnl_attach(struct nvnl *nl, int fd)
{
	struct timeval tv = { .tv_sec = 10 };
	int one = 1;

	memset(nl, 0, sizeof(*nl));
	nl->fd = fd;
	if (setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one)) ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)))
		return -errno;
	return nvnl_resolve(nl);
}

static inline int nvnl_open(struct nvnl *nl)
{
	int fd = nvnl_socket();
	int err;

	if (fd < 0)
		return -errno;
	err = nvnl_attach(nl, fd);
	if (err)
		close(fd);
	return err;
}

/* nvirt's state: every NIC, VIF, named policy and pool, without VIF stats. */
struct snapshot {
	struct blob nic, vif, policy, pool;
};

static const struct {
	const char *what;
	__u8 cmd;
	unsigned int strip;
	size_t offset;
} snapshot_dumps[] = {
	{ "NICs", NVIRT_CMD_NIC_GET, 0, offsetof(struct snapshot, nic) },
	{ "VIFs", NVIRT_CMD_VIF_GET, NVIRT_A_VIF_STATS,
	  offsetof(struct snapshot, vif) },
	{ "policies", NVIRT_CMD_POLICY_GET, 0,
	  offsetof(struct snapshot, policy) },
	{ "pools", NVIRT_CMD_POOL_GET, 0, offsetof(struct snapshot, pool) },
};

static inline int snapshot_take(struct nvnl *nl, struct snapshot *s)
{
	struct nvnl_ans a;
	struct mreq m;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(snapshot_dumps); i++) {
		struct blob *blob = (void *)((char *)s + snapshot_dumps[i].offset);

		blob->len = 0;
		blob->n = 0;	/* for a dump with no reply */
		mreq_init(&m, snapshot_dumps[i].cmd, FORM_DUMP);
		err = nvnl_do(nl, &m, &a, blob, snapshot_dumps[i].strip);
		if (err)
			return err;
		if (a.err)
			return -a.err;
	}
	return 0;
}

/* What differs between two snapshots, or NULL. */
static inline const char *snapshot_diff(const struct snapshot *x,
					const struct snapshot *y)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(snapshot_dumps); i++) {
		const struct blob *bx = (void *)((char *)x + snapshot_dumps[i].offset);
		const struct blob *by = (void *)((char *)y + snapshot_dumps[i].offset);

		if (bx->len != by->len || memcmp(bx->b, by->b, bx->len))
			return snapshot_dumps[i].what;
	}
	return NULL;
}

/* Reply @i of @b: its attributes, after the genl header. */
static inline const char *blob_msg(const struct blob *b, unsigned int i,
				   int *len)
{
	unsigned int end = i + 1 < b->n ? b->start[i + 1] : b->len;

	*len = end - b->start[i] - GENL_HDRLEN;
	return b->b + b->start[i] + GENL_HDRLEN;
}

/*
 * Do @x and @y hold the same replies, but for the top-level attributes
 * whose types are bits of @ignore? If not, the first reply that differs
 * goes to *@msg and its first attribute that differs to *@type.
 */
static inline bool blob_same(const struct blob *x, const struct blob *y,
			     __u64 ignore, unsigned int *msg, unsigned int *type)
{
	unsigned int i;

	*type = 0;
	for (i = 0; i < x->n && i < y->n; i++) {
		const struct nlattr *ax, *ay;
		const char *px, *py;
		int lx, ly, rx, ry;

		*msg = i;
		px = blob_msg(x, i, &lx);
		py = blob_msg(y, i, &ly);
		if (memcmp(px - GENL_HDRLEN, py - GENL_HDRLEN, GENL_HDRLEN))
			return false;
		ax = (const void *)px;
		ay = (const void *)py;
		rx = lx;
		ry = ly;
		for (;;) {
			while (rx >= NLA_HDRLEN &&
			       (ignore >> (ax->nla_type & NLA_TYPE_MASK) & 1)) {
				rx -= NLA_ALIGN(ax->nla_len);
				ax = (const void *)((const char *)ax + NLA_ALIGN(ax->nla_len));
			}
			while (ry >= NLA_HDRLEN &&
			       (ignore >> (ay->nla_type & NLA_TYPE_MASK) & 1)) {
				ry -= NLA_ALIGN(ay->nla_len);
				ay = (const void *)((const char *)ay + NLA_ALIGN(ay->nla_len));
			}
			if (rx < NLA_HDRLEN || ry < NLA_HDRLEN)
				break;
			if (ax->nla_len != ay->nla_len ||
			    memcmp(ax, ay, ax->nla_len)) {
				*type = ax->nla_type & NLA_TYPE_MASK;
				return false;
			}
			rx -= NLA_ALIGN(ax->nla_len);
			ry -= NLA_ALIGN(ay->nla_len);
			ax = (const void *)((const char *)ax + NLA_ALIGN(ax->nla_len));
			ay = (const void *)((const char *)ay + NLA_ALIGN(ay->nla_len));
		}
		if (rx >= NLA_HDRLEN || ry >= NLA_HDRLEN)
			return false;
	}
	*msg = i;
	return x->n == y->n;
}

#endif /* NVIRT_NL_H */
