// SPDX-License-Identifier: GPL-2.0
/*
 * The nvirt family rejects malformed requests with the right errno and an
 * extack that points at the offender, and a rejected request changes
 * nothing. Speaks raw netlink, independently of libnvirt.
 *
 * The matrix: for every op of the spec (do and dump, as it declares them)
 * a valid request (nvirt_ops.h) and, from the spec table, variants of it
 * that differ in one respect each: an unknown attribute or one of another
 * op, a wrong length, a value out of range, a string without NUL or too
 * long, a nest without NLA_F_NESTED or a scalar with it, bytes after the
 * attributes, the reserved header field, stray nlmsg flags, the form the
 * op does not have, a required attribute left out. nvirt's NICs, VIFs and
 * policies are dumped before and after each, and must not have changed.
 * Last, the request with an unknown genl version is carried out as the
 * valid one: generic netlink does not check the version, nor does nvirt.
 */

#include <stdarg.h>
#include <sys/utsname.h>

#include "kselftest_harness.h"
#include "nvirt_ops.h"

#define MSG_POLICY	"Attribute failed policy validation"
#define MSG_UNKNOWN	"Unknown attribute type"
#define MSG_UNSUPP	"Unsupported attribute"
#define MSG_LENGTH	"invalid attribute length"
#define MSG_RANGE	"integer out of range"
#define MSG_BINLEN	"binary attribute size out of range"
#define MSG_NONEST	"NLA_F_NESTED is missing"
#define MSG_NESTED	"NLA_F_NESTED not expected"
#define MSG_LEFTOVER	"bytes leftover after parsing attributes"
#define MSG_RESERVED	"genlmsghdr.reserved field is not 0"
#define MSG_FLAGS	"ambiguous or reserved bits set in nlmsg_flags"

/* What a variant must get. */
struct want {
	int err;
	const char *msg;		/* NULL: no message */
	bool offs;			/* pointing at the marked attribute */
	unsigned int miss_type;		/* 0: none */
};

#define WANT(_err, _msg, _offs) \
	(&(struct want){ .err = _err, .msg = _msg, .offs = _offs })

/* One op form's matrix. */
struct run {
	struct nvnl *nl;
	const struct spec_op *op;
	const struct op_case *c;
	struct objs *o;
	struct snapshot *before, *after;
	bool count_only;
	int variants, failed, compared;
};

static void base(struct run *r, struct mreq *m)
{
	op_base(m, r->c, r->o);
}

static void restore(struct run *r)
{
	const char *err = objs_setup(r->nl, r->o, r->before);

	if (err) {
		ksft_print_msg("restoring the objects failed: %s\n", err);
		exit(KSFT_FAIL);
	}
}

/*
 * Debian 12's 6.1 starts a dump without the request's extack (6.1's
 * struct netlink_dump_control has none): a dump nvirt refuses as it
 * starts says why by its errno alone there (admin-guide.rst, Kernels).
 */
static bool dump_start_without_extack(void)
{
	struct utsname u;

	return !uname(&u) && !strncmp(u.release, "6.1.", 4);
}

