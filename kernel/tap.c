// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: a tap character device on a VIF's netdev, for QEMU and
 * vhost-net.
 *
 * Through the kernel's tap API (drivers/net/tap.c), as macvtap and ipvtap
 * offer theirs: the device /dev/tapN (N: the netdev's ifindex) reads what
 * the netdev receives, its receive handler handing frames to the device's
 * queues, and what is written to it the netdev sends, through the VIF's
 * datapath with every setting enforced there. vhost-net takes the same
 * file (tap_get_socket()). A kernel without the tap API (CONFIG_TAP) says
 * so instead.
 */

#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/if_tap.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/net_namespace.h>

#include "tap.h"

#if IS_ENABLED(CONFIG_TAP)

/* The offloads a tap user may turn on, as tun's (TUNSETOFFLOAD). */
#define NVIRT_TAP_OFFLOADS	(NETIF_F_HW_CSUM | NETIF_F_TSO_ECN | \
				 NETIF_F_TSO | NETIF_F_TSO6)

/**
 * struct nvirt_tap - the tap device of a netdev
 * @tap: what the tap API knows of it; its receive handler's data
 * @cdev: the class device behind /dev/@name
 * @name: "tapN"
 * @rcu: frees it once the queues' writers are done with @tap
 *
 * Changed under RTNL only, as the tap API's own fields.
 */
struct nvirt_tap {
	struct tap_dev tap;
	struct device *cdev;
	char name[IFNAMSIZ];
	struct rcu_head rcu;
};

static dev_t nvirt_tap_major;
static struct cdev nvirt_tap_cdev;

/* Its class devices live in their netdev's namespace, as macvtap's. */
static const void *nvirt_tap_namespace(NVIRT_CLASS_DEV_CONST struct device *d)
{
	return dev_net(to_net_dev(d->parent));
}

static struct class nvirt_tap_class = {
	.name = "nvirt-tap",
	.ns_type = &net_ns_type_operations,
	.namespace = nvirt_tap_namespace,
};

static void nvirt_tap_count_tx_dropped(struct tap_dev *tap)
{
	dev_dstats_tx_dropped(tap->dev);
}

static void nvirt_tap_count_rx_dropped(struct tap_dev *tap)
{
	dev_dstats_rx_dropped(tap->dev);
}

/**
 * nvirt_tap_attach() - give a netdev a tap device
 * @dev: the netdev, registered
 * @tapp: set to the tap device on success
 * @extack: why it failed
 *
 * Nobody else brings a tap's netdev up (QEMU only opens the device): the
 * caller does, once nothing else can fail.
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno; on error nothing is left behind.
 */
int nvirt_tap_attach(struct net_device *dev, struct nvirt_tap **tapp,
		     struct netlink_ext_ack *extack)
{
	struct nvirt_tap *t;
	int err;

	ASSERT_RTNL();
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	INIT_LIST_HEAD(&t->tap.queue_list);
	t->tap.dev = dev;
	t->tap.tap_features = NVIRT_TAP_OFFLOADS;
	t->tap.count_tx_dropped = nvirt_tap_count_tx_dropped;
	t->tap.count_rx_dropped = nvirt_tap_count_rx_dropped;
	snprintf(t->name, sizeof(t->name), "tap%d", dev->ifindex);

	err = netdev_rx_handler_register(dev, tap_handle_frame, &t->tap);
	if (err) {
		NL_SET_ERR_MSG_FMT(extack, "%s has a receive handler: no tap on it",
				   dev->name);
		goto err_free;
	}
	err = tap_get_minor(nvirt_tap_major, &t->tap);
	if (err)
		goto err_unregister_handler;
	t->cdev = device_create(&nvirt_tap_class, &dev->dev,
				MKDEV(MAJOR(nvirt_tap_major), t->tap.minor),
				dev, "%s", t->name);
	if (IS_ERR(t->cdev)) {
		err = PTR_ERR(t->cdev);
		NL_SET_ERR_MSG_FMT(extack, "cannot create the device %s", t->name);
		goto err_free_minor;
	}
	*tapp = t;
	return 0;

err_free_minor:
	tap_free_minor(nvirt_tap_major, &t->tap);
err_unregister_handler:
	netdev_rx_handler_unregister(dev);
err_free:
	kfree(t);
	return err;
}

