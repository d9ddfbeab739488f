// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the vf backend, a VIF realized by an SR-IOV virtual function.
 *
 * The VF is configured through its PF (vf-prog.c), as "ip link set PF
 * vf N ..." does, and its netdev becomes the VIF: renamed, given the MTU
 * (its alias, as modules cannot rename netdevs) and moved to the namespace
 * asked for. Releasing it brings the netdev home and restores its MTU and
 * the VF's defaults. Handed to VFIO (attach vfio, vfio.c), the VF's
 * netdev goes with its driver; given back, the VIF takes the new one its
 * driver makes, as it took the first.
 *
 * VFs are enabled through the PF's driver when a VIF needs one and none is
 * enabled, and disabled again when the last VIF on them goes, if nvirt was
 * the one that enabled them. That runs without RTNL (the VFs' drivers take
 * it to register their netdevs), under nvirt_pf_lock and the PF's device
 * lock, in that order. With no udev to load the VFs' driver, nvirt asks
 * for it by the VFs' modalias, as udev would.
 *
 * Nothing is placed on VFs that are being disabled: the PF is marked so
 * under RTNL, in the same hold that found no VIF on them, and placement
 * (under RTNL, from requests and from the rebalancing work) leaves them
 * alone.
 */

#include <linux/etherdevice.h>
#include <linux/if_link.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "caps.h"
#include "vf-prog.h"
#include "vf.h"
#include "vfio.h"
#include "vif.h"

/**
 * struct nvirt_pf - an SR-IOV PF nvirt has enabled VFs on
 * @pdev: the PF's device, held
 * @list: in nvirt_pfs
 * @pending: requests between enabling VFs and creating their VIF; under
 *	nvirt_pf_lock
 * @disabling: its VFs are being disabled; changed under nvirt_pf_lock
 *	and RTNL, read under either
 */
struct nvirt_pf {
	struct pci_dev *pdev;
	struct list_head list;
	unsigned int pending;
	bool disabling;
};

/*
 * Protects each PF's VF count changes; taken before RTNL. nvirt_pfs is
 * changed under it and RTNL, and read under either.
 */
static DEFINE_MUTEX(nvirt_pf_lock);
static LIST_HEAD(nvirt_pfs);

/* The VIFs' and placement's, set by nvirt_vf_init() before any request. */
static const struct nvirt_vf_owner *nvirt_vf_owner;

static void nvirt_vf_settle_all(struct work_struct *work);
static DECLARE_WORK(nvirt_vf_settle_work, nvirt_vf_settle_all);

static struct pci_dev *nvirt_vf_pf(const struct net_device *parent)
{
	struct device *d = parent->dev.parent;
	struct pci_dev *pdev;

	if (!d || !dev_is_pci(d))
		return NULL;
	pdev = to_pci_dev(d);
	return pdev->is_physfn && pci_sriov_get_totalvfs(pdev) ? pdev : NULL;
}

/**
 * nvirt_vf_pf_get() - the SR-IOV PF behind a NIC
 * @parent: the NIC
 *
 * Context: RTNL held.
 * Return: its PCI device, held, or NULL when it is no SR-IOV PF.
 */
struct pci_dev *nvirt_vf_pf_get(struct net_device *parent)
{
	return pci_dev_get(nvirt_vf_pf(parent));
}

/* Context: nvirt_pf_lock or RTNL held. */
static struct nvirt_pf *nvirt_pf_find(struct pci_dev *pdev)
{
	struct nvirt_pf *pf;

	list_for_each_entry(pf, &nvirt_pfs, list)
		if (pf->pdev == pdev)
			return pf;
	return NULL;
}

/* Whether nvirt is disabling a PF's VFs. Context: RTNL held. */
static bool nvirt_pf_disabling(struct pci_dev *pdev)
{
	struct nvirt_pf *pf;

	ASSERT_RTNL();
	pf = nvirt_pf_find(pdev);
	return pf && pf->disabling;
}

