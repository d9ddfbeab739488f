// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the VIF operations of the "nvirt" generic netlink family.
 *
 * Requests become struct nvirt_vif_cfg and calls on vif.c; VIFs become
 * attributes. The VIF objects never see netlink.
 */

#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/sock.h>

#include <uapi/linux/nvirt.h>

#include "netlink-gen.h"
#include "netlink-common.h"
#include "netlink.h"
#include "request.h"
#include "vif.h"

/* Request attributes that are settings, and the bit each sets. */
static const struct {
	int attr;
	int field;
} nvirt_nl_vif_fields[] = {
	{ NVIRT_A_VIF_MAC, NVIRT_CFG_MAC },
	{ NVIRT_A_VIF_VLAN, NVIRT_CFG_VLAN },
	{ NVIRT_A_VIF_VLAN_QOS, NVIRT_CFG_VLAN_QOS },
	{ NVIRT_A_VIF_VLAN_PROTO, NVIRT_CFG_VLAN_PROTO },
	{ NVIRT_A_VIF_MTU, NVIRT_CFG_MTU },
	{ NVIRT_A_VIF_MAX_RATE, NVIRT_CFG_MAX_RATE },
	{ NVIRT_A_VIF_MIN_RATE, NVIRT_CFG_MIN_RATE },
	{ NVIRT_A_VIF_SPOOFCHK, NVIRT_CFG_SPOOFCHK },
	{ NVIRT_A_VIF_TRUST, NVIRT_CFG_TRUST },
	{ NVIRT_A_VIF_LINK_STATE, NVIRT_CFG_LINK_STATE },
	{ NVIRT_A_VIF_NETNS_FD, NVIRT_CFG_NETNS },
	{ NVIRT_A_VIF_BACKEND, NVIRT_CFG_BACKEND },
	{ NVIRT_A_VIF_POLICY_NAME, NVIRT_CFG_POLICY_NAME },
	{ NVIRT_A_VIF_ATTACH, NVIRT_CFG_ATTACH },
};

/* The settings a request carries; a namespace is held in @cfg->net. */
static int nvirt_nl_vif_cfg(struct sk_buff *skb, struct genl_info *info,
			    struct nvirt_vif_cfg *cfg)
{
	struct nlattr **tb = info->attrs;
	struct net *net;
	int i, err;

	memset(cfg, 0, sizeof(*cfg));
	for (i = 0; i < ARRAY_SIZE(nvirt_nl_vif_fields); i++)
		if (tb[nvirt_nl_vif_fields[i].attr])
			__set_bit(nvirt_nl_vif_fields[i].field, &cfg->set);
	err = nvirt_nl_policy_parse(tb[NVIRT_A_VIF_POLICY], cfg, info->extack);
	if (err)
		return err;
	if (tb[NVIRT_A_VIF_BACKEND])
		cfg->policy.backend = nla_get_u32(tb[NVIRT_A_VIF_BACKEND]);

