// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the policy engine.
 *
 * From a policy (what the user cares about) and a NIC (its capability
 * record and what is already taken) to a plan: the backend, where each
 * setting is enforced, the guest-to-guest path, whether the VIF stays
 * migratable, and the reasons for each of these, with stable codes.
 *
 * The rules, in the order they apply:
 *  - admission: the minimum rates granted on a NIC never exceed its link
 *    speed, and nothing is granted on a link of unknown speed;
 *  - the mechanisms are tried in the goal's order (throughput, latency and
 *    cpu: vf, queue, soft; density: soft, queue, vf), or only the one the
 *    user insists on;
 *  - a VF is out when the NIC has none, when the guest must stay
 *    migratable (a VF pins guest state in the NIC), when the host must see
 *    the traffic (a VF bypasses it), or when the driver lacks the op for a
 *    setting in effect;
 *  - queue and soft are out for a minimum rate (only a NIC guarantees one)
 *    and for strict isolation (they enforce anti-spoofing and VLANs in
 *    software); a queue is also out on a virtual NIC;
 *  - when all VFs (or queues) are taken, one held by a VIF of lower
 *    priority is taken over, and that VIF falls back.
 *
 * A refusal names the reason that decided it (@plan->cause): for want of a
 * mechanism, why the preferred one was not chosen, unless the NIC lacks
 * it altogether (then why the last one was not).
 *
 * A pure function, built into the module and into a userspace test; it
 * uses nothing but snprintf().
 */

#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#endif

#include "policy.h"

static const char *const nvirt_backend_names[] = {
	[NVIRT_BACKEND_AUTO] = "auto",
	[NVIRT_BACKEND_VF] = "vf",
	[NVIRT_BACKEND_QUEUE] = "queue",
	[NVIRT_BACKEND_SOFT] = "soft",
};

#define VF	NVIRT_BACKEND_VF
#define QUEUE	NVIRT_BACKEND_QUEUE
#define SOFT	NVIRT_BACKEND_SOFT
/* The mechanisms each goal prefers, best first. */
static const u8 nvirt_goal_order[][3] = {
	[NVIRT_GOAL_THROUGHPUT] = { VF, QUEUE, SOFT },
	[NVIRT_GOAL_LATENCY] = { VF, QUEUE, SOFT },
	[NVIRT_GOAL_CPU] = { VF, QUEUE, SOFT },
	[NVIRT_GOAL_DENSITY] = { SOFT, QUEUE, VF },
};

#undef VF
#undef QUEUE
#undef SOFT

static u8 nvirt_goal_of(u8 goal)
{
	return goal <= NVIRT_GOAL_DENSITY ? goal : NVIRT_GOAL_THROUGHPUT;
}

/* What a knob lets a VF do, for "VF not chosen: eth1 cannot ..." */
static const char *const nvirt_knob_verbs[] = {
	[NVIRT_KNOB_VF_MAC] = "set a VF's MAC",
	[NVIRT_KNOB_VF_VLAN] = "confine a VF to a VLAN",
	[NVIRT_KNOB_VF_VLAN_PROTO] = "use 802.1ad for a VF",
	[NVIRT_KNOB_VF_MAX_RATE] = "limit a VF's rate",
	[NVIRT_KNOB_VF_MIN_RATE] = "guarantee a VF's rate",
	[NVIRT_KNOB_VF_SPOOFCHK] = "spoof-check a VF",
	[NVIRT_KNOB_VF_TRUST] = "trust a VF",
	[NVIRT_KNOB_VF_LINK_STATE] = "force a VF's link",
};

