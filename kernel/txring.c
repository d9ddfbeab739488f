// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the soft vdevs of a parent share its transmit path through the
 * port's speculative-enqueue ring (ring.h), not through a lock.
 *
 * A vdev posts each frame from its ndo_start_xmit: one fetch-and-add, no
 * lock, no look for room. Whoever posted then tries to become the ring's
 * one consumer (a bit, as a qdisc's "running" state) and hands a batch to
 * the parent; a thread that finds a consumer at work leaves its frame to
 * it. A post the ring rejects stays in the vdev's staging, in order: the
 * vdev stops its transmit queue (its qdisc holds what follows) and the
 * consumer, once it made room, has the vdev's ring_wake timer post the
 * staged frames and wake the queue. Nothing is dropped on the way; frames
 * are counted on the vdev when the parent takes or refuses them.
 */

#include <linux/hrtimer.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

#include "vdev.h"

/* log2 of a port's slots; one vdev may have a quarter of them in it. */
static unsigned int txring_order = 8;
module_param(txring_order, uint, 0444);
MODULE_PARM_DESC(txring_order,
		 "log2 of the slots of a NIC's shared transmit ring (3-12, default 8)");
/* Frames a consumer hands over at a time, and before it lets go. */
#define NVIRT_TXRING_BATCH	32
#define NVIRT_TXRING_BUDGET	256

/* A frame leaves for the parent, counted on the vdev that sent it. */
static void nvirt_txring_send(struct nvirt_port *port, struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	unsigned int len = skb->len;
	int rc;

	skb->dev = port->dev;
	rc = dev_queue_xmit(skb);
	if (likely(rc == NET_XMIT_SUCCESS || rc == NET_XMIT_CN))
		dev_dstats_tx_add(dev, len);
	else
		dev_dstats_tx_dropped(dev);
}

/* Hand up to a budget of frames over; whether frames may be left. */
static bool nvirt_txring_consume(struct nvirt_port *port)
{
	void *batch[NVIRT_TXRING_BATCH];
	unsigned int i, n, done = 0;

	do {
		n = nvirt_ring_drain(&port->ring, batch, ARRAY_SIZE(batch));
		for (i = 0; i < n; i++)
			nvirt_txring_send(port, batch[i]);
		done += n;
	} while (n && done < NVIRT_TXRING_BUDGET);
	return n;
}

/* Have the vdevs that wait for room try again. */
static void nvirt_txring_wake(struct nvirt_port *port)
{
	struct nvirt_vdev *vd;
	unsigned int b;

	/* Ordered after the slots the consumer released (see stop). */
	smp_mb();
	if (!atomic_read(&port->ring_waiting))
		return;
	rcu_read_lock();
	for (b = 0; b < ARRAY_SIZE(port->vdevs); b++)
		hlist_for_each_entry_rcu(vd, &port->vdevs[b], hnode)
			if (READ_ONCE(vd->ring_waiting))
				hrtimer_start(&vd->ring_wake, 0,
					      HRTIMER_MODE_REL_SOFT);
	rcu_read_unlock();
}

/*
 * Drain the ring unless another thread does: a frame posted while that
 * one lets go is seen by it, or by us after. What a budget leaves goes to
 * the port's work. Context: BH disabled.
 */
static void nvirt_txring_run(struct nvirt_port *port)
{
	bool more;
	int round;

	for (round = 0; round < 2; round++) {
		if (test_and_set_bit_lock(0, &port->ring_busy))
			return;
		more = nvirt_txring_consume(port);
		clear_bit_unlock(0, &port->ring_busy);
		nvirt_txring_wake(port);
		if (!more && nvirt_ring_idle(&port->ring))
			return;
	}
	schedule_work(&port->ring_work);
}

static void nvirt_txring_work(struct work_struct *work)
{
	struct nvirt_port *port = container_of(work, struct nvirt_port,
					       ring_work);

	local_bh_disable();
	nvirt_txring_run(port);
	local_bh_enable();
}

/*
 * Stop waiting for room. Context: the vdev's transmit lock held; it is the
 * one place ring_waiting is cleared, so the port's count drops once.
 */
static void nvirt_txring_unwait(struct nvirt_vdev *vd)
{
	if (vd->ring_waiting) {
		WRITE_ONCE(vd->ring_waiting, false);
		atomic_dec(&vd->port->ring_waiting);
	}
}

/*
 * Post what the vdev kept back, in order; whether some is still kept.
 * Context: the vdev's transmit lock held.
 */
static bool nvirt_txring_retry(struct nvirt_vdev *vd)
{
	struct nvirt_port *port = vd->port;

	if (nvirt_ring_can_resume(&port->ring, &vd->prod))
		nvirt_ring_flush(&port->ring, &vd->prod);
	if (nvirt_ring_stopped(&vd->prod))
		return true;
	nvirt_txring_unwait(vd);
	return false;
}

/* The ring rejected a post: wait for room. Context: transmit lock held. */
static void nvirt_txring_stop(struct nvirt_vdev *vd)
{
	netif_stop_queue(vd->dev);
	if (!vd->ring_waiting) {
		WRITE_ONCE(vd->ring_waiting, true);
		atomic_inc(&vd->port->ring_waiting);
	}
	/*
	 * Seen waiting before we look at the ring again: a consumer that
	 * made room before it could see us is seen making it now.
	 */
	smp_mb();
	if (!nvirt_txring_retry(vd) && !hrtimer_is_queued(&vd->wake))
		netif_wake_queue(vd->dev);
}

/**
 * nvirt_txring_full() - whether a vdev can keep no more frames back
 * @vd: the vdev
 *
 * Its ndo_start_xmit then returns NETDEV_TX_BUSY before touching the
 * frame, and its qdisc keeps it. Context: the vdev's transmit lock held.
 *
 * Return: true when its staging is full.
 */
bool nvirt_txring_full(const struct nvirt_vdev *vd)
{
	return vd->prod.nstaged == NVIRT_RING_STAGE;
}

/**
 * nvirt_txring_xmit() - post a frame for the parent, and drain if need be
 * @vd: the vdev sending it, not full (nvirt_txring_full())
 * @skb: the frame, ready for the parent; its dev still the vdev
 *
 * The frame is the ring's (or the vdev's staging's) from here on.
 *
 * Context: the vdev's transmit lock held, BH disabled.
 */
void nvirt_txring_xmit(struct nvirt_vdev *vd, struct sk_buff *skb)
{
	if (nvirt_ring_post(&vd->port->ring, &vd->prod, skb) != NVIRT_RING_OK)
		nvirt_txring_stop(vd);
	nvirt_txring_run(vd->port);
}

/**
 * nvirt_txring_held() - post what a stopped vdev kept back
 * @vd: the vdev
 *
 * Context: softirq (its timers), not under its transmit lock.
 * Return: true while the ring keeps the vdev stopped.
 */
bool nvirt_txring_held(struct nvirt_vdev *vd)
{
	struct netdev_queue *txq = netdev_get_tx_queue(vd->dev, 0);
	bool held;

	if (!READ_ONCE(vd->ring_waiting))
		return false;
	__netif_tx_lock(txq, smp_processor_id());
	held = nvirt_txring_retry(vd);
	__netif_tx_unlock(txq);
	nvirt_txring_run(vd->port);
	return held;
}

static enum hrtimer_restart nvirt_txring_resume(struct hrtimer *timer)
{
	struct nvirt_vdev *vd = container_of(timer, struct nvirt_vdev,
					     ring_wake);

	/* The rate limiter's timer wakes the queue when it is due. */
	if (!nvirt_txring_held(vd) && !hrtimer_is_queued(&vd->wake))
		netif_wake_queue(vd->dev);
	return HRTIMER_NORESTART;
}

/**
 * nvirt_txring_join() - make a vdev a producer of its port's ring
 * @vd: the vdev, not registered yet
 */
void nvirt_txring_join(struct nvirt_vdev *vd)
{
	nvirt_ring_producer_init(&vd->port->ring, &vd->prod,
				 (vd->port->ring.mask + 1) / 4);
	hrtimer_init(&vd->ring_wake, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	vd->ring_wake.function = nvirt_txring_resume;
}

/**
 * nvirt_txring_leave() - take a vdev's frames out of its port's ring
 * @vd: the vdev, no longer transmitting
 *
 * Frames it kept back are dropped (and counted); those in the ring are
 * handed to the parent before this returns, as the ring knows the vdev
 * until then. No consumer wakes it after: it stops waiting under its
 * transmit lock, as ring_wake posts, then ring_wake is cancelled once
 * every consumer that saw it waiting has armed it. Only then is its
 * staging emptied, by nobody else.
 *
 * Context: process, RTNL held.
 */
void nvirt_txring_leave(struct nvirt_vdev *vd)
{
	struct netdev_queue *txq = netdev_get_tx_queue(vd->dev, 0);
	struct nvirt_ring_prod *p = &vd->prod;
	struct sk_buff *skb;

	local_bh_disable();
	__netif_tx_lock(txq, smp_processor_id());
	nvirt_txring_unwait(vd);
	__netif_tx_unlock(txq);
	local_bh_enable();
	/* Consumers look at ring_waiting under RCU (nvirt_txring_wake()). */
	synchronize_net();
	hrtimer_cancel(&vd->ring_wake);

	local_bh_disable();
	while ((skb = nvirt_ring_unstage(p))) {
		dev_dstats_tx_dropped(vd->dev);
		kfree_skb(skb);
		nvirt_ring_drop(p, 1);
	}
	local_bh_enable();
	while (!nvirt_ring_drained(p)) {
		local_bh_disable();
		nvirt_txring_run(vd->port);
		local_bh_enable();
		if (!nvirt_ring_drained(p))
			usleep_range(100, 200);
	}
}

/**
 * nvirt_txring_init() - give a new port its ring
 * @port: the port
 *
 * Return: 0 or -ENOMEM.
 */
int nvirt_txring_init(struct nvirt_port *port)
{
	atomic_set(&port->ring_waiting, 0);
	INIT_WORK(&port->ring_work, nvirt_txring_work);
	return nvirt_ring_init(&port->ring, clamp(txring_order, 3U, 12U));
}

/**
 * nvirt_txring_fini() - stop draining a port's ring, empty by now
 * @port: the port; its ring is freed with it, after RCU
 */
void nvirt_txring_fini(struct nvirt_port *port)
{
	cancel_work_sync(&port->ring_work);
}
