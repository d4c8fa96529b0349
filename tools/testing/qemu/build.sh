#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build QEMU 10.0.2 (Debian's +ds source) with our i82599 model in it and
# put the binary at build/qemu/qemu-system-x86_64 ("make qemu").
#
# The unpacked and configured source tree is cached outside the clone,
# keyed by the tarball's hash and by this script, so that a model change
# is an incremental ninja run and nothing changed is no compile at all.
# The fixes to QEMU in patches/ are applied when the tree is unpacked.
# The model's files are copied into hw/net/ only when they differ, so
# ninja sees exactly what changed.  The model is held to QEMU's coding
# style by QEMU's scripts/checkpatch.pl.  Concurrent runs are serialised.
#
# usage: build.sh [OUT]   (OUT defaults to build/qemu in the checkout)
# VTNIC_CACHE overrides the cache directory.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
out=${1:-$top/build/qemu}
cache=${VTNIC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vtnic}

version=10.0.2
tarball=qemu_$version+ds.orig.tar.xz
sha=0901da33844a331bf8b3602b9c1fbd178e60b737c8e3ade678255bd090c9b9f1
# Debian ships the source in bookworm-backports only, from the archive
# this machine's apt already uses for bookworm
apt_uri()
{
	local f=/etc/apt/sources.list.d/debian.sources

	if [ -f "$f" ]; then
		# deb822: the URIs of the stanza whose Suites carry bookworm
		awk '/^URIs:/ { uri = $2 }
			/^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") found = 1 }
			/^$/ { if (found && uri) { print uri; exit } uri = ""; found = 0 }
			END { if (found && uri) print uri }' "$f" | head -n 1
	else
		awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' \
			/etc/apt/sources.list 2>/dev/null
	fi
}

die() { echo "qemu-build: $*" >&2; exit 1; }

mkdir -p "$cache" "$out"
exec 9> "$cache/qemu.lock"
flock 9

# Our fixes to QEMU itself (not the model), applied at unpacking: part
# of the key, so a changed patch is a fresh tree
patches=("$here"/patches/*.patch)
key=$(cat <(echo "$sha") "$0" "${patches[@]}" | sha256sum | cut -c1-16)
tree=$cache/qemu-$version-$key

# The tarball, through apt from a private source list (the system's apt
# sources are left alone).  apt fetches the .orig tarball, then fails on
# the .dsc and the debian.tar.xz that the archive no longer has, so its
# exit status says nothing: the hash decides.
fetch()
{
	local dl=$cache/dl apt=$cache/apt
	local f=$dl/$tarball

	[ -f "$f" ] && echo "$sha  $f" | sha256sum -c --status && return 0
	command -v apt-get >/dev/null || die "no apt-get: put $tarball (sha256 $sha) in $dl"
	local uri
	uri=$(apt_uri)
	[ -n "$uri" ] || die "no bookworm apt source to take the QEMU source from"
	local apt_src="deb-src $uri bookworm-backports main"
	mkdir -p "$dl" "$apt/lists/partial"
	echo "$apt_src" > "$apt/src.list"
	local opts=(-o "Dir::Etc::SourceList=$apt/src.list" -o Dir::Etc::SourceParts=/dev/null
		    -o "Dir::State::Lists=$apt/lists" -o APT::Sandbox::User=root)
	apt-get -qq "${opts[@]}" update || die "apt-get update of '$apt_src' failed"
	(cd "$dl" && apt-get -qq "${opts[@]}" source --download-only qemu \
		> "$apt/source.log" 2>&1) || true
	[ -f "$f" ] || die "apt did not fetch $tarball (see $apt/source.log)"
	echo "$sha  $f" | sha256sum -c --status || die "$f: sha256 is not $sha"
}

# Unpack, wire the model into hw/net, configure.  Done once per key, in
# place (a meson build directory cannot be moved); .ready marks it done.
prepare()
{
	local tmp=$tree

	fetch
	echo "qemu-build: unpacking and configuring QEMU $version in $tree"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	tar -xJf "$cache/dl/$tarball" -C "$tmp" --strip-components=1
	for p in "${patches[@]}"; do
		patch -d "$tmp" -p1 -s --no-backup-if-mismatch < "$p" ||
			die "${p##*/} does not apply"
	done
	# The +ds tarball has no firmware blobs to unpack
	sed -i '/^unpack_edk2_blobs = false$/a edk2_targets = []' "$tmp/meson.build"
	grep -q '^edk2_targets = \[\]$' "$tmp/meson.build" || die "meson.build: edk2 switch not found"
	cp "$tmp/hw/net/trace-events" "$tmp/hw/net/trace-events.qemu"
	cat >> "$tmp/hw/net/Kconfig" <<-'EOF'

	config I82599
	    bool
	    default y if PCI_DEVICES || PCIE_DEVICES
	    depends on PCI_EXPRESS && MSI_NONBROKEN
	EOF
	cat >> "$tmp/hw/net/meson.build" <<-'EOF'
	system_ss.add(when: 'CONFIG_I82599', if_true: files('i82599.c', 'i82599_core.c',
	  'i82599_dp.c', 'i82599_vt.c', 'i82599vf.c', 'net_tx_pkt.c', 'net_rx_pkt.c'))
	EOF
	# Empty placeholders until the first sync, so configure sees the files
	touch "$tmp/hw/net/i82599.c" "$tmp/hw/net/i82599_core.c" "$tmp/hw/net/i82599_dp.c" \
		"$tmp/hw/net/i82599_vt.c" "$tmp/hw/net/i82599vf.c"
	mkdir -p "$tmp/build"
	(cd "$tmp/build" && nice ../configure --python=/usr/bin/python3 \
		--target-list=x86_64-softmmu --without-default-features \
		--enable-tcg --disable-docs --disable-werror \
		--disable-install-blobs --enable-trace-backends=log \
		--firmwarepath=/usr/share/qemu:/usr/share/seabios \
		> ../configure.log 2>&1) || { tail -n 30 "$tmp/configure.log"; die "configure failed"; }
	touch "$tree/.ready"
}

# Copy a file only when it differs, so its mtime moves only on change
sync_file()
{
	cmp -s "$1" "$2" || cp "$1" "$2"
}

[ -f "$tree/.ready" ] || prepare

for f in i82599.c i82599_core.c i82599_dp.c i82599_vt.c i82599vf.c; do
	[ -f "$here/$f" ] || die "tools/testing/qemu/$f is missing: the model is not complete"
done
for f in "$here"/*.c "$here"/*.h; do
	sync_file "$f" "$tree/hw/net/${f##*/}"
done
# QEMU's coding style, checked with QEMU's own checkpatch
for f in "$here"/*.c "$here"/*.h; do
	perl "$tree/scripts/checkpatch.pl" --no-tree -q -f "$f" ||
		die "tools/testing/qemu/${f##*/}: QEMU's checkpatch.pl (above)"
done
cat "$tree/hw/net/trace-events.qemu" "$here/trace-events" > "$tree/hw/net/trace-events.new"
sync_file "$tree/hw/net/trace-events.new" "$tree/hw/net/trace-events"

start=$(date +%s)
nice ninja -C "$tree/build" qemu-system-x86_64 || die "the build failed (above)"
sync_file "$tree/build/qemu-system-x86_64" "$out/qemu-system-x86_64"
echo "qemu-build: $out/qemu-system-x86_64 ($(( $(date +%s) - start )) s)"
