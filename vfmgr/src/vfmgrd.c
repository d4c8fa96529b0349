// SPDX-License-Identifier: GPL-2.0
/*
 * vfmgrd: gives VFs to consumers and keeps them given (see vfmgrd(8)).
 *
 * One thread, one epoll loop: the control socket, udev events, signals and
 * a reconcile timer.  A request is served whole before the next one is
 * read, so two CLI calls never race for one VF.
 *
 * What the daemon believes is the state file; what is true is what the
 * kernel shows.  Every change is made in the kernel first, checked there,
 * and only then recorded; reconcile() walks the allocations and puts back
 * what a PF driver reload, a VF reset or a vanished netns took away.
 */

#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>
#include <libkmod.h>
#include <libudev.h>

#include "conf.h"
#include "nl.h"
#include "pci.h"
#include "proto.h"
#include "sd.h"
#include "state.h"
#include "paths.h"

#define RECONCILE_SEC		2
#define CLIENT_TIMEOUT_SEC	2
#define NETDEV_WAIT_MS		5000
#define OUT_MAX			(1024 * 1024)	/* one reply's text */
#define NETNS_RUN_DIR		"/run/netns"
#define VFIO_DRIVER		"vfio-pci"

struct sbuf {
	char *p;
	size_t len;
	size_t cap;
	bool full;
};

struct daemon {
	const char *conf_path;
	const char *sock_path;
	const char *state_path;
	struct vfmgr_conf *conf;
	struct vfmgr_state *state;
	struct vfmgr_nl nl;
	struct udev *udev;
	struct udev_monitor *mon;
	int ep_fd;
	int listen_fd;
	int sig_fd;
	int timer_fd;
	int lock_fd;
	bool has_group;
	gid_t group;
	bool stop;
	bool dirty;		/* devices changed: apply the config again */
	bool save_pending;	/* the state file is behind: write it again */
	time_t log_stamp;	/* rate limit of client-caused log lines */
	unsigned int log_dropped;
	struct vfmgr_sd sd;	/* the service manager's notify socket */
	bool sd_failed;		/* a notification failed: logged once */
	unsigned int nr_pfs;	/* PFs present that a [PF] section matches */
	char status[128];	/* the STATUS= the service manager has */
};

/* ---- logging: the daemon's own lines, and a reply's text ---- */

/*
 * When stderr is the journal's stream, each line starts with its syslog
 * priority, "<3>" for LOG_ERR and so on (sd-daemon(3)'s SD_ERR values,
 * which are syslog's), and the journal files it under that priority and
 * names the program itself.  Anywhere else the lines are for a person:
 * "vfmgrd: text".
 */
static bool log_journal;

