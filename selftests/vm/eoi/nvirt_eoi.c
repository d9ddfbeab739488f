// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt_eoi: the rig's repair for a vCPU whose local APIC waits for an
 * EOI the guest gave and QEMU lost (selftests/vm/timer-watch, which loads
 * it). Under TCG, after igb's VFs were disabled, a vCPU was seen halted
 * with interrupts on, the timer's vector in service (ISR) and pending
 * again (IRR): nothing at or below its priority is delivered any more,
 * and the CPU never runs its timer again. An EOI written on that CPU ends
 * the stale service. Nothing of nvirt's: a guest of the test rig only.
 *
 * Loaded with cpu=N, it writes one EOI on CPU N and does not stay (its
 * init returns -EAGAIN once done). The kernel exports no EOI to modules:
 * it is written as the APIC driver would, to the x2APIC's MSR or to the
 * xAPIC's register page.
 */

#include <linux/cpumask.h>
#include <linux/module.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/msr.h>

static int cpu = -1;
module_param(cpu, int, 0444);
MODULE_PARM_DESC(cpu, "the CPU whose local APIC takes the EOI");

/*
 * Run by the call-function IPI, which the kernel EOI'd on entry (or in
 * process context, on that CPU): the highest vector in service is the
 * stale one, which the EOI ends.
 */
static void nvirt_eoi_write(void *unused)
{
	if (x2apic_enabled())
		wrmsrl(APIC_BASE_MSR + (APIC_EOI >> 4), APIC_EOI_ACK);
	else
		native_apic_mem_write(APIC_EOI, APIC_EOI_ACK);
}

static int __init nvirt_eoi_init(void)
{
	if (cpu < 0 || cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -EINVAL;
	smp_call_function_single(cpu, nvirt_eoi_write, NULL, 1);
	pr_info("nvirt_eoi: an EOI written on CPU %d\n", cpu);
	return -EAGAIN;
}
module_init(nvirt_eoi_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("nvirt test rig: an EOI on a CPU whose APIC lost one");
