// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the "nvirt" generic netlink family.
 *
 * Policies and the ops table come from netlink-gen.c, generated from
 * Documentation/netlink/specs/nvirt.yaml. This file turns requests into
 * calls on nvirt's objects and objects into attributes; nothing else in
 * nvirt touches netlink.
 */

#include <linux/if.h>
#include <linux/if_bridge.h>
#include <linux/jhash.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/sizes.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include <uapi/linux/nvirt.h>

#include "caps.h"
#include "netlink-common.h"
#include "netlink.h"
#include "netlink-gen.h"
#include "nic.h"
#include "request.h"
#include "nvirt.h"
#include "port.h"

/* user_ptr slots filled by pre_doit */
enum {
	NVIRT_UP_NIC,
};

/*
 * Generic netlink validates a request against its op's policy, and the
 * request of an op without one (it takes no attributes) not at all: any
 * attribute or stray bytes would be ignored. These ops take none, as
 * strictly as the others take theirs.
 */
static int nvirt_nl_no_attrs(const struct nlmsghdr *nlh,
			     struct netlink_ext_ack *extack)
{
	return nla_validate(nlmsg_attrdata(nlh, GENL_HDRLEN),
			    nlmsg_attrlen(nlh, GENL_HDRLEN), 0, NULL, extack);
}

int nvirt_nl_no_attrs_doit(const struct genl_split_ops *ops,
			   struct sk_buff *skb, struct genl_info *info)
{
	return nvirt_nl_no_attrs(info->nlhdr, info->extack);
}

int nvirt_nl_no_attrs_start(struct netlink_callback *cb)
{
	return nvirt_nl_no_attrs(cb->nlh, cb->extack);
}

int nvirt_nl_version_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	hdr = genlmsg_iput(msg, info);
	if (!hdr)
		goto err_free_msg;
	if (nla_put_string(msg, NVIRT_A_VERSION_VERSION, NVIRT_VERSION) ||
	    nla_put_u32(msg, NVIRT_A_VERSION_API, NVIRT_API_VERSION))
		goto err_free_msg;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

err_free_msg:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

/**
 * nvirt_nl_dev_lookup() - the netdev a request names
 * @info: the request
 * @ifindex: its attribute type for the ifindex
 * @ifname: its attribute type for the name
 *
 * By ifindex, by name or by both, which must then agree.
 *
 * Context: RTNL held.
 * Return: the netdev, or an ERR_PTR with the reason in @info's extack.
 */
struct net_device *nvirt_nl_dev_lookup(const struct genl_info *info, int ifindex,
				       int ifname)
{
	struct nlattr *attr_ifindex = info->attrs[ifindex];
	struct nlattr *attr_ifname = info->attrs[ifname];
	struct net *net = genl_info_net(info);
	struct net_device *dev = NULL;

	ASSERT_RTNL();
	if (!attr_ifindex && !attr_ifname) {
		NL_SET_ERR_MSG(info->extack, "NIC not specified: ifindex or ifname is required");
		return ERR_PTR(-EINVAL);
	}

	if (attr_ifindex) {
		dev = __dev_get_by_index(net, nla_get_u32(attr_ifindex));
		if (!dev) {
			NL_SET_ERR_MSG_ATTR(info->extack, attr_ifindex, "No such NIC");
			return ERR_PTR(-ENODEV);
		}
	}
	if (attr_ifname) {
		char name[IFNAMSIZ];

		nla_strscpy(name, attr_ifname, sizeof(name));
		if (!dev) {
			dev = __dev_get_by_name(net, name);
			if (!dev) {
				NL_SET_ERR_MSG_ATTR(info->extack, attr_ifname, "No such NIC");
				return ERR_PTR(-ENODEV);
			}
		} else if (strcmp(dev->name, name)) {
			NL_SET_ERR_MSG_ATTR(info->extack, attr_ifname,
					    "ifname does not match ifindex");
			return ERR_PTR(-EINVAL);
		}
	}
	return dev;
}

/* Find the NIC a request names. */
static struct nvirt_nic *nvirt_nl_nic_lookup(struct genl_info *info)
{
	struct net_device *dev;
	struct nvirt_nic *nic;

