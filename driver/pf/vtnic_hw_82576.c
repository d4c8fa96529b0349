// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: the 82576 - its bring-up in the order of the datasheet's
 * software initialization sequence (82576 datasheet 4.5), link, filters,
 * receive and transmit initialization (4.5.9, 4.5.10), interrupt routing
 * (7.3), statistics and the register dump, behind struct vtnic_mac_ops;
 * its SR-IOV writers are driver/common/vtnic_iov_82576.c.  The only PF
 * file that includes the 82576's register header.
 */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/iopoll.h>
#include <linux/linkmode.h>

#include "vtnic.h"
#include "vtnic_82576_regs.h"

/* The vector of the "other" causes in MSI-X mode */
#define VTNIC_82576_OTHER_VECTOR	0

/* What the single MSI/INTx vector is raised for */
#define VTNIC_82576_IMS_LEGACY	(VTNIC_ICR_TXDW | VTNIC_ICR_LSC | \
				 VTNIC_ICR_RXDMT0 | VTNIC_ICR_RXO | \
				 VTNIC_ICR_RXDW)

/*
 * Interrupts during initialization (4.5.1): mask every cause, legacy and
 * extended, so nothing fires while the device is half set up.
 */
static void vtnic_82576_mask_irqs(struct vtnic *vn)
{
	vtnic_wr32(vn, VTNIC_IMC, ~0U);
	vtnic_wr32(vn, VTNIC_EIMC, ~0U);
	vtnic_flush(vn);
}

static int vtnic_82576_reset(struct vtnic *vn)
{
	u32 ctrl, eecd;
	int err;

	vtnic_82576_mask_irqs(vn);

	/*
	 * Stop receive and transmit and let in-flight DMA drain before
	 * the reset, so no write lands in a buffer being freed (4.5.2).
	 */
	vtnic_wr32(vn, VTNIC_RCTL, 0);
	vtnic_wr32(vn, VTNIC_TCTL, VTNIC_TCTL_PSP);
	vtnic_flush(vn);
	usleep_range(10000, 11000);

	/* Global reset (4.5.2): CTRL.RST self-clears when the reset is done */
	vtnic_wr32(vn, VTNIC_CTRL, vtnic_rd32(vn, VTNIC_CTRL) | VTNIC_CTRL_RST);
	usleep_range(1000, 2000);
	err = read_poll_timeout(vtnic_rd32, ctrl, !(ctrl & VTNIC_CTRL_RST),
				1000, 20000, false, vn, VTNIC_CTRL);
	if (!vtnic_hw_present(&vn->hw))
		return -ENODEV;
	if (err) {
		dev_err(&vn->pdev->dev, "device did not come out of reset (CTRL %#x)\n",
			ctrl);
		return -EIO;
	}

	/*
	 * Then the device reloads its configuration from the NVM and sets
	 * EECD.AUTO_RD (4.5.2).  QEMU's emulation never sets the bit, and
	 * the registers are usable either way, so a timeout is not fatal.
	 */
	if (read_poll_timeout(vtnic_rd32, eecd, eecd & VTNIC_EECD_AUTO_RD,
			      1000, 10000, false, vn, VTNIC_EECD))
		dev_dbg(&vn->pdev->dev, "EECD.AUTO_RD not set after reset (EECD %#x)\n",
			eecd);

	/* The reset unmasked nothing, but clear what it left pending (4.5.1) */
	vtnic_82576_mask_irqs(vn);
	vtnic_rd32(vn, VTNIC_ICR);

	/* Tell firmware a driver owns the device (8.2.3 CTRL_EXT.DRV_LOAD) */
	vtnic_wr32(vn, VTNIC_CTRL_EXT,
		   vtnic_rd32(vn, VTNIC_CTRL_EXT) | VTNIC_CTRL_EXT_DRV_LOAD);
	return 0;
}

