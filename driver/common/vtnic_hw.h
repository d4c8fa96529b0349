/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Register access shared by the vtnic PF and VF drivers.
 */
#ifndef _VTNIC_HW_H_
#define _VTNIC_HW_H_

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/io.h>
#include <linux/types.h>

struct device;
struct net_device;
struct pci_dev;

/*
 * Device Status: the same offset on every VT-c function, PF or VF (82576
 * datasheet 8.2.2, 8.14.2; 82599 datasheet 8.2.3.1.2, 8.3.5.1.2), and
 * never all ones on a live device: the accessor checks it.
 */
#define VTNIC_HW_STATUS		0x00008

/*
 * EEPROM Read: the same fields on every VT-c PF (82576 datasheet 8.4.2,
 * 82599 8.2.3.2.2), at each MAC's own offset
 */
#define VTNIC_HW_EERD_START	BIT(0)
#define VTNIC_HW_EERD_DONE	BIT(1)
#define VTNIC_HW_EERD_ADDR	GENMASK(15, 2)
#define VTNIC_HW_EERD_DATA	GENMASK(31, 16)

/* The VT-c MAC types both drivers know. */
enum vtnic_mac_type {
	VTNIC_MAC_82576,
	VTNIC_MAC_82599,
};

/**
 * struct vtnic_hw - a function's register window
 * @hw_addr: BAR0; NULL once the device was found gone, after which no
 *	     access reaches the bus
 * @dev: for log messages
 * @netdev: detached (netif_device_detach()) when the device is found
 *	    gone; NULL until the driver has one
 */
struct vtnic_hw {
	u8 __iomem *hw_addr;
	struct device *dev;
	struct net_device *netdev;
};

/**
 * struct vtnic_vf_stats_regs - where one VF's counters are read
 * @reg: byte offsets of the free-running 32-bit counters, in the order
 *	 of struct vtnic_vf_stats: packets and octets received, packets
 *	 and octets sent, multicast received
 */
struct vtnic_vf_stats_regs {
	u32 reg[5];
};

/**
 * struct vtnic_vf_stats - a VF's counters, accumulated in 64 bits
 * @rx_packets: good frames the pool received
 * @rx_bytes: their octets (FCS included, as the device counts)
 * @tx_packets: good frames the pool sent
 * @tx_bytes: their octets
 * @multicast: multicast frames received
 * @last: the free-running 32-bit registers at the last read, same order
 *
 * The PF reads them in its window, the VF in its own; each says where
 * with a struct vtnic_vf_stats_regs.
 */
struct vtnic_vf_stats {
	u64 rx_packets, rx_bytes, tx_packets, tx_bytes, multicast;
	u32 last[5];
};

/*
 * A receive address register pair as every VT-c MAC lays it out: RAL
 * holds bytes 0-3, RAH bytes 4-5 in its low half
 */
static inline u32 vtnic_hw_ral(const u8 *addr)
{
	return addr[0] | addr[1] << 8 | addr[2] << 16 | (u32)addr[3] << 24;
}

static inline u32 vtnic_hw_rah(const u8 *addr)
{
	return addr[4] | addr[5] << 8;
}

static inline void vtnic_hw_rar_addr(u32 ral, u32 rah, u8 *addr)
{
	addr[0] = ral;
	addr[1] = ral >> 8;
	addr[2] = ral >> 16;
	addr[3] = ral >> 24;
	addr[4] = rah;
	addr[5] = rah >> 8;
}

u32 vtnic_hw_rd32(struct vtnic_hw *hw, u32 reg);
void vtnic_vf_stats_fold(struct vtnic_hw *hw,
			 const struct vtnic_vf_stats_regs *regs,
			 struct vtnic_vf_stats *s, bool restart);
int vtnic_hw_pci_map(struct vtnic_hw *hw, struct pci_dev *pdev,
		     const char *name, u32 *status);

static inline void vtnic_hw_wr32(struct vtnic_hw *hw, u32 reg, u32 val)
{
	u8 __iomem *hw_addr = READ_ONCE(hw->hw_addr);

	if (hw_addr)
		writel(val, hw_addr + reg);
}

static inline bool vtnic_hw_present(const struct vtnic_hw *hw)
{
	return !!READ_ONCE(hw->hw_addr);
}

/*
 * One bit of a 4096-bit table (VLAN filter, multicast or unicast hash)
 * that starts at @table: bit n is bit n % 32 of register n / 32
 */
static inline void vtnic_hw_table_bit(struct vtnic_hw *hw, u32 table,
				      unsigned int n, bool on)
{
	u32 reg = table + 4 * (n >> 5);
	u32 val = vtnic_hw_rd32(hw, reg);

	val = on ? val | BIT(n & 31) : val & ~BIT(n & 31);
	vtnic_hw_wr32(hw, reg, val);
}

#endif /* _VTNIC_HW_H_ */
