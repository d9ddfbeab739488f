// SPDX-License-Identifier: GPL-2.0
/*
 * The ring benchmark: nvirt's ring against a spinlock ring, DPDK rte_ring,
 * ck_ring and liburcu wfcqueue, same harness and workload for all. Not a
 * test: it asserts nothing about time, it reports.
 *
 *   ring-bench [-r RUNS] [-j FILE] [-s SCENARIOS] [-i IMPL=INSNS ...]
 *	runs every scenario (or those named in SCENARIOS) RUNS times
 *	(median), prints a table and writes JSON; -i passes instructions per
 *	post measured by callgrind, -b instructions per entry of a post of 8
 *	and its drain.
 *   ring-bench -c IMPL N [BURST]
 *	N uncontended entries posted through IMPL in bursts of BURST
 *	(default 1), drained every BENCH_BATCH, for callgrind to count (see
 *	./run).
 */

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "impl.h"
#include "nvirt_ring_thread.h"

static const struct bench_impl *const impls[] = {
	&bench_nvirt, &bench_spin, &bench_rte, &bench_ck, &bench_wfcq,
};

#define NIMPL	ARRAY_SIZE(impls)

struct scenario {
	const char *name;
	unsigned int nprod;
	unsigned int burst;
	/* Busy-work iterations between posts (about 3 cycles each). */
	unsigned int work;
	/* Entries per producer. */
	unsigned long ops;
	/* CPU of each producer and of the consumer (shared past 2 CPUs). */
	int cpu[BENCH_MAXP];
	int ccpu;
};

static const struct scenario scenarios[] = {
	{ "1p_single", 1, 1, 100, 600000, { 1 }, 0 },
	{ "1p_burst8", 1, 8, 100, 2400000, { 1 }, 0 },
	{ "2p_single", 2, 1, 100, 400000, { 0, 1 }, 0 },
	{ "2p_burst8", 2, 8, 100, 1600000, { 0, 1 }, 0 },
	{ "3p_single", 3, 1, 100, 300000, { 0, 1, 0 }, 1 },
	{ "3p_burst8", 3, 8, 100, 1000000, { 0, 1, 0 }, 1 },
	{ "1to1_stream", 1, 1, 0, 4000000, { 1 }, 0 },
};

#define NSCEN	ARRAY_SIZE(scenarios)
#define MAXRUNS	15

struct run;

struct producer {
	struct run *run;
	pthread_t thread;
	unsigned int id;
};

struct run {
	const struct bench_impl *impl;
	const struct scenario *sc;
	void *q;
	struct producer p[BENCH_MAXP];
	atomic_int go;
	atomic_int stop;
	atomic_int finished;
	unsigned long sink;
};

/* A run ends after this long even if not all entries went through. */
#define RUN_LIMIT	2.0

/* Work a TX path does between two posts: a dependent chain of multiplies. */
static unsigned long busy(unsigned long x, unsigned int n)
{
	while (n--) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		__asm__ volatile("" : "+r"(x));
	}
	return x;
}

static void *produce(void *arg)
{
	struct producer *pr = arg;
	struct run *run = pr->run;
	const struct scenario *sc = run->sc;
	unsigned long seq, x = pr->id;
	void *e[BENCH_BATCH];
	unsigned int i, spins;

	pin(sc->cpu[pr->id]);
	while (!atomic_load(&run->go))
		__builtin_ia32_pause();
	for (seq = 0; seq < sc->ops && !atomic_load(&run->stop);
	     seq += sc->burst) {
		x = busy(x, sc->work);
		for (i = 0; i < sc->burst; i++)
			e[i] = (void *)(((seq + i + 1) << 4) | pr->id);
		for (spins = 0; !run->impl->post(run->q, pr->id, e, sc->burst);)
			backoff(&spins);
	}
	atomic_fetch_add(&run->finished, 1);
	__atomic_fetch_add(&run->sink, x & 1, __ATOMIC_RELAXED);
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static unsigned long check(void **out, unsigned int n, unsigned long *next)
{
	unsigned long v, bad = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		v = (unsigned long)out[i];
		if ((v >> 4) != ++next[v & 15])
			bad++;
	}
	return bad;
}

/*
 * One run: entries per second through the consumer, over all entries or
 * RUN_LIMIT seconds, whichever comes first (@capped then); 0 if any
 * entry went astray.
 */
