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
#define NVIRT0_SETTINGS		8
#define NVIRT0_PLAN_REASONS	16

/* 0.2's named policies carried their rates as fields of the policy. */
#define NVIRT0_POLICY_F_MAX_RATE	(1 << 6)
#define NVIRT0_POLICY_F_MIN_RATE	(1 << 7)

struct nvirt0_version {
	char version[32];
	uint32_t api;
};

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

struct nvirt0_policy {
	uint32_t fields;
	uint8_t goal;
	uint8_t isolation;
	bool migratable;
	uint8_t visibility;
	uint8_t g2g;
	uint32_t priority;
	uint32_t max_rate, min_rate;
};

struct nvirt0_plan_why {
	uint32_t code;
	char text[128];
};

struct nvirt0_plan {
	int error;
	char error_text[128];
	uint8_t backend;
	uint8_t g2g;
	bool migratable;
	uint32_t displace;
	uint8_t enforce[NVIRT0_SETTINGS];
	unsigned int n_reasons;
	struct nvirt0_plan_why reasons[NVIRT0_PLAN_REASONS];
};

struct nvirt0_vif_stats {
	uint64_t rx_packets, rx_bytes, rx_dropped;
	uint64_t tx_packets, tx_bytes, tx_dropped;
	bool has_spoof_dropped, has_vlan_dropped;
	uint64_t spoof_dropped;
	uint64_t vlan_dropped;
	bool has_ring;
	uint64_t ring_posts;
	uint64_t ring_retries;
	uint64_t ring_throttled;
	uint64_t ring_drops;
	uint64_t tx_switched;
	uint64_t rx_reflected;
};

struct nvirt0_vif {
	uint32_t id;
	char name[16];
	uint32_t parent_ifindex;
	char parent_ifname[16];
	uint8_t backend;
	uint32_t ifindex;
	char ifname[16];
	bool has_netns_id;
	int32_t netns_id;
	uint8_t mac[6];
	uint16_t vlan;
	uint8_t vlan_qos;
	uint8_t vlan_proto;
	uint32_t mtu;
	uint32_t max_rate, min_rate;
	bool spoofchk, trust;
	uint8_t link_state;
	uint8_t operstate;
	bool has_queue;
	uint32_t queue;
	bool has_vf_index;
	uint32_t vf_index;
	uint8_t enforce[NVIRT0_SETTINGS];
	bool has_stats;
	struct nvirt0_vif_stats stats;
	struct nvirt0_policy policy;
	char policy_name[32];
	bool has_migratable;
	bool migratable;
	uint8_t g2g;
	const struct nvirt0_plan *plan;
};

struct nvirt0_vif_config {
	uint32_t fields;
	uint8_t backend;
	uint8_t mac[6];
	uint16_t vlan;
	uint8_t vlan_qos, vlan_proto;
	uint32_t mtu;
	uint32_t max_rate, min_rate;
	bool spoofchk, trust;
	uint8_t link_state;
	int netns_fd;
	struct nvirt0_policy policy;
	const char *policy_name;
};

struct nvirt0_named_policy {
	char name[32];
	struct nvirt0_policy policy;
	uint32_t users;
};

typedef int (*nvirt0_nic_cb)(const struct nvirt0_nic *nic, void *arg);
typedef int (*nvirt0_vif_cb)(const struct nvirt0_vif *vif, void *arg);
typedef int (*nvirt0_vif_config_cb)(const struct nvirt0_vif *vif,
				    const struct nvirt0_vif_config *cfg,
				    void *arg);
typedef int (*nvirt0_policy_cb)(const struct nvirt0_named_policy *np,
				void *arg);
typedef int (*nvirt0_event_cb)(enum nvirt_event ev,
			       const struct nvirt0_nic *nic,
			       const struct nvirt0_vif *vif,
			       const struct nvirt0_named_policy *policy,
			       void *arg);

#endif /* _NVIRT_COMPAT_H */