/* Ask the PF's driver for @num VFs. */
static int nvirt_vf_configure(struct pci_dev *pdev, int num)
{
	struct pci_driver *drv;
	int ret;

	lockdep_assert_held(&nvirt_pf_lock);
	device_lock(&pdev->dev);
	drv = pdev->dev.driver ? to_pci_driver(pdev->dev.driver) : NULL;
	if (!drv || !drv->sriov_configure)
		ret = -EOPNOTSUPP;
	else if (num && pci_num_vf(pdev))
		ret = 0;
	else
		ret = drv->sriov_configure(pdev, num);
	device_unlock(&pdev->dev);
	return ret < 0 ? ret : 0;
}

/*
 * Nothing loads the VFs' driver on a host without udev: ask for the one
 * the first VF without a driver wants, by its modalias, as udev would.
 * Loaded, it binds every VF it serves.
 */
static void nvirt_vf_load_driver(struct pci_dev *pdev)
{
	struct pci_dev *vf = NULL;

	for_each_pci_dev(vf) {
		if (!vf->is_virtfn || pci_physfn(vf) != pdev ||
		    READ_ONCE(vf->dev.driver))
			continue;
		request_module("pci:v%08Xd%08Xsv%08Xsd%08Xbc%02Xsc%02Xi%02X",
			       vf->vendor, vf->device, vf->subsystem_vendor,
			       vf->subsystem_device, (u8)(vf->class >> 16),
			       (u8)(vf->class >> 8), (u8)vf->class);
		pci_dev_put(vf);
		return;
	}
}

/**
 * nvirt_vf_prepare() - have VFs on a PF before creating a VIF on one
 * @pdev: the PF
 * @extack: why it failed
 *
 * Enables all the VFs the PF can have when none is enabled. When it
 * returns NVIRT_VF_HELD or NVIRT_VF_ENABLED, the VFs stay until
 * nvirt_vf_settle() is called, once the VIF is created or not.
 *
 * Context: RTNL not held.
 * Return: NVIRT_VF_FOREIGN when the VFs are someone else's (nothing
 * held), NVIRT_VF_HELD, NVIRT_VF_ENABLED when it just enabled them, or a
 * negative errno.
 */
int nvirt_vf_prepare(struct pci_dev *pdev, struct netlink_ext_ack *extack)
{
	int err = NVIRT_VF_HELD;
	struct nvirt_pf *pf;

	mutex_lock(&nvirt_pf_lock);
	pf = nvirt_pf_find(pdev);
	if (!pf) {
		err = NVIRT_VF_FOREIGN;
		if (pci_num_vf(pdev))
			goto out_unlock;
		pf = kzalloc(sizeof(*pf), GFP_KERNEL);
		if (!pf) {
			err = -ENOMEM;
			goto out_unlock;
		}
		err = nvirt_vf_configure(pdev, pci_sriov_get_totalvfs(pdev));
		if (err) {
			NL_SET_ERR_MSG_FMT(extack, "%s: its driver did not enable VFs (%d)",
					   pci_name(pdev), err);
			kfree(pf);
			goto out_unlock;
		}
		nvirt_vf_load_driver(pdev);
		pf->pdev = pci_dev_get(pdev);
		rtnl_lock();
		list_add(&pf->list, &nvirt_pfs);
		rtnl_unlock();
		err = NVIRT_VF_ENABLED;
	}
	pf->pending++;
out_unlock:
	mutex_unlock(&nvirt_pf_lock);
	return err;
}

/*
 * Disable the VFs nvirt enabled on a PF once no VIF and no request needs
 * them. Marked disabling in the RTNL hold that found no VIF on them, the
 * VFs get none until they are gone.
 */
static void nvirt_pf_settle(struct nvirt_pf *pf)
{
	lockdep_assert_held(&nvirt_pf_lock);
	if (pf->pending)
		return;
	rtnl_lock();
	pf->disabling = !nvirt_vf_owner->uses_pf(pf->pdev);
	rtnl_unlock();
	if (!pf->disabling)
		return;
	nvirt_vf_configure(pf->pdev, 0);
	rtnl_lock();
	list_del(&pf->list);
	rtnl_unlock();
	/* The PF may have its queues back (igb): VIFs can have them. */
	nvirt_vf_owner->pf_changed();
	pci_dev_put(pf->pdev);
	kfree(pf);
}

