# SPDX-License-Identifier: GPL-2.0
#
# nvirt: the kernel module, libnvirt, the nvirt CLI and their tests.
#
#   make run     set up, build, boot the test VM and run the demo in it
#   make check   set up, build, run static checks and every test in the VM
#   make shell   boot the test VM with an interactive shell
#   make         build everything (after set-up)
#   make gen     regenerate code from Documentation/netlink/specs/nvirt.yaml
#   make bench-ring  benchmark the VIF ring against its peers (not a test)
#
# KVER=6.12.N+deb12-amd64 picks the guest kernel; NVIRT_NICS the VM's NICs
# (see selftests/vm/run).

BUILD := $(CURDIR)/build
KVER ?= $(shell cat $(BUILD)/kver 2>/dev/null)
KDIR = /lib/modules/$(KVER)/build
# Kernel tools from Debian's linux-source-6.12, unpacked once into build/.
KSRC = $(shell scripts/ksrc $(BUILD)/cache)
KSFT = $(KSRC)/tools/testing/selftests

Q := $(if $(V),,@)

.PHONY: all setup module lib cli selftests build gen check run shell clean \
	bench-ring _build _check _run

all: setup
	$(Q)$(MAKE) --no-print-directory KVER=$$(cat $(BUILD)/kver) _build

# Installs what is missing (as root) and records the guest kernel ABI.
setup:
	$(Q)mkdir -p $(BUILD)
	$(Q)KVER=$(KVER) scripts/setup > $(BUILD)/kver.tmp
	$(Q)mv $(BUILD)/kver.tmp $(BUILD)/kver

module:
	$(Q)$(MAKE) -C $(KDIR) M=$(CURDIR)/kernel CONFIG_NVIRT=m W=1 modules

lib:
	$(Q)$(MAKE) -C lib

cli: lib
	$(Q)$(MAKE) -C cli

selftests:
	$(Q)$(MAKE) -C selftests KSFT_DIR=$(KSFT)

_build: module lib cli selftests

gen:
	$(Q)scripts/ynl-gen $(KSRC) $(CURDIR)

check: setup
	$(Q)$(MAKE) --no-print-directory KVER=$$(cat $(BUILD)/kver) _check

# Static checks first (they rebuild the module with W=1 C=2), the ring's
# stress proof on the host, then the kselftests in one VM boot; one closing
# line counts them all.
_check: _build
	$(Q)rm -rf $(BUILD)/check && mkdir -p $(BUILD)/check
	$(Q)scripts/static-checks $(KVER) $(KSRC) | tee $(BUILD)/check/static.ktap
	$(Q)scripts/ring-checks $(KSFT) | tee $(BUILD)/check/ring.ktap
	$(Q)NVIRT_VMOUT=$(BUILD)/check/vm KVER=$(KVER) selftests/vm/run -t 2400 -- \
		scripts/vm-suite $(KSFT) > $(BUILD)/check/vm.log 2>&1; \
		rc=$$?; grep -Ev '^\[ *[0-9]+\.[0-9]+\]' $(BUILD)/check/vm.log | grep -v '^qemu-system'; \
		if [ $$rc = 0 ]; then r=ok; else r="not ok"; fi; \
		echo "$$r 1 vm: guest ran the suite, no kernel splat (rc $$rc)" \
			> $(BUILD)/check/vm.ktap
	$(Q)scripts/ktap-summary $(BUILD)/check/static.ktap \
		$(BUILD)/check/ring.ktap \
		$(BUILD)/check/vm/output.log $(BUILD)/check/vm.ktap \
		> $(BUILD)/check/summary; \
		rc=$$?; cat $(BUILD)/check/summary; exit $$rc

run: setup
	$(Q)$(MAKE) --no-print-directory KVER=$$(cat $(BUILD)/kver) _run

_run: _build
	$(Q)KVER=$(KVER) selftests/vm/run -- scripts/demo 2>&1 | grep -Ev '^(qemu-system|\[ *[0-9]+\.[0-9]+\])'

shell: all
	$(Q)KVER=$$(cat $(BUILD)/kver) selftests/vm/run -i

# The ring against a spinlock ring, rte_ring, ck_ring and wfcqueue, on the
# host; installs their packages first. Table on stdout, build/bench/ring.json.
bench-ring:
	$(Q)scripts/setup bench
	$(Q)$(MAKE) --no-print-directory -C bench/ring OUT=$(BUILD)/bench run

clean:
	$(Q)[ ! -d "$(KDIR)" ] || $(MAKE) -C $(KDIR) M=$(CURDIR)/kernel clean
	$(Q)$(MAKE) -C lib clean
	$(Q)$(MAKE) -C cli clean
	$(Q)rm -f selftests/nvirt_strict selftests/nvirt_policy \
		selftests/nvirt_ring selftests/nvirt_ring_tsan \
		selftests/nvirt_fuzz selftests/nvirt_soak
	$(Q)$(MAKE) -C bench/ring OUT=$(BUILD)/bench clean
	$(Q)rm -rf $(BUILD)/check $(BUILD)/vm $(BUILD)/static $(BUILD)/ynl
