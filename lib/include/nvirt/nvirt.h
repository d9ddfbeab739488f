/* SPDX-License-Identifier: LGPL-2.1 */
/*
 * libnvirt: talk to the nvirt kernel module over its generic netlink family.
 *
 * Every call that returns int returns 0 or a negative errno. After a failed
 * call, nvirt_strerror() says why: the kernel's own message when it sent
 * one, else the text of the errno. A handle is not thread-safe; use one per
 * thread.
 */

#ifndef _NVIRT_NVIRT_H
#define _NVIRT_NVIRT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An open connection to the nvirt family; opaque. */
struct nvirt;

/**
 * nvirt_open() - connect to the nvirt generic netlink family
 *
 * Return: a handle, or NULL with errno set; ENOENT when the nvirt kernel
 * module is not loaded.
 */
struct nvirt *nvirt_open(void);

/**
 * nvirt_close() - close a handle; NULL is ignored
 * @h: the handle
 */
void nvirt_close(struct nvirt *h);

/**
 * nvirt_strerror() - why the last failed call on a handle failed
 * @h: the handle
 *
 * Return: the kernel's extended ACK message when it sent one, else the
 * text of the errno; "" when no call has failed yet. Valid until the next
 * call on @h.
 */
const char *nvirt_strerror(const struct nvirt *h);

/**
 * nvirt_warning() - the kernel's warning about the last successful call
 * @h: the handle
 *
 * Return: the extended ACK message the kernel attached to a successful
 * reply, or NULL when it sent none. Valid until the next call on @h.
 */
const char *nvirt_warning(const struct nvirt *h);

/* Version of this library, e.g. "0.1.0". */
const char *nvirt_lib_version(void);

/*
 * Records. Since NVIRT_0.3 the library allocates the records it hands
 * out (one block each: free it with nvirt_free()), and those it passes to
 * callbacks are its own, valid while the callback runs. A record, and
 * each element of its arrays, starts with its size: the bytes the library
 * filled. Records grow only at their end, so a program built against an
 * older header reads what it knows, and one built against a newer header
 * asks NVIRT_HAS() before it reads a member an older library may lack.
 * An array is a pointer and a count, as long as the kernel's list.
 */
#define NVIRT_HAS(rec, member)						\
	((size_t)((const char *)&(rec)->member - (const char *)(rec)) +	\
	 sizeof((rec)->member) <= (rec)->size)

/* Free a record the library returned; NULL is ignored. */
void nvirt_free(void *rec);

struct nvirt_version {
	uint32_t size;		/* see NVIRT_HAS() */
	uint32_t api;		/* level of the uAPI it speaks */
	char version[32];	/* version of the loaded module */
};

/* The loaded module's version: on success *@v, for nvirt_free(). */
int nvirt_version_get(struct nvirt *h, struct nvirt_version **v);

/* Channel counts, as "ethtool -l" shows them. */
struct nvirt_channels {
	uint32_t rx, tx, other, combined;
	uint32_t max_rx, max_tx, max_other, max_combined;
};

/* An enabled VF of a PF. */
struct nvirt_nic_vf {
	uint32_t size;		/* see NVIRT_HAS() */
	uint32_t index;		/* its index on the PF */
	uint32_t ifindex;	/* its netdev in the PF's netns, or 0 */
	char bus_addr[32];
};

/*
 * How a NIC can honour a knob. The codes are those of <linux/nvirt.h>;
 * nvirt_knob_name(), nvirt_support_name() and nvirt_reason_name() name
 * them.
 */
struct nvirt_cap {
	uint32_t size;		/* see NVIRT_HAS() */
	uint32_t knob;		/* enum nvirt_knob */
	uint32_t support;	/* enum nvirt_support */
	uint32_t reason;	/* enum nvirt_reason: why not in hardware */
	/*
	 * enum nvirt_verify: what nvirt found testing it (libnvirt 0.5,
	 * nvirt_nic_verify(); nvirt_verify_name())
	 */
	uint32_t verified;
};

/*
 * A NIC as the kernel sees it; absent strings are "", absent addresses 0
 * long, absent numbers 0. Since NVIRT_0.3 a record of the library's
 * (see NVIRT_HAS()), with every VF and every knob the kernel sent.
 */
struct nvirt_nic {
	uint32_t size;		/* see NVIRT_HAS() */
	uint32_t ifindex;
	char ifname[16];
	char driver[32];
	char bus[16];
	char bus_addr[32];
	uint32_t address_len, perm_address_len;
	uint8_t address[32];
	uint8_t perm_address[32];
	uint32_t mtu, min_mtu, max_mtu;
	uint32_t operstate;	/* IF_OPER_* of <linux/if.h> */
	uint32_t link_type;	/* ARPHRD_* of <linux/if_arp.h> */
	bool managed;

