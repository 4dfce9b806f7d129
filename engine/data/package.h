/* package.h -- loading a game package (game.xml + deck files) into a ruleset, with file:line diagnostics */
#ifndef PL_PACKAGE_H
#define PL_PACKAGE_H

#include <stddef.h>
#include <stdio.h>
#include "ruleset.h"

/* One diagnostic: file as given (the package folder joined with the file name), 1-based line
 * (0 when the error is about the file as a whole), and the message. Strings are owned by the
 * pl_diags_t that holds the diagnostic. */
typedef struct { char *file; unsigned line; char *msg; } pl_diag_t;
typedef struct { pl_diag_t *items; size_t n, cap; } pl_diags_t;

/* Largest file the loader reads (bytes); bigger files are refused before reading. */
#define PL_PACKAGE_MAX_FILE (8u * 1024u * 1024u)
/* Diagnostics kept per load; past this a last "too many errors" entry is added. */
#define PL_PACKAGE_MAX_DIAGS 1000

void pl_diags_init(pl_diags_t *d);
/* Frees every diagnostic; d can be reused after pl_diags_init(). NULL does nothing. */
void pl_diags_free(pl_diags_t *d);
/* Prints one "file:line: message" per line. */
void pl_diags_print(const pl_diags_t *d, FILE *out);
/* Appends a diagnostic (printf-style message). Returns 0, or -1 on allocation failure. */
int pl_diags_add(pl_diags_t *d, const char *file, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Load, schema-validate and check the package in folder dir. Returns a ruleset (the caller
 * frees it with pl_ruleset_destroy) or NULL with every error collected in diags (all of them,
 * not only the first). Hostile input is safe: no network, no external entities, no DOCTYPE,
 * files capped at PL_PACKAGE_MAX_FILE, UTF-8 checked. Thread-safe. */
pl_ruleset_t *pl_package_load(const char *dir, pl_diags_t *diags);

/* A package's identity by content: the SHA-256 of every regular file under dir (hidden ones
 * excepted), in name order, each as its relative path, a NUL, its size (8 bytes, big-endian) and
 * its bytes; written as 64 hex digits and a NUL. Two copies hash alike exactly when a client and
 * a server play the same game. Returns 0, or -1 with err filled. */
#define PL_PACKAGE_HASH_HEX 65
int pl_package_hash(const char *dir, char hex[PL_PACKAGE_HASH_HEX], char *err, size_t errlen);
/* The files of that hash, sorted (relative paths, malloc'ed: free each and the array), their
 * count and total size. Returns 0, or -1 with err filled. */
int pl_package_files(const char *dir, char ***names, size_t *n, size_t *bytes, char *err, size_t errlen);

/* Package folders (those holding a game.xml) directly under root, as malloc'd folder names
 * sorted; returns count or -1. Caller frees each name and the array. */
int pl_package_list(const char *root, char ***names);

#endif
