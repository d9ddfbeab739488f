// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt_ringleave: makes a VIF leaving its port's ring meet a flush of the
 * frames it kept back. Test-only: built against the debug kernel with
 * nvirt's headers (a port's consumer bit, a vdev's producer), loaded by
 * nvirt_shared.sh, never part of nvirt.ko.
 *
 * Writing a parent's name to the stall parameter takes its port's consumer
 * bit: nothing drains the ring, so the port's vdevs keep their posts back
 * in their staging. At nvirt_txring_leave() of one of them the bit is
 * given back, the port's work queued on another CPU drains the ring and
 * wakes the vdevs that wait, and the leave is held (wait_usecs at most)
 * until a flush of the vdev's staging, its wake timer's, reaches
 * nvirt_ring_publish(); that flush is then held (hold_usecs) before it
 * reads the staged frames, while the leave goes on. A leave that empties
 * and frees the staging without the vdev's transmit lock does it under
 * that flush, which posts freed frames: KASAN reports it. A leave that
 * takes the lock waits for the flush instead.
 */

#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kprobes.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/string.h>
#include <net/net_namespace.h>

#include "port.h"
#include "vdev.h"

static unsigned int wait_usecs = 1000000;
module_param(wait_usecs, uint, 0444);
MODULE_PARM_DESC(wait_usecs, "how long a leave waits for a flush of its frames");
static unsigned int hold_usecs = 5000;
module_param(hold_usecs, uint, 0444);
MODULE_PARM_DESC(hold_usecs, "how long that flush is then held");
static int leaves;
module_param(leaves, int, 0444);
MODULE_PARM_DESC(leaves, "leaves of a vdev of the stalled port");
static int staged;
module_param(staged, int, 0444);
MODULE_PARM_DESC(staged, "those with frames kept back");
static int met;
module_param(met, int, 0444);
MODULE_PARM_DESC(met, "those a flush of their frames met");

/* The port whose consumer bit this holds until one of its vdevs leaves. */
static struct nvirt_port *stalled;
/* That vdev's producer, while its leave waits for a flush. */
static struct nvirt_ring_prod *leaving;
static atomic_t flushing;

static int ringleave_stall(const char *val, const struct kernel_param *kp)
{
	struct nvirt_port *port = NULL;
	char name[IFNAMSIZ];
	struct net_device *dev;
	int tries, err = 0;

	strscpy(name, val, sizeof(name));
	strim(name);
	rtnl_lock();
	dev = __dev_get_by_name(&init_net, name);
	/* A parent of nvirt's soft VIFs: its rx_handler is nvirt's. */
	if (dev)
		port = rtnl_dereference(dev->rx_handler_data);
	if (!port || stalled) {
		err = -EINVAL;
		goto out_unlock;
	}
	/* A consumer holds the bit for a few frames at a time. */
	for (tries = 0; test_and_set_bit_lock(0, &port->ring_busy); tries++) {
		if (tries == 1000) {
			err = -EBUSY;
			goto out_unlock;
		}
		usleep_range(100, 200);
	}
	stalled = port;
out_unlock:
	rtnl_unlock();
	return err;
}

static const struct kernel_param_ops ringleave_stall_ops = {
	.set = ringleave_stall,
};
module_param_cb(stall, &ringleave_stall_ops, NULL, 0200);
MODULE_PARM_DESC(stall, "a parent (of init_net) whose port's ring stops draining");

/* Give the consumer bit back and have the port drained on another CPU. */
static void ringleave_release(struct nvirt_port *port)
{
	unsigned int cpu = cpumask_any_but(cpu_online_mask, smp_processor_id());

	clear_bit_unlock(0, &port->ring_busy);
	if (cpu >= nr_cpu_ids)
		cpu = smp_processor_id();
	queue_work_on(cpu, system_highpri_wq, &port->ring_work);
}

/* Context: RTNL held (by the leave's callers). */
static int ringleave_leave(struct kprobe *kp, struct pt_regs *regs)
{
	struct nvirt_vdev *vd = (void *)regs_get_kernel_argument(regs, 0);
	u64 end;

	if (!stalled || vd->port != stalled)
		return 0;
	stalled = NULL;
	WRITE_ONCE(leaves, leaves + 1);
	if (vd->prod.nstaged)
		WRITE_ONCE(staged, staged + 1);
	atomic_set(&flushing, 0);
	WRITE_ONCE(leaving, &vd->prod);
	ringleave_release(vd->port);
	end = ktime_get_ns() + (u64)wait_usecs * NSEC_PER_USEC;
	while (!atomic_read(&flushing) && ktime_get_ns() < end)
		cpu_relax();
	WRITE_ONCE(leaving, NULL);
	if (atomic_read(&flushing))
		WRITE_ONCE(met, met + 1);
	return 0;
}

static int ringleave_publish(struct kprobe *kp, struct pt_regs *regs)
{
	void *p = (void *)regs_get_kernel_argument(regs, 1);

	if (!p || p != READ_ONCE(leaving))
		return 0;
	atomic_set(&flushing, 1);
	udelay(hold_usecs);
	return 0;
}

static struct kprobe ringleave_probes[] = {
	{ .symbol_name = "nvirt_txring_leave", .pre_handler = ringleave_leave },
	{ .symbol_name = "nvirt_ring_publish", .pre_handler = ringleave_publish },
};

static struct kprobe *ringleave_kps[] = {
	&ringleave_probes[0], &ringleave_probes[1],
};

static int __init ringleave_init(void)
{
	return register_kprobes(ringleave_kps, ARRAY_SIZE(ringleave_kps));
}

static void __exit ringleave_exit(void)
{
	unregister_kprobes(ringleave_kps, ARRAY_SIZE(ringleave_kps));
	rtnl_lock();
	if (stalled)
		ringleave_release(stalled);
	stalled = NULL;
	rtnl_unlock();
}

module_init(ringleave_init);
module_exit(ringleave_exit);
MODULE_DESCRIPTION("nvirt test-only: a VIF leaving the ring meets a flush of its frames");
MODULE_LICENSE("GPL");
