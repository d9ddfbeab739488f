// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: virtual interfaces (NVIRT_CMD_VIF_NEW, _DEL, _GET, _SET,
 * _EXPLAIN), the record of a VIF that vif-get replies and the monitor's
 * notifications carry, what a record says the VIF was asked for, and the
 * plans that dry runs and explain reply.
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
};

static const struct nla_policy enforce_policy[NVIRT_A_ENFORCE_MAX + 1] = {
	[NVIRT_A_ENFORCE_SETTING]	= NVIRT_POLICY_U32,
	[NVIRT_A_ENFORCE_POINT]		= NVIRT_POLICY_U32,
};

static const struct nla_policy stats_policy[NVIRT_A_VIF_STATS_MAX + 1] = {
	[NVIRT_A_VIF_STATS_RX_PACKETS ... NVIRT_A_VIF_STATS_MAX] =
		NVIRT_POLICY_UINT,
};

/* The kernel's texts longer than our fields are cut, not refused. */
static const struct nla_policy plan_policy[NVIRT_A_PLAN_MAX + 1] = {
	[NVIRT_A_PLAN_ERROR]		= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_ERROR_TEXT]	= { .type = NLA_STRING },
	[NVIRT_A_PLAN_BACKEND]		= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_G2G]		= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_MIGRATABLE]	= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_DISPLACE]		= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_ENFORCE]		= { .type = NLA_NESTED },
	[NVIRT_A_PLAN_REASON]		= { .type = NLA_NESTED },
};

static const struct nla_policy reason_policy[NVIRT_A_PLAN_REASON_MAX + 1] = {
	[NVIRT_A_PLAN_REASON_CODE]	= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_REASON_TEXT]	= { .type = NLA_STRING },
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
};

/* All the NVIRT_VIF_F_* bits this library knows. */
#define CFG_FIELDS	((NVIRT_VIF_F_POLICY_NAME << 1) - 1)

/* What names a VIF (or the NIC of a new one or of a dump), what to set. */
struct vif_sel {
	uint32_t id;
	const char *name;
	uint32_t parent_ifindex;
	const char *parent_ifname;
	const struct nvirt_vif_config *cfg;	/* or NULL */
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
					   &cfg->policy)) ||
		    ((cfg->fields & NVIRT_VIF_F_POLICY_NAME) &&
		     nla_put_string(msg, NVIRT_A_VIF_POLICY_NAME,
				    cfg->policy_name))))
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
	st->has_spoof_dropped = tb[NVIRT_A_VIF_STATS_SPOOF_DROPPED] != NULL;
	st->has_vlan_dropped = tb[NVIRT_A_VIF_STATS_VLAN_DROPPED] != NULL;
	st->has_ring = tb[NVIRT_A_VIF_STATS_RING_POSTS] != NULL;
	return 0;
}

/*
 * One enforce nest, of a record or a plan: where a setting in effect is
 * enforced, into @enforce (NVIRT_LIB_SETTINGS of them).
 */
static int enforce_parse(uint8_t *enforce, struct nlattr *nest)
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
	if (enforce[setting])
		return -EBADMSG;	/* one per setting */
	enforce[setting] = nla_get_u32(tb[NVIRT_A_ENFORCE_POINT]);
	return 0;
}

/* One NVIRT_A_PLAN_REASON, the next in order; beyond our room, dropped. */
static int plan_reason(struct nvirt_plan *plan, struct nlattr *nest)
{
	struct nlattr *tb[NVIRT_A_PLAN_REASON_MAX + 1];
	struct nvirt_plan_why *r;
	int err;

	err = nvirt_nest(tb, NVIRT_A_PLAN_REASON_MAX, nest, reason_policy,
			 NVIRT_NEED(NVIRT_A_PLAN_REASON_CODE));
	if (err || plan->n_reasons == NVIRT_PLAN_REASONS)
		return err;
	r = &plan->reasons[plan->n_reasons++];
	r->code = nla_get_u32(tb[NVIRT_A_PLAN_REASON_CODE]);
	if (tb[NVIRT_A_PLAN_REASON_TEXT])
		nvirt_attr_str(r->text, sizeof(r->text),
			       tb[NVIRT_A_PLAN_REASON_TEXT]);
	return 0;
}

