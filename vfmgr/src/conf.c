// SPDX-License-Identifier: GPL-2.0
/*
 * vfmgr.conf parser.
 *
 * The format is systemd's INI dialect: "[Section]" headers, "Key=Value"
 * lines, "#" and ";" comments, whitespace around keys and values ignored,
 * an empty value resets a key, a later assignment wins.  Sections repeat
 * ("[PF]" once per PF), and every diagnostic names its line.
 *
 * [SR-IOV] is systemd.network(5)'s section with its keys and meanings; it
 * follows the [PF] section of its PF, as networkd's sits in the PF's
 * .network file.  Each mistake networkd drops a [SR-IOV] section for (a
 * value it cannot parse, no VirtualFunction=, a VF past the count,
 * two sections for one VF) rejects the file here, as an invalid line of
 * any other section does: vfmgrd keeps the configuration it runs.
 *
 * Not Debian's libinih: it is built without INI_HANDLER_LINENO and
 * without INI_CALL_HANDLER_ON_NEW_SECTION, so its handler learns neither
 * the line (no FILE:LINE diagnostics) nor where one "[PF]" section ends
 * and the next begins (they would merge).  The format is small enough
 * that a parser of its own costs less than working around both.
 */

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"

/* The longer reasons, kept whole for grep */
#define NEEDS_VLAN	"QualityOfService= and VLANProtocol= need VLANId=, ignoring"
#define NAME_CHARS	"letters, digits, '-', '_' or '.'"
#define NOT_UNICAST	"not a unicast address xx:xx:xx:xx:xx:xx other than zero"
#define SRIOV_ORPHAN	"[SR-IOV] must follow the [PF] section of its PF, or another [SR-IOV]"

enum section_kind {
	SECTION_NONE,		/* before the first header */
	SECTION_PF,
	SECTION_SRIOV,
	SECTION_PROFILE,
	SECTION_UNKNOWN,	/* warned about once, its keys skipped */
};

struct parser {
	const char *name;
	unsigned int line;
	enum section_kind kind;
	int sriov_pf;		/* the [PF] a [SR-IOV] here belongs to, or -1 */
	struct vfmgr_conf *conf;
	struct vfmgr_diags *diags;
};

static void __attribute__((format(printf, 3, 4)))
diag(struct parser *p, bool error, const char *fmt, ...)
{
	struct vfmgr_diags *d = p->diags;
	char *buf;
	int n;
	va_list ap;

	if (error)
		d->errors++;
	if (d->nr == VFMGR_MAX_DIAGS) {
		d->dropped++;
		return;
	}
	d->is_error[d->nr] = error;
	buf = d->text[d->nr++];
	if (p->line)
		n = snprintf(buf, VFMGR_DIAG_MAX, "%s:%u: ", p->name, p->line);
	else
		n = snprintf(buf, VFMGR_DIAG_MAX, "%s: ", p->name);
	if (n < 0 || n >= VFMGR_DIAG_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + n, VFMGR_DIAG_MAX - n, fmt, ap);
	va_end(ap);
}

#define warn(p, ...)	diag(p, false, __VA_ARGS__)
#define error(p, ...)	diag(p, true, __VA_ARGS__)

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

/* ---- values ---- */

static int parse_bool(const char *v)
{
	static const char *const on[] = { "1", "yes", "y", "true", "t", "on" };
	static const char *const off[] = { "0", "no", "n", "false", "f", "off" };
	unsigned int i;

	for (i = 0; i < sizeof(on) / sizeof(on[0]); i++) {
		if (!strcasecmp(v, on[i]))
			return 1;
		if (!strcasecmp(v, off[i]))
			return 0;
	}
	return -EINVAL;
}

