/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the "nvirt" generic netlink family.
 */

#ifndef _NVIRT_NETLINK_H
#define _NVIRT_NETLINK_H

#include <linux/types.h>
#include <uapi/linux/nvirt.h>

struct genl_info;
struct net;
struct net_device;
struct nvirt_nic;
struct nvirt_vif;
struct sk_buff;

/* What happened to a NIC, as nvirt_nl_nic_notify() announces it. */
enum nvirt_nic_event {
	NVIRT_NIC_ADDED,
	NVIRT_NIC_REMOVED,
	NVIRT_NIC_CHANGED,
};

void nvirt_nl_nic_notify(struct nvirt_nic *nic, enum nvirt_nic_event event,
			 bool quiet, u8 cause);
bool nvirt_nl_has_listeners(struct net *net);
struct net_device *nvirt_nl_dev_lookup(const struct genl_info *info, int ifindex,
				       int ifname);
struct sk_buff *nvirt_nl_ntf_new(struct net *net, u8 cmd, void **hdr);
void nvirt_nl_ntf_lost(struct net *net);
void nvirt_nl_ntf_send(struct net *net, struct sk_buff *msg, void *hdr,
		       u32 *last, bool change, bool quiet, int cause_attr,
		       u8 cause);
struct nlattr;
struct netlink_ext_ack;
struct nvirt_npolicy;
struct nvirt_plan;
struct nvirt_vif_cfg;

void nvirt_nl_vif_notify(struct nvirt_vif *vif, enum nvirt_nic_event event,
			 const struct nvirt_plan *plan, u8 cause);

int nvirt_nl_policy_parse(const struct nlattr *nest, struct nvirt_vif_cfg *cfg,
			  bool named, struct netlink_ext_ack *extack);
int nvirt_nl_policy_put(struct sk_buff *msg, int type,
			const struct nvirt_vif_cfg *cfg, unsigned long fields);
void nvirt_nl_policy_notify(struct net *net, struct nvirt_npolicy *np,
			    enum nvirt_nic_event event);

int nvirt_nl_init(void);
void nvirt_nl_exit(void);

#endif /* _NVIRT_NETLINK_H */
