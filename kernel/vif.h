/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: virtual interfaces (VIFs), one model over every backend.
 */

#ifndef _NVIRT_VIF_H
#define _NVIRT_VIF_H

#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <net/net_namespace.h>

#include <uapi/linux/nvirt.h>

#include "policy.h"
#include "vif-cfg.h"

struct nvirt_placement;
struct nvirt_vfio;

/**
 * struct nvirt_vif_stats - traffic of a VIF, the same on every backend
 * @rx_packets: received by the guest
 * @rx_bytes: received by the guest
 * @rx_dropped: meant for the guest, dropped
 * @tx_packets: sent by the guest
 * @tx_bytes: sent by the guest
 * @tx_dropped: sent by the guest, dropped
 * @spoof_dropped: dropped by spoof-check, or -1 when not known
 * @vlan_dropped: dropped by VLAN confinement, or -1 when not known
 * @ring: it posts on a shared ring, and the ring_* counters are known
 * @ring_posts: frames posted on the ring
 * @ring_retries: posts the ring rejected, each posted again
 * @ring_throttled: posts held back by the VIF's credits
 * @ring_drops: frames kept back and dropped when it went down
 * @tx_switched: with @ring: frames switched to another VIF by nvirt
 * @rx_reflected: with @ring: frames of another VIF back from the wire
 */
struct nvirt_vif_stats {
	u64 rx_packets;
	u64 rx_bytes;
	u64 rx_dropped;
	u64 tx_packets;
	u64 tx_bytes;
	u64 tx_dropped;
	s64 spoof_dropped;
	s64 vlan_dropped;
	bool ring;
	u64 ring_posts;
	u64 ring_retries;
	u64 ring_throttled;
	u64 ring_drops;
	u64 tx_switched;
	u64 rx_reflected;
};

struct nvirt_vif;

/**
 * struct nvirt_room - what a backend has left on a NIC
 * @free: how many more VIFs it could realize there now
 * @unbound: of its hardware enabled, how much no driver serves (VFs)
 * @pci_id: the PCI vendor and device id of that hardware
 * @held: who else holds the NIC's receive handler, which the backend
 *	needs ("bridge"), or NULL
 * @held_by: that holder's device, or NULL
 */
struct nvirt_room {
	unsigned int free;
	unsigned int unbound;
	u32 pci_id;
	const char *held;
	const char *held_by;
};

/**
 * struct nvirt_backend_ops - what a backend does for its VIFs
 * @check: say where each setting of @cfg would be enforced on @parent
 *	(in @enforce, by enum nvirt_setting), or reject it with a reason
 * @create: make @vif->dev with @vif->cfg applied; undo everything on error
 * @apply: change the settings in @cfg->set to @cfg, all or nothing
 * @destroy: release what create took; the netdev is gone or in the
 *	parent's namespace
 * @stats: add what the backend counts to its netdev's counters, which
 *	are already in
 * @path: the device @vif's guest is attached through, in @buf (optional:
 *	none, the netdev is the guest's)
 * @pci: the PCI address of the device @vif's guest is given (optional:
 *	none)
 * @retarget: move @vif to @backend keeping its netdev; -EOPNOTSUPP where
 *	only a new netdev realizes it there (optional: never)
 * @adopt: tell @vif->dev it now realizes @vif, after a move swapped two
 *	VIFs' netdevs (optional: nothing to tell)
 * @g2g: make @vif->g2g, its plan's guest-to-guest path, take effect
 *	(optional: the NIC's own switch decides)
 * @room: what it has left on @parent, counting with @may_enable what it
 *	would enable for a VIF (optional: no limit of its own)
 * @reclaim: give @vif the netdev its device's driver made again, with
 *	@vif->cfg applied, once VFIO gave the device back (optional: never
 *	handed over)
 *
 * All are called under RTNL.
 */
struct nvirt_backend_ops {
	int (*check)(struct net_device *parent, const struct nvirt_vif_cfg *cfg,
		     u8 *enforce, struct netlink_ext_ack *extack);
	int (*create)(struct nvirt_vif *vif, struct netlink_ext_ack *extack);
	int (*apply)(struct nvirt_vif *vif, const struct nvirt_vif_cfg *cfg,
		     struct netlink_ext_ack *extack);
	void (*destroy)(struct nvirt_vif *vif);
	void (*stats)(struct nvirt_vif *vif, struct nvirt_vif_stats *stats);
	void (*path)(struct nvirt_vif *vif, char *buf, size_t size);
	const char *(*pci)(struct nvirt_vif *vif);
	int (*retarget)(struct nvirt_vif *vif, u8 backend,
			struct netlink_ext_ack *extack);
	void (*adopt)(struct nvirt_vif *vif);
	void (*g2g)(struct nvirt_vif *vif);
	void (*room)(struct net_device *parent, bool may_enable,
		     struct nvirt_room *room);
	int (*reclaim)(struct nvirt_vif *vif, struct netlink_ext_ack *extack);
};

