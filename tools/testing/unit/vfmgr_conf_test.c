// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the vfmgr.conf parser (vfmgr/src/conf.c): good files parse
 * to exactly what they say, unknown keys and sections warn and are
 * ignored, and every invalid value rejects the whole file with FILE:LINE
 * and the reason.  [SR-IOV] sections take systemd.network(5)'s keys, and
 * every mistake networkd drops a [SR-IOV] section for rejects the file.
 */

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "conf.h"

static struct vfmgr_conf conf;
static struct vfmgr_diags diags;

static int parse(const char *text)
{
	return vfmgr_conf_parse("t.conf", text, strlen(text), &conf, &diags);
}

static void assert_diag(unsigned int i, const char *expect)
{
	assert_true(i < diags.nr);
	assert_string_equal(diags.text[i], expect);
}

static const char good[] =
	"# vfmgr.conf\n"
	"[PF]\n"
	"PCIAddress = 0000:01:00.0\n"
	"NumVFs=4\n"
	"\n"
	"[PF]\n"
	"  Driver=vtnic  \n"
	"Name=enp2s0\n"
	"; no NumVFs: the count is left alone\n"
	"[Profile web]\n"
	"MACAddress=02:AB:cd:00:00:01\n"
	"VLANId=100\n"
	"QualityOfService=5\n"
	"VLANProtocol=802.1ad\n"
	"MACSpoofCheck=no\n"
	"Trust=yes\n"
	"LinkState=auto\n"
	"MaxTxRate=500\n"
	"MinTxRate=100\n"
	"[Profile db.2]\n"
	"LinkState=off\n";

static void test_good_file(void **state)
{
	const struct vfmgr_profile *web, *db;
	static const uint8_t mac[6] = { 0x02, 0xab, 0xcd, 0, 0, 1 };

	(void)state;
	assert_int_equal(parse(good), 0);
	assert_int_equal(diags.nr, 0);

	assert_int_equal(conf.nr_pfs, 2);
	assert_string_equal(conf.pfs[0].pci_addr, "0000:01:00.0");
	assert_int_equal(conf.pfs[0].num_vfs, 4);
	assert_int_equal(conf.pfs[0].line, 2);
	assert_string_equal(conf.pfs[1].driver, "vtnic");
	assert_string_equal(conf.pfs[1].ifname, "enp2s0");
	assert_string_equal(conf.pfs[1].pci_addr, "");
	assert_int_equal(conf.pfs[1].num_vfs, -1);

	assert_int_equal(conf.nr_profiles, 2);
	web = vfmgr_conf_profile(&conf, "web");
	assert_non_null(web);
	assert_true(web->has_mac);
	assert_memory_equal(web->mac, mac, 6);
	assert_int_equal(web->vlan, 100);
	assert_int_equal(web->qos, 5);
	assert_int_equal(web->vlan_proto, 0x88a8);
	assert_int_equal(web->spoofchk, VFMGR_OFF);
	assert_int_equal(web->trust, VFMGR_ON);
	assert_int_equal(web->link_state, VFMGR_LINK_AUTO);
	assert_int_equal(web->max_tx_rate, 500);
	assert_int_equal(web->min_tx_rate, 100);

	db = vfmgr_conf_profile(&conf, "db.2");
	assert_non_null(db);
	assert_false(db->has_mac);
	assert_int_equal(db->vlan, 0);
	assert_int_equal(db->vlan_proto, 0x8100);
	assert_int_equal(db->spoofchk, VFMGR_UNSET);
	assert_int_equal(db->trust, VFMGR_UNSET);
	assert_int_equal(db->link_state, VFMGR_LINK_DISABLE);
	assert_null(vfmgr_conf_profile(&conf, "DB.2"));	/* exact names */
	assert_null(vfmgr_conf_profile(&conf, "we"));
}

