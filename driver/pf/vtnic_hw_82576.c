// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: bring-up of the 82576, in the order of the datasheet's software
 * initialization sequence (82576 datasheet 4.5).  Receive and transmit
 * initialization (4.5.9, 4.5.10) live with the rings in vtnic_txrx.c;
 * interrupts (4.5.1, 7.3) in vtnic_irq.c.
 */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/iopoll.h>

#include "vtnic.h"

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

const struct vtnic_mac_ops vtnic_82576_ops = {
	.reset		= vtnic_82576_reset,
	.setup_link	= vtnic_82576_setup_link,
	.max_queues	= VTNIC_MAX_QUEUES,
};

/**
 * vtnic_read_mac_addr() - the MAC address the NVM loaded into RAR 0
 * @vn: the PF, just reset
 * @addr: filled in
 *
 * After a reset the device loads the port's address from the NVM into
 * receive address register 0 (4.5.2), so that is where it is read.
 */
void vtnic_read_mac_addr(struct vtnic *vn, u8 *addr)
{
	u32 ral = vtnic_rd32(vn, VTNIC_RAL(0));
	u32 rah = vtnic_rd32(vn, VTNIC_RAH(0));

	addr[0] = ral;
	addr[1] = ral >> 8;
	addr[2] = ral >> 16;
	addr[3] = ral >> 24;
	addr[4] = rah;
	addr[5] = rah >> 8;
}

/**
 * vtnic_set_rar() - program one exact-match receive address
 * @vn: the PF
 * @idx: RAR entry, 0 .. VTNIC_RAR_ENTRIES - 1
 * @addr: the address, or NULL to clear the entry
 */
void vtnic_set_rar(struct vtnic *vn, unsigned int idx, const u8 *addr)
{
	/* With VFs the PF's addresses steer to its own pool */
	vtnic_rar_write(&vn->hw, idx, addr, vtnic_num_vfs(vn) ?
			BIT(vtnic_iov_pf_pool(&vn->iov)) : 0);
}

/**
 * vtnic_clear_filters() - empty the receive address, multicast and VLAN
 * tables (4.5.9: software initializes them; reset leaves them undefined)
 * @vn: the PF
 */
void vtnic_clear_filters(struct vtnic *vn)
{
	unsigned int i;

	for (i = 1; i < VTNIC_RAR_ENTRIES; i++)
		vtnic_set_rar(vn, i, NULL);
	for (i = 0; i < VTNIC_MTA_REGS; i++)
		vtnic_wr32(vn, VTNIC_MTA(i), 0);
	for (i = 0; i < VTNIC_VFTA_REGS; i++)
		vtnic_wr32(vn, VTNIC_VFTA(i), 0);
}

/**
 * vtnic_update_link() - report the link state STATUS shows
 * @vn: the PF
 *
 * Called from the watchdog, which the link status change interrupt
 * kicks.  Carrier follows STATUS.LU; speed and duplex are logged.
 */
void vtnic_update_link(struct vtnic *vn)
{
	struct net_device *netdev = vn->netdev;
	u32 status = vtnic_rd32(vn, VTNIC_STATUS);
	bool up = (status & VTNIC_STATUS_LU) && status != ~0U &&
		  test_bit(VTNIC_STATE_UP, &vn->state);

	if (up == vn->link_up)
		return;
	vn->link_up = up;
	if (!up) {
		vn->link_speed = 0;
		netif_carrier_off(netdev);
		netdev_info(netdev, "link down\n");
		vtnic_sriov_link(vn);
		return;
	}

	switch (FIELD_GET(VTNIC_STATUS_SPEED, status)) {
	case VTNIC_STATUS_SPEED_10:
		vn->link_speed = SPEED_10;
		break;
	case VTNIC_STATUS_SPEED_100:
		vn->link_speed = SPEED_100;
		break;
	default:
		vn->link_speed = SPEED_1000;
		break;
	}
	netdev_info(netdev, "link up, %u Mb/s, %s duplex\n", vn->link_speed,
		    status & VTNIC_STATUS_FD ? "full" : "half");
	netif_carrier_on(netdev);
	vtnic_sriov_link(vn);
}
