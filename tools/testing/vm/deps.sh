#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install what building and testing vtnic needs, from Debian bookworm and
# bookworm-backports.  Idempotent: when everything is present it does not
# touch apt at all.  Installing needs root (CI and the developers' machines
# run as root).
set -euo pipefail

die() { echo "deps: $*" >&2; exit 1; }

# Packages from bookworm itself.
BASE_PKGS=(
	build-essential bc bison flex libelf-dev libssl-dev kmod cpio xz-utils
	busybox-static iproute2 ethtool socat iputils-ping tcpdump
	sparse libcmocka-dev pkg-config
	# tools/testing/dkms-check.sh builds the tree as a DKMS package
	dkms
	# the scripts for real cards are linted, not run: tools/testing/checkpatch.sh
	shellcheck
	# vfmgr: rtnetlink, JSON, module loading; jq reads its JSON in the
	# selftests; systemd-analyze checks vfmgrd.service in make unit
	libmnl-dev libjson-c-dev libkmod-dev jq systemd
	# vfmgr's unit tests: virt-xml-validate checks "vfmgr export libvirt",
	# bash-completion's helpers run its completion
	libvirt-clients bash-completion
	# vfmgrd_systemd_test.sh boots systemd in a container on a bookworm
	# minbase root it debootstraps once (systemd-nspawn: BPO_PKGS)
	debootstrap
	# clang 14 and its libFuzzer and sanitizer runtimes: tools/testing/fuzz
	clang libclang-rt-14-dev
	# the i82599 model's QEMU build: tools/testing/qemu/build.sh
	ninja-build libglib2.0-dev libpixman-1-dev libfdt-dev python3-venv patch
)
# Packages that must come from bookworm-backports.  libudev-dev must match
# the backported libudev1 these machines have, and libpci-dev depends on
# it, so both go through -t bookworm-backports.  QEMU 10's build wants
# meson >= 1.5 and pycotap, which bookworm has only in backports.
# systemd-container (systemd-nspawn, machinectl) must match the backported
# systemd exactly.
BPO_PKGS=(qemu-system-x86 linux-image-amd64 linux-headers-amd64 linux-source-6.12
	libudev-dev libpci-dev meson python3-pycotap systemd-container)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
have_612() {
	compgen -G '/boot/vmlinuz-6.12.*-amd64' >/dev/null &&
	compgen -G '/usr/src/linux-headers-6.12.*-amd64' >/dev/null
}
have_61() { compgen -G '/usr/src/linux-headers-6.1.0-*-amd64' >/dev/null; }
have_qemu_igb() {
	command -v qemu-system-x86_64 >/dev/null &&
	qemu-system-x86_64 -device help 2>/dev/null | grep -q '"igb"'
}

missing=()
for p in "${BASE_PKGS[@]}" "${BPO_PKGS[@]}"; do
	installed "$p" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ] && have_612 && have_61 && have_qemu_igb; then
	exit 0
fi

[ "$(id -u)" = 0 ] ||
	die "missing: ${missing[*]:-6.1/6.12 kernel headers or QEMU with igb}; run this script as root to install them"
command -v apt-get >/dev/null ||
	die "not a Debian system: install QEMU >= 8.2, a Linux 6.12 image with headers, 6.1 headers, busybox-static, iproute2, ethtool, socat, sparse, cmocka, clang with libFuzzer, jq, systemd-analyze, virt-xml-validate (libvirt), bash-completion and the development files of libudev, libpci, libmnl, libkmod and json-c by hand"

# Enable bookworm-backports on the same URI as bookworm.
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	f=/etc/apt/sources.list.d/debian.sources
	if [ -f "$f" ] && grep -Eq '^Suites:(.* )?bookworm( |$)' "$f"; then
		# deb822: extend the stanza whose Suites carry plain "bookworm"
		# (not bookworm-security), so the new suite shares its URI.
		sed -Ei '/^Suites:(.* )?bookworm( |$)/ s/$/ bookworm-backports/' "$f"
	else
		uri=$(awk '$1=="deb" && $3=="bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
		[ -n "$uri" ] || die "no bookworm apt source found to add bookworm-backports beside"
		echo "deb $uri bookworm-backports main" > /etc/apt/sources.list.d/bookworm-backports.list
	fi
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || die "apt-get update failed"
apt-get install -y -qq --no-install-recommends "${BASE_PKGS[@]}" >/dev/null ||
	die "could not install: ${BASE_PKGS[*]}"
apt-get install -y -qq --no-install-recommends -t bookworm-backports "${BPO_PKGS[@]}" >/dev/null ||
	die "could not install from bookworm-backports: ${BPO_PKGS[*]}"

# Debian's 6.1 headers: the exact package bookworm's 6.1 metapackage names.
if ! have_61; then
	v61=$(apt-cache madison linux-headers-amd64 | awk '$3 ~ /^6\.1\./ {print $3; exit}')
	[ -n "$v61" ] || die "bookworm offers no 6.1 linux-headers-amd64"
	hdr=$(apt-cache depends "linux-headers-amd64=$v61" | awk '/Depends: linux-headers-6\.1/ {print $2; exit}')
	[ -n "$hdr" ] || die "cannot resolve the 6.1 headers package of linux-headers-amd64=$v61"
	apt-get install -y -qq --no-install-recommends "$hdr" >/dev/null || die "could not install $hdr"
fi

have_612 || die "Linux 6.12 image or headers still missing after the install"
have_61 || die "Linux 6.1 headers still missing after the install"
have_qemu_igb || die "QEMU has no igb device: the bookworm-backports qemu-system-x86 is needed"
echo "deps: installed ${missing[*]:-kernel headers}"
