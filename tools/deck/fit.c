/* fit.c -- validate's text-fit warnings: names, texts, cost lines, option and tag labels that would not fit their
 * place in the client, measured with the client's own fonts and layout code on an offscreen canvas */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plateau.h"
#include "data/package.h"
#include "client/app.h"
#include "client/art.h"
#include "client/ui.h"
#include "canvas.h"
#include "srcline.h"
#include "deck.h"

/* The window sizes measured: the font's pixels (and so the line breaks) change with the scale. The text-size
 * setting needs no pass of its own: the larger setting gives its extra size back when a box is full (the same
 * smallest size), the smaller one only makes room. */
static const int windows[][2] = { { 1280, 720 }, { 1920, 1080 }, { 3840, 2160 } };
#define N_WINDOWS (sizeof windows / sizeof windows[0])

/* Where the table screens put option and tag labels (screen_overlay.c, screen_choice.c, screen_table.c; design
 * units of the 1280x720 layout). */
#define BALLOT_BUTTON_W 260.0f  /* a vote's option button, "1. label" */
#define BALLOT_BUTTON_H 46.0f
#define CHOICE_PANEL_W 848.0f   /* a choice's options side by side where the hand was */
#define CHOICE_LABEL_SIZE 13.0f /* bold, wrapped in its column */
#define CHOICE_LABEL_LINES 2
#define DETAIL_TAG_W 490.0f     /* a tag under the card's name in the detail view */
#define DETAIL_TAG_SIZE 12.5f
#define DECK_VOTE_W 1000.0f     /* a vote over cards drawn from a deck: one column per card */
#define DECK_VOTE_TAG_SIZE 11.5f /* bold */

#define MAX_WIDTHS 16

/* One place a text is measured in: what fits there. */
typedef enum { BOX_WRAP, BOX_LINE, BOX_BUTTON, BOX_LINES } box_kind_t;
typedef struct {
    box_kind_t kind;
    float size, min, w, h; /* WRAP: sizes from size down to min in w x h; LINE: one line of width w at size */
    int bold, lines;       /* LINES: at most lines lines of width w at size; BUTTON: at most lines lines */
    const char *prefix;    /* BUTTON: the label is shown after this ("1. ") in a button of w x h */
} box_t;

static int fits(pc_gfx_t *g, const box_t *b, const char *s)
{
    int over = 0, wrapped;
    char buf[600];
    switch (b->kind) {
    case BOX_WRAP: return pc_text_fit(g, s, b->size, b->min, b->bold, b->w, b->h) > 0;
    case BOX_LINE: return pc_text_width(g, b->size, b->bold, s) <= b->w;
    case BOX_BUTTON: { /* the button's own sizing, on at most two lines (the smallest sizes would take more) */
        snprintf(buf, sizeof buf, "%s%s", b->prefix, s);
        float size = pc_ui_label_size(g, buf, b->w, b->h, &wrapped);
        return size > 0 && (!wrapped || pc_text_lines(g, buf, size, 1, b->w - 12, NULL) <= b->lines);
    }
    case BOX_LINES: return pc_text_lines(g, s, b->size, b->bold, b->w, &over) <= b->lines && !over;
    }
    return 1;
}

static int chars(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n && s[i]; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* About how many characters to take out of s for it to fit b: the longest beginning of s cut after a whole word
 * that fits, rounded up (to 5 below 50, to 10 above). */
static int to_cut(pc_gfx_t *g, const box_t *b, const char *s)
{
    size_t n = strlen(s), ends[512];
    int k = 0;
    for (size_t i = 1; i <= n && k < 512; i++)
        if ((i == n || s[i] == ' ') && s[i - 1] != ' ')
            ends[k++] = i;
    char *buf = malloc(n + 1);
    if (!buf)
        return 0;
    int lo = -1, hi = k - 1; /* ends[lo] fits (-1: none does), ends[hi] does not */
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        memcpy(buf, s, ends[mid]);
        buf[ends[mid]] = 0;
        if (fits(g, b, buf))
            lo = mid;
        else
            hi = mid;
    }
    free(buf);
    int cut = chars(s, n) - (lo >= 0 ? chars(s, ends[lo]) : 0);
    int step = cut < 50 ? 5 : 10;
    return (cut + step - 1) / step * step;
}

