// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt save, nvirt restore: the keys and values of a line, as "policy
 * add" and "vif add" take them, written from an object's config and
 * compared with another's.
 */

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <nvirt/nvirt.h>

#include "items.h"
#include "keys.h"
#include "utils.h"

/*
 * @name as a word of a line, in @buf when it must be quoted: when it is
 * empty, has blanks or starts with a quote. NULL when no quote can hold
 * it: it has both, or a newline.
 */
const char *save_word(char *buf, const char *name)
{
	if (*name && !name[strcspn(name, BLANKS)] && *name != '"' &&
	    *name != '\'')
		return name;
	if (strchr(name, '\n'))
		return NULL;
	if (!strchr(name, '"'))
		snprintf(buf, WORD_LEN, "\"%s\"", name);
	else if (!strchr(name, '\''))
		snprintf(buf, WORD_LEN, "'%s'", name);
	else
		return NULL;
	return buf;
}

static void item_add(struct items *it, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void item_add(struct items *it, const char *key, const char *fmt, ...)
{
	struct item *i = &it->v[it->n++];
	va_list ap;

	i->key = key;
	va_start(ap, fmt);
	vsnprintf(i->val, sizeof(i->val), fmt, ap);
	va_end(ap);
}

static const char *item_get(const struct items *it, const char *key)
{
	int i;

	for (i = 0; i < it->n; i++)
		if (!strcmp(it->v[i].key, key))
			return it->v[i].val;
	return NULL;
}

/* A code by its name, or its number when this nvirt knows no name. */
static void item_code(struct items *it, const char *key, unsigned int code,
		      const char *(*name)(unsigned int code))
{
	char buf[16];

	item_add(it, key, "%s", name_or_num(name(code), buf, sizeof(buf), code));
}

/* A policy's fields, as "policy add" and "vif add" take them. */
static void policy_items(struct items *it, const struct nvirt_policy *p)
{
	if (p->fields & NVIRT_POLICY_F_GOAL)
		item_code(it, "goal", p->goal, nvirt_goal_name);
	if (p->fields & NVIRT_POLICY_F_ISOLATION)
		item_code(it, "isolation", p->isolation, nvirt_isolation_name);
	if (p->fields & NVIRT_POLICY_F_MIGRATABLE)
		item_add(it, "migratable", "%s", p->migratable ? "yes" : "no");
	if (p->fields & NVIRT_POLICY_F_VISIBILITY)
		item_code(it, "visibility", p->visibility,
			  nvirt_visibility_name);
	if (p->fields & NVIRT_POLICY_F_G2G)
		item_code(it, "g2g", p->g2g, nvirt_g2g_name);
	if (p->fields & NVIRT_POLICY_F_PRIORITY)
		item_add(it, "priority", "%u", p->priority);
}

/* The rates of a config, a VIF's own or those a named policy gives. */
static void rate_items(struct items *it, const struct nvirt_vif_config *cfg)
{
	if (cfg->fields & NVIRT_VIF_F_MAX_RATE)
		item_add(it, "max-rate", "%u", cfg->max_rate);
	if (cfg->fields & NVIRT_VIF_F_MIN_RATE)
		item_add(it, "min-rate", "%u", cfg->min_rate);
}

/* A named policy's goals, rates and pool, as "policy add" takes them. */
void named_items(struct items *it, const struct nvirt_policy *pol,
			const struct nvirt_vif_config *settings)
{
	it->n = 0;
	policy_items(it, pol);
	rate_items(it, settings);
	/* Pool names are words (letters, digits, "-_.:"). */
	if ((settings->fields & NVIRT_VIF_F_POOL_NAME) &&
	    settings->pool_name && settings->pool_name[0])
		item_add(it, "pool", "%s", settings->pool_name);
}

/*
 * A VIF's config, as "vif add" takes it; @netns names its netns, or NULL.
 * Its names as words of a line (save_word()), when they can be.
 */
void vif_items(struct items *it, const struct nvirt_vif_config *cfg,
		      const char *netns)
{
	char mac[18], word[WORD_LEN];

	it->n = 0;
	if (cfg->fields & NVIRT_VIF_F_BACKEND)
		item_code(it, "backend", cfg->backend, nvirt_backend_name);
	if (cfg->fields & NVIRT_VIF_F_MAC)
		item_add(it, "mac", "%s",
			 hwaddr(mac, sizeof(mac), cfg->mac, sizeof(cfg->mac)));
	if ((cfg->fields & NVIRT_VIF_F_VLAN) && cfg->vlan) {
		char proto[16];

		item_add(it, "vlan", "%u qos %u proto %s", cfg->vlan,
			 cfg->vlan_qos,
			 name_or_num(nvirt_vlan_proto_name(cfg->vlan_proto),
				     proto, sizeof(proto), cfg->vlan_proto));
	}
	if (cfg->fields & NVIRT_VIF_F_MTU)
		item_add(it, "mtu", "%u", cfg->mtu);
	if (cfg->fields & NVIRT_VIF_F_SPOOFCHK)
		item_add(it, "spoofchk", "%s", cfg->spoofchk ? "on" : "off");
	if (cfg->fields & NVIRT_VIF_F_TRUST)
		item_add(it, "trust", "%s", cfg->trust ? "on" : "off");
	if (cfg->fields & NVIRT_VIF_F_LINK_STATE)
		item_code(it, "state", cfg->link_state, nvirt_link_state_name);
	if (netns)
		item_add(it, "netns", "%s", save_word(word, netns) ?: netns);
	/* A config of nvirt_vif_dump_config() has it only when not netns. */
	if (cfg->fields & NVIRT_VIF_F_ATTACH)
		item_code(it, "attach", cfg->attach, nvirt_attach_name);
	if ((cfg->fields & NVIRT_VIF_F_POLICY_NAME) && cfg->policy_name[0])
		item_add(it, "policy", "%s",
			 save_word(word, cfg->policy_name) ?: cfg->policy_name);

	if (cfg->fields & NVIRT_VIF_F_POLICY)
		policy_items(it, cfg->policy);
	rate_items(it, cfg);
}

void items_print(FILE *fp, const struct items *it)
{
	int i;

	for (i = 0; i < it->n; i++)
		fprintf(fp, " %s %s", it->v[i].key, it->v[i].val);
	fputc('\n', fp);
}

/* Keys whose absence from a line means none; the others mean "as it is". */
static bool key_none_when_absent(const char *key)
{
	return !strcmp(key, "vlan") || !strcmp(key, "netns") ||
	       !strcmp(key, "attach") || !strcmp(key, "policy");
}

/*
 * The differences of what an object has (@live) from what the file says
 * (@want), each said as "OBJ NAME: KEY OLD -> NEW", with the fields that
 * make it so in *@vif and *@pol; a key the object has that the file does
 * not say is said as kept, unless its absence means none.
 */
int items_diff(const char *obj, const char *name,
		      const struct items *live, const struct items *want,
		      uint32_t *vif, uint32_t *pol)
{
	const char *was, *is;
	int i, n = 0;
	unsigned int k;

	*vif = 0;
	*pol = 0;
	for (k = 0; k < n_keys; k++) {
		was = item_get(live, keys[k].word);
		is = item_get(want, keys[k].word);
		if (!is && (!was || !key_none_when_absent(keys[k].word)))
			continue;
		if (was && is && !strcmp(was, is))
			continue;
		printf("%s %s: %s %s -> %s\n", obj, name, keys[k].word,
		       was ?: "none", is ?: "none");
		*vif |= keys[k].vif | keys[k].also;
		*pol |= keys[k].pol;
		n++;
	}
	for (i = 0; i < live->n; i++) {
		if (item_get(want, live->v[i].key) ||
		    key_none_when_absent(live->v[i].key))
			continue;
		printf("%s %s: %s %s is not in the file, kept\n", obj, name,
		       live->v[i].key, live->v[i].val);
	}
	return n;
}
