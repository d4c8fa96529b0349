// SPDX-License-Identifier: GPL-2.0
/*
 * rtnetlink through libmnl: reading and setting a PF's VFs
 * (IFLA_VFINFO_LIST), and moving a netdev to another netns.
 *
 * Every request carries NLM_F_ACK and is answered by its data, if any,
 * then an NLMSG_ERROR (error 0 for success).  The socket asks for
 * extended acks (NETLINK_EXT_ACK) without the echoed request
 * (NETLINK_CAP_ACK); libmnl 1.0.4 does not parse them, so the message
 * (NLMSGERR_ATTR_MSG) is taken out of the ack here.
 *
 * Each datagram is peeked at with MSG_TRUNC before it is read, so the
 * receive buffer can grow to fit it: a PF's RTM_NEWLINK with
 * RTEXT_FILTER_VF passes 64 KB at some 220 VFs.
 */

#include <errno.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "nl.h"

#define ETH_P_8021AD	0x88a8
#define ETH_P_8021Q	0x8100

/* A request is one header, an ifinfomsg and a few small attributes */
#define NL_REQ_SIZE	1024

/* How often a read interrupted by a concurrent change is retried */
#define NL_INTR_RETRIES	5

typedef int (*nl_data_cb)(const struct nlmsghdr *nlh, void *data);

/**
 * vfmgr_nl_open() - open and bind an rtnetlink socket
 * @nl: the handle to fill
 *
 * Return: 0 or -errno.
 */
int vfmgr_nl_open(struct vfmgr_nl *nl)
{
	int one = 1;
	int err;

	memset(nl, 0, sizeof(*nl));
	nl->buf_size = VFMGR_NL_BUF_MIN;
	nl->buf = malloc(nl->buf_size);
	if (!nl->buf)
		return -ENOMEM;
	/* Not inherited by a modprobe.d install command libkmod may run */
	nl->sk = mnl_socket_open2(NETLINK_ROUTE, SOCK_CLOEXEC);
	if (!nl->sk) {
		err = -errno;
		goto err_free_buf;
	}
	/* Both are optional (Linux 4.2 and 4.12): without them there is no
	 * extack text and a refused request comes back whole, no more.
	 */
	mnl_socket_setsockopt(nl->sk, NETLINK_CAP_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sk, NETLINK_EXT_ACK, &one, sizeof(one));
	if (mnl_socket_bind(nl->sk, 0, MNL_SOCKET_AUTOPID) < 0) {
		err = -errno;
		goto err_close;
	}
	nl->portid = mnl_socket_get_portid(nl->sk);
	nl->seq = (unsigned int)time(NULL);
	return 0;

err_close:
	mnl_socket_close(nl->sk);
	nl->sk = NULL;
err_free_buf:
	free(nl->buf);
	nl->buf = NULL;
	return err;
}

/**
 * vfmgr_nl_close() - close what vfmgr_nl_open() opened
 * @nl: the handle; may be closed twice
 */
void vfmgr_nl_close(struct vfmgr_nl *nl)
{
	if (nl->sk)
		mnl_socket_close(nl->sk);
	nl->sk = NULL;
	free(nl->buf);
	nl->buf = NULL;
	nl->buf_size = 0;
}

static void set_extack(char *extack, size_t len, const char *msg)
{
	size_t n = 0;

	if (!extack || !len)
		return;
	n = strnlen(msg, len - 1);
	memcpy(extack, msg, n);
	extack[n] = '\0';
}

/* Throw the next datagram away, however long */
static void nl_drop(struct vfmgr_nl *nl)
{
	int fd = mnl_socket_get_fd(nl->sk);

	while (recv(fd, NULL, 0, MSG_TRUNC) < 0 && errno == EINTR)
		;
}

/* Throw away what an earlier request left unread */
static void nl_flush(struct vfmgr_nl *nl)
{
	int fd = mnl_socket_get_fd(nl->sk);

	while (recv(fd, NULL, 0, MSG_DONTWAIT | MSG_TRUNC) >= 0 ||
	       errno == EINTR)
		;
}

