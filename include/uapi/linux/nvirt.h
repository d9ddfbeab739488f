/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/nvirt.yaml */
/* YNL-GEN uapi header */

#ifndef _UAPI_LINUX_NVIRT_H
#define _UAPI_LINUX_NVIRT_H

#define NVIRT_FAMILY_NAME	"nvirt"
#define NVIRT_FAMILY_VERSION	1

#define NVIRT_API_VERSION	12

/**
 * enum nvirt_operstate - RFC 2863 operational state, as IF_OPER_* in
 *   linux/if.h.
 */
enum nvirt_operstate {
	NVIRT_OPERSTATE_UNKNOWN,
	NVIRT_OPERSTATE_NOTPRESENT,
	NVIRT_OPERSTATE_DOWN,
	NVIRT_OPERSTATE_LOWERLAYERDOWN,
	NVIRT_OPERSTATE_TESTING,
	NVIRT_OPERSTATE_DORMANT,
	NVIRT_OPERSTATE_UP,
};

/**
 * enum nvirt_holder - Who holds a NIC's receive handler (rx_handler), of which
 *   a NIC has one: nvirt's soft and queue virtual interfaces need it, and so
 *   do a bridge, a bond, a team, Open vSwitch, macvlan and ipvlan.
 * @NVIRT_HOLDER_NVIRT: nvirt, for its soft and queue virtual interfaces.
 * @NVIRT_HOLDER_BRIDGE: A bridge the NIC is a port of (holder-ifname).
 * @NVIRT_HOLDER_BOND: A bond the NIC is a slave of (holder-ifname).
 * @NVIRT_HOLDER_TEAM: A team the NIC is a port of (holder-ifname).
 * @NVIRT_HOLDER_OPENVSWITCH: An Open vSwitch datapath the NIC is a port of
 *   (holder-ifname).
 * @NVIRT_HOLDER_MACVLAN: macvlan devices on the NIC (holder-ifname, one of
 *   them).
 * @NVIRT_HOLDER_IPVLAN: ipvlan devices on the NIC (holder-ifname, one of
 *   them).
 * @NVIRT_HOLDER_OTHER: Another driver nvirt does not recognize.
 */
enum nvirt_holder {
	NVIRT_HOLDER_NVIRT,
	NVIRT_HOLDER_BRIDGE,
	NVIRT_HOLDER_BOND,
	NVIRT_HOLDER_TEAM,
	NVIRT_HOLDER_OPENVSWITCH,
	NVIRT_HOLDER_MACVLAN,
	NVIRT_HOLDER_IPVLAN,
	NVIRT_HOLDER_OTHER,
};

/**
 * enum nvirt_esw_mode - Mode of a NIC's embedded switch (BRIDGE_MODE_* of
 *   linux/if_bridge.h).
 * @NVIRT_ESW_MODE_VEB: Frames between functions are switched inside the NIC.
 * @NVIRT_ESW_MODE_VEPA: Frames go out to the external switch, which reflects
 *   them.
 */
enum nvirt_esw_mode {
	NVIRT_ESW_MODE_VEB,
	NVIRT_ESW_MODE_VEPA,
};

/**
 * enum nvirt_support - How a NIC can honour a knob.
 * @NVIRT_SUPPORT_UNSUPPORTED: Neither the NIC nor nvirt can honour it on this
 *   NIC.
 * @NVIRT_SUPPORT_SOFTWARE: nvirt (or the kernel's stack) emulates it in
 *   software.
 * @NVIRT_SUPPORT_HARDWARE: The NIC and its driver do it.
 */
enum nvirt_support {
	NVIRT_SUPPORT_UNSUPPORTED,
	NVIRT_SUPPORT_SOFTWARE,
	NVIRT_SUPPORT_HARDWARE,
};