static void __attribute__((format(printf, 2, 3)))
logmsg(int prio, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (log_journal)
		fprintf(stderr, "<%d>", prio);
	else
		fputs("vfmgrd: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* What a client can cause: at most one line a second, with a count */
static void __attribute__((format(printf, 3, 4)))
logmsg_limited(struct daemon *d, int prio, const char *fmt, ...)
{
	time_t now = time(NULL);
	char line[512];
	va_list ap;

	if (now == d->log_stamp) {
		d->log_dropped++;
		return;
	}
	d->log_stamp = now;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (d->log_dropped)
		logmsg(prio, "%s (%u more not logged)", line, d->log_dropped);
	else
		logmsg(prio, "%s", line);
	d->log_dropped = 0;
}

static void __attribute__((format(printf, 2, 3)))
out(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	size_t need;
	int n;

	if (!b || b->full)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	need = b->len + (size_t)n + 1;
	if (need > OUT_MAX) {
		b->full = true;
		return;
	}
	if (need > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;

		while (cap < need)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p) {
			b->full = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Say it in the reply, as a line, and in the log at PRIO */
static void __attribute__((format(printf, 3, 4)))
report(struct sbuf *b, int prio, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	out(b, "%s\n", line);
	logmsg(prio, "%s", line);
}

/* ---- what the service manager is told (sd.c) ---- */

static void sd_send_failed(struct daemon *d, int err)
{
	if (!err || d->sd_failed)
		return;
	d->sd_failed = true;
	logmsg(LOG_WARNING, "cannot notify the service manager: %s, ignoring",
	       strerror(-err));
}

/*
 * STATE ("READY=1\n") and a STATUS= line saying what vfmgrd manages; with
 * no STATE, only STATUS=, and only when what it says has changed.
 */
static void notify(struct daemon *d, const char *state)
{
	unsigned int nr = d->state->nr;
	char status[sizeof(d->status)];

	snprintf(status, sizeof(status), "managing %u PF%s, %u VF%s allocated",
		 d->nr_pfs, d->nr_pfs == 1 ? "" : "s", nr, nr == 1 ? "" : "s");
	if (!state && !strcmp(status, d->status))
		return;
	sd_send_failed(d, vfmgr_sd_notify(&d->sd, "%sSTATUS=%s",
					  state ? state : "", status));
	memcpy(d->status, status, sizeof(status));
}

/* A reload starts: READY=1 follows once it is done, applied or refused */
static void notify_reloading(struct daemon *d)
{
	struct timespec ts;
	uint64_t usec;

	/* systemd 253 and later want the time of it, 252 ignores it */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	usec = (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
	sd_send_failed(d, vfmgr_sd_notify(&d->sd,
					  "RELOADING=1\nMONOTONIC_USEC=%" PRIu64,
					  usec));
}

/* ---- small sysfs and process helpers ---- */

/* libkmod's own complaints, as lines of ours at their priority */
static void kmod_log(void *data, int prio, const char *file, int line,
		     const char *fn, const char *fmt, va_list args)
{
	char text[512];
	size_t n;

	(void)data;
	(void)file;
	(void)line;
	(void)fn;
	vsnprintf(text, sizeof(text), fmt, args);
	n = strlen(text);
	if (n && text[n - 1] == '\n')
		text[n - 1] = '\0';
	logmsg(prio, "libkmod: %s", text);
}

/*
 * Load vfio-pci as "modprobe vfio-pci" would, with its dependencies,
 * softdeps and modprobe.d options, but through libkmod in this process:
 * nothing to spawn, and an errno to tell the client.
 */
static int ensure_vfio(void)
{
	struct kmod_list *mods = NULL, *l;
	struct kmod_ctx *ctx;
	int err;

	if (!access("/sys/bus/pci/drivers/" VFIO_DRIVER, F_OK))
		return 0;
	ctx = kmod_new(NULL, NULL);
	if (!ctx)
		return -ENOMEM;
	kmod_set_log_fn(ctx, kmod_log, NULL);
	err = kmod_module_new_from_lookup(ctx, VFIO_DRIVER, &mods);
	if (!err && !mods)
		err = -ENOENT;	/* no such module for this kernel */
	kmod_list_foreach(l, mods) {
		struct kmod_module *mod = kmod_module_get_module(l);

		/* 0 for a module already loaded or built in */
		err = kmod_module_probe_insert_module(mod, 0, NULL, NULL, NULL,
						      NULL);
		kmod_module_unref(mod);
		if (err)
			break;
	}
	kmod_module_unref_list(mods);
	kmod_unref(ctx);
	if (err)
		return err < 0 ? err : -EPERM;
	return access("/sys/bus/pci/drivers/" VFIO_DRIVER, F_OK) ? -ENOENT : 0;
}

/*
 * A process holding /dev/vfio/GROUP: unbinding vfio-pci under it would
 * block this daemon until that process let go.  Its pid, or 0.
 */
static pid_t vfio_group_user(int group)
{
	char want[32], path[PATH_MAX], link[64];
	struct dirent *p, *f;
	pid_t pid = 0;
	DIR *proc, *fds;
	ssize_t n;

	if (group < 0)
		return 0;
	snprintf(want, sizeof(want), "/dev/vfio/%d", group);
	proc = opendir("/proc");
	if (!proc)
		return 0;
	while (!pid && (p = readdir(proc))) {
		if (!isdigit((unsigned char)p->d_name[0]))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/fd", p->d_name);
		fds = opendir(path);
		if (!fds)
			continue;
		while ((f = readdir(fds))) {
			snprintf(path, sizeof(path), "/proc/%s/fd/%s",
				 p->d_name, f->d_name);
			n = readlink(path, link, sizeof(link) - 1);
			if (n <= 0)
				continue;
			link[n] = '\0';
			if (!strcmp(link, want)) {
				pid = (pid_t)atoi(p->d_name);
				break;
			}
		}
		closedir(fds);
	}
	closedir(proc);
	return pid;
}

static int open_netns(const char *name)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), NETNS_RUN_DIR "/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/* ---- the kernel's view of a VF against its profile ---- */

static const char *mac_str(const uint8_t *m, char *buf)
{
	sprintf(buf, "%02x:%02x:%02x:%02x:%02x:%02x",
		m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

static int vf_info(struct daemon *d, int ifindex, unsigned int vf,
		   struct vfmgr_vf_info *info)
{
	static struct vfmgr_vf_info vfs[VFMGR_MAX_NUM_VFS];
	unsigned int i, nr = 0;
	int err;

	err = vfmgr_nl_get_vfs(&d->nl, ifindex, vfs, VFMGR_MAX_NUM_VFS, &nr);
	if (err)
		return err;
	for (i = 0; i < nr; i++) {
		if (vfs[i].vf == vf) {
			*info = vfs[i];
			return 0;
		}
	}
	return -ENOENT;
}

/*
 * Whether the kernel's setting ATTR of the VF differs from what P sets
 * (what P leaves unset never differs, nor what the kernel does not
 * report); when it does, how, into WHY.
 */
static bool attr_diff(const struct vfmgr_profile *p,
		      const struct vfmgr_vf_info *k, enum vfmgr_vf_attr attr,
		      char *why, size_t len)
{
	char a[18], b[18];

	switch (attr) {
	case VFMGR_VF_MAC:
		if (!p->has_mac || !memcmp(p->mac, k->mac, 6))
			return false;
		snprintf(why, len, "MAC %s, not %s", mac_str(k->mac, a),
			 mac_str(p->mac, b));
		return true;
	case VFMGR_VF_VLAN:
		if (!p->vlan)
			return false;
		if (k->vlan != p->vlan || k->qos != p->qos)
			snprintf(why, len, "VLAN %u qos %u, not %u qos %u",
				 k->vlan, k->qos, p->vlan, p->qos);
		else if (k->vlan_proto && k->vlan_proto != p->vlan_proto)
			snprintf(why, len, "VLAN protocol 0x%04x, not 0x%04x",
				 k->vlan_proto, p->vlan_proto);
		else
			return false;
		return true;
	case VFMGR_VF_SPOOFCHK:
		if (p->spoofchk == VFMGR_UNSET || k->spoofchk < 0 ||
		    k->spoofchk == (int)p->spoofchk)
			return false;
		snprintf(why, len, "spoof check %s", k->spoofchk ? "on" : "off");
		return true;
	case VFMGR_VF_TRUST:
		if (p->trust == VFMGR_UNSET || k->trust < 0 ||
		    k->trust == (int)p->trust)
			return false;
		snprintf(why, len, "trust %s", k->trust ? "on" : "off");
		return true;
	case VFMGR_VF_LINK_STATE:
		if (p->link_state == VFMGR_LINK_UNSET || k->link_state < 0 ||
		    k->link_state == (int)p->link_state)
			return false;
		snprintf(why, len, "link state %d, not %d", k->link_state,
			 (int)p->link_state);
		return true;
	case VFMGR_VF_RATE:
		if ((!p->max_tx_rate && !p->min_tx_rate) ||
		    (k->max_tx_rate == p->max_tx_rate &&
		     k->min_tx_rate == p->min_tx_rate))
			return false;
		snprintf(why, len, "rate %u..%u Mb/s, not %u..%u",
			 k->min_tx_rate, k->max_tx_rate, p->min_tx_rate,
			 p->max_tx_rate);
		return true;
	case VFMGR_VF_RSS_QUERY:
		if (p->query_rss == VFMGR_UNSET || k->rss_query < 0 ||
		    k->rss_query == (int)p->query_rss)
			return false;
		snprintf(why, len, "RSS query %s", k->rss_query ? "on" : "off");
		return true;
	case VFMGR_VF_NR_ATTRS:
		break;
	}
	return false;
}

/*
 * Where the kernel's settings of the VF differ from profile P: the first
 * difference into WHY, or "" when there is none.
 */
static void profile_diff(const struct vfmgr_profile *p,
			 const struct vfmgr_vf_info *k, char *why, size_t len)
{
	unsigned int attr;

	why[0] = '\0';
	for (attr = 0; attr < VFMGR_VF_NR_ATTRS; attr++)
		if (attr_diff(p, k, attr, why, len))
			return;
}

/*
 * Apply profile P to VF number VF of the PF netdev IFINDEX and check that
 * the kernel shows it.  On failure, B says why and, with RESET, the VF is
 * given its defaults back, so that a VF being handed out is never left
 * half-configured.  A VF its consumer holds is never reset: that would
 * take away its VLAN and rate limit under it.
 */
static int apply_profile(struct daemon *d, int ifindex, unsigned int vf,
			 const struct vfmgr_profile *p, bool reset,
			 struct sbuf *b)
{
	char ext[VFMGR_EXTACK_MAX] = "", why[128];
	struct vfmgr_vf_info k;
	int err;

	if (!p)
		return 0;
	if (ifindex <= 0) {
		report(b, LOG_ERR, "profile %s: the PF has no netdev to set VF %u through",
		       p->name, vf);
		return -ENODEV;
	}
	err = vfmgr_nl_set_vf(&d->nl, ifindex, vf, p, ext, sizeof(ext));
	if (err) {
		report(b, LOG_ERR, "profile %s on VF %u: %s%s%s", p->name, vf,
		       strerror(-err), ext[0] ? ": " : "", ext);
		goto err_reset;
	}
	err = vf_info(d, ifindex, vf, &k);
	if (err) {
		report(b, LOG_ERR, "profile %s on VF %u: cannot read it back: %s",
		       p->name, vf, strerror(-err));
		goto err_reset;
	}
	profile_diff(p, &k, why, sizeof(why));
	if (why[0]) {
		report(b, LOG_ERR, "profile %s on VF %u: the kernel shows %s",
		       p->name, vf, why);
		err = -EIO;
		goto err_reset;
	}
	return 0;

err_reset:
	if (reset)
		vfmgr_nl_reset_vf(&d->nl, ifindex, vf, ext, sizeof(ext));
	return err;
}

/* ---- giving a VF away and taking it back ---- */

/* Rebind the VF to the driver it had, by default the one that probes it */
static int give_back_driver(const char *vf, const char *driver)
{
	char now[VFMGR_DRIVER_MAX];
	int err;

	err = vfmgr_pci_bind(vf, "");
	if (err && err != -ENODEV)
		return err;
	vfmgr_pci_driver(vf, now);
	if (driver[0] && strcmp(now, driver))
		return vfmgr_pci_bind(vf, driver);
	return 0;
}

/*
 * The first steps of giving a VF away, whoever gets it: no driver holds
 * it, then its profile goes on.  Settings go on while no driver holds the
 * VF: igb's VF driver reads its MAC address at probe, so it has to probe
 * after.  On failure the VF has its driver back and B says why.
 */
static int give_prepare(struct daemon *d, struct vfmgr_alloc *a,
			const struct vfmgr_pf *pf,
			const struct vfmgr_profile *p, struct sbuf *b)
{
	int err;

	err = vfmgr_pci_unbind(a->vf);
	if (err) {
		report(b, LOG_ERR, "VF %s: cannot unbind: %s", a->vf, strerror(-err));
		return err;
	}
	err = apply_profile(d, pf->ifindex, a->vf_index, p, true, b);
	if (err)
		give_back_driver(a->vf, a->driver);
	return err;
}

/* Undo give_prepare() when a later step failed */
static void give_undo(struct daemon *d, const struct vfmgr_alloc *a,
		      const struct vfmgr_pf *pf,
		      const struct vfmgr_profile *p)
{
	char ext[VFMGR_EXTACK_MAX];

	if (p)
		vfmgr_nl_reset_vf(&d->nl, pf->ifindex, a->vf_index, ext,
				  sizeof(ext));
	give_back_driver(a->vf, a->driver);
}

static int give_netns(struct daemon *d, struct vfmgr_alloc *a,
		      const struct vfmgr_pf *pf, const struct vfmgr_profile *p,
		      struct sbuf *b)
{
	char ext[VFMGR_EXTACK_MAX] = "", ifname[IF_NAMESIZE];
	unsigned int ifindex;
	int ns, err;

	ns = open_netns(a->to.name);
	if (ns < 0) {
		report(b, LOG_ERR, "netns %s: %s (create it with \"ip netns add %s\")",
		       a->to.name, strerror(-ns), a->to.name);
		return ns;
	}
	err = give_prepare(d, a, pf, p, b);
	if (err)
		goto out_close;
	err = give_back_driver(a->vf, a->driver);
	if (!err)
		err = vfmgr_pci_netdev(a->vf, ifname, NETDEV_WAIT_MS);
	if (err) {
		report(b, LOG_ERR, "VF %s: no netdev: %s (%s)", a->vf, strerror(-err),
		       "does a VF driver probe it? sriov_drivers_autoprobe?");
		goto err_undo;
	}
	ifindex = if_nametoindex(ifname);
	err = ifindex ? vfmgr_nl_move(&d->nl, (int)ifindex, ns, a->ifname,
				      ext, sizeof(ext)) : -ENODEV;
	if (err) {
		report(b, LOG_ERR, "VF %s: cannot move %s to netns %s: %s%s%s", a->vf,
		       ifname, a->to.name, strerror(-err), ext[0] ? ": " : "",
		       ext);
		goto err_undo;
	}
	if (!a->ifname[0])
		snprintf(a->ifname, sizeof(a->ifname), "%s", ifname);
	close(ns);
	return 0;

err_undo:
	give_undo(d, a, pf, p);
out_close:
	close(ns);
	return err;
}

static int give_vm(struct daemon *d, struct vfmgr_alloc *a,
		   const struct vfmgr_pf *pf, const struct vfmgr_profile *p,
		   struct sbuf *b)
{
	int err;

	err = ensure_vfio();
	if (err) {
		report(b, LOG_ERR, "no %s driver: loading it: %s", VFIO_DRIVER,
		       strerror(-err));
		return err;
	}
	err = give_prepare(d, a, pf, p, b);
	if (err)
		return err;
	err = vfmgr_pci_bind(a->vf, VFIO_DRIVER);
	if (err) {
		report(b, LOG_ERR, "VF %s: cannot bind %s: %s", a->vf, VFIO_DRIVER,
		       strerror(-err));
		give_undo(d, a, pf, p);
	}
	return err;
}

static int give(struct daemon *d, struct vfmgr_alloc *a,
		const struct vfmgr_pf *pf, struct sbuf *b)
{
	const struct vfmgr_profile *p = NULL;

	if (a->profile[0]) {
		p = vfmgr_conf_profile(d->conf, a->profile);
		if (!p) {
			report(b, LOG_ERR, "no profile %s in %s", a->profile,
			       d->conf_path);
			return -ENOENT;
		}
	}
	if (a->to.kind == VFMGR_TO_NETNS)
		return give_netns(d, a, pf, p, b);
	return give_vm(d, a, pf, p, b);
}

/*
 * Take the VF back: no driver, default settings, an FLR, then the driver
 * it had before.  Done in that order so that nothing of the consumer's
 * (addresses, queues, DMA) survives into the next one.
 */
static int take_back(struct daemon *d, const struct vfmgr_alloc *a,
		     const struct vfmgr_pf *pf, struct sbuf *b)
{
	char ext[VFMGR_EXTACK_MAX] = "";
	int err;

	err = vfmgr_pci_unbind(a->vf);
	if (err) {
		report(b, LOG_ERR, "VF %s: cannot unbind: %s", a->vf, strerror(-err));
		return err;
	}
	if (pf && pf->ifindex > 0) {
		err = vfmgr_nl_reset_vf(&d->nl, pf->ifindex, a->vf_index, ext,
					sizeof(ext));
		/* A setting the driver lacks (igb: link state) is at its default */
		if (err && err != -EOPNOTSUPP)
			logmsg(LOG_WARNING, "VF %s: resetting its settings: %s%s%s, ignoring",
			       a->vf, strerror(-err), ext[0] ? ": " : "", ext);
	}
	err = vfmgr_pci_reset(a->vf);
	if (err)
		logmsg(LOG_WARNING, "VF %s: FLR: %s, ignoring", a->vf, strerror(-err));
	err = give_back_driver(a->vf, a->driver);
	if (err)
		logmsg(LOG_WARNING, "VF %s: rebinding %s: %s, ignoring", a->vf,
		       a->driver[0] ? a->driver : "its driver", strerror(-err));
	d->dirty = true;	/* its [SR-IOV] section, if any, goes back on */
	return 0;
}

/*
 * Write the state file.  When that fails after the kernel was changed
 * (a release), the change stands and the write is tried again on every
 * reconcile tick until it goes through.
 */
static int save_state(struct daemon *d, struct sbuf *b)
{
	int err = vfmgr_state_save(d->state_path, d->state);

	d->save_pending = err != 0;
	if (err)
		report(b, LOG_ERR, "cannot write %s: %s", d->state_path,
		       strerror(-err));
	return err;
}

/* ---- config: VF counts ---- */

/* An allocated VF of the PF is there now */
static bool pf_has_present_allocs(struct daemon *d, const struct vfmgr_pf *pf)
{
	unsigned int i;

	for (i = 0; i < d->state->nr; i++)
		if (!strcmp(d->state->allocs[i].pf, pf->pci_addr) &&
		    d->state->allocs[i].vf_index < pf->num_vfs)
			return true;
	return false;
}

/* The [SR-IOV] key of each setting, for the log */
static const char *const sriov_key[VFMGR_VF_NR_ATTRS] = {
	[VFMGR_VF_MAC] = "MACAddress=",
	[VFMGR_VF_VLAN] = "VLANId=",
	[VFMGR_VF_RATE] = "rate",	/* no [SR-IOV] key */
	[VFMGR_VF_SPOOFCHK] = "MACSpoofCheck=",
	[VFMGR_VF_TRUST] = "Trust=",
	[VFMGR_VF_LINK_STATE] = "LinkState=",
	[VFMGR_VF_RSS_QUERY] = "QueryReceiveSideScaling=",
};

/* VF number VF of PF is given out with a profile, which it keeps */
static bool vf_has_profile(struct daemon *d, const struct vfmgr_pf *pf,
			   unsigned int vf)
{
	unsigned int i;

	for (i = 0; i < d->state->nr; i++) {
		const struct vfmgr_alloc *a = &d->state->allocs[i];

		if (!strcmp(a->pf, pf->pci_addr) && a->vf_index == vf &&
		    a->profile[0])
			return true;
	}
	return false;
}

/* One [SR-IOV] section S on PF: what the kernel does not show yet */
static void apply_sriov_one(struct daemon *d, const struct vfmgr_pf *pf,
			    const struct vfmgr_sriov *s)
{
	char ext[VFMGR_EXTACK_MAX], why[128];
	unsigned int vf = (unsigned int)s->vf, attr, sent = 0;
	struct vfmgr_vf_info k;
	int err;

	err = vf_info(d, pf->ifindex, vf, &k);
	if (err) {
		logmsg(LOG_WARNING, "PF %s VF %u: cannot read it: %s, ignoring",
		       pf->pci_addr, vf, strerror(-err));
		return;
	}
	for (attr = 0; attr < VFMGR_VF_NR_ATTRS; attr++) {
		if (!attr_diff(&s->set, &k, attr, why, sizeof(why)))
			continue;
		err = vfmgr_nl_set_vf_one(&d->nl, pf->ifindex, vf, &s->set,
					  attr, ext, sizeof(ext));
		if (err) {
			logmsg(LOG_WARNING, "PF %s VF %u: %s ([SR-IOV] line %u): %s%s%s, ignoring",
			       pf->pci_addr, vf, sriov_key[attr], s->set.line,
			       strerror(-err), ext[0] ? ": " : "", ext);
			continue;
		}
		sent |= 1u << attr;
	}
	if (!sent)
		return;
	/* Some drivers take a setting and keep another: say so */
	err = vf_info(d, pf->ifindex, vf, &k);
	for (attr = 0; !err && attr < VFMGR_VF_NR_ATTRS; attr++) {
		if (sent & 1u << attr &&
		    attr_diff(&s->set, &k, attr, why, sizeof(why))) {
			logmsg(LOG_WARNING, "PF %s VF %u: %s (line %u): kernel shows %s, ignoring",
			       pf->pci_addr, vf, sriov_key[attr], s->set.line,
			       why);
			sent &= ~(1u << attr);
		}
	}
	if (sent)
		logmsg(LOG_NOTICE, "PF %s VF %u: [SR-IOV] of line %u applied",
		       pf->pci_addr, vf, s->set.line);
}

/*
 * The [SR-IOV] sections of [PF] section C on PF, which has NR_VFS VFs
 * now.  Each setting goes in a request of its own, as networkd sends
 * them, so that one the driver lacks (igb: LinkState=,
 * QueryReceiveSideScaling=) keeps none of the others off; only those the
 * kernel does not show already, so that applying again (each udev event
 * does) changes nothing under a running VF.  A VF given out with a
 * profile has that profile's settings until it comes back.
 */
static void apply_sriov(struct daemon *d, const struct vfmgr_pf *pf,
			unsigned int c, unsigned int nr_vfs)
{
	unsigned int i;

	for (i = 0; i < d->conf->nr_sriov; i++) {
		const struct vfmgr_sriov *s = &d->conf->sriov[i];

		if (s->pf != c)
			continue;
		if ((unsigned int)s->vf >= nr_vfs) {
			logmsg(LOG_WARNING, "PF %s: no VF %d ([SR-IOV] line %u), ignoring",
			       pf->pci_addr, s->vf, s->set.line);
			continue;
		}
		if (pf->ifindex <= 0) {
			logmsg(LOG_WARNING, "PF %s: no netdev: VF %d (line %u) not set, ignoring",
			       pf->pci_addr, s->vf, s->set.line);
			continue;
		}
		if (vf_has_profile(d, pf, (unsigned int)s->vf))
			continue;
		apply_sriov_one(d, pf, s);
	}
}

/* Give PF the VF count its [PF] section C asks for; the count it has */
static unsigned int apply_num_vfs(struct daemon *d, const struct vfmgr_pf *pf,
				  const struct vfmgr_pf_conf *c)
{
	int err;

	if (c->num_vfs < 0 || (unsigned int)c->num_vfs == pf->num_vfs)
		return pf->num_vfs;
	if (!pf->driver[0])
		return pf->num_vfs;	/* no driver, no sriov_numvfs yet */
	if ((unsigned int)c->num_vfs > pf->total_vfs) {
		logmsg(LOG_WARNING, "PF %s: NumVFs=%d (line %u) is more than its %u, ignoring",
		       pf->pci_addr, c->num_vfs, c->line, pf->total_vfs);
		return pf->num_vfs;
	}
	/*
	 * Never take VFs away from under their consumers: the count
	 * changes only while none of the PF's allocated VFs exists
	 * (its driver was reloaded), to create them again.
	 */
	if (pf_has_present_allocs(d, pf)) {
		logmsg(LOG_WARNING,
		       "PF %s: VFs allocated, NumVFs=%d (line %u) not applied, ignoring",
		       pf->pci_addr, c->num_vfs, c->line);
		return pf->num_vfs;
	}
	err = vfmgr_pci_set_num_vfs(pf->pci_addr, (unsigned int)c->num_vfs);
	if (err) {
		logmsg(LOG_ERR, "PF %s: cannot set %d VFs: %s", pf->pci_addr,
		       c->num_vfs, strerror(-err));
		return pf->num_vfs;
	}
	logmsg(LOG_NOTICE, "PF %s (%s): %d VFs", pf->pci_addr,
	       pf->ifname[0] ? pf->ifname : pf->driver, c->num_vfs);
	return (unsigned int)c->num_vfs;
}

/*
 * Give every PF the config names the VF count it asks for, then its VFs
 * their [SR-IOV] settings
 */
static void apply_config(struct daemon *d)
{
	struct vfmgr_pci pci;
	unsigned int i, j, matched = 0;
	int err;

	err = vfmgr_pci_scan(&pci);
	if (err) {
		logmsg(LOG_ERR, "cannot list PCI devices: %s", strerror(-err));
		return;
	}
	for (i = 0; i < pci.nr_pfs; i++) {
		const struct vfmgr_pf *pf = &pci.pfs[i];
		int c = -1;

		for (j = 0; j < d->conf->nr_pfs && c < 0; j++)
			if (vfmgr_pci_pf_matches(&d->conf->pfs[j], pf))
				c = (int)j;
		if (c < 0)
			continue;
		matched++;
		apply_sriov(d, pf, (unsigned int)c,
			    apply_num_vfs(d, pf, &d->conf->pfs[c]));
	}
	d->nr_pfs = matched;
	vfmgr_pci_free(&pci);
}

/* ---- reconcile: what the kernel shows against the state ---- */

static bool netns_exists(const char *name)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), NETNS_RUN_DIR "/%s", name);
	return !access(path, F_OK);
}

/* Put allocation I back as recorded, or drop it; true when it was dropped */
static bool reconcile_one(struct daemon *d, unsigned int i,
			  const struct vfmgr_pci *pci)
{
	struct vfmgr_alloc *a = &d->state->allocs[i];
	const struct vfmgr_profile *p = NULL;
	const struct vfmgr_pf *pf;
	const struct vfmgr_vf *vf;
	struct vfmgr_vf_info k;
	char why[128];
	int err;

	vf = vfmgr_pci_find_vf(pci, a->vf, &pf);
	if (!vf)
		return false;	/* its PF or its VFs are gone for now */
	if (a->profile[0])
		p = vfmgr_conf_profile(d->conf, a->profile);

	if (a->to.kind == VFMGR_TO_NETNS && (vf->ifname[0] || !vf->driver[0])) {
		/* Its netdev is back in our netns, or it has none: the netns
		 * died, or the VF was recreated under it.
		 */
		if (!netns_exists(a->to.name)) {
			if (take_back(d, a, pf, NULL))
				return false;	/* tried again next time */
			logmsg(LOG_NOTICE, "netns %s is gone: VF %s (%s) reclaimed",
			       a->to.name, a->vf, vf->ifname);
			vfmgr_state_del(d->state, a->vf);
			return true;
		}
		logmsg_limited(d, LOG_NOTICE, "VF %s is not in netns %s: giving it again",
			       a->vf, a->to.name);
		err = give(d, a, pf, NULL);
		if (err)
			logmsg_limited(d, LOG_WARNING, "VF %s: netns %s: %s, will retry",
				       a->vf, a->to.name, strerror(-err));
		return false;
	}
	if (a->to.kind == VFMGR_TO_VM && strcmp(vf->driver, VFIO_DRIVER)) {
		logmsg_limited(d, LOG_NOTICE, "VF %s is bound to %s: giving it to vm %s again",
			       a->vf, vf->driver[0] ? vf->driver : "no driver",
			       a->to.name);
		err = give(d, a, pf, NULL);
		if (err)
			logmsg_limited(d, LOG_WARNING, "VF %s: vm %s: %s, will retry",
				       a->vf, a->to.name, strerror(-err));
		return false;
	}
	/* A PF reset or reload can lose the settings under a bound VF */
	if (p && pf->ifindex > 0 && !vf_info(d, pf->ifindex, a->vf_index, &k)) {
		profile_diff(p, &k, why, sizeof(why));
		if (why[0]) {
			logmsg_limited(d, LOG_NOTICE,
				       "VF %s: the kernel shows %s: applying profile %s again",
				       a->vf, why, p->name);
			apply_profile(d, pf->ifindex, a->vf_index, p, false,
				      NULL);
		}
	}
	return false;
}

static void reconcile(struct daemon *d)
{
	struct vfmgr_pci pci;
	bool changed = false;
	unsigned int i;

	if (d->save_pending)
		save_state(d, NULL);
	if (!d->state->nr)
		return;
	if (vfmgr_pci_scan(&pci))
		return;
	for (i = 0; i < d->state->nr; ) {
		if (reconcile_one(d, i, &pci))
			changed = true;	/* the next one moved to I */
		else
			i++;
	}
	vfmgr_pci_free(&pci);
	if (changed)
		save_state(d, NULL);
}

/* ---- requests ---- */

static bool vf_taken(struct daemon *d, const struct vfmgr_vf *vf)
{
	return vfmgr_state_find(d->state, vf->pci_addr) ||
	       !strcmp(vf->driver, VFIO_DRIVER);
}

static void print_vm_use(struct sbuf *b, const struct vfmgr_vf *vf)
{
	unsigned int dom, bus, slot, fn;

	if (vf->iommu_group >= 0)
		out(b, "iommu group: %d (/dev/vfio/%d)\n", vf->iommu_group,
		    vf->iommu_group);
	else
		out(b, "iommu group: none (is the IOMMU on? intel_iommu=on)\n");
	out(b, "qemu: -device vfio-pci,host=%s\n", vf->pci_addr);
	if (sscanf(vf->pci_addr, "%x:%x:%x.%x", &dom, &bus, &slot, &fn) != 4)
		return;
	out(b, "libvirt:\n"
	    "<hostdev mode='subsystem' type='pci' managed='no'>\n"
	    "  <source>\n"
	    "    <address domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%x'/>\n"
	    "  </source>\n"
	    "</hostdev>\n", dom, bus, slot, fn);
}

static int req_alloc(struct daemon *d, const struct vfmgr_req_alloc *r,
		     struct sbuf *b)
{
	const struct vfmgr_pf *pf;
	const struct vfmgr_vf *vf = NULL;
	struct vfmgr_alloc a = { 0 };
	char to[VFMGR_ARG_MAX];
	struct vfmgr_pci pci;
	unsigned int i;
	int err;

	if (r->vf < -1) {
		out(b, "invalid VF number %d\n", (int)r->vf);
		return -EINVAL;
	}
	if (d->state->nr >= VFMGR_MAX_ALLOCS) {
		out(b, "%u VFs are given already, the most vfmgrd keeps\n",
		    d->state->nr);
		return -ENOSPC;
	}
	if (vfmgr_consumer_parse(r->to, &a.to)) {
		out(b, "invalid consumer \"%s\": netns:NAME or vm:NAME\n", r->to);
		return -EINVAL;
	}
	if (r->profile[0] && !vfmgr_conf_profile(d->conf, r->profile)) {
		out(b, "no profile \"%s\" in %s\n", r->profile, d->conf_path);
		return -ENOENT;
	}
	if (r->ifname[0] && a.to.kind != VFMGR_TO_NETNS) {
		out(b, "a name is only given to a VF moved to a netns\n");
		return -EINVAL;
	}
	err = vfmgr_pci_scan(&pci);
	if (err) {
		out(b, "cannot list PCI devices: %s\n", strerror(-err));
		return err;
	}
	pf = vfmgr_pci_find_pf(&pci, r->pf);
	if (!pf) {
		out(b, "no SR-IOV PF \"%s\"\n", r->pf);
		err = -ENODEV;
		goto out_free;
	}
	for (i = 0; i < pf->nr_vfs; i++) {
		const struct vfmgr_vf *v = &pf->vfs[i];

		if (r->vf >= 0 ? v->index == (unsigned int)r->vf : !vf_taken(d, v)) {
			vf = v;
			break;
		}
	}
	if (!vf) {
		if (r->vf >= 0)
			out(b, "PF %s has no VF %d (%u enabled)\n", pf->pci_addr,
			    r->vf, pf->num_vfs);
		else
			out(b, "PF %s has no free VF (%u enabled, each allocated or bound to %s)\n",
			    pf->pci_addr, pf->num_vfs, VFIO_DRIVER);
		err = r->vf >= 0 ? -ENODEV : -EBUSY;
		goto out_free;
	}
	if (vf_taken(d, vf)) {
		struct vfmgr_alloc *o = vfmgr_state_find(d->state, vf->pci_addr);

		if (o)
			vfmgr_consumer_format(&o->to, to, sizeof(to));
		out(b, "VF %s is already given to %s\n", vf->pci_addr,
		    o ? to : "vfio-pci outside vfmgr");
		err = -EBUSY;
		goto out_free;
	}
	snprintf(a.vf, sizeof(a.vf), "%s", vf->pci_addr);
	snprintf(a.pf, sizeof(a.pf), "%s", pf->pci_addr);
	a.vf_index = vf->index;
	snprintf(a.profile, sizeof(a.profile), "%s", r->profile);
	snprintf(a.ifname, sizeof(a.ifname), "%s", r->ifname);
	snprintf(a.driver, sizeof(a.driver), "%s", vf->driver);

	err = give(d, &a, pf, b);
	if (err)
		goto out_free;
	err = vfmgr_state_add(d->state, &a);
	if (!err)
		err = save_state(d, b);
	if (err) {
		/* Never keep what the state file does not record */
		vfmgr_state_del(d->state, a.vf);
		take_back(d, &a, pf, NULL);
		goto out_free;
	}
	vfmgr_consumer_format(&a.to, to, sizeof(to));
	report(b, LOG_NOTICE, "VF %s (PF %s VF %u) -> %s%s%s%s%s", a.vf, a.pf, a.vf_index,
	       to, a.profile[0] ? " profile " : "", a.profile,
	       a.ifname[0] ? " as " : "", a.ifname);
	if (a.to.kind == VFMGR_TO_VM)
		print_vm_use(b, vf);
out_free:
	vfmgr_pci_free(&pci);
	return err;
}

static int release_alloc(struct daemon *d, const struct vfmgr_alloc *a,
			 const struct vfmgr_pci *pci, struct sbuf *b)
{
	const struct vfmgr_pf *pf = NULL;
	const struct vfmgr_vf *vf;
	char to[VFMGR_ARG_MAX];
	pid_t pid;

	vf = vfmgr_pci_find_vf(pci, a->vf, &pf);
	if (vf && a->to.kind == VFMGR_TO_VM && !strcmp(vf->driver, VFIO_DRIVER)) {
		pid = vfio_group_user(vf->iommu_group);
		if (pid) {
			out(b, "VF %s is in use: process %d holds /dev/vfio/%d\n",
			    a->vf, (int)pid, vf->iommu_group);
			return -EBUSY;
		}
	}
	if (vf) {
		int err = take_back(d, a, pf, b);

		if (err)	/* still bound: still given */
			return err;
	}
	vfmgr_consumer_format(&a->to, to, sizeof(to));
	out(b, "VF %s released from %s%s\n", a->vf, to,
	    vf ? "" : " (the VF is not there now)");
	logmsg(LOG_NOTICE, "VF %s released from %s", a->vf, to);
	return 0;
}

static int req_release(struct daemon *d, const struct vfmgr_req_release *r,
		       struct sbuf *b)
{
	struct vfmgr_consumer to;
	struct vfmgr_pci pci;
	bool by_consumer;
	unsigned int i, n = 0;
	int err;

	by_consumer = !vfmgr_consumer_parse(r->what, &to);
	if (!by_consumer && !vfmgr_state_find(d->state, r->what)) {
		out(b, "\"%s\" is not an allocated VF or a consumer\n", r->what);
		return -ENOENT;
	}
	err = vfmgr_pci_scan(&pci);
	if (err) {
		out(b, "cannot list PCI devices: %s\n", strerror(-err));
		return err;
	}
	for (i = 0; i < d->state->nr; ) {
		struct vfmgr_alloc *a = &d->state->allocs[i];
		struct vfmgr_alloc copy;

		if (by_consumer ? a->to.kind != to.kind || strcmp(a->to.name, to.name) :
		    strcmp(a->vf, r->what)) {
			i++;
			continue;
		}
		copy = *a;
		err = release_alloc(d, &copy, &pci, b);
		if (err)
			break;
		vfmgr_state_del(d->state, copy.vf);
		n++;
	}
	vfmgr_pci_free(&pci);
	if (n) {
		int serr = save_state(d, b);

		if (!err)
			err = serr;
	}
	if (!err && !n) {
		out(b, "%s has no VF\n", r->what);
		err = -ENOENT;
	}
	return err;
}

static const char *alloc_health(struct daemon *d, const struct vfmgr_alloc *a,
				const struct vfmgr_pci *pci, char *buf,
				size_t len)
{
	const struct vfmgr_profile *p = NULL;
	const struct vfmgr_pf *pf;
	const struct vfmgr_vf *vf;
	struct vfmgr_vf_info k;

	vf = vfmgr_pci_find_vf(pci, a->vf, &pf);
	if (!vf)
		return "missing";
	if (a->to.kind == VFMGR_TO_VM && strcmp(vf->driver, VFIO_DRIVER)) {
		snprintf(buf, len, "driver %s", vf->driver[0] ? vf->driver : "none");
		return buf;
	}
	if (a->to.kind == VFMGR_TO_NETNS && vf->ifname[0])
		return "in host netns";
	if (a->to.kind == VFMGR_TO_NETNS && !vf->driver[0])
		return "no driver";
	if (a->profile[0])
		p = vfmgr_conf_profile(d->conf, a->profile);
	if (p && pf->ifindex > 0 && !vf_info(d, pf->ifindex, a->vf_index, &k)) {
		profile_diff(p, &k, buf, len);
		if (buf[0])
			return buf;
	}
	return "ok";
}

static int req_status(struct daemon *d, bool json, struct sbuf *b)
{
	struct json_object *arr = NULL;
	char to[VFMGR_ARG_MAX], health[128];
	struct vfmgr_pci pci;
	unsigned int i;
	int err;

	err = vfmgr_pci_scan(&pci);
	if (err) {
		out(b, "cannot list PCI devices: %s\n", strerror(-err));
		return err;
	}
	if (json)
		arr = json_object_new_array();
	else
		out(b, "%-13s %-13s %4s %-20s %-12s %-15s %s\n", "VF", "PF",
		    "N", "TO", "PROFILE", "IFNAME", "STATE");
	for (i = 0; i < d->state->nr; i++) {
		const struct vfmgr_alloc *a = &d->state->allocs[i];
		const char *h = alloc_health(d, a, &pci, health, sizeof(health));

		vfmgr_consumer_format(&a->to, to, sizeof(to));
		if (!json) {
			out(b, "%-13s %-13s %4u %-20s %-12s %-15s %s\n", a->vf,
			    a->pf, a->vf_index, to, a->profile[0] ? a->profile : "-",
			    a->ifname[0] ? a->ifname : "-", h);
		} else if (arr) {
			struct json_object *o = json_object_new_object();

			json_object_object_add(o, "vf", json_object_new_string(a->vf));
			json_object_object_add(o, "pf", json_object_new_string(a->pf));
			json_object_object_add(o, "vf_index",
					       json_object_new_int((int)a->vf_index));
			json_object_object_add(o, "to", json_object_new_string(to));
			json_object_object_add(o, "profile",
					       json_object_new_string(a->profile));
			json_object_object_add(o, "ifname",
					       json_object_new_string(a->ifname));
			json_object_object_add(o, "state", json_object_new_string(h));
			json_object_array_add(arr, o);
		}
	}
	vfmgr_pci_free(&pci);
	if (arr) {
		int flags = JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE;

		out(b, "%s\n", json_object_to_json_string_ext(arr, flags));
		json_object_put(arr);
	}
	return 0;
}

static int load_conf(struct daemon *d, struct sbuf *b)
{
	struct vfmgr_conf *conf = calloc(1, sizeof(*conf));
	struct vfmgr_diags diags;
	char sriov[48];
	unsigned int i;
	int err;

	if (!conf)
		return -ENOMEM;
	err = vfmgr_conf_load(d->conf_path, conf, &diags);
	for (i = 0; i < diags.nr; i++)
		report(b, diags.is_error[i] ? LOG_ERR : LOG_WARNING, "%s",
		       diags.text[i]);
	if (err) {
		report(b, LOG_ERR, "%s rejected, keeping the running configuration",
		       d->conf_path);
		free(conf);
		return err;
	}
	free(d->conf);
	d->conf = conf;
	snprintf(sriov, sizeof(sriov), ", %u [SR-IOV] section%s", conf->nr_sriov,
		 conf->nr_sriov == 1 ? "" : "s");
	report(b, LOG_INFO, "%s: %u PF section%s%s, %u profile%s", d->conf_path,
	       conf->nr_pfs, conf->nr_pfs == 1 ? "" : "s",
	       conf->nr_sriov ? sriov : "", conf->nr_profiles,
	       conf->nr_profiles == 1 ? "" : "s");
	return 0;
}

/* SIGHUP or vfmgr reload; the service manager sees it as one reload */
static int reload(struct daemon *d, struct sbuf *b)
{
	int err;

	notify_reloading(d);
	err = load_conf(d, b);
	if (!err) {
		apply_config(d);
		reconcile(d);
	}
	notify(d, "READY=1\n");
	return err;
}

static bool may_change(struct daemon *d, const struct ucred *cred)
{
	(void)d;
	return cred->uid == 0 || cred->uid == geteuid();
}

static void serve(struct daemon *d)
{
	union {
		struct vfmgr_msg_hdr hdr;
		struct vfmgr_req_alloc alloc;
		struct vfmgr_req_release release;
		char raw[sizeof(struct vfmgr_req_alloc) + 64];
	} m;
	struct timeval tv = { .tv_sec = CLIENT_TIMEOUT_SEC };
	struct ucred cred;
	socklen_t clen = sizeof(cred);
	struct sbuf b = { 0 };
	ssize_t n;
	int fd, op, err;

	fd = accept4(d->listen_fd, NULL, NULL, SOCK_CLOEXEC);
	if (fd < 0)
		return;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &clen) ||
	    clen != sizeof(cred)) {
		close(fd);
		return;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	memset(&m, 0, sizeof(m));
	n = recv(fd, &m, sizeof(m), MSG_TRUNC);
	if (n <= 0) {
		close(fd);
		return;
	}
	op = (size_t)n > sizeof(m) ? -EMSGSIZE : vfmgr_msg_check(&m, (size_t)n);
	if (op == VFMGR_OP_REPLY)
		op = -EINVAL;
	if (op < 0) {
		logmsg_limited(d, LOG_WARNING,
			       "malformed request (%zd bytes) from pid %d uid %u: %s",
			       n, (int)cred.pid, (unsigned int)cred.uid,
			       strerror(-op));
		out(&b, "vfmgrd: malformed request: %s\n", strerror(-op));
		err = op;
		goto reply;
	}
	if (op != VFMGR_OP_STATUS && !may_change(d, &cred)) {
		logmsg_limited(d, LOG_WARNING, "pid %d uid %u may not change allocations, refused",
			       (int)cred.pid, (unsigned int)cred.uid);
		out(&b, "vfmgrd: only root changes allocations\n");
		err = -EPERM;
		goto reply;
	}
	switch (op) {
	case VFMGR_OP_STATUS:
		err = req_status(d, m.hdr.flags & VFMGR_F_JSON, &b);
		break;
	case VFMGR_OP_ALLOC:
		err = req_alloc(d, &m.alloc, &b);
		break;
	case VFMGR_OP_RELEASE:
		err = req_release(d, &m.release, &b);
		break;
	case VFMGR_OP_RELOAD:
		err = reload(d, &b);
		break;
	default:
		err = -EOPNOTSUPP;
		break;
	}
reply:
	/* A reply past OUT_MAX is cut there: what fit is sent */
	vfmgr_reply_send(fd, err, b.p ? b.p : "", b.len);
	free(b.p);
	close(fd);
}

/* ---- setup ---- */

static int mkdir_parent(const char *path, mode_t mode)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s", path);
	if (mkdir(dirname(dir), mode) && errno != EEXIST)
		return -errno;
	return 0;
}

static int listen_socket(struct daemon *d)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct stat st;
	mode_t old;
	int fd, err;

	if (strlen(d->sock_path) >= sizeof(sun.sun_path))
		return -ENAMETOOLONG;
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", d->sock_path);
	err = mkdir_parent(d->sock_path, 0755);
	if (err)
		return err;
	/* The state file lock says no other vfmgrd owns it: a stale one */
	if (!lstat(d->sock_path, &st)) {
		if (!S_ISSOCK(st.st_mode))
			return -EEXIST;
		unlink(d->sock_path);
	}
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	old = umask(0117);
	err = bind(fd, (struct sockaddr *)&sun, sizeof(sun)) ? -errno : 0;
	umask(old);
	if (!err && chmod(d->sock_path, 0660))
		err = -errno;
	if (!err && d->has_group && chown(d->sock_path, (uid_t)-1, d->group))
		err = -errno;
	if (!err && listen(fd, 16))
		err = -errno;
	if (err) {
		close(fd);
		return err;
	}
	d->listen_fd = fd;
	return 0;
}

