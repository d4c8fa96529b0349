#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
#
# "devlink dev info" on port A says what card it is, and says it right:
# the driver's name; the serial number, which is the PCIe Device Serial
# Number read here from the function's config space (or, when the device
# has none, the EUI-64 of the permanent address "ethtool -P" prints); and
# the versions and board id, which are checked against the EEPROM words
# "ethtool -e" dumps, decoded here by the datasheet's layout of each MAC.
# The dump itself is checked first: its words 0x00-0x3f (and on the 82599
# the sections its pointer words name) add up to the checksum 0xbaba.
# vtnic only: in Linux 6.12 neither igb nor ixgbe registers with devlink.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	rm -rf "$tmp"
}

# ee WORD: EEPROM word WORD (a number) from the dump, in decimal
ee()
{
	od -An -tu2 -j $((2 * $1)) -N 2 "$tmp/eeprom" | tr -d ' '
}

# ee_checksum_ok: the dump's checksum adds up (82576 and 82599 datasheets
# "EEPROM checksum"; the 82599 also sums the pointed-to sections)
ee_checksum_ok()
{
	local sum=0 w ptr len i

	for ((w = 0; w <= 0x3f; w++)); do
		sum=$((sum + $(ee $w)))
	done
	if [ "$mac" = 82599 ]; then
		for ((w = 0x03; w <= 0x0e; w++)); do
			ptr=$(ee $w)
			[ "$ptr" = 0 ] || [ "$ptr" = 65535 ] && continue
			len=$(ee "$ptr")
			[ "$len" = 0 ] || [ "$len" = 65535 ] && continue
			for ((i = 1; i <= len; i++)); do
				sum=$((sum + $(ee $((ptr + i)))))
			done
		done
	fi
	ktap_print_msg "EEPROM checksum: $(printf %#06x $((sum & 0xffff)))"
	[ $((sum & 0xffff)) = $((0xbaba)) ]
}

# pba_string HI LO: the board's PBA number from its two EEPROM words, the
# plain (not 0xfafa-pointer) form: six hex digits, '-', three
pba_string()
{
	printf '%04X%02X-0%02X' "$1" $(($2 >> 8)) $(($2 & 0xff))
}

# expect_versions: set want_fw, want_bundle and want_board from the dump
expect_versions()
{
	local v lo hi

	case "$mac" in
	82576)
		# version word 0x05: major 15:12, minor 11:4; eTrack in
		# 0x42 (low) and 0x43 (high), valid when 0x43 is 0x8xxx
		v=$(ee 0x05)
		want_fw="$((v >> 12)).$(((v >> 4) & 0xff))"
		[ "$v" != 65535 ] || want_fw=
		lo=$(ee 0x42) hi=$(ee 0x43)
		want_bundle=
		[ $((hi & 0xf000)) = $((0x8000)) ] &&
			want_bundle=$(printf '0x%04x%04x' "$hi" "$lo")
		want_board=$(pba_string "$(ee 0x08)" "$(ee 0x09)")
		;;
	82599)
		# no image version word; eTrack in 0x2d/0x2e, the high half
		# 0x2e when its bit 15 is set, else 0x2d; none when blank
		want_fw=
		lo=$(ee 0x2d) hi=$(ee 0x2e)
		if [ $((hi & 0x8000)) != 0 ]; then
			want_bundle=$(printf '0x%04x%04x' "$hi" "$lo")
		else
			want_bundle=$(printf '0x%04x%04x' "$lo" "$hi")
		fi
		[ "$lo$hi" != 6553565535 ] || want_bundle=
		want_board=$(pba_string "$(ee 0x15)" "$(ee 0x16)")
		;;
	esac
	[ "$(ee "$pba_word")" != $((0xfafa)) ] || want_board=SKIP
}

# dsn_serial: the Device Serial Number extended capability (ID 0x0003) of
# port A, "xx-xx-xx-xx-xx-xx-xx-xx" most significant byte first, or
# nothing when the function has none
dsn_serial()
{
	local cfg=$PCI_A/config off=256 hdr n=0 lo hi

	while [ "$off" -ge 256 ] && [ $((n++)) -lt 64 ]; do
		hdr=$(od -An -tu4 -j "$off" -N 4 "$cfg" | tr -d ' ')
		[ -n "$hdr" ] && [ "$hdr" != 0 ] && [ "$hdr" != 4294967295 ] ||
			return 0
		if [ $((hdr & 0xffff)) = 3 ]; then
			lo=$(od -An -tu4 -j $((off + 4)) -N 4 "$cfg" | tr -d ' ')
			hi=$(od -An -tu4 -j $((off + 8)) -N 4 "$cfg" | tr -d ' ')
			printf '%08x%08x\n' "$hi" "$lo" | sed 's/../&-/g; s/-$//'
			return 0
		fi
		off=$((hdr >> 20))
	done
}

