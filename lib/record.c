// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: the records it hands out. Each is one block, the record first
 * and then its arrays of pointers and their elements, sized before it is
 * filled; nvirt_free() frees it whole.
 */

#include <stdlib.h>

#include "internal.h"

void *nvirt_block_new(struct nvirt_block *blk, size_t size, size_t head)
{
	blk->base = calloc(1, size);
	blk->size = size;
	blk->used = NVIRT_ALIGN(head);
	return blk->base;
}

void *nvirt_block_take(struct nvirt_block *blk, size_t len)
{
	void *p = blk->base + blk->used;

	len = NVIRT_ALIGN(len);
	/* a record is sized from the attributes it is then read from */
	if (len > blk->size - blk->used)
		abort();
	blk->used += len;
	return p;
}

size_t nvirt_count(const struct nvirt_attrs *attrs, int type)
{
	struct nlattr *attr;
	size_t n = 0;
	int rem;

	nla_for_each_attr(attr, attrs->head, attrs->len, rem)
		n += nla_type(attr) == type;
	return n;
}

void nvirt_free(void *rec)
{
	free(rec);
}
