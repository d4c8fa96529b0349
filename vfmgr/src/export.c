// SPDX-License-Identifier: GPL-2.0
/*
 * vfmgr export: the PFs vfmgr manages, described for other managers of
 * VFs.  "libvirt" writes a libvirt network of forward mode hostdev per
 * PF, "k8s" the resource list of the SR-IOV network device plugin.  The
 * PFs are those a [PF] section of vfmgr.conf matches, as vfmgrd picks
 * them, seen in sysfs now (no daemon involved).  See vfmgr(8).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "cli.h"
#include "conf.h"
#include "paths.h"
#include "pci.h"

/* Networks and resources are named PREFIX + the PF's netdev */
#define EXPORT_PREFIX		"vfmgr"

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

/* The driver vfmgr binds the VFs it gives to VMs: not a netdev pool's */
#define VFIO_DRIVER		"vfio-pci"

/**
 * struct export_args - what "vfmgr export FORMAT ..." asks for
 * @config: the vfmgr.conf whose [PF] sections name the PFs
 * @dir: libvirt: a directory for one file per PF, or NULL for stdout
 * @pf: libvirt: only this PF (PCI address or netdev), config not read
 * @vfs: libvirt: list the VFs' addresses rather than the PF
 * @dev_name: libvirt without @vfs: the PF's netdev goes in <pf dev=''/>
 */
struct export_args {
	const char *config;
	const char *dir;
	const char *pf;
	bool vfs;
	bool dev_name;
};

/* ---- the PFs ---- */

/* The PFs to export, in PCI address order: pointers into PCI */
struct export_pfs {
	unsigned int nr;
	const struct vfmgr_pf *pf[VFMGR_MAX_PFS];
};

/* libvirt's schema takes a <pf dev=''/> of these (deviceName) */
static bool libvirt_dev_name(const char *s)
{
	for (; *s; s++)
		if (!(*s >= 'a' && *s <= 'z') && !(*s >= 'A' && *s <= 'Z') &&
		    !(*s >= '0' && *s <= '9') && !strchr("_.-:/", *s))
			return false;
	return true;
}

/* Why PF cannot be exported as A asks, or NULL */
static const char *unusable(const struct export_args *a,
			    const struct vfmgr_pf *pf)
{
	if (!pf->ifname[0])
		return "has no network interface";
	if (a->dev_name && !libvirt_dev_name(pf->ifname))
		return "has a network interface name libvirt does not take in <pf> (see --vfs)";
	return NULL;
}

static void print_diags(const struct vfmgr_diags *d)
{
	unsigned int i;

	for (i = 0; i < d->nr; i++)
		fprintf(stderr, "%s\n", d->text[i]);
}

/*
 * The PFs a [PF] section of A->config matches, or A->pf alone.  A PF
 * without a netdev has no name to export it under: left out with a
 * warning.  Returns the exit status.
 */
static int pick_pfs(const struct export_args *a, const struct vfmgr_pci *pci,
		    struct export_pfs *out)
{
	static struct vfmgr_conf conf;
	struct vfmgr_diags diags;
	const struct vfmgr_pf *pf;
	unsigned int i, j;
	const char *why;
	int err;

	out->nr = 0;
	if (a->pf) {
		pf = vfmgr_pci_find_pf(pci, a->pf);
		if (!pf) {
			fprintf(stderr, "vfmgr: no SR-IOV PF %s\n", a->pf);
			return VFMGR_EXIT_FAIL;
		}
		why = unusable(a, pf);
		if (why) {
			fprintf(stderr, "vfmgr: PF %s %s\n", pf->pci_addr, why);
			return VFMGR_EXIT_FAIL;
		}
		out->pf[out->nr++] = pf;
		return VFMGR_EXIT_OK;
	}
	err = vfmgr_conf_load(a->config, &conf, &diags);
	print_diags(&diags);
	if (err)
		return VFMGR_EXIT_FAIL;
	for (i = 0; i < pci->nr_pfs && out->nr < VFMGR_MAX_PFS; i++) {
		pf = &pci->pfs[i];
		for (j = 0; j < conf.nr_pfs; j++)
			if (vfmgr_pci_pf_matches(&conf.pfs[j], pf))
				break;
		if (j == conf.nr_pfs)
			continue;
		why = unusable(a, pf);
		if (why) {
			fprintf(stderr, "vfmgr: PF %s %s, ignoring\n",
				pf->pci_addr, why);
			continue;
		}
		out->pf[out->nr++] = pf;
	}
	return VFMGR_EXIT_OK;
}

/* ---- libvirt ---- */

/* S as XML character data or an attribute value in '' */
static void xml_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '\'':
			fputs("&apos;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		default:
			fputc(*s, f);
		}
	}
}

/* A VF's PCI address as libvirt's <address type='pci' .../> */
static void xml_pci_address(FILE *f, const char *addr)
{
	unsigned int dom, bus, slot, fn;

	if (sscanf(addr, "%x:%x:%x.%x", &dom, &bus, &slot, &fn) != 4)
		return;		/* the scan gives only canonical addresses */
	fprintf(f, "    <address type='pci' domain='0x%04x' bus='0x%02x'",
		dom, bus);
	fprintf(f, " slot='0x%02x' function='0x%x'/>\n", slot, fn);
}

