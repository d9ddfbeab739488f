// SPDX-License-Identifier: GPL-2.0
/*
 * A stand-in libnvirt for the CLI's fuzz target: every call the CLI makes,
 * answered from here without a socket.
 *
 * It checks what the CLI hands over as the real library would need it
 * (strings that end, configs with known fields, a netns descriptor that is
 * open) and answers with records that fill every field the CLI prints, so
 * that text and JSON output run too. A name that starts with 'x' is
 * refused, one with 'w' gets a warning, a VIF whose name starts with 'r'
 * gets a refused plan. The monitor delivers one of each event, says it
 * lost some once, then fails.
 *
 * The name tables are libnvirt's own (lib/caps.c, lib/vif_names.c);
 * netns_stub.c stands in for cli/netns.c.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/nvirt.h>
#include <nvirt/nvirt.h>

#include "stub.h"

struct nvirt {
	char error[256];
	char warning[256];
	int mon[2];			/* a pipe that always has a byte */
	unsigned int mon_steps;
	unsigned int cause;		/* of the event being delivered */
	const struct nvirt_pool *pool;	/* its record, for a pool's */
};

/* Trap on what the real library could not take. */
#define CHECK(cond)	do {						\
	if (!(cond))							\
		__builtin_trap();					\
} while (0)

static void check_str(const char *s)
{
	if (s)
		CHECK(strlen(s) < 4096);
}

/* Outcome of a call on an object named @name: 0, or refused. */
static int outcome(struct nvirt *h, const char *name)
{
	h->warning[0] = '\0';
	check_str(name);
	if (name && name[0] == 'x') {
		snprintf(h->error, sizeof(h->error), "stub refuses \"%s\"", name);
		return -EINVAL;
	}
	if (name && name[0] == 'w')
		snprintf(h->warning, sizeof(h->warning), "stub warns of \"%s\"",
			 name);
	return 0;
}

/*
 * outcome() of a call that gives a record, *@rec: as the library, none
 * when it fails.
 */
static int outcome_rec(struct nvirt *h, const char *name, void **rec)
{
	int err = outcome(h, name);

	if (err) {
		free(*rec);
		*rec = NULL;
	}
	return err;
}

struct nvirt *nvirt_open(void)
{
	struct nvirt *h = calloc(1, sizeof(*h));

	if (!h)
		return NULL;
	h->mon[0] = h->mon[1] = -1;
	return h;
}

void nvirt_close(struct nvirt *h)
{
	if (!h)
		return;
	if (h->mon[0] >= 0) {
		close(h->mon[0]);
		close(h->mon[1]);
	}
	free(h);
}

const char *nvirt_strerror(const struct nvirt *h)
{
	return h->error;
}

const char *nvirt_warning(const struct nvirt *h)
{
	return h->warning[0] ? h->warning : NULL;
}

const char *nvirt_lib_version(void)
{
	return "0.0.0-stub";
}

int nvirt_version_get(struct nvirt *h, struct nvirt_version **vp)
{
	struct nvirt_version *v = calloc(1, sizeof(*v));

	CHECK(v);
	v->size = sizeof(*v);
	snprintf(v->version, sizeof(v->version), "0.0.0-stub");
	v->api = 1;
	*vp = v;
	return outcome_rec(h, NULL, (void **)vp);
}

/* A NIC's record and the arrays it points to, in one block. */
struct stub_nic {
	struct nvirt_nic nic;
	struct nvirt_nic_vf vf[3];
	const struct nvirt_nic_vf *vfs[3];
	/* every knob but one, and one this library has no name for */
	struct nvirt_cap cap[NVIRT_KNOB_MAX + 1];
	const struct nvirt_cap *caps[NVIRT_KNOB_MAX + 1];
};

