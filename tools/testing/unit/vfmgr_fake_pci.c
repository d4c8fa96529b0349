// SPDX-License-Identifier: GPL-2.0
/*
 * The PCI devices vfmgr sees, faked for vfmgr_fake, the real vfmgr CLI
 * linked with -Wl,--wrap=vfmgr_pci_scan: sysfs cannot be faked for
 * libudev (it checks that devices sit on a sysfs mount), so the scan is
 * faked one level up and everything above it is the CLI as installed.
 *
 * The devices come from the file $VFMGR_FAKE_PCI, one a line, "-" for an
 * empty field, each VF under its PF:
 *
 *   pf ADDR DRIVER IFNAME VENDOR DEVICE TOTALVFS NUMVFS
 *   vf INDEX ADDR VENDOR DEVICE DRIVER IFNAME IOMMU_GROUP
 *
 * Lines starting with '#' and empty lines are skipped; a malformed line
 * fails the scan with -EINVAL.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pci.h"

int __wrap_vfmgr_pci_scan(struct vfmgr_pci *pci);

/* "-" is an empty field */
static void field(char *dst, size_t size, const char *s)
{
	snprintf(dst, size, "%s", strcmp(s, "-") ? s : "");
}

static int add_pf(struct vfmgr_pci *pci, const char *line)
{
	char addr[32], drv[64], ifname[32];
	unsigned int vendor, device, total, num;
	struct vfmgr_pf *pf, *tmp;

	if (sscanf(line, "pf %31s %63s %31s %x %x %u %u", addr, drv, ifname,
		   &vendor, &device, &total, &num) != 7)
		return -EINVAL;
	tmp = realloc(pci->pfs, (pci->nr_pfs + 1) * sizeof(*tmp));
	if (!tmp)
		return -ENOMEM;
	pci->pfs = tmp;
	pf = &pci->pfs[pci->nr_pfs++];
	memset(pf, 0, sizeof(*pf));
	field(pf->pci_addr, sizeof(pf->pci_addr), addr);
	field(pf->driver, sizeof(pf->driver), drv);
	field(pf->ifname, sizeof(pf->ifname), ifname);
	pf->ifindex = pf->ifname[0] ? (int)pci->nr_pfs + 1 : 0;
	pf->vendor = (uint16_t)vendor;
	pf->device = (uint16_t)device;
	pf->total_vfs = total;
	pf->num_vfs = num;
	pf->iommu_group = -1;
	return 0;
}

static int add_vf(struct vfmgr_pci *pci, const char *line)
{
	char addr[32], drv[64], ifname[32];
	unsigned int index, vendor, device;
	struct vfmgr_vf *vf, *tmp;
	struct vfmgr_pf *pf;
	int group;

	if (!pci->nr_pfs ||
	    sscanf(line, "vf %u %31s %x %x %63s %31s %d", &index, addr, &vendor,
		   &device, drv, ifname, &group) != 7)
		return -EINVAL;
	pf = &pci->pfs[pci->nr_pfs - 1];
	tmp = realloc(pf->vfs, (pf->nr_vfs + 1) * sizeof(*tmp));
	if (!tmp)
		return -ENOMEM;
	pf->vfs = tmp;
	vf = &pf->vfs[pf->nr_vfs++];
	memset(vf, 0, sizeof(*vf));
	vf->index = index;
	field(vf->pci_addr, sizeof(vf->pci_addr), addr);
	vf->vendor = (uint16_t)vendor;
	vf->device = (uint16_t)device;
	field(vf->driver, sizeof(vf->driver), drv);
	field(vf->ifname, sizeof(vf->ifname), ifname);
	vf->iommu_group = group;
	return 0;
}

int __wrap_vfmgr_pci_scan(struct vfmgr_pci *pci)
{
	const char *path = getenv("VFMGR_FAKE_PCI");
	char line[512];
	FILE *f;
	int err = 0;

	pci->nr_pfs = 0;
	pci->pfs = NULL;
	if (!path)
		return -ENOENT;
	f = fopen(path, "re");
	if (!f)
		return -errno;
	while (!err && fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "pf ", 3))
			err = add_pf(pci, line);
		else if (!strncmp(line, "vf ", 3))
			err = add_vf(pci, line);
		else if (line[0] != '#' && line[0] != '\n')
			err = -EINVAL;
	}
	fclose(f);
	if (err)
		vfmgr_pci_free(pci);
	return err;
}
