/* SPDX-License-Identifier: LGPL-2.1 */
/*
 * libnvirt internals: the handle and the one request engine every call
 * goes through.
 */

#ifndef _NVIRT_INTERNAL_H
#define _NVIRT_INTERNAL_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <netlink/attr.h>
#include <netlink/msg.h>

#include <linux/nvirt.h>
#include <nvirt/nvirt.h>

/* Room for the kernel's messages and ours. */
#define NVIRT_MSG_LEN		256

/* Largest attribute type of any reply set: sizes the parse table. */
#define NVIRT_TB_MAX		48

_Static_assert(NVIRT_A_NIC_MAX <= NVIRT_TB_MAX, "NVIRT_TB_MAX too small");
_Static_assert(NVIRT_A_VERSION_MAX <= NVIRT_TB_MAX, "NVIRT_TB_MAX too small");
_Static_assert(NVIRT_A_VIF_MAX <= NVIRT_TB_MAX, "NVIRT_TB_MAX too small");
_Static_assert(NVIRT_A_NAMED_POLICY_MAX <= NVIRT_TB_MAX,
	       "NVIRT_TB_MAX too small");

/*
 * Policies of fixed-size integers: exactly their size, not more. The
 * uAPI has no integer narrower than 32 bits.
 */
#define NVIRT_POLICY_U32	{ .type = NLA_U32, .maxlen = sizeof(uint32_t) }
#define NVIRT_POLICY_S32	{ .type = NLA_S32,			\
				  .minlen = sizeof(int32_t),		\
				  .maxlen = sizeof(int32_t) }
/* A "uint" of the spec: 4 or 8 bytes, read with nvirt_uint() */
#define NVIRT_POLICY_UINT	{ .type = NLA_UNSPEC,			\
				  .minlen = sizeof(uint32_t),		\
				  .maxlen = sizeof(uint64_t) }

/*
 * @fn##_v is the latest version, @ver, of the public function @fn, whose
 * older versions compat.c keeps (the linker wants a C name per version):
 * a program built now links against it.
 */
