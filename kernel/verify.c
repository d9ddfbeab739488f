// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: testing what a NIC declares, where it is safe to (nic verify).
 *
 * A driver that has ndo_set_vf_spoofchk declares VF spoof-checking; the
 * NIC under it may not do it (QEMU's igb takes the setting and drops
 * nothing). nvirt makes a VF VIF for the test, spoof-check on, on the
 * VIF's own NIC, like any (a free VF, enabled if need be), and sends from
 * its netdev frames of a protocol of its own to the PF: first some whose
 * source MAC is not the VF's, then as many whose source is. The PF's
 * receive side counts both. Spoofed frames that reach the PF fail the
 * knob; none, while the VF's own frames do, pass it; none of either says
 * nothing (the path between the VF and the PF is not one the NIC
 * switches), and the knob stays untested. The VIF is deleted after.
 *
 * What a test found stays with the NIC (struct nvirt_nic's verified) and
 * is in its record; the planner counts a knob that failed as missing.
 */

#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <linux/random.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/wait.h>
#include <net/net_namespace.h>

#include "caps.h"
#include "netlink.h"
#include "nic.h"
#include "request.h"
#include "verify.h"
#include "vif.h"

/* Frames of each kind a test sends. */
#define NVIRT_VERIFY_FRAMES	20
/* IEEE 802 local experimental Ethertype 1: nobody else's protocol. */
#define NVIRT_VERIFY_PROTO	ETH_P_802_EX1
/* How long the VF's own frames get to arrive. */
#define NVIRT_VERIFY_WAIT	(2 * HZ)
/* How long the VF's link and the PF's get to come up. */
#define NVIRT_VERIFY_LINK_WAIT	(15 * HZ)

/**
 * struct nvirt_verify_rx - what the PF's receive side counts
 * @pt: the handler of NVIRT_VERIFY_PROTO on the PF
 * @cookie: the test's, in each frame, for frames of no other test
 * @own: the VF's MAC
 * @spoofed: the source of the spoofed frames
 * @own_seen: the VF's own frames received
 * @spoofed_seen: spoofed frames received
 * @wq: woken by each frame
 */
struct nvirt_verify_rx {
	struct packet_type pt;
	__be32 cookie;
	u8 own[ETH_ALEN];
	u8 spoofed[ETH_ALEN];
	atomic_t own_seen;
	atomic_t spoofed_seen;
	wait_queue_head_t wq;
};

static int nvirt_verify_rcv(struct sk_buff *skb, struct net_device *dev,
			    struct packet_type *pt, struct net_device *orig)
{
	struct nvirt_verify_rx *rx = container_of(pt, struct nvirt_verify_rx,
						  pt);
	const u8 *src = eth_hdr(skb)->h_source;
	__be32 cookie;

	if (skb_copy_bits(skb, 0, &cookie, sizeof(cookie)) ||
	    cookie != rx->cookie)
		goto out;
	if (ether_addr_equal(src, rx->own))
		atomic_inc(&rx->own_seen);
	else if (ether_addr_equal(src, rx->spoofed))
		atomic_inc(&rx->spoofed_seen);
	wake_up(&rx->wq);
out:
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

/* Send one frame of the test from @dev to @dst, its source @src. */
static int nvirt_verify_send(struct net_device *dev, const u8 *dst,
			     const u8 *src, __be32 cookie)
{
	unsigned int hr = LL_RESERVED_SPACE(dev);
	struct ethhdr *eth;
	struct sk_buff *skb;

	skb = alloc_skb(hr + ETH_ZLEN + dev->needed_tailroom, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, hr);
	memcpy(skb_put_zero(skb, ETH_ZLEN - ETH_HLEN), &cookie,
	       sizeof(cookie));
	eth = skb_push(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, dst);
	ether_addr_copy(eth->h_source, src);
	eth->h_proto = htons(NVIRT_VERIFY_PROTO);
	skb_reset_mac_header(skb);
	skb->dev = dev;
	skb->protocol = eth->h_proto;
	return dev_queue_xmit(skb);
}

/* The test VIF's request: on the NIC of @ifindex. */
struct nvirt_verify_req {
	struct nvirt_req req;
	int ifindex;
};

static struct net_device *nvirt_verify_parent(struct nvirt_req *req)
{
	struct nvirt_verify_req *r;
	struct net_device *dev;

	r = container_of(req, struct nvirt_verify_req, req);
	dev = __dev_get_by_index(req->net, r->ifindex);
	return dev ?: ERR_PTR(-ENODEV);
}

/**
 * struct nvirt_verify_run - one test of VF spoof-checking
 * @net: the NIC's namespace
 * @pf: the NIC, held
 * @pf_tracker: tracker of @pf
 * @vf: the test VIF's netdev, held
 * @vf_tracker: tracker of @vf
 * @name: the test VIF's name
 * @rx: what the PF received
 * @note: what was found, for the extack message
 */
struct nvirt_verify_run {
	struct net *net;
	struct net_device *pf;
	netdevice_tracker pf_tracker;
	struct net_device *vf;
	netdevice_tracker vf_tracker;
	char name[IFNAMSIZ];
	struct nvirt_verify_rx rx;
	char note[NVIRT_PLAN_TEXT];
};

/* Make the test VIF and hold its netdev, up; false: untested, in @t->note. */
static bool nvirt_verify_vif_new(struct nvirt_verify_run *t)
{
	struct nvirt_vif_cfg cfg = {
		.set = BIT(NVIRT_CFG_BACKEND) | BIT(NVIRT_CFG_SPOOFCHK),
		.spoofchk = true,
		.policy.backend = NVIRT_BACKEND_VF,
	};
	struct nvirt_verify_req r = {
		.req = {
			.net = t->net, .name = t->name, .cfg = &cfg,
			.parent = nvirt_verify_parent,
		},
		.ifindex = t->pf->ifindex,
	};
	struct netlink_ext_ack ext = {};
	struct nvirt_vif *vif;
	int err;

	r.req.extack = &ext;
	err = nvirt_req_vif_new(&r.req);
	if (err < 0) {
		snprintf(t->note, sizeof(t->note), "no test VIF: %s",
			 ext._msg ?: "refused");
		return false;
	}
	rtnl_lock();
	vif = nvirt_vif_find(t->net, 0, t->name);
	if (vif && vif->dev) {
		t->vf = vif->dev;
		netdev_hold(t->vf, &t->vf_tracker, GFP_KERNEL);
		ether_addr_copy(t->rx.own, t->vf->dev_addr);
		err = dev_open(t->vf, NULL);
	}
	rtnl_unlock();
	if (!t->vf || err) {
		snprintf(t->note, sizeof(t->note), "the test VF's netdev %s",
			 t->vf ? "does not open" : "is gone");
		return false;
	}
	return true;
}

/* Delete the test VIF, and let go of its netdev. */
static void nvirt_verify_vif_del(struct nvirt_verify_run *t)
{
	struct netlink_ext_ack ext = {};
	struct nvirt_vif *vif;

	if (t->vf)
		netdev_put(t->vf, &t->vf_tracker);
	rtnl_lock();
	vif = nvirt_vif_find(t->net, 0, t->name);
	if (vif && nvirt_vif_del(vif, NVIRT_CAUSE_REQUEST, &ext))
		pr_warn("nic verify: test VIF %s left: %s\n", t->name,
			ext._msg ?: "busy");
	rtnl_unlock();
}

/* Send the frames and count what the PF got; the result. */
static u8 nvirt_verify_frames(struct nvirt_verify_run *t)
{
	struct nvirt_verify_rx *rx = &t->rx;
	unsigned int own, spoofed, i;

	ether_addr_copy(rx->spoofed, rx->own);
	rx->spoofed[ETH_ALEN - 1] ^= 0x5a;
	rx->cookie = (__force __be32)get_random_u32();
	init_waitqueue_head(&rx->wq);
	rx->pt.type = htons(NVIRT_VERIFY_PROTO);
	rx->pt.dev = t->pf;
	rx->pt.func = nvirt_verify_rcv;

	nvirt_nic_wait_link(t->vf, NVIRT_VERIFY_LINK_WAIT);
	nvirt_nic_wait_link(t->pf, NVIRT_VERIFY_LINK_WAIT);
	dev_add_pack(&rx->pt);
	/* The spoofed first: once the VF's own are in, so would they be. */
	for (i = 0; i < NVIRT_VERIFY_FRAMES; i++)
		nvirt_verify_send(t->vf, t->pf->dev_addr, rx->spoofed,
				  rx->cookie);
	for (i = 0; i < NVIRT_VERIFY_FRAMES; i++)
		nvirt_verify_send(t->vf, t->pf->dev_addr, rx->own, rx->cookie);
	wait_event_timeout(rx->wq,
			   atomic_read(&rx->own_seen) >= NVIRT_VERIFY_FRAMES,
			   NVIRT_VERIFY_WAIT);
	dev_remove_pack(&rx->pt);

	own = atomic_read(&rx->own_seen);
	spoofed = atomic_read(&rx->spoofed_seen);
	if (spoofed) {
		snprintf(t->note, sizeof(t->note),
			 "%u of %u spoofed frames crossed (%u of %u own)",
			 spoofed, NVIRT_VERIFY_FRAMES, own, NVIRT_VERIFY_FRAMES);
		return NVIRT_VERIFY_FAILED;
	}
	if (!own) {
		snprintf(t->note, sizeof(t->note),
			 "no frame from the VF reached %s: nothing to tell",
			 t->pf->name);
		return NVIRT_VERIFY_UNTESTED;
	}
	snprintf(t->note, sizeof(t->note),
		 "0 of %u spoofed frames crossed (%u of %u own)",
		 NVIRT_VERIFY_FRAMES, own, NVIRT_VERIFY_FRAMES);
	return NVIRT_VERIFY_PASSED;
}

/* Test VF spoof-checking on the NIC of @t->pf; the result, why in @t->note. */
static u8 nvirt_verify_spoofchk(struct nvirt_verify_run *t)
{
	u8 result = NVIRT_VERIFY_UNTESTED;

	snprintf(t->name, sizeof(t->name), "nvverify%d", t->pf->ifindex);
	if (nvirt_verify_vif_new(t))
		result = nvirt_verify_frames(t);
	nvirt_verify_vif_del(t);
	return result;
}

/* Keep what was found in the NIC's record, and announce it. */
static int nvirt_verify_keep(struct net *net, int ifindex, int knob,
			     u8 result, bool all)
{
	struct net_device *dev;
	struct nvirt_nic *nic;
	int k;

	ASSERT_RTNL();
	dev = __dev_get_by_index(net, ifindex);
	nic = dev ? nvirt_nic_get(net, ifindex) : NULL;
	if (!nic)
		return -ENODEV;
	for (k = 0; k <= NVIRT_KNOB_MAX; k++)
		if (k == knob || all)
			nic->verified[k] = result;
	nvirt_nl_nic_notify(nic, NVIRT_NTF_CHANGE, false, NVIRT_CAUSE_REQUEST);
	return 0;
}

/**
 * nvirt_verify() - test what a NIC declares, and keep what was found
 * @net: the NIC's namespace
 * @ifindex: the NIC
 * @forget: forget what earlier tests found instead
 * @extack: what was found (a message also on success), or why it failed
 *
 * Context: RTNL not held; takes seconds.
 * Return: 0 or a negative errno.
 */
int nvirt_verify(struct net *net, int ifindex, bool forget,
		 struct netlink_ext_ack *extack)
{
	struct nvirt_verify_run *t;
	struct nvirt_caps *caps;
	bool vf_spoofchk;
	u8 result;
	int err;

	if (forget) {
		rtnl_lock();
		err = nvirt_verify_keep(net, ifindex, -1, NVIRT_VERIFY_UNTESTED,
					true);
		rtnl_unlock();
		if (err)
			NL_SET_ERR_MSG(extack, "The NIC went away");
		return err;
	}
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	caps = kmalloc(sizeof(*caps), GFP_KERNEL);
	if (!t || !caps) {
		err = -ENOMEM;
		goto out_free;
	}
	t->net = net;
	rtnl_lock();
	t->pf = __dev_get_by_index(net, ifindex);
	if (t->pf) {
		nvirt_caps_probe(t->pf, caps);
		netdev_hold(t->pf, &t->pf_tracker, GFP_KERNEL);
	}
	rtnl_unlock();
	err = -ENODEV;
	if (!t->pf)
		goto out_free;
	vf_spoofchk = caps->knob[NVIRT_KNOB_VF_SPOOFCHK].support ==
		      NVIRT_SUPPORT_HARDWARE;
	if (!vf_spoofchk) {
		NL_SET_ERR_MSG_FMT(extack, "%s declares nothing nvirt can test yet",
				   t->pf->name);
		err = 0;
		goto out_put;
	}
	if (!netif_running(t->pf)) {
		NL_SET_ERR_MSG_FMT(extack, "%s is down: its frames cannot be counted",
				   t->pf->name);
		err = -ENETDOWN;
		goto out_put;
	}
	/* Untested while it runs: a failed knob would refuse the test's VF. */
	rtnl_lock();
	err = nvirt_verify_keep(net, ifindex, NVIRT_KNOB_VF_SPOOFCHK,
				NVIRT_VERIFY_UNTESTED, false);
	rtnl_unlock();
	if (err)
		goto out_put;
	result = nvirt_verify_spoofchk(t);
	rtnl_lock();
	err = nvirt_verify_keep(net, ifindex, NVIRT_KNOB_VF_SPOOFCHK, result,
				false);
	rtnl_unlock();
	if (!err)
		NL_SET_ERR_MSG_FMT(extack, "vf-spoofchk %s: %s",
				   result == NVIRT_VERIFY_PASSED ? "passed" :
				   result == NVIRT_VERIFY_FAILED ? "failed" :
				   "untested", t->note);
out_put:
	netdev_put(t->pf, &t->pf_tracker);
out_free:
	kfree(caps);
	kfree(t);
	return err;
}