/* The attributes a plan may repeat: where settings are, and why. */
static int plan_multi(struct nvirt_plan *plan, struct nlattr *nest)
{
	struct nlattr *attr;
	int rem, err;

	nla_for_each_nested(attr, nest, rem) {
		switch (nla_type(attr)) {
		case NVIRT_A_PLAN_ENFORCE:
			err = enforce_parse(plan->enforce, attr);
			break;
		case NVIRT_A_PLAN_REASON:
			err = plan_reason(plan, attr);
			break;
		default:
			err = 0;
		}
		if (err)
			return err;
	}
	return 0;
}

/* A plan nest, whole: a refusal without words gets errno's. */
static int plan_parse(struct nvirt_plan *plan, struct nlattr *nest)
{
	struct nlattr *tb[NVIRT_A_PLAN_MAX + 1];
	int err;

	err = nvirt_nest(tb, NVIRT_A_PLAN_MAX, nest, plan_policy, 0);
	if (err)
		return err;
	memset(plan, 0, sizeof(*plan));
	plan->error = nvirt_u32(tb, NVIRT_A_PLAN_ERROR);
	if (plan->error < 0)
		return -EBADMSG;	/* no errno is that large */
	if (tb[NVIRT_A_PLAN_ERROR_TEXT])
		nvirt_attr_str(plan->error_text, sizeof(plan->error_text),
			       tb[NVIRT_A_PLAN_ERROR_TEXT]);
	else if (plan->error)
		snprintf(plan->error_text, sizeof(plan->error_text), "%s",
			 strerror(plan->error));
	plan->backend = nvirt_u8(tb, NVIRT_A_PLAN_BACKEND);
	plan->g2g = nvirt_u8(tb, NVIRT_A_PLAN_G2G);
	plan->migratable = nvirt_u8(tb, NVIRT_A_PLAN_MIGRATABLE);
	plan->displace = nvirt_u32(tb, NVIRT_A_PLAN_DISPLACE);
	return plan_multi(plan, nest);
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
		vif->vlan = nla_get_u32(tb[NVIRT_A_VIF_VLAN]);
	vif->vlan_qos = nvirt_u8(tb, NVIRT_A_VIF_VLAN_QOS);
	vif->vlan_proto = nvirt_u8(tb, NVIRT_A_VIF_VLAN_PROTO);
	vif->mtu = nvirt_u32(tb, NVIRT_A_VIF_MTU);
	vif->max_rate = nvirt_u32(tb, NVIRT_A_VIF_MAX_RATE);
	vif->min_rate = nvirt_u32(tb, NVIRT_A_VIF_MIN_RATE);
	vif->spoofchk = nvirt_u8(tb, NVIRT_A_VIF_SPOOFCHK);
	vif->trust = nvirt_u8(tb, NVIRT_A_VIF_TRUST);
	vif->link_state = nvirt_u8(tb, NVIRT_A_VIF_LINK_STATE);
}

/* What the kernel made of its policy, and the named one it follows. */
static int vif_policy_state(struct nvirt_vif *vif, struct nlattr **tb)
{
	vif->has_migratable = tb[NVIRT_A_VIF_MIGRATABLE] != NULL;
	vif->migratable = nvirt_u8(tb, NVIRT_A_VIF_MIGRATABLE);
	vif->g2g = nvirt_u8(tb, NVIRT_A_VIF_G2G);
	if (tb[NVIRT_A_VIF_POLICY_NAME])
		nvirt_attr_str(vif->policy_name, sizeof(vif->policy_name),
			       tb[NVIRT_A_VIF_POLICY_NAME]);
	if (!tb[NVIRT_A_VIF_POLICY])
		return 0;
	return nvirt_policy_nest_parse(&vif->policy, tb[NVIRT_A_VIF_POLICY]);
}

/*
 * Read a reply or notification carrying a record: the parse_fn of gets.
 * A plan it carries is not read: see vif_with_plan().
 */
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
	err = vif_policy_state(vif, tb);
	if (err)
		return err;

	/* The one attribute a reply may repeat: where settings are enforced. */
	nla_for_each_attr(attr, attrs->head, attrs->len, rem) {
		if (nla_type(attr) != NVIRT_A_VIF_ENFORCE)
			continue;
		err = enforce_parse(vif->enforce, attr);
		if (err)
			return err;
	}
	return 0;
}

/* A record, and where the plan it may carry goes. */
struct vif_dst {
	struct nvirt_vif *vif;
	struct nvirt_plan *plan;
};

