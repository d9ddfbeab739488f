// SPDX-License-Identifier: GPL-2.0
/*
 * A seeded, policy-aware fuzzer of the nvirt generic netlink family, run
 * in the guest while two children churn VIFs, policies and namespaces.
 *
 * The family's ops come from CTRL_CMD_GETFAMILY and the shape of each
 * (attribute types, ranges, lengths, nests) from CTRL_CMD_GETPOLICY, so
 * nothing of it is hardcoded here. Messages are generated from the seed
 * (nvirt_fuzz_gen.c); every answer is read, dumps to NLMSG_DONE. After the
 * run the module must still answer, and everything the fuzz and churn made
 * must be gone, the NICs as they were.
 *
 * Usage: nvirt_fuzz [--seed N] [--count N] [--pf-budget N] [--no-churn]
 *                   [--show I]
 *   --count      messages (env NVIRT_FUZZ_COUNT; default 150000, or
 *                20000 on an nvirt-debug kernel)
 *   --pf-budget  messages that may name an SR-IOV PF, spread over the run
 *                (enabling VFs takes seconds; default 16)
 *   --show I     print message I of the stream in hex, send nothing
 *   --max-seconds  stop fuzzing after this long (env NVIRT_FUZZ_SECONDS,
 *                default 780 s, 1500 s on nvirt-debug: inside the suite's
 *                limit per test); 0: none. A run the cap stops short of the
 *                count fails.
 *   --verbose    answers by errno for each op
 * NVIRT_FUZZ_CHURN_MS: the churn's pause between ops (default 10 ms, 100 on
 * nvirt-debug, where every op costs tens of times more; ten
 * times that between namespaces), so that the fuzz gets RTNL too.
 */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/nvirt.h>

#include "kselftest.h"
#include "nvirt_fuzz.h"

#define FZ_MSG_MAX	4096

/* The state the run must leave as it found. */
struct fz_snap {
	int n_nic;
	struct nv_nic nic[NV_MAX];
	int numvfs[NV_MAX];
	int n_vif;
	struct nv_vif vif[NV_MAX];
	int n_pol;
	char pol[NV_MAX][32];
};

static struct nvnl_family fam;
static struct nvnl_policies pols;
static struct fz_pool pool;
static struct fz_snap before;
static __u64 required[256];	/* per cmd, from probe_required() */
static int fd;
static bool verbose;

static const char *const fz_names[] = {
	"fz0", "fz1", "fz2", "fz3", "fz4", "fz5",
	"fz0", "fz1", "fz2", "fz3", "fz4", "fz5",
	"fzp0", "fzp1", "fzp2", "fzp3", "fzp0", "fzp1",
	"fz%d", "fz_a-b.c", "fzxxxxxxxxxxxxx", "fzxxxxxxxxxxxxxx",
	"fzpxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "fzpxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	"fz/0", "fz 0", "", ".",
};

#define FZ_NAMES	ARRAY_SIZE(fz_names)

static void sh(const char *cmd)
{
	if (system(cmd))
		ksft_print_msg("'%s' failed\n", cmd);
}

static void devices_del(void)
{
	if (system("for d in fzd0 fzd1 fzv0; do ip link del $d 2>/dev/null; done;"
		   " for n in fzns0 fzns1 fzc0; do ip netns del $n 2>/dev/null; done;"
		   " true"))
		ksft_print_msg("removing the test's devices failed\n");
}

static void devices_add(void)
{
	devices_del();
	/* Fixed ifindexes: the pool, and so the stream, is the same each run. */
	sh("ip link add fzd0 index 9001 type dummy && ip link set fzd0 up &&"
	   " ip link add fzd1 index 9002 type dummy && ip link set fzd1 up &&"
	   " ip link add fzv0 index 9003 type veth peer name fzv1 index 9004 &&"
	   " ip link set fzv0 up && ip link set fzv1 up &&"
	   " ip netns add fzns0 && ip netns add fzns1");
}

static int numvfs(const char *ifname)
{
	char path[128];
	int n = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/net/%s/device/sriov_numvfs", ifname);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%d", &n) != 1)
		n = -1;
	fclose(f);
	return n;
}

static bool is_driver(const char *ifname, const char *driver)
{
	char path[128], link[128];
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/class/net/%s/device/driver", ifname);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return false;
	link[n] = 0;
	return !strcmp(strrchr(link, '/') ? strrchr(link, '/') + 1 : link, driver);
}