static int lock_state(struct daemon *d)
{
	char path[PATH_MAX];
	int err;

	err = mkdir_parent(d->state_path, 0755);
	if (err)
		return err;
	snprintf(path, sizeof(path), "%s.lock", d->state_path);
	d->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (d->lock_fd < 0)
		return -errno;
	if (flock(d->lock_fd, LOCK_EX | LOCK_NB))
		return errno == EWOULDBLOCK ? -EALREADY : -errno;
	return 0;
}

static int load_state(struct daemon *d)
{
	char bad[PATH_MAX];
	int err;

	err = vfmgr_state_load(d->state_path, d->state);
	if (err == -EINVAL) {
		snprintf(bad, sizeof(bad), "%s.bad", d->state_path);
		logmsg(LOG_WARNING,
		       "%s is not a state file of this vfmgrd: moved to %s, no allocations",
		       d->state_path, bad);
		rename(d->state_path, bad);
		return 0;
	}
	if (err == -ENOENT)
		err = 0;
	if (err)	/* running without it would give its VFs out again */
		logmsg(LOG_ERR, "cannot read %s: %s", d->state_path, strerror(-err));
	else if (d->state->nr)
		logmsg(LOG_INFO, "%u allocation%s from %s", d->state->nr,
		       d->state->nr == 1 ? "" : "s", d->state_path);
	return err;
}

