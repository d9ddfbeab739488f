// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: nvirt's own netdev (vdev), the VIF of the soft and queue backends.
 *
 * A vdev sits on a parent NIC like a macvlan and means what a VF means:
 * the guest's frames leave tagged with its VLAN, spoofed source MACs and
 * frames tagged by the guest itself are dropped, and the transmit rate is
 * limited; port.c receives for it and switches between vdevs. The soft
 * backend posts its frames for the parent on the port's ring (txring.c)
 * rather than queueing them on its qdisc one by one under its lock; the
 * queue backend owns one of the parent's transmit queues and transmits on
 * it directly.
 *
 * Like a macvlan, a vdev has no qdisc of its own (IFF_NO_QUEUE), so its
 * transmit queue never stops: while its rate limit, a stopped parent
 * queue or a full ring holds it, it keeps frames in a backlog of its
 * transmit queue length, which its timers let go.
 *
 * Settings change under RTNL and are read locklessly by the datapath
 * (READ_ONCE); the rate limiter's state and the backlog are touched under
 * the vdev's transmit lock only.
 */

#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/rtnetlink.h>
#include <net/sch_generic.h>

#include "port.h"
#include "txring.h"
#include "vdev.h"
#include "vif.h"

/* How far the rate limiter lets a sender run ahead after idling. */
#define NVIRT_RATE_BURST_NS	(2 * NSEC_PER_MSEC)
/* How soon to look again at a parent queue the driver has stopped. */
#define NVIRT_QUEUE_POLL_NS	(20 * NSEC_PER_USEC)
#define NVIRT_QUEUE_POLL_MAX_NS	NSEC_PER_MSEC

/*
 * Whether the rate limiter holds the vdev's next frame back; its timer is
 * then armed for when the frame may go.
 */
static bool nvirt_vdev_throttled(struct nvirt_vdev *vd, u32 rate)
{
	/* A new limit starts afresh: no debt run up under the old one. */
	if (rate != vd->rate_seen) {
		vd->rate_seen = rate;
		vd->next_ns = 0;
		return false;
	}
	if (vd->next_ns <= ktime_get_ns())
		return false;
	hrtimer_start(&vd->wake, ns_to_ktime(vd->next_ns),
		      HRTIMER_MODE_ABS_SOFT);
	return true;
}

/* Charge a frame of @len bytes to the rate limiter. */
static void nvirt_vdev_charge(struct nvirt_vdev *vd, u32 rate,
			      unsigned int len)
{
	u64 now = ktime_get_ns();

	/* rate Mb/s is rate bits per microsecond */
	vd->next_ns = max(vd->next_ns, now - NVIRT_RATE_BURST_NS) +
		      div_u64((u64)len * 8 * NSEC_PER_USEC, rate);
}

/*
 * Whether the vdev must keep its frames back: for its rate limit, for the
 * parent's transmit queue it owns, stopped, or for the ring, which took no
 * more of its frames. What lets them go is arranged: the vdev's timer, or
 * the ring's consumer once it made room; both call nvirt_vdev_resume().
 */
static __always_inline bool nvirt_vdev_held(struct nvirt_vdev *vd)
{
	struct net_device *parent = vd->port->dev;
	int queue = READ_ONCE(vd->queue);
	u32 rate = READ_ONCE(vd->rate);

	if (rate && nvirt_vdev_throttled(vd, rate))
		return true;
	/* Frames it kept back for the ring go first, on the ring. */
	if (queue < 0 || nvirt_ring_stopped(&vd->prod))
		return nvirt_txring_full(vd);
	if (queue >= parent->real_num_tx_queues ||
	    !netif_xmit_frozen_or_drv_stopped(netdev_get_tx_queue(parent,
								  queue))) {
		vd->poll_ns = 0;
		return false;
	}
	/* Look again soon, later the longer it stays stopped. */
	vd->poll_ns = clamp(vd->poll_ns * 2, NVIRT_QUEUE_POLL_NS,
			    NVIRT_QUEUE_POLL_MAX_NS);
	hrtimer_start(&vd->wake, ns_to_ktime(vd->poll_ns),
		      HRTIMER_MODE_REL_SOFT);
	return true;
}

