// SPDX-License-Identifier: GPL-2.0
/*
 * vtnicvf: the VF's queue pair and its interrupts.  The rings, transmit
 * and receive are the PF's (driver/common/vtnic_ring.c); this file
 * programs them into the VF's queue 0 and serves the two MSI-X vectors
 * it uses: VTNICVF_VEC_QUEUE the queue pair, VTNICVF_VEC_MBX the mailbox
 * (both VFs: 3 vectors, MSI-X only).  Where the registers are comes from
 * the MAC's struct vtnicvf_regs.
 */

#include <linux/interrupt.h>
#include <linux/iopoll.h>

#include "vtnicvf.h"

static void vtnicvf_queue_irq_enable(struct vtnicvf *vf)
{
	vtnicvf_wr32(vf, vf->mac->regs->eims, BIT(VTNICVF_VEC_QUEUE));
}

static irqreturn_t vtnicvf_queue_irq(int irq, void *data)
{
	struct vtnicvf *vf = data;

	napi_schedule_irqoff(&vf->napi);
	return IRQ_HANDLED;
}

/*
 * The PF wrote to the mailbox, or reset.  The exchange sleeps, so the
 * service task takes it.  (QEMU's igb raises this for the wrong vector;
 * the service task also polls, see Documentation/vtnicvf.rst.)
 */
static irqreturn_t vtnicvf_mbx_irq(int irq, void *data)
{
	struct vtnicvf *vf = data;

	vtnicvf_service_kick(vf);
	vtnicvf_wr32(vf, vf->mac->regs->eims, BIT(VTNICVF_VEC_MBX));
	return IRQ_HANDLED;
}

/**
 * vtnicvf_poll() - NAPI poll of the queue pair
 * @napi: the VF's NAPI context
 * @budget: receive budget
 *
 * Return: receive work done; @budget to be polled again.
 */
int vtnicvf_poll(struct napi_struct *napi, int budget)
{
	struct vtnicvf *vf = container_of(napi, struct vtnicvf, napi);
	bool tx_done = vtnic_clean_tx(&vf->tx, budget,
				      test_bit(VTNICVF_STATE_UP, &vf->state));
	int work = 0;

	if (budget)
		work = vtnic_clean_rx(&vf->rx, budget);
	if (!tx_done || work >= budget)
		return budget;
	if (napi_complete_done(napi, work) &&
	    test_bit(VTNICVF_STATE_UP, &vf->state))
		vtnicvf_queue_irq_enable(vf);
	return min(work, budget - 1);
}

/**
 * vtnicvf_xmit_frame() - ndo_start_xmit
 * @skb: the packet
 * @netdev: the VF's netdev
 *
 * Return: NETDEV_TX_OK, or NETDEV_TX_BUSY when the ring is full.
 */
netdev_tx_t vtnicvf_xmit_frame(struct sk_buff *skb, struct net_device *netdev)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	return vtnic_ring_xmit(&vf->tx, skb);
}

/**
 * vtnicvf_write_itr() - program the queue vector's moderation interval
 * @vf: the VF
 */
void vtnicvf_write_itr(struct vtnicvf *vf)
{
	vtnicvf_wr32(vf, vf->mac->regs->eitr0 + 4 * VTNICVF_VEC_QUEUE,
		     vf->mac->eitr(vf->itr_us));
}

/**
 * vtnicvf_irq_configure() - route the causes to the vectors
 * @vf: the VF
 *
 * A PF reset clears these registers, so every VF reset rewrites them.
 * The queue vector is unmasked by vtnicvf_up().
 */
void vtnicvf_irq_configure(struct vtnicvf *vf)
{
	const struct vtnicvf_regs *regs = vf->mac->regs;
	u32 vecs = BIT(VTNICVF_VEC_QUEUE) | BIT(VTNICVF_VEC_MBX);
	u32 queue = VTNICVF_VEC_QUEUE | regs->ivar_valid;

	/* RX and TX queue 0 (IVAR bytes 0 and 1), the mailbox (IVAR_MISC) */
	vtnicvf_wr32(vf, regs->ivar0, queue | queue << 8);
	vtnicvf_wr32(vf, regs->ivar_misc, VTNICVF_VEC_MBX | regs->ivar_valid);
	/* Each cause clears and masks itself when it raises its vector */
	vtnicvf_wr32(vf, regs->eiac, vecs);
	vtnicvf_wr32(vf, regs->eiam, vecs);
	vtnicvf_write_itr(vf);
	vtnicvf_wr32(vf, regs->eims, BIT(VTNICVF_VEC_MBX));
}

/**
 * vtnicvf_irq_init() - allocate the MSI-X vectors, request the mailbox's
 * @vf: the VF
 *
 * The mailbox vector lives as long as the device is bound: the PF may
 * talk while the interface is down.
 *
 * Return: 0 or a negative errno, with nothing left allocated.
 */
int vtnicvf_irq_init(struct vtnicvf *vf)
{
	struct pci_dev *pdev = vf->pdev;
	int err;

	err = pci_alloc_irq_vectors(pdev, VTNICVF_NUM_VECTORS,
				    VTNICVF_NUM_VECTORS, PCI_IRQ_MSIX);
	if (err < 0)
		return dev_err_probe(&pdev->dev, err,
				     "no MSI-X vectors (the VF has no other mode)\n");

	err = request_irq(pci_irq_vector(pdev, VTNICVF_VEC_MBX), vtnicvf_mbx_irq,
			  0, dev_name(&pdev->dev), vf);
	if (err)
		goto err_free_vectors;

	vtnicvf_irq_configure(vf);
	return 0;

err_free_vectors:
	pci_free_irq_vectors(pdev);
	return err;
}

