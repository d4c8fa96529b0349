// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: the 82599 - its bring-up in the order of the datasheet's
 * initialization sequence (82599 datasheet 4.6.3), the EEPROM, the SFP+
 * link, filters, receive and transmit initialization (4.6.7, 4.6.8),
 * interrupt routing (7.3), statistics and the register dump, behind
 * struct vtnic_mac_ops; its filter writers are
 * driver/common/vtnic_iov_82599.c.  The only PF file that includes the
 * 82599's register header.
 */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/iopoll.h>
#include <linux/linkmode.h>
#include <linux/log2.h>

#include "vtnic.h"
#include "vtnic_82599_regs.h"

/* The vector of the "other" causes in MSI-X mode; queue pair i has i + 1 */
#define VTNIC_82599_OTHER_VECTOR	0

/* Longest moderation interval EITR holds: 9 bits of 2 us */
#define VTNIC_82599_ITR_MAX_US		1022

/* Descriptor thresholds: prefetch at 32 free, write back every one */
#define VTNIC_82599_TX_PTHRESH		32
#define VTNIC_82599_TX_HTHRESH		1
#define VTNIC_82599_TX_WTHRESH		1

/* A queue's enable bit reads back set once the queue runs (4.6.7, 4.6.8) */
static void vtnic_82599_wait_enable(struct vtnic *vn, u32 reg, u32 bit)
{
	u32 val;

	if (read_poll_timeout(vtnic_rd32, val, val & bit, 1000, 10000, false,
			      vn, reg))
		netdev_warn(vn->netdev, "queue register %#x: enable bit %#x not set\n",
			    reg, bit);
}

/* Interrupts off (4.6.3.1): every cause and every vector */
static void vtnic_82599_mask_irqs(struct vtnic *vn)
{
	vtnic_wr32(vn, VTNIC_EIMC, ~0U);
	vtnic_wr32(vn, VTNIC_EIMC_EX(0), ~0U);
	vtnic_wr32(vn, VTNIC_EIMC_EX(1), ~0U);
	vtnic_flush(vn);
}

/*
 * Before the reset (4.6.3.2, 5.2.5.3.2): stop receive and every queue,
 * then disable PCIe primary access and wait for the requests in flight
 * (STATUS.GIO) so that no DMA lands after the reset.  A device that keeps
 * requests pending is reset anyway, as the datasheet allows.
 */
static void vtnic_82599_stop(struct vtnic *vn)
{
	unsigned int q;
	u32 status;

	vtnic_wr32(vn, VTNIC_RXCTRL, 0);
	for (q = 0; q < VTNIC_82599_QUEUES; q++) {
		vtnic_wr32(vn, VTNIC_RXDCTL(q), 0);
		vtnic_wr32(vn, VTNIC_TXDCTL(q), 0);
	}
	vtnic_flush(vn);
	usleep_range(1000, 2000);

	vtnic_wr32(vn, VTNIC_CTRL, VTNIC_CTRL_GIO_DIS);
	if (read_poll_timeout(vtnic_rd32, status, !(status & VTNIC_STATUS_GIO),
			      100, 80000, false, vn, VTNIC_STATUS))
		dev_warn(&vn->pdev->dev, "PCIe requests still pending before reset (STATUS %#x)\n",
			 status);
}

static int vtnic_82599_reset(struct vtnic *vn)
{
	u32 ctrl, val;
	int err;

	vtnic_82599_mask_irqs(vn);
	vtnic_82599_stop(vn);

	/* Global reset (4.6.3.2): CTRL.RST self-clears; 10 ms before use */
	vtnic_wr32(vn, VTNIC_CTRL, vtnic_rd32(vn, VTNIC_CTRL) | VTNIC_CTRL_RST);
	usleep_range(1000, 2000);
	err = read_poll_timeout(vtnic_rd32, ctrl,
				!(ctrl & (VTNIC_CTRL_RST | VTNIC_CTRL_LNK_RST)),
				1000, 20000, false, vn, VTNIC_CTRL);
	if (!vtnic_hw_present(&vn->hw))
		return -ENODEV;
	if (err) {
		dev_err(&vn->pdev->dev, "device did not come out of reset (CTRL %#x)\n",
			ctrl);
		return -EIO;
	}
	usleep_range(10000, 20000);
	vtnic_82599_mask_irqs(vn);
	vtnic_rd32(vn, VTNIC_EICR);

	/* The EEPROM auto-read (4.6.3.2) and the DMA init (4.6.3.3) are done */
	if (read_poll_timeout(vtnic_rd32, val, val & VTNIC_EEC_AUTO_RD,
			      1000, 10000, false, vn, VTNIC_EEC))
		dev_warn(&vn->pdev->dev, "EEPROM auto-read not done (EEC %#x)\n",
			 val);
	if (read_poll_timeout(vtnic_rd32, val, val & VTNIC_RDRXCTL_DMAIDONE,
			      1000, 10000, false, vn, VTNIC_RDRXCTL))
		dev_warn(&vn->pdev->dev, "DMA init not done (RDRXCTL %#x)\n",
			 val);

	/*
	 * CRC added on transmit and stripped on receive, short frames
	 * padded, long ones allowed up to MAXFRS (8.2.3.22.8): written, not
	 * trusted to the reset value
	 */
	vtnic_wr32(vn, VTNIC_HLREG0, VTNIC_HLREG0_TXCRCEN |
		   VTNIC_HLREG0_RXCRCSTRP | VTNIC_HLREG0_JUMBOEN |
		   VTNIC_HLREG0_TXPADEN);
	vtnic_wr32(vn, VTNIC_RDRXCTL, vtnic_rd32(vn, VTNIC_RDRXCTL) |
		   VTNIC_RDRXCTL_CRCSTRIP);

	/*
	 * No flow control, but a high-water mark in packet buffer 0 all
	 * the same: without one the switch between pools stalls (7.10.3.4).
	 * 24 KB below the buffer's top, as ixgbe has it.
	 */
	val = vtnic_rd32(vn, VTNIC_RXPBSIZE0);
	vtnic_wr32(vn, VTNIC_FCRTL0, 0);
	vtnic_wr32(vn, VTNIC_FCRTH0, val > VTNIC_FCRTH_HEADROOM ?
		   (val - VTNIC_FCRTH_HEADROOM) & VTNIC_FCRTH_RTH : 0);

	/* A driver owns the device; no snooping is not allowed (8.2.3.1.3) */
	vtnic_wr32(vn, VTNIC_CTRL_EXT, vtnic_rd32(vn, VTNIC_CTRL_EXT) |
		   VTNIC_CTRL_EXT_DRV_LOAD | VTNIC_CTRL_EXT_NS_DIS);
	return 0;
}

/*
 * The EEPROM's size (8.2.3.2.1 EEC.SIZE), capped at the 16K words
 * EERD.ADDR reaches
 */
