/* screen_overlay.c -- over the table: card detail, hot-seat hand-over and turn summary, secret ballot,
 * reveal, prompt countdown, the event just revealed */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/look.h"
#include "client/table_util.h"

#define MAX_ITEMS 48

/* a card's costs, requirement and effects in words and icons, from y; returns the height used */
static float card_facts(pc_app_t *a, int card, float x, float y, float w, float max_h, SDL_Color ink)
{
    pc_gfx_t *g = &a->gfx;
    const pl_ruleset_t *rs = a->session->rs;
    const pl_card_t *c = &rs->cards[card];
    float y0 = y;
    pt_item_t it[MAX_ITEMS];
    int n = pt_costs(rs, card, a->lang, it, MAX_ITEMS);
    if (n > 0) {
        pc_text(g, x, y, 12, pc_mix(ink, pc_rgb(PC_BG), 0.3f), PC_T_BOLD, _("Cost"));
        y += pc_line_height(g, 12, 1);
        y += pc_draw_items(a, it, n < MAX_ITEMS ? n : MAX_ITEMS, x, y, w, 12.5f, ink, y0 + max_h - y) + 4;
    }
    if (c->requires.count) {
        char cond[300], b[360];
        pt_conds(rs, c->requires, a->lang, cond, sizeof cond);
        snprintf(b, sizeof b, _("Needs: %s"), cond);
        y += pc_text_box(g, x, y, w, 12.5f, pc_rgb(PC_ACCENT), PC_T_BOLD, b) + 6;
    }
    n = pt_effects(rs, c->effects, a->lang, it, MAX_ITEMS);
    if (n > 0) {
        pc_text(g, x, y, 12, pc_mix(ink, pc_rgb(PC_BG), 0.3f), PC_T_BOLD, _("Effects"));
        y += pc_line_height(g, 12, 1);
        y += pc_draw_items(a, it, n < MAX_ITEMS ? n : MAX_ITEMS, x, y, w, 12.5f, ink, y0 + max_h - y);
    }
    return y - y0;
}

static void detail(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    int card = a->scr.detail_card;
    pc_veil(a, 170);
    pc_ui_overlay(&a->ui);
    float px = 200, py = 60, pw = 880, ph = 590;
    pc_round(g, px, py, pw, ph, 18, pc_rgb(PC_BG2));
    pc_draw_card(g, rs, card, a->lang, px + 30, py + 30, PC_DETAIL_CARD_W, 0, 0);
    const pl_card_t *c = &rs->cards[card];
    float x = px + 360, y = py + 34, w = pw - 390;
    y += pc_text_box(g, x, y, w, 20, pc_rgb(PC_INK), PC_T_BOLD, pl_text(&c->name, a->lang)) + 6;
    const char *tag = pl_tag_label(rs, c->tag, a->lang);
    if (tag)
        y += pc_text_box(g, x, y, w, 12.5f, pc_rgb(PC_MUTED), 0, tag) + 4;
    char b[300];
    if (c->phase >= 0 && c->phase < rs->n_phases) {
        snprintf(b, sizeof b, _("Phase: %s"), pl_text(&rs->phases[c->phase].name, a->lang));
        y += pc_text_box(g, x, y, w, 12.5f, pc_rgb(PC_MUTED), 0, b) + 2;
    }
    if (c->impact || c->horizon) {
        static const char *hz[4] = { "", N_("short term"), N_("medium term"), N_("long term") };
        if (c->impact && c->horizon)
            snprintf(b, sizeof b, _("Impact %d of 3  ·  %s"), c->impact, _(hz[c->horizon & 3]));
        else if (c->impact)
            snprintf(b, sizeof b, _("Impact %d of 3"), c->impact);
        else
            snprintf(b, sizeof b, "%s", _(hz[c->horizon & 3]));
        y += pc_text_box(g, x, y, w, 12.5f, pc_rgb(PC_MUTED), 0, b) + 8;
    }
    y += pc_text_box(g, x, y, w, 14, pc_rgb(PC_INK), 0, pl_text(&c->text, a->lang)) + 12;
    y += card_facts(a, card, x, y, w, py + ph - 150 - y, pc_rgb(PC_INK));
    int seat = pc_session_to_act(s);
    int mine = 0, ok = 0;
    if (seat >= 0 && card < PL_MAX_CARDS && s->st.where[card] == (PL_AT_HAND | seat)) {
        mine = 1;
        pl_error_t e;
        int rc = pl_can_play(rs, &s->st, seat, card, &e);
        ok = s->st.wait == PL_WAIT_TURN && rc == PL_OK;
        if (!ok && s->st.wait == PL_WAIT_TURN) {
            pl_move_t mv = { PL_MOVE_PLAY, (uint8_t)seat, (uint16_t)card };
            pt_refusal(rs, &s->st, &mv, rc ? rc : PL_ERR_BAD_MOVE, a->lang, b, sizeof b);
            pc_text_box(g, x, py + ph - 126, w, 12.5f, pc_rgb(0xFF8A7Au), PC_T_BOLD, b);
        }
    }
    if (a->scr.flash[0])
        pc_text_box(g, x, py + ph - 100, w, 12.5f, pc_rgb(0xFF8A7Au), PC_T_BOLD, a->scr.flash);
    if (mine)
        pc_ui_button(&a->ui, x, py + ph - 70, 200, 46, _("Play this card"), PC_ACT_PLAY, card, ok ? 0 : 1, 1);
    pc_ui_button(&a->ui, px + pw - 170, py + ph - 70, 140, 46, _("Close"), PC_ACT_DETAIL_CLOSE, 0, 1, 1);
}