/**
 * nvirt_vf_settle() - end what nvirt_vf_prepare() began
 * @pdev: the PF, on which nvirt_vf_prepare() held VFs
 *
 * Context: RTNL not held.
 */
void nvirt_vf_settle(struct pci_dev *pdev)
{
	struct nvirt_pf *pf;

	mutex_lock(&nvirt_pf_lock);
	pf = nvirt_pf_find(pdev);
	if (!WARN_ON_ONCE(!pf || !pf->pending)) {
		pf->pending--;
		nvirt_pf_settle(pf);
	}
	mutex_unlock(&nvirt_pf_lock);
}

static void nvirt_vf_settle_all(struct work_struct *work)
{
	struct nvirt_pf *pf, *tmp;

	mutex_lock(&nvirt_pf_lock);
	list_for_each_entry_safe(pf, tmp, &nvirt_pfs, list)
		nvirt_pf_settle(pf);
	mutex_unlock(&nvirt_pf_lock);
}

struct nvirt_vf_pick {
	struct net_device *parent;
	struct net_device *dev;
	int index;
	unsigned int free;
	unsigned int unbound;
	u32 pci_id;
	bool count;
};

/* A VF is free when its netdev is here, down and no VIF's. */
static int nvirt_vf_pick_one(const struct nvirt_vf *vf, void *arg)
{
	struct nvirt_vf_pick *pick = arg;
	struct net_device *dev;

	if (!vf->bound) {
		pick->unbound++;
		pick->pci_id = vf->pci_id;
	}
	if (!vf->ifindex)
		return 0;
	dev = __dev_get_by_index(dev_net(pick->parent), vf->ifindex);
	if (!dev || (dev->flags & IFF_UP) || nvirt_vf_owner->vif_of(dev))
		return 0;
	/* Back from VFIO, its netdev is its VIF's again soon. */
	if (nvirt_vf_owner->has_vf(nvirt_vf_pf(pick->parent), vf->index))
		return 0;
	if (!pick->free++) {
		pick->dev = dev;
		pick->index = vf->index;
	}
	return !pick->count;
}

static struct net_device *nvirt_vf_find_free(struct net_device *parent,
					     int *index)
{
	struct nvirt_vf_pick pick = { .parent = parent };
	struct pci_dev *pdev = nvirt_vf_pf(parent);

	if (!pdev || nvirt_pf_disabling(pdev))
		return NULL;
	nvirt_caps_walk_vfs(parent, nvirt_vf_pick_one, &pick);
	*index = pick.index;
	return pick.dev;
}

/*
 * The free VFs of @parent with a netdev, or, with @may_enable, those
 * nvirt would enable when none is; and the enabled VFs no driver serves.
 */
static void nvirt_vf_room(struct net_device *parent, bool may_enable,
			  struct nvirt_room *room)
{
	struct nvirt_vf_pick pick = { .parent = parent, .count = true };
	struct pci_dev *pdev = nvirt_vf_pf(parent);

	ASSERT_RTNL();
	if (!pdev)
		return;
	/* VFs being disabled are as good as none: a request enables them. */
	if (!pci_num_vf(pdev) || nvirt_pf_disabling(pdev)) {
		if (may_enable)
			room->free = pci_sriov_get_totalvfs(pdev);
		return;
	}
	nvirt_caps_walk_vfs(parent, nvirt_vf_pick_one, &pick);
	room->free = pick.free;
	room->unbound = pick.unbound;
	room->pci_id = pick.pci_id;
}

/* Knobs a setting needs when it is in effect. */
static int nvirt_vf_check(struct net_device *parent,
			  const struct nvirt_vif_cfg *cfg, u8 *enforce,
			  struct netlink_ext_ack *extack)
{
	static const struct {
		u8 setting;
		u8 knob;
		const char *what;
	} needs[] = {
		{ NVIRT_SETTING_MAC, NVIRT_KNOB_VF_MAC, "set a VF's MAC" },
		{ NVIRT_SETTING_VLAN, NVIRT_KNOB_VF_VLAN, "confine a VF to a VLAN" },
		{ NVIRT_SETTING_MAX_RATE, NVIRT_KNOB_VF_MAX_RATE, "limit a VF's rate" },
		{ NVIRT_SETTING_MIN_RATE, NVIRT_KNOB_VF_MIN_RATE, "guarantee a VF's rate" },
		{ NVIRT_SETTING_SPOOFCHK, NVIRT_KNOB_VF_SPOOFCHK, "spoof-check a VF" },
		{ NVIRT_SETTING_TRUST, NVIRT_KNOB_VF_TRUST, "trust a VF" },
		{ NVIRT_SETTING_LINK_STATE, NVIRT_KNOB_VF_LINK_STATE, "force a VF's link" },
	};
	struct nvirt_caps *caps;
	u8 in_effect[NVIRT_SETTING_MAX + 1];
	int i, err = 0;

