/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Register definitions shared by the vtnic PF and VF drivers.  Byte
 * offsets into BAR0 as the datasheets give them; only registers the
 * drivers use are defined.
 */
#ifndef _VTNIC_REGS_H_
#define _VTNIC_REGS_H_

#include <linux/bits.h>

/*
 * Device Status: same offset on the 82576 PF and VF (82576 datasheet
 * 8.2.2) and the 82599 PF and VF (82599 datasheet 8.2.3.1.2, 8.3.5.1.2).
 */
#define VTNIC_STATUS			0x00008
#define VTNIC_STATUS_FD			BIT(0)
#define VTNIC_STATUS_LU			BIT(1)

#endif /* _VTNIC_REGS_H_ */
