/*
 * QEMU Intel 82599 10GbE controller (i82599): PCI function of one port.
 *
 * The 82599ES SFP+ (8086:10FB) as ixgbe sees one of its two ports: BAR0
 * 128 KB of registers, BAR4 16 KB with the MSI-X table (64 vectors) and
 * PBA, capabilities PM 0x40, MSI 0x50, MSI-X 0x70, PCIe v2 0xA0 (FLR),
 * AER 0x100, DSN 0x140, ARI 0x150 (datasheet 9.3, 9.4).  Two instances at
 * functions 0 and 1 of one slot make the dual-port card; STATUS.LAN_ID
 * follows the function number.
 *
 * SR-IOV at 0x160: 64 VFs (i82599vf.c) at routing ID offset 0x80, stride
 * 2, as on real parts, so that both ports' VFs fit on one bus when the
 * ports are functions 0 and 1 (ARI makes the bus one of 256 functions).
 *
 * Left out: the 32-byte I/O BAR2 (IOADDR/IODATA; ixgbe maps only memory
 * BARs), VPD, the expansion ROM, and migration (the device is marked
 * unmigratable).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/module.h"
#include "qemu/range.h"
#include "qemu/units.h"
#include "hw/pci/msi.h"
#include "hw/pci/msix.h"
#include "hw/pci/pcie.h"
#include "hw/pci/pcie_sriov.h"
#include "hw/pci/pci_device.h"
#include "hw/qdev-properties.h"
#include "migration/vmstate.h"
#include "net/net.h"
#include "system/system.h"

#include "i82599_core.h"
#include "i82599_regs.h"
#include "trace.h"

#define TYPE_I82599 "i82599"
OBJECT_DECLARE_SIMPLE_TYPE(I82599State, I82599)

struct I82599State {
    PCIDevice parent_obj;

    NICConf conf;
    MemoryRegion mmio;
    MemoryRegion msix;
    char *sfp;                          /* the module in the cage */

    I82599Core core;
};

static uint8_t i82599_func(I82599State *s)
{
    return PCI_FUNC(PCI_DEVICE(s)->devfn);
}

/* ---- BAR0 ---- */

static uint64_t i82599_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    I82599State *s = opaque;

    return i82599_core_mmio_read(&s->core, addr, size);
}

static void i82599_mmio_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    I82599State *s = opaque;

    i82599_core_mmio_write(&s->core, addr, val, size);
}

/*
 * 32-bit registers; ixgbe also writes FDIRHASH/FDIRCMD with one 64-bit
 * writeq (ixgbe_fdir_add_signature_filter_82599), which the memory core
 * splits into two 32-bit accesses, low dword first.
 */
