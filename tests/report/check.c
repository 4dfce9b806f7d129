/* check.c -- every number of plateau-report's CSV files and workbook checked against the tables replayed here, and its HTML in Chromium */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static void team_name(const tr_table_t *t, int seat, int lang, char *buf, size_t len)
{
    char base[96];
    if (t->team[seat][0])
        snprintf(base, sizeof base, "%s", t->team[seat]);
    else
        snprintf(base, sizeof base, lang == PL_LANG_FR ? "Équipe %d" : "Team %d", seat + 1);
    if (t->bots >> seat & 1u)
        snprintf(buf, len, lang == PL_LANG_FR ? "%s (ordi)" : "%s (bot)", base);
    else
        snprintf(buf, len, "%s", base);
}

static const char *field(const tr_csv_t *c, size_t row, int col)
{
    cr_assert_lt(row, c->n_rows, "row %zu exists", row);
    cr_assert_lt((size_t)col, c->n_fields[row], "row %zu has column %d", row + 1, col);
    return c->rows[row][col];
}

static void expect_num(const tr_csv_t *c, size_t row, int col, long long want, const char *what)
{
    cr_assert_str_neq(field(c, row, col), "", "%s: row %zu column %d is empty, the replay says %lld", what, row + 1,
                      col + 1, want);
    cr_assert_eq(tr_num(field(c, row, col)), want, "%s: row %zu column %d is %s, the replay says %lld", what, row + 1,
                 col + 1, field(c, row, col), want);
}

static void expect_str(const tr_csv_t *c, size_t row, int col, const char *want, const char *what)
{
    cr_assert_str_eq(field(c, row, col), want, "%s: row %zu column %d", what, row + 1, col + 1);
}

static void read_csv(const char *dir, const char *name, tr_csv_t *c)
{
    char p[1200];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    cr_assert_eq(tr_csv_read(p, c), 0, "%s is RFC 4180 CSV", p);
    cr_assert_gt(c->n_rows, 0);
    for (size_t r = 1; r < c->n_rows; r++)
        cr_assert_eq(c->n_fields[r], c->n_fields[0], "%s row %zu has as many fields as the header", name, r + 1);
}

/* the votes the tables held, in order (the k-th is the k-th of the core's vote log), with who was
 * asked, what was offered, and the opener's space */
typedef struct {
    pl_pending_t p;
    uint8_t space;
} held_t;

static int held_votes(const tr_table_t *t, held_t *out, int cap)
{
    int n = 0;
    for (size_t k = 1; k <= t->n_moves; k++) {
        const pl_state_t *a = &t->st[k - 1], *b = &t->st[k];
        if (b->wait != PL_WAIT_VOTE || (a->wait == PL_WAIT_VOTE && a->n_votes == b->n_votes))
            continue;
        cr_assert_lt(n, cap);
        out[n].p = b->pending;
        out[n].space = b->seat[b->pending.actor].pos;
        n++;
    }
    cr_assert_eq(n, t->st[t->n_moves].n_votes, "table %u: every vote of the log waited for ballots", t->id);
    return n;
}

static void option_label(const pl_ruleset_t *rs, const pl_pending_t *p, int o, int lang, char *buf, size_t len)
{
    const pl_effect_t *e = &rs->effects[p->effect];
    if (e->amount > 0)
        snprintf(buf, len, "%s", pl_text(&rs->cards[p->option_card[o]].name, lang));
    else
        snprintf(buf, len, "%s", pl_text(&rs->options[e->opts.first + (uint32_t)o].label, lang));
}

