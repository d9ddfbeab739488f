// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: virtual interfaces (NVIRT_CMD_VIF_NEW, _DEL, _GET, _SET,
 * _EXPLAIN), the record of a VIF that vif-get replies and the monitor's
 * notifications carry, and what a record says the VIF was asked for.
 * The plans that records, dry runs and explain carry are plan.c's.
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
	[NVIRT_A_VIF_POLICY]		= "policy",
	[NVIRT_A_VIF_DRY_RUN]		= "dry-run",
	[NVIRT_A_VIF_PLAN]		= "plan",
	[NVIRT_A_VIF_MIGRATABLE]	= "migratable",
	[NVIRT_A_VIF_G2G]		= "g2g",
	[NVIRT_A_VIF_POLICY_NAME]	= "policy-name",
	[NVIRT_A_VIF_BACKEND_REQUEST]	= "backend-request",
	[NVIRT_A_VIF_OWN_POLICY]	= "own-policy",
	[NVIRT_A_VIF_CAUSE]		= "cause",
	[NVIRT_A_VIF_OWN_SETTINGS]	= "own-settings",
	[NVIRT_A_VIF_ATTACH]		= "attach",
	[NVIRT_A_VIF_ATTACH_PATH]	= "attach-path",
	[NVIRT_A_VIF_ATTACH_PCI]	= "attach-pci",
	[NVIRT_A_VIF_POOL_NAME]		= "pool-name",
};

#define VIF_NAME_LEN	FIELD_SIZE(struct nvirt_vif, name)
#define VIF_MAC_LEN	FIELD_SIZE(struct nvirt_vif, mac)
#define VIF_POLICY_NAME_LEN	FIELD_SIZE(struct nvirt_vif, policy_name)

/* The nests are checked when they are parsed, with the policies below. */
static const struct nla_policy vif_policy[NVIRT_A_VIF_MAX + 1] = {
	[NVIRT_A_VIF_ID]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_NAME]		= { .type = NLA_STRING,
					    .maxlen = VIF_NAME_LEN },
	[NVIRT_A_VIF_PARENT_IFINDEX]	= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_PARENT_IFNAME]	= { .type = NLA_STRING,
					    .maxlen = VIF_NAME_LEN },
	[NVIRT_A_VIF_BACKEND]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_IFINDEX]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_NETNS_FD]		= NVIRT_POLICY_S32,
	[NVIRT_A_VIF_NETNS_ID]		= NVIRT_POLICY_S32,
	[NVIRT_A_VIF_MAC]		= { .type = NLA_UNSPEC,
					    .minlen = VIF_MAC_LEN,
					    .maxlen = VIF_MAC_LEN },
	[NVIRT_A_VIF_VLAN]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_VLAN_QOS]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_VLAN_PROTO]	= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_MTU ... NVIRT_A_VIF_MIN_RATE] = NVIRT_POLICY_U32,
	[NVIRT_A_VIF_SPOOFCHK ... NVIRT_A_VIF_OPERSTATE] = NVIRT_POLICY_U32,
	[NVIRT_A_VIF_QUEUE]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_VF_INDEX]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_ENFORCE]		= { .type = NLA_NESTED },
	[NVIRT_A_VIF_STATS]		= { .type = NLA_NESTED },
	[NVIRT_A_VIF_IFNAME]		= { .type = NLA_STRING,
					    .maxlen = VIF_NAME_LEN },
	[NVIRT_A_VIF_POLICY]		= { .type = NLA_NESTED },
	[NVIRT_A_VIF_DRY_RUN]		= { .type = NLA_FLAG },
	[NVIRT_A_VIF_PLAN]		= { .type = NLA_NESTED },
	[NVIRT_A_VIF_MIGRATABLE]	= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_G2G]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_POLICY_NAME]	= { .type = NLA_STRING,
					    .maxlen = VIF_POLICY_NAME_LEN },
	[NVIRT_A_VIF_BACKEND_REQUEST]	= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_OWN_POLICY]	= { .type = NLA_NESTED },
	[NVIRT_A_VIF_CAUSE]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_OWN_SETTINGS]	= { .type = NLA_NESTED },
	[NVIRT_A_VIF_ATTACH]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_ATTACH_PATH]	= { .type = NLA_STRING,
					    .maxlen = FIELD_SIZE(struct nvirt_vif, attach_path) },
	[NVIRT_A_VIF_ATTACH_PCI]	= { .type = NLA_STRING,
					    .maxlen = FIELD_SIZE(struct nvirt_vif, attach_pci) },
	[NVIRT_A_VIF_POOL_NAME]		= { .type = NLA_STRING,
					    .maxlen = FIELD_SIZE(struct nvirt_vif, pool_name) },
};