/* NICs: a PF with VFs and most knobs, a VF of it, or @ifname. */
static void stub_nic(struct stub_nic *sn, const char *ifname, bool vf)
{
	struct nvirt_nic *nic = &sn->nic;
	unsigned int k;

	memset(sn, 0, sizeof(*sn));
	nic->size = sizeof(*nic);
	nic->ifindex = vf ? 9 : 2;
	snprintf(nic->ifname, sizeof(nic->ifname), "%s", ifname);
	snprintf(nic->driver, sizeof(nic->driver), vf ? "igbvf" : "igb");
	snprintf(nic->bus, sizeof(nic->bus), "pci");
	snprintf(nic->bus_addr, sizeof(nic->bus_addr), "0000:01:00.0");
	nic->address_len = 6;
	memcpy(nic->address, "\x52\x54\x00\x12\x34\x56", 6);
	nic->perm_address_len = 6;
	memcpy(nic->perm_address, "\x52\x54\x00\x12\x34\x57", 6);
	nic->mtu = 1500;
	nic->max_mtu = 9216;
	nic->min_mtu = 68;
	nic->operstate = vf ? 9 : 6;	/* one with no name */
	nic->managed = !vf;
	nic->link_type = vf ? 0xfffe : 1;
	nic->has_speed = true;
	nic->speed = 1000;
	nic->tx_queues = nic->max_tx_queues = 8;
	nic->rx_queues = nic->max_rx_queues = 8;
	nic->has_channels = true;
	nic->channels.combined = nic->channels.max_combined = 8;
	nic->channels.max_other = 1;
	if (vf) {
		nic->is_vf = true;
		snprintf(nic->pf_bus_addr, sizeof(nic->pf_bus_addr),
			 "0000:01:00.0");
		nic->pf_ifindex = 2;
		nic->vf_index = 1;
	} else {
		nic->sriov = true;
		nic->sriov_total_vfs = 7;
		nic->sriov_num_vfs = nic->n_vfs = 3;
		for (k = 0; k < nic->n_vfs; k++) {
			sn->vf[k].size = sizeof(sn->vf[k]);
			sn->vf[k].index = k;
			snprintf(sn->vf[k].bus_addr, sizeof(sn->vf[k].bus_addr),
				 "0000:01:10.%u", k);
			sn->vf[k].ifindex = k ? 0 : 1;
			sn->vfs[k] = &sn->vf[k];
		}
		nic->vfs = sn->vfs;
		nic->has_esw_mode = true;
		nic->esw_mode = 1;
	}
	for (k = 0; k <= NVIRT_KNOB_MAX + 1; k++) {
		struct nvirt_cap *cap = &sn->cap[nic->n_caps];

		if (k == 3)
			continue;
		cap->size = sizeof(*cap);
		cap->knob = k;
		cap->support = k % 4;	/* 3: one with no name */
		cap->reason = k % 8;
		cap->verified = k % 4;	/* 3: one with no name */
		sn->caps[nic->n_caps++] = cap;
	}
	nic->caps = sn->caps;
}

void nvirt_free(void *rec)
{
	free(rec);
}

int nvirt_nic_get(struct nvirt *h, uint32_t ifindex, const char *ifname,
		  struct nvirt_nic **nic)
{
	struct stub_nic *sn = malloc(sizeof(*sn));

	CHECK(ifindex || ifname);
	CHECK(sn);
	stub_nic(sn, ifname ? ifname : "eth0", false);
	*nic = &sn->nic;
	return outcome_rec(h, ifname, (void **)nic);
}

int nvirt_nic_dump(struct nvirt *h, nvirt_nic_cb cb, void *arg)
{
	struct stub_nic sn;
	int err;

	stub_nic(&sn, "eth0", false);
	err = cb(&sn.nic, arg);
	if (err)
		return err;
	stub_nic(&sn, "eth0v1", true);
	return cb(&sn.nic, arg) ?: outcome(h, NULL);
}

int nvirt_nic_set_managed(struct nvirt *h, uint32_t ifindex,
			  const char *ifname, bool managed)
{
	CHECK(ifindex || ifname);
	(void)managed;
	return outcome(h, ifname);
}

