// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: placement, between the policy engine and the VIFs.
 *
 * The engine (policy.c) is pure; this file tells it what it needs to know
 * of a NIC: its capability record, the VFs and queues still free, the
 * minimum rates granted on it, and the lowest-priority VIFs holding its
 * hardware. A VIF planned again counts what it holds as free.
 *
 * When a plan takes hardware from another VIF, that VIF's fallback is
 * planned too (without taking anything itself); if it has none, the plan
 * is made again without taking anything.
 *
 * Plans made together (the followers of a named policy) count with each
 * other: a batch keeps what the plans so far take and give back on each
 * NIC, and which VIFs they move, so each sees the NICs as the ones before
 * it would leave them.
 *
 * When hardware is given back (a VIF goes, or moves off a VF or queue) or
 * changes (enabling VFs takes queues from igb), the VIFs that would now be
 * placed otherwise are moved, highest priority first. That runs from a
 * work item: VIFs go in contexts where netdevs cannot be created.
 */

#include <linux/if_bridge.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "caps.h"
#include "nic.h"
#include "place.h"
#include "vfio.h"
#include "vif.h"

/* Moves one rebalancing makes at most: each one frees or takes hardware. */
#define NVIRT_PLACE_ROUNDS	64
/* VIFs a plan may find unable to fall back before it takes nothing. */
#define NVIRT_PLACE_VICTIMS	8

static void nvirt_place_work_fn(struct work_struct *work);
static DECLARE_WORK(nvirt_place_work, nvirt_place_work_fn);

struct nvirt_place_use {
	const struct nvirt_vif *self;
	struct nvirt_policy_nic *nic;
	const u32 *spare;
	unsigned int n_spare;
	const struct nvirt_place_batch *batch;
};

static bool nvirt_place_in(const u32 *ids, unsigned int n, u32 id)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/*
 * VIFs not to take hardware from: they cannot fall back, or a plan of the
 * batch moves them already.
 */
static bool nvirt_place_spared(const struct nvirt_place_use *use, u32 id)
{
	const struct nvirt_place_batch *b = use->batch;

	return nvirt_place_in(use->spare, use->n_spare, id) ||
	       (b && nvirt_place_in(b->moved, b->n_moved, id));
}

static struct nvirt_place_claim *
nvirt_place_claim_of(const struct nvirt_place_batch *b,
		     const struct net_device *parent)
{
	unsigned int i;

	for (i = 0; b && i < b->n_claim; i++)
		if (b->claim[i].parent == parent)
			return &b->claim[i];
	return NULL;
}

/**
 * nvirt_place_batch_init() - start planning VIFs together
 * @batch: the batch
 * @max: how many VIFs will be planned in it
 *
 * Return: 0 or -ENOMEM.
 */
int nvirt_place_batch_init(struct nvirt_place_batch *batch, unsigned int max)
{
	memset(batch, 0, sizeof(*batch));
	batch->max = max;
	/* Each plan moves its VIF and maybe one it displaces. */
	batch->claim = kcalloc(2 * max + 1, sizeof(*batch->claim), GFP_KERNEL);
	batch->moved = kcalloc(2 * max + 1, sizeof(*batch->moved), GFP_KERNEL);
	if (!batch->claim || !batch->moved) {
		nvirt_place_batch_free(batch);
		return -ENOMEM;
	}
	return 0;
}

/**
 * nvirt_place_batch_free() - forget a batch
 * @batch: the batch
 */
void nvirt_place_batch_free(struct nvirt_place_batch *batch)
{
	kfree(batch->claim);
	kfree(batch->moved);
	batch->claim = NULL;
	batch->moved = NULL;
}