	if (tb[NVIRT_A_VIF_MAC])
		nla_memcpy(cfg->mac, tb[NVIRT_A_VIF_MAC], ETH_ALEN);
	if (tb[NVIRT_A_VIF_VLAN])
		cfg->vlan = nla_get_u32(tb[NVIRT_A_VIF_VLAN]);
	if (tb[NVIRT_A_VIF_VLAN_QOS])
		cfg->qos = nla_get_u32(tb[NVIRT_A_VIF_VLAN_QOS]);
	if (tb[NVIRT_A_VIF_VLAN_PROTO])
		cfg->vlan_proto = nla_get_u32(tb[NVIRT_A_VIF_VLAN_PROTO]);
	if (tb[NVIRT_A_VIF_MTU])
		cfg->mtu = nla_get_u32(tb[NVIRT_A_VIF_MTU]);
	if (tb[NVIRT_A_VIF_MAX_RATE])
		cfg->max_rate = nla_get_u32(tb[NVIRT_A_VIF_MAX_RATE]);
	if (tb[NVIRT_A_VIF_MIN_RATE])
		cfg->min_rate = nla_get_u32(tb[NVIRT_A_VIF_MIN_RATE]);
	if (tb[NVIRT_A_VIF_SPOOFCHK])
		cfg->spoofchk = nla_get_u32(tb[NVIRT_A_VIF_SPOOFCHK]);
	if (tb[NVIRT_A_VIF_TRUST])
		cfg->trust = nla_get_u32(tb[NVIRT_A_VIF_TRUST]);
	if (tb[NVIRT_A_VIF_LINK_STATE])
		cfg->link_state = nla_get_u32(tb[NVIRT_A_VIF_LINK_STATE]);
	if (tb[NVIRT_A_VIF_POLICY_NAME])
		nla_strscpy(cfg->policy_name, tb[NVIRT_A_VIF_POLICY_NAME],
			    sizeof(cfg->policy_name));
	if (tb[NVIRT_A_VIF_ATTACH])
		cfg->attach = nla_get_u32(tb[NVIRT_A_VIF_ATTACH]);
	/* Only vif-new takes a pool: vif-set's info->attrs end before it. */
	if (info->genlhdr->cmd == NVIRT_CMD_VIF_NEW &&
	    tb[NVIRT_A_VIF_POOL_NAME]) {
		__set_bit(NVIRT_CFG_POOL_NAME, &cfg->set);
		if (tb[NVIRT_A_VIF_PARENT_IFINDEX] ||
		    tb[NVIRT_A_VIF_PARENT_IFNAME]) {
			NL_SET_ERR_MSG_ATTR(info->extack,
					    tb[NVIRT_A_VIF_POOL_NAME],
					    "A pool and a parent NIC exclude each other: nvirt picks the NIC from the pool");
			return -EINVAL;
		}
		nla_strscpy(cfg->pool_name, tb[NVIRT_A_VIF_POOL_NAME],
			    sizeof(cfg->pool_name));
	}

	if (cfg->attach == NVIRT_ATTACH_VFIO && tb[NVIRT_A_VIF_NETNS_FD]) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[NVIRT_A_VIF_NETNS_FD],
				    "attach vfio gives the VF to a VM, not to a namespace: no netns");
		return -EINVAL;
	}
	if (cfg->attach == NVIRT_ATTACH_TAP) {
		if (tb[NVIRT_A_VIF_NETNS_FD]) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[NVIRT_A_VIF_NETNS_FD],
					    "attach tap keeps the netdev in this namespace: no netns");
			return -EINVAL;
		}
		/* Its netdev is the host's end: here, where QEMU runs. */
		cfg->net = get_net(genl_info_net(info));
		return 0;
	}
	if (!tb[NVIRT_A_VIF_NETNS_FD])
		return 0;
	/* A namespace is where the guest is: attach netns. */
	__set_bit(NVIRT_CFG_ATTACH, &cfg->set);
	cfg->attach = NVIRT_ATTACH_NETNS;
	net = get_net_ns_by_fd(nla_get_s32(tb[NVIRT_A_VIF_NETNS_FD]));
	if (IS_ERR(net)) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[NVIRT_A_VIF_NETNS_FD],
				    "Not a network namespace file descriptor");
		return PTR_ERR(net);
	}
	/* As rtnetlink: the caller must administer the target namespace. */
	if (!netlink_ns_capable(skb, net->user_ns, CAP_NET_ADMIN)) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[NVIRT_A_VIF_NETNS_FD],
				    "No permission in the target namespace");
		put_net(net);
		return -EPERM;
	}
	cfg->net = net;
	return 0;
}

static void nvirt_nl_vif_cfg_release(struct nvirt_vif_cfg *cfg)
{
	if (cfg->net)
		put_net(cfg->net);
}

