// SPDX-License-Identifier: GPL-2.0
/*
 * SR-IOV policy of the PF: per-VF filters, the VF message handlers and
 * the admin settings, written through the MAC's struct vtnic_iov_ops.
 * See vtnic_iov.h for the rules every entry point keeps.
 *
 * What a VF owns: pool n (its receive policy, port VLAN, anti-spoofing,
 * rate limit, transmit weight and enable bit), the n-th receive address from the top, its
 * bit in every VLAN pool filter and its mailbox.  The multicast table, the
 * VLAN filter table and the VLAN IDs of the pool filters are shared and
 * always rewritten as the union of what the PF and every VF asked for;
 * nothing else is VF-reachable.  The unit tests check this on the 82576's
 * registers after every message.
 */

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/math64.h>
#include <linux/string.h>

#include "vtnic_iov.h"

#define VTNIC_VLAN_VID_MAX	4094	/* 4095 is reserved (802.1Q) */

/*
 * A refusal: at most one line per VF per interval.  The refusals not
 * logged in between are counted and the next line says how many.
 */
static __printf(3, 4) void vtnic_vf_refuse(struct vtnic_iov *iov,
					   unsigned int vf,
					   const char *fmt, ...)
{
	struct vtnic_vf *v = &iov->vf[vf];
	struct va_format vaf;
	va_list args;

	if (v->log_begin &&
	    time_before(jiffies, v->log_begin + VTNIC_IOV_LOG_INTERVAL)) {
		v->log_suppressed++;
		return;
	}
	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	if (v->log_suppressed)
		dev_warn(iov->hw->dev, "VF %u: %pV (%u more refusals not logged)\n",
			 vf, &vaf, v->log_suppressed);
	else
		dev_warn(iov->hw->dev, "VF %u: %pV\n", vf, &vaf);
	va_end(args);
	v->log_begin = jiffies | 1;
	v->log_suppressed = 0;
}

#define VTNIC_IOV_MBX_FULL	(VTNIC_IOV_MBX_BURST * HZ)

/* Refill @vf's mailbox budget for the time since the last refill */
static void vtnic_vf_mbx_refill(struct vtnic_vf *v)
{
	unsigned long elapsed = jiffies - v->credit_stamp;

	v->credit_stamp = jiffies;
	if (elapsed >= VTNIC_IOV_MBX_FULL / VTNIC_IOV_MBX_RATE)
		v->credit = VTNIC_IOV_MBX_FULL;
	else
		v->credit = min_t(u32, VTNIC_IOV_MBX_FULL,
				  v->credit + elapsed * VTNIC_IOV_MBX_RATE);
}

/* Take one message from @vf's budget; false when it has none left */
static bool vtnic_vf_mbx_take(struct vtnic_vf *v)
{
	vtnic_vf_mbx_refill(v);
	if (v->credit < HZ)
		return false;
	v->credit -= HZ;
	return true;
}

/* Jiffies until @vf's budget has a message again, 0 if it has one now */
static unsigned long vtnic_vf_mbx_wait(struct vtnic_vf *v)
{
	vtnic_vf_mbx_refill(v);
	if (v->credit >= HZ)
		return 0;
	return DIV_ROUND_UP(HZ - v->credit, VTNIC_IOV_MBX_RATE);
}

/* Charge @vf for @msgs messages' worth of PF time, down to empty */
static void vtnic_vf_mbx_charge(struct vtnic_vf *v, unsigned int msgs)
{
	v->credit -= min_t(u32, v->credit, msgs * HZ);
}

/* Refill the PF's waiting budget for the time since the last refill */
static void vtnic_iov_wait_refill(struct vtnic_iov *iov)
{
	unsigned long elapsed = jiffies - iov->wait_stamp;

	iov->wait_stamp = jiffies;
	if (elapsed >= HZ)
		iov->wait_credit_us = VTNIC_IOV_WAIT_US_PER_S;
	else
		iov->wait_credit_us = min_t(u32, VTNIC_IOV_WAIT_US_PER_S,
					    iov->wait_credit_us + elapsed *
					    (VTNIC_IOV_WAIT_US_PER_S / HZ));
}

/*
 * Post @words of @msg to @vf, or read its message into @msg when @words
 * is 0.  The call tries for the buffer as long as the PF's waiting budget
 * has a whole wait left, once otherwise; the time it waited, tried for
 * the buffer or not in the end, is charged to that budget and to @vf's.
 */
static int vtnic_iov_mbx_io(struct vtnic_iov *iov, unsigned int vf, u32 *msg,
			    unsigned int words)
{
	struct vtnic_mbx_wait w = { .tries = 1 };
	int err;

	vtnic_iov_wait_refill(iov);
	if (iov->wait_credit_us >=
	    (VTNIC_MBX_LOCK_TRIES - 1) * VTNIC_MBX_LOCK_WAIT_US)
		w.tries = VTNIC_MBX_LOCK_TRIES;
	if (words)
		err = vtnic_mbx_pf_write(iov->hw, iov->info->mbx, vf, msg,
					 words, &w);
	else
		err = vtnic_mbx_pf_read(iov->hw, iov->info->mbx, vf, msg, &w);
	if (w.waited_us) {
		iov->wait_credit_us -= min(iov->wait_credit_us, w.waited_us);
		vtnic_vf_mbx_charge(&iov->vf[vf],
				    DIV_ROUND_UP(w.waited_us,
						 VTNIC_MBX_LOCK_WAIT_US));
	}
	return err;
}

static bool vtnic_vf_tx_allowed(const struct vtnic_vf *v)
{
	return v->cts && v->link_state != VTNIC_VF_LINK_DISABLE &&
	       !v->quarantined;
}

static void vtnic_iov_write_vf_mac(struct vtnic_iov *iov, unsigned int vf)
{
	const struct vtnic_vf *v = &iov->vf[vf];

	iov->info->ops->set_rar(iov->hw, vtnic_iov_vf_rar(iov, vf),
				is_zero_ether_addr(v->mac) ? NULL : v->mac,
				BIT_ULL(vf));
}

/* Its extra unicast addresses, and the rest of its quota free */
static void vtnic_iov_write_vf_uc(struct vtnic_iov *iov, unsigned int vf)
{
	const struct vtnic_vf *v = &iov->vf[vf];
	unsigned int k;

	for (k = 0; k < iov->uc_quota; k++)
		iov->info->ops->set_rar(iov->hw, vtnic_iov_vf_uc_rar(iov, vf, k),
					k < v->nr_uc ? v->uc[k] : NULL,
					k < v->nr_uc ? BIT_ULL(vf) : 0);
}

/* Drop every extra unicast address of @vf; nothing to write if none */
static void vtnic_vf_clear_uc(struct vtnic_iov *iov, unsigned int vf)
{
	if (!iov->vf[vf].nr_uc)
		return;
	iov->vf[vf].nr_uc = 0;
	vtnic_iov_write_vf_uc(iov, vf);
}

/* Drop @mac from @vf's extra addresses, which then fill the gap */
static void vtnic_vf_del_uc(struct vtnic_iov *iov, unsigned int vf,
			    const u8 *mac)
{
	struct vtnic_vf *v = &iov->vf[vf];
	unsigned int k;

	for (k = 0; k < v->nr_uc; k++) {
		if (!ether_addr_equal(mac, v->uc[k]))
			continue;
		memmove(v->uc[k], v->uc[k + 1], (v->nr_uc - k - 1) * ETH_ALEN);
		v->nr_uc--;
		vtnic_iov_write_vf_uc(iov, vf);
		return;
	}
}

/* A VF's pool passes traffic while the VF may talk */
static void vtnic_iov_write_vf_enable(struct vtnic_iov *iov, unsigned int vf)
{
	if (vtnic_vf_tx_allowed(&iov->vf[vf]))
		iov->pools_on |= BIT_ULL(vf);
	else
		iov->pools_on &= ~BIT_ULL(vf);
	iov->info->ops->set_pools_enabled(iov->hw, iov->pools_on);
}

static void vtnic_iov_write_pool_rx(struct vtnic_iov *iov, unsigned int vf)
{
	const struct vtnic_vf *v = &iov->vf[vf];
	struct vtnic_pool_rx rx = {
		.max_frame = v->max_frame,
		/* A port VLAN: the VF only sees frames of that VLAN */
		.untagged = !v->port_vlan,
		.strip_vlan = v->port_vlan || v->nr_vlans,
		.mc_hash = v->mc_count && v->xcast >= VTNIC_MBX_XCAST_MULTI,
		.broadcast = true,
		.all_multi = v->mc_promisc ||
			     v->xcast >= VTNIC_MBX_XCAST_ALLMULTI,
	};

	iov->info->ops->set_pool_rx(iov->hw, vf, &rx);
}

static void vtnic_iov_write_port_vlan(struct vtnic_iov *iov, unsigned int vf)
{
	const struct vtnic_vf *v = &iov->vf[vf];

	iov->info->ops->set_port_vlan(iov->hw, vf, v->port_vlan, v->port_qos);
}