static unsigned int vtnic_82599_nvm_words(struct vtnic *vn)
{
	u32 size = FIELD_GET(VTNIC_EEC_SIZE, vtnic_rd32(vn, VTNIC_EEC));

	return 64U << min(size, 8U);
}

/* EEPROM words through EERD (8.2.3.2.2) */
static int vtnic_82599_read_nvm(struct vtnic *vn, unsigned int word,
				unsigned int count, u16 *data)
{
	return vtnic_eerd_read(vn, VTNIC_EERD, word, count, data);
}

/*
 * What the EEPROM says the card is (6.2): the PBA number and the eTrack
 * id, its halves in the order word 0x2e's bit 15 gives, unless both are
 * blank.  The 82599's EEPROM has no image version word.
 */
static int vtnic_82599_read_nvm_id(struct vtnic *vn, struct vtnic_nvm_id *id)
{
	u16 etrack[2];
	int err;

	err = vtnic_82599_read_nvm(vn, VTNIC_EE_PBA, 2, id->pba);
	if (!err)
		err = vtnic_82599_read_nvm(vn, VTNIC_EE_ETRACK_A, 2, etrack);
	if (err)
		return err;
	id->has_etrack = etrack[0] != 0xffff || etrack[1] != 0xffff;
	if (etrack[1] & VTNIC_EE_ETRACK_B_HIGH)
		id->etrack = (u32)etrack[1] << 16 | etrack[0];
	else
		id->etrack = (u32)etrack[0] << 16 | etrack[1];
	return 0;
}

/*
 * The EEPROM checksum (6.2): words 0x00..0x3f, plus the sections the
 * pointer words 0x03..0x0e name (a length word, then that many words),
 * add up to 0xbaba.
 */
static int vtnic_82599_check_eeprom(struct vtnic *vn)
{
	u16 word, ptr, len, data, sum = 0;
	int err;

	for (word = 0; word <= VTNIC_EE_CHECKSUM_WORD; word++) {
		err = vtnic_82599_read_nvm(vn, word, 1, &data);
		if (err)
			return err;
		sum += data;
		if (word < VTNIC_EE_PTR_FIRST || word > VTNIC_EE_PTR_LAST ||
		    !data || data == 0xffff)
			continue;
		ptr = data;
		err = vtnic_82599_read_nvm(vn, ptr, 1, &len);
		if (err)
			return err;
		if (!len || len == 0xffff)
			continue;
		while (len--) {
			err = vtnic_82599_read_nvm(vn, ++ptr, 1, &data);
			if (err)
				return err;
			sum += data;
		}
	}
	if (sum != VTNIC_EE_CHECKSUM_SUM) {
		dev_err(&vn->pdev->dev, "EEPROM checksum is wrong (sum %#06x, not %#06x)\n",
			sum, VTNIC_EE_CHECKSUM_SUM);
		return -EIO;
	}
	return 0;
}

/* ---- the SFP+ cage ---- */

/*
 * SWSM, then the port's bit in SW_FW_SYNC: the two-wire bus is shared
 * with the manageability firmware.  Short waits, sleeping; the firmware
 * of a real card holds a resource for milliseconds at most.
 */
static int vtnic_82599_swsm_get(struct vtnic *vn)
{
	u32 swsm;

	/* The read that returns SMBI clear has set it for us */
	if (read_poll_timeout(vtnic_rd32, swsm, !(swsm & VTNIC_SWSM_SMBI),
			      50, 100000, false, vn, VTNIC_SWSM))
		return -EBUSY;
	/* SMBI stays ours: the write must not clear it */
	vtnic_wr32(vn, VTNIC_SWSM, swsm | VTNIC_SWSM_SMBI | VTNIC_SWSM_SWESMBI);
	if (read_poll_timeout(vtnic_rd32, swsm, swsm & VTNIC_SWSM_SWESMBI,
			      50, 100000, false, vn, VTNIC_SWSM)) {
		vtnic_wr32(vn, VTNIC_SWSM, 0);
		return -EBUSY;
	}
	return 0;
}

static void vtnic_82599_swsm_put(struct vtnic *vn)
{
	vtnic_wr32(vn, VTNIC_SWSM, vtnic_rd32(vn, VTNIC_SWSM) &
		   ~(VTNIC_SWSM_SMBI | VTNIC_SWSM_SWESMBI));
}

static u32 vtnic_82599_phy_sync_bit(struct vtnic *vn)
{
	return VTNIC_SW_FW_SYNC_PHY(FIELD_GET(VTNIC_STATUS_LAN_ID,
					      vtnic_rd32(vn, VTNIC_STATUS)) & 1);
}

static int vtnic_82599_phy_get(struct vtnic *vn)
{
	u32 bit = vtnic_82599_phy_sync_bit(vn), sync;
	unsigned int tries;
	int err;

	for (tries = 0; tries < 200; tries++) {
		err = vtnic_82599_swsm_get(vn);
		if (err)
			break;
		sync = vtnic_rd32(vn, VTNIC_SW_FW_SYNC);
		if (!(sync & (bit | bit << VTNIC_SW_FW_SYNC_FW_SHIFT))) {
			vtnic_wr32(vn, VTNIC_SW_FW_SYNC, sync | bit);
			vtnic_82599_swsm_put(vn);
			return 0;
		}
		vtnic_82599_swsm_put(vn);
		usleep_range(1000, 2000);
	}
	netdev_warn(vn->netdev, "the module's two-wire bus stays busy (SW_FW_SYNC %#x)\n",
		    vtnic_rd32(vn, VTNIC_SW_FW_SYNC));
	return -EBUSY;
}

/* The bit is ours to clear even when SWSM cannot be had: never kept */
static void vtnic_82599_phy_put(struct vtnic *vn)
{
	u32 bit = vtnic_82599_phy_sync_bit(vn);
	bool swsm = !vtnic_82599_swsm_get(vn);

	vtnic_wr32(vn, VTNIC_SW_FW_SYNC,
		   vtnic_rd32(vn, VTNIC_SW_FW_SYNC) & ~bit);
	if (swsm)
		vtnic_82599_swsm_put(vn);
}

/*
 * The two-wire bus (I2CCTL, 8.2.3.1.5), bit-banged at the 100 kHz every
 * module takes: the driver drives SCL and SDA, reads both lines back, and
 * a module holding SCL low (clock stretching) is waited for.
 */
#define VTNIC_82599_I2C_HALF_US		5
#define VTNIC_82599_I2C_STRETCH_US	500

struct vtnic_82599_i2c {
	struct vtnic *vn;
	u32 ctl;
};