/*
 * Read one datagram into nl->buf, growing it first to the size a
 * MSG_PEEK | MSG_TRUNC read reports.  Its length into *LEN.
 */
static int nl_recv(struct vfmgr_nl *nl, size_t *len)
{
	int fd = mnl_socket_get_fd(nl->sk);
	size_t want;
	ssize_t n;
	char *buf;

	do
		n = recv(fd, NULL, 0, MSG_PEEK | MSG_TRUNC);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;

	want = (size_t)n;
	if (want > nl->buf_size) {
		if (want > VFMGR_NL_BUF_MAX) {
			nl_drop(nl);
			return -EMSGSIZE;
		}
		buf = realloc(nl->buf, want);
		if (!buf) {
			nl_drop(nl);
			return -ENOMEM;
		}
		nl->buf = buf;
		nl->buf_size = want;
	}

	do
		n = mnl_socket_recvfrom(nl->sk, nl->buf, nl->buf_size);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		/* libmnl's word for MSG_TRUNC: the datagram is gone */
		return errno == ENOSPC ? -EMSGSIZE : -errno;
	}
	*len = (size_t)n;
	return 0;
}

/* The attributes in [BUF, BUF + LEN), each checked to lie inside */
static int attr_walk(const void *buf, size_t len,
		     int (*cb)(const struct nlattr *, void *), void *data)
{
	const char *p = buf, *end = p + len;
	int err;

	while (p < end) {
		const struct nlattr *a = (const void *)p;

		if (!mnl_attr_ok(a, (int)(end - p)))
			return -EBADMSG;
		err = cb(a, data);
		if (err)
			return err;
		p += MNL_ALIGN(a->nla_len);
	}
	return 0;
}

static int ext_ack_cb(const struct nlattr *attr, void *data)
{
	const char **msg = data;

	if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
	    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
		*msg = mnl_attr_get_str(attr);
	return 0;
}

/*
 * NLMSG_ERROR: the kernel's errno (0 for an ack) into *ERROR, its extack
 * message into EXTACK; -EBADMSG when it is no NLMSG_ERROR at all.  The
 * request is echoed before the TLVs unless NLM_F_CAPPED.
 */
static int nl_parse_error(const struct nlmsghdr *nlh, int *error,
			  char *extack, size_t len)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	size_t plen = mnl_nlmsg_get_payload_len(nlh);
	const char *msg = NULL;
	size_t off = sizeof(*e);

	if (plen < sizeof(*e) || e->error > 0 || e->error < -4095)
		return -EBADMSG;
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
			if (e->msg.nlmsg_len < sizeof(e->msg))
				return -EBADMSG;
			off += MNL_ALIGN(e->msg.nlmsg_len) - sizeof(e->msg);
		}
		if (off > plen)
			return -EBADMSG;
		/* A broken TLV costs the text, not the errno */
		if (attr_walk((const char *)e + off, plen - off, ext_ack_cb,
			      &msg))
			msg = NULL;
		if (msg)
			set_extack(extack, len, msg);
	}
	*error = e->error;
	return 0;
}

/*
 * Send REQ and read its answers up to the ack: data messages go to CB,
 * the first error CB returns is kept but the rest is still read, so the
 * next request does not find this one's leftovers.  Returns the kernel's
 * error if it refused, else CB's, else 0; -EAGAIN when a message came
 * flagged NLM_F_DUMP_INTR (the data changed under the read).  After an
 * error that stopped the reading short, the next request first throws
 * away what is left.
 */
