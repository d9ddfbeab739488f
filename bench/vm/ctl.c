// SPDX-License-Identifier: GPL-2.0
/*
 * The control-plane benchmark, run in the test VM by bench/vm/suite: VIFs
 * made and removed through libnvirt against macvlans made and removed
 * through rtnetlink (libnl-route), the work a user would do by hand for a
 * soft or queue VIF. Each result is one JSON object on stdout.
 *
 *   nvirt-bench cycle KIND PARENT N
 *	create N of KIND (soft, queue, vf: nvirt VIFs with that backend;
 *	macvlan), then delete them; N "max" creates until the parent says
 *	no. Fewer than 64 are cycled 9 times, and the median taken.
 *	{"test":"cycle","kind":..,"n":..,"create_s":..,"delete_s":..}
 *
 *   nvirt-bench scale KIND PARENT N...
 *	grow soft VIFs (KIND nvirt) or macvlans to each N in turn and time a
 *	dump of them all (nvirt's VIF dump; an RTM_GETLINK dump), the median
 *	of DUMP_RUNS; then remove them. One object per N, with the kernel's
 *	memory (slab, per-CPU, vmalloc) at that point.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>
#include <linux/nvirt.h>
#include <net/if.h>
#include <netlink/route/link.h>
#include <netlink/route/link/macvlan.h>
#include <nvirt/nvirt.h>

#define DUMP_RUNS	5

/* One of the two ways to make an interface on a parent. */
struct maker {
	struct nvirt *nv;	/* nvirt VIFs */
	struct nl_sock *sk;	/* macvlans */
	int backend;		/* NVIRT_BACKEND_*, or 0 for macvlan */
	const char *parent;
	int parent_ifindex;
	const char *prefix;
};

static void die(const char *what, const char *why)
{
	fprintf(stderr, "nvirt-bench: %s: %s\n", what, why);
	exit(1);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void name_of(const struct maker *m, unsigned int i, char *buf)
{
	snprintf(buf, IFNAMSIZ, "%s%u", m->prefix, i);
}

static int make_one(struct maker *m, unsigned int i)
{
	struct nvirt_vif_config cfg = NVIRT_VIF_CONFIG_INIT;
	struct rtnl_link *link;
	char name[IFNAMSIZ];
	int err;

	name_of(m, i, name);
	cfg.fields = NVIRT_VIF_F_BACKEND;
	cfg.backend = m->backend;
	if (m->backend)
		return nvirt_vif_new(m->nv, name, 0, m->parent, &cfg, NULL);

	link = rtnl_link_macvlan_alloc();
	if (!link)
		return -ENOMEM;
	rtnl_link_set_name(link, name);
	rtnl_link_set_link(link, m->parent_ifindex);
	rtnl_link_macvlan_set_mode(link, rtnl_link_macvlan_str2mode("bridge"));
	err = rtnl_link_add(m->sk, link, NLM_F_CREATE | NLM_F_EXCL);
	rtnl_link_put(link);
	return err;
}

static int remove_one(struct maker *m, unsigned int i)
{
	struct rtnl_link *link;
	char name[IFNAMSIZ];
	int err;

	name_of(m, i, name);
	if (m->backend)
		return nvirt_vif_del(m->nv, 0, name);

	link = rtnl_link_alloc();
	if (!link)
		return -ENOMEM;
	rtnl_link_set_name(link, name);
	err = rtnl_link_delete(m->sk, link);
	rtnl_link_put(link);
	return err;
}

static const char *why(const struct maker *m, int err)
{
	return m->backend ? nvirt_strerror(m->nv) : nl_geterror(err);
}

static void maker_open(struct maker *m, const char *kind, const char *parent)
{
	static const struct {
		const char *kind;
		int backend;
	} kinds[] = {
		{ "soft", NVIRT_BACKEND_SOFT },
		{ "nvirt", NVIRT_BACKEND_SOFT },
		{ "queue", NVIRT_BACKEND_QUEUE },
		{ "vf", NVIRT_BACKEND_VF },
		{ "macvlan", 0 },
	};
	size_t k;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (!strcmp(kind, kinds[k].kind))
			break;
	if (k == sizeof(kinds) / sizeof(kinds[0]))
		die(kind, "not soft, queue, vf, nvirt or macvlan");

	memset(m, 0, sizeof(*m));
	m->backend = kinds[k].backend;
	m->parent = parent;
	m->parent_ifindex = if_nametoindex(parent);
	if (!m->parent_ifindex)
		die(parent, strerror(errno));
	m->prefix = m->backend ? "nvb" : "mvb";
	if (m->backend) {
		m->nv = nvirt_open();
		if (!m->nv)
			die("nvirt_open", strerror(errno));
		return;
	}
	m->sk = nl_socket_alloc();
	if (!m->sk || nl_connect(m->sk, NETLINK_ROUTE))
		die("rtnetlink", "cannot connect");
}

static void maker_close(struct maker *m)
{
	nvirt_close(m->nv);
	nl_socket_free(m->sk);
}

static void emit(json_object *o)
{
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	fflush(stdout);
	json_object_put(o);
}

static json_object *result(const char *test, const char *kind,
			   const struct maker *m, unsigned int n)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "test", json_object_new_string(test));
	json_object_object_add(o, "kind", json_object_new_string(kind));
	json_object_object_add(o, "parent", json_object_new_string(m->parent));
	json_object_object_add(o, "n", json_object_new_int(n));
	return o;
}

