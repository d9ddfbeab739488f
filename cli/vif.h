/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt vif: what the parts of the object, and the monitor, share.
 */

#ifndef _NVIRT_VIF_H
#define _NVIRT_VIF_H

#include <stdbool.h>
#include <stdint.h>

#include <nvirt/nvirt.h>

/*
 * The arguments of vif commands; a setting is in @cfg.fields when given,
 * the netns as the user named it in @netns too.
 */
struct vif_args {
	const char *name;
	const char *dev;
	const char *netns;
	struct nvirt_vif_config cfg;
	struct nvirt_policy pol;	/* cfg's policy, when it has one */
	bool dry_run;
};

/*
 * Empty arguments; the config they give, its policy pointing into them
 * (copies of @args point into the original: ask each its own)
 */
void vif_args_init(struct vif_args *args);
const struct nvirt_vif_config *vif_args_cfg(struct vif_args *args);

void vif_parse_add(int argc, char **argv, struct vif_args *args);
bool vif_keyword(const char *word);

/* How much of a VIF text shows; JSON always shows all of it. */
enum vif_view {
	VIF_VIEW_FULL,		/* all its lines, as "nvirt vif show" */
	VIF_VIEW_LINE,		/* its state and settings, on one line */
	VIF_VIEW_NAME,		/* its id, name and NIC */
};

/*
 * Print a VIF as an object under @key of the current one, or as the next
 * element of the current array when @key is NULL; its traffic with -s.
 */
void vif_print_obj(const char *key, const struct nvirt_vif *vif,
		   enum vif_view view);

/*
 * vif.c: "@title mac hardware vlan software ..." in text, an "enforce"
 * object in JSON: where the settings in effect are (or would be)
 * enforced; nothing when none is.
 */
void vif_print_enforce(const char *title, uint32_t n,
		       const struct nvirt_enforce *const *enforce);

/*
 * vif.c: a setting a named policy gives its VIFs (its rates), with its
 * value; how many words it takes, 0 when *@argv is none.
 */
int policy_parse_setting(int argc, char **argv,
			 struct nvirt_vif_config *settings);

/* How much of a plan text shows; JSON always shows all of it. */
enum plan_view {
	PLAN_VIEW_FULL,		/* a head line, enforce and reasons (dry-run) */
	PLAN_VIEW_BODY,		/* enforce, a refusal and reasons (explain) */
	PLAN_VIEW_REASONS,	/* a refusal and reasons (monitor) */
};

/* vif_plan.c: policies and plans */
int policy_parse_field(int argc, char **argv, struct nvirt_policy *pol);
bool policy_field_word(const char *word, bool named);
int vif_parse_policy(int argc, char **argv, struct nvirt_vif_config *cfg,
		     struct nvirt_policy *pol);
void policy_print_fields(const struct nvirt_policy *pol);
void policy_print_settings(const struct nvirt_vif_config *settings);
void vif_print_policy(const struct nvirt_vif *vif);
void vif_print_plan(const struct nvirt_plan *plan, enum plan_view view);
int vif_dry_run(struct nvirt *nv, const char *name, bool add,
		const char *dev, const struct nvirt_vif_config *cfg);
int vif_print_explain(const struct nvirt_vif *vif);

#endif /* _NVIRT_VIF_H */