/* A decimal number in [min, max]: digits only, no sign, no suffix */
static int parse_uint(const char *v, uint32_t min, uint32_t max,
		      unsigned long *out)
{
	uint64_t n = 0;
	const char *c;

	if (!*v)
		return -EINVAL;
	for (c = v; *c; c++) {
		if (!isdigit((unsigned char)*c))
			return -EINVAL;
		n = n * 10 + (uint64_t)(*c - '0');
		if (n > max)
			return -ERANGE;
	}
	if (n < min)
		return -ERANGE;
	*out = (unsigned long)n;
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* "xx:xx:xx:xx:xx:xx", a unicast address that is not zero */
static int parse_mac(const char *v, uint8_t *mac)
{
	unsigned int i;
	int hi, lo;

	if (strlen(v) != 17)
		return -EINVAL;
	for (i = 0; i < 6; i++) {
		hi = hexval(v[3 * i]);
		lo = hexval(v[3 * i + 1]);
		if (hi < 0 || lo < 0 || (i < 5 && v[3 * i + 2] != ':'))
			return -EINVAL;
		mac[i] = (uint8_t)(hi << 4 | lo);
	}
	if (mac[0] & 1)
		return -EDOM;	/* multicast or broadcast */
	for (i = 0; i < 6; i++)
		if (mac[i])
			return 0;
	return -EDOM;
}

/* @n hex digits at @v, into @out */
static int parse_hex(const char *v, unsigned int n, unsigned int *out)
{
	unsigned int i;
	int x;

	*out = 0;
	for (i = 0; i < n; i++) {
		x = hexval(v[i]);
		if (x < 0)
			return -EINVAL;
		*out = *out << 4 | (unsigned int)x;
	}
	return 0;
}

/* "dddd:bb:dd.f" or "bb:dd.f", written back in canonical lower case */
static int parse_pci_addr(const char *v, char *out)
{
	unsigned int dom = 0, bus, dev, fn;
	size_t len = strlen(v);

	if (len == 12) {
		if (parse_hex(v, 4, &dom) || v[4] != ':')
			return -EINVAL;
		v += 5;
	} else if (len != 7) {
		return -EINVAL;
	}
	if (parse_hex(v, 2, &bus) || v[2] != ':' || parse_hex(v + 3, 2, &dev) ||
	    v[5] != '.' || parse_hex(v + 6, 1, &fn))
		return -EINVAL;
	if (dev > 0x1f || fn > 7)
		return -EINVAL;
	snprintf(out, VFMGR_PCI_ADDR_MAX, "%04x:%02x:%02x.%x", dom, bus, dev,
		 fn);
	return 0;
}

/* What the kernel accepts as an interface name (dev_valid_name()) */
static bool valid_ifname(const char *v)
{
	size_t len = strlen(v);

	if (!len || len >= IF_NAMESIZE || !strcmp(v, ".") || !strcmp(v, ".."))
		return false;
	for (; *v; v++)
		if (*v == '/' || *v == ':' || isspace((unsigned char)*v))
			return false;
	return true;
}

/* Profile and driver names: letters, digits, "-", "_" and "." */
static bool valid_name(const char *v, size_t max)
{
	size_t len = strlen(v);

	if (!len || len >= max)
		return false;
	for (; *v; v++)
		if (!isalnum((unsigned char)*v) && !strchr("-_.", *v))
			return false;
	return true;
}

/* ---- sections ---- */

static struct vfmgr_pf_conf *cur_pf(struct parser *p)
{
	return &p->conf->pfs[p->conf->nr_pfs - 1];
}

static struct vfmgr_profile *cur_profile(struct parser *p)
{
	return &p->conf->profiles[p->conf->nr_profiles - 1];
}

static struct vfmgr_sriov *cur_sriov(struct parser *p)
{
	return &p->conf->sriov[p->conf->nr_sriov - 1];
}

/* Settings before any key: nothing set, the VLAN protocol 802.1Q */
static struct vfmgr_profile settings_init(unsigned int line)
{
	return (struct vfmgr_profile){
		.line = line,
		.vlan_proto = 0x8100,
		.spoofchk = VFMGR_UNSET,
		.trust = VFMGR_UNSET,
		.link_state = VFMGR_LINK_UNSET,
		.query_rss = VFMGR_UNSET,
	};
}

/* The checks of a [Profile]'s or a [SR-IOV]'s settings; SECTION names it */
static void check_settings(struct parser *p, const char *section,
			   const struct vfmgr_profile *pr)
{
	if (pr->max_tx_rate && pr->min_tx_rate > pr->max_tx_rate)
		error(p, "%s: MinTxRate=%u is above MaxTxRate=%u", section,
		      pr->min_tx_rate, pr->max_tx_rate);
	/* networkd sends neither without a VLAN: it says nothing */
	if (!pr->vlan && (pr->qos || pr->vlan_proto != 0x8100))
		warn(p, "%s: " NEEDS_VLAN, section);
}

/* networkd's checks of a [SR-IOV] section, but each an error */
static void end_sriov(struct parser *p)
{
	const struct vfmgr_sriov *s = cur_sriov(p);
	const struct vfmgr_pf_conf *pf = &p->conf->pfs[s->pf];
	unsigned int i;

	if (s->vf < 0) {
		error(p, "[SR-IOV] without VirtualFunction=");
		p->conf->nr_sriov--;
		return;
	}
	if (pf->num_vfs >= 0 && s->vf >= pf->num_vfs)
		error(p, "[SR-IOV] VirtualFunction=%d is not below NumVFs=%d of its [PF] (line %u)",
		      s->vf, pf->num_vfs, pf->line);
	for (i = 0; i + 1 < p->conf->nr_sriov; i++) {
		const struct vfmgr_sriov *o = &p->conf->sriov[i];

		if (o->pf == s->pf && o->vf == s->vf) {
			error(p, "[SR-IOV] for VF %d of this [PF] is already on line %u",
			      s->vf, o->set.line);
			break;
		}
	}
	check_settings(p, "[SR-IOV]", &s->set);
}

/* The checks that need the whole section, reported at its header */
static void end_section(struct parser *p)
{
	unsigned int line = p->line;
	char section[16 + VFMGR_NAME_MAX];

	if (p->kind == SECTION_PF) {
		const struct vfmgr_pf_conf *pf = cur_pf(p);

		p->line = pf->line;
		if (!pf->pci_addr[0] && !pf->driver[0] && !pf->ifname[0])
			error(p, "[PF] matches nothing: give PCIAddress=, Driver= or Name=");
	} else if (p->kind == SECTION_SRIOV) {
		p->line = cur_sriov(p)->set.line;
		end_sriov(p);
	} else if (p->kind == SECTION_PROFILE) {
		const struct vfmgr_profile *pr = cur_profile(p);

		p->line = pr->line;
		snprintf(section, sizeof(section), "[Profile %s]", pr->name);
		check_settings(p, section, pr);
	}
	p->line = line;
}

static void start_section(struct parser *p, char *hdr)
{
	struct vfmgr_conf *c = p->conf;
	char *arg;
	unsigned int i;

	hdr = trim(hdr);
	arg = hdr + strcspn(hdr, " \t");
	if (*arg)
		*arg++ = '\0';
	arg = trim(arg);

	if (!strcmp(hdr, "SR-IOV") && !*arg) {
		p->kind = SECTION_UNKNOWN;
		if (p->sriov_pf < 0) {
			error(p, SRIOV_ORPHAN);
			return;
		}
		if (c->nr_sriov == VFMGR_MAX_SRIOV) {
			error(p, "more than %u [SR-IOV] sections", VFMGR_MAX_SRIOV);
			return;
		}
		c->sriov[c->nr_sriov++] = (struct vfmgr_sriov){
			.pf = (unsigned int)p->sriov_pf,
			.vf = -1,
			.set = settings_init(p->line),
		};
		p->kind = SECTION_SRIOV;
		return;
	}
	/* Any other section ends the [PF]'s [SR-IOV] sections */
	p->sriov_pf = -1;
	if (!strcmp(hdr, "PF") && !*arg) {
		if (c->nr_pfs == VFMGR_MAX_PFS) {
			error(p, "more than %u [PF] sections", VFMGR_MAX_PFS);
			p->kind = SECTION_UNKNOWN;
			return;
		}
		c->pfs[c->nr_pfs++] = (struct vfmgr_pf_conf){
			.line = p->line, .num_vfs = -1,
		};
		p->kind = SECTION_PF;
		p->sriov_pf = (int)c->nr_pfs - 1;
		return;
	}
	if (!strcmp(hdr, "Profile")) {
		p->kind = SECTION_UNKNOWN;
		if (!valid_name(arg, VFMGR_NAME_MAX)) {
			error(p, "invalid profile name \"%s\": 1..%u " NAME_CHARS,
			      arg, VFMGR_NAME_MAX - 1);
			return;
		}
		for (i = 0; i < c->nr_profiles; i++)
			if (!strcmp(c->profiles[i].name, arg)) {
				error(p, "[Profile %s] is already defined on line %u",
				      arg, c->profiles[i].line);
				return;
			}
		if (c->nr_profiles == VFMGR_MAX_PROFILES) {
			error(p, "more than %u [Profile] sections",
			      VFMGR_MAX_PROFILES);
			return;
		}
		c->profiles[c->nr_profiles++] = settings_init(p->line);
		strcpy(cur_profile(p)->name, arg);
		p->kind = SECTION_PROFILE;
		return;
	}
	warn(p, "unknown section [%s%s%s], ignoring", hdr, *arg ? " " : "", arg);
	p->kind = SECTION_UNKNOWN;
}

/* ---- keys ---- */

static void bad_value(struct parser *p, const char *key, const char *val,
		      const char *why)
{
	error(p, "invalid %s=%s: %s", key, val, why);
}

static void pf_key(struct parser *p, const char *key, const char *val)
{
	struct vfmgr_pf_conf *pf = cur_pf(p);
	unsigned long n;

	if (!strcmp(key, "PCIAddress")) {
		if (!*val)
			pf->pci_addr[0] = '\0';
		else if (parse_pci_addr(val, pf->pci_addr))
			bad_value(p, key, val, "not a PCI address (DDDD:BB:DD.F)");
	} else if (!strcmp(key, "Driver")) {
		if (*val && !valid_name(val, VFMGR_DRIVER_MAX))
			bad_value(p, key, val, "not a driver name");
		else
			strcpy(pf->driver, val);
	} else if (!strcmp(key, "Name")) {
		if (*val && !valid_ifname(val))
			bad_value(p, key, val, "not an interface name");
		else
			strcpy(pf->ifname, val);
	} else if (!strcmp(key, "NumVFs")) {
		if (!*val)
			pf->num_vfs = -1;
		else if (parse_uint(val, 0, VFMGR_MAX_NUM_VFS, &n))
			bad_value(p, key, val, "not a number in 0..4096");
		else
			pf->num_vfs = (int)n;
	} else {
		warn(p, "unknown key %s in [PF], ignoring", key);
	}
}

static int parse_tristate(const char *val, enum vfmgr_tristate *out)
{
	int b;

	if (!*val) {
		*out = VFMGR_UNSET;
		return 0;
	}
	b = parse_bool(val);
	if (b < 0)
		return b;
	*out = b ? VFMGR_ON : VFMGR_OFF;
	return 0;
}

/*
 * The keys [Profile] and [SR-IOV] share, one parser each: KEY=VAL into
 * PR, or an error and PR as it was.
 */
typedef void key_parser(struct parser *p, const char *key, const char *val,
			struct vfmgr_profile *pr);

static void key_mac(struct parser *p, const char *key, const char *val,
		    struct vfmgr_profile *pr)
{
	uint8_t mac[6];

	if (*val && parse_mac(val, mac)) {
		bad_value(p, key, val, NOT_UNICAST);
		return;
	}
	pr->has_mac = *val;
	if (*val)
		memcpy(pr->mac, mac, sizeof(mac));
}

static void key_vlan(struct parser *p, const char *key, const char *val,
		     struct vfmgr_profile *pr)
{
	unsigned long n = 0;

	if (*val && parse_uint(val, 1, 4095, &n))
		bad_value(p, key, val, "not in 1..4095");
	else
		pr->vlan = (uint16_t)n;
}

/*
 * 0..7, the 802.1p priority.  networkd takes any u32 here, but the
 * kernel hands ndo_set_vf_vlan() a u8 and drivers refuse more than 7:
 * 8 fails only when applied, 263 would be 7 on igb.
 */
static void key_qos(struct parser *p, const char *key, const char *val,
		    struct vfmgr_profile *pr)
{
	unsigned long n = 0;

	if (*val && parse_uint(val, 0, 7, &n))
		bad_value(p, key, val, "not in 0..7");
	else
		pr->qos = (uint8_t)n;
}

static void key_vlan_proto(struct parser *p, const char *key,
			   const char *val, struct vfmgr_profile *pr)
{
	if (!*val || !strcasecmp(val, "802.1Q"))
		pr->vlan_proto = 0x8100;
	else if (!strcasecmp(val, "802.1ad"))
		pr->vlan_proto = 0x88a8;
	else
		bad_value(p, key, val, "not 802.1Q or 802.1ad");
}

static void key_tristate(struct parser *p, const char *key, const char *val,
			 enum vfmgr_tristate *out)
{
	if (parse_tristate(val, out))
		bad_value(p, key, val, "not a boolean");
}

static void key_spoofchk(struct parser *p, const char *key, const char *val,
			 struct vfmgr_profile *pr)
{
	key_tristate(p, key, val, &pr->spoofchk);
}

static void key_trust(struct parser *p, const char *key, const char *val,
		      struct vfmgr_profile *pr)
{
	key_tristate(p, key, val, &pr->trust);
}

static void key_query_rss(struct parser *p, const char *key, const char *val,
			  struct vfmgr_profile *pr)
{
	key_tristate(p, key, val, &pr->query_rss);
}

static void key_link_state(struct parser *p, const char *key,
			   const char *val, struct vfmgr_profile *pr)
{
	int b = *val ? parse_bool(val) : 0;

	if (!*val)
		pr->link_state = VFMGR_LINK_UNSET;
	else if (!strcasecmp(val, "auto"))
		pr->link_state = VFMGR_LINK_AUTO;
	else if (b < 0)
		bad_value(p, key, val, "not a boolean or \"auto\"");
	else
		pr->link_state = b ? VFMGR_LINK_ENABLE : VFMGR_LINK_DISABLE;
}

static void key_rate(struct parser *p, const char *key, const char *val,
		     struct vfmgr_profile *pr)
{
	uint32_t *rate = !strcmp(key, "MaxTxRate") ? &pr->max_tx_rate :
						    &pr->min_tx_rate;
	unsigned long n = 0;

	if (*val && parse_uint(val, 0, UINT32_MAX, &n))
		bad_value(p, key, val, "not a rate in Mb/s");
	else
		*rate = (uint32_t)n;
}

struct key {
	const char *name;
	key_parser *parse;
};

static const struct key profile_keys[] = {
	{ "MACAddress", key_mac },
	{ "VLANId", key_vlan },
	{ "QualityOfService", key_qos },
	{ "VLANProtocol", key_vlan_proto },
	{ "MACSpoofCheck", key_spoofchk },
	{ "Trust", key_trust },
	{ "LinkState", key_link_state },
	{ "MaxTxRate", key_rate },
	{ "MinTxRate", key_rate },
};

/* systemd.network(5)'s, but VirtualFunction=: that is no VF setting */
static const struct key sriov_keys[] = {
	{ "MACAddress", key_mac },
	{ "VLANId", key_vlan },
	{ "QualityOfService", key_qos },
	{ "VLANProtocol", key_vlan_proto },
	{ "MACSpoofCheck", key_spoofchk },
	{ "QueryReceiveSideScaling", key_query_rss },
	{ "Trust", key_trust },
	{ "LinkState", key_link_state },
};

/* KEY's parser in TABLE of N, or NULL */
static key_parser *find_key(const struct key *table, size_t n,
			    const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(table[i].name, key))
			return table[i].parse;
	return NULL;
}