/* One PHY register write over MDIC (8.2.4), polling MDIC.READY */
static int vtnic_82576_phy_write(struct vtnic *vn, u32 reg, u16 val)
{
	u32 mdic;
	int err;

	vtnic_wr32(vn, VTNIC_MDIC,
		   FIELD_PREP(VTNIC_MDIC_DATA, val) |
		   FIELD_PREP(VTNIC_MDIC_REG, reg) |
		   FIELD_PREP(VTNIC_MDIC_PHY, VTNIC_PHY_ADDR) |
		   FIELD_PREP(VTNIC_MDIC_OP, VTNIC_MDIC_OP_WRITE));
	err = read_poll_timeout(vtnic_rd32, mdic, mdic & VTNIC_MDIC_READY,
				50, 100000, false, vn, VTNIC_MDIC);
	if (err || (mdic & VTNIC_MDIC_ERROR) || mdic == ~0U)
		return -EIO;
	return 0;
}

/*
 * Link setup for the internal copper PHY (4.5.6, 3.5.x "Link Setup"):
 * the MAC follows the PHY's resolved speed and duplex once CTRL.SLU is
 * set; the PHY autonegotiates 10/100/1000.  Completion is reported by
 * the link status change interrupt (ICR.LSC).
 */
static int vtnic_82576_setup_link(struct vtnic *vn)
{
	int err;

	vtnic_wr32(vn, VTNIC_CTRL, vtnic_rd32(vn, VTNIC_CTRL) | VTNIC_CTRL_SLU);
	err = vtnic_82576_phy_write(vn, VTNIC_PHY_BMCR,
				    VTNIC_PHY_BMCR_ANENABLE |
				    VTNIC_PHY_BMCR_ANRESTART);
	if (err)
		netdev_err(vn->netdev, "PHY does not answer on MDIC, link will not come up\n");
	return err;
}

/* The link as STATUS shows it (8.2.2) */
static void vtnic_82576_get_link(struct vtnic *vn, struct vtnic_link *link)
{
	u32 status = vtnic_rd32(vn, VTNIC_STATUS);

	link->up = (status & VTNIC_STATUS_LU) && status != ~0U;
	link->full_duplex = status & VTNIC_STATUS_FD;
	switch (FIELD_GET(VTNIC_STATUS_SPEED, status)) {
	case VTNIC_STATUS_SPEED_10:
		link->speed = SPEED_10;
		break;
	case VTNIC_STATUS_SPEED_100:
		link->speed = SPEED_100;
		break;
	default:
		link->speed = SPEED_1000;
		break;
	}
}

/*
 * After a reset the device loads the port's address from the NVM into
 * receive address register 0 (4.5.2), so that is where it is read.
 */
static void vtnic_82576_read_mac_addr(struct vtnic *vn, u8 *addr)
{
	vtnic_read_rar(vn, VTNIC_RAL(0), VTNIC_RAH(0), addr);
}

/*
 * The EEPROM's size (8.4.1, EECD bits 14:11), capped at the 16K words
 * EERD.ADDR reaches
 */
static unsigned int vtnic_82576_nvm_words(struct vtnic *vn)
{
	u32 size = FIELD_GET(VTNIC_EECD_SIZE_EX, vtnic_rd32(vn, VTNIC_EECD));

	return 64U << min(size, 8U);
}

/* EEPROM words through EERD (8.4.2) */
static int vtnic_82576_read_nvm(struct vtnic *vn, unsigned int word,
				unsigned int count, u16 *data)
{
	return vtnic_eerd_read(vn, VTNIC_EERD, word, count, data);
}

/*
 * What the EEPROM says the card is (datasheet 6): the image version in
 * word 0x05, unless blank; the PBA number; the eTrack id when word 0x43's
 * type field marks one, and the EEPROM is large enough to hold it
 */