	/* the probed capability record */
	bool has_speed;
	uint32_t speed;		/* Mb/s */
	uint32_t tx_queues, max_tx_queues, rx_queues, max_rx_queues;
	bool has_channels;
	struct nvirt_channels channels;

	bool sriov;		/* an SR-IOV capable PF */
	uint32_t sriov_total_vfs, sriov_num_vfs;
	uint32_t n_vfs;		/* every enabled VF, in the kernel's order */
	const struct nvirt_nic_vf *const *vfs;

	bool is_vf;		/* an SR-IOV VF: the PF and its index on it */
	uint32_t pf_ifindex;	/* 0: not in the VF's netns */
	uint32_t vf_index;
	char pf_bus_addr[32];

	/* every knob the kernel sent, one each, in its order */
	uint32_t n_caps;
	const struct nvirt_cap *const *caps;

	/* mode of the embedded switch, when the driver reports one */
	bool has_esw_mode;
	uint32_t esw_mode;	/* NVIRT_ESW_MODE_VEB (0) or _VEPA (1) */

	/*
	 * Who holds the NIC's receive handler, which soft and queue VIFs
	 * need (libnvirt 0.4, NVIRT_HAS(nic, holder_ifname)): has_holder,
	 * when somebody does; holder, an NVIRT_HOLDER_* (nvirt_holder_name());
	 * holder_ifname, its device ("" when it has none: nvirt, another
	 * driver).
	 */
	bool has_holder;
	uint32_t holder;
	char holder_ifname[16];
};

/*
 * A NIC is named by @ifindex, by @ifname or by both (which must then agree):
 * pass 0 for "no ifindex" and NULL for "no ifname". Names are checked by the
 * kernel, not here. On success *@nic is its record, for nvirt_free().
 */
int nvirt_nic_get(struct nvirt *h, uint32_t ifindex, const char *ifname,
		  struct nvirt_nic **nic);

/* The capability of @nic for @knob, or NULL when the kernel did not say. */
const struct nvirt_cap *nvirt_nic_cap(const struct nvirt_nic *nic,
				      unsigned int knob);

/*
 * Called for each NIC of a dump, with a record valid while it runs;
 * non-zero stops the dump and is returned.
 */
typedef int (*nvirt_nic_cb)(const struct nvirt_nic *nic, void *arg);

/*
 * Call @cb for every NIC of the caller's network namespace, in ifindex
 * order. The list is a consistent snapshot: it is fetched whole (and again
 * when the kernel says it changed meanwhile) before @cb first runs.
 */
int nvirt_nic_dump(struct nvirt *h, nvirt_nic_cb cb, void *arg);

/* Let nvirt use a NIC (managed) or make it keep off; needs CAP_NET_ADMIN. */
int nvirt_nic_set_managed(struct nvirt *h, uint32_t ifindex,
			  const char *ifname, bool managed);

/*
 * Names of a knob ("vf-mac"), a support level ("hardware") and a reason
 * ("no-driver-op"), as the nvirt netlink spec spells them; NULL for a code
 * this library does not know.
 */
const char *nvirt_knob_name(unsigned int knob);
const char *nvirt_support_name(unsigned int support);
const char *nvirt_reason_name(unsigned int reason);
/* Who holds a NIC's receive handler ("bridge"); libnvirt 0.4. */
const char *nvirt_holder_name(unsigned int holder);
/* What testing a knob found ("failed"); libnvirt 0.5. */
const char *nvirt_verify_name(unsigned int verified);
/* A pool NIC's link ("down-past-grace"); libnvirt 0.5. */
const char *nvirt_member_link_name(unsigned int link);

/* nvirt_nic_verify()'s flags. */
#define NVIRT_NIC_VERIFY_FORGET	(1u << 0)	/* forget, do not test */

/*
 * Test what a NIC declares, where it is safe to (libnvirt 0.5): VF
 * spoof-checking, with a VF nvirt makes for the test and deletes after.
 * Takes a free VF and seconds; needs CAP_NET_ADMIN. What was found is in
 * each cap's verified, which the planner trusts from then on, and said in
 * nvirt_warning(). With NVIRT_NIC_VERIFY_FORGET, every knob is untested
 * again. On success *@nic (unless NULL) is the NIC's record, for
 * nvirt_free().
 */
int nvirt_nic_verify(struct nvirt *h, uint32_t ifindex, const char *ifname,
		     uint32_t flags, struct nvirt_nic **nic);