static int snap(struct fz_snap *s)
{
	struct nv_dump d;
	int i, err;

	err = nv_nic_dump(fd, fam.id, s->nic, &d);
	s->n_nic = d.n;
	for (i = 0; i < s->n_nic; i++)
		s->numvfs[i] = s->nic[i].total_vfs ? numvfs(s->nic[i].name) : -1;
	err = err ?: nv_vif_dump(fd, fam.id, s->vif, &d);
	s->n_vif = d.n;
	err = err ?: nv_policy_dump(fd, fam.id, s->pol, &d);
	s->n_pol = d.n;
	return err;
}

/* A name of the fuzz's pool, or of the churn's. */
static bool in_pool(const char *name)
{
	int i;

	for (i = 0; i < pool.n_name; i++)
		if (!strcmp(pool.name[i], name))
			return true;
	return !strncmp(name, "fc", 2) || !strncmp(name, "fn", 2);
}

static void deleted(const char *what, const char *name, int err, int *n,
		    int *outside)
{
	*n += !err;
	if (in_pool(name))
		return;
	(*outside)++;
	ksft_print_msg("%s '%s' is outside the pool\n", what, name);
}

static bool vif_before(const struct nv_vif *v)
{
	int i;

	for (i = 0; i < before.n_vif; i++)
		if (before.vif[i].id == v->id && !strcmp(before.vif[i].name, v->name))
			return true;
	return false;
}

static bool policy_before(const char *name)
{
	int i;

	for (i = 0; i < before.n_pol; i++)
		if (!strcmp(before.pol[i], name))
			return true;
	return false;
}

static int fixed_fd(int from, int to)
{
	if (from < 0 || dup2(from, to) < 0)
		return from;
	close(from);
	return to;
}

/* The pool: every NIC (PFs apart), the namespaces, the names. */
static void pool_build(void)
{
	static const char *const nsfiles[] = {
		"/run/netns/fzns0", "/run/netns/fzns1", "/proc/self/ns/net",
	};
	unsigned int i;
	int k;

	for (k = 0; k < before.n_nic && pool.n_ifindex < FZ_POOL_MAX; k++) {
		if (before.nic[k].total_vfs) {
			if (pool.n_pf < 8)
				pool.pf[pool.n_pf++] = before.nic[k].ifindex;
			continue;
		}
		pool.ifindex[pool.n_ifindex++] = before.nic[k].ifindex;
	}
	/* At fixed numbers, whatever the runner left open. */
	for (i = 0; i < ARRAY_SIZE(nsfiles); i++)
		pool.fd[pool.n_fd++] = fixed_fd(open(nsfiles[i], O_RDONLY), 100 + i);
	pool.fd[pool.n_fd++] = fixed_fd(dup(fd), 100 + i);	/* not a namespace */
	for (i = 0; i < FZ_NAMES; i++)
		pool.name[pool.n_name++] = fz_names[i];
	for (k = 0; k < before.n_nic && pool.n_name < FZ_POOL_MAX; k++)
		if (!before.nic[k].total_vfs)
			pool.name[pool.n_name++] = before.nic[k].name;
}

static void pool_print(void)
{
	char buf[512];
	int k, n = 0;

	for (k = 0; k < pool.n_ifindex && n < (int)sizeof(buf) - 64; k++)
		n += snprintf(buf + n, sizeof(buf) - n, " %u", pool.ifindex[k]);
	n += snprintf(buf + n, sizeof(buf) - n, "; PFs");
	for (k = 0; k < pool.n_pf; k++)
		n += snprintf(buf + n, sizeof(buf) - n, " %u", pool.pf[k]);
	n += snprintf(buf + n, sizeof(buf) - n, "; fds");
	for (k = 0; k < pool.n_fd; k++)
		n += snprintf(buf + n, sizeof(buf) - n, " %d", pool.fd[k]);
	ksft_print_msg("pool: ifindex%s; %d names\n", buf, pool.n_name);
}

