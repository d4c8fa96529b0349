/*
 * QEMU Intel 82599 10GbE controller (i82599): register offsets and fields.
 *
 * Offsets are byte offsets in BAR0 as in the 82599 datasheet (section 8.2,
 * "Device Registers - PF"); names follow the datasheet, and where in-tree
 * ixgbe (Linux 6.12, ixgbe_type.h) uses another name it is given in the
 * comment.  Only registers the model touches are defined.
 *
 * The first part is the control plane's (i82599_core.c, i82599.c); the
 * datapath's (i82599_dp.c) follows its own heading at the end.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef HW_NET_I82599_REGS_H
#define HW_NET_I82599_REGS_H

#include "qemu/bitops.h"

/* ---- PCI identity and config space layout (datasheet 9.3) ---- */

#define I82599_PCI_VENDOR_ID            0x8086
#define I82599_PCI_DEVICE_ID_SFP        0x10FB  /* 82599ES SFP+ */
#define I82599_PCI_REVISION             0x01
#define I82599_PCI_SUBSYS_VENDOR_ID     0x8086
#define I82599_PCI_SUBSYS_ID            0x000C  /* X520-2 style */
#define I82599_PCI_DEVICE_ID_VF         0x10ED  /* 82599 Virtual Function */

/* Capability offsets; ixgbe hard-codes MSI-X at 0x70 and PCIe at 0xA0 */
#define I82599_CAP_PM                   0x40
#define I82599_CAP_MSI                  0x50
#define I82599_CAP_MSIX                 0x70
#define I82599_CAP_PCIE                 0xA0
#define I82599_CAP_AER                  0x100
#define I82599_CAP_DSN                  0x140
#define I82599_CAP_ARI                  0x150
#define I82599_CAP_SRIOV                0x160

#define I82599_BAR_MMIO                 0
#define I82599_BAR_IO                   2
#define I82599_BAR_MSIX                 4
#define I82599_MSIX_BAR_SIZE            (16 * KiB)
#define I82599_MSIX_TABLE_OFFSET        0x0000
#define I82599_MSIX_PBA_OFFSET          0x2000

/*
 * SR-IOV (datasheet 9.4.4): 64 VFs, VF n at routing ID PF + 0x80 + 2n,
 * each with 16 KB of registers in BAR0 and its MSI-X table (3 vectors)
 * in BAR3
 */
#define I82599_TOTAL_VFS                64
#define I82599_VF_OFFSET                0x80
#define I82599_VF_STRIDE                2
#define I82599_VF_BAR_MMIO              0
#define I82599_VF_BAR_MSIX              3
#define I82599_VF_MMIO_SIZE             (16 * KiB)
#define I82599_VF_MSIX_VECTORS          3
#define I82599_VF_CAP_ARI               0x100

/* ---- General control (datasheet 8.2.3.1) ---- */

/* Device Control (8.2.3.1.1) */
#define I82599_CTRL                     0x00000
#define I82599_CTRL_GIO_DIS             BIT(2)  /* PCIe primary disable */
#define I82599_CTRL_LNK_RST             BIT(3)  /* link reset, self-clears */
#define I82599_CTRL_RST                 BIT(26) /* software reset, self-clr */

/* Device Status (8.2.3.1.2), read only */
#define I82599_STATUS                   0x00008
#define I82599_STATUS_LAN_ID_MASK       0x0000000C /* PCI function number */
#define I82599_STATUS_LAN_ID_SHIFT      2
#define I82599_STATUS_LINK_UP           BIT(7)
#define I82599_STATUS_GIO               BIT(19) /* primary enable status */

/* Extended Device Control (8.2.3.1.3) */
#define I82599_CTRL_EXT                 0x00018
#define I82599_CTRL_EXT_PFRSTD          BIT(14) /* PF reset done (VFs' RSTD) */
#define I82599_CTRL_EXT_NS_DIS          BIT(16) /* no snoop disable */
#define I82599_CTRL_EXT_RO_DIS          BIT(17) /* relaxed ordering disable */
#define I82599_CTRL_EXT_DRV_LOAD        BIT(28) /* driver loaded, for FW */

/*
 * Extended SDP Control (8.2.3.1.4): on SFP+ boards SDP2 is the cage's
 * "module present" input and SDP3 the TX laser disable output
 */
#define I82599_ESDP                     0x00020
#define I82599_ESDP_SDP0                BIT(0)
#define I82599_ESDP_SDP1                BIT(1)
#define I82599_ESDP_SDP2                BIT(2)  /* SFP+ cage full */
#define I82599_ESDP_SDP3                BIT(3)  /* 1 = TX laser off */
#define I82599_ESDP_SDP2_DIR            BIT(10) /* 1 = output */

/* I2C Control (8.2.3.1.5): bit-banged two-wire bus to the SFP+ module */
#define I82599_I2CCTL                   0x00028
#define I82599_I2CCTL_CLK_IN            BIT(0)
#define I82599_I2CCTL_CLK_OUT           BIT(1)
#define I82599_I2CCTL_DATA_IN           BIT(2)
#define I82599_I2CCTL_DATA_OUT          BIT(3)

#define I82599_LEDCTL                   0x00200

/* ---- Interrupts (datasheet 8.2.3.5, 7.3) ---- */

