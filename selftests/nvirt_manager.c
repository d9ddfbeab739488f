// SPDX-License-Identifier: GPL-2.0
/*
 * The smallest hypervisor manager: built by nvirt_install.sh against an
 * installed libnvirt, found through pkg-config alone, as a manager's own
 * build would find it.
 *
 *	nvirt_manager PARENT VIF
 *
 * Lists the NICs ("nic IFNAME"), creates VIF on PARENT, reads it back
 * ("vif NAME@PARENT backend BACKEND"), deletes it ("deleted NAME"). An
 * error is printed with the kernel's message, and exits 1.
 */

#include <stdio.h>
#include <string.h>

#include <nvirt/nvirt.h>

static int print_nic(const struct nvirt_nic *nic, void *arg)
{
	(void)arg;
	printf("nic %s\n", nic->ifname);
	return 0;
}

static int fail(struct nvirt *h, const char *what)
{
	fprintf(stderr, "Error: %s: %s\n", what, nvirt_strerror(h));
	nvirt_close(h);
	return 1;
}

int main(int argc, char **argv)
{
	struct nvirt_vif *vif;
	struct nvirt *h;

	if (argc != 3) {
		fprintf(stderr, "Usage: nvirt_manager PARENT VIF\n");
		return 1;
	}
	h = nvirt_open();
	if (!h) {
		perror("nvirt_open");
		return 1;
	}
	if (nvirt_nic_dump(h, print_nic, NULL))
		return fail(h, "nic dump");
	if (nvirt_vif_new(h, argv[2], 0, argv[1], NULL, NULL))
		return fail(h, "vif new");
	if (nvirt_vif_get(h, 0, argv[2], &vif))
		return fail(h, "vif get");
	printf("vif %s@%s backend %s\n", vif->name, vif->parent_ifname,
	       nvirt_backend_name(vif->backend));
	if (nvirt_vif_del(h, vif->id, NULL))
		return fail(h, "vif del");
	printf("deleted %s\n", vif->name);
	nvirt_free(vif);
	nvirt_close(h);
	return 0;
}