static int watch_udev(struct daemon *d)
{
	/* Without udevd (an initramfs), the kernel's own events */
	bool udevd = !access("/run/udev/control", F_OK);

	d->udev = udev_new();
	if (!d->udev)
		return -ENOMEM;
	d->mon = udev_monitor_new_from_netlink(d->udev, udevd ? "udev" : "kernel");
	if (!d->mon)
		return -EIO;
	udev_monitor_filter_add_match_subsystem_devtype(d->mon, "pci", NULL);
	udev_monitor_filter_add_match_subsystem_devtype(d->mon, "net", NULL);
	/* udev/60-vfmgr.rules tags what concerns us */
	if (udevd)
		udev_monitor_filter_add_match_tag(d->mon, "vfmgr");
	if (udev_monitor_enable_receiving(d->mon))
		return -EIO;
	return 0;
}

static void udev_events(struct daemon *d)
{
	struct udev_device *dev;

	while ((dev = udev_monitor_receive_device(d->mon))) {
		const char *action = udev_device_get_action(dev);

		if (action && (!strcmp(action, "add") || !strcmp(action, "bind") ||
			       !strcmp(action, "move")))
			d->dirty = true;
		udev_device_unref(dev);
	}
}

static int epoll_add(struct daemon *d, int fd)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = fd };

	return epoll_ctl(d->ep_fd, EPOLL_CTL_ADD, fd, &ev) ? -errno : 0;
}

