/*
 * QEMU Intel 82599 10GbE controller (i82599): virtualization.
 *
 * The VFs' register windows onto the PF's state, the PF/VF mailbox, VF
 * interrupts, VF resets and which pool a queue belongs to (datasheet
 * 7.10, 8.2.3.27, 8.3).  Frame steering between pools is the datapath's
 * (i82599_dp.c); this file tells it which queues are whose.
 *
 * VF n is pool n.  In VT mode a pool owns 2, 4 or 8 consecutive queues
 * (GCR_EXT.VT_MODE 64, 32 or 16 pools), and a VF's queue i is the PF's
 * queue n * queues-per-pool + i: its registers answer in both windows.
 *
 * The mailbox (datasheet 7.10.2): one 16-word buffer per VF, PFMBMEM in
 * the PF's space and VFMBMEM in the VF's; the side that writes takes the
 * buffer (PFU or VFU, either only while the other is free), and a
 * doorbell (STS/REQ) or an acknowledgement (ACK) raises the other side's
 * interrupt: EICR.MAILBOX with PFMBICR's VFREQ/VFACK bits on the PF, the
 * VF's mailbox vector with PFSTS/PFACK in VFMAILBOX on the VF.  A PF
 * reset shows in every VFMAILBOX as RSTI until the PF sets
 * CTRL_EXT.PFRSTD, which turns it into RSTD.  A VF's FLR shows in
 * PFVFLRE with EICR.MAILBOX, the only cause ixgbe looks for it under.
 *
 * Left out: PFMBIMR (every VF may interrupt the PF, as ixgbe never
 * writes it), VF EITR throttling (stored), VTRSCINT and the VF's free
 * running timer.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "hw/pci/msix.h"
#include "hw/pci/pcie_sriov.h"
#include "hw/pci/pci_device.h"

#include "i82599_core.h"
#include "i82599_regs.h"
#include "trace.h"

#define REG(addr)               ((addr) >> 2)

static inline uint32_t vt_reg(I82599Core *core, hwaddr addr)
{
    return core->mac[REG(addr)];
}

static PCIDevice *vt_vf_dev(I82599Core *core, unsigned int vf)
{
    return pcie_sriov_get_vf_at_index(core->owner, vf);
}

bool i82599_vt_enabled(I82599Core *core)
{
    return vt_reg(core, I82599_PFVTCTL) & I82599_PFVTCTL_VT_EN;
}

unsigned int i82599_vt_queues_per_pool(I82599Core *core)
{
    switch (vt_reg(core, I82599_GCR_EXT) & I82599_GCR_EXT_VT_MODE_MASK) {
    case 1:
        return 8;                       /* 16 pools */
    case 2:
        return 4;                       /* 32 pools */
    default:
        return 2;                       /* 64 pools */
    }
}

int i82599_vt_queue_vf(I82599Core *core, unsigned int queue)
{
    unsigned int pool;

    if (!i82599_vt_enabled(core)) {
        return -1;
    }
    pool = queue / i82599_vt_queues_per_pool(core);
    return pool < pcie_sriov_num_vfs(core->owner) ? pool : -1;
}

/*
 * VF interrupts (datasheet 7.3.4.3 for the VF): three vectors, each with
 * a cause and a mask bit; sending one clears its cause if VTEIAC says so
 * and masks it if VTEIAM does
 */

static void vt_vf_eval(I82599Core *core, unsigned int vf, uint32_t new)
{
    I82599Vf *v = &core->vf[vf];
    PCIDevice *dev = vt_vf_dev(core, vf);
    uint32_t fire = new & v->eicr & v->eims;

    while (fire) {
        unsigned int vec = ctz32(fire);
        uint32_t bit = BIT(vec);

        fire &= ~bit;
        v->eicr &= ~(v->eiac & bit);
        v->eims &= ~(v->eiam & bit);
        trace_i82599_vf_irq(vf, vec);
        if (dev && msix_enabled(dev)) {
            msix_notify(dev, vec);
        }
    }
}

