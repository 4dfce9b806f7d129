/* preview.c -- `plateau-deck preview PACKAGE [CARD-ID...] --out DIR`: each card as a PNG drawn by the client's own
 * card code at the size of its detail view at 1920x1080, and a contact sheet of the whole package */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plateau.h"
#include "client/app.h"
#include "client/art.h"
#include "canvas.h"
#include "deck.h"

/* the detail view of a 1920x1080 window: 1.5 pixels per design unit, the card PC_DETAIL_CARD_W wide on the
 * view's panel colour (its shadow falls on it), with a margin around */
#define DETAIL_SCALE 1.5f
#define MARGIN 24
/* the contact sheet: the 1280x720 design's pixels, cards of a hand's width */
#define SHEET_CARD_W 180.0f
#define SHEET_COLS 10
#define SHEET_GAP 24.0f

static void usage(FILE *out)
{
    fprintf(out, "%s", _("usage: plateau-deck preview PACKAGE [CARD-ID...] --out DIR [--lang fr|en]\n"
                         "  writes DIR/CARD-ID.png for each card named (every card when none is), drawn as the\n"
                         "  client draws it in its detail view at 1920x1080, and DIR/contact.png, every card of\n"
                         "  the package on one sheet\n"
                         "  --out DIR     the folder to write into (made when missing)\n"
                         "  --lang fr|en  the language of the cards (default: from LANG, else French)\n"));
}

static int preview_size(int *w, int *h)
{
    *w = (int)ceilf(PC_DETAIL_CARD_W * DETAIL_SCALE) + 2 * MARGIN;
    *h = (int)ceilf(PC_DETAIL_CARD_W * PC_CARD_RATIO * DETAIL_SCALE) + 2 * MARGIN;
    return MARGIN;
}

/* Card card drawn on cv (a canvas of preview_size) and written as dir/ID.png. */
static int one_card(deck_canvas_t *cv, const pl_ruleset_t *rs, int card, int lang, const char *dir, char *err,
                    size_t errlen)
{
    deck_canvas_clear(cv, PC_BG2);
    pc_draw_card(&cv->g, rs, card, lang, 0, 0, PC_DETAIL_CARD_W, 0, 0);
    size_t n = strlen(dir) + strlen(rs->cards[card].id) + 8;
    char *path = malloc(n);
    if (!path) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(path, n, "%s/%s.png", dir, rs->cards[card].id);
    int rc = deck_canvas_save(cv, path, err, errlen);
    free(path);
    return rc;
}

/* Every card, deck by deck under the deck's name, each with its id under it. */
static int contact_sheet(const pl_ruleset_t *rs, int lang, const char *dir, char *err, size_t errlen)
{
    float ch = SHEET_CARD_W * PC_CARD_RATIO, cell_h = ch + 46, head = 56;
    float width = SHEET_GAP + SHEET_COLS * (SHEET_CARD_W + SHEET_GAP), height = 80;
    for (int d = 0; d < rs->n_decks; d++)
        if (rs->decks[d].count)
            height += head + (float)((rs->decks[d].count + SHEET_COLS - 1) / SHEET_COLS) * cell_h;
    deck_canvas_t cv;
    if (deck_canvas_open(&cv, (int)width, (int)height, 1, 0, 0, err, errlen) != 0)
        return -1;
    pc_gfx_t *g = &cv.g;
    deck_canvas_clear(&cv, PC_BG);
    char line[512];
    snprintf(line, sizeof line, "%s", pl_text(&rs->title, lang));
    pc_text(g, SHEET_GAP, 22, 26, pc_rgb(PC_INK), PC_T_BOLD, line);
    snprintf(line, sizeof line, pt_ntr(lang, "%u card", "%u cards", rs->n_cards), rs->n_cards);
    pc_text(g, width - SHEET_GAP, 30, 15, pc_rgb(PC_MUTED), PC_T_RIGHT, line);
    float y = 80;
    for (int d = 0; d < rs->n_decks; d++) {
        const pl_deck_t *dk = &rs->decks[d];
        if (!dk->count)
            continue;
        char count[64], shown[600];
        snprintf(count, sizeof count, pt_ntr(lang, "%u card", "%u cards", dk->count), (unsigned)dk->count);
        snprintf(shown, sizeof shown, "%s  \xC2\xB7  %s", pl_text(&dk->name, lang), count);
        pc_fill(g, SHEET_GAP, y + 8, width - 2 * SHEET_GAP, 1, pc_alpha(pc_rgb(PC_MUTED), 90));
        pc_text(g, SHEET_GAP, y + 18, 18, pc_rgb(PC_ACCENT), PC_T_BOLD, shown);
        y += head;
        for (int i = 0; i < dk->count; i++) {
            int card = dk->first + i;
            float x = SHEET_GAP + (float)(i % SHEET_COLS) * (SHEET_CARD_W + SHEET_GAP);
            float cy = y + (float)(i / SHEET_COLS) * cell_h;
            pc_draw_card(g, rs, card, lang, x, cy, SHEET_CARD_W, 0, 0);
            pc_text_clip(g, x + SHEET_CARD_W / 2, cy + ch + 20, 12, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE,
                         rs->cards[card].id, SHEET_CARD_W);
        }
        y += (float)((dk->count + SHEET_COLS - 1) / SHEET_COLS) * cell_h;
    }
    size_t n = strlen(dir) + 16;
    char *path = malloc(n);
    int rc = -1;
    if (path) {
        snprintf(path, n, "%s/contact.png", dir);
        rc = deck_canvas_save(&cv, path, err, errlen);
    } else {
        snprintf(err, errlen, "out of memory");
    }
    free(path);
    deck_canvas_close(&cv);
    return rc;
}