static int vtnic_82599_i2c_line(struct vtnic_82599_i2c *bus, u32 line,
				bool high)
{
	u32 ctl;

	bus->ctl = high ? bus->ctl | line : bus->ctl & ~line;
	vtnic_wr32(bus->vn, VTNIC_I2CCTL, bus->ctl);
	vtnic_flush(bus->vn);
	udelay(VTNIC_82599_I2C_HALF_US);
	if (line != VTNIC_I2CCTL_CLK_OUT || !high)
		return 0;
	return read_poll_timeout_atomic(vtnic_rd32, ctl,
					ctl & VTNIC_I2CCTL_CLK_IN, 1,
					VTNIC_82599_I2C_STRETCH_US, false,
					bus->vn, VTNIC_I2CCTL);
}

static int vtnic_82599_i2c_scl(struct vtnic_82599_i2c *bus, bool high)
{
	return vtnic_82599_i2c_line(bus, VTNIC_I2CCTL_CLK_OUT, high);
}

static void vtnic_82599_i2c_sda(struct vtnic_82599_i2c *bus, bool high)
{
	vtnic_82599_i2c_line(bus, VTNIC_I2CCTL_DATA_OUT, high);
}

static bool vtnic_82599_i2c_sda_in(struct vtnic_82599_i2c *bus)
{
	return vtnic_rd32(bus->vn, VTNIC_I2CCTL) & VTNIC_I2CCTL_DATA_IN;
}

/* START, or a repeated START: SDA falls while SCL is high */
static int vtnic_82599_i2c_start(struct vtnic_82599_i2c *bus)
{
	int err;

	vtnic_82599_i2c_sda(bus, true);
	err = vtnic_82599_i2c_scl(bus, true);
	vtnic_82599_i2c_sda(bus, false);
	vtnic_82599_i2c_scl(bus, false);
	return err;
}

/* STOP: SDA rises while SCL is high; the bus is left idle */
static void vtnic_82599_i2c_stop(struct vtnic_82599_i2c *bus)
{
	vtnic_82599_i2c_sda(bus, false);
	vtnic_82599_i2c_scl(bus, true);
	vtnic_82599_i2c_sda(bus, true);
}

/* One byte out, MSB first; -EIO when no device acknowledges it */
static int vtnic_82599_i2c_put(struct vtnic_82599_i2c *bus, u8 byte)
{
	bool nack;
	int i, err;

	for (i = 7; i >= 0; i--) {
		vtnic_82599_i2c_sda(bus, byte & BIT(i));
		err = vtnic_82599_i2c_scl(bus, true);
		vtnic_82599_i2c_scl(bus, false);
		if (err)
			return err;
	}
	vtnic_82599_i2c_sda(bus, true);
	err = vtnic_82599_i2c_scl(bus, true);
	nack = vtnic_82599_i2c_sda_in(bus);
	vtnic_82599_i2c_scl(bus, false);
	return err ?: nack ? -EIO : 0;
}

/* One byte in; acknowledged when more are wanted */
static int vtnic_82599_i2c_get(struct vtnic_82599_i2c *bus, u8 *byte,
			       bool more)
{
	int i, err;

	*byte = 0;
	vtnic_82599_i2c_sda(bus, true);
	for (i = 0; i < 8; i++) {
		err = vtnic_82599_i2c_scl(bus, true);
		*byte = *byte << 1 | vtnic_82599_i2c_sda_in(bus);
		vtnic_82599_i2c_scl(bus, false);
		if (err)
			return err;
	}
	vtnic_82599_i2c_sda(bus, !more);
	err = vtnic_82599_i2c_scl(bus, true);
	vtnic_82599_i2c_scl(bus, false);
	vtnic_82599_i2c_sda(bus, true);
	return err;
}

/*
 * A sequential read (SFF-8472 4.3): the device and the offset written,
 * a repeated START, then the bytes, each acknowledged but the last
 */
static int vtnic_82599_read_module(struct vtnic *vn, u8 addr, u8 offset,
				   u8 *buf, unsigned int len)
{
	struct vtnic_82599_i2c bus = {
		.vn = vn,
		.ctl = VTNIC_I2CCTL_CLK_OUT | VTNIC_I2CCTL_DATA_OUT,
	};
	unsigned int i;
	int err;

	if (!len || offset + len > 256)
		return -EINVAL;
	if (!(vtnic_rd32(vn, VTNIC_ESDP) & VTNIC_ESDP_SDP2))
		return -ENODEV;
	err = vtnic_82599_phy_get(vn);
	if (err)
		return err;

	err = vtnic_82599_i2c_start(&bus) ?:
	      vtnic_82599_i2c_put(&bus, addr) ?:
	      vtnic_82599_i2c_put(&bus, offset) ?:
	      vtnic_82599_i2c_start(&bus) ?:
	      vtnic_82599_i2c_put(&bus, addr | 1);
	for (i = 0; !err && i < len; i++)
		err = vtnic_82599_i2c_get(&bus, &buf[i], i + 1 < len);
	vtnic_82599_i2c_stop(&bus);

	vtnic_82599_phy_put(vn);
	/* A device gone mid-read read back all ones, not the module */
	return vtnic_hw_present(&vn->hw) ? err : -ENODEV;
}

/*
 * What is in the cage: SDP2 says whether anything is, the serial ID what.
 * Said in the log when it changes, and every time it cannot be used.
 */
static void vtnic_82599_identify_module(struct vtnic *vn)
{
	char name[VTNIC_SFF_FIELD_LEN + 1], pn[VTNIC_SFF_FIELD_LEN + 1];
	enum vtnic_sfp_type type, was = vn->sfp;
	u8 id[VTNIC_SFF_BASE_LEN];
	const char *why;
	int err;

	err = vtnic_82599_read_module(vn, VTNIC_SFP_I2C_ID, 0, id, sizeof(id));
	if (err == -ENODEV) {
		vn->sfp = VTNIC_SFP_NONE;
		netdev_info(vn->netdev, "no SFP+ module in the cage: the port stays down\n");
		return;
	}
	if (err == -EBUSY) {
		/* firmware holds the bus: what was found last still holds */
		netdev_warn(vn->netdev, "SFP+ module not read: the two-wire bus is busy\n");
		return;
	}
	if (err) {
		vn->sfp = VTNIC_SFP_UNSUPPORTED;
		netdev_err(vn->netdev, "SFP+ module does not answer on the two-wire bus (%d): the port stays down\n",
			   err);
		return;
	}

	type = vtnic_sfp_identify(id, &why);
	vtnic_sfp_field(id, VTNIC_SFF_VENDOR_NAME, name);
	vtnic_sfp_field(id, VTNIC_SFF_VENDOR_PN, pn);
	vn->sfp = type;
	if (type == VTNIC_SFP_UNSUPPORTED)
		netdev_err(vn->netdev, "unsupported SFP+ module %s %s (%s): the port stays down\n",
			   name, pn, why);
	else if (type != was)
		netdev_info(vn->netdev, "SFP+ module: %s, %s %s\n",
			    vtnic_sfp_type_name(type), name, pn);
}

