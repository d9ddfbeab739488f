/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the speculative-enqueue ring, many producers (VIFs) and one
 * consumer (the hardware queue they share).
 *
 * A producer claims a ticket with one fetch-and-add on @tail, without a
 * lock and without looking for free space first, and then tries to take
 * the ticket's slot. Ticket t lives in slot t & mask; the slot's sequence
 * word says which ticket it serves and in which state:
 *
 *	FREE(t) = 4t		waiting for the entry of ticket t
 *	BUSY(t) = 4t + 1	ticket t's producer owns it and is writing
 *	FULL(t) = 4t + 2	ticket t's entry is published
 *
 * A slot's word only ever grows: FREE(t) -> BUSY(t) -> FULL(t) ->
 * FREE(t + N) when consumed, FREE(t) -> FREE(t + N) when ticket t is
 * passed inside a burst or given up ("burnt"). Tickets are 64-bit and
 * never wrap in practice (2^62 tickets), so a word never takes the same
 * value twice: a compare-and-swap expecting FREE(t) succeeds only while
 * the slot waits for ticket t. No ABA.
 *
 * Publishing is that compare-and-swap, FREE(t) -> BUSY(t); then the entry
 * is written and FULL(t) stored with release semantics. When it fails the
 * slot is either still in an earlier cycle (the ring is full) or already
 * past ticket t (the consumer burnt it): the producer gets RETRY and keeps
 * the entry in its own staging FIFO. It never gives the ticket back; the
 * ticket becomes a hole the consumer passes.
 *
 * Only the consumer frees slots, and in ticket order: at the end of a
 * batch it stores FREE(t + N) (release) in the slots of the tickets it
 * passed, oldest first, and before it burns a ticket (below) it frees
 * those of the tickets passed so far. So a slot that is FREE for its
 * ticket says every slot of an earlier ticket is free for its own too.
 *
 * A burst of k entries takes k tickets with one fetch-and-add of k. Only
 * the first slot (the head) is taken by compare-and-swap; once it is BUSY
 * the consumer cannot get past it, so the following slots that are FREE
 * for their tickets belong to the producer alone, and it fills them with
 * plain stores. One read of the last slot tells whether all are (above);
 * if not, it stops at the first slot still in an earlier cycle. The head's
 * note records how many entries were published (@n) and how many tickets
 * the burst spans (@span). The tickets after the first unusable one are
 * given up together with it, so nothing later in the burst is published
 * ahead of an entry that has to be retried.
 *
 * The single consumer passes tickets strictly in order. At ticket h the
 * slot is FREE(h), BUSY(h) or FULL(h) (ticket h - N was passed and freed):
 *  - FULL(h): it takes @n entries from slots h.., passes @span tickets;
 *  - BUSY(h): the producer is between its two stores; it waits a little,
 *    then ends the batch (it never passes a BUSY slot);
 *  - FREE(h) with @tail <= h: the ring is empty;
 *  - FREE(h) with @tail > h: a hole, or a producer slow between its
 *    fetch-and-add and its compare-and-swap. The consumer spins a bounded
 *    while, then burns the slot by compare-and-swap FREE(h) -> FREE(h + N).
 *    Exactly one of the two compare-and-swaps on FREE(h) wins: either the
 *    entry is published and consumed, or the ticket is passed and the late
 *    producer's publish fails, so it retries. A merely slow producer is
 *    never skipped without being told.
 *
 * A producer that gives tickets up leaves each in its slot's @gone note,
 * so the consumer burns them without spinning. The note is only a hint:
 * burning is always by compare-and-swap.
 *
 * A slot is 16 bytes, the word and the entry; what only a burst's head
 * or a hole needs (producer, counts, the note) sits in an array beside.
 * The consumer never passes more than N tickets in one batch, and returns
 * credits to producers once per batch.
 *
 * Per producer, order is kept because its tickets grow in the order it
 * posts, an entry is published under exactly one ticket, and a retry takes
 * new (larger) tickets only after everything before it was published.
 * There is no order across producers.
 *
 * Context: each producer is used by one thread at a time (a VIF posts
 * under its own TX lock, with BH disabled, so the BUSY window is two
 * stores long); only one thread drains.
 */

#ifndef _NVIRT_RING_H
#define _NVIRT_RING_H

#ifdef __KERNEL__
#include <linux/atomic.h>
#include <linux/cache.h>
#include <linux/types.h>
#endif

/* Entries a producer may keep back for a retry; a power of two. */
#define NVIRT_RING_STAGE	64
/* The longest burst, and the least a drain must make room for. */
#define NVIRT_RING_BURST	16

enum {
	NVIRT_RING_OK = 0,
	NVIRT_RING_RETRY = 1,	/* kept in staging: flush when space returns */
	NVIRT_RING_FULL = 2,	/* staging full: not taken */
};

struct nvirt_ring_prod;

/**
 * struct nvirt_ring_slot - one place in the ring
 * @seq: FREE, BUSY or FULL for a ticket, see above
 * @entry: the entry
 */
struct nvirt_ring_slot {
	atomic_long_t seq;
	void *entry;
};

/**
 * struct nvirt_ring_note - what the consumer learns at a slot, beside it
 * @prod: in the head of a burst, its producer
 * @gone: the low half of a ticket its producer gave up
 * @n: in the head of a burst, the entries published
 * @span: in the head of a burst, the tickets it took
 */
struct nvirt_ring_note {
	struct nvirt_ring_prod *prod;
	u32 gone;
	u16 n;
	u16 span;
};

