/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SFP+ modules: what the serial ID (SFF-8472 page A0, the two-wire
 * address 0xA0) says is in the cage, and whether a 10 Gb/s SFI port can
 * run on it.  Portable: the unit tests compile it.
 */
#ifndef _VTNIC_SFP_H_
#define _VTNIC_SFP_H_

#include <linux/bits.h>
#include <linux/types.h>

/* Two-wire addresses of the module's ID page and diagnostics page */
#define VTNIC_SFP_I2C_ID		0xa0
#define VTNIC_SFP_I2C_DIAG		0xa2

/* The base ID fields, bytes 0..63, byte 63 their checksum */
#define VTNIC_SFF_BASE_LEN		64

/* Serial ID fields (SFF-8472 table 4-1) */
#define VTNIC_SFF_IDENTIFIER		0
#define VTNIC_SFF_ID_SFP		0x03	/* SFP or SFP+ */
#define VTNIC_SFF_10GBE_CODES		3
#define VTNIC_SFF_10GBASE_SR		BIT(4)
#define VTNIC_SFF_10GBASE_LR		BIT(5)
#define VTNIC_SFF_1GBE_CODES		6
#define VTNIC_SFF_CABLE_TECH		8
#define VTNIC_SFF_DA_PASSIVE		BIT(2)
#define VTNIC_SFF_DA_ACTIVE		BIT(3)
#define VTNIC_SFF_VENDOR_NAME		20
#define VTNIC_SFF_VENDOR_PN		40
#define VTNIC_SFF_CABLE_SPEC		60	/* a cable's compliance */
#define VTNIC_SFF_DA_LIMITING		BIT(2)	/* SFF-8431 limiting */
#define VTNIC_SFF_FIELD_LEN		16
#define VTNIC_SFF_CC_BASE		63
#define VTNIC_SFF_DIAG_TYPE		92
#define VTNIC_SFF_DIAG_ADDR_CHANGE	BIT(2)	/* A2 needs an address change */
#define VTNIC_SFF_8472_COMP		94

/* What is in the cage, as far as the link setup is concerned */
enum vtnic_sfp_type {
	VTNIC_SFP_NONE,		/* the cage is empty */
	VTNIC_SFP_UNSUPPORTED,	/* a module a 10 Gb/s SFI link cannot use */
	VTNIC_SFP_DA_PASSIVE,	/* direct-attach copper, passive */
	VTNIC_SFP_DA_ACTIVE,	/* direct-attach copper, active (limiting) */
	VTNIC_SFP_SR,		/* 10GBASE-SR optic, 850 nm multimode */
	VTNIC_SFP_LR,		/* 10GBASE-LR optic, 1310 nm single mode */
};

enum vtnic_sfp_type vtnic_sfp_identify(const u8 *id, const char **why);
const char *vtnic_sfp_type_name(enum vtnic_sfp_type type);
void vtnic_sfp_field(const u8 *id, unsigned int offset, char *buf);

#endif /* _VTNIC_SFP_H_ */
