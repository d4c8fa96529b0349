// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: interrupts.  MSI-X gives one vector to the "other" causes (link
 * status change; later the VF mailbox) and one per queue pair; MSI and
 * legacy INTx share one vector between everything and use one queue
 * pair.  Causes are routed with IVAR in MSI-X mode and reported in ICR
 * otherwise (82576 datasheet 7.3).
 */

#include <linux/bitfield.h>
#include <linux/interrupt.h>
#include <linux/module.h>

#include "vtnic.h"

#ifndef PCI_IRQ_INTX
#define PCI_IRQ_INTX PCI_IRQ_LEGACY	/* renamed in 6.8 */
#endif

static unsigned int int_mode;
module_param(int_mode, uint, 0444);
MODULE_PARM_DESC(int_mode,
		 "Interrupt mode: 0 = MSI-X, falling back to MSI then INTx (default); 1 = MSI; 2 = legacy INTx");

/* The vector of the "other" causes in MSI-X mode */
#define VTNIC_OTHER_VECTOR	0

/* What the single MSI/INTx vector is raised for */
#define VTNIC_IMS_LEGACY	(VTNIC_ICR_TXDW | VTNIC_ICR_LSC | \
				 VTNIC_ICR_RXDMT0 | VTNIC_ICR_RXO | \
				 VTNIC_ICR_RXDW)

static const char * const vtnic_int_mode_name[] = {
	[VTNIC_INT_MSIX]	= "MSI-X",
	[VTNIC_INT_MSI]		= "MSI",
	[VTNIC_INT_INTX]	= "INTx",
};

/**
 * vtnic_irq_alloc() - allocate interrupt vectors in the mode asked for
 * @vn: the PF
 *
 * Sets vn->int_mode, num_vectors and max_queues.
 *
 * Return: 0, or a negative errno.
 */
int vtnic_irq_alloc(struct vtnic *vn)
{
	struct pci_dev *pdev = vn->pdev;
	unsigned int want;
	int nvec = -ENODEV;

	if (int_mode > VTNIC_INT_INTX) {
		dev_warn(&pdev->dev, "int_mode=%u is not 0, 1 or 2, using MSI-X\n",
			 int_mode);
		int_mode = VTNIC_INT_MSIX;
	}

	want = min(vn->mac->ops->max_queues, num_online_cpus());
	if (int_mode == VTNIC_INT_MSIX) {
		nvec = pci_alloc_irq_vectors(pdev, 2, want + 1, PCI_IRQ_MSIX);
		if (nvec > 0) {
			vn->int_mode = VTNIC_INT_MSIX;
			vn->max_queues = nvec - 1;
			goto out;
		}
		dev_info(&pdev->dev, "MSI-X unavailable (%d), trying MSI\n", nvec);
	}
	if (int_mode <= VTNIC_INT_MSI) {
		nvec = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
		if (nvec > 0) {
			vn->int_mode = VTNIC_INT_MSI;
			vn->max_queues = 1;
			goto out;
		}
		dev_info(&pdev->dev, "MSI unavailable (%d), using INTx\n", nvec);
	}
	nvec = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_INTX);
	if (nvec < 0)
		return nvec;
	vn->int_mode = VTNIC_INT_INTX;
	vn->max_queues = 1;
out:
	vn->num_vectors = nvec;
	dev_info(&pdev->dev, "%s interrupts, %u vector%s, up to %u queue pair%s\n",
		 vtnic_int_mode_name[vn->int_mode], nvec, nvec > 1 ? "s" : "",
		 vn->max_queues, vn->max_queues > 1 ? "s" : "");
	return 0;
}

/**
 * vtnic_irq_free() - release the vectors vtnic_irq_alloc() allocated
 * @vn: the PF
 */
void vtnic_irq_free(struct vtnic *vn)
{
	pci_free_irq_vectors(vn->pdev);
}

static irqreturn_t vtnic_msix_ring(int irq, void *data)
{
	struct vtnic_q_vector *qv = data;

	qv->event_ctr++;
	napi_schedule_irqoff(&qv->napi);
	return IRQ_HANDLED;
}

static void vtnic_handle_other(struct vtnic *vn, u32 icr)
{
	if (icr & VTNIC_ICR_LSC)
		mod_delayed_work(system_wq, &vn->watchdog, 0);
	if (icr & VTNIC_ICR_VMMB)
		vtnic_sriov_mbx_irq(vn);
}