static void profile_key(struct parser *p, const char *key, const char *val)
{
	struct vfmgr_profile *pr = cur_profile(p);
	key_parser *parse;

	parse = find_key(profile_keys, sizeof(profile_keys) / sizeof(profile_keys[0]),
			 key);
	if (parse)
		parse(p, key, val, pr);
	else
		warn(p, "unknown key %s in [Profile %s], ignoring", key,
		     pr->name);
}

static void sriov_key(struct parser *p, const char *key, const char *val)
{
	struct vfmgr_sriov *s = cur_sriov(p);
	key_parser *parse;
	unsigned long n;

	if (!strcmp(key, "VirtualFunction")) {
		if (!*val)
			s->vf = -1;
		else if (parse_uint(val, 0, VFMGR_MAX_VF_INDEX, &n))
			bad_value(p, key, val, "not in 0..2147483646");
		else
			s->vf = (int)n;
		return;
	}
	parse = find_key(sriov_keys, sizeof(sriov_keys) / sizeof(sriov_keys[0]),
			 key);
	if (parse)
		parse(p, key, val, &s->set);
	else
		warn(p, "unknown key %s in [SR-IOV], ignoring", key);
}

static void parse_line(struct parser *p, char *line)
{
	char *eq, *key, *val;

	line = trim(line);
	if (!*line || *line == '#' || *line == ';')
		return;
	if (*line == '[') {
		size_t len = strlen(line);

		if (line[len - 1] != ']') {
			error(p, "section header without its closing ']'");
			return;
		}
		line[len - 1] = '\0';
		end_section(p);
		start_section(p, line + 1);
		return;
	}
	eq = strchr(line, '=');
	if (!eq) {
		error(p, "not a section header, a comment or Key=Value");
		return;
	}
	*eq = '\0';
	key = trim(line);
	val = trim(eq + 1);
	if (!*key) {
		error(p, "assignment without a key");
		return;
	}
	switch (p->kind) {
	case SECTION_NONE:
		warn(p, "%s= outside of any section, ignoring", key);
		break;
	case SECTION_PF:
		pf_key(p, key, val);
		break;
	case SECTION_SRIOV:
		sriov_key(p, key, val);
		break;
	case SECTION_PROFILE:
		profile_key(p, key, val);
		break;
	case SECTION_UNKNOWN:
		break;
	}
}

