// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: virtual interfaces (NVIRT_CMD_VIF_NEW, _DEL, _GET, _SET), and
 * the record of a VIF that vif-get replies and the monitor's
 * notifications carry.
 */

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const vif_attr_names[NVIRT_A_VIF_MAX + 1] = {
	[NVIRT_A_VIF_ID]		= "id",
	[NVIRT_A_VIF_NAME]		= "name",
	[NVIRT_A_VIF_PARENT_IFINDEX]	= "parent-ifindex",
	[NVIRT_A_VIF_PARENT_IFNAME]	= "parent-ifname",
	[NVIRT_A_VIF_BACKEND]		= "backend",
	[NVIRT_A_VIF_IFINDEX]		= "ifindex",
	[NVIRT_A_VIF_NETNS_FD]		= "netns-fd",
	[NVIRT_A_VIF_NETNS_ID]		= "netns-id",
	[NVIRT_A_VIF_MAC]		= "mac",
	[NVIRT_A_VIF_VLAN]		= "vlan",
	[NVIRT_A_VIF_VLAN_QOS]		= "vlan-qos",
	[NVIRT_A_VIF_VLAN_PROTO]	= "vlan-proto",
	[NVIRT_A_VIF_MTU]		= "mtu",
	[NVIRT_A_VIF_MAX_RATE]		= "max-rate",
	[NVIRT_A_VIF_MIN_RATE]		= "min-rate",
	[NVIRT_A_VIF_SPOOFCHK]		= "spoofchk",
	[NVIRT_A_VIF_TRUST]		= "trust",
	[NVIRT_A_VIF_LINK_STATE]	= "link-state",
	[NVIRT_A_VIF_OPERSTATE]		= "operstate",
	[NVIRT_A_VIF_QUEUE]		= "queue",
	[NVIRT_A_VIF_VF_INDEX]		= "vf-index",
	[NVIRT_A_VIF_ENFORCE]		= "enforce",
	[NVIRT_A_VIF_STATS]		= "stats",
	[NVIRT_A_VIF_IFNAME]		= "ifname",
};

#define VIF_NAME_LEN	FIELD_SIZE(struct nvirt_vif, name)
#define VIF_MAC_LEN	FIELD_SIZE(struct nvirt_vif, mac)

/* The nests are checked when they are parsed, with the policies below. */
static const struct nla_policy vif_policy[NVIRT_A_VIF_MAX + 1] = {
	[NVIRT_A_VIF_ID]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_NAME]		= { .type = NLA_STRING,
					    .maxlen = VIF_NAME_LEN },
	[NVIRT_A_VIF_PARENT_IFINDEX]	= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_PARENT_IFNAME]	= { .type = NLA_STRING,
					    .maxlen = VIF_NAME_LEN },
	[NVIRT_A_VIF_BACKEND]		= NVIRT_POLICY_U8,
	[NVIRT_A_VIF_IFINDEX]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_NETNS_FD]		= NVIRT_POLICY_S32,
	[NVIRT_A_VIF_NETNS_ID]		= NVIRT_POLICY_S32,
	[NVIRT_A_VIF_MAC]		= { .type = NLA_UNSPEC,
					    .minlen = VIF_MAC_LEN,
					    .maxlen = VIF_MAC_LEN },
	[NVIRT_A_VIF_VLAN]		= NVIRT_POLICY_U16,
	[NVIRT_A_VIF_VLAN_QOS]		= NVIRT_POLICY_U8,
	[NVIRT_A_VIF_VLAN_PROTO]	= NVIRT_POLICY_U8,
	[NVIRT_A_VIF_MTU ... NVIRT_A_VIF_MIN_RATE] = NVIRT_POLICY_U32,
	[NVIRT_A_VIF_SPOOFCHK ... NVIRT_A_VIF_OPERSTATE] = NVIRT_POLICY_U8,
	[NVIRT_A_VIF_QUEUE]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_VF_INDEX]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_ENFORCE]		= { .type = NLA_NESTED },
	[NVIRT_A_VIF_STATS]		= { .type = NLA_NESTED },
	[NVIRT_A_VIF_IFNAME]		= { .type = NLA_STRING,
					    .maxlen = VIF_NAME_LEN },
};

static const struct nla_policy enforce_policy[NVIRT_A_ENFORCE_MAX + 1] = {
	[NVIRT_A_ENFORCE_SETTING]	= NVIRT_POLICY_U32,
	[NVIRT_A_ENFORCE_POINT]		= NVIRT_POLICY_U8,
};