static void vt_vf_raise(I82599Core *core, unsigned int vf, uint32_t bits)
{
    I82599Vf *v = &core->vf[vf];
    uint32_t new = bits & ~v->eicr;

    v->eicr |= bits & (BIT(I82599_VF_MSIX_VECTORS) - 1);
    vt_vf_eval(core, vf, new);
}

static void vt_vf_mailbox_irq(I82599Core *core, unsigned int vf)
{
    uint32_t entry = core->vf[vf].ivar_misc & 0xFF;

    if (entry & I82599_IVAR_VALID) {
        vt_vf_raise(core, vf, BIT(entry & 3));
    }
}

void i82599_vt_vf_queue_notify(I82599Core *core, unsigned int vf, bool tx,
                               unsigned int vf_queue)
{
    uint32_t ivar, entry;

    if (vf >= I82599_MAX_VFS || vf_queue >= I82599_VF_MAX_QUEUES) {
        return;
    }
    ivar = core->vf[vf].ivar[vf_queue >> 1];
    entry = (ivar >> ((vf_queue & 1) * 16 + (tx ? 8 : 0))) & 0xFF;
    if (entry & I82599_IVAR_VALID) {
        vt_vf_raise(core, vf, BIT(entry & 3));
    }
}

/*
 * Resets
 */

/* The VF's queues stop: their enables clear (datasheet 4.2.1.9) */
static void vt_vf_queues_off(I82599Core *core, unsigned int vf)
{
    unsigned int qpp = i82599_vt_queues_per_pool(core), i;

    for (i = 0; i < qpp; i++) {
        unsigned int q = vf * qpp + i;

        core->mac[REG(I82599_RXQ(q, I82599_RXDCTL))] &= ~I82599_RXDCTL_ENABLE;
        core->mac[REG(I82599_TXQ(q, I82599_TXDCTL))] &= ~I82599_TXDCTL_ENABLE;
    }
    /* the pool's receive and transmit enables clear with its reset */
    core->mac[REG(I82599_PFVFRE(vf / 32))] &= ~BIT(vf % 32);
    core->mac[REG(I82599_PFVFTE(vf / 32))] &= ~BIT(vf % 32);
}

static void vt_vf_irq_reset(I82599Core *core, unsigned int vf)
{
    I82599Vf *v = &core->vf[vf];

    v->eicr = v->eims = v->eiac = v->eiam = 0;
    memset(v->eitr, 0, sizeof(v->eitr));
    memset(v->ivar, 0, sizeof(v->ivar));
    v->ivar_misc = 0;
}

void i82599_vf_flr(I82599Core *core, unsigned int vf)
{
    I82599Vf *v;

    /* a VF that is not enabled (machine reset, VF Enable off) has no FLR */
    if (vf >= pcie_sriov_num_vfs(core->owner)) {
        return;
    }
    v = &core->vf[vf];
    trace_i82599_vf_flr(vf);
    vt_vf_queues_off(core, vf);
    vt_vf_irq_reset(core, vf);
    v->mbx &= I82599_VFMAILBOX_RSTI;
    v->pfu = false;
    core->mac[REG(vf < 32 ? I82599_PFVFLRE0 : I82599_PFVFLRE1)] |=
        BIT(vf % 32);
    i82599_raise_other(core, I82599_EICR_MAILBOX);
}

void i82599_vt_pf_reset(I82599Core *core)
{
    unsigned int vf;

    for (vf = 0; vf < I82599_MAX_VFS; vf++) {
        vt_vf_irq_reset(core, vf);
        core->vf[vf].mbx = I82599_VFMAILBOX_RSTI;
        core->vf[vf].pfu = false;
    }
}

