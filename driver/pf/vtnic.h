/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vtnic: PF driver for Intel VT-c SR-IOV Ethernet controllers.
 *
 * Lock order: rtnl_lock, then vtnic.iov_lock (a mutex), then
 * vtnic.pf_rx_lock or vtnic.stats_lock (spinlocks, never both).
 * Configuration (open, stop, ethtool, ndo_*) runs under rtnl; the
 * datapath runs in NAPI and takes no lock; the watchdog takes rtnl only
 * to reset.  The VF mailbox is served by a delayed work item, in process
 * context, under iov_lock alone: it may sleep while a VF holds its
 * buffer.  rx_mode runs in atomic context under the address list lock, so
 * it never takes iov_lock: it leaves the PF pool's filters in
 * vtnic.pf_rx, under pf_rx_lock, and queues the same work, which writes
 * them.  NVM reads take vtnic.nvm_lock (a mutex) last, under rtnl
 * (ethtool) or devlink's instance lock, and nothing inside it.
 */
#ifndef _VTNIC_H_
#define _VTNIC_H_

#include <linux/dim.h>
#include <linux/if_vlan.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>

#include "vtnic_compat.h"
#include "vtnic_desc.h"
#include "vtnic_hw.h"
#include "vtnic_iov.h"
#include "vtnic_ring.h"
#include "vtnic_sfp.h"

#define VTNIC_DRV_NAME		"vtnic"

/*
 * The most queue pairs any supported MAC spreads RSS over (the 82599's
 * 64): the capacity of vtnic.qv[]; each MAC's own is in its bundle.
 */
#define VTNIC_QUEUES_MAX	64
#define VTNIC_RETA_SIZE		128
#define VTNIC_RSS_KEY_SIZE	40

/* Largest MTU; RLPML then allows the frame with a VLAN tag and the FCS */
#define VTNIC_MAX_MTU		9216

/* Interrupt moderation: EITR default and the adaptive (DIM) range */
#define VTNIC_ITR_DEFAULT_US	50
#define VTNIC_ITR_MAX_US	8191

enum vtnic_int_mode {
	VTNIC_INT_MSIX,
	VTNIC_INT_MSI,
	VTNIC_INT_INTX,
};

struct devlink;
struct vtnic;
struct vtnic_q_vector;
struct vtnic_hw_stats;
struct ethtool_link_ksettings;

/* What the "other causes" interrupt reports, whatever the MAC calls it */
#define VTNIC_CAUSE_LINK	BIT(0)	/* link status changed */
#define VTNIC_CAUSE_MBX		BIT(1)	/* VF mailbox or VF reset */
#define VTNIC_CAUSE_QUEUE	BIT(2)	/* queue 0 (MSI/INTx only) */

/**
 * struct vtnic_link - the link as the MAC reports it
 * @up: carrier
 * @speed: Mb/s, when up
 * @full_duplex: when up
 */
struct vtnic_link {
	bool up;
	u32 speed;
	bool full_duplex;
};

/* The first PBA word saying the second points to a string block */
#define VTNIC_NVM_PBA_STRING	0xfafa

/**
 * struct vtnic_nvm_id - what the NVM says the card is, as a MAC's
 *	read_nvm_id hook finds it
 * @has_version: the NVM has an image version
 * @major: the image version's major number
 * @minor: its minor number
 * @has_etrack: the NVM has an eTrack id
 * @etrack: the eTrack id, which names the image's build
 * @pba: the PBA (board assembly) number's two words: the number, or
 *	 VTNIC_NVM_PBA_STRING and the word where its string block starts
 */
struct vtnic_nvm_id {
	bool has_version;
	u8 major;
	u8 minor;
	bool has_etrack;
	u32 etrack;
	u16 pba[2];
};

