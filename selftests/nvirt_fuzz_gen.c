// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt_fuzz: messages built from the family's own policies, as
 * CTRL_CMD_GETPOLICY reported them. Most are near-valid: the right type
 * for every attribute, values at and around the bounds, ifindexes, netns
 * fds and names from a small pool so that creates, sets and deletes
 * collide. The rest carry mutations: wrong lengths, unknown types, cut or
 * trailing bytes, bad nests, strings without NUL, values out of range,
 * random header flags, dumps of do-only ops, random commands.
 */

#include <stdio.h>
#include <string.h>

#include "nvirt_fuzz.h"

/* A message being written, and where its top-level attributes are. */
struct fz_wr {
	char *buf;
	size_t cap;
	size_t len;
	int n_top;
	size_t top[64];
	int top_pol[64];	/* the policy of each, for mutations */
};

#define FZ_DEPTH_MAX	3

static struct nlattr *wr_attr(struct fz_wr *w, __u16 type, const void *data,
			      size_t len)
{
	size_t off = NLA_ALIGN(w->len);
	struct nlattr *nla;

	if (off + NLA_HDRLEN + NLA_ALIGN(len) > w->cap)
		return NULL;
	memset(w->buf + w->len, 0, off - w->len);
	nla = (struct nlattr *)(w->buf + off);
	nla->nla_type = type;
	nla->nla_len = NLA_HDRLEN + len;
	if (len)
		memcpy(w->buf + off + NLA_HDRLEN, data, len);
	memset(w->buf + off + NLA_HDRLEN + len, 0, NLA_ALIGN(len) - len);
	w->len = off + NLA_HDRLEN + len;
	return nla;
}

static void wr_nest_end(struct fz_wr *w, size_t off)
{
	((struct nlattr *)(w->buf + off))->nla_len = w->len - off;
}

static void wr_top(struct fz_wr *w, size_t off, int pol)
{
	if (w->n_top < (int)(sizeof(w->top) / sizeof(w->top[0]))) {
		w->top[w->n_top] = off;
		w->top_pol[w->n_top++] = pol;
	}
}

static const char *pool_name(struct fz_gen *g, __u32 max_len)
{
	const char *s;
	int tries;

	for (tries = 0; tries < 8; tries++) {
		s = g->pool->name[fz_below(&g->rng, g->pool->n_name)];
		if (!max_len || strlen(s) <= max_len)
			return s;
	}
	return "";
}

static __u32 pool_ifindex(struct fz_gen *g)
{
	if (g->pf_slot && g->pool->n_pf && fz_pct(&g->rng, 50))
		return g->pool->pf[fz_below(&g->rng, g->pool->n_pf)];
	return g->pool->ifindex[fz_below(&g->rng, g->pool->n_ifindex)];
}

static __u64 width_max(__u32 type)
{
	switch (type) {
	case NL_ATTR_TYPE_U8:
		return 0xff;
	case NL_ATTR_TYPE_U16:
		return 0xffff;
	case NL_ATTR_TYPE_U32:
		return 0xffffffffULL;
	}
	return ~0ULL;
}

static size_t width(__u32 type)
{
	switch (type) {
	case NL_ATTR_TYPE_U8:
	case NL_ATTR_TYPE_S8:
		return 1;
	case NL_ATTR_TYPE_U16:
	case NL_ATTR_TYPE_S16:
		return 2;
	case NL_ATTR_TYPE_U32:
	case NL_ATTR_TYPE_S32:
		return 4;
	}
	return 8;
}

static __u64 in_range(struct fz_gen *g, __u64 lo, __u64 hi)
{
	__u64 span = hi - lo;

	if (span == ~0ULL)
		return fz_next(&g->rng);
	return lo + fz_next(&g->rng) % (span + 1);
}

/*
 * An unsigned value: at and around the bounds, small numbers (enums, ids
 * of the first VIFs), pool ifindexes where the range looks like one, or
 * anything in range. @bad asks for one just out of range.
 */
static __u64 gen_uint(struct fz_gen *g, const struct nvnl_attr_pol *ap, bool bad)
{
	__u64 lo = ap->umin, hi = ap->umax ? ap->umax : width_max(ap->type);
	__u32 r = fz_below(&g->rng, 100);
	__u64 v;

	if (bad) {
		if (hi < width_max(ap->type) && (lo == 0 || fz_pct(&g->rng, 50)))
			return hi + 1 + fz_below(&g->rng, 3);
		return lo ? lo - 1 : width_max(ap->type);
	}
	if (lo >= 1 && hi >= 0xffff && r < 40) {
		v = pool_ifindex(g);
	} else if (r < 55) {
		v = fz_below(&g->rng, 4) == 0 ? lo : hi;
		return v;
	} else if (r < 62) {
		v = fz_pct(&g->rng, 50) ? lo + 1 : hi - 1;
	} else if (r < 85) {
		v = fz_below(&g->rng, 17);
	} else {
		return in_range(g, lo, hi);
	}
	return v < lo || v > hi ? lo : v;
}

