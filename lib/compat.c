// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: the calls of 0.1 and 0.2 whose types later versions changed,
 * kept for the programs built against them: each converts between 0.2's
 * types (compat.h) and the latest call's, under its old symbol version.
 * Only programs built before see them; the header declares the latest.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "compat.h"

static void nic0_copy(struct nvirt0_nic *old, const struct nvirt_nic *nic)
{
	uint32_t i;

	memset(old, 0, sizeof(*old));
	old->ifindex = nic->ifindex;
	memcpy(old->ifname, nic->ifname, sizeof(old->ifname));
	memcpy(old->driver, nic->driver, sizeof(old->driver));
	memcpy(old->bus, nic->bus, sizeof(old->bus));
	memcpy(old->bus_addr, nic->bus_addr, sizeof(old->bus_addr));
	memcpy(old->address, nic->address, sizeof(old->address));
	old->address_len = nic->address_len;
	memcpy(old->perm_address, nic->perm_address, sizeof(old->perm_address));
	old->perm_address_len = nic->perm_address_len;
	old->mtu = nic->mtu;
	old->min_mtu = nic->min_mtu;
	old->max_mtu = nic->max_mtu;
	old->operstate = nic->operstate;
	old->managed = nic->managed;
	old->link_type = nic->link_type;
	old->has_speed = nic->has_speed;
	old->speed = nic->speed;
	old->tx_queues = nic->tx_queues;
	old->max_tx_queues = nic->max_tx_queues;
	old->rx_queues = nic->rx_queues;
	old->max_rx_queues = nic->max_rx_queues;
	old->has_channels = nic->has_channels;
	memcpy(&old->channels, &nic->channels, sizeof(old->channels));
	old->sriov = nic->sriov;
	old->sriov_total_vfs = nic->sriov_total_vfs;
	old->sriov_num_vfs = nic->sriov_num_vfs;
	for (i = 0; i < nic->n_vfs; i++) {
		struct nvirt0_nic_vf *vf = &old->vfs[old->n_vfs];

		if (old->n_vfs == NVIRT0_NIC_MAX_VFS) {
			old->vfs_truncated = true;
			break;
		}
		vf->index = nic->vfs[i]->index;
		memcpy(vf->bus_addr, nic->vfs[i]->bus_addr,
		       sizeof(vf->bus_addr));
		vf->ifindex = nic->vfs[i]->ifindex;
		old->n_vfs++;
	}
	old->is_vf = nic->is_vf;
	memcpy(old->pf_bus_addr, nic->pf_bus_addr, sizeof(old->pf_bus_addr));
	old->pf_ifindex = nic->pf_ifindex;
	old->vf_index = nic->vf_index;
	for (i = 0; i < nic->n_caps; i++) {
		const struct nvirt_cap *cap = nic->caps[i];

		if (cap->knob >= NVIRT0_KNOBS)
			continue;	/* a knob 0.2 did not know */
		old->caps[cap->knob].known = true;
		old->caps[cap->knob].support = cap->support;
		old->caps[cap->knob].reason = cap->reason;
	}
	old->has_esw_mode = nic->has_esw_mode;
	old->esw_mode = nic->esw_mode;
}

NVIRT_OLD(nvirt0_nic_get, nvirt_nic_get, "NVIRT_0.1");
int nvirt0_nic_get(struct nvirt *h, uint32_t ifindex, const char *ifname,
		   struct nvirt0_nic *old)
{
	struct nvirt_nic *nic;
	int err;

	err = nvirt_nic_get(h, ifindex, ifname, &nic);
	if (err)
		return err;
	nic0_copy(old, nic);
	nvirt_free(nic);
	return 0;
}

static void version0_copy(struct nvirt0_version *old,
			  const struct nvirt_version *v)
{
	memset(old, 0, sizeof(*old));
	snprintf(old->version, sizeof(old->version), "%s", v->version);
	old->api = v->api;
}

NVIRT_OLD(nvirt0_version_get, nvirt_version_get, "NVIRT_0.1");
int nvirt0_version_get(struct nvirt *h, struct nvirt0_version *old)
{
	struct nvirt_version *v;
	int err;

	err = nvirt_version_get(h, &v);
	if (err)
		return err;
	version0_copy(old, v);
	nvirt_free(v);
	return 0;
}

