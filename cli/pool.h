/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt pool: pools of NICs, which "nvirt vif add VIF pool PNAME" has
 * nvirt choose a NIC from (pool.c); also what save and restore use.
 */

#ifndef NVIRT_CLI_POOL_H
#define NVIRT_CLI_POOL_H

#include <nvirt/nvirt.h>

/* At most as many NICs as the kernel keeps in a pool, and one more. */
#define POOL_DEVS	9
/* The kernel's grace of a pool not given one, in seconds. */
#define POOL_GRACE	30

/* A pool's name, and what to give it: its NICs in @cfg are @devs. */
struct pool_args {
	const char *name;
	const char *devs[POOL_DEVS];
	struct nvirt_pool_config cfg;
};

void pool_parse_add(int argc, char **argv, struct pool_args *args);
/* How much of a pool text shows; JSON always shows all of it. */
enum pool_view {
	POOL_VIEW_LINE,		/* its NICs, grace and VIFs, as "nvirt pool show" */
	POOL_VIEW_NAME,		/* its name */
};

void pool_print_obj(const char *key, const struct nvirt_pool *pool,
		    enum pool_view view);

#endif /* NVIRT_CLI_POOL_H */
