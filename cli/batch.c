// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt -batch FILE: the commands of a file, one a line, as "ip -batch"
 * runs them.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "utils.h"

/**
 * batch() - run the commands of a file, one a line
 * @name: the file, "-" for standard input
 * @cmds: the objects, as the command line has them
 *
 * Each line is the words after "nvirt [ OPTIONS ]", as "ip -batch" reads
 * them; blank lines and those that start with "#" are skipped. The first
 * line that fails ends the batch, said with its place; an argument error
 * says its place and ends the program, as on the command line.
 *
 * Return: 0, or what the command that failed returned.
 */
int batch(const char *name, const struct cmd *cmds)
{
	char *line = NULL, *words[256];
	FILE *fp = stdin;
	size_t size = 0;
	int n, no = 0;
	int ret = 0;

	if (strcmp(name, "-")) {
		fp = fopen(name, "r");
		if (!fp)
			arg_error("cannot open \"%s\": %s.", name, strerror(errno));
	}
	while (!ret && getline(&line, &size, fp) > 0) {
		no++;
		out_at(name, no);
		n = strspn(line, BLANKS);
		if (!line[n] || line[n] == '#')
			continue;
		n = split_words(line, words, ARRAY_SIZE(words));
		if (n == -E2BIG)
			arg_error("a line of more than %zu words.",
				  ARRAY_SIZE(words));
		if (n < 0)
			arg_error("a quote that does not end.");
		ret = do_cmd(cmds, "Object", "nvirt help", n, words);
		/* Under -j, the error said the place. */
		if (ret && !json)
			fprintf(stderr, "Command failed %s:%d\n", name, no);
	}
	out_at(NULL, 0);
	free(line);
	if (fp != stdin)
		fclose(fp);
	return ret;
}
