// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt's CNI plugin (CNI specification 1.0.0): a container's interface
 * is an nvirt VIF, placed by nvirt's policy engine on the NIC the network
 * config names, its addresses from the IPAM plugin the config names.
 *
 *   ADD      create the VIF in CNI_NETNS, name it CNI_IFNAME, address it
 *   DEL      delete it, and its addresses; what is gone already is no error
 *   CHECK    it is still as ADD made it (prevResult)
 *   VERSION  the versions this plugin speaks
 *
 * The VIF is named after the container and its interface (conf.c), so
 * that DEL and CHECK find it with no state of the plugin's own. Errors
 * are CNI's JSON on stdout, nvirt's refusals with the kernel's message.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cni.h"

/* What ADD undoes when it fails after making the VIF. */
static struct {
	struct nvirt *h;
	const struct cni_req *req;
	bool ipam;
} undo;

/* Take back what a failing ADD made: its VIF, its addresses. */
static void cni_undo(void)
{
	struct nvirt *h = undo.h;

	if (!h)
		return;
	undo.h = NULL;
	nvirt_vif_del(h, 0, undo.req->vif);
	if (undo.ipam)
		ipam_exec(undo.req, "DEL", true);
}

/**
 * cni_fail_as() - end the plugin with a CNI error another plugin made
 * @error: the error, as that plugin printed it
 */
void cni_fail_as(const char *error)
{
	cni_undo();
	fputs(error, stdout);
	exit(1);
}

/**
 * cni_fail() - end the plugin with a CNI error
 * @code: enum cni_code
 * @details: more, or NULL
 * @fmt: the message
 *
 * What a failing ADD made is taken back first.
 */
void cni_fail(enum cni_code code, const char *details, const char *fmt, ...)
{
	struct json_object *err = json_object_new_object();
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cni_undo();
	json_object_object_add(err, "cniVersion", json_object_new_string(CNI_VERSION));
	json_object_object_add(err, "code", json_object_new_int(code));
	json_object_object_add(err, "msg", json_object_new_string(msg));
	if (details)
		json_object_object_add(err, "details", json_object_new_string(details));
	puts(json_object_to_json_string_ext(err, JSON_C_TO_STRING_PRETTY |
					    JSON_C_TO_STRING_NOSLASHESCAPE));
	exit(1);
}

static const char *env(const char *name, bool needed)
{
	const char *v = getenv(name);

	if (needed && (!v || !*v))
		cni_fail(CNI_ERR_ENV, NULL, "%s is not set", name);
	return v;
}

/**
 * cni_read_all() - all of a stream, as a string
 * @fp: the stream, read to its end
 *
 * Return: what was read, NUL-terminated; ends the plugin when out of memory.
 */
char *cni_read_all(FILE *fp)
{
	size_t len = 0, size = 4096, n;
	char *buf = malloc(size + 1);

	while (buf && (n = fread(buf + len, 1, size - len, fp)) > 0) {
		len += n;
		if (len == size)
			buf = realloc(buf, (size *= 2) + 1);
	}
	if (!buf)
		cni_fail(CNI_ERR_IO, NULL, "out of memory");
	buf[len] = '\0';
	return buf;
}

static struct nvirt *cni_open(void)
{
	struct nvirt *h = nvirt_open();

	if (!h)
		cni_fail(CNI_ERR_NVIRT, strerror(errno),
			 errno == ENOENT ? "the nvirt module is not loaded" :
			 "cannot talk to nvirt");
	return h;
}