/* The settings a VIF was given itself that a named policy could give. */
static const struct nla_policy own_policy[NVIRT_A_VIF_MAX + 1] = {
	[NVIRT_A_VIF_MAX_RATE]		= NVIRT_POLICY_U32,
	[NVIRT_A_VIF_MIN_RATE]		= NVIRT_POLICY_U32,
};

static const struct nla_policy stats_policy[NVIRT_A_VIF_STATS_MAX + 1] = {
	[NVIRT_A_VIF_STATS_RX_PACKETS ... NVIRT_A_VIF_STATS_MAX] =
		NVIRT_POLICY_UINT,
};

#define CFG_ATTR(_field, _type, _member, ...) {			\
	.field = NVIRT_VIF_F_##_field,					\
	.type = NVIRT_A_VIF_##_type,					\
	.offset = offsetof(struct nvirt_vif_config, _member),		\
	.len = FIELD_SIZE(struct nvirt_vif_config, _member),		\
	__VA_ARGS__							\
}

/*
 * The settings a config can carry; its policy is a nest of its own, its
 * policy name a string.
 */
static const struct nvirt_field_attr cfg_attrs[] = {
	CFG_ATTR(BACKEND,	BACKEND,	backend),
	CFG_ATTR(NETNS,		NETNS_FD,	netns_fd),
	CFG_ATTR(MAC,		MAC,		mac, .bytes = true),
	CFG_ATTR(VLAN,		VLAN,		vlan),
	CFG_ATTR(VLAN_QOS,	VLAN_QOS,	vlan_qos),
	CFG_ATTR(VLAN_PROTO,	VLAN_PROTO,	vlan_proto),
	CFG_ATTR(MTU,		MTU,		mtu),
	CFG_ATTR(MAX_RATE,	MAX_RATE,	max_rate),
	CFG_ATTR(MIN_RATE,	MIN_RATE,	min_rate),
	CFG_ATTR(SPOOFCHK,	SPOOFCHK,	spoofchk),
	CFG_ATTR(TRUST,		TRUST,		trust),
	CFG_ATTR(LINK_STATE,	LINK_STATE,	link_state),
	CFG_ATTR(ATTACH,	ATTACH,		attach),
};

/* All the NVIRT_VIF_F_* bits this library knows. */
#define CFG_FIELDS	((NVIRT_VIF_F_POOL_NAME << 1) - 1)

/* What names a VIF (or the NIC of a new one or of a dump), what to set. */
struct vif_sel {
	uint32_t id;
	const char *name;
	uint32_t parent_ifindex;
	const char *parent_ifname;
	const struct nvirt_vif_config *cfg;	/* vif_input()'s, or NULL */
	bool dry_run;		/* reply with a plan, change nothing */
};

