// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of vfmgr's control protocol (vfmgr/src/proto.c): every op
 * survives a trip through a real SOCK_SEQPACKET socket and the check;
 * each kind of malformed message is refused with the errno proto.h
 * names; and replies longer than one message, oversize messages, a peer
 * that hangs up mid-reply and a reply past the caller's limit behave as
 * documented on a real socketpair.
 */

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "proto.h"

/* ---- helpers ---- */

static void seqpacket_pair(int sv[2])
{
	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
}

/* Send LEN bytes as one message and check that one message arrives */
static void round_trip(const void *msg, size_t len, void *out)
{
	int sv[2];

	seqpacket_pair(sv);
	assert_int_equal(send(sv[1], msg, len, 0), (ssize_t)len);
	assert_int_equal(recv(sv[0], out, VFMGR_MSG_MAX, MSG_TRUNC),
			 (ssize_t)len);
	close(sv[0]);
	close(sv[1]);
}

/* Fill a field with a string of exactly SIZE - 1 characters */
static void fill(char *field, size_t size, char c)
{
	memset(field, c, size - 1);
	field[size - 1] = '\0';
}

static void good_alloc(struct vfmgr_req_alloc *req)
{
	memset(req, 0, sizeof(*req));
	vfmgr_msg_init(&req->hdr, VFMGR_OP_ALLOC, sizeof(*req), 0);
	strcpy(req->pf, "0000:01:00.0");
	strcpy(req->profile, "web");
	strcpy(req->to, "netns:red");
	strcpy(req->ifname, "eth1");
	req->vf = -1;
}

static void good_release(struct vfmgr_req_release *req)
{
	memset(req, 0, sizeof(*req));
	vfmgr_msg_init(&req->hdr, VFMGR_OP_RELEASE, sizeof(*req), 0);
	strcpy(req->what, "vm:guest1");
}

/*
 * A child process that runs FN on its end of a fresh socketpair and
 * exits; the parent keeps *FD, the other end, alone (so it sees EOF
 * when the child is done)
 */
static pid_t peer(int *fd, void (*fn)(int fd, const void *arg),
		  const void *arg)
{
	int sv[2];
	pid_t pid;

	seqpacket_pair(sv);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		close(sv[0]);
		fn(sv[1], arg);
		_exit(0);
	}
	close(sv[1]);
	*fd = sv[0];
	return pid;
}

