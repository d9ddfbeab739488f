// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt's objects over raw netlink, for the fuzz and soak tests
 * (nvirt_nlobj.h): requests that make and drop them, dumps checked for
 * consistency, notifications checked for order.
 */

#include <errno.h>
#include <sys/time.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/nvirt.h>

#include "nvirt_nlobj.h"

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

/* A policy's or a pool's event: its name is attribute @attr. */
static void mon_named(struct nv_mon *mon, struct nv_mon_named *t,
		      const char *what, int attr, const struct nlmsghdr *nlh,
		      int ev)
{
	const struct nlattr *nla = nvnl_attr(nlh, attr);
	char name[32], who[48];
	int i;

	if (!nla)
		return;
	snprintf(name, sizeof(name), "%.*s", nvnl_len(nla),
		 (const char *)nvnl_data(nla));
	for (i = 0; i < t->n; i++)
		if (!strcmp(t->obj[i].name, name))
			break;
	if (i == t->n) {
		if (i == 64)
			return;
		t->n++;
		snprintf(t->obj[i].name, sizeof(t->obj[i].name), "%s", name);
		t->obj[i].state = 0;
	}
	snprintf(who, sizeof(who), "%s %s", what, name);
	t->obj[i].state = mon_step(mon, t->obj[i].state, ev, who);
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
	case NVIRT_CMD_POOL_ADD_NTF ... NVIRT_CMD_POOL_CHANGE_NTF:
		kind = 3;
		ev = gh->cmd - NVIRT_CMD_POOL_ADD_NTF;
		break;
	default:
		mon->malformed++;
		return;
	}
	mon->ntf[kind][ev]++;
	if (kind == 2)
		mon_named(mon, &mon->pol, "policy", NVIRT_A_NAMED_POLICY_NAME,
			  nlh, ev);
	if (kind == 3)
		mon_named(mon, &mon->pool, "pool", NVIRT_A_POOL_NAME, nlh, ev);
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
			mon->pol.n = 0;
			mon->pool.n = 0;
			continue;
		}
		for (nlh = (void *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			mon_one(mon, family, nlh);
			count++;
		}
	}
}
