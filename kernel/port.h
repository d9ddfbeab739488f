/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the port that hangs the vdevs of a parent off it (port.c).
 */

#ifndef _NVIRT_PORT_H
#define _NVIRT_PORT_H

#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/workqueue.h>

#include "ring.h"

struct nvirt_txring_stats;
struct nvirt_vdev;
struct seq_file;

#define NVIRT_PORT_HASH_BITS	8

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

struct nvirt_port *nvirt_port_get(const struct net_device *parent);
int nvirt_port_holder(struct net_device *dev, const char **ifname);
const char *nvirt_port_holder_name(int holder);
struct hlist_head *nvirt_port_bucket(struct nvirt_port *port, const u8 *mac);
struct nvirt_vdev *nvirt_port_lookup(struct nvirt_port *port, const u8 *mac);
struct nvirt_port *nvirt_port_create(struct net_device *parent,
				     struct netlink_ext_ack *extack);
void nvirt_port_put(struct nvirt_port *port);
void nvirt_port_drop_unused(struct net_device *parent);
bool nvirt_port_switch(struct nvirt_vdev *from, struct sk_buff *skb);
void nvirt_port_show(struct seq_file *m);

#endif /* _NVIRT_PORT_H */