/**
 * vfmgr_conf_parse() - parse a config held in memory
 * @name: the file name, for diagnostics
 * @text: the contents, not necessarily NUL-terminated
 * @len: bytes in @text
 * @conf: filled in; undefined after an error
 * @diags: emptied, then gets the warnings and errors
 *
 * Return: 0 (perhaps with warnings), -EINVAL when any line is invalid,
 * -EFBIG past VFMGR_CONF_MAX_BYTES.
 */
int vfmgr_conf_parse(const char *name, const char *text, size_t len,
		     struct vfmgr_conf *conf, struct vfmgr_diags *diags)
{
	struct parser p = {
		.name = name, .conf = conf, .diags = diags, .sriov_pf = -1,
	};
	char line[VFMGR_CONF_MAX_LINE + 1];
	size_t pos = 0;

	memset(conf, 0, sizeof(*conf));
	memset(diags, 0, sizeof(*diags));
	if (len > VFMGR_CONF_MAX_BYTES) {
		error(&p, "larger than %u bytes", VFMGR_CONF_MAX_BYTES);
		return -EFBIG;
	}
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - text - pos) : len - pos;

		p.line++;
		if (memchr(text + pos, '\0', n)) {
			error(&p, "contains a NUL byte");
		} else if (n > VFMGR_CONF_MAX_LINE) {
			error(&p, "longer than %u bytes", VFMGR_CONF_MAX_LINE);
		} else {
			memcpy(line, text + pos, n);
			line[n] = '\0';
			parse_line(&p, line);
		}
		pos += n + 1;
	}
	end_section(&p);
	return diags->errors ? -EINVAL : 0;
}