#define PROBLEM(fmt, ...) \
	(n += n < (int)sizeof(why) ? \
	      snprintf(why + n, sizeof(why) - n, "; " fmt, ##__VA_ARGS__) : 1)

/* Send a variant, check its answer and that nothing changed. */
static void __attribute__((format(printf, 4, 5)))
check(struct run *r, const struct mreq *m, const struct want *w,
      const char *fmt, ...)
{
	char name[160], why[768] = "";
	const char *changed = NULL;
	struct nvnl_ans a;
	bool quiet;
	va_list ap;
	int n = 0, err;

	r->variants++;
	if (r->count_only)
		return;
	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);

	if (getenv("NVIRT_STRICT_VERBOSE"))
		ksft_print_msg("%s %s: %s\n", r->op->name, form_names[r->c->form],
			       name);
	err = nvnl_do(r->nl, m, &a, NULL, 0);
	if (err) {
		ksft_print_msg("FAIL %s %s: %s: socket: %s\n", r->op->name,
			       form_names[r->c->form], name, strerror(-err));
		r->failed++;
		return;
	}
	if (a.err != w->err)
		PROBLEM("errno %d (%s), want %d (%s)", a.err, strerror(a.err),
			w->err, strerror(w->err));
	quiet = r->c->form == FORM_DUMP && w->err && !a.msg[0] &&
		!a.has_offs && dump_start_without_extack();
	if (!quiet && strcmp(a.msg, w->msg ?: ""))
		PROBLEM("extack \"%s\", want \"%s\"", a.msg, w->msg ?: "");
	if (quiet)
		;
	else if (w->offs && !a.has_offs)
		PROBLEM("no offset, want %u", a.mark_off);
	else if (w->offs && a.offs != a.mark_off)
		PROBLEM("offset %u, want %u", a.offs, a.mark_off);
	else if (!w->offs && a.has_offs)
		PROBLEM("offset %u, want none", a.offs);
	if (w->miss_type && (!a.has_miss_type || a.miss_type != w->miss_type))
		PROBLEM("missing type %d, want %u",
			a.has_miss_type ? (int)a.miss_type : -1, w->miss_type);
	else if (!w->miss_type && a.has_miss_type)
		PROBLEM("missing type %u, want none", a.miss_type);
	if (a.has_miss_nest)
		PROBLEM("missing nest %u, want none", a.miss_nest);

	r->compared++;
	if (snapshot_take(r->nl, r->after))
		PROBLEM("no snapshot after it");
	else if ((changed = snapshot_diff(r->before, r->after)))
		PROBLEM("the %s changed", changed);
	if (n) {
		ksft_print_msg("FAIL %s %s: %s%s\n", r->op->name,
			       form_names[r->c->form], name, why);
		r->failed++;
		if (changed)
			restore(r);
	}
}

static const struct spec_form *form(const struct run *r)
{
	return &r->op->form[r->c->form];
}

static bool in_request(const struct run *r, unsigned int type)
{
	int i;

	for (i = 0; i < form(r)->n_req; i++)
		if (form(r)->req[i] == type)
			return true;
	return false;
}

/* The policy's last attribute: the highest in the request (ynl-gen). */
static unsigned int maxattr(const struct run *r)
{
	unsigned int max = 0;
	int i;

	for (i = 0; i < form(r)->n_req; i++)
		if (form(r)->req[i] > max)
			max = form(r)->req[i];
	return max;
}

/* How the policy refuses an attribute of the set that the op does not take. */
static void want_foreign(const struct run *r, const struct spec_attr *at,
			 struct want *w)
{
	*w = *WANT(EINVAL, MSG_UNSUPP, true);
	/* Past the policy's end; an op without request attributes takes none. */
	if (at->type > maxattr(r))
		w->msg = MSG_UNKNOWN;
}

static void unknown_attrs(struct run *r)
{
	const struct spec_set *set = r->op->set;
	const struct spec_attr *hole = NULL, *above = NULL;
	struct mreq m;
	struct want w;
	int i;

	base(r, &m);
	m.mark = mreq_u32(&m, set->max + 1, 0);
	check(r, &m, WANT(EINVAL, MSG_UNKNOWN, true),
	      "unknown attribute %u", set->max + 1);

	for (i = 0; i < set->n; i++) {
		const struct spec_attr *at = &set->attrs[i];

		if (in_request(r, at->type))
			continue;
		if (at->type < maxattr(r) && !hole)
			hole = at;
		if (at->type > maxattr(r) && !above)
			above = at;
	}
	if (hole) {
		base(r, &m);
		m.mark = slot(&m, -1, hole);
		want_foreign(r, hole, &w);
		check(r, &m, &w, "%s, not of this op, in its policy's range",
		      hole->name);
	}
	if (above) {
		base(r, &m);
		m.mark = slot(&m, -1, above);
		want_foreign(r, above, &w);
		check(r, &m, &w, "%s, not of this op", above->name);
	}
}

/* Every malformed value of @at, at the top or in @nest of the base. */
static void bad_values(struct run *r, const struct spec_attr *at,
		       const struct spec_attr *nest)
{
	const char *where = nest ? nest->name : "";
	const char *dot = nest ? "." : "";
	char s[MREQ_DATA];
	struct mreq m;
	int i;

#define VARIANT(i) ({ base(r, &m); \
	i = slot(&m, nest ? nest_slot(&m, nest) : -1, at); m.mark = i; &m.a[i]; })

	if (kind_int(at->kind)) {
		static const int wrong[] = { [1] = 4, [2] = 1, [4] = 2, [8] = 4 };

		VARIANT(i);
		set_int(&m.a[i], at->kind, 0);
		m.a[i].len = wrong[kinds[at->kind].size];
		check(r, &m, WANT(EINVAL, MSG_LENGTH, true),
		      "%s%s%s: %d bytes", where, dot, at->name, m.a[i].len);
		if (at->has_min && at->min > kinds[at->kind].min) {
			set_int(VARIANT(i), at->kind, at->min - 1);
			check(r, &m, WANT(ERANGE, MSG_RANGE, true),
			      "%s%s%s: %lld, below min", where, dot, at->name,
			      at->min - 1);
		}
		if (at->has_max && at->max < kinds[at->kind].max) {
			set_int(VARIANT(i), at->kind, at->max + 1);
			check(r, &m, WANT(ERANGE, MSG_RANGE, true),
			      "%s%s%s: %lld, above max", where, dot, at->name,
			      at->max + 1);
		}
	}
	if (at->kind == SPEC_FLAG) {
		set_int(VARIANT(i), SPEC_U32, 1);
		check(r, &m, WANT(ERANGE, MSG_POLICY, true),
		      "%s%s%s: flag with 4 bytes", where, dot, at->name);
	}
	if (at->kind == SPEC_STRING) {
		struct mattr *a = VARIANT(i);

		/* The base's string, or the valid one: without its NUL. */
		a->len--;
		check(r, &m, WANT(EINVAL, MSG_POLICY, true),
		      "%s%s%s: no NUL", where, dot, at->name);
		if (at->max_len && at->max_len + 2 <= MREQ_DATA) {
			memset(s, 'a', at->max_len + 1);
			s[at->max_len + 1] = 0;
			set_data(VARIANT(i), s, at->max_len + 2);
			check(r, &m, WANT(EINVAL, MSG_POLICY, true),
			      "%s%s%s: %d characters, max-len %d", where, dot,
			      at->name, at->max_len + 1, at->max_len);
		}
	}
	if (at->kind == SPEC_BINARY && at->exact_len) {
		memset(s, 0, sizeof(s));
		set_data(VARIANT(i), s, at->exact_len - 1);
		check(r, &m, WANT(ERANGE, MSG_BINLEN, true),
		      "%s%s%s: %d bytes, exact-len %d", where, dot, at->name,
		      at->exact_len - 1, at->exact_len);
		set_data(VARIANT(i), s, at->exact_len + 1);
		check(r, &m, WANT(ERANGE, MSG_BINLEN, true),
		      "%s%s%s: %d bytes, exact-len %d", where, dot, at->name,
		      at->exact_len + 1, at->exact_len);
	}
