// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt save, nvirt restore: the named policies and VIFs of the network
 * namespace as a file of "policy add" and "vif add" lines, and that file
 * made so again.
 *
 * Each line says everything the object was asked for, so a restore can
 * compare it with what the kernel has: what is missing is added, what
 * differs is set (each object all or nothing), and every difference is
 * said, as drift. Objects the file does not name are left alone. A line
 * that cannot be restored fails alone, said with its place.
 *
 * Names read back: one that is also a keyword is written "name NAME", one
 * with blanks or a leading quote in quotes (as "ip -batch" reads them).
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <nvirt/nvirt.h>

#include "items.h"
#include "netns.h"
#include "output.h"
#include "policy.h"
#include "pool.h"
#include "utils.h"
#include "vif.h"

#define SAVE_DIR	"/etc/nvirt"
#define SAVE_FILE	SAVE_DIR "/nvirt.conf"

static void save_help(void)
{
	printf("Usage: nvirt save [ FILE ]\n"
	       "       nvirt save help\n"
	       "FILE := { PATH | - }\n"
	       "FILE is " SAVE_FILE " when not given, - standard output.\n"
	       "Writes the pools, named policies and VIFs of this network namespace as\n"
	       "the \"pool add\", \"policy add\" and \"vif add\" lines that would make\n"
	       "them (a VIF made from a pool as one, whichever its NIC); see\n"
	       "\"nvirt restore help\".\n");
}

static void restore_help(void)
{
	printf("Usage: nvirt restore [ FILE ]\n"
	       "       nvirt restore help\n"
	       "FILE := { PATH | - }\n"
	       "FILE is " SAVE_FILE " when not given, - standard input.\n"
	       "Makes the lines of \"nvirt save\" so: adds what is missing, sets what\n"
	       "differs, says each difference; leaves alone what FILE does not name.\n"
	       "A line that cannot be made so fails alone, said with FILE:LINE.\n");
}

/* nvirt save: write the policies, then the VIFs that may follow them */
struct save_ctx {
	FILE *fp;
};

/* An object no line can make: said as a warning, and as a comment. */
static int save_skip(struct save_ctx *ctx, const char *obj, const char *name,
		     const char *why)
{
	pr_warn("%s \"%s\" %s: not saved.", obj, name, why);
	fprintf(ctx->fp, "# %s %s: %s, not saved\n", obj, name, why);
	return 0;
}

/* "add NAME", or "add name NAME" when NAME is also a keyword there. */
static void save_add(struct save_ctx *ctx, const char *obj, const char *name,
		     bool keyword)
{
	char word[WORD_LEN];

	fprintf(ctx->fp, "%s add %s%s", obj, keyword ? "name " : "",
		save_word(word, name));
}

static int save_policy(const struct nvirt_named_policy *np, void *arg)
{
	struct save_ctx *ctx = arg;
	struct items it;

	/* Made by another tool: "none" follows none in a VIF's line. */
	if (!strcmp(np->name, "none"))
		return save_skip(ctx, "policy", np->name,
				 "is named \"none\", which no command can name");
	named_items(&it, np->policy, np->settings);
	save_add(ctx, "policy", np->name, policy_keyword(np->name));
	items_print(ctx->fp, &it);
	return 0;
}

static int save_pool(const struct nvirt_pool *pool, void *arg)
{
	char word[WORD_LEN];
	struct save_ctx *ctx = arg;
	uint32_t i;

	for (i = 0; i < pool->n_members; i++)
		if (!save_word(word, pool->members[i].ifname))
			return save_skip(ctx, "pool", pool->name,
					 "has a NIC whose name cannot be quoted");
	save_add(ctx, "pool", pool->name, !strcmp(pool->name, "help") ||
		 !strcmp(pool->name, "name") || !strcmp(pool->name, "dev") ||
		 !strcmp(pool->name, "grace"));
	for (i = 0; i < pool->n_members; i++)
		fprintf(ctx->fp, " dev %s",
			save_word(word, pool->members[i].ifname));
	if (NVIRT_HAS(pool, grace) && pool->grace != POOL_GRACE)
		fprintf(ctx->fp, " grace %u", pool->grace);
	fprintf(ctx->fp, "\n");
	return 0;
}