/* A later assignment wins; an empty value goes back to the default */
static void test_reassign_and_reset(void **state)
{
	const struct vfmgr_profile *p;

	(void)state;
	assert_int_equal(parse("[PF]\nName=eth0\nNumVFs=3\nNumVFs=\n"
			       "[Profile a]\nVLANId=5\nVLANId=6\nTrust=on\nTrust=\n"
			       "MACAddress=02:00:00:00:00:01\nMACAddress=\n"), 0);
	assert_int_equal(conf.pfs[0].num_vfs, -1);
	p = vfmgr_conf_profile(&conf, "a");
	assert_int_equal(p->vlan, 6);
	assert_int_equal(p->trust, VFMGR_UNSET);
	assert_false(p->has_mac);
}

static void test_unknown_key_warns(void **state)
{
	(void)state;
	assert_int_equal(parse("[PF]\nName=eth0\nNumVfs=3\n"
			       "[Profile a]\nVLANID=5\n"), 0);
	assert_int_equal(diags.errors, 0);
	assert_int_equal(diags.nr, 2);
	assert_diag(0, "t.conf:3: unknown key NumVfs in [PF], ignoring");
	assert_diag(1, "t.conf:5: unknown key VLANID in [Profile a], ignoring");
	assert_int_equal(conf.pfs[0].num_vfs, -1);
}

static void test_unknown_section_warns_once(void **state)
{
	(void)state;
	assert_int_equal(parse("[Match]\nName=eth0\nFoo=bar\n[PF]\nName=eth1\n"
			       "[Profile]\n"), -EINVAL);
	assert_diag(0, "t.conf:1: unknown section [Match], ignoring");
	assert_diag(1, "t.conf:6: invalid profile name \"\": 1..63 letters, digits, '-', '_' or '.'");
	assert_int_equal(diags.nr, 2);
	/* Which is which: vfmgrd logs them at LOG_WARNING and LOG_ERR */
	assert_false(diags.is_error[0]);
	assert_true(diags.is_error[1]);
	assert_int_equal(conf.nr_pfs, 1);
}

static void test_outside_section_warns(void **state)
{
	(void)state;
	assert_int_equal(parse("NumVFs=2\n[PF]\nName=eth0\n"), 0);
	assert_diag(0, "t.conf:1: NumVFs= outside of any section, ignoring");
}

/* Each invalid line rejects the file, naming the line and the reason */
static void test_invalid_values(void **state)
{
	static const struct {
		const char *line, *diag;
	} cases[] = {
		{ "NumVFs=4097", "invalid NumVFs=4097: not a number in 0..4096" },
		{ "NumVFs=-1", "invalid NumVFs=-1: not a number in 0..4096" },
		{ "NumVFs=3x", "invalid NumVFs=3x: not a number in 0..4096" },
		{ "NumVFs=99999999999999999999999", "invalid NumVFs=99999999999999999999999: not a number in 0..4096" },
		{ "PCIAddress=0000:01:00.8", "invalid PCIAddress=0000:01:00.8: not a PCI address (DDDD:BB:DD.F)" },
		{ "PCIAddress=01:20.0", "invalid PCIAddress=01:20.0: not a PCI address (DDDD:BB:DD.F)" },
		{ "PCIAddress=0000:01:00.0 x", "invalid PCIAddress=0000:01:00.0 x: not a PCI address (DDDD:BB:DD.F)" },
		{ "Name=a/b", "invalid Name=a/b: not an interface name" },
		{ "Name=0123456789abcdef", "invalid Name=0123456789abcdef: not an interface name" },
		{ "Driver=vt nic", "invalid Driver=vt nic: not a driver name" },
	};
	static const struct {
		const char *line, *diag;
	} pcases[] = {
		{ "VLANId=0", "invalid VLANId=0: not in 1..4095" },
		{ "VLANId=4096", "invalid VLANId=4096: not in 1..4095" },
		{ "QualityOfService=8", "invalid QualityOfService=8: not in 0..7" },
		{ "VLANProtocol=802.1x", "invalid VLANProtocol=802.1x: not 802.1Q or 802.1ad" },
		{ "MACSpoofCheck=maybe", "invalid MACSpoofCheck=maybe: not a boolean" },
		{ "Trust=2", "invalid Trust=2: not a boolean" },
		{ "LinkState=down", "invalid LinkState=down: not a boolean or \"auto\"" },
		{ "MaxTxRate=4294967296", "invalid MaxTxRate=4294967296: not a rate in Mb/s" },
		{ "MinTxRate=1.5", "invalid MinTxRate=1.5: not a rate in Mb/s" },
		{ "MACAddress=ff:ff:ff:ff:ff:ff", "invalid MACAddress=ff:ff:ff:ff:ff:ff: not a unicast address xx:xx:xx:xx:xx:xx other than zero" },
		{ "MACAddress=01:00:5e:00:00:01", "invalid MACAddress=01:00:5e:00:00:01: not a unicast address xx:xx:xx:xx:xx:xx other than zero" },
		{ "MACAddress=00:00:00:00:00:00", "invalid MACAddress=00:00:00:00:00:00: not a unicast address xx:xx:xx:xx:xx:xx other than zero" },
		{ "MACAddress=02:00:00:00:00", "invalid MACAddress=02:00:00:00:00: not a unicast address xx:xx:xx:xx:xx:xx other than zero" },
		{ "MACAddress=02-00-00-00-00-01", "invalid MACAddress=02-00-00-00-00-01: not a unicast address xx:xx:xx:xx:xx:xx other than zero" },
	};
	char text[256], expect[VFMGR_DIAG_MAX];
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "[PF]\nName=eth0\n%s\n",
			 cases[i].line);
		snprintf(expect, sizeof(expect), "t.conf:3: %s", cases[i].diag);
		assert_int_equal(parse(text), -EINVAL);
		assert_int_equal(diags.errors, 1);
		assert_diag(0, expect);
	}
	for (i = 0; i < sizeof(pcases) / sizeof(pcases[0]); i++) {
		snprintf(text, sizeof(text), "# a\n[Profile p]\n%s\n",
			 pcases[i].line);
		snprintf(expect, sizeof(expect), "t.conf:3: %s", pcases[i].diag);
		assert_int_equal(parse(text), -EINVAL);
		assert_int_equal(diags.errors, 1);
		assert_diag(0, expect);
	}
}

