// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: the request engine.
 *
 * nvirt_request() is the only place that talks to the kernel: it builds
 * the message, sends it, reads the kernel's replies to it (by sender and
 * sequence number) until the ACK (or the end of the dump), hands each
 * reply's attributes to the caller's parser, keeps the kernel's extended
 * ACK and restarts dumps the kernel says were interrupted. nvirt_dump()
 * collects the objects of a dump with it.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/netlink.h>
#include <netlink/genl/genl.h>
#include <netlink/handlers.h>
#include <netlink/msg.h>
#include <netlink/socket.h>

#include "internal.h"

/* How often an interrupted dump is restarted before giving up. */
#define NVIRT_DUMP_RETRIES	8

/* The state of one exchange: a request sent, its replies being read. */
struct nvirt_rx {
	struct nvirt *h;
	const struct nvirt_req *req;
	struct nlmsghdr *nlh;		/* the request sent */
	unsigned int replies;
	bool done;			/* ACK, error or end of dump seen */
	bool intr;			/* the dump was interrupted */
	int err;
	char msg[NVIRT_MSG_LEN];	/* why it failed, or a warning */
};

static void rx_fail(struct nvirt_rx *rx, int err, const char *msg)
{
	if (rx->err)
		return;
	rx->err = err;
	snprintf(rx->msg, sizeof(rx->msg), "%s", msg ? msg : "");
}

/*
 * Skip what answers someone else, e.g. the rest of an abandoned request;
 * what the kernel did not send was skipped before (nvirt_from_kernel()).
 */
static int rx_seq_check(struct nl_msg *msg, void *arg)
{
	struct nvirt_rx *rx = arg;

	return nlmsg_hdr(msg)->nlmsg_seq == rx->nlh->nlmsg_seq ? NL_OK : NL_SKIP;
}

static int rx_dump_intr(struct nl_msg *msg __maybe_unused, void *arg)
{
	struct nvirt_rx *rx = arg;

	rx->intr = true;
	return NL_OK;
}

/**
 * nvirt_parse() - parse the attributes of a message and read them
 * @nlh: a reply or a notification
 * @maxattr: highest attribute type of its set
 * @policy: policy of its attributes, @maxattr + 1 entries
 * @parse: what reads them
 * @arg: argument of @parse
 *
 * Return: what @parse returned; -EBADMSG when they could not be parsed.
 */
int nvirt_parse(struct nlmsghdr *nlh, int maxattr,
		const struct nla_policy *policy, nvirt_parse_fn parse,
		void *arg)
{
	struct nlattr *tb[NVIRT_TB_MAX + 1];
	struct nvirt_attrs attrs;

	if (genlmsg_parse(nlh, 0, tb, maxattr, policy))
		return -EBADMSG;
	attrs.head = genlmsg_attrdata(nlmsg_data(nlh), 0);
	attrs.len = genlmsg_attrlen(nlmsg_data(nlh), 0);
	return parse(tb, &attrs, arg);
}

/**
 * nvirt_nest() - parse a nest that must hold some attributes
 * @tb: the nest's attributes by type, @maxtype + 1 entries
 * @maxtype: highest attribute type of the nest's set
 * @nest: the nest
 * @policy: policy of the nest's attributes
 * @required: the attributes it must hold, NVIRT_NEED()s
 *
 * Return: 0, or -EBADMSG: a malformed nest makes the whole reply malformed.
 */
int nvirt_nest(struct nlattr **tb, int maxtype, struct nlattr *nest,
	       const struct nla_policy *policy, unsigned int required)
{
	int type;

	if (nla_parse_nested(tb, maxtype, nest, policy))
		return -EBADMSG;
	for (type = 0; type <= maxtype; type++)
		if ((required & NVIRT_NEED(type)) && !tb[type])
			return -EBADMSG;
	return 0;
}

static int rx_valid(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nvirt_rx *rx = arg;
	const struct nvirt_req *req = rx->req;
	int err;

	if (nlh->nlmsg_type != rx->h->family)
		return NL_SKIP;
	/* After a failure, only drain the socket up to the end. */
	if (rx->err || rx->intr || !req->parse) {
		rx->replies++;
		return NL_OK;
	}
	/* A request for one object gets one reply. */
	if (!(req->flags & NLM_F_DUMP) && rx->replies++) {
		rx_fail(rx, -EBADMSG, "more than one reply from the kernel");
		return NL_OK;
	}

	err = nvirt_parse(nlh, req->maxattr, req->policy, req->parse,
			  req->arg);
	if (err)
		rx_fail(rx, err, err == -EBADMSG ?
			"malformed reply from the kernel" : NULL);
	return NL_OK;
}