/* The ops and policies the kernel reports, in a few lines. */
static bool shape_print(void)
{
	int k, t, n_attrs = 0;

	for (k = 0; k < pols.n; k++)
		for (t = 0; t <= pols.pol[k].maxtype; t++)
			n_attrs += !!pols.pol[k].attr[t].type;
	for (k = 0; k < fam.n_ops; k++) {
		__u32 c = fam.ops[k].cmd;

		ksft_print_msg("op %2u:%s%s%s do policy %d, dump policy %d\n", c,
			       fam.ops[k].flags & GENL_CMD_CAP_DO ? " do" : "",
			       fam.ops[k].flags & GENL_CMD_CAP_DUMP ? " dump" : "",
			       fam.ops[k].flags & GENL_ADMIN_PERM ? " admin" : "",
			       pols.do_pol[c], pols.dump_pol[c]);
	}
	ksft_print_msg("%d ops, %d policies, %d attributes\n", fam.n_ops, pols.n,
		       n_attrs);
	return fam.n_ops > 0 && pols.n > 0 && n_attrs > 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * The attributes each do op requires, as the kernel says when they are
 * missing (NLMSGERR_ATTR_MISS_TYPE): asked with empty requests, then with
 * what it named so far. The fuzz includes them mostly.
 */
static void probe_required(__u64 seed)
{
	struct nvnl_msg m;
	struct nvnl_ans a;
	struct fz_gen g;
	char line[256];
	int k, tries, n = 0;

	fz_gen_init(&g, seed ^ 0x9e0be, &fam, &pols, &pool, 1, 0);
	for (k = 0; k < fam.n_ops; k++) {
		__u32 c = fam.ops[k].cmd;

		if (!(fam.ops[k].flags & GENL_CMD_CAP_DO) || pols.do_pol[c] < 0)
			continue;
		for (tries = 0; tries < 8 && n < (int)sizeof(line) - 32; tries++) {
			fz_gen_probe(&g, c, required[c], m.buf, sizeof(m.buf));
			if (nvnl_request(fd, &m, NULL, NULL, &a) || a.miss_type <= 0 ||
			    a.miss_type >= 64 || (required[c] & (1ULL << a.miss_type)))
				break;
			required[c] |= 1ULL << a.miss_type;
			n += snprintf(line + n, sizeof(line) - n, " %s:%d",
				      fz_cmd_names[c] ? fz_cmd_names[c] : "?", a.miss_type);
		}
	}
	ksft_print_msg("required attributes (op:type):%s\n", n ? line : " none");
}

/* Every answer to message @seq, dumps to their end. */
static void drain(struct fz_stats *st, const struct fz_info *info, __u32 seq)
{
	static char buf[NVNL_RX_MAX];
	bool terminal = false;
	struct nvnl_ans a;

	for (;;) {
		const struct nlmsghdr *nlh;
		int n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT | MSG_TRUNC);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS)
				st->overrun++;
			else if (errno != EAGAIN)
				fz_count_err(st->send_err, errno);
			break;
		}
		if (n > (int)sizeof(buf)) {
			st->truncated++;
			n = sizeof(buf);
		}
		for (nlh = (void *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_seq != seq) {
				st->stray++;
				continue;
			}
			if (nlh->nlmsg_type == NLMSG_ERROR ||
			    nlh->nlmsg_type == NLMSG_DONE) {
				memset(&a, 0, sizeof(a));
				nvnl_parse_err(nlh, &a);
				fz_count_err(st->err, a.err);
				st->ok_op[info->cmd] += !a.err;
				if (verbose && a.err)
					fz_msg_count(st, info->cmd, &a);
				fz_count_err(st->err_op[info->cmd], a.err);
				st->dumps += nlh->nlmsg_type == NLMSG_DONE;
				terminal = true;
				continue;
			}
			st->replies++;
			st->dump_msgs += info->dump;
			st->dump_intr += !!(nlh->nlmsg_flags & NLM_F_DUMP_INTR);
		}
	}
	st->must += info->must_answer;
	if (terminal)
		st->answered++;
	else if (info->must_answer)
		st->unanswered++;
	else
		st->silent++;
	if (!terminal && info->must_answer && st->unanswered <= 5)
		ksft_print_msg("message %u (cmd %u) got no answer\n", seq - 1,
			       info->cmd);
}

static int mon_fd = -1;
static struct nv_mon mon;

static void fuzz(struct fz_gen *g, unsigned long count, double max_secs,
		 struct fz_stats *st)
{
	static char buf[FZ_MSG_MAX];
	struct fz_info info;
	double start = now(), t0 = start, t1;
	unsigned long i;
	size_t len;