/*
 * The SFP+ port (4.6.4): SFI at 10 Gb/s (AUTOC.LMS) for every module the
 * link can run on, then the module's transmitter on (SDP3 low).  The link
 * comes up once the partner's does; the link status change interrupt
 * reports it.  An empty cage or a module the link cannot use keeps the
 * transmitter off, and the link down.
 */
static int vtnic_82599_setup_link(struct vtnic *vn)
{
	u32 autoc = vtnic_rd32(vn, VTNIC_AUTOC);
	u32 esdp = vtnic_rd32(vn, VTNIC_ESDP);

	if (vn->sfp == VTNIC_SFP_NONE || vn->sfp == VTNIC_SFP_UNSUPPORTED) {
		vtnic_wr32(vn, VTNIC_ESDP, esdp | VTNIC_ESDP_SDP3);
		return -EOPNOTSUPP;
	}
	autoc &= ~VTNIC_AUTOC_LMS;
	autoc |= FIELD_PREP(VTNIC_AUTOC_LMS, VTNIC_AUTOC_LMS_10G_SERIAL) |
		 VTNIC_AUTOC_AN_RESTART;
	vtnic_wr32(vn, VTNIC_AUTOC, autoc);
	vtnic_wr32(vn, VTNIC_ESDP, esdp & ~VTNIC_ESDP_SDP3);
	return 0;
}

/* LINKS (8.2.3.22.20): up, and at what speed; always full duplex */
static void vtnic_82599_get_link(struct vtnic *vn, struct vtnic_link *link)
{
	u32 links = vtnic_rd32(vn, VTNIC_LINKS);

	link->up = (links & VTNIC_LINKS_UP) && links != ~0U;
	link->full_duplex = true;
	switch (FIELD_GET(VTNIC_LINKS_SPEED, links)) {
	case VTNIC_LINKS_SPEED_100:
		link->speed = SPEED_100;
		break;
	case VTNIC_LINKS_SPEED_1G:
		link->speed = SPEED_1000;
		break;
	default:
		link->speed = SPEED_10000;
		break;
	}
}

/* The SFP+ cage at 10 Gb/s, no autonegotiation: what the module makes it */
static void vtnic_82599_link_ksettings(struct vtnic *vn,
				       struct ethtool_link_ksettings *cmd)
{
	unsigned long *modes = cmd->link_modes.supported;

	cmd->base.autoneg = AUTONEG_DISABLE;
	switch (vn->sfp) {
	case VTNIC_SFP_DA_PASSIVE:
	case VTNIC_SFP_DA_ACTIVE:
		linkmode_set_bit(ETHTOOL_LINK_MODE_10000baseCR_Full_BIT, modes);
		linkmode_set_bit(ETHTOOL_LINK_MODE_FIBRE_BIT, modes);
		cmd->base.port = PORT_DA;
		break;
	case VTNIC_SFP_SR:
		linkmode_set_bit(ETHTOOL_LINK_MODE_10000baseSR_Full_BIT, modes);
		linkmode_set_bit(ETHTOOL_LINK_MODE_FIBRE_BIT, modes);
		cmd->base.port = PORT_FIBRE;
		break;
	case VTNIC_SFP_LR:
		linkmode_set_bit(ETHTOOL_LINK_MODE_10000baseLR_Full_BIT, modes);
		linkmode_set_bit(ETHTOOL_LINK_MODE_FIBRE_BIT, modes);
		cmd->base.port = PORT_FIBRE;
		break;
	case VTNIC_SFP_UNSUPPORTED:
		cmd->base.port = PORT_OTHER;
		break;
	default:
		cmd->base.port = PORT_NONE;
		break;
	}
}

/* The reset loads the port's address from the EEPROM into RAR 0 (4.6.3.2) */
static void vtnic_82599_read_mac_addr(struct vtnic *vn, u8 *addr)
{
	vtnic_read_rar(vn, VTNIC_RAL(0), VTNIC_RAH(0), addr);
}

/* The address, multicast and VLAN tables start empty (4.6.7) */
static void vtnic_82599_clear_filters(struct vtnic *vn)
{
	unsigned int i;

	for (i = 1; i < VTNIC_RAR_ENTRIES; i++)
		vtnic_set_rar(vn, i, NULL);
	for (i = 0; i < VTNIC_MTA_REGS; i++)
		vtnic_wr32(vn, VTNIC_MTA(i), 0);
	for (i = 0; i < VTNIC_VFTA_REGS; i++)
		vtnic_wr32(vn, VTNIC_VFTA(i), 0);
	/* The multicast table is used, hashing address bits 47:36 */
	vtnic_wr32(vn, VTNIC_MCSTCTRL, VTNIC_MCSTCTRL_MFE);
}

/* FCTRL (8.2.3.7.1) and VLNCTRL (8.2.3.7.2) */
static void vtnic_82599_set_rx_filters(struct vtnic *vn, bool uc_promisc,
				       bool mc_promisc, bool vlan_filter)
{
	u32 fctrl = VTNIC_FCTRL_BAM, vlnctrl = vtnic_rd32(vn, VTNIC_VLNCTRL);

	if (uc_promisc)
		fctrl |= VTNIC_FCTRL_UPE;
	if (mc_promisc)
		fctrl |= VTNIC_FCTRL_MPE;
	vtnic_wr32(vn, VTNIC_FCTRL, fctrl);
	vlnctrl = vlan_filter ? vlnctrl | VTNIC_VLNCTRL_VFE :
				vlnctrl & ~VTNIC_VLNCTRL_VFE;
	vtnic_wr32(vn, VTNIC_VLNCTRL, vlnctrl);
}

/* MAXFRS.MFS (8.2.3.22.13): the only receive length limit of the 82599 */
static void vtnic_82599_set_max_frame(struct vtnic *vn, unsigned int frame)
{
	vtnic_wr32(vn, VTNIC_MAXFRS, FIELD_PREP(VTNIC_MAXFRS_MFS, frame));
}

/* VLAN stripping is per receive queue on the 82599 (RXDCTL.VME) */
static void vtnic_82599_set_vlan_strip(struct vtnic *vn, bool on)
{
	unsigned int i;

	for (i = 0; i < vn->num_queues; i++) {
		u32 reg = VTNIC_RXDCTL(vn->qv[i]->rx.reg_idx);
		u32 rxdctl = vtnic_rd32(vn, reg);

		rxdctl = on ? rxdctl | VTNIC_RXDCTL_VME :
			      rxdctl & ~VTNIC_RXDCTL_VME;
		vtnic_wr32(vn, reg, rxdctl);
	}
}

/*
 * The 82599 always checks IP and L4 checksums on receive and reports them
 * in the descriptor; with NETIF_F_RXCSUM off the rings ignore the report.
 */
static void vtnic_82599_set_rxcsum(struct vtnic *vn, bool on)
{
}

