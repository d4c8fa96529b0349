// SPDX-License-Identifier: GPL-2.0
/*
 * SFP+ module identification from the serial ID (SFF-8472, SFF-8431).
 *
 * An SFI port at 10 Gb/s runs on a direct-attach copper cable (passive,
 * or active with a limiting interface) and on 10GBASE-SR and -LR optics,
 * whoever made them.  Everything else - 1 Gb/s modules, Fibre Channel
 * optics, QSFP parts in an adapter, a serial ID whose checksum is wrong -
 * is refused with the reason, and the caller keeps the port down.
 */

#include <linux/kernel.h>
#include <linux/string.h>

#include "vtnic_sfp.h"

/**
 * vtnic_sfp_identify() - what a module's serial ID says it is
 * @id: the first VTNIC_SFF_BASE_LEN bytes of page A0
 * @why: set to the reason when the module is VTNIC_SFP_UNSUPPORTED
 *
 * Return: the module's type; never VTNIC_SFP_NONE (an empty cage does not
 * answer on the bus, so there is no ID to look at).
 */
enum vtnic_sfp_type vtnic_sfp_identify(const u8 *id, const char **why)
{
	u8 sum = 0;
	unsigned int i;

	*why = NULL;
	for (i = 0; i < VTNIC_SFF_CC_BASE; i++)
		sum += id[i];
	if (sum != id[VTNIC_SFF_CC_BASE]) {
		*why = "serial ID checksum is wrong";
		return VTNIC_SFP_UNSUPPORTED;
	}
	if (id[VTNIC_SFF_IDENTIFIER] != VTNIC_SFF_ID_SFP) {
		*why = "not an SFP/SFP+ module";
		return VTNIC_SFP_UNSUPPORTED;
	}
	/* A cable says so in its technology byte, whatever its codes say */
	if (id[VTNIC_SFF_CABLE_TECH] & VTNIC_SFF_DA_PASSIVE)
		return VTNIC_SFP_DA_PASSIVE;
	if (id[VTNIC_SFF_CABLE_TECH] & VTNIC_SFF_DA_ACTIVE) {
		/* SFI takes an active cable with a limiting interface only */
		if (id[VTNIC_SFF_CABLE_SPEC] & VTNIC_SFF_DA_LIMITING)
			return VTNIC_SFP_DA_ACTIVE;
		*why = "an active cable without a limiting interface";
		return VTNIC_SFP_UNSUPPORTED;
	}
	if (id[VTNIC_SFF_10GBE_CODES] & VTNIC_SFF_10GBASE_SR)
		return VTNIC_SFP_SR;
	if (id[VTNIC_SFF_10GBE_CODES] & VTNIC_SFF_10GBASE_LR)
		return VTNIC_SFP_LR;
	*why = id[VTNIC_SFF_1GBE_CODES] ? "a 1 Gb/s module" :
		"no 10GBASE-SR/LR code and not a direct-attach cable";
	return VTNIC_SFP_UNSUPPORTED;
}

/**
 * vtnic_sfp_type_name() - a module type as users know it
 * @type: the type
 *
 * Return: a constant string.
 */
const char *vtnic_sfp_type_name(enum vtnic_sfp_type type)
{
	switch (type) {
	case VTNIC_SFP_DA_PASSIVE:
		return "direct-attach copper (passive)";
	case VTNIC_SFP_DA_ACTIVE:
		return "direct-attach copper (active)";
	case VTNIC_SFP_SR:
		return "10GBASE-SR";
	case VTNIC_SFP_LR:
		return "10GBASE-LR";
	case VTNIC_SFP_UNSUPPORTED:
		return "unsupported module";
	default:
		return "no module";
	}
}

/**
 * vtnic_sfp_field() - one of the ID's space-padded ASCII fields, printable
 * @id: page A0
 * @offset: VTNIC_SFF_VENDOR_NAME or VTNIC_SFF_VENDOR_PN
 * @buf: VTNIC_SFF_FIELD_LEN + 1 bytes; gets the field without its padding,
 *	 anything unprintable as '?'
 */
void vtnic_sfp_field(const u8 *id, unsigned int offset, char *buf)
{
	unsigned int i, len = 0;

	for (i = 0; i < VTNIC_SFF_FIELD_LEN; i++) {
		u8 c = id[offset + i];

		buf[i] = c >= 0x20 && c < 0x7f ? c : '?';
		if (c != ' ')
			len = i + 1;
	}
	buf[len] = '\0';
}
