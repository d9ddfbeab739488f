// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt policy: create, change, show and remove named policies, which VIFs
 * follow ("nvirt vif set NAME policy PNAME"). Their fields are read and
 * printed as a VIF's policy is (vif_plan.c), the rates too.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nvirt/nvirt.h>

#include "output.h"
#include "policy.h"
#include "utils.h"
#include "vif.h"

static int policy_help(int argc __maybe_unused, char **argv __maybe_unused)
{
	printf("Usage: nvirt policy add NAME [ FIELDS ]\n"
	       "       nvirt policy set NAME FIELDS\n"
	       "       nvirt policy del NAME\n"
	       "       nvirt [ -j ] [ -p ] policy show [ NAME ]\n"
	       "       nvirt policy help\n"
	       "NAME := [ name ] PNAME\n"
	       "FIELDS := [ goal { throughput | latency | cpu | density } ]\n"
	       "          [ isolation { strict | standard } ] [ migratable { yes | no } ]\n"
	       "          [ visibility { host | none } ]\n"
	       "          [ g2g { auto | nic | external | soft } ] [ priority PRIO32 ]\n"
	       "          [ max-rate MBIT ] [ min-rate MBIT ] [ pool { POOL | none } ]\n"
	       "PNAME: up to 31 characters, not \"none\"; after \"name\" when it is also a\n"
	       "       keyword\n"
	       "PRIO32 := 0-4294967295; MBIT: Mbit/s, 0 for no limit\n"
	       "POOL: where a new VIF that follows it takes its NIC from when it is given\n"
	       "      neither dev nor pool (nvirt pool help); none: no pool\n"
	       "A VIF that follows a policy (nvirt vif set VIF policy NAME) takes from it\n"
	       "each field it is not given itself; set changes every VIF that follows it,\n"
	       "or none of them. Its pool is for new VIFs: changing it moves none.\n");
	return 0;
}

/* The commands, for what each one takes. */
enum policy_op {
	POLICY_ADD,
	POLICY_SET,
	POLICY_DEL,
	POLICY_SHOW,
};

/*
 * Read the arguments of @op: NAME (the word that is no keyword, or after
 * "name"), fields.
 */
static void policy_parse(int argc, char **argv, struct policy_args *args,
			 enum policy_op op)
{
	const struct nvirt_vif_config settings = NVIRT_VIF_CONFIG_INIT;
	const struct nvirt_policy pol = NVIRT_POLICY_INIT;
	bool fields = op == POLICY_ADD || op == POLICY_SET;
	int used;

	memset(args, 0, sizeof(*args));
	args->pol = pol;
	args->settings = settings;
	for (; argc > 0; argc -= used, argv += used) {
		used = !fields ? 0 :
		       policy_parse_field(argc, argv, &args->pol) ?:
		       policy_parse_setting(argc, argv, &args->settings);
		if (used)
			continue;
		used = 1;

		if (!strcmp(*argv, "help")) {
			arg_help(policy_help);
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
	if (op != POLICY_SHOW && !args->name)
		missarg("NAME");
}

/* Read the arguments of "policy add"; wrong words end the program. */
void policy_parse_add(int argc, char **argv, struct policy_args *args)
{
	policy_parse(argc, argv, args, POLICY_ADD);
	/* "vif set VIF policy none" follows none: it could not be followed. */
	if (!strcmp(args->name, "none"))
		arg_error("\"none\" is no policy name: \"vif set VIF policy none\" follows none.");
}

/**
 * policy_keyword() - is @word a keyword of "policy add" or "policy set"?
 * @word: a policy's name
 *
 * Return: true when the policy must be named as "name NAME" there.
 */
bool policy_keyword(const char *word)
{
	return !strcmp(word, "name") || !strcmp(word, "help") ||
	       policy_field_word(word, true);
}

/*
 * gold: goal latency priority 5 max-rate 100Mbit users 2: the fields it
 * sets, and how many VIFs follow it
 */
void policy_print_obj(const char *key, const struct nvirt_named_policy *np,
		      enum policy_view view)
{
	if (json)
		view = POLICY_VIEW_LINE;

	out_nest_open(key, false);
	print_string("name", view == POLICY_VIEW_NAME ? "%s" : "%s:", np->name);
	if (view == POLICY_VIEW_LINE) {
		policy_print_fields(np->policy);
		policy_print_settings(np->settings);
		print_uint("users", " users %u", np->users);
	}
	print_string(NULL, "%s", "\n");
	out_nest_close();
}

static int policy_print(const struct nvirt_named_policy *np,
			void *arg __maybe_unused)
{
	policy_print_obj(NULL, np, POLICY_VIEW_LINE);
	return 0;
}

/* nvirt policy [ show [ NAME ] ] */
static int policy_show(int argc, char **argv)
{
	struct nvirt_named_policy *np;
	struct policy_args args;
	struct nvirt *nv;
	int err, ret;

	policy_parse(argc, argv, &args, POLICY_SHOW);
	nv = nv_open();
	if (!nv)
		return -1;

	out_start(true);
	if (args.name) {
		err = nvirt_policy_get(nv, args.name, &np);
		if (!err)
			policy_print(np, NULL);
		nvirt_free(np);
	} else {
		err = nvirt_policy_dump(nv, policy_print, NULL);
	}
	ret = out_end(!err);
	return err ? nv_error() : ret;
}

/* nvirt policy { add NAME [ FIELDS ] | set NAME FIELDS | del NAME } */
static int policy_change(int argc, char **argv, enum policy_op op)
{
	struct policy_args args;
	struct nvirt *nv;
	int err;

	if (op == POLICY_ADD)
		policy_parse_add(argc, argv, &args);
	else
		policy_parse(argc, argv, &args, op);
	if (op == POLICY_SET && !args.pol.fields && !args.settings.fields)
		missarg("a field");

	nv = nv_open();
	if (!nv)
		return -1;
	if (op == POLICY_ADD)
		err = nvirt_policy_new(nv, args.name, &args.pol,
				       &args.settings);
	else if (op == POLICY_SET)
		err = nvirt_policy_set(nv, args.name, &args.pol,
				       &args.settings);
	else
		err = nvirt_policy_del(nv, args.name);
	if (err)
		return nv_error();
	nv_warn();
	return 0;
}

static int policy_add(int argc, char **argv)
{
	return policy_change(argc, argv, POLICY_ADD);
}

static int policy_set(int argc, char **argv)
{
	return policy_change(argc, argv, POLICY_SET);
}

static int policy_del(int argc, char **argv)
{
	return policy_change(argc, argv, POLICY_DEL);
}

static const struct cmd policy_cmds[] = {
	{ "show",	policy_show },
	{ "add",	policy_add },
	{ "set",	policy_set },
	{ "del",	policy_del },
	{ "help",	policy_help },
	{ NULL }
};

int do_policy(int argc, char **argv)
{
	return do_cmd(policy_cmds, "Command", "nvirt policy help", argc, argv);
}
