// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of vfmgr's rtnetlink code (vfmgr/src/nl.c).  There is no
 * SR-IOV device here, so the kernel is faked at the socket: the test is
 * linked with --wrap for mnl_socket_sendto, mnl_socket_recvfrom and recv,
 * the wrappers record each request and hand back answers built here with
 * libmnl the way rtnetlink builds them (rtnl_fill_vfinfo() in
 * net/core/rtnetlink.c), and a datagram longer than the reader's buffer
 * is cut and lost as the kernel does.  Malformed answers are read into a
 * buffer exactly their size, so ASan sees any read past them.
 *
 * The last test moves a real veth between two throwaway network
 * namespaces; it needs CAP_NET_ADMIN and is skipped without.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <net/if.h>
#include <sched.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cmocka.h>

#include "nl.h"

#define PF_IFINDEX	7
#define MAX_DGRAMS	16
#define MAX_REQS	16

typedef void (*answer_fn)(const struct nlmsghdr *req);

struct dgram {
	char *data;
	size_t len;
};

/* The fake kernel behind the socket */
static struct {
	struct dgram q[MAX_DGRAMS];	/* answers not yet read */
	unsigned int head, nr;
	struct dgram req[MAX_REQS];	/* what was sent */
	unsigned int nr_reqs;
	answer_fn answer;
	unsigned int portid;
	unsigned int peeks;		/* MSG_PEEK | MSG_TRUNC reads */
	size_t peek_max;		/* the longest length they gave */
	size_t peek_cap;		/* if set, a peek says no more: no sizing */
	unsigned int truncated;		/* datagrams cut by a short read */
	bool live;			/* the real socket, for the live test */
} fake;

static struct vfmgr_nl nl;

ssize_t __real_mnl_socket_sendto(const struct mnl_socket *sk, const void *buf,
				 size_t len);
ssize_t __real_mnl_socket_recvfrom(const struct mnl_socket *sk, void *buf,
				   size_t len);
ssize_t __real_recv(int fd, void *buf, size_t len, int flags);

static void queue(const void *data, size_t len)
{
	struct dgram *d;

	assert_true(fake.nr < MAX_DGRAMS);
	d = &fake.q[(fake.head + fake.nr++) % MAX_DGRAMS];
	d->data = malloc(len);
	assert_non_null(d->data);
	memcpy(d->data, data, len);
	d->len = len;
}

static struct dgram pop(void)
{
	struct dgram d;

	if (!fake.nr)
		fail_msg("a read with no answer queued would block");
	d = fake.q[fake.head];
	fake.head = (fake.head + 1) % MAX_DGRAMS;
	fake.nr--;
	return d;
}

ssize_t __wrap_mnl_socket_sendto(const struct mnl_socket *sk, const void *buf,
				 size_t len)
{
	struct dgram *r;

	if (fake.live)
		return __real_mnl_socket_sendto(sk, buf, len);
	assert_true(fake.nr_reqs < MAX_REQS);
	r = &fake.req[fake.nr_reqs++];
	r->data = malloc(len);
	assert_non_null(r->data);
	memcpy(r->data, buf, len);
	r->len = len;
	assert_int_equal(((const struct nlmsghdr *)buf)->nlmsg_len, len);
	if (fake.answer)
		fake.answer(buf);
	return (ssize_t)len;
}

/* As the kernel and libmnl: a datagram longer than SIZE is cut, lost */
ssize_t __wrap_mnl_socket_recvfrom(const struct mnl_socket *sk, void *buf,
				   size_t size)
{
	struct dgram d;
	size_t n;

	if (fake.live)
		return __real_mnl_socket_recvfrom(sk, buf, size);
	d = pop();
	n = d.len < size ? d.len : size;
	memcpy(buf, d.data, n);
	free(d.data);
	if (d.len > size) {
		fake.truncated++;
		errno = ENOSPC;
		return -1;
	}
	return (ssize_t)n;
}

ssize_t __wrap_recv(int fd, void *buf, size_t len, int flags)
{
	struct dgram d;
	size_t n;

	if (fake.live)
		return __real_recv(fd, buf, len, flags);
	if (!fake.nr && flags & MSG_DONTWAIT) {
		errno = EAGAIN;
		return -1;
	}
	if (!fake.nr)
		fail_msg("a read with no answer queued would block");
	d = fake.q[fake.head];
	n = d.len;
	if (flags & MSG_PEEK) {
		fake.peeks++;
		if (fake.peek_cap && n > fake.peek_cap)
			n = fake.peek_cap;
		if (n > fake.peek_max)
			fake.peek_max = n;
	} else {
		free(pop().data);
	}
	if (!(flags & MSG_TRUNC) && n > len)
		n = len;
	if (buf)
		memcpy(buf, d.data, n < len ? n : len);
	return (ssize_t)n;
}

static int setup(void **state)
{
	memset(&fake, 0, sizeof(fake));
	assert_int_equal(vfmgr_nl_open(&nl), 0);
	fake.portid = nl.portid;
	return 0;
}

static int teardown(void **state)
{
	unsigned int i;

	/* Every answer was read: the next request starts clean */
	assert_int_equal(fake.nr, 0);
	for (i = 0; i < fake.nr_reqs; i++)
		free(fake.req[i].data);
	vfmgr_nl_close(&nl);
	return 0;
}

/*
 * The buffer grows to exactly the next datagram's size, so ASan sees a
 * read past its end
 */
static void shrink_buffer(void)
{
	free(nl.buf);
	nl.buf = malloc(1);
	assert_non_null(nl.buf);
	nl.buf_size = 1;
}

/* ---- building the kernel's answers ---- */

static struct nlmsghdr *answer_start(void *buf, const struct nlmsghdr *req,
				     uint16_t type)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);

	nlh->nlmsg_type = type;
	nlh->nlmsg_seq = req->nlmsg_seq;
	nlh->nlmsg_pid = fake.portid;
	return nlh;
}

/* NLMSG_ERROR as netlink_ack() with NETLINK_CAP_ACK and NETLINK_EXT_ACK */
static void queue_ack(const struct nlmsghdr *req, int error, const char *msg,
		      bool capped)
{
	static uint32_t buf[1024];
	struct nlmsghdr *nlh = answer_start(buf, req, NLMSG_ERROR);
	struct nlmsgerr *e;

	if (capped) {
		e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));
		e->msg = *req;
		nlh->nlmsg_flags |= NLM_F_CAPPED;
	} else {
		e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e) - sizeof(*req) +
					       MNL_ALIGN(req->nlmsg_len));
		memcpy(&e->msg, req, req->nlmsg_len);
	}
	e->error = error;
	if (msg) {
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, msg);
		mnl_attr_put_u32(nlh, NLMSGERR_ATTR_OFFS, 20);
	}
	queue(nlh, nlh->nlmsg_len);
}

