// SPDX-License-Identifier: GPL-2.0
/*
 * Stress test of the speculative-enqueue ring (kernel/ring.c, built
 * unchanged with nvirt_ring_compat.h), on the host.
 *
 * Producers post sequence-numbered entries tagged with their id, singly or
 * in bursts; one consumer drains them and checks that nothing is lost,
 * nothing duplicated, and each producer's entries arrive in order. Cases
 * vary the producers, the burst, the ring's size (8 slots: full all the
 * time), the credits, and pinning (3 producers on 2 CPUs, so they preempt
 * each other mid-post).
 *
 * NVIRT_RING_SCALE=x multiplies the operations (default 1: about 10^9
 * entries in all, most of them in bursts; the ThreadSanitizer build
 * defaults to 1/100 of that).
 */

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "nvirt_ring_compat.h"
#include "nvirt_ring_thread.h"
#include "../kernel/ring.h"
#include "kselftest_harness.h"

#define MAXP	4
#define BATCH	64

#ifdef NVIRT_RING_TSAN
#define SCALE_DEFAULT	0.01
#else
#define SCALE_DEFAULT	1.0
#endif

struct stress;

struct producer {
	struct nvirt_ring_prod prod;
	struct stress *st;
	pthread_t thread;
	unsigned long ops;
	unsigned long bad_credits;
	unsigned long full;
	unsigned int id;
	int cpu;
};

struct stress {
	struct nvirt_ring ring;
	struct producer p[MAXP];
	unsigned int nprod;
	unsigned int burst;
	unsigned long credits;
	bool eager;
	atomic_int go;
	atomic_int finished;
};

static void *entry_of(unsigned int id, unsigned long seq)
{
	return (void *)(uintptr_t)(((seq + 1) << 4) | id);
}

/* Waits for space, then re-posts what staging holds, in order. */
static void resume(struct stress *st, struct producer *pr)
{
	struct nvirt_ring_prod *p = &pr->prod;
	unsigned long h0;
	unsigned int spins;

	while (nvirt_ring_flush(&st->ring, p) != NVIRT_RING_OK) {
		h0 = READ_ONCE(st->ring.head);
		for (spins = 0; !nvirt_ring_can_resume(&st->ring, p);) {
			backoff(&spins);
			/*
			 * Eager: ignore the ring's advice and retry into a ring
			 * that is still full, so that rejections, holes and
			 * burns happen all the time; but only once the consumer
			 * has passed twice as many tickets as all producers may
			 * take in a round, so that the tail cannot run away.
			 */
			if (st->eager && READ_ONCE(st->ring.head) - h0 >=
					 2 * st->nprod * st->ring.burst) {
				p->resume = READ_ONCE(st->ring.head);
				break;
			}
		}
	}
}

static void *produce(void *arg)
{
	struct producer *pr = arg;
	struct stress *st = pr->st;
	struct nvirt_ring_prod *p = &pr->prod;
	void *e[NVIRT_RING_BURST];
	unsigned long seq = 0;
	unsigned int i, k;
	int rc;

	pin(pr->cpu);
	while (!atomic_load(&st->go))
		cpu_relax();
	while (seq < pr->ops) {
		k = st->burst;
		if (k > pr->ops - seq)
			k = pr->ops - seq;
		for (i = 0; i < k; i++)
			e[i] = entry_of(pr->id, seq + i);
		for (;;) {
			if (k == 1)
				rc = nvirt_ring_post(&st->ring, p, e[0]);
			else
				rc = nvirt_ring_post_burst(&st->ring, p, e, k);
			if (rc != NVIRT_RING_FULL)
				break;
			/* Staging is full: what a VIF would stop for. */
			pr->full++;
			resume(st, pr);
		}
		seq += k;
		/* Stopped: flush once space returned, else keep staging. */
		if (rc == NVIRT_RING_RETRY &&
		    nvirt_ring_can_resume(&st->ring, p))
			nvirt_ring_flush(&st->ring, p);
		if (p->posted - READ_ONCE(p->done) > p->credits)
			pr->bad_credits++;
	}
	resume(st, pr);
	atomic_fetch_add(&st->finished, 1);
	return NULL;
}

