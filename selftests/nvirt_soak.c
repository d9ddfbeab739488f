// SPDX-License-Identifier: GPL-2.0
/*
 * A bounded concurrency soak of nvirt: creators, deleters, setters and
 * dumpers in parallel, VIFs moved into and out of three namespaces, and
 * the namespaces deleted (with VIFs in them) and made again, for
 * NVIRT_SOAK_SECONDS (default 30, 20 on an nvirt-debug kernel).
 *
 * Then: every dump seen was consistent (ids once each and in order, names
 * once each unless the dump was flagged NLM_F_DUMP_INTR, a filtered dump
 * only the parent asked for); the survivors agree with the netdevs (each
 * VIF's netdev where its record says, every nvirt netdev some VIF's);
 * once they are deleted nothing is left; the module unloads and loads.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/nvirt.h>

#include "kselftest.h"
#include "nvirt_nlobj.h"

#define SK_NAMES	24
#define SK_NS		3
#define SK_ERRNO_MAX	140

enum sk_role {
	SK_CREATE, SK_DELETE, SK_SET, SK_DUMP, SK_POLICY, SK_NETNS, SK_MONITOR,
};

static const struct {
	enum sk_role role;
	const char *name;
} sk_workers[] = {
	{ SK_CREATE, "creator" }, { SK_CREATE, "creator" },
	{ SK_DELETE, "deleter" },
	{ SK_SET, "setter" }, { SK_SET, "setter" },
	{ SK_DUMP, "dumper" }, { SK_DUMP, "dumper" },
	{ SK_POLICY, "policies" },
	{ SK_NETNS, "namespaces" },
	{ SK_MONITOR, "monitor" },
};

#define SK_WORKERS	ARRAY_SIZE(sk_workers)

struct sk_stats {
	unsigned long ops, dumps, multipart, intr, bad, moves, netns, sock_err;
	unsigned long err[SK_ERRNO_MAX];
	char why[128];		/* the first inconsistent dump */
	char einval[256];	/* why the first EINVAL was */
};

struct sk_shared {
	volatile int stop;
	int family;
	int n_parents;
	__u32 parents[4];
	int mcgrp;
	struct sk_stats st[SK_WORKERS];
	struct nv_mon mon;
};

static struct sk_shared *sh;
static int fd;

static void account_msg(struct sk_stats *st, int err, const struct nvnl_ans *a)
{
	if (err == -EINVAL && !st->einval[0])
		snprintf(st->einval, sizeof(st->einval), "%s",
			 a->msg[0] ? a->msg : "(no message)");
}

