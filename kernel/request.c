// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: requests to change VIFs and policies, from any front end, each
 * carried out in the same steps:
 *
 *  plan     under RTNL, as a dry run: does the request take a VF?
 *  prepare  without RTNL, as VF drivers take it: enable the PF's VFs (or
 *	     hold nvirt's, lest they be disabled meanwhile), give the PF's
 *	     link time to return, and have VIFs leave queues the PF lost;
 *  apply    under RTNL: the change, and the front end's reply;
 *  settle   let go of the VFs held for the request;
 *  flush    VIFs move onto hardware the request freed, and VFs no VIF
 *	     uses are disabled, before the front end sends its reply.
 *
 * A dry run is applied without changing anything, and stops there. A new
 * VIF's NIC is chosen once, where its pool offers one.
 */

#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/net_namespace.h>

#include "nic.h"
#include "npolicy.h"
#include "place.h"
#include "pool.h"
#include "request.h"
#include "verify.h"
#include "vf.h"
#include "vfio.h"
#include "vif.h"

/*
 * The parent of a new VIF: the NIC its request names, or the one its pool
 * offers, chosen the first time and kept while it is the pool's.
 */
static struct net_device *nvirt_req_new_parent(struct nvirt_req *req)
{
	const char *pool = req->cfg->pool_name;
	struct net_device *dev;

	ASSERT_RTNL();
	if (!pool[0] && !req->parent) {
		NL_SET_ERR_MSG(req->extack,
			       "NIC not specified: a NIC, a pool, or a policy naming a pool is required");
		return ERR_PTR(-EINVAL);
	}
	if (!pool[0])
		return req->parent(req);
	dev = nvirt_pool_member(req->net, pool, req->chosen);
	if (dev)
		return dev;
	dev = nvirt_pool_choose(req->net, pool, req->name, req->cfg,
				req->choice, req->extack);
	if (!IS_ERR(dev))
		req->chosen = dev->ifindex;
	return dev;
}

/* The parent a request names, or that of the VIF it names. */
static struct net_device *nvirt_req_parent(struct nvirt_req *req, bool create)
{
	struct nvirt_vif *vif;

	ASSERT_RTNL();
	if (create)
		return nvirt_req_new_parent(req);
	vif = req->vif(req);
	return IS_ERR(vif) ? ERR_CAST(vif) : vif->parent;
}

/*
 * How long a PF's link gets to come back after its VFs were enabled: a
 * copper link negotiates in 2-3 s, some NICs take longer after a reset,
 * and a loaded host delays the link's interrupt further.
 */
#define NVIRT_REQ_LINK_WAIT	(15 * HZ)

/*
 * Enabling VFs resets some PFs (igb), and some limit VF rates only at a
 * known link speed: give a running PF's link time to return.
 */
static void nvirt_req_wait_link(struct nvirt_req *req, bool create)
{
	netdevice_tracker tracker;
	struct net_device *parent;

	rtnl_lock();
	parent = nvirt_req_parent(req, create);
	if (!IS_ERR(parent))
		netdev_hold(parent, &tracker, GFP_KERNEL);
	rtnl_unlock();
	if (IS_ERR(parent))
		return;
	nvirt_nic_wait_link(parent, NVIRT_REQ_LINK_WAIT);
	netdev_put(parent, &tracker);
}

/* Plan a request without carrying it out; its settings stay as they were. */
static int nvirt_req_plan(struct nvirt_req *req, bool create,
			  unsigned int flags, struct nvirt_placement *pl,
			  struct net_device **parent)
{
	struct nvirt_vif_cfg tmp = *req->cfg;
	struct nvirt_vif *vif;

	ASSERT_RTNL();
	flags |= NVIRT_PLACE_DRY_RUN;
	if (create) {
		*parent = nvirt_req_new_parent(req);
		if (IS_ERR(*parent))
			return PTR_ERR(*parent);
		return nvirt_vif_new(req->net, req->name, *parent, &tmp, flags,
				     pl, NULL);
	}
	vif = req->vif(req);
	if (IS_ERR(vif))
		return PTR_ERR(vif);
	*parent = vif->parent;
	return nvirt_vif_set(vif, &tmp, flags, pl, NVIRT_CAUSE_REQUEST, NULL);
}

