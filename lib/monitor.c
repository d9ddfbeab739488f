// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: the monitor, the NIC, VIF, named policy and pool
 * notifications of the "monitor" multicast group.
 *
 * They arrive on a socket of their own, so requests on the handle still
 * work meanwhile. Notifications answer no request: that socket checks no
 * sequence numbers, only that the kernel sent them. Each carries a NIC's,
 * a VIF's, a named policy's or a pool's whole record, read as a get reply
 * is; a VIF's may carry a plan too, saying why it moved to another
 * backend.
 */

#include <errno.h>
#include <sys/socket.h>

#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/handlers.h>
#include <netlink/socket.h>

#include "internal.h"

static const char *const event_names[] = {
	[NVIRT_EVENT_NIC_ADD]		= "add",
	[NVIRT_EVENT_NIC_DEL]		= "del",
	[NVIRT_EVENT_NIC_CHANGE]	= "change",
	[NVIRT_EVENT_VIF_ADD]		= "add",
	[NVIRT_EVENT_VIF_DEL]		= "del",
	[NVIRT_EVENT_VIF_CHANGE]	= "change",
	[NVIRT_EVENT_POLICY_ADD]	= "add",
	[NVIRT_EVENT_POLICY_DEL]	= "del",
	[NVIRT_EVENT_POLICY_CHANGE]	= "change",
	[NVIRT_EVENT_POOL_ADD]		= "add",
	[NVIRT_EVENT_POOL_DEL]		= "del",
	[NVIRT_EVENT_POOL_CHANGE]	= "change",
};

const char *nvirt_event_name(enum nvirt_event ev)
{
	return nvirt_code_name(event_names, ARRAY_SIZE(event_names), ev);
}

unsigned int nvirt_event_cause(const struct nvirt *h)
{
	return h->cause;
}

const struct nvirt_pool *nvirt_event_pool(const struct nvirt *h)
{
	return h->pool;
}

/* The attribute of an event's record that says its cause. */
static int mon_cause_attr(enum nvirt_event ev)
{
	if (ev <= NVIRT_EVENT_NIC_CHANGE)
		return NVIRT_A_NIC_CAUSE;
	if (ev <= NVIRT_EVENT_VIF_CHANGE)
		return NVIRT_A_VIF_CAUSE;
	if (ev <= NVIRT_EVENT_POLICY_CHANGE)
		return NVIRT_A_NAMED_POLICY_CAUSE;
	return NVIRT_A_POOL_CAUSE;
}

/* The event a notification announces; 0 for a command we do not know. */
static enum nvirt_event mon_event(uint8_t cmd)
{
	switch (cmd) {
	case NVIRT_CMD_NIC_ADD_NTF:
		return NVIRT_EVENT_NIC_ADD;
	case NVIRT_CMD_NIC_DEL_NTF:
		return NVIRT_EVENT_NIC_DEL;
	case NVIRT_CMD_NIC_CHANGE_NTF:
		return NVIRT_EVENT_NIC_CHANGE;
	case NVIRT_CMD_VIF_ADD_NTF:
		return NVIRT_EVENT_VIF_ADD;
	case NVIRT_CMD_VIF_DEL_NTF:
		return NVIRT_EVENT_VIF_DEL;
	case NVIRT_CMD_VIF_CHANGE_NTF:
		return NVIRT_EVENT_VIF_CHANGE;
	case NVIRT_CMD_POLICY_ADD_NTF:
		return NVIRT_EVENT_POLICY_ADD;
	case NVIRT_CMD_POLICY_DEL_NTF:
		return NVIRT_EVENT_POLICY_DEL;
	case NVIRT_CMD_POLICY_CHANGE_NTF:
		return NVIRT_EVENT_POLICY_CHANGE;
	case NVIRT_CMD_POOL_ADD_NTF:
		return NVIRT_EVENT_POOL_ADD;
	case NVIRT_CMD_POOL_DEL_NTF:
		return NVIRT_EVENT_POOL_DEL;
	case NVIRT_CMD_POOL_CHANGE_NTF:
		return NVIRT_EVENT_POOL_CHANGE;
	}
	return 0;
}

/* Where the events of a read go. */
struct mon_rx {
	struct nvirt *h;
	nvirt_event_cb cb;
	void *arg;
	bool pools;		/* deliver pools' events: @cb knows them */
	int ret;		/* @cb's non-zero value, or a negative errno */
};

/* The record of an event's object: one of them, the others NULL. */
struct mon_obj {
	struct nvirt_nic *nic;
	struct nvirt_vif *vif;
	struct nvirt_named_policy *policy;
	struct nvirt_pool *pool;
};