/*
 * Transmit on the parent's queue @queue, past its qdisc. GSO frames the
 * parent cannot take are segmented here; __dev_direct_xmit() does the rest
 * of the validation.
 */
static int nvirt_vdev_queue_xmit(struct sk_buff *skb, u16 queue)
{
	struct net_device *parent = skb->dev;
	int ret = NET_XMIT_SUCCESS, rc;
	netdev_features_t features;
	struct sk_buff *segs, *next;

	/* Its channels were cut down: the qdisc picks a queue. */
	if (unlikely(queue >= parent->real_num_tx_queues))
		return dev_queue_xmit(skb);

	features = netif_skb_features(skb);
	if (netif_needs_gso(skb, features)) {
		segs = skb_gso_segment(skb, features);
		if (IS_ERR(segs)) {
			kfree_skb(skb);
			return NET_XMIT_DROP;
		}
		if (segs) {
			consume_skb(skb);
			skb = segs;
		}
	}

	skb_list_walk_safe(skb, skb, next) {
		skb_mark_not_on_list(skb);
		rc = __dev_direct_xmit(skb, queue);
		if (!dev_xmit_complete(rc)) {
			kfree_skb(skb);
			ret = NET_XMIT_DROP;
		} else if (rc != NETDEV_TX_OK) {
			ret = NET_XMIT_DROP;
		}
	}
	return ret;
}

/*
 * Whether a frame went to another vdev of the parent, switched here;
 * else it is tagged with the vdev's VLAN (@vlan_proto, 0 for none) for
 * the parent.
 */
static __always_inline bool nvirt_vdev_switched(struct nvirt_vdev *vd,
						struct sk_buff *skb,
						__be16 vlan_proto)
{
	unsigned int len = skb->len;

	/* Alone on its parent: nobody to switch to. */
	if (READ_ONCE(vd->port->count) > 1 && nvirt_port_switch(vd, skb)) {
		dev_dstats_tx_add(vd->dev, len);
		return true;
	}
	if (vlan_proto)
		__vlan_hwaccel_put_tag(skb, vlan_proto, READ_ONCE(vd->vlan_tci));
	return false;
}

/*
 * Send a frame nothing holds back: to another vdev of the parent, on the
 * ring (soft) or on the parent's queue the vdev owns, tagged with its VLAN
 * and charged to its rate limit. Context: its transmit lock held.
 */
static __always_inline void nvirt_vdev_send(struct nvirt_vdev *vd,
					    struct sk_buff *skb)
{
	struct net_device *dev = vd->dev;
	int queue = READ_ONCE(vd->queue);
	unsigned int len = skb->len;
	__be16 vlan_proto = 0;
	u32 rate;
	int ret;

	if (unlikely(READ_ONCE(vd->police))) {
		vlan_proto = READ_ONCE(vd->vlan_proto);
		rate = READ_ONCE(vd->rate);
		if (rate)
			nvirt_vdev_charge(vd, rate, len);
	}
	if (nvirt_vdev_switched(vd, skb, vlan_proto))
		return;
	if (queue < 0 || nvirt_ring_stopped(&vd->prod)) {
		/* Counted when the parent takes it. */
		nvirt_txring_xmit(vd, skb);
		return;
	}
	skb->dev = vd->port->dev;
	ret = nvirt_vdev_queue_xmit(skb, queue);
	if (likely(ret == NET_XMIT_SUCCESS || ret == NET_XMIT_CN))
		dev_dstats_tx_add(dev, len);
	else
		dev_dstats_tx_dropped(dev);
}

/*
 * Keep a frame back, behind those kept before it, until what holds the
 * vdev lets go; beyond its transmit queue length it is dropped, as a
 * qdisc's would be. The vdev has no qdisc (IFF_NO_QUEUE) and so never
 * stops its queue, unless a user gave it one: then the qdisc keeps the
 * frames that follow. Context: its transmit lock held.
 */
