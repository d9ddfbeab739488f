// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: what a NIC can do for virtual interfaces.
 *
 * The record is probed from generic kernel interfaces only: the NIC's
 * net_device_ops and ethtool_ops, its features, its queues and SR-IOV: a
 * PCI PF's VFs are PCI devices, a PF's on another bus (netdevsim's) are
 * known only by their count, which the bus keeps (dev_num_vf()), and by
 * what the PF's driver says of each (ndo_get_vf_config), as rtnetlink
 * knows them. Every knob comes out as hardware (the NIC does it),
 * software (nvirt or the stack emulates it) or unsupported, with the reason
 * when it is not hardware. Two knobs cannot be probed without changing a VF,
 * so they rest on a small table of drivers known to honour them.
 */

#include <linux/ethtool.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/rtnetlink.h>
#include <linux/string.h>
#include <net/netlink.h>

#include "caps.h"

/*
 * Drivers whose ndo_set_vf_rate() honours a minimum rate and whose
 * ndo_set_vf_vlan() accepts 802.1ad; most that have the op reject both
 * (igb, ixgbe, i40e, qede, sfc, hns3, ...), as their 6.12 sources show.
 */
static const char *const nvirt_vf_min_rate_drivers[] = {
	"bnxt_en", "ice", "mlx5_core",
};

static const char *const nvirt_vf_vlan_proto_drivers[] = {
	"ice", "mlx4_core",
};

static bool nvirt_driver_in(const char *driver, const char *const *list,
			    size_t n)
{
	return driver && match_string(list, n, driver) >= 0;
}

/* The ops of a NIC with no device behind it, as far as hardware goes. */
static const struct net_device_ops nvirt_no_hw_ops;

static struct pci_dev *nvirt_pci_dev(const struct net_device *dev)
{
	struct device *parent = dev->dev.parent;

	return parent && dev_is_pci(parent) ? to_pci_dev(parent) : NULL;
}

/* The netdev in @net whose device is @d, if there is one. */
static struct net_device *nvirt_netdev_of(struct net *net, struct device *d)
{
	struct net_device *dev;

	ASSERT_RTNL();
	for_each_netdev(net, dev)
		if (dev->dev.parent == d)
			return dev;
	return NULL;
}

static void nvirt_cap(struct nvirt_caps *caps, enum nvirt_knob knob,
		      enum nvirt_support support, enum nvirt_reason reason)
{
	caps->knob[knob].support = support;
	caps->knob[knob].reason = support == NVIRT_SUPPORT_HARDWARE ?
				  NVIRT_REASON_NONE : reason;
}

/* Hardware when @hw, else @fallback for @why. */
static void nvirt_cap_hw(struct nvirt_caps *caps, enum nvirt_knob knob,
			 bool hw, enum nvirt_support fallback,
			 enum nvirt_reason why)
{
	nvirt_cap(caps, knob, hw ? NVIRT_SUPPORT_HARDWARE : fallback, why);
}

/* VF knobs: in hardware on an SR-IOV PF whose driver has the op. */
static void nvirt_caps_vf(const struct net_device *dev, const char *driver,
			  struct nvirt_caps *caps)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	const struct {
		enum nvirt_knob knob;
		bool op;
		bool limited;
	} knobs[] = {
		{ NVIRT_KNOB_VF_MAC, ops->ndo_set_vf_mac },
		{ NVIRT_KNOB_VF_VLAN, ops->ndo_set_vf_vlan },
		{ NVIRT_KNOB_VF_VLAN_PROTO, ops->ndo_set_vf_vlan,
		  !nvirt_driver_in(driver, nvirt_vf_vlan_proto_drivers,
				   ARRAY_SIZE(nvirt_vf_vlan_proto_drivers)) },
		{ NVIRT_KNOB_VF_MAX_RATE, ops->ndo_set_vf_rate },
		{ NVIRT_KNOB_VF_MIN_RATE, ops->ndo_set_vf_rate,
		  !nvirt_driver_in(driver, nvirt_vf_min_rate_drivers,
				   ARRAY_SIZE(nvirt_vf_min_rate_drivers)) },
		{ NVIRT_KNOB_VF_SPOOFCHK, ops->ndo_set_vf_spoofchk },
		{ NVIRT_KNOB_VF_TRUST, ops->ndo_set_vf_trust },
		{ NVIRT_KNOB_VF_LINK_STATE, ops->ndo_set_vf_link_state },
		{ NVIRT_KNOB_VF_RSS_QUERY, ops->ndo_set_vf_rss_query_en },
	};
	enum nvirt_reason why;
	size_t i;

	if (caps->sriov)
		why = NVIRT_REASON_NONE;
	else if (!dev->dev.parent)
		why = NVIRT_REASON_VIRTUAL;
	else if (caps->is_vf)
		why = NVIRT_REASON_IS_VF;
	else
		why = NVIRT_REASON_NO_SRIOV;

	for (i = 0; i < ARRAY_SIZE(knobs); i++) {
		/* A software path has VLANs, rates and checks, not VF RSS. */
		enum nvirt_support fallback =
			knobs[i].knob == NVIRT_KNOB_VF_RSS_QUERY ?
			NVIRT_SUPPORT_UNSUPPORTED : NVIRT_SUPPORT_SOFTWARE;

		if (why != NVIRT_REASON_NONE)
			nvirt_cap(caps, knobs[i].knob, fallback, why);
		else if (!knobs[i].op)
			nvirt_cap(caps, knobs[i].knob, fallback,
				  NVIRT_REASON_NO_DRIVER_OP);
		else
			nvirt_cap_hw(caps, knobs[i].knob, !knobs[i].limited,
				     fallback, NVIRT_REASON_DRIVER_LIMIT);
	}
}

