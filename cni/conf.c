// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt's CNI plugin: the network config, and the VIF it asks for.
 *
 *   { "cniVersion": "1.0.0", "name": "NET", "type": "nvirt",
 *     "parent": "eth0" (or "pool": "uplinks", or neither: the pool
 *     "policy" names), "backend": "auto", "policy": "gold",
 *     "goal": "latency", "isolation": "strict", "migratable": false,
 *     "visibility": "host", "g2g": "soft", "priority": 10,
 *     "mac": "52:54:00:12:34:56", "vlan": 10, "mtu": 1400,
 *     "max-rate": 100, "min-rate": 0, "spoofchk": true, "trust": false,
 *     "ipam": { "type": "host-local", ... } }
 *
 * Every key but the specification's is one of "nvirt vif add"; a key
 * this plugin does not know is an error, not ignored.
 */

#include <netinet/ether.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cni.h"

/* The specification's keys, and what runtimes add to a config. */
static const char *const spec_keys[] = {
	"cniVersion", "cniVersions", "name", "type", "ipam", "dns", "args",
	"runtimeConfig", "capabilities", "prevResult",
};

static bool is_spec_key(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof(spec_keys) / sizeof(spec_keys[0]); i++)
		if (!strcmp(key, spec_keys[i]))
			return true;
	return false;
}

/* The value of @key in @conf, of @type; NULL when it has none. */
static struct json_object *conf_get(struct json_object *conf, const char *key,
				    enum json_type type)
{
	struct json_object *v;

	if (!json_object_object_get_ex(conf, key, &v))
		return NULL;
	if (!json_object_is_type(v, type))
		cni_fail(CNI_ERR_CONFIG, NULL, "\"%s\" must be a %s", key,
			 json_type_to_name(type));
	return v;
}

static uint32_t conf_uint(struct json_object *v, const char *key,
			  uint32_t max)
{
	int64_t n = json_object_get_int64(v);

	if (n < 0 || n > max)
		cni_fail(CNI_ERR_CONFIG, NULL, "\"%s\" must be 0 to %u, not %lld",
			 key, max, (long long)n);
	return n;
}

/* A code by the name libnvirt gives it ("latency" of nvirt_goal_name()). */
static uint32_t conf_code(struct json_object *v, const char *key,
			  const char *(*name)(unsigned int code))
{
	const char *s = json_object_get_string(v);
	unsigned int c;

	for (c = 0; c < 256; c++)
		if (name(c) && !strcmp(name(c), s))
			return c;
	cni_fail(CNI_ERR_CONFIG, NULL, "\"%s\": \"%s\" is not one of its values",
		 key, s);
}

#define VIF(_m)	.vif = true, .offset = offsetof(struct nvirt_vif_config, _m), \
		.is_bool = sizeof(((struct nvirt_vif_config *)0)->_m) == sizeof(bool)
#define POL(_m)	.offset = offsetof(struct nvirt_policy, _m), \
		.is_bool = sizeof(((struct nvirt_policy *)0)->_m) == sizeof(bool)

/*
 * The keys of "vif add" that are numbers, names of codes or booleans:
 * the field each sets, of the VIF's config (@vif) or of its policy.
 */
static const struct conf_field {
	const char *key;
	uint32_t field;		/* NVIRT_VIF_F_* or NVIRT_POLICY_F_* */
	bool vif;		/* of struct nvirt_vif_config, not policy */
	size_t offset;		/* of the member it sets */
	bool is_bool;		/* the member is a bool: a JSON boolean */
	const char *(*name)(unsigned int code);	/* a code: by name */
	uint32_t max;		/* a number: at most */
} conf_fields[] = {
	{ "backend", NVIRT_VIF_F_BACKEND, VIF(backend), .name = nvirt_backend_name },
	{ "vlan", NVIRT_VIF_F_VLAN, VIF(vlan), .max = 4094 },
	{ "mtu", NVIRT_VIF_F_MTU, VIF(mtu), .max = INT32_MAX },
	{ "max-rate", NVIRT_VIF_F_MAX_RATE, VIF(max_rate), .max = UINT32_MAX },
	{ "min-rate", NVIRT_VIF_F_MIN_RATE, VIF(min_rate), .max = UINT32_MAX },
	{ "spoofchk", NVIRT_VIF_F_SPOOFCHK, VIF(spoofchk) },
	{ "trust", NVIRT_VIF_F_TRUST, VIF(trust) },
	{ "goal", NVIRT_POLICY_F_GOAL, POL(goal), .name = nvirt_goal_name },
	{ "isolation", NVIRT_POLICY_F_ISOLATION, POL(isolation),
	  .name = nvirt_isolation_name },
	{ "migratable", NVIRT_POLICY_F_MIGRATABLE, POL(migratable) },
	{ "visibility", NVIRT_POLICY_F_VISIBILITY, POL(visibility),
	  .name = nvirt_visibility_name },
	{ "g2g", NVIRT_POLICY_F_G2G, POL(g2g), .name = nvirt_g2g_name },
	{ "priority", NVIRT_POLICY_F_PRIORITY, POL(priority), .max = UINT32_MAX },
};

