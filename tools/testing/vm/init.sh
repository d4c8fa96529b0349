#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# /init of the vtnic test VM.  Sets up the card's two ports (port A with
# the PF driver under test, port B with the card's in-tree driver, igb or
# ixgbe, as the link partner), then runs the selftests, the demo or a
# shell, as the kernel command line says:
#
#   vtnic_card=82576|82599
#   vtnic_pf=vtnic|igb|ixgbe  vtnic_vf=vtnicvf|igbvf|ixgbevf
#   vtnic_action=test|demo|bench|shell  vtnic_tests=a.sh,b.sh (default: all)
#   vtnic_inject=warn  (harness check: load a module that WARNs)
#   vtnic_debug=1  (the debug kernel: longer test timeouts, and a kmemleak
#                   scan once the tests are done and the modules unloaded)
#
# The end of a run is reported through isa-debug-exit (port 0xf4): QEMU
# exits with status 1 when the guest wrote 0 there, i.e. it got to the end.

export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
# devtmpfs has no /dev/fd or /dev/std*; the kselftest runner writes to
# /dev/stdout.
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
hostname vtnic-vm
ip link set lo up

vtnic_card=82576 vtnic_pf=igb vtnic_vf=igbvf vtnic_action=test vtnic_tests= vtnic_inject=
vtnic_sfp= vtnic_debug=0
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	vtnic_*=*) eval "${arg%%=*}=\${arg#*=}" ;;
	esac
done

# vm_exit [STATUS]: end the run; QEMU exits with (STATUS << 1) | 1, so 1
# means the guest reached its end with status 0.
vm_exit() {
	sync
	printf "\\x$(printf %02x "${1:-0}")" | dd of=/dev/port bs=1 seek=244 count=1 2>/dev/null
	poweroff -f
}

say() { echo "vtnic-vm: $*"; }

# The card's PF device ID and its in-tree PF driver, port B's
case "$vtnic_card" in
82599) pf_id=0x10fb b_drv=ixgbe ;;
*) pf_id=0x10c9 b_drv=igb ;;
esac