static void curtain(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    int seat = a->scr.curtain_seat;
    SDL_Color tc = pc_team_color(seat);
    pc_ui_overlay(&a->ui);
    pc_fill(g, -2000, -2000, 6000, 6000, pc_rgb(PC_BG));
    for (int i = 0; i < 12; i++)
        pc_circle(g, 640, 330, 260 - i * 18, pc_alpha(tc, 14 + i * 3));
    pc_draw_pawn(g, 640, 250, 34, tc, 0);
    char b[200], team[80];
    pc_team_name(a, seat, 0, team, sizeof team);
    snprintf(b, sizeof b, _("Pass the screen to %s"), team);
    pc_text_box(g, 240, 310, 800, 30, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER, b);
    const char *sub = a->session->st.wait == PL_WAIT_VOTE ? _("The vote is secret: the other teams look away.")
                                                          : _("Your hand stays hidden until you are ready.");
    pc_text(g, 640, 385, 16, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, sub);
    snprintf(b, sizeof b, _("I am %s"), team);
    pc_ui_button(&a->ui, 440, 430, 400, 52, b, PC_ACT_CURTAIN_OK, 0, 0, 1);
}

/* hot-seat pacing: what the team's turn caused, before the screen goes to the next team */
static void summary(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    int seat = a->scr.summary_seat;
    pc_veil(a, 150);
    pc_ui_overlay(&a->ui);
    float px = 290, py = 110, pw = 700, ph = 500;
    pc_round(g, px, py, pw, ph, 18, pc_rgb(PC_BG2));
    pc_round(g, px, py, 10, ph, 5, pc_team_color(seat));
    char b[200], team[80];
    pc_team_name(a, seat, 0, team, sizeof team);
    snprintf(b, sizeof b, _("The turn of %s"), team);
    pc_text(g, px + 36, py + 38, 20, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b);
    float y = py + 74, lh = pc_line_height(g, 13, 0);
    /* the lines of that turn, oldest first, the newest kept when they do not all fit */
    int first = a->scr.summary_from, last = s->log_n - 1;
    if (last >= 0 && s->log[last].kind == PC_LOG_TURN) /* the next team's "to play" */
        last--;
    float need = 0;
    int start = last;
    while (start >= first) {
        float h = pc_text_lines(g, s->log[start].text[a->lang], 13, 0, pw - 90, NULL) * lh + 6;
        if (need + h > ph - 160)
            break;
        need += h;
        start--;
    }
    for (int i = start + 1; i <= last; i++) {
        const pc_log_line_t *l = &s->log[i];
        if (l->kind == PC_LOG_TURN)
            continue;
        pc_circle(g, px + 44, y + lh / 2, 4, l->seat != 0xFF ? pc_team_color(l->seat) : pc_rgb(PC_MUTED));
        y += pc_text_box(g, px + 58, y, pw - 90, 13, pc_rgb(PC_INK), 0, l->text[a->lang]) + 6;
    }
    pc_ui_button(&a->ui, 640 - 100, py + ph - 70, 200, 46, _("Continue"), PC_ACT_SUMMARY_OK, 0, 0, 1);
}

