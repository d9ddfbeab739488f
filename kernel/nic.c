// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the NICs of each network namespace.
 *
 * Every registered net_device gets a struct nvirt_nic in its namespace's
 * table, keyed by ifindex. The netdevice notifier creates and frees them;
 * register_netdevice_notifier() and its unregister counterpart replay the
 * devices that exist when the module loads and unloads, so the table never
 * misses one.
 */

#include <linux/device.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "nic.h"

/**
 * struct nvirt_net - nvirt's state in one network namespace
 * @nics: struct nvirt_nic by ifindex; changed under RTNL
 */
struct nvirt_net {
	struct xarray nics;
};

static unsigned int nvirt_net_id __read_mostly;

static struct nvirt_net *nvirt_net(struct net *net)
{
	return net_generic(net, nvirt_net_id);
}

/**
 * nvirt_nic_get() - find the NIC with an ifindex in a namespace
 * @net: the namespace
 * @ifindex: the NIC's ifindex
 *
 * Context: RTNL held.
 * Return: the NIC, or NULL when there is none.
 */
struct nvirt_nic *nvirt_nic_get(struct net *net, int ifindex)
{
	ASSERT_RTNL();
	return xa_load(&nvirt_net(net)->nics, ifindex);
}

/**
 * nvirt_nic_next() - walk the NICs of a namespace in ifindex order
 * @net: the namespace
 * @ifindex: where to start; set to the returned NIC's ifindex
 *
 * Context: RTNL held.
 * Return: the first NIC at or after *@ifindex, or NULL at the end.
 */
struct nvirt_nic *nvirt_nic_next(struct net *net, unsigned long *ifindex)
{
	ASSERT_RTNL();
	return xa_find(&nvirt_net(net)->nics, ifindex, ULONG_MAX, XA_PRESENT);
}

/**
 * nvirt_nic_ident() - describe the device behind a NIC
 * @nic: the NIC
 * @id: filled with borrowed strings, valid while RTNL is held
 *
 * Context: RTNL held.
 */
void nvirt_nic_ident(const struct nvirt_nic *nic, struct nvirt_nic_ident *id)
{
	struct device *parent = nic->dev->dev.parent;

	ASSERT_RTNL();
	memset(id, 0, sizeof(*id));
	if (!parent)
		return;
	if (parent->driver)
		id->driver = parent->driver->name;
	if (parent->bus) {
		id->bus = parent->bus->name;
		id->bus_addr = dev_name(parent);
	}
}

static int nvirt_nic_add(struct net_device *dev)
{
	struct nvirt_net *nn = nvirt_net(dev_net(dev));
	struct nvirt_nic *nic;
	int err;

	nic = kzalloc(sizeof(*nic), GFP_KERNEL);
	if (!nic)
		return -ENOMEM;
	nic->dev = dev;
	nic->managed = true;

	err = xa_insert(&nn->nics, dev->ifindex, nic, GFP_KERNEL);
	if (err)
		goto err_free_nic;
	netdev_hold(dev, &nic->dev_tracker, GFP_KERNEL);
	return 0;

err_free_nic:
	kfree(nic);
	return err;
}

static void nvirt_nic_del(struct net_device *dev)
{
	struct nvirt_net *nn = nvirt_net(dev_net(dev));
	struct nvirt_nic *nic;

	nic = xa_erase(&nn->nics, dev->ifindex);
	if (!nic)
		return;
	netdev_put(dev, &nic->dev_tracker);
	kfree(nic);
}

static int nvirt_netdev_event(struct notifier_block *nb, unsigned long event,
			      void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	int err;

	switch (event) {
	case NETDEV_REGISTER:
		err = nvirt_nic_add(dev);
		if (err)
			return notifier_from_errno(err);
		break;
	case NETDEV_UNREGISTER:
		nvirt_nic_del(dev);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block nvirt_netdev_nb = {
	.notifier_call = nvirt_netdev_event,
};

static int __net_init nvirt_net_init(struct net *net)
{
	xa_init(&nvirt_net(net)->nics);
	return 0;
}

static void __net_exit nvirt_net_exit(struct net *net)
{
	struct nvirt_net *nn = nvirt_net(net);

	/* Devices left before us: pernet subsys exits run after device exits. */
	WARN_ON_ONCE(!xa_empty(&nn->nics));
	xa_destroy(&nn->nics);
}

static struct pernet_operations nvirt_net_ops = {
	.init = nvirt_net_init,
	.exit = nvirt_net_exit,
	.id = &nvirt_net_id,
	.size = sizeof(struct nvirt_net),
};

/**
 * nvirt_nic_init() - start tracking the NICs of every namespace
 *
 * Return: 0 or a negative errno.
 */
int nvirt_nic_init(void)
{
	int err;

	err = register_pernet_subsys(&nvirt_net_ops);
	if (err)
		return err;
	err = register_netdevice_notifier(&nvirt_netdev_nb);
	if (err)
		goto err_unregister_pernet;
	return 0;

err_unregister_pernet:
	unregister_pernet_subsys(&nvirt_net_ops);
	return err;
}

/**
 * nvirt_nic_exit() - stop tracking NICs and release every reference
 */
void nvirt_nic_exit(void)
{
	unregister_netdevice_notifier(&nvirt_netdev_nb);
	unregister_pernet_subsys(&nvirt_net_ops);
}
