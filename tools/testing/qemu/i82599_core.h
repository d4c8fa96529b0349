/*
 * QEMU Intel 82599 10GbE controller (i82599): the state one port shares
 * between its files, and the calls between the control plane and the
 * datapath.
 *
 *   i82599.c       PCI glue: config space, BARs, MSI-X, capabilities,
 *                  the NIC backend, migration state
 *   i82599_core.c  control plane: reset, EEPROM, semaphores, I2C/SFP+,
 *                  link, interrupts, the register table for everything
 *                  the datapath does not own
 *   i82599_dp.c    datapath: queues, descriptors, receive filtering,
 *                  pools and the internal switch, RSS, offloads,
 *                  statistics
 *   i82599_vt.c    virtualization: the VFs' register windows, the PF/VF
 *                  mailbox, VF interrupts and resets, queue <-> pool
 *   i82599vf.c     PCI glue of a virtual function
 *
 * Registers live in core->mac[], indexed by byte offset / 4, so either
 * side may read any register; each register is written by one side only.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef HW_NET_I82599_CORE_H
#define HW_NET_I82599_CORE_H

#include "qemu/units.h"
#include "hw/pci/pci_device.h"
#include "net/net.h"
#include "net/eth.h"
/* BAR0 (82599 datasheet 9.3.6.1: 128 KB memory window) */
#define I82599_MMIO_SIZE        (128 * KiB)
#define I82599_NUM_QUEUES       128
#define I82599_MSIX_VECTORS     64
#define I82599_EEPROM_WORDS     512     /* EEC.SIZE 3: 1 << (3 + 6) */

#include "i82599_dp.h"

#define TYPE_I82599VF           "i82599vf"
#define I82599_MAX_VFS          64

typedef struct I82599Core I82599Core;

/*
 * What a VF's register window holds that the PF's space does not
 * (datasheet 8.3): its interrupt registers and its side of the mailbox
 */
/*
 * What sits in the SFP+ cage: a passive direct-attach cable, a 10GBASE-SR
 * or -LR optic, a module no 10 Gb/s Ethernet driver takes (a 16G Fibre
 * Channel optic), or nothing
 */
typedef enum I82599Sfp {
    I82599_SFP_DA,
    I82599_SFP_SR,
    I82599_SFP_LR,
    I82599_SFP_UNSUPPORTED,
    I82599_SFP_NONE,
} I82599Sfp;

typedef struct I82599Vf {
    uint32_t eicr;                      /* VTEICR, one bit per vector */
    uint32_t eims;
    uint32_t eiac;
    uint32_t eiam;
    uint32_t eitr[3];
    uint32_t ivar[4];
    uint32_t ivar_misc;
    uint32_t mbx;                       /* VFMAILBOX bits but PFU */
    bool pfu;                           /* the PF holds the buffer */
} I82599Vf;

/* One interrupt throttling timer per MSI-X vector (EITR, datasheet 7.3.4) */
typedef struct I82599Itr {
    I82599Core *core;
    QEMUTimer *timer;
    unsigned int vector;
} I82599Itr;

struct I82599Core {
    uint32_t mac[I82599_MMIO_SIZE / 4];

    PCIDevice *owner;
    NICState *nic;
    uint8_t perm_mac[ETH_ALEN];

    /* datapath state, owned by i82599_dp.c */
    I82599DpState dp;

    /* control plane state below, owned by i82599_core.c */

    /*
     * Interrupt causes and masks (datasheet 7.3.4): one cause and one mask
     * bit per MSI-X vector; EICR/EIMS [15:0] alias vectors 0-15, and
     * [31:16] are the "other" causes that IVAR_MISC routes to one vector
     */
    uint64_t vec_cause;
    uint64_t vec_mask;
    uint32_t other_cause;
    uint32_t other_mask;
    uint64_t itr_deferred;              /* vector held back by its EITR */
    I82599Itr itr[I82599_MSIX_VECTORS];
    bool intx_level;

    /* Link as the driver sees it in LINKS (backend link and TX laser) */
    bool link_up;

    /* Virtual functions, owned by i82599_vt.c */
    I82599Vf vf[I82599_MAX_VFS];

    /* Emulated EEPROM (datasheet 6): loaded at realize, EEWR may change it */
    uint16_t eeprom[I82599_EEPROM_WORDS];

    /*
     * SFP+ module serial ID at I2C address 0xA0, and the bus state of the
     * bit-banged two-wire interface behind I2CCTL (datasheet 8.2.3.1.5)
     */
    I82599Sfp sfp;
    uint8_t sfp_id[256];
    struct {
        bool scl;                       /* lines as the master drives them */
        bool sda;
        bool slave_sda;                 /* false = the module pulls low */
        uint8_t state;
        uint8_t bit;
        uint8_t shift;
        uint8_t nbytes;                 /* bytes since START */
        uint8_t dev;                    /* address byte of this transfer */
        uint8_t offset;
        bool master_nack;
    } i2c;
};