#define nvirt_reason(plan, code, fmt, ...)				\
	nvirt_plan_add(plan, code, fmt, ##__VA_ARGS__)

/**
 * nvirt_plan_add() - add a reason to a plan
 * @plan: the plan
 * @code: enum nvirt_plan_reason
 * @fmt: its text, which is cut at NVIRT_PLAN_TEXT
 *
 * Reasons beyond NVIRT_PLAN_REASONS are dropped.
 */
void nvirt_plan_add(struct nvirt_plan *plan, u16 code, const char *fmt, ...)
{
	struct nvirt_plan_why *r;
	va_list args;

	if (plan->n_reasons >= NVIRT_PLAN_REASONS)
		return;
	r = &plan->reasons[plan->n_reasons++];
	r->code = code;
	va_start(args, fmt);
	vsnprintf(r->text, sizeof(r->text), fmt, args);
	va_end(args);
}

/* Refuse the plan for the last reason given. */
static void nvirt_plan_refuse(struct nvirt_plan *plan, int err)
{
	plan->err = err;
	plan->cause = plan->n_reasons ? plan->n_reasons - 1 : 0;
}

static bool nvirt_hw(const struct nvirt_policy_nic *nic, int knob)
{
	return nic->knob[knob] == NVIRT_SUPPORT_HARDWARE;
}

/* Does the NIC do @knob, as it declares and as testing it did not refute? */
static bool nvirt_vf_can(const struct nvirt_policy_nic *nic, int knob)
{
	return nvirt_hw(nic, knob) && !(nic->failed & (1UL << knob));
}

/* The first knob a VF would need for the policy and the NIC lacks, or -1. */
static int nvirt_vf_missing_knob(const struct nvirt_plan_in *pol,
				 const struct nvirt_policy_nic *nic)
{
	if (!nvirt_vf_can(nic, NVIRT_KNOB_VF_MAC))
		return NVIRT_KNOB_VF_MAC;
	if (pol->vlan && !nvirt_vf_can(nic, NVIRT_KNOB_VF_VLAN))
		return NVIRT_KNOB_VF_VLAN;
	if (pol->vlan && pol->vlan_8021ad &&
	    !nvirt_vf_can(nic, NVIRT_KNOB_VF_VLAN_PROTO))
		return NVIRT_KNOB_VF_VLAN_PROTO;
	if ((pol->spoofchk || pol->isolation == NVIRT_ISOLATION_STRICT) &&
	    !nvirt_vf_can(nic, NVIRT_KNOB_VF_SPOOFCHK))
		return NVIRT_KNOB_VF_SPOOFCHK;
	if (pol->max_rate && !nvirt_vf_can(nic, NVIRT_KNOB_VF_MAX_RATE))
		return NVIRT_KNOB_VF_MAX_RATE;
	if (pol->min_rate && !nvirt_vf_can(nic, NVIRT_KNOB_VF_MIN_RATE))
		return NVIRT_KNOB_VF_MIN_RATE;
	if (pol->trust && !nvirt_vf_can(nic, NVIRT_KNOB_VF_TRUST))
		return NVIRT_KNOB_VF_TRUST;
	if (pol->link_state && !nvirt_vf_can(nic, NVIRT_KNOB_VF_LINK_STATE))
		return NVIRT_KNOB_VF_LINK_STATE;
	return -1;
}

/*
 * A VF's frames to its neighbours go where the NIC's switch sends them:
 * why that is not the path asked for, or NULL when it is.
 */
static const char *nvirt_vf_g2g_mismatch(const struct nvirt_plan_in *pol,
					 const struct nvirt_policy_nic *nic)
{
	switch (pol->g2g) {
	case NVIRT_G2G_EXTERNAL:
		return nic->esw_vepa ? NULL : "would stay in the NIC";
	case NVIRT_G2G_NIC:
		return nic->esw_vepa ? "would leave the NIC (VEPA)" : NULL;
	case NVIRT_G2G_SOFT:
		return nic->esw ? "would bypass the host's switch" : NULL;
	}
	return NULL;
}

/* Can a VF realize the policy? Says why not, or that it takes one over. */
static bool nvirt_try_vf(const struct nvirt_plan_in *pol,
			 const struct nvirt_policy_nic *nic,
			 struct nvirt_plan *plan)
{
	const char *why;
	int knob;

	if (!nic->sriov) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_VF_NO_SRIOV,
			     "VF not chosen: %s has no SR-IOV", nic->name);
		return false;
	}
	if (pol->migratable) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_VF_MIGRATABLE,
			     "VF not chosen: it pins guest state in the NIC; the guest must migrate");
		return false;
	}
	if (pol->attach == NVIRT_ATTACH_TAP) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_VF_ATTACH,
			     "VF not chosen: attach tap needs nvirt's netdev; a VF's is its driver's");
		return false;
	}
	if (pol->attach == NVIRT_ATTACH_VFIO && !nic->iommu) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_VF_NO_IOMMU,
			     "VF not chosen: attach vfio needs an IOMMU; %s is behind none",
			     nic->name);
		return false;
	}
	if (pol->visibility == NVIRT_VISIBILITY_HOST) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_VF_VISIBILITY,
			     "VF not chosen: its traffic bypasses the host, which must see it");
		return false;
	}
	why = nvirt_vf_g2g_mismatch(pol, nic);
	if (why) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_VF_G2G,
			     "VF not chosen: its traffic to its neighbours %s", why);
		return false;
	}
	knob = nvirt_vf_missing_knob(pol, nic);
	if (knob >= 0 && (nic->failed & (1UL << knob))) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_KNOB_FAILED,
			     "VF not chosen: %s failed the test to %s (nic verify)",
			     nic->name, nvirt_knob_verbs[knob]);
		return false;
	}
	if (knob >= 0) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_VF_KNOB,
			     "VF not chosen: %s cannot %s", nic->name,
			     nvirt_knob_verbs[knob]);
		return false;
	}
	if (nic->vfs_free)
		return true;
	if (nic->holder && nic->holder_priority < pol->priority) {
		plan->displace = nic->holder;
		nvirt_reason(plan, NVIRT_PLAN_REASON_VF_DISPLACE,
			     "VF taken from VIF %u (priority %u < %u), which falls back",
			     nic->holder, nic->holder_priority, pol->priority);
		return true;
	}
	if (nic->vfs_unbound) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_VF_NO_DRIVER,
			     "VF not chosen: %u VFs of %s have no driver (PCI id %04x:%04x)",
			     nic->vfs_unbound, nic->name, nic->vf_pci_id >> 16,
			     nic->vf_pci_id & 0xffff);
		return false;
	}
	nvirt_reason(plan, NVIRT_PLAN_REASON_VF_EXHAUSTED,
		     "VF not chosen: %s has 0 free VFs", nic->name);
	return false;
}

