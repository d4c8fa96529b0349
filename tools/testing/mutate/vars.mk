# SPDX-License-Identifier: GPL-2.0
#
# Read after tools/testing/unit/Makefile (make -f Makefile -f vars.mk):
# prints what mutate.py needs to build the unit tests its own way, so the
# test list, the sources each test compiles and the flags have one home,
# that Makefile.  TESTS only: the vfmgr tests compile nothing of driver/.

.PHONY: mutate-vars
mutate-vars:
	@echo 'cc $(CC)'
	@echo 'cflags $(CFLAGS)'
	@echo 'ldlibs $(LDLIBS)'
	@$(foreach t,$(TESTS),echo 'test $(t) $($(t)_SRCS)';)

# The same, read after tools/testing/fuzz/Makefile: what the fuzz target
# compiles, so --fuzz runs only for mutants of those files
.PHONY: mutate-fuzz-vars
mutate-fuzz-vars:
	@echo 'srcs $(SRCS)'