static void account(struct sk_stats *st, int err)
{
	if (err > 0)
		err = 0;
	st->ops++;
	if (err == -ENOBUFS || err == -EAGAIN || err == -EBADF || err == -EPIPE)
		st->sock_err++;
	st->err[-err < SK_ERRNO_MAX ? -err : 0]++;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void name_of(char *name, unsigned int r)
{
	snprintf(name, 8, "sk%02u", r % SK_NAMES);
}

/* A namespace fd of sksN, or of the initial one (N == SK_NS); -1. */
static int ns_open(unsigned int n)
{
	char path[32];

	if (n >= SK_NS)
		return open("/proc/1/ns/net", O_RDONLY | O_CLOEXEC);
	snprintf(path, sizeof(path), "/run/netns/sks%u", n);
	return open(path, O_RDONLY | O_CLOEXEC);
}

static void create(struct sk_stats *st, unsigned int r)
{
	int nsfd = r % 3 ? ns_open((r >> 2) % SK_NS) : -1;
	struct nvnl_ans a;
	char name[8];
	int err;

	name_of(name, r >> 8);
	err = nv_vif_new(fd, sh->family, name,
			 sh->parents[(r >> 4) % sh->n_parents],
			 r % 2 ? NVIRT_BACKEND_SOFT : NVIRT_BACKEND_AUTO, nsfd, &a);
	account(st, err);
	account_msg(st, err, &a);
	if (nsfd >= 0)
		close(nsfd);
}

static void set(struct sk_stats *st, unsigned int r)
{
	struct nvnl_msg m;
	struct nvnl_ans a;
	char name[8];
	int nsfd = -1, err;

	name_of(name, r >> 8);
	nvnl_init(&m, sh->family, 0, NVIRT_CMD_VIF_SET);
	nvnl_put_str(&m, NVIRT_A_VIF_NAME, name);
	switch (r % 5) {
	case 0:
	case 1:		/* into a namespace, or home */
		nsfd = ns_open((r >> 3) % (SK_NS + 1));
		nvnl_put_s32(&m, NVIRT_A_VIF_NETNS_FD, nsfd);
		st->moves++;
		break;
	case 2:
		nvnl_put_u32(&m, NVIRT_A_VIF_MTU, 1280 + (r >> 3) % 221);
		break;
	case 3:
		nvnl_put_u32(&m, NVIRT_A_VIF_VLAN, (r >> 3) % 8);
		nvnl_put_u32(&m, NVIRT_A_VIF_MAX_RATE, (r >> 6) % 2000);
		break;
	default:
		snprintf(name, sizeof(name), "skp%u", (r >> 3) % 4);
		nvnl_put_str(&m, NVIRT_A_VIF_POLICY_NAME,
			     (r >> 3) % 4 == 3 ? "" : name);
	}
	err = nv_do(fd, &m, &a);
	account(st, err);
	account_msg(st, err, &a);
	if (nsfd >= 0)
		close(nsfd);
}

static void policy(struct sk_stats *st, unsigned int r)
{
	static const __u8 cmds[] = {
		NVIRT_CMD_POLICY_NEW, NVIRT_CMD_POLICY_SET, NVIRT_CMD_POLICY_DEL,
	};
	struct nvnl_msg m;
	struct nlattr *nest;
	char name[8];
	__u8 cmd = cmds[r % 3];

	snprintf(name, sizeof(name), "skp%u", (r >> 2) % 3);
	nvnl_init(&m, sh->family, 0, cmd);
	nvnl_put_str(&m, NVIRT_A_NAMED_POLICY_NAME, name);
	if (cmd != NVIRT_CMD_POLICY_DEL) {
		nest = nvnl_nest_start(&m, NVIRT_A_NAMED_POLICY_POLICY);
		nvnl_put_u32(&m, NVIRT_A_POLICY_GOAL, (r >> 4) % 4);
		nvnl_put_u32(&m, NVIRT_A_POLICY_PRIORITY, (r >> 6) % 10);
		nvnl_nest_end(&m, nest);
	}
	account(st, nv_do(fd, &m, NULL));
}

/* One dump, checked. */
static void dump(struct sk_stats *st, unsigned int r)
{
	static struct nv_vif v[NV_MAX];
	__u32 parent = r % 4 ? 0 : sh->parents[(r >> 2) % sh->n_parents];
	const char *why = NULL;
	struct nv_dump d;
	int err, i;

	err = nv_vif_dump_on(fd, sh->family, parent, v, &d);
	account(st, err);
	if (err)
		return;
	st->dumps++;
	st->multipart += d.a.parts > 1;
	st->intr += d.a.intr;
	if (d.dup_id)
		why = "an id twice";
	else if (d.unordered)
		why = "ids out of order";
	else if (d.dup_name && !d.a.intr)
		why = "a name twice, not flagged interrupted";
	for (i = 0; i < d.n && !why; i++)
		if ((parent && v[i].parent != parent) || !v[i].id ||
		    !v[i].name[0] || !v[i].ifindex)
			why = "a record it should not have";
	if (!why)
		return;
	if (!st->bad++)
		snprintf(st->why, sizeof(st->why), "%s (%d VIFs, %d parts%s)",
			 why, d.n, d.a.parts, d.a.intr ? ", interrupted" : "");
}

/* A namespace deleted with whatever VIFs are in it, and made again. */
static void netns(struct sk_stats *st, unsigned int r)
{
	char cmd[96];

	snprintf(cmd, sizeof(cmd), "ip netns del sks%u && ip netns add sks%u",
		 r % SK_NS, r % SK_NS);
	account(st, system(cmd) ? -EIO : 0);
	st->netns++;
	sleep_ms(1000 + r % 2000);
}

static void worker(unsigned int k)
{
	struct sk_stats *st = &sh->st[k];
	unsigned int seed = 0x5eed + k, r;
	char name[8];

	fd = sk_workers[k].role == SK_MONITOR ? nvnl_socket_group(sh->mcgrp) :
	     nvnl_socket();
	if (fd < 0) {
		st->sock_err++;
		_exit(1);
	}
	/* Dumps in small parts, so that changes can fall between them. */
	if (sk_workers[k].role == SK_DUMP)
		nvnl_rx_size = 4096;
	while (!sh->stop) {
		r = rand_r(&seed);
		switch (sk_workers[k].role) {
		case SK_CREATE:
			create(st, r);
			break;
		case SK_DELETE:
			name_of(name, r >> 8);
			account(st, nv_vif_del(fd, sh->family, 0, name, NULL));
			sleep_ms(r % 3);
			break;
		case SK_SET:
			set(st, r);
			break;
		case SK_DUMP:
			dump(st, r);
			break;
		case SK_POLICY:
			policy(st, r);
			sleep_ms(5);
			break;
		case SK_NETNS:
			netns(st, r);
			break;
		case SK_MONITOR:
			st->ops += nv_mon_read(fd, sh->family, &sh->mon, true);
			break;
		}
	}
	_exit(0);
}

/* The netdevs of one namespace ("" for ours): ifindex, name, nvirt kind. */
struct sk_dev {
	__u32 ifindex;
	char name[16];
	bool nvirt;
	int ns;		/* SK_NS for ours */
	bool owned;	/* a VIF's */
};

static int devs_read(const char *ns, int nsi, struct sk_dev *devs, int n)
{
	static char buf[1 << 20];
	char cmd[96], *p, *q, *next;
	size_t len;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "ip %s%s -d -j link show", *ns ? "-n " : "", ns);
	f = popen(cmd, "r");
	if (!f)
		return n;
	len = fread(buf, 1, sizeof(buf) - 1, f);
	pclose(f);
	buf[len] = 0;
	for (p = strstr(buf, "{\"ifindex\":"); p && n < NV_MAX; p = next) {
		struct sk_dev *d = &devs[n];
		char save;

		next = strstr(p + 1, "{\"ifindex\":");
		if (next) {
			save = *next;
			*next = 0;
		}
		memset(d, 0, sizeof(*d));
		q = strstr(p, "\"ifname\":\"");
		if (sscanf(p, "{\"ifindex\":%u", &d->ifindex) == 1 && q &&
		    sscanf(q, "\"ifname\":\"%15[^\"]\"", d->name) == 1) {
			d->nvirt = strstr(p, "\"info_kind\":\"nvirt\"") != NULL;
			d->ns = nsi;
			n++;
		}
		if (next)
			*next = save;
	}
	return n;
}