void i82599_vt_ctrl_ext(I82599Core *core, uint32_t old, uint32_t val)
{
    unsigned int vf;

    if (!(val & I82599_CTRL_EXT_PFRSTD) || (old & I82599_CTRL_EXT_PFRSTD)) {
        return;
    }
    trace_i82599_vf_pf_reset_done();
    for (vf = 0; vf < I82599_MAX_VFS; vf++) {
        core->vf[vf].mbx &= ~I82599_VFMAILBOX_RSTI;
        core->vf[vf].mbx |= I82599_VFMAILBOX_RSTD;
    }
}

/*
 * The PF's side (datasheet 8.2.3.27)
 */

static void vt_pfmailbox_write(I82599Core *core, unsigned int vf,
                               uint32_t val)
{
    I82599Vf *v = &core->vf[vf];

    trace_i82599_pf_mailbox(vf, val);
    if (val & I82599_PFMAILBOX_RVFU) {
        v->mbx &= ~I82599_VFMAILBOX_VFU;
        core->mac[REG(I82599_PFMBICR(vf / 16))] &=
            ~(BIT(vf % 16) | BIT(16 + vf % 16));
    }
    /* PFU sticks only while the VF does not hold the buffer */
    v->pfu = (val & I82599_PFMAILBOX_PFU) && !(v->mbx & I82599_VFMAILBOX_VFU);
    if (val & (I82599_PFMAILBOX_STS | I82599_PFMAILBOX_ACK)) {
        if (val & I82599_PFMAILBOX_STS) {
            v->mbx |= I82599_VFMAILBOX_PFSTS;
        }
        if (val & I82599_PFMAILBOX_ACK) {
            v->mbx |= I82599_VFMAILBOX_PFACK;
        }
        vt_vf_mailbox_irq(core, vf);
    }
}

static uint32_t vt_pfmailbox_read(I82599Core *core, unsigned int vf)
{
    I82599Vf *v = &core->vf[vf];

    return (v->pfu ? I82599_PFMAILBOX_PFU : 0) |
           (v->mbx & I82599_VFMAILBOX_VFU ? I82599_PFMAILBOX_VFU : 0);
}

bool i82599_vt_mmio_read(I82599Core *core, hwaddr addr, uint32_t *val)
{
    if (addr >= I82599_PFMAILBOX(0) &&
        addr < I82599_PFMAILBOX(I82599_MAX_VFS)) {
        *val = vt_pfmailbox_read(core, (addr - I82599_PFMAILBOX(0)) / 4);
    } else {
        return false;
    }
    trace_i82599_vt_read(addr, *val);
    return true;
}

bool i82599_vt_mmio_write(I82599Core *core, hwaddr addr, uint32_t val)
{
    if (addr >= I82599_PFMAILBOX(0) &&
        addr < I82599_PFMAILBOX(I82599_MAX_VFS)) {
        vt_pfmailbox_write(core, (addr - I82599_PFMAILBOX(0)) / 4, val);
    } else if (addr >= I82599_PFMBICR(0) && addr <= I82599_PFMBICR(3)) {
        core->mac[REG(addr)] &= ~val;                   /* W1C */
    } else if (addr >= I82599_PFVFLREC(0) && addr <= I82599_PFVFLREC(1)) {
        hwaddr lre = addr == I82599_PFVFLREC(0) ? I82599_PFVFLRE0 :
                                                  I82599_PFVFLRE1;

        core->mac[REG(lre)] &= ~val;
    } else if (addr == I82599_PFVFLRE0 || addr == I82599_PFVFLRE1) {
        /* read only */
    } else {
        return false;
    }
    trace_i82599_vt_write(addr, val);
    return true;
}

/*
 * The VF's window (datasheet 8.3)
 */

/* PF address of a VF queue register, or 0 when the VF has no such queue */
static hwaddr vt_vf_queue_addr(I82599Core *core, unsigned int vf, hwaddr addr)
{
    unsigned int qpp = i82599_vt_queues_per_pool(core);
    bool tx = addr >= I82599_VFTXQ_BASE;
    hwaddr rel = addr - (tx ? I82599_VFTXQ_BASE : I82599_VFRXQ_BASE);
    unsigned int i = rel / I82599_QUEUE_STRIDE;
    hwaddr off = rel % I82599_QUEUE_STRIDE;

    if (i >= qpp) {
        return 0;
    }
    return tx ? I82599_TXQ(vf * qpp + i, off) : I82599_RXQ(vf * qpp + i, off);
}