static void check_moves(const char *dir, const tr_table_t *const *ts, size_t n, int lang)
{
    tr_csv_t c;
    read_csv(dir, "moves.csv", &c);
    cr_assert_eq(c.n_fields[0], 12);
    size_t row = 1;
    for (size_t i = 0; i < n; i++) {
        const tr_table_t *t = ts[i];
        const pl_ruleset_t *rs = t->rs;
        for (size_t k = 0; k < t->n_moves; k++, row++) {
            const pl_move_t *m = &t->moves[k];
            const pl_state_t *a = &t->st[k], *b = &t->st[k + 1];
            char name[128];
            expect_num(&c, row, 0, t->id, "moves: table");
            expect_num(&c, row, 1, (long long)k + 1, "moves: move");
            expect_num(&c, row, 2, a->round, "moves: round");
            expect_num(&c, row, 3, m->seat + 1, "moves: team no.");
            team_name(t, m->seat, lang, name, sizeof name);
            expect_str(&c, row, 4, name, "moves: team");
            const char *phase = pl_text(&rs->phases[rs->spaces[a->seat[m->seat].pos].phase].name, lang);
            expect_str(&c, row, 7, phase, "moves: phase");
            if (m->type == PL_MOVE_PLAY) {
                const pl_card_t *card = &rs->cards[m->arg];
                expect_str(&c, row, 6, pl_text(&card->name, lang), "moves: card");
                if (card->impact)
                    expect_num(&c, row, 8, card->impact, "moves: impact");
                else
                    expect_str(&c, row, 8, "", "moves: impact");
                cr_assert_str_neq(field(&c, row, 11), "", "moves: a card's effects");
            } else {
                expect_str(&c, row, 8, "", "moves: impact");
                if ((a->wait == PL_WAIT_VOTE || a->wait == PL_WAIT_CHOICE) && a->pending.card < rs->n_cards)
                    expect_str(&c, row, 6, pl_text(&rs->cards[a->pending.card].name, lang), "moves: card asked");
                else
                    expect_str(&c, row, 6, "", "moves: card");
            }
            int rolled = m->type == PL_MOVE_ROLL || (m->type == PL_MOVE_TIMEOUT && a->wait == PL_WAIT_TURN);
            if (rolled) {
                int sum = 0;
                for (int d = 0; d < b->n_dice; d++)
                    sum += b->dice[d];
                expect_num(&c, row, 10, sum, "moves: dice");
            } else {
                expect_str(&c, row, 10, "", "moves: dice");
            }
        }
    }
    cr_assert_eq(row, c.n_rows, "moves.csv has one row per move of the tables reported");
    tr_csv_free(&c);
}

static void check_votes(const char *dir, const tr_table_t *const *ts, size_t n, int lang)
{
    tr_csv_t c;
    read_csv(dir, "votes.csv", &c);
    cr_assert_eq(c.n_fields[0], 11);
    size_t row = 1;
    for (size_t i = 0; i < n; i++) {
        const tr_table_t *t = ts[i];
        const pl_state_t *fin = &t->st[t->n_moves];
        held_t held[PL_MAX_VOTE_LOG];
        int nh = held_votes(t, held, PL_MAX_VOTE_LOG);
        for (int v = 0; v < nh; v++) {
            const pl_vote_rec_t *rec = &fin->vote_log[v];
            const pl_pending_t *p = &held[v].p;
            int abstained = 0, count[PL_MAX_OPTIONS] = { 0 };
            for (int s = 0; s < t->n_seats; s++) {
                if (!(p->voters >> s & 1u))
                    cr_assert_eq(rec->ballot[s], 0xFF, "a seat not asked has no ballot");
                else if (rec->ballot[s] == 0xFF)
                    abstained++;
                else
                    count[rec->ballot[s]]++;
            }
            for (int o = abstained ? -1 : 0; o < rec->n_options; o++, row++) {
                expect_num(&c, row, 0, t->id, "votes: table");
                expect_num(&c, row, 1, v + 1, "votes: vote");
                expect_num(&c, row, 2, rec->round, "votes: round");
                char opener[128], names[1024] = "";
                team_name(t, rec->initiator, lang, opener, sizeof opener);
                expect_str(&c, row, 5, opener, "votes: opened by");
                for (int s = 0; s < t->n_seats; s++) {
                    int match = (p->voters >> s & 1u) && (o < 0 ? rec->ballot[s] == 0xFF : rec->ballot[s] == o);
                    if (!match)
                        continue;
                    char nm[128];
                    team_name(t, s, lang, nm, sizeof nm);
                    size_t at = strlen(names);
                    snprintf(names + at, sizeof names - at, "%s%s", at ? "; " : "", nm);
                }
                expect_str(&c, row, 9, names, "votes: teams");
                if (o < 0) {
                    expect_str(&c, row, 6, "", "votes: abstention row");
                    expect_num(&c, row, 8, abstained, "votes: no ballot");
                    continue;
                }
                expect_num(&c, row, 6, o + 1, "votes: option no.");
                char label[300];
                option_label(t->rs, p, o, lang, label, sizeof label);
                expect_str(&c, row, 7, label, "votes: option");
                expect_num(&c, row, 8, count[o], "votes: ballots");
                cr_assert_eq(strlen(field(&c, row, 10)) > 0, rec->winner == o || rec->winner == 0xFF,
                             "votes: the result column names the winner (or the tie)");
            }
        }
    }
    cr_assert_eq(row, c.n_rows, "votes.csv has a row per option of every vote (and its abstentions)");
    tr_csv_free(&c);
}

