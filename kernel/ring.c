// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the speculative-enqueue ring (see ring.h for the design and why
 * it is correct).
 *
 * Built into the module and, unchanged, into userspace test and benchmark
 * programs, which provide the kernel primitives it uses.
 */

#ifdef __KERNEL__
#include <linux/bug.h>
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/processor.h>
#include <linux/slab.h>
#include <linux/string.h>
#endif

#include "ring.h"

#define NVIRT_RING_FREE(t)	((long)((t) << 2))
#define NVIRT_RING_BUSY		1
#define NVIRT_RING_DONE		2
/* How long the consumer waits for a slow producer before passing it. */
#define NVIRT_RING_SPIN		128
/* Producers whose credits one drain returns at once. */
#define NVIRT_RING_CREDITORS	8

static unsigned long nvirt_ring_size(const struct nvirt_ring *r)
{
	return r->mask + 1;
}

/**
 * nvirt_ring_init() - set up an empty ring
 * @r: the ring
 * @order: log2 of its slots, 1 to 20
 *
 * Return: 0, -EINVAL for a bad @order, or -ENOMEM.
 */
int nvirt_ring_init(struct nvirt_ring *r, unsigned int order)
{
	unsigned long i, n;

	/* Tickets, and the cycles in a slot's word, must not wrap. */
	BUILD_BUG_ON(sizeof(long) < 8);
	BUILD_BUG_ON(sizeof(struct nvirt_ring_slot) != 16);
	if (order < 1 || order > 20)
		return -EINVAL;
	n = 1UL << order;
	r->slot = kvcalloc(n, sizeof(*r->slot), GFP_KERNEL);
	if (!r->slot)
		return -ENOMEM;
	r->note = kvcalloc(n, sizeof(*r->note), GFP_KERNEL);
	if (!r->note) {
		kvfree(r->slot);
		r->slot = NULL;
		return -ENOMEM;
	}
	r->mask = n - 1;
	r->order = order;
	r->burst = n < NVIRT_RING_BURST ? n : NVIRT_RING_BURST;
	for (i = 0; i < n; i++) {
		atomic_long_set(&r->slot[i].seq, NVIRT_RING_FREE(i));
		/* A note for no ticket this slot will see soon. */
		r->note[i].gone = (u32)(i - n);
	}
	atomic_long_set(&r->tail, 0);
	r->head = 0;
	return 0;
}

/**
 * nvirt_ring_fini() - free a ring
 * @r: the ring, with no producer posting and no consumer draining
 */
void nvirt_ring_fini(struct nvirt_ring *r)
{
	kvfree(r->note);
	kvfree(r->slot);
	r->note = NULL;
	r->slot = NULL;
}

/**
 * nvirt_ring_producer_init() - set up a producer of a ring
 * @r: the ring
 * @p: the producer
 * @credits: the most entries @p may have in the ring, at least 1
 */
void nvirt_ring_producer_init(struct nvirt_ring *r, struct nvirt_ring_prod *p,
			      unsigned long credits)
{
	memset(p, 0, sizeof(*p));
	p->credits = max(credits, 1UL);
	p->limit = p->credits;
	p->resume = READ_ONCE(r->head);
}

/*
 * After a rejection, a retry is only worth it once the consumer has passed
 * most of the tickets taken so far (rejected ones included), so that the
 * retry's ticket finds its slot free.
 */
static void nvirt_ring_backoff(struct nvirt_ring *r, struct nvirt_ring_prod *p)
{
	p->resume = atomic_long_read(&r->tail) - (nvirt_ring_size(r) >> 1);
}

/*
 * Tickets [t, t + k) could not be used: a note on each tells the consumer
 * not to wait for them.
 */
static void nvirt_ring_abandon(struct nvirt_ring *r, struct nvirt_ring_prod *p,
			       unsigned long t, unsigned int k)
{
	unsigned int i;

	for (i = 0; i < k; i++)
		WRITE_ONCE(r->note[(t + i) & r->mask].gone, (u32)(t + i));
	nvirt_ring_backoff(r, p);
}

/*
 * The slow half of a burst whose last slot is not free yet: how many of
 * tickets [t, t + k) have their slots free, the head (taken) included.
 */
static noinline unsigned int nvirt_ring_room(const struct nvirt_ring *r,
					     unsigned long t, unsigned int k)
{
	unsigned int j;

	for (j = 1; j < k - 1; j++)
		if (atomic_long_read_acquire(&r->slot[(t + j) & r->mask].seq) !=
		    NVIRT_RING_FREE(t + j))
			break;
	return j;
}

