// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt nic: show the NICs nvirt sees and change its settings for them.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/if_arp.h>
#include <nvirt/nvirt.h>

#include "nic.h"
#include "output.h"
#include "utils.h"

static int nic_help(int argc __maybe_unused, char **argv __maybe_unused)
{
	printf("Usage: nvirt nic show [ dev IFNAME ]\n"
	       "       nvirt nic set dev IFNAME managed { on | off }\n"
	       "       nvirt nic verify dev IFNAME [ forget ]\n"
	       "       nvirt nic help\n"
	       "verify: test what the NIC declares (VF spoof-checking, with a VF nvirt\n"
	       "makes and deletes), keep what was found in its record (\"test failed\"),\n"
	       "and plan as if a knob that failed were missing; forget: untested again.\n");
	return 0;
}

/* ARPHRD_* of <linux/if_arp.h>, as "ip link" names the common ones */
static const char *link_name(unsigned int type)
{
	switch (type) {
	case ARPHRD_ETHER:
		return "ether";
	case ARPHRD_LOOPBACK:
		return "loopback";
	case ARPHRD_NONE:
		return "none";
	}
	return NULL;
}

/* holder bridge br0: who has its receive handler, if anybody */
static void nic_print_holder(const struct nvirt_nic *nic)
{
	char buf[16];

	if (!NVIRT_HAS(nic, holder_ifname) || !nic->has_holder)
		return;
	out_nest_open("holder", false);
	print_string("kind", " holder %s",
		     name_or_num(nvirt_holder_name(nic->holder), buf,
				 sizeof(buf), nic->holder));
	if (nic->holder_ifname[0])
		print_string("ifname", " %s", nic->holder_ifname);
	out_nest_close();
}

/*
 * driver igb bus pci 0000:01:00.0 state UP mtu 1500 managed on
 * holder bridge br0
 */
static void nic_print_state(const struct nvirt_nic *nic)
{
	char state[16];

	if (nic->driver[0])
		print_string("driver", " driver %s", nic->driver);
	if (nic->bus[0])
		print_string("bus", " bus %s", nic->bus);
	if (nic->bus_addr[0])
		print_string("bus_addr", " %s", nic->bus_addr);
	print_string("operstate", " state %s",
		     name_or_num(oper_name(nic->operstate), state,
				 sizeof(state), nic->operstate));
	print_uint("mtu", " mtu %u", nic->mtu);
	print_on_off("managed", " managed %s", nic->managed);
	nic_print_holder(nic);
}

/* The lines after the first: link/ether 52:54:00:12:34:56 mtu-range ... */
static void nic_print_details(const struct nvirt_nic *nic)
{
	char buf[3 * sizeof(nic->address)];
	char type[16];

	print_string(NULL, "%s", "\n   ");
	print_string("link_type", " link/%s",
		     name_or_num(link_name(nic->link_type), type,
				 sizeof(type), nic->link_type));
	if (nic->address_len)
		print_string("address", " %s",
			     hwaddr(buf, sizeof(buf), nic->address,
				    nic->address_len));
	if (nic->perm_address_len)
		print_string("perm_address", " permaddr %s",
			     hwaddr(buf, sizeof(buf), nic->perm_address,
				    nic->perm_address_len));
	/* A maximum of 0 means the NIC sets no limit: no range to show. */
	print_uint("min_mtu", nic->max_mtu ? " mtu-range %u" : NULL,
		   nic->min_mtu);
	print_uint("max_mtu", nic->max_mtu ? "-%u" : NULL, nic->max_mtu);
	print_string(NULL, "%s", "\n");
	nic_print_caps(nic);
}

void nic_print_obj(const char *key, const struct nvirt_nic *nic,
		   enum nic_view view)
{
	if (json)
		view = NIC_VIEW_FULL;