/* PF address of a VF statistics register, 0 if addr is none */
static hwaddr vt_vf_stat_addr(unsigned int vf, hwaddr addr)
{
    switch (addr) {
    case I82599_VFGPRC:
        return I82599_PVFGPRC(vf);
    case I82599_VFGORC_LSB:
        return I82599_PVFGORC_LSB(vf);
    case I82599_VFGORC_MSB:
        return I82599_PVFGORC_MSB(vf);
    case I82599_VFMPRC:
        return I82599_PVFMPRC(vf);
    case I82599_VFGPTC:
        return I82599_PVFGPTC(vf);
    case I82599_VFGOTC_LSB:
        return I82599_PVFGOTC_LSB(vf);
    case I82599_VFGOTC_MSB:
        return I82599_PVFGOTC_MSB(vf);
    default:
        return 0;
    }
}

uint64_t i82599_vf_mmio_read(I82599Core *core, unsigned int vf, hwaddr addr)
{
    uint32_t val = 0;
    I82599Vf *v;
    hwaddr pf;

    if (vf >= I82599_MAX_VFS || addr >= I82599_VF_MMIO_SIZE || (addr & 3)) {
        return 0;
    }
    v = &core->vf[vf];
    pf = vt_vf_stat_addr(vf, addr);
    if (pf) {
        val = vt_reg(core, pf);
    } else if (addr >= I82599_VFRXQ_BASE &&
               addr < I82599_VFTXQ_BASE + 0x1000) {
        pf = vt_vf_queue_addr(core, vf, addr);
        val = pf ? i82599_core_mmio_read(core, pf, 4) : 0;
    } else if (addr >= I82599_VFMBMEM &&
               addr < I82599_VFMBMEM + 4 * I82599_MBX_WORDS) {
        val = vt_reg(core, I82599_PFMBMEM(vf) + addr - I82599_VFMBMEM);
    } else if (addr >= I82599_VTEITR(0) &&
               addr < I82599_VTEITR(I82599_VF_MSIX_VECTORS)) {
        val = v->eitr[(addr - I82599_VTEITR(0)) / 4];
    } else if (addr >= I82599_VTIVAR(0) && addr < I82599_VTIVAR(4)) {
        val = v->ivar[(addr - I82599_VTIVAR(0)) / 4];
    } else {
        switch (addr) {
        case I82599_VFSTATUS:
            /* what the PF's STATUS says of the link and the bus */
            val = i82599_core_mmio_read(core, I82599_STATUS, 4);
            break;
        case I82599_VFLINKS:
            val = i82599_core_mmio_read(core, I82599_LINKS, 4);
            break;
        case I82599_VTEICR:
            val = v->eicr;
            v->eicr = 0;
            break;
        case I82599_VTEICS:
            val = v->eicr;
            break;
        case I82599_VTEIMS:
            val = v->eims;
            break;
        case I82599_VTEIAC:
            val = v->eiac;
            break;
        case I82599_VTEIAM:
            val = v->eiam;
            break;
        case I82599_VTIVAR_MISC:
            val = v->ivar_misc;
            break;
        case I82599_VFMAILBOX:
            val = v->mbx | (v->pfu ? I82599_VFMAILBOX_PFU : 0);
            v->mbx &= ~I82599_VFMAILBOX_R2C;
            break;
        case I82599_VFPSRTYPE:
            val = vt_reg(core, I82599_PSRTYPE(vf));
            break;
        }
    }
    trace_i82599_vf_mmio_read(vf, addr, val);
    return val;
}