static void nvirt_vdev_park(struct nvirt_vdev *vd, struct sk_buff *skb)
{
	struct net_device *dev = vd->dev;

	if (skb_queue_len(&vd->backlog) >= READ_ONCE(dev->tx_queue_len)) {
		dev_dstats_tx_dropped(dev);
		kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
		return;
	}
	__skb_queue_tail(&vd->backlog, skb);
	if (!qdisc_txq_has_no_queue(netdev_get_tx_queue(dev, 0)))
		netif_stop_queue(dev);
}

/*
 * Send what the vdev kept back, in order, while nothing holds it; then
 * its queue runs again. Context: its transmit lock held, BH disabled.
 */
static void nvirt_vdev_release(struct nvirt_vdev *vd)
{
	while (!skb_queue_empty(&vd->backlog)) {
		if (nvirt_vdev_held(vd))
			return;
		nvirt_vdev_send(vd, __skb_dequeue(&vd->backlog));
	}
	if (netif_queue_stopped(vd->dev))
		netif_wake_queue(vd->dev);
}

/**
 * nvirt_vdev_resume() - let a vdev's kept-back frames go, as far as they may
 * @vd: the vdev
 *
 * Those it kept for the ring first, then its backlog.
 *
 * Context: softirq (its timers), not under its transmit lock.
 */
void nvirt_vdev_resume(struct nvirt_vdev *vd)
{
	struct netdev_queue *txq = netdev_get_tx_queue(vd->dev, 0);

	__netif_tx_lock(txq, smp_processor_id());
	nvirt_txring_retry(vd);
	nvirt_vdev_release(vd);
	__netif_tx_unlock(txq);
	nvirt_txring_run(vd->port);
}

static enum hrtimer_restart nvirt_vdev_wake(struct hrtimer *timer)
{
	nvirt_vdev_resume(container_of(timer, struct nvirt_vdev, wake));
	return HRTIMER_NORESTART;
}

/* Drop what the vdev kept back: it is going down. */
static void nvirt_vdev_purge(struct nvirt_vdev *vd)
{
	struct netdev_queue *txq = netdev_get_tx_queue(vd->dev, 0);
	struct sk_buff *skb;

	__netif_tx_lock_bh(txq);
	while ((skb = __skb_dequeue(&vd->backlog))) {
		dev_dstats_tx_dropped(vd->dev);
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_READY);
	}
	__netif_tx_unlock_bh(txq);
}

/*
 * Send a frame on without the vdev's transmit lock where nothing needs
 * it: no rate limit (its state is the lock's), nothing kept back, a soft
 * vdev whose parent needs no serializing (nvirt_txring_can_pass()). Its
 * caller did spoof-check and VLAN confinement. Whether the frame was
 * sent.
 */
static __always_inline bool nvirt_vdev_pass(struct nvirt_vdev *vd,
					    struct sk_buff *skb)
{
	__be16 vlan_proto = 0;

	if (READ_ONCE(vd->queue) >= 0 ||
	    !skb_queue_empty_lockless(&vd->backlog) ||
	    !nvirt_txring_can_pass(vd))
		return false;
	if (unlikely(READ_ONCE(vd->police))) {
		if (READ_ONCE(vd->rate))
			return false;
		vlan_proto = READ_ONCE(vd->vlan_proto);
	}
	if (!nvirt_vdev_switched(vd, skb, vlan_proto))
		nvirt_txring_pass(vd, skb);
	return true;
}

/*
 * The vdev is lltx: the stack takes no lock for it. It takes its
 * transmit lock itself, but for frames nvirt_vdev_pass() sends.
 */
