#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the test VM's initramfs: busybox, the real iproute2/ethtool/ping/
# tcpdump/socat/jq binaries with their libraries, vfattack (the in-VM
# hostile VF), vfmgr and vfmgrd with pci.ids, vfiogroup, the
# in-tree igb/igbvf, ixgbe/ixgbevf and vfio modules of the 6.12 kernel,
# the modules under test, and the selftests in the kselftest install layout.
#
# usage: mkinitramfs.sh KVER MODULE_DIR KSRC_DIR OUTPUT
#   KVER        kernel release the VM boots (its /lib/modules tree is used)
#   MODULE_DIR  top of the vtnic tree, with driver/{pf,vf}/*.ko built for KVER
#               build/vfattack/vfattack, build/vfiogroup/vfiogroup,
#               build/failnth/failnth and build/vfmgr/{vfmgr,vfmgrd}
#   KSRC_DIR    the extracted linux-source files (tools/testing/ksrc.sh)
#   OUTPUT      the .cpio.gz to write
#
# VM_EXTRA_MODULES: more .ko files to add; VM_BENCH=1: add what the
# benchmark needs (iperf3, pktgen, tools/testing/bench/guest.sh as /bench.sh);
# VM_MODROOT: the root the kernel's modules are under, when not / (the
# debug kernel's, tools/testing/vm/debug-kernel.sh).
set -euo pipefail

die() { echo "mkinitramfs: $*" >&2; exit 1; }

[ $# -eq 4 ] || die "usage: mkinitramfs.sh KVER MODULE_DIR KSRC_DIR OUTPUT"
kver=$1 top=$2 ksrc=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,etc,proc,sys,dev,tmp,run,var/run,root,mnt}

# Binaries and the shared objects they load.
copy_bin() {
	local bin=$1 dest=$2 lib
	[ -x "$bin" ] || die "missing $bin"
	cp -L "$bin" "$root$dest"
	for lib in $(ldd "$bin" 2>/dev/null | grep -o '/[^ ]*'); do
		[ -e "$root$lib" ] && continue
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

copy_bin /bin/busybox /bin/busybox
# busybox provides the small tools; the real ones below must win, so they
# go in /usr/sbin and /usr/bin, which come first in PATH, and busybox gets
# no link for them at all.
real_tools="timeout date mktemp ip ss bridge devlink tc ethtool ping tcpdump socat bash modprobe insmod rmmod lsmod depmod modinfo"
for applet in $(/bin/busybox --list); do
	case " busybox $real_tools " in *" $applet "*) continue ;; esac
	ln -sf busybox "$root/bin/$applet"
done
# coreutils where busybox falls short: the kselftest runner calls
# "timeout --foreground", net/lib.sh "date +%s%3N".
for t in timeout date mktemp; do
	copy_bin "/usr/bin/$t" "/usr/bin/$t"
done

copy_bin "$(command -v bash)" /bin/bash
for t in ip bridge devlink tc ethtool; do
	copy_bin "/usr/sbin/$t" "/usr/sbin/$t"
done
copy_bin /usr/bin/ping /usr/bin/ping
# iproute2's ss: what a stalled TCP transfer is waiting for
copy_bin /usr/bin/ss /usr/bin/ss
copy_bin /usr/bin/tcpdump /usr/bin/tcpdump
copy_bin /usr/bin/socat /usr/bin/socat
copy_bin /usr/bin/kmod /usr/bin/kmod
# The hostile VF of vf_hostile.sh, built static by vmtest.sh
vfattack=$top/build/vfattack/vfattack
[ -x "$vfattack" ] || die "missing $vfattack (make -C tools/testing/vfattack)"
install -m 0755 "$vfattack" "$root/usr/bin/vfattack"
for t in modprobe insmod rmmod lsmod depmod modinfo; do
	ln -sf /usr/bin/kmod "$root/usr/sbin/$t"
done
# jq: the selftests read vfmgr's JSON with it
copy_bin /usr/bin/jq /usr/bin/jq
# The VF manager, built by vmtest.sh ("make vfmgr"), and the VFIO user
# its tests hand a VF to.  libpci names devices from pci.ids (1.3 MB,
# 0.3 MB gzipped).
copy_bin "$top/build/vfmgr/vfmgr" /usr/sbin/vfmgr
copy_bin "$top/build/vfmgr/vfmgrd" /usr/sbin/vfmgrd
copy_bin "$top/build/vfiogroup/vfiogroup" /usr/bin/vfiogroup
copy_bin "$top/build/failnth/failnth" /usr/bin/failnth
for ids in /usr/share/misc/pci.ids /usr/share/misc/pci.ids.gz; do
	[ -f "$ids" ] || continue
	mkdir -p "$root/usr/share/misc"
	cp "$ids" "$root$ids"
