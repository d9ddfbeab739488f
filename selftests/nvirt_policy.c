// SPDX-License-Identifier: GPL-2.0
/*
 * The policy engine (kernel/policy.c, built here as is) against a table:
 * every combination of goal, isolation, migratability and host visibility
 * on NIC profiles like the rig's and a few it lacks, then cases for every
 * reason: exhaustion, displacement by priority, rates and admission,
 * VLAN protocols, backends asked for, guest-to-guest paths.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kselftest.h"
#include "nvirt_policy_compat.h"

#include "../kernel/policy.h"

#define HW	NVIRT_SUPPORT_HARDWARE
#define SW	NVIRT_SUPPORT_SOFTWARE

/* An igb-like PF: VF MAC, VLAN, max rate, spoof-check, trust. */
static struct nvirt_policy_nic igb(void)
{
	struct nvirt_policy_nic nic = {
		.name = "igb0", .hw = true, .speed = 1000, .sriov = true,
		.vfs_free = 7, .queues_free = 1,
	};

	nic.knob[NVIRT_KNOB_VF_MAC] = HW;
	nic.knob[NVIRT_KNOB_VF_VLAN] = HW;
	nic.knob[NVIRT_KNOB_VF_MAX_RATE] = HW;
	nic.knob[NVIRT_KNOB_VF_SPOOFCHK] = HW;
	nic.knob[NVIRT_KNOB_VF_TRUST] = HW;
	return nic;
}

/* An ice-like PF: all VF knobs, a switch, many queues. */
static struct nvirt_policy_nic ice(void)
{
	struct nvirt_policy_nic nic = igb();

	nic.name = "ice0";
	nic.speed = 25000;
	nic.vfs_free = 8;
	nic.queues_free = 15;
	nic.knob[NVIRT_KNOB_VF_MIN_RATE] = HW;
	nic.knob[NVIRT_KNOB_VF_VLAN_PROTO] = HW;
	nic.esw = true;
	return nic;
}

static struct nvirt_policy_nic igb_full(void)
{
	struct nvirt_policy_nic nic = igb();

	nic.vfs_free = 0;
	nic.queues_free = 0;	/* igb keeps one queue once VFs are on */
	return nic;
}

static struct nvirt_policy_nic multiqueue(void)
{
	return (struct nvirt_policy_nic){
		.name = "vmx0", .hw = true, .speed = 10000, .queues_free = 1,
	};
}

static struct nvirt_policy_nic single(void)
{
	return (struct nvirt_policy_nic){ .name = "e1000", .hw = true, .speed = 1000 };
}

static struct nvirt_policy_nic veth(void)
{
	return (struct nvirt_policy_nic){ .name = "veth0", .speed = 10000 };
}

static struct nvirt_policy_nic dummy(void)
{
	return (struct nvirt_policy_nic){ .name = "dummy0" };
}

/*
 * The expected backend for each of the 32 policies, indexed by goal * 8 +
 * strict * 4 + migratable * 2 + host visibility: v(f), q(ueue), s(oft),
 * x (refused). Strict isolation needs the NIC's anti-spoofing, so only a
 * VF qualifies; migratable or host-visible guests never get a VF.
 */
static const struct {
	const char *what;
	struct nvirt_policy_nic (*nic)(void);
	const char *want;
} matrix[] = {
	{ "igb, VFs free",	igb,		"vqqqvxxx" "vqqqvxxx" "vqqqvxxx" "ssssvxxx" },
	{ "igb, VFs taken",	igb_full,	"ssssxxxx" "ssssxxxx" "ssssxxxx" "ssssxxxx" },
	{ "ice-like",		ice,		"vqqqvxxx" "vqqqvxxx" "vqqqvxxx" "ssssvxxx" },
	{ "multi-queue",	multiqueue,	"qqqqxxxx" "qqqqxxxx" "qqqqxxxx" "ssssxxxx" },
	{ "single queue",	single,		"ssssxxxx" "ssssxxxx" "ssssxxxx" "ssssxxxx" },
	{ "veth",		veth,		"ssssxxxx" "ssssxxxx" "ssssxxxx" "ssssxxxx" },
	{ "dummy",		dummy,		"ssssxxxx" "ssssxxxx" "ssssxxxx" "ssssxxxx" },
};