/* A signed value: pool fds (netns-fd), bounds, or anything in range. */
static __s64 gen_sint(struct fz_gen *g, const struct nvnl_attr_pol *ap, bool bad)
{
	__s64 lo = ap->smin, hi = ap->smax;
	__u32 r = fz_below(&g->rng, 100);
	__s64 v;

	if (bad)
		return lo > -0x7fffffff ? lo - 1 : hi + 1;
	if (r < 60 && g->pool->n_fd)
		v = g->pool->fd[fz_below(&g->rng, g->pool->n_fd)];
	else if (r < 80)
		v = fz_pct(&g->rng, 50) ? lo : hi;
	else
		v = (__s64)in_range(g, 0, (__u64)(hi - lo)) + lo;
	return v < lo || v > hi ? lo : v;
}

static void put_int(struct fz_wr *w, __u16 type, __u32 nltype, __u64 v)
{
	__u8 v8 = v;
	__u16 v16 = v;
	__u32 v32 = v;

	switch (width(nltype)) {
	case 1:
		wr_attr(w, type, &v8, 1);
		break;
	case 2:
		wr_attr(w, type, &v16, 2);
		break;
	case 4:
		wr_attr(w, type, &v32, 4);
		break;
	default:
		wr_attr(w, type, &v, 8);
	}
}

static void put_str(struct fz_gen *g, struct fz_wr *w, __u16 type,
		    const struct nvnl_attr_pol *ap, bool bad)
{
	char s[48];
	size_t n;

	if (bad && fz_pct(&g->rng, 50)) {
		/* Too long (by one or more, its NUL apart), or without NUL. */
		n = (ap->max_len ? ap->max_len : 15) + 2 + fz_below(&g->rng, 16);
		if (n > sizeof(s))
			n = sizeof(s);
		memset(s, 'z', n);
		memcpy(s, "fz", 2);
		s[n - 1] = 0;
		wr_attr(w, type, s, n);
		return;
	}
	snprintf(s, sizeof(s), "%s", pool_name(g, ap->max_len));
	n = strlen(s);
	wr_attr(w, type, s, bad || (ap->type == NL_ATTR_TYPE_STRING &&
				    fz_pct(&g->rng, 50)) ? n : n + 1);
}

static void put_binary(struct fz_gen *g, struct fz_wr *w, __u16 type,
		       const struct nvnl_attr_pol *ap, bool bad)
{
	__u32 lo = ap->min_len, hi = ap->max_len ? ap->max_len : lo + 16;
	unsigned char b[64];
	__u32 n, i;

	n = lo + fz_below(&g->rng, hi - lo + 1);
	if (bad)
		n = lo && fz_pct(&g->rng, 50) ? lo - 1 : hi + 1;
	if (n > sizeof(b))
		n = sizeof(b);
	for (i = 0; i < n; i++)
		b[i] = fz_next(&g->rng);
	/* Mostly a locally administered unicast address, were it a MAC. */
	if (n && fz_pct(&g->rng, 80))
		b[0] = (b[0] & 0xfe) | 0x02;
	wr_attr(w, type, b, n);
}

static void gen_attrs(struct fz_gen *g, struct fz_wr *w, int pol, int depth,
		      __u64 required, bool top);

static void gen_nest(struct fz_gen *g, struct fz_wr *w, __u16 type,
		     const struct nvnl_attr_pol *ap, int depth, bool array)
{
	size_t off = NLA_ALIGN(w->len);
	int i, n;

	if (!wr_attr(w, type | NLA_F_NESTED, NULL, 0))
		return;
	if (ap->nested >= 0 && depth < FZ_DEPTH_MAX) {
		n = array ? 1 + fz_below(&g->rng, 3) : 1;
		for (i = 0; i < n; i++) {
			size_t in = NLA_ALIGN(w->len);

			if (array && !wr_attr(w, (i + 1) | NLA_F_NESTED, NULL, 0))
				break;
			gen_attrs(g, w, ap->nested, depth + 1, 0, false);
			if (array)
				wr_nest_end(w, in);
		}
	}
	wr_nest_end(w, off);
}

