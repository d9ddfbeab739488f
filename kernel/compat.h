/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: stand-ins for what an older kernel lacks, in one place.
 *
 * Kbuild reads the target kernel's headers and defines NVIRT_HAVE_<X> for
 * each feature they have; every file gets this header first (-include).
 * Each fallback below stands in for one missing feature and names the
 * upstream change that brought it, with the release it came in. Debian's
 * 6.12 has them all (some by stable backports), its 6.1 none. A fallback
 * that cannot do what the real thing does says so; those too big to be
 * inline are in compat.c.
 */

#ifndef _NVIRT_COMPAT_H
#define _NVIRT_COMPAT_H

#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sch_generic.h>

/* ---- netlink ---- */

#ifndef NVIRT_HAVE_EXTACK_FMT
/*
 * NL_SET_ERR_MSG_FMT(), NL_SET_ERR_MSG_ATTR_FMT(), NETLINK_MAX_FMTMSG_LEN:
 * "netlink: add support for formatted extack messages" (6.2). Before it
 * an extack has no buffer: the message is formatted into one that is
 * freed when the task returns to user space, after the ack that carries
 * it (compat.c). Where that cannot be (no memory, a kernel thread) the
 * format itself is the message.
 */
#define NETLINK_MAX_FMTMSG_LEN	80

__printf(1, 2) const char *nvirt_extack_printf(const char *fmt, ...);

#define NL_SET_ERR_MSG_FMT(extack, fmt, args...) do {			\
	struct netlink_ext_ack *__extack = (extack);			\
									\
	if (__extack) {							\
		__extack->_msg = nvirt_extack_printf(fmt, ##args);	\
		do_trace_netlink_extack(__extack->_msg);		\
	}								\
} while (0)

#define NL_SET_ERR_MSG_ATTR_FMT(extack, attr, fmt, args...) do {	\
	struct netlink_ext_ack *__ea = (extack);			\
									\
	if (__ea) {							\
		NL_SET_ERR_MSG_FMT(__ea, fmt, ##args);			\
		__ea->bad_attr = (attr);				\
		__ea->policy = NULL;					\
	}								\
} while (0)
#endif /* !NVIRT_HAVE_EXTACK_FMT */

#ifndef NVIRT_HAVE_NLA_PUT_UINT
/*
 * nla_put_uint(): "netlink: add variable-length / auto integers" (6.7).
 * The same bytes: 4 when the value fits, else 8.
 */
static inline int nla_put_uint(struct sk_buff *skb, int attrtype, u64 value)
{
	u32 value32 = value;

	if (value32 == value)
		return nla_put_u32(skb, attrtype, value32);
	return nla_put(skb, attrtype, sizeof(value), &value);
}
#endif

#ifndef NVIRT_HAVE_CONST_POLICY_RANGE
/*
 * A policy's full range in a const struct netlink_range_validation (as
 * netlink-gen.c has them): "netlink: make range pointers in policies
 * const" (6.7). The pointer is not const before, though netlink only
 * reads the range: the const is cast away.
 */
#undef NLA_POLICY_FULL_RANGE
#define NLA_POLICY_FULL_RANGE(tp, _range) {				\
	.type = NLA_ENSURE_UINT_OR_BINARY_TYPE(tp),			\
	.validation_type = NLA_VALIDATE_RANGE_PTR,			\
	.range = (struct netlink_range_validation *)(_range),		\
}
#endif

#ifndef NVIRT_HAVE_GENL_INFO_NET_CONST
/*
 * genl_info_net() of a const info: made so in the series of "genetlink:
 * add genlmsg_iput() API" (6.6).
 */
#define genl_info_net(info)	read_pnet(&(info)->_net)
#endif

#ifndef NVIRT_HAVE_GENLMSG_IPUT
/*
 * genlmsg_iput(): "genetlink: add genlmsg_iput() API" (6.6). Before it a
 * request's genl_info does not name its family: nvirt has one.
 */
extern struct genl_family nvirt_nl_family;

static inline void *genlmsg_iput(struct sk_buff *skb,
				 const struct genl_info *info)
{
	return genlmsg_put(skb, info->snd_portid, info->snd_seq,
			   &nvirt_nl_family, 0, info->genlhdr->cmd);
}
#endif

#ifndef NVIRT_HAVE_GENL_INFO_DUMP
#include <net/sock.h>
/*
 * genl_info_dump(): "genetlink: add struct genl_info to struct
 * genl_dumpit_info" (6.6). Before it a dump has no genl_info: one is
 * filled as that change fills it, in storage of the caller's block.
 */
