// SPDX-License-Identifier: GPL-2.0
/*
 * The PF side of the VT-c mailbox transport (82576 datasheet 7.8.2.9,
 * 82599 datasheet 7.10.2.9): take the buffer, copy a VF's message,
 * acknowledge it, answer it.  The bits are the same on every VT-c MAC;
 * where the registers are comes from the MAC's struct vtnic_mbx_pf_regs.
 *
 * The PF never polls for the VF: a message is read when the cause
 * register says it was posted, and a reply is written once, with STS
 * raising the VF's interrupt.  Plain logic over the register window,
 * compiled into the modules and the unit tests alike.
 */

#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/ktime.h>
#include <linux/math64.h>

#include "vtnic_iov.h"

static u32 vtnic_mbx_pf_ctl(const struct vtnic_mbx_pf_regs *r,
			    unsigned int vf)
{
	return r->ctl + 4 * vf;
}

static u32 vtnic_mbx_pf_mem(const struct vtnic_mbx_pf_regs *r,
			    unsigned int vf, unsigned int word)
{
	return r->mem + r->mem_stride * vf + 4 * word;
}

static u32 vtnic_mbx_pf_icr(const struct vtnic_mbx_pf_regs *r,
			    unsigned int vf)
{
	return r->icr + 4 * (vf / VTNIC_PFMBICR_VFS);
}

/*
 * Take the buffer: the write sticks only while the VF does not hold it.
 * Called from the mailbox work under the PF's iov_lock mutex, so the wait
 * for a VF that holds the buffer sleeps: @w->tries attempts at most, the
 * time between them measured into @w->waited_us for the caller to charge.
 */
static int vtnic_mbx_pf_lock(struct vtnic_hw *hw,
			     const struct vtnic_mbx_pf_regs *r,
			     unsigned int vf, struct vtnic_mbx_wait *w)
{
	unsigned int i;
	u64 start = 0;
	int err = -EBUSY;

	for (i = 0; i < w->tries; i++) {
		if (i) {
			if (!start)
				start = ktime_get_ns();
			usleep_range(VTNIC_MBX_LOCK_WAIT_US,
				     2 * VTNIC_MBX_LOCK_WAIT_US);
		}
		vtnic_hw_wr32(hw, vtnic_mbx_pf_ctl(r, vf), VTNIC_PFMBX_PFU);
		if (vtnic_hw_rd32(hw, vtnic_mbx_pf_ctl(r, vf)) & VTNIC_PFMBX_PFU) {
			err = 0;
			break;
		}
		if (!vtnic_hw_present(hw)) {
			err = -ENODEV;
			break;
		}
	}
	if (start)
		w->waited_us += div_u64(ktime_get_ns() - start, NSEC_PER_USEC);
	return err;
}

/**
 * vtnic_mbx_pf_read() - copy a VF's message and acknowledge it
 * @hw: the PF
 * @r: its mailbox registers
 * @vf: the VF that posted it
 * @msg: VTNIC_MBX_WORDS words
 * @w: how often to try for the buffer; the time waited is added to it
 *
 * The PF keeps the buffer (PFU) after the ACK so that the reply goes into
 * the same buffer without a second race with the VF; vtnic_mbx_pf_write()
 * or vtnic_mbx_pf_release() gives it back.
 *
 * Context: process; sleeps while the VF holds the buffer.
 * Return: 0, or -EBUSY when the VF would not let go of the buffer.
 */
int vtnic_mbx_pf_read(struct vtnic_hw *hw, const struct vtnic_mbx_pf_regs *r,
		      unsigned int vf, u32 *msg, struct vtnic_mbx_wait *w)
{
	unsigned int i;
	int err;

	err = vtnic_mbx_pf_lock(hw, r, vf, w);
	if (err)
		return err;
	for (i = 0; i < VTNIC_MBX_WORDS; i++)
		msg[i] = vtnic_hw_rd32(hw, vtnic_mbx_pf_mem(r, vf, i));
	vtnic_hw_wr32(hw, vtnic_mbx_pf_ctl(r, vf),
		      VTNIC_PFMBX_ACK | VTNIC_PFMBX_PFU);
	return 0;
}

/**
 * vtnic_mbx_pf_write() - post a message to a VF
 * @hw: the PF
 * @r: its mailbox registers
 * @vf: the VF
 * @msg: the message
 * @words: its length, 1..VTNIC_MBX_WORDS
 * @w: how often to try for the buffer; the time waited is added to it
 *
 * The words after @words are zeroed: the VF never reads what an earlier
 * message left in the buffer as part of this one.
 *
 * Context: process; sleeps while the VF holds the buffer.
 * Return: 0, or -EBUSY when the VF held the buffer.
 */
int vtnic_mbx_pf_write(struct vtnic_hw *hw, const struct vtnic_mbx_pf_regs *r,
		       unsigned int vf, const u32 *msg, unsigned int words,
		       struct vtnic_mbx_wait *w)
{
	unsigned int i;
	int err;

	err = vtnic_mbx_pf_lock(hw, r, vf, w);
	if (err)
		return err;

	/* A stale request or ack from the VF is not for this message */
	vtnic_mbx_pf_clear_causes(hw, r, vf, VTNIC_PFMBICR_VFREQ(vf) |
				  VTNIC_PFMBICR_VFACK(vf));
	for (i = 0; i < VTNIC_MBX_WORDS; i++)
		vtnic_hw_wr32(hw, vtnic_mbx_pf_mem(r, vf, i),
			      i < words ? msg[i] : 0);
	/* STS without PFU: raise the VF's interrupt and let go */
	vtnic_hw_wr32(hw, vtnic_mbx_pf_ctl(r, vf), VTNIC_PFMBX_STS);
	return 0;
}

/**
 * vtnic_mbx_pf_release() - give the buffer back without a reply
 * @hw: the PF
 * @r: its mailbox registers
 * @vf: the VF
 */
void vtnic_mbx_pf_release(struct vtnic_hw *hw,
			  const struct vtnic_mbx_pf_regs *r, unsigned int vf)
{
	vtnic_hw_wr32(hw, vtnic_mbx_pf_ctl(r, vf), 0);
}

/**
 * vtnic_mbx_pf_causes() - the mailbox causes of a VF and its neighbours
 * @hw: the PF
 * @r: its mailbox registers
 * @vf: the VF
 *
 * Return: the cause register that holds @vf's VTNIC_PFMBICR_VFREQ(vf)
 * and VTNIC_PFMBICR_VFACK(vf) bits, those of the VFs sharing it too.
 */
u32 vtnic_mbx_pf_causes(struct vtnic_hw *hw, const struct vtnic_mbx_pf_regs *r,
			unsigned int vf)
{
	return vtnic_hw_rd32(hw, vtnic_mbx_pf_icr(r, vf));
}

/**
 * vtnic_mbx_pf_clear_causes() - clear mailbox causes of one VF
 * @hw: the PF
 * @r: its mailbox registers
 * @vf: the VF
 * @causes: VTNIC_PFMBICR_VFREQ(vf) and/or VTNIC_PFMBICR_VFACK(vf)
 */
void vtnic_mbx_pf_clear_causes(struct vtnic_hw *hw,
			       const struct vtnic_mbx_pf_regs *r,
			       unsigned int vf, u32 causes)
{
	vtnic_hw_wr32(hw, vtnic_mbx_pf_icr(r, vf), causes);
}
