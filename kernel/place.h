/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: placement, the plans of VIFs on their NICs, made and carried
 * out together (place.c).
 */

#ifndef _NVIRT_PLACE_H
#define _NVIRT_PLACE_H

#include <linux/bits.h>
#include <linux/types.h>

#include <uapi/linux/nvirt.h>

#include "policy.h"

struct net_device;
struct netlink_ext_ack;
struct nvirt_vif;
struct nvirt_vif_cfg;

/* How to plan: what the NIC view leaves out. */
enum {
	NVIRT_PLACE_DRY_RUN	= BIT(0),	/* plan, change nothing */
	NVIRT_PLACE_NO_ENABLE	= BIT(1),	/* only VFs already enabled */
	NVIRT_PLACE_NO_DISPLACE	= BIT(2),	/* take nobody's hardware */
	NVIRT_PLACE_NO_VF	= BIT(3),	/* as if no VF were free */
	NVIRT_PLACE_NO_QUEUE	= BIT(4),	/* as if no queue were free */
	NVIRT_PLACE_MOVED	= BIT(5),	/* a VIF made again elsewhere */
};

/**
 * struct nvirt_place_claim - what plans made together take from a NIC
 * @parent: the NIC
 * @vfs: VFs they take, less those they give back
 * @queues: transmit queues likewise
 */
struct nvirt_place_claim {
	struct net_device *parent;
	int vfs;
	int queues;
};

/**
 * struct nvirt_place_batch - plans made together, none carried out yet
 * @max: entries in @claim and @moved
 * @n_claim: entries used in @claim
 * @claim: what the plans so far take, by NIC
 * @n_moved: entries used in @moved
 * @moved: ids of the VIFs those plans move (their own, and the ones they
 *	displace): what they hold is in @claim, and no later plan takes it
 *	from them
 *
 * Each plan of the batch sees the NICs as the plans before it leave them,
 * as when they are carried out one after the other.
 */
struct nvirt_place_batch {
	unsigned int max;
	unsigned int n_claim;
	struct nvirt_place_claim *claim;
	unsigned int n_moved;
	u32 *moved;
};

/**
 * struct nvirt_placement - a plan for a VIF, and for the one it displaces
 * @batch: plans made before this one that it must count with, or NULL
 * @plan: the VIF's plan
 * @enforce: where its settings are enforced, as its backend says
 * @victim: the VIF it takes hardware from, or NULL
 * @victim_plan: how that VIF falls back
 * @victim_enforce: where that VIF's settings are then enforced
 */
struct nvirt_placement {
	struct nvirt_place_batch *batch;
	struct nvirt_plan plan;
	u8 enforce[NVIRT_SETTING_MAX + 1];
	struct nvirt_vif *victim;
	struct nvirt_plan victim_plan;
	u8 victim_enforce[NVIRT_SETTING_MAX + 1];
};

int nvirt_place_batch_init(struct nvirt_place_batch *batch, unsigned int max);
void nvirt_place_batch_free(struct nvirt_place_batch *batch);
void nvirt_place_batch_add(struct nvirt_place_batch *batch,
			   const struct nvirt_vif *vif,
			   const struct nvirt_placement *pl);

int nvirt_place(struct net_device *parent, struct nvirt_vif *self,
		const struct nvirt_vif_cfg *cfg, unsigned int flags,
		struct nvirt_placement *pl, struct netlink_ext_ack *extack);
void nvirt_place_rebalance(void);
void nvirt_place_flush(void);
void nvirt_place_exit(void);

#endif /* _NVIRT_PLACE_H */
