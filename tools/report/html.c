/* html.c -- report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) printing as A4 pages, the day first, then each table */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

/* The printed layout is decided here, not left to the browser: each <section class="page"> is
 * one A4 page (12 mm margins: 186 x 273 mm of content). Blocks are measured (conservatively) and
 * packed into pages; a long list goes on on the next page with its heading and header row again.
 * Table rows hold at most two lines (.clamp), so their height is known. */
#define CONTENT_W 186.0  /* mm */
#define PAGE_CAP 262.0   /* mm of content a page may hold, below its 273 mm, for safety */
#define HEAD_MM 17.0     /* a page's title and subtitle */
#define H2_MM 12.5       /* a section heading */
#define NOTE_MM 8.0      /* a note under a heading (one line) */
#define THEAD_MM 6.5     /* a table's header row */
#define LINE_MM 4.1      /* a line of 11 px text */
#define ROW_PAD_MM 2.7   /* a row's padding and border */
#define CHARS_PER_MM 0.52 /* characters of 11 px DejaVu Sans per mm, on the wide side */
#define GRID_COL_W ((CONTENT_W - 6.0) / 2)

static const char CSS[] =
    "@page{size:A4;margin:12mm}"
    "*{box-sizing:border-box}"
    "html{background:#e9ecef}"
    "body{margin:0;font-family:'DejaVu Sans',Verdana,sans-serif;font-size:11px;line-height:1.35;color:#1f2a33}"
    ".page{width:210mm;min-height:297mm;margin:8mm auto;padding:12mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.18)}"
    "h1{font-size:20px;margin:0 0 1.5mm;color:#1f4f5a;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
    "h2{font-size:14px;margin:4mm 0 2.5mm;padding-bottom:1mm;border-bottom:2px solid #2e8b9a;color:#1f4f5a;"
    "white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
    "h3{font-size:11px;margin:0 0 1.5mm;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
    ".sub{color:#5b6b78;margin:0 0 3mm;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
    ".note{color:#5b6b78;font-style:italic;margin:0 0 2.5mm;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
    "table{border-collapse:collapse;width:100%;table-layout:fixed;margin:0 0 2mm}"
    "th,td{text-align:left;padding:1.1mm 1.4mm;border-bottom:1px solid #dde3e8;vertical-align:top;overflow:hidden}"
    "th{font-size:10px;color:#5b6b78;white-space:nowrap;text-overflow:ellipsis}"
    "td{white-space:nowrap;text-overflow:ellipsis}"
    ".n{text-align:right}"
    ".clamp{white-space:normal;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden}"
    ".grid2{display:grid;grid-template-columns:1fr 1fr;gap:0 6mm}"
    ".chip{display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:4px;vertical-align:-1px}"
    ".win td{font-weight:bold}"
    ".legend span{margin-right:5mm;white-space:nowrap}"
    ".k{color:#5b6b78;font-weight:normal}"
    "svg.chart{display:block;width:100%;height:auto;margin:0 0 3mm}"
    "svg text{fill:#1f2a33}"
    ".a{font-size:9px;fill:#5b6b78}.s{font-size:10px}.t{font-size:11px;font-weight:bold}.c{font-size:9px}"
    ".v{font-size:9px;fill:#fff;font-weight:bold}.o{font-size:9px;font-weight:bold}svg .k{fill:#5b6b78}"
    ".g{stroke:#e3e8ec;stroke-width:1}.z{stroke:#1f2a33;stroke-width:1}"
    "polyline.l{fill:none;stroke-width:2;stroke-linejoin:round}"
    ".m0{fill:#f5f8fa}.m1{fill:#edf2f5}.m2{fill:#e5edf1}.m3{fill:#dde7ed}.m4{fill:#d5e1e8}"
    "@media print{html{background:none}"
    ".page{width:auto;min-height:0;margin:0;padding:0;box-shadow:none;break-after:page}"
    ".page:last-child{break-after:auto}}";

/* ---- pages and what fills them ----------------------------------------------------------- */

typedef struct {
    rp_buf_t *b;
    const rp_report_t *r;
    int pages;
    int open;
    double used;              /* mm used on the open page */
    const rp_table_t *table;  /* the table whose pages these are, NULL for the day */
    const char *anchor;       /* the id of the next page opened (once) */
} flow_t;

static void page_head(flow_t *f);

static void page_close(flow_t *f)
{
    if (f->open)
        rp_put(f->b, "</section>\n");
    f->open = 0;
}

/* room for mm more on the open page, else a new page */
static void need(flow_t *f, double mm)
{
    if (f->open && f->used + mm > PAGE_CAP && f->used > HEAD_MM + 0.5)
        page_close(f);
    if (!f->open) {
        rp_put(f->b, "<section class=\"page\"");
        if (f->anchor) {
            rp_printf(f->b, " id=\"%s\"", f->anchor);
            f->anchor = NULL;
        }
        rp_put(f->b, ">");
        f->open = 1;
        f->pages++;
        f->used = HEAD_MM;
        page_head(f);
    }
}

