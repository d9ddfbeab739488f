/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the keywords of the fields of VIFs and named policies, as "vif
 * add|set", "policy add|set" and "nvirt save" spell them (keys.c).
 */

#ifndef _NVIRT_KEYS_H
#define _NVIRT_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * struct key - a keyword, and what it sets
 * @word: the keyword
 * @vif: the NVIRT_VIF_F_* field of a VIF's config it sets
 * @also: the NVIRT_VIF_F_* fields the words after its value may set
 *	(vlan: qos, proto)
 * @pol: the NVIRT_POLICY_F_* field of a policy it sets, or 0
 * @named: a named policy gives it to its VIFs: every policy field, and
 *	the settings of NVIRT_NAMED_POLICY_SETTINGS (the rates, the pool)
 */
struct key {
	const char *word;
	uint32_t vif;
	uint32_t also;
	uint32_t pol;
	bool named;
};

extern const struct key keys[];
extern const size_t n_keys;

const struct key *key_find(const char *word);
bool key_is_setting(const struct key *k);

#endif /* _NVIRT_KEYS_H */
