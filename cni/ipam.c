// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt's CNI plugin: addresses are the IPAM plugin's to give, as the
 * reference plugins delegate them: the plugin named by the config's
 * "ipam"."type", found in CNI_PATH, run with the same config and
 * environment, its result read from its stdout.
 */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "cni.h"

/* The IPAM plugin @type in CNI_PATH, in @path; false when there is none. */
static bool ipam_find(const struct cni_req *req, const char *type,
		      char *path, size_t len)
{
	const char *dir = req->path, *end;

	if (strchr(type, '/'))
		return false;
	for (; dir && *dir; dir = *end ? end + 1 : end) {
		end = strchrnul(dir, ':');
		snprintf(path, len, "%.*s/%s", (int)(end - dir), dir, type);
		if (access(path, X_OK) == 0)
			return true;
	}
	return false;
}

/*
 * Run @path with CNI_COMMAND=@command, the config on its stdin; its
 * stdout, or NULL when it failed and @undoing: an undoing does what it
 * can, quietly.
 */
static char *ipam_run(const struct cni_req *req, const char *path,
		      const char *command, bool undoing)
{
	int in[2], out[2], status;
	FILE *fp;
	char *buf;
	pid_t pid;

	if (pipe(in) || pipe(out))
		cni_fail(CNI_ERR_IO, strerror(errno), "cannot run the IPAM plugin");
	pid = fork();
	if (pid < 0)
		cni_fail(CNI_ERR_IO, strerror(errno), "cannot run the IPAM plugin");
	if (!pid) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[1]);
		close(out[0]);
		setenv("CNI_COMMAND", command, 1);
		execl(path, path, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	/* A config fits a pipe's buffer; the plugin reads it whole first. */
	if (write(in[1], req->stdin_text, strlen(req->stdin_text)) < 0)
		cni_fail(CNI_ERR_IO, strerror(errno), "cannot talk to the IPAM plugin");
	close(in[1]);
	fp = fdopen(out[0], "r");
	if (!fp)
		cni_fail(CNI_ERR_IO, strerror(errno), "cannot talk to the IPAM plugin");
	buf = cni_read_all(fp);
	fclose(fp);
	waitpid(pid, &status, 0);
	if (WIFEXITED(status) && !WEXITSTATUS(status))
		return buf;
	if (undoing) {
		free(buf);
		return NULL;
	}
	/* Its error is a CNI error too: passed on as it is. */
	if (*buf)
		cni_fail_as(buf);
	cni_fail(CNI_ERR_IO, NULL, "IPAM plugin %s failed", path);
}

/**
 * ipam_exec() - have the config's IPAM plugin do @command
 * @req: the request
 * @command: ADD, DEL or CHECK
 * @undoing: a failing ADD's DEL: a failure is no error of its own
 *
 * A config without "ipam" has no addresses: ADD returns an empty result.
 * An IPAM plugin's error ends this plugin with that error.
 *
 * Return: the plugin's result (ADD), or NULL.
 */
struct json_object *ipam_exec(const struct cni_req *req, const char *command,
			      bool undoing)
{
	struct json_object *ipam, *type, *result;
	char path[PATH_MAX], *text;

	if (!json_object_object_get_ex(req->conf, "ipam", &ipam))
		return strcmp(command, "ADD") ? NULL : json_object_new_object();
	if (!json_object_object_get_ex(ipam, "type", &type) ||
	    !json_object_is_type(type, json_type_string))
		cni_fail(CNI_ERR_CONFIG, NULL, "\"ipam\" has no \"type\"");
	if (!ipam_find(req, json_object_get_string(type), path, sizeof(path)))
		cni_fail(CNI_ERR_CONFIG, req->path, "IPAM plugin %s is not in CNI_PATH",
			 json_object_get_string(type));
	text = ipam_run(req, path, command, undoing);
	if (!text)
		return NULL;
	result = strcmp(command, "ADD") ? NULL : json_tokener_parse(text);
	free(text);
	if (!strcmp(command, "ADD") && !result)
		cni_fail(CNI_ERR_DECODE, NULL, "the IPAM plugin's result is not JSON");
	return result;
}
