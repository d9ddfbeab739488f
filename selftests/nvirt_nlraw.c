// SPDX-License-Identifier: GPL-2.0
/*
 * Raw generic netlink for nvirt's tests (nvirt_nlraw.h).
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "kselftest.h"
#include "nvirt_nlraw.h"

void nvnl_init(struct nvnl_msg *m, __u16 type, __u16 flags, __u8 cmd)
{
	memset(&m->nlh, 0, NLMSG_LENGTH(GENL_HDRLEN));
	m->nlh.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
	m->nlh.nlmsg_type = type;
	m->nlh.nlmsg_flags = flags;
	nvnl_genl(m)->cmd = cmd;
	nvnl_genl(m)->version = 1;
}

void nvnl_put(struct nvnl_msg *m, __u16 type, const void *data, int len)
{
	unsigned int off = NLMSG_ALIGN(m->nlh.nlmsg_len);
	struct nlattr *nla = (struct nlattr *)(m->buf + off);

	if (off + NLA_HDRLEN + NLA_ALIGN(len) > sizeof(m->buf))
		return;
	nla->nla_type = type;
	nla->nla_len = NLA_HDRLEN + len;
	if (len)
		memcpy((char *)nla + NLA_HDRLEN, data, len);
	memset((char *)nla + NLA_HDRLEN + len, 0, NLA_ALIGN(len) - len);
	m->nlh.nlmsg_len = off + NLA_ALIGN(nla->nla_len);
}

void nvnl_put_u16(struct nvnl_msg *m, __u16 type, __u16 v)
{
	nvnl_put(m, type, &v, sizeof(v));
}

void nvnl_put_u32(struct nvnl_msg *m, __u16 type, __u32 v)
{
	nvnl_put(m, type, &v, sizeof(v));
}

void nvnl_put_s32(struct nvnl_msg *m, __u16 type, __s32 v)
{
	nvnl_put(m, type, &v, sizeof(v));
}

void nvnl_put_str(struct nvnl_msg *m, __u16 type, const char *s)
{
	nvnl_put(m, type, s, strlen(s) + 1);
}

struct nlattr *nvnl_nest_start(struct nvnl_msg *m, __u16 type)
{
	unsigned int off = NLMSG_ALIGN(m->nlh.nlmsg_len);
	struct nlattr *nla = (struct nlattr *)(m->buf + off);

	nla->nla_type = type | NLA_F_NESTED;
	nla->nla_len = NLA_HDRLEN;
	m->nlh.nlmsg_len = off + NLA_HDRLEN;
	return nla;
}

void nvnl_nest_end(struct nvnl_msg *m, struct nlattr *nest)
{
	nest->nla_len = m->buf + m->nlh.nlmsg_len - (char *)nest;
}

/* An unsigned attribute of 1, 2, 4 or 8 bytes. */
__u64 nvnl_get_uint(const struct nlattr *nla)
{
	__u64 v64 = 0;
	__u32 v32 = 0;
	__u16 v16 = 0;

	switch (nvnl_len(nla)) {
	case 1:
		return *(const __u8 *)nvnl_data(nla);
	case 2:
		memcpy(&v16, nvnl_data(nla), 2);
		return v16;
	case 4:
		memcpy(&v32, nvnl_data(nla), 4);
		return v32;
	case 8:
		memcpy(&v64, nvnl_data(nla), 8);
		return v64;
	}
	return 0;
}

const struct nlattr *nvnl_attr(const struct nlmsghdr *nlh, int type)
{
	const struct nlattr *nla;

	nvnl_for_each_gattr(nla, nlh)
		if (nvnl_type(nla) == type)
			return nla;
	return NULL;
}

/*
 * A bound socket: an unbound one has port id 0, and multicasts from the
 * kernel (port id 0 too) skip it.
 */
int nvnl_socket(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd, one = 1, size = 1 << 20;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0)
		return -1;
	if (setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one)) ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size)) ||
	    bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		close(fd);
		return -1;
	}
	return fd;
}

/* A socket in multicast @group, with room for bursts. */
int nvnl_socket_group(int group)
{
	int fd = nvnl_socket(), size = 4 << 20;

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size));
	if (setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &group,
		       sizeof(group))) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The errno and extack of an NLMSG_ERROR or NLMSG_DONE. */