#undef VARIANT
}

static void nest_variants(struct run *r, const struct spec_attr *at)
{
	struct mreq m;
	int i, nest;

	base(r, &m);
	m.mark = nest_slot(&m, at);
	m.a[m.mark].type &= ~NLA_F_NESTED;
	check(r, &m, WANT(EINVAL, MSG_NONEST, true),
	      "%s: without NLA_F_NESTED", at->name);

	base(r, &m);
	nest = nest_slot(&m, at);
	m.cur = nest;
	m.mark = mreq_u32(&m, at->nest->max + 1, 0);
	check(r, &m, WANT(EINVAL, MSG_UNKNOWN, true),
	      "%s: unknown attribute %u in it", at->name, at->nest->max + 1);

	for (i = 0; i < at->nest->n; i++)
		bad_values(r, &at->nest->attrs[i], at);
}

static void attr_variants(struct run *r)
{
	const struct spec_attr *scalar = NULL;
	struct mreq m;
	int i;

	base(r, &m);
	for (i = 0; i < form(r)->n_req; i++) {
		const struct spec_attr *at = spec_attr(r->op->set, form(r)->req[i]);

		if (at->kind == SPEC_NEST) {
			nest_variants(r, at);
			continue;
		}
		bad_values(r, at, NULL);
		/* The first scalar of the base, else of the request. */
		if (!scalar || (mreq_find(&m, -1, scalar->type) < 0 &&
				mreq_find(&m, -1, at->type) >= 0))
			scalar = at;
	}
	if (scalar) {
		m.mark = slot(&m, -1, scalar);
		m.a[m.mark].type |= NLA_F_NESTED;
		check(r, &m, WANT(EINVAL, MSG_NESTED, true),
		      "%s: with NLA_F_NESTED", scalar->name);
	}
}