/* The widest word of s at size when it is wider than w (a word no wrapping can place), else "". */
static void wide_word(pc_gfx_t *g, const char *s, float size, int bold, float w, char *out, size_t len)
{
    out[0] = 0;
    float best = w;
    for (const char *p = s; *p;) {
        while (*p == ' ' || *p == '\n')
            p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != '\n')
            e++;
        if (e > p) {
            char word[256];
            snprintf(word, sizeof word, "%.*s", (int)(e - p), p);
            float ww = pc_text_width(g, size, bold, word);
            if (ww > best) {
                best = ww;
                snprintf(out, len, "%s", word);
            }
        }
        p = e;
    }
}

/* The worst misfit of one text over every window and width: how bad (larger is worse), and in which box. */
typedef struct {
    double badness;
    float s;   /* the window's scale */
    box_t box; /* the box */
    int need, room;
    char word[256];
} misfit_t;

static void consider(pc_gfx_t *g, float s, const box_t *b, const char *text, misfit_t *m)
{
    if (!*text || fits(g, b, text))
        return;
    misfit_t cur;
    memset(&cur, 0, sizeof cur);
    cur.s = s;
    cur.box = *b;
    if (b->kind == BOX_WRAP || b->kind == BOX_LINES) {
        float size = b->kind == BOX_WRAP ? b->min : b->size;
        int over = 0;
        cur.need = pc_text_lines(g, text, size, b->bold, b->w, &over);
        cur.room = b->kind == BOX_WRAP ? (int)((b->h + 0.01f) / pc_line_height(g, size, b->bold)) : b->lines;
        if (over)
            wide_word(g, text, size, b->bold, b->w, cur.word, sizeof cur.word);
        if (cur.need <= cur.room && !cur.word[0])
            cur.need = cur.room + 1; /* on the edge: the sizes tried miss it by a hair */
        cur.badness = cur.word[0] ? 1e6 : (double)(cur.need - cur.room) / (cur.room ? cur.room : 1);
    } else {
        cur.badness = pc_text_width(g, b->size, b->bold, text) / b->w;
    }
    if (cur.badness > m->badness)
        *m = cur;
}

typedef struct {
    const pl_ruleset_t *rs;
    pl_diags_t *d;
    deck_src_t *src;
    deck_canvas_t cv;
    const char *game_file;
    float hand[MAX_WIDTHS]; /* the widths of a card in the hand (1 to hand + 1 cards, or the list's preview) */
    int n_hand;
    int added;
} fit_t;

/* Whether range holds a vote (nested ones too): the card is then shown beside its ballot. */
static int has_vote(const pl_ruleset_t *rs, pl_range_t r, int depth)
{
    for (uint32_t i = 0; i < r.count && r.first + i < rs->n_effects && depth < 16; i++) {
        const pl_effect_t *e = &rs->effects[r.first + i];
        if (e->op == PL_EFF_VOTE || has_vote(rs, e->body, depth + 1) || has_vote(rs, e->alt, depth + 1))
            return 1;
        for (uint32_t o = 0; o < e->opts.count && e->opts.first + o < rs->n_options; o++)
            if (has_vote(rs, rs->options[e->opts.first + o].effects, depth + 1))
                return 1;
    }
    return 0;
}

/* The widths the client draws card c at: the detail view (any card, opened from the hand or the log), the hand
 * (cards of the hand's deck), the overlay of a vote or a prompt (cards that open a vote, prompts). */
static int card_widths(const fit_t *f, uint32_t c, float *out)
{
    const pl_card_t *k = &f->rs->cards[c];
    int n = 0;
    out[n++] = PC_DETAIL_CARD_W;
    if (k->deck == f->rs->turn.hand_deck)
        for (int i = 0; i < f->n_hand && n < MAX_WIDTHS - 1; i++)
            out[n++] = f->hand[i];
    if (k->kind == PL_CARD_PROMPT || has_vote(f->rs, k->effects, 0))
        out[n++] = PC_OVERLAY_CARD_W;
    return n;
}

