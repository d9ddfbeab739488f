/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: network namespaces, named as "ip netns" names them.
 */

#ifndef _NVIRT_NETNS_H
#define _NVIRT_NETNS_H

#include <stddef.h>

/* Where "ip netns add" puts the namespaces it names. */
#define NETNS_RUN_DIR	"/run/netns"

int netns_open(const char *name);
const char *netns_name(int nsid, char *buf, size_t len);

#endif /* _NVIRT_NETNS_H */