/* Extended Interrupt Cause (8.2.3.5.1): [15:0] queue vectors 0-15 */
#define I82599_EICR                     0x00800
#define I82599_EICS                     0x00808 /* cause set; read = EICR */
#define I82599_EIAC                     0x00810 /* auto clear */
#define I82599_EIMS                     0x00880 /* mask set; read = mask */
#define I82599_EIMC                     0x00888 /* mask clear */
#define I82599_EIAM                     0x00890 /* auto mask */
#define I82599_EITRSEL                  0x00894
#define I82599_GPIE                     0x00898
#define I82599_EICS_EX(i)               (0x00A90 + 4 * (i))  /* i = 0, 1 */
#define I82599_EIMS_EX(i)               (0x00AA0 + 4 * (i))
#define I82599_EIMC_EX(i)               (0x00AB0 + 4 * (i))
#define I82599_EIAM_EX(i)               (0x00AD0 + 4 * (i))

#define I82599_EICR_RTX_QUEUE           0x0000FFFF
#define I82599_EICR_FLOW_DIR            BIT(16)
#define I82599_EICR_RX_MISS             BIT(17)
#define I82599_EICR_PCI                 BIT(18)
#define I82599_EICR_MAILBOX             BIT(19) /* VF to PF mailbox */
#define I82599_EICR_LSC                 BIT(20) /* link status change */
#define I82599_EICR_LINKSEC             BIT(21)
#define I82599_EICR_MNG                 BIT(22)
#define I82599_EICR_GPI_SDP0            BIT(24)
#define I82599_EICR_GPI_SDP1            BIT(25)
#define I82599_EICR_GPI_SDP2            BIT(26)
#define I82599_EICR_ECC                 BIT(28)
#define I82599_EICR_TCP_TIMER           BIT(30)
#define I82599_EICR_OTHER               BIT(31)
#define I82599_EICR_OTHER_CAUSES        0xFFFF0000

/* General Purpose Interrupt Enable (8.2.3.5.18) */
#define I82599_GPIE_MSIX_MODE           BIT(4)
#define I82599_GPIE_OCD                 BIT(5)  /* other clear disable */
#define I82599_GPIE_EIMEN               BIT(6)
#define I82599_GPIE_VT_MODE_MASK        0x0000C000
#define I82599_GPIE_EIAME               BIT(30) /* auto mask on MSI-X send */
#define I82599_GPIE_PBA_SUPPORT         BIT(31)

/* Interrupt Throttle (8.2.3.5.12): vectors 0-23 low, 24-63 high block */
#define I82599_EITR(v)                  ((v) <= 23 ? 0x00820 + 4 * (v) : \
                                         0x12300 + 4 * ((v) - 24))
#define I82599_EITR_INTERVAL_MASK       0x00000FF8 /* [11:3], 2 us units */
#define I82599_EITR_INTERVAL_SHIFT      3
#define I82599_EITR_LLI_MOD             BIT(15)
#define I82599_EITR_CNT_WDIS            BIT(31) /* write only */

/*
 * Interrupt Vector Allocation (8.2.3.5.14): one register per queue pair,
 * bytes RX(2n), TX(2n), RX(2n+1), TX(2n+1); each = vector | VALID
 */
#define I82599_IVAR(n)                  (0x00900 + 4 * (n))  /* n = 0..63 */
/* [7:0] TCP timer vector, [15:8] other causes vector */
#define I82599_IVAR_MISC                0x00A00
#define I82599_IVAR_VALID               BIT(7)
#define I82599_IVAR_VECTOR_MASK         0x3F

/* ---- MAC, PCS and link (datasheet 8.2.3.22) ---- */

#define I82599_PCS1GCFIG                0x04200
#define I82599_PCS1GLCTL                0x04208
#define I82599_PCS1GLSTA                0x0420C
#define I82599_PCS1GANA                 0x04218
#define I82599_PCS1GANLP                0x0421C

/* MDI Single Command and Address / Read-Write Data (8.2.3.22.11/12) */
#define I82599_MSCA                     0x0425C
#define I82599_MSCA_OP_MASK             0x0C000000
#define I82599_MSCA_OP_ADDR             0x00000000
#define I82599_MSCA_OP_WRITE            0x04000000
#define I82599_MSCA_OP_READ_INC         0x08000000
#define I82599_MSCA_OP_READ             0x0C000000
#define I82599_MSCA_MDI_COMMAND         BIT(30) /* cleared when done */
#define I82599_MSRWD                    0x04260
#define I82599_MSRWD_READ_SHIFT         16

/* Auto Negotiation Control (8.2.3.22.19) */
#define I82599_AUTOC                    0x042A0
#define I82599_AUTOC_FLU                BIT(0)
#define I82599_AUTOC_1G_PMA_PMD         BIT(9)
#define I82599_AUTOC_AN_RESTART         BIT(12)
#define I82599_AUTOC_LMS_MASK           0x0000E000
#define I82599_AUTOC_LMS_SHIFT          13
enum {
    I82599_LMS_1G_NO_AN = 0,
    I82599_LMS_10G_NO_AN = 1,
    I82599_LMS_1G_AN = 2,
    I82599_LMS_10G_SERIAL = 3,          /* SFI: what an SFP+ port uses */
    I82599_LMS_KX4_KX_KR = 4,
    I82599_LMS_SGMII_1G_100M = 5,
    I82599_LMS_KX4_KX_KR_1G_AN = 6,
    I82599_LMS_KX4_KX_KR_SGMII = 7,
};

/* Link Status (8.2.3.22.20), read only */
#define I82599_LINKS                    0x042A4
#define I82599_LINKS_LINK_STATUS        BIT(7)
#define I82599_LINKS_SPEED_MASK         0x30000000
#define I82599_LINKS_SPEED_10G          0x30000000
#define I82599_LINKS_SPEED_1G           0x20000000
#define I82599_LINKS_UP                 BIT(30)
#define I82599_LINKS_KX_AN_COMP         BIT(31)

