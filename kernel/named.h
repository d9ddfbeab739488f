/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: named objects of a network namespace (named policies, pools):
 * one list per kind and namespace, what their records and requests share.
 */

#ifndef _NVIRT_NAMED_H
#define _NVIRT_NAMED_H

#include <linux/list.h>
#include <linux/types.h>

#include "vif-cfg.h"

struct netlink_ext_ack;

/**
 * struct nvirt_named - what every named object starts with
 * @node: in its kind's list of its namespace
 * @name: its name, unique among its kind in the namespace
 * @ntf_hash: hash of the record last notified
 *
 * Protected by RTNL.
 */
struct nvirt_named {
	struct list_head node;
	char name[NVIRT_POLICY_NAMSIZ];
	u32 ntf_hash;
};

/**
 * struct nvirt_named_kind - a kind of named object, as messages say it
 * @what: its word ("pool")
 * @title: the same, to start a sentence ("Pool")
 * @whats: more than one ("pools")
 * @max: how many one namespace may keep
 */
struct nvirt_named_kind {
	const char *what;
	const char *title;
	const char *whats;
	unsigned int max;
};

/**
 * struct nvirt_named_list - the objects of one kind in a namespace
 * @list: oldest first
 * @count: how many
 * @gen: bumped when one comes or goes, for dump consistency
 *
 * Protected by RTNL.
 */
struct nvirt_named_list {
	struct list_head list;
	unsigned int count;
	unsigned int gen;
};

bool nvirt_named_valid(const char *name);
void nvirt_named_init(struct nvirt_named_list *l);
struct nvirt_named *nvirt_named_find(const struct nvirt_named_list *l,
				     const char *name);
struct nvirt_named *nvirt_named_next(const struct nvirt_named_list *l,
				     unsigned long *pos);
int nvirt_named_check(const struct nvirt_named_list *l,
		      const struct nvirt_named_kind *kind, const char *name,
		      struct netlink_ext_ack *extack);
void nvirt_named_add(struct nvirt_named_list *l, struct nvirt_named *obj,
		     const char *name);
void nvirt_named_del(struct nvirt_named_list *l, struct nvirt_named *obj);
void nvirt_named_free(struct nvirt_named_list *l);

#endif /* _NVIRT_NAMED_H */
