/* deck.h -- the subcommands of plateau-deck, the designer's command-line tool */
#ifndef PL_DECK_TOOL_H
#define PL_DECK_TOOL_H

#include <libintl.h>

/* plateau-deck's own words go through the "plateau" catalog too (English msgids) */
#include "text/text.h"
int deck_lang(void); /* the language chosen (deck_lang_set) */
#define _(s) pt_tr(deck_lang(), s)

/* fit.c: validate's text-fit warnings, added to d: card names and texts, cost lines, option and tag labels of
 * rs (loaded from folder dir) that do not fit their place in the client, measured with the client's fonts and
 * layout at three window sizes (offscreen, no display needed). Returns how many were added, or -1 with err
 * filled when the client's fonts cannot be opened. */
#include "data/package.h"
int deck_fit_check(const char *dir, const pl_ruleset_t *rs, pl_diags_t *d, char *err, size_t errlen);
/* validate.c: every diagnostic of d as "file:line: error|warning: message", its source line and a caret. */
void deck_print_diags(const pl_diags_t *d, FILE *out);

/* pkg.c: the package at path, loaded as the client and the server load it, or NULL after printing its errors
 * (file:line, source line and caret) and their count on stderr. */
pl_ruleset_t *deck_open_package(const char *path);
/* Makes folder dir (and its parents) when missing and checks that files can be written into it. Returns 0, or -1
 * with the reason in err. */
int deck_ready_folder(const char *dir, char *err, size_t errlen);

/* Each returns the process exit status: 0 success, 1 invalid data, 2 bad usage. */
int deck_validate(int argc, char **argv);
int deck_simulate(int argc, char **argv);
int deck_diff(int argc, char **argv);
int deck_preview(int argc, char **argv);
int deck_print(int argc, char **argv);

/* The subcommands, for main.c: name and entry point; NULL-terminated. */
typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
} deck_command_t;
extern const deck_command_t deck_commands[];

/* lang.c: the language of messages. --lang wins; else LANGUAGE, LC_ALL, LC_MESSAGES, LANG
 * (the first one set: "en..." is English, anything else French); else French. */
int deck_lang_from_env(void);
int deck_lang_parse(const char *s); /* "fr" or "en": PL_LANG_*, else -1 */
/* A subcommand's arguments for getopt_long: name, then argv[0..argc); *ac set, optind reset. The caller frees the
 * array (not its strings); NULL when out of memory. */
char **deck_args(const char *name, int argc, char **argv, int *ac);
/* Binds the "plateau" catalog (found beside the program, in ../share/locale, or in
 * $PLATEAU_LOCALEDIR) and switches gettext to lang: the loader's messages follow. */
void deck_lang_set(int lang);

#endif
