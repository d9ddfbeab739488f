// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: the calls of 0.1 and 0.2 whose types later versions changed,
 * kept for the programs built against them: each converts between 0.2's
 * types (compat.h) and the latest call's, under its old symbol version.
 * Only programs built before see them; the header declares the latest.
 */

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "compat.h"

/* @impl is the old version @ver of the public function @fn. */
#define NVIRT_OLD(impl, fn, ver) \
	__asm__(".symver " #impl "," #fn "@" ver)

static void nic0_copy(struct nvirt0_nic *old, const struct nvirt_nic *nic)
{
	uint32_t i;

	memset(old, 0, sizeof(*old));
	old->ifindex = nic->ifindex;
	memcpy(old->ifname, nic->ifname, sizeof(old->ifname));
	memcpy(old->driver, nic->driver, sizeof(old->driver));
	memcpy(old->bus, nic->bus, sizeof(old->bus));
	memcpy(old->bus_addr, nic->bus_addr, sizeof(old->bus_addr));
	memcpy(old->address, nic->address, sizeof(old->address));
	old->address_len = nic->address_len;
	memcpy(old->perm_address, nic->perm_address, sizeof(old->perm_address));
	old->perm_address_len = nic->perm_address_len;
	old->mtu = nic->mtu;
	old->min_mtu = nic->min_mtu;
	old->max_mtu = nic->max_mtu;
	old->operstate = nic->operstate;
	old->managed = nic->managed;
	old->link_type = nic->link_type;
	old->has_speed = nic->has_speed;
	old->speed = nic->speed;
	old->tx_queues = nic->tx_queues;
	old->max_tx_queues = nic->max_tx_queues;
	old->rx_queues = nic->rx_queues;
	old->max_rx_queues = nic->max_rx_queues;
	old->has_channels = nic->has_channels;
	memcpy(&old->channels, &nic->channels, sizeof(old->channels));
	old->sriov = nic->sriov;
	old->sriov_total_vfs = nic->sriov_total_vfs;
	old->sriov_num_vfs = nic->sriov_num_vfs;
	for (i = 0; i < nic->n_vfs; i++) {
		struct nvirt0_nic_vf *vf = &old->vfs[old->n_vfs];

		if (old->n_vfs == NVIRT0_NIC_MAX_VFS) {
			old->vfs_truncated = true;
			break;
		}
		vf->index = nic->vfs[i]->index;
		memcpy(vf->bus_addr, nic->vfs[i]->bus_addr,
		       sizeof(vf->bus_addr));
		vf->ifindex = nic->vfs[i]->ifindex;
		old->n_vfs++;
	}
	old->is_vf = nic->is_vf;
	memcpy(old->pf_bus_addr, nic->pf_bus_addr, sizeof(old->pf_bus_addr));
	old->pf_ifindex = nic->pf_ifindex;
	old->vf_index = nic->vf_index;
	for (i = 0; i < nic->n_caps; i++) {
		const struct nvirt_cap *cap = nic->caps[i];

		if (cap->knob >= NVIRT0_KNOBS)
			continue;	/* a knob 0.2 did not know */
		old->caps[cap->knob].known = true;
		old->caps[cap->knob].support = cap->support;
		old->caps[cap->knob].reason = cap->reason;
	}
	old->has_esw_mode = nic->has_esw_mode;
	old->esw_mode = nic->esw_mode;
}

NVIRT_OLD(nvirt0_nic_get, nvirt_nic_get, "NVIRT_0.1");
int nvirt0_nic_get(struct nvirt *h, uint32_t ifindex, const char *ifname,
		   struct nvirt0_nic *old)
{
	struct nvirt_nic *nic;
	int err;

	err = nvirt_nic_get(h, ifindex, ifname, &nic);
	if (err)
		return err;
	nic0_copy(old, nic);
	nvirt_free(nic);
	return 0;
}

/* A 0.2 callback, and room for the 0.2 record it is given. */
struct cb0 {
	union {
		nvirt0_nic_cb nic;
		nvirt0_event_cb event;
	} cb;
	void *arg;
	struct nvirt0_nic nic;
};

static int nic0_cb(const struct nvirt_nic *nic, void *arg)
{
	struct cb0 *c = arg;

	nic0_copy(&c->nic, nic);
	return c->cb.nic(&c->nic, c->arg);
}

NVIRT_OLD(nvirt0_nic_dump, nvirt_nic_dump, "NVIRT_0.1");
int nvirt0_nic_dump(struct nvirt *h, nvirt0_nic_cb cb, void *arg)
{
	struct cb0 *c = malloc(sizeof(*c));
	int err;

	if (!c)
		return nvirt_fail(h, -ENOMEM, NULL);
	c->cb.nic = cb;
	c->arg = arg;
	err = nvirt_nic_dump(h, nic0_cb, c);
	free(c);
	return err;
}

static int event0_cb(enum nvirt_event ev, const struct nvirt_nic *nic,
		     const struct nvirt_vif *vif,
		     const struct nvirt_named_policy *policy, void *arg)
{
	struct cb0 *c = arg;

	if (nic)
		nic0_copy(&c->nic, nic);
	return c->cb.event(ev, nic ? &c->nic : NULL, vif, policy, c->arg);
}

static int monitor0(struct nvirt *h, nvirt0_event_cb cb, void *arg,
		    int (*run)(struct nvirt *, nvirt_event_cb, void *))
{
	struct cb0 *c = malloc(sizeof(*c));
	int err;

	if (!c)
		return nvirt_fail(h, -ENOMEM, NULL);
	c->cb.event = cb;
	c->arg = arg;
	err = run(h, event0_cb, c);
	free(c);
	return err;
}

NVIRT_OLD(nvirt0_monitor, nvirt_monitor, "NVIRT_0.1");
int nvirt0_monitor(struct nvirt *h, nvirt0_event_cb cb, void *arg)
{
	return monitor0(h, cb, arg, nvirt_monitor);
}

NVIRT_OLD(nvirt0_monitor_step, nvirt_monitor_step, "NVIRT_0.1");
int nvirt0_monitor_step(struct nvirt *h, nvirt0_event_cb cb, void *arg)
{
	return monitor0(h, cb, arg, nvirt_monitor_step);
}
