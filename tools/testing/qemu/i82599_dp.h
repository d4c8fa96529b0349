/*
 * QEMU Intel 82599 10GbE controller (i82599): datapath state.
 * Owned by i82599_dp.c; see i82599_core.h for the split.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef HW_NET_I82599_DP_H
#define HW_NET_I82599_DP_H

struct NetRxPkt;

/* One transmit context slot (datasheet 7.2.3.2.3), two per queue */
typedef struct I82599TxCtx {
    uint32_t vlan_macip_lens;
    uint32_t type_tucmd_mlhl;
    uint32_t mss_l4len_idx;
} I82599TxCtx;

typedef struct I82599DpState {
    struct NetRxPkt *rx_pkt;
    uint8_t *rx_frame;          /* a received frame, after VLAN strip */
    uint8_t *tx_frame;          /* a frame gathered from its descriptors */
    uint8_t *tx_seg;            /* one segment of it, built for the wire */
    I82599TxCtx tx_ctx[I82599_NUM_QUEUES][2];
    uint64_t qde[2];            /* PFQDE: queues that drop when full */
    /* transmit rate limiters: RTTBCNRC per queue, next allowed send */
    uint32_t rate[I82599_NUM_QUEUES];
    int64_t tx_next_ns[I82599_NUM_QUEUES];
    QEMUTimer *tx_timer;        /* wakes the limited queues */
    /*
     * pool arbitration weights: the credit refill quantum of each
     * RTTDT1C entry; stored and read back, the arbitration itself is
     * not emulated
     */
    uint16_t t1c[I82599_NUM_QUEUES];
} I82599DpState;

#endif