static void layout_variants(struct run *r)
{
	struct mreq m;

	base(r, &m);
	m.trailing = 2;
	check(r, &m, WANT(EINVAL, MSG_LEFTOVER, false),
	      "2 bytes after the attributes");
	base(r, &m);
	if (m.n) {
		m.stretch = 8;
		check(r, &m, WANT(EINVAL, MSG_LEFTOVER, false),
		      "last attribute 8 bytes longer than the message");
	}
}

static void header_variants(struct run *r)
{
	int other = !r->c->form;
	struct mreq m;

	base(r, &m);
	m.reserved = 1;
	check(r, &m, WANT(EINVAL, MSG_RESERVED, false),
	      "genlmsghdr.reserved 1");

	base(r, &m);
	m.flags |= r->c->form == FORM_DO ? NLM_F_ROOT : NLM_F_ATOMIC;
	check(r, &m, WANT(EINVAL, MSG_FLAGS, false), "nlmsg_flags %s",
	      r->c->form == FORM_DO ? "NLM_F_ROOT without NLM_F_MATCH" :
	      "NLM_F_ATOMIC");

	if (!r->op->form[other].present) {
		base(r, &m);
		m.flags = NLM_F_REQUEST |
			  (other == FORM_DUMP ? NLM_F_DUMP : NLM_F_ACK);
		check(r, &m, WANT(EOPNOTSUPP, NULL, false), "a %s of a %s-only op",
		      form_names[other], form_names[r->c->form]);
	}
}

static void missing_variants(struct run *r)
{
	const struct missing *mi;
	struct mreq m;

	for (mi = r->c->missing; mi < r->c->missing + 3 && mi->what; mi++) {
		base(r, &m);
		mreq_drop(&m, mi->drop[0]);
		mreq_drop(&m, mi->drop[1]);
		check(r, &m, &(struct want){ .err = EINVAL, .msg = mi->msg,
					     .miss_type = mi->miss_type },
		      "without %s", mi->what);
	}
}

static void run_all(struct run *r)
{
	unknown_attrs(r);
	attr_variants(r);
	layout_variants(r);
	header_variants(r);
	missing_variants(r);
}

FIXTURE(matrix) {
	struct nvnl nl;
	struct objs o;
	struct snapshot *before, *after;
};

FIXTURE_VARIANT(matrix) {
	const char *op;
	int form;
};

#define MATRIX(id, name, f) \
	FIXTURE_VARIANT_ADD(matrix, id) { .op = name, .form = f }

MATRIX(version_get, "version-get", FORM_DO);
MATRIX(nic_get, "nic-get", FORM_DO);
MATRIX(nic_dump, "nic-get", FORM_DUMP);
MATRIX(nic_set, "nic-set", FORM_DO);
MATRIX(nic_verify, "nic-verify", FORM_DO);
MATRIX(vif_new, "vif-new", FORM_DO);
MATRIX(vif_del, "vif-del", FORM_DO);
MATRIX(vif_get, "vif-get", FORM_DO);
MATRIX(vif_dump, "vif-get", FORM_DUMP);
MATRIX(vif_set, "vif-set", FORM_DO);
MATRIX(vif_explain, "vif-explain", FORM_DO);
MATRIX(policy_new, "policy-new", FORM_DO);
MATRIX(policy_get, "policy-get", FORM_DO);
MATRIX(policy_dump, "policy-get", FORM_DUMP);
MATRIX(policy_set, "policy-set", FORM_DO);
MATRIX(policy_del, "policy-del", FORM_DO);
MATRIX(pool_new, "pool-new", FORM_DO);
MATRIX(pool_get, "pool-get", FORM_DO);
MATRIX(pool_dump, "pool-get", FORM_DUMP);
MATRIX(pool_set, "pool-set", FORM_DO);
MATRIX(pool_del, "pool-del", FORM_DO);

