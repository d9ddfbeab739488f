# SPDX-License-Identifier: GPL-2.0
#
# nvirt: the kernel module, libnvirt, the nvirt CLI and their tests.
#
#   make run     set up, build, boot the test VM and run the demo in it
#   make check   set up, build, run static checks and every test in the VM
#   make shell   boot the test VM with an interactive shell
#   make         build everything (after set-up)
#   make gen     regenerate code from Documentation/netlink/specs/nvirt.yaml
#   make docs    the documentation as HTML, in build/docs/html
#   make deb     the Debian packages, in build/deb
#   make install install (DESTDIR, PREFIX); install-dkms: the module for DKMS
#   make check-debug  the canary and the whole suite on the debug kernel
#   make check-lts    the whole suite on Debian 12's default kernel, 6.1
#   make bench   benchmark nvirt against macvlan, ip and the bare NIC in the
#                test VM, then the ring on the host (not a test): tables,
#                build/bench/bench.json, PNG plots (BENCH_QUICK=1: smaller)
#   make bench-datapath  only the datapath, instruction-counted (QEMU's
#                -icount): soft VIF vs macvlan, build/bench/datapath.json
#   make bench-ring  only the ring against its peers, on the host
#   make asan    libnvirt and the CLI with ASan+UBSan, in build/asan/ (the
#                suite runs with them when NVIRT_CLI=build/asan/cli/nvirt)
#   make fuzz    the libFuzzer targets of fuzz/, in build/fuzz/ (run on the
#                host by scripts/fuzz-checks)
#   make netdevsim  netdevsim.ko for KVER, from linux-source-6.12, in
#                build/netdevsim/KVER (Debian's kernel does not build it)
#   make rig-modules  the guest's rig module (selftests/vm/eoi) for KVER, in
#                build/rig/KVER
#
# KVER=6.12.N+deb12-amd64 picks the guest kernel; NVIRT_NICS the VM's NICs
# (see selftests/vm/run).

BUILD := $(CURDIR)/build
, := ,
KVER ?= $(shell cat $(BUILD)/kver 2>/dev/null)
# Jobs for the builds of the modules and the selftests.
JOBS := $(shell nproc)
# Debian 12's default kernel (6.1), which nvirt builds and runs on too.
LTS_KVER ?= $(shell cat $(BUILD)/kver-lts 2>/dev/null)
KDIR = /lib/modules/$(KVER)/build
# Kernel tools from Debian's linux-source-6.12, unpacked once into build/.
KSRC = $(shell scripts/ksrc $(BUILD)/cache)
KSFT = $(KSRC)/tools/testing/selftests

Q := $(if $(V),,@)

.PHONY: all setup module netdevsim rig-modules lib cli cni selftests build gen check run shell clean \
	install install-module install-user install-dkms stage deb docs lts-modules \
	bench bench-vm _bench_vm bench-datapath _bench_datapath bench-ring asan fuzz _build _check _run check-debug debug-modules \
	_check_canary _check_debug _check_vm _check_tier _check_lts check-lts

all: setup
	$(Q)$(MAKE) --no-print-directory KVER=$$(cat $(BUILD)/kver) _build

# Installs what is missing (as root) and records the guest kernel ABI.
setup:
	$(Q)mkdir -p $(BUILD)
	$(Q)KVER=$(KVER) scripts/setup > $(BUILD)/kver.tmp
	$(Q)mv $(BUILD)/kver.tmp $(BUILD)/kver
	$(Q)scripts/setup lts > $(BUILD)/kver-lts.tmp
	$(Q)mv $(BUILD)/kver-lts.tmp $(BUILD)/kver-lts

module:
	$(Q)$(MAKE) -j$(JOBS) -C $(KDIR) M=$(CURDIR)/kernel CONFIG_NVIRT=m W=1 modules

lib:
	$(Q)$(MAKE) -C lib

cli: lib
	$(Q)$(MAKE) -C cli

cni: lib
	$(Q)$(MAKE) -C cni