static double run_once(const struct bench_impl *impl,
		       const struct scenario *sc, unsigned long *retries,
		       unsigned int *capped)
{
	unsigned long next[BENCH_MAXP] = {}, total, got = 0, bad = 0;
	struct run *run = calloc(1, sizeof(*run));
	unsigned int i, n, spins = 0, polls = 0;
	void *out[BENCH_BATCH];
	double t0, t;

	run->impl = impl;
	run->sc = sc;
	run->q = impl->create(sc->nprod);
	total = sc->ops * sc->nprod;
	for (i = 0; i < sc->nprod; i++) {
		run->p[i].run = run;
		run->p[i].id = i;
		pthread_create(&run->p[i].thread, NULL, produce, &run->p[i]);
	}
	pin(sc->ccpu);
	t0 = now();
	atomic_store(&run->go, 1);
	while (got < total) {
		n = impl->drain(run->q, out, BENCH_BATCH);
		if (!n) {
			if (now() - t0 > RUN_LIMIT)
				break;
			backoff(&spins);
			continue;
		}
		spins = 0;
		bad += check(out, n, next);
		got += n;
		if (!(++polls & 255) && now() - t0 > RUN_LIMIT)
			break;
	}
	t = now() - t0;
	if (got < total) {
		/* Capped: let the producers finish what they are posting. */
		++*capped;
		atomic_store(&run->stop, 1);
		while (atomic_load(&run->finished) < (int)sc->nprod)
			if (!impl->drain(run->q, out, BENCH_BATCH))
				sched_yield();
	}
	for (i = 0; i < sc->nprod; i++)
		pthread_join(run->p[i].thread, NULL);
	*retries += impl->retries(run->q);
	impl->destroy(run->q);
	free(run);
	/* Back to floating, for the next run's threads. */
	{
		cpu_set_t set;

		CPU_ZERO(&set);
		for (i = 0; i < CPU_SETSIZE && i < 64; i++)
			CPU_SET(i, &set);
		sched_setaffinity(0, sizeof(set), &set);
	}
	if (bad) {
		fprintf(stderr, "%s %s: %lu entries out of order\n",
			impl->name, sc->name, bad);
		return 0;
	}
	return got / t;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * callgrind's subject: N uncontended entries posted in bursts of @burst
 * (a divisor of BENCH_BATCH), drained every BENCH_BATCH entries.
 */
static int count_posts(const char *name, unsigned long n, unsigned int burst)
{
	const struct bench_impl *impl = NULL;
	void *out[BENCH_BATCH], *e[BENCH_BATCH];
	unsigned long i;
	unsigned int k, j;
	void *q;

	for (k = 0; k < NIMPL; k++)
		if (!strcmp(impls[k]->name, name))
			impl = impls[k];
	if (!impl) {
		fprintf(stderr, "no impl %s\n", name);
		return 1;
	}
	if (!burst || BENCH_BATCH % burst) {
		fprintf(stderr, "burst %u does not divide %u\n", burst,
			BENCH_BATCH);
		return 1;
	}
	q = impl->create(1);
	for (i = 0; i < n; i += burst) {
		for (j = 0; j < burst; j++)
			e[j] = (void *)((i + j + 1) << 4);
		if (!impl->post(q, 0, e, burst))
			abort();
		if ((i + burst) % BENCH_BATCH == 0)
			while (impl->drain(q, out, BENCH_BATCH))
				;
	}
	impl->destroy(q);
	return 0;
}

static double insns[NIMPL], insns8[NIMPL];

static void json_scenario(FILE *f, const struct scenario *sc,
			  const double *ops, const unsigned int *capped,
			  bool last)
{
	unsigned int k;

	fprintf(f, "    \"%s\": {\n      \"producers\": %u, \"burst\": %u, \"work_iters\": %u,\n",
		sc->name, sc->nprod, sc->burst, sc->work);
	fprintf(f, "      \"ops_per_s\": {");
	for (k = 0; k < NIMPL; k++)
		fprintf(f, "%s\"%s\": %.0f", k ? ", " : "", impls[k]->name,
			ops[k]);
	fprintf(f, "},\n      \"runs_capped\": {");
	for (k = 0; k < NIMPL; k++)
		fprintf(f, "%s\"%s\": %u", k ? ", " : "", impls[k]->name,
			capped[k]);
	fprintf(f, "},\n      \"nvirt_ratio\": {");
	for (k = 1; k < NIMPL; k++)
		fprintf(f, "%s\"%s\": %.3f", k > 1 ? ", " : "",
			impls[k]->name, ops[k] ? ops[0] / ops[k] : 0);
	fprintf(f, "}\n    }%s\n", last ? "" : ",");
}

int main(int argc, char **argv)
{
	static double med[NSCEN][NIMPL];
	double samples[MAXRUNS], best;
	static unsigned int capped[NSCEN][NIMPL];
	unsigned long retries;
	const char *json = NULL, *only = NULL;
	unsigned int runs = 5, s, k, r;
	FILE *f;
	int opt;

	while ((opt = getopt(argc, argv, "c:r:j:i:b:s:")) != -1) {
		switch (opt) {
		case 's':
			only = optarg;
			break;
		case 'c':
			return count_posts(optarg,
					   optind < argc ? atol(argv[optind]) :
					   100000,
					   optind + 1 < argc ?
					   atoi(argv[optind + 1]) : 1);
		case 'r':
			runs = atoi(optarg);
			if (runs < 1 || runs > MAXRUNS)
				runs = 5;
			break;
		case 'j':
			json = optarg;
			break;
		case 'i':
		case 'b': {
			char *eq = strchr(optarg, '=');

			for (k = 0; eq && k < NIMPL; k++)
				if (!strncmp(impls[k]->name, optarg,
					     eq - optarg))
					(opt == 'i' ? insns : insns8)[k] =
						atof(eq + 1);
			break;
		}
		default:
			fprintf(stderr,
				"usage: %s [-r RUNS] [-j FILE] [-s SCENARIOS] [-i IMPL=INSNS]... [-b IMPL=INSNS]...\n"
				"       %s -c IMPL N [BURST]\n", argv[0], argv[0]);
			return 1;
		}
	}

	printf("ring benchmark: median entries/s (M) of %u runs, %ld CPUs\n",
	       runs, sysconf(_SC_NPROCESSORS_ONLN));
	printf("%-12s", "scenario");
	for (k = 0; k < NIMPL; k++)
		printf(" %9s", impls[k]->name);
	printf("   nvirt/spin nvirt/rte nvirt/best-peer  nvirt retries\n");
	for (s = 0; s < NSCEN; s++) {
		if (only && !strstr(only, scenarios[s].name))
			continue;
		printf("%-12s", scenarios[s].name);
		fflush(stdout);
		retries = 0;
		for (k = 0; k < NIMPL; k++) {
			for (r = 0; r < runs; r++)
				samples[r] = run_once(impls[k], &scenarios[s],
						      k ? &(unsigned long){0} :
						      &retries, &capped[s][k]);
			qsort(samples, runs, sizeof(double), cmp);
			med[s][k] = samples[runs / 2];
			printf(" %8.2f%c", med[s][k] / 1e6,
			       capped[s][k] ? '*' : ' ');
			fflush(stdout);
		}
		for (best = 0, k = 1; k < NIMPL; k++)
			best = med[s][k] > best ? med[s][k] : best;
		printf("   %10.2f %9.2f %15.2f  %13lu\n", med[s][0] / med[s][1],
		       med[s][0] / med[s][2], med[s][0] / best, retries / runs);
	}
	printf("* some runs stopped after %.0f s, their rate over that time\n",
	       RUN_LIMIT);
	printf("%-12s", "insn/post");
	for (k = 0; k < NIMPL; k++)
		printf(" %9.1f", insns[k]);
	printf("   (callgrind, uncontended single post)\n");
	printf("%-12s", "insn/entry");
	for (k = 0; k < NIMPL; k++)
		printf(" %9.1f", insns8[k]);
	printf("   (callgrind, a post of 8 and its drain, per entry)\n");

	if (!json)
		return 0;
	f = fopen(json, "w");
	if (!f) {
		perror(json);
		return 1;
	}
	fprintf(f, "{\n  \"runs\": %u,\n  \"cpus\": %ld,\n  \"run_limit_s\": %.1f,\n",
		runs, sysconf(_SC_NPROCESSORS_ONLN), RUN_LIMIT);
	fprintf(f, "  \"scenarios\": {\n");
	for (s = 0; s < NSCEN; s++)
		json_scenario(f, &scenarios[s], med[s], capped[s],
			      s == NSCEN - 1);
	fprintf(f, "  },\n  \"insn_per_post\": {");
	for (k = 0; k < NIMPL; k++)
		fprintf(f, "%s\"%s\": %.1f", k ? ", " : "", impls[k]->name,
			insns[k]);
	fprintf(f, "},\n  \"insn_per_entry_burst8\": {");
	for (k = 0; k < NIMPL; k++)
		fprintf(f, "%s\"%s\": %.1f", k ? ", " : "", impls[k]->name,
			insns8[k]);
	fprintf(f, "}\n}\n");
	fclose(f);
	return 0;
}
