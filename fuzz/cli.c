// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the nvirt CLI's command line.
 *
 * The input is the command line, its words separated by NULs, after
 * "nvirt": options, objects, commands and their keywords (nic, vif,
 * policy, monitor, version, help), as the CLI parses them. Nothing is
 * sent: the CLI is linked against a stand-in libnvirt (cli_stub.c) that
 * checks what it is given and answers with full records, so printing runs
 * too, in text and JSON. The CLI's exit() (argument errors end it, as in
 * iproute2) comes back here; its state is reset after each run. A command
 * that returns must have closed the netns it opened.
 */

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../cli/output.h"
#include "../cli/utils.h"
#include "stub.h"

/* Words of a command line at most; more are left out. */
#define MAX_WORDS	64

int nvirt_main(int argc, char **argv);

static jmp_buf exit_env;

void nvirt_fuzz_exit(int status)
{
	longjmp(exit_env, 0x100 | (status & 0xff));
}

/* Split @data on NULs into argv[1...]; argv[0] is "nvirt". */
static int split(char *buf, size_t size, char **argv)
{
	static char prog[] = "nvirt";
	size_t i, start = 0;
	int argc = 0;

	argv[argc++] = prog;
	for (i = 0; i <= size && argc < MAX_WORDS; i++) {
		if (i < size && buf[i])
			continue;
		buf[i] = '\0';
		argv[argc++] = buf + start;
		start = i + 1;
	}
	argv[argc] = NULL;
	return argc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_WORDS + 1];
	sigset_t mask;
	char *buf;
	int argc;
	volatile bool returned = false;

	if (!size)
		return -1;
	buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	argc = split(buf, size, argv);

	json = pretty = show_stats = false;
	stub_netns_fd = -1;
	sigprocmask(SIG_SETMASK, NULL, &mask);	/* the monitor blocks some */
	if (!setjmp(exit_env)) {
		nvirt_main(argc, argv);
		returned = true;
	}
	sigprocmask(SIG_SETMASK, &mask, NULL);
	/* What exit() leaves to the kernel to clean up */
	out_end(false);
	nv_close();
	if (stub_netns_fd >= 0) {
		if (returned && fcntl(stub_netns_fd, F_GETFD) >= 0)
			__builtin_trap();	/* the CLI leaked it */
		close(stub_netns_fd);
	}
	free(buf);
	return 0;
}