static int vif_put(struct nl_msg *msg, const void *arg)
{
	const struct vif_sel *sel = arg;
	const struct nvirt_vif_config *cfg = sel->cfg;

	if ((sel->id && nla_put_u32(msg, NVIRT_A_VIF_ID, sel->id)) ||
	    (sel->name && nla_put_string(msg, NVIRT_A_VIF_NAME, sel->name)) ||
	    (sel->parent_ifindex &&
	     nla_put_u32(msg, NVIRT_A_VIF_PARENT_IFINDEX,
			 sel->parent_ifindex)) ||
	    (sel->parent_ifname &&
	     nla_put_string(msg, NVIRT_A_VIF_PARENT_IFNAME,
			    sel->parent_ifname)))
		return -EMSGSIZE;

	if (cfg && (nvirt_put_fields(msg, cfg_attrs, ARRAY_SIZE(cfg_attrs),
				     cfg->fields, cfg) ||
		    ((cfg->fields & NVIRT_VIF_F_POLICY) &&
		     nvirt_policy_nest_put(msg, NVIRT_A_VIF_POLICY,
					   cfg->policy)) ||
		    ((cfg->fields & NVIRT_VIF_F_POLICY_NAME) &&
		     nla_put_string(msg, NVIRT_A_VIF_POLICY_NAME,
				    cfg->policy_name)) ||
		    ((cfg->fields & NVIRT_VIF_F_POOL_NAME) &&
		     nla_put_string(msg, NVIRT_A_VIF_POOL_NAME,
				    cfg->pool_name))))
		return -EMSGSIZE;
	if (sel->dry_run && nla_put_flag(msg, NVIRT_A_VIF_DRY_RUN))
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
		[NVIRT_A_VIF_STATS_RING_POSTS]		= &st->ring_posts,
		[NVIRT_A_VIF_STATS_RING_RETRIES]	= &st->ring_retries,
		[NVIRT_A_VIF_STATS_RING_THROTTLED]	= &st->ring_throttled,
		[NVIRT_A_VIF_STATS_RING_DROPS]		= &st->ring_drops,
		[NVIRT_A_VIF_STATS_TX_SWITCHED]		= &st->tx_switched,
		[NVIRT_A_VIF_STATS_RX_REFLECTED]	= &st->rx_reflected,
	};
	int type, err;

	err = nvirt_nest(tb, NVIRT_A_VIF_STATS_MAX, nest, stats_policy, 0);
	for (type = 0; !err && type <= NVIRT_A_VIF_STATS_MAX; type++)
		if (tb[type] && vals[type])
			err = nvirt_uint(tb[type], vals[type]);
	if (err)
		return err;
	st->size = sizeof(*st);
	st->has_spoof_dropped = tb[NVIRT_A_VIF_STATS_SPOOF_DROPPED] != NULL;
	st->has_vlan_dropped = tb[NVIRT_A_VIF_STATS_VLAN_DROPPED] != NULL;
	st->has_ring = tb[NVIRT_A_VIF_STATS_RING_POSTS] != NULL;
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
	vif->backend = nvirt_u32(tb, NVIRT_A_VIF_BACKEND);
	vif->ifindex = nvirt_u32(tb, NVIRT_A_VIF_IFINDEX);
	if (tb[NVIRT_A_VIF_IFNAME])
		nvirt_attr_str(vif->ifname, sizeof(vif->ifname),
			       tb[NVIRT_A_VIF_IFNAME]);
	vif->has_netns_id = tb[NVIRT_A_VIF_NETNS_ID] != NULL;
	if (vif->has_netns_id)
		vif->netns_id = nla_get_s32(tb[NVIRT_A_VIF_NETNS_ID]);
	vif->operstate = nvirt_u32(tb, NVIRT_A_VIF_OPERSTATE);
	vif->has_queue = tb[NVIRT_A_VIF_QUEUE] != NULL;
	vif->queue = nvirt_u32(tb, NVIRT_A_VIF_QUEUE);
	vif->has_vf_index = tb[NVIRT_A_VIF_VF_INDEX] != NULL;
	vif->vf_index = nvirt_u32(tb, NVIRT_A_VIF_VF_INDEX);
	vif->attach = nvirt_u32(tb, NVIRT_A_VIF_ATTACH);
	if (tb[NVIRT_A_VIF_ATTACH_PATH])
		nvirt_attr_str(vif->attach_path, sizeof(vif->attach_path),
			       tb[NVIRT_A_VIF_ATTACH_PATH]);
	if (tb[NVIRT_A_VIF_ATTACH_PCI])
		nvirt_attr_str(vif->attach_pci, sizeof(vif->attach_pci),
			       tb[NVIRT_A_VIF_ATTACH_PCI]);
	if (tb[NVIRT_A_VIF_POOL_NAME])
		nvirt_attr_str(vif->pool_name, sizeof(vif->pool_name),
			       tb[NVIRT_A_VIF_POOL_NAME]);
}

