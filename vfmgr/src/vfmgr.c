// SPDX-License-Identifier: GPL-2.0
/*
 * vfmgr: the command line side of vfmgrd (see vfmgr(8)).  check, list,
 * show (list.c) and export (export.c) run on their own; alloc, release,
 * status and reload ask vfmgrd (ctl.c).
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "conf.h"
#include "ctl.h"
#include "paths.h"

void vfmgr_usage(FILE *out)
{
	fprintf(out,
		"usage: vfmgr check [file]\n"
		"       vfmgr list [--json]\n"
		"       vfmgr show VF [--json]\n"
		"       vfmgr export libvirt [--vfs] [--config file] [--dir dir | PF]\n"
		"       vfmgr export k8s [--config file]\n"
		"       vfmgr alloc --pf PF --to netns:NAME|vm:NAME [--profile NAME]\n"
		"                   [--vf N] [--name IFNAME]\n"
		"       vfmgr release VF|netns:NAME|vm:NAME\n"
		"       vfmgr status [--json]\n"
		"       vfmgr reload\n"
		"       vfmgr help\n");
}

static void print_diags(const struct vfmgr_diags *d)
{
	unsigned int i;

	for (i = 0; i < d->nr; i++)
		fprintf(stderr, "%s\n", d->text[i]);
	if (d->dropped)
		fprintf(stderr, "vfmgr: %u more diagnostics not shown\n",
			d->dropped);
}

/* vfmgr check [file]: 0 when the daemon would take the file */
static int cmd_check(int argc, char **argv)
{
	static struct vfmgr_conf conf;
	struct vfmgr_diags diags;
	const char *path = argc > 0 ? argv[0] : VFMGR_CONF_PATH;
	int err;

	if (argc > 1) {
		vfmgr_usage(stderr);
		return VFMGR_EXIT_USAGE;
	}
	err = vfmgr_conf_load(path, &conf, &diags);
	print_diags(&diags);
	if (err)
		return VFMGR_EXIT_FAIL;
	printf("%s: %u PF section%s", path, conf.nr_pfs,
	       conf.nr_pfs == 1 ? "" : "s");
	if (conf.nr_sriov)
		printf(", %u [SR-IOV] section%s", conf.nr_sriov,
		       conf.nr_sriov == 1 ? "" : "s");
	printf(", %u profile%s\n", conf.nr_profiles,
	       conf.nr_profiles == 1 ? "" : "s");
	return VFMGR_EXIT_OK;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		vfmgr_usage(stderr);
		return VFMGR_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "check"))
		return cmd_check(argc - 2, argv + 2);
	if (!strcmp(argv[1], "list"))
		return vfmgr_cmd_list(argc - 2, argv + 2);
	if (!strcmp(argv[1], "show"))
		return vfmgr_cmd_show(argc - 2, argv + 2);
	if (!strcmp(argv[1], "export"))
		return vfmgr_cmd_export(argc - 2, argv + 2);
	if (!strcmp(argv[1], "alloc"))
		return vfmgr_cmd_alloc(argc - 2, argv + 2);
	if (!strcmp(argv[1], "release"))
		return vfmgr_cmd_release(argc - 2, argv + 2);
	if (!strcmp(argv[1], "status"))
		return vfmgr_cmd_status(argc - 2, argv + 2);
	if (!strcmp(argv[1], "reload"))
		return vfmgr_cmd_reload(argc - 2, argv + 2);
	if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "-h")) {
		vfmgr_usage(stdout);
		return VFMGR_EXIT_OK;
	}
	fprintf(stderr, "vfmgr: unknown command \"%s\"\n", argv[1]);
	vfmgr_usage(stderr);
	return 2;
}
