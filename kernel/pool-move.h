/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: VIFs made from a pool, made again when their NIC goes
 * (pool-move.c).
 */

#ifndef _NVIRT_POOL_MOVE_H
#define _NVIRT_POOL_MOVE_H

struct nvirt_vif;

void nvirt_pool_move_later(struct nvirt_vif *vif, void *arg);
void nvirt_pool_move_off(struct nvirt_vif *vif);
void nvirt_pool_move_exit(void);

#endif /* _NVIRT_POOL_MOVE_H */