/*
 * Virtual interfaces (VIFs): a netdev for a guest on a NIC (its parent),
 * realized by one of the NIC's mechanisms, its backend. The codes are
 * those of <linux/nvirt.h>; the nvirt_*_name() functions below name them.
 */

/*
 * Inputs. The structs a program hands the library start with their size
 * too, set by their NVIRT_*_INIT: the library reads no further, so a
 * program built against an older header sends what it knew, and one that
 * asks for a field an older library does not know is refused (EINVAL)
 * rather than half served.
 */

/* Which fields of a struct nvirt_policy a request carries. */
enum nvirt_policy_field {
	NVIRT_POLICY_F_GOAL		= 1 << 0,
	NVIRT_POLICY_F_ISOLATION	= 1 << 1,
	NVIRT_POLICY_F_MIGRATABLE	= 1 << 2,
	NVIRT_POLICY_F_VISIBILITY	= 1 << 3,
	NVIRT_POLICY_F_G2G		= 1 << 4,
	NVIRT_POLICY_F_PRIORITY		= 1 << 5,
};

/*
 * What a user wants of a VIF; nvirt turns it into a mechanism on each
 * NIC. In a request, the fields named in @fields change those of the
 * VIF's (or the named policy's) policy; in a record, @fields names those
 * the kernel sent. A rate is no goal but a setting: struct
 * nvirt_vif_config's, also for a named policy.
 */
struct nvirt_policy {
	uint32_t size;		/* NVIRT_POLICY_INIT's; see NVIRT_HAS() */
	uint32_t fields;	/* NVIRT_POLICY_F_* */
	uint32_t goal;		/* enum nvirt_goal */
	uint32_t isolation;	/* enum nvirt_isolation */
	uint32_t visibility;	/* enum nvirt_visibility */
	uint32_t g2g;		/* enum nvirt_g2g */
	uint32_t priority;	/* claim on scarce hardware; higher wins */
	bool migratable;	/* the guest must stay live-migratable */
};

#define NVIRT_POLICY_INIT	{ .size = sizeof(struct nvirt_policy) }

/* Where a setting in effect is enforced. */
struct nvirt_enforce {
	uint32_t size;		/* see NVIRT_HAS() */
	uint32_t setting;	/* enum nvirt_setting */
	/* enum nvirt_support: NVIRT_SUPPORT_HARDWARE (the NIC) or _SOFTWARE */
	uint32_t where;
};

/*
 * One reason of a plan: a stable code, and the kernel's words. (Not
 * "struct nvirt_plan_reason": <linux/nvirt.h> has that tag, for the codes.)
 */
struct nvirt_plan_why {
	uint32_t size;		/* see NVIRT_HAS() */
	uint32_t code;		/* enum nvirt_plan_reason */
	const char *text;	/* "" when the kernel gave none */
};

/*
 * How a NIC would realize (or realizes) a VIF, and why. A refusal is a
 * plan too: @error says so, @error_text and the reasons say why. A VIF
 * whose VF the plan takes (@displace) falls back to another backend.
 */
struct nvirt_plan {
	uint32_t size;		/* see NVIRT_HAS() */
	int32_t error;		/* 0, or the positive errno of a refusal */
	const char *error_text;	/* on a refusal, the deciding reason; else "" */
	uint32_t backend;	/* enum nvirt_backend */
	uint32_t g2g;		/* enum nvirt_g2g */
	bool migratable;	/* the guest could be live-migrated */
	uint32_t displace;	/* a VIF whose VF it takes, or 0 */
	uint32_t n_enforce;	/* the settings it would put in effect */
	const struct nvirt_enforce *const *enforce;
	uint32_t n_reasons;	/* every reason, in order */
	const struct nvirt_plan_why *const *reasons;
	/*
	 * A dry run's (libnvirt 0.5, NVIRT_HAS(plan, parent_ifname)): the
	 * NIC planned on, which nvirt chose for a VIF made from a pool;
	 * else "".
	 */
	char parent_ifname[16];
};

/* Traffic of a VIF, as its guest sees it. */
struct nvirt_vif_stats {
	uint32_t size;		/* see NVIRT_HAS() */
	bool has_spoof_dropped, has_vlan_dropped;
	/* soft and queue VIFs: their posts on the NIC's shared ring */
	bool has_ring;
	uint64_t rx_packets, rx_bytes, rx_dropped;
	uint64_t tx_packets, tx_bytes, tx_dropped;
	uint64_t spoof_dropped;	/* source MAC not the VIF's */
	uint64_t vlan_dropped;	/* to keep the VIF in its VLAN */
	/* with has_ring: */
	uint64_t ring_posts;	/* frames posted */
	uint64_t ring_retries;	/* posts the ring rejected, posted again */
	uint64_t ring_throttled;	/* held back by the VIF's credits */
	uint64_t ring_drops;	/* kept back, dropped when it went down */
	/* which way its traffic with other VIFs went */
	uint64_t tx_switched;	/* to another VIF by nvirt's switch */
	uint64_t rx_reflected;	/* from another VIF, back from the wire */
};