static const struct nla_policy stats_policy[NVIRT_A_VIF_STATS_MAX + 1] = {
	[NVIRT_A_VIF_STATS_RX_PACKETS ... NVIRT_A_VIF_STATS_MAX] =
		NVIRT_POLICY_UINT,
};

/*
 * The settings a config can carry, by the NVIRT_VIF_F_* bit that says it
 * does: each goes as is, bools as the u8 they are on the wire.
 */
_Static_assert(sizeof(bool) == sizeof(uint8_t), "bool is not a u8");

#define CFG_ATTR(_field, _type, _member) {				\
	.field = NVIRT_VIF_F_##_field,					\
	.type = NVIRT_A_VIF_##_type,					\
	.offset = offsetof(struct nvirt_vif_config, _member),		\
	.len = FIELD_SIZE(struct nvirt_vif_config, _member),		\
}

static const struct {
	uint32_t field;
	int type;
	size_t offset, len;
} cfg_attrs[] = {
	CFG_ATTR(BACKEND,	BACKEND,	backend),
	CFG_ATTR(NETNS,		NETNS_FD,	netns_fd),
	CFG_ATTR(MAC,		MAC,		mac),
	CFG_ATTR(VLAN,		VLAN,		vlan),
	CFG_ATTR(VLAN_QOS,	VLAN_QOS,	vlan_qos),
	CFG_ATTR(VLAN_PROTO,	VLAN_PROTO,	vlan_proto),
	CFG_ATTR(MTU,		MTU,		mtu),
	CFG_ATTR(MAX_RATE,	MAX_RATE,	max_rate),
	CFG_ATTR(MIN_RATE,	MIN_RATE,	min_rate),
	CFG_ATTR(SPOOFCHK,	SPOOFCHK,	spoofchk),
	CFG_ATTR(TRUST,		TRUST,		trust),
	CFG_ATTR(LINK_STATE,	LINK_STATE,	link_state),
};

/* All the NVIRT_VIF_F_* bits this library knows. */
#define CFG_FIELDS	((NVIRT_VIF_F_NETNS << 1) - 1)

/* What names a VIF (or the NIC of a new one or of a dump), what to set. */
struct vif_sel {
	uint32_t id;
	const char *name;
	uint32_t parent_ifindex;
	const char *parent_ifname;
	const struct nvirt_vif_config *cfg;	/* or NULL */
};

static int vif_put(struct nl_msg *msg, const void *arg)
{
	const struct vif_sel *sel = arg;
	const struct nvirt_vif_config *cfg = sel->cfg;
	size_t i;

	if ((sel->id && nla_put_u32(msg, NVIRT_A_VIF_ID, sel->id)) ||
	    (sel->name && nla_put_string(msg, NVIRT_A_VIF_NAME, sel->name)) ||
	    (sel->parent_ifindex &&
	     nla_put_u32(msg, NVIRT_A_VIF_PARENT_IFINDEX,
			 sel->parent_ifindex)) ||
	    (sel->parent_ifname &&
	     nla_put_string(msg, NVIRT_A_VIF_PARENT_IFNAME,
			    sel->parent_ifname)))
		return -EMSGSIZE;

	for (i = 0; cfg && i < ARRAY_SIZE(cfg_attrs); i++)
		if ((cfg->fields & cfg_attrs[i].field) &&
		    nla_put(msg, cfg_attrs[i].type, cfg_attrs[i].len,
			    (const char *)cfg + cfg_attrs[i].offset))
			return -EMSGSIZE;
	return 0;
}

/* NVIRT_A_VIF_STATS: the VIF's traffic. */
static int vif_stats(struct nvirt_vif_stats *st, struct nlattr *nest)
{
	struct nlattr *tb[NVIRT_A_VIF_STATS_MAX + 1];
	uint64_t *const vals[NVIRT_A_VIF_STATS_MAX + 1] = {
		[NVIRT_A_VIF_STATS_RX_PACKETS]		= &st->rx_packets,
		[NVIRT_A_VIF_STATS_RX_BYTES]		= &st->rx_bytes,
		[NVIRT_A_VIF_STATS_RX_DROPPED]		= &st->rx_dropped,
		[NVIRT_A_VIF_STATS_TX_PACKETS]		= &st->tx_packets,
		[NVIRT_A_VIF_STATS_TX_BYTES]		= &st->tx_bytes,
		[NVIRT_A_VIF_STATS_TX_DROPPED]		= &st->tx_dropped,
		[NVIRT_A_VIF_STATS_SPOOF_DROPPED]	= &st->spoof_dropped,
		[NVIRT_A_VIF_STATS_VLAN_DROPPED]	= &st->vlan_dropped,
	};
	int type, err;

	err = nvirt_nest(tb, NVIRT_A_VIF_STATS_MAX, nest, stats_policy, 0);
	for (type = 0; !err && type <= NVIRT_A_VIF_STATS_MAX; type++)
		if (tb[type] && vals[type])
			err = nvirt_uint(tb[type], vals[type]);
	if (err)
		return err;
	st->has_spoof_dropped = tb[NVIRT_A_VIF_STATS_SPOOF_DROPPED] != NULL;
	st->has_vlan_dropped = tb[NVIRT_A_VIF_STATS_VLAN_DROPPED] != NULL;
	return 0;
}