FIXTURE_SETUP(matrix)
{
	const char *err;

	self->before = malloc(sizeof(*self->before));
	self->after = malloc(sizeof(*self->after));
	ASSERT_TRUE(self->before && self->after);
	ASSERT_EQ(0, nvnl_open(&self->nl)) TH_LOG("nvirt family not registered");
	err = objs_setup(&self->nl, &self->o, self->before);
	ASSERT_EQ(NULL, err) TH_LOG("setting up: %s", err);
}

FIXTURE_TEARDOWN(matrix)
{
	objs_teardown(&self->nl);
	close(self->nl.fd);
}

/* The valid request, carried out with an unknown version as with its own. */
static void version_ignored(struct __test_metadata *_metadata, struct run *r)
{
	static struct blob reply, again;
	unsigned int strip = r->op->set == &spec_set_vif ? NVIRT_A_VIF_STATS : 0;
	static const __u8 versions[] = { 0, 2, 255 };
	struct nvnl_ans a;
	struct mreq m;
	unsigned int i;

	if (r->c->mutates) {
		base(r, &m);
		m.version = 2;
		ASSERT_EQ(0, nvnl_do(r->nl, &m, &a, NULL, 0));
		EXPECT_EQ(0, a.err) TH_LOG("%s: the valid request, version 2: %s",
					   r->op->name, a.msg);
		ASSERT_EQ(0, snapshot_take(r->nl, r->after));
		EXPECT_NE(NULL, snapshot_diff(r->before, r->after))
			TH_LOG("%s: the valid request changed nothing", r->op->name);
		return;
	}
	reply.len = 0;
	base(r, &m);
	ASSERT_EQ(0, nvnl_do(r->nl, &m, &a, &reply, strip));
	ASSERT_EQ(0, a.err) TH_LOG("%s: the valid request: %s", r->op->name, a.msg);
	ASSERT_LT(0, a.msgs);
	for (i = 0; i < ARRAY_SIZE(versions); i++) {
		again.len = 0;
		m.version = versions[i];
		ASSERT_EQ(0, nvnl_do(r->nl, &m, &a, &again, strip));
		EXPECT_EQ(0, a.err);
		EXPECT_TRUE(reply.len == again.len && !memcmp(reply.b, again.b, reply.len))
			TH_LOG("%s: version %u answered otherwise", r->op->name,
			       versions[i]);
	}
	ASSERT_EQ(0, snapshot_take(r->nl, r->after));
	EXPECT_EQ(NULL, snapshot_diff(r->before, r->after));
}

TEST_F_TIMEOUT(matrix, malformed, 300)
{
	struct run r = {
		.nl = &self->nl, .o = &self->o,
		.before = self->before, .after = self->after,
		.op = spec_op(variant->op),
		.c = op_case(variant->op, variant->form),
	};
	unsigned long requests = self->nl.requests;

	ASSERT_NE(NULL, r.op) TH_LOG("%s is not in the spec", variant->op);
	ASSERT_TRUE(r.op->form[variant->form].present);
	ASSERT_NE(NULL, r.c);
	run_all(&r);
	version_ignored(_metadata, &r);
	ksft_print_msg("%s %s: %d variants, %lu requests, %d x %zu dumps compared\n",
		       r.op->name, form_names[r.c->form], r.variants,
		       self->nl.requests - requests, r.compared,
		       ARRAY_SIZE(snapshot_dumps));
	EXPECT_EQ(0, r.failed) TH_LOG("%d of %d variants failed", r.failed,
				      r.variants);
}