struct consumer {
	unsigned long next[MAXP];
	unsigned long lost, dup, alien, got;
};

static void check(struct consumer *c, void *entry, unsigned int nprod)
{
	uintptr_t v = (uintptr_t)entry;
	unsigned int id = v & 15;
	unsigned long seq;

	if (!(v >> 4) || id >= nprod) {
		c->alien++;
		return;
	}
	seq = (v >> 4) - 1;
	if (seq > c->next[id])
		c->lost += seq - c->next[id];
	else if (seq < c->next[id])
		c->dup++;
	if (seq >= c->next[id])
		c->next[id] = seq + 1;
	c->got++;
}

static void consume(struct stress *st, struct consumer *c)
{
	unsigned int i, n, spins = 0;
	void *buf[BATCH];
	unsigned long h;

	for (;;) {
		h = st->ring.head;
		n = nvirt_ring_drain(&st->ring, buf, BATCH);
		for (i = 0; i < n; i++)
			check(c, buf[i], st->nprod);
		/* Passing holes is progress too. */
		if (n || st->ring.head != h) {
			spins = 0;
			continue;
		}
		if (atomic_load(&st->finished) == (int)st->nprod &&
		    st->ring.head == (unsigned long)atomic_long_read(&st->ring.tail))
			break;
		backoff(&spins);
	}
}

FIXTURE(ring) {
	struct stress *st;
	double scale;
};

FIXTURE_VARIANT(ring) {
	const char *name;
	unsigned int nprod;
	unsigned int burst;
	unsigned int order;
	unsigned long credits;
	/* Retry before the ring says so. */
	bool eager;
	/* Millions of entries per producer, at scale 1. */
	unsigned long mops;
	/* CPU of each producer, then the consumer's; -1 for any. */
	int cpu[MAXP + 1];
};

#define ANY	{ -1, -1, -1, -1, -1 }

FIXTURE_VARIANT_ADD(ring, p1_single) {
	.name = "p1_single",
	.nprod = 1, .burst = 1, .order = 10, .credits = 512, .mops = 40,
	.cpu = { 1, -1, -1, -1, 0 },
};

FIXTURE_VARIANT_ADD(ring, p2_single) {
	.name = "p2_single",
	.nprod = 2, .burst = 1, .order = 10, .credits = 512, .mops = 20,
	.cpu = ANY,
};

FIXTURE_VARIANT_ADD(ring, p3_single) {
	.name = "p3_single",
	.nprod = 3, .burst = 1, .order = 10, .credits = 340, .mops = 15,
	.cpu = ANY,
};

FIXTURE_VARIANT_ADD(ring, p1_burst8) {
	.name = "p1_burst8",
	.nprod = 1, .burst = 8, .order = 10, .credits = 512, .mops = 300,
	.cpu = { 1, -1, -1, -1, 0 },
};

FIXTURE_VARIANT_ADD(ring, p2_burst8) {
	.name = "p2_burst8",
	.nprod = 2, .burst = 8, .order = 10, .credits = 512, .mops = 150,
	.cpu = ANY,
};

FIXTURE_VARIANT_ADD(ring, p3_burst8) {
	.name = "p3_burst8",
	.nprod = 3, .burst = 8, .order = 10, .credits = 340, .mops = 100,
	.cpu = ANY,
};

/* 3 producers on 2 CPUs: they preempt each other between claim and publish. */
FIXTURE_VARIANT_ADD(ring, p3_on_2cpus_single) {
	.name = "p3_on_2cpus_single",
	.nprod = 3, .burst = 1, .order = 10, .credits = 340, .mops = 10,
	.cpu = { 0, 1, 0, -1, 1 },
};

