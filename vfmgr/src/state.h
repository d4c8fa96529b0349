/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vfmgrd's state file: which VF is given to which consumer, with which
 * profile.  JSON (json-c), written atomically: a temporary file in the
 * same directory, fsync, rename over the old one, fsync of the directory.
 * A reader sees the old file or the new one, never a mix.
 *
 *   {"version": 1, "allocations": [
 *     {"vf": "0000:01:10.0", "pf": "0000:01:00.0", "vf_index": 0,
 *      "profile": "web", "to": "netns:red", "ifname": "eth1",
 *      "driver": "igbvf"}, ...]}
 */
#ifndef VFMGR_STATE_H
#define VFMGR_STATE_H

#include <net/if.h>
#include <stdbool.h>

#include "conf.h"
#include "proto.h"

#define VFMGR_MAX_ALLOCS	1024
#define VFMGR_STATE_MAX_BYTES	(1024 * 1024)
#define VFMGR_CONSUMER_NAME_MAX	64	/* netns and VM names, NUL included */

enum vfmgr_consumer_kind {
	VFMGR_TO_NETNS,
	VFMGR_TO_VM,
};

struct vfmgr_consumer {
	enum vfmgr_consumer_kind kind;
	char name[VFMGR_CONSUMER_NAME_MAX];
};

/**
 * struct vfmgr_alloc - one VF given to one consumer
 * @vf: the VF's PCI address
 * @pf: its PF's PCI address
 * @vf_index: its number on the PF (virtfnN)
 * @profile: the profile applied, "" for none
 * @to: the consumer
 * @ifname: for a netns, the netdev's name there ("" until known)
 * @driver: the driver the VF was bound to before, given back on release
 */
struct vfmgr_alloc {
	char vf[VFMGR_PCI_ADDR_MAX];
	char pf[VFMGR_PCI_ADDR_MAX];
	unsigned int vf_index;
	char profile[VFMGR_NAME_MAX];
	struct vfmgr_consumer to;
	char ifname[IF_NAMESIZE];
	char driver[VFMGR_DRIVER_MAX];
};

struct vfmgr_state {
	unsigned int nr;
	struct vfmgr_alloc allocs[VFMGR_MAX_ALLOCS];
};

/*
 * "netns:NAME" or "vm:NAME" into *TO.  NAME: 1..63 of letters, digits,
 * '-', '_', '.', not starting with '.' (it becomes a path under /run/netns).
 * 0 or -EINVAL.
 */
int vfmgr_consumer_parse(const char *text, struct vfmgr_consumer *to);
/* "netns:NAME"/"vm:NAME" into BUF of SIZE bytes */
void vfmgr_consumer_format(const struct vfmgr_consumer *to, char *buf,
			   size_t size);

/*
 * Read PATH into *ST.  A missing file is an empty state (0).  -EINVAL
 * when the file is not a state file this version wrote (bad JSON, a
 * field of the wrong type or format, two allocations of one VF, more than
 * VFMGR_MAX_ALLOCS, more than VFMGR_STATE_MAX_BYTES, not a regular file);
 * *ST is then empty.  Other -errno from the reads.
 */
int vfmgr_state_load(const char *path, struct vfmgr_state *st);

/*
 * Write *ST to PATH atomically.  0 or -errno; PATH is untouched on error
 * (-EINVAL: *ST holds what vfmgr_state_load() would refuse), except when
 * the last step, the directory's fsync, fails after the rename.
 */
int vfmgr_state_save(const char *path, const struct vfmgr_state *st);

/* The allocation of the VF at PCI address VF, or NULL */
struct vfmgr_alloc *vfmgr_state_find(struct vfmgr_state *st, const char *vf);
/* Add a copy of *A (-EEXIST when its VF is taken, -ENOSPC when full) */
int vfmgr_state_add(struct vfmgr_state *st, const struct vfmgr_alloc *a);
/* Remove the allocation of VF; -ENOENT when there is none */
int vfmgr_state_del(struct vfmgr_state *st, const char *vf);

#endif /* VFMGR_STATE_H */
