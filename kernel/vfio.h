/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: a VF handed to vfio-pci for a VM, and given back (vfio.c).
 */

#ifndef _NVIRT_VFIO_H
#define _NVIRT_VFIO_H

#include <linux/types.h>

struct device;
struct netlink_ext_ack;
struct nvirt_vfio;
struct pci_dev;

int nvirt_vfio_group(struct device *dev);
struct nvirt_vfio *nvirt_vfio_new(struct pci_dev *vf);
struct nvirt_vfio *nvirt_vfio_get(struct nvirt_vfio *v);
void nvirt_vfio_put(struct nvirt_vfio *v);
int nvirt_vfio_take(struct nvirt_vfio *v, struct netlink_ext_ack *extack);
int nvirt_vfio_give(struct nvirt_vfio *v, struct netlink_ext_ack *extack);
int nvirt_vfio_check_idle(struct nvirt_vfio *v,
			  struct netlink_ext_ack *extack);
int nvirt_vfio_path(const struct nvirt_vfio *v, char *buf, size_t size);
const char *nvirt_vfio_pci(const struct nvirt_vfio *v);
void nvirt_vfio_flush(void);

#endif /* _NVIRT_VFIO_H */