/* With VFs, the 32 pools of 4 queues rather than 64 of 2 */
static bool vtnic_82599_pools_32(struct vtnic *vn)
{
	return vtnic_num_vfs(vn) &&
	       vn->iov.pool_queues == VTNIC_82599_POOL_QUEUES_32;
}

/* Transmit initialization (4.6.8) */
static void vtnic_82599_configure_tx(struct vtnic *vn)
{
	unsigned int i;
	u32 rttdcs;

	/*
	 * One transmit packet buffer, no DCB; with VFs, 32 or 64 pools
	 * (7.2.1.2.1).  MTQC only with ARBDIS set.  With VFs the pools are
	 * served by weighted round robin (VMPAC), their weights the
	 * min_tx_rate guarantees (vtnic_iov_pool_weights()), which the
	 * SR-IOV setup gave every pool in use before this; VMPAC only
	 * changes after a reset (4.6.11), as here.
	 */
	rttdcs = vtnic_rd32(vn, VTNIC_RTTDCS) | VTNIC_RTTDCS_ARBDIS;
	vtnic_wr32(vn, VTNIC_RTTDCS, rttdcs);
	vtnic_wr32(vn, VTNIC_MTQC, vtnic_num_vfs(vn) ? VTNIC_MTQC_VT_ENA |
		   FIELD_PREP(VTNIC_MTQC_NUM_TC_OR_Q,
			      vtnic_82599_pools_32(vn) ? VTNIC_MTQC_32_POOLS :
							 VTNIC_MTQC_64_POOLS) :
		   0);
	if (vtnic_num_vfs(vn))
		rttdcs |= VTNIC_RTTDCS_VMPAC;
	else
		rttdcs &= ~VTNIC_RTTDCS_VMPAC;
	vtnic_wr32(vn, VTNIC_RTTDCS, rttdcs & ~VTNIC_RTTDCS_ARBDIS);
	/* The transmitter is on before any queue is (4.6.8) */
	vtnic_wr32(vn, VTNIC_DMATXCTL, vtnic_rd32(vn, VTNIC_DMATXCTL) |
		   VTNIC_DMATXCTL_TE);

	for (i = 0; i < vn->num_queues; i++) {
		struct vtnic_ring *ring = &vn->qv[i]->tx;
		u8 q = ring->reg_idx;

		vtnic_wr32(vn, VTNIC_TXDCTL(q), 0);
		vtnic_ring_set_base(ring, VTNIC_TDBAL(q));
		vtnic_wr32(vn, VTNIC_TXDCTL(q),
			   FIELD_PREP(VTNIC_TXDCTL_PTHRESH, VTNIC_82599_TX_PTHRESH) |
			   FIELD_PREP(VTNIC_TXDCTL_HTHRESH, VTNIC_82599_TX_HTHRESH) |
			   FIELD_PREP(VTNIC_TXDCTL_WTHRESH, VTNIC_82599_TX_WTHRESH) |
			   VTNIC_TXDCTL_ENABLE);
		vtnic_82599_wait_enable(vn, VTNIC_TXDCTL(q), VTNIC_TXDCTL_ENABLE);
	}
}

/* The redirection table (4-bit queue numbers) and the key (8.2.3.7.13-14) */
static void vtnic_82599_write_rss(struct vtnic *vn)
{
	u8 reta[VTNIC_IOV_RETA_SIZE];
	unsigned int i;

	BUILD_BUG_ON(VTNIC_RETA_REGS * 4 != VTNIC_RETA_SIZE);
	BUILD_BUG_ON(VTNIC_RSSRK_REGS * 4 != VTNIC_RSS_KEY_SIZE);
	vtnic_write_rss_regs(vn, VTNIC_RETA(0), VTNIC_RSSRK(0));
	if (!vtnic_num_vfs(vn))
		return;
	/*
	 * With VFs the one table serves every pool, each taking the low bits
	 * of an entry its PSRTYPE allows (7.1.2.8.3): 0, 1, 2, 3 over and
	 * over spreads a pool's flows over its queues, the PF's included.
	 */
	BUILD_BUG_ON(VTNIC_RETA_SIZE != VTNIC_IOV_RETA_SIZE);
	BUILD_BUG_ON(VTNIC_RSS_KEY_SIZE != VTNIC_IOV_RSS_KEY_SIZE);
	for (i = 0; i < VTNIC_RETA_SIZE; i++)
		reta[i] = i % 4;
	for (i = 0; i < VTNIC_RETA_REGS; i++)
		vtnic_wr32(vn, VTNIC_RETA(i), vtnic_reg_of_bytes(&reta[4 * i]));
	/* What a VF allowed to query them reads (ixgbe's GET_RETA) */
	mutex_lock(&vn->iov_lock);
	vtnic_iov_set_rss(&vn->iov, reta, vn->rss_key);
	mutex_unlock(&vn->iov_lock);
}

/*
 * Receive initialization (4.6.7).  Leaves the receiver enabled; rx_mode
 * adds the filters.  A ring that could not be filled completely is
 * refilled by its next poll.
 */
static void vtnic_82599_configure_rx(struct vtnic *vn)
{
	bool strip = vn->netdev->features & NETIF_F_HW_VLAN_CTAG_RX;
	unsigned int i;

	vtnic_wr32(vn, VTNIC_RXCTRL, 0);
	/* The RSS hash in the descriptor, not the IP identification */
	vtnic_wr32(vn, VTNIC_RXCSUM, VTNIC_RXCSUM_PCSD);
	vtnic_82599_write_rss(vn);
	/*
	 * RSS over the queues in use; with VFs, 32 or 64 pools and RSS in
	 * each over as many of its queues as the pool's PSRTYPE says: 1, 2
	 * or 4 (a VF sets its own through VFPSRTYPE).  With 3 queues the
	 * PF's third only transmits, as with ixgbe.
	 */
	vtnic_wr32(vn, VTNIC_MRQC, (vtnic_num_vfs(vn) ?
		   FIELD_PREP(VTNIC_MRQC_MRQE, vtnic_82599_pools_32(vn) ?
			      VTNIC_MRQC_MRQE_VMDQ_RSS_32 :
			      VTNIC_MRQC_MRQE_VMDQ_RSS_64) :
		   VTNIC_MRQC_RSSEN) | VTNIC_MRQC_TCP_IPV4 |
		   VTNIC_MRQC_IPV4 | VTNIC_MRQC_TCP_IPV6 | VTNIC_MRQC_IPV6);
	if (vtnic_num_vfs(vn))
		vtnic_wr32(vn, VTNIC_PSRTYPE(vtnic_iov_pf_pool(&vn->iov)),
			   FIELD_PREP(VTNIC_PSRTYPE_RQPL,
				      ilog2(rounddown_pow_of_two(vn->num_queues))));
	vtnic_wr32(vn, VTNIC_FCTRL, VTNIC_FCTRL_BAM);

	for (i = 0; i < vn->num_queues; i++) {
		struct vtnic_ring *ring = &vn->qv[i]->rx;
		u8 q = ring->reg_idx;

		vtnic_wr32(vn, VTNIC_RXDCTL(q), 0);
		vtnic_ring_set_base(ring, VTNIC_RDBAL(q));
		/*
		 * Advanced one-buffer descriptors of 3 KB; with several
		 * queues a full one drops instead of stalling the rest.
		 */
		vtnic_wr32(vn, VTNIC_SRRCTL(q),
			   FIELD_PREP(VTNIC_SRRCTL_BSIZEPKT, VTNIC_RX_BUFSZ / 1024) |
			   FIELD_PREP(VTNIC_SRRCTL_DESCTYPE,
				      VTNIC_SRRCTL_DESCTYPE_ADV_ONEBUF) |
			   (vn->num_queues > 1 ? VTNIC_SRRCTL_DROP_EN : 0));
		vtnic_wr32(vn, VTNIC_RXDCTL(q), VTNIC_RXDCTL_ENABLE |
			   (strip ? VTNIC_RXDCTL_VME : 0));
		vtnic_82599_wait_enable(vn, VTNIC_RXDCTL(q), VTNIC_RXDCTL_ENABLE);
		/* The tail is written once the queue is enabled (4.6.7) */
		vtnic_rx_fill(ring);
	}
	vtnic_wr32(vn, VTNIC_RXCTRL, VTNIC_RXCTRL_RXEN);
}

