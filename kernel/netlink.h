/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the "nvirt" generic netlink family.
 */

#ifndef _NVIRT_NETLINK_H
#define _NVIRT_NETLINK_H

int nvirt_nl_init(void);
void nvirt_nl_exit(void);

#endif /* _NVIRT_NETLINK_H */
