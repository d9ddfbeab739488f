// SPDX-License-Identifier: GPL-2.0
/*
 * Raw generic netlink for nvirt's fuzz and soak tests (nvirt_nlraw.h).
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <linux/nvirt.h>

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
int nvnl_open(void)
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
int nvnl_open_group(int group)
{
	int fd = nvnl_open(), size = 4 << 20;

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

/* The errno and extack message of an NLMSG_ERROR or NLMSG_DONE. */
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
		if (nvnl_type(nla) == NLMSGERR_ATTR_MSG)
			snprintf(a->msg, sizeof(a->msg), "%.*s",
				 nvnl_len(nla), (const char *)nvnl_data(nla));
		if (nvnl_type(nla) == NLMSGERR_ATTR_MISS_TYPE)
			a->miss_type = nvnl_get_uint(nla);
	}
}

int nvnl_rx_size = NVNL_RX_MAX;

/*
 * Send @m as a request (with an ACK unless it is a dump) and read every
 * answer to it: replies go to @cb, the ACK, error or NLMSG_DONE into @a.
 * Returns 0, or -errno when the socket failed.
 */
int nvnl_request(int fd, struct nvnl_msg *m, nvnl_cb cb, void *arg,
		 struct nvnl_ans *a)
{
	static __thread char buf[NVNL_RX_MAX];
	static __thread __u32 seq;
	bool dump = (m->nlh.nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
	bool stop = false;

	memset(a, 0, sizeof(*a));
	m->nlh.nlmsg_flags |= NLM_F_REQUEST | (dump ? 0 : NLM_F_ACK);
	m->nlh.nlmsg_seq = ++seq;
	if (send(fd, m, m->nlh.nlmsg_len, 0) < 0)
		return -errno;
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

static int family_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nvnl_family *f = arg;
	const struct nlattr *nla, *op, *a;

	nvnl_for_each_gattr(nla, nlh) {
		if (nvnl_type(nla) == CTRL_ATTR_FAMILY_ID)
			f->id = nvnl_get_uint(nla);
		if (nvnl_type(nla) == CTRL_ATTR_VERSION)
			f->version = nvnl_get_uint(nla);
		if (nvnl_type(nla) == CTRL_ATTR_MCAST_GROUPS && !f->mcgrp)
			nvnl_for_each_nested(op, nla)
				nvnl_for_each_nested(a, op)
					if (nvnl_type(a) == CTRL_ATTR_MCAST_GRP_ID &&
					    !f->mcgrp)
						f->mcgrp = nvnl_get_uint(a);
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

/* A do request: -errno of its answer (or of the socket), 0 on success. */
int nv_do(int fd, struct nvnl_msg *m, struct nvnl_ans *a)
{
	struct nvnl_ans tmp;
	int err;

	a = a ? a : &tmp;
	err = nvnl_request(fd, m, NULL, NULL, a);
	return err ? err : -a->err;
}

struct nv_dump_ctx {
	struct nv_dump *d;
	void *out;
	__u32 last_id;
};

static bool seen_name(const char *names, size_t stride, int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(names + i * stride, s))
			return true;
	return false;
}

static void copy_str(char *to, size_t size, const struct nlattr *nla)
{
	snprintf(to, size, "%.*s", nvnl_len(nla), (const char *)nvnl_data(nla));
}

static int vif_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nv_dump_ctx *c = arg;
	struct nv_vif *vifs = c->out, v = { 0 };
	const struct nlattr *nla;
	int i;

	nvnl_for_each_gattr(nla, nlh) {
		switch (nvnl_type(nla)) {
		case NVIRT_A_VIF_ID:
			v.id = nvnl_get_uint(nla);
			break;
		case NVIRT_A_VIF_NAME:
			copy_str(v.name, sizeof(v.name), nla);
			break;
		case NVIRT_A_VIF_IFNAME:
			copy_str(v.ifname, sizeof(v.ifname), nla);
			break;
		case NVIRT_A_VIF_IFINDEX:
			v.ifindex = nvnl_get_uint(nla);
			break;
		case NVIRT_A_VIF_PARENT_IFINDEX:
			v.parent = nvnl_get_uint(nla);
			break;
		case NVIRT_A_VIF_BACKEND:
			v.backend = nvnl_get_uint(nla);
			break;
		case NVIRT_A_VIF_NETNS_ID:
			v.has_nsid = true;
			v.nsid = (__s32)nvnl_get_uint(nla);
			break;
		}
	}
	for (i = 0; i < c->d->n; i++)
		c->d->dup_id |= vifs[i].id == v.id;
	c->d->dup_name |= seen_name(vifs[0].name, sizeof(vifs[0]), c->d->n,
				    v.name);
	c->d->unordered |= c->d->n && v.id <= c->last_id;
	c->last_id = v.id;
	if (c->d->n < NV_MAX)
		vifs[c->d->n++] = v;
	return 0;
}

/* Every VIF managed from the socket's namespace (on @parent, unless 0). */
int nv_vif_dump_on(int fd, int family, __u32 parent, struct nv_vif *v,
		   struct nv_dump *d)
{
	struct nv_dump_ctx c = { .d = d, .out = v };
	struct nvnl_msg m;
	int err;