/* the ballot's question: a verbatim with its speaker, a prompt, or the cards of a vote over a deck */
static void ballot(pc_app_t *a, int seat)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    const pl_pending_t *p = &s->st.pending;
    pc_veil(a, 190);
    pc_ui_overlay(&a->ui);
    float px = 110, py = 50, pw = 1060, ph = 620;
    pc_round(g, px, py, pw, ph, 18, pc_rgb(PC_BG2));
    char b[300], team[80];
    pc_team_name(a, seat, 0, team, sizeof team);
    snprintf(b, sizeof b, _("Secret vote of %s"), team);
    pc_circle(g, px + 36, py + 34, 9, pc_team_color(seat));
    pc_text(g, px + 54, py + 34, 20, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b);
    int card = p->card;
    int from_deck = p->effect < rs->n_effects && rs->effects[p->effect].opts.count == 0 && p->n_options > 0 &&
                    p->option_card[0] < rs->n_cards;
    int n = pc_option_count(a);
    if (from_deck) { /* proposals: each card whole, with who proposes it and what it brings */
        if (card < (int)rs->n_cards)
            pc_text_box(g, px + 54, py + 58, pw - 100, 13, pc_rgb(PC_MUTED), 0, pl_text(&rs->cards[card].text, a->lang));
        float cw = (pw - 60 - (n - 1) * 16) / (n ? n : 1);
        for (int i = 0; i < n; i++) {
            int oc = p->option_card[i];
            float cx = px + 30 + i * (cw + 16), cy = py + 90;
            pc_round(g, cx, cy, cw, ph - 170, 12, pc_rgb(PC_PANEL));
            float y = cy + 12;
            y += pc_text_box(g, cx + 14, y, cw - 28, 15, pc_rgb(PC_INK), PC_T_BOLD, pl_text(&rs->cards[oc].name, a->lang)) + 4;
            const char *tag = pl_tag_label(rs, rs->cards[oc].tag, a->lang);
            if (tag)
                y += pc_text_box(g, cx + 14, y, cw - 28, 11.5f, pc_rgb(PC_ACCENT), PC_T_BOLD, tag) + 6;
            y += pc_text_box(g, cx + 14, y, cw - 28, 12, pc_rgb(PC_INK), 0, pl_text(&rs->cards[oc].text, a->lang)) + 10;
            pt_item_t it[MAX_ITEMS];
            int k = pt_effects(rs, rs->cards[oc].effects, a->lang, it, MAX_ITEMS);
            pc_draw_items(a, it, k < MAX_ITEMS ? k : MAX_ITEMS, cx + 14, y, cw - 28, 11.5f, pc_rgb(PC_INK), cy + ph - 240 - y);
            char full[200];
            snprintf(full, sizeof full, "%d. %s", i + 1, _("Vote for it"));
            pc_ui_button(&a->ui, cx + 14, cy + ph - 230, cw - 28, 44, full, PC_ACT_VOTE, i, 1, 1);
            a->ui.btn[a->ui.n_btn - 1].key = i + 1;
        }
    } else {
        if (card < (int)rs->n_cards)
            pc_draw_card(g, rs, card, a->lang, px + 30, py + 70, PC_OVERLAY_CARD_W, 0, 0);
        float x = px + 310, y = py + 72, w = pw - 340;
        if (card < (int)rs->n_cards) {
            const pl_card_t *c = &rs->cards[card];
            const char *tag = pl_tag_label(rs, c->tag, a->lang);
            if (tag)
                y += pc_text_box(g, x, y, w, 13, pc_rgb(PC_ACCENT), PC_T_BOLD, tag) + 8;
            y += pc_text_box(g, x, y, w, 17, pc_rgb(PC_INK), 0, pl_text(&c->text, a->lang)) + 16;
        }
        for (int i = 0; i < n; i++) {
            char lab[128], full[200], eff[300];
            pc_option_label(a, i, lab, sizeof lab);
            snprintf(full, sizeof full, "%d. %s", i + 1, lab);
            pc_ui_button(&a->ui, x, y, 260, 46, full, PC_ACT_VOTE, i, 1, 1);
            a->ui.btn[a->ui.n_btn - 1].key = i + 1;
            pc_option_effects(a, i, eff, sizeof eff);
            if (!eff[0])
                snprintf(eff, sizeof eff, "%s", _("no effect"));
            float eh = pc_text_box(g, x + 276, y + 4, w - 276, 12, pc_rgb(PC_MUTED), 0, eff);
            y += (eh + 8 > 56 ? eh + 8 : 56);
        }
    }
    pc_text(g, px + pw - 20, py + ph - 22, 12, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE,
            _("Ballots are revealed once every team has voted."));
}

