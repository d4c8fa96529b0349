// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of driver/common/vtnic_sfp.c: SFP+ serial IDs as real
 * modules fill them (SFF-8472 table 4-1), and the ones to refuse.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "vtnic_sfp.h"

static u8 id[256];

static void seal(void)
{
	u8 sum = 0;
	int i;

	for (i = 0; i < VTNIC_SFF_CC_BASE; i++)
		sum += id[i];
	id[VTNIC_SFF_CC_BASE] = sum;
}

/* A module with a vendor, as every one has; the codes are the test's */
static void module(u8 codes_10g, u8 codes_1g, u8 cable)
{
	memset(id, 0, sizeof(id));
	id[VTNIC_SFF_IDENTIFIER] = VTNIC_SFF_ID_SFP;
	id[1] = 0x04;
	id[VTNIC_SFF_10GBE_CODES] = codes_10g;
	id[VTNIC_SFF_1GBE_CODES] = codes_1g;
	id[VTNIC_SFF_CABLE_TECH] = cable;
	id[12] = 103;
	memcpy(&id[VTNIC_SFF_VENDOR_NAME], "ACME OPTICS     ", 16);
	memcpy(&id[VTNIC_SFF_VENDOR_PN], "SFP-10G-X       ", 16);
	seal();
}

static enum vtnic_sfp_type identify(const char **why)
{
	return vtnic_sfp_identify(id, why);
}

static void test_direct_attach(void **state)
{
	const char *why;

	module(0, 0, VTNIC_SFF_DA_PASSIVE);
	assert_int_equal(identify(&why), VTNIC_SFP_DA_PASSIVE);
	assert_null(why);
	/* an active cable: only with a limiting interface (SFF-8431) */
	module(0, 0, VTNIC_SFF_DA_ACTIVE);
	assert_int_equal(identify(&why), VTNIC_SFP_UNSUPPORTED);
	assert_string_equal(why, "an active cable without a limiting interface");
	id[VTNIC_SFF_CABLE_SPEC] = VTNIC_SFF_DA_LIMITING;
	seal();
	assert_int_equal(identify(&why), VTNIC_SFP_DA_ACTIVE);
	/* some cables also claim 10GBASE-SR: the cable byte decides */
	module(VTNIC_SFF_10GBASE_SR, 0, VTNIC_SFF_DA_PASSIVE);
	assert_int_equal(identify(&why), VTNIC_SFP_DA_PASSIVE);
}

static void test_optics(void **state)
{
	const char *why;

	module(VTNIC_SFF_10GBASE_SR, 0, 0);
	assert_int_equal(identify(&why), VTNIC_SFP_SR);
	module(VTNIC_SFF_10GBASE_LR, 0, 0);
	assert_int_equal(identify(&why), VTNIC_SFP_LR);
	/* dual-rate 1G/10G optics run at 10G */
	module(VTNIC_SFF_10GBASE_SR, 0x01, 0);
	assert_int_equal(identify(&why), VTNIC_SFP_SR);
	assert_null(why);
}

static void test_refused(void **state)
{
	const char *why;

	/* 1000BASE-SX only */
	module(0, 0x01, 0);
	assert_int_equal(identify(&why), VTNIC_SFP_UNSUPPORTED);
	assert_string_equal(why, "a 1 Gb/s module");
	/* 16G Fibre Channel: no Ethernet code at all */
	module(0, 0, 0);
	id[10] = 0x70;
	seal();
	assert_int_equal(identify(&why), VTNIC_SFP_UNSUPPORTED);
	assert_non_null(why);
	/* 10GBASE-LRM (bit 6) is not a link the SFI setup makes */
	module(BIT(6), 0, 0);
	assert_int_equal(identify(&why), VTNIC_SFP_UNSUPPORTED);
	/* QSFP+ (0x0d) in an adapter */
	module(VTNIC_SFF_10GBASE_SR, 0, 0);
	id[VTNIC_SFF_IDENTIFIER] = 0x0d;
	seal();
	assert_int_equal(identify(&why), VTNIC_SFP_UNSUPPORTED);
	assert_string_equal(why, "not an SFP/SFP+ module");
}

static void test_checksum(void **state)
{
	const char *why;

	module(VTNIC_SFF_10GBASE_SR, 0, 0);
	id[VTNIC_SFF_CC_BASE]++;
	assert_int_equal(identify(&why), VTNIC_SFP_UNSUPPORTED);
	assert_string_equal(why, "serial ID checksum is wrong");
	/* a bus that reads all ones (no pull-down anywhere) is no module */
	memset(id, 0xff, sizeof(id));
	assert_int_equal(identify(&why), VTNIC_SFP_UNSUPPORTED);
	/* bytes past the base fields are not covered by its checksum */
	module(VTNIC_SFF_10GBASE_LR, 0, 0);
	id[VTNIC_SFF_DIAG_TYPE] = 0x68;
	assert_int_equal(identify(&why), VTNIC_SFP_LR);
}

static void test_field(void **state)
{
	char buf[VTNIC_SFF_FIELD_LEN + 1];

	module(VTNIC_SFF_10GBASE_SR, 0, 0);
	vtnic_sfp_field(id, VTNIC_SFF_VENDOR_NAME, buf);
	assert_string_equal(buf, "ACME OPTICS");
	id[VTNIC_SFF_VENDOR_PN + 3] = 0x07;
	id[VTNIC_SFF_VENDOR_PN + 15] = 'Z';
	vtnic_sfp_field(id, VTNIC_SFF_VENDOR_PN, buf);
	assert_string_equal(buf, "SFP?10G-X      Z");
	memset(&id[VTNIC_SFF_VENDOR_NAME], ' ', 16);
	vtnic_sfp_field(id, VTNIC_SFF_VENDOR_NAME, buf);
	assert_string_equal(buf, "");
}

static void test_names(void **state)
{
	assert_string_equal(vtnic_sfp_type_name(VTNIC_SFP_SR), "10GBASE-SR");
	assert_string_equal(vtnic_sfp_type_name(VTNIC_SFP_NONE), "no module");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_direct_attach),
		cmocka_unit_test(test_optics),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_checksum),
		cmocka_unit_test(test_field),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