/* A VIF of @parent goes from backend @from to @to. */
static void nvirt_place_batch_move(struct nvirt_place_batch *b,
				   struct net_device *parent, u32 id, u8 from,
				   u8 to)
{
	struct nvirt_place_claim *c = nvirt_place_claim_of(b, parent);

	if (!c) {
		if (WARN_ON_ONCE(b->n_claim > 2 * b->max))
			return;
		c = &b->claim[b->n_claim++];
		c->parent = parent;
	}
	c->vfs += (to == NVIRT_BACKEND_VF) - (from == NVIRT_BACKEND_VF);
	c->queues += (to == NVIRT_BACKEND_QUEUE) - (from == NVIRT_BACKEND_QUEUE);
	if (!WARN_ON_ONCE(b->n_moved > 2 * b->max))
		b->moved[b->n_moved++] = id;
}

/**
 * nvirt_place_batch_add() - count a plan in its batch
 * @batch: the batch
 * @vif: the VIF planned
 * @pl: its placement, just made with @pl->batch @batch
 *
 * Context: RTNL held.
 */
void nvirt_place_batch_add(struct nvirt_place_batch *batch,
			   const struct nvirt_vif *vif,
			   const struct nvirt_placement *pl)
{
	ASSERT_RTNL();
	nvirt_place_batch_move(batch, vif->parent, vif->id, vif->backend,
			       pl->plan.backend);
	if (pl->victim)
		nvirt_place_batch_move(batch, pl->victim->parent, pl->victim->id,
				       pl->victim->backend,
				       pl->victim_plan.backend);
}

/* Is @vif a better one to take hardware from than @id of @prio? */
static bool nvirt_place_weaker(const struct nvirt_vif *vif, u32 id, u32 prio)
{
	u32 p = vif->cfg.policy.priority;

	return !id || p < prio || (p == prio && vif->id > id);
}

/* What the VIFs of a NIC, @self aside, hold and were guaranteed. */
static void nvirt_place_count(struct nvirt_vif *vif, void *arg)
{
	struct nvirt_place_use *use = arg;
	struct nvirt_policy_nic *nic = use->nic;

	if (vif == use->self)
		return;
	nic->guaranteed += vif->cfg.min_rate;
	/* What a VIF the batch moves holds is in the batch's claims. */
	if (nvirt_place_spared(use, vif->id))
		return;
	/* A VF given to a VM through VFIO has nothing to fall back to. */
	if (vif->backend == NVIRT_BACKEND_VF &&
	    vif->cfg.attach != NVIRT_ATTACH_VFIO &&
	    nvirt_place_weaker(vif, nic->holder, nic->holder_priority)) {
		nic->holder = vif->id;
		nic->holder_priority = vif->cfg.policy.priority;
	}
	if (vif->backend == NVIRT_BACKEND_QUEUE &&
	    nvirt_place_weaker(vif, nic->queue_holder,
			       nic->queue_holder_priority)) {
		nic->queue_holder = vif->id;
		nic->queue_holder_priority = vif->cfg.policy.priority;
	}
}

/* What @backend has left on @parent, as its ops say. */
static struct nvirt_room nvirt_place_room(struct net_device *parent,
					  u8 backend, bool may_enable)
{
	const struct nvirt_backend_ops *ops = nvirt_backend_ops(backend);
	struct nvirt_room room = {};

	if (ops->room)
		ops->room(parent, may_enable, &room);
	return room;
}

/*
 * The engine's view of @parent, for planning @self (NULL: a new VIF); the
 * VIFs in @use->spare are not offered to take hardware from.
 */
static int nvirt_place_view(struct net_device *parent,
			    struct nvirt_place_use *use, unsigned int flags,
			    struct nvirt_policy_nic *nic)
{
	const struct nvirt_vif *self = use->self;
	struct nvirt_place_claim *claim;
	struct nvirt_nic *tested;
	struct nvirt_caps *caps;
	struct nvirt_room room;
	int k;

