// SPDX-License-Identifier: GPL-2.0
/*
 * Who may do what: every op of the nvirt family, sent by root and by
 * callers without CAP_NET_ADMIN in the initial user namespace, which the
 * ops the spec flags admin-perm require (netlink_capable(): both the task
 * and the opener of the socket must have it). The spec decides: the test
 * reads each op's flags from the table made from it.
 *
 *   root            root in the initial namespaces
 *   userns_own      root of a new user namespace, in its own new netns
 *   userns_init     root of a new user namespace, in the initial netns
 *   userns_rootsock root of a new user namespace, on a socket of the
 *                   initial netns that it opened as real root
 *   nobody          uid 65534 without capabilities
 *   nobody_socket   root, on a socket that nobody opened (SCM_RIGHTS)
 *   root_socket     nobody, on a socket that root opened
 *
 * An op the caller may not run fails with EPERM and changes nothing (the
 * NICs, VIFs and policies of the netns are dumped before and after); one
 * it may run does what it does for root. Joining the monitor group, and
 * hearing it, is tried the same way.
 */

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/capability.h>

#include "kselftest_harness.h"
#include "nvirt_ops.h"

enum ident {
	ID_ROOT, ID_USERNS_OWN, ID_USERNS_INIT, ID_USERNS_ROOTSOCK,
	ID_NOBODY, ID_NOBODY_SOCKET, ID_ROOT_SOCKET,
};

#define NOBODY		65534
#define MON_POLICY	"nvspm"

/* What the parent asks of the caller under test, and its answer. */
enum { ORDER_OP, ORDER_JOIN, ORDER_HEAR, ORDER_END };

struct order {
	int what;
	int op_case;		/* ORDER_OP: the index in op_cases */
	struct objs o;
};

struct result {
	int sock_err;		/* the socket failed: -errno */
	int err;		/* else the errno of the answer */
	char msg[256];
	unsigned long requests;
};

/* May @id run @op? As genl_family_rcv_msg() decides, per the spec. */
static bool may_run(const struct spec_op *op, enum ident id)
{
	if (op->admin)
		return id == ID_ROOT;
	if (op->uns_admin)
		return id == ID_ROOT || id == ID_USERNS_OWN;
	return true;
}

/* May @id join @grp? genl_bind() asks the task, in the socket's netns. */
static bool may_join(const struct spec_mcgrp *grp, enum ident id)
{
	return !grp->admin || id == ID_ROOT || id == ID_USERNS_OWN ||
	       id == ID_NOBODY_SOCKET;
}

/* Become root of a new user namespace (and netns), uid 0 mapped to 0. */
static int new_userns(int flags)
{
	if (unshare(CLONE_NEWUSER | flags))
		return -errno;
	return write_file("/proc/self/setgroups", "deny") ?:
	       write_file("/proc/self/uid_map", "0 0 1") ?:
	       write_file("/proc/self/gid_map", "0 0 1");
}

/* Become nobody, with no capability left. */
static int drop_privileges(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct caps[2];

	if (setgroups(0, NULL) || setresgid(NOBODY, NOBODY, NOBODY) ||
	    setresuid(NOBODY, NOBODY, NOBODY))
		return -errno;
	if (syscall(SYS_capget, &hdr, caps))
		return -errno;
	return caps[0].effective || caps[1].effective ? -EPERM : 0;
}

static int send_fd(int sock, int fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = "f", .iov_len = 1 };
	struct msghdr mh = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);

	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof(int));
	return sendmsg(sock, &mh, 0) == 1 ? 0 : -errno;
}

static int recv_fd(int sock)
{
	char cbuf[CMSG_SPACE(sizeof(int))], c;
	struct iovec iov = { .iov_base = &c, .iov_len = 1 };
	struct msghdr mh = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *cm;
	int fd;

	if (recvmsg(sock, &mh, 0) != 1)
		return -EIO;
	cm = CMSG_FIRSTHDR(&mh);
	if (!cm || cm->cmsg_type != SCM_RIGHTS)
		return -EIO;
	memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	return fd;
}