static int vtnic_82576_read_nvm_id(struct vtnic *vn, struct vtnic_nvm_id *id)
{
	u16 ver, etrack[2];
	int err;

	err = vtnic_82576_read_nvm(vn, VTNIC_EE_VERSION, 1, &ver);
	if (!err)
		err = vtnic_82576_read_nvm(vn, VTNIC_EE_PBA, 2, id->pba);
	if (err)
		return err;
	id->has_version = ver != 0xffff;
	id->major = FIELD_GET(VTNIC_EE_VERSION_MAJOR, ver);
	id->minor = FIELD_GET(VTNIC_EE_VERSION_MINOR, ver);

	if (vtnic_82576_nvm_words(vn) <= VTNIC_EE_ETRACK_HI)
		return 0;
	err = vtnic_82576_read_nvm(vn, VTNIC_EE_ETRACK_LO, 2, etrack);
	if (err)
		return err;
	id->has_etrack = FIELD_GET(VTNIC_EE_ETRACK_HI_TYPE, etrack[1]) ==
			 VTNIC_EE_ETRACK_HI_TYPE_ETRACK;
	id->etrack = (u32)etrack[1] << 16 | etrack[0];
	return 0;
}

/* The copper PHY's modes; MDIO address VTNIC_PHY_ADDR */
static void vtnic_82576_link_ksettings(struct vtnic *vn,
				       struct ethtool_link_ksettings *cmd)
{
	unsigned long *modes = cmd->link_modes.supported;

	linkmode_set_bit(ETHTOOL_LINK_MODE_10baseT_Half_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_10baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_100baseT_Half_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_TP_BIT, modes);
	cmd->base.port = PORT_TP;
	cmd->base.phy_address = VTNIC_PHY_ADDR;
	cmd->base.autoneg = AUTONEG_ENABLE;
}

/*
 * The receive address, multicast and VLAN tables (4.5.9: software
 * initializes them; reset leaves them undefined).  RAR 0 is the PF's.
 */
static void vtnic_82576_clear_filters(struct vtnic *vn)
{
	unsigned int i;

	for (i = 1; i < VTNIC_RAR_ENTRIES; i++)
		vtnic_set_rar(vn, i, NULL);
	for (i = 0; i < VTNIC_MTA_REGS; i++)
		vtnic_wr32(vn, VTNIC_MTA(i), 0);
	for (i = 0; i < VTNIC_VFTA_REGS; i++)
		vtnic_wr32(vn, VTNIC_VFTA(i), 0);
}

/* RCTL (8.10.1): the promiscuous bits and the VLAN filter */
static void vtnic_82576_set_rx_filters(struct vtnic *vn, bool uc_promisc,
				       bool mc_promisc, bool vlan_filter)
{
	u32 rctl = vtnic_rd32(vn, VTNIC_RCTL);

	rctl &= ~(VTNIC_RCTL_UPE | VTNIC_RCTL_MPE | VTNIC_RCTL_VFE);
	if (uc_promisc)
		rctl |= VTNIC_RCTL_UPE;
	if (mc_promisc)
		rctl |= VTNIC_RCTL_MPE;
	if (vlan_filter)
		rctl |= VTNIC_RCTL_VFE;
	vtnic_wr32(vn, VTNIC_RCTL, rctl);
}

/*
 * Frames above the standard 1522 bytes need RCTL.LPE and RLPML, which
 * counts the whole frame with one VLAN tag and the FCS (8.10.5).
 */
static void vtnic_82576_set_max_frame(struct vtnic *vn, unsigned int frame)
{
	u32 rctl = vtnic_rd32(vn, VTNIC_RCTL);

	vtnic_wr32(vn, VTNIC_RLPML, frame);
	if (frame > ETH_FRAME_LEN + VLAN_HLEN + ETH_FCS_LEN)
		rctl |= VTNIC_RCTL_LPE;
	else
		rctl &= ~VTNIC_RCTL_LPE;
	vtnic_wr32(vn, VTNIC_RCTL, rctl);
}

