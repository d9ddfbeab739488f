// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the port, a parent NIC's receive handler for its vdevs.
 *
 * Frames from the wire for a vdev's MAC go to that vdev, broadcast and
 * multicast to every vdev and the parent; a vdev with a VLAN gets only the
 * frames of its VLAN, untagged. Frames between vdevs of one parent in one
 * VLAN are switched here and never reach the wire, unless either vdev is
 * external (g2g external): those go out, and an external switch in
 * reflective relay (VEPA hairpin) sends them back, to be delivered here
 * to all but their sender and those that had them from the port.
 *
 * The vdev table is read under RCU by the datapath and changed under RTNL.
 */

#include <linux/etherdevice.h>
#include <linux/hash.h>
#include <linux/if_macvlan.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/rculist.h>
#include <linux/rtnetlink.h>

#include <uapi/linux/nvirt.h>

#include "port.h"
#include "txring.h"
#include "vdev.h"

/* Every port, for nvirt_port_show(); under RTNL. */
static LIST_HEAD(nvirt_ports);

static rx_handler_result_t nvirt_port_rx(struct sk_buff **pskb);

struct nvirt_port *nvirt_port_get(const struct net_device *parent)
{
	if (rcu_access_pointer(parent->rx_handler) != nvirt_port_rx)
		return NULL;
	return rtnl_dereference(parent->rx_handler_data);
}

static const char *const nvirt_holder_names[] = {
	[NVIRT_HOLDER_NVIRT]		= "nvirt",
	[NVIRT_HOLDER_BRIDGE]		= "bridge",
	[NVIRT_HOLDER_BOND]		= "bond",
	[NVIRT_HOLDER_TEAM]		= "team",
	[NVIRT_HOLDER_OPENVSWITCH]	= "openvswitch",
	[NVIRT_HOLDER_MACVLAN]		= "macvlan",
	[NVIRT_HOLDER_IPVLAN]		= "ipvlan",
	[NVIRT_HOLDER_OTHER]		= "another driver",
};

/**
 * nvirt_port_holder() - who holds a NIC's receive handler
 * @dev: the NIC
 * @ifname: set to the holder's device (the master the NIC is a port of,
 *	or one of the macvlan or ipvlan devices on it), or to NULL
 *
 * A NIC has one receive handler, which a port of nvirt's needs, and so do
 * a bridge, a bond, a team, Open vSwitch, macvlan and ipvlan.
 *
 * Context: RTNL held; *@ifname is valid while it is.
 * Return: enum nvirt_holder, or -1 when nobody holds it.
 */
int nvirt_port_holder(struct net_device *dev, const char **ifname)
{
	struct net_device *upper;
	struct list_head *iter;
	int holder;

	ASSERT_RTNL();
	*ifname = NULL;
	if (!rtnl_dereference(dev->rx_handler))
		return -1;
	if (nvirt_port_get(dev))
		return NVIRT_HOLDER_NVIRT;
	if (netif_is_bridge_port(dev))
		holder = NVIRT_HOLDER_BRIDGE;
	else if (netif_is_bond_slave(dev))
		holder = NVIRT_HOLDER_BOND;
	else if (netif_is_team_port(dev))
		holder = NVIRT_HOLDER_TEAM;
	else if (netif_is_ovs_port(dev))
		holder = NVIRT_HOLDER_OPENVSWITCH;
	else if (netif_is_macvlan_port(dev))
		holder = NVIRT_HOLDER_MACVLAN;
	else
		holder = NVIRT_HOLDER_OTHER;

	upper = netdev_master_upper_dev_get(dev);
	if (upper && holder != NVIRT_HOLDER_OTHER) {
		*ifname = upper->name;
		return holder;
	}
	/*
	 * macvlan and ipvlan devices are uppers, none the master; an ipvlan
	 * port has no flag of its own, only its uppers' kind.
	 */
	rcu_read_lock();
	netdev_for_each_upper_dev_rcu(dev, upper, iter) {
		if (holder == NVIRT_HOLDER_MACVLAN && netif_is_macvlan(upper)) {
			*ifname = upper->name;
			break;
		}
		if (holder == NVIRT_HOLDER_OTHER && upper->rtnl_link_ops &&
		    (!strcmp(upper->rtnl_link_ops->kind, "ipvlan") ||
		     !strcmp(upper->rtnl_link_ops->kind, "ipvtap"))) {
			holder = NVIRT_HOLDER_IPVLAN;
			*ifname = upper->name;
			break;
		}
	}
	rcu_read_unlock();
	return holder;
}

/* The name of an enum nvirt_holder, for messages. */
const char *nvirt_port_holder_name(int holder)
{
	if (holder < 0 || holder >= ARRAY_SIZE(nvirt_holder_names))
		return "nobody";
	return nvirt_holder_names[holder];
}

struct hlist_head *nvirt_port_bucket(struct nvirt_port *port, const u8 *mac)
{
	return &port->vdevs[hash_32(get_unaligned((u32 *)(mac + 2)),
				    NVIRT_PORT_HASH_BITS)];
}