/* One NVIRT_A_VIF_ENFORCE: where a setting in effect is enforced. */
static int vif_enforce(struct nvirt_vif *vif, struct nlattr *nest)
{
	struct nlattr *tb[NVIRT_A_ENFORCE_MAX + 1];
	uint32_t setting;
	int err;

	err = nvirt_nest(tb, NVIRT_A_ENFORCE_MAX, nest, enforce_policy,
			 NVIRT_NEED(NVIRT_A_ENFORCE_SETTING) |
			 NVIRT_NEED(NVIRT_A_ENFORCE_POINT));
	if (err)
		return err;
	setting = nla_get_u32(tb[NVIRT_A_ENFORCE_SETTING]);
	if (setting >= NVIRT_LIB_SETTINGS)
		return 0;	/* a setting of a newer kernel */
	if (vif->enforce[setting])
		return -EBADMSG;	/* one per setting */
	vif->enforce[setting] = nla_get_u8(tb[NVIRT_A_ENFORCE_POINT]);
	return 0;
}

/* What names the VIF, its NIC, its netdev and its backend's resource. */
static void vif_link(struct nvirt_vif *vif, struct nlattr **tb)
{
	vif->id = nla_get_u32(tb[NVIRT_A_VIF_ID]);
	nvirt_attr_str(vif->name, sizeof(vif->name), tb[NVIRT_A_VIF_NAME]);
	vif->parent_ifindex = nvirt_u32(tb, NVIRT_A_VIF_PARENT_IFINDEX);
	if (tb[NVIRT_A_VIF_PARENT_IFNAME])
		nvirt_attr_str(vif->parent_ifname, sizeof(vif->parent_ifname),
			       tb[NVIRT_A_VIF_PARENT_IFNAME]);
	vif->backend = nvirt_u8(tb, NVIRT_A_VIF_BACKEND);
	vif->ifindex = nvirt_u32(tb, NVIRT_A_VIF_IFINDEX);
	if (tb[NVIRT_A_VIF_IFNAME])
		nvirt_attr_str(vif->ifname, sizeof(vif->ifname),
			       tb[NVIRT_A_VIF_IFNAME]);
	vif->has_netns_id = tb[NVIRT_A_VIF_NETNS_ID] != NULL;
	if (vif->has_netns_id)
		vif->netns_id = nla_get_s32(tb[NVIRT_A_VIF_NETNS_ID]);
	vif->operstate = nvirt_u8(tb, NVIRT_A_VIF_OPERSTATE);
	vif->has_queue = tb[NVIRT_A_VIF_QUEUE] != NULL;
	vif->queue = nvirt_u32(tb, NVIRT_A_VIF_QUEUE);
	vif->has_vf_index = tb[NVIRT_A_VIF_VF_INDEX] != NULL;
	vif->vf_index = nvirt_u32(tb, NVIRT_A_VIF_VF_INDEX);
}

/* Its settings. */
static void vif_settings(struct nvirt_vif *vif, struct nlattr **tb)
{
	if (tb[NVIRT_A_VIF_MAC])
		memcpy(vif->mac, nla_data(tb[NVIRT_A_VIF_MAC]), VIF_MAC_LEN);
	if (tb[NVIRT_A_VIF_VLAN])
		vif->vlan = nla_get_u16(tb[NVIRT_A_VIF_VLAN]);
	vif->vlan_qos = nvirt_u8(tb, NVIRT_A_VIF_VLAN_QOS);
	vif->vlan_proto = nvirt_u8(tb, NVIRT_A_VIF_VLAN_PROTO);
	vif->mtu = nvirt_u32(tb, NVIRT_A_VIF_MTU);
	vif->max_rate = nvirt_u32(tb, NVIRT_A_VIF_MAX_RATE);
	vif->min_rate = nvirt_u32(tb, NVIRT_A_VIF_MIN_RATE);
	vif->spoofchk = nvirt_u8(tb, NVIRT_A_VIF_SPOOFCHK);
	vif->trust = nvirt_u8(tb, NVIRT_A_VIF_TRUST);
	vif->link_state = nvirt_u8(tb, NVIRT_A_VIF_LINK_STATE);
}