	dev = nvirt_nl_dev_lookup(info, NVIRT_A_NIC_IFINDEX, NVIRT_A_NIC_IFNAME);
	if (IS_ERR(dev))
		return ERR_CAST(dev);
	nic = nvirt_nic_of(dev);
	if (IS_ERR(nic))
		NL_SET_ERR_MSG_FMT(info->extack, "No memory for the record of %s",
				   dev->name);
	return nic;
}

int nvirt_nic_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		       struct genl_info *info)
{
	struct nvirt_nic *nic;

	rtnl_lock();
	nic = nvirt_nl_nic_lookup(info);
	if (IS_ERR(nic)) {
		rtnl_unlock();
		return PTR_ERR(nic);
	}
	info->user_ptr[NVIRT_UP_NIC] = nic;
	return 0;
}

void nvirt_nic_post_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
			 struct genl_info *info)
{
	rtnl_unlock();
}

static int nvirt_nl_channels_put(struct sk_buff *msg,
				 const struct ethtool_channels *ch)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, NVIRT_A_NIC_CHANNELS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(msg, NVIRT_A_CHANNELS_RX, ch->rx_count) ||
	    nla_put_u32(msg, NVIRT_A_CHANNELS_TX, ch->tx_count) ||
	    nla_put_u32(msg, NVIRT_A_CHANNELS_OTHER, ch->other_count) ||
	    nla_put_u32(msg, NVIRT_A_CHANNELS_COMBINED, ch->combined_count) ||
	    nla_put_u32(msg, NVIRT_A_CHANNELS_MAX_RX, ch->max_rx) ||
	    nla_put_u32(msg, NVIRT_A_CHANNELS_MAX_TX, ch->max_tx) ||
	    nla_put_u32(msg, NVIRT_A_CHANNELS_MAX_OTHER, ch->max_other) ||
	    nla_put_u32(msg, NVIRT_A_CHANNELS_MAX_COMBINED, ch->max_combined)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int nvirt_nl_vf_put(const struct nvirt_vf *vf, void *arg)
{
	struct sk_buff *msg = arg;
	struct nlattr *nest;

	nest = nla_nest_start(msg, NVIRT_A_NIC_VF);
	if (!nest)
		return -EMSGSIZE;
	/* libnvirt wants a bus address: a VF that is no device has "". */
	if (nla_put_u32(msg, NVIRT_A_VF_INDEX, vf->index) ||
	    nla_put_string(msg, NVIRT_A_VF_BUS_ADDR, vf->bus_addr ?: "") ||
	    (vf->ifindex && nla_put_u32(msg, NVIRT_A_VF_IFINDEX, vf->ifindex))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int nvirt_nl_cap_put(struct sk_buff *msg, enum nvirt_knob knob,
			    const struct nvirt_cap *cap, u8 verified)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, NVIRT_A_NIC_CAP);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(msg, NVIRT_A_CAP_KNOB, knob) ||
	    nla_put_u32(msg, NVIRT_A_CAP_SUPPORT, cap->support) ||
	    nla_put_u32(msg, NVIRT_A_CAP_REASON, cap->reason) ||
	    nla_put_u32(msg, NVIRT_A_CAP_VERIFIED, verified)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/* The probed part of a NIC's record, and what testing it found. */
static int nvirt_nl_caps_put(struct sk_buff *msg, const struct nvirt_nic *nic)
{
	struct net_device *dev = nic->dev;
	struct nvirt_caps caps;
	int knob, err;

	nvirt_caps_probe(dev, &caps);

	if ((caps.speed && nla_put_u32(msg, NVIRT_A_NIC_SPEED, caps.speed)) ||
	    nla_put_u32(msg, NVIRT_A_NIC_TX_QUEUES, caps.tx_queues) ||
	    nla_put_u32(msg, NVIRT_A_NIC_MAX_TX_QUEUES, caps.max_tx_queues) ||
	    nla_put_u32(msg, NVIRT_A_NIC_RX_QUEUES, caps.rx_queues) ||
	    nla_put_u32(msg, NVIRT_A_NIC_MAX_RX_QUEUES, caps.max_rx_queues) ||
	    (caps.has_channels &&
	     nvirt_nl_channels_put(msg, &caps.channels)))
		return -EMSGSIZE;

	if (caps.sriov &&
	    (nla_put_u32(msg, NVIRT_A_NIC_SRIOV_TOTAL_VFS, caps.total_vfs) ||
	     nla_put_u32(msg, NVIRT_A_NIC_SRIOV_NUM_VFS, caps.num_vfs)))
		return -EMSGSIZE;
	err = nvirt_caps_walk_vfs(dev, nvirt_nl_vf_put, msg);
	if (err)
		return err;

	if (caps.is_vf &&
	    (nla_put_string(msg, NVIRT_A_NIC_PF_BUS_ADDR, caps.pf_bus_addr) ||
	     (caps.pf_ifindex &&
	      nla_put_u32(msg, NVIRT_A_NIC_PF_IFINDEX, caps.pf_ifindex)) ||
	     nla_put_u32(msg, NVIRT_A_NIC_VF_INDEX, caps.vf_index)))
		return -EMSGSIZE;

	for (knob = 0; knob <= NVIRT_KNOB_MAX; knob++) {
		err = nvirt_nl_cap_put(msg, knob, &caps.knob[knob],
				       nic->verified[knob]);
		if (err)
			return err;
	}

	if (caps.esw_mode >= 0 &&
	    nla_put_u32(msg, NVIRT_A_NIC_ESW_MODE,
			caps.esw_mode == BRIDGE_MODE_VEPA ?
			NVIRT_ESW_MODE_VEPA : NVIRT_ESW_MODE_VEB))
		return -EMSGSIZE;
	return 0;
}

/* Who holds the NIC's receive handler, if anybody. */
static int nvirt_nl_holder_put(struct sk_buff *msg, struct net_device *dev)
{
	const char *ifname;
	int holder;

	holder = nvirt_port_holder(dev, &ifname);
	if (holder < 0)
		return 0;
	if (nla_put_u32(msg, NVIRT_A_NIC_HOLDER, holder) ||
	    (ifname && nla_put_string(msg, NVIRT_A_NIC_HOLDER_IFNAME, ifname)))
		return -EMSGSIZE;
	return 0;
}

/* A NIC's record: one source for replies, dumps and notifications. */
static int nvirt_nl_nic_put(struct sk_buff *msg, const struct nvirt_nic *nic)
{
	struct net_device *dev = nic->dev;
	struct nvirt_nic_ident id;

	ASSERT_RTNL();
	nvirt_nic_ident(nic, &id);

	if (nla_put_u32(msg, NVIRT_A_NIC_IFINDEX, dev->ifindex) ||
	    nla_put_string(msg, NVIRT_A_NIC_IFNAME, dev->name) ||
	    (id.driver && nla_put_string(msg, NVIRT_A_NIC_DRIVER, id.driver)) ||
	    (id.bus && nla_put_string(msg, NVIRT_A_NIC_BUS, id.bus)) ||
	    (id.bus_addr &&
	     nla_put_string(msg, NVIRT_A_NIC_BUS_ADDR, id.bus_addr)) ||
	    (dev->addr_len &&
	     nla_put(msg, NVIRT_A_NIC_ADDRESS, dev->addr_len, dev->dev_addr)) ||
	    (memchr_inv(dev->perm_addr, 0, dev->addr_len) &&
	     nla_put(msg, NVIRT_A_NIC_PERM_ADDRESS, dev->addr_len,
		     dev->perm_addr)) ||
	    nla_put_u32(msg, NVIRT_A_NIC_MTU, READ_ONCE(dev->mtu)) ||
	    nla_put_u32(msg, NVIRT_A_NIC_MIN_MTU, dev->min_mtu) ||
	    nla_put_u32(msg, NVIRT_A_NIC_MAX_MTU, dev->max_mtu) ||
	    nla_put_u32(msg, NVIRT_A_NIC_OPERSTATE, READ_ONCE(dev->operstate)) ||
	    nla_put_u32(msg, NVIRT_A_NIC_MANAGED, nic->managed) ||
	    nla_put_u32(msg, NVIRT_A_NIC_LINK_TYPE, dev->type) ||
	    nvirt_nl_caps_put(msg, nic) || nvirt_nl_holder_put(msg, dev))
		return -EMSGSIZE;
	return 0;
}

/*
 * A record takes about 1 KiB but for its VFs, of which a PF can have
 * hundreds (ice 256), each in an attribute of its own: its messages are
 * sized from its VFs. A PCI PF's are counted as many as it can have, so
 * that the count holds while VFs come (without RTNL); a PF's on another bus
 * as it has (netdevsim changes them under RTNL), and a message that still
 * turns out short is built again, bigger.
 */

/* The longest bus address of a VF counted ("0000:01:10.0"). */
#define NVIRT_NL_BUS_ADDR_MAX	32
/* No record is built bigger: some 18000 VFs. */
#define NVIRT_NL_NIC_MAX_SIZE	SZ_1M

static size_t nvirt_nl_str_size(const char *s)
{
	return s ? nla_total_size(strlen(s) + 1) : 0;
}

/* What a VF adds to its PF's record. */
static size_t nvirt_nl_vf_size(void)
{
	return nla_total_size(0) +			/* NVIRT_A_NIC_VF */
	       nla_total_size(sizeof(u32)) +		/* NVIRT_A_VF_INDEX */
	       nla_total_size(NVIRT_NL_BUS_ADDR_MAX) +	/* NVIRT_A_VF_BUS_ADDR */
	       nla_total_size(sizeof(u32));		/* NVIRT_A_VF_IFINDEX */
}

/* The attributes of a NIC's record at their largest, its cause too. */
static size_t nvirt_nl_nic_size(const struct nvirt_nic *nic)
{
	struct nvirt_nic_ident id;

	ASSERT_RTNL();
	nvirt_nic_ident(nic, &id);
	return nla_total_size(IFNAMSIZ) +
	       nvirt_nl_str_size(id.driver) + nvirt_nl_str_size(id.bus) +
	       nvirt_nl_str_size(id.bus_addr) +
	       2 * nla_total_size(MAX_ADDR_LEN) +	/* the addresses */
	       /*
		* IFINDEX, MTU, MIN_MTU, MAX_MTU, SPEED, the four queue
		* counts, the two VF counts, PF_IFINDEX, VF_INDEX, HOLDER
		*/
	       14 * nla_total_size(sizeof(u32)) +
	       nla_total_size(IFNAMSIZ) +		/* HOLDER_IFNAME */
	       /* OPERSTATE, MANAGED, ESW_MODE, CAUSE */
	       4 * nla_total_size(sizeof(u8)) +
	       nla_total_size(sizeof(u16)) +		/* LINK_TYPE */
	       nla_total_size(0) + 8 * nla_total_size(sizeof(u32)) +
	       nla_total_size(NVIRT_NL_BUS_ADDR_MAX) +	/* PF_BUS_ADDR */
	       (NVIRT_KNOB_MAX + 1) *
	       (nla_total_size(0) + 2 * nla_total_size(sizeof(u32)) +
		2 * nla_total_size(sizeof(u8))) +
	       (size_t)nvirt_caps_max_vfs(nic->dev) * nvirt_nl_vf_size();
}

/* The room a message with that much in attributes takes. */
static size_t nvirt_nl_msg_size(size_t attrs)
{
	return nlmsg_total_size(genlmsg_total_size(attrs));
}

/* Under @hdr, a NIC's record, ended; with @cb, one message of a dump. */
static int nvirt_nl_nic_fill(struct sk_buff *msg, void *hdr,
			     const struct nvirt_nic *nic,
			     struct netlink_callback *cb)
{
	if (!hdr)
		return -EMSGSIZE;
	if (nvirt_nl_nic_put(msg, nic)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	genlmsg_end(msg, hdr);
	return 0;
}

/*
 * A message with a NIC's record, of the size it needs: a reply to @info,
 * or without it the notification @cmd.
 *
 * Return: the message, its header in @hdr; ERR_PTR(-EMSGSIZE) when the
 * record is bigger than NVIRT_NL_NIC_MAX_SIZE, or -ENOMEM.
 */
static struct sk_buff *nvirt_nl_nic_msg(const struct nvirt_nic *nic,
					const struct genl_info *info, u8 cmd,
					void **hdr)
{
	size_t size = nvirt_nl_nic_size(nic);
	struct sk_buff *msg;

	for (; size <= NVIRT_NL_NIC_MAX_SIZE; size *= 2) {
		/* Failing is handled: no warning for a big one. */
		msg = genlmsg_new(size, GFP_KERNEL | __GFP_NOWARN);
		if (!msg)
			return ERR_PTR(-ENOMEM);
		*hdr = info ? genlmsg_iput(msg, info) :
		       genlmsg_put(msg, 0, 0, &nvirt_nl_family, 0, cmd);
		if (!nvirt_nl_nic_fill(msg, *hdr, nic, NULL))
			return msg;
		nlmsg_free(msg);
	}
	return ERR_PTR(-EMSGSIZE);
}

/* Why a NIC's record cannot be sent. */
static void nvirt_nl_nic_too_big(const struct nvirt_nic *nic,
				 struct netlink_ext_ack *extack)
{
	NL_SET_ERR_MSG_FMT(extack, "%s has too many VFs to describe (%u)",
			   nic->dev->name, nvirt_caps_max_vfs(nic->dev));
}

/* Notifications go out only while the family is registered. */
static bool nvirt_nl_live;

/**
 * nvirt_nl_ntf_new() - start a notification, if anyone is to hear it
 * @net: the namespace to tell
 * @cmd: the notification's command
 * @hdr: set to its generic netlink header
 *
 * Context: RTNL held.
 * Return: the message to fill, or NULL when nobody listens in @net (a new
 * listener is brought up to date by a rescan) or memory is short (the
 * listeners are told they lost it).
 */
struct sk_buff *nvirt_nl_ntf_new(struct net *net, u8 cmd, void **hdr)
{
	struct sk_buff *msg;

	ASSERT_RTNL();
	if (!nvirt_nl_has_listeners(net))
		return NULL;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		goto err_lost;
	*hdr = genlmsg_put(msg, 0, 0, &nvirt_nl_family, 0, cmd);
	if (!*hdr)
		goto err_free_msg;
	return msg;

err_free_msg:
	nlmsg_free(msg);
err_lost:
	nvirt_nl_ntf_lost(net);
	return NULL;
}

/**
 * nvirt_nl_ntf_lost() - tell a namespace's listeners they missed an event
 * @net: the namespace
 *
 * A notification that cannot be built is not dropped in silence: the
 * listeners' sockets report ENOBUFS, as when they fall behind, and they
 * read the state again.
 *
 * Context: RTNL held.
 */
void nvirt_nl_ntf_lost(struct net *net)
{
	genl_set_err(&nvirt_nl_family, net, 0, NVIRT_NLGRP_MONITOR, -ENOBUFS);
}

/**
 * nvirt_nl_ntf_send() - multicast a notification unless it repeats
 * @net: the namespace to tell
 * @msg: the notification from nvirt_nl_ntf_new(), filled; consumed
 * @hdr: its header
 * @last: hash of the record last notified; updated unless it is lost
 * @change: a change notification, dropped when the record did not change
 * @quiet: remember the record, send nothing
 * @cause_attr: the record's attribute for the cause
 * @cause: enum nvirt_cause, what made it happen; not part of the record
 *	compared, so one change is announced once whatever its causes
 *
 * Context: RTNL held.
 */
void nvirt_nl_ntf_send(struct net *net, struct sk_buff *msg, void *hdr,
		       u32 *last, bool change, bool quiet, int cause_attr,
		       u8 cause)
{
	struct genlmsghdr *ghdr = nlmsg_data(nlmsg_hdr(msg));
	u32 hash;

	genlmsg_end(msg, hdr);
	hash = jhash(genlmsg_data(ghdr), genlmsg_len(ghdr), 0);
	if ((change && hash == *last) || quiet) {
		*last = hash;
		nlmsg_free(msg);
		return;
	}
	/* Lost, not remembered: a rescan sends a change again. */
	if (nla_put_u32(msg, cause_attr, cause)) {
		nlmsg_free(msg);
		nvirt_nl_ntf_lost(net);
		return;
	}
	genlmsg_end(msg, hdr);
	*last = hash;
	genlmsg_multicast_netns(&nvirt_nl_family, net, msg, 0,
				NVIRT_NLGRP_MONITOR, GFP_KERNEL);
}

/**
 * nvirt_nl_nic_notify() - tell a NIC's namespace that its record changed
 * @nic: the NIC
 * @event: what happened to it
 * @quiet: remember the record, send nothing
 * @cause: enum nvirt_cause: netdev, or rescan for a change no event told
 *
 * A change notification is sent only when the record differs from the last
 * one sent (or remembered), so each change is announced once however many
 * kernel events it causes. Without listeners nothing is built at all. One
 * that cannot be built is lost to the listeners, and a change sent again
 * by the next rescan.
 *
 * Context: RTNL held.
 */
void nvirt_nl_nic_notify(struct nvirt_nic *nic, enum nvirt_ntf event,
			 bool quiet, u8 cause)
{
	static const u8 cmds[] = {
		[NVIRT_NTF_ADD] = NVIRT_CMD_NIC_ADD_NTF,
		[NVIRT_NTF_DEL] = NVIRT_CMD_NIC_DEL_NTF,
		[NVIRT_NTF_CHANGE] = NVIRT_CMD_NIC_CHANGE_NTF,
	};
	struct net *net = dev_net(nic->dev);
	struct sk_buff *msg;
	void *hdr;

	if (!nvirt_nl_has_listeners(net))
		return;
	msg = nvirt_nl_nic_msg(nic, NULL, cmds[event], &hdr);
	if (IS_ERR(msg)) {
		if (!quiet)
			nvirt_nl_ntf_lost(net);
		return;
	}
	nvirt_nl_ntf_send(net, msg, hdr, &nic->ntf_hash,
			  event == NVIRT_NTF_CHANGE, quiet, NVIRT_A_NIC_CAUSE,
			  cause);
}

/**
 * nvirt_nl_has_listeners() - whether anyone in a namespace monitors NICs
 * @net: the namespace
 *
 * Return: true when the monitor group has members in @net.
 */
bool nvirt_nl_has_listeners(struct net *net)
{
	return READ_ONCE(nvirt_nl_live) &&
	       genl_has_listeners(&nvirt_nl_family, net, NVIRT_NLGRP_MONITOR);
}

/* Someone joins a group: start watching for changes no event announces. */
static int nvirt_nl_bind(int mcgrp)
{
	nvirt_nic_listener_joined();
	return 0;
}

int nvirt_nl_nic_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nic *nic = info->user_ptr[NVIRT_UP_NIC];
	struct sk_buff *msg;
	void *hdr;

	msg = nvirt_nl_nic_msg(nic, info, 0, &hdr);
	if (IS_ERR(msg)) {
		if (PTR_ERR(msg) == -EMSGSIZE)
			nvirt_nl_nic_too_big(nic, info->extack);
		return PTR_ERR(msg);
	}
	return genlmsg_reply(msg, info);
}

/**
 * nvirt_nl_nic_get_dump_start() - start a dump of the NICs
 * @cb: the dump
 *
 * Each part of the dump is a message that holds the biggest record at
 * least, as a record cannot be split.
 *
 * Return: 0, or a negative errno when the request has attributes.
 */
int nvirt_nl_nic_get_dump_start(struct netlink_callback *cb)
{
	struct net *net = sock_net(cb->skb->sk);
	unsigned long ifindex = 0;
	struct nvirt_nic *nic;
	size_t size = 0;
	int err;

	err = nvirt_nl_no_attrs_start(cb);
	if (err)
		return err;
	rtnl_lock();
	for (; (nic = nvirt_nic_next(net, &ifindex)); ifindex++)
		size = max(size, nvirt_nl_nic_size(nic));
	rtnl_unlock();
	size = min_t(size_t, size, NVIRT_NL_NIC_MAX_SIZE);
	cb->min_dump_alloc = nvirt_nl_msg_size(size);
	return 0;
}

int nvirt_nl_nic_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genl_info *info = genl_info_dump(cb);
	struct net *net = sock_net(skb->sk);
	unsigned long ifindex = cb->args[0];
	struct nvirt_nic *nic;
	size_t size = 0;
	int err = 0;

	rtnl_lock();
	/* NICs coming or going between parts mark the dump interrupted. */
	cb->seq = nvirt_nic_gen(net);
	for (; (nic = nvirt_nic_next(net, &ifindex)); ifindex++) {
		err = nvirt_nl_nic_fill(skb, genlmsg_iput(skb, info), nic, cb);
		if (err)
			break;
	}
	if (err == -EMSGSIZE) {
		size = nvirt_nl_nic_size(nic);
		/* Not even alone: too big, or grown since the part began. */
		if (!skb->len && size > NVIRT_NL_NIC_MAX_SIZE)
			nvirt_nl_nic_too_big(nic, cb->extack);
		else if (!skb->len)
			NL_SET_ERR_MSG_FMT(cb->extack,
					   "The record of %s grew during the dump: dump again",
					   nic->dev->name);
	}
	rtnl_unlock();
	cb->args[0] = ifindex;

	/*
	 * A full skb ends this part of the dump; the next one resumes here,
	 * with room for this NIC.
	 */
	if (err == -EMSGSIZE && skb->len) {
		size = nvirt_nl_msg_size(min_t(size_t, size, NVIRT_NL_NIC_MAX_SIZE));
		cb->min_dump_alloc = max_t(size_t, cb->min_dump_alloc, size);
		return skb->len;
	}
	return err;
}