/* NIC-wide knobs: offloads the stack otherwise does itself, switching. */
static void nvirt_caps_nic(const struct net_device *dev,
			   struct nvirt_caps *caps)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	/* Features the user can toggle, and those fixed on. */
	netdev_features_t hw = dev->hw_features | dev->features;
	enum nvirt_reason no_op = NVIRT_REASON_NO_DRIVER_OP;
	enum nvirt_reason no_hw = NVIRT_REASON_NO_HW_FEATURE;
	enum nvirt_support sw = NVIRT_SUPPORT_SOFTWARE;

	/* What a NIC with no device behind it does, software does. */
	if (!dev->dev.parent) {
		hw = 0;
		ops = &nvirt_no_hw_ops;
		no_op = NVIRT_REASON_VIRTUAL;
		no_hw = NVIRT_REASON_VIRTUAL;
	}

	nvirt_cap_hw(caps, NVIRT_KNOB_QUEUE_MAX_RATE, ops->ndo_set_tx_maxrate,
		     sw, no_op);
	nvirt_cap_hw(caps, NVIRT_KNOB_L2FWD_OFFLOAD,
		     (hw & NETIF_F_HW_L2FW_DOFFLOAD) && ops->ndo_dfwd_add_station,
		     sw, no_hw);
	/*
	 * An SR-IOV PF switches between its functions (VEB) whether or not
	 * its driver lets the mode be read or set (igb loops VF frames
	 * whenever VFs are on).
	 */
	nvirt_cap_hw(caps, NVIRT_KNOB_EMBEDDED_SWITCH,
		     (ops->ndo_bridge_getlink && ops->ndo_bridge_setlink) ||
		     caps->sriov, sw, no_op);
	nvirt_cap_hw(caps, NVIRT_KNOB_SWITCHDEV,
		     ops->ndo_get_port_parent_id ||
		     (dev->dev.parent && nvirt_netdev_devlink_port(dev)),
		     NVIRT_SUPPORT_UNSUPPORTED, no_op);
	nvirt_cap_hw(caps, NVIRT_KNOB_CHECKSUM, hw & NETIF_F_CSUM_MASK, sw, no_hw);
	nvirt_cap_hw(caps, NVIRT_KNOB_TSO, hw & NETIF_F_TSO, sw, no_hw);
	nvirt_cap_hw(caps, NVIRT_KNOB_VLAN_INSERT, hw & NETIF_F_HW_VLAN_CTAG_TX,
		     sw, no_hw);
	nvirt_cap_hw(caps, NVIRT_KNOB_VLAN_STRIP, hw & NETIF_F_HW_VLAN_CTAG_RX,
		     sw, no_hw);
	nvirt_cap_hw(caps, NVIRT_KNOB_VLAN_FILTER,
		     hw & NETIF_F_HW_VLAN_CTAG_FILTER, sw, no_hw);
	nvirt_cap_hw(caps, NVIRT_KNOB_XDP,
		     dev->dev.parent && nvirt_netdev_xdp_native(dev),
		     sw, no_op);
}

