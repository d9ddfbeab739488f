// SPDX-License-Identifier: GPL-2.0
/*
 * The five queues of the ring benchmark: nvirt's ring (kernel/ring.c, the
 * module's own source), a ring under a pthread spinlock, DPDK's rte_ring
 * (multi-producer, single-consumer, on our own memory: no EAL), ck_ring
 * in its MPSC mode and liburcu's wait-free concurrent queue.
 */

#define _LGPL_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <ck_ring.h>
#include <rte_ring.h>
#include <urcu/wfcqueue.h>

#include "nvirt_ring_compat.h"
#include "ring.h"
#include "impl.h"

static void *zalloc(size_t size)
{
	void *p = aligned_alloc(64, (size + 63) & ~63UL);

	if (!p)
		abort();
	memset(p, 0, size);
	return p;
}

/* nvirt: a RETRY keeps the entries staged; later calls flush them. */

struct nv {
	struct nvirt_ring ring;
	struct nvirt_ring_prod prod[BENCH_MAXP];
};

static void *nv_create(unsigned int nprod)
{
	struct nv *q = zalloc(sizeof(*q));
	unsigned int i;

	if (nvirt_ring_init(&q->ring, __builtin_ctz(BENCH_SLOTS)))
		abort();
	for (i = 0; i < nprod; i++)
		nvirt_ring_producer_init(&q->ring, &q->prod[i], BENCH_SLOTS);
	return q;
}

static void nv_destroy(void *arg)
{
	struct nv *q = arg;

	nvirt_ring_fini(&q->ring);
	free(q);
}

static bool nv_post(void *arg, unsigned int id, void **e, unsigned int n)
{
	struct nv *q = arg;
	struct nvirt_ring_prod *p = &q->prod[id];

	if (nvirt_ring_stopped(p))
		return nvirt_ring_can_resume(&q->ring, p) &&
		       nvirt_ring_flush(&q->ring, p) == NVIRT_RING_OK;
	if (n == 1)
		return nvirt_ring_post(&q->ring, p, e[0]) == NVIRT_RING_OK;
	return nvirt_ring_post_burst(&q->ring, p, e, n) == NVIRT_RING_OK;
}

static unsigned int nv_drain(void *arg, void **out, unsigned int max)
{
	struct nv *q = arg;

	return nvirt_ring_drain(&q->ring, out, max);
}

static unsigned long nv_retries(void *arg)
{
	struct nv *q = arg;
	unsigned long r = 0;
	unsigned int i;

	for (i = 0; i < BENCH_MAXP; i++)
		r += q->prod[i].retries;
	return r;
}

const struct bench_impl bench_nvirt = {
	.name = "nvirt", .create = nv_create, .destroy = nv_destroy,
	.post = nv_post, .drain = nv_drain, .retries = nv_retries,
};

/* A plain ring under a pthread spinlock. */

struct spin {
	pthread_spinlock_t lock;
	unsigned long head, tail;
	void *slot[BENCH_SLOTS] __aligned(64);
};

static void *spin_create(unsigned int nprod)
{
	struct spin *q = zalloc(sizeof(*q));

	pthread_spin_init(&q->lock, PTHREAD_PROCESS_PRIVATE);
	return q;
}

static void spin_destroy(void *q)
{
	free(q);
}

static bool spin_post(void *arg, unsigned int id, void **e, unsigned int n)
{
	struct spin *q = arg;
	unsigned int i;

	pthread_spin_lock(&q->lock);
	if (q->tail + n - q->head > BENCH_SLOTS) {
		pthread_spin_unlock(&q->lock);
		return false;
	}
	for (i = 0; i < n; i++)
		q->slot[(q->tail + i) & (BENCH_SLOTS - 1)] = e[i];
	q->tail += n;
	pthread_spin_unlock(&q->lock);
	return true;
}

static unsigned int spin_drain(void *arg, void **out, unsigned int max)
{
	struct spin *q = arg;
	unsigned int i, n;

	pthread_spin_lock(&q->lock);
	n = min(max, (unsigned int)(q->tail - q->head));
	for (i = 0; i < n; i++)
		out[i] = q->slot[(q->head + i) & (BENCH_SLOTS - 1)];
	q->head += n;
	pthread_spin_unlock(&q->lock);
	return n;
}

static unsigned long no_retries(void *q)
{
	return 0;
}

const struct bench_impl bench_spin = {
	.name = "spinlock", .create = spin_create, .destroy = spin_destroy,
	.post = spin_post, .drain = spin_drain, .retries = no_retries,
};

/* DPDK rte_ring, MP enqueue (bulk: all or nothing), SC dequeue. */

static void *rte_create(unsigned int nprod)
{
	/* Exactly BENCH_SLOTS usable: rte_ring rounds up to 2x inside. */
	ssize_t size = rte_ring_get_memsize(2 * BENCH_SLOTS);
	struct rte_ring *r;

	if (size < 0)
		abort();
	r = zalloc(size);
	if (rte_ring_init(r, "bench", BENCH_SLOTS,
			  RING_F_SC_DEQ | RING_F_EXACT_SZ))
		abort();
	return r;
}

