/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt nic: what the parts of the object share.
 */

#ifndef _NVIRT_NIC_H
#define _NVIRT_NIC_H

struct nvirt_nic;

/* How much of a NIC text shows; JSON always shows all of it. */
enum nic_view {
	NIC_VIEW_FULL,		/* all its lines, as "nvirt nic show" */
	NIC_VIEW_LINE,		/* its first line, and its count of VFs */
	NIC_VIEW_NAME,		/* its ifindex and name */
};

/*
 * nic.c: print a NIC as an object under @key of the current one, or as
 * the next element of the current array when @key is NULL
 */
void nic_print_obj(const char *key, const struct nvirt_nic *nic,
		   enum nic_view view);

/* nic_caps.c: the lines on a NIC's queues, SR-IOV and knobs */
void nic_print_caps(const struct nvirt_nic *nic);

#endif /* _NVIRT_NIC_H */
