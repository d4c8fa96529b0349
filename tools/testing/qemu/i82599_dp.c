/*
 * QEMU Intel 82599 10GbE controller (i82599): datapath.
 *
 * The receive and transmit queues with their advanced descriptors, the
 * receive filters (addresses, multicast table, VLAN table, promiscuous
 * modes), RSS, checksum offload both ways, TCP and UDP segmentation,
 * VLAN insertion and stripping, and the statistics.
 *
 * Receive parses through net_rx_pkt (protocols, VLAN strip, Toeplitz
 * hash, checksum validation).  Transmit gathers each frame into one
 * buffer and applies the offloads itself, at the offsets the context
 * descriptor gives: ixgbe's checksum offload is the generic "checksum
 * from MACLEN + IPLEN to the end" (the start may be an inner header),
 * and its segmentation covers UDP, which net_tx_pkt in QEMU 10.0 would
 * derive from parsing and would treat as IP fragmentation.
 *
 * In VT mode (PFVTCTL.VT_EN) frames go to pools: the receive side picks
 * them by address, VLAN and each pool's policy and replicates broadcast
 * and multicast; the transmit side enforces each pool's transmit enable,
 * default VLAN and anti-spoofing, and switches frames for local pools
 * inside the card (VEB).  Transmit rate limiters pace each queue.  The
 * pool arbitration weights (RTTDT1C behind RTTDQSEL, 7.7.2.3) and
 * RTTDCS are stored and read back, so a driver's programming of them
 * can be checked; queues are still served in the order they are
 * written to, whatever the weights.
 *
 * Left out: arbitrating between pools by their weights, mirroring,
 * receive-side coalescing
 * (RSCCTL is stored; frames arrive one by one with RSCCNT 0), header
 * split (every descriptor type is treated as one buffer), Flow Director
 * and 5-tuple filtering (their init and command handshakes complete;
 * nothing is matched), DCB and flow control, IPsec, timestamps, MAC
 * loopback, legacy transmit descriptors' checksum fields, and DCA.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qemu/crc32c.h"
#include "qemu/iov.h"
#include "qemu/timer.h"
#include "hw/pci/pci_device.h"
#include "hw/pci/pcie_sriov.h"
#include "net/checksum.h"
#include "net/eth.h"
#include "net/net.h"
#include "net_rx_pkt.h"

#include "i82599_core.h"
#include "i82599_regs.h"
#include "trace.h"

#define REG(addr)               ((addr) >> 2)

/* The largest TSO frame (PAYLEN is 18 bits) plus headers */
#define I82599_TX_FRAME_MAX     (256 * KiB + 512)
/* Descriptors of one frame the model gathers before it gives up */
#define I82599_TX_DESC_MAX      64
/* The largest frame MAXFRS.MFS (16 bits) lets in */
#define I82599_RX_FRAME_MAX     (64 * KiB)
#define I82599_DESC_SIZE        16
#define I82599_MIN_FRAME        60      /* without the CRC */

static inline uint32_t dp_reg(I82599Core *core, hwaddr addr)
{
    return core->mac[REG(addr)];
}

static inline void dp_set(I82599Core *core, hwaddr addr, uint32_t val)
{
    core->mac[REG(addr)] = val;
}

static uint64_t dp_ring_base(I82599Core *core, hwaddr bal, hwaddr bah)
{
    return ((uint64_t)dp_reg(core, bah) << 32) | (dp_reg(core, bal) & ~0x7fu);
}

/*
 * Statistics (datasheet 8.2.3.23)
 *
 * The counters ixgbe reads are clear on read: it adds each read to a
 * running total.  64-bit octet counters keep their halves in two
 * registers, each cleared by its own read.
 */

typedef struct I82599StatRange {
    hwaddr addr;
    unsigned int count;
    unsigned int stride;
} I82599StatRange;

static const I82599StatRange i82599_cor_stats[] = {
    { I82599_CRCERRS, 1, 4 }, { I82599_ILLERRC, 1, 4 },
    { I82599_ERRBC, 1, 4 }, { I82599_MSPDC, 1, 4 },
    { I82599_MPC(0), 8, 4 }, { I82599_MLFC, 1, 4 }, { I82599_MRFC, 1, 4 },
    { I82599_RLEC, 1, 4 }, { I82599_LXONTXC, 1, 4 },
    { I82599_LXOFFTXC, 1, 4 }, { I82599_PXONTXC(0), 8, 4 },
    { I82599_PXOFFTXC(0), 8, 4 }, { I82599_LXONRXCNT, 1, 4 },
    { I82599_LXOFFRXCNT, 1, 4 }, { I82599_PXONRXCNT(0), 8, 4 },
    { I82599_PXOFFRXCNT(0), 8, 4 }, { I82599_PXON2OFFCNT(0), 8, 4 },
    { I82599_PRC64, 6, 4 }, { I82599_GPRC, 1, 4 }, { I82599_BPRC, 1, 4 },
    { I82599_MPRC, 1, 4 }, { I82599_GPTC, 1, 4 }, { I82599_GORCL, 1, 4 },
    { I82599_GORCH, 1, 4 }, { I82599_GOTCL, 1, 4 }, { I82599_GOTCH, 1, 4 },
    { I82599_RUC, 1, 4 }, { I82599_RFC, 1, 4 }, { I82599_ROC, 1, 4 },
    { I82599_RJC, 1, 4 }, { I82599_MNGPRC, 1, 4 }, { I82599_MNGPDC, 1, 4 },
    { I82599_TORL, 1, 4 }, { I82599_TORH, 1, 4 }, { I82599_TPR, 1, 4 },
    { I82599_TPT, 1, 4 }, { I82599_PTC64, 6, 4 }, { I82599_MPTC, 1, 4 },
    { I82599_BPTC, 1, 4 }, { I82599_MNGPTC, 1, 4 }, { I82599_SSVPC, 1, 4 },
    { I82599_TXDGPC, 1, 4 }, { I82599_FDIRMATCH, 1, 4 },
    { I82599_FDIRMISS, 1, 4 },
    { I82599_QPRC(0), I82599_QSTAT_COUNT, 0x40 },
    { I82599_QBRC_L(0), I82599_QSTAT_COUNT, 0x40 },
    { I82599_QBRC_H(0), I82599_QSTAT_COUNT, 0x40 },
    { I82599_QPRDC(0), I82599_QSTAT_COUNT, 0x40 },
    { I82599_QPTC(0), I82599_QSTAT_COUNT, 0x40 },
    { I82599_QBTC_L(0), I82599_QSTAT_COUNT, 8 },
    { I82599_QBTC_H(0), I82599_QSTAT_COUNT, 8 },
};

/* register index -> clear on read */
static unsigned long i82599_cor_map[BITS_TO_LONGS(I82599_MMIO_SIZE / 4)];

static void i82599_stats_table_init(void)
{
    static bool done;
    unsigned int i, n;

    if (done) {
        return;
    }
    for (i = 0; i < ARRAY_SIZE(i82599_cor_stats); i++) {
        const I82599StatRange *r = &i82599_cor_stats[i];

        for (n = 0; n < r->count; n++) {
            set_bit(REG(r->addr + n * r->stride), i82599_cor_map);
        }
    }
    done = true;
}

static void stat_inc(I82599Core *core, hwaddr addr, uint32_t n)
{
    core->mac[REG(addr)] += n;
}

static void stat_add64(I82599Core *core, hwaddr lo, hwaddr hi, uint64_t n)
{
    uint64_t v = ((uint64_t)dp_reg(core, hi) << 32) | dp_reg(core, lo);

    v += n;
    dp_set(core, lo, (uint32_t)v);
    dp_set(core, hi, v >> 32);
}

/* Size bin of PRC64..PRC1522 / PTC64..PTC1522, length with the CRC */
static hwaddr stat_size_bin(hwaddr base, size_t len)
{
    static const size_t upper[] = { 64, 127, 255, 511, 1023 };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(upper); i++) {
        if (len <= upper[i]) {
            return base + 4 * i;
        }
    }
    return base + 4 * ARRAY_SIZE(upper);
}

/* Which of the 16 queue counter sets RQSMR/TQSM map queue q to */
static unsigned int stat_index(I82599Core *core, hwaddr map, unsigned int q)
{
    uint32_t v = dp_reg(core, map + 4 * (q / 4));

    return (v >> (8 * (q % 4))) & I82599_QSM_INDEX_MASK;
}