/* Add the result's pieces: the interface, and what IPAM gave. */
static void cni_result(const struct cni_req *req, struct json_object *ipam,
		       const char *mac)
{
	struct json_object *res = json_object_new_object();
	struct json_object *ifs = json_object_new_array();
	struct json_object *itf = json_object_new_object();
	struct json_object *ips, *v;
	size_t i;

	json_object_object_add(res, "cniVersion", json_object_new_string(CNI_VERSION));
	json_object_object_add(itf, "name", json_object_new_string(req->ifname));
	json_object_object_add(itf, "mac", json_object_new_string(mac));
	json_object_object_add(itf, "sandbox", json_object_new_string(req->netns));
	json_object_array_add(ifs, itf);
	json_object_object_add(res, "interfaces", ifs);
	if (json_object_object_get_ex(ipam, "ips", &ips)) {
		for (i = 0; i < json_object_array_length(ips); i++)
			json_object_object_add(json_object_array_get_idx(ips, i),
					       "interface", json_object_new_int(0));
		json_object_object_add(res, "ips", json_object_get(ips));
	}
	if (json_object_object_get_ex(ipam, "routes", &v))
		json_object_object_add(res, "routes", json_object_get(v));
	if (json_object_object_get_ex(ipam, "dns", &v))
		json_object_object_add(res, "dns", json_object_get(v));
	puts(json_object_to_json_string_ext(res, JSON_C_TO_STRING_PRETTY |
					    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(res);
}

static int cni_add(struct cni_req *req)
{
	struct json_object *ipam;
	struct nvirt_vif *vif;
	struct nvirt *h;
	char mac[32];
	int fd;

	/* Neither: the pool of its named policy, which nvirt checks. */
	if (req->parent && (req->cfg.fields & NVIRT_VIF_F_POOL_NAME))
		cni_fail(CNI_ERR_CONFIG, NULL,
			 "\"parent\" names the NIC, or \"pool\" the pool to choose it from: not both");
	if (!req->parent && !(req->cfg.fields & NVIRT_VIF_F_POOL_NAME) &&
	    !((req->cfg.fields & NVIRT_VIF_F_POLICY_NAME) &&
	      req->cfg.policy_name[0]))
		cni_fail(CNI_ERR_CONFIG, NULL,
			 "\"parent\" names the NIC, \"pool\" the pool to choose it from, or \"policy\" a policy that names one: one of them");
	fd = open(req->netns, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		cni_fail(CNI_ERR_CONTAINER, strerror(errno), "cannot open netns %s",
			 req->netns);
	req->cfg.fields |= NVIRT_VIF_F_NETNS;
	req->cfg.netns_fd = fd;
	h = cni_open();
	if (nvirt_vif_new(h, req->vif, 0, req->parent, &req->cfg, &vif))
		cni_fail(CNI_ERR_NVIRT, NULL, "%s", nvirt_strerror(h));
	close(fd);
	undo.h = h;
	undo.req = req;

	ipam = ipam_exec(req, "ADD", false);
	undo.ipam = true;
	link_setup(req, vif->ifindex, ipam, mac, sizeof(mac));
	undo.h = NULL;
	cni_result(req, ipam, mac);
	nvirt_free(vif);
	nvirt_close(h);
	return 0;
}

static int cni_del(struct cni_req *req)
{
	struct nvirt *h;
	int err;

	ipam_exec(req, "DEL", false);
	h = nvirt_open();
	if (!h && errno == ENOENT)
		return 0;	/* no module, no VIF */
	if (!h)
		cni_fail(CNI_ERR_NVIRT, strerror(errno), "cannot talk to nvirt");
	err = nvirt_vif_del(h, 0, req->vif);
	if (err && err != -ENOENT && err != -ENODEV)
		cni_fail(CNI_ERR_NVIRT, NULL, "%s", nvirt_strerror(h));
	nvirt_close(h);
	return 0;
}

/* A setting the config asks for, and what the VIF has. */
static void cni_check_field(const struct cni_req *req, uint32_t field,
			    const char *key, uint32_t want, uint32_t have)
{
	if ((req->cfg.fields & field) && want != have)
		cni_fail(CNI_ERR_CHECK, NULL, "VIF %s has %s %u, the config %u",
			 req->vif, key, have, want);
}

static int cni_check(struct cni_req *req)
{
	const struct nvirt_vif_config *cfg = &req->cfg;
	struct json_object *prev;
	struct nvirt_vif *vif;
	struct nvirt *h;

	if (!json_object_object_get_ex(req->conf, "prevResult", &prev))
		cni_fail(CNI_ERR_CONFIG, NULL, "CHECK needs prevResult");
	h = cni_open();
	if (nvirt_vif_get(h, 0, req->vif, &vif))
		cni_fail(CNI_ERR_CHECK, NULL, "VIF %s: %s", req->vif,
			 nvirt_strerror(h));
	cni_check_field(req, NVIRT_VIF_F_BACKEND, "backend",
			cfg->backend ?: vif->backend, vif->backend);
	if ((cfg->fields & NVIRT_VIF_F_MAC) &&
	    memcmp(cfg->mac, vif->mac, sizeof(vif->mac)))
		cni_fail(CNI_ERR_CHECK, NULL, "VIF %s has another MAC", req->vif);
	/* No vlan asked is none. */
	if (cfg->vlan != vif->vlan)
		cni_fail(CNI_ERR_CHECK, NULL, "VIF %s has vlan %u, the config %u",
			 req->vif, vif->vlan, cfg->vlan);
	cni_check_field(req, NVIRT_VIF_F_MTU, "mtu", cfg->mtu, vif->mtu);
	cni_check_field(req, NVIRT_VIF_F_MAX_RATE, "max-rate", cfg->max_rate,
			vif->max_rate);
	cni_check_field(req, NVIRT_VIF_F_MIN_RATE, "min-rate", cfg->min_rate,
			vif->min_rate);
	cni_check_field(req, NVIRT_VIF_F_SPOOFCHK, "spoofchk", cfg->spoofchk,
			vif->spoofchk);
	cni_check_field(req, NVIRT_VIF_F_TRUST, "trust", cfg->trust, vif->trust);
	if ((cfg->fields & NVIRT_VIF_F_POLICY_NAME) &&
	    strcmp(cfg->policy_name, vif->policy_name))
		cni_fail(CNI_ERR_CHECK, NULL, "VIF %s follows policy \"%s\", the config \"%s\"",
			 req->vif, vif->policy_name, cfg->policy_name);
	link_check(req, vif, prev);
	ipam_exec(req, "CHECK", false);
	nvirt_free(vif);
	nvirt_close(h);
	return 0;
}

int main(void)
{
	struct cni_req req = { 0 };

	req.command = env("CNI_COMMAND", true);
	if (!strcmp(req.command, "VERSION")) {
		puts("{\"cniVersion\": \"" CNI_VERSION "\", "
		     "\"supportedVersions\": [\"" CNI_VERSION "\"]}");
		return 0;
	}
	req.stdin_text = cni_read_all(stdin);
	req.container = env("CNI_CONTAINERID", true);
	req.ifname = env("CNI_IFNAME", true);
	req.path = env("CNI_PATH", false);
	/* DEL may come after the namespace is gone. */
	req.netns = env("CNI_NETNS", strcmp(req.command, "DEL"));
	conf_read(&req);

	if (!strcmp(req.command, "ADD"))
		return cni_add(&req);
	if (!strcmp(req.command, "DEL"))
		return cni_del(&req);
	if (!strcmp(req.command, "CHECK"))
		return cni_check(&req);
	cni_fail(CNI_ERR_ENV, NULL, "CNI_COMMAND %s is none of ADD, DEL, CHECK, VERSION",
		 req.command);
}
