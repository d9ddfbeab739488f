// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: a VF handed to vfio-pci for a VM (attach vfio), and given back.
 *
 * The VF's device is bound to vfio-pci the way libvirt's managed hostdevs
 * and driverctl do it: its driver_override names vfio-pci and it is probed
 * again, which unbinds its own driver (its netdev goes) and binds
 * vfio-pci. A VM then opens its VFIO group, /dev/vfio/N. Given back, the
 * override is cleared and the device probed again: its own driver takes
 * it, with a new netdev.
 *
 * Probing takes the device's lock, and a VF's network driver takes RTNL in
 * its probe and remove: all of this runs without RTNL. Giving back runs in
 * a work item, as a VIF may go under RTNL (its parent goes, the module is
 * unloaded). vfio-pci's remove waits there for a VM that has the device
 * open, however long: a request to delete such a VIF is refused instead.
 */

#include <linux/device.h>
#include <linux/iommu.h>
#include <linux/kmod.h>
#include <linux/kref.h>
#include <linux/netlink.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vfio_pci_core.h>
#include <linux/workqueue.h>

#include "vfio.h"

#define NVIRT_VFIO_DRIVER	"vfio-pci"

/**
 * struct nvirt_vfio - a VF a VIF hands to vfio-pci
 * @vf: the VF's device, held
 * @ref: the VIF's reference, and those of requests handing the VF over
 * @taken: its own driver may have been unbound: it is given back when the
 *	last reference goes; set before unbinding, read after that
 * @list: on nvirt_vfio_returns, once the last reference went
 */
struct nvirt_vfio {
	struct pci_dev *vf;
	struct kref ref;
	bool taken;
	struct list_head list;
};

/* VFs whose last reference went, to give back; under nvirt_vfio_lock. */
static LIST_HEAD(nvirt_vfio_returns);
static DEFINE_SPINLOCK(nvirt_vfio_lock);

static void nvirt_vfio_return_all(struct work_struct *work);
static DECLARE_WORK(nvirt_vfio_return_work, nvirt_vfio_return_all);

/**
 * nvirt_vfio_group() - the IOMMU group of a device, which VFIO needs
 * @dev: the device
 *
 * Return: the group's number, or -ENODEV when it is in none (no IOMMU).
 */
int nvirt_vfio_group(struct device *dev)
{
	struct iommu_group *group;
	int id;

	group = iommu_group_get(dev);
	if (!group)
		return -ENODEV;
	id = iommu_group_id(group);
	iommu_group_put(group);
	return id;
}

/**
 * nvirt_vfio_new() - a VF to hand to vfio-pci
 * @vf: the VF's device
 *
 * Return: it, with one reference, or NULL when out of memory.
 */
struct nvirt_vfio *nvirt_vfio_new(struct pci_dev *vf)
{
	struct nvirt_vfio *v;

	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return NULL;
	v->vf = pci_dev_get(vf);
	kref_init(&v->ref);
	return v;
}

/**
 * nvirt_vfio_get() - take a reference on a VF handed to vfio-pci
 * @v: the VF
 *
 * Return: @v.
 */
struct nvirt_vfio *nvirt_vfio_get(struct nvirt_vfio *v)
{
	kref_get(&v->ref);
	return v;
}

static void nvirt_vfio_release(struct kref *ref)
{
	struct nvirt_vfio *v = container_of(ref, struct nvirt_vfio, ref);

	spin_lock(&nvirt_vfio_lock);
	list_add_tail(&v->list, &nvirt_vfio_returns);
	spin_unlock(&nvirt_vfio_lock);
	queue_work(system_long_wq, &nvirt_vfio_return_work);
}

/**
 * nvirt_vfio_put() - drop a reference; the last one gives the VF back
 * @v: the VF, or NULL
 *
 * Context: any process context, RTNL held or not.
 */
void nvirt_vfio_put(struct nvirt_vfio *v)
{
	if (v)
		kref_put(&v->ref, nvirt_vfio_release);
}

/* Probe @vf again, for @driver or, with "", for its own. */
static int nvirt_vfio_bind(struct pci_dev *vf, const char *driver)
{
	int err;

	err = device_set_driver_override(&vf->dev, driver);
	return err ?: device_reprobe(&vf->dev);
}

/* Whether vfio-pci is @vf's driver. Context: @vf's device lock held. */
static bool nvirt_vfio_bound_locked(struct pci_dev *vf)
{
	device_lock_assert(&vf->dev);
	return vf->dev.driver &&
	       !strcmp(vf->dev.driver->name, NVIRT_VFIO_DRIVER);
}

/**
 * nvirt_vfio_take() - bind a VF to vfio-pci
 * @v: the VF
 * @extack: why not
 *
 * On error the VF may be left without a driver: releasing @v gives it
 * back.
 *
 * Context: process, RTNL not held.
 * Return: 0 or a negative errno.
 */