static int setup(struct daemon *d)
{
	struct itimerspec its = {
		.it_interval.tv_sec = RECONCILE_SEC,
		.it_value.tv_sec = RECONCILE_SEC,
	};
	sigset_t mask;
	int err;

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&mask);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	d->sig_fd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
	d->timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	d->ep_fd = epoll_create1(EPOLL_CLOEXEC);
	if (d->sig_fd < 0 || d->timer_fd < 0 || d->ep_fd < 0)
		return -errno;
	timerfd_settime(d->timer_fd, 0, &its, NULL);

	err = lock_state(d);
	if (err == -EALREADY) {
		logmsg(LOG_ERR, "another vfmgrd owns %s", d->state_path);
		return err;
	}
	if (err) {
		logmsg(LOG_ERR, "cannot lock %s.lock: %s", d->state_path, strerror(-err));
		return err;
	}
	err = vfmgr_nl_open(&d->nl);
	if (err) {
		logmsg(LOG_ERR, "rtnetlink: %s", strerror(-err));
		return err;
	}
	err = watch_udev(d);
	if (err) {
		logmsg(LOG_ERR, "udev monitor: %s", strerror(-err));
		return err;
	}
	err = listen_socket(d);
	if (err) {
		logmsg(LOG_ERR, "cannot listen on %s: %s", d->sock_path, strerror(-err));
		return err;
	}
	if (epoll_add(d, d->listen_fd) || epoll_add(d, d->sig_fd) ||
	    epoll_add(d, d->timer_fd) ||
	    epoll_add(d, udev_monitor_get_fd(d->mon)))
		return -errno;
	return 0;
}