/* Every op form of the spec has a request and a matrix, and no more. */
TEST(spec_covered)
{
	struct __fixture_variant_metadata *v;
	const struct objs o = { 1 };
	struct mreq m;
	unsigned int i;
	int f, n = 0;

	for (i = 0; i < ARRAY_SIZE(spec_ops); i++)
		for (f = FORM_DO; f <= FORM_DUMP; f++) {
			bool found = false;

			if (!spec_ops[i].form[f].present)
				continue;
			for (v = _matrix_fixture_object.variant; v; v = v->next) {
				const FIXTURE_VARIANT(matrix) *d = v->data;

				found |= !strcmp(d->op, spec_ops[i].name) && d->form == f;
			}
			EXPECT_TRUE(op_case(spec_ops[i].name, f) && found)
				TH_LOG("%s %s: no request or no matrix", spec_ops[i].name,
				       form_names[f]);
			n++;
		}
	for (i = 0; i < ARRAY_SIZE(op_cases); i++) {
		const struct spec_op *op = spec_op(op_cases[i].op);

		EXPECT_TRUE(op && op->form[op_cases[i].form].present)
			TH_LOG("%s %s is not in the spec", op_cases[i].op,
			       form_names[op_cases[i].form]);
		if (op)
			op_base(&m, &op_cases[i], &o);
	}
	ksft_print_msg("%zu ops, %d forms in the spec\n", ARRAY_SIZE(spec_ops), n);
}

/* The matrix stays small enough for a debug kernel (~500 requests/s). */
TEST(matrix_size)
{
	const char *env = getenv("NVIRT_STRICT_MAX_REQUESTS");
	long max = env ? atol(env) : 3000, requests = 0;
	struct objs o = { 1 };
	int variants = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(op_cases); i++) {
		struct run r = { .o = &o, .c = &op_cases[i], .count_only = true,
				 .op = spec_op(op_cases[i].op) };

		if (!r.op)
			continue;
		run_all(&r);
		variants += r.variants;
		/* Each and its snapshot, then the version runs. */
		requests += r.variants * (1 + ARRAY_SIZE(snapshot_dumps)) +
			    (r.c->mutates ? 1 : 4) + ARRAY_SIZE(snapshot_dumps);
	}
	ksft_print_msg("matrix: %zu op forms, %d variants, about %ld requests"
		       " (max %ld, NVIRT_STRICT_MAX_REQUESTS)\n",
		       ARRAY_SIZE(op_cases), variants, requests, max);
	EXPECT_GE(max, requests);
}

/* Requests one at a time, for what the policy cannot say. */
FIXTURE(nvirt) {
	struct nvnl nl;
	struct mreq m;
	struct nvnl_ans a;
	struct blob reply;
};

FIXTURE_SETUP(nvirt)
{
	ASSERT_EQ(0, nvnl_open(&self->nl)) TH_LOG("nvirt family not registered");
}

FIXTURE_TEARDOWN(nvirt)
{
	close(self->nl.fd);
}

/* Send self->m; the errno it met. Its reply is in self->reply. */
static int ask(FIXTURE_DATA(nvirt) *self)
{
	self->reply.len = 0;
	return nvnl_do(&self->nl, &self->m, &self->a, &self->reply, 0) ?:
	       self->a.err;
}

/* Attribute @type of the one reply in @blob, or NULL. */
static const void *reply_attr(const struct blob *blob, unsigned int type)
{
	const struct nlattr *nla;

	nvnl_for_each_attr(nla, blob->b + GENL_HDRLEN, (int)blob->len - GENL_HDRLEN)
		if (nvnl_type(nla) == type)
			return nvnl_data(nla);
	return NULL;
}

static int lo_managed(FIXTURE_DATA(nvirt) *self)
{
	const __u8 *managed;

	mreq_init(&self->m, NVIRT_CMD_NIC_GET, FORM_DO);
	mreq_u32(&self->m, NVIRT_A_NIC_IFINDEX, 1);
	if (ask(self))
		return -1;
	managed = reply_attr(&self->reply, NVIRT_A_NIC_MANAGED);
	return managed ? *managed : -1;
}

static int set_lo_managed(FIXTURE_DATA(nvirt) *self, __u8 managed)
{
	mreq_init(&self->m, NVIRT_CMD_NIC_SET, FORM_DO);
	mreq_u32(&self->m, NVIRT_A_NIC_IFINDEX, 1);
	mreq_u32(&self->m, NVIRT_A_NIC_MANAGED, managed);
	return ask(self);
}