/**
 * enum nvirt_reason - Why a knob is not in hardware. Stable codes; new ones
 *   are added.
 * @NVIRT_REASON_NONE: It is in hardware.
 * @NVIRT_REASON_VIRTUAL: The NIC has no hardware device behind it.
 * @NVIRT_REASON_NO_SRIOV: The NIC's device has no SR-IOV capability.
 * @NVIRT_REASON_IS_VF: The NIC is itself an SR-IOV virtual function.
 * @NVIRT_REASON_NO_DRIVER_OP: The NIC's driver does not implement the
 *   operation.
 * @NVIRT_REASON_DRIVER_LIMIT: The driver implements the operation but rejects
 *   this use of it (from nvirt's documented quirk table).
 * @NVIRT_REASON_NO_HW_FEATURE: The NIC does not offer the feature.
 */
enum nvirt_reason {
	NVIRT_REASON_NONE,
	NVIRT_REASON_VIRTUAL,
	NVIRT_REASON_NO_SRIOV,
	NVIRT_REASON_IS_VF,
	NVIRT_REASON_NO_DRIVER_OP,
	NVIRT_REASON_DRIVER_LIMIT,
	NVIRT_REASON_NO_HW_FEATURE,
};

/**
 * enum nvirt_knob - What a NIC can be asked to do for virtual interfaces.
 * @NVIRT_KNOB_VF_MAC: Set a VF's MAC address from the PF.
 * @NVIRT_KNOB_VF_VLAN: Confine a VF to a VLAN, with a QoS priority.
 * @NVIRT_KNOB_VF_VLAN_PROTO: Use 802.1ad for a VF's VLAN.
 * @NVIRT_KNOB_VF_MAX_RATE: Limit a VF's transmit rate.
 * @NVIRT_KNOB_VF_MIN_RATE: Guarantee a VF a minimum transmit rate.
 * @NVIRT_KNOB_VF_SPOOFCHK: Drop frames a VF sends with a source MAC not its
 *   own.
 * @NVIRT_KNOB_VF_TRUST: Let a VF change its MAC and enter promiscuous modes.
 * @NVIRT_KNOB_VF_LINK_STATE: Force a VF's link up or down.
 * @NVIRT_KNOB_VF_RSS_QUERY: Let a VF query the PF's RSS configuration.
 * @NVIRT_KNOB_QUEUE_MAX_RATE: Limit the rate of one transmit queue.
 * @NVIRT_KNOB_L2FWD_OFFLOAD: Give a stacked device its own queues and MAC
 *   filter (VMDq).
 * @NVIRT_KNOB_EMBEDDED_SWITCH: Switch frames between functions in the NIC (VEB
 *   or VEPA).
 * @NVIRT_KNOB_SWITCHDEV: Expose the NIC's switch ports to the kernel
 *   (switchdev).
 * @NVIRT_KNOB_CHECKSUM: Checksum offload on transmit.
 * @NVIRT_KNOB_TSO: TCP segmentation offload.
 * @NVIRT_KNOB_VLAN_INSERT: Insert 802.1Q tags on transmit.
 * @NVIRT_KNOB_VLAN_STRIP: Strip 802.1Q tags on receive.
 * @NVIRT_KNOB_VLAN_FILTER: Filter received frames by 802.1Q VLAN.
 * @NVIRT_KNOB_XDP: Run XDP programs in the driver (native XDP).
 */
enum nvirt_knob {
	NVIRT_KNOB_VF_MAC,
	NVIRT_KNOB_VF_VLAN,
	NVIRT_KNOB_VF_VLAN_PROTO,
	NVIRT_KNOB_VF_MAX_RATE,
	NVIRT_KNOB_VF_MIN_RATE,
	NVIRT_KNOB_VF_SPOOFCHK,
	NVIRT_KNOB_VF_TRUST,
	NVIRT_KNOB_VF_LINK_STATE,
	NVIRT_KNOB_VF_RSS_QUERY,
	NVIRT_KNOB_QUEUE_MAX_RATE,
	NVIRT_KNOB_L2FWD_OFFLOAD,
	NVIRT_KNOB_EMBEDDED_SWITCH,
	NVIRT_KNOB_SWITCHDEV,
	NVIRT_KNOB_CHECKSUM,
	NVIRT_KNOB_TSO,
	NVIRT_KNOB_VLAN_INSERT,
	NVIRT_KNOB_VLAN_STRIP,
	NVIRT_KNOB_VLAN_FILTER,
	NVIRT_KNOB_XDP,