static inline const struct genl_info *
nvirt_genl_info_dump(struct netlink_callback *cb, struct genl_info *info)
{
	info->snd_seq = cb->nlh->nlmsg_seq;
	info->snd_portid = NETLINK_CB(cb->skb).portid;
	info->nlhdr = (struct nlmsghdr *)cb->nlh;
	info->genlhdr = nlmsg_data(cb->nlh);
	info->userhdr = (void *)info->genlhdr + GENL_HDRLEN;
	info->attrs = genl_dumpit_info(cb)->attrs;
	genl_info_net_set(info, sock_net(cb->skb->sk));
	info->extack = cb->extack;
	return info;
}

#define genl_info_dump(cb)	nvirt_genl_info_dump((cb), &(struct genl_info){})
#endif

#ifndef NVIRT_HAVE_GENL_SPLIT_OPS
/*
 * struct genl_split_ops and a family's split_ops: "genetlink: introduce
 * split op representation" (6.2). The generated netlink-gen.c is written
 * for them: built with NVIRT_COMPAT_GEN, its family becomes
 * nvirt_nl_split_family, of the type below, and nvirt_genl_register()
 * (compat.c) registers nvirt_nl_family built from it: one struct genl_ops
 * for a command's do and dump, its policy both of theirs, each request
 * checked against its own again; the ops' pre_doit and post_doit called
 * from the family's.
 */
struct genl_split_ops {
	int (*pre_doit)(const struct genl_split_ops *ops, struct sk_buff *skb,
			struct genl_info *info);
	int (*doit)(struct sk_buff *skb, struct genl_info *info);
	void (*post_doit)(const struct genl_split_ops *ops,
			  struct sk_buff *skb, struct genl_info *info);
	int (*start)(struct netlink_callback *cb);
	int (*dumpit)(struct sk_buff *skb, struct netlink_callback *cb);
	int (*done)(struct netlink_callback *cb);
	const struct nla_policy *policy;
	unsigned int maxattr;
	u8 cmd;
	u8 flags;
};

/**
 * struct nvirt_genl_split_family - a family as netlink-gen.c defines it
 * @name: its name
 * @version: its version
 * @netnsok: it works in every namespace
 * @parallel_ops: its ops run without genl_mutex
 * @module: its module
 * @split_ops: its ops, do and dump apart
 * @n_split_ops: how many
 * @mcgrps: its multicast groups
 * @n_mcgrps: how many
 */
struct nvirt_genl_split_family {
	char name[GENL_NAMSIZ];
	unsigned int version;
	u8 netnsok:1;
	u8 parallel_ops:1;
	struct module *module;
	const struct genl_split_ops *split_ops;
	unsigned int n_split_ops;
	const struct genl_multicast_group *mcgrps;
	unsigned int n_mcgrps;
};

extern struct nvirt_genl_split_family nvirt_nl_split_family;

#ifdef NVIRT_COMPAT_GEN
#define genl_family nvirt_genl_split_family
#define nvirt_nl_family nvirt_nl_split_family
#endif
#endif /* !NVIRT_HAVE_GENL_SPLIT_OPS */

/*
 * Register and unregister a generic netlink family (compat.c), with a
 * callback for each socket that joins one of its groups: @bind, from
 * "genetlink: Add per family bind/unbind callbacks" (6.9). Without it
 * nvirt looks twice a second for a group that has listeners again after
 * it had none, and calls @bind then: a socket that joins a group with
 * listeners already goes unnoticed, one that joins an empty group is
 * noticed up to half a second late.
 */
int nvirt_genl_register(struct genl_family *family, int (*bind)(int mcgrp));
void nvirt_genl_unregister(struct genl_family *family);

/* ---- netdevs ---- */

/*
 * <net/gso.h>: "net: move gso declarations and functions to their own
 * files" (6.5). Before it they are in <linux/netdevice.h>.
 */
#ifdef NVIRT_HAVE_NET_GSO_H
#include <net/gso.h>
#endif

#ifndef NVIRT_HAVE_DEV_DSTATS
/*
 * dev_dstats_*(): "vrf: Make pcpu_dstats update functions available to
 * other modules." (6.14, in 6.12.y). The fields are u64_stats_t since
 * "net: core,vrf: Change pcpu_dstat fields to u64_stats_t" (6.11), plain
 * u64 before.
 */
#ifdef NVIRT_HAVE_CORE_DSTATS
#define nvirt_dstat_add(field, n)	u64_stats_add(&(field), (n))
#else
#define nvirt_dstat_add(field, n)	((field) += (n))
#endif

static inline void dev_dstats_rx_add(struct net_device *dev, unsigned int len)
{
	struct pcpu_dstats *dstats = this_cpu_ptr(dev->dstats);

	u64_stats_update_begin(&dstats->syncp);
	nvirt_dstat_add(dstats->rx_packets, 1);
	nvirt_dstat_add(dstats->rx_bytes, len);
	u64_stats_update_end(&dstats->syncp);
}

