// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: NICs (NVIRT_CMD_NIC_GET, NVIRT_CMD_NIC_SET), and the record
 * of a NIC that nic-get replies and the monitor's notifications carry.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define NIC_ADDR_LEN	FIELD_SIZE(struct nvirt_nic, address)

static const char *const nic_attr_names[NVIRT_A_NIC_MAX + 1] = {
	[NVIRT_A_NIC_IFINDEX]		= "ifindex",
	[NVIRT_A_NIC_IFNAME]		= "ifname",
	[NVIRT_A_NIC_DRIVER]		= "driver",
	[NVIRT_A_NIC_BUS]		= "bus",
	[NVIRT_A_NIC_BUS_ADDR]		= "bus-addr",
	[NVIRT_A_NIC_ADDRESS]		= "address",
	[NVIRT_A_NIC_PERM_ADDRESS]	= "perm-address",
	[NVIRT_A_NIC_MTU]		= "mtu",
	[NVIRT_A_NIC_MIN_MTU]		= "min-mtu",
	[NVIRT_A_NIC_MAX_MTU]		= "max-mtu",
	[NVIRT_A_NIC_OPERSTATE]		= "operstate",
	[NVIRT_A_NIC_MANAGED]		= "managed",
	[NVIRT_A_NIC_LINK_TYPE]		= "link-type",
	[NVIRT_A_NIC_SPEED]		= "speed",
	[NVIRT_A_NIC_TX_QUEUES]		= "tx-queues",
	[NVIRT_A_NIC_MAX_TX_QUEUES]	= "max-tx-queues",
	[NVIRT_A_NIC_RX_QUEUES]		= "rx-queues",
	[NVIRT_A_NIC_MAX_RX_QUEUES]	= "max-rx-queues",
	[NVIRT_A_NIC_CHANNELS]		= "channels",
	[NVIRT_A_NIC_SRIOV_TOTAL_VFS]	= "sriov-total-vfs",
	[NVIRT_A_NIC_SRIOV_NUM_VFS]	= "sriov-num-vfs",
	[NVIRT_A_NIC_VF]		= "vf",
	[NVIRT_A_NIC_PF_BUS_ADDR]	= "pf-bus-addr",
	[NVIRT_A_NIC_PF_IFINDEX]	= "pf-ifindex",
	[NVIRT_A_NIC_CAUSE]		= "cause",
	[NVIRT_A_NIC_VF_INDEX]		= "vf-index",
	[NVIRT_A_NIC_CAP]		= "cap",
	[NVIRT_A_NIC_ESW_MODE]		= "esw-mode",
	[NVIRT_A_NIC_HOLDER]		= "holder",
	[NVIRT_A_NIC_HOLDER_IFNAME]	= "holder-ifname",
	[NVIRT_A_NIC_VERIFY_FORGET]	= "verify-forget",
};

/*
 * Descriptive strings longer than our fields are cut, not refused. The
 * nests are checked when they are parsed, with the policies below.
 */
static const struct nla_policy nic_policy[NVIRT_A_NIC_MAX + 1] = {
	[NVIRT_A_NIC_IFINDEX]	= NVIRT_POLICY_U32,
	[NVIRT_A_NIC_IFNAME]	= { .type = NLA_STRING,
				    .maxlen = FIELD_SIZE(struct nvirt_nic, ifname) },
	[NVIRT_A_NIC_DRIVER]	= { .type = NLA_STRING },
	[NVIRT_A_NIC_BUS]	= { .type = NLA_STRING },
	[NVIRT_A_NIC_BUS_ADDR]	= { .type = NLA_STRING },
	[NVIRT_A_NIC_ADDRESS]	= { .type = NLA_UNSPEC, .maxlen = NIC_ADDR_LEN },
	[NVIRT_A_NIC_PERM_ADDRESS] = { .type = NLA_UNSPEC, .maxlen = NIC_ADDR_LEN },
	[NVIRT_A_NIC_MTU ... NVIRT_A_NIC_MAX_MTU] = NVIRT_POLICY_U32,
	[NVIRT_A_NIC_OPERSTATE]	= NVIRT_POLICY_U32,
	[NVIRT_A_NIC_MANAGED]	= NVIRT_POLICY_U32,
	[NVIRT_A_NIC_LINK_TYPE]	= NVIRT_POLICY_U32,
	[NVIRT_A_NIC_SPEED ... NVIRT_A_NIC_MAX_RX_QUEUES] = NVIRT_POLICY_U32,
	[NVIRT_A_NIC_CHANNELS]	= { .type = NLA_NESTED },
	[NVIRT_A_NIC_SRIOV_TOTAL_VFS] = NVIRT_POLICY_U32,
	[NVIRT_A_NIC_SRIOV_NUM_VFS] = NVIRT_POLICY_U32,
	[NVIRT_A_NIC_VF]	= { .type = NLA_NESTED },
	[NVIRT_A_NIC_PF_BUS_ADDR] = { .type = NLA_STRING },
	[NVIRT_A_NIC_PF_IFINDEX] = NVIRT_POLICY_U32,
	[NVIRT_A_NIC_CAUSE] = NVIRT_POLICY_U32,
	[NVIRT_A_NIC_VF_INDEX]	= NVIRT_POLICY_U32,
	[NVIRT_A_NIC_CAP]	= { .type = NLA_NESTED },
	[NVIRT_A_NIC_ESW_MODE]	= NVIRT_POLICY_U32,
	[NVIRT_A_NIC_HOLDER]	= NVIRT_POLICY_U32,
	[NVIRT_A_NIC_HOLDER_IFNAME] = { .type = NLA_STRING,
				.maxlen = FIELD_SIZE(struct nvirt_nic, holder_ifname) },
	[NVIRT_A_NIC_VERIFY_FORGET] = { .type = NLA_FLAG },
};