/* 0.2's policy: the goals, and a named policy's rates as fields. */
static void policy0_copy(struct nvirt0_policy *old,
			 const struct nvirt_policy *pol,
			 const struct nvirt_vif_config *settings)
{
	memset(old, 0, sizeof(*old));
	old->fields = pol->fields;
	old->goal = pol->goal;
	old->isolation = pol->isolation;
	old->migratable = pol->migratable;
	old->visibility = pol->visibility;
	old->g2g = pol->g2g;
	old->priority = pol->priority;
	if (!settings)
		return;
	if (settings->fields & NVIRT_VIF_F_MAX_RATE) {
		old->fields |= NVIRT0_POLICY_F_MAX_RATE;
		old->max_rate = settings->max_rate;
	}
	if (settings->fields & NVIRT_VIF_F_MIN_RATE) {
		old->fields |= NVIRT0_POLICY_F_MIN_RATE;
		old->min_rate = settings->min_rate;
	}
}

/* The other way: the goals into @pol, the rates into @settings. */
static void policy0_read(const struct nvirt0_policy *old,
			 struct nvirt_policy *pol,
			 struct nvirt_vif_config *settings)
{
	const struct nvirt_policy p = NVIRT_POLICY_INIT;
	const struct nvirt_vif_config c = NVIRT_VIF_CONFIG_INIT;

	*pol = p;
	pol->fields = old->fields & ~(NVIRT0_POLICY_F_MAX_RATE |
				      NVIRT0_POLICY_F_MIN_RATE);
	pol->goal = old->goal;
	pol->isolation = old->isolation;
	pol->migratable = old->migratable;
	pol->visibility = old->visibility;
	pol->g2g = old->g2g;
	pol->priority = old->priority;
	*settings = c;
	settings->policy_name = "";
	if (old->fields & NVIRT0_POLICY_F_MAX_RATE) {
		settings->fields |= NVIRT_VIF_F_MAX_RATE;
		settings->max_rate = old->max_rate;
	}
	if (old->fields & NVIRT0_POLICY_F_MIN_RATE) {
		settings->fields |= NVIRT_VIF_F_MIN_RATE;
		settings->min_rate = old->min_rate;
	}
}

/* Where settings are enforced, by setting, those 0.2 knew. */
static void enforce0_copy(uint8_t *old, uint32_t n,
			  const struct nvirt_enforce *const *enforce)
{
	uint32_t i;

	memset(old, 0, NVIRT0_SETTINGS);
	for (i = 0; i < n; i++)
		if (enforce[i]->setting < NVIRT0_SETTINGS)
			old[enforce[i]->setting] = enforce[i]->where;
}

static void plan0_copy(struct nvirt0_plan *old, const struct nvirt_plan *plan)
{
	uint32_t i;

	memset(old, 0, sizeof(*old));
	old->error = plan->error;
	snprintf(old->error_text, sizeof(old->error_text), "%s",
		 plan->error_text);
	old->backend = plan->backend;
	old->g2g = plan->g2g;
	old->migratable = plan->migratable;
	old->displace = plan->displace;
	enforce0_copy(old->enforce, plan->n_enforce, plan->enforce);
	for (i = 0; i < plan->n_reasons && i < NVIRT0_PLAN_REASONS; i++) {
		old->reasons[i].code = plan->reasons[i]->code;
		snprintf(old->reasons[i].text, sizeof(old->reasons[i].text),
			 "%s", plan->reasons[i]->text);
	}
	old->n_reasons = i;
}

/* A VIF's 0.2 record, its plan pointer to @plan0 (or NULL). */
static void vif0_copy(struct nvirt0_vif *old, const struct nvirt_vif *vif,
		      struct nvirt0_plan *plan0)
{
	const struct nvirt_vif_stats *st = vif->stats;