/* the label of option o of the vote being revealed */
static void reveal_label(const pc_app_t *a, int o, char *buf, size_t len)
{
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    if (o >= 0 && o < PL_MAX_OPTIONS && s->reveal_cards[o] < rs->n_cards &&
        (s->reveal_effect >= rs->n_effects || rs->effects[s->reveal_effect].opts.count == 0)) {
        snprintf(buf, len, "%s", pl_text(&rs->cards[s->reveal_cards[o]].name, a->lang));
        return;
    }
    uint32_t e = s->reveal_effect;
    if (e >= rs->n_effects && s->reveal.card < rs->n_cards) { /* the vote of the card that opened it */
        const pl_card_t *c = &rs->cards[s->reveal.card];
        for (uint32_t k = 0; k < c->effects.count; k++)
            if (rs->effects[c->effects.first + k].op == PL_EFF_VOTE)
                e = c->effects.first + k;
    }
    pt_option_label(rs, e, o, a->lang, buf, len);
}

static void reveal(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_vote_rec_t *v = &s->reveal;
    const pl_ruleset_t *rs = s->rs;
    pc_veil(a, 190);
    pc_ui_overlay(&a->ui);
    float px = 220, py = 70, pw = 840, ph = 580;
    pc_round(g, px, py, pw, ph, 18, pc_rgb(PC_BG2));
    pc_text(g, 640, py + 36, 22, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _("The votes are revealed"));
    const char *q = v->card < rs->n_cards ? pl_text(&rs->cards[v->card].name, a->lang) : _("The table's question");
    pc_text_box(g, px + 40, py + 62, pw - 80, 15, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER, q);
    float y = py + 100;
    int n_opt = v->n_options < PL_MAX_OPTIONS ? v->n_options : PL_MAX_OPTIONS;
    float rh = (ph - 250 - 22.0f * (float)n_opt) / (s->st.n_seats > 4 ? s->st.n_seats : 4);
    if (rh > 44)
        rh = 44;
    for (int t = 0; t < s->st.n_seats; t++) {
        char team[80], b[200];
        pc_team_name(a, t, 0, team, sizeof team);
        int o = v->ballot[t];
        if (o == 0xFF)
            snprintf(b, sizeof b, "%s", _("did not vote"));
        else
            reveal_label(a, o, b, sizeof b);
        pc_round(g, px + 80, y, pw - 160, rh - 6, 10, pc_rgb(PC_PANEL));
        pc_circle(g, px + 104, y + (rh - 6) / 2, 8, pc_team_color(t));
        float tw = pc_text_clip(g, px + 122, y + (rh - 6) / 2, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, team, 260);
        pc_text_clip(g, px + pw - 100, y + (rh - 6) / 2, 14, o == v->winner ? pc_rgb(PC_ACCENT) : pc_rgb(PC_MUTED),
                     PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, b, pw - 250 - tw);
        y += rh;
    }
    /* every option by its name, with its ballots: those nobody chose too */
    y += 6;
    for (int o = 0; o < n_opt; o++) {
        char lab[160], line[240];
        int votes = 0;
        for (int t = 0; t < s->st.n_seats; t++)
            votes += v->ballot[t] == o;
        reveal_label(a, o, lab, sizeof lab);
        snprintf(line, sizeof line, pt_ntr(a->lang, "%s: %d ballot", "%s: %d ballots", (unsigned long)votes), lab, votes);
        pc_text_clip(g, px + 90, y + 10, 12.5f, o == v->winner ? pc_rgb(PC_ACCENT) : pc_rgb(PC_MUTED), PC_T_MIDDLE, line,
                     pw - 180);
        y += 22;
    }
    char res[300], lab[160], eff[300] = "";
    if (v->winner == 0xFF) {
        snprintf(res, sizeof res, "%s", _("Tie: no option wins."));
    } else {
        reveal_label(a, v->winner, lab, sizeof lab);
        snprintf(res, sizeof res, _("The table chose: %s"), lab);
        if (v->winner < PL_MAX_OPTIONS && s->reveal_cards[v->winner] < rs->n_cards &&
            (s->reveal_effect >= rs->n_effects || rs->effects[s->reveal_effect].opts.count == 0))
            pt_effects_line(rs, rs->cards[s->reveal_cards[v->winner]].effects, a->lang, eff, sizeof eff);
        else if (s->reveal_effect < rs->n_effects && v->winner < rs->effects[s->reveal_effect].opts.count)
            pt_effects_line(rs, rs->options[rs->effects[s->reveal_effect].opts.first + v->winner].effects, a->lang, eff, sizeof eff);
    }
    pc_text_box(g, px + 40, py + ph - 130, pw - 80, 18, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER, res);
    if (eff[0])
        pc_text_box(g, px + 40, py + ph - 100, pw - 80, 12.5f, pc_rgb(PC_MUTED), PC_T_CENTER, eff);
    pc_ui_button(&a->ui, 640 - 80, py + ph - 64, 160, 46, _("Continue"), PC_ACT_REVEAL_OK, 0, 0, 1);
}