/* the counter or token a column of scores.csv names in this game (by its name in lang) */
static int column_of(const pl_ruleset_t *rs, const char *name, int lang, int *is_token)
{
    for (int i = 0; i < rs->n_counters; i++)
        if (!strcmp(pl_text(&rs->counters[i].name, lang), name)) {
            *is_token = 0;
            return i;
        }
    for (int i = 0; i < rs->n_tokens; i++)
        if (!strcmp(pl_text(&rs->tokens[i].name, lang), name)) {
            *is_token = 1;
            return i;
        }
    return -1;
}

static void check_scores(const char *dir, const tr_table_t *const *ts, size_t n, int lang)
{
    tr_csv_t c;
    read_csv(dir, "scores.csv", &c);
    int cols = (int)c.n_fields[0];
    size_t row = 1;
    int checked_lens = 0;
    for (size_t i = 0; i < n; i++) {
        const tr_table_t *t = ts[i];
        const pl_ruleset_t *rs = t->rs;
        const pl_state_t *fin = &t->st[t->n_moves];
        int idx[64], tok[64];
        for (int k = 4; k < cols - 1; k++) {
            idx[k] = column_of(rs, c.rows[0][k], lang, &tok[k]);
            if (idx[k] >= 0 && !tok[k] && rs->counters[idx[k]].look.role == PL_ROLE_LENS)
                checked_lens = 1;
        }
        /* every counter and token the players see is a column */
        for (int ci = 0; ci < rs->n_counters; ci++)
            if (rs->counters[ci].look.role != PL_ROLE_HIDDEN)
                cr_assert_geq(tr_csv_col(&c, pl_text(&rs->counters[ci].name, lang)), 0, "scores: a column for %s",
                              rs->counters[ci].id);
        for (uint32_t r = 0; r <= fin->round; r++) {
            const pl_state_t *st = tr_round_state(t, r);
            for (int s = 0; s < t->n_seats; s++, row++) {
                char name[128];
                expect_num(&c, row, 0, t->id, "scores: table");
                expect_num(&c, row, 1, s + 1, "scores: team no.");
                team_name(t, s, lang, name, sizeof name);
                expect_str(&c, row, 2, name, "scores: team");
                expect_num(&c, row, 3, r, "scores: round");
                for (int k = 4; k < cols - 1; k++) {
                    if (idx[k] < 0)
                        expect_str(&c, row, k, "", "scores: a column of another game");
                    else
                        expect_num(&c, row, k, tok[k] ? st->seat[s].token[idx[k]] : st->seat[s].counter[idx[k]],
                                   c.rows[0][k]);
                }
                expect_num(&c, row, cols - 1, pl_score_seat(rs, st, s), "scores: score");
            }
        }
        for (int s = 0; s < t->n_seats; s++)
            cr_assert_eq(pl_score_seat(rs, fin, s), fin->score[s], "the last row's score is the final score");
    }
    cr_assert_eq(row, c.n_rows, "scores.csv: one row per team per round, from round 0");
    cr_assert(checked_lens, "scores.csv has lens columns");
    tr_csv_free(&c);
}