static void stat_frame(I82599Core *core, bool tx, unsigned int q,
                       const uint8_t *da, size_t len)
{
    size_t wire = len + ETH_FCS_LEN;
    unsigned int si;

    if (tx) {
        stat_inc(core, I82599_GPTC, 1);
        stat_inc(core, I82599_TPT, 1);
        stat_add64(core, I82599_GOTCL, I82599_GOTCH, wire);
        stat_inc(core, stat_size_bin(I82599_PTC64, wire), 1);
        if (is_broadcast_ether_addr(da)) {
            stat_inc(core, I82599_BPTC, 1);
        } else if (is_multicast_ether_addr(da)) {
            stat_inc(core, I82599_MPTC, 1);
        }
        si = stat_index(core, I82599_TQSM(0), q);
        stat_inc(core, I82599_QPTC(si), 1);
        stat_add64(core, I82599_QBTC_L(si), I82599_QBTC_H(si), len);
    } else {
        stat_inc(core, I82599_GPRC, 1);
        stat_add64(core, I82599_GORCL, I82599_GORCH, wire);
        stat_inc(core, stat_size_bin(I82599_PRC64, wire), 1);
        if (is_broadcast_ether_addr(da)) {
            stat_inc(core, I82599_BPRC, 1);
        } else if (is_multicast_ether_addr(da)) {
            stat_inc(core, I82599_MPRC, 1);
        }
        si = stat_index(core, I82599_RQSMR(0), q);
        stat_inc(core, I82599_QPRC(si), 1);
        stat_add64(core, I82599_QBRC_L(si), I82599_QBRC_H(si), len);
    }
}

/*
 * Register decoding
 */

typedef enum {
    DP_NONE,
    DP_RXQ,             /* a receive queue register */
    DP_TXQ,             /* a transmit queue register */
    DP_RAR,             /* receive address entry through its alias */
    DP_STAT,            /* clear on read counter */
    DP_GLOBAL,          /* a datapath register with a side effect */
} I82599DpKind;

typedef struct I82599DpReg {
    I82599DpKind kind;
    unsigned int queue;
    hwaddr canon;       /* where the value lives in core->mac[] */
    const char *name;
} I82599DpReg;

static const char *rxq_reg_name(hwaddr off)
{
    switch (off) {
    case I82599_RDBAL: return "RDBAL";
    case I82599_RDBAH: return "RDBAH";
    case I82599_RDLEN: return "RDLEN";
    case I82599_DCA_RXCTRL: return "DCA_RXCTRL";
    case I82599_RDH: return "RDH";
    case I82599_SRRCTL: return "SRRCTL";
    case I82599_RDT: return "RDT";
    case I82599_RXDCTL: return "RXDCTL";
    case I82599_RSCCTL: return "RSCCTL";
    default: return NULL;
    }
}

static const char *txq_reg_name(hwaddr off)
{
    switch (off) {
    case I82599_TDBAL: return "TDBAL";
    case I82599_TDBAH: return "TDBAH";
    case I82599_TDLEN: return "TDLEN";
    case I82599_DCA_TXCTRL: return "DCA_TXCTRL";
    case I82599_TDH: return "TDH";
    case I82599_TDT: return "TDT";
    case I82599_TXDCTL: return "TXDCTL";
    case I82599_TDWBAL: return "TDWBAL";
    case I82599_TDWBAH: return "TDWBAH";
    default: return NULL;
    }
}

static bool dp_decode(hwaddr addr, I82599DpReg *r)
{
    hwaddr off;

    r->kind = DP_NONE;
    r->canon = addr;
    r->name = NULL;

    if (test_bit(REG(addr), i82599_cor_map)) {
        r->kind = DP_STAT;
        r->name = "stat";
        return true;
    }
    if ((addr >= I82599_RXQ_BASE_LO && addr < I82599_RXQ_BASE_LO + 0x1000) ||
        (addr >= I82599_RXQ_BASE_HI && addr < I82599_RXQ_BASE_HI + 0x1000)) {
        hwaddr base = addr >= I82599_RXQ_BASE_HI ? I82599_RXQ_BASE_HI :
                                                   I82599_RXQ_BASE_LO;

        off = (addr - base) % I82599_QUEUE_STRIDE;
        r->name = rxq_reg_name(off);
        if (!r->name) {
            return false;
        }
        r->queue = (addr - base) / I82599_QUEUE_STRIDE +
                   (base == I82599_RXQ_BASE_HI ? 64 : 0);
        r->kind = DP_RXQ;
        return true;
    }
    if (addr >= I82599_SRRCTL_ALIAS(0) && addr < I82599_SRRCTL_ALIAS(16)) {
        r->queue = (addr - I82599_SRRCTL_ALIAS(0)) / 4;
        r->canon = I82599_RXQ(r->queue, I82599_SRRCTL);
        r->name = "SRRCTL";
        r->kind = DP_RXQ;
        return true;
    }
    if (addr >= I82599_DCA_RXCTRL_ALIAS(0) &&
        addr < I82599_DCA_RXCTRL_ALIAS(16)) {
        r->queue = (addr - I82599_DCA_RXCTRL_ALIAS(0)) / 4;
        r->canon = I82599_RXQ(r->queue, I82599_DCA_RXCTRL);
        r->name = "DCA_RXCTRL";
        r->kind = DP_RXQ;
        return true;
    }
    if (addr >= I82599_TXQ_BASE &&
        addr < I82599_TXQ(I82599_NUM_QUEUES, 0)) {
        off = (addr - I82599_TXQ_BASE) % I82599_QUEUE_STRIDE;
        r->name = txq_reg_name(off);
        if (!r->name) {
            return false;
        }
        r->queue = (addr - I82599_TXQ_BASE) / I82599_QUEUE_STRIDE;
        r->kind = DP_TXQ;
        return true;
    }
    if (addr >= I82599_RAR_ALIAS_BASE && addr < I82599_RAR_ALIAS_END) {
        r->canon = I82599_RAL(0) + (addr - I82599_RAR_ALIAS_BASE);
        r->name = (addr & 4) ? "RAH" : "RAL";
        r->kind = DP_RAR;
        return true;
    }
    switch (addr) {
    case I82599_RXCTRL:
        r->name = "RXCTRL";
        break;
    case I82599_DMATXCTL:
        r->name = "DMATXCTL";
        break;
    case I82599_FDIRCTRL:
        r->name = "FDIRCTRL";
        break;
    case I82599_FDIRCMD:
        r->name = "FDIRCMD";
        break;
    case I82599_PFQDE:
        r->name = "PFQDE";
        break;
    case I82599_RTTBCNRC:
        r->name = "RTTBCNRC";
        break;
    case I82599_RTTDT1C:
        r->name = "RTTDT1C";
        break;
    case I82599_RTTDCS:
        r->name = "RTTDCS";
        break;
    default:
        return false;
    }
    r->kind = DP_GLOBAL;
    return true;
}

/*
 * Receive (datasheet 7.1)
 */

static bool rxq_enabled(I82599Core *core, unsigned int q)
{
    return dp_reg(core, I82599_RXQ(q, I82599_RXDCTL)) & I82599_RXDCTL_ENABLE;
}

static unsigned int rxq_ring_size(I82599Core *core, unsigned int q)
{
    return dp_reg(core, I82599_RXQ(q, I82599_RDLEN)) / I82599_DESC_SIZE;
}

/* Descriptors the driver has given the device: RDH up to RDT - 1 */
static unsigned int rxq_free_descs(I82599Core *core, unsigned int q)
{
    unsigned int size = rxq_ring_size(core, q);
    unsigned int head = dp_reg(core, I82599_RXQ(q, I82599_RDH));
    unsigned int tail = dp_reg(core, I82599_RXQ(q, I82599_RDT));

    if (!size || head >= size || tail >= size) {
        return 0;
    }
    return (tail + size - head) % size;
}

static size_t rxq_buf_size(I82599Core *core, unsigned int q)
{
    uint32_t bsize = dp_reg(core, I82599_RXQ(q, I82599_SRRCTL)) &
                     I82599_SRRCTL_BSIZEPKT_MASK;

    /* BSIZEPKT counts KB; 0 is not a valid setting, take the 2 KB reset */
    return (bsize ? bsize : 2) * KiB;
}

static bool rx_enabled(I82599Core *core)
{
    return (dp_reg(core, I82599_RXCTRL) & I82599_RXCTRL_RXEN) &&
           (core->owner->config[PCI_COMMAND] & PCI_COMMAND_MASTER);
}

/* Multicast table hash: 12 bits of the address chosen by MO (7.1.1.1.1) */
static unsigned int mta_hash(I82599Core *core, const uint8_t *da)
{
    static const unsigned int shift[] = { 4, 3, 2, 0 };
    unsigned int mo = dp_reg(core, I82599_MCSTCTRL) & I82599_MCSTCTRL_MO_MASK;

    return ((da[4] >> shift[mo]) | (da[5] << (8 - shift[mo]))) & 0xFFF;
}