/*
 * A VIF as the kernel sees it; absent strings are "", absent numbers 0.
 * A record of the library's (see NVIRT_HAS()).
 */
struct nvirt_vif {
	uint32_t size;		/* see NVIRT_HAS() */
	uint32_t id;		/* unique while the VIF exists */
	char name[16];
	uint32_t parent_ifindex;
	char parent_ifname[16];
	uint32_t backend;	/* enum nvirt_backend, never auto */
	uint32_t ifindex;	/* its netdev, in its own netns */
	char ifname[16];	/* its netdev's name (a VF's keeps its own) */
	/* the netdev is in another netns: that one, as the caller's nsid */
	bool has_netns_id;
	int32_t netns_id;
	uint8_t mac[6];
	uint32_t vlan;		/* 0: none */
	uint32_t vlan_qos;	/* 802.1p priority */
	uint32_t vlan_proto;	/* enum nvirt_vlan_proto */
	uint32_t mtu;
	uint32_t max_rate, min_rate;	/* Mb/s, 0: none */
	bool spoofchk, trust;
	uint32_t link_state;	/* enum nvirt_link_state */
	uint32_t operstate;	/* IF_OPER_* of <linux/if.h> */
	bool has_queue;
	uint32_t queue;		/* queue backend: the NIC's TX queue it owns */
	bool has_vf_index;
	uint32_t vf_index;	/* vf backend: its VF's index on the NIC */
	/* where each setting in effect is enforced, in the kernel's order */
	uint32_t n_enforce;
	const struct nvirt_enforce *const *enforce;
	const struct nvirt_vif_stats *stats;	/* NULL: the kernel sent none */
	const struct nvirt_policy *policy;	/* its policy, the fields sent */
	char policy_name[32];	/* the named policy it follows, or "" */
	/* migration readiness: no guest state is held in the NIC */
	bool has_migratable;
	bool migratable;
	uint32_t g2g;		/* enum nvirt_g2g: its path to other VIFs */
	/*
	 * Why it is on its backend, when the record carried a plan: that of
	 * nvirt_vif_new() and nvirt_vif_explain(), and a monitor event's
	 * (a VIF moved to another backend, say); NULL otherwise.
	 */
	const struct nvirt_plan *plan;

	/*
	 * How it is handed to its guest (libnvirt 0.4, NVIRT_HAS(vif,
	 * attach_pci)): attach, an NVIRT_ATTACH_* (nvirt_attach_name());
	 * attach_path, the device it is attached through ("/dev/tap7" for
	 * a tap, "/dev/vfio/12" for a VF given to VFIO), "" when its netdev
	 * is the guest's; attach_pci, the PCI address of a VF given to VFIO
	 * ("0000:01:10.0"), else "". Such a VF has no netdev on the host:
	 * ifindex 0, ifname "".
	 */
	uint32_t attach;
	char attach_path[32];
	char attach_pci[16];

	/*
	 * The pool its NIC was chosen from (libnvirt 0.5, NVIRT_HAS(vif,
	 * pool_name)), "" when its NIC was named.
	 */
	char pool_name[32];
};

/* Which fields of a struct nvirt_vif_config a request carries. */
enum nvirt_vif_field {
	NVIRT_VIF_F_BACKEND	= 1 << 0,
	NVIRT_VIF_F_MAC		= 1 << 1,
	NVIRT_VIF_F_VLAN	= 1 << 2,
	NVIRT_VIF_F_VLAN_QOS	= 1 << 3,
	NVIRT_VIF_F_VLAN_PROTO	= 1 << 4,
	NVIRT_VIF_F_MTU		= 1 << 5,
	NVIRT_VIF_F_MAX_RATE	= 1 << 6,
	NVIRT_VIF_F_MIN_RATE	= 1 << 7,
	NVIRT_VIF_F_SPOOFCHK	= 1 << 8,
	NVIRT_VIF_F_TRUST	= 1 << 9,
	NVIRT_VIF_F_LINK_STATE	= 1 << 10,
	NVIRT_VIF_F_NETNS	= 1 << 11,
	NVIRT_VIF_F_POLICY	= 1 << 12,	/* those of policy->fields */
	NVIRT_VIF_F_POLICY_NAME	= 1 << 13,
	NVIRT_VIF_F_ATTACH	= 1 << 14,	/* libnvirt 0.4 */
	NVIRT_VIF_F_POOL_NAME	= 1 << 15,	/* libnvirt 0.5; new VIFs only */
};

