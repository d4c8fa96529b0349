/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vtnicvf: VF driver for Intel VT-c SR-IOV Ethernet controllers.
 *
 * Lock order: rtnl_lock, then vtnicvf.mbx_lock, then vtnicvf.stats_lock.
 * Configuration (open, stop, ndo_*, ethtool) runs under rtnl; the
 * datapath runs in NAPI and takes no lock.  Every mailbox exchange
 * sleeps, so it happens in process context under mbx_lock: rx_mode
 * (atomic) only records the multicast list for the service task.
 */
#ifndef _VTNICVF_H_
#define _VTNICVF_H_

#include <linux/if_vlan.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/workqueue.h>

#include "vtnic_compat.h"
#include "vtnic_desc.h"
#include "vtnic_hw.h"
#include "vtnic_mbx_vf.h"
#include "vtnic_ring.h"

#define VTNICVF_DRV_NAME	"vtnicvf"

/*
 * Both VFs have three MSI-X vectors, and the mailbox has vector 2.  The
 * 82576's VF drives one queue pair, on vector 1 (igbvf's layout; vector
 * 0, igbvf's transmit vector, stays idle): QEMU's igb ORs a VF's IVAR
 * entry into the PF's entry for the same queue, which the PF driver left
 * at vector 1 (igb and vtnic keep vector 0 for their "other" causes), so
 * vector 1 is the layout that survives it; Documentation/vtnicvf.rst has
 * the details.  The 82599's VF drives up to two pairs, pair n on vector
 * n, with RSS between them (ixgbevf's layout); the PF says how many
 * queues the pool has.
 */
#define VTNICVF_VEC_MBX		2
#define VTNICVF_NUM_VECTORS	3
#define VTNICVF_MAX_PAIRS	2

/* Largest MTU the PFs accept (SET_LPE up to 9216 + headers) */
#define VTNICVF_MAX_MTU		9216

#define VTNICVF_ITR_DEFAULT_US	50

/* The service task: link, PF messages, statistics, resets */
#define VTNICVF_SERVICE_PERIOD	HZ

/*
 * Extra unicast addresses (macvlans, secondary addresses) the VF asks the
 * PF to filter for it; the PF's quota is usually smaller
 */
#define VTNICVF_MAX_UC		16

/* Probe waits this often for a PF that is still resetting */
#define VTNICVF_PROBE_TRIES	3

struct vtnicvf;

/**
 * struct vtnicvf_link - the port's link as the VF sees it
 * @up: the PF's port has link
 * @speed: SPEED_*
 * @duplex: DUPLEX_*
 */
struct vtnicvf_link {
	bool up;
	u32 speed;
	u8 duplex;
};

/**
 * struct vtnicvf_regs - where a VF's registers are
 * @eims: interrupt mask set, one bit per MSI-X vector
 * @eimc: interrupt mask clear
 * @eiac: auto-clear of a cause when its vector fires
 * @eiam: auto-mask likewise
 * @eitr0: moderation of vector 0; vector v's is 4 v bytes on
 * @ivar0: vectors of queue pairs 0 and 1: bytes 0 and 2 receive, 1 and
 *	   3 transmit
 * @ivar_misc: vector of the mailbox, byte 0
 * @ivar_valid: the valid bit of an IVAR byte
 * @rdbal: receive queue 0's register block
 * @srrctl: receive queue 0's buffer sizes and descriptor type
 * @rxdctl: receive queue 0's control
 * @tdbal: transmit queue 0's register block
 * @txdctl: transmit queue 0's control
 * @xdctl_enable: the enable bit of @rxdctl and @txdctl
 * @queue_stride: from one queue's register block to the next
 * @psrtype: the pool's receive queue layout, where the VF sets it
 *	     (82599 VFPSRTYPE); 0 when the PF owns it
 */
struct vtnicvf_regs {
	u32 eims;
	u32 eimc;
	u32 eiac;
	u32 eiam;
	u32 eitr0;
	u32 ivar0;
	u32 ivar_misc;
	u32 ivar_valid;
	u32 rdbal;
	u32 srrctl;
	u32 rxdctl;
	u32 tdbal;
	u32 txdctl;
	u32 xdctl_enable;
	u32 queue_stride;
	u32 psrtype;
};