/**
 * nvirt_tap_detach() - take a netdev's tap device away
 * @tap: the tap device; NULL is ignored
 *
 * The files open on it stay open and carry nothing more (as macvtap's
 * when it is deleted); the netdev stays as it is.
 *
 * Context: RTNL held.
 */
void nvirt_tap_detach(struct nvirt_tap *tap)
{
	ASSERT_RTNL();
	if (!tap)
		return;
	/* No open finds it now (tap_open() takes RTNL too). */
	device_destroy(&nvirt_tap_class, tap->cdev->devt);
	tap_free_minor(nvirt_tap_major, &tap->tap);
	/* The receive path is done with the queues before they go. */
	netdev_rx_handler_unregister(tap->tap.dev);
	tap_del_queues(&tap->tap);
	/* A queue's writer may still hold @tap->tap (RCU). */
	kfree_rcu(tap, rcu);
}

/**
 * nvirt_tap_name() - the name of a tap device under /dev
 * @tap: the tap device
 *
 * Return: "tapN".
 */
const char *nvirt_tap_name(const struct nvirt_tap *tap)
{
	return tap->name;
}

/* A tap's queues are as long as its netdev's transmit queue, as tun's. */
static int nvirt_tap_event(struct notifier_block *nb, unsigned long event,
			   void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct tap_dev *tap;

	if (event != NETDEV_CHANGE_TX_QUEUE_LEN ||
	    rtnl_dereference(dev->rx_handler) != tap_handle_frame)
		return NOTIFY_DONE;
	tap = rtnl_dereference(dev->rx_handler_data);
	if (tap->count_rx_dropped != nvirt_tap_count_rx_dropped)
		return NOTIFY_DONE;	/* macvtap's or ipvtap's */
	return notifier_from_errno(tap_queue_resize(tap));
}

static struct notifier_block nvirt_tap_nb = {
	.notifier_call = nvirt_tap_event,
};

/**
 * nvirt_tap_init() - get a character device major for nvirt's taps
 *
 * Return: 0 or a negative errno.
 */
int nvirt_tap_init(void)
{
	int err;

	err = tap_create_cdev(&nvirt_tap_cdev, &nvirt_tap_major, "nvirt-tap",
			      THIS_MODULE);
	if (err)
		return err;
	err = class_register(&nvirt_tap_class);
	if (err)
		goto err_destroy_cdev;
	err = register_netdevice_notifier(&nvirt_tap_nb);
	if (err)
		goto err_unregister_class;
	return 0;

err_unregister_class:
	class_unregister(&nvirt_tap_class);
err_destroy_cdev:
	tap_destroy_cdev(nvirt_tap_major, &nvirt_tap_cdev);
	return err;
}

/**
 * nvirt_tap_exit() - give the major back; every tap is detached by now
 */
void nvirt_tap_exit(void)
{
	unregister_netdevice_notifier(&nvirt_tap_nb);
	class_unregister(&nvirt_tap_class);
	tap_destroy_cdev(nvirt_tap_major, &nvirt_tap_cdev);
}

#else /* !CONFIG_TAP */

int nvirt_tap_attach(struct net_device *dev, struct nvirt_tap **tapp,
		     struct netlink_ext_ack *extack)
{
	NL_SET_ERR_MSG(extack, "this kernel has no tap devices (CONFIG_TAP)");
	return -EOPNOTSUPP;
}

void nvirt_tap_detach(struct nvirt_tap *tap)
{
}

const char *nvirt_tap_name(const struct nvirt_tap *tap)
{
	return "";
}

int nvirt_tap_init(void)
{
	return 0;
}

void nvirt_tap_exit(void)
{
}

#endif /* CONFIG_TAP */
