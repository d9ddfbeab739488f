// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt_fuzz: what a run did, in KTAP diagnostics: messages, answers by
 * errno and by op, time by op, extack messages, notifications.
 */

#include <stdio.h>
#include <string.h>
#include <linux/nvirt.h>

#include "kselftest.h"
#include "nvirt_fuzz.h"

const char *const fz_cmd_names[256] = {
	[NVIRT_CMD_VERSION_GET] = "version-get",
	[NVIRT_CMD_NIC_GET] = "nic-get",
	[NVIRT_CMD_NIC_SET] = "nic-set",
	[NVIRT_CMD_NIC_VERIFY] = "nic-verify",
	[NVIRT_CMD_VIF_NEW] = "vif-new",
	[NVIRT_CMD_VIF_DEL] = "vif-del",
	[NVIRT_CMD_VIF_GET] = "vif-get",
	[NVIRT_CMD_VIF_SET] = "vif-set",
	[NVIRT_CMD_VIF_EXPLAIN] = "vif-explain",
	[NVIRT_CMD_POLICY_NEW] = "policy-new",
	[NVIRT_CMD_POLICY_GET] = "policy-get",
	[NVIRT_CMD_POLICY_SET] = "policy-set",
	[NVIRT_CMD_POLICY_DEL] = "policy-del",
};

/* An extack message, counted by op (--verbose). */
void fz_msg_count(struct fz_stats *st, __u8 cmd, const struct nvnl_ans *a)
{
	int k;

	for (k = 0; k < st->n_msg; k++)
		if (st->msg[k].cmd == cmd && st->msg[k].err == a->err &&
		    !strncmp(st->msg[k].text, a->msg, sizeof(st->msg[k].text) - 1))
			break;
	if (k == st->n_msg) {
		if (k == ARRAY_SIZE(st->msg))
			return;
		st->n_msg++;
		st->msg[k].cmd = cmd;
		st->msg[k].err = a->err;
		snprintf(st->msg[k].text, sizeof(st->msg[k].text), "%.79s", a->msg);
	}
	st->msg[k].n++;
}

/* Messages and time by command, named commands first. */
static void ops_print(const struct fz_stats *st, bool verbose)
{
	char line[1024];
	unsigned long other = 0;
	double t_other = 0;
	int c, n = 0;

	for (c = 0; c < 256; c++) {
		if (!fz_cmd_names[c]) {
			other += st->n_op[c];
			t_other += st->t_op[c];
			continue;
		}
		n += snprintf(line + n, sizeof(line) - n, " %s %lu/%lu/%.1fs",
			      fz_cmd_names[c], st->n_op[c], st->ok_op[c], st->t_op[c]);
	}
	ksft_print_msg("by op (messages/ok/time):%s other %lu/%.1fs\n", line,
		       other, t_other);
	for (c = 0; verbose && c < 256; c++)
		if (fz_cmd_names[c])
			nvnl_errs_print(fz_cmd_names[c], st->err_op[c], FZ_ERRNO_MAX);
	for (c = 0; verbose && c < st->n_msg; c++)
		if (st->msg[c].n >= 10)
			ksft_print_msg("%8lu %s %s: %s\n", st->msg[c].n,
				       fz_cmd_names[st->msg[c].cmd] ?: "?",
				       nvnl_errname(st->msg[c].err),
				       st->msg[c].text[0] ? st->msg[c].text : "-");
}

void fz_stats_print(const struct fz_stats *st, double secs, bool verbose)
{
	ksft_print_msg("%lu messages (%lu mutated, %lu bytes) in %.1f s: %.0f messages/s\n",
		       st->sent, st->mutated, st->bytes, secs, st->sent / secs);
	ksft_print_msg("answered %lu (must %lu, unanswered %lu), silent %lu; replies %lu;"
		       " dumps %lu (%lu messages, %lu interrupted)\n",
		       st->answered, st->must, st->unanswered, st->silent,
		       st->replies, st->dumps, st->dump_msgs, st->dump_intr);
	ksft_print_msg("stray %lu, overruns %lu, truncated %lu\n",
		       st->stray, st->overrun, st->truncated);
	nvnl_errs_print("answers by errno", st->err, FZ_ERRNO_MAX);
	nvnl_errs_print("socket errors", st->send_err, FZ_ERRNO_MAX);
	ops_print(st, verbose);
}

void fz_mon_print(const struct nv_mon *m)
{
	ksft_print_msg("notifications: nic %lu/%lu/%lu vif %lu/%lu/%lu policy %lu/%lu/%lu"
		       " pool %lu/%lu/%lu (add/del/change), %lu overruns, %lu malformed,"
		       " %lu out of order%s%s\n",
		       m->ntf[0][0], m->ntf[0][1], m->ntf[0][2], m->ntf[1][0],
		       m->ntf[1][1], m->ntf[1][2], m->ntf[2][0], m->ntf[2][1],
		       m->ntf[2][2], m->ntf[3][0], m->ntf[3][1], m->ntf[3][2],
		       m->overruns, m->malformed, m->disorder,
		       m->disorder ? ": first " : "", m->why);
}

