/*
 * QEMU Intel 82599 10GbE controller (i82599): control plane.
 *
 * Reset, the emulated EEPROM, the software/firmware semaphores, the SFP+
 * module behind the I2C interface, link, and interrupts; every register
 * the datapath (i82599_dp.c) does not claim is looked up in the register
 * table below.
 *
 * What the model is written against: the 82599 datasheet sections cited
 * next to each behaviour, and what in-tree ixgbe (Linux 6.12) reads,
 * writes and polls, cited by function name.
 *
 * Left out: manageability firmware (FWSM says "no firmware mode", HICR
 * is not enabled), the flash, LinkSec/IPsec (SECTXSTAT/SECRXSTAT say
 * "offload disabled"), wake-on-LAN, an MDIO PHY (SFP+ boards have none),
 * the EEPROM bit-bang interface (EEC.PRES is set, so ixgbe uses EERD),
 * low-latency interrupts and the TCP timer.  Registers nobody emulates
 * read back what was last written, 0 after reset.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "qemu/units.h"
#include "hw/pci/msi.h"
#include "hw/pci/msix.h"
#include "hw/pci/pcie_sriov.h"
#include "net/net.h"

#include "i82599_core.h"
#include "i82599_regs.h"
#include "trace.h"

#define REG(addr)       ((addr) >> 2)

/*
 * Interrupts (datasheet 7.3)
 *
 * Each MSI-X vector has a cause bit (set through IVAR by the queues, or by
 * EICS/EICS_EX) and a mask bit (EIMS_EX/EIMC_EX; EIMS/EIMC [15:0] alias
 * vectors 0-15).  The "other" causes EICR[31:16] have their own mask
 * (EIMS[31:16]) and go to the vector IVAR_MISC[15:8] names.
 *
 * A vector's message goes out when a cause appears while it is unmasked,
 * or when it is unmasked with a cause pending.  Sending a queue vector
 * auto-clears its cause (EIAC; for vectors 16-63 always, as ixgbe never
 * clears those itself) and, with GPIE.EIAME, auto-masks it (EIAM_EX):
 * that is what ixgbe_configure_msix and ixgbe_setup_gpie rely on.
 * EITR throttles each vector: after a message, the next one waits for the
 * interval to pass.
 */

static int i82599_other_vector(I82599Core *core)
{
    uint32_t entry = (core->mac[REG(I82599_IVAR_MISC)] >> 8) & 0xFF;

    if (!(entry & I82599_IVAR_VALID)) {
        return -1;
    }
    return entry & I82599_IVAR_VECTOR_MASK;
}

static int64_t i82599_itr_interval_ns(I82599Core *core, unsigned int v)
{
    uint32_t eitr = core->mac[REG(I82599_EITR(v))];

    /* interval [11:3] counts 2 us (ixgbe: "200 = 20K ints/s") */
    return (int64_t)((eitr & I82599_EITR_INTERVAL_MASK) >>
                     I82599_EITR_INTERVAL_SHIFT) * 2 * SCALE_US;
}

static void i82599_update_intx(I82599Core *core)
{
    bool level = false;

    if (!msix_enabled(core->owner) && !msi_enabled(core->owner)) {
        level = (core->vec_cause & core->vec_mask & I82599_EICR_RTX_QUEUE) ||
                (core->other_cause & core->other_mask);
    }
    if (level != core->intx_level) {
        core->intx_level = level;
        trace_i82599_irq_intx(level);
        pci_set_irq(core->owner, level);
    }
}

/* Send vector v's MSI-X message now, unless EITR holds it back. */
static void i82599_msix_send(I82599Core *core, unsigned int v, bool other)
{
    uint64_t bit = 1ULL << v;
    int64_t interval;

    if (timer_pending(core->itr[v].timer)) {
        core->itr_deferred |= bit;
        trace_i82599_irq_msix_throttled(v);
        return;
    }

    if (!other) {
        if (v >= 16 || (core->mac[REG(I82599_EIAC)] & bit)) {
            core->vec_cause &= ~bit;
        }
        if (core->mac[REG(I82599_GPIE)] & I82599_GPIE_EIAME) {
            uint64_t eiam = core->mac[REG(I82599_EIAM_EX(0))] |
                ((uint64_t)core->mac[REG(I82599_EIAM_EX(1))] << 32);

            core->vec_mask &= ~(eiam & bit);
        }
    } else if (core->mac[REG(I82599_GPIE)] & I82599_GPIE_EIAME) {
        core->other_mask &= ~(core->mac[REG(I82599_EIAM)] &
                              I82599_EICR_OTHER_CAUSES);
    }

    trace_i82599_irq_msix(v, core->vec_cause, core->vec_mask);
    msix_notify(core->owner, v);

    interval = i82599_itr_interval_ns(core, v);
    if (interval) {
        timer_mod(core->itr[v].timer,
                  qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + interval);
    }
}

/*
 * Causes or masks changed: vec_new / other_new are the vector and other
 * cause bits that just became both set and unmasked.
 */
static void i82599_irq_eval(I82599Core *core, uint64_t vec_new,
                            uint32_t other_new)
{
    if (msix_enabled(core->owner)) {
        int ov = i82599_other_vector(core);

        vec_new &= core->vec_cause & core->vec_mask;
        while (vec_new) {
            unsigned int v = ctz64(vec_new);

            vec_new &= vec_new - 1;
            i82599_msix_send(core, v, false);
        }
        other_new &= core->other_cause & core->other_mask &
                     ~I82599_EICR_TCP_TIMER;
        if (other_new && ov >= 0) {
            i82599_msix_send(core, ov, true);
        }
    } else if (msi_enabled(core->owner)) {
        if ((vec_new & core->vec_cause & core->vec_mask &
             I82599_EICR_RTX_QUEUE) ||
            (other_new & core->other_cause & core->other_mask)) {
            trace_i82599_irq_msi();
            msi_notify(core->owner, 0);
        }
    }
    i82599_update_intx(core);
}

static void i82599_raise(I82599Core *core, uint64_t vec_bits,
                         uint32_t other_bits)
{
    uint64_t vec_new = vec_bits & ~core->vec_cause;
    uint32_t other_new = other_bits & ~core->other_cause;

    trace_i82599_irq_cause(vec_bits, other_bits);
    core->vec_cause |= vec_bits;
    core->other_cause |= other_bits;
    i82599_irq_eval(core, vec_new, other_new);
}

static void i82599_unmask(I82599Core *core, uint64_t vec_bits,
                          uint32_t other_bits)
{
    uint64_t vec_new = vec_bits & ~core->vec_mask;
    uint32_t other_new = other_bits & ~core->other_mask;

    core->vec_mask |= vec_bits;
    core->other_mask |= other_bits;
    i82599_irq_eval(core, vec_new, other_new);
}