/**
 * struct nvirt_ring - the shared ring
 * @slot: 1 << @order slots
 * @note: a note per slot
 * @mask: (1 << @order) - 1
 * @order: log2 of the slots
 * @burst: the longest burst, NVIRT_RING_BURST or the ring's size
 * @tail: the next ticket; producers take tickets from it
 * @head: the consumer's next ticket; only the consumer writes it
 */
struct nvirt_ring {
	struct nvirt_ring_slot *slot;
	struct nvirt_ring_note *note;
	unsigned long mask;
	unsigned int order;
	unsigned int burst;

	atomic_long_t tail ____cacheline_aligned;

	unsigned long head ____cacheline_aligned;
};

/**
 * struct nvirt_ring_prod - one producer (a VIF)
 * @nstaged: entries in @stage
 * @shead: index of the oldest staged entry
 * @posted: entries published; the posts counter
 * @limit: @posted may not pass it: @done + @credits as last seen
 * @credits: the most entries of this producer in the ring at once
 * @resume: no retry before the consumer's head reaches this ticket
 * @retries: entries whose claim the ring rejected
 * @throttled: posts held back by credits
 * @drops: entries the caller chose to drop (nvirt_ring_drop())
 * @stage: entries not yet published, oldest first
 * @done: entries consumed; only the consumer writes it
 *
 * All but @done belong to the producer; counters are read with READ_ONCE().
 */
struct nvirt_ring_prod {
	unsigned int nstaged;
	unsigned int shead;
	unsigned long posted;
	unsigned long limit;
	unsigned long credits;
	unsigned long resume;
	unsigned long retries;
	unsigned long throttled;
	unsigned long drops;
	void *stage[NVIRT_RING_STAGE];

	unsigned long done ____cacheline_aligned;
};

int nvirt_ring_init(struct nvirt_ring *r, unsigned int order);
void nvirt_ring_fini(struct nvirt_ring *r);
void nvirt_ring_producer_init(struct nvirt_ring *r, struct nvirt_ring_prod *p,
			      unsigned long credits);
int nvirt_ring_post(struct nvirt_ring *r, struct nvirt_ring_prod *p,
		    void *entry);
int nvirt_ring_post_burst(struct nvirt_ring *r, struct nvirt_ring_prod *p,
			  void **entries, unsigned int n);
int nvirt_ring_flush(struct nvirt_ring *r, struct nvirt_ring_prod *p);
bool nvirt_ring_can_resume(const struct nvirt_ring *r,
			   const struct nvirt_ring_prod *p);
unsigned int nvirt_ring_drain(struct nvirt_ring *r, void **entries,
			      unsigned int max);

/**
 * nvirt_ring_stopped() - whether a producer waits for the ring
 * @p: the producer
 *
 * A stopped producer has entries in staging (a VIF stops its TX queue);
 * it resumes with nvirt_ring_flush() once nvirt_ring_can_resume().
 *
 * Return: true if @p holds entries back.
 */
static inline bool nvirt_ring_stopped(const struct nvirt_ring_prod *p)
{
	return p->nstaged;
}

/**
 * nvirt_ring_drop() - count entries the caller dropped
 * @p: the producer
 * @n: how many
 *
 * The ring drops nothing itself; a caller that gives up on entries (say
 * when nvirt_ring_post() says NVIRT_RING_FULL) counts them here.
 */
static inline void nvirt_ring_drop(struct nvirt_ring_prod *p, unsigned int n)
{
	WRITE_ONCE(p->drops, p->drops + n);
}

/**
 * nvirt_ring_unstage() - take back the oldest entry a producer kept
 * @p: the producer; not posting meanwhile
 *
 * For a producer that goes away: what it kept back is its caller's to
 * free (and count with nvirt_ring_drop()).
 *
 * Return: the entry, or NULL when none is kept.
 */
static inline void *nvirt_ring_unstage(struct nvirt_ring_prod *p)
{
	void *entry;

	if (!p->nstaged)
		return NULL;
	entry = p->stage[p->shead];
	p->shead = (p->shead + 1) & (NVIRT_RING_STAGE - 1);
	p->nstaged--;
	return entry;
}

/**
 * nvirt_ring_idle() - whether every ticket taken has been passed
 * @r: the ring
 *
 * A hint for a consumer deciding whether to look again: a producer may
 * take a ticket right after.
 *
 * Return: true when the consumer has caught up with the producers.
 */
static inline bool nvirt_ring_idle(const struct nvirt_ring *r)
{
	return (unsigned long)atomic_long_read(&r->tail) == READ_ONCE(r->head);
}

/**
 * nvirt_ring_bypass() - count an entry that skipped the ring
 * @p: the producer, with nothing in the ring or kept back
 *
 * For a producer that is the ring's one consumer at the moment and hands
 * its entry over itself: it counts as posted and as consumed, so the
 * producer's counters and nvirt_ring_drained() stay true.
 */
static inline void nvirt_ring_bypass(struct nvirt_ring_prod *p)
{
	p->posted++;
	WRITE_ONCE(p->done, p->done + 1);
}

/**
 * nvirt_ring_drained() - whether a producer has nothing in the ring
 * @p: the producer
 *
 * Return: true when the consumer took every entry it published.
 */
static inline bool nvirt_ring_drained(const struct nvirt_ring_prod *p)
{
	return READ_ONCE(p->done) == p->posted;
}

#endif /* _NVIRT_RING_H */