/* The request is over: keep its verdict and extended ACK, stop reading. */
static int rx_end(struct nvirt_rx *rx, struct nlmsghdr *nlh, int err)
{
	char msg[NVIRT_MSG_LEN];

	rx->done = true;
	nvirt_ext_ack(msg, sizeof(msg), err, nlh, rx->nlh, rx->req);
	if (err)
		rx_fail(rx, err, msg);
	else if (!rx->err)
		snprintf(rx->msg, sizeof(rx->msg), "%s", msg);
	return NL_STOP;
}

static int rx_error(struct sockaddr_nl *nla __maybe_unused, struct nlmsgerr *e,
		    void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);

	return rx_end(arg, nlh, nvirt_ack_err(nlh));
}

static int rx_ack(struct nl_msg *msg, void *arg)
{
	return rx_end(arg, nlmsg_hdr(msg), 0);
}

static int rx_finish(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);

	return rx_end(arg, nlh, nvirt_ack_err(nlh));
}

static struct nl_cb *rx_cb_alloc(struct nvirt_rx *rx)
{
	struct nl_cb *cb = nl_cb_alloc(NL_CB_DEFAULT);

	if (!cb)
		return NULL;
	nl_cb_set(cb, NL_CB_MSG_IN, NL_CB_CUSTOM, nvirt_from_kernel, NULL);
	nl_cb_set(cb, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, rx_seq_check, rx);
	nl_cb_set(cb, NL_CB_DUMP_INTR, NL_CB_CUSTOM, rx_dump_intr, rx);
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, rx_valid, rx);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, rx_ack, rx);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, rx_finish, rx);
	nl_cb_err(cb, NL_CB_CUSTOM, rx_error, rx);
	return cb;
}

/* Send the request once and read everything it gets back. */
static int nvirt_exchange(struct nvirt_rx *rx, struct nl_msg *msg,
			  struct nl_cb *cb)
{
	struct nl_sock *sk = rx->h->sk;
	int ret;

	rx->replies = 0;
	rx->done = rx->intr = false;
	rx->err = 0;
	rx->msg[0] = '\0';

	rx->nlh->nlmsg_seq = NL_AUTO_SEQ;	/* a fresh one each time */
	ret = nl_send_auto(sk, msg);
	if (ret < 0) {
		rx_fail(rx, nvirt_nl_errno(ret), NULL);
		return rx->err;
	}

	while (!rx->done) {
		ret = nl_recvmsgs_report(sk, cb);
		if (rx->done)
			break;
		if (ret <= 0) {
			rx_fail(rx, ret ? nvirt_nl_errno(ret) : -EPIPE, NULL);
			return rx->err;
		}
	}
	if (!(rx->req->flags & NLM_F_DUMP) && rx->req->parse && !rx->replies)
		rx_fail(rx, -EBADMSG, "no reply from the kernel");
	return rx->err;
}

_Static_assert(sizeof(bool) == sizeof(uint8_t), "bool is not a u8");

/**
 * nvirt_put_fields() - put the members of a request's struct it names
 * @msg: the request
 * @attrs: the members it may carry, @n of them
 * @n: number of @attrs
 * @fields: the bits of those to put
 * @obj: the struct
 *
 * Return: 0, or -EMSGSIZE when they do not fit.
 */
int nvirt_put_fields(struct nl_msg *msg, const struct nvirt_field_attr *attrs,
		     size_t n, uint32_t fields, const void *obj)
{
	const void *from;
	uint32_t val;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!(fields & attrs[i].field))
			continue;
		from = (const char *)obj + attrs[i].offset;
		if (attrs[i].bytes) {
			if (nla_put(msg, attrs[i].type, attrs[i].len, from))
				return -EMSGSIZE;
			continue;
		}
		switch (attrs[i].len) {
		case sizeof(uint8_t):
			val = *(const uint8_t *)from;
			break;
		case sizeof(uint16_t):
			val = *(const uint16_t *)from;
			break;
		default:
			memcpy(&val, from, sizeof(val));
		}
		if (nla_put_u32(msg, attrs[i].type, val))
			return -EMSGSIZE;
	}
	return 0;
}

