#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The vtnic selftests on a real Intel X520 (82599), for people who own
# one: see --help.  Never run by make check (there is no card in CI), and
# not yet run on a real card: written to be read.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
sel=$top/tools/testing/selftests/drivers/net/vtnic

usage()
{
	cat <<USAGE
usage: x520.sh [options] PORT_A PORT_B

Runs the vtnic PF selftests (tools/testing/selftests/drivers/net/vtnic)
on a real two-port Intel 82599 card (X520), the way the test VM runs them
on the i82599 model, and writes a report to send back.  Untested on real
hardware so far: the first reports are what will prove it.

PORT_A and PORT_B are the card's two ports, as PCI addresses (0000:03:00.0
or 03:00.0) or network interface names, cabled to each other (a
direct-attach cable, or two optics with a fibre loop).  Port A is the port
under test, port B its link partner.

It needs: root; both ports 8086:10fb (the 82599 IDs vtnic's
driver/pf/vtnic_pci.c lists); neither in use (no IP address, no route, no
VF, not in a bond or bridge, bound to ixgbe or to nothing); vtnic built in
this tree for the running kernel (make KDIR=/lib/modules/\$(uname -r)/build)
and not loaded; the in-tree ixgbe; iproute2, ethtool, ping, socat, tcpdump;
and the kernel's kselftest runner and helpers (tools/testing/ksrc.sh takes
them from Debian's linux-source-6.12; or --ksrc).

What it does, in order:
  1. card: both ports on in-tree ixgbe; records the driver and firmware
     versions and the SFP+ modules (ethtool -i, ethtool -m), and checks
     that both links come up at 10 Gb/s.  Without that link nothing else
     runs: the cable, the modules or the card is at fault, not vtnic.
  2. reference mode: port A on ixgbe, port B on ixgbe: the PF selftests,
     and (unless --skip-sriov) the SR-IOV and VF selftests with ixgbevf.
     A test that fails here fails on this card, cable or host, not
     because of vtnic (tools/testing/vm/expected-failures.txt names the
     few tests ixgbe and ixgbevf fail by their own design).
  3. vtnic mode: port A on vtnic (built in this tree), port B on ixgbe:
     the PF selftests, the list make check runs on the i82599 model
     (vtnic's SR-IOV on the 82599 is not done yet).
Each mode sets what the test VM's /init sets (tools/testing/vm/init.sh):
VTNIC_PORT_A, VTNIC_PORT_B, VTNIC_PF_DRIVER, VTNIC_VF_DRIVER=ixgbevf,
VTNIC_CARD=82599, driver_override on both ports and sriov_drivers_autoprobe
0 on port A, and runs the tests with the kernel's run_kselftest.sh.
Tests marked "# vtnic-only" run only in vtnic mode.  The tests move the
ports into network namespaces of their own, take links down, reload the
drivers and create up to 63 VFs.

On exit, also on failure or Ctrl-C, the ports go back to the drivers they
had (VFs removed, driver_override and sriov_drivers_autoprobe as they
were), and the modules this script loaded are unloaded.

What it prints: the KTAP of each run as it goes, then one line per check
(PASS, FAIL, SKIP with its reason) and "N passed, N failed, N skipped".
The report file has the kernel, its command line and IOMMU state, the card
(lspci -nn, subsystem IDs, PCIe link), the SFP+ modules, the driver
versions, every check with its reason, the kernel log since the start
filtered for vtnic, ixgbe, DMAR and WARN lines, and the KTAP of each run.
Exits 0 when nothing failed.

Options:
  --mode MODE      both (default), reference or vtnic
  --skip-sriov     no SR-IOV and VF tests in the reference mode
  --tests LIST     run only these selftests (comma-separated names)
  --report FILE    the report (default build/hw/x520-DATE.txt)
  --ksrc DIR       take run_kselftest.sh and the kselftest helpers from
                   this Linux source tree instead of tools/testing/ksrc.sh
  --force          run even when a port is in use (its addresses, routes
                   and VFs are lost and not put back) or when loading
                   vtnic would also take another unbound device
  -n, --dry-run    check everything and print the plan; change nothing
  -h, --help       this text

Known differences from the test VM, and what is done about them:
  - udev renames a new network interface right after its driver probes,
    and NetworkManager or systemd-networkd may configure it; the VM has
    neither.  The tests find a port's interface through sysfs and would
    race the rename, so while it runs a rule in /run/udev/rules.d keeps
    the kernel's names for the ports and port A's VFs and marks them
    unmanaged (NM_UNMANAGED, and ID_NET_MANAGED_BY, which systemd-networkd
    honours from version 255).  Other network managers are not kept away.
  - The modules are in this tree, not in /lib/modules: the tests'
    "modprobe vtnic" goes through tools/testing/hw/tree-modprobe.sh, which
    insmods them from the tree.
  - A real SFP+ link takes seconds to come up where the model's is up at
    once; the tests wait up to 20 s for carrier and retry their pings.
  - pf_module_reload.sh unloads the PF driver.  In the reference mode that
    is ixgbe: when ixgbe also drives another device (another X520, maybe
    the host's own network) the test is left out, and reported as SKIP.
  - The VM has 4 vCPUs; a host has more.  ixgbe offers a queue a CPU, and
    pf_reload_traffic.sh's slab tolerance is 192 kB a CPU.  Its memory
    checks were tuned in an idle VM; on a busy host they can fail without
    a leak: rerun it alone (--tests pf_reload_traffic.sh) to tell.
  - "No warning logged" checks read the whole kernel log, so a WARN from
    another driver on the host fails them too; the report's kernel log
    shows whose it was.
  - The VM boots with intel_iommu=on iommu.strict=1; the report records
    what this host has.  The PF tests do not need an IOMMU.
  - The vfmgr selftests are not run: they test the host tooling, not the
    card, and the VM runs them.
  - The 82599's other IDs (backplane, copper, the X520-T2) are not
    vtnic's: it drives the SFP+ port only.
USAGE
}

mode=both skip_sriov=0 tests_only='' report='' ksrc='' force=0 dry_run=0
ports=()
while [ $# -gt 0 ]; do
	case "$1" in
	--mode) mode=${2:-}; shift ;;
	--skip-sriov) skip_sriov=1 ;;
	--tests) tests_only=${2:-}; shift ;;
	--report) report=${2:-}; shift ;;
	--ksrc) ksrc=${2:-}; shift ;;
	--force) force=1 ;;
	-n|--dry-run) dry_run=1 ;;
	-h|--help) usage; exit 0 ;;
	-*) echo "x520: unknown option '$1'" >&2; usage >&2; exit 2 ;;
	*) ports+=("$1") ;;
	esac
	shift