static netdev_tx_t nvirt_vdev_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct netdev_queue *txq = netdev_get_tx_queue(dev, 0);
	const struct ethhdr *eth = (struct ethhdr *)skb->data;
	struct nvirt_vdev *vd = netdev_priv(dev);

	if (unlikely(READ_ONCE(vd->police))) {
		if (READ_ONCE(vd->spoofchk) &&
		    !ether_addr_equal(eth->h_source, dev->dev_addr)) {
			atomic64_inc(&vd->spoof_dropped);
			goto drop;
		}
		if (READ_ONCE(vd->vlan_proto) &&
		    (skb_vlan_tag_present(skb) || eth_type_vlan(eth->h_proto))) {
			atomic64_inc(&vd->vlan_dropped);
			goto drop;
		}
	}
	if (nvirt_vdev_pass(vd, skb))
		return NETDEV_TX_OK;

	__netif_tx_lock(txq, smp_processor_id());
	if (unlikely(!skb_queue_empty(&vd->backlog)) || nvirt_vdev_held(vd))
		nvirt_vdev_park(vd, skb);
	else
		nvirt_vdev_send(vd, skb);
	__netif_tx_unlock(txq);
	return NETDEV_TX_OK;

drop:
	dev_dstats_tx_dropped(dev);
	kfree_skb(skb);
	return NETDEV_TX_OK;
}

static int nvirt_vdev_open(struct net_device *dev)
{
	struct nvirt_vdev *vd = netdev_priv(dev);
	int err;

	err = dev_uc_add(vd->port->dev, dev->dev_addr);
	if (err)
		return err;
	/* A carrier event, so the operstate is computed. */
	netif_carrier_off(dev);
	if (vd->vif)
		nvirt_vdev_link(vd, vd->vif->cfg.link_state);
	/* Stopped with frames kept back when it went down, maybe. */
	netif_start_queue(dev);
	return 0;
}

static int nvirt_vdev_stop(struct net_device *dev)
{
	struct nvirt_vdev *vd = netdev_priv(dev);
	struct net_device *parent = vd->port->dev;

	netif_carrier_off(dev);
	/* Nothing kept back after this: no timer is armed again. */
	nvirt_vdev_purge(vd);
	hrtimer_cancel(&vd->wake);
	nvirt_txring_leave(vd);
	dev_uc_del(parent, dev->dev_addr);
	dev_mc_unsync(parent, dev);
	return 0;
}

static void nvirt_vdev_set_rx_mode(struct net_device *dev)
{
	struct nvirt_vdev *vd = netdev_priv(dev);

	dev_mc_sync(vd->port->dev, dev);
}

/*
 * Give the vdev a new MAC: in the port's table, the parent's unicast
 * filter and the netdev.
 */
int nvirt_vdev_change_mac(struct nvirt_vdev *vd, const u8 *mac,
			  struct netlink_ext_ack *extack)
{
	struct net_device *dev = vd->dev;
	struct nvirt_vdev *other;
	int err;

	ASSERT_RTNL();
	if (ether_addr_equal(dev->dev_addr, mac))
		return 0;
	other = nvirt_port_lookup(vd->port, mac);
	if (other || ether_addr_equal(vd->port->dev->dev_addr, mac)) {
		NL_SET_ERR_MSG_FMT(extack, "MAC %pM is in use on %s by %s", mac,
				   vd->port->dev->name,
				   other ? other->dev->name : vd->port->dev->name);
		return -EADDRINUSE;
	}
	if (dev->flags & IFF_UP) {
		err = dev_uc_add(vd->port->dev, mac);
		if (err)
			return err;
		dev_uc_del(vd->port->dev, dev->dev_addr);
	}
	hlist_del_rcu(&vd->hnode);
	eth_hw_addr_set(dev, mac);
	hlist_add_head_rcu(&vd->hnode, nvirt_port_bucket(vd->port, mac));
	call_netdevice_notifiers(NETDEV_CHANGEADDR, dev);
	return 0;
}