static void i82599_itr_expired(void *opaque)
{
    I82599Itr *itr = opaque;
    I82599Core *core = itr->core;
    unsigned int v = itr->vector;
    uint64_t bit = 1ULL << v;

    if (!(core->itr_deferred & bit)) {
        return;
    }
    core->itr_deferred &= ~bit;
    if (!msix_enabled(core->owner)) {
        return;
    }
    if ((int)v == i82599_other_vector(core) &&
        (core->other_cause & core->other_mask & ~I82599_EICR_TCP_TIMER)) {
        i82599_msix_send(core, v, true);
    } else if (core->vec_cause & core->vec_mask & bit) {
        i82599_msix_send(core, v, false);
    }
}

static void i82599_irq_reset(I82599Core *core)
{
    int v;

    core->vec_cause = 0;
    core->vec_mask = 0;
    core->other_cause = 0;
    core->other_mask = 0;
    core->itr_deferred = 0;
    for (v = 0; v < I82599_MSIX_VECTORS; v++) {
        timer_del(core->itr[v].timer);
    }
    i82599_update_intx(core);
}

void i82599_queue_notify(I82599Core *core, bool tx, unsigned int queue)
{
    uint32_t ivar, entry;
    int vf;

    if (queue >= I82599_NUM_QUEUES) {
        return;
    }
    vf = i82599_vt_queue_vf(core, queue);
    if (vf >= 0) {
        i82599_vt_vf_queue_notify(core, vf, tx,
                                  queue % i82599_vt_queues_per_pool(core));
        return;
    }
    /* IVAR(n): RX(2n), TX(2n), RX(2n+1), TX(2n+1) (datasheet 8.2.3.5.14) */
    ivar = core->mac[REG(I82599_IVAR(queue >> 1))];
    entry = (ivar >> ((queue & 1) * 16 + (tx ? 8 : 0))) & 0xFF;
    if (!(entry & I82599_IVAR_VALID)) {
        trace_i82599_irq_no_vector(tx, queue);
        return;
    }
    i82599_raise(core, 1ULL << (entry & I82599_IVAR_VECTOR_MASK), 0);
}

void i82599_raise_other(I82599Core *core, uint32_t eicr_bits)
{
    i82599_raise(core, 0, eicr_bits & I82599_EICR_OTHER_CAUSES);
}

PCIDevice *i82599_queue_dma_dev(I82599Core *core, unsigned int queue)
{
    int vf = i82599_vt_queue_vf(core, queue);
    PCIDevice *dev = vf >= 0 ? pcie_sriov_get_vf_at_index(core->owner, vf) :
                               NULL;

    return dev ? dev : core->owner;
}

/*
 * Link (datasheet 3.7, 8.2.3.22.20)
 *
 * ESDP.SDP2 reads 1 while a module is in the cage ("sfp" property).
 * The link is up while a module is in, the backend's link is up and our
 * TX laser is on
 * (ESDP.SDP3 = 0; ixgbe turns it off at probe and on at open), always at
 * the speed AUTOC.LMS selects (10 Gb/s for SFI).  A change raises LSC.
 */

static bool i82599_sfp_present(I82599Core *core)
{
    return core->sfp != I82599_SFP_NONE;
}

static void i82599_link_update(I82599Core *core)
{
    bool backend_up = core->nic && !qemu_get_queue(core->nic)->link_down;
    bool laser_on = !(core->mac[REG(I82599_ESDP)] & I82599_ESDP_SDP3);
    bool up = backend_up && laser_on && i82599_sfp_present(core);

    if (up == core->link_up) {
        return;
    }
    core->link_up = up;
    trace_i82599_link(up, backend_up, laser_on);
    i82599_raise(core, 0, I82599_EICR_LSC);
    if (up) {
        i82599_dp_kick_rx(core);
    }
}

bool i82599_link_is_up(I82599Core *core)
{
    return core->link_up;
}

void i82599_core_link_status_changed(I82599Core *core)
{
    i82599_link_update(core);
}

static uint32_t i82599_links_speed(I82599Core *core)
{
    uint32_t lms = (core->mac[REG(I82599_AUTOC)] & I82599_AUTOC_LMS_MASK) >>
                   I82599_AUTOC_LMS_SHIFT;

    switch (lms) {
    case I82599_LMS_1G_NO_AN:
    case I82599_LMS_1G_AN:
    case I82599_LMS_SGMII_1G_100M:
        return I82599_LINKS_SPEED_1G;
    default:
        return I82599_LINKS_SPEED_10G;
    }
}

/*
 * EEPROM (datasheet 6; what ixgbe reads is listed in i82599_regs.h)
 */

/* Blocks placed after the checksummed words 0x00-0x3F */
#define EE_FW_BLOCK             0x40    /* firmware module */
#define EE_FW_PT_PATCH_BLOCK    0x48    /* pass-through patch config */
#define EE_SFP_INIT_LIST        0x60    /* SFP+ init sequence list */
#define EE_SFP_INIT_DA          0x70    /* (empty) sequence for DA cables */