static void vtnic_iov_write_spoofchk(struct vtnic_iov *iov, unsigned int vf)
{
	iov->info->ops->set_spoofchk(iov->hw, vf, iov->vf[vf].spoofchk);
}

/*
 * The MTA is shared by every pool: the PF's bits and every VF's hashes.
 * Only words that changed are written: a VF's next message waits for the
 * PF to release the mailbox, and igbvf gives up after 5 ms (128 writes
 * take about that long under emulation).  @force rewrites all of it,
 * after a reset.
 */
static void __vtnic_iov_write_mta(struct vtnic_iov *iov, bool force)
{
	u32 mta[VTNIC_MTA_WORDS];
	unsigned int vf, i;

	memcpy(mta, iov->pf_mta, sizeof(mta));
	for (vf = 0; vf < iov->num_vfs; vf++) {
		const struct vtnic_vf *v = &iov->vf[vf];

		for (i = 0; i < v->mc_count; i++) {
			u16 h = v->mc_hashes[i] & 0xfff;

			mta[h >> 5] |= BIT(h & 31);
		}
	}
	for (i = 0; i < VTNIC_MTA_WORDS; i++) {
		if (!force && mta[i] == iov->mta_hw[i])
			continue;
		iov->info->ops->set_mta(iov->hw, i, mta[i]);
		iov->mta_hw[i] = mta[i];
	}
}

static void vtnic_iov_write_mta(struct vtnic_iov *iov)
{
	__vtnic_iov_write_mta(iov, false);
}

static unsigned int vtnic_iov_vlvf_entries(const struct vtnic_iov *iov)
{
	return iov->info->limits.vlvf_entries;
}

/* Rewrite one VLVF entry and the VFTA bit of its VLAN ID */
static void vtnic_iov_write_vlvf(struct vtnic_iov *iov, unsigned int idx)
{
	const struct vtnic_vlvf *e = &iov->vlvf[idx];
	bool in_vfta = false;
	unsigned int i;

	iov->info->ops->set_vlvf(iov->hw, idx, e->vid, e->pools);
	for (i = 0; i < vtnic_iov_vlvf_entries(iov); i++)
		if (iov->vlvf[i].pools && iov->vlvf[i].vid == e->vid)
			in_vfta = true;
	iov->info->ops->set_vfta(iov->hw, e->vid, in_vfta);
}

static int vtnic_iov_vlvf_find(const struct vtnic_iov *iov, u16 vid)
{
	unsigned int i;

	for (i = 1; i < vtnic_iov_vlvf_entries(iov); i++)
		if (iov->vlvf[i].pools && iov->vlvf[i].vid == vid)
			return i;
	return -ENOENT;
}

/* VLAN pool filters no VLAN uses */
static unsigned int vtnic_iov_vlvf_free(const struct vtnic_iov *iov)
{
	unsigned int i, n = 0;

	for (i = 1; i < vtnic_iov_vlvf_entries(iov); i++)
		n += !iov->vlvf[i].pools;
	return n;
}

/*
 * Add or remove a pool from a VLAN's entry; VLAN 0 is entry 0, always on.
 * A new entry is taken only while more than @keep stay free.
 */
static int vtnic_iov_pool_vlan_keep(struct vtnic_iov *iov, unsigned int pool,
				    u16 vid, bool on, unsigned int keep)
{
	int idx = vtnic_iov_vlvf_find(iov, vid);
	unsigned int i;

	if (!vid)
		return 0;
	if (idx < 0) {
		if (!on)
			return 0;
		if (vtnic_iov_vlvf_free(iov) <= keep)
			return -ENOSPC;
		for (i = 1; i < vtnic_iov_vlvf_entries(iov); i++)
			if (!iov->vlvf[i].pools)
				break;
		idx = i;
		iov->vlvf[idx].vid = vid;
	}
	if (on)
		iov->vlvf[idx].pools |= BIT_ULL(pool);
	else
		iov->vlvf[idx].pools &= ~BIT_ULL(pool);
	vtnic_iov_write_vlvf(iov, idx);
	return 0;
}

/* Whether one of @vf's VLANs but @vid has an entry to itself */
static bool vtnic_iov_vf_vlvf_alone(const struct vtnic_iov *iov,
				    unsigned int vf, u16 vid)
{
	unsigned int i;

	for (i = 1; i < vtnic_iov_vlvf_entries(iov); i++)
		if (iov->vlvf[i].pools == BIT_ULL(vf) && iov->vlvf[i].vid != vid)
			return true;
	return false;
}

/* The same for the host: the PF's VLANs and the admin's, any entry */
static int vtnic_iov_pool_vlan(struct vtnic_iov *iov, unsigned int pool,
			       u16 vid, bool on)
{
	return vtnic_iov_pool_vlan_keep(iov, pool, vid, on, 0);
}

/*
 * VLAN 0, priority-tagged frames: every pool's but those of VFs with a
 * port VLAN, which see their port VLAN only (as ixgbe revokes VLAN 0)
 */
static void vtnic_iov_write_vlan0(struct vtnic_iov *iov)
{
	unsigned int vf;

	iov->vlvf[0].vid = 0;
	iov->vlvf[0].pools = BIT_ULL(vtnic_iov_pf_pool(iov));
	for (vf = 0; vf < iov->num_vfs; vf++)
		if (!iov->vf[vf].port_vlan)
			iov->vlvf[0].pools |= BIT_ULL(vf);
	vtnic_iov_write_vlvf(iov, 0);
}

/*
 * A limit at or above the link speed (set while the link was down or
 * slower) limits nothing: the limiter is off rather than given a factor
 * below one, or one that rounds to zero.
 */
static void vtnic_iov_write_rate(struct vtnic_iov *iov, unsigned int vf)
{
	u32 rate = iov->vf[vf].max_tx_rate;
	unsigned int k;

	if (rate >= iov->link_speed)
		rate = 0;
	/* Each of the pool's queues is limited to the VF's rate */
	for (k = 0; k < iov->pool_queues; k++)
		iov->info->ops->set_rate(iov->hw, vtnic_iov_pool_queue(iov, vf, k),
					 rate, iov->link_speed);
}

/* The speed guarantees are held against: the link's, its fastest while down */
static u32 vtnic_iov_link_mbps(const struct vtnic_iov *iov)
{
	return iov->link_speed ? iov->link_speed : iov->info->limits.link_mbps;
}

/**
 * vtnic_iov_pool_weights() - the pools' weights in the transmit arbitration
 * @min_mbps: each VF's min_tx_rate, Mb/s, 0 for none; @num_vfs entries
 * @num_vfs: VFs; the PF's pool is pool @num_vfs
 * @link_mbps: the speed the guarantees are held against, Mb/s
 * @weights: filled with the weights of pools 0 .. @num_vfs
 *
 * Under contention the arbiter serves each backlogged pool in proportion
 * to its weight, and what an idle pool leaves goes to the others in the
 * same proportion.  A VF with a guarantee weighs its share of the link,
 * min / link of VTNIC_IOV_WEIGHT_SCALE (at least 1); the PF's pool and
 * the VFs without a guarantee split what the guarantees leave equally,
 * each at least VTNIC_IOV_WEIGHT_FLOOR.  Guarantees that add up to more
 * than the link (set while it was down, and it came up slower) are held
 * against their sum instead, so they keep their ratios.  A pure function
 * of its arguments: the unit tests check it.
 */
void vtnic_iov_pool_weights(const u32 *min_mbps, unsigned int num_vfs,
			    u32 link_mbps, u16 *weights)
{
	unsigned int vf, others = 1;
	u64 sum = 0, total;
	u32 rest;

	for (vf = 0; vf < num_vfs; vf++) {
		sum += min_mbps[vf];
		if (!min_mbps[vf])
			others++;
	}
	total = max_t(u64, max_t(u64, sum, link_mbps), 1);
	rest = div64_u64((total - sum) * VTNIC_IOV_WEIGHT_SCALE, total) / others;
	rest = max_t(u32, rest, VTNIC_IOV_WEIGHT_FLOOR);

	for (vf = 0; vf < num_vfs; vf++) {
		u64 w;

		if (!min_mbps[vf]) {
			weights[vf] = rest;
			continue;
		}
		w = div64_u64((u64)min_mbps[vf] * VTNIC_IOV_WEIGHT_SCALE +
			      total / 2, total);
		weights[vf] = max_t(u64, w, 1);
	}
	weights[num_vfs] = rest;
}

/*
 * Every pool's transmit weight, from the VFs' guarantees: one VF's
 * guarantee changes the others' weights, so all are computed again and
 * those that changed written; @force writes all of them, after a reset.
 */
static void __vtnic_iov_write_weights(struct vtnic_iov *iov, bool force)
{
	const struct vtnic_iov_ops *ops = iov->info->ops;
	u32 min_mbps[VTNIC_IOV_VFS_MAX];
	u16 weights[VTNIC_IOV_POOLS_MAX];
	unsigned int vf, pool;

	if (!ops->set_pool_weight)
		return;
	for (vf = 0; vf < iov->num_vfs; vf++)
		min_mbps[vf] = iov->vf[vf].min_tx_rate;
	vtnic_iov_pool_weights(min_mbps, iov->num_vfs, vtnic_iov_link_mbps(iov),
			       weights);
	for (pool = 0; pool <= iov->num_vfs; pool++) {
		if (!force && weights[pool] == iov->weight_hw[pool])
			continue;
		ops->set_pool_weight(iov->hw, pool, weights[pool]);
		iov->weight_hw[pool] = weights[pool];
	}
}

