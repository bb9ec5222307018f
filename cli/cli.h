/*
 * cli.h — the pieces of the heron command: running a source text and
 * reporting uncaught errors with a code frame.
 */
#ifndef HERON_CLI_H
#define HERON_CLI_H

#include <stdbool.h>
#include <stddef.h>

/* Runs (or with dump, disassembles) src; returns the process exit status. */
int heron_cli_run(const char *name, const char *src, size_t len, int flags, bool dump);

#endif