/* One attribute as its policy says, or (@bad) just outside it. */
static void gen_attr(struct fz_gen *g, struct fz_wr *w, __u16 type,
		     const struct nvnl_attr_pol *ap, int depth, bool bad)
{
	struct { __u32 value, selector; } bf;

	switch (ap->type) {
	case NL_ATTR_TYPE_FLAG:
		bf.value = 0;
		wr_attr(w, type, &bf, bad ? 4 : 0);
		break;
	case NL_ATTR_TYPE_U8:
	case NL_ATTR_TYPE_U16:
	case NL_ATTR_TYPE_U32:
	case NL_ATTR_TYPE_U64:
	case NL_ATTR_TYPE_UINT:
		put_int(w, type, ap->type, gen_uint(g, ap, bad));
		break;
	case NL_ATTR_TYPE_S8:
	case NL_ATTR_TYPE_S16:
	case NL_ATTR_TYPE_S32:
	case NL_ATTR_TYPE_S64:
	case NL_ATTR_TYPE_SINT:
		put_int(w, type, ap->type, (__u64)gen_sint(g, ap, bad));
		break;
	case NL_ATTR_TYPE_STRING:
	case NL_ATTR_TYPE_NUL_STRING:
		put_str(g, w, type, ap, bad);
		break;
	case NL_ATTR_TYPE_BINARY:
		put_binary(g, w, type, ap, bad);
		break;
	case NL_ATTR_TYPE_NESTED:
	case NL_ATTR_TYPE_NESTED_ARRAY:
		gen_nest(g, w, type, ap, depth, ap->type == NL_ATTR_TYPE_NESTED_ARRAY);
		break;
	case NL_ATTR_TYPE_BITFIELD32:
		bf.value = fz_next(&g->rng);
		bf.selector = bad ? ~ap->mask : fz_next(&g->rng) & ap->mask;
		wr_attr(w, type, &bf, sizeof(bf));
		break;
	}
}

/*
 * Each attribute of policy @pol, with probability a little under half;
 * those the op requires (@required) mostly.
 */
static void gen_attrs(struct fz_gen *g, struct fz_wr *w, int pol, int depth,
		      __u64 required, bool top)
{
	const struct nvnl_policy *p = &g->pol->pol[pol];
	int type;

	for (type = 1; type <= p->maxtype; type++) {
		if (!p->attr[type].type ||
		    !fz_pct(&g->rng, required & (1ULL << type) ? 90 : 45))
			continue;
		if (top)
			wr_top(w, NLA_ALIGN(w->len), pol);
		gen_attr(g, w, type, &p->attr[type], depth, false);
	}
}

/* A policy attribute of @pol to get wrong, or 0. */
static int pick_type(struct fz_gen *g, int pol)
{
	const struct nvnl_policy *p;
	int tries;

	if (pol < 0)
		return 0;
	p = &g->pol->pol[pol];
	for (tries = 0; tries < 16; tries++) {
		int t = 1 + fz_below(&g->rng, p->maxtype);

		if (p->attr[t].type)
			return t;
	}
	return 0;
}

static void mutate_attr(struct fz_gen *g, struct fz_wr *w, int pol, int kind)
{
	char junk[8];
	int t = pick_type(g, pol), i;

	for (i = 0; i < 8; i++)
		junk[i] = fz_next(&g->rng);
	switch (kind) {
	case 0:		/* an attribute just outside its policy */
		if (t)
			gen_attr(g, w, t, &g->pol->pol[pol].attr[t], 1, true);
		break;
	case 1:		/* an unknown type, or type 0 */
		wr_attr(w, fz_pct(&g->rng, 20) ? 0 :
			(pol >= 0 ? g->pol->pol[pol].maxtype : 0) + 1 +
			fz_below(&g->rng, 4), junk, fz_below(&g->rng, 9));
		break;
	case 2:		/* a nest of garbage, or a nest where a value goes */
		wr_attr(w, (t ? t : 1) | NLA_F_NESTED, junk,
			fz_below(&g->rng, 9));
		break;
	case 3:		/* a string without its NUL */
		wr_attr(w, t ? t : 1, pool_name(g, 0), 3);
		break;
	case 4:		/* a zero-length attribute */
		wr_attr(w, t ? t : 1, NULL, 0);
		break;
	case 5:		/* network byte order flagged */
		if (t) {
			size_t off = NLA_ALIGN(w->len);

			gen_attr(g, w, t, &g->pol->pol[pol].attr[t], 1, false);
			if (off < w->len)
				((struct nlattr *)(w->buf + off))->nla_type |=
					NLA_F_NET_BYTEORDER;
		}
		break;
	}
}

