#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# modprobe for the selftests on a real host: x520.sh puts this first in
# their PATH as "modprobe".  The selftests load and unload the drivers
# under test by name ("modprobe vtnic int_mode=1", "modprobe -r vtnic"),
# which in the test VM finds the modules in its initramfs; on a host the
# modules are the ones built in this tree, which modprobe cannot find.
# vtnic, vtnicvf and vtnic_lib are loaded with insmod from the tree, and
# their unused dependencies unloaded with them as modprobe does; every
# other module goes to the real modprobe.
#
#   VTNIC_HW_TREE      top of the vtnic tree, with the modules built
#   VTNIC_HW_MODPROBE  the real modprobe
set -uo pipefail

real=${VTNIC_HW_MODPROBE:?}
top=${VTNIC_HW_TREE:?}

# ko NAME: the tree's module file of NAME, or nothing when it is not ours
ko()
{
	case "$1" in
	vtnic_lib) echo "$top/driver/common/vtnic_lib.ko" ;;
	vtnic) echo "$top/driver/pf/vtnic.ko" ;;
	vtnicvf) echo "$top/driver/vf/vtnicvf.ko" ;;
	esac
}

loaded()
{
	[ -d "/sys/module/$1" ]
}

# load NAME [PARAM...]: its dependencies first; a module already loaded
# is left as it is, parameters and all, as modprobe does
load()
{
	local name=$1 file dep

	shift
	file=$(ko "$name")
	loaded "$name" && return 0
	for dep in $(modinfo -F depends "$file" | tr ',' ' '); do
		if [ -n "$(ko "$dep")" ]; then
			load "$dep" || return 1
		else
			"$real" "$dep" || return 1
		fi
	done
	insmod "$file" "$@"
}

# unload NAME: then its dependencies of ours that nothing uses any more
unload()
{
	local name=$1 dep

	if ! loaded "$name"; then
		[ "$quiet" = 1 ] ||
			echo "modprobe: FATAL: Module $name is not in kernel." >&2
		return 1
	fi
	rmmod "$name" || return 1
	for dep in $(modinfo -F depends "$(ko "$name")" | tr ',' ' '); do
		[ -n "$(ko "$dep")" ] && loaded "$dep" &&
			[ "$(cat "/sys/module/$dep/refcnt")" = 0 ] &&
			rmmod "$dep"
	done
	return 0
}

remove=0 quiet=0 opts=() names=()
for arg in "$@"; do
	case "$arg" in
	-r|--remove) remove=1 ;;
	-q|--quiet) quiet=1; opts+=("$arg") ;;
	-*) opts+=("$arg") ;;
	*) names+=("$arg") ;;
	esac
done

if [ "$remove" = 1 ]; then
	rc=0
	for name in "${names[@]}"; do
		if [ -n "$(ko "$name")" ]; then
			unload "$name" || rc=1
		else
			"$real" "${opts[@]}" -r "$name" || rc=1
		fi
	done
	exit $rc
fi

if [ "${#names[@]}" -gt 0 ] && [ -n "$(ko "${names[0]}")" ]; then
	load "${names[@]}"
	exit
fi
exec "$real" "$@"