static void i82599_eeprom_init(I82599Core *core)
{
    uint16_t *ee = core->eeprom;
    uint16_t sum = 0;
    int i;

    /* unprogrammed words read as all ones */
    for (i = 0; i < I82599_EEPROM_WORDS; i++) {
        ee[i] = 0xFFFF;
    }
    for (i = 0; i < I82599_EE_CHECKSUM; i++) {
        ee[i] = 0;
    }

    /* no pointer sections: keeps the checksum to words 0x00-0x3E */
    for (i = I82599_EE_PTR_FIRST; i <= I82599_EE_PTR_LAST; i++) {
        ee[i] = 0xFFFF;
    }
    ee[I82599_EE_CTRL_2] = 0;           /* CCD clear: keep link in D3 */

    /*
     * firmware block, patch version 6 (ixgbe_verify_fw_version_82599);
     * no LESM (ixgbe_verify_lesm_fw_enabled_82599)
     */
    ee[I82599_EE_FW_PTR] = EE_FW_BLOCK;
    ee[EE_FW_BLOCK] = 0x0007;
    ee[EE_FW_BLOCK + I82599_EE_FW_LESM_PTR] = 0xFFFF;
    ee[EE_FW_BLOCK + I82599_EE_FW_PT_PATCH_PTR] = EE_FW_PT_PATCH_BLOCK;
    ee[EE_FW_PT_PATCH_BLOCK] = 0x0008;
    ee[EE_FW_PT_PATCH_BLOCK + I82599_EE_FW_PATCH_VERSION] = 0x0006;

    /* PBA number G12345-678 style, two plain words (ixgbe_read_pba_string) */
    ee[I82599_EE_PBANUM0] = 0x1234;
    ee[I82599_EE_PBANUM1] = 0x5678;

    ee[I82599_EE_OROM_PTR] = 0xFFFF;
    ee[I82599_EE_OEM_PROD_VER_PTR] = 0xFFFF;
    ee[I82599_EE_ETS_CFG] = 0xFFFF;     /* no thermal sensor */
    ee[I82599_EE_ALT_SAN_MAC_PTR] = 0xFFFF;
    ee[I82599_EE_SAN_MAC_PTR] = 0xFFFF; /* no SAN MAC: all 128 RARs free */

    /*
     * SFP+ init list (ixgbe_get_sfp_init_sequence_offsets): word L is
     * skipped, then (sfp_type, sequence) pairs up to 0xFFFF
     */
    ee[I82599_EE_SFP_INIT_LIST] = EE_SFP_INIT_LIST;
    ee[EE_SFP_INIT_LIST] = 0x0004;
    ee[EE_SFP_INIT_LIST + 1] = I82599_SFP_TYPE_DA_CU_CORE0;
    ee[EE_SFP_INIT_LIST + 2] = EE_SFP_INIT_DA;
    ee[EE_SFP_INIT_LIST + 3] = I82599_SFP_TYPE_DA_CU_CORE1;
    ee[EE_SFP_INIT_LIST + 4] = EE_SFP_INIT_DA;
    ee[EE_SFP_INIT_LIST + 5] = I82599_SFP_INIT_LIST_END;
    /* sequence: word D skipped, D+1.. to CORECTL until 0xFFFF: empty */
    ee[EE_SFP_INIT_DA] = 0x0001;
    ee[EE_SFP_INIT_DA + 1] = 0xFFFF;

    /*
     * device caps: FCoE offloads allowed, no WoL; NO_CROSSTALK_WR clear,
     * so ixgbe checks ESDP.SDP2 (cage full) on every link check
     */
    ee[I82599_EE_DEVICE_CAPS] = 0x0000;

    /* ETrack ID (ethtool's firmware-version) */
    ee[I82599_EE_ETRACK_LO] = 0x0599;
    ee[I82599_EE_ETRACK_HI] = 0x8000;

    /*
     * checksum: words 0x00-0x3E sum with word 0x3F to 0xBABA
     * (ixgbe_calc_eeprom_checksum_generic)
     */
    for (i = 0; i < I82599_EE_CHECKSUM; i++) {
        sum += ee[i];
    }
    ee[I82599_EE_CHECKSUM] = (uint16_t)(I82599_EE_CHECKSUM_SUM - sum);
}

/*
 * SFP+ module (SFF-8472 page A0): what the "sfp" property puts in the cage.
 *
 * in-tree ixgbe takes any vendor's direct-attach cable but, on the 82599,
 * only Intel's optics (vendor OUI 00:1b:21) unless allow_unsupported_sfp
 * is set; the optics here carry QEMU's OUI, so they test a driver that
 * identifies modules by what they are.  The EEPROM's SFP init list has
 * sequences for direct-attach cables only, which is all ixgbe needs.
 */

static const struct {
    const char *name;
    I82599Sfp sfp;
} i82599_sfp_names[] = {
    { "da", I82599_SFP_DA },
    { "sr", I82599_SFP_SR },
    { "lr", I82599_SFP_LR },
    { "unsupported", I82599_SFP_UNSUPPORTED },
    { "none", I82599_SFP_NONE },
};

bool i82599_core_set_sfp(I82599Core *core, const char *name)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(i82599_sfp_names); i++) {
        if (!strcmp(name, i82599_sfp_names[i].name)) {
            core->sfp = i82599_sfp_names[i].sfp;
            return true;
        }
    }
    return false;
}

static void i82599_sfp_optic(uint8_t *id, uint16_t nm, const char *pn)
{
    id[I82599_SFF_CONNECTOR] = I82599_SFF_CONNECTOR_LC;
    id[I82599_SFF_CABLE_SPEC_COMP] = nm >> 8;
    id[I82599_SFF_CABLE_SPEC_COMP + 1] = nm & 0xff;
    memcpy(&id[I82599_SFF_VENDOR_PN], pn, 16);
}

static void i82599_sfp_init(I82599Core *core)
{
    uint8_t *id = core->sfp_id;
    unsigned int i;
    uint8_t cc;

    memset(id, 0, sizeof(core->sfp_id));
    if (!i82599_sfp_present(core)) {
        return;
    }
    id[I82599_SFF_IDENTIFIER] = I82599_SFF_IDENTIFIER_SFP;
    id[I82599_SFF_EXT_IDENTIFIER] = 0x04;       /* serial ID via 2-wire */
    id[I82599_SFF_BITRATE_NOMINAL] = 103;       /* 10.3 GBd */
    memcpy(&id[I82599_SFF_VENDOR_NAME], "QEMU            ", 16);
    id[I82599_SFF_VENDOR_OUI] = 0x52;
    id[I82599_SFF_VENDOR_OUI + 1] = 0x54;
    id[I82599_SFF_VENDOR_OUI + 2] = 0x00;
    memcpy(&id[I82599_SFF_VENDOR_REV], "1.0 ", 4);
    memcpy(&id[I82599_SFF_VENDOR_SN], "0000000000000001", 16);
    memcpy(&id[I82599_SFF_DATE_CODE], "250101  ", 8);

    switch (core->sfp) {
    case I82599_SFP_DA:
        /*
         * no 10G/1G compliance codes, passive cable technology: what
         * ixgbe_identify_sfp_module_generic calls ixgbe_sfp_type_da_cu
         */
        id[I82599_SFF_CONNECTOR] = I82599_SFF_CONNECTOR_COPPER;
        id[I82599_SFF_CABLE_TECHNOLOGY] = I82599_SFF_DA_PASSIVE_CABLE;
        id[I82599_SFF_LENGTH_COPPER] = 1;
        id[I82599_SFF_CABLE_SPEC_COMP] = 0x01;  /* SFF-8431 appendix E */
        memcpy(&id[I82599_SFF_VENDOR_PN], "i82599-DA-1M    ", 16);
        break;
    case I82599_SFP_SR:
        id[I82599_SFF_10GBE_COMP_CODES] = I82599_SFF_10GBASE_SR;
        id[I82599_SFF_LENGTH_OM2] = 8;          /* 80 m */
        id[I82599_SFF_LENGTH_OM1] = 3;          /* 30 m */
        i82599_sfp_optic(id, 850, "i82599-SR       ");
        break;
    case I82599_SFP_LR:
        id[I82599_SFF_10GBE_COMP_CODES] = I82599_SFF_10GBASE_LR;
        id[I82599_SFF_LENGTH_SMF_KM] = 10;
        id[I82599_SFF_LENGTH_SMF] = 100;        /* 10 km */
        i82599_sfp_optic(id, 1310, "i82599-LR       ");
        break;
    default:
        /* a 16G Fibre Channel optic: 1600/800/400 MB/s, no Ethernet code */
        id[I82599_SFF_FC_SPEED] = 0x70;
        id[I82599_SFF_BITRATE_NOMINAL] = 140;
        id[I82599_SFF_LENGTH_OM2] = 3;
        i82599_sfp_optic(id, 850, "i82599-16GFC    ");
        break;
    }

    for (cc = 0, i = 0; i < I82599_SFF_CC_BASE; i++) {
        cc += id[i];
    }
    id[I82599_SFF_CC_BASE] = cc;
    for (cc = 0, i = 64; i < I82599_SFF_CC_EXT; i++) {
        cc += id[i];
    }
    id[I82599_SFF_CC_EXT] = cc;
}