/* ---- [SR-IOV]: one VF of the [PF] above, in systemd.network's words ---- */

static const char sriov_good[] =
	"[PF]\n"
	"Name=eth0\n"
	"NumVFs=4\n"
	"[SR-IOV]\n"
	"VirtualFunction=1\n"
	"MACAddress=02:00:5e:00:00:11\n"
	"VLANId=10\n"
	"QualityOfService=3\n"
	"VLANProtocol=802.1Q\n"
	"MACSpoofCheck=yes\n"
	"QueryReceiveSideScaling=no\n"
	"Trust=yes\n"
	"LinkState=auto\n"
	"\n"
	"[SR-IOV]\n"
	"VirtualFunction=3\n"
	"LinkState=no\n"
	"[PF]\n"
	"Driver=igb\n"
	"[SR-IOV]\n"
	"VirtualFunction=2147483646\n"
	"VLANId=4095\n"
	"VLANProtocol=802.1ad\n"
	"[SR-IOV]\n"
	"# the same VF number as above, of another PF\n"
	"VirtualFunction=1\n"
	"LinkState=yes\n"
	"[Profile web]\n"
	"VLANId=7\n";

static void test_sriov_good(void **state)
{
	static const uint8_t mac[6] = { 0x02, 0x00, 0x5e, 0, 0, 0x11 };
	const struct vfmgr_sriov *s = conf.sriov;

	(void)state;
	assert_int_equal(parse(sriov_good), 0);
	assert_int_equal(diags.nr, 0);
	assert_int_equal(conf.nr_pfs, 2);
	assert_int_equal(conf.nr_profiles, 1);
	assert_int_equal(conf.nr_sriov, 4);

	assert_int_equal(s[0].pf, 0);
	assert_int_equal(s[0].vf, 1);
	assert_int_equal(s[0].set.line, 4);
	assert_true(s[0].set.has_mac);
	assert_memory_equal(s[0].set.mac, mac, 6);
	assert_int_equal(s[0].set.vlan, 10);
	assert_int_equal(s[0].set.qos, 3);
	assert_int_equal(s[0].set.vlan_proto, 0x8100);
	assert_int_equal(s[0].set.spoofchk, VFMGR_ON);
	assert_int_equal(s[0].set.query_rss, VFMGR_OFF);
	assert_int_equal(s[0].set.trust, VFMGR_ON);
	assert_int_equal(s[0].set.link_state, VFMGR_LINK_AUTO);
	assert_int_equal(s[0].set.max_tx_rate, 0);
	assert_int_equal(s[0].set.min_tx_rate, 0);

	/* What a section leaves out is left alone */
	assert_int_equal(s[1].pf, 0);
	assert_int_equal(s[1].vf, 3);
	assert_int_equal(s[1].set.line, 15);
	assert_false(s[1].set.has_mac);
	assert_int_equal(s[1].set.vlan, 0);
	assert_int_equal(s[1].set.vlan_proto, 0x8100);
	assert_int_equal(s[1].set.spoofchk, VFMGR_UNSET);
	assert_int_equal(s[1].set.query_rss, VFMGR_UNSET);
	assert_int_equal(s[1].set.trust, VFMGR_UNSET);
	assert_int_equal(s[1].set.link_state, VFMGR_LINK_DISABLE);

	assert_int_equal(s[2].pf, 1);
	assert_int_equal(s[2].vf, 2147483646);
	assert_int_equal(s[2].set.vlan, 4095);
	assert_int_equal(s[2].set.vlan_proto, 0x88a8);
	assert_int_equal(s[3].pf, 1);
	assert_int_equal(s[3].vf, 1);
	assert_int_equal(s[3].set.line, 24);
	assert_int_equal(s[3].set.link_state, VFMGR_LINK_ENABLE);

	/* A profile keeps QueryReceiveSideScaling= unset: no such key there */
	assert_int_equal(vfmgr_conf_profile(&conf, "web")->query_rss,
			 VFMGR_UNSET);
}

