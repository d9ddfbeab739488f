// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the NICs of each network namespace.
 *
 * Every registered net_device gets a struct nvirt_nic in its namespace's
 * table, keyed by ifindex. The netdevice notifier creates and frees them;
 * register_netdevice_notifier() and its unregister counterpart replay the
 * devices that exist when the module loads and unloads. When memory is
 * short the record is made later (by the rescan, or when a request or a
 * dump needs it): nvirt never fails a netdev's registration or move.
 *
 * Each change of a NIC's record is announced once to its namespace, by one
 * work item: kernel events mark the NIC and kick it, a new NIC is announced
 * once whoever registers it has set it up, VFs coming and going (PCI bus
 * events) are looked at shortly after, and changes nothing announces
 * (channel counts) are found by a rescan pass every second while anyone
 * listens, over the NICs of the namespaces that have listeners only. A
 * pass re-reads at most NVIRT_RESCAN_BUDGET NICs per hold of RTNL and lets
 * it go in between, so a listener costs the host a bounded RTNL hold
 * however many NICs it has. A NIC is read only when it has settled (no
 * link change pending in linkwatch, its device not held by the driver
 * core).
 */

#include <linux/device.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <linux/xarray.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <net/sch_generic.h>

#include "netlink.h"
#include "nic.h"

/**
 * struct nvirt_net - nvirt's state in one network namespace
 * @nics: struct nvirt_nic by ifindex; changed under RTNL
 * @net: the namespace
 * @list: in nvirt_nets; under RTNL
 * @listening: the last rescan pass found monitor listeners here; under RTNL
 * @pass_listening: the pass under way found listeners here; under RTNL
 * @missing: a netdev here may have no record yet; under RTNL
 * @gen: bumped when a NIC comes or goes, for dump consistency; under RTNL
 */
struct nvirt_net {
	struct xarray nics;
	struct net *net;
	struct list_head list;
	bool listening;
	bool pass_listening;
	bool missing;
	unsigned int gen;
};

static unsigned int nvirt_net_id __read_mostly;
/* The records, one per netdev: a cache of their own, watched alone. */
static struct kmem_cache *nvirt_nic_cache __read_mostly;
/* Every namespace's struct nvirt_net; protected by RTNL. */
static LIST_HEAD(nvirt_nets);

static void nvirt_nic_rescan(struct work_struct *work);
static DECLARE_DELAYED_WORK(nvirt_rescan_work, nvirt_nic_rescan);
/* What the next rescan must do besides announcing new NICs. */
enum {
	NVIRT_RESCAN_FULL,	/* re-read every record */
	NVIRT_RESCAN_JOINED,	/* someone joined the monitor group */
};

static unsigned long nvirt_rescan_flags;
/* Records a pass re-reads per hold of RTNL. */
#define NVIRT_RESCAN_BUDGET	16
/* The rescan pass under way (or the last), and whether it is; RTNL. */
static unsigned int nvirt_rescan_gen;
static bool nvirt_rescan_open;

/* Run the rescan @delay from now, moving a pending one there. */
static void nvirt_nic_kick(unsigned long delay)
{
	mod_delayed_work(system_wq, &nvirt_rescan_work, delay);
}

static struct nvirt_net *nvirt_net(struct net *net)
{
	return net_generic(net, nvirt_net_id);
}

static struct nvirt_nic *nvirt_nic_add(struct net_device *dev);

/* Make the records memory was short for. Context: RTNL held. */
static void nvirt_nic_complete(struct nvirt_net *nn)
{
	struct net_device *dev;

	ASSERT_RTNL();
	if (!nn->missing)
		return;
	nn->missing = false;
	for_each_netdev(nn->net, dev) {
		if (xa_load(&nn->nics, dev->ifindex))
			continue;
		if (IS_ERR(nvirt_nic_add(dev))) {
			nn->missing = true;
			return;
		}
		nvirt_nic_kick(0);
	}
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
	nvirt_nic_complete(nvirt_net(net));
	return xa_find(&nvirt_net(net)->nics, ifindex, ULONG_MAX, XA_PRESENT);
}

/**
 * nvirt_nic_of() - the record of a registered netdev
 * @dev: the netdev
 *
 * Made now when memory was short as it registered.
 *
 * Context: RTNL held.
 * Return: the NIC, or ERR_PTR(-ENOMEM).
 */
