// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/nvirt.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "netlink-gen.h"

#include <uapi/linux/nvirt.h>

/* Integer value ranges */
static const struct netlink_range_validation nvirt_a_nic_ifindex_range = {
	.min	= 1ULL,
	.max	= S32_MAX,
};

static const struct netlink_range_validation nvirt_a_vif_parent_ifindex_range = {
	.min	= 1ULL,
	.max	= S32_MAX,
};

static const struct netlink_range_validation nvirt_a_vif_mtu_range = {
	.min	= 68ULL,
	.max	= S32_MAX,
};

/* Common nested types */
const struct nla_policy nvirt_policy_nl_policy[NVIRT_A_POLICY_PRIORITY + 1] = {
	[NVIRT_A_POLICY_GOAL] = NLA_POLICY_MAX(NLA_U32, 3),
	[NVIRT_A_POLICY_ISOLATION] = NLA_POLICY_MAX(NLA_U32, 1),
	[NVIRT_A_POLICY_MIGRATABLE] = NLA_POLICY_MAX(NLA_U32, 1),
	[NVIRT_A_POLICY_VISIBILITY] = NLA_POLICY_MAX(NLA_U32, 1),
	[NVIRT_A_POLICY_G2G] = NLA_POLICY_MAX(NLA_U32, 3),
	[NVIRT_A_POLICY_PRIORITY] = { .type = NLA_U32, },
};