	/* private: */
	__NVIRT_KNOB_MAX,
	NVIRT_KNOB_MAX = (__NVIRT_KNOB_MAX - 1)
};

/**
 * enum nvirt_cause - What made a notification's change happen.
 * @NVIRT_CAUSE_REQUEST: A request of a user (vif-new, vif-set, vif-del, or a
 *   policy op).
 * @NVIRT_CAUSE_NETDEV: Its netdev changed, or went, outside nvirt's requests
 *   (ip link, a driver, the link).
 * @NVIRT_CAUSE_PARENT: The virtual interface's NIC went away.
 * @NVIRT_CAUSE_NETNS: The network namespace of the virtual interface's netdev
 *   went away.
 * @NVIRT_CAUSE_POLICY: The named policy the virtual interface follows changed.
 * @NVIRT_CAUSE_PLACEMENT: nvirt moved the virtual interface to another backend
 *   to share scarce hardware: its VF was taken by a higher priority, or one
 *   was freed for it. The notification carries the plan. Also the add of a
 *   virtual interface made again from its pool, on another NIC of it, after
 *   its NIC went (a del with cause parent before), and the del and add of one
 *   moved off a NIC of its pool whose link stayed down longer than the pool's
 *   grace.
 * @NVIRT_CAUSE_UNLOAD: The nvirt module is being removed.
 * @NVIRT_CAUSE_RESCAN: The NIC's periodic re-read found a change no kernel
 *   event announces (channels, VFs).
 */
enum nvirt_cause {
	NVIRT_CAUSE_REQUEST = 1,
	NVIRT_CAUSE_NETDEV,
	NVIRT_CAUSE_PARENT,
	NVIRT_CAUSE_NETNS,
	NVIRT_CAUSE_POLICY,
	NVIRT_CAUSE_PLACEMENT,
	NVIRT_CAUSE_UNLOAD,
	NVIRT_CAUSE_RESCAN,
};

/**
 * enum nvirt_backend - The mechanism that realizes a virtual interface.
 * @NVIRT_BACKEND_AUTO: Let nvirt choose (request only): a VF where the NIC has
 *   a free one, else a dedicated queue, else software.
 * @NVIRT_BACKEND_VF: An SR-IOV virtual function of the NIC, configured through
 *   its PF.
 * @NVIRT_BACKEND_QUEUE: An nvirt netdev on the NIC, transmitting on a hardware
 *   queue of its own, past the NIC's qdisc.
 * @NVIRT_BACKEND_SOFT: An nvirt netdev on the NIC, all in software.
 */
enum nvirt_backend {
	NVIRT_BACKEND_AUTO,
	NVIRT_BACKEND_VF,
	NVIRT_BACKEND_QUEUE,
	NVIRT_BACKEND_SOFT,
};

/**
 * enum nvirt_vlan_proto - Tag protocol of a virtual interface's VLAN.
 * @NVIRT_VLAN_PROTO_8021Q: IEEE 802.1Q (0x8100).
 * @NVIRT_VLAN_PROTO_8021AD: IEEE 802.1ad (0x88a8).
 */
enum nvirt_vlan_proto {
	NVIRT_VLAN_PROTO_8021Q,
	NVIRT_VLAN_PROTO_8021AD,
};

/**
 * enum nvirt_link_state - Link state of a virtual interface, as
 *   IFLA_VF_LINK_STATE_*.
 * @NVIRT_LINK_STATE_AUTO: Follows the NIC's link.
 * @NVIRT_LINK_STATE_ENABLE: Always up.
 * @NVIRT_LINK_STATE_DISABLE: Always down.
 */
enum nvirt_link_state {
	NVIRT_LINK_STATE_AUTO,
	NVIRT_LINK_STATE_ENABLE,
	NVIRT_LINK_STATE_DISABLE,
};

/**
 * enum nvirt_setting - A setting of a virtual interface, to say where it is
 *   enforced.
 */