int nvirt_nic_verify(struct nvirt *h, uint32_t ifindex, const char *ifname,
		     uint32_t flags, struct nvirt_nic **nic)
{
	struct stub_nic *sn = malloc(sizeof(*sn));

	CHECK(ifindex || ifname);
	CHECK(!(flags & ~NVIRT_NIC_VERIFY_FORGET));
	CHECK(sn && nic);
	stub_nic(sn, ifname ? ifname : "eth0", false);
	*nic = &sn->nic;
	return outcome_rec(h, ifname, (void **)nic);
}

/* A plan, the arrays it points to and its texts, in one block. */
struct stub_plan {
	struct nvirt_plan plan;
	struct nvirt_enforce enf[NVIRT_SETTING_MAX + 2];
	const struct nvirt_enforce *enforce[NVIRT_SETTING_MAX + 2];
	struct nvirt_plan_why why[24];
	const struct nvirt_plan_why *reasons[24];
	char texts[24][64];
	char error_text[64];
};

/*
 * Plans: a VF taken from another VIF, or a refusal for @name "r...";
 * every setting, and one with no name.
 */
static void stub_plan(struct stub_plan *sp, const char *name)
{
	struct nvirt_plan *plan = &sp->plan;
	uint32_t i;

	memset(sp, 0, sizeof(*sp));
	plan->size = sizeof(*plan);
	plan->backend = NVIRT_BACKEND_VF;
	plan->g2g = 7;			/* one with no name */
	plan->displace = 3;
	for (i = 0; i < NVIRT_SETTING_MAX + 2; i++) {
		if (!(i % 4))
			continue;	/* not in effect */
		sp->enf[i].size = sizeof(sp->enf[i]);
		sp->enf[i].setting = i;
		sp->enf[i].where = i % 4;
		sp->enforce[plan->n_enforce++] = &sp->enf[i];
	}
	plan->enforce = sp->enforce;
	plan->n_reasons = name && name[0] == 'r' ? 24 : 2;
	for (i = 0; i < plan->n_reasons; i++) {
		sp->why[i].size = sizeof(sp->why[i]);
		sp->why[i].code = i * 3;
		if (i % 3)
			snprintf(sp->texts[i], sizeof(sp->texts[i]),
				 "reason %u of %s", i, name ? name : "?");
		sp->why[i].text = sp->texts[i];
		sp->reasons[i] = &sp->why[i];
	}
	plan->reasons = sp->reasons;
	plan->error_text = sp->error_text;
	if (name && name[0] == 'r') {
		plan->error = ENOSPC;
		snprintf(sp->error_text, sizeof(sp->error_text),
			 "%s has no room", name);
	}
}

/* A VIF's record, with all it points to, in one block. */
struct stub_vif {
	struct nvirt_vif vif;
	struct nvirt_enforce enf[2];
	const struct nvirt_enforce *enforce[2];
	struct nvirt_vif_stats stats;
	struct nvirt_policy policy;
	struct stub_plan plan;
};