static void esc_tag(rp_buf_t *b, const char *tag, const char *cls, const char *text)
{
    rp_printf(b, "<%s%s%s%s>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    rp_esc(b, text);
    rp_printf(b, "</%s>", tag);
}

static void chip(rp_buf_t *b, uint32_t rgb)
{
    rp_printf(b, "<span class=\"chip\" style=\"background:#%06x\"></span>", rgb & 0xFFFFFFu);
}

static void page_head(flow_t *f)
{
    rp_buf_t *b = f->b;
    const rp_table_t *rt = f->table;
    if (!rt) {
        char line[600];
        esc_tag(b, "h1", NULL, _("Debrief of the day"));
        snprintf(line, sizeof line, pt_ntr(rp_lang, "%s · %d table", "%s · %d tables", (unsigned long)f->r->n_tables),
                 f->r->day_label, f->r->n_tables);
        esc_tag(b, "p", "sub", line);
        return;
    }
    const pd_table_t *t = rt->d;
    char title[400], when[100], line[600];
    if (!rt->log.hotseat)
        snprintf(title, sizeof title, _("Table %u · %s"), t->id, pl_text(&t->rs->title, rp_lang));
    else
        snprintf(title, sizeof title, "%s", pl_text(&t->rs->title, rp_lang));
    esc_tag(b, "h1", NULL, title);
    rp_date(rt->log.created, when, sizeof when);
    snprintf(line, sizeof line, pt_ntr(rp_lang, "%s · %u round · %u moves", "%s · %u rounds · %u moves",
                                       (unsigned long)t->last_round),
             when, t->last_round, t->n_moves);
    esc_tag(b, "p", "sub", line);
}

static void heading(flow_t *f, const char *title, int continued)
{
    rp_put(f->b, "<h2>");
    rp_esc(f->b, title);
    if (continued) {
        rp_put(f->b, " <span class=\"k\">");
        rp_esc(f->b, _("(continued)"));
        rp_put(f->b, "</span>");
    }
    rp_put(f->b, "</h2>");
    f->used += H2_MM;
}

static void note(flow_t *f, const char *text)
{
    esc_tag(f->b, "p", "note", text);
    f->used += NOTE_MM;
}

/* an unsplittable block of mm (heading included when title is given) */
static void block(flow_t *f, const char *title, const char *text, double mm)
{
    need(f, (title ? H2_MM : 0) + (text ? NOTE_MM : 0) + mm);
    if (title)
        heading(f, title, 0);
    if (text)
        note(f, text);
    f->used += mm;
}

/* ---- lists: tables whose rows are measured and split over pages --------------------------- */

#define MAX_COLS 10

typedef struct {
    const char *head[MAX_COLS];
    double width[MAX_COLS]; /* mm; 0 for the column taking what is left (one at most) */
    int num[MAX_COLS];      /* right-aligned */
    int n;
    rp_buf_t rows;          /* the rows' HTML, one after another */
    size_t *ends;           /* where each row ends in rows */
    double *mm;             /* each row's height */
    size_t n_rows, cap;
    int lines;              /* the current row's tallest cell, in lines */
    int col;
} list_t;

static void list_init(list_t *l)
{
    memset(l, 0, sizeof *l);
}

static void list_col(list_t *l, const char *head, double width, int num)
{
    l->head[l->n] = head;
    l->width[l->n] = width;
    l->num[l->n] = num;
    l->n++;
}

static double col_width(const list_t *l, int c)
{
    if (l->width[c] > 0)
        return l->width[c];
    double rest = CONTENT_W;
    for (int i = 0; i < l->n; i++)
        rest -= l->width[i];
    return rest > 10 ? rest : 10;
}

static size_t text_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += (*s & 0xC0) != 0x80;
    return n;
}

static void row_begin_as(list_t *l, const char *cls)
{
    rp_put(&l->rows, cls ? "<tr class=\"" : "<tr>");
    if (cls) {
        rp_put(&l->rows, cls);
        rp_put(&l->rows, "\">");
    }
    l->lines = 1;
    l->col = 0;
}

static void row_begin(list_t *l)
{
    row_begin_as(l, NULL);
}

static void row_end(list_t *l)
{
    rp_put(&l->rows, "</tr>");
    if (l->n_rows == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        size_t *e = realloc(l->ends, l->cap * sizeof *e);
        double *m = e ? realloc(l->mm, l->cap * sizeof *m) : NULL;
        if (e)
            l->ends = e;
        if (!m) {
            l->rows.nomem = 1;
            return;
        }
        l->mm = m;
    }
    l->ends[l->n_rows] = l->rows.n;
    l->mm[l->n_rows] = ROW_PAD_MM + LINE_MM * l->lines;
    l->n_rows++;
}

