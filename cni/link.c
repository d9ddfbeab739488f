// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt's CNI plugin: the VIF's netdev in the container's namespace,
 * named, up and addressed as the runtime and the IPAM plugin ask; and
 * whether it still is (CHECK). Through libnl-route, from inside the
 * namespace.
 */

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>

#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/route.h>

#include "cni.h"

/* Into the container's namespace; returns a descriptor of ours. */
static int link_enter(const struct cni_req *req)
{
	int self, fd;

	self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	fd = open(req->netns, O_RDONLY | O_CLOEXEC);
	if (self < 0 || fd < 0)
		cni_fail(CNI_ERR_CONTAINER, strerror(errno), "cannot open netns %s",
			 req->netns);
	if (setns(fd, CLONE_NEWNET))
		cni_fail(CNI_ERR_CONTAINER, strerror(errno), "cannot enter netns %s",
			 req->netns);
	close(fd);
	return self;
}

static void link_leave(int self)
{
	if (setns(self, CLONE_NEWNET))
		cni_fail(CNI_ERR_IO, strerror(errno), "cannot return to the host's netns");
	close(self);
}

static struct nl_sock *link_socket(void)
{
	struct nl_sock *sk = nl_socket_alloc();

	if (!sk || nl_connect(sk, NETLINK_ROUTE))
		cni_fail(CNI_ERR_IO, NULL, "cannot talk rtnetlink");
	return sk;
}

/* The string @key of a JSON object, or NULL. */
static const char *json_str(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) &&
	       json_object_is_type(v, json_type_string) ?
	       json_object_get_string(v) : NULL;
}

/* The array @key of a JSON object and its length; NULL and 0 for none. */
static size_t json_len(struct json_object *o, const char *key,
		       struct json_object **arr)
{
	if (!json_object_object_get_ex(o, key, arr) ||
	    !json_object_is_type(*arr, json_type_array)) {
		*arr = NULL;
		return 0;
	}
	return json_object_array_length(*arr);
}

static struct nl_addr *link_addr(const char *text, const char *what)
{
	struct nl_addr *a;

	if (!text || nl_addr_parse(text, AF_UNSPEC, &a))
		cni_fail(CNI_ERR_DECODE, NULL, "the IPAM result's %s \"%s\" is not an address",
			 what, text ?: "");
	return a;
}

/* The IPAM result's addresses on @ifindex. */
static void link_addresses(struct nl_sock *sk, int ifindex,
			   struct json_object *ips)
{
	struct rtnl_addr *addr;
	struct nl_addr *local;
	size_t i;
	int err;

	for (i = 0; i < json_object_array_length(ips); i++) {
		local = link_addr(json_str(json_object_array_get_idx(ips, i),
					   "address"), "address");
		addr = rtnl_addr_alloc();
		rtnl_addr_set_ifindex(addr, ifindex);
		rtnl_addr_set_local(addr, local);
		err = rtnl_addr_add(sk, addr, 0);
		rtnl_addr_put(addr);
		nl_addr_put(local);
		if (err)
			cni_fail(CNI_ERR_IO, nl_geterror(err), "cannot add an address");
	}
}

/* A route's gateway: its own, or that of the result's address of its family. */
static const char *link_gateway(struct json_object *route,
				struct json_object *ips, int family)
{
	struct json_object *ip;
	struct nl_addr *a;
	const char *gw = json_str(route, "gw");
	size_t i;

	for (i = 0; !gw && ips && i < json_object_array_length(ips); i++) {
		ip = json_object_array_get_idx(ips, i);
		a = link_addr(json_str(ip, "address"), "address");
		if (nl_addr_get_family(a) == family)
			gw = json_str(ip, "gateway");
		nl_addr_put(a);
	}
	return gw;
}

/* The IPAM result's routes, through @ifindex. */
static void link_routes(struct nl_sock *sk, int ifindex,
			struct json_object *routes, struct json_object *ips)
{
	struct json_object *r;
	struct rtnl_nexthop *nh;
	struct rtnl_route *route;
	struct nl_addr *dst, *gw;
	const char *gw_text;
	size_t i;
	int err;

	for (i = 0; i < json_object_array_length(routes); i++) {
		r = json_object_array_get_idx(routes, i);
		dst = link_addr(json_str(r, "dst"), "route");
		route = rtnl_route_alloc();
		rtnl_route_set_dst(route, dst);
		nh = rtnl_route_nh_alloc();
		rtnl_route_nh_set_ifindex(nh, ifindex);
		gw_text = link_gateway(r, ips, nl_addr_get_family(dst));
		if (gw_text) {
			gw = link_addr(gw_text, "gateway");
			rtnl_route_nh_set_gateway(nh, gw);
			nl_addr_put(gw);
		}
		rtnl_route_add_nexthop(route, nh);
		err = rtnl_route_add(sk, route, NLM_F_EXCL);
		rtnl_route_put(route);
		nl_addr_put(dst);
		if (err)
			cni_fail(CNI_ERR_IO, nl_geterror(err), "cannot add a route");
	}
}

