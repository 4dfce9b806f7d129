/* print.h -- the print-and-play PDF of plateau-deck print: pages of cards and backs, the board, the rules (cairo, pango) */
#ifndef DECK_PRINT_H
#define DECK_PRINT_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include "plateau.h"

/* Units: millimetres (each page's transformation scales points to millimetres). */
#define PR_CARD_W 63.0
#define PR_CARD_H 88.0
#define PR_COLS 3
#define PR_ROWS 3
#define PR_PER_PAGE (PR_COLS * PR_ROWS)

typedef struct {
    cairo_surface_t *surface;
    cairo_t *cr;
    const pl_ruleset_t *rs;
    int lang;
    double paper_w, paper_h; /* portrait, mm */
    int pages, board_pages;
    int overfull;            /* cards whose words had to be cut to fit (a warning is printed for each) */
} pr_doc_t;

typedef struct { double r, g, b; } pr_rgb_t;

enum { PR_BOLD = 1, PR_ITALIC = 2, PR_CENTER = 4 };

/* print_text.c: words laid out with pango (DejaVu Sans) in the current page's millimetres. */
/* Height (mm) of text s wrapped in width w at size pt (points) with flags PR_*; nothing drawn. */
double pr_text_height(pr_doc_t *d, const char *s, double w, double pt, int flags);
/* Draws s wrapped in width w from (x, y) in colour c; returns the height used. */
double pr_text(pr_doc_t *d, const char *s, double x, double y, double w, double pt, int flags, pr_rgb_t c);
/* Width (mm) of s on one line. */
double pr_text_width(pr_doc_t *d, const char *s, double pt, int flags);
/* A rounded rectangle path. */
void pr_round_rect(cairo_t *cr, double x, double y, double w, double h, double r);
void pr_set(cairo_t *cr, pr_rgb_t c);
pr_rgb_t pr_hex(unsigned hex);
pr_rgb_t pr_mix(pr_rgb_t a, pr_rgb_t b, double t);
/* A new page of w x h mm (landscape when w > h), scaled to millimetres. */
void pr_page(pr_doc_t *d, double w, double h);

/* print_card.c: a card's face and its deck's back, PR_CARD_W x PR_CARD_H at (x, y). The face says everything the
 * screen says of it: phase or deck, impact and horizon, name, tag, text, what it needs, its effects and costs in the
 * describer's words. Returns 0, or 1 when the words had to be cut to fit. */
int pr_card_face(pr_doc_t *d, int card, double x, double y);
void pr_card_back(pr_doc_t *d, int deck, double x, double y);

/* print_board.c: the board on as many landscape pages as its phases need (five columns a page, a long phase on
 * several columns); returns the pages added (also kept in d->board_pages). */
int pr_board(pr_doc_t *d);

/* print_rules.c: the one-page summary of the rules: seats, the turn, the counters and tokens, the end, the scoring. */
void pr_rules(pr_doc_t *d);

#endif
