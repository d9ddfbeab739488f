// SPDX-License-Identifier: GPL-2.0
/*
 * A stand-in cli/batch.c for the CLI's fuzz target: -batch reads a file
 * by the name it is given (or standard input), which a fuzz target must
 * not. It only says so.
 */

#include <stdio.h>

#include "../cli/utils.h"

int batch(const char *name __maybe_unused,
	  const struct cmd *cmds __maybe_unused)
{
	fprintf(stderr, "Error: no -batch in the fuzz target.\n");
	return -1;
}