static const struct nla_policy channels_policy[NVIRT_A_CHANNELS_MAX + 1] = {
	[NVIRT_A_CHANNELS_RX ... NVIRT_A_CHANNELS_MAX] = NVIRT_POLICY_U32,
};

static const struct nla_policy vf_policy[NVIRT_A_VF_MAX + 1] = {
	[NVIRT_A_VF_INDEX]	= NVIRT_POLICY_U32,
	[NVIRT_A_VF_BUS_ADDR]	= { .type = NLA_STRING },
	[NVIRT_A_VF_IFINDEX]	= NVIRT_POLICY_U32,
};

static const struct nla_policy cap_policy[NVIRT_A_CAP_MAX + 1] = {
	[NVIRT_A_CAP_KNOB]	= NVIRT_POLICY_U32,
	[NVIRT_A_CAP_SUPPORT]	= NVIRT_POLICY_U32,
	[NVIRT_A_CAP_REASON]	= NVIRT_POLICY_U32,
	[NVIRT_A_CAP_VERIFIED]	= NVIRT_POLICY_U32,
};

/* What names a NIC in a request, and what to change on it. */
struct nic_sel {
	uint32_t ifindex;
	const char *ifname;
	int managed;		/* 0, 1, or -1 to leave it */
	bool forget;		/* nic-verify's verify-forget */
};

static int nic_put(struct nl_msg *msg, const void *arg)
{
	const struct nic_sel *sel = arg;

	if ((sel->ifindex &&
	     nla_put_u32(msg, NVIRT_A_NIC_IFINDEX, sel->ifindex)) ||
	    (sel->ifname &&
	     nla_put_string(msg, NVIRT_A_NIC_IFNAME, sel->ifname)) ||
	    (sel->managed >= 0 &&
	     nla_put_u32(msg, NVIRT_A_NIC_MANAGED, sel->managed)) ||
	    (sel->forget && nla_put_flag(msg, NVIRT_A_NIC_VERIFY_FORGET)))
		return -EMSGSIZE;
	return 0;
}

static uint32_t nic_addr(uint8_t *dst, const struct nlattr *attr)
{
	if (!attr)
		return 0;
	memcpy(dst, nla_data(attr), nla_len(attr));
	return nla_len(attr);
}

