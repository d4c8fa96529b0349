// SPDX-License-Identifier: GPL-2.0
/*
 * vfmgr list and vfmgr show: the PFs and VFs as the host sees them now,
 * read from sysfs at the time of the command (no daemon involved), as
 * text or as JSON.  See vfmgr(8) for the columns and fields.
 */

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "cli.h"
#include "pci.h"

/* The longest "PF:N" a user can mean: a PCI address or netdev, ':', N */
#define VF_SPEC_MAX	(VFMGR_PCI_ADDR_MAX + 12)

static const char *or_dash(const char *s)
{
	return *s ? s : "-";
}

/* Parse "[--json]" plus NR_POS positional arguments into POS */
static int parse_args(int argc, char **argv, bool *json, char **pos,
		      int nr_pos)
{
	int i, n = 0;

	*json = false;
	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--json") && !*json)
			*json = true;
		else if (argv[i][0] != '-' && n < nr_pos)
			pos[n++] = argv[i];
		else
			return -EINVAL;
	}
	return n == nr_pos ? 0 : -EINVAL;
}

static int scan(struct vfmgr_pci *pci)
{
	int err = vfmgr_pci_scan(pci);

	if (err)
		fprintf(stderr, "vfmgr: cannot scan the PCI devices: %s\n",
			strerror(-err));
	return err;
}

/* ---- JSON ---- */

/* Add VAL as KEY to OBJ, taking VAL; a NULL VAL is an allocation failure */
static int add(struct json_object *obj, const char *key,
	       struct json_object *val)
{
	if (!val || json_object_object_add(obj, key, val)) {
		json_object_put(val);
		return -ENOMEM;
	}
	return 0;
}

/* KEY: S, or null when S is "" */
static int add_str(struct json_object *obj, const char *key, const char *s)
{
	if (!*s)
		return json_object_object_add(obj, key, NULL) ? -ENOMEM : 0;
	return add(obj, key, json_object_new_string(s));
}

/* KEY: N, or null when N is NONE */
static int add_int(struct json_object *obj, const char *key, int64_t n,
		   int64_t none)
{
	if (n == none)
		return json_object_object_add(obj, key, NULL) ? -ENOMEM : 0;
	return add(obj, key, json_object_new_int64(n));
}

static int add_hex16(struct json_object *obj, const char *key, uint16_t v)
{
	char buf[8];

	snprintf(buf, sizeof(buf), "0x%04x", v);
	return add(obj, key, json_object_new_string(buf));
}

static struct json_object *vf_json(const struct vfmgr_vf *vf)
{
	struct json_object *obj = json_object_new_object();

	if (!obj)
		return NULL;
	if (add_int(obj, "index", vf->index, -1) ||
	    add_str(obj, "pci_addr", vf->pci_addr) ||
	    add_hex16(obj, "vendor", vf->vendor) ||
	    add_hex16(obj, "device", vf->device) ||
	    add_str(obj, "driver", vf->driver) ||
	    add_str(obj, "ifname", vf->ifname) ||
	    add_int(obj, "iommu_group", vf->iommu_group, -1)) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

static struct json_object *pf_json(const struct vfmgr_pf *pf)
{
	struct json_object *obj = json_object_new_object();
	struct json_object *vfs;
	unsigned int i;

	if (!obj)
		return NULL;
	if (add_str(obj, "pci_addr", pf->pci_addr) ||
	    add_str(obj, "ifname", pf->ifname) ||
	    add_int(obj, "ifindex", pf->ifindex, 0) ||
	    add_str(obj, "driver", pf->driver) ||
	    add_hex16(obj, "vendor", pf->vendor) ||
	    add_hex16(obj, "device", pf->device) ||
	    add_str(obj, "name", pf->name) ||
	    add_int(obj, "num_vfs", pf->num_vfs, -1) ||
	    add_int(obj, "total_vfs", pf->total_vfs, -1) ||
	    add_int(obj, "cap_total_vfs", pf->cap_total_vfs, 0) ||
	    add_int(obj, "iommu_group", pf->iommu_group, -1))
		goto err;
	vfs = json_object_new_array();
	if (add(obj, "vfs", vfs))
		goto err;
	for (i = 0; i < pf->nr_vfs; i++) {
		struct json_object *vf = vf_json(&pf->vfs[i]);

		if (!vf || json_object_array_add(vfs, vf)) {
			json_object_put(vf);
			goto err;
		}
	}
	return obj;
err:
	json_object_put(obj);
	return NULL;
}

/* Print OBJ and drop it; a NULL OBJ is an allocation failure */
static int print_json(struct json_object *obj)
{
	const char *s = NULL;

	if (obj)
		s = json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PRETTY |
						   JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s)
		printf("%s\n", s);
	else
		fprintf(stderr, "vfmgr: %s\n", strerror(ENOMEM));
	json_object_put(obj);
	return s ? VFMGR_EXIT_OK : VFMGR_EXIT_FAIL;
}