static int nl_request(struct vfmgr_nl *nl, struct nlmsghdr *req,
		      nl_data_cb cb, void *data, char *extack, size_t len)
{
	const struct nlmsghdr *nlh;
	int cb_err = 0, ack, err;
	size_t n = 0;
	ssize_t sent;

	set_extack(extack, len, "");
	if (nl->resync)
		nl_flush(nl);
	if (++nl->seq == 0)
		nl->seq = 1;
	req->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	req->nlmsg_seq = nl->seq;
	req->nlmsg_pid = 0;

	do
		sent = mnl_socket_sendto(nl->sk, req, req->nlmsg_len);
	while (sent < 0 && errno == EINTR);
	if (sent < 0)
		return -errno;
	if ((size_t)sent != req->nlmsg_len)
		return -EIO;
	/* Until the ack, a return leaves answers in the socket */
	nl->resync = true;

	for (;;) {
		int rem;

		err = nl_recv(nl, &n);
		if (err == -EMSGSIZE || err == -ENOMEM) {
			/* One datagram lost: keep reading up to the ack */
			if (!cb_err)
				cb_err = err;
			continue;
		}
		if (err)
			return err;

		rem = (int)n;
		for (nlh = (const void *)nl->buf; mnl_nlmsg_ok(nlh, rem);
		     nlh = mnl_nlmsg_next(nlh, &rem)) {
			if (nlh->nlmsg_seq != nl->seq ||
			    nlh->nlmsg_pid != nl->portid)
				return -EPROTO;
			if (nlh->nlmsg_flags & NLM_F_DUMP_INTR && !cb_err)
				cb_err = -EAGAIN;

			switch (nlh->nlmsg_type) {
			case NLMSG_NOOP:
				break;
			case NLMSG_ERROR:
				err = nl_parse_error(nlh, &ack, extack, len);
				if (err)
					return err;
				nl->resync = false;
				return ack ? ack : cb_err;
			case NLMSG_DONE:
				/* Only a dump ends so, its ack follows */
				break;
			case NLMSG_OVERRUN:
				return -EBADMSG;
			default:
				if (cb && !cb_err)
					cb_err = cb(nlh, data);
				break;
			}
		}
		/* A message cut short, or bytes after the last one */
		if (rem)
			return -EBADMSG;
	}
}

/* ---- reading the VFs ---- */

struct vf_list {
	int ifindex;
	struct vfmgr_vf_info *vfs;
	unsigned int max;
	unsigned int nr;
	bool more;		/* there were VFs past max */
	bool seen;		/* the RTM_NEWLINK came */
};

/* The attribute's payload into DST, which it must at least fill */
static int attr_get(const struct nlattr *a, void *dst, size_t size)
{
	if (mnl_attr_get_payload_len(a) < size)
		return -EBADMSG;
	memcpy(dst, mnl_attr_get_payload(a), size);
	return 0;
}

/* spoofchk, trust, RSS query: the kernel presets -1, sent as a u32 */
static int tristate(uint32_t v)
{
	if (v == (uint32_t)-1)
		return -1;
	return v ? 1 : 0;
}

struct vf_parse {
	struct vfmgr_vf_info *vf;
	bool has_vf;		/* vf->vf known */
	bool has_rate;		/* IFLA_VF_RATE seen: IFLA_VF_TX_RATE is old */
	bool has_vlan_list;	/* it has the protocol: IFLA_VF_VLAN is old */
};

static void vf_number(struct vf_parse *vp, uint32_t vf)
{
	if (!vp->has_vf) {
		vp->vf->vf = vf;
		vp->has_vf = true;
	}
}

static int vf_vlan_list_cb(const struct nlattr *a, void *data)
{
	struct vf_parse *vp = data;
	struct ifla_vf_vlan_info vi;
	int err;

	if (mnl_attr_get_type(a) != IFLA_VF_VLAN_INFO)
		return 0;
	err = attr_get(a, &vi, sizeof(vi));
	if (err)
		return err;
	if (vp->has_vlan_list)		/* the first entry is the one */
		return 0;
	vf_number(vp, vi.vf);
	vp->vf->vlan = (uint16_t)vi.vlan;
	vp->vf->qos = (uint8_t)vi.qos;
	vp->vf->vlan_proto = ntohs(vi.vlan_proto);
	vp->has_vlan_list = true;
	return 0;
}