/* Where each setting in effect is enforced, one @type nest each. */
static int nvirt_nl_enforce_put(struct sk_buff *msg, int type,
				const u8 *enforce)
{
	struct nlattr *nest;
	int s;

	for (s = 0; s <= NVIRT_SETTING_MAX; s++) {
		if (!enforce[s])
			continue;
		nest = nla_nest_start(msg, type);
		if (!nest)
			return -EMSGSIZE;
		if (nla_put_u32(msg, NVIRT_A_ENFORCE_SETTING, s) ||
		    nla_put_u32(msg, NVIRT_A_ENFORCE_POINT, enforce[s])) {
			nla_nest_cancel(msg, nest);
			return -EMSGSIZE;
		}
		nla_nest_end(msg, nest);
	}
	return 0;
}

static int nvirt_nl_plan_reasons_put(struct sk_buff *msg,
				     const struct nvirt_plan *plan)
{
	struct nlattr *nest;
	unsigned int i;

	for (i = 0; i < plan->n_reasons; i++) {
		nest = nla_nest_start(msg, NVIRT_A_PLAN_REASON);
		if (!nest)
			return -EMSGSIZE;
		if (nla_put_u32(msg, NVIRT_A_PLAN_REASON_CODE,
				plan->reasons[i].code) ||
		    nla_put_string(msg, NVIRT_A_PLAN_REASON_TEXT,
				   plan->reasons[i].text)) {
			nla_nest_cancel(msg, nest);
			return -EMSGSIZE;
		}
		nla_nest_end(msg, nest);
	}
	return 0;
}

/* A plan: on a refusal its errno and cause, else what it decided; why. */
static int nvirt_nl_plan_put(struct sk_buff *msg, const struct nvirt_plan *plan)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, NVIRT_A_VIF_PLAN);
	if (!nest)
		return -EMSGSIZE;
	if (plan->err ?
	    nla_put_u32(msg, NVIRT_A_PLAN_ERROR, -plan->err) ||
	    nla_put_string(msg, NVIRT_A_PLAN_ERROR_TEXT,
			   plan->reasons[plan->cause].text) :
	    nla_put_u32(msg, NVIRT_A_PLAN_BACKEND, plan->backend) ||
	    nla_put_u32(msg, NVIRT_A_PLAN_G2G, plan->g2g) ||
	    nla_put_u32(msg, NVIRT_A_PLAN_MIGRATABLE, plan->migratable) ||
	    (plan->displace &&
	     nla_put_u32(msg, NVIRT_A_PLAN_DISPLACE, plan->displace)) ||
	    nvirt_nl_enforce_put(msg, NVIRT_A_PLAN_ENFORCE, plan->enforce))
		goto err_cancel;
	if (nvirt_nl_plan_reasons_put(msg, plan))
		goto err_cancel;
	nla_nest_end(msg, nest);
	return 0;

err_cancel:
	nla_nest_cancel(msg, nest);
	return -EMSGSIZE;
}

