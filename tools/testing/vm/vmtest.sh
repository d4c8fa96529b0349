#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the vtnic test VM and run selftests in it.  See --help.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
build=$top/build/vm

usage() {
	cat <<USAGE
usage: vmtest.sh [options]

Boots Linux 6.12 under QEMU (TCG) on a q35 machine with VT-d and one
emulated two-port card, port A cabled to port B, and runs the vtnic
selftests inside.  The card is an Intel 82576 (QEMU's igb) or an Intel
82599 (our i82599 model, tools/testing/qemu, built into
build/qemu/qemu-system-x86_64 first).  Exits 0 when every test passed (or
failed as tools/testing/vm/expected-failures.txt expects) and the kernel
log shows no oops, WARN, BUG, call trace or DMAR fault.

  --card CARD      the emulated card: 82576 (default) or 82599
  --pf DRIVER      PF driver on port A: vtnic (default), igb (82576) or
                   ixgbe (82599)
  --vf DRIVER      VF driver: vtnicvf (default), igbvf (82576) or
                   ixgbevf (82599)
  --tests LIST     comma-separated selftests to run (default: all)
  --sfp A,B        82599: the SFP+ modules in port A's and port B's cages,
                   each da (a passive direct-attach cable, the default),
                   sr, lr, unsupported (a Fibre Channel optic) or none;
                   the tests see it as VTNIC_SFP
  --shell          interactive: a root shell in the VM, nothing is run
  --demo           run the narrated demo instead of the tests
  --bench DIR      run the benchmark's guest side (tools/testing/bench/run.sh
                   drives this): its results go to DIR/guest.txt, QEMU's
                   trace of MMIO writes to DIR/trace.log
  --append ARGS    add ARGS to the kernel command line
  --debug-kernel   boot the debug kernel (KASAN, lockdep, kmemleak,
                   DMA-API debugging, fault injection), built and cached by
                   tools/testing/vm/debug-kernel.sh, instead of Debian's;
                   logs get a -debug suffix, the timeout is tripled
  --timeout SEC    hard limit for the whole VM run (default 900)
  --results FILE   append one "STATUS name" line per result to FILE
  --inject warn    harness check: load a module that raises a WARN
  -v, --verbose    also stream the serial console to the terminal
  -h, --help       this text

The serial log is kept in build/vm/<pf>-<vf>.log, the test stream in
build/vm/<pf>-<vf>.ktap (<pf>-<vf>-82599.* on the 82599).  QEMU with KVM:
set VTNIC_VM_ACCEL=kvm (opt-in; TCG is the default and what CI uses).
VTNIC_VM_VCPUS overrides the vCPUs (2 on the 82576, 4 on the 82599, 2
for --bench).  A guest that has not loaded the ports' drivers after
VTNIC_VM_BOOT_LIMIT seconds (300) is stopped and run once more, as is a
QEMU that crashed: both are faults of the emulation, not of the guest.
VTNIC_QEMU_DEBUG adds QEMU arguments for debugging, e.g. "-trace
enable=igb_core_vf_reset -D FILE".
USAGE
}

card=82576 pf=vtnic vf=vtnicvf tests= action=test timeout=900 results= inject= verbose=0
sfp=da,da
bench= extra_append= debug_kernel=0
while [ $# -gt 0 ]; do
	case "$1" in
	--card) card=$2; shift ;;
	--pf) pf=$2; shift ;;
	--vf) vf=$2; shift ;;
	--tests) tests=$2; shift ;;
	--sfp) sfp=$2; shift ;;
	--shell) action=shell ;;
	--demo) action=demo ;;
	--bench) action=bench bench=$2; shift ;;
	--append) extra_append=$2; shift ;;
	--debug-kernel) debug_kernel=1 ;;
	--timeout) timeout=$2; shift ;;
	--results) results=$2; shift ;;
	--inject) inject=$2; shift ;;
	-v|--verbose) verbose=1 ;;
	-h|--help) usage; exit 0 ;;
	*) echo "vmtest: unknown option '$1'" >&2; usage >&2; exit 2 ;;
	esac
	shift
done
# The in-tree drivers of each card: port B's driver and the reference
case "$card" in
82576) card_pf=igb card_vf=igbvf ;;
82599) card_pf=ixgbe card_vf=ixgbevf ;;
*) echo "vmtest: --card must be 82576 or 82599" >&2; exit 2 ;;
esac
sfp_mod='@(da|sr|lr|unsupported|none)'
shopt -s extglob
# shellcheck disable=SC2053 # $sfp_mod is a pattern
if [[ $sfp != $sfp_mod,$sfp_mod ]]; then
	echo "vmtest: --sfp takes two of da, sr, lr, unsupported, none: A,B" >&2; exit 2