	out_nest_open(key, false);
	print_uint("ifindex", "%u: ", nic->ifindex);
	print_string("ifname", view == NIC_VIEW_NAME ? "%s" : "%s:",
		     nic->ifname);
	if (view != NIC_VIEW_NAME)
		nic_print_state(nic);
	if (view == NIC_VIEW_FULL) {
		nic_print_details(nic);
	} else {
		if (view == NIC_VIEW_LINE && nic->sriov)
			printf(" sriov vfs %u/%u", nic->sriov_num_vfs,
			       nic->sriov_total_vfs);
		print_string(NULL, "%s", "\n");
	}
	out_nest_close();
}

static int nic_print(const struct nvirt_nic *nic, void *arg __maybe_unused)
{
	nic_print_obj(NULL, nic, NIC_VIEW_FULL);
	return 0;
}

/* The commands, for what each one takes. */
enum nic_op {
	NIC_SHOW,
	NIC_SET,
	NIC_VERIFY,
};

/* The arguments of nic commands: "set" takes managed, "verify" forget. */
struct nic_args {
	const char *ifname;
	int managed;		/* 0, 1, or -1 when not given */
	bool forget;
};

static void nic_parse(int argc, char **argv, struct nic_args *args,
		      enum nic_op op)
{
	bool set = op == NIC_SET;

	args->ifname = NULL;
	args->managed = -1;
	args->forget = false;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "dev")) {
			NEXT_ARG();
			if (args->ifname)
				duparg("dev", *argv);
			args->ifname = *argv;
		} else if (op == NIC_VERIFY && !strcmp(*argv, "forget")) {
			args->forget = true;
		} else if (set && !strcmp(*argv, "managed")) {
			NEXT_ARG();
			if (args->managed >= 0)
				duparg("managed", *argv);
			args->managed = parse_on_off("managed", *argv);
		} else if (!strcmp(*argv, "help")) {
			arg_help(nic_help);
		} else {
			unknown_arg(*argv);
		}
	}
}

/* nvirt nic [ show [ dev IFNAME ] ] */
static int nic_show(int argc, char **argv)
{
	struct nic_args args;
	struct nvirt_nic *nic;
	struct nvirt *nv;
	int err, ret;

	nic_parse(argc, argv, &args, NIC_SHOW);
	nv = nv_open();
	if (!nv)
		return -1;

	out_start(true);
	if (args.ifname) {
		err = nvirt_nic_get(nv, 0, args.ifname, &nic);
		if (!err)
			nic_print(nic, NULL);
		nvirt_free(nic);
	} else {
		err = nvirt_nic_dump(nv, nic_print, NULL);
	}
	ret = out_end(!err);
	return err ? nv_error() : ret;
}

/* nvirt nic set dev IFNAME managed { on | off } */
static int nic_set(int argc, char **argv)
{
	struct nic_args args;
	struct nvirt *nv;

	nic_parse(argc, argv, &args, NIC_SET);
	if (!args.ifname)
		missarg("dev");
	if (args.managed < 0)
		missarg("managed");

	nv = nv_open();
	if (!nv)
		return -1;
	if (nvirt_nic_set_managed(nv, 0, args.ifname, args.managed))
		return nv_error();
	nv_warn();
	return 0;
}

/*
 * nvirt nic verify dev IFNAME [ forget ]: the record, as show prints it,
 * after the kernel's word on what was found
 */
static int nic_verify(int argc, char **argv)
{
	struct nvirt_nic *nic = NULL;
	struct nic_args args;
	struct nvirt *nv;
	int err, ret;

	nic_parse(argc, argv, &args, NIC_VERIFY);
	if (!args.ifname)
		missarg("dev");

	nv = nv_open();
	if (!nv)
		return -1;
	err = nvirt_nic_verify(nv, 0, args.ifname,
			       args.forget ? NVIRT_NIC_VERIFY_FORGET : 0, &nic);
	if (err)
		return nv_error();
	nv_warn();
	out_start(true);
	nic_print(nic, NULL);
	nvirt_free(nic);
	ret = out_end(true);
	return ret;
}

static const struct cmd nic_cmds[] = {
	{ "show",	nic_show },
	{ "set",	nic_set },
	{ "verify",	nic_verify },
	{ "help",	nic_help },
	{ NULL }
};

int do_nic(int argc, char **argv)
{
	return do_cmd(nic_cmds, "Command", "nvirt nic help", argc, argv);
}