static void signals(struct daemon *d)
{
	struct signalfd_siginfo si;

	while (read(d->sig_fd, &si, sizeof(si)) == sizeof(si)) {
		if (si.ssi_signo == SIGHUP) {
			logmsg(LOG_INFO, "SIGHUP: reloading %s", d->conf_path);
			reload(d, NULL);
		} else {
			d->stop = true;
		}
	}
}

static void loop(struct daemon *d)
{
	struct epoll_event ev[8];
	uint64_t ticks;
	int i, n;

	while (!d->stop) {
		n = epoll_wait(d->ep_fd, ev, 8, -1);
		if (n < 0 && errno != EINTR) {
			logmsg(LOG_ERR, "epoll: %s", strerror(errno));
			return;
		}
		for (i = 0; i < n; i++) {
			int fd = ev[i].data.fd;

			if (fd == d->listen_fd) {
				serve(d);
			} else if (fd == d->sig_fd) {
				signals(d);
			} else if (fd == d->timer_fd) {
				if (read(fd, &ticks, sizeof(ticks)) > 0)
					reconcile(d);
			} else {
				udev_events(d);
			}
		}
		if (d->dirty) {
			d->dirty = false;
			apply_config(d);
			reconcile(d);
		}
		notify(d, NULL);
	}
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: vfmgrd [-n] [-c file] [-S socket] [-s state] [-G group]\n");
}