fi
if [ "$sfp" != da,da ] && [ "$card" != 82599 ]; then
	echo "vmtest: --sfp is for the 82599's cages" >&2; exit 2
fi
case "$pf" in vtnic|"$card_pf") ;; *) echo "vmtest: --pf must be vtnic or $card_pf on the $card" >&2; exit 2 ;; esac
case "$vf" in vtnicvf|"$card_vf") ;; *) echo "vmtest: --vf must be vtnicvf or $card_vf on the $card" >&2; exit 2 ;; esac
case "$inject" in ""|warn) ;; *) echo "vmtest: --inject takes only 'warn'" >&2; exit 2 ;; esac

[ -n "${VTNIC_SKIP_DEPS:-}" ] || "$here/deps.sh"

modroot=
if [ "$debug_kernel" = 1 ]; then
	dk=$("$here/debug-kernel.sh" | tail -n 1)
	kernel=$dk/bzImage kver=$(cat "$dk/kernelrelease")
	kdir=$dk/build modroot=$dk/mods
	timeout=$((timeout * 3))
else
	kernel=$(ls -v /boot/vmlinuz-6.12.*-amd64 2>/dev/null | tail -n 1)
	[ -n "$kernel" ] || { echo "vmtest: no /boot/vmlinuz-6.12.*-amd64 (tools/testing/vm/deps.sh installs it)" >&2; exit 1; }
	kver=${kernel#/boot/vmlinuz-}
	kdir=/lib/modules/$kver/build
fi

mkdir -p "$build"
if [ "$card" = 82599 ]; then
	# QEMU with the i82599 model, brought up to date ("make qemu"; an
	# incremental build, nothing to do when the model is unchanged).
	# Its compiler output goes to a log, shown only when it fails.
	qlog=$build/qemu-build.log
	if ! "$top/tools/testing/qemu/build.sh" > "$qlog" 2>&1; then
		tail -n 30 "$qlog" | sed 's/^/  | /'
		echo "vmtest: building QEMU with the i82599 model failed (log: ${qlog#"$top"/})" >&2
		exit 1
	fi
	tail -n 1 "$qlog" | sed "s|$top/||"
fi
make -s -C "$top" modules KDIR="$kdir"
# The in-VM attacker the hostile-VF test runs (static, for busybox)
make -s -C "$top/tools/testing/vfattack"
# The VF manager, build/vfmgr/{vfmgr,vfmgrd}, for vfmgr's selftests, and
# the VFIO user they give a VF to
make -s -C "$top" vfmgr
make -s -C "$top/tools/testing/vfiogroup"
# The fault injector of pf_fault_inject.sh (static, for busybox)
make -s -C "$top/tools/testing/failnth"
extra=
if [ "$inject" = warn ]; then
	make -s -C "$kdir" M="$here/harness" modules
	extra=$here/harness/vtnic_harness_warn.ko
fi
"$top/tools/testing/ksrc.sh" "$top/build/ksrc"
name=$pf-$vf vm_bench=0
[ "$card" = 82576 ] || name+=-$card
[ "$sfp" = da,da ] || name+=-${sfp/,/-}
[ "$debug_kernel" = 0 ] || name+=-debug
if [ "$action" = bench ]; then
	name=bench vm_bench=1
	[ "$card" = 82576 ] || name+=-$card
fi
initrd=$build/initramfs-$name.cpio.gz
VM_BENCH=$vm_bench VM_EXTRA_MODULES=$extra VM_MODROOT=$modroot "$here/mkinitramfs.sh" "$kver" "$top" "$top/build/ksrc" "$initrd"

log=$build/$name.log
ktap=$build/$name.ktap
: > "$log"
: > "$ktap"

accel=${VTNIC_VM_ACCEL:-tcg}
append="console=ttyS0 intel_iommu=on iommu.strict=1 panic=-1 oops=panic"
append+=" vtnic_card=$card vtnic_pf=$pf vtnic_vf=$vf vtnic_action=$action"
[ "$card" != 82599 ] || append+=" vtnic_sfp=$sfp"
[ -z "$tests" ] || append+=" vtnic_tests=$tests"
[ -z "$inject" ] || append+=" vtnic_inject=$inject"
[ "$debug_kernel" = 0 ] || append+=" vtnic_debug=1"
[ -z "$extra_append" ] || append+=" $extra_append"

# One card, two ports, one cable: both ports sit on one hub, and nothing
# else is on it (no user networking, no tap).  QEMU's igb is one port per
# device, each behind its own root port (port A 01:00.0, port B 02:00.0);
# the 82599 is one dual-port device, its ports functions 0 and 1 of one
# slot (port A 01:00.0, port B 01:00.1).
#
# The 82599's in-tree driver sizes its RSS queues by the CPUs it sees:
# four vCPUs give it the four queues rss_spread.sh spreads flows over.
# The benchmark has two vCPUs on either card, port A's side on CPU 0 and
# port B's on CPU 1 (tools/testing/bench/guest.sh).
if [ "$card" = 82599 ]; then
	qemu_bin=$top/build/qemu/qemu-system-x86_64
	vcpus=4
	card_devs=(-device pcie-root-port,id=rp_a,chassis=1,slot=1
		-device i82599,bus=rp_a,addr=0.0,multifunction=on,netdev=cable_a,mac=52:54:00:99:00:0a,sfp=${sfp%,*}
		-device i82599,bus=rp_a,addr=0.1,netdev=cable_b,mac=52:54:00:99:00:0b,sfp=${sfp#*,})
else
	qemu_bin="qemu-system-x86_64"
	vcpus=2
	card_devs=(-device pcie-root-port,id=rp_a,chassis=1,slot=1
		-device pcie-root-port,id=rp_b,chassis=2,slot=2
		-device igb,bus=rp_a,netdev=cable_a,mac=52:54:00:76:00:0a
		-device igb,bus=rp_b,netdev=cable_b,mac=52:54:00:76:00:0b)
fi
[ "$action" != bench ] || vcpus=2
vcpus=${VTNIC_VM_VCPUS:-$vcpus}
qemu=("$qemu_bin" -nodefaults -no-reboot
	-machine q35 -accel "$accel" -cpu max -smp $vcpus -m 2048
	-device intel-iommu,intremap=on
	-netdev hubport,id=cable_a,hubid=0
	-netdev hubport,id=cable_b,hubid=0
	"${card_devs[@]}"
	-device isa-debug-exit,iobase=0xf4,iosize=0x04
	-kernel "$kernel" -initrd "$initrd" -append "$append"
	-display none)

if [ "$action" = shell ]; then
	exec "${qemu[@]}" -serial mon:stdio
fi
if [ "$action" = demo ] || [ "$action" = bench ]; then
	if [ "$action" = demo ]; then
		# The console goes to the log; the demo's narration, on the
		# second serial port, to the terminal.
		second=(-chardev stdio,id=demo -serial chardev:demo)
	else
		# The guest's results go to the second serial port.  QEMU
		# logs every MMIO write; the guest brackets each measured
		# window by writing a marker byte to an isa-debugcon port,
		# which shows in the same trace (see tools/testing/bench).
		mkdir -p "$bench"
		second=(-chardev file,id=bench,path="$bench/guest.txt" -serial chardev:bench
			-chardev null,id=marks -device isa-debugcon,iobase=0xe9,chardev=marks
			-trace enable=memory_region_ops_write -D "$bench/trace.log")
	fi
	echo "vmtest: booting the $action VM (kernel log: ${log#"$top"/})"
	rc=0
	timeout --foreground "$timeout" "${qemu[@]}" ${VTNIC_QEMU_DEBUG:-} -serial file:"$log" "${second[@]}" </dev/null || rc=$?
	case "$rc" in
	1) ;;
	3) echo "vmtest: the $action failed"; exit 1 ;;
	*) echo "vmtest: the $action VM did not finish (QEMU exit $rc); last console lines:"
	   tail -n 40 "$log" | sed 's/^/  | /'
	   exit 1 ;;
	esac
	exec "$here/verdict.sh" --kernel-only --card "$card" "$log" /dev/null "$pf" "$vf" "$here/expected-failures.txt"