static void vtnic_82576_set_vlan_strip(struct vtnic *vn, bool on)
{
	u32 ctrl = vtnic_rd32(vn, VTNIC_CTRL);

	ctrl = on ? ctrl | VTNIC_CTRL_VME : ctrl & ~VTNIC_CTRL_VME;
	vtnic_wr32(vn, VTNIC_CTRL, ctrl);
}

static void vtnic_82576_set_rxcsum(struct vtnic *vn, bool on)
{
	u32 rxcsum = vtnic_rd32(vn, VTNIC_RXCSUM);
	u32 bits = VTNIC_RXCSUM_IPOFL | VTNIC_RXCSUM_TUOFL;

	rxcsum = on ? rxcsum | bits : rxcsum & ~bits;
	vtnic_wr32(vn, VTNIC_RXCSUM, rxcsum);
}

/* Transmit initialization (4.5.10) */
static void vtnic_82576_configure_tx(struct vtnic *vn)
{
	unsigned int i;

	for (i = 0; i < VTNIC_82576_QUEUES; i++)
		vtnic_wr32(vn, VTNIC_TXDCTL(i), 0);

	for (i = 0; i < vn->num_queues; i++) {
		struct vtnic_ring *ring = &vn->qv[i]->tx;
		u8 q = ring->reg_idx;

		vtnic_ring_set_base(ring, VTNIC_TDBAL(q));
		/* Prefetch at 8 free, write back descriptors in batches */
		vtnic_wr32(vn, VTNIC_TXDCTL(q),
			   FIELD_PREP(VTNIC_XDCTL_PTHRESH, 8) |
			   FIELD_PREP(VTNIC_XDCTL_HTHRESH, 1) |
			   FIELD_PREP(VTNIC_XDCTL_WTHRESH, 16) |
			   VTNIC_XDCTL_ENABLE);
	}

	/* Full duplex: collision threshold 15, distance 63 (8.12.1) */
	vtnic_wr32(vn, VTNIC_TCTL, VTNIC_TCTL_EN | VTNIC_TCTL_PSP |
		   FIELD_PREP(VTNIC_TCTL_CT, 15) |
		   FIELD_PREP(VTNIC_TCTL_COLD, 63) | VTNIC_TCTL_RTLC);
}

/* The redirection table and the key (8.10.10, 8.10.11) */
static void vtnic_82576_write_rss(struct vtnic *vn)
{
	BUILD_BUG_ON(VTNIC_RETA_REGS * 4 != VTNIC_RETA_SIZE);
	BUILD_BUG_ON(VTNIC_RSSRK_REGS * 4 != VTNIC_RSS_KEY_SIZE);
	vtnic_write_rss_regs(vn, VTNIC_RETA(0), VTNIC_RSSRK(0));
}

/*
 * Receive initialization (4.5.9).  Leaves the receiver enabled; rx_mode
 * adds the filters.  A ring that could not be filled completely is
 * refilled by its next poll.
 */