static void vtnic_82599_disable_queues(struct vtnic *vn)
{
	unsigned int q;

	vtnic_wr32(vn, VTNIC_RXCTRL, 0);
	for (q = 0; q < VTNIC_82599_QUEUES; q++) {
		vtnic_wr32(vn, VTNIC_RXDCTL(q), 0);
		vtnic_wr32(vn, VTNIC_TXDCTL(q), 0);
	}
	vtnic_wr32(vn, VTNIC_DMATXCTL, 0);
	vtnic_flush(vn);
}

/* ---- interrupts (7.3) ---- */

/* Route one cause byte of IVAR (8.2.3.5.14) to a vector */
static void vtnic_82599_set_ivar(struct vtnic *vn, unsigned int queue, bool tx,
				 unsigned int vector)
{
	unsigned int shift = (queue & 1) * 16 + (tx ? 8 : 0);
	u32 ivar = vtnic_rd32(vn, VTNIC_IVAR(queue));

	ivar &= ~(0xffU << shift);
	ivar |= (vector | VTNIC_IVAR_VALID) << shift;
	vtnic_wr32(vn, VTNIC_IVAR(queue), ivar);
}

static void vtnic_82599_irq_configure(struct vtnic *vn)
{
	/* With VFs, GPIE's VT mode is GCR_EXT's */
	u32 vt = vtnic_num_vfs(vn) ?
		 FIELD_PREP(VTNIC_GPIE_VT_MODE, vtnic_82599_pools_32(vn) ?
			    VTNIC_VT_MODE_32 : VTNIC_VT_MODE_64) : 0;
	u64 queues;

	if (vn->int_mode != VTNIC_INT_MSIX) {
		vtnic_wr32(vn, VTNIC_GPIE, vt);
		return;
	}

	/*
	 * MSI-X mode (7.3.2): the other causes clear only when written
	 * (OCD), a queue vector's cause clears when its message goes out
	 * (EIAC) and masks it (EIAM_EX with EIAME) until NAPI unmasks it.
	 */
	vtnic_wr32(vn, VTNIC_GPIE, VTNIC_GPIE_MSIX_MODE | VTNIC_GPIE_OCD |
		   VTNIC_GPIE_EIAME | VTNIC_GPIE_PBA_SUPPORT | vt);
	vtnic_wr32(vn, VTNIC_IVAR_MISC,
		   (VTNIC_82599_OTHER_VECTOR | VTNIC_IVAR_VALID) << 8);
	queues = vtnic_queue_vectors(vn);
	vtnic_wr32(vn, VTNIC_EIAC, lower_32_bits(queues) & VTNIC_EICR_RTX_QUEUE);
	vtnic_wr32(vn, VTNIC_EIAM_EX(0), lower_32_bits(queues));
	vtnic_wr32(vn, VTNIC_EIAM_EX(1), upper_32_bits(queues));
}

/* The other causes the driver handles */
static u32 vtnic_82599_other_causes(struct vtnic *vn)
{
	return VTNIC_EICR_LSC | VTNIC_EICR_OTHER |
	       (vtnic_num_vfs(vn) ? VTNIC_EICR_MAILBOX : 0);
}

static void vtnic_82599_irq_enable(struct vtnic *vn)
{
	u64 queues = vtnic_queue_vectors(vn);

	if (vn->int_mode == VTNIC_INT_MSIX) {
		vtnic_wr32(vn, VTNIC_EIMS, vtnic_82599_other_causes(vn));
		vtnic_wr32(vn, VTNIC_EIMS_EX(0), lower_32_bits(queues));
		vtnic_wr32(vn, VTNIC_EIMS_EX(1), upper_32_bits(queues));
	} else {
		vtnic_wr32(vn, VTNIC_EIMS, VTNIC_EICR_LSC | BIT(0));
	}
	vtnic_flush(vn);
}

static void vtnic_82599_irq_disable(struct vtnic *vn)
{
	vtnic_82599_mask_irqs(vn);
}

/*
 * MSI-X: the other causes are read through EICS, which does not clear
 * them, and cleared by writing them back (GPIE.OCD).  MSI/INTx: reading
 * EICR clears it; a queue cause masks everything until NAPI is done and
 * vtnic_82599_qv_enable() unmasks.
 */
static u32 vtnic_82599_irq_causes(struct vtnic *vn)
{
	u32 eicr, causes = 0;

	if (vn->int_mode == VTNIC_INT_MSIX) {
		eicr = vtnic_rd32(vn, VTNIC_EICS) & VTNIC_EICR_OTHER_CAUSES;
		if (eicr == VTNIC_EICR_OTHER_CAUSES)
			return 0;	/* all ones: the device is gone */
		vtnic_wr32(vn, VTNIC_EICR, eicr);
	} else {
		eicr = vtnic_rd32(vn, VTNIC_EICR);
		if (eicr == ~0U)
			return 0;
	}
	if (eicr & VTNIC_EICR_LSC)
		causes |= VTNIC_CAUSE_LINK;
	if (eicr & VTNIC_EICR_MAILBOX)
		causes |= VTNIC_CAUSE_MBX;
	if (vn->int_mode != VTNIC_INT_MSIX && (eicr & VTNIC_EICR_RTX_QUEUE)) {
		vtnic_wr32(vn, VTNIC_EIMC, ~0U);
		causes |= VTNIC_CAUSE_QUEUE;
	}
	return causes;
}

