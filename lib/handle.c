// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: open and close handles, and say why calls failed.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/netlink.h>
#include <netlink/errno.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/handlers.h>
#include <netlink/msg.h>
#include <netlink/socket.h>

#include "internal.h"

/* libnl's errors, back to the errnos they stand for. */
static const int nl_errnos[] = {
	[NLE_INTR]		= EINTR,
	[NLE_BAD_SOCK]		= EBADF,
	[NLE_AGAIN]		= EAGAIN,
	[NLE_NOMEM]		= ENOMEM,
	[NLE_EXIST]		= EEXIST,
	[NLE_INVAL]		= EINVAL,
	[NLE_RANGE]		= ERANGE,
	[NLE_MSGSIZE]		= EMSGSIZE,
	[NLE_OPNOTSUPP]		= EOPNOTSUPP,
	[NLE_AF_NOSUPPORT]	= EAFNOSUPPORT,
	[NLE_OBJ_NOTFOUND]	= ENOENT,
	[NLE_NOATTR]		= ENOENT,
	[NLE_MISSING_ATTR]	= EINVAL,
	[NLE_AF_MISMATCH]	= EAFNOSUPPORT,
	[NLE_SEQ_MISMATCH]	= EPROTO,
	[NLE_MSG_OVERFLOW]	= ENOBUFS,
	[NLE_MSG_TRUNC]		= EMSGSIZE,
	[NLE_NOADDR]		= EADDRNOTAVAIL,
	[NLE_SRCRT_NOSUPPORT]	= EOPNOTSUPP,
	[NLE_MSG_TOOSHORT]	= EBADMSG,
	[NLE_MSGTYPE_NOSUPPORT]	= EOPNOTSUPP,
	[NLE_OBJ_MISMATCH]	= EINVAL,
	[NLE_NOCACHE]		= ENOENT,
	[NLE_BUSY]		= EBUSY,
	[NLE_PROTO_MISMATCH]	= EPROTONOSUPPORT,
	[NLE_NOACCESS]		= EACCES,
	[NLE_PERM]		= EPERM,
	[NLE_PKTLOC_FILE]	= ENOENT,
	[NLE_PARSE_ERR]		= EINVAL,
	[NLE_NODEV]		= ENODEV,
	[NLE_IMMUTABLE]		= EPERM,
	[NLE_DUMP_INTR]		= EINTR,
	[NLE_ATTRSIZE]		= ERANGE,
};

/**
 * nvirt_nl_errno() - turn a libnl error into an errno
 * @nlerr: a negative NLE_* code
 *
 * Return: the matching negative errno; -EIO for the ones with none.
 */
int nvirt_nl_errno(int nlerr)
{
	unsigned int i = -nlerr;

	if (i < ARRAY_SIZE(nl_errnos) && nl_errnos[i])
		return -nl_errnos[i];
	return -EIO;
}

/**
 * nvirt_fail() - record why a call failed
 * @h: the handle
 * @err: the call's negative errno
 * @msg: what to tell the user, or NULL for errno's text
 *
 * Return: @err, for "return nvirt_fail(...)".
 */
int nvirt_fail(struct nvirt *h, int err, const char *msg)
{
	snprintf(h->error, sizeof(h->error), "%s", msg ? msg : strerror(-err));
	return err;
}

/**
 * nvirt_from_kernel() - skip what another process sent to a socket of ours
 * @msg: a message just read
 * @arg: unused
 *
 * A process with CAP_NET_ADMIN over the namespace may send to any netlink
 * socket there whose port it knows, messages that look like the kernel's;
 * only the kernel sends from port 0. The NL_CB_MSG_IN callback of every
 * socket of a handle, before the sequence numbers are checked.
 *
 * Return: NL_OK for the kernel's messages, NL_SKIP for the others.
 */
int nvirt_from_kernel(struct nl_msg *msg, void *arg __maybe_unused)
{
	return nlmsg_get_src(msg)->nl_pid ? NL_SKIP : NL_OK;
}

/* Ask for extended ACKs, without our request echoed back. Best effort:
 * kernels before 4.12 know neither option and just say less.
 */
static void nvirt_ext_ack_enable(struct nl_sock *sk)
{
	int fd = nl_socket_get_fd(sk), one = 1;

	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
}

struct nvirt *nvirt_open(void)
{
	struct nvirt *h;
	int err;

	h = calloc(1, sizeof(*h));
	if (!h)
		return NULL;

	h->sk = nl_socket_alloc();
	if (!h->sk) {
		err = -ENOMEM;
		goto err_free;
	}
	/* For the family's resolution too. */
	nl_socket_modify_cb(h->sk, NL_CB_MSG_IN, NL_CB_CUSTOM,
			    nvirt_from_kernel, NULL);
	err = genl_connect(h->sk);
	if (err)
		goto err_nl;
	nvirt_ext_ack_enable(h->sk);

	h->family = genl_ctrl_resolve(h->sk, NVIRT_FAMILY_NAME);
	if (h->family < 0) {
		err = h->family;
		goto err_nl;
	}
	return h;

err_nl:
	err = nvirt_nl_errno(err);
err_free:
	nl_socket_free(h->sk);
	free(h);
	errno = -err;
	return NULL;
}

void nvirt_close(struct nvirt *h)
{
	if (!h)
		return;
	nl_socket_free(h->mon);
	nl_socket_free(h->sk);
	free(h->plan0);
	free(h);
}

const char *nvirt_strerror(const struct nvirt *h)
{
	return h->error;
}

const char *nvirt_warning(const struct nvirt *h)
{
	return h->warning[0] ? h->warning : NULL;
}

const char *nvirt_lib_version(void)
{
	return NVIRT_VERSION;
}