enum nvirt_setting {
	NVIRT_SETTING_MAC,
	NVIRT_SETTING_VLAN,
	NVIRT_SETTING_MTU,
	NVIRT_SETTING_MAX_RATE,
	NVIRT_SETTING_MIN_RATE,
	NVIRT_SETTING_SPOOFCHK,
	NVIRT_SETTING_TRUST,
	NVIRT_SETTING_LINK_STATE,

	/* private: */
	__NVIRT_SETTING_MAX,
	NVIRT_SETTING_MAX = (__NVIRT_SETTING_MAX - 1)
};

/**
 * enum nvirt_goal - What a VIF's policy optimizes for.
 * @NVIRT_GOAL_THROUGHPUT: The most bandwidth.
 * @NVIRT_GOAL_LATENCY: The shortest path.
 * @NVIRT_GOAL_CPU: The least host CPU per packet.
 * @NVIRT_GOAL_DENSITY: The most guests; scarce hardware is kept for those that
 *   need it.
 */
enum nvirt_goal {
	NVIRT_GOAL_THROUGHPUT,
	NVIRT_GOAL_LATENCY,
	NVIRT_GOAL_CPU,
	NVIRT_GOAL_DENSITY,
};

/**
 * enum nvirt_isolation
 * @NVIRT_ISOLATION_STANDARD: Anti-spoofing and VLAN confinement may be
 *   enforced in software.
 * @NVIRT_ISOLATION_STRICT: They must be enforced by the NIC, or the request
 *   fails.
 */
enum nvirt_isolation {
	NVIRT_ISOLATION_STANDARD,
	NVIRT_ISOLATION_STRICT,
};

/**
 * enum nvirt_visibility
 * @NVIRT_VISIBILITY_NONE: The host need not see the VIF's traffic.
 * @NVIRT_VISIBILITY_HOST: The host must see it (firewalling, monitoring).
 */
enum nvirt_visibility {
	NVIRT_VISIBILITY_NONE,
	NVIRT_VISIBILITY_HOST,
};

/**
 * enum nvirt_g2g - Path between two VIFs of one host.
 * @NVIRT_G2G_AUTO: Let the policy decide.
 * @NVIRT_G2G_NIC: The NIC's embedded switch (VEB loopback).
 * @NVIRT_G2G_EXTERNAL: An external switch that reflects frames back (VEPA
 *   hairpin).
 * @NVIRT_G2G_SOFT: The host's software switch.
 */
enum nvirt_g2g {
	NVIRT_G2G_AUTO,
	NVIRT_G2G_NIC,
	NVIRT_G2G_EXTERNAL,
	NVIRT_G2G_SOFT,
};

/**
 * enum nvirt_attach - How a virtual interface is handed to its guest.
 * @NVIRT_ATTACH_NETNS: Its netdev, in a network namespace (netns-fd; the
 *   caller's when not given): a container's interface.
 * @NVIRT_ATTACH_TAP: A tap character device on its netdev (attach-path), as
 *   macvtap's, for QEMU and vhost-net: what the guest sends is sent by the
 *   netdev, what the netdev receives goes to the guest. The netdev stays in
 *   the caller's namespace. Soft and queue backends only.
 * @NVIRT_ATTACH_VFIO: The VF's PCI device (attach-pci), bound to vfio-pci for
 *   a VM to open through its VFIO group (attach-path, "/dev/vfio/N"); the VF's
 *   netdev goes with its driver. What the PF programs (MAC, VLAN, rates,
 *   spoof-check, trust, link state) stays enforced; the MTU is the guest's. VF
 *   backend only; needs an IOMMU. Given back to the VF's driver when the
 *   virtual interface is deleted, which is refused while a VM has the device
 *   open.
 */
enum nvirt_attach {
	NVIRT_ATTACH_NETNS,
	NVIRT_ATTACH_TAP,
	NVIRT_ATTACH_VFIO,
};

/**
 * enum nvirt_plan_reason - Why a plan is what it is. Stable codes; new ones
 *   are added. Each comes with a human text naming the NIC and the numbers
 *   involved.
 */