/* What VF I holds in the synthesized answers */
static void vf_mac(unsigned int i, uint8_t *mac)
{
	static const uint8_t base[6] = { 0x02, 0x56, 0x54, 0, 0, 0 };

	memcpy(mac, base, 6);
	mac[3] = (uint8_t)(i >> 16);
	mac[4] = (uint8_t)(i >> 8);
	mac[5] = (uint8_t)i;
}

static uint16_t vf_vlan(unsigned int i) { return (uint16_t)(i * 7 % 4096); }
static uint8_t vf_qos(unsigned int i) { return (uint8_t)(i % 8); }
static uint16_t vf_proto(unsigned int i) { return i % 3 ? 0x8100 : 0x88a8; }
static uint32_t vf_min(unsigned int i) { return i; }
static uint32_t vf_max(unsigned int i) { return 1000 + i; }
/* spoofchk 0, 1, or -1 as the kernel presets for a driver that is silent */
static uint32_t vf_spoof(unsigned int i) { return i % 3 == 2 ? (uint32_t)-1 : i % 3; }
static int vf_spoof_want(unsigned int i) { return i % 3 == 2 ? -1 : (int)(i % 3); }
static uint32_t vf_trust(unsigned int i) { return i % 2; }
static uint32_t vf_link(unsigned int i) { return i % 3; }
static uint32_t vf_rss(unsigned int i) { return i % 4 == 3 ? (uint32_t)-1 : i % 2; }
static int vf_rss_want(unsigned int i) { return i % 4 == 3 ? -1 : (int)(i % 2); }

enum broken {
	BROKEN_NONE,
	BROKEN_MAC_SHORT,	/* IFLA_VF_MAC of 8 bytes */
	BROKEN_VLAN_INFO_SHORT,	/* IFLA_VF_VLAN_INFO of 6 bytes */
	BROKEN_NO_VF_NUMBER,	/* an IFLA_VF_INFO with nothing in it */
};

/* Bytes of an unknown attribute added to each VF, to tune its size */
static unsigned int vf_pad;

/* IFLA_VF_INFO as rtnl_fill_vfinfo() puts it */
static void put_vf_info(struct nlmsghdr *nlh, unsigned int i,
			enum broken broken)
{
	struct ifla_vf_mac mac = { .vf = i };
	struct ifla_vf_broadcast bcast;
	struct ifla_vf_vlan vlan = { i, vf_vlan(i), vf_qos(i) };
	struct ifla_vf_rate rate = { i, vf_min(i), vf_max(i) };
	struct ifla_vf_tx_rate tx_rate = { i, vf_max(i) };
	struct ifla_vf_spoofchk spoof = { i, vf_spoof(i) };
	struct ifla_vf_link_state link = { i, vf_link(i) };
	struct ifla_vf_rss_query_en rss = { i, vf_rss(i) };
	struct ifla_vf_trust trust = { i, vf_trust(i) };
	struct ifla_vf_vlan_info vi = {
		i, vf_vlan(i), vf_qos(i), htons(vf_proto(i))
	};
	struct nlattr *info, *nest;
	uint16_t s;

	info = mnl_attr_nest_start(nlh, IFLA_VF_INFO);
	if (broken == BROKEN_NO_VF_NUMBER) {
		mnl_attr_nest_end(nlh, info);
		return;
	}
	vf_mac(i, mac.mac);
	memset(&bcast, 0xff, sizeof(bcast));
	mnl_attr_put(nlh, IFLA_VF_MAC,
		     broken == BROKEN_MAC_SHORT ? 8 : sizeof(mac), &mac);
	mnl_attr_put(nlh, IFLA_VF_BROADCAST, sizeof(bcast), &bcast);
	mnl_attr_put(nlh, IFLA_VF_VLAN, sizeof(vlan), &vlan);
	mnl_attr_put(nlh, IFLA_VF_RATE, sizeof(rate), &rate);
	mnl_attr_put(nlh, IFLA_VF_TX_RATE, sizeof(tx_rate), &tx_rate);
	mnl_attr_put(nlh, IFLA_VF_SPOOFCHK, sizeof(spoof), &spoof);
	mnl_attr_put(nlh, IFLA_VF_LINK_STATE, sizeof(link), &link);
	mnl_attr_put(nlh, IFLA_VF_RSS_QUERY_EN, sizeof(rss), &rss);
	mnl_attr_put(nlh, IFLA_VF_TRUST, sizeof(trust), &trust);
	nest = mnl_attr_nest_start(nlh, IFLA_VF_VLAN_LIST);
	mnl_attr_put(nlh, IFLA_VF_VLAN_INFO,
		     broken == BROKEN_VLAN_INFO_SHORT ? 6 : sizeof(vi), &vi);
	mnl_attr_nest_end(nlh, nest);
	nest = mnl_attr_nest_start(nlh, IFLA_VF_STATS);
	for (s = IFLA_VF_STATS_RX_PACKETS; s <= IFLA_VF_STATS_TX_DROPPED; s++)
		if (s != IFLA_VF_STATS_PAD)
			mnl_attr_put_u64(nlh, s, 1000ull * i + s);
	mnl_attr_nest_end(nlh, nest);
	if (vf_pad) {
		static const uint8_t junk[1024];

		mnl_attr_put(nlh, IFLA_VF_MAX + 10, vf_pad, junk);
	}
	mnl_attr_nest_end(nlh, info);
}

static char *big;		/* the RTM_NEWLINK being built */
#define BIG_SIZE	(4 * 1024 * 1024)

/* Where the last build_link() put its IFLA_VFINFO_LIST, and how long */
static struct nlattr *last_list;
static size_t last_list_len;

/* The PF's RTM_NEWLINK with NR_VFS VFs, as rtnl_fill_ifinfo() orders it */
static struct nlmsghdr *build_link(const struct nlmsghdr *req, int ifindex,
				   unsigned int nr_vfs, enum broken broken,
				   unsigned int broken_vf)
{
	static const uint8_t addr[6] = { 0x00, 0x1b, 0x21, 0x0a, 0x0b, 0x0c };
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;
	struct nlattr *list, *nest;
	unsigned int i;

	if (!big)
		big = malloc(BIG_SIZE);
	assert_non_null(big);
	memset(big, 0, BIG_SIZE);
	nlh = answer_start(big, req, RTM_NEWLINK);
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	ifm->ifi_type = 1;
	ifm->ifi_index = ifindex;
	ifm->ifi_flags = IFF_UP;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "enp1s0f0");
	mnl_attr_put_u32(nlh, IFLA_MTU, 1500);
	mnl_attr_put(nlh, IFLA_ADDRESS, sizeof(addr), addr);
	mnl_attr_put_u32(nlh, IFLA_NUM_VF, nr_vfs);
	list = mnl_attr_nest_start(nlh, IFLA_VFINFO_LIST);
	for (i = 0; i < nr_vfs; i++)
		put_vf_info(nlh, i, i == broken_vf ? broken : BROKEN_NONE);
	mnl_attr_nest_end(nlh, list);	/* nla_len wraps past 64 K, as in the kernel */
	last_list = list;
	last_list_len = (char *)mnl_nlmsg_get_payload_tail(nlh) - (char *)list;
	/* What follows the list at the top level must still be found */
	nest = mnl_attr_nest_start(nlh, IFLA_AF_SPEC);
	mnl_attr_put_u32(nlh, 1, 0);
	mnl_attr_nest_end(nlh, nest);
	mnl_attr_put_u32(nlh, IFLA_GROUP, 0);
	assert_true(nlh->nlmsg_len < BIG_SIZE / 2);
	return nlh;
}

