// SPDX-License-Identifier: GPL-2.0
/*
 * The code in driver/common/, compiled into vtnicvf.ko.  Each
 * module builds its own copy so objects are never shared between modules.
 */

#include "../common/vtnic_hw.c"
#include "../common/vtnic_mbx_msg.c"
#include "../common/vtnic_hw_pci.c"
#include "../common/vtnic_mbx_vf.c"
#include "../common/vtnic_ring.c"