	memset(old, 0, sizeof(*old));
	old->id = vif->id;
	memcpy(old->name, vif->name, sizeof(old->name));
	old->parent_ifindex = vif->parent_ifindex;
	memcpy(old->parent_ifname, vif->parent_ifname,
	       sizeof(old->parent_ifname));
	old->backend = vif->backend;
	old->ifindex = vif->ifindex;
	memcpy(old->ifname, vif->ifname, sizeof(old->ifname));
	old->has_netns_id = vif->has_netns_id;
	old->netns_id = vif->netns_id;
	memcpy(old->mac, vif->mac, sizeof(old->mac));
	old->vlan = vif->vlan;
	old->vlan_qos = vif->vlan_qos;
	old->vlan_proto = vif->vlan_proto;
	old->mtu = vif->mtu;
	old->max_rate = vif->max_rate;
	old->min_rate = vif->min_rate;
	old->spoofchk = vif->spoofchk;
	old->trust = vif->trust;
	old->link_state = vif->link_state;
	old->operstate = vif->operstate;
	old->has_queue = vif->has_queue;
	old->queue = vif->queue;
	old->has_vf_index = vif->has_vf_index;
	old->vf_index = vif->vf_index;
	enforce0_copy(old->enforce, vif->n_enforce, vif->enforce);
	old->has_stats = st != NULL;
	if (st) {
		old->stats.rx_packets = st->rx_packets;
		old->stats.rx_bytes = st->rx_bytes;
		old->stats.rx_dropped = st->rx_dropped;
		old->stats.tx_packets = st->tx_packets;
		old->stats.tx_bytes = st->tx_bytes;
		old->stats.tx_dropped = st->tx_dropped;
		old->stats.has_spoof_dropped = st->has_spoof_dropped;
		old->stats.has_vlan_dropped = st->has_vlan_dropped;
		old->stats.spoof_dropped = st->spoof_dropped;
		old->stats.vlan_dropped = st->vlan_dropped;
		old->stats.has_ring = st->has_ring;
		old->stats.ring_posts = st->ring_posts;
		old->stats.ring_retries = st->ring_retries;
		old->stats.ring_throttled = st->ring_throttled;
		old->stats.ring_drops = st->ring_drops;
		old->stats.tx_switched = st->tx_switched;
		old->stats.rx_reflected = st->rx_reflected;
	}
	policy0_copy(&old->policy, vif->policy, NULL);
	memcpy(old->policy_name, vif->policy_name, sizeof(old->policy_name));
	old->has_migratable = vif->has_migratable;
	old->migratable = vif->migratable;
	old->g2g = vif->g2g;
	if (vif->plan && plan0) {
		plan0_copy(plan0, vif->plan);
		old->plan = plan0;
	}
}

/*
 * A 0.2 config, @old, in the latest's terms, its policy in @pol: 1, 0
 * when it is NULL (all defaults), or a negative errno, said on @h.
 */
static int cfg0_read(struct nvirt *h, const struct nvirt0_vif_config *old,
		     struct nvirt_vif_config *cfg, struct nvirt_policy *pol)
{
	const struct nvirt_vif_config c = NVIRT_VIF_CONFIG_INIT;
	struct nvirt_vif_config rates;

	if (!old)
		return 0;
	if ((old->fields & NVIRT_VIF_F_POLICY) &&
	    (old->policy.fields & (NVIRT0_POLICY_F_MAX_RATE |
				   NVIRT0_POLICY_F_MIN_RATE))) {
		h->warning[0] = '\0';
		return nvirt_fail(h, -EINVAL,
				  "a VIF's rates are its max_rate and min_rate, not its policy's");
	}
	*cfg = c;
	cfg->fields = old->fields;
	cfg->backend = old->backend;
	memcpy(cfg->mac, old->mac, sizeof(cfg->mac));
	cfg->vlan = old->vlan;
	cfg->vlan_qos = old->vlan_qos;
	cfg->vlan_proto = old->vlan_proto;
	cfg->mtu = old->mtu;
	cfg->max_rate = old->max_rate;
	cfg->min_rate = old->min_rate;
	cfg->spoofchk = old->spoofchk;
	cfg->trust = old->trust;
	cfg->link_state = old->link_state;
	cfg->netns_fd = old->netns_fd;
	policy0_read(&old->policy, pol, &rates);
	cfg->policy = pol;
	cfg->policy_name = old->policy_name;
	return 1;
}