static const char *const goals[] = { "throughput", "latency", "cpu", "density" };

static char backend_letter(const struct nvirt_plan *plan)
{
	if (plan->err)
		return 'x';
	return " vqs"[plan->backend];
}

static bool has_reason(const struct nvirt_plan *plan, int code)
{
	unsigned int i;

	for (i = 0; i < plan->n_reasons; i++)
		if (plan->reasons[i].code == code)
			return true;
	return false;
}

static const char *reason_text(const struct nvirt_plan *plan, int code)
{
	unsigned int i;

	for (i = 0; i < plan->n_reasons; i++)
		if (plan->reasons[i].code == code)
			return plan->reasons[i].text;
	return "";
}

/*
 * Every plan explains itself: reasons, each with a text that was not cut
 * (it may become an extack message), and a refusal names its cause.
 */
static bool well_formed(const struct nvirt_plan *plan)
{
	unsigned int i;

	if (!plan->n_reasons || plan->n_reasons > NVIRT_PLAN_REASONS)
		return false;
	for (i = 0; i < plan->n_reasons; i++)
		if (!plan->reasons[i].text[0] ||
		    strlen(plan->reasons[i].text) >= NVIRT_PLAN_TEXT - 1)
			return false;
	return !plan->err || plan->cause < plan->n_reasons;
}

static void run_matrix(void)
{
	struct nvirt_policy_nic nic;
	struct nvirt_plan plan;
	unsigned int m, p;

	for (m = 0; m < ARRAY_SIZE(matrix); m++) {
		nic = matrix[m].nic();
		nic.name = "enp129s0f1npX15";	/* the longest name */
		for (p = 0; p < 32; p++) {
			struct nvirt_plan_in pol = {
				.goal = p / 8,
				.isolation = (p / 4) % 2,
				.migratable = (p / 2) % 2,
				.visibility = p % 2,
				.spoofchk = true,
			};
			char got;

			nvirt_policy_plan(&pol, &nic, &plan);
			got = backend_letter(&plan);
			ksft_test_result(got == matrix[m].want[p] && well_formed(&plan) &&
					 plan.migratable == (got != 'v' && got != 'x'),
					 "%s: %s %s%s%s -> %c (want %c)\n", matrix[m].what,
					 goals[pol.goal], pol.isolation ? "strict" : "standard",
					 pol.migratable ? " migratable" : "",
					 pol.visibility ? " host-visible" : "",
					 got, matrix[m].want[p]);
		}
	}
}

static struct nvirt_plan_in standard(void)
{
	return (struct nvirt_plan_in){ .spoofchk = true };
}

#define CASE(cond, name) ksft_test_result(cond, "%s\n", name)