/* Writes @n entries into the slots from @s on, which do not wrap. */
static void nvirt_ring_fill(struct nvirt_ring_slot *s, void **src,
			    unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		s[i].entry = src[i];
}

/*
 * Publishes up to @k entries from @src as one burst: one
 * fetch-and-add, one compare-and-swap. Returns how many were published;
 * the rest were rejected and must be posted again.
 */
static unsigned int nvirt_ring_publish(struct nvirt_ring *r,
				       struct nvirt_ring_prod *p, void **src,
				       unsigned int k)
{
	struct nvirt_ring_slot *slot = r->slot;
	unsigned long mask = r->mask, t, last;
	struct nvirt_ring_note *note;
	unsigned int j, a;
	long free;

	t = atomic_long_fetch_add(k, &r->tail);
	free = NVIRT_RING_FREE(t);
	if (unlikely(!atomic_long_try_cmpxchg(&slot[t & mask].seq, &free,
					      free + NVIRT_RING_BUSY))) {
		nvirt_ring_abandon(r, p, t, k);
		p->retries += k;
		return 0;
	}
	/*
	 * The consumer waits at the BUSY head, and frees slots in ticket
	 * order: when the last slot is free for its ticket, all are, and
	 * they are ours alone.
	 */
	last = t + k - 1;
	j = k;
	if (k > 1 && atomic_long_read_acquire(&slot[last & mask].seq) !=
		     NVIRT_RING_FREE(last)) {
		j = nvirt_ring_room(r, t, k);
		p->retries += k - j;
		nvirt_ring_backoff(r, p);
	}
	a = mask + 1 - (t & mask);
	if (likely(j <= a)) {
		nvirt_ring_fill(&slot[t & mask], src, j);
	} else {
		nvirt_ring_fill(&slot[t & mask], src, a);
		nvirt_ring_fill(slot, src + a, j - a);
	}
	note = &r->note[t & mask];
	note->prod = p;
	note->n = j;
	note->span = k;
	atomic_long_set_release(&slot[t & mask].seq, free + NVIRT_RING_DONE);
	return j;
}

/* How many entries @p may publish now, after looking at its credits. */
static unsigned long nvirt_ring_credit(struct nvirt_ring_prod *p)
{
	if (p->posted == p->limit)
		p->limit = READ_ONCE(p->done) + p->credits;
	return p->limit - p->posted;
}

/**
 * nvirt_ring_can_resume() - whether a stopped producer should flush now
 * @r: the ring
 * @p: the producer
 *
 * Return: true once the consumer has passed the point @p waits for and
 * @p has a credit.
 */
bool nvirt_ring_can_resume(const struct nvirt_ring *r,
			   const struct nvirt_ring_prod *p)
{
	return (long)(READ_ONCE(r->head) - p->resume) >= 0 &&
	       (p->posted != p->limit ||
		READ_ONCE(p->done) + p->credits != p->posted);
}

/**
 * nvirt_ring_flush() - post the staged entries again, in order
 * @r: the ring
 * @p: the producer
 *
 * Return: NVIRT_RING_OK when staging is empty, NVIRT_RING_RETRY when
 * entries are still held back (the ring is full, or @p out of credits).
 */
int nvirt_ring_flush(struct nvirt_ring *r, struct nvirt_ring_prod *p)
{
	unsigned int k, j, smask = NVIRT_RING_STAGE - 1;
	unsigned long avail;

	if (!p->nstaged)
		return NVIRT_RING_OK;
	if ((long)(READ_ONCE(r->head) - p->resume) < 0)
		return NVIRT_RING_RETRY;
	while (p->nstaged) {
		avail = nvirt_ring_credit(p);
		if (!avail) {
			p->throttled++;
			return NVIRT_RING_RETRY;
		}
		/* Up to where staging wraps; the rest in the next round. */
		k = min(p->nstaged, NVIRT_RING_STAGE - p->shead);
		k = min(k, r->burst);
		if (k > avail)
			k = avail;
		j = nvirt_ring_publish(r, p, &p->stage[p->shead], k);
		p->shead = (p->shead + j) & smask;
		p->nstaged -= j;
		p->posted += j;
		if (j < k)
			return NVIRT_RING_RETRY;
	}
	return NVIRT_RING_OK;
}

/* Keeps entries[0..n) back, after what is staged already. */
static void nvirt_ring_stage(struct nvirt_ring_prod *p, void **entries,
			     unsigned int n)
{
	unsigned int i, at = p->shead + p->nstaged;

	for (i = 0; i < n; i++)
		p->stage[(at + i) & (NVIRT_RING_STAGE - 1)] = entries[i];
	p->nstaged += n;
}

