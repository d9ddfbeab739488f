/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: command line parsing and the library handle, shared by objects.
 */

#ifndef _NVIRT_UTILS_H
#define _NVIRT_UTILS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define __maybe_unused	__attribute__((unused))
#define __noreturn	__attribute__((noreturn))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct nvirt;

/* A word of the command line and what runs it. */
struct cmd {
	const char *name;
	int (*func)(int argc, char **argv);
};

int do_cmd(const struct cmd *cmds, const char *what, const char *help,
	   int argc, char **argv);

/* What ends a word of a line of a file. */
#define BLANKS	" \t\n"
int split_words(char *line, char **words, int max);
int batch(const char *name, const struct cmd *cmds);

/* Step to the value of the keyword at *argv; fail when there is none. */
#define NEXT_ARG() do {				\
	if (argc < 2)				\
		missing_value(*argv);		\
	argc--;					\
	argv++;					\
} while (0)

__noreturn __attribute__((format(printf, 1, 2)))
void arg_error(const char *fmt, ...);
int arg_try(void (*read)(int argc, char **argv, void *arg),
	    int argc, char **argv, void *arg);
__noreturn void arg_help(int (*help)(int argc, char **argv));
__noreturn void missing_value(const char *key);
__noreturn void unknown_arg(const char *arg);
__noreturn void duparg(const char *key, const char *arg);
__noreturn void missarg(const char *key);
bool parse_on_off(const char *key, const char *arg);
unsigned int parse_name(const char *key, const char *arg,
			const char *(*name)(unsigned int code));
uint32_t parse_u32(const char *key, const char *arg, uint32_t max);

const char *name_or_num(const char *name, char *buf, size_t len,
			unsigned int num);
const char *oper_name(unsigned int state);
const char *hwaddr(char *buf, size_t size, const unsigned char *addr,
		   unsigned int len);

struct nvirt *nv_open(void);
void nv_close(void);
int nv_error(void);
void nv_warn(void);

/* objects */
int do_monitor(int argc, char **argv);
int do_nic(int argc, char **argv);
int do_policy(int argc, char **argv);
int do_pool(int argc, char **argv);
int do_restore(int argc, char **argv);
int do_save(int argc, char **argv);
int do_version(int argc, char **argv);
int do_vif(int argc, char **argv);

#endif /* _NVIRT_UTILS_H */
