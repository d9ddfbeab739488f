// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: NICs (NVIRT_CMD_NIC_GET, NVIRT_CMD_NIC_SET).
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
};

/* Descriptive strings longer than our fields are cut, not refused. */
static const struct nla_policy nic_policy[NVIRT_A_NIC_MAX + 1] = {
	[NVIRT_A_NIC_IFINDEX]	= { .type = NLA_U32, .maxlen = sizeof(uint32_t) },
	[NVIRT_A_NIC_IFNAME]	= { .type = NLA_STRING,
				    .maxlen = FIELD_SIZE(struct nvirt_nic, ifname) },
	[NVIRT_A_NIC_DRIVER]	= { .type = NLA_STRING },
	[NVIRT_A_NIC_BUS]	= { .type = NLA_STRING },
	[NVIRT_A_NIC_BUS_ADDR]	= { .type = NLA_STRING },
	[NVIRT_A_NIC_ADDRESS]	= { .type = NLA_UNSPEC, .maxlen = NIC_ADDR_LEN },
	[NVIRT_A_NIC_PERM_ADDRESS] = { .type = NLA_UNSPEC, .maxlen = NIC_ADDR_LEN },
	[NVIRT_A_NIC_MTU]	= { .type = NLA_U32, .maxlen = sizeof(uint32_t) },
	[NVIRT_A_NIC_MIN_MTU]	= { .type = NLA_U32, .maxlen = sizeof(uint32_t) },
	[NVIRT_A_NIC_MAX_MTU]	= { .type = NLA_U32, .maxlen = sizeof(uint32_t) },
	[NVIRT_A_NIC_OPERSTATE]	= { .type = NLA_U8, .maxlen = sizeof(uint8_t) },
	[NVIRT_A_NIC_MANAGED]	= { .type = NLA_U8, .maxlen = sizeof(uint8_t) },
	[NVIRT_A_NIC_LINK_TYPE]	= { .type = NLA_U16, .maxlen = sizeof(uint16_t) },
};

/* What names a NIC in a request, and what to change on it. */
struct nic_sel {
	uint32_t ifindex;
	const char *ifname;
	int managed;		/* 0, 1, or -1 to leave it */
};

static int nic_put(struct nl_msg *msg, const void *arg)
{
	const struct nic_sel *sel = arg;

	if ((sel->ifindex &&
	     nla_put_u32(msg, NVIRT_A_NIC_IFINDEX, sel->ifindex)) ||
	    (sel->ifname &&
	     nla_put_string(msg, NVIRT_A_NIC_IFNAME, sel->ifname)) ||
	    (sel->managed >= 0 &&
	     nla_put_u8(msg, NVIRT_A_NIC_MANAGED, sel->managed)))
		return -EMSGSIZE;
	return 0;
}

static uint32_t nic_u32(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_u32(tb[type]) : 0;
}

static uint8_t nic_addr(uint8_t *dst, const struct nlattr *attr)
{
	if (!attr)
		return 0;
	memcpy(dst, nla_data(attr), nla_len(attr));
	return nla_len(attr);
}

static int nic_from_attrs(struct nvirt_nic *nic, struct nlattr **tb)
{
	if (!tb[NVIRT_A_NIC_IFINDEX] || !tb[NVIRT_A_NIC_IFNAME])
		return -EBADMSG;

	memset(nic, 0, sizeof(*nic));
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
	nic->mtu = nic_u32(tb, NVIRT_A_NIC_MTU);
	nic->min_mtu = nic_u32(tb, NVIRT_A_NIC_MIN_MTU);
	nic->max_mtu = nic_u32(tb, NVIRT_A_NIC_MAX_MTU);
	if (tb[NVIRT_A_NIC_OPERSTATE])
		nic->operstate = nla_get_u8(tb[NVIRT_A_NIC_OPERSTATE]);
	if (tb[NVIRT_A_NIC_MANAGED])
		nic->managed = nla_get_u8(tb[NVIRT_A_NIC_MANAGED]);
	if (tb[NVIRT_A_NIC_LINK_TYPE])
		nic->link_type = nla_get_u16(tb[NVIRT_A_NIC_LINK_TYPE]);
	return 0;
}

static int nic_parse_one(struct nlattr **tb, void *arg)
{
	return nic_from_attrs(arg, tb);
}

/* A dump is collected whole before anyone sees it. */
struct nic_list {
	struct nvirt_nic *nics;
	size_t n, size;
};

static int nic_parse_list(struct nlattr **tb, void *arg)
{
	struct nic_list *list = arg;
	int err;

	if (list->n == list->size) {
		size_t size = list->size ? 2 * list->size : 16;
		struct nvirt_nic *nics;

		nics = reallocarray(list->nics, size, sizeof(*nics));
		if (!nics)
			return -ENOMEM;
		list->nics = nics;
		list->size = size;
	}
	err = nic_from_attrs(&list->nics[list->n], tb);
	if (!err)
		list->n++;
	return err;
}

static void nic_list_restart(void *arg)
{
	struct nic_list *list = arg;

	list->n = 0;
}

#define NIC_REQ(_cmd, _sel)				\
	.cmd = (_cmd),					\
	.put = nic_put,					\
	.put_arg = (_sel),				\
	.attr_names = nic_attr_names,			\
	.policy = nic_policy,				\
	.maxattr = NVIRT_A_NIC_MAX

int nvirt_nic_get(struct nvirt *h, uint32_t ifindex, const char *ifname,
		  struct nvirt_nic *nic)
{
	const struct nic_sel sel = {
		.ifindex = ifindex, .ifname = ifname, .managed = -1,
	};
	const struct nvirt_req req = {
		NIC_REQ(NVIRT_CMD_NIC_GET, &sel),
		.parse = nic_parse_one,
		.arg = nic,
	};

	return nvirt_request(h, &req);
}

int nvirt_nic_dump(struct nvirt *h, nvirt_nic_cb cb, void *arg)
{
	const struct nic_sel sel = { .managed = -1 };
	struct nic_list list = {};
	const struct nvirt_req req = {
		NIC_REQ(NVIRT_CMD_NIC_GET, &sel),
		.flags = NLM_F_DUMP,
		.parse = nic_parse_list,
		.restart = nic_list_restart,
		.arg = &list,
	};
	size_t i;
	int err;

	err = nvirt_request(h, &req);
	for (i = 0; !err && i < list.n; i++)
		err = cb(&list.nics[i], arg);
	free(list.nics);
	return err;
}

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