/* Set @f from @v, in @req's config or policy. */
static void conf_set(struct cni_req *req, const struct conf_field *f,
		     struct json_object *v)
{
	char *base = f->vif ? (char *)&req->cfg : (char *)&req->pol;
	uint32_t *fields = f->vif ? &req->cfg.fields : &req->pol.fields;
	uint32_t n;

	*fields |= f->field;
	if (f->is_bool) {
		conf_get(req->conf, f->key, json_type_boolean);
		*(bool *)(base + f->offset) = json_object_get_boolean(v);
		return;
	}
	if (f->name) {
		conf_get(req->conf, f->key, json_type_string);
		n = conf_code(v, f->key, f->name);
	} else {
		conf_get(req->conf, f->key, json_type_int);
		n = conf_uint(v, f->key, f->max);
	}
	memcpy(base + f->offset, &n, sizeof(n));
}

/* One key of the config into @req. */
static void conf_key(struct cni_req *req, const char *key,
		     struct json_object *v)
{
	const struct ether_addr *mac;
	size_t i;

	for (i = 0; i < sizeof(conf_fields) / sizeof(conf_fields[0]); i++) {
		if (!strcmp(key, conf_fields[i].key)) {
			conf_set(req, &conf_fields[i], v);
			return;
		}
	}
	if (!strcmp(key, "parent") && conf_get(req->conf, key, json_type_string)) {
		req->parent = json_object_get_string(v);
	} else if (!strcmp(key, "pool") &&
		   conf_get(req->conf, key, json_type_string)) {
		req->cfg.fields |= NVIRT_VIF_F_POOL_NAME;
		req->cfg.pool_name = json_object_get_string(v);
	} else if (!strcmp(key, "policy") &&
		   conf_get(req->conf, key, json_type_string)) {
		req->cfg.fields |= NVIRT_VIF_F_POLICY_NAME;
		req->cfg.policy_name = json_object_get_string(v);
	} else if (!strcmp(key, "mac") && conf_get(req->conf, key, json_type_string)) {
		mac = ether_aton(json_object_get_string(v));
		if (!mac)
			cni_fail(CNI_ERR_CONFIG, NULL, "\"mac\": \"%s\" is not a MAC address",
				 json_object_get_string(v));
		req->cfg.fields |= NVIRT_VIF_F_MAC;
		memcpy(req->cfg.mac, mac, sizeof(req->cfg.mac));
	} else if (!is_spec_key(key)) {
		cni_fail(CNI_ERR_FIELD, NULL, "\"%s\" is not a key of the nvirt plugin",
			 key);
	}
}

/*
 * The VIF's name: unique for the container and its interface, short
 * enough for a netdev ("nv" and 8 hex digits of their FNV-1a hash).
 */
static void conf_vif_name(struct cni_req *req)
{
	const char *parts[] = { req->container, "/", req->ifname };
	uint32_t h = 2166136261u;
	const char *p;
	size_t i;

	for (i = 0; i < 3; i++)
		for (p = parts[i]; *p; p++)
			h = (h ^ (uint8_t)*p) * 16777619u;
	snprintf(req->vif, sizeof(req->vif), "nv%08x", h);
}

/**
 * conf_read() - read the network config of a request
 * @req: the request, with @req->stdin_text; its config and VIF filled in
 *
 * A config this plugin cannot take ends the plugin with a CNI error.
 *
 * Return: 0.
 */
int conf_read(struct cni_req *req)
{
	struct nvirt_vif_config cfg = NVIRT_VIF_CONFIG_INIT;
	struct nvirt_policy pol = NVIRT_POLICY_INIT;
	struct json_object *v;

	req->cfg = cfg;
	req->pol = pol;
	req->conf = json_tokener_parse(req->stdin_text);
	if (!req->conf || !json_object_is_type(req->conf, json_type_object))
		cni_fail(CNI_ERR_DECODE, NULL, "the network config is not a JSON object");
	v = conf_get(req->conf, "cniVersion", json_type_string);
	if (!v || strcmp(json_object_get_string(v), CNI_VERSION))
		cni_fail(CNI_ERR_VERSION, NULL, "cniVersion %s is not supported: only %s",
			 v ? json_object_get_string(v) : "(none)", CNI_VERSION);
	json_object_object_foreach(req->conf, key, val)
		conf_key(req, key, val);
	if (req->pol.fields) {
		req->cfg.fields |= NVIRT_VIF_F_POLICY;
		req->cfg.policy = &req->pol;
	}
	conf_vif_name(req);
	return 0;
}