static int nvirt_nl_vif_stats_put(struct sk_buff *msg, struct nvirt_vif *vif)
{
	struct nvirt_vif_stats st;
	struct nlattr *nest;

	nvirt_vif_stats(vif, &st);
	nest = nla_nest_start(msg, NVIRT_A_VIF_STATS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_uint(msg, NVIRT_A_VIF_STATS_RX_PACKETS, st.rx_packets) ||
	    nla_put_uint(msg, NVIRT_A_VIF_STATS_RX_BYTES, st.rx_bytes) ||
	    nla_put_uint(msg, NVIRT_A_VIF_STATS_RX_DROPPED, st.rx_dropped) ||
	    nla_put_uint(msg, NVIRT_A_VIF_STATS_TX_PACKETS, st.tx_packets) ||
	    nla_put_uint(msg, NVIRT_A_VIF_STATS_TX_BYTES, st.tx_bytes) ||
	    nla_put_uint(msg, NVIRT_A_VIF_STATS_TX_DROPPED, st.tx_dropped) ||
	    (st.spoof_dropped >= 0 &&
	     nla_put_uint(msg, NVIRT_A_VIF_STATS_SPOOF_DROPPED,
			  st.spoof_dropped)) ||
	    (st.vlan_dropped >= 0 &&
	     nla_put_uint(msg, NVIRT_A_VIF_STATS_VLAN_DROPPED,
			  st.vlan_dropped)) ||
	    (st.ring &&
	     (nla_put_uint(msg, NVIRT_A_VIF_STATS_RING_POSTS, st.ring_posts) ||
	      nla_put_uint(msg, NVIRT_A_VIF_STATS_RING_RETRIES,
			   st.ring_retries) ||
	      nla_put_uint(msg, NVIRT_A_VIF_STATS_RING_THROTTLED,
			   st.ring_throttled) ||
	      nla_put_uint(msg, NVIRT_A_VIF_STATS_RING_DROPS, st.ring_drops) ||
	      nla_put_uint(msg, NVIRT_A_VIF_STATS_TX_SWITCHED,
			   st.tx_switched) ||
	      nla_put_uint(msg, NVIRT_A_VIF_STATS_RX_REFLECTED,
			   st.rx_reflected)))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/* The settings given to a VIF itself that its named policy could give. */
static int nvirt_nl_vif_own_put(struct sk_buff *msg,
				const struct nvirt_vif_cfg *cfg)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, NVIRT_A_VIF_OWN_SETTINGS);
	if (!nest)
		return -EMSGSIZE;
	if (nvirt_nl_rates_put(msg, cfg, cfg->own, NVIRT_A_VIF_MAX_RATE,
			       NVIRT_A_VIF_MIN_RATE)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/* Its netdev, where it is seen from @net: none once a VF is a VM's. */
static int nvirt_nl_vif_dev_put(struct sk_buff *msg, struct net_device *dev,
				struct net *net)
{
	if (!dev)
		return 0;
	if (nla_put_u32(msg, NVIRT_A_VIF_IFINDEX, dev->ifindex) ||
	    nla_put_string(msg, NVIRT_A_VIF_IFNAME, dev->name) ||
	    (!net_eq(dev_net(dev), net) &&
	     nla_put_s32(msg, NVIRT_A_VIF_NETNS_ID,
			 peernet2id_alloc(net, dev_net(dev), GFP_KERNEL))))
		return -EMSGSIZE;
	return 0;
}

/* How the guest is given it: the kind, its device, a VF's PCI address. */
static int nvirt_nl_vif_attach_put(struct sk_buff *msg, struct nvirt_vif *vif)
{
	const char *pci = nvirt_vif_pci(vif);
	char path[32];

	nvirt_vif_path(vif, path, sizeof(path));
	if (nla_put_u32(msg, NVIRT_A_VIF_ATTACH, vif->cfg.attach) ||
	    (path[0] && nla_put_string(msg, NVIRT_A_VIF_ATTACH_PATH, path)) ||
	    (pci && nla_put_string(msg, NVIRT_A_VIF_ATTACH_PCI, pci)))
		return -EMSGSIZE;
	return 0;
}

/*
 * A VIF's record, as seen from @net; with @stats its traffic (left out of
 * notifications, which announce changes of settings and state); with
 * @plan the plan it was just placed by. Handed to VFIO, a VF has no
 * netdev: its MTU is the one asked for, its state unknown here.
 */
static int nvirt_nl_vif_put(struct sk_buff *msg, struct nvirt_vif *vif,
			    struct net *net, bool stats,
			    const struct nvirt_plan *plan)
{
	const struct nvirt_vif_cfg *cfg = &vif->cfg;
	struct net_device *dev = vif->dev;

	ASSERT_RTNL();
	if (nla_put_u32(msg, NVIRT_A_VIF_ID, vif->id) ||
	    nla_put_string(msg, NVIRT_A_VIF_NAME, vif->name) ||
	    nla_put_u32(msg, NVIRT_A_VIF_PARENT_IFINDEX, vif->parent->ifindex) ||
	    nla_put_string(msg, NVIRT_A_VIF_PARENT_IFNAME, vif->parent->name) ||
	    nla_put_u32(msg, NVIRT_A_VIF_BACKEND, vif->backend) ||
	    nvirt_nl_vif_dev_put(msg, dev, net) ||
	    nla_put(msg, NVIRT_A_VIF_MAC, ETH_ALEN, cfg->mac) ||
	    (cfg->vlan &&
	     (nla_put_u32(msg, NVIRT_A_VIF_VLAN, cfg->vlan) ||
	      nla_put_u32(msg, NVIRT_A_VIF_VLAN_QOS, cfg->qos) ||
	      nla_put_u32(msg, NVIRT_A_VIF_VLAN_PROTO, cfg->vlan_proto))) ||
	    nla_put_u32(msg, NVIRT_A_VIF_MTU,
			dev ? READ_ONCE(dev->mtu) : cfg->mtu) ||
	    nla_put_u32(msg, NVIRT_A_VIF_MAX_RATE, cfg->max_rate) ||
	    nla_put_u32(msg, NVIRT_A_VIF_MIN_RATE, cfg->min_rate) ||
	    nla_put_u32(msg, NVIRT_A_VIF_SPOOFCHK, cfg->spoofchk) ||
	    nla_put_u32(msg, NVIRT_A_VIF_TRUST, cfg->trust) ||
	    nla_put_u32(msg, NVIRT_A_VIF_LINK_STATE, cfg->link_state) ||
	    nla_put_u32(msg, NVIRT_A_VIF_OPERSTATE,
			dev ? READ_ONCE(dev->operstate) : IF_OPER_UNKNOWN) ||
	    (vif->backend == NVIRT_BACKEND_QUEUE &&
	     nla_put_u32(msg, NVIRT_A_VIF_QUEUE, vif->queue)) ||
	    (vif->backend == NVIRT_BACKEND_VF &&
	     nla_put_u32(msg, NVIRT_A_VIF_VF_INDEX, vif->vf)) ||
	    nvirt_nl_enforce_put(msg, NVIRT_A_VIF_ENFORCE, vif->enforce) ||
	    nvirt_nl_policy_put(msg, NVIRT_A_VIF_POLICY, cfg,
				NVIRT_CFG_FOLLOWED) ||
	    (cfg->policy_name[0] &&
	     nla_put_string(msg, NVIRT_A_VIF_POLICY_NAME, cfg->policy_name)) ||
	    nla_put_u32(msg, NVIRT_A_VIF_BACKEND_REQUEST, cfg->policy.backend) ||
	    nvirt_nl_policy_put(msg, NVIRT_A_VIF_OWN_POLICY, cfg,
				cfg->own & NVIRT_CFG_FOLLOWED) ||
	    nvirt_nl_vif_own_put(msg, cfg) ||
	    nla_put_u32(msg, NVIRT_A_VIF_MIGRATABLE, vif->migratable) ||
	    nla_put_u32(msg, NVIRT_A_VIF_G2G, vif->g2g) ||
	    nvirt_nl_vif_attach_put(msg, vif) ||
	    (cfg->pool_name[0] &&
	     nla_put_string(msg, NVIRT_A_VIF_POOL_NAME, cfg->pool_name)) ||
	    (stats && nvirt_nl_vif_stats_put(msg, vif)) ||
	    (plan && nvirt_nl_plan_put(msg, plan)))
		return -EMSGSIZE;
	return 0;
}

static int nvirt_nl_vif_fill(struct sk_buff *msg, struct nvirt_vif *vif,
			     const struct genl_info *info,
			     struct netlink_callback *cb,
			     const struct nvirt_plan *plan)
{
	void *hdr;

	hdr = genlmsg_iput(msg, info);
	if (!hdr)
		return -EMSGSIZE;
	if (nvirt_nl_vif_put(msg, vif, genl_info_net(info), true, plan)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	genlmsg_end(msg, hdr);
	return 0;
}

/* A reply with one VIF's record, and the plan it was placed by. */
static struct sk_buff *nvirt_nl_vif_reply(struct nvirt_vif *vif,
					  struct genl_info *info,
					  const struct nvirt_plan *plan)
{
	struct sk_buff *msg;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return ERR_PTR(-ENOMEM);
	if (nvirt_nl_vif_fill(msg, vif, info, NULL, plan)) {
		nlmsg_free(msg);
		return ERR_PTR(-EMSGSIZE);
	}
	return msg;
}

/**
 * nvirt_nl_vif_notify() - tell a VIF's namespace what happened to it
 * @vif: the VIF
 * @event: what happened
 * @plan: the plan that moved it to another backend, or NULL
 * @cause: enum nvirt_cause, what made it happen
 *
 * A change is sent only when the record differs from the one last sent.
 *
 * Context: RTNL held.
 */
void nvirt_nl_vif_notify(struct nvirt_vif *vif, enum nvirt_ntf event,
			 const struct nvirt_plan *plan, u8 cause)
{
	static const u8 cmds[] = {
		[NVIRT_NTF_ADD] = NVIRT_CMD_VIF_ADD_NTF,
		[NVIRT_NTF_DEL] = NVIRT_CMD_VIF_DEL_NTF,
		[NVIRT_NTF_CHANGE] = NVIRT_CMD_VIF_CHANGE_NTF,
	};
	struct net *net = dev_net(vif->parent);
	struct sk_buff *msg;
	void *hdr;

	msg = nvirt_nl_ntf_new(net, cmds[event], &hdr);
	if (!msg)
		return;
	if (nvirt_nl_vif_put(msg, vif, net, false, plan)) {
		nlmsg_free(msg);
		nvirt_nl_ntf_lost(net);
		return;
	}
	nvirt_nl_ntf_send(net, msg, hdr, &vif->ntf_hash,
			  event == NVIRT_NTF_CHANGE, false, NVIRT_A_VIF_CAUSE,
			  cause);
}

/* The VIF a request names by id, name or both. */
static struct nvirt_vif *nvirt_nl_vif_lookup(struct genl_info *info)
{
	struct nlattr *attr_id = info->attrs[NVIRT_A_VIF_ID];
	struct nlattr *attr_name = info->attrs[NVIRT_A_VIF_NAME];
	char name[IFNAMSIZ];
	struct nvirt_vif *vif;

	ASSERT_RTNL();
	if (!attr_id && !attr_name) {
		NL_SET_ERR_MSG(info->extack, "VIF not specified: id or name is required");
		return ERR_PTR(-EINVAL);
	}
	if (attr_name)
		nla_strscpy(name, attr_name, sizeof(name));
	vif = nvirt_vif_find(genl_info_net(info),
			     attr_id ? nla_get_u32(attr_id) : 0,
			     attr_name ? name : NULL);
	if (!vif) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr_id ?: attr_name,
				    "No such VIF");
		return ERR_PTR(-ENOENT);
	}
	return vif;
}

/* A VIF request, as a handler hands it to the core. */
struct nvirt_nl_vif_req {
	struct nvirt_req req;
	struct genl_info *info;
	struct sk_buff *msg;
};

static struct nvirt_nl_vif_req *nvirt_nl_vif_req(struct nvirt_req *req)
{
	return container_of(req, struct nvirt_nl_vif_req, req);
}

static struct nvirt_vif *nvirt_nl_vif_req_vif(struct nvirt_req *req)
{
	return nvirt_nl_vif_lookup(nvirt_nl_vif_req(req)->info);
}

static struct net_device *nvirt_nl_vif_req_parent(struct nvirt_req *req)
{
	return nvirt_nl_dev_lookup(nvirt_nl_vif_req(req)->info,
				   NVIRT_A_VIF_PARENT_IFINDEX,
				   NVIRT_A_VIF_PARENT_IFNAME);
}

/* The plan of a dry run, or of a refusal by it: no VIF, just the plan. */
static struct sk_buff *nvirt_nl_vif_plan_reply(struct genl_info *info,
					       struct net_device *parent,
					       u32 id, const char *name,
					       const char *pool,
					       const struct nvirt_plan *plan)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return ERR_PTR(-ENOMEM);
	hdr = genlmsg_iput(msg, info);
	if (!hdr ||
	    (id && nla_put_u32(msg, NVIRT_A_VIF_ID, id)) ||
	    nla_put_string(msg, NVIRT_A_VIF_NAME, name) ||
	    nla_put_u32(msg, NVIRT_A_VIF_PARENT_IFINDEX, parent->ifindex) ||
	    nla_put_string(msg, NVIRT_A_VIF_PARENT_IFNAME, parent->name) ||
	    (pool[0] && nla_put_string(msg, NVIRT_A_VIF_POOL_NAME, pool)) ||
	    nvirt_nl_plan_put(msg, plan)) {
		nlmsg_free(msg);
		return ERR_PTR(-EMSGSIZE);
	}
	genlmsg_end(msg, hdr);
	return msg;
}