selftests:
	$(Q)$(MAKE) -j$(JOBS) -C selftests KSFT_DIR=$(KSFT)

# netdevsim for the tests' many VFs: Debian's kernel has no such module.
# Its sources are unpacked into build/cache once; built once per kernel.
netdevsim:
	$(Q)selftests/vm/netdevsim $(BUILD)/cache $(KDIR) $(BUILD)/netdevsim/$(KVER) >/dev/null

# The rig's own module for the guest (selftests/vm/eoi: timer-watch's
# repair of an EOI QEMU lost), built in build/rig/KVER from links, as the
# debug tier's modules are.
RIG = $(BUILD)/rig/$(KVER)
rig-modules:
	$(Q)mkdir -p $(RIG)/eoi && find $(RIG)/eoi -maxdepth 1 -type l -delete && \
	ln -s $(CURDIR)/selftests/vm/eoi/* $(RIG)/eoi/ && \
	$(MAKE) -j$(JOBS) -C $(KDIR) M=$(RIG)/eoi W=1 modules

_build: module netdevsim rig-modules lib cli cni selftests

# nvirt.ko and the rig's module for Debian 12's default kernel (LTS_KVER),
# for make check's boot of it.
LTS_KO = $(BUILD)/kmod/$(LTS_KVER)/kernel/nvirt.ko
lts-modules:
	$(Q)scripts/kmod /lib/modules/$(LTS_KVER)/build $(BUILD)/kmod/$(LTS_KVER) >/dev/null
	$(Q)$(MAKE) --no-print-directory rig-modules KVER=$(LTS_KVER) >/dev/null

# What make install gives, staged for nvirt_install.sh to try out (make
# check and check-debug stage it; so may a run of that test alone).
STAGE = $(BUILD)/stage
stage: lib cli cni
	$(Q)rm -rf $(STAGE)
	$(Q)$(MAKE) --no-print-directory install-user install-dkms \
		DESTDIR=$(STAGE) PREFIX=/usr >/dev/null

# libnvirt and the CLI built with ASan and UBSan (any report aborts), apart
# from the plain ones the tests use; build/asan/cli/nvirt finds its
# library as ../lib by its rpath.
ASAN := $(BUILD)/asan
ASAN_CFLAGS := -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=all

asan:
	$(Q)$(MAKE) -C lib O=$(ASAN)/lib CFLAGS="$(ASAN_CFLAGS)"
	$(Q)$(MAKE) -C cli O=$(ASAN)/cli LIB_O=$(ASAN)/lib CFLAGS="$(ASAN_CFLAGS)"

fuzz:
	$(Q)$(MAKE) -C fuzz OUT=$(BUILD)/fuzz

gen:
	$(Q)scripts/ynl-gen $(KSRC) $(CURDIR)

# HTML in build/docs/html: Documentation/networking/nvirt/ and the spec's
# reference, with Sphinx.
docs:
	$(Q)scripts/docs $(KSRC) $(BUILD)/docs

# make install puts everything under DESTDIR and PREFIX: the module for
# KVER (in /lib/modules/KVER/updates), libnvirt with its header and
# pkg-config file, the command, its man pages, its bash completion, the
# systemd unit that restores the saved VIFs at boot, the CNI plugin (in
# PREFIX/lib/cni, where Debian's plugins are) and libvirt's QEMU hook (in
# /etc/libvirt/hooks/qemu.d).
# install-dkms puts the module's sources and a dkms.conf in /usr/src
# instead, for DKMS to build the module for every installed kernel.
include lib/version.mk
PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
CNIDIR ?= $(PREFIX)/lib/cni
# libvirt reads its hooks there, whatever PREFIX is.
LIBVIRT_HOOKDIR ?= /etc/libvirt/hooks/qemu.d
DKMSDIR = $(DESTDIR)/usr/src/nvirt-$(VERSION)
INSTALL_DIRS = PREFIX=$(PREFIX) LIBDIR=$(LIBDIR) INCLUDEDIR=$(INCLUDEDIR) \
	SBINDIR=$(SBINDIR) CNIDIR=$(CNIDIR)
KERNEL_SRCS = $(filter-out %.mod.c,$(wildcard kernel/*.[ch])) kernel/Kbuild \
	kernel/Kconfig

install: install-module install-user

install-module: module
	$(Q)$(MAKE) -C $(KDIR) M=$(CURDIR)/kernel INSTALL_MOD_PATH=$(DESTDIR) \
		INSTALL_MOD_DIR=updates modules_install

install-user: lib cli cni
	$(Q)$(MAKE) -C lib $(INSTALL_DIRS) install
	$(Q)$(MAKE) -C cli $(INSTALL_DIRS) install
	$(Q)$(MAKE) -C cni $(INSTALL_DIRS) install
	$(Q)install -d $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(BASHCOMPDIR)
	$(Q)install -m 644 man/man8/*.8 $(DESTDIR)$(MANDIR)/man8/
	$(Q)install -m 644 bash-completion/nvirt $(DESTDIR)$(BASHCOMPDIR)/
	$(Q)install -d $(DESTDIR)$(SYSTEMDUNITDIR)
	$(Q)sed 's|@SBINDIR@|$(SBINDIR)|' systemd/nvirt.service.in \
		> $(DESTDIR)$(SYSTEMDUNITDIR)/nvirt.service
	$(Q)install -d $(DESTDIR)$(LIBVIRT_HOOKDIR)
	$(Q)install -m 755 libvirt/nvirt-hook $(DESTDIR)$(LIBVIRT_HOOKDIR)/nvirt

# The Debian packages (debian/), built with dpkg-buildpackage from a copy
# of the tree in build/deb/nvirt-VERSION (git's files, or all but build/
# outside a git checkout); the .debs land in build/deb.
DEB = $(BUILD)/deb
deb:
	$(Q)rm -rf $(DEB) && mkdir -p $(DEB)/nvirt-$(VERSION)
	$(Q){ git ls-files -co --exclude-standard 2>/dev/null || \
	      find . \( -path ./build -o -path ./.git \) -prune -o -type f -print; } | \
		tar -cT - | tar -xC $(DEB)/nvirt-$(VERSION)
	$(Q)cd $(DEB)/nvirt-$(VERSION) && \
		dpkg-buildpackage -b -us -uc > $(DEB)/build.log 2>&1 || \
		{ tail -n 30 $(DEB)/build.log; exit 1; }
	$(Q)ls $(DEB)/*.deb

install-dkms:
	$(Q)install -d $(DKMSDIR)/kernel $(DKMSDIR)/include/uapi/linux
	$(Q)install -m 644 $(KERNEL_SRCS) $(DKMSDIR)/kernel/
	$(Q)install -m 644 include/uapi/linux/nvirt.h \
		$(DKMSDIR)/include/uapi/linux/
	$(Q)sed 's/#MODULE_VERSION#/$(VERSION)/' dkms.conf.in > $(DKMSDIR)/dkms.conf

check: setup
	$(Q)date +%s > $(BUILD)/check.start
	$(Q)$(MAKE) --no-print-directory KVER=$$(cat $(BUILD)/kver) _check

CHECK = $(BUILD)/check
VM_CHECK = selftests/vm/check
# $(call timed,PHASE,COMMAND): COMMAND, its seconds added to the phases
# the summary lists.
timed = s=$$(date +%s); $(2); echo "$(1) $$(($$(date +%s) - s))" >> $(CHECK)/phases
SUMMARY = scripts/ktap-summary --phases $(CHECK)/phases --start $(BUILD)/check.start \
	$(CHECK)/*.ktap $(CHECK)/*/output.log > $(CHECK)/summary; rc=$$?; \
	cat $(CHECK)/summary; exit $$rc

