// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the seed corpus of the mailbox fuzz target: conversations a VF
 * driver and an admin really have with the PF (igbvf's bring-up, its
 * filters, resets, the admin's ip link settings), and the refusals around
 * them, in the input format of mbx_fuzz.c; then ixgbevf's with the 82599
 * (mbx_fuzz_ixgbe.c).  Each is one file in DIR.
 *
 * usage: mbx_corpus DIR        (make -C tools/testing/fuzz corpus)
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mbx_fuzz.h"
#include "vtnic_mbx_msg.h"

#define MAX_INPUT	512	/* the fuzz run's -max_len */
#define HZ_FUZZ		250	/* the shims' HZ, that TIME counts in */

struct conv {
	u8 buf[MAX_INPUT];
	size_t len;
};

#define W0(op, info)	((u32)(op) | (u32)(info) << 16)
#define MSG(c, vf, ...) \
	msg(c, vf, 0, (const u32[]){ __VA_ARGS__ }, \
	    sizeof((const u32[]){ __VA_ARGS__ }) / sizeof(u32))

static void put8(struct conv *c, u8 v)
{
	if (c->len == MAX_INPUT) {
		fprintf(stderr, "mbx_corpus: conversation longer than %u bytes\n",
			MAX_INPUT);
		exit(1);
	}
	c->buf[c->len++] = v;
}

static void put16(struct conv *c, u16 v)
{
	put8(c, v);
	put8(c, v >> 8);
}

static void put32(struct conv *c, u32 v)
{
	put16(c, v);
	put16(c, v >> 16);
}

/* A new conversation on the 82599, ixgbe dialect: num_vfs index @sel */
static void begin_ixgbe(struct conv *c, unsigned int sel, unsigned int clock)
{
	c->len = 0;
	put8(c, FUZZ_SETUP_IXGBE | sel | clock << 3);
}

/* A new conversation: @num_vfs VFs, the clock at @clock (0..3) */
static void begin(struct conv *c, unsigned int num_vfs, unsigned int clock)
{
	c->len = 0;
	put8(c, (num_vfs - 1) | clock << 3);
}

static void msg(struct conv *c, u8 vf, u8 flags, const u32 *w,
		unsigned int n)
{
	unsigned int i;

	put8(c, FUZZ_MSG);
	put8(c, vf);
	put8(c, flags | (n - 1));
	for (i = 0; i < n; i++)
		put32(c, w[i]);
}

static void ev(struct conv *c, u8 kind, u8 vf)
{
	put8(c, kind);
	put8(c, vf);
}

static void admin2(struct conv *c, u8 kind, u8 vf, u8 arg)
{
	put8(c, kind);
	put8(c, vf);
	put8(c, arg);
}

static void admin_vlan(struct conv *c, u8 vf, u16 vid, u8 qos)
{
	put8(c, FUZZ_ADMIN_VLAN);
	put8(c, vf);
	put16(c, vid);
	put8(c, qos);
}

static void admin_rate(struct conv *c, u8 vf, u32 mbps)
{
	put8(c, FUZZ_ADMIN_RATE);
	put8(c, vf);
	put32(c, mbps);
}

static void admin_raw_mac(struct conv *c, u8 vf, const u8 *mac)
{
	unsigned int i;

	admin2(c, FUZZ_ADMIN_MAC, vf, FUZZ_MAC_RAW);
	for (i = 0; i < ETH_ALEN; i++)
		put8(c, mac[i]);
}

static void time_passes(struct conv *c, u16 jiffies)
{
	put8(c, FUZZ_TIME);
	put16(c, jiffies);
}

static void pf_vlan(struct conv *c, u16 vid, bool on)
{
	put8(c, FUZZ_PF_VLAN);
	put16(c, vid);
	put8(c, on);
}

static void pf_mta(struct conv *c, u16 hash, bool on)
{
	put8(c, FUZZ_PF_MTA);
	put16(c, hash);
	put8(c, on);
}

static void one(struct conv *c, u8 kind)
{
	put8(c, kind);
}

/* The last @records records (1..8) again, @count times */
static void repeat(struct conv *c, u8 records, u8 count)
{
	put8(c, FUZZ_REPEAT);
	put8(c, records - 1);
	put8(c, count);
}

/*
 * VF @vf posts four requests every 64 ms (62 a second, past the budget's
 * 32) for 16 s: its burst is gone in 2 s, and a quarantine takes 10 more
 */
static void flood(struct conv *c, u8 vf)
{
	MSG(c, vf, VTNIC_MBX_SET_LPE, 1522);
	MSG(c, vf, VTNIC_MBX_SET_LPE, 1600);
	MSG(c, vf, VTNIC_MBX_SET_LPE, 1522);
	MSG(c, vf, VTNIC_MBX_SET_LPE, 1600);
	time_passes(c, HZ_FUZZ * 64 / 1000);
	repeat(c, 5, 255);
}

/* SET_MAC_ADDR of 02:00:00:00:0v:nn */
static void set_mac(struct conv *c, u8 vf, u8 info, u8 n)
{
	MSG(c, vf, W0(VTNIC_MBX_SET_MAC_ADDR, info), 0x00000002,
	    (u32)vf << 0 | (u32)n << 8);
}

/* What igbvf does at probe: RESET, its own address when the PF has none */
static void vf_up(struct conv *c, u8 vf)
{
	MSG(c, vf, VTNIC_MBX_RESET);
	set_mac(c, vf, VTNIC_MBX_MAC_SET, 0x10 + vf);
	MSG(c, vf, VTNIC_MBX_SET_LPE, 1522);
}

static void set_vlan(struct conv *c, u8 vf, bool add, u32 vid)
{
	MSG(c, vf, W0(VTNIC_MBX_SET_VLAN, add), vid);
}

static void set_multicast(struct conv *c, u8 vf, unsigned int n, u16 base)
{
	u32 w[VTNIC_MBX_WORDS] = { W0(VTNIC_MBX_SET_MULTICAST, n) };
	unsigned int i;

	for (i = 0; i < n && i < 2 * (VTNIC_MBX_WORDS - 1); i++)
		w[1 + i / 2] |= (u32)((base + 37 * i) & 0xfff) << (16 * (i % 2));
	msg(c, vf, 0, w, 1 + (n + 1) / 2 > VTNIC_MBX_WORDS ?
	    VTNIC_MBX_WORDS : 1 + (n + 1) / 2);
}

static void save(const struct conv *c, const char *name);

/* ixgbevf's API_NEGOTIATE: three words, the version in word 1 */
static void negotiate(struct conv *c, u8 vf, u32 api)
{
	MSG(c, vf, VTNIC_MBX_API_NEGOTIATE, api, 0);
}

/* What ixgbevf does at probe and open, newest API first */
static void ixgbevf_up(struct conv *c, u8 vf)
{
	static const u32 apis[] = { 8, 7, VTNIC_MBX_API_15, VTNIC_MBX_API_14 };
	unsigned int i;

	MSG(c, vf, VTNIC_MBX_RESET);
	for (i = 0; i < 4; i++)
		negotiate(c, vf, apis[i]);
	MSG(c, vf, VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0);
	set_mac(c, vf, VTNIC_MBX_MAC_SET, 0x40 + vf);
	MSG(c, vf, VTNIC_MBX_SET_LPE, 1518);
	MSG(c, vf, W0(VTNIC_MBX_SET_MACVLAN, 0), 0, 0);
	MSG(c, vf, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_MULTI);
	set_multicast(c, vf, 3, 0x321);
	set_vlan(c, vf, true, 0);
	MSG(c, vf, VTNIC_MBX_GET_LINK_STATE, 0);
}

/* The 82599 with the ixgbe dialect; num_vfs index 5 is 40 VFs, 6 is 63 */
static void ixgbe_seeds(void)
{
	struct conv c;
	unsigned int i;

	/* ixgbevf's bring-up on a VF of the high half, and a VLAN */
	begin_ixgbe(&c, 5, 0);
	ixgbevf_up(&c, 33);
	set_vlan(&c, 33, true, 100);
	ixgbevf_up(&c, 2);
	set_vlan(&c, 2, true, 100);
	set_vlan(&c, 33, false, 100);
	save(&c, "ixgbe-bring-up");

	/* Every version, the refused ones, each message's minimum, RESET */
	begin_ixgbe(&c, 1, 1);
	MSG(&c, 1, VTNIC_MBX_RESET);
	MSG(&c, 1, VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0);
	MSG(&c, 1, VTNIC_MBX_GET_LINK_STATE, 0);
	for (i = 0; i <= 9; i++)
		negotiate(&c, 1, i);
	negotiate(&c, 1, 0xffffffff);
	negotiate(&c, 1, VTNIC_MBX_API_11);
	MSG(&c, 1, VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0);
	MSG(&c, 1, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_NONE);
	negotiate(&c, 1, VTNIC_MBX_API_12);
	MSG(&c, 1, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_NONE);
	MSG(&c, 1, VTNIC_MBX_GET_RETA);
	MSG(&c, 1, VTNIC_MBX_GET_RSS_KEY);
	MSG(&c, 1, VTNIC_MBX_RESET);
	MSG(&c, 1, VTNIC_MBX_GET_LINK_STATE, 0);
	save(&c, "ixgbe-api");

	/* Receive modes, trusted and not */
	begin_ixgbe(&c, 2, 0);
	ixgbevf_up(&c, 6);
	for (i = 0; i < 5; i++)
		MSG(&c, 6, VTNIC_MBX_UPDATE_XCAST_MODE, i);
	admin2(&c, FUZZ_ADMIN_TRUST, 6, 1);
	for (i = 0; i < 5; i++)
		MSG(&c, 6, VTNIC_MBX_UPDATE_XCAST_MODE, i);
	negotiate(&c, 6, VTNIC_MBX_API_12);
	MSG(&c, 6, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_PROMISC);
	MSG(&c, 6, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_ALLMULTI);
	admin2(&c, FUZZ_ADMIN_TRUST, 6, 0);
	save(&c, "ixgbe-xcast");

	/* Before RESET, unknown and malformed, out of range, taken */
	begin_ixgbe(&c, 3, 0);
	negotiate(&c, 31, VTNIC_MBX_API_14);
	MSG(&c, 31, VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0);
	ixgbevf_up(&c, 31);
	MSG(&c, 30, VTNIC_MBX_RESET);
	set_mac(&c, 30, VTNIC_MBX_MAC_SET, 0x40 + 30);
	MSG(&c, 31, 0x0d, 1, 2, 3);
	MSG(&c, 31, 0x11, 0, 0);
	MSG(&c, 31, 0x12, 3);
	MSG(&c, 31, VTNIC_MBX_GET_QUEUES | BIT(25), 0, 0, 0, 0);
	MSG(&c, 31, VTNIC_MBX_SET_LPE | VTNIC_MBX_ACK, 1518);
	set_vlan(&c, 31, true, 4096);
	for (i = 0; i < 5; i++)
		set_vlan(&c, 31, true, 200 + i);
	set_mac(&c, 31, VTNIC_MBX_MAC_SET, 0x40 + 30);	/* VF 30's */
	MSG(&c, 31, W0(VTNIC_MBX_SET_MAC_ADDR, 0), 0x59005452, 0x0100);
	set_multicast(&c, 31, 31, 0x100);
	MSG(&c, 31, W0(VTNIC_MBX_SET_MACVLAN, 1), 0x00000002, 0x0100);
	MSG(&c, 31, VTNIC_MBX_SET_LPE, 100000);
	save(&c, "ixgbe-hostile");

	/* The last VF of 63: its FLR through the second reset register */
	begin_ixgbe(&c, 6, 2);
	ixgbevf_up(&c, 62);
	set_vlan(&c, 62, true, 7);
	ev(&c, FUZZ_FLR, 62);
	MSG(&c, 62, VTNIC_MBX_SET_LPE, 1518);
	ev(&c, FUZZ_VF_ACK, 62);
	time_passes(&c, 600);
	ev(&c, FUZZ_VF_ACK, 62);
	ixgbevf_up(&c, 62);
	ev(&c, FUZZ_FLR, 63);
	save(&c, "ixgbe-flr-high");

	/* The admin on a VF of the high half, then SR-IOV on again */
	begin_ixgbe(&c, 5, 3);
	admin2(&c, FUZZ_ADMIN_MAC, 35, 4);
	admin_vlan(&c, 35, 300, 5);
	admin_rate(&c, 35, 1000);
	admin2(&c, FUZZ_ADMIN_SPOOFCHK, 35, 0);
	ixgbevf_up(&c, 35);
	set_vlan(&c, 35, true, 301);
	admin2(&c, FUZZ_ADMIN_LINK, 35, 2);
	MSG(&c, 35, VTNIC_MBX_GET_LINK_STATE, 0);
	admin2(&c, FUZZ_ADMIN_LINK, 35, 0);
	put8(&c, FUZZ_LINK);
	put8(&c, 2);
	ev(&c, FUZZ_REENABLE, 6);
	ixgbevf_up(&c, 50);
	save(&c, "ixgbe-admin");

	/* Requests of VFs either side of 32 wait for one interrupt */
	begin_ixgbe(&c, 5, 0);
	msg(&c, 0, FUZZ_MSG_DEFER, (const u32[]){ VTNIC_MBX_RESET }, 1);
	msg(&c, 31, FUZZ_MSG_DEFER, (const u32[]){ VTNIC_MBX_RESET }, 1);
	msg(&c, 32, FUZZ_MSG_DEFER, (const u32[]){ VTNIC_MBX_RESET }, 1);
	msg(&c, 39, FUZZ_MSG_HOLD, (const u32[]){ VTNIC_MBX_RESET }, 1);
	one(&c, FUZZ_SERVICE);
	msg(&c, 45, 0, (const u32[]){ VTNIC_MBX_RESET }, 1);
	save(&c, "ixgbe-deferred");
}

static const char *dir;
static unsigned int written;

static void save(const struct conv *c, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%02u-%s", dir, ++written, name);
	f = fopen(path, "wb");
	if (!f || fwrite(c->buf, 1, c->len, f) != c->len || fclose(f)) {
		fprintf(stderr, "mbx_corpus: %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

int main(int argc, char **argv)
{
	static const u8 taken[ETH_ALEN] = { 0x02, 0, 0, 0, 0x00, 0x10 };
	struct conv c;
	unsigned int i;

	if (argc != 2) {
		fprintf(stderr, "usage: mbx_corpus DIR\n");
		return 2;
	}
	dir = argv[1];

	/* igbvf's bring-up and its filters, then a second RESET */
	begin(&c, 3, 0);
	MSG(&c, 0, VTNIC_MBX_RESET);
	set_mac(&c, 0, VTNIC_MBX_MAC_SET, 0x10);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 1522);
	set_multicast(&c, 0, 2, 0x123);
	set_vlan(&c, 0, true, 100);
	MSG(&c, 0, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_MULTICAST));
	MSG(&c, 0, VTNIC_MBX_RESET);
	save(&c, "bring-up");

	/* The admin's address: RESET brings it, the VF may not change it */
	begin(&c, 3, 3);
	admin2(&c, FUZZ_ADMIN_MAC, 1, 4);
	MSG(&c, 1, VTNIC_MBX_RESET);
	set_mac(&c, 1, VTNIC_MBX_MAC_SET, 0x21);
	admin2(&c, FUZZ_ADMIN_TRUST, 1, 1);
	set_mac(&c, 1, VTNIC_MBX_MAC_SET, 0x21);
	admin2(&c, FUZZ_ADMIN_TRUST, 1, 0);
	set_mac(&c, 1, VTNIC_MBX_MAC_SET, 0x22);
	admin2(&c, FUZZ_ADMIN_MAC, 1, 7);	/* zero: the VF's choice again */
	set_mac(&c, 1, VTNIC_MBX_MAC_SET, 0x22);
	save(&c, "admin-mac");

	/* 30 hashes, the most one message carries; none; 31 refused */
	begin(&c, 2, 0);
	vf_up(&c, 1);
	set_multicast(&c, 1, 30, 0x800);
	set_multicast(&c, 1, 0, 0);
	set_multicast(&c, 1, 31, 0x100);
	set_multicast(&c, 1, 7, 0xf00);
	save(&c, "multicast");

	/* Four VLANs, a fifth refused, one removed, out of range, VLAN 0 */
	begin(&c, 3, 0);
	vf_up(&c, 2);
	for (i = 0; i < 5; i++)
		set_vlan(&c, 2, true, 101 + i);
	set_vlan(&c, 2, false, 102);
	set_vlan(&c, 2, true, 105);
	set_vlan(&c, 2, true, 4096);
	set_vlan(&c, 2, true, 0);
	set_vlan(&c, 2, false, 4095);
	vf_up(&c, 0);
	set_vlan(&c, 0, true, 101);		/* shared with VF 2 */
	set_vlan(&c, 2, false, 101);
	save(&c, "vlans");

	/* A port VLAN: the VF's own VLANs go and are refused, then back */
	begin(&c, 3, 0);
	vf_up(&c, 0);
	set_vlan(&c, 0, true, 7);
	admin_vlan(&c, 0, 100, 3);
	set_vlan(&c, 0, true, 200);
	set_vlan(&c, 0, false, 100);
	MSG(&c, 0, VTNIC_MBX_RESET);
	admin_vlan(&c, 0, 0, 0);
	set_vlan(&c, 0, true, 200);
	admin_vlan(&c, 0, 200, 7);
	save(&c, "port-vlan");

	/* A VF's FLR: it forgets what it asked for, nothing but RESET until
	 * RESET
	 */
	begin(&c, 3, 0);
	admin2(&c, FUZZ_ADMIN_MAC, 1, 2);
	vf_up(&c, 0);
	vf_up(&c, 1);
	set_vlan(&c, 0, true, 7);
	set_multicast(&c, 0, 3, 0x456);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 9018);
	MSG(&c, 0, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_MULTICAST));
	ev(&c, FUZZ_FLR, 0);
	ev(&c, FUZZ_FLR, 1);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 2000);
	ev(&c, FUZZ_VF_ACK, 0);
	time_passes(&c, 600);
	ev(&c, FUZZ_VF_ACK, 0);
	vf_up(&c, 0);
	MSG(&c, 1, VTNIC_MBX_RESET);
	save(&c, "vf-flr");

	/* The PF resets: every VF is told and must RESET again */
	begin(&c, 4, 0);
	vf_up(&c, 0);
	vf_up(&c, 3);
	set_vlan(&c, 3, true, 33);
	one(&c, FUZZ_PF_RESET);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 1522);
	ev(&c, FUZZ_VF_ACK, 3);
	vf_up(&c, 0);
	MSG(&c, 3, VTNIC_MBX_RESET);
	save(&c, "pf-reset");

	/* Link disabled by the admin: no CTS, acks answered with NACKs */
	begin(&c, 3, 1);
	vf_up(&c, 1);
	admin2(&c, FUZZ_ADMIN_LINK, 1, 2);
	MSG(&c, 1, VTNIC_MBX_SET_LPE, 1522);
	MSG(&c, 1, VTNIC_MBX_RESET);
	ev(&c, FUZZ_VF_ACK, 1);
	admin2(&c, FUZZ_ADMIN_LINK, 1, 0);
	admin2(&c, FUZZ_ADMIN_LINK, 1, 1);
	MSG(&c, 1, VTNIC_MBX_SET_LPE, 1522);
	save(&c, "link-state");

	/* Rate limits over link changes */
	begin(&c, 2, 0);
	admin_rate(&c, 1, 300);
	put8(&c, FUZZ_LINK);
	put8(&c, 2);				/* 100 Mb/s */
	admin_rate(&c, 0, 50);
	admin_rate(&c, 0, 1001);
	put8(&c, FUZZ_LINK);
	put8(&c, 0);				/* down: any rate */
	admin_rate(&c, 0, 5000);
	put8(&c, FUZZ_LINK);
	put8(&c, 3);
	admin_rate(&c, 1, 0);
	save(&c, "rate");

	/* VEPA, anti-spoofing, the PF's own receive settings */
	begin(&c, 3, 0);
	ev(&c, FUZZ_VEPA, 1);
	admin2(&c, FUZZ_ADMIN_SPOOFCHK, 2, 0);
	vf_up(&c, 2);
	put8(&c, FUZZ_PF_RX);
	put16(&c, 9018);
	put8(&c, 1);
	admin2(&c, FUZZ_ADMIN_SPOOFCHK, 2, 1);
	one(&c, FUZZ_PF_RESET);
	save(&c, "vepa-spoofchk");

	/* The PF fills the VLAN filters; a VF's VLAN finds no room */
	begin(&c, 7, 0);
	for (i = 0; i < 27; i++)
		pf_vlan(&c, 2000 + i, true);
	vf_up(&c, 6);
	for (i = 0; i < 4; i++)
		set_vlan(&c, 6, true, 3000 + i);
	admin_vlan(&c, 5, 3500, 1);
	vf_up(&c, 5);
	set_vlan(&c, 5, true, 3600);
	pf_vlan(&c, 2100, false);		/* one it never had */
	pf_vlan(&c, 2000, false);
	set_vlan(&c, 6, true, 3003);
	save(&c, "vlan-table-full");

	/* The PF's multicast hashes and a VF's, shared, then the VF resets */
	begin(&c, 2, 0);
	pf_mta(&c, 0x123, true);
	pf_mta(&c, 0xfff, true);
	vf_up(&c, 0);
	set_multicast(&c, 0, 4, 0x123);
	ev(&c, FUZZ_FLR, 0);
	pf_mta(&c, 0x123, false);
	save(&c, "multicast-shared");

	/* SR-IOV off and on with another number of VFs */
	begin(&c, 2, 0);
	vf_up(&c, 1);
	admin_rate(&c, 1, 100);
	pf_vlan(&c, 10, true);
	ev(&c, FUZZ_REENABLE, 6);	/* 7 VFs */
	for (i = 0; i < 7; i++)
		vf_up(&c, i);
	ev(&c, FUZZ_REENABLE, 0);	/* 1 VF */
	vf_up(&c, 0);
	save(&c, "reenable");

	/* Several VFs post before the PF's interrupt serves them */
	begin(&c, 4, 0);
	msg(&c, 0, FUZZ_MSG_DEFER, (const u32[]){ VTNIC_MBX_RESET }, 1);
	msg(&c, 2, FUZZ_MSG_DEFER, (const u32[]){ VTNIC_MBX_RESET }, 1);
	ev(&c, FUZZ_VF_ACK, 1);
	msg(&c, 3, FUZZ_MSG_DEFER,
	    (const u32[]){ VTNIC_MBX_SET_LPE, 1522 }, 2);
	one(&c, FUZZ_SERVICE);
	msg(&c, 0, FUZZ_MSG_DEFER,
	    (const u32[]){ W0(VTNIC_MBX_SET_VLAN, 1), 5 }, 2);
	admin2(&c, FUZZ_ADMIN_LINK, 2, 2);	/* pings over the request */
	one(&c, FUZZ_SERVICE);
	save(&c, "deferred");

	/* A VF that holds its buffer: the message is dropped, then served */
	begin(&c, 3, 0);
	vf_up(&c, 0);
	msg(&c, 0, FUZZ_MSG_HOLD,
	    (const u32[]){ VTNIC_MBX_SET_LPE, 9018 }, 2);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 9018);
	save(&c, "vf-holds-buffer");

	/* Malformed words, unknown opcodes, short messages, VF answers */
	begin(&c, 3, 0);
	vf_up(&c, 1);
	MSG(&c, 1, VTNIC_MBX_SET_LPE | BIT(24), 1522);
	MSG(&c, 1, VTNIC_MBX_SET_LPE | VTNIC_MBX_ACK | VTNIC_MBX_NACK, 1522);
	MSG(&c, 1, 0x0042, 1, 2, 3);
	MSG(&c, 1, VTNIC_MBX_PF_CONTROL, 0);
	msg(&c, 1, 0, (const u32[]){ VTNIC_MBX_SET_MAC_ADDR }, 1);
	MSG(&c, 1, VTNIC_MBX_PF_CONTROL | VTNIC_MBX_ACK);
	MSG(&c, 1, VTNIC_MBX_SET_VLAN | VTNIC_MBX_NACK, 5);
	MSG(&c, 1, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_UNICAST));
	set_mac(&c, 1, VTNIC_MBX_MAC_FILTER_ADD, 0x30);
	set_mac(&c, 1, VTNIC_MBX_MAC_FILTER_CLR, 0);
	set_mac(&c, 1, 0xff, 0x30);
	MSG(&c, 1, VTNIC_MBX_SET_LPE, 59);
	MSG(&c, 1, VTNIC_MBX_SET_LPE, 60 + 4);
	MSG(&c, 1, VTNIC_MBX_SET_LPE, 9216 + 14 + 4 + 4);
	MSG(&c, 1, VTNIC_MBX_SET_LPE, 9216 + 14 + 4 + 5);
	save(&c, "malformed");

	/* A flood of refusals, and the log's second passing */
	begin(&c, 2, 0);
	vf_up(&c, 0);
	for (i = 0; i < 20; i++)
		MSG(&c, 0, VTNIC_MBX_SET_LPE, 1);
	time_passes(&c, 251);
	for (i = 0; i < 5; i++)
		MSG(&c, 0, VTNIC_MBX_SET_LPE, 1);
	time_passes(&c, 1);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 1522);
	save(&c, "refusal-flood");

	/* Refusals and paced NACKs across the 64-bit wrap of jiffies */
	begin(&c, 3, 2);
	vf_up(&c, 2);
	ev(&c, FUZZ_FLR, 2);
	for (i = 0; i < 6; i++) {
		MSG(&c, 2, VTNIC_MBX_SET_LPE, 1);
		ev(&c, FUZZ_VF_ACK, 2);
		time_passes(&c, 600);
	}
	save(&c, "clock-wrap");

	/* Addresses that are taken: the PF's, another VF's, the admin's */
	begin(&c, 3, 0);
	vf_up(&c, 0);
	MSG(&c, 1, VTNIC_MBX_RESET);
	set_mac(&c, 1, VTNIC_MBX_MAC_SET, 0x10);	/* VF 0's */
	MSG(&c, 1, W0(VTNIC_MBX_SET_MAC_ADDR, 0), 0x12005452, 0x5634);
	admin_raw_mac(&c, 2, taken);
	admin2(&c, FUZZ_ADMIN_MAC, 2, 0);		/* the PF's */
	admin2(&c, FUZZ_ADMIN_MAC, 2, 5);		/* multicast */
	admin2(&c, FUZZ_ADMIN_MAC, 2, 3);
	MSG(&c, 2, VTNIC_MBX_RESET);
	set_mac(&c, 2, VTNIC_MBX_MAC_SET, 0x12);
	save(&c, "mac-taken");

	/* Events of VFs that do not exist */
	begin(&c, 2, 0);
	MSG(&c, 5, VTNIC_MBX_RESET);
	ev(&c, FUZZ_FLR, 7);
	ev(&c, FUZZ_VF_ACK, 2);
	vf_up(&c, 1);
	save(&c, "stray-vfs");

	/* Every admin setting on every VF of seven */
	begin(&c, 7, 3);
	for (i = 0; i < 7; i++) {
		admin2(&c, FUZZ_ADMIN_MAC, i, 1 + i % 4);
		admin_vlan(&c, i, 10 + i, i);
		admin2(&c, FUZZ_ADMIN_SPOOFCHK, i, i & 1);
		admin2(&c, FUZZ_ADMIN_TRUST, i, 1);
		admin_rate(&c, i, 100 * (i + 1));
		MSG(&c, i, VTNIC_MBX_RESET);
	}
	save(&c, "admin-all");

	/* A guest at the largest frame with every filter, then its reset */
	begin(&c, 1, 0);
	vf_up(&c, 0);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 9216 + 14 + 4 + 4);
	for (i = 0; i < 4; i++)
		set_vlan(&c, 0, true, 4092 + i);
	set_multicast(&c, 0, 30, 0);
	MSG(&c, 0, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_MULTICAST));
	MSG(&c, 0, VTNIC_MBX_RESET);
	save(&c, "one-vf-full");

	/* A VF that keeps its buffer while the admin and the PF talk to it */
	begin(&c, 3, 0);
	vf_up(&c, 0);
	vf_up(&c, 1);
	admin2(&c, FUZZ_VF_HOLD, 1, 1);
	admin2(&c, FUZZ_ADMIN_LINK, 1, 2);
	put8(&c, FUZZ_LINK);
	put8(&c, 2);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 1522);
	ev(&c, FUZZ_FLR, 1);
	admin2(&c, FUZZ_VF_HOLD, 1, 0);
	admin2(&c, FUZZ_ADMIN_LINK, 1, 0);
	MSG(&c, 1, VTNIC_MBX_RESET);
	save(&c, "vf-keeps-buffer");

	ixgbe_seeds();

	/*
	 * Past its budget (six tries on a held buffer spend it): requests
	 * wait in the buffer, under a control message, replaced by a new
	 * post, forgotten by an FLR and by the PF's reset
	 */
	begin(&c, 2, 0);
	vf_up(&c, 0);
	vf_up(&c, 1);
	for (i = 0; i < 6; i++)
		msg(&c, 0, FUZZ_MSG_HOLD,
		    (const u32[]){ VTNIC_MBX_SET_LPE, 9018 }, 2);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 2000);
	MSG(&c, 1, VTNIC_MBX_SET_LPE, 2000);
	admin2(&c, FUZZ_ADMIN_LINK, 0, 1);
	time_passes(&c, 8);
	one(&c, FUZZ_SERVICE);
	ev(&c, FUZZ_VF_ACK, 0);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 9018);
	MSG(&c, 0, VTNIC_MBX_SET_LPE, 1522);
	time_passes(&c, 8);
	one(&c, FUZZ_SERVICE);
	set_vlan(&c, 0, true, 5);
	ev(&c, FUZZ_FLR, 0);
	MSG(&c, 0, VTNIC_MBX_RESET);
	one(&c, FUZZ_PF_RESET);
	time_passes(&c, 8);
	one(&c, FUZZ_SERVICE);
	MSG(&c, 0, VTNIC_MBX_RESET);
	save(&c, "budget-wait");

	/* The same on the 82599, on a VF of the high half */
	begin_ixgbe(&c, 5, 0);
	ixgbevf_up(&c, 33);
	for (i = 0; i < 5; i++)
		msg(&c, 33, FUZZ_MSG_HOLD,
		    (const u32[]){ VTNIC_MBX_SET_LPE, 9018 }, 2);
	set_vlan(&c, 33, true, 100);
	admin2(&c, FUZZ_ADMIN_LINK, 33, 1);
	time_passes(&c, 8);
	one(&c, FUZZ_SERVICE);
	ev(&c, FUZZ_VF_ACK, 33);
	set_vlan(&c, 33, false, 100);
	ev(&c, FUZZ_FLR, 33);
	set_vlan(&c, 33, true, 101);
	time_passes(&c, 8);
	one(&c, FUZZ_SERVICE);
	save(&c, "ixgbe-budget-wait");

	/*
	 * A guest's own address, its request waiting for its budget, then
	 * its FLR while the PF is down: the next RESET gets no address
	 */
	begin(&c, 2, 0);
	vf_up(&c, 0);
	set_mac(&c, 0, VTNIC_MBX_MAC_SET, 0x10);
	set_vlan(&c, 0, true, 7);
	ev(&c, FUZZ_PF_RESET_FLR, 0);
	MSG(&c, 0, VTNIC_MBX_RESET);
	ev(&c, FUZZ_PF_RESET_FLR, 1);
	MSG(&c, 1, VTNIC_MBX_RESET);
	save(&c, "pf-reset-flr");

	/*
	 * Floods that last (flood()): VF 0 is quarantined, ignored, not
	 * told of a link change, let out by its trust, while VF 1 talks;
	 * quarantined again, then let out by its FLR.  Then the same on the
	 * 82599.
	 */
	for (i = 0; i < 2; i++) {
		unsigned int vf = i ? 33 : 0, other = i ? 34 : 1;

		if (i) {
			begin_ixgbe(&c, 5, 0);
			ixgbevf_up(&c, vf);
			ixgbevf_up(&c, other);
		} else {
			begin(&c, 2, 0);
			vf_up(&c, vf);
			vf_up(&c, other);
		}
		flood(&c, vf);
		MSG(&c, other, VTNIC_MBX_SET_LPE, 1522);
		put8(&c, FUZZ_LINK);		/* a link change pings all */
		put8(&c, 2);
		admin2(&c, FUZZ_ADMIN_TRUST, vf, 0);
		ev(&c, FUZZ_VF_ACK, vf);
		MSG(&c, vf, VTNIC_MBX_RESET);
		flood(&c, vf);
		ev(&c, FUZZ_FLR, vf);
		MSG(&c, vf, VTNIC_MBX_RESET);
		save(&c, i ? "ixgbe-quarantine" : "quarantine");
	}

	printf("mbx_corpus: %u conversations in %s\n", written, dir);
	return 0;
}
