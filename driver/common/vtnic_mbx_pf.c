// SPDX-License-Identifier: GPL-2.0
/*
 * The PF side of the VT-c mailbox transport (82576 datasheet 7.8.2.9):
 * take the buffer, copy a VF's message, acknowledge it, answer it.
 *
 * The PF never polls for the VF: a message is read when MBVFICR says it
 * was posted, and a reply is written once, with STS raising the VF's
 * interrupt.  Plain logic over the register window, compiled into the
 * modules and the unit tests alike.
 */

#include <linux/delay.h>
#include <linux/errno.h>

#include "vtnic_iov.h"

/* Take the buffer: the write sticks only while the VF does not hold it */
static int vtnic_mbx_pf_lock(struct vtnic_hw *hw, unsigned int vf)
{
	unsigned int i;

	for (i = 0; i < VTNIC_MBX_LOCK_TRIES; i++) {
		vtnic_hw_wr32(hw, VTNIC_P2VMAILBOX(vf), VTNIC_P2VMAILBOX_PFU);
		if (vtnic_hw_rd32(hw, VTNIC_P2VMAILBOX(vf)) &
		    VTNIC_P2VMAILBOX_PFU)
			return 0;
		if (!vtnic_hw_present(hw))
			return -ENODEV;
		mdelay(1);
	}
	return -EBUSY;
}

/**
 * vtnic_mbx_pf_read() - copy a VF's message and acknowledge it
 * @hw: the PF
 * @vf: the VF that posted it
 * @msg: VTNIC_MBX_WORDS words
 *
 * The PF keeps the buffer (PFU) after the ACK so that the reply goes into
 * the same buffer without a second race with the VF; vtnic_mbx_pf_write()
 * or vtnic_mbx_pf_release() gives it back.
 *
 * Return: 0, or -EBUSY when the VF would not let go of the buffer.
 */
int vtnic_mbx_pf_read(struct vtnic_hw *hw, unsigned int vf, u32 *msg)
{
	unsigned int i;
	int err;

	err = vtnic_mbx_pf_lock(hw, vf);
	if (err)
		return err;
	for (i = 0; i < VTNIC_MBX_WORDS; i++)
		msg[i] = vtnic_hw_rd32(hw, VTNIC_VMBMEM(vf) + 4 * i);
	vtnic_hw_wr32(hw, VTNIC_P2VMAILBOX(vf),
		      VTNIC_P2VMAILBOX_ACK | VTNIC_P2VMAILBOX_PFU);
	return 0;
}

/**
 * vtnic_mbx_pf_write() - post a message to a VF
 * @hw: the PF
 * @vf: the VF
 * @msg: the message
 * @words: its length, 1..VTNIC_MBX_WORDS
 *
 * The words after @words are zeroed: the VF never reads what an earlier
 * message left in the buffer as part of this one.
 *
 * Return: 0, or -EBUSY when the VF held the buffer.
 */
int vtnic_mbx_pf_write(struct vtnic_hw *hw, unsigned int vf, const u32 *msg,
		       unsigned int words)
{
	unsigned int i;
	int err;

	err = vtnic_mbx_pf_lock(hw, vf);
	if (err)
		return err;

	/* A stale request or ack from the VF is not for this message */
	vtnic_hw_wr32(hw, VTNIC_MBVFICR,
		      VTNIC_MBVFICR_VFREQ(vf) | VTNIC_MBVFICR_VFACK(vf));
	for (i = 0; i < VTNIC_MBX_WORDS; i++)
		vtnic_hw_wr32(hw, VTNIC_VMBMEM(vf) + 4 * i,
			      i < words ? msg[i] : 0);
	/* STS without PFU: raise the VF's interrupt and let go */
	vtnic_hw_wr32(hw, VTNIC_P2VMAILBOX(vf), VTNIC_P2VMAILBOX_STS);
	return 0;
}

/**
 * vtnic_mbx_pf_release() - give the buffer back without a reply
 * @hw: the PF
 * @vf: the VF
 */
void vtnic_mbx_pf_release(struct vtnic_hw *hw, unsigned int vf)
{
	vtnic_hw_wr32(hw, VTNIC_P2VMAILBOX(vf), 0);
}
