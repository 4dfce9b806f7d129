/* svg.c -- the report's charts as inline SVG: lens curves, the mire with card names, the score by rule, ballots, lens profiles compared */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

#define CHAR_W 0.6 /* average advance of DejaVu Sans, in ems: enough to cut labels before they overflow */

static void color(rp_buf_t *b, uint32_t rgb)
{
    rp_printf(b, "#%06x", rgb & 0xFFFFFFu);
}

/* bytes of the first `chars` characters of UTF-8 text */
static size_t utf8_prefix(const char *s, size_t chars)
{
    size_t i = 0, n = 0;
    while (s[i] && n < chars) {
        i++;
        while ((s[i] & 0xC0) == 0x80)
            i++;
        n++;
    }
    return i;
}

static size_t utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += (*s & 0xC0) != 0x80;
    return n;
}

/* text cut to fit width px at size px, with "…" when cut */
static void fit(rp_buf_t *b, const char *s, double width, double size)
{
    size_t max = (size_t)(width / (size * CHAR_W));
    if (max < 2)
        max = 2;
    if (utf8_len(s) <= max) {
        rp_esc(b, s);
        return;
    }
    char tmp[1024];
    size_t n = utf8_prefix(s, max - 1);
    if (n >= sizeof tmp)
        n = sizeof tmp - 1;
    memcpy(tmp, s, n);
    tmp[n] = 0;
    while (n > 0 && tmp[n - 1] == ' ')
        tmp[--n] = 0;
    rp_esc(b, tmp);
    rp_put(b, "\xE2\x80\xA6");
}

static int32_t nice_step(int32_t range, int ticks)
{
    int32_t raw = range / (ticks > 0 ? ticks : 1);
    int32_t step = 1;
    while (step * 10 <= raw)
        step *= 10;
    if (step * 5 <= raw)
        step *= 5;
    else if (step * 2 <= raw)
        step *= 2;
    return step < 1 ? 1 : step;
}

int32_t rp_lens_top(const pd_table_t *t)
{
    int32_t top = 1;
    for (uint32_t r = 0; r < t->n_rounds; r++)
        for (int s = 0; s < t->n_seats; s++)
            for (int l = 0; l < t->n_lenses; l++)
                if (t->rounds[r].seat[s].counter[t->lens[l]] > top)
                    top = t->rounds[r].seat[s].counter[t->lens[l]];
    int32_t step = nice_step(top, 4);
    return (top + step - 1) / step * step;
}

static const char *counter_short(const pl_ruleset_t *rs, int c)
{
    return pl_short_name(&rs->counters[c].name, &rs->counters[c].look, rp_lang);
}

void rp_svg_lens_curves(rp_buf_t *b, const pd_table_t *t, int seat, int32_t top)
{
    const pl_ruleset_t *rs = t->rs;
    const double W = 340, H = 190, L = 26, R = 120, T = 24, B = 24;
    const double pw = W - L - R, ph = H - T - B;
    int rounds = t->n_rounds > 1 ? (int)t->n_rounds - 1 : 1;
    char team[PD_TEAM_LEN + 32];
    rp_team(t, seat, team, sizeof team);
    rp_printf(b, "<svg class=\"chart\" data-chart=\"lens-curves\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W, H);
    rp_esc(b, team);
    rp_put(b, "\">");
    rp_printf(b, "<rect x=\"0\" y=\"4\" width=\"10\" height=\"10\" rx=\"2\" fill=\"");
    color(b, pd_team_color(seat));
    rp_put(b, "\"/><text x=\"15\" y=\"13\" class=\"t\">");
    fit(b, team, W - 90, 11);
    rp_printf(b, "</text><text x=\"%.0f\" y=\"13\" class=\"s\" text-anchor=\"end\">", W - 2);
    const pd_round_t *last = pd_round(t, (int)t->n_rounds - 1);
    rp_printf(b, _("%d points"), last ? last->seat[seat].score : 0);
    rp_put(b, "</text>");
    /* grid */
    if (top < 1)
        top = 1;
    int32_t step = nice_step(top, 4);
    for (int32_t v = 0; v <= top; v += step) {
        double y = T + ph * (1.0 - (double)v / top);
        rp_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"g\"/>", L, y, L + pw, y);
        rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"a\" text-anchor=\"end\">%d</text>", L - 4, y + 3, v);
    }
    int every = (rounds + 7) / 8;
    for (int r = 0; r <= rounds; r += every) {
        double x = L + pw * r / rounds;
        rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"a\" text-anchor=\"middle\">%d</text>", x, T + ph + 12, r);
    }
    rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"a\" text-anchor=\"middle\">", L + pw / 2, H - 1);
    rp_esc(b, _("rounds"));
    rp_put(b, "</text>");
    /* one line per lens, labelled at its end (labels pushed apart) */
    double ly[PL_MAX_COUNTERS];
    int order[PL_MAX_COUNTERS];
    for (int l = 0; l < t->n_lenses; l++) {
        int c = t->lens[l];
        rp_put(b, "<polyline class=\"l\" stroke=\"");
        color(b, pd_counter_color(rs, c));
        rp_put(b, "\" points=\"");
        for (uint32_t r = 0; r < t->n_rounds; r++) {
            double x = L + pw * r / rounds, y = T + ph * (1.0 - (double)t->rounds[r].seat[seat].counter[c] / top);
            rp_printf(b, "%s%.1f,%.1f", r ? " " : "", x, y);
        }
        rp_put(b, "\"/>");
        ly[l] = T + ph * (1.0 - (double)last->seat[seat].counter[c] / top) + 3;
        order[l] = l;
    }
    for (int i = 1; i < t->n_lenses; i++) /* by height */
        for (int j = i; j > 0 && ly[order[j]] < ly[order[j - 1]]; j--) {
            int x = order[j];
            order[j] = order[j - 1];
            order[j - 1] = x;
        }
    for (int i = 1; i < t->n_lenses; i++)
        if (ly[order[i]] < ly[order[i - 1]] + 10)
            ly[order[i]] = ly[order[i - 1]] + 10;
    for (int l = 0; l < t->n_lenses; l++) {
        int c = t->lens[l];
        rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"s\" fill=\"", L + pw + 4, ly[l]);
        color(b, pd_counter_color(rs, c));
        rp_put(b, "\">");
        fit(b, counter_short(rs, c), R - 26, 9);
        rp_printf(b, " %d</text>", last->seat[seat].counter[c]);
    }
    rp_put(b, "</svg>");
}

