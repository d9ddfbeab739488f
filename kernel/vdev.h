/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: nvirt's own netdev (vdev), the VIF of the soft and queue
 * backends, and the port that hangs the vdevs of a parent off it.
 */

#ifndef _NVIRT_VDEV_H
#define _NVIRT_VDEV_H

#include <linux/atomic.h>
#include <linux/hrtimer.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/workqueue.h>
#include <net/sch_generic.h>

#include "ring.h"

struct nvirt_vif;
struct nvirt_vif_cfg;
struct seq_file;

#define NVIRT_PORT_HASH_BITS	8

/**
 * struct nvirt_txring_stats - which way a port's frames went, per CPU
 * @passthru: frames their vdev sent on, the parent needing no
 *	serializing (no qdisc, no transmit lock)
 * @bypass: frames their vdev sent itself, finding the ring idle
 * @drained: frames a consumer took from the ring
 * @direct: frames handed to the parent's transmit queue, past its qdisc
 * @qdisc: frames through the parent's qdisc (dev_queue_xmit())
 * @dropped: frames the parent could not take as they were (validation)
 * @batches: hand-offs to the parent's queue, its lock taken once each
 * @work: drains left to the port's work item
 *
 * Every frame is passthru, bypass or drained, and then direct, qdisc
 * (dev_queue_xmit(), which passthru frames take) or dropped.
 */
struct nvirt_txring_stats {
	u64 passthru;
	u64 bypass;
	u64 drained;
	u64 direct;
	u64 qdisc;
	u64 dropped;
	u64 batches;
	u64 work;
};

/**
 * struct nvirt_port - the vdevs of one parent
 * @dev: the parent
 * @vdevs: struct nvirt_vdev by MAC; RCU readers, changed under RTNL
 * @count: vdevs on the parent; under RTNL, READ_ONCE in the datapath
 * @queues: transmit queues owned by queue vdevs; under RTNL
 * @soft_queue: the first transmit queue no queue vdev owns, where the
 *	ring's consumer hands frames over; under RTNL, READ_ONCE in the
 *	datapath
 * @ring: where soft vdevs post their frames for the parent (txring.c)
 * @ring_busy: bit 0 is held by the one thread draining @ring
 * @ring_waiting: vdevs waiting until @ring has room for them
 * @ring_work: drains what a thread's budget left in @ring
 * @stats: which way its frames went (struct nvirt_txring_stats), per CPU
 * @node: in the list of ports; under RTNL
 * @rcu: for freeing after the datapath is done with it
 */
struct nvirt_port {
	struct net_device *dev;
	struct hlist_head vdevs[1 << NVIRT_PORT_HASH_BITS];
	unsigned int count;
	unsigned long *queues;
	unsigned int soft_queue;
	struct nvirt_ring ring;
	unsigned long ring_busy;
	atomic_t ring_waiting;
	struct work_struct ring_work;
	struct nvirt_txring_stats __percpu *stats;
	struct list_head node;
	struct rcu_head rcu;
};

/**
 * struct nvirt_vdev - private part of a vdev
 * @dev: the vdev
 * @port: its parent's port; set at creation, valid while registered
 * @parent: its parent, held until the vdev is freed
 * @parent_tracker: tracker of the reference on @parent
 * @linked: it is an upper device of @parent; under RTNL
 * @vif: the VIF it realizes; under RTNL
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

/* port.c */
struct nvirt_port *nvirt_port_get(const struct net_device *parent);
struct hlist_head *nvirt_port_bucket(struct nvirt_port *port, const u8 *mac);
struct nvirt_vdev *nvirt_port_lookup(struct nvirt_port *port, const u8 *mac);
struct nvirt_port *nvirt_port_create(struct net_device *parent,
				     struct netlink_ext_ack *extack);
void nvirt_port_put(struct nvirt_port *port);
void nvirt_port_drop_unused(struct net_device *parent);
bool nvirt_port_switch(struct nvirt_vdev *from, struct sk_buff *skb);
void nvirt_port_show(struct seq_file *m);