/* A generic netlink socket opened by nobody, in a child of ours. */
static int nobody_socket(void)
{
	int sp[2], fd, status;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sp))
		return -errno;
	pid = fork();
	if (pid == 0) {
		close(sp[0]);
		if (drop_privileges())
			_exit(1);
		fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
		_exit(fd < 0 || send_fd(sp[1], fd) ? 1 : 0);
	}
	close(sp[1]);
	fd = pid < 0 ? -errno : recv_fd(sp[0]);
	close(sp[0]);
	if (pid > 0 && (waitpid(pid, &status, 0) != pid || status)) {
		if (fd >= 0)
			close(fd);
		return -EPERM;
	}
	return fd;
}

static int open_sock(struct nvnl *nl)
{
	return nvnl_open(nl);
}

/* Take on @id with a socket in @nl; 0 or -errno. */
static int become(enum ident id, struct nvnl *nl)
{
	int fd;

	switch (id) {
	case ID_ROOT:
		return open_sock(nl);
	case ID_USERNS_OWN:
		return new_userns(CLONE_NEWNET) ?: open_sock(nl);
	case ID_USERNS_INIT:
		return new_userns(0) ?: open_sock(nl);
	case ID_USERNS_ROOTSOCK:
		return open_sock(nl) ?: new_userns(CLONE_NEWNET);
	case ID_NOBODY:
		return drop_privileges() ?: open_sock(nl);
	case ID_NOBODY_SOCKET:
		fd = nobody_socket();
		return fd < 0 ? fd : nvnl_attach(nl, fd);
	case ID_ROOT_SOCKET:
		return open_sock(nl) ?: drop_privileges();
	}
	return -EINVAL;
}

/* Wait for a policy-add notification on @nl, up to 5 s; 0 or -errno. */
static int hear(struct nvnl *nl)
{
	static char buf[16384];
	struct pollfd pfd = { .fd = nl->fd, .events = POLLIN };
	struct nlmsghdr *nlh;
	int n;

	while (poll(&pfd, 1, 5000) == 1) {
		n = recv(nl->fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n < 0)
			return -errno;
		for (nlh = (void *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n))
			if (nlh->nlmsg_type == nl->family &&
			    ((struct genlmsghdr *)NLMSG_DATA(nlh))->cmd ==
			    NVIRT_CMD_POLICY_ADD_NTF)
				return 0;
	}
	return -ETIMEDOUT;
}

/* The caller under test: set itself up, then do as it is told. */
static void __attribute__((noreturn)) caller(enum ident id, int sp)
{
	struct result res = { 0 };
	struct nvnl nl = { .fd = -1 };
	struct order ord;
	struct nvnl_ans a;
	struct mreq m;

	res.err = -become(id, &nl);
	if (write(sp, &res, sizeof(res)) != sizeof(res) || res.err)
		_exit(1);
	while (read(sp, &ord, sizeof(ord)) == sizeof(ord) &&
	       ord.what != ORDER_END) {
		memset(&res, 0, sizeof(res));
		if (ord.what == ORDER_OP) {
			op_base(&m, &op_cases[ord.op_case], &ord.o);
			res.sock_err = nvnl_do(&nl, &m, &a, NULL, 0);
			res.err = a.err;
			memcpy(res.msg, a.msg, sizeof(res.msg));
		} else if (ord.what == ORDER_JOIN) {
			if (setsockopt(nl.fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
				       &nl.grp[0], sizeof(nl.grp[0])))
				res.err = errno;
		} else {
			res.err = -hear(&nl);
		}
		res.requests = nl.requests;
		if (write(sp, &res, sizeof(res)) != sizeof(res))
			_exit(1);
	}
	_exit(0);
}

/* The netns the caller works in, as root sees it. */
struct target {
	struct nvnl nl;
	struct objs o;
	struct snapshot *before, *after;
	int netns, init_netns;		/* the caller's own netns, or -1 */
};

static int enter(struct target *t)
{
	return t->netns < 0 ? 0 : setns(t->netns, CLONE_NEWNET);
}

