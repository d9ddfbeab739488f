/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: a tap character device on a VIF's netdev, for QEMU and
 * vhost-net (tap.c).
 */

#ifndef _NVIRT_TAP_H
#define _NVIRT_TAP_H

#include <linux/types.h>

struct net_device;
struct netlink_ext_ack;
struct nvirt_tap;

int nvirt_tap_attach(struct net_device *dev, struct nvirt_tap **tapp,
		     struct netlink_ext_ack *extack);
void nvirt_tap_detach(struct nvirt_tap *tap);
const char *nvirt_tap_name(const struct nvirt_tap *tap);
int nvirt_tap_init(void);
void nvirt_tap_exit(void);

#endif /* _NVIRT_TAP_H */