/* one card in a cell of the mire, with how many times that team played it */
typedef struct {
    uint16_t card;
    uint8_t seat;
    uint8_t times;
} entry_t;

void rp_svg_mire(rp_buf_t *b, const pd_table_t *t, int seat, int width, int max_lines)
{
    const pl_ruleset_t *rs = t->rs;
    static entry_t cells[3][3][PL_MAX_PLAYED];
    int n[3][3] = { { 0 } }, outside = 0;
    for (uint32_t i = 0; i < t->n_plays; i++) {
        const pd_play_t *p = &t->plays[i];
        if (seat >= 0 && p->seat != seat)
            continue;
        const pl_card_t *c = &rs->cards[p->card];
        if (c->impact < 1 || c->impact > 3 || c->horizon < PL_HORIZON_SHORT || c->horizon > PL_HORIZON_LONG) {
            outside++;
            continue;
        }
        int row = 3 - c->impact, col = c->horizon - PL_HORIZON_SHORT, k;
        for (k = 0; k < n[row][col]; k++)
            if (cells[row][col][k].card == p->card && cells[row][col][k].seat == p->seat)
                break;
        if (k < n[row][col]) {
            cells[row][col][k].times++;
        } else if (n[row][col] < PL_MAX_PLAYED) {
            cells[row][col][n[row][col]++] = (entry_t){ p->card, p->seat, 1 };
        }
    }
    const double L = 22, T = 16, LINE = 12, PAD = 6;
    const double W = width, cw = (W - L) / 3;
    const double font = 9;
    double rh[3], y0[3], H = T;
    for (int r = 0; r < 3; r++) {
        int most = 1;
        for (int c = 0; c < 3; c++)
            if (n[r][c] > most)
                most = n[r][c];
        if (most > max_lines)
            most = max_lines;
        rh[r] = PAD * 2 + most * LINE;
        y0[r] = H;
        H += rh[r];
    }
    double foot = H + 14;
    H += outside ? 30 : 18;
    rp_printf(b, "<svg class=\"chart\" data-chart=\"mire\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W, H);
    rp_esc(b, _("The mire: impact by horizon"));
    rp_put(b, "\">");
    /* horizons across, impact upwards */
    static const int horizons[3] = { PL_HORIZON_SHORT, PL_HORIZON_MEDIUM, PL_HORIZON_LONG };
    for (int c = 0; c < 3; c++) {
        rp_printf(b, "<text x=\"%.1f\" y=\"11\" class=\"a\" text-anchor=\"middle\">", L + cw * c + cw / 2);
        rp_esc(b, pd_horizon(horizons[c], rp_lang));
        rp_put(b, "</text>");
    }
    for (int r = 0; r < 3; r++) {
        if (rh[r] >= 50) { /* "Impact 3" along a tall row, the impact alone beside a short one */
            rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"a\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">",
                      L / 2, y0[r] + rh[r] / 2, L / 2, y0[r] + rh[r] / 2);
            rp_printf(b, _("Impact %d"), 3 - r);
        } else {
            rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"a\" text-anchor=\"middle\">%d", L / 2, y0[r] + rh[r] / 2 + 3,
                      3 - r);
        }
        rp_put(b, "</text>");
        for (int c = 0; c < 3; c++) {
            double x = L + cw * c, y = y0[r];
            /* stronger and longer-lasting actions sit on a darker ground */
            rp_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"m%d\"/>", x + 1, y + 1,
                      cw - 2, rh[r] - 2, (2 - r) + c);
            int show = n[r][c];
            if (show > max_lines)
                show = max_lines - 1;
            for (int k = 0; k < show; k++) {
                const entry_t *e = &cells[r][c][k];
                double ty = y + PAD + LINE * k + 9;
                rp_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"", x + 8, ty - 3);
                color(b, pd_team_color(e->seat));
                rp_printf(b, "\"/><text x=\"%.1f\" y=\"%.1f\" class=\"c\"><title>", x + 14, ty);
                char team[PD_TEAM_LEN + 32];
                rp_team(t, e->seat, team, sizeof team);
                rp_esc(b, team);
                rp_put(b, ": ");
                rp_esc(b, pl_text(&rs->cards[e->card].name, rp_lang));
                rp_put(b, "</title>");
                char label[600];
                if (e->times > 1)
                    snprintf(label, sizeof label, "%s \xC3\x97%d", pl_text(&rs->cards[e->card].name, rp_lang), e->times);
                else
                    snprintf(label, sizeof label, "%s", pl_text(&rs->cards[e->card].name, rp_lang));
                fit(b, label, cw - 18, font);
                rp_put(b, "</text>");
            }
            if (n[r][c] > show) {
                rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"c\">", x + 14, y + PAD + LINE * show + 9);
                rp_printf(b, _("and %d more"), n[r][c] - show);
                rp_put(b, "</text>");
            }
        }
    }
    if (outside) {
        rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"a\">", L, foot + 8);
        rp_printf(b, pt_ntr(rp_lang, "%d card without impact or horizon", "%d cards without impact or horizon",
                            (unsigned long)outside),
                  outside);
        rp_put(b, "</text>");
    }
    rp_put(b, "</svg>");
}

