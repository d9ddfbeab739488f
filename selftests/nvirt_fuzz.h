/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt_fuzz: the message generator. Every message is a function of the
 * seed, its number and the pool (ifindexes, namespace fds, names), never
 * of what the kernel answered, so a seed replays the same byte stream.
 */
#ifndef NVIRT_FUZZ_H
#define NVIRT_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/types.h>

#include "nvirt_nlobj.h"

/* xorshift64*: small, fast, and the same everywhere. */
struct fz_rng {
	__u64 s;
};

static inline __u64 fz_next(struct fz_rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dULL;
}

/* Uniform enough in [0, n) for the small n used here. */
static inline __u32 fz_below(struct fz_rng *r, __u32 n)
{
	return n ? (__u32)((fz_next(r) >> 32) % n) : 0;
}

/* True with probability @pct percent. */
static inline bool fz_pct(struct fz_rng *r, __u32 pct)
{
	return fz_below(r, 100) < pct;
}

#define FZ_POOL_MAX	64

/* What near-valid values are drawn from. */
struct fz_pool {
	int n_ifindex;
	__u32 ifindex[FZ_POOL_MAX];	/* NICs and the test's devices */
	int n_pf;
	__u32 pf[8];			/* SR-IOV PFs: only on budget */
	int n_fd;
	__s32 fd[8];			/* namespace fds (and others) */
	int n_name;
	const char *name[FZ_POOL_MAX];	/* every string attribute's */
};

struct fz_gen {
	struct fz_rng rng;
	const struct nvnl_family *fam;
	const struct nvnl_policies *pol;
	const struct fz_pool *pool;
	const __u64 *required;		/* per cmd: attributes it must have */
	unsigned long pf_stride;	/* message numbers that may name a PF */
	bool pf_slot;			/* this message may */
	int mutations;			/* of this message */
};

/* What one message is, for the accounting of its answers. */
struct fz_info {
	__u8 cmd;
	bool dump;		/* NLM_F_DUMP set */
	bool must_answer;	/* the kernel must send an ACK, error or DONE */
	bool mutated;
};

void fz_gen_init(struct fz_gen *g, __u64 seed, const struct nvnl_family *fam,
		 const struct nvnl_policies *pol, const struct fz_pool *pool,
		 unsigned long count, unsigned long pf_budget);
size_t fz_gen_msg(struct fz_gen *g, unsigned long i, char *buf, size_t cap,
		  struct fz_info *info);
size_t fz_gen_probe(struct fz_gen *g, __u8 cmd, __u64 attrs, char *buf,
		    size_t cap);

/* FNV-1a, 64 bits, over the byte stream. */
static inline __u64 fz_hash(__u64 h, const void *p, size_t len)
{
	const unsigned char *c = p;

	while (len--)
		h = (h ^ *c++) * 0x100000001b3ULL;
	return h;
}

#define FZ_HASH_INIT	0xcbf29ce484222325ULL

#define FZ_ERRNO_MAX	140

static inline void fz_count_err(unsigned long *err, int e)
{
	err[e > 0 && e < FZ_ERRNO_MAX ? e : 0]++;
}

/* What a churn child did: ops, their errors, the dumps it checked. */
struct fz_churn_stats {
	unsigned long ops;
	unsigned long dumps;
	unsigned long dump_intr;
	unsigned long dump_bad;		/* duplicate or unordered ids */
	unsigned long netns;		/* namespaces deleted with VIFs in */
	unsigned long netns_vifs;	/* VIFs they had */
	unsigned long netns_left;	/* VIFs still there after */
	unsigned long sock_err;
	unsigned long err[FZ_ERRNO_MAX];	/* [0]: succeeded */
};

/* Shared with the churn children. */
struct fz_churn {
	volatile int stop;
	int family;
	unsigned long pause_ms;
	int n_parents;
	__u32 parents[4];		/* soft parents: dummy, veth, e1000 */
	__u32 ns_parent;
	struct fz_churn_stats st[2];
};

/* What the fuzz sent and got back. */
struct fz_stats {
	unsigned long sent, bytes, mutated;
	unsigned long must, answered, silent, unanswered;
	unsigned long replies, dumps, dump_msgs, dump_intr;
	unsigned long stray, overrun, truncated;
	unsigned long send_err[FZ_ERRNO_MAX];
	unsigned long err[FZ_ERRNO_MAX];	/* of ACKs and DONEs; [0]: 0 */
	unsigned long n_op[256];
	unsigned long ok_op[256];		/* answered 0 */
	unsigned long err_op[256][FZ_ERRNO_MAX];
	double t_op[256];			/* seconds, by command */
	__u64 hash;
	int n_msg;				/* extack messages seen */
	struct {
		__u8 cmd;
		int err;
		unsigned long n;
		char text[80];
	} msg[128];
};

extern const char *const fz_cmd_names[256];

void fz_msg_count(struct fz_stats *st, __u8 cmd, const struct nvnl_ans *a);
void fz_stats_print(const struct fz_stats *st, double secs, bool verbose);
void fz_mon_print(const struct nv_mon *m);

void fz_churn_vifs(struct fz_churn *c, struct fz_churn_stats *st);
void fz_churn_netns(struct fz_churn *c, struct fz_churn_stats *st);

#endif