done
case "$mode" in
both|reference|vtnic) ;;
*) echo "x520: --mode must be both, reference or vtnic" >&2; exit 2 ;;
esac
if [ "${#ports[@]}" -ne 2 ]; then
	echo "x520: give the two ports, PORT_A PORT_B (x520.sh --help)" >&2
	exit 2
fi

say()
{
	echo "x520: $*"
}

# Problems found before anything is changed; all are printed, then the
# script refuses to run.  problem_force: one that --force overrides.
problems=()
problem()
{
	problems+=("$*")
}

problem_force()
{
	[ "$force" = 1 ] && { say "--force: going on although $*"; return; }
	problems+=("$* (--force runs anyway)")
}

# port_addr ARG: the PCI address of a port given by address or interface
port_addr()
{
	local a

	if [ -e "/sys/bus/pci/devices/$1" ]; then
		echo "$1"
	elif [ -e "/sys/bus/pci/devices/0000:$1" ]; then
		echo "0000:$1"
	elif [ -e "/sys/class/net/$1/device" ]; then
		a=$(basename "$(readlink -f "/sys/class/net/$1/device")")
		[ -e "/sys/bus/pci/devices/$a" ] && echo "$a"
	else
		return 1
	fi
}

# pci_driver ADDR: the bound driver's name, or nothing
pci_driver()
{
	local link=/sys/bus/pci/devices/$1/driver

	[ -e "$link" ] && basename "$(readlink -f "$link")"
}

# pci_netdevs ADDR: the function's interfaces in this namespace
pci_netdevs()
{
	local d

	for d in /sys/bus/pci/devices/"$1"/net/*; do
		[ -e "$d" ] && basename "$d"
	done
}

# vtnic_ids [INFO]: the device IDs of vtnic's PCI table, those of one MAC
# bundle (vtnic_82599_info) when INFO is given
vtnic_ids()
{
	sed -n "s/.*PCI_VDEVICE(INTEL, \(0x[0-9a-fA-F]*\)).*${1:-}.*/\1/p" \
		"$top/driver/pf/vtnic_pci.c" | tr 'A-F' 'a-f'
}

# port_in_use ADDR: why the port looks in use, one reason a line
port_in_use()
{
	local addr=$1 drv dev n=0 line

	drv=$(pci_driver "$addr")
	case "$drv" in
	''|ixgbe) ;;
	*) echo "$addr is bound to $drv" ;;
	esac
	line=$(cat "/sys/bus/pci/devices/$addr/sriov_numvfs" 2>/dev/null)
	[ "${line:-0}" = 0 ] || echo "$addr has $line VFs"
	for dev in $(pci_netdevs "$addr"); do
		n=$((n + 1))
		ip -o addr show dev "$dev" |
			awk -v d="$dev" '$3 == "inet" || ($3 == "inet6" && $6 != "link") {
				print d " has address " $4 }'
		ip route show table all dev "$dev" 2>/dev/null |
			grep -Ev '^(local|broadcast|multicast|anycast) |^fe80::' |
			sed "s/^/$dev has a route: /"
		ip -6 route show table all dev "$dev" 2>/dev/null |
			grep -Ev '^(local|broadcast|multicast|anycast) |^fe80::' |
			sed "s/^/$dev has a route: /"
		[ -e "/sys/class/net/$dev/master" ] &&
			echo "$dev is enslaved to $(basename "$(readlink -f "/sys/class/net/$dev/master")")"
	done
	# ixgbe always has an interface; none here means it is in another
	# network namespace, where something put it.
	if [ "$drv" = ixgbe ] && [ "$n" = 0 ]; then
		echo "$addr's interface is in another network namespace"
	fi
}

