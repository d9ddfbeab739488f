// SPDX-License-Identifier: GPL-2.0
/*
 * Systematic fault injection (fail-nth) over every op of the nvirt family:
 * those that change state, and those that only read, whose every point
 * must leave the state as it was. For each op, fault point N = 1, 2, ...
 * of the task that sends the request is made to fail, in turn, until the
 * op runs to its end without reaching N. Generic netlink carries the
 * request out in the sender's send(), so the fault lands in the request's
 * handling: its parsing, nvirt's op, the notifications (a listener is
 * joined so that they are built) and the ACK. Each time:
 *
 *   - an op that failed answers with a plain negative errno (or the socket
 *     fails), and the full state is the state before it;
 *   - an op that absorbed the fault leaves the state of a run without one;
 *   - the op, or its undo, then works without a fault.
 *
 * The full state: nvirt's NIC, VIF and policy dumps, the links of the
 * initial netns and of the test's netns (rtnetlink, with a PF's VFs) and
 * the named netns. Ids and ifindexes a new VIF gets are not compared
 * between two runs that made it, only within one.
 *
 * Needs CONFIG_FAULT_INJECTION and CONFIG_FAILSLAB (the debug tier): skips
 * without them. NVIRT_FAULT_MAX (default 400) caps the points of an op.
 */

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mman.h>
#include <time.h>

#include "kselftest_harness.h"
#include "nvirt_faults.h"

#define FAILSLAB	"/sys/kernel/debug/failslab"
#define FAIL_PAGE	"/sys/kernel/debug/fail_page_alloc"

/* What the walk over the points counted, for all ops (a shared page). */
struct totals {
	int ops, points, failed, absorbed, lost, capped;
};

static struct totals *totals;

static void __attribute__((constructor)) totals_map(void)
{
	totals = mmap(NULL, sizeof(*totals), PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (totals == MAP_FAILED)
		abort();
	memset(totals, 0, sizeof(*totals));
}

/* The kernel side. */

/*
 * Any slab allocation may fail, sleeping or not, and quietly; but for
 * kmemleak's own (its objects, one per allocation, would double the points
 * and test only kmemleak's fallback): the cache filter, with every cache
 * but kmemleak's marked. The page allocator: orders from
 * NVIRT_FAULT_PAGE_ORDER (default 11, none: see testing.rst).
 */
static const char *const knobs[][2] = {
	{ FAILSLAB "/ignore-gfp-wait", "N" },
	{ FAILSLAB "/verbose", "0" },
	{ FAILSLAB "/cache-filter", "Y" },
	{ FAIL_PAGE "/ignore-gfp-wait", "N" },
	{ FAIL_PAGE "/verbose", "0" },
	{ FAIL_PAGE "/min-order", NULL },
};

/*
 * Mark the slab caches that may fail (@mark "1"), or unmark them all ("0");
 * how many took it, or -errno.
 */
static int caches_mark(const char *mark)
{
	struct dirent *de;
	int marked = 0;
	DIR *d = opendir("/sys/kernel/slab");

	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		char path[PATH_MAX];

		if (de->d_name[0] == '.' || !strncmp(de->d_name, "kmemleak_", 9))
			continue;
		snprintf(path, sizeof(path), "/sys/kernel/slab/%s/failslab", de->d_name);
		/* Merged caches refuse: one of their names takes it. */
		if (!write_file(path, mark))
			marked++;
	}
	closedir(d);
	return marked;
}

static int knobs_set(void)
{
	const char *order = getenv("NVIRT_FAULT_PAGE_ORDER") ?: "11";
	unsigned int i;
	int err = 0;

	for (i = 0; i < ARRAY_SIZE(knobs) && !err; i++)
		err = write_file(knobs[i][0], knobs[i][1] ?: order);
	return err ?: caches_mark("1");
}

/*
 * As the kernel starts: no cache marked (a later failslab user marks its
 * own), the filter off, the page allocator's defaults.
 */