/* The receive address entry holding addr, or -1 */
static int rar_index(I82599Core *core, const uint8_t *addr)
{
    uint32_t ral = ldl_le_p(addr);
    uint32_t rah = lduw_le_p(addr + 4) | I82599_RAH_AV;
    unsigned int i;

    for (i = 0; i < I82599_RAR_ENTRIES; i++) {
        if (dp_reg(core, I82599_RAL(i)) == ral &&
            (dp_reg(core, I82599_RAH(i)) & (I82599_RAH_AV | 0xFFFF)) == rah) {
            return i;
        }
    }
    return -1;
}

static bool hash_table_hit(I82599Core *core, hwaddr table, unsigned int h)
{
    return dp_reg(core, table + 4 * (h >> 5)) & BIT(h & 31);
}

/*
 * L2 filtering (datasheet 7.1.1): the destination address against the
 * receive addresses, the multicast table and the promiscuous bits, then
 * a tagged frame's VLAN against the VLAN filter table.
 */
static bool rx_filter(I82599Core *core, const struct eth_header *eh,
                      uint16_t vet, const char **why)
{
    uint32_t fctrl = dp_reg(core, I82599_FCTRL);
    uint32_t vlnctrl = dp_reg(core, I82599_VLNCTRL);
    const uint8_t *da = eh->h_dest;

    if (be16_to_cpu(eh->h_proto) == vet && (vlnctrl & I82599_VLNCTRL_VFE)) {
        const struct vlan_header *vh = (const void *)(eh + 1);
        uint16_t vid = be16_to_cpu(vh->h_tci) & 0xFFF;

        if (!hash_table_hit(core, I82599_VFTA(0), vid)) {
            *why = "VLAN not in VFTA";
            return false;
        }
    }

    if (is_broadcast_ether_addr(da)) {
        if (fctrl & (I82599_FCTRL_BAM | I82599_FCTRL_MPE)) {
            return true;
        }
        *why = "broadcast, BAM off";
        return false;
    }
    if (rar_index(core, da) >= 0) {
        return true;
    }
    if (is_multicast_ether_addr(da)) {
        unsigned int h = mta_hash(core, da);

        if (fctrl & I82599_FCTRL_MPE) {
            return true;
        }
        if ((dp_reg(core, I82599_MCSTCTRL) & I82599_MCSTCTRL_MFE) &&
            hash_table_hit(core, I82599_MTA(0), h)) {
            return true;
        }
        *why = "multicast not in MTA";
        return false;
    }
    if (fctrl & I82599_FCTRL_UPE) {
        return true;
    }
    *why = "unicast not in RAR";
    return false;
}

/*
 * Pools (datasheet 7.10.3): in VT mode the destination address, the
 * VLAN and each pool's receive policy (PFVML2FLT) decide which pools
 * get a frame, and a frame may go to several.
 */

static uint64_t pool_bits(I82599Core *core, hwaddr lo, hwaddr hi)
{
    return dp_reg(core, lo) | ((uint64_t)dp_reg(core, hi) << 32);
}

/* Pools whose receive policy has every one of bits */
static uint64_t pools_with(I82599Core *core, uint32_t bits)
{
    uint64_t pools = 0;
    unsigned int p;

    for (p = 0; p < I82599_MAX_VFS; p++) {
        if ((dp_reg(core, I82599_PFVML2FLT(p)) & bits) == bits) {
            pools |= BIT_ULL(p);
        }
    }
    return pools;
}

static unsigned int default_pool(I82599Core *core)
{
    return (dp_reg(core, I82599_PFVTCTL) & I82599_PFVTCTL_DEF_PL_MASK) >>
           I82599_PFVTCTL_DEF_PL_SHIFT;
}

/* The VLAN pool filter holding vid, or -1 */
static int vlvf_slot(I82599Core *core, uint16_t vid)
{
    unsigned int i;

    for (i = 0; i < I82599_VLVF_ENTRIES; i++) {
        uint32_t v = dp_reg(core, I82599_PFVLVF(i));

        if ((v & I82599_PFVLVF_VI_EN) &&
            (v & I82599_PFVLVF_VLANID_MASK) == vid) {
            return i;
        }
    }
    return -1;
}

static uint64_t vlvf_pools(I82599Core *core, int slot)
{
    return pool_bits(core, I82599_PFVLVFB(2 * slot),
                     I82599_PFVLVFB(2 * slot + 1));
}

/* The address part of pool selection (datasheet 7.10.3.3) */
static uint64_t vt_address_pools(I82599Core *core, const uint8_t *da)
{
    uint32_t fctrl = dp_reg(core, I82599_FCTRL);
    bool rpl = dp_reg(core, I82599_PFVTCTL) & I82599_PFVTCTL_RPL_EN;
    uint64_t def = BIT_ULL(default_pool(core));
    uint64_t pools = 0;
    int r = rar_index(core, da);
    unsigned int h = mta_hash(core, da);

    if (r >= 0) {
        return pool_bits(core, I82599_MPSAR_LO(r), I82599_MPSAR_HI(r));
    }
    if (is_broadcast_ether_addr(da)) {
        if (rpl) {
            return pools_with(core, I82599_PFVML2FLT_BAM);
        }
        return (fctrl & I82599_FCTRL_BAM) ? def : 0;
    }
    if (is_multicast_ether_addr(da)) {
        bool hit = (dp_reg(core, I82599_MCSTCTRL) & I82599_MCSTCTRL_MFE) &&
                   hash_table_hit(core, I82599_MTA(0), h);

        if (rpl) {
            pools = pools_with(core, I82599_PFVML2FLT_MPE);
            if (hit) {
                pools |= pools_with(core, I82599_PFVML2FLT_ROMPE);
            }
        } else if (hit) {
            pools = def;
        }
        if (fctrl & I82599_FCTRL_MPE) {
            pools |= def;
        }
        return pools;
    }
    if (hash_table_hit(core, I82599_PFUTA(0), h)) {
        pools = pools_with(core, I82599_PFVML2FLT_ROPE);
    }
    if (fctrl & I82599_FCTRL_UPE) {
        pools |= def;
    }
    return pools;
}

/*
 * The pools a frame goes to: by address, then by VLAN (a tagged frame
 * to the pools of its VLAN filter, an untagged one to the pools that
 * accept untagged frames), then only pools whose receive is enabled
 */
static uint64_t vt_rx_pools(I82599Core *core, const uint8_t *frame,
                            uint16_t vet, const char **why)
{
    const struct eth_header *eh = (const void *)frame;
    uint64_t pools = vt_address_pools(core, eh->h_dest);

    if (!pools) {
        *why = "no pool takes the address";
        return 0;
    }
    if (be16_to_cpu(eh->h_proto) == vet) {
        uint16_t vid = lduw_be_p(frame + ETH_HLEN) & 0xFFF;
        int slot = vlvf_slot(core, vid);

        if (slot >= 0) {
            pools &= vlvf_pools(core, slot);
        } else if (!(dp_reg(core, I82599_VLNCTRL) & I82599_VLNCTRL_VFE) ||
                   hash_table_hit(core, I82599_VFTA(0), vid)) {
            pools &= BIT_ULL(default_pool(core));
        } else {
            pools = 0;
        }
        if (!pools) {
            *why = "no pool is in the VLAN";
            return 0;
        }
    } else {
        pools &= pools_with(core, I82599_PFVML2FLT_AUPE);
        if (!pools) {
            *why = "no pool takes untagged frames";
            return 0;
        }
    }
    pools &= pool_bits(core, I82599_PFVFRE(0), I82599_PFVFRE(1));
    if (!pools) {
        *why = "the pool's receive is disabled";
    }
    return pools;
}

/* RSS (datasheet 7.1.2.8): the hash type the frame falls under, if any */
static bool rss_type(I82599Core *core, struct NetRxPkt *pkt,
                     NetRxPktRssType *type, unsigned int *desc_type)
{
    uint32_t mrqc = dp_reg(core, I82599_MRQC);
    bool ip4, ip6;
    EthL4HdrProto l4;

    net_rx_pkt_get_protocols(pkt, &ip4, &ip6, &l4);
    if (ip4 && l4 == ETH_L4_HDR_PROTO_TCP && (mrqc & I82599_MRQC_TCPIPV4)) {
        *type = NetPktRssIpV4Tcp;
        *desc_type = I82599_RSSTYPE_TCPV4;
    } else if (ip6 && l4 == ETH_L4_HDR_PROTO_TCP &&
               (mrqc & I82599_MRQC_TCPIPV6)) {
        *type = NetPktRssIpV6Tcp;
        *desc_type = I82599_RSSTYPE_TCPV6;
    } else if (ip4 && l4 == ETH_L4_HDR_PROTO_UDP &&
               (mrqc & I82599_MRQC_UDPIPV4)) {
        *type = NetPktRssIpV4Udp;
        *desc_type = I82599_RSSTYPE_UDPV4;
    } else if (ip6 && l4 == ETH_L4_HDR_PROTO_UDP &&
               (mrqc & I82599_MRQC_UDPIPV6)) {
        *type = NetPktRssIpV6Udp;
        *desc_type = I82599_RSSTYPE_UDPV6;
    } else if (ip4 && (mrqc & I82599_MRQC_IPV4)) {
        *type = NetPktRssIpV4;
        *desc_type = I82599_RSSTYPE_IPV4;
    } else if (ip6 && (mrqc & I82599_MRQC_IPV6)) {
        *type = NetPktRssIpV6;
        *desc_type = I82599_RSSTYPE_IPV6;
    } else {
        return false;
    }
    return true;
}

