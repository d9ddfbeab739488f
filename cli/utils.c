// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: command line parsing and the library handle, shared by objects.
 *
 * Argument errors end the program (exit status 1), as in iproute2: they are
 * found before anything is asked of the kernel. A line of a file read as a
 * command (nvirt restore) is given up instead, the rest read on.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nvirt/nvirt.h>

#include "output.h"
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

	pr_usage("%s \"%s\" is unknown, try \"%s\".", what, *argv, help);
	return -1;
}

/* While arg_try() reads a line: where a wrong word goes. */
static jmp_buf *arg_env;

/**
 * split_words() - the words of a line of a file, as "ip -batch" reads them
 * @line: the line, cut up in place
 * @words: the words, pointing into @line
 * @max: room in @words
 *
 * Blanks end a word, but in one that starts with a quote, which the next
 * such quote ends.
 *
 * Return: how many, -E2BIG for too many, -EINVAL for a quote that does
 * not end.
 */
int split_words(char *line, char **words, int max)
{
	char *p = line, *end;
	int n = 0;

	for (;;) {
		p += strspn(p, BLANKS);
		if (!*p)
			return n;
		if (n == max)
			return -E2BIG;
		if (*p == '"' || *p == '\'') {
			end = strchr(p + 1, *p);
			if (!end)
				return -EINVAL;
			words[n++] = ++p;
		} else {
			words[n++] = p;
			end = p + strcspn(p, BLANKS);
		}
		p = end;
		if (!*p)
			return n;
		*p++ = '\0';
	}
}

/**
 * arg_error() - say what is wrong with the arguments, and give them up
 * @fmt: the message, after "Error: "
 *
 * The program ends (exit status 1); under arg_try(), the line is given up
 * and the message said with its place.
 */
void arg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpr_err_at(fmt, ap);
	va_end(ap);
	if (arg_env)
		longjmp(*arg_env, 1);
	exit(1);
}

/**
 * arg_try() - read the words of a line of a file as a command reads its own
 * @read: reads the words into @arg, as the command would
 * @argc: number of words
 * @argv: the words
 * @arg: argument of @read
 *
 * The caller says which line it is (out_at()) for an error to say it.
 *
 * Return: 0, or -1 when a word was wrong: it was said, the line given up.
 */
int arg_try(void (*read)(int argc, char **argv, void *arg),
	    int argc, char **argv, void *arg)
{
	jmp_buf env;
	int ret = 0;

	arg_env = &env;
	if (!setjmp(env))
		read(argc, argv, arg);
	else
		ret = -1;
	arg_env = NULL;
	return ret;
}

/* "help" among the arguments: print @help and end, or in a file fail. */
void arg_help(int (*help)(int argc, char **argv))
{
	if (arg_env)
		arg_error("\"help\" in a saved file.");
	exit(help(0, NULL));
}

void missing_value(const char *key)
{
	arg_error("argument \"%s\" needs a value.", key);
}

void unknown_arg(const char *arg)
{
	arg_error("unknown argument \"%s\".", arg);
}

void duparg(const char *key, const char *arg)
{
	arg_error("duplicate \"%s\": \"%s\" is the second value.", key, arg);
}

void missarg(const char *key)
{
	arg_error("%s is required.", key);
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
	char names[256];
	size_t off = 0;

	for (code = 0; name(code); code++)
		if (!strcmp(arg, name(code)))
			return code;

	n = code;
	names[0] = '\0';
	for (code = 0; code < n && off < sizeof(names); code++)
		off += snprintf(names + off, sizeof(names) - off, "%s\"%s\"",
				!code ? "" : code == n - 1 ? " or " : ", ",
				name(code));
	arg_error("argument of \"%s\" must be %s, not \"%s\".", key, names,
		  arg);
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
	if (*arg < '0' || *arg > '9' || *end || errno || val > max)
		arg_error("argument of \"%s\" must be a number up to %u, not \"%s\".",
			  key, max, arg);
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
			pr_err("nvirt kernel module is not loaded.");
		else
			pr_err("cannot open nvirt: %s.", strerror(errno));
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
	pr_err("%s", nvirt_strerror(nv));
	return -1;
}

/* Pass on the kernel's warning about the last library call, if any. */
void nv_warn(void)
{
	const char *msg = nvirt_warning(nv);

	if (msg)
		pr_warn("%s", msg);
}
