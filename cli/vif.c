// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt vif: create, change, show, explain and remove virtual interfaces;
 * their policies and plans are in vif_plan.c.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <nvirt/nvirt.h>

#include "keys.h"
#include "netns.h"
#include "output.h"
#include "utils.h"
#include "vif.h"

static int vif_help(int argc __maybe_unused, char **argv __maybe_unused)
{
	printf("Usage: nvirt vif add NAME [ dev IFNAME | pool POOL ] [ backend BACKEND ]\n"
	       "                    [ SETTINGS ] [ POLICY ] [ dry-run ]\n"
	       "       nvirt vif set NAME [ backend BACKEND ] [ SETTINGS ] [ POLICY ]\n"
	       "                    [ dry-run ]\n"
	       "       nvirt vif del NAME\n"
	       "       nvirt [ -j ] [ -p ] [ -s ] vif show [ NAME ] [ dev IFNAME ]\n"
	       "       nvirt [ -j ] [ -p ] vif explain NAME\n"
	       "       nvirt vif help\n"
	       "NAME := [ name ] VIFNAME\n"
	       "BACKEND := { auto | vf | queue | soft }\n"
	       "SETTINGS := [ mac LLADDR ]\n"
	       "            [ vlan VID [ qos PRIO ] [ proto { 802.1Q | 802.1ad } ] ]\n"
	       "            [ mtu MTU ] [ max-rate MBIT ] [ min-rate MBIT ]\n"
	       "            [ spoofchk { on | off } ] [ trust { on | off } ]\n"
	       "            [ state { auto | enable | disable } ]\n"
	       "            [ attach { netns { NSNAME | PID } | tap | vfio } ]\n"
	       "            [ netns { NSNAME | PID } ]\n"
	       "POLICY := [ policy { PNAME | none } ]\n"
	       "          [ goal { throughput | latency | cpu | density } ]\n"
	       "          [ isolation { strict | standard } ] [ migratable { yes | no } ]\n"
	       "          [ visibility { host | none } ]\n"
	       "          [ g2g { auto | nic | external | soft } ] [ priority PRIO32 ]\n"
	       "VID := 0-4094, 0 for no VLAN; PRIO := 0-7; MBIT: Mbit/s, 0 for no limit\n"
	       "PRIO32 := 0-4294967295: a higher one takes a VF from a lower one\n"
	       "VIFNAME: the VIF's name, after \"name\" when it is also a keyword\n"
	       "PNAME: a named policy (nvirt policy help) to follow in each field the VIF\n"
	       "       is not given itself; none: follow none\n"
	       "POOL: a pool of NICs (nvirt pool help) nvirt chooses the VIF's NIC from;\n"
	       "      with neither dev nor pool, the pool its policy PNAME names\n"
	       "attach netns: the VIF's netdev goes to that netns (\"netns\" alone says the same);\n"
	       "attach tap: a tap device on its netdev for QEMU (soft and queue backends);\n"
	       "attach vfio: the VF's PCI device, bound to vfio-pci for QEMU (vf backend);\n"
	       "       vif show prints QEMU's arguments for both\n"
	       "dry-run: print the plan (how the NIC would do it, and why), change nothing\n");
	return 0;
}

/* 52:54:00:12:34:56, the only address a VIF has */
static void parse_mac(const char *arg, uint8_t *mac)
{
	const char *p = arg;
	size_t i, n;

	for (i = 0; i < 6; i++, p += n + 1) {
		n = strspn(p, "0123456789abcdefABCDEF");
		if (n < 1 || n > 2 || p[n] != (i < 5 ? ':' : '\0'))
			break;
		mac[i] = strtoul(p, NULL, 16);
	}
	if (i == 6)
		return;
	arg_error("argument of \"mac\" must be a MAC address (aa:bb:cc:dd:ee:ff), not \"%s\".",
		  arg);
}

/* The commands, for what each one takes. */
enum vif_op {
	VIF_ADD,
	VIF_SET,
	VIF_DEL,
	VIF_SHOW,
	VIF_EXPLAIN,
};