/* A later assignment wins; an empty value goes back to "not set" */
static void test_sriov_reassign_and_reset(void **state)
{
	const struct vfmgr_sriov *s = conf.sriov;

	(void)state;
	assert_int_equal(parse("[PF]\nName=eth0\n[SR-IOV]\nVirtualFunction=5\n"
			       "VirtualFunction=2\nQueryReceiveSideScaling=yes\n"
			       "QueryReceiveSideScaling=\nMACAddress=02:00:00:00:00:01\n"
			       "MACAddress=\nTrust=off\nLinkState=on\nLinkState=\n"), 0);
	assert_int_equal(s[0].vf, 2);
	assert_int_equal(s[0].set.query_rss, VFMGR_UNSET);
	assert_false(s[0].set.has_mac);
	assert_int_equal(s[0].set.trust, VFMGR_OFF);
	assert_int_equal(s[0].set.link_state, VFMGR_LINK_UNSET);

	/* Emptied, VirtualFunction= is not given */
	assert_int_equal(parse("[PF]\nName=eth0\n[SR-IOV]\nVirtualFunction=5\n"
			       "VirtualFunction=\n"), -EINVAL);
	assert_diag(0, "t.conf:3: [SR-IOV] without VirtualFunction=");
}

/* Each invalid value rejects the file, as in [Profile]: same parser */
static void test_sriov_invalid_values(void **state)
{
	static const struct {
		const char *line, *diag;
	} cases[] = {
		{ "VirtualFunction=2147483647", "invalid VirtualFunction=2147483647: not in 0..2147483646" },
		{ "VirtualFunction=-1", "invalid VirtualFunction=-1: not in 0..2147483646" },
		{ "VirtualFunction=one", "invalid VirtualFunction=one: not in 0..2147483646" },
		{ "VLANId=0", "invalid VLANId=0: not in 1..4095" },
		{ "VLANId=4096", "invalid VLANId=4096: not in 1..4095" },
		{ "QualityOfService=8", "invalid QualityOfService=8: not in 0..7" },
		{ "QualityOfService=263", "invalid QualityOfService=263: not in 0..7" },
		{ "VLANProtocol=802.1x", "invalid VLANProtocol=802.1x: not 802.1Q or 802.1ad" },
		{ "MACSpoofCheck=maybe", "invalid MACSpoofCheck=maybe: not a boolean" },
		{ "QueryReceiveSideScaling=2", "invalid QueryReceiveSideScaling=2: not a boolean" },
		{ "Trust=tru", "invalid Trust=tru: not a boolean" },
		{ "LinkState=down", "invalid LinkState=down: not a boolean or \"auto\"" },
		{ "MACAddress=01:00:5e:00:00:01", "invalid MACAddress=01:00:5e:00:00:01: not a unicast address xx:xx:xx:xx:xx:xx other than zero" },
		{ "MACAddress=02:00:5e:00:01", "invalid MACAddress=02:00:5e:00:01: not a unicast address xx:xx:xx:xx:xx:xx other than zero" },
	};
	char text[256], expect[VFMGR_DIAG_MAX];
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text),
			 "[PF]\nName=eth0\n[SR-IOV]\n%s\nVirtualFunction=0\n",
			 cases[i].line);
		snprintf(expect, sizeof(expect), "t.conf:4: %s", cases[i].diag);
		assert_int_equal(parse(text), -EINVAL);
		assert_int_equal(diags.errors, 1);
		assert_int_equal(diags.nr, 1);
		assert_diag(0, expect);
	}
}