static int vf_attr_cb(const struct nlattr *a, void *data)
{
	struct vf_parse *vp = data;
	struct vfmgr_vf_info *vf = vp->vf;
	union {
		struct ifla_vf_mac mac;
		struct ifla_vf_vlan vlan;
		struct ifla_vf_rate rate;
		struct ifla_vf_tx_rate tx_rate;
		struct ifla_vf_spoofchk spoofchk;
		struct ifla_vf_trust trust;
		struct ifla_vf_link_state link_state;
		struct ifla_vf_rss_query_en rss_query;
	} u;
	int err = 0;

	switch (mnl_attr_get_type(a)) {
	case IFLA_VF_MAC:
		err = attr_get(a, &u.mac, sizeof(u.mac));
		if (err)
			break;
		vf_number(vp, u.mac.vf);
		memcpy(vf->mac, u.mac.mac, sizeof(vf->mac));
		break;
	case IFLA_VF_VLAN:
		err = attr_get(a, &u.vlan, sizeof(u.vlan));
		if (err)
			break;
		vf_number(vp, u.vlan.vf);
		if (!vp->has_vlan_list) {
			vf->vlan = (uint16_t)u.vlan.vlan;
			vf->qos = (uint8_t)u.vlan.qos;
		}
		break;
	case IFLA_VF_VLAN_LIST:
		err = attr_walk(mnl_attr_get_payload(a),
				mnl_attr_get_payload_len(a), vf_vlan_list_cb,
				vp);
		break;
	case IFLA_VF_RATE:
		err = attr_get(a, &u.rate, sizeof(u.rate));
		if (err)
			break;
		vf_number(vp, u.rate.vf);
		vf->min_tx_rate = u.rate.min_tx_rate;
		vf->max_tx_rate = u.rate.max_tx_rate;
		vp->has_rate = true;
		break;
	case IFLA_VF_TX_RATE:
		err = attr_get(a, &u.tx_rate, sizeof(u.tx_rate));
		if (err)
			break;
		vf_number(vp, u.tx_rate.vf);
		if (!vp->has_rate)
			vf->max_tx_rate = u.tx_rate.rate;
		break;
	case IFLA_VF_SPOOFCHK:
		err = attr_get(a, &u.spoofchk, sizeof(u.spoofchk));
		if (err)
			break;
		vf_number(vp, u.spoofchk.vf);
		vf->spoofchk = tristate(u.spoofchk.setting);
		break;
	case IFLA_VF_TRUST:
		err = attr_get(a, &u.trust, sizeof(u.trust));
		if (err)
			break;
		vf_number(vp, u.trust.vf);
		vf->trust = tristate(u.trust.setting);
		break;
	case IFLA_VF_LINK_STATE:
		err = attr_get(a, &u.link_state, sizeof(u.link_state));
		if (err)
			break;
		vf_number(vp, u.link_state.vf);
		vf->link_state = -1;
		if (u.link_state.link_state <= IFLA_VF_LINK_STATE_DISABLE)
			vf->link_state = (int)u.link_state.link_state;
		break;
	case IFLA_VF_RSS_QUERY_EN:
		err = attr_get(a, &u.rss_query, sizeof(u.rss_query));
		if (err)
			break;
		vf_number(vp, u.rss_query.vf);
		vf->rss_query = tristate(u.rss_query.setting);
		break;
	default:
		/* stats, broadcast, GUIDs: not ours */
		break;
	}
	return err;
}

