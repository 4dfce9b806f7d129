/* print_rules.c -- the printed one-page summary of the rules, read from the package: teams, set-up, a turn, the end,
 * counters and tokens, the scoring rules by name */
#include <stdio.h>
#include <string.h>
#include "client/art.h"
#include "text/text.h"
#include "print.h"

#define MARGIN 16.0

static const pr_rgb_t white = { 1, 1, 1 };

typedef struct {
    pr_doc_t *d;
    double x, y, w, k;
    int draw;
    pr_rgb_t ink, muted, accent;
} flow_t;

static void put(flow_t *f, const char *s, double dx, double pt, int flags, pr_rgb_t c, double after)
{
    if (!s || !*s)
        return;
    double h = f->draw ? pr_text(f->d, s, f->x + dx, f->y, f->w - dx, pt * f->k, flags, c)
                       : pr_text_height(f->d, s, f->w - dx, pt * f->k, flags);
    f->y += h + after * f->k;
}

static void heading(flow_t *f, const char *s)
{
    f->y += 2.2 * f->k;
    if (f->draw) {
        pr_set(f->d->cr, pr_mix(f->accent, white, 0.6));
        cairo_rectangle(f->d->cr, f->x, f->y, f->w, 0.3);
        cairo_fill(f->d->cr);
    }
    f->y += 1.2 * f->k;
    put(f, s, 0, 10.5, PR_BOLD, f->accent, 1.0);
}

/* a step of the turn: its number is in its words */
static void step(flow_t *f, const char *s)
{
    put(f, s, 4.5, 8.6, 0, f->ink, 0.9);
}

static void bullet(flow_t *f, const char *s)
{
    if (f->draw) {
        pr_set(f->d->cr, f->muted);
        cairo_arc(f->d->cr, f->x + 1.6, f->y + 1.9 * f->k, 0.6 * f->k, 0, 6.2832);
        cairo_fill(f->d->cr);
    }
    put(f, s, 4.5, 8.6, 0, f->ink, 0.9);
}

/* "Environnement, Social et Économie locale": the counters of mask */
static void counters_of(const pl_ruleset_t *rs, uint32_t mask, int lang, char *out, size_t len)
{
    int n = 0, total = 0;
    for (int i = 0; i < rs->n_counters; i++)
        total += (mask >> i) & 1u;
    size_t used = 0;
    out[0] = 0;
    for (int i = 0; i < rs->n_counters; i++) {
        if (!((mask >> i) & 1u))
            continue;
        const char *sep = n == 0 ? "" : n == total - 1 ? pt_tr(lang, " and ") : ", ";
        int w = snprintf(out + used, len - used, "%s%s", sep, pl_text(&rs->counters[i].name, lang));
        if (w < 0 || (size_t)w >= len - used)
            break;
        used += (size_t)w;
        n++;
    }
}

static void score_rule(flow_t *f, const pl_score_rule_t *r)
{
    const pl_ruleset_t *rs = f->d->rs;
    int lang = f->d->lang;
    char what[600], list[400], line[900];
    switch (r->kind) {
    case PL_SCORE_COUNTER: {
        const char *cname = r->ref < rs->n_counters ? pl_text(&rs->counters[r->ref].name, lang) : "?";
        if (!strcmp(cname, pl_text(&r->name, lang))) /* the rule is named for its counter */
            snprintf(what, sizeof what, pt_ntr(lang, "%d point per level", "%d points per level", (unsigned long)r->weight),
                     r->weight);
        else
            snprintf(what, sizeof what,
                     pt_ntr(lang, "%d point per level of “%s”", "%d points per level of “%s”", (unsigned long)r->weight),
                     r->weight, cname);
        break;
    }
    case PL_SCORE_BALANCE:
        counters_of(rs, r->mask, lang, list, sizeof list);
        snprintf(what, sizeof what, pt_tr(lang, "%d \xC3\x97 the lowest of the counters %s"), r->weight, list);
        break;
    case PL_SCORE_SPREAD:
        counters_of(rs, r->mask, lang, list, sizeof list);
        snprintf(what, sizeof what, pt_tr(lang, "minus %d \xC3\x97 (the highest of the counters %s minus the lowest)"), r->weight, list);
        break;
    case PL_SCORE_TARGET:
        snprintf(what, sizeof what,
                 pt_ntr(lang, "%d point to every team when the table's counter “%s” reaches %d",
                        "%d points to every team when the table's counter “%s” reaches %d", (unsigned long)r->weight),
                 r->weight, r->ref < rs->n_table_counters ? pl_text(&rs->table_counters[r->ref].name, lang) : "?",
                 r->threshold);
        break;
    case PL_SCORE_BONUS:
        pt_conds(rs, r->conds, lang, list, sizeof list);
        snprintf(what, sizeof what, pt_ntr(lang, "%d point with: %s", "%d points with: %s", (unsigned long)r->weight),
                 r->weight, list);
        break;
    case PL_SCORE_PRIORITY:
        snprintf(what, sizeof what, pt_tr(lang, "the priorities of the team's set-up card, \xC3\x97 %d"), r->weight);
        break;
    default:
        what[0] = 0;
    }
    snprintf(line, sizeof line, pt_tr(lang, "%s: %s"), pl_text(&r->name, lang), what);
    bullet(f, line);
}

