// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the stand-ins of compat.h too big to be inline. Each part is
 * built only for a kernel without the feature it stands in for; the
 * registration of nvirt's family always is.
 */

#include <linux/atomic.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/task_work.h>
#include <linux/wait_bit.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "netlink-gen.h"

#ifndef NVIRT_HAVE_EXTACK_FMT
/**
 * struct nvirt_extack_msg - a formatted extack message
 * @work: frees it once its task is back in user space
 * @text: the message
 */
struct nvirt_extack_msg {
	struct callback_head work;
	char text[NETLINK_MAX_FMTMSG_LEN];
};

/* Messages not freed yet: the family's exit waits for them. */
static atomic_t nvirt_extack_msgs = ATOMIC_INIT(0);

/*
 * Context: the task on its way back to user space. Once the count drops,
 * nvirt_genl_unregister() may return and the module go: only this
 * function's return is left to run then.
 */
static void nvirt_extack_free(struct callback_head *work)
{
	kfree(container_of(work, struct nvirt_extack_msg, work));
	if (atomic_dec_and_test(&nvirt_extack_msgs))
		wake_up_var(&nvirt_extack_msgs);
}

/**
 * nvirt_extack_printf() - format an extack message that outlives the ack
 * @fmt: the format
 *
 * The ack that carries an extack message is sent within the system call
 * that ran the request (or the dump's last part), and the message is
 * freed only when the task returns to user space.
 *
 * Context: any; a request of nvirt's family.
 * Return: the message, or @fmt itself when it cannot be formatted.
 */
const char *nvirt_extack_printf(const char *fmt, ...)
{
	struct nvirt_extack_msg *m;
	va_list args;
	int len;

	/* A kernel thread never returns to user space to free it. */
	if (current->flags & PF_KTHREAD)
		return fmt;
	m = kmalloc(sizeof(*m), GFP_ATOMIC | __GFP_NOWARN);
	if (!m)
		return fmt;
	va_start(args, fmt);
	len = vsnprintf(m->text, sizeof(m->text), fmt, args);
	va_end(args);
	if (len >= (int)sizeof(m->text))
		net_warn_ratelimited("truncated extack: %s\n", m->text);

	init_task_work(&m->work, nvirt_extack_free);
	atomic_inc(&nvirt_extack_msgs);
	if (task_work_add(current, &m->work, TWA_RESUME)) {
		/* Exiting: its ack, if any, goes without the details. */
		atomic_dec(&nvirt_extack_msgs);
		kfree(m);
		return fmt;
	}
	return m->text;
}

static void nvirt_extack_wait(void)
{
	wait_var_event(&nvirt_extack_msgs, !atomic_read(&nvirt_extack_msgs));
}
#else
static void nvirt_extack_wait(void)
{
}
#endif /* !NVIRT_HAVE_EXTACK_FMT */

#ifndef NVIRT_HAVE_GENL_SPLIT_OPS
/* The family registered, built from the generated nvirt_nl_split_family. */
struct genl_family nvirt_nl_family;

/**
 * struct nvirt_genl_cmd - a command's split ops
 * @doit: its do op, or NULL
 * @dump: its dump op, or NULL
 * @recheck_doit: the command's policy is not the do op's own: a request
 *	is checked against that again
 * @recheck_dump: the same for the dump op
 * @policy: the command's policy when it was made here, else NULL
 */
struct nvirt_genl_cmd {
	const struct genl_split_ops *doit;
	const struct genl_split_ops *dump;
	bool recheck_doit;
	bool recheck_dump;
	struct nla_policy *policy;
};

static struct nvirt_genl_cmd *nvirt_genl_cmds;
static struct genl_ops *nvirt_genl_ops;

static const struct nvirt_genl_cmd *nvirt_genl_cmd(u8 cmd)
{
	unsigned int i;

	for (i = 0; i < nvirt_nl_family.n_ops; i++)
		if (nvirt_genl_ops[i].cmd == cmd)
			return &nvirt_genl_cmds[i];
	return NULL;
}

/* Check a request against its op's own policy. */
static int nvirt_genl_check(const struct nlmsghdr *nlh,
			    const struct genl_split_ops *op,
			    struct netlink_ext_ack *extack)
{
	return nla_validate(nlmsg_attrdata(nlh, GENL_HDRLEN),
			    nlmsg_attrlen(nlh, GENL_HDRLEN), op->maxattr,
			    op->policy, extack);
}

static int nvirt_genl_pre_doit(const struct genl_ops *ops,
			       struct sk_buff *skb, struct genl_info *info)
{
	const struct nvirt_genl_cmd *c = nvirt_genl_cmd(ops->cmd);
	int err;