/*
 * Settings of a VIF to create or change: only the fields named in @fields
 * are sent; the kernel picks defaults for the others of a new VIF (a
 * random MAC, spoofchk on, trust off, ...). Values are checked by the
 * kernel, not here.
 */
struct nvirt_vif_config {
	uint32_t size;		/* NVIRT_VIF_CONFIG_INIT's; see NVIRT_HAS() */
	uint32_t fields;	/* NVIRT_VIF_F_* */
	uint32_t backend;	/* enum nvirt_backend */
	uint8_t mac[6];
	uint32_t vlan;		/* 0: none */
	uint32_t vlan_qos, vlan_proto;
	uint32_t mtu;
	uint32_t max_rate, min_rate;	/* Mb/s, 0: none */
	bool spoofchk, trust;
	uint32_t link_state;	/* enum nvirt_link_state */
	int32_t netns_fd;	/* the netns to put the VIF's netdev in */
	const struct nvirt_policy *policy;	/* with NVIRT_VIF_F_POLICY */
	/* the named policy to follow, "" for none; not NULL */
	const char *policy_name;
	/*
	 * how to hand it to its guest, an NVIRT_ATTACH_* (libnvirt 0.4):
	 * NVIRT_ATTACH_TAP for a tap device (soft and queue backends; not
	 * with NVIRT_VIF_F_NETNS); NETNS_FD implies NVIRT_ATTACH_NETNS
	 */
	uint32_t attach;
	/*
	 * the pool nvirt is to choose the new VIF's NIC from (libnvirt 0.5),
	 * in place of a NIC named to nvirt_vif_new(); not NULL
	 */
	const char *pool_name;
};

#define NVIRT_VIF_CONFIG_INIT						\
	{ .size = sizeof(struct nvirt_vif_config), .netns_fd = -1 }

/*
 * Create a VIF called @name on a NIC of the caller's network namespace,
 * named as by nvirt_nic_get() (or by 0 and NULL, for @cfg's pool or the
 * pool of the named policy it is to follow); needs CAP_NET_ADMIN. @cfg
 * may be NULL for all defaults. On success *@vif is the new VIF's record,
 * with the plan that placed it, for nvirt_free(); pass NULL not to have
 * it.
 */
int nvirt_vif_new(struct nvirt *h, const char *name, uint32_t parent_ifindex,
		  const char *parent_ifname,
		  const struct nvirt_vif_config *cfg, struct nvirt_vif **vif);

/*
 * A VIF is named by @id, by @name or by both (which must then agree):
 * pass 0 for "no id" and NULL for "no name".
 */
int nvirt_vif_del(struct nvirt *h, uint32_t id, const char *name);
/* On success *@vif is its record, for nvirt_free(). */
int nvirt_vif_get(struct nvirt *h, uint32_t id, const char *name,
		  struct nvirt_vif **vif);

/*
 * Change the settings of @cfg on a VIF, all or nothing; needs
 * CAP_NET_ADMIN. A new backend or policy may move the VIF to another
 * backend; when the NIC cannot give it one, the call fails and the VIF
 * stays as it was.
 */
int nvirt_vif_set(struct nvirt *h, uint32_t id, const char *name,
		  const struct nvirt_vif_config *cfg);

/*
 * Dry runs of nvirt_vif_new() and nvirt_vif_set(): nothing changes, and
 * *@plan says what would happen (for nvirt_free()). A refused plan is no
 * failure: the call returns 0 with (*@plan)->error set. They fail (a
 * negative errno, and nvirt_strerror() says why) when the request itself
 * is wrong: a bad name, no such NIC or VIF, ... Need CAP_NET_ADMIN.
 */
int nvirt_vif_new_plan(struct nvirt *h, const char *name,
		       uint32_t parent_ifindex, const char *parent_ifname,
		       const struct nvirt_vif_config *cfg,
		       struct nvirt_plan **plan);
int nvirt_vif_set_plan(struct nvirt *h, uint32_t id, const char *name,
		       const struct nvirt_vif_config *cfg,
		       struct nvirt_plan **plan);