/*
 * The VFs of a PF on a bus other than PCI, which has them when its bus
 * counts them and its driver describes them; 0 on PCI.
 */
static int nvirt_bus_num_vf(const struct net_device *dev)
{
	struct device *parent = dev->dev.parent;

	if (!parent || dev_is_pci(parent) || !dev->netdev_ops->ndo_get_vf_config)
		return 0;
	return max(dev_num_vf(parent), 0);
}

static void nvirt_caps_sriov(struct net_device *dev, struct nvirt_caps *caps)
{
	struct pci_dev *pdev = nvirt_pci_dev(dev);
	struct net_device *pf_dev;
	struct pci_dev *pf;

	if (!pdev) {
		/* Nothing says how many it could have: those it has. */
		caps->num_vfs = nvirt_bus_num_vf(dev);
		caps->total_vfs = caps->num_vfs;
		caps->sriov = caps->num_vfs > 0;
		return;
	}
	if (pdev->is_physfn) {
		caps->sriov = true;
		caps->total_vfs = pci_sriov_get_totalvfs(pdev);
		caps->num_vfs = pci_num_vf(pdev);
	}
	if (pdev->is_virtfn) {
		pf = pci_physfn(pdev);
		caps->is_vf = true;
		caps->pf_bus_addr = pci_name(pf);
		caps->vf_index = pci_iov_vf_id(pdev);
		pf_dev = nvirt_netdev_of(dev_net(dev), &pf->dev);
		caps->pf_ifindex = pf_dev ? pf_dev->ifindex : 0;
	}
}

/*
 * The mode of a NIC's embedded switch, asked of a driver that has
 * ndo_bridge_getlink as "bridge link show" would: IFLA_BRIDGE_MODE of the
 * message it fills. BRIDGE_MODE_VEB, BRIDGE_MODE_VEPA, or a negative
 * errno when the driver reports no mode. Context: RTNL held.
 */
static int nvirt_caps_esw_mode(struct net_device *dev)
{
	struct nlattr *spec, *mode;
	struct nlmsghdr *nlh;
	struct sk_buff *skb;
	int ret = -ENOENT;

	ASSERT_RTNL();
	skb = nlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	if (dev->netdev_ops->ndo_bridge_getlink(skb, 0, 0, dev, 0, 0) ||
	    !skb->len)
		goto out_free_skb;

	nlh = nlmsg_hdr(skb);
	spec = nlmsg_find_attr(nlh, sizeof(struct ifinfomsg), IFLA_AF_SPEC);
	mode = spec ? nla_find_nested(spec, IFLA_BRIDGE_MODE) : NULL;
	if (mode && nla_len(mode) == sizeof(u16) &&
	    (nla_get_u16(mode) == BRIDGE_MODE_VEB ||
	     nla_get_u16(mode) == BRIDGE_MODE_VEPA))
		ret = nla_get_u16(mode);

out_free_skb:
	kfree_skb(skb);
	return ret;
}

/**
 * nvirt_caps_speed() - a NIC's link speed, as sysfs shows it
 * @dev: the NIC
 *
 * Context: RTNL held.
 * Return: Mb/s, or 0 when unknown (also while the NIC is down).
 */
u32 nvirt_caps_speed(struct net_device *dev)
{
	struct ethtool_link_ksettings ks;

	ASSERT_RTNL();
	if (netif_running(dev) && !__ethtool_get_link_ksettings(dev, &ks) &&
	    ks.base.speed != SPEED_UNKNOWN)
		return ks.base.speed;
	return 0;
}

/**
 * nvirt_caps_probe() - probe what a NIC can do
 * @dev: the NIC
 * @caps: filled with the record
 *
 * Context: RTNL held; may call into the driver (link settings, channels).
 */