/* What queue and soft have in common: software enforcement. */
static bool nvirt_try_software(const struct nvirt_plan_in *pol,
			       const struct nvirt_policy_nic *nic,
			       const char *what, struct nvirt_plan *plan)
{
	if (pol->attach == NVIRT_ATTACH_VFIO) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_SOFTWARE_ATTACH,
			     "%s not chosen: attach vfio gives the VM a VF's PCI device",
			     what);
		return false;
	}
	if (nic->rx_held) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_RX_HELD,
			     "%s not chosen: %s is held by %s%s%s", what, nic->name,
			     nic->rx_held, nic->rx_held_by ? " " : "",
			     nic->rx_held_by ?: "");
		return false;
	}
	if (pol->isolation == NVIRT_ISOLATION_STRICT) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_ISOLATION_SOFTWARE,
			     "%s not chosen: strict isolation needs the NIC to enforce it",
			     what);
		return false;
	}
	if (pol->min_rate) {
		nvirt_reason(plan, !strcmp(what, "queue") ?
			     NVIRT_PLAN_REASON_QUEUE_MIN_RATE :
			     NVIRT_PLAN_REASON_SOFT_MIN_RATE,
			     "%s not chosen: only the NIC can guarantee min-rate %u",
			     what, pol->min_rate);
		return false;
	}
	return true;
}

static bool nvirt_try_queue(const struct nvirt_plan_in *pol,
			    const struct nvirt_policy_nic *nic,
			    struct nvirt_plan *plan)
{
	if (!nic->hw) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_QUEUE_VIRTUAL,
			     "queue not chosen: %s is virtual", nic->name);
		return false;
	}
	if (!nvirt_try_software(pol, nic, "queue", plan))
		return false;
	if (nic->queues_free)
		return true;
	if (nic->queue_holder && nic->queue_holder_priority < pol->priority) {
		plan->displace = nic->queue_holder;
		nvirt_reason(plan, NVIRT_PLAN_REASON_QUEUE_DISPLACE,
			     "queue taken from VIF %u (priority %u < %u), which falls back",
			     nic->queue_holder, nic->queue_holder_priority,
			     pol->priority);
		return true;
	}
	nvirt_reason(plan, NVIRT_PLAN_REASON_QUEUE_EXHAUSTED,
		     "queue not chosen: %s has no transmit queue to spare",
		     nic->name);
	return false;
}

