/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt's CNI plugin: what its parts share (cni.c, conf.c, ipam.c,
 * link.c).
 */

#ifndef _NVIRT_CNI_H
#define _NVIRT_CNI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <json-c/json.h>
#include <nvirt/nvirt.h>

/* The CNI version of the results this plugin makes, and the only one. */
#define CNI_VERSION	"1.0.0"

/* Error codes of the CNI specification ("Error"); 100 and up are ours. */
enum cni_code {
	CNI_ERR_VERSION		= 1,	/* incompatible CNI version */
	CNI_ERR_FIELD		= 2,	/* unsupported field in the config */
	CNI_ERR_CONTAINER	= 3,	/* container unknown or gone */
	CNI_ERR_ENV		= 4,	/* invalid necessary environment */
	CNI_ERR_IO		= 5,	/* I/O failure */
	CNI_ERR_DECODE		= 6,	/* failed to decode content */
	CNI_ERR_CONFIG		= 7,	/* invalid network config */
	CNI_ERR_AGAIN		= 11,	/* try again later */
	CNI_ERR_NVIRT		= 100,	/* nvirt refused: its message */
	CNI_ERR_CHECK		= 101,	/* CHECK: not as it was made */
};

/*
 * What the runtime asks: the network config (stdin) and the environment
 * (CNI_*).
 */
struct cni_req {
	const char *command;		/* ADD, DEL, CHECK, VERSION */
	const char *container;		/* CNI_CONTAINERID */
	const char *netns;		/* CNI_NETNS: a path */
	const char *ifname;		/* CNI_IFNAME */
	const char *path;		/* CNI_PATH */
	const char *stdin_text;		/* the config, as read */
	struct json_object *conf;	/* parsed */
	const char *parent;		/* "parent": the NIC */
	struct nvirt_vif_config cfg;	/* the keys of "vif add" it has */
	struct nvirt_policy pol;
	char vif[16];			/* the VIF's name, from the above */
};

__attribute__((noreturn, format(printf, 3, 4)))
void cni_fail(enum cni_code code, const char *details, const char *fmt, ...);
__attribute__((noreturn)) void cni_fail_as(const char *error);

char *cni_read_all(FILE *fp);
int conf_read(struct cni_req *req);

struct json_object *ipam_exec(const struct cni_req *req, const char *command,
			      bool undoing);

int link_setup(const struct cni_req *req, uint32_t ifindex,
	       struct json_object *ipam, char *mac, size_t mac_len);
int link_check(const struct cni_req *req, const struct nvirt_vif *vif,
	       struct json_object *prev);

#endif /* _NVIRT_CNI_H */
