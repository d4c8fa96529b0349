/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: 64-bit counters need no sequence on a 64-bit host. */
#ifndef _SHIM_LINUX_U64_STATS_SYNC_H
#define _SHIM_LINUX_U64_STATS_SYNC_H

struct u64_stats_sync {
	int unused;
};

static inline void u64_stats_update_begin(struct u64_stats_sync *syncp)
{
}

static inline void u64_stats_update_end(struct u64_stats_sync *syncp)
{
}

#endif