enum nvirt_plan_reason {
	NVIRT_PLAN_REASON_BACKEND_VF,
	NVIRT_PLAN_REASON_BACKEND_QUEUE,
	NVIRT_PLAN_REASON_BACKEND_SOFT,
	NVIRT_PLAN_REASON_BACKEND_ASKED,
	NVIRT_PLAN_REASON_VF_NO_SRIOV,
	NVIRT_PLAN_REASON_VF_EXHAUSTED,
	NVIRT_PLAN_REASON_VF_DISPLACE,
	NVIRT_PLAN_REASON_VF_MIGRATABLE,
	NVIRT_PLAN_REASON_VF_VISIBILITY,
	NVIRT_PLAN_REASON_VF_KNOB,
	NVIRT_PLAN_REASON_VF_DENSITY,
	NVIRT_PLAN_REASON_QUEUE_VIRTUAL,
	NVIRT_PLAN_REASON_QUEUE_EXHAUSTED,
	NVIRT_PLAN_REASON_QUEUE_MIN_RATE,
	NVIRT_PLAN_REASON_SOFT_MIN_RATE,
	NVIRT_PLAN_REASON_ISOLATION_SOFTWARE,
	NVIRT_PLAN_REASON_MIN_RATE_HARDWARE,
	NVIRT_PLAN_REASON_ADMISSION_REFUSED,
	NVIRT_PLAN_REASON_ADMISSION_NO_SPEED,
	NVIRT_PLAN_REASON_ENFORCE_HARDWARE,
	NVIRT_PLAN_REASON_ENFORCE_SOFTWARE,
	NVIRT_PLAN_REASON_MIGRATION_READY,
	NVIRT_PLAN_REASON_MIGRATION_BLOCKED,
	NVIRT_PLAN_REASON_G2G_SOFT,
	NVIRT_PLAN_REASON_G2G_NIC,
	NVIRT_PLAN_REASON_G2G_UNAVAILABLE,
	NVIRT_PLAN_REASON_NO_MECHANISM,
	NVIRT_PLAN_REASON_QUEUE_DISPLACE,
	NVIRT_PLAN_REASON_DEMOTED,
	NVIRT_PLAN_REASON_PROMOTED,
	NVIRT_PLAN_REASON_VF_G2G,
	NVIRT_PLAN_REASON_G2G_EXTERNAL,
	NVIRT_PLAN_REASON_VF_NO_DRIVER,
	NVIRT_PLAN_REASON_VF_ATTACH,
	NVIRT_PLAN_REASON_ATTACH_TAP,
	NVIRT_PLAN_REASON_RX_HELD,
	NVIRT_PLAN_REASON_SOFTWARE_ATTACH,
	NVIRT_PLAN_REASON_VF_NO_IOMMU,
	NVIRT_PLAN_REASON_ATTACH_VFIO,
	NVIRT_PLAN_REASON_NIC_CHOSEN,
	NVIRT_PLAN_REASON_NIC_NOT_CHOSEN,
	NVIRT_PLAN_REASON_KNOB_FAILED,
};

/**
 * enum nvirt_member_link - A pool NIC's link (up unless the NIC is down or has
 *   no carrier).
 * @NVIRT_MEMBER_LINK_UP: Its link is up.
 * @NVIRT_MEMBER_LINK_DOWN: Its link is down, for less than the pool's grace.
 * @NVIRT_MEMBER_LINK_DOWN_PAST_GRACE: Its link has been down for the pool's
 *   grace: nvirt chooses it for no virtual interface while another NIC of the
 *   pool is up, and makes those of the pool on it again on one that is up.
 */
enum nvirt_member_link {
	NVIRT_MEMBER_LINK_UP,
	NVIRT_MEMBER_LINK_DOWN,
	NVIRT_MEMBER_LINK_DOWN_PAST_GRACE,
};

/**
 * enum nvirt_verify - What nvirt found when it tested a knob a NIC declares
 *   (nic-verify).
 * @NVIRT_VERIFY_UNTESTED: Not tested yet, or not testable here (nothing to
 *   test it with); trusted as declared.
 * @NVIRT_VERIFY_PASSED: Tested, and it did what the driver declares.
 * @NVIRT_VERIFY_FAILED: Tested, and it did not; nvirt plans as if it were
 *   missing.
 */
