// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: one table of the keywords of VIFs' and named policies' fields,
 * for the commands that read them and for "nvirt save", which writes and
 * compares them (in this order).
 */

#include <string.h>

#include <nvirt/nvirt.h>

#include "keys.h"
#include "utils.h"

/* KEY(WORD, VIF-FIELD, POLICY-FIELD, more members) */
#define KEY(_word, _vif, _pol, ...)					\
	{ .word = (_word), .vif = NVIRT_VIF_F_##_vif, .pol = (_pol), __VA_ARGS__ }

const struct key keys[] = {
	KEY("backend",	  BACKEND,	0),
	KEY("mac",	  MAC,		0),
	KEY("vlan",	  VLAN,		0,
	    .also = NVIRT_VIF_F_VLAN_QOS | NVIRT_VIF_F_VLAN_PROTO),
	KEY("mtu",	  MTU,		0),
	KEY("spoofchk",	  SPOOFCHK,	0),
	KEY("trust",	  TRUST,	0),
	KEY("state",	  LINK_STATE,	0),
	KEY("netns",	  NETNS,	0),
	KEY("attach",	  ATTACH,	0),
	KEY("policy",	  POLICY_NAME,	0),
	KEY("goal",	  POLICY,	NVIRT_POLICY_F_GOAL, .named = true),
	KEY("isolation",  POLICY,	NVIRT_POLICY_F_ISOLATION, .named = true),
	KEY("migratable", POLICY,	NVIRT_POLICY_F_MIGRATABLE, .named = true),
	KEY("visibility", POLICY,	NVIRT_POLICY_F_VISIBILITY, .named = true),
	KEY("g2g",	  POLICY,	NVIRT_POLICY_F_G2G, .named = true),
	KEY("priority",	  POLICY,	NVIRT_POLICY_F_PRIORITY, .named = true),
	KEY("max-rate",	  MAX_RATE,	0, .named = true),
	KEY("min-rate",	  MIN_RATE,	0, .named = true),
	KEY("pool",	  POOL_NAME,	0, .named = true),
};

const size_t n_keys = ARRAY_SIZE(keys);

/* The key spelt @word, or NULL. */
const struct key *key_find(const char *word)
{
	size_t i;

	for (i = 0; i < n_keys; i++)
		if (!strcmp(word, keys[i].word))
			return &keys[i];
	return NULL;
}

/* A setting of a VIF's own: not its policy's fields, nor its name. */
bool key_is_setting(const struct key *k)
{
	return !(k->vif & (NVIRT_VIF_F_POLICY | NVIRT_VIF_F_POLICY_NAME));
}