/*
 * PF's network: libvirt takes a free VF of the PF's (or of the listed
 * VFs) for each guest interface of type network, binds it to vfio-pci
 * (managed='yes') and gives it back when the guest stops.
 */
static void libvirt_network(FILE *f, const struct vfmgr_pf *pf, bool vfs)
{
	unsigned int i;

	fputs("<network>\n  <name>" EXPORT_PREFIX "-", f);
	xml_text(f, pf->ifname);
	fputs("</name>\n  <forward mode='hostdev' managed='yes'>\n", f);
	if (vfs) {
		for (i = 0; i < pf->nr_vfs; i++)
			xml_pci_address(f, pf->vfs[i].pci_addr);
	} else {
		fputs("    <pf dev='", f);
		xml_text(f, pf->ifname);
		fputs("'/>\n", f);
	}
	fputs("  </forward>\n</network>\n", f);
}

/* PF's network into DIR/vfmgr-IFNAME.xml: the exit status */
static int libvirt_file(const char *dir, const struct vfmgr_pf *pf, bool vfs)
{
	char path[4096];
	FILE *f;
	int n, err = 0;

	n = snprintf(path, sizeof(path), "%s/" EXPORT_PREFIX "-%s.xml", dir,
		     pf->ifname);
	if (n < 0 || (size_t)n >= sizeof(path)) {
		fprintf(stderr, "vfmgr: %s: %s\n", dir, strerror(ENAMETOOLONG));
		return VFMGR_EXIT_FAIL;
	}
	f = fopen(path, "we");
	if (!f) {
		fprintf(stderr, "vfmgr: %s: %s\n", path, strerror(errno));
		return VFMGR_EXIT_FAIL;
	}
	libvirt_network(f, pf, vfs);
	if (ferror(f))
		err = EIO;
	if (fclose(f) && !err)
		err = errno;
	if (err) {
		fprintf(stderr, "vfmgr: writing %s: %s\n", path, strerror(err));
		return VFMGR_EXIT_FAIL;
	}
	printf("%s\n", path);
	return VFMGR_EXIT_OK;
}

static int export_libvirt(const struct export_args *a,
			  const struct export_pfs *pfs)
{
	unsigned int i;
	int ret = VFMGR_EXIT_OK;

	if (a->dir) {
		for (i = 0; i < pfs->nr && ret == VFMGR_EXIT_OK; i++)
			ret = libvirt_file(a->dir, pfs->pf[i], a->vfs);
		return ret;
	}
	if (pfs->nr != 1) {
		fprintf(stderr, "vfmgr: %u PFs to export: name one, or give --dir\n",
			pfs->nr);
		return VFMGR_EXIT_FAIL;
	}
	libvirt_network(stdout, pfs->pf[0], a->vfs);
	return VFMGR_EXIT_OK;
}

/* ---- k8s ---- */

/* S to ARR unless ARR has it: 0 or -ENOMEM */
static int add_unique(struct json_object *arr, const char *s)
{
	size_t i, n = json_object_array_length(arr);
	struct json_object *v;

	for (i = 0; i < n; i++)
		if (!strcmp(json_object_get_string(json_object_array_get_idx(arr, i)), s))
			return 0;
	v = json_object_new_string(s);
	if (!v || json_object_array_add(arr, v)) {
		json_object_put(v);
		return -ENOMEM;
	}
	return 0;
}

/* The selectors the plugin reads, in the order it documents them */
static const char *const k8s_selectors[] = {
	"vendors", "devices", "drivers", "pfNames",
};

/* A new resource named NAME with an empty array for each selector */
static struct json_object *k8s_new_resource(const char *name)
{
	struct json_object *res = json_object_new_object();
	struct json_object *sel = json_object_new_object();
	unsigned int i;

	if (!res || !sel ||
	    json_object_object_add(res, "resourceName", json_object_new_string(name)) ||
	    json_object_object_add(res, "selectors", sel)) {
		json_object_put(sel);
		json_object_put(res);
		return NULL;
	}
	for (i = 0; i < ARRAY_SIZE(k8s_selectors); i++) {
		struct json_object *arr = json_object_new_array();

		if (!arr || json_object_object_add(sel, k8s_selectors[i], arr)) {
			json_object_put(arr);
			json_object_put(res);
			return NULL;
		}
	}
	return res;
}

/*
 * PF's resource: the plugin's selectors pick its VFs by the VFs' PCI IDs
 * (4 hex digits, no "0x"), their drivers (those bound now but vfio-pci,
 * vfmgr's VMs'; none bound: no driver selector) and the PF's netdev.
 * The plugin takes [A-Za-z0-9_] in a resource name: others become '_'.
 */