/**
 * vfmgr_conf_load() - read and parse a config file
 * @path: the file
 * @conf: filled in; undefined after an error
 * @diags: the warnings and errors
 *
 * Return: 0, a negative errno from reading it, or vfmgr_conf_parse()'s.
 */
int vfmgr_conf_load(const char *path, struct vfmgr_conf *conf,
		    struct vfmgr_diags *diags)
{
	struct parser p = { .name = path, .diags = diags };
	struct stat st;
	char *buf;
	ssize_t n;
	int fd, err;

	memset(diags, 0, sizeof(*diags));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st)) {
		err = -errno;
		error(&p, "cannot read: %s", strerror(-err));
		if (fd >= 0)
			close(fd);
		return err;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > VFMGR_CONF_MAX_BYTES) {
		error(&p, S_ISREG(st.st_mode) ? "larger than %u bytes" :
		      "not a regular file", VFMGR_CONF_MAX_BYTES);
		close(fd);
		return S_ISREG(st.st_mode) ? -EFBIG : -EINVAL;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		close(fd);
		return -ENOMEM;
	}
	/* One byte more than fstat said, to notice a file that grew */
	n = read(fd, buf, (size_t)st.st_size + 1);
	err = n < 0 ? -errno : 0;
	close(fd);
	if (!err && n > st.st_size) {
		error(&p, "changed while being read");
		err = -EAGAIN;
	}
	if (!err)
		err = vfmgr_conf_parse(path, buf, (size_t)n, conf, diags);
	else if (err != -EAGAIN)
		error(&p, "cannot read: %s", strerror(-err));
	free(buf);
	return err;
}

/* The profile called @name, or NULL */
const struct vfmgr_profile *vfmgr_conf_profile(const struct vfmgr_conf *conf,
					       const char *name)
{
	unsigned int i;

	for (i = 0; i < conf->nr_profiles; i++)
		if (!strcmp(conf->profiles[i].name, name))
			return &conf->profiles[i];
	return NULL;
}
