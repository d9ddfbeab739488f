// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt monitor: print events on NICs, VIFs, named policies and pools as
 * they happen, as "ip monitor" does.
 *
 * Each event is a line written out at once: text, or with -j one JSON
 * object (JSON Lines). SIGINT and SIGTERM end it, successfully.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/signalfd.h>

#include <nvirt/nvirt.h>

#include "nic.h"
#include "output.h"
#include "policy.h"
#include "pool.h"
#include "utils.h"
#include "vif.h"

/* Names the file to create once the monitor listens. */
#define READY_ENV	"NVIRT_MONITOR_READY"

static int monitor_help(int argc __maybe_unused, char **argv __maybe_unused)
{
	printf("Usage: nvirt monitor [ nic | vif | policy | pool ]...\n"
	       "       nvirt monitor help\n"
	       "Note: when the environment variable " READY_ENV " names a file,\n"
	       "      it is created (empty) once the monitor listens.\n");
	return 0;
}

/* The objects whose events are printed, and the handle they come on. */
struct monitor_filter {
	bool nic, vif, policy, pool;
	const struct nvirt *nv;
};

/*
 * [nic change rescan] 3: eth1: driver igb ... sriov vfs 2/7
 * [vif add request] 1: vm1@eth1: backend queue state UP mtu 1500 ...
 * [vif change policy] 1: vm1@eth1: ... (the named policy it follows changed)
 * [policy add request] gold: goal latency priority 5 users 0
 * [pool change netdev] up: dev eth2 down-past-grace dev eth0 grace 30 vifs 1
 */
static int monitor_print(enum nvirt_event ev, const struct nvirt_nic *nic,
			 const struct nvirt_vif *vif,
			 const struct nvirt_named_policy *policy, void *arg)
{
	const struct monitor_filter *filter = arg;
	const struct nvirt_pool *pool = nvirt_event_pool(filter->nv);
	const char *object = nic ? "nic" : vif ? "vif" : policy ? "policy" :
			     "pool";
	unsigned int cause = nvirt_event_cause(filter->nv);
	char buf[16];
	bool del = ev == NVIRT_EVENT_NIC_DEL || ev == NVIRT_EVENT_VIF_DEL ||
		   ev == NVIRT_EVENT_POLICY_DEL || ev == NVIRT_EVENT_POOL_DEL;

	if (nic ? !filter->nic : vif ? !filter->vif :
	    policy ? !filter->policy : !pool || !filter->pool)
		return 0;

	out_start(false);
	print_string(NULL, "[%s", object);
	print_string("event", " %s", nvirt_event_name(ev));
	/* What made it happen, when the kernel says. */
	if (cause)
		print_string("cause", " %s",
			     name_or_num(nvirt_cause_name(cause), buf,
					 sizeof(buf), cause));
	print_string(NULL, "%s", "] ");
	print_string("object", NULL, object);
	if (nic)
		nic_print_obj("nic", nic, del ? NIC_VIEW_NAME : NIC_VIEW_LINE);
	else if (vif)
		vif_print_obj("vif", vif, del ? VIF_VIEW_NAME : VIF_VIEW_LINE);
	else if (policy)
		policy_print_obj("policy", policy,
				 del ? POLICY_VIEW_NAME : POLICY_VIEW_LINE);
	else
		pool_print_obj("pool", pool, del ? POOL_VIEW_NAME : POOL_VIEW_LINE);
	if (out_end(true))
		return 1;
	if (fflush(stdout)) {
		pr_err("cannot write events: %s.", strerror(errno));
		return 1;
	}
	return 0;
}

/* Say that the monitor listens, if asked to. */
static int monitor_ready(void)
{
	const char *path = getenv(READY_ENV);
	int fd;

	if (!path || !*path)
		return 0;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		pr_err("cannot create %s: %s.", path, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

/* SIGINT and SIGTERM, as a descriptor to poll; -1 once said why not. */
static int monitor_signals(void)
{
	sigset_t mask;
	int fd = -1;

	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	if (!sigprocmask(SIG_BLOCK, &mask, NULL))
		fd = signalfd(-1, &mask, SFD_CLOEXEC);
	if (fd < 0) {
		pr_err("cannot catch signals: %s.", strerror(errno));
		return -1;
	}
	return fd;
}

/* Print events until a signal comes; 0 then, else -1 once said why. */
static int monitor_loop(struct nvirt *nv, int sig_fd,
			struct monitor_filter *filter)
{
	struct pollfd fds[] = {
		{ .fd = nvirt_monitor_fd(nv), .events = POLLIN },
		{ .fd = sig_fd, .events = POLLIN },
	};
	int ret;

	for (;;) {
		if (poll(fds, ARRAY_SIZE(fds), -1) < 0) {
			if (errno == EINTR)
				continue;
			pr_err("poll: %s.", strerror(errno));
			return -1;
		}
		if (fds[1].revents)
			return 0;
		if (!fds[0].revents)
			continue;

		ret = nvirt_monitor_step(nv, monitor_print, filter);
		if (ret == -ENOBUFS)
			pr_warn("%s", nvirt_strerror(nv));
		else if (ret)
			return ret < 0 ? nv_error() : -1;
	}
}

/* nvirt monitor [ nic | vif | policy | pool ]...: no object is all of them */
int do_monitor(int argc, char **argv)
{
	struct monitor_filter filter = {};
	struct nvirt *nv;
	int sig_fd, ret;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "help"))
			return monitor_help(0, NULL);
		if (!strcmp(*argv, "nic"))
			filter.nic = true;
		else if (!strcmp(*argv, "vif"))
			filter.vif = true;
		else if (!strcmp(*argv, "policy"))
			filter.policy = true;
		else if (!strcmp(*argv, "pool"))
			filter.pool = true;
		else
			unknown_arg(*argv);
	}
	if (!filter.nic && !filter.vif && !filter.policy && !filter.pool)
		filter.nic = filter.vif = filter.policy = filter.pool = true;

	/* From here on, a signal ends the monitor at its next wait. */
	sig_fd = monitor_signals();
	if (sig_fd < 0)
		return -1;
	nv = nv_open();
	if (!nv)
		ret = -1;
	else if (nvirt_monitor_start(nv))
		ret = nv_error();
	else
		ret = monitor_ready();
	filter.nv = nv;
	if (!ret)
		ret = monitor_loop(nv, sig_fd, &filter);
	close(sig_fd);
	return ret;
}
