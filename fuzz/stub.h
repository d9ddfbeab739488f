/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CLI's fuzz target and its stand-in libnvirt (cli_stub.c).
 */

#ifndef _NVIRT_FUZZ_STUB_H
#define _NVIRT_FUZZ_STUB_H

#include <stddef.h>

/* The CLI's exit(), in the fuzz build: back to the fuzz target. */
void nvirt_fuzz_exit(int status) __attribute__((noreturn));

/* The descriptor the last netns_open() gave; the CLI must close it. */
extern int stub_netns_fd;

/* cli/netns.h, which the stub stands in for */
int netns_open(const char *name);
const char *netns_name(int nsid, char *buf, size_t len);

#endif /* _NVIRT_FUZZ_STUB_H */