	if (!nvirt_vf_pf(parent)) {
		NL_SET_ERR_MSG_FMT(extack, "%s has no SR-IOV VFs", parent->name);
		return -EOPNOTSUPP;
	}
	if (cfg->attach == NVIRT_ATTACH_TAP) {
		NL_SET_ERR_MSG(extack,
			       "a VF cannot be attached as a tap: its netdev is its driver's");
		return -EOPNOTSUPP;
	}
	caps = kmalloc(sizeof(*caps), GFP_KERNEL);
	if (!caps)
		return -ENOMEM;
	nvirt_caps_probe(parent, caps);

	memset(in_effect, 1, sizeof(in_effect));
	in_effect[NVIRT_SETTING_VLAN] = !!cfg->vlan;
	in_effect[NVIRT_SETTING_MAX_RATE] = !!cfg->max_rate;
	in_effect[NVIRT_SETTING_MIN_RATE] = !!cfg->min_rate;
	in_effect[NVIRT_SETTING_SPOOFCHK] = cfg->spoofchk;
	in_effect[NVIRT_SETTING_TRUST] = cfg->trust;
	in_effect[NVIRT_SETTING_LINK_STATE] =
		cfg->link_state != NVIRT_LINK_STATE_AUTO;

	for (i = 0; i < ARRAY_SIZE(needs); i++) {
		if (in_effect[needs[i].setting] &&
		    caps->knob[needs[i].knob].support != NVIRT_SUPPORT_HARDWARE) {
			NL_SET_ERR_MSG_FMT(extack, "%s cannot %s", parent->name,
					   needs[i].what);
			err = -EOPNOTSUPP;
			goto out_free_caps;
		}
	}
	if (cfg->vlan && cfg->vlan_proto == NVIRT_VLAN_PROTO_8021AD &&
	    caps->knob[NVIRT_KNOB_VF_VLAN_PROTO].support != NVIRT_SUPPORT_HARDWARE) {
		NL_SET_ERR_MSG_FMT(extack, "%s cannot use 802.1ad for a VF's VLAN",
				   parent->name);
		err = -EOPNOTSUPP;
		goto out_free_caps;
	}
	for (i = 0; i <= NVIRT_SETTING_MAX; i++)
		enforce[i] = NVIRT_SUPPORT_HARDWARE;
	/* Given to VFIO, the VF's MTU is its guest driver's to set. */
	if (cfg->attach == NVIRT_ATTACH_VFIO)
		enforce[NVIRT_SETTING_MTU] = 0;

out_free_caps:
	kfree(caps);
	return err;
}

/*
 * VF drivers learn a MAC the PF set only when reloaded (igbvf), and igb
 * refuses a VF's own request once the PF set one: clear the PF's, tell
 * the VF's netdev, then the PF programs it again and enforces it.
 */
static void nvirt_vf_guest_mac(struct net_device *pf, int vf,
			       struct net_device *dev, const u8 *mac)
{
	struct sockaddr sa = { .sa_family = dev->type };
	u8 zero[ETH_ALEN] = {};

	if (ether_addr_equal(dev->dev_addr, mac))
		return;
	pf->netdev_ops->ndo_set_vf_mac(pf, vf, zero);
	ether_addr_copy(sa.sa_data, mac);
	if (dev_set_mac_address(dev, &sa, NULL))
		netdev_warn(dev, "keeps its MAC; the PF sets %pM\n", mac);
}