# Static checks first: they rebuild the module, libnvirt and the CLI
# (W=1, sparse, -Werror) that the rest uses. Then two lanes side by side,
# one closing line counting them all. One: the packages' install on the
# host (build/deb-root, which nvirt_deb.sh needs), then the kselftests in
# one VM boot on Debian's 6.12, the longest part, but LATE_TESTS, then
# LTS_TESTS in a boot of Debian 12's default kernel (6.1). The
# other, on the host: the ring's stress proof, the fuzzers, the man pages
# and completion against help (selftests/nvirt_usage.sh, which needs no
# module); then the debug tier's boots, then LATE_TESTS on Debian's
# kernel. Both lanes keep the host's two cores busy: what makes check
# faster is less work, not more overlap; LATE_TESTS only even them out.
_check: _build debug-modules lts-modules stage deb
	$(Q)rm -rf $(CHECK) && mkdir -p $(CHECK)
	$(Q)echo "build $$(($$(date +%s) - $$(cat $(BUILD)/check.start 2>/dev/null || date +%s)))" \
		> $(CHECK)/phases
	$(Q)$(call timed,static,scripts/static-checks $(KVER) $(KSRC) | tee $(CHECK)/static.ktap)
	$(Q)$(call timed,lanes,$(MAKE) --no-print-directory -j2 _check_vm _check_tier)
	$(Q)$(SUMMARY)

