// SPDX-License-Identifier: GPL-2.0
/*
 * failnth: run one driver operation with the Nth fault-injection point
 * it reaches made to fail, through /proc/thread-self/fail-nth (a kernel
 * with CONFIG_FAULT_INJECTION; failslab and fail_page_alloc must be told
 * not to skip sleeping allocations, which the caller does in debugfs).
 *
 *   failnth N write FILE VALUE     write VALUE to FILE (a sysfs attribute)
 *   failnth N channels DEV COUNT   ethtool -L DEV combined COUNT
 *   failnth N rings DEV RX TX      ethtool -G DEV rx RX tx TX
 *   failnth N up DEV               ip link set DEV up
 *   failnth N mtu DEV MTU          ip link set DEV mtu MTU
 *
 * Everything the operation needs (the file, the socket, the current
 * settings) is opened and read before the counter is armed, so that the
 * Nth point is inside the operation.  Prints one line: "injected" or
 * "ran to the end", and the operation's result.  Exits 1 when the fault
 * was injected, 0 when the operation reached fewer than N points (a
 * caller counting N up from 1 is then done), 2 when it could not be set
 * up.
 */

#include <errno.h>
#include <fcntl.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static int usage(void)
{
	fprintf(stderr,
		"usage: failnth N write FILE VALUE | channels DEV COUNT |\n"
		"       rings DEV RX TX | up DEV | mtu DEV MTU\n");
	return 2;
}

static int setup_fail(const char *what)
{
	fprintf(stderr, "failnth: %s: %s\n", what, strerror(errno));
	return 2;
}

static unsigned int number(const char *s)
{
	char *end;
	unsigned long v = strtoul(s, &end, 0);

	if (!*s || *end || v > 1000000)
		exit(usage());
	return v;
}

static int ethtool_ioctl(int sock, const char *dev, void *cmd)
{
	struct ifreq ifr = { .ifr_data = cmd };

	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", dev);
	return ioctl(sock, SIOCETHTOOL, &ifr);
}

int main(int argc, char **argv)
{
	struct ethtool_channels ch = { .cmd = ETHTOOL_GCHANNELS };
	struct ethtool_ringparam rp = { .cmd = ETHTOOL_GRINGPARAM };
	struct ifreq ifr = { 0 };
	const char *op, *value = NULL;
	char arm[16], left[16];
	int nth_fd, fd = -1, sock = -1, ret, err;
	unsigned int n;
	ssize_t len;

	if (argc < 4)
		return usage();
	n = number(argv[1]);
	op = argv[2];
	if (!n)
		return usage();

	if (!strcmp(op, "write") && argc == 5) {
		value = argv[4];
		fd = open(argv[3], O_WRONLY);
		if (fd < 0)
			return setup_fail(argv[3]);
	} else {
		sock = socket(AF_INET, SOCK_DGRAM, 0);
		if (sock < 0)
			return setup_fail("socket");
		snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", argv[3]);
		if (!strcmp(op, "channels") && argc == 5) {
			if (ethtool_ioctl(sock, argv[3], &ch))
				return setup_fail("ETHTOOL_GCHANNELS");
			ch.cmd = ETHTOOL_SCHANNELS;
			ch.combined_count = number(argv[4]);
		} else if (!strcmp(op, "rings") && argc == 6) {
			if (ethtool_ioctl(sock, argv[3], &rp))
				return setup_fail("ETHTOOL_GRINGPARAM");
			rp.cmd = ETHTOOL_SRINGPARAM;
			rp.rx_pending = number(argv[4]);
			rp.tx_pending = number(argv[5]);
		} else if (!strcmp(op, "up") && argc == 4) {
			if (ioctl(sock, SIOCGIFFLAGS, &ifr))
				return setup_fail("SIOCGIFFLAGS");
			ifr.ifr_flags |= IFF_UP;
		} else if (!strcmp(op, "mtu") && argc == 5) {
			ifr.ifr_mtu = number(argv[4]);
		} else {
			return usage();
		}
	}

	nth_fd = open("/proc/thread-self/fail-nth", O_RDWR);
	if (nth_fd < 0)
		return setup_fail("/proc/thread-self/fail-nth");
	len = snprintf(arm, sizeof(arm), "%u", n);
	if (pwrite(nth_fd, arm, len, 0) != len)
		return setup_fail("arming fail-nth");

	if (value)
		ret = write(fd, value, strlen(value)) < 0 ? -1 : 0;
	else if (!strcmp(op, "channels"))
		ret = ethtool_ioctl(sock, argv[3], &ch);
	else if (!strcmp(op, "rings"))
		ret = ethtool_ioctl(sock, argv[3], &rp);
	else if (!strcmp(op, "up"))
		ret = ioctl(sock, SIOCSIFFLAGS, &ifr);
	else
		ret = ioctl(sock, SIOCSIFMTU, &ifr);
	err = errno;

	/* What is left of the count: 0 once the Nth point failed */
	len = pread(nth_fd, left, sizeof(left) - 1, 0);
	if (len <= 0)
		return setup_fail("reading fail-nth");
	left[len] = '\0';
	if (pwrite(nth_fd, "0", 1, 0) != 1)
		return setup_fail("disarming fail-nth");

	printf("%s %s %s: %s\n", atoi(left) ? "ran to the end:" : "injected:",
	       op, argv[3], ret ? strerror(err) : "ok");
	return atoi(left) ? 0 : 1;
}
