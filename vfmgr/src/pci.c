// SPDX-License-Identifier: GPL-2.0
/*
 * PFs and VFs as sysfs shows them, see pci.h.
 *
 * libudev finds the SR-IOV capable functions: its enumerator reads sysfs
 * itself, so it works without a running udevd (the test VM has none).
 * Everything else is a sysfs attribute or link of the device: virtfnN,
 * driver, net/, iommu_group.  libpci gives the "vendor device" name from
 * pci.ids and reads the SR-IOV capability, which needs root for the
 * extended config space; without it TotalVFs reads as 0.
 *
 * Every address put into a path is checked to be a canonical PCI address
 * first, every driver name to be [A-Za-z0-9_-], so no caller's string can
 * walk out of /sys/bus/pci.
 */

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libudev.h>
#include <pci/pci.h>

#include "pci.h"

#define SYS_PCI_DEVICES		"/sys/bus/pci/devices"
#define SYS_PCI_DRIVERS		"/sys/bus/pci/drivers"
#define SYS_PCI_PROBE		"/sys/bus/pci/drivers_probe"

/* TotalVFs in the SR-IOV capability (PCIe base spec 9.3.3.6) */
#define SRIOV_TOTAL_VFS		0x0e

/* How often vfmgr_pci_netdev() looks for the netdev */
#define NETDEV_POLL_MS		20

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/**
 * vfmgr_pci_valid_addr() - is ADDR a canonical PCI address
 * @addr: the string
 *
 * Return: true for "dddd:bb:dd.f" in lower case hex, device 0..1f,
 * function 0..7.
 */
bool vfmgr_pci_valid_addr(const char *addr)
{
	static const char pattern[] = "xxxx:xx:xx.x";
	unsigned int i;

	if (strlen(addr) != sizeof(pattern) - 1)
		return false;
	for (i = 0; i < sizeof(pattern) - 1; i++) {
		if (pattern[i] == 'x') {
			if (hexval(addr[i]) < 0)
				return false;
		} else if (addr[i] != pattern[i]) {
			return false;
		}
	}
	return hexval(addr[8]) <= 1 && hexval(addr[11]) <= 7;
}

/* Driver names as vfmgr passes them to sysfs: [A-Za-z0-9_-]+ */
static bool valid_driver(const char *driver)
{
	size_t len = strlen(driver);

	if (!len || len >= VFMGR_DRIVER_MAX)
		return false;
	for (; *driver; driver++)
		if (!isalnum((unsigned char)*driver) && *driver != '_' &&
		    *driver != '-')
			return false;
	return true;
}

/* ---- sysfs files and links ---- */

/* PATH = SYS_PCI_DEVICES/ADDR[/ATTR], or -ENAMETOOLONG */
static int dev_path(char *path, size_t len, const char *addr,
		    const char *attr)
{
	int n = snprintf(path, len, SYS_PCI_DEVICES "/%s%s%s", addr,
			 attr ? "/" : "", attr ? attr : "");

	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

/* Write S to the sysfs file PATH in one write(2): 0 or -errno */
static int write_file(const char *path, const char *s)
{
	size_t len = strlen(s);
	ssize_t n;
	int fd, err = 0;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, s, len);
	if (n < 0)
		err = -errno;
	else if ((size_t)n != len)
		err = -EIO;
	if (close(fd) && !err)
		err = -errno;
	return err;
}