/* A dry run's plan, or the record of the VIF just created. */
static int nvirt_nl_vif_req_reply(struct nvirt_req *req, struct nvirt_vif *vif,
				  struct net_device *parent,
				  const struct nvirt_plan *plan)
{
	struct nvirt_nl_vif_req *r = nvirt_nl_vif_req(req);
	struct sk_buff *msg;

	if (!req->dry_run)
		return nvirt_nl_vif_fill(r->msg, vif, r->info, NULL, plan);
	msg = nvirt_nl_vif_plan_reply(r->info, parent, vif ? vif->id : 0,
				      vif ? vif->name : req->name,
				      req->cfg->pool_name, plan);
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	r->msg = msg;
	return 0;
}

/* The request's settings and finders; a namespace is held in @cfg->net. */
static int nvirt_nl_vif_req_init(struct nvirt_nl_vif_req *r,
				 struct sk_buff *skb, struct genl_info *info,
				 struct nvirt_vif_cfg *cfg)
{
	memset(r, 0, sizeof(*r));
	r->info = info;
	r->req.net = genl_info_net(info);
	r->req.extack = info->extack;
	r->req.parent = nvirt_nl_vif_req_parent;
	r->req.vif = nvirt_nl_vif_req_vif;
	r->req.cfg = cfg;
	/* Only new and set take settings and a dry run: info->attrs of
	 * the others end before those attributes.
	 */
	if (!cfg)
		return 0;
	r->req.dry_run = nla_get_flag(info->attrs[NVIRT_A_VIF_DRY_RUN]);
	return nvirt_nl_vif_cfg(skb, info, cfg);
}