/* The vdev with a MAC on a port. Context: RCU or RTNL. */
struct nvirt_vdev *nvirt_port_lookup(struct nvirt_port *port, const u8 *mac)
{
	struct nvirt_vdev *vd;

	hlist_for_each_entry_rcu(vd, nvirt_port_bucket(port, mac), hnode,
				 lockdep_rtnl_is_held())
		if (ether_addr_equal_64bits(vd->dev->dev_addr, mac))
			return vd;
	return NULL;
}

struct nvirt_port *nvirt_port_create(struct net_device *parent,
				     struct netlink_ext_ack *extack)
{
	struct nvirt_port *port;
	int err;

	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return ERR_PTR(-ENOMEM);
	port->dev = parent;
	port->queues = bitmap_zalloc(parent->num_tx_queues, GFP_KERNEL);
	if (!port->queues) {
		err = -ENOMEM;
		goto err_free_port;
	}
	err = nvirt_txring_init(port);
	if (err)
		goto err_free_queues;
	err = netdev_rx_handler_register(parent, nvirt_port_rx, port);
	if (err) {
		NL_SET_ERR_MSG_FMT(extack,
				   "%s already has a receive handler (bridge, bond...)",
				   parent->name);
		goto err_free_ring;
	}
	list_add_tail(&port->node, &nvirt_ports);
	return port;

err_free_ring:
	nvirt_txring_free(port);
err_free_queues:
	bitmap_free(port->queues);
err_free_port:
	kfree(port);
	return ERR_PTR(err);
}

static void nvirt_port_free_rcu(struct rcu_head *head)
{
	struct nvirt_port *port = container_of(head, struct nvirt_port, rcu);

	nvirt_txring_free(port);
	bitmap_free(port->queues);
	kfree(port);
}

static void nvirt_port_free(struct nvirt_port *port)
{
	list_del(&port->node);
	nvirt_txring_fini(port);
	netdev_rx_handler_unregister(port->dev);
	call_rcu(&port->rcu, nvirt_port_free_rcu);
}

/**
 * nvirt_port_show() - each port's transmit counters, a line each
 * @m: where to print them
 *
 * Context: RTNL held.
 */
void nvirt_port_show(struct seq_file *m)
{
	struct nvirt_port *port;

	ASSERT_RTNL();
	list_for_each_entry(port, &nvirt_ports, node)
		nvirt_txring_show(m, port);
}

/* A vdev leaves its port; the last one takes the port along. */
void nvirt_port_put(struct nvirt_port *port)
{
	ASSERT_RTNL();
	WRITE_ONCE(port->count, port->count - 1);
	if (!port->count)
		nvirt_port_free(port);
}

/* Free a parent's port no vdev joined (its first failed to register). */
void nvirt_port_drop_unused(struct net_device *parent)
{
	struct nvirt_port *port = nvirt_port_get(parent);

	ASSERT_RTNL();
	if (port && !port->count)
		nvirt_port_free(port);
}

/* Does a frame belong to the vdev's VLAN? Then it loses the tag. */
static bool nvirt_vdev_vlan_in(struct nvirt_vdev *vd, struct sk_buff *skb)
{
	__be16 proto = READ_ONCE(vd->vlan_proto);

	if (!proto)
		return true;
	if (!skb_vlan_tag_present(skb) || skb->vlan_proto != proto ||
	    skb_vlan_tag_get_id(skb) !=
	    (READ_ONCE(vd->vlan_tci) & VLAN_VID_MASK)) {
		atomic64_inc(&vd->vlan_dropped);
		return false;
	}
	__vlan_hwaccel_clear_tag(skb);
	return true;
}

/*
 * Make a frame from the wire the vdev's; false when the vdev drops it
 * (outside its VLAN, or down): then it is freed and counted.
 */
static bool nvirt_vdev_rx_take(struct nvirt_vdev *vd, struct sk_buff *skb)
{
	u8 pkt_type;

	if (!nvirt_vdev_vlan_in(vd, skb) || !(vd->dev->flags & IFF_UP)) {
		dev_dstats_rx_dropped(vd->dev);
		kfree_skb(skb);
		return false;
	}
	pkt_type = skb->pkt_type;
	skb_scrub_packet(skb, !net_eq(dev_net(vd->dev), dev_net(skb->dev)));
	/* Scrubbing makes it PACKET_HOST: broadcast must stay broadcast. */
	skb->pkt_type = pkt_type;
	skb->dev = vd->dev;
	return true;
}

/* A copy of a frame from the wire, for one vdev: through the backlog. */
static void nvirt_vdev_rx_one(struct nvirt_vdev *vd, struct sk_buff *skb)
{
	unsigned int len = skb->len + ETH_HLEN;

	if (!nvirt_vdev_rx_take(vd, skb))
		return;
	if (netif_rx(skb) == NET_RX_SUCCESS)
		dev_dstats_rx_add(vd->dev, len);
	else
		dev_dstats_rx_dropped(vd->dev);
}