static void vtnic_82576_configure_rx(struct vtnic *vn)
{
	struct net_device *netdev = vn->netdev;
	u32 rxcsum = VTNIC_RXCSUM_PCSD;
	unsigned int i;

	vtnic_wr32(vn, VTNIC_RCTL, 0);
	for (i = 0; i < VTNIC_82576_QUEUES; i++)
		vtnic_wr32(vn, VTNIC_RXDCTL(i), 0);

	/* Checksum offload; PCSD puts the RSS hash in the descriptor */
	if (netdev->features & NETIF_F_RXCSUM)
		rxcsum |= VTNIC_RXCSUM_IPOFL | VTNIC_RXCSUM_TUOFL;
	vtnic_wr32(vn, VTNIC_RXCSUM, rxcsum);

	/*
	 * RSS over the queue pairs in use (8.10.9); with VFs, VMDq: each
	 * pool receives on its first queue.
	 */
	if (vtnic_num_vfs(vn)) {
		vtnic_wr32(vn, VTNIC_MRQC, FIELD_PREP(VTNIC_MRQC_MODE,
						      VTNIC_MRQC_MODE_VMDQ));
	} else {
		vtnic_82576_write_rss(vn);
		vtnic_wr32(vn, VTNIC_MRQC,
			   FIELD_PREP(VTNIC_MRQC_MODE, VTNIC_MRQC_MODE_RSS) |
			   VTNIC_MRQC_TCP_IPV4 | VTNIC_MRQC_IPV4 |
			   VTNIC_MRQC_TCP_IPV6_EX | VTNIC_MRQC_IPV6_EX |
			   VTNIC_MRQC_IPV6);
	}

	for (i = 0; i < vn->num_queues; i++) {
		struct vtnic_ring *ring = &vn->qv[i]->rx;
		u8 q = ring->reg_idx;

		vtnic_ring_set_base(ring, VTNIC_RDBAL(q));
		/*
		 * Advanced one-buffer descriptors of 3 KB; with several
		 * queues a full one drops instead of stalling the rest.
		 */
		vtnic_wr32(vn, VTNIC_SRRCTL(q),
			   FIELD_PREP(VTNIC_SRRCTL_BSIZEPKT, VTNIC_RX_BUFSZ / 1024) |
			   FIELD_PREP(VTNIC_SRRCTL_DESCTYPE,
				      VTNIC_SRRCTL_DESCTYPE_ADV_ONEBUF) |
			   VTNIC_SRRCTL_DROP_EN);
		vtnic_wr32(vn, VTNIC_RXDCTL(q),
			   FIELD_PREP(VTNIC_XDCTL_PTHRESH, 8) |
			   FIELD_PREP(VTNIC_XDCTL_HTHRESH, 8) |
			   FIELD_PREP(VTNIC_XDCTL_WTHRESH, 4) |
			   VTNIC_XDCTL_ENABLE);
		/* The tail is written once the queue is enabled (4.5.9) */
		vtnic_rx_fill(ring);
	}

	/* Broadcast, strip the FCS; LPE/RLPML per MTU; filters come next */
	vtnic_wr32(vn, VTNIC_RCTL, VTNIC_RCTL_EN | VTNIC_RCTL_BAM |
		   VTNIC_RCTL_SECRC);
}

static void vtnic_82576_disable_queues(struct vtnic *vn)
{
	unsigned int i;

	vtnic_wr32(vn, VTNIC_RCTL, 0);
	vtnic_wr32(vn, VTNIC_TCTL, VTNIC_TCTL_PSP);
	for (i = 0; i < VTNIC_82576_QUEUES; i++) {
		vtnic_wr32(vn, VTNIC_RXDCTL(i), 0);
		vtnic_wr32(vn, VTNIC_TXDCTL(i), 0);
	}
	vtnic_flush(vn);
}

/* ---- interrupts (7.3) ---- */

/* Route one cause byte of IVAR (8.8.16) to a vector */
static void vtnic_82576_set_ivar(struct vtnic *vn, unsigned int queue, bool tx,
				 unsigned int vector)
{
	unsigned int shift = (queue & 8 ? 16 : 0) + (tx ? 8 : 0);
	u32 ivar = vtnic_rd32(vn, VTNIC_IVAR(queue));

	ivar &= ~(0xffU << shift);
	ivar |= (vector | VTNIC_IVAR_VALID) << shift;
	vtnic_wr32(vn, VTNIC_IVAR(queue), ivar);
}

/*
 * The rings are routed (vtnic_irq_configure()); the descriptor write-back
 * causes (ICR.RXDW/TXDW) are only raised for routed queues, as igb routes
 * them in every mode.
 */