/* Everything a VF owns, from its software state */
static void vtnic_iov_write_vf(struct vtnic_iov *iov, unsigned int vf)
{
	vtnic_iov_write_vf_mac(iov, vf);
	vtnic_iov_write_vf_uc(iov, vf);
	vtnic_iov_write_pool_rx(iov, vf);
	vtnic_iov_write_port_vlan(iov, vf);
	vtnic_iov_write_spoofchk(iov, vf);
	vtnic_iov_write_rate(iov, vf);
	vtnic_iov_write_vf_enable(iov, vf);
}

/* Forget what the VF itself asked for; keep what the admin set */
static void vtnic_iov_vf_clear(struct vtnic_iov *iov, unsigned int vf)
{
	const struct vtnic_iov_ops *ops = iov->info->ops;
	struct vtnic_vf *v = &iov->vf[vf];
	unsigned int i;

	for (i = 0; ops->clear_queue && i < iov->pool_queues; i++)
		ops->clear_queue(iov->hw, vtnic_iov_pool_queue(iov, vf, i));
	for (i = 0; i < v->nr_vlans; i++)
		vtnic_iov_pool_vlan(iov, vf, v->vlans[i], false);
	v->nr_vlans = 0;
	vtnic_vf_clear_uc(iov, vf);
	v->mc_count = 0;
	v->mc_promisc = false;
	v->xcast = VTNIC_MBX_XCAST_MULTI;
	v->api = VTNIC_MBX_API_10;
	v->max_frame = VTNIC_IOV_DEFAULT_FRAME;
	vtnic_iov_write_mta(iov);
}

/**
 * vtnic_iov_init() - start the software state for @num_vfs VFs
 * @iov: zeroed or previously used state
 * @hw: the PF's registers
 * @info: its MAC's SR-IOV
 * @num_vfs: 1..vtnic_iov_max_vfs(@info)
 *
 * Every VF starts with no address, anti-spoofing on, link auto and not
 * clear to send.  Nothing is written: vtnic_iov_configure() does that.
 */
void vtnic_iov_init(struct vtnic_iov *iov, struct vtnic_hw *hw,
		    const struct vtnic_iov_info *info, unsigned int num_vfs)
{
	unsigned int vf;

	memset(iov->vf, 0, sizeof(iov->vf));
	memset(iov->vlvf, 0, sizeof(iov->vlvf));
	memset(iov->weight_hw, 0, sizeof(iov->weight_hw));
	iov->hw = hw;
	iov->info = info;
	iov->dialect = info->dialect;
	iov->num_vfs = min(num_vfs, vtnic_iov_max_vfs(info));
	iov->pool_queues = info->ops->pool_queues(iov->num_vfs);
	iov->uc_quota = 0;
	if (iov->num_vfs && info->limits.rar_entries >
	    VTNIC_IOV_PF_RARS + iov->num_vfs)
		iov->uc_quota = min_t(unsigned int, VTNIC_IOV_VF_MAX_UC,
				      (info->limits.rar_entries -
				       VTNIC_IOV_PF_RARS - iov->num_vfs) /
				      iov->num_vfs);
	iov->pools_on = 0;
	iov->vepa = false;
	iov->pf_frame = VTNIC_IOV_DEFAULT_FRAME;
	iov->nr_pf_uc = 0;
	for (vf = 0; vf < iov->num_vfs; vf++) {
		iov->vf[vf].spoofchk = true;
		iov->vf[vf].max_frame = VTNIC_IOV_DEFAULT_FRAME;
		iov->vf[vf].xcast = VTNIC_MBX_XCAST_MULTI;
		iov->vf[vf].credit = VTNIC_IOV_MBX_FULL;
		iov->vf[vf].credit_stamp = jiffies;
	}
	iov->wait_credit_us = VTNIC_IOV_WAIT_US_PER_S;
	iov->wait_stamp = jiffies;
}

/**
 * vtnic_iov_configure() - program the virtualization registers
 * @iov: the state, after vtnic_iov_init() and after every PF reset
 *
 * The PF takes pool num_vfs, is the default pool for frames no filter
 * claims, and every VF's admin settings are restored.  VFs stay disabled
 * (VFRE/VFTE) until each sends RESET.  The PF's own pool VMOLR is
 * vtnic_iov_set_pf_rx()'s.
 */
void vtnic_iov_configure(struct vtnic_iov *iov)
{
	const struct vtnic_iov_ops *ops = iov->info->ops;
	unsigned int pool = vtnic_iov_pf_pool(iov), vf, i;

	/* The PF's pool passes traffic; each VF's once it sent RESET */
	iov->pools_on = BIT_ULL(pool);
	ops->set_pools_enabled(iov->hw, iov->pools_on);
	ops->enable(iov->hw, iov->num_vfs);
	ops->set_switch(iov->hw, iov->vepa);

	/* The device reset emptied the mailboxes: no request waits */
	for (vf = 0; vf < iov->num_vfs; vf++) {
		iov->vf[vf].cts = false;
		iov->vf[vf].req_deferred = false;
		vtnic_iov_write_vf(iov, vf);
	}
	/* Pools past the VFs and the PF's: nothing accepted */
	for (i = pool + 1; i < iov->info->limits.pools; i++)
		ops->set_pool_rx(iov->hw, i, NULL);

	for (i = 0; i < vtnic_iov_vlvf_entries(iov); i++)
		vtnic_iov_write_vlvf(iov, i);
	vtnic_iov_write_vlan0(iov);
	__vtnic_iov_write_mta(iov, true);
	/* Every pool in use weighs something before any of them sends */
	__vtnic_iov_write_weights(iov, true);
}

/**
 * vtnic_iov_pf_reset_begin() - the PF is about to reset the device
 * @iov: the state
 *
 * Every VF loses CTS and is told through a PF control message without it,
 * then its traffic stops; it resets itself once the PF is back.
 */
void vtnic_iov_pf_reset_begin(struct vtnic_iov *iov)
{
	unsigned int vf;

	for (vf = 0; vf < iov->num_vfs; vf++)
		iov->vf[vf].cts = false;
	vtnic_iov_ping_all(iov);
	iov->pools_on = 0;
	iov->info->ops->set_pools_enabled(iov->hw, 0);
}

/**
 * vtnic_iov_pf_reset_done() - tell the VFs the PF finished its reset
 * @iov: the state, with the device programmed and interrupts enabled
 *
 * Every VF's mailbox shows "reset done" (RSTD) and no longer "reset in
 * progress" (RSTI).
 */
void vtnic_iov_pf_reset_done(struct vtnic_iov *iov)
{
	iov->info->ops->pf_reset_done(iov->hw);
}

/**
 * vtnic_iov_disable() - leave virtualization mode
 * @iov: the state; num_vfs becomes 0
 */
void vtnic_iov_disable(struct vtnic_iov *iov)
{
	const struct vtnic_iov_ops *ops = iov->info->ops;
	unsigned int i;

	iov->pools_on = 0;
	ops->set_pools_enabled(iov->hw, 0);
	ops->disable(iov->hw);
	for (i = 0; i < iov->num_vfs; i++) {
		ops->set_rar(iov->hw, vtnic_iov_vf_rar(iov, i), NULL, 0);
		iov->vf[i].nr_uc = 0;
		vtnic_iov_write_vf_uc(iov, i);
		ops->set_port_vlan(iov->hw, i, 0, 0);
	}
	for (i = 0; i < vtnic_iov_vlvf_entries(iov); i++)
		ops->set_vlvf(iov->hw, i, 0, 0);
	if (ops->set_pool_weight)
		for (i = 0; i <= iov->num_vfs; i++)
			ops->set_pool_weight(iov->hw, i, 0);
	memset(iov->weight_hw, 0, sizeof(iov->weight_hw));
	memset(iov->vlvf, 0, sizeof(iov->vlvf));
	memset(iov->vf, 0, sizeof(iov->vf));
	iov->num_vfs = 0;
}

/* Whether @vf has @mac among its extra unicast addresses */
static bool vtnic_vf_has_uc(const struct vtnic_vf *v, const u8 *mac)
{
	unsigned int k;

	for (k = 0; k < v->nr_uc; k++)
		if (ether_addr_equal(mac, v->uc[k]))
			return true;
	return false;
}

/* The VF other than @vf that holds @mac, or -1 */
static int vtnic_iov_vf_holding(const struct vtnic_iov *iov, unsigned int vf,
				const u8 *mac)
{
	unsigned int i;

	for (i = 0; i < iov->num_vfs; i++)
		if (i != vf && (ether_addr_equal(mac, iov->vf[i].mac) ||
				vtnic_vf_has_uc(&iov->vf[i], mac)))
			return i;
	return -1;
}