static void check_rules(const char *dir, const tr_table_t *const *ts, size_t n, int lang)
{
    tr_csv_t c;
    read_csv(dir, "rules.csv", &c);
    size_t row = 1;
    for (size_t i = 0; i < n; i++) {
        const tr_table_t *t = ts[i];
        const pl_ruleset_t *rs = t->rs;
        const pl_state_t *fin = &t->st[t->n_moves];
        for (int s = 0; s < t->n_seats; s++)
            for (uint32_t k = 0; k <= rs->n_scoring; k++, row++) {
                expect_num(&c, row, 0, t->id, "rules: table");
                expect_num(&c, row, 1, s + 1, "rules: team no.");
                if (k < rs->n_scoring) {
                    expect_str(&c, row, 3, pl_text(&rs->scoring[k].name, lang), "rules: rule");
                    expect_num(&c, row, 4, pl_score_rule(rs, fin, s, k), "rules: points");
                } else {
                    expect_num(&c, row, 4, fin->score[s], "rules: total");
                }
            }
    }
    cr_assert_eq(row, c.n_rows);
    tr_csv_free(&c);
}

/* the collective opinion: for each question, the ballots of every table summed here */
typedef struct {
    const pl_ruleset_t *rs;
    uint16_t card;
    uint8_t space;
    uint32_t effect;
    int n_options;
    long ballots[PL_MAX_OPTIONS], won[PL_MAX_OPTIONS], held, tables;
    int last_table;
    int deck;         /* a card offered to votes over cards: ballots, chosen (won[0]), offered (held) */
} expect_t;