/* A setting is given: a second time is an error. */
static void vif_field(struct nvirt_vif_config *cfg, uint32_t field,
		      const char *key, const char *arg)
{
	if (cfg->fields & field)
		duparg(key, arg);
	cfg->fields |= field;
}

static bool is_word(const char *arg, const char *word)
{
	return !strcmp(arg, word);
}

/*
 * The "[ qos PRIO ] [ proto PROTO ]" that may follow "vlan VID", with
 * @argv at VID; returns how many words they are.
 */
static int vif_parse_vlan(int argc, char **argv, struct nvirt_vif_config *cfg)
{
	const char *key;
	int used = 0;

	while (argc > 1 && (is_word(argv[1], "qos") ||
			    is_word(argv[1], "proto"))) {
		argc--;
		argv++;
		key = *argv;
		NEXT_ARG();
		if (is_word(key, "qos")) {
			vif_field(cfg, NVIRT_VIF_F_VLAN_QOS, key, *argv);
			cfg->vlan_qos = parse_u32(key, *argv, 7);
		} else {
			vif_field(cfg, NVIRT_VIF_F_VLAN_PROTO, key, *argv);
			cfg->vlan_proto = parse_name(key, *argv,
						     nvirt_vlan_proto_name);
		}
		used += 2;
	}
	return used;
}

/* The keywords vif_parse() reads but for those of keys.c. */
static const char *const vif_words[] = {
	"name", "dev", "dry-run", "qos", "proto", "help",
};

/* The setting @word names (keys.c), or NULL. */
static const struct key *vif_setting_find(const char *word)
{
	const struct key *k = key_find(word);

	return k && key_is_setting(k) ? k : NULL;
}

/**
 * vif_keyword() - is @word a keyword of "vif add" or "vif set"?
 * @word: a VIF's name
 *
 * Return: true when the VIF must be named as "name NAME" there.
 */
bool vif_keyword(const char *word)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(vif_words); i++)
		if (is_word(word, vif_words[i]))
			return true;
	return key_find(word);
}

/*
 * The setting at *@argv, with its value, when @op takes settings (add and
 * set); returns how many words it takes, 0 when *@argv is no such setting.
 */
static int vif_parse_setting(int argc, char **argv,
			     struct nvirt_vif_config *cfg, enum vif_op op)
{
	const struct key *k = vif_setting_find(*argv);
	const char *key = *argv;
	uint32_t field;

	if (!k || (op != VIF_ADD && op != VIF_SET))
		return 0;
	field = k->vif;
	/* A new VIF's NIC comes from its pool: no VIF changes pool. */
	if (field == NVIRT_VIF_F_POOL_NAME && op != VIF_ADD)
		return 0;

	NEXT_ARG();
	vif_field(cfg, field, key, *argv);
	switch (field) {
	case NVIRT_VIF_F_BACKEND:
		cfg->backend = parse_name(key, *argv, nvirt_backend_name);
		break;
	case NVIRT_VIF_F_MAC:
		parse_mac(*argv, cfg->mac);
		break;
	case NVIRT_VIF_F_VLAN:
		cfg->vlan = parse_u32(key, *argv, 4094);
		return 2 + vif_parse_vlan(argc, argv, cfg);
	case NVIRT_VIF_F_MTU:
		cfg->mtu = parse_u32(key, *argv, INT32_MAX);
		break;
	case NVIRT_VIF_F_MAX_RATE:
		cfg->max_rate = parse_u32(key, *argv, UINT32_MAX);
		break;
	case NVIRT_VIF_F_MIN_RATE:
		cfg->min_rate = parse_u32(key, *argv, UINT32_MAX);
		break;
	case NVIRT_VIF_F_SPOOFCHK:
		cfg->spoofchk = parse_on_off(key, *argv);
		break;
	case NVIRT_VIF_F_TRUST:
		cfg->trust = parse_on_off(key, *argv);
		break;
	case NVIRT_VIF_F_LINK_STATE:
		cfg->link_state = parse_name(key, *argv, nvirt_link_state_name);
		break;
	case NVIRT_VIF_F_POOL_NAME:
		cfg->pool_name = *argv;
		break;
	case NVIRT_VIF_F_NETNS:
		cfg->netns_fd = netns_open(*argv);
		break;
	case NVIRT_VIF_F_ATTACH:
		if (!is_word(*argv, "netns")) {
			cfg->attach = parse_name(key, *argv, nvirt_attach_name);
			break;
		}
		/* What "netns NS" says: the kernel takes netns for it. */
		cfg->fields &= ~NVIRT_VIF_F_ATTACH;
		NEXT_ARG();
		vif_field(cfg, NVIRT_VIF_F_NETNS, "netns", *argv);
		cfg->netns_fd = netns_open(*argv);
		return 3;
	}
	return 2;
}

