/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: nvirt's own netdev (vdev), the VIF of the soft and queue
 * backends (vdev.c).
 */

#ifndef _NVIRT_VDEV_H
#define _NVIRT_VDEV_H

#include <linux/atomic.h>
#include <linux/hrtimer.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "ring.h"

struct nvirt_port;
struct nvirt_tap;
struct nvirt_vif;
struct nvirt_vif_cfg;

/**
 * struct nvirt_vdev - private part of a vdev
 * @dev: the vdev
 * @port: its parent's port; set at creation, valid while registered
 * @parent: its parent, held until the vdev is freed
 * @parent_tracker: tracker of the reference on @parent
 * @linked: it is an upper device of @parent; under RTNL
 * @vif: the VIF it realizes; under RTNL
 * @tap: its tap device, the VIF's attach tap, or NULL; under RTNL
 * @hnode: in @port->vdevs; under RTNL
 * @queue: the parent's transmit queue it owns, or -1 (soft); changed
 *	under RTNL, READ_ONCE in the datapath
 * @vlan_proto: its VLAN's tag protocol, 0 for no VLAN; READ_ONCE
 * @vlan_tci: its VLAN's id and priority; READ_ONCE
 * @spoofchk: drop spoofed frames; READ_ONCE
 * @rate: transmit limit in Mb/s, 0 for none; READ_ONCE
 * @police: any of @vlan_proto, @spoofchk and @rate set: the datapath
 *	looks at them only then; READ_ONCE
 * @rate_seen: the limit @next_ns was run up under; under the vdev's
 *	transmit lock
 * @next_ns: when the limiter lets the next frame go; likewise
 * @poll_ns: how soon to look again at the stopped parent queue; likewise
 * @backlog: frames kept back while the limiter, the parent's queue or the
 *	ring holds the vdev, in order; likewise
 * @wake: resumes sending once the limiter or the parent allows
 * @spoof_dropped: frames dropped by spoof-check
 * @vlan_dropped: frames dropped for VLAN confinement
 * @external: its frames to other vdevs of the parent go out to the
 *	external switch, which reflects them (g2g external); READ_ONCE
 * @switched: frames the port switched from it to another vdev
 * @reflected: frames from another vdev that came back from the wire
 * @prod: its side of the port's ring; under the vdev's transmit lock
 * @ring_waiting: waits until the ring has room; under the transmit
 *	lock, read locklessly by the ring's consumer
 * @ring_wake: resumes posting once the consumer made room
 */
struct nvirt_vdev {
	struct net_device *dev;
	struct nvirt_port *port;
	struct net_device *parent;
	netdevice_tracker parent_tracker;
	bool linked;
	struct nvirt_vif *vif;
	struct nvirt_tap *tap;
	struct hlist_node hnode;
	int queue;
	__be16 vlan_proto;
	u16 vlan_tci;
	bool spoofchk;
	u32 rate;
	bool police;
	u32 rate_seen;
	u64 next_ns;
	u64 poll_ns;
	struct sk_buff_head backlog;
	struct hrtimer wake;
	atomic64_t spoof_dropped;
	atomic64_t vlan_dropped;
	bool external;
	atomic64_t switched;
	atomic64_t reflected;
	bool ring_waiting;
	struct hrtimer ring_wake;
	struct nvirt_ring_prod prod;
};

struct net_device *nvirt_vdev_alloc(const char *name, int queue);
bool nvirt_vdev_is(const struct net_device *dev);
int nvirt_vdev_change_mac(struct nvirt_vdev *vd, const u8 *mac,
			  struct netlink_ext_ack *extack);
void nvirt_vdev_publish(struct nvirt_vdev *vd, const struct nvirt_vif_cfg *cfg);
void nvirt_vdev_g2g(struct nvirt_vdev *vd, u8 g2g);
void nvirt_vdev_link(struct nvirt_vdev *vd, u8 link_state);
int nvirt_vdev_init(void);
void nvirt_vdev_exit(void);

void nvirt_vdev_requeue(struct nvirt_vdev *vd, int queue);
void nvirt_vdev_resume(struct nvirt_vdev *vd);

#endif /* _NVIRT_VDEV_H */
