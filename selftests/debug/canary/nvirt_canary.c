// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt_canary: on request, plants one fault of each kind the debug tier
 * must catch, so a run can prove its detectors are armed. Test-only: built
 * against the debug kernel and loaded in a boot of its own, never part of
 * nvirt.ko.
 *
 *   leak         allocations nothing points at (kmemleak)
 *   oob          a read one byte past a slab object (KASAN)
 *   lock         A then B, later B then A (lockdep)
 *   shift        a shift past the width of int (UBSAN)
 *   sleep        a sleep under a spinlock (DEBUG_ATOMIC_SLEEP)
 *   hold IFNAME  a tracked and an untracked reference to IFNAME that are
 *                not given back (the netdev reference tracker)
 *   put          gives them back
 *
 * Each is a word written to /sys/kernel/debug/nvirt_canary.
 */

#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <net/net_namespace.h>

static DEFINE_MUTEX(canary_a);
static DEFINE_MUTEX(canary_b);
static DEFINE_SPINLOCK(canary_spin);

/* canary_ref_lock protects canary_dev and canary_tracker */
static DEFINE_MUTEX(canary_ref_lock);
static struct net_device *canary_dev;
static netdevice_tracker canary_tracker;

static struct dentry *canary_file;

/*
 * Several, each written then forgotten: a stale copy of the last pointer
 * (in a register, or in a stack kept for reuse) can hide that one from
 * kmemleak, but each later allocation overwrites the copies of the one
 * before.
 */
#define CANARY_LEAKS	8

static noinline void canary_leak(void)
{
	void *p;
	int i;

	for (i = 0; i < CANARY_LEAKS; i++) {
		p = kmalloc(128, GFP_KERNEL);
		if (p)
			memset(p, 0x5a, 128);
	}
}

static noinline void canary_oob(void)
{
	size_t past = 16;
	char *p;

	p = kmalloc(16, GFP_KERNEL);
	if (!p)
		return;
	OPTIMIZER_HIDE_VAR(past);
	pr_info("byte past the object: %d\n", READ_ONCE(p[past]));
	kfree(p);
}

static noinline void canary_lock_inversion(void)
{
	mutex_lock(&canary_a);
	mutex_lock(&canary_b);
	mutex_unlock(&canary_b);
	mutex_unlock(&canary_a);

	mutex_lock(&canary_b);
	mutex_lock(&canary_a);
	mutex_unlock(&canary_a);
	mutex_unlock(&canary_b);
}

static noinline void canary_shift(void)
{
	int width = 40;

	OPTIMIZER_HIDE_VAR(width);
	pr_info("shifted: %d\n", 1 << width);
}

static noinline void canary_sleep(void)
{
	spin_lock(&canary_spin);
	might_sleep();
	spin_unlock(&canary_spin);
}

static noinline int canary_hold(const char *name)
{
	struct net_device *dev;
	int err = 0;

	mutex_lock(&canary_ref_lock);
	if (canary_dev) {
		err = -EBUSY;
		goto unlock;
	}
	dev = netdev_get_by_name(&init_net, name, &canary_tracker, GFP_KERNEL);
	if (!dev) {
		err = -ENODEV;
		goto unlock;
	}
	dev_hold(dev);
	canary_dev = dev;
unlock:
	mutex_unlock(&canary_ref_lock);
	return err;
}

static void canary_put(void)
{
	mutex_lock(&canary_ref_lock);
	if (canary_dev) {
		dev_put(canary_dev);
		netdev_put(canary_dev, &canary_tracker);
		canary_dev = NULL;
	}
	mutex_unlock(&canary_ref_lock);
}

static ssize_t canary_write(struct file *file, const char __user *ubuf,
			    size_t len, loff_t *ppos)
{
	char buf[32] = {};
	char *arg;
	int err = 0;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	strim(buf);
	arg = strchr(buf, ' ');
	if (arg)
		*arg++ = '\0';

	if (!strcmp(buf, "leak"))
		canary_leak();
	else if (!strcmp(buf, "oob"))
		canary_oob();
	else if (!strcmp(buf, "lock"))
		canary_lock_inversion();
	else if (!strcmp(buf, "shift"))
		canary_shift();
	else if (!strcmp(buf, "sleep"))
		canary_sleep();
	else if (!strcmp(buf, "hold") && arg)
		err = canary_hold(arg);
	else if (!strcmp(buf, "put"))
		canary_put();
	else
		err = -EINVAL;
	return err ? err : len;
}

static const struct file_operations canary_fops = {
	.owner = THIS_MODULE,
	.write = canary_write,
};

static int __init canary_init(void)
{
	canary_file = debugfs_create_file("nvirt_canary", 0200, NULL, NULL,
					  &canary_fops);
	return 0;
}

static void __exit canary_exit(void)
{
	debugfs_remove(canary_file);
	canary_put();
}

module_init(canary_init);
module_exit(canary_exit);
MODULE_DESCRIPTION("nvirt debug tier: planted faults that must be reported");
MODULE_LICENSE("GPL");