	st->hash = FZ_HASH_INIT;
	for (i = 0; i < count; i++) {
		len = fz_gen_msg(g, i, buf, sizeof(buf), &info);
		st->hash = fz_hash(fz_hash(st->hash, &len, sizeof(len)), buf, len);
		st->mutated += info.mutated;
		st->bytes += len;
		if (send(fd, buf, len, 0) < 0) {
			fz_count_err(st->send_err, errno);
			continue;
		}
		st->sent++;
		drain(st, &info, i + 1);
		if (mon_fd >= 0 && !(i % 64))
			nv_mon_read(mon_fd, fam.id, &mon, false);
		t1 = now();
		st->n_op[info.cmd]++;
		st->t_op[info.cmd] += t1 - t0;
		t0 = t1;
		if (max_secs && t1 - start > max_secs) {
			ksft_print_msg("time cap of %.0f s: stopped after %lu of %lu messages\n",
				       max_secs, i + 1, count);
			break;
		}
	}
}

/* The same stream again, generated only: its hash. */
static __u64 regenerate(__u64 seed, unsigned long count, unsigned long budget,
			unsigned long sent)
{
	static char buf[FZ_MSG_MAX];
	struct fz_info info;
	struct fz_gen g;
	__u64 h = FZ_HASH_INIT;
	unsigned long i;
	size_t len;

	fz_gen_init(&g, seed, &fam, &pols, &pool, count, budget);
	g.required = required;
	for (i = 0; i < sent; i++) {
		len = fz_gen_msg(&g, i, buf, sizeof(buf), &info);
		h = fz_hash(fz_hash(h, &len, sizeof(len)), buf, len);
	}
	return h;
}

static void show(__u64 seed, unsigned long count, unsigned long budget,
		 unsigned long which)
{
	static char buf[FZ_MSG_MAX];
	struct fz_info info;
	struct fz_gen g;
	unsigned long i;
	size_t len = 0, k;

	fz_gen_init(&g, seed, &fam, &pols, &pool, count, budget);
	g.required = required;
	for (i = 0; i <= which; i++)
		len = fz_gen_msg(&g, i, buf, sizeof(buf), &info);
	printf("message %lu: cmd %u%s, %zu bytes:", which, info.cmd,
	       info.dump ? " dump" : "", len);
	for (k = 0; k < len; k++)
		printf("%s%02x", k % 16 ? " " : "\n", (unsigned char)buf[k]);
	printf("\n");
}

static pid_t churn_start(struct fz_churn *c, int k)
{
	pid_t pid = fork();

	if (pid)
		return pid;
	if (k == 0)
		fz_churn_vifs(c, &c->st[0]);
	else
		fz_churn_netns(c, &c->st[1]);
	_exit(0);
}

static bool churn_report(struct fz_churn *c, pid_t *pids)
{
	static const char *const what[] = { "VIFs and policies", "namespaces" };
	bool ok = true;
	int k, status;

	c->stop = 1;
	for (k = 0; k < 2; k++) {
		const struct fz_churn_stats *s = &c->st[k];

		if (waitpid(pids[k], &status, 0) != pids[k] ||
		    !WIFEXITED(status) || WEXITSTATUS(status))
			ok = false;
		ksft_print_msg("churn %s: %lu ops, %lu dumps (%lu interrupted, %lu bad),"
			       " %lu namespaces deleted with %lu VIFs (%lu left),"
			       " %lu socket errors\n", what[k], s->ops, s->dumps,
			       s->dump_intr, s->dump_bad, s->netns, s->netns_vifs,
			       s->netns_left, s->sock_err);
		nvnl_errs_print("  by errno", s->err, FZ_ERRNO_MAX);
		ok &= s->ops > 0 && !s->dump_bad && !s->netns_left && !s->sock_err;
	}
	return ok && c->st[1].netns > 0;
}