/*
 * A VIF is given a VF only by a plan that takes one. Returns the PF held
 * for the request, to settle after it, or NULL; adds
 * NVIRT_PLACE_NO_ENABLE to @flags when VFs could not be enabled.
 */
static struct pci_dev *nvirt_req_prepare(struct nvirt_req *req, bool create,
					 unsigned int *flags,
					 struct nvirt_placement *pl)
{
	struct net_device *parent;
	struct pci_dev *pdev = NULL;
	int err;

	rtnl_lock();
	err = nvirt_req_plan(req, create, *flags, pl, &parent);
	if (!err && pl->plan.backend == NVIRT_BACKEND_VF)
		pdev = nvirt_vf_pf_get(parent);
	rtnl_unlock();
	if (!pdev)
		return NULL;

	err = nvirt_vf_prepare(pdev, NULL);
	if (err < 0)
		*flags |= NVIRT_PLACE_NO_ENABLE;
	if (err == NVIRT_VF_ENABLED) {
		nvirt_req_wait_link(req, create);
		/* The PF may have fewer queues now: its queue VIFs move. */
		nvirt_place_rebalance();
	}
	/* Only VFs it holds are settled after. */
	if (err <= NVIRT_VF_FOREIGN) {
		pci_dev_put(pdev);
		pdev = NULL;
	}
	return pdev;
}

/* Once a request has changed things, before the front end replies. */
static void nvirt_req_end(struct pci_dev *pdev)
{
	if (pdev) {
		nvirt_vf_settle(pdev);
		pci_dev_put(pdev);
	}
	nvirt_place_flush();
	nvirt_vf_flush();
}

/* A VF a VM has open through VFIO cannot be given back yet. */
static int nvirt_req_vfio_idle(struct nvirt_req *req)
{
	struct nvirt_vfio *v = NULL;
	struct nvirt_vif *vif;
	int err;

	rtnl_lock();
	vif = req->vif(req);
	if (!IS_ERR(vif) && vif->vfio && !vif->dev)
		v = nvirt_vfio_get(vif->vfio);
	rtnl_unlock();
	if (!v)
		return 0;
	err = nvirt_vfio_check_idle(v, req->extack);
	nvirt_vfio_put(v);
	return err;
}

/* How a VIF was before a request handed its VF to vfio-pci. */
struct nvirt_req_undo {
	struct nvirt_vif_cfg cfg;
	struct net *net;
};

/*
 * How a VIF is before a request hands its VF to vfio-pci, to put it back
 * so if vfio-pci will not have it. A VIF whose namespace is going away
 * (its count is 0 before its netdevs leave) is on its way out: not
 * handed over.
 */
static struct nvirt_req_undo *nvirt_req_undo_new(struct nvirt_req *req,
						 struct nvirt_vif *vif)
{
	struct nvirt_req_undo *undo;

	ASSERT_RTNL();
	undo = kmalloc(sizeof(*undo), GFP_KERNEL);
	if (!undo)
		return ERR_PTR(-ENOMEM);
	undo->net = maybe_get_net(dev_net(vif->dev));
	if (!undo->net) {
		kfree(undo);
		NL_SET_ERR_MSG_FMT(req->extack,
				   "the namespace of VIF %s is going away",
				   vif->name);
		return ERR_PTR(-ENODEV);
	}
	undo->cfg = vif->cfg;
	/* A soft or queue VIF comes back as a VF VIF, in its namespace. */
	undo->cfg.attach = NVIRT_ATTACH_NETNS;
	return undo;
}

static void nvirt_req_undo_free(struct nvirt_req_undo *undo)
{
	if (!undo)
		return;
	put_net(undo->net);
	kfree(undo);
}

/*
 * Hand a VIF's VF over with @fn (nvirt_vfio_take() or nvirt_vfio_give()):
 * the VF's driver takes RTNL as its netdev comes or goes, so RTNL is
 * dropped meanwhile, and the VIF is found again after.
 * Return: the VIF, or NULL when it went.
 */
static struct nvirt_vif *
nvirt_req_vfio_swap(struct nvirt_req *req, struct nvirt_vif *vif,
		    int (*fn)(struct nvirt_vfio *v,
			      struct netlink_ext_ack *extack),
		    struct netlink_ext_ack *extack, int *err)
{
	struct nvirt_vfio *v;
	u32 id = vif->id;

