// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: network namespaces, named as "ip netns" names them: by a name
 * under /run/netns, or by a process in them.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "netns.h"
#include "utils.h"

/* Open the file @fmt makes of @name, or @name itself when it is a path. */
static int netns_open_path(const char *fmt, const char *name)
{
	char path[PATH_MAX];

	if (strchr(name, '/'))
		return open(name, O_RDONLY | O_CLOEXEC);
	snprintf(path, sizeof(path), fmt, name);
	return open(path, O_RDONLY | O_CLOEXEC);
}

/**
 * netns_open() - open the network namespace an argument names
 * @name: a name of "ip netns", else the PID of a process in it (or, as
 *	with "ip link set netns", the path of a namespace file)
 *
 * Return: a descriptor of the namespace; a name that names none is an
 * argument error (arg_error()).
 */
int netns_open(const char *name)
{
	int fd;

	fd = netns_open_path(NETNS_RUN_DIR "/%s", name);
	if (fd < 0 && errno == ENOENT && name[strspn(name, "0123456789")] == '\0')
		fd = netns_open_path("/proc/%s/ns/net", name);
	if (fd < 0)
		arg_error("Cannot open network namespace \"%s\": %s.", name,
			  strerror(errno));
	return fd;
}

/* The nsid the namespace of @fd has in ours (RTM_GETNSID); -1: none. */
static int netns_id(int sk, int fd)
{
	struct {
		struct nlmsghdr nlh;
		struct rtgenmsg g;
		char pad[NLMSG_ALIGN(sizeof(struct rtgenmsg)) -
			 sizeof(struct rtgenmsg)];
		struct nlattr attr;
		uint32_t fd;
	} req = {
		.nlh.nlmsg_len = sizeof(req),
		.nlh.nlmsg_type = RTM_GETNSID,
		.nlh.nlmsg_flags = NLM_F_REQUEST,
		.g.rtgen_family = AF_UNSPEC,
		.attr.nla_len = NLA_HDRLEN + sizeof(uint32_t),
		.attr.nla_type = NETNSA_FD,
		.fd = fd,
	};
	union {
		struct nlmsghdr nlh;
		char buf[1024];
	} rep;
	struct rtattr *rta;
	ssize_t len;
	int rem;

	if (send(sk, &req, sizeof(req), 0) < 0)
		return -1;
	len = recv(sk, &rep, sizeof(rep), 0);
	if (len < 0 || !NLMSG_OK(&rep.nlh, (size_t)len) ||
	    rep.nlh.nlmsg_type != RTM_NEWNSID)
		return -1;

	rta = (struct rtattr *)((char *)NLMSG_DATA(&rep.nlh) +
				NLMSG_ALIGN(sizeof(struct rtgenmsg)));
	rem = NLMSG_PAYLOAD(&rep.nlh, NLMSG_ALIGN(sizeof(struct rtgenmsg)));
	for (; RTA_OK(rta, rem); rta = RTA_NEXT(rta, rem))
		if (rta->rta_type == NETNSA_NSID &&
		    RTA_PAYLOAD(rta) == sizeof(int32_t))
			return *(int32_t *)RTA_DATA(rta);
	return -1;
}

/**
 * netns_name() - the name "ip netns" gives a namespace, best effort
 * @nsid: the namespace, as an nsid of ours
 * @buf: where the name goes
 * @len: size of @buf
 *
 * Return: @buf, or NULL when no name under /run/netns has that nsid.
 */
const char *netns_name(int nsid, char *buf, size_t len)
{
	const char *found = NULL;
	struct dirent *de;
	DIR *dir;
	int sk, fd;

	if (nsid < 0)
		return NULL;
	dir = opendir(NETNS_RUN_DIR);
	if (!dir)
		return NULL;
	sk = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	while (sk >= 0 && !found && (de = readdir(dir))) {
		if (de->d_name[0] == '.')
			continue;
		fd = openat(dirfd(dir), de->d_name, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (netns_id(sk, fd) == nsid) {
			snprintf(buf, len, "%s", de->d_name);
			found = buf;
		}
		close(fd);
	}
	if (sk >= 0)
		close(sk);
	closedir(dir);
	return found;
}