static void stub_vif(struct stub_vif *sv, const char *name, bool full)
{
	struct nvirt_vif *vif = &sv->vif;

	memset(sv, 0, sizeof(*sv));
	vif->size = sizeof(*vif);
	vif->id = 7;
	snprintf(vif->name, sizeof(vif->name), "%s", name ? name : "vm1");
	vif->parent_ifindex = 2;
	snprintf(vif->parent_ifname, sizeof(vif->parent_ifname), "eth0");
	vif->backend = full ? NVIRT_BACKEND_QUEUE : 9;
	vif->ifindex = 12;
	snprintf(vif->ifname, sizeof(vif->ifname), full ? "eth4" : "%s",
		 vif->name);
	vif->has_netns_id = true;
	vif->netns_id = full ? 3 : -1;
	memcpy(vif->mac, "\x02\x00\x00\x00\x01\x01", 6);
	vif->vlan = 10;
	vif->vlan_qos = 3;
	vif->vlan_proto = full ? 0 : 5;
	vif->mtu = 1400;
	vif->max_rate = 100;
	vif->min_rate = full ? 10 : 0;
	vif->spoofchk = true;
	vif->link_state = full ? 1 : 8;
	vif->operstate = 6;
	vif->has_queue = full;
	vif->queue = 1;
	vif->has_vf_index = !full;
	sv->enf[0] = (struct nvirt_enforce){ sizeof(sv->enf[0]), 0,
					     NVIRT_SUPPORT_HARDWARE };
	sv->enf[1] = (struct nvirt_enforce){ sizeof(sv->enf[1]), 2,
					     NVIRT_SUPPORT_SOFTWARE };
	sv->enforce[0] = &sv->enf[0];
	sv->enforce[1] = &sv->enf[1];
	vif->n_enforce = 2;
	vif->enforce = sv->enforce;
	sv->stats.size = sizeof(sv->stats);
	sv->stats.rx_packets = 12;
	sv->stats.rx_bytes = UINT64_MAX;
	sv->stats.has_spoof_dropped = true;
	sv->stats.has_vlan_dropped = full;
	sv->stats.has_ring = full;
	sv->stats.ring_posts = 1234567890123ULL;
	vif->stats = &sv->stats;
	sv->policy.size = sizeof(sv->policy);
	sv->policy.fields = full ? 0x3f : 0;
	sv->policy.goal = NVIRT_GOAL_LATENCY;
	sv->policy.g2g = 9;
	sv->policy.priority = UINT32_MAX;
	vif->policy = &sv->policy;
	if (full)
		snprintf(vif->policy_name, sizeof(vif->policy_name), "gold");
	vif->has_migratable = full;
	vif->g2g = 1;
}

/* A VIF's record of the stand-in's, with a plan: for nvirt_free(). */
static struct nvirt_vif *stub_vif_new(const char *name, bool full)
{
	struct stub_vif *sv = malloc(sizeof(*sv));

	CHECK(sv);
	stub_vif(sv, name, full);
	stub_plan(&sv->plan, name);
	sv->vif.plan = &sv->plan.plan;
	return &sv->vif;
}

/* A plan of the stand-in's, for nvirt_free(). */
static struct nvirt_plan *stub_plan_new(const char *name)
{
	struct stub_plan *sp = malloc(sizeof(*sp));

	CHECK(sp);
	stub_plan(sp, name);
	return &sp->plan;
}

/* A config the real library sends; a netns descriptor that is open. */
static void check_cfg(const struct nvirt_vif_config *cfg)
{
	if (!cfg)
		return;
	CHECK(!(cfg->fields & ~((NVIRT_VIF_F_POOL_NAME << 1) - 1)));
	CHECK(cfg->size == sizeof(*cfg));
	if (cfg->fields & NVIRT_VIF_F_POLICY)
		CHECK(cfg->policy && cfg->policy->size == sizeof(*cfg->policy) &&
		      !(cfg->policy->fields &
			~((NVIRT_POLICY_F_PRIORITY << 1) - 1)));
	if (cfg->fields & NVIRT_VIF_F_POLICY_NAME) {
		CHECK(cfg->policy_name);
		check_str(cfg->policy_name);
	}
	if (cfg->fields & NVIRT_VIF_F_POOL_NAME) {
		CHECK(cfg->pool_name);
		check_str(cfg->pool_name);
	}
	if (cfg->fields & NVIRT_VIF_F_NETNS)
		CHECK(cfg->netns_fd >= 0 && cfg->netns_fd == stub_netns_fd &&
		      fcntl(cfg->netns_fd, F_GETFD) >= 0);
}

/*
 * A NIC, or a pool to choose one from, not both; or neither, for the pool
 * of the named policy the VIF is to follow.
 */
static bool vif_where(uint32_t parent_ifindex, const char *parent_ifname,
		      const struct nvirt_vif_config *cfg)
{
	bool nic = parent_ifindex || parent_ifname;
	bool pool = cfg->fields & NVIRT_VIF_F_POOL_NAME;

	if (nic || pool)
		return nic != pool;
	return (cfg->fields & NVIRT_VIF_F_POLICY_NAME) && cfg->policy_name &&
	       cfg->policy_name[0];
}

