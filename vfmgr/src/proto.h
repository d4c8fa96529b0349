/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The control socket between vfmgr and vfmgrd.
 *
 * A SOCK_SEQPACKET unix socket: one request per message, answered by one
 * or more reply messages (VFMGR_F_MORE on all but the last).  Every message
 * starts with struct vfmgr_msg_hdr; a request's length is exactly its
 * struct's, and every string field is NUL-terminated inside its field.
 * vfmgr_msg_check() is the only way a received buffer becomes a request.
 * All fields are host order: the socket never leaves the machine.
 */
#ifndef VFMGR_PROTO_H
#define VFMGR_PROTO_H

#include <net/if.h>
#include <stddef.h>
#include <stdint.h>

#define VFMGR_PROTO_MAGIC	0x56464d47	/* "VFMG" */
#define VFMGR_PROTO_VERSION	1

#define VFMGR_ARG_MAX		80	/* PF/VF/consumer arguments, NUL included */
#define VFMGR_PROFILE_MAX	64	/* == VFMGR_NAME_MAX */
#define VFMGR_REPLY_TEXT_MAX	32768	/* per reply message; longer text is split */
#define VFMGR_MSG_MAX		(sizeof(struct vfmgr_reply) + VFMGR_REPLY_TEXT_MAX)

enum vfmgr_op {
	VFMGR_OP_STATUS = 1,	/* struct vfmgr_msg_hdr only: the allocations */
	VFMGR_OP_ALLOC = 2,	/* struct vfmgr_req_alloc */
	VFMGR_OP_RELEASE = 3,	/* struct vfmgr_req_release */
	VFMGR_OP_RELOAD = 4,	/* struct vfmgr_msg_hdr only: reread the config */
	VFMGR_OP_REPLY = 0x80,	/* struct vfmgr_reply, daemon to CLI */
};

/* hdr.flags */
#define VFMGR_F_JSON		0x1	/* request: answer in JSON */
#define VFMGR_F_MORE		0x2	/* reply: more reply messages follow */
#define VFMGR_F_REQ_MASK	VFMGR_F_JSON
#define VFMGR_F_REPLY_MASK	VFMGR_F_MORE

struct vfmgr_msg_hdr {
	uint32_t magic;
	uint16_t version;
	uint16_t op;
	uint32_t len;		/* the whole message, header included */
	uint32_t flags;
};

/**
 * struct vfmgr_req_alloc - vfmgr alloc
 * @pf: the PF, by PCI address or interface name
 * @profile: the [Profile NAME] to apply, or "" for none
 * @to: "netns:NAME" or "vm:NAME"
 * @ifname: the VF netdev's name in the netns, "" to keep its name
 * @vf: the VF index to take, or -1 for the first free one
 */
struct vfmgr_req_alloc {
	struct vfmgr_msg_hdr hdr;
	char pf[VFMGR_ARG_MAX];
	char profile[VFMGR_PROFILE_MAX];
	char to[VFMGR_ARG_MAX];
	char ifname[IF_NAMESIZE];
	int32_t vf;
};

/**
 * struct vfmgr_req_release - vfmgr release
 * @what: a VF's PCI address, or a consumer ("netns:NAME", "vm:NAME"),
 *	  whose VFs are all released
 */
struct vfmgr_req_release {
	struct vfmgr_msg_hdr hdr;
	char what[VFMGR_ARG_MAX];
};

/**
 * struct vfmgr_reply - the daemon's answer
 * @status: 0, or the negative errno the request failed with
 * @text_len: bytes of @text, at most VFMGR_REPLY_TEXT_MAX; the text is
 *	      not NUL-terminated (a multi-message reply is the concatenation)
 */
struct vfmgr_reply {
	struct vfmgr_msg_hdr hdr;
	int32_t status;
	uint32_t text_len;
	char text[];
};

/* Fill a header for a message of LEN bytes */
void vfmgr_msg_init(struct vfmgr_msg_hdr *hdr, enum vfmgr_op op, size_t len,
		    uint32_t flags);

/*
 * Validate LEN received bytes.  Returns the op (> 0) when BUF is a
 * well-formed message of a known op: magic, version, hdr.len == LEN,
 * LEN exactly the op's size (a reply: its header plus text_len, text_len
 * within the limit), no flag outside the op's mask, every string field
 * NUL-terminated within its field.  -EBADMSG for a bad magic or a
 * message shorter than a header, -EPROTONOSUPPORT for another version,
 * -EOPNOTSUPP for an unknown op, -EMSGSIZE for a length mismatch (a
 * reply's text_len past VFMGR_REPLY_TEXT_MAX included), -EINVAL for
 * anything else.
 */
int vfmgr_msg_check(const void *buf, size_t len);

/*
 * Send TEXT (LEN bytes) as the reply to a request on FD, with STATUS,
 * split into messages of at most VFMGR_REPLY_TEXT_MAX bytes.  0 or -errno.
 */
int vfmgr_reply_send(int fd, int status, const char *text, size_t len);

/*
 * Read a whole reply from FD into a malloc'ed, NUL-terminated *TEXT (at
 * most MAX bytes of text), and its status into *STATUS.  0, or -errno:
 * -EBADMSG/-EMSGSIZE/... from vfmgr_msg_check (-EBADMSG too for a
 * message that is not a reply, -EMSGSIZE for one longer than
 * VFMGR_MSG_MAX), -ECONNRESET when the daemon closed the socket first,
 * -EFBIG past MAX.  *TEXT is NULL after an error.
 */
int vfmgr_reply_recv(int fd, int *status, char **text, size_t max);

#endif /* VFMGR_PROTO_H */
