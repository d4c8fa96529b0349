/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vfmgr.conf: the PFs to give VFs, the settings of single VFs ([SR-IOV],
 * systemd.network(5)'s section) and the port profiles VFs are handed out
 * with.  See vfmgr.conf(5).
 *
 * The parser does not log: it returns -errno and fills a list of
 * diagnostics, "FILE:LINE: text", which the caller prints once.
 */
#ifndef VFMGR_CONF_H
#define VFMGR_CONF_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

/* Limits on everything a config file controls */
#define VFMGR_CONF_MAX_BYTES	(1024 * 1024)
#define VFMGR_CONF_MAX_LINE	1024
#define VFMGR_MAX_PFS		64
#define VFMGR_MAX_PROFILES	256
#define VFMGR_MAX_SRIOV		1024	/* [SR-IOV] sections, all PFs */
#define VFMGR_MAX_VF_INDEX	2147483646	/* networkd's VirtualFunction= */
#define VFMGR_MAX_NUM_VFS	4096
#define VFMGR_NAME_MAX		64	/* profile names, NUL included */
#define VFMGR_DRIVER_MAX	64
#define VFMGR_PCI_ADDR_MAX	16	/* "0000:00:00.0" and its NUL */
#define VFMGR_MAX_DIAGS		32
#define VFMGR_DIAG_MAX		256

/* Tri-state settings: left alone unless the profile says */
enum vfmgr_tristate {
	VFMGR_UNSET = -1,
	VFMGR_OFF = 0,
	VFMGR_ON = 1,
};

/* IFLA_VF_LINK_STATE_* values */
enum vfmgr_link_state {
	VFMGR_LINK_UNSET = -1,
	VFMGR_LINK_AUTO = 0,
	VFMGR_LINK_ENABLE = 1,
	VFMGR_LINK_DISABLE = 2,
};

/**
 * struct vfmgr_pf_conf - a [PF] section
 * @line: where the section starts
 * @pci_addr: PCIAddress=, canonical "dddd:bb:dd.f", or empty
 * @driver: Driver=, or empty
 * @ifname: Name=, or empty
 * @num_vfs: NumVFs=, or -1 to leave the count alone
 *
 * A PF matches when every match key given matches; at least one is.
 */
struct vfmgr_pf_conf {
	unsigned int line;
	char pci_addr[VFMGR_PCI_ADDR_MAX];
	char driver[VFMGR_DRIVER_MAX];
	char ifname[IF_NAMESIZE];
	int num_vfs;
};

/**
 * struct vfmgr_profile - a [Profile NAME] section: what a VF gets
 * @line: where the section starts
 * @name: NAME
 * @has_mac: MACAddress= given
 * @mac: the address
 * @vlan: VLANId= 1..4095, 0 when not given
 * @qos: QualityOfService= 0..7
 * @vlan_proto: VLANProtocol=, 0x8100 (802.1Q, the default) or 0x88a8
 * @spoofchk: MACSpoofCheck=
 * @trust: Trust=
 * @link_state: LinkState=
 * @query_rss: QueryReceiveSideScaling=, a [SR-IOV] key: unset in a profile
 * @max_tx_rate: MaxTxRate= in Mb/s, 0 for no limit
 * @min_tx_rate: MinTxRate= in Mb/s, 0 for none
 *
 * A [SR-IOV] section's settings are one of these too, without a name or
 * rates: the keys both sections have are parsed by the same code.
 */
struct vfmgr_profile {
	unsigned int line;
	char name[VFMGR_NAME_MAX];
	bool has_mac;
	uint8_t mac[6];
	uint16_t vlan;
	uint8_t qos;
	uint16_t vlan_proto;
	enum vfmgr_tristate spoofchk;
	enum vfmgr_tristate trust;
	enum vfmgr_link_state link_state;
	enum vfmgr_tristate query_rss;
	uint32_t max_tx_rate;
	uint32_t min_tx_rate;
};

/**
 * struct vfmgr_sriov - a [SR-IOV] section: the settings of one VF
 * @pf: the [PF] section it follows, an index into vfmgr_conf.pfs
 * @vf: VirtualFunction=, 0..VFMGR_MAX_VF_INDEX
 * @set: what the VF gets; @set.line is the section's first line
 */
struct vfmgr_sriov {
	unsigned int pf;
	int vf;
	struct vfmgr_profile set;
};

struct vfmgr_conf {
	unsigned int nr_pfs;
	struct vfmgr_pf_conf pfs[VFMGR_MAX_PFS];
	unsigned int nr_profiles;
	struct vfmgr_profile profiles[VFMGR_MAX_PROFILES];
	unsigned int nr_sriov;
	struct vfmgr_sriov sriov[VFMGR_MAX_SRIOV];
};

/**
 * struct vfmgr_diags - what the parser has to say
 * @nr: lines in @text (at most VFMGR_MAX_DIAGS are kept)
 * @dropped: lines past that
 * @errors: how many of them are errors (the file was rejected)
 * @text: "FILE:LINE: message" each
 * @is_error: which of @text are errors; the others are warnings
 */
struct vfmgr_diags {
	unsigned int nr;
	unsigned int dropped;
	unsigned int errors;
	char text[VFMGR_MAX_DIAGS][VFMGR_DIAG_MAX];
	bool is_error[VFMGR_MAX_DIAGS];
};

int vfmgr_conf_parse(const char *name, const char *text, size_t len,
		     struct vfmgr_conf *conf, struct vfmgr_diags *diags);
int vfmgr_conf_load(const char *path, struct vfmgr_conf *conf,
		    struct vfmgr_diags *diags);
const struct vfmgr_profile *vfmgr_conf_profile(const struct vfmgr_conf *conf,
					       const char *name);

#endif /* VFMGR_CONF_H */