/* Its settings. */
static void vif_settings(struct nvirt_vif *vif, struct nlattr **tb)
{
	if (tb[NVIRT_A_VIF_MAC])
		memcpy(vif->mac, nla_data(tb[NVIRT_A_VIF_MAC]), VIF_MAC_LEN);
	vif->vlan = nvirt_u32(tb, NVIRT_A_VIF_VLAN);
	vif->vlan_qos = nvirt_u32(tb, NVIRT_A_VIF_VLAN_QOS);
	vif->vlan_proto = nvirt_u32(tb, NVIRT_A_VIF_VLAN_PROTO);
	vif->mtu = nvirt_u32(tb, NVIRT_A_VIF_MTU);
	vif->max_rate = nvirt_u32(tb, NVIRT_A_VIF_MAX_RATE);
	vif->min_rate = nvirt_u32(tb, NVIRT_A_VIF_MIN_RATE);
	vif->spoofchk = nvirt_u32(tb, NVIRT_A_VIF_SPOOFCHK);
	vif->trust = nvirt_u32(tb, NVIRT_A_VIF_TRUST);
	vif->link_state = nvirt_u32(tb, NVIRT_A_VIF_LINK_STATE);
}

/* What the kernel made of its policy, and the named one it follows. */
static int vif_policy_state(struct nvirt_vif *vif, struct nvirt_block *blk,
			    struct nlattr **tb)
{
	struct nvirt_policy *pol = nvirt_block_take(blk, sizeof(*pol));

	pol->size = sizeof(*pol);
	vif->policy = pol;
	vif->has_migratable = tb[NVIRT_A_VIF_MIGRATABLE] != NULL;
	vif->migratable = nvirt_u32(tb, NVIRT_A_VIF_MIGRATABLE);
	vif->g2g = nvirt_u32(tb, NVIRT_A_VIF_G2G);
	if (tb[NVIRT_A_VIF_POLICY_NAME])
		nvirt_attr_str(vif->policy_name, sizeof(vif->policy_name),
			       tb[NVIRT_A_VIF_POLICY_NAME]);
	if (!tb[NVIRT_A_VIF_POLICY])
		return 0;
	return nvirt_policy_nest_parse(tb[NVIRT_A_VIF_POLICY], pol);
}

/* Where its settings are enforced: the one attribute a reply may repeat. */
static int vif_enforce(struct nvirt_vif *vif, struct nvirt_block *blk,
		       const struct nvirt_attrs *attrs)
{
	struct nvirt_enforce_list enforce = { 0 };
	struct nlattr *attr;
	int rem, err;

	enforce.items = nvirt_block_take(blk, sizeof(void *) *
					 nvirt_count(attrs, NVIRT_A_VIF_ENFORCE));
	vif->enforce = enforce.items;
	nla_for_each_attr(attr, attrs->head, attrs->len, rem) {
		if (nla_type(attr) != NVIRT_A_VIF_ENFORCE)
			continue;
		err = nvirt_enforce_parse(&enforce, blk, attr);
		vif->n_enforce = enforce.n;
		if (err)
			return err;
	}
	return 0;
}

/*
 * Read a reply or notification carrying a record into a new one, *@vifp,
 * with the plan it may carry; @extra bytes of the block, right after the
 * record, are left for the caller (see vif_asked()).
 */