/* What networkd drops a [SR-IOV] section for, each at its header */
static void test_sriov_section_checks(void **state)
{
	(void)state;
	assert_int_equal(parse("[PF]\nName=eth0\n[SR-IOV]\nTrust=yes\n"), -EINVAL);
	assert_int_equal(diags.errors, 1);
	assert_diag(0, "t.conf:3: [SR-IOV] without VirtualFunction=");

	/* Below NumVFs= when the [PF] gives it, as SR-IOVVirtualFunctions= */
	assert_int_equal(parse("[PF]\nName=eth0\nNumVFs=2\n[SR-IOV]\n"
			       "VirtualFunction=2\n"), -EINVAL);
	assert_diag(0, "t.conf:4: [SR-IOV] VirtualFunction=2 is not below NumVFs=2 of its [PF] (line 1)");
	assert_int_equal(parse("[PF]\nName=eth0\nNumVFs=0\n[SR-IOV]\n"
			       "VirtualFunction=0\n"), -EINVAL);
	assert_diag(0, "t.conf:4: [SR-IOV] VirtualFunction=0 is not below NumVFs=0 of its [PF] (line 1)");

	/* Two sections for one VF conflict */
	assert_int_equal(parse("[PF]\nName=eth0\n[SR-IOV]\nVirtualFunction=1\n"
			       "[SR-IOV]\nVirtualFunction=0\n[SR-IOV]\n"
			       "VirtualFunction=1\n"), -EINVAL);
	assert_int_equal(diags.errors, 1);
	assert_diag(0, "t.conf:7: [SR-IOV] for VF 1 of this [PF] is already on line 3");

	/* QualityOfService= and VLANProtocol= mean nothing without VLANId= */
	assert_int_equal(parse("[PF]\nName=eth0\n[SR-IOV]\nVirtualFunction=1\n"
			       "QualityOfService=3\n[SR-IOV]\nVirtualFunction=2\n"
			       "VLANProtocol=802.1ad\n"), 0);
	assert_int_equal(diags.nr, 2);
	assert_diag(0, "t.conf:3: [SR-IOV]: QualityOfService= and VLANProtocol= need VLANId=, ignoring");
	assert_diag(1, "t.conf:6: [SR-IOV]: QualityOfService= and VLANProtocol= need VLANId=, ignoring");
	assert_false(diags.is_error[0]);

	/* Keys of [Profile] that networkd's [SR-IOV] lacks, and others */
	assert_int_equal(parse("[PF]\nName=eth0\n[SR-IOV]\nVirtualFunction=1\n"
			       "MaxTxRate=100\nvirtualfunction=2\n"), 0);
	assert_int_equal(diags.nr, 2);
	assert_diag(0, "t.conf:5: unknown key MaxTxRate in [SR-IOV], ignoring");
	assert_diag(1, "t.conf:6: unknown key virtualfunction in [SR-IOV], ignoring");
	assert_int_equal(conf.sriov[0].set.max_tx_rate, 0);
	assert_int_equal(conf.sriov[0].vf, 1);

	/* A section name with an argument is another section */
	assert_int_equal(parse("[PF]\nName=eth0\n[SR-IOV 1]\nVirtualFunction=1\n"), 0);
	assert_diag(0, "t.conf:3: unknown section [SR-IOV 1], ignoring");
	assert_int_equal(conf.nr_sriov, 0);
}

