/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: print the same facts as text or as JSON.
 *
 * print_*() take a JSON key and a printf format for text: a NULL key keeps
 * the value out of JSON, a NULL format keeps it out of the text.
 */

#ifndef _NVIRT_OUTPUT_H
#define _NVIRT_OUTPUT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

extern bool json;	/* -j: print JSON */
extern bool pretty;	/* -p: indent it */
extern bool show_stats;	/* -s: print statistics too */

/* Begin a document whose top level is an array or a single object. */
void out_start(bool array);
/*
 * Open an object (or an array) under @key of the current object, or as the
 * next element of the current array when @key is NULL; close it. Text
 * output is not affected.
 */
void out_nest_open(const char *key, bool array);
void out_nest_close(void);
/* Print (emit) or drop the document; -1, said, when it could not be built. */
int out_end(bool emit);

void print_string(const char *key, const char *fmt, const char *val);
void print_uint(const char *key, const char *fmt, unsigned int val);
void print_int(const char *key, const char *fmt, int val);
void print_u64(const char *key, const char *fmt, uint64_t val);
/* true in JSON, and left out of both when false; @fmt takes no value */
void print_flag(const char *key, const char *fmt, bool val);
/* "on" / "off" in text, a boolean in JSON */
void print_on_off(const char *key, const char *fmt, bool val);
/* "yes" / "no" in text, a boolean in JSON */
void print_yes_no(const char *key, const char *fmt, bool val);

/*
 * Errors and warnings, on stderr, ending with a full stop: "Error: MSG."
 * as iproute2 says them, or under -j one JSON object a line, {"error":
 * "MSG."} or {"warning": "MSG."}, with "file" and "line" while a line of a
 * file is read (out_at(), NULL when done). In text only pr_err_at() says
 * the place, "FILE:LINE: Error: MSG.", as "ip -batch" does for a wrong
 * word; pr_usage() says an unknown word as iproute2 does, with no "Error: ".
 */
#define PR_FMT	__attribute__((format(printf, 1, 2)))
void out_at(const char *file, int line);
PR_FMT void pr_err(const char *fmt, ...);
PR_FMT void pr_err_at(const char *fmt, ...);
__attribute__((format(printf, 1, 0))) void vpr_err_at(const char *fmt, va_list ap);
PR_FMT void pr_warn(const char *fmt, ...);
PR_FMT void pr_usage(const char *fmt, ...);

#endif /* _NVIRT_OUTPUT_H */