static irqreturn_t vtnic_msix_other(int irq, void *data)
{
	struct vtnic *vn = data;

	/* GPIE.NSICR: reading ICR clears it */
	vtnic_handle_other(vn, vtnic_rd32(vn, VTNIC_ICR));
	return IRQ_HANDLED;
}

static irqreturn_t vtnic_intr(int irq, void *data)
{
	struct vtnic *vn = data;
	struct vtnic_q_vector *qv = vn->qv[0];
	u32 icr = vtnic_rd32(vn, VTNIC_ICR);	/* clears on read */

	if (!icr || icr == ~0U)
		return IRQ_NONE;	/* INTx is shared: not ours */

	vtnic_handle_other(vn, icr);
	if (icr & (VTNIC_IMS_LEGACY & ~VTNIC_ICR_LSC)) {
		/* Quiet until NAPI is done; vtnic_qv_enable() unmasks */
		vtnic_wr32(vn, VTNIC_IMC, ~0U);
		qv->event_ctr++;
		napi_schedule_irqoff(&qv->napi);
	}
	return IRQ_HANDLED;
}

/**
 * vtnic_irq_request() - request the IRQs for the current queue vectors
 * @vn: the PF, with vn->qv[] allocated
 *
 * Return: 0, or a negative errno with nothing requested.
 */
int vtnic_irq_request(struct vtnic *vn)
{
	struct net_device *netdev = vn->netdev;
	struct pci_dev *pdev = vn->pdev;
	unsigned int i;
	int err;

	if (vn->int_mode != VTNIC_INT_MSIX)
		return request_irq(pci_irq_vector(pdev, 0), vtnic_intr,
				   vn->int_mode == VTNIC_INT_INTX ? IRQF_SHARED : 0,
				   netdev->name, vn);

	err = request_irq(pci_irq_vector(pdev, VTNIC_OTHER_VECTOR),
			  vtnic_msix_other, 0, netdev->name, vn);
	if (err)
		return err;
	for (i = 0; i < vn->num_queues; i++) {
		struct vtnic_q_vector *qv = vn->qv[i];

		snprintf(qv->name, sizeof(qv->name), "%s-TxRx-%u",
			 netdev->name, i);
		err = request_irq(pci_irq_vector(pdev, qv->v_idx),
				  vtnic_msix_ring, 0, qv->name, qv);
		if (err)
			goto err_free_irqs;
	}
	return 0;

err_free_irqs:
	while (i--)
		free_irq(pci_irq_vector(pdev, vn->qv[i]->v_idx), vn->qv[i]);
	free_irq(pci_irq_vector(pdev, VTNIC_OTHER_VECTOR), vn);
	return err;
}

/**
 * vtnic_irq_release() - free what vtnic_irq_request() requested
 * @vn: the PF
 */
void vtnic_irq_release(struct vtnic *vn)
{
	struct pci_dev *pdev = vn->pdev;
	unsigned int i;

	if (vn->int_mode != VTNIC_INT_MSIX) {
		free_irq(pci_irq_vector(pdev, 0), vn);
		return;
	}
	for (i = 0; i < vn->num_queues; i++)
		free_irq(pci_irq_vector(pdev, vn->qv[i]->v_idx), vn->qv[i]);
	free_irq(pci_irq_vector(pdev, VTNIC_OTHER_VECTOR), vn);
}

/**
 * vtnic_write_itr() - set a vector's moderation interval (EITR, 8.8.12)
 * @qv: the vector
 * @usecs: minimum gap between its interrupts, 0 for none
 */
void vtnic_write_itr(struct vtnic_q_vector *qv, u32 usecs)
{
	/* CNT_IGNR: don't reset the running countdown with this write */
	vtnic_wr32(qv->vn, VTNIC_EITR(qv->v_idx),
		   FIELD_PREP(VTNIC_EITR_INTERVAL, usecs) | VTNIC_EITR_CNT_IGNR);
	qv->itr_us = usecs;
}

static u32 vtnic_queue_vectors_mask(struct vtnic *vn)
{
	u32 mask = 0;
	unsigned int i;

	for (i = 0; i < vn->num_queues; i++)
		mask |= BIT(vn->qv[i]->v_idx);
	return mask;
}

