/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What kernel/policy.c needs from the kernel, in userspace: its types and
 * annotations. The engine itself is built unchanged.
 */

#ifndef _NVIRT_POLICY_COMPAT_H
#define _NVIRT_POLICY_COMPAT_H

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#define __printf(a, b)	__attribute__((format(printf, a, b)))

#endif /* _NVIRT_POLICY_COMPAT_H */
