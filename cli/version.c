// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt version: the version of the loaded kernel module.
 */

#include <stdio.h>
#include <string.h>

#include <nvirt/nvirt.h>

#include "output.h"
#include "utils.h"

static int version_help(int argc __maybe_unused, char **argv __maybe_unused)
{
	printf("Usage: nvirt version [ show ]\n"
	       "       nvirt version help\n");
	return 0;
}

/* nvirt version [ show ] */
static int version_show(int argc, char **argv)
{
	struct nvirt_version *v;
	struct nvirt *nv;
	int ret;

	if (argc > 0) {
		if (!strcmp(*argv, "help"))
			return version_help(0, NULL);
		unknown_arg(*argv);
	}

	nv = nv_open();
	if (!nv)
		return -1;
	if (nvirt_version_get(nv, &v))
		return nv_error();

	out_start(false);
	print_string("module", "nvirt module %s", v->version);
	print_uint("api", " api %u\n", v->api);
	ret = out_end(true);
	nvirt_free(v);
	return ret;
}

static const struct cmd version_cmds[] = {
	{ "show",	version_show },
	{ "help",	version_help },
	{ NULL }
};

int do_version(int argc, char **argv)
{
	return do_cmd(version_cmds, "Command", "nvirt version help", argc, argv);
}
