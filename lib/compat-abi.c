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

_Static_assert(NVIRT0_NIC_MAX_VFS == NVIRT_NIC_MAX_VFS &&
	       NVIRT0_KNOBS == NVIRT_LIB_KNOBS, "0.2's array sizes");