int nvirt_vfio_take(struct nvirt_vfio *v, struct netlink_ext_ack *extack)
{
	struct pci_dev *vf = v->vf;
	bool bound;
	int err;

	/* Nothing else loads it on a host without udev. */
	request_module(NVIRT_VFIO_DRIVER);
	if (!driver_find(NVIRT_VFIO_DRIVER, &pci_bus_type)) {
		NL_SET_ERR_MSG(extack, "vfio-pci is not available: this kernel has no VFIO");
		return -EOPNOTSUPP;
	}
	WRITE_ONCE(v->taken, true);
	err = nvirt_vfio_bind(vf, NVIRT_VFIO_DRIVER);
	if (!err) {
		device_lock(&vf->dev);
		bound = nvirt_vfio_bound_locked(vf);
		device_unlock(&vf->dev);
		if (!bound)
			err = -ENODEV;
	}
	if (err)
		NL_SET_ERR_MSG_FMT(extack, "vfio-pci did not take VF %s (%d)",
				   pci_name(vf), err);
	return err;
}

/**
 * nvirt_vfio_give() - give a VF back to its own driver now
 * @v: the VF, which no VM has open (nvirt_vfio_check_idle())
 * @extack: why not
 *
 * Its driver makes a new netdev for it before this returns. Releasing @v
 * then gives nothing back again.
 *
 * Context: process, RTNL not held.
 * Return: 0 or a negative errno.
 */
int nvirt_vfio_give(struct nvirt_vfio *v, struct netlink_ext_ack *extack)
{
	int err = nvirt_vfio_bind(v->vf, "");

	if (err) {
		NL_SET_ERR_MSG_FMT(extack,
				   "VF %s did not go back to its driver (%d)",
				   pci_name(v->vf), err);
		return err;
	}
	WRITE_ONCE(v->taken, false);
	return 0;
}

/**
 * nvirt_vfio_check_idle() - refuse to give back a VF a VM has open
 * @v: the VF
 * @extack: why not
 *
 * vfio-pci's remove would wait for the VM to close the device, however
 * long. The count is VFIO's own (struct vfio_device, which its hot reset
 * reads too), read under the device lock that keeps vfio-pci bound.
 *
 * Context: process, RTNL not held.
 * Return: 0, or -EBUSY while the device is open.
 */
int nvirt_vfio_check_idle(struct nvirt_vfio *v,
			  struct netlink_ext_ack *extack)
{
	struct vfio_pci_core_device *core;
	struct pci_dev *vf = v->vf;
	unsigned int users = 0;

	device_lock(&vf->dev);
	if (nvirt_vfio_bound_locked(vf)) {
		core = dev_get_drvdata(&vf->dev);
		if (core)
			users = READ_ONCE(core->vdev.open_count);
	}
	device_unlock(&vf->dev);
	if (!users)
		return 0;
	NL_SET_ERR_MSG_FMT(extack,
			   "VF %s is open through VFIO: the VM must let it go first",
			   pci_name(vf));
	return -EBUSY;
}

/**
 * nvirt_vfio_path() - the VFIO group device a VM opens for a VF
 * @v: the VF
 * @buf: filled in: "/dev/vfio/N"
 * @size: size of @buf
 *
 * Return: 0, or -ENODEV when the VF is in no IOMMU group.
 */
int nvirt_vfio_path(const struct nvirt_vfio *v, char *buf, size_t size)
{
	int group = nvirt_vfio_group(&v->vf->dev);

	if (group < 0)
		return group;
	snprintf(buf, size, "/dev/vfio/%d", group);
	return 0;
}

/**
 * nvirt_vfio_pci() - the PCI address of a VF
 * @v: the VF
 *
 * Return: its name on the PCI bus, as lspci prints it.
 */
const char *nvirt_vfio_pci(const struct nvirt_vfio *v)
{
	return pci_name(v->vf);
}

/* Give the released VFs back to their own driver. */
static void nvirt_vfio_return_all(struct work_struct *work)
{
	struct nvirt_vfio *v;

	for (;;) {
		spin_lock(&nvirt_vfio_lock);
		v = list_first_entry_or_null(&nvirt_vfio_returns,
					     struct nvirt_vfio, list);
		if (v)
			list_del(&v->list);
		spin_unlock(&nvirt_vfio_lock);
		if (!v)
			return;
		if (READ_ONCE(v->taken) && nvirt_vfio_bind(v->vf, ""))
			pci_warn(v->vf, "not given back to its driver\n");
		pci_dev_put(v->vf);
		kfree(v);
	}
}

/**
 * nvirt_vfio_flush() - wait until the released VFs are given back
 *
 * Context: process, RTNL not held.
 */
void nvirt_vfio_flush(void)
{
	flush_work(&nvirt_vfio_return_work);
}