static int mon_valid(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct mon_rx *rx = arg;
	struct mon_obj obj = { 0 };
	struct nlattr *cause;
	enum nvirt_event ev;
	int err;

	if (nlh->nlmsg_type != rx->h->family || !genlmsg_valid_hdr(nlh, 0))
		return NL_SKIP;
	ev = mon_event(((struct genlmsghdr *)nlmsg_data(nlh))->cmd);
	if (!ev || (ev >= NVIRT_EVENT_POOL_ADD && !rx->pools))
		return NL_SKIP;

	/* Records of their own: the callback may make requests. */
	if (ev <= NVIRT_EVENT_NIC_CHANGE)
		err = nvirt_nic_parse(nlh, &obj.nic);
	else if (ev <= NVIRT_EVENT_VIF_CHANGE)
		err = nvirt_vif_parse(nlh, &obj.vif);
	else if (ev <= NVIRT_EVENT_POLICY_CHANGE)
		err = nvirt_named_policy_parse(nlh, &obj.policy);
	else
		err = nvirt_pool_parse(nlh, &obj.pool);
	if (err) {
		rx->ret = nvirt_fail(rx->h, err, err == -EBADMSG ?
				     "malformed notification from the kernel" :
				     NULL);
		return NL_STOP;
	}
	cause = nlmsg_find_attr(nlh, GENL_HDRLEN, mon_cause_attr(ev));
	rx->h->cause = cause && nla_len(cause) == sizeof(uint32_t) ?
		       nla_get_u32(cause) : 0;
	rx->h->pool = obj.pool;
	rx->ret = rx->cb(ev, obj.nic, obj.vif, obj.policy, rx->arg);
	rx->h->cause = 0;
	rx->h->pool = NULL;
	nvirt_free(obj.nic);
	nvirt_free(obj.vif);
	nvirt_free(obj.policy);
	nvirt_free(obj.pool);
	return rx->ret ? NL_STOP : NL_OK;
}

int nvirt_monitor_start(struct nvirt *h)
{
	struct nl_sock *sk;
	int grp, err;

	if (h->mon)
		return 0;

	grp = genl_ctrl_resolve_grp(h->sk, NVIRT_FAMILY_NAME,
				    NVIRT_MCGRP_MONITOR);
	if (grp < 0)
		return nvirt_fail(h, nvirt_nl_errno(grp),
				  grp == -NLE_OBJ_NOTFOUND ?
				  "the nvirt module has no monitor group" : NULL);

	sk = nl_socket_alloc();
	if (!sk)
		return nvirt_fail(h, -ENOMEM, NULL);
	nl_socket_disable_seq_check(sk);
	nl_socket_modify_cb(sk, NL_CB_MSG_IN, NL_CB_CUSTOM, nvirt_from_kernel,
			    NULL);
	err = genl_connect(sk);
	if (!err)
		err = nl_socket_add_membership(sk, grp);
	if (err) {
		nl_socket_free(sk);
		return nvirt_fail(h, nvirt_nl_errno(err), NULL);
	}
	h->mon = sk;
	return 0;
}

int nvirt_monitor_fd(struct nvirt *h)
{
	int err = nvirt_monitor_start(h);

	return err ? err : nl_socket_get_fd(h->mon);
}

/*
 * Is a notification waiting? Wait for one when @block. 1: yes, 0: no, or
 * a negative errno. Signals do not interrupt the wait.
 */
static int mon_pending(struct nvirt *h, bool block)
{
	int fd = nl_socket_get_fd(h->mon);
	char byte;

	for (;;) {
		if (recv(fd, &byte, sizeof(byte),
			 MSG_PEEK | (block ? 0 : MSG_DONTWAIT)) >= 0)
			return 1;
		if (errno == EAGAIN)
			return 0;
		if (errno == ENOBUFS)
			return nvirt_fail(h, -ENOBUFS,
					  "events were lost: the monitor fell behind");
		if (errno != EINTR)
			return nvirt_fail(h, -errno, NULL);
	}
}

/* Read what is waiting, one datagram, and deliver its events. */
static int mon_read(struct nvirt *h, struct mon_rx *rx)
{
	int err;

	nl_socket_modify_cb(h->mon, NL_CB_VALID, NL_CB_CUSTOM, mon_valid, rx);
	err = nl_recvmsgs_default(h->mon);
	if (err < 0)
		return nvirt_fail(h, nvirt_nl_errno(err), NULL);
	return rx->ret;
}

/*
 * Deliver events until @cb stops, an error or, unless @block, none waits;
 * pools' too when @pools.
 */
static int mon_run(struct nvirt *h, nvirt_event_cb cb, void *arg, bool block,
		   bool pools)
{
	struct mon_rx rx = { .h = h, .cb = cb, .arg = arg, .pools = pools };
	int ret;

	/* Warnings belong to requests; none is left from an earlier one. */
	h->warning[0] = '\0';
	ret = nvirt_monitor_start(h);
	while (!ret && (ret = mon_pending(h, block)) > 0)
		ret = mon_read(h, &rx);
	return ret;
}

int nvirt_monitor_v(struct nvirt *h, nvirt_event_cb cb, void *arg)
{
	return mon_run(h, cb, arg, true, true);
}
NVIRT_LATEST(nvirt_monitor, "NVIRT_0.5");

int nvirt_monitor_step_v(struct nvirt *h, nvirt_event_cb cb, void *arg)
{
	return mon_run(h, cb, arg, false, true);
}
NVIRT_LATEST(nvirt_monitor_step, "NVIRT_0.5");

NVIRT_OLD(nvirt_monitor_v3, nvirt_monitor, "NVIRT_0.3");
int nvirt_monitor_v3(struct nvirt *h, nvirt_event_cb cb, void *arg)
{
	return mon_run(h, cb, arg, true, false);
}

NVIRT_OLD(nvirt_monitor_step_v3, nvirt_monitor_step, "NVIRT_0.3");
int nvirt_monitor_step_v3(struct nvirt *h, nvirt_event_cb cb, void *arg)
{
	return mon_run(h, cb, arg, false, false);
}
