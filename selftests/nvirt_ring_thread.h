/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the ring's stress test and its benchmark do with their threads:
 * pin them, and back off while they wait.
 */

#ifndef _NVIRT_RING_THREAD_H
#define _NVIRT_RING_THREAD_H

#include <sched.h>
#include <unistd.h>

/* Pin the calling thread to @cpu (modulo the CPUs there are); -1: any. */
static inline void pin(int cpu)
{
	cpu_set_t set;

	if (cpu < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu % sysconf(_SC_NPROCESSORS_ONLN), &set);
	sched_setaffinity(0, sizeof(set), &set);
}

/* Spin a while, then give the CPU away: a waiting thread's step. */
static inline void backoff(unsigned int *spins)
{
	if (++*spins < 64)
		cpu_relax();
	else
		sched_yield();
}

#endif /* _NVIRT_RING_THREAD_H */