static int vif_read(struct nlattr **tb, const struct nvirt_attrs *attrs,
		    size_t extra, struct nvirt_vif **vifp)
{
	struct nvirt_vif_stats *stats;
	struct nvirt_plan *plan;
	struct nvirt_block blk;
	struct nvirt_vif *vif;
	size_t room;
	int err;

	*vifp = NULL;
	if (!tb[NVIRT_A_VIF_ID] || !tb[NVIRT_A_VIF_NAME])
		return -EBADMSG;

	room = NVIRT_ALIGN(sizeof(*vif)) + NVIRT_ALIGN(extra) +
	       NVIRT_ALIGN(sizeof(*stats)) +
	       NVIRT_ALIGN(sizeof(struct nvirt_policy)) +
	       NVIRT_ENFORCE_ROOM(nvirt_count(attrs, NVIRT_A_VIF_ENFORCE)) +
	       (tb[NVIRT_A_VIF_PLAN] ? nvirt_plan_room(tb[NVIRT_A_VIF_PLAN]) : 0);
	vif = nvirt_block_new(&blk, room, sizeof(*vif));
	if (!vif)
		return -ENOMEM;
	nvirt_block_take(&blk, extra);
	vif->size = sizeof(*vif);
	vif_link(vif, tb);
	vif_settings(vif, tb);
	err = vif_policy_state(vif, &blk, tb) ?: vif_enforce(vif, &blk, attrs);
	if (!err && tb[NVIRT_A_VIF_STATS]) {
		stats = nvirt_block_take(&blk, sizeof(*stats));
		err = vif_stats(stats, tb[NVIRT_A_VIF_STATS]);
		vif->stats = stats;
	}
	if (!err && tb[NVIRT_A_VIF_PLAN]) {
		err = nvirt_plan_parse(&plan, &blk, tb[NVIRT_A_VIF_PLAN]);
		vif->plan = plan;
	}
	if (err) {
		free(vif);
		return err;
	}
	*vifp = vif;
	return 0;
}

/* The parse_fn of gets, dumps and notifications: into *@arg. */
static int vif_from_attrs(struct nlattr **tb, const struct nvirt_attrs *attrs,
			  void *arg)
{
	return vif_read(tb, attrs, 0, arg);
}

/* Read the plan of a dry run's reply, which must carry one, into *@arg. */
static int vif_plan_from_attrs(struct nlattr **tb,
			       const struct nvirt_attrs *attrs __maybe_unused,
			       void *arg)
{
	struct nvirt_plan **planp = arg, *plan;
	struct nvirt_block blk;
	int err;

	*planp = NULL;
	if (!tb[NVIRT_A_VIF_PLAN])
		return -EBADMSG;
	if (!nvirt_block_new(&blk, nvirt_plan_room(tb[NVIRT_A_VIF_PLAN]), 0))
		return -ENOMEM;
	err = nvirt_plan_parse(&plan, &blk, tb[NVIRT_A_VIF_PLAN]);
	if (err) {
		free(blk.base);
		return err;
	}
	if (tb[NVIRT_A_VIF_PARENT_IFNAME])
		nvirt_attr_str(plan->parent_ifname, sizeof(plan->parent_ifname),
			       tb[NVIRT_A_VIF_PARENT_IFNAME]);
	*planp = plan;
	return 0;
}

/* Read an explanation, a part of the record and its plan, into *@arg. */
static int vif_explain_from_attrs(struct nlattr **tb,
				  const struct nvirt_attrs *attrs, void *arg)
{
	if (!tb[NVIRT_A_VIF_PLAN])
		return -EBADMSG;
	return vif_read(tb, attrs, 0, arg);
}

int nvirt_vif_parse(struct nlmsghdr *nlh, struct nvirt_vif **vif)
{
	*vif = NULL;
	return nvirt_parse(nlh, NVIRT_A_VIF_MAX, vif_policy, vif_from_attrs,
			   vif);
}

int nvirt_vif_plan_parse(struct nlmsghdr *nlh, struct nvirt_plan **plan)
{
	*plan = NULL;
	return nvirt_parse(nlh, NVIRT_A_VIF_MAX, vif_policy,
			   vif_plan_from_attrs, plan);
}

