// SPDX-License-Identifier: GPL-2.0
/*
 * The control socket's messages: building, checking, and the replies that
 * may span several SOCK_SEQPACKET messages.
 *
 * Nothing here logs: every failure is a negative errno for the caller,
 * who knows whether it is talking to a CLI or a daemon.
 */

#include <assert.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "proto.h"

/* The wire format: packed by construction, checked here */
static_assert(sizeof(struct vfmgr_msg_hdr) == 16, "vfmgr_msg_hdr");
static_assert(sizeof(struct vfmgr_req_alloc) == 260, "vfmgr_req_alloc");
static_assert(sizeof(struct vfmgr_req_release) == 96, "vfmgr_req_release");
static_assert(sizeof(struct vfmgr_reply) == 24, "vfmgr_reply");

/**
 * vfmgr_msg_init() - fill in a message header
 * @hdr: the header, at the start of the message
 * @op: what the message is
 * @len: the whole message's size, header included
 * @flags: VFMGR_F_*
 */
void vfmgr_msg_init(struct vfmgr_msg_hdr *hdr, enum vfmgr_op op, size_t len,
		    uint32_t flags)
{
	hdr->magic = VFMGR_PROTO_MAGIC;
	hdr->version = VFMGR_PROTO_VERSION;
	hdr->op = (uint16_t)op;
	hdr->len = (uint32_t)len;
	hdr->flags = flags;
}

/* The string field FIELD ends inside it */
static bool terminated(const char *field, size_t size)
{
	return memchr(field, '\0', size);
}

static bool alloc_terminated(const void *buf)
{
	struct vfmgr_req_alloc req;

	memcpy(&req, buf, sizeof(req));
	return terminated(req.pf, sizeof(req.pf)) &&
	       terminated(req.profile, sizeof(req.profile)) &&
	       terminated(req.to, sizeof(req.to)) &&
	       terminated(req.ifname, sizeof(req.ifname));
}

static bool release_terminated(const void *buf)
{
	struct vfmgr_req_release req;

	memcpy(&req, buf, sizeof(req));
	return terminated(req.what, sizeof(req.what));
}

/* Requests: the size of each op's message, or 0 for an unknown op */
static size_t req_size(uint16_t op)
{
	switch (op) {
	case VFMGR_OP_STATUS:
	case VFMGR_OP_RELOAD:
		return sizeof(struct vfmgr_msg_hdr);
	case VFMGR_OP_ALLOC:
		return sizeof(struct vfmgr_req_alloc);
	case VFMGR_OP_RELEASE:
		return sizeof(struct vfmgr_req_release);
	default:
		return 0;
	}
}

static int check_reply(const void *buf, size_t len)
{
	struct vfmgr_reply r;

	if (len < sizeof(r))
		return -EMSGSIZE;
	memcpy(&r, buf, sizeof(r));
	if (r.text_len > VFMGR_REPLY_TEXT_MAX ||
	    len != sizeof(r) + r.text_len)
		return -EMSGSIZE;
	if (r.hdr.flags & ~VFMGR_F_REPLY_MASK)
		return -EINVAL;
	return VFMGR_OP_REPLY;
}

/**
 * vfmgr_msg_check() - validate a received message
 * @buf: what recv() returned
 * @len: its length
 *
 * The checks run in the order of the header's fields, so each malformed
 * message gets the errno of its first fault.  The buffer need not be
 * aligned: what is read is copied out first.
 *
 * Return: the op, or -EBADMSG, -EPROTONOSUPPORT, -EOPNOTSUPP, -EMSGSIZE,
 * -EINVAL as proto.h says.
 */
int vfmgr_msg_check(const void *buf, size_t len)
{
	struct vfmgr_msg_hdr hdr;
	size_t size;

	if (len < sizeof(hdr))
		return -EBADMSG;
	memcpy(&hdr, buf, sizeof(hdr));
	if (hdr.magic != VFMGR_PROTO_MAGIC)
		return -EBADMSG;
	if (hdr.version != VFMGR_PROTO_VERSION)
		return -EPROTONOSUPPORT;
	if (hdr.op == VFMGR_OP_REPLY) {
		if (hdr.len != len)
			return -EMSGSIZE;
		return check_reply(buf, len);
	}
	size = req_size(hdr.op);
	if (!size)
		return -EOPNOTSUPP;
	if (hdr.len != len || len != size)
		return -EMSGSIZE;
	if (hdr.flags & ~VFMGR_F_REQ_MASK)
		return -EINVAL;

	if ((hdr.op == VFMGR_OP_ALLOC && !alloc_terminated(buf)) ||
	    (hdr.op == VFMGR_OP_RELEASE && !release_terminated(buf)))
		return -EINVAL;
	return hdr.op;
}