int nvirt_nl_nic_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nic *nic = info->user_ptr[NVIRT_UP_NIC];

	if (info->attrs[NVIRT_A_NIC_MANAGED])
		nic->managed = nla_get_u32(info->attrs[NVIRT_A_NIC_MANAGED]);
	return 0;
}

/* A NIC request, as the handler hands it to the core. */
struct nvirt_nl_nic_req {
	struct nvirt_req req;
	struct genl_info *info;
};

static struct net_device *nvirt_nl_nic_req_dev(struct nvirt_req *req)
{
	struct nvirt_nl_nic_req *r;

	r = container_of(req, struct nvirt_nl_nic_req, req);
	return nvirt_nl_dev_lookup(r->info, NVIRT_A_NIC_IFINDEX,
				   NVIRT_A_NIC_IFNAME);
}

int nvirt_nl_nic_verify_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_nic_req r = {
		.req = {
			.net = genl_info_net(info),
			.extack = info->extack,
			.parent = nvirt_nl_nic_req_dev,
			.forget = nla_get_flag(info->attrs[NVIRT_A_NIC_VERIFY_FORGET]),
		},
		.info = info,
	};
	struct nvirt_nic *nic;
	struct sk_buff *msg;
	void *hdr;
	int err;

	err = nvirt_req_nic_verify(&r.req);
	if (err)
		return err;
	rtnl_lock();
	nic = nvirt_nl_nic_lookup(info);
	msg = IS_ERR(nic) ? ERR_CAST(nic) : nvirt_nl_nic_msg(nic, info, 0, &hdr);
	if (PTR_ERR(msg) == -EMSGSIZE)
		nvirt_nl_nic_too_big(nic, info->extack);
	rtnl_unlock();
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

/**
 * nvirt_nl_init() - register the nvirt generic netlink family
 *
 * Return: 0 or a negative errno.
 */
int nvirt_nl_init(void)
{
	int err;

	err = nvirt_genl_register(&nvirt_nl_family, nvirt_nl_bind);
	if (err)
		return err;
	rtnl_lock();
	WRITE_ONCE(nvirt_nl_live, true);
	rtnl_unlock();
	return 0;
}

/**
 * nvirt_nl_exit() - unregister the nvirt generic netlink family
 */
void nvirt_nl_exit(void)
{
	rtnl_lock();
	WRITE_ONCE(nvirt_nl_live, false);
	rtnl_unlock();
	nvirt_genl_unregister(&nvirt_nl_family);
}