/*
 * I2C slave at 0xA0/0xA2 on the bit-banged bus of I2CCTL (datasheet
 * 8.2.3.1.5, SFF-8472).  The master (ixgbe_read_i2c_byte_generic_int)
 * drives SCL and SDA through CLK_OUT/DATA_OUT; the lines read back in
 * CLK_IN/DATA_IN, SDA as the wired AND of both ends.  The slave samples
 * SDA on SCL's rising edge and changes its own SDA after SCL falls.
 */
enum {
    I2C_IDLE,           /* waiting for START */
    I2C_RX,             /* master -> slave byte */
    I2C_RX_ACK,         /* slave acknowledges (pulls SDA low) */
    I2C_TX,             /* slave -> master byte */
    I2C_TX_ACK,         /* master acknowledges or not */
};

static uint8_t i82599_sfp_byte(I82599Core *core)
{
    if ((core->i2c.dev & 0xFE) == I82599_SFP_I2C_ADDR_ID) {
        return core->sfp_id[core->i2c.offset];
    }
    return 0;               /* no diagnostics page (byte 92 says so) */
}

static void i82599_i2c_rx_byte(I82599Core *core)
{
    uint8_t byte = core->i2c.shift;
    bool ack = true;

    if (core->i2c.nbytes == 0) {
        core->i2c.dev = byte;
        ack = i82599_sfp_present(core) &&
              (byte & 0xFC) == I82599_SFP_I2C_ADDR_ID;
    } else if (core->i2c.nbytes == 1) {
        core->i2c.offset = byte;
    }
    /* further bytes would be writes to the module's EEPROM: ignored */
    core->i2c.nbytes++;
    trace_i82599_i2c_byte_in(byte, ack);

    if (ack) {
        core->i2c.slave_sda = false;
        core->i2c.state = I2C_RX_ACK;
    } else {
        core->i2c.state = I2C_IDLE;
    }
}

static void i82599_i2c_scl_fell(I82599Core *core)
{
    switch (core->i2c.state) {
    case I2C_RX:
        if (core->i2c.bit == 8) {
            i82599_i2c_rx_byte(core);
        }
        break;
    case I2C_RX_ACK:
        core->i2c.slave_sda = true;
        core->i2c.bit = 0;
        core->i2c.shift = 0;
        if (core->i2c.nbytes == 1 && (core->i2c.dev & 1)) {
            core->i2c.shift = i82599_sfp_byte(core);
            trace_i82599_i2c_byte_out(core->i2c.dev, core->i2c.offset,
                                      core->i2c.shift);
            core->i2c.slave_sda = core->i2c.shift & 0x80;
            core->i2c.state = I2C_TX;
        } else {
            core->i2c.state = I2C_RX;
        }
        break;
    case I2C_TX:
        if (core->i2c.bit < 8) {
            core->i2c.slave_sda = (core->i2c.shift << core->i2c.bit) & 0x80;
        } else {
            core->i2c.slave_sda = true;
            core->i2c.state = I2C_TX_ACK;
        }
        break;
    case I2C_TX_ACK:
        if (core->i2c.master_nack) {
            core->i2c.state = I2C_IDLE;
        } else {
            core->i2c.offset++;
            core->i2c.bit = 0;
            core->i2c.shift = i82599_sfp_byte(core);
            trace_i82599_i2c_byte_out(core->i2c.dev, core->i2c.offset,
                                      core->i2c.shift);
            core->i2c.slave_sda = core->i2c.shift & 0x80;
            core->i2c.state = I2C_TX;
        }
        break;
    default:
        break;
    }
}

static void i82599_i2c_scl_rose(I82599Core *core)
{
    switch (core->i2c.state) {
    case I2C_RX:
        core->i2c.shift = (core->i2c.shift << 1) | core->i2c.sda;
        core->i2c.bit++;
        break;
    case I2C_TX:
        core->i2c.bit++;
        break;
    case I2C_TX_ACK:
        core->i2c.master_nack = core->i2c.sda;
        break;
    default:
        break;
    }
}

static void i82599_i2c_write(I82599Core *core, uint32_t val)
{
    bool scl = val & I82599_I2CCTL_CLK_OUT;
    bool sda = val & I82599_I2CCTL_DATA_OUT;
    bool old_scl = core->i2c.scl;
    bool old_sda = core->i2c.sda;

    core->i2c.scl = scl;
    core->i2c.sda = sda;

    if (old_scl && scl && old_sda != sda) {
        core->i2c.slave_sda = true;
        if (!sda) {
            /* START (or repeated START): SDA falls while SCL is high */
            trace_i82599_i2c_start();
            core->i2c.state = I2C_RX;
            core->i2c.bit = 0;
            core->i2c.shift = 0;
            core->i2c.nbytes = 0;  /* the address byte comes next */
        } else {
            trace_i82599_i2c_stop();
            core->i2c.state = I2C_IDLE;
        }
        return;
    }
    if (old_scl && !scl) {
        i82599_i2c_scl_fell(core);
    } else if (!old_scl && scl) {
        i82599_i2c_scl_rose(core);
    }
}

static void i82599_i2c_reset(I82599Core *core)
{
    memset(&core->i2c, 0, sizeof(core->i2c));
    core->i2c.scl = true;
    core->i2c.sda = true;
    core->i2c.slave_sda = true;
    core->i2c.state = I2C_IDLE;
}

/*
 * Register handlers
 */

typedef struct I82599Reg I82599Reg;

typedef uint32_t (*I82599ReadFn)(I82599Core *core, const I82599Reg *reg,
                                 unsigned int n);
typedef void (*I82599WriteFn)(I82599Core *core, const I82599Reg *reg,
                              unsigned int n, uint32_t val);