static const MemoryRegionOps i82599_mmio_ops = {
    .read = i82599_mmio_read,
    .write = i82599_mmio_write,
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

/* ---- network backend ---- */

static bool i82599_nc_can_receive(NetClientState *nc)
{
    I82599State *s = qemu_get_nic_opaque(nc);

    /* a port with its link down takes frames off the wire and drops them */
    if (!i82599_link_is_up(&s->core)) {
        return true;
    }
    return i82599_dp_can_receive(&s->core);
}

static ssize_t i82599_nc_receive_iov(NetClientState *nc,
                                     const struct iovec *iov, int iovcnt)
{
    I82599State *s = qemu_get_nic_opaque(nc);

    if (!i82599_link_is_up(&s->core)) {
        size_t size = iov_size(iov, iovcnt);

        trace_i82599_nic_receive_drop(i82599_func(s), size);
        return size;
    }
    return i82599_dp_receive_iov(&s->core, iov, iovcnt);
}

static ssize_t i82599_nc_receive(NetClientState *nc, const uint8_t *buf,
                                 size_t size)
{
    const struct iovec iov = {
        .iov_base = (uint8_t *)buf,
        .iov_len = size,
    };

    return i82599_nc_receive_iov(nc, &iov, 1);
}

static void i82599_nc_link_status_changed(NetClientState *nc)
{
    I82599State *s = qemu_get_nic_opaque(nc);

    trace_i82599_nic_link_status(i82599_func(s), nc->link_down);
    i82599_core_link_status_changed(&s->core);
}

static NetClientInfo i82599_net_info = {
    .type = NET_CLIENT_DRIVER_NIC,
    .size = sizeof(NICState),
    .can_receive = i82599_nc_can_receive,
    .receive = i82599_nc_receive,
    .receive_iov = i82599_nc_receive_iov,
    .link_status_changed = i82599_nc_link_status_changed,
};

/* ---- config space ---- */

static void i82599_write_config(PCIDevice *dev, uint32_t addr, uint32_t val,
                                int len)
{
    I82599State *s = I82599(dev);

    pci_default_write_config(dev, addr, val, len);
    /* DevCtl Initiate FLR: pci_device_reset -> i82599_reset_hold */
    pcie_cap_flr_write_config(dev, addr, val, len);

    if (range_covers_byte(addr, len, PCI_COMMAND) &&
        (dev->config[PCI_COMMAND] & PCI_COMMAND_MASTER)) {
        i82599_dp_kick_rx(&s->core);
    }
}

I82599Core *i82599_pf_core(PCIDevice *pf)
{
    return &I82599(pf)->core;
}

static void i82599_init_msix(I82599State *s, Error **errp)
{
    PCIDevice *dev = PCI_DEVICE(s);
    int v;

    memory_region_init(&s->msix, OBJECT(s), "i82599-msix",
                       I82599_MSIX_BAR_SIZE);
    pci_register_bar(dev, I82599_BAR_MSIX,
                     PCI_BASE_ADDRESS_SPACE_MEMORY |
                     PCI_BASE_ADDRESS_MEM_TYPE_64, &s->msix);
    if (msix_init(dev, I82599_MSIX_VECTORS,
                  &s->msix, I82599_BAR_MSIX, I82599_MSIX_TABLE_OFFSET,
                  &s->msix, I82599_BAR_MSIX, I82599_MSIX_PBA_OFFSET,
                  I82599_CAP_MSIX, errp) < 0) {
        return;
    }
    /* without this msix_notify drops the message */
    for (v = 0; v < I82599_MSIX_VECTORS; v++) {
        msix_vector_use(dev, v);
    }
}

static void i82599_realize(PCIDevice *dev, Error **errp)
{
    ERRP_GUARD();
    I82599State *s = I82599(dev);
    const uint8_t *m = s->conf.macaddr.a;
    uint16_t pmc;
    uint64_t dsn;
    int ret, v;

    qemu_macaddr_default_if_unset(&s->conf.macaddr);
    if (!i82599_core_set_sfp(&s->core, s->sfp ? s->sfp : "da")) {
        error_setg(errp, "i82599: sfp=%s: not one of da, sr, lr, "
                   "unsupported, none", s->sfp);
        return;
    }

    dev->config[PCI_INTERRUPT_PIN] = 1;
    dev->config[PCI_CACHE_LINE_SIZE] = 0x10;

    memory_region_init_io(&s->mmio, OBJECT(s), &i82599_mmio_ops, s,
                          "i82599-mmio", I82599_MMIO_SIZE);
    pci_register_bar(dev, I82599_BAR_MMIO,
                     PCI_BASE_ADDRESS_SPACE_MEMORY |
                     PCI_BASE_ADDRESS_MEM_TYPE_64, &s->mmio);

    /* capabilities, in the order of the list as on real parts */
    ret = pci_pm_init(dev, I82599_CAP_PM, errp);
    if (ret < 0) {
        return;
    }
    /* PM 1.2, D3hot only, PME from D3hot; state bits writable */
    pmc = PCI_PM_CAP_VER_1_2 | PCI_PM_CAP_DSI | PCI_PM_CAP_PME_D0 |
          PCI_PM_CAP_PME_D3hot;
    pci_set_word(dev->config + I82599_CAP_PM + PCI_PM_PMC, pmc);
    pci_set_word(dev->wmask + I82599_CAP_PM + PCI_PM_CTRL,
                 PCI_PM_CTRL_STATE_MASK | PCI_PM_CTRL_PME_ENABLE);
    pci_set_word(dev->w1cmask + I82599_CAP_PM + PCI_PM_CTRL,
                 PCI_PM_CTRL_PME_STATUS);

    /* MSI is optional: ixgbe falls back to INTx without it */
    msi_init(dev, I82599_CAP_MSI, 1, true, true, NULL);

    i82599_init_msix(s, errp);
    if (*errp) {
        goto err_msi;
    }

    ret = pcie_endpoint_cap_init(dev, I82599_CAP_PCIE);
    if (ret < 0) {
        error_setg(errp, "i82599: PCIe capability: %d", ret);
        goto err_msix;
    }
    /* 5 GT/s x8, as the 82599 (ixgbe_get_bus_info_generic reads LnkSta) */
    pcie_cap_fill_link_ep_usp(dev, QEMU_PCI_EXP_LNK_X8, QEMU_PCI_EXP_LNK_5GT);
    pcie_cap_flr_init(dev);

    ret = pcie_aer_init(dev, PCI_ERR_VER, I82599_CAP_AER, PCI_ERR_SIZEOF,
                        errp);
    if (ret < 0) {
        goto err_pcie;
    }
    /* DSN: EUI-64 from the port's MAC */
    dsn = ((uint64_t)m[0] << 56) | ((uint64_t)m[1] << 48) |
          ((uint64_t)m[2] << 40) | (0xFFFEULL << 24) |
          ((uint64_t)m[3] << 16) | ((uint64_t)m[4] << 8) | m[5];
    pcie_dev_ser_num_init(dev, I82599_CAP_DSN, dsn);
    pcie_ari_init(dev, I82599_CAP_ARI);
    /* port 0 of a two-port card names port 1 as the next function */
    if (PCI_FUNC(dev->devfn) == 0 &&
        (dev->cap_present & QEMU_PCI_CAP_MULTIFUNCTION)) {
        pci_set_long(dev->config + I82599_CAP_ARI + PCI_ARI_CAP, 1 << 8);
    }

    if (!pcie_sriov_pf_init(dev, I82599_CAP_SRIOV, TYPE_I82599VF,
                            I82599_PCI_DEVICE_ID_VF, I82599_TOTAL_VFS,
                            I82599_TOTAL_VFS, I82599_VF_OFFSET,
                            I82599_VF_STRIDE, errp)) {
        goto err_aer;
    }
    pcie_sriov_pf_init_vf_bar(dev, I82599_VF_BAR_MMIO,
                              PCI_BASE_ADDRESS_MEM_TYPE_64 |
                              PCI_BASE_ADDRESS_MEM_PREFETCH,
                              I82599_VF_MMIO_SIZE);
    pcie_sriov_pf_init_vf_bar(dev, I82599_VF_BAR_MSIX,
                              PCI_BASE_ADDRESS_MEM_TYPE_64 |
                              PCI_BASE_ADDRESS_MEM_PREFETCH,
                              I82599_MSIX_BAR_SIZE);
    for (v = 0; v < I82599_TOTAL_VFS; v++) {
        i82599vf_register_bars(dev->exp.sriov_pf.vf[v]);
    }

    s->core.nic = qemu_new_nic(&i82599_net_info, &s->conf,
                               object_get_typename(OBJECT(s)),
                               DEVICE(s)->id,
                               &DEVICE(s)->mem_reentrancy_guard, s);
    qemu_format_nic_info_str(qemu_get_queue(s->core.nic),
                             s->conf.macaddr.a);
    trace_i82599_pci_realize(PCI_FUNC(dev->devfn),
                             qemu_get_queue(s->core.nic)->info_str);

    i82599_core_realize(&s->core, dev, s->core.nic, m);
    return;

err_aer:
    pcie_aer_exit(dev);
err_pcie:
    pcie_cap_exit(dev);
err_msix:
    msix_unuse_all_vectors(dev);
    msix_uninit(dev, &s->msix, &s->msix);
err_msi:
    msi_uninit(dev);
}

static void i82599_exit(PCIDevice *dev)
{
    I82599State *s = I82599(dev);

    i82599_core_unrealize(&s->core);
    qemu_del_nic(s->core.nic);
    pcie_sriov_pf_exit(dev);
    pcie_aer_exit(dev);
    pcie_cap_exit(dev);
    msix_unuse_all_vectors(dev);
    msix_uninit(dev, &s->msix, &s->msix);
    msi_uninit(dev);
}

/* Power-on, PCI reset, FLR: the device's own reset (datasheet 4.2.1) */
static void i82599_reset_hold(Object *obj, ResetType type)
{
    I82599State *s = I82599(obj);

    trace_i82599_pci_reset(i82599_func(s));
    i82599_core_reset(&s->core);
}

static const VMStateDescription i82599_vmstate = {
    .name = "i82599",
    .unmigratable = 1,
};

static const Property i82599_properties[] = {
    DEFINE_NIC_PROPERTIES(I82599State, conf),
    DEFINE_PROP_STRING("sfp", I82599State, sfp),
};

static void i82599_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = i82599_realize;
    k->exit = i82599_exit;
    k->config_write = i82599_write_config;
    k->vendor_id = I82599_PCI_VENDOR_ID;
    k->device_id = I82599_PCI_DEVICE_ID_SFP;
    k->revision = I82599_PCI_REVISION;
    k->subsystem_vendor_id = I82599_PCI_SUBSYS_VENDOR_ID;
    k->subsystem_id = I82599_PCI_SUBSYS_ID;
    k->class_id = PCI_CLASS_NETWORK_ETHERNET;

    rc->phases.hold = i82599_reset_hold;

    dc->desc = "Intel 82599ES 10-Gigabit SFP+ Network Connection";
    dc->vmsd = &i82599_vmstate;
    device_class_set_props(dc, i82599_properties);
    set_bit(DEVICE_CATEGORY_NETWORK, dc->categories);
}

static void i82599_instance_init(Object *obj)
{
    I82599State *s = I82599(obj);

    device_add_bootindex_property(obj, &s->conf.bootindex, "bootindex",
                                  "/ethernet-phy@0", DEVICE(obj));
}

static const TypeInfo i82599_info = {
    .name = TYPE_I82599,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(I82599State),
    .instance_init = i82599_instance_init,
    .class_init = i82599_class_init,
    .interfaces = (InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { }
    },
};

static void i82599_register_types(void)
{
    type_register_static(&i82599_info);
}

type_init(i82599_register_types)
