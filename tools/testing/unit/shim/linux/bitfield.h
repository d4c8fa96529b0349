/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: FIELD_PREP(), FIELD_GET(), FIELD_MAX() for constant masks. */
#ifndef _SHIM_LINUX_BITFIELD_H
#define _SHIM_LINUX_BITFIELD_H

#define __bf_shf(x)		__builtin_ctzll(x)
#define FIELD_PREP(mask, val)	(((typeof(mask))(val) << __bf_shf(mask)) & (mask))
#define FIELD_GET(mask, reg)	((typeof(mask))(((reg) & (mask)) >> __bf_shf(mask)))
#define FIELD_MAX(mask)		((typeof(mask))((mask) >> __bf_shf(mask)))

#endif