enum nvirt_verify {
	NVIRT_VERIFY_UNTESTED,
	NVIRT_VERIFY_PASSED,
	NVIRT_VERIFY_FAILED,
};

enum {
	NVIRT_A_VERSION_VERSION = 1,
	NVIRT_A_VERSION_API,

	__NVIRT_A_VERSION_MAX,
	NVIRT_A_VERSION_MAX = (__NVIRT_A_VERSION_MAX - 1)
};

enum {
	NVIRT_A_NIC_IFINDEX = 1,
	NVIRT_A_NIC_IFNAME,
	NVIRT_A_NIC_DRIVER,
	NVIRT_A_NIC_BUS,
	NVIRT_A_NIC_BUS_ADDR,
	NVIRT_A_NIC_ADDRESS,
	NVIRT_A_NIC_PERM_ADDRESS,
	NVIRT_A_NIC_MTU,
	NVIRT_A_NIC_MIN_MTU,
	NVIRT_A_NIC_MAX_MTU,
	NVIRT_A_NIC_OPERSTATE,
	NVIRT_A_NIC_MANAGED,
	NVIRT_A_NIC_LINK_TYPE,
	NVIRT_A_NIC_SPEED,
	NVIRT_A_NIC_TX_QUEUES,
	NVIRT_A_NIC_MAX_TX_QUEUES,
	NVIRT_A_NIC_RX_QUEUES,
	NVIRT_A_NIC_MAX_RX_QUEUES,
	NVIRT_A_NIC_CHANNELS,
	NVIRT_A_NIC_SRIOV_TOTAL_VFS,
	NVIRT_A_NIC_SRIOV_NUM_VFS,
	NVIRT_A_NIC_VF,
	NVIRT_A_NIC_PF_BUS_ADDR,
	NVIRT_A_NIC_PF_IFINDEX,
	NVIRT_A_NIC_VF_INDEX,
	NVIRT_A_NIC_CAP,
	NVIRT_A_NIC_ESW_MODE,
	NVIRT_A_NIC_CAUSE,
	NVIRT_A_NIC_HOLDER,
	NVIRT_A_NIC_HOLDER_IFNAME,
	NVIRT_A_NIC_VERIFY_FORGET,

	__NVIRT_A_NIC_MAX,
	NVIRT_A_NIC_MAX = (__NVIRT_A_NIC_MAX - 1)
};

enum {
	NVIRT_A_CHANNELS_RX = 1,
	NVIRT_A_CHANNELS_TX,
	NVIRT_A_CHANNELS_OTHER,
	NVIRT_A_CHANNELS_COMBINED,
	NVIRT_A_CHANNELS_MAX_RX,
	NVIRT_A_CHANNELS_MAX_TX,
	NVIRT_A_CHANNELS_MAX_OTHER,
	NVIRT_A_CHANNELS_MAX_COMBINED,

	__NVIRT_A_CHANNELS_MAX,
	NVIRT_A_CHANNELS_MAX = (__NVIRT_A_CHANNELS_MAX - 1)
};

enum {
	NVIRT_A_VF_INDEX = 1,
	NVIRT_A_VF_BUS_ADDR,
	NVIRT_A_VF_IFINDEX,

	__NVIRT_A_VF_MAX,
	NVIRT_A_VF_MAX = (__NVIRT_A_VF_MAX - 1)
};

enum {
	NVIRT_A_CAP_KNOB = 1,
	NVIRT_A_CAP_SUPPORT,
	NVIRT_A_CAP_REASON,
	NVIRT_A_CAP_VERIFIED,

	__NVIRT_A_CAP_MAX,
	NVIRT_A_CAP_MAX = (__NVIRT_A_CAP_MAX - 1)
};

