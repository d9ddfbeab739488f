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

/**
 * parse_name() - the code a keyword's argument names
 * @key: the keyword, for errors
 * @arg: its argument
 * @name: names codes 0, 1, ... up to the first it gives NULL for
 *
 * Return: the code named @arg; other words end the program, saying which
 * are valid.
 */
unsigned int parse_name(const char *key, const char *arg,
			const char *(*name)(unsigned int code))
{
	unsigned int code, n;

	for (code = 0; name(code); code++)
		if (!strcmp(arg, name(code)))
			return code;

	n = code;
	fprintf(stderr, "Error: argument of \"%s\" must be ", key);
	for (code = 0; code < n; code++)
		fprintf(stderr, "%s\"%s\"", !code ? "" :
			code == n - 1 ? " or " : ", ", name(code));
	fprintf(stderr, ", not \"%s\".\n", arg);
	exit(1);
}

static const char *on_off_name(unsigned int code)
{
	static const char *const names[] = { "on", "off" };

	return code < ARRAY_SIZE(names) ? names[code] : NULL;
}

bool parse_on_off(const char *key, const char *arg)
{
	return parse_name(key, arg, on_off_name) == 0;
}

/* A decimal number up to @max; anything else ends the program. */
uint32_t parse_u32(const char *key, const char *arg, uint32_t max)
{
	unsigned long long val;
	char *end;

	errno = 0;
	val = strtoull(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || *end || errno || val > max) {
		fprintf(stderr,
			"Error: argument of \"%s\" must be a number up to %u, not \"%s\".\n",
			key, max, arg);
		exit(1);
	}
	return val;
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

/* IF_OPER_* of <linux/if.h>, as "ip link" names them */
static const char *const oper_names[] = {
	"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
	"TESTING", "DORMANT", "UP",
};

const char *oper_name(unsigned int state)
{
	return state < ARRAY_SIZE(oper_names) ? oper_names[state] : NULL;
}

/* A link-layer address: "52:54:00:12:34:56". */
const char *hwaddr(char *buf, size_t size, const unsigned char *addr,
		   unsigned int len)
{
	size_t off = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < len && off < size; i++)
		off += snprintf(buf + off, size - off, "%s%02x", i ? ":" : "",
				addr[i]);
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