static unsigned int answer_vfs;

/* The PF answers RTM_GETLINK with answer_vfs VFs, then acks */
static void answer_link(const struct nlmsghdr *req)
{
	const struct ifinfomsg *ifm = mnl_nlmsg_get_payload(req);
	struct nlmsghdr *nlh;

	nlh = build_link(req, ifm->ifi_index, answer_vfs, BROKEN_NONE, 0);
	queue(nlh, nlh->nlmsg_len);
	queue_ack(req, 0, NULL, true);
}

static void assert_vf(const struct vfmgr_vf_info *vf, unsigned int i)
{
	uint8_t mac[6];

	vf_mac(i, mac);
	assert_int_equal(vf->vf, i);
	assert_memory_equal(vf->mac, mac, 6);
	assert_int_equal(vf->vlan, vf_vlan(i));
	assert_int_equal(vf->qos, vf_qos(i));
	assert_int_equal(vf->vlan_proto, vf_proto(i));
	assert_int_equal(vf->min_tx_rate, vf_min(i));
	assert_int_equal(vf->max_tx_rate, vf_max(i));
	assert_int_equal(vf->spoofchk, vf_spoof_want(i));
	assert_int_equal(vf->trust, (int)vf_trust(i));
	assert_int_equal(vf->link_state, (int)vf_link(i));
	assert_int_equal(vf->rss_query, vf_rss_want(i));
}

static struct vfmgr_vf_info vfs[VFMGR_MAX_NUM_VFS];

/*
 * a. 300 VFs: the answer is far past 64 KB (and the IFLA_VFINFO_LIST's
 * 16-bit length wrapped); it is read whole, every field of every VF.
 */
static void test_get_vfs_300(void **state)
{
	unsigned int nr = 1234, i;
	size_t len;

	answer_vfs = 300;
	fake.answer = answer_link;
	assert_int_equal(nl.buf_size, VFMGR_NL_BUF_MIN);
	assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 4096, &nr), 0);
	assert_int_equal(nr, 300);
	for (i = 0; i < nr; i++)
		assert_vf(&vfs[i], i);

	/* The answer did not fit 64 KB; the peek sized the buffer to it */
	len = ((struct nlmsghdr *)big)->nlmsg_len;
	print_message("300 VFs: RTM_NEWLINK %zu bytes, IFLA_VFINFO_LIST %zu (nla_len %u), buffer %zu\n",
		      len, last_list_len, last_list->nla_len, nl.buf_size);
	assert_true(len > 65536);
	assert_true(last_list_len > 65535);
	assert_int_equal(last_list->nla_len, last_list_len & 0xffff);
	assert_true(fake.peeks >= 2);
	assert_int_equal(fake.peek_max, len);
	assert_true(nl.buf_size >= len);
	assert_int_equal(fake.truncated, 0);
}

/* a. ... and without the sizing (the peek reports no more than the 64 KB
 * buffer it has), the answer is cut: an error, not 220-odd VFs.
 */
static void test_get_vfs_300_unsized_fails(void **state)
{
	unsigned int nr = 1234;

	answer_vfs = 300;
	fake.answer = answer_link;
	fake.peek_cap = VFMGR_NL_BUF_MIN;
	assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 4096, &nr),
			 -EMSGSIZE);
	assert_int_equal(nr, 0);
	assert_int_equal(fake.truncated, 1);
	assert_int_equal(nl.buf_size, VFMGR_NL_BUF_MIN);
}

/*
 * a. With IFLA_VF_INFO 512 bytes long, the list's wrapped nla_len lands
 * exactly on a VF's end (after VF 43): believed, the list would stop
 * there and the other VFs be read as the link's own attributes.
 */
static void test_get_vfs_wrap_on_boundary(void **state)
{
	const struct nlattr *first;
	unsigned int nr, i;

	vf_pad = 212;
	answer_vfs = 300;
	fake.answer = answer_link;
	assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 4096, &nr), 0);
	vf_pad = 0;
	first = (const void *)((const char *)last_list + MNL_ATTR_HDRLEN);
	assert_int_equal(first->nla_len, 512);
	assert_int_equal(last_list_len, 4 + 300 * 512);
	assert_int_equal((last_list->nla_len - 4) % 512, 0);
	assert_int_equal(nr, 300);
	for (i = 0; i < nr; i++)
		assert_vf(&vfs[i], i);
}

/* A PF with one VF, with none, and the largest VF count the config takes */
static void test_get_vfs_sizes(void **state)
{
	static const unsigned int counts[] = { 0, 1, 221, 222, 4096 };
	unsigned int nr, i, j;

	fake.answer = answer_link;
	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		answer_vfs = counts[i];
		nr = 1234;
		assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs,
						  VFMGR_MAX_NUM_VFS, &nr), 0);
		assert_int_equal(nr, counts[i]);
		for (j = 0; j < nr; j++)
			assert_vf(&vfs[j], j);
	}
	print_message("4096 VFs: RTM_NEWLINK %u bytes, buffer %zu\n",
		      ((struct nlmsghdr *)big)->nlmsg_len, nl.buf_size);
}

/* b. RTM_GETLINK for the PF's ifindex, asking for its VFs */
static void test_get_vfs_request(void **state)
{
	const struct nlmsghdr *req;
	const struct ifinfomsg *ifm;
	const struct nlattr *a;
	bool ext_mask = false;
	unsigned int nr;

	answer_vfs = 2;
	fake.answer = answer_link;
	assert_int_equal(vfmgr_nl_get_vfs(&nl, 42, vfs, 8, &nr), 0);
	assert_int_equal(fake.nr_reqs, 1);
	req = (const void *)fake.req[0].data;
	assert_int_equal(req->nlmsg_type, RTM_GETLINK);
	assert_int_equal(req->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK);
	ifm = mnl_nlmsg_get_payload(req);
	assert_int_equal(ifm->ifi_index, 42);
	mnl_attr_for_each(a, req, sizeof(*ifm)) {
		if (mnl_attr_get_type(a) != IFLA_EXT_MASK)
			continue;
		assert_int_equal(mnl_attr_get_payload_len(a), 4);
		assert_int_equal(mnl_attr_get_u32(a), RTEXT_FILTER_VF);
		ext_mask = true;
	}
	assert_true(ext_mask);
}