/* a cell of text after a colour chip (chip: 0xRRGGBB, or -1 for none): one line, or two when it
 * does not fit (cut after two) */
static void cell_chip(list_t *l, long chip_rgb, const char *s)
{
    int c = l->col++;
    double cap = (col_width(l, c) - 3.0 - (chip_rgb >= 0 ? 3.5 : 0)) * CHARS_PER_MM;
    int two = (double)text_len(s) > cap;
    if (two)
        l->lines = 2;
    rp_put(&l->rows, c < l->n && l->num[c] ? "<td class=\"n\">" : "<td>");
    if (two)
        rp_put(&l->rows, "<div class=\"clamp\">");
    if (chip_rgb >= 0)
        chip(&l->rows, (uint32_t)chip_rgb);
    rp_esc(&l->rows, s);
    if (two)
        rp_put(&l->rows, "</div>");
    rp_put(&l->rows, "</td>");
}

static void cell(list_t *l, const char *s)
{
    cell_chip(l, -1, s);
}

static void cell_num(list_t *l, long long v)
{
    char b[32];
    snprintf(b, sizeof b, "%lld", v);
    cell(l, b);
}

static void cell_team(list_t *l, const pd_table_t *t, int seat)
{
    char team[PD_TEAM_LEN + 32];
    rp_team(t, seat, team, sizeof team);
    cell_chip(l, (long)pd_team_color(seat), team);
}

static void list_head(flow_t *f, const list_t *l)
{
    rp_buf_t *b = f->b;
    rp_put(b, "<table><colgroup>");
    for (int c = 0; c < l->n; c++) {
        if (l->width[c] > 0)
            rp_printf(b, "<col style=\"width:%.1fmm\">", l->width[c]);
        else
            rp_put(b, "<col>");
    }
    rp_put(b, "</colgroup><tr>");
    for (int c = 0; c < l->n; c++)
        esc_tag(b, "th", l->num[c] ? "n" : NULL, l->head[c]);
    rp_put(b, "</tr>");
    f->used += THEAD_MM;
}

/* the list under its heading (and note), going on over as many pages as it needs */
static void list_flow(flow_t *f, list_t *l, const char *title, const char *text, const char *empty_text)
{
    if (!l->n_rows) {
        if (empty_text) {
            block(f, title, NULL, NOTE_MM);
            f->used -= NOTE_MM;
            note(f, empty_text);
        }
        return;
    }
    size_t i = 0;
    int continued = 0;
    while (i < l->n_rows) {
        double first = H2_MM + (text && !continued ? NOTE_MM : 0) + THEAD_MM + l->mm[i];
        need(f, first);
        heading(f, title, continued);
        if (text && !continued)
            note(f, text);
        list_head(f, l);
        do {
            size_t from = i ? l->ends[i - 1] : 0;
            rp_putn(f->b, l->rows.s + from, l->ends[i] - from);
            f->used += l->mm[i];
            i++;
        } while (i < l->n_rows && f->used + l->mm[i] <= PAGE_CAP);
        rp_put(f->b, "</table>");
        f->used += 2.0;
        continued = 1;
        if (i < l->n_rows)
            page_close(f);
    }
}

static void list_free(list_t *l)
{
    rp_buf_free(&l->rows);
    free(l->ends);
    free(l->mm);
}

static int winners_of(const pd_table_t *t, char *buf, size_t len)
{
    buf[0] = 0;
    int n = 0;
    for (int s = 0; s < t->n_seats; s++)
        if (t->winners >> s & 1) {
            char team[PD_TEAM_LEN + 32];
            rp_team(t, s, team, sizeof team);
            size_t at = strlen(buf);
            snprintf(buf + at, len - at, "%s%s", n ? ", " : "", team);
            n++;
        }
    return n;
}

/* an SVG rendered into a buffer, and its height once drawn at width_mm */
static double svg_mm(const rp_buf_t *svg, double width_mm)
{
    double w = 0, h = 0;
    const char *vb = svg->s ? strstr(svg->s, "viewBox=\"0 0 ") : NULL;
    if (!vb || sscanf(vb, "viewBox=\"0 0 %lf %lf", &w, &h) != 2 || w <= 0)
        return 0;
    return h * width_mm / w + 3.0; /* and its margin */
}

/* ---- the day ----------------------------------------------------------------------------- */

