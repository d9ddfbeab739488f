/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt vif: what the monitor shares with the object.
 */

#ifndef _NVIRT_VIF_H
#define _NVIRT_VIF_H

struct nvirt_vif;

/* How much of a VIF text shows; JSON always shows all of it. */
enum vif_view {
	VIF_VIEW_FULL,		/* all its lines, as "nvirt vif show" */
	VIF_VIEW_LINE,		/* its state and settings, on one line */
	VIF_VIEW_NAME,		/* its id, name and NIC */
};

/*
 * Print a VIF as an object under @key of the current one, or as the next
 * element of the current array when @key is NULL; its traffic with -s.
 */
void vif_print_obj(const char *key, const struct nvirt_vif *vif,
		   enum vif_view view);

#endif /* _NVIRT_VIF_H */
