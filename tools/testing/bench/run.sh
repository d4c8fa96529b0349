#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vtnic against the card's in-tree driver (igb or ixgbe) on port A, or
# on a VF of port A (--mode vf), in one VM run.  See --help and
# Documentation/benchmark.rst.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
out=$top/build/bench

usage() {
	cat <<USAGE
usage: run.sh [options]

Boots the test VM (tools/testing/vm) once.  Port A is driven by each of
two drivers in turn, round after round (ABAB), port B by the card's
in-tree driver (igb on the 82576, ixgbe on the 82599) as the peer; each
round measures TCP both ways (iperf3) and 64-byte UDP both ways
(pktgen), and counts port A's MMIO writes (QEMU's trace), its
interrupts and the guest CPU time of port A's side.  Prints a table per
driver with the ratios driver 1 / driver 2 and the card's targets, and
keeps it in build/bench/results.rst.  Exits 0 when both drivers were
measured, whether the targets were met or not.

With --mode vf the two drivers are port A's PF driver and what is
measured is a VF of port A: each round port A gets one VF, bound to the
card's in-tree VF driver (igbvf, ixgbevf) in a namespace of its own, and
the same windows run from the VF; one more window times the VF's
mailbox requests (SET_VLAN, from the VF driver's request to the PF's
ACK) over --mbx VLAN adds and deletes.

  --card CARD      the emulated card: 82576 (default; QEMU's igb) or
                   82599 (our i82599 model, built by make qemu)
  --mode MODE      pf (default): port A itself; vf: a VF of port A
  --mbx N          VF mode: VLAN adds and deletes in the mailbox window
                   (default 60, two a second; 0 leaves the window out)
  --drivers D1,D2  the two drivers of port A: vtnic or the card's in-tree
                   one, igb or ixgbe (default vtnic,igb or vtnic,ixgbe;
                   igb,igb or ixgbe,ixgbe checks the benchmark itself)
  --rounds N       rounds of D1 then D2 (default 5, at least 3 for a
                   number worth quoting)
  --secs N         seconds per measured window (default 5)
  --burst N[,N]    pktgen burst: frames per doorbell; a list measures
                   the UDP windows once per burst (default 1 on the
                   82576, 1,32 on the 82599)
  --timeout SEC    hard limit for the VM run (default: 4 times the
                   expected run time)
  --keep-trace     keep QEMU's trace (build/bench/trace.log, large)
  -h, --help       this text
USAGE
}

card=82576 mode=pf mbx=60 drivers='' rounds=5 secs=5 burst='' timeout='' keep=0
while [ $# -gt 0 ]; do
	case "$1" in
	--card) card=$2; shift ;;
	--mode) mode=$2; shift ;;
	--mbx) mbx=$2; shift ;;
	--drivers) drivers=$2; shift ;;
	--rounds) rounds=$2; shift ;;
	--secs) secs=$2; shift ;;
	--burst) burst=$2; shift ;;
	--timeout) timeout=$2; shift ;;
	--keep-trace) keep=1 ;;
	-h|--help) usage; exit 0 ;;
	*) echo "bench: unknown option '$1'" >&2; usage >&2; exit 2 ;;
	esac
	shift
done
# Per card: the in-tree PF and VF drivers, the name of the register BAR's
# memory region in QEMU's trace (the PF's, the VF's), the QEMU binary,
# the default pktgen bursts and the issue's targets on the ratio D1/D2
# (the least throughput; the most MMIO writes per packet, at burst > 1
# and otherwise; the most interrupts per packet).  A VF's targets are
# throughput and the mailbox round trip (at most 1.0); its MMIO writes
# and interrupts have none.
case "$card" in
82576)
	ref=igb ref_vf=igbvf region=igb-mmio vf_region=igbvf-mmio qemu=qemu-system-x86_64 bursts=1 boot=15
	targets=(-v t_tput=1.0 -v t_mmio=0.5 -v t_mmio_batch=0.5 -v t_irqs=0.5)
	;;
82599)
	ref=ixgbe ref_vf=ixgbevf region=i82599-mmio vf_region=i82599vf-mmio
	qemu=$top/build/qemu/qemu-system-x86_64 bursts=1,32 boot=30
	targets=(-v t_tput=1.0 -v t_mmio=1.0 -v t_mmio_batch=0.5 -v t_irqs=1.0)
	;;
