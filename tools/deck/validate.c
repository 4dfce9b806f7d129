/* validate.c -- `plateau-deck validate PATH...`: every error of every package as file:line */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "plateau.h"
#include "data/package.h"
#include "deck.h"

/* Replaces control characters and bytes that are not valid UTF-8 by '?', in place. */
static void printable(unsigned char *s)
{
    while (*s) {
        int n = *s < 0x80 ? 0 : (*s & 0xE0) == 0xC0 ? 1 : (*s & 0xF0) == 0xE0 ? 2 : (*s & 0xF8) == 0xF0 ? 3 : -1;
        int ok = n >= 0;
        for (int k = 1; ok && k <= n; k++)
            ok = (s[k] & 0xC0) == 0x80;
        if (!ok || (n == 0 && *s < 0x20 && *s != '\t')) {
            *s++ = '?';
            continue;
        }
        s += n + 1;
    }
}

/* Prints the diagnostics, each followed by its source line (libvirt style), read back from the
 * file; lines that cannot be shown (no line, unreadable file) are skipped. */
static void print_with_context(const pl_diags_t *d, FILE *out)
{
    for (size_t i = 0; i < d->n; i++) {
        const pl_diag_t *g = &d->items[i];
        fprintf(out, "%s:%u: %s\n", g->file, g->line, g->msg);
        if (!g->line)
            continue;
        FILE *f = fopen(g->file, "rb");
        if (!f)
            continue;
        char buf[4096];
        unsigned line = 1;
        int done = 0;
        while (!done && fgets(buf, sizeof buf, f)) {
            size_t n = strlen(buf);
            int whole = n && buf[n - 1] == '\n';
            if (line == g->line) {
                while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
                    buf[--n] = '\0';
                printable((unsigned char *)buf);
                const char *p = buf;
                while (*p == ' ' || *p == '\t')
                    p++;
                if (strlen(p) > 160)
                    fprintf(out, "    | %.160s...\n", p);
                else if (*p)
                    fprintf(out, "    | %s\n", p);
                done = 1;
            }
            if (whole)
                line++;
        }
        fclose(f);
    }
}

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
            print_with_context(&d, stderr);
            fprintf(stderr, "%s: %zu error%s\n", argv[i], d.n, d.n == 1 ? "" : "s");
            status = 1;
        }
        pl_ruleset_destroy(rs);
        pl_diags_free(&d);
    }
    return status;
}