/**
 * struct nvirt_vif - a virtual interface
 * @id: its identifier, key of the VIF table
 * @name: its name, unique among the VIFs of the parent's namespace
 * @backend: enum nvirt_backend, never auto
 * @ops: the backend's operations
 * @parent: the NIC it is on
 * @parent_tracker: tracker of the reference on @parent
 * @dev: its netdev: nvirt's own (soft, queue) or the VF's; NULL once a VF
 *	is handed to vfio-pci (attach vfio)
 * @dev_tracker: tracker of the reference on @dev
 * @cfg: its settings (@cfg.net unused: the netns is @dev's)
 * @enforce: where each setting is enforced, by enum nvirt_setting;
 *	0 when not in effect
 * @queue: queue backend: the parent's transmit queue it owns
 * @vf: vf backend: the VF's index on the parent
 * @pdev: vf backend: the parent's PCI device, held
 * @orig_mtu: vf backend: the VF netdev's MTU before it became a VIF
 * @vfio: vf backend, attach vfio: the VF to hand to vfio-pci, referenced
 * @migratable: the plan it was placed by says it can be live-migrated
 * @g2g: enum nvirt_g2g, the guest-to-guest path of that plan
 * @dev_node: in the table of VIFs by netdev
 * @parent_node: in the table of VIFs by parent
 * @ntf_hash: hash of the record last notified
 * @dying: being destroyed; its netdev's events are nvirt's own doing
 * @orphan: vf backend: its namespace died, the VF is to be released
 * @changing: nvirt is changing it: its netdev's events are nvirt's own
 *	doing, which the change announces once it is done
 * @handoff: its VF is being handed to vfio-pci: its netdev going is no
 *	reason for it to go
 *
 * All fields are protected by RTNL; the datapath reads the settings it
 * needs from its own copies (see vdev.c).
 */
struct nvirt_vif {
	u32 id;
	char name[IFNAMSIZ];
	u8 backend;
	const struct nvirt_backend_ops *ops;
	struct net_device *parent;
	netdevice_tracker parent_tracker;
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct nvirt_vif_cfg cfg;
	u8 enforce[NVIRT_SETTING_MAX + 1];
	u16 queue;
	int vf;
	struct pci_dev *pdev;
	unsigned int orig_mtu;
	struct nvirt_vfio *vfio;
	bool migratable;
	u8 g2g;
	struct hlist_node dev_node;
	struct hlist_node parent_node;
	u32 ntf_hash;
	bool dying;
	bool orphan;
	bool changing;
	bool handoff;
};

/* What nvirt_vif_each() calls for each VIF. */
typedef void (*nvirt_vif_fn)(struct nvirt_vif *vif, void *arg);

const struct nvirt_backend_ops *nvirt_backend_ops(u8 backend);
int nvirt_vif_new(struct net *net, const char *name, struct net_device *parent,
		  struct nvirt_vif_cfg *cfg, unsigned int flags,
		  struct nvirt_placement *pl, struct netlink_ext_ack *extack);
int nvirt_vif_del(struct nvirt_vif *vif, u8 cause,
		  struct netlink_ext_ack *extack);
int nvirt_vif_set(struct nvirt_vif *vif, struct nvirt_vif_cfg *cfg,
		  unsigned int flags, struct nvirt_placement *pl, u8 cause,
		  struct netlink_ext_ack *extack);
int nvirt_vif_change(struct nvirt_vif *vif, struct nvirt_vif_cfg *cfg,
		     const struct nvirt_plan *plan, const u8 *enforce,
		     u8 cause, struct netlink_ext_ack *extack);
int nvirt_vif_check(struct net_device *parent, u8 backend,
		    const struct nvirt_vif_cfg *cfg, u8 *enforce,
		    struct netlink_ext_ack *extack);
void nvirt_vif_each(struct net_device *parent, nvirt_vif_fn fn, void *arg);
struct nvirt_vif *nvirt_vif_find(struct net *net, u32 id, const char *name);
struct nvirt_vif *nvirt_vif_of(const struct net_device *dev);
bool nvirt_vif_uses_pf(struct pci_dev *pdev);
bool nvirt_vif_has_vf(struct pci_dev *pdev, int index);
struct nvirt_vif *nvirt_vif_next(struct net *net, unsigned long *id);
unsigned int nvirt_vif_gen(void);
void nvirt_vif_stats(struct nvirt_vif *vif, struct nvirt_vif_stats *stats);
void nvirt_vif_path(struct nvirt_vif *vif, char *buf, size_t size);
const char *nvirt_vif_pci(struct nvirt_vif *vif);
struct nvirt_vfio *nvirt_vif_handoff_begin(struct nvirt_vif *vif);
void nvirt_vif_handoff_end(struct nvirt_vif *vif, int err);
int nvirt_vif_reclaim(struct nvirt_vif *vif, const struct nvirt_vif_cfg *cfg,
		      struct net *net, struct netlink_ext_ack *extack);

int nvirt_vif_init(void);
void nvirt_vif_exit(void);
#endif /* _NVIRT_VIF_H */