/**
 * struct vtnicvf_mac_info - what differs between the supported VF types
 * @type: MAC type
 * @name: controller name for log messages
 * @mbx: where its mailbox registers are, and the dialect its PFs speak
 * @rxd_err: where its receive write-back reports errors
 * @regs: where its interrupt and queue registers are
 * @stats: where its counters are
 * @itr_max_us: longest moderation interval its EITR holds
 * @poll_enable: a queue's enable bit must read back set before its tail
 *		 is written (82599 datasheet 4.6.7)
 * @eitr: the EITR value for an interval in microseconds
 * @srrctl: SRRCTL for one VTNIC_RX_BUFSZ buffer per advanced descriptor
 * @rxdctl: RXDCTL that enables receive queue 0 (the 82599 strips VLAN
 *	    tags here; the 82576's PF strips them for the pool)
 * @txdctl: TXDCTL that enables transmit queue 0
 * @link: read the port's link
 * @max_frame: the frame size SET_LPE asks for an MTU, as its PFs count it
 * @max_pairs: queue pairs it can drive (one MSI-X vector each)
 * @queue_vec: the MSI-X vector of each pair
 * @psrtype_pairs: the receive queue layout field of @regs->psrtype for
 *		   a number of pairs (RSS over them)
 */
struct vtnicvf_mac_info {
	enum vtnic_mac_type type;
	const char *name;
	const struct vtnic_mbx_vf_regs *mbx;
	struct vtnic_rxd_errors rxd_err;
	const struct vtnicvf_regs *regs;
	const struct vtnic_vf_stats_regs *stats;
	u32 itr_max_us;
	bool poll_enable;
	u32 (*eitr)(u32 usecs);
	u32 (*srrctl)(void);
	u32 (*rxdctl)(void);
	u32 (*txdctl)(void);
	void (*link)(struct vtnicvf *vf, struct vtnicvf_link *link);
	u32 (*max_frame)(unsigned int mtu);
	unsigned int max_pairs;
	u8 queue_vec[VTNICVF_MAX_PAIRS];
	u32 (*psrtype_pairs)(unsigned int pairs);
};

/**
 * struct vtnicvf_qv - one queue pair and its MSI-X vector
 * @vf: the VF
 * @napi: its NAPI context
 * @tx: transmit ring
 * @rx: receive ring
 * @vector: its MSI-X vector
 * @name: its IRQ's name
 */
struct vtnicvf_qv {
	struct vtnicvf *vf;
	struct napi_struct napi;
	struct vtnic_ring tx;
	struct vtnic_ring rx;
	unsigned int vector;
	char name[IFNAMSIZ + 16];
};

extern const struct vtnicvf_mac_info vtnicvf_82576_info;
extern const struct vtnicvf_mac_info vtnicvf_82599_info;

enum vtnicvf_state {
	VTNICVF_STATE_UP,	/* rings and the queue vectors live */
	VTNICVF_STATE_SERVICE_OFF,	/* probe unfinished or remove begun: no service */
	VTNICVF_STATE_RESET,	/* the PF must see a VF reset */
	VTNICVF_STATE_MC_SYNC,	/* the address lists changed */
};

/**
 * struct vtnicvf - one VF
 * @hw: register window
 * @pdev: the PCI function
 * @mac: MAC-type description, from the PCI ID table
 * @netdev: its netdev
 * @state: enum vtnicvf_state bits
 * @qv: the queue pairs
 * @num_pairs: the pairs in use while up
 * @req_pairs: the pairs ethtool -L asked for, 0 for as many as can be
 * @tx_ring_count: descriptors per TX ring (ethtool -G)
 * @rx_ring_count: descriptors per RX ring
 * @itr_us: interrupt moderation interval, microseconds (ethtool -C)
 * @mbx_lock: serialises mailbox exchanges and protects @mbx, @pf_ready,
 *	      @mc_filter_type, @link_enabled, @queues and @mc_promisc
 * @mbx: the mailbox
 * @pf_ready: the PF answered our RESET: we are known to it
 * @mac_from_pf: the address came from the PF (admin-set or assigned)
 * @mc_filter_type: which address bits the PF hashes multicast with
 * @link_enabled: the host administrator lets the VF have link
 * @queues: the queues the PF gives the VF
 * @mc_promisc: the PF gave us all multicast
 * @mc_lock: protects @mc_bits, @mc_count, @mc_all, @uc and @uc_count,
 *	     written by rx_mode under the address list lock
 * @mc_bits: bits 47:32 of each multicast address to program, which
 *	     the PF's filter type hashes
 * @mc_count: how many the list had (may exceed what fits)
 * @mc_all: IFF_ALLMULTI, or more addresses than fit
 * @uc: the extra unicast addresses to program
 * @uc_count: how many the list had (may exceed what fits)
 * @uc_synced: how many the PF has of them (under mbx_lock): 0 after a
 *	       reset, when it forgot them
 * @active_vlans: VLAN IDs the stack asked for, restored after a reset
 * @link_up: carrier as last set
 * @service: the service task
 * @stats_lock: protects @hw_stats
 * @hw_stats: the VF's device counters, folded into 64 bits
 * @msg_enable: netif_msg bits (ethtool msglvl)
 */
