#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vfmgrd.service run by a real systemd: this machine's PID 1 is not
# systemd, so systemd-nspawn boots one in a container, on a Debian
# bookworm minbase root with systemd from bookworm-backports (the
# systemd-analyze of vfmgrd_unit_test.sh), debootstrapped once and cached
# under ~/.cache/vtnic/nspawn/, keyed by what went into it.  The overlay
# of --volatile=overlay keeps the cached root untouched.  The vfmgrd and
# vfmgr just built and the unit are bound in where "make install" puts
# them; a oneshot unit in the container (the driver below) then checks,
# from outside vfmgrd's sandbox:
#
#  - systemctl start: the unit, every sandbox setting as written, gets to
#    active (running), and only after systemd got READY=1 from vfmgrd
#    (PID 1's debug log: the notification, then start -> running);
#  - the sandbox is in force on vfmgrd: its capability bounding set is
#    the unit's CapabilityBoundingSet=, it runs under a seccomp filter
#    with no_new_privs, in its own mount, IPC and UTS namespaces;
#  - vfmgr status reaches the control socket in /run/vfmgr;
#  - systemctl show -p StatusText is vfmgrd's STATUS= line;
#  - systemctl reload: RELOADING=1, then READY=1, same main PID;
#  - journalctl -p: vfmgrd's lines carry their priorities (a warning
#    from the reloaded config, info lines), no "<N>" left in the text;
#  - systemctl stop: STOPPING=1, result success, exit status 0.
#
# A container that does not boot, or a root that cannot be built, is a
# failure, not a skip; only a machine without systemd-nspawn or
# debootstrap (tools/testing/vm/deps.sh has not run), or not root, skips.
# TAP output.
#
# usage: vfmgrd_systemd_test [UNIT [VFMGRD [VFMGR]]]
#        (default: vfmgr/vfmgrd.service and build/vfmgr/{vfmgrd,vfmgr})
# environment: VTNIC_CACHE (default ~/.cache/vtnic), VTNIC_DEBIAN_MIRROR

here=$(dirname "$0")
top=$here/../..
[ -f "$top/vfmgr/vfmgrd.service" ] || top=$here/../../..
unit=$(realpath "${1:-$top/vfmgr/vfmgrd.service}")
vfmgrd=$(realpath "${2:-$here/../vfmgr/vfmgrd}")
vfmgr=$(realpath "${3:-$here/../vfmgr/vfmgr}")