static void add_seconds(json_object *o, const char *key, double s)
{
	json_object_object_add(o, key, json_object_new_double(s));
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, unsigned int n)
{
	qsort(v, n, sizeof(v[0]), cmp_double);
	return v[n / 2];
}

/* Create @n (as many as there can be when @max), then delete them. */
static unsigned int cycle_once(struct maker *m, unsigned int n, bool max,
			       double *create_s, double *delete_s)
{
	double t0, t1;
	unsigned int i;
	int err;

	t0 = now();
	for (i = 0; i < n; i++) {
		err = make_one(m, i);
		if (err && max && i)
			break;
		if (err)
			die("create", why(m, err));
	}
	n = i;
	t1 = now();
	for (i = 0; i < n; i++) {
		err = remove_one(m, i);
		if (err)
			die("delete", why(m, err));
	}
	*create_s = t1 - t0;
	*delete_s = now() - t1;
	return n;
}

/* Fewer than CYCLE_SMALL are cycled CYCLE_REPS times: the median counts. */
#define CYCLE_SMALL	64
#define CYCLE_REPS	9

static int cycle(const char *kind, const char *parent, const char *count)
{
	double create_s[CYCLE_REPS], delete_s[CYCLE_REPS];
	unsigned int r, reps, n;
	struct maker m;
	json_object *o;
	bool max;

	max = !strcmp(count, "max");
	n = max ? 4096 : strtoul(count, NULL, 10);
	if (!n)
		die(count, "not a count");
	maker_open(&m, kind, parent);

	n = cycle_once(&m, n, max, &create_s[0], &delete_s[0]);
	reps = n < CYCLE_SMALL ? CYCLE_REPS : 1;
	for (r = 1; r < reps; r++)
		cycle_once(&m, n, false, &create_s[r], &delete_s[r]);

	o = result("cycle", kind, &m, n);
	add_seconds(o, "create_s", median(create_s, reps));
	add_seconds(o, "delete_s", median(delete_s, reps));
	json_object_object_add(o, "reps", json_object_new_int(reps));
	emit(o);
	maker_close(&m);
	return 0;
}

static int count_vif(const struct nvirt_vif *vif, void *arg)
{
	(void)vif;
	(*(unsigned int *)arg)++;
	return 0;
}

/* One dump of everything there is; how many it saw, or -1. */
static long dump_once(struct maker *m)
{
	struct nl_cache *cache;
	unsigned int seen = 0;
	long n;

	if (m->backend)
		return nvirt_vif_dump(m->nv, 0, NULL, count_vif, &seen) ?
			-1 : (long)seen;
	if (rtnl_link_alloc_cache(m->sk, AF_UNSPEC, &cache))
		return -1;
	n = nl_cache_nitems(cache);
	nl_cache_free(cache);
	return n;
}

/* The kernel's memory of the kinds an interface takes, in KiB. */
static void add_memory(json_object *o)
{
	static const char *const keys[] = { "Slab", "Percpu", "VmallocUsed" };
	json_object *mem = json_object_new_object();
	char line[128], key[64];
	unsigned long kib;
	FILE *f;
	size_t k;

	f = fopen("/proc/meminfo", "r");
	if (!f)
		die("/proc/meminfo", strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63[^:]: %lu", key, &kib) != 2)
			continue;
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			if (!strcmp(key, keys[k]))
				json_object_object_add(mem, key,
						       json_object_new_int64(kib));
	}
	fclose(f);
	json_object_object_add(o, "mem_kib", mem);
}

static int scale(const char *kind, const char *parent, int argc, char **argv)
{
	double runs[DUMP_RUNS], t;
	unsigned int have = 0, n;
	struct maker m;
	json_object *o;
	long seen = 0;
	int a, r, err;

	maker_open(&m, kind, parent);
	for (a = 0; a < argc; a++) {
		n = strtoul(argv[a], NULL, 10);
		if (n < have)
			die(argv[a], "counts must grow");
		for (; have < n; have++) {
			err = make_one(&m, have);
			if (err)
				die("create", why(&m, err));
		}
		for (r = 0; r < DUMP_RUNS; r++) {
			t = now();
			seen = dump_once(&m);
			runs[r] = now() - t;
			if (seen < n)
				die("dump", "saw fewer than there are");
		}
		o = result("dump", kind, &m, n);
		add_seconds(o, "dump_s", median(runs, DUMP_RUNS));
		json_object_object_add(o, "records", json_object_new_int64(seen));
		add_memory(o);
		emit(o);
	}
	while (have--) {
		err = remove_one(&m, have);
		if (err)
			die("delete", why(&m, err));
	}
	maker_close(&m);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "cycle"))
		return cycle(argv[2], argv[3], argv[4]);
	if (argc >= 5 && !strcmp(argv[1], "scale"))
		return scale(argv[2], argv[3], argc - 4, argv + 4);
	fprintf(stderr, "Usage: nvirt-bench cycle KIND PARENT { N | max }\n"
			"       nvirt-bench scale { nvirt | macvlan } PARENT N...\n");
	return 2;
}
