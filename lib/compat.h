/* SPDX-License-Identifier: LGPL-2.1 */
/*
 * libnvirt: the types of libnvirt 0.2 (lib/abi/nvirt-0.2.h) that newer
 * versions changed, under names of their own, for compat.c's @NVIRT_0.1
 * and @NVIRT_0.2 symbols. compat-abi.c proves them the same as 0.2's,
 * member by member. Include it after <nvirt/nvirt.h> or that header.
 */

#ifndef _NVIRT_COMPAT_H
#define _NVIRT_COMPAT_H

#include <stdbool.h>
#include <stdint.h>

#define NVIRT0_NIC_MAX_VFS	256
#define NVIRT0_KNOBS		19

struct nvirt0_channels {
	uint32_t rx, tx, other, combined;
	uint32_t max_rx, max_tx, max_other, max_combined;
};

struct nvirt0_nic_vf {
	uint32_t index;
	char bus_addr[32];
	uint32_t ifindex;
};

struct nvirt0_cap {
	bool known;
	uint8_t support;
	uint8_t reason;
};

struct nvirt0_nic {
	uint32_t ifindex;
	char ifname[16];
	char driver[32];
	char bus[16];
	char bus_addr[32];
	uint8_t address[32];
	uint8_t address_len;
	uint8_t perm_address[32];
	uint8_t perm_address_len;
	uint32_t mtu, min_mtu, max_mtu;
	uint8_t operstate;
	bool managed;
	uint16_t link_type;
	bool has_speed;
	uint32_t speed;
	uint32_t tx_queues, max_tx_queues, rx_queues, max_rx_queues;
	bool has_channels;
	struct nvirt0_channels channels;
	bool sriov;
	uint32_t sriov_total_vfs, sriov_num_vfs;
	bool vfs_truncated;
	uint32_t n_vfs;
	struct nvirt0_nic_vf vfs[NVIRT0_NIC_MAX_VFS];
	bool is_vf;
	char pf_bus_addr[32];
	uint32_t pf_ifindex;
	uint32_t vf_index;
	struct nvirt0_cap caps[NVIRT0_KNOBS];
	bool has_esw_mode;
	uint8_t esw_mode;
};

typedef int (*nvirt0_nic_cb)(const struct nvirt0_nic *nic, void *arg);
typedef int (*nvirt0_event_cb)(enum nvirt_event ev,
			       const struct nvirt0_nic *nic,
			       const struct nvirt_vif *vif,
			       const struct nvirt_named_policy *policy,
			       void *arg);

#endif /* _NVIRT_COMPAT_H */
