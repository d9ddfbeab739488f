// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt pool: create, change, show and remove pools of NICs, from which
 * "nvirt vif add VIF pool PNAME" has nvirt choose the VIF's NIC.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nvirt/nvirt.h>

#include "output.h"
#include "pool.h"
#include "utils.h"

static int pool_help(int argc __maybe_unused, char **argv __maybe_unused)
{
	printf("Usage: nvirt pool add NAME DEVS [ grace SECONDS ]\n"
	       "       nvirt pool set NAME { DEVS [ grace SECONDS ] | grace SECONDS }\n"
	       "       nvirt pool del NAME\n"
	       "       nvirt [ -j ] [ -p ] pool show [ NAME ]\n"
	       "       nvirt pool help\n"
	       "NAME := [ name ] PNAME\n"
	       "DEVS := { dev IFNAME } [ dev IFNAME ]...\n"
	       "PNAME: up to 31 characters; after \"name\" when it is also a keyword\n"
	       "DEVS: at most 8 NICs, in the order to prefer among equals\n"
	       "A VIF made from a pool (nvirt vif add VIF pool PNAME) goes on the NIC whose\n"
	       "mechanism suits its goal best, then the one with more of it free, more rate\n"
	       "left to guarantee, fewer VIFs; its plan says why. set replaces the NICs;\n"
	       "del, and set dropping a NIC, refuse while VIFs made from the pool are on it.\n"
	       "grace: how long a NIC's link may stay down (30 s unless set, at most 3600)\n"
	       "before the pool's VIFs on it are made again on a NIC of the pool that is up.\n");
	return 0;
}

/* The commands, for what each one takes. */
enum pool_op {
	POOL_ADD,
	POOL_SET,
	POOL_DEL,
	POOL_SHOW,
};

/*
 * Read the arguments of @op: PNAME (the word that is no keyword), devs,
 * grace.
 */
static void pool_parse(int argc, char **argv, struct pool_args *args,
		       enum pool_op op)
{
	const struct nvirt_pool_config init = NVIRT_POOL_CONFIG_INIT;
	bool change = op == POOL_ADD || op == POOL_SET;
	struct nvirt_pool_config *cfg = &args->cfg;

	memset(args, 0, sizeof(*args));
	*cfg = init;
	cfg->devs = args->devs;
	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "help")) {
			arg_help(pool_help);
		} else if (change && !strcmp(*argv, "dev")) {
			NEXT_ARG();
			if (cfg->n_devs == POOL_DEVS)
				arg_error("a pool has at most 8 NICs.");
			args->devs[cfg->n_devs++] = *argv;
			cfg->fields |= NVIRT_POOL_F_DEVS;
		} else if (change && !strcmp(*argv, "grace")) {
			NEXT_ARG();
			if (cfg->fields & NVIRT_POOL_F_GRACE)
				duparg("grace", *argv);
			cfg->grace = parse_u32("grace", *argv, UINT32_MAX);
			cfg->fields |= NVIRT_POOL_F_GRACE;
		} else if (!strcmp(*argv, "name")) {
			NEXT_ARG();
			if (args->name)
				duparg("name", *argv);
			args->name = *argv;
		} else if (!args->name) {
			args->name = *argv;
		} else {
			unknown_arg(*argv);
		}
	}
	if (op != POOL_SHOW && !args->name)
		missarg("NAME");
	if (op == POOL_ADD && !cfg->n_devs)
		missarg("dev");
	if (op == POOL_SET && !cfg->fields)
		missarg("dev or grace");
}

/* Read the arguments of "pool add"; wrong words end the program. */
void pool_parse_add(int argc, char **argv, struct pool_args *args)
{
	pool_parse(argc, argv, args, POOL_ADD);
}

/*
 * " dev eth2 dev eth0 down grace 30 vifs 2": its NICs (and each whose
 * link is not up), its grace, and how many VIFs it made
 */
static void pool_print_fields(const struct nvirt_pool *pool)
{
	bool links = NVIRT_HAS(pool, link);
	char buf[16];
	uint32_t i;

	out_nest_open("members", true);
	for (i = 0; i < pool->n_members; i++) {
		out_nest_open(NULL, false);
		print_uint("ifindex", NULL, pool->members[i].ifindex);
		print_string("ifname", " dev %s", pool->members[i].ifname);
		/* 0: up, as an older kernel's record says it */
		if (links)
			print_string("link", pool->link[i] ? " %s" : NULL,
				     name_or_num(nvirt_member_link_name(pool->link[i]),
						 buf, sizeof(buf), pool->link[i]));
		out_nest_close();
	}
	out_nest_close();
	if (NVIRT_HAS(pool, grace))
		print_uint("grace", " grace %u", pool->grace);
	print_uint("vifs", " vifs %u", pool->vifs);
}

/* p0: dev eth2 ..., or its name alone: the pool as an object under @key */
void pool_print_obj(const char *key, const struct nvirt_pool *pool,
		    enum pool_view view)
{
	if (json)
		view = POOL_VIEW_LINE;

	out_nest_open(key, false);
	print_string("name", view == POOL_VIEW_NAME ? "%s" : "%s:", pool->name);
	if (view == POOL_VIEW_LINE)
		pool_print_fields(pool);
	print_string(NULL, "%s", "\n");
	out_nest_close();
}

static int pool_print(const struct nvirt_pool *pool, void *arg __maybe_unused)
{
	pool_print_obj(NULL, pool, POOL_VIEW_LINE);
	return 0;
}

/* nvirt pool [ show [ PNAME ] ] */
static int pool_show(int argc, char **argv)
{
	struct nvirt_pool *pool = NULL;
	struct pool_args args;
	struct nvirt *nv;
	int err, ret;

	pool_parse(argc, argv, &args, POOL_SHOW);
	nv = nv_open();
	if (!nv)
		return -1;

	out_start(true);
	if (args.name) {
		err = nvirt_pool_get(nv, args.name, &pool);
		if (!err)
			pool_print(pool, NULL);
		nvirt_free(pool);
	} else {
		err = nvirt_pool_dump(nv, pool_print, NULL);
	}
	ret = out_end(!err);
	return err ? nv_error() : ret;
}

/* nvirt pool { add PNAME DEVS [ grace S ] | set PNAME ... | del PNAME } */
static int pool_change(int argc, char **argv, enum pool_op op)
{
	struct pool_args args;
	struct nvirt *nv;
	int err;

	pool_parse(argc, argv, &args, op);
	nv = nv_open();
	if (!nv)
		return -1;
	if (op == POOL_ADD)
		err = nvirt_pool_new(nv, args.name, &args.cfg);
	else if (op == POOL_SET)
		err = nvirt_pool_set(nv, args.name, &args.cfg);
	else
		err = nvirt_pool_del(nv, args.name);
	if (err)
		return nv_error();
	nv_warn();
	return 0;
}

static int pool_add(int argc, char **argv)
{
	return pool_change(argc, argv, POOL_ADD);
}

static int pool_set(int argc, char **argv)
{
	return pool_change(argc, argv, POOL_SET);
}

static int pool_del(int argc, char **argv)
{
	return pool_change(argc, argv, POOL_DEL);
}

static const struct cmd pool_cmds[] = {
	{ "show",	pool_show },
	{ "add",	pool_add },
	{ "set",	pool_set },
	{ "del",	pool_del },
	{ "help",	pool_help },
	{ NULL }
};

int do_pool(int argc, char **argv)
{
	return do_cmd(pool_cmds, "Command", "nvirt pool help", argc, argv);
}
