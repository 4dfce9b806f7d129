/* sheets.c -- the rows of the exports, built once and written both as CSV files and as the XLSX workbook's sheets */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

typedef struct {
    rp_sheet_t *s;
    size_t col; /* cells of the current row written so far */
    int nomem;
} sink_t;

static rp_cell_t *cell(sink_t *k)
{
    rp_sheet_t *s = k->s;
    if (k->nomem)
        return NULL;
    if (k->col == 0) { /* a new row */
        if (s->n_rows == s->cap_rows) {
            size_t cap = s->cap_rows ? s->cap_rows * 2 : 64;
            rp_cell_t *c = realloc(s->cells, cap * (size_t)s->n_cols * sizeof *c);
            if (!c) {
                k->nomem = 1;
                return NULL;
            }
            s->cells = c;
            s->cap_rows = cap;
        }
        memset(&s->cells[s->n_rows * (size_t)s->n_cols], 0, (size_t)s->n_cols * sizeof *s->cells);
        s->n_rows++;
    }
    rp_cell_t *c = &s->cells[(s->n_rows - 1) * (size_t)s->n_cols + k->col];
    if (++k->col == (size_t)s->n_cols)
        k->col = 0;
    return c;
}

static void text(sink_t *k, const char *v)
{
    rp_cell_t *c = cell(k);
    if (c && !(c->text = strdup(v ? v : "")))
        k->nomem = 1;
}

static void num(sink_t *k, long long v)
{
    rp_cell_t *c = cell(k);
    char b[32];
    snprintf(b, sizeof b, "%lld", v);
    if (c) {
        c->is_num = 1;
        c->num = v;
        if (!(c->text = strdup(b)))
            k->nomem = 1;
    }
}

static void empty(sink_t *k)
{
    text(k, "");
}

static void start(sink_t *k, rp_sheet_t *s, const char *file, const char *name, int n_cols)
{
    memset(s, 0, sizeof *s);
    s->file = file;
    snprintf(s->name, sizeof s->name, "%s", name);
    s->n_cols = n_cols;
    k->s = s;
    k->col = 0;
}

static void moves_sheet(sink_t *k, const rp_report_t *r, rp_sheet_t *s)
{
    const char *head[] = { _("Table"), _("Move"), _("Round"), _("Team no."), _("Team"), _("Action"), _("Card"),
                           _("Phase"), _("Impact"), _("Horizon"), _("Dice"), _("Effects") };
    int n = (int)(sizeof head / sizeof head[0]);
    start(k, s, "moves.csv", _("Moves"), n);
    for (int i = 0; i < n; i++)
        text(k, head[i]);
    for (int ti = 0; ti < r->n_tables; ti++) {
        const pd_table_t *t = r->tables[ti].d;
        const pl_ruleset_t *rs = t->rs;
        for (uint32_t i = 0; i < t->n_moves; i++) {
            const pd_move_t *m = &t->moves[i];
            char team[PD_TEAM_LEN + 32], what[600], fx[2048];
            num(k, t->id);
            num(k, m->seq);
            num(k, m->round);
            num(k, m->seat + 1);
            rp_team(t, m->seat, team, sizeof team);
            text(k, team);
            pd_move_text(t, m, rp_lang, what, sizeof what);
            text(k, what);
            text(k, m->card < rs->n_cards ? pl_text(&rs->cards[m->card].name, rp_lang) : "");
            text(k, m->from < rs->n_spaces ? rp_phase_name(rs, rs->spaces[m->from].phase) : "");
            int played = m->type == PL_MOVE_PLAY && m->card < rs->n_cards;
            if (played && rs->cards[m->card].impact)
                num(k, rs->cards[m->card].impact);
            else
                empty(k);
            text(k, played ? pd_horizon(rs->cards[m->card].horizon, rp_lang) : "");
            if (m->dice)
                num(k, m->dice);
            else
                empty(k);
            if (played) {
                pd_card_effects(rs, m->card, rp_lang, fx, sizeof fx);
                text(k, fx);
            } else {
                empty(k);
            }
        }
    }
}

