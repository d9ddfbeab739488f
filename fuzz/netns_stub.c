// SPDX-License-Identifier: GPL-2.0
/*
 * A stand-in cli/netns.c for the fuzz targets, which opens no file by the
 * name it is given: a name that starts with 'x' names no namespace, any
 * other /dev/null; nsid 3 is "blue", no other has a name.
 */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stub.h"

int stub_netns_fd = -1;

int netns_open(const char *name)
{
	if (strlen(name) > 4096)
		__builtin_trap();
	if (name[0] == 'x') {
		fprintf(stderr, "Error: Cannot open network namespace \"%s\".\n",
			name);
		exit(1);
	}
	stub_netns_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (stub_netns_fd < 0)
		__builtin_trap();
	return stub_netns_fd;
}

const char *netns_name(int nsid, char *buf, size_t len)
{
	if (nsid != 3)
		return NULL;
	snprintf(buf, len, "blue");
	return buf;
}
