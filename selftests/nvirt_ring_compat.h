/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What kernel/ring.c needs from the kernel, in userspace: its types, its
 * atomics and barriers, kvcalloc(). The atomics are GCC's __atomic
 * builtins with the kernel's ordering (value-returning RMW fully ordered,
 * a failed cmpxchg unordered), so ThreadSanitizer sees every one; there is
 * no inline assembly. The ring itself is built unchanged.
 */

#ifndef _NVIRT_RING_COMPAT_H
#define _NVIRT_RING_COMPAT_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned short u16;
typedef unsigned int u32;

#define __nvirt_attr(a)		__attribute__((a))
#define __aligned(x)		__nvirt_attr(__aligned__(x))
#define ____cacheline_aligned	__aligned(64)
#define noinline		__nvirt_attr(__noinline__)

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define READ_ONCE(x)		__atomic_load_n(&(x), __ATOMIC_RELAXED)
#define WRITE_ONCE(x, v)	__atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

#define min(a, b) ({							\
	typeof(a) __a = (a);						\
	typeof(b) __b = (b);						\
	__a < __b ? __a : __b;						\
})
#define max(a, b) ({							\
	typeof(a) __a = (a);						\
	typeof(b) __b = (b);						\
	__a > __b ? __a : __b;						\
})

#define WARN_ON_ONCE(c) ({						\
	static bool __warned;						\
	bool __c = !!(c);						\
	if (__c && !__warned) {						\
		__warned = true;					\
		fprintf(stderr, "WARNING: %s:%d: %s\n",			\
			__FILE__, __LINE__, #c);			\
	}								\
	__c;								\
})

#define BUILD_BUG_ON(c)	((void)sizeof(char[1 - 2 * !!(c)]))

#define GFP_KERNEL	0
#define kvcalloc(n, size, gfp)	((void)(gfp), calloc(n, size))
#define kvfree(p)		free(p)

/* nvirt builds on amd64: PAUSE, as the kernel's cpu_relax(). */
#define cpu_relax()	__builtin_ia32_pause()

struct nvirt_atomic_long {
	long counter;
};

#define atomic_long_t	struct nvirt_atomic_long

static inline long atomic_long_read(const atomic_long_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline long atomic_long_read_acquire(const atomic_long_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE);
}

static inline void atomic_long_set(atomic_long_t *v, long i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_long_set_release(atomic_long_t *v, long i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELEASE);
}

static inline long atomic_long_fetch_add(long i, atomic_long_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline bool atomic_long_try_cmpxchg(atomic_long_t *v, long *old,
					   long new)
{
	return __atomic_compare_exchange_n(&v->counter, old, new, false,
					   __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
}

#endif /* _NVIRT_RING_COMPAT_H */