	memset(d, 0, sizeof(*d));
	nvnl_init(&m, family, NLM_F_DUMP, NVIRT_CMD_VIF_GET);
	if (parent)
		nvnl_put_u32(&m, NVIRT_A_VIF_PARENT_IFINDEX, parent);
	err = nvnl_request(fd, &m, vif_cb, &c, &d->a);
	return err ? err : -d->a.err;
}

int nv_vif_dump(int fd, int family, struct nv_vif *v, struct nv_dump *d)
{
	return nv_vif_dump_on(fd, family, 0, v, d);
}

/* One VIF by id or name (or both), into @v. */
int nv_vif_get(int fd, int family, __u32 id, const char *name,
	       struct nv_vif *v)
{
	static __thread struct nv_vif got[NV_MAX];
	struct nv_dump d = { 0 };
	struct nv_dump_ctx c = { .d = &d, .out = got };
	struct nvnl_msg m;
	int err;

	nvnl_init(&m, family, 0, NVIRT_CMD_VIF_GET);
	if (id)
		nvnl_put_u32(&m, NVIRT_A_VIF_ID, id);
	if (name)
		nvnl_put_str(&m, NVIRT_A_VIF_NAME, name);
	err = nvnl_request(fd, &m, vif_cb, &c, &d.a);
	if (err)
		return err;
	if (d.a.err)
		return -d.a.err;
	*v = got[0];
	return d.n == 1 ? 0 : -EBADMSG;
}

static int policy_name_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nv_dump_ctx *c = arg;
	char (*names)[32] = c->out, name[32] = "";
	const struct nlattr *nla = nvnl_attr(nlh, NVIRT_A_NAMED_POLICY_NAME);

	if (nla)
		copy_str(name, sizeof(name), nla);
	c->d->dup_name |= seen_name(names[0], sizeof(names[0]), c->d->n, name);
	if (c->d->n < NV_MAX)
		memcpy(names[c->d->n++], name, sizeof(name));
	return 0;
}

int nv_policy_dump(int fd, int family, char (*names)[32], struct nv_dump *d)
{
	struct nv_dump_ctx c = { .d = d, .out = names };
	struct nvnl_msg m;
	int err;

	memset(d, 0, sizeof(*d));
	nvnl_init(&m, family, NLM_F_DUMP, NVIRT_CMD_POLICY_GET);
	err = nvnl_request(fd, &m, policy_name_cb, &c, &d->a);
	return err ? err : -d->a.err;
}

static int nic_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nv_dump_ctx *c = arg;
	struct nv_nic *nics = c->out, n = { .managed = -1 };
	const struct nlattr *nla;
	int i;

	nvnl_for_each_gattr(nla, nlh) {
		switch (nvnl_type(nla)) {
		case NVIRT_A_NIC_IFINDEX:
			n.ifindex = nvnl_get_uint(nla);
			break;
		case NVIRT_A_NIC_IFNAME:
			copy_str(n.name, sizeof(n.name), nla);
			break;
		case NVIRT_A_NIC_MANAGED:
			n.managed = nvnl_get_uint(nla);
			break;
		case NVIRT_A_NIC_SRIOV_TOTAL_VFS:
			n.total_vfs = nvnl_get_uint(nla);
			break;
		}
	}
	for (i = 0; i < c->d->n; i++)
		c->d->dup_id |= nics[i].ifindex == n.ifindex;
	if (c->d->n < NV_MAX)
		nics[c->d->n++] = n;
	return 0;
}