# The root: what goes into it is its cache key.  Bump RECIPE when the
# way it is made changes.
RECIPE=1
SUITE=bookworm
MIRROR=${VTNIC_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# systemd, vfmgrd's and vfmgr's libraries, and the unit's ExecReload=
# /bin/kill (procps: priority important, so on every standard install,
# but not in minbase)
INCLUDE=systemd,systemd-sysv,libjson-c5,libudev1,libpci3,libmnl0,libkmod2,procps
BPO=(systemd systemd-sysv libudev1)
# The checks the driver makes, in its order; the first test is the boot
CHECKS=("systemctl start: active (running)"
	"active only after READY=1 from vfmgrd"
	"the sandbox is in force on vfmgrd"
	"vfmgr status reaches /run/vfmgr/vfmgrd.sock"
	"StatusText is vfmgrd's STATUS="
	"systemctl reload: RELOADING=1, READY=1"
	"journalctl -p: vfmgrd's lines have their priorities"
	"systemctl stop: STOPPING=1, exit status 0")
BOOT_TIMEOUT=120

n=0 failed=0
echo "TAP version 13"
echo "1..$((1 + ${#CHECKS[@]}))"

skip_all() # REASON
{
	local t
	for t in "container boots" "${CHECKS[@]}"; do
		n=$((n + 1))
		echo "ok $n - $t # SKIP $1"
	done
	exit 0
}

[ "$(id -u)" = 0 ] || skip_all "systemd-nspawn needs root"
for t in systemd-nspawn debootstrap; do
	command -v $t >/dev/null || skip_all "no $t (tools/testing/vm/deps.sh)"
done

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

result() # OK NAME [DETAIL FILE]
{
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		[ -n "$3" ] && sed 's/^/# /' "$3"
		failed=$((failed + 1))
	fi
}

fail_rest() # REASON FILE
{
	local i
	result 1 "container boots: $1" "$2"
	for ((i = 0; i < ${#CHECKS[@]}; i++)); do
		result 1 "${CHECKS[i]}: not run"
	done
	exit 1
}

cache=${VTNIC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vtnic}/nspawn
key=$(printf '%s\n' "$RECIPE" "$SUITE" "$MIRROR" "$INCLUDE" "${BPO[*]}" \
	"$(dpkg --print-architecture 2>/dev/null || uname -m)" | sha256sum | cut -c1-16)
root=$cache/$SUITE-$key
mkdir -p "$cache" || fail_rest "cannot create $cache" /dev/null
# One run at a time: nspawn locks the root, and the first builds it
exec 9> "$cache/lock"
flock 9

if [ ! -x "$root/usr/lib/systemd/systemd" ]; then
	echo "# building the container's root in $root (once)"
	start=$SECONDS
	rm -rf "$root.new"
	if ! nice -n 19 debootstrap --variant=minbase --include="$INCLUDE" \
		"$SUITE" "$root.new" "$MIRROR" > "$dir/build" 2>&1; then
		tail -n 20 "$dir/build" > "$dir/build.tail"
		rm -rf "$root.new"
		fail_rest "debootstrap $SUITE failed" "$dir/build.tail"
	fi
	if ! nice -n 19 systemd-nspawn --register=no --keep-unit -q -D "$root.new" \
		--pipe /bin/sh -ec "
		echo 'deb $MIRROR $SUITE-backports main' > /etc/apt/sources.list.d/backports.list
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends -t $SUITE-backports ${BPO[*]}
		apt-get clean
		rm -rf /var/lib/apt/lists/*
		rm -f /etc/machine-id /var/lib/dbus/machine-id
		: > /etc/machine-id" < /dev/null > "$dir/build" 2>&1; then
		tail -n 20 "$dir/build" > "$dir/build.tail"
		rm -rf "$root.new"
		fail_rest "installing ${BPO[*]} from $SUITE-backports failed" "$dir/build.tail"
	fi
	mv "$root.new" "$root"
	# Roots of other keys are stale
	find "$cache" -mindepth 1 -maxdepth 1 -type d -name "$SUITE-*" \
		! -name "$SUITE-$key" -exec rm -rf {} +
	echo "# built in $((SECONDS - start)) s"
fi

# The driver: a oneshot unit in the container, pulled in by
# systemd.wants= on systemd's command line, writing TAP lines (without
# numbers) to /results/tap, then powering the container off.
cat > "$dir/vfmgrd-test.service" <<'EOF'
[Unit]
Description=vfmgrd.service under test
After=multi-user.target

[Service]
Type=oneshot
ExecStart=/usr/local/libexec/vfmgrd-test
ExecStopPost=/bin/systemctl --no-block poweroff
StandardOutput=journal+console
EOF

cat > "$dir/driver" <<'EOF'
#!/bin/bash
out=/results/tap
u=vfmgrd.service
d=$(mktemp -d)

check() # NAME STATUS [FILES...]
{
	local name=$1 rc=$2 f
	shift 2
	if [ "$rc" = 0 ]; then
		echo "ok - $name" >> $out
	else
		echo "not ok - $name" >> $out
		for f; do sed 's/^/# /' "$f" >> $out; done
	fi
}

# The lines PID 1 logs about the unit, in order (its debug level)
pid1() { journalctl -q -o cat _PID=1 UNIT=$u; }
# Wait up to 10 s for a command to succeed
until10() { local i; for ((i = 0; i < 50; i++)); do "$@" && return 0; sleep 0.2; done; return 1; }
# The line number of the first line matching ERE after line AFTER
line_of() { pid1 | awk -v a="${2:-0}" -v re="$1" 'NR > a && $0 ~ re { print NR; exit }'; }
state() { systemctl show -P ActiveState,SubState $u | paste -sd/; }
diag() { { systemctl status --no-pager -n0 $u; journalctl -q -o short-monotonic --no-pager -u $u; } > $d/diag 2>&1; }

echo started > /results/started
systemd-analyze log-level debug
mkdir -p /etc/vfmgr
printf '[Profile web]\nVLANId=100\n' > /etc/vfmgr/vfmgr.conf

# 1. start, without blocking: a vfmgrd that never sends READY=1 stays
#    activating, and the check says so instead of waiting out the timeout
systemctl start --no-block $u
until10 sh -c "systemctl is-active -q $u || systemctl is-failed -q $u"
s=$(state)
echo "state: $s" > $d/start
diag
[ "$s" = active/running ]
check "systemctl start: active (running)" $? $d/start $d/diag
# The rest needs it running (and would wait out its start timeout)
[ "$s" = active/running ] || { echo "vfmgrd.service did not start" > /results/done; exit 0; }

# 2. READY=1 from the main PID, then start -> running, nothing before
main=$(systemctl show -P MainPID $u)
ready=$(line_of ": Got notification message from PID $main [(]READY=1")
running=$(line_of ": Changed start -> running")
pid1 | grep -E 'notification|Changed' > $d/pid1
echo "READY=1 at line ${ready:-none}, start -> running at line ${running:-none}" >> $d/pid1
[ -n "$ready" ] && [ -n "$running" ] && [ "$ready" -lt "$running" ]
check "active only after READY=1 from vfmgrd" $? $d/pid1

# 3. The sandbox on the process: capability bounding set (the container
#    has CAP_SYS_MODULE for this: nspawn drops it by default), seccomp,
#    namespaces
caps=(chown dac_override dac_read_search fowner fsetid kill setgid setuid
	setpcap linux_immutable net_bind_service net_broadcast net_admin net_raw
	ipc_lock ipc_owner sys_module sys_rawio sys_chroot sys_ptrace sys_pacct
	sys_admin sys_boot sys_nice sys_resource sys_time sys_tty_config mknod
	lease audit_write audit_control setfcap mac_override mac_admin syslog
	wake_alarm block_suspend audit_read perfmon bpf checkpoint_restore)
want=0
for c in $(sed -n 's/^CapabilityBoundingSet=//p' /etc/systemd/system/$u); do
	c=${c,,}; c=${c#cap_}
	for i in "${!caps[@]}"; do [ "${caps[i]}" = "$c" ] && want=$((want | 1 << i)); done
done
: > $d/sandbox
st=/proc/$main/status
have=$((16#$(awk '/^CapBnd:/ { print $2 }' $st)))
[ "$want" != 0 ] && [ "$have" = "$want" ] ||
	printf 'CapBnd %x, the unit says %x\n' "$have" "$want" >> $d/sandbox
grep -qx 'Seccomp:[[:space:]]*2' $st || grep Seccomp: $st >> $d/sandbox
grep -qx 'NoNewPrivs:[[:space:]]*1' $st || grep NoNewPrivs: $st >> $d/sandbox
for ns in mnt ipc uts; do
	[ "$(readlink /proc/$main/ns/$ns)" != "$(readlink /proc/1/ns/$ns)" ] ||
		echo "$ns namespace is PID 1's" >> $d/sandbox
done
[ -n "$main" ] && [ "$main" != 0 ] && [ ! -s $d/sandbox ]
check "the sandbox is in force on vfmgrd" $? $d/sandbox

# 4. The CLI, outside the sandbox, at the socket the sandbox's
#    RuntimeDirectory= made
{ ls -l /run/vfmgr; vfmgr status; } > $d/status 2>&1
rc=$?
[ -S /run/vfmgr/vfmgrd.sock ] && [ "$rc" = 0 ]
check "vfmgr status reaches /run/vfmgr/vfmgrd.sock" $? $d/status

# 5. STATUS=
systemctl show -P StatusText $u > $d/text
grep -Eqx 'managing [0-9]+ PFs?, [0-9]+ VFs? allocated' $d/text
check "StatusText is vfmgrd's STATUS=" $? $d/text

# 6. Reload, into a config that has a warning (an unknown key)
before=$(pid1 | wc -l)
printf '[Profile web]\nVLANId=100\nColour=blue\n' > /etc/vfmgr/vfmgr.conf
systemctl reload $u > $d/reload 2>&1
rc=$?
reload_done()
{
	local r
	r=$(line_of ": Got notification message from PID $main [(]RELOADING=1" $before)
	[ -n "$r" ] && [ -n "$(line_of ": Got notification message from PID $main [(]READY=1" $r)" ]
}
until10 reload_done
reloading=$(line_of ": Got notification message from PID $main [(]RELOADING=1" $before)
ready=$(line_of ": Got notification message from PID $main [(]READY=1" "${reloading:-0}")
pid1 | tail -n +$((before + 1)) | grep -E 'notification|Changed|[Rr]eload' >> $d/reload
echo "rc $rc, RELOADING=1 at line ${reloading:-none}, READY=1 at ${ready:-none}, state $(state), main PID $(systemctl show -P MainPID $u) (was $main)" >> $d/reload
[ "$rc" = 0 ] && [ -n "$reloading" ] && [ -n "$ready" ] && [ "$(state)" = active/running ] &&
	[ "$(systemctl show -P MainPID $u)" = "$main" ]
check "systemctl reload: RELOADING=1, READY=1" $? $d/reload

# 7. Priorities: the warning at warning, not the info lines
journalctl --sync
until10 sh -c "journalctl -q -o cat -u $u -p warning | grep -q 'unknown key' &&
	journalctl -q -o cat -u $u -p info..info | grep -q '^SIGHUP: reloading '"
{
	journalctl -q -o cat -u $u -p warning..warning | grep -q 'vfmgr.conf:3: unknown key' ||
		echo "no 'vfmgr.conf:3: unknown key' at priority warning"
	journalctl -q -o cat -u $u -p warning | grep -e 'listening on' -e 'SIGHUP: reloading' |
		sed 's/^/at warning or above: /'
	journalctl -q -o cat -u $u -p info..info | grep -q '^SIGHUP: reloading ' ||
		echo "no 'SIGHUP: reloading' at priority info"
	journalctl -q -o cat -u $u | grep '^<[0-7]>' | sed 's/^/a priority left in the text: /'
} > $d/prio
[ ! -s $d/prio ] || journalctl -q -o verbose _SYSTEMD_UNIT=$u \
	--output-fields=_PID,_COMM,PRIORITY,MESSAGE | grep -e PRIORITY= -e MESSAGE= -e _PID= -e _COMM= >> $d/prio
[ ! -s $d/prio ]
check "journalctl -p: vfmgrd's lines have their priorities" $? $d/prio

# 8. Stop
before=$(pid1 | wc -l)
systemctl stop $u > $d/stop 2>&1
rc=$?
stopping=$(line_of ": Got notification message from PID $main [(]STOPPING=1" $before)
# The unit is collected once inactive, so its ExecMainStatus is gone: the
# exit status is in PID 1's log
exited=$(line_of ": Main process exited, code=exited, status=0/SUCCESS" "${stopping:-0}")
s=$(state)
pid1 | tail -n +$((before + 1)) | grep -E 'notification|Changed|exited|Deactivated' >> $d/stop
echo "rc $rc, STOPPING=1 at line ${stopping:-none}, exit status 0 at ${exited:-none}, state $s" >> $d/stop
[ "$rc" = 0 ] && [ -n "$stopping" ] && [ -n "$exited" ] && [ "$s" = inactive/dead ]
check "systemctl stop: STOPPING=1, exit status 0" $? $d/stop

: > /results/done
EOF
chmod 0755 "$dir/driver"
mkdir "$dir/results"

machine=vfmgrd-test-$$
start=$SECONDS
timeout -k 10 "$BOOT_TIMEOUT" systemd-nspawn --register=no --keep-unit -q \
	-D "$root" --volatile=overlay --machine="$machine" --private-network \
	--capability=CAP_SYS_MODULE \
	--bind-ro="$vfmgrd:/usr/sbin/vfmgrd" --bind-ro="$vfmgr:/usr/sbin/vfmgr" \
	--bind-ro="$unit:/etc/systemd/system/vfmgrd.service" \
	--bind-ro="$dir/vfmgrd-test.service:/etc/systemd/system/vfmgrd-test.service" \
	--bind-ro="$dir/driver:/usr/local/libexec/vfmgrd-test" \
	--bind="$dir/results:/results" \
	-b -- systemd.wants=vfmgrd-test.service systemd.show_status=no \
	< /dev/null > "$dir/console" 2>&1
rc=$?
echo "# container ran $((SECONDS - start)) s, systemd-nspawn exit status $rc"

if [ ! -f "$dir/results/started" ]; then
	tail -n 30 "$dir/console" > "$dir/console.tail"
	fail_rest "systemd-nspawn exit status $rc, the driver never ran" "$dir/console.tail"
fi
result 0 "container boots"
i=0
while read -r line; do
	case $line in
	"ok - "*)	result 0 "${line#ok - }"; i=$((i + 1));;
	"not ok - "*)	n=$((n + 1)); echo "not ok $n - ${line#not ok - }"
			failed=$((failed + 1)); i=$((i + 1));;
	*)		echo "$line";;
	esac
done < "$dir/results/tap"
if [ -s "$dir/results/done" ]; then
	for ((; i < ${#CHECKS[@]}; i++)); do
		result 1 "${CHECKS[i]}: not run, $(cat "$dir/results/done")"
	done
elif [ ! -f "$dir/results/done" ]; then
	tail -n 30 "$dir/console" > "$dir/console.tail"
	for ((; i < ${#CHECKS[@]}; i++)); do
		result 1 "${CHECKS[i]}: the driver did not get there" "$dir/console.tail"
	done
fi

[ "$failed" = 0 ]
