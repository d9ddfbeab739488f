// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt nic: what a NIC can do for virtual interfaces: its queues and
 * channels, its place in SR-IOV and how it honours each knob.
 *
 * Each part is a line of its own in text, and a key of the NIC's object
 * in JSON; a part the kernel did not report is left out of both.
 */

#include <stdio.h>

#include <net/if.h>
#include <nvirt/nvirt.h>

#include "nic.h"
#include "output.h"
#include "utils.h"

/* The end of a line of text, nothing in JSON. */
static void print_eol(void)
{
	print_string(NULL, "%s", "\n");
}

/*
 * A count in use and its maximum: " KEY CUR/MAX" in text (when @text),
 * KEY and max_KEY in JSON.
 */
static void print_count(const char *key, uint32_t cur, uint32_t max,
			bool text)
{
	char max_key[32], fmt[32];

	snprintf(max_key, sizeof(max_key), "max_%s", key);
	snprintf(fmt, sizeof(fmt), " %s %%u", key);
	print_uint(key, text ? fmt : NULL, cur);
	print_uint(max_key, text ? "/%u" : NULL, max);
}

/* An ifindex: a number in JSON, the interface's name in text; 0 is none. */
static void print_ifindex(const char *key, uint32_t ifindex)
{
	char name[IF_NAMESIZE];

	if (!ifindex)
		return;
	print_uint(key, NULL, ifindex);
	if (!json && if_indextoname(ifindex, name))
		print_string(NULL, " %s", name);
	else
		print_uint(NULL, " if%u", ifindex);
}

/* queues tx 8/8 rx 8/8 channels combined 8/8 speed 1000Mb/s */
static void print_queues(const struct nvirt_nic *nic)
{
	const struct nvirt_channels *ch = &nic->channels;
	const struct {
		const char *kind;
		uint32_t cur, max;
	} kinds[] = {
		{ "rx",		ch->rx,		ch->max_rx },
		{ "tx",		ch->tx,		ch->max_tx },
		{ "other",	ch->other,	ch->max_other },
		{ "combined",	ch->combined,	ch->max_combined },
	};
	bool queues = nic->tx_queues || nic->rx_queues;
	bool channels = false;
	unsigned int i;

	if (!queues && !nic->has_channels && !nic->has_speed)
		return;

	print_string(NULL, "%s", "   ");
	if (queues) {
		out_nest_open("queues", false);
		print_string(NULL, "%s", " queues");
		print_count("tx", nic->tx_queues, nic->max_tx_queues, true);
		print_count("rx", nic->rx_queues, nic->max_rx_queues, true);
		out_nest_close();
	}
	if (nic->has_channels) {
		/* Text shows only the kinds of channels the NIC has. */
		for (i = 0; i < ARRAY_SIZE(kinds); i++)
			channels |= kinds[i].cur || kinds[i].max;
		out_nest_open("channels", false);
		print_string(NULL, channels ? "%s" : NULL, " channels");
		for (i = 0; i < ARRAY_SIZE(kinds); i++)
			print_count(kinds[i].kind, kinds[i].cur, kinds[i].max,
				    kinds[i].cur || kinds[i].max);
		out_nest_close();
	}
	if (nic->has_speed)
		print_uint("speed", " speed %uMb/s", nic->speed);
	print_eol();
}

/* sriov vfs 2/7: 0 0000:01:10.0 eth4, 1 0000:01:10.2 */
static void print_sriov(const struct nvirt_nic *nic)
{
	uint32_t i;

	if (!nic->sriov)
		return;

	out_nest_open("sriov", false);
	print_uint("num_vfs", "    sriov vfs %u", nic->sriov_num_vfs);
	print_uint("total_vfs", "/%u", nic->sriov_total_vfs);
	print_string(NULL, nic->n_vfs ? "%s" : NULL, ":");
	out_nest_open("vfs", true);
	for (i = 0; i < nic->n_vfs; i++) {
		const struct nvirt_nic_vf *vf = nic->vfs[i];

		out_nest_open(NULL, false);
		print_uint("index", i ? ", %u" : " %u", vf->index);
		print_string("bus_addr", " %s", vf->bus_addr);
		print_ifindex("ifindex", vf->ifindex);
		out_nest_close();
	}
	out_nest_close();
	out_nest_close();
	print_eol();
}