/*
 * Plan a VIF, named as by nvirt_vif_get(), again: why it is on its
 * backend and whether it can be migrated. *@vif (for nvirt_free()) has
 * the fields the reply has: its id, name, NIC, backend, policy, policy
 * name and migratable, and the plan; the others are 0. Changes nothing.
 */
int nvirt_vif_explain(struct nvirt *h, uint32_t id, const char *name,
		      struct nvirt_vif **vif);

/*
 * Called for each VIF of a dump, with a record valid while it runs;
 * non-zero stops the dump and is returned.
 */
typedef int (*nvirt_vif_cb)(const struct nvirt_vif *vif, void *arg);

/*
 * Call @cb for every VIF of the caller's network namespace, or only for
 * those on one NIC when @parent_ifindex or @parent_ifname names one (0 and
 * NULL: all). The list is a consistent snapshot, as of nvirt_nic_dump().
 */
int nvirt_vif_dump(struct nvirt *h, uint32_t parent_ifindex,
		   const char *parent_ifname, nvirt_vif_cb cb, void *arg);

/*
 * Call @cb for every VIF of the caller's network namespace (or of one
 * NIC, as nvirt_vif_dump()) with the config that would create it again,
 * what it was asked for. @cfg has the fields BACKEND (auto when nvirt
 * chose it), MAC, MTU, SPOOFCHK, TRUST and LINK_STATE; VLAN, VLAN_QOS and
 * VLAN_PROTO when it has a VLAN; MAX_RATE, MIN_RATE and POLICY (with
 * policy->fields) for those given to it itself, which it does not follow
 * from a named policy; POLICY_NAME when it follows one; ATTACH for a
 * tap (libnvirt 0.4). Never NETNS
 * (netns_fd is -1): @vif says where its netdev is. Both are the library's,
 * valid while @cb runs. -EOPNOTSUPP when the kernel's records do not say
 * it (an older nvirt.ko).
 */
typedef int (*nvirt_vif_config_cb)(const struct nvirt_vif *vif,
				   const struct nvirt_vif_config *cfg,
				   void *arg);
int nvirt_vif_dump_config(struct nvirt *h, uint32_t parent_ifindex,
			  const char *parent_ifname, nvirt_vif_config_cb cb,
			  void *arg);

/*
 * Names of a backend ("queue"), a setting ("max-rate"), a link state
 * ("enable") and a VLAN protocol ("802.1Q"); NULL for a code this library
 * does not know.
 */
const char *nvirt_backend_name(unsigned int backend);
const char *nvirt_setting_name(unsigned int setting);
const char *nvirt_link_state_name(unsigned int state);
const char *nvirt_vlan_proto_name(unsigned int proto);

/*
 * Names of a policy's goal ("throughput"), isolation ("strict"),
 * visibility ("host"), path between VIFs ("external") and of a plan's
 * reason ("vf-exhausted"); NULL for a code this library does not know.
 */
const char *nvirt_goal_name(unsigned int goal);
const char *nvirt_isolation_name(unsigned int isolation);
const char *nvirt_visibility_name(unsigned int visibility);
const char *nvirt_g2g_name(unsigned int g2g);
const char *nvirt_plan_reason_name(unsigned int reason);
/* Name of an attach kind ("tap"), NULL when unknown (libnvirt 0.4). */
const char *nvirt_attach_name(unsigned int attach);

/*
 * Named policies: a policy kept by name in a network namespace, for VIFs
 * to follow (struct nvirt_vif_config's policy_name). A VIF's field is the
 * one given to the VIF itself if it ever was given one, else its named
 * policy's if that sets it, else the default; a VIF's record has the
 * fields in effect.
 */
struct nvirt_named_policy {
	uint32_t size;		/* see NVIRT_HAS() */
	char name[32];
	uint32_t users;		/* how many VIFs follow it */
	/* the goals it sets, and only those */
	const struct nvirt_policy *policy;
	/*
	 * the settings it gives its VIFs, NVIRT_VIF_F_MAX_RATE and _MIN_RATE,
	 * and with NVIRT_VIF_F_POOL_NAME the pool a new VIF that follows it
	 * takes its NIC from when it names neither a NIC nor a pool
	 * (libnvirt 0.5)
	 */
	const struct nvirt_vif_config *settings;
};

/*
 * The settings of a VIF a named policy can give: its rates; and, for a
 * new one, a pool (libnvirt 0.5; "" in a request: none).
 */
#define NVIRT_NAMED_POLICY_SETTINGS					\
	(NVIRT_VIF_F_MAX_RATE | NVIRT_VIF_F_MIN_RATE | NVIRT_VIF_F_POOL_NAME)