/* What names the NIC and its link. */
static void nic_link(struct nvirt_nic *nic, struct nlattr **tb)
{
	nic->ifindex = nla_get_u32(tb[NVIRT_A_NIC_IFINDEX]);
	nvirt_attr_str(nic->ifname, sizeof(nic->ifname), tb[NVIRT_A_NIC_IFNAME]);
	if (tb[NVIRT_A_NIC_DRIVER])
		nvirt_attr_str(nic->driver, sizeof(nic->driver),
			       tb[NVIRT_A_NIC_DRIVER]);
	if (tb[NVIRT_A_NIC_BUS])
		nvirt_attr_str(nic->bus, sizeof(nic->bus), tb[NVIRT_A_NIC_BUS]);
	if (tb[NVIRT_A_NIC_BUS_ADDR])
		nvirt_attr_str(nic->bus_addr, sizeof(nic->bus_addr),
			       tb[NVIRT_A_NIC_BUS_ADDR]);
	nic->address_len = nic_addr(nic->address, tb[NVIRT_A_NIC_ADDRESS]);
	nic->perm_address_len = nic_addr(nic->perm_address,
					 tb[NVIRT_A_NIC_PERM_ADDRESS]);
	nic->mtu = nvirt_u32(tb, NVIRT_A_NIC_MTU);
	nic->min_mtu = nvirt_u32(tb, NVIRT_A_NIC_MIN_MTU);
	nic->max_mtu = nvirt_u32(tb, NVIRT_A_NIC_MAX_MTU);
	if (tb[NVIRT_A_NIC_OPERSTATE])
		nic->operstate = nla_get_u32(tb[NVIRT_A_NIC_OPERSTATE]);
	if (tb[NVIRT_A_NIC_MANAGED])
		nic->managed = nla_get_u32(tb[NVIRT_A_NIC_MANAGED]);
	if (tb[NVIRT_A_NIC_LINK_TYPE])
		nic->link_type = nla_get_u32(tb[NVIRT_A_NIC_LINK_TYPE]);
	nic->has_esw_mode = tb[NVIRT_A_NIC_ESW_MODE] != NULL;
	if (nic->has_esw_mode)
		nic->esw_mode = nla_get_u32(tb[NVIRT_A_NIC_ESW_MODE]);
	nic->has_holder = tb[NVIRT_A_NIC_HOLDER] != NULL;
	if (nic->has_holder)
		nic->holder = nla_get_u32(tb[NVIRT_A_NIC_HOLDER]);
	if (tb[NVIRT_A_NIC_HOLDER_IFNAME])
		nvirt_attr_str(nic->holder_ifname, sizeof(nic->holder_ifname),
			       tb[NVIRT_A_NIC_HOLDER_IFNAME]);
}

/* Its speed, queues and channels. */
static int nic_queues(struct nvirt_nic *nic, struct nlattr **tb)
{
	struct nlattr *ch_tb[NVIRT_A_CHANNELS_MAX + 1];
	struct nvirt_channels *ch = &nic->channels;
	int err;

	nic->has_speed = tb[NVIRT_A_NIC_SPEED] != NULL;
	nic->speed = nvirt_u32(tb, NVIRT_A_NIC_SPEED);
	nic->tx_queues = nvirt_u32(tb, NVIRT_A_NIC_TX_QUEUES);
	nic->max_tx_queues = nvirt_u32(tb, NVIRT_A_NIC_MAX_TX_QUEUES);
	nic->rx_queues = nvirt_u32(tb, NVIRT_A_NIC_RX_QUEUES);
	nic->max_rx_queues = nvirt_u32(tb, NVIRT_A_NIC_MAX_RX_QUEUES);

	if (!tb[NVIRT_A_NIC_CHANNELS])
		return 0;
	err = nvirt_nest(ch_tb, NVIRT_A_CHANNELS_MAX, tb[NVIRT_A_NIC_CHANNELS],
			 channels_policy, 0);
	if (err)
		return err;
	nic->has_channels = true;
	ch->rx = nvirt_u32(ch_tb, NVIRT_A_CHANNELS_RX);
	ch->tx = nvirt_u32(ch_tb, NVIRT_A_CHANNELS_TX);
	ch->other = nvirt_u32(ch_tb, NVIRT_A_CHANNELS_OTHER);
	ch->combined = nvirt_u32(ch_tb, NVIRT_A_CHANNELS_COMBINED);
	ch->max_rx = nvirt_u32(ch_tb, NVIRT_A_CHANNELS_MAX_RX);
	ch->max_tx = nvirt_u32(ch_tb, NVIRT_A_CHANNELS_MAX_TX);
	ch->max_other = nvirt_u32(ch_tb, NVIRT_A_CHANNELS_MAX_OTHER);
	ch->max_combined = nvirt_u32(ch_tb, NVIRT_A_CHANNELS_MAX_COMBINED);
	return 0;
}

/* Its place in SR-IOV: a PF with VFs, or a VF of a PF, or neither. */
static int nic_sriov(struct nvirt_nic *nic, struct nlattr **tb)
{
	struct nlattr *pf = tb[NVIRT_A_NIC_PF_BUS_ADDR];

	if (tb[NVIRT_A_NIC_SRIOV_TOTAL_VFS]) {
		nic->sriov = true;
		nic->sriov_total_vfs = nvirt_u32(tb, NVIRT_A_NIC_SRIOV_TOTAL_VFS);
		nic->sriov_num_vfs = nvirt_u32(tb, NVIRT_A_NIC_SRIOV_NUM_VFS);
	}

	/* A VF has both its PF and its index on it, or it is no VF. */
	if (!pf != !tb[NVIRT_A_NIC_VF_INDEX])
		return -EBADMSG;
	if (pf) {
		nic->is_vf = true;
		nvirt_attr_str(nic->pf_bus_addr, sizeof(nic->pf_bus_addr), pf);
		nic->pf_ifindex = nvirt_u32(tb, NVIRT_A_NIC_PF_IFINDEX);
		nic->vf_index = nvirt_u32(tb, NVIRT_A_NIC_VF_INDEX);
	}
	return 0;
}

