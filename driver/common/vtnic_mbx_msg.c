// SPDX-License-Identifier: GPL-2.0
/*
 * Intel VT-c PF/VF mailbox message encoding.  Plain logic with no
 * device access: the kernel modules and the userspace unit tests
 * compile this same file.
 */

#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/math.h>

#include "vtnic_mbx_msg.h"

/**
 * vtnic_mbx_hdr_encode() - build word 0 of a mailbox message
 * @hdr: decoded header
 *
 * Return: the word as it goes into mailbox memory.
 */
u32 vtnic_mbx_hdr_encode(const struct vtnic_mbx_hdr *hdr)
{
	u32 word = FIELD_PREP(VTNIC_MBX_OPCODE, hdr->opcode) |
		   FIELD_PREP(VTNIC_MBX_INFO, hdr->info);

	if (hdr->cts)
		word |= VTNIC_MBX_CTS;
	if (hdr->nack)
		word |= VTNIC_MBX_NACK;
	if (hdr->ack)
		word |= VTNIC_MBX_ACK;
	return word;
}
EXPORT_SYMBOL_GPL(vtnic_mbx_hdr_encode);

/**
 * vtnic_mbx_hdr_decode() - split word 0 of a mailbox message
 * @word: word 0 as read from mailbox memory
 * @hdr: filled with the decoded fields
 *
 * A word with reserved bits set, or with both ACK and NACK, is not
 * something any Intel PF or VF sends: it is rejected so that callers
 * never act on a malformed header.
 *
 * Return: 0, or -EINVAL for a malformed word (@hdr is still filled).
 */
int vtnic_mbx_hdr_decode(u32 word, struct vtnic_mbx_hdr *hdr)
{
	hdr->opcode = FIELD_GET(VTNIC_MBX_OPCODE, word);
	hdr->info = FIELD_GET(VTNIC_MBX_INFO, word);
	hdr->cts = !!(word & VTNIC_MBX_CTS);
	hdr->nack = !!(word & VTNIC_MBX_NACK);
	hdr->ack = !!(word & VTNIC_MBX_ACK);

	if (word & VTNIC_MBX_RSVD)
		return -EINVAL;
	if (hdr->ack && hdr->nack)
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_GPL(vtnic_mbx_hdr_decode);

/**
 * vtnic_mbx_put_mac() - store a MAC address in two message words
 * @words: destination, at least two words (words 1 and 2 of a message)
 * @mac: ETH_ALEN bytes
 *
 * Byte 0 of the address is the least significant byte of the first word,
 * as Intel's drivers lay it out; the top half of the second word is zero.
 */
void vtnic_mbx_put_mac(u32 *words, const u8 *mac)
{
	words[0] = mac[0] | mac[1] << 8 | mac[2] << 16 | (u32)mac[3] << 24;
	words[1] = mac[4] | mac[5] << 8;
}
EXPORT_SYMBOL_GPL(vtnic_mbx_put_mac);

/**
 * vtnic_mbx_get_mac() - read a MAC address from two message words
 * @words: source, two words laid out as vtnic_mbx_put_mac() writes them
 * @mac: ETH_ALEN bytes
 */
void vtnic_mbx_get_mac(const u32 *words, u8 *mac)
{
	mac[0] = words[0];
	mac[1] = words[0] >> 8;
	mac[2] = words[0] >> 16;
	mac[3] = words[0] >> 24;
	mac[4] = words[1];
	mac[5] = words[1] >> 8;
}
EXPORT_SYMBOL_GPL(vtnic_mbx_get_mac);

/**
 * vtnic_mbx_put_mc_hashes() - pack multicast hash values into words
 * @words: destination (the words after word 0)
 * @nwords: room in @words
 * @hashes: 16-bit hash values
 * @count: number of @hashes
 *
 * Two hashes per word, the first in the low half.
 *
 * Return: 0, or -EINVAL when @count exceeds the protocol limit or the room.
 */
int vtnic_mbx_put_mc_hashes(u32 *words, size_t nwords,
			    const u16 *hashes, unsigned int count)
{
	unsigned int i;

	if (count > VTNIC_MBX_MAX_MC_HASHES || DIV_ROUND_UP(count, 2) > nwords)
		return -EINVAL;

	for (i = 0; i < DIV_ROUND_UP(count, 2); i++)
		words[i] = 0;
	for (i = 0; i < count; i++)
		words[i / 2] |= (u32)hashes[i] << (16 * (i % 2));
	return 0;
}
EXPORT_SYMBOL_GPL(vtnic_mbx_put_mc_hashes);

/**
 * vtnic_mbx_get_mc_hashes() - unpack multicast hash values from words
 * @words: source (the words after word 0)
 * @nwords: words available in @words
 * @count: number of hashes the header's info field claims
 * @hashes: destination, room for @count values
 *
 * @count comes from the sender and is checked before any word is read.
 *
 * Return: 0, or -EINVAL when @count exceeds the protocol limit or @nwords.
 */
int vtnic_mbx_get_mc_hashes(const u32 *words, size_t nwords,
			    unsigned int count, u16 *hashes)
{
	unsigned int i;

	if (count > VTNIC_MBX_MAX_MC_HASHES || DIV_ROUND_UP(count, 2) > nwords)
		return -EINVAL;

	for (i = 0; i < count; i++)
		hashes[i] = words[i / 2] >> (16 * (i % 2));
	return 0;
}
EXPORT_SYMBOL_GPL(vtnic_mbx_get_mc_hashes);

/**
 * vtnic_mc_hash() - the MTA hash of a multicast address
 * @addr: the address
 *
 * Filter type MO = 0 (82576 datasheet 8.10.15): bits 47:36 of the
 * address.  SET_MULTICAST carries these values, and the PF files its own
 * addresses by the same hash.
 *
 * Return: the 12-bit hash: MTA register in bits 11:5, bit in bits 4:0.
 */
u16 vtnic_mc_hash(const u8 *addr)
{
	return ((addr[5] << 8) | addr[4]) >> 4 & 0xfff;
}
EXPORT_SYMBOL_GPL(vtnic_mc_hash);

/**
 * vtnic_mbx_api_name() - an ixgbe API version as people write it
 * @api: &enum vtnic_mbx_api, as API_NEGOTIATE carries it
 *
 * Return: "1.0" .. "1.7", "2.0", or "?" for a value no driver sends.
 */
const char *vtnic_mbx_api_name(u32 api)
{
	static const char *const names[] = {
		"1.0", "2.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7",
	};

	return api < (u32)ARRAY_SIZE(names) ? names[api] : "?";
}
EXPORT_SYMBOL_GPL(vtnic_mbx_api_name);
