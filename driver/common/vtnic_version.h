/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vtnic release, written here and nowhere else: the three modules
 * carry it as MODULE_VERSION (modinfo's "version:") and dkms.conf reads
 * its PACKAGE_VERSION from this line, so a DKMS package and the modules
 * in it cannot disagree.  dkms.conf parses the #define below with sed:
 * keep it on one line, a quoted string of digits and dots.
 */
#ifndef _VTNIC_VERSION_H_
#define _VTNIC_VERSION_H_

#define VTNIC_VERSION "0.1"

#endif /* _VTNIC_VERSION_H_ */