/**
 * struct vtnic_mac_ops - the per-MAC-type hooks, one per real difference
 *
 * Bring-up and link:
 * @reset: global reset and the steps that must follow it before the
 *	   registers can be programmed
 * @validate_nvm: check the NVM at probe (its checksum); NULL for none
 * @identify_module: find what the port's pluggable module is into
 *		     vtnic.sfp, at probe and before each link setup; NULL
 *		     for a MAC without a module cage
 * @read_module: @len bytes of a module's two-wire device @addr from
 *		 @offset (ethtool -m); NULL for a MAC without a module cage
 * @setup_link: start link establishment on what identify_module found
 * @get_link: the link as the MAC's registers show it now
 * @link_ksettings: the supported modes, port, PHY and autonegotiation
 * @read_mac_addr: the port's address from the NVM
 * @clear_filters: empty the address (but RAR 0), multicast and VLAN
 *		   tables after a reset
 *
 * The NVM (EEPROM), whose words generic code reads with vtnic_read_nvm():
 * @nvm_words: its size in 16-bit words, as much as the driver can read
 * @read_nvm: @count words from @word on; called under vtnic.nvm_lock
 * @read_nvm_id: the version, eTrack and PBA words, wherever the MAC's
 *		 NVM keeps them; called under vtnic.nvm_lock
 *
 * Filters (the exact-address, VLAN and multicast writers are the
 * MAC's struct vtnic_iov_ops, which serve the PF alone as well):
 * @set_rx_filters: unicast promiscuous, multicast promiscuous, VLAN
 *		    filtering on or off
 * @set_max_frame: the longest frame received, bytes, FCS and a VLAN tag
 *		   included
 * @set_vlan_strip: strip VLAN tags on receive
 * @set_rxcsum: receive checksum offload
 *
 * Queues, in the datasheet's receive and transmit initialization order:
 * @configure_tx: program and enable vtnic.qv[]'s transmit rings, then
 *		  the transmitter
 * @configure_rx: program and enable the receive rings (filling them with
 *		  vtnic_rx_fill()), RSS or pools, then the receiver
 * @disable_queues: stop receive and transmit DMA
 * @write_rss: the redirection table and key from vtnic.rss_*
 *
 * Interrupts:
 * @map_queue: route one ring's cause (IVAR) to a vector
 * @irq_configure: the interrupt mode and the other causes' vector, once
 *		   every ring is routed
 * @irq_enable: unmask every cause the driver handles
 * @irq_disable: mask everything
 * @irq_causes: read and clear the other causes, VTNIC_CAUSE_*
 * @qv_enable: unmask one vector after its NAPI poll
 * @write_itr: a vector's moderation interval, microseconds
 *
 * Statistics and the register dump:
 * @update_stats: add the clear-on-read counters to the totals
 * @regs_len: bytes of the ethtool -d dump
 * @get_regs: fill it; returns the layout version
 */
struct vtnic_mac_ops {
	int (*reset)(struct vtnic *vn);
	int (*validate_nvm)(struct vtnic *vn);
	void (*identify_module)(struct vtnic *vn);
	int (*read_module)(struct vtnic *vn, u8 addr, u8 offset, u8 *buf,
			   unsigned int len);
	int (*setup_link)(struct vtnic *vn);
	void (*get_link)(struct vtnic *vn, struct vtnic_link *link);
	void (*link_ksettings)(struct vtnic *vn,
			       struct ethtool_link_ksettings *cmd);
	void (*read_mac_addr)(struct vtnic *vn, u8 *addr);
	void (*clear_filters)(struct vtnic *vn);

	unsigned int (*nvm_words)(struct vtnic *vn);
	int (*read_nvm)(struct vtnic *vn, unsigned int word,
			unsigned int count, u16 *data);
	int (*read_nvm_id)(struct vtnic *vn, struct vtnic_nvm_id *id);

	void (*set_rx_filters)(struct vtnic *vn, bool uc_promisc,
			       bool mc_promisc, bool vlan_filter);
	void (*set_max_frame)(struct vtnic *vn, unsigned int frame);
	void (*set_vlan_strip)(struct vtnic *vn, bool on);
	void (*set_rxcsum)(struct vtnic *vn, bool on);

