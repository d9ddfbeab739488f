/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt policy: what the object and the monitor share.
 */

#ifndef _NVIRT_POLICY_H
#define _NVIRT_POLICY_H

#include <nvirt/nvirt.h>

/*
 * The arguments of policy commands; a field is in @pol.fields when given,
 * a rate in @settings.fields.
 */
struct policy_args {
	const char *name;
	struct nvirt_policy pol;
	struct nvirt_vif_config settings;
};

void policy_parse_add(int argc, char **argv, struct policy_args *args);
bool policy_keyword(const char *word);

/* How much of a named policy text shows; JSON always shows all of it. */
enum policy_view {
	POLICY_VIEW_LINE,	/* its fields and users, as "nvirt policy show" */
	POLICY_VIEW_NAME,	/* its name */
};

/*
 * policy.c: print a named policy as an object under @key of the current
 * one, or as the next element of the current array when @key is NULL
 */
void policy_print_obj(const char *key, const struct nvirt_named_policy *np,
		      enum policy_view view);

#endif /* _NVIRT_POLICY_H */