struct vtnicvf {
	struct vtnic_hw hw;
	struct pci_dev *pdev;
	const struct vtnicvf_mac_info *mac;
	struct net_device *netdev;
	unsigned long state;
	struct vtnicvf_qv qv[VTNICVF_MAX_PAIRS];
	unsigned int num_pairs;
	unsigned int req_pairs;
	u32 tx_ring_count;
	u32 rx_ring_count;
	u32 itr_us;
	struct mutex mbx_lock;	/* protects mbx, pf_ready, PF answers, mc_promisc */
	struct vtnic_mbx_vf mbx;
	bool pf_ready;
	bool mac_from_pf;
	u8 mc_filter_type;
	bool link_enabled;
	struct vtnic_mbx_vf_queues queues;
	bool mc_promisc;
	spinlock_t mc_lock;	/* protects mc_bits, mc_count, mc_all */
	u16 mc_bits[VTNIC_MBX_MAX_MC_HASHES];
	unsigned int mc_count;
	bool mc_all;
	u8 uc[VTNICVF_MAX_UC][ETH_ALEN];
	unsigned int uc_count;
	unsigned int uc_synced;
	unsigned long active_vlans[BITS_TO_LONGS(VLAN_N_VID)];
	bool link_up;
	struct delayed_work service;
	spinlock_t stats_lock;	/* protects hw_stats */
	struct vtnic_vf_stats hw_stats;
	u32 msg_enable;
};

static inline u32 vtnicvf_rd32(struct vtnicvf *vf, u32 reg)
{
	return vtnic_hw_rd32(&vf->hw, reg);
}

static inline void vtnicvf_wr32(struct vtnicvf *vf, u32 reg, u32 val)
{
	vtnic_hw_wr32(&vf->hw, reg, val);
}

/* vtnicvf_txrx.c */
unsigned int vtnicvf_max_pairs(struct vtnicvf *vf);
int vtnicvf_up(struct vtnicvf *vf);
void vtnicvf_down(struct vtnicvf *vf);
void vtnicvf_write_itr(struct vtnicvf *vf);
int vtnicvf_irq_init(struct vtnicvf *vf);
void vtnicvf_irq_configure(struct vtnicvf *vf);
void vtnicvf_irq_free(struct vtnicvf *vf);
netdev_tx_t vtnicvf_xmit_frame(struct sk_buff *skb, struct net_device *netdev);
int vtnicvf_poll(struct napi_struct *napi, int budget);

/* vtnicvf_netdev.c */
int vtnicvf_netdev_create(struct vtnicvf *vf);
void vtnicvf_netdev_destroy(struct vtnicvf *vf);
int vtnicvf_hw_init(struct vtnicvf *vf, bool probing);
void vtnicvf_service_kick(struct vtnicvf *vf);
void vtnicvf_service(struct work_struct *work);
void vtnicvf_update_stats(struct vtnicvf *vf);
void vtnicvf_ring_stats(struct vtnicvf *vf, struct vtnic_ring_stats *rx,
			struct vtnic_ring_stats *tx);

/* vtnicvf_ethtool.c */
void vtnicvf_set_ethtool_ops(struct net_device *netdev);

#endif /* _VTNICVF_H_ */