/* The frame's RSS hash and its type for the descriptor, 0 without RSS */
static uint32_t rx_hash(I82599Core *core, struct NetRxPkt *pkt,
                        unsigned int *desc_type)
{
    NetRxPktRssType type;
    uint8_t *key;

    *desc_type = I82599_RSSTYPE_NONE;
    if (!(dp_reg(core, I82599_MRQC) & I82599_MRQC_MRQE_MASK) ||
        !rss_type(core, pkt, &type, desc_type)) {
        return 0;
    }
    key = (uint8_t *)&core->mac[REG(I82599_RSSRK(0))];
    return net_rx_pkt_calc_rss_hash(pkt, type, key);
}

static unsigned int reta_entry(I82599Core *core, uint32_t hash)
{
    unsigned int idx = hash % I82599_RETA_ENTRIES;

    return (dp_reg(core, I82599_RETA(idx / 4)) >> (8 * (idx % 4))) & 0xFF;
}

/*
 * The receive queue of a frame that passed the filters, without
 * virtualization: queue 0, or with RSS the redirection table entry the
 * hash's low 7 bits select (datasheet 7.1.2.8.3)
 */
static unsigned int rx_queue(I82599Core *core, uint32_t hash)
{
    uint32_t mrqe = dp_reg(core, I82599_MRQC) & I82599_MRQC_MRQE_MASK;

    return mrqe == I82599_MRQC_MRQE_RSS ? reta_entry(core, hash) & 0xF : 0;
}

/*
 * The queue of a pool: RSS over the pool's first 1, 2 or 4 queues, as
 * PSRTYPE.RQPL says, with the low bits of the shared table's entry
 */
static unsigned int pool_queue(I82599Core *core, unsigned int pool,
                               uint32_t hash)
{
    unsigned int qpp = i82599_vt_queues_per_pool(core);
    unsigned int rqpl = dp_reg(core, I82599_PSRTYPE(pool)) >>
                        I82599_PSRTYPE_RQPL_SHIFT;
    unsigned int width = MIN(1u << MIN(rqpl, 3u), qpp);

    return pool * qpp + (reta_entry(core, hash) & (width - 1));
}

/* The status, error and packet type fields of the EOP write-back */
static void rx_offload_fields(struct NetRxPkt *pkt, uint32_t *lo,
                              uint32_t *status)
{
    bool ip4, ip6, valid;
    EthL4HdrProto l4;

    net_rx_pkt_get_protocols(pkt, &ip4, &ip6, &l4);
    if (ip4) {
        *lo |= I82599_RXD_LO_PKT_IPV4;
        if (net_rx_pkt_validate_l3_csum(pkt, &valid)) {
            *status |= I82599_RXD_STAT_IPCS;
            if (!valid) {
                *status |= I82599_RXD_ERR_IPE;
            }
        }
    } else if (ip6) {
        *lo |= I82599_RXD_LO_PKT_IPV6;
    }
    switch (l4) {
    case ETH_L4_HDR_PROTO_TCP:
        *lo |= I82599_RXD_LO_PKT_TCP;
        break;
    case ETH_L4_HDR_PROTO_UDP:
        *lo |= I82599_RXD_LO_PKT_UDP;
        break;
    case ETH_L4_HDR_PROTO_SCTP:
        *lo |= I82599_RXD_LO_PKT_SCTP;
        return;
    default:
        return;
    }
    if (net_rx_pkt_validate_l4_csum(pkt, &valid)) {
        *status |= I82599_RXD_STAT_L4CS;
        if (!valid) {
            *status |= I82599_RXD_ERR_TCPE;
        }
    }
}

/*
 * Write the frame into the ring's buffers, BSIZEPKT bytes a descriptor,
 * and write each descriptor back.  ixgbe takes a descriptor as done when
 * its length field is non-zero, so the dword holding the length goes
 * last, after the fields it must see with it (datasheet 7.1.6.2).
 */
static void rx_write(I82599Core *core, unsigned int q, struct NetRxPkt *pkt,
                     uint32_t lo, uint32_t hash, uint32_t status)
{
    PCIDevice *dev = i82599_queue_dma_dev(core, q);
    uint64_t base = dp_ring_base(core, I82599_RXQ(q, I82599_RDBAL),
                                 I82599_RXQ(q, I82599_RDBAH));
    unsigned int size = rxq_ring_size(core, q);
    unsigned int head = dp_reg(core, I82599_RXQ(q, I82599_RDH));
    size_t bufsz = rxq_buf_size(core, q);
    size_t total = net_rx_pkt_get_total_len(pkt);
    uint8_t *frame = core->dp.rx_frame;
    size_t done = 0;
    uint16_t vlan = 0;

    if (net_rx_pkt_is_vlan_stripped(pkt)) {
        status |= I82599_RXD_STAT_VP;
        vlan = net_rx_pkt_get_vlan_tag(pkt);
    }
    /*
     * net_rx_pkt does not say how many iovec entries hold the (maybe
     * stripped) frame; copying total bytes never reads past them
     */
    iov_to_buf(net_rx_pkt_get_iovec(pkt), UINT_MAX, 0, frame, total);

    while (done < total) {
        uint64_t desc = base + (uint64_t)head * I82599_DESC_SIZE;
        size_t chunk = MIN(bufsz, total - done);
        bool eop = done + chunk == total;
        uint8_t data[I82599_DESC_SIZE / 2 + 4] = { 0 };
        uint32_t last;
        uint64_t buf;

        pci_dma_read(dev, desc, &buf, sizeof(buf));
        buf = le64_to_cpu(buf);
        pci_dma_write(dev, buf, frame + done, chunk);

        if (eop) {
            stl_le_p(data, lo);
            stl_le_p(data + 4, hash);
            stl_le_p(data + 8, status | I82599_RXD_STAT_DD |
                     I82599_RXD_STAT_EOP);
            last = chunk | ((uint32_t)vlan << 16);
        } else {
            stl_le_p(data + 8, I82599_RXD_STAT_DD);
            last = chunk;
        }
        pci_dma_write(dev, desc, data, 12);
        last = cpu_to_le32(last);
        pci_dma_write(dev, desc + 12, &last, 4);

        done += chunk;
        head = (head + 1) % size;
    }
    dp_set(core, I82599_RXQ(q, I82599_RDH), head);
}

bool i82599_dp_can_receive(I82599Core *core)
{
    return core->owner->config[PCI_COMMAND] & PCI_COMMAND_MASTER;
}

/* A full queue drops the frame with SRRCTL.DROP_EN or PFQDE.QDE */
static bool rxq_drop_en(I82599Core *core, unsigned int q)
{
    return (dp_reg(core, I82599_RXQ(q, I82599_SRRCTL)) &
            I82599_SRRCTL_DROP_EN) ||
           (core->dp.qde[q / 64] & BIT_ULL(q % 64));
}

/*
 * Queue q cannot take len bytes now and would hold the frame in the
 * packet buffer rather than drop it: the backend must keep it queued
 */
static bool rxq_holds(I82599Core *core, unsigned int q, size_t len)
{
    return rxq_enabled(core, q) && !rxq_drop_en(core, q) &&
           rxq_free_descs(core, q) < DIV_ROUND_UP(len, rxq_buf_size(core, q));
}

/* The per-VF receive counters of pool p, if p is a VF's */
static void stat_vf_rx(I82599Core *core, unsigned int pool, const uint8_t *da,
                       size_t len)
{
    if (pool >= pcie_sriov_num_vfs(core->owner)) {
        return;
    }
    stat_inc(core, I82599_PVFGPRC(pool), 1);
    stat_add64(core, I82599_PVFGORC_LSB(pool), I82599_PVFGORC_MSB(pool),
               len);
    if (is_multicast_ether_addr(da)) {
        stat_inc(core, I82599_PVFMPRC(pool), 1);
    }
}