struct I82599Reg {
    hwaddr addr;            /* first instance */
    unsigned int count;     /* instances (0 means 1) */
    unsigned int stride;    /* bytes between instances */
    const char *name;
    uint32_t reset;         /* reset value of every instance */
    I82599ReadFn read;      /* NULL: read mac[] */
    I82599WriteFn write;    /* NULL: store into mac[] */
};

static hwaddr reg_addr(const I82599Reg *reg, unsigned int n)
{
    return reg->addr + (hwaddr)n * reg->stride;
}

static uint32_t *reg_ptr(I82599Core *core, const I82599Reg *reg,
                         unsigned int n)
{
    return &core->mac[REG(reg_addr(reg, n))];
}

static void wr_ignore(I82599Core *core, const I82599Reg *reg,
                      unsigned int n, uint32_t val)
{
}

static uint32_t rd_zero(I82599Core *core, const I82599Reg *reg,
                        unsigned int n)
{
    return 0;
}

static void wr_w1c(I82599Core *core, const I82599Reg *reg, unsigned int n,
                   uint32_t val)
{
    *reg_ptr(core, reg, n) &= ~val;
}

static void i82599_soft_reset(I82599Core *core, const char *why);

/*
 * CTRL (8.2.3.1.1): RST and LNK_RST reset the MAC synchronously, so both
 * bits read back clear before ixgbe_reset_hw_82599 polls them
 */
static void wr_ctrl(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    if (val & I82599_CTRL_RST) {
        i82599_soft_reset(core, "CTRL.RST");
        return;
    }
    if (val & I82599_CTRL_LNK_RST) {
        i82599_soft_reset(core, "CTRL.LNK_RST");
        return;
    }
    core->mac[REG(I82599_CTRL)] = val;
}

/*
 * STATUS (8.2.3.1.2): LAN ID is the PCI function (ixgbe's lan_id, which
 * picks the PHY0/PHY1 semaphore and the SFP type core0/core1); GIO primary
 * enable status drops as soon as CTRL.GIO_DIS is set: nothing is pending
 */
/* PF reset done (datasheet 8.2.3.1.3): the VFs learn of it */
static void wr_ctrl_ext(I82599Core *core, const I82599Reg *reg,
                        unsigned int n, uint32_t val)
{
    uint32_t old = core->mac[REG(I82599_CTRL_EXT)];

    core->mac[REG(I82599_CTRL_EXT)] = val;
    i82599_vt_ctrl_ext(core, old, val);
}

static uint32_t rd_status(I82599Core *core, const I82599Reg *reg,
                          unsigned int n)
{
    uint32_t val;

    val = (PCI_FUNC(core->owner->devfn) << I82599_STATUS_LAN_ID_SHIFT) &
          I82599_STATUS_LAN_ID_MASK;
    if (core->link_up) {
        val |= I82599_STATUS_LINK_UP;
    }
    if (!(core->mac[REG(I82599_CTRL)] & I82599_CTRL_GIO_DIS)) {
        val |= I82599_STATUS_GIO;
    }
    return val;
}

static uint32_t rd_esdp(I82599Core *core, const I82599Reg *reg,
                        unsigned int n)
{
    uint32_t val = core->mac[REG(I82599_ESDP)] & ~I82599_ESDP_SDP2;

    return val | (i82599_sfp_present(core) ? I82599_ESDP_SDP2 : 0);
}

static void wr_esdp(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    core->mac[REG(I82599_ESDP)] = val;
    i82599_link_update(core);
}

static uint32_t rd_i2cctl(I82599Core *core, const I82599Reg *reg,
                          unsigned int n)
{
    uint32_t val = 0;

    if (core->i2c.scl) {
        val |= I82599_I2CCTL_CLK_OUT | I82599_I2CCTL_CLK_IN;
    }
    if (core->i2c.sda) {
        val |= I82599_I2CCTL_DATA_OUT;
        if (core->i2c.slave_sda) {
            val |= I82599_I2CCTL_DATA_IN;
        }
    }
    return val;
}

static void wr_i2cctl(I82599Core *core, const I82599Reg *reg, unsigned int n,
                      uint32_t val)
{
    i82599_i2c_write(core, val);
}

/*
 * EICR (8.2.3.5.1): read clears, write 1 clears.  In INTx/MSI mode the
 * read also auto-masks what EIAM says (ixgbe_intr)
 */
static uint32_t eicr_value(I82599Core *core)
{
    return core->other_cause | (core->vec_cause & I82599_EICR_RTX_QUEUE);
}

static uint32_t rd_eicr(I82599Core *core, const I82599Reg *reg,
                        unsigned int n)
{
    uint32_t val = eicr_value(core);

    core->other_cause = 0;
    core->vec_cause &= ~(uint64_t)I82599_EICR_RTX_QUEUE;
    if (val && !msix_enabled(core->owner)) {
        uint32_t eiam = core->mac[REG(I82599_EIAM)];

        core->vec_mask &= ~(uint64_t)(eiam & I82599_EICR_RTX_QUEUE);
        core->other_mask &= ~(eiam & I82599_EICR_OTHER_CAUSES);
    }
    i82599_update_intx(core);
    return val;
}

static void wr_eicr(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    core->other_cause &= ~(val & I82599_EICR_OTHER_CAUSES);
    core->vec_cause &= ~(uint64_t)(val & I82599_EICR_RTX_QUEUE);
    i82599_update_intx(core);
}

/* EICS: reads EICR without clearing it (ixgbe_msix_other relies on it) */
static uint32_t rd_eics(I82599Core *core, const I82599Reg *reg,
                        unsigned int n)
{
    return eicr_value(core);
}

static void wr_eics(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    i82599_raise(core, val & I82599_EICR_RTX_QUEUE,
                 val & I82599_EICR_OTHER_CAUSES);
}

static uint32_t rd_eims(I82599Core *core, const I82599Reg *reg,
                        unsigned int n)
{
    return core->other_mask | (core->vec_mask & I82599_EICR_RTX_QUEUE);
}

static void wr_eims(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    i82599_unmask(core, val & I82599_EICR_RTX_QUEUE,
                  val & I82599_EICR_OTHER_CAUSES);
}

static void wr_eimc(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    core->vec_mask &= ~(uint64_t)(val & I82599_EICR_RTX_QUEUE);
    core->other_mask &= ~(val & I82599_EICR_OTHER_CAUSES);
    i82599_update_intx(core);
}

static uint32_t rd_eics_ex(I82599Core *core, const I82599Reg *reg,
                           unsigned int n)
{
    return core->vec_cause >> (32 * n);
}

static void wr_eics_ex(I82599Core *core, const I82599Reg *reg,
                       unsigned int n, uint32_t val)
{
    i82599_raise(core, (uint64_t)val << (32 * n), 0);
}

static uint32_t rd_eims_ex(I82599Core *core, const I82599Reg *reg,
                           unsigned int n)
{
    return core->vec_mask >> (32 * n);
}

