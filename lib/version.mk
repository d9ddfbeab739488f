# SPDX-License-Identifier: GPL-2.0
# The one version of nvirt, from the kernel module's header.

NVIRT_VERSION_H := $(dir $(lastword $(MAKEFILE_LIST)))../kernel/nvirt.h
VERSION := $(shell sed -n 's/.*define NVIRT_VERSION "\(.*\)".*/\1/p' $(NVIRT_VERSION_H))
ifeq ($(VERSION),)
$(error cannot read NVIRT_VERSION from $(NVIRT_VERSION_H))
endif