_check_vm:
	$(Q)$(call timed,deb,scripts/deb-checks $(KVER) $(KSFT) $(LTS_KVER) > $(CHECK)/deb.ktap)
	$(Q)$(call timed,vm,KVER=$(KVER) $(VM_CHECK) "vm: guest ran the suite$(,) no kernel splat" \
		$(CHECK)/vm -t 2700 -- env NVIRT_SKIP_TESTS="$(STOCK_SKIP)" \
		selftests/vm/suite $(KSFT))
	$(Q)$(call timed,lts,$(MAKE) --no-print-directory _check_lts)
_check_lts:
	$(Q)KVER=$(LTS_KVER) NVIRT_KO=$(LTS_KO) $(VM_CHECK) \
		"lts vm: Debian 12's 6.1 ran its tests$(,) no kernel splat" \
		$(CHECK)/lts -t $(LTS_VM_TIMEOUT) -- env NVIRT_TESTS="$(LTS_TESTS)" \
		NVIRT_SKIP_TESTS="$(IOMMU_ONLY)" \
		NVIRT_SHARED_CHECKS="$(LTS_SHARED_CHECKS)" selftests/vm/suite $(KSFT)
_check_tier:
	$(Q)$(call timed,ring,scripts/ring-checks $(KSFT) > $(CHECK)/ring.ktap)
	$(Q)$(call timed,fuzz,scripts/fuzz-checks > $(CHECK)/fuzz.ktap)
	$(Q)$(call timed,usage,KSFT_DIR=$(KSFT) selftests/nvirt_usage.sh > $(CHECK)/usage.ktap)
	$(Q)$(call timed,canary,$(MAKE) --no-print-directory _check_canary)
	$(Q)$(call timed,debug,$(MAKE) --no-print-directory _check_debug \
		NVIRT_TESTS="$(DEBUG_CHECK_TESTS)" DEBUG_VM_TIMEOUT=3600 \
		DEBUG_SHARED_CHECKS=churn DEBUG_FUZZ_COUNT=10000 DEBUG_LEAK_SCANS=end)
	$(Q)$(call timed,late,KVER=$(KVER) $(VM_CHECK) "late vm: guest ran its tests$(,) no kernel splat" \
		$(CHECK)/late -t 1800 -- env NVIRT_TESTS="$(LATE_TESTS)" \
		selftests/vm/suite $(KSFT))
	$(Q)$(call timed,iommu,KVER=$(KVER) NVIRT_IOMMU=1 $(VM_CHECK) "iommu vm: guest ran its tests$(,) no kernel splat" \
		$(CHECK)/iommu -t 1200 -- env NVIRT_TESTS="$(IOMMU_TESTS)" \
		selftests/vm/suite $(KSFT))

