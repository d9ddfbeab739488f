/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the table of VIFs (vif-table.c), as vif.c changes it; lookups
 * are in vif.h.
 */

#ifndef _NVIRT_VIF_TABLE_H
#define _NVIRT_VIF_TABLE_H

#include "vif.h"

int nvirt_vif_table_add(struct nvirt_vif *vif);
void nvirt_vif_table_del(struct nvirt_vif *vif);
void nvirt_vif_table_set_dev(struct nvirt_vif *vif, struct net_device *dev);

#endif /* _NVIRT_VIF_TABLE_H */