enum {
	NVIRT_A_VIF_ID = 1,
	NVIRT_A_VIF_NAME,
	NVIRT_A_VIF_PARENT_IFINDEX,
	NVIRT_A_VIF_PARENT_IFNAME,
	NVIRT_A_VIF_BACKEND,
	NVIRT_A_VIF_IFINDEX,
	NVIRT_A_VIF_NETNS_FD,
	NVIRT_A_VIF_NETNS_ID,
	NVIRT_A_VIF_MAC,
	NVIRT_A_VIF_VLAN,
	NVIRT_A_VIF_VLAN_QOS,
	NVIRT_A_VIF_VLAN_PROTO,
	NVIRT_A_VIF_MTU,
	NVIRT_A_VIF_MAX_RATE,
	NVIRT_A_VIF_MIN_RATE,
	NVIRT_A_VIF_SPOOFCHK,
	NVIRT_A_VIF_TRUST,
	NVIRT_A_VIF_LINK_STATE,
	NVIRT_A_VIF_OPERSTATE,
	NVIRT_A_VIF_QUEUE,
	NVIRT_A_VIF_VF_INDEX,
	NVIRT_A_VIF_ENFORCE,
	NVIRT_A_VIF_STATS,
	NVIRT_A_VIF_IFNAME,
	NVIRT_A_VIF_POLICY,
	NVIRT_A_VIF_DRY_RUN,
	NVIRT_A_VIF_PLAN,
	NVIRT_A_VIF_MIGRATABLE,
	NVIRT_A_VIF_G2G,
	NVIRT_A_VIF_POLICY_NAME,
	NVIRT_A_VIF_BACKEND_REQUEST,
	NVIRT_A_VIF_OWN_POLICY,
	NVIRT_A_VIF_CAUSE,
	NVIRT_A_VIF_OWN_SETTINGS,
	NVIRT_A_VIF_ATTACH,
	NVIRT_A_VIF_ATTACH_PATH,
	NVIRT_A_VIF_ATTACH_PCI,
	NVIRT_A_VIF_POOL_NAME,

	__NVIRT_A_VIF_MAX,
	NVIRT_A_VIF_MAX = (__NVIRT_A_VIF_MAX - 1)
};

enum {
	NVIRT_A_ENFORCE_SETTING = 1,
	NVIRT_A_ENFORCE_POINT,

	__NVIRT_A_ENFORCE_MAX,
	NVIRT_A_ENFORCE_MAX = (__NVIRT_A_ENFORCE_MAX - 1)
};

enum {
	NVIRT_A_POLICY_GOAL = 1,
	NVIRT_A_POLICY_ISOLATION,
	NVIRT_A_POLICY_MIGRATABLE,
	NVIRT_A_POLICY_VISIBILITY,
	NVIRT_A_POLICY_G2G,
	NVIRT_A_POLICY_PRIORITY,

	__NVIRT_A_POLICY_MAX,
	NVIRT_A_POLICY_MAX = (__NVIRT_A_POLICY_MAX - 1)
};

enum {
	NVIRT_A_NAMED_POLICY_NAME = 1,
	NVIRT_A_NAMED_POLICY_POLICY,
	NVIRT_A_NAMED_POLICY_USERS,
	NVIRT_A_NAMED_POLICY_CAUSE,
	NVIRT_A_NAMED_POLICY_MAX_RATE,
	NVIRT_A_NAMED_POLICY_MIN_RATE,
	NVIRT_A_NAMED_POLICY_POOL_NAME,

	__NVIRT_A_NAMED_POLICY_MAX,
	NVIRT_A_NAMED_POLICY_MAX = (__NVIRT_A_NAMED_POLICY_MAX - 1)
};

enum {
	NVIRT_A_POOL_NAME = 1,
	NVIRT_A_POOL_MEMBER,
	NVIRT_A_POOL_VIFS,
	NVIRT_A_POOL_CAUSE,
	NVIRT_A_POOL_GRACE,

	__NVIRT_A_POOL_MAX,
	NVIRT_A_POOL_MAX = (__NVIRT_A_POOL_MAX - 1)
};

enum {
	NVIRT_A_POOL_MEMBER_IFINDEX = 1,
	NVIRT_A_POOL_MEMBER_IFNAME,
	NVIRT_A_POOL_MEMBER_LINK,

