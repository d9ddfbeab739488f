// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: the records it hands out. Each is one block, the record first
 * and then its arrays of pointers and their elements, sized before it is
 * filled; nvirt_free() frees it whole.
 */

#include <stdlib.h>
#include <string.h>

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

const char *nvirt_block_str(struct nvirt_block *blk,
			    const struct nlattr *attr)
{
	char *str;

	if (!attr)
		return "";
	str = nvirt_block_take(blk, nla_len(attr) + 1);
	memcpy(str, nla_data(attr), nla_len(attr));
	str[nla_len(attr)] = '\0';
	return str;
}

int nvirt_input(void *copy, size_t full, const void *in,
		const struct nvirt_field_attr *attrs, size_t n, uint32_t known)
{
	uint32_t hdr[2];
	size_t i;

	memcpy(hdr, in, sizeof(hdr));
	if (hdr[0] < sizeof(hdr))
		return -EINVAL;
	if (hdr[1] & ~known)
		return -EOPNOTSUPP;
	memset(copy, 0, full);
	memcpy(copy, in, hdr[0] < full ? hdr[0] : full);
	for (i = 0; i < n; i++)
		if ((hdr[1] & attrs[i].field) &&
		    !nvirt_member_in(copy, attrs[i].offset, attrs[i].len))
			return -EOPNOTSUPP;
	return 0;
}

bool nvirt_member_in(const void *copy, size_t offset, size_t len)
{
	uint32_t size;

	memcpy(&size, copy, sizeof(size));
	return offset + len <= size;
}

void nvirt_free(void *rec)
{
	free(rec);
}