	void (*configure_tx)(struct vtnic *vn);
	void (*configure_rx)(struct vtnic *vn);
	void (*disable_queues)(struct vtnic *vn);
	void (*write_rss)(struct vtnic *vn);

	void (*map_queue)(struct vtnic *vn, unsigned int queue, bool tx,
			  unsigned int vector);
	void (*irq_configure)(struct vtnic *vn);
	void (*irq_enable)(struct vtnic *vn);
	void (*irq_disable)(struct vtnic *vn);
	u32 (*irq_causes)(struct vtnic *vn);
	void (*qv_enable)(struct vtnic_q_vector *qv);
	void (*write_itr)(struct vtnic_q_vector *qv, u32 usecs);

	void (*update_stats)(struct vtnic *vn, struct vtnic_hw_stats *s);
	unsigned int (*regs_len)(struct vtnic *vn);
	u32 (*get_regs)(struct vtnic *vn, u32 *buf);
};

/**
 * struct vtnic_mac_info - one supported MAC type, the shape of ixgbe's
 *	struct ixgbe_info
 * @type: MAC type
 * @name: controller name for log messages
 * @ops: its datapath hooks
 * @iov: its SR-IOV: limits, register writers, mailbox, VF dialect
 * @rxd_err: where its receive write-back reports errors
 * @max_queues: receive/transmit queue pairs RSS can spread over
 * @msix_vectors: MSI-X vectors the function has
 */
struct vtnic_mac_info {
	enum vtnic_mac_type type;
	const char *name;
	const struct vtnic_mac_ops *ops;
	const struct vtnic_iov_info *iov;
	struct vtnic_rxd_errors rxd_err;
	unsigned int max_queues;
	unsigned int msix_vectors;
};

extern const struct vtnic_mac_info vtnic_82576_info;
extern const struct vtnic_mac_info vtnic_82599_info;

/**
 * struct vtnic_q_vector - one interrupt vector and the queue pair it serves
 * @vn: the PF
 * @napi: its NAPI context
 * @tx: transmit ring, cleaned by @napi
 * @rx: receive ring, delivering through @napi
 * @v_idx: MSI-X vector (EIMS bit); 0 in MSI/INTx mode
 * @itr_us: current moderation interval written to EITR
 * @dim: adaptive moderation state
 * @event_ctr: interrupts seen, for DIM
 * @name: IRQ name, "<netdev>-TxRx-<n>"
 */
struct vtnic_q_vector {
	struct vtnic *vn;
	struct napi_struct napi;
	struct vtnic_ring tx;
	struct vtnic_ring rx;
	unsigned int v_idx;
	u32 itr_us;
	struct dim dim;
	u16 event_ctr;
	char name[IFNAMSIZ + 16];
};

/**
 * struct vtnic_hw_stats - the device's counters, accumulated in 64 bits
 *
 * The registers clear on read; vtnic_update_hw_stats() adds them here
 * under vtnic.stats_lock.  Documentation/vtnic.rst names each one.
 */
struct vtnic_hw_stats {
	u64 crcerrs, algnerrc, rxerrc, mpc, colc, rlec;
	u64 xonrxc, xontxc, xoffrxc, xofftxc;
	u64 gprc, bprc, mprc, gptc, gorc, gotc;
	u64 rnbc, ruc, rfc, roc, rjc, tpr, tpt, mptc, bptc, tsctc;
	u64 ssvpc;
};

/**
 * struct vtnic_pf_rx - the PF pool's filters, from rx_mode to the mailbox
 *	work while VFs exist
 * @mta: the PF's multicast hash bits
 * @uc: its secondary unicast addresses, as many as its exact filters take
 * @nr_uc: how many
 * @frame: longest frame its pool accepts, bytes
 * @allmulti: its pool accepts every multicast frame
 * @mta_dirty: @mta changed since the work last wrote it
 * @uc_dirty: @uc changed since
 * @rx_dirty: @frame or @allmulti changed since
 */
struct vtnic_pf_rx {
	u32 mta[VTNIC_MTA_WORDS];
	u8 uc[VTNIC_IOV_RAR_MAX][ETH_ALEN];
	unsigned int nr_uc;
	unsigned int frame;
	bool allmulti;
	bool mta_dirty;
	bool uc_dirty;
	bool rx_dirty;
};

