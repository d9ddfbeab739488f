/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: virtual interfaces over heterogeneous NICs.
 */

#ifndef _NVIRT_H
#define _NVIRT_H

#define NVIRT_VERSION "0.3.0"

#endif /* _NVIRT_H */