static void vtnic_82599_qv_enable(struct vtnic_q_vector *qv)
{
	struct vtnic *vn = qv->vn;

	if (vn->int_mode == VTNIC_INT_MSIX)
		vtnic_wr32(vn, VTNIC_EIMS_EX(qv->v_idx / 32),
			   BIT(qv->v_idx % 32));
	else
		vtnic_wr32(vn, VTNIC_EIMS, VTNIC_EICR_LSC | BIT(0));
}

/* EITR (8.2.3.5.12); CNT_WDIS: don't reset the running countdown */
static void vtnic_82599_write_itr(struct vtnic_q_vector *qv, u32 usecs)
{
	usecs = min(usecs, VTNIC_82599_ITR_MAX_US);
	vtnic_wr32(qv->vn, VTNIC_EITR(qv->v_idx),
		   FIELD_PREP(VTNIC_EITR_INTERVAL, usecs / 2) |
		   VTNIC_EITR_CNT_WDIS);
}

/* ---- statistics (8.2.3.23) and the register dump ---- */

/* A 36-bit octet counter: the low half, then the high half (clearing) */
static u64 vtnic_82599_stat36(struct vtnic *vn, u32 reg)
{
	u64 lo = vtnic_stat(vn, reg);

	return lo | (u64)(vtnic_stat(vn, reg + 4) & 0xf) << 32;
}

static void vtnic_82599_update_stats(struct vtnic *vn, struct vtnic_hw_stats *s)
{
	unsigned int i;

	/* No alignment, collision or TSO context counters on the 82599 */
	s->crcerrs += vtnic_stat(vn, VTNIC_CRCERRS);
	s->rxerrc += vtnic_stat(vn, VTNIC_ILLERRC) +
		     vtnic_stat(vn, VTNIC_ERRBC);
	for (i = 0; i < 8; i++)
		s->mpc += vtnic_stat(vn, VTNIC_MPC(i));
	s->rlec += vtnic_stat(vn, VTNIC_RLEC);
	s->xonrxc += vtnic_stat(vn, VTNIC_LXONRXCNT);
	s->xontxc += vtnic_stat(vn, VTNIC_LXONTXC);
	s->xoffrxc += vtnic_stat(vn, VTNIC_LXOFFRXCNT);
	s->xofftxc += vtnic_stat(vn, VTNIC_LXOFFTXC);
	s->gprc += vtnic_stat(vn, VTNIC_GPRC);
	s->bprc += vtnic_stat(vn, VTNIC_BPRC);
	s->mprc += vtnic_stat(vn, VTNIC_MPRC);
	s->gptc += vtnic_stat(vn, VTNIC_GPTC);
	s->gorc += vtnic_82599_stat36(vn, VTNIC_GORCL);
	s->gotc += vtnic_82599_stat36(vn, VTNIC_GOTCL);
	s->ruc += vtnic_stat(vn, VTNIC_RUC);
	s->rfc += vtnic_stat(vn, VTNIC_RFC);
	s->roc += vtnic_stat(vn, VTNIC_ROC);
	s->rjc += vtnic_stat(vn, VTNIC_RJC);
	s->tpr += vtnic_stat(vn, VTNIC_TPR);
	s->tpt += vtnic_stat(vn, VTNIC_TPT);
	s->mptc += vtnic_stat(vn, VTNIC_MPTC);
	s->bptc += vtnic_stat(vn, VTNIC_BPTC);
	s->ssvpc += vtnic_stat(vn, VTNIC_SSVPC);
}

/*
 * ethtool -d on the 82599, version 3 of the layout (Documentation/
 * vtnic.rst): the receive controls, the filters, then the pools (7.10):
 * what each VF's messages and the admin settings wrote, for the
 * hostile-VF test to compare, and the transmit arbitration between
 * pools.  Version 2 ended after the MTA.
 */
#define VTNIC_82599_REGS_VERSION	3
#define VTNIC_82599_SPOOF_REGS		(VTNIC_82599_POOLS / 8)
enum {
	VTNIC_82599_REGS_VER,
	VTNIC_82599_REGS_FCTRL,
	VTNIC_82599_REGS_VLNCTRL,
	VTNIC_82599_REGS_MCSTCTRL,
	VTNIC_82599_REGS_MRQC,
	VTNIC_82599_REGS_MAXFRS,
	VTNIC_82599_REGS_LINKS,
	VTNIC_82599_REGS_AUTOC,
	VTNIC_82599_REGS_RAR,		/* RAL(n), RAH(n), n = 0..127 */
	VTNIC_82599_REGS_VFTA = VTNIC_82599_REGS_RAR + 2 * VTNIC_RAR_ENTRIES,
	VTNIC_82599_REGS_MTA = VTNIC_82599_REGS_VFTA + VTNIC_VFTA_REGS,
	VTNIC_82599_REGS_PFVTCTL = VTNIC_82599_REGS_MTA + VTNIC_MTA_REGS,
	VTNIC_82599_REGS_PFVFRE,	/* pools 0..31, 32..63 */
	VTNIC_82599_REGS_PFVFTE = VTNIC_82599_REGS_PFVFRE + 2,
	VTNIC_82599_REGS_PFVFSPOOF = VTNIC_82599_REGS_PFVFTE + 2,
	/* MPSAR_LO(n), MPSAR_HI(n): the pools of RAR n */
	VTNIC_82599_REGS_MPSAR = VTNIC_82599_REGS_PFVFSPOOF +
				 VTNIC_82599_SPOOF_REGS,
	VTNIC_82599_REGS_PFVML2FLT = VTNIC_82599_REGS_MPSAR +
				     2 * VTNIC_RAR_ENTRIES,
	VTNIC_82599_REGS_PFVMVIR = VTNIC_82599_REGS_PFVML2FLT + VTNIC_82599_POOLS,
	VTNIC_82599_REGS_PFVLVF = VTNIC_82599_REGS_PFVMVIR + VTNIC_82599_POOLS,
	/* PFVLVFB(2 n), PFVLVFB(2 n + 1): the pools of PFVLVF(n) */
	VTNIC_82599_REGS_PFVLVFB = VTNIC_82599_REGS_PFVLVF + VTNIC_PFVLVF_ENTRIES,
	VTNIC_82599_REGS_RTTDCS = VTNIC_82599_REGS_PFVLVFB +
				  2 * VTNIC_PFVLVF_ENTRIES,
	VTNIC_82599_REGS_RTTDT1C,	/* pool n's, n = 0..63 */
	VTNIC_82599_REGS_WORDS = VTNIC_82599_REGS_RTTDT1C + VTNIC_82599_POOLS,
};

static unsigned int vtnic_82599_regs_len(struct vtnic *vn)
{
	return VTNIC_82599_REGS_WORDS * sizeof(u32);
}