/* Whether @mac is taken by the PF or by a VF other than @vf */
static bool vtnic_iov_mac_taken(const struct vtnic_iov *iov, unsigned int vf,
				const u8 *mac)
{
	unsigned int k;

	if (ether_addr_equal(mac, iov->pf_mac))
		return true;
	for (k = 0; k < iov->nr_pf_uc; k++)
		if (ether_addr_equal(mac, iov->pf_uc[k]))
			return true;
	return vtnic_iov_vf_holding(iov, vf, mac) >= 0;
}

/*
 * One more unicast address for @vf, in an exact filter of its quota: not
 * while the admin fixed its address and did not trust it (as igb and
 * ixgbe), never the PF's or another VF's.  Its own is already there.
 */
static int vtnic_vf_add_uc(struct vtnic_iov *iov, unsigned int vf,
			   const u8 *mac)
{
	struct vtnic_vf *v = &iov->vf[vf];

	if (v->admin_mac && !v->trusted) {
		vtnic_vf_refuse(iov, vf, "extra address %pM refused: the admin set %pM (trust off)",
				mac, v->mac);
		return -EPERM;
	}
	if (!is_valid_ether_addr(mac)) {
		vtnic_vf_refuse(iov, vf, "extra address %pM refused: not a unicast address",
				mac);
		return -EINVAL;
	}
	if (ether_addr_equal(mac, v->mac) || vtnic_vf_has_uc(v, mac))
		return 0;
	if (vtnic_iov_mac_taken(iov, vf, mac)) {
		vtnic_vf_refuse(iov, vf, "extra address %pM refused: the PF or another VF has it",
				mac);
		return -EADDRINUSE;
	}
	if (v->nr_uc >= iov->uc_quota) {
		vtnic_vf_refuse(iov, vf, "extra address %pM refused: it has its %u already",
				mac, iov->uc_quota);
		return -ENOSPC;
	}
	ether_addr_copy(v->uc[v->nr_uc++], mac);
	vtnic_iov_write_vf_uc(iov, vf);
	return 0;
}

/* Word 0 of a PF control message as this VF should see it now */
static u32 vtnic_iov_control_word(const struct vtnic_iov *iov, unsigned int vf)
{
	struct vtnic_mbx_hdr hdr = {
		.opcode = VTNIC_MBX_PF_CONTROL,
		.cts = vtnic_vf_tx_allowed(&iov->vf[vf]),
	};

	return vtnic_mbx_hdr_encode(&hdr);
}

static void vtnic_iov_rcv_req(struct vtnic_iov *iov, unsigned int vf);

/*
 * A PF control message.  A request the VF posted may be in the buffer the
 * message would overwrite, just posted or waiting for the VF's budget: it
 * is served first (or waits on), and the message follows once the VF
 * acknowledged the reply (vtnic_iov_rcv_ack()).  Not for a VF without CTS
 * (before its RESET, or while the PF resets): the message tells it to
 * reset, which is all its request could lead to, and replaces it.
 */
static void vtnic_iov_ping(struct vtnic_iov *iov, unsigned int vf)
{
	const struct vtnic_mbx_pf_regs *mbx = iov->info->mbx;
	struct vtnic_vf *v = &iov->vf[vf];
	u32 word;

	if (v->quarantined)
		return;
	if (v->cts && (v->req_deferred ||
		       vtnic_mbx_pf_causes(iov->hw, mbx, vf) &
		       VTNIC_PFMBICR_VFREQ(vf))) {
		vtnic_mbx_pf_clear_causes(iov->hw, mbx, vf,
					  VTNIC_PFMBICR_VFREQ(vf));
		vtnic_iov_rcv_req(iov, vf);
		v->ping_pending = true;
		return;
	}
	v->ping_pending = false;
	v->req_deferred = false;
	word = vtnic_iov_control_word(iov, vf);
	if (vtnic_iov_mbx_io(iov, vf, &word, 1))
		vtnic_vf_refuse(iov, vf, "mailbox busy, PF control message not sent");
}

/**
 * vtnic_iov_ping_all() - send every VF a PF control message
 * @iov: the state
 *
 * The VF reads its link from STATUS and whether it may talk from the CTS
 * bit of this message; a VF without CTS (link_state disable, PF reset)
 * drops its carrier.
 */
void vtnic_iov_ping_all(struct vtnic_iov *iov)
{
	unsigned int vf;

	for (vf = 0; vf < iov->num_vfs; vf++)
		vtnic_iov_ping(iov, vf);
}

/**
 * vtnic_iov_set_link() - the port's link changed
 * @iov: the state
 * @speed: Mb/s, 0 when down
 */
void vtnic_iov_set_link(struct vtnic_iov *iov, u32 speed)
{
	unsigned int vf;
	u32 sum = 0;

	iov->link_speed = speed;
	for (vf = 0; vf < iov->num_vfs; vf++) {
		vtnic_iov_write_rate(iov, vf);
		sum += iov->vf[vf].min_tx_rate;
	}
	if (speed && sum > speed)
		dev_warn(iov->hw->dev, "the VFs' min_tx_rate add up to %u Mb/s, above the link's %u: each gets its share of %u Mb/s\n",
			 sum, speed, sum);
	__vtnic_iov_write_weights(iov, false);
	vtnic_iov_ping_all(iov);
}

/*
 * ---- the message handlers, one per message type; the dialect tables
 * (vtnic_mbx_igb.c, vtnic_mbx_ixgbe.c) say which a VF driver family
 * sends ----
 */

int vtnic_iov_msg_reset(struct vtnic_iov *iov, unsigned int vf,
			const struct vtnic_mbx_hdr *hdr, const u32 *msg,
			u32 *reply)
{
	struct vtnic_vf *v = &iov->vf[vf];

	/* A reset keeps the address (admin or its own) and admin settings */
	vtnic_iov_vf_clear(iov, vf);
	v->cts = true;
	vtnic_iov_write_vf(iov, vf);

	if (is_zero_ether_addr(v->mac))
		return -EADDRNOTAVAIL;	/* the VF picks one and sets it */
	vtnic_mbx_put_mac(&reply[1], v->mac);
	/* ixgbe's fourth word: multicast filter type 0, address bits 47:36 */
	return iov->dialect->reset_words;
}

int vtnic_iov_msg_set_mac(struct vtnic_iov *iov, unsigned int vf,
			  const struct vtnic_mbx_hdr *hdr, const u32 *msg,
			  u32 *reply)
{
	struct vtnic_vf *v = &iov->vf[vf];
	u8 mac[ETH_ALEN];

	vtnic_mbx_get_mac(&msg[1], mac);
	switch (hdr->info) {
	case VTNIC_MBX_MAC_SET:
		break;
	case VTNIC_MBX_MAC_FILTER_CLR:
		vtnic_vf_clear_uc(iov, vf);
		return 1;
	case VTNIC_MBX_MAC_FILTER_ADD:
		return vtnic_vf_add_uc(iov, vf, mac) ?: 1;
	default:
		vtnic_vf_refuse(iov, vf, "SET_MAC_ADDR with unknown info %u",
				hdr->info);
		return -EINVAL;
	}

	if (is_valid_ether_addr(mac) && ether_addr_equal(mac, v->mac))
		return 1;
	if (v->admin_mac && !v->trusted) {
		vtnic_vf_refuse(iov, vf, "MAC %pM refused: the admin set %pM (trust off)",
				mac, v->mac);
		return -EPERM;
	}
	if (!is_valid_ether_addr(mac)) {
		vtnic_vf_refuse(iov, vf, "MAC %pM refused: not a unicast address",
				mac);
		return -EINVAL;
	}
	if (vtnic_iov_mac_taken(iov, vf, mac)) {
		vtnic_vf_refuse(iov, vf, "MAC %pM refused: in use by the PF or another VF",
				mac);
		return -EADDRINUSE;
	}
	/* One filter per address: an extra one it takes as its own goes */
	vtnic_vf_del_uc(iov, vf, mac);
	ether_addr_copy(v->mac, mac);
	vtnic_iov_write_vf_mac(iov, vf);
	return 1;
}

int vtnic_iov_msg_set_multicast(struct vtnic_iov *iov, unsigned int vf,
				const struct vtnic_mbx_hdr *hdr, const u32 *msg,
				u32 *reply)
{
	struct vtnic_vf *v = &iov->vf[vf];
	u16 hashes[VTNIC_MBX_MAX_MC_HASHES];
	unsigned int i;

	if (vtnic_mbx_get_mc_hashes(&msg[1], VTNIC_MBX_WORDS - 1, hdr->info,
				    hashes)) {
		vtnic_vf_refuse(iov, vf, "SET_MULTICAST with %u hashes refused (at most %u)",
				hdr->info, VTNIC_MBX_MAX_MC_HASHES);
		return -EINVAL;
	}
	v->mc_count = hdr->info;
	for (i = 0; i < v->mc_count; i++)
		v->mc_hashes[i] = hashes[i] & 0xfff;
	vtnic_iov_write_mta(iov);
	vtnic_iov_write_pool_rx(iov, vf);
	return 1;
}