static bool nvirt_try(u8 backend, const struct nvirt_plan_in *pol,
		      const struct nvirt_policy_nic *nic,
		      struct nvirt_plan *plan)
{
	switch (backend) {
	case NVIRT_BACKEND_VF:
		return nvirt_try_vf(pol, nic, plan);
	case NVIRT_BACKEND_QUEUE:
		return nvirt_try_queue(pol, nic, plan);
	}
	return nvirt_try_software(pol, nic, "software path", plan);
}

/**
 * nvirt_policy_goal_name() - a goal's name, as the uAPI spells it
 * @goal: enum nvirt_goal
 *
 * Context: any.
 * Return: the name; an unknown goal plans as throughput, and is named so.
 */
const char *nvirt_policy_goal_name(u8 goal)
{
	static const char *const goals[] = {
		[NVIRT_GOAL_THROUGHPUT] = "throughput",
		[NVIRT_GOAL_LATENCY] = "latency",
		[NVIRT_GOAL_CPU] = "cpu",
		[NVIRT_GOAL_DENSITY] = "density",
	};

	return goals[nvirt_goal_of(goal)];
}

/**
 * nvirt_policy_backend_name() - a mechanism's name, as the uAPI spells it
 * @backend: enum nvirt_backend
 *
 * Context: any.
 * Return: the name, "?" for an unknown one.
 */
const char *nvirt_policy_backend_name(u8 backend)
{
	return backend <= NVIRT_BACKEND_SOFT ? nvirt_backend_names[backend] :
	       "?";
}

/* Why the chosen mechanism suits the goal. */
static void nvirt_plan_chosen(const struct nvirt_plan_in *pol,
			      const struct nvirt_policy_nic *nic,
			      struct nvirt_plan *plan)
{
	const char *goal = nvirt_policy_goal_name(pol->goal);

	if (pol->backend != NVIRT_BACKEND_AUTO) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_BACKEND_ASKED,
			     "%s chosen: the policy asks for it",
			     nvirt_backend_names[plan->backend]);
		return;
	}
	switch (plan->backend) {
	case NVIRT_BACKEND_VF:
		nvirt_reason(plan, NVIRT_PLAN_REASON_BACKEND_VF,
			     "VF chosen for %s: the guest reaches %s directly",
			     goal, nic->name);
		break;
	case NVIRT_BACKEND_QUEUE:
		nvirt_reason(plan, NVIRT_PLAN_REASON_BACKEND_QUEUE,
			     "queue chosen for %s: a transmit queue of %s of its own",
			     goal, nic->name);
		break;
	default:
		if (pol->goal == NVIRT_GOAL_DENSITY)
			nvirt_reason(plan, NVIRT_PLAN_REASON_BACKEND_SOFT,
				     "software path chosen for density: leaves %s's hardware to others",
				     nic->name);
		else
			nvirt_reason(plan, NVIRT_PLAN_REASON_BACKEND_SOFT,
				     "software path chosen: the only mechanism of %s that fits",
				     nic->name);
	}
}

/* Where each setting in effect is enforced. */
static void nvirt_plan_enforce(const struct nvirt_plan_in *pol,
			       struct nvirt_plan *plan)
{
	u8 point = plan->backend == NVIRT_BACKEND_VF ?
		   NVIRT_SUPPORT_HARDWARE : NVIRT_SUPPORT_SOFTWARE;
	int s;