static void knobs_reset(void)
{
	caches_mark("0");
	write_file(FAILSLAB "/cache-filter", "N");
	write_file(FAILSLAB "/ignore-gfp-wait", "Y");
	write_file(FAIL_PAGE "/ignore-gfp-wait", "Y");
	write_file(FAIL_PAGE "/min-order", "1");
}

/*
 * nvirt_faultmask.ko (selftests/debug/faultmask): no fault inside the
 * core's calls that must not fail when a netdev changes netns. Loaded for
 * the ops that move one; 0, or -errno.
 */
static int faultmask_load(void)
{
	const char *repo = getenv("NVIRT_REPO") ?: "..";
	char cmd[PATH_MAX + 64];

	if (!access("/sys/module/nvirt_faultmask", F_OK))
		return 0;
	snprintf(cmd, sizeof(cmd), "%s/build/debug/faultmask/nvirt_faultmask.ko", repo);
	if (access(cmd, R_OK))
		return -ENOENT;
	snprintf(cmd, sizeof(cmd), "insmod %s/build/debug/faultmask/nvirt_faultmask.ko", repo);
	return system(cmd) ? -EIO : 0;
}

/* The NIC bound to @driver, or -ENOENT. */
static int by_driver(const char *driver, char *name)
{
	struct dirent *de;
	int found = -ENOENT;
	DIR *d = opendir("/sys/class/net");

	while (d && found && (de = readdir(d))) {
		char path[PATH_MAX], link[PATH_MAX];
		ssize_t n;

		snprintf(path, sizeof(path), "/sys/class/net/%s/device/driver",
			 de->d_name);
		n = readlink(path, link, sizeof(link) - 1);
		if (n <= 0)
			continue;
		link[n] = 0;
		if (!strcmp(strrchr(link, '/') + 1, driver)) {
			snprintf(name, IFNAMSIZ, "%.*s", IFNAMSIZ - 1, de->d_name);
			found = 0;
		}
	}
	if (d)
		closedir(d);
	return found;
}

static int netns_list(char *out, size_t size)
{
	struct dirent **names;
	int n, i;

	out[0] = 0;
	n = scandir("/run/netns", &names, NULL, alphasort);
	if (n < 0)
		return errno == ENOENT ? 0 : -errno;
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.')
			snprintf(out + strlen(out), size - strlen(out), "%s ",
				 names[i]->d_name);
		free(names[i]);
	}
	free(names);
	return 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Where a walk's time goes. */
struct clock {
	double state, op;	/* in state_take(), in requests */
	int takes, retakes;	/* retakes: a state that moved after a change */
	char moved[512];	/* how the first one differed */
};

static struct clock clk;

static int state_take(struct ctx *c, struct state *s)
{
	double t = now();
	int err;

	err = snapshot_take(&c->nl, &s->nv) ?:
	      links_take(c->rt, s->links) ?:
	      links_take(c->rt_ns, s->links_ns) ?:
	      netns_list(s->netns, sizeof(s->netns));
	clk.state += now() - t;
	clk.takes++;
	return err;
}

/*
 * What two runs that made a VIF differ in: its id and ifindex, and the
 * ifindex of its netdev as a NIC.
 */
static const __u64 run_only[] = {
	1ULL << NVIRT_A_NIC_IFINDEX,
	1ULL << NVIRT_A_VIF_ID | 1ULL << NVIRT_A_VIF_IFINDEX,
	0,
};

/*
 * What moves on its own: the operstate follows the carrier, which drivers
 * find in watchdogs of their own (igbvf's, every 2 s), so that a VF's
 * netdev back home may settle down or not yet; the admin state, which an
 * op does set, is compared in the links.
 */
static const __u64 moving[] = {
	1ULL << NVIRT_A_NIC_OPERSTATE,
	1ULL << NVIRT_A_VIF_OPERSTATE,
	0,
};

/* The records' names: NIC ifname, VIF name, policy name. */
static const unsigned int name_attr[] = {
	NVIRT_A_NIC_IFNAME, NVIRT_A_VIF_NAME, NVIRT_A_NAMED_POLICY_NAME,
};

