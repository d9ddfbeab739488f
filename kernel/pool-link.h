/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the links of pools' NICs: how long each has been down, and the
 * VIFs moved off a NIC whose link stays down past its pool's grace.
 */

#ifndef _NVIRT_POOL_LINK_H
#define _NVIRT_POOL_LINK_H

#include <linux/types.h>

struct net;
struct net_device;
struct nvirt_pool;

void nvirt_pool_link_watch(struct net *net, struct nvirt_pool *pool);
bool nvirt_pool_link_event(struct nvirt_pool *pool, unsigned int i,
			   const struct net_device *dev);
unsigned int nvirt_pool_link_down(const struct nvirt_pool *pool,
				  unsigned int i);
bool nvirt_pool_link_gone(const struct nvirt_pool *pool, unsigned int i);
u32 nvirt_pool_link_state(const struct nvirt_pool *pool, unsigned int i);
bool nvirt_pool_link_any_up(const struct nvirt_pool *pool);

int nvirt_pool_link_init(void);
void nvirt_pool_link_exit(void);

#endif /* _NVIRT_POOL_LINK_H */
