/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt save, nvirt restore: the keys and values of a line (items.c).
 */

#ifndef _NVIRT_ITEMS_H
#define _NVIRT_ITEMS_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <nvirt/nvirt.h>

/* Room for a word that is a name: a netns's, NAME_MAX long, quoted. */
#define WORD_LEN	(NAME_MAX + 3)

/* A key of a line and its value: "mtu" "1500", "vlan" "10 qos 0 proto 802.1Q". */
struct item {
	const char *key;
	char val[WORD_LEN];
};

/* The most keys a line has: settings and policy fields. */
#define ITEMS	24

struct items {
	struct item v[ITEMS];
	int n;
};

const char *save_word(char *buf, const char *name);

/* A named policy's goals and rates, as "policy add" takes them. */
void named_items(struct items *it, const struct nvirt_policy *pol,
		 const struct nvirt_vif_config *settings);

/*
 * A VIF's config, as "vif add" takes it; @netns names its netns, or NULL.
 * Its names as words of a line (save_word()), when they can be.
 */
void vif_items(struct items *it, const struct nvirt_vif_config *cfg,
	       const char *netns);

void items_print(FILE *fp, const struct items *it);

/*
 * The differences of what an object has (@live) from what the file says
 * (@want), each said as "OBJ NAME: KEY OLD -> NEW", with the fields that
 * make it so in *@vif and *@pol; a key the object has that the file does
 * not say is said as kept, unless its absence means none.
 */
int items_diff(const char *obj, const char *name,
	       const struct items *live, const struct items *want,
	       uint32_t *vif, uint32_t *pol);

#endif /* _NVIRT_ITEMS_H */