/* A top-level attribute's length made wrong, or one repeated. */
static void mutate_top(struct fz_gen *g, struct fz_wr *w)
{
	struct nlattr *nla;
	size_t off;
	int k;

	if (!w->n_top)
		return;
	k = fz_below(&g->rng, w->n_top);
	off = w->top[k];
	nla = (struct nlattr *)(w->buf + off);
	if (fz_pct(&g->rng, 30)) {
		size_t len = nla->nla_len;

		if (w->len + NLA_ALIGN(len) + 4 <= w->cap) {
			w->len = NLA_ALIGN(w->len);
			memmove(w->buf + w->len, nla, len);
			w->len += len;
		}
		return;
	}
	switch (fz_below(&g->rng, 4)) {
	case 0:
		nla->nla_len = fz_below(&g->rng, NLA_HDRLEN);
		break;
	case 1:
		nla->nla_len += 1 + fz_below(&g->rng, 8);
		break;
	case 2:
		if (nla->nla_len > NLA_HDRLEN)
			nla->nla_len -= 1 + fz_below(&g->rng,
						     nla->nla_len - NLA_HDRLEN);
		break;
	default:
		nla->nla_len = 0xffff - fz_below(&g->rng, 16);
	}
}

/* The op and its direction: every op the family lists, a few random. */
static void pick_op(struct fz_gen *g, struct fz_info *info, int *pol)
{
	__u32 flags;
	int k;

	k = fz_below(&g->rng, g->fam->n_ops);
	info->cmd = g->fam->ops[k].cmd;
	flags = g->fam->ops[k].flags;
	if ((flags & GENL_CMD_CAP_DO) && (flags & GENL_CMD_CAP_DUMP))
		info->dump = fz_pct(&g->rng, 50);
	else
		info->dump = !!(flags & GENL_CMD_CAP_DUMP);
	*pol = info->dump ? g->pol->dump_pol[info->cmd] : g->pol->do_pol[info->cmd];
}

static void gen_body(struct fz_gen *g, struct fz_wr *w, int pol,
		     const struct fz_info *info)
{
	int n, i;

	if (pol >= 0) {
		gen_attrs(g, w, pol, 0, info->dump || !g->required ? 0 :
			  g->required[info->cmd], true);
		return;
	}
	/* An op without a policy: a few attributes anyway, to be ignored. */
	n = fz_below(&g->rng, 3);
	for (i = 0; i < n; i++)
		mutate_attr(g, w, -1, 1);
}

static void mutate_header(struct fz_gen *g, struct nlmsghdr *nlh,
			  struct genlmsghdr *gh, struct fz_info *info)
{
	switch (fz_below(&g->rng, 6)) {
	case 0:		/* random flags, mostly still a request */
		nlh->nlmsg_flags = fz_next(&g->rng);
		if (fz_pct(&g->rng, 80))
			nlh->nlmsg_flags |= NLM_F_REQUEST;
		break;
	case 1:		/* a dump of a do-only op, or the other way round */
		nlh->nlmsg_flags ^= NLM_F_DUMP;
		break;
	case 2:		/* any command */
		gh->cmd = fz_next(&g->rng);
		break;
	case 3:		/* any genl version and reserved bits */
		gh->version = fz_next(&g->rng);
		gh->reserved = fz_next(&g->rng);
		break;
	case 4:		/* no ACK asked for */
		nlh->nlmsg_flags &= ~NLM_F_ACK;
		break;
	default:	/* a control message type */
		if (fz_pct(&g->rng, 10))
			nlh->nlmsg_type = fz_below(&g->rng, NLMSG_MIN_TYPE);
		else
			nlh->nlmsg_flags |= NLM_F_ECHO;
	}
	info->cmd = gh->cmd;
}

/* Cut, trailing bytes, or a length that disagrees with the datagram. */
static size_t mutate_length(struct fz_gen *g, struct fz_wr *w,
			    struct nlmsghdr *nlh)
{
	size_t hdr = NLMSG_LENGTH(GENL_HDRLEN), sent = w->len, end;

