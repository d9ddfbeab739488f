/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: what a NIC can do for virtual interfaces.
 */

#ifndef _NVIRT_CAPS_H
#define _NVIRT_CAPS_H

#include <linux/ethtool.h>
#include <linux/netdevice.h>

#include <uapi/linux/nvirt.h>

/**
 * struct nvirt_cap - how a NIC can honour one knob
 * @support: enum nvirt_support
 * @reason: enum nvirt_reason, why it is not in hardware
 */
struct nvirt_cap {
	u8 support;
	u8 reason;
};

/**
 * struct nvirt_caps - a NIC's capability record, probed from generic
 *	kernel interfaces
 * @speed: link speed in Mb/s, 0 when unknown
 * @tx_queues: transmit queues in use
 * @max_tx_queues: transmit queues the NIC has
 * @rx_queues: receive queues in use
 * @max_rx_queues: receive queues the NIC has
 * @has_channels: the driver reports @channels
 * @channels: channel counts (ethtool -l)
 * @sriov: the NIC's device is an SR-IOV physical function: a PCI PF, or a
 *	device on another bus that has VFs its driver describes (netdevsim)
 * @total_vfs: VFs the device can have; off PCI, where nothing says, those
 *	it has
 * @num_vfs: VFs enabled
 * @is_vf: the NIC's device is an SR-IOV virtual function
 * @pf_bus_addr: on a VF, its PF's bus address
 * @pf_ifindex: on a VF, its PF's ifindex in the same netns, or 0
 * @vf_index: on a VF, its index on its PF
 * @knob: per knob, by enum nvirt_knob
 * @esw_mode: BRIDGE_MODE_VEB or _VEPA of the embedded switch, or -1
 *
 * A snapshot: strings are borrowed and valid while RTNL is held.
 */
struct nvirt_caps {
	u32 speed;
	u32 tx_queues;
	u32 max_tx_queues;
	u32 rx_queues;
	u32 max_rx_queues;
	bool has_channels;
	struct ethtool_channels channels;
	bool sriov;
	u32 total_vfs;
	u32 num_vfs;
	bool is_vf;
	const char *pf_bus_addr;
	int pf_ifindex;
	int vf_index;
	struct nvirt_cap knob[NVIRT_KNOB_MAX + 1];
	int esw_mode;
};

/**
 * struct nvirt_vf - one enabled VF of a PF
 * @index: the VF's index on its PF
 * @bus_addr: the VF's bus address, or NULL when it is no device of its own
 *	(off PCI)
 * @ifindex: the VF's netdev in the PF's netns, or 0
 * @bound: a driver is bound to the VF's device
 * @pci_id: its PCI vendor (high half) and device id, or 0
 */
struct nvirt_vf {
	int index;
	const char *bus_addr;
	int ifindex;
	bool bound;
	u32 pci_id;
};

void nvirt_caps_probe(struct net_device *dev, struct nvirt_caps *caps);
unsigned int nvirt_caps_max_vfs(struct net_device *dev);
u32 nvirt_caps_speed(struct net_device *dev);
int nvirt_caps_walk_vfs(struct net_device *dev,
			int (*cb)(const struct nvirt_vf *vf, void *arg),
			void *arg);

#endif /* _NVIRT_CAPS_H */
