/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The links of a netns as rtnetlink dumps them, as text: one sorted line
 * per link with what two runs that did the same leave equal (name, kind,
 * MTU, MAC, alias, up, master and link by name, a PF's VFs' MAC, VLAN,
 * rates, spoofchk, trust and link state), without ifindexes, counters or
 * states that move by themselves.
 */

#ifndef NVIRT_LINKS_H
#define NVIRT_LINKS_H

#include <stdarg.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

#include "nvirt_nl.h"

#define LINKS_MAX	96
#define LINKS_TEXT	16384
#define LINK_LINE	640

struct link_rec {
	int ifindex, master, link;
	bool link_netns;		/* link is in another netns */
	char name[IFNAMSIZ];
	char line[LINK_LINE];		/* all but master and link */
};

static inline int links_open(void)
{
	struct timeval tv = { .tv_sec = 10 };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (fd < 0)
		return -errno;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv))) {
		close(fd);
		return -errno;
	}
	return fd;
}

static inline void links_cat(char *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static inline void links_cat(char *buf, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf + len, LINK_LINE - len, fmt, ap);
	va_end(ap);
}

static inline void links_mac(char *buf, const __u8 *mac, int len)
{
	int i;

	for (i = 0; i < len; i++)
		links_cat(buf, "%s%02x", i ? ":" : "", mac[i]);
}

/* One VF of IFLA_VFINFO_LIST. */
static inline void links_vf(char *buf, const struct nlattr *vf)
{
	const struct nlattr *a;

	nvnl_for_each_nested(a, vf) {
		const __u32 *v = nvnl_data(a);

		switch (a->nla_type) {
		case IFLA_VF_MAC:
			links_cat(buf, " vf%u mac ", v[0]);
			links_mac(buf, (const __u8 *)(v + 1), 6);
			break;
		case IFLA_VF_VLAN:
			links_cat(buf, " vlan %u qos %u", v[1], v[2]);
			break;
		case IFLA_VF_RATE:
			links_cat(buf, " rate %u-%u", v[1], v[2]);
			break;
		case IFLA_VF_SPOOFCHK:
			links_cat(buf, " spoofchk %u", v[1]);
			break;
		case IFLA_VF_TRUST:
			links_cat(buf, " trust %u", v[1]);
			break;
		case IFLA_VF_LINK_STATE:
			links_cat(buf, " state %u", v[1]);
			break;
		}
	}
}

static inline void links_parse(struct link_rec *r, const struct nlmsghdr *nlh)
{
	const struct ifinfomsg *ifi = NLMSG_DATA(nlh);
	const struct nlattr *a, *b;

	memset(r, 0, sizeof(*r));
	r->ifindex = ifi->ifi_index;
	r->master = r->link = -1;
	nvnl_for_each_attr(a, (const char *)ifi + NLMSG_ALIGN(sizeof(*ifi)),
			   (int)nlh->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*ifi))) {
		const void *d = nvnl_data(a);
		int len = nvnl_len(a);

		switch (a->nla_type & NLA_TYPE_MASK) {
		case IFLA_IFNAME:
			snprintf(r->name, sizeof(r->name), "%.*s", len, (const char *)d);
			break;
		case IFLA_MTU:
			links_cat(r->line, " mtu %u", *(const __u32 *)d);
			break;
		case IFLA_ADDRESS:
			links_cat(r->line, " mac ");
			links_mac(r->line, d, len);
			break;
		case IFLA_IFALIAS:
			links_cat(r->line, " alias %.*s", len, (const char *)d);
			break;
		case IFLA_MASTER:
			r->master = *(const __u32 *)d;
			break;
		case IFLA_LINK:
			r->link = *(const __u32 *)d;
			break;
		case IFLA_LINK_NETNSID:
			r->link_netns = true;
			break;
		case IFLA_LINKINFO:
			nvnl_for_each_nested(b, a)
				if (b->nla_type == IFLA_INFO_KIND)
					links_cat(r->line, " kind %.*s",
						  nvnl_len(b),
						  (const char *)nvnl_data(b));
			break;
		case IFLA_VFINFO_LIST:
			nvnl_for_each_nested(b, a)
				links_vf(r->line, b);
			break;
		}
	}
	links_cat(r->line, "%s", ifi->ifi_flags & IFF_UP ? " up" : " down");
}

static inline const char *links_name(const struct link_rec *r, int n, int ifindex)
{
	int i;

	for (i = 0; i < n; i++)
		if (r[i].ifindex == ifindex)
			return r[i].name;
	return "?";
}

