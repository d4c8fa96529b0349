// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: interrupts.  MSI-X gives one vector to the "other" causes (link
 * status change, the VF mailbox) and one per queue pair; MSI and legacy
 * INTx share one vector between everything and use one queue pair.  How
 * causes are routed and read is the MAC's (irq_configure, irq_causes).
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

/* The vector of the "other" causes in MSI-X mode; queue pair i has i + 1 */
#define VTNIC_OTHER_VECTOR	0

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

	want = min3(vn->mac->max_queues, vn->mac->msix_vectors - 1,
		    num_online_cpus());
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

static void vtnic_handle_other(struct vtnic *vn, u32 causes)
{
	if (causes & VTNIC_CAUSE_LINK)
		mod_delayed_work(system_wq, &vn->watchdog, 0);
	if (causes & VTNIC_CAUSE_MBX)
		vtnic_sriov_mbx_irq(vn);
}

static irqreturn_t vtnic_msix_other(int irq, void *data)
{
	struct vtnic *vn = data;

	vtnic_handle_other(vn, vn->mac->ops->irq_causes(vn));
	return IRQ_HANDLED;
}

static irqreturn_t vtnic_intr(int irq, void *data)
{
	struct vtnic *vn = data;
	struct vtnic_q_vector *qv = vn->qv[0];
	u32 causes = vn->mac->ops->irq_causes(vn);

	if (!causes)
		return IRQ_NONE;	/* INTx is shared: not ours */

	vtnic_handle_other(vn, causes);
	if (causes & VTNIC_CAUSE_QUEUE) {
		/* Masked until NAPI is done; qv_enable() unmasks */
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
 * vtnic_write_itr() - set a vector's moderation interval
 * @qv: the vector
 * @usecs: minimum gap between its interrupts, 0 for none
 */
void vtnic_write_itr(struct vtnic_q_vector *qv, u32 usecs)
{
	qv->vn->mac->ops->write_itr(qv, usecs);
	qv->itr_us = usecs;
}

/**
 * vtnic_queue_vectors() - the vectors of the queue pairs in use
 * @vn: the PF, with its queue vectors allocated
 *
 * Return: a bitmap, bit n for vector n.
 */
u64 vtnic_queue_vectors(const struct vtnic *vn)
{
	u64 mask = 0;
	unsigned int i;

	for (i = 0; i < vn->num_queues; i++)
		mask |= BIT_ULL(vn->qv[i]->v_idx);
	return mask;
}

/**
 * vtnic_irq_configure() - route every ring to its vector, then the rest
 * @vn: the PF, reset, with its queue vectors allocated
 *
 * Queue causes are routed in every mode: with MSI or INTx everything
 * goes to vector 0, and some MACs raise a queue's cause only when it is
 * routed (QEMU's igb raises TXDW for no queue otherwise).
 */
void vtnic_irq_configure(struct vtnic *vn)
{
	unsigned int i;

	for (i = 0; i < vn->num_queues; i++) {
		struct vtnic_q_vector *qv = vn->qv[i];

		vn->mac->ops->map_queue(vn, qv->rx.reg_idx, false, qv->v_idx);
		vn->mac->ops->map_queue(vn, qv->tx.reg_idx, true, qv->v_idx);
	}
	vn->mac->ops->irq_configure(vn);
}

/**
 * vtnic_irq_enable() - unmask every cause the driver handles
 * @vn: the PF
 */
void vtnic_irq_enable(struct vtnic *vn)
{
	vn->mac->ops->irq_enable(vn);
}

/**
 * vtnic_irq_disable() - mask everything and wait for running handlers
 * @vn: the PF
 */
void vtnic_irq_disable(struct vtnic *vn)
{
	unsigned int i;

	vn->mac->ops->irq_disable(vn);
	for (i = 0; i < vn->num_vectors; i++)
		synchronize_irq(pci_irq_vector(vn->pdev, i));
}