int nv_nic_dump(int fd, int family, struct nv_nic *nics, struct nv_dump *d)
{
	struct nv_dump_ctx c = { .d = d, .out = nics };
	struct nvnl_msg m;
	int err;

	memset(d, 0, sizeof(*d));
	nvnl_init(&m, family, NLM_F_DUMP, NVIRT_CMD_NIC_GET);
	err = nvnl_request(fd, &m, nic_cb, &c, &d->a);
	return err ? err : -d->a.err;
}

static int id_cb(const struct nlmsghdr *nlh, void *arg)
{
	const struct nlattr *nla = nvnl_attr(nlh, NVIRT_A_VIF_ID);

	if (nla)
		*(__u32 *)arg = nvnl_get_uint(nla);
	return 0;
}

/* A VIF: its id, or -errno. @backend and @netns_fd: -1 for none. */
int nv_vif_new(int fd, int family, const char *name, __u32 parent,
	       int backend, int netns_fd, struct nvnl_ans *a)
{
	struct nvnl_msg m;
	__u32 id = 0;
	int err;

	nvnl_init(&m, family, 0, NVIRT_CMD_VIF_NEW);
	nvnl_put_str(&m, NVIRT_A_VIF_NAME, name);
	nvnl_put_u32(&m, NVIRT_A_VIF_PARENT_IFINDEX, parent);
	if (backend >= 0)
		nvnl_put_u32(&m, NVIRT_A_VIF_BACKEND, backend);
	if (netns_fd >= 0)
		nvnl_put_s32(&m, NVIRT_A_VIF_NETNS_FD, netns_fd);
	err = nvnl_request(fd, &m, id_cb, &id, a);
	if (err)
		return err;
	return a->err ? -a->err : (int)id;
}

int nv_vif_del(int fd, int family, __u32 id, const char *name,
	       struct nvnl_ans *a)
{
	struct nvnl_msg m;

	nvnl_init(&m, family, 0, NVIRT_CMD_VIF_DEL);
	if (id)
		nvnl_put_u32(&m, NVIRT_A_VIF_ID, id);
	if (name)
		nvnl_put_str(&m, NVIRT_A_VIF_NAME, name);
	return nv_do(fd, &m, a);
}

int nv_policy_del(int fd, int family, const char *name, struct nvnl_ans *a)
{
	struct nvnl_msg m;

	nvnl_init(&m, family, 0, NVIRT_CMD_POLICY_DEL);
	nvnl_put_str(&m, NVIRT_A_NAMED_POLICY_NAME, name);
	return nv_do(fd, &m, a);
}

int nv_nic_set_managed(int fd, int family, __u32 ifindex, int managed)
{
	struct nvnl_msg m;

	nvnl_init(&m, family, 0, NVIRT_CMD_NIC_SET);
	nvnl_put_u32(&m, NVIRT_A_NIC_IFINDEX, ifindex);
	nvnl_put_u32(&m, NVIRT_A_NIC_MANAGED, managed);
	return nv_do(fd, &m, NULL);
}

/* Whether @nlh's attributes fill it exactly, nests included. */
static bool well_formed(const void *start, int len, int depth)
{
	const struct nlattr *nla;
	int used = 0;

	nvnl_for_each_attr(nla, start, len) {
		used = (const char *)nla - (const char *)start + NLA_ALIGN(nla->nla_len);
		if ((nla->nla_type & NLA_F_NESTED) && depth < 4 &&
		    !well_formed(nvnl_data(nla), nvnl_len(nla), depth + 1))
			return false;
	}
	return used == len || (used > len && used - len < NLA_ALIGNTO);
}