static void leave(struct target *t)
{
	if (t->netns >= 0 && setns(t->init_netns, CLONE_NEWNET))
		abort();
}

static const char *target_setup(struct target *t)
{
	const char *err = "setns";

	if (!enter(t)) {
		err = objs_setup(&t->nl, &t->o, t->before);
		leave(t);
	}
	return err;
}

static void target_teardown(struct target *t)
{
	if (!enter(t)) {
		objs_teardown(&t->nl);
		leave(t);
	}
}

static int policy_req(struct target *t, __u8 cmd)
{
	return objs_req(&t->nl, cmd, fill_policy, MON_POLICY, &t->o);
}

FIXTURE(perm) {
	struct target t;
	int sp;
	pid_t pid;
};

FIXTURE_VARIANT(perm) {
	enum ident id;
};

FIXTURE_VARIANT_ADD(perm, root) { ID_ROOT };
FIXTURE_VARIANT_ADD(perm, userns_own) { ID_USERNS_OWN };
FIXTURE_VARIANT_ADD(perm, userns_init) { ID_USERNS_INIT };
FIXTURE_VARIANT_ADD(perm, userns_rootsock) { ID_USERNS_ROOTSOCK };
FIXTURE_VARIANT_ADD(perm, nobody) { ID_NOBODY };
FIXTURE_VARIANT_ADD(perm, nobody_socket) { ID_NOBODY_SOCKET };
FIXTURE_VARIANT_ADD(perm, root_socket) { ID_ROOT_SOCKET };

FIXTURE_SETUP(perm)
{
	struct target *t = &self->t;
	struct result res;
	const char *err;
	char path[64];
	int sp[2];

	t->netns = -1;
	t->init_netns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	t->before = malloc(sizeof(*t->before));
	t->after = malloc(sizeof(*t->after));
	ASSERT_TRUE(t->init_netns >= 0 && t->before && t->after);
	ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sp));
	self->pid = fork();
	ASSERT_LE(0, self->pid);
	if (self->pid == 0) {
		close(sp[0]);
		caller(variant->id, sp[1]);
	}
	close(sp[1]);
	self->sp = sp[0];
	ASSERT_EQ((ssize_t)sizeof(res), read(self->sp, &res, sizeof(res)));
	if (res.err == EPERM && (variant->id == ID_USERNS_OWN ||
				 variant->id == ID_USERNS_INIT ||
				 variant->id == ID_USERNS_ROOTSOCK))
		SKIP(return, "no user namespaces here");
	ASSERT_EQ(0, res.err) TH_LOG("the caller could not set up: %s",
				     strerror(res.err));
	if (variant->id == ID_USERNS_OWN) {
		snprintf(path, sizeof(path), "/proc/%d/ns/net", self->pid);
		t->netns = open(path, O_RDONLY | O_CLOEXEC);
		ASSERT_LE(0, t->netns);
	}
	ASSERT_EQ(0, enter(t));
	ASSERT_EQ(0, nvnl_open(&t->nl));
	leave(t);
	err = target_setup(t);
	ASSERT_EQ(NULL, err) TH_LOG("setting up: %s", err);
}

FIXTURE_TEARDOWN(perm)
{
	struct order ord = { .what = ORDER_END };
	int status;

	if (self->pid > 0) {
		(void)!write(self->sp, &ord, sizeof(ord));
		waitpid(self->pid, &status, 0);
	}
	if (self->t.nl.family) {
		policy_req(&self->t, NVIRT_CMD_POLICY_DEL);
		target_teardown(&self->t);
		close(self->t.nl.fd);
	}
	if (self->t.netns >= 0)
		close(self->t.netns);
	close(self->t.init_netns);
}

static int ask(FIXTURE_DATA(perm) *self, struct order *ord, struct result *res)
{
	if (write(self->sp, ord, sizeof(*ord)) != sizeof(*ord) ||
	    read(self->sp, res, sizeof(*res)) != sizeof(*res))
		return -EIO;
	return 0;
}