	caps = kmalloc(sizeof(*caps), GFP_KERNEL);
	if (!caps)
		return -ENOMEM;
	nvirt_caps_probe(parent, caps);
	memset(nic, 0, sizeof(*nic));
	nic->name = parent->name;
	nic->hw = !!parent->dev.parent;
	nic->speed = caps->speed;
	tested = nvirt_nic_get(dev_net(parent), parent->ifindex);
	for (k = 0; k <= NVIRT_KNOB_MAX; k++) {
		nic->knob[k] = caps->knob[k].support;
		if (tested && tested->verified[k] == NVIRT_VERIFY_FAILED)
			__set_bit(k, &nic->failed);
	}
	nic->sriov = caps->sriov && caps->total_vfs;
	nic->esw = caps->knob[NVIRT_KNOB_EMBEDDED_SWITCH].support ==
		   NVIRT_SUPPORT_HARDWARE;
	nic->esw_vepa = nic->esw && caps->esw_mode == BRIDGE_MODE_VEPA;
	kfree(caps);
	/* Its VFs share the PF's IOMMU, which VFIO needs. */
	nic->iommu = parent->dev.parent &&
		     nvirt_vfio_group(parent->dev.parent) >= 0;

	room = nvirt_place_room(parent, NVIRT_BACKEND_SOFT, false);
	nic->rx_held = room.held;
	nic->rx_held_by = room.held_by;

	use->nic = nic;
	nvirt_vif_each(parent, nvirt_place_count, use);
	claim = nvirt_place_claim_of(use->batch, parent);
	if (!(flags & NVIRT_PLACE_NO_VF)) {
		room = nvirt_place_room(parent, NVIRT_BACKEND_VF,
					!(flags & NVIRT_PLACE_NO_ENABLE));
		nic->vfs_free = room.free;
		nic->vfs_unbound = room.unbound;
		nic->vf_pci_id = room.pci_id;
		if (self && self->backend == NVIRT_BACKEND_VF)
			nic->vfs_free++;
	}
	if (!(flags & NVIRT_PLACE_NO_QUEUE)) {
		nic->queues_free = nvirt_place_room(parent, NVIRT_BACKEND_QUEUE,
						    false).free;
		/* Not a queue the NIC no longer has (igb, once VFs are on). */
		if (self && self->backend == NVIRT_BACKEND_QUEUE &&
		    self->queue < parent->real_num_tx_queues)
			nic->queues_free++;
	}
	/* As the batch's plans before this one leave the NIC. */
	if (claim) {
		nic->vfs_free = max_t(int, 0, (int)nic->vfs_free - claim->vfs);
		nic->queues_free = max_t(int, 0,
					 (int)nic->queues_free - claim->queues);
	}
	if (flags & (NVIRT_PLACE_NO_DISPLACE | NVIRT_PLACE_NO_VF))
		nic->holder = 0;
	if (flags & (NVIRT_PLACE_NO_DISPLACE | NVIRT_PLACE_NO_QUEUE))
		nic->queue_holder = 0;
	return 0;
}

/* The engine's input: what the user wants, and the settings in effect. */
static void nvirt_place_input(const struct nvirt_vif_cfg *cfg,
			      struct nvirt_plan_in *in)
{
	const struct nvirt_policy *pol = &cfg->policy;

	*in = (struct nvirt_plan_in){
		.goal = pol->goal,
		.isolation = pol->isolation,
		.migratable = pol->migratable,
		.visibility = pol->visibility,
		.g2g = pol->g2g,
		.priority = pol->priority,
		.backend = pol->backend,
		.min_rate = cfg->min_rate,
		.max_rate = cfg->max_rate,
		.vlan = !!cfg->vlan,
		.vlan_8021ad = cfg->vlan_proto == NVIRT_VLAN_PROTO_8021AD,
		.spoofchk = cfg->spoofchk,
		.trust = cfg->trust,
		.link_state = cfg->link_state != NVIRT_LINK_STATE_AUTO,
		.attach = cfg->attach,
	};
}

/*
 * Plan one VIF. A refusal is the plan's, with its deciding reason as the
 * extack; the backend then says where it enforces the settings, and may
 * refuse what the engine does not model.
 */