/* a rule's colour: the lens it counts, else the next of a calm series */
static uint32_t rule_color(const pl_ruleset_t *rs, uint32_t i)
{
    static const uint32_t others[8] = { 0x8F8F8Fu, 0x6D6A8Cu, 0xB0A46Au, 0x5E9EA0u,
                                        0xA77A9Cu, 0x7BA05Bu, 0xC08B5Cu, 0x4F6D7Au };
    const pl_score_rule_t *r = &rs->scoring[i];
    if (r->kind == PL_SCORE_COUNTER && r->ref < rs->n_counters)
        return pd_counter_color(rs, r->ref);
    uint32_t k = 0;
    for (uint32_t j = 0; j < i; j++)
        k += !(rs->scoring[j].kind == PL_SCORE_COUNTER && rs->scoring[j].ref < rs->n_counters);
    return others[k % 8];
}

/* a mean with one decimal, as the language writes it */
static void decimal(double v, char *buf, size_t len)
{
    snprintf(buf, len, "%.1f", v);
    if (rp_lang == PL_LANG_FR)
        for (char *p = buf; *p; p++)
            if (*p == '.')
                *p = ',';
}

void rp_svg_scores(rp_buf_t *b, const pd_table_t *t)
{
    const pl_ruleset_t *rs = t->rs;
    const double W = 700, NAME = 150, TOTAL = 56, ROW = 26, T = 6;
    int32_t most_pos = 1, most_neg = 0;
    for (int s = 0; s < t->n_seats; s++) {
        int32_t p = 0, ng = 0;
        for (uint32_t i = 0; i < rs->n_scoring; i++) {
            int32_t v = t->rule_points[(size_t)s * rs->n_scoring + i];
            if (v > 0)
                p += v;
            else
                ng -= v;
        }
        if (p > most_pos)
            most_pos = p;
        if (ng > most_neg)
            most_neg = ng;
    }
    double pw = W - NAME - TOTAL, scale = pw / (most_pos + most_neg), x0 = NAME + most_neg * scale;
    /* the legend, in rows that fit */
    double lx = 0, ly = 0;
    double legend_y[64], legend_x[64];
    uint32_t nr = rs->n_scoring < 64 ? rs->n_scoring : 64;
    for (uint32_t i = 0; i < nr; i++) {
        double w = 16 + utf8_len(pl_text(&rs->scoring[i].name, rp_lang)) * 9 * CHAR_W + 14;
        if (w > W)
            w = W;
        if (lx + w > W) {
            lx = 0;
            ly += 14;
        }
        legend_x[i] = lx;
        legend_y[i] = ly;
        lx += w;
    }
    double bars = T + ROW * t->n_seats, H = bars + 10 + ly + 16;
    rp_printf(b, "<svg class=\"chart\" data-chart=\"scores\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W, H);
    rp_esc(b, _("Score by rule"));
    rp_put(b, "\">");
    rp_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"z\"/>", x0, T - 2, x0, bars);
    for (int s = 0; s < t->n_seats; s++) {
        double y = T + ROW * s;
        char team[PD_TEAM_LEN + 32];
        rp_team(t, s, team, sizeof team);
        rp_printf(b, "<text x=\"0\" y=\"%.1f\" class=\"s\">", y + 15);
        fit(b, team, NAME - 8 - (most_neg ? 0 : 0), 10);
        rp_put(b, "</text>");
        double pos = x0, neg = x0;
        for (uint32_t i = 0; i < rs->n_scoring; i++) {
            int32_t v = t->rule_points[(size_t)s * rs->n_scoring + i];
            if (!v)
                continue;
            double w = (v > 0 ? v : -v) * scale, x = v > 0 ? pos : neg - w;
            if (v > 0)
                pos += w;
            else
                neg -= w;
            rp_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"", x, y + 3, w, ROW - 8);
            color(b, rule_color(rs, i));
            rp_put(b, "\"><title>");
            rp_esc(b, pl_text(&rs->scoring[i].name, rp_lang));
            rp_printf(b, ": %d</title></rect>", v);
            if (w >= 16)
                rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"v\" text-anchor=\"middle\">%d</text>", x + w / 2,
                          y + 16, v);
        }
        rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"t\">= %d</text>", pos + 6, y + 16, t->score[s]);
    }
    for (uint32_t i = 0; i < nr; i++) {
        double y = bars + 10 + legend_y[i];
        rp_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"", legend_x[i], y);
        color(b, rule_color(rs, i));
        rp_printf(b, "\"/><text x=\"%.1f\" y=\"%.1f\" class=\"a\">", legend_x[i] + 14, y + 9);
        fit(b, pl_text(&rs->scoring[i].name, rp_lang), W - 14, 9);
        rp_put(b, "</text>");
    }
    rp_put(b, "</svg>");
}