/* Auto Negotiation Control 2 (8.2.3.22.21) */
#define I82599_AUTOC2                   0x042A8
#define I82599_AUTOC2_10G_PMA_SERIAL_SFI 0x00020000 /* [17:16] = 10b */
#define I82599_AUTOC2_LINK_DISABLE_MASK 0x70000000
#define I82599_AUTOC3                   0x042AC

/*
 * AN Link Partner Link Control Word 1 (8.2.3.22.23); ixgbe's
 * reset_pipeline waits for AN_STATE to leave 0 after AN_RESTART
 */
#define I82599_ANLP1                    0x042B0
#define I82599_ANLP1_AN_STATE_MASK      0x000F0000
#define I82599_ANLP1_AN_STATE_SHIFT     16
#define I82599_ANLP2                    0x042B4

/* MAC Manageability Control (8.2.3.22.26): MNG_VETO blocks AUTOC writes */
#define I82599_MMNGC                    0x042D0
#define I82599_MMNGC_MNG_VETO           BIT(0)

/* ---- Wake-up and manageability (datasheet 8.2.3.24, 8.2.3.25) ---- */

#define I82599_WUC                      0x05800
#define I82599_WUFC                     0x05808
#define I82599_WUS                      0x05810 /* write 1 to clear */
#define I82599_MANC                     0x05820
#define I82599_MANC_RCV_TCO_EN          BIT(17)

/*
 * ---- Receive address 0, loaded from the EEPROM at reset ----
 * The receive address table belongs to the datapath; the control plane
 * only loads entry 0 with the port's MAC at every reset (datasheet 4.6.3,
 * ixgbe_get_mac_addr_generic reads it).  ixgbe addresses entries 0-15 at
 * the 82598-compatible 0x5400 block; the 82599's own copy is at 0xA200.
 */
#define I82599_RESET_RAL0               0x05400
#define I82599_RESET_RAH0               0x05404
#define I82599_RESET_RAL0_82599         0x0A200
#define I82599_RESET_RAH0_82599         0x0A204
#define I82599_RESET_RAH_AV             BIT(31)

/* ---- Packet buffer sizes (datasheet 8.2.3.8.9, 8.2.3.9.13) ---- */

#define I82599_RXPBSIZE(n)              (0x03C00 + 4 * (n))  /* n = 0..7 */
#define I82599_TXPBSIZE(n)              (0x0CC00 + 4 * (n))
#define I82599_PBSIZE_SHIFT             10      /* [19:10] KB */
#define I82599_TXPBTHRESH(n)            (0x04950 + 4 * (n))  /* [9:0] KB */

/* ---- Flow control thresholds (datasheet 8.2.3.3.2, 8.2.3.3.3) ---- */

#define I82599_FCRTL(n)                 (0x03220 + 4 * (n))  /* n = 0..7 */
#define I82599_FCRTH(n)                 (0x03260 + 4 * (n))
#define I82599_FCRTH_RTH                0x0007FFE0 /* [18:5], 32 B units */

/* ---- Security (datasheet 8.2.3.26): this SKU has no IPsec/LinkSec ---- */

#define I82599_SECTXCTRL                0x08800
#define I82599_SECTXSTAT                0x08804
#define I82599_SECTXSTAT_SECTX_RDY      BIT(0)
#define I82599_SECTXSTAT_SECTX_OFF_DIS  BIT(1)  /* offload disabled by fuse */
#define I82599_SECRXCTRL                0x08D00
#define I82599_SECRXCTRL_RX_DIS         BIT(1)
#define I82599_SECRXSTAT                0x08D04
#define I82599_SECRXSTAT_SECRX_RDY      BIT(0)
#define I82599_SECRXSTAT_SECRX_OFF_DIS  BIT(1)

/* ---- EEPROM, flash and semaphores (datasheet 8.2.3.2, 8.2.3.3) ---- */

/* EEPROM/Flash Control (8.2.3.2.1) */
#define I82599_EEC                      0x10010
#define I82599_EEC_PRES                 BIT(8)  /* EEPROM present */
#define I82599_EEC_ARD                  BIT(9)  /* auto read done */
#define I82599_EEC_ADDR_SIZE            BIT(10)
#define I82599_EEC_SIZE_MASK            0x00007800
#define I82599_EEC_SIZE_SHIFT           11      /* words = 1 << (SIZE + 6) */

/* EEPROM Read / Write (8.2.3.2.2, 8.2.3.2.3) */
#define I82599_EERD                     0x10014
#define I82599_EEWR                     0x10018
#define I82599_EERW_START               BIT(0)
#define I82599_EERW_DONE                BIT(1)
#define I82599_EERW_ADDR_MASK           0x0000FFFC /* word address [15:2] */
#define I82599_EERW_ADDR_SHIFT          2
#define I82599_EERW_DATA_SHIFT          16

/* Software Semaphore (8.2.3.3.x) */
#define I82599_SWSM                     0x10140
#define I82599_SWSM_SMBI                BIT(0)
#define I82599_SWSM_SWESMBI             BIT(1)

/* Firmware Semaphore */
#define I82599_FWSM                     0x10148
#define I82599_FWSM_MODE_MASK           0x0000000E
#define I82599_FWSM_FW_VAL              BIT(15) /* firmware valid */
#define I82599_FWSM_EXT_ERR_IND_MASK    0x01F80000

/* Function Active and Power State */
#define I82599_FACTPS                   0x10150
#define I82599_FACTPS_MNGCG             BIT(29)
#define I82599_FACTPS_LFS               BIT(30) /* LAN function select */

