// SPDX-License-Identifier: GPL-2.0
/*
 * A stand-in cli/persist.c for the CLI's fuzz target: save and restore
 * write and read files by the names they are given, which a fuzz target
 * must not. Their commands parse nothing else: they only say so.
 */

#include <stdio.h>

#include "../cli/utils.h"

int do_save(int argc __maybe_unused, char **argv __maybe_unused)
{
	fprintf(stderr, "Error: no save in the fuzz target.\n");
	return -1;
}

int do_restore(int argc __maybe_unused, char **argv __maybe_unused)
{
	fprintf(stderr, "Error: no restore in the fuzz target.\n");
	return -1;
}
