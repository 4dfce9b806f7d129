/* package.h -- loading a game package (game.xml + deck files) into a ruleset, with file:line diagnostics */
#ifndef PL_PACKAGE_H
#define PL_PACKAGE_H

#include <stddef.h>
#include <stdio.h>
#include "ruleset.h"

/* How bad a diagnostic is: an error makes the load fail, a warning (only asked for with
 * PL_LOAD_WARNINGS) points at something that is probably a mistake. */
enum { PL_DIAG_ERROR = 0, PL_DIAG_WARNING = 1 };

/* One diagnostic: file as given (the package folder joined with the file name), 1-based line
 * (0 when the error is about the file as a whole), the message, its level, and focus: the text
 * on that line (or the lines of the same tag after it) to point a caret at, NULL when unknown
 * (an attribute as `name=`, an element as `<name`, a value as `"value"`), and col the 1-based
 * byte column when the XML parser gave one (0 otherwise). Strings are owned by
 * the pl_diags_t that holds the diagnostic. Messages are translated through gettext (domain
 * "plateau") when the program has bound that domain; otherwise they are in English. */
typedef struct { char *file; unsigned line; char *msg; int level; char *focus; unsigned col; } pl_diag_t;
typedef struct { pl_diag_t *items; size_t n, cap; } pl_diags_t;

/* The gettext domain of every text meant for players and designers. */
#define PL_TEXT_DOMAIN "plateau"

/* Largest file the loader reads (bytes); bigger files are refused before reading. */
#define PL_PACKAGE_MAX_FILE (8u * 1024u * 1024u)
/* Diagnostics kept per load; past this a last "too many errors" entry is added. */
#define PL_PACKAGE_MAX_DIAGS 1000

void pl_diags_init(pl_diags_t *d);
/* Frees every diagnostic; d can be reused after pl_diags_init(). NULL does nothing. */
void pl_diags_free(pl_diags_t *d);
/* Prints one "file:line: message" per line ("file:line: warning: message" for warnings). */
void pl_diags_print(const pl_diags_t *d, FILE *out);
/* Appends an error (printf-style message; fmt is translated first). Returns 0, or -1 on
 * allocation failure. */
int pl_diags_add(pl_diags_t *d, const char *file, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Appends a diagnostic of the given level with a focus (may be NULL); msg is used as is. */
int pl_diags_push(pl_diags_t *d, int level, const char *file, unsigned line, const char *focus, const char *msg);
/* Number of diagnostics of that level from index `from` on. */
size_t pl_diags_count(const pl_diags_t *d, size_t from, int level);
/* Sorts the diagnostics from index `from` on by file, then line, keeping the order of equal
 * ones: first_file (may be NULL) comes first, the other files in the order they first appear.
 * A closing "too many errors" entry stays last. */
void pl_diags_sort(pl_diags_t *d, size_t from, const char *first_file);

/* Load, schema-validate and check the package in folder dir. Returns a ruleset (the caller
 * frees it with pl_ruleset_destroy) or NULL with every error collected in diags (all of them,
 * not only the first: a file that breaks the schema still gets its reference and meaning
 * checks on what could be read), sorted by file and line. Hostile input is safe: no network,
 * no external entities, no DOCTYPE, files capped at PL_PACKAGE_MAX_FILE, UTF-8 checked.
 * Thread-safe. */
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
/* Flags of pl_package_load_ex. */
enum {
    PL_LOAD_WARNINGS = 1 /* also add warnings (lint.c): they never make the load fail */
};
/* pl_package_load with flags; the ruleset is NULL only when an error (not a warning) was
 * added. Warnings are checked once the package has no error (before, most would only repeat
 * an error: a misspelt deck id also makes a deck that is never drawn). */
pl_ruleset_t *pl_package_load_ex(const char *dir, unsigned flags, pl_diags_t *diags);

/* The language of the loader's messages (PL_LANG_FR by default; French needs the program to
 * have bound the "plateau" catalog, as engine/text's pt_init does). Not thread-safe: set it
 * before loading. */
void pl_package_set_lang(int lang);

/* Package folders (those holding a game.xml) directly under root, as malloc'd folder names
 * sorted; returns count or -1. Caller frees each name and the array. */
int pl_package_list(const char *root, char ***names);

#endif