static void reap(pid_t pid)
{
	int status;

	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* A text whose every byte depends on its offset, so a lost or doubled
 * message shows */
static char *pattern(size_t len)
{
	char *t = malloc(len ? len : 1);
	size_t i;

	assert_non_null(t);
	for (i = 0; i < len; i++)
		t[i] = (char)('a' + (i * 7 + i / 26) % 26);
	return t;
}

struct text {
	int status;
	const char *text;
	size_t len;
};

static void send_text(int fd, const void *arg)
{
	const struct text *t = arg;

	if (vfmgr_reply_send(fd, t->status, t->text, t->len))
		_exit(1);
}

/* ---- round trips ---- */

static void test_round_trip_requests(void **state)
{
	static const uint16_t hdr_ops[] = { VFMGR_OP_STATUS, VFMGR_OP_RELOAD };
	struct vfmgr_req_alloc alloc, alloc_in;
	struct vfmgr_req_release rel, rel_in;
	struct vfmgr_msg_hdr hdr, hdr_in;
	char *buf = malloc(VFMGR_MSG_MAX);
	unsigned int i;

	(void)state;
	assert_non_null(buf);
	for (i = 0; i < 2; i++) {
		vfmgr_msg_init(&hdr, hdr_ops[i], sizeof(hdr), VFMGR_F_JSON);
		round_trip(&hdr, sizeof(hdr), buf);
		assert_int_equal(vfmgr_msg_check(buf, sizeof(hdr)), hdr_ops[i]);
		memcpy(&hdr_in, buf, sizeof(hdr_in));
		assert_int_equal(hdr_in.magic, VFMGR_PROTO_MAGIC);
		assert_int_equal(hdr_in.version, VFMGR_PROTO_VERSION);
		assert_int_equal(hdr_in.op, hdr_ops[i]);
		assert_int_equal(hdr_in.len, sizeof(hdr));
		assert_int_equal(hdr_in.flags, VFMGR_F_JSON);
	}

	/* Every string field at its longest: the NUL is the field's last byte */
	good_alloc(&alloc);
	fill(alloc.pf, sizeof(alloc.pf), 'p');
	fill(alloc.profile, sizeof(alloc.profile), 'r');
	fill(alloc.to, sizeof(alloc.to), 't');
	fill(alloc.ifname, sizeof(alloc.ifname), 'i');
	alloc.vf = 4095;
	round_trip(&alloc, sizeof(alloc), buf);
	assert_int_equal(vfmgr_msg_check(buf, sizeof(alloc)), VFMGR_OP_ALLOC);
	memcpy(&alloc_in, buf, sizeof(alloc_in));
	assert_memory_equal(&alloc_in, &alloc, sizeof(alloc));

	good_alloc(&alloc);
	round_trip(&alloc, sizeof(alloc), buf);
	assert_int_equal(vfmgr_msg_check(buf, sizeof(alloc)), VFMGR_OP_ALLOC);
	memcpy(&alloc_in, buf, sizeof(alloc_in));
	assert_string_equal(alloc_in.to, "netns:red");
	assert_int_equal(alloc_in.vf, -1);

	good_release(&rel);
	round_trip(&rel, sizeof(rel), buf);
	assert_int_equal(vfmgr_msg_check(buf, sizeof(rel)), VFMGR_OP_RELEASE);
	memcpy(&rel_in, buf, sizeof(rel_in));
	assert_string_equal(rel_in.what, "vm:guest1");
	free(buf);
}

/* A reply message, checked where it lands: not aligned in the buffer */
static void test_round_trip_reply(void **state)
{
	struct vfmgr_reply *r = malloc(VFMGR_MSG_MAX);
	char *buf = malloc(VFMGR_MSG_MAX + 1);
	static const size_t lens[] = { 0, 1, 100, VFMGR_REPLY_TEXT_MAX };
	unsigned int i;

	(void)state;
	assert_non_null(r);
	assert_non_null(buf);
	for (i = 0; i < 4; i++) {
		size_t len = sizeof(*r) + lens[i];

		memset(r, 0, sizeof(*r));
		vfmgr_msg_init(&r->hdr, VFMGR_OP_REPLY, len,
			       i % 2 ? VFMGR_F_MORE : 0);
		r->status = -ENOENT;
		r->text_len = (uint32_t)lens[i];
		memset(r->text, 'x', lens[i]);
		round_trip(r, len, buf + 1);
		assert_int_equal(vfmgr_msg_check(buf + 1, len), VFMGR_OP_REPLY);
		assert_memory_equal(buf + 1, r, len);
	}
	free(buf);
	free(r);
}

/* ---- malformed messages ---- */

static void test_short_and_bad_header(void **state)
{
	struct vfmgr_msg_hdr hdr;
	char buf[sizeof(hdr)];

	(void)state;
	vfmgr_msg_init(&hdr, VFMGR_OP_STATUS, sizeof(hdr), 0);
	memcpy(buf, &hdr, sizeof(hdr));
	assert_int_equal(vfmgr_msg_check(buf, 0), -EBADMSG);
	assert_int_equal(vfmgr_msg_check(buf, sizeof(hdr) - 1), -EBADMSG);

	hdr.magic = VFMGR_PROTO_MAGIC ^ 1;
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EBADMSG);
	hdr.magic = 0x474d4656;		/* the other byte order */
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EBADMSG);

	vfmgr_msg_init(&hdr, VFMGR_OP_STATUS, sizeof(hdr), 0);
	hdr.version = VFMGR_PROTO_VERSION + 1;
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EPROTONOSUPPORT);
	hdr.version = 0;
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EPROTONOSUPPORT);

	vfmgr_msg_init(&hdr, VFMGR_OP_STATUS, sizeof(hdr), 0);
	hdr.op = 0;
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EOPNOTSUPP);
	hdr.op = VFMGR_OP_RELOAD + 1;
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EOPNOTSUPP);
	hdr.op = VFMGR_OP_REPLY + 1;
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EOPNOTSUPP);
	hdr.op = 0xffff;
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EOPNOTSUPP);
}