/* @n registers from @reg on, 4 bytes apart, to @buf */
static void vtnic_82599_regs_block(struct vtnic *vn, u32 *buf, u32 reg,
				   unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		buf[i] = vtnic_rd32(vn, reg + 4 * i);
}

static u32 vtnic_82599_get_regs(struct vtnic *vn, u32 *buf)
{
	unsigned int i;

	buf[VTNIC_82599_REGS_VER] = VTNIC_82599_REGS_VERSION;
	buf[VTNIC_82599_REGS_FCTRL] = vtnic_rd32(vn, VTNIC_FCTRL);
	buf[VTNIC_82599_REGS_VLNCTRL] = vtnic_rd32(vn, VTNIC_VLNCTRL);
	buf[VTNIC_82599_REGS_MCSTCTRL] = vtnic_rd32(vn, VTNIC_MCSTCTRL);
	buf[VTNIC_82599_REGS_MRQC] = vtnic_rd32(vn, VTNIC_MRQC);
	buf[VTNIC_82599_REGS_MAXFRS] = vtnic_rd32(vn, VTNIC_MAXFRS);
	buf[VTNIC_82599_REGS_LINKS] = vtnic_rd32(vn, VTNIC_LINKS);
	buf[VTNIC_82599_REGS_AUTOC] = vtnic_rd32(vn, VTNIC_AUTOC);
	for (i = 0; i < VTNIC_RAR_ENTRIES; i++) {
		buf[VTNIC_82599_REGS_RAR + 2 * i] = vtnic_rd32(vn, VTNIC_RAL(i));
		buf[VTNIC_82599_REGS_RAR + 2 * i + 1] =
			vtnic_rd32(vn, VTNIC_RAH(i));
	}
	vtnic_82599_regs_block(vn, &buf[VTNIC_82599_REGS_VFTA], VTNIC_VFTA(0),
			       VTNIC_VFTA_REGS);
	vtnic_82599_regs_block(vn, &buf[VTNIC_82599_REGS_MTA], VTNIC_MTA(0),
			       VTNIC_MTA_REGS);
	buf[VTNIC_82599_REGS_PFVTCTL] = vtnic_rd32(vn, VTNIC_PFVTCTL);
	vtnic_82599_regs_block(vn, &buf[VTNIC_82599_REGS_PFVFRE],
			       VTNIC_PFVFRE(0), 2);
	vtnic_82599_regs_block(vn, &buf[VTNIC_82599_REGS_PFVFTE],
			       VTNIC_PFVFTE(0), 2);
	vtnic_82599_regs_block(vn, &buf[VTNIC_82599_REGS_PFVFSPOOF],
			       VTNIC_PFVFSPOOF(0), VTNIC_82599_SPOOF_REGS);
	/* MPSAR_LO(n) and MPSAR_HI(n) are adjacent, as in the dump */
	vtnic_82599_regs_block(vn, &buf[VTNIC_82599_REGS_MPSAR],
			       VTNIC_MPSAR_LO(0), 2 * VTNIC_RAR_ENTRIES);
	vtnic_82599_regs_block(vn, &buf[VTNIC_82599_REGS_PFVML2FLT],
			       VTNIC_PFVML2FLT(0), VTNIC_82599_POOLS);
	vtnic_82599_regs_block(vn, &buf[VTNIC_82599_REGS_PFVMVIR],
			       VTNIC_PFVMVIR(0), VTNIC_82599_POOLS);
	vtnic_82599_regs_block(vn, &buf[VTNIC_82599_REGS_PFVLVF],
			       VTNIC_PFVLVF(0), VTNIC_PFVLVF_ENTRIES);
	vtnic_82599_regs_block(vn, &buf[VTNIC_82599_REGS_PFVLVFB],
			       VTNIC_PFVLVFB(0), 2 * VTNIC_PFVLVF_ENTRIES);
	/*
	 * RTTDQSEL is shared with the rate limiters and the weights, which
	 * iov_lock serialises; the caller holds it
	 */
	lockdep_assert_held(&vn->iov_lock);
	buf[VTNIC_82599_REGS_RTTDCS] = vtnic_rd32(vn, VTNIC_RTTDCS);
	for (i = 0; i < VTNIC_82599_POOLS; i++) {
		vtnic_wr32(vn, VTNIC_RTTDQSEL, i);
		buf[VTNIC_82599_REGS_RTTDT1C + i] = vtnic_rd32(vn, VTNIC_RTTDT1C);
	}
	return VTNIC_82599_REGS_VERSION;
}

static const struct vtnic_mac_ops vtnic_82599_ops = {
	.reset			= vtnic_82599_reset,
	.validate_nvm		= vtnic_82599_check_eeprom,
	.identify_module	= vtnic_82599_identify_module,
	.read_module		= vtnic_82599_read_module,
	.setup_link		= vtnic_82599_setup_link,
	.get_link		= vtnic_82599_get_link,
	.link_ksettings		= vtnic_82599_link_ksettings,
	.read_mac_addr		= vtnic_82599_read_mac_addr,
	.clear_filters		= vtnic_82599_clear_filters,
	.nvm_words		= vtnic_82599_nvm_words,
	.read_nvm		= vtnic_82599_read_nvm,
	.read_nvm_id		= vtnic_82599_read_nvm_id,
	.set_rx_filters		= vtnic_82599_set_rx_filters,
	.set_max_frame		= vtnic_82599_set_max_frame,
	.set_vlan_strip		= vtnic_82599_set_vlan_strip,
	.set_rxcsum		= vtnic_82599_set_rxcsum,
	.configure_tx		= vtnic_82599_configure_tx,
	.configure_rx		= vtnic_82599_configure_rx,
	.disable_queues		= vtnic_82599_disable_queues,
	.write_rss		= vtnic_82599_write_rss,
	.map_queue		= vtnic_82599_set_ivar,
	.irq_configure		= vtnic_82599_irq_configure,
	.irq_enable		= vtnic_82599_irq_enable,
	.irq_disable		= vtnic_82599_irq_disable,
	.irq_causes		= vtnic_82599_irq_causes,
	.qv_enable		= vtnic_82599_qv_enable,
	.write_itr		= vtnic_82599_write_itr,
	.update_stats		= vtnic_82599_update_stats,
	.regs_len		= vtnic_82599_regs_len,
	.get_regs		= vtnic_82599_get_regs,
};

/* The 82599: RSS over 16 queues (4-bit RETA entries), 64 MSI-X vectors */
const struct vtnic_mac_info vtnic_82599_info = {
	.type		= VTNIC_MAC_82599,
	.name		= "82599",
	.ops		= &vtnic_82599_ops,
	.iov		= &vtnic_82599_iov,
	.rxd_err	= VTNIC_RXD_ERRORS_82599,
	.max_queues	= 16,
	.msix_vectors	= VTNIC_82599_VECTORS,
};