static int save_vif(const struct nvirt_vif *vif,
		    const struct nvirt_vif_config *cfg, void *arg)
{
	char buf[NAME_MAX + 1], word[WORD_LEN];
	struct save_ctx *ctx = arg;
	const char *ns = NULL;
	struct items it;

	if (vif->has_netns_id) {
		ns = netns_name(vif->netns_id, buf, sizeof(buf));
		if (!ns)
			return save_skip(ctx, "vif", vif->name,
					 "is in a network namespace with no name");
		if (!save_word(word, ns))
			return save_skip(ctx, "vif", vif->name,
					 "is in a network namespace whose name cannot be quoted");
	}
	if (!strcmp(cfg->policy_name, "none"))
		return save_skip(ctx, "vif", vif->name,
				 "follows a policy named \"none\", which no command can name");
	if (!save_word(word, vif->name) || !save_word(word, vif->parent_ifname))
		return save_skip(ctx, "vif", vif->name,
				 "has a name that cannot be quoted");
	vif_items(&it, cfg, ns);
	save_add(ctx, "vif", vif->name, vif_keyword(vif->name));
	/* Made from a pool: made so again, on the NIC the pool offers then. */
	if (vif->pool_name[0])
		fprintf(ctx->fp, " pool %s", save_word(word, vif->pool_name));
	else
		fprintf(ctx->fp, " dev %s", save_word(word, vif->parent_ifname));
	items_print(ctx->fp, &it);
	return 0;
}

/* Sync the directory of @path, where a file was just renamed. */
static int sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char dir[PATH_MAX];
	int fd, err;

	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else
		snprintf(dir, sizeof(dir), "%.*s",
			 slash == path ? 1 : (int)(slash - path), path);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	err = fsync(fd);
	close(fd);
	return err;
}

/*
 * Write @path whole or not at all, and for good: a temporary file, synced,
 * renamed over it, and the rename synced.
 */
static int save_write(struct nvirt *nv, const char *path, struct save_ctx *ctx)
{
	char tmp[4096];
	int err;

	if (!strcmp(path, "-")) {
		ctx->fp = stdout;
		tmp[0] = '\0';
	} else {
		if (!strcmp(path, SAVE_FILE) && mkdir(SAVE_DIR, 0755) &&
		    errno != EEXIST) {
			pr_err("cannot create %s: %s.",
			       SAVE_DIR, strerror(errno));
			return -1;
		}
		snprintf(tmp, sizeof(tmp), "%s.tmp", path);
		ctx->fp = fopen(tmp, "w");
		if (!ctx->fp) {
			pr_err("cannot write %s: %s.", tmp, strerror(errno));
			return -1;
		}
	}

	fprintf(ctx->fp,
		"# nvirt save: the pools, named policies and VIFs of a network\n"
		"# namespace; \"nvirt restore FILE\" makes them so again.\n");
	err = nvirt_pool_dump(nv, save_pool, ctx) ?:
	      nvirt_policy_dump(nv, save_policy, ctx) ?:
	      nvirt_vif_dump_config(nv, 0, NULL, save_vif, ctx);
	if (err)
		err = nv_error();
	if (!tmp[0])
		return err || fflush(stdout) ? -1 : 0;

	if (!err && (fflush(ctx->fp) || fsync(fileno(ctx->fp)))) {
		pr_err("cannot write %s: %s.", tmp, strerror(errno));
		err = -1;
	}
	if (fclose(ctx->fp) && !err) {
		pr_err("cannot write %s: %s.", tmp, strerror(errno));
		err = -1;
	}
	if (!err && rename(tmp, path)) {
		pr_err("cannot rename %s to %s: %s.", tmp,
		       path, strerror(errno));
		err = -1;
	}
	if (err) {
		unlink(tmp);
		return err;
	}
	if (sync_dir(path)) {
		pr_err("cannot sync the directory of %s: %s.",
		       path, strerror(errno));
		return -1;
	}
	return 0;
}

/* nvirt save [ FILE ] */
int do_save(int argc, char **argv)
{
	struct save_ctx ctx = {};
	const char *path = SAVE_FILE;
	struct nvirt *nv;
	int err;

	if (argc > 0 && !strcmp(*argv, "help")) {
		save_help();
		return 0;
	}
	if (argc > 0)
		path = *argv;
	if (argc > 1)
		unknown_arg(argv[1]);

	nv = nv_open();
	if (!nv)
		return -1;
	err = save_write(nv, path, &ctx);
	if (!err)
		nv_warn();
	return err;
}