/* Read a reply or notification carrying a record: the parse_fn of gets. */
static int vif_from_attrs(struct nlattr **tb, const struct nvirt_attrs *attrs,
			  void *arg)
{
	struct nvirt_vif *vif = arg;
	struct nlattr *attr;
	int rem, err;

	if (!tb[NVIRT_A_VIF_ID] || !tb[NVIRT_A_VIF_NAME])
		return -EBADMSG;

	memset(vif, 0, sizeof(*vif));
	vif_link(vif, tb);
	vif_settings(vif, tb);
	vif->has_stats = tb[NVIRT_A_VIF_STATS] != NULL;
	if (vif->has_stats) {
		err = vif_stats(&vif->stats, tb[NVIRT_A_VIF_STATS]);
		if (err)
			return err;
	}

	/* The one attribute a reply may repeat: where settings are enforced. */
	nla_for_each_attr(attr, attrs->head, attrs->len, rem) {
		if (nla_type(attr) != NVIRT_A_VIF_ENFORCE)
			continue;
		err = vif_enforce(vif, attr);
		if (err)
			return err;
	}
	return 0;
}

int nvirt_vif_parse(struct nlmsghdr *nlh, struct nvirt_vif *vif)
{
	return nvirt_parse(nlh, NVIRT_A_VIF_MAX, vif_policy, vif_from_attrs,
			   vif);
}

/* A config this library can send; the reason on the handle when not. */
static int vif_cfg_check(struct nvirt *h, const struct nvirt_vif_config *cfg,
			 uint32_t fields)
{
	if (!cfg || !(cfg->fields & ~fields))
		return 0;
	h->warning[0] = '\0';
	return nvirt_fail(h, -EINVAL, cfg->fields & ~CFG_FIELDS ?
			  "unknown field in the VIF config" :
			  "the backend of a VIF cannot be changed");
}

#define VIF_REQ(_cmd, _sel)				\
	.cmd = (_cmd),					\
	.put = vif_put,					\
	.put_arg = (_sel),				\
	.attr_names = vif_attr_names,			\
	.policy = vif_policy,				\
	.maxattr = NVIRT_A_VIF_MAX

int nvirt_vif_new(struct nvirt *h, const char *name, uint32_t parent_ifindex,
		  const char *parent_ifname,
		  const struct nvirt_vif_config *cfg, struct nvirt_vif *vif)
{
	const struct vif_sel sel = {
		.name = name, .parent_ifindex = parent_ifindex,
		.parent_ifname = parent_ifname, .cfg = cfg,
	};
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_NEW, &sel),
		.parse = vif ? vif_from_attrs : NULL,
		.arg = vif,
	};

	return vif_cfg_check(h, cfg, CFG_FIELDS) ?: nvirt_request(h, &req);
}

int nvirt_vif_del(struct nvirt *h, uint32_t id, const char *name)
{
	const struct vif_sel sel = { .id = id, .name = name };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_DEL, &sel),
	};

	return nvirt_request(h, &req);
}

int nvirt_vif_get(struct nvirt *h, uint32_t id, const char *name,
		  struct nvirt_vif *vif)
{
	const struct vif_sel sel = { .id = id, .name = name };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_GET, &sel),
		.parse = vif_from_attrs,
		.arg = vif,
	};

	return nvirt_request(h, &req);
}

int nvirt_vif_dump(struct nvirt *h, uint32_t parent_ifindex,
		   const char *parent_ifname, nvirt_vif_cb cb, void *arg)
{
	const struct vif_sel sel = {
		.parent_ifindex = parent_ifindex,
		.parent_ifname = parent_ifname,
	};
	struct nvirt_list list = {
		.read = vif_from_attrs, .item_size = sizeof(struct nvirt_vif),
	};
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_GET, &sel),
	};
	const struct nvirt_vif *vifs;
	size_t i;
	int err;

	err = nvirt_dump(h, &req, &list);
	vifs = list.items;
	for (i = 0; !err && i < list.n; i++)
		err = cb(&vifs[i], arg);
	free(list.items);
	return err;
}

int nvirt_vif_set(struct nvirt *h, uint32_t id, const char *name,
		  const struct nvirt_vif_config *cfg)
{
	const struct vif_sel sel = { .id = id, .name = name, .cfg = cfg };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_SET, &sel),
	};

	return vif_cfg_check(h, cfg, CFG_FIELDS & ~NVIRT_VIF_F_BACKEND) ?:
	       nvirt_request(h, &req);
}