/* Attribute @type of reply @i of @b, as text (a string or hex), or "-". */
static const char *attr_str(const struct blob *b, unsigned int i,
			    unsigned int type, char *buf, size_t size)
{
	const struct nlattr *a;
	const char *p;
	int len, j;

	snprintf(buf, size, "-");
	if (i >= b->n)
		return buf;
	p = blob_msg(b, i, &len);
	nvnl_for_each_attr(a, p, len) {
		const unsigned char *d = nvnl_data(a);
		int l = a->nla_len - NLA_HDRLEN;

		if ((a->nla_type & NLA_TYPE_MASK) != type)
			continue;
		if (l > 0 && !d[l - 1] && strlen((const char *)d) == (size_t)l - 1) {
			snprintf(buf, size, "\"%.*s\"", (int)size - 3, d);
			return buf;
		}
		buf[0] = 0;
		for (j = 0; j < l && j < 24 && strlen(buf) + 3 < size; j++)
			snprintf(buf + strlen(buf), size - strlen(buf), "%02x", d[j]);
		return buf;
	}
	return buf;
}

/* Where @x and @y differ (@x the expected), into @why; NULL if nowhere. */
static const char *state_diff(const struct state *x, const struct state *y,
			      bool same_run, char *why, size_t size)
{
	static const char *const what[] = { "NICs", "VIFs", "policies" };
	const struct blob *bx[] = { &x->nv.nic, &x->nv.vif, &x->nv.policy };
	const struct blob *by[] = { &y->nv.nic, &y->nv.vif, &y->nv.policy };
	char line[LINK_LINE], name[64], vx[64], vy[64];
	unsigned int i, msg, type;

	for (i = 0; i < ARRAY_SIZE(bx); i++) {
		if (!blob_same(bx[i], by[i], (same_run ? 0 : run_only[i]) | moving[i],
			       &msg, &type)) {
			snprintf(why, size, "%s: %u records, then %u; record %u (%s) attribute %u: %s, then %s",
				 what[i], bx[i]->n, by[i]->n, msg,
				 attr_str(bx[i], msg, name_attr[i], name, sizeof(name)),
				 type, attr_str(bx[i], msg, type, vx, sizeof(vx)),
				 attr_str(by[i], msg, type, vy, sizeof(vy)));
			return why;
		}
	}
	if (strcmp(x->links, y->links) || strcmp(x->links_ns, y->links_ns)) {
		bool ns = !strcmp(x->links, y->links);
		const char *lx = ns ? x->links_ns : x->links;
		const char *ly = ns ? y->links_ns : y->links;
		const char *gone = links_first_diff(lx, ly, line, sizeof(line));

		snprintf(why, size, "links%s: %s \"%s\"", ns ? " of the netns" : "",
			 gone ? "no more" : "new",
			 gone ?: links_first_diff(ly, lx, line, sizeof(line)) ?: "?");
		return why;
	}
	if (strcmp(x->netns, y->netns)) {
		snprintf(why, size, "netns: \"%s\", then \"%s\"", x->netns, y->netns);
		return why;
	}
	return NULL;
}

/*
 * Take the state into @s until it is @want's (netdevs' states move a
 * little after a change), for up to 2 s or so. NULL, or how it differs.
 */
static const char *state_either(struct ctx *c, struct state *s,
				const struct state *want, bool same_run,
				const struct state *alt, bool *is_alt,
				char *why, size_t size)
{
	char alt_why[256];
	const char *diff = "no state";
	int tries;

	for (tries = 0; tries < 100; tries++) {
		int err;

		if (tries) {
			if (!clk.retakes++)
				snprintf(clk.moved, sizeof(clk.moved), "%s", diff);
			usleep(20000);
		}
		err = state_take(c, s);
		if (err) {
			snprintf(why, size, "state: %s", strerror(-err));
			return why;
		}
		diff = state_diff(want, s, same_run, why, size);
		if (!diff)
			return NULL;
		if (alt && !state_diff(alt, s, false, alt_why, sizeof(alt_why))) {
			*is_alt = true;
			return NULL;
		}
	}
	return diff;
}