int nvirt_nl_vif_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_vif_req r;
	struct nvirt_vif_cfg cfg;
	char name[IFNAMSIZ];
	int err;

	if (GENL_REQ_ATTR_CHECK(info, NVIRT_A_VIF_NAME))
		return -EINVAL;
	nla_strscpy(name, info->attrs[NVIRT_A_VIF_NAME], sizeof(name));
	err = nvirt_nl_vif_req_init(&r, skb, info, &cfg);
	if (err)
		return err;
	r.req.name = name;
	r.req.reply = nvirt_nl_vif_req_reply;
	if (!info->attrs[NVIRT_A_VIF_PARENT_IFINDEX] &&
	    !info->attrs[NVIRT_A_VIF_PARENT_IFNAME])
		r.req.parent = NULL;
	/* Before the VIF exists: its reply must not fail for want of memory. */
	if (!r.req.dry_run) {
		r.msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
		if (!r.msg) {
			err = -ENOMEM;
			goto out_release;
		}
	}
	err = nvirt_req_vif_new(&r.req);
out_release:
	nvirt_nl_vif_cfg_release(&cfg);
	if (err) {
		nlmsg_free(r.msg);
		return err;
	}
	return genlmsg_reply(r.msg, info);
}

int nvirt_nl_vif_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_vif_req r;

	nvirt_nl_vif_req_init(&r, skb, info, NULL);
	return nvirt_req_vif_del(&r.req);
}