static void wr_eims_ex(I82599Core *core, const I82599Reg *reg,
                       unsigned int n, uint32_t val)
{
    i82599_unmask(core, (uint64_t)val << (32 * n), 0);
}

static void wr_eimc_ex(I82599Core *core, const I82599Reg *reg,
                       unsigned int n, uint32_t val)
{
    core->vec_mask &= ~((uint64_t)val << (32 * n));
    i82599_update_intx(core);
}

static void wr_eitr(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    *reg_ptr(core, reg, n) = val & ~I82599_EITR_CNT_WDIS;
}

/* LINKS (8.2.3.22.20) */
static uint32_t rd_links(I82599Core *core, const I82599Reg *reg,
                         unsigned int n)
{
    if (!core->link_up) {
        return 0;
    }
    return I82599_LINKS_UP | I82599_LINKS_LINK_STATUS |
           i82599_links_speed(core);
}

/*
 * AUTOC (8.2.3.22.19): Restart_AN self-clears and moves the AN state
 * machine out of state 0 (ANLP1.AN_STATE), which ixgbe's
 * reset_pipeline_82599 waits for after every AUTOC write
 */
static void wr_autoc(I82599Core *core, const I82599Reg *reg, unsigned int n,
                     uint32_t val)
{
    if (val & I82599_AUTOC_AN_RESTART) {
        trace_i82599_an_restart(val);
        core->mac[REG(I82599_ANLP1)] =
            (core->mac[REG(I82599_ANLP1)] & ~I82599_ANLP1_AN_STATE_MASK) |
            (0x4 << I82599_ANLP1_AN_STATE_SHIFT);
    }
    core->mac[REG(I82599_AUTOC)] = val & ~I82599_AUTOC_AN_RESTART;
}

/*
 * MSCA (8.2.3.22.11): no PHY answers on an SFP+ board's MDIO bus: every
 * command completes at once and reads all ones (mdio45_probe and
 * ixgbe_validate_phy_addr take that as "nobody there")
 */
static void wr_msca(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    if (val & I82599_MSCA_MDI_COMMAND) {
        uint32_t op = val & I82599_MSCA_OP_MASK;

        if (op == I82599_MSCA_OP_READ || op == I82599_MSCA_OP_READ_INC) {
            core->mac[REG(I82599_MSRWD)] =
                (core->mac[REG(I82599_MSRWD)] & 0xFFFF) |
                (0xFFFFu << I82599_MSRWD_READ_SHIFT);
        }
        trace_i82599_mdio(val, core->mac[REG(I82599_MSRWD)]);
        val &= ~I82599_MSCA_MDI_COMMAND;
    }
    core->mac[REG(I82599_MSCA)] = val;
}

static void wr_msrwd(I82599Core *core, const I82599Reg *reg, unsigned int n,
                     uint32_t val)
{
    core->mac[REG(I82599_MSRWD)] =
        (core->mac[REG(I82599_MSRWD)] & 0xFFFF0000) | (val & 0xFFFF);
}

static void wr_corectl(I82599Core *core, const I82599Reg *reg,
                       unsigned int n, uint32_t val)
{
    trace_i82599_corectl(val);
    core->mac[REG(I82599_CORECTL)] = val;
}

/*
 * EEC (8.2.3.2.1): an EEPROM is present and auto-read is done; the
 * bit-bang request is granted at once
 */
static uint32_t rd_eec(I82599Core *core, const I82599Reg *reg,
                       unsigned int n)
{
    uint32_t val = core->mac[REG(I82599_EEC)] & 0xFF;

    if (val & BIT(6)) {             /* EE_REQ -> EE_GNT */
        val |= BIT(7);
    } else {
        val &= ~BIT(7);
    }
    return val | I82599_EEC_PRES | I82599_EEC_ARD |
           (3 << I82599_EEC_SIZE_SHIFT);
}

static void wr_eerd(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    uint32_t word = (val & I82599_EERW_ADDR_MASK) >> I82599_EERW_ADDR_SHIFT;
    uint16_t data = 0xFFFF;

    if (!(val & I82599_EERW_START)) {
        return;
    }
    if (word < I82599_EEPROM_WORDS) {
        data = core->eeprom[word];
    }
    trace_i82599_eeprom_read(word, data);
    core->mac[REG(I82599_EERD)] = ((uint32_t)data << I82599_EERW_DATA_SHIFT) |
                                  (word << I82599_EERW_ADDR_SHIFT) |
                                  I82599_EERW_DONE;
}

/* EEWR: ixgbe waits for DONE before and after each write */
static void wr_eewr(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    uint32_t word = (val & I82599_EERW_ADDR_MASK) >> I82599_EERW_ADDR_SHIFT;
    uint16_t data = val >> I82599_EERW_DATA_SHIFT;

    if (!(val & I82599_EERW_START)) {
        return;
    }
    if (word < I82599_EEPROM_WORDS) {
        core->eeprom[word] = data;
    }
    trace_i82599_eeprom_write(word, data);
    core->mac[REG(I82599_EEWR)] = (val & ~I82599_EERW_START) |
                                  I82599_EERW_DONE;
}

/*
 * SWSM: SMBI reads 0, i.e. "granted" (one driver per port); SWESMBI
 * sticks as written, which ixgbe_get_eeprom_semaphore checks
 */
static void wr_swsm(I82599Core *core, const I82599Reg *reg, unsigned int n,
                    uint32_t val)
{
    core->mac[REG(I82599_SWSM)] = val & I82599_SWSM_SWESMBI;
}

/* SW_FW_SYNC: software bits stick, firmware bits stay 0 (no firmware) */
static void wr_sw_fw_sync(I82599Core *core, const I82599Reg *reg,
                          unsigned int n, uint32_t val)
{
    core->mac[REG(I82599_SW_FW_SYNC)] = val & ~I82599_SW_FW_SYNC_FW_MASK;
}

/*
 * The table.  Registers not listed here and not claimed by the datapath
 * are plain storage.
 */
#define R(a, nm)                        { .addr = (a), .name = (nm) }
#define RR(a, nm, rst, rd, wr)          { .addr = (a), .name = (nm), \
                                          .reset = (rst), .read = (rd), \
                                          .write = (wr) }
#define RA(a, cnt, st, nm, rst, rd, wr) { .addr = (a), .count = (cnt), \
                                          .stride = (st), .name = (nm), \
                                          .reset = (rst), .read = (rd), \
                                          .write = (wr) }

