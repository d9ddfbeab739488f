// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: print the same facts as text or as JSON (json-c), and say errors
 * in the same form.
 *
 * In JSON mode values go into a document that out_end() prints whole, so
 * a command that fails half-way prints nothing but its error.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "output.h"

bool json;
bool pretty;
bool show_stats;

#define OUT_DEPTH	8

static struct json_object *stack[OUT_DEPTH];
static int depth;
static bool broken;		/* an allocation failed: the document is wrong */

/* The line of a file being read, for errors (out_at()). */
static const char *at_file;
static int at_line;

static struct json_object *cur(void)
{
	return depth ? stack[depth - 1] : NULL;
}

/* Put @val under @key in the current object, or append it to the array. */
static void json_add(const char *key, struct json_object *val)
{
	struct json_object *obj = cur();
	int err = -1;

	if (val && obj)
		err = key ? json_object_object_add(obj, key, val) :
			    json_object_array_add(obj, val);
	if (err) {
		json_object_put(val);
		broken = true;
	}
}

static void push(struct json_object *obj)
{
	if (!obj || depth == OUT_DEPTH) {
		json_object_put(obj);
		broken = true;
		obj = NULL;
	}
	if (depth < OUT_DEPTH)
		stack[depth++] = obj;
}

void out_start(bool array)
{
	if (json)
		push(array ? json_object_new_array() : json_object_new_object());
}

void out_nest_open(const char *key, bool array)
{
	struct json_object *obj;

	if (!json)
		return;
	obj = array ? json_object_new_array() : json_object_new_object();
	json_add(key, json_object_get(obj));
	push(obj);
}

void out_nest_close(void)
{
	if (json && depth > 1)
		json_object_put(stack[--depth]);
}

int out_end(bool emit)
{
	int flags = JSON_C_TO_STRING_NOSLASHESCAPE;
	int ret = 0;

	if (!json)
		return 0;
	flags |= pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED :
			 JSON_C_TO_STRING_PLAIN;
	if (emit && (broken || depth != 1)) {
		pr_err("out of memory.");
		ret = -1;
	} else if (emit) {
		printf("%s\n", json_object_to_json_string_ext(stack[0], flags));
	}
	while (depth)
		json_object_put(stack[--depth]);
	broken = false;
	return ret;
}

void print_string(const char *key, const char *fmt, const char *val)
{
	if (json && key)
		json_add(key, json_object_new_string(val));
	else if (!json && fmt)
		printf(fmt, val);
}

void print_uint(const char *key, const char *fmt, unsigned int val)
{
	if (json && key)
		json_add(key, json_object_new_uint64(val));
	else if (!json && fmt)
		printf(fmt, val);
}

void print_int(const char *key, const char *fmt, int val)
{
	if (json && key)
		json_add(key, json_object_new_int(val));
	else if (!json && fmt)
		printf(fmt, val);
}

void print_u64(const char *key, const char *fmt, uint64_t val)
{
	if (json && key)
		json_add(key, json_object_new_uint64(val));
	else if (!json && fmt)
		printf(fmt, val);
}

void print_on_off(const char *key, const char *fmt, bool val)
{
	if (json && key)
		json_add(key, json_object_new_boolean(val));
	else if (!json && fmt)
		printf(fmt, val ? "on" : "off");
}

void print_yes_no(const char *key, const char *fmt, bool val)
{
	if (json && key)
		json_add(key, json_object_new_boolean(val));
	else if (!json && fmt)
		printf(fmt, val ? "yes" : "no");
}

void print_flag(const char *key, const char *fmt, bool val)
{
	if (!val)
		return;
	if (json && key)
		json_add(key, json_object_new_boolean(true));
	else if (!json && fmt)
		printf("%s", fmt);
}

void out_at(const char *file, int line)
{
	at_file = file;
	at_line = line;
}

/*
 * Say a message: in text after @prefix ("Error: "), and the place before
 * it when @placed; in JSON under @key ("error"), with the place always.
 */
static void say(const char *prefix, const char *key, bool placed,
		const char *fmt, va_list ap)
{
	int flags = JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE;
	struct json_object *obj;
	char msg[8192];
	size_t len;

	vsnprintf(msg, sizeof(msg) - 1, fmt, ap);	/* room for the stop */
	len = strlen(msg);
	if (!len || msg[len - 1] != '.') {
		msg[len] = '.';
		msg[len + 1] = '\0';
	}

	if (!json) {
		if (placed && at_file)
			fprintf(stderr, "%s:%d: ", at_file, at_line);
		fprintf(stderr, "%s%s\n", prefix, msg);
		return;
	}

	obj = json_object_new_object();
	if (!obj || json_object_object_add(obj, key, json_object_new_string(msg)) ||
	    (at_file &&
	     (json_object_object_add(obj, "file", json_object_new_string(at_file)) ||
	      json_object_object_add(obj, "line", json_object_new_int(at_line)))))
		fprintf(stderr, "{\"%s\":\"out of memory.\"}\n", key);
	else
		fprintf(stderr, "%s\n", json_object_to_json_string_ext(obj, flags));
	json_object_put(obj);
}

void pr_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("Error: ", "error", false, fmt, ap);
	va_end(ap);
}

void vpr_err_at(const char *fmt, va_list ap)
{
	say("Error: ", "error", true, fmt, ap);
}

void pr_err_at(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpr_err_at(fmt, ap);
	va_end(ap);
}

void pr_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("Warning: ", "warning", false, fmt, ap);
	va_end(ap);
}

void pr_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("", "error", false, fmt, ap);
	va_end(ap);
}