/* vf 0 of pf 0000:01:00.0 eth1 */
static void print_vf(const struct nvirt_nic *nic)
{
	if (!nic->is_vf)
		return;

	out_nest_open("vf", false);
	print_uint("index", "    vf %u", nic->vf_index);
	print_string("pf_bus_addr", " of pf %s", nic->pf_bus_addr);
	print_ifindex("pf_ifindex", nic->pf_ifindex);
	out_nest_close();
	print_eol();
}

/*
 * hardware: vf-mac vf-spoofchk (test failed) ...
 * software: vf-vlan-proto (driver-limit) ...
 *
 * The knobs of one support level, which some have; in JSON, each is a
 * key of "caps", with what testing it found ("verified": "untested"
 * where the kernel is too old to say).
 */
static void print_cap_group(const struct nvirt_nic *nic, uint32_t support)
{
	char sbuf[16], rbuf[16], kbuf[16], vbuf[16];
	const char *sname, *kname, *vname;
	uint32_t i, verified;

	sname = name_or_num(nvirt_support_name(support), sbuf, sizeof(sbuf),
			    support);
	print_string(NULL, "    %s:", sname);
	for (i = 0; i < nic->n_caps; i++) {
		const struct nvirt_cap *cap = nic->caps[i];

		if (cap->support != support)
			continue;
		kname = name_or_num(nvirt_knob_name(cap->knob), kbuf,
				    sizeof(kbuf), cap->knob);
		out_nest_open(kname, false);
		print_string(NULL, " %s", kname);
		print_string("support", NULL, sname);
		if (cap->reason)
			print_string("reason", " (%s)",
				     name_or_num(nvirt_reason_name(cap->reason),
						 rbuf, sizeof(rbuf),
						 cap->reason));
		/* 0, untested, is as an older kernel's record says it. */
		verified = NVIRT_HAS(cap, verified) ? cap->verified : 0;
		vname = name_or_num(nvirt_verify_name(verified), vbuf,
				    sizeof(vbuf), verified);
		print_string("verified", verified ? " (test %s)" : NULL, vname);
		out_nest_close();
	}
	print_eol();
}

/* The best support level of @nic's knobs below @below; false: none. */
static bool cap_level_below(const struct nvirt_nic *nic, uint64_t below,
			    uint32_t *level)
{
	bool found = false;
	uint32_t i, s;

	for (i = 0; i < nic->n_caps; i++) {
		s = nic->caps[i]->support;
		if (s < below && (!found || s > *level)) {
			*level = s;
			found = true;
		}
	}
	return found;
}

/* The knobs, grouped by how they are supported, best first. */
static void print_caps(const struct nvirt_nic *nic)
{
	uint64_t below = UINT64_MAX;
	uint32_t level = 0;

	if (!nic->n_caps)
		return;

	out_nest_open("caps", false);
	for (; cap_level_below(nic, below, &level); below = level)
		print_cap_group(nic, level);
	out_nest_close();
}

/* embedded-switch veb */
static void print_esw(const struct nvirt_nic *nic)
{
	static const char *const modes[] = { "veb", "vepa" };
	char buf[16];

	if (!nic->has_esw_mode)
		return;
	print_string("esw_mode", "    embedded-switch %s",
		     nic->esw_mode < ARRAY_SIZE(modes) ? modes[nic->esw_mode] :
		     name_or_num(NULL, buf, sizeof(buf), nic->esw_mode));
	print_eol();
}

void nic_print_caps(const struct nvirt_nic *nic)
{
	print_queues(nic);
	print_sriov(nic);
	print_vf(nic);
	print_esw(nic);
	print_caps(nic);
}
