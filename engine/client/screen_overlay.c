/* screen_overlay.c -- over the table: card detail, hot-seat hand-over, secret ballot, reveal, fiction timer */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/table_util.h"

static void detail(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_game_t *gm = a->game;
    const pl_ruleset_t *rs = gm->rs;
    int card = a->detail_card;
    pc_veil(a, 170);
    float px = 250, py = 70, pw = 780, ph = 560;
    pc_round(g, px, py, pw, ph, 18, pc_rgb(PC_BG2));
    pc_draw_card(g, rs, card, a->lang, px + 30, py + 30, PC_DETAIL_CARD_W, 0, 0);
    const pl_card_t *c = &rs->cards[card];
    float x = px + 400, y = py + 36, w = pw - 430;
    y += pc_text_box(g, x, y, w, 20, pc_rgb(PC_INK), PC_T_BOLD, pl_text(&c->name, a->lang)) + 10;
    char b[200];
    if (c->phase >= 0 && c->phase < rs->n_phases) {
        snprintf(b, sizeof b, _("Phase: %s"), pl_text(&rs->phases[c->phase].name, a->lang));
        y += pc_text_box(g, x, y, w, 13, pc_rgb(PC_MUTED), 0, b) + 4;
    }
    if (c->impact) {
        snprintf(b, sizeof b, _("Impact: %d of 3"), c->impact);
        y += pc_text_box(g, x, y, w, 13, pc_rgb(PC_MUTED), 0, b) + 4;
    }
    if (c->horizon) {
        static const char *hz[4] = {"", N_("short term"), N_("medium term"), N_("long term")};
        snprintf(b, sizeof b, _("Horizon: %s"), _(hz[c->horizon & 3]));
        y += pc_text_box(g, x, y, w, 13, pc_rgb(PC_MUTED), 0, b) + 4;
    }
    for (uint32_t i = 0; i < c->costs.count; i++) {
        const pl_cost_t *k = &rs->costs[c->costs.first + i];
        snprintf(b, sizeof b, _("Cost: %d %s"), (int)k->amount,
                 k->counter < rs->n_counters ? pl_text(&rs->counters[k->counter].name, a->lang) : "?");
        y += pc_text_box(g, x, y, w, 13, pc_rgb(PC_ACCENT), PC_T_BOLD, b) + 4;
    }
    y += 10;
    y += pc_text_box(g, x, y, w, 15, pc_rgb(PC_INK), 0, pl_text(&c->text, a->lang)) + 10;
    int seat = pc_game_human_to_act(gm);
    int mine = 0, ok = 0;
    if (seat >= 0 && card < PL_MAX_CARDS && gm->st.where[card] == (PL_AT_HAND | seat)) {
        mine = 1;
        pl_error_t e;
        ok = gm->st.wait == PL_WAIT_TURN && pl_can_play(rs, &gm->st, seat, card, &e) == PL_OK;
        if (!ok && gm->st.wait == PL_WAIT_TURN) {
            snprintf(b, sizeof b, "%s", pl_reason_text(e.code ? e.code : PL_ERR_BAD_MOVE, a->lang));
            pc_text_box(g, x, py + ph - 130, w, 13, pc_rgb(0xFF8A7Au), PC_T_BOLD, b);
        }
    }
    if (a->flash[0]) pc_text_box(g, x, py + ph - 100, w, 13, pc_rgb(0xFF8A7Au), PC_T_BOLD, a->flash);
    if (mine) pc_ui_button(a, x, py + ph - 70, 200, 46, _("Play this card"), PC_ACT_PLAY, card, ok ? 0 : 1, 1);
    pc_ui_button(a, px + pw - 170, py + ph - 70, 140, 46, _("Close"), PC_ACT_DETAIL_CLOSE, 0, 1, 1);
}