/* Read a record and the plan it may carry, which vif->plan then shows. */
static int vif_with_plan(struct nlattr **tb, const struct nvirt_attrs *attrs,
			 void *arg)
{
	const struct vif_dst *dst = arg;
	int err;

	err = vif_from_attrs(tb, attrs, dst->vif);
	if (err || !tb[NVIRT_A_VIF_PLAN])
		return err;
	err = plan_parse(dst->plan, tb[NVIRT_A_VIF_PLAN]);
	if (!err)
		dst->vif->plan = dst->plan;
	return err;
}

/* Read the plan of a dry run's reply, which must carry one. */
static int vif_plan_from_attrs(struct nlattr **tb,
			       const struct nvirt_attrs *attrs __maybe_unused,
			       void *arg)
{
	if (!tb[NVIRT_A_VIF_PLAN])
		return -EBADMSG;
	return plan_parse(arg, tb[NVIRT_A_VIF_PLAN]);
}

/* Read an explanation: a part of the record, and the plan apart. */
static int vif_explain_from_attrs(struct nlattr **tb,
				  const struct nvirt_attrs *attrs, void *arg)
{
	const struct vif_dst *dst = arg;

	return vif_from_attrs(tb, attrs, dst->vif) ?:
	       vif_plan_from_attrs(tb, attrs, dst->plan);
}

int nvirt_vif_parse(struct nlmsghdr *nlh, struct nvirt_vif *vif,
		    struct nvirt_plan *plan)
{
	struct vif_dst dst = { .vif = vif, .plan = plan };

	return nvirt_parse(nlh, NVIRT_A_VIF_MAX, vif_policy, vif_with_plan,
			   &dst);
}

int nvirt_vif_plan_parse(struct nlmsghdr *nlh, struct nvirt_plan *plan)
{
	return nvirt_parse(nlh, NVIRT_A_VIF_MAX, vif_policy,
			   vif_plan_from_attrs, plan);
}

int nvirt_vif_explain_parse(struct nlmsghdr *nlh, struct nvirt_vif *vif,
			    struct nvirt_plan *plan)
{
	struct vif_dst dst = { .vif = vif, .plan = plan };

	return nvirt_parse(nlh, NVIRT_A_VIF_MAX, vif_policy,
			   vif_explain_from_attrs, &dst);
}

/* A config this library can send; the reason on the handle when not. */
static int vif_cfg_check(struct nvirt *h, const struct nvirt_vif_config *cfg)
{
	const char *msg;

	if (!cfg)
		return 0;
	if (cfg->fields & ~CFG_FIELDS)
		msg = "unknown field in the VIF config";
	else if ((cfg->fields & NVIRT_VIF_F_POLICY) &&
		 (cfg->policy.fields & ~NVIRT_NAMED_POLICY_FIELDS))
		msg = "unknown field in the VIF policy";
	else if ((cfg->fields & NVIRT_VIF_F_POLICY) &&
		 (cfg->policy.fields & ~NVIRT_VIF_POLICY_FIELDS))
		msg = "a VIF's rates are its max_rate and min_rate, not its policy's";
	else if ((cfg->fields & NVIRT_VIF_F_POLICY_NAME) && !cfg->policy_name)
		msg = "no policy name: \"\" follows none";
	else
		return 0;
	h->warning[0] = '\0';
	return nvirt_fail(h, -EINVAL, msg);
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
	/* The plan of its record stays on the handle, for vif->plan. */
	struct vif_dst dst = { .vif = vif, .plan = &h->plan };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_NEW, &sel),
		.parse = vif ? vif_with_plan : NULL,
		.arg = &dst,
	};

	return vif_cfg_check(h, cfg) ?: nvirt_request(h, &req);
}

int nvirt_vif_new_plan(struct nvirt *h, const char *name,
		       uint32_t parent_ifindex, const char *parent_ifname,
		       const struct nvirt_vif_config *cfg,
		       struct nvirt_plan *plan)
{
	const struct vif_sel sel = {
		.name = name, .parent_ifindex = parent_ifindex,
		.parent_ifname = parent_ifname, .cfg = cfg, .dry_run = true,
	};
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_NEW, &sel),
		.parse = vif_plan_from_attrs,
		.arg = plan,
	};

	return vif_cfg_check(h, cfg) ?: nvirt_request(h, &req);
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
	nvirt_list_free(&list);
	return err;
}

int nvirt_vif_set(struct nvirt *h, uint32_t id, const char *name,
		  const struct nvirt_vif_config *cfg)
{
	const struct vif_sel sel = { .id = id, .name = name, .cfg = cfg };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_SET, &sel),
	};

	return vif_cfg_check(h, cfg) ?: nvirt_request(h, &req);
}