static void warn(fit_t *f, const char *file, unsigned line, int lang, const char *msg)
{
    char focus[32];
    snprintf(focus, sizeof focus, "xml:lang=\"%s\"", lang == PL_LANG_EN ? "en" : "fr");
    if (pl_diags_push(f->d, PL_DIAG_WARNING, file, line, focus, msg) == 0)
        f->added++;
}

static const char *lang_code(int lang)
{
    return lang == PL_LANG_EN ? "en" : "fr";
}

/* Restores the window of the worst misfit so that its words and figures are measured as it was found. */
static pc_gfx_t *at(fit_t *f, const misfit_t *m)
{
    pc_gfx_set_view(&f->cv.g, m->s, 0, 0);
    return &f->cv.g;
}

static void card_faces(fit_t *f, uint32_t c, int lang)
{
    const pl_card_t *k = &f->rs->cards[c];
    const char *name = pl_text(&k->name, lang), *text = pl_text(&k->text, lang);
    char cost[160];
    pc_card_cost_line(f->rs, (int)c, lang, cost, sizeof cost);
    float widths[MAX_WIDTHS];
    int n_widths = card_widths(f, c, widths);
    misfit_t mn, mt, mc;
    memset(&mn, 0, sizeof mn);
    memset(&mt, 0, sizeof mt);
    memset(&mc, 0, sizeof mc);
    for (size_t wi = 0; wi < N_WINDOWS; wi++) {
        float s = (float)windows[wi][0] / PC_DESIGN_W;
        pc_gfx_set_view(&f->cv.g, s, 0, 0);
        for (int i = 0; i < n_widths; i++) {
            float w = widths[i], x, y, bw, bh;
            box_t b = { BOX_WRAP, 0, 0, 0, 0, 1, 0, NULL };
            pc_card_name_box(w, &x, &y, &bw, &bh);
            b.size = pc_card_name_size(w), b.min = pc_card_name_min(w), b.w = bw, b.h = bh;
            consider(&f->cv.g, s, &b, name, &mn);
            pc_card_text_box(w, &x, &y, &bw, &bh);
            b.bold = 0, b.size = pc_card_text_size(w), b.min = pc_card_text_min(w), b.w = bw, b.h = bh;
            consider(&f->cv.g, s, &b, text, &mt);
            box_t line = { BOX_LINE, 0, 0, 0, 0, 1, 0, NULL };
            pc_card_cost_box(w, &line.size, &line.w);
            consider(&f->cv.g, s, &line, cost, &mc);
        }
    }
    char msg[1024];
    const misfit_t *ms[2] = { &mn, &mt };
    for (int i = 0; i < 2; i++) {
        const misfit_t *m = ms[i];
        if (m->badness <= 0)
            continue;
        const char *s = i ? text : name;
        if (m->word[0])
            snprintf(msg, sizeof msg,
                     i ? _("the text of card '%s' (%s) has a word wider than its box ('%s'): shorten it or break it "
                           "with a hyphen")
                       : _("the name of card '%s' (%s) has a word wider than its box ('%s'): shorten it or break it "
                           "with a hyphen"),
                     k->id, lang_code(lang), m->word);
        else
            snprintf(msg, sizeof msg,
                     i ? _("the text of card '%s' (%s) needs %d lines, its box holds %d: shorten it by about %d "
                           "characters")
                       : _("the name of card '%s' (%s) needs %d lines, its box holds %d: shorten it by about %d "
                           "characters"),
                     k->id, lang_code(lang), m->need, m->room, to_cut(at(f, m), &m->box, s));
        warn(f, k->file, deck_src_text_line(f->src, k->file, "card", k->id, i ? "text" : "name", lang), lang, msg);
    }
    if (mc.badness > 0) {
        snprintf(msg, sizeof msg,
                 _("the cost line of card '%s' (%s) is cut on the card: '%s' is %d%% wider than its place (fewer costs, "
                   "or shorter <short> labels for their counters)"),
                 k->id, lang_code(lang), cost, (int)((mc.badness - 1) * 100 + 0.999));
        unsigned line = deck_src_text_line(f->src, k->file, "card", k->id, "cost", -1);
        if (pl_diags_push(f->d, PL_DIAG_WARNING, k->file, line, "<cost", msg) == 0)
            f->added++;
    }
}