static void vtnic_82576_irq_configure(struct vtnic *vn)
{
	u32 queues;

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
		   (VTNIC_82576_OTHER_VECTOR | VTNIC_IVAR_VALID) << 8);

	/*
	 * Every vector auto-clears its EICR bit, or a second "other" cause
	 * (the next VF mailbox message) would find it still set and raise
	 * no new interrupt.
	 */
	queues = vtnic_queue_vectors(vn);
	vtnic_wr32(vn, VTNIC_EIAC, queues | BIT(VTNIC_82576_OTHER_VECTOR));
	vtnic_wr32(vn, VTNIC_EIAM, queues);
}

static void vtnic_82576_irq_enable(struct vtnic *vn)
{
	if (vn->int_mode == VTNIC_INT_MSIX) {
		/* VF mailbox and VF resets: SR-IOV needs MSI-X */
		vtnic_wr32(vn, VTNIC_IMS, VTNIC_ICR_LSC |
			   (vtnic_num_vfs(vn) ? VTNIC_ICR_VMMB : 0));
		vtnic_wr32(vn, VTNIC_EIMS, vtnic_queue_vectors(vn) |
			   BIT(VTNIC_82576_OTHER_VECTOR));
	} else {
		vtnic_wr32(vn, VTNIC_IMS, VTNIC_82576_IMS_LEGACY);
	}
	vtnic_flush(vn);
}

static void vtnic_82576_irq_disable(struct vtnic *vn)
{
	vtnic_wr32(vn, VTNIC_IMC, ~0U);
	vtnic_wr32(vn, VTNIC_EIMC, ~0U);
	vtnic_flush(vn);
}

/*
 * ICR clears on read (GPIE.NSICR in MSI-X mode, always otherwise).  With
 * MSI or INTx a queue cause masks everything until NAPI is done and
 * vtnic_82576_qv_enable() unmasks.
 */
static u32 vtnic_82576_irq_causes(struct vtnic *vn)
{
	u32 icr = vtnic_rd32(vn, VTNIC_ICR);
	u32 causes = 0;

	if (icr == ~0U)
		return 0;
	if (icr & VTNIC_ICR_LSC)
		causes |= VTNIC_CAUSE_LINK;
	if (icr & VTNIC_ICR_VMMB)
		causes |= VTNIC_CAUSE_MBX;
	if (vn->int_mode != VTNIC_INT_MSIX &&
	    (icr & (VTNIC_82576_IMS_LEGACY & ~VTNIC_ICR_LSC))) {
		vtnic_wr32(vn, VTNIC_IMC, ~0U);
		causes |= VTNIC_CAUSE_QUEUE;
	}
	return causes;
}

static void vtnic_82576_qv_enable(struct vtnic_q_vector *qv)
{
	struct vtnic *vn = qv->vn;

	if (vn->int_mode == VTNIC_INT_MSIX)
		vtnic_wr32(vn, VTNIC_EIMS, BIT(qv->v_idx));
	else
		vtnic_wr32(vn, VTNIC_IMS, VTNIC_82576_IMS_LEGACY);
}

/* EITR (8.8.12); CNT_IGNR: don't reset the running countdown */
static void vtnic_82576_write_itr(struct vtnic_q_vector *qv, u32 usecs)
{
	vtnic_wr32(qv->vn, VTNIC_EITR(qv->v_idx),
		   FIELD_PREP(VTNIC_EITR_INTERVAL, usecs) | VTNIC_EITR_CNT_IGNR);
}

/* ---- statistics (8.19) and the register dump ---- */