static int dump_count(FIXTURE_DATA(nvirt) *self, __u8 cmd)
{
	mreq_init(&self->m, cmd, FORM_DUMP);
	return ask(self) ? -1 : self->a.msgs;
}

TEST_F(nvirt, version_get)
{
	const __u32 *api;
	const char *version;

	mreq_init(&self->m, NVIRT_CMD_VERSION_GET, FORM_DO);
	ASSERT_EQ(0, ask(self));
	version = reply_attr(&self->reply, NVIRT_A_VERSION_VERSION);
	api = reply_attr(&self->reply, NVIRT_A_VERSION_API);
	ASSERT_TRUE(version && api);
	EXPECT_NE(0, version[0]);
	EXPECT_EQ((unsigned int)NVIRT_API_VERSION, *api);
}

TEST_F(nvirt, no_such_nic)
{
	mreq_init(&self->m, NVIRT_CMD_NIC_GET, FORM_DO);
	self->m.mark = mreq_str(&self->m, NVIRT_A_NIC_IFNAME, "nosuch0");
	EXPECT_EQ(ENODEV, ask(self));
	EXPECT_STREQ("No such NIC", self->a.msg);
	EXPECT_TRUE(self->a.has_offs && self->a.offs == self->a.mark_off);
}

TEST_F(nvirt, ifname_ifindex_disagree)
{
	mreq_init(&self->m, NVIRT_CMD_NIC_SET, FORM_DO);
	mreq_u32(&self->m, NVIRT_A_NIC_IFINDEX, 1);
	self->m.mark = mreq_str(&self->m, NVIRT_A_NIC_IFNAME, "nosuch0");
	mreq_u32(&self->m, NVIRT_A_NIC_MANAGED, 0);
	EXPECT_EQ(EINVAL, ask(self));
	EXPECT_STREQ("ifname does not match ifindex", self->a.msg);
	EXPECT_TRUE(self->a.has_offs && self->a.offs == self->a.mark_off);
	EXPECT_EQ(1, lo_managed(self));
}

TEST_F(nvirt, set_and_restore)
{
	ASSERT_EQ(0, set_lo_managed(self, 0));
	EXPECT_EQ(0, lo_managed(self));
	ASSERT_EQ(0, set_lo_managed(self, 1));
	EXPECT_EQ(1, lo_managed(self));
}

/*
 * A NIC appearing between two parts of a dump marks the dump interrupted,
 * so clients know to restart it. (150 dummies take a while on the debug
 * kernel.)
 */
TEST_F_TIMEOUT(nvirt, dump_interrupted, 300)
{
	static char buf[64 * 1024];
	bool intr = false, done = false;
	unsigned int len, off;
	int parts = 0, fd;

	/*
	 * A socket of its own: the kernel sizes a dump's parts by the
	 * largest read its socket has seen, and the fixture's read 64 KB.
	 */
	fd = nvnl_socket();
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, system("for i in $(seq 150); do echo link add nvd$i type dummy; done"
			    " | ip -b -"));
	mreq_init(&self->m, NVIRT_CMD_NIC_GET, FORM_DUMP);
	len = mreq_emit(&self->m, self->nl.family, 1, buf, &off);
	ASSERT_LT(0, send(fd, buf, len, 0));
	while (!done) {
		struct nlmsghdr *nlh;
		/* Small reads: the dump comes in many parts. */
		int n = recv(fd, buf, 8192, 0);

		ASSERT_LT(0, n) TH_LOG("part %d: %s", parts, strerror(errno));
		if (parts++ == 0)
			ASSERT_EQ(0, system("ip link add nvdx type dummy"));
		for (nlh = (void *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			intr |= !!(nlh->nlmsg_flags & NLM_F_DUMP_INTR);
			done |= nlh->nlmsg_type == NLMSG_DONE ||
				nlh->nlmsg_type == NLMSG_ERROR;
		}
	}
	close(fd);
	(void)!system("ip link del nvdx; for i in $(seq 150); do echo link del nvd$i; done"
		      " | ip -b -");
	ASSERT_LT(1, parts) TH_LOG("the dump came in one part");
	EXPECT_TRUE(intr);
}