/*
 * Create a named policy in the caller's network namespace, with the
 * fields of @pol named in its fields and the settings of @settings named
 * in its (NULL: none); needs CAP_NET_ADMIN. Names and values are checked
 * by the kernel, not here.
 */
int nvirt_policy_new(struct nvirt *h, const char *name,
		     const struct nvirt_policy *pol,
		     const struct nvirt_vif_config *settings);

/*
 * Change the fields of @pol and @settings named in theirs (either may be
 * NULL), all or nothing; needs CAP_NET_ADMIN. Every VIF that follows the
 * policy is planned again and changed with it; when one of them cannot
 * follow, the call fails and the policy and every VIF stay as they were.
 */
int nvirt_policy_set(struct nvirt *h, const char *name,
		     const struct nvirt_policy *pol,
		     const struct nvirt_vif_config *settings);

/* Remove a named policy; -EBUSY while VIFs follow it. Needs CAP_NET_ADMIN. */
int nvirt_policy_del(struct nvirt *h, const char *name);

/* One named policy, by name: on success *@np, for nvirt_free(). */
int nvirt_policy_get(struct nvirt *h, const char *name,
		     struct nvirt_named_policy **np);

/*
 * Called for each policy of a dump, with a record valid while it runs;
 * non-zero stops the dump and is returned.
 */
typedef int (*nvirt_policy_cb)(const struct nvirt_named_policy *np,
			       void *arg);

/*
 * Call @cb for every named policy of the caller's network namespace. The
 * list is a consistent snapshot, as of nvirt_nic_dump().
 */
int nvirt_policy_dump(struct nvirt *h, nvirt_policy_cb cb, void *arg);

/*
 * Pools: NICs of a network namespace, kept by name, that nvirt chooses a
 * new VIF's NIC among (struct nvirt_vif_config's pool_name): the NIC
 * whose mechanism suits the VIF's goal best, then the one with more of it
 * free, more rate left to guarantee, fewer VIFs. The VIF's plan says why
 * (NVIRT_PLAN_REASON_NIC_CHOSEN, _NIC_NOT_CHOSEN). libnvirt 0.5.
 */
struct nvirt_pool_member {
	uint32_t ifindex;
	char ifname[16];	/* "" when it has none (a moment, going) */
};

struct nvirt_pool {
	uint32_t size;		/* see NVIRT_HAS() */
	char name[32];
	uint32_t vifs;		/* how many VIFs were made from it */
	uint32_t n_members;
	const struct nvirt_pool_member *members;	/* in its order */
	/*
	 * seconds a NIC's link may stay down before the pool's VIFs on it
	 * move to another NIC of it whose link is up
	 */
	uint32_t grace;
	/*
	 * for each member, its link: enum nvirt_member_link, up (0), down,
	 * or down past the grace (nvirt_member_link_name())
	 */
	const uint32_t *link;
};

enum nvirt_pool_field {
	NVIRT_POOL_F_DEVS	= 1 << 0,
	NVIRT_POOL_F_GRACE	= 1 << 1,
};

/*
 * What to make a pool with, or change of it: only the fields named in
 * @fields are sent. A new pool needs its NICs; its grace is 30 s unless
 * given.
 */
struct nvirt_pool_config {
	uint32_t size;		/* NVIRT_POOL_CONFIG_INIT's; see NVIRT_HAS() */
	uint32_t fields;	/* NVIRT_POOL_F_* */
	const char *const *devs;	/* its NICs, by name, at most 8 */
	uint32_t n_devs;
	uint32_t grace;		/* seconds, at most 3600; 0: move at once */
};

#define NVIRT_POOL_CONFIG_INIT	{ .size = sizeof(struct nvirt_pool_config) }

/*
 * Create a pool of the NICs of @cfg (at least one) in the caller's
 * network namespace; needs CAP_NET_ADMIN.
 */
int nvirt_pool_new(struct nvirt *h, const char *name,
		   const struct nvirt_pool_config *cfg);

/*
 * Replace a pool's NICs, its grace or both, as @cfg names; needs
 * CAP_NET_ADMIN. Fails with -EBUSY when a NIC left out holds a VIF made
 * from the pool.
 */
int nvirt_pool_set(struct nvirt *h, const char *name,
		   const struct nvirt_pool_config *cfg);

/* Remove a pool; -EBUSY while VIFs made from it exist. CAP_NET_ADMIN. */
int nvirt_pool_del(struct nvirt *h, const char *name);

/* One pool, by name: on success *@pool, for nvirt_free(). */
int nvirt_pool_get(struct nvirt *h, const char *name,
		   struct nvirt_pool **pool);