/* Software-Firmware Synchronization (ixgbe: GSSR / SW_FW_SYNC) */
#define I82599_SW_FW_SYNC               0x10160
/* software bits EEP PHY0 PHY1 MAC_CSR FLASH SW_MNG; firmware bits << 5 */
#define I82599_SW_FW_SYNC_SW_MASK       0x0000041F
#define I82599_SW_FW_SYNC_FW_MASK       0x000083E0

/* PCIe Control Extended (8.2.3.7.x) */
#define I82599_GCR_EXT                  0x11050
#define I82599_GCR_EXT_VT_MODE_MASK     0x00000003
#define I82599_GCR_EXT_BUFFERS_CLEAR    BIT(30)

/* Analog core control: written with the EEPROM's SFP init sequence */
#define I82599_CORECTL                  0x14F00

/* Host interface to the manageability firmware (8.2.3.27.x): no FW */
#define I82599_HICR                     0x15F00
#define I82599_HICR_EN                  BIT(0)
#define I82599_FWSTS                    0x15F0C

/* ---- Emulated EEPROM words (datasheet 6.x; ixgbe_type.h) ---- */

#define I82599_EE_CTRL_2                0x01
#define I82599_EE_PTR_FIRST             0x03    /* pointer sections 0x03-0x0E */
#define I82599_EE_PTR_LAST              0x0E
#define I82599_EE_FW_PTR                0x0F
#define I82599_EE_PBANUM0               0x15
#define I82599_EE_PBANUM1               0x16
#define I82599_EE_OROM_PTR              0x17
#define I82599_EE_OEM_PROD_VER_PTR      0x1B
#define I82599_EE_ETS_CFG               0x26
#define I82599_EE_ALT_SAN_MAC_PTR       0x27
#define I82599_EE_SAN_MAC_PTR           0x28
#define I82599_EE_SFP_INIT_LIST         0x2B
#define I82599_EE_DEVICE_CAPS           0x2C
#define I82599_EE_ETRACK_LO             0x2D
#define I82599_EE_ETRACK_HI             0x2E
#define I82599_EE_CHECKSUM              0x3F
#define I82599_EE_CHECKSUM_SUM          0xBABA

/*
 * Firmware block: +2 LESM parameters pointer, +4 pass-through patch
 * configuration pointer; in that block +7 is the patch version, which
 * ixgbe_verify_fw_version_82599 wants above 5
 */
#define I82599_EE_FW_LESM_PTR           0x2
#define I82599_EE_FW_PT_PATCH_PTR       0x4
#define I82599_EE_FW_PATCH_VERSION      0x7

#define I82599_EE_CAPS_NO_CROSSTALK_WR  BIT(7)

/* SFP+ module types as the init list names them (ixgbe_sfp_type) */
#define I82599_SFP_TYPE_DA_CU_CORE0     3
#define I82599_SFP_TYPE_DA_CU_CORE1     4
#define I82599_SFP_INIT_LIST_END        0xFFFF

/* ---- SFP+ module serial ID, I2C address 0xA0 (SFF-8472 table 4-1) ---- */

#define I82599_SFP_I2C_ADDR_ID          0xA0
#define I82599_SFP_I2C_ADDR_DIAG        0xA2
#define I82599_SFF_IDENTIFIER           0
#define I82599_SFF_IDENTIFIER_SFP       0x03
#define I82599_SFF_EXT_IDENTIFIER       1
#define I82599_SFF_CONNECTOR            2
#define I82599_SFF_CONNECTOR_COPPER     0x21    /* copper pigtail */
#define I82599_SFF_CONNECTOR_LC         0x07
#define I82599_SFF_10GBE_COMP_CODES     3
#define I82599_SFF_10GBASE_SR           BIT(4)
#define I82599_SFF_10GBASE_LR           BIT(5)
#define I82599_SFF_1GBE_COMP_CODES      6
#define I82599_SFF_CABLE_TECHNOLOGY     8
#define I82599_SFF_FC_SPEED             10      /* Fibre Channel speeds */
#define I82599_SFF_DA_PASSIVE_CABLE     BIT(2)
#define I82599_SFF_BITRATE_NOMINAL      12      /* 100 Mb/s units */
#define I82599_SFF_LENGTH_SMF_KM        14
#define I82599_SFF_LENGTH_SMF           15      /* 100 m units */
#define I82599_SFF_LENGTH_OM2           16      /* 10 m units */
#define I82599_SFF_LENGTH_OM1           17      /* 10 m units */
#define I82599_SFF_LENGTH_COPPER        18      /* m */
#define I82599_SFF_VENDOR_NAME          20
#define I82599_SFF_VENDOR_OUI           37
#define I82599_SFF_VENDOR_PN            40
/* DA: cable compliance; optics: the wavelength in nm, bytes 60-61 */
#define I82599_SFF_CABLE_SPEC_COMP      60
#define I82599_SFF_VENDOR_REV           56
#define I82599_SFF_CC_BASE              63
#define I82599_SFF_VENDOR_SN            68
#define I82599_SFF_DATE_CODE            84
#define I82599_SFF_CC_EXT               95

/* ---- virtualization (i82599_vt.c; datasheet 8.2.3.27, 7.10) ---- */