int nvirt_vif_explain_parse(struct nlmsghdr *nlh, struct nvirt_vif **vif)
{
	*vif = NULL;
	return nvirt_parse(nlh, NVIRT_A_VIF_MAX, vif_policy,
			   vif_explain_from_attrs, vif);
}

/* A request's config, copied whole from the caller's, and its policy. */
struct vif_in {
	struct nvirt_vif_config cfg;
	struct nvirt_policy pol;
};

#define CFG_HAS(cfg, member)						\
	nvirt_member_in(cfg, offsetof(struct nvirt_vif_config, member),	\
			FIELD_SIZE(struct nvirt_vif_config, member))

/*
 * The caller's @cfg (or NULL) copied into @in for @sel: a config this
 * library can send, or the reason on the handle.
 */
static int vif_input(struct nvirt *h, struct vif_sel *sel,
		     const struct nvirt_vif_config *cfg, struct vif_in *in)
{
	struct nvirt_vif_config *c = &in->cfg;
	const char *msg = NULL;
	int err;

	if (!cfg)
		return 0;
	err = nvirt_input(c, sizeof(*c), cfg, cfg_attrs, ARRAY_SIZE(cfg_attrs),
			  CFG_FIELDS);
	if (err) {
		msg = NVIRT_INPUT_MSG(err, "the VIF config");
	} else if ((c->fields & NVIRT_VIF_F_POLICY) &&
		   (!CFG_HAS(c, policy) || !c->policy)) {
		msg = "no policy: NVIRT_VIF_F_POLICY wants one";
	} else if (c->fields & NVIRT_VIF_F_POLICY) {
		err = nvirt_policy_input(&in->pol, c->policy);
		if (err)
			msg = NVIRT_INPUT_MSG(err, "the VIF policy");
	}
	if (!msg && (c->fields & NVIRT_VIF_F_POLICY_NAME) &&
	    (!CFG_HAS(c, policy_name) || !c->policy_name))
		msg = "no policy name: \"\" follows none";
	if (!msg && (c->fields & NVIRT_VIF_F_POOL_NAME) &&
	    (!CFG_HAS(c, pool_name) || !c->pool_name))
		msg = "no pool name: NVIRT_VIF_F_POOL_NAME wants one";
	if (msg) {
		h->warning[0] = '\0';
		return nvirt_fail(h, -EINVAL, msg);
	}
	c->policy = &in->pol;
	sel->cfg = c;
	return 0;
}

#define VIF_REQ(_cmd, _sel)				\
	.cmd = (_cmd),					\
	.put = vif_put,					\
	.put_arg = (_sel),				\
	.attr_names = vif_attr_names,			\
	.policy = vif_policy,				\
	.maxattr = NVIRT_A_VIF_MAX

/* Send @req, its VIF named by its put_arg, with the caller's @cfg. */
static int vif_send(struct nvirt *h, const struct nvirt_vif_config *cfg,
		    const struct nvirt_req *req)
{
	struct vif_sel sel = *(const struct vif_sel *)req->put_arg;
	struct nvirt_req with = *req;
	struct vif_in in;

	with.put_arg = &sel;
	return vif_input(h, &sel, cfg, &in) ?:
	       (with.parse ? nvirt_request_rec(h, &with) :
			     nvirt_request(h, &with));
}

int nvirt_vif_new_v(struct nvirt *h, const char *name,
		    uint32_t parent_ifindex, const char *parent_ifname,
		    const struct nvirt_vif_config *cfg, struct nvirt_vif **vif)
{
	const struct vif_sel sel = {
		.name = name, .parent_ifindex = parent_ifindex,
		.parent_ifname = parent_ifname,
	};
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_NEW, &sel),
		.parse = vif ? vif_from_attrs : NULL,
		.arg = vif,
	};

	return vif_send(h, cfg, &req);
}
NVIRT_LATEST(nvirt_vif_new, "NVIRT_0.3");

