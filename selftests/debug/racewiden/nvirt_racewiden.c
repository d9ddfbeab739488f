// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt_racewiden: makes race windows of nvirt wide enough for a test to
 * hit them. Test-only: built against the debug kernel, loaded by the test,
 * never part of nvirt.ko.
 *
 * For each pair i, while the function within[i] runs (a kretprobe marks
 * the task), each call it makes to slow[i] (a kprobe) spins usecs[i]
 * first. nvirt_shared.sh's churn slows the ring's consumer handing frames
 * to the parent, so the ring stays full and VIFs keep frames back (and
 * nvirt_ringleave.ko makes a VIF leaving meet a flush of those).
 */

#include <linux/delay.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/sched.h>

#define RACEWIDEN_PAIRS	4

static char *within[RACEWIDEN_PAIRS];
static int n_within;
module_param_array(within, charp, &n_within, 0444);
MODULE_PARM_DESC(within, "the functions whose calls to slow[i] are slowed");
static char *slow[RACEWIDEN_PAIRS];
static int n_slow;
module_param_array(slow, charp, &n_slow, 0444);
MODULE_PARM_DESC(slow, "the functions slowed when called within within[i]");
static unsigned int usecs[RACEWIDEN_PAIRS];
static int n_usecs;
module_param_array(usecs, uint, &n_usecs, 0444);
MODULE_PARM_DESC(usecs, "how long each slowed call spins first");
static int slowed[RACEWIDEN_PAIRS];
static int n_slowed = RACEWIDEN_PAIRS;
module_param_array(slowed, int, &n_slowed, 0444);
MODULE_PARM_DESC(slowed, "calls slowed so far, per pair");

/**
 * struct racewiden_pair - one function slowed within another
 * @within: marks the task running within[i]
 * @slow: slows its calls to slow[i]
 * @task: the task running within[i]; one at a time (nvirt's callers hold
 *	RTNL, or the ring's one consumer bit)
 * @usecs: how long
 * @slowed: how many calls were slowed
 */
struct racewiden_pair {
	struct kretprobe within;
	struct kprobe slow;
	struct task_struct *task;
	unsigned int usecs;
	atomic_t slowed;
};

static struct racewiden_pair racewiden_pairs[RACEWIDEN_PAIRS];

static int racewiden_enter(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct racewiden_pair *pair = container_of(get_kretprobe(ri),
						   struct racewiden_pair, within);

	WRITE_ONCE(pair->task, current);
	return 0;
}

static int racewiden_leave(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct racewiden_pair *pair = container_of(get_kretprobe(ri),
						   struct racewiden_pair, within);

	WRITE_ONCE(pair->task, NULL);
	return 0;
}

static int racewiden_slow(struct kprobe *p, struct pt_regs *regs)
{
	struct racewiden_pair *pair = container_of(p, struct racewiden_pair,
						   slow);

	if (READ_ONCE(pair->task) == current) {
		slowed[pair - racewiden_pairs] =
			atomic_inc_return(&pair->slowed);
		udelay(pair->usecs);
	}
	return 0;
}

static void racewiden_unregister(int n)
{
	while (n--) {
		unregister_kprobe(&racewiden_pairs[n].slow);
		unregister_kretprobe(&racewiden_pairs[n].within);
	}
}

static int __init racewiden_init(void)
{
	struct racewiden_pair *pair;
	int i, err;

	if (n_within != n_slow || n_within != n_usecs)
		return -EINVAL;
	for (i = 0; i < n_within; i++) {
		pair = &racewiden_pairs[i];
		pair->within.kp.symbol_name = within[i];
		pair->within.entry_handler = racewiden_enter;
		pair->within.handler = racewiden_leave;
		pair->within.maxactive = 8;
		pair->slow.symbol_name = slow[i];
		pair->slow.pre_handler = racewiden_slow;
		pair->usecs = usecs[i];
		err = register_kretprobe(&pair->within);
		if (err)
			goto err_unregister;
		err = register_kprobe(&pair->slow);
		if (err) {
			unregister_kretprobe(&pair->within);
			goto err_unregister;
		}
	}
	return 0;

err_unregister:
	racewiden_unregister(i);
	return err;
}

static void __exit racewiden_exit(void)
{
	racewiden_unregister(n_within);
}

module_init(racewiden_init);
module_exit(racewiden_exit);
MODULE_DESCRIPTION("nvirt test-only: slow some functions' calls within others");
MODULE_LICENSE("GPL");