fi

echo "vmtest: booting $kver, $card, port A: $pf, VF driver: $vf ($action), log: ${log#"$top"/}"
# The line init.sh prints once both ports' drivers are loaded
boot_mark="vtnic-vm: $card: port A "
boot_limit=${VTNIC_VM_BOOT_LIMIT:-300}
[ "$debug_kernel" = 0 ] || boot_limit=$((boot_limit * 3))

# run_vm: one run of the VM; rc gets QEMU's exit status, 125 when the
# guest did not get as far as boot_mark within boot_limit seconds (QEMU
# is stopped then)
run_vm()
{
	local pid t

	rc=0
	if [ "$verbose" = 1 ]; then
		timeout --foreground "$timeout" "${qemu[@]}" -serial stdio \
			-chardev file,id=ktap,path="$ktap" -serial chardev:ktap </dev/null | tee "$log" || rc=${PIPESTATUS[0]}
		return
	fi
	: > "$log"
	# QEMU runs in its own directory with core dumps on (the guest's
	# RAM left out of them), so that a crash of QEMU or of our model
	# leaves a core that qemu_backtrace turns into a backtrace.
	rm -rf "$coredir"
	mkdir -p "$coredir"
	(cd "$coredir" && ulimit -c unlimited &&
	 exec timeout --foreground "$timeout" "${qemu[@]}" ${VTNIC_QEMU_DEBUG:-} \
		-machine dump-guest-core=off -serial file:"$log" \
		-chardev file,id=ktap,path="$ktap" -serial chardev:ktap </dev/null) &
	pid=$!
	for ((t = 0; t < boot_limit; t++)); do
		grep -aq "$boot_mark" "$log" 2>/dev/null && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 1
	done
	if ! grep -aq "$boot_mark" "$log" 2>/dev/null && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		rc=125
		return
	fi
	wait "$pid" || rc=$?
}