/* f. More VFs than room: the first MAX, and -ENOSPC */
static void test_get_vfs_more_than_max(void **state)
{
	unsigned int nr = 0, i;

	answer_vfs = 300;
	fake.answer = answer_link;
	memset(vfs, 0xee, sizeof(vfs));
	assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 100, &nr),
			 -ENOSPC);
	assert_int_equal(nr, 100);
	for (i = 0; i < 100; i++)
		assert_vf(&vfs[i], i);
	/* Nothing written past MAX */
	assert_int_equal(vfs[100].vf, 0xeeeeeeee);
}

/* An older kernel: IFLA_VF_TX_RATE only, no VLAN list, no trust */
static void answer_old_kernel(const struct nlmsghdr *req)
{
	struct ifla_vf_mac mac = { .vf = 5, .mac = { 2, 0, 0, 0, 0, 5 } };
	struct ifla_vf_vlan vlan = { 5, 20, 3 };
	struct ifla_vf_tx_rate tx_rate = { 5, 300 };
	struct nlattr *list, *info;
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;
	uint32_t buf[256];

	nlh = answer_start(buf, req, RTM_NEWLINK);
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_index = PF_IFINDEX;
	list = mnl_attr_nest_start(nlh, IFLA_VFINFO_LIST);
	info = mnl_attr_nest_start(nlh, IFLA_VF_INFO);
	mnl_attr_put(nlh, IFLA_VF_MAC, sizeof(mac), &mac);
	mnl_attr_put(nlh, IFLA_VF_VLAN, sizeof(vlan), &vlan);
	mnl_attr_put(nlh, IFLA_VF_TX_RATE, sizeof(tx_rate), &tx_rate);
	mnl_attr_put_u32(nlh, 200, 0);	/* unknown: ignored */
	mnl_attr_nest_end(nlh, info);
	mnl_attr_nest_end(nlh, list);
	queue(nlh, nlh->nlmsg_len);
	queue_ack(req, 0, NULL, true);
}

static void test_get_vfs_old_kernel(void **state)
{
	static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 5 };
	unsigned int nr;

	fake.answer = answer_old_kernel;
	assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 8, &nr), 0);
	assert_int_equal(nr, 1);
	assert_int_equal(vfs[0].vf, 5);
	assert_memory_equal(vfs[0].mac, mac, 6);
	assert_int_equal(vfs[0].vlan, 20);
	assert_int_equal(vfs[0].qos, 3);
	assert_int_equal(vfs[0].vlan_proto, 0x8100);
	assert_int_equal(vfs[0].min_tx_rate, 0);
	assert_int_equal(vfs[0].max_tx_rate, 300);
	assert_int_equal(vfs[0].spoofchk, -1);
	assert_int_equal(vfs[0].trust, -1);
	assert_int_equal(vfs[0].link_state, -1);
	assert_int_equal(vfs[0].rss_query, -1);
}

/* ---- set_vf: exactly what the profile sets ---- */

static void answer_ok(const struct nlmsghdr *req)
{
	queue_ack(req, 0, NULL, true);
}

/* The attributes of the one IFLA_VF_INFO of recorded request R */
struct vf_req {
	const struct nlattr *tb[IFLA_VF_MAX + 1];
	unsigned int nr;	/* how many, duplicates included */
};

static void parse_vf_req(unsigned int r, int ifindex, struct vf_req *out)
{
	const struct nlmsghdr *req = (const void *)fake.req[r].data;
	const struct ifinfomsg *ifm = mnl_nlmsg_get_payload(req);
	const struct nlattr *a, *info = NULL, *v;
	unsigned int lists = 0, infos = 0;

	memset(out, 0, sizeof(*out));
	assert_int_equal(req->nlmsg_type, RTM_SETLINK);
	assert_int_equal(req->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK);
	assert_int_equal(ifm->ifi_index, ifindex);
	mnl_attr_for_each(a, req, sizeof(*ifm)) {
		assert_int_equal(mnl_attr_get_type(a), IFLA_VFINFO_LIST);
		lists++;
		mnl_attr_for_each_nested(info, a) {
			assert_int_equal(mnl_attr_get_type(info), IFLA_VF_INFO);
			infos++;
			mnl_attr_for_each_nested(v, info) {
				assert_true(mnl_attr_get_type(v) <= IFLA_VF_MAX);
				out->tb[mnl_attr_get_type(v)] = v;
				out->nr++;
			}
		}
	}
	assert_int_equal(lists, 1);
	assert_int_equal(infos, 1);
}

static void profile_init(struct vfmgr_profile *p)
{
	memset(p, 0, sizeof(*p));
	p->vlan_proto = 0x8100;
	p->spoofchk = VFMGR_UNSET;
	p->trust = VFMGR_UNSET;
	p->link_state = VFMGR_LINK_UNSET;
	p->query_rss = VFMGR_UNSET;
}

static void test_set_vf_mac_only(void **state)
{
	static const uint8_t mac[6] = { 0x02, 0xab, 0xcd, 0, 0, 1 };
	const struct ifla_vf_mac *m;
	struct vfmgr_profile p;
	char extack[VFMGR_EXTACK_MAX] = "junk";
	struct vf_req v;

	profile_init(&p);
	p.has_mac = true;
	memcpy(p.mac, mac, 6);
	fake.answer = answer_ok;
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 3, &p, extack,
					 sizeof(extack)), 0);
	assert_string_equal(extack, "");
	assert_int_equal(fake.nr_reqs, 1);
	parse_vf_req(0, PF_IFINDEX, &v);
	assert_int_equal(v.nr, 1);
	assert_non_null(v.tb[IFLA_VF_MAC]);
	assert_int_equal(mnl_attr_get_payload_len(v.tb[IFLA_VF_MAC]), sizeof(*m));
	m = mnl_attr_get_payload(v.tb[IFLA_VF_MAC]);
	assert_int_equal(m->vf, 3);
	assert_memory_equal(m->mac, mac, 6);
}