/*
 * A VIF's netdev takes its name as is: a "%d" template, which the kernel
 * would expand into another name, is refused; so are invalid names.
 */
TEST_F(nvirt, vif_name_template_refused)
{
	mreq_init(&self->m, NVIRT_CMD_VIF_NEW, FORM_DO);
	mreq_str(&self->m, NVIRT_A_VIF_NAME, "nvx%d");
	mreq_str(&self->m, NVIRT_A_VIF_PARENT_IFNAME, "lo");
	EXPECT_EQ(EINVAL, ask(self));
	EXPECT_STREQ("nvx%d is not a valid interface name", self->a.msg);
	mreq_init(&self->m, NVIRT_CMD_VIF_NEW, FORM_DO);
	mreq_str(&self->m, NVIRT_A_VIF_NAME, "nvx/0");
	mreq_str(&self->m, NVIRT_A_VIF_PARENT_IFNAME, "lo");
	EXPECT_EQ(EINVAL, ask(self));
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_VIF_GET));
}

/* The backend refuses what it cannot stack on, and says why. */
TEST_F(nvirt, vif_on_loopback_refused)
{
	mreq_init(&self->m, NVIRT_CMD_VIF_NEW, FORM_DO);
	mreq_str(&self->m, NVIRT_A_VIF_NAME, "nvx0");
	mreq_str(&self->m, NVIRT_A_VIF_PARENT_IFNAME, "lo");
	EXPECT_EQ(EOPNOTSUPP, ask(self));
	EXPECT_STREQ("lo is not an Ethernet NIC nvirt can stack on", self->a.msg);
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_VIF_GET));
}

TEST_F(nvirt, vif_get_unknown)
{
	mreq_init(&self->m, NVIRT_CMD_VIF_GET, FORM_DO);
	mreq_str(&self->m, NVIRT_A_VIF_NAME, "nosuch0");
	EXPECT_EQ(ENOENT, ask(self));
	EXPECT_STREQ("No such VIF", self->a.msg);
}

/*
 * A rate is a setting, no policy field: where api-version 4 had the
 * rates in the policy nest (its next attribute), the kernel refuses it.
 */
TEST_F(nvirt, vif_policy_rates_refused)
{
	mreq_init(&self->m, NVIRT_CMD_VIF_NEW, FORM_DO);
	mreq_str(&self->m, NVIRT_A_VIF_NAME, "nvx0");
	mreq_str(&self->m, NVIRT_A_VIF_PARENT_IFNAME, "lo");
	mreq_nest_start(&self->m, NVIRT_A_VIF_POLICY);
	self->m.mark = mreq_u32(&self->m, NVIRT_A_POLICY_MAX + 1, 10);
	mreq_nest_end(&self->m);
	EXPECT_EQ(EINVAL, ask(self));
	EXPECT_STREQ("Unknown attribute type", self->a.msg);
	EXPECT_TRUE(self->a.has_offs && self->a.offs == self->a.mark_off);
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_VIF_GET));
}

/* Notifications, command 0 and commands past the last are no requests. */
TEST_F(nvirt, no_such_command)
{
	unsigned int cmds[ARRAY_SIZE(spec_ntfs) + 2], i;
	int f;

	for (i = 0; i < ARRAY_SIZE(spec_ntfs); i++)
		cmds[i] = spec_ntfs[i].cmd;
	cmds[i++] = 0;
	cmds[i++] = NVIRT_CMD_MAX + 1;
	for (i = 0; i < ARRAY_SIZE(cmds); i++)
		for (f = FORM_DO; f <= FORM_DUMP; f++) {
			mreq_init(&self->m, cmds[i], f);
			EXPECT_EQ(EOPNOTSUPP, ask(self))
				TH_LOG("command %u, %s", cmds[i], form_names[f]);
		}
	/* A message too short for its generic netlink header. */
	mreq_init(&self->m, NVIRT_CMD_VERSION_GET, FORM_DO);
	self->m.trailing = -2;
	EXPECT_EQ(EINVAL, ask(self));
}

TEST_HARNESS_MAIN
