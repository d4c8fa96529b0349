#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The tree as a DKMS package, the way a user installs it: "dkms add" of a
# copy of the tree, then "dkms build" and "dkms install" for each kernel
# whose headers dir is given (default: the Makefile's KDIR_61 and KDIR,
# Debian's 6.1 and 6.12 headers).  Checks that the three modules come
# out carrying the version of driver/common/vtnic_version.h and the
# kernel's vermagic, that they install and resolve each other, and that
# dkms.conf refuses a kernel older than 6.1.  One "PASS dkms:6.1" (and so
# on) line per kernel in $VTNIC_RESULTS.
#
# Nothing outside a private directory is written, so it can run on any
# machine, CI's included, without leaving a package behind: dkms gets
# its own source, DKMS and install trees (--sourcetree, --dkmstree,
# --installtree), no depmod of the real /lib/modules, and its module
# signing key goes to the private directory too (see below).  Needs
# root, as dkms install does, and the dkms of tools/testing/vm/deps.sh.
#
# usage: dkms-check.sh [KDIR...]
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
results=${VTNIC_RESULTS:-/dev/null}
mods=(vtnic_lib vtnic vtnicvf)
arch=$(uname -m)
rc=0

record() {
	echo "dkms-check: $1 $2${3:+: $3}"
	echo "$1 $2" >> "$results"
	[ "$1" = PASS ] || rc=1
}

# The kernel series of a header dir: the result name, dkms:6.1
series() { basename "$1" | sed -n 's/^linux-headers-\([0-9]*\.[0-9]*\).*/\1/p'; }

if [ "$#" -eq 0 ]; then
	# The same headers "make build-check" builds against, found by the
	# Makefile alone
	kdirs=()
	read -r -a kdirs < <(make -s --no-print-directory -C "$top" kdirs)
	set -- "${kdirs[@]}"
fi
if [ "$#" -eq 0 ]; then
	echo "dkms-check: no kernel headers found (tools/testing/vm/deps.sh)" >&2
	echo "FAIL dkms:headers" >> "$results"
	exit 1
fi
if ! command -v dkms >/dev/null || [ "$(id -u)" != 0 ]; then
	echo "dkms-check: needs root and dkms (tools/testing/vm/deps.sh)" >&2
	for kdir in "$@"; do echo "FAIL dkms:$(series "$kdir")" >> "$results"; done
	exit 1
fi

version=$(sed -n 's/^#define VTNIC_VERSION "\(.*\)"$/\1/p' "$top/driver/common/vtnic_version.h")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vtnic-dkms.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# The files git knows, committed or not, as a user's clone or tarball has
# them; build/ and editors' leftovers are not part of the package.
cd "$top" || exit 1
mkdir -p "$tmp/tree" "$tmp/src" "$tmp/dkms"
git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
	# a file deleted but not yet committed
	[ -e "$f" ] || continue
	cp --parents -p -- "$f" "$tmp/tree/" || exit 1
done || { echo "dkms-check: copying the tree failed" >&2; exit 1; }

# dkms signs the modules it builds when the kernel's sign-file is there,
# with a key it creates, by default, in /var/lib/dkms whatever
# --dkmstree says; it takes the key's paths from the environment, so the
# key is made and used here and thrown away with the rest.  Its own
# temporary files follow TMPDIR.
export mok_signing_key=$tmp/mok.key mok_certificate=$tmp/mok.pub TMPDIR=$tmp
dk() {
	nice -n 19 dkms --sourcetree "$tmp/src" --dkmstree "$tmp/dkms" \
		--installtree "$tmp/root/lib/modules" "$@"
}

# "dkms add" reads the name and version from dkms.conf; that it lands in
# vtnic-$version proves dkms.conf computed the version from the header.
if ! dk add "$tmp/tree" > "$tmp/add.log" 2>&1 || [ ! -d "$tmp/src/vtnic-$version" ]; then
	sed 's/^/  | /' "$tmp/add.log"
	for kdir in "$@"; do
		record FAIL "dkms:$(series "$kdir")" "dkms add failed or not as vtnic-$version"
	done
	exit 1
fi

