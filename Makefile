# SPDX-License-Identifier: GPL-2.0
#
# vtnic: out-of-tree build of vtnic.ko and vtnicvf.ko, and the project's
# checks.  "make" builds the modules against KDIR (default: the installed
# Debian 6.12 headers); "make check" runs everything CI runs.

# Newest installed Debian headers of a series, e.g. $(call headers,6.12.)
headers = $(lastword $(shell ls -dv /usr/src/linux-headers-$(1)*-amd64 2>/dev/null))

KDIR ?= $(call headers,6.12.)
KDIR_61 ?= $(call headers,6.1.0-)
KBUILD_OPTS := CONFIG_VTNIC_LIB=m CONFIG_VTNIC=m CONFIG_VTNICVF=m

.PHONY: all modules clean check build-check dkms-check kdirs checkpatch unit fuzz fuzz-merge \
	fuzz-cov vmtest demo help vfmgr qemu debug-kernel check-debug \
	mutate mutate-check

all: modules

modules:
	@test -d "$(KDIR)" || { echo "No kernel headers at KDIR='$(KDIR)': install linux-headers-amd64 (tools/testing/vm/deps.sh) or pass KDIR=..."; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR) $(KBUILD_OPTS) modules

clean:
	-test -d "$(KDIR)" && $(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C tools/testing/unit clean
	$(MAKE) -C vfmgr clean OUT=$(CURDIR)/build/vfmgr
	rm -rf build

# Zero-warning builds (W=1, sparse) against Debian's 6.1 and 6.12 headers.
build-check:
	tools/testing/build-check.sh $(KDIR_61) $(KDIR)

# dkms add, build and install of the tree against the same headers, in a
# private DKMS tree (nothing is left installed)
dkms-check:
	tools/testing/dkms-check.sh $(KDIR_61) $(KDIR)

# The header dirs above, for scripts run by hand: dkms-check.sh
kdirs:
	@echo $(KDIR_61) $(KDIR)

checkpatch:
	tools/testing/checkpatch.sh

unit:
	$(MAKE) -C tools/testing/unit run

# The VF manager's CLI, into build/vfmgr/vfmgr
vfmgr:
	$(MAKE) -C vfmgr OUT=$(CURDIR)/build/vfmgr

# The VF mailbox handler under libFuzzer: make fuzz FUZZ_TIME=600 (seconds;
# FUZZ_JOBS=N forks N workers).  New inputs and crashes go to build/fuzz/;
# fuzz-merge adds the new inputs that cover more to the tree's corpus,
# fuzz-cov reports the line and branch coverage they reach.
fuzz:
	$(MAKE) -C tools/testing/fuzz run

fuzz-merge:
	$(MAKE) -C tools/testing/fuzz merge

fuzz-cov:
	$(MAKE) -C tools/testing/fuzz cov

# Mutation testing of driver/common against the unit tests, by hand and
# not part of make check (Documentation/testing.rst): build/mutate/report.txt.
# MUTATE_FILES="vtnic_iov.c vtnic_mbx_pf.c" mutates only those,
# MUTATE_SAMPLE=N runs N of the mutants spread evenly, MUTATE_JOBS=N in
# parallel (or make -jN), MUTATE_FUZZ=SECONDS fuzzes every survivor too.
MUTATE := nice -n 19 tools/testing/mutate/mutate.py
MUTATE_JOBS ?= $(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),1)
mutate:
	$(MUTATE) -j $(MUTATE_JOBS) $(if $(MUTATE_FUZZ),--fuzz $(MUTATE_FUZZ))