/* State after @ev (0 add, 1 del, 2 change) of an object in @state. */
static __u8 mon_step(struct nv_mon *mon, __u8 state, int ev, const char *who)
{
	static const char *const what[] = { "add", "del", "change" };

	if (((ev == 0 && state == 1) || (ev != 0 && state == 2)) &&
	    !mon->disorder++)
		snprintf(mon->why, sizeof(mon->why), "%s: %s while %s", who,
			 what[ev], state == 1 ? "present" : "deleted");
	return ev == 1 ? 2 : 1;
}

static void mon_policy(struct nv_mon *mon, const struct nlmsghdr *nlh, int ev)
{
	const struct nlattr *nla = nvnl_attr(nlh, NVIRT_A_NAMED_POLICY_NAME);
	char name[32], who[48];
	int i;

	if (!nla)
		return;
	snprintf(name, sizeof(name), "%.*s", nvnl_len(nla),
		 (const char *)nvnl_data(nla));
	for (i = 0; i < mon->n_pol; i++)
		if (!strcmp(mon->pol[i].name, name))
			break;
	if (i == mon->n_pol) {
		if (i == 64)
			return;
		mon->n_pol++;
		snprintf(mon->pol[i].name, sizeof(mon->pol[i].name), "%s", name);
		mon->pol[i].state = 0;
	}
	snprintf(who, sizeof(who), "policy %s", name);
	mon->pol[i].state = mon_step(mon, mon->pol[i].state, ev, who);
}

static void mon_one(struct nv_mon *mon, int family, const struct nlmsghdr *nlh)
{
	const struct genlmsghdr *gh = NLMSG_DATA(nlh);
	const struct nlattr *nla;
	int kind, ev;
	char who[32];
	__u32 id;

	if (nlh->nlmsg_type != family ||
	    nlh->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN) ||
	    !well_formed((const char *)gh + GENL_HDRLEN,
			 nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN), 0)) {
		mon->malformed++;
		return;
	}
	switch (gh->cmd) {
	case NVIRT_CMD_NIC_ADD_NTF ... NVIRT_CMD_NIC_CHANGE_NTF:
		kind = 0;
		ev = gh->cmd - NVIRT_CMD_NIC_ADD_NTF;
		break;
	case NVIRT_CMD_VIF_ADD_NTF ... NVIRT_CMD_VIF_CHANGE_NTF:
		kind = 1;
		ev = gh->cmd - NVIRT_CMD_VIF_ADD_NTF;
		break;
	case NVIRT_CMD_POLICY_ADD_NTF ... NVIRT_CMD_POLICY_CHANGE_NTF:
		kind = 2;
		ev = gh->cmd - NVIRT_CMD_POLICY_ADD_NTF;
		break;
	default:
		mon->malformed++;
		return;
	}
	mon->ntf[kind][ev]++;
	if (kind == 2)
		mon_policy(mon, nlh, ev);
	if (kind != 1 || !(nla = nvnl_attr(nlh, NVIRT_A_VIF_ID)))
		return;
	id = nvnl_get_uint(nla);
	if (id >= NV_MON_IDS)
		return;
	snprintf(who, sizeof(who), "VIF %u", id);
	mon->vif[id] = mon_step(mon, mon->vif[id], ev, who);
}

/*
 * Read what the monitor socket has (@wait: block up to 100 ms first).
 * An overrun loses events: what was known is forgotten. Returns the
 * number of notifications read.
 */
int nv_mon_read(int fd, int family, struct nv_mon *mon, bool wait)
{
	static __thread char buf[NVNL_RX_MAX];
	int n, count = 0, flags = wait ? 0 : MSG_DONTWAIT;
	struct timeval tv = { 0, 100000 };

	if (wait)
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	for (;;) {
		const struct nlmsghdr *nlh;

		n = recv(fd, buf, sizeof(buf), flags);
		flags = MSG_DONTWAIT;
		if (n < 0) {
			if (errno != ENOBUFS)
				return count;
			mon->overruns++;
			memset(mon->vif, 0, sizeof(mon->vif));
			mon->n_pol = 0;
			continue;
		}
		for (nlh = (void *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			mon_one(mon, family, nlh);
			count++;
		}
	}
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
