/*
 * QEMU Intel 82599 10GbE controller (i82599): a virtual function.
 *
 * The 82599 Virtual Function (8086:10ED) as ixgbevf sees it: BAR0 16 KB
 * of registers, BAR3 16 KB with the MSI-X table (3 vectors) and PBA,
 * capabilities MSI-X 0x70, PCIe v2 0xA0 with FLR, and ARI as the first
 * extended capability at 0x100 (datasheet 9.3.3, 9.4; real VFs have AER
 * there and ARI at 0x150, and VF errors are left out).  The function
 * holds no state of its own: its register window is a view of the PF's
 * (i82599_vt.c), and its queues are the PF queues of its pool.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/module.h"
#include "qemu/units.h"
#include "hw/pci/msix.h"
#include "hw/pci/pcie.h"
#include "hw/pci/pcie_sriov.h"
#include "hw/pci/pci_device.h"
#include "migration/vmstate.h"

#include "i82599_core.h"
#include "i82599_regs.h"
#include "trace.h"

OBJECT_DECLARE_SIMPLE_TYPE(I82599VfState, I82599VF)

struct I82599VfState {
    PCIDevice parent_obj;

    MemoryRegion mmio;
    MemoryRegion msix;
};

static I82599Core *i82599vf_core(PCIDevice *vf)
{
    return i82599_pf_core(pcie_sriov_get_pf(vf));
}

static uint64_t i82599vf_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    PCIDevice *vf = opaque;

    return i82599_vf_mmio_read(i82599vf_core(vf), pcie_sriov_vf_number(vf),
                               addr);
}

static void i82599vf_mmio_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
    PCIDevice *vf = opaque;

    i82599_vf_mmio_write(i82599vf_core(vf), pcie_sriov_vf_number(vf), addr,
                         val);
}

static const MemoryRegionOps i82599vf_mmio_ops = {
    .read = i82599vf_mmio_read,
    .write = i82599vf_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 8,
    },
    .impl = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

static void i82599vf_write_config(PCIDevice *dev, uint32_t addr, uint32_t val,
                                  int len)
{
    pci_default_write_config(dev, addr, val, len);
    /* DevCtl Initiate FLR: pci_device_reset -> i82599vf_reset_hold */
    pcie_cap_flr_write_config(dev, addr, val, len);
}

/*
 * QEMU 10.0 realizes the VFs inside pcie_sriov_pf_init(), before the PF
 * can declare its VF BARs 64-bit, and a VF BAR registered then is taken
 * as 32-bit: placed above 4 GB (where Linux puts them once 128 VFs' BARs
 * no longer fit below), it would never map.  So the PF registers its
 * VFs' BARs once it has declared them.
 */
void i82599vf_register_bars(PCIDevice *dev)
{
    I82599VfState *s = I82599VF(dev);

    pcie_sriov_vf_register_bar(dev, I82599_VF_BAR_MMIO, &s->mmio);
    pcie_sriov_vf_register_bar(dev, I82599_VF_BAR_MSIX, &s->msix);
}

static void i82599vf_realize(PCIDevice *dev, Error **errp)
{
    I82599VfState *s = I82599VF(dev);
    int ret, v;

    memory_region_init_io(&s->mmio, OBJECT(dev), &i82599vf_mmio_ops, dev,
                          "i82599vf-mmio", I82599_VF_MMIO_SIZE);
    memory_region_init(&s->msix, OBJECT(dev), "i82599vf-msix",
                       I82599_MSIX_BAR_SIZE);
    ret = msix_init(dev, I82599_VF_MSIX_VECTORS,
                    &s->msix, I82599_VF_BAR_MSIX, I82599_MSIX_TABLE_OFFSET,
                    &s->msix, I82599_VF_BAR_MSIX, I82599_MSIX_PBA_OFFSET,
                    I82599_CAP_MSIX, errp);
    if (ret < 0) {
        return;
    }
    for (v = 0; v < I82599_VF_MSIX_VECTORS; v++) {
        msix_vector_use(dev, v);
    }

    ret = pcie_endpoint_cap_init(dev, I82599_CAP_PCIE);
    if (ret < 0) {
        error_setg(errp, "i82599vf: PCIe capability: %d", ret);
        goto err_msix;
    }
    pcie_cap_flr_init(dev);
    pcie_ari_init(dev, I82599_VF_CAP_ARI);
    return;

err_msix:
    msix_unuse_all_vectors(dev);
    msix_uninit(dev, &s->msix, &s->msix);
}

static void i82599vf_exit(PCIDevice *dev)
{
    I82599VfState *s = I82599VF(dev);

    pcie_cap_exit(dev);
    msix_unuse_all_vectors(dev);
    msix_uninit(dev, &s->msix, &s->msix);
}

/* FLR, or the VF going away with VF Enable (datasheet 4.2.1.9) */
static void i82599vf_reset_hold(Object *obj, ResetType type)
{
    PCIDevice *vf = PCI_DEVICE(obj);
    PCIDevice *pf = pcie_sriov_get_pf(vf);

    if (!pf) {
        return;
    }
    i82599_vf_flr(i82599_pf_core(pf), pcie_sriov_vf_number(vf));
}

static const VMStateDescription i82599vf_vmstate = {
    .name = "i82599vf",
    .unmigratable = 1,
};

static void i82599vf_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    k->realize = i82599vf_realize;
    k->exit = i82599vf_exit;
    k->config_write = i82599vf_write_config;
    k->vendor_id = I82599_PCI_VENDOR_ID;
    k->device_id = I82599_PCI_DEVICE_ID_VF;
    k->revision = I82599_PCI_REVISION;
    k->subsystem_vendor_id = I82599_PCI_SUBSYS_VENDOR_ID;
    k->subsystem_id = I82599_PCI_SUBSYS_ID;
    k->class_id = PCI_CLASS_NETWORK_ETHERNET;
    rc->phases.hold = i82599vf_reset_hold;

    dc->desc = "Intel 82599 Virtual Function";
    dc->vmsd = &i82599vf_vmstate;
    dc->user_creatable = false;
    set_bit(DEVICE_CATEGORY_NETWORK, dc->categories);
}

static const TypeInfo i82599vf_info = {
    .name = TYPE_I82599VF,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(I82599VfState),
    .class_init = i82599vf_class_init,
    .interfaces = (InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { }
    },
};

static void i82599vf_register_types(void)
{
    type_register_static(&i82599vf_info);
}

type_init(i82599vf_register_types)