static void deck_name(const pl_ruleset_t *rs, int deck, int lang, char *out, size_t len)
{
    snprintf(out, len, pt_tr(lang, "“%s”"), deck >= 0 && deck < rs->n_decks ? pl_text(&rs->decks[deck].name, lang) : "");
}

static void flow(flow_t *f)
{
    pr_doc_t *d = f->d;
    const pl_ruleset_t *rs = d->rs;
    const pl_turn_rules_t *t = &rs->turn;
    int lang = d->lang;
    char b[900], dk[200];
    put(f, pl_text(&rs->title, lang), 0, 18, PR_BOLD, f->ink, 1.5);
    put(f, pt_tr(lang, "The rules in brief"), 0, 10, PR_BOLD, f->muted, 2.0);
    put(f, pl_text(&rs->description, lang), 0, 9, PR_ITALIC, f->ink, 1.0);

    heading(f, pt_tr(lang, "Teams"));
    if (t->min_seats == t->max_seats)
        snprintf(b, sizeof b, pt_ntr(lang, "%d team.", "%d teams.", t->min_seats), t->min_seats);
    else
        snprintf(b, sizeof b, pt_tr(lang, "%d to %d teams (%d advised)."), t->min_seats, t->max_seats, t->default_seats);
    bullet(f, b);

    heading(f, pt_tr(lang, "Set-up"));
    if (rs->start_space < rs->n_spaces) {
        snprintf(dk, sizeof dk, pt_tr(lang, "“%s”"), pl_text(&rs->spaces[rs->start_space].name, lang));
        snprintf(b, sizeof b, pt_tr(lang, "Every pawn begins on %s (space 1 of the board)."), dk);
        bullet(f, b);
    }
    if (t->setup_deck >= 0) {
        deck_name(rs, t->setup_deck, lang, dk, sizeof dk);
        snprintf(b, sizeof b, pt_tr(lang, "Each team draws one card of %s: it keeps it for the whole game."), dk);
        bullet(f, b);
    }
    if (t->hand_deck >= 0 && t->start_hand > 0) {
        deck_name(rs, t->hand_deck, lang, dk, sizeof dk);
        snprintf(b, sizeof b, pt_ntr(lang, "Each team is dealt %d card of %s: its hand.", "Each team is dealt %d cards of %s: its hand.",
                                     t->start_hand),
                 t->start_hand, dk);
        bullet(f, b);
    }
    bullet(f, pt_tr(lang, "Each team's counters and tokens start as the table below says."));

    heading(f, pt_tr(lang, "A team's turn"));
    if (t->hand_deck >= 0 && t->cards_per_turn > 0) {
        snprintf(b, sizeof b,
                 pt_ntr(lang, "1. Play up to %d card of your hand: one of the phase your pawn is in, whose cost you can pay and whose needs you meet. Do what it says.",
                        "1. Play up to %d cards of your hand: ones of the phase your pawn is in, whose cost you can pay and whose needs you meet. Do what they say.",
                        t->cards_per_turn),
                 t->cards_per_turn);
        step(f, b);
    }
    snprintf(b, sizeof b,
             pt_ntr(lang, "2. Roll %d die of %d sides and move your pawn that many spaces along the board; do what the space you stop on says.",
                    "2. Roll %d dice of %d sides and move your pawn that many spaces along the board; do what the space you stop on says.",
                    t->dice),
             t->dice, t->sides);
    step(f, b);
    if (t->hand_deck >= 0) {
        deck_name(rs, t->hand_deck, lang, dk, sizeof dk);
        if (t->hand > 0)
            snprintf(b, sizeof b, pt_ntr(lang, "3. Draw from %s until you hold %d card.", "3. Draw from %s until you hold %d cards.", t->hand),
                     dk, t->hand);
        else
            snprintf(b, sizeof b, pt_tr(lang, "3. Your hand is not refilled: cards of %s come from the spaces and the cards that say so."), dk);
        step(f, b);
    }
    bullet(f, pt_tr(lang, "A milestone stops the pawn even when the die gives more; at a fork, the team chooses its way."));

    heading(f, pt_tr(lang, "The end"));
    if (rs->end_all_finished) {
        bullet(f, pt_tr(lang, "The game ends once every team has reached the end of the board."));
    }
    if (t->max_rounds) {
        snprintf(b, sizeof b, pt_tr(lang, "It ends at the latest after round %d."), t->max_rounds);
        bullet(f, b);
    }
    for (uint32_t i = 0; i < rs->end_conds.count && rs->end_conds.first + i < rs->n_conds; i++) {
        char cond[300];
        pt_cond(rs, &rs->conds[rs->end_conds.first + i], lang, cond, sizeof cond);
        snprintf(b, sizeof b, pt_tr(lang, "It also ends as soon as this holds (%s)."), cond);
        bullet(f, b);
    }

    heading(f, pt_tr(lang, "Counters and tokens"));
    for (int i = 0; i < rs->n_counters; i++) {
        const pl_counter_t *c = &rs->counters[i];
        if (c->look.role == PL_ROLE_HIDDEN)
            continue;
        snprintf(b, sizeof b, pt_tr(lang, "%s: %d at the start, from %d to %d"), pl_text(&c->name, lang), c->start, c->min,
                 c->max);
        bullet(f, b);
    }
    for (int i = 0; i < rs->n_table_counters; i++) {
        const pl_counter_t *c = &rs->table_counters[i];
        if (c->look.role == PL_ROLE_HIDDEN)
            continue;
        snprintf(b, sizeof b, pt_tr(lang, "%s (the whole table's): %d at the start, from %d to %d"), pl_text(&c->name, lang),
                 c->start, c->min, c->max);
        bullet(f, b);
    }
    for (int i = 0; i < rs->n_tokens; i++) {
        const pl_token_t *k = &rs->tokens[i];
        if (k->look.role == PL_ROLE_HIDDEN)
            continue;
        snprintf(b, sizeof b, pt_tr(lang, "%s: a token, none at the start, %d at most"), pl_text(&k->name, lang), k->max);
        bullet(f, b);
    }

    heading(f, pt_tr(lang, "Scoring"));
    put(f, pt_tr(lang, "At the end each team adds up these rules; the highest score wins."), 0, 8.6, 0, f->ink, 1.0);
    for (uint32_t r = 0; r < rs->n_scoring; r++)
        score_rule(f, &rs->scoring[r]);
}

void pr_rules(pr_doc_t *d)
{
    pr_page(d, d->paper_w, d->paper_h);
    flow_t f = { d, MARGIN, MARGIN, d->paper_w - 2 * MARGIN, 1.0, 0, pr_hex(PC_PAPER_INK), pr_hex(0x5A6673u),
                 pr_hex(0x2E6E8Au) };
    double room = d->paper_h - 2 * MARGIN;
    for (;;) { /* one page: smaller words when the package has much to say */
        f.y = MARGIN;
        flow(&f);
        if (f.y - MARGIN <= room || f.k < 0.55)
            break;
        f.k -= 0.03;
    }
    if (f.y - MARGIN > room)
        fprintf(stderr, "%s", pt_tr(d->lang, "plateau-deck print: the rules do not fit one page: the end is cut\n"));
    f.y = MARGIN;
    f.draw = 1;
    cairo_save(d->cr);
    cairo_rectangle(d->cr, 0, 0, d->paper_w, d->paper_h - MARGIN / 2);
    cairo_clip(d->cr);
    flow(&f);
    cairo_restore(d->cr);
}
