#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The narrated demo, run inside the test VM by "make demo".
echo "demo: not written yet"