/* 0.2's config of an asked-for record, as nvirt_vif_dump_config() gives. */
static void cfg0_copy(struct nvirt0_vif_config *old,
		      const struct nvirt_vif_config *cfg)
{
	memset(old, 0, sizeof(*old));
	old->fields = cfg->fields;
	old->backend = cfg->backend;
	memcpy(old->mac, cfg->mac, sizeof(old->mac));
	old->vlan = cfg->vlan;
	old->vlan_qos = cfg->vlan_qos;
	old->vlan_proto = cfg->vlan_proto;
	old->mtu = cfg->mtu;
	old->max_rate = cfg->max_rate;
	old->min_rate = cfg->min_rate;
	old->spoofchk = cfg->spoofchk;
	old->trust = cfg->trust;
	old->link_state = cfg->link_state;
	old->netns_fd = cfg->netns_fd;
	if (cfg->fields & NVIRT_VIF_F_POLICY)
		policy0_copy(&old->policy, cfg->policy, NULL);
	old->policy_name = cfg->policy_name;
}

static void np0_copy(struct nvirt0_named_policy *old,
		     const struct nvirt_named_policy *np)
{
	memset(old, 0, sizeof(*old));
	memcpy(old->name, np->name, sizeof(old->name));
	policy0_copy(&old->policy, np->policy, np->settings);
	old->users = np->users;
}

/*
 * The plan 0.2's nvirt_vif_new() record points to, on the handle until
 * the next call; NULL when there is no room.
 */
static struct nvirt0_plan *handle_plan0(struct nvirt *h)
{
	if (!h->plan0)
		h->plan0 = malloc(sizeof(struct nvirt0_plan));
	return h->plan0;
}

NVIRT_OLD(nvirt0_vif_new, nvirt_vif_new, "NVIRT_0.1");
int nvirt0_vif_new(struct nvirt *h, const char *name,
		   uint32_t parent_ifindex, const char *parent_ifname,
		   const struct nvirt0_vif_config *old, struct nvirt0_vif *vif0)
{
	struct nvirt_vif_config cfg;
	struct nvirt_policy pol;
	struct nvirt_vif *vif;
	int err;

	err = cfg0_read(h, old, &cfg, &pol);
	if (err < 0)
		return err;
	if (vif0 && !handle_plan0(h))
		return nvirt_fail(h, -ENOMEM, NULL);
	err = nvirt_vif_new(h, name, parent_ifindex, parent_ifname,
			    err ? &cfg : NULL, vif0 ? &vif : NULL);
	if (err || !vif0)
		return err;
	vif0_copy(vif0, vif, h->plan0);
	nvirt_free(vif);
	return 0;
}

/* A dry run of 0.2's: its plan, given the latest's. */
static int plan0_out(int err, struct nvirt_plan *plan, struct nvirt0_plan *old)
{
	if (err)
		return err;
	plan0_copy(old, plan);
	nvirt_free(plan);
	return 0;
}

NVIRT_OLD(nvirt0_vif_new_plan, nvirt_vif_new_plan, "NVIRT_0.1");
int nvirt0_vif_new_plan(struct nvirt *h, const char *name,
			uint32_t parent_ifindex, const char *parent_ifname,
			const struct nvirt0_vif_config *old,
			struct nvirt0_plan *plan0)
{
	struct nvirt_vif_config cfg;
	struct nvirt_policy pol;
	struct nvirt_plan *plan;
	int err;

	err = cfg0_read(h, old, &cfg, &pol);
	if (err < 0)
		return err;
	err = nvirt_vif_new_plan(h, name, parent_ifindex, parent_ifname,
				 err ? &cfg : NULL, &plan);
	return plan0_out(err, plan, plan0);
}

NVIRT_OLD(nvirt0_vif_set, nvirt_vif_set, "NVIRT_0.1");
int nvirt0_vif_set(struct nvirt *h, uint32_t id, const char *name,
		   const struct nvirt0_vif_config *old)
{
	struct nvirt_vif_config cfg;
	struct nvirt_policy pol;
	int err;

	err = cfg0_read(h, old, &cfg, &pol);
	if (err < 0)
		return err;
	return nvirt_vif_set(h, id, name, err ? &cfg : NULL);
}

NVIRT_OLD(nvirt0_vif_set_plan, nvirt_vif_set_plan, "NVIRT_0.1");
int nvirt0_vif_set_plan(struct nvirt *h, uint32_t id, const char *name,
			const struct nvirt0_vif_config *old,
			struct nvirt0_plan *plan0)
{
	struct nvirt_vif_config cfg;
	struct nvirt_policy pol;
	struct nvirt_plan *plan;
	int err;