static int vf_info_cb(const struct nlattr *a, void *data)
{
	struct vf_list *l = data;
	struct vfmgr_vf_info scratch, *vf;
	struct vf_parse vp = { 0 };
	int err;

	if (mnl_attr_get_type(a) != IFLA_VF_INFO)
		return 0;
	/* Past MAX still parsed, so a broken answer is an error */
	vf = l->nr < l->max ? &l->vfs[l->nr] : &scratch;
	memset(vf, 0, sizeof(*vf));
	vf->vlan_proto = ETH_P_8021Q;
	vf->spoofchk = -1;
	vf->trust = -1;
	vf->link_state = -1;
	vf->rss_query = -1;
	vp.vf = vf;
	err = attr_walk(mnl_attr_get_payload(a), mnl_attr_get_payload_len(a),
			vf_attr_cb, &vp);
	if (err)
		return err;
	if (!vp.has_vf)
		return -EBADMSG;	/* nothing said which VF it is */
	if (l->nr < l->max)
		l->nr++;
	else
		l->more = true;
	return 0;
}

static bool is_vf_info(const char *p, const char *end)
{
	const struct nlattr *a = (const void *)p;

	return mnl_attr_ok(a, (int)(end - p)) &&
	       mnl_attr_get_type(a) == IFLA_VF_INFO;
}

/*
 * The length of the IFLA_VFINFO_LIST at P, which may run up to END.  The
 * kernel closes the nest with nla_nest_end(), which stores its length in
 * the 16-bit nla_len: past 64 KB it wraps.  The IFLA_VF_INFO nests in it
 * are each far smaller and exact, so walk them: the list ends at the
 * first boundary whose length agrees with nla_len modulo 64 K and where
 * no further IFLA_VF_INFO follows (what follows the list at the top level
 * is never type 1: that is IFLA_ADDRESS, which comes before it).
 */
static int vfinfo_list_len(const char *p, const char *end, size_t *len)
{
	const struct nlattr *list = (const void *)p;
	const char *q = p + MNL_ATTR_HDRLEN;

	for (;;) {
		size_t n = (size_t)(q - p);

		if ((n & 0xffff) == list->nla_len && !is_vf_info(q, end)) {
			*len = n;
			return 0;
		}
		if (!is_vf_info(q, end))
			return -EBADMSG;
		q += MNL_ALIGN(((const struct nlattr *)q)->nla_len);
		if (q > end)
			return -EBADMSG;
	}
}

static int link_cb(const struct nlmsghdr *nlh, void *data)
{
	struct vf_list *l = data;
	const struct ifinfomsg *ifm = mnl_nlmsg_get_payload(nlh);
	const char *p, *end = (const char *)nlh + nlh->nlmsg_len;
	size_t len;
	int err;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*ifm))
		return -EBADMSG;
	if (ifm->ifi_index != l->ifindex || l->seen)
		return -EPROTO;
	l->seen = true;

	p = mnl_nlmsg_get_payload_offset(nlh, sizeof(*ifm));
	while (end - p >= (ptrdiff_t)MNL_ATTR_HDRLEN) {
		const struct nlattr *a = (const void *)p;

		if (mnl_attr_get_type(a) == IFLA_VFINFO_LIST) {
			err = vfinfo_list_len(p, end, &len);
			if (err)
				return err;
			err = attr_walk(p + MNL_ATTR_HDRLEN,
					len - MNL_ATTR_HDRLEN, vf_info_cb, l);
			if (err)
				return err;
		} else {
			if (!mnl_attr_ok(a, (int)(end - p)))
				return -EBADMSG;
			len = a->nla_len;
		}
		p += MNL_ALIGN(len);
	}
	if (p < end)
		return -EBADMSG;
	return 0;
}

/**
 * vfmgr_nl_get_vfs() - read the VFs of a PF
 * @nl: the socket
 * @ifindex: the PF netdev
 * @vfs: where to put them
 * @max: room in @vfs
 * @nr: how many were put there
 *
 * Return: 0, -ENOSPC when the PF has more than @max VFs (the first @max
 * are filled, *@nr is @max), or -errno (*@nr is 0).
 */
