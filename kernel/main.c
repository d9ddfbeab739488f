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

#include "debugfs.h"
#include "netlink.h"
#include "nic.h"
#include "npolicy.h"
#include "nvirt.h"
#include "place.h"
#include "pool.h"
#include "tap.h"
#include "vdev.h"
#include "vf.h"
#include "vif.h"

/*
 * VIFs go first; the hardware they give back is rebalanced, then the VFs
 * nvirt enabled are disabled.
 */
static void nvirt_vifs_exit(void)
{
	nvirt_vif_exit();
	nvirt_place_exit();
	nvirt_vf_exit();
}

/* Placement moves VIFs onto queues a PF gets back from its VFs. */
static const struct nvirt_vf_owner nvirt_vf_owner = {
	.uses_pf	= nvirt_vif_uses_pf,
	.has_vf		= nvirt_vif_has_vf,
	.vif_of		= nvirt_vif_of,
	.pf_changed	= nvirt_place_rebalance,
};

static int __init nvirt_init(void)
{
	int err;

	err = nvirt_nic_init();
	if (err)
		return err;
	err = nvirt_vdev_init();
	if (err)
		goto err_nic_exit;
	err = nvirt_tap_init();
	if (err)
		goto err_vdev_exit;
	nvirt_vf_init(&nvirt_vf_owner);
	err = nvirt_vif_init();
	if (err)
		goto err_tap_exit;
	err = nvirt_npolicy_init();
	if (err)
		goto err_vif_exit;
	err = nvirt_pool_init();
	if (err)
		goto err_npolicy_exit;
	err = nvirt_nl_init();
	if (err)
		goto err_pool_exit;
	nvirt_debugfs_init();

	pr_info("version %s loaded\n", NVIRT_VERSION);
	return 0;

err_pool_exit:
	nvirt_pool_exit();
err_npolicy_exit:
	nvirt_npolicy_exit();
err_vif_exit:
	nvirt_vifs_exit();
err_tap_exit:
	nvirt_tap_exit();
err_vdev_exit:
	nvirt_vdev_exit();
err_nic_exit:
	nvirt_nic_exit();
	return err;
}

static void __exit nvirt_exit(void)
{
	nvirt_debugfs_exit();
	nvirt_nl_exit();
	nvirt_pool_exit();
	nvirt_npolicy_exit();
	nvirt_vifs_exit();
	nvirt_tap_exit();
	nvirt_vdev_exit();
	nvirt_nic_exit();
}

module_init(nvirt_init);
module_exit(nvirt_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Virtual interfaces over heterogeneous NICs");
MODULE_VERSION(NVIRT_VERSION);
MODULE_ALIAS_GENL_FAMILY(NVIRT_FAMILY_NAME);