/* Put the frame on queue q (the packet's protocols are parsed) */
static void rx_to_queue(I82599Core *core, const struct iovec *iov, int iovcnt,
                        size_t len, unsigned int q, uint32_t hash,
                        unsigned int desc_type, bool tagged, uint16_t vet)
{
    struct NetRxPkt *pkt = core->dp.rx_pkt;
    bool strip = tagged && (dp_reg(core, I82599_RXQ(q, I82599_RXDCTL)) &
                            I82599_RXDCTL_VME);
    uint32_t lo = desc_type, status = 0;
    size_t need;

    if (!rxq_enabled(core, q)) {
        trace_i82599_rx_queue_drop(q, len, "queue disabled");
        return;
    }
    net_rx_pkt_attach_iovec_ex(pkt, iov, iovcnt, 0, strip ? 0 : -1, vet, 0);
    need = DIV_ROUND_UP(net_rx_pkt_get_total_len(pkt), rxq_buf_size(core, q));
    if (rxq_free_descs(core, q) < need) {
        stat_inc(core, I82599_QPRDC(stat_index(core, I82599_RQSMR(0), q)), 1);
        trace_i82599_rx_queue_drop(q, len, "no descriptors");
        return;
    }
    rx_offload_fields(pkt, &lo, &status);
    rx_write(core, q, pkt, lo, hash, status);
    trace_i82599_rx_frame(q, len, hash, status);
    i82599_queue_notify(core, false, q);
}

/*
 * Deliver a frame that passed the MAC's checks: to one queue without
 * virtualization, to a queue of each of its pools with.  Returns false
 * when a queue holds it (nothing is delivered then).  pools is what the
 * caller already chose (the internal switch), or 0 to choose here.
 */
static bool rx_deliver(I82599Core *core, const struct iovec *iov, int iovcnt,
                       const uint8_t *frame, size_t len, uint64_t pools)
{
    struct NetRxPkt *pkt = core->dp.rx_pkt;
    uint16_t vet = dp_reg(core, I82599_VLNCTRL) & I82599_VLNCTRL_VET_MASK;
    const struct eth_header *eh = (const void *)frame;
    bool tagged = be16_to_cpu(eh->h_proto) == vet;
    unsigned int desc_type, q, p;
    unsigned int queue[I82599_MAX_VFS];    /* each pool's queue */
    const char *why = NULL;
    uint64_t left;
    uint32_t hash;

    net_rx_pkt_set_protocols(pkt, iov, iovcnt, 0);
    hash = rx_hash(core, pkt, &desc_type);

    if (!i82599_vt_enabled(core)) {
        if (!rx_filter(core, eh, vet, &why)) {
            trace_i82599_rx_drop(len, why);
            return true;
        }
        q = rx_queue(core, hash);
        if (rxq_holds(core, q, len)) {
            trace_i82599_rx_queue_drop(q, len, "no descriptors, held");
            return false;
        }
        rx_to_queue(core, iov, iovcnt, len, q, hash, desc_type, tagged, vet);
        stat_frame(core, false, q, eh->h_dest, len);
        return true;
    }

    if (!pools) {
        pools = vt_rx_pools(core, frame, vet, &why);
        if (!pools) {
            trace_i82599_rx_drop(len, why);
            return true;
        }
    }
    for (left = pools; left; left &= left - 1) {
        p = ctz64(left);
        queue[p] = pool_queue(core, p, hash);
        if (rxq_holds(core, queue[p], len)) {
            trace_i82599_rx_queue_drop(queue[p], len, "no descriptors, held");
            return false;
        }
    }
    for (left = pools; left; left &= left - 1) {
        p = ctz64(left);
        q = queue[p];
        trace_i82599_rx_pool(p, q, len);
        rx_to_queue(core, iov, iovcnt, len, q, hash, desc_type, tagged, vet);
        stat_vf_rx(core, p, eh->h_dest, len);
    }
    stat_frame(core, false, queue[ctz64(pools)], eh->h_dest, len);
    return true;
}

ssize_t i82599_dp_receive_iov(I82599Core *core, const struct iovec *iov,
                              int iovcnt)
{
    size_t size = iov_size(iov, iovcnt);
    uint8_t min_frame[I82599_MIN_FRAME];
    uint8_t hdr[ETH_HLEN + 4];
    struct iovec padded;
    uint16_t vet = dp_reg(core, I82599_VLNCTRL) & I82599_VLNCTRL_VET_MASK;
    uint32_t mfs;
    size_t len;
    bool tagged;

    if (!rx_enabled(core)) {
        trace_i82599_rx_drop(size, "receive disabled");
        return size;
    }
    /* short frames are padded as the link partner's MAC would have */
    if (size < I82599_MIN_FRAME) {
        memset(min_frame, 0, sizeof(min_frame));
        iov_to_buf(iov, iovcnt, 0, min_frame, size);
        padded.iov_base = min_frame;
        padded.iov_len = sizeof(min_frame);
        iov = &padded;
        iovcnt = 1;
        len = sizeof(min_frame);
    } else {
        len = size;
    }
    iov_to_buf(iov, iovcnt, 0, hdr, sizeof(hdr));
    tagged = lduw_be_p(hdr + 2 * ETH_ALEN) == vet;

    /* MAXFRS counts the CRC; a tagged frame may be 4 bytes longer */
    mfs = dp_reg(core, I82599_MAXFRS) >> I82599_MAXFRS_MFS_SHIFT;
    if (len + ETH_FCS_LEN > mfs + (tagged ? 4 : 0) ||
        len > I82599_RX_FRAME_MAX) {
        stat_inc(core, I82599_ROC, 1);
        trace_i82599_rx_drop(size, "longer than MAXFRS");
        return size;
    }
    stat_inc(core, I82599_TPR, 1);
    stat_add64(core, I82599_TORL, I82599_TORH, len + ETH_FCS_LEN);

    return rx_deliver(core, iov, iovcnt, hdr, len, 0) ? size : 0;
}

void i82599_dp_kick_rx(I82599Core *core)
{
    if (core->nic && i82599_dp_can_receive(core)) {
        qemu_flush_queued_packets(qemu_get_queue(core->nic));
    }
}

/*
 * Transmit (datasheet 7.2)
 */

typedef struct I82599TxFrame {
    uint32_t cmd;               /* DCMD of the first data descriptor */
    uint32_t olinfo;            /* olinfo_status of the first */
    const I82599TxCtx *ctx;
    size_t len;
} I82599TxFrame;

/* Sum of buf[start, end) folded and complemented into buf[start + at] */
static void tx_l4_csum(uint8_t *buf, size_t start, size_t end, size_t at,
                       uint32_t extra, bool udp)
{
    uint32_t sum = net_checksum_add(end - start, buf + start) + extra;
    uint16_t csum = udp ? net_checksum_finish_nozero(sum) :
                          net_checksum_finish(sum);

    stw_be_p(buf + start + at, csum);
}

static void tx_ip4_csum(uint8_t *ip, size_t iplen)
{
    stw_be_p(ip + 10, 0);
    stw_be_p(ip + 10, net_raw_checksum(ip, iplen));
}

static size_t tx_l4_csum_offset(uint32_t tucmd)
{
    switch (tucmd & I82599_TXC_TUCMD_L4T_MASK) {
    case I82599_TXC_TUCMD_L4T_TCP:
        return 16;
    case I82599_TXC_TUCMD_L4T_UDP:
        return 6;
    default:
        return 8;                       /* SCTP */
    }
}

/*
 * Anti-spoofing (datasheet 7.10.3.9.2): a pool with MAC anti-spoofing
 * may send only from an address whose receive address entry includes
 * the pool; with VLAN anti-spoofing a tagged frame only in a VLAN whose
 * pool filter does
 */
static bool tx_spoofed(I82599Core *core, unsigned int pool,
                       const uint8_t *frame, uint16_t vet)
{
    uint32_t spoof = dp_reg(core, I82599_PFVFSPOOF(pool / 8));
    const struct eth_header *eh = (const void *)frame;

    if (spoof & BIT(pool % 8)) {
        int r = rar_index(core, eh->h_source);

        if (r < 0 || !(pool_bits(core, I82599_MPSAR_LO(r),
                                 I82599_MPSAR_HI(r)) & BIT_ULL(pool))) {
            return true;
        }
    }
    if ((spoof & BIT(8 + pool % 8)) && be16_to_cpu(eh->h_proto) == vet) {
        int slot = vlvf_slot(core, lduw_be_p(frame + ETH_HLEN) & 0xFFF);

        if (slot < 0 || !(vlvf_pools(core, slot) & BIT_ULL(pool))) {
            return true;
        }
    }
    return false;
}

