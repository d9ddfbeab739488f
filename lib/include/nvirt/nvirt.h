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

struct nvirt_version {
	char version[32];	/* version of the loaded module */
	uint32_t api;		/* level of the uAPI it speaks */
};

int nvirt_version_get(struct nvirt *h, struct nvirt_version *v);

/* The most VFs of a PF struct nvirt_nic lists; the rest are left out. */
#define NVIRT_NIC_MAX_VFS	256
/* The knobs this library knows (enum nvirt_knob of <linux/nvirt.h>). */
#define NVIRT_LIB_KNOBS		19

/* Channel counts, as "ethtool -l" shows them. */
struct nvirt_channels {
	uint32_t rx, tx, other, combined;
	uint32_t max_rx, max_tx, max_other, max_combined;
};

/* An enabled VF of a PF. */
struct nvirt_nic_vf {
	uint32_t index;		/* its index on the PF */
	char bus_addr[32];
	uint32_t ifindex;	/* its netdev in the PF's netns, or 0 */
};

/*
 * How a NIC can honour a knob. The codes are those of <linux/nvirt.h>;
 * nvirt_support_name() and nvirt_reason_name() name them.
 */
struct nvirt_cap {
	bool known;		/* false: the kernel did not say */
	uint8_t support;	/* enum nvirt_support */
	uint8_t reason;		/* enum nvirt_reason: why not in hardware */
};

/*
 * A NIC as the kernel sees it; absent strings are "", absent addresses 0
 * long, absent numbers 0.
 */
struct nvirt_nic {
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
	uint8_t operstate;	/* IF_OPER_* of <linux/if.h> */
	bool managed;
	uint16_t link_type;	/* ARPHRD_* of <linux/if_arp.h> */

	/* the probed capability record */
	bool has_speed;
	uint32_t speed;		/* Mb/s */
	uint32_t tx_queues, max_tx_queues, rx_queues, max_rx_queues;
	bool has_channels;
	struct nvirt_channels channels;

	bool sriov;		/* an SR-IOV capable PF */
	uint32_t sriov_total_vfs, sriov_num_vfs;
	bool vfs_truncated;	/* the PF has more than NVIRT_NIC_MAX_VFS */
	uint32_t n_vfs;
	struct nvirt_nic_vf vfs[NVIRT_NIC_MAX_VFS];

	bool is_vf;		/* an SR-IOV VF: the PF and its index on it */
	char pf_bus_addr[32];
	uint32_t pf_ifindex;	/* 0: not in the VF's netns */
	uint32_t vf_index;

	/* by enum nvirt_knob; knobs beyond the library's are left out */
	struct nvirt_cap caps[NVIRT_LIB_KNOBS];

	/* mode of the embedded switch, when the driver reports one */
	bool has_esw_mode;
	uint8_t esw_mode;	/* NVIRT_ESW_MODE_VEB (0) or _VEPA (1) */
};

/*
 * A NIC is named by @ifindex, by @ifname or by both (which must then agree):
 * pass 0 for "no ifindex" and NULL for "no ifname". Names are checked by the
 * kernel, not here.
 */
int nvirt_nic_get(struct nvirt *h, uint32_t ifindex, const char *ifname,
		  struct nvirt_nic *nic);

/* Called for each NIC of a dump; non-zero stops it and is returned. */
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

/*
 * The monitor: events on the NICs of the caller's network
 * namespace, as the kernel announces them. They come on a socket of the
 * handle's own, so requests on the handle still work meanwhile, also
 * from an event callback.
 */

enum nvirt_event {
	NVIRT_EVENT_NIC_ADD = 1,	/* a NIC appeared (or moved in) */
	NVIRT_EVENT_NIC_DEL,		/* a NIC went away (or moved out) */
	NVIRT_EVENT_NIC_CHANGE,		/* a NIC's record changed */
};

/*
 * Called for each event with the NIC's record as it now is (as it last
 * was for NVIRT_EVENT_NIC_DEL); non-zero ends the monitor and is
 * returned.
 */
typedef int (*nvirt_event_cb)(enum nvirt_event ev,
			      const struct nvirt_nic *nic, void *arg);

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

/* Name of an event: "add", "del", "change"; NULL for an unknown one. */
const char *nvirt_event_name(enum nvirt_event ev);

#ifdef __cplusplus
}
#endif

#endif /* _NVIRT_NVIRT_H */
