// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the table of VIFs, by id, by netdev and by parent.
 *
 * Changed under RTNL only: VIFs come and go, and change netdevs (another
 * backend, a VF handed to VFIO), under RTNL, and are looked up under it.
 */

#include <linux/hashtable.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/xarray.h>

#include "vif-table.h"
#include "vif.h"

/* Every VIF by id; changed under RTNL. */
static DEFINE_XARRAY_ALLOC1(nvirt_vifs);
/* Every VIF by its netdev and by its parent, for netdev events; RTNL. */
static DEFINE_HASHTABLE(nvirt_vifs_by_dev, 8);
static DEFINE_HASHTABLE(nvirt_vifs_by_parent, 8);
/* Bumped when a VIF comes or goes, for dump consistency; under RTNL. */
static unsigned int nvirt_vif_generation;

/**
 * nvirt_vif_find() - find a VIF of a namespace by id or name
 * @net: the namespace it is managed from
 * @id: its id, or 0
 * @name: its name, or NULL
 *
 * Context: RTNL held.
 * Return: the VIF matching all that is given, or NULL.
 */
struct nvirt_vif *nvirt_vif_find(struct net *net, u32 id, const char *name)
{
	struct nvirt_vif *vif;
	unsigned long i;

	ASSERT_RTNL();
	if (id) {
		vif = xa_load(&nvirt_vifs, id);
		if (!vif || !net_eq(dev_net(vif->parent), net) ||
		    (name && strcmp(vif->name, name)))
			return NULL;
		return vif;
	}
	xa_for_each(&nvirt_vifs, i, vif)
		if (net_eq(dev_net(vif->parent), net) && !strcmp(vif->name, name))
			return vif;
	return NULL;
}

/**
 * nvirt_vif_of() - the VIF a netdev realizes
 * @dev: the netdev
 *
 * Context: RTNL held.
 * Return: the VIF whose netdev @dev is, or NULL.
 */
struct nvirt_vif *nvirt_vif_of(const struct net_device *dev)
{
	struct nvirt_vif *vif;

	ASSERT_RTNL();
	hash_for_each_possible(nvirt_vifs_by_dev, vif, dev_node,
			       (unsigned long)dev)
		if (vif->dev == dev)
			return vif;
	return NULL;
}

/**
 * nvirt_vif_uses_pf() - whether a VIF is a VF of a PF
 * @pdev: the PF
 *
 * Context: RTNL held.
 * Return: true when a vf VIF is on @pdev.
 */
bool nvirt_vif_uses_pf(struct pci_dev *pdev)
{
	struct nvirt_vif *vif;
	unsigned long i;

	ASSERT_RTNL();
	xa_for_each(&nvirt_vifs, i, vif)
		if (vif->pdev == pdev)
			return true;
	return false;
}

/**
 * nvirt_vif_has_vf() - whether a VIF has a VF of a PF
 * @pdev: the PF
 * @index: the VF's index on it
 *
 * Context: RTNL held.
 * Return: true when a vf VIF has that VF, with its netdev or without
 * (handed to VFIO).
 */
bool nvirt_vif_has_vf(struct pci_dev *pdev, int index)
{
	struct nvirt_vif *vif;
	unsigned long i;

	ASSERT_RTNL();
	xa_for_each(&nvirt_vifs, i, vif)
		if (vif->pdev == pdev && vif->vf == index)
			return true;
	return false;
}

/**
 * nvirt_vif_next() - walk the VIFs of a namespace in id order
 * @net: the namespace they are managed from
 * @id: where to start; set to the returned VIF's id
 *
 * Context: RTNL held.
 * Return: the first VIF at or after *@id, or NULL at the end.
 */
struct nvirt_vif *nvirt_vif_next(struct net *net, unsigned long *id)
{
	struct nvirt_vif *vif;

	ASSERT_RTNL();
	xa_for_each_start(&nvirt_vifs, *id, vif, *id)
		if (net_eq(dev_net(vif->parent), net))
			return vif;
	return NULL;
}

/**
 * nvirt_vif_gen() - the generation of the VIF table
 *
 * Context: RTNL held.
 * Return: a number that changes whenever a VIF comes or goes.
 */
unsigned int nvirt_vif_gen(void)
{
	ASSERT_RTNL();
	return nvirt_vif_generation;
}

/**
 * nvirt_vif_table_add() - enter a new VIF, giving it its id
 * @vif: the VIF, with its netdev and parent
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno.
 */
int nvirt_vif_table_add(struct nvirt_vif *vif)
{
	int err;

	ASSERT_RTNL();
	err = xa_alloc(&nvirt_vifs, &vif->id, vif, xa_limit_31b, GFP_KERNEL);
	if (err)
		return err;
	hash_add(nvirt_vifs_by_dev, &vif->dev_node, (unsigned long)vif->dev);
	hash_add(nvirt_vifs_by_parent, &vif->parent_node,
		 (unsigned long)vif->parent);
	nvirt_vif_generation++;
	return 0;
}

/**
 * nvirt_vif_table_del() - take a VIF out
 * @vif: the VIF
 *
 * Context: RTNL held.
 */
void nvirt_vif_table_del(struct nvirt_vif *vif)
{
	ASSERT_RTNL();
	xa_erase(&nvirt_vifs, vif->id);
	hash_del(&vif->dev_node);
	hash_del(&vif->parent_node);
	nvirt_vif_generation++;
}

/**
 * nvirt_vif_table_set_dev() - give a VIF another netdev, or none
 * @vif: the VIF
 * @dev: its netdev now, or NULL (a VF handed to VFIO)
 *
 * Context: RTNL held.
 */
void nvirt_vif_table_set_dev(struct nvirt_vif *vif, struct net_device *dev)
{
	ASSERT_RTNL();
	hash_del(&vif->dev_node);
	vif->dev = dev;
	if (dev)
		hash_add(nvirt_vifs_by_dev, &vif->dev_node, (unsigned long)dev);
}

/**
 * nvirt_vif_each() - call a function for each VIF on a NIC
 * @parent: the NIC, or NULL for every VIF
 * @fn: the function; it may destroy the VIF it is given, and create or
 *	destroy no other
 * @arg: its argument
 *
 * VIFs being destroyed are left out.
 *
 * Context: RTNL held.
 */
void nvirt_vif_each(struct net_device *parent, nvirt_vif_fn fn, void *arg)
{
	struct hlist_node *tmp;
	struct nvirt_vif *vif;
	unsigned long id;

	ASSERT_RTNL();
	if (!parent) {
		xa_for_each(&nvirt_vifs, id, vif)
			if (!vif->dying)
				fn(vif, arg);
		return;
	}
	hash_for_each_possible_safe(nvirt_vifs_by_parent, vif, tmp,
				    parent_node, (unsigned long)parent)
		if (vif->parent == parent && !vif->dying)
			fn(vif, arg);
}
