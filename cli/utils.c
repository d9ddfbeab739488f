// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: command line parsing and the library handle, shared by objects.
 *
 * Argument errors end the program (exit status 1), as in iproute2: they are
 * found before anything is asked of the kernel.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nvirt/nvirt.h>

#include "utils.h"

static struct nvirt *nv;

/**
 * do_cmd() - run the command named by the first word
 * @cmds: the commands, ended by an empty entry; the first one runs when
 *	there are no words
 * @what: what the words name, for errors: "Object", "Command"
 * @help: the command that lists them, for errors: "nvirt nic help"
 * @argc: number of words
 * @argv: the words; the command gets those after its name
 *
 * Return: what the command returned; -1 when there is no such command.
 */
int do_cmd(const struct cmd *cmds, const char *what, const char *help,
	   int argc, char **argv)
{
	const struct cmd *c;

	if (argc < 1)
		return cmds[0].func(0, argv);

	for (c = cmds; c->name; c++)
		if (!strcmp(*argv, c->name))
			return c->func(argc - 1, argv + 1);

	fprintf(stderr, "%s \"%s\" is unknown, try \"%s\".\n", what, *argv,
		help);
	return -1;
}

void missing_value(const char *key)
{
	fprintf(stderr, "Error: argument \"%s\" needs a value.\n", key);
	exit(1);
}

void unknown_arg(const char *arg)
{
	fprintf(stderr, "Error: unknown argument \"%s\".\n", arg);
	exit(1);
}

void duparg(const char *key, const char *arg)
{
	fprintf(stderr, "Error: duplicate \"%s\": \"%s\" is the second value.\n",
		key, arg);
	exit(1);
}

void missarg(const char *key)
{
	fprintf(stderr, "Error: %s is required.\n", key);
	exit(1);
}

bool parse_on_off(const char *key, const char *arg)
{
	if (!strcmp(arg, "on"))
		return true;
	if (!strcmp(arg, "off"))
		return false;
	fprintf(stderr,
		"Error: argument of \"%s\" must be \"on\" or \"off\", not \"%s\".\n",
		key, arg);
	exit(1);
}

/* @name of a code, or the code's number (in @buf) when it has none. */
const char *name_or_num(const char *name, char *buf, size_t len,
			unsigned int num)
{
	if (name)
		return name;
	snprintf(buf, len, "%u", num);
	return buf;
}

/* Print a message from the library as iproute2 prints the kernel's. */
void nv_print(const char *level, const char *msg)
{
	size_t len = strlen(msg);

	fprintf(stderr, "%s: %s%s\n", level, msg,
		len && msg[len - 1] == '.' ? "" : ".");
}

/**
 * nv_open() - the library handle, opened on first use
 *
 * Return: the handle, or NULL once the reason has been printed.
 */
struct nvirt *nv_open(void)
{
	if (nv)
		return nv;

	nv = nvirt_open();
	if (!nv) {
		if (errno == ENOENT)
			fprintf(stderr, "Error: nvirt kernel module is not loaded.\n");
		else
			fprintf(stderr, "Error: cannot open nvirt: %s.\n",
				strerror(errno));
	}
	return nv;
}

void nv_close(void)
{
	nvirt_close(nv);
	nv = NULL;
}

/* Report the failure of the last library call; returns -1. */
int nv_error(void)
{
	nv_print("Error", nvirt_strerror(nv));
	return -1;
}

/* Pass on the kernel's warning about the last library call, if any. */
void nv_warn(void)
{
	const char *msg = nvirt_warning(nv);

	if (msg)
		nv_print("Warning", msg);
}