static int vtnic_vf_add_vlan(struct vtnic_iov *iov, unsigned int vf, u16 vid)
{
	struct vtnic_vf *v = &iov->vf[vf];
	unsigned int i;
	int err;

	for (i = 0; i < v->nr_vlans; i++)
		if (v->vlans[i] == vid)
			return 0;
	if (v->nr_vlans == VTNIC_IOV_VF_MAX_VLANS) {
		vtnic_vf_refuse(iov, vf, "VLAN %u refused: it already has %u",
				vid, VTNIC_IOV_VF_MAX_VLANS);
		return -ENOSPC;
	}
	err = vtnic_iov_pool_vlan_keep(iov, vf, vid, true,
				       VTNIC_IOV_VLVF_HOST);
	if (err) {
		vtnic_vf_refuse(iov, vf, "VLAN %u refused: no free VLAN filter",
				vid);
		return err;
	}
	v->vlans[v->nr_vlans++] = vid;
	vtnic_iov_write_pool_rx(iov, vf);
	return 0;
}

static void vtnic_vf_kill_vlan(struct vtnic_iov *iov, unsigned int vf, u16 vid)
{
	struct vtnic_vf *v = &iov->vf[vf];
	unsigned int i;

	for (i = 0; i < v->nr_vlans; i++)
		if (v->vlans[i] == vid)
			break;
	if (i == v->nr_vlans)
		return;
	v->vlans[i] = v->vlans[--v->nr_vlans];
	vtnic_iov_pool_vlan(iov, vf, vid, false);
	vtnic_iov_write_pool_rx(iov, vf);
}

int vtnic_iov_msg_set_vlan(struct vtnic_iov *iov, unsigned int vf,
			   const struct vtnic_mbx_hdr *hdr, const u32 *msg,
			   u32 *reply)
{
	struct vtnic_vf *v = &iov->vf[vf];
	u32 vid = msg[1];

	if (vid > VTNIC_VLAN_VID_MAX) {
		vtnic_vf_refuse(iov, vf, "VLAN %u refused: out of range", vid);
		return -EINVAL;
	}
	if (v->port_vlan) {
		vtnic_vf_refuse(iov, vf, "VLAN %u refused: the admin set port VLAN %u",
				vid, v->port_vlan);
		return -EPERM;
	}
	if (!vid)
		return 1;	/* VLAN 0 is always accepted */
	if (hdr->info)
		return vtnic_vf_add_vlan(iov, vf, vid) ?: 1;
	vtnic_vf_kill_vlan(iov, vf, vid);
	return 1;
}

int vtnic_iov_msg_set_lpe(struct vtnic_iov *iov, unsigned int vf,
			  const struct vtnic_mbx_hdr *hdr, const u32 *msg,
			  u32 *reply)
{
	struct vtnic_vf *v = &iov->vf[vf];
	u32 frame = msg[1];

	if (frame < VTNIC_IOV_MIN_FRAME || frame > VTNIC_IOV_MAX_FRAME) {
		vtnic_vf_refuse(iov, vf, "frame size %u refused: not in %u..%u",
				frame, VTNIC_IOV_MIN_FRAME, VTNIC_IOV_MAX_FRAME);
		return -EINVAL;
	}
	/*
	 * With one limit for the whole port a VF may not raise it for
	 * everyone, so it stays within the PF's.  A VF of API 1.0 predates
	 * jumbo frames on such a port and is refused while the PF has them.
	 */
	if (iov->info->limits.frame_per_port && frame > iov->pf_frame) {
		vtnic_vf_refuse(iov, vf,
				"frame size %u refused: the port's is %u (the PF's MTU)",
				frame, iov->pf_frame);
		return -EINVAL;
	}
	if (iov->info->limits.frame_per_port && v->api < VTNIC_MBX_API_11 &&
	    iov->pf_frame > VTNIC_IOV_DEFAULT_FRAME) {
		vtnic_vf_refuse(iov, vf,
				"frame size %u refused: API 1.0 and the PF's frames are jumbo",
				frame);
		return -EINVAL;
	}
	v->max_frame = frame;
	vtnic_iov_write_pool_rx(iov, vf);
	return 1;
}

int vtnic_iov_msg_set_promisc(struct vtnic_iov *iov, unsigned int vf,
			      const struct vtnic_mbx_hdr *hdr, const u32 *msg,
			      u32 *reply)
{
	bool on = hdr->info & VTNIC_MBX_PROMISC_MULTICAST;

	if (hdr->info & ~VTNIC_MBX_PROMISC_MULTICAST) {
		vtnic_vf_refuse(iov, vf, "promiscuous mode 0x%x refused: only multicast is offered",
				hdr->info);
		return -EPERM;
	}
	/* Every group of the PF and the other VFs: for a trusted VF only */
	if (on && !iov->vf[vf].trusted) {
		vtnic_vf_refuse(iov, vf, "multicast promiscuous refused: the VF is not trusted");
		return -EPERM;
	}
	iov->vf[vf].mc_promisc = on;
	vtnic_iov_write_pool_rx(iov, vf);
	return 1;
}

/*
 * ixgbe: info is the address's place in the VF's list, from 1; the VF
 * sends its whole list each time, so 1 starts it again (the others go),
 * and 0 alone clears it
 */
int vtnic_iov_msg_set_macvlan(struct vtnic_iov *iov, unsigned int vf,
			      const struct vtnic_mbx_hdr *hdr, const u32 *msg,
			      u32 *reply)
{
	u8 mac[ETH_ALEN];

	if (hdr->info <= 1)
		vtnic_vf_clear_uc(iov, vf);
	if (!hdr->info)
		return 1;
	vtnic_mbx_get_mac(&msg[1], mac);
	return vtnic_vf_add_uc(iov, vf, mac) ?: 1;
}

/* ixgbe: a version this dialect knows, 2.0 (Solaris) never */
int vtnic_iov_msg_api_negotiate(struct vtnic_iov *iov, unsigned int vf,
				const struct vtnic_mbx_hdr *hdr, const u32 *msg,
				u32 *reply)
{
	u32 api = msg[1];

	if (api == VTNIC_MBX_API_20 || api > iov->dialect->max_api) {
		vtnic_vf_refuse(iov, vf, "mailbox API %s refused: %s is the newest offered",
				vtnic_mbx_api_name(api),
				vtnic_mbx_api_name(iov->dialect->max_api));
		return -EOPNOTSUPP;
	}
	iov->vf[vf].api = api;
	return 1;
}

/*
 * ixgbe: its queues, and whether the PF inserts a VLAN (the VF must not
 * then use the descriptor's); no traffic classes, default queue 0
 */
int vtnic_iov_msg_get_queues(struct vtnic_iov *iov, unsigned int vf,
			     const struct vtnic_mbx_hdr *hdr, const u32 *msg,
			     u32 *reply)
{
	unsigned int queues = iov->pool_queues;

	reply[VTNIC_MBX_Q_TX] = queues;
	reply[VTNIC_MBX_Q_RX] = queues;
	reply[VTNIC_MBX_Q_TRANS_VLAN] = iov->vf[vf].port_vlan ? 1 : 0;
	reply[VTNIC_MBX_Q_DEF] = 0;
	return VTNIC_MBX_Q_WORDS;
}

/* The RSS table and key go only to a VF the admin let query them */
static int vtnic_iov_rss_query_allowed(struct vtnic_iov *iov, unsigned int vf)
{
	if (iov->vf[vf].rss_query)
		return 0;
	vtnic_vf_refuse(iov, vf, "RSS query refused: query_rss is off for this VF");
	return -EPERM;
}

/*
 * ixgbe: the redirection table, 2 bits an entry (a VF of the 82599 has
 * at most 4 queues), 16 entries a word, the first entry in the low bits
 */
int vtnic_iov_msg_get_reta(struct vtnic_iov *iov, unsigned int vf,
			   const struct vtnic_mbx_hdr *hdr, const u32 *msg,
			   u32 *reply)
{
	unsigned int i;
	int err;

	BUILD_BUG_ON(1 + VTNIC_IOV_RETA_SIZE / 16 > VTNIC_MBX_WORDS);
	err = vtnic_iov_rss_query_allowed(iov, vf);
	if (err)
		return err;
	for (i = 0; i < VTNIC_IOV_RETA_SIZE; i++)
		reply[1 + i / 16] |= (u32)(iov->reta[i] & 3) << (2 * (i % 16));
	return 1 + VTNIC_IOV_RETA_SIZE / 16;
}

/* ixgbe: the 40-byte hash key, four bytes a word, the first in bits 7:0 */
int vtnic_iov_msg_get_rss_key(struct vtnic_iov *iov, unsigned int vf,
			      const struct vtnic_mbx_hdr *hdr, const u32 *msg,
			      u32 *reply)
{
	unsigned int i;
	int err;

	BUILD_BUG_ON(1 + VTNIC_IOV_RSS_KEY_SIZE / 4 > VTNIC_MBX_WORDS);
	err = vtnic_iov_rss_query_allowed(iov, vf);
	if (err)
		return err;
	for (i = 0; i < VTNIC_IOV_RSS_KEY_SIZE; i++)
		reply[1 + i / 4] |= (u32)iov->rss_key[i] << (8 * (i % 4));
	return 1 + VTNIC_IOV_RSS_KEY_SIZE / 4;
}