# mac_serial: the EUI-64 of port A's permanent address (OUI, ff-fe, rest)
mac_serial()
{
	ethtool -P "$dev_a" | awk '{ print $NF }' | tr 'A-F:' 'a-f-' |
		sed 's/^\(..-..-..\)-/\1-ff-fe-/'
}

# dl_get SECTION KEY: KEY's value in "devlink dev info" of port A;
# SECTION is top (the lines before "versions:"), fixed, running or stored
dl_get()
{
	awk -v s="$1" -v k="$2" '
		$1 == "versions:" { sec = "none"; next }
		$1 ~ /^(fixed|running|stored):$/ { sec = substr($1, 1, length($1) - 1); next }
		$1 == k && (sec == s || (sec == "" && s == "top")) { print $2; exit }
	' "$tmp/info"
}

# dl_is SECTION KEY WANT: KEY in SECTION reads WANT ("" = KEY absent)
dl_is()
{
	local got

	got=$(dl_get "$1" "$2")
	ktap_print_msg "$1 $2: '$got', expected '$3'"
	[ "$got" = "$3" ]
}

# dl_answers: devlink dev info succeeded and names vtnic as the driver
dl_answers()
{
	ktap_print_msg "devlink dev info: exit status $info_rc"
	[ "$info_rc" = 0 ] && dl_is top driver vtnic
}

vtnic_require_env
if [ "$VTNIC_PF_DRIVER" != vtnic ]; then
	ktap_print_header
	ktap_skip_all "$VTNIC_PF_DRIVER does not register with devlink in 6.12"
	exit "$KSFT_SKIP"
fi
tmp=$(mktemp -d)
trap cleanup EXIT
ktap_print_header
ktap_set_plan 9

dev_a=$(pci_netdev "$VTNIC_PORT_A")
[ -n "$dev_a" ] || ktap_exit_fail_msg "no netdev on port A"
mac_lookup
mac=$mac_a
case $mac in
82576) pba_word=0x08 ;;
82599) pba_word=0x15 ;;
esac

ethtool -e "$dev_a" raw on > "$tmp/eeprom" ||
	ktap_exit_fail_msg "ethtool -e $dev_a fails"
ktap_print_msg "ethtool -e: $(stat -c %s "$tmp/eeprom") bytes of EEPROM"
ktap_test_result "ethtool -e: the EEPROM dump has a valid checksum" \
	ee_checksum_ok

mark=$(kernel_log_mark)
devlink dev info "pci/$VTNIC_PORT_A" > "$tmp/info" 2>&1
info_rc=$?
sed 's/^/# /' "$tmp/info"
ktap_test_result "devlink dev info answers for port A, naming the driver" \
	dl_answers

serial=$(dsn_serial)
if [ -n "$serial" ]; then
	ktap_print_msg "Device Serial Number capability: $serial"
else
	serial=$(mac_serial)
	ktap_print_msg "no Device Serial Number capability: the address's EUI-64 $serial"
fi
ktap_test_result "serial_number is the DSN, or the address's EUI-64" \
	dl_is top serial_number "$serial"

expect_versions
ktap_test_result "running fw is the EEPROM image version" \
	dl_is running fw "$want_fw"
ktap_test_result "stored fw is the EEPROM image version" \
	dl_is stored fw "$want_fw"
ktap_test_result "running fw.bundle_id is the EEPROM's eTrack id" \
	dl_is running fw.bundle_id "$want_bundle"
ktap_test_result "stored fw.bundle_id is the EEPROM's eTrack id" \
	dl_is stored fw.bundle_id "$want_bundle"
if [ "$want_board" = SKIP ]; then
	ktap_test_skip "board.id: the PBA is a string block, not decoded here"
else
	ktap_test_result "board.id is the EEPROM's PBA number" \
		dl_is fixed board.id "$want_board"
fi
ktap_test_result "devlink dev info leaves no warning in the kernel log" \
	kernel_log_clean "$mark"
ktap_finished