/* nvirt restore: what the file says */
struct want {
	int line;
	bool vif;
	bool pool;		/* neither: a policy */
	bool bad;		/* its words are wrong: it is not restored */
	struct policy_args pol;
	struct vif_args va;
	struct pool_args pa;
	char *words;		/* what the args point into */
};

struct restore {
	const char *path;
	struct want *want;
	int n;
	/* what the kernel has: policies, VIFs and their configs */
	struct policy_have {
		char name[32];
		struct nvirt_policy pol;
		struct nvirt_vif_config settings;	/* its pool_name: @pool */
		char pool[32];
	} *pols;
	int npols;
	struct vif_have {
		char name[16];
		char parent[16];
		bool has_netns_id;
		int32_t netns_id;
		struct nvirt_vif_config cfg;
		struct nvirt_policy pol;
		char policy_name[32];
		char pool[32];
	} *vifs;
	int nvifs;
	struct pool_have {
		char name[32];
		uint32_t n;
		char devs[POOL_DEVS][16];
		uint32_t grace;
	} *pools;
	int npools;
	int added, changed, same, failed;
};

/* A line that cannot be restored: say why, with its place. */
static void line_failed(struct restore *r, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void line_failed(struct restore *r, int line, const char *fmt, ...)
{
	va_list ap;

	out_at(r->path, line);
	va_start(ap, fmt);
	vpr_err_at(fmt, ap);
	va_end(ap);
	out_at(NULL, 0);
	r->failed++;
}

static void read_vif(int argc, char **argv, void *arg)
{
	vif_parse_add(argc, argv, arg);
}

static void read_policy(int argc, char **argv, void *arg)
{
	policy_parse_add(argc, argv, arg);
}

static void read_pool(int argc, char **argv, void *arg)
{
	pool_parse_add(argc, argv, arg);
}

/* Read the words of a "vif add" or "policy add" line into @w. */
static void restore_words(struct restore *r, struct want *w, int n,
			  char **words)
{
	int err;

	out_at(r->path, w->line);
	w->vif = !strcmp(words[0], "vif");
	w->pool = !strcmp(words[0], "pool");
	if (w->vif)
		err = arg_try(read_vif, n - 2, words + 2, &w->va);
	else if (w->pool)
		err = arg_try(read_pool, n - 2, words + 2, &w->pa);
	else
		err = arg_try(read_policy, n - 2, words + 2, &w->pol);
	out_at(NULL, 0);
	if (err)
		r->failed++;	/* arg_error() said why */
	else if (w->vif && w->va.dry_run)
		line_failed(r, w->line, "\"dry-run\" in a saved file.");
	w->bad = err || (w->vif && w->va.dry_run);
}

/* Read every line first; one that is wrong fails alone, said. */
static void restore_read(FILE *fp, struct restore *r)
{
	char *line = NULL, *words[64];
	size_t size = 0;
	struct want *w;
	int n, no = 0;

	while (getline(&line, &size, fp) > 0) {
		no++;
		n = strspn(line, BLANKS);
		if (!line[n] || line[n] == '#')
			continue;
		n = split_words(line, words, ARRAY_SIZE(words));
		if (n == -E2BIG) {
			line_failed(r, no, "a line of more than %zu words.",
				    ARRAY_SIZE(words));
			continue;
		}
		if (n < 0) {
			line_failed(r, no, "a quote that does not end.");
			continue;
		}
		if (n < 2 || strcmp(words[1], "add") ||
		    (strcmp(words[0], "vif") && strcmp(words[0], "policy") &&
		     strcmp(words[0], "pool"))) {
			line_failed(r, no,
				    "a line is \"pool add ...\", \"policy add ...\" or \"vif add ...\".");
			continue;
		}

		r->want = realloc(r->want, (r->n + 1) * sizeof(*r->want));
		if (!r->want) {
			pr_err("out of memory.");
			exit(1);
		}
		w = &r->want[r->n++];
		memset(w, 0, sizeof(*w));
		vif_args_init(&w->va);
		w->line = no;
		/* The args point into the line: keep it. */
		w->words = line;
		restore_words(r, w, n, words);
		line = NULL;
		size = 0;
	}
	free(line);
}

static int have_policy(const struct nvirt_named_policy *np, void *arg)
{
	struct restore *r = arg;
	struct policy_have *h;

	r->pols = realloc(r->pols, (r->npols + 1) * sizeof(*r->pols));
	if (!r->pols)
		return -ENOMEM;
	h = &r->pols[r->npols++];
	snprintf(h->name, sizeof(h->name), "%s", np->name);
	h->pol = *np->policy;
	h->settings = *np->settings;
	h->settings.pool_name = NULL;
	snprintf(h->pool, sizeof(h->pool), "%s",
		 NVIRT_HAS(np->settings, pool_name) && np->settings->pool_name ?
		 np->settings->pool_name : "");
	return 0;
}

static int have_vif(const struct nvirt_vif *vif,
		    const struct nvirt_vif_config *cfg, void *arg)
{
	struct restore *r = arg;
	struct vif_have *h;

	r->vifs = realloc(r->vifs, (r->nvifs + 1) * sizeof(*r->vifs));
	if (!r->vifs)
		return -ENOMEM;
	h = &r->vifs[r->nvifs++];
	snprintf(h->name, sizeof(h->name), "%s", vif->name);
	snprintf(h->parent, sizeof(h->parent), "%s", vif->parent_ifname);
	h->has_netns_id = vif->has_netns_id;
	h->netns_id = vif->netns_id;
	h->cfg = *cfg;
	h->pol = *cfg->policy;
	snprintf(h->policy_name, sizeof(h->policy_name), "%s",
		 cfg->policy_name);
	snprintf(h->pool, sizeof(h->pool), "%s", vif->pool_name);
	return 0;
}

static int have_pool(const struct nvirt_pool *pool, void *arg)
{
	struct restore *r = arg;
	struct pool_have *h;
	uint32_t i;

	r->pools = realloc(r->pools, (r->npools + 1) * sizeof(*r->pools));
	if (!r->pools)
		return -ENOMEM;
	h = &r->pools[r->npools++];
	snprintf(h->name, sizeof(h->name), "%s", pool->name);
	h->n = pool->n_members < POOL_DEVS ? pool->n_members : POOL_DEVS;
	for (i = 0; i < h->n; i++)
		snprintf(h->devs[i], sizeof(h->devs[i]), "%s",
			 pool->members[i].ifname);
	h->grace = NVIRT_HAS(pool, grace) ? pool->grace : POOL_GRACE;
	return 0;
}

/* An operation failed: say the kernel's reason, and go on with the next. */
static void restore_failed(struct restore *r, const struct want *w)
{
	line_failed(r, w->line, "%s", nvirt_strerror(nv_open()));
}

static void restore_policy(struct nvirt *nv, struct restore *r,
			   const struct want *w)
{
	struct nvirt_vif_config settings, had;
	const struct policy_have *np = NULL;
	struct items live, want;
	struct nvirt_policy set;
	int i;

	for (i = 0; i < r->npols; i++)
		if (!strcmp(r->pols[i].name, w->pol.name))
			np = &r->pols[i];
	if (!np) {
		if (nvirt_policy_new(nv, w->pol.name, &w->pol.pol,
				     &w->pol.settings)) {
			restore_failed(r, w);
			return;
		}
		printf("policy %s: added\n", w->pol.name);
		r->added++;
		return;
	}

	had = np->settings;
	had.pool_name = np->pool;
	named_items(&live, &np->pol, &had);
	named_items(&want, &w->pol.pol, &w->pol.settings);
	set = w->pol.pol;
	settings = w->pol.settings;
	if (!items_diff("policy", w->pol.name, &live, &want, &settings.fields,
			&set.fields)) {
		r->same++;
		return;
	}
	settings.fields &= NVIRT_NAMED_POLICY_SETTINGS;
	if (nvirt_policy_set(nv, w->pol.name, &set, &settings))
		restore_failed(r, w);
	else
		r->changed++;
}

static void restore_pool(struct nvirt *nv, struct restore *r,
			 const struct want *w)
{
	struct nvirt_pool_config cfg = w->pa.cfg;
	const struct pool_have *h = NULL;
	uint32_t i, grace;
	bool same;
	int k;

	/* Its NICs where @w is now: the lines were moved since they were read. */
	cfg.devs = w->pa.devs;
	for (k = 0; k < r->npools; k++)
		if (!strcmp(r->pools[k].name, w->pa.name))
			h = &r->pools[k];
	if (!h) {
		if (nvirt_pool_new(nv, w->pa.name, &cfg)) {
			restore_failed(r, w);
			return;
		}
		printf("pool %s: added\n", w->pa.name);
		r->added++;
		return;
	}
	same = h->n == cfg.n_devs;
	for (i = 0; same && i < h->n; i++)
		same = !strcmp(h->devs[i], cfg.devs[i]);
	if (same)
		cfg.fields &= ~NVIRT_POOL_F_DEVS;
	/* A line without grace wants the kernel's default. */
	grace = cfg.fields & NVIRT_POOL_F_GRACE ? cfg.grace : POOL_GRACE;
	cfg.fields &= ~NVIRT_POOL_F_GRACE;
	if (grace != h->grace) {
		cfg.grace = grace;
		cfg.fields |= NVIRT_POOL_F_GRACE;
	}
	if (!cfg.fields) {
		r->same++;
		return;
	}
	printf("pool %s: its %s as in the file\n", w->pa.name,
	       cfg.fields == NVIRT_POOL_F_DEVS ? "NICs differ: set" :
	       cfg.fields == NVIRT_POOL_F_GRACE ? "grace differs: set" :
	       "NICs and grace differ: set");
	if (nvirt_pool_set(nv, w->pa.name, &cfg))
		restore_failed(r, w);
	else
		r->changed++;
}

/* The netns a VIF's netdev is in, by name; NULL for ours. */
static const char *have_netns(const struct vif_have *h, char *buf,
			      size_t len)
{
	if (!h->has_netns_id)
		return NULL;
	return netns_name(h->netns_id, buf, len) ?: "(unnamed)";
}

static void restore_vif(struct nvirt *nv, struct restore *r, struct want *w)
{
	const struct nvirt_vif_config *cfg = vif_args_cfg(&w->va);
	const struct vif_have *h = NULL;
	struct nvirt_vif_config set;
	struct nvirt_policy pol;
	struct items live, want;
	char buf[256];
	int i, fd = -1;

	for (i = 0; i < r->nvifs; i++)
		if (!strcmp(r->vifs[i].name, w->va.name))
			h = &r->vifs[i];
	if (!h) {
		if (nvirt_vif_new(nv, w->va.name, 0, w->va.dev, cfg, NULL)) {
			restore_failed(r, w);
			return;
		}
		printf("vif %s: added\n", w->va.name);
		r->added++;
		return;
	}
	/* Made from a pool: from that one, on whichever NIC of it. */
	if (cfg->fields & NVIRT_VIF_F_POOL_NAME ?
	    strcmp(h->pool, cfg->pool_name) :
	    h->pool[0] || strcmp(h->parent, w->va.dev)) {
		line_failed(r, w->line,
			    "VIF \"%s\" is on %s%s%s, not %s %s: delete it to restore it.",
			    w->va.name, h->parent, h->pool[0] ? " of pool " : "",
			    h->pool,
			    cfg->fields & NVIRT_VIF_F_POOL_NAME ? "pool" : "dev",
			    cfg->fields & NVIRT_VIF_F_POOL_NAME ?
			    cfg->pool_name : w->va.dev);
		return;
	}

	vif_items(&live, &h->cfg, have_netns(h, buf, sizeof(buf)));
	vif_items(&want, cfg, w->va.netns);
	set = *cfg;
	pol = *cfg->policy;
	set.policy = &pol;
	set.policy_name = cfg->policy_name ?: "";
	if (!items_diff("vif", w->va.name, &live, &want, &set.fields,
			&pol.fields)) {
		r->same++;
		return;
	}
	if (!pol.fields)
		set.fields &= ~NVIRT_VIF_F_POLICY;
	set.fields &= ~NVIRT_VIF_F_POOL_NAME;
	/* Back to our netns: the file names none. */
	if ((set.fields & NVIRT_VIF_F_NETNS) && !w->va.netns) {
		fd = netns_open("/proc/self/ns/net");
		set.netns_fd = fd;
	}
	if (nvirt_vif_set(nv, 0, w->va.name, &set))
		restore_failed(r, w);
	else
		r->changed++;
	if (fd >= 0)
		close(fd);
}

/* Does a line of the file, restored or not, name this object? */
static bool restore_names(const struct restore *r, bool vif, bool pool,
			  const char *name)
{
	const char *n;
	int i;

	for (i = 0; i < r->n; i++) {
		if (r->want[i].vif != vif || r->want[i].pool != pool)
			continue;
		n = vif ? r->want[i].va.name : pool ? r->want[i].pa.name :
		    r->want[i].pol.name;
		if (n && !strcmp(n, name))
			return true;
	}
	return false;
}

/* Objects the kernel has that the file does not name: said, left alone. */
static void restore_others(const struct restore *r)
{
	int i;

	for (i = 0; i < r->npools; i++)
		if (!restore_names(r, false, true, r->pools[i].name))
			printf("pool %s: not in the file, left as it is\n",
			       r->pools[i].name);
	for (i = 0; i < r->npols; i++)
		if (!restore_names(r, false, false, r->pols[i].name))
			printf("policy %s: not in the file, left as it is\n",
			       r->pols[i].name);
	for (i = 0; i < r->nvifs; i++)
		if (!restore_names(r, true, false, r->vifs[i].name))
			printf("vif %s: not in the file, left as it is\n",
			       r->vifs[i].name);
}

static void restore_free(struct restore *r)
{
	const struct nvirt_vif_config *cfg;
	int i;

	for (i = 0; i < r->n; i++) {
		cfg = &r->want[i].va.cfg;
		if ((cfg->fields & NVIRT_VIF_F_NETNS) && cfg->netns_fd >= 0)
			close(cfg->netns_fd);
		free(r->want[i].words);
	}
	free(r->want);
	free(r->pols);
	free(r->vifs);
	free(r->pools);
}

/* nvirt restore [ FILE ] */
int do_restore(int argc, char **argv)
{
	struct restore r = { .path = SAVE_FILE };
	struct nvirt *nv;
	FILE *fp;
	int i;

	if (argc > 0 && !strcmp(*argv, "help")) {
		restore_help();
		return 0;
	}
	if (argc > 0)
		r.path = *argv;
	if (argc > 1)
		unknown_arg(argv[1]);

	fp = strcmp(r.path, "-") ? fopen(r.path, "r") : stdin;
	if (!fp) {
		pr_err("cannot read %s: %s.", r.path, strerror(errno));
		return -1;
	}
	restore_read(fp, &r);
	if (fp != stdin)
		fclose(fp);

	nv = nv_open();
	if (!nv)
		goto fail;
	if (nvirt_pool_dump(nv, have_pool, &r) ||
	    nvirt_policy_dump(nv, have_policy, &r) ||
	    nvirt_vif_dump_config(nv, 0, NULL, have_vif, &r)) {
		nv_error();
		goto fail;
	}
	/* Their configs point into them, which moved as the list grew. */
	for (i = 0; i < r.nvifs; i++) {
		r.vifs[i].cfg.policy = &r.vifs[i].pol;
		r.vifs[i].cfg.policy_name = r.vifs[i].policy_name;
	}

	/* Pools and policies first: VIFs are made from them, follow them. */
	for (i = 0; i < r.n; i++)
		if (r.want[i].pool && !r.want[i].bad)
			restore_pool(nv, &r, &r.want[i]);
	for (i = 0; i < r.n; i++)
		if (!r.want[i].vif && !r.want[i].pool && !r.want[i].bad)
			restore_policy(nv, &r, &r.want[i]);
	for (i = 0; i < r.n; i++)
		if (r.want[i].vif && !r.want[i].bad)
			restore_vif(nv, &r, &r.want[i]);
	restore_others(&r);
	printf("restored %s: %d added, %d changed, %d as they were, %d failed\n",
	       r.path, r.added, r.changed, r.same, r.failed);
	restore_free(&r);
	return r.failed ? -1 : 0;

fail:
	restore_free(&r);
	return -1;
}