int policy_parse_setting(int argc, char **argv,
			 struct nvirt_vif_config *settings)
{
	const struct key *k = key_find(*argv);

	if (!k || !k->named || !key_is_setting(k))
		return 0;
	if (k->vif != NVIRT_VIF_F_POOL_NAME)
		return vif_parse_setting(argc, argv, settings, VIF_SET);
	/* "pool none": its VIFs take no pool from it. */
	NEXT_ARG();
	vif_field(settings, NVIRT_VIF_F_POOL_NAME, "pool", *argv);
	settings->pool_name = is_word(*argv, "none") ? "" : *argv;
	return 2;
}

/* "policy { PNAME | none }", with @argv at its value */
static void vif_parse_policy_name(const char *arg, struct nvirt_vif_config *cfg)
{
	vif_field(cfg, NVIRT_VIF_F_POLICY_NAME, "policy", arg);
	cfg->policy_name = is_word(arg, "none") ? "" : arg;
}

/*
 * Read the arguments of @op: a VIF's NAME (the word that is no keyword,
 * or after "name"), "dev" for add and show, the settings, the policy and
 * "dry-run" for add and set.
 */
static void vif_parse(int argc, char **argv, struct vif_args *args,
		      enum vif_op op)
{
	bool settings = op == VIF_ADD || op == VIF_SET;
	int used;

	vif_args_init(args);
	for (; argc > 0; argc -= used, argv += used) {
		used = vif_parse_setting(argc, argv, &args->cfg, op);
		if (used && is_word(*argv, "netns"))
			args->netns = argv[1];
		if (used == 3 && is_word(*argv, "attach"))
			args->netns = argv[2];
		if (!used && settings)
			used = vif_parse_policy(argc, argv, &args->cfg,
						&args->pol);
		if (used)
			continue;
		used = 1;

		if (is_word(*argv, "help")) {
			arg_help(vif_help);
		} else if (is_word(*argv, "name")) {
			NEXT_ARG();
			if (args->name)
				duparg("name", *argv);
			args->name = *argv;
		} else if (settings && is_word(*argv, "dry-run")) {
			args->dry_run = true;
		} else if (settings && is_word(*argv, "policy")) {
			NEXT_ARG();
			vif_parse_policy_name(*argv, &args->cfg);
		} else if ((op == VIF_ADD || op == VIF_SHOW) &&
			   is_word(*argv, "dev")) {
			NEXT_ARG();
			if (args->dev)
				duparg("dev", *argv);
			args->dev = *argv;
		} else if (settings && (is_word(*argv, "qos") ||
					is_word(*argv, "proto"))) {
			arg_error("\"%s\" is valid only after \"vlan VID\".",
				  *argv);
		} else if (!args->name) {
			args->name = *argv;
		} else {
			unknown_arg(*argv);
		}
	}
}

void vif_args_init(struct vif_args *args)
{
	const struct nvirt_vif_config cfg = NVIRT_VIF_CONFIG_INIT;
	const struct nvirt_policy pol = NVIRT_POLICY_INIT;

	memset(args, 0, sizeof(*args));
	args->cfg = cfg;
	args->pol = pol;
}

const struct nvirt_vif_config *vif_args_cfg(struct vif_args *args)
{
	args->cfg.policy = &args->pol;
	return &args->cfg;
}

/**
 * vif_parse_add() - read the arguments of "vif add", as the command does
 * @argc: number of words
 * @argv: the words after "add"
 * @args: gets them; a netns given is open in @args->cfg.netns_fd
 *
 * Wrong words end the program, as for the command.
 */