/* Every choice and vote with options inside range (nested ones too), owned by a card or a space. */
typedef struct {
    const char *file, *owner_id;
    int owner_is_space;
} owner_t;

static void options_in(fit_t *f, pl_range_t r, const owner_t *o, int depth);

static void one_effect_options(fit_t *f, uint32_t e, const owner_t *o, int depth)
{
    const pl_ruleset_t *rs = f->rs;
    const pl_effect_t *ef = &rs->effects[e];
    options_in(f, ef->body, o, depth + 1);
    options_in(f, ef->alt, o, depth + 1);
    options_in(f, ef->tie, o, depth + 1);
    if ((ef->op != PL_EFF_CHOICE && ef->op != PL_EFF_VOTE) || !ef->opts.count)
        return;
    int n = (int)ef->opts.count;
    for (int i = 0; i < n && ef->opts.first + (uint32_t)i < rs->n_options; i++) {
        const pl_option_t *op = &rs->options[ef->opts.first + (uint32_t)i];
        options_in(f, op->effects, o, depth + 1);
        for (int lang = 0; lang < PL_LANG_COUNT; lang++) {
            char label[200];
            pt_option_label(rs, e, i, lang, label, sizeof label);
            misfit_t m;
            memset(&m, 0, sizeof m);
            char prefix[16];
            snprintf(prefix, sizeof prefix, "%d. ", i + 1);
            for (size_t wi = 0; wi < N_WINDOWS; wi++) {
                float s = (float)windows[wi][0] / PC_DESIGN_W;
                pc_gfx_set_view(&f->cv.g, s, 0, 0);
                if (ef->op == PL_EFF_VOTE) {
                    box_t b = { BOX_BUTTON, 0, 0, BALLOT_BUTTON_W, BALLOT_BUTTON_H, 1, 2, prefix };
                    consider(&f->cv.g, s, &b, label, &m);
                } else {
                    float col = (CHOICE_PANEL_W - 32 - 12.0f * (float)(n - 1)) / (float)n - 24;
                    box_t b = { BOX_LINES, CHOICE_LABEL_SIZE, 0, col, 0, 1, CHOICE_LABEL_LINES, NULL };
                    consider(&f->cv.g, s, &b, label, &m);
                }
            }
            if (m.badness <= 0)
                continue;
            char msg[1024];
            int cut = to_cut(at(f, &m), &m.box, label);
            if (ef->op == PL_EFF_VOTE)
                snprintf(msg, sizeof msg,
                         o->owner_is_space
                             ? _("the label of option '%s' of space '%s' (%s) does not fit its vote button on two "
                                 "lines: shorten it by about %d characters")
                             : _("the label of option '%s' of card '%s' (%s) does not fit its vote button on two "
                                 "lines: shorten it by about %d characters"),
                         op->id ? op->id : "", o->owner_id, lang_code(lang), cut);
            else
                snprintf(msg, sizeof msg,
                         o->owner_is_space
                             ? _("the label of option '%s' of space '%s' (%s) takes %d lines over its column of the "
                                 "choice, where 2 fit: shorten it by about %d characters")
                             : _("the label of option '%s' of card '%s' (%s) takes %d lines over its column of the "
                                 "choice, where 2 fit: shorten it by about %d characters"),
                         op->id ? op->id : "", o->owner_id, lang_code(lang), m.need, cut);
            unsigned line = deck_src_option_line(f->src, o->file, ef->line, i, lang);
            warn(f, o->file, line ? line : ef->line, lang, msg);
        }
    }
}

static void options_in(fit_t *f, pl_range_t r, const owner_t *o, int depth)
{
    if (depth > 16)
        return;
    for (uint32_t i = 0; i < r.count && r.first + i < f->rs->n_effects; i++)
        one_effect_options(f, r.first + i, o, depth);
}

/* A tag's label is one whole line under a card's name: in the detail view, and in the columns of a vote over
 * cards drawn from a deck that holds cards with that tag. */