/**
 * vtnicvf_irq_free() - undo vtnicvf_irq_init()
 * @vf: the VF, with the queue vector released
 */
void vtnicvf_irq_free(struct vtnicvf *vf)
{
	vtnicvf_wr32(vf, vf->mac->regs->eimc, ~0U);
	free_irq(pci_irq_vector(vf->pdev, VTNICVF_VEC_MBX), vf);
	pci_free_irq_vectors(vf->pdev);
}

/* A queue's enable bit reads back set once the queue runs (82599 4.6.7) */
static void vtnicvf_wait_enable(struct vtnicvf *vf, u32 reg)
{
	u32 bit = vf->mac->regs->xdctl_enable;
	u32 val;

	if (!vf->mac->poll_enable)
		return;
	if (read_poll_timeout(vtnicvf_rd32, val, val & bit, 1000, 10000, false,
			      vf, reg))
		netdev_warn(vf->netdev, "queue register %#x: not enabled\n", reg);
}

static void vtnicvf_configure_tx(struct vtnicvf *vf)
{
	const struct vtnicvf_regs *regs = vf->mac->regs;

	vtnicvf_wr32(vf, regs->txdctl, 0);
	vtnic_ring_set_base(&vf->tx, regs->tdbal);
	vtnicvf_wr32(vf, regs->txdctl, vf->mac->txdctl());
	vtnicvf_wait_enable(vf, regs->txdctl);
}

/*
 * The PF owns the receiver (filters, frame size, checksum, and on the
 * 82576 VLAN stripping per pool); the VF has its descriptor queue.
 */
static void vtnicvf_configure_rx(struct vtnicvf *vf)
{
	const struct vtnicvf_regs *regs = vf->mac->regs;

	vtnicvf_wr32(vf, regs->rxdctl, 0);
	/*
	 * One queue: RSS spreads nothing to the pool's others, whatever an
	 * earlier driver of this VF asked for
	 */
	if (regs->psrtype)
		vtnicvf_wr32(vf, regs->psrtype, 0);
	vtnic_ring_set_base(&vf->rx, regs->rdbal);
	vtnicvf_wr32(vf, regs->srrctl, vf->mac->srrctl());
	vtnicvf_wr32(vf, regs->rxdctl, vf->mac->rxdctl());
	vtnicvf_wait_enable(vf, regs->rxdctl);
	/* The tail is written once the queue is enabled */
	vtnic_rx_fill(&vf->rx);
}

static void vtnicvf_rings_free(struct vtnicvf *vf)
{
	vtnic_ring_free(&vf->tx);
	vtnic_ring_free(&vf->rx);
}

/**
 * vtnicvf_up() - allocate and start the queue pair
 * @vf: the VF, reset (vtnicvf_hw_init()) or not answered by its PF yet
 *
 * Carrier stays off: the service task turns it on when the PF gives
 * link.
 *
 * Context: rtnl.
 * Return: 0 or a negative errno, with nothing left allocated.
 */
int vtnicvf_up(struct vtnicvf *vf)
{
	struct net_device *netdev = vf->netdev;
	int err;

	vf->tx.count = vf->tx_ring_count;
	vf->rx.count = vf->rx_ring_count;
	err = vtnic_tx_ring_alloc(&vf->tx);
	if (!err)
		err = vtnic_rx_ring_alloc(&vf->rx);
	if (err)
		goto err_free_rings;

	snprintf(vf->irq_name, sizeof(vf->irq_name), "%s-TxRx-0",
		 netdev->name);
	err = request_irq(pci_irq_vector(vf->pdev, VTNICVF_VEC_QUEUE),
			  vtnicvf_queue_irq, 0, vf->irq_name, vf);
	if (err)
		goto err_free_rings;

	vtnicvf_configure_tx(vf);
	vtnicvf_configure_rx(vf);
	vtnicvf_irq_configure(vf);

	set_bit(VTNICVF_STATE_UP, &vf->state);
	napi_enable(&vf->napi);
	vtnicvf_queue_irq_enable(vf);
	/* Wake: a packet requeued while the queue was stopped must go */
	netif_tx_wake_all_queues(netdev);
	return 0;

err_free_rings:
	vtnicvf_rings_free(vf);
	return err;
}

/**
 * vtnicvf_down() - stop and free the queue pair
 * @vf: the VF
 *
 * Context: rtnl.
 */
void vtnicvf_down(struct vtnicvf *vf)
{
	struct net_device *netdev = vf->netdev;

	if (!test_and_clear_bit(VTNICVF_STATE_UP, &vf->state))
		return;
	netif_carrier_off(netdev);
	vf->link_up = false;
	vtnicvf_wr32(vf, vf->mac->regs->eimc, BIT(VTNICVF_VEC_QUEUE));
	napi_disable(&vf->napi);
	/*
	 * Only now: a poll that began before the UP bit went may still
	 * wake the queue, and an xmit after the rings are freed finds
	 * none.  With NAPI off nothing wakes it; once this returns no
	 * xmit is running.
	 */
	netif_tx_disable(netdev);

	/* Stop the DMA before the buffers go */
	vtnicvf_wr32(vf, vf->mac->regs->rxdctl, 0);
	vtnicvf_wr32(vf, vf->mac->regs->txdctl, 0);
	vtnicvf_rd32(vf, VTNIC_HW_STATUS);

	synchronize_irq(pci_irq_vector(vf->pdev, VTNICVF_VEC_QUEUE));
	free_irq(pci_irq_vector(vf->pdev, VTNICVF_VEC_QUEUE), vf);
	vtnicvf_rings_free(vf);
}