/* ---- vfmgr list ---- */

static struct json_object *list_json(const struct vfmgr_pci *pci)
{
	struct json_object *obj = json_object_new_object();
	struct json_object *pfs;
	unsigned int i;

	if (!obj)
		return NULL;
	pfs = json_object_new_array();
	if (add(obj, "pfs", pfs))
		goto err;
	for (i = 0; i < pci->nr_pfs; i++) {
		struct json_object *pf = pf_json(&pci->pfs[i]);

		if (!pf || json_object_array_add(pfs, pf)) {
			json_object_put(pf);
			goto err;
		}
	}
	return obj;
err:
	json_object_put(obj);
	return NULL;
}

static void list_text(const struct vfmgr_pci *pci)
{
	const struct vfmgr_pf *pf;
	const struct vfmgr_vf *vf;
	unsigned int i, j;
	char vfs[32], group[16];

	for (i = 0; i < pci->nr_pfs; i++) {
		pf = &pci->pfs[i];
		snprintf(vfs, sizeof(vfs), "%u/%u", pf->num_vfs, pf->total_vfs);
		printf("%-12s  %-15s  %-12s  %-7s  %s\n", pf->pci_addr,
		       or_dash(pf->ifname), or_dash(pf->driver), vfs,
		       or_dash(pf->name));
		for (j = 0; j < pf->nr_vfs; j++) {
			vf = &pf->vfs[j];
			if (vf->iommu_group >= 0)
				snprintf(group, sizeof(group), "%d",
					 vf->iommu_group);
			else
				strcpy(group, "-");
			printf("  vf %-4u %-12s  %-12s  %-15s  %s\n", vf->index,
			       vf->pci_addr, or_dash(vf->driver),
			       or_dash(vf->ifname), group);
		}
	}
}

/**
 * vfmgr_cmd_list() - vfmgr list [--json]
 * @argc: arguments after "list"
 * @argv: them
 *
 * Return: the exit status.
 */
int vfmgr_cmd_list(int argc, char **argv)
{
	struct vfmgr_pci pci;
	bool json;
	int ret;

	if (parse_args(argc, argv, &json, NULL, 0)) {
		vfmgr_usage(stderr);
		return VFMGR_EXIT_USAGE;
	}
	if (scan(&pci))
		return VFMGR_EXIT_FAIL;
	ret = VFMGR_EXIT_OK;
	if (json)
		ret = print_json(list_json(&pci));
	else
		list_text(&pci);
	vfmgr_pci_free(&pci);
	return ret;
}

/* ---- vfmgr show ---- */

/* A PCI address in any case into canonical ADDR; false if it is none */
static bool canonical_addr(const char *s, char addr[VFMGR_PCI_ADDR_MAX])
{
	size_t i, len = strlen(s);

	if (len >= VFMGR_PCI_ADDR_MAX)
		return false;
	for (i = 0; i <= len; i++)
		addr[i] = (char)tolower((unsigned char)s[i]);
	return vfmgr_pci_valid_addr(addr);
}

/**
 * struct vf_spec - the VF a user names
 * @addr: its PCI address, or "" for PF:N
 * @pf: PF's PCI address or netdev name
 * @index: N
 */
struct vf_spec {
	char addr[VFMGR_PCI_ADDR_MAX];
	char pf[VF_SPEC_MAX];
	unsigned int index;
};

/*
 * A VF's PCI address, or "PF:N": VF N of the PF with that PCI address or
 * netdev name.  0 or -EINVAL when S is neither.
 */
