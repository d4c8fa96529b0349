// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of driver/common/vtnic_mbx_msg.c: mailbox word 0 and payload
 * encoding per Intel's PF/VF protocol, checked against the exact words
 * stock igb and igbvf put in mailbox memory.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <linux/errno.h>

#include "vtnic_mbx_msg.h"

static void test_encode_matches_intel_words(void **state)
{
	struct vtnic_mbx_hdr reset_ack = { .opcode = VTNIC_MBX_RESET, .ack = true };
	struct vtnic_mbx_hdr mac_nack = { .opcode = VTNIC_MBX_SET_MAC_ADDR,
					  .nack = true, .cts = true };
	struct vtnic_mbx_hdr mc5 = { .opcode = VTNIC_MBX_SET_MULTICAST, .info = 5 };
	struct vtnic_mbx_hdr vlan_add = { .opcode = VTNIC_MBX_SET_VLAN, .info = 1 };
	struct vtnic_mbx_hdr ctrl = { .opcode = VTNIC_MBX_PF_CONTROL, .cts = true };

	(void)state;
	assert_int_equal(vtnic_mbx_hdr_encode(&reset_ack), 0x80000001);
	assert_int_equal(vtnic_mbx_hdr_encode(&mac_nack), 0x60000002);
	assert_int_equal(vtnic_mbx_hdr_encode(&mc5), 0x00050003);
	assert_int_equal(vtnic_mbx_hdr_encode(&vlan_add), 0x00010004);
	assert_int_equal(vtnic_mbx_hdr_encode(&ctrl), 0x20000100);
}

static void test_decode_fields(void **state)
{
	struct vtnic_mbx_hdr hdr;

	(void)state;
	assert_int_equal(vtnic_mbx_hdr_decode(0xA0020002, &hdr), 0);
	assert_int_equal(hdr.opcode, VTNIC_MBX_SET_MAC_ADDR);
	assert_int_equal(hdr.info, 2);		/* MAC_FILTER_ADD */
	assert_true(hdr.ack);
	assert_true(hdr.cts);
	assert_false(hdr.nack);

	assert_int_equal(vtnic_mbx_hdr_decode(0x00FF0005, &hdr), 0);
	assert_int_equal(hdr.opcode, VTNIC_MBX_SET_LPE);
	assert_int_equal(hdr.info, 0xFF);
	assert_false(hdr.ack || hdr.nack || hdr.cts);
}

static void test_roundtrip_every_flag_and_info(void **state)
{
	struct vtnic_mbx_hdr in, out;
	unsigned int info, flags;

	(void)state;
	for (info = 0; info < 256; info++) {
		for (flags = 0; flags < 8; flags++) {
			in = (struct vtnic_mbx_hdr){
				.opcode = 0x1234, .info = info,
				.cts = flags & 1, .nack = flags & 2,
				.ack = (flags & 4) && !(flags & 2),
			};
			assert_int_equal(vtnic_mbx_hdr_decode(vtnic_mbx_hdr_encode(&in), &out), 0);
			assert_memory_equal(&in, &out, sizeof(in));
		}
	}
}

static void test_decode_rejects_malformed(void **state)
{
	struct vtnic_mbx_hdr hdr;
	unsigned int bit;

	(void)state;
	for (bit = 24; bit <= 28; bit++)
		assert_int_equal(vtnic_mbx_hdr_decode(0x00000002 | 1U << bit, &hdr), -EINVAL);
	/* ACK and NACK at once is no reply any Intel driver sends. */
	assert_int_equal(vtnic_mbx_hdr_decode(0xC0000001, &hdr), -EINVAL);
}

static void test_mac_layout(void **state)
{
	const u8 mac[6] = { 0x00, 0x1b, 0x21, 0xaa, 0xbb, 0xcc };
	u32 words[2] = { 0xdeadbeef, 0xdeadbeef };
	u8 back[6];

	(void)state;
	vtnic_mbx_put_mac(words, mac);
	/* Byte 0 is the low byte of word 1, as igb's memcpy lays it out. */
	assert_int_equal(words[0], 0xaa211b00);
	assert_int_equal(words[1], 0x0000ccbb);
	vtnic_mbx_get_mac(words, back);
	assert_memory_equal(back, mac, 6);
}

static void test_mc_hashes(void **state)
{
	u16 hashes[VTNIC_MBX_MAX_MC_HASHES + 1], back[VTNIC_MBX_MAX_MC_HASHES];
	u32 words[VTNIC_MBX_WORDS - 1];
	unsigned int i;

	(void)state;
	for (i = 0; i < VTNIC_MBX_MAX_MC_HASHES + 1; i++)
		hashes[i] = 0x100 + i;

	assert_int_equal(vtnic_mbx_put_mc_hashes(words, 15, hashes, 3), 0);
	assert_int_equal(words[0], 0x01010100);	/* first hash in the low half */
	assert_int_equal(words[1], 0x00000102);

	assert_int_equal(vtnic_mbx_put_mc_hashes(words, 15, hashes, 30), 0);
	assert_int_equal(vtnic_mbx_get_mc_hashes(words, 15, 30, back), 0);
	assert_memory_equal(back, hashes, 30 * sizeof(u16));

	/* More than 30, or more than the words hold, is refused up front. */
	assert_int_equal(vtnic_mbx_put_mc_hashes(words, 15, hashes, 31), -EINVAL);
	assert_int_equal(vtnic_mbx_get_mc_hashes(words, 15, 31, back), -EINVAL);
	assert_int_equal(vtnic_mbx_get_mc_hashes(words, 2, 5, back), -EINVAL);
	assert_int_equal(vtnic_mbx_put_mc_hashes(words, 2, hashes, 5), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode_matches_intel_words),
		cmocka_unit_test(test_decode_fields),
		cmocka_unit_test(test_roundtrip_every_flag_and_info),
		cmocka_unit_test(test_decode_rejects_malformed),
		cmocka_unit_test(test_mac_layout),
		cmocka_unit_test(test_mc_hashes),
	};

	return cmocka_run_group_tests_name("mbx_msg", tests, NULL, NULL);
}