	for (s = 0; s <= NVIRT_SETTING_MAX; s++)
		plan->enforce[s] = point;
	if (!pol->vlan)
		plan->enforce[NVIRT_SETTING_VLAN] = 0;
	if (!pol->max_rate)
		plan->enforce[NVIRT_SETTING_MAX_RATE] = 0;
	if (!pol->min_rate)
		plan->enforce[NVIRT_SETTING_MIN_RATE] = 0;
	if (!pol->spoofchk)
		plan->enforce[NVIRT_SETTING_SPOOFCHK] = 0;
	/* A VF given to VFIO: its guest's driver sets the MTU. */
	if (pol->attach == NVIRT_ATTACH_VFIO)
		plan->enforce[NVIRT_SETTING_MTU] = 0;

	if (pol->min_rate)
		nvirt_reason(plan, NVIRT_PLAN_REASON_MIN_RATE_HARDWARE,
			     "min-rate %u guaranteed by the NIC", pol->min_rate);
	if (point == NVIRT_SUPPORT_HARDWARE)
		nvirt_reason(plan, NVIRT_PLAN_REASON_ENFORCE_HARDWARE,
			     "settings enforced by the NIC");
	else
		nvirt_reason(plan, NVIRT_PLAN_REASON_ENFORCE_SOFTWARE,
			     "settings enforced by nvirt in software");
}

/* The path to the VIF's neighbours on the same NIC. */
static void nvirt_plan_g2g(const struct nvirt_plan_in *pol,
			   const struct nvirt_policy_nic *nic,
			   struct nvirt_plan *plan)
{
	bool vf = plan->backend == NVIRT_BACKEND_VF;
	bool nic_path = vf && nic->esw && !nic->esw_vepa &&
			pol->visibility != NVIRT_VISIBILITY_HOST;

	switch (pol->g2g) {
	case NVIRT_G2G_AUTO:
		/* A VF's frames go where the NIC's switch sends them. */
		if (vf && nic->esw_vepa)
			plan->g2g = NVIRT_G2G_EXTERNAL;
		else
			plan->g2g = nic_path ? NVIRT_G2G_NIC : NVIRT_G2G_SOFT;
		break;
	case NVIRT_G2G_NIC:
		if (!nic_path) {
			nvirt_reason(plan, NVIRT_PLAN_REASON_G2G_UNAVAILABLE,
				     "guest-to-guest through %s refused: it needs a VF on its switch",
				     nic->name);
			nvirt_plan_refuse(plan, -EOPNOTSUPP);
			return;
		}
		plan->g2g = NVIRT_G2G_NIC;
		break;
	case NVIRT_G2G_EXTERNAL:
		if (!nic->hw) {
			nvirt_reason(plan, NVIRT_PLAN_REASON_G2G_UNAVAILABLE,
				     "guest-to-guest through an external switch refused: %s has no wire",
				     nic->name);
			nvirt_plan_refuse(plan, -EOPNOTSUPP);
			return;
		}
		plan->g2g = NVIRT_G2G_EXTERNAL;
		break;
	default:
		plan->g2g = NVIRT_G2G_SOFT;
	}
	if (plan->g2g == NVIRT_G2G_NIC)
		nvirt_reason(plan, NVIRT_PLAN_REASON_G2G_NIC,
			     "guest-to-guest through %s's switch: no host CPU",
			     nic->name);
	else if (plan->g2g == NVIRT_G2G_EXTERNAL)
		nvirt_reason(plan, NVIRT_PLAN_REASON_G2G_EXTERNAL,
			     "guest-to-guest out of %s to the external switch, which reflects it",
			     nic->name);
	else
		nvirt_reason(plan, NVIRT_PLAN_REASON_G2G_SOFT,
			     "guest-to-guest through nvirt's software switch%s",
			     pol->visibility == NVIRT_VISIBILITY_HOST ?
			     ": the host must see the traffic" : "");
}