/* Everything the fuzz made goes; the NICs are set back. */
static void cleanup(void)
{
	static struct fz_snap s;
	int round, i, outside = 0, n = 0;

	for (round = 0; round < 5; round++) {
		if (snap(&s) || s.n_vif + s.n_pol == before.n_vif + before.n_pol)
			break;
		for (i = 0; i < s.n_vif; i++) {
			if (vif_before(&s.vif[i]))
				continue;
			deleted("VIF", s.vif[i].name,
				nv_vif_del(fd, fam.id, s.vif[i].id, NULL, NULL),
				&n, &outside);
		}
		for (i = 0; i < s.n_pol; i++) {
			if (policy_before(s.pol[i]))
				continue;
			deleted("policy", s.pol[i],
				nv_policy_del(fd, fam.id, s.pol[i], NULL),
				&n, &outside);
		}
	}
	ksft_print_msg("cleanup: %d VIFs and policies deleted, %d of them outside the pool\n",
		       n, outside);
	for (i = 0; i < before.n_nic; i++)
		if (before.nic[i].managed >= 0)
			nv_nic_set_managed(fd, fam.id, before.nic[i].ifindex,
					   before.nic[i].managed);
}

/* As before the run: VIFs, policies, managed flags, VFs, namespaces. */
static bool restored(void)
{
	static struct fz_snap s;
	bool ok = true;
	int i, k;
	FILE *p;
	char line[256];

	if (snap(&s))
		return false;
	if (s.n_vif != before.n_vif || s.n_pol != before.n_pol) {
		ksft_print_msg("%d VIFs and %d policies, %d and %d before\n",
			       s.n_vif, s.n_pol, before.n_vif, before.n_pol);
		ok = false;
	}
	for (i = 0; i < before.n_nic; i++)
		for (k = 0; k < s.n_nic; k++) {
			if (s.nic[k].ifindex != before.nic[i].ifindex)
				continue;
			if (s.nic[k].managed != before.nic[i].managed ||
			    s.numvfs[k] != before.numvfs[i]) {
				ksft_print_msg("%s: managed %d VFs %d, before %d and %d\n",
					       s.nic[k].name, s.nic[k].managed,
					       s.numvfs[k], before.nic[i].managed,
					       before.numvfs[i]);
				ok = false;
			}
		}
	p = popen("ip netns list | grep -c '^fz'; ip -d -j link show |"
		  " grep -o '\"info_kind\":\"nvirt\"' | wc -l", "r");
	for (i = 0; p && fgets(line, sizeof(line), p); i++)
		if (atoi(line)) {
			ksft_print_msg("%s left: %d\n", i ? "nvirt netdevs" : "namespaces",
				       atoi(line));
			ok = false;
		}
	if (p)
		pclose(p);
	return ok;
}

/* The test's own devices among the NICs of the initial snapshot. */
static int test_devices(void)
{
	int i, n = 0;

	for (i = 0; i < before.n_nic; i++)
		n += !strncmp(before.nic[i].name, "fz", 2);
	return n;
}

static bool module_answers(void)
{
	static struct nv_nic nics[NV_MAX];
	struct nvnl_msg m;
	struct nv_dump d;

	nvnl_init(&m, fam.id, 0, NVIRT_CMD_VERSION_GET);
	if (nv_do(fd, &m, NULL) || nv_nic_dump(fd, fam.id, nics, &d))
		return false;
	return d.n == before.n_nic - test_devices() && !d.dup_id;
}

static unsigned long env_ul(const char *name, unsigned long def)
{
	const char *env = getenv(name);

	return env && *env ? strtoul(env, NULL, 0) : def;
}

static bool debug_kernel(void)
{
	struct utsname u;

	return !uname(&u) && strstr(u.release, "nvirt-debug");
}