/* PF mailbox, one per VF (8.2.3.27.x) */
#define I82599_PFMAILBOX(v)             (0x04B00 + 4 * (v))
#define I82599_PFMAILBOX_STS            BIT(0)  /* message to the VF */
#define I82599_PFMAILBOX_ACK            BIT(1)  /* the VF's message read */
#define I82599_PFMAILBOX_VFU            BIT(2)  /* the VF holds the buffer */
#define I82599_PFMAILBOX_PFU            BIT(3)  /* the PF holds the buffer */
#define I82599_PFMAILBOX_RVFU           BIT(4)  /* take the VF's buffer */
#define I82599_PFMBMEM(v)               (0x13000 + 64 * (v))
#define I82599_MBX_WORDS                16
/* Mailbox interrupt cause: VFREQ [15:0], VFACK [31:16], 16 VFs a register */
#define I82599_PFMBICR(i)               (0x00710 + 4 * (i)) /* MBVFICR */
#define I82599_PFMBIMR(i)               (0x00720 + 4 * (i))
/* VF function level reset events, 32 VFs a register; cleared by PFVFLREC */
#define I82599_PFVFLRE0                 0x00600
#define I82599_PFVFLRE1                 0x001C0
#define I82599_PFVFLREC(i)              (0x00700 + 4 * (i))

/* Pool control (8.2.3.27.1) */
#define I82599_PFVTCTL                  0x051B0 /* ixgbe: VT_CTL */
#define I82599_PFVTCTL_VT_EN            BIT(0)
#define I82599_PFVTCTL_DEF_PL_MASK      0x00001F80
#define I82599_PFVTCTL_DEF_PL_SHIFT     7
#define I82599_PFVTCTL_DIS_DEF_PL       BIT(29)
#define I82599_PFVTCTL_RPL_EN           BIT(30) /* replicate bcast/mcast */
#define I82599_PFVFRE(i)                (0x051E0 + 4 * (i))  /* rx enable */
#define I82599_PFVFTE(i)                (0x08110 + 4 * (i))  /* tx enable */
#define I82599_PFVMTXSW(i)              (0x05180 + 4 * (i))  /* loop to self */
#define I82599_PFDTXGSWC                0x08220
#define I82599_PFDTXGSWC_LBE            BIT(0)  /* VEB: switch inside */
/* Anti-spoofing, 8 pools a register: MAC [7:0], VLAN [15:8] */
#define I82599_PFVFSPOOF(i)             (0x08200 + 4 * (i))
#define I82599_PFVMVIR(p)               (0x08000 + 4 * (p))  /* ixgbe: VMVIR */
#define I82599_PFVMVIR_TAG_MASK         0x0000FFFF
#define I82599_PFVMVIR_VLANA_MASK       0xC0000000
#define I82599_PFVMVIR_VLANA_DEFAULT    0x40000000 /* always insert */
#define I82599_PFVMVIR_VLANA_NEVER      0x80000000
/* Per-pool receive policy (8.2.3.27.14; ixgbe: VMOLR) */
#define I82599_PFVML2FLT(p)             (0x0F000 + 4 * (p))
#define I82599_PFVML2FLT_AUPE           BIT(24) /* accept untagged */
#define I82599_PFVML2FLT_ROMPE          BIT(25) /* multicast table hits */
#define I82599_PFVML2FLT_ROPE           BIT(26) /* unicast table hits */
#define I82599_PFVML2FLT_BAM            BIT(27) /* broadcast */
#define I82599_PFVML2FLT_MPE            BIT(28) /* all multicast */
/* VLAN pool filters (8.2.3.27.15/16): 64 VIDs, two pool words each */
#define I82599_PFVLVF(s)                (0x0F100 + 4 * (s))
#define I82599_PFVLVF_VLANID_MASK       0x00000FFF
#define I82599_PFVLVF_VI_EN             BIT(31)
#define I82599_PFVLVFB(i)               (0x0F200 + 4 * (i))
#define I82599_VLVF_ENTRIES             64
#define I82599_PFUTA(i)                 (0x0F400 + 4 * (i))  /* ixgbe: UTA */
/* Pool select for receive address r: pools 0-31, 32-63 */
#define I82599_MPSAR_LO(r)              (0x0A600 + 8 * (r))
#define I82599_MPSAR_HI(r)              (0x0A604 + 8 * (r))
/*
 * Packet split receive type, one per pool; [31:29] RQPL is the number
 * of RSS queues in the pool (0 one, 1 two, 2 four)
 */
#define I82599_PSRTYPE(p)               (0x0EA00 + 4 * (p))
#define I82599_PSRTYPE_ALIAS(p)         (0x05480 + 4 * (p))  /* p = 0..15 */
#define I82599_PSRTYPE_RQPL_SHIFT       29
/* Queue drop enable, written indirectly a queue at a time (8.2.3.27.9) */
#define I82599_PFQDE                    0x02F04
#define I82599_PFQDE_QDE                BIT(0)
#define I82599_PFQDE_IDX_SHIFT          8
#define I82599_PFQDE_IDX_MASK           0x00007F00
#define I82599_PFQDE_WE                 BIT(16)
/* Per-VF statistics in the PF's space (not clear on read) */
#define I82599_PVFGPRC(v)               (0x0101C + 0x40 * (v))
#define I82599_PVFGORC_LSB(v)           (0x01020 + 0x40 * (v))
#define I82599_PVFGORC_MSB(v)           (0x0D020 + 0x40 * (v))
#define I82599_PVFMPRC(v)               (0x0D01C + 0x40 * (v))
#define I82599_PVFGPTC(v)               (0x08300 + 4 * (v))
#define I82599_PVFGOTC_LSB(v)           (0x08400 + 8 * (v))
#define I82599_PVFGOTC_MSB(v)           (0x08404 + 8 * (v))

