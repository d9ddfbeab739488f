/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the soft vdevs of a parent share its transmit path through the
 * port's ring (txring.c).
 */

#ifndef _NVIRT_TXRING_H
#define _NVIRT_TXRING_H

#include <linux/netdevice.h>
#include <net/sch_generic.h>

#include "port.h"
#include "vdev.h"

struct seq_file;

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

/* Its tests, inline for ndo_start_xmit */
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
	return nvirt_netdev_lltx(parent) &&
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

#endif /* _NVIRT_TXRING_H */
