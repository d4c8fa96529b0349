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
 *                  RSS, offloads, statistics
 *
 * Registers live in core->mac[], indexed by byte offset / 4, so either
 * side may read any register; each register is written by one side only.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef HW_NET_I82599_CORE_H
#define HW_NET_I82599_CORE_H

#include "hw/pci/pci_device.h"
#include "net/net.h"
#include "i82599_dp.h"

/* BAR0 (82599 datasheet 9.3.6.1: 128 KB memory window) */
#define I82599_MMIO_SIZE        (128 * KiB)
#define I82599_NUM_QUEUES       128
#define I82599_MSIX_VECTORS     64

typedef struct I82599Core I82599Core;

struct I82599Core {
    uint32_t mac[I82599_MMIO_SIZE / 4];

    PCIDevice *owner;
    NICState *nic;
    uint8_t perm_mac[ETH_ALEN];

    /* datapath state, owned by i82599_dp.c */
    I82599DpState dp;

    /* control plane state below, owned by i82599_core.c */
};

/*
 * Datapath -> control plane.
 */

/* A queue has done work the driver must hear about: map it through IVAR
 * to its vector and set the cause (EICR), honouring masks and EITR. */
void i82599_queue_notify(I82599Core *core, bool tx, unsigned int queue);

/* Raise "other" causes (EICR bits 16..31) from the datapath. */
void i82599_raise_other(I82599Core *core, uint32_t eicr_bits);

/* Link state as the datapath must obey it: no frames in or out when down. */
bool i82599_link_is_up(I82599Core *core);

/* The PCI function whose address space a queue's DMA goes through
 * (the owning VF once SR-IOV exists; the PF for now). */
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
/* Something may have made receiving possible again (link up, bus master
 * enable): flush the backend's queued packets if so. */
void i82599_dp_kick_rx(I82599Core *core);

#endif
