// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: decode the kernel's extended ACK.
 *
 * libnl hands NLMSG_ERROR and NLMSG_DONE over undecoded; the TLVs after
 * their payload carry the kernel's message (NLMSGERR_ATTR_MSG), the offset
 * of the attribute it rejected in our request (NLMSGERR_ATTR_OFFS) and, for
 * policy violations, the policy that attribute broke (NLMSGERR_ATTR_POLICY).
 */

#include <string.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "internal.h"

static const struct nla_policy ext_ack_policy[NLMSGERR_ATTR_MAX + 1] = {
	[NLMSGERR_ATTR_MSG]	= { .type = NLA_STRING },
	[NLMSGERR_ATTR_OFFS]	= { .type = NLA_U32 },
	[NLMSGERR_ATTR_POLICY]	= { .type = NLA_NESTED },
};

static const struct nla_policy attr_policy_policy[NL_POLICY_TYPE_ATTR_MAX + 1] = {
	[NL_POLICY_TYPE_ATTR_MIN_VALUE_U]	= { .type = NLA_U64 },
	[NL_POLICY_TYPE_ATTR_MAX_VALUE_U]	= { .type = NLA_U64 },
	[NL_POLICY_TYPE_ATTR_MIN_LENGTH]	= { .type = NLA_U32 },
	[NL_POLICY_TYPE_ATTR_MAX_LENGTH]	= { .type = NLA_U32 },
};

/* The kernel's errnos are 1 to MAX_ERRNO. */
#define NVIRT_MAX_ERRNO		4095

/**
 * nvirt_ack_err() - the verdict an NLMSG_ERROR or NLMSG_DONE carries
 * @nlh: the message; an NLMSG_ERROR holds a whole struct nlmsgerr (libnl
 *	checked), an NLMSG_DONE of a dump maybe an int
 *
 * Return: 0 (an ACK, a dump's end) or a negative errno; -EPROTO when the
 * message carries a number that is no errno (-INT_MIN is none either).
 */
int nvirt_ack_err(const struct nlmsghdr *nlh)
{
	int err = 0;

	if (nlh->nlmsg_type == NLMSG_ERROR) {
		err = ((const struct nlmsgerr *)nlmsg_data(nlh))->error;
		if (err > 0)
			return -EPROTO;	/* a verdict is 0 or negative */
	} else if (nlmsg_datalen(nlh) >= (int)sizeof(err)) {
		err = *(const int *)nlmsg_data(nlh);
	}
	if (err < -NVIRT_MAX_ERRNO || err > NVIRT_MAX_ERRNO)
		return -EPROTO;
	return err > 0 ? -err : err;
}

/* Parse the TLVs of an NLMSG_ERROR or NLMSG_DONE; 0 when there are some. */
static int ext_ack_parse(struct nlmsghdr *nlh, struct nlattr **tb)
{
	const struct nlmsgerr *e = nlmsg_data(nlh);
	size_t hdrlen;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return -1;

	if (nlh->nlmsg_type == NLMSG_DONE) {
		hdrlen = sizeof(int);
	} else {
		/* libnl checked that the nlmsgerr itself is there */
		hdrlen = sizeof(*e);
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
			if (e->msg.nlmsg_len < NLMSG_HDRLEN)
				return -1;
			hdrlen += e->msg.nlmsg_len - NLMSG_HDRLEN;
		}
	}
	if (hdrlen > (size_t)nlmsg_datalen(nlh))
		return -1;

	return nlmsg_parse(nlh, hdrlen, tb, NLMSGERR_ATTR_MAX, ext_ack_policy);
}

/*
 * Name of the attribute at @offs in our request, or NULL. An offset into a
 * nest (a policy's goal) names the nest: the types inside it are of
 * another set, which @desc does not name.
 */
static const char *ext_ack_attr(const struct nlmsghdr *req, uint32_t offs,
				const struct nvirt_req *desc)
{
	struct nlattr *attr;
	uint32_t start;
	int rem, type;

	if (!desc->attr_names)
		return NULL;

	nlmsg_for_each_attr(attr, req, GENL_HDRLEN, rem) {
		start = (const char *)attr - (const char *)req;
		if (offs < start ||
		    offs >= start + nla_total_size(nla_len(attr)))
			continue;
		type = nla_type(attr);
		return type <= desc->maxattr ? desc->attr_names[type] : NULL;
	}
	return NULL;
}

/* Say what a rejected attribute's policy asked for, e.g. "max length 15". */
static void ext_ack_policy_str(char *buf, size_t len, struct nlattr *nest)
{
	struct nlattr *tb[NL_POLICY_TYPE_ATTR_MAX + 1];

	if (nla_parse_nested(tb, NL_POLICY_TYPE_ATTR_MAX, nest,
			     attr_policy_policy) < 0)
		return;

	if (tb[NL_POLICY_TYPE_ATTR_MAX_LENGTH])
		snprintf(buf, len, ": max length %u",
			 nla_get_u32(tb[NL_POLICY_TYPE_ATTR_MAX_LENGTH]));
	else if (tb[NL_POLICY_TYPE_ATTR_MIN_LENGTH])
		snprintf(buf, len, ": min length %u",
			 nla_get_u32(tb[NL_POLICY_TYPE_ATTR_MIN_LENGTH]));
	else if (tb[NL_POLICY_TYPE_ATTR_MIN_VALUE_U] &&
		 tb[NL_POLICY_TYPE_ATTR_MAX_VALUE_U])
		snprintf(buf, len, ": range %llu-%llu",
			 (unsigned long long)
			 nla_get_u64(tb[NL_POLICY_TYPE_ATTR_MIN_VALUE_U]),
			 (unsigned long long)
			 nla_get_u64(tb[NL_POLICY_TYPE_ATTR_MAX_VALUE_U]));
}

/**
 * nvirt_ext_ack() - describe the extended ACK of an NLMSG_ERROR or DONE
 * @buf: where to write the description; "" when the kernel sent none
 * @len: size of @buf
 * @err: the negative errno the message carries, or 0
 * @nlh: the NLMSG_ERROR or NLMSG_DONE
 * @req: the request it answers
 * @desc: the request's description, to name its attributes
 *
 * The kernel's message is used as it is, unless it is a generic policy
 * violation: that one is followed by the attribute and what its policy
 * wants, "Attribute failed policy validation (ifname: max length 15)".
 * With no message but a rejected attribute, errno's text is used instead.
 */
void nvirt_ext_ack(char *buf, size_t len, int err, struct nlmsghdr *nlh,
		   const struct nlmsghdr *req, const struct nvirt_req *desc)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	const char *msg = NULL, *name = NULL;
	char detail[64] = "";

	buf[0] = '\0';
	if (ext_ack_parse(nlh, tb))
		return;

	if (tb[NLMSGERR_ATTR_MSG])
		msg = nla_get_string(tb[NLMSGERR_ATTR_MSG]);
	if (tb[NLMSGERR_ATTR_OFFS])
		name = ext_ack_attr(req, nla_get_u32(tb[NLMSGERR_ATTR_OFFS]),
				    desc);
	if (tb[NLMSGERR_ATTR_POLICY])
		ext_ack_policy_str(detail, sizeof(detail),
				   tb[NLMSGERR_ATTR_POLICY]);

	if (!name || (msg && !tb[NLMSGERR_ATTR_POLICY])) {
		if (msg)
			snprintf(buf, len, "%s", msg);
		return;
	}
	if (!msg && !err)
		return;
	snprintf(buf, len, "%s (%s%s)", msg ? msg : strerror(-err), name,
		 detail);
}