# ------------------------------------------------------------------
# Checks: nothing is changed before all of them pass.

ids_82599=$(vtnic_ids vtnic_82599_info)
ids_all=$(vtnic_ids)
[ -n "$ids_82599" ] ||
	problem "no 82599 device ID found in driver/pf/vtnic_pci.c"

for i in 0 1; do
	if ! addr=$(port_addr "${ports[i]}"); then
		problem "'${ports[i]}' is no PCI device, nor a network interface of one"
		ports[i]=
		continue
	fi
	ports[i]=$addr
	d=/sys/bus/pci/devices/$addr
	vendor=$(cat "$d/vendor") device=$(cat "$d/device")
	if [ "$vendor" != 0x8086 ] || ! grep -qx "$device" <<< "$ids_82599"; then
		problem "$addr is ${vendor#0x}:${device#0x}, not an 82599 port vtnic drives ($(echo "$ids_82599" | sed 's/^0x/8086:/' | paste -sd' ' -))"
	fi
done
port_a=${ports[0]} port_b=${ports[1]}
if [ -n "$port_a" ] && [ "$port_a" = "$port_b" ]; then
	problem "port A and port B are the same device, $port_a"
fi
# Two ports of one card are two functions of one device
if [ -n "$port_a" ] && [ -n "$port_b" ] && [ "${port_a%.*}" != "${port_b%.*}" ]; then
	say "note: $port_a and $port_b are not two functions of one card; going on"
fi

[ "$(id -u)" = 0 ] || { [ "$dry_run" = 1 ] && say "note: not root; a real run needs root"; } ||
	problem "not root: the script rebinds drivers and loads modules"

for m in vtnic vtnicvf vtnic_lib; do
	[ -d "/sys/module/$m" ] &&
		problem "module $m is loaded: unload it first (modprobe -r vtnic vtnicvf), the tests load the tree's"
done
if [ "$mode" != reference ]; then
	kver=$(uname -r)
	for ko in driver/common/vtnic_lib.ko driver/pf/vtnic.ko; do
		if [ ! -f "$top/$ko" ]; then
			problem "$ko is not built: make KDIR=/lib/modules/$kver/build"
		elif [ "$(modinfo -F vermagic "$top/$ko" | cut -d' ' -f1)" != "$kver" ]; then
			problem "$ko is built for $(modinfo -F vermagic "$top/$ko" | cut -d' ' -f1), not the running $kver: make clean; make KDIR=/lib/modules/$kver/build"
		fi
	done
fi
modinfo ixgbe > /dev/null 2>&1 || problem "no ixgbe module for the running kernel"
if [ "$skip_sriov" = 0 ] && [ "$mode" != vtnic ]; then
	modinfo ixgbevf > /dev/null 2>&1 ||
		problem "no ixgbevf module for the running kernel (or --skip-sriov)"
fi
for t in ip ethtool ping socat tcpdump timeout modprobe insmod rmmod modinfo dmesg awk sha256sum; do
	command -v "$t" > /dev/null || problem "$t is not installed"
done

for p in $(printf '%s\n' "$port_a" "$port_b" | sort -u); do
	while IFS= read -r why; do
		[ -n "$why" ] && problem_force "$why"
	done < <(port_in_use "$p")