int vfmgr_nl_get_vfs(struct vfmgr_nl *nl, int ifindex,
		     struct vfmgr_vf_info *vfs, unsigned int max,
		     unsigned int *nr)
{
	uint32_t req_buf[NL_REQ_SIZE / 4];
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;
	struct vf_list l;
	unsigned int try;
	int err;

	*nr = 0;
	for (try = 0; try < NL_INTR_RETRIES; try++) {
		nlh = mnl_nlmsg_put_header(req_buf);
		nlh->nlmsg_type = RTM_GETLINK;
		ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
		ifm->ifi_family = AF_UNSPEC;
		ifm->ifi_index = ifindex;
		mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_VF);

		memset(&l, 0, sizeof(l));
		l.ifindex = ifindex;
		l.vfs = vfs;
		l.max = max;
		err = nl_request(nl, nlh, link_cb, &l, NULL, 0);
		if (err != -EAGAIN)
			break;
	}
	if (!err && !l.seen)
		err = -EPROTO;		/* acked, but no answer */
	if (err)
		return err;
	*nr = l.nr;
	return l.more ? -ENOSPC : 0;
}

static struct nlmsghdr *setlink_start(void *buf, int type, int ifindex)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifinfomsg *ifm;

	nlh->nlmsg_type = type;
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	ifm->ifi_index = ifindex;
	return nlh;
}

/*
 * Setting ATTR of P for VF number VF into NLH, inside its IFLA_VF_INFO;
 * false, and nothing put, when P leaves it unset.  The rates go together
 * in IFLA_VF_RATE: when either is set, the other goes as P has it (0,
 * none).
 */
static bool put_vf_attr(struct nlmsghdr *nlh, unsigned int vf,
			const struct vfmgr_profile *p, enum vfmgr_vf_attr attr)
{
	struct nlattr *vlans;

	switch (attr) {
	case VFMGR_VF_MAC: {
		struct ifla_vf_mac mac = { .vf = vf };

		if (!p->has_mac)
			return false;
		memcpy(mac.mac, p->mac, sizeof(p->mac));
		mnl_attr_put(nlh, IFLA_VF_MAC, sizeof(mac), &mac);
		return true;
	}
	case VFMGR_VF_VLAN:
		if (!p->vlan)
			return false;
		if (p->vlan_proto == ETH_P_8021AD) {
			struct ifla_vf_vlan_info vi = {
				.vf = vf,
				.vlan = p->vlan,
				.qos = p->qos,
				.vlan_proto = htons(ETH_P_8021AD),
			};

			vlans = mnl_attr_nest_start(nlh, IFLA_VF_VLAN_LIST);
			mnl_attr_put(nlh, IFLA_VF_VLAN_INFO, sizeof(vi), &vi);
			mnl_attr_nest_end(nlh, vlans);
		} else {
			struct ifla_vf_vlan v = {
				.vf = vf,
				.vlan = p->vlan,
				.qos = p->qos,
			};

			mnl_attr_put(nlh, IFLA_VF_VLAN, sizeof(v), &v);
		}
		return true;
	case VFMGR_VF_RATE: {
		struct ifla_vf_rate r = {
			.vf = vf,
			.min_tx_rate = p->min_tx_rate,
			.max_tx_rate = p->max_tx_rate,
		};

		if (!p->min_tx_rate && !p->max_tx_rate)
			return false;
		mnl_attr_put(nlh, IFLA_VF_RATE, sizeof(r), &r);
		return true;
	}
	case VFMGR_VF_SPOOFCHK: {
		struct ifla_vf_spoofchk sc = {
			.vf = vf,
			.setting = p->spoofchk == VFMGR_ON,
		};

		if (p->spoofchk == VFMGR_UNSET)
			return false;
		mnl_attr_put(nlh, IFLA_VF_SPOOFCHK, sizeof(sc), &sc);
		return true;
	}
	case VFMGR_VF_TRUST: {
		struct ifla_vf_trust t = {
			.vf = vf,
			.setting = p->trust == VFMGR_ON,
		};

		if (p->trust == VFMGR_UNSET)
			return false;
		mnl_attr_put(nlh, IFLA_VF_TRUST, sizeof(t), &t);
		return true;
	}
	case VFMGR_VF_LINK_STATE: {
		struct ifla_vf_link_state ls = {
			.vf = vf,
			.link_state = (uint32_t)p->link_state,
		};

		if (p->link_state == VFMGR_LINK_UNSET)
			return false;
		mnl_attr_put(nlh, IFLA_VF_LINK_STATE, sizeof(ls), &ls);
		return true;
	}
	case VFMGR_VF_RSS_QUERY: {
		struct ifla_vf_rss_query_en rq = {
			.vf = vf,
			.setting = p->query_rss == VFMGR_ON,
		};

		if (p->query_rss == VFMGR_UNSET)
			return false;
		mnl_attr_put(nlh, IFLA_VF_RSS_QUERY_EN, sizeof(rq), &rq);
		return true;
	}
	case VFMGR_VF_NR_ATTRS:
		break;
	}
	return false;
}