int nvirt_nl_vif_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_vif_req r;
	struct nvirt_vif_cfg cfg;
	int err;

	err = nvirt_nl_vif_req_init(&r, skb, info, &cfg);
	if (err)
		return err;
	/* A change is answered by an ack; a dry run by its plan. */
	if (r.req.dry_run)
		r.req.reply = nvirt_nl_vif_req_reply;
	err = nvirt_req_vif_set(&r.req);
	nvirt_nl_vif_cfg_release(&cfg);
	if (err) {
		nlmsg_free(r.msg);
		return err;
	}
	return r.msg ? genlmsg_reply(r.msg, info) : 0;
}

/* A VIF's record as the plan sees it, and the plan. */
static int nvirt_nl_vif_explain_reply(struct nvirt_req *req,
				      struct nvirt_vif *vif,
				      struct net_device *parent,
				      const struct nvirt_plan *plan)
{
	struct nvirt_nl_vif_req *r = nvirt_nl_vif_req(req);
	struct sk_buff *msg = r->msg;
	void *hdr;

	hdr = genlmsg_iput(msg, r->info);
	if (!hdr ||
	    nla_put_u32(msg, NVIRT_A_VIF_ID, vif->id) ||
	    nla_put_string(msg, NVIRT_A_VIF_NAME, vif->name) ||
	    nla_put_u32(msg, NVIRT_A_VIF_PARENT_IFINDEX, parent->ifindex) ||
	    nla_put_string(msg, NVIRT_A_VIF_PARENT_IFNAME, parent->name) ||
	    nla_put_u32(msg, NVIRT_A_VIF_BACKEND, vif->backend) ||
	    nvirt_nl_policy_put(msg, NVIRT_A_VIF_POLICY, &vif->cfg,
				NVIRT_CFG_FOLLOWED) ||
	    (vif->cfg.policy_name[0] &&
	     nla_put_string(msg, NVIRT_A_VIF_POLICY_NAME,
			    vif->cfg.policy_name)) ||
	    nla_put_u32(msg, NVIRT_A_VIF_MIGRATABLE, vif->migratable) ||
	    nvirt_nl_plan_put(msg, plan))
		return -EMSGSIZE;
	genlmsg_end(msg, hdr);
	return 0;
}