const struct nla_policy nvirt_pool_member_nl_policy[NVIRT_A_POOL_MEMBER_LINK + 1] = {
	[NVIRT_A_POOL_MEMBER_IFINDEX] = { .type = NLA_U32, },
	[NVIRT_A_POOL_MEMBER_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[NVIRT_A_POOL_MEMBER_LINK] = NLA_POLICY_MAX(NLA_U32, 2),
};

/* NVIRT_CMD_NIC_GET - do */
static const struct nla_policy nvirt_nic_get_nl_policy[NVIRT_A_NIC_IFNAME + 1] = {
	[NVIRT_A_NIC_IFINDEX] = NLA_POLICY_FULL_RANGE(NLA_U32, &nvirt_a_nic_ifindex_range),
	[NVIRT_A_NIC_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* NVIRT_CMD_NIC_SET - do */
static const struct nla_policy nvirt_nic_set_nl_policy[NVIRT_A_NIC_MANAGED + 1] = {
	[NVIRT_A_NIC_IFINDEX] = NLA_POLICY_FULL_RANGE(NLA_U32, &nvirt_a_nic_ifindex_range),
	[NVIRT_A_NIC_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[NVIRT_A_NIC_MANAGED] = NLA_POLICY_MAX(NLA_U32, 1),
};

/* NVIRT_CMD_VIF_NEW - do */
static const struct nla_policy nvirt_vif_new_nl_policy[NVIRT_A_VIF_POOL_NAME + 1] = {
	[NVIRT_A_VIF_NAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[NVIRT_A_VIF_PARENT_IFINDEX] = NLA_POLICY_FULL_RANGE(NLA_U32, &nvirt_a_vif_parent_ifindex_range),
	[NVIRT_A_VIF_PARENT_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[NVIRT_A_VIF_BACKEND] = NLA_POLICY_MAX(NLA_U32, 3),
	[NVIRT_A_VIF_NETNS_FD] = NLA_POLICY_MIN(NLA_S32, 0),
	[NVIRT_A_VIF_ATTACH] = NLA_POLICY_MAX(NLA_U32, 2),
	[NVIRT_A_VIF_MAC] = NLA_POLICY_EXACT_LEN(6),
	[NVIRT_A_VIF_VLAN] = NLA_POLICY_MAX(NLA_U32, 4094),
	[NVIRT_A_VIF_VLAN_QOS] = NLA_POLICY_MAX(NLA_U32, 7),
	[NVIRT_A_VIF_VLAN_PROTO] = NLA_POLICY_MAX(NLA_U32, 1),
	[NVIRT_A_VIF_MTU] = NLA_POLICY_FULL_RANGE(NLA_U32, &nvirt_a_vif_mtu_range),
	[NVIRT_A_VIF_MAX_RATE] = { .type = NLA_U32, },
	[NVIRT_A_VIF_MIN_RATE] = { .type = NLA_U32, },
	[NVIRT_A_VIF_SPOOFCHK] = NLA_POLICY_MAX(NLA_U32, 1),
	[NVIRT_A_VIF_TRUST] = NLA_POLICY_MAX(NLA_U32, 1),
	[NVIRT_A_VIF_LINK_STATE] = NLA_POLICY_MAX(NLA_U32, 2),
	[NVIRT_A_VIF_POLICY] = NLA_POLICY_NESTED(nvirt_policy_nl_policy),
	[NVIRT_A_VIF_POLICY_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
	[NVIRT_A_VIF_DRY_RUN] = { .type = NLA_FLAG, },
	[NVIRT_A_VIF_POOL_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
};

/* NVIRT_CMD_VIF_DEL - do */
static const struct nla_policy nvirt_vif_del_nl_policy[NVIRT_A_VIF_NAME + 1] = {
	[NVIRT_A_VIF_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[NVIRT_A_VIF_NAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* NVIRT_CMD_VIF_GET - do */
static const struct nla_policy nvirt_vif_get_do_nl_policy[NVIRT_A_VIF_NAME + 1] = {
	[NVIRT_A_VIF_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[NVIRT_A_VIF_NAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* NVIRT_CMD_VIF_GET - dump */
static const struct nla_policy nvirt_vif_get_dump_nl_policy[NVIRT_A_VIF_PARENT_IFNAME + 1] = {
	[NVIRT_A_VIF_PARENT_IFINDEX] = NLA_POLICY_FULL_RANGE(NLA_U32, &nvirt_a_vif_parent_ifindex_range),
	[NVIRT_A_VIF_PARENT_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* NVIRT_CMD_VIF_SET - do */
static const struct nla_policy nvirt_vif_set_nl_policy[NVIRT_A_VIF_ATTACH + 1] = {
	[NVIRT_A_VIF_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[NVIRT_A_VIF_NAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[NVIRT_A_VIF_BACKEND] = NLA_POLICY_MAX(NLA_U32, 3),
	[NVIRT_A_VIF_NETNS_FD] = NLA_POLICY_MIN(NLA_S32, 0),
	[NVIRT_A_VIF_ATTACH] = NLA_POLICY_MAX(NLA_U32, 2),
	[NVIRT_A_VIF_MAC] = NLA_POLICY_EXACT_LEN(6),
	[NVIRT_A_VIF_VLAN] = NLA_POLICY_MAX(NLA_U32, 4094),
	[NVIRT_A_VIF_VLAN_QOS] = NLA_POLICY_MAX(NLA_U32, 7),
	[NVIRT_A_VIF_VLAN_PROTO] = NLA_POLICY_MAX(NLA_U32, 1),
	[NVIRT_A_VIF_MTU] = NLA_POLICY_FULL_RANGE(NLA_U32, &nvirt_a_vif_mtu_range),
	[NVIRT_A_VIF_MAX_RATE] = { .type = NLA_U32, },
	[NVIRT_A_VIF_MIN_RATE] = { .type = NLA_U32, },
	[NVIRT_A_VIF_SPOOFCHK] = NLA_POLICY_MAX(NLA_U32, 1),
	[NVIRT_A_VIF_TRUST] = NLA_POLICY_MAX(NLA_U32, 1),
	[NVIRT_A_VIF_LINK_STATE] = NLA_POLICY_MAX(NLA_U32, 2),
	[NVIRT_A_VIF_POLICY] = NLA_POLICY_NESTED(nvirt_policy_nl_policy),
	[NVIRT_A_VIF_POLICY_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
	[NVIRT_A_VIF_DRY_RUN] = { .type = NLA_FLAG, },
};

/* NVIRT_CMD_VIF_EXPLAIN - do */
static const struct nla_policy nvirt_vif_explain_nl_policy[NVIRT_A_VIF_NAME + 1] = {
	[NVIRT_A_VIF_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[NVIRT_A_VIF_NAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* NVIRT_CMD_POLICY_NEW - do */
static const struct nla_policy nvirt_policy_new_nl_policy[NVIRT_A_NAMED_POLICY_POOL_NAME + 1] = {
	[NVIRT_A_NAMED_POLICY_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
	[NVIRT_A_NAMED_POLICY_POLICY] = NLA_POLICY_NESTED(nvirt_policy_nl_policy),
	[NVIRT_A_NAMED_POLICY_MAX_RATE] = { .type = NLA_U32, },
	[NVIRT_A_NAMED_POLICY_MIN_RATE] = { .type = NLA_U32, },
	[NVIRT_A_NAMED_POLICY_POOL_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
};

/* NVIRT_CMD_POLICY_GET - do */
static const struct nla_policy nvirt_policy_get_nl_policy[NVIRT_A_NAMED_POLICY_NAME + 1] = {
	[NVIRT_A_NAMED_POLICY_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
};

/* NVIRT_CMD_POLICY_SET - do */
static const struct nla_policy nvirt_policy_set_nl_policy[NVIRT_A_NAMED_POLICY_POOL_NAME + 1] = {
	[NVIRT_A_NAMED_POLICY_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
	[NVIRT_A_NAMED_POLICY_POLICY] = NLA_POLICY_NESTED(nvirt_policy_nl_policy),
	[NVIRT_A_NAMED_POLICY_MAX_RATE] = { .type = NLA_U32, },
	[NVIRT_A_NAMED_POLICY_MIN_RATE] = { .type = NLA_U32, },
	[NVIRT_A_NAMED_POLICY_POOL_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
};

/* NVIRT_CMD_POLICY_DEL - do */
static const struct nla_policy nvirt_policy_del_nl_policy[NVIRT_A_NAMED_POLICY_NAME + 1] = {
	[NVIRT_A_NAMED_POLICY_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
};

/* NVIRT_CMD_POOL_NEW - do */
static const struct nla_policy nvirt_pool_new_nl_policy[NVIRT_A_POOL_GRACE + 1] = {
	[NVIRT_A_POOL_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
	[NVIRT_A_POOL_MEMBER] = NLA_POLICY_NESTED(nvirt_pool_member_nl_policy),
	[NVIRT_A_POOL_GRACE] = NLA_POLICY_MAX(NLA_U32, 3600),
};

/* NVIRT_CMD_POOL_GET - do */
static const struct nla_policy nvirt_pool_get_nl_policy[NVIRT_A_POOL_NAME + 1] = {
	[NVIRT_A_POOL_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
};

/* NVIRT_CMD_POOL_SET - do */
static const struct nla_policy nvirt_pool_set_nl_policy[NVIRT_A_POOL_GRACE + 1] = {
	[NVIRT_A_POOL_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
	[NVIRT_A_POOL_MEMBER] = NLA_POLICY_NESTED(nvirt_pool_member_nl_policy),
	[NVIRT_A_POOL_GRACE] = NLA_POLICY_MAX(NLA_U32, 3600),
};

/* NVIRT_CMD_POOL_DEL - do */
static const struct nla_policy nvirt_pool_del_nl_policy[NVIRT_A_POOL_NAME + 1] = {
	[NVIRT_A_POOL_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
};

/* NVIRT_CMD_NIC_VERIFY - do */
static const struct nla_policy nvirt_nic_verify_nl_policy[NVIRT_A_NIC_VERIFY_FORGET + 1] = {
	[NVIRT_A_NIC_IFINDEX] = NLA_POLICY_FULL_RANGE(NLA_U32, &nvirt_a_nic_ifindex_range),
	[NVIRT_A_NIC_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[NVIRT_A_NIC_VERIFY_FORGET] = { .type = NLA_FLAG, },
};

/* Ops table for nvirt */
static const struct genl_split_ops nvirt_nl_ops[] = {
	{
		.cmd		= NVIRT_CMD_VERSION_GET,
		.pre_doit	= nvirt_nl_no_attrs_doit,
		.doit		= nvirt_nl_version_get_doit,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_NIC_GET,
		.pre_doit	= nvirt_nic_pre_doit,
		.doit		= nvirt_nl_nic_get_doit,
		.post_doit	= nvirt_nic_post_doit,
		.policy		= nvirt_nic_get_nl_policy,
		.maxattr	= NVIRT_A_NIC_IFNAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= NVIRT_CMD_NIC_GET,
		.start	= nvirt_nl_nic_get_dump_start,
		.dumpit	= nvirt_nl_nic_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= NVIRT_CMD_NIC_SET,
		.pre_doit	= nvirt_nic_pre_doit,
		.doit		= nvirt_nl_nic_set_doit,
		.post_doit	= nvirt_nic_post_doit,
		.policy		= nvirt_nic_set_nl_policy,
		.maxattr	= NVIRT_A_NIC_MANAGED,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_VIF_NEW,
		.doit		= nvirt_nl_vif_new_doit,
		.policy		= nvirt_vif_new_nl_policy,
		.maxattr	= NVIRT_A_VIF_POOL_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_VIF_DEL,
		.doit		= nvirt_nl_vif_del_doit,
		.policy		= nvirt_vif_del_nl_policy,
		.maxattr	= NVIRT_A_VIF_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_VIF_GET,
		.doit		= nvirt_nl_vif_get_doit,
		.policy		= nvirt_vif_get_do_nl_policy,
		.maxattr	= NVIRT_A_VIF_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_VIF_GET,
		.dumpit		= nvirt_nl_vif_get_dumpit,
		.policy		= nvirt_vif_get_dump_nl_policy,
		.maxattr	= NVIRT_A_VIF_PARENT_IFNAME,
		.flags		= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= NVIRT_CMD_VIF_SET,
		.doit		= nvirt_nl_vif_set_doit,
		.policy		= nvirt_vif_set_nl_policy,
		.maxattr	= NVIRT_A_VIF_ATTACH,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_VIF_EXPLAIN,
		.doit		= nvirt_nl_vif_explain_doit,
		.policy		= nvirt_vif_explain_nl_policy,
		.maxattr	= NVIRT_A_VIF_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_POLICY_NEW,
		.doit		= nvirt_nl_policy_new_doit,
		.policy		= nvirt_policy_new_nl_policy,
		.maxattr	= NVIRT_A_NAMED_POLICY_POOL_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_POLICY_GET,
		.doit		= nvirt_nl_policy_get_doit,
		.policy		= nvirt_policy_get_nl_policy,
		.maxattr	= NVIRT_A_NAMED_POLICY_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= NVIRT_CMD_POLICY_GET,
		.start	= nvirt_nl_no_attrs_start,
		.dumpit	= nvirt_nl_policy_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= NVIRT_CMD_POLICY_SET,
		.doit		= nvirt_nl_policy_set_doit,
		.policy		= nvirt_policy_set_nl_policy,
		.maxattr	= NVIRT_A_NAMED_POLICY_POOL_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_POLICY_DEL,
		.doit		= nvirt_nl_policy_del_doit,
		.policy		= nvirt_policy_del_nl_policy,
		.maxattr	= NVIRT_A_NAMED_POLICY_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_POOL_NEW,
		.doit		= nvirt_nl_pool_new_doit,
		.policy		= nvirt_pool_new_nl_policy,
		.maxattr	= NVIRT_A_POOL_GRACE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_POOL_GET,
		.doit		= nvirt_nl_pool_get_doit,
		.policy		= nvirt_pool_get_nl_policy,
		.maxattr	= NVIRT_A_POOL_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= NVIRT_CMD_POOL_GET,
		.start	= nvirt_nl_no_attrs_start,
		.dumpit	= nvirt_nl_pool_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= NVIRT_CMD_POOL_SET,
		.doit		= nvirt_nl_pool_set_doit,
		.policy		= nvirt_pool_set_nl_policy,
		.maxattr	= NVIRT_A_POOL_GRACE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_POOL_DEL,
		.doit		= nvirt_nl_pool_del_doit,
		.policy		= nvirt_pool_del_nl_policy,
		.maxattr	= NVIRT_A_POOL_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NVIRT_CMD_NIC_VERIFY,
		.doit		= nvirt_nl_nic_verify_doit,
		.policy		= nvirt_nic_verify_nl_policy,
		.maxattr	= NVIRT_A_NIC_VERIFY_FORGET,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
};

static const struct genl_multicast_group nvirt_nl_mcgrps[] = {
	[NVIRT_NLGRP_MONITOR] = { "monitor", },
};

struct genl_family nvirt_nl_family __ro_after_init = {
	.name		= NVIRT_FAMILY_NAME,
	.version	= NVIRT_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= nvirt_nl_ops,
	.n_split_ops	= ARRAY_SIZE(nvirt_nl_ops),
	.mcgrps		= nvirt_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(nvirt_nl_mcgrps),
};