/* The guest changes its MAC: only when trusted. */
static int nvirt_vdev_set_mac_address(struct net_device *dev, void *p)
{
	struct nvirt_vdev *vd = netdev_priv(dev);
	struct sockaddr *sa = p;
	int err;

	if (!vd->vif || !vd->vif->cfg.trust)
		return -EPERM;
	if (!is_valid_ether_addr(sa->sa_data))
		return -EADDRNOTAVAIL;
	if (ether_addr_equal(dev->dev_addr, sa->sa_data))
		return 0;
	err = nvirt_vdev_change_mac(vd, sa->sa_data, NULL);
	if (!err)
		ether_addr_copy(vd->vif->cfg.mac, sa->sa_data);
	return err;
}

static int nvirt_vdev_change_mtu(struct net_device *dev, int mtu)
{
	struct nvirt_vdev *vd = netdev_priv(dev);

	if (mtu > READ_ONCE(vd->port->dev->mtu))
		return -EINVAL;
	WRITE_ONCE(dev->mtu, mtu);
	return 0;
}

static int nvirt_vdev_get_iflink(const struct net_device *dev)
{
	const struct nvirt_vdev *vd = netdev_priv(dev);

	return READ_ONCE(vd->parent->ifindex);
}

/* Own a transmit queue of the parent, or give it back. Context: RTNL. */
static void nvirt_vdev_own_queue(struct nvirt_port *port, int queue, bool own)
{
	if (own)
		set_bit(queue, port->queues);
	else
		clear_bit(queue, port->queues);
	WRITE_ONCE(port->soft_queue,
		   find_first_zero_bit(port->queues, port->dev->num_tx_queues));
}

/*
 * Join the port: its count, its queue. Undone by ndo_uninit. The port's
 * table gets the vdev once it is registered (its stats exist then).
 */
static int nvirt_vdev_ndo_init(struct net_device *dev)
{
	struct nvirt_vdev *vd = netdev_priv(dev);
	struct nvirt_port *port = vd->port;

	/*
	 * Its queue and address locks are taken with the parent's held
	 * (a soft VIF transmits through the parent's qdisc): a class of their
	 * own keeps lockdep from seeing recursion.
	 */
	netdev_lockdep_set_classes(dev);
	netdev_hold(vd->parent, &vd->parent_tracker, GFP_KERNEL);
	nvirt_txring_join(vd);
	WRITE_ONCE(port->count, port->count + 1);
	if (vd->queue >= 0)
		nvirt_vdev_own_queue(port, vd->queue, true);
	return 0;
}

static void nvirt_vdev_ndo_uninit(struct net_device *dev)
{
	struct nvirt_vdev *vd = netdev_priv(dev);
	struct nvirt_port *port = vd->port;

	hrtimer_cancel(&vd->wake);
	/* Down, it left the ring (ndo_stop): nothing arms this any more. */
	hrtimer_cancel(&vd->ring_wake);
	if (!hlist_unhashed(&vd->hnode))
		hlist_del_rcu(&vd->hnode);
	if (vd->queue >= 0)
		nvirt_vdev_own_queue(port, vd->queue, false);
	if (vd->linked)
		netdev_upper_dev_unlink(port->dev, dev);
	nvirt_port_put(port);
}

/**
 * nvirt_vdev_requeue() - change the parent's transmit queue a vdev owns
 * @vd: the vdev, registered
 * @queue: the queue, free, or -1 to transmit through the parent's qdisc
 *
 * Context: RTNL held.
 */
void nvirt_vdev_requeue(struct nvirt_vdev *vd, int queue)
{
	ASSERT_RTNL();
	if (vd->queue >= 0)
		nvirt_vdev_own_queue(vd->port, vd->queue, false);
	if (queue >= 0)
		nvirt_vdev_own_queue(vd->port, queue, true);
	WRITE_ONCE(vd->queue, queue);
}