void vif_parse_add(int argc, char **argv, struct vif_args *args)
{
	vif_parse(argc, argv, args, VIF_ADD);
	if (!args->name)
		missarg("NAME");
	if (args->dev && (args->cfg.fields & NVIRT_VIF_F_POOL_NAME))
		arg_error("\"dev\" and \"pool\" exclude each other: nvirt picks the NIC from the pool.");
	/* The kernel says when a policy names no pool. */
	if (!args->dev && !(args->cfg.fields & NVIRT_VIF_F_POOL_NAME) &&
	    !((args->cfg.fields & NVIRT_VIF_F_POLICY_NAME) &&
	      args->cfg.policy_name[0]))
		missarg("dev, pool or policy");
}

/*
 * backend queue state UP mtu 1500 migratable yes g2g soft: its mechanism,
 * and what follows from it, when the kernel says (one that plans does)
 */
static void vif_print_state(const struct nvirt_vif *vif)
{
	char buf[16];

	print_string("backend", " backend %s",
		     name_or_num(nvirt_backend_name(vif->backend), buf,
				 sizeof(buf), vif->backend));
	print_string("operstate", " state %s",
		     name_or_num(oper_name(vif->operstate), buf, sizeof(buf),
				 vif->operstate));
	print_uint("mtu", " mtu %u", vif->mtu);
	if (vif->has_migratable)
		print_yes_no("migratable", " migratable %s", vif->migratable);
	print_string("g2g", vif->has_migratable ? " g2g %s" : NULL,
		     name_or_num(nvirt_g2g_name(vif->g2g), buf, sizeof(buf),
				 vif->g2g));
}

/* vlan 10 qos 3 proto 802.1Q */
static void vif_print_vlan(const struct nvirt_vif *vif)
{
	char buf[16];

	if (!vif->vlan)
		return;
	out_nest_open("vlan", false);
	print_uint("id", " vlan %u", vif->vlan);
	print_uint("qos", " qos %u", vif->vlan_qos);
	print_string("proto", " proto %s",
		     name_or_num(nvirt_vlan_proto_name(vif->vlan_proto), buf,
				 sizeof(buf), vif->vlan_proto));
	out_nest_close();
}

/* ifindex 12 netns blue: its netdev, and its netns when not ours, as ip link */
static void vif_print_netdev(const struct nvirt_vif *vif)
{
	char buf[256];
	const char *ns;

	/* None: a VF given to VFIO, its VM's device. */
	if (!vif->ifindex)
		return;
	print_uint("ifindex", " ifindex %u", vif->ifindex);
	/* A VF's netdev keeps its own name. */
	print_string("ifname", strcmp(vif->ifname, vif->name) ? " ifname %s" : NULL,
		     vif->ifname);
	if (!vif->has_netns_id)
		return;
	ns = netns_name(vif->netns_id, buf, sizeof(buf));
	print_int("link_netnsid", NULL, vif->netns_id);
	if (ns)
		print_string("netns", " netns %s", ns);
	else if (vif->netns_id >= 0)
		print_int(NULL, " link-netnsid %d", vif->netns_id);
	else
		print_string(NULL, " link-netnsid %s", "unknown");
}

/*
 * link/ether 52:54:00:12:34:56 vlan 10 qos 3 proto 802.1Q max-rate
 * 100Mbit spoofchk on trust off link-state auto queue 1 ifindex 12
 */
static void vif_print_settings(const struct nvirt_vif *vif)
{
	char buf[3 * sizeof(vif->mac)];

	print_string("mac", " link/ether %s",
		     hwaddr(buf, sizeof(buf), vif->mac, sizeof(vif->mac)));
	vif_print_vlan(vif);
	/* A rate of 0 is no rate: text leaves it out. */
	print_uint("max_rate", vif->max_rate ? " max-rate %uMbit" : NULL,
		   vif->max_rate);
	print_uint("min_rate", vif->min_rate ? " min-rate %uMbit" : NULL,
		   vif->min_rate);
	print_on_off("spoofchk", " spoofchk %s", vif->spoofchk);
	print_on_off("trust", " trust %s", vif->trust);
	print_string("link_state", " link-state %s",
		     name_or_num(nvirt_link_state_name(vif->link_state), buf,
				 sizeof(buf), vif->link_state));
	if (vif->has_queue)
		print_uint("queue", " queue %u", vif->queue);
	if (vif->has_vf_index)
		print_uint("vf", " vf %u", vif->vf_index);
	vif_print_netdev(vif);
}