/* The VF of @dev, for attach vfio: its own PCI device. */
static int nvirt_vf_vfio_new(struct nvirt_vif *vif, struct net_device *dev,
			     struct netlink_ext_ack *extack)
{
	struct device *d = dev->dev.parent;

	if (!d || !dev_is_pci(d) || !to_pci_dev(d)->is_virtfn) {
		NL_SET_ERR_MSG_FMT(extack, "VF %d of %s is no PCI device of its own",
				   vif->vf, vif->parent->name);
		return -EOPNOTSUPP;
	}
	vif->vfio = nvirt_vfio_new(to_pci_dev(d));
	return vif->vfio ? 0 : -ENOMEM;
}

/*
 * The VIF takes @dev, its VF's netdev, with its settings: the PF's from
 * @from to them, the VIF's name as the netdev's alias, its MTU, and the
 * VF for VFIO when it is to go there. Undone on error.
 */
static int nvirt_vf_take(struct nvirt_vif *vif, struct net_device *dev,
			 const struct nvirt_vif_cfg *from,
			 struct netlink_ext_ack *extack)
{
	struct net_device *parent = vif->parent;
	int vf = vif->vf;
	u8 mac[ETH_ALEN];
	int err;

	vif->orig_mtu = dev->mtu;
	ether_addr_copy(mac, dev->dev_addr);
	nvirt_vf_guest_mac(parent, vf, dev, vif->cfg.mac);
	err = nvirt_vf_program(parent, vf, from, &vif->cfg, true, extack);
	if (err)
		goto err_restore_mac;
	/*
	 * Modules cannot rename a netdev (dev_change_name() is not exported):
	 * the VF keeps its name and carries the VIF's as its alias.
	 */
	err = dev_set_alias(dev, vif->name, strlen(vif->name));
	if (err < 0)
		goto err_restore_vf;
	err = dev_set_mtu(dev, vif->cfg.mtu);
	if (err) {
		NL_SET_ERR_MSG_FMT(extack, "%s refused mtu %u", dev->name,
				   vif->cfg.mtu);
		goto err_restore_alias;
	}
	if (vif->cfg.attach == NVIRT_ATTACH_VFIO) {
		err = nvirt_vf_vfio_new(vif, dev, extack);
		if (err)
			goto err_restore_mtu;
	}
	vif->dev = dev;
	return 0;

err_restore_mtu:
	dev_set_mtu(dev, vif->orig_mtu);
err_restore_alias:
	dev_set_alias(dev, "", 0);
err_restore_vf:
	nvirt_vf_program(parent, vf, &vif->cfg, from, true, NULL);
err_restore_mac:
	nvirt_vf_guest_mac(parent, vf, dev, mac);
	return err;
}

static int nvirt_vf_create(struct nvirt_vif *vif,
			   struct netlink_ext_ack *extack)
{
	struct net_device *parent = vif->parent;
	struct net_device *dev;
	int err;

	ASSERT_RTNL();
	dev = nvirt_vf_find_free(parent, &vif->vf);
	if (!dev) {
		NL_SET_ERR_MSG_FMT(extack,
				   "%s has no free VF (a VIF, up, or no VF driver)",
				   parent->name);
		return -ENOSPC;
	}
	vif->pdev = pci_dev_get(nvirt_vf_pf(parent));
	err = nvirt_vf_take(vif, dev, &nvirt_vf_defaults, extack);
	if (err) {
		pci_dev_put(vif->pdev);
		vif->pdev = NULL;
	}
	return err;
}

/* The netdev of VF @index of @parent, or NULL. */
struct nvirt_vf_netdev {
	struct net_device *parent;
	int index;
	struct net_device *dev;
};

static int nvirt_vf_netdev_one(const struct nvirt_vf *vf, void *arg)
{
	struct nvirt_vf_netdev *find = arg;

	if (vf->index != find->index || !vf->ifindex)
		return 0;
	find->dev = __dev_get_by_index(dev_net(find->parent), vf->ifindex);
	return 1;
}

/*
 * A VF back from VFIO, its driver's again with a new netdev: the VIF
 * takes that one as it took the first, the PF's settings as they were.
 */