int nvirt_vif_new(struct nvirt *h, const char *name, uint32_t parent_ifindex,
		  const char *parent_ifname,
		  const struct nvirt_vif_config *cfg, struct nvirt_vif **vif)
{
	CHECK(name && cfg && vif_where(parent_ifindex, parent_ifname, cfg));
	check_str(parent_ifname);
	check_cfg(cfg);
	if (!vif)
		return outcome(h, name);
	*vif = stub_vif_new(name, true);
	return outcome_rec(h, name, (void **)vif);
}

int nvirt_vif_new_plan(struct nvirt *h, const char *name,
		       uint32_t parent_ifindex, const char *parent_ifname,
		       const struct nvirt_vif_config *cfg,
		       struct nvirt_plan **plan)
{
	CHECK(name && cfg && vif_where(parent_ifindex, parent_ifname, cfg));
	check_str(parent_ifname);
	check_cfg(cfg);
	*plan = stub_plan_new(name);
	return outcome_rec(h, name, (void **)plan);
}

int nvirt_vif_del(struct nvirt *h, uint32_t id, const char *name)
{
	CHECK(id || name);
	return outcome(h, name);
}

int nvirt_vif_get(struct nvirt *h, uint32_t id, const char *name,
		  struct nvirt_vif **vif)
{
	CHECK(id || name);
	*vif = stub_vif_new(name, true);
	return outcome_rec(h, name, (void **)vif);
}

int nvirt_vif_set(struct nvirt *h, uint32_t id, const char *name,
		  const struct nvirt_vif_config *cfg)
{
	CHECK(id || name);
	check_cfg(cfg);
	return outcome(h, name);
}

int nvirt_vif_set_plan(struct nvirt *h, uint32_t id, const char *name,
		       const struct nvirt_vif_config *cfg,
		       struct nvirt_plan **plan)
{
	CHECK(id || name);
	check_cfg(cfg);
	*plan = stub_plan_new(name);
	return outcome_rec(h, name, (void **)plan);
}

int nvirt_vif_explain(struct nvirt *h, uint32_t id, const char *name,
		      struct nvirt_vif **vif)
{
	CHECK(id || name);
	*vif = stub_vif_new(name, false);
	return outcome_rec(h, name, (void **)vif);
}

int nvirt_vif_dump(struct nvirt *h, uint32_t parent_ifindex,
		   const char *parent_ifname, nvirt_vif_cb cb, void *arg)
{
	struct stub_vif sv;
	int err;

	(void)parent_ifindex;
	stub_vif(&sv, "vm1", true);
	err = cb(&sv.vif, arg);
	if (err)
		return err;
	stub_vif(&sv, "vm2", false);
	return cb(&sv.vif, arg) ?: outcome(h, parent_ifname);
}

/* A named policy's record, with all it points to, in one block. */
struct stub_np {
	struct nvirt_named_policy np;
	struct nvirt_policy policy;
	struct nvirt_vif_config settings;
};

/* Named policies: every goal, and both rates. */
static void stub_policy(struct stub_np *sp, const char *name)
{
	struct nvirt_named_policy *np = &sp->np;

	memset(sp, 0, sizeof(*sp));
	np->size = sizeof(*np);
	snprintf(np->name, sizeof(np->name), "%s", name ? name : "gold");
	sp->policy.size = sizeof(sp->policy);
	sp->policy.fields = 0x3f;
	sp->policy.isolation = 1;
	sp->policy.visibility = 5;
	np->policy = &sp->policy;
	sp->settings.size = sizeof(sp->settings);
	sp->settings.fields = NVIRT_NAMED_POLICY_SETTINGS;
	sp->settings.max_rate = 100;
	sp->settings.policy_name = "";
	sp->settings.pool_name = "uplinks";
	np->settings = &sp->settings;
	np->users = 2;
}

