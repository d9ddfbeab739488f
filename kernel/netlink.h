/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the "nvirt" generic netlink family, as the objects see it: its
 * start and stop, and the notifications of their changes. What only the
 * netlink files share is in netlink-common.h.
 */

#ifndef _NVIRT_NETLINK_H
#define _NVIRT_NETLINK_H

#include <linux/types.h>
#include <uapi/linux/nvirt.h>	/* the causes, NVIRT_CAUSE_* */

struct net;
struct nvirt_nic;
struct nvirt_npolicy;
struct nvirt_plan;
struct nvirt_pool;
struct nvirt_vif;

/*
 * What happened to a NIC, a VIF, a named policy or a pool, as the notifications
 * below announce it: their commands' *-add-ntf, *-del-ntf, *-change-ntf.
 */
enum nvirt_ntf {
	NVIRT_NTF_ADD,
	NVIRT_NTF_DEL,
	NVIRT_NTF_CHANGE,
};

/* netlink.c */
void nvirt_nl_nic_notify(struct nvirt_nic *nic, enum nvirt_ntf event,
			 bool quiet, u8 cause);
bool nvirt_nl_has_listeners(struct net *net);
int nvirt_nl_init(void);
void nvirt_nl_exit(void);

/* netlink-vif.c */
void nvirt_nl_vif_notify(struct nvirt_vif *vif, enum nvirt_ntf event,
			 const struct nvirt_plan *plan, u8 cause);

/* netlink-policy.c */
void nvirt_nl_policy_notify(struct net *net, struct nvirt_npolicy *np,
			    enum nvirt_ntf event);

/* netlink-pool.c */
void nvirt_nl_pool_notify(struct net *net, struct nvirt_pool *pool,
			  enum nvirt_ntf event, u8 cause);

#endif /* _NVIRT_NETLINK_H */