static inline int links_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The links of @fd's netns into @out (LINKS_TEXT bytes); 0 or -errno. */
static inline int links_take(int fd, char *out)
{
	static struct link_rec recs[LINKS_MAX];
	static char lines[LINKS_MAX][LINK_LINE];
	static char buf[64 * 1024];
	char *sorted[LINKS_MAX];
	struct {
		struct nlmsghdr nlh;
		struct ifinfomsg ifi;
		struct nlattr nla;
		__u32 mask;
	} req = {
		.nlh.nlmsg_len = sizeof(req),
		.nlh.nlmsg_type = RTM_GETLINK,
		.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
		.nlh.nlmsg_seq = 1,
		.ifi.ifi_family = AF_UNSPEC,
		.nla.nla_len = NLA_HDRLEN + sizeof(__u32),
		.nla.nla_type = IFLA_EXT_MASK,
		.mask = RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS,
	};
	int n = 0, i;
	size_t len = 0;

	if (send(fd, &req, sizeof(req), 0) < 0)
		return -errno;
	for (;;) {
		struct nlmsghdr *nlh;
		int got = recv(fd, buf, sizeof(buf), 0);

		if (got < 0)
			return -errno;
		for (nlh = (void *)buf; NLMSG_OK(nlh, got); nlh = NLMSG_NEXT(nlh, got)) {
			if (nlh->nlmsg_type == NLMSG_DONE)
				goto done;
			if (nlh->nlmsg_type == NLMSG_ERROR)
				return -EIO;
			if (nlh->nlmsg_type != RTM_NEWLINK || n == LINKS_MAX)
				continue;
			links_parse(&recs[n++], nlh);
		}
	}
done:
	for (i = 0; i < n; i++) {
		const struct link_rec *r = &recs[i];

		snprintf(lines[i], LINK_LINE, "%s%s", r->name, r->line);
		if (r->master >= 0)
			links_cat(lines[i], " master %s", links_name(recs, n, r->master));
		if (r->link_netns)
			links_cat(lines[i], " link in another netns");
		else if (r->link >= 0 && r->link != r->ifindex)
			links_cat(lines[i], " link %s", links_name(recs, n, r->link));
		links_cat(lines[i], "\n");
		sorted[i] = lines[i];
	}
	qsort(sorted, n, sizeof(*sorted), links_cmp);
	out[0] = 0;
	for (i = 0; i < n; i++) {
		size_t l = strlen(sorted[i]);

		if (len + l + 1 > LINKS_TEXT)
			return -E2BIG;
		memcpy(out + len, sorted[i], l + 1);
		len += l;
	}
	return 0;
}

/* Does @text, lines each ending in a newline, have the line @l at @line? */
static inline bool links_has(const char *text, const char *line, size_t l)
{
	const char *q;

	for (q = text; *q; q = strchr(q, '\n') + 1)
		if (!strncmp(q, line, l))
			return true;
	return false;
}

/* The first line of @x that @y does not have, into @line; or NULL. */
static inline const char *links_first_diff(const char *x, const char *y,
					   char *line, size_t size)
{
	const char *p, *e;

	for (p = x; (e = strchr(p, '\n')); p = e + 1) {
		if (!links_has(y, p, e - p + 1)) {
			snprintf(line, size, "%.*s", (int)(e - p), p);
			return line;
		}
	}
	return NULL;
}

/* A request for the link @name, attributes to follow. */
struct links_req {
	struct nlmsghdr nlh;
	struct ifinfomsg ifi;
	char attrs[128];
};

static inline void links_put(struct links_req *r, __u16 type, const void *data,
			     int len)
{
	struct nlattr *nla = (void *)((char *)r + NLMSG_ALIGN(r->nlh.nlmsg_len));

	nla->nla_type = type;
	nla->nla_len = NLA_HDRLEN + len;
	if (len)
		memcpy((char *)nla + NLA_HDRLEN, data, len);
	r->nlh.nlmsg_len = NLMSG_ALIGN(r->nlh.nlmsg_len) + NLA_ALIGN(nla->nla_len);
}

static inline void links_req_init(struct links_req *r, __u16 type, __u16 flags,
				  const char *name)
{
	memset(r, 0, sizeof(*r));
	r->nlh.nlmsg_len = NLMSG_LENGTH(sizeof(r->ifi));
	r->nlh.nlmsg_type = type;
	r->nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	r->ifi.ifi_family = AF_UNSPEC;
	links_put(r, IFLA_IFNAME, name, strlen(name) + 1);
}

/* Sends @r on @fd, waits for its answer; 0 or -errno. */
static inline int links_ack(int fd, struct links_req *r)
{
	char buf[4096];
	int got;

	if (send(fd, r, r->nlh.nlmsg_len, 0) < 0)
		return -errno;
	got = recv(fd, buf, sizeof(buf), 0);
	if (got < 0)
		return -errno;
	if (got < (int)NLMSG_LENGTH(sizeof(struct nlmsgerr)) ||
	    ((struct nlmsghdr *)buf)->nlmsg_type != NLMSG_ERROR)
		return -EIO;
	return ((struct nlmsgerr *)NLMSG_DATA(buf))->error;
}

/* A dummy link @name in @fd's netns, up (ip link add NAME up type dummy). */
static inline int links_dummy_add(int fd, const char *name)
{
	struct links_req r;
	struct nlattr *info;

	links_req_init(&r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, name);
	r.ifi.ifi_flags = IFF_UP;
	r.ifi.ifi_change = IFF_UP;
	info = (void *)((char *)&r + NLMSG_ALIGN(r.nlh.nlmsg_len));
	links_put(&r, IFLA_LINKINFO, NULL, 0);
	links_put(&r, IFLA_INFO_KIND, "dummy", sizeof("dummy"));
	info->nla_len = (char *)&r + r.nlh.nlmsg_len - (char *)info;
	info->nla_type |= NLA_F_NESTED;
	return links_ack(fd, &r);
}

/* Deletes the link @name of @fd's netns (ip link del NAME). */
static inline int links_del(int fd, const char *name)
{
	struct links_req r;

	links_req_init(&r, RTM_DELLINK, 0, name);
	return links_ack(fd, &r);
}

#endif /* NVIRT_LINKS_H */