# The two emulated ports, in PCI order: the first is port A (82576:
# 01:00.0 and 02:00.0, one root port each; 82599: functions 0 and 1 of
# 01:00).
ports=()
for d in /sys/bus/pci/devices/*; do
	[ "$(cat "$d/vendor")" = 0x8086 ] && [ "$(cat "$d/device")" = "$pf_id" ] &&
		ports+=("$(basename "$d")")
done
if [ "${#ports[@]}" -ne 2 ]; then
	say "expected two $vtnic_card ports, found ${#ports[@]}: ${ports[*]}"
	echo "Bail out! VM has no two-port card"
	vm_exit
fi
export VTNIC_PORT_A=${ports[0]} VTNIC_PORT_B=${ports[1]}
export VTNIC_PF_DRIVER=$vtnic_pf VTNIC_VF_DRIVER=$vtnic_vf
export VTNIC_CARD=$vtnic_card
# The 82599's SFP+ modules, port A's and port B's (vmtest.sh --sfp)
[ -z "$vtnic_sfp" ] || export VTNIC_SFP=$vtnic_sfp

# Each port binds only the driver named here; VFs bind only when a test
# asks (driver_override), so the VF driver under test is never raced by
# an automatic probe.
echo "$vtnic_pf" > "/sys/bus/pci/devices/$VTNIC_PORT_A/driver_override"
echo "$b_drv" > "/sys/bus/pci/devices/$VTNIC_PORT_B/driver_override"
echo 0 > "/sys/bus/pci/devices/$VTNIC_PORT_A/sriov_drivers_autoprobe"
modprobe "$b_drv"
modprobe "$vtnic_pf"
say "$vtnic_card: port A $VTNIC_PORT_A: $vtnic_pf, port B $VTNIC_PORT_B: $b_drv, VF driver: $vtnic_vf"

if [ "$vtnic_inject" = warn ]; then
	say "harness check: loading a module that WARNs"
	modprobe vtnic_harness_warn
fi

case "$vtnic_action" in
shell)
	say "interactive shell; 'exit' powers the VM off"
	setsid cttyhack bash -l
	poweroff -f
	;;
demo|bench)
	# The demo's narration or the benchmark's results go to the second
	# serial port, which the host shows or reads.
	bash "/$vtnic_action.sh" 2>&1 | tee /dev/ttyS1
	vm_exit "${PIPESTATUS[0]}"
	;;
esac

cd /kselftest || exit 1
# A test with a line "# vtnic-only" in its first lines tests what only
# vtnic has (a module parameter, an ndo igb lacks): it runs only when port
# A has vtnic, and is left out of the run otherwise.
vtnic_only() {
	[ "$vtnic_pf" != vtnic ] &&
		head -n 10 "drivers/net/vtnic/$1" 2>/dev/null | grep -qx '# vtnic-only'
}
# A test with a line "# card: CARD" there tests what only that card has
# (the 82599's module cages): it runs only on that card.
other_card() {
	local only

	only=$(head -n 10 "drivers/net/vtnic/$1" 2>/dev/null | sed -n 's/^# card: //p')
	[ -n "$only" ] && [ "$only" != "$vtnic_card" ]
}
# A test with a line "# debug-kernel" there needs what only the debug
# kernel has (fault injection): it runs only on that kernel.
debug_only() {
	[ "$vtnic_debug" = 0 ] &&
		head -n 10 "drivers/net/vtnic/$1" 2>/dev/null | grep -qx '# debug-kernel'
}
if [ -n "$vtnic_tests" ]; then
	tests=${vtnic_tests//,/ }
else
	tests=$(sed -n 's|^drivers/net/vtnic:||p' kselftest-list.txt)
fi
args=()
for t in $tests; do
	if vtnic_only "$t"; then
		say "leaving out $t: vtnic-only, port A has $vtnic_pf"
		continue
	fi
	if other_card "$t"; then
		say "leaving out $t: not for the $vtnic_card"
		continue
	fi
	if debug_only "$t"; then
		say "leaving out $t: for the debug kernel"
		continue
	fi
	args+=(-t "drivers/net/vtnic:$t")
done
# The KTAP stream goes to the console and, clean of kernel messages, to
# the second serial port, which the host parses.
if [ "${#args[@]}" -eq 0 ]; then
	say "no test left to run"
	printf 'TAP version 13\n1..0\n' | tee /dev/ttyS1
else
	# KASAN, lockdep and TCG together make a test up to three times
	# slower than the settings file's timeout allows for, and the
	# fault injection test runs hundreds of reconfigurations.
	[ "$vtnic_debug" = 0 ] || args+=(--override-timeout 1800)
	./run_kselftest.sh "${args[@]}" 2>&1 | tee /dev/ttyS1
fi
say "tests finished"
if [ "$vtnic_debug" = 1 ] && [ -w /sys/kernel/debug/kmemleak ]; then
	# What the drivers under test leaked is unreferenced once they are
	# gone; two scans, as kmemleak reports an object only when it has
	# stayed unreferenced across one.  A leak is reported in the kernel
	# log ("kmemleak: N new suspected memory leaks"), which fails the
	# run; the objects are listed for the reader.
	modprobe -r vtnicvf "$vtnic_vf" 2>/dev/null
	echo 0 > "/sys/bus/pci/devices/$VTNIC_PORT_A/sriov_numvfs" 2>/dev/null
	modprobe -r "$vtnic_pf" vtnic 2>/dev/null
	echo scan > /sys/kernel/debug/kmemleak
	sleep 5
	echo scan > /sys/kernel/debug/kmemleak
	cat /sys/kernel/debug/kmemleak
	say "kmemleak scan done"
fi
vm_exit