static const I82599Reg i82599_regs[] = {
    /* general (8.2.3.1) */
    RR(I82599_CTRL, "CTRL", 0, NULL, wr_ctrl),
    RR(I82599_STATUS, "STATUS", 0, rd_status, wr_ignore),
    RR(I82599_CTRL_EXT, "CTRL_EXT", 0, NULL, wr_ctrl_ext),
    RR(I82599_ESDP, "ESDP", 0, rd_esdp, wr_esdp),
    RR(I82599_I2CCTL, "I2CCTL", 0, rd_i2cctl, wr_i2cctl),
    R(I82599_LEDCTL, "LEDCTL"),

    /* interrupts (8.2.3.5) */
    RR(I82599_EICR, "EICR", 0, rd_eicr, wr_eicr),
    RR(I82599_EICS, "EICS", 0, rd_eics, wr_eics),
    R(I82599_EIAC, "EIAC"),
    RA(I82599_EITR(0), 24, 4, "EITR", 0, NULL, wr_eitr),
    RA(I82599_EITR(24), 40, 4, "EITR", 0, NULL, wr_eitr),
    RR(I82599_EIMS, "EIMS", 0, rd_eims, wr_eims),
    RR(I82599_EIMC, "EIMC", 0, rd_zero, wr_eimc),
    R(I82599_EIAM, "EIAM"),
    R(I82599_EITRSEL, "EITRSEL"),
    R(I82599_GPIE, "GPIE"),
    RA(I82599_IVAR(0), 64, 4, "IVAR", 0, NULL, NULL),
    R(I82599_IVAR_MISC, "IVAR_MISC"),
    RA(I82599_EICS_EX(0), 2, 4, "EICS_EX", 0, rd_eics_ex, wr_eics_ex),
    RA(I82599_EIMS_EX(0), 2, 4, "EIMS_EX", 0, rd_eims_ex, wr_eims_ex),
    RA(I82599_EIMC_EX(0), 2, 4, "EIMC_EX", 0, rd_zero, wr_eimc_ex),
    RA(I82599_EIAM_EX(0), 2, 4, "EIAM_EX", 0, NULL, NULL),

    /* MAC, PCS, link (8.2.3.22) */
    R(I82599_PCS1GCFIG, "PCS1GCFIG"),
    R(I82599_PCS1GLCTL, "PCS1GLCTL"),
    RR(I82599_PCS1GLSTA, "PCS1GLSTA", 0, NULL, wr_ignore),
    R(I82599_PCS1GANA, "PCS1GANA"),
    RR(I82599_PCS1GANLP, "PCS1GANLP", 0, NULL, wr_ignore),
    RR(I82599_MSCA, "MSCA", 0, NULL, wr_msca),
    RR(I82599_MSRWD, "MSRWD", 0, NULL, wr_msrwd),
    /* reset: LMS 10G serial (SFI), as an X520's EEPROM loads it */
    RR(I82599_AUTOC, "AUTOC",
       I82599_LMS_10G_SERIAL << I82599_AUTOC_LMS_SHIFT, NULL, wr_autoc),
    RR(I82599_LINKS, "LINKS", 0, rd_links, wr_ignore),
    RR(I82599_AUTOC2, "AUTOC2", I82599_AUTOC2_10G_PMA_SERIAL_SFI, NULL, NULL),
    R(I82599_AUTOC3, "AUTOC3"),
    RR(I82599_ANLP1, "ANLP1", 0, NULL, wr_ignore),
    RR(I82599_ANLP2, "ANLP2", 0, NULL, wr_ignore),
    R(I82599_MMNGC, "MMNGC"),

    /* wake-up, manageability (8.2.3.24, 8.2.3.25) */
    R(I82599_WUC, "WUC"),
    R(I82599_WUFC, "WUFC"),
    RR(I82599_WUS, "WUS", 0, NULL, wr_w1c),
    R(I82599_MANC, "MANC"),

    /* security: fused off (ixgbe_init_ipsec_offload leaves it alone) */
    R(I82599_SECTXCTRL, "SECTXCTRL"),
    RR(I82599_SECTXSTAT, "SECTXSTAT",
       I82599_SECTXSTAT_SECTX_RDY | I82599_SECTXSTAT_SECTX_OFF_DIS,
       NULL, wr_ignore),
    R(I82599_SECRXCTRL, "SECRXCTRL"),
    RR(I82599_SECRXSTAT, "SECRXSTAT",
       I82599_SECRXSTAT_SECRX_RDY | I82599_SECRXSTAT_SECRX_OFF_DIS,
       NULL, wr_ignore),

    /*
     * packet buffers: one TC, all of the 512 KB RX / 160 KB TX buffer in
     * PB0 (datasheet 8.2.3.8.9, 8.2.3.9.13, 4.6.11.3.4); ixgbe sizes its
     * flow control thresholds from RXPBSIZE(0) at probe
     */
    RA(I82599_RXPBSIZE(0), 1, 4, "RXPBSIZE", 512 << I82599_PBSIZE_SHIFT,
       NULL, NULL),
    RA(I82599_RXPBSIZE(1), 7, 4, "RXPBSIZE", 0, NULL, NULL),
    RA(I82599_TXPBSIZE(0), 1, 4, "TXPBSIZE", 160 << I82599_PBSIZE_SHIFT,
       NULL, NULL),
    RA(I82599_TXPBSIZE(1), 7, 4, "TXPBSIZE", 0, NULL, NULL),
    RA(I82599_TXPBTHRESH(0), 1, 4, "TXPBTHRESH", 160, NULL, NULL),
    /* flow control thresholds: kept, and read by the internal switch */
    RA(I82599_FCRTL(0), 8, 4, "FCRTL", 0, NULL, NULL),
    RA(I82599_FCRTH(0), 8, 4, "FCRTH", 0, NULL, NULL),
    RA(I82599_TXPBTHRESH(1), 7, 4, "TXPBTHRESH", 0, NULL, NULL),

    /* EEPROM, semaphores, PCIe (8.2.3.2, 8.2.3.3, 8.2.3.7) */
    RR(I82599_EEC, "EEC", 0, rd_eec, NULL),
    RR(I82599_EERD, "EERD", I82599_EERW_DONE, NULL, wr_eerd),
    RR(I82599_EEWR, "EEWR", I82599_EERW_DONE, NULL, wr_eewr),
    RR(I82599_SWSM, "SWSM", 0, NULL, wr_swsm),
    /*
     * FW_VAL set, mode 0 (no manageability), no error indication: what
     * ixgbe_check_fw_error and ixgbe_mng_enabled want
     */
    RR(I82599_FWSM, "FWSM", I82599_FWSM_FW_VAL, NULL, wr_ignore),
    R(I82599_FACTPS, "FACTPS"),
    RR(I82599_SW_FW_SYNC, "SW_FW_SYNC", 0, NULL, wr_sw_fw_sync),
    R(I82599_GCR_EXT, "GCR_EXT"),
    RR(I82599_CORECTL, "CORECTL", 0, NULL, wr_corectl),
    RR(I82599_HICR, "HICR", 0, NULL, wr_ignore),
    R(I82599_FWSTS, "FWSTS"),
};