/*
 * Called for each pool of a dump, with a record valid while it runs;
 * non-zero stops the dump and is returned.
 */
typedef int (*nvirt_pool_cb)(const struct nvirt_pool *pool, void *arg);

/* Call @cb for every pool of the caller's network namespace. */
int nvirt_pool_dump(struct nvirt *h, nvirt_pool_cb cb, void *arg);

/*
 * The monitor: events on the NICs, VIFs, named policies and pools of the
 * caller's network namespace, as the kernel announces them. They come on
 * a socket of the handle's own, so requests on the handle still work
 * meanwhile, also from an event callback.
 */

enum nvirt_event {
	NVIRT_EVENT_NIC_ADD = 1,	/* a NIC appeared (or moved in) */
	NVIRT_EVENT_NIC_DEL,		/* a NIC went away (or moved out) */
	NVIRT_EVENT_NIC_CHANGE,		/* a NIC's record changed */
	NVIRT_EVENT_VIF_ADD,		/* a VIF was created */
	NVIRT_EVENT_VIF_DEL,		/* a VIF was removed */
	NVIRT_EVENT_VIF_CHANGE,		/* a VIF's settings or state changed */
	NVIRT_EVENT_POLICY_ADD,		/* a named policy was created */
	NVIRT_EVENT_POLICY_DEL,		/* a named policy was removed */
	/* a named policy's fields changed (its VIFs send their own events) */
	NVIRT_EVENT_POLICY_CHANGE,
	NVIRT_EVENT_POOL_ADD,		/* a pool was created (libnvirt 0.5) */
	NVIRT_EVENT_POOL_DEL,		/* a pool was removed */
	/* a pool's NICs, grace or VIFs, or a member's link state, changed */
	NVIRT_EVENT_POOL_CHANGE,
};

/*
 * Called for each event with the record of its object as it now is (as
 * it last was for a *_DEL event): @nic for NVIRT_EVENT_NIC_*, @vif for
 * NVIRT_EVENT_VIF_*, @policy for NVIRT_EVENT_POLICY_*, the others NULL;
 * for NVIRT_EVENT_POOL_* all three are NULL and nvirt_event_pool() has
 * the pool's (programs built against libnvirt 0.4 or older get no pool
 * event). Non-zero ends the monitor and is returned.
 */
typedef int (*nvirt_event_cb)(enum nvirt_event ev,
			      const struct nvirt_nic *nic,
			      const struct nvirt_vif *vif,
			      const struct nvirt_named_policy *policy,
			      void *arg);

/*
 * Subscribe to the events. From its return on, events are kept for the
 * calls below, which subscribe first themselves when needed: call it to
 * know when the subscription is in place. A second call does nothing.
 */
int nvirt_monitor_start(struct nvirt *h);

/*
 * Deliver events, waiting for them, until @cb returns non-zero or an error;
 * signals do not end the wait. Return: @cb's value or a negative errno;
 * -ENOBUFS says events were lost (the socket overflowed), and the monitor
 * can go on.
 */
int nvirt_monitor(struct nvirt *h, nvirt_event_cb cb, void *arg);

/*
 * For a poll() loop of the caller's own: the descriptor that gets readable
 * when events wait (or a negative errno), and delivering those that wait,
 * without waiting. nvirt_monitor_step() returns 0 once none waits, or as
 * nvirt_monitor().
 */
int nvirt_monitor_fd(struct nvirt *h);
int nvirt_monitor_step(struct nvirt *h, nvirt_event_cb cb, void *arg);

/*
 * Name of an event: "add", "del", "change", for NICs, VIFs, policies and
 * pools alike; NULL for an unknown one.
 */
const char *nvirt_event_name(enum nvirt_event ev);

/*
 * While an event callback runs: what made the event happen, an enum
 * nvirt_cause of <linux/nvirt.h> (NVIRT_CAUSE_REQUEST, _NETDEV, _PARENT,
 * _NETNS, _POLICY, _PLACEMENT, _UNLOAD, _RESCAN); 0 when the kernel did
 * not say. Its name ("policy"), or NULL for a code this library does not
 * know. Since NVIRT_0.2.
 */
unsigned int nvirt_event_cause(const struct nvirt *h);
const char *nvirt_cause_name(unsigned int cause);

/*
 * While the callback of an NVIRT_EVENT_POOL_* event runs: the pool's
 * record, valid until it returns; NULL for other events. libnvirt 0.5.
 */
const struct nvirt_pool *nvirt_event_pool(const struct nvirt *h);

#ifdef __cplusplus
}
#endif

#endif /* _NVIRT_NVIRT_H */