# The stock kernel's tests the second lane runs, in boots of their own,
# once its debug boot is done: the debug tier is the shorter lane. The
# tests VFIO needs an IOMMU for run in the last, with QEMU's (kept short:
# QEMU 10's TCG with its IOMMU once aborted in a boot); the first boot,
# with none, runs nvirt_vfio.sh too, for what attach vfio says without.
LATE_TESTS = nvirt_settings.py nvirt_cni.sh nvirt_g2g.sh nvirt_save.sh

# On Debian 12's default kernel (6.1), the tests of what differs there
# (compat.h, and tc's egress hook): generic netlink without split ops,
# formatted extacks and a monitor group's bind (the netlink tests, the
# CLI, the monitor), the shared queue's hand-off past the parent's qdisc
# and egress filters (nvirt_shared.sh's LTS_SHARED_CHECKS), work items
# that cannot be disabled (the module's unload), driver_override (VFIO's
# refusal), and DKMS's build for it (nvirt_deb.sh). make check-lts runs
# every test there.
LTS_TESTS = nvirt_genl.sh nvirt_cli.sh nvirt_perm nvirt_strict nvirt_monitor.sh \
	nvirt_shared.sh nvirt_module.sh nvirt_vfio.sh nvirt_deb.sh
LTS_SHARED_CHECKS = parent_qdisc
LTS_VM_TIMEOUT = 1500
IOMMU_TESTS = nvirt_libvirt.sh nvirt_vfio.sh
IOMMU_ONLY = nvirt_libvirt.sh
STOCK_SKIP = $(LATE_TESTS) $(IOMMU_ONLY) $(DEBUG_ONLY)

# Every test on Debian 12's 6.1 (after the packages' install on the host,
# which nvirt_deb.sh needs), netdevsim built from linux-source-6.1 for
# nvirt_nicsize.sh; LTS_TESTS="T..." picks tests.
check-lts: setup
	$(Q)date +%s > $(BUILD)/check.start
	$(Q)scripts/setup lts-source
	$(Q)$(MAKE) --no-print-directory KVER=$$(cat $(BUILD)/kver) _build \
		lts-modules stage deb
	$(Q)$(MAKE) --no-print-directory KVER=$(LTS_KVER) netdevsim
	$(Q)rm -rf $(CHECK) && mkdir -p $(CHECK)
	$(Q)$(call timed,deb,scripts/deb-checks $$(cat $(BUILD)/kver) $(KSFT) \
		$(LTS_KVER) > $(CHECK)/deb.ktap)
	$(Q)$(call timed,lts,$(MAKE) --no-print-directory _check_lts \
		LTS_TESTS="$(if $(filter command line,$(origin LTS_TESTS)),$(LTS_TESTS))" \
		LTS_SHARED_CHECKS= LTS_VM_TIMEOUT=5400)
	$(Q)$(SUMMARY)

check-debug: setup
	$(Q)date +%s > $(BUILD)/check.start
	$(Q)$(MAKE) --no-print-directory KVER=$$(cat $(BUILD)/kver) _build \
		debug-modules stage
	$(Q)rm -rf $(CHECK) && mkdir -p $(CHECK)
	$(Q)$(call timed,canary,$(MAKE) --no-print-directory _check_canary)
	$(Q)$(call timed,debug,$(MAKE) --no-print-directory _check_debug)
	$(Q)$(SUMMARY)

# The debug tier, on the kernel of selftests/debug/build-kernel: the canary proves
# the detectors report (in a boot of its own: lockdep stops after one
# report); then the suite runs with kmemleak scanned after each test. The
# debug kernel is slow under TCG: make check runs the canary and the tests
# only it can run or that attack the module where its detectors see most
# (fault injection, the fuzzer with its churn, the ring's teardown races,
# allocation failures, a kernel without the tap API), the fuzzer with
# 10000 messages; the stock kernel runs every other test (DEBUG_ONLY: the
# fuzzer, which there would only repeat a shorter run without KASAN's
# eyes). make check-debug runs the canary and the whole suite
# (NVIRT_TESTS="T..." picks tests).
DEBUG_CHECK_TESTS = nvirt_faults nvirt_fuzz nvirt_shared.sh nvirt_nomem.sh \
	nvirt_attach.sh