	ASSERT_RTNL();
	v = nvirt_vif_handoff_begin(vif);
	rtnl_unlock();
	*err = fn(v, extack);
	nvirt_vfio_put(v);
	rtnl_lock();
	vif = nvirt_vif_find(req->net, id, NULL);
	if (!vif)
		NL_SET_ERR_MSG(req->extack,
			       "the VIF went while its VF changed hands");
	return vif;
}

/*
 * Hand a VIF's VF to vfio-pci. On failure a new VIF (no @undo) is deleted
 * again; one that was attached otherwise takes its VF back, as @undo says
 * it was.
 */
static struct nvirt_vif *nvirt_req_vfio_take(struct nvirt_req *req,
					     struct nvirt_vif *vif,
					     const struct nvirt_req_undo *undo)
{
	int err, back;

	vif = nvirt_req_vfio_swap(req, vif, nvirt_vfio_take, req->extack,
				  &err);
	if (!vif)
		return ERR_PTR(-ENODEV);
	if (err && undo) {
		/* vfio-pci's reason stays the request's. */
		vif = nvirt_req_vfio_swap(req, vif, nvirt_vfio_give, NULL,
					  &back);
		if (!vif)
			return ERR_PTR(err);
		if (!back) {
			nvirt_vif_reclaim(vif, &undo->cfg, undo->net, NULL);
			return ERR_PTR(err);
		}
	}
	nvirt_vif_handoff_end(vif, err);
	return err ? ERR_PTR(err) : vif;
}

/*
 * Give a VIF's VF back from vfio-pci to its own driver, the VIF its new
 * netdev in the init namespace, for a request to attach it otherwise. On
 * failure the VIF is deleted; its VF goes back to its driver.
 */
static struct nvirt_vif *nvirt_req_vfio_give(struct nvirt_req *req,
					     struct nvirt_vif *vif)
{
	int err;

	vif = nvirt_req_vfio_swap(req, vif, nvirt_vfio_give, req->extack,
				  &err);
	if (!vif)
		return ERR_PTR(-ENODEV);
	if (err) {
		nvirt_vif_handoff_end(vif, err);
		return ERR_PTR(err);
	}
	err = nvirt_vif_reclaim(vif, NULL, NULL, req->extack);
	return err ? ERR_PTR(err) : vif;
}

/* Whether a request attaches its VIF as @attach. */
static bool nvirt_req_attaches(const struct nvirt_req *req, u8 attach)
{
	return test_bit(NVIRT_CFG_ATTACH, &req->cfg->set) &&
	       req->cfg->attach == attach;
}

/* Whether a request takes its VIF out of VFIO, by a plan that holds. */
static bool nvirt_req_leaves_vfio(struct nvirt_req *req,
				  struct nvirt_placement *pl)
{
	struct net_device *parent;
	struct nvirt_vif *vif;

	ASSERT_RTNL();
	vif = req->vif(req);
	return !IS_ERR(vif) && vif->vfio && !vif->dev &&
	       test_bit(NVIRT_CFG_ATTACH, &req->cfg->set) &&
	       !nvirt_req_attaches(req, NVIRT_ATTACH_VFIO) &&
	       !nvirt_req_plan(req, false, 0, pl, &parent);
}

/*
 * A VIF that leaves VFIO takes its VF back first, unless a VM has it
 * open. Return: 1 when it did, 0 when it needed not, or a negative errno.
 */
static int nvirt_req_vfio_leave(struct nvirt_req *req,
				struct nvirt_placement *pl)
{
	bool leaves;
	int err;

	rtnl_lock();
	leaves = nvirt_req_leaves_vfio(req, pl);
	rtnl_unlock();
	if (!leaves)
		return 0;
	err = nvirt_req_vfio_idle(req);
	if (err)
		return err;
	rtnl_lock();
	if (nvirt_req_leaves_vfio(req, pl))
		err = PTR_ERR_OR_ZERO(nvirt_req_vfio_give(req, req->vif(req))) ?: 1;
	rtnl_unlock();
	return err;
}

/*
 * A change after the VIF left VFIO failed: it goes back there (or, when
 * vfio-pci will not have its VF now, it is deleted).
 */
static void nvirt_req_vfio_return(struct nvirt_req *req, struct nvirt_vif *vif,
				  struct nvirt_placement *pl)
{
	struct nvirt_vif_cfg cfg = {
		.set = BIT(NVIRT_CFG_ATTACH),
		.attach = NVIRT_ATTACH_VFIO,
	};