FIXTURE_VARIANT_ADD(ring, p3_on_2cpus_burst8) {
	.name = "p3_on_2cpus_burst8",
	.nprod = 3, .burst = 8, .order = 10, .credits = 340, .mops = 40,
	.cpu = { 0, 1, 0, -1, 1 },
};

/*
 * 8 slots and credits beyond them: full and retrying all the time; bursts
 * as long as the ring.
 */
FIXTURE_VARIANT_ADD(ring, tiny_p3_single) {
	.name = "tiny_p3_single",
	.nprod = 3, .burst = 1, .order = 3, .credits = 64, .eager = true, .mops = 4,
	.cpu = ANY,
};

FIXTURE_VARIANT_ADD(ring, tiny_p3_burst8) {
	.name = "tiny_p3_burst8",
	.nprod = 3, .burst = 8, .order = 3, .credits = 64, .eager = true, .mops = 5,
	.cpu = ANY,
};

/* Credits far below the ring's size: each producer is capped at 3. */
FIXTURE_VARIANT_ADD(ring, credits_p2_burst4) {
	.name = "credits_p2_burst4",
	.nprod = 2, .burst = 4, .order = 10, .credits = 3, .mops = 3,
	.cpu = ANY,
};

FIXTURE_SETUP(ring)
{
	const char *env = getenv("NVIRT_RING_SCALE");

	self->scale = env ? atof(env) : SCALE_DEFAULT;
	self->st = aligned_alloc(64, sizeof(*self->st));
	ASSERT_NE(NULL, self->st);
	memset(self->st, 0, sizeof(*self->st));
	ASSERT_EQ(0, nvirt_ring_init(&self->st->ring, variant->order));
}

FIXTURE_TEARDOWN(ring)
{
	nvirt_ring_fini(&self->st->ring);
	free(self->st);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

TEST_F_TIMEOUT(ring, stress, 180)
{
	unsigned long ops, total = 0, retries = 0, throttled = 0, full = 0;
	struct stress *st = self->st;
	struct consumer c = {};
	unsigned int i;
	double t0, t;

	ops = variant->mops * 1e6 * self->scale;
	if (ops < 1000)
		ops = 1000;
	st->nprod = variant->nprod;
	st->burst = variant->burst;
	st->eager = variant->eager;
	for (i = 0; i < st->nprod; i++) {
		struct producer *pr = &st->p[i];

		nvirt_ring_producer_init(&st->ring, &pr->prod, variant->credits);
		pr->st = st;
		pr->id = i;
		pr->ops = ops;
		pr->cpu = variant->cpu[i];
		ASSERT_EQ(0, pthread_create(&pr->thread, NULL, produce, pr));
	}
	pin(variant->cpu[MAXP]);
	t0 = now();
	atomic_store(&st->go, 1);
	consume(st, &c);
	t = now() - t0;
	for (i = 0; i < st->nprod; i++) {
		struct producer *pr = &st->p[i];

		pthread_join(pr->thread, NULL);
		EXPECT_EQ(ops, pr->prod.posted);
		EXPECT_EQ(ops, pr->prod.done);
		EXPECT_EQ(0UL, pr->prod.drops);
		EXPECT_EQ(0U, pr->prod.nstaged);
		EXPECT_EQ(0UL, pr->bad_credits);
		EXPECT_EQ(ops, c.next[i]);
		total += pr->prod.posted;
		retries += pr->prod.retries;
		throttled += pr->prod.throttled;
		full += pr->full;
	}
	EXPECT_EQ(0UL, c.lost);
	EXPECT_EQ(0UL, c.dup);
	EXPECT_EQ(0UL, c.alien);
	EXPECT_EQ(total, c.got);
	ksft_print_msg("stress %s entries=%lu secs=%.2f mops=%.1f retries=%lu\n",
		       variant->name, c.got, t, c.got / t / 1e6, retries);
	ksft_print_msg("  held back by credits %lu times, staging full %lu\n",
		       throttled, full);
}

TEST_HARNESS_MAIN
