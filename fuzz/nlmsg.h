/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fuzz input as the netlink message libnl would hand over: no longer
 * than what was received, and allocated at exactly its length so ASan sees
 * any read past it. NULL when out of memory; the caller frees it.
 */
#ifndef NVIRT_FUZZ_NLMSG_H
#define NVIRT_FUZZ_NLMSG_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <linux/netlink.h>

static inline struct nlmsghdr *fuzz_nlmsg(const uint8_t *data, size_t size)
{
	struct nlmsghdr hdr, *nlh;
	size_t len;

	memcpy(&hdr, data, sizeof(hdr));
	len = hdr.nlmsg_len;
	if (len < sizeof(hdr) || len > size)
		len = size;
	nlh = malloc(len);
	if (!nlh)
		return NULL;
	memcpy(nlh, data, len);
	nlh->nlmsg_len = len;
	return nlh;
}

#endif