/* hdr.len must be what arrived, for every op */
static void test_len_mismatch(void **state)
{
	struct vfmgr_req_alloc alloc;
	struct vfmgr_req_release rel;
	struct vfmgr_msg_hdr hdr;

	(void)state;
	vfmgr_msg_init(&hdr, VFMGR_OP_STATUS, sizeof(hdr) + 1, 0);
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EMSGSIZE);
	vfmgr_msg_init(&hdr, VFMGR_OP_RELOAD, 0, 0);
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EMSGSIZE);

	good_alloc(&alloc);
	alloc.hdr.len--;
	assert_int_equal(vfmgr_msg_check(&alloc, sizeof(alloc)), -EMSGSIZE);
	alloc.hdr.len += 2;
	assert_int_equal(vfmgr_msg_check(&alloc, sizeof(alloc)), -EMSGSIZE);

	good_release(&rel);
	rel.hdr.len = sizeof(struct vfmgr_req_alloc);
	assert_int_equal(vfmgr_msg_check(&rel, sizeof(rel)), -EMSGSIZE);
}

/* A request one byte short or long, its hdr.len agreeing */
static void test_request_size(void **state)
{
	static const struct {
		uint16_t op;
		size_t size;
	} ops[] = {
		{ VFMGR_OP_STATUS, sizeof(struct vfmgr_msg_hdr) },
		{ VFMGR_OP_ALLOC, sizeof(struct vfmgr_req_alloc) },
		{ VFMGR_OP_RELEASE, sizeof(struct vfmgr_req_release) },
		{ VFMGR_OP_RELOAD, sizeof(struct vfmgr_msg_hdr) },
	};
	char buf[sizeof(struct vfmgr_req_alloc) + 1];
	struct vfmgr_msg_hdr hdr;
	unsigned int i;

	(void)state;
	memset(buf, 0, sizeof(buf));
	for (i = 0; i < 4; i++) {
		size_t size = ops[i].size;

		vfmgr_msg_init(&hdr, ops[i].op, size, 0);
		memcpy(buf, &hdr, sizeof(hdr));
		assert_int_equal(vfmgr_msg_check(buf, size), ops[i].op);

		vfmgr_msg_init(&hdr, ops[i].op, size + 1, 0);
		memcpy(buf, &hdr, sizeof(hdr));
		assert_int_equal(vfmgr_msg_check(buf, size + 1), -EMSGSIZE);

		if (size == sizeof(hdr))
			continue;	/* shorter is a short header */
		vfmgr_msg_init(&hdr, ops[i].op, size - 1, 0);
		memcpy(buf, &hdr, sizeof(hdr));
		assert_int_equal(vfmgr_msg_check(buf, size - 1), -EMSGSIZE);
	}
}

static void test_unterminated_strings(void **state)
{
	struct vfmgr_req_alloc alloc;
	struct vfmgr_req_release rel;

	(void)state;
	good_alloc(&alloc);
	memset(alloc.pf, 'p', sizeof(alloc.pf));
	assert_int_equal(vfmgr_msg_check(&alloc, sizeof(alloc)), -EINVAL);
	alloc.profile[0] = '\0';	/* the next field's NUL is not the end */
	assert_int_equal(vfmgr_msg_check(&alloc, sizeof(alloc)), -EINVAL);

	good_alloc(&alloc);
	memset(alloc.profile, 'r', sizeof(alloc.profile));
	assert_int_equal(vfmgr_msg_check(&alloc, sizeof(alloc)), -EINVAL);

	good_alloc(&alloc);
	memset(alloc.to, 't', sizeof(alloc.to));
	assert_int_equal(vfmgr_msg_check(&alloc, sizeof(alloc)), -EINVAL);

	good_alloc(&alloc);
	memset(alloc.ifname, 'i', sizeof(alloc.ifname));
	assert_int_equal(vfmgr_msg_check(&alloc, sizeof(alloc)), -EINVAL);

	/* Nor is the NUL of the bytes of vf after it */
	good_alloc(&alloc);
	memset(alloc.ifname, 'i', sizeof(alloc.ifname));
	alloc.vf = 0;
	assert_int_equal(vfmgr_msg_check(&alloc, sizeof(alloc)), -EINVAL);

	good_release(&rel);
	memset(rel.what, 'w', sizeof(rel.what));
	assert_int_equal(vfmgr_msg_check(&rel, sizeof(rel)), -EINVAL);
}