/*
 * The internal switch (datasheet 7.10.3.4): with loopback on (VEB), a
 * frame for pools of this port goes to them; a unicast frame that some
 * pool takes goes nowhere else, others go to the wire as well.  A pool
 * gets its own frames back only with PFVMTXSW.  A local queue that is
 * full drops the frame, as transmit cannot wait for it.  The switch
 * needs a receive high-water mark in packet buffer 0 (FCRTH[0].RTH not
 * 0, datasheet 7.10.3.4; ixgbe sets it whether or not flow control is
 * on): without one the real switch stalls, and the model delivers no
 * frame locally.  Returns true when the frame must also go to the wire.
 */
static bool tx_switch(I82599Core *core, unsigned int pool, uint8_t *frame,
                      size_t len)
{
    uint16_t vet = dp_reg(core, I82599_VLNCTRL) & I82599_VLNCTRL_VET_MASK;
    const struct eth_header *eh = (const void *)frame;
    const struct iovec iov = { .iov_base = frame, .iov_len = len };
    const char *why = NULL;
    uint64_t pools;

    if (!(dp_reg(core, I82599_PFDTXGSWC) & I82599_PFDTXGSWC_LBE)) {
        return true;
    }
    pools = rx_enabled(core) ? vt_rx_pools(core, frame, vet, &why) : 0;
    if (!(pool_bits(core, I82599_PFVMTXSW(0), I82599_PFVMTXSW(1)) &
          BIT_ULL(pool))) {
        pools &= ~BIT_ULL(pool);
    }
    if (pools && !(dp_reg(core, I82599_FCRTH(0)) & I82599_FCRTH_RTH)) {
        trace_i82599_tx_switch_stalled(pool, pools);
        return is_multicast_ether_addr(eh->h_dest);
    }
    if (pools) {
        trace_i82599_tx_switch(pool, pools);
        rx_deliver(core, &iov, 1, frame, len, pools);
    }
    return is_multicast_ether_addr(eh->h_dest) || !pools;
}

/*
 * Put one frame out: the VLAN tag the descriptor or the pool asks for,
 * padding; in VT mode the pool's transmit enable, anti-spoofing and the
 * internal switch; then the wire and the statistics
 */
static void tx_send(I82599Core *core, unsigned int q, const I82599TxFrame *f,
                    uint8_t *buf, size_t len)
{
    uint16_t vet = dp_reg(core, I82599_VLNCTRL) & I82599_VLNCTRL_VET_MASK;
    bool vt = i82599_vt_enabled(core);
    unsigned int pool = vt ? q / i82599_vt_queues_per_pool(core) : 0;
    uint16_t tci = f->ctx->vlan_macip_lens >> I82599_TXC_VLAN_SHIFT;
    bool insert = f->cmd & I82599_TXD_CMD_VLE;
    uint8_t *frame = buf;

    if (vt) {
        uint32_t vmvir = dp_reg(core, I82599_PFVMVIR(pool));

        if (!(pool_bits(core, I82599_PFVFTE(0), I82599_PFVFTE(1)) &
              BIT_ULL(pool))) {
            trace_i82599_tx_bad(q, "the pool's transmit is disabled");
            return;
        }
        /* the pool's default VLAN (datasheet 7.10.3.7) */
        if ((vmvir & I82599_PFVMVIR_VLANA_MASK) ==
            I82599_PFVMVIR_VLANA_DEFAULT) {
            insert = true;
            tci = vmvir & I82599_PFVMVIR_TAG_MASK;
        } else if ((vmvir & I82599_PFVMVIR_VLANA_MASK) ==
                   I82599_PFVMVIR_VLANA_NEVER) {
            insert = false;
        }
    }
    if (insert) {
        uint16_t vt_type = dp_reg(core, I82599_DMATXCTL) >>
                           I82599_DMATXCTL_VT_SHIFT;

        /* buf has headroom for the tag in front of it */
        frame = buf - 4;
        memmove(frame, buf, 2 * ETH_ALEN);
        stw_be_p(frame + 2 * ETH_ALEN, vt_type);
        stw_be_p(frame + 2 * ETH_ALEN + 2, tci);
        len += 4;
    }
    if (len < I82599_MIN_FRAME &&
        (dp_reg(core, I82599_HLREG0) & I82599_HLREG0_TXPADEN)) {
        memset(frame + len, 0, I82599_MIN_FRAME - len);
        len = I82599_MIN_FRAME;
    }
    trace_i82599_tx_frame(q, len, f->cmd, f->olinfo);

    if (vt) {
        if (tx_spoofed(core, pool, frame, vet)) {
            stat_inc(core, I82599_SSVPC, 1);
            trace_i82599_tx_bad(q, "spoofed: dropped");
            return;
        }
        if (pool < pcie_sriov_num_vfs(core->owner)) {
            stat_inc(core, I82599_PVFGPTC(pool), 1);
            stat_add64(core, I82599_PVFGOTC_LSB(pool),
                       I82599_PVFGOTC_MSB(pool), len);
        }
        if (!tx_switch(core, pool, frame, len)) {
            return;
        }
    }
    stat_frame(core, true, q, frame, len);
    if (i82599_link_is_up(core)) {
        qemu_send_packet(qemu_get_queue(core->nic), frame, len);
    }
}

/*
 * TCP/UDP segmentation (datasheet 7.2.4): the header MACLEN + IPLEN +
 * L4LEN long is repeated in front of each MSS of payload, with the IP
 * length, IPv4 identification and checksum, TCP sequence number and
 * flags, UDP length and the L4 checksum made right per segment.  ixgbe
 * leaves the pseudo-header sum without the length in the L4 checksum.
 */
static void tx_segment(I82599Core *core, unsigned int q,
                       const I82599TxFrame *f, uint8_t *buf)
{
    const I82599TxCtx *ctx = f->ctx;
    size_t maclen = (ctx->vlan_macip_lens & I82599_TXC_MACLEN_MASK) >>
                    I82599_TXC_MACLEN_SHIFT;
    size_t iplen = ctx->vlan_macip_lens & I82599_TXC_IPLEN_MASK;
    size_t l4len = (ctx->mss_l4len_idx & I82599_TXC_L4LEN_MASK) >>
                   I82599_TXC_L4LEN_SHIFT;
    size_t mss = ctx->mss_l4len_idx >> I82599_TXC_MSS_SHIFT;
    size_t hdrlen = maclen + iplen + l4len;
    uint32_t tucmd = ctx->type_tucmd_mlhl;
    bool ip4 = tucmd & I82599_TXC_TUCMD_IPV4;
    bool tcp = (tucmd & I82599_TXC_TUCMD_L4T_MASK) ==
               I82599_TXC_TUCMD_L4T_TCP;
    bool udp = (tucmd & I82599_TXC_TUCMD_L4T_MASK) ==
               I82599_TXC_TUCMD_L4T_UDP;
    uint8_t *seg = core->dp.tx_seg + 4;
    size_t payload, off;
    uint16_t ip_id = 0;
    uint32_t seq = 0;
    uint8_t flags = 0;

    if (!mss || !(tcp || udp) || hdrlen >= f->len ||
        (ip4 && iplen < 20) || (!ip4 && iplen < 40) ||
        (tcp && l4len < 20) || (udp && l4len != 8) ||
        hdrlen + mss > I82599_TX_FRAME_MAX) {
        trace_i82599_tx_bad(q, "TSO context does not fit the frame");
        return;
    }
    payload = f->len - hdrlen;
    if (ip4) {
        ip_id = lduw_be_p(buf + maclen + 4);
    }
    if (tcp) {
        seq = ldl_be_p(buf + maclen + iplen + 4);
        flags = buf[maclen + iplen + 13];
    }

    for (off = 0; off < payload; off += mss) {
        size_t n = MIN(mss, payload - off);
        uint8_t *ip = seg + maclen, *l4 = ip + iplen;

        memcpy(seg, buf, hdrlen);
        memcpy(seg + hdrlen, buf + hdrlen + off, n);
        if (ip4) {
            stw_be_p(ip + 2, iplen + l4len + n);
            stw_be_p(ip + 4, ip_id++);
            if (f->olinfo & I82599_TXD_POPTS_IXSM) {
                tx_ip4_csum(ip, iplen);
            }
        } else {
            stw_be_p(ip + 4, iplen - 40 + l4len + n);
        }
        if (tcp) {
            uint8_t fl = flags;

            stl_be_p(l4 + 4, seq + off);
            if (off + n < payload) {
                fl &= ~(TH_FIN | TH_PUSH);
            }
            if (off) {
                fl &= ~TH_CWR;
            }
            l4[13] = fl;
        } else {
            stw_be_p(l4 + 4, l4len + n);
        }
        if (f->olinfo & I82599_TXD_POPTS_TXSM) {
            tx_l4_csum(seg, maclen + iplen, hdrlen + n,
                       tx_l4_csum_offset(tucmd), l4len + n, udp);
        }
        tx_send(core, q, f, seg, hdrlen + n);
    }
}

