/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rtnetlink through libmnl: a PF's VF settings (IFLA_VFINFO_LIST), as
 * iproute2 and systemd-networkd speak it, and moving a netdev to a netns.
 *
 * Errors are -errno; when the kernel gave an extack message it is copied
 * to the caller's buffer ("" otherwise; EXTACK may be NULL).  No logging.
 */
#ifndef VFMGR_NL_H
#define VFMGR_NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf.h"

#define VFMGR_EXTACK_MAX	256

/* The receive buffer starts at MIN and grows to the longest answer seen,
 * up to MAX: an answer longer than that is -EMSGSIZE.
 */
#define VFMGR_NL_BUF_MIN	(64 * 1024)
#define VFMGR_NL_BUF_MAX	(16 * 1024 * 1024)

struct mnl_socket;

struct vfmgr_nl {
	struct mnl_socket *sk;
	unsigned int portid;
	unsigned int seq;
	char *buf;		/* receive buffer, grown to fit a dump */
	size_t buf_size;
	bool resync;		/* a request's answers may be left unread */
};

/**
 * struct vfmgr_vf_info - one IFLA_VF_INFO as the kernel reports it
 * @vf: the VF's number
 * @mac: IFLA_VF_MAC
 * @vlan: IFLA_VF_VLAN (or the first IFLA_VF_VLAN_LIST entry)
 * @qos: its priority
 * @vlan_proto: its protocol, 0x8100 when the kernel gives none
 * @spoofchk: IFLA_VF_SPOOFCHK, -1 when not reported
 * @trust: IFLA_VF_TRUST, -1 when not reported
 * @link_state: IFLA_VF_LINK_STATE, -1 when not reported
 * @rss_query: IFLA_VF_RSS_QUERY_EN, -1 when not reported
 * @min_tx_rate: IFLA_VF_RATE, Mb/s
 * @max_tx_rate: IFLA_VF_RATE (or IFLA_VF_TX_RATE), Mb/s
 */
struct vfmgr_vf_info {
	unsigned int vf;
	uint8_t mac[6];
	uint16_t vlan;
	uint8_t qos;
	uint16_t vlan_proto;
	int spoofchk;
	int trust;
	int link_state;
	int rss_query;
	uint32_t min_tx_rate;
	uint32_t max_tx_rate;
};

int vfmgr_nl_open(struct vfmgr_nl *nl);
void vfmgr_nl_close(struct vfmgr_nl *nl);

/*
 * The VFs of the PF netdev IFINDEX: RTM_GETLINK with IFLA_EXT_MASK
 * RTEXT_FILTER_VF, the receive buffer sized to the answer (it passes 64 KB
 * with a few hundred VFs).  Up to MAX entries into VFS, the count into
 * *NR.  0 or -errno; -ENOSPC when the PF has more than MAX VFs, the first
 * MAX of them filled in and *NR = MAX.  On any other error *NR is 0.
 */
int vfmgr_nl_get_vfs(struct vfmgr_nl *nl, int ifindex,
		     struct vfmgr_vf_info *vfs, unsigned int max,
		     unsigned int *nr);

/*
 * Apply profile P to VF number VF of the PF netdev IFINDEX in one
 * RTM_SETLINK: IFLA_VF_MAC when it has one, the VLAN (IFLA_VF_VLAN_LIST
 * for 802.1ad), IFLA_VF_RATE when a rate is set, and the spoof check,
 * trust and link state it names; what P leaves unset is not sent.
 * 0 or -errno, the kernel's extack text in EXTACK.
 */
int vfmgr_nl_set_vf(struct vfmgr_nl *nl, int ifindex, unsigned int vf,
		    const struct vfmgr_profile *p, char *extack, size_t len);

/* The settings of a VF, each one IFLA_VF_* attribute (two for a VLAN) */
enum vfmgr_vf_attr {
	VFMGR_VF_MAC,		/* IFLA_VF_MAC */
	VFMGR_VF_VLAN,		/* IFLA_VF_VLAN, or IFLA_VF_VLAN_LIST for 802.1ad */
	VFMGR_VF_RATE,		/* IFLA_VF_RATE */
	VFMGR_VF_SPOOFCHK,	/* IFLA_VF_SPOOFCHK */
	VFMGR_VF_TRUST,		/* IFLA_VF_TRUST */
	VFMGR_VF_LINK_STATE,	/* IFLA_VF_LINK_STATE */
	VFMGR_VF_RSS_QUERY,	/* IFLA_VF_RSS_QUERY_EN */
	VFMGR_VF_NR_ATTRS,
};

/*
 * Setting ATTR of P alone, to VF number VF of the PF netdev IFINDEX, in
 * a RTM_SETLINK of its own: as networkd sends a [SR-IOV] section, so that
 * one setting the driver refuses keeps none of the others off.  -ENODATA,
 * and nothing sent, when P leaves ATTR unset; else 0 or -errno, the
 * kernel's extack text in EXTACK.
 */
int vfmgr_nl_set_vf_one(struct vfmgr_nl *nl, int ifindex, unsigned int vf,
			const struct vfmgr_profile *p, enum vfmgr_vf_attr attr,
			char *extack, size_t len);

/*
 * Give VF number VF back its defaults: MAC zero (the VF picks its own),
 * no VLAN, no rate limit, spoof check on, trust off, link auto.  Each
 * attribute is its own request, so one the driver refuses does not keep
 * the others from being reset; the first error is returned.
 */
int vfmgr_nl_reset_vf(struct vfmgr_nl *nl, int ifindex, unsigned int vf,
		      char *extack, size_t len);

/*
 * Move netdev IFINDEX into the netns open at NETNS_FD, renaming it to
 * IFNAME there unless IFNAME is NULL or "".  0 or -errno.
 */
int vfmgr_nl_move(struct vfmgr_nl *nl, int ifindex, int netns_fd,
		  const char *ifname, char *extack, size_t len);

#endif /* VFMGR_NL_H */
