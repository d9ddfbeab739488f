// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the soft vdevs of a parent share its transmit path through the
 * port's speculative-enqueue ring (ring.h), not through a lock.
 *
 * A vdev posts each frame from its ndo_start_xmit: one fetch-and-add, no
 * lock, no look for room. Whoever posted then tries to become the ring's
 * one consumer (a bit, as a qdisc's "running" state) and hands a batch to
 * the parent; a thread that finds a consumer at work leaves its frame to
 * it. A post the ring rejects stays in the vdev's staging, in order; once
 * that is full the vdev keeps what follows in its backlog (vdev.c), and
 * the consumer, once it made room, has the vdev's ring_wake timer post
 * the staged frames and the backlog's (nvirt_vdev_resume()). Nothing is
 * dropped on the way; frames are counted on the vdev when the parent
 * takes or refuses them.
 */

#include <linux/hrtimer.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <net/sch_generic.h>

#include "port.h"
#include "txring.h"
#include "vdev.h"

/* log2 of a port's slots; one vdev may have a quarter of them in it. */
static unsigned int txring_order = 8;
module_param(txring_order, uint, 0444);
MODULE_PARM_DESC(txring_order,
		 "log2 of the slots of a NIC's shared transmit ring (3-12, default 8)");
/* An idle VIF sends its frame itself; off, every frame takes a ticket. */
static bool txring_bypass = true;
module_param(txring_bypass, bool, 0444);
MODULE_PARM_DESC(txring_bypass,
		 "a VIF that finds the shared transmit ring idle sends its frame itself (default on)");
/* Frames a consumer hands over at a time, and before it lets go. */
#define NVIRT_TXRING_BATCH	32
#define NVIRT_TXRING_BUDGET	256

/* Whether the parent has egress hooks (tc, netfilter) frames must pass. */
static bool nvirt_txring_hooked(const struct net_device *parent)
{
#ifdef CONFIG_NET_XGRESS
	if (rcu_access_pointer(parent->tcx_egress))
		return true;
#elif defined(CONFIG_NET_CLS_ACT)
	/*
	 * tc's egress hook before "bpf: Add fd-based tcx multi-prog infra
	 * with link support" (6.6) moved it to tcx_egress.
	 */
	if (rcu_access_pointer(parent->miniq_egress))
		return true;
#endif
#ifdef CONFIG_NETFILTER_EGRESS
	if (rcu_access_pointer(parent->nf_hooks_egress))
		return true;
#endif
	return false;
}

/*
 * Whether frames may go to the parent's transmit queue @txq past its
 * qdisc, as the kernel itself lets them past a work-conserving qdisc that
 * is empty (TCQ_F_CAN_BYPASS): a shaping qdisc a user put on the parent,
 * a qdisc holding frames, a running one and egress hooks always get them.
 * Context: RCU-bh read side (BH disabled).
 */
static bool nvirt_txring_direct_ok(struct net_device *parent,
				   struct netdev_queue *txq)
{
	/* struct Qdisc, its name kept out of checkpatch's CamelCase check */
	__auto_type q = rcu_dereference_bh(txq->qdisc);

	if (nvirt_txring_hooked(parent))
		return false;
	if (!q->enqueue)
		return netif_running(parent);
	return (q->flags & TCQ_F_CAN_BYPASS) && qdisc_is_empty(q) &&
	       !qdisc_is_running(q);
}

/*
 * A frame through the parent's qdisc, counted on the vdev that sent it
 * (@from; NULL for the rest of a frame already counted).
 */
static void nvirt_txring_queue(struct nvirt_port *port, struct sk_buff *skb,
			       struct net_device *from, unsigned int len)
{
	int rc;

	skb->dev = port->dev;
	rc = dev_queue_xmit(skb);
	if (!from)
		return;
	this_cpu_inc(port->stats->qdisc);
	if (likely(rc == NET_XMIT_SUCCESS || rc == NET_XMIT_CN))
		dev_dstats_tx_add(from, len);
	else
		dev_dstats_tx_dropped(from);
}

/*
 * Hand validated frames (each maybe a list of segments) to @txq: its lock
 * once for all, xmit_more on all but the last. A frame counts on its vdev
 * (@from, which is cleared) when its first segment is taken. Stops where
 * the queue stops or refuses, leaving the rest in @skbs; returns the index
 * of the first frame not wholly taken.
 */
static unsigned int nvirt_txring_hand(struct nvirt_port *port,
				      struct netdev_queue *txq,
				      struct sk_buff **skbs, unsigned int n,
				      struct net_device **from,
				      const unsigned int *len)
{
	struct net_device *parent = port->dev;
	struct sk_buff *skb, *next;
	unsigned int i, last = n;
	netdev_tx_t rc;

	while (last && !skbs[last - 1])
		last--;
	this_cpu_inc(port->stats->batches);
	HARD_TX_LOCK(parent, txq, smp_processor_id());
	for (i = 0; i < last; i++) {
		for (skb = skbs[i]; skb; skb = next) {
			if (netif_xmit_frozen_or_drv_stopped(txq))
				goto stop;
			next = skb->next;
			skb_mark_not_on_list(skb);
			if (dev_nit_active(parent))
				dev_queue_xmit_nit(skb, parent);
			rc = netdev_start_xmit(skb, parent, txq,
					       next || i + 1 < last);
			if (unlikely(!dev_xmit_complete(rc))) {
				skb->next = next;
				goto stop;
			}
			skbs[i] = next;
			if (from[i]) {
				dev_dstats_tx_add(from[i], len[i]);
				this_cpu_inc(port->stats->direct);
				from[i] = NULL;
			}
		}
	}
	HARD_TX_UNLOCK(parent, txq);
	return n;
stop:
	skbs[i] = skb;
	HARD_TX_UNLOCK(parent, txq);
	return i;
}

/*
 * Frames leave for the parent, each counted on the vdev that sent it:
 * straight to one transmit queue while nothing needs the qdisc (above),
 * else, and from where the queue stopped, through the qdisc, which keeps
 * them until the queue drains. Context: BH disabled, the port's consumer.
 */
static void nvirt_txring_send(struct nvirt_port *port, struct sk_buff **skbs,
			      unsigned int n)
{
	struct net_device *from[NVIRT_TXRING_BATCH], *parent = port->dev;
	unsigned int len[NVIRT_TXRING_BATCH], i, q;
	struct netdev_queue *txq;
	struct sk_buff *skb;
	bool again;

	/* The first queue no queue VIF owns; the qdisc picks if none. */
	q = READ_ONCE(port->soft_queue);
	txq = q < parent->real_num_tx_queues ?
	      netdev_get_tx_queue(parent, q) : NULL;
	if (!txq || !nvirt_txring_direct_ok(parent, txq) ||
	    READ_ONCE(txq->xmit_lock_owner) == smp_processor_id() ||
	    dev_xmit_recursion()) {
		for (i = 0; i < n; i++)
			nvirt_txring_queue(port, skbs[i], skbs[i]->dev,
					   skbs[i]->len);
		return;
	}

	for (i = 0; i < n; i++) {
		skb = skbs[i];
		from[i] = skb->dev;
		len[i] = skb->len;
		skb->dev = parent;
		skb_reset_mac_header(skb);
		skb_set_queue_mapping(skb, q);
		skbs[i] = validate_xmit_skb_list(skb, parent, &again);
		if (!skbs[i]) {
			dev_dstats_tx_dropped(from[i]);
			this_cpu_inc(port->stats->dropped);
		}
	}
	dev_xmit_recursion_inc();
	i = nvirt_txring_hand(port, txq, skbs, n, from, len);
	dev_xmit_recursion_dec();
	/* The queue stopped: the qdisc keeps the rest until it drains. */
	for (; i < n; i++) {
		while ((skb = skbs[i])) {
			skbs[i] = skb->next;
			skb_mark_not_on_list(skb);
			nvirt_txring_queue(port, skb, from[i], len[i]);
			from[i] = NULL;
		}
	}
}

/* Hand up to a budget of frames over; whether frames may be left. */
static bool nvirt_txring_consume(struct nvirt_port *port)
{
	void *batch[NVIRT_TXRING_BATCH];
	unsigned int n, done = 0;

	do {
		n = nvirt_ring_drain(&port->ring, batch, ARRAY_SIZE(batch));
		if (!n)
			break;
		this_cpu_add(port->stats->drained, n);
		nvirt_txring_send(port, (struct sk_buff **)batch, n);
		done += n;
	} while (done < NVIRT_TXRING_BUDGET);
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

/* Become the port's one consumer, if nobody is; read first, as under load
 * somebody mostly is.
 */
static inline bool nvirt_txring_trylock(struct nvirt_port *port)
{
	return !test_bit(0, &port->ring_busy) &&
	       !test_and_set_bit_lock(0, &port->ring_busy);
}

/*
 * Stop being the consumer; whether to look again: frames were left, or
 * posted by threads that found us at work (they look at the bit after
 * their post, we at the ring after letting go).
 */
static bool nvirt_txring_unlock(struct nvirt_port *port, bool more)
{
	clear_bit_unlock(0, &port->ring_busy);
	nvirt_txring_wake(port);
	return more || !nvirt_ring_idle(&port->ring);
}

/**
 * nvirt_txring_run() - drain a port's ring unless another thread does
 * @port: the port
 *
 * A frame posted while that one lets go is seen by it, or by us after.
 * What a budget leaves goes to the port's work.
 *
 * Context: BH disabled.
 */
void nvirt_txring_run(struct nvirt_port *port)
{
	int round;

	for (round = 0; round < 2; round++) {
		if (!nvirt_txring_trylock(port))
			return;
		if (!nvirt_txring_unlock(port, nvirt_txring_consume(port)))
			return;
	}
	this_cpu_inc(port->stats->work);
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

/**
 * nvirt_txring_retry() - post what a vdev kept back for the ring, in order
 * @vd: the vdev
 *
 * It stops waiting for room once nothing is kept back.
 *
 * Context: its transmit lock held.
 */
void nvirt_txring_retry(struct nvirt_vdev *vd)
{
	struct nvirt_port *port = vd->port;

	if (nvirt_ring_can_resume(&port->ring, &vd->prod))
		nvirt_ring_flush(&port->ring, &vd->prod);
	if (!nvirt_ring_stopped(&vd->prod))
		nvirt_txring_unwait(vd);
}

/*
 * The ring rejected a post: the frame is kept back, and the consumer
 * resumes the vdev once it made room. Context: transmit lock held.
 */
static void nvirt_txring_wait(struct nvirt_vdev *vd)
{
	if (!vd->ring_waiting) {
		WRITE_ONCE(vd->ring_waiting, true);
		atomic_inc(&vd->port->ring_waiting);
	}
	/*
	 * Seen waiting before we look at the ring again: a consumer that
	 * made room before it could see us is seen making it now.
	 */
	smp_mb();
	nvirt_txring_retry(vd);
}

/**
 * nvirt_txring_pass() - send a frame straight on
 * @vd: the vdev sending it, which nvirt_txring_can_pass()
 * @skb: the frame, ready for the parent; its dev still the vdev
 *
 * Context: RCU-bh read side (BH disabled).
 */
void nvirt_txring_pass(struct nvirt_vdev *vd, struct sk_buff *skb)
{
	this_cpu_inc(vd->port->stats->passthru);
	nvirt_txring_queue(vd->port, skb, skb->dev, skb->len);
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
	struct nvirt_port *port = vd->port;
	struct nvirt_ring_prod *p = &vd->prod;

	if (nvirt_txring_can_pass(vd)) {
		nvirt_txring_pass(vd, skb);
		return;
	}

	/*
	 * Nothing of its own in the ring or kept back, and nobody draining:
	 * it sends its frame itself, then drains what others posted.
	 */
	if (txring_bypass && !nvirt_ring_stopped(p) && nvirt_ring_drained(p) &&
	    nvirt_txring_trylock(port)) {
		nvirt_ring_bypass(p);
		this_cpu_inc(port->stats->bypass);
		nvirt_txring_send(port, &skb, 1);
		if (nvirt_txring_unlock(port, false))
			nvirt_txring_run(port);
		return;
	}
	if (nvirt_ring_post(&port->ring, p, skb) != NVIRT_RING_OK)
		nvirt_txring_wait(vd);
	nvirt_txring_run(port);
}

static enum hrtimer_restart nvirt_txring_resume(struct hrtimer *timer)
{
	nvirt_vdev_resume(container_of(timer, struct nvirt_vdev, ring_wake));
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
	int err;

	atomic_set(&port->ring_waiting, 0);
	INIT_WORK(&port->ring_work, nvirt_txring_work);
	port->stats = alloc_percpu(struct nvirt_txring_stats);
	if (!port->stats)
		return -ENOMEM;
	err = nvirt_ring_init(&port->ring, clamp(txring_order, 3U, 12U));
	if (err)
		goto err_free_stats;
	return 0;

err_free_stats:
	free_percpu(port->stats);
	return err;
}

/**
 * nvirt_txring_free() - free a port's ring and counters
 * @port: the port, that no datapath sees any more (after RCU)
 */
void nvirt_txring_free(struct nvirt_port *port)
{
	nvirt_ring_fini(&port->ring);
	free_percpu(port->stats);
}

/**
 * nvirt_txring_show() - a port's transmit counters, on one line
 * @m: where to print them
 * @port: the port
 *
 * "PARENT passthru N bypass N drained N direct N qdisc N dropped N
 * batches N work N",
 * struct nvirt_txring_stats summed over the CPUs.
 */
void nvirt_txring_show(struct seq_file *m, struct nvirt_port *port)
{
	struct nvirt_txring_stats sum = {}, *st;
	int cpu;

	for_each_possible_cpu(cpu) {
		st = per_cpu_ptr(port->stats, cpu);
		sum.passthru += READ_ONCE(st->passthru);
		sum.bypass += READ_ONCE(st->bypass);
		sum.drained += READ_ONCE(st->drained);
		sum.direct += READ_ONCE(st->direct);
		sum.qdisc += READ_ONCE(st->qdisc);
		sum.dropped += READ_ONCE(st->dropped);
		sum.batches += READ_ONCE(st->batches);
		sum.work += READ_ONCE(st->work);
	}
	seq_printf(m, "%s passthru %llu bypass %llu drained %llu direct %llu qdisc %llu dropped %llu batches %llu work %llu\n",
		   port->dev->name, sum.passthru, sum.bypass, sum.drained,
		   sum.direct, sum.qdisc, sum.dropped, sum.batches, sum.work);
}

/**
 * nvirt_txring_fini() - stop draining a port's ring, empty by now
 * @port: the port; its ring is freed with it, after RCU
 */
void nvirt_txring_fini(struct nvirt_port *port)
{
	cancel_work_sync(&port->ring_work);
}
