/* validate.c -- `plateau-deck validate PATH...`: every error of every package as file:line */
#include <getopt.h>
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

static void validate_usage(FILE *out)
{
    fprintf(out,
            "usage: plateau-deck validate PATH...\n"
            "loads each package folder (game.xml and its deck files; PATH may also be a file of it),\n"
            "checks it against the schema and the rules, prints 'PATH: ok (N cards, M spaces)' or\n"
            "every error as file:line: message; exit 0 when all are valid, 1 otherwise, 2 on bad usage\n"
            "  --help, -h     this help\n");
}

int deck_validate(int argc, char **argv)
{
    static const struct option opts[] = { { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 } };
    int c;
    optind = 1; /* argv[0] is the subcommand's name */
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h') {
            validate_usage(stdout);
            return 0;
        }
        fprintf(stderr, "plateau-deck validate: unknown option '%s' (try --help)\n", argv[optind - 1]);
        return 2;
    }
    argc -= optind;
    argv += optind;
    if (argc < 1) {
        fprintf(stderr, "plateau-deck validate: give at least one package folder (try --help)\n");
        return 2;
    }
    int status = 0;
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