static void run_reasons(void)
{
	struct nvirt_plan_in pol = standard();
	struct nvirt_policy_nic nic = igb();
	struct nvirt_plan plan;

	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF && has_reason(&plan, NVIRT_PLAN_REASON_BACKEND_VF) &&
	     has_reason(&plan, NVIRT_PLAN_REASON_ENFORCE_HARDWARE) &&
	     has_reason(&plan, NVIRT_PLAN_REASON_MIGRATION_BLOCKED) &&
	     plan.enforce[NVIRT_SETTING_SPOOFCHK] == HW && !plan.enforce[NVIRT_SETTING_VLAN],
	     "igb: a VF, enforced by the NIC, not migratable");

	pol.migratable = true;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_QUEUE && plan.reasons[0].code == NVIRT_PLAN_REASON_VF_MIGRATABLE &&
	     has_reason(&plan, NVIRT_PLAN_REASON_MIGRATION_READY) &&
	     plan.enforce[NVIRT_SETTING_MAC] == SW,
	     "igb, migratable: VF refused first, a queue in software");

	pol = standard();
	pol.visibility = NVIRT_VISIBILITY_HOST;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(has_reason(&plan, NVIRT_PLAN_REASON_VF_VISIBILITY) && plan.g2g == NVIRT_G2G_SOFT &&
	     strstr(reason_text(&plan, NVIRT_PLAN_REASON_G2G_SOFT), "host must see"),
	     "host visibility: no VF, guests switched in software");

	pol = standard();
	pol.attach = NVIRT_ATTACH_TAP;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_QUEUE &&
	     plan.reasons[0].code == NVIRT_PLAN_REASON_VF_ATTACH &&
	     has_reason(&plan, NVIRT_PLAN_REASON_ATTACH_TAP),
	     "attach tap: no VF (its netdev is the driver's), a queue, said");

	pol = standard();
	pol.attach = NVIRT_ATTACH_VFIO;
	nic.iommu = true;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF &&
	     has_reason(&plan, NVIRT_PLAN_REASON_ATTACH_VFIO),
	     "attach vfio behind an IOMMU: a VF, said");

	nic.iommu = false;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -EOPNOTSUPP && plan.n_reasons == 2 &&
	     plan.reasons[plan.cause].code == NVIRT_PLAN_REASON_VF_NO_IOMMU &&
	     !strcmp(plan.reasons[0].text,
		     "VF not chosen: attach vfio needs an IOMMU; igb0 is behind none"),
	     "attach vfio, no IOMMU: refused for that, nothing else tried");

	nic = single();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -EOPNOTSUPP &&
	     plan.reasons[plan.cause].code == NVIRT_PLAN_REASON_VF_NO_SRIOV,
	     "attach vfio, no SR-IOV: refused for that");

	nic = igb();
	nic.iommu = true;
	pol.backend = NVIRT_BACKEND_SOFT;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -EOPNOTSUPP &&
	     plan.reasons[plan.cause].code == NVIRT_PLAN_REASON_SOFTWARE_ATTACH,
	     "attach vfio, soft asked for: refused, a VF's PCI device it needs");
	nic = igb();

	pol = standard();
	pol.goal = NVIRT_GOAL_DENSITY;
	nic.rx_held = "bridge";
	nic.rx_held_by = "br0";
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF &&
	     !strcmp(plan.reasons[0].text,
		     "software path not chosen: igb0 is held by bridge br0") &&
	     has_reason(&plan, NVIRT_PLAN_REASON_RX_HELD),
	     "a bridge's port: density takes a VF, neither soft nor queue");
	nic.rx_held = NULL;
	nic.rx_held_by = NULL;

	nic = igb_full();
	pol = standard();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_SOFT &&
	     !strcmp(reason_text(&plan, NVIRT_PLAN_REASON_VF_EXHAUSTED),
		     "VF not chosen: igb0 has 0 free VFs") &&
	     has_reason(&plan, NVIRT_PLAN_REASON_QUEUE_EXHAUSTED),
	     "VFs and queues taken: software, saying so");

	nic.holder = 42;
	nic.holder_priority = 1;
	pol.priority = 5;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF && plan.displace == 42 &&
	     has_reason(&plan, NVIRT_PLAN_REASON_VF_DISPLACE),
	     "higher priority takes the VF of a lower-priority VIF");

	pol.priority = 1;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_SOFT && !plan.displace,
	     "equal priority displaces nobody");

	nic = single();
	pol = standard();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_SOFT && plan.reasons[0].code == NVIRT_PLAN_REASON_VF_NO_SRIOV &&
	     plan.reasons[1].code == NVIRT_PLAN_REASON_QUEUE_EXHAUSTED &&
	     plan.reasons[2].code == NVIRT_PLAN_REASON_BACKEND_SOFT,
	     "e1000: no SR-IOV, no spare queue, software");

	nic = veth();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_SOFT && has_reason(&plan, NVIRT_PLAN_REASON_QUEUE_VIRTUAL),
	     "veth: virtual, software");

	pol.goal = NVIRT_GOAL_DENSITY;
	nic = ice();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_SOFT &&
	     strstr(reason_text(&plan, NVIRT_PLAN_REASON_BACKEND_SOFT), "density"),
	     "density keeps hardware for others");

	/* Rates and admission */
	pol = standard();
	pol.min_rate = 100;
	nic = igb();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -EOPNOTSUPP && has_reason(&plan, NVIRT_PLAN_REASON_VF_KNOB) &&
	     strstr(reason_text(&plan, NVIRT_PLAN_REASON_VF_KNOB), "guarantee a VF's rate") &&
	     has_reason(&plan, NVIRT_PLAN_REASON_QUEUE_MIN_RATE) &&
	     has_reason(&plan, NVIRT_PLAN_REASON_SOFT_MIN_RATE) &&
	     has_reason(&plan, NVIRT_PLAN_REASON_NO_MECHANISM),
	     "min-rate on igb: refused, each mechanism saying why");

	nic = ice();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF && plan.enforce[NVIRT_SETTING_MIN_RATE] == HW &&
	     has_reason(&plan, NVIRT_PLAN_REASON_MIN_RATE_HARDWARE),
	     "min-rate on ice: a VF guarantees it");

	nic.guaranteed = 24990;
	pol.min_rate = 20;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -ENOSPC &&
	     !strcmp(reason_text(&plan, NVIRT_PLAN_REASON_ADMISSION_REFUSED),
		     "min-rate 20 refused: ice0 has 10 of 25000 Mb/s left to guarantee"),
	     "admission: guarantees never exceed the link");

	pol.min_rate = 10;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(!plan.err, "admission: the last 10 Mb/s can be granted");

	nic = dummy();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err && has_reason(&plan, NVIRT_PLAN_REASON_ADMISSION_NO_SPEED),
	     "admission: no guarantee on a link of unknown speed");

	pol = standard();
	pol.max_rate = 50;
	nic = igb();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.enforce[NVIRT_SETTING_MAX_RATE] == HW, "max-rate on a VF: the NIC limits");
	nic = veth();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.enforce[NVIRT_SETTING_MAX_RATE] == SW, "max-rate on veth: nvirt limits");

	/* VLANs */
	pol = standard();
	pol.vlan = true;
	pol.vlan_8021ad = true;
	nic = igb();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_QUEUE &&
	     strstr(reason_text(&plan, NVIRT_PLAN_REASON_VF_KNOB), "802.1ad") &&
	     plan.enforce[NVIRT_SETTING_VLAN] == SW,
	     "802.1ad on igb: no VF, a queue tags in software");
	pol.isolation = NVIRT_ISOLATION_STRICT;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -EOPNOTSUPP && has_reason(&plan, NVIRT_PLAN_REASON_ISOLATION_SOFTWARE),
	     "strict 802.1ad on igb: refused");
	nic = ice();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF && plan.enforce[NVIRT_SETTING_VLAN] == HW,
	     "strict 802.1ad on ice: a VF confines it");

	nic = igb();
	nic.knob[NVIRT_KNOB_VF_SPOOFCHK] = 0;
	pol = standard();
	pol.isolation = NVIRT_ISOLATION_STRICT;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err && strstr(reason_text(&plan, NVIRT_PLAN_REASON_VF_KNOB), "spoof-check"),
	     "strict isolation without VF anti-spoofing: refused");

	/* Backends asked for */
	pol = standard();
	pol.backend = NVIRT_BACKEND_SOFT;
	nic = igb();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_SOFT && plan.reasons[0].code == NVIRT_PLAN_REASON_BACKEND_ASKED,
	     "soft asked for on igb: soft");
	pol.backend = NVIRT_BACKEND_VF;
	nic = single();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err && plan.reasons[0].code == NVIRT_PLAN_REASON_VF_NO_SRIOV &&
	     plan.reasons[1].code == NVIRT_PLAN_REASON_NO_MECHANISM,
	     "vf asked for on e1000: refused");

	/* Guest-to-guest */
	pol = standard();
	nic = ice();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.g2g == NVIRT_G2G_NIC && has_reason(&plan, NVIRT_PLAN_REASON_G2G_NIC),
	     "VF on a NIC switch: guests switched by the NIC");
	pol.g2g = NVIRT_G2G_NIC;
	nic = single();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -EOPNOTSUPP && has_reason(&plan, NVIRT_PLAN_REASON_G2G_UNAVAILABLE),
	     "g2g nic on e1000: refused");
	pol.g2g = NVIRT_G2G_SOFT;
	nic = ice();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.g2g == NVIRT_G2G_SOFT && !plan.err &&
	     plan.backend == NVIRT_BACKEND_QUEUE &&
	     plan.reasons[0].code == NVIRT_PLAN_REASON_VF_G2G,
	     "g2g soft on a NIC switch: not a VF, whose frames it would loop");
}