static void test_flags_outside_mask(void **state)
{
	struct vfmgr_req_alloc alloc;
	struct vfmgr_msg_hdr hdr;
	struct vfmgr_reply r;

	(void)state;
	vfmgr_msg_init(&hdr, VFMGR_OP_STATUS, sizeof(hdr), VFMGR_F_MORE);
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EINVAL);
	vfmgr_msg_init(&hdr, VFMGR_OP_RELOAD, sizeof(hdr), 0x80000000);
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EINVAL);

	good_alloc(&alloc);
	alloc.hdr.flags = VFMGR_F_JSON | 0x4;
	assert_int_equal(vfmgr_msg_check(&alloc, sizeof(alloc)), -EINVAL);

	memset(&r, 0, sizeof(r));
	vfmgr_msg_init(&r.hdr, VFMGR_OP_REPLY, sizeof(r), VFMGR_F_JSON);
	assert_int_equal(vfmgr_msg_check(&r, sizeof(r)), -EINVAL);
	r.hdr.flags = VFMGR_F_MORE;
	assert_int_equal(vfmgr_msg_check(&r, sizeof(r)), VFMGR_OP_REPLY);
}

static void test_reply_text_len(void **state)
{
	size_t big = sizeof(struct vfmgr_reply) + VFMGR_REPLY_TEXT_MAX + 1;
	struct vfmgr_reply *r = calloc(1, big);
	struct vfmgr_msg_hdr hdr;

	(void)state;
	assert_non_null(r);
	/* Over the limit, though hdr.len and the length agree */
	vfmgr_msg_init(&r->hdr, VFMGR_OP_REPLY, big, 0);
	r->text_len = VFMGR_REPLY_TEXT_MAX + 1;
	assert_int_equal(vfmgr_msg_check(r, big), -EMSGSIZE);
	r->text_len = UINT32_MAX;	/* no wrap-around in header + text_len */
	assert_int_equal(vfmgr_msg_check(r, big), -EMSGSIZE);

	/* text_len not what the length says */
	vfmgr_msg_init(&r->hdr, VFMGR_OP_REPLY, sizeof(*r) + 4, 0);
	r->text_len = 5;
	assert_int_equal(vfmgr_msg_check(r, sizeof(*r) + 4), -EMSGSIZE);
	r->text_len = 3;
	assert_int_equal(vfmgr_msg_check(r, sizeof(*r) + 4), -EMSGSIZE);
	r->text_len = 4;
	assert_int_equal(vfmgr_msg_check(r, sizeof(*r) + 4), VFMGR_OP_REPLY);

	/* Too short for status and text_len */
	vfmgr_msg_init(&hdr, VFMGR_OP_REPLY, sizeof(hdr), 0);
	assert_int_equal(vfmgr_msg_check(&hdr, sizeof(hdr)), -EMSGSIZE);
	free(r);
}

/* ---- replies on a socket ---- */

