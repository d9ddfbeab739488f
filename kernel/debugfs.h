/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: what debugfs shows of nvirt's insides (not a uAPI).
 */

#ifndef _NVIRT_DEBUGFS_H
#define _NVIRT_DEBUGFS_H

void nvirt_debugfs_init(void);
void nvirt_debugfs_exit(void);

#endif /* _NVIRT_DEBUGFS_H */