static const char *state_expect(struct ctx *c, struct state *s,
				const struct state *want, bool same_run,
				char *why, size_t size)
{
	return state_either(c, s, want, same_run, NULL, NULL, why, size);
}

static void drain(struct nvnl *nl)
{
	static char buf[64 * 1024];

	while (recv(nl->fd, buf, sizeof(buf), MSG_DONTWAIT) > 0)
		;
}

/* How a request went. */
struct outcome {
	int sock_err;		/* -errno of send() or recv(), or 0 */
	struct nvnl_ans a;
	bool injected;		/* the fault point armed was reached */
	bool dump;
};

static int nth_write(int fd, unsigned int n)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%u", n);

	return pwrite(fd, buf, len, 0) == len ? 0 : -errno;
}

/* Send @build's request, with fault point @nth armed (0: none). */
static int request(struct ctx *c, build_fn *build, unsigned int nth,
		   struct outcome *o)
{
	double t = now();
	char left[16] = "";
	struct mreq m;
	__u32 seq;

	build(&m, c);
	memset(o, 0, sizeof(*o));
	o->dump = m.flags & NLM_F_DUMP;
	if (nth && nth_write(c->nth, nth))
		return -errno;
	o->sock_err = nvnl_send(&c->nl, &m, &o->a, &seq);
	if (nth) {
		if (pread(c->nth, left, sizeof(left) - 1, 0) <= 0)
			return -EIO;
		o->injected = !atoi(left);
		if (nth_write(c->nth, 0))
			return -EIO;
	}
	if (!o->sock_err)
		o->sock_err = nvnl_wait(&c->nl, seq, &o->a, NULL, 0);
	drain(&c->mon);
	clk.op += now() - t;
	return 0;
}

/* The errno of a request, socket or answer; 0 when it worked. */
static int plain(struct ctx *c, build_fn *build)
{
	struct outcome o;
	int err = request(c, build, 0, &o);

	return err ?: o.sock_err ?: -o.a.err;
}

static int run_sh(const char *fmt, const struct ctx *c)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), fmt, c->igb, c->e1000);
	strcat(cmd, " >/dev/null 2>&1");
	return system(cmd);
}

static unsigned int fault_max(void)
{
	const char *s = getenv("NVIRT_FAULT_MAX");

	return s && atoi(s) > 0 ? atoi(s) : 400;
}

FIXTURE(faults) {
	struct ctx c;
	bool ready;
};

FIXTURE_VARIANT(faults) {
	const struct fop *op;
};

FIXTURE_VARIANT_ADD(faults, vif_new_soft) { &fop_vif_new_soft };
FIXTURE_VARIANT_ADD(faults, vif_new_netns) { &fop_vif_new_netns };
FIXTURE_VARIANT_ADD(faults, vif_new_queue) { &fop_vif_new_queue };
FIXTURE_VARIANT_ADD(faults, vif_new_vf) { &fop_vif_new_vf };
FIXTURE_VARIANT_ADD(faults, vif_set_soft) { &fop_vif_set_soft };
FIXTURE_VARIANT_ADD(faults, vif_set_netns) { &fop_vif_set_netns };
FIXTURE_VARIANT_ADD(faults, vif_set_vf) { &fop_vif_set_vf };
FIXTURE_VARIANT_ADD(faults, vif_del_soft) { &fop_vif_del_soft };
FIXTURE_VARIANT_ADD(faults, vif_del_vf) { &fop_vif_del_vf };
FIXTURE_VARIANT_ADD(faults, policy_new) { &fop_policy_new };
FIXTURE_VARIANT_ADD(faults, policy_set) { &fop_policy_set };
FIXTURE_VARIANT_ADD(faults, policy_del) { &fop_policy_del };
FIXTURE_VARIANT_ADD(faults, nic_set) { &fop_nic_set };
FIXTURE_VARIANT_ADD(faults, version_get) { &fop_version_get };
FIXTURE_VARIANT_ADD(faults, nic_get) { &fop_nic_get };
FIXTURE_VARIANT_ADD(faults, nic_dump) { &fop_nic_dump };
FIXTURE_VARIANT_ADD(faults, vif_get) { &fop_vif_get };
FIXTURE_VARIANT_ADD(faults, vif_dump) { &fop_vif_dump };
FIXTURE_VARIANT_ADD(faults, vif_explain) { &fop_vif_explain };
FIXTURE_VARIANT_ADD(faults, vif_dry_run) { &fop_vif_dry_run };
FIXTURE_VARIANT_ADD(faults, policy_get) { &fop_policy_get };
FIXTURE_VARIANT_ADD(faults, policy_dump) { &fop_policy_dump };