/**
 * nvirt_request() - send a request and read its replies
 * @h: the handle
 * @req: what to send and how to read the replies
 *
 * Return: 0 or a negative errno; the handle then holds the error message,
 * or on success the kernel's warning, if any.
 */
int nvirt_request(struct nvirt *h, const struct nvirt_req *req)
{
	struct nvirt_rx rx = { .h = h, .req = req };
	struct nl_msg *msg;
	struct nl_cb *cb;
	int err, tries;

	h->warning[0] = '\0';
	msg = nlmsg_alloc();
	cb = rx_cb_alloc(&rx);
	if (!msg || !cb) {
		err = -ENOMEM;
		goto out;
	}
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, h->family, 0,
			 req->flags, req->cmd, NVIRT_FAMILY_VERSION)) {
		err = -EMSGSIZE;
		goto out;
	}
	err = req->put ? req->put(msg, req->put_arg) : 0;
	if (err)
		goto out;
	rx.nlh = nlmsg_hdr(msg);

	for (tries = 0; ; tries++) {
		err = nvirt_exchange(&rx, msg, cb);
		if (err || !rx.intr)
			break;
		if (tries == NVIRT_DUMP_RETRIES) {
			rx_fail(&rx, -EINTR, "dump kept being interrupted");
			err = rx.err;
			break;
		}
		if (req->restart)
			req->restart(req->arg);
	}

out:
	nl_cb_put(cb);
	nlmsg_free(msg);
	if (err)
		return nvirt_fail(h, err, rx.msg[0] ? rx.msg : NULL);
	snprintf(h->warning, sizeof(h->warning), "%s", rx.msg);
	return 0;
}

/**
 * nvirt_request_rec() - nvirt_request() whose reply is read into a record
 * @h: the handle
 * @req: what to send; its @arg is where the pointer to the new record
 *	goes (a struct nvirt_nic **, ...), which its @parse allocates
 *
 * Return: as nvirt_request(); on failure the record is freed and the
 * pointer NULL.
 */
int nvirt_request_rec(struct nvirt *h, const struct nvirt_req *req)
{
	void **rec = req->arg;
	int err;

	*rec = NULL;
	err = nvirt_request(h, req);
	if (err) {
		nvirt_free(*rec);
		*rec = NULL;
	}
	return err;
}

/* One object of a dump: read it into a new item of the list. */
static int list_parse(struct nlattr **tb, const struct nvirt_attrs *attrs,
		      void *arg)
{
	struct nvirt_list *list = arg;
	size_t item_size;
	void *item;
	int err;

	item_size = list->item_size ?: sizeof(void *);
	if (list->n == list->size) {
		size_t size = list->size ? 2 * list->size : 16;
		void *items;

		items = reallocarray(list->items, size, item_size);
		if (!items)
			return -ENOMEM;
		list->items = items;
		list->size = size;
	}
	item = (char *)list->items + list->n * item_size;
	err = list->read(tb, attrs, item);
	if (!err)
		list->n++;
	return err;
}

/* Free the records of a list of them; keep the room. */
static void list_empty(struct nvirt_list *list)
{
	void **recs = list->items;
	size_t i;

	if (!list->item_size)
		for (i = 0; i < list->n; i++)
			nvirt_free(recs[i]);
	list->n = 0;
}

static void list_restart(void *arg)
{
	list_empty(arg);
}

void nvirt_list_free(struct nvirt_list *list)
{
	list_empty(list);
	free(list->items);
	list->items = NULL;
	list->size = 0;
}

/**
 * nvirt_dump() - send a dump request and collect its objects
 * @h: the handle
 * @req: what to send: its @parse, @restart and @arg are not used
 * @list: where the objects go, with its @read and @item_size set
 *
 * The objects are a consistent snapshot: the dump is restarted, and the
 * list emptied, when the kernel says it was interrupted.
 *
 * Return: 0 or a negative errno, as nvirt_request(); the list must be
 * freed either way, with nvirt_list_free().
 */
int nvirt_dump(struct nvirt *h, const struct nvirt_req *req,
	       struct nvirt_list *list)
{
	struct nvirt_req dump = *req;

	dump.flags |= NLM_F_DUMP;
	dump.parse = list_parse;
	dump.restart = list_restart;
	dump.arg = list;
	return nvirt_request(h, &dump);
}