/* @name from the environment, else @stock, or @debug on the debug kernel. */
static unsigned long env_default(const char *name, unsigned long stock,
				 unsigned long debug)
{
	return env_ul(name, debug_kernel() ? debug : stock);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "seed", required_argument, NULL, 's' },
		{ "count", required_argument, NULL, 'c' },
		{ "pf-budget", required_argument, NULL, 'p' },
		{ "no-churn", no_argument, NULL, 'n' },
		{ "show", required_argument, NULL, 'S' },
		{ "max-seconds", required_argument, NULL, 'm' },
		{ "verbose", no_argument, NULL, 'v' },
		{ }
	};
	unsigned long count = env_default("NVIRT_FUZZ_COUNT", 150000, 20000);
	double max_secs = env_default("NVIRT_FUZZ_SECONDS", 780, 1500);
	unsigned long pause_ms = env_default("NVIRT_FUZZ_CHURN_MS", 10, 100);
	unsigned long budget = 16, which = 0;
	bool churn = true, showing = false, ok;
	static struct fz_churn *c;
	static struct fz_stats st;
	pid_t pids[2];
	__u64 seed = 1;
	struct fz_gen g;
	double t0, secs;
	int o;

	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 'c':
			count = strtoul(optarg, NULL, 0);
			break;
		case 'p':
			budget = strtoul(optarg, NULL, 0);
			break;
		case 'n':
			churn = false;
			break;
		case 'm':
			max_secs = strtod(optarg, NULL);
			break;
		case 'v':
			verbose = true;
			break;
		case 'S':
			which = strtoul(optarg, NULL, 0);
			showing = true;
			break;
		default:
			return 2;
		}
	}

	ksft_print_header();
	fd = nvnl_socket();
	if (fd < 0 || nvnl_family(fd, NVIRT_FAMILY_NAME, &fam))
		ksft_exit_skip("the nvirt family is not registered\n");
	if (nvnl_policies(fd, fam.id, &pols))
		ksft_exit_fail_msg("CTRL_CMD_GETPOLICY failed\n");
	devices_add();
	if (snap(&before))
		ksft_exit_fail_msg("dumping the initial state failed\n");
	pool_build();
	probe_required(seed);
	if (showing) {
		show(seed, count, budget, which);
		devices_del();
		return 0;
	}
	ksft_set_plan(7);
	ksft_test_result(shape_print(), "policies read from the kernel\n");
	pool_print();
	ksft_print_msg("seed %llu, count %lu, PF budget %lu (--seed, --count or NVIRT_FUZZ_COUNT)\n",
		       (unsigned long long)seed, count, budget);
	ksft_print_msg("churn: %s, %lu ms between ops (NVIRT_FUZZ_CHURN_MS)\n",
		       churn ? "on" : "off", pause_ms);

	c = mmap(NULL, sizeof(*c), PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (c == MAP_FAILED)
		ksft_exit_fail_msg("mmap failed\n");
	memset(c, 0, sizeof(*c));
	c->family = fam.id;
	c->pause_ms = pause_ms;
	for (o = 0; o < before.n_nic; o++) {
		const char *n = before.nic[o].name;

		if (!strcmp(n, "fzd1"))
			c->ns_parent = before.nic[o].ifindex;
		if ((!strcmp(n, "fzd1") || !strcmp(n, "fzv0") ||
		     is_driver(n, "e1000")) && c->n_parents < 4)
			c->parents[c->n_parents++] = before.nic[o].ifindex;
	}
	/* Notifications are built only while someone listens. */
	mon_fd = nvnl_socket_group(fam.mcgrp);
	if (churn) {
		pids[0] = churn_start(c, 0);
		pids[1] = churn_start(c, 1);
	}

	fz_gen_init(&g, seed, &fam, &pols, &pool, count, budget);
	g.required = required;
	t0 = now();
	fuzz(&g, count, max_secs, &st);
	secs = now() - t0;
	ok = churn ? churn_report(c, pids) : true;
	fz_stats_print(&st, secs, verbose);
	ksft_print_msg("stream: %lu messages, %lu bytes, fnv1a64 %016llx\n",
		       st.sent, st.bytes, (unsigned long long)st.hash);
	ksft_test_result(st.sent == count && !st.unanswered && !st.stray &&
			 !st.overrun && !st.truncated,
			 "fuzz: %lu of %lu messages sent, all answered\n",
			 st.sent, count);
	ksft_test_result(regenerate(seed, count, budget, st.sent) == st.hash,
			 "the same seed generates the same stream\n");
	if (churn)
		ksft_test_result(ok, "churn ran alongside, its dumps consistent\n");
	else
		ksft_test_result_skip("churn ran alongside (--no-churn)\n");

	cleanup();
	if (mon_fd >= 0) {
		while (nv_mon_read(mon_fd, fam.id, &mon, true))
			;
		close(mon_fd);
	}
	fz_mon_print(&mon);
	ksft_test_result(mon_fd >= 0 && !mon.malformed && !mon.disorder &&
			 mon.ntf[1][0] && mon.ntf[1][1],
			 "notifications well formed and in order\n");
	for (o = 0; o < pool.n_fd; o++)
		close(pool.fd[o]);
	devices_del();
	ksft_test_result(module_answers(), "module answers after fuzzing\n");
	ksft_test_result(restored(), "state restored\n");
	ksft_finished();
}