/* The namespace of an nsid our namespace gave, as "ip netns list" says. */
static int ns_of_nsid(int nsid)
{
	char line[128], name[32];
	int n = -1, id;
	unsigned int k;
	FILE *f;

	f = popen("ip netns list", "r");
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "sks%u (id: %d)", &k, &id) == 2 && id == nsid)
			n = k;
	if (f)
		pclose(f);
	(void)name;
	return n;
}

/* Namespaces die in the background: wait until the VIFs stop changing. */
static void settle(void)
{
	static struct nv_vif a[NV_MAX], b[NV_MAX];
	struct nv_dump da, db;
	int tries;

	for (tries = 0; tries < 40; tries++) {
		if (nv_vif_dump(fd, sh->family, a, &da))
			return;
		sleep_ms(500);
		if (nv_vif_dump(fd, sh->family, b, &db))
			return;
		if (da.n == db.n && !memcmp(a, b, da.n * sizeof(a[0])))
			return;
	}
}

/* Every survivor's netdev is where its record says; every nvirt netdev is one's. */
static bool survivors_agree(int *n_vifs)
{
	static struct nv_vif v[NV_MAX];
	static struct sk_dev devs[NV_MAX];
	struct nv_vif got;
	struct nv_dump d;
	char ns[8];
	int i, k, n = 0, where;
	bool ok = true;

	n = devs_read("", SK_NS, devs, 0);
	for (i = 0; i < SK_NS; i++) {
		snprintf(ns, sizeof(ns), "sks%d", i);
		n = devs_read(ns, i, devs, n);
	}
	ksft_print_msg("%d netdevs in the 4 namespaces\n", n);
	if (nv_vif_dump(fd, sh->family, v, &d) || d.a.intr)
		return false;
	*n_vifs = d.n;
	for (i = 0; i < d.n; i++) {
		if (nv_vif_get(fd, sh->family, v[i].id, NULL, &got) ||
		    strcmp(got.name, v[i].name) ||
		    nv_vif_get(fd, sh->family, 0, v[i].name, &got) ||
		    got.id != v[i].id) {
			ksft_print_msg("VIF %u %s: get by id or name disagrees\n",
				       v[i].id, v[i].name);
			ok = false;
		}
		where = v[i].has_nsid ? ns_of_nsid(v[i].nsid) : SK_NS;
		for (k = 0; k < n; k++)
			if (devs[k].ns == where && devs[k].ifindex == v[i].ifindex &&
			    !strcmp(devs[k].name, v[i].ifname))
				break;
		if (k == n) {
			ksft_print_msg("VIF %s: no netdev %s (%u) in namespace %d\n",
				       v[i].name, v[i].ifname, v[i].ifindex, where);
			ok = false;
		} else {
			devs[k].owned = true;
		}
	}
	for (k = 0; k < n; k++)
		if (devs[k].nvirt && !devs[k].owned) {
			ksft_print_msg("nvirt netdev %s (%u) in namespace %d is no VIF's\n",
				       devs[k].name, devs[k].ifindex, devs[k].ns);
			ok = false;
		}
	return ok;
}