TEST_F_TIMEOUT(perm, ops, 300)
{
	struct target *t = &self->t;
	int allowed = 0, refused = 0, compared = 0;
	unsigned long requests = 0;
	struct result res;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(op_cases); i++) {
		const struct op_case *c = &op_cases[i];
		const struct spec_op *op = spec_op(c->op);
		struct order ord = { ORDER_OP, i, t->o };
		const char *changed;
		bool may;

		ASSERT_NE(NULL, op) TH_LOG("%s is not in the spec", c->op);
		may = may_run(op, variant->id);
		ASSERT_EQ(0, ask(self, &ord, &res));
		ASSERT_EQ(0, res.sock_err) TH_LOG("%s: %s", c->op,
						  strerror(-res.sock_err));
		requests = res.requests;
		ASSERT_EQ(0, snapshot_take(&t->nl, t->after));
		compared++;
		changed = snapshot_diff(t->before, t->after);
		if (may) {
			allowed++;
			EXPECT_EQ(0, res.err) TH_LOG("%s %s: %s (%s)", c->op,
						     form_names[c->form],
						     strerror(res.err), res.msg);
			EXPECT_EQ(c->mutates, !!changed)
				TH_LOG("%s %s: %s", c->op, form_names[c->form],
				       changed ? "changed the state" : "changed nothing");
		} else {
			refused++;
			EXPECT_EQ(EPERM, res.err) TH_LOG("%s %s: %s (%s), want EPERM",
							 c->op, form_names[c->form],
							 strerror(res.err), res.msg);
			EXPECT_STREQ("", res.msg);
			EXPECT_EQ(NULL, changed) TH_LOG("%s %s: refused, but the %s changed",
							c->op, form_names[c->form], changed);
		}
		if (changed)
			ASSERT_EQ(NULL, target_setup(t));
	}
	ksft_print_msg("%zu op forms: %d allowed, %d refused; %lu requests by the caller,"
		       " %d x %zu dumps compared\n", ARRAY_SIZE(op_cases), allowed,
		       refused, requests, compared, ARRAY_SIZE(snapshot_dumps));
}

/* The monitor group: joined, or refused, as the spec says; and heard. */
TEST_F(perm, monitor)
{
	struct order ord = { .what = ORDER_JOIN };
	struct result res;
	bool may = may_join(&spec_mcgrps[0], variant->id);

	ASSERT_EQ(1U, ARRAY_SIZE(spec_mcgrps));
	ASSERT_STREQ("monitor", spec_mcgrps[0].name);
	ASSERT_NE(0U, self->t.nl.grp[0]);
	ASSERT_EQ(0, ask(self, &ord, &res));
	EXPECT_EQ(may ? 0 : EPERM, res.err) TH_LOG("join: %s", strerror(res.err));
	if (res.err)
		return;
	ASSERT_EQ(0, policy_req(&self->t, NVIRT_CMD_POLICY_NEW));
	ord.what = ORDER_HEAR;
	ASSERT_EQ(0, ask(self, &ord, &res));
	EXPECT_EQ(0, res.err) TH_LOG("no notification: %s", strerror(res.err));
	ksft_print_msg("monitor: joined%s\n", res.err ? ", heard nothing" : ", heard");
}

/* What the spec says needs CAP_NET_ADMIN; an op that changes state must. */
TEST(spec_admin_ops)
{
	char admin[512] = "", open_to_all[512] = "";
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(spec_ops); i++) {
		char *list = spec_ops[i].admin || spec_ops[i].uns_admin ?
			     admin : open_to_all;

		snprintf(list + strlen(list), 512 - strlen(list), " %s%s",
			 spec_ops[i].name, spec_ops[i].uns_admin ? " (userns)" : "");
	}
	for (i = 0; i < ARRAY_SIZE(op_cases); i++) {
		const struct spec_op *op = spec_op(op_cases[i].op);

		ASSERT_NE(NULL, op);
		EXPECT_TRUE(!op_cases[i].mutates || op->admin)
			TH_LOG("%s changes state without admin-perm", op->name);
	}
	ksft_print_msg("admin-perm:%s\n", admin);
	ksft_print_msg("open to all:%s\n", open_to_all);
}

TEST_HARNESS_MAIN