/*
 * ixgbe: what the pool receives beyond its addresses.  An untrusted VF
 * gets its multicast hashes at most, whatever it asks, as ixgbe gives
 * it; every unicast frame (PROMISC) the 82599 cannot give a pool.
 */
int vtnic_iov_msg_update_xcast(struct vtnic_iov *iov, unsigned int vf,
			       const struct vtnic_mbx_hdr *hdr, const u32 *msg,
			       u32 *reply)
{
	struct vtnic_vf *v = &iov->vf[vf];
	u32 mode = msg[1];

	/* PROMISC exists from API 1.3 on */
	if (mode > VTNIC_MBX_XCAST_PROMISC ||
	    (mode == VTNIC_MBX_XCAST_PROMISC && v->api < VTNIC_MBX_API_13)) {
		vtnic_vf_refuse(iov, vf, "receive mode %u refused: unknown at API %s",
				mode, vtnic_mbx_api_name(v->api));
		return -EINVAL;
	}
	if (mode > VTNIC_MBX_XCAST_MULTI && !v->trusted)
		mode = VTNIC_MBX_XCAST_MULTI;
	if (mode == VTNIC_MBX_XCAST_PROMISC) {
		vtnic_vf_refuse(iov, vf, "unicast promiscuous mode refused: not offered");
		return -EOPNOTSUPP;
	}
	v->xcast = mode;
	vtnic_iov_write_pool_rx(iov, vf);
	reply[1] = mode;
	return 2;
}

/* ixgbe: whether the admin lets the VF's link up */
int vtnic_iov_msg_get_link_state(struct vtnic_iov *iov, unsigned int vf,
				 const struct vtnic_mbx_hdr *hdr,
				 const u32 *msg, u32 *reply)
{
	reply[1] = iov->vf[vf].link_state != VTNIC_VF_LINK_DISABLE;
	return 2;
}

static const struct vtnic_mbx_op *
vtnic_mbx_find_op(const struct vtnic_mbx_dialect *d, u16 opcode)
{
	unsigned int i;

	for (i = 0; i < d->nr_ops; i++)
		if (d->ops[i].opcode == opcode)
			return &d->ops[i];
	return NULL;
}

/**
 * vtnic_iov_rcv_msg() - check and apply one message from a VF
 * @iov: the state
 * @vf: the sender, < num_vfs
 * @msg: the message
 * @words: words in @msg (VTNIC_MBX_WORDS from the mailbox)
 * @reply: VTNIC_MBX_WORDS words, filled with the reply
 *
 * The reply echoes the opcode with ACK or NACK and, once the VF reset, CTS.
 * Words of @reply past the returned length are zero.
 *
 * Return: reply words, 0 when the message is not answered (a reply of
 * the VF to something the PF sent).
 */
int vtnic_iov_rcv_msg(struct vtnic_iov *iov, unsigned int vf, const u32 *msg,
		      unsigned int words, u32 *reply)
{
	u32 req[VTNIC_MBX_WORDS] = {};
	const struct vtnic_mbx_op *op;
	struct vtnic_mbx_hdr hdr;
	struct vtnic_vf *v;
	int ret;

	memset(reply, 0, VTNIC_MBX_WORDS * sizeof(*reply));
	if (vf >= iov->num_vfs || !words)
		return 0;
	v = &iov->vf[vf];
	v->msgs++;
	/* Handlers read a whole mailbox: missing words read as zero */
	memcpy(req, msg, min_t(unsigned int, words, VTNIC_MBX_WORDS) *
	       sizeof(*req));
	msg = req;

	if (vtnic_mbx_hdr_decode(msg[0], &hdr)) {
		vtnic_vf_refuse(iov, vf, "malformed message word 0x%08x", msg[0]);
		ret = -EINVAL;
		goto out;
	}
	if (hdr.ack || hdr.nack)
		return 0;	/* an answer to the PF, not a request */

	op = vtnic_mbx_find_op(iov->dialect, hdr.opcode);
	if (!op) {
		vtnic_vf_refuse(iov, vf, "unknown message 0x%04x", hdr.opcode);
		ret = -EOPNOTSUPP;
	} else if (words < op->min_words) {
		vtnic_vf_refuse(iov, vf, "%s too short (%u words)", op->name,
				words);
		ret = -EINVAL;
	} else if (!v->cts && op->opcode != VTNIC_MBX_RESET) {
		vtnic_vf_refuse(iov, vf, "%s before RESET", op->name);
		ret = -EAGAIN;
	} else if (v->api < op->min_api) {
		vtnic_vf_refuse(iov, vf, "%s needs mailbox API %s, it has %s",
				op->name, vtnic_mbx_api_name(op->min_api),
				vtnic_mbx_api_name(v->api));
		ret = -EPERM;
	} else {
		ret = op->handle(iov, vf, &hdr, msg, reply);
	}
out:
	/* Word 0 is rebuilt from the decoded fields, never copied */
	hdr.ack = ret > 0;
	hdr.nack = ret <= 0;
	hdr.cts = v->cts && hdr.opcode != VTNIC_MBX_RESET &&
		  v->link_state != VTNIC_VF_LINK_DISABLE;
	if (ret <= 0) {
		v->nacks++;
		memset(reply, 0, VTNIC_MBX_WORDS * sizeof(*reply));
		/* A refused RESET still has its reply's length, zeroed */
		ret = hdr.opcode == VTNIC_MBX_RESET ? iov->dialect->reset_words : 1;
	}
	reply[0] = vtnic_mbx_hdr_encode(&hdr);
	return ret;
}

/*
 * A VF read what the PF sent: a control message that waited for it goes
 * now; a VF that lost CTS is told so, paced.
 */
static void vtnic_iov_rcv_ack(struct vtnic_iov *iov, unsigned int vf)
{
	struct vtnic_vf *v = &iov->vf[vf];
	struct vtnic_mbx_hdr hdr = { .nack = true };
	u32 word;

	if (v->quarantined)
		return;
	if (v->ping_pending) {
		vtnic_iov_ping(iov, vf);
		return;
	}
	/* A request waiting in the buffer gets its own NACK in time */
	if (v->cts || v->req_deferred ||
	    !time_after(jiffies, v->last_nack + VTNIC_IOV_NACK_PACE))
		return;
	/* Paced on the attempt: a VF holding its buffer is not tried again */
	v->last_nack = jiffies;
	word = vtnic_mbx_hdr_encode(&hdr);
	vtnic_iov_mbx_io(iov, vf, &word, 1);
}

/*
 * A request of @vf waits for its budget: one more in a flood, or the
 * first of one.  A flood that lasts VTNIC_IOV_QUARANTINE_S quarantines it.
 */
static void vtnic_vf_over_budget(struct vtnic_iov *iov, unsigned int vf)
{
	struct vtnic_vf *v = &iov->vf[vf];

	if (!v->flooding || time_after(jiffies, v->flood_last + HZ)) {
		v->flooding = true;
		v->flood_since = jiffies;
	}
	v->flood_last = jiffies;
	if (time_before(jiffies, v->flood_since + VTNIC_IOV_QUARANTINE_S * HZ))
		return;
	v->quarantined = true;
	v->quarantines++;
	v->flooding = false;
	v->req_deferred = false;
	vtnic_iov_write_vf_enable(iov, vf);
	dev_warn(iov->hw->dev,
		 "VF %u: over its mailbox budget for %u s: quarantined, its mailbox ignored and its traffic stopped until its FLR or the admin sets its trust\n",
		 vf, VTNIC_IOV_QUARANTINE_S);
}

/*
 * Out of quarantine: the VF starts over with a RESET of its own.  Its
 * driver missed the replies and the link changes of the quarantine, so
 * it is told to: a control message without CTS, as after a PF reset.
 */
static void vtnic_vf_release(struct vtnic_iov *iov, unsigned int vf)
{
	struct vtnic_vf *v = &iov->vf[vf];

	v->flooding = false;
	if (!v->quarantined)
		return;
	v->quarantined = false;
	v->cts = false;
	vtnic_iov_write_vf_enable(iov, vf);
	vtnic_iov_ping(iov, vf);
}

/*
 * A VF posted a request: read, handle and answer it, within its budget.
 * Past the budget it stays in the VF's buffer, unread, until the budget
 * has a message again (vtnic_iov_service()); a new post replaces it.
 */
static void vtnic_iov_rcv_req(struct vtnic_iov *iov, unsigned int vf)
{
	u32 msg[VTNIC_MBX_WORDS], reply[VTNIC_MBX_WORDS];
	struct vtnic_vf *v = &iov->vf[vf];
	int words;

	if (v->quarantined) {
		v->ignored++;
		return;
	}
	if (!vtnic_vf_mbx_take(v)) {
		if (!v->req_deferred) {
			v->deferred++;
			vtnic_vf_refuse(iov, vf,
					"over its mailbox budget (%u/s): requests deferred",
					VTNIC_IOV_MBX_RATE);
		}
		v->req_deferred = true;
		vtnic_vf_over_budget(iov, vf);
		return;
	}
	v->req_deferred = false;
	if (vtnic_iov_mbx_io(iov, vf, msg, 0)) {
		vtnic_vf_refuse(iov, vf, "mailbox held by the VF, message dropped");
		return;
	}
	words = vtnic_iov_rcv_msg(iov, vf, msg, VTNIC_MBX_WORDS, reply);
	if (words > 0)
		vtnic_iov_mbx_io(iov, vf, reply, words);
	else
		vtnic_mbx_pf_release(iov->hw, iov->info->mbx, vf);
}