/* enforced: mac hardware vlan software ... (the settings in effect) */
void vif_print_enforce(const char *title, uint32_t n,
		       const struct nvirt_enforce *const *enforce)
{
	char buf[16], sbuf[16];
	const char *setting;
	uint32_t i;

	if (!n)
		return;

	out_nest_open("enforce", false);
	print_string(NULL, "%s", title);
	for (i = 0; i < n; i++) {
		setting = name_or_num(nvirt_setting_name(enforce[i]->setting),
				      sbuf, sizeof(sbuf), enforce[i]->setting);
		print_string(NULL, " %s", setting);
		print_string(setting, " %s",
			     name_or_num(nvirt_support_name(enforce[i]->where),
					 buf, sizeof(buf), enforce[i]->where));
	}
	out_nest_close();
	print_string(NULL, "%s", "\n");
}

/* A counter: its JSON key, its column's head in text, its value. */
struct counter {
	const char *key;
	const char *head;
	uint64_t val;
};

/* Counters a row has at most; traffic rows have 3. */
#define COUNTER_COLS	4

/*
 *     RX:     bytes packets dropped
 *         123456789      12       0
 *     TX:     bytes packets dropped
 *                 0       3       0
 *
 * In text, rows of @cols counters, each a line of heads over a line of
 * values, right-aligned in columns as wide as the widest of either; in
 * JSON, a key each.
 */
static void print_counters(const char *const *titles, size_t rows,
			   const struct counter *c, size_t cols)
{
	int width[COUNTER_COLS] = {}, len;
	size_t r, i;

	for (r = 0; r < rows; r++) {
		for (i = 0; i < cols; i++) {
			const struct counter *ct = &c[r * cols + i];

			print_u64(ct->key, NULL, ct->val);
			len = snprintf(NULL, 0, "%" PRIu64, ct->val);
			if ((int)strlen(ct->head) > len)
				len = strlen(ct->head);
			if (len > width[i])
				width[i] = len;
		}
	}
	if (json)
		return;

	for (r = 0; r < rows; r++) {
		printf("    %s:", titles[r]);
		for (i = 0; i < cols; i++)
			printf(" %*s", width[i], c[r * cols + i].head);
		printf("\n    %*s", (int)strlen(titles[r]) + 1, "");
		for (i = 0; i < cols; i++)
			printf(" %*" PRIu64, width[i], c[r * cols + i].val);
		printf("\n");
	}
}

/* What ip -s link shows, and what nvirt itself dropped when it says. */
static void vif_print_stats(const struct nvirt_vif_stats *st)
{
	static const char *const rx_tx[] = { "RX", "TX" };
	static const char *const filter[] = { "filter" };
	const struct counter traffic[] = {
		{ "rx_bytes",	"bytes",	st->rx_bytes },
		{ "rx_packets",	"packets",	st->rx_packets },
		{ "rx_dropped",	"dropped",	st->rx_dropped },
		{ "tx_bytes",	"bytes",	st->tx_bytes },
		{ "tx_packets",	"packets",	st->tx_packets },
		{ "tx_dropped",	"dropped",	st->tx_dropped },
	};
	struct counter drops[2];
	size_t n = 0;

	if (st->has_spoof_dropped)
		drops[n++] = (struct counter){ "spoof_dropped", "spoof-dropped",
					       st->spoof_dropped };
	if (st->has_vlan_dropped)
		drops[n++] = (struct counter){ "vlan_dropped", "vlan-dropped",
					       st->vlan_dropped };

	static const char *const ring_title[] = { "ring" };
	const struct counter ring[] = {
		{ "ring_posts",		"posts",	st->ring_posts },
		{ "ring_retries",	"retries",	st->ring_retries },
		{ "ring_throttled",	"throttled",	st->ring_throttled },
		{ "ring_drops",		"drops",	st->ring_drops },
	};
	static const char *const g2g_title[] = { "g2g" };
	const struct counter g2g[] = {
		{ "tx_switched",	"switched",	st->tx_switched },
		{ "rx_reflected",	"reflected",	st->rx_reflected },
	};

	out_nest_open("stats", false);
	print_counters(rx_tx, ARRAY_SIZE(rx_tx), traffic, 3);
	if (n)
		print_counters(filter, 1, drops, n);
	if (st->has_ring) {
		print_counters(ring_title, 1, ring, ARRAY_SIZE(ring));
		print_counters(g2g_title, 1, g2g, ARRAY_SIZE(g2g));
	}
	out_nest_close();
}

