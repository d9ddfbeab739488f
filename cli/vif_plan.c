// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt vif: policies and plans. A policy is what a user wants of a VIF
 * (or of the VIFs that follow a named policy, nvirt policy); a plan is how
 * its NIC would realize it (dry-run), realizes it (explain) or now
 * realizes it after a move (monitor), and why.
 */

#include <stdio.h>
#include <string.h>

#include <nvirt/nvirt.h>

#include "keys.h"
#include "output.h"
#include "utils.h"
#include "vif.h"

static const char *yes_no_name(unsigned int code)
{
	static const char *const names[] = { "yes", "no" };

	return code < ARRAY_SIZE(names) ? names[code] : NULL;
}

/* The policy field @word names (keys.c), or NULL. */
static const struct key *policy_word_find(const char *word)
{
	const struct key *k = key_find(word);

	return k && k->pol ? k : NULL;
}

/*
 * Is @word a keyword of a VIF's policy, or with @named of a named
 * policy (which gives its VIFs their rates too)?
 */
bool policy_field_word(const char *word, bool named)
{
	const struct key *k = key_find(word);

	return k && (k->pol || (named && k->named));
}

/**
 * policy_parse_field() - a policy keyword and its value
 * @argc: words left
 * @argv: the words, at the keyword
 * @pol: gets the field
 *
 * Return: how many words it takes; 0 when *@argv is no policy keyword.
 */
int policy_parse_field(int argc, char **argv, struct nvirt_policy *pol)
{
	const struct key *k = policy_word_find(*argv);
	const char *key = *argv;
	uint32_t field;

	if (!k)
		return 0;
	field = k->pol;

	NEXT_ARG();
	if (pol->fields & field)
		duparg(key, *argv);
	pol->fields |= field;
	switch (field) {
	case NVIRT_POLICY_F_GOAL:
		pol->goal = parse_name(key, *argv, nvirt_goal_name);
		break;
	case NVIRT_POLICY_F_ISOLATION:
		pol->isolation = parse_name(key, *argv, nvirt_isolation_name);
		break;
	case NVIRT_POLICY_F_MIGRATABLE:
		pol->migratable = parse_name(key, *argv, yes_no_name) == 0;
		break;
	case NVIRT_POLICY_F_VISIBILITY:
		pol->visibility = parse_name(key, *argv, nvirt_visibility_name);
		break;
	case NVIRT_POLICY_F_G2G:
		pol->g2g = parse_name(key, *argv, nvirt_g2g_name);
		break;
	case NVIRT_POLICY_F_PRIORITY:
		pol->priority = parse_u32(key, *argv, UINT32_MAX);
		break;
	}
	return 2;
}

/* A VIF's policy keyword and its value into @pol, which @cfg then has. */
int vif_parse_policy(int argc, char **argv, struct nvirt_vif_config *cfg,
		     struct nvirt_policy *pol)
{
	int used = policy_parse_field(argc, argv, pol);

	if (used) {
		cfg->fields |= NVIRT_VIF_F_POLICY;
		cfg->policy = pol;
	}
	return used;
}

/*
 * " KEY NAME" in text, "KEY": "NAME" in JSON; a code with no name as its
 * number
 */
static void print_code(const char *key, unsigned int code,
		       const char *(*name)(unsigned int code))
{
	char buf[16], fmt[32];

	snprintf(fmt, sizeof(fmt), " %s %%s", key);
	print_string(key, fmt, name_or_num(name(code), buf, sizeof(buf), code));
}

/*
 * " goal throughput isolation standard migratable no ..." in text, a key
 * each in the current JSON object: the fields @pol has.
 */
void policy_print_fields(const struct nvirt_policy *pol)
{
	if (pol->fields & NVIRT_POLICY_F_GOAL)
		print_code("goal", pol->goal, nvirt_goal_name);
	if (pol->fields & NVIRT_POLICY_F_ISOLATION)
		print_code("isolation", pol->isolation, nvirt_isolation_name);
	if (pol->fields & NVIRT_POLICY_F_MIGRATABLE)
		print_yes_no("migratable", " migratable %s", pol->migratable);
	if (pol->fields & NVIRT_POLICY_F_VISIBILITY)
		print_code("visibility", pol->visibility,
			   nvirt_visibility_name);
	if (pol->fields & NVIRT_POLICY_F_G2G)
		print_code("g2g", pol->g2g, nvirt_g2g_name);
	if (pol->fields & NVIRT_POLICY_F_PRIORITY)
		print_uint("priority", " priority %u", pol->priority);
}

/*
 * " max-rate 100Mbit min-rate 10Mbit pool uplinks" in text, a key each in
 * JSON: the settings a named policy gives its VIFs.
 */
void policy_print_settings(const struct nvirt_vif_config *settings)
{
	/* Set, a rate of 0 is shown: it says "no limit" to its VIFs. */
	if (settings->fields & NVIRT_VIF_F_MAX_RATE)
		print_uint("max_rate", " max-rate %uMbit", settings->max_rate);
	if (settings->fields & NVIRT_VIF_F_MIN_RATE)
		print_uint("min_rate", " min-rate %uMbit", settings->min_rate);
	if (NVIRT_HAS(settings, pool_name) &&
	    (settings->fields & NVIRT_VIF_F_POOL_NAME))
		print_string("pool", " pool %s", settings->pool_name);
}

/*
 *     policy gold goal throughput isolation standard migratable no ...
 *
 * The named policy the VIF follows ("policy_name" in JSON) and the fields
 * the kernel sent; nothing when it sent neither.
 */
