/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the vf backend, and the SR-IOV VFs it enables outside RTNL
 * (vf.c).
 */

#ifndef _NVIRT_VF_H
#define _NVIRT_VF_H

#include <linux/types.h>

struct net_device;
struct netlink_ext_ack;
struct nvirt_backend_ops;
struct pci_dev;

extern const struct nvirt_backend_ops nvirt_vf_ops;

enum nvirt_vf_prep {
	NVIRT_VF_FOREIGN,	/* someone else's VFs: nothing held */
	NVIRT_VF_HELD,		/* nvirt's VFs, held for the request */
	NVIRT_VF_ENABLED,	/* enabled for the request, and held */
};

struct pci_dev *nvirt_vf_pf_get(struct net_device *parent);
int nvirt_vf_prepare(struct pci_dev *pdev, struct netlink_ext_ack *extack);
void nvirt_vf_settle(struct pci_dev *pdev);
void nvirt_vf_flush(void);
/**
 * struct nvirt_vf_owner - what the vf backend asks of the layers above it
 * @uses_pf: whether a VIF is a VF of a PF (RTNL held)
 * @vif_of: the VIF a netdev realizes, or NULL (RTNL held)
 * @has_vf: whether a VIF has VF @index of PF @pdev, also while VFIO has
 *	it or gives it back (RTNL held)
 * @pf_changed: VFs nvirt enabled were disabled and the PF's queues may be
 *	back (igb); called under nvirt_pf_lock, without RTNL
 */
struct nvirt_vf_owner {
	bool (*uses_pf)(struct pci_dev *pdev);
	struct nvirt_vif *(*vif_of)(const struct net_device *dev);
	bool (*has_vf)(struct pci_dev *pdev, int index);
	void (*pf_changed)(void);
};

void nvirt_vf_init(const struct nvirt_vf_owner *owner);
void nvirt_vf_exit(void);

#endif /* _NVIRT_VF_H */