/* bytes of s that fit max characters, cut after a whole word when one fits */
static size_t line_break(const char *s, size_t max)
{
    size_t cut = utf8_prefix(s, max);
    if (!s[cut])
        return cut;
    size_t at = cut;
    while (at > 0 && s[at] != ' ')
        at--;
    return at > cut / 2 ? at : cut;
}

void rp_svg_ballots(rp_buf_t *b, const char *kind, const char *question, const char *const *labels,
                    const uint32_t *counts, int n, int width)
{
    const double W = width, BH = 14;
    uint32_t total = 0;
    for (int i = 0; i < n; i++)
        total += counts[i];
    /* the question on one line, or two */
    double first_w = W - (utf8_len(kind) + 1) * 10 * CHAR_W;
    size_t cap1 = (size_t)(first_w / (10 * CHAR_W));
    size_t cut = utf8_len(question) > cap1 ? line_break(question, cap1) : strlen(question);
    int two = question[cut] != 0;
    const double BY = two ? 30 : 18, H = BY + BH + 16;
    rp_printf(b, "<svg class=\"chart\" data-chart=\"ballots\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W, H);
    rp_esc(b, question);
    rp_put(b, "\"><text x=\"0\" y=\"11\" class=\"s\"><tspan class=\"k\">");
    rp_esc(b, kind);
    rp_put(b, "</tspan> ");
    char first[1024];
    snprintf(first, sizeof first, "%.*s", (int)cut, question);
    rp_esc(b, first);
    rp_put(b, "</text>");
    if (two) {
        const char *rest = question + cut;
        while (*rest == ' ')
            rest++;
        rp_put(b, "<text x=\"0\" y=\"23\" class=\"s\">");
        fit(b, rest, W, 10);
        rp_put(b, "</text>");
    }
    if (!total) {
        rp_printf(b, "<rect x=\"0\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"m0\"/>", BY, W, BH);
        rp_printf(b, "<text x=\"4\" y=\"%.1f\" class=\"a\">", BY + 10);
        rp_esc(b, _("no ballot"));
        rp_put(b, "</text></svg>");
        return;
    }
    double x = 0;
    for (int i = 0; i < n; i++) {
        double w = W * counts[i] / total;
        if (w > 0) {
            rp_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"", x, BY, w, BH);
            color(b, pd_option_color(i, n));
            rp_put(b, "\"><title>");
            rp_esc(b, labels[i]);
            rp_printf(b, ": %u</title></rect>", counts[i]);
        }
        x += w;
    }
    /* the options below the bar, in their colours, with their ballots */
    double lx = 0;
    for (int i = 0; i < n; i++) {
        char item[400];
        snprintf(item, sizeof item, "%s %u", labels[i], counts[i]);
        double w = utf8_len(item) * 9 * CHAR_W + 16;
        if (lx + w > W)
            w = W - lx;
        if (w < 20)
            break;
        rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"o\" fill=\"", lx, BY + BH + 11);
        color(b, pd_option_color(i, n));
        rp_put(b, "\">");
        fit(b, item, w - 8, 9);
        rp_put(b, "</text>");
        lx += w;
    }
    rp_put(b, "</svg>");
}

