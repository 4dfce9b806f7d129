/* print.c -- `plateau-deck print PACKAGE --out cards.pdf`: print-and-play sheets (rules, board, every card at 63 x 88 mm,
 * nine a page with crop marks, each sheet's backs on the next page for double-sided printing), written whole or not at all */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "print.h"
#include "deck.h"

#define MARK_LEN 4.0 /* crop marks: their length, and their distance from the cut */
#define MARK_GAP 1.5

typedef struct {
    FILE *f;
    int failed, err;
} sink_t;

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
    sink_t *s = closure;
    if (s->failed)
        return CAIRO_STATUS_WRITE_ERROR;
    if (fwrite(data, 1, length, s->f) != length) {
        s->failed = 1;
        s->err = errno ? errno : EIO;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

static void usage(FILE *out)
{
    fprintf(out, "%s", _("usage: plateau-deck print PACKAGE --out FILE.pdf [--lang fr|en] [--paper a4|letter]\n"
                         "  writes a PDF to print and cut: a page of rules, the board, then every card of every\n"
                         "  deck at 63 x 88 mm, nine a page with crop marks, each page of cards followed by their\n"
                         "  backs (print double-sided, flipping on the long edge)\n"
                         "  --out FILE     the PDF to write (replaced only once it is whole)\n"
                         "  --lang fr|en   the language of the cards (default: from LANG, else French)\n"
                         "  --paper a4|letter  the paper size (default a4)\n"));
}

static void crop_marks(pr_doc_t *d, double ox, double oy)
{
    cairo_t *cr = d->cr;
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.2);
    double gw = PR_COLS * PR_CARD_W, gh = PR_ROWS * PR_CARD_H;
    for (int i = 0; i <= PR_COLS; i++) {
        double x = ox + i * PR_CARD_W;
        cairo_move_to(cr, x, oy - MARK_GAP);
        cairo_line_to(cr, x, oy - MARK_GAP - MARK_LEN);
        cairo_move_to(cr, x, oy + gh + MARK_GAP);
        cairo_line_to(cr, x, oy + gh + MARK_GAP + MARK_LEN);
    }
    for (int j = 0; j <= PR_ROWS; j++) {
        double y = oy + j * PR_CARD_H;
        cairo_move_to(cr, ox - MARK_GAP, y);
        cairo_line_to(cr, ox - MARK_GAP - MARK_LEN, y);
        cairo_move_to(cr, ox + gw + MARK_GAP, y);
        cairo_line_to(cr, ox + gw + MARK_GAP + MARK_LEN, y);
    }
    cairo_stroke(cr);
}

/* Cards first..first+n-1 (in deck order) on a page of faces, then their backs on the next page, each back where
 * its face is once the sheet is turned over its long edge. */
static void card_sheet(pr_doc_t *d, int first, int n, int sheet, int sheets)
{
    const pl_ruleset_t *rs = d->rs;
    double ox = (d->paper_w - PR_COLS * PR_CARD_W) / 2, oy = (d->paper_h - PR_ROWS * PR_CARD_H) / 2;
    for (int side = 0; side < 2; side++) {
        pr_page(d, d->paper_w, d->paper_h);
        for (int i = 0; i < n; i++) {
            int col = i % PR_COLS, row = i / PR_COLS;
            if (side)
                col = PR_COLS - 1 - col;
            double x = ox + col * PR_CARD_W, y = oy + row * PR_CARD_H;
            if (!side) {
                if (pr_card_face(d, first + i, x, y)) {
                    fprintf(stderr, pt_tr(d->lang, "plateau-deck print: card '%s': its words are cut to fit the card\n"),
                            rs->cards[first + i].id);
                    d->overfull++;
                }
            } else {
                pr_card_back(d, rs->cards[first + i].deck, x, y);
            }
        }
        crop_marks(d, ox, oy);
        if (oy >= 10) { /* room under the marks: where this sheet is in the deck */
            char b[400];
            snprintf(b, sizeof b,
                     side ? pt_tr(d->lang, "%s · sheet %d of %d · backs") : pt_tr(d->lang, "%s · sheet %d of %d · faces"),
                     pl_text(&rs->title, d->lang), sheet, sheets);
            pr_text(d, b, 0, d->paper_h - oy / 2 - 1.5, d->paper_w, 7, PR_CENTER, pr_hex(0x777777u));
        }
    }
}

static int document(pr_doc_t *d)
{
    const pl_ruleset_t *rs = d->rs;
    pr_rules(d);
    pr_board(d);
    int sheets = (int)((rs->n_cards + PR_PER_PAGE - 1) / PR_PER_PAGE);
    for (int s = 0; s < sheets; s++) {
        int first = s * PR_PER_PAGE, n = (int)rs->n_cards - first;
        card_sheet(d, first, n < PR_PER_PAGE ? n : PR_PER_PAGE, s + 1, sheets);
    }
    return sheets;
}