/* Route one cause byte of IVAR (8.8.16) to a vector */
static void vtnic_set_ivar(struct vtnic *vn, unsigned int queue, bool tx,
			   unsigned int vector)
{
	unsigned int shift = (queue & 8 ? 16 : 0) + (tx ? 8 : 0);
	u32 ivar = vtnic_rd32(vn, VTNIC_IVAR(queue));

	ivar &= ~(0xffU << shift);
	ivar |= (vector | VTNIC_IVAR_VALID) << shift;
	vtnic_wr32(vn, VTNIC_IVAR(queue), ivar);
}

/**
 * vtnic_irq_configure() - program the interrupt routing for the rings
 * @vn: the PF, reset, with its queue vectors allocated
 */
void vtnic_irq_configure(struct vtnic *vn)
{
	unsigned int i;
	u32 queues;

	/*
	 * Queue causes are routed through IVAR in every mode: with MSI or
	 * INTx everything goes to vector 0, and the descriptor write-back
	 * causes (ICR.RXDW/TXDW) are only raised for routed queues (QEMU
	 * raises TXDW for none otherwise; igb routes them the same way).
	 */
	for (i = 0; i < vn->num_queues; i++) {
		struct vtnic_q_vector *qv = vn->qv[i];

		vtnic_set_ivar(vn, qv->rx.reg_idx, false, qv->v_idx);
		vtnic_set_ivar(vn, qv->tx.reg_idx, true, qv->v_idx);
	}
	if (vn->int_mode != VTNIC_INT_MSIX) {
		vtnic_wr32(vn, VTNIC_GPIE, 0);
		return;
	}

	/*
	 * MSI-X mode (7.3.2.x): ICR clears on read (NSICR), queue vectors
	 * auto-clear their EICR bit (EIAC) and auto-mask (EIAM) until NAPI
	 * re-enables them.
	 */
	vtnic_wr32(vn, VTNIC_GPIE, VTNIC_GPIE_NSICR | VTNIC_GPIE_MSIX_MODE |
		   VTNIC_GPIE_EIAME | VTNIC_GPIE_PBA);
	vtnic_wr32(vn, VTNIC_IVAR_MISC,
		   (VTNIC_OTHER_VECTOR | VTNIC_IVAR_VALID) << 8);

	/*
	 * Every vector auto-clears its EICR bit, or a second "other" cause
	 * (the next VF mailbox message) would find it still set and raise
	 * no new interrupt.
	 */
	queues = vtnic_queue_vectors_mask(vn);
	vtnic_wr32(vn, VTNIC_EIAC, queues | BIT(VTNIC_OTHER_VECTOR));
	vtnic_wr32(vn, VTNIC_EIAM, queues);
}

/**
 * vtnic_irq_enable() - unmask every cause the driver handles
 * @vn: the PF
 */
void vtnic_irq_enable(struct vtnic *vn)
{
	if (vn->int_mode == VTNIC_INT_MSIX) {
		/* VF mailbox and VF resets: SR-IOV needs MSI-X */
		vtnic_wr32(vn, VTNIC_IMS, VTNIC_ICR_LSC |
			   (vtnic_num_vfs(vn) ? VTNIC_ICR_VMMB : 0));
		vtnic_wr32(vn, VTNIC_EIMS, vtnic_queue_vectors_mask(vn) |
			   BIT(VTNIC_OTHER_VECTOR));
	} else {
		vtnic_wr32(vn, VTNIC_IMS, VTNIC_IMS_LEGACY);
	}
	vtnic_flush(vn);
}

/**
 * vtnic_irq_disable() - mask everything and wait for running handlers
 * @vn: the PF
 */
void vtnic_irq_disable(struct vtnic *vn)
{
	unsigned int i;

	vtnic_wr32(vn, VTNIC_IMC, ~0U);
	vtnic_wr32(vn, VTNIC_EIMC, ~0U);
	vtnic_flush(vn);
	for (i = 0; i < vn->num_vectors; i++)
		synchronize_irq(pci_irq_vector(vn->pdev, i));
}

/**
 * vtnic_qv_enable() - unmask a vector once its NAPI poll is complete
 * @qv: the vector
 */
void vtnic_qv_enable(struct vtnic_q_vector *qv)
{
	struct vtnic *vn = qv->vn;

	if (vn->int_mode == VTNIC_INT_MSIX)
		vtnic_wr32(vn, VTNIC_EIMS, BIT(qv->v_idx));
	else
		vtnic_wr32(vn, VTNIC_IMS, VTNIC_IMS_LEGACY);
}