*) echo "bench: --card takes 82576 or 82599" >&2; exit 2 ;;
esac
case "$mode" in
pf) mmio_args=(-v region="$region") ;;
vf)
	mmio_args=(-v region="$vf_region" -v vf=1)
	targets=(-v mode=vf -v t_tput=1.0 -v t_mbx=1.0)
	;;
*) echo "bench: --mode takes pf or vf" >&2; exit 2 ;;
esac
if ! [[ "$mbx" =~ ^[0-9]+$ ]] || [ "$mbx" -gt 1000 ]; then
	echo "bench: --mbx takes 0 to 1000" >&2; exit 2
fi
drivers=${drivers:-vtnic,$ref} burst=${burst:-$bursts}
[[ "$drivers" =~ ^(vtnic|$ref),(vtnic|$ref)$ ]] ||
	{ echo "bench: --drivers takes D1,D2 with each vtnic or $ref on the $card" >&2; exit 2; }
[[ "$rounds" =~ ^[0-9]+$ ]] && [ "$rounds" -ge 1 ] && [ "$rounds" -le 30 ] ||
	{ echo "bench: --rounds takes 1 to 30" >&2; exit 2; }
[[ "$secs" =~ ^[0-9]+$ ]] && [ "$secs" -ge 1 ] || { echo "bench: --secs takes a whole number of seconds" >&2; exit 2; }
[[ "$burst" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "bench: --burst takes numbers >= 1, comma-separated" >&2; exit 2; }
# About $boot s to boot, and per driver and round 6 s to bind and link
# up, 2 TCP windows and 2 UDP windows per burst, each of secs plus 0.5 s;
# in VF mode 15 s more to set up the VF, and the mailbox window: 0.5 s
# per VLAN add and delete, 45 s at most.
nwin=$((2 + 2 * $(tr , '\n' <<< "$burst" | wc -l)))
per=$((6 + nwin * secs + nwin / 2))
[ "$mode" != vf ] || per=$((per + 15 + (mbx / 2 < 45 ? mbx / 2 : 45)))
[ -n "$timeout" ] || timeout=$((4 * (boot + rounds * 2 * per)))

# iperf3 goes from the host into the VM.  The benchmark is not part of
# make check, so it is installed here rather than by deps.sh.
if ! command -v iperf3 >/dev/null; then
	[ "$(id -u)" = 0 ] || { echo "bench: iperf3 is missing; install it (apt-get install iperf3)" >&2; exit 1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends iperf3 >/dev/null ||
		{ echo "bench: could not install iperf3" >&2; exit 1; }
fi

mkdir -p "$out"
rm -f "$out/guest.txt" "$out/trace.log" "$out/mmio.txt" "$out/results.rst"
start=$(date +%s)
rc=0
# The VM boots with port A on the in-tree driver; guest.sh rebinds it.
"$top/tools/testing/vm/vmtest.sh" --bench "$out" --card "$card" --pf "$ref" --vf "$ref_vf" --timeout "$timeout" \
	--append "iommu.strict=0 vtnic_bench_drivers=$drivers vtnic_bench_peer=$ref vtnic_bench_rounds=$rounds vtnic_bench_secs=$secs vtnic_bench_burst=$burst vtnic_bench_mode=$mode vtnic_bench_vfdrv=$ref_vf vtnic_bench_mbx=$mbx" ||
	rc=$?
vm_secs=$(($(date +%s) - start))
[ -f "$out/guest.txt" ] || { echo "bench: the VM left no results"; exit 1; }
tr -d '\r' < "$out/guest.txt" > "$out/guest.clean" && mv "$out/guest.clean" "$out/guest.txt"

broken=0
[ "$rc" = 0 ] || { echo "bench: the VM run failed (see above)"; broken=1; }
grep -q '^BENCH end' "$out/guest.txt" || { echo "bench: the guest did not reach its end"; broken=1; }
if ! awk "${mmio_args[@]}" -f "$here/mmio.awk" "$out/trace.log" > "$out/mmio.txt"; then
	sed 's/^/bench: MMIO count: /' "$out/mmio.txt"
	broken=1
fi
[ "$keep" = 1 ] || rm -f "$out/trace.log"

{
	echo "$card, QEMU $("$qemu" --version | awk 'NR == 1 { print $4 }') TCG, -smp 2; VM run ${vm_secs} s"
	awk "${targets[@]}" -f "$here/report.awk" "$out/mmio.txt" "$out/guest.txt" || broken=1
} > "$out/results.rst"
echo
cat "$out/results.rst"
echo
echo "bench: table in ${out#"$top"/}/results.rst, the guest's raw lines in ${out#"$top"/}/guest.txt"
exit "$broken"