static void check_policy(const struct nvirt_policy *pol,
			 const struct nvirt_vif_config *settings)
{
	if (pol)
		CHECK(pol->size == sizeof(*pol) &&
		      !(pol->fields & ~((NVIRT_POLICY_F_PRIORITY << 1) - 1)));
	if (settings) {
		CHECK(settings->size == sizeof(*settings) &&
		      !(settings->fields & ~NVIRT_NAMED_POLICY_SETTINGS));
		if (settings->fields & NVIRT_VIF_F_POOL_NAME) {
			CHECK(settings->pool_name);
			check_str(settings->pool_name);
		}
	}
}

int nvirt_policy_new(struct nvirt *h, const char *name,
		     const struct nvirt_policy *pol,
		     const struct nvirt_vif_config *settings)
{
	CHECK(name);
	check_policy(pol, settings);
	return outcome(h, name);
}

int nvirt_policy_set(struct nvirt *h, const char *name,
		     const struct nvirt_policy *pol,
		     const struct nvirt_vif_config *settings)
{
	CHECK(name && (pol || settings));
	check_policy(pol, settings);
	return outcome(h, name);
}

int nvirt_policy_del(struct nvirt *h, const char *name)
{
	CHECK(name);
	return outcome(h, name);
}

int nvirt_policy_get(struct nvirt *h, const char *name,
		     struct nvirt_named_policy **np)
{
	struct stub_np *sp = malloc(sizeof(*sp));

	CHECK(name && sp);
	stub_policy(sp, name);
	*np = &sp->np;
	return outcome_rec(h, name, (void **)np);
}

int nvirt_policy_dump(struct nvirt *h, nvirt_policy_cb cb, void *arg)
{
	struct stub_np sp;
	int err;

	stub_policy(&sp, "gold");
	err = cb(&sp.np, arg);
	if (err)
		return err;
	stub_policy(&sp, "silver");
	sp.policy.fields = 0;
	sp.settings.fields = 0;
	return cb(&sp.np, arg) ?: outcome(h, NULL);
}

struct stub_pool {
	struct nvirt_pool pool;
	struct nvirt_pool_member members[2];
	uint32_t link[2];
};

/* Pools: two NICs, one of them without a name (going), its link down. */
static void stub_pool(struct stub_pool *sp, const char *name)
{
	memset(sp, 0, sizeof(*sp));
	sp->pool.size = sizeof(sp->pool);
	snprintf(sp->pool.name, sizeof(sp->pool.name), "%s",
		 name ? name : "uplinks");
	sp->members[0].ifindex = 2;
	snprintf(sp->members[0].ifname, sizeof(sp->members[0].ifname), "eth1");
	sp->members[1].ifindex = 3;
	sp->pool.n_members = 2;
	sp->pool.members = sp->members;
	sp->pool.vifs = 1;
	sp->pool.grace = 30;
	sp->link[0] = 0;
	sp->link[1] = 7;	/* one with no name */
	sp->pool.link = sp->link;
}

static void check_devs(const char *const *devs, unsigned int n)
{
	unsigned int i;

	CHECK(devs && n > 0 && n <= 9);
	for (i = 0; i < n; i++)
		CHECK(devs[i] && strlen(devs[i]) < 4096);
}

/* A pool config as the CLI fills it: its size, devs where it names them. */
static void check_pool_cfg(const struct nvirt_pool_config *cfg, bool add)
{
	CHECK(cfg && cfg->size == sizeof(*cfg));
	CHECK(!(cfg->fields & ~(NVIRT_POOL_F_DEVS | NVIRT_POOL_F_GRACE)));
	CHECK(cfg->fields && (!add || (cfg->fields & NVIRT_POOL_F_DEVS)));
	if (cfg->fields & NVIRT_POOL_F_DEVS)
		check_devs(cfg->devs, cfg->n_devs);
}

int nvirt_pool_new(struct nvirt *h, const char *name,
		   const struct nvirt_pool_config *cfg)
{
	CHECK(name);
	check_pool_cfg(cfg, true);
	return outcome(h, name);
}

int nvirt_pool_set(struct nvirt *h, const char *name,
		   const struct nvirt_pool_config *cfg)
{
	CHECK(name);
	check_pool_cfg(cfg, false);
	return outcome(h, name);
}