static void test_set_vf_8021ad(void **state)
{
	const struct ifla_vf_vlan_info *vi;
	const struct nlattr *a;
	struct vfmgr_profile p;
	unsigned int n = 0;
	struct vf_req v;

	profile_init(&p);
	p.vlan = 100;
	p.qos = 5;
	p.vlan_proto = 0x88a8;
	fake.answer = answer_ok;
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 9, &p, NULL, 0), 0);
	parse_vf_req(0, PF_IFINDEX, &v);
	assert_int_equal(v.nr, 1);
	assert_non_null(v.tb[IFLA_VF_VLAN_LIST]);
	mnl_attr_for_each_nested(a, v.tb[IFLA_VF_VLAN_LIST]) {
		assert_int_equal(mnl_attr_get_type(a), IFLA_VF_VLAN_INFO);
		assert_int_equal(mnl_attr_get_payload_len(a), sizeof(*vi));
		vi = mnl_attr_get_payload(a);
		assert_int_equal(vi->vf, 9);
		assert_int_equal(vi->vlan, 100);
		assert_int_equal(vi->qos, 5);
		assert_int_equal(vi->vlan_proto, htons(0x88a8));
		n++;
	}
	assert_int_equal(n, 1);
}

static void test_set_vf_8021q(void **state)
{
	const struct ifla_vf_vlan *vl;
	struct vfmgr_profile p;
	struct vf_req v;

	profile_init(&p);
	p.vlan = 4095;
	p.qos = 7;
	fake.answer = answer_ok;
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 0, &p, NULL, 0), 0);
	parse_vf_req(0, PF_IFINDEX, &v);
	assert_int_equal(v.nr, 1);
	assert_non_null(v.tb[IFLA_VF_VLAN]);
	vl = mnl_attr_get_payload(v.tb[IFLA_VF_VLAN]);
	assert_int_equal(vl->vf, 0);
	assert_int_equal(vl->vlan, 4095);
	assert_int_equal(vl->qos, 7);
}

static void test_set_vf_rate_and_flags(void **state)
{
	const struct ifla_vf_rate *r;
	const struct ifla_vf_spoofchk *s;
	const struct ifla_vf_trust *t;
	const struct ifla_vf_link_state *l;
	struct vfmgr_profile p;
	struct vf_req v;

	/* A maximum alone: IFLA_VF_RATE, the minimum 0 */
	profile_init(&p);
	p.max_tx_rate = 500;
	fake.answer = answer_ok;
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 2, &p, NULL, 0), 0);
	parse_vf_req(0, PF_IFINDEX, &v);
	assert_int_equal(v.nr, 1);
	r = mnl_attr_get_payload(v.tb[IFLA_VF_RATE]);
	assert_int_equal(r->vf, 2);
	assert_int_equal(r->min_tx_rate, 0);
	assert_int_equal(r->max_tx_rate, 500);

	/* Spoof check off, trust on, link down: those three, as said */
	profile_init(&p);
	p.spoofchk = VFMGR_OFF;
	p.trust = VFMGR_ON;
	p.link_state = VFMGR_LINK_DISABLE;
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 2, &p, NULL, 0), 0);
	parse_vf_req(1, PF_IFINDEX, &v);
	assert_int_equal(v.nr, 3);
	s = mnl_attr_get_payload(v.tb[IFLA_VF_SPOOFCHK]);
	t = mnl_attr_get_payload(v.tb[IFLA_VF_TRUST]);
	l = mnl_attr_get_payload(v.tb[IFLA_VF_LINK_STATE]);
	assert_int_equal(s->vf, 2);
	assert_int_equal(s->setting, 0);
	assert_int_equal(t->setting, 1);
	assert_int_equal(l->link_state, IFLA_VF_LINK_STATE_DISABLE);

	/* Link auto is a setting (0), not "unset" */
	profile_init(&p);
	p.link_state = VFMGR_LINK_AUTO;
	p.spoofchk = VFMGR_ON;
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 2, &p, NULL, 0), 0);
	parse_vf_req(2, PF_IFINDEX, &v);
	assert_int_equal(v.nr, 2);
	l = mnl_attr_get_payload(v.tb[IFLA_VF_LINK_STATE]);
	s = mnl_attr_get_payload(v.tb[IFLA_VF_SPOOFCHK]);
	assert_int_equal(l->link_state, IFLA_VF_LINK_STATE_AUTO);
	assert_int_equal(s->setting, 1);
}

static void test_set_vf_everything_and_nothing(void **state)
{
	struct vfmgr_profile p;
	struct vf_req v;

	profile_init(&p);
	p.has_mac = true;
	p.mac[0] = 2;
	p.vlan = 10;
	p.min_tx_rate = 10;
	p.max_tx_rate = 20;
	p.spoofchk = VFMGR_ON;
	p.trust = VFMGR_OFF;
	p.link_state = VFMGR_LINK_ENABLE;
	p.query_rss = VFMGR_ON;
	fake.answer = answer_ok;
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 1, &p, NULL, 0), 0);
	parse_vf_req(0, PF_IFINDEX, &v);
	assert_int_equal(v.nr, 7);
	assert_int_equal(((const struct ifla_vf_rss_query_en *)
			  mnl_attr_get_payload(v.tb[IFLA_VF_RSS_QUERY_EN]))->setting, 1);
	assert_non_null(v.tb[IFLA_VF_MAC]);
	assert_non_null(v.tb[IFLA_VF_VLAN]);
	assert_null(v.tb[IFLA_VF_VLAN_LIST]);
	assert_non_null(v.tb[IFLA_VF_RATE]);
	assert_null(v.tb[IFLA_VF_TX_RATE]);
	assert_non_null(v.tb[IFLA_VF_SPOOFCHK]);
	assert_non_null(v.tb[IFLA_VF_TRUST]);
	assert_non_null(v.tb[IFLA_VF_LINK_STATE]);

	/* A profile that sets nothing sends nothing */
	profile_init(&p);
	p.qos = 3;		/* without a VLAN it means nothing */
	p.vlan_proto = 0x88a8;
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 1, &p, NULL, 0), 0);
	assert_int_equal(fake.nr_reqs, 1);
}

/* d. The kernel's refusal: its errno and its extack text */
static bool answer_capped = true;

static void answer_refuse(const struct nlmsghdr *req)
{
	queue_ack(req, -EINVAL, "VF 3 is not allowed", answer_capped);
}

static void test_set_vf_extack(void **state)
{
	char extack[VFMGR_EXTACK_MAX];
	char small[8];
	struct vfmgr_profile p;

	profile_init(&p);
	p.trust = VFMGR_ON;
	fake.answer = answer_refuse;
	answer_capped = true;
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 3, &p, extack,
					 sizeof(extack)), -EINVAL);
	assert_string_equal(extack, "VF 3 is not allowed");

	/* Without NETLINK_CAP_ACK the request is echoed before the TLVs */
	answer_capped = false;
	memset(extack, 'x', sizeof(extack));
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 3, &p, extack,
					 sizeof(extack)), -EINVAL);
	assert_string_equal(extack, "VF 3 is not allowed");

	/* Cut to the caller's room, always terminated */
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 3, &p, small,
					 sizeof(small)), -EINVAL);
	assert_string_equal(small, "VF 3 is");
	answer_capped = true;
}