static const struct net_device_ops nvirt_vdev_ops = {
	.ndo_init		= nvirt_vdev_ndo_init,
	.ndo_uninit		= nvirt_vdev_ndo_uninit,
	.ndo_open		= nvirt_vdev_open,
	.ndo_stop		= nvirt_vdev_stop,
	.ndo_start_xmit		= nvirt_vdev_xmit,
	.ndo_set_rx_mode	= nvirt_vdev_set_rx_mode,
	.ndo_set_mac_address	= nvirt_vdev_set_mac_address,
	.ndo_change_mtu		= nvirt_vdev_change_mtu,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_get_iflink		= nvirt_vdev_get_iflink,
	/* The core sums its dstats where it can (compat.h). */
	.ndo_get_stats64	= nvirt_dstats_get_stats64,
	.ndo_features_check	= passthru_features_check,
};

static void nvirt_vdev_free(struct net_device *dev)
{
	struct nvirt_vdev *vd = netdev_priv(dev);

	/* The port may be gone by now: it is freed after an RCU period. */
	netdev_put(vd->parent, &vd->parent_tracker);
}

static void nvirt_vdev_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->max_mtu = ETH_MAX_MTU;
	dev->priv_flags &= ~IFF_TX_SKB_SHARING;
	dev->priv_flags |= IFF_UNICAST_FLT | IFF_NO_QUEUE;
	netif_keep_dst(dev);
	dev->netdev_ops = &nvirt_vdev_ops;
	dev->needs_free_netdev = true;
	dev->priv_destructor = nvirt_vdev_free;
	dev->pcpu_stat_type = NETDEV_PCPU_STAT_DSTATS;
	dev->features |= NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_GSO_SOFTWARE |
			 NETIF_F_HIGHDMA | NETIF_F_FRAGLIST;
	dev->hw_features |= dev->features;
	nvirt_netdev_set_lltx(dev);
}

/* Created only by nvirt's family; "ip link del" and namespaces delete. */
static int nvirt_vdev_validate(struct nlattr *tb[], struct nlattr *data[],
			       struct netlink_ext_ack *extack)
{
	NL_SET_ERR_MSG(extack, "nvirt VIFs are created with \"nvirt vif add\"");
	return -EOPNOTSUPP;
}

static struct net *nvirt_vdev_get_link_net(const struct net_device *dev)
{
	const struct nvirt_vdev *vd = netdev_priv(dev);

	return dev_net(vd->parent);
}

static struct rtnl_link_ops nvirt_link_ops = {
	.kind		= "nvirt",
	.priv_size	= sizeof(struct nvirt_vdev),
	.setup		= nvirt_vdev_setup,
	.validate	= nvirt_vdev_validate,
	.get_link_net	= nvirt_vdev_get_link_net,
};

/**
 * nvirt_vdev_alloc() - a new vdev, not registered yet
 * @name: its name
 * @queue: the parent's transmit queue it will own, or -1
 *
 * Return: the netdev, or NULL.
 */
struct net_device *nvirt_vdev_alloc(const char *name, int queue)
{
	struct nvirt_vdev *vd;
	struct net_device *dev;

	dev = alloc_netdev(sizeof(*vd), name, NET_NAME_USER, nvirt_vdev_setup);
	if (!dev)
		return NULL;
	dev->rtnl_link_ops = &nvirt_link_ops;
	vd = netdev_priv(dev);
	vd->dev = dev;
	vd->queue = queue;
	__skb_queue_head_init(&vd->backlog);
	hrtimer_init(&vd->wake, CLOCK_MONOTONIC, HRTIMER_MODE_ABS_SOFT);
	vd->wake.function = nvirt_vdev_wake;
	netif_carrier_off(dev);
	return dev;
}

/**
 * nvirt_vdev_is() - whether a netdev is an nvirt vdev
 * @dev: the netdev
 *
 * Return: true for vdevs.
 */
bool nvirt_vdev_is(const struct net_device *dev)
{
	return dev->netdev_ops == &nvirt_vdev_ops;
}

/**
 * nvirt_vdev_g2g() - the path a vdev's frames to its neighbours take
 * @vd: the vdev
 * @g2g: enum nvirt_g2g: external, or through the port (soft)
 */