static int nvirt_vf_reclaim(struct nvirt_vif *vif,
			    struct netlink_ext_ack *extack)
{
	struct nvirt_vf_netdev find = {
		.parent = vif->parent,
		.index = vif->vf,
	};
	struct nvirt_vfio *v = vif->vfio;
	int err;

	ASSERT_RTNL();
	nvirt_caps_walk_vfs(vif->parent, nvirt_vf_netdev_one, &find);
	if (!find.dev) {
		NL_SET_ERR_MSG_FMT(extack,
				   "VF %s came back from VFIO without a netdev",
				   nvirt_vfio_pci(v));
		return -ENODEV;
	}
	vif->vfio = NULL;
	err = nvirt_vf_take(vif, find.dev, &vif->cfg, extack);
	if (err) {
		vif->vfio = v;
		return err;
	}
	nvirt_vfio_put(v);
	return 0;
}

/* A VF handed to VFIO: only the PF is nvirt's to program. */
static int nvirt_vf_apply_vfio(struct nvirt_vif *vif,
			       const struct nvirt_vif_cfg *cfg,
			       struct netlink_ext_ack *extack)
{
	if (cfg->mtu != vif->cfg.mtu) {
		NL_SET_ERR_MSG_FMT(extack,
				   "VF %s is its VM's (VFIO): the guest sets its MTU",
				   nvirt_vfio_pci(vif->vfio));
		return -EOPNOTSUPP;
	}
	return nvirt_vf_program(vif->parent, vif->vf, &vif->cfg, cfg, false,
				extack);
}

/*
 * What the PF alone sees goes first, as it may refuse (igb: a rate above
 * its link speed) and the guest then saw nothing; then the MTU the VF's
 * driver may refuse; the MAC last, which the guest's netdev takes too.
 */
static int nvirt_vf_apply(struct nvirt_vif *vif,
			  const struct nvirt_vif_cfg *cfg,
			  struct netlink_ext_ack *extack)
{
	bool new_mac = !ether_addr_equal(vif->cfg.mac, cfg->mac);
	struct net_device *parent = vif->parent;
	struct nvirt_vif_cfg *mid;
	unsigned int mtu;
	int err;

	ASSERT_RTNL();
	if (!vif->dev)
		return nvirt_vf_apply_vfio(vif, cfg, extack);
	mtu = vif->dev->mtu;
	/* @cfg on the PF, but for the MAC. */
	mid = kmemdup(cfg, sizeof(*cfg), GFP_KERNEL);
	if (!mid)
		return -ENOMEM;
	/* Handed to VFIO after this, by the request (attach vfio). */
	if (cfg->attach == NVIRT_ATTACH_VFIO && !vif->vfio) {
		err = nvirt_vf_vfio_new(vif, vif->dev, extack);
		if (err)
			goto out_free;
	}
	ether_addr_copy(mid->mac, vif->cfg.mac);
	err = nvirt_vf_program(parent, vif->vf, &vif->cfg, mid, false, extack);
	if (err)
		goto out_free;
	if (cfg->mtu != mtu) {
		err = dev_set_mtu(vif->dev, cfg->mtu);
		if (err) {
			NL_SET_ERR_MSG_FMT(extack, "%s refused mtu %u",
					   vif->dev->name, cfg->mtu);
			goto err_undo_pf;
		}
	}
	if (new_mac) {
		nvirt_vf_guest_mac(parent, vif->vf, vif->dev, cfg->mac);
		err = nvirt_vf_program(parent, vif->vf, mid, cfg, true, extack);
		if (err)
			goto err_undo_mac;
	}
	goto out_free;

err_undo_mac:
	/* The PF has @mid back; the VF netdev its MAC. */
	nvirt_vf_guest_mac(parent, vif->vf, vif->dev, vif->cfg.mac);
	nvirt_vf_program_mac(parent, vif->vf, &vif->cfg);
	if (cfg->mtu != mtu)
		dev_set_mtu(vif->dev, mtu);
err_undo_pf:
	nvirt_vf_program(parent, vif->vf, mid, &vif->cfg, false, NULL);
out_free:
	/* Made for this change, which failed: never handed over. */
	if (err && vif->vfio && vif->cfg.attach != NVIRT_ATTACH_VFIO) {
		nvirt_vfio_put(vif->vfio);
		vif->vfio = NULL;
	}
	kfree(mid);
	return err;
}