done
# Loading vtnic probes every device of its table that no driver has and
# no driver_override keeps away.
if [ "$mode" != reference ]; then
	for d in /sys/bus/pci/devices/*; do
		a=$(basename "$d")
		[ "$a" = "$port_a" ] || [ "$a" = "$port_b" ] && continue
		[ "$(cat "$d/vendor")" = 0x8086 ] || continue
		grep -qx "$(cat "$d/device")" <<< "$ids_all" || continue
		[ -z "$(pci_driver "$a")" ] || continue
		[ "$(cat "$d/driver_override" 2>/dev/null)" = "(null)" ] || continue
		problem_force "$a has no driver and loading vtnic would take it"
	done
fi

# The kselftest runner and helpers
if [ -z "$ksrc" ]; then
	ksrc=$top/build/ksrc
	"$top/tools/testing/ksrc.sh" "$ksrc" ||
		problem "no kselftest runner: install linux-source-6.12 or pass --ksrc"
fi
ks_files=(tools/testing/selftests/run_kselftest.sh
	tools/testing/selftests/kselftest/runner.sh
	tools/testing/selftests/kselftest/ktap_helpers.sh
	tools/testing/selftests/kselftest/prefix.pl
	tools/testing/selftests/net/lib.sh)
for f in "${ks_files[@]}"; do
	[ -f "$ksrc/$f" ] || problem "no $f in $ksrc"
done

mapfile -t all_tests < <("$top/tools/testing/vm/test-progs.sh" "$sel/Makefile")
for t in ${tests_only//,/ }; do
	printf '%s\n' "${all_tests[@]}" | grep -qxF "$t" ||
		problem "--tests: no selftest $t in $sel/Makefile"
done

if [ "${#problems[@]}" -gt 0 ]; then
	echo "x520: refusing to run; nothing was changed:" >&2
	printf '  - %s\n' "${problems[@]}" >&2
	exit 1
fi

# ------------------------------------------------------------------
# The plan

# vtnic_only TEST: the test carries the "# vtnic-only" marker (init.sh)
vtnic_only()
{
	head -n 10 "$sel/$1" | grep -qx '# vtnic-only'
}

# ixgbe_others: the devices other than the two ports that ixgbe drives
ixgbe_others()
{
	local d

	for d in /sys/bus/pci/drivers/ixgbe/0000:*; do
		[ -e "$d" ] || continue
		d=$(basename "$d")
		[ "$d" = "$port_a" ] || [ "$d" = "$port_b" ] || echo "$d"
	done
}

# plan MODE: a line for each test in MODE: "RUN test", "SKIP test reason"
# (it would run, but cannot here), "OUT test reason" (not part of the
# mode).  The PF tests are check.sh's list for vtnic on the 82599: all
# but vf_, sriov_ and vfmgr_; "# vtnic-only" tests are out, as init.sh
# leaves them out, where port A has ixgbe.
plan()
{
	local t others

	others=$(ixgbe_others | paste -sd' ' -)
	for t in "${all_tests[@]}"; do
		if [ -n "$tests_only" ] && [[ ",$tests_only," != *",$t,"* ]]; then
			continue
		fi
		case "$t" in
		vfmgr_*)
			echo "OUT $t vfmgr's tests are not run on a host (x520.sh --help)"
			continue ;;
		vf_*|sriov_*)
			if [ "$1" = vtnic ]; then
				echo "OUT $t vtnic's SR-IOV on the 82599 is not done yet"
				continue
			elif [ "$skip_sriov" = 1 ]; then
				echo "OUT $t --skip-sriov"
				continue
			fi ;;
		esac
		if [ "$1" = reference ] && vtnic_only "$t"; then
			echo "OUT $t vtnic-only, port A has ixgbe"
		elif [ "$1" = reference ] && [ "$t" = pf_module_reload.sh ] && [ -n "$others" ]; then
			echo "SKIP $t it unloads ixgbe, which also drives $others"
		else
			echo "RUN $t"
		fi
	done
}

modes=()
[ "$mode" = vtnic ] || modes+=(reference)
[ "$mode" = reference ] || modes+=(vtnic)
[ -n "$report" ] || report=$top/build/hw/x520-$(date +%Y%m%d-%H%M%S).txt

say "port A $port_a ($(pci_driver "$port_a" || echo no driver)), port B $port_b ($(pci_driver "$port_b" || echo no driver))"
# left_out MODE: the tests out of MODE, one line a reason
left_out()
{
	plan "$1" | awk '$1 == "OUT" { w = $3; for (i = 4; i <= NF; i++) w = w " " $i
			if (!(w in l)) o[n++] = w; l[w] = l[w] " " $2 }
		END { for (i = 0; i < n; i++) print "left out (" o[i] "):" l[o[i]] }'
}

for m in "${modes[@]}"; do
	say "$m mode: $(plan "$m" | awk '$1 == "RUN"' | wc -l) tests"
	plan "$m" | grep -v '^OUT ' | sed 's/^/  /'
	left_out "$m" | sed 's/^/  /'
done
say "report: $report"
if [ "$dry_run" = 1 ]; then
	say "dry run: nothing was changed"
	exit 0
fi

# ------------------------------------------------------------------
# The run.  From here on the EXIT trap puts the ports back.

work=$top/build/hw/run
results=$work/results.txt
udev_rule=/run/udev/rules.d/70-vtnic-hwtest.rules
orig_drv_a=$(pci_driver "$port_a") orig_drv_b=$(pci_driver "$port_b")
orig_ovr_a=$(cat "/sys/bus/pci/devices/$port_a/driver_override")
orig_ovr_b=$(cat "/sys/bus/pci/devices/$port_b/driver_override")
orig_autoprobe=$(cat "/sys/bus/pci/devices/$port_a/sriov_drivers_autoprobe" 2>/dev/null)
orig_netns=$(ip netns list | awk '{ print $1 }')
had_ixgbe=0 had_ixgbevf=0
[ -d /sys/module/ixgbe ] && had_ixgbe=1
[ -d /sys/module/ixgbevf ] && had_ixgbevf=1
start_s=$(date +%s)

rep()
{
	printf '%s\n' "$@" >> "$report"
}

# check STATUS NAME [REASON]: one result, on the terminal and in both files
check()
{
	printf '%-4s %s%s\n' "$1" "$2" "${3:+: $3}" | tee -a "$report" >> "$results"
	say "$1 $2${3:+ ($3)}"
}

# port_bind PORT DRIVER: PORT bound to DRIVER and only to it (driver_override,
# as init.sh sets it); true once it is, with an interface
port_bind()
{
	local addr=$1 drv=$2 d=/sys/bus/pci/devices/$1 i

	echo "$drv" > "$d/driver_override"
	if [ -e "$d/driver" ] && [ "$(pci_driver "$addr")" != "$drv" ]; then
		echo "$addr" > "$d/driver/unbind"
	fi
	if [ "$(pci_driver "$addr")" != "$drv" ]; then
		# vtnic from the tree (tree-modprobe.sh), ixgbe as installed
		PATH="$work/bin:$PATH" modprobe "$drv" || return 1
		echo "$addr" > /sys/bus/pci/drivers_probe 2>/dev/null
	fi
	for ((i = 0; i < 100; i++)); do
		[ "$(pci_driver "$addr")" = "$drv" ] && [ -n "$(pci_netdevs "$addr")" ] &&
			return 0
		sleep 0.1
	done
	say "$addr did not bind to $drv with an interface; the kernel says:"
	dmesg | grep -F "$addr" | tail -n 5 | sed 's/^/  | /'
	dmesg | grep -q 'unsupported SFP+' &&
		say "ixgbe takes only Intel's optics unless loaded with allow_unsupported_sfp=1"
	return 1
}

# udev_keep: the ports and port A's VFs keep the kernel's interface names
# and are left alone by network managers (x520.sh --help)
udev_keep()
{
	local d=/sys/bus/pci/devices/$port_a a dom bus dev fn rid off stride n i v
	# $kernel is udev's, the name the kernel gave
	# shellcheck disable=SC2016
	local keep='NAME="$kernel", ENV{NM_UNMANAGED}="1", ENV{ID_NET_MANAGED_BY}="vtnic-x520"'

	[ -d /run/udev ] || return 0
	IFS=':.' read -r dom bus dev fn <<< "$port_a"
	rid=$(((16#$bus << 8) | (16#$dev << 3) | 16#$fn))
	off=$(cat "$d/sriov_offset" 2>/dev/null) stride=$(cat "$d/sriov_stride" 2>/dev/null)
	n=$(cat "$d/sriov_totalvfs" 2>/dev/null)
	[ -n "$off" ] && [ -n "$stride" ] || n=0
	mkdir -p "$(dirname "$udev_rule")"
	{
		echo "# x520.sh (vtnic): while it runs, its ports and port A's VFs keep"
		echo "# the kernel's names and no network manager configures them"
		for a in "$port_a" "$port_b"; do
			printf 'ACTION=="add", SUBSYSTEM=="net", KERNELS=="%s", %s\n' "$a" "$keep"
		done
		for ((i = 0; i < n; i++)); do
			v=$((rid + off + i * stride))
			printf 'ACTION=="add", SUBSYSTEM=="net", KERNELS=="%s:%02x:%02x.%x", %s\n' \
				"$dom" $((v >> 8)) $(((v >> 3) & 31)) $((v & 7)) "$keep"
		done
	} > "$udev_rule"
	udevadm control --reload 2>/dev/null
	return 0
}

restored=0
restore()
{
	local a drv ovr m ns line

	[ "$restored" = 0 ] || return
	restored=1
	trap '' INT TERM HUP
	say "putting the ports back"
	for a in "$port_a" "$port_b"; do
		a=/sys/bus/pci/devices/$a/sriov_numvfs
		[ ! -e "$a" ] || [ "$(cat "$a")" = 0 ] || echo 0 > "$a"
	done
	if [ -f "$udev_rule" ]; then
		rm -f "$udev_rule"
		udevadm control --reload 2>/dev/null
	fi
	[ -z "$orig_autoprobe" ] ||
		echo "$orig_autoprobe" > "/sys/bus/pci/devices/$port_a/sriov_drivers_autoprobe"
	for a in "$port_a" "$port_b"; do
		[ -e "/sys/bus/pci/devices/$a/driver" ] &&
			echo "$a" > "/sys/bus/pci/devices/$a/driver/unbind"
	done
	for m in vtnicvf vtnic vtnic_lib; do
		[ -d "/sys/module/$m" ] && rmmod "$m"
	done
	[ "$had_ixgbevf" = 1 ] || [ ! -d /sys/module/ixgbevf ] || modprobe -r ixgbevf
	for a in "$port_a" "$port_b"; do
		if [ "$a" = "$port_a" ]; then
			drv=$orig_drv_a ovr=$orig_ovr_a
		else
			drv=$orig_drv_b ovr=$orig_ovr_b
		fi
		# "(null)" reads back for no override; a newline clears it
		[ "$ovr" = "(null)" ] && ovr=
		echo "$ovr" > "/sys/bus/pci/devices/$a/driver_override"
		if [ -n "$drv" ]; then
			modprobe "$drv"
			echo "$a" > "/sys/bus/pci/drivers/$drv/bind"
		fi
	done
	if [ "$had_ixgbe" = 0 ] && [ -d /sys/module/ixgbe ] && [ -z "$(ixgbe_others)" ] &&
		[ "$orig_drv_a" != ixgbe ] && [ "$orig_drv_b" != ixgbe ]; then
		modprobe -r ixgbe
	fi
	# Namespaces a test left behind (setup_ns names them "nsa-XXXXXX")
	for ns in $(ip netns list | awk '{ print $1 }'); do
		grep -qx "$ns" <<< "$orig_netns" && continue
		[[ "$ns" =~ ^ns[a-z]*-[A-Za-z0-9]{6}$ ]] && ip netns del "$ns"
	done
	for a in "$port_a" "$port_b"; do
		if [ "$a" = "$port_a" ]; then drv=$orig_drv_a; else drv=$orig_drv_b; fi
		if [ "$(pci_driver "$a")" = "$drv" ]; then
			line="$a: back on ${drv:-no driver}${drv:+ ($(pci_netdevs "$a" | paste -sd' ' -))}"
		else
			line="WARNING: $a is on $(pci_driver "$a" || echo no driver), it had ${drv:-none}: put it back by hand"
		fi
		say "$line"
		rep "$line"
	done
}

# ------------------------------------------------------------------

mkdir -p "$(dirname "$report")"
rm -rf "$work"
mkdir -p "$work/bin"
: > "$results"
: > "$report"
trap restore EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# The selftests in the kselftest install layout, as mkinitramfs.sh lays
# them out in the VM, and the tree's modules behind "modprobe"
ks=$work/kselftest
mkdir -p "$ks/kselftest" "$ks/net" "$ks/drivers/net/vtnic"
cp "$ksrc/tools/testing/selftests/run_kselftest.sh" "$ks/"
cp "$ksrc"/tools/testing/selftests/kselftest/{runner.sh,ktap_helpers.sh,prefix.pl} "$ks/kselftest/"
cp "$ksrc/tools/testing/selftests/net/lib.sh" "$ks/net/"
cp "$sel"/*.sh "$sel/settings" "$ks/drivers/net/vtnic/"
printf 'drivers/net/vtnic:%s\n' "${all_tests[@]}" > "$ks/kselftest-list.txt"
VTNIC_HW_MODPROBE=$(command -v modprobe)
export VTNIC_HW_MODPROBE VTNIC_HW_TREE=$top
ln -s "$here/tree-modprobe.sh" "$work/bin/modprobe"

# The newest kernel message before the run, by timestamp (as vtnic_lib.sh's
# kernel_log_mark: a line count breaks once the log buffer wraps)
dmesg_mark=$(dmesg | awk 'match($0, /^\[ *[0-9]+\.[0-9]+\]/) {
	t = substr($0, RSTART + 1, RLENGTH - 2) } END { print t + 0 }')
echo "x520.sh: start, port A $port_a, port B $port_b" > /dev/kmsg

rep "vtnic X520 hardware test report" \
	"date:     $(date -u '+%Y-%m-%d %H:%M UTC')" \
	"tree:     $(git -C "$top" describe --always --dirty 2>/dev/null || echo unknown)" \
	"command:  x520.sh --mode $mode${tests_only:+ --tests $tests_only}$([ "$skip_sriov" = 1 ] && echo ' --skip-sriov')$([ "$force" = 1 ] && echo ' --force') $port_a $port_b" \
	"kernel:   $(uname -r) $(uname -v)" \
	"cmdline:  $(cat /proc/cmdline)" \
	"iommu:    $(for f in /sys/class/iommu/*; do [ -e "$f" ] && basename "$f"; done | paste -sd' ' -) $(dmesg | grep -Em1 'DMAR: IOMMU enabled|AMD-Vi: .*enabled|iommu: Default domain type' | sed 's/^\[[^]]*\] //')" \
	"cpus:     $(nproc), $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" \
	"modules:  vtnic srcversion $(modinfo -F srcversion "$top/driver/pf/vtnic.ko" 2>/dev/null || echo '(not built)'), ixgbe $(modinfo -F filename ixgbe 2>/dev/null)" \
	""
for a in "$port_a" "$port_b"; do
	d=/sys/bus/pci/devices/$a
	rep "card $a: $(lspci -nn -s "$a" 2>/dev/null || echo "$(cat "$d/vendor"):$(cat "$d/device") (no lspci)")" \
		"  subsystem $(cat "$d/subsystem_vendor"):$(cat "$d/subsystem_device")," \
		"  PCIe link $(cat "$d/current_link_speed" 2>/dev/null) x$(cat "$d/current_link_width" 2>/dev/null) (the card's most: $(cat "$d/max_link_speed" 2>/dev/null) x$(cat "$d/max_link_width" 2>/dev/null))," \
		"  SR-IOV up to $(cat "$d/sriov_totalvfs" 2>/dev/null || echo 0) VFs"
done
rep ""

udev_keep

# Step 1: both ports on ixgbe; versions, modules, link
card_ok=1 sfp=()
say "card: both ports on ixgbe"
for a in "$port_a" "$port_b"; do
	port_bind "$a" ixgbe || card_ok=0
done
if [ "$card_ok" = 1 ]; then
	for a in "$port_a" "$port_b"; do
		dev=$(pci_netdevs "$a" | head -n 1)
		ip link set "$dev" up
	done
	for a in "$port_a" "$port_b"; do
		dev=$(pci_netdevs "$a" | head -n 1)
		for ((i = 0; i < 300; i++)); do
			ip link show dev "$dev" | grep -q LOWER_UP && break
			sleep 0.1
		done
		speed=$(ethtool "$dev" | awk '$1 == "Speed:" { print $2 }')
		# what sfp_module.sh expects in this cage, as ixgbe read it
		case "$(ethtool -m "$dev" 2>/dev/null)" in
		*"Passive Cable"*) sfp+=(da) ;;
		*"10G Base-SR"*) sfp+=(sr) ;;
		*"10G Base-LR"*) sfp+=(lr) ;;
		*) sfp+=(unknown) ;;
		esac
		rep "port $a ($dev) on ixgbe:" "$(ethtool -i "$dev" | sed 's/^/  /')" \
			"  link: $(ethtool "$dev" | awk '$1 == "Link" { print $3 }'), speed $speed" \
			"  SFP+ module (ethtool -m):" \
			"$(ethtool -m "$dev" 2>&1 | sed 's/^/    /')" ""
		if [ "$speed" != 10000Mb/s ]; then
			card_ok=0
			check FAIL "card:link $a" "no 10 Gb/s link with ixgbe within 30 s (speed ${speed:-unknown})"
		else
			check PASS "card:link $a" "10 Gb/s with ixgbe"
		fi
		ip link set "$dev" down
	done
else
	check FAIL "card:ixgbe" "in-tree ixgbe does not drive both ports"
fi

# parse_ktap FILE: "STATUS<TAB>TEST<TAB>REASON" for each result of a
# kselftest run: PASS, FAIL with the failed sub-tests or the bail-out,
# SKIP with the test's reason
parse_ktap()
{
	awk '
	{ sub(/\r$/, "") }
	/^# selftests: [^:]*: / { cur = $NF; why[cur] = ""; next }
	# A sub-test result may follow output that did not end its line
	/^# / && match($0, /not ok [0-9]+ |Bail out!/) && cur != "" && n[cur]++ < 3 {
		s = substr($0, RSTART); sub(/^not ok [0-9]+ /, "", s)
		why[cur] = why[cur] (why[cur] == "" ? "" : "; ") s
	}
	/^# 1\.\.0 # SKIP/ && cur != "" { s = $0; sub(/^# 1\.\.0 # SKIP */, "", s); why[cur] = s }
	/^(not )?ok [0-9]+ selftests: / {
		t = $0; sub(/ # .*/, "", t); n2 = split(t, w, " "); t = w[n2]
		d = ""; if (index($0, " # ")) { d = $0; sub(/^[^#]* # /, "", d) }
		if ($1 == "not") st = "FAIL"
		else if (d ~ /^SKIP/) st = "SKIP"
		else st = "PASS"
		r = why[t]
		if (st == "FAIL" && d != "") r = d (r == "" ? "" : ": " r)
		if (st == "PASS") r = ""
		printf "%s\t%s\t%s\n", st, t, r
	}' "$1"
}

# xfail_why PF TEST: the reason expected-failures.txt gives for TEST on the
# 82599 with PF and ixgbevf, if it lists it
xfail_why()
{
	awk -v pf="$1" -v t="$2" '
	/^[ \t]*(#|$)/ { next }
	($1 == "*" || $1 == pf) && ($2 == "*" || $2 == "ixgbevf") && $3 == t &&
	($4 !~ /^card=/ || $4 == "card=82599") {
		s = $0; sub(/^[^#]*# */, "", s); print s; exit }' \
		"$top/tools/testing/vm/expected-failures.txt"
}

# run_mode MODE: one mode's tests with the environment init.sh sets
run_mode()
{
	local m=$1 pf=ixgbe t st why x args=() ktap=$work/$1.ktap

	[ "$m" = vtnic ] && pf=vtnic
	say "$m mode: port A $port_a on $pf, port B $port_b on ixgbe"
	if ! port_bind "$port_b" ixgbe || ! port_bind "$port_a" "$pf"; then
		check FAIL "$m:bind" "port A does not bind to $pf or port B to ixgbe"
		return
	fi
	echo 0 > "/sys/bus/pci/devices/$port_a/sriov_drivers_autoprobe"
	rep "$m mode: port A $(pci_netdevs "$port_a" | head -n 1): $(ethtool -i "$(pci_netdevs "$port_a" | head -n 1)" |
		awk -F': ' '$1 ~ /^(driver|version|firmware-version)$/ { printf "%s %s, ", $1, $2 }')"
	left_out "$m" | while IFS= read -r line; do rep "$m mode, $line"; done
	while read -r st t why; do
		case "$st" in
		SKIP) check SKIP "$m:$t" "$why" ;;
		RUN) args+=(-t "drivers/net/vtnic:$t") ;;
		esac
	done < <(plan "$m")
	[ "${#args[@]}" -gt 0 ] || return
	export VTNIC_PORT_A=$port_a VTNIC_PORT_B=$port_b VTNIC_CARD=82599
	export VTNIC_PF_DRIVER=$pf VTNIC_VF_DRIVER=ixgbevf
	# sfp_module.sh checks the modules ixgbe identified; it skips when
	# one is of a kind it does not know
	unset VTNIC_SFP
	case "${sfp[*]}" in
	*unknown*|"") ;;
	*) export VTNIC_SFP="${sfp[0]},${sfp[1]}" ;;
	esac
	echo "x520.sh: $m mode" > /dev/kmsg
	PATH="$work/bin:$PATH" "$ks/run_kselftest.sh" "${args[@]}" 2>&1 | tee "$ktap"
	while IFS=$'\t' read -r st t why; do
		x=
		[ "$st" = FAIL ] && x=$(xfail_why "$pf" "$t")
		check "$st" "$m:$t" "$why${x:+ [listed in expected-failures.txt: $x]}"
	done < <(parse_ktap "$ktap")
	for t in "${args[@]}"; do
		[ "$t" = -t ] && continue
		t=${t#drivers/net/vtnic:}
		cut -f2 < <(parse_ktap "$ktap") | grep -qx "$t" ||
			check FAIL "$m:$t" "no result (the run stopped)"
	done
}

if [ "$card_ok" = 1 ]; then
	for m in "${modes[@]}"; do
		run_mode "$m"
	done
else
	for m in "${modes[@]}"; do
		check SKIP "$m" "no 10 Gb/s link with in-tree ixgbe: check the cable, the SFP+ modules and the card first"
	done
fi

# The kernel's messages since the start: what fails the VM's verdict
# (verdict.sh), and the tail for the report
dmesg | awk -v m="$dmesg_mark" 'match($0, /^\[ *[0-9]+\.[0-9]+\]/) {
	t = substr($0, RSTART + 1, RLENGTH - 2) + 0 } t > m + 0' > "$work/dmesg.txt"
bad='Oops|WARNING:|BUG:|Call Trace:|Kernel panic|general protection fault|UBSAN:|KASAN:|DMAR: \[DMA|DMAR: DRHD: handling fault|kmemleak: .* new suspected'
if grep -Eq "$bad" "$work/dmesg.txt"; then
	check FAIL "kernel-log" "oops, WARN, BUG, call trace or DMAR fault: see the kernel log below"
else
	check PASS "kernel-log"
fi

restore
passed=$(grep -c '^PASS' "$results") failed=$(grep -c '^FAIL' "$results")
skipped=$(grep -c '^SKIP' "$results")
rep "" "$passed passed, $failed failed, $skipped skipped in $(($(date +%s) - start_s)) s" "" \
	"kernel log since the start, vtnic, ixgbe, DMAR, IOMMU and warning lines (last 200):" \
	"$(grep -Ei 'vtnic|ixgbe|x520|DMAR|iommu|WARNING|BUG:|Oops|Call Trace|kselftest' "$work/dmesg.txt" | tail -n 200 | sed 's/^/  /')"
for m in "${modes[@]}"; do
	[ -f "$work/$m.ktap" ] || continue
	rep "" "KTAP of the $m mode:" "$(sed 's/^/  /' "$work/$m.ktap")"
done
say "$passed passed, $failed failed, $skipped skipped"
say "report: $report (please send it back, with what you saw if anything looked wrong)"
[ "$failed" = 0 ]