int nvirt_vif_new_plan_v(struct nvirt *h, const char *name,
			 uint32_t parent_ifindex, const char *parent_ifname,
			 const struct nvirt_vif_config *cfg,
			 struct nvirt_plan **plan)
{
	const struct vif_sel sel = {
		.name = name, .parent_ifindex = parent_ifindex,
		.parent_ifname = parent_ifname, .dry_run = true,
	};
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_NEW, &sel),
		.parse = vif_plan_from_attrs,
		.arg = plan,
	};

	return vif_send(h, cfg, &req);
}
NVIRT_LATEST(nvirt_vif_new_plan, "NVIRT_0.3");

int nvirt_vif_del(struct nvirt *h, uint32_t id, const char *name)
{
	const struct vif_sel sel = { .id = id, .name = name };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_DEL, &sel),
	};

	return nvirt_request(h, &req);
}

int nvirt_vif_get_v(struct nvirt *h, uint32_t id, const char *name,
		    struct nvirt_vif **vif)
{
	const struct vif_sel sel = { .id = id, .name = name };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_GET, &sel),
		.parse = vif_from_attrs,
		.arg = vif,
	};

	return nvirt_request_rec(h, &req);
}
NVIRT_LATEST(nvirt_vif_get, "NVIRT_0.3");

int nvirt_vif_dump_v(struct nvirt *h, uint32_t parent_ifindex,
		     const char *parent_ifname, nvirt_vif_cb cb, void *arg)
{
	const struct vif_sel sel = {
		.parent_ifindex = parent_ifindex,
		.parent_ifname = parent_ifname,
	};
	struct nvirt_list list = { .read = vif_from_attrs };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_GET, &sel),
	};
	struct nvirt_vif **vifs;
	size_t i;
	int err;

	err = nvirt_dump(h, &req, &list);
	vifs = list.items;
	for (i = 0; !err && i < list.n; i++)
		err = cb(vifs[i], arg);
	nvirt_list_free(&list);
	return err;
}
NVIRT_LATEST(nvirt_vif_dump, "NVIRT_0.3");

int nvirt_vif_set_v(struct nvirt *h, uint32_t id, const char *name,
		    const struct nvirt_vif_config *cfg)
{
	const struct vif_sel sel = { .id = id, .name = name };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_SET, &sel),
	};

	return vif_send(h, cfg, &req);
}
NVIRT_LATEST(nvirt_vif_set, "NVIRT_0.3");

int nvirt_vif_set_plan_v(struct nvirt *h, uint32_t id, const char *name,
			 const struct nvirt_vif_config *cfg,
			 struct nvirt_plan **plan)
{
	const struct vif_sel sel = { .id = id, .name = name, .dry_run = true };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_SET, &sel),
		.parse = vif_plan_from_attrs,
		.arg = plan,
	};

	return vif_send(h, cfg, &req);
}
NVIRT_LATEST(nvirt_vif_set_plan, "NVIRT_0.3");

int nvirt_vif_explain_v(struct nvirt *h, uint32_t id, const char *name,
			struct nvirt_vif **vif)
{
	const struct vif_sel sel = { .id = id, .name = name };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_EXPLAIN, &sel),
		.parse = vif_explain_from_attrs,
		.arg = vif,
	};

	return nvirt_request_rec(h, &req);
}
NVIRT_LATEST(nvirt_vif_explain, "NVIRT_0.3");

/* The config of a record of vif_asked(): the block's, after the record. */
static struct nvirt_vif_config *vif_asked_cfg(const struct nvirt_vif *vif)
{
	return (struct nvirt_vif_config *)((char *)vif +
					   NVIRT_ALIGN(sizeof(*vif)));
}

/*
 * Read a record, and what it says the VIF was asked for (its settings,
 * the backend requested, and the fields of its policy given to it
 * itself), into a new record, *@arg: the config that would create it
 * again, and its policy, follow the record in its block.
 */