/* register index -> 1 + position in i82599_regs[], 0 for none */
static uint8_t i82599_reg_slot[I82599_MMIO_SIZE / 4];

static void i82599_reg_table_init(void)
{
    static bool done;
    unsigned int i, n;

    if (done) {
        return;
    }
    QEMU_BUILD_BUG_ON(ARRAY_SIZE(i82599_regs) >= 255);
    for (i = 0; i < ARRAY_SIZE(i82599_regs); i++) {
        const I82599Reg *reg = &i82599_regs[i];
        unsigned int count = reg->count ? reg->count : 1;

        for (n = 0; n < count; n++) {
            hwaddr a = reg_addr(reg, n);

            assert(a < I82599_MMIO_SIZE && !i82599_reg_slot[REG(a)]);
            i82599_reg_slot[REG(a)] = i + 1;
        }
    }
    done = true;
}

static const I82599Reg *i82599_reg_find(hwaddr addr, unsigned int *n)
{
    unsigned int slot = i82599_reg_slot[REG(addr)];
    const I82599Reg *reg;

    if (!slot) {
        return NULL;
    }
    reg = &i82599_regs[slot - 1];
    *n = reg->count ? (addr - reg->addr) / reg->stride : 0;
    return reg;
}

/*
 * Reset (datasheet 4.2)
 */

static void i82599_regs_reset(I82599Core *core)
{
    const uint8_t *m = core->perm_mac;
    uint32_t ral = m[0] | (m[1] << 8) | (m[2] << 16) | ((uint32_t)m[3] << 24);
    uint32_t rah = m[4] | (m[5] << 8) | I82599_RESET_RAH_AV;
    unsigned int i, n;

    memset(core->mac, 0, sizeof(core->mac));
    for (i = 0; i < ARRAY_SIZE(i82599_regs); i++) {
        const I82599Reg *reg = &i82599_regs[i];
        unsigned int count = reg->count ? reg->count : 1;

        for (n = 0; n < count; n++) {
            *reg_ptr(core, reg, n) = reg->reset;
        }
    }

    /*
     * receive address 0 comes from the EEPROM at every reset, ixgbe's
     * get_mac_addr reads it back (datasheet 4.6.3; ixgbe_reset_hw_82599)
     */
    core->mac[REG(I82599_RESET_RAL0)] = ral;
    core->mac[REG(I82599_RESET_RAH0)] = rah;
    core->mac[REG(I82599_RESET_RAL0_82599)] = ral;
    core->mac[REG(I82599_RESET_RAH0_82599)] = rah;

    i82599_irq_reset(core);
    i82599_i2c_reset(core);
    i82599_vt_pf_reset(core);
}

/*
 * CTRL.RST / CTRL.LNK_RST (datasheet 4.2.1.6): the MAC, the queues and
 * the interrupt logic reset; the PCI function, the EEPROM and the
 * software/firmware semaphores do not
 */
static void i82599_soft_reset(I82599Core *core, const char *why)
{
    uint32_t swsm = core->mac[REG(I82599_SWSM)];
    uint32_t sync = core->mac[REG(I82599_SW_FW_SYNC)];

    trace_i82599_reset(why);
    i82599_regs_reset(core);
    core->mac[REG(I82599_SWSM)] = swsm;
    core->mac[REG(I82599_SW_FW_SYNC)] = sync;
    i82599_dp_reset(core);
    i82599_link_update(core);
}

void i82599_core_reset(I82599Core *core)
{
    trace_i82599_reset("device");
    i82599_regs_reset(core);
    i82599_dp_reset(core);
    core->link_up = false;
    i82599_link_update(core);
    /* a fresh device has no stale causes, not even the LSC just raised */
    core->other_cause = 0;
}

/*
 * MMIO
 */

uint64_t i82599_core_mmio_read(I82599Core *core, hwaddr addr, unsigned size)
{
    const I82599Reg *reg;
    unsigned int n;
    uint32_t val;

    if (addr >= I82599_MMIO_SIZE || (addr & 3)) {
        trace_i82599_mmio_bad(addr, size);
        return 0;
    }
    if (i82599_dp_mmio_read(core, addr, &val) ||
        i82599_vt_mmio_read(core, addr, &val)) {
        return val;
    }
    reg = i82599_reg_find(addr, &n);
    if (!reg) {
        val = core->mac[REG(addr)];
        trace_i82599_mmio_read_unimpl(addr, val);
        return val;
    }
    val = reg->read ? reg->read(core, reg, n) : core->mac[REG(addr)];
    trace_i82599_mmio_read(addr, reg->name, val);
    return val;
}

void i82599_core_mmio_write(I82599Core *core, hwaddr addr, uint64_t val64,
                            unsigned size)
{
    uint32_t val = val64;
    const I82599Reg *reg;
    unsigned int n;

    if (addr >= I82599_MMIO_SIZE || (addr & 3)) {
        trace_i82599_mmio_bad(addr, size);
        return;
    }
    if (i82599_dp_mmio_write(core, addr, val) ||
        i82599_vt_mmio_write(core, addr, val)) {
        return;
    }
    reg = i82599_reg_find(addr, &n);
    if (!reg) {
        trace_i82599_mmio_write_unimpl(addr, val);
        core->mac[REG(addr)] = val;
        return;
    }
    trace_i82599_mmio_write(addr, reg->name, val);
    if (reg->write) {
        reg->write(core, reg, n, val);
    } else {
        core->mac[REG(addr)] = val;
    }
}

/*
 * Life cycle
 */

void i82599_core_realize(I82599Core *core, PCIDevice *owner, NICState *nic,
                         const uint8_t *macaddr)
{
    unsigned int v;

    i82599_reg_table_init();
    core->owner = owner;
    core->nic = nic;
    memcpy(core->perm_mac, macaddr, ETH_ALEN);
    for (v = 0; v < I82599_MSIX_VECTORS; v++) {
        core->itr[v].core = core;
        core->itr[v].vector = v;
        core->itr[v].timer = timer_new_ns(QEMU_CLOCK_VIRTUAL,
                                          i82599_itr_expired, &core->itr[v]);
    }
    i82599_eeprom_init(core);
    i82599_sfp_init(core);
    i82599_dp_init(core);
    i82599_core_reset(core);
}

void i82599_core_unrealize(I82599Core *core)
{
    unsigned int v;

    i82599_dp_uninit(core);
    for (v = 0; v < I82599_MSIX_VECTORS; v++) {
        timer_free(core->itr[v].timer);
        core->itr[v].timer = NULL;
    }
}