	ASSERT_RTNL();
	if (!nvirt_vif_set(vif, &cfg, NVIRT_PLACE_NO_DISPLACE, pl,
			   NVIRT_CAUSE_REQUEST, NULL))
		nvirt_req_vfio_take(req, vif, NULL);
}

static int nvirt_req_reply(struct nvirt_req *req, struct nvirt_vif *vif,
			   struct net_device *parent,
			   const struct nvirt_plan *plan)
{
	ASSERT_RTNL();
	return req->reply ? req->reply(req, vif, parent, plan) : 0;
}

/* A refusal by the plan itself, which a dry run reports as a plan. */
static bool nvirt_req_refused(const struct nvirt_req *req,
			      const struct nvirt_placement *pl, int err)
{
	return req->dry_run && err < 0 && pl->plan.n_reasons &&
	       pl->plan.err == err;
}

/*
 * A new VIF given neither a NIC nor a pool takes the pool its named
 * policy names, if that names one.
 */
static int nvirt_req_policy_pool(struct nvirt_req *req)
{
	struct nvirt_vif_cfg *cfg = req->cfg;
	struct nvirt_npolicy *np;
	int err = 0;

	if (req->parent || cfg->pool_name[0] || !cfg->policy_name[0])
		return 0;
	rtnl_lock();
	np = nvirt_npolicy_find(req->net, cfg->policy_name);
	if (!np) {
		NL_SET_ERR_MSG_FMT(req->extack, "No such policy %s",
				   cfg->policy_name);
		err = -ENOENT;
	} else if (np->pool[0]) {
		strscpy(cfg->pool_name, np->pool, sizeof(cfg->pool_name));
		__set_bit(NVIRT_CFG_POOL_NAME, &cfg->set);
	}
	rtnl_unlock();
	return err;
}

/**
 * nvirt_req_vif_new() - create a VIF, or plan one in a dry run
 * @req: the request: @req->name, @req->cfg, and @req->parent to find
 *	the parent
 *
 * @req->reply gets the new VIF and the plan it was placed by; in a dry
 * run, no VIF and the plan, also when the plan refused the request.
 *
 * Context: RTNL not held.
 * Return: 0, or a negative errno with the reason in @req->extack.
 */
int nvirt_req_vif_new(struct nvirt_req *req)
{
	unsigned int flags = (req->dry_run ? NVIRT_PLACE_DRY_RUN : 0) |
			     (req->moved ? NVIRT_PLACE_MOVED : 0);
	struct nvirt_placement *pl;
	struct pci_dev *pdev = NULL;
	struct net_device *parent;
	struct nvirt_vif *vif;
	int err;

	err = nvirt_req_policy_pool(req);
	if (err)
		return err;
	pl = kzalloc(sizeof(*pl), GFP_KERNEL);
	if (!pl)
		return -ENOMEM;
	if (req->cfg->pool_name[0]) {
		req->choice = kzalloc(sizeof(*req->choice), GFP_KERNEL);
		if (!req->choice) {
			kfree(pl);
			return -ENOMEM;
		}
	}
	if (!req->dry_run)
		pdev = nvirt_req_prepare(req, true, &flags, pl);

	rtnl_lock();
	parent = nvirt_req_new_parent(req);
	err = PTR_ERR_OR_ZERO(parent);
	if (!err)
		err = nvirt_vif_new(req->net, req->name, parent, req->cfg,
				    flags, pl, req->extack);
	/* A plan on a NIC chosen from a pool says why that one. */
	if (!IS_ERR(parent) && req->choice && req->choice->chosen.code)
		nvirt_pool_explain(&pl->plan, req->choice);
	if (req->dry_run && (!err || nvirt_req_refused(req, pl, err))) {
		err = nvirt_req_reply(req, NULL, parent, &pl->plan);
	} else if (err > 0) {
		vif = nvirt_vif_find(req->net, err, NULL);
		if (vif->vfio)
			vif = nvirt_req_vfio_take(req, vif, NULL);
		err = PTR_ERR_OR_ZERO(vif);
		if (!err)
			err = nvirt_req_reply(req, vif, vif->parent,
					      &pl->plan);
	}
	rtnl_unlock();

	if (!req->dry_run)
		nvirt_req_end(pdev);
	kfree(req->choice);
	req->choice = NULL;
	kfree(pl);
	return err;
}

