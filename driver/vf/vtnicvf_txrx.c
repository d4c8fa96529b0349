// SPDX-License-Identifier: GPL-2.0
/*
 * vtnicvf: the VF's queue pairs and their interrupts.  The rings,
 * transmit and receive, are the PF's (driver/common/vtnic_ring.c); this
 * file programs them into the VF's queues and serves the MSI-X vectors:
 * one per pair (the MAC's queue_vec[]) and VTNICVF_VEC_MBX for the
 * mailbox (both VFs: 3 vectors, MSI-X only).  Where the registers are
 * comes from the MAC's struct vtnicvf_regs.
 */

#include <linux/interrupt.h>
#include <linux/iopoll.h>

#include "vtnicvf.h"

static void vtnicvf_queue_irq_enable(struct vtnicvf_qv *qv)
{
	vtnicvf_wr32(qv->vf, qv->vf->mac->regs->eims, BIT(qv->vector));
}

static irqreturn_t vtnicvf_queue_irq(int irq, void *data)
{
	struct vtnicvf_qv *qv = data;

	napi_schedule_irqoff(&qv->napi);
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
 * vtnicvf_poll() - NAPI poll of one queue pair
 * @napi: the pair's NAPI context
 * @budget: receive budget
 *
 * Return: receive work done; @budget to be polled again.
 */
int vtnicvf_poll(struct napi_struct *napi, int budget)
{
	struct vtnicvf_qv *qv = container_of(napi, struct vtnicvf_qv, napi);
	struct vtnicvf *vf = qv->vf;
	bool tx_done = vtnic_clean_tx(&qv->tx, budget,
				      test_bit(VTNICVF_STATE_UP, &vf->state));
	int work = 0;

	if (budget)
		work = vtnic_clean_rx(&qv->rx, budget);
	if (!tx_done || work >= budget)
		return budget;
	if (napi_complete_done(napi, work) &&
	    test_bit(VTNICVF_STATE_UP, &vf->state))
		vtnicvf_queue_irq_enable(qv);
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

	return vtnic_ring_xmit(&vf->qv[skb->queue_mapping].tx, skb);
}

/**
 * vtnicvf_write_itr() - program the queue vectors' moderation interval
 * @vf: the VF
 */
void vtnicvf_write_itr(struct vtnicvf *vf)
{
	unsigned int i;

	for (i = 0; i < vf->num_pairs; i++)
		vtnicvf_wr32(vf, vf->mac->regs->eitr0 + 4 * vf->qv[i].vector,
			     vf->mac->eitr(vf->itr_us));
}

/* The vectors in use: the pairs' and the mailbox's */
static u32 vtnicvf_vectors(struct vtnicvf *vf)
{
	u32 vecs = BIT(VTNICVF_VEC_MBX);
	unsigned int i;

	for (i = 0; i < vf->num_pairs; i++)
		vecs |= BIT(vf->qv[i].vector);
	return vecs;
}

/**
 * vtnicvf_irq_configure() - route the causes to the vectors
 * @vf: the VF
 *
 * A PF reset clears these registers, so every VF reset rewrites them.
 * The queue vectors are unmasked by vtnicvf_up().
 */
void vtnicvf_irq_configure(struct vtnicvf *vf)
{
	const struct vtnicvf_regs *regs = vf->mac->regs;
	u32 vecs = vtnicvf_vectors(vf), ivar = 0, queue;
	unsigned int i;

	/* RX and TX of pair n: IVAR bytes 2n and 2n + 1; the mailbox: MISC */
	for (i = 0; i < vf->num_pairs; i++) {
		queue = vf->qv[i].vector | regs->ivar_valid;
		ivar |= (queue | queue << 8) << (16 * i);
	}
	vtnicvf_wr32(vf, regs->ivar0, ivar);
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
 * @vf: the VF, with the queue vectors released
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

/* Queue @n's register @reg, given queue 0's */
static u32 vtnicvf_qreg(struct vtnicvf *vf, u32 reg, unsigned int n)
{
	return reg + n * vf->mac->regs->queue_stride;
}

static void vtnicvf_configure_tx(struct vtnicvf *vf, unsigned int n)
{
	const struct vtnicvf_regs *regs = vf->mac->regs;
	u32 txdctl = vtnicvf_qreg(vf, regs->txdctl, n);

	vtnicvf_wr32(vf, txdctl, 0);
	vtnic_ring_set_base(&vf->qv[n].tx, vtnicvf_qreg(vf, regs->tdbal, n));
	vtnicvf_wr32(vf, txdctl, vf->mac->txdctl());
	vtnicvf_wait_enable(vf, txdctl);
}

/*
 * The PF owns the receiver (filters, frame size, checksum, the RSS table
 * and key, and on the 82576 VLAN stripping per pool); the VF has its
 * descriptor queues and, on the 82599, says over how many of them RSS
 * spreads (VFPSRTYPE): none, whatever an earlier driver asked for, with
 * one pair.
 */
static void vtnicvf_configure_rx(struct vtnicvf *vf, unsigned int n)
{
	const struct vtnicvf_regs *regs = vf->mac->regs;
	u32 rxdctl = vtnicvf_qreg(vf, regs->rxdctl, n);
	struct vtnic_ring *rx = &vf->qv[n].rx;

	vtnicvf_wr32(vf, rxdctl, 0);
	vtnic_ring_set_base(rx, vtnicvf_qreg(vf, regs->rdbal, n));
	vtnicvf_wr32(vf, vtnicvf_qreg(vf, regs->srrctl, n), vf->mac->srrctl());
	vtnicvf_wr32(vf, rxdctl, vf->mac->rxdctl());
	vtnicvf_wait_enable(vf, rxdctl);
	/* The tail is written once the queue is enabled */
	vtnic_rx_fill(rx);
}

static void vtnicvf_rings_free(struct vtnicvf *vf, unsigned int pairs)
{
	unsigned int i;

	for (i = 0; i < pairs; i++) {
		vtnic_ring_free(&vf->qv[i].tx);
		vtnic_ring_free(&vf->qv[i].rx);
	}
}

static void vtnicvf_irqs_free(struct vtnicvf *vf, unsigned int pairs)
{
	unsigned int i;

	for (i = 0; i < pairs; i++)
		free_irq(pci_irq_vector(vf->pdev, vf->qv[i].vector),
			 &vf->qv[i]);
}

/**
 * vtnicvf_max_pairs() - the queue pairs the VF can use now
 * @vf: the VF
 *
 * As many as the PF gives the pool (GET_QUEUES), the MAC has vectors
 * for, and there are CPUs.
 *
 * Return: 1 or more.
 */
unsigned int vtnicvf_max_pairs(struct vtnicvf *vf)
{
	unsigned int n = min3(vf->mac->max_pairs,
			      (unsigned int)min(vf->queues.rx, vf->queues.tx),
			      num_online_cpus());

	return max(n, 1U);
}

/**
 * vtnicvf_up() - allocate and start the queue pairs
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
	const struct vtnicvf_regs *regs = vf->mac->regs;
	unsigned int i, pairs = vtnicvf_max_pairs(vf), irqs = 0;
	int err;

	if (vf->req_pairs)
		pairs = min(pairs, vf->req_pairs);
	vf->num_pairs = pairs;
	for (i = 0; i < pairs; i++) {
		struct vtnicvf_qv *qv = &vf->qv[i];

		qv->tx.count = vf->tx_ring_count;
		qv->rx.count = vf->rx_ring_count;
		err = vtnic_tx_ring_alloc(&qv->tx);
		if (!err)
			err = vtnic_rx_ring_alloc(&qv->rx);
		if (err)
			goto err_free;
	}
	err = netif_set_real_num_tx_queues(netdev, pairs);
	if (!err)
		err = netif_set_real_num_rx_queues(netdev, pairs);
	if (err)
		goto err_free;

	for (irqs = 0; irqs < pairs; irqs++) {
		struct vtnicvf_qv *qv = &vf->qv[irqs];

		snprintf(qv->name, sizeof(qv->name), "%s-TxRx-%u",
			 netdev->name, irqs);
		err = request_irq(pci_irq_vector(vf->pdev, qv->vector),
				  vtnicvf_queue_irq, 0, qv->name, qv);
		if (err)
			goto err_free;
	}

	if (regs->psrtype)
		vtnicvf_wr32(vf, regs->psrtype, vf->mac->psrtype_pairs(pairs));
	for (i = 0; i < pairs; i++) {
		vtnicvf_configure_tx(vf, i);
		vtnicvf_configure_rx(vf, i);
	}
	vtnicvf_irq_configure(vf);

	set_bit(VTNICVF_STATE_UP, &vf->state);
	for (i = 0; i < pairs; i++) {
		napi_enable(&vf->qv[i].napi);
		vtnicvf_queue_irq_enable(&vf->qv[i]);
	}
	/* Wake: a packet requeued while the queue was stopped must go */
	netif_tx_wake_all_queues(netdev);
	return 0;

err_free:
	vtnicvf_irqs_free(vf, irqs);
	vtnicvf_rings_free(vf, pairs);
	return err;
}

/**
 * vtnicvf_down() - stop and free the queue pairs
 * @vf: the VF
 *
 * Context: rtnl.
 */
void vtnicvf_down(struct vtnicvf *vf)
{
	struct net_device *netdev = vf->netdev;
	const struct vtnicvf_regs *regs = vf->mac->regs;
	unsigned int i;

	if (!test_and_clear_bit(VTNICVF_STATE_UP, &vf->state))
		return;
	netif_carrier_off(netdev);
	vf->link_up = false;
	vtnicvf_wr32(vf, regs->eimc, vtnicvf_vectors(vf) & ~BIT(VTNICVF_VEC_MBX));
	for (i = 0; i < vf->num_pairs; i++)
		napi_disable(&vf->qv[i].napi);
	/*
	 * Only now: a poll that began before the UP bit went may still
	 * wake a queue, and an xmit after the rings are freed finds none.
	 * With NAPI off nothing wakes one; once this returns no xmit is
	 * running.
	 */
	netif_tx_disable(netdev);

	/* Stop the DMA before the buffers go */
	for (i = 0; i < vf->num_pairs; i++) {
		vtnicvf_wr32(vf, vtnicvf_qreg(vf, regs->rxdctl, i), 0);
		vtnicvf_wr32(vf, vtnicvf_qreg(vf, regs->txdctl, i), 0);
	}
	vtnicvf_rd32(vf, VTNIC_HW_STATUS);

	for (i = 0; i < vf->num_pairs; i++)
		synchronize_irq(pci_irq_vector(vf->pdev, vf->qv[i].vector));
	vtnicvf_irqs_free(vf, vf->num_pairs);
	vtnicvf_rings_free(vf, vf->num_pairs);
}
