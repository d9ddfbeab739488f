// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: debugfs, for tests and for whoever wants to see which way
 * frames went. Not a uAPI: the counters may change with the code.
 *
 *   /sys/kernel/debug/nvirt/txring	a line per port (txring.c)
 */

#include <linux/debugfs.h>
#include <linux/rtnetlink.h>
#include <linux/seq_file.h>

#include "debugfs.h"
#include "port.h"

static struct dentry *nvirt_debugfs;

static int nvirt_debugfs_txring_show(struct seq_file *m, void *unused)
{
	rtnl_lock();
	nvirt_port_show(m);
	rtnl_unlock();
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nvirt_debugfs_txring);

/**
 * nvirt_debugfs_init() - make nvirt's directory in debugfs
 *
 * Nothing fails for want of debugfs.
 */
void nvirt_debugfs_init(void)
{
	nvirt_debugfs = debugfs_create_dir("nvirt", NULL);
	debugfs_create_file("txring", 0400, nvirt_debugfs, NULL,
			    &nvirt_debugfs_txring_fops);
}

/**
 * nvirt_debugfs_exit() - remove it
 */
void nvirt_debugfs_exit(void)
{
	debugfs_remove(nvirt_debugfs);
}