void nvirt_caps_probe(struct net_device *dev, struct nvirt_caps *caps)
{
	const struct ethtool_ops *eops = dev->ethtool_ops;
	struct device *parent = dev->dev.parent;
	const char *driver = NULL;

	ASSERT_RTNL();
	memset(caps, 0, sizeof(*caps));
	if (parent && parent->driver)
		driver = parent->driver->name;

	caps->speed = nvirt_caps_speed(dev);

	caps->tx_queues = dev->real_num_tx_queues;
	caps->max_tx_queues = dev->num_tx_queues;
	caps->rx_queues = dev->real_num_rx_queues;
	caps->max_rx_queues = dev->num_rx_queues;
	if (eops && eops->get_channels) {
		eops->get_channels(dev, &caps->channels);
		caps->has_channels = true;
	}

	nvirt_caps_sriov(dev, caps);
	nvirt_caps_vf(dev, driver, caps);
	nvirt_caps_nic(dev, caps);

	caps->esw_mode = -1;
	if (caps->knob[NVIRT_KNOB_EMBEDDED_SWITCH].support !=
	    NVIRT_SUPPORT_HARDWARE)
		return;
	if (dev->netdev_ops->ndo_bridge_getlink)
		caps->esw_mode = max(nvirt_caps_esw_mode(dev), -1);
	else
		caps->esw_mode = BRIDGE_MODE_VEB;
}

/**
 * nvirt_caps_max_vfs() - the most VFs a NIC's record can list
 * @dev: the NIC
 *
 * A PCI PF lists no more VFs than it can have, whenever they come; a PF on
 * another bus, those it has (netdevsim changes their count under RTNL).
 *
 * Context: RTNL held.
 * Return: that number, 0 when the NIC is no PF.
 */
unsigned int nvirt_caps_max_vfs(struct net_device *dev)
{
	struct pci_dev *pdev = nvirt_pci_dev(dev);

	ASSERT_RTNL();
	if (pdev)
		return pdev->is_physfn ? pci_sriov_get_totalvfs(pdev) : 0;
	return nvirt_bus_num_vf(dev);
}

/* A PCI PF's VFs: PCI devices, with a driver and a netdev or not. */
static int nvirt_caps_walk_pci_vfs(struct net_device *dev, struct pci_dev *pf,
				   int (*cb)(const struct nvirt_vf *vf,
					     void *arg),
				   void *arg)
{
	struct pci_dev *vf = NULL;
	struct net_device *vf_dev;
	struct nvirt_vf v;
	int err;

	if (!pf->is_physfn || !pci_num_vf(pf))
		return 0;

	for_each_pci_dev(vf) {
		if (!vf->is_virtfn || pci_physfn(vf) != pf)
			continue;
		vf_dev = nvirt_netdev_of(dev_net(dev), &vf->dev);
		v.index = pci_iov_vf_id(vf);
		v.bus_addr = pci_name(vf);
		v.ifindex = vf_dev ? vf_dev->ifindex : 0;
		v.bound = !!READ_ONCE(vf->dev.driver);
		v.pci_id = vf->vendor << 16 | vf->device;
		err = cb(&v, arg);
		if (err) {
			pci_dev_put(vf);
			return err;
		}
	}
	return 0;
}

/*
 * A PF's VFs on another bus: no devices, so no driver, no bus address and
 * no netdev of their own. A VF its driver cannot describe is skipped, as
 * rtnetlink does.
 */
static int nvirt_caps_walk_bus_vfs(struct net_device *dev,
				   int (*cb)(const struct nvirt_vf *vf,
					     void *arg),
				   void *arg)
{
	int i, num = nvirt_bus_num_vf(dev);
	struct nvirt_vf v = {};
	int err;

	for (i = 0; i < num; i++) {
		struct ifla_vf_info ivi = {};

		if (dev->netdev_ops->ndo_get_vf_config(dev, i, &ivi))
			continue;
		v.index = i;
		err = cb(&v, arg);
		if (err)
			return err;
	}
	return 0;
}

/**
 * nvirt_caps_walk_vfs() - walk the enabled VFs of a PF
 * @dev: the PF's NIC
 * @cb: called for each VF; a non-zero return stops the walk
 * @arg: passed to @cb
 *
 * Context: RTNL held.
 * Return: 0, or what @cb returned to stop the walk.
 */
int nvirt_caps_walk_vfs(struct net_device *dev,
			int (*cb)(const struct nvirt_vf *vf, void *arg),
			void *arg)
{
	struct pci_dev *pf = nvirt_pci_dev(dev);

	ASSERT_RTNL();
	if (pf)
		return nvirt_caps_walk_pci_vfs(dev, pf, cb, arg);
	return nvirt_caps_walk_bus_vfs(dev, cb, arg);
}