/* Checksum offload without segmentation (datasheet 7.2.5.1) */
static void tx_csum(I82599Core *core, unsigned int q, const I82599TxFrame *f,
                    uint8_t *buf)
{
    const I82599TxCtx *ctx = f->ctx;
    size_t maclen = (ctx->vlan_macip_lens & I82599_TXC_MACLEN_MASK) >>
                    I82599_TXC_MACLEN_SHIFT;
    size_t iplen = ctx->vlan_macip_lens & I82599_TXC_IPLEN_MASK;
    uint32_t tucmd = ctx->type_tucmd_mlhl;
    size_t start = maclen + iplen;
    size_t at = tx_l4_csum_offset(tucmd);

    if ((f->olinfo & I82599_TXD_POPTS_IXSM) && maclen + 20 <= f->len) {
        tx_ip4_csum(buf + maclen, MIN(iplen, f->len - maclen));
    }
    if (!(f->olinfo & I82599_TXD_POPTS_TXSM)) {
        return;
    }
    if (start + at + 4 > f->len) {
        trace_i82599_tx_bad(q, "checksum offsets past the frame");
        return;
    }
    if ((tucmd & I82599_TXC_TUCMD_L4T_MASK) == I82599_TXC_TUCMD_L4T_SCTP) {
        uint32_t crc;

        stl_le_p(buf + start + at, 0);
        crc = crc32c(0xffffffff, buf + start, f->len - start);
        stl_le_p(buf + start + at, ~crc);
        return;
    }
    tx_l4_csum(buf, start, f->len, at, 0,
               (tucmd & I82599_TXC_TUCMD_L4T_MASK) ==
               I82599_TXC_TUCMD_L4T_UDP);
}

static void txq_head_writeback(I82599Core *core, unsigned int q,
                               unsigned int head)
{
    uint32_t wbal = dp_reg(core, I82599_TXQ(q, I82599_TDWBAL));
    uint64_t addr;
    uint32_t val = cpu_to_le32(head);

    if (!(wbal & I82599_TDWBAL_HEAD_WB_EN)) {
        return;
    }
    addr = ((uint64_t)dp_reg(core, I82599_TXQ(q, I82599_TDWBAH)) << 32) |
           (wbal & ~3u);
    pci_dma_write(i82599_queue_dma_dev(core, q), addr, &val, sizeof(val));
}

/*
 * Transmit rate limiting (datasheet 7.7.2.5): a limited queue sends a
 * frame only when its previous frames have had their time on the wire
 * at the queue's rate, link speed / rate factor.  The wire time counts
 * the preamble, CRC and inter-frame gap (24 bytes a frame).
 */
static bool txq_limited(I82599Core *core, unsigned int q)
{
    return core->dp.rate[q] & I82599_RTTBCNRC_RS_ENA &&
           core->dp.rate[q] & I82599_RTTBCNRC_RF_MASK;
}

static void txq_rate_charge(I82599Core *core, unsigned int q, size_t bytes)
{
    I82599DpState *dp = &core->dp;
    uint64_t rf = dp->rate[q] & I82599_RTTBCNRC_RF_MASK;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    /* ns = bits * 1000 / (LINK_MBPS / rf), rf with 14 fraction bits */
    uint64_t ns = ((bytes + 24) * 8 * 1000 * rf / I82599_LINK_MBPS) >>
                  I82599_RTTBCNRC_RF_FRAC_BITS;

    dp->tx_next_ns[q] = MAX(dp->tx_next_ns[q], now) + ns;
}

/* Queue q may not send yet: wake it when it may */
static bool txq_rate_wait(I82599Core *core, unsigned int q)
{
    I82599DpState *dp = &core->dp;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    if (!txq_limited(core, q) || dp->tx_next_ns[q] <= now) {
        return false;
    }
    if (!timer_pending(dp->tx_timer) ||
        timer_expire_time_ns(dp->tx_timer) > dp->tx_next_ns[q]) {
        timer_mod(dp->tx_timer, dp->tx_next_ns[q]);
    }
    return true;
}

/*
 * Take frames off queue q from TDH up to TDT.  A frame is taken only
 * once its EOP descriptor is in the device's part of the ring, so TDH
 * never stops in the middle of one.
 */
static void txq_process(I82599Core *core, unsigned int q)
{
    I82599DpState *dp = &core->dp;
    PCIDevice *dev = i82599_queue_dma_dev(core, q);
    uint64_t base = dp_ring_base(core, I82599_TXQ(q, I82599_TDBAL),
                                 I82599_TXQ(q, I82599_TDBAH));
    unsigned int size = dp_reg(core, I82599_TXQ(q, I82599_TDLEN)) /
                        I82599_DESC_SIZE;
    unsigned int head = dp_reg(core, I82599_TXQ(q, I82599_TDH));
    unsigned int tail = dp_reg(core, I82599_TXQ(q, I82599_TDT));
    bool report = false;

    if (!(dp_reg(core, I82599_DMATXCTL) & I82599_DMATXCTL_TE) ||
        !(dp_reg(core, I82599_TXQ(q, I82599_TXDCTL)) &
          I82599_TXDCTL_ENABLE) ||
        !(dev->config[PCI_COMMAND] & PCI_COMMAND_MASTER) ||
        !size || head >= size || tail >= size) {
        return;
    }

    while (head != tail && !txq_rate_wait(core, q)) {
        uint32_t d[I82599_TX_DESC_MAX][4];
        unsigned int n = 0, i, h = head;
        I82599TxFrame f = { 0 };
        bool eop = false, bad = false;
        size_t len = 0;

        /* find the frame's descriptors: contexts, then data up to EOP */
        while (h != tail && n < I82599_TX_DESC_MAX) {
            uint32_t *w = d[n++];

            pci_dma_read(dev, base + (uint64_t)h * I82599_DESC_SIZE, w,
                         I82599_DESC_SIZE);
            for (i = 0; i < 4; i++) {
                w[i] = le32_to_cpu(w[i]);
            }
            h = (h + 1) % size;
            if ((w[2] & I82599_TXD_CMD_DEXT) &&
                (w[2] & I82599_TXD_DTYP_MASK) == I82599_TXD_DTYP_CTXT) {
                continue;
            }
            if (w[2] & I82599_TXD_CMD_EOP) {
                eop = true;
                break;
            }
        }
        if (!eop) {
            if (n < I82599_TX_DESC_MAX) {
                break;                  /* the rest is not written yet */
            }
            trace_i82599_tx_bad(q, "no EOP within the descriptor limit");
            bad = true;
        }

        for (i = 0; i < n; i++) {
            uint32_t *w = d[i];
            uint64_t addr = ((uint64_t)w[1] << 32) | w[0];
            size_t dlen = w[2] & I82599_TXD_DTALEN_MASK;
            bool adv = w[2] & I82599_TXD_CMD_DEXT;

            if (adv && (w[2] & I82599_TXD_DTYP_MASK) ==
                I82599_TXD_DTYP_CTXT) {
                I82599TxCtx *c = &dp->tx_ctx[q][(w[3] >>
                                                 I82599_TXD_IDX_SHIFT) & 1];

                c->vlan_macip_lens = w[0];
                c->type_tucmd_mlhl = w[2];
                c->mss_l4len_idx = w[3];
                continue;
            }
            if (!f.ctx) {
                f.cmd = w[2];
                /* legacy descriptors carry no offload fields here */
                f.olinfo = adv ? w[3] : 0;
                f.ctx = &dp->tx_ctx[q][(f.olinfo >> I82599_TXD_IDX_SHIFT) &
                                       1];
            }
            if (len + dlen > I82599_TX_FRAME_MAX) {
                bad = true;
            } else if (!bad) {
                pci_dma_read(dev, addr, dp->tx_frame + 4 + len, dlen);
                len += dlen;
            }
            if (w[2] & I82599_TXD_CMD_RS) {
                uint32_t dd = cpu_to_le32(I82599_TXD_STAT_DD);
                unsigned int at = (head + i) % size;

                pci_dma_write(dev, base + (uint64_t)at * I82599_DESC_SIZE +
                              12, &dd, sizeof(dd));
                report = true;
            }
        }
        head = (head + n) % size;
        f.len = len;

        if (bad || !f.ctx) {
            if (bad) {
                trace_i82599_tx_bad(q, "frame dropped");
            }
            continue;
        }
        if (len < ETH_HLEN) {
            trace_i82599_tx_bad(q, "frame shorter than its MAC header");
            continue;
        }
        if (f.cmd & I82599_TXD_CMD_TSE) {
            tx_segment(core, q, &f, dp->tx_frame + 4);
        } else {
            tx_csum(core, q, &f, dp->tx_frame + 4);
            tx_send(core, q, &f, dp->tx_frame + 4, len);
        }
        if (txq_limited(core, q)) {
            txq_rate_charge(core, q, len);
        }
    }

    dp_set(core, I82599_TXQ(q, I82599_TDH), head);
    txq_head_writeback(core, q, head);
    if (report) {
        i82599_queue_notify(core, true, q);
    }
}