static inline void dev_dstats_rx_dropped(struct net_device *dev)
{
	struct pcpu_dstats *dstats = this_cpu_ptr(dev->dstats);

	u64_stats_update_begin(&dstats->syncp);
	nvirt_dstat_add(dstats->rx_drops, 1);
	u64_stats_update_end(&dstats->syncp);
}

static inline void dev_dstats_tx_add(struct net_device *dev, unsigned int len)
{
	struct pcpu_dstats *dstats = this_cpu_ptr(dev->dstats);

	u64_stats_update_begin(&dstats->syncp);
	nvirt_dstat_add(dstats->tx_packets, 1);
	nvirt_dstat_add(dstats->tx_bytes, len);
	u64_stats_update_end(&dstats->syncp);
}

static inline void dev_dstats_tx_dropped(struct net_device *dev)
{
	struct pcpu_dstats *dstats = this_cpu_ptr(dev->dstats);

	u64_stats_update_begin(&dstats->syncp);
	nvirt_dstat_add(dstats->tx_drops, 1);
	u64_stats_update_end(&dstats->syncp);
}
#endif /* !NVIRT_HAVE_DEV_DSTATS */

#ifndef NVIRT_HAVE_CORE_DSTATS
/*
 * The core sums a netdev's dstats (pcpu_stat_type NETDEV_PCPU_STAT_DSTATS)
 * since "net: core: Implement dstats-type stats collections" (6.11); its
 * u64_stats_t fields, of the same series, tell it (dev_get_stats() is in
 * no header). Before it the netdev's ndo_get_stats64 does (compat.c).
 */
void nvirt_dstats_get_stats64(struct net_device *dev,
			      struct rtnl_link_stats64 *stats);
#else
#define nvirt_dstats_get_stats64	NULL
#endif

/*
 * Whether a netdev transmits without the stack's transmit lock, and making
 * it so: dev->lltx since "netdev_features: convert NETIF_F_LLTX to
 * dev->lltx" (6.12), a feature bit before.
 */
static inline bool nvirt_netdev_lltx(const struct net_device *dev)
{
#ifdef NVIRT_HAVE_LLTX
	return dev->lltx;
#else
	return dev->features & NETIF_F_LLTX;
#endif
}

/* Before 6.12 also in hw_features unless set after them: set it last. */
static inline void nvirt_netdev_set_lltx(struct net_device *dev)
{
#ifdef NVIRT_HAVE_LLTX
	dev->lltx = true;
#else
	dev->features |= NETIF_F_LLTX;
#endif
}

/*
 * Whether a NIC's driver runs XDP programs itself: dev->xdp_features says
 * so since "net: introduce XDP features flag" (6.3). Before it nothing
 * does: a driver with ndo_bpf is taken to, which is true of the drivers
 * of that time but for offload-only ones.
 */
static inline bool nvirt_netdev_xdp_native(const struct net_device *dev)
{
#ifdef NVIRT_HAVE_XDP_FEATURES
	return dev->xdp_features & NETDEV_XDP_ACT_BASIC;
#else
	return dev->netdev_ops->ndo_bpf;
#endif
}

/*
 * Whether a netdev is a devlink port's: dev->devlink_port since "net:
 * devlink: track netdev with devlink_port assigned" (6.2), its driver's
 * ndo_get_devlink_port before (which does not change the netdev).
 */
static inline bool nvirt_netdev_devlink_port(const struct net_device *dev)
{
#ifdef NVIRT_HAVE_NETDEV_DEVLINK_PORT
	return dev->devlink_port;
#else
	const struct net_device_ops *ops = dev->netdev_ops;

	return ops->ndo_get_devlink_port &&
	       ops->ndo_get_devlink_port((struct net_device *)dev);
#endif
}

#ifndef NVIRT_HAVE_QDISC_TXQ_HAS_NO_QUEUE
/*
 * qdisc_txq_has_no_queue(): "net: sched: generalize check for no-queue
 * qdisc on TX queue" (6.16, in 6.12.y): noqueue has no enqueue.
 */
static inline bool qdisc_txq_has_no_queue(const struct netdev_queue *txq)
{
	return !rcu_access_pointer(txq->qdisc)->enqueue;
}
#endif

#if defined(CONFIG_PREEMPT_RT) && !defined(NVIRT_HAVE_RT_SPIN_SPARSE)
/*
 * HARD_TX_LOCK() and HARD_TX_UNLOCK() as sparse sees them on PREEMPT_RT:
 * spin_lock_t's functions there carry sparse's annotations since
 * "locking/rt: Add sparse annotation on functions taking/releasing
 * spin_lock_t" (6.13, in Debian's 6.12-rt). Before it the locking branch
 * counts no lock and the lockless one (__netif_tx_acquire(), nothing but
 * the annotation) one: sparse finds them unbalanced. Without that
 * annotation both count none; the same code runs.
 */