	err = cfg0_read(h, old, &cfg, &pol);
	if (err < 0)
		return err;
	err = nvirt_vif_set_plan(h, id, name, err ? &cfg : NULL, &plan);
	return plan0_out(err, plan, plan0);
}

NVIRT_OLD(nvirt0_vif_get, nvirt_vif_get, "NVIRT_0.1");
int nvirt0_vif_get(struct nvirt *h, uint32_t id, const char *name,
		   struct nvirt0_vif *vif0)
{
	struct nvirt_vif *vif;
	int err;

	err = nvirt_vif_get(h, id, name, &vif);
	if (err)
		return err;
	vif0_copy(vif0, vif, NULL);
	nvirt_free(vif);
	return 0;
}

NVIRT_OLD(nvirt0_vif_explain, nvirt_vif_explain, "NVIRT_0.1");
int nvirt0_vif_explain(struct nvirt *h, uint32_t id, const char *name,
		       struct nvirt0_vif *vif0, struct nvirt0_plan *plan0)
{
	struct nvirt_vif *vif;
	int err;

	err = nvirt_vif_explain(h, id, name, &vif);
	if (err)
		return err;
	/* 0.2's explanation: the record without its plan, and the plan */
	vif0_copy(vif0, vif, NULL);
	plan0_copy(plan0, vif->plan);
	nvirt_free(vif);
	return 0;
}

NVIRT_OLD(nvirt0_policy_new, nvirt_policy_new, "NVIRT_0.1");
int nvirt0_policy_new(struct nvirt *h, const char *name,
		      const struct nvirt0_policy *old)
{
	struct nvirt_vif_config settings;
	struct nvirt_policy pol;

	if (!old)
		return nvirt_policy_new(h, name, NULL, NULL);
	policy0_read(old, &pol, &settings);
	return nvirt_policy_new(h, name, &pol, &settings);
}

NVIRT_OLD(nvirt0_policy_set, nvirt_policy_set, "NVIRT_0.1");
int nvirt0_policy_set(struct nvirt *h, const char *name,
		      const struct nvirt0_policy *old)
{
	struct nvirt_vif_config settings;
	struct nvirt_policy pol;

	if (!old)
		return nvirt_policy_set(h, name, NULL, NULL);
	policy0_read(old, &pol, &settings);
	return nvirt_policy_set(h, name, &pol, &settings);
}

NVIRT_OLD(nvirt0_policy_get, nvirt_policy_get, "NVIRT_0.1");
int nvirt0_policy_get(struct nvirt *h, const char *name,
		      struct nvirt0_named_policy *np0)
{
	struct nvirt_named_policy *np;
	int err;

	err = nvirt_policy_get(h, name, &np);
	if (err)
		return err;
	np0_copy(np0, np);
	nvirt_free(np);
	return 0;
}

/* A 0.2 callback, and room for the 0.2 records it is given. */
struct cb0 {
	union {
		nvirt0_nic_cb nic;
		nvirt0_vif_cb vif;
		nvirt0_vif_config_cb vif_config;
		nvirt0_policy_cb policy;
		nvirt0_event_cb event;
	} cb;
	void *arg;
	struct nvirt0_nic nic;
	struct nvirt0_vif vif;
	struct nvirt0_plan plan;
	struct nvirt0_vif_config cfg;
	struct nvirt0_named_policy np;
};

/* A struct cb0 for @arg, or NULL with the reason on the handle. */
static struct cb0 *cb0_new(struct nvirt *h, void *arg)
{
	struct cb0 *c = malloc(sizeof(*c));

	if (!c)
		nvirt_fail(h, -ENOMEM, NULL);
	else
		c->arg = arg;
	return c;
}

static int nic0_cb(const struct nvirt_nic *nic, void *arg)
{
	struct cb0 *c = arg;

	nic0_copy(&c->nic, nic);
	return c->cb.nic(&c->nic, c->arg);
}