static int vif_asked(struct nlattr **tb, const struct nvirt_attrs *attrs,
		     void *arg)
{
	struct nlattr *rates[NVIRT_A_VIF_MAX + 1];
	struct nvirt_vif **vifp = arg, *vif;
	struct nvirt_vif_config *cfg;
	struct nvirt_policy *own;
	int err;

	*vifp = NULL;
	if (!tb[NVIRT_A_VIF_BACKEND_REQUEST] || !tb[NVIRT_A_VIF_OWN_POLICY] ||
	    !tb[NVIRT_A_VIF_OWN_SETTINGS])
		return -EOPNOTSUPP;
	err = vif_read(tb, attrs, NVIRT_ALIGN(sizeof(*cfg)) + sizeof(*own),
		       &vif);
	if (err)
		return err;
	cfg = vif_asked_cfg(vif);
	own = (struct nvirt_policy *)((char *)cfg + NVIRT_ALIGN(sizeof(*cfg)));
	err = nvirt_policy_nest_parse(tb[NVIRT_A_VIF_OWN_POLICY], own) ?:
	      nvirt_nest(rates, NVIRT_A_VIF_MAX, tb[NVIRT_A_VIF_OWN_SETTINGS],
			 own_policy, 0);
	if (err) {
		free(vif);
		return err;
	}

	/* its rates given to it itself: not those of its named policy */
	nvirt_rates_parse(rates[NVIRT_A_VIF_MAX_RATE],
			  rates[NVIRT_A_VIF_MIN_RATE], cfg);
	cfg->size = sizeof(*cfg);
	cfg->fields |= NVIRT_VIF_F_BACKEND | NVIRT_VIF_F_MAC |
		       NVIRT_VIF_F_MTU | NVIRT_VIF_F_SPOOFCHK |
		       NVIRT_VIF_F_TRUST | NVIRT_VIF_F_LINK_STATE;
	cfg->backend = nla_get_u32(tb[NVIRT_A_VIF_BACKEND_REQUEST]);
	memcpy(cfg->mac, vif->mac, sizeof(cfg->mac));
	if (vif->vlan) {
		cfg->fields |= NVIRT_VIF_F_VLAN | NVIRT_VIF_F_VLAN_QOS |
			       NVIRT_VIF_F_VLAN_PROTO;
		cfg->vlan = vif->vlan;
		cfg->vlan_qos = vif->vlan_qos;
		cfg->vlan_proto = vif->vlan_proto;
	}
	cfg->mtu = vif->mtu;
	cfg->spoofchk = vif->spoofchk;
	cfg->trust = vif->trust;
	cfg->link_state = vif->link_state;
	cfg->netns_fd = -1;
	if (vif->attach != NVIRT_ATTACH_NETNS) {
		cfg->fields |= NVIRT_VIF_F_ATTACH;
		cfg->attach = vif->attach;
	}
	if (own->fields)
		cfg->fields |= NVIRT_VIF_F_POLICY;
	cfg->policy = own;
	cfg->policy_name = vif->policy_name;
	if (vif->policy_name[0])
		cfg->fields |= NVIRT_VIF_F_POLICY_NAME;
	*vifp = vif;
	return 0;
}

int nvirt_vif_dump_config_v(struct nvirt *h, uint32_t parent_ifindex,
			    const char *parent_ifname,
			    nvirt_vif_config_cb cb, void *arg)
{
	const struct vif_sel sel = {
		.parent_ifindex = parent_ifindex,
		.parent_ifname = parent_ifname,
	};
	struct nvirt_list list = { .read = vif_asked };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_GET, &sel),
	};
	struct nvirt_vif **vifs;
	size_t i;
	int err;

	err = nvirt_dump(h, &req, &list);
	if (err == -EOPNOTSUPP)
		err = nvirt_fail(h, err,
				 "the kernel's VIF records do not say what the VIFs were asked for: nvirt.ko is older than libnvirt");
	vifs = list.items;
	for (i = 0; !err && i < list.n; i++)
		err = cb(vifs[i], vif_asked_cfg(vifs[i]), arg);
	nvirt_list_free(&list);
	return err;
}
NVIRT_LATEST(nvirt_vif_dump_config, "NVIRT_0.3");