/**
 * link_setup() - the VIF's netdev, as the container gets it
 * @req: the request: the netns and the interface name to give it
 * @ifindex: the netdev, in the container's namespace
 * @ipam: the IPAM plugin's result: its "ips" and "routes" are set
 * @mac: gets the netdev's MAC, as text
 * @mac_len: size of @mac
 *
 * Failures end the plugin with a CNI error; the caller's VIF then goes
 * with the namespace or the runtime's DEL.
 *
 * Return: 0.
 */
int link_setup(const struct cni_req *req, uint32_t ifindex,
	       struct json_object *ipam, char *mac, size_t mac_len)
{
	struct rtnl_link *link, *change;
	struct json_object *ips, *routes;
	struct nl_sock *sk;
	int self, err;

	self = link_enter(req);
	sk = link_socket();
	err = rtnl_link_get_kernel(sk, ifindex, NULL, &link);
	if (err)
		cni_fail(CNI_ERR_IO, nl_geterror(err), "the VIF's netdev is not in %s",
			 req->netns);
	nl_addr2str(rtnl_link_get_addr(link), mac, mac_len);

	/* Renamed while down (a netdev that is up keeps its name), then up. */
	change = rtnl_link_alloc();
	rtnl_link_set_name(change, req->ifname);
	err = rtnl_link_change(sk, link, change, 0);
	if (!err) {
		rtnl_link_put(change);
		change = rtnl_link_alloc();
		rtnl_link_set_flags(change, IFF_UP);
		err = rtnl_link_change(sk, link, change, 0);
	}
	rtnl_link_put(change);
	rtnl_link_put(link);
	if (err)
		cni_fail(CNI_ERR_IO, nl_geterror(err), "cannot make the VIF's netdev %s",
			 req->ifname);

	if (json_len(ipam, "ips", &ips))
		link_addresses(sk, ifindex, ips);
	if (json_len(ipam, "routes", &routes))
		link_routes(sk, ifindex, routes, ips);
	nl_socket_free(sk);
	link_leave(self);
	return 0;
}

/* Is @text, an address with its prefix, on @ifindex? */
static bool link_has_addr(struct nl_cache *addrs, int ifindex, const char *text)
{
	struct nl_addr *want = link_addr(text, "address");
	struct nl_object *o;
	bool found = false;

	for (o = nl_cache_get_first(addrs); o && !found; o = nl_cache_get_next(o)) {
		struct rtnl_addr *a = (struct rtnl_addr *)o;

		found = rtnl_addr_get_ifindex(a) == ifindex &&
			!nl_addr_cmp(rtnl_addr_get_local(a), want);
	}
	nl_addr_put(want);
	return found;
}

/**
 * link_check() - is the VIF's netdev as ADD left it?
 * @req: the request: the netns and the interface name
 * @vif: the VIF's record
 * @prev: the result of ADD (prevResult)
 *
 * Ends the plugin with a CNI error saying what is not.
 *
 * Return: 0.
 */
int link_check(const struct cni_req *req, const struct nvirt_vif *vif,
	       struct json_object *prev)
{
	struct json_object *ips;
	struct nl_cache *addrs;
	struct rtnl_link *link;
	struct nl_sock *sk;
	char mac[32], want[32];
	int self, err;
	size_t i;

	self = link_enter(req);
	sk = link_socket();
	err = rtnl_link_get_kernel(sk, 0, req->ifname, &link);
	if (err)
		cni_fail(CNI_ERR_CHECK, NULL, "%s is not in %s", req->ifname,
			 req->netns);
	nl_addr2str(rtnl_link_get_addr(link), mac, sizeof(mac));
	snprintf(want, sizeof(want), "%02x:%02x:%02x:%02x:%02x:%02x",
		 vif->mac[0], vif->mac[1], vif->mac[2], vif->mac[3],
		 vif->mac[4], vif->mac[5]);
	if ((uint32_t)rtnl_link_get_ifindex(link) != vif->ifindex ||
	    strcmp(mac, want))
		cni_fail(CNI_ERR_CHECK, NULL, "%s in %s is not VIF %s's netdev",
			 req->ifname, req->netns, vif->name);
	if (!(rtnl_link_get_flags(link) & IFF_UP))
		cni_fail(CNI_ERR_CHECK, NULL, "%s is down", req->ifname);
	if (rtnl_addr_alloc_cache(sk, &addrs))
		cni_fail(CNI_ERR_IO, NULL, "cannot list addresses");
	for (i = 0; i < json_len(prev, "ips", &ips); i++) {
		const char *a = json_str(json_object_array_get_idx(ips, i), "address");

		if (!link_has_addr(addrs, vif->ifindex, a))
			cni_fail(CNI_ERR_CHECK, NULL, "%s lost its address %s",
				 req->ifname, a ?: "");
	}
	nl_cache_free(addrs);
	rtnl_link_put(link);
	nl_socket_free(sk);
	link_leave(self);
	return 0;
}