/* A socket of rtnetlink in @netns. */
static int links_open_in(int netns, int home)
{
	int fd;

	if (setns(netns, CLONE_NEWNET))
		return -errno;
	fd = links_open();
	if (setns(home, CLONE_NEWNET))
		abort();
	return fd;
}

FIXTURE_SETUP(faults)
{
	const struct fop *op = variant->op;
	struct ctx *c = &self->c;
	unsigned int grp;
	int i;

	c->nth = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
	if (c->nth < 0 || access(FAILSLAB, F_OK))
		SKIP(return, "no fail-nth or failslab (CONFIG_FAULT_INJECTION, CONFIG_FAILSLAB): the debug tier runs this");
	if ((op->needs & NEED_IGB) && by_driver("igb", c->igb))
		SKIP(return, "no igb");
	if ((op->needs & NEED_E1000) && by_driver("e1000", c->e1000))
		SKIP(return, "no e1000");
	if ((op->needs & NEED_MASK) && faultmask_load())
		SKIP(return, "no nvirt_faultmask.ko (make debug-modules): a fault in a netns move WARNs in the core");
	i = knobs_set();
	ASSERT_LE(0, i) TH_LOG("fault injection knobs: %s", strerror(-i));
	c->caches = i;
	c->before = malloc(sizeof(*c->before));
	c->after = malloc(sizeof(*c->after));
	c->done = malloc(sizeof(*c->done));
	ASSERT_TRUE(c->before && c->after && c->done);
	ASSERT_EQ(0, nvnl_open(&c->nl));
	ASSERT_EQ(0, nvnl_open(&c->mon));
	grp = c->mon.grp[0];
	ASSERT_EQ(0, setsockopt(c->mon.fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
				&grp, sizeof(grp)));

	/*
	 * A netns of this test's own, gone with its process; netlink, not
	 * ip(8): on the debug kernel each ip(8) takes a second or two.
	 */
	c->init_netns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, c->init_netns);
	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	c->netns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	ASSERT_EQ(0, setns(c->init_netns, CLONE_NEWNET));
	ASSERT_LE(0, c->netns);
	c->rt = links_open();
	c->rt_ns = links_open_in(c->netns, c->init_netns);
	ASSERT_LE(0, c->rt);
	ASSERT_LE(0, c->rt_ns);
	if (op->needs & NEED_DUMMY) {
		links_del(c->rt, DUMMY);
		ASSERT_EQ(0, links_dummy_add(c->rt, DUMMY));
		c->dummy = if_nametoindex(DUMMY);
	}
	c->igb_ix = c->igb[0] ? if_nametoindex(c->igb) : 0;
	c->e1000_ix = c->e1000[0] ? if_nametoindex(c->e1000) : 0;
	if (op->sh_setup)
		ASSERT_EQ(0, run_sh(op->sh_setup, c));
	self->ready = true;
	for (i = 0; i < 3 && op->setup[i]; i++) {
		int err = plain(c, op->setup[i]);

		ASSERT_EQ(0, err) TH_LOG("setting up: %s", strerror(-err));
	}
}

FIXTURE_TEARDOWN(faults)
{
	const struct fop *op = variant->op;
	struct ctx *c = &self->c;
	int i;

	if (self->ready)
		for (i = 0; i < 3 && op->teardown[i]; i++)
			plain(c, op->teardown[i]);
	if (c->nth >= 0) {
		nth_write(c->nth, 0);
		knobs_reset();
	}
	if (op->needs & NEED_MASK)
		(void)!system("rmmod nvirt_faultmask 2>/dev/null");
	if (c->rt > 0 && (op->needs & NEED_DUMMY))
		links_del(c->rt, DUMMY);
}