struct nvirt_nic *nvirt_nic_of(struct net_device *dev)
{
	struct nvirt_nic *nic;

	ASSERT_RTNL();
	nic = nvirt_nic_get(dev_net(dev), dev->ifindex);
	return nic ?: nvirt_nic_add(dev);
}

/**
 * nvirt_nic_gen() - the generation of a namespace's NIC table
 * @net: the namespace
 *
 * Context: RTNL held.
 * Return: a number that changes whenever a NIC comes or goes.
 */
unsigned int nvirt_nic_gen(struct net *net)
{
	ASSERT_RTNL();
	return nvirt_net(net)->gen;
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

static struct nvirt_nic *nvirt_nic_add(struct net_device *dev)
{
	struct nvirt_net *nn = nvirt_net(dev_net(dev));
	struct nvirt_nic *nic;
	int err;

	nic = kmem_cache_zalloc(nvirt_nic_cache, GFP_KERNEL);
	if (!nic)
		return ERR_PTR(-ENOMEM);
	nic->dev = dev;
	nic->managed = true;

	err = xa_insert(&nn->nics, dev->ifindex, nic, GFP_KERNEL);
	if (err)
		goto err_free_nic;
	netdev_hold(dev, &nic->dev_tracker, GFP_KERNEL);
	nn->gen++;
	return nic;

err_free_nic:
	kmem_cache_free(nvirt_nic_cache, nic);
	return ERR_PTR(err);
}

static void nvirt_nic_del(struct nvirt_nic *nic)
{
	struct net_device *dev = nic->dev;
	struct nvirt_net *nn = nvirt_net(dev_net(dev));

	xa_erase(&nn->nics, dev->ifindex);
	nn->gen++;
	netdev_put(dev, &nic->dev_tracker);
	kmem_cache_free(nvirt_nic_cache, nic);
}

/* Woken by every NIC's link events, for nvirt_nic_wait_link(). */
static DECLARE_WAIT_QUEUE_HEAD(nvirt_link_wq);

/*
 * Nothing more to wait for: down, going away, or a carrier that linkwatch
 * has applied. The driver sets the carrier first; until linkwatch gives
 * the queues their qdisc (dev_activate()) what is sent is dropped.
 */
static bool nvirt_nic_link_settled(const struct net_device *dev)
{
	return READ_ONCE(dev->reg_state) != NETREG_REGISTERED ||
	       !netif_running(dev) ||
	       (netif_carrier_ok(dev) && !qdisc_tx_changing(dev));
}

/**
 * nvirt_nic_wait_link() - wait for a running NIC's link to come up
 * @dev: the NIC, held by the caller
 * @timeout: the most to wait, in jiffies
 *
 * Return when @dev has its carrier and can send, is down or is going
 * away, after @timeout, or when the caller is killed. Linkwatch applies a
 * carrier change and then announces it (NETDEV_CHANGE), which wakes the
 * wait.
 *
 * Context: process; not under RTNL, which linkwatch takes.
 */
void nvirt_nic_wait_link(struct net_device *dev, unsigned long timeout)
{
	wait_event_killable_timeout(nvirt_link_wq, nvirt_nic_link_settled(dev),
				    timeout);
}

static int nvirt_netdev_event(struct notifier_block *nb, unsigned long event,
			      void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct nvirt_nic *nic;

	switch (event) {
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
	case NETDEV_UNREGISTER:
		wake_up_all(&nvirt_link_wq);
		break;
	}

	if (event == NETDEV_REGISTER) {
		/*
		 * Short of memory, the record is made later: the netdev is
		 * registered (or moved) all the same.
		 */
		if (IS_ERR(nvirt_nic_add(dev))) {
			nvirt_net(dev_net(dev))->missing = true;
			set_bit(NVIRT_RESCAN_FULL, &nvirt_rescan_flags);
			nvirt_nic_kick(HZ);
			return NOTIFY_DONE;
		}
		/*
		 * Whoever registers it (rtnetlink, a driver) is still setting
		 * it up under RTNL: announce it once they are done.
		 */
		nvirt_nic_kick(0);
		return NOTIFY_DONE;
	}

	nic = xa_load(&nvirt_net(dev_net(dev))->nics, dev->ifindex);
	if (!nic)
		return NOTIFY_DONE;

	switch (event) {
	case NETDEV_UNREGISTER:
		if (nic->announced)
			nvirt_nl_nic_notify(nic, NVIRT_NTF_DEL, false,
					    NVIRT_CAUSE_NETDEV);
		nvirt_nic_del(nic);
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
	case NETDEV_CHANGEMTU:
	case NETDEV_CHANGENAME:
	case NETDEV_CHANGEADDR:
	case NETDEV_FEAT_CHANGE:
	case NETDEV_CHANGEUPPER:	/* its holder may have changed */
		/* Under RTNL still, and the link state may follow later. */
		nic->dirty = true;
		nvirt_nic_kick(0);
		break;
	}
	return NOTIFY_DONE;
}

/*
 * Whether a NIC is being changed: by the driver core (SR-IOV, probe,
 * remove; it holds the device) or by linkwatch, which has yet to apply a
 * link change. Its record is read when that is over, not half-way.
 */
static bool nvirt_nic_settling(const struct nvirt_nic *nic)
{
	return test_bit(__LINK_STATE_LINKWATCH_PENDING, &nic->dev->state);
}

/* Start a rescan pass: the namespaces with listeners now are re-read. */
static void nvirt_nic_pass_open(void)
{
	struct nvirt_net *nn;

	ASSERT_RTNL();
	nvirt_rescan_gen++;
	nvirt_rescan_open = true;
	list_for_each_entry(nn, &nvirt_nets, list)
		nn->pass_listening = nvirt_nl_has_listeners(nn->net);
}

/* End the pass; whether any namespace has listeners to go on for. */
static bool nvirt_nic_pass_close(void)
{
	struct nvirt_net *nn;
	bool any = false;

	ASSERT_RTNL();
	nvirt_rescan_open = false;
	list_for_each_entry(nn, &nvirt_nets, list) {
		nn->listening = nn->pass_listening;
		any |= nn->listening;
	}
	return any;
}

/*
 * Announce new NICs and those events marked, and on a rescan pass re-read
 * the records of the namespaces with listeners and announce those that
 * changed, at most NVIRT_RESCAN_BUDGET of them per call: the rest in the
 * next, RTNL let go in between. A namespace whose listeners just arrived
 * is only brought up to date: they hear of changes from now on.
 */
static void nvirt_nic_rescan(struct work_struct *work)
{
	bool joined = test_and_clear_bit(NVIRT_RESCAN_JOINED, &nvirt_rescan_flags);
	bool again = false, soon = false, more = false;
	unsigned int budget = NVIRT_RESCAN_BUDGET;
	struct nvirt_nic *nic;
	struct nvirt_net *nn;
	unsigned long ifindex;

	rtnl_lock();
	/* A pass asked for while one is under way follows it. */
	if (!nvirt_rescan_open &&
	    test_and_clear_bit(NVIRT_RESCAN_FULL, &nvirt_rescan_flags))
		nvirt_nic_pass_open();
	list_for_each_entry(nn, &nvirt_nets, list) {
		bool pass = nvirt_rescan_open && nn->pass_listening;

		nvirt_nic_complete(nn);
		again |= nn->missing;

		xa_for_each(&nn->nics, ifindex, nic) {
			struct device *parent = nic->dev->dev.parent;
			bool event = !nic->announced || nic->dirty;

			if (!event && (!pass || nic->seen == nvirt_rescan_gen))
				continue;
			if (!event && !budget) {
				more = true;
				continue;
			}
			if (nvirt_nic_settling(nic) ||
			    (parent && !device_trylock(parent))) {
				nic->dirty = true;
				soon = true;
				continue;
			}
			/* A change no event marked: the rescan found it. */
			nvirt_nl_nic_notify(nic, nic->announced ?
					    NVIRT_NTF_CHANGE : NVIRT_NTF_ADD,
					    !nn->listening,
					    event ? NVIRT_CAUSE_NETDEV :
					    NVIRT_CAUSE_RESCAN);
			if (!event)
				budget--;
			nic->seen = nvirt_rescan_gen;
			nic->announced = true;
			nic->dirty = false;
			if (parent)
				device_unlock(parent);
		}
	}
	if (nvirt_rescan_open && !more)
		again |= nvirt_nic_pass_close();
	rtnl_unlock();

	/* The pass goes on soon, RTNL let go meanwhile. */
	if (more) {
		if (joined)
			set_bit(NVIRT_RESCAN_JOINED, &nvirt_rescan_flags);
		nvirt_nic_kick(1);
		return;
	}
	if (test_bit(NVIRT_RESCAN_FULL, &nvirt_rescan_flags)) {
		nvirt_nic_kick(0);
		return;
	}
	/*
	 * Keeps a sooner rescan someone asked for meanwhile. A listener that
	 * joined may not be counted yet: look once more.
	 */
	if (again || joined) {
		set_bit(NVIRT_RESCAN_FULL, &nvirt_rescan_flags);
		queue_delayed_work(system_wq, &nvirt_rescan_work, HZ);
	}
	/* NICs still settling are looked at again shortly. */
	if (soon)
		nvirt_nic_kick(HZ / 10);
}

/**
 * nvirt_nic_rescan_soon() - re-read every NIC's record after a delay
 * @delay: in jiffies; an earlier pending rescan is moved to it
 */
void nvirt_nic_rescan_soon(unsigned long delay)
{
	set_bit(NVIRT_RESCAN_FULL, &nvirt_rescan_flags);
	nvirt_nic_kick(delay);
}

/**
 * nvirt_nic_listener_joined() - someone is joining the monitor group
 *
 * Netlink calls the family's bind before it counts the new member: catch
 * up a little later, so the records are brought up to date for them.
 */
void nvirt_nic_listener_joined(void)
{
	set_bit(NVIRT_RESCAN_JOINED, &nvirt_rescan_flags);
	nvirt_nic_rescan_soon(HZ / 10);
}

/* VFs coming and going change their PF's record, with no netdev event. */
static int nvirt_pci_event(struct notifier_block *nb, unsigned long action,
			   void *data)
{
	struct device *d = data;

	if (!dev_is_pci(d) || !to_pci_dev(d)->is_virtfn)
		return NOTIFY_DONE;
	if (action == BUS_NOTIFY_ADD_DEVICE || action == BUS_NOTIFY_DEL_DEVICE)
		nvirt_nic_rescan_soon(HZ / 10);
	return NOTIFY_DONE;
}

static struct notifier_block nvirt_pci_nb = {
	.notifier_call = nvirt_pci_event,
};

static struct notifier_block nvirt_netdev_nb = {
	.notifier_call = nvirt_netdev_event,
};

static int __net_init nvirt_net_init(struct net *net)
{
	struct nvirt_net *nn = nvirt_net(net);

	xa_init(&nn->nics);
	nn->net = net;
	rtnl_lock();
	list_add(&nn->list, &nvirt_nets);
	rtnl_unlock();
	return 0;
}

static void __net_exit nvirt_net_exit(struct net *net)
{
	struct nvirt_net *nn = nvirt_net(net);

	rtnl_lock();
	list_del(&nn->list);
	rtnl_unlock();
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

	nvirt_nic_cache = kmem_cache_create("nvirt_nic", sizeof(struct nvirt_nic),
					    0, SLAB_NO_MERGE, NULL);
	if (!nvirt_nic_cache)
		return -ENOMEM;
	err = register_pernet_subsys(&nvirt_net_ops);
	if (err)
		goto err_destroy_cache;
	err = register_netdevice_notifier(&nvirt_netdev_nb);
	if (err)
		goto err_unregister_pernet;
	err = bus_register_notifier(&pci_bus_type, &nvirt_pci_nb);
	if (err)
		goto err_unregister_netdev_nb;
	return 0;

err_unregister_netdev_nb:
	unregister_netdevice_notifier(&nvirt_netdev_nb);
err_unregister_pernet:
	unregister_pernet_subsys(&nvirt_net_ops);
err_destroy_cache:
	kmem_cache_destroy(nvirt_nic_cache);
	return err;
}

/**
 * nvirt_nic_exit() - stop tracking NICs and release every reference
 */
void nvirt_nic_exit(void)
{
	bus_unregister_notifier(&pci_bus_type, &nvirt_pci_nb);
	/* Its replay of NETDEV_DOWN kicks the rescan: stop that after. */
	unregister_netdevice_notifier(&nvirt_netdev_nb);
	disable_delayed_work_sync(&nvirt_rescan_work);
	unregister_pernet_subsys(&nvirt_net_ops);
	kmem_cache_destroy(nvirt_nic_cache);
}