/**
 * nvirt_ring_post_burst() - post entries in order
 * @r: the ring
 * @p: the producer, which may only be used by one thread at a time
 * @entries: the entries
 * @n: how many, at most NVIRT_RING_STAGE
 *
 * Either takes all of @entries or none: those the ring rejects stay in
 * @p's staging, behind any staged before, for nvirt_ring_flush().
 *
 * Return: NVIRT_RING_OK when all were published, NVIRT_RING_RETRY when
 * some (or earlier ones) are held back in staging, NVIRT_RING_FULL when
 * staging has no room for @n entries (none was taken).
 */
int nvirt_ring_post_burst(struct nvirt_ring *r, struct nvirt_ring_prod *p,
			  void **entries, unsigned int n)
{
	unsigned int k, j = 0;
	unsigned long avail;

	if (unlikely(n > NVIRT_RING_STAGE - p->nstaged))
		return NVIRT_RING_FULL;
	if (!p->nstaged) {
		avail = nvirt_ring_credit(p);
		k = min(n, r->burst);
		if (k > avail)
			k = avail;
		if (k) {
			j = nvirt_ring_publish(r, p, entries, k);
			p->posted += j;
			if (j == n)
				return NVIRT_RING_OK;
			if (j < k) {
				nvirt_ring_stage(p, entries + j, n - j);
				return NVIRT_RING_RETRY;
			}
		}
	}
	nvirt_ring_stage(p, entries + j, n - j);
	return nvirt_ring_flush(r, p);
}

/* Behind staged entries, or out of credits: the general path. */
static noinline int nvirt_ring_post_slow(struct nvirt_ring *r,
					 struct nvirt_ring_prod *p, void *entry)
{
	return nvirt_ring_post_burst(r, p, &entry, 1);
}

/* Ticket t could not be used: give it up, keep @entry for a retry. */
static noinline int nvirt_ring_post_fail(struct nvirt_ring *r,
					 struct nvirt_ring_prod *p, void *entry,
					 unsigned long t)
{
	nvirt_ring_abandon(r, p, t, 1);
	p->retries++;
	nvirt_ring_stage(p, &entry, 1);
	return NVIRT_RING_RETRY;
}

/**
 * nvirt_ring_post() - post one entry
 * @r: the ring
 * @p: the producer, which may only be used by one thread at a time
 * @entry: the entry
 *
 * The fast path: one fetch-and-add, one compare-and-swap, no lock.
 *
 * Return: NVIRT_RING_OK when published, NVIRT_RING_RETRY when it is kept
 * in staging (flush when nvirt_ring_can_resume()), NVIRT_RING_FULL when
 * staging is full (@entry was not taken).
 */
int nvirt_ring_post(struct nvirt_ring *r, struct nvirt_ring_prod *p,
		    void *entry)
{
	struct nvirt_ring_note *note;
	struct nvirt_ring_slot *s;
	unsigned long t;
	long free;

	if (unlikely(p->nstaged || p->posted == p->limit))
		return nvirt_ring_post_slow(r, p, entry);
	t = atomic_long_fetch_add(1, &r->tail);
	s = &r->slot[t & r->mask];
	free = NVIRT_RING_FREE(t);
	if (unlikely(!atomic_long_try_cmpxchg(&s->seq, &free,
					      free + NVIRT_RING_BUSY)))
		return nvirt_ring_post_fail(r, p, entry, t);
	s->entry = entry;
	note = &r->note[t & r->mask];
	note->prod = p;
	note->n = 1;
	note->span = 1;
	atomic_long_set_release(&s->seq, free + NVIRT_RING_DONE);
	p->posted++;
	return NVIRT_RING_OK;
}

enum {
	NVIRT_RING_AGAIN,	/* the slot changed: look again */
	NVIRT_RING_PASSED,	/* the consumer burnt the ticket */
	NVIRT_RING_STOP,	/* empty, or a producer is mid-publish */
};

/* Ticket h's slot is FREE(h) or BUSY(h): wait a little, then burn a hole. */
static int nvirt_ring_settle(struct nvirt_ring *r, unsigned long h)
{
	struct nvirt_ring_slot *s = &r->slot[h & r->mask];
	long seq, free = NVIRT_RING_FREE(h);
	unsigned int spin;

	for (spin = 0; spin < NVIRT_RING_SPIN; spin++) {
		seq = atomic_long_read_acquire(&s->seq);
		if (seq == free + NVIRT_RING_BUSY) {
			cpu_relax();
			continue;
		}
		if (seq != free)
			return NVIRT_RING_AGAIN;
		/* Nobody took ticket h: empty. */
		if ((long)(atomic_long_read(&r->tail) - h) <= 0)
			return NVIRT_RING_STOP;
		if (READ_ONCE(r->note[h & r->mask].gone) == (u32)h)
			break;
		cpu_relax();
	}
	if (seq != free)
		return NVIRT_RING_STOP;
	if (atomic_long_try_cmpxchg(&s->seq, &free,
				    NVIRT_RING_FREE(h + nvirt_ring_size(r))))
		return NVIRT_RING_PASSED;
	return NVIRT_RING_AGAIN;
}