enum vtnic_state {
	VTNIC_STATE_UP,		/* rings and vectors live (vtnic_up done) */
	VTNIC_STATE_REMOVING,	/* remove() started: no new reset work */
};

/**
 * struct vtnic - one PF
 * @hw: register window
 * @bar0: BAR0 mapping, kept to re-arm @hw after PCI error recovery
 * @pdev: the PCI function
 * @mac: MAC-type description, from the PCI ID table
 * @netdev: its netdev
 * @state: enum vtnic_state bits
 * @int_mode: interrupt mode in use
 * @num_vectors: MSI-X vectors allocated (1 for MSI/INTx)
 * @max_queues: queue pairs the vectors and the MAC allow
 * @num_queues: queue pairs in use (ethtool -L)
 * @qv: the vectors, @num_queues of them while up
 * @tx_ring_count: descriptors per TX ring (ethtool -G)
 * @rx_ring_count: descriptors per RX ring
 * @rx_itr_us: fixed moderation interval, microseconds (ethtool -C)
 * @adaptive_rx: moderate with DIM instead of @rx_itr_us
 * @rss_indir: RSS redirection table
 * @rss_key: RSS hash key
 * @perm_addr: MAC address the NVM loaded into RAR 0
 * @active_vlans: VLAN IDs the stack asked for (VFTA)
 * @link_up: carrier as last reported
 * @link_speed: Mb/s when up
 * @sfp: what the module cage held when last looked at (MACs with one);
 *	 under rtnl
 * @watchdog: link, statistics and reset
 * @reset_pending: the watchdog must reset the datapath (TX timeout)
 * @stats_lock: protects @hw_stats
 * @hw_stats: accumulated device counters
 * @ring_stats_sum: counters of rings freed by reconfiguration, kept so
 *		    the totals never go backwards; under @stats_lock, as is
 *		    the @qv array itself
 * @iov_lock: serialises the SR-IOV state, the mailbox and the admin calls
 * @iov: SR-IOV state; iov.num_vfs is 0 when SR-IOV is off
 * @mbx_work: serves VF mailbox messages and VF resets, and writes @pf_rx;
 *	      delayed while only requests past their VF's budget wait
 * @pf_rx_lock: protects @pf_rx
 * @pf_rx: the PF pool's filters rx_mode asked for
 * @pf_rx_work: the mailbox work's copy of @pf_rx, which it writes
 * @queues_no_vfs: queue pairs to return to when SR-IOV is turned off
 * @vf_stats: per-VF counters, under @stats_lock
 * @nvm_lock: serialises NVM reads, which share the one EERD register
 * @devlink: the devlink instance, for devlink dev info
 */
struct vtnic {
	struct vtnic_hw hw;
	u8 __iomem *bar0;
	struct pci_dev *pdev;
	const struct vtnic_mac_info *mac;
	struct net_device *netdev;
	unsigned long state;
	enum vtnic_int_mode int_mode;
	unsigned int num_vectors;
	unsigned int max_queues;
	unsigned int num_queues;
	struct vtnic_q_vector *qv[VTNIC_QUEUES_MAX];
	u32 tx_ring_count;
	u32 rx_ring_count;
	u32 rx_itr_us;
	bool adaptive_rx;
	u32 rss_indir[VTNIC_RETA_SIZE];
	u8 rss_key[VTNIC_RSS_KEY_SIZE];
	u8 perm_addr[ETH_ALEN];
	unsigned long active_vlans[BITS_TO_LONGS(VLAN_N_VID)];
	bool link_up;
	u32 link_speed;
	enum vtnic_sfp_type sfp;
	struct delayed_work watchdog;
	bool reset_pending;
	spinlock_t stats_lock;	/* protects hw_stats, ring_stats_sum, qv[] */
	struct vtnic_hw_stats hw_stats;
	struct {
		u64 rx_packets, rx_bytes, tx_packets, tx_bytes;
		u64 rx_csum_err, rx_alloc_fail, rx_errors;
		u64 tx_restart, tx_busy, tx_errors;
	} ring_stats_sum;
	struct mutex iov_lock;	/* protects iov and the mailboxes */
	struct vtnic_iov iov;
	struct delayed_work mbx_work;
	spinlock_t pf_rx_lock;	/* protects pf_rx */
	struct vtnic_pf_rx pf_rx;
	struct vtnic_pf_rx pf_rx_work;
	unsigned int queues_no_vfs;
	struct vtnic_vf_stats vf_stats[VTNIC_IOV_VFS_MAX];
	struct mutex nvm_lock;	/* protects the EERD register */
	struct devlink *devlink;
};