NVIRT_OLD(nvirt0_nic_dump, nvirt_nic_dump, "NVIRT_0.1");
int nvirt0_nic_dump(struct nvirt *h, nvirt0_nic_cb cb, void *arg)
{
	struct cb0 *c = cb0_new(h, arg);
	int err;

	if (!c)
		return -ENOMEM;
	c->cb.nic = cb;
	err = nvirt_nic_dump(h, nic0_cb, c);
	free(c);
	return err;
}

static int vif0_cb(const struct nvirt_vif *vif, void *arg)
{
	struct cb0 *c = arg;

	vif0_copy(&c->vif, vif, NULL);
	return c->cb.vif(&c->vif, c->arg);
}

NVIRT_OLD(nvirt0_vif_dump, nvirt_vif_dump, "NVIRT_0.1");
int nvirt0_vif_dump(struct nvirt *h, uint32_t parent_ifindex,
		    const char *parent_ifname, nvirt0_vif_cb cb, void *arg)
{
	struct cb0 *c = cb0_new(h, arg);
	int err;

	if (!c)
		return -ENOMEM;
	c->cb.vif = cb;
	err = nvirt_vif_dump(h, parent_ifindex, parent_ifname, vif0_cb, c);
	free(c);
	return err;
}

static int vif_config0_cb(const struct nvirt_vif *vif,
			  const struct nvirt_vif_config *cfg, void *arg)
{
	struct cb0 *c = arg;

	vif0_copy(&c->vif, vif, NULL);
	cfg0_copy(&c->cfg, cfg);
	return c->cb.vif_config(&c->vif, &c->cfg, c->arg);
}

NVIRT_OLD(nvirt0_vif_dump_config, nvirt_vif_dump_config, "NVIRT_0.2");
int nvirt0_vif_dump_config(struct nvirt *h, uint32_t parent_ifindex,
			   const char *parent_ifname,
			   nvirt0_vif_config_cb cb, void *arg)
{
	struct cb0 *c = cb0_new(h, arg);
	int err;

	if (!c)
		return -ENOMEM;
	c->cb.vif_config = cb;
	err = nvirt_vif_dump_config(h, parent_ifindex, parent_ifname,
				    vif_config0_cb, c);
	free(c);
	return err;
}

static int policy0_cb(const struct nvirt_named_policy *np, void *arg)
{
	struct cb0 *c = arg;

	np0_copy(&c->np, np);
	return c->cb.policy(&c->np, c->arg);
}

NVIRT_OLD(nvirt0_policy_dump, nvirt_policy_dump, "NVIRT_0.1");
int nvirt0_policy_dump(struct nvirt *h, nvirt0_policy_cb cb, void *arg)
{
	struct cb0 *c = cb0_new(h, arg);
	int err;

	if (!c)
		return -ENOMEM;
	c->cb.policy = cb;
	err = nvirt_policy_dump(h, policy0_cb, c);
	free(c);
	return err;
}

static int event0_cb(enum nvirt_event ev, const struct nvirt_nic *nic,
		     const struct nvirt_vif *vif,
		     const struct nvirt_named_policy *policy, void *arg)
{
	struct cb0 *c = arg;

	if (nic)
		nic0_copy(&c->nic, nic);
	if (vif)
		vif0_copy(&c->vif, vif, &c->plan);
	if (policy)
		np0_copy(&c->np, policy);
	return c->cb.event(ev, nic ? &c->nic : NULL, vif ? &c->vif : NULL,
			   policy ? &c->np : NULL, c->arg);
}

static int monitor0(struct nvirt *h, nvirt0_event_cb cb, void *arg,
		    int (*run)(struct nvirt *, nvirt_event_cb, void *))
{
	struct cb0 *c = cb0_new(h, arg);
	int err;

	if (!c)
		return -ENOMEM;
	c->cb.event = cb;
	err = run(h, event0_cb, c);
	free(c);
	return err;
}

NVIRT_OLD(nvirt0_monitor, nvirt_monitor, "NVIRT_0.1");
int nvirt0_monitor(struct nvirt *h, nvirt0_event_cb cb, void *arg)
{
	return monitor0(h, cb, arg, nvirt_monitor_v3);
}

NVIRT_OLD(nvirt0_monitor_step, nvirt_monitor_step, "NVIRT_0.1");
int nvirt0_monitor_step(struct nvirt *h, nvirt0_event_cb cb, void *arg)
{
	return monitor0(h, cb, arg, nvirt_monitor_step_v3);
}