/*
 * A RTM_SETLINK of the PF with the settings of P that are in ATTRS (a bit
 * per enum vfmgr_vf_attr) for VF number VF; -ENODATA, nothing sent, when
 * P sets none of them.
 */
static int set_vf_attrs(struct vfmgr_nl *nl, int ifindex, unsigned int vf,
			const struct vfmgr_profile *p, unsigned int attrs,
			char *extack, size_t len)
{
	uint32_t buf[NL_REQ_SIZE / 4];
	struct nlattr *list, *info;
	struct nlmsghdr *nlh;
	unsigned int a;
	bool any = false;

	set_extack(extack, len, "");
	nlh = setlink_start(buf, RTM_SETLINK, ifindex);
	list = mnl_attr_nest_start(nlh, IFLA_VFINFO_LIST);
	info = mnl_attr_nest_start(nlh, IFLA_VF_INFO);
	for (a = 0; a < VFMGR_VF_NR_ATTRS; a++)
		if (attrs & 1u << a && put_vf_attr(nlh, vf, p, a))
			any = true;
	if (!any)
		return -ENODATA;
	mnl_attr_nest_end(nlh, info);
	mnl_attr_nest_end(nlh, list);
	return nl_request(nl, nlh, NULL, NULL, extack, len);
}

/**
 * vfmgr_nl_set_vf() - apply a profile to a VF
 * @nl: the socket
 * @ifindex: the PF netdev
 * @vf: the VF's number
 * @p: the profile; what it leaves unset is not sent
 * @extack: the kernel's message, "" when none
 * @len: room in @extack
 *
 * All of it in one request.  A profile that sets nothing sends nothing.
 *
 * Return: 0 or -errno.
 */
int vfmgr_nl_set_vf(struct vfmgr_nl *nl, int ifindex, unsigned int vf,
		    const struct vfmgr_profile *p, char *extack, size_t len)
{
	int err;

	err = set_vf_attrs(nl, ifindex, vf, p, (1u << VFMGR_VF_NR_ATTRS) - 1,
			   extack, len);
	return err == -ENODATA ? 0 : err;
}

/**
 * vfmgr_nl_set_vf_one() - one setting of a VF, in a request of its own
 * @nl: the socket
 * @ifindex: the PF netdev
 * @vf: the VF's number
 * @p: the settings
 * @attr: which of them
 * @extack: the kernel's message, "" when none
 * @len: room in @extack
 *
 * Return: 0, -ENODATA when @p leaves @attr unset (nothing is sent), or
 * -errno.
 */
int vfmgr_nl_set_vf_one(struct vfmgr_nl *nl, int ifindex, unsigned int vf,
			const struct vfmgr_profile *p, enum vfmgr_vf_attr attr,
			char *extack, size_t len)
{
	return set_vf_attrs(nl, ifindex, vf, p, 1u << attr, extack, len);
}

