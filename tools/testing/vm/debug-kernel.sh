#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the debug kernel the VM boots for "make check-debug": Linux 6.12
# from Debian's linux-source-6.12, x86_64_defconfig with the selftests'
# config fragment and tools/testing/vm/debug.config merged over it (KASAN,
# lockdep, kmemleak, DEBUG_ATOMIC_SLEEP, DMA_API_DEBUG, failslab and
# fail_page_alloc, and what the VM needs).
#
# The result is cached outside the clone, keyed by the source tarball,
# both fragments and this script, in $VTNIC_CACHE/linux-debug-KEY/:
#   bzImage        the kernel
#   kernelrelease  its release string
#   build/         the configured build tree (KDIR for out-of-tree modules)
#   mods/          INSTALL_MOD_PATH: mods/lib/modules/RELEASE
# Building it from nothing takes half an hour to an hour on two cores; a
# cached tree is not touched, and one built from the same source with
# other fragments is taken over and rebuilt incrementally.  Prints the
# directory on its last line.
#
# usage: debug-kernel.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
cache=${VTNIC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vtnic}
frag_tests=$top/tools/testing/selftests/drivers/net/vtnic/config
frag_debug=$here/debug.config

die() { echo "debug-kernel: $*" >&2; exit 1; }

tarball=$(find /usr/src -maxdepth 1 -name "linux-source-6.12.tar.*" | head -n 1)
[ -n "$tarball" ] || die "/usr/src/linux-source-6.12.tar.* missing: install linux-source-6.12 (tools/testing/vm/deps.sh)"

mkdir -p "$cache"
exec 9> "$cache/linux-debug.lock"
flock 9

# The tarball by name, size and time (hashing 150 MB each time is slow)
source_id=$(stat -c '%n %s %Y' "$tarball")
key=$( { echo "$source_id"; cat "$frag_tests" "$frag_debug" "$0"; } |
	sha256sum | cut -c1-16)
dir=$cache/linux-debug-$key
if [ -f "$dir/.ready" ]; then
	echo "$dir"
	exit 0
fi

# A build of the same source with other options: Kbuild rebuilds what
# the changed options touch
reuse=
for old in "$cache"/linux-debug-*; do
	[ "$old" != "$dir" ] && [ -d "$old/build" ] &&
		[ "$(cat "$old/source" 2>/dev/null)" = "$source_id" ] &&
		{ reuse=$old; break; }
done
log=$dir/build.log
if [ -n "$reuse" ]; then
	rm -rf "$dir"
	mv "$reuse" "$dir"
	rm -rf "$dir/.ready" "$dir/mods"
	echo "debug-kernel: rebuilding ${reuse##*/} as ${dir##*/} (log: $log)"
else
	rm -rf "$dir"
	mkdir -p "$dir/build"
	echo "debug-kernel: building into $dir (log: $log)"
	tar -xf "$tarball" -C "$dir"
	echo "$source_id" > "$dir/source"
fi
: > "$log"
src=$dir/linux-source-6.12
jobs=$(nproc)
{
	make -C "$src" O="$dir/build" x86_64_defconfig
	# The selftests' fragment names our own modules too; the kernel has
	# no such symbols, merge_config.sh says so and goes on.
	(cd "$dir/build" && "$src/scripts/kconfig/merge_config.sh" -m -O . \
		.config "$frag_tests" "$frag_debug")
	make -C "$src" O="$dir/build" olddefconfig
} > "$log" 2>&1 || die "configuring failed (see $log)"

# Every option of debug.config must have come through as asked
missing=$(grep -E '^CONFIG_[A-Z0-9_]+=' "$frag_debug" | while IFS= read -r want; do
	sym=${want%%=*} val=${want#*=}
	if [ "$val" = n ]; then
		grep -qx "$sym=[ym]" "$dir/build/.config" && echo "$want"
	else
		grep -qxF "$want" "$dir/build/.config" || echo "$want"
	fi
done || true)
[ -z "$missing" ] || die "the config did not take: $(echo "$missing" | paste -sd' ')"

make -C "$src" O="$dir/build" -j"$jobs" bzImage modules >> "$log" 2>&1 ||
	{ tail -n 30 "$log" >&2; die "the build failed (see $log)"; }
make -C "$src" O="$dir/build" INSTALL_MOD_PATH="$dir/mods" modules_install >> "$log" 2>&1 ||
	die "modules_install failed (see $log)"
cp "$dir/build/arch/x86/boot/bzImage" "$dir/bzImage"
make -s -C "$src" O="$dir/build" kernelrelease > "$dir/kernelrelease"
touch "$dir/.ready"
# Older builds (another source or config) go: each is gigabytes
for old in "$cache"/linux-debug-*; do
	[ "$old" = "$dir" ] || [ ! -d "$old" ] || rm -rf "$old"
done
echo "$dir"