/* A [SR-IOV] section belongs to the [PF] section right above it */
static void test_sriov_needs_its_pf(void **state)
{
	static const struct {
		const char *text;
		unsigned int line;	/* the [SR-IOV] header's */
	} orphans[] = {
		{ "[SR-IOV]\nVirtualFunction=1\n", 1 },
		{ "[Profile a]\n[SR-IOV]\nVirtualFunction=1\n", 2 },
		{ "[PF]\nName=eth0\n[Profile a]\n[SR-IOV]\nVirtualFunction=1\n", 4 },
		{ "[PF]\nName=eth0\n[Match]\n[SR-IOV]\nVirtualFunction=1\n", 4 },
	};
	char expect[VFMGR_DIAG_MAX];
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(orphans) / sizeof(orphans[0]); i++) {
		snprintf(expect, sizeof(expect),
			 "t.conf:%u: [SR-IOV] must follow the [PF] section of its PF, or another [SR-IOV]",
			 orphans[i].line);
		assert_int_equal(parse(orphans[i].text), -EINVAL);
		assert_int_equal(diags.errors, 1);
		assert_diag(diags.nr - 1, expect);
		assert_int_equal(conf.nr_sriov, 0);
	}

	/* A [PF] with an invalid line: its [SR-IOV] adds no error of its own */
	assert_int_equal(parse("[PF]\nName=eth0\nNumVFs=x\n[SR-IOV]\n"
			       "VirtualFunction=1\n"), -EINVAL);
	assert_int_equal(diags.errors, 1);
}

static void test_sriov_limit(void **state)
{
	char *text, *p;
	unsigned int i;

	(void)state;
	text = calloc(1, VFMGR_CONF_MAX_BYTES);
	assert_non_null(text);
	p = text + sprintf(text, "[PF]\nName=eth0\n");
	for (i = 0; i <= VFMGR_MAX_SRIOV; i++)
		p += sprintf(p, "[SR-IOV]\nVirtualFunction=%u\n", i);
	assert_int_equal(parse(text), -EINVAL);
	assert_int_equal(diags.errors, 1);
	assert_diag(0, "t.conf:2051: more than 1024 [SR-IOV] sections");
	assert_int_equal(conf.nr_sriov, VFMGR_MAX_SRIOV);
	free(text);
}

static void test_pci_address_canonical(void **state)
{
	(void)state;
	assert_int_equal(parse("[PF]\nPCIAddress=0A:1f.7\n"), 0);
	assert_string_equal(conf.pfs[0].pci_addr, "0000:0a:1f.7");
	assert_int_equal(parse("[PF]\nPCIAddress=00AB:cd:00.1\n"), 0);
	assert_string_equal(conf.pfs[0].pci_addr, "00ab:cd:00.1");
}

static void test_section_checks(void **state)
{
	(void)state;
	/* Reported at the section's header, the next header's line intact */
	assert_int_equal(parse("[PF]\nNumVFs=2\n[Profile a]\nMaxTxRate=100\n"
			       "MinTxRate=200\n[Profile a]\n"), -EINVAL);
	assert_int_equal(diags.errors, 3);
	assert_diag(0, "t.conf:1: [PF] matches nothing: give PCIAddress=, Driver= or Name=");
	assert_diag(1, "t.conf:3: [Profile a]: MinTxRate=200 is above MaxTxRate=100");
	assert_diag(2, "t.conf:6: [Profile a] is already defined on line 3");

	/* Without a limit any guarantee goes */
	assert_int_equal(parse("[Profile a]\nMinTxRate=200\n"), 0);

	assert_int_equal(parse("[Profile a]\nQualityOfService=3\n"), 0);
	assert_diag(0, "t.conf:1: [Profile a]: QualityOfService= and VLANProtocol= need VLANId=, ignoring");
}

