// SPDX-License-Identifier: GPL-2.0
/*
 * Only the kernel speaks to libnvirt. A local process with CAP_NET_ADMIN
 * over the netns (root, or root of a container that owns it) may send to
 * any netlink socket there whose port it knows, messages that look like
 * the kernel's; only the sender's port, 0 for the kernel, tells them
 * apart. Here a child of the test sends to each socket of a libnvirt
 * handle (found by getsockname()):
 *
 *   - event: a VIF's record, as vif-get gives it, as a vif-del
 *     notification;
 *   - answers: NLMSG_ERROR EPERM for every sequence number the handle's
 *     next requests can have (libnl starts them at the time of day).
 *
 * The monitor must report only the real events of the VIF, and the
 * requests must get the kernel's answers. Without CAP_NET_ADMIN nothing
 * can be sent at all: generic netlink has no NL_CFG_F_NONROOT_SEND.
 */

#include <sys/wait.h>
#include <time.h>

#include <nvirt/nvirt.h>

#include "kselftest_harness.h"
#include "nvirt_nl.h"

#define PARENT		"nvfd0"
#define VIF		"nvf0"
#define NOBODY		65534

/* Sequence numbers answered, from the time the handle was opened. */
#define FORGED_SEQS	256

/* At most this many sockets per handle: its requests' and its monitor's. */
#define MAX_PORTS	4

FIXTURE(forge) {
	struct nvirt *h;
	time_t opened;
	__u32 ports[MAX_PORTS];
	int n_ports;
};

/* The ports of our generic netlink sockets: the handle's. */
static int own_ports(__u32 *ports)
{
	struct sockaddr_nl sa;
	socklen_t len;
	int fd, proto, n = 0;

	for (fd = 0; fd < 1024 && n < MAX_PORTS; fd++) {
		len = sizeof(proto);
		if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len) ||
		    proto != NETLINK_GENERIC)
			continue;
		len = sizeof(sa);
		if (getsockname(fd, (struct sockaddr *)&sa, &len) ||
		    sa.nl_family != AF_NETLINK)
			continue;
		ports[n++] = sa.nl_pid;
	}
	return n;
}

FIXTURE_SETUP(forge)
{
	(void)!system("ip link del " PARENT " 2>/dev/null");
	ASSERT_EQ(0, system("ip link add " PARENT " type dummy"));
	self->opened = time(NULL);
	self->h = nvirt_open();
	ASSERT_NE(NULL, self->h) TH_LOG("nvirt_open: %s", strerror(errno));
	ASSERT_EQ(0, nvirt_monitor_start(self->h))
		TH_LOG("monitor: %s", nvirt_strerror(self->h));
	self->n_ports = own_ports(self->ports);
	ASSERT_EQ(2, self->n_ports);
}

FIXTURE_TEARDOWN(forge)
{
	if (self->h) {
		nvirt_vif_del(self->h, 0, VIF);
		nvirt_close(self->h);
	}
	(void)!system("ip link del " PARENT " 2>/dev/null");
}

static int send_to(int fd, __u32 port, const void *buf, size_t len)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_pid = port };

	return sendto(fd, buf, len, 0, (struct sockaddr *)&sa, sizeof(sa)) ==
	       (ssize_t)len ? 0 : -errno;
}

/* @VIF's record as the kernel would notify its deletion, in @buf. */
static int forged_event(struct nvnl *nl, char *buf, size_t size)
{
	static struct blob blob;
	struct nlmsghdr *nlh = (void *)buf;
	struct genlmsghdr *genl;
	struct nvnl_ans a;
	struct mreq m;
	int err;

	mreq_init(&m, NVIRT_CMD_VIF_GET, FORM_DO);
	mreq_str(&m, NVIRT_A_VIF_NAME, VIF);
	blob.len = 0;
	err = nvnl_do(nl, &m, &a, &blob, 0);
	if (err || a.err || blob.n != 1 || NLMSG_LENGTH(blob.len) > size)
		return -EIO;
	memset(nlh, 0, NLMSG_HDRLEN);
	nlh->nlmsg_len = NLMSG_LENGTH(blob.len);
	nlh->nlmsg_type = nl->family;
	memcpy(NLMSG_DATA(nlh), blob.b, blob.len);
	genl = NLMSG_DATA(nlh);
	genl->cmd = NVIRT_CMD_VIF_DEL_NTF;
	return nlh->nlmsg_len;
}

