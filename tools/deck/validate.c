/* validate.c -- `plateau-deck validate PATH...`: every error and warning of every package as file:line */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "plateau.h"
#include "data/package.h"
#include "deck.h"

#define SHOW 160 /* characters of a source line shown */

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

#define BEFORE 8 /* lines read before and after a diagnostic's: a start tag spans a few */
#define AFTER 8

/* Lines first..first+n-1 of path (the ones that exist), malloc'd into lines[]; returns how many. */
static int read_lines(const char *path, unsigned first, int n, char **lines)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char buf[4096];
    unsigned line = 1;
    int got = 0, partial = 0;
    while (got < n && fgets(buf, sizeof buf, f)) {
        size_t len = strlen(buf);
        int whole = len && buf[len - 1] == '\n';
        if (line >= first && !partial) { /* a line longer than the buffer: its first part only */
            while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
                buf[--len] = '\0';
            printable((unsigned char *)buf);
            if (!(lines[got] = strdup(buf)))
                break;
            got++;
        }
        partial = !whole;
        if (whole)
            line++;
    }
    fclose(f);
    return got;
}

/* Where to point in a line: byte offset and length of the focus, or -1. */
static int find_focus(const char *line, const char *focus, int *len)
{
    const char *at = strstr(line, focus);
    if (!at)
        return -1;
    size_t n = strlen(focus);
    *len = (int)n;
    if (n > 1 && focus[n - 1] == '=') /* an attribute: its name */
        *len = (int)n - 1;
    else if (n > 2 && (focus[0] == '"' || focus[0] == '\'')) /* a value: inside the quotes */
        return *len = (int)n - 2, (int)(at - line) + 1;
    return (int)(at - line);
}

/* The values quoted 'like this' in a message, as "value" to look for in the source: the last
 * first (the one at fault: "space 's1': next: unknown space 's9'"), none from a closing
 * parenthesis (a suggestion, where the first one was). */
static int quoted_values(const char *msg, char out[][128], int cap)
{
    char tmp[128][128];
    int n = 0;
    const char *stop = strstr(msg, " (");
    for (const char *p = strchr(msg, '\''); p && n < cap && n < 128 && (!stop || p < stop); p = strchr(p + 1, '\'')) {
        const char *e = strchr(p + 1, '\'');
        if (!e)
            break;
        size_t len = (size_t)(e - p - 1);
        if (len && len < 120 && !memchr(p + 1, ' ', len))
            snprintf(tmp[n++], 128, "\"%.*s\"", (int)len, p + 1);
        p = e;
    }
    for (int i = 0; i < n; i++)
        memcpy(out[i], tmp[n - 1 - i], 128);
    return n;
}