static int nvirt_netdevs(void)
{
	static struct sk_dev devs[NV_MAX];
	char ns[8];
	int i, n, left = 0;

	n = devs_read("", SK_NS, devs, 0);
	for (i = 0; i < SK_NS; i++) {
		snprintf(ns, sizeof(ns), "sks%d", i);
		n = devs_read(ns, i, devs, n);
	}
	for (i = 0; i < n; i++)
		left += devs[i].nvirt;
	return left;
}

/* Delete every VIF and policy; true when none is left, nor any netdev. */
static bool nothing_left(void)
{
	static struct nv_vif v[NV_MAX];
	static char pol[NV_MAX][32];
	struct nv_dump d, dp;
	int i, netdevs;

	if (nv_vif_dump(fd, sh->family, v, &d))
		return false;
	for (i = 0; i < d.n; i++)
		nv_vif_del(fd, sh->family, v[i].id, NULL, NULL);
	if (nv_policy_dump(fd, sh->family, pol, &dp))
		return false;
	for (i = 0; i < dp.n; i++)
		nv_policy_del(fd, sh->family, pol[i], NULL);
	if (nv_vif_dump(fd, sh->family, v, &d) ||
	    nv_policy_dump(fd, sh->family, pol, &dp))
		return false;
	netdevs = nvirt_netdevs();
	if (d.n || dp.n || netdevs)
		ksft_print_msg("left: %d VIFs, %d policies, %d nvirt netdevs\n",
			       d.n, dp.n, netdevs);
	return !d.n && !dp.n && !netdevs;
}

static void setup_del(void)
{
	if (system("for d in skd0 skd1 skv0; do ip link del $d 2>/dev/null; done;"
		   " for i in 0 1 2; do ip netns del sks$i 2>/dev/null; done; true"))
		ksft_print_msg("removing the soak's devices failed\n");
}

static int setup_add(void)
{
	setup_del();
	return system("ip link add skd0 type dummy && ip link set skd0 up &&"
		      " ip link add skd1 type dummy && ip link set skd1 up &&"
		      " ip link add skv0 type veth peer name skv1 &&"
		      " ip link set skv0 up && ip link set skv1 up &&"
		      " for i in 0 1 2; do ip netns add sks$i || exit 1; done");
}

/* The soft parents: the dummies, the veth, and e1000 if there is one. */
static void parents(void)
{
	static struct nv_nic nics[NV_MAX];
	char path[128], link[128];
	struct nv_dump d;
	ssize_t len;
	int i;

	nv_nic_dump(fd, sh->family, nics, &d);
	for (i = 0; i < d.n && sh->n_parents < 4; i++) {
		snprintf(path, sizeof(path), "/sys/class/net/%s/device/driver",
			 nics[i].name);
		len = readlink(path, link, sizeof(link) - 1);
		link[len > 0 ? len : 0] = 0;
		if (!strncmp(nics[i].name, "skd", 3) || !strcmp(nics[i].name, "skv0") ||
		    (len > 0 && !strcmp(strrchr(link, '/'), "/e1000")))
			sh->parents[sh->n_parents++] = nics[i].ifindex;
	}
}

/* rmmod works (nothing holds the module), and so does insmod after it. */
static bool module_reloads(void)
{
	const char *ko = getenv("NVIRT_KO"), *repo = getenv("NVIRT_REPO");
	char cmd[512], path[256], refcnt[32] = "";
	FILE *f = fopen("/sys/module/nvirt/refcnt", "r");
	struct nvnl_family fam;
	bool ok;

	if (f) {
		if (!fgets(refcnt, sizeof(refcnt), f))
			refcnt[0] = 0;
		fclose(f);
	}
	ksft_print_msg("nvirt refcnt %s", refcnt[0] ? refcnt : "?\n");
	close(fd);
	/* The rig's module: the debug kernel's is not the one in kernel/. */
	if (!ko || !*ko) {
		snprintf(path, sizeof(path), "%s/kernel/nvirt.ko", repo ? repo : "..");
		ko = path;
	}
	snprintf(cmd, sizeof(cmd), "rmmod nvirt && insmod %s", ko);
	ok = atoi(refcnt) == 0 && !system(cmd);
	/* As the shell tests' defer: the module is loaded again whatever happened. */
	snprintf(cmd, sizeof(cmd), "grep -q '^nvirt ' /proc/modules || insmod %s", ko);
	if (system(cmd))
		ok = false;
	fd = nvnl_socket();
	return ok && fd >= 0 && !nvnl_family(fd, NVIRT_FAMILY_NAME, &fam);
}