/* EPERM for each sequence number from @seq on, to @port, in @buf. */
static int forged_errors(__u16 family, __u32 seq, __u32 port, char *buf,
			 size_t size)
{
	struct {
		struct nlmsghdr nlh;
		struct nlmsgerr err;
	} *e = (void *)buf;
	int i;

	if (FORGED_SEQS * sizeof(*e) > size)
		return -EMSGSIZE;
	for (i = 0; i < FORGED_SEQS; i++, e++) {
		memset(e, 0, sizeof(*e));
		e->nlh.nlmsg_len = sizeof(*e);
		e->nlh.nlmsg_type = NLMSG_ERROR;
		e->nlh.nlmsg_flags = NLM_F_CAPPED;
		e->nlh.nlmsg_seq = seq + i;
		e->nlh.nlmsg_pid = port;
		e->err.error = -EPERM;
		e->err.msg.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
		e->err.msg.nlmsg_type = family;
		e->err.msg.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
		e->err.msg.nlmsg_seq = seq + i;
		e->err.msg.nlmsg_pid = port;
	}
	return FORGED_SEQS * sizeof(*e);
}

enum forgery {
	FORGED_EVENT,
	FORGED_ANSWERS,
};

/* In another process: a forgery to each of @ports. 0, or what failed. */
static int send_forged(enum forgery what, const __u32 *ports, int n_ports,
		       time_t opened)
{
	static char buf[16384];
	struct nvnl nl;
	int i, len = 0;

	if (nvnl_open(&nl))
		return 1;
	if (what == FORGED_EVENT)
		len = forged_event(&nl, buf, sizeof(buf));
	for (i = 0; len >= 0 && i < n_ports; i++) {
		if (what == FORGED_ANSWERS)
			len = forged_errors(nl.family, opened, ports[i], buf,
					    sizeof(buf));
		if (len >= 0 && send_to(nl.fd, ports[i], buf, len))
			return 3;
	}
	return len < 0 ? 2 : 0;
}

/* As nobody: any send to @port is refused by the kernel. 0, or not so. */
static int send_as_nobody(__u32 port)
{
	char buf[NLMSG_HDRLEN] = {};
	int fd;

	if (setresgid(NOBODY, NOBODY, NOBODY) ||
	    setresuid(NOBODY, NOBODY, NOBODY))
		return 1;
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0)
		return 2;
	((struct nlmsghdr *)buf)->nlmsg_len = sizeof(buf);
	return send_to(fd, port, buf, sizeof(buf)) == -EPERM ? 0 : 3;
}

/* Run @what, or the send as nobody (-1), in a child; its exit status. */
static int run_child(FIXTURE_DATA(forge) *self, int what)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid == 0)
		_exit(what < 0 ? send_as_nobody(self->ports[0]) :
		      send_forged(what, self->ports, self->n_ports,
				  self->opened));
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* What the monitor reported of @VIF. */
struct heard {
	int add, del, other;
};

static int hear(enum nvirt_event ev, const struct nvirt_nic *nic,
		const struct nvirt_vif *vif,
		const struct nvirt_named_policy *policy, void *arg)
{
	struct heard *heard = arg;

	if (!vif || strcmp(vif->name, VIF))
		return 0;
	if (ev == NVIRT_EVENT_VIF_ADD)
		heard->add++;
	else if (ev == NVIRT_EVENT_VIF_DEL)
		heard->del++;
	else
		heard->other++;
	return 0;
}

/*
 * The VIF is made, the forgery sent, the VIF deleted: its add and its del
 * are all the monitor reports, and every request gets the kernel's answer.
 */
static void made_forged_deleted(struct __test_metadata *_metadata,
				FIXTURE_DATA(forge) *self, enum forgery what)
{
	struct nvirt_version *v = NULL;
	struct heard heard = {};

	ASSERT_EQ(0, nvirt_vif_new(self->h, VIF, 0, PARENT, NULL, NULL))
		TH_LOG("vif new: %s", nvirt_strerror(self->h));
	ASSERT_EQ(0, run_child(self, what));
	EXPECT_EQ(0, nvirt_version_get(self->h, &v))
		TH_LOG("a forged answer was taken: %s",
		       nvirt_strerror(self->h));
	nvirt_free(v);
	EXPECT_EQ(0, nvirt_vif_del(self->h, 0, VIF))
		TH_LOG("a forged answer was taken: %s",
		       nvirt_strerror(self->h));
	EXPECT_EQ(0, nvirt_monitor_step(self->h, hear, &heard))
		TH_LOG("monitor: %s", nvirt_strerror(self->h));
	EXPECT_EQ(1, heard.add);
	EXPECT_EQ(1, heard.del) TH_LOG("forged events were reported");
	EXPECT_EQ(0, heard.other);
}

TEST_F(forge, event)
{
	made_forged_deleted(_metadata, self, FORGED_EVENT);
}

TEST_F(forge, answers)
{
	made_forged_deleted(_metadata, self, FORGED_ANSWERS);
}

/* Without CAP_NET_ADMIN, the kernel refuses the send itself. */
TEST_F(forge, nobody_cannot_send)
{
	EXPECT_EQ(0, run_child(self, -1));
}

TEST_HARNESS_MAIN