/*
 * set_vf_one: one setting in a request of its own, as networkd sends a
 * [SR-IOV] section's, so that one the driver refuses stops no other
 */
static void test_set_vf_one(void **state)
{
	static const struct {
		enum vfmgr_vf_attr attr;
		uint16_t type;
	} one[] = {
		{ VFMGR_VF_MAC, IFLA_VF_MAC },
		{ VFMGR_VF_VLAN, IFLA_VF_VLAN_LIST },
		{ VFMGR_VF_RATE, IFLA_VF_RATE },
		{ VFMGR_VF_SPOOFCHK, IFLA_VF_SPOOFCHK },
		{ VFMGR_VF_TRUST, IFLA_VF_TRUST },
		{ VFMGR_VF_LINK_STATE, IFLA_VF_LINK_STATE },
		{ VFMGR_VF_RSS_QUERY, IFLA_VF_RSS_QUERY_EN },
	};
	char extack[VFMGR_EXTACK_MAX];
	struct vfmgr_profile p;
	struct vf_req v;
	unsigned int i;

	assert_int_equal(sizeof(one) / sizeof(one[0]), VFMGR_VF_NR_ATTRS);
	profile_init(&p);
	p.has_mac = true;
	p.mac[0] = 2;
	p.vlan = 10;
	p.qos = 2;
	p.vlan_proto = 0x88a8;
	p.max_tx_rate = 20;
	p.spoofchk = VFMGR_OFF;
	p.trust = VFMGR_ON;
	p.link_state = VFMGR_LINK_DISABLE;
	p.query_rss = VFMGR_ON;
	fake.answer = answer_ok;
	for (i = 0; i < VFMGR_VF_NR_ATTRS; i++) {
		assert_int_equal(vfmgr_nl_set_vf_one(&nl, PF_IFINDEX, 6, &p,
						     one[i].attr, extack,
						     sizeof(extack)), 0);
		assert_int_equal(fake.nr_reqs, i + 1);
		parse_vf_req(i, PF_IFINDEX, &v);
		assert_int_equal(v.nr, 1);
		assert_non_null(v.tb[one[i].type]);
	}
	parse_vf_req(5, PF_IFINDEX, &v);
	assert_int_equal(((const struct ifla_vf_link_state *)
			  mnl_attr_get_payload(v.tb[IFLA_VF_LINK_STATE]))->link_state,
			 IFLA_VF_LINK_STATE_DISABLE);
	parse_vf_req(6, PF_IFINDEX, &v);
	assert_int_equal(((const struct ifla_vf_rss_query_en *)
			  mnl_attr_get_payload(v.tb[IFLA_VF_RSS_QUERY_EN]))->vf, 6);

	/* What the settings leave unset is not sent: -ENODATA */
	profile_init(&p);
	p.qos = 3;		/* without a VLAN it means nothing */
	for (i = 0; i < VFMGR_VF_NR_ATTRS; i++)
		assert_int_equal(vfmgr_nl_set_vf_one(&nl, PF_IFINDEX, 6, &p,
						     one[i].attr, NULL, 0),
				 -ENODATA);
	assert_int_equal(fake.nr_reqs, VFMGR_VF_NR_ATTRS);

	/* The driver's refusal and its reason */
	p.link_state = VFMGR_LINK_AUTO;
	fake.answer = answer_refuse;
	assert_int_equal(vfmgr_nl_set_vf_one(&nl, PF_IFINDEX, 3, &p,
					     VFMGR_VF_LINK_STATE, extack,
					     sizeof(extack)), -EINVAL);
	assert_string_equal(extack, "VF 3 is not allowed");
}

/* reset: six requests of one attribute each; the first error wins */
static void answer_reset(const struct nlmsghdr *req)
{
	switch (fake.nr_reqs) {
	case 1:		/* the zero MAC */
		queue_ack(req, -EINVAL, "zero MAC not supported", true);
		break;
	case 3:		/* the rate */
		queue_ack(req, -EOPNOTSUPP, "no rate limits", true);
		break;
	default:
		queue_ack(req, 0, NULL, true);
		break;
	}
}

static void test_reset_vf(void **state)
{
	static const uint8_t zero[6];
	char extack[VFMGR_EXTACK_MAX];
	const struct ifla_vf_vlan *vl;
	const struct ifla_vf_rate *r;
	const struct ifla_vf_mac *m;
	struct vf_req v;
	uint16_t want[] = {
		IFLA_VF_MAC, IFLA_VF_VLAN, IFLA_VF_RATE, IFLA_VF_SPOOFCHK,
		IFLA_VF_TRUST, IFLA_VF_LINK_STATE,
	};
	unsigned int i;

	fake.answer = answer_reset;
	assert_int_equal(vfmgr_nl_reset_vf(&nl, PF_IFINDEX, 4, extack,
					   sizeof(extack)), -EINVAL);
	assert_string_equal(extack, "zero MAC not supported");
	assert_int_equal(fake.nr_reqs, 6);
	for (i = 0; i < 6; i++) {
		parse_vf_req(i, PF_IFINDEX, &v);
		assert_int_equal(v.nr, 1);
		assert_non_null(v.tb[want[i]]);
		/* each starts with its __u32 vf */
		assert_int_equal(mnl_attr_get_u32(v.tb[want[i]]), 4);
	}
	parse_vf_req(0, PF_IFINDEX, &v);
	m = mnl_attr_get_payload(v.tb[IFLA_VF_MAC]);
	assert_memory_equal(m->mac, zero, 6);
	parse_vf_req(1, PF_IFINDEX, &v);
	vl = mnl_attr_get_payload(v.tb[IFLA_VF_VLAN]);
	assert_int_equal(vl->vlan, 0);
	assert_int_equal(vl->qos, 0);
	parse_vf_req(2, PF_IFINDEX, &v);
	r = mnl_attr_get_payload(v.tb[IFLA_VF_RATE]);
	assert_int_equal(r->min_tx_rate, 0);
	assert_int_equal(r->max_tx_rate, 0);
	parse_vf_req(3, PF_IFINDEX, &v);
	assert_int_equal(((const struct ifla_vf_spoofchk *)
			  mnl_attr_get_payload(v.tb[IFLA_VF_SPOOFCHK]))->setting, 1);
	parse_vf_req(4, PF_IFINDEX, &v);
	assert_int_equal(((const struct ifla_vf_trust *)
			  mnl_attr_get_payload(v.tb[IFLA_VF_TRUST]))->setting, 0);
	parse_vf_req(5, PF_IFINDEX, &v);
	assert_int_equal(((const struct ifla_vf_link_state *)
			  mnl_attr_get_payload(v.tb[IFLA_VF_LINK_STATE]))->link_state,
			 IFLA_VF_LINK_STATE_AUTO);
}