static void vtnic_82576_update_stats(struct vtnic *vn, struct vtnic_hw_stats *s)
{
	s->crcerrs += vtnic_stat(vn, VTNIC_CRCERRS);
	s->algnerrc += vtnic_stat(vn, VTNIC_ALGNERRC);
	s->rxerrc += vtnic_stat(vn, VTNIC_RXERRC);
	s->mpc += vtnic_stat(vn, VTNIC_MPC);
	s->colc += vtnic_stat(vn, VTNIC_COLC);
	s->rlec += vtnic_stat(vn, VTNIC_RLEC);
	s->xonrxc += vtnic_stat(vn, VTNIC_XONRXC);
	s->xontxc += vtnic_stat(vn, VTNIC_XONTXC);
	s->xoffrxc += vtnic_stat(vn, VTNIC_XOFFRXC);
	s->xofftxc += vtnic_stat(vn, VTNIC_XOFFTXC);
	s->gprc += vtnic_stat(vn, VTNIC_GPRC);
	s->bprc += vtnic_stat(vn, VTNIC_BPRC);
	s->mprc += vtnic_stat(vn, VTNIC_MPRC);
	s->gptc += vtnic_stat(vn, VTNIC_GPTC);
	/* 64-bit octet counters: the high half read clears both */
	s->gorc += vtnic_stat(vn, VTNIC_GORCL);
	s->gorc += (u64)vtnic_stat(vn, VTNIC_GORCL + 4) << 32;
	s->gotc += vtnic_stat(vn, VTNIC_GOTCL);
	s->gotc += (u64)vtnic_stat(vn, VTNIC_GOTCL + 4) << 32;
	s->rnbc += vtnic_stat(vn, VTNIC_RNBC);
	s->ruc += vtnic_stat(vn, VTNIC_RUC);
	s->rfc += vtnic_stat(vn, VTNIC_RFC);
	s->roc += vtnic_stat(vn, VTNIC_ROC);
	s->rjc += vtnic_stat(vn, VTNIC_RJC);
	s->tpr += vtnic_stat(vn, VTNIC_TPR);
	s->tpt += vtnic_stat(vn, VTNIC_TPT);
	s->mptc += vtnic_stat(vn, VTNIC_MPTC);
	s->bptc += vtnic_stat(vn, VTNIC_BPTC);
	s->tsctc += vtnic_stat(vn, VTNIC_TSCTC);
}

/*
 * ethtool -d: the virtualization filters (7.8, 8.13), so that what a
 * VF's messages did to the pools can be seen and compared.  Version 1 of
 * the layout, in 32-bit words; a change of it is a new version, and
 * Documentation/vtnic.rst describes each.
 */
#define VTNIC_82576_REGS_VERSION	1
enum {
	VTNIC_REGS_VER,			/* VTNIC_82576_REGS_VERSION */
	VTNIC_REGS_VFRE,
	VTNIC_REGS_VFTE,
	VTNIC_REGS_DTXSWC,
	VTNIC_REGS_VT_CTL,
	VTNIC_REGS_RAR = 8,		/* RAL(n), RAH(n), n = 0..23 */
	VTNIC_REGS_VMOLR = VTNIC_REGS_RAR + 2 * VTNIC_RAR_ENTRIES,
	VTNIC_REGS_VMVIR = VTNIC_REGS_VMOLR + VTNIC_POOLS,
	VTNIC_REGS_VLVF = VTNIC_REGS_VMVIR + VTNIC_POOLS,
	VTNIC_REGS_VFTA = VTNIC_REGS_VLVF + VTNIC_VLVF_ENTRIES,
	VTNIC_REGS_MTA = VTNIC_REGS_VFTA + VTNIC_VFTA_REGS,
	VTNIC_REGS_WORDS = VTNIC_REGS_MTA + VTNIC_MTA_REGS,
};

static_assert(VTNIC_REGS_WORDS == 360);

static unsigned int vtnic_82576_regs_len(struct vtnic *vn)
{
	return VTNIC_REGS_WORDS * sizeof(u32);
}