/*
 *     attach tap /dev/tap7
 *     qemu -netdev tap,id=vm0,fd=3,vhost=on -device virtio-net-pci,...
 *     attach vfio /dev/vfio/12 pci 0000:01:10.0
 *     qemu -device vfio-pci,host=0000:01:10.0
 *
 * How the VIF is handed to its guest; in text only when that is not its
 * netdev (netns). For a tap, QEMU's arguments: the file on fd 3, and a
 * guest NIC with the VIF's MAC, which spoof-checking lets through; for a
 * VF given to VFIO, the device to assign.
 */
static void vif_print_attach(const struct nvirt_vif *vif)
{
	char kind[16], mac[3 * sizeof(vif->mac)], qemu[256];
	bool path = vif->attach_path[0];
	const char *name;

	name = name_or_num(nvirt_attach_name(vif->attach), kind, sizeof(kind),
			   vif->attach);
	out_nest_open("attach", false);
	print_string("kind", path ? "    attach %s" : NULL, name);
	if (path)
		print_string("path", " %s", vif->attach_path);
	if (vif->attach_pci[0])
		print_string("pci", path ? " pci %s" : NULL, vif->attach_pci);
	if (path)
		print_string(NULL, "%s", "\n");
	qemu[0] = '\0';
	if (path && !strcmp(name, "tap"))
		snprintf(qemu, sizeof(qemu),
			 "-netdev tap,id=%s,fd=3,vhost=on -device virtio-net-pci,netdev=%s,mac=%s 3<>%s",
			 vif->name, vif->name,
			 hwaddr(mac, sizeof(mac), vif->mac, sizeof(vif->mac)),
			 vif->attach_path);
	else if (path && !strcmp(name, "vfio") && vif->attach_pci[0])
		snprintf(qemu, sizeof(qemu), "-device vfio-pci,host=%s",
			 vif->attach_pci);
	if (qemu[0])
		print_string("qemu", "    qemu %s\n", qemu);
	out_nest_close();
}

void vif_print_obj(const char *key, const struct nvirt_vif *vif,
		   enum vif_view view)
{
	if (json)
		view = VIF_VIEW_FULL;

	out_nest_open(key, false);
	print_uint("id", "%u: ", vif->id);
	print_string("name", "%s", vif->name);
	print_string("parent", view == VIF_VIEW_NAME ? "@%s" : "@%s:",
		     vif->parent_ifname);
	print_uint("parent_ifindex", NULL, vif->parent_ifindex);
	if (NVIRT_HAS(vif, pool_name) && vif->pool_name[0])
		print_string("pool", view == VIF_VIEW_NAME ? NULL : " pool %s",
			     vif->pool_name);
	if (view != VIF_VIEW_NAME) {
		vif_print_state(vif);
		print_string(NULL, "%s", view == VIF_VIEW_FULL ? "\n   " : "");
		vif_print_settings(vif);
	}
	print_string(NULL, "%s", "\n");
	if (view == VIF_VIEW_FULL) {
		vif_print_policy(vif);
		vif_print_enforce("    enforced:", vif->n_enforce,
				  vif->enforce);
		vif_print_attach(vif);
		if (show_stats && vif->stats)
			vif_print_stats(vif->stats);
	}
	/* Only events carry one: why the VIF moved to another backend. */
	if (vif->plan) {
		out_nest_open("plan", false);
		vif_print_plan(vif->plan, PLAN_VIEW_REASONS);
		out_nest_close();
	}
	out_nest_close();
}