void nvnl_parse_err(const struct nlmsghdr *nlh, struct nvnl_ans *a)
{
	const struct nlmsgerr *e = NLMSG_DATA(nlh);
	const struct nlattr *nla;
	int off, len;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(int)))
		return;
	a->err = -e->error;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	if (nlh->nlmsg_type == NLMSG_DONE)
		off = sizeof(int);
	else if (nlh->nlmsg_flags & NLM_F_CAPPED)
		off = sizeof(*e);
	else	/* the request echoed, its TLVs aligned after it */
		off = NLMSG_ALIGN(sizeof(e->error) + e->msg.nlmsg_len);
	len = (int)nlh->nlmsg_len - NLMSG_HDRLEN - off;
	nvnl_for_each_attr(nla, (const char *)e + off, len) {
		switch (nvnl_type(nla)) {
		case NLMSGERR_ATTR_MSG:
			snprintf(a->msg, sizeof(a->msg), "%.*s",
				 nvnl_len(nla), (const char *)nvnl_data(nla));
			break;
		case NLMSGERR_ATTR_OFFS:
			a->has_offs = true;
			a->offs = nvnl_get_uint(nla);
			break;
		case NLMSGERR_ATTR_MISS_TYPE:
			a->has_miss_type = true;
			a->miss_type = nvnl_get_uint(nla);
			break;
		case NLMSGERR_ATTR_MISS_NEST:
			a->has_miss_nest = true;
			a->miss_nest = nvnl_get_uint(nla);
			break;
		}
	}
}

int nvnl_rx_size = NVNL_RX_MAX;

/*
 * Send @m as a request (with an ACK unless it is a dump) and read every
 * answer to it (nvnl_answers()). Returns 0, or -errno when the socket
 * failed.
 */
int nvnl_request(int fd, struct nvnl_msg *m, nvnl_cb cb, void *arg,
		 struct nvnl_ans *a)
{
	static __thread __u32 seq;
	bool dump = (m->nlh.nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;

	memset(a, 0, sizeof(*a));
	m->nlh.nlmsg_flags |= NLM_F_REQUEST | (dump ? 0 : NLM_F_ACK);
	m->nlh.nlmsg_seq = ++seq;
	if (send(fd, m, m->nlh.nlmsg_len, 0) < 0)
		return -errno;
	return nvnl_answers(fd, seq, cb, arg, a);
}

/*
 * Read the answers to request @seq to their end: replies go to @cb (until
 * it returns non-zero), the ACK, error or NLMSG_DONE into @a, whose counts
 * grow. Returns 0, or -errno when the socket failed.
 */
int nvnl_answers(int fd, __u32 seq, nvnl_cb cb, void *arg,
		 struct nvnl_ans *a)
{
	static __thread char buf[NVNL_RX_MAX];
	bool stop = false;

	for (;;) {
		const struct nlmsghdr *nlh;
		int n = recv(fd, buf, nvnl_rx_size, 0);

		if (n < 0)
			return -errno;
		a->parts++;
		for (nlh = (void *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_seq != seq)
				continue;
			a->intr |= !!(nlh->nlmsg_flags & NLM_F_DUMP_INTR);
			if (nlh->nlmsg_type == NLMSG_ERROR ||
			    nlh->nlmsg_type == NLMSG_DONE) {
				nvnl_parse_err(nlh, a);
				return 0;
			}
			a->msgs++;
			if (cb && !stop)
				stop = cb(nlh, arg);
		}
	}
}

/* A multicast group of CTRL_ATTR_MCAST_GROUPS. */
static void family_group(struct nvnl_family *f, const struct nlattr *grp)
{
	const struct nlattr *a;

	if (f->n_grps == NVNL_GRPS_MAX)
		return;
	nvnl_for_each_nested(a, grp) {
		if (nvnl_type(a) == CTRL_ATTR_MCAST_GRP_ID)
			f->grps[f->n_grps].id = nvnl_get_uint(a);
		if (nvnl_type(a) == CTRL_ATTR_MCAST_GRP_NAME)
			snprintf(f->grps[f->n_grps].name, GENL_NAMSIZ, "%.*s",
				 nvnl_len(a), (const char *)nvnl_data(a));
	}
	if (!f->mcgrp)
		f->mcgrp = f->grps[f->n_grps].id;
	f->n_grps++;
}

static int family_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nvnl_family *f = arg;
	const struct nlattr *nla, *op, *a;

	nvnl_for_each_gattr(nla, nlh) {
		if (nvnl_type(nla) == CTRL_ATTR_FAMILY_ID)
			f->id = nvnl_get_uint(nla);
		if (nvnl_type(nla) == CTRL_ATTR_VERSION)
			f->version = nvnl_get_uint(nla);
		if (nvnl_type(nla) == CTRL_ATTR_MCAST_GROUPS)
			nvnl_for_each_nested(op, nla)
				family_group(f, op);
		if (nvnl_type(nla) != CTRL_ATTR_OPS)
			continue;
		nvnl_for_each_nested(op, nla) {
			if (f->n_ops == NVNL_OPS_MAX)
				break;
			nvnl_for_each_nested(a, op) {
				if (nvnl_type(a) == CTRL_ATTR_OP_ID)
					f->ops[f->n_ops].cmd = nvnl_get_uint(a);
				if (nvnl_type(a) == CTRL_ATTR_OP_FLAGS)
					f->ops[f->n_ops].flags = nvnl_get_uint(a);
			}
			f->n_ops++;
		}
	}
	return 0;
}