/* ---- the VF's register window, VF BAR0 (datasheet 8.3) ---- */
#define I82599_VFCTRL                   0x00000
#define I82599_VFCTRL_RST               BIT(26)
#define I82599_VFSTATUS                 0x00008
#define I82599_VFLINKS                  0x00010
#define I82599_VFFRTIMER                0x00048
#define I82599_VTEICR                   0x00100
#define I82599_VTEICS                   0x00104
#define I82599_VTEIMS                   0x00108
#define I82599_VTEIMC                   0x0010C
#define I82599_VTEIAC                   0x00110
#define I82599_VTEIAM                   0x00114
#define I82599_VTEITR(v)                (0x00820 + 4 * (v))
#define I82599_VTIVAR(i)                (0x00120 + 4 * (i))  /* i = 0..3 */
#define I82599_VTIVAR_MISC              0x00140
#define I82599_VFMBMEM                  0x00200
#define I82599_VFMAILBOX                0x002FC
#define I82599_VFMAILBOX_REQ            BIT(0)
#define I82599_VFMAILBOX_ACK            BIT(1)
#define I82599_VFMAILBOX_VFU            BIT(2)
#define I82599_VFMAILBOX_PFU            BIT(3)
#define I82599_VFMAILBOX_PFSTS          BIT(4)
#define I82599_VFMAILBOX_PFACK          BIT(5)
#define I82599_VFMAILBOX_RSTI           BIT(6)
#define I82599_VFMAILBOX_RSTD           BIT(7)
#define I82599_VFMAILBOX_R2C            0x000000B0
#define I82599_VFPSRTYPE                0x00300
#define I82599_VFRXQ_BASE               0x01000 /* + 0x40 i, PF layout */
#define I82599_VFTXQ_BASE               0x02000
#define I82599_VF_MAX_QUEUES            8
#define I82599_VFGPRC                   0x0101C
#define I82599_VFGORC_LSB               0x01020
#define I82599_VFGORC_MSB               0x01024
#define I82599_VFMPRC                   0x01034
#define I82599_VFGPTC                   0x0201C
#define I82599_VFGOTC_LSB               0x02020
#define I82599_VFGOTC_MSB               0x02024

/* ---- datapath registers (i82599_dp.c) ---- */

/*
 * Receive queues (datasheet 8.2.3.8): 0-63 in a 0x40 block each from
 * 0x1000, 64-127 from 0xD000.  SRRCTL and DCA_RXCTRL of queues 0-15 also
 * answer at 82598-compatible aliases, which ixgbe uses.
 */
#define I82599_RXQ_BASE_LO              0x01000
#define I82599_RXQ_BASE_HI              0x0D000
#define I82599_QUEUE_STRIDE             0x40
#define I82599_RXQ(q, off)              ((q) < 64 ? \
    I82599_RXQ_BASE_LO + I82599_QUEUE_STRIDE * (q) + (off) : \
    I82599_RXQ_BASE_HI + I82599_QUEUE_STRIDE * ((q) - 64) + (off))
#define I82599_RDBAL                    0x00
#define I82599_RDBAH                    0x04
#define I82599_RDLEN                    0x08
#define I82599_DCA_RXCTRL               0x0C
#define I82599_RDH                      0x10
#define I82599_SRRCTL                   0x14
#define I82599_RDT                      0x18
#define I82599_RXDCTL                   0x28
#define I82599_RSCCTL                   0x2C
#define I82599_SRRCTL_ALIAS(q)          (0x02100 + 4 * (q))  /* q = 0..15 */
#define I82599_DCA_RXCTRL_ALIAS(q)      (0x02200 + 4 * (q))
#define I82599_SRRCTL_BSIZEPKT_MASK     0x0000001F /* 1 KB units */
#define I82599_SRRCTL_DROP_EN           BIT(28)
#define I82599_RXDCTL_ENABLE            BIT(25)
#define I82599_RXDCTL_VME               BIT(30) /* strip VLAN tags */

/* Transmit queues (datasheet 8.2.3.9): 0x40 block each from 0x6000 */
#define I82599_TXQ_BASE                 0x06000
#define I82599_TXQ(q, off)              (I82599_TXQ_BASE + \
                                         I82599_QUEUE_STRIDE * (q) + (off))
#define I82599_TDBAL                    0x00
#define I82599_TDBAH                    0x04
#define I82599_TDLEN                    0x08
#define I82599_DCA_TXCTRL               0x0C
#define I82599_TDH                      0x10
#define I82599_TDT                      0x18
#define I82599_TXDCTL                   0x28
#define I82599_TDWBAL                   0x38
#define I82599_TDWBAH                   0x3C
#define I82599_TXDCTL_ENABLE            BIT(25)
#define I82599_TXDCTL_SWFLSH            BIT(26)
#define I82599_TDWBAL_HEAD_WB_EN        BIT(0)

/* Receive control (8.2.3.8.x) */
#define I82599_RDRXCTL                  0x02F00
#define I82599_RDRXCTL_DMAIDONE         BIT(3)
#define I82599_RXCTRL                   0x03000
#define I82599_RXCTRL_RXEN              BIT(0)
#define I82599_RXCSUM                   0x05000
#define I82599_RFCTL                    0x05008
/* Filter control (8.2.3.7.1) */
#define I82599_FCTRL                    0x05080
#define I82599_FCTRL_SBP                BIT(1)  /* store bad packets */
#define I82599_FCTRL_MPE                BIT(8)  /* multicast promiscuous */
#define I82599_FCTRL_UPE                BIT(9)  /* unicast promiscuous */
#define I82599_FCTRL_BAM                BIT(10) /* accept broadcast */
#define I82599_VLNCTRL                  0x05088
#define I82599_VLNCTRL_VET_MASK         0x0000FFFF
#define I82599_VLNCTRL_VFE              BIT(30) /* VLAN filter enable */
#define I82599_MCSTCTRL                 0x05090
#define I82599_MCSTCTRL_MO_MASK         0x00000003
#define I82599_MCSTCTRL_MFE             BIT(2)
#define I82599_MTA(n)                   (0x05200 + 4 * (n))  /* n = 0..127 */
/*
 * Receive addresses (8.2.3.7.7/8): 128 at 0xA200; 0-15 also at 0x5400,
 * where ixgbe addresses them
 */
