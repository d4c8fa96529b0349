// SPDX-License-Identifier: GPL-2.0
/*
 * vfiogroup: take a PCI device through VFIO the way QEMU's vfio-pci does,
 * to show that a VF handed to a VM is usable by one.
 *
 *   vfiogroup GROUP ADDR [HOLD_SECONDS]
 *
 * Opens the container and /dev/vfio/GROUP, checks the group is viable
 * (every device in it bound to vfio), attaches it to a type1 IOMMU,
 * opens the device ADDR, reads its vendor and device ID from config
 * space, and maps one page for DMA through the IOMMU.  With HOLD_SECONDS
 * it keeps all of it open that long before exiting (a VM still running).
 * Exit 0 and one "ok" line on success, 1 with the failing step otherwise.
 */

#include <errno.h>
#include <fcntl.h>
#include <linux/vfio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

static int fail(const char *step)
{
	fprintf(stderr, "vfiogroup: %s: %s\n", step, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct vfio_region_info cfg = {
		.argsz = sizeof(cfg),
		.index = VFIO_PCI_CONFIG_REGION_INDEX,
	};
	struct vfio_iommu_type1_dma_map map = {
		.argsz = sizeof(map),
		.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
		.iova = 1ULL << 32,
		.size = 4096,
	};
	int container, group, dev, iommu;
	uint16_t id[2];
	char path[64];
	void *page;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: vfiogroup GROUP ADDR [HOLD_SECONDS]\n");
		return 2;
	}
	container = open("/dev/vfio/vfio", O_RDWR | O_CLOEXEC);
	if (container < 0)
		return fail("open /dev/vfio/vfio");
	if (ioctl(container, VFIO_GET_API_VERSION) != VFIO_API_VERSION) {
		errno = EPROTO;
		return fail("VFIO API version");
	}
	iommu = ioctl(container, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) > 0 ?
		VFIO_TYPE1v2_IOMMU : VFIO_TYPE1_IOMMU;

	snprintf(path, sizeof(path), "/dev/vfio/%s", argv[1]);
	group = open(path, O_RDWR | O_CLOEXEC);
	if (group < 0)
		return fail(path);
	if (ioctl(group, VFIO_GROUP_GET_STATUS, &status))
		return fail("VFIO_GROUP_GET_STATUS");
	if (!(status.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		errno = EBUSY;
		return fail("group not viable (a device in it is not bound to vfio)");
	}
	if (ioctl(group, VFIO_GROUP_SET_CONTAINER, &container))
		return fail("VFIO_GROUP_SET_CONTAINER");
	if (ioctl(container, VFIO_SET_IOMMU, iommu))
		return fail("VFIO_SET_IOMMU");

	dev = ioctl(group, VFIO_GROUP_GET_DEVICE_FD, argv[2]);
	if (dev < 0)
		return fail("VFIO_GROUP_GET_DEVICE_FD");
	if (ioctl(dev, VFIO_DEVICE_GET_INFO, &info))
		return fail("VFIO_DEVICE_GET_INFO");
	if (!(info.flags & VFIO_DEVICE_FLAGS_PCI)) {
		errno = ENODEV;
		return fail("not a PCI device");
	}
	if (ioctl(dev, VFIO_DEVICE_GET_REGION_INFO, &cfg))
		return fail("config region info");
	if (pread(dev, id, sizeof(id), (off_t)cfg.offset) != sizeof(id))
		return fail("config space read");

	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return fail("mmap");
	map.vaddr = (uintptr_t)page;
	if (ioctl(container, VFIO_IOMMU_MAP_DMA, &map))
		return fail("VFIO_IOMMU_MAP_DMA");

	printf("vfiogroup: ok group %s device %s id %04x:%04x regions %u dma mapped\n",
	       argv[1], argv[2], id[0], id[1], info.num_regions);
	fflush(stdout);
	if (argc == 4)
		sleep((unsigned int)atoi(argv[3]));
	return 0;
}