for kdir in "$@"; do
	name=dkms:$(series "$kdir")
	# The kernel release as uname -r says it, which dkms uses as a
	# directory name: the headers' own, not the package's upstream version
	kver=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"$/\1/p' "$kdir/include/generated/utsrelease.h" 2>/dev/null)
	if [ -z "$kver" ]; then
		record FAIL "$name" "no kernel headers at '$kdir'"
		continue
	fi
	opts=(-m vtnic -v "$version" -k "$kver" --kernelsourcedir "$kdir")
	log=$tmp/$kver.log
	if ! dk build "${opts[@]}" > "$log" 2>&1; then
		tail -n 5 "$log" | sed 's/^/  | /'
		grep -E 'error:|warning:' "$tmp/dkms/vtnic/$version/build/make.log" 2>/dev/null |
			head -n 20 | sed 's/^/  | /'
		record FAIL "$name" "dkms build failed for $kver"
		continue
	fi

	why=
	for m in "${mods[@]}"; do
		# .ko, or .ko.xz where the kernel's own modules are compressed
		kos=("$tmp/dkms/vtnic/$version/$kver/$arch/module/$m".ko*)
		ko=${kos[0]}
		if [ ! -e "$ko" ]; then
			why="$m.ko missing from dkms's build"
			break
		fi
		v=$(modinfo -F version "$ko")
		magic=$(modinfo -F vermagic "$ko")
		if [ "$v" != "$version" ]; then
			why="$m.ko has version '$v', not '$version'"
			break
		fi
		if [ "${magic%% *}" != "$kver" ]; then
			why="$m.ko was built for '${magic%% *}', not $kver"
			break
		fi
	done
	if [ -n "$why" ]; then
		record FAIL "$name" "$why"
		continue
	fi

	# dkms install refuses a kernel whose modules directory is missing;
	# --no-depmod because dkms's depmod would index the real /lib/modules
	mkdir -p "$tmp/root/lib/modules/$kver"
	if ! dk install "${opts[@]}" --no-depmod >> "$log" 2>&1; then
		tail -n 5 "$log" | sed 's/^/  | /'
		record FAIL "$name" "dkms install failed for $kver"
		continue
	fi
	for m in "${mods[@]}"; do
		compgen -G "$tmp/root/lib/modules/$kver/updates/dkms/$m.ko*" >/dev/null ||
			{ why="$m.ko not installed in updates/dkms"; break; }
	done
	if [ -n "$why" ]; then
		record FAIL "$name" "$why"
		continue
	fi

	# The installed modules against the kernel's exported symbols: every
	# symbol resolves, and both drivers load vtnic_lib first.
	# The private tree has no modules.order or modules.builtin: depmod
	# says so, and that is all it may say.
	out=$(depmod -b "$tmp/root" -e -E "$kdir/Module.symvers" "$kver" 2>&1 |
	      grep -v 'could not open modules\.' | sed 's/^/  | /')
	if [ -n "$out" ]; then
		echo "$out"
		record FAIL "$name" "depmod reports unresolved symbols"
		continue
	fi
	dep=$tmp/root/lib/modules/$kver/modules.dep
	for m in vtnic vtnicvf; do
		grep -Eq "^updates/dkms/$m\.ko[^:]*:.* updates/dkms/vtnic_lib\.ko" "$dep" ||
			{ why="modules.dep has no vtnic_lib.ko for $m.ko"; break; }
	done
	if [ -n "$why" ]; then
		record FAIL "$name" "$why"
		continue
	fi
	record PASS "$name" "$kver, version $version, built, installed, symbols resolved"
done

# A kernel older than 6.1, as the first headers pretend to be, is refused
# (dkms exits 77) before anything is built.
kdir=$1
dk build -m vtnic -v "$version" -k 6.0.0-1-amd64 --kernelsourcedir "$kdir" \
	> "$tmp/exclusive.log" 2>&1
ex=$?
if [ "$ex" = 77 ] && ! compgen -G "$tmp/dkms/vtnic/$version/6.0.0-1-amd64/*" >/dev/null; then
	record PASS dkms:exclusive "6.0 refused"
else
	tail -n 5 "$tmp/exclusive.log" | sed 's/^/  | /'
	record FAIL dkms:exclusive "dkms build for 6.0 exited $ex, not 77"
fi
exit $rc
