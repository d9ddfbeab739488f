// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: named objects of a network namespace. A kind (named policies,
 * pools) keeps one list per namespace; its objects start with a struct
 * nvirt_named and are kmalloc()ed, so that a dying namespace frees them
 * here.
 */

#include <linux/ctype.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "named.h"

/**
 * nvirt_named_valid() - is this a name for a named object?
 * @name: the name
 *
 * Context: any.
 * Return: whether it is letters, digits and -_.: only, and not empty.
 */
bool nvirt_named_valid(const char *name)
{
	if (!*name)
		return false;
	for (; *name; name++)
		if (!isalnum(*name) && !strchr("-_.:", *name))
			return false;
	return true;
}

/**
 * nvirt_named_init() - an empty list
 * @l: the list
 */
void nvirt_named_init(struct nvirt_named_list *l)
{
	INIT_LIST_HEAD(&l->list);
	l->count = 0;
	l->gen = 0;
}

/**
 * nvirt_named_find() - an object of a list, by name
 * @l: the list
 * @name: its name
 *
 * Context: RTNL held.
 * Return: the object, or NULL.
 */
struct nvirt_named *nvirt_named_find(const struct nvirt_named_list *l,
				     const char *name)
{
	struct nvirt_named *obj;

	ASSERT_RTNL();
	list_for_each_entry(obj, &l->list, node)
		if (!strcmp(obj->name, name))
			return obj;
	return NULL;
}

/**
 * nvirt_named_next() - walk a list
 * @l: the list
 * @pos: how many to pass over; the caller adds one per object taken
 *
 * Context: RTNL held.
 * Return: the object at @pos, or NULL at the end.
 */
struct nvirt_named *nvirt_named_next(const struct nvirt_named_list *l,
				     unsigned long *pos)
{
	struct nvirt_named *obj;
	unsigned long i = 0;

	ASSERT_RTNL();
	list_for_each_entry(obj, &l->list, node)
		if (i++ == *pos)
			return obj;
	return NULL;
}

/**
 * nvirt_named_check() - may an object of this name join a list?
 * @l: the list
 * @kind: what its objects are
 * @name: the new one's name
 * @extack: why not
 *
 * "none" names none: a VIF's "policy none" follows no policy, a named
 * policy's "pool none" names no pool.
 *
 * Context: RTNL held.
 * Return: 0, -EINVAL for a bad name, -EEXIST, or -ENOSPC when it is full.
 */
int nvirt_named_check(const struct nvirt_named_list *l,
		      const struct nvirt_named_kind *kind, const char *name,
		      struct netlink_ext_ack *extack)
{
	if (!strcmp(name, "none")) {
		NL_SET_ERR_MSG_FMT(extack, "none is no %s name: it means no %s",
				   kind->what, kind->what);
		return -EINVAL;
	}
	if (!nvirt_named_valid(name)) {
		NL_SET_ERR_MSG_FMT(extack,
				   "A %s name is letters, digits and -_.: only",
				   kind->what);
		return -EINVAL;
	}
	if (nvirt_named_find(l, name)) {
		NL_SET_ERR_MSG_FMT(extack, "%s %s exists", kind->title, name);
		return -EEXIST;
	}
	if (l->count >= kind->max) {
		NL_SET_ERR_MSG_FMT(extack, "A namespace keeps at most %u %s",
				   kind->max, kind->whats);
		return -ENOSPC;
	}
	return 0;
}

/**
 * nvirt_named_add() - name an object and put it last in a list
 * @l: the list
 * @obj: the object, checked with nvirt_named_check()
 * @name: its name
 *
 * Context: RTNL held.
 */
void nvirt_named_add(struct nvirt_named_list *l, struct nvirt_named *obj,
		     const char *name)
{
	ASSERT_RTNL();
	strscpy(obj->name, name, sizeof(obj->name));
	list_add_tail(&obj->node, &l->list);
	l->count++;
	l->gen++;
}

/**
 * nvirt_named_del() - take an object out of its list; the caller frees it
 * @l: the list
 * @obj: the object
 *
 * Context: RTNL held.
 */
void nvirt_named_del(struct nvirt_named_list *l, struct nvirt_named *obj)
{
	ASSERT_RTNL();
	list_del(&obj->node);
	l->count--;
	l->gen++;
}

/**
 * nvirt_named_free() - free every object of a dying namespace's list
 * @l: the list, which nobody can reach any more
 */
void nvirt_named_free(struct nvirt_named_list *l)
{
	struct nvirt_named *obj, *tmp;

	list_for_each_entry_safe(obj, tmp, &l->list, node)
		kfree(obj);
	nvirt_named_init(l);
}
