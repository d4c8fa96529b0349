/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SR-IOV on the PF: the state kept per VF, the PF side of the mailbox,
 * the handler of the messages VFs send and the admin settings.  Plain
 * logic over the register window, so the userspace unit tests and the
 * fuzz target compile this same code against a register model.
 *
 * Three layers, each in its own files:
 *  - the policy (vtnic_iov.c): what a VF may do, the admin settings, the
 *    message budget and the rate-limited log; MAC-independent;
 *  - the dialects (vtnic_mbx_igb.c): which message types a VF driver
 *    family sends, as a table of the policy's handlers;
 *  - the MAC (vtnic_iov_82576.c): its limits, the register writers behind
 *    struct vtnic_iov_ops and its mailbox registers, in one
 *    struct vtnic_iov_info.  Only that file knows the MAC's registers.
 *
 * Every VF is hostile until proven otherwise: a message is decoded and
 * checked completely before any register is written, and a refusal is a
 * NACK plus a log line rate-limited per VF.
 *
 * Locking: the caller serialises every entry point with one lock per PF
 * (vtnic's iov_lock, a mutex), in process context: taking the mailbox
 * from a VF that holds it sleeps, VTNIC_MBX_LOCK_TRIES - 1 times at most,
 * within the PF's waiting budget (VTNIC_IOV_WAIT_US_PER_S).
 */
#ifndef _VTNIC_IOV_H_
#define _VTNIC_IOV_H_

#include <linux/if_ether.h>
#include <linux/types.h>

#include "vtnic_hw.h"
#include "vtnic_mbx_msg.h"

/*
 * The most any VT-c MAC has: the 82599's 64 pools (so 63 VFs, the PF
 * keeping one) and 64 VLAN pool filters.  These size the arrays; what a
 * MAC really has is in its struct vtnic_iov_limits.
 */
#define VTNIC_IOV_POOLS_MAX		64
#define VTNIC_IOV_VFS_MAX		(VTNIC_IOV_POOLS_MAX - 1)
#define VTNIC_IOV_VLVF_MAX		64
#define VTNIC_IOV_RAR_MAX		128

/* The multicast table: 4096 hash bits on every VT-c MAC */
#define VTNIC_MTA_WORDS			128

/* The RSS redirection table and key a VF may query (ixgbe's GET_RETA) */
#define VTNIC_IOV_RETA_SIZE		VTNIC_MBX_RETA_ENTRIES
#define VTNIC_IOV_RSS_KEY_SIZE		VTNIC_MBX_RSS_KEY_BYTES

/*
 * VLANs one VF may own through SET_VLAN, so a VF that asks for more
 * cannot starve the others of the shared VLAN pool filters.
 */
#define VTNIC_IOV_VF_MAX_VLANS		4

/*
 * VLAN pool filters no guest's SET_VLAN may take: the last ones free are
 * the host's, for the PF's own VLANs and the admin's port VLANs, which
 * may use any.  Four, as a PF rarely carries more VLANs than that on a
 * port with VFs; on the 82576 (32 filters, one for VLAN 0) seven VFs then
 * share 27 of their own, one short of their 28.
 */
#define VTNIC_IOV_VLVF_HOST		4

/*
 * Extra unicast addresses (ixgbe's SET_MACVLAN, igb's MAC_FILTER_ADD):
 * the PF keeps VTNIC_IOV_PF_RARS exact filters for itself, and the ones
 * left below the VFs' own addresses are shared out equally, at most
 * VTNIC_IOV_VF_MAX_UC a VF (what ixgbevf asks for at most), so no VF can
 * take another's.
 */
#define VTNIC_IOV_PF_RARS		16
#define VTNIC_IOV_VF_MAX_UC		10

/* Frame sizes SET_LPE accepts: a minimum frame up to the PF's largest */
#define VTNIC_IOV_MIN_FRAME		(ETH_ZLEN + ETH_FCS_LEN)
#define VTNIC_IOV_MAX_FRAME		(9216 + ETH_HLEN + ETH_FCS_LEN + 4)
#define VTNIC_IOV_DEFAULT_FRAME		(ETH_FRAME_LEN + ETH_FCS_LEN + 4)

/*
 * The PF's side of a VF's mailbox control register and the request and
 * ack bits of the PF's mailbox interrupt cause registers: the same bits on
 * every VT-c MAC (82576 datasheet 8.13.x P2VMAILBOX, MBVFICR; 82599
 * 8.2.3.27.x PFMAILBOX, PFMBICR); where they are is in
 * struct vtnic_mbx_pf_regs.
 */
#define VTNIC_PFMBX_STS			BIT(0)	/* message for the VF */
#define VTNIC_PFMBX_ACK			BIT(1)	/* the VF's message taken */
#define VTNIC_PFMBX_VFU			BIT(2)	/* the VF holds the buffer */
#define VTNIC_PFMBX_PFU			BIT(3)	/* the PF holds the buffer */
#define VTNIC_PFMBX_RVFU		BIT(4)	/* release a stuck VF's hold */
#define VTNIC_PFMBICR_VFS		16	/* VFs per cause register */
#define VTNIC_PFMBICR_VFREQ(vf)		BIT((vf) % VTNIC_PFMBICR_VFS)
#define VTNIC_PFMBICR_VFACK(vf)		BIT(16 + (vf) % VTNIC_PFMBICR_VFS)

/* Attempts to take the mailbox from the VF, 1 ms apart (igb's count) */
#define VTNIC_MBX_LOCK_TRIES		11
#define VTNIC_MBX_LOCK_WAIT_US		1000

/**
 * struct vtnic_mbx_wait - what one mailbox call may wait for a VF
 * @tries: attempts at the VF's buffer, VTNIC_MBX_LOCK_WAIT_US apart; one
 *	   attempt does not wait
 * @waited_us: the time the call spent waiting, measured, added to
 */
struct vtnic_mbx_wait {
	unsigned int tries;
	u32 waited_us;
};

/*
 * What the PF may spend waiting for VFs that hold their buffers, all of
 * them together: 100 ms a second.  Past it an attempt at a VF's buffer is
 * one try, without waiting, so that VFs holding theirs cannot keep the
 * mailbox work, and every other VF's service, waiting between them.  Each
 * wait is charged to its VF's own budget too, one message a millisecond.
 */
#define VTNIC_IOV_WAIT_US_PER_S		100000

/* A VF that lost CTS is told so at most this often (jiffies) */
#define VTNIC_IOV_NACK_PACE		(2 * HZ)
/* At most one refusal line per VF per interval; the rest are counted */
#define VTNIC_IOV_LOG_INTERVAL		HZ

/*
 * Mailbox budget of one VF, a token bucket: VTNIC_IOV_MBX_BURST messages
 * at once, then VTNIC_IOV_MBX_RATE per second.  A request past the budget
 * is deferred, not dropped: it stays in the VF's buffer, unread, and is
 * served as soon as the bucket has a message again (vtnic_iov_service()
 * says when).  A VF driver waits for each reply before its next request,
 * so each waits 1/VTNIC_IOV_MBX_RATE s at most, well within the second
 * igbvf and ixgbevf wait; a request timed out there would cost the VF its
 * mailbox until its next reset.  A VF that posts again meanwhile replaces
 * what waited: one request per VF waits at most, and the PF still handles
 * no more than the budget.
 *
 * Why these numbers: bringing a VF driver up (RESET, SET_LPE, SET_VLAN 0,
 * SET_MULTICAST, a few VLANs and a promiscuous change) takes about ten
 * messages, and a guest's rx_mode change one or two, so a burst of 64
 * covers several bring-ups back to back; 32 per second is more than any
 * driver sends in steady state (they send on configuration changes only).
 * A flooding VF then costs the PF at most 32 message handlings a second,
 * each a few dozen register accesses.  A mailbox the VF keeps locked
 * costs the PF up to VTNIC_MBX_LOCK_TRIES - 1 ms of waiting, whether or
 * not the PF gets it in the end, so the time waited is charged, one
 * message a millisecond begun.  A VF's own FLR does not refill its bucket.
 */
#define VTNIC_IOV_MBX_BURST		64
#define VTNIC_IOV_MBX_RATE		32

/*
 * A VF whose requests keep waiting for its budget, never a second
 * between two that wait, for VTNIC_IOV_QUARANTINE_S is quarantined: its
 * mailbox is ignored (nothing read, nothing answered, no PF message) and
 * its pool passes no traffic, until its FLR or the admin sets its trust,
 * on or off.  Why 10 s: an honest driver's burst is through the budget
 * in a few seconds (a guest adding 200 VLANs at once waits 4.25 s); a VF
 * over it for 10 s sends more than 32 messages a second on end, which no
 * driver does outside a flood.  The budget already bounds what it costs;
 * quarantine stops it costing that for ever, and says so once.
 */
#define VTNIC_IOV_QUARANTINE_S		10

/*
 * Transmit weights of the pools, for min_tx_rate (vtnic_iov_pool_weights()).
 * A pool's weight is its share of the link in units of 1/SCALE, so at
 * 10 Gb/s a weight of 1 is 1 Mb/s; the PF's pool and every VF without a
 * guarantee split what the guarantees leave, and none of them gets less
 * than FLOOR (0.1 % of the link), so no pool in use is ever starved.
 * SCALE fits the 82599's 14-bit credit refill quantum.
 */
#define VTNIC_IOV_WEIGHT_SCALE		10000
#define VTNIC_IOV_WEIGHT_FLOOR		10

enum vtnic_vf_link_state {
	VTNIC_VF_LINK_AUTO,	/* follows the PF's link */
	VTNIC_VF_LINK_ENABLE,	/* as auto: the VF reads the port's STATUS */
	VTNIC_VF_LINK_DISABLE,	/* no traffic, and the VF is told */
};

/**
 * struct vtnic_vf - what the PF knows and enforces about one VF
 * @mac: its unicast address (RAR 23 - n), zero while it has none
 * @admin_mac: @mac was set by the host admin; the VF cannot change it
 *	       unless @trusted
 * @port_vlan: admin VLAN inserted on transmit and required on receive,
 *	       0 for none; the VF cannot add VLANs while it is set
 * @port_qos: 802.1p priority of @port_vlan
 * @spoofchk: MAC and VLAN anti-spoofing on its transmit queues
 * @trusted: may replace an admin MAC
 * @rss_query: may read the port's RSS table and key (GET_RETA,
 *	       GET_RSS_KEY); the admin's "query_rss"
 * @link_state: &enum vtnic_vf_link_state
 * @cts: the VF completed RESET and may send other messages
 * @ping_pending: a PF control message waits for the VF to read the reply
 *		  to a request that was in the buffer first
 * @req_deferred: a request past the budget waits in the VF's buffer; its
 *		  cause in the PF's cause register is already cleared
 * @mc_promisc: it asked for all multicast (SET_PROMISC)
 * @xcast: what it asked to receive beyond its addresses (ixgbe's
 *	   UPDATE_XCAST_MODE, &enum vtnic_mbx_xcast); MULTI otherwise
 * @api: the mailbox API version it negotiated (&enum vtnic_mbx_api);
 *	 1.0 after every reset
 * @mc_count: multicast hashes in @mc_hashes
 * @mc_hashes: hashes from its last SET_MULTICAST
 * @nr_uc: extra unicast addresses in @uc
 * @uc: the extra unicast addresses it asked for, each in its own exact
 *	filter with its pool
 * @nr_vlans: VLANs in @vlans
 * @vlans: VLAN IDs it added with SET_VLAN
 * @max_frame: receive limit from SET_LPE, bytes
 * @max_tx_rate: admin transmit limit, Mb/s, 0 for none
 * @min_tx_rate: admin transmit guarantee, Mb/s, 0 for none: the pool's
 *		 weight against the others' (vtnic_iov_pool_weights())
 * @last_nack: jiffies of the last unsolicited NACK, to pace them
 * @log_begin: start of the current log interval
 * @log_suppressed: refusals not logged in that interval
 * @credit: mailbox budget left, in 1/HZ messages
 * @credit_stamp: jiffies when @credit was last refilled
 * @msgs: messages handled, for the statistics
 * @nacks: messages refused
 * @deferred: requests that had to wait for the budget; a post that
 *	      replaces a waiting request is not counted again
 * @flooding: its requests have been waiting for its budget since
 *	      @flood_since, the last one at @flood_last
 * @flood_since: jiffies when they began to
 * @flood_last: jiffies of the last request that had to wait
 * @quarantined: its mailbox is ignored and its pool stopped
 *		 (VTNIC_IOV_QUARANTINE_S)
 * @ignored: requests ignored while it was quarantined
 * @quarantines: times it was quarantined
 */
struct vtnic_vf {
	u8 mac[ETH_ALEN];
	bool admin_mac;
	u16 port_vlan;
	u8 port_qos;
	bool spoofchk;
	bool trusted;
	bool rss_query;
	u8 link_state;
	bool cts;
	bool ping_pending;
	bool req_deferred;
	bool mc_promisc;
	u8 xcast;
	u8 api;
	u8 mc_count;
	u16 mc_hashes[VTNIC_MBX_MAX_MC_HASHES];
	u8 nr_uc;
	u8 uc[VTNIC_IOV_VF_MAX_UC][ETH_ALEN];
	u8 nr_vlans;
	u16 vlans[VTNIC_IOV_VF_MAX_VLANS];
	u16 max_frame;
	u32 max_tx_rate;
	u32 min_tx_rate;
	unsigned long last_nack;
	unsigned long log_begin;
	unsigned int log_suppressed;
	u32 credit;
	unsigned long credit_stamp;
	u64 msgs;
	u64 nacks;
	u64 deferred;
	bool flooding;
	unsigned long flood_since;
	unsigned long flood_last;
	bool quarantined;
	u64 ignored;
	u64 quarantines;
};

struct vtnic_iov;

/*
 * A message handler: checks the request from @vf (@hdr decoded from
 * @msg[0], VTNIC_MBX_WORDS words in @msg) and applies it; fills reply
 * words 1.. and returns how many words the reply has, or a negative errno
 * to NACK it (nothing written to the device in that case)
 */
typedef int vtnic_mbx_handler_t(struct vtnic_iov *iov, unsigned int vf,
				const struct vtnic_mbx_hdr *hdr,
				const u32 *msg, u32 *reply);

/**
 * struct vtnic_mbx_op - one message type a dialect understands
 * @opcode: word 0 opcode
 * @min_words: words the request must carry, word 0 included
 * @min_api: the API version (&enum vtnic_mbx_api) the VF must have
 *	     negotiated to send it; VTNIC_MBX_API_10 for any
 * @name: for log messages
 * @handle: its handler
 */
struct vtnic_mbx_op {
	u16 opcode;
	u8 min_words;
	u8 min_api;
	const char *name;
	vtnic_mbx_handler_t *handle;
};

/**
 * struct vtnic_mbx_dialect - the message table of one VF driver family
 * @name: the VF driver family, "igb" (82576) or "ixgbe" (82599)
 * @ops: the message types
 * @nr_ops: entries in @ops
 * @reset_words: words of the reply to RESET, ACK or NACK: the address
 *		 follows word 0, and in ixgbe's the multicast filter type
 * @max_api: the newest API version it accepts (&enum vtnic_mbx_api)
 */
struct vtnic_mbx_dialect {
	const char *name;
	const struct vtnic_mbx_op *ops;
	unsigned int nr_ops;
	u8 reset_words;
	u8 max_api;
};

extern const struct vtnic_mbx_dialect vtnic_mbx_igb;
extern const struct vtnic_mbx_dialect vtnic_mbx_ixgbe;

/**
 * struct vtnic_iov_limits - what one MAC has for SR-IOV
 * @pools: VMDq pools; the PF keeps one, so @pools - 1 VFs at most
 * @queues_per_pool: receive and transmit queues of each pool with all
 *		     @pools in use (struct vtnic_iov_ops.pool_queues says
 *		     how many with fewer)
 * @pf_rss: the PF may spread what it receives over its pool's queues
 * @rar_entries: exact unicast address filters; VF n takes the n-th from
 *		 the top, the PF those below
 * @vlvf_entries: VLAN pool filters; entry 0 is kept for VLAN 0
 * @link_mbps: its fastest link, Mb/s: what transmit guarantees are held
 *	       against while the link is down
 * @frame_per_port: one receive length limit for the whole port and none
 *		    per pool, which the PF's MTU sets: no VF goes above it
 */
struct vtnic_iov_limits {
	unsigned int pools;
	unsigned int queues_per_pool;
	bool pf_rss;
	unsigned int rar_entries;
	unsigned int vlvf_entries;
	u32 link_mbps;
	bool frame_per_port;
};

/**
 * struct vtnic_pool_rx - what one pool accepts, and how
 * @max_frame: longest frame, bytes; 0 accepts nothing at all
 * @untagged: frames without a VLAN tag
 * @strip_vlan: strip the tag of tagged frames
 * @mc_hash: multicast frames the multicast table matches
 * @uc_hash: unicast frames the unicast hash table matches
 * @broadcast: broadcast frames
 * @all_multi: every multicast frame
 */
struct vtnic_pool_rx {
	unsigned int max_frame;
	bool untagged;
	bool strip_vlan;
	bool mc_hash;
	bool uc_hash;
	bool broadcast;
	bool all_multi;
};

/**
 * struct vtnic_iov_ops - the register writers of one MAC's SR-IOV
 *
 * Each writes what it is given and nothing else; the policy decides.
 * Pool bitmaps are u64: bit n is pool n.  A MAC whose SR-IOV is not done
 * yet (no @dialect in its struct vtnic_iov_info) has only the filter
 * writers the PF uses alone: @set_rar, @set_vfta and @set_mta.
 *
 * @set_rar: exact address filter @idx: @addr (NULL clears it) to @pools
 * @set_pools_enabled: the pools that may receive and transmit
 * @set_pool_rx: a pool's receive policy, NULL for none at all
 * @set_port_vlan: the VLAN inserted into a pool's frames, 0 for none
 * @set_spoofchk: MAC and VLAN anti-spoofing of a pool's frames
 * @set_rate: device queue @queue's transmit limit, Mb/s of a @link_mbps
 *	      link (0: none)
 * @set_pool_weight: a pool's weight in the transmit arbitration between
 *		     pools (0 for a pool not in use); NULL on a MAC without
 *		     such weights, which then offers no min_tx_rate
 * @set_vlvf: VLAN pool filter @idx: @vid to @pools, 0 frees it
 * @set_vfta: the VLAN filter table bit of @vid
 * @set_mta: one word of the multicast table
 * @set_max_frame: the longest frame the port receives, for any pool
 * @set_switch: frames between pools through the NIC (VEB) or the wire
 *		(VEPA)
 * @enable: enter virtualization with @num_vfs VFs; the PF's pool is
 *	    @num_vfs and the default pool
 * @disable: leave it
 * @pf_reset_done: tell every VF the PF finished its reset
 * @vflr_take: the VFs reset since the last call (FLR or their own
 *	       reset), as a bitmap; clears them
 * @clear_queue: forget what a VF left in device queue @queue that no
 *		 reset of the VF clears; NULL where its resets clear all
 * @vf_stats_regs: where the PF reads VF @vf's counters
 * @pool_queues: the queues of each pool with @num_vfs VFs: the MAC may
 *		 trade pools for queues, as the 82599's 32 pools of 4
 * @pool_queue: the device queue number of queue @k of @pool, when each
 *		pool has @per_pool queues
 */
struct vtnic_iov_ops {
	void (*set_rar)(struct vtnic_hw *hw, unsigned int idx, const u8 *addr,
			u64 pools);
	void (*set_pools_enabled)(struct vtnic_hw *hw, u64 pools);
	void (*set_pool_rx)(struct vtnic_hw *hw, unsigned int pool,
			    const struct vtnic_pool_rx *rx);
	void (*set_port_vlan)(struct vtnic_hw *hw, unsigned int pool, u16 vid,
			      u8 qos);
	void (*set_spoofchk)(struct vtnic_hw *hw, unsigned int pool, bool on);
	void (*set_rate)(struct vtnic_hw *hw, unsigned int queue, u32 max_mbps,
			 u32 link_mbps);
	void (*set_pool_weight)(struct vtnic_hw *hw, unsigned int pool,
				u16 weight);
	void (*set_vlvf)(struct vtnic_hw *hw, unsigned int idx, u16 vid,
			 u64 pools);
	void (*set_vfta)(struct vtnic_hw *hw, u16 vid, bool on);
	void (*set_mta)(struct vtnic_hw *hw, unsigned int idx, u32 val);
	void (*set_max_frame)(struct vtnic_hw *hw, unsigned int frame);
	void (*set_switch)(struct vtnic_hw *hw, bool vepa);
	void (*enable)(struct vtnic_hw *hw, unsigned int num_vfs);
	void (*disable)(struct vtnic_hw *hw);
	void (*pf_reset_done)(struct vtnic_hw *hw);
	u64 (*vflr_take)(struct vtnic_hw *hw, unsigned int num_vfs);
	void (*clear_queue)(struct vtnic_hw *hw, unsigned int queue);
	void (*vf_stats_regs)(unsigned int vf,
			      struct vtnic_vf_stats_regs *regs);
	unsigned int (*pool_queues)(unsigned int num_vfs);
	unsigned int (*pool_queue)(unsigned int pool, unsigned int k,
				   unsigned int per_pool);
};

/**
 * struct vtnic_mbx_pf_regs - where one MAC keeps the PF side of the
 *	mailboxes
 * @ctl: VF 0's mailbox control register (VTNIC_PFMBX_*); VF n's is 4 n
 *	 bytes further
 * @mem: VF 0's VTNIC_MBX_WORDS-word buffer
 * @mem_stride: bytes from one VF's buffer to the next
 * @icr: the cause register of VFs 0..15 (VTNIC_PFMBICR_*, write one to
 *	 clear); each next 16 VFs' is 4 bytes further
 */
struct vtnic_mbx_pf_regs {
	u32 ctl;
	u32 mem;
	u32 mem_stride;
	u32 icr;
};

/**
 * struct vtnic_iov_info - one MAC's SR-IOV, as the policy sees it
 * @limits: its pools, filters and queues
 * @ops: its register writers
 * @mbx: its mailbox registers
 * @dialect: the messages its VF drivers send; NULL while its SR-IOV is
 *	     not done, and the PF then offers no VFs
 */
struct vtnic_iov_info {
	struct vtnic_iov_limits limits;
	const struct vtnic_iov_ops *ops;
	const struct vtnic_mbx_pf_regs *mbx;
	const struct vtnic_mbx_dialect *dialect;
};

extern const struct vtnic_iov_info vtnic_82576_iov;
extern const struct vtnic_iov_info vtnic_82599_iov;

/**
 * struct vtnic_vlvf - software copy of one VLVF entry
 * @vid: VLAN ID
 * @pools: bitmap of the pools in it; 0 when the entry is free
 */
struct vtnic_vlvf {
	u16 vid;
	u64 pools;
};

/**
 * struct vtnic_iov - SR-IOV state of one PF
 * @hw: the PF's register window
 * @info: its MAC's limits, writers and mailbox registers
 * @dialect: the message table VFs are served with
 * @num_vfs: VFs enabled; the PF uses pool @num_vfs
 * @pool_queues: the queues of each pool in the layout @num_vfs chose
 * @uc_quota: extra unicast addresses each VF may have
 * @pools_on: pools that may pass traffic
 * @vepa: frames between pools go to the wire (802.1Qbg VEPA), not the
 *	  internal switch (VEB)
 * @link_speed: port speed in Mb/s for the rate limiters, 0 when down
 * @pf_frame: the PF's longest frame, bytes, VLAN tag and FCS included
 * @pf_mac: the PF's address, which no VF may take
 * @pf_uc: the PF's secondary unicast addresses in exact filters, which no
 *	   VF may take either
 * @nr_pf_uc: how many
 * @pf_mta: the PF's own multicast hash bits; the MTA holds their union
 *	    with every VF's
 * @mta_hw: what the MTA holds, so only changed words are written
 * @weight_hw: the transmit weight each pool holds, likewise
 * @vlvf: software copy of the VLAN pool filters
 * @reta: the port's RSS redirection table as the PF programmed it, one
 *	  queue number of a pool a byte
 * @rss_key: the port's RSS hash key, in the key registers' byte order
 * @wait_credit_us: what the PF may still wait for VFs' buffers, all VFs
 *		    together (VTNIC_IOV_WAIT_US_PER_S)
 * @wait_stamp: jiffies when @wait_credit_us was last refilled
 * @vf: the VFs
 */
struct vtnic_iov {
	struct vtnic_hw *hw;
	const struct vtnic_iov_info *info;
	const struct vtnic_mbx_dialect *dialect;
	unsigned int num_vfs;
	unsigned int pool_queues;
	unsigned int uc_quota;
	u64 pools_on;
	bool vepa;
	u32 link_speed;
	unsigned int pf_frame;
	u8 pf_mac[ETH_ALEN];
	u8 pf_uc[VTNIC_IOV_RAR_MAX][ETH_ALEN];
	unsigned int nr_pf_uc;
	u32 pf_mta[VTNIC_MTA_WORDS];
	u32 mta_hw[VTNIC_MTA_WORDS];
	u16 weight_hw[VTNIC_IOV_POOLS_MAX];
	struct vtnic_vlvf vlvf[VTNIC_IOV_VLVF_MAX];
	u8 reta[VTNIC_IOV_RETA_SIZE];
	u8 rss_key[VTNIC_IOV_RSS_KEY_SIZE];
	u32 wait_credit_us;
	unsigned long wait_stamp;
	struct vtnic_vf vf[VTNIC_IOV_VFS_MAX];
};

static inline unsigned int vtnic_iov_pf_pool(const struct vtnic_iov *iov)
{
	return iov->num_vfs;
}

/* VFs a MAC can have: one pool stays the PF's; none without a dialect */
static inline unsigned int vtnic_iov_max_vfs(const struct vtnic_iov_info *info)
{
	return info->dialect ? info->limits.pools - 1 : 0;
}

/* The port's receive length limit while the PF's frames are @pf_frame long */
static inline unsigned int vtnic_iov_port_frame(const struct vtnic_iov_info *info,
						unsigned int pf_frame)
{
	return info->limits.frame_per_port ? pf_frame : VTNIC_IOV_MAX_FRAME;
}

/* The device queue of queue @k of @pool */
static inline unsigned int vtnic_iov_pool_queue(const struct vtnic_iov *iov,
						unsigned int pool,
						unsigned int k)
{
	return iov->info->ops->pool_queue(pool, k, iov->pool_queues);
}

/* The queues the PF may spread its receive over in its pool */
static inline unsigned int vtnic_iov_pf_queues(const struct vtnic_iov *iov)
{
	return iov->info->limits.pf_rss ? iov->pool_queues : 1;
}

/* VF n's address lives in the n-th RAR from the top; the PF's below */
static inline unsigned int vtnic_iov_vf_rar(const struct vtnic_iov *iov,
					    unsigned int vf)
{
	return iov->info->limits.rar_entries - 1 - vf;
}

/* VF n's extra addresses sit below every VF's own, VF 0's on top */
static inline unsigned int vtnic_iov_vf_uc_rar(const struct vtnic_iov *iov,
					       unsigned int vf, unsigned int k)
{
	return iov->info->limits.rar_entries - iov->num_vfs -
	       (vf + 1) * iov->uc_quota + k;
}

/* The PF's exact filters are those below the VFs' */
static inline unsigned int vtnic_iov_pf_rar_limit(const struct vtnic_iov *iov)
{
	return iov->info->limits.rar_entries -
	       iov->num_vfs * (1 + iov->uc_quota);
}

/* vtnic_mbx_pf.c: the PF side of the mailbox transport */
int vtnic_mbx_pf_read(struct vtnic_hw *hw, const struct vtnic_mbx_pf_regs *r,
		      unsigned int vf, u32 *msg, struct vtnic_mbx_wait *w);
int vtnic_mbx_pf_write(struct vtnic_hw *hw, const struct vtnic_mbx_pf_regs *r,
		       unsigned int vf, const u32 *msg, unsigned int words,
		       struct vtnic_mbx_wait *w);
void vtnic_mbx_pf_release(struct vtnic_hw *hw,
			  const struct vtnic_mbx_pf_regs *r, unsigned int vf);
u32 vtnic_mbx_pf_causes(struct vtnic_hw *hw, const struct vtnic_mbx_pf_regs *r,
			unsigned int vf);
void vtnic_mbx_pf_clear_causes(struct vtnic_hw *hw,
			       const struct vtnic_mbx_pf_regs *r,
			       unsigned int vf, u32 causes);

/* vtnic_iov.c: the policy */
void vtnic_iov_init(struct vtnic_iov *iov, struct vtnic_hw *hw,
		    const struct vtnic_iov_info *info, unsigned int num_vfs);
void vtnic_iov_configure(struct vtnic_iov *iov);
void vtnic_iov_pf_reset_begin(struct vtnic_iov *iov);
void vtnic_iov_pf_reset_done(struct vtnic_iov *iov);
void vtnic_iov_disable(struct vtnic_iov *iov);
int vtnic_iov_rcv_msg(struct vtnic_iov *iov, unsigned int vf, const u32 *msg,
		      unsigned int words, u32 *reply);
void vtnic_iov_take_flrs(struct vtnic_iov *iov);
unsigned long vtnic_iov_service(struct vtnic_iov *iov);
void vtnic_iov_vf_flr(struct vtnic_iov *iov, unsigned int vf);
void vtnic_iov_ping_all(struct vtnic_iov *iov);
void vtnic_iov_set_link(struct vtnic_iov *iov, u32 speed);

void vtnic_iov_set_pf_mac(struct vtnic_iov *iov, const u8 *mac);
void vtnic_iov_set_pf_uc(struct vtnic_iov *iov, const u8 *uc, unsigned int n);
void vtnic_iov_set_pf_mta(struct vtnic_iov *iov, const u32 *mta);
int vtnic_iov_set_pf_vlan(struct vtnic_iov *iov, u16 vid, bool on);
void vtnic_iov_set_pf_rx(struct vtnic_iov *iov, unsigned int frame,
			 bool allmulti);
void vtnic_iov_set_vepa(struct vtnic_iov *iov, bool vepa);
void vtnic_iov_set_rss(struct vtnic_iov *iov, const u8 *reta, const u8 *key);

int vtnic_iov_set_vf_mac(struct vtnic_iov *iov, unsigned int vf,
			 const u8 *mac);
int vtnic_iov_set_vf_vlan(struct vtnic_iov *iov, unsigned int vf, u16 vid,
			  u8 qos);
void vtnic_iov_set_vf_spoofchk(struct vtnic_iov *iov, unsigned int vf,
			       bool on);
void vtnic_iov_set_vf_trust(struct vtnic_iov *iov, unsigned int vf, bool on);
int vtnic_iov_set_vf_rss_query(struct vtnic_iov *iov, unsigned int vf,
			       bool on);
void vtnic_iov_set_vf_link_state(struct vtnic_iov *iov, unsigned int vf,
				 enum vtnic_vf_link_state state);
int vtnic_iov_set_vf_rate(struct vtnic_iov *iov, unsigned int vf,
			  u32 min_mbps, u32 max_mbps);
void vtnic_iov_pool_weights(const u32 *min_mbps, unsigned int num_vfs,
			    u32 link_mbps, u16 *weights);

/* vtnic_iov.c: the message handlers the dialect tables list */
vtnic_mbx_handler_t vtnic_iov_msg_reset;
vtnic_mbx_handler_t vtnic_iov_msg_set_mac;
vtnic_mbx_handler_t vtnic_iov_msg_set_multicast;
vtnic_mbx_handler_t vtnic_iov_msg_set_vlan;
vtnic_mbx_handler_t vtnic_iov_msg_set_lpe;
vtnic_mbx_handler_t vtnic_iov_msg_set_promisc;
vtnic_mbx_handler_t vtnic_iov_msg_set_macvlan;
vtnic_mbx_handler_t vtnic_iov_msg_api_negotiate;
vtnic_mbx_handler_t vtnic_iov_msg_get_queues;
vtnic_mbx_handler_t vtnic_iov_msg_get_reta;
vtnic_mbx_handler_t vtnic_iov_msg_get_rss_key;
vtnic_mbx_handler_t vtnic_iov_msg_update_xcast;
vtnic_mbx_handler_t vtnic_iov_msg_get_link_state;

#endif /* _VTNIC_IOV_H_ */