/* Read raw messages and check how the sender split TEXT */
static void test_reply_split(void **state)
{
	static const size_t lens[] = { 0, 1, VFMGR_REPLY_TEXT_MAX,
				       VFMGR_REPLY_TEXT_MAX + 1, 100 * 1024 };
	static const unsigned int msgs[] = { 1, 1, 1, 2, 4 };
	struct vfmgr_reply *r = malloc(VFMGR_MSG_MAX);
	unsigned int i, n;

	(void)state;
	assert_non_null(r);
	for (i = 0; i < 5; i++) {
		struct text t = { -EAGAIN, pattern(lens[i]), lens[i] };
		size_t got = 0;
		ssize_t len;
		int fd;
		pid_t pid = peer(&fd, send_text, &t);

		for (n = 0;; n++) {
			len = recv(fd, r, VFMGR_MSG_MAX, MSG_TRUNC);
			assert_true(len > 0);
			assert_int_equal(vfmgr_msg_check(r, (size_t)len),
					 VFMGR_OP_REPLY);
			assert_int_equal(r->status, -EAGAIN);
			assert_true(r->text_len <= VFMGR_REPLY_TEXT_MAX);
			assert_memory_equal(r->text, t.text + got, r->text_len);
			got += r->text_len;
			if (!(r->hdr.flags & VFMGR_F_MORE))
				break;
			/* Only the last message may be short */
			assert_int_equal(r->text_len, VFMGR_REPLY_TEXT_MAX);
		}
		assert_int_equal(n + 1, msgs[i]);
		assert_int_equal(got, lens[i]);
		assert_int_equal(recv(fd, r, VFMGR_MSG_MAX, 0), 0);
		reap(pid);
		close(fd);
		free((char *)t.text);
	}
	free(r);
}

static void test_reply_whole(void **state)
{
	struct text t = { -ENOENT, pattern(100 * 1024), 100 * 1024 };
	char *text;
	int fd, status;
	pid_t pid;

	(void)state;
	pid = peer(&fd, send_text, &t);
	assert_int_equal(vfmgr_reply_recv(fd, &status, &text, 1 << 20), 0);
	assert_int_equal(status, -ENOENT);
	assert_int_equal(strlen(text), t.len);
	assert_memory_equal(text, t.text, t.len);
	reap(pid);
	close(fd);
	free(text);

	/* The limit is inclusive */
	pid = peer(&fd, send_text, &t);
	assert_int_equal(vfmgr_reply_recv(fd, &status, &text, t.len), 0);
	assert_int_equal(strlen(text), t.len);
	reap(pid);
	close(fd);
	free(text);
	free((char *)t.text);

	/* An empty text is an empty string, not NULL */
	t = (struct text){ 0, NULL, 0 };
	pid = peer(&fd, send_text, &t);
	assert_int_equal(vfmgr_reply_recv(fd, &status, &text, 0), 0);
	assert_int_equal(status, 0);
	assert_string_equal(text, "");
	reap(pid);
	close(fd);
	free(text);
}

static void test_reply_too_big(void **state)
{
	struct text t = { 0, pattern(100 * 1024), 100 * 1024 };
	char *text = (char *)1;
	int fd, status;
	pid_t pid;

	(void)state;
	pid = peer(&fd, send_text, &t);
	assert_int_equal(vfmgr_reply_recv(fd, &status, &text, t.len - 1),
			 -EFBIG);
	assert_null(text);
	close(fd);	/* the sender may get EPIPE: it does not matter */
	waitpid(pid, NULL, 0);
	free((char *)t.text);
}

/*
 * Twice the largest message, its first VFMGR_MSG_MAX bytes a complete,
 * valid last reply: a reader that let recv() cut it would take them
 */
static void send_oversize(int fd, const void *arg)
{
	size_t len = 2 * VFMGR_MSG_MAX;
	struct vfmgr_reply *r = calloc(1, len);

	(void)arg;
	if (!r)
		_exit(1);
	vfmgr_msg_init(&r->hdr, VFMGR_OP_REPLY, VFMGR_MSG_MAX, 0);
	r->text_len = VFMGR_REPLY_TEXT_MAX;
	memset(r->text, 'x', len - sizeof(*r));
	if (vfmgr_msg_check(r, VFMGR_MSG_MAX) != VFMGR_OP_REPLY)
		_exit(2);
	if (send(fd, r, len, 0) != (ssize_t)len)
		_exit(1);
	free(r);
}

