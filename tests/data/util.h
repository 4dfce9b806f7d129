/* util.h -- helpers of the data tests: temporary package folders, file copies, diagnostics lookups */
#ifndef PL_TEST_DATA_UTIL_H
#define PL_TEST_DATA_UTIL_H

#include <stddef.h>
#include "data/package.h"

#define SCHEMA "game-data/schema/plateau-game.xsd"
#define BASE_PKG "tests/data/base"

/* A fresh folder under $TMPDIR (or /tmp); the caller removes it with rm_tree. */
char *tmp_dir(void);
void rm_tree(const char *dir);
/* Copy src to dst; 0 on success. */
int copy_file(const char *src, const char *dst);
char *read_text(const char *path, size_t *len); /* malloc'd, NUL-terminated; NULL on error */
int write_text(const char *path, const char *s, size_t len);
/* Index of a diagnostic of dir/file at line whose message contains sub, or -1. */
int find_diag(const pl_diags_t *d, const char *dir, const char *file, unsigned line, const char *sub);
/* All diagnostics as text, for failure messages (malloc'd). */
char *diags_text(const pl_diags_t *d);

#endif