/* txring.c */
int nvirt_txring_init(struct nvirt_port *port);
void nvirt_txring_fini(struct nvirt_port *port);
void nvirt_txring_free(struct nvirt_port *port);
void nvirt_txring_show(struct seq_file *m, struct nvirt_port *port);
void nvirt_txring_join(struct nvirt_vdev *vd);
void nvirt_txring_leave(struct nvirt_vdev *vd);
void nvirt_txring_pass(struct nvirt_vdev *vd, struct sk_buff *skb);
void nvirt_txring_xmit(struct nvirt_vdev *vd, struct sk_buff *skb);
void nvirt_txring_retry(struct nvirt_vdev *vd);
void nvirt_txring_run(struct nvirt_port *port);

/* txring.c's tests, inline for ndo_start_xmit */
/**
 * nvirt_txring_full() - whether a vdev can keep no more frames back
 * @vd: the vdev
 *
 * It then keeps the frames that follow in its backlog (vdev.c) until the
 * ring's consumer made room. Context: the vdev's transmit lock held.
 *
 * Return: true when its staging is full.
 */
static inline bool nvirt_txring_full(const struct nvirt_vdev *vd)
{
	return vd->prod.nstaged == NVIRT_RING_STAGE;
}

/*
 * Whether nothing needs serializing on the parent: no qdisc and no
 * transmit lock (a dummy, a veth). Context: RCU-bh read side.
 */
static inline bool nvirt_txring_passthru(struct net_device *parent)
{
	return parent->lltx &&
	       qdisc_txq_has_no_queue(netdev_get_tx_queue(parent, 0));
}

/**
 * nvirt_txring_can_pass() - whether a vdev may send straight on
 * @vd: the vdev
 *
 * Where nothing needs serializing on the parent, once the vdev keeps
 * nothing back for the ring and no frame is in the ring or with a
 * consumer (which lets the bit go only after it sent them), so none is
 * overtaken. It reads only what posts and the consumer publish: the
 * vdev's transmit lock need not be held.
 *
 * Context: RCU-bh read side (BH disabled).
 * Return: true when nvirt_txring_pass() may send its frame.
 */
static inline bool nvirt_txring_can_pass(struct nvirt_vdev *vd)
{
	struct nvirt_port *port = vd->port;

	if (!nvirt_txring_passthru(port->dev) || READ_ONCE(vd->ring_waiting) ||
	    !nvirt_ring_idle(&port->ring))
		return false;
	/* The ring seen idle before the consumer's bit, as it took it. */
	smp_rmb();
	return !test_bit_acquire(0, &port->ring_busy);
}

/* vdev.c */
struct net_device *nvirt_vdev_alloc(const char *name, int queue);
bool nvirt_vdev_is(const struct net_device *dev);
int nvirt_vdev_change_mac(struct nvirt_vdev *vd, const u8 *mac,
			  struct netlink_ext_ack *extack);
void nvirt_vdev_publish(struct nvirt_vdev *vd, const struct nvirt_vif_cfg *cfg);
void nvirt_vdev_g2g(struct net_device *dev, u8 g2g);
void nvirt_vdev_link(struct nvirt_vdev *vd, u8 link_state);
void nvirt_vdev_parent_changed(struct net_device *parent);
int nvirt_vdev_init(void);
void nvirt_vdev_exit(void);

void nvirt_vdev_requeue(struct nvirt_vdev *vd, int queue);
void nvirt_vdev_resume(struct nvirt_vdev *vd);

/* soft.c */
unsigned int nvirt_queue_free(struct net_device *parent);
int nvirt_queue_retarget(struct nvirt_vif *vif, u8 backend,
			 struct netlink_ext_ack *extack);
void nvirt_vdev_adopt(struct net_device *dev, struct nvirt_vif *vif);

#endif /* _NVIRT_VDEV_H */