#define I82599_RAL(n)                   (0x0A200 + 8 * (n))
#define I82599_RAH(n)                   (0x0A204 + 8 * (n))
#define I82599_RAR_ALIAS_BASE           0x05400
#define I82599_RAR_ALIAS_END            0x05480
#define I82599_RAR_ENTRIES              128
#define I82599_RAH_AV                   BIT(31)
#define I82599_VFTA(n)                  (0x0A000 + 4 * (n))  /* n = 0..127 */
/* Multiple receive queues command (8.2.3.7.12) */
#define I82599_MRQC                     0x05818
#define I82599_MRQC_MRQE_MASK           0x0000000F
#define I82599_MRQC_MRQE_RSS            0x1
#define I82599_MRQC_TCPIPV4             BIT(16)
#define I82599_MRQC_IPV4                BIT(17)
#define I82599_MRQC_IPV6                BIT(20)
#define I82599_MRQC_TCPIPV6             BIT(21)
#define I82599_MRQC_UDPIPV4             BIT(22)
#define I82599_MRQC_UDPIPV6             BIT(23)
#define I82599_RETA(n)                  (0x05C00 + 4 * (n))  /* n = 0..31 */
#define I82599_RETA_ENTRIES             128
#define I82599_RSSRK(n)                 (0x05C80 + 4 * (n))  /* n = 0..9 */
#define I82599_RSS_KEY_SIZE             40
/* Queue statistics mapping (8.2.3.8.x, 8.2.3.9.x): 4 queues a register */
#define I82599_RQSMR(n)                 (0x02300 + 4 * (n))  /* n = 0..31 */
#define I82599_TQSM(n)                  (0x08600 + 4 * (n))
#define I82599_QSM_INDEX_MASK           0x0F

/* MAC (8.2.3.22) */
#define I82599_HLREG0                   0x04240
#define I82599_HLREG0_TXCRCEN           BIT(0)
#define I82599_HLREG0_RXCRCSTRP         BIT(1)
#define I82599_HLREG0_JUMBOEN           BIT(2)
#define I82599_HLREG0_TXPADEN           BIT(10)
#define I82599_HLREG0_LPBK              BIT(15)
#define I82599_MAXFRS                   0x04268 /* ixgbe: MHADD */
#define I82599_MAXFRS_MFS_SHIFT         16

/* Transmit control (8.2.3.9.x) */
#define I82599_DMATXCTL                 0x04A80
#define I82599_DMATXCTL_TE              BIT(0)
#define I82599_DMATXCTL_VT_SHIFT        16      /* VLAN ether type */

/*
 * Transmit rate limiters, one per queue (8.2.3.10.13, 8.2.3.10.16):
 * RTTDQSEL picks the queue RTTBCNRC reads and writes; the rate factor
 * is link speed / queue rate in 10.14 fixed point
 */
#define I82599_RTTDQSEL                 0x04904
#define I82599_RTTDQSEL_MASK            0x0000007F
#define I82599_RTTBCNRC                 0x04984
#define I82599_RTTBCNRC_RF_MASK         0x00FFFFFF /* RF_INT.RF_DEC */
#define I82599_RTTBCNRC_RF_FRAC_BITS    14
#define I82599_RTTBCNRC_RS_ENA          BIT(31)
#define I82599_LINK_MBPS                10000

/*
 * Transmit descriptor arbiter (8.2.3.10.2, 8.2.3.10.14).  RTTDCS.VMPAC
 * picks weighted round robin between pools; each pool's weight is the
 * credit refill quantum of its RTTDT1C entry, which RTTDQSEL selects by
 * pool number while DCB is off (X550 datasheet 8.2.2.11.4; the 82599's
 * text is unconfirmed).  128 entries, in 64-byte units.
 */
#define I82599_RTTDCS                   0x04900
#define I82599_RTTDCS_VMPAC             BIT(1)
#define I82599_RTTDCS_ARBDIS            BIT(6)
#define I82599_RTTDT1C                  0x04908
#define I82599_RTTDT1C_CRQ_MASK         0x00003FFF

/* Flow Director: init and command handshakes only (8.2.3.21) */
#define I82599_FDIRCTRL                 0x0EE00
#define I82599_FDIRCTRL_INIT_DONE       BIT(3)
#define I82599_FDIRCMD                  0x0EE2C
#define I82599_FDIRCMD_CMD_MASK         0x00000003

