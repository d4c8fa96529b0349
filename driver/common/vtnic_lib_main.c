// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic_lib: the code vtnic.ko and vtnicvf.ko both use - register
 * access, the PCI set-up, the mailbox message encoding and the descriptor
 * rings - built once, as a library module (as Intel's libie and libeth
 * serve ice, idpf and iavf).  What only one driver uses is linked into
 * that driver's module instead.  Each file exports what the drivers
 * call, next to its definition.
 */

#include <linux/module.h>

#include "vtnic_version.h"

MODULE_DESCRIPTION("Intel VT-c SR-IOV drivers: code shared by vtnic and vtnicvf");
MODULE_LICENSE("GPL");
MODULE_VERSION(VTNIC_VERSION);