static u32 vtnic_82576_get_regs(struct vtnic *vn, u32 *buf)
{
	unsigned int i;

	buf[VTNIC_REGS_VER] = VTNIC_82576_REGS_VERSION;
	buf[VTNIC_REGS_VFRE] = vtnic_rd32(vn, VTNIC_VFRE);
	buf[VTNIC_REGS_VFTE] = vtnic_rd32(vn, VTNIC_VFTE);
	buf[VTNIC_REGS_DTXSWC] = vtnic_rd32(vn, VTNIC_DTXSWC);
	buf[VTNIC_REGS_VT_CTL] = vtnic_rd32(vn, VTNIC_VT_CTL);
	for (i = 0; i < VTNIC_RAR_ENTRIES; i++) {
		buf[VTNIC_REGS_RAR + 2 * i] = vtnic_rd32(vn, VTNIC_RAL(i));
		buf[VTNIC_REGS_RAR + 2 * i + 1] = vtnic_rd32(vn, VTNIC_RAH(i));
	}
	for (i = 0; i < VTNIC_POOLS; i++) {
		buf[VTNIC_REGS_VMOLR + i] = vtnic_rd32(vn, VTNIC_VMOLR(i));
		buf[VTNIC_REGS_VMVIR + i] = vtnic_rd32(vn, VTNIC_VMVIR(i));
	}
	for (i = 0; i < VTNIC_VLVF_ENTRIES; i++)
		buf[VTNIC_REGS_VLVF + i] = vtnic_rd32(vn, VTNIC_VLVF(i));
	for (i = 0; i < VTNIC_VFTA_REGS; i++)
		buf[VTNIC_REGS_VFTA + i] = vtnic_rd32(vn, VTNIC_VFTA(i));
	for (i = 0; i < VTNIC_MTA_REGS; i++)
		buf[VTNIC_REGS_MTA + i] = vtnic_rd32(vn, VTNIC_MTA(i));
	return VTNIC_82576_REGS_VERSION;
}

static const struct vtnic_mac_ops vtnic_82576_ops = {
	.reset			= vtnic_82576_reset,
	.setup_link		= vtnic_82576_setup_link,
	.get_link		= vtnic_82576_get_link,
	.link_ksettings		= vtnic_82576_link_ksettings,
	.read_mac_addr		= vtnic_82576_read_mac_addr,
	.clear_filters		= vtnic_82576_clear_filters,
	.nvm_words		= vtnic_82576_nvm_words,
	.read_nvm		= vtnic_82576_read_nvm,
	.read_nvm_id		= vtnic_82576_read_nvm_id,
	.set_rx_filters		= vtnic_82576_set_rx_filters,
	.set_max_frame		= vtnic_82576_set_max_frame,
	.set_vlan_strip		= vtnic_82576_set_vlan_strip,
	.set_rxcsum		= vtnic_82576_set_rxcsum,
	.configure_tx		= vtnic_82576_configure_tx,
	.configure_rx		= vtnic_82576_configure_rx,
	.disable_queues		= vtnic_82576_disable_queues,
	.write_rss		= vtnic_82576_write_rss,
	.map_queue		= vtnic_82576_set_ivar,
	.irq_configure		= vtnic_82576_irq_configure,
	.irq_enable		= vtnic_82576_irq_enable,
	.irq_disable		= vtnic_82576_irq_disable,
	.irq_causes		= vtnic_82576_irq_causes,
	.qv_enable		= vtnic_82576_qv_enable,
	.write_itr		= vtnic_82576_write_itr,
	.update_stats		= vtnic_82576_update_stats,
	.regs_len		= vtnic_82576_regs_len,
	.get_regs		= vtnic_82576_get_regs,
};

/* The 82576: 8 queue pairs for RSS, 10 MSI-X vectors, 8 pools */
const struct vtnic_mac_info vtnic_82576_info = {
	.type		= VTNIC_MAC_82576,
	.name		= "82576",
	.ops		= &vtnic_82576_ops,
	.iov		= &vtnic_82576_iov,
	.rxd_err	= VTNIC_RXD_ERRORS_82576,
	.max_queues	= 8,
	.msix_vectors	= 10,
};