void rp_svg_lens_compare(rp_buf_t *b, const rp_report_t *r, const pl_ruleset_t *rs)
{
    uint8_t lens[PL_MAX_COUNTERS];
    int nl = pd_lenses(rs, lens, PL_MAX_COUNTERS);
    const pd_table_t *tabs[256];
    int nt = 0;
    for (int i = 0; i < r->n_tables && nt < 256; i++)
        if (r->tables[i].rs == rs)
            tabs[nt++] = r->tables[i].d;
    if (!nl || !nt)
        return;
    const double W = 700, H = 230, L = 28, T = 26, B = 22;
    const double pw = W - L, ph = H - T - B;
    double top = 1;
    for (int i = 0; i < nt; i++)
        for (int l = 0; l < nl; l++)
            if (pd_lens_mean(tabs[i], lens[l]) > top)
                top = pd_lens_mean(tabs[i], lens[l]);
    int32_t step = nice_step((int32_t)top + 1, 4);
    int32_t ytop = ((int32_t)top + step) / step * step;
    rp_printf(b, "<svg class=\"chart\" data-chart=\"lens-compare\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W, H);
    rp_esc(b, _("Lens profiles of the tables"));
    rp_put(b, "\">");
    double lx = L;
    for (int l = 0; l < nl; l++) { /* legend */
        const char *name = counter_short(rs, lens[l]);
        rp_printf(b, "<rect x=\"%.1f\" y=\"2\" width=\"10\" height=\"10\" fill=\"", lx);
        color(b, pd_counter_color(rs, lens[l]));
        rp_printf(b, "\"/><text x=\"%.1f\" y=\"11\" class=\"a\">", lx + 14);
        rp_esc(b, name);
        rp_put(b, "</text>");
        lx += 14 + utf8_len(name) * 9 * CHAR_W + 14;
    }
    for (int32_t v = 0; v <= ytop; v += step) {
        double y = T + ph * (1.0 - (double)v / ytop);
        rp_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"g\"/>", L, y, W, y);
        rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"a\" text-anchor=\"end\">%d</text>", L - 4, y + 3, v);
    }
    double gw = pw / nt, bw = (gw - 12) / nl;
    for (int i = 0; i < nt; i++) {
        double gx = L + gw * i + 6;
        for (int l = 0; l < nl; l++) {
            double v = pd_lens_mean(tabs[i], lens[l]), h = ph * v / ytop;
            rp_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"", gx + bw * l, T + ph - h,
                      bw - 2, h);
            color(b, pd_counter_color(rs, lens[l]));
            rp_put(b, "\"><title>");
            char dec[32];
            decimal(v, dec, sizeof dec);
            rp_esc(b, pl_text(&rs->counters[lens[l]].name, rp_lang));
            rp_printf(b, ": %s</title></rect>", dec);
            if (bw >= 18)
                rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"a\" text-anchor=\"middle\">%s</text>",
                          gx + bw * l + (bw - 2) / 2, T + ph - h - 3, dec);
        }
        rp_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"s\" text-anchor=\"middle\">", gx + (gw - 12) / 2, H - 6);
        rp_printf(b, _("Table %u"), tabs[i]->id);
        rp_put(b, "</text>");
    }
    rp_put(b, "</svg>");
}