static void vt_vfmailbox_write(I82599Core *core, unsigned int vf,
                               uint32_t val)
{
    I82599Vf *v = &core->vf[vf];
    uint32_t cause = 0;

    if (val & I82599_VFMAILBOX_VFU) {
        if (!v->pfu) {
            v->mbx |= I82599_VFMAILBOX_VFU;
        }
    } else {
        v->mbx &= ~I82599_VFMAILBOX_VFU;
    }
    if (val & I82599_VFMAILBOX_REQ) {
        cause |= BIT(vf % 16);
    }
    if (val & I82599_VFMAILBOX_ACK) {
        cause |= BIT(16 + vf % 16);
    }
    if (cause) {
        core->mac[REG(I82599_PFMBICR(vf / 16))] |= cause;
        i82599_raise_other(core, I82599_EICR_MAILBOX);
    }
}

/* VFCTRL.RST: the VF's own software reset (datasheet 4.2.1.8) */
static void vt_vf_soft_reset(I82599Core *core, unsigned int vf)
{
    trace_i82599_vf_soft_reset(vf);
    vt_vf_queues_off(core, vf);
    vt_vf_irq_reset(core, vf);
}

void i82599_vf_mmio_write(I82599Core *core, unsigned int vf, hwaddr addr,
                          uint64_t val64)
{
    uint32_t val = val64;
    I82599Vf *v;
    hwaddr pf;

    if (vf >= I82599_MAX_VFS || addr >= I82599_VF_MMIO_SIZE || (addr & 3)) {
        return;
    }
    v = &core->vf[vf];
    trace_i82599_vf_mmio_write(vf, addr, val);
    if (vt_vf_stat_addr(vf, addr)) {
        return;                         /* read only */
    } else if (addr >= I82599_VFRXQ_BASE &&
               addr < I82599_VFTXQ_BASE + 0x1000) {
        pf = vt_vf_queue_addr(core, vf, addr);
        if (pf) {
            i82599_core_mmio_write(core, pf, val, 4);
        }
    } else if (addr >= I82599_VFMBMEM &&
               addr < I82599_VFMBMEM + 4 * I82599_MBX_WORDS) {
        /* the buffer is the VF's to write while it holds it */
        if (!v->pfu) {
            core->mac[REG(I82599_PFMBMEM(vf) + addr - I82599_VFMBMEM)] = val;
        }
    } else if (addr >= I82599_VTEITR(0) &&
               addr < I82599_VTEITR(I82599_VF_MSIX_VECTORS)) {
        v->eitr[(addr - I82599_VTEITR(0)) / 4] = val & ~I82599_EITR_CNT_WDIS;
    } else if (addr >= I82599_VTIVAR(0) && addr < I82599_VTIVAR(4)) {
        v->ivar[(addr - I82599_VTIVAR(0)) / 4] = val;
    } else {
        uint32_t mask = BIT(I82599_VF_MSIX_VECTORS) - 1;

        switch (addr) {
        case I82599_VFCTRL:
            if (val & I82599_VFCTRL_RST) {
                vt_vf_soft_reset(core, vf);
            }
            break;
        case I82599_VTEICR:
            v->eicr &= ~val;
            break;
        case I82599_VTEICS:
            vt_vf_raise(core, vf, val & mask);
            break;
        case I82599_VTEIMS:
            v->eims |= val & mask;
            vt_vf_eval(core, vf, val & mask);
            break;
        case I82599_VTEIMC:
            v->eims &= ~val;
            break;
        case I82599_VTEIAC:
            v->eiac = val & mask;
            break;
        case I82599_VTEIAM:
            v->eiam = val & mask;
            break;
        case I82599_VTIVAR_MISC:
            v->ivar_misc = val;
            break;
        case I82599_VFMAILBOX:
            vt_vfmailbox_write(core, vf, val);
            break;
        case I82599_VFPSRTYPE:
            core->mac[REG(I82599_PSRTYPE(vf))] = val;
            break;
        }
    }
}