static void tx_all(I82599Core *core)
{
    unsigned int q;

    for (q = 0; q < I82599_NUM_QUEUES; q++) {
        txq_process(core, q);
    }
}

static void tx_rate_timer(void *opaque)
{
    I82599Core *core = opaque;
    unsigned int q;

    for (q = 0; q < I82599_NUM_QUEUES; q++) {
        if (txq_limited(core, q)) {
            txq_process(core, q);
        }
    }
}

/*
 * MMIO
 */

bool i82599_dp_mmio_read(I82599Core *core, hwaddr addr, uint32_t *val)
{
    I82599DpReg r;

    if (!dp_decode(addr, &r)) {
        return false;
    }
    *val = dp_reg(core, r.canon);
    if (addr == I82599_RTTBCNRC) {
        *val = core->dp.rate[dp_reg(core, I82599_RTTDQSEL) &
                             I82599_RTTDQSEL_MASK];
    }
    if (addr == I82599_RTTDT1C) {
        *val = core->dp.t1c[dp_reg(core, I82599_RTTDQSEL) &
                            I82599_RTTDQSEL_MASK];
    }
    if (r.kind == DP_STAT) {
        dp_set(core, r.canon, 0);
    }
    trace_i82599_dp_read(addr, r.name, *val);
    return true;
}

static void rxq_write(I82599Core *core, const I82599DpReg *r, uint32_t val)
{
    hwaddr off = (r->canon - (r->queue < 64 ? I82599_RXQ_BASE_LO :
                              I82599_RXQ_BASE_HI)) % I82599_QUEUE_STRIDE;

    dp_set(core, r->canon, val);
    switch (off) {
    case I82599_RDT:
    case I82599_RXDCTL:
        if (rxq_enabled(core, r->queue)) {
            i82599_dp_kick_rx(core);
        }
        break;
    }
}

static void txq_write(I82599Core *core, const I82599DpReg *r, uint32_t val)
{
    hwaddr off = (r->canon - I82599_TXQ_BASE) % I82599_QUEUE_STRIDE;

    switch (off) {
    case I82599_TXDCTL:
        /* a software flush completes at once */
        val &= ~I82599_TXDCTL_SWFLSH;
        dp_set(core, r->canon, val);
        txq_process(core, r->queue);
        break;
    case I82599_TDT:
        dp_set(core, r->canon, val & 0xFFFF);
        txq_process(core, r->queue);
        break;
    case I82599_TDH:
        dp_set(core, r->canon, val & 0xFFFF);
        break;
    default:
        dp_set(core, r->canon, val);
    }
}

bool i82599_dp_mmio_write(I82599Core *core, hwaddr addr, uint32_t val)
{
    I82599DpReg r;

    if (!dp_decode(addr, &r)) {
        return false;
    }
    trace_i82599_dp_write(addr, r.name, val);
    switch (r.kind) {
    case DP_STAT:
        break;                          /* read only */
    case DP_RXQ:
        rxq_write(core, &r, val);
        break;
    case DP_TXQ:
        txq_write(core, &r, val);
        break;
    case DP_RAR:
        dp_set(core, r.canon, val);
        break;
    case DP_GLOBAL:
        switch (addr) {
        case I82599_RXCTRL:
            dp_set(core, addr, val);
            i82599_dp_kick_rx(core);
            break;
        case I82599_DMATXCTL:
            dp_set(core, addr, val);
            tx_all(core);
            break;
        case I82599_FDIRCTRL:
            /* the tables initialise at once (ixgbe polls INIT_DONE) */
            dp_set(core, addr, val | I82599_FDIRCTRL_INIT_DONE);
            break;
        case I82599_FDIRCMD:
            /* commands complete at once; nothing is filtered */
            dp_set(core, addr, val & ~I82599_FDIRCMD_CMD_MASK);
            break;
        case I82599_RTTBCNRC: {
            unsigned int q = dp_reg(core, I82599_RTTDQSEL) &
                             I82599_RTTDQSEL_MASK;

            core->dp.rate[q] = val;
            core->dp.tx_next_ns[q] = 0;
            txq_process(core, q);
            break;
        }
        case I82599_RTTDT1C: {
            unsigned int idx = dp_reg(core, I82599_RTTDQSEL) &
                               I82599_RTTDQSEL_MASK;

            /* the reserved bits read as zero */
            core->dp.t1c[idx] = val & I82599_RTTDT1C_CRQ_MASK;
            trace_i82599_tx_weight(idx, core->dp.t1c[idx]);
            break;
        }
        case I82599_RTTDCS:
            dp_set(core, addr, val);
            trace_i82599_tx_arbiter(!!(val & I82599_RTTDCS_VMPAC),
                                    !!(val & I82599_RTTDCS_ARBDIS));
            break;
        case I82599_PFQDE:
            /* one queue's drop enable at a time, when WE is set */
            if (val & I82599_PFQDE_WE) {
                unsigned int q = (val & I82599_PFQDE_IDX_MASK) >>
                                 I82599_PFQDE_IDX_SHIFT;

                if (val & I82599_PFQDE_QDE) {
                    core->dp.qde[q / 64] |= BIT_ULL(q % 64);
                } else {
                    core->dp.qde[q / 64] &= ~BIT_ULL(q % 64);
                }
            }
            dp_set(core, addr, val & ~I82599_PFQDE_WE);
            break;
        }
        break;
    case DP_NONE:
        g_assert_not_reached();
    }
    return true;
}

/*
 * Life cycle
 */

void i82599_dp_init(I82599Core *core)
{
    i82599_stats_table_init();
    net_rx_pkt_init(&core->dp.rx_pkt);
    core->dp.rx_frame = g_malloc(I82599_RX_FRAME_MAX);
    /* 4 bytes of headroom in front of each for a VLAN tag */
    core->dp.tx_frame = g_malloc(I82599_TX_FRAME_MAX + 4);
    core->dp.tx_seg = g_malloc(I82599_TX_FRAME_MAX + 4);
    core->dp.tx_timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, tx_rate_timer, core);
}

void i82599_dp_uninit(I82599Core *core)
{
    net_rx_pkt_uninit(core->dp.rx_pkt);
    core->dp.rx_pkt = NULL;
    g_free(core->dp.rx_frame);
    core->dp.rx_frame = NULL;
    g_free(core->dp.tx_frame);
    g_free(core->dp.tx_seg);
    core->dp.tx_frame = NULL;
    core->dp.tx_seg = NULL;
    timer_free(core->dp.tx_timer);
    core->dp.tx_timer = NULL;
}

/* Reset values of the datapath's registers (datasheet 8.2.3) */
void i82599_dp_reset(I82599Core *core)
{
    unsigned int q;

    memset(core->dp.tx_ctx, 0, sizeof(core->dp.tx_ctx));
    memset(core->dp.qde, 0, sizeof(core->dp.qde));
    memset(core->dp.rate, 0, sizeof(core->dp.rate));
    memset(core->dp.t1c, 0, sizeof(core->dp.t1c));
    memset(core->dp.tx_next_ns, 0, sizeof(core->dp.tx_next_ns));
    if (core->dp.tx_timer) {
        timer_del(core->dp.tx_timer);
    }
    for (q = 0; q < I82599_NUM_QUEUES; q++) {
        /* 2 KB buffers, 256 byte headers, legacy descriptors */
        dp_set(core, I82599_RXQ(q, I82599_SRRCTL), 0x402);
    }
    /*
     * CRC added on transmit and stripped on receive, short frames padded:
     * ixgbe never writes these bits and relies on them (exact reset value
     * of the other bits unconfirmed)
     */
    dp_set(core, I82599_HLREG0, I82599_HLREG0_TXCRCEN |
           I82599_HLREG0_RXCRCSTRP | I82599_HLREG0_TXPADEN);
    dp_set(core, I82599_MAXFRS, 1518 << I82599_MAXFRS_MFS_SHIFT);
    dp_set(core, I82599_VLNCTRL, ETH_P_VLAN);
    dp_set(core, I82599_DMATXCTL, ETH_P_VLAN << I82599_DMATXCTL_VT_SHIFT);
    dp_set(core, I82599_RDRXCTL, I82599_RDRXCTL_DMAIDONE);
    dp_set(core, I82599_FDIRCTRL, 0);
}