static void day_pages(flow_t *f)
{
    const rp_report_t *r = f->r;
    f->table = NULL;
    f->anchor = "day";
    list_t l;
    list_init(&l);
    list_col(&l, _("Table"), 14, 1);
    list_col(&l, _("Game"), 44, 0);
    list_col(&l, _("Rounds"), 16, 1);
    list_col(&l, _("Teams and scores"), 0, 0);
    list_col(&l, _("Winner"), 40, 0);
    for (int i = 0; i < r->n_tables; i++) {
        const pd_table_t *t = r->tables[i].d;
        row_begin(&l);
        cell_num(&l, t->id);
        cell(&l, pl_text(&t->rs->title, rp_lang));
        cell_num(&l, t->last_round);
        rp_buf_t teams = { 0 };
        for (int s = 0; s < t->n_seats; s++) {
            char team[PD_TEAM_LEN + 32];
            rp_team(t, s, team, sizeof team);
            rp_printf(&teams, "%s%s %d", s ? ", " : "", team, t->score[s]);
        }
        cell(&l, teams.s ? teams.s : "");
        rp_buf_free(&teams);
        char win[PL_MAX_SEATS * (PD_TEAM_LEN + 34)];
        winners_of(t, win, sizeof win);
        cell(&l, win);
        row_end(&l);
    }
    need(f, 0);
    list_flow(f, &l, _("The tables"), NULL, NULL);
    list_free(&l);
    if (r->n_skipped) {
        list_init(&l);
        list_col(&l, _("Table"), 14, 1);
        list_col(&l, _("Why"), 0, 0);
        for (int i = 0; i < r->n_skipped; i++) {
            row_begin(&l);
            cell_num(&l, r->skipped[i].id);
            cell(&l, r->skipped[i].why);
            row_end(&l);
        }
        list_flow(f, &l, _("Left out of this report"), NULL, NULL);
        list_free(&l);
    }
    /* lens profiles compared, one chart per game */
    const pl_ruleset_t *done[32];
    int nd = 0, games = 0;
    for (int i = 0; i < r->n_tables; i++) {
        int seen = 0;
        for (int k = 0; k < i; k++)
            seen |= r->tables[k].rs == r->tables[i].rs;
        games += !seen;
    }
    for (int i = 0; i < r->n_tables && nd < 32; i++) {
        const pl_ruleset_t *rs = r->tables[i].rs;
        int seen = 0;
        for (int k = 0; k < nd; k++)
            seen |= done[k] == rs;
        if (seen)
            continue;
        done[nd++] = rs;
        uint8_t lens[PL_MAX_COUNTERS];
        if (!pd_lenses(rs, lens, PL_MAX_COUNTERS))
            continue;
        rp_buf_t svg = { 0 };
        rp_svg_lens_compare(&svg, r, rs);
        char title[400];
        if (games > 1)
            snprintf(title, sizeof title, _("Lens profiles compared · %s"), pl_text(&rs->title, rp_lang));
        else
            snprintf(title, sizeof title, "%s", _("Lens profiles compared"));
        block(f, title, _("Each table's mean over its teams at the end of the game."), svg_mm(&svg, CONTENT_W));
        rp_putn(f->b, svg.s, svg.n);
        rp_buf_free(&svg);
    }

    /* the collective opinion: every question with its ballots summed over the tables */
    const pd_day_t *d = r->day;
    uint32_t n = d ? d->n_opinions : 0;
    int continued = 0;
    if (!n) {
        block(f, _("The collective opinion"), NULL, NOTE_MM);
        f->used -= NOTE_MM;
        note(f, _("No vote was held."));
    }
    for (uint32_t i = 0; i < n; i++) {
        const pd_opinion_t *o = &d->opinions[i];
        char kind[200], q[600], labels[PL_MAX_OPTIONS][300];
        const char *lp[PL_MAX_OPTIONS];
        pd_vote_kind(o->rs, o->kind, o->card, o->effect, rp_lang, kind, sizeof kind);
        pd_opinion_question(o, rp_lang, q, sizeof q);
        for (int k = 0; k < o->n_options; k++) {
            pd_opinion_option(o, k, rp_lang, labels[k], sizeof labels[k]);
            lp[k] = labels[k];
        }
        rp_buf_t svg = { 0 };
        rp_svg_ballots(&svg, kind, q, lp, o->ballots, o->n_options, 700);
        double mm = svg_mm(&svg, CONTENT_W);
        /* the game's name before its questions, when the day played several */
        int new_game = games > 1 && (i == 0 || d->opinions[i - 1].rs != o->rs);
        double game_mm = new_game ? 6.0 : 0;
        if (!continued || f->used + game_mm + mm > PAGE_CAP) {
            need(f, H2_MM + (continued ? 0 : NOTE_MM) + game_mm + mm);
            heading(f, _("The collective opinion"), continued);
            if (!continued)
                note(f, _("For each question, the ballots of every team of every table, summed."));
            continued = 1;
        }
        if (new_game) {
            esc_tag(f->b, "h3", NULL, pl_text(&o->rs->title, rp_lang));
            f->used += game_mm;
        }
        rp_putn(f->b, svg.s, svg.n);
        f->used += mm;
        rp_buf_free(&svg);
    }
    if (d && d->n_offers) {
        list_init(&l);
        list_col(&l, _("Card"), 0, 0);
        list_col(&l, _("Offered"), 22, 1);
        list_col(&l, _("Ballots"), 22, 1);
        list_col(&l, _("Chosen"), 22, 1);
        list_col(&l, _("Tables"), 22, 1);
        for (uint32_t i = 0; i < d->n_offers; i++) {
            const pd_offer_t *o = &d->offers[i];
            row_begin(&l);
            cell(&l, pl_text(&o->rs->cards[o->card].name, rp_lang));
            cell_num(&l, o->offered);
            cell_num(&l, o->ballots);
            cell_num(&l, o->chosen);
            cell_num(&l, o->tables);
            row_end(&l);
        }
        list_flow(f, &l, _("Cards offered to the vote"), NULL, NULL);
        list_free(&l);
    }
    page_close(f);
}