/**
 * vtnic_iov_vf_flr() - a VF was reset (FLR or its CTRL.RST)
 * @iov: the state
 * @vf: the VF
 *
 * Its traffic stops until it sends RESET; what it asked for is forgotten,
 * its own address included; the admin settings stay.
 */
void vtnic_iov_vf_flr(struct vtnic_iov *iov, unsigned int vf)
{
	struct vtnic_vf *v;

	if (vf >= iov->num_vfs)
		return;
	v = &iov->vf[vf];
	v->cts = false;
	v->ping_pending = false;
	/* What it posted before its reset is not applied after it */
	v->req_deferred = false;
	v->last_nack = jiffies;
	v->flooding = false;
	v->quarantined = false;
	vtnic_iov_vf_clear(iov, vf);
	if (!v->admin_mac)
		eth_zero_addr(v->mac);
	vtnic_iov_write_vf(iov, vf);
}

/**
 * vtnic_iov_take_flrs() - forget what each VF reset since the last call
 *	asked for
 * @iov: the state
 *
 * The PF's service does it first thing; the PF must do it before it
 * resets the device too, whose reset clears the VFs' reset causes: a VF
 * reset while the PF was down would be lost, and its next driver would
 * get the last one's address.
 */
void vtnic_iov_take_flrs(struct vtnic_iov *iov)
{
	unsigned int vf;
	u64 vflr;

	if (!iov->num_vfs)
		return;
	vflr = iov->info->ops->vflr_take(iov->hw, iov->num_vfs);
	for (vf = 0; vf < iov->num_vfs; vf++)
		if (vflr & BIT_ULL(vf))
			vtnic_iov_vf_flr(iov, vf);
}

/**
 * vtnic_iov_service() - handle VF resets and mailbox events
 * @iov: the state
 *
 * Called when ICR.VMMB fired, and when a request that waits for its VF's
 * budget may be served.  VF resets come first, so a message a VF sent
 * before its reset is not applied after it.
 *
 * Return: jiffies until the first waiting request may be served, when
 * the caller must call again; 0 when no request waits.
 */
unsigned long vtnic_iov_service(struct vtnic_iov *iov)
{
	const struct vtnic_mbx_pf_regs *mbx = iov->info->mbx;
	unsigned long next = 0, wait;
	u32 icr = 0;
	unsigned int vf;

	if (!iov->num_vfs)
		return 0;
	vtnic_iov_take_flrs(iov);

	for (vf = 0; vf < iov->num_vfs; vf++) {
		struct vtnic_vf *v = &iov->vf[vf];
		u32 bits;

		if (vf % VTNIC_PFMBICR_VFS == 0) {
			icr = vtnic_mbx_pf_causes(iov->hw, mbx, vf);
			/*
			 * All ones is a real value once 16 VFs each have a
			 * request and an ack pending; the accessor says
			 * whether the device is gone
			 */
			if (!vtnic_hw_present(iov->hw))
				return 0;
		}
		bits = icr & (VTNIC_PFMBICR_VFREQ(vf) | VTNIC_PFMBICR_VFACK(vf));
		if (bits)
			vtnic_mbx_pf_clear_causes(iov->hw, mbx, vf, bits);
		/* A waiting request's cause was cleared when it came */
		if (bits & VTNIC_PFMBICR_VFREQ(vf) || v->req_deferred)
			vtnic_iov_rcv_req(iov, vf);
		if (bits & VTNIC_PFMBICR_VFACK(vf))
			vtnic_iov_rcv_ack(iov, vf);
	}
	/* From the end of the service: waiting for a VF's buffer takes time */
	for (vf = 0; vf < iov->num_vfs; vf++) {
		if (!iov->vf[vf].req_deferred)
			continue;
		/* At least a tick: the budget refills by the tick */
		wait = max(vtnic_vf_mbx_wait(&iov->vf[vf]), 1UL);
		if (!next || wait < next)
			next = wait;
	}
	return next;
}

/* ---- the PF's own filters, in virtualization mode ---- */

/**
 * vtnic_iov_set_pf_mac() - the PF's address changed (RAR 0)
 * @iov: the state
 * @mac: the new address
 */
void vtnic_iov_set_pf_mac(struct vtnic_iov *iov, const u8 *mac)
{
	ether_addr_copy(iov->pf_mac, mac);
}

/**
 * vtnic_iov_set_pf_uc() - the PF's secondary unicast addresses, with VFs
 * @iov: the state
 * @uc: the addresses, ETH_ALEN bytes each
 * @n: how many; those past the PF's exact filters are left out, and the
 *     PF then receives in unicast promiscuous mode
 *
 * Each takes an exact filter to the PF's pool, after its own address.
 * One that a VF holds is left out with a log line: two pools never share
 * an address, and the VF had it first.  The next change of the PF's list
 * tries it again.
 */
void vtnic_iov_set_pf_uc(struct vtnic_iov *iov, const u8 *uc, unsigned int n)
{
	unsigned int i, rar = 1, end = vtnic_iov_pf_rar_limit(iov);
	u64 pf = BIT_ULL(vtnic_iov_pf_pool(iov));
	int vf;

	iov->nr_pf_uc = 0;
	for (i = 0; i < n && rar < end; i++) {
		const u8 *mac = uc + i * ETH_ALEN;

		vf = vtnic_iov_vf_holding(iov, VTNIC_IOV_VFS_MAX, mac);
		if (vf >= 0) {
			dev_warn_ratelimited(iov->hw->dev,
					     "address %pM not added: VF %d has it\n",
					     mac, vf);
			continue;
		}
		iov->info->ops->set_rar(iov->hw, rar++, mac, pf);
		ether_addr_copy(iov->pf_uc[iov->nr_pf_uc++], mac);
	}
	for (; rar < end; rar++)
		iov->info->ops->set_rar(iov->hw, rar, NULL, 0);
}

/**
 * vtnic_iov_set_pf_mta() - the PF's multicast hash bits changed
 * @iov: the state
 * @mta: VTNIC_MTA_WORDS words
 */
void vtnic_iov_set_pf_mta(struct vtnic_iov *iov, const u32 *mta)
{
	memcpy(iov->pf_mta, mta, sizeof(iov->pf_mta));
	if (iov->num_vfs)
		vtnic_iov_write_mta(iov);
}

/**
 * vtnic_iov_set_pf_vlan() - add or remove a VLAN of the PF's pool
 * @iov: the state
 * @vid: VLAN ID
 * @on: add or remove
 *
 * Return: 0, or -ENOSPC when every VLAN filter is taken.
 */
int vtnic_iov_set_pf_vlan(struct vtnic_iov *iov, u16 vid, bool on)
{
	return vtnic_iov_pool_vlan(iov, vtnic_iov_pf_pool(iov), vid, on);
}

/**
 * vtnic_iov_set_pf_rx() - the PF pool's receive settings
 * @iov: the state
 * @frame: longest frame, bytes, VLAN tag and FCS included
 * @allmulti: accept every multicast frame
 *
 * Where each pool has its own length limit the port's lets the largest
 * frame any pool accepts through.  Where the port has the only one, it is
 * the PF's: vtnic_iov_msg_set_lpe() lets no VF above it.
 */
void vtnic_iov_set_pf_rx(struct vtnic_iov *iov, unsigned int frame,
			 bool allmulti)
{
	struct vtnic_pool_rx rx = {
		.max_frame = frame,
		.untagged = true,
		.mc_hash = true,
		.uc_hash = true,
		.broadcast = true,
		.all_multi = allmulti,
	};

	iov->pf_frame = frame;
	iov->info->ops->set_max_frame(iov->hw, vtnic_iov_port_frame(iov->info,
								     frame));
	iov->info->ops->set_pool_rx(iov->hw, vtnic_iov_pf_pool(iov), &rx);
}

/**
 * vtnic_iov_set_rss() - the RSS table and key the PF programmed
 * @iov: the state
 * @reta: VTNIC_IOV_RETA_SIZE entries, each a queue number within a pool
 * @key: VTNIC_IOV_RSS_KEY_SIZE bytes
 *
 * What a VF allowed to query them is told; nothing is written.
 */
void vtnic_iov_set_rss(struct vtnic_iov *iov, const u8 *reta, const u8 *key)
{
	memcpy(iov->reta, reta, sizeof(iov->reta));
	memcpy(iov->rss_key, key, sizeof(iov->rss_key));
}

/**
 * vtnic_iov_set_vepa() - switch frames between pools in the NIC or not
 * @iov: the state
 * @vepa: true for VEPA (every frame to the adjacent switch), false for VEB
 */