void nvirt_vdev_g2g(struct nvirt_vdev *vd, u8 g2g)
{
	WRITE_ONCE(vd->external, g2g == NVIRT_G2G_EXTERNAL);
}

/*
 * The datapath's copies of a VIF's settings. A vdev the old limit stopped
 * is woken at once: its next frame is charged at the new one.
 */
void nvirt_vdev_publish(struct nvirt_vdev *vd, const struct nvirt_vif_cfg *cfg)
{
	bool rate = READ_ONCE(vd->rate) != cfg->max_rate;

	WRITE_ONCE(vd->vlan_tci, cfg->vlan | (cfg->qos << VLAN_PRIO_SHIFT));
	WRITE_ONCE(vd->vlan_proto, !cfg->vlan ? 0 :
		   cfg->vlan_proto == NVIRT_VLAN_PROTO_8021AD ?
		   htons(ETH_P_8021AD) : htons(ETH_P_8021Q));
	WRITE_ONCE(vd->spoofchk, cfg->spoofchk);
	WRITE_ONCE(vd->rate, cfg->max_rate);
	WRITE_ONCE(vd->police, cfg->vlan || cfg->spoofchk || cfg->max_rate);
	if (rate && hrtimer_is_queued(&vd->wake))
		hrtimer_start(&vd->wake, 0, HRTIMER_MODE_REL_SOFT);
}

void nvirt_vdev_link(struct nvirt_vdev *vd, u8 link_state)
{
	struct net_device *parent = vd->port->dev;
	bool up;

	switch (link_state) {
	case NVIRT_LINK_STATE_ENABLE:
		up = true;
		break;
	case NVIRT_LINK_STATE_DISABLE:
		up = false;
		break;
	default:
		up = netif_running(parent) && netif_carrier_ok(parent);
	}
	if (up && netif_running(vd->dev))
		netif_carrier_on(vd->dev);
	else
		netif_carrier_off(vd->dev);
}

/* A parent's link or MTU changed: its vdevs follow. Context: RTNL held. */
static void nvirt_vdev_parent_changed(struct net_device *parent)
{
	struct nvirt_port *port = nvirt_port_get(parent);
	struct nvirt_vdev *vd;
	int i;

	ASSERT_RTNL();
	if (!port)
		return;
	for (i = 0; i < ARRAY_SIZE(port->vdevs); i++) {
		hlist_for_each_entry(vd, &port->vdevs[i], hnode) {
			if (vd->vif)
				nvirt_vdev_link(vd, vd->vif->cfg.link_state);
			if (vd->dev->mtu > parent->mtu)
				dev_set_mtu(vd->dev, parent->mtu);
		}
	}
}

static int nvirt_vdev_netdev_event(struct notifier_block *nb,
				   unsigned long event, void *ptr)
{
	switch (event) {
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
	case NETDEV_CHANGEMTU:
		nvirt_vdev_parent_changed(netdev_notifier_info_to_dev(ptr));
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block nvirt_vdev_nb = {
	.notifier_call = nvirt_vdev_netdev_event,
};

/**
 * nvirt_vdev_init() - let rtnetlink know nvirt's vdevs, and have them
 * follow their parents
 *
 * Return: 0 or a negative errno.
 */
int nvirt_vdev_init(void)
{
	int err;

	err = register_netdevice_notifier(&nvirt_vdev_nb);
	if (err)
		return err;
	err = rtnl_link_register(&nvirt_link_ops);
	if (err)
		goto err_unregister_notifier;
	return 0;

err_unregister_notifier:
	unregister_netdevice_notifier(&nvirt_vdev_nb);
	return err;
}

/**
 * nvirt_vdev_exit() - delete every vdev
 */
void nvirt_vdev_exit(void)
{
	rtnl_link_unregister(&nvirt_link_ops);
	unregister_netdevice_notifier(&nvirt_vdev_nb);
	/* Ports of failed creates may still wait for their RCU period. */
	rcu_barrier();
}

