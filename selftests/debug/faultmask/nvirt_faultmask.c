// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt_faultmask: keeps fail-nth out of the calls of the core that may not
 * fail, for nvirt_faults. Test-only: built against the debug kernel, loaded
 * by the test, never part of nvirt.ko.
 *
 * __dev_change_net_namespace() WARNs when device_rename() or
 * netdev_change_owner() fails and carries on, the netdev's sysfs entries
 * left in the namespace it came from; every later move of that netdev
 * WARNs again. Injected there, a fault tests the core, not nvirt, and
 * fails the debug run: while one of these runs, the task's fail-nth count
 * is held (a kretprobe), so the faults before and after are counted and
 * injected as ever and none inside.
 */

#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/sched.h>

struct faultmask_held {
	unsigned int fail_nth;
};

static int faultmask_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct faultmask_held *held = (void *)ri->data;

	held->fail_nth = READ_ONCE(current->fail_nth);
	WRITE_ONCE(current->fail_nth, 0);
	return 0;
}

static int faultmask_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct faultmask_held *held = (void *)ri->data;

	WRITE_ONCE(current->fail_nth, held->fail_nth);
	return 0;
}

#define FAULTMASK(sym) {					\
	.kp.symbol_name = sym,					\
	.entry_handler = faultmask_entry,			\
	.handler = faultmask_return,				\
	.data_size = sizeof(struct faultmask_held),		\
	.maxactive = 8,						\
}

static struct kretprobe faultmask_probes[] = {
	FAULTMASK("device_rename"),
	FAULTMASK("netdev_change_owner"),
};

static struct kretprobe *faultmask_ptrs[ARRAY_SIZE(faultmask_probes)];

static int __init faultmask_init(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(faultmask_probes); i++)
		faultmask_ptrs[i] = &faultmask_probes[i];
	return register_kretprobes(faultmask_ptrs, ARRAY_SIZE(faultmask_ptrs));
}

static void __exit faultmask_exit(void)
{
	unregister_kretprobes(faultmask_ptrs, ARRAY_SIZE(faultmask_ptrs));
}

module_init(faultmask_init);
module_exit(faultmask_exit);
MODULE_DESCRIPTION("nvirt test-only: no fail-nth fault inside device_rename()");
MODULE_LICENSE("GPL");