	__NVIRT_A_POOL_MEMBER_MAX,
	NVIRT_A_POOL_MEMBER_MAX = (__NVIRT_A_POOL_MEMBER_MAX - 1)
};

enum {
	NVIRT_A_PLAN_ERROR = 1,
	NVIRT_A_PLAN_ERROR_TEXT,
	NVIRT_A_PLAN_BACKEND,
	NVIRT_A_PLAN_G2G,
	NVIRT_A_PLAN_MIGRATABLE,
	NVIRT_A_PLAN_DISPLACE,
	NVIRT_A_PLAN_ENFORCE,
	NVIRT_A_PLAN_REASON,

	__NVIRT_A_PLAN_MAX,
	NVIRT_A_PLAN_MAX = (__NVIRT_A_PLAN_MAX - 1)
};

enum {
	NVIRT_A_PLAN_REASON_CODE = 1,
	NVIRT_A_PLAN_REASON_TEXT,

	__NVIRT_A_PLAN_REASON_MAX,
	NVIRT_A_PLAN_REASON_MAX = (__NVIRT_A_PLAN_REASON_MAX - 1)
};

enum {
	NVIRT_A_VIF_STATS_RX_PACKETS = 1,
	NVIRT_A_VIF_STATS_RX_BYTES,
	NVIRT_A_VIF_STATS_RX_DROPPED,
	NVIRT_A_VIF_STATS_TX_PACKETS,
	NVIRT_A_VIF_STATS_TX_BYTES,
	NVIRT_A_VIF_STATS_TX_DROPPED,
	NVIRT_A_VIF_STATS_SPOOF_DROPPED,
	NVIRT_A_VIF_STATS_VLAN_DROPPED,
	NVIRT_A_VIF_STATS_RING_POSTS,
	NVIRT_A_VIF_STATS_RING_RETRIES,
	NVIRT_A_VIF_STATS_RING_THROTTLED,
	NVIRT_A_VIF_STATS_RING_DROPS,
	NVIRT_A_VIF_STATS_TX_SWITCHED,
	NVIRT_A_VIF_STATS_RX_REFLECTED,

	__NVIRT_A_VIF_STATS_MAX,
	NVIRT_A_VIF_STATS_MAX = (__NVIRT_A_VIF_STATS_MAX - 1)
};

enum {
	NVIRT_CMD_VERSION_GET = 1,
	NVIRT_CMD_NIC_GET,
	NVIRT_CMD_NIC_SET,
	NVIRT_CMD_NIC_ADD_NTF,
	NVIRT_CMD_NIC_DEL_NTF,
	NVIRT_CMD_NIC_CHANGE_NTF,
	NVIRT_CMD_VIF_NEW,
	NVIRT_CMD_VIF_DEL,
	NVIRT_CMD_VIF_GET,
	NVIRT_CMD_VIF_SET,
	NVIRT_CMD_VIF_ADD_NTF,
	NVIRT_CMD_VIF_DEL_NTF,
	NVIRT_CMD_VIF_CHANGE_NTF,
	NVIRT_CMD_VIF_EXPLAIN,
	NVIRT_CMD_POLICY_NEW,
	NVIRT_CMD_POLICY_GET,
	NVIRT_CMD_POLICY_SET,
	NVIRT_CMD_POLICY_DEL,
	NVIRT_CMD_POLICY_ADD_NTF,
	NVIRT_CMD_POLICY_DEL_NTF,
	NVIRT_CMD_POLICY_CHANGE_NTF,
	NVIRT_CMD_POOL_NEW,
	NVIRT_CMD_POOL_GET,
	NVIRT_CMD_POOL_SET,
	NVIRT_CMD_POOL_DEL,
	NVIRT_CMD_POOL_ADD_NTF,
	NVIRT_CMD_POOL_DEL_NTF,
	NVIRT_CMD_POOL_CHANGE_NTF,
	NVIRT_CMD_NIC_VERIFY,

	__NVIRT_CMD_MAX,
	NVIRT_CMD_MAX = (__NVIRT_CMD_MAX - 1)
};

#define NVIRT_MCGRP_MONITOR	"monitor"

#endif /* _UAPI_LINUX_NVIRT_H */
