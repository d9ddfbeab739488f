/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the soft and queue backends, VIFs realized by vdevs (soft.c).
 */

#ifndef _NVIRT_SOFT_H
#define _NVIRT_SOFT_H

struct nvirt_backend_ops;

extern const struct nvirt_backend_ops nvirt_soft_ops;
extern const struct nvirt_backend_ops nvirt_queue_ops;

#endif /* _NVIRT_SOFT_H */