int nvirt_pool_del(struct nvirt *h, const char *name)
{
	CHECK(name);
	return outcome(h, name);
}

int nvirt_pool_get(struct nvirt *h, const char *name, struct nvirt_pool **pool)
{
	struct stub_pool *sp = malloc(sizeof(*sp));

	CHECK(name && sp);
	stub_pool(sp, name);
	*pool = &sp->pool;
	return outcome_rec(h, name, (void **)pool);
}

int nvirt_pool_dump(struct nvirt *h, nvirt_pool_cb cb, void *arg)
{
	struct stub_pool sp;

	stub_pool(&sp, "uplinks");
	return cb(&sp.pool, arg) ?: outcome(h, NULL);
}

/* The monitor */
const char *nvirt_event_name(enum nvirt_event ev)
{
	static const char *const names[] = {
		NULL, "add", "del", "change", "add", "del", "change", "add",
		"del", "change", "add", "del", "change",
	};

	return (unsigned int)ev < sizeof(names) / sizeof(names[0]) ?
	       names[ev] : NULL;
}

int nvirt_monitor_start(struct nvirt *h)
{
	if (h->mon[0] >= 0)
		return 0;
	if (pipe2(h->mon, O_CLOEXEC) || write(h->mon[1], "", 1) != 1) {
		snprintf(h->error, sizeof(h->error), "stub: no pipe");
		return -EIO;
	}
	return 0;
}

int nvirt_monitor_fd(struct nvirt *h)
{
	return nvirt_monitor_start(h) ?: h->mon[0];
}

unsigned int nvirt_event_cause(const struct nvirt *h)
{
	return h->cause;
}

const struct nvirt_pool *nvirt_event_pool(const struct nvirt *h)
{
	return h->pool;
}

/* Each event once, with a record; then events lost; then an error. */
int nvirt_monitor_step(struct nvirt *h, nvirt_event_cb cb, void *arg)
{
	struct stub_pool spool;
	struct stub_nic sn;
	struct stub_vif sv;
	struct stub_np sp;
	enum nvirt_event ev;
	int ret;

	CHECK(h->mon[0] >= 0);
	switch (h->mon_steps++) {
	case 0:
		break;
	case 1:
		snprintf(h->error, sizeof(h->error), "stub lost events");
		return -ENOBUFS;
	default:
		snprintf(h->error, sizeof(h->error), "stub has no more events");
		return -EIO;
	}
	for (ev = NVIRT_EVENT_NIC_ADD; ev <= NVIRT_EVENT_POOL_CHANGE; ev++) {
		/* Every cause, and one this library has no name for. */
		h->cause = ev;
		if (ev <= NVIRT_EVENT_NIC_CHANGE) {
			stub_nic(&sn, "eth0", ev == NVIRT_EVENT_NIC_DEL);
			ret = cb(ev, &sn.nic, NULL, NULL, arg);
		} else if (ev <= NVIRT_EVENT_VIF_CHANGE) {
			stub_vif(&sv, "vm1", ev != NVIRT_EVENT_VIF_CHANGE);
			stub_plan(&sv.plan, "vm1");
			sv.vif.plan = ev == NVIRT_EVENT_VIF_CHANGE ?
				      &sv.plan.plan : NULL;
			ret = cb(ev, NULL, &sv.vif, NULL, arg);
		} else if (ev <= NVIRT_EVENT_POLICY_CHANGE) {
			stub_policy(&sp, "gold");
			ret = cb(ev, NULL, NULL, &sp.np, arg);
		} else {
			stub_pool(&spool, "uplinks");
			h->pool = &spool.pool;
			ret = cb(ev, NULL, NULL, NULL, arg);
			h->pool = NULL;
		}
		if (ret)
			return ret;
	}
	return 0;
}

int nvirt_monitor(struct nvirt *h, nvirt_event_cb cb, void *arg)
{
	int ret;

	while (!(ret = nvirt_monitor_step(h, cb, arg)))
		;
	return ret;
}
