// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: version of the loaded module (NVIRT_CMD_VERSION_GET).
 */

#include <errno.h>
#include <stdlib.h>

#include "internal.h"

static const struct nla_policy version_policy[NVIRT_A_VERSION_MAX + 1] = {
	[NVIRT_A_VERSION_VERSION]	= { .type = NLA_STRING },
	[NVIRT_A_VERSION_API]		= NVIRT_POLICY_U32,
};

static int version_parse(struct nlattr **tb,
			 const struct nvirt_attrs *attrs __maybe_unused,
			 void *arg)
{
	struct nvirt_version **vp = arg, *v;

	if (!tb[NVIRT_A_VERSION_VERSION] || !tb[NVIRT_A_VERSION_API])
		return -EBADMSG;
	v = calloc(1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	v->size = sizeof(*v);
	nvirt_attr_str(v->version, sizeof(v->version),
		       tb[NVIRT_A_VERSION_VERSION]);
	v->api = nla_get_u32(tb[NVIRT_A_VERSION_API]);
	*vp = v;
	return 0;
}

int nvirt_version_parse(struct nlmsghdr *nlh, struct nvirt_version **v)
{
	*v = NULL;
	return nvirt_parse(nlh, NVIRT_A_VERSION_MAX, version_policy,
			   version_parse, v);
}

int nvirt_version_get_v(struct nvirt *h, struct nvirt_version **v)
{
	const struct nvirt_req req = {
		.cmd = NVIRT_CMD_VERSION_GET,
		.policy = version_policy,
		.maxattr = NVIRT_A_VERSION_MAX,
		.parse = version_parse,
		.arg = v,
	};

	return nvirt_request_rec(h, &req);
}
NVIRT_LATEST(nvirt_version_get, "NVIRT_0.3");