# qemu_backtrace: after QEMU crashed, the backtraces of its threads from
# the core it left (when the kernel wrote one into coredir and gdb is
# here), saved beside the log as LOG.bt; the crashing thread's frames are
# printed.
qemu_backtrace()
{
	local core

	core=$(ls "$coredir"/core* 2>/dev/null | head -n 1)
	if [ -z "$core" ] || ! command -v gdb > /dev/null; then
		echo "vmtest: no core from QEMU (core_pattern: $(cat /proc/sys/kernel/core_pattern 2>/dev/null))"
		return
	fi
	gdb -batch -nx -ex bt -ex "thread apply all bt" "$(command -v "$qemu_bin")" "$core" \
		> "$1.bt" 2>&1 || true
	echo "vmtest: QEMU's backtrace (all threads in ${1#"$top"/}.bt):"
	sed -n '/^#[0-9]/p' "$1.bt" | head -n 20 | sed 's/^/  | /'
	rm -rf "$coredir"
}

coredir=$build/core-$name
run_vm
# SIGABRT or SIGSEGV is QEMU itself crashing (multi-threaded TCG has been
# seen to fail an assertion in iotlb_to_section while a VF's BAR is
# remapped, and in ramblock_ptr during VF reloads, and to segfault while
# the guest enables the 82599's 63 VFs, on a loaded machine; the backtrace
# of that segfault led to tools/testing/qemu/patches/0001-*, a vCPU using
# a freed FlatView, and the assertions may be the same race): no verdict
# on the guest.  Run once more, keeping the first log and printing the
# backtrace; a crash the guest provokes repeats and fails the run.
#
# A boot that stops before the ports' drivers are loaded is the same kind
# of fault: a TCG vCPU that stopped running (seen as an RCU stall of
# CPU 1 right after the kernel started init, with modprobe igb blocked
# behind it, on a loaded machine).  Treated the same way.
if [ "$rc" = 134 ] || [ "$rc" = 139 ]; then
	mv "$log" "$log.crashed"
	echo "vmtest: QEMU crashed (exit $rc, log kept as ${log#"$top"/}.crashed)"
	qemu_backtrace "$log.crashed"
	echo "vmtest: running the VM once more"
	run_vm
elif [ "$rc" = 125 ]; then
	mv "$log" "$log.hung"
	echo "vmtest: the guest did not load the ports' drivers within ${boot_limit}s (log kept as ${log#"$top"/}.hung); running the VM once more"
	run_vm
fi

finished=1
if [ "$rc" = 125 ]; then
	echo "vmtest: the guest did not load the ports' drivers within ${boot_limit}s, twice; last console lines:"
	tail -n 40 "$log" | sed 's/^/  | /'
	finished=0
elif [ "$rc" = 124 ]; then
	echo "vmtest: TIMEOUT after ${timeout}s; last console lines:"
	tail -n 40 "$log" | sed 's/^/  | /'
	finished=0
elif [ "$rc" != 1 ]; then
	# 1 is isa-debug-exit with 0: the guest reached its end.
	echo "vmtest: the VM did not finish its run (QEMU exit $rc); last console lines:"
	tail -n 40 "$log" | sed 's/^/  | /'
	[ "$rc" != 134 ] && [ "$rc" != 139 ] || qemu_backtrace "$log"
	finished=0
fi
rm -rf "$coredir"

# Tests the guest left out (vtnic-only tests on another PF driver).
grep -a 'vtnic-vm: leaving out ' "$log" | tr -d '\r' | sed 's/^.*vtnic-vm: /vmtest: /' || true

finished_flag=()
[ "$finished" = 1 ] || finished_flag=(--unfinished)
[ "$sfp" = da,da ] || finished_flag+=(--variant "sfp=$sfp")
exec "$here/verdict.sh" "${finished_flag[@]}" --card "$card" "$log" "$ktap" "$pf" "$vf" "$here/expected-failures.txt" "$results"
