/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: testing what a NIC declares (nic verify).
 */

#ifndef _NVIRT_VERIFY_H
#define _NVIRT_VERIFY_H

#include <linux/types.h>

struct net;
struct netlink_ext_ack;

int nvirt_verify(struct net *net, int ifindex, bool forget,
		 struct netlink_ext_ack *extack);

#endif /* _NVIRT_VERIFY_H */
