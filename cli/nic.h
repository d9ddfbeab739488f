/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt nic: what the parts of the object share.
 */

#ifndef _NVIRT_NIC_H
#define _NVIRT_NIC_H

struct nvirt_nic;

/* nic_caps.c: the lines on a NIC's queues, SR-IOV and knobs */
void nic_print_caps(const struct nvirt_nic *nic);

#endif /* _NVIRT_NIC_H */