done

# tcpdump drops privileges to its own user.
cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/bash
tcpdump:x:104:108::/nonexistent:/usr/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
tcpdump:x:108:
GROUP
echo "vtnic-vm" > "$root/etc/hostname"

# Kernel modules: the in-tree ones the tests use, with their dependencies,
# decompressed so that busybox-free kmod needs no xz support.
modroot=${VM_MODROOT:-}
moddir=$modroot/lib/modules/$kver
vmdir=$root/lib/modules/$kver
[ -d "$moddir" ] || die "no $moddir: the $kver image is not installed"
# vfio_iommu_type1, vfio's IOMMU backend, is only a soft dependency of
# vfio: named, so that it is there however modprobe treats those.  igb
# and igbvf drive the 82576, ixgbe and ixgbevf the 82599 (with mdio, dca,
# libphy and xfrm_algo under ixgbe).
mods="igb igbvf ixgbe ixgbevf vfio-pci vfio_iommu_type1 8021q bridge veth dummy macvlan"
if [ "${VM_BENCH:-0}" = 1 ]; then
	copy_bin /usr/bin/iperf3 /usr/bin/iperf3
	install -m 0755 "$top/tools/testing/bench/guest.sh" "$root/bench.sh"
	mods+=" pktgen"
fi
root_opt=()
[ -z "$modroot" ] || root_opt=(-d "$modroot")
for m in $mods; do
	modprobe "${root_opt[@]}" -S "$kver" --show-depends "$m" | awk '$1 == "insmod" {print $2}'
done | sort -u | while read -r ko; do
	rel=${ko#*/lib/modules/"$kver"/}
	mkdir -p "$vmdir/$(dirname "$rel")"
	case "$ko" in
	*.xz) xz -dc "$ko" > "$vmdir/${rel%.xz}" ;;
	*.zst) zstd -qdc "$ko" > "$vmdir/${rel%.zst}" ;;
	*) cp "$ko" "$vmdir/$rel" ;;
	esac
done
cp "$moddir"/modules.order "$moddir"/modules.builtin* "$vmdir/" 2>/dev/null || true
mkdir -p "$vmdir/extra"
for ko in "$top"/driver/common/vtnic_lib.ko "$top"/driver/pf/vtnic.ko \
	"$top"/driver/vf/vtnicvf.ko ${VM_EXTRA_MODULES:-}; do
	[ -n "$ko" ] || continue
	[ -f "$ko" ] || die "missing $ko (run make first)"
	cp "$ko" "$vmdir/extra/"
done
depmod -b "$root" "$kver"

# Selftests in the kselftest install layout, with the kernel's helpers.
ks=$root/kselftest
sel=$top/tools/testing/selftests
mkdir -p "$ks/kselftest" "$ks/net" "$ks/drivers/net/vtnic"
cp "$ksrc"/tools/testing/selftests/run_kselftest.sh "$ks/"
cp "$ksrc"/tools/testing/selftests/kselftest/{runner.sh,ktap_helpers.sh,prefix.pl} "$ks/kselftest/"
cp "$ksrc"/tools/testing/selftests/net/lib.sh "$ks/net/"
cp "$sel"/drivers/net/vtnic/*.sh "$sel"/drivers/net/vtnic/settings "$ks/drivers/net/vtnic/"
"$here/test-progs.sh" "$sel/drivers/net/vtnic/Makefile" |
	sed 's|^|drivers/net/vtnic:|' > "$ks/kselftest-list.txt"
[ -s "$ks/kselftest-list.txt" ] || die "no TEST_PROGS found"

install -m 0755 "$here/init.sh" "$root/init"
install -m 0755 "$here/demo.sh" "$root/demo.sh"

mkdir -p "$(dirname "$out")"
(cd "$root" && find . | cpio -o -H newc --quiet) | gzip -1 > "$out.tmp"
mv "$out.tmp" "$out"