int nvirt_vif_set_plan(struct nvirt *h, uint32_t id, const char *name,
		       const struct nvirt_vif_config *cfg,
		       struct nvirt_plan *plan)
{
	const struct vif_sel sel = {
		.id = id, .name = name, .cfg = cfg, .dry_run = true,
	};
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_SET, &sel),
		.parse = vif_plan_from_attrs,
		.arg = plan,
	};

	return vif_cfg_check(h, cfg) ?: nvirt_request(h, &req);
}

int nvirt_vif_explain(struct nvirt *h, uint32_t id, const char *name,
		      struct nvirt_vif *vif, struct nvirt_plan *plan)
{
	const struct vif_sel sel = { .id = id, .name = name };
	struct vif_dst dst = { .vif = vif, .plan = plan };
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_EXPLAIN, &sel),
		.parse = vif_explain_from_attrs,
		.arg = &dst,
	};

	return nvirt_request(h, &req);
}

/* A VIF, and the config that would create it again. */
struct vif_asked {
	struct nvirt_vif vif;
	struct nvirt_vif_config cfg;
};

/*
 * What a record says the VIF was asked for: its settings, the backend
 * requested, and the fields of its policy given to it itself.
 */
static int vif_asked_from_attrs(struct nlattr **tb,
				const struct nvirt_attrs *attrs, void *arg)
{
	struct vif_asked *a = arg;
	struct nvirt_vif_config *cfg = &a->cfg;
	const struct nvirt_vif *vif = &a->vif;
	struct nvirt_policy own;
	int err;

	if (!tb[NVIRT_A_VIF_BACKEND_REQUEST] || !tb[NVIRT_A_VIF_OWN_POLICY])
		return -EOPNOTSUPP;
	err = vif_from_attrs(tb, attrs, &a->vif) ?:
	      nvirt_policy_nest_parse(&own, tb[NVIRT_A_VIF_OWN_POLICY]);
	if (err)
		return err;

	memset(cfg, 0, sizeof(*cfg));
	cfg->fields = NVIRT_VIF_F_BACKEND | NVIRT_VIF_F_MAC | NVIRT_VIF_F_MTU |
		      NVIRT_VIF_F_SPOOFCHK | NVIRT_VIF_F_TRUST |
		      NVIRT_VIF_F_LINK_STATE;
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
	if (own.fields & NVIRT_POLICY_F_MAX_RATE) {
		cfg->fields |= NVIRT_VIF_F_MAX_RATE;
		cfg->max_rate = own.max_rate;
	}
	if (own.fields & NVIRT_POLICY_F_MIN_RATE) {
		cfg->fields |= NVIRT_VIF_F_MIN_RATE;
		cfg->min_rate = own.min_rate;
	}
	own.fields &= NVIRT_VIF_POLICY_FIELDS;
	own.max_rate = 0;
	own.min_rate = 0;
	if (own.fields)
		cfg->fields |= NVIRT_VIF_F_POLICY;
	cfg->policy = own;
	if (vif->policy_name[0])
		cfg->fields |= NVIRT_VIF_F_POLICY_NAME;
	return 0;
}

int nvirt_vif_dump_config(struct nvirt *h, uint32_t parent_ifindex,
			  const char *parent_ifname, nvirt_vif_config_cb cb,
			  void *arg)
{
	const struct vif_sel sel = {
		.parent_ifindex = parent_ifindex,
		.parent_ifname = parent_ifname,
	};
	struct nvirt_list list = {
		.read = vif_asked_from_attrs,
		.item_size = sizeof(struct vif_asked),
	};
	const struct nvirt_req req = {
		VIF_REQ(NVIRT_CMD_VIF_GET, &sel),
	};
	struct vif_asked *items;
	size_t i;
	int err;

	err = nvirt_dump(h, &req, &list);
	if (err == -EOPNOTSUPP)
		err = nvirt_fail(h, err,
				 "the kernel's VIF records do not say what the VIFs were asked for: nvirt.ko is older than libnvirt");
	items = list.items;
	for (i = 0; !err && i < list.n; i++) {
		/* The items moved as the list grew: point at the name now. */
		items[i].cfg.policy_name = items[i].vif.policy_name;
		err = cb(&items[i].vif, &items[i].cfg, arg);
	}
	nvirt_list_free(&list);
	return err;
}