static void test_reply_oversize_message(void **state)
{
	char *text = (char *)1;
	int fd, status;
	pid_t pid;

	(void)state;
	pid = peer(&fd, send_oversize, NULL);
	assert_int_equal(vfmgr_reply_recv(fd, &status, &text, 1 << 20),
			 -EMSGSIZE);
	assert_null(text);
	reap(pid);
	close(fd);
}

/* One message saying more follow, then the peer hangs up */
static void send_half(int fd, const void *arg)
{
	struct vfmgr_reply r;

	(void)arg;
	memset(&r, 0, sizeof(r));
	vfmgr_msg_init(&r.hdr, VFMGR_OP_REPLY, sizeof(r), VFMGR_F_MORE);
	if (send(fd, &r, sizeof(r), 0) != sizeof(r))
		_exit(1);
}

static void send_nothing(int fd, const void *arg)
{
	(void)fd;
	(void)arg;
}

/* A request where a reply belongs */
static void send_request(int fd, const void *arg)
{
	struct vfmgr_msg_hdr hdr;

	(void)arg;
	vfmgr_msg_init(&hdr, VFMGR_OP_STATUS, sizeof(hdr), 0);
	if (send(fd, &hdr, sizeof(hdr), 0) != sizeof(hdr))
		_exit(1);
}

/* A reply message that vfmgr_msg_check() refuses, mid-reply */
static void send_bad_second(int fd, const void *arg)
{
	struct vfmgr_reply r;

	send_half(fd, arg);
	memset(&r, 0, sizeof(r));
	vfmgr_msg_init(&r.hdr, VFMGR_OP_REPLY, sizeof(r), 0);
	r.hdr.version = 2;
	if (send(fd, &r, sizeof(r), 0) != sizeof(r))
		_exit(1);
}

static void test_reply_broken_peer(void **state)
{
	static const struct {
		void (*fn)(int fd, const void *arg);
		int err;
	} cases[] = {
		{ send_half, -ECONNRESET },
		{ send_nothing, -ECONNRESET },
		{ send_request, -EBADMSG },
		{ send_bad_second, -EPROTONOSUPPORT },
	};
	char *text;
	int fd, status;
	unsigned int i;
	pid_t pid;

	(void)state;
	for (i = 0; i < 4; i++) {
		text = (char *)1;
		pid = peer(&fd, cases[i].fn, NULL);
		assert_int_equal(vfmgr_reply_recv(fd, &status, &text, 100),
				 cases[i].err);
		assert_null(text);
		reap(pid);
		close(fd);
	}
}

/*
 * A CLI that went away is an error for the daemon, not a SIGPIPE: in a
 * child with SIGPIPE's default action, which kills (the test runner may
 * have it ignored).  Linux 6.x raises no SIGPIPE for a unix
 * SOCK_SEQPACKET socket in any case, so this checks the behaviour the
 * daemon relies on, not that MSG_NOSIGNAL is passed.
 */
static void test_reply_send_closed(void **state)
{
	int sv[2], status;
	pid_t pid;

	(void)state;
	seqpacket_pair(sv);
	close(sv[0]);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		signal(SIGPIPE, SIG_DFL);
		_exit(vfmgr_reply_send(sv[1], 0, "x", 1) == -EPIPE ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_false(WIFSIGNALED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(vfmgr_reply_send(-1, 0, "x", 1), -EBADF);
	close(sv[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_requests),
		cmocka_unit_test(test_round_trip_reply),
		cmocka_unit_test(test_short_and_bad_header),
		cmocka_unit_test(test_len_mismatch),
		cmocka_unit_test(test_request_size),
		cmocka_unit_test(test_unterminated_strings),
		cmocka_unit_test(test_flags_outside_mask),
		cmocka_unit_test(test_reply_text_len),
		cmocka_unit_test(test_reply_split),
		cmocka_unit_test(test_reply_whole),
		cmocka_unit_test(test_reply_too_big),
		cmocka_unit_test(test_reply_oversize_message),
		cmocka_unit_test(test_reply_broken_peer),
		cmocka_unit_test(test_reply_send_closed),
	};

	return cmocka_run_group_tests_name("vfmgr_proto", tests, NULL, NULL);
}