/* ---- e. malformed answers ---- */

static enum broken answer_broken;
static unsigned int answer_broken_vf;

static void answer_link_broken(const struct nlmsghdr *req)
{
	struct nlmsghdr *nlh;

	nlh = build_link(req, PF_IFINDEX, 4, answer_broken, answer_broken_vf);
	queue(nlh, nlh->nlmsg_len);
	queue_ack(req, 0, NULL, true);
}

static void test_malformed_vf_attrs(void **state)
{
	static const enum broken cases[] = {
		BROKEN_MAC_SHORT, BROKEN_VLAN_INFO_SHORT, BROKEN_NO_VF_NUMBER,
	};
	unsigned int nr, i;

	fake.answer = answer_link_broken;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		answer_broken = cases[i];
		answer_broken_vf = 3;	/* the last: its end is the list's */
		nr = 1234;
		shrink_buffer();
		assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 8, &nr),
				 -EBADMSG);
		assert_int_equal(nr, 0);
	}
}

enum mangle {
	MANGLE_SEQ,		/* an answer to another request */
	MANGLE_PORTID,		/* addressed to another socket */
	MANGLE_NLMSG_LEN,	/* claims more than the datagram holds */
	MANGLE_CUT,		/* the datagram ends mid-attribute */
	MANGLE_VF_INFO_LEN,	/* an IFLA_VF_INFO runs past the message */
	MANGLE_IFINFOMSG,	/* too short for its ifinfomsg */
	MANGLE_IFINDEX,		/* about another netdev */
	MANGLE_ATTR_LEN,	/* a top-level nla_len of 2 */
	MANGLE_ERROR_SHORT,	/* an NLMSG_ERROR without its nlmsgerr */
};

static enum mangle mangle;

static void answer_mangled(const struct nlmsghdr *req)
{
	struct nlmsghdr *nlh, *ack;
	struct nlattr *a;
	uint32_t buf[64];
	size_t len;

	nlh = build_link(req, PF_IFINDEX, 2, BROKEN_NONE, 0);
	len = nlh->nlmsg_len;
	switch (mangle) {
	case MANGLE_SEQ:
		nlh->nlmsg_seq++;
		break;
	case MANGLE_PORTID:
		nlh->nlmsg_pid++;
		break;
	case MANGLE_NLMSG_LEN:
		nlh->nlmsg_len += 64;
		break;
	case MANGLE_CUT:
		/* nlmsg_len agrees, but the last attribute is cut */
		len -= 2;
		nlh->nlmsg_len = len;
		break;
	case MANGLE_VF_INFO_LEN:
		/* the second VF claims 4 KB */
		a = (struct nlattr *)((char *)last_list + MNL_ATTR_HDRLEN);
		a = (struct nlattr *)((char *)a + MNL_ALIGN(a->nla_len));
		a->nla_len = 4096;
		break;
	case MANGLE_IFINFOMSG:
		len = MNL_NLMSG_HDRLEN + 8;
		nlh->nlmsg_len = len;
		break;
	case MANGLE_IFINDEX:
		((struct ifinfomsg *)mnl_nlmsg_get_payload(nlh))->ifi_index++;
		break;
	case MANGLE_ATTR_LEN:
		a = mnl_nlmsg_get_payload_offset(nlh, sizeof(struct ifinfomsg));
		a->nla_len = 2;
		break;
	case MANGLE_ERROR_SHORT:
		ack = answer_start(buf, req, NLMSG_ERROR);
		mnl_nlmsg_put_extra_header(ack, 4);
		queue(ack, ack->nlmsg_len);
		queue_ack(req, 0, NULL, true);
		return;
	}
	/* The ack the kernel sends after it: left unread, the next request
	 * has to throw it away
	 */
	queue(nlh, len);
	queue_ack(req, 0, NULL, true);
}

static void test_malformed_messages(void **state)
{
	static const struct {
		enum mangle mangle;
		int err;
	} cases[] = {
		{ MANGLE_SEQ, -EPROTO },
		{ MANGLE_PORTID, -EPROTO },
		{ MANGLE_NLMSG_LEN, -EBADMSG },
		{ MANGLE_CUT, -EBADMSG },
		{ MANGLE_VF_INFO_LEN, -EBADMSG },
		{ MANGLE_IFINFOMSG, -EBADMSG },
		{ MANGLE_IFINDEX, -EPROTO },
		{ MANGLE_ATTR_LEN, -EBADMSG },
		{ MANGLE_ERROR_SHORT, -EBADMSG },
	};
	unsigned int nr, i;

	fake.answer = answer_mangled;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		mangle = cases[i].mangle;
		nr = 1234;
		shrink_buffer();
		assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 8, &nr),
				 cases[i].err);
		assert_int_equal(nr, 0);
	}
	/* The ack left after the last broken answer is thrown away */
	assert_int_equal(fake.nr, 1);
	answer_vfs = 2;
	fake.answer = answer_link;
	assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 8, &nr), 0);
	assert_int_equal(nr, 2);
}

/* A broken extack costs the text, not the errno */
static void answer_bad_extack(const struct nlmsghdr *req)
{
	uint32_t buf[256];
	struct nlmsghdr *nlh = answer_start(buf, req, NLMSG_ERROR);
	struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));
	struct nlattr *a;

	e->error = -EBUSY;
	e->msg = *req;
	nlh->nlmsg_flags |= NLM_F_CAPPED | NLM_F_ACK_TLVS;
	/* not NUL-terminated, and the last attribute overruns */
	a = mnl_nlmsg_get_payload_tail(nlh);
	mnl_attr_put(nlh, NLMSGERR_ATTR_MSG, 4, "abcd");
	a = mnl_nlmsg_get_payload_tail(nlh);
	mnl_attr_put(nlh, NLMSGERR_ATTR_OFFS, 4, "\0\0\0\0");
	a->nla_len = 200;
	queue(nlh, nlh->nlmsg_len);
}

static void test_malformed_extack(void **state)
{
	char extack[VFMGR_EXTACK_MAX];
	struct vfmgr_profile p;

	profile_init(&p);
	p.trust = VFMGR_OFF;
	fake.answer = answer_bad_extack;
	shrink_buffer();
	assert_int_equal(vfmgr_nl_set_vf(&nl, PF_IFINDEX, 0, &p, extack,
					 sizeof(extack)), -EBUSY);
	assert_string_equal(extack, "");
}

/* The list's wrapped length must agree with where its VFs end */
static void answer_list_len_wrong(const struct nlmsghdr *req)
{
	struct nlmsghdr *nlh;

	nlh = build_link(req, PF_IFINDEX, 3, BROKEN_NONE, 0);
	last_list->nla_len -= 4;
	queue(nlh, nlh->nlmsg_len);
	queue_ack(req, 0, NULL, true);
}