/**
 * nvirt_req_vif_set() - change a VIF, or plan a change in a dry run
 * @req: the request: @req->cfg, and @req->vif to find the VIF
 *
 * @req->reply gets the VIF and the plan, also when a dry run's plan
 * refused the request.
 *
 * Context: RTNL not held.
 * Return: 0, or a negative errno with the reason in @req->extack.
 */
int nvirt_req_vif_set(struct nvirt_req *req)
{
	unsigned int flags = req->dry_run ? NVIRT_PLACE_DRY_RUN : 0;
	struct nvirt_req_undo *undo = NULL;
	struct nvirt_placement *pl;
	struct pci_dev *pdev = NULL;
	struct nvirt_vif *vif;
	bool left = false;
	int err;

	pl = kzalloc(sizeof(*pl), GFP_KERNEL);
	if (!pl)
		return -ENOMEM;
	if (!req->dry_run) {
		pdev = nvirt_req_prepare(req, false, &flags, pl);
		err = nvirt_req_vfio_leave(req, pl);
		if (err < 0)
			goto out_end;
		left = err;
	}

	rtnl_lock();
	vif = req->vif(req);
	err = PTR_ERR_OR_ZERO(vif);
	if (!err && !req->dry_run && !vif->vfio &&
	    nvirt_req_attaches(req, NVIRT_ATTACH_VFIO)) {
		undo = nvirt_req_undo_new(req, vif);
		err = PTR_ERR_OR_ZERO(undo);
		if (err)
			undo = NULL;
	}
	if (!err)
		err = nvirt_vif_set(vif, req->cfg, flags, pl,
				    NVIRT_CAUSE_REQUEST, req->extack);
	if (!err && undo && vif->vfio && vif->dev) {
		vif = nvirt_req_vfio_take(req, vif, undo);
		err = PTR_ERR_OR_ZERO(vif);
	} else if (err && left && !IS_ERR(vif)) {
		nvirt_req_vfio_return(req, vif, pl);
	}
	if (!IS_ERR(vif) && (!err || nvirt_req_refused(req, pl, err)))
		err = nvirt_req_reply(req, vif, vif->parent, &pl->plan);
	rtnl_unlock();
	nvirt_req_undo_free(undo);

out_end:
	if (!req->dry_run)
		nvirt_req_end(pdev);
	kfree(pl);
	return err;
}

/**
 * nvirt_req_vif_del() - delete a VIF
 * @req: the request: @req->vif to find the VIF
 *
 * A VF handed to VFIO goes back to its driver before the reply; while a
 * VM has it open, the request is refused.
 *
 * Context: RTNL not held.
 * Return: 0, or a negative errno with the reason in @req->extack.
 */
int nvirt_req_vif_del(struct nvirt_req *req)
{
	struct nvirt_vif *vif;
	int err;

	err = nvirt_req_vfio_idle(req);
	if (err)
		return err;
	rtnl_lock();
	vif = req->vif(req);
	err = PTR_ERR_OR_ZERO(vif);
	if (!err)
		err = nvirt_vif_del(vif, NVIRT_CAUSE_REQUEST, req->extack);
	rtnl_unlock();
	nvirt_req_end(NULL);
	return err;
}

/**
 * nvirt_req_vif_explain() - plan a VIF again as it is, changing nothing
 * @req: the request: @req->vif to find the VIF
 *
 * @req->reply gets the VIF and the plan its settings would have now,
 * taking no other VIF's hardware; a refusal is a plan too.
 *
 * Context: RTNL not held.
 * Return: 0, or a negative errno with the reason in @req->extack.
 */
int nvirt_req_vif_explain(struct nvirt_req *req)
{
	struct nvirt_placement *pl;
	struct nvirt_vif *vif;
	int err;

	pl = kzalloc(sizeof(*pl), GFP_KERNEL);
	if (!pl)
		return -ENOMEM;
	rtnl_lock();
	vif = req->vif(req);
	err = PTR_ERR_OR_ZERO(vif);
	if (!err) {
		nvirt_place(vif->parent, vif, &vif->cfg,
			    NVIRT_PLACE_DRY_RUN | NVIRT_PLACE_NO_DISPLACE, pl,
			    NULL);
		err = nvirt_req_reply(req, vif, vif->parent, &pl->plan);
	}
	rtnl_unlock();
	kfree(pl);
	return err;
}

