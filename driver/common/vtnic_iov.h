/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SR-IOV on the PF: the state kept per VF, the PF side of the mailbox,
 * the handler of the messages VFs send and the admin settings.  Plain
 * logic over the register window, so the userspace unit tests and the
 * fuzz target compile this same code against a register model.
 *
 * Every VF is hostile until proven otherwise: a message is decoded and
 * checked completely before any register is written, and a refusal is a
 * NACK plus a log line rate-limited per VF.
 *
 * Locking: the caller serialises every entry point with one lock per PF
 * (vtnic's iov_lock, a spinlock: the PF's rx_mode needs it).  Nothing
 * here sleeps; taking the mailbox from a VF that holds it busy-waits at
 * most VTNIC_MBX_LOCK_TRIES ms, as igb does.
 */
#ifndef _VTNIC_IOV_H_
#define _VTNIC_IOV_H_

#include <linux/if_ether.h>
#include <linux/types.h>

#include "vtnic_hw.h"
#include "vtnic_mbx_msg.h"
#include "vtnic_regs.h"

/*
 * The 82576 has 8 pools.  The PF keeps one for itself (its own MAC,
 * broadcast and the default pool for unmatched frames), so at most 7 VFs.
 */
#define VTNIC_IOV_MAX_VFS		(VTNIC_POOLS - 1)

/*
 * VLANs one VF may own through SET_VLAN.  The 32 VLVF entries are shared:
 * entry 0 is VLAN 0, 7 VFs x 4 = 28, and 3 stay for the PF, so a VF that
 * asks for more cannot starve the others.
 */
#define VTNIC_IOV_VF_MAX_VLANS		4

/* Frame sizes SET_LPE accepts: a minimum frame up to the PF's largest */
#define VTNIC_IOV_MIN_FRAME		(ETH_ZLEN + ETH_FCS_LEN)
#define VTNIC_IOV_MAX_FRAME		(9216 + ETH_HLEN + ETH_FCS_LEN + 4)
#define VTNIC_IOV_DEFAULT_FRAME		(ETH_FRAME_LEN + ETH_FCS_LEN + 4)

/* Attempts to take the mailbox from the VF, 1 ms apart (igb's count) */
#define VTNIC_MBX_LOCK_TRIES		11

/* A VF that lost CTS is told so at most this often (jiffies) */
#define VTNIC_IOV_NACK_PACE		(2 * HZ)
/* At most one refusal line per VF per interval; the rest are counted */
#define VTNIC_IOV_LOG_INTERVAL		HZ

/*
 * Mailbox budget of one VF, a token bucket: VTNIC_IOV_MBX_BURST messages
 * at once, then VTNIC_IOV_MBX_RATE per second.  A request past the budget
 * is ignored: not read, not answered, nothing written.  The VF's wait
 * times out as it would with a PF that is gone.
 *
 * Why these numbers: bringing a VF driver up (RESET, SET_LPE, SET_VLAN 0,
 * SET_MULTICAST, a few VLANs and a promiscuous change) takes about ten
 * messages, and a guest's rx_mode change one or two, so a burst of 64
 * covers several bring-ups back to back; 32 per second is more than any
 * driver sends in steady state (they send on configuration changes only).
 * A flooding VF then costs the PF at most 32 message handlings a second,
 * each a few dozen register accesses.  A mailbox the VF keeps locked
 * costs the PF up to VTNIC_MBX_LOCK_TRIES ms of waiting, so it is charged
 * one message per try.  A VF's own FLR does not refill its bucket.
 */
#define VTNIC_IOV_MBX_BURST		64
#define VTNIC_IOV_MBX_RATE		32

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
 * @link_state: &enum vtnic_vf_link_state
 * @cts: the VF completed RESET and may send other messages
 * @mc_promisc: it asked for all multicast (SET_PROMISC)
 * @mc_count: multicast hashes in @mc_hashes
 * @mc_hashes: hashes from its last SET_MULTICAST
 * @nr_vlans: VLANs in @vlans
 * @vlans: VLAN IDs it added with SET_VLAN
 * @max_frame: receive limit from SET_LPE, bytes
 * @max_tx_rate: admin transmit limit, Mb/s, 0 for none
 * @last_nack: jiffies of the last unsolicited NACK, to pace them
 * @log_begin: start of the current log interval
 * @log_suppressed: refusals not logged in that interval
 * @credit: mailbox budget left, in 1/HZ messages
 * @credit_stamp: jiffies when @credit was last refilled
 * @msgs: messages handled, for the statistics
 * @nacks: messages refused
 * @ignored: requests past the budget, not read
 */
struct vtnic_vf {
	u8 mac[ETH_ALEN];
	bool admin_mac;
	u16 port_vlan;
	u8 port_qos;
	bool spoofchk;
	bool trusted;
	u8 link_state;
	bool cts;
	bool mc_promisc;
	u8 mc_count;
	u16 mc_hashes[VTNIC_MBX_MAX_MC_HASHES];
	u8 nr_vlans;
	u16 vlans[VTNIC_IOV_VF_MAX_VLANS];
	u16 max_frame;
	u32 max_tx_rate;
	unsigned long last_nack;
	unsigned long log_begin;
	unsigned int log_suppressed;
	u32 credit;
	unsigned long credit_stamp;
	u64 msgs;
	u64 nacks;
	u64 ignored;
};

struct vtnic_iov;

/**
 * struct vtnic_mbx_op - one message type a dialect understands
 * @opcode: word 0 opcode
 * @min_words: words the request must carry, word 0 included
 * @name: for log messages
 * @handle: checks the request and applies it; fills reply words 1.. and
 *	    returns how many words the reply has, or a negative errno to
 *	    NACK it (nothing written to the device in that case)
 */
