// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: what the CLI prints of what the kernel sends.
 *
 * The input is fuzz_reply's (a selector byte and one netlink message; its
 * seeds serve both): the message is read by libnvirt, as fuzz_reply does,
 * and a record that was read is printed by the CLI's own printers, as
 * "nic show", "vif show", "policy show", "pool show", a dry run and
 * "vif explain" (and
 * the monitor, in its shorter views) print it. The selector's high bits
 * pick text or JSON, pretty, -s and the view. A printer must leave the
 * JSON document whole: out_end() fails on one left half-open.
 */

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "nlmsg.h"

#include "../cli/nic.h"
#include "../cli/output.h"
#include "../cli/policy.h"
#include "../cli/pool.h"
#include "../cli/vif.h"
#include "stub.h"

#define CHECK(cond)	do {						\
	if (!(cond))							\
		__builtin_trap();					\
} while (0)

/* The CLI's exit(): printing never ends the program. */
void nvirt_fuzz_exit(int status)
{
	(void)status;
	__builtin_trap();
}

/* enum reply_kind of reply.c */
enum { KIND_NIC, KIND_VIF, KIND_POLICY, KIND_VERSION, KIND_PLAN,
       KIND_EXPLAIN, KIND_ACK, KIND_POOL, KINDS };

/* Read and print a record: 1 when it could not be read, else out_end()'s. */
static int print_reply(unsigned int kind, unsigned int view,
		       struct nlmsghdr *nlh)
{
	struct nvirt_named_policy *np;
	struct nvirt_pool *pool;
	struct nvirt_plan *plan;
	struct nvirt_nic *nic;
	struct nvirt_vif *vif;
	int ret;

	switch (kind) {
	case KIND_NIC:
		if (nvirt_nic_parse(nlh, &nic))
			return 1;
		out_start(true);
		nic_print_obj(NULL, nic, view % 3);
		ret = out_end(true);
		nvirt_free(nic);
		return ret;
	case KIND_VIF:
		if (nvirt_vif_parse(nlh, &vif))
			return 1;
		out_start(true);
		vif_print_obj(NULL, vif, view % 3);
		ret = out_end(true);
		nvirt_free(vif);
		return ret;
	case KIND_POLICY:
		if (nvirt_named_policy_parse(nlh, &np))
			return 1;
		out_start(true);
		policy_print_obj(NULL, np, view % 2);
		ret = out_end(true);
		nvirt_free(np);
		return ret;
	case KIND_POOL:
		if (nvirt_pool_parse(nlh, &pool))
			return 1;
		out_start(true);
		pool_print_obj(NULL, pool, view % 2);
		ret = out_end(true);
		nvirt_free(pool);
		return ret;
	case KIND_PLAN:
		if (nvirt_vif_plan_parse(nlh, &plan))
			return 1;
		out_start(false);
		vif_print_plan(plan, view % 3);
		ret = out_end(true);
		nvirt_free(plan);
		return ret;
	case KIND_EXPLAIN:
		if (nvirt_vif_explain_parse(nlh, &vif))
			return 1;
		ret = vif_print_explain(vif);
		nvirt_free(vif);
		return ret;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsghdr *nlh;
	unsigned int kind, view;
	int ret;

	if (size < 1 + sizeof(struct nlmsghdr))
		return -1;
	/* The kind as fuzz_reply reads it (its seeds use 0 to 6), flags */
	kind = (data[0] & 7) % KINDS;
	json = data[0] & 0x08;
	pretty = data[0] & 0x10;
	show_stats = data[0] & 0x20;
	view = data[0] >> 6;
	if (kind == KIND_VERSION || kind == KIND_ACK)
		return -1;	/* printed as they are */
	data++;
	size--;

	nlh = fuzz_nlmsg(data, size);
	if (!nlh)
		return 0;

	ret = print_reply(kind, view, nlh);
	free(nlh);
	CHECK(ret >= 0);	/* the document was whole */
	return 0;
}