#define NVIRT_LATEST(fn, ver)						\
	_Static_assert(__builtin_types_compatible_p(__typeof__(fn),	\
						    __typeof__(fn##_v)), \
		       #fn "_v is not " #fn);				\
	__asm__(".symver " #fn "_v," #fn "@@" ver)

/* @impl is the old version @ver of the public function @fn. */
#define NVIRT_OLD(impl, fn, ver) \
	__asm__(".symver " #impl "," #fn "@" ver)

#define FIELD_SIZE(type, member)	sizeof(((type *)0)->member)
#define __maybe_unused			__attribute__((unused))
#define ARRAY_SIZE(a)			(sizeof(a) / sizeof((a)[0]))

struct nvirt {
	struct nl_sock *sk;
	int family;			/* resolved id of NVIRT_FAMILY_NAME */
	struct nl_sock *mon;		/* in the monitor group, or NULL */
	char error[NVIRT_MSG_LEN];	/* why the last failed call failed */
	char warning[NVIRT_MSG_LEN];	/* extack of the last call, if it worked */
	void *plan0;			/* compat.c's: 0.2's nvirt_vif_new() plan */
	unsigned int cause;		/* of the event being delivered */
	const struct nvirt_pool *pool;	/* its record, for a pool's */
};

/* All the attributes of one reply, in order, for nla_for_each_attr(). */
struct nvirt_attrs {
	struct nlattr *head;
	int len;
};

/*
 * Read the parsed attributes of a reply or notification: @tb by type, and
 * all of them in @attrs for the multi-attr ones; 0 or a negative errno
 * (-EBADMSG: the message is malformed).
 */
typedef int (*nvirt_parse_fn)(struct nlattr **tb,
			      const struct nvirt_attrs *attrs, void *arg);

/**
 * struct nvirt_req - one request and how to read its replies
 * @cmd: NVIRT_CMD_*
 * @flags: extra nlmsg flags: NLM_F_DUMP or 0
 * @put: add the request's attributes to @msg; 0 or a negative errno
 * @put_arg: argument of @put
 * @attr_names: @maxattr + 1 names of the attribute set (requests and
 *	replies use one set), to name the culprit in error messages
 * @policy: policy of the replies' attributes, @maxattr + 1 entries
 * @maxattr: highest attribute type of the set
 * @parse: called with the parsed attributes of each reply
 * @restart: a dump is being restarted: forget what @parse collected
 * @arg: argument of @parse and @restart
 *
 * A request that is not a dump and has @parse must get exactly one reply.
 */
struct nvirt_req {
	uint8_t cmd;
	int flags;
	int (*put)(struct nl_msg *msg, const void *put_arg);
	const void *put_arg;
	const char *const *attr_names;
	const struct nla_policy *policy;
	int maxattr;
	nvirt_parse_fn parse;
	void (*restart)(void *arg);
	void *arg;
};

/**
 * struct nvirt_list - the objects of a dump, collected whole before
 *	anyone sees them
 * @read: reads one object into an item, its @arg; it fills it whole
 * @item_size: size of an item; 0: items are pointers to records, which
 *	@read allocates (see record.c)
 * @items: the objects read, @n of them; nvirt_list_free() them
 * @n: number of objects
 * @size: room in @items, in items
 */
struct nvirt_list {
	nvirt_parse_fn read;
	size_t item_size;
	void *items;
	size_t n, size;
};

/*
 * A member of a request's struct that goes as an attribute when the bit
 * @field of its fields is set: as it is, bools as the u8 they are on the
 * wire.
 */
/*
 * A member of a public struct that a request carries as an attribute:
 * an integer of @len bytes (1, 2 or 4), sent as the uAPI's 32 bits, or
 * with @bytes its @len bytes as they are (a MAC).
 */
struct nvirt_field_attr {
	uint32_t field;
	int type;
	size_t offset, len;
	bool bytes;
};

/*
 * record.c: the block of one record, @size bytes, carved from the front:
 * the record's own @head bytes, then what nvirt_block_take() hands out,
 * each piece aligned for any member. nvirt_count() counts the attributes
 * of a type, to size the block.
 */
struct nvirt_block {
	char *base;
	size_t size, used;
};

#define NVIRT_ALIGN(len)	(((len) + 7) & ~(size_t)7)

void *nvirt_block_new(struct nvirt_block *blk, size_t size, size_t head);
void *nvirt_block_take(struct nvirt_block *blk, size_t len);
size_t nvirt_count(const struct nvirt_attrs *attrs, int type);

/* Room in a block for a copy of the string attribute @attr (or none). */
#define NVIRT_STR_ROOM(attr)	NVIRT_ALIGN((attr) ? nla_len(attr) + 1 : 1)

/* A copy in @blk of the string attribute @attr; "" when it is NULL. */
const char *nvirt_block_str(struct nvirt_block *blk,
			    const struct nlattr *attr);

/* request.c */
int nvirt_put_fields(struct nl_msg *msg, const struct nvirt_field_attr *attrs,
		     size_t n, uint32_t fields, const void *obj);
int nvirt_request(struct nvirt *h, const struct nvirt_req *req);
int nvirt_request_rec(struct nvirt *h, const struct nvirt_req *req);
int nvirt_dump(struct nvirt *h, const struct nvirt_req *req,
	       struct nvirt_list *list);
void nvirt_list_free(struct nvirt_list *list);
int nvirt_parse(struct nlmsghdr *nlh, int maxattr,
		const struct nla_policy *policy, nvirt_parse_fn parse,
		void *arg);

/* A bit of the @required mask of nvirt_nest(), for attribute @type. */
#define NVIRT_NEED(type)	(1u << (type))

int nvirt_nest(struct nlattr **tb, int maxtype, struct nlattr *nest,
	       const struct nla_policy *policy, unsigned int required);

/*
 * nic.c: a message carrying a NIC's record, as nic-get replies do, into a
 * new record, *@nic
 */
int nvirt_nic_parse(struct nlmsghdr *nlh, struct nvirt_nic **nic);

/*
 * vif.c: a message carrying a VIF's record, as vif-get replies do, into a
 * new record, *@vif, with the plan it may carry
 */
int nvirt_vif_parse(struct nlmsghdr *nlh, struct nvirt_vif **vif);

/*
 * plan.c: the enforce nests of a record or a plan, read one by one into
 * @items (room for all of them), one per setting; a plan nest into a
 * record of @blk, *@planp, and the room it needs there.
 */
struct nvirt_enforce_list {
	const struct nvirt_enforce **items;
	uint32_t n;
};

/* Room in a block for @n enforce nests: their pointers and themselves. */
#define NVIRT_ENFORCE_ROOM(n)						\
	((n) * (sizeof(void *) + NVIRT_ALIGN(sizeof(struct nvirt_enforce))))

int nvirt_enforce_parse(struct nvirt_enforce_list *list,
			struct nvirt_block *blk, struct nlattr *nest);
size_t nvirt_plan_room(const struct nlattr *nest);
int nvirt_plan_parse(struct nvirt_plan **planp, struct nvirt_block *blk,
		     struct nlattr *nest);

/* All the NVIRT_POLICY_F_* bits this library knows. */
#define NVIRT_POLICY_FIELDS	((NVIRT_POLICY_F_PRIORITY << 1) - 1)

/*
 * policy.c: a policy nest, of a VIF or of a named policy, and the rates
 * (settings) of a record: a named policy's, or those given to a VIF
 * itself.
 */
int nvirt_policy_nest_put(struct nl_msg *msg, int type,
			  const struct nvirt_policy *pol);
int nvirt_policy_nest_parse(struct nlattr *nest, struct nvirt_policy *pol);
void nvirt_rates_parse(const struct nlattr *max, const struct nlattr *min,
		       struct nvirt_vif_config *cfg);
/* The caller's policy, as nvirt_input() copies inputs. */
int nvirt_policy_input(struct nvirt_policy *copy,
		       const struct nvirt_policy *in);

/* The reason of an nvirt_input() error, of a struct called @what. */
#define NVIRT_INPUT_MSG(err, what)					\
	((err) == -EINVAL ?						\
	 what " has no size: initialize it with its NVIRT_*_INIT" :	\
	 "unknown field in " what)

/*
 * An input struct of the caller's, @in, which starts with its size and
 * its fields, copied whole into @copy (@full bytes, zero beyond what the
 * caller's has): -EINVAL when it is too short to say its fields (no
 * NVIRT_*_INIT), -EOPNOTSUPP when it names a member beyond its size (of
 * @attrs, the members it may carry, @n of them; nvirt_member_in() checks
 * the others) or a bit not in @known.
 */
int nvirt_input(void *copy, size_t full, const void *in,
		const struct nvirt_field_attr *attrs, size_t n, uint32_t known);
bool nvirt_member_in(const void *copy, size_t offset, size_t len);

/* policy.c: a message carrying a named policy's record, into *@np */
int nvirt_named_policy_parse(struct nlmsghdr *nlh,
			     struct nvirt_named_policy **np);

/* pool.c: a message carrying a pool's record, into *@pool */
int nvirt_pool_parse(struct nlmsghdr *nlh, struct nvirt_pool **pool);

/*
 * monitor.c: nvirt_monitor() and nvirt_monitor_step() of NVIRT_0.3, for
 * programs built before pools: they deliver no pool event.
 */
int nvirt_monitor_v3(struct nvirt *h, nvirt_event_cb cb, void *arg);
int nvirt_monitor_step_v3(struct nvirt *h, nvirt_event_cb cb, void *arg);

/*
 * The readers of the other replies, for the fuzz targets of fuzz/ (the
 * requests read them with nvirt_request()), each into a new record:
 * version.c a version-get reply, vif.c a dry run's plan and an
 * explanation.
 */
int nvirt_version_parse(struct nlmsghdr *nlh, struct nvirt_version **v);
int nvirt_vif_plan_parse(struct nlmsghdr *nlh, struct nvirt_plan **plan);
int nvirt_vif_explain_parse(struct nlmsghdr *nlh, struct nvirt_vif **vif);

/* extack.c */
int nvirt_ack_err(const struct nlmsghdr *nlh);
void nvirt_ext_ack(char *buf, size_t len, int err, struct nlmsghdr *nlh,
		   const struct nlmsghdr *req, const struct nvirt_req *desc);

/* handle.c */
int nvirt_fail(struct nvirt *h, int err, const char *msg);
int nvirt_nl_errno(int nlerr);
int nvirt_from_kernel(struct nl_msg *msg, void *arg);

/* Copy a string attribute (NUL-terminated by the policy), truncating it. */
static inline void nvirt_attr_str(char *dst, size_t len,
				  const struct nlattr *attr)
{
	snprintf(dst, len, "%s", (const char *)nla_data(attr));
}

/* An optional u32 attribute of a parsed message; 0 when absent. */
static inline uint32_t nvirt_u32(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_u32(tb[type]) : 0;
}

/*
 * An optional u32 attribute of a parsed message that a public struct
 * keeps in a uint8_t (an enum's code, a boolean); 0 when absent.
 */
static inline uint8_t nvirt_u8(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_u32(tb[type]) : 0;
}

/* A "uint" attribute (NVIRT_POLICY_UINT); -EBADMSG unless 4 or 8 long. */
static inline int nvirt_uint(const struct nlattr *attr, uint64_t *val)
{
	switch (nla_len(attr)) {
	case sizeof(uint32_t):
		*val = nla_get_u32(attr);
		return 0;
	case sizeof(uint64_t):
		*val = nla_get_u64(attr);
		return 0;
	}
	return -EBADMSG;
}

/* The name of @code in a table of @n names; NULL when it has none. */
static inline const char *nvirt_code_name(const char *const *names, size_t n,
					  unsigned int code)
{
	return code < n ? names[code] : NULL;
}

/* Define const char *@fn(unsigned int code), naming codes by @names. */
#define NVIRT_NAME_FN(fn, names)					\
const char *fn(unsigned int code)					\
{									\
	return nvirt_code_name(names, ARRAY_SIZE(names), code);		\
}

#endif /* _NVIRT_INTERNAL_H */
