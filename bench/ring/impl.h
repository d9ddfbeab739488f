/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The queues the ring benchmark compares, behind one interface: producers
 * post one or a burst of entries (retrying until all are taken, the way a
 * TX path with a stopped queue eventually does), one consumer drains.
 */

#ifndef _BENCH_RING_IMPL_H
#define _BENCH_RING_IMPL_H

#include <stdbool.h>

#define BENCH_SLOTS	1024
#define BENCH_MAXP	4
#define BENCH_BATCH	32

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct bench_impl {
	const char *name;
	/* Set up for @nprod producers; returns the queue. */
	void *(*create)(unsigned int nprod);
	void (*destroy)(void *q);
	/*
	 * One attempt to post e[0..n) from producer @id: returns true when
	 * all were taken (or are kept for a retry the impl makes itself on
	 * the next call), false when the caller must call again.
	 */
	bool (*post)(void *q, unsigned int id, void **e, unsigned int n);
	/* Takes up to @max entries into @out. */
	unsigned int (*drain)(void *q, void **out, unsigned int max);
	/* Per-impl counters worth printing: retries, say. */
	unsigned long (*retries)(void *q);
};

extern const struct bench_impl bench_nvirt, bench_spin, bench_rte,
	bench_ck, bench_wfcq;

#endif /* _BENCH_RING_IMPL_H */