DEBUG_ONLY = nvirt_fuzz
DEBUG_VM_TIMEOUT = 7200
# kmemleak scans after each test (check-debug), or at the end only (make
# check: what leaked still fails it, with its allocation's backtrace).
DEBUG_LEAK_SCANS = each
# nvirt_shared.sh on the debug kernel: the churn, where KASAN watches the
# ring's teardown, and in check-debug its other checks too.
DEBUG_SHARED_CHECKS = all_at_once del_while_sending tiny_ring churn
_check_canary:
	$(Q)NVIRT_KERNEL=$$(selftests/debug/build-kernel) NVIRT_SPLATS=expected $(VM_CHECK) \
		"debug vm: the canary boot finished" $(CHECK)/canary -n -t 900 -- \
		env KSFT_DIR=$(KSFT) selftests/debug/canary.sh

_check_debug:
	$(Q)NVIRT_KERNEL=$$(selftests/debug/build-kernel) $(VM_CHECK) \
		"debug vm: guest ran the suite, no kernel splat" $(CHECK)/debug \
		-t $(DEBUG_VM_TIMEOUT) -- env NVIRT_TEST_TIMEOUT=1800 \
		NVIRT_TESTS="$(NVIRT_TESTS)" NVIRT_LEAK_SCANS=$(DEBUG_LEAK_SCANS) \
		NVIRT_SHARED_CHECKS="$(DEBUG_SHARED_CHECKS)" \
		$(if $(DEBUG_FUZZ_COUNT),NVIRT_FUZZ_COUNT=$(DEBUG_FUZZ_COUNT)) \
		selftests/vm/suite $(KSFT)

