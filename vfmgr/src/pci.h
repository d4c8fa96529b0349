/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Finding PFs and VFs (libudev for the device tree, libpci for names and
 * the SR-IOV capability) and acting on them through sysfs: the VF count,
 * the driver a VF is bound to, its reset.
 *
 * No logging: -errno, and the caller says what failed.
 */
#ifndef VFMGR_PCI_H
#define VFMGR_PCI_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include "conf.h"

#define VFMGR_PCI_NAME_MAX	128

/**
 * struct vfmgr_vf - a VF as the host sees it now
 * @index: N of the PF's virtfnN link
 * @pci_addr: its PCI address
 * @vendor: PCI vendor ID
 * @device: PCI device ID, the VF Device ID of its PF's SR-IOV capability
 * @driver: the driver bound to it, "" when none
 * @ifname: its netdev in the caller's netns, "" when none there
 * @iommu_group: its IOMMU group, -1 without one
 */
struct vfmgr_vf {
	unsigned int index;
	char pci_addr[VFMGR_PCI_ADDR_MAX];
	uint16_t vendor;
	uint16_t device;
	char driver[VFMGR_DRIVER_MAX];
	char ifname[IF_NAMESIZE];
	int iommu_group;
};

/**
 * struct vfmgr_pf - an SR-IOV capable PCI function
 * @pci_addr: its PCI address
 * @driver: its driver, "" when none
 * @ifname: its netdev in the caller's netns, "" when none
 * @ifindex: that netdev's index, 0 when none
 * @vendor: PCI vendor ID
 * @device: PCI device ID
 * @name: libpci's "vendor device" name, or "" when unknown
 * @total_vfs: sriov_totalvfs, the most VFs the driver allows
 * @cap_total_vfs: TotalVFs of the SR-IOV capability, 0 when unreadable
 * @num_vfs: sriov_numvfs, the VFs enabled now
 * @iommu_group: its IOMMU group, -1 without one
 * @nr_vfs: entries in @vfs
 * @vfs: its VFs, by index
 */
struct vfmgr_pf {
	char pci_addr[VFMGR_PCI_ADDR_MAX];
	char driver[VFMGR_DRIVER_MAX];
	char ifname[IF_NAMESIZE];
	int ifindex;
	uint16_t vendor;
	uint16_t device;
	char name[VFMGR_PCI_NAME_MAX];
	unsigned int total_vfs;
	unsigned int cap_total_vfs;
	unsigned int num_vfs;
	int iommu_group;
	unsigned int nr_vfs;
	struct vfmgr_vf *vfs;
};

struct vfmgr_pci {
	unsigned int nr_pfs;
	struct vfmgr_pf *pfs;
};

/* ADDR is a canonical PCI address: "dddd:bb:dd.f", lower case hex */
bool vfmgr_pci_valid_addr(const char *addr);

/* Every SR-IOV capable PCI function, sorted by address.  0 or -errno. */
int vfmgr_pci_scan(struct vfmgr_pci *pci);
void vfmgr_pci_free(struct vfmgr_pci *pci);

/*
 * A [PF] section of vfmgr.conf matches PF: every match key it gives
 * matches, and it gives at least one.
 */
bool vfmgr_pci_pf_matches(const struct vfmgr_pf_conf *c,
			  const struct vfmgr_pf *pf);

/* The PF named by PCI address or netdev name, or NULL */
const struct vfmgr_pf *vfmgr_pci_find_pf(const struct vfmgr_pci *pci,
					 const char *name);
/* The VF at PCI address ADDR and its PF, or NULL */
const struct vfmgr_vf *vfmgr_pci_find_vf(const struct vfmgr_pci *pci,
					 const char *addr,
					 const struct vfmgr_pf **pf);

/*
 * Set the PF's VF count through sriov_numvfs.  A count that is already
 * set is left alone; on EBUSY (the kernel refuses N -> M) write 0 first,
 * then N, as systemd-networkd does.  0 or -errno.
 */
int vfmgr_pci_set_num_vfs(const char *pf_addr, unsigned int num_vfs);

/*
 * Bind the device at ADDR to DRIVER: driver_override = DRIVER, unbind from
 * its current driver, drivers_probe.  DRIVER "" clears the override and
 * lets the default driver probe it.  0 or -errno (-ENODEV when DRIVER did
 * not take it).
 */
int vfmgr_pci_bind(const char *addr, const char *driver);
/* The driver bound to the device at ADDR into DRIVER, "" when none */
void vfmgr_pci_driver(const char *addr, char driver[VFMGR_DRIVER_MAX]);
/* Unbind the device at ADDR from its driver, if any.  0 or -errno. */
int vfmgr_pci_unbind(const char *addr);
/* Reset the function at ADDR (its sysfs "reset": an FLR for a VF) */
int vfmgr_pci_reset(const char *addr);

/*
 * The netdev of the device at ADDR in the caller's netns into IFNAME,
 * waiting up to TIMEOUT_MS for one to appear.  0, -ENODEV, or -errno.
 */
int vfmgr_pci_netdev(const char *addr, char ifname[IF_NAMESIZE],
		     unsigned int timeout_ms);

/*
 * The device at ADDR, "dddd:bb:dd.f", behind a udev event's sysfs path:
 * for a "pci" device its own address, for a "net" device its parent's.
 * 0 or -ENOENT.
 */
int vfmgr_pci_addr_of(const char *syspath, char addr[VFMGR_PCI_ADDR_MAX]);

#endif /* VFMGR_PCI_H */