static int check_opinion(const char *dir, const tr_table_t *const *ts, size_t n, int lang)
{
    expect_t *e = calloc(4096, sizeof *e);
    int ne = 0;
    for (size_t i = 0; i < n; i++) {
        const tr_table_t *t = ts[i];
        const pl_state_t *fin = &t->st[t->n_moves];
        held_t held[PL_MAX_VOTE_LOG];
        int nh = held_votes(t, held, PL_MAX_VOTE_LOG);
        for (int v = 0; v < nh; v++) {
            const pl_pending_t *p = &held[v].p;
            const pl_vote_rec_t *rec = &fin->vote_log[v];
            int deck = t->rs->effects[p->effect].amount > 0;
            int space = p->card == PL_NO_CARD ? held[v].space : 0;
            for (int o = 0; o < (deck ? rec->n_options : 1); o++) {
                uint16_t card = deck ? p->option_card[o] : p->card;
                int k = 0;
                while (k < ne && !(!strcmp(e[k].rs->id, t->rs->id) && e[k].deck == deck && e[k].card == card &&
                                   (deck || (e[k].effect == p->effect && (card != PL_NO_CARD || e[k].space == space)))))
                    k++;
                if (k == ne) {
                    cr_assert_lt(ne, 4096);
                    memset(&e[k], 0, sizeof e[k]);
                    e[k].rs = t->rs;
                    e[k].card = card;
                    e[k].space = (uint8_t)space;
                    e[k].effect = p->effect;
                    e[k].deck = deck;
                    ne++;
                }
                expect_t *x = &e[k];
                if (x->last_table != (int)i + 1) {
                    x->last_table = (int)i + 1;
                    x->tables++;
                }
                x->held++;
                if (!deck && rec->n_options > x->n_options)
                    x->n_options = rec->n_options;
                for (int s = 0; s < t->n_seats; s++)
                    if (rec->ballot[s] != 0xFF) {
                        if (!deck)
                            x->ballots[rec->ballot[s]]++;
                        else if (rec->ballot[s] == o)
                            x->ballots[0]++;
                    }
                if (deck)
                    x->won[0] += rec->winner == o;
                else if (rec->winner != 0xFF)
                    x->won[rec->winner]++;
            }
        }
    }
    tr_csv_t c;
    read_csv(dir, "opinion.csv", &c);
    /* the questions game by game, in the order the tables first asked them, then the cards offered */
    int questions = 0;
    size_t r = 1;
    for (int pass = 0; pass < 2; pass++)
        for (size_t g = 0; g < n; g++) {
            for (int k = 0; k < ne; k++) {
                expect_t *x = &e[k];
                const pl_ruleset_t *rs = x->rs;
                int first = 1; /* the g-th table plays this game for the first time */
                for (size_t h = 0; h < g; h++)
                    first &= strcmp(ts[h]->package, ts[g]->package) != 0;
                if (x->deck != pass || !first || strcmp(rs->id, ts[g]->package) != 0)
                    continue;
                for (int o = 0; o < (x->deck ? 1 : x->n_options); o++, r++) {
                    expect_str(&c, r, 0, pl_text(&rs->title, lang), "opinion: game");
                    if (x->deck) {
                        expect_str(&c, r, 3, "", "opinion: an offered card has no option number");
                        expect_str(&c, r, 4, pl_text(&rs->cards[x->card].name, lang), "opinion: the card offered");
                        expect_num(&c, r, 5, x->ballots[0], "opinion: ballots for an offered card");
                        expect_num(&c, r, 6, x->won[0], "opinion: times chosen");
                    } else {
                        const char *question = x->card != PL_NO_CARD ? pl_text(&rs->cards[x->card].name, lang)
                                                                     : pl_text(&rs->spaces[x->space].name, lang);
                        cr_assert(strstr(field(&c, r, 2), question), "opinion row %zu: the question names \"%s\"", r + 1,
                                  question);
                        expect_num(&c, r, 3, o + 1, "opinion: option no.");
                        const pl_effect_t *eff = &rs->effects[x->effect];
                        expect_str(&c, r, 4, pl_text(&rs->options[eff->opts.first + (uint32_t)o].label, lang), "opinion: option");
                        expect_num(&c, r, 5, x->ballots[o], "opinion: ballots summed over the tables");
                        expect_num(&c, r, 6, x->won[o], "opinion: times won");
                        questions += o == 0;
                    }
                    expect_num(&c, r, 7, x->held, "opinion: times asked");
                    expect_num(&c, r, 8, x->tables, "opinion: tables");
                }
            }
        }
    cr_assert_eq(r, c.n_rows, "opinion.csv: a row per option of every question, and one per card offered");
    tr_csv_free(&c);
    free(e);
    return questions;
}

int tr_check_exports(const char *dir, const tr_table_t *const *ts, size_t n, int lang)
{
    check_moves(dir, ts, n, lang);
    check_votes(dir, ts, n, lang);
    check_scores(dir, ts, n, lang);
    check_rules(dir, ts, n, lang);
    int questions = check_opinion(dir, ts, n, lang);
    /* the workbook holds the same rows as the CSV files, sheet by sheet */
    char book[1200], a[5][1300], out[16384];
    const char *names_fr[5] = { "Coups", "Votes", "Scores", "Points par règle", "Avis collectif" };
    const char *names_en[5] = { "Moves", "Votes", "Scores", "Score by rule", "Collective opinion" };
    const char *files[5] = { "moves.csv", "votes.csv", "scores.csv", "rules.csv", "opinion.csv" };
    snprintf(book, sizeof book, "%s/debrief.xlsx", dir);
    for (int i = 0; i < 5; i++)
        snprintf(a[i], sizeof a[i], "%s=%s/%s", lang == PL_LANG_FR ? names_fr[i] : names_en[i], dir, files[i]);
    const char *argv[] = { "/usr/bin/env", "python3", "tests/report/xlsx_rows.py", book, a[0], a[1], a[2], a[3], a[4], NULL };
    int rc = tr_run(argv, out, sizeof out, 60);
    cr_assert_eq(rc, 0, "the workbook's sheets are the CSV files:\n%s", out);
    return questions;
}