/* One NVIRT_A_NIC_VF: an enabled VF of the PF. */
static int nic_vf(struct nvirt_nic_vf *vf, struct nlattr *nest)
{
	struct nlattr *tb[NVIRT_A_VF_MAX + 1];
	int err;

	err = nvirt_nest(tb, NVIRT_A_VF_MAX, nest, vf_policy,
			 NVIRT_NEED(NVIRT_A_VF_INDEX) |
			 NVIRT_NEED(NVIRT_A_VF_BUS_ADDR));
	if (err)
		return err;
	vf->size = sizeof(*vf);
	vf->index = nla_get_u32(tb[NVIRT_A_VF_INDEX]);
	nvirt_attr_str(vf->bus_addr, sizeof(vf->bus_addr),
		       tb[NVIRT_A_VF_BUS_ADDR]);
	vf->ifindex = nvirt_u32(tb, NVIRT_A_VF_IFINDEX);
	return 0;
}

/* One NVIRT_A_NIC_CAP: how the NIC can honour a knob, one per knob. */
static int nic_cap(const struct nvirt_nic *nic, struct nvirt_cap *cap,
		   struct nlattr *nest)
{
	struct nlattr *tb[NVIRT_A_CAP_MAX + 1];
	int err;

	err = nvirt_nest(tb, NVIRT_A_CAP_MAX, nest, cap_policy,
			 NVIRT_NEED(NVIRT_A_CAP_KNOB) |
			 NVIRT_NEED(NVIRT_A_CAP_SUPPORT));
	if (err)
		return err;
	if (nvirt_nic_cap(nic, nla_get_u32(tb[NVIRT_A_CAP_KNOB])))
		return -EBADMSG;
	cap->size = sizeof(*cap);
	cap->knob = nla_get_u32(tb[NVIRT_A_CAP_KNOB]);
	cap->support = nla_get_u32(tb[NVIRT_A_CAP_SUPPORT]);
	if (tb[NVIRT_A_CAP_REASON])
		cap->reason = nla_get_u32(tb[NVIRT_A_CAP_REASON]);
	if (tb[NVIRT_A_CAP_VERIFIED])
		cap->verified = nla_get_u32(tb[NVIRT_A_CAP_VERIFIED]);
	return 0;
}

/*
 * The attributes a reply may repeat, its VFs and its knobs, into arrays
 * of the record's block: the pointers, then the elements.
 */
static int nic_multi(struct nvirt_nic *nic, struct nvirt_block *blk,
		     const struct nvirt_attrs *attrs)
{
	const struct nvirt_nic_vf **vfs;
	const struct nvirt_cap **caps;
	struct nvirt_nic_vf *vf;
	struct nvirt_cap *cap;
	struct nlattr *attr;
	int rem, err;

	vfs = nvirt_block_take(blk, nvirt_count(attrs, NVIRT_A_NIC_VF) *
			       sizeof(*vfs));
	caps = nvirt_block_take(blk, nvirt_count(attrs, NVIRT_A_NIC_CAP) *
				sizeof(*caps));
	nic->vfs = vfs;
	nic->caps = caps;

	nla_for_each_attr(attr, attrs->head, attrs->len, rem) {
		switch (nla_type(attr)) {
		case NVIRT_A_NIC_VF:
			vf = nvirt_block_take(blk, sizeof(*vf));
			err = nic_vf(vf, attr);
			vfs[nic->n_vfs++] = vf;
			break;
		case NVIRT_A_NIC_CAP:
			cap = nvirt_block_take(blk, sizeof(*cap));
			err = nic_cap(nic, cap, attr);
			caps[nic->n_caps++] = cap;
			break;
		default:
			err = 0;
		}
		if (err)
			return err;
	}
	return 0;
}

/* The record's block: the record, then room for its VFs and its knobs. */
static size_t nic_size(const struct nvirt_attrs *attrs)
{
	return sizeof(struct nvirt_nic) +
	       nvirt_count(attrs, NVIRT_A_NIC_VF) *
	       (sizeof(void *) + NVIRT_ALIGN(sizeof(struct nvirt_nic_vf))) +
	       nvirt_count(attrs, NVIRT_A_NIC_CAP) *
	       (sizeof(void *) + NVIRT_ALIGN(sizeof(struct nvirt_cap)));
}