static unsigned long seconds(void)
{
	const char *env = getenv("NVIRT_SOAK_SECONDS");
	struct utsname u;

	if (env && *env)
		return strtoul(env, NULL, 0);
	if (!uname(&u) && strstr(u.release, "nvirt-debug"))
		return 20;
	return 30;
}

int main(void)
{
	unsigned long secs = seconds(), dumps = 0, bad = 0, multi = 0, intr = 0;
	unsigned long sum[SK_ERRNO_MAX] = { 0 }, ops = 0;
	struct nvnl_family fam;
	pid_t pids[SK_WORKERS];
	bool ran = true;
	unsigned int k;
	int status, e, n_vifs = 0;

	ksft_print_header();
	fd = nvnl_socket();
	if (fd < 0 || nvnl_family(fd, NVIRT_FAMILY_NAME, &fam))
		ksft_exit_skip("the nvirt family is not registered\n");
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED || setup_add())
		ksft_exit_fail_msg("setting up failed\n");
	memset(sh, 0, sizeof(*sh));
	sh->family = fam.id;
	sh->mcgrp = fam.mcgrp;
	parents();
	ksft_set_plan(6);
	ksft_print_msg("%zu workers, %d parents, %d namespaces, %lu s (NVIRT_SOAK_SECONDS)\n",
		       SK_WORKERS, sh->n_parents, SK_NS, secs);

	for (k = 0; k < SK_WORKERS; k++) {
		pids[k] = fork();
		if (!pids[k])
			worker(k);
	}
	sleep(secs);
	sh->stop = 1;
	for (k = 0; k < SK_WORKERS; k++) {
		const struct sk_stats *st = &sh->st[k];

		if (waitpid(pids[k], &status, 0) != pids[k] || !WIFEXITED(status) ||
		    WEXITSTATUS(status) || !st->ops || st->sock_err)
			ran = false;
		ksft_print_msg("%-10s %6lu ops, %lu dumps (%lu in parts, %lu interrupted, %lu bad),"
			       " %lu moves, %lu namespaces deleted\n", sk_workers[k].name,
			       st->ops, st->dumps, st->multipart, st->intr, st->bad,
			       st->moves, st->netns);
		if (st->bad)
			ksft_print_msg("  first bad dump: %s\n", st->why);
		nvnl_errs_print("  by errno", st->err, SK_ERRNO_MAX);
		if (st->einval[0])
			ksft_print_msg("  first EINVAL: %s\n", st->einval);
		ops += st->ops;
		dumps += st->dumps;
		multi += st->multipart;
		intr += st->intr;
		bad += st->bad;
		for (e = 0; e < SK_ERRNO_MAX; e++)
			sum[e] += st->err[e];
	}
	nvnl_errs_print("all ops by errno", sum, SK_ERRNO_MAX);
	settle();
	ksft_test_result(ran, "soak: %lu ops by %zu workers in %lu s\n", ops,
			 SK_WORKERS, secs);
	ksft_test_result(dumps && !bad, "%lu dumps consistent (%lu in parts, %lu interrupted)\n",
			 dumps, multi, intr);
	ksft_print_msg("notifications: vif %lu/%lu/%lu policy %lu/%lu/%lu (add/del/change),"
		       " %lu overruns, %lu malformed, %lu out of order%s%s\n",
		       sh->mon.ntf[1][0], sh->mon.ntf[1][1], sh->mon.ntf[1][2],
		       sh->mon.ntf[2][0], sh->mon.ntf[2][1], sh->mon.ntf[2][2],
		       sh->mon.overruns, sh->mon.malformed, sh->mon.disorder,
		       sh->mon.disorder ? ": first " : "", sh->mon.why);
	ksft_test_result(!sh->mon.malformed && !sh->mon.disorder && sh->mon.ntf[1][0],
			 "notifications well formed and in order\n");
	ksft_test_result(survivors_agree(&n_vifs), "%d survivors agree with the netdevs\n",
			 n_vifs);
	ksft_test_result(nothing_left(), "nothing left once the survivors are deleted\n");
	setup_del();
	ksft_test_result(module_reloads(), "rmmod and insmod work after the soak\n");
	ksft_finished();
}
