// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt_fuzz: the churn around the fuzzing. One child creates, changes,
 * dumps and deletes VIFs on real parents (a dummy, a veth, e1000's soft
 * path) and named policies; the other creates namespaces, puts VIFs in
 * them (created there, moved there and back, and one managed from inside
 * on a parent of its own, following a policy of its own) and deletes the
 * namespace with them in it. Each checks its dumps and cleans up.
 */

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/nvirt.h>

#include "nvirt_fuzz.h"

#define CHURN_VIFS	6
#define CHURN_POLICIES	3

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* One op and its outcome: 0 or an id for success, -errno. */
static void account(struct fz_churn_stats *st, int err)
{
	if (err > 0)
		err = 0;
	st->ops++;
	if (err == -ENOBUFS || err == -EAGAIN || err == -EBADF)
		st->sock_err++;
	fz_count_err(st->err, -err);
}

/* A VIF dump, checked: ids once each and in order. */
static int churn_dump(int fd, int family, struct fz_churn_stats *st,
		      struct nv_vif *v)
{
	struct nv_dump d;
	int err;

	err = nv_vif_dump(fd, family, v, &d);
	account(st, err);
	if (err)
		return -1;
	st->dumps++;
	st->dump_intr += d.a.intr;
	/* Names are unique per namespace: only an interrupted dump may repeat. */
	st->dump_bad += d.dup_id || d.unordered || (d.dup_name && !d.a.intr);
	return d.n;
}

static void vif_set(int fd, int family, struct fz_churn_stats *st,
		    const char *name, unsigned int r)
{
	char pname[8];
	struct nvnl_msg m;

	nvnl_init(&m, family, 0, NVIRT_CMD_VIF_SET);
	nvnl_put_str(&m, NVIRT_A_VIF_NAME, name);
	switch (r % 4) {
	case 0:
		nvnl_put_u32(&m, NVIRT_A_VIF_MTU, 1280 + r % 221);
		break;
	case 1:
		nvnl_put_u32(&m, NVIRT_A_VIF_VLAN, r % 11);
		break;
	case 2:
		nvnl_put_u32(&m, NVIRT_A_VIF_MAX_RATE, r % 1001);
		break;
	default:
		snprintf(pname, sizeof(pname), "fcp%u", r % (CHURN_POLICIES + 1));
		nvnl_put_str(&m, NVIRT_A_VIF_POLICY_NAME,
			     r % (CHURN_POLICIES + 1) == CHURN_POLICIES ? "" : pname);
	}
	account(st, nv_do(fd, &m, NULL));
}

static void policy_op(int fd, int family, struct fz_churn_stats *st,
		      __u8 cmd, unsigned int r)
{
	char name[8];
	struct nvnl_msg m;
	struct nlattr *nest;

	snprintf(name, sizeof(name), "fcp%u", r % CHURN_POLICIES);
	nvnl_init(&m, family, 0, cmd);
	nvnl_put_str(&m, NVIRT_A_NAMED_POLICY_NAME, name);
	if (cmd != NVIRT_CMD_POLICY_DEL) {
		nest = nvnl_nest_start(&m, NVIRT_A_NAMED_POLICY_POLICY);
		nvnl_put_u32(&m, NVIRT_A_POLICY_GOAL, r % 4);
		nvnl_nest_end(&m, nest);
		nvnl_put_u32(&m, NVIRT_A_NAMED_POLICY_MAX_RATE,
			     r % 2 ? 0 : 500);
	}
	account(st, nv_do(fd, &m, NULL));
}

void fz_churn_vifs(struct fz_churn *c, struct fz_churn_stats *st)
{
	static struct nv_vif v[NV_MAX];
	unsigned int seed = getpid(), r, i;
	char name[8];
	int fd;

	fd = nvnl_socket();
	if (fd < 0) {
		st->sock_err++;
		return;
	}
	while (!c->stop) {
		r = rand_r(&seed);
		snprintf(name, sizeof(name), "fc%u", (r >> 8) % CHURN_VIFS);
		switch (r % 8) {
		case 0:
		case 1:
			account(st, nv_vif_new(fd, c->family, name,
					       c->parents[(r >> 4) % c->n_parents],
					       r % 2 ? NVIRT_BACKEND_SOFT :
					       NVIRT_BACKEND_AUTO, -1, &(struct nvnl_ans){}));
			break;
		case 2:
			vif_set(fd, c->family, st, name, r >> 12);
			break;
		case 3:
			account(st, nv_vif_del(fd, c->family, 0, name, NULL));
			break;
		case 4:
			policy_op(fd, c->family, st, NVIRT_CMD_POLICY_NEW, r >> 8);
			break;
		case 5:
			policy_op(fd, c->family, st, NVIRT_CMD_POLICY_SET, r >> 8);
			break;
		case 6:
			policy_op(fd, c->family, st, NVIRT_CMD_POLICY_DEL, r >> 8);
			break;
		default:
			churn_dump(fd, c->family, st, v);
		}
		sleep_ms(c->pause_ms);
	}
	for (i = 0; i < CHURN_VIFS; i++) {
		snprintf(name, sizeof(name), "fc%u", i);
		nv_vif_del(fd, c->family, 0, name, NULL);
	}
	for (i = 0; i < CHURN_POLICIES; i++) {
		snprintf(name, sizeof(name), "fcp%u", i);
		nv_policy_del(fd, c->family, name, NULL);
	}
	close(fd);
}