/*
 * What an error may be: an errno, not a stray value, and no reply; but a
 * dump may end in an error after the parts that went before it.
 */
static bool clean_error(const struct outcome *o)
{
	bool replies = o->a.msgs && !o->dump;

	if (o->sock_err)
		return o->sock_err < 0 && o->sock_err > -4096 && !replies;
	return o->a.err > 0 && o->a.err < 4096 && !replies;
}

static const char *outcome_str(const struct outcome *o, char *buf, size_t size)
{
	if (o->sock_err)
		snprintf(buf, size, "socket: %s", strerror(-o->sock_err));
	else if (o->a.err)
		snprintf(buf, size, "%s%s%s", strerror(o->a.err),
			 o->a.msg[0] ? ": " : "", o->a.msg);
	else
		snprintf(buf, size, "ok, %d replies", o->a.msgs);
	return buf;
}

static void swap(struct state **x, struct state **y)
{
	struct state *t = *x;

	*x = *y;
	*y = t;
}

/*
 * The undo, then the state as it was before the op, which is the new
 * before (ids and all); NULL or what failed.
 */
static const char *undo(struct ctx *c, const struct fop *op, char *why,
			size_t size)
{
	int err = op->undo ? plain(c, op->undo) : 0;

	if (err) {
		snprintf(why, size, "the undo fails: %s", strerror(-err));
		return why;
	}
	if (state_expect(c, c->after, c->before, false, why, size))
		return why;
	swap(&c->before, &c->after);
	return NULL;
}

/* The op without a fault, and its undo: NULL or what failed. */
static const char *op_clean(struct ctx *c, const struct fop *op, char *why,
			    size_t size)
{
	int err = plain(c, op->op);

	if (err) {
		snprintf(why, size, "the op fails: %s", strerror(-err));
		return why;
	}
	if (state_expect(c, c->after, c->done, false, why, size))
		return why;
	return undo(c, op, why, size);
}

/* What a walk counted. */
struct walk {
	unsigned int points;
	int failed, absorbed, lost;
	int errs[4096];
};

/*
 * Fault point @n of @op: NULL, or what went wrong. c->before is the exact
 * state before it, and again after.
 */
static const char *point(struct ctx *c, const struct fop *op, unsigned int n,
			 struct walk *w, bool *past, char *why, size_t size)
{
	char res[300], diff[2048];
	bool lost = false;
	struct outcome o;

	if (request(c, op->op, n, &o))
		return "fail-nth";
	outcome_str(&o, res, sizeof(res));
	*past = !o.injected;
	if (!o.injected) {
		/* Past the last point: a whole run. */
		if (o.sock_err || o.a.err)
			snprintf(why, size, "not reached, yet %s", res);
		else if (state_expect(c, c->after, c->done, false, diff, sizeof(diff)) ||
			 undo(c, op, diff, sizeof(diff)))
			snprintf(why, size, "a run past the last point: %s", diff);
		else
			return NULL;
		return why;
	}
	if (!o.sock_err && !o.a.err) {
		w->absorbed++;
		if (!state_expect(c, c->after, c->done, false, diff, sizeof(diff)) &&
		    !undo(c, op, diff, sizeof(diff)))
			return NULL;
		snprintf(why, size, "absorbed the fault, but %s", diff);
		return why;
	}
	if (!clean_error(&o)) {
		snprintf(why, size, "unclean error: %s (%d replies)", res, o.a.msgs);
		return why;
	}
	w->errs[o.sock_err ? -o.sock_err : o.a.err]++;
	if (o.a.err && o.a.err != ENOMEM)
		ksft_print_msg("%s @%u: %s\n", op->name, n, res);
	/*
	 * ENOBUFS on the socket: the ACK could not be allocated, and the op
	 * may have been carried out, the one failure netlink cannot take
	 * back. Its state is then the clean run's.
	 */
	if (!state_either(c, c->after, c->before, true,
			  o.sock_err == -ENOBUFS ? c->done : NULL, &lost,
			  diff, sizeof(diff))) {
		if (lost) {
			w->lost++;
			if (!undo(c, op, diff, sizeof(diff)))
				return NULL;
			snprintf(why, size, "ACK lost, then %s", diff);
			return why;
		}
		w->failed++;
		if (!op_clean(c, op, diff, sizeof(diff)))
			return NULL;
		snprintf(why, size, "after %s, %s", res, diff);
		return why;
	}
	snprintf(why, size, "failed (%s) and changed the state: %s", res, diff);
	return why;
}