	switch (fz_below(&g->rng, 4)) {
	case 0:		/* cut inside the attributes */
		if (w->len > hdr)
			w->len = hdr + fz_below(&g->rng, w->len - hdr);
		sent = nlh->nlmsg_len = w->len;
		break;
	case 1:		/* a few trailing bytes inside the message */
		end = w->len + 1 + fz_below(&g->rng, 3);
		while (w->len < end && w->len < w->cap)
			w->buf[w->len++] = fz_next(&g->rng);
		sent = nlh->nlmsg_len = w->len;
		break;
	case 2:		/* shorter than the genl header */
		nlh->nlmsg_len = NLMSG_HDRLEN + fz_below(&g->rng, GENL_HDRLEN);
		sent = fz_pct(&g->rng, 50) ? nlh->nlmsg_len : w->len;
		break;
	default:	/* longer than what is sent: dropped unanswered */
		nlh->nlmsg_len = w->len + 1 + fz_below(&g->rng, 64);
		sent = w->len;
	}
	return sent;
}

void fz_gen_init(struct fz_gen *g, __u64 seed, const struct nvnl_family *fam,
		 const struct nvnl_policies *pol, const struct fz_pool *pool,
		 unsigned long count, unsigned long pf_budget)
{
	memset(g, 0, sizeof(*g));
	g->rng.s = seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL;
	if (!g->rng.s)
		g->rng.s = 1;
	g->fam = fam;
	g->pol = pol;
	g->pool = pool;
	g->pf_stride = pf_budget ? count / pf_budget + 1 : 0;
}

/*
 * Message @i into @buf: 70% near-valid, 30% with one to three mutations.
 * Returns the number of bytes to send.
 */
size_t fz_gen_msg(struct fz_gen *g, unsigned long i, char *buf, size_t cap,
		  struct fz_info *info)
{
	struct fz_wr w = { .buf = buf, .cap = cap };
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	struct genlmsghdr *gh = NLMSG_DATA(nlh);
	size_t sent;
	int pol, n, k;

	memset(info, 0, sizeof(*info));
	g->pf_slot = g->pf_stride && i % g->pf_stride == 0;
	pick_op(g, info, &pol);
	memset(buf, 0, NLMSG_LENGTH(GENL_HDRLEN));
	nlh->nlmsg_type = g->fam->id;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK |
			   (info->dump ? NLM_F_DUMP : 0);
	nlh->nlmsg_seq = i + 1;
	gh->cmd = info->cmd;
	gh->version = g->fam->version;
	w.len = NLMSG_LENGTH(GENL_HDRLEN);
	gen_body(g, &w, pol, info);

	n = fz_pct(&g->rng, 30) ? 1 + fz_below(&g->rng, 3) : 0;
	info->mutated = n > 0;
	sent = 0;
	for (k = 0; k < n; k++) {
		switch (fz_below(&g->rng, 4)) {
		case 0:
			mutate_attr(g, &w, pol, fz_below(&g->rng, 6));
			break;
		case 1:
			mutate_top(g, &w);
			break;
		case 2:
			mutate_header(g, nlh, gh, info);
			break;
		default:
			if (!sent && k == n - 1)
				sent = 1;
		}
	}
	nlh->nlmsg_len = w.len;
	if (sent)
		sent = mutate_length(g, &w, nlh);
	else
		sent = w.len;

	info->dump = (nlh->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
	info->must_answer = nlh->nlmsg_len >= NLMSG_HDRLEN &&
			    nlh->nlmsg_len <= sent &&
			    ((nlh->nlmsg_flags & NLM_F_ACK) ||
			     ((nlh->nlmsg_flags & NLM_F_REQUEST) &&
			      nlh->nlmsg_type >= NLMSG_MIN_TYPE && info->dump));
	g->mutations += n;
	return sent;
}

/*
 * A valid do request of @cmd with exactly the attributes of @attrs, for
 * finding out which the op requires (NLMSGERR_ATTR_MISS_TYPE).
 */
size_t fz_gen_probe(struct fz_gen *g, __u8 cmd, __u64 attrs, char *buf,
		    size_t cap)
{
	struct fz_wr w = { .buf = buf, .cap = cap };
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	struct genlmsghdr *gh = NLMSG_DATA(nlh);
	int pol = g->pol->do_pol[cmd], type;

	memset(buf, 0, NLMSG_LENGTH(GENL_HDRLEN));
	nlh->nlmsg_type = g->fam->id;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	gh->cmd = cmd;
	gh->version = g->fam->version;
	w.len = NLMSG_LENGTH(GENL_HDRLEN);
	for (type = 1; pol >= 0 && type <= g->pol->pol[pol].maxtype; type++)
		if (attrs & (1ULL << type))
			gen_attr(g, &w, type, &g->pol->pol[pol].attr[type], 0,
				 false);
	nlh->nlmsg_len = w.len;
	return w.len;
}