void vif_print_policy(const struct nvirt_vif *vif)
{
	const struct nvirt_policy *pol = vif->policy;

	if (!pol->fields && !vif->policy_name[0])
		return;

	print_string(NULL, "%s", "    policy");
	if (vif->policy_name[0])
		print_string("policy_name", " %s", vif->policy_name);
	if (pol->fields) {
		out_nest_open("policy", false);
		policy_print_fields(pol);
		out_nest_close();
	}
	print_string(NULL, "%s", "\n");
}

/* backend vf migratable no g2g soft displaces VIF 7 */
static void plan_print_head(const struct nvirt_plan *plan)
{
	print_code("backend", plan->backend, nvirt_backend_name);
	print_yes_no("migratable", " migratable %s", plan->migratable);
	print_code("g2g", plan->g2g, nvirt_g2g_name);
	if (plan->displace)
		print_uint("displace", " displaces VIF %u", plan->displace);
}

/*
 *     reason vf-exhausted: eth0 has no free VF
 *
 * In order: each builds on those before it.
 */
static void plan_print_reasons(const struct nvirt_plan *plan)
{
	const struct nvirt_plan_why *r;
	uint32_t i;
	char buf[16];

	out_nest_open("reasons", true);
	for (i = 0; i < plan->n_reasons; i++) {
		r = plan->reasons[i];
		out_nest_open(NULL, false);
		print_string("code", "    reason %s",
			     name_or_num(nvirt_plan_reason_name(r->code), buf,
					 sizeof(buf), r->code));
		print_string("text", r->text[0] ? ": %s\n" : "%s\n", r->text);
		out_nest_close();
	}
	out_nest_close();
}

/**
 * vif_print_plan() - print a plan into the current JSON object
 * @plan: the plan
 * @view: what of it text shows; JSON always has all of it
 *
 * Text ends each line it prints; a refusal's text is left to @view's
 * caller in PLAN_VIEW_FULL, which says it as an error.
 */
void vif_print_plan(const struct nvirt_plan *plan, enum plan_view view)
{
	if (json || view == PLAN_VIEW_FULL) {
		plan_print_head(plan);
		print_string(NULL, "%s", "\n");
	}
	if (json || view != PLAN_VIEW_REASONS)
		vif_print_enforce("    enforce:", plan->n_enforce,
				  plan->enforce);
	if (plan->error)
		print_string("error",
			     view == PLAN_VIEW_FULL ? NULL : "    error: %s\n",
			     plan->error_text);
	plan_print_reasons(plan);
}

/*
 * The plan of "vif { add | set } ... dry-run": the VIF's name, its NIC
 * and the plan; 0, or -1 once printed why (a refused plan, after it).
 */
static int vif_dry_run_print(const char *name, const char *parent,
			     const struct nvirt_plan *plan)
{
	int ret;

	out_start(false);
	print_string("name", "plan for %s", name);
	print_string("parent", " on %s:", parent);
	vif_print_plan(plan, PLAN_VIEW_FULL);
	ret = out_end(true);
	if (plan->error) {
		pr_err("%s", plan->error_text);
		return -1;
	}
	return ret;
}

/**
 * vif_dry_run() - plan a new VIF or a change, and print the plan
 * @nv: the library handle
 * @name: the VIF's name
 * @add: a new VIF, not a change of an existing one
 * @dev: the NIC of a new VIF, NULL when its pool (in @cfg) is to choose
 * @cfg: its settings and policy
 *
 * Return: 0, or -1 once printed why: the request failed or the plan is a
 * refusal.
 */
int vif_dry_run(struct nvirt *nv, const char *name, bool add,
		const char *dev, const struct nvirt_vif_config *cfg)
{
	struct nvirt_vif *vif = NULL;
	struct nvirt_plan *plan;
	int err;

	if (add)
		err = nvirt_vif_new_plan(nv, name, 0, dev, cfg, &plan);
	else
		err = nvirt_vif_set_plan(nv, 0, name, cfg, &plan);
	if (err)
		return nv_error();
	nv_warn();

	/* The NIC a pool's plan chose. */
	if (add && !dev)
		dev = plan->parent_ifname;
	/* A change plans the VIF on its NIC, which the plan does not name. */
	if (!add) {
		err = nvirt_vif_get(nv, 0, name, &vif);
		if (err) {
			nvirt_free(plan);
			return nv_error();
		}
		dev = vif->parent_ifname;
	}
	err = vif_dry_run_print(name, dev, plan);
	nvirt_free(vif);
	nvirt_free(plan);
	return err;
}

/**
 * vif_print_explain() - why a VIF is on its backend
 * @vif: what vif-explain said of the VIF, with its plan
 *
 *	vmA on eth0: backend vf migratable no
 *	    policy goal throughput ...
 *	    enforce: mac hardware ...
 *	    reason backend-vf: ...
 *
 * Return: 0, or -1 once printed why.
 */
int vif_print_explain(const struct nvirt_vif *vif)
{
	out_start(false);
	print_uint("id", NULL, vif->id);
	print_string("name", "%s", vif->name);
	print_string("parent", " on %s:", vif->parent_ifname);
	print_code("backend", vif->backend, nvirt_backend_name);
	if (vif->has_migratable)
		print_yes_no("migratable", " migratable %s", vif->migratable);
	print_string(NULL, "%s", "\n");
	vif_print_policy(vif);
	out_nest_open("plan", false);
	vif_print_plan(vif->plan, PLAN_VIEW_BODY);
	out_nest_close();
	return out_end(true);
}