static inline unsigned int vtnic_num_vfs(const struct vtnic *vn)
{
	return vn->iov.num_vfs;
}

/* With VFs the PF has one pool and, with VMDq, one receive queue in it */
static inline unsigned int vtnic_max_queues(const struct vtnic *vn)
{
	return vtnic_num_vfs(vn) ?
	       min(vtnic_iov_pf_queues(&vn->iov), vn->max_queues) :
	       vn->max_queues;
}

static inline u32 vtnic_rd32(struct vtnic *vn, u32 reg)
{
	return vtnic_hw_rd32(&vn->hw, reg);
}

static inline void vtnic_wr32(struct vtnic *vn, u32 reg, u32 val)
{
	vtnic_hw_wr32(&vn->hw, reg, val);
}

static inline void vtnic_flush(struct vtnic *vn)
{
	vtnic_rd32(vn, VTNIC_HW_STATUS);
}

/* Four bytes as one register holds them, the first in the low byte */
static inline u32 vtnic_reg_of_bytes(const u8 *b)
{
	return b[0] | b[1] << 8 | b[2] << 16 | (u32)b[3] << 24;
}

/* A clear-on-read statistics register; 0 when the device is gone */
static inline u32 vtnic_stat(struct vtnic *vn, u32 reg)
{
	u32 val = vtnic_rd32(vn, reg);

	return val == ~0U ? 0 : val;
}

/* The port's address, as the reset loaded it into receive address 0 */
static inline void vtnic_read_rar(struct vtnic *vn, u32 ral, u32 rah, u8 *addr)
{
	vtnic_hw_rar_addr(vtnic_rd32(vn, ral), vtnic_rd32(vn, rah), addr);
}

/**
 * vtnic_read_nvm() - read NVM words, one reader at a time
 * @vn: the PF
 * @word: the first word
 * @count: how many
 * @data: where they go
 *
 * Return: 0, -EINVAL past the end of the NVM, or -EIO when the device
 * does not answer.
 */
static inline int vtnic_read_nvm(struct vtnic *vn, unsigned int word,
				 unsigned int count, u16 *data)
{
	int err;

	if (word + count > vn->mac->ops->nvm_words(vn))
		return -EINVAL;
	mutex_lock(&vn->nvm_lock);
	err = vn->mac->ops->read_nvm(vn, word, count, data);
	mutex_unlock(&vn->nvm_lock);
	return err;
}

/* vtnic_netdev.c: filters */
void vtnic_set_rar(struct vtnic *vn, unsigned int idx, const u8 *addr);
void vtnic_update_link(struct vtnic *vn);

/* vtnic_irq.c */
int vtnic_irq_alloc(struct vtnic *vn);
void vtnic_irq_free(struct vtnic *vn);
int vtnic_irq_request(struct vtnic *vn);
void vtnic_irq_release(struct vtnic *vn);
void vtnic_irq_configure(struct vtnic *vn);
void vtnic_irq_enable(struct vtnic *vn);
void vtnic_irq_disable(struct vtnic *vn);
void vtnic_write_itr(struct vtnic_q_vector *qv, u32 usecs);
u64 vtnic_queue_vectors(const struct vtnic *vn);