static int vif_print(const struct nvirt_vif *vif, void *arg __maybe_unused)
{
	vif_print_obj(NULL, vif, VIF_VIEW_FULL);
	return 0;
}

/* nvirt vif [ show [ NAME ] [ dev IFNAME ] ] */
static int vif_show(int argc, char **argv)
{
	struct vif_args args;
	struct nvirt_vif *vif;
	struct nvirt *nv;
	int err, ret;

	vif_parse(argc, argv, &args, VIF_SHOW);
	nv = nv_open();
	if (!nv)
		return -1;

	out_start(true);
	if (args.name) {
		/* dev filters, as in "ip link show": no match, no VIF */
		err = nvirt_vif_get(nv, 0, args.name, &vif);
		if (!err && (!args.dev || !strcmp(args.dev, vif->parent_ifname)))
			vif_print(vif, NULL);
		nvirt_free(vif);
	} else {
		err = nvirt_vif_dump(nv, 0, args.dev, vif_print, NULL);
	}
	ret = out_end(!err);
	return err ? nv_error() : ret;
}

/*
 * nvirt vif { add NAME dev IFNAME | set NAME } [ backend ... ] SETTINGS
 *	POLICY [ dry-run ]
 */
static int vif_change(int argc, char **argv, enum vif_op op)
{
	struct vif_args args;
	struct nvirt *nv;
	int err;

	if (op == VIF_ADD) {
		vif_parse_add(argc, argv, &args);
	} else {
		vif_parse(argc, argv, &args, op);
		if (!args.name)
			missarg("NAME");
	}
	if (op == VIF_SET && !args.cfg.fields)
		missarg("a setting");

	nv = nv_open();
	if (!nv)
		err = -1;
	else if (args.dry_run)
		err = vif_dry_run(nv, args.name, op == VIF_ADD, args.dev,
				  vif_args_cfg(&args));
	else if (op == VIF_ADD)
		err = nvirt_vif_new(nv, args.name, 0, args.dev,
				    vif_args_cfg(&args), NULL) ?
		      nv_error() : 0;
	else
		err = nvirt_vif_set(nv, 0, args.name, vif_args_cfg(&args)) ?
		      nv_error() : 0;
	if (args.cfg.fields & NVIRT_VIF_F_NETNS)
		close(args.cfg.netns_fd);
	/* A dry run said the kernel's warning before its plan. */
	if (!err && !args.dry_run)
		nv_warn();
	return err;
}

static int vif_add(int argc, char **argv)
{
	return vif_change(argc, argv, VIF_ADD);
}

static int vif_set(int argc, char **argv)
{
	return vif_change(argc, argv, VIF_SET);
}

/* nvirt vif del NAME */
static int vif_del(int argc, char **argv)
{
	struct vif_args args;
	struct nvirt *nv;

	vif_parse(argc, argv, &args, VIF_DEL);
	if (!args.name)
		missarg("NAME");

	nv = nv_open();
	if (!nv)
		return -1;
	if (nvirt_vif_del(nv, 0, args.name))
		return nv_error();
	nv_warn();
	return 0;
}

/* nvirt vif explain NAME */
static int vif_explain(int argc, char **argv)
{
	struct vif_args args;
	struct nvirt_vif *vif;
	struct nvirt *nv;
	int ret;

	vif_parse(argc, argv, &args, VIF_EXPLAIN);
	if (!args.name)
		missarg("NAME");

	nv = nv_open();
	if (!nv)
		return -1;
	if (nvirt_vif_explain(nv, 0, args.name, &vif))
		return nv_error();
	nv_warn();
	ret = vif_print_explain(vif);
	nvirt_free(vif);
	return ret;
}

static const struct cmd vif_cmds[] = {
	{ "show",	vif_show },
	{ "add",	vif_add },
	{ "set",	vif_set },
	{ "del",	vif_del },
	{ "explain",	vif_explain },
	{ "help",	vif_help },
	{ NULL }
};

int do_vif(int argc, char **argv)
{
	return do_cmd(vif_cmds, "Command", "nvirt vif help", argc, argv);
}