static int columns(const char *s, int bytes)
{
    int c = 0;
    for (int i = 0; i < bytes && s[i]; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* One diagnostic: "file:line: error: message", then its source line (libvirt style) and a caret
 * under the attribute, element or value it is about when that can be found. */
static void print_diag(const pl_diag_t *g, FILE *out)
{
    fprintf(out, "%s:%u: %s: %s\n", g->file, g->line, g->level == PL_DIAG_WARNING ? _("warning") : _("error"),
            g->msg);
    if (!g->line)
        return;
    char *lines[BEFORE + 1 + AFTER];
    unsigned first = g->line > BEFORE ? g->line - BEFORE : 1;
    int nl = read_lines(g->file, first, BEFORE + 1 + AFTER, lines), at = (int)(g->line - first);
    if (at >= nl) {
        for (int i = 0; i < nl; i++)
            free(lines[i]);
        return;
    }
    int which = at, off = -1, len = 1;
    if (g->focus) /* the parser's column is where it noticed; the focus is what to fix */
        off = find_focus(lines[at], g->focus, &len);
    if (off < 0 && g->col) {
        off = (int)g->col - 1;
        len = 1;
        if (off > (int)strlen(lines[at]))
            off = -1;
    } else if (off < 0) {
        char vals[6][128];
        const char *cands[8];
        int nc = 0;
        if (g->focus)
            cands[nc++] = g->focus;
        int nv = quoted_values(g->msg, vals, 6);
        for (int i = 0; i < nv; i++)
            cands[nc++] = vals[i];
        /* an element's line is the last line of its start tag: the focus may be on an earlier
         * line of that tag (back to the line where it starts), or, for a text, a later one */
        for (int c = 0; c < nc && off < 0; c++) {
            for (int l = at; l >= 0 && off < 0; l--) {
                off = find_focus(lines[l], cands[c], &len);
                which = l;
                if (off < 0 && l < at && strchr(lines[l], '<'))
                    break;
            }
            for (int l = at + 1; l < nl && off < 0 && !strchr(lines[l - 1], '>'); l++) {
                off = find_focus(lines[l], cands[c], &len);
                which = l;
            }
        }
        if (off < 0)
            which = at;
    }
    const char *text = lines[which];
    int lead = 0;
    while (text[lead] == ' ' || text[lead] == '\t')
        lead++;
    const char *shown = text + lead;
    int start = 0, cut = 0;
    if (off >= 0)
        off -= lead;
    if (off >= SHOW - 20) /* a long line: a window around the caret */
        start = off - 40, cut = 1;
    while (start > 0 && ((unsigned char)shown[start] & 0xC0) == 0x80)
        start--;
    int avail = (int)strlen(shown + start), end = avail > SHOW ? SHOW : avail;
    while (end < avail && end > 0 && ((unsigned char)shown[start + end] & 0xC0) == 0x80)
        end--;
    if (!*shown) {
        for (int i = 0; i < nl; i++)
            free(lines[i]);
        return;
    }
    fprintf(out, "%5u | %s%.*s%s\n", first + (unsigned)which, cut ? "..." : "", end, shown + start,
            end < avail ? "..." : "");
    if (off >= 0 && off >= start && off - start <= end) {
        int col = (cut ? 3 : 0) + columns(shown + start, off - start);
        int w = columns(shown + off, len);
        fprintf(out, "      | %*s^", col, "");
        for (int i = 1; i < w; i++)
            fputc('~', out);
        fputc('\n', out);
    }
    for (int i = 0; i < nl; i++)
        free(lines[i]);
}

void deck_print_diags(const pl_diags_t *d, FILE *out)
{
    for (size_t k = 0; k < d->n; k++)
        print_diag(&d->items[k], out);
}

static void usage(FILE *out)
{
    fprintf(out, "%s", _("usage: plateau-deck validate [--strict] [--lang fr|en] PATH...\n"
                         "  --strict      warnings count as errors (exit 1)\n"
                         "  --lang fr|en  language of the messages (default: from LANG, else French)\n"));
}


int deck_validate(int argc, char **argv)
{
    static const struct option opts[] = {
        { "strict", no_argument, NULL, 's' },
        { "lang", required_argument, NULL, 'l' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int strict = 0, lang = deck_lang_from_env(), c;
    /* argv[0] is the first argument after "validate": getopt starts at index 1 */
    int ac;
    char **av = deck_args("plateau-deck validate", argc, argv, &ac);
    if (!av)
        return 2;
    opterr = 0;
    int bad = 0;
    while ((c = getopt_long(ac, av, "", opts, NULL)) != -1) {
        if (c == 's')
            strict = 1;
        else if (c == 'l') {
            lang = deck_lang_parse(optarg);
            if (lang < 0) {
                fprintf(stderr, "plateau-deck validate: --lang: '%s' (fr or en)\n", optarg);
                bad = 1;
            }
        } else if (c == 'h') {
            deck_lang_set(lang);
            usage(stdout);
            free(av);
            return 0;
        } else {
            fprintf(stderr, "plateau-deck validate: unknown option '%s' (try --help)\n", av[optind - 1]);
            bad = 1;
        }
    }
    if (!bad && optind >= ac) {
        fprintf(stderr, "plateau-deck validate: give at least one package folder (try --help)\n");
        bad = 1;
    }
    if (bad) {
        free(av);
        return 2;
    }
    deck_lang_set(lang);
    int status = 0;
    for (int i = optind; i < ac; i++) {
        const char *arg = av[i];
        /* a package is a folder; its game.xml (or any file in it) names the folder too */
        char *dir = strdup(arg);
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
        const char *pkg = dir ? dir : arg;
        pl_ruleset_t *rs = pl_package_load_ex(pkg, PL_LOAD_WARNINGS, &d);
        if (rs) { /* what would not fit its place on screen, among the other warnings by file and line */
            char err[256], game[1100];
            if (deck_fit_check(pkg, rs, &d, err, sizeof err) < 0)
                fprintf(stderr, _("%s: note: the text fit was not checked: %s\n"), arg, err);
            snprintf(game, sizeof game, "%s/game.xml", pkg);
            pl_diags_sort(&d, 0, game);
        }
        free(dir);
        deck_print_diags(&d, stderr);
        size_t errors = pl_diags_count(&d, 0, PL_DIAG_ERROR), warnings = pl_diags_count(&d, 0, PL_DIAG_WARNING);
        char wtext[96] = "";
        if (warnings)
            snprintf(wtext, sizeof wtext, pt_ntr(deck_lang(), ", %zu warning", ", %zu warnings", warnings),
                     warnings);
        if (rs) {
            char cards[64], spaces[64];
            snprintf(cards, sizeof cards, pt_ntr(deck_lang(), "%u card", "%u cards", rs->n_cards), rs->n_cards);
            snprintf(spaces, sizeof spaces, pt_ntr(deck_lang(), "%u space", "%u spaces", rs->n_spaces), rs->n_spaces);
            printf(_("%s: ok (%s, %s)%s\n"), arg, cards, spaces, wtext);
            if (rs->n_cards > PL_MAX_CARDS)
                printf(_("%s: note: a table holds at most %d cards; this package can be read but not played\n"), arg,
                       PL_MAX_CARDS);
            if (strict && warnings)
                status = 1;
        } else {
            fprintf(stderr, pt_ntr(deck_lang(), "%s: %zu error%s\n", "%s: %zu errors%s\n", errors), arg, errors,
                    wtext);
            status = 1;
        }
        pl_ruleset_destroy(rs);
        pl_diags_free(&d);
    }
    free(av);
    return status;
}
