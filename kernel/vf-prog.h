/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: a VF's settings programmed through its PF (vf-prog.c).
 */

#ifndef _NVIRT_VF_PROG_H
#define _NVIRT_VF_PROG_H

#include "vif-cfg.h"

struct net_device;
struct netlink_ext_ack;

/* A VF as it is when nobody configured it. */
extern const struct nvirt_vif_cfg nvirt_vf_defaults;

int nvirt_vf_program(struct net_device *pf, int vf,
		     const struct nvirt_vif_cfg *from,
		     const struct nvirt_vif_cfg *to, bool force,
		     struct netlink_ext_ack *extack);
int nvirt_vf_program_mac(struct net_device *pf, int vf,
			 const struct nvirt_vif_cfg *cfg);

#endif /* _NVIRT_VF_PROG_H */