static void votes_sheet(sink_t *k, const rp_report_t *r, rp_sheet_t *s)
{
    const char *head[] = { _("Table"), _("Vote"), _("Round"), _("Kind"), _("Question"), _("Opened by"), _("Option no."),
                           _("Option"), _("Ballots"), _("Teams"), _("Result") };
    int n = (int)(sizeof head / sizeof head[0]);
    start(k, s, "votes.csv", _("Votes"), n);
    for (int i = 0; i < n; i++)
        text(k, head[i]);
    for (int ti = 0; ti < r->n_tables; ti++) {
        const pd_table_t *t = r->tables[ti].d;
        for (uint32_t vi = 0; vi < t->n_votes; vi++) {
            const pd_vote_t *v = &t->votes[vi];
            if (!v->closed)
                continue;
            char kind[200], q[600], opener[PD_TEAM_LEN + 32], opt[600];
            pd_vote_kind(t->rs, v->kind, v->card, v->effect, rp_lang, kind, sizeof kind);
            pd_vote_question(t, v, rp_lang, q, sizeof q);
            rp_team(t, v->initiator, opener, sizeof opener);
            int abstained = 0;
            for (int s2 = 0; s2 < t->n_seats; s2++)
                abstained += (v->voters >> s2 & 1u) && v->ballot[s2] == PD_NONE;
            for (int o = -1; o < v->n_options; o++) {
                if (o < 0 && !abstained)
                    continue;
                rp_buf_t teams = { 0 };
                for (int s2 = 0; s2 < t->n_seats; s2++) {
                    if (!(v->voters >> s2 & 1u) || (o < 0 ? v->ballot[s2] != PD_NONE : v->ballot[s2] != o))
                        continue;
                    char nm[PD_TEAM_LEN + 32];
                    rp_team(t, s2, nm, sizeof nm);
                    if (teams.n)
                        rp_put(&teams, "; ");
                    rp_put(&teams, nm);
                }
                num(k, t->id);
                num(k, vi + 1);
                num(k, v->round);
                text(k, kind);
                text(k, q);
                text(k, opener);
                if (o < 0) {
                    empty(k);
                    text(k, _("no ballot"));
                    num(k, abstained);
                } else {
                    num(k, o + 1);
                    pd_vote_option(t, v, o, rp_lang, opt, sizeof opt);
                    text(k, opt);
                    num(k, v->count[o]);
                }
                text(k, teams.s ? teams.s : "");
                rp_buf_free(&teams);
                if (o >= 0 && v->winner == o)
                    text(k, v->tie ? _("won after a tie") : _("won"));
                else if (o >= 0 && v->winner == PD_NONE)
                    text(k, _("tie"));
                else
                    empty(k);
            }
        }
    }
}

/* the columns of the scores sheet: every lens, counter and token shown, over every game of the report;
 * the games' counters of the same name (in the report's language) share a column */
typedef struct {
    char kind; /* 'c' counter, 't' token */
    char id[64];
    char name[200];
} col_t;

static int add_col(col_t *cols, int n, int cap, char kind, const char *id, const char *name)
{
    for (int i = 0; i < n; i++)
        if (cols[i].kind == kind && !strcmp(cols[i].name, name))
            return n;
    if (n == cap)
        return n;
    cols[n].kind = kind;
    snprintf(cols[n].id, sizeof cols[n].id, "%s", id);
    snprintf(cols[n].name, sizeof cols[n].name, "%s", name);
    return n + 1;
}

static void scores_sheet(sink_t *k, const rp_report_t *r, rp_sheet_t *s)
{
    col_t cols[64];
    int nc = 0;
    for (int pass = 0; pass < 3; pass++) /* lenses, then the other counters, then tokens */
        for (int ti = 0; ti < r->n_tables; ti++) {
            const pl_ruleset_t *rs = r->tables[ti].rs;
            uint8_t list[PL_MAX_COUNTERS];
            int n = pass == 0 ? pd_lenses(rs, list, PL_MAX_COUNTERS)
                    : pass == 1 ? pd_shown_counters(rs, list, PL_MAX_COUNTERS)
                                : pd_shown_tokens(rs, list, PL_MAX_TOKENS);
            for (int i = 0; i < n; i++) {
                if (pass == 2)
                    nc = add_col(cols, nc, 64, 't', rs->tokens[list[i]].id, pl_text(&rs->tokens[list[i]].name, rp_lang));
                else
                    nc = add_col(cols, nc, 64, 'c', rs->counters[list[i]].id,
                                 pl_text(&rs->counters[list[i]].name, rp_lang));
            }
        }
    start(k, s, "scores.csv", _("Scores"), 5 + nc);
    text(k, _("Table"));
    text(k, _("Team no."));
    text(k, _("Team"));
    text(k, _("Round"));
    for (int i = 0; i < nc; i++)
        text(k, cols[i].name);
    text(k, _("Score"));
    for (int ti = 0; ti < r->n_tables; ti++) {
        const pd_table_t *t = r->tables[ti].d;
        const pl_ruleset_t *rs = t->rs;
        int idx[64];
        for (int i = 0; i < nc; i++) {
            idx[i] = -1;
            if (cols[i].kind == 't') {
                for (int j = 0; j < rs->n_tokens && idx[i] < 0; j++)
                    if (rs->tokens[j].look.role != PL_ROLE_HIDDEN && !strcmp(pl_text(&rs->tokens[j].name, rp_lang), cols[i].name))
                        idx[i] = j;
            } else {
                for (int j = 0; j < rs->n_counters && idx[i] < 0; j++)
                    if (rs->counters[j].look.role != PL_ROLE_HIDDEN &&
                        !strcmp(pl_text(&rs->counters[j].name, rp_lang), cols[i].name))
                        idx[i] = j;
            }
        }
        for (uint32_t ri = 0; ri < t->n_rounds; ri++) {
            const pd_round_t *row = &t->rounds[ri];
            for (int seat = 0; seat < t->n_seats; seat++) {
                char team[PD_TEAM_LEN + 32];
                num(k, t->id);
                num(k, seat + 1);
                rp_team(t, seat, team, sizeof team);
                text(k, team);
                num(k, row->round);
                for (int i = 0; i < nc; i++) {
                    if (idx[i] < 0)
                        empty(k);
                    else if (cols[i].kind == 't')
                        num(k, row->seat[seat].token[idx[i]]);
                    else
                        num(k, row->seat[seat].counter[idx[i]]);
                }
                num(k, row->seat[seat].score);
            }
        }
    }
}