void vtnic_iov_set_vepa(struct vtnic_iov *iov, bool vepa)
{
	iov->vepa = vepa;
	if (iov->num_vfs)
		iov->info->ops->set_switch(iov->hw, vepa);
}

/* ---- admin settings (ip link set DEV vf N ...) ---- */

/**
 * vtnic_iov_set_vf_mac() - the admin sets a VF's address
 * @iov: the state
 * @vf: the VF
 * @mac: a unicast address, or zero to let the VF choose again
 *
 * Return: 0, -EINVAL for a multicast address, -EADDRINUSE when the PF or
 * another VF has it.
 */
int vtnic_iov_set_vf_mac(struct vtnic_iov *iov, unsigned int vf,
			 const u8 *mac)
{
	struct vtnic_vf *v = &iov->vf[vf];

	if (is_zero_ether_addr(mac)) {
		v->admin_mac = false;
	} else {
		if (!is_valid_ether_addr(mac))
			return -EINVAL;
		if (vtnic_iov_mac_taken(iov, vf, mac))
			return -EADDRINUSE;
		v->admin_mac = true;
		/* Untrusted, it may have no other address than this one */
		if (!v->trusted)
			vtnic_vf_clear_uc(iov, vf);
		vtnic_vf_del_uc(iov, vf, mac);
	}
	ether_addr_copy(v->mac, mac);
	vtnic_iov_write_vf_mac(iov, vf);
	return 0;
}

/**
 * vtnic_iov_set_vf_vlan() - the admin sets or clears a VF's port VLAN
 * @iov: the state
 * @vf: the VF
 * @vid: VLAN ID, 0 to clear
 * @qos: 802.1p priority, 0..7
 *
 * The VLANs the VF added itself are dropped: with a port VLAN it sees
 * only that one.
 *
 * Return: 0, or -ENOSPC when no VLAN filter is free.
 */
int vtnic_iov_set_vf_vlan(struct vtnic_iov *iov, unsigned int vf, u16 vid,
			  u8 qos)
{
	struct vtnic_vf *v = &iov->vf[vf];

	/*
	 * Its VLANs go before @vid takes an entry, and may free one: refused
	 * only when even they leave none, with nothing changed
	 */
	if (vid && vtnic_iov_vlvf_find(iov, vid) < 0 &&
	    !vtnic_iov_vlvf_free(iov) && !vtnic_iov_vf_vlvf_alone(iov, vf, vid))
		return -ENOSPC;
	while (v->nr_vlans) {
		u16 old = v->vlans[--v->nr_vlans];

		if (old != vid)
			vtnic_iov_pool_vlan(iov, vf, old, false);
	}
	if (v->port_vlan && v->port_vlan != vid)
		vtnic_iov_pool_vlan(iov, vf, v->port_vlan, false);
	/* Cannot fail now: @vid has an entry, or one is free */
	vtnic_iov_pool_vlan(iov, vf, vid, true);
	v->port_vlan = vid;
	v->port_qos = vid ? qos : 0;
	vtnic_iov_write_vlan0(iov);
	vtnic_iov_write_port_vlan(iov, vf);
	vtnic_iov_write_pool_rx(iov, vf);
	return 0;
}

/**
 * vtnic_iov_set_vf_spoofchk() - turn a VF's anti-spoofing on or off
 * @iov: the state
 * @vf: the VF
 * @on: check the source MAC and VLAN of its frames
 */
void vtnic_iov_set_vf_spoofchk(struct vtnic_iov *iov, unsigned int vf,
			       bool on)
{
	iov->vf[vf].spoofchk = on;
	vtnic_iov_write_spoofchk(iov, vf);
}

/**
 * vtnic_iov_set_vf_trust() - let a VF replace an admin-set address and
 *	receive every multicast frame, or not
 * @iov: the state
 * @vf: the VF
 * @on: trusted
 *
 * Either way a quarantine (VTNIC_IOV_QUARANTINE_S) ends: the admin has
 * looked at the VF.
 */
void vtnic_iov_set_vf_trust(struct vtnic_iov *iov, unsigned int vf, bool on)
{
	struct vtnic_vf *v = &iov->vf[vf];

	v->trusted = on;
	/* The admin looked at it: a quarantine ends */
	vtnic_vf_release(iov, vf);
	/* What only trust gave it goes with the trust */
	if (!on && (v->xcast > VTNIC_MBX_XCAST_MULTI || v->mc_promisc)) {
		v->xcast = min_t(u8, v->xcast, VTNIC_MBX_XCAST_MULTI);
		v->mc_promisc = false;
		vtnic_iov_write_pool_rx(iov, vf);
	}
	if (!on && v->admin_mac)
		vtnic_vf_clear_uc(iov, vf);
}

/**
 * vtnic_iov_set_vf_rss_query() - let a VF read the RSS table and key
 * @iov: the state
 * @vf: the VF
 * @on: GET_RETA and GET_RSS_KEY are answered
 *
 * The table and key are the port's, shared with the PF and every VF: off
 * by default, as on ixgbe.
 *
 * Return: 0, or -EOPNOTSUPP when the MAC's VF drivers cannot ask.
 */
int vtnic_iov_set_vf_rss_query(struct vtnic_iov *iov, unsigned int vf,
			       bool on)
{
	if (!vtnic_mbx_find_op(iov->dialect, VTNIC_MBX_GET_RETA))
		return -EOPNOTSUPP;
	iov->vf[vf].rss_query = on;
	return 0;
}

/**
 * vtnic_iov_set_vf_link_state() - the admin link setting of a VF
 * @iov: the state
 * @vf: the VF
 * @state: auto, enable or disable
 *
 * Disable stops the VF's pool in both directions and tells the VF through
 * a PF control message without CTS; auto and enable restart it.
 *
 * Every VF is then sent its current state and PFRSTD is set again: a VF
 * driver that missed the mailbox interrupt (igbvf under QEMU, whose
 * emulation raises the wrong VF vector) sees "reset done" on its next
 * link check and reads the message.  Each VF's buffer holds its own
 * state at that point, so none of the others changes its link.
 */
void vtnic_iov_set_vf_link_state(struct vtnic_iov *iov, unsigned int vf,
				 enum vtnic_vf_link_state state)
{
	iov->vf[vf].link_state = state;
	vtnic_iov_write_vf_enable(iov, vf);
	vtnic_iov_ping_all(iov);
	vtnic_iov_pf_reset_done(iov);
}

/**
 * vtnic_iov_set_vf_rate() - a VF's transmit limit and guarantee
 * @iov: the state
 * @vf: the VF
 * @min_mbps: guarantee, Mb/s, 0 for none: a weight in the arbitration
 *	      between pools, so a share under contention, not a rate
 *	      (vtnic_iov_pool_weights())
 * @max_mbps: limit, Mb/s, 0 for none
 *
 * Nothing changes when either is refused; a refusal is logged, as the
 * ndo has no extack to carry the reason.
 *
 * Return: 0; -EOPNOTSUPP for a guarantee on a MAC without transmit
 * weights; -EINVAL for a limit above the link speed, a guarantee above
 * the limit, or a guarantee raised so that they would add up to more
 * than the link (its fastest speed while it is down).
 */
int vtnic_iov_set_vf_rate(struct vtnic_iov *iov, unsigned int vf,
			  u32 min_mbps, u32 max_mbps)
{
	struct device *dev = iov->hw->dev;
	u32 link = vtnic_iov_link_mbps(iov);
	u64 sum = min_mbps;
	unsigned int i;

	if (min_mbps && !iov->info->ops->set_pool_weight) {
		dev_err_ratelimited(dev, "VF %u: min_tx_rate refused: this MAC has no transmit weights between pools\n",
				    vf);
		return -EOPNOTSUPP;
	}
	if (iov->link_speed && max_mbps > iov->link_speed) {
		dev_err_ratelimited(dev, "VF %u: max_tx_rate %u Mb/s refused: above the link's %u Mb/s\n",
				    vf, max_mbps, iov->link_speed);
		return -EINVAL;
	}
	if (max_mbps && min_mbps > max_mbps) {
		dev_err_ratelimited(dev, "VF %u: min_tx_rate %u Mb/s refused: above its max_tx_rate %u Mb/s\n",
				    vf, min_mbps, max_mbps);
		return -EINVAL;
	}
	for (i = 0; i < iov->num_vfs; i++)
		if (i != vf)
			sum += iov->vf[i].min_tx_rate;
	/* Lowering one is always allowed: the link may have slowed since */
	if (sum > link && min_mbps > iov->vf[vf].min_tx_rate) {
		dev_err_ratelimited(dev, "VF %u: min_tx_rate %u Mb/s refused: the VFs' guarantees would add up to %llu Mb/s, above the link's %u Mb/s\n",
				    vf, min_mbps, (unsigned long long)sum, link);
		return -EINVAL;
	}
	iov->vf[vf].max_tx_rate = max_mbps;
	iov->vf[vf].min_tx_rate = min_mbps;
	vtnic_iov_write_rate(iov, vf);
	__vtnic_iov_write_weights(iov, false);
	return 0;
}