int nvirt_nl_vif_explain_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_vif_req r;
	int err;

	nvirt_nl_vif_req_init(&r, skb, info, NULL);
	r.req.reply = nvirt_nl_vif_explain_reply;
	r.msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!r.msg)
		return -ENOMEM;
	err = nvirt_req_vif_explain(&r.req);
	if (err) {
		nlmsg_free(r.msg);
		return err;
	}
	return genlmsg_reply(r.msg, info);
}

int nvirt_nl_vif_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	struct nvirt_vif *vif;

	rtnl_lock();
	vif = nvirt_nl_vif_lookup(info);
	msg = IS_ERR(vif) ? ERR_CAST(vif) : nvirt_nl_vif_reply(vif, info, NULL);
	rtnl_unlock();
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

int nvirt_nl_vif_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genl_info *info = genl_info_dump(cb);
	struct net *net = sock_net(skb->sk);
	unsigned long id = cb->args[0];
	struct net_device *parent = NULL;
	struct nvirt_vif *vif;
	int err = 0;

	rtnl_lock();
	if (info->attrs[NVIRT_A_VIF_PARENT_IFINDEX] ||
	    info->attrs[NVIRT_A_VIF_PARENT_IFNAME]) {
		parent = nvirt_nl_dev_lookup(info,
					     NVIRT_A_VIF_PARENT_IFINDEX,
					     NVIRT_A_VIF_PARENT_IFNAME);
		err = PTR_ERR_OR_ZERO(parent);
	}
	/* VIFs coming or going between parts mark the dump interrupted. */
	cb->seq = nvirt_vif_gen();
	for (; !err && (vif = nvirt_vif_next(net, &id)); id++) {
		if (parent && vif->parent != parent)
			continue;
		err = nvirt_nl_vif_fill(skb, vif, info, cb, NULL);
		if (err)
			break;
	}
	rtnl_unlock();
	cb->args[0] = id;

	/* A full skb ends this part of the dump; the next one resumes here. */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err;
}