static void tags(fit_t *f)
{
    const pl_ruleset_t *rs = f->rs;
    int draws[PL_MAX_DECKS] = { 0 }; /* the most cards a vote draws from each deck */
    for (uint32_t e = 0; e < rs->n_effects; e++) {
        const pl_effect_t *ef = &rs->effects[e];
        if (ef->op == PL_EFF_VOTE && !ef->opts.count && ef->ref < rs->n_decks && ef->amount > draws[ef->ref])
            draws[ef->ref] = ef->amount;
    }
    for (int t = 0; t < rs->n_tags; t++) {
        int most = 0; /* the widest vote its cards appear in */
        for (uint32_t c = 0; c < rs->n_cards; c++)
            if (rs->cards[c].tag && !strcmp(rs->cards[c].tag, rs->tags[t].id) && draws[rs->cards[c].deck] > most)
                most = draws[rs->cards[c].deck];
        for (int lang = 0; lang < PL_LANG_COUNT; lang++) {
            const char *label = pl_text(&rs->tags[t].label, lang);
            misfit_t m;
            memset(&m, 0, sizeof m);
            for (size_t wi = 0; wi < N_WINDOWS; wi++) {
                float s = (float)windows[wi][0] / PC_DESIGN_W;
                pc_gfx_set_view(&f->cv.g, s, 0, 0);
                box_t b = { BOX_LINE, DETAIL_TAG_SIZE, 0, DETAIL_TAG_W, 0, 0, 0, NULL };
                consider(&f->cv.g, s, &b, label, &m);
                if (most > 0) {
                    box_t v = { BOX_LINE, DECK_VOTE_TAG_SIZE, 0, (DECK_VOTE_W - 16.0f * (float)(most - 1)) / (float)most - 28,
                                0, 1, 0, NULL };
                    consider(&f->cv.g, s, &v, label, &m);
                }
            }
            if (m.badness <= 0)
                continue;
            char msg[1024];
            snprintf(msg, sizeof msg,
                     _("the label of tag '%s' (%s) does not fit on one line under a card's name: shorten it by about %d "
                       "characters"),
                     rs->tags[t].id, lang_code(lang), to_cut(at(f, &m), &m.box, label));
            warn(f, f->game_file, deck_src_text_line(f->src, f->game_file, "tag", rs->tags[t].id, "label", lang), lang,
                 msg);
        }
    }
}

int deck_fit_check(const char *dir, const pl_ruleset_t *rs, pl_diags_t *d, char *err, size_t errlen)
{
    fit_t f;
    memset(&f, 0, sizeof f);
    f.rs = rs;
    f.d = d;
    if (deck_canvas_open(&f.cv, 16, 16, 1, 0, 0, err, errlen) != 0)
        return -1;
    f.src = deck_src_create();
    size_t gl = strlen(dir) + 10;
    char *game = malloc(gl);
    if (!f.src || !game) {
        snprintf(err, errlen, "out of memory");
        free(game);
        deck_src_destroy(f.src);
        deck_canvas_close(&f.cv);
        return -1;
    }
    snprintf(game, gl, "%s/game.xml", dir);
    f.game_file = game;
    /* a hand of 1 to (hand + 1) cards: a draw may bring one more than the refill */
    int hand = rs->turn.hand > rs->turn.start_hand ? rs->turn.hand : rs->turn.start_hand;
    for (int n = 1; n <= hand + 1 && f.n_hand < MAX_WIDTHS - 2; n++) {
        float w = pc_hand_card_width(n);
        int seen = 0;
        for (int j = 0; j < f.n_hand; j++)
            seen |= f.hand[j] == w;
        if (!seen)
            f.hand[f.n_hand++] = w;
    }
    size_t from = d->n;
    for (uint32_t c = 0; c < rs->n_cards; c++) {
        for (int lang = 0; lang < PL_LANG_COUNT; lang++)
            card_faces(&f, c, lang);
        owner_t o = { rs->cards[c].file, rs->cards[c].id, 0 };
        options_in(&f, rs->cards[c].effects, &o, 0);
    }
    for (uint32_t s = 0; s < rs->n_spaces; s++) {
        owner_t o = { game, rs->spaces[s].id, 1 };
        options_in(&f, rs->spaces[s].on_land, &o, 0);
    }
    tags(&f);
    pl_diags_sort(d, from, game);
    int added = f.added;
    free(game);
    deck_src_destroy(f.src);
    deck_canvas_close(&f.cv);
    return added;
}