	if (c->recheck_doit) {
		err = nvirt_genl_check(info->nlhdr, c->doit, info->extack);
		if (err)
			return err;
	}
	return c->doit->pre_doit ? c->doit->pre_doit(c->doit, skb, info) : 0;
}

static void nvirt_genl_post_doit(const struct genl_ops *ops,
				 struct sk_buff *skb, struct genl_info *info)
{
	const struct nvirt_genl_cmd *c = nvirt_genl_cmd(ops->cmd);

	if (c->doit->post_doit)
		c->doit->post_doit(c->doit, skb, info);
}

static int nvirt_genl_start(struct netlink_callback *cb)
{
	const struct nvirt_genl_cmd *c;
	int err;

	c = nvirt_genl_cmd(genl_dumpit_info(cb)->op.cmd);
	if (c->recheck_dump) {
		err = nvirt_genl_check(cb->nlh, c->dump, cb->extack);
		if (err)
			return err;
	}
	return c->dump->start ? c->dump->start(cb) : 0;
}

/* Whether a request of @s is parsed with another policy than its own. */
static bool nvirt_genl_other(const struct genl_split_ops *s,
			     const struct genl_ops *op)
{
	return s && (s->policy != op->policy || s->maxattr != op->maxattr);
}

/*
 * A command with no attributes at all: 6.1 checks it against a policy
 * that rejects attribute 1, saying "Attribute failed policy validation";
 * 6.12 leaves a split op without one alone, and nvirt's own check says
 * "Unknown attribute type" of any attribute. So does this one.
 */
static const struct nla_policy nvirt_genl_no_attrs[] = {
	[1] = { .type = NLA_REJECT, .reject_message = "Unknown attribute type" },
};

/*
 * The policy of a command: that of its do or dump op, or of both when
 * they have the same; else the one that has one, or one with the
 * attributes of both, which must then not disagree on any.
 */
static int nvirt_genl_policy(struct nvirt_genl_cmd *c, struct genl_ops *op)
{
	const struct genl_split_ops *a = c->doit, *b = c->dump;
	unsigned int i;

	if (!a || !b || !a->policy || !b->policy ||
	    (a->policy == b->policy && a->maxattr == b->maxattr)) {
		if (!a || (b && !a->policy))
			a = b;
		op->policy = a->policy;
		op->maxattr = a->maxattr;
		goto out;
	}
	op->maxattr = max(a->maxattr, b->maxattr);
	c->policy = kcalloc(op->maxattr + 1, sizeof(*c->policy), GFP_KERNEL);
	if (!c->policy)
		return -ENOMEM;
	memcpy(c->policy, a->policy, (a->maxattr + 1) * sizeof(*c->policy));
	for (i = 0; i <= b->maxattr; i++) {
		if (!memchr_inv(&b->policy[i], 0, sizeof(b->policy[i])))
			continue;
		if (memchr_inv(&c->policy[i], 0, sizeof(c->policy[i])) &&
		    memcmp(&c->policy[i], &b->policy[i], sizeof(c->policy[i])))
			return -EINVAL;
		/* Its members are const: copied whole. */
		memcpy(&c->policy[i], &b->policy[i], sizeof(c->policy[i]));
	}
	op->policy = c->policy;
out:
	if (!op->policy) {
		op->policy = nvirt_genl_no_attrs;
		op->maxattr = ARRAY_SIZE(nvirt_genl_no_attrs) - 1;
	}
	c->recheck_doit = nvirt_genl_other(c->doit, op);
	c->recheck_dump = nvirt_genl_other(c->dump, op);
	return 0;
}

static void nvirt_genl_free(void)
{
	unsigned int i;

	for (i = 0; nvirt_genl_cmds && i < nvirt_nl_family.n_ops; i++)
		kfree(nvirt_genl_cmds[i].policy);
	kfree(nvirt_genl_cmds);
	kfree(nvirt_genl_ops);
	nvirt_genl_cmds = NULL;
	nvirt_genl_ops = NULL;
}

/* Add a split op to its command's op, the command's first or not. */
static int nvirt_genl_add(const struct genl_split_ops *s)
{
	const u8 perm = GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM;
	struct genl_family *f = &nvirt_nl_family;
	struct nvirt_genl_cmd *c;
	struct genl_ops *op;
	unsigned int i;

	for (i = 0; i < f->n_ops && nvirt_genl_ops[i].cmd != s->cmd; i++)
		;
	op = &nvirt_genl_ops[i];
	c = &nvirt_genl_cmds[i];
	if (i == f->n_ops) {
		f->n_ops++;
		op->cmd = s->cmd;
		op->flags = s->flags & perm;
	} else if ((op->flags ^ s->flags) & perm) {
		/* One op per command: its do and dump alike. */
		return -EINVAL;
	}
	if (s->flags & GENL_CMD_CAP_DO) {
		c->doit = s;
		op->doit = s->doit;
	}
	if (s->flags & GENL_CMD_CAP_DUMP) {
		c->dump = s;
		op->dumpit = s->dumpit;
		op->done = s->done;
		op->start = nvirt_genl_start;
	}
	return 0;
}