/* A family's id and operations; -errno when it is not there. */
int nvnl_family(int fd, const char *name, struct nvnl_family *f)
{
	struct nvnl_msg m;
	struct nvnl_ans a;
	int err;

	memset(f, 0, sizeof(*f));
	nvnl_init(&m, GENL_ID_CTRL, 0, CTRL_CMD_GETFAMILY);
	nvnl_put_str(&m, CTRL_ATTR_FAMILY_NAME, name);
	err = nvnl_request(fd, &m, family_cb, f, &a);
	if (err)
		return err;
	return a.err ? -a.err : f->id ? 0 : -ENOENT;
}

static void policy_attr(struct nvnl_attr_pol *ap, const struct nlattr *nest)
{
	const struct nlattr *nla;
	__u64 v;

	memset(ap, 0, sizeof(*ap));
	ap->nested = -1;
	nvnl_for_each_nested(nla, nest) {
		v = nvnl_get_uint(nla);
		switch (nvnl_type(nla)) {
		case NL_POLICY_TYPE_ATTR_TYPE:
			ap->type = v;
			break;
		case NL_POLICY_TYPE_ATTR_MIN_VALUE_S:
			ap->smin = (__s64)v;
			ap->is_signed = true;
			break;
		case NL_POLICY_TYPE_ATTR_MAX_VALUE_S:
			ap->smax = (__s64)v;
			ap->is_signed = true;
			break;
		case NL_POLICY_TYPE_ATTR_MIN_VALUE_U:
			ap->umin = v;
			break;
		case NL_POLICY_TYPE_ATTR_MAX_VALUE_U:
			ap->umax = v;
			break;
		case NL_POLICY_TYPE_ATTR_MIN_LENGTH:
			ap->min_len = v;
			break;
		case NL_POLICY_TYPE_ATTR_MAX_LENGTH:
			ap->max_len = v;
			break;
		case NL_POLICY_TYPE_ATTR_POLICY_IDX:
			ap->nested = v;
			break;
		case NL_POLICY_TYPE_ATTR_BITFIELD32_MASK:
		case NL_POLICY_TYPE_ATTR_MASK:
			ap->mask = v;
			break;
		}
	}
}

static void policy_policies(struct nvnl_policies *p, const struct nlattr *top)
{
	const struct nlattr *pol, *attr;
	unsigned int idx, type;

	nvnl_for_each_nested(pol, top) {
		idx = nvnl_type(pol);
		if (idx >= NVNL_POLICIES_MAX)
			continue;
		if (p->n < (int)idx + 1)
			p->n = idx + 1;
		nvnl_for_each_nested(attr, pol) {
			type = nvnl_type(attr);
			if (type >= NVNL_ATTRS_MAX)
				continue;
			policy_attr(&p->pol[idx].attr[type], attr);
			if (p->pol[idx].maxtype < (int)type)
				p->pol[idx].maxtype = type;
		}
	}
}

static int policy_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nvnl_policies *p = arg;
	const struct nlattr *nla, *op, *a;

	nvnl_for_each_gattr(nla, nlh) {
		if (nvnl_type(nla) == CTRL_ATTR_POLICY)
			policy_policies(p, nla);
		if (nvnl_type(nla) != CTRL_ATTR_OP_POLICY)
			continue;
		nvnl_for_each_nested(op, nla) {
			if (nvnl_type(op) > 255)
				continue;
			nvnl_for_each_nested(a, op) {
				if (nvnl_type(a) == CTRL_ATTR_POLICY_DO)
					p->do_pol[nvnl_type(op)] = nvnl_get_uint(a);
				if (nvnl_type(a) == CTRL_ATTR_POLICY_DUMP)
					p->dump_pol[nvnl_type(op)] = nvnl_get_uint(a);
			}
		}
	}
	return 0;
}

/* Every policy of @family, read from the kernel. */
int nvnl_policies(int fd, int family, struct nvnl_policies *p)
{
	struct nvnl_msg m;
	struct nvnl_ans a;
	int i, err;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < 256; i++)
		p->do_pol[i] = p->dump_pol[i] = -1;
	nvnl_init(&m, GENL_ID_CTRL, NLM_F_DUMP, CTRL_CMD_GETPOLICY);
	nvnl_put_u16(&m, CTRL_ATTR_FAMILY_ID, family);
	err = nvnl_request(fd, &m, policy_cb, p, &a);
	if (err)
		return err;
	return -a.err;
}

/* "EINVAL" for EINVAL, "0" for 0. */
const char *nvnl_errname(int err)
{
	static __thread char buf[16];
	const char *s = err ? strerrorname_np(err) : NULL;

	if (s)
		return s;
	snprintf(buf, sizeof(buf), "%d", err);
	return buf;
}

void nvnl_errs_print(const char *what, const unsigned long *err, int n)
{
	char line[1024] = "";
	int e, len = 0;

	for (e = 0; e < n && len < (int)sizeof(line) - 32; e++)
		if (err[e])
			len += snprintf(line + len, sizeof(line) - len, " %s %lu",
					e ? nvnl_errname(e) : "ok", err[e]);
	if (len)
		ksft_print_msg("%s:%s\n", what, line);
}
