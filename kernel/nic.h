/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the NICs of each network namespace.
 */

#ifndef _NVIRT_NIC_H
#define _NVIRT_NIC_H

#include <linux/netdevice.h>
#include <uapi/linux/nvirt.h>	/* NVIRT_KNOB_MAX */

/**
 * struct nvirt_nic - what nvirt keeps about one NIC
 * @dev: the NIC's net_device, held while it is registered
 * @dev_tracker: tracker of the reference on @dev
 * @managed: nvirt may place virtual interfaces on this NIC
 * @ntf_hash: hash of the record last notified (or remembered)
 * @announced: its namespace has been told (or could have been) it exists
 * @dirty: a kernel event said the record may have changed
 * @seen: the rescan pass that last read it
 * @verified: for each knob, what nvirt found testing it (enum nvirt_verify)
 *
 * One exists for every net_device registered in any network namespace.
 * Created and freed by the netdevice notifier; all fields are protected by
 * RTNL.
 */
struct nvirt_nic {
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	bool managed;
	u32 ntf_hash;
	bool announced;
	bool dirty;
	unsigned int seen;
	u8 verified[NVIRT_KNOB_MAX + 1];
};

/**
 * struct nvirt_nic_ident - how a NIC's device presents itself
 * @driver: name of the bound driver, or NULL
 * @bus: name of the device's bus ("pci"), or NULL for virtual NICs
 * @bus_addr: the device's address on @bus, or NULL
 */
struct nvirt_nic_ident {
	const char *driver;
	const char *bus;
	const char *bus_addr;
};

struct nvirt_nic *nvirt_nic_get(struct net *net, int ifindex);
struct nvirt_nic *nvirt_nic_next(struct net *net, unsigned long *ifindex);
struct nvirt_nic *nvirt_nic_of(struct net_device *dev);
unsigned int nvirt_nic_gen(struct net *net);
void nvirt_nic_ident(const struct nvirt_nic *nic, struct nvirt_nic_ident *id);

void nvirt_nic_wait_link(struct net_device *dev, unsigned long timeout);

void nvirt_nic_rescan_soon(unsigned long delay);
void nvirt_nic_listener_joined(void);

int nvirt_nic_init(void);
void nvirt_nic_exit(void);

#endif /* _NVIRT_NIC_H */