/* Build nvirt_nl_family from the generated family. */
static int nvirt_genl_build(void)
{
	const struct nvirt_genl_split_family *src = &nvirt_nl_split_family;
	struct genl_family *f = &nvirt_nl_family;
	unsigned int i;
	int err;

	nvirt_genl_ops = kcalloc(src->n_split_ops, sizeof(*nvirt_genl_ops),
				 GFP_KERNEL);
	nvirt_genl_cmds = kcalloc(src->n_split_ops, sizeof(*nvirt_genl_cmds),
				  GFP_KERNEL);
	if (!nvirt_genl_ops || !nvirt_genl_cmds)
		goto err_nomem;
	memset(f, 0, sizeof(*f));
	for (i = 0; i < src->n_split_ops; i++) {
		err = nvirt_genl_add(&src->split_ops[i]);
		if (WARN_ON(err))
			goto err_free;
	}
	for (i = 0; i < f->n_ops; i++) {
		err = nvirt_genl_policy(&nvirt_genl_cmds[i], &nvirt_genl_ops[i]);
		if (WARN_ON(err))
			goto err_free;
	}
	strscpy(f->name, src->name, sizeof(f->name));
	f->version = src->version;
	f->netnsok = src->netnsok;
	f->parallel_ops = src->parallel_ops;
	f->module = src->module;
	f->mcgrps = src->mcgrps;
	f->n_mcgrps = src->n_mcgrps;
	f->ops = nvirt_genl_ops;
	f->pre_doit = nvirt_genl_pre_doit;
	f->post_doit = nvirt_genl_post_doit;
	return 0;

err_nomem:
	err = -ENOMEM;
err_free:
	nvirt_genl_free();
	return err;
}
#else
static int nvirt_genl_build(void)
{
	return 0;
}

static void nvirt_genl_free(void)
{
}
#endif /* !NVIRT_HAVE_GENL_SPLIT_OPS */

#ifndef NVIRT_HAVE_GENL_BIND
/* How often to look for listeners: compat.h says why. */
#define NVIRT_GENL_POLL		(HZ / 2)

static const struct genl_family *nvirt_genl_polled;
static int (*nvirt_genl_bind)(int mcgrp);
/* The groups that had listeners when last looked at. */
static unsigned long nvirt_genl_heard;

static void nvirt_genl_poll(struct work_struct *work);
static DECLARE_DELAYED_WORK(nvirt_genl_poll_work, nvirt_genl_poll);

/* Call bind for the groups that have listeners again: the family's own. */
static void nvirt_genl_poll(struct work_struct *work)
{
	const struct genl_family *f = nvirt_genl_polled;
	unsigned int i;

	for (i = 0; i < f->n_mcgrps && i < BITS_PER_LONG; i++) {
		/* Listeners are counted for all namespaces at once. */
		bool now = genl_has_listeners(f, &init_net, i);

		if (now && !test_bit(i, &nvirt_genl_heard))
			nvirt_genl_bind(i);
		assign_bit(i, &nvirt_genl_heard, now);
	}
	queue_delayed_work(system_wq, &nvirt_genl_poll_work, NVIRT_GENL_POLL);
}

static void nvirt_genl_bind_start(struct genl_family *family,
				  int (*bind)(int mcgrp))
{
	nvirt_genl_polled = family;
	nvirt_genl_bind = bind;
	nvirt_genl_heard = 0;
	queue_delayed_work(system_wq, &nvirt_genl_poll_work, 0);
}

static void nvirt_genl_bind_stop(void)
{
	cancel_delayed_work_sync(&nvirt_genl_poll_work);
}
#else
static void nvirt_genl_bind_start(struct genl_family *family,
				  int (*bind)(int mcgrp))
{
	family->bind = bind;
}

static void nvirt_genl_bind_stop(void)
{
}
#endif /* !NVIRT_HAVE_GENL_BIND */

/**
 * nvirt_genl_register() - register nvirt's generic netlink family
 * @family: nvirt_nl_family
 * @bind: called when a socket joins one of its groups (see compat.h)
 *
 * Return: 0 or a negative errno.
 */
