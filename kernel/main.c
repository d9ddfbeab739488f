// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: virtual interfaces over heterogeneous NICs.
 *
 * Module init and exit only: each part starts after the ones it needs and
 * stops before them.
 */

#include <linux/module.h>
#include <net/genetlink.h>

#include <uapi/linux/nvirt.h>

#include "netlink.h"
#include "nic.h"
#include "nvirt.h"

static int __init nvirt_init(void)
{
	int err;

	err = nvirt_nic_init();
	if (err)
		return err;
	err = nvirt_nl_init();
	if (err)
		goto err_nic_exit;

	pr_info("version %s loaded\n", NVIRT_VERSION);
	return 0;

err_nic_exit:
	nvirt_nic_exit();
	return err;
}

static void __exit nvirt_exit(void)
{
	nvirt_nl_exit();
	nvirt_nic_exit();
}

module_init(nvirt_init);
module_exit(nvirt_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Virtual interfaces over heterogeneous NICs");
MODULE_VERSION(NVIRT_VERSION);
MODULE_ALIAS_GENL_FAMILY(NVIRT_FAMILY_NAME);