struct nvirt_ring_creditor {
	struct nvirt_ring_prod *p;
	unsigned long n;
};

static void nvirt_ring_return(struct nvirt_ring_prod *p, unsigned long n)
{
	WRITE_ONCE(p->done, READ_ONCE(p->done) + n);
}

/* Reads @n entries from the slots from @s on, which do not wrap. */
static void nvirt_ring_copy(void **out, const struct nvirt_ring_slot *s,
			    unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		out[i] = s[i].entry;
}

/* Frees the slots of tickets [from, to), in order, for the next cycle. */
static void nvirt_ring_free(struct nvirt_ring *r, unsigned long from,
			    unsigned long to)
{
	unsigned long n = nvirt_ring_size(r), run;
	struct nvirt_ring_slot *s;
	long free;

	while (from != to) {
		s = &r->slot[from & r->mask];
		run = min(to - from, n - (from & r->mask));
		free = NVIRT_RING_FREE(from + n);
		from += run;
		for (; run; run--, s++, free += NVIRT_RING_FREE(1))
			atomic_long_set_release(&s->seq, free);
	}
}

/**
 * nvirt_ring_drain() - take published entries, in ticket order
 * @r: the ring
 * @entries: where to put them
 * @max: room in @entries, at least NVIRT_RING_BURST
 *
 * Only one thread may drain. Passes at most one ring's worth of tickets,
 * then frees their slots and returns the producers' credits at once.
 *
 * Return: the entries taken.
 */
unsigned int nvirt_ring_drain(struct nvirt_ring *r, void **entries,
			      unsigned int max)
{
	unsigned long h = r->head, end = h + nvirt_ring_size(r);
	struct nvirt_ring_creditor cr[NVIRT_RING_CREDITORS];
	unsigned int got = 0, ncr = 0, i, n, span, a;
	unsigned long mask = r->mask, freed = h;
	struct nvirt_ring_slot *slot = r->slot;
	struct nvirt_ring_note *note;
	struct nvirt_ring_prod *p;
	long seq;
	int res;

	if (WARN_ON_ONCE(max < r->burst))
		return 0;
	while (h != end) {
		seq = atomic_long_read_acquire(&slot[h & mask].seq);
		if (likely(seq == NVIRT_RING_FREE(h) + NVIRT_RING_DONE)) {
			note = &r->note[h & mask];
			n = note->n;
			span = note->span;
			if (got + n > max || span > end - h)
				break;
			p = note->prod;
			a = mask + 1 - (h & mask);
			if (n == 1) {
				entries[got] = slot[h & mask].entry;
			} else if (likely(n <= a)) {
				nvirt_ring_copy(entries + got, &slot[h & mask], n);
			} else {
				nvirt_ring_copy(entries + got, &slot[h & mask], a);
				nvirt_ring_copy(entries + got + a, slot, n - a);
			}
			got += n;
			h += span;
			/* Mostly the producer of the burst before. */
			if (ncr && cr[ncr - 1].p == p) {
				cr[ncr - 1].n += n;
				continue;
			}
			for (i = 0; i < ncr && cr[i].p != p; i++)
				;
			if (i == NVIRT_RING_CREDITORS) {
				i--;
				nvirt_ring_return(cr[i].p, cr[i].n);
				cr[i].n = 0;
			} else if (i == ncr) {
				cr[i].n = 0;
				ncr++;
			}
			cr[i].p = p;
			cr[i].n += n;
			continue;
		}
		if (WARN_ON_ONCE(seq != NVIRT_RING_FREE(h) &&
				 seq != NVIRT_RING_FREE(h) + NVIRT_RING_BUSY))
			break;
		/* Slots are freed in ticket order: those passed before a burn. */
		nvirt_ring_free(r, freed, h);
		freed = h;
		res = nvirt_ring_settle(r, h);
		if (res == NVIRT_RING_STOP)
			break;
		if (res == NVIRT_RING_PASSED)
			freed = ++h;
	}
	nvirt_ring_free(r, freed, h);
	WRITE_ONCE(r->head, h);
	for (i = 0; i < ncr; i++)
		nvirt_ring_return(cr[i].p, cr[i].n);
	return got;
}
