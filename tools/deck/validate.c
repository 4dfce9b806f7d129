/* validate.c -- `plateau-deck validate PATH...`: every error of every package as file:line */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "plateau.h"
#include "data/package.h"
#include "deck.h"

int deck_validate(int argc, char **argv)
{
    if (argc < 1) {
        fprintf(stderr, "plateau-deck validate: give at least one package folder (try --help)\n");
        return 2;
    }
    int status = 0;
    for (int i = 0; i < argc; i++) {
        if (argv[i][0] == '-') {
            fprintf(stderr, "plateau-deck validate: unknown option '%s'\n", argv[i]);
            return 2;
        }
    }
    for (int i = 0; i < argc; i++) {
        /* a package is a folder; its game.xml (or any file in it) names the folder too */
        char *dir = strdup(argv[i]);
        struct stat sb;
        if (dir && stat(dir, &sb) == 0 && S_ISREG(sb.st_mode)) {
            char *slash = strrchr(dir, '/');
            if (slash)
                *slash = '\0';
            else
                strcpy(dir, ".");
        }
        pl_diags_t d;
        pl_diags_init(&d);
        pl_ruleset_t *rs = pl_package_load(dir ? dir : argv[i], &d);
        free(dir);
        if (rs) {
            printf("%s: ok (%u cards, %u spaces)\n", argv[i], rs->n_cards, rs->n_spaces);
            if (rs->n_cards > PL_MAX_CARDS)
                printf("%s: note: a table holds at most %d cards; this package can be read but not played\n",
                       argv[i], PL_MAX_CARDS);
        } else {
            pl_diags_print(&d, stderr);
            fprintf(stderr, "%s: %zu error%s\n", argv[i], d.n, d.n == 1 ? "" : "s");
            status = 1;
        }
        pl_ruleset_destroy(rs);
        pl_diags_free(&d);
    }
    return status;
}