TEST_F_TIMEOUT(faults, walk, 1800)
{
	const struct fop *op = variant->op;
	unsigned int max = fault_max(), n;
	static struct walk w;
	struct ctx *c = &self->c;
	char why[4096], res[300];
	double t0 = now(), t_clean;
	bool past = false;
	int i;

	/*
	 * One run and its undo first: what a VIF leaves behind it (a VF's
	 * netdev's MAC, say) is then as it is after each later undo.
	 */
	ASSERT_EQ(0, plain(c, op->op)) TH_LOG("%s without a fault", op->name);
	if (op->undo)
		ASSERT_EQ(0, plain(c, op->undo)) TH_LOG("%s: its undo", op->name);
	ASSERT_EQ(0, state_take(c, c->before));
	ASSERT_EQ(0, plain(c, op->op)) TH_LOG("%s without a fault", op->name);
	ASSERT_EQ(0, state_take(c, c->done));
	ASSERT_EQ(NULL, undo(c, op, why, sizeof(why))) TH_LOG("%s: %s", op->name, why);
	t_clean = now() - t0;
	memset(&clk, 0, sizeof(clk));

	for (n = 1; n <= max && !past; n++) {
		const char *err = point(c, op, n, &w, &past, why, sizeof(why));

		ASSERT_EQ(NULL, err) TH_LOG("%s @%u: %s", op->name, n, err);
	}
	w.points = n - 2 + !past;
	if (!past) {
		ksft_print_msg("%s: the cap NVIRT_FAULT_MAX=%u points was hit\n",
			       op->name, max);
		totals->capped++;
	}
	res[0] = 0;
	for (i = 1; i < 4096; i++)
		if (w.errs[i])
			snprintf(res + strlen(res), sizeof(res) - strlen(res), " %s x%d",
				 strerror(i), w.errs[i]);
	ksft_print_msg("%s: %u points, %d failed cleanly, %d absorbed, %d ACK lost;"
		       " errors:%s\n", op->name, w.points, w.failed, w.absorbed, w.lost,
		       res[0] ? res : " none");
	ksft_print_msg("%s: %.1f s, %.0f ms a point: %.1f s in %d states (%d taken again),"
		       " %.1f s in requests; first runs %.2f s; %d caches may fail\n",
		       op->name, now() - t0, w.points ? (now() - t0 - t_clean) * 1000 / w.points : 0.0,
		       clk.state, clk.takes, clk.retakes, clk.op, t_clean, c->caches);
	if (clk.retakes)
		ksft_print_msg("%s: the first state taken again: %s\n", op->name, clk.moved);
	totals->ops++;
	totals->points += w.points;
	totals->failed += w.failed;
	totals->absorbed += w.absorbed;
	totals->lost += w.lost;
}

/* After the ops, in declaration order: what they all came to. */
FIXTURE(total) {};
FIXTURE_SETUP(total) {}
FIXTURE_TEARDOWN(total) {}

TEST_F(total, points)
{
	if (access("/proc/thread-self/fail-nth", F_OK))
		SKIP(return, "no fail-nth");
	ksft_print_msg("%d ops: %d fault points, %d failed cleanly, %d absorbed,"
		       " %d ACK lost; %d capped\n", totals->ops, totals->points,
		       totals->failed, totals->absorbed, totals->lost, totals->capped);
	EXPECT_NE(0, totals->ops);
}

TEST_HARNESS_MAIN