static int parse_vf_spec(const char *s, struct vf_spec *spec)
{
	unsigned long index;
	char *colon, *end;

	memset(spec, 0, sizeof(*spec));
	if (canonical_addr(s, spec->addr))
		return 0;
	spec->addr[0] = '\0';
	if (strlen(s) >= sizeof(spec->pf))
		return -EINVAL;
	strcpy(spec->pf, s);
	colon = strrchr(spec->pf, ':');
	if (!colon || colon == spec->pf || !isdigit((unsigned char)colon[1]))
		return -EINVAL;
	errno = 0;
	index = strtoul(colon + 1, &end, 10);
	if (errno || *end || index >= VFMGR_MAX_NUM_VFS)
		return -EINVAL;
	*colon = '\0';
	spec->index = (unsigned int)index;
	/* A PF's PCI address in canonical form; a netdev name as it is */
	if (canonical_addr(spec->pf, spec->addr))
		strcpy(spec->pf, spec->addr);
	spec->addr[0] = '\0';
	return 0;
}

/* The VF SPEC names and its PF: 0 or -ENOENT */
static int find_vf(const struct vfmgr_pci *pci, const struct vf_spec *spec,
		   const struct vfmgr_pf **pfp, const struct vfmgr_vf **vfp)
{
	const struct vfmgr_pf *pf;
	unsigned int i;

	if (spec->addr[0]) {
		*vfp = vfmgr_pci_find_vf(pci, spec->addr, pfp);
		return *vfp ? 0 : -ENOENT;
	}
	pf = vfmgr_pci_find_pf(pci, spec->pf);
	if (!pf)
		return -ENOENT;
	for (i = 0; i < pf->nr_vfs; i++) {
		if (pf->vfs[i].index == spec->index) {
			*pfp = pf;
			*vfp = &pf->vfs[i];
			return 0;
		}
	}
	return -ENOENT;
}

/*
 * What show prints of a VF.  The kernel's settings of the VF (its
 * IFLA_VF_INFO from the PF, src/nl.h) are to join here: a member for
 * them, filled in vfmgr_cmd_show(), printed by show_text() and
 * show_json().
 */
struct vf_view {
	const struct vfmgr_pf *pf;
	const struct vfmgr_vf *vf;
};

static struct json_object *show_json(const struct vf_view *v)
{
	struct json_object *obj = vf_json(v->vf);
	struct json_object *pf;

	if (!obj)
		return NULL;
	pf = json_object_new_object();
	if (add(obj, "pf", pf) ||
	    add_str(pf, "pci_addr", v->pf->pci_addr) ||
	    add_str(pf, "ifname", v->pf->ifname) ||
	    add_str(pf, "driver", v->pf->driver)) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

static void show_text(const struct vf_view *v)
{
	const struct vfmgr_vf *vf = v->vf;
	char group[16];

	if (vf->iommu_group >= 0)
		snprintf(group, sizeof(group), "%d", vf->iommu_group);
	else
		strcpy(group, "-");
	printf("pci_addr     %s\n", vf->pci_addr);
	printf("pf           %s\n", v->pf->pci_addr);
	printf("pf_ifname    %s\n", or_dash(v->pf->ifname));
	printf("index        %u\n", vf->index);
	printf("driver       %s\n", or_dash(vf->driver));
	printf("ifname       %s\n", or_dash(vf->ifname));
	printf("iommu_group  %s\n", group);
}

/**
 * vfmgr_cmd_show() - vfmgr show VF [--json]
 * @argc: arguments after "show"
 * @argv: them
 *
 * Return: the exit status.
 */
int vfmgr_cmd_show(int argc, char **argv)
{
	struct vf_spec spec;
	struct vf_view view;
	struct vfmgr_pci pci;
	char *arg;
	bool json;
	int ret;

	if (parse_args(argc, argv, &json, &arg, 1)) {
		vfmgr_usage(stderr);
		return VFMGR_EXIT_USAGE;
	}
	if (parse_vf_spec(arg, &spec)) {
		fprintf(stderr, "vfmgr: \"%s\" is not a VF: give its PCI address or PF:N\n",
			arg);
		return VFMGR_EXIT_USAGE;
	}
	if (scan(&pci))
		return VFMGR_EXIT_FAIL;
	if (find_vf(&pci, &spec, &view.pf, &view.vf)) {
		fprintf(stderr, "vfmgr: no VF %s\n", arg);
		ret = VFMGR_EXIT_FAIL;
	} else if (json) {
		ret = print_json(show_json(&view));
	} else {
		show_text(&view);
		ret = VFMGR_EXIT_OK;
	}
	vfmgr_pci_free(&pci);
	return ret;
}