void tr_check_html(const char *dir, const tr_table_t *const *ts, size_t n, int questions, int day)
{
    char html[1200], netlog[1200], pdf[1200], msg[8192];
    snprintf(html, sizeof html, "%s/report.html", dir);
    snprintf(netlog, sizeof netlog, "%s.netlog.json", dir);
    snprintf(pdf, sizeof pdf, "%s.pdf", dir);
    size_t cap = 16u << 20;
    char *dom = malloc(cap);
    double ms;
    cr_assert_eq(tr_chromium(html, "dom", NULL, netlog, dom, cap, &ms), 0, "chromium opens report.html");
    printf("report: chromium read report.html (%zu tables) in %.1f s\n", n, ms / 1000);
    int requests = tr_page_requests(netlog, msg, sizeof msg);
    cr_assert_eq(requests, 0, "report.html makes no request:\n%s", msg);
    /* every chart is drawn: the SVG of each one is in the page */
    int lens = 0, mires = 0, games_with_lenses = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t l[PL_MAX_COUNTERS];
        int has = 0;
        for (int c = 0; c < ts[i]->rs->n_counters; c++)
            has |= ts[i]->rs->counters[c].look.role == PL_ROLE_LENS;
        (void)l;
        lens += has ? ts[i]->n_seats : 0;
        mires += 1 + ts[i]->n_seats;
        int first = 1;
        for (size_t k = 0; k < i; k++)
            first &= strcmp(ts[k]->package, ts[i]->package) != 0;
        games_with_lenses += has && first;
    }
    cr_assert_eq(tr_count(dom, "data-chart=\"lens-curves\""), lens, "a lens chart per team");
    cr_assert_eq(tr_count(dom, "data-chart=\"mire\""), mires, "a mire per table and per team");
    cr_assert_eq(tr_count(dom, "data-chart=\"scores\""), (int)n, "a score chart per table");
    cr_assert_eq(tr_count(dom, "data-chart=\"ballots\""), day ? questions : 0, "a ballot chart per question of the day");
    cr_assert_eq(tr_count(dom, "data-chart=\"lens-compare\""), day ? games_with_lenses : 0, "the lens profiles compared");
    cr_assert_eq(tr_count(dom, "<svg class=\"chart\""), lens + mires + (int)n + (day ? questions + games_with_lenses : 0));
    cr_assert_geq(tr_count(dom, "<polyline"), lens, "the curves are drawn");
    cr_assert_geq(tr_count(dom, "<rect"), 9 * mires, "the mires' cells are drawn");
    cr_assert_eq(tr_count(dom, "<script"), 0, "no script");
    /* printed to PDF: one page per section, nothing spilling over */
    size_t len;
    char *text = tr_slurp(html, &len);
    int sections = tr_count(text, "<section class=\"page\"");
    free(text);
    cr_assert_eq(tr_chromium(html, "pdf", pdf, NULL, msg, sizeof msg, &ms), 0, "chromium prints report.html");
    printf("report: chromium printed report.html in %.1f s\n", ms / 1000);
    int pages = tr_pdf_pages(pdf);
    cr_assert_eq(pages, sections, "report.html prints as %d pages (one per section), not %d", sections, pages);
    cr_assert_geq(sections, (int)n * 3 + (day ? 1 : 0));
    free(dom);
    unlink(netlog);
    unlink(pdf);
}