int nvirt_genl_register(struct genl_family *family, int (*bind)(int mcgrp))
{
	int err;

	err = nvirt_genl_build();
	if (err)
		return err;
#ifdef NVIRT_HAVE_GENL_BIND
	nvirt_genl_bind_start(family, bind);
#endif
	err = genl_register_family(family);
	if (err) {
		nvirt_genl_free();
		return err;
	}
#ifndef NVIRT_HAVE_GENL_BIND
	nvirt_genl_bind_start(family, bind);
#endif
	return 0;
}

/**
 * nvirt_genl_unregister() - unregister nvirt's generic netlink family
 * @family: nvirt_nl_family, registered
 *
 * Every formatted extack message comes from one of its requests: their
 * memory is given back before this returns.
 */
void nvirt_genl_unregister(struct genl_family *family)
{
	nvirt_genl_bind_stop();
	genl_unregister_family(family);
	nvirt_genl_free();
	nvirt_extack_wait();
}

#ifndef NVIRT_HAVE_CORE_DSTATS
/**
 * nvirt_dstats_get_stats64() - ndo_get_stats64 of a dstats netdev
 * @dev: the netdev, its pcpu_stat_type NETDEV_PCPU_STAT_DSTATS
 * @stats: filled in, zeroed by the core
 *
 * As the core does from 6.11 on: its stats, its dstats added.
 */
void nvirt_dstats_get_stats64(struct net_device *dev,
			      struct rtnl_link_stats64 *stats)
{
	int cpu;

	netdev_stats_to_stats64(stats, &dev->stats);
	for_each_possible_cpu(cpu) {
		const struct pcpu_dstats *d = per_cpu_ptr(dev->dstats, cpu);
		u64 rx_packets, rx_bytes, rx_drops;
		u64 tx_packets, tx_bytes, tx_drops;
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&d->syncp);
			rx_packets = d->rx_packets;
			rx_bytes = d->rx_bytes;
			rx_drops = d->rx_drops;
			tx_packets = d->tx_packets;
			tx_bytes = d->tx_bytes;
			tx_drops = d->tx_drops;
		} while (u64_stats_fetch_retry(&d->syncp, start));
		stats->rx_packets += rx_packets;
		stats->rx_bytes += rx_bytes;
		stats->rx_dropped += rx_drops;
		stats->tx_packets += tx_packets;
		stats->tx_bytes += tx_bytes;
		stats->tx_dropped += tx_drops;
	}
}
#endif /* !NVIRT_HAVE_CORE_DSTATS */

#ifndef NVIRT_HAVE_DISABLE_WORK
/* The work items disabled: a few, never enabled again. */
#define NVIRT_DISABLED_MAX	4
static const struct work_struct *nvirt_disabled[NVIRT_DISABLED_MAX];
static DEFINE_SPINLOCK(nvirt_disabled_lock);

/**
 * nvirt_work_disabled() - whether a work item was disabled
 * @work: the work item
 *
 * Context: RCU read side.
 * Return: true once nvirt_disable_work_sync() took it.
 */
bool nvirt_work_disabled(const struct work_struct *work)
{
	unsigned int i;

	for (i = 0; i < NVIRT_DISABLED_MAX; i++)
		if (READ_ONCE(nvirt_disabled[i]) == work)
			return true;
	return false;
}

/*
 * Note @work disabled, then wait until no caller of nvirt_queue_work()
 * and the like can still queue it: whoever saw it enabled is done.
 */
static void nvirt_disable(const struct work_struct *work)
{
	unsigned int i;

	spin_lock(&nvirt_disabled_lock);
	for (i = 0; i < NVIRT_DISABLED_MAX; i++) {
		if (!nvirt_disabled[i] || nvirt_disabled[i] == work)
			break;
	}
	if (!WARN_ON(i == NVIRT_DISABLED_MAX))
		WRITE_ONCE(nvirt_disabled[i], work);
	spin_unlock(&nvirt_disabled_lock);
	synchronize_rcu();
}

/**
 * nvirt_disable_work_sync() - disable_work_sync() before 6.10
 * @work: the work item
 *
 * Context: process.
 * Return: true when it was pending.
 */
bool nvirt_disable_work_sync(struct work_struct *work)
{
	nvirt_disable(work);
	return cancel_work_sync(work);
}

/**
 * nvirt_disable_delayed_work_sync() - disable_delayed_work_sync() before 6.10
 * @dwork: the delayed work item
 *
 * Context: process.
 * Return: true when it was pending.
 */
bool nvirt_disable_delayed_work_sync(struct delayed_work *dwork)
{
	nvirt_disable(&dwork->work);
	return cancel_delayed_work_sync(dwork);
}
#endif /* !NVIRT_HAVE_DISABLE_WORK */
