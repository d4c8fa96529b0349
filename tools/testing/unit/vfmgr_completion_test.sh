#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vfmgr's bash completion (vfmgr/completion/vfmgr) under Debian's
# bash-completion helpers: it offers the commands the usage names and no
# other, whole keywords for a started one, the PFs "vfmgr list" shows
# (vfmgr_fake over a faked PCI scan), the config's profiles, and the
# options of each command.  Skipped without bash-completion.  TAP output.
#
# usage: vfmgr_completion_test [VFMGR_FAKE [COMPLETION]]
#        (default: vfmgr_fake beside it, vfmgr/completion/vfmgr of the tree)

here=$(dirname "$0")
vfmgr=$(readlink -f "${1:-$here/vfmgr_fake}")
completion=${2:-$here/../../../vfmgr/completion/vfmgr}
[ -f "$completion" ] || completion=$here/../../vfmgr/completion/vfmgr
helpers=/usr/share/bash-completion/bash_completion
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0 failed=0

echo "TAP version 13"
if [ ! -r "$helpers" ]; then
	echo "1..0 # SKIP no $helpers (bash-completion)"
	exit 0
fi
# shellcheck source=/dev/null
source "$helpers"
# shellcheck source=/dev/null
source "$completion"

export VFMGR_FAKE_PCI=$dir/pci
cat > "$VFMGR_FAKE_PCI" <<'PCI'
pf 0000:01:00.0 igb ens1f0 8086 10c9 7 1
vf 0 0000:01:10.0 8086 10ca igbvf - -1
pf 0000:01:00.1 igb ens1f1 8086 10c9 7 0
pf 0000:04:00.0 - - 8086 10fb 63 0
PCI
cat > "$dir/vfmgr.conf" <<'CONF'
[PF]
Driver=igb

[Profile web]
VLANId=100

[Profile db]
CONF
_vfmgr_conf=$dir/vfmgr.conf

# complete LINE WANT: completing at the end of "vfmgr LINE" offers WANT
# (words sorted, space-separated); LINE ending in a space starts a word
complete_ok()
{
	local line="vfmgr $1" want=$2 got

	read -ra COMP_WORDS <<< "$line"
	[[ $line == *' ' ]] && COMP_WORDS+=("")
	COMP_WORDS[0]=$vfmgr
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="${COMP_WORDS[*]}"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_vfmgr "$vfmgr" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | xargs)
	n=$((n + 1))
	if [ "$got" = "$want" ]; then
		echo "ok $n - \"vfmgr $1\": $want"
	else
		echo "not ok $n - \"vfmgr $1\": $want"
		echo "# got: $got"
		failed=$((failed + 1))
	fi
}

# The commands: those the usage names, each once
commands=$("$vfmgr" help | awk '$1 == "usage:" { print $3 } $1 == "vfmgr" { print $2 }' |
	sort -u | xargs)
complete_ok "" "$commands"
complete_ok "s" "show status"
complete_ok "ex" "export"
complete_ok "export " "k8s libvirt"
complete_ok "export libvirt " "--config --dir --vfs ens1f0 ens1f1"
complete_ok "export libvirt --vfs ens1f" "ens1f0 ens1f1"
complete_ok "export k8s " "--config"
complete_ok "list " "--json"
complete_ok "status --" "--json"
complete_ok "alloc " "--name --pf --profile --to --vf"
complete_ok "alloc --pf " "ens1f0 ens1f1"
complete_ok "alloc --pf ens1f0 --profile " "db web"
complete_ok "alloc --pf ens1f0 --to v" "vm:"
touch "$dir/a.conf"
complete_ok "export k8s --config $dir/a." "$dir/a.conf"

echo "1..$n"
[ "$failed" = 0 ]