int main(int argc, char **argv)
{
	struct daemon d = {
		.conf_path = VFMGR_CONF_PATH,
		.sock_path = VFMGR_SOCKET_PATH,
		.state_path = VFMGR_STATE_PATH,
		.listen_fd = -1,
		.lock_fd = -1,
	};
	bool check = false;
	struct group *g;
	int opt, err;

	log_journal = vfmgr_sd_journal_fd(STDERR_FILENO);

	while ((opt = getopt(argc, argv, "nc:S:s:G:h")) != -1) {
		switch (opt) {
		case 'n':
			check = true;
			break;
		case 'c':
			d.conf_path = optarg;
			break;
		case 'S':
			d.sock_path = optarg;
			break;
		case 's':
			d.state_path = optarg;
			break;
		case 'G':
			g = getgrnam(optarg);
			if (!g) {
				logmsg(LOG_ERR, "no group %s", optarg);
				return 2;
			}
			d.group = g->gr_gid;
			d.has_group = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	d.state = calloc(1, sizeof(*d.state));
	if (!d.state)
		return 1;
	err = load_conf(&d, NULL);
	if (check)	/* no file is an empty configuration */
		return err && err != -ENOENT ? 1 : 0;
	if (err == -ENOENT) {
		logmsg(LOG_NOTICE, "no %s: no PF to configure and no profile", d.conf_path);
		d.conf = calloc(1, sizeof(*d.conf));
	} else if (err) {
		return 1;
	}
	err = vfmgr_sd_open(&d.sd);
	if (err)
		logmsg(LOG_WARNING, "NOTIFY_SOCKET: %s, ignoring", strerror(-err));
	if (!d.conf || setup(&d) || load_state(&d))
		return 1;
	logmsg(LOG_INFO, "listening on %s", d.sock_path);
	apply_config(&d);
	reconcile(&d);
	/* Serving, with the config applied: what Type=notify waits for */
	notify(&d, "READY=1\n");
	loop(&d);
	sd_send_failed(&d, vfmgr_sd_notify(&d.sd, "STOPPING=1\nSTATUS=stopping"));
	logmsg(LOG_INFO, "stopping; %u allocation%s kept in %s", d.state->nr,
	       d.state->nr == 1 ? "" : "s", d.state_path);
	unlink(d.sock_path);
	vfmgr_nl_close(&d.nl);
	udev_monitor_unref(d.mon);
	udev_unref(d.udev);
	vfmgr_sd_close(&d.sd);
	free(d.conf);
	free(d.state);
	return 0;
}