static int nvirt_place_one(struct net_device *parent,
			   struct nvirt_place_use *use,
			   const struct nvirt_vif_cfg *cfg, unsigned int flags,
			   struct nvirt_plan *plan, u8 *enforce,
			   struct netlink_ext_ack *extack)
{
	struct nvirt_policy_nic nic;
	struct nvirt_plan_in in;
	int err;

	err = nvirt_place_view(parent, use, flags, &nic);
	if (err)
		return err;
	nvirt_place_input(cfg, &in);
	nvirt_policy_plan(&in, &nic, plan);
	if (plan->err) {
		/* A dry run replies with the plan, not a message. */
		if (!(flags & NVIRT_PLACE_DRY_RUN))
			NL_SET_ERR_MSG_FMT(extack, "%s",
					   plan->reasons[plan->cause].text);
		return plan->err;
	}
	err = nvirt_vif_check(parent, plan->backend, cfg, enforce, extack);
	if (err)
		return err;
	memcpy(plan->enforce, enforce, sizeof(plan->enforce));
	return 0;
}

/**
 * nvirt_place() - plan a VIF on a NIC
 * @parent: the NIC
 * @self: the VIF when it exists, or NULL
 * @cfg: its settings and policy, whole
 * @flags: NVIRT_PLACE_*
 * @pl: filled in: the plan, and the fallback of a VIF it displaces
 * @extack: why it is refused
 *
 * Context: RTNL held.
 * Return: 0, or a negative errno; @pl->plan.err when the plan refused.
 */
int nvirt_place(struct net_device *parent, struct nvirt_vif *self,
		const struct nvirt_vif_cfg *cfg, unsigned int flags,
		struct nvirt_placement *pl, struct netlink_ext_ack *extack)
{
	u32 spare[NVIRT_PLACE_VICTIMS];
	struct nvirt_place_use use = {
		.self = self, .spare = spare, .batch = pl->batch,
	};
	struct nvirt_place_use vuse = { .batch = pl->batch };
	struct nvirt_vif *victim;
	unsigned int vflags;
	int err;

	ASSERT_RTNL();
	pl->victim = NULL;
	for (;;) {
		if (use.n_spare == NVIRT_PLACE_VICTIMS)
			flags |= NVIRT_PLACE_NO_DISPLACE;
		err = nvirt_place_one(parent, &use, cfg, flags, &pl->plan,
				      pl->enforce, extack);
		if (err || !pl->plan.displace)
			return err;

		/* The victim falls back without what it loses, taking nothing. */
		victim = nvirt_vif_find(dev_net(parent), pl->plan.displace, NULL);
		vflags = NVIRT_PLACE_NO_ENABLE | NVIRT_PLACE_NO_DISPLACE |
			 (pl->plan.backend == NVIRT_BACKEND_VF ?
			  NVIRT_PLACE_NO_VF : NVIRT_PLACE_NO_QUEUE);
		vuse.self = victim;
		if (victim && !nvirt_place_one(parent, &vuse, &victim->cfg,
					       vflags, &pl->victim_plan,
					       pl->victim_enforce, NULL))
			break;
		spare[use.n_spare++] = pl->plan.displace;
	}
	pl->victim = victim;
	nvirt_plan_add(&pl->victim_plan, NVIRT_PLAN_REASON_DEMOTED,
		       "moved from %s to %s: a VIF of priority %u took its hardware",
		       nvirt_policy_backend_name(victim->backend),
		       nvirt_policy_backend_name(pl->victim_plan.backend),
		       cfg->policy.priority);
	return 0;
}

/**
 * nvirt_place_rebalance() - have VIFs moved where hardware changed
 *
 * Context: any.
 */
void nvirt_place_rebalance(void)
{
	queue_work(system_wq, &nvirt_place_work);
}

/**
 * nvirt_place_flush() - wait for the moves nvirt_place_rebalance() asked
 *
 * Context: RTNL not held.
 */
void nvirt_place_flush(void)
{
	flush_work(&nvirt_place_work);
}

