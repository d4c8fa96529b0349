// SPDX-License-Identifier: GPL-2.0
/*
 * vfmgr: the command line side of vfmgrd (see vfmgr(8)).  For now it
 * checks a configuration file and lists the PFs and VFs (list.c), both
 * without the daemon; the daemon and the commands that talk to it come
 * next.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "conf.h"

#define VFMGR_CONF_PATH	"/etc/vfmgr/vfmgr.conf"

void vfmgr_usage(FILE *out)
{
	fprintf(out,
		"usage: vfmgr check [file]\n"
		"       vfmgr list [--json]\n"
		"       vfmgr show VF [--json]\n"
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
	printf("%s: %u PF section%s, %u profile%s\n", path, conf.nr_pfs,
	       conf.nr_pfs == 1 ? "" : "s", conf.nr_profiles,
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
	if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "-h")) {
		vfmgr_usage(stdout);
		return VFMGR_EXIT_OK;
	}
	fprintf(stderr, "vfmgr: unknown command \"%s\"\n", argv[1]);
	vfmgr_usage(stderr);
	return 2;
}