/*
 * PCI glue (i82599.c) -> control plane.
 */
/* The module in the cage, by name ("da" when the property is unset) */
bool i82599_core_set_sfp(I82599Core *core, const char *name);
void i82599_core_realize(I82599Core *core, PCIDevice *owner, NICState *nic,
                         const uint8_t *macaddr);
void i82599_core_unrealize(I82599Core *core);
/* Power-on, PCI reset or FLR: everything back to its reset value. */
void i82599_core_reset(I82599Core *core);
uint64_t i82599_core_mmio_read(I82599Core *core, hwaddr addr, unsigned size);
void i82599_core_mmio_write(I82599Core *core, hwaddr addr, uint64_t val,
                            unsigned size);
/* The backend's link changed (monitor set_link, peer gone). */
void i82599_core_link_status_changed(I82599Core *core);

/* Map a VF's BARs once the PF has declared them (i82599vf.c) */
void i82599vf_register_bars(PCIDevice *vf);

/* The core of the PF a VF belongs to (i82599.c) */
I82599Core *i82599_pf_core(PCIDevice *pf);

/*
 * VF glue (i82599vf.c) -> virtualization.  vf is the VF number.
 */
uint64_t i82599_vf_mmio_read(I82599Core *core, unsigned int vf, hwaddr addr);
void i82599_vf_mmio_write(I82599Core *core, unsigned int vf, hwaddr addr,
                          uint64_t val);
/* Function level reset of a VF: the PF hears of it as a VFLR event */
void i82599_vf_flr(I82599Core *core, unsigned int vf);

/*
 * Control plane <-> virtualization.  The control plane offers every PF
 * register access to i82599_vt_mmio_* after the datapath; false means
 * "not a virtualization register".
 */
bool i82599_vt_mmio_read(I82599Core *core, hwaddr addr, uint32_t *val);
bool i82599_vt_mmio_write(I82599Core *core, hwaddr addr, uint32_t val);
/* The PF was reset: every VF sees RSTI until the PF sets PFRSTD. */
void i82599_vt_pf_reset(I82599Core *core);
/* CTRL_EXT written: PFRSTD going to 1 tells every VF (RSTD). */
void i82599_vt_ctrl_ext(I82599Core *core, uint32_t old, uint32_t val);
/*
 * Datapath <-> virtualization.
 */

/* VT mode on: pools decide where frames go */
bool i82599_vt_enabled(I82599Core *core);
/* Queues per pool in VT mode (GCR_EXT.VT_MODE): 2, 4 or 8 */
unsigned int i82599_vt_queues_per_pool(I82599Core *core);
/* The VF a queue belongs to, or -1 for the PF's queues */
int i82599_vt_queue_vf(I82599Core *core, unsigned int queue);
/* A VF queue has done work: through the VF's VTIVAR to its vector */
void i82599_vt_vf_queue_notify(I82599Core *core, unsigned int vf, bool tx,
                               unsigned int vf_queue);

/*
 * Datapath -> control plane.
 */

/*
 * A queue has done work the driver must hear about: map it through IVAR
 * to its vector and set the cause (EICR), honouring masks and EITR.
 */
void i82599_queue_notify(I82599Core *core, bool tx, unsigned int queue);

/* Raise "other" causes (EICR bits 16..31) from the datapath. */
void i82599_raise_other(I82599Core *core, uint32_t eicr_bits);

/* Link state as the datapath must obey it: no frames in or out when down. */
bool i82599_link_is_up(I82599Core *core);

/*
 * The PCI function whose address space a queue's DMA goes through: the
 * VF whose pool holds the queue, else the PF.
 */
PCIDevice *i82599_queue_dma_dev(I82599Core *core, unsigned int queue);

/*
 * Control plane -> datapath.  The control plane calls i82599_dp_mmio_*
 * first for every access; false means "not a datapath register".
 */
void i82599_dp_init(I82599Core *core);
void i82599_dp_uninit(I82599Core *core);
/* After a device or software reset cleared mac[]: datapath reset values. */
void i82599_dp_reset(I82599Core *core);
bool i82599_dp_mmio_read(I82599Core *core, hwaddr addr, uint32_t *val);
bool i82599_dp_mmio_write(I82599Core *core, hwaddr addr, uint32_t val);
bool i82599_dp_can_receive(I82599Core *core);
ssize_t i82599_dp_receive_iov(I82599Core *core, const struct iovec *iov,
                              int iovcnt);
/*
 * Something may have made receiving possible again (link up, bus master
 * enable): flush the backend's queued packets if so.
 */
void i82599_dp_kick_rx(I82599Core *core);

#endif