static void test_malformed_list_len(void **state)
{
	unsigned int nr;

	fake.answer = answer_list_len_wrong;
	shrink_buffer();
	assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 8, &nr),
			 -EBADMSG);
}

/* NLM_F_DUMP_INTR: the data changed under the read, which is retried */
static void answer_intr_once(const struct nlmsghdr *req)
{
	const struct ifinfomsg *ifm = mnl_nlmsg_get_payload(req);
	struct nlmsghdr *nlh;

	nlh = build_link(req, ifm->ifi_index, 3, BROKEN_NONE, 0);
	if (fake.nr_reqs == 1)
		nlh->nlmsg_flags |= NLM_F_DUMP_INTR;
	queue(nlh, nlh->nlmsg_len);
	queue_ack(req, 0, NULL, true);
}

static void test_dump_intr_retried(void **state)
{
	unsigned int nr;

	fake.answer = answer_intr_once;
	assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 8, &nr), 0);
	assert_int_equal(nr, 3);
	assert_int_equal(fake.nr_reqs, 2);
	assert_int_not_equal(((struct nlmsghdr *)fake.req[0].data)->nlmsg_seq,
			     ((struct nlmsghdr *)fake.req[1].data)->nlmsg_seq);
}

/* The kernel's -ENODEV for a gone PF, with no RTM_NEWLINK before it */
static void answer_nodev(const struct nlmsghdr *req)
{
	queue_ack(req, -ENODEV, NULL, true);
}

static void test_get_vfs_nodev(void **state)
{
	unsigned int nr = 1234;

	fake.answer = answer_nodev;
	assert_int_equal(vfmgr_nl_get_vfs(&nl, PF_IFINDEX, vfs, 8, &nr),
			 -ENODEV);
	assert_int_equal(nr, 0);
}

/* ---- move ---- */

static void test_move_request(void **state)
{
	const struct nlmsghdr *req;
	const struct nlattr *a;
	bool fd = false, name = false;

	fake.answer = answer_ok;
	assert_int_equal(vfmgr_nl_move(&nl, 12, 5, "vf3", NULL, 0), 0);
	req = (const void *)fake.req[0].data;
	assert_int_equal(req->nlmsg_type, RTM_NEWLINK);
	assert_int_equal(req->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK);
	assert_int_equal(((const struct ifinfomsg *)
			  mnl_nlmsg_get_payload(req))->ifi_index, 12);
	mnl_attr_for_each(a, req, sizeof(struct ifinfomsg)) {
		switch (mnl_attr_get_type(a)) {
		case IFLA_NET_NS_FD:
			assert_int_equal(mnl_attr_get_u32(a), 5);
			fd = true;
			break;
		case IFLA_IFNAME:
			assert_int_equal(mnl_attr_validate(a, MNL_TYPE_NUL_STRING), 0);
			assert_string_equal(mnl_attr_get_str(a), "vf3");
			name = true;
			break;
		default:
			fail_msg("unexpected attribute %u", mnl_attr_get_type(a));
		}
	}
	assert_true(fd && name);

	/* No name, or an empty one: IFLA_IFNAME is not sent */
	assert_int_equal(vfmgr_nl_move(&nl, 12, 5, "", NULL, 0), 0);
	assert_int_equal(vfmgr_nl_move(&nl, 12, 5, NULL, NULL, 0), 0);
	for (int i = 1; i <= 2; i++) {
		req = (const void *)fake.req[i].data;
		mnl_attr_for_each(a, req, sizeof(struct ifinfomsg))
			assert_int_equal(mnl_attr_get_type(a), IFLA_NET_NS_FD);
	}
	/* A name too long for the kernel is refused before sending */
	assert_int_equal(vfmgr_nl_move(&nl, 12, 5, "0123456789abcdef", NULL, 0),
			 -EINVAL);
	assert_int_equal(fake.nr_reqs, 3);
}

/*
 * The real kernel: a veth moved, and renamed, from one throwaway netns to
 * another; get_vfs on a device without VFs and on one that is gone.
 */
static void test_move_live(void **state)
{
	char extack[VFMGR_EXTACK_MAX];
	int orig, a = -1, b = -1, ifindex;
	struct vfmgr_nl live;
	unsigned int nr = 1234;

	orig = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	assert_true(orig >= 0);
	if (unshare(CLONE_NEWNET)) {
		close(orig);
		if (errno == EPERM) {
			print_message("no CAP_NET_ADMIN: live netns test skipped\n");
			skip();
		}
		fail_msg("unshare: %s", strerror(errno));
	}
	a = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	assert_true(a >= 0);
	assert_int_equal(system("ip link add vfmgrt0 type veth peer name vfmgrt1"), 0);
	assert_int_equal(unshare(CLONE_NEWNET), 0);
	b = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	assert_true(b >= 0);
	assert_int_equal(setns(a, CLONE_NEWNET), 0);

	fake.live = true;
	assert_int_equal(vfmgr_nl_open(&live), 0);
	ifindex = (int)if_nametoindex("vfmgrt0");
	assert_true(ifindex > 0);

	assert_int_equal(vfmgr_nl_get_vfs(&live, ifindex, vfs, 8, &nr), 0);
	assert_int_equal(nr, 0);
	assert_int_equal(vfmgr_nl_get_vfs(&live, 999999, vfs, 8, &nr), -ENODEV);

	assert_int_equal(vfmgr_nl_move(&live, ifindex, b, "moved0", extack,
				       sizeof(extack)), 0);
	assert_string_equal(extack, "");
	assert_int_equal(if_nametoindex("vfmgrt0"), 0);
	assert_int_equal(vfmgr_nl_move(&live, 999999, b, NULL, extack,
				       sizeof(extack)), -ENODEV);
	vfmgr_nl_close(&live);
	fake.live = false;

	assert_int_equal(setns(b, CLONE_NEWNET), 0);
	assert_true(if_nametoindex("moved0") > 0);
	assert_int_equal(setns(orig, CLONE_NEWNET), 0);
	close(a);
	close(b);
	close(orig);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_get_vfs_300, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get_vfs_300_unsized_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get_vfs_wrap_on_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get_vfs_sizes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get_vfs_request, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get_vfs_more_than_max, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get_vfs_old_kernel, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get_vfs_nodev, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_vf_mac_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_vf_8021ad, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_vf_8021q, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_vf_rate_and_flags, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_vf_everything_and_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_vf_extack, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_vf_one, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reset_vf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed_vf_attrs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed_messages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed_extack, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed_list_len, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dump_intr_retried, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_request, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_live, setup, teardown),
	};
	int rc;

	rc = cmocka_run_group_tests_name("vfmgr_nl", tests, NULL, NULL);
	free(big);
	return rc;
}