/* A small sysfs file into BUF, trailing newline dropped: 0 or -errno */
static int read_file(const char *path, char *buf, size_t len)
{
	ssize_t n;
	int fd, err = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	if (n < 0) {
		err = -errno;
		n = 0;
	}
	close(fd);
	buf[n] = '\0';
	if (n && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	return err;
}

static int parse_uint(const char *s, unsigned int *out)
{
	unsigned long v;
	char *end;

	if (!s || !isdigit((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > UINT_MAX)
		return -EINVAL;
	*out = (unsigned int)v;
	return 0;
}

/* The last path component of link DIR/NAME's target into OUT */
static int link_basename(const char *dir, const char *name, char *out,
			 size_t len)
{
	char path[PATH_MAX], target[PATH_MAX];
	const char *base;
	ssize_t n;
	int ret;

	ret = snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (ret < 0 || (size_t)ret >= sizeof(path))
		return -ENAMETOOLONG;
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return -errno;
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if (!*base || strlen(base) >= len)
		return -ENAMETOOLONG;
	strcpy(out, base);
	return 0;
}

/* The IOMMU group of the device at SYSPATH, -1 without one */
static int iommu_group(const char *syspath)
{
	char name[32];
	unsigned int group;

	if (link_basename(syspath, "iommu_group", name, sizeof(name)) ||
	    parse_uint(name, &group) || group > INT_MAX)
		return -1;
	return (int)group;
}

/* The driver bound to the device at SYSPATH into DRIVER, "" when none */
static void driver_of(const char *syspath, char driver[VFMGR_DRIVER_MAX])
{
	if (link_basename(syspath, "driver", driver, VFMGR_DRIVER_MAX))
		driver[0] = '\0';
}

/*
 * The first netdev under SYSPATH/net that this netns knows into IFNAME,
 * with its index.  sysfs shows the netdevs of the netns it was mounted
 * in, so a name is checked against the caller's.  -ENODEV when none.
 */
static int netdev_of(const char *syspath, char ifname[IF_NAMESIZE],
		     int *ifindex)
{
	char path[PATH_MAX];
	struct dirent *de;
	unsigned int idx;
	DIR *dir;
	int ret;

	ret = snprintf(path, sizeof(path), "%s/net", syspath);
	if (ret < 0 || (size_t)ret >= sizeof(path))
		return -ENAMETOOLONG;
	dir = opendir(path);
	if (!dir)
		return errno == ENOENT ? -ENODEV : -errno;
	ret = -ENODEV;
	while ((de = readdir(dir))) {
		if (de->d_name[0] == '.' || strlen(de->d_name) >= IF_NAMESIZE)
			continue;
		idx = if_nametoindex(de->d_name);
		if (!idx)
			continue;
		strcpy(ifname, de->d_name);
		if (ifindex)
			*ifindex = (int)idx;
		ret = 0;
		break;
	}
	closedir(dir);
	return ret;
}

/* ---- libpci: names and the SR-IOV capability ---- */

/*
 * libpci reports a fatal error through a callback that must not return
 * (its default exits the process).  Ours jumps back to the caller of
 * pci_ids(), which then does without libpci.  Library code does not log,
 * so warnings and debug output go nowhere.
 */
static jmp_buf libpci_fail;

static void __attribute__((noreturn, format(printf, 1, 2)))
libpci_error(char *msg, ...)
{
	(void)msg;
	longjmp(libpci_fail, 1);
}

static void __attribute__((format(printf, 1, 2)))
libpci_quiet(char *msg, ...)
{
	(void)msg;
}

static struct pci_access *libpci_open(void)
{
	struct pci_access *acc;

	acc = pci_alloc();
	if (!acc)
		return NULL;
	acc->error = libpci_error;
	acc->warning = libpci_quiet;
	acc->debug = libpci_quiet;
	/* sysfs only: no probing of I/O ports or /dev/mem */
	acc->method = PCI_ACCESS_SYS_BUS_PCI;
	if (setjmp(libpci_fail))
		return NULL;
	pci_init(acc);
	return acc;
}

/*
 * PF's name and the capability's TotalVFs, left "" and 0 when libpci
 * fails.  After a failure its state is unknown: *ACCP is dropped (and
 * leaked, as freeing it could fail again) and libpci is not called again.
 */
static void pci_ids(struct pci_access **accp, struct vfmgr_pf *pf)
{
	struct pci_access *acc = *accp;
	unsigned int dom, bus, dev, fn;
	struct pci_dev *pdev;
	struct pci_cap *cap;
	char *name;

	if (!acc || sscanf(pf->pci_addr, "%x:%x:%x.%x", &dom, &bus, &dev,
			   &fn) != 4)
		return;
	if (setjmp(libpci_fail)) {
		*accp = NULL;
		return;
	}
	name = pci_lookup_name(acc, pf->name, sizeof(pf->name),
			       PCI_LOOKUP_VENDOR | PCI_LOOKUP_DEVICE |
			       PCI_LOOKUP_NO_NUMBERS, pf->vendor, pf->device);
	if (!name)
		pf->name[0] = '\0';
	pdev = pci_get_dev(acc, (int)dom, (int)bus, (int)dev, (int)fn);
	if (!pdev)
		return;
	pci_fill_info(pdev, PCI_FILL_CAPS | PCI_FILL_EXT_CAPS);
	cap = pci_find_cap(pdev, PCI_EXT_CAP_ID_SRIOV, PCI_CAP_EXTENDED);
	if (cap) {
		pf->cap_total_vfs = pci_read_word(pdev,
						  cap->addr + SRIOV_TOTAL_VFS);
		/* all ones: the config space read failed */
		if (pf->cap_total_vfs == 0xffff)
			pf->cap_total_vfs = 0;
	}
	pci_free_dev(pdev);
}

/* ---- the scan ---- */

static int cmp_pf(const void *a, const void *b)
{
	const struct vfmgr_pf *x = a, *y = b;

	return strcmp(x->pci_addr, y->pci_addr);
}

static int cmp_vf(const void *a, const void *b)
{
	const struct vfmgr_vf *x = a, *y = b;

	return x->index < y->index ? -1 : x->index > y->index;
}

/* A "0x8086" attribute of the device at SYSPATH, 0 when unreadable */
static unsigned int hex_attr(const char *syspath, const char *attr)
{
	char path[PATH_MAX], buf[16], *end;
	unsigned long v;
	int ret;

	ret = snprintf(path, sizeof(path), "%s/%s", syspath, attr);
	if (ret < 0 || (size_t)ret >= sizeof(path) ||
	    read_file(path, buf, sizeof(buf)) || strncmp(buf, "0x", 2))
		return 0;
	errno = 0;
	v = strtoul(buf + 2, &end, 16);
	return errno || end == buf + 2 || *end || v > 0xffff ? 0 : (unsigned int)v;
}

static int scan_vf(const char *pf_syspath, struct vfmgr_vf *vf)
{
	char name[32], path[PATH_MAX];
	int ret;

	snprintf(name, sizeof(name), "virtfn%u", vf->index);
	ret = link_basename(pf_syspath, name, vf->pci_addr,
			    sizeof(vf->pci_addr));
	if (ret)
		return ret;
	if (!vfmgr_pci_valid_addr(vf->pci_addr))
		return -EINVAL;
	ret = dev_path(path, sizeof(path), vf->pci_addr, NULL);
	if (ret)
		return ret;
	vf->vendor = (uint16_t)hex_attr(path, "vendor");
	vf->device = (uint16_t)hex_attr(path, "device");
	driver_of(path, vf->driver);
	if (netdev_of(path, vf->ifname, NULL))
		vf->ifname[0] = '\0';
	vf->iommu_group = iommu_group(path);
	return 0;
}

/* The PF's virtfnN links, by N, at most VFMGR_MAX_NUM_VFS of them */
static int scan_vfs(const char *syspath, struct vfmgr_pf *pf)
{
	struct vfmgr_vf *vfs = NULL, *tmp;
	unsigned int n = 0, cap = 0, index;
	struct dirent *de;
	DIR *dir;
	int ret = 0;

	dir = opendir(syspath);
	if (!dir)
		return -errno;
	while ((de = readdir(dir))) {
		if (strncmp(de->d_name, "virtfn", 6) ||
		    parse_uint(de->d_name + 6, &index))
			continue;
		if (n == VFMGR_MAX_NUM_VFS)
			break;
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			tmp = realloc(vfs, cap * sizeof(*vfs));
			if (!tmp) {
				ret = -ENOMEM;
				break;
			}
			vfs = tmp;
		}
		memset(&vfs[n], 0, sizeof(vfs[n]));
		vfs[n].index = index;
		/* A VF that went away under us is left out */
		if (!scan_vf(syspath, &vfs[n]))
			n++;
	}
	closedir(dir);
	if (ret) {
		free(vfs);
		return ret;
	}
	qsort(vfs, n, sizeof(*vfs), cmp_vf);
	pf->vfs = vfs;
	pf->nr_vfs = n;
	return 0;
}

static unsigned int sysattr_uint(struct udev_device *dev, const char *attr)
{
	const char *s = udev_device_get_sysattr_value(dev, attr);
	unsigned int v;

	if (!s)
		return 0;
	/* vendor and device read "0x8086" */
	if (!strncmp(s, "0x", 2)) {
		char *end;
		unsigned long h;

		errno = 0;
		h = strtoul(s + 2, &end, 16);
		return errno || *end || h > UINT_MAX ? 0 : (unsigned int)h;
	}
	return parse_uint(s, &v) ? 0 : v;
}

/* One PF: 0, 1 when it is not one after all (left out), or -errno */
static int scan_pf(struct udev_device *dev, struct pci_access **acc,
		   struct vfmgr_pf *pf)
{
	const char *syspath = udev_device_get_syspath(dev);
	const char *sysname = udev_device_get_sysname(dev);

	memset(pf, 0, sizeof(*pf));
	if (!syspath || !sysname || !vfmgr_pci_valid_addr(sysname))
		return 1;
	strcpy(pf->pci_addr, sysname);
	driver_of(syspath, pf->driver);
	if (netdev_of(syspath, pf->ifname, &pf->ifindex)) {
		pf->ifname[0] = '\0';
		pf->ifindex = 0;
	}
	pf->vendor = (uint16_t)sysattr_uint(dev, "vendor");
	pf->device = (uint16_t)sysattr_uint(dev, "device");
	pf->total_vfs = sysattr_uint(dev, "sriov_totalvfs");
	pf->num_vfs = sysattr_uint(dev, "sriov_numvfs");
	pf->iommu_group = iommu_group(syspath);
	pci_ids(acc, pf);
	return scan_vfs(syspath, pf);
}

/**
 * vfmgr_pci_scan() - find every SR-IOV capable PCI function
 * @pci: filled with them, sorted by address; free with vfmgr_pci_free()
 *
 * Functions whose address is not "dddd:bb:dd.f" (a domain past ffff)
 * are left out.
 *
 * Return: 0 or -errno.
 */
int vfmgr_pci_scan(struct vfmgr_pci *pci)
{
	struct udev_list_entry *entry;
	struct udev_enumerate *en = NULL;
	struct pci_access *acc = NULL;
	struct vfmgr_pf *tmp;
	struct udev *udev;
	unsigned int cap = 0;
	int ret;

	pci->nr_pfs = 0;
	pci->pfs = NULL;
	udev = udev_new();
	if (!udev)
		return -ENOMEM;
	en = udev_enumerate_new(udev);
	if (!en) {
		ret = -ENOMEM;
		goto out;
	}
	ret = udev_enumerate_add_match_subsystem(en, "pci");
	if (!ret)
		ret = udev_enumerate_add_match_sysattr(en, "sriov_totalvfs",
						       NULL);
	if (!ret)
		ret = udev_enumerate_scan_devices(en);
	if (ret < 0)
		goto out;

	acc = libpci_open();
	udev_list_entry_foreach(entry, udev_enumerate_get_list_entry(en)) {
		struct udev_device *dev;

		dev = udev_device_new_from_syspath(udev,
						   udev_list_entry_get_name(entry));
		if (!dev)
			continue;	/* gone since the enumeration */
		if (pci->nr_pfs == cap) {
			cap = cap ? 2 * cap : 4;
			tmp = realloc(pci->pfs, cap * sizeof(*tmp));
			if (!tmp) {
				udev_device_unref(dev);
				ret = -ENOMEM;
				goto out;
			}
			pci->pfs = tmp;
		}
		ret = scan_pf(dev, &acc, &pci->pfs[pci->nr_pfs]);
		udev_device_unref(dev);
		if (ret < 0)
			goto out;
		if (!ret)
			pci->nr_pfs++;
	}
	ret = 0;
	qsort(pci->pfs, pci->nr_pfs, sizeof(*pci->pfs), cmp_pf);
out:
	if (acc)
		pci_cleanup(acc);
	udev_enumerate_unref(en);
	udev_unref(udev);
	if (ret)
		vfmgr_pci_free(pci);
	return ret;
}

void vfmgr_pci_free(struct vfmgr_pci *pci)
{
	unsigned int i;

	for (i = 0; i < pci->nr_pfs; i++)
		free(pci->pfs[i].vfs);
	free(pci->pfs);
	pci->pfs = NULL;
	pci->nr_pfs = 0;
}

/**
 * vfmgr_pci_pf_matches() - does a [PF] section of vfmgr.conf match a PF
 * @c: the section
 * @pf: the PF
 *
 * Return: true when every match key @c gives matches, and it gives one.
 */
bool vfmgr_pci_pf_matches(const struct vfmgr_pf_conf *c,
			  const struct vfmgr_pf *pf)
{
	if (c->pci_addr[0] && strcmp(c->pci_addr, pf->pci_addr))
		return false;
	if (c->driver[0] && strcmp(c->driver, pf->driver))
		return false;
	if (c->ifname[0] && strcmp(c->ifname, pf->ifname))
		return false;
	return c->pci_addr[0] || c->driver[0] || c->ifname[0];
}

const struct vfmgr_pf *vfmgr_pci_find_pf(const struct vfmgr_pci *pci,
					 const char *name)
{
	unsigned int i;

	for (i = 0; i < pci->nr_pfs; i++) {
		const struct vfmgr_pf *pf = &pci->pfs[i];

		if (!strcmp(pf->pci_addr, name) ||
		    (pf->ifname[0] && !strcmp(pf->ifname, name)))
			return pf;
	}
	return NULL;
}

const struct vfmgr_vf *vfmgr_pci_find_vf(const struct vfmgr_pci *pci,
					 const char *addr,
					 const struct vfmgr_pf **pf)
{
	unsigned int i, j;

	for (i = 0; i < pci->nr_pfs; i++) {
		for (j = 0; j < pci->pfs[i].nr_vfs; j++) {
			if (strcmp(pci->pfs[i].vfs[j].pci_addr, addr))
				continue;
			if (pf)
				*pf = &pci->pfs[i];
			return &pci->pfs[i].vfs[j];
		}
	}
	return NULL;
}

/* ---- acting through sysfs ---- */

static int read_numvfs(const char *path, unsigned int *n)
{
	char buf[32];
	int ret;

	ret = read_file(path, buf, sizeof(buf));
	if (ret)
		return ret;
	return parse_uint(buf, n);
}

/**
 * vfmgr_pci_set_num_vfs() - set a PF's VF count
 * @pf_addr: the PF's PCI address
 * @num_vfs: the count
 *
 * Return: 0 or -errno.
 */
int vfmgr_pci_set_num_vfs(const char *pf_addr, unsigned int num_vfs)
{
	char path[PATH_MAX], buf[16];
	unsigned int cur;
	int ret;

	if (!vfmgr_pci_valid_addr(pf_addr))
		return -EINVAL;
	ret = dev_path(path, sizeof(path), pf_addr, "sriov_numvfs");
	if (ret)
		return ret;
	ret = read_numvfs(path, &cur);
	if (ret)
		return ret;
	if (cur == num_vfs)
		return 0;
	snprintf(buf, sizeof(buf), "%u", num_vfs);
	ret = write_file(path, buf);
	/* The kernel takes only 0 -> N and N -> 0 */
	if (ret == -EBUSY && num_vfs) {
		ret = write_file(path, "0");
		if (!ret)
			ret = write_file(path, buf);
	}
	return ret;
}

/**
 * vfmgr_pci_unbind() - unbind a device from its driver
 * @addr: its PCI address
 *
 * Return: 0 (also when it had none) or -errno.
 */
int vfmgr_pci_unbind(const char *addr)
{
	char path[PATH_MAX];
	int ret;

	if (!vfmgr_pci_valid_addr(addr))
		return -EINVAL;
	ret = dev_path(path, sizeof(path), addr, "driver/unbind");
	if (ret)
		return ret;
	ret = write_file(path, addr);
	/* No driver, or it went away since */
	if (ret == -ENOENT || ret == -ENODEV)
		ret = 0;
	return ret;
}

/**
 * vfmgr_pci_bind() - bind a device to a driver and to no other
 * @addr: its PCI address
 * @driver: the driver, or "" to clear driver_override
 *
 * A DRIVER that is not loaded (no /sys/bus/pci/drivers/DRIVER) fails with
 * -ENODEV before anything changes; one already bound is left bound.
 *
 * Return: 0, -ENODEV when DRIVER did not take the device, or -errno.
 */
int vfmgr_pci_bind(const char *addr, const char *driver)
{
	char path[PATH_MAX], dev[PATH_MAX], cur[VFMGR_DRIVER_MAX];
	int ret;

	if (!vfmgr_pci_valid_addr(addr) || (*driver && !valid_driver(driver)))
		return -EINVAL;
	ret = dev_path(dev, sizeof(dev), addr, NULL);
	if (ret)
		return ret;
	if (access(dev, F_OK))
		return -errno;
	if (*driver) {
		snprintf(path, sizeof(path), SYS_PCI_DRIVERS "/%s", driver);
		if (access(path, F_OK))
			return -ENODEV;
	}

	/* "\n": an empty override clears it */
	ret = dev_path(path, sizeof(path), addr, "driver_override");
	if (!ret)
		ret = write_file(path, *driver ? driver : "\n");
	if (ret)
		return ret;
	driver_of(dev, cur);
	if (*driver && !strcmp(cur, driver))
		return 0;
	ret = vfmgr_pci_unbind(addr);
	if (ret)
		return ret;
	ret = write_file(SYS_PCI_PROBE, addr);
	if (ret)
		return ret;
	if (!*driver)
		return 0;
	driver_of(dev, cur);
	return strcmp(cur, driver) ? -ENODEV : 0;
}

/**
 * vfmgr_pci_driver() - the driver bound to a device
 * @addr: its PCI address
 * @driver: the driver's name, "" when none
 */
void vfmgr_pci_driver(const char *addr, char driver[VFMGR_DRIVER_MAX])
{
	char path[PATH_MAX];

	if (dev_path(path, sizeof(path), addr, NULL))
		driver[0] = '\0';
	else
		driver_of(path, driver);
}

/**
 * vfmgr_pci_reset() - reset a function through its sysfs "reset"
 * @addr: its PCI address
 *
 * Return: 0 or -errno.
 */
int vfmgr_pci_reset(const char *addr)
{
	char path[PATH_MAX];
	int ret;

	if (!vfmgr_pci_valid_addr(addr))
		return -EINVAL;
	ret = dev_path(path, sizeof(path), addr, "reset");
	if (ret)
		return ret;
	return write_file(path, "1");
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/**
 * vfmgr_pci_netdev() - the netdev of a device, once it has one
 * @addr: its PCI address
 * @ifname: the netdev's name
 * @timeout_ms: how long to wait for it to appear
 *
 * Return: 0, -ENODEV when none appeared in time, or -errno (-ENOENT: no
 * such device).
 */
int vfmgr_pci_netdev(const char *addr, char ifname[IF_NAMESIZE],
		     unsigned int timeout_ms)
{
	long long deadline = now_ms() + timeout_ms;
	struct timespec poll = { 0, NETDEV_POLL_MS * 1000000L };
	char dev[PATH_MAX];
	int ret;

	if (!vfmgr_pci_valid_addr(addr))
		return -EINVAL;
	ret = dev_path(dev, sizeof(dev), addr, NULL);
	if (ret)
		return ret;
	for (;;) {
		if (access(dev, F_OK))
			return -errno;
		ret = netdev_of(dev, ifname, NULL);
		if (ret != -ENODEV || now_ms() >= deadline)
			return ret;
		nanosleep(&poll, NULL);
	}
}

/**
 * vfmgr_pci_addr_of() - the PCI device behind a udev event's sysfs path
 * @syspath: a "pci" device's path, or a "net" device's
 * @addr: its address, or the net device's parent's
 *
 * Return: 0 or -ENOENT (not a PCI function or a PCI function's netdev).
 */
int vfmgr_pci_addr_of(const char *syspath, char addr[VFMGR_PCI_ADDR_MAX])
{
	char subsys[32], name[VFMGR_PCI_ADDR_MAX];
	char *base;

	if (syspath[0] != '/' ||
	    link_basename(syspath, "subsystem", subsys, sizeof(subsys)))
		return -ENOENT;
	if (!strcmp(subsys, "pci")) {
		base = strrchr(syspath, '/');
		if (strlen(base + 1) >= sizeof(name))
			return -ENOENT;
		strcpy(name, base + 1);
	} else if (!strcmp(subsys, "net")) {
		if (link_basename(syspath, "device", name, sizeof(name)))
			return -ENOENT;
	} else {
		return -ENOENT;
	}
	if (!vfmgr_pci_valid_addr(name))
		return -ENOENT;
	strcpy(addr, name);
	return 0;
}