/* Knobs of trust and link state, displacement of queues, causes. */
static void run_more(void)
{
	struct nvirt_plan_in pol = standard();
	struct nvirt_policy_nic nic = igb();
	struct nvirt_plan plan;

	pol.link_state = true;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_QUEUE &&
	     strstr(reason_text(&plan, NVIRT_PLAN_REASON_VF_KNOB), "force a VF's link"),
	     "forced link on igb: no VF, a queue");
	nic.knob[NVIRT_KNOB_VF_LINK_STATE] = HW;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF, "forced link with the knob: a VF");

	pol = standard();
	pol.trust = true;
	nic = igb();
	nic.knob[NVIRT_KNOB_VF_TRUST] = 0;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_QUEUE &&
	     strstr(reason_text(&plan, NVIRT_PLAN_REASON_VF_KNOB), "trust a VF"),
	     "trust without the knob: no VF");

	/* The last queue goes to the higher priority. */
	pol = standard();
	pol.priority = 3;
	nic = multiqueue();
	nic.queues_free = 0;
	nic.queue_holder = 7;
	nic.queue_holder_priority = 2;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_QUEUE && plan.displace == 7 &&
	     has_reason(&plan, NVIRT_PLAN_REASON_QUEUE_DISPLACE),
	     "higher priority takes the queue of a lower-priority VIF");
	pol.priority = 2;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_SOFT && !plan.displace &&
	     has_reason(&plan, NVIRT_PLAN_REASON_QUEUE_EXHAUSTED),
	     "equal priority: software, the queue stays");
	pol.priority = 9;
	pol.min_rate = 10;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err && !plan.displace,
	     "a queue is not taken for a request it cannot serve");

	/* A VF is displaced before a queue is. */
	pol = standard();
	pol.priority = 5;
	nic = igb_full();
	nic.holder = 4;
	nic.queue_holder = 6;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF && plan.displace == 4,
	     "throughput displaces for a VF first");

	/* Causes of refusals */
	pol = standard();
	pol.isolation = NVIRT_ISOLATION_STRICT;
	nic = single();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -EOPNOTSUPP &&
	     !strcmp(plan.reasons[plan.cause].text,
		     "software path not chosen: strict isolation needs the NIC to enforce it"),
	     "strict on e1000: refused for software enforcement, not SR-IOV");
	pol = standard();
	pol.isolation = NVIRT_ISOLATION_STRICT;
	nic = igb_full();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err && plan.cause == 0 &&
	     plan.reasons[0].code == NVIRT_PLAN_REASON_VF_EXHAUSTED,
	     "strict on igb, VFs taken: refused for want of a VF");
	pol = standard();
	pol.min_rate = 5;
	nic = single();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err && plan.reasons[plan.cause].code == NVIRT_PLAN_REASON_SOFT_MIN_RATE,
	     "min-rate on e1000: refused as only a NIC guarantees it");
	pol = standard();
	pol.isolation = NVIRT_ISOLATION_STRICT;
	nic = single();
	pol.goal = NVIRT_GOAL_DENSITY;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err && plan.reasons[plan.cause].code == NVIRT_PLAN_REASON_ISOLATION_SOFTWARE,
	     "strict density on e1000: refused for software enforcement");
	pol = standard();
	pol.min_rate = 5;
	nic = dummy();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -EINVAL &&
	     plan.reasons[plan.cause].code == NVIRT_PLAN_REASON_ADMISSION_NO_SPEED,
	     "admission refusal is its own cause");
	pol = standard();
	pol.g2g = NVIRT_G2G_EXTERNAL;
	nic = igb();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(!plan.err && plan.backend == NVIRT_BACKEND_QUEUE &&
	     plan.g2g == NVIRT_G2G_EXTERNAL &&
	     plan.reasons[0].code == NVIRT_PLAN_REASON_VF_G2G &&
	     has_reason(&plan, NVIRT_PLAN_REASON_G2G_EXTERNAL),
	     "g2g external on igb: not a VF (its switch), a queue out to the wire");
	pol.backend = NVIRT_BACKEND_VF;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err && plan.reasons[plan.cause].code == NVIRT_PLAN_REASON_VF_G2G,
	     "g2g external with backend vf: refused, the VF's path is the NIC's");
	pol = standard();
	pol.g2g = NVIRT_G2G_EXTERNAL;
	nic = single();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(!plan.err && plan.backend == NVIRT_BACKEND_SOFT &&
	     plan.g2g == NVIRT_G2G_EXTERNAL,
	     "g2g external on e1000: soft, out to the wire");
	nic = dummy();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -EOPNOTSUPP &&
	     plan.reasons[plan.cause].code == NVIRT_PLAN_REASON_G2G_UNAVAILABLE,
	     "g2g external on a virtual NIC: refused, no wire");

	/* A switch in VEPA mode sends VF frames out: external, never nic. */
	pol = standard();
	nic = ice();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF && plan.g2g == NVIRT_G2G_NIC,
	     "VEB switch, g2g auto: the VF's path is the NIC's");
	nic.esw_vepa = true;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF && plan.g2g == NVIRT_G2G_EXTERNAL &&
	     has_reason(&plan, NVIRT_PLAN_REASON_G2G_EXTERNAL),
	     "VEPA switch, g2g auto: the VF's path is the external switch");
	pol.g2g = NVIRT_G2G_EXTERNAL;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.backend == NVIRT_BACKEND_VF && plan.g2g == NVIRT_G2G_EXTERNAL &&
	     !has_reason(&plan, NVIRT_PLAN_REASON_VF_G2G),
	     "VEPA switch, g2g external: a VF will do");
	pol.g2g = NVIRT_G2G_NIC;
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(plan.err == -EOPNOTSUPP && has_reason(&plan, NVIRT_PLAN_REASON_VF_G2G) &&
	     plan.reasons[plan.cause].code == NVIRT_PLAN_REASON_G2G_UNAVAILABLE,
	     "VEPA switch, g2g nic: refused, the switch loops nothing");

	/* A text too long is cut, never overflowed. */
	nic = single();
	nic.name = "a-name-far-longer-than-any-interface-name-could-ever-be-at-all";
	pol = standard();
	nvirt_policy_plan(&pol, &nic, &plan);
	CASE(strlen(plan.reasons[0].text) == NVIRT_PLAN_TEXT - 1 &&
	     !strncmp(plan.reasons[0].text, "VF not chosen: a-name-far", 25),
	     "texts are bounded");
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(ARRAY_SIZE(matrix) * 32 + 31 + 21);
	run_matrix();
	run_reasons();
	run_more();
	ksft_finished();
}