static void prompt(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    int card = s->prompt_card;
    const pl_deck_t *deck = &rs->decks[rs->cards[card].deck];
    pc_veil(a, 190);
    pc_ui_overlay(&a->ui);
    float px = 150, py = 70, pw = 980, ph = 580;
    pc_round(g, px, py, pw, ph, 18, pc_rgb(PC_BG2));
    char b[200], team[80];
    pc_team_name(a, s->prompt_seat, 0, team, sizeof team);
    snprintf(b, sizeof b, _("Fiction time for %s"), team);
    pc_text(g, px + 36, py + 38, 20, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b);
    pc_draw_card(g, rs, card, a->lang, px + 36, py + 76, PC_OVERLAY_CARD_W, 0, 0);
    float x = px + 320, w = pw - 350, y = py + 80;
    const char *tag = pl_tag_label(rs, rs->cards[card].tag, a->lang);
    if (tag)
        y += pc_text_box(g, x, y, w, 13, pc_rgb(PC_ACCENT), PC_T_BOLD, tag) + 8;
    y += pc_text_box(g, x, y, w, 17, pc_rgb(PC_INK), 0, pl_text(&rs->cards[card].text, a->lang)) + 12;
    const char *how = pl_text(&deck->instructions, a->lang);
    if (*how)
        y += pc_text_box(g, x, y, w, 13, pc_rgb(PC_MUTED), 0, how) + 10;
    if (deck->seconds > 0) { /* the countdown */
        int left = s->kind == PC_SESSION_REMOTE ? a->scr.prompt_left /* the server's telling time */
                   : a->scr.prompt_start ? a->scr.prompt_left : deck->seconds;
        float cx = x + w / 2, cy = py + 400, r = 80;
        pc_circle(g, cx, cy, r, pc_rgb(PC_PANEL));
        float t = (float)left / deck->seconds;
        SDL_Color arc = left > 10 ? pc_rgb(PC_ACCENT) : pc_rgb(PC_DANGER);
        if (t > 0)
            pc_arc(g, cx, cy, r, 14, -1.5708f, -1.5708f + 6.2831853f * t, arc);
        snprintf(b, sizeof b, "%d", left);
        pc_text(g, cx, cy - 6, 40, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
        pc_text(g, cx, cy + 30, 12, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, left ? _("seconds") : _("Time is up!"));
    }
    pc_ui_button(&a->ui, x + w / 2 - 90, py + ph - 66, 180, 46, _("Done"), PC_ACT_PROMPT_DONE, 0, 0, 1);
}

/* the event just revealed: a panel over the board (not a question: play goes on under it) */
static void event_panel(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    int card = s->event_card;
    const pl_card_t *c = &rs->cards[card];
    float x = 160, y = 60, w = 620, h = 232;
    pc_round(g, x + 3, y + 4, w, h, 14, pc_alpha(pc_rgb(0x000000u), 110));
    pc_round(g, x, y, w, h, 14, pc_rgb(PC_PAPER));
    pc_round(g, x, y, 10, h, 5, pc_rgb(0xC0504Du));
    char b[200], team[80];
    pc_team_name(a, s->event_seat, 0, team, sizeof team);
    snprintf(b, sizeof b, _("Event for %s"), team);
    pc_text(g, x + 24, y + 18, 11.5f, pc_rgb(0xB23A48u), PC_T_BOLD | PC_T_MIDDLE, b);
    float ty = y + 32;
    ty += pc_text_box(g, x + 24, ty, w - 150, 16, pc_rgb(PC_PAPER_INK), PC_T_BOLD, pl_text(&c->name, a->lang)) + 4;
    ty += pc_text_box(g, x + 24, ty, w - 48, 12, pc_mix(pc_rgb(PC_PAPER_INK), pc_rgb(PC_PAPER), 0.15f), 0,
                      pl_text(&c->text, a->lang)) + 8;
    pt_item_t it[MAX_ITEMS];
    int n = pt_effects(rs, c->effects, a->lang, it, MAX_ITEMS);
    pc_draw_items(a, it, n < MAX_ITEMS ? n : MAX_ITEMS, x + 24, ty, w - 48, 12, pc_rgb(PC_PAPER_INK), y + h - 10 - ty);
    pc_ui_button(&a->ui, x + w - 110, y + 10, 96, 28, _("OK"), PC_ACT_EVENT_OK, 0, 1, 1);
}

int pc_overlay_modal(const pc_app_t *a)
{
    const pc_session_t *s = a->session;
    if (!s)
        return 0;
    int seat = a->scr.curtain_seat < 0 && a->scr.summary_seat < 0 ? pc_session_to_act(s) : -1;
    return s->reveal_pending || (s->prompt_card != PL_NO_CARD && s->prompt_card < s->rs->n_cards) ||
           a->scr.summary_seat >= 0 || a->scr.curtain_seat >= 0 || (seat >= 0 && s->st.wait == PL_WAIT_VOTE) ||
           (a->scr.detail_card != PL_NO_CARD && a->scr.detail_card < (int)s->rs->n_cards) ||
           a->scr.confirm != PC_CONFIRM_NONE;
}

int pc_overlay_table(pc_app_t *a)
{
    pc_session_t *s = a->session;
    if (!s)
        return 0;
    int seat = a->scr.curtain_seat < 0 && a->scr.summary_seat < 0 ? pc_session_to_act(s) : -1;
    if (s->reveal_pending) {
        reveal(a);
        return 1;
    }
    if (s->prompt_card != PL_NO_CARD && s->prompt_card < s->rs->n_cards) {
        prompt(a);
        return 1;
    }
    if (a->scr.summary_seat >= 0) {
        summary(a);
        return 1;
    }
    if (a->scr.curtain_seat >= 0) {
        curtain(a);
        return 1;
    }
    if (seat >= 0 && s->st.wait == PL_WAIT_VOTE) {
        ballot(a, seat);
        return 1;
    }
    if (a->scr.detail_card != PL_NO_CARD && a->scr.detail_card < (int)s->rs->n_cards) {
        detail(a);
        return 1;
    }
    if (s->event_card != PL_NO_CARD && s->event_card < s->rs->n_cards)
        event_panel(a); /* not modal: the table below keeps its buttons */
    return 0;
}