static void curtain(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    int seat = a->curtain_seat;
    SDL_Color tc = pc_team_color(seat);
    pc_fill(g, -2000, -2000, 6000, 6000, pc_rgb(PC_BG));
    for (int i = 0; i < 12; i++) pc_circle(g, 640, 330, 260 - i * 18, pc_alpha(tc, 14 + i * 3));
    pc_draw_pawn(g, 640, 250, 34, tc, 0);
    char b[160], team[64];
    pc_team_name(a, seat, 0, team, sizeof team);
    snprintf(b, sizeof b, _("Pass the screen to %s"), team);
    pc_text(g, 640, 330, 30, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
    const char *sub = a->game->st.wait == PL_WAIT_VOTE ? _("The vote is secret: the other teams look away.")
                                                        : _("Your hand stays hidden until you are ready.");
    pc_text(g, 640, 375, 16, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, sub);
    snprintf(b, sizeof b, _("I am %s"), team);
    pc_ui_button(a, 490, 430, 300, 52, b, PC_ACT_CURTAIN_OK, 0, 0, 1);
}

/* the speaker of a verbatim, from the card's tag */
static const char *speaker(const char *tag)
{
    static const struct {
        const char *tag, *label;
    } names[] = {{"buyer", N_("a buyer")},         {"elected", N_("an elected official")},
                 {"supplier", N_("a supplier")},   {"citizen", N_("a citizen")},
                 {"association", N_("an association")}, {"firm", N_("a firm")},
                 {"collective", N_("a collective")}, {"user", N_("a user")},
                 {"lawyer", N_("a lawyer")},       {"director", N_("a director")}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(tag, names[i].tag)) return _(names[i].label);
    return tag;
}

static void ballot(pc_app_t *a, int seat)
{
    pc_gfx_t *g = &a->gfx;
    const pc_game_t *gm = a->game;
    pc_veil(a, 190);
    float px = 190, py = 80, pw = 900, ph = 540;
    pc_round(g, px, py, pw, ph, 18, pc_rgb(PC_BG2));
    char b[160], team[64];
    pc_team_name(a, seat, 0, team, sizeof team);
    snprintf(b, sizeof b, _("Secret vote of %s"), team);
    pc_circle(g, px + 36, py + 38, 9, pc_team_color(seat));
    pc_text(g, px + 54, py + 38, 20, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b);
    int card = gm->st.pending.card;
    if (card < (int)gm->rs->n_cards) pc_draw_card(g, gm->rs, card, a->lang, px + 30, py + 80, PC_OVERLAY_CARD_W, 0, 0);
    float x = px + 360, y = py + 90, w = pw - 400;
    if (card < (int)gm->rs->n_cards) {
        const pl_card_t *c = &gm->rs->cards[card];
        if (c->tag && *c->tag) {
            snprintf(b, sizeof b, _("Said by: %s"), speaker(c->tag));
            y += pc_text_box(g, x, y, w, 13, pc_rgb(PC_MUTED), 0, b) + 8;
        }
        y += pc_text_box(g, x, y, w, 17, pc_rgb(PC_INK), 0, pl_text(&c->text, a->lang)) + 20;
    }
    int n = pc_option_count(a);
    for (int i = 0; i < n; i++) {
        char lab[128], full[160];
        pc_option_label(a, i, lab, sizeof lab);
        snprintf(full, sizeof full, "%d. %s", i + 1, lab);
        pc_ui_button(a, x, y, w, 46, full, PC_ACT_VOTE, i, i == 0 ? 0 : 1, 1);
        y += 56;
    }
    pc_text(g, px + pw - 20, py + ph - 24, 12, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE,
            _("Ballots are revealed once every team has voted."));
}

static void reveal(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_game_t *gm = a->game;
    const pl_vote_rec_t *v = &gm->reveal;
    const pl_ruleset_t *rs = gm->rs;
    pc_veil(a, 190);
    float px = 240, py = 90, pw = 800, ph = 520;
    pc_round(g, px, py, pw, ph, 18, pc_rgb(PC_BG2));
    pc_text(g, 640, py + 40, 22, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _("The votes are revealed"));
    if (v->card < rs->n_cards)
        pc_text_box(g, px + 40, py + 70, pw - 80, 15, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER, pl_text(&rs->cards[v->card].name, a->lang));
    /* option labels come from the card that opened the vote */
    const char *labels[PL_MAX_OPTIONS] = {0};
    if (v->card < rs->n_cards) {
        const pl_card_t *c = &rs->cards[v->card];
        for (uint32_t e = c->effects.first; e < c->effects.first + c->effects.count && e < rs->n_effects; e++)
            if (rs->effects[e].op == PL_EFF_VOTE)
                for (uint32_t o = 0; o < rs->effects[e].opts.count && o < PL_MAX_OPTIONS; o++)
                    labels[o] = pl_text(&rs->options[rs->effects[e].opts.first + o].label, a->lang);
    }
    float y = py + 130;
    for (int s = 0; s < gm->n_seats; s++) {
        char team[64], b[200];
        pc_team_name(a, s, 0, team, sizeof team);
        int o = v->ballot[s];
        if (o == 0xFF) snprintf(b, sizeof b, "%s", _("did not vote"));
        else if (o < PL_MAX_OPTIONS && labels[o]) snprintf(b, sizeof b, "%s", labels[o]);
        else snprintf(b, sizeof b, _("Option %d"), o + 1);
        pc_round(g, px + 120, y, pw - 240, 40, 10, pc_rgb(PC_PANEL));
        pc_circle(g, px + 144, y + 20, 8, pc_team_color(s));
        pc_text(g, px + 162, y + 20, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, team);
        pc_text(g, px + pw - 140, y + 20, 14, o == v->winner ? pc_rgb(PC_ACCENT) : pc_rgb(PC_MUTED),
                PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, b);
        y += 48;
    }
    char res[200];
    if (v->winner == 0xFF) snprintf(res, sizeof res, "%s", _("Tie: no option wins."));
    else if (v->winner < PL_MAX_OPTIONS && labels[v->winner]) snprintf(res, sizeof res, _("The table chose: %s"), labels[v->winner]);
    else snprintf(res, sizeof res, _("The table chose option %d"), v->winner + 1);
    pc_text(g, 640, py + ph - 100, 18, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, res);
    pc_ui_button(a, 560, py + ph - 68, 160, 46, _("Continue"), PC_ACT_REVEAL_OK, 0, 0, 1);
}

static void fiction(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_game_t *gm = a->game;
    pc_veil(a, 190);
    float px = 190, py = 80, pw = 900, ph = 540;
    pc_round(g, px, py, pw, ph, 18, pc_rgb(PC_BG2));
    char b[200], team[64];
    pc_team_name(a, gm->fiction_seat, 0, team, sizeof team);
    snprintf(b, sizeof b, _("Fiction time for %s"), team);
    pc_text(g, px + 36, py + 40, 20, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b);
    if (gm->fiction_card < gm->rs->n_cards) pc_draw_card(g, gm->rs, (int)gm->fiction_card, a->lang, px + 36, py + 80, PC_OVERLAY_CARD_W, 0, 0);
    float x = px + 370, w = pw - 400;
    pc_text_box(g, x, py + 90, w, 15, pc_rgb(PC_INK), 0,
                _("Tell the table, in one minute, how the procedures have changed: \"In 2014 the procurement procedures changed, they now allow...\""));
    /* the countdown */
    int left = a->fiction_start ? a->fiction_left : PC_FICTION_SECONDS;
    float cx = x + w / 2, cy = py + 330, r = 90;
    pc_circle(g, cx, cy, r, pc_rgb(PC_PANEL));
    float t = (float)left / PC_FICTION_SECONDS;
    SDL_Color arc = left > 10 ? pc_rgb(PC_ACCENT) : pc_rgb(PC_DANGER);
    if (t > 0) pc_arc(g, cx, cy, r, 14, -1.5708f, -1.5708f + 6.2831853f * t, arc);
    snprintf(b, sizeof b, "%d", left);
    pc_text(g, cx, cy - 6, 44, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
    pc_text(g, cx, cy + 34, 12, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, left ? _("seconds") : _("Time is up!"));
    pc_ui_button(a, cx - 90, py + ph - 70, 180, 46, _("Done"), PC_ACT_FICTION_DONE, 0, 0, 1);
}

int pc_overlay_table(pc_app_t *a)
{
    const pc_game_t *gm = a->game;
    if (!gm) return 0;
    int seat = pc_game_human_to_act(gm);
    int any = gm->reveal_pending || gm->fiction_card != PL_NO_CARD || a->curtain_seat >= 0 ||
              (seat >= 0 && gm->st.wait == PL_WAIT_VOTE) ||
              (a->detail_card != PL_NO_CARD && a->detail_card < (int)gm->rs->n_cards);
    if (!any) return 0;
    a->n_btn = 0; /* the table below takes no clicks while an overlay is up */
    if (gm->reveal_pending) {
        reveal(a);
        return 1;
    }
    if (gm->fiction_card != PL_NO_CARD) {
        fiction(a);
        return 1;
    }
    if (a->curtain_seat >= 0) {
        curtain(a);
        return 1;
    }
    if (seat >= 0 && gm->st.wait == PL_WAIT_VOTE) {
        ballot(a, seat);
        return 1;
    }
    if (a->detail_card != PL_NO_CARD && a->detail_card < (int)gm->rs->n_cards) {
        detail(a);
        return 1;
    }
    return 0;
}