/*
 * Read a reply or notification carrying a record into a new one, *@arg
 * (a struct nvirt_nic **): the parse_fn of gets and dumps.
 */
static int nic_from_attrs(struct nlattr **tb, const struct nvirt_attrs *attrs,
			  void *arg)
{
	struct nvirt_nic **nicp = arg;
	struct nvirt_block blk;
	struct nvirt_nic *nic;
	int err;

	*nicp = NULL;
	if (!tb[NVIRT_A_NIC_IFINDEX] || !tb[NVIRT_A_NIC_IFNAME])
		return -EBADMSG;

	nic = nvirt_block_new(&blk, nic_size(attrs), sizeof(*nic));
	if (!nic)
		return -ENOMEM;
	nic->size = sizeof(*nic);
	nic_link(nic, tb);
	err = nic_queues(nic, tb);
	if (!err)
		err = nic_sriov(nic, tb);
	if (!err)
		err = nic_multi(nic, &blk, attrs);
	if (err) {
		free(nic);
		return err;
	}
	*nicp = nic;
	return 0;
}

int nvirt_nic_parse(struct nlmsghdr *nlh, struct nvirt_nic **nic)
{
	*nic = NULL;
	return nvirt_parse(nlh, NVIRT_A_NIC_MAX, nic_policy, nic_from_attrs,
			   nic);
}

const struct nvirt_cap *nvirt_nic_cap(const struct nvirt_nic *nic,
				      unsigned int knob)
{
	uint32_t i;

	for (i = 0; i < nic->n_caps; i++)
		if (nic->caps[i]->knob == knob)
			return nic->caps[i];
	return NULL;
}

#define NIC_REQ(_cmd, _sel)				\
	.cmd = (_cmd),					\
	.put = nic_put,					\
	.put_arg = (_sel),				\
	.attr_names = nic_attr_names,			\
	.policy = nic_policy,				\
	.maxattr = NVIRT_A_NIC_MAX

int nvirt_nic_get_v(struct nvirt *h, uint32_t ifindex, const char *ifname,
		    struct nvirt_nic **nic)
{
	const struct nic_sel sel = {
		.ifindex = ifindex, .ifname = ifname, .managed = -1,
	};
	const struct nvirt_req req = {
		NIC_REQ(NVIRT_CMD_NIC_GET, &sel),
		.parse = nic_from_attrs,
		.arg = nic,
	};

	return nvirt_request_rec(h, &req);
}
NVIRT_LATEST(nvirt_nic_get, "NVIRT_0.3");

int nvirt_nic_dump_v(struct nvirt *h, nvirt_nic_cb cb, void *arg)
{
	const struct nic_sel sel = { .managed = -1 };
	struct nvirt_list list = { .read = nic_from_attrs };
	const struct nvirt_req req = {
		NIC_REQ(NVIRT_CMD_NIC_GET, &sel),
	};
	struct nvirt_nic **nics;
	size_t i;
	int err;

	err = nvirt_dump(h, &req, &list);
	nics = list.items;
	for (i = 0; !err && i < list.n; i++)
		err = cb(nics[i], arg);
	nvirt_list_free(&list);
	return err;
}
NVIRT_LATEST(nvirt_nic_dump, "NVIRT_0.3");

int nvirt_nic_set_managed(struct nvirt *h, uint32_t ifindex,
			  const char *ifname, bool managed)
{
	const struct nic_sel sel = {
		.ifindex = ifindex, .ifname = ifname, .managed = managed,
	};
	const struct nvirt_req req = {
		NIC_REQ(NVIRT_CMD_NIC_SET, &sel),
	};

	return nvirt_request(h, &req);
}

int nvirt_nic_verify(struct nvirt *h, uint32_t ifindex, const char *ifname,
		     uint32_t flags, struct nvirt_nic **nic)
{
	const struct nic_sel sel = {
		.ifindex = ifindex, .ifname = ifname, .managed = -1,
		.forget = flags & NVIRT_NIC_VERIFY_FORGET,
	};
	struct nvirt_nic *rec = NULL;
	const struct nvirt_req req = {
		NIC_REQ(NVIRT_CMD_NIC_VERIFY, &sel),
		.parse = nic_from_attrs,
		.arg = &rec,
	};
	int err;

	if (flags & ~NVIRT_NIC_VERIFY_FORGET)
		return nvirt_fail(h, -EINVAL, "unknown nic verify flag");
	err = nvirt_request_rec(h, &req);
	if (nic)
		*nic = rec;
	else
		nvirt_free(rec);
	return err;
}