/* One IFLA_VF_* attribute for one VF, in a request of its own */
static int set_one(struct vfmgr_nl *nl, int ifindex, uint16_t type,
		   const void *val, size_t size, char *extack, size_t len)
{
	uint32_t buf[NL_REQ_SIZE / 4];
	struct nlattr *list, *info;
	struct nlmsghdr *nlh;

	nlh = setlink_start(buf, RTM_SETLINK, ifindex);
	list = mnl_attr_nest_start(nlh, IFLA_VFINFO_LIST);
	info = mnl_attr_nest_start(nlh, IFLA_VF_INFO);
	mnl_attr_put(nlh, type, size, val);
	mnl_attr_nest_end(nlh, info);
	mnl_attr_nest_end(nlh, list);
	return nl_request(nl, nlh, NULL, NULL, extack, len);
}

/**
 * vfmgr_nl_reset_vf() - give a VF back its defaults
 * @nl: the socket
 * @ifindex: the PF netdev
 * @vf: the VF's number
 * @extack: the kernel's message for the first error, "" when none
 * @len: room in @extack
 *
 * Return: 0 or the first -errno.
 */
int vfmgr_nl_reset_vf(struct vfmgr_nl *nl, int ifindex, unsigned int vf,
		      char *extack, size_t len)
{
	struct ifla_vf_mac mac = { .vf = vf };
	struct ifla_vf_vlan vlan = { .vf = vf };
	struct ifla_vf_rate rate = { .vf = vf };
	struct ifla_vf_spoofchk spoofchk = { .vf = vf, .setting = 1 };
	struct ifla_vf_trust trust = { .vf = vf, .setting = 0 };
	struct ifla_vf_link_state link = {
		.vf = vf,
		.link_state = IFLA_VF_LINK_STATE_AUTO,
	};
	const struct {
		uint16_t type;
		const void *val;
		size_t size;
	} reset[] = {
		{ IFLA_VF_MAC, &mac, sizeof(mac) },
		{ IFLA_VF_VLAN, &vlan, sizeof(vlan) },
		{ IFLA_VF_RATE, &rate, sizeof(rate) },
		{ IFLA_VF_SPOOFCHK, &spoofchk, sizeof(spoofchk) },
		{ IFLA_VF_TRUST, &trust, sizeof(trust) },
		{ IFLA_VF_LINK_STATE, &link, sizeof(link) },
	};
	char msg[VFMGR_EXTACK_MAX];
	unsigned int i;
	int first = 0, err;

	set_extack(extack, len, "");
	for (i = 0; i < sizeof(reset) / sizeof(reset[0]); i++) {
		err = set_one(nl, ifindex, reset[i].type, reset[i].val,
			      reset[i].size, msg, sizeof(msg));
		if (err && !first) {
			first = err;
			set_extack(extack, len, msg);
		}
	}
	return first;
}

/**
 * vfmgr_nl_move() - move a netdev to another netns
 * @nl: the socket
 * @ifindex: the netdev
 * @netns_fd: an open /proc/PID/ns/net or /run/netns/NAME
 * @ifname: its name there, or NULL or "" to keep it
 * @extack: the kernel's message, "" when none
 * @len: room in @extack
 *
 * Return: 0 or -errno.
 */
int vfmgr_nl_move(struct vfmgr_nl *nl, int ifindex, int netns_fd,
		  const char *ifname, char *extack, size_t len)
{
	uint32_t buf[NL_REQ_SIZE / 4];
	struct nlmsghdr *nlh;

	set_extack(extack, len, "");
	if (netns_fd < 0 || (ifname && strlen(ifname) >= IF_NAMESIZE))
		return -EINVAL;
	nlh = setlink_start(buf, RTM_NEWLINK, ifindex);
	mnl_attr_put_u32(nlh, IFLA_NET_NS_FD, (uint32_t)netns_fd);
	if (ifname && *ifname)
		mnl_attr_put_strz(nlh, IFLA_IFNAME, ifname);
	return nl_request(nl, nlh, NULL, NULL, extack, len);
}