/* Writes the PDF into a temporary file beside out, then renames it: out is never left half written. */
static int write_pdf(pr_doc_t *d, const char *out, int *sheets, char *err, size_t errlen)
{
    size_t n = strlen(out) + 8;
    char *tmp = malloc(n), *dcopy = strdup(out);
    if (!tmp || !dcopy) {
        free(tmp);
        free(dcopy);
        snprintf(err, errlen, "%s", strerror(ENOMEM));
        return -1;
    }
    snprintf(tmp, n, "%s.XXXXXX", out);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errlen, "%s (%s)", strerror(errno), dirname(dcopy));
        free(tmp);
        free(dcopy);
        return -1;
    }
    free(dcopy);
    mode_t um = umask(0);
    umask(um);
    fchmod(fd, 0666 & ~um);
    sink_t sink = { fdopen(fd, "wb"), 0, 0 };
    if (!sink.f) {
        snprintf(err, errlen, "%s", strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return -1;
    }
    d->surface = cairo_pdf_surface_create_for_stream(write_out, &sink, d->paper_w / 25.4 * 72, d->paper_h / 25.4 * 72);
    char title[300];
    snprintf(title, sizeof title, "%s", pl_text(&d->rs->title, d->lang));
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, "plateau-deck " PLATEAU_VERSION);
    d->cr = cairo_create(d->surface);
    *sheets = document(d);
    cairo_destroy(d->cr);
    d->cr = NULL;
    cairo_surface_finish(d->surface);
    cairo_status_t st = cairo_surface_status(d->surface);
    cairo_surface_destroy(d->surface);
    d->surface = NULL;
    int rc = 0;
    if (sink.failed || st != CAIRO_STATUS_SUCCESS) {
        snprintf(err, errlen, "%s", sink.failed ? strerror(sink.err) : cairo_status_to_string(st));
        rc = -1;
    }
    if (fflush(sink.f) != 0 || fsync(fileno(sink.f)) != 0) {
        if (!rc)
            snprintf(err, errlen, "%s", strerror(errno));
        rc = -1;
    }
    if (fclose(sink.f) != 0 && !rc) {
        snprintf(err, errlen, "%s", strerror(errno));
        rc = -1;
    }
    if (!rc && rename(tmp, out) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        rc = -1;
    }
    if (rc)
        unlink(tmp);
    free(tmp);
    return rc;
}

int deck_print(int argc, char **argv)
{
    static const struct option opts[] = {
        { "out", required_argument, NULL, 'o' },
        { "lang", required_argument, NULL, 'l' },
        { "paper", required_argument, NULL, 'p' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int lang = deck_lang_from_env(), c, bad = 0;
    const char *out = NULL;
    double pw = 210, ph = 297;
    int ac;
    char **av = deck_args("plateau-deck print", argc, argv, &ac);
    if (!av)
        return 2;
    opterr = 0;
    while ((c = getopt_long(ac, av, ":", opts, NULL)) != -1) {
        if (c == 'o') {
            out = optarg;
        } else if (c == 'l') {
            lang = deck_lang_parse(optarg);
            if (lang < 0) {
                fprintf(stderr, "plateau-deck print: --lang: '%s' (fr or en)\n", optarg);
                bad = 1;
            }
        } else if (c == 'p') {
            if (!strcmp(optarg, "a4")) {
                pw = 210, ph = 297;
            } else if (!strcmp(optarg, "letter")) {
                pw = 215.9, ph = 279.4;
            } else {
                fprintf(stderr, "plateau-deck print: --paper: '%s' (a4 or letter)\n", optarg);
                bad = 1;
            }
        } else if (c == 'h') {
            deck_lang_set(lang);
            usage(stdout);
            free(av);
            return 0;
        } else if (c == ':') {
            fprintf(stderr, "plateau-deck print: %s needs a value\n", av[optind - 1]);
            bad = 1;
        } else {
            fprintf(stderr, "plateau-deck print: unknown option '%s' (try --help)\n", av[optind - 1]);
            bad = 1;
        }
    }
    if (!bad && optind >= ac) {
        fprintf(stderr, "plateau-deck print: give a package folder (try --help)\n");
        bad = 1;
    } else if (!bad && optind + 1 < ac) {
        fprintf(stderr, "plateau-deck print: one package at a time ('%s' is one too many)\n", av[optind + 1]);
        bad = 1;
    }
    if (!bad && !out) {
        fprintf(stderr, "plateau-deck print: give the PDF to write with --out FILE.pdf\n");
        bad = 1;
    }
    if (bad) {
        free(av);
        return 2;
    }
    deck_lang_set(lang);
    const char *pkg = av[optind];
    pl_ruleset_t *rs = deck_open_package(pkg);
    free(av);
    if (!rs)
        return 1;
    pr_doc_t d;
    memset(&d, 0, sizeof d);
    d.rs = rs;
    d.lang = lang;
    d.paper_w = pw;
    d.paper_h = ph;
    char err[512];
    int sheets = 0, status = 0;
    if (write_pdf(&d, out, &sheets, err, sizeof err) != 0) {
        fprintf(stderr, _("plateau-deck print: cannot write %s: %s (nothing was written)\n"), out, err);
        status = 1;
    } else {
        char cards[64], pages[64];
        snprintf(cards, sizeof cards, pt_ntr(lang, "%u card", "%u cards", rs->n_cards), rs->n_cards);
        snprintf(pages, sizeof pages, pt_ntr(lang, "%d page", "%d pages", (unsigned long)d.pages), d.pages);
        printf(_("%s: %s: the rules, the board on %d, %s on %d sheets (faces and backs)\n"), out, pages,
               d.board_pages, cards, sheets);
    }
    pl_ruleset_destroy(rs);
    return status;
}