/* Give the VF back as it was found: home, at its defaults. */
static void nvirt_vf_destroy(struct nvirt_vif *vif)
{
	struct net_device *parent = vif->parent;
	struct net_device *dev = vif->dev;
	struct net *home;

	ASSERT_RTNL();
	/* Not into a namespace being deleted: it would not see the VF. */
	home = dev_net(parent);
	if (!check_net(home))
		home = &init_net;
	if (dev && dev->reg_state == NETREG_REGISTERED) {
		if (!net_eq(dev_net(dev), home))
			dev_change_net_namespace(dev, home, "eth%d");
		dev_close(dev);
		dev_set_alias(dev, "", 0);
		dev_set_mtu(dev, vif->orig_mtu);
	}
	if (parent->reg_state == NETREG_REGISTERED)
		nvirt_vf_program(parent, vif->vf, &vif->cfg, &nvirt_vf_defaults,
				 true, NULL);
	pci_dev_put(vif->pdev);
	vif->pdev = NULL;
	/* Back to its own driver, once the requests handing it over let go. */
	nvirt_vfio_put(vif->vfio);
	vif->vfio = NULL;
	/* The VFs may have served their last VIF. */
	queue_work(system_wq, &nvirt_vf_settle_work);
}

/* What the guest's VF netdev counts; drops in the NIC when it says. */
static void nvirt_vf_stats(struct nvirt_vif *vif, struct nvirt_vif_stats *stats)
{
	const struct net_device_ops *ops = vif->parent->netdev_ops;
	struct ifla_vf_stats vs;

	memset(&vs, 0, sizeof(vs));
	if (!ops->ndo_get_vf_stats ||
	    ops->ndo_get_vf_stats(vif->parent, vif->vf, &vs))
		return;
	stats->rx_dropped += vs.rx_dropped;
	stats->tx_dropped += vs.tx_dropped;
	/* Handed to VFIO, the VF has no netdev here to count the rest. */
	if (!vif->dev) {
		stats->rx_packets = vs.rx_packets;
		stats->rx_bytes = vs.rx_bytes;
		stats->tx_packets = vs.tx_packets;
		stats->tx_bytes = vs.tx_bytes;
	}
}

/* The VFIO group a VM opens, once the VF is vfio-pci's. */
static void nvirt_vf_path(struct nvirt_vif *vif, char *buf, size_t size)
{
	if (!vif->dev && vif->vfio)
		nvirt_vfio_path(vif->vfio, buf, size);
}

/* What QEMU assigns: the VF given to VFIO. */
static const char *nvirt_vf_pci(struct nvirt_vif *vif)
{
	return vif->vfio ? nvirt_vfio_pci(vif->vfio) : NULL;
}

const struct nvirt_backend_ops nvirt_vf_ops = {
	.check		= nvirt_vf_check,
	.create		= nvirt_vf_create,
	.apply		= nvirt_vf_apply,
	.destroy	= nvirt_vf_destroy,
	.stats		= nvirt_vf_stats,
	.path		= nvirt_vf_path,
	.pci		= nvirt_vf_pci,
	.reclaim	= nvirt_vf_reclaim,
	.room		= nvirt_vf_room,
};

/**
 * nvirt_vf_flush() - wait until VFs no VIF needs are given back to their
 * driver (from vfio-pci) or disabled
 */
void nvirt_vf_flush(void)
{
	nvirt_vfio_flush();
	flush_work(&nvirt_vf_settle_work);
}

/**
 * nvirt_vf_init() - start the vf backend
 * @owner: what it asks of the VIFs it serves and of placement
 */
void nvirt_vf_init(const struct nvirt_vf_owner *owner)
{
	nvirt_vf_owner = owner;
}

/**
 * nvirt_vf_exit() - disable the VFs nvirt enabled
 *
 * Context: no VIF is left.
 */
void nvirt_vf_exit(void)
{
	nvirt_vfio_flush();
	flush_work(&nvirt_vf_settle_work);
	nvirt_vf_settle_all(NULL);
}