# A fixed sample for CI, about a minute: fails on a survivor not listed in
# tools/testing/mutate/equivalent.txt, or when the two canaries (a budget
# charge the tests must catch; a bound no caller reaches, listed as
# equivalent, which must survive) come out otherwise
MUTATE_CHECK_FILES := vtnic_mbx_pf.c vtnic_iov.c
MUTATE_CHECK_SAMPLE := 12
mutate-check:
	MUTATE_FILES="$(MUTATE_CHECK_FILES)" MUTATE_SAMPLE=$(MUTATE_CHECK_SAMPLE) \
		$(MUTATE) -j $(MUTATE_JOBS) --check --out build/mutate/check \
		--expect-killed 'vtnic_iov.c:budget:v->credit -= HZ;' \
		--expect-survived 'vtnic_iov.c:1200:const:0'

# QEMU 10 with the i82599 model (tools/testing/qemu), into
# build/qemu/qemu-system-x86_64; incremental after the first build
qemu:
	tools/testing/qemu/build.sh

# Linux 6.12 with KASAN, lockdep, kmemleak, DMA-API debugging and fault
# injection, cached outside the clone (tools/testing/vm/debug-kernel.sh);
# check-debug runs the SR-IOV, fault and hostile-VF selftests on it
debug-kernel:
	tools/testing/vm/debug-kernel.sh

check-debug:
	tools/testing/vm/check-debug.sh

# One VM run: make vmtest PF=igb VF=igbvf TESTS=vf_ping.sh, on the 82599
# make vmtest CARD=82599 PF=ixgbe VF=ixgbevf
CARD ?= 82576
PF ?= vtnic
VF ?= vtnicvf
# The demo's VF driver: it is narrated with stock igbvf (the 82599 demo
# shows the PF only, but the VM wants a VF driver of that card)
DEMO_VF ?= $(if $(filter 82599,$(CARD)),ixgbevf,igbvf)
vmtest:
	tools/testing/vm/vmtest.sh --card $(CARD) --pf $(PF) --vf $(VF) $(if $(TESTS),--tests $(TESTS))

demo:
	tools/testing/vm/vmtest.sh --demo --card $(CARD) --pf $(PF) --vf $(DEMO_VF)

check:
	tools/testing/check.sh

help:
	@echo "make             build driver/pf/vtnic.ko and driver/vf/vtnicvf.ko (KDIR=...)"
	@echo "make demo        boot the test VM and watch VFs being created and used"
	@echo "                 (CARD=82599: the 82599's PF, link, traffic and RSS)"
	@echo "make check       everything CI runs; ends with 'N passed, N failed'"
	@echo "make vmtest      one VM run (CARD=82576|82599 PF=vtnic|igb|ixgbe"
	@echo "                 VF=vtnicvf|igbvf|ixgbevf TESTS=a.sh,b.sh)"
	@echo "make qemu        build QEMU with the 82599 model (build/qemu/)"
	@echo "make debug-kernel  build the debug kernel (KASAN, lockdep, kmemleak,"
	@echo "                 DMA-API debugging, fault injection; cached)"
	@echo "make check-debug the SR-IOV, fault and hostile-VF selftests on it"
	@echo "make build-check / dkms-check / checkpatch / unit   one part of make check"
	@echo "make vfmgr       build the VF manager's CLI (build/vfmgr/vfmgr)"
	@echo "make fuzz        fuzz the VF mailbox handler (FUZZ_TIME=600 seconds);"
	@echo "                 fuzz-merge keeps new inputs in the corpus, fuzz-cov"
	@echo "                 reports coverage (Documentation/testing.rst)"
	@echo "make mutate      mutation testing of driver/common against the unit"
	@echo "                 tests (MUTATE_FILES=, MUTATE_SAMPLE=N, -jN); mutate-check"
	@echo "                 a one-minute sample of it"

# The benchmark, run by hand and never by make check:
# make bench BENCH_ARGS="--drivers igb,igb --rounds 3" (see run.sh --help),
# on the 82599 make bench CARD=82599 (vtnic against ixgbe); MODE=vf
# measures a VF of port A under either PF driver instead
MODE ?= pf
.PHONY: bench
bench:
	tools/testing/bench/run.sh --card $(CARD) --mode $(MODE) $(BENCH_ARGS)