int deck_preview(int argc, char **argv)
{
    static const struct option opts[] = {
        { "out", required_argument, NULL, 'o' },
        { "lang", required_argument, NULL, 'l' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int lang = deck_lang_from_env(), c, bad = 0;
    const char *out = NULL;
    int ac;
    char **av = deck_args("plateau-deck preview", argc, argv, &ac);
    if (!av)
        return 2;
    opterr = 0;
    while ((c = getopt_long(ac, av, ":", opts, NULL)) != -1) {
        if (c == 'o') {
            out = optarg;
        } else if (c == 'l') {
            lang = deck_lang_parse(optarg);
            if (lang < 0) {
                fprintf(stderr, "plateau-deck preview: --lang: '%s' (fr or en)\n", optarg);
                bad = 1;
            }
        } else if (c == 'h') {
            deck_lang_set(lang);
            usage(stdout);
            free(av);
            return 0;
        } else if (c == ':') {
            fprintf(stderr, "plateau-deck preview: %s needs a value\n", av[optind - 1]);
            bad = 1;
        } else {
            fprintf(stderr, "plateau-deck preview: unknown option '%s' (try --help)\n", av[optind - 1]);
            bad = 1;
        }
    }
    if (!bad && optind >= ac) {
        fprintf(stderr, "plateau-deck preview: give a package folder (try --help)\n");
        bad = 1;
    }
    if (!bad && !out) {
        fprintf(stderr, "plateau-deck preview: give the folder to write into with --out DIR\n");
        bad = 1;
    }
    if (bad) {
        free(av);
        return 2;
    }
    deck_lang_set(lang);
    deck_canvas_lang(lang);
    const char *pkg = av[optind];
    pl_ruleset_t *rs = deck_open_package(pkg);
    if (!rs) {
        free(av);
        return 1;
    }
    int status = 0, n_cards = ac - optind - 1, *cards = calloc((size_t)(n_cards > 0 ? n_cards : 1), sizeof *cards);
    if (!cards) {
        pl_ruleset_destroy(rs);
        free(av);
        return 1;
    }
    for (int i = 0; i < n_cards; i++) {
        cards[i] = pl_ruleset_card(rs, av[optind + 1 + i]);
        if (cards[i] < 0) {
            fprintf(stderr, _("plateau-deck preview: %s has no card '%s'\n"), pkg, av[optind + 1 + i]);
            status = 2;
        }
    }
    if (pl_ruleset_card(rs, "contact") >= 0) {
        fprintf(stderr, _("plateau-deck preview: a card is named 'contact': its picture would be the contact sheet's "
                          "(contact.png)\n"));
        status = 1;
    }
    char err[512];
    deck_canvas_t cv;
    memset(&cv, 0, sizeof cv);
    if (!status && deck_ready_folder(out, err, sizeof err) != 0) {
        fprintf(stderr, _("plateau-deck preview: cannot write into %s: %s\n"), out, err);
        status = 1;
    }
    int written = 0, w, h, m = preview_size(&w, &h);
    if (!status && deck_canvas_open(&cv, w, h, DETAIL_SCALE, (float)m, (float)m, err, sizeof err) != 0) {
        fprintf(stderr, "plateau-deck preview: %s\n", err);
        status = 1;
    }
    for (int i = 0; !status && i < (n_cards ? n_cards : (int)rs->n_cards); i++) {
        int card = n_cards ? cards[i] : i;
        if (one_card(&cv, rs, card, lang, out, err, sizeof err) != 0) {
            fprintf(stderr, _("plateau-deck preview: %s/%s.png: %s\n"), out, rs->cards[card].id, err);
            status = 1;
        } else {
            written++;
        }
    }
    deck_canvas_close(&cv);
    if (!status && contact_sheet(rs, lang, out, err, sizeof err) != 0) {
        fprintf(stderr, _("plateau-deck preview: %s/contact.png: %s\n"), out, err);
        status = 1;
    }
    if (!status) {
        printf(pt_ntr(lang, "%s: %d card drawn into %s, and the contact sheet %s/contact.png\n",
                      "%s: %d cards drawn into %s, and the contact sheet %s/contact.png\n", (unsigned long)written),
               pkg, written, out, out);
    }
    free(cards);
    pl_ruleset_destroy(rs);
    free(av);
    return status;
}