static struct json_object *k8s_resource(const struct vfmgr_pf *pf)
{
	char name[sizeof(EXPORT_PREFIX) + IF_NAMESIZE], id[8], *c;
	struct json_object *res, *sel, *sels[ARRAY_SIZE(k8s_selectors)];
	unsigned int i;
	int err = 0;

	snprintf(name, sizeof(name), EXPORT_PREFIX "_%s", pf->ifname);
	for (c = name; *c; c++)
		if (!(*c >= 'a' && *c <= 'z') && !(*c >= 'A' && *c <= 'Z') &&
		    !(*c >= '0' && *c <= '9'))
			*c = '_';
	res = k8s_new_resource(name);
	if (!res)
		return NULL;
	json_object_object_get_ex(res, "selectors", &sel);
	for (i = 0; i < ARRAY_SIZE(k8s_selectors); i++)
		json_object_object_get_ex(sel, k8s_selectors[i], &sels[i]);
	for (i = 0; i < pf->nr_vfs && !err; i++) {
		const struct vfmgr_vf *vf = &pf->vfs[i];

		snprintf(id, sizeof(id), "%04x", vf->vendor);
		err = add_unique(sels[0], id);
		snprintf(id, sizeof(id), "%04x", vf->device);
		if (!err)
			err = add_unique(sels[1], id);
		if (!err && vf->driver[0] && strcmp(vf->driver, VFIO_DRIVER))
			err = add_unique(sels[2], vf->driver);
	}
	if (!err)
		err = add_unique(sels[3], pf->ifname);
	if (err) {
		json_object_put(res);
		return NULL;
	}
	/* Only drivers can be empty (no VF bound): then any driver will do */
	for (i = 0; i < ARRAY_SIZE(k8s_selectors); i++)
		if (!json_object_array_length(sels[i]))
			json_object_object_del(sel, k8s_selectors[i]);
	return res;
}

static int export_k8s(const struct export_pfs *pfs)
{
	struct json_object *root = json_object_new_object();
	struct json_object *list = json_object_new_array();
	const char *s = NULL;
	unsigned int i;

	if (!root || !list || json_object_object_add(root, "resourceList", list)) {
		json_object_put(list);
		goto out;
	}
	for (i = 0; i < pfs->nr; i++) {
		const struct vfmgr_pf *pf = pfs->pf[i];
		struct json_object *res;

		if (!pf->nr_vfs) {
			fprintf(stderr, "vfmgr: PF %s has no VFs, ignoring\n",
				pf->ifname);
			continue;
		}
		res = k8s_resource(pf);
		if (!res || json_object_array_add(list, res)) {
			json_object_put(res);
			goto out;
		}
	}
	s = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
					   JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s)
		printf("%s\n", s);
out:
	if (!s)
		fprintf(stderr, "vfmgr: %s\n", strerror(ENOMEM));
	json_object_put(root);
	return s ? VFMGR_EXIT_OK : VFMGR_EXIT_FAIL;
}

/* ---- vfmgr export ---- */

/* The options and PF after FORMAT; false on a usage error */
static bool parse_args(int argc, char **argv, bool libvirt,
		       struct export_args *a)
{
	int i;

	memset(a, 0, sizeof(*a));
	a->config = VFMGR_CONF_PATH;
	for (i = 0; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(argv[i], "--config") && v) {
			a->config = v;
			i++;
		} else if (libvirt && !strcmp(argv[i], "--dir") && v && !a->pf) {
			a->dir = v;
			i++;
		} else if (libvirt && !strcmp(argv[i], "--vfs")) {
			a->vfs = true;
		} else if (libvirt && argv[i][0] != '-' && !a->pf && !a->dir) {
			a->pf = argv[i];
		} else {
			return false;
		}
	}
	return true;
}

/**
 * vfmgr_cmd_export() - vfmgr export libvirt|k8s ...
 * @argc: arguments after "export"
 * @argv: them
 *
 * Return: the exit status.
 */
int vfmgr_cmd_export(int argc, char **argv)
{
	struct export_args a;
	struct export_pfs pfs;
	struct vfmgr_pci pci;
	bool libvirt;
	int ret;

	if (argc < 1 || (strcmp(argv[0], "libvirt") && strcmp(argv[0], "k8s"))) {
		vfmgr_usage(stderr);
		return VFMGR_EXIT_USAGE;
	}
	libvirt = !strcmp(argv[0], "libvirt");
	if (!parse_args(argc - 1, argv + 1, libvirt, &a)) {
		vfmgr_usage(stderr);
		return VFMGR_EXIT_USAGE;
	}
	a.dev_name = libvirt && !a.vfs;
	ret = vfmgr_pci_scan(&pci);
	if (ret) {
		fprintf(stderr, "vfmgr: cannot scan the PCI devices: %s\n",
			strerror(-ret));
		return VFMGR_EXIT_FAIL;
	}
	ret = pick_pfs(&a, &pci, &pfs);
	if (ret == VFMGR_EXIT_OK)
		ret = libvirt ? export_libvirt(&a, &pfs) : export_k8s(&pfs);
	vfmgr_pci_free(&pci);
	return ret;
}