/* A genl socket in the namespace of @nsfd; the caller's stays as it was. */
static int socket_in(int nsfd, int home)
{
	int fd;

	if (setns(nsfd, CLONE_NEWNET))
		return -1;
	fd = nvnl_socket();
	if (setns(home, CLONE_NEWNET)) {
		perror("setns home");
		exit(1);
	}
	return fd;
}

static __u32 nic_index(int fd, int family, const char *name)
{
	static struct nv_nic nics[NV_MAX];
	struct nv_dump d;
	int i;

	if (nv_nic_dump(fd, family, nics, &d))
		return 0;
	for (i = 0; i < d.n; i++)
		if (!strcmp(nics[i].name, name))
			return nics[i].ifindex;
	return 0;
}

static void vif_move(int fd, int family, struct fz_churn_stats *st,
		     const char *name, int nsfd)
{
	struct nvnl_msg m;

	nvnl_init(&m, family, 0, NVIRT_CMD_VIF_SET);
	nvnl_put_str(&m, NVIRT_A_VIF_NAME, name);
	nvnl_put_s32(&m, NVIRT_A_VIF_NETNS_FD, nsfd);
	account(st, nv_do(fd, &m, NULL));
}

/* Inside the namespace: a policy, and a VIF on its dummy following it. */
static int inside(int fdn, int family, struct fz_churn_stats *st)
{
	struct nvnl_ans a;
	struct nvnl_msg m;
	__u32 parent;
	int err;

	parent = nic_index(fdn, family, "fzcd");
	if (!parent)
		return 0;
	nvnl_init(&m, family, 0, NVIRT_CMD_POLICY_NEW);
	nvnl_put_str(&m, NVIRT_A_NAMED_POLICY_NAME, "fcq");
	account(st, nv_do(fdn, &m, NULL));
	nvnl_init(&m, family, 0, NVIRT_CMD_VIF_NEW);
	nvnl_put_str(&m, NVIRT_A_VIF_NAME, "fi0");
	nvnl_put_u32(&m, NVIRT_A_VIF_PARENT_IFINDEX, parent);
	nvnl_put_str(&m, NVIRT_A_VIF_POLICY_NAME, "fcq");
	err = nv_do(fdn, &m, &a);
	account(st, err);
	return !err;
}

/* How many of the VIFs named fn* are still listed. */
static int ns_vifs_left(int fd, int family, struct fz_churn_stats *st)
{
	static struct nv_vif v[NV_MAX];
	int i, n, left = 0;

	n = churn_dump(fd, family, st, v);
	for (i = 0; i < n; i++)
		left += !strncmp(v[i].name, "fn", 2);
	return n < 0 ? -1 : left;
}

/* One namespace, VIFs in it, and its deletion with them inside. */
static void netns_cycle(struct fz_churn *c, struct fz_churn_stats *st,
			int fd, int home)
{
	int nsfd, fdn, n = 0, tries, left, err;

	if (system("ip netns add fzc0 && ip -n fzc0 link add fzcd type dummy &&"
		   " ip -n fzc0 link set fzcd up")) {
		st->sock_err++;
		sleep_ms(100);
		return;
	}
	nsfd = open("/run/netns/fzc0", O_RDONLY | O_CLOEXEC);
	if (nsfd >= 0) {
		err = nv_vif_new(fd, c->family, "fn0", c->ns_parent,
				 NVIRT_BACKEND_SOFT, nsfd, &(struct nvnl_ans){});
		account(st, err);
		n += err > 0;
		err = nv_vif_new(fd, c->family, "fn1", c->ns_parent,
				 NVIRT_BACKEND_SOFT, -1, &(struct nvnl_ans){});
		account(st, err);
		if (err > 0) {
			n++;
			vif_move(fd, c->family, st, "fn1", nsfd);
			vif_move(fd, c->family, st, "fn1", home);
			vif_move(fd, c->family, st, "fn1", nsfd);
		}
		fdn = socket_in(nsfd, home);
		if (fdn >= 0) {
			n += inside(fdn, c->family, st);
			close(fdn);
		}
		close(nsfd);
	}
	if (system("ip netns del fzc0"))
		st->sock_err++;
	st->netns++;
	st->netns_vifs += n;
	/* The namespace goes in the background: its VIFs go with it. */
	for (tries = 0; tries < 100; tries++) {
		left = ns_vifs_left(fd, c->family, st);
		if (left == 0)
			return;
		sleep_ms(50);
	}
	st->netns_left += left > 0 ? left : 1;
	nv_vif_del(fd, c->family, 0, "fn0", NULL);
	nv_vif_del(fd, c->family, 0, "fn1", NULL);
}

void fz_churn_netns(struct fz_churn *c, struct fz_churn_stats *st)
{
	int fd, home;

	fd = nvnl_socket();
	home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || home < 0) {
		st->sock_err++;
		return;
	}
	while (!c->stop) {
		netns_cycle(c, st, fd, home);
		sleep_ms(10 * c->pause_ms);
	}
	nv_vif_del(fd, c->family, 0, "fn0", NULL);
	nv_vif_del(fd, c->family, 0, "fn1", NULL);
	close(home);
	close(fd);
}