/* One message of a reply; SOCK_SEQPACKET sends it whole or not at all */
static int send_one(int fd, int status, const char *text, size_t len,
		    uint32_t flags)
{
	struct vfmgr_reply r;
	struct iovec iov[2] = {
		{ .iov_base = &r, .iov_len = sizeof(r) },
		{ .iov_base = (void *)text, .iov_len = len },
	};
	struct msghdr msg = { .msg_iov = iov, .msg_iovlen = len ? 2 : 1 };
	ssize_t n;

	memset(&r, 0, sizeof(r));
	vfmgr_msg_init(&r.hdr, VFMGR_OP_REPLY, sizeof(r) + len, flags);
	r.status = status;
	r.text_len = (uint32_t)len;
	do {
		n = sendmsg(fd, &msg, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if ((size_t)n != sizeof(r) + len)
		return -EIO;	/* not a SOCK_SEQPACKET socket */
	return 0;
}

/**
 * vfmgr_reply_send() - answer a request
 * @fd: the connection, a SOCK_SEQPACKET socket
 * @status: 0 or the request's negative errno, sent in every message
 * @text: what to print, not NUL-terminated; NULL when @len is 0
 * @len: bytes of @text
 *
 * The header and the text go out with one sendmsg() each message, so
 * the text is not copied.  MSG_NOSIGNAL: a CLI that went away is -EPIPE,
 * not a SIGPIPE that kills the daemon.
 *
 * Return: 0, or the -errno of the first message that failed (the peer
 * then has a partial reply and sees the connection close).
 */
int vfmgr_reply_send(int fd, int status, const char *text, size_t len)
{
	size_t n;
	int err;

	do {
		n = len < VFMGR_REPLY_TEXT_MAX ? len : VFMGR_REPLY_TEXT_MAX;
		err = send_one(fd, status, text, n,
			       len > n ? VFMGR_F_MORE : 0);
		if (err)
			return err;
		text += n;
		len -= n;
	} while (len);
	return 0;
}

/* One message into BUF of VFMGR_MSG_MAX bytes; its length or -errno */
static ssize_t recv_one(int fd, void *buf)
{
	ssize_t n;

	/* MSG_TRUNC: the real length of a longer message, not the buffer's */
	do {
		n = recv(fd, buf, VFMGR_MSG_MAX, MSG_TRUNC);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if (n == 0)
		return -ECONNRESET;
	if ((size_t)n > VFMGR_MSG_MAX)
		return -EMSGSIZE;
	return n;
}

/**
 * vfmgr_reply_recv() - read the answer to a request
 * @fd: the connection, a SOCK_SEQPACKET socket
 * @status: the status of the reply's last message
 * @text: a malloc'ed, NUL-terminated copy of the whole text, NULL on error
 * @max: the most text to take
 *
 * Each message is checked with vfmgr_msg_check(); one that is not a reply
 * is -EBADMSG.  After an error the connection is out of step and is
 * closed by the caller.
 *
 * Return: 0, or -errno: vfmgr_msg_check()'s, -EMSGSIZE for a message
 * longer than VFMGR_MSG_MAX, -ECONNRESET when the peer closed before the
 * last message, -EFBIG when the text is longer than @max, -ENOMEM, or
 * recv()'s.
 */
int vfmgr_reply_recv(int fd, int *status, char **text, size_t max)
{
	struct vfmgr_reply *r;
	size_t total = 0;
	char *out = NULL, *tmp;
	ssize_t n;
	int err;

	*status = 0;
	*text = NULL;
	r = malloc(VFMGR_MSG_MAX);
	if (!r)
		return -ENOMEM;
	for (;;) {
		n = recv_one(fd, r);
		if (n < 0) {
			err = (int)n;
			goto err_free;
		}
		err = vfmgr_msg_check(r, (size_t)n);
		if (err < 0)
			goto err_free;
		if (err != VFMGR_OP_REPLY) {
			err = -EBADMSG;
			goto err_free;
		}
		if (r->text_len > max - total) {
			err = -EFBIG;
			goto err_free;
		}
		tmp = realloc(out, total + r->text_len + 1);
		if (!tmp) {
			err = -ENOMEM;
			goto err_free;
		}
		out = tmp;
		memcpy(out + total, r->text, r->text_len);
		total += r->text_len;
		out[total] = '\0';
		if (!(r->hdr.flags & VFMGR_F_MORE))
			break;
	}
	*status = r->status;
	*text = out;
	free(r);
	return 0;

err_free:
	free(out);
	free(r);
	return err;
}