/* ---- one table ---------------------------------------------------------------------------- */

static void scores_block(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    const pl_ruleset_t *rs = t->rs;
    int order[PL_MAX_SEATS];
    for (int s = 0; s < t->n_seats; s++) { /* best first, ties in seat order */
        int j = s;
        while (j > 0 && t->score[order[j - 1]] < t->score[s]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = s;
    }
    list_t l;
    list_init(&l);
    list_col(&l, _("Rank"), 14, 1);
    list_col(&l, _("Team"), 0, 0);
    list_col(&l, _("Score"), 20, 1);
    list_col(&l, _("End of the board"), 60, 0);
    for (int i = 0; i < t->n_seats; i++) {
        int s = order[i], rank = 1;
        while (rank <= i && t->score[order[rank - 1]] > t->score[s])
            rank++;
        row_begin_as(&l, t->winners >> s & 1 ? "win" : NULL); /* the winners' rows in bold */
        cell_num(&l, rank);
        cell_team(&l, t, s);
        cell_num(&l, t->score[s]);
        char fin[200] = "";
        if (t->sum[s].finish_rank)
            snprintf(fin, sizeof fin, _("round %u (finish %u of %d)"), t->sum[s].finish_round, t->sum[s].finish_rank,
                     t->n_seats);
        else
            snprintf(fin, sizeof fin, "%s", _("not reached"));
        cell(&l, fin);
        row_end(&l);
    }
    list_flow(f, &l, _("Final scores"), NULL, NULL);
    list_free(&l);

    rp_buf_t svg = { 0 };
    rp_svg_scores(&svg, t);
    block(f, _("Score by rule"), NULL, svg_mm(&svg, CONTENT_W));
    rp_putn(f->b, svg.s, svg.n);
    rp_buf_free(&svg);

    list_init(&l);
    list_col(&l, _("Rule"), 0, 0);
    char teams[PL_MAX_SEATS][PD_TEAM_LEN + 32];
    double w = t->n_seats <= 4 ? 24 : (CONTENT_W - 60) / t->n_seats;
    for (int s = 0; s < t->n_seats; s++) {
        rp_team(t, s, teams[s], sizeof teams[s]);
        list_col(&l, teams[s], w, 1);
    }
    for (uint32_t i = 0; i <= rs->n_scoring; i++) {
        row_begin_as(&l, i == rs->n_scoring ? "win" : NULL);
        cell(&l, i < rs->n_scoring ? pl_text(&rs->scoring[i].name, rp_lang) : _("Total"));
        for (int s = 0; s < t->n_seats; s++)
            cell_num(&l, i < rs->n_scoring ? t->rule_points[(size_t)s * rs->n_scoring + i] : t->score[s]);
        row_end(&l);
    }
    list_flow(f, &l, _("Points by rule"), NULL, NULL);
    list_free(&l);
}

static void lens_block(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    if (!t->n_lenses) {
        block(f, _("The lenses round by round"), NULL, NOTE_MM);
        f->used -= NOTE_MM;
        note(f, _("This game has no lens."));
        return;
    }
    int32_t top = rp_lens_top(t);
    rp_buf_t grid = { 0 };
    double row_mm = 0, mm = 0;
    rp_put(&grid, "<div class=\"grid2\">");
    for (int s = 0; s < t->n_seats; s++) {
        rp_buf_t svg = { 0 };
        rp_svg_lens_curves(&svg, t, s, top);
        double h = svg_mm(&svg, GRID_COL_W);
        if (h > row_mm)
            row_mm = h;
        if (s % 2 == 1 || s == t->n_seats - 1) {
            mm += row_mm;
            row_mm = 0;
        }
        rp_put(&grid, "<div>");
        rp_putn(&grid, svg.s, svg.n);
        rp_put(&grid, "</div>");
        rp_buf_free(&svg);
    }
    rp_put(&grid, "</div>");
    block(f, _("The lenses round by round"), _("Each team's lenses at the start (round 0) and once each round is over."), mm);
    rp_putn(f->b, grid.s, grid.n);
    rp_buf_free(&grid);
}

static void mire_blocks(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    rp_buf_t svg = { 0 };
    rp_svg_mire(&svg, t, -1, 560, 9);
    double mm = svg_mm(&svg, CONTENT_W) + 6.0; /* and the legend */
    block(f, _("The mire of the table"), _("Every action played, by its impact and its horizon."), mm);
    rp_put(f->b, "<p class=\"legend\">");
    for (int s = 0; s < t->n_seats; s++) {
        char team[PD_TEAM_LEN + 32];
        rp_team(t, s, team, sizeof team);
        rp_put(f->b, "<span>");
        chip(f->b, pd_team_color(s));
        rp_esc(f->b, team);
        rp_put(f->b, "</span>");
    }
    rp_put(f->b, "</p>");
    rp_putn(f->b, svg.s, svg.n);
    rp_buf_free(&svg);

    /* each team's mire, two side by side */
    rp_buf_t grid = { 0 };
    double row_mm = 0;
    mm = 0;
    rp_put(&grid, "<div class=\"grid2\">");
    for (int s = 0; s < t->n_seats; s++) {
        char team[PD_TEAM_LEN + 32];
        rp_team(t, s, team, sizeof team);
        rp_buf_t one = { 0 };
        rp_svg_mire(&one, t, s, 340, 4);
        double h = svg_mm(&one, GRID_COL_W) + 6.0; /* and its title */
        if (h > row_mm)
            row_mm = h;
        if (s % 2 == 1 || s == t->n_seats - 1) {
            mm += row_mm;
            row_mm = 0;
        }
        rp_put(&grid, "<div><h3>");
        chip(&grid, pd_team_color(s));
        rp_esc(&grid, team);
        rp_put(&grid, " <span class=\"k\">· ");
        rp_printf(&grid, pt_ntr(rp_lang, "%u card played", "%u cards played", (unsigned long)t->sum[s].plays),
                  t->sum[s].plays);
        rp_put(&grid, "</span></h3>");
        rp_putn(&grid, one.s, one.n);
        rp_put(&grid, "</div>");
        rp_buf_free(&one);
    }
    rp_put(&grid, "</div>");
    block(f, _("The mire of each team"), NULL, mm);
    rp_putn(f->b, grid.s, grid.n);
    rp_buf_free(&grid);
}

static int asked(const pd_vote_t *v)
{
    int n = 0;
    for (int s = 0; s < PL_MAX_SEATS; s++)
        n += v->voters >> s & 1u;
    return n;
}

static void result_text(const pd_table_t *t, const pd_vote_t *v, char *buf, size_t len)
{
    char opt[300];
    if (v->winner == PD_NONE) {
        snprintf(buf, len, "%s", _("a tie"));
        return;
    }
    pd_vote_option(t, v, v->winner, rp_lang, opt, sizeof opt);
    snprintf(buf, len, _("%s, %d of %d"), opt, v->count[v->winner], asked(v));
}

static void votes_block(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    list_t l;
    list_init(&l);
    list_col(&l, _("Round"), 17, 1);
    list_col(&l, _("Question"), 58, 0);
    list_col(&l, _("Result"), 40, 0);
    list_col(&l, _("Ballots"), 0, 0);
    for (uint32_t i = 0; i < t->n_votes; i++) {
        const pd_vote_t *v = &t->votes[i];
        if (!v->closed)
            continue;
        char q[600], res[400];
        pd_vote_question(t, v, rp_lang, q, sizeof q);
        result_text(t, v, res, sizeof res);
        rp_buf_t ballots = { 0 };
        for (int s = 0; s < t->n_seats; s++) {
            if (!(v->voters >> s & 1u))
                continue;
            char team[PD_TEAM_LEN + 32], opt[300];
            rp_team(t, s, team, sizeof team);
            if (v->ballot[s] == PD_NONE)
                snprintf(opt, sizeof opt, "%s", _("no ballot"));
            else
                pd_vote_option(t, v, v->ballot[s], rp_lang, opt, sizeof opt);
            rp_printf(&ballots, "%s%s%s%s", ballots.n ? " · " : "", team, rp_lang == PL_LANG_FR ? "\xC2\xA0: " : ": ",
                      opt);
        }
        row_begin(&l);
        cell_num(&l, v->round);
        cell(&l, q);
        cell(&l, res);
        cell(&l, ballots.s ? ballots.s : "");
        row_end(&l);
        rp_buf_free(&ballots);
    }
    list_flow(f, &l, _("The votes"), NULL, _("No vote was held."));
    list_free(&l);
}

static void fictions_block(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    const pl_ruleset_t *rs = t->rs;
    list_t l;
    list_init(&l);
    list_col(&l, _("Round"), 17, 1);
    list_col(&l, _("Team"), 34, 0);
    list_col(&l, _("Lens"), 30, 0);
    list_col(&l, _("Fiction"), 0, 0);
    list_col(&l, _("Verdict of the other teams"), 44, 0);
    for (uint32_t i = 0; i < t->n_fictions; i++) {
        const pd_fiction_t *x = &t->fictions[i];
        const char *tag = rs->cards[x->card].tag;
        const char *lens = x->lens >= 0 ? pl_text(&rs->counters[x->lens].name, rp_lang)
                           : tag && pl_tag_label(rs, tag, rp_lang) ? pl_tag_label(rs, tag, rp_lang) : "";
        const char *text = pl_text(&rs->cards[x->card].text, rp_lang);
        char res[400] = "";
        if (x->vote >= 0 && t->votes[x->vote].closed)
            result_text(t, &t->votes[x->vote], res, sizeof res);
        row_begin(&l);
        cell_num(&l, x->round);
        cell_team(&l, t, x->seat);
        cell(&l, lens);
        cell(&l, *text ? text : pl_text(&rs->cards[x->card].name, rp_lang));
        cell(&l, res);
        row_end(&l);
    }
    list_flow(f, &l, _("Fictions told"), NULL, _("No fiction was told."));
    list_free(&l);
}

static void proposals_block(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    list_t l;
    list_init(&l);
    list_col(&l, _("Round"), 17, 1);
    list_col(&l, _("Team"), 34, 0);
    list_col(&l, _("Chosen"), 60, 0);
    list_col(&l, _("Also offered"), 0, 0);
    for (uint32_t i = 0; i < t->n_votes; i++) {
        const pd_vote_t *v = &t->votes[i];
        if (v->kind != PD_VOTE_PROPOSALS || !v->closed || v->winner == PD_NONE)
            continue;
        char res[400], opt[300];
        result_text(t, v, res, sizeof res);
        rp_buf_t others = { 0 };
        for (int o = 0; o < v->n_options; o++) {
            if (o == v->winner)
                continue;
            pd_vote_option(t, v, o, rp_lang, opt, sizeof opt);
            rp_printf(&others, "%s%s (%d)", others.n ? " · " : "", opt, v->count[o]);
        }
        row_begin(&l);
        cell_num(&l, v->round);
        cell_team(&l, t, v->initiator);
        cell(&l, res);
        cell(&l, others.s ? others.s : "");
        row_end(&l);
        rp_buf_free(&others);
    }
    list_flow(f, &l, _("Proposals chosen"), NULL, NULL);
    list_free(&l);
}

static void tokens_block(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    const pl_ruleset_t *rs = t->rs;
    uint8_t tok[PL_MAX_TOKENS];
    int nt = pd_shown_tokens(rs, tok, PL_MAX_TOKENS);
    if (!nt)
        return;
    list_t l;
    list_init(&l);
    list_col(&l, _("Team"), 0, 0);
    double w = (CONTENT_W - 50) / nt;
    for (int k = 0; k < nt; k++)
        list_col(&l, pl_text(&rs->tokens[tok[k]].name, rp_lang), w, 1);
    const pd_round_t *last = pd_round(t, (int)t->n_rounds - 1);
    for (int s = 0; s < t->n_seats; s++) {
        row_begin(&l);
        cell_team(&l, t, s);
        for (int k = 0; k < nt; k++) {
            char v[64];
            snprintf(v, sizeof v, "+%u / \xE2\x88\x92%u \xE2\x86\x92 %u", t->sum[s].gained[tok[k]], t->sum[s].spent[tok[k]],
                     last->seat[s].token[tok[k]]);
            cell(&l, v);
        }
        row_end(&l);
    }
    list_flow(f, &l, _("Tokens gained and spent"), _("Gained / spent → held at the end."), NULL);
    list_free(&l);
}

static void hands_block(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    const pl_ruleset_t *rs = t->rs;
    int held = 0;
    for (int s = 0; s < t->n_seats; s++)
        held += t->hand_n[s];
    if (!t->over || !held) /* no secret once the game is over, and only then */
        return;
    list_t l;
    list_init(&l);
    list_col(&l, _("Team"), 44, 0);
    list_col(&l, _("Cards"), 0, 0);
    for (int s = 0; s < t->n_seats; s++) {
        rp_buf_t cards = { 0 };
        for (int k = 0; k < t->hand_n[s]; k++)
            rp_printf(&cards, "%s%s", k ? " · " : "", pl_text(&rs->cards[t->hand[s][k]].name, rp_lang));
        row_begin(&l);
        cell_team(&l, t, s);
        cell(&l, cards.s ? cards.s : "");
        row_end(&l);
        rp_buf_free(&cards);
    }
    list_flow(f, &l, _("Cards left in hand at the end"), NULL, NULL);
    list_free(&l);
}

static void events_block(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    list_t l;
    list_init(&l);
    list_col(&l, _("Round"), 17, 1);
    list_col(&l, _("Team"), 34, 0);
    list_col(&l, _("Event"), 50, 0);
    list_col(&l, _("Effects"), 0, 0);
    for (uint32_t i = 0; i < t->n_met; i++) {
        const pd_met_t *m = &t->met[i];
        char fx[2048];
        pd_card_effects(t->rs, m->card, rp_lang, fx, sizeof fx);
        row_begin(&l);
        cell_num(&l, m->round);
        cell_team(&l, t, m->seat);
        cell(&l, pl_text(&t->rs->cards[m->card].name, rp_lang));
        cell(&l, fx);
        row_end(&l);
    }
    list_flow(f, &l, _("Events met"), NULL, NULL);
    list_free(&l);
}

static void turning_block(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    list_t l;
    list_init(&l);
    list_col(&l, _("Round"), 17, 1);
    list_col(&l, _("What happened"), 0, 0);
    for (uint32_t i = 0; i < t->n_turning; i++) {
        const pd_turning_t *p = &t->turning[i];
        char line[1024];
        pd_turning_text(t, p, rp_lang, line, sizeof line);
        row_begin(&l);
        cell_num(&l, p->round);
        cell_chip(&l, p->seat < t->n_seats ? (long)pd_team_color(p->seat) : -1, line);
        row_end(&l);
    }
    list_flow(f, &l, _("Turning points"), NULL, NULL);
    list_free(&l);
}

static void plays_block(flow_t *f)
{
    const pd_table_t *t = f->table->d;
    const pl_ruleset_t *rs = t->rs;
    list_t l;
    list_init(&l);
    list_col(&l, _("Round"), 17, 1);
    list_col(&l, _("Team"), 28, 0);
    list_col(&l, _("Card"), 42, 0);
    list_col(&l, _("Phase"), 24, 0);
    list_col(&l, _("Impact"), 14, 1);
    list_col(&l, _("Horizon"), 25, 0);
    list_col(&l, _("Effects"), 0, 0);
    for (uint32_t i = 0; i < t->n_plays; i++) {
        const pd_play_t *p = &t->plays[i];
        const pl_card_t *c = &rs->cards[p->card];
        char fx[2048];
        pd_card_effects(rs, p->card, rp_lang, fx, sizeof fx);
        row_begin(&l);
        cell_num(&l, p->round);
        cell_team(&l, t, p->seat);
        cell(&l, pl_text(&c->name, rp_lang));
        cell(&l, rp_phase_name(rs, p->phase));
        if (c->impact)
            cell_num(&l, c->impact);
        else
            cell(&l, "");
        cell(&l, pd_horizon(c->horizon, rp_lang));
        cell(&l, fx);
        row_end(&l);
    }
    list_flow(f, &l, _("Cards played"), NULL, _("No card was played."));
    list_free(&l);
}

static void table_pages(flow_t *f, const rp_table_t *rt)
{
    char id[32];
    snprintf(id, sizeof id, "table-%u", rt->d->id);
    f->table = rt;
    f->anchor = id;
    need(f, 0);
    scores_block(f);
    lens_block(f);
    mire_blocks(f);
    votes_block(f);
    fictions_block(f);
    proposals_block(f);
    tokens_block(f);
    hands_block(f);
    events_block(f);
    turning_block(f);
    plays_block(f);
    page_close(f); /* the next table starts on a page of its own */
}

int rp_html_write(const char *path, const rp_report_t *r)
{
    rp_buf_t b = { 0 };
    flow_t f = { .b = &b, .r = r };
    rp_printf(&b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">", rp_lang == PL_LANG_FR ? "fr" : "en");
    /* nothing may be fetched: no script, no style, no picture from anywhere */
    rp_put(&b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
               "img-src data:\">");
    rp_put(&b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
    if (r->day_summary || r->n_tables != 1)
        rp_esc(&b, _("Debrief of the day"));
    else {
        char title[400];
        snprintf(title, sizeof title, _("Debrief · %s"), pl_text(&r->tables[0].rs->title, rp_lang));
        rp_esc(&b, title);
    }
    rp_put(&b, "</title><style>");
    rp_put(&b, CSS);
    rp_put(&b, "</style></head><body>\n");
    if (r->day_summary)
        day_pages(&f);
    for (int i = 0; i < r->n_tables; i++) {
        table_pages(&f, &r->tables[i]);
        rp_progress(_("report.html: table %u written (%d of %d)"), r->tables[i].d->id, i + 1, r->n_tables);
    }
    rp_put(&b, "</body></html>\n");
    if (b.nomem) {
        rp_buf_free(&b);
        return rp_fail(_("out of memory"));
    }
    FILE *fp = fopen(path, "wb");
    int ok = fp && fwrite(b.s, 1, b.n, fp) == b.n;
    int saved = errno;
    if (fp && fclose(fp) != 0)
        ok = 0, saved = errno;
    rp_buf_free(&b);
    if (!ok)
        return rp_fail(_("cannot write %s: %s"), path, strerror(saved));
    return 0;
}
