// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: manage virtual interfaces over heterogeneous NICs.
 *
 *	nvirt [ OPTIONS ] OBJECT { COMMAND | help }
 */

#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <nvirt/nvirt.h>

#include "netns.h"
#include "output.h"
#include "utils.h"

static void usage(FILE *fp)
{
	fprintf(fp,
		"Usage: nvirt [ OPTIONS ] OBJECT { COMMAND | help }\n"
		"       nvirt [ OPTIONS ] -b[atch] FILE\n"
		"where  OBJECT := { nic | vif | policy | pool | version | monitor | save | restore }\n"
		"       OPTIONS := { -V[ersion] | -j[son] | -p[retty] | -s[tatistics] |\n"
		"                    -n[etns] NETNS | -h[elp] }\n");
}

static int do_help(int argc __maybe_unused, char **argv __maybe_unused)
{
	usage(stdout);
	return 0;
}

static const struct cmd objects[] = {
	{ "nic",	do_nic },
	{ "vif",	do_vif },
	{ "policy",	do_policy },
	{ "pool",	do_pool },
	{ "version",	do_version },
	{ "monitor",	do_monitor },
	{ "save",	do_save },
	{ "restore",	do_restore },
	{ "help",	do_help },
	{ NULL }
};

/* Work in the network namespace @name names, as "ip -n" does. */
static void netns_enter(const char *name)
{
	int fd = netns_open(name);

	if (setns(fd, CLONE_NEWNET)) {
		close(fd);
		arg_error("setting the network namespace \"%s\" failed: %s.",
			  name, strerror(errno));
	}
	close(fd);
}

/* Is @opt (without its dashes) one of the spellings of an option? */
static bool is_opt(const char *opt, const char *brief, const char *full)
{
	return !strcmp(opt, brief) || !strcmp(opt, full);
}

int main(int argc, char **argv)
{
	const char *batch_file = NULL;
	int ret;

	for (; argc > 1 && argv[1][0] == '-'; argc--, argv++) {
		const char *opt = argv[1] + 1;

		if (!strcmp(argv[1], "--")) {
			argc--;
			argv++;
			break;
		}
		if (*opt == '-')	/* --json is -json */
			opt++;

		if (is_opt(opt, "j", "json")) {
			json = true;
		} else if (is_opt(opt, "p", "pretty")) {
			pretty = true;
		} else if (is_opt(opt, "s", "statistics") ||
			   !strcmp(opt, "stats")) {
			show_stats = true;
		} else if (is_opt(opt, "V", "Version") || !strcmp(opt, "version")) {
			printf("nvirt utility, %s (libnvirt %s)\n", NVIRT_VERSION,
			       nvirt_lib_version());
			return 0;
		} else if (is_opt(opt, "n", "netns")) {
			if (argc < 3)
				missing_value(argv[1]);
			netns_enter(argv[2]);
			argc--;
			argv++;
		} else if (is_opt(opt, "b", "batch")) {
			if (argc < 3)
				missing_value(argv[1]);
			batch_file = argv[2];
			argc--;
			argv++;
		} else if (is_opt(opt, "h", "help")) {
			usage(stdout);
			return 0;
		} else {
			pr_usage("Option \"%s\" is unknown, try \"nvirt -help\".",
				 argv[1]);
			return 1;
		}
	}

	if (!batch_file && argc < 2) {
		usage(stderr);
		return 1;
	}
	if (batch_file && argc > 1)
		arg_error("-batch takes no OBJECT: \"%s\" is one too many.",
			  argv[1]);
	ret = batch_file ? batch(batch_file, objects) :
	      do_cmd(objects, "Object", "nvirt help", argc - 1, argv + 1);
	nv_close();
	return ret ? 1 : 0;
}