/* vtnic_txrx.c */
int vtnic_alloc_queues(struct vtnic *vn);
void vtnic_free_queues(struct vtnic *vn);
void vtnic_rss_default_indir(struct vtnic *vn);
void vtnic_write_rss_regs(struct vtnic *vn, u32 reta, u32 rssrk);
void vtnic_set_rx_limits(struct vtnic *vn, unsigned int mtu);
netdev_tx_t vtnic_xmit_frame(struct sk_buff *skb, struct net_device *netdev);
int vtnic_poll(struct napi_struct *napi, int budget);

/* vtnic_netdev.c */
int vtnic_netdev_create(struct vtnic *vn);
void vtnic_netdev_destroy(struct vtnic *vn);
int vtnic_up(struct vtnic *vn);
void vtnic_down(struct vtnic *vn);
int vtnic_reconfigure(struct vtnic *vn, unsigned int queues, u32 tx_count,
		      u32 rx_count);
void vtnic_update_hw_stats(struct vtnic *vn);
void vtnic_ring_stats_total(struct vtnic *vn, struct vtnic_ring_stats *rx,
			    struct vtnic_ring_stats *tx);

/* vtnic_sriov.c */
int vtnic_sriov_configure(struct pci_dev *pdev, int num_vfs);
void vtnic_sriov_init(struct vtnic *vn);
void vtnic_sriov_adopt(struct vtnic *vn);
void vtnic_sriov_remove(struct vtnic *vn);
void vtnic_sriov_pre_reset(struct vtnic *vn);
void vtnic_sriov_up(struct vtnic *vn);
void vtnic_sriov_up_done(struct vtnic *vn);
void vtnic_sriov_down(struct vtnic *vn);
void vtnic_sriov_link(struct vtnic *vn);
void vtnic_sriov_mbx_irq(struct vtnic *vn);
void vtnic_sriov_set_pf_mta(struct vtnic *vn, const u32 *mta);
bool vtnic_sriov_set_pf_uc(struct vtnic *vn);
void vtnic_sriov_set_pf_rx(struct vtnic *vn, unsigned int frame,
			   bool allmulti);
void vtnic_update_vf_stats(struct vtnic *vn);
int vtnic_ndo_set_vf_mac(struct net_device *netdev, int vf, u8 *mac);
int vtnic_ndo_set_vf_vlan(struct net_device *netdev, int vf, u16 vlan,
			  u8 qos, __be16 proto);
int vtnic_ndo_set_vf_spoofchk(struct net_device *netdev, int vf, bool on);
int vtnic_ndo_set_vf_trust(struct net_device *netdev, int vf, bool on);
int vtnic_ndo_set_vf_rss_query_en(struct net_device *netdev, int vf, bool on);
int vtnic_ndo_set_vf_link_state(struct net_device *netdev, int vf, int state);
int vtnic_ndo_set_vf_rate(struct net_device *netdev, int vf, int min_rate,
			  int max_rate);
int vtnic_ndo_get_vf_config(struct net_device *netdev, int vf,
			    struct ifla_vf_info *ivi);
int vtnic_ndo_get_vf_stats(struct net_device *netdev, int vf,
			   struct ifla_vf_stats *stats);
int vtnic_ndo_bridge_setlink(struct net_device *netdev, struct nlmsghdr *nlh,
			     u16 flags, struct netlink_ext_ack *extack);
int vtnic_ndo_bridge_getlink(struct sk_buff *skb, u32 pid, u32 seq,
			     struct net_device *netdev, u32 filter_mask,
			     int nlflags);

/* vtnic_ethtool.c */
void vtnic_set_ethtool_ops(struct net_device *netdev);

/* vtnic_devlink.c: the NVM and what it says of the card */
int vtnic_eerd_read(struct vtnic *vn, u32 eerd, unsigned int word,
		    unsigned int count, u16 *data);
int vtnic_devlink_alloc(struct vtnic *vn);
void vtnic_devlink_free(struct vtnic *vn);
void vtnic_devlink_register(struct vtnic *vn);
void vtnic_devlink_unregister(struct vtnic *vn);

#endif /* _VTNIC_H_ */