static void test_malformed_lines(void **state)
{
	(void)state;
	assert_int_equal(parse("[PF\n"), -EINVAL);
	assert_diag(0, "t.conf:1: section header without its closing ']'");
	assert_int_equal(parse("[PF]\nName eth0\n"), -EINVAL);
	assert_diag(0, "t.conf:2: not a section header, a comment or Key=Value");
	assert_int_equal(parse("[PF]\n=eth0\n"), -EINVAL);
	assert_diag(0, "t.conf:2: assignment without a key");
	assert_int_equal(parse("[Profile a b]\n"), -EINVAL);
	assert_int_equal(vfmgr_conf_parse("t.conf", "[PF]\nName=e\0th0\n", 15,
					  &conf, &diags), -EINVAL);
	assert_diag(0, "t.conf:2: contains a NUL byte");
	/* No newline at the end is fine; CRLF is whitespace */
	assert_int_equal(parse("[PF]\r\nName=eth0\r\nNumVFs=1"), 0);
	assert_int_equal(conf.pfs[0].num_vfs, 1);
}

static void test_limits(void **state)
{
	char *text, *p;
	unsigned int i;
	size_t size = 2 * VFMGR_CONF_MAX_BYTES;

	(void)state;
	text = calloc(1, size);
	assert_non_null(text);

	/* One line too long */
	memset(text, 'x', VFMGR_CONF_MAX_LINE + 1);
	assert_int_equal(parse(text), -EINVAL);
	assert_diag(0, "t.conf:1: longer than 1024 bytes");

	/* One section too many, of each kind */
	p = text;
	for (i = 0; i <= VFMGR_MAX_PFS; i++)
		p += sprintf(p, "[PF]\nName=eth%u\n", i);
	assert_int_equal(parse(text), -EINVAL);
	assert_diag(0, "t.conf:129: more than 64 [PF] sections");
	p = text;
	for (i = 0; i <= VFMGR_MAX_PROFILES; i++)
		p += sprintf(p, "[Profile p%u]\n", i);
	assert_int_equal(parse(text), -EINVAL);
	assert_diag(0, "t.conf:257: more than 256 [Profile] sections");

	/* The whole file */
	memset(text, '#', size - 1);
	assert_int_equal(vfmgr_conf_parse("t.conf", text, size - 1, &conf,
					  &diags), -EFBIG);

	/* Diagnostics past the list are counted, not kept */
	p = text;
	p += sprintf(p, "[PF]\nName=eth0\n");
	for (i = 0; i < VFMGR_MAX_DIAGS + 5; i++)
		p += sprintf(p, "Foo%u=1\n", i);
	assert_int_equal(parse(text), 0);
	assert_int_equal(diags.nr, VFMGR_MAX_DIAGS);
	assert_int_equal(diags.dropped, 5);
	free(text);
}

static void test_load_file(void **state)
{
	char path[] = "/tmp/vfmgr_conf_test.XXXXXX";
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, good, strlen(good)), (ssize_t)strlen(good));
	close(fd);
	assert_int_equal(vfmgr_conf_load(path, &conf, &diags), 0);
	assert_int_equal(conf.nr_pfs, 2);
	unlink(path);

	assert_int_equal(vfmgr_conf_load(path, &conf, &diags), -ENOENT);
	assert_true(diags.nr == 1 && strstr(diags.text[0], ": cannot read: No such file or directory"));
	assert_int_equal(vfmgr_conf_load("/tmp", &conf, &diags), -EINVAL);
	assert_diag(0, "/tmp: not a regular file");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_file),
		cmocka_unit_test(test_reassign_and_reset),
		cmocka_unit_test(test_unknown_key_warns),
		cmocka_unit_test(test_unknown_section_warns_once),
		cmocka_unit_test(test_outside_section_warns),
		cmocka_unit_test(test_invalid_values),
		cmocka_unit_test(test_pci_address_canonical),
		cmocka_unit_test(test_section_checks),
		cmocka_unit_test(test_malformed_lines),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_sriov_good),
		cmocka_unit_test(test_sriov_reassign_and_reset),
		cmocka_unit_test(test_sriov_invalid_values),
		cmocka_unit_test(test_sriov_section_checks),
		cmocka_unit_test(test_sriov_needs_its_pf),
		cmocka_unit_test(test_sriov_limit),
	};

	return cmocka_run_group_tests_name("vfmgr_conf", tests, NULL, NULL);
}