/**
 * nvirt_place_exit() - stop rebalancing; no VIF is left
 *
 * Later requests (VFs disabled on the way out) are dropped.
 */
void nvirt_place_exit(void)
{
	disable_work_sync(&nvirt_place_work);
}

/**
 * struct nvirt_place_move - the VIF to move next, and its plan
 * @scratch: a plan being made
 * @scratch_enforce: where its settings would be enforced
 * @vif: the VIF of highest priority that would be placed otherwise
 * @plan: its plan
 * @enforce: where its settings would then be enforced
 */
struct nvirt_place_move {
	struct nvirt_plan scratch;
	u8 scratch_enforce[NVIRT_SETTING_MAX + 1];
	struct nvirt_vif *vif;
	struct nvirt_plan plan;
	u8 enforce[NVIRT_SETTING_MAX + 1];
};

static void nvirt_place_consider(struct nvirt_vif *vif, void *arg)
{
	struct nvirt_place_use use = { .self = vif };
	struct nvirt_place_move *mv = arg;

	/* Only one that would go first: of higher priority, or older. */
	if (mv->vif && !nvirt_place_weaker(mv->vif, vif->id,
					   vif->cfg.policy.priority))
		return;
	/* A VF handed to VFIO (no netdev) is its VM's: it stays. */
	if (vif->parent->reg_state != NETREG_REGISTERED || !vif->dev ||
	    vif->dev->reg_state != NETREG_REGISTERED)
		return;
	if (nvirt_place_one(vif->parent, &use, &vif->cfg,
			    NVIRT_PLACE_NO_ENABLE | NVIRT_PLACE_NO_DISPLACE,
			    &mv->scratch, mv->scratch_enforce, NULL) ||
	    mv->scratch.backend == vif->backend)
		return;
	mv->vif = vif;
	mv->plan = mv->scratch;
	memcpy(mv->enforce, mv->scratch_enforce, sizeof(mv->enforce));
}

/* Hardware is better than software; a VF than a queue. */
static bool nvirt_place_promotes(u8 from, u8 to)
{
	return to == NVIRT_BACKEND_VF ||
	       (to == NVIRT_BACKEND_QUEUE && from == NVIRT_BACKEND_SOFT);
}

static void nvirt_place_work_fn(struct work_struct *work)
{
	struct nvirt_place_move *mv;
	struct nvirt_vif_cfg cfg;
	struct nvirt_vif *vif;
	int round;

	mv = kmalloc(sizeof(*mv), GFP_KERNEL);
	if (!mv)
		return;
	rtnl_lock();
	for (round = 0; round < NVIRT_PLACE_ROUNDS; round++) {
		mv->vif = NULL;
		nvirt_vif_each(NULL, nvirt_place_consider, mv);
		vif = mv->vif;
		if (!vif)
			break;
		if (nvirt_place_promotes(vif->backend, mv->plan.backend))
			nvirt_plan_add(&mv->plan, NVIRT_PLAN_REASON_PROMOTED,
				       "moved from %s to %s: %s has hardware free again",
				       nvirt_policy_backend_name(vif->backend),
				       nvirt_policy_backend_name(mv->plan.backend),
				       vif->parent->name);
		else
			nvirt_plan_add(&mv->plan, NVIRT_PLAN_REASON_DEMOTED,
				       "moved from %s to %s: %s no longer has the hardware",
				       nvirt_policy_backend_name(vif->backend),
				       nvirt_policy_backend_name(mv->plan.backend),
				       vif->parent->name);
		cfg = vif->cfg;
		if (nvirt_vif_change(vif, &cfg, &mv->plan, mv->enforce,
				     NVIRT_CAUSE_PLACEMENT, NULL)) {
			netdev_warn(vif->parent, "VIF %s stays on %s\n",
				    vif->name,
				    nvirt_policy_backend_name(vif->backend));
			break;
		}
	}
	rtnl_unlock();
	kfree(mv);
}