/**
 * nvirt_req_policy_new() - add a named policy
 * @req: the request: @req->name and @req->cfg
 *
 * Context: RTNL not held.
 * Return: 0, or a negative errno with the reason in @req->extack.
 */
int nvirt_req_policy_new(struct nvirt_req *req)
{
	int err;

	rtnl_lock();
	err = nvirt_npolicy_new(req->net, req->name, req->cfg, req->extack);
	rtnl_unlock();
	nvirt_req_end(NULL);
	return err;
}

/* Change or delete the named policy a request names. */
static int nvirt_req_policy(struct nvirt_req *req, bool del)
{
	struct nvirt_npolicy *np;
	int err;

	rtnl_lock();
	np = req->policy(req);
	err = PTR_ERR_OR_ZERO(np);
	if (!err)
		err = del ? nvirt_npolicy_del(req->net, np, req->extack) :
			    nvirt_npolicy_set(req->net, np, req->cfg,
					      req->extack);
	rtnl_unlock();
	nvirt_req_end(NULL);
	return err;
}

/**
 * nvirt_req_policy_set() - change a named policy and the VIFs following it
 * @req: the request: @req->cfg, and @req->policy to find the policy
 *
 * Context: RTNL not held.
 * Return: 0, or a negative errno with the reason in @req->extack.
 */
int nvirt_req_policy_set(struct nvirt_req *req)
{
	return nvirt_req_policy(req, false);
}

/**
 * nvirt_req_policy_del() - remove a named policy no VIF follows
 * @req: the request: @req->policy to find the policy
 *
 * Context: RTNL not held.
 * Return: 0, or a negative errno with the reason in @req->extack.
 */
int nvirt_req_policy_del(struct nvirt_req *req)
{
	return nvirt_req_policy(req, true);
}

/**
 * nvirt_req_pool_new() - add a pool of NICs
 * @req: the request: @req->name and @req->pool_cfg
 *
 * Context: RTNL not held.
 * Return: 0, or a negative errno with the reason in @req->extack.
 */
int nvirt_req_pool_new(struct nvirt_req *req)
{
	int err;

	rtnl_lock();
	err = nvirt_pool_new(req->net, req->name, req->pool_cfg, req->extack);
	rtnl_unlock();
	return err;
}

/* Change or delete the pool a request names. */
static int nvirt_req_pool(struct nvirt_req *req, bool del)
{
	struct nvirt_pool *pool;
	int err;

	rtnl_lock();
	pool = req->pool(req);
	err = PTR_ERR_OR_ZERO(pool);
	if (!err)
		err = del ? nvirt_pool_del(req->net, pool, req->extack) :
			    nvirt_pool_set(req->net, pool, req->pool_cfg,
					   req->extack);
	rtnl_unlock();
	return err;
}

/**
 * nvirt_req_pool_set() - replace a pool's NICs
 * @req: the request: @req->pool_cfg, and @req->pool to find the pool
 *
 * Context: RTNL not held.
 * Return: 0, or a negative errno with the reason in @req->extack.
 */
int nvirt_req_pool_set(struct nvirt_req *req)
{
	return nvirt_req_pool(req, false);
}

/**
 * nvirt_req_pool_del() - remove a pool no VIF was made from
 * @req: the request: @req->pool to find the pool
 *
 * Context: RTNL not held.
 * Return: 0, or a negative errno with the reason in @req->extack.
 */
int nvirt_req_pool_del(struct nvirt_req *req)
{
	return nvirt_req_pool(req, true);
}

/**
 * nvirt_req_nic_verify() - test what a NIC declares, or forget it
 * @req: the request: @req->parent to find the NIC, @req->forget
 *
 * Makes a VIF for the test (a VF), through the same path as any.
 *
 * Context: RTNL not held; takes seconds.
 * Return: 0, or a negative errno with the reason in @req->extack; on
 * success @req->extack says what was found.
 */
int nvirt_req_nic_verify(struct nvirt_req *req)
{
	struct net_device *dev;
	int ifindex;

	rtnl_lock();
	dev = req->parent(req);
	ifindex = IS_ERR(dev) ? PTR_ERR(dev) : dev->ifindex;
	rtnl_unlock();
	if (ifindex < 0)
		return ifindex;
	return nvirt_verify(req->net, ifindex, req->forget, req->extack);
}
