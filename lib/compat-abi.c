// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: compat.h's types are those of libnvirt 0.2, which programs
 * built against it pass to the @NVIRT_0.1 and @NVIRT_0.2 symbols. Built
 * with the library, it holds no code: it fails to compile when they differ.
 */

#include <stddef.h>

#include "abi/nvirt-0.2.h"
#include "compat.h"

/* @member is at the same place, of the same size, in 0.2's @type. */
#define SAME(type, member)						\
	_Static_assert(offsetof(struct nvirt_##type, member) ==			\
		       offsetof(struct nvirt0_##type, member) &&	\
		       sizeof(((struct nvirt_##type *)0)->member) ==		\
		       sizeof(((struct nvirt0_##type *)0)->member),	\
		       #type "." #member " is not 0.2's")
#define SAME_SIZE(type)							\
	_Static_assert(sizeof(struct nvirt_##type) ==				\
		       sizeof(struct nvirt0_##type), #type " is not 0.2's")

SAME_SIZE(channels);
SAME(channels, rx);
SAME(channels, tx);
SAME(channels, other);
SAME(channels, combined);
SAME(channels, max_rx);
SAME(channels, max_tx);
SAME(channels, max_other);
SAME(channels, max_combined);

SAME_SIZE(nic_vf);
SAME(nic_vf, index);
SAME(nic_vf, bus_addr);
SAME(nic_vf, ifindex);

SAME_SIZE(cap);
SAME(cap, known);
SAME(cap, support);
SAME(cap, reason);

SAME_SIZE(nic);
SAME(nic, ifindex);
SAME(nic, ifname);
SAME(nic, driver);
SAME(nic, bus);
SAME(nic, bus_addr);
SAME(nic, address);
SAME(nic, address_len);
SAME(nic, perm_address);
SAME(nic, perm_address_len);
SAME(nic, mtu);
SAME(nic, min_mtu);
SAME(nic, max_mtu);
SAME(nic, operstate);
SAME(nic, managed);
SAME(nic, link_type);
SAME(nic, has_speed);
SAME(nic, speed);
SAME(nic, tx_queues);
SAME(nic, max_tx_queues);
SAME(nic, rx_queues);
SAME(nic, max_rx_queues);
SAME(nic, has_channels);
SAME(nic, channels);
SAME(nic, sriov);
SAME(nic, sriov_total_vfs);
SAME(nic, sriov_num_vfs);
SAME(nic, vfs_truncated);
SAME(nic, n_vfs);
SAME(nic, vfs);
SAME(nic, is_vf);
SAME(nic, pf_bus_addr);
SAME(nic, pf_ifindex);
SAME(nic, vf_index);
SAME(nic, caps);
SAME(nic, has_esw_mode);
SAME(nic, esw_mode);

SAME_SIZE(version);
SAME(version, version);
SAME(version, api);

SAME_SIZE(policy);
SAME(policy, fields);
SAME(policy, goal);
SAME(policy, isolation);
SAME(policy, migratable);
SAME(policy, visibility);
SAME(policy, g2g);
SAME(policy, priority);
SAME(policy, max_rate);
SAME(policy, min_rate);

SAME_SIZE(plan_why);
SAME(plan_why, code);
SAME(plan_why, text);

SAME_SIZE(plan);
SAME(plan, error);
SAME(plan, error_text);
SAME(plan, backend);
SAME(plan, g2g);
SAME(plan, migratable);
SAME(plan, displace);
SAME(plan, enforce);
SAME(plan, n_reasons);
SAME(plan, reasons);

SAME_SIZE(vif_stats);
SAME(vif_stats, rx_packets);
SAME(vif_stats, rx_bytes);
SAME(vif_stats, rx_dropped);
SAME(vif_stats, tx_packets);
SAME(vif_stats, tx_bytes);
SAME(vif_stats, tx_dropped);
SAME(vif_stats, has_spoof_dropped);
SAME(vif_stats, has_vlan_dropped);
SAME(vif_stats, spoof_dropped);
SAME(vif_stats, vlan_dropped);
SAME(vif_stats, has_ring);
SAME(vif_stats, ring_posts);
SAME(vif_stats, ring_retries);
SAME(vif_stats, ring_throttled);
SAME(vif_stats, ring_drops);
SAME(vif_stats, tx_switched);
SAME(vif_stats, rx_reflected);

SAME_SIZE(vif);
SAME(vif, id);
SAME(vif, name);
SAME(vif, parent_ifindex);
SAME(vif, parent_ifname);
SAME(vif, backend);
SAME(vif, ifindex);
SAME(vif, ifname);
SAME(vif, has_netns_id);
SAME(vif, netns_id);
SAME(vif, mac);
SAME(vif, vlan);
SAME(vif, vlan_qos);
SAME(vif, vlan_proto);
SAME(vif, mtu);
SAME(vif, max_rate);
SAME(vif, min_rate);
SAME(vif, spoofchk);
SAME(vif, trust);
SAME(vif, link_state);
SAME(vif, operstate);
SAME(vif, has_queue);
SAME(vif, queue);
SAME(vif, has_vf_index);
SAME(vif, vf_index);
SAME(vif, enforce);
SAME(vif, has_stats);
SAME(vif, stats);
SAME(vif, policy);
SAME(vif, policy_name);
SAME(vif, has_migratable);
SAME(vif, migratable);
SAME(vif, g2g);
SAME(vif, plan);

SAME_SIZE(vif_config);
SAME(vif_config, fields);
SAME(vif_config, backend);
SAME(vif_config, mac);
SAME(vif_config, vlan);
SAME(vif_config, vlan_qos);
SAME(vif_config, vlan_proto);
SAME(vif_config, mtu);
SAME(vif_config, max_rate);
SAME(vif_config, min_rate);
SAME(vif_config, spoofchk);
SAME(vif_config, trust);
SAME(vif_config, link_state);
SAME(vif_config, netns_fd);
SAME(vif_config, policy);
SAME(vif_config, policy_name);

SAME_SIZE(named_policy);
SAME(named_policy, name);
SAME(named_policy, policy);
SAME(named_policy, users);

_Static_assert(NVIRT0_NIC_MAX_VFS == NVIRT_NIC_MAX_VFS &&
	       NVIRT0_KNOBS == NVIRT_LIB_KNOBS &&
	       NVIRT0_SETTINGS == NVIRT_LIB_SETTINGS &&
	       NVIRT0_PLAN_REASONS == NVIRT_PLAN_REASONS &&
	       NVIRT0_POLICY_F_MAX_RATE == NVIRT_POLICY_F_MAX_RATE &&
	       NVIRT0_POLICY_F_MIN_RATE == NVIRT_POLICY_F_MIN_RATE,
	       "0.2's array sizes and rate fields");