/* Statistics (8.2.3.23), clear on read unless said otherwise */
#define I82599_CRCERRS                  0x04000
#define I82599_ILLERRC                  0x04004
#define I82599_ERRBC                    0x04008
#define I82599_MSPDC                    0x04010
#define I82599_MPC(n)                   (0x03FA0 + 4 * (n))  /* n = 0..7 */
#define I82599_MLFC                     0x04034
#define I82599_MRFC                     0x04038
#define I82599_RLEC                     0x04040
#define I82599_LXONTXC                  0x03F60
#define I82599_LXOFFTXC                 0x03F68
#define I82599_PXONTXC(n)               (0x03F00 + 4 * (n))
#define I82599_PXOFFTXC(n)              (0x03F20 + 4 * (n))
#define I82599_LXONRXCNT                0x041A4
#define I82599_LXOFFRXCNT               0x041A8
#define I82599_PXONRXCNT(n)             (0x04140 + 4 * (n))
#define I82599_PXOFFRXCNT(n)            (0x04160 + 4 * (n))
#define I82599_PXON2OFFCNT(n)           (0x03240 + 4 * (n))
#define I82599_PRC64                    0x0405C /* 64..1522: 6 counters */
#define I82599_GPRC                     0x04074
#define I82599_BPRC                     0x04078
#define I82599_MPRC                     0x0407C
#define I82599_GPTC                     0x04080
#define I82599_GORCL                    0x04088
#define I82599_GORCH                    0x0408C
#define I82599_GOTCL                    0x04090
#define I82599_GOTCH                    0x04094
#define I82599_RUC                      0x040A4
#define I82599_RFC                      0x040A8
#define I82599_ROC                      0x040AC
#define I82599_RJC                      0x040B0
#define I82599_MNGPRC                   0x040B4
#define I82599_MNGPDC                   0x040B8
#define I82599_TORL                     0x040C0
#define I82599_TORH                     0x040C4
#define I82599_TPR                      0x040D0
#define I82599_TPT                      0x040D4
#define I82599_PTC64                    0x040D8 /* 64..1522: 6 counters */
#define I82599_MPTC                     0x040F0
#define I82599_BPTC                     0x040F4
#define I82599_MNGPTC                   0x0CF90
#define I82599_SSVPC                    0x08780
#define I82599_TXDGPC                   0x087A0
#define I82599_FDIRMATCH                0x0EE58
#define I82599_FDIRMISS                 0x0EE5C
/* per statistics index n = 0..15, chosen by RQSMR/TQSM */
#define I82599_QPRC(n)                  (0x01030 + 0x40 * (n))
#define I82599_QBRC_L(n)                (0x01034 + 0x40 * (n))
#define I82599_QBRC_H(n)                (0x01038 + 0x40 * (n))
#define I82599_QPRDC(n)                 (0x01430 + 0x40 * (n))
#define I82599_QPTC(n)                  (0x06030 + 0x40 * (n))
#define I82599_QBTC_L(n)                (0x08700 + 8 * (n))
#define I82599_QBTC_H(n)                (0x08704 + 8 * (n))
#define I82599_QSTAT_COUNT              16

/*
 * Advanced receive descriptor (datasheet 7.1.6): the driver writes the
 * read format (packet buffer address, header buffer address); the device
 * writes back four dwords over it
 */
#define I82599_RXD_LO_RSSTYPE_MASK      0x0000000F
#define I82599_RXD_LO_PKT_IPV4          BIT(4)
#define I82599_RXD_LO_PKT_IPV6          BIT(6)
#define I82599_RXD_LO_PKT_TCP           BIT(8)
#define I82599_RXD_LO_PKT_UDP           BIT(9)
#define I82599_RXD_LO_PKT_SCTP          BIT(10)
enum {
    I82599_RSSTYPE_NONE = 0,
    I82599_RSSTYPE_TCPV4 = 1,
    I82599_RSSTYPE_IPV4 = 2,
    I82599_RSSTYPE_TCPV6 = 3,
    I82599_RSSTYPE_IPV6 = 5,
    I82599_RSSTYPE_UDPV4 = 7,
    I82599_RSSTYPE_UDPV6 = 8,
};
#define I82599_RXD_STAT_DD              BIT(0)
#define I82599_RXD_STAT_EOP             BIT(1)
#define I82599_RXD_STAT_VP              BIT(3)  /* VLAN tag stripped */
#define I82599_RXD_STAT_L4CS            BIT(5)
#define I82599_RXD_STAT_IPCS            BIT(6)
#define I82599_RXD_ERR_TCPE             BIT(30) /* L4 checksum error */
#define I82599_RXD_ERR_IPE              BIT(31)

/*
 * Advanced transmit descriptors (datasheet 7.2.3.2): a context
 * descriptor carries the offload parameters, data descriptors point at
 * the frame's pieces
 */
#define I82599_TXD_DTALEN_MASK          0x0000FFFF
#define I82599_TXD_DTYP_MASK            0x00F00000
#define I82599_TXD_DTYP_CTXT            0x00200000
#define I82599_TXD_DTYP_DATA            0x00300000
#define I82599_TXD_CMD_EOP              BIT(24)
#define I82599_TXD_CMD_IFCS             BIT(25)
#define I82599_TXD_CMD_RS               BIT(27)
#define I82599_TXD_CMD_DEXT             BIT(29)
#define I82599_TXD_CMD_VLE              BIT(30)
#define I82599_TXD_CMD_TSE              BIT(31)
#define I82599_TXD_STAT_DD              BIT(0)
#define I82599_TXD_IDX_SHIFT            4       /* context index, 0 or 1 */
#define I82599_TXD_POPTS_IXSM           BIT(8)
#define I82599_TXD_POPTS_TXSM           BIT(9)
/* context descriptor fields */
#define I82599_TXC_IPLEN_MASK           0x000001FF
#define I82599_TXC_MACLEN_SHIFT         9
#define I82599_TXC_MACLEN_MASK          0x0000FE00
#define I82599_TXC_VLAN_SHIFT           16
#define I82599_TXC_TUCMD_IPV4           BIT(10)
#define I82599_TXC_TUCMD_L4T_MASK       0x00001800
#define I82599_TXC_TUCMD_L4T_UDP        0x00000000
#define I82599_TXC_TUCMD_L4T_TCP        0x00000800
#define I82599_TXC_TUCMD_L4T_SCTP       0x00001000
#define I82599_TXC_L4LEN_SHIFT          8
#define I82599_TXC_L4LEN_MASK           0x0000FF00
#define I82599_TXC_MSS_SHIFT            16

#endif