static bool rte_post(void *q, unsigned int id, void **e, unsigned int n)
{
	return rte_ring_mp_enqueue_bulk(q, e, n, NULL) == n;
}

static unsigned int rte_drain(void *q, void **out, unsigned int max)
{
	return rte_ring_sc_dequeue_burst(q, out, max, NULL);
}

const struct bench_impl bench_rte = {
	.name = "rte_ring", .create = rte_create, .destroy = spin_destroy,
	.post = rte_post, .drain = rte_drain, .retries = no_retries,
};

/* ck_ring MPSC; it has no burst enqueue: a burst is n enqueues. */

struct ck {
	struct ck_ring ring;
	struct {
		unsigned int done;
	} prod[BENCH_MAXP];
	ck_ring_buffer_t buf[BENCH_SLOTS];
};

static void *ck_create(unsigned int nprod)
{
	struct ck *q = zalloc(sizeof(*q));

	ck_ring_init(&q->ring, BENCH_SLOTS);
	return q;
}

/* A burst interrupted by a full ring resumes where it stopped. */
static bool ck_post(void *arg, unsigned int id, void **e, unsigned int n)
{
	struct ck *q = arg;

	while (q->prod[id].done < n) {
		if (!ck_ring_enqueue_mpsc(&q->ring, q->buf,
					  e[q->prod[id].done]))
			return false;
		q->prod[id].done++;
	}
	q->prod[id].done = 0;
	return true;
}

static unsigned int ck_drain(void *arg, void **out, unsigned int max)
{
	struct ck *q = arg;
	unsigned int n;

	for (n = 0; n < max; n++)
		if (!ck_ring_dequeue_mpsc(&q->ring, q->buf, &out[n]))
			break;
	return n;
}

const struct bench_impl bench_ck = {
	.name = "ck_ring", .create = ck_create, .destroy = spin_destroy,
	.post = ck_post, .drain = ck_drain, .retries = no_retries,
};

/*
 * liburcu wfcqueue: a linked list, so entries need nodes; each producer
 * cycles through its own pool, and may reuse a node once the consumer has
 * counted it done (a share of BENCH_SLOTS per producer, like the rings).
 */

struct wnode {
	struct cds_wfcq_node node;
	void *e;
	unsigned int id;
};

/* Aligned so that producers do not share a line. */
struct wprod {
	unsigned long posted;
	struct wnode *pool;
	char pad1[48];
	unsigned long done;
	char pad2[56];
};

struct wfcq {
	struct __cds_wfcq_head head;
	struct cds_wfcq_tail tail __aligned(64);
	struct wprod prod[BENCH_MAXP];
	unsigned int pool;
};

static void *wfcq_create(unsigned int nprod)
{
	struct wfcq *q = zalloc(sizeof(*q));
	unsigned int i;

	__cds_wfcq_init(&q->head, &q->tail);
	q->pool = BENCH_SLOTS;
	while (q->pool * nprod > BENCH_SLOTS)
		q->pool >>= 1;
	for (i = 0; i < nprod; i++)
		q->prod[i].pool = zalloc(q->pool * sizeof(struct wnode));
	return q;
}

static void wfcq_destroy(void *arg)
{
	struct wfcq *q = arg;
	unsigned int i;

	for (i = 0; i < BENCH_MAXP; i++)
		free(q->prod[i].pool);
	free(q);
}

static bool wfcq_post(void *arg, unsigned int id, void **e, unsigned int n)
{
	struct wfcq *q = arg;
	struct wnode *w;
	unsigned int i;

	if (q->prod[id].posted + n -
	    __atomic_load_n(&q->prod[id].done, __ATOMIC_ACQUIRE) > q->pool)
		return false;
	for (i = 0; i < n; i++) {
		w = &q->prod[id].pool[q->prod[id].posted++ & (q->pool - 1)];
		cds_wfcq_node_init(&w->node);
		w->e = e[i];
		w->id = id;
		cds_wfcq_enqueue(&q->head, &q->tail, &w->node);
	}
	return true;
}

static unsigned int wfcq_drain(void *arg, void **out, unsigned int max)
{
	unsigned long done[BENCH_MAXP] = {};
	struct wfcq *q = arg;
	struct cds_wfcq_node *node;
	struct wnode *w;
	unsigned int i, n;

	for (n = 0; n < max; n++) {
		node = __cds_wfcq_dequeue_blocking(&q->head, &q->tail);
		if (!node)
			break;
		w = caa_container_of(node, struct wnode, node);
		out[n] = w->e;
		done[w->id]++;
	}
	for (i = 0; i < BENCH_MAXP; i++)
		if (done[i])
			__atomic_store_n(&q->prod[i].done,
					 q->prod[i].done + done[i],
					 __ATOMIC_RELEASE);
	return n;
}

const struct bench_impl bench_wfcq = {
	.name = "wfcqueue", .create = wfcq_create, .destroy = wfcq_destroy,
	.post = wfcq_post, .drain = wfcq_drain, .retries = no_retries,
};