static void rules_sheet(sink_t *k, const rp_report_t *r, rp_sheet_t *s)
{
    start(k, s, "rules.csv", _("Score by rule"), 5);
    text(k, _("Table"));
    text(k, _("Team no."));
    text(k, _("Team"));
    text(k, _("Rule"));
    text(k, _("Points"));
    for (int ti = 0; ti < r->n_tables; ti++) {
        const pd_table_t *t = r->tables[ti].d;
        const pl_ruleset_t *rs = t->rs;
        for (int seat = 0; seat < t->n_seats; seat++) {
            char team[PD_TEAM_LEN + 32];
            rp_team(t, seat, team, sizeof team);
            for (uint32_t i = 0; i <= rs->n_scoring; i++) {
                num(k, t->id);
                num(k, seat + 1);
                text(k, team);
                if (i < rs->n_scoring) {
                    text(k, pl_text(&rs->scoring[i].name, rp_lang));
                    num(k, t->rule_points[(size_t)seat * rs->n_scoring + i]);
                } else {
                    text(k, _("Total"));
                    num(k, t->score[seat]);
                }
            }
        }
    }
}

static void opinion_sheet(sink_t *k, const rp_report_t *r, rp_sheet_t *s)
{
    const char *head[] = { _("Game"), _("Kind"), _("Question"), _("Option no."), _("Option"), _("Ballots"),
                           _("Times won"), _("Times asked"), _("Tables") };
    int n = (int)(sizeof head / sizeof head[0]);
    start(k, s, "opinion.csv", _("Collective opinion"), n);
    for (int i = 0; i < n; i++)
        text(k, head[i]);
    const pd_day_t *d = r->day;
    for (uint32_t i = 0; d && i < d->n_opinions; i++) {
        const pd_opinion_t *o = &d->opinions[i];
        char kind[200], q[600], opt[600];
        pd_vote_kind(o->rs, o->kind, o->card, o->effect, rp_lang, kind, sizeof kind);
        pd_opinion_question(o, rp_lang, q, sizeof q);
        for (int j = 0; j < o->n_options; j++) {
            text(k, pl_text(&o->rs->title, rp_lang));
            text(k, kind);
            text(k, q);
            num(k, j + 1);
            pd_opinion_option(o, j, rp_lang, opt, sizeof opt);
            text(k, opt);
            num(k, o->ballots[j]);
            num(k, o->won[j]);
            num(k, o->held);
            num(k, o->tables);
        }
    }
    for (uint32_t i = 0; d && i < d->n_offers; i++) {
        const pd_offer_t *f = &d->offers[i];
        const pl_ruleset_t *rs = f->rs;
        char kind[200];
        pd_vote_kind(rs, PD_VOTE_OTHER, f->card, UINT32_MAX, rp_lang, kind, sizeof kind);
        text(k, pl_text(&rs->title, rp_lang));
        text(k, kind);
        text(k, _("Cards offered to the vote"));
        empty(k);
        text(k, f->card < rs->n_cards ? pl_text(&rs->cards[f->card].name, rp_lang) : "");
        num(k, f->ballots);
        num(k, f->chosen);
        num(k, f->offered);
        num(k, f->tables);
    }
}

int rp_sheets_build(const rp_report_t *r, rp_sheet_t sheets[RP_SHEETS])
{
    sink_t k = { 0 };
    moves_sheet(&k, r, &sheets[RP_SHEET_MOVES]);
    votes_sheet(&k, r, &sheets[RP_SHEET_VOTES]);
    scores_sheet(&k, r, &sheets[RP_SHEET_SCORES]);
    rules_sheet(&k, r, &sheets[RP_SHEET_RULES]);
    opinion_sheet(&k, r, &sheets[RP_SHEET_OPINION]);
    if (k.nomem)
        return rp_fail(_("out of memory"));
    return 0;
}

void rp_sheets_free(rp_sheet_t sheets[RP_SHEETS])
{
    for (int i = 0; i < RP_SHEETS; i++) {
        rp_sheet_t *s = &sheets[i];
        for (size_t c = 0; c < s->n_rows * (size_t)s->n_cols; c++)
            free(s->cells[c].text);
        free(s->cells);
        memset(s, 0, sizeof *s);
    }
}
