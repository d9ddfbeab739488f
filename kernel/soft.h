/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the soft and queue backends, VIFs realized by vdevs (soft.c).
 */

#ifndef _NVIRT_SOFT_H
#define _NVIRT_SOFT_H

#include <linux/types.h>

struct net_device;
struct netlink_ext_ack;
struct nvirt_backend_ops;
struct nvirt_vif;

extern const struct nvirt_backend_ops nvirt_soft_ops;
extern const struct nvirt_backend_ops nvirt_queue_ops;

unsigned int nvirt_queue_free(struct net_device *parent);

#endif /* _NVIRT_SOFT_H */