#undef HARD_TX_LOCK
#undef HARD_TX_UNLOCK
#define HARD_TX_LOCK(dev, txq, cpu) do {				\
	if (!nvirt_netdev_lltx(dev))					\
		__netif_tx_lock(txq, cpu);				\
} while (0)

#define HARD_TX_UNLOCK(dev, txq) do {					\
	if (!nvirt_netdev_lltx(dev))					\
		__netif_tx_unlock(txq);					\
} while (0)
#endif

/* ---- the rest of the kernel ---- */

#ifndef NVIRT_HAVE_DISABLE_WORK
/*
 * disable_work_sync(), disable_delayed_work_sync(): "workqueue: Implement
 * disable/enable for (delayed) work items" (6.10). Before it a work item
 * cannot refuse to be queued: the ones nvirt disables are noted
 * (compat.c) and nvirt's queue_work(), queue_delayed_work() and
 * mod_delayed_work() refuse them from then on, as 6.10's do.
 * schedule_work() is not covered: nvirt disables no work it schedules.
 */
bool nvirt_work_disabled(const struct work_struct *work);
bool nvirt_disable_work_sync(struct work_struct *work);
bool nvirt_disable_delayed_work_sync(struct delayed_work *dwork);

static inline bool nvirt_queue_work(struct workqueue_struct *wq,
				    struct work_struct *work)
{
	bool queued = false;

	rcu_read_lock();
	if (!nvirt_work_disabled(work))
		queued = queue_work(wq, work);
	rcu_read_unlock();
	return queued;
}

static inline bool nvirt_queue_delayed_work(struct workqueue_struct *wq,
					    struct delayed_work *dwork,
					    unsigned long delay)
{
	bool queued = false;

	rcu_read_lock();
	if (!nvirt_work_disabled(&dwork->work))
		queued = queue_delayed_work(wq, dwork, delay);
	rcu_read_unlock();
	return queued;
}

static inline bool nvirt_mod_delayed_work(struct workqueue_struct *wq,
					  struct delayed_work *dwork,
					  unsigned long delay)
{
	bool pending = false;

	rcu_read_lock();
	if (!nvirt_work_disabled(&dwork->work))
		pending = mod_delayed_work(wq, dwork, delay);
	rcu_read_unlock();
	return pending;
}

#define queue_work(wq, work)		nvirt_queue_work(wq, work)
#define queue_delayed_work(wq, dw, d)	nvirt_queue_delayed_work(wq, dw, d)
#define mod_delayed_work(wq, dw, d)	nvirt_mod_delayed_work(wq, dw, d)
#define disable_work_sync(work)		nvirt_disable_work_sync(work)
#define disable_delayed_work_sync(dw)	nvirt_disable_delayed_work_sync(dw)
#endif /* !NVIRT_HAVE_DISABLE_WORK */

#ifndef NVIRT_HAVE_SLAB_NO_MERGE
/*
 * SLAB_NO_MERGE: "mm/slab: introduce kmem_cache flag SLAB_NO_MERGE"
 * (6.5). Before it a debug flag keeps a cache apart: SLAB_STORE_USER,
 * which costs a stack trace per allocation of the cache (and is dropped,
 * the cache merged again, on a kernel without CONFIG_SLUB_DEBUG).
 */
#define SLAB_NO_MERGE		SLAB_STORE_USER
#endif

#ifndef NVIRT_HAVE_DEVICE_SET_DRIVER_OVERRIDE
#include <linux/pci.h>
/*
 * device_set_driver_override(): "driver core: generalize driver_override
 * in struct device" (7.0, in 6.12.y). Before it each bus keeps its own:
 * nvirt overrides PCI devices' only. As there, "" clears it; unlike there
 * it takes the device lock, which the caller must not hold.
 */
static inline int device_set_driver_override(struct device *dev,
					     const char *s)
{
	if (!dev_is_pci(dev))
		return -EOPNOTSUPP;
	return driver_set_override(dev, &to_pci_dev(dev)->driver_override, s,
				   strlen(s));
}
#endif

/*
 * What a class's namespace callback takes: a const device since "driver
 * core: class: make namespace and get_ownership take const *" (6.2).
 */
#ifdef NVIRT_HAVE_CLASS_CONST_DEV
#define NVIRT_CLASS_DEV_CONST	const
#else
#define NVIRT_CLASS_DEV_CONST
#endif

#endif /* _NVIRT_COMPAT_H */