# nvirt.ko and the debug tier's test-only modules (selftests/debug/*: the
# canary, nvirt_faults' faultmask, nvirt_shared.sh's race widener and
# ring-leave rendezvous) for the debug kernel, built in build/debug: Kbuild
# builds in the module's own directory, so that one holds links to the
# sources.
DEBUG_TEST_MODULES = canary faultmask racewiden ringleave
DEBUG = $(BUILD)/debug
debug-modules:
	$(Q)dk=$$(selftests/debug/build-kernel) && \
	scripts/kmod $$dk/src $(DEBUG) && \
	mkdir -p $(addprefix $(DEBUG)/,$(DEBUG_TEST_MODULES)) && \
	find $(addprefix $(DEBUG)/,$(DEBUG_TEST_MODULES)) \
		-maxdepth 1 -type l -delete && \
	for m in $(DEBUG_TEST_MODULES); do \
		ln -s $(CURDIR)/selftests/debug/$$m/* $(DEBUG)/$$m/ && \
		$(MAKE) -j$(JOBS) -C $$dk/src M=$(DEBUG)/$$m W=1 modules || exit 1; \
	done && \
	mkdir -p $(DEBUG)/eoi && find $(DEBUG)/eoi -maxdepth 1 -type l -delete && \
	ln -s $(CURDIR)/selftests/vm/eoi/* $(DEBUG)/eoi/ && \
	$(MAKE) -C $$dk/src M=$(DEBUG)/eoi W=1 modules

run: setup
	$(Q)$(MAKE) --no-print-directory KVER=$$(cat $(BUILD)/kver) _run

_run: _build
	$(Q)KVER=$(KVER) NVIRT_IOMMU=1 selftests/vm/run -- scripts/demo 2>&1 | grep -Ev '^(qemu-system|\[ *[0-9]+\.[0-9]+\])'

shell: all
	$(Q)KVER=$$(cat $(BUILD)/kver) selftests/vm/run -i

bench: bench-vm bench-datapath bench-ring

# $(call bench_boot,DIR,NICS,ENV,JOB): boot the VM for a benchmark, JOB
# its job; its output in build/bench/DIR, without the kernel's lines.
define bench_boot
	$(Q)$(MAKE) --no-print-directory -C bench/vm OUT=$(BUILD)/bench
	$(Q)rm -rf $(BUILD)/bench/$(1) && mkdir -p $(BUILD)/bench/$(1)
	$(Q){ NVIRT_VMOUT=$(BUILD)/bench/$(1) NVIRT_NICS="$(2)" $(3) KVER=$(KVER) \
		selftests/vm/run -t 3600 -- $(4) 2>&1; \
		echo $$? > $(BUILD)/bench/$(1).rc; } | \
		grep -Ev '^(qemu-system|\[ *[0-9]+\.[0-9]+\])'; \
		exit $$(cat $(BUILD)/bench/$(1).rc)
endef

# In one boot: the NICs alone on their wires, so frames sent go nowhere.
BENCH_NICS := igb:bench0 vmxnet3:bench1
bench-vm: setup
	$(Q)scripts/setup bench
	$(Q)$(MAKE) --no-print-directory KVER=$$(cat $(BUILD)/kver) _bench_vm

_bench_vm: _build
	$(call bench_boot,vm,$(BENCH_NICS),NVIRT_ENV="BENCH_QUICK=$(BENCH_QUICK)",bench/vm/suite)
	$(Q)bench/vm/report $(BUILD)/bench/vm/results.jsonl $(BUILD)/bench

# The datapath, instruction-counted: one boot under -icount with a NIC of
# each kind that transmits (to nowhere, or to the one NIC on its wire:
# virtio-net sends to e1000e for the receive rows, and no one else is
# addressed); then the shared queue again on wall-clock time, in a boot
# whose vCPUs run in parallel; build/bench/datapath.json.
DATAPATH_NICS := e1000:user e1000e:rx vmxnet3:user igb:user virtio-net-pci:rx
DATAPATH_WALL_NICS := e1000:user
bench-datapath: setup
	$(Q)scripts/setup bench
	$(Q)$(MAKE) --no-print-directory KVER=$$(cat $(BUILD)/kver) _bench_datapath

_bench_datapath: _build
	$(call bench_boot,dp,$(DATAPATH_NICS),NVIRT_ICOUNT=1 NVIRT_ENV="BENCH_PAIRS=$(BENCH_PAIRS)",bench/vm/datapath)
	$(call bench_boot,dpw,$(DATAPATH_WALL_NICS),NVIRT_ENV="BENCH_PAIRS=$(BENCH_PAIRS) BENCH_CASES=shared BENCH_CLOCK=wall",bench/vm/datapath)
	$(Q)bench/vm/datapath-report $(BUILD)/bench/dp/datapath.jsonl \
		$(BUILD)/bench/dpw/datapath.jsonl $(BUILD)/bench

# The ring against a spinlock ring, rte_ring, ck_ring and wfcqueue, on the
# host; installs their packages first. Table on stdout, build/bench/ring.json.
bench-ring:
	$(Q)scripts/setup bench
	$(Q)$(MAKE) --no-print-directory -C bench/ring OUT=$(BUILD)/bench run

clean:
	$(Q)[ ! -d "$(KDIR)" ] || $(MAKE) -C $(KDIR) M=$(CURDIR)/kernel clean
	$(Q)$(MAKE) -C lib clean
	$(Q)$(MAKE) -C cli clean
	$(Q)rm -f selftests/nvirt_strict selftests/nvirt_perm \
		selftests/nvirt_faults \
		selftests/nvirt_policy selftests/nvirt_spec_table.h \
		selftests/nvirt_ring selftests/nvirt_ring_tsan \
		selftests/nvirt_fuzz selftests/nvirt_soak selftests/nvirt_forge
	$(Q)$(MAKE) -C bench/ring OUT=$(BUILD)/bench clean
	$(Q)$(MAKE) -C bench/vm OUT=$(BUILD)/bench clean
	$(Q)rm -rf $(BUILD)/check $(BUILD)/vm $(BUILD)/static $(BUILD)/ynl \
		$(BUILD)/debug $(BUILD)/asan $(BUILD)/fuzz $(BUILD)/stage \
		$(BUILD)/deb $(BUILD)/docs $(BUILD)/netdevsim