struct vtnic_mbx_op {
	u16 opcode;
	u8 min_words;
	const char *name;
	int (*handle)(struct vtnic_iov *iov, unsigned int vf,
		      const struct vtnic_mbx_hdr *hdr, const u32 *msg,
		      u32 *reply);
};

/**
 * struct vtnic_mbx_dialect - the message table of one VF driver family
 * @name: "igb" (82576) or "ixgbe" (82599, to come)
 * @ops: the message types
 * @nr_ops: entries in @ops
 */
struct vtnic_mbx_dialect {
	const char *name;
	const struct vtnic_mbx_op *ops;
	unsigned int nr_ops;
};

extern const struct vtnic_mbx_dialect vtnic_mbx_igb;

/**
 * struct vtnic_vlvf - software copy of one VLVF entry
 * @vid: VLAN ID
 * @pools: bitmap of the pools in it; 0 when the entry is free
 */
struct vtnic_vlvf {
	u16 vid;
	u8 pools;
};

/**
 * struct vtnic_iov - SR-IOV state of one PF
 * @hw: the PF's register window
 * @dialect: the message table VFs are served with
 * @num_vfs: VFs enabled; the PF uses pool @num_vfs
 * @vepa: frames between pools go to the wire (802.1Qbg VEPA), not the
 *	  internal switch (VEB)
 * @link_speed: port speed in Mb/s for the rate limiters, 0 when down
 * @pf_mac: the PF's address, which no VF may take
 * @pf_mta: the PF's own multicast hash bits; the MTA holds their union
 *	    with every VF's
 * @mta_hw: what the MTA holds, so only changed words are written
 * @vlvf: software copy of the VLAN pool filters
 * @vf: the VFs
 */
struct vtnic_iov {
	struct vtnic_hw *hw;
	const struct vtnic_mbx_dialect *dialect;
	unsigned int num_vfs;
	bool vepa;
	u32 link_speed;
	u8 pf_mac[ETH_ALEN];
	u32 pf_mta[VTNIC_MTA_REGS];
	u32 mta_hw[VTNIC_MTA_REGS];
	struct vtnic_vlvf vlvf[VTNIC_VLVF_ENTRIES];
	struct vtnic_vf vf[VTNIC_IOV_MAX_VFS];
};

static inline unsigned int vtnic_iov_pf_pool(const struct vtnic_iov *iov)
{
	return iov->num_vfs;
}

/* VF n's address lives in RAR 23 - n; the PF may use the ones below */
static inline unsigned int vtnic_iov_vf_rar(unsigned int vf)
{
	return VTNIC_RAR_ENTRIES - 1 - vf;
}

static inline unsigned int vtnic_iov_pf_rar_limit(const struct vtnic_iov *iov)
{
	return VTNIC_RAR_ENTRIES - iov->num_vfs;
}

/* vtnic_mbx_pf.c: the PF side of the mailbox transport */
int vtnic_mbx_pf_read(struct vtnic_hw *hw, unsigned int vf, u32 *msg);
int vtnic_mbx_pf_write(struct vtnic_hw *hw, unsigned int vf, const u32 *msg,
		       unsigned int words);
void vtnic_mbx_pf_release(struct vtnic_hw *hw, unsigned int vf);

/* vtnic_iov.c */
void vtnic_rar_write(struct vtnic_hw *hw, unsigned int idx, const u8 *addr,
		     u32 pools);
void vtnic_iov_init(struct vtnic_iov *iov, struct vtnic_hw *hw,
		    unsigned int num_vfs);
void vtnic_iov_configure(struct vtnic_iov *iov);
void vtnic_iov_pf_reset_begin(struct vtnic_iov *iov);
void vtnic_iov_pf_reset_done(struct vtnic_iov *iov);
void vtnic_iov_disable(struct vtnic_iov *iov);
int vtnic_iov_rcv_msg(struct vtnic_iov *iov, unsigned int vf, const u32 *msg,
		      unsigned int words, u32 *reply);
void vtnic_iov_service(struct vtnic_iov *iov);
void vtnic_iov_vf_flr(struct vtnic_iov *iov, unsigned int vf);
void vtnic_iov_ping_all(struct vtnic_iov *iov);
void vtnic_iov_set_link(struct vtnic_iov *iov, u32 speed);

void vtnic_iov_set_pf_mac(struct vtnic_iov *iov, const u8 *mac);
void vtnic_iov_set_pf_mta(struct vtnic_iov *iov, const u32 *mta);
int vtnic_iov_set_pf_vlan(struct vtnic_iov *iov, u16 vid, bool on);
void vtnic_iov_set_pf_rx(struct vtnic_iov *iov, unsigned int frame,
			 bool allmulti);
void vtnic_iov_set_vepa(struct vtnic_iov *iov, bool vepa);

int vtnic_iov_set_vf_mac(struct vtnic_iov *iov, unsigned int vf,
			 const u8 *mac);
int vtnic_iov_set_vf_vlan(struct vtnic_iov *iov, unsigned int vf, u16 vid,
			  u8 qos);
void vtnic_iov_set_vf_spoofchk(struct vtnic_iov *iov, unsigned int vf,
			       bool on);
void vtnic_iov_set_vf_trust(struct vtnic_iov *iov, unsigned int vf, bool on);
void vtnic_iov_set_vf_link_state(struct vtnic_iov *iov, unsigned int vf,
				 enum vtnic_vf_link_state state);
int vtnic_iov_set_vf_rate(struct vtnic_iov *iov, unsigned int vf,
			  u32 max_mbps);

#endif /* _VTNIC_IOV_H_ */