/*
 * Whether the port switched a frame from @from to @to itself: both go
 * through it (neither is external). A frame from @from the external
 * switch reflects is not delivered to such a @to again.
 */
static bool nvirt_port_local(const struct nvirt_vdev *from,
			     const struct nvirt_vdev *to)
{
	return !READ_ONCE(from->external) && !READ_ONCE(to->external);
}

/*
 * Broadcast and multicast from the wire reach every vdev, and the parent;
 * one that a vdev (@from) sent and the external switch reflected reaches
 * the others that did not have it from the port.
 */
static void nvirt_port_flood_rx(struct nvirt_port *port, struct sk_buff *skb,
				struct nvirt_vdev *from)
{
	struct nvirt_vdev *vd;
	struct sk_buff *nskb;
	int i;

	for (i = 0; i < ARRAY_SIZE(port->vdevs); i++) {
		hlist_for_each_entry_rcu(vd, &port->vdevs[i], hnode) {
			if (from && (vd == from || nvirt_port_local(from, vd)))
				continue;
			nskb = skb_clone(skb, GFP_ATOMIC);
			if (!nskb) {
				dev_dstats_rx_dropped(vd->dev);
				continue;
			}
			if (from)
				atomic64_inc(&vd->reflected);
			nvirt_vdev_rx_one(vd, nskb);
		}
	}
}

static rx_handler_result_t nvirt_port_rx(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct nvirt_vdev *vd, *from;
	struct nvirt_port *port;
	unsigned int len;
	const u8 *dest;

	if (unlikely(skb->pkt_type == PACKET_LOOPBACK))
		return RX_HANDLER_PASS;
	port = rcu_dereference(skb->dev->rx_handler_data);
	dest = eth_hdr(skb)->h_dest;
	/* One of ours, reflected by the external switch? */
	from = nvirt_port_lookup(port, eth_hdr(skb)->h_source);
	if (is_multicast_ether_addr(dest)) {
		nvirt_port_flood_rx(port, skb, from);
		return RX_HANDLER_PASS;
	}
	vd = nvirt_port_lookup(port, dest);
	if (!vd)
		return RX_HANDLER_PASS;
	if (from)
		atomic64_inc(&vd->reflected);

	/*
	 * A frame for one vdev goes on as the vdev's in this same pass of
	 * the receive path, as a macvlan's does, not through the backlog.
	 */
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return RX_HANDLER_CONSUMED;
	skb->pkt_type = PACKET_HOST;
	len = skb->len + ETH_HLEN;
	if (!nvirt_vdev_rx_take(vd, skb))
		return RX_HANDLER_CONSUMED;
	dev_dstats_rx_add(vd->dev, len);
	*pskb = skb;
	return RX_HANDLER_ANOTHER;
}

static bool nvirt_vdev_same_vlan(const struct nvirt_vdev *a,
				 const struct nvirt_vdev *b)
{
	return READ_ONCE(a->vlan_proto) == READ_ONCE(b->vlan_proto) &&
	       (READ_ONCE(a->vlan_tci) & VLAN_VID_MASK) ==
	       (READ_ONCE(b->vlan_tci) & VLAN_VID_MASK);
}

/* A frame between vdevs of one parent, as the sender's guest sent it. */
static void nvirt_vdev_forward(struct nvirt_vdev *to, struct sk_buff *skb)
{
	unsigned int len = skb->len;

	if (dev_forward_skb(to->dev, skb) == NET_RX_SUCCESS)
		dev_dstats_rx_add(to->dev, len);
}

/*
 * Switch a frame locally: to every other vdev in the sender's VLAN when it
 * is broadcast or multicast (the wire gets it too: returns false), or to
 * the one vdev it is for (returns true: consumed). Frames from or to an
 * external vdev are left to the wire: the external switch reflects them.
 * Not called for a vdev alone on its parent.
 */
bool nvirt_port_switch(struct nvirt_vdev *from, struct sk_buff *skb)
{
	const u8 *dest = ((struct ethhdr *)skb->data)->h_dest;
	struct nvirt_port *port = from->port;
	struct nvirt_vdev *to;
	struct sk_buff *nskb;
	int i;

	if (!is_multicast_ether_addr(dest)) {
		to = nvirt_port_lookup(port, dest);
		if (!to || to == from || !nvirt_vdev_same_vlan(from, to) ||
		    !nvirt_port_local(from, to))
			return false;
		atomic64_inc(&from->switched);
		nvirt_vdev_forward(to, skb);
		return true;
	}
	if (READ_ONCE(from->external))
		return false;

	for (i = 0; i < ARRAY_SIZE(port->vdevs); i++) {
		hlist_for_each_entry_rcu(to, &port->vdevs[i], hnode) {
			if (to == from || !nvirt_vdev_same_vlan(from, to) ||
			    !nvirt_port_local(from, to))
				continue;
			nskb = skb_clone(skb, GFP_ATOMIC);
			if (nskb)
				nvirt_vdev_forward(to, nskb);
		}
	}
	return false;
}