/* Whether a minimum rate can be granted on the NIC. */
static bool nvirt_plan_admit(const struct nvirt_plan_in *pol,
			     const struct nvirt_policy_nic *nic,
			     struct nvirt_plan *plan)
{
	if (!pol->min_rate)
		return true;
	if (!nic->speed) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_ADMISSION_NO_SPEED,
			     "min-rate %u refused: the link speed of %s is unknown",
			     pol->min_rate, nic->name);
		nvirt_plan_refuse(plan, -EINVAL);
		return false;
	}
	if (nic->guaranteed + pol->min_rate > nic->speed) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_ADMISSION_REFUSED,
			     "min-rate %u refused: %s has %llu of %u Mb/s left to guarantee",
			     pol->min_rate, nic->name,
			     nic->guaranteed > nic->speed ? 0ULL :
			     (unsigned long long)(nic->speed - nic->guaranteed),
			     nic->speed);
		nvirt_plan_refuse(plan, -ENOSPC);
		return false;
	}
	return true;
}

/**
 * nvirt_policy_rank() - how a goal ranks a mechanism
 * @goal: enum nvirt_goal
 * @backend: enum nvirt_backend, one the engine chooses among
 *
 * Context: any.
 * Return: 0 for the mechanism the goal prefers, 1 and 2 for the next.
 */
int nvirt_policy_rank(u8 goal, u8 backend)
{
	int i;

	for (i = 0; i < 2; i++)
		if (nvirt_goal_order[nvirt_goal_of(goal)][i] == backend)
			return i;
	return 2;
}

/**
 * nvirt_policy_plan() - plan a VIF on a NIC for a policy
 * @pol: the policy
 * @nic: the NIC and what is taken on it
 * @plan: the plan, filled in; @plan->err says whether it is a refusal
 *
 * Context: any; sleeps not, allocates not.
 */
void nvirt_policy_plan(const struct nvirt_plan_in *pol,
		       const struct nvirt_policy_nic *nic,
		       struct nvirt_plan *plan)
{
	const u8 *order = nvirt_goal_order[nvirt_goal_of(pol->goal)];
	int i;

	memset(plan, 0, sizeof(*plan));
	if (!nvirt_plan_admit(pol, nic, plan))
		return;

	if (pol->backend != NVIRT_BACKEND_AUTO) {
		if (nvirt_try(pol->backend, pol, nic, plan))
			plan->backend = pol->backend;
	} else if (pol->attach == NVIRT_ATTACH_VFIO) {
		/* Only a VF is a PCI device of its own. */
		if (nvirt_try(NVIRT_BACKEND_VF, pol, nic, plan))
			plan->backend = NVIRT_BACKEND_VF;
	} else {
		for (i = 0; i < 3 && !plan->backend; i++)
			if (nvirt_try(order[i], pol, nic, plan))
				plan->backend = order[i];
	}
	if (!plan->backend) {
		nvirt_reason(plan, NVIRT_PLAN_REASON_NO_MECHANISM,
			     "no mechanism of %s fits the policy", nic->name);
		/*
		 * Decided by why the preferred mechanism was not chosen, or
		 * when the NIC simply lacks it, why the last one was not.
		 */
		plan->err = -EOPNOTSUPP;
		plan->cause = 0;
		if (plan->reasons[0].code == NVIRT_PLAN_REASON_VF_NO_SRIOV ||
		    plan->reasons[0].code == NVIRT_PLAN_REASON_QUEUE_VIRTUAL)
			plan->cause = plan->n_reasons - 2;
		return;
	}

	nvirt_plan_chosen(pol, nic, plan);
	if (pol->attach == NVIRT_ATTACH_TAP)
		nvirt_reason(plan, NVIRT_PLAN_REASON_ATTACH_TAP,
			     "attach tap: QEMU reads and writes the netdev's frames through a tap device");
	if (pol->attach == NVIRT_ATTACH_VFIO)
		nvirt_reason(plan, NVIRT_PLAN_REASON_ATTACH_VFIO,
			     "attach vfio: the VF goes to vfio-pci for the VM, its netdev with its driver");
	nvirt_plan_enforce(pol, plan);
	plan->migratable = plan->backend != NVIRT_BACKEND_VF;
	if (plan->migratable)
		nvirt_reason(plan, NVIRT_PLAN_REASON_MIGRATION_READY,
			     "migratable: no guest state in the NIC");
	else
		nvirt_reason(plan, NVIRT_PLAN_REASON_MIGRATION_BLOCKED,
			     "not migratable: the VF holds guest state in the NIC");
	nvirt_plan_g2g(pol, nic, plan);
}
