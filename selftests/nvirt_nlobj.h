/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt's objects over raw netlink (nvirt_nlraw.h), for the fuzz and soak
 * tests: make and drop VIFs and policies, dump NICs, VIFs and policies
 * with a check of each dump's consistency, and read notifications with a
 * check of their order.
 */
#ifndef NVIRT_NLOBJ_H
#define NVIRT_NLOBJ_H

#include <stdbool.h>
#include <linux/types.h>

#include "nvirt_nlraw.h"

/* nvirt's objects as its dumps report them. */
struct nv_vif {
	__u32 id;
	char name[16];
	char ifname[16];
	__u32 ifindex;
	__u32 parent;
	__u8 backend;
	bool has_nsid;
	__s32 nsid;
};

struct nv_nic {
	__u32 ifindex;
	char name[16];
	int managed;
	__u32 total_vfs;
};

#define NV_MAX	256

/* A dump's objects, how it went (@a), and whether it looked consistent. */
struct nv_dump {
	int n;
	bool dup_id;		/* an id twice */
	bool dup_name;		/* a name twice */
	bool unordered;		/* ids not increasing */
	struct nvnl_ans a;
};

int nv_do(int fd, struct nvnl_msg *m, struct nvnl_ans *a);
int nv_vif_dump(int fd, int family, struct nv_vif *v, struct nv_dump *d);
int nv_vif_dump_on(int fd, int family, __u32 parent, struct nv_vif *v,
		   struct nv_dump *d);
int nv_vif_get(int fd, int family, __u32 id, const char *name,
	       struct nv_vif *v);
int nv_policy_dump(int fd, int family, char (*names)[32], struct nv_dump *d);
int nv_nic_dump(int fd, int family, struct nv_nic *nics, struct nv_dump *d);
int nv_vif_new(int fd, int family, const char *name, __u32 parent,
	       int backend, int netns_fd, struct nvnl_ans *a);
int nv_vif_del(int fd, int family, __u32 id, const char *name,
	       struct nvnl_ans *a);
int nv_policy_del(int fd, int family, const char *name, struct nvnl_ans *a);
int nv_nic_set_managed(int fd, int family, __u32 ifindex, int managed);

/*
 * Notifications of the monitor group, checked as they come: each well
 * formed, and each VIF's (by id), policy's and pool's (by name) in an
 * order that can be: no add of one present, no change or del of one
 * deleted.
 */
#define NV_MON_IDS	1024
struct nv_mon_named {
	int n;
	struct {
		char name[32];
		__u8 state;
	} obj[64];
};

struct nv_mon {
	/* [nic, vif, policy, pool][add, del, change] */
	unsigned long ntf[4][3];
	unsigned long overruns, malformed, disorder;
	char why[128];			/* the first disorder */
	__u8 vif[NV_MON_IDS];		/* 0 unknown, 1 present, 2 deleted */
	struct nv_mon_named pol, pool;
};

int nv_mon_read(int fd, int family, struct nv_mon *mon, bool wait);

#endif
