/* screen_table.c -- the table: board, teams and their lenses, the hand, the mire, the log, the action bar */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/net.h"
#include "client/table_util.h"

static void top_bar(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_game_t *gm = a->game;
    pc_text(g, 18, 22, 17, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, pl_text(&gm->rs->title, a->lang));
    char b[160], team[64];
    pc_team_name(a, gm->st.current, 1, team, sizeof team);
    if (gm->st.wait == PL_WAIT_OVER) snprintf(b, sizeof b, "%s", _("Game over"));
    else if (gm->rs->turn.max_rounds)
        snprintf(b, sizeof b, _("Round %d of %d  ·  %s to play"), gm->st.round, gm->rs->turn.max_rounds, team);
    else snprintf(b, sizeof b, _("Round %d  ·  %s to play"), gm->st.round, team);
    float w = pc_text_width(g, 14, 1, b);
    pc_round(g, 640 - w / 2 - 30, 8, w + 60, 28, 14, pc_rgb(PC_PANEL));
    pc_circle(g, 640 - w / 2 - 14, 22, 6, pc_team_color(gm->st.current));
    pc_text(g, 640 + 6, 22, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
    if (gm->remote) { /* the connection state, always visible in network play */
        static const unsigned dot[5] = {0x7A8796u, PC_ACCENT, PC_ACCENT, PC_DANGER, PC_OK};
        int ns = pc_net_state(a);
        static const char *names[5] = {N_("offline"), N_("connecting"), N_("connecting"), N_("reconnecting"), N_("online")};
        pc_circle(g, 920, 22, 5, pc_rgb(dot[ns % 5]));
        pc_text(g, 930, 22, 11, pc_rgb(PC_MUTED), PC_T_MIDDLE | PC_T_BOLD, _(names[ns % 5]));
    }
    pc_ui_button(a, 1040, 8, 108, 28, _("Settings"), PC_ACT_SETTINGS, 0, 2, 1);
    pc_ui_button(a, 1156, 8, 108, 28, _("Menu"), PC_ACT_HOME, 0, 2, 1);
}

/* the lens gauge under the pointer, named in a bubble after everything else is drawn */
static struct {
    int on, seat, lens;
    float x, y;
} lens_tip;

static void draw_lens_tip(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_game_t *gm = a->game;
    int c = gm->lens[lens_tip.lens];
    char b[160], team[64];
    pc_team_name(a, lens_tip.seat, 0, team, sizeof team);
    snprintf(b, sizeof b, _("%s  ·  %s: %d / %d"), team, pl_text(&gm->rs->counters[c].name, a->lang),
             (int)gm->st.seat[lens_tip.seat].counter[c], (int)gm->rs->counters[c].max);
    float w = pc_text_width(g, 12, 1, b) + 44, x = lens_tip.x;
    if (x + w > 1272) x = 1272 - w;
    pc_round(g, x + 2, lens_tip.y + 3, w, 30, 8, pc_alpha(pc_rgb(0x000000u), 90));
    pc_round(g, x, lens_tip.y, w, 30, 8, pc_rgb(PC_PAPER));
    pc_draw_lens_icon(g, lens_tip.lens, x + 16, lens_tip.y + 15, 9);
    pc_text(g, x + 32, lens_tip.y + 15, 12, pc_rgb(PC_PAPER_INK), PC_T_BOLD | PC_T_MIDDLE, b);
}

static void team_row(pc_app_t *a, int seat, float x, float y, float w, float h)
{
    pc_gfx_t *g = &a->gfx;
    const pc_game_t *gm = a->game;
    const pl_ruleset_t *rs = gm->rs;
    const pl_seat_t *s = &gm->st.seat[seat];
    int cur = seat == gm->st.current && gm->st.wait != PL_WAIT_OVER;
    pc_round(g, x, y, w, h - 4, 9, cur ? pc_rgb(PC_PANEL_HI) : pc_mix(pc_rgb(PC_PANEL), pc_rgb(PC_BG), 0.35f));
    pc_round(g, x, y, 6, h - 4, 3, pc_team_color(seat));
    char name[64];
    pc_team_name(a, seat, 1, name, sizeof name);
    float ny = y + h * 0.2f;
    pc_text(g, x + 16, ny, 13, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, name);
    if (s->setup_card != PL_NO_CARD && s->setup_card < rs->n_cards) {
        float nw = pc_text_width(g, 13, 1, name);
        pc_text_clip(g, x + 24 + nw, ny, 10.5f, pc_rgb(PC_MUTED), PC_T_MIDDLE,
                     pl_text(&rs->cards[s->setup_card].name, a->lang), w - nw - 110);
    }
    if (s->finished) pc_text(g, x + w - 10, ny, 11, pc_rgb(PC_OK), PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, _("finished"));
    else if (s->skip) pc_text(g, x + w - 10, ny, 11, pc_rgb(PC_DANGER), PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, _("skips a turn"));
    /* the four lenses */
    float gy = y + h * 0.48f, cw = (w - 20) / (gm->n_lens ? gm->n_lens : 1);
    for (int k = 0; k < gm->n_lens; k++) {
        int c = gm->lens[k];
        float gx = x + 14 + k * cw;
        pc_ui_region(a, gx, gy - 9, cw - 4, 18, PC_ACT_NONE, 0);
        a->btn[a->n_btn - 1].enabled = 0;
        if (pc_ui_hover(a, gx, gy - 9, cw - 4, 18)) {
            lens_tip.on = 1;
            lens_tip.seat = seat;
            lens_tip.lens = k;
            lens_tip.x = gx;
            lens_tip.y = gy + 12;
        }
        pc_draw_lens_icon(g, k, gx + 8, gy, 8);
        pc_draw_gauge(g, gx + 20, gy - 4, cw - 46, 8, s->counter[c], rs->counters[c].min, rs->counters[c].max, pc_lens_color(k));
        char v[16];
        snprintf(v, sizeof v, "%d", (int)s->counter[c]);
        pc_text(g, gx + cw - 6, gy, 11, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, v);
    }
    /* budget, calendar, tokens */
    float by = y + h * 0.76f, bx = x + 16;
    char line[64];
    if (gm->budget >= 0) {
        snprintf(line, sizeof line, "%s %d", pl_text(&rs->counters[gm->budget].name, a->lang), (int)s->counter[gm->budget]);
        bx += pc_text(g, bx, by, 10.5f, pc_rgb(PC_ACCENT), PC_T_MIDDLE | PC_T_BOLD, line) + 14;
    }
    if (gm->calendar >= 0) {
        snprintf(line, sizeof line, "%s %d", pl_text(&rs->counters[gm->calendar].name, a->lang), (int)s->counter[gm->calendar]);
        bx += pc_text(g, bx, by, 10.5f, pc_rgb(0x9FD3E6u), PC_T_MIDDLE | PC_T_BOLD, line) + 14;
    }
    for (int t = 0; t < rs->n_tokens; t++) {
        if (!s->token[t]) continue;
        if (bx > x + w - 60) break;
        pc_tri(g, bx, by, bx + 5, by - 5, bx + 10, by, pc_rgb(0xC9A7F2u));
        pc_tri(g, bx, by, bx + 5, by + 5, bx + 10, by, pc_rgb(0xC9A7F2u));
        snprintf(line, sizeof line, "%s %d", pl_text(&rs->tokens[t].name, a->lang), s->token[t]);
        bx += pc_text_clip(g, bx + 13, by, 10, pc_rgb(PC_MUTED), PC_T_MIDDLE, line, x + w - bx - 22) + 24;
    }
}

/* up to this many cards the hand shows whole cards; past it, a list and a large preview */
#define HAND_FULL_MAX 4
#define HAND_PREVIEW_W 194.0f

float pc_hand_card_width(int n)
{
    float w = 848, h = 322, gap = 12, cw = 190;
    if (n > HAND_FULL_MAX) return HAND_PREVIEW_W;
    if (n < 1) n = 1;
    if (n * cw + (n - 1) * gap > w - 24) cw = (w - 24 - (n - 1) * gap) / n;
    if (cw * PC_CARD_RATIO > h - 44) cw = (h - 44) / PC_CARD_RATIO;
    return cw;
}

static void hand_row(pc_app_t *a, int i, int card, float x, float y, float w, float h, int dim)
{
    pc_gfx_t *g = &a->gfx;
    const pl_ruleset_t *rs = a->game->rs;
    const pl_card_t *c = &rs->cards[card];
    int idx = a->n_btn;
    pc_ui_region(a, x, y, w, h - 3, PC_ACT_CARD, card);
    int hi = pc_ui_hover(a, x, y, w, h - 3) || a->focus == idx;
    if (hi) a->preview_card = card;
    SDL_Color band = c->phase >= 0 && c->phase < rs->n_phases ? pc_phase_color(c->phase, rs->n_phases) : pc_rgb(PC_MUTED);
    pc_round(g, x, y, w, h - 3, 7, hi ? pc_rgb(PC_PANEL_HI) : pc_mix(pc_rgb(PC_PANEL), pc_rgb(PC_BG), 0.4f));
    if (a->focus == idx) pc_frame(g, x, y, w, h - 3, 7, 2, pc_rgb(PC_ACCENT));
    pc_round(g, x + 4, y + 4, 5, h - 11, 2, band);
    float cy = y + (h - 3) / 2;
    char k[24];
    snprintf(k, sizeof k, "%d", i + 1);
    if (i < 9) pc_text(g, x + 22, cy, 11, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, k);
    SDL_Color ink = dim ? pc_mix(pc_rgb(PC_INK), pc_rgb(PC_PANEL), 0.5f) : pc_rgb(PC_INK);
    float right = x + w - 10;
    char cost[160];
    pc_card_cost_line(rs, card, a->lang, cost, sizeof cost);
    if (cost[0]) right -= pc_text_clip(g, right, cy, 10.5f, pc_rgb(0xFF9A8Au), PC_T_RIGHT | PC_T_MIDDLE | PC_T_BOLD, cost, w * 0.3f) + 10;
    for (int d = 2; d >= 0 && c->horizon; d--) {
        pc_round(g, right - 10, cy - 3, 9, 6, 2, d < c->horizon ? band : pc_alpha(pc_rgb(PC_MUTED), 60));
        right -= 11;
    }
    right -= 6;
    for (int d = 2; d >= 0 && c->impact; d--) {
        if (d < c->impact) pc_circle(g, right - 4, cy, 3.5f, pc_rgb(PC_INK));
        else pc_ring(g, right - 4, cy, 3.5f, 1.2f, pc_alpha(pc_rgb(PC_MUTED), 150));
        right -= 10;
    }
    pc_text_clip(g, x + 36, cy, 13, ink, PC_T_BOLD | PC_T_MIDDLE, pl_text(&c->name, a->lang), right - x - 46);
}

static void hand_panel(pc_app_t *a, int seat, const int *playable, int my_turn)
{
    pc_gfx_t *g = &a->gfx;
    const pc_game_t *gm = a->game;
    float x = 16, y = 302, w = 848, h = 322;
    char title[96], team[64];
    if (seat < 0) {
        pc_ui_panel(a, x, y, w, h, _("Hand"));
        pc_text(g, x + w / 2, y + h / 2, 13, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE,
                _("You are watching this table: the hands stay hidden."));
        return;
    }
    pc_team_name(a, seat, 0, team, sizeof team);
    snprintf(title, sizeof title, _("Hand of %s"), team);
    pc_ui_panel(a, x, y, w, h, title);
    pc_circle(g, x + w - 18, y + 15, 6, pc_team_color(seat));
    const pl_seat_t *s = &gm->st.seat[seat];
    int n = s->hand_n;
    if (n == 0) {
        pc_text(g, x + w / 2, y + h / 2, 13, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, _("No card in hand."));
        return;
    }
    if (n > HAND_FULL_MAX) {
        /* a list of the cards, and the one under the mouse or the focus shown whole */
        float pw = HAND_PREVIEW_W, lw = w - 24 - pw - 16;
        float rh = (h - 42) / n;
        if (rh > 34) rh = 34;
        int in_hand = 0;
        for (int i = 0; i < n; i++) in_hand |= s->hand[i] == a->preview_card;
        if (!in_hand) a->preview_card = s->hand[0];
        for (int i = 0; i < n; i++) hand_row(a, i, s->hand[i], x + 12, y + 32 + i * rh, lw, rh, my_turn && !playable[s->hand[i]]);
        pc_draw_card(g, gm->rs, a->preview_card, a->lang, x + w - 12 - pw, y + 34, pw, 0, 0);
        return;
    }
    float gap = 12, cw = pc_hand_card_width(n);
    float total = n * cw + (n - 1) * gap;
    float cx = x + (w - total) / 2, cy = y + 32;
    for (int i = 0; i < n; i++) {
        int card = s->hand[i];
        float px = cx + i * (cw + gap);
        int hover = pc_ui_hover(a, px, cy, cw, cw * PC_CARD_RATIO);
        int sel = a->detail_card == card;
        int idx = a->n_btn;
        pc_ui_region(a, px, cy, cw, cw * PC_CARD_RATIO, PC_ACT_CARD, card);
        int focused = a->focus == idx;
        pc_draw_card(g, gm->rs, card, a->lang, px, cy - (hover || focused ? 6 : 0), cw,
                     my_turn && !playable[card], sel || focused);
        char k[24];
        snprintf(k, sizeof k, "%d", i + 1);
        if (i < 9) {
            pc_circle(g, px + cw / 2, cy + cw * PC_CARD_RATIO + 8, 7, pc_rgb(PC_PANEL_HI));
            pc_text(g, px + cw / 2, cy + cw * PC_CARD_RATIO + 8, 9, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE | PC_T_BOLD, k);
        }
    }
}

static void log_panel(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    float x = 876, y = 462, w = 388, h = 162;
    pc_ui_panel(a, x, y, w, h, _("What happened"));
    float ly = y + h - 10;
    for (int i = 0; ly > y + 34; i++) {
        int seat;
        const char *line = pc_game_log(a->game, i, &seat);
        if (!line) break;
        int over;
        int n = pc_text_lines(g, line, 11, 0, w - 40, &over);
        float lh = pc_line_height(g, 11, 0);
        float bh = n * lh;
        if (ly - bh < y + 34) break;
        ly -= bh + 4;
        SDL_Color dot = seat >= 0 ? pc_team_color(seat) : pc_rgb(PC_MUTED);
        pc_circle(g, x + 18, ly + lh / 2, 4, dot);
        SDL_Color ink = i == 0 ? pc_rgb(PC_INK) : pc_mix(pc_rgb(PC_INK), pc_rgb(PC_PANEL), (float)(i < 8 ? i : 8) * 0.06f);
        pc_text_box(g, x + 30, ly, w - 40, 11, ink, 0, line);
    }
}

static void action_bar(pc_app_t *a, int seat, int can_roll, int n_playable)
{
    pc_gfx_t *g = &a->gfx;
    const pc_game_t *gm = a->game;
    const pl_state_t *st = &gm->st;
    float x = 16, y = 634, w = 1248, h = 74;
    pc_round(g, x, y, w, h, 12, pc_rgb(PC_PANEL));
    char msg[256], team[64];
    pc_team_name(a, seat >= 0 ? seat : st->current, 1, team, sizeof team);
    SDL_Color tc = pc_team_color(seat >= 0 ? seat : st->current);
    pc_round(g, x, y, 8, h, 4, tc);
    if (seat < 0) {
        if (st->wait == PL_WAIT_OVER) snprintf(msg, sizeof msg, "%s", _("The game is over."));
        else if (st->wait == PL_WAIT_VOTE) snprintf(msg, sizeof msg, "%s", _("The computer teams are voting..."));
        else snprintf(msg, sizeof msg, _("%s is playing..."), team);
    } else if (st->wait == PL_WAIT_TURN) {
        if (n_playable && can_roll) snprintf(msg, sizeof msg, _("%s, your turn: play a card (1-9) or roll the die (R)."), team);
        else if (can_roll) snprintf(msg, sizeof msg, _("%s, your turn: roll the die (R)."), team);
        else snprintf(msg, sizeof msg, _("%s, your turn: play a card (1-9)."), team);
    } else if (st->wait == PL_WAIT_CHOICE) {
        snprintf(msg, sizeof msg, _("%s, choose an option:"), team);
    } else if (st->wait == PL_WAIT_BRANCH) {
        snprintf(msg, sizeof msg, _("%s, choose your way:"), team);
    } else {
        snprintf(msg, sizeof msg, _("%s, cast your vote."), team);
    }
    float bx = x + w - 12;
    /* the buttons, right-aligned */
    if (seat >= 0 && (st->wait == PL_WAIT_CHOICE || st->wait == PL_WAIT_BRANCH)) {
        int n = pc_option_count(a);
        float bw = n > 0 ? (w * 0.62f - 10 * n) / n : 0;
        if (bw > 220) bw = 220;
        for (int i = n - 1; i >= 0; i--) {
            char lab[128], full[160];
            pc_option_label(a, i, lab, sizeof lab);
            snprintf(full, sizeof full, "%d. %s", i + 1, lab);
            bx -= bw;
            pc_ui_button(a, bx, y + 16, bw, 42, full, PC_ACT_CHOOSE, i, i == 0 ? 0 : 1, 1);
            bx -= 10;
        }
    } else if (seat >= 0 && st->wait == PL_WAIT_TURN) {
        bx -= 200;
        pc_ui_button(a, bx, y + 16, 200, 42, _("Roll the die"), PC_ACT_ROLL, 0, 0, can_roll);
        bx -= 10;
    }
    /* last roll */
    if (st->n_dice) {
        for (int i = st->n_dice - 1; i >= 0; i--) {
            bx -= 40;
            pc_draw_die(g, bx, y + 17, 38, st->dice[i]);
            bx -= 6;
        }
    }
    float mw = bx - (x + 24) - 10;
    if (a->flash[0]) {
        pc_text_box(g, x + 24, y + 10, mw, 14, pc_rgb(PC_INK), PC_T_BOLD, msg);
        pc_text_box(g, x + 24, y + 40, mw, 12.5f, pc_rgb(0xFF8A7Au), PC_T_BOLD, a->flash);
    } else {
        float th = pc_line_height(g, 15, 1) * pc_text_lines(g, msg, 15, 1, mw, NULL);
        pc_text_box(g, x + 24, y + (h - th) / 2, mw, 15, pc_rgb(PC_INK), PC_T_BOLD, msg);
    }
}

/* the name and text of the space under the pointer, in a bubble below it */
static void space_tip(pc_app_t *a, int s)
{
    pc_gfx_t *g = &a->gfx;
    const pl_ruleset_t *rs = a->game->rs;
    const pl_space_t *sp = &rs->spaces[s];
    float bx, by, bw, bh;
    pc_board_space_box(rs, 16, 52, 848, 240, s, &bx, &by, &bw, &bh);
    const char *name = pl_text(&sp->name, a->lang), *text = pl_text(&sp->text, a->lang);
    float w = 260, tx = bx + bw / 2 - w / 2;
    if (tx < 8) tx = 8;
    if (tx + w > 1272) tx = 1272 - w;
    float nh = pc_text_lines(g, name, 13, 1, w - 20, NULL) * pc_line_height(g, 13, 1);
    float th = text[0] ? pc_text_lines(g, text, 11.5f, 0, w - 20, NULL) * pc_line_height(g, 11.5f, 0) + 4 : 0;
    float ty = by + bh + 6, h = nh + th + 18;
    SDL_Color pc = pc_phase_color(sp->phase, rs->n_phases);
    pc_round(g, tx + 2, ty + 3, w, h, 10, pc_alpha(pc_rgb(0x000000u), 90));
    pc_round(g, tx, ty, w, h, 10, pc_rgb(PC_PAPER));
    pc_round(g, tx, ty, 6, h, 3, pc);
    pc_text_box(g, tx + 12, ty + 8, w - 20, 13, pc_rgb(PC_PAPER_INK), PC_T_BOLD, name);
    if (text[0]) pc_text_box(g, tx + 12, ty + 12 + nh, w - 20, 11.5f, pc_mix(pc_rgb(PC_PAPER_INK), pc_rgb(PC_PAPER), 0.2f), 0, text);
}

void pc_screen_table(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_game_t *gm = a->game;
    if (!gm) {
        pc_text(g, 640, 340, 16, pc_rgb(PC_INK), PC_T_CENTER, a->load_msg);
        pc_ui_button(a, 540, 380, 200, 44, _("Menu"), PC_ACT_HOME, 0, 0, 1);
        return;
    }
    const pl_ruleset_t *rs = gm->rs;
    int seat = a->curtain_seat < 0 ? pc_game_human_to_act(gm) : -1;
    int shown = seat >= 0 ? seat : a->shown_seat;
    if (shown < 0) shown = __builtin_ctz(gm->human | 0x100u) < gm->n_seats ? __builtin_ctz(gm->human | 0x100u) : -1;
    static int playable[PL_MAX_CARDS];
    memset(playable, 0, sizeof playable);
    int can_roll = 0, n_playable = 0;
    if (seat >= 0 && gm->st.wait == PL_WAIT_TURN) {
        pl_move_t mv[PL_MAX_HAND + 8];
        int n = pl_legal_moves(rs, &gm->st, seat, mv, (int)(sizeof mv / sizeof mv[0]));
        for (int i = 0; i < n; i++) {
            if (mv[i].type == PL_MOVE_ROLL) can_roll = 1;
            if (mv[i].type == PL_MOVE_PLAY && mv[i].arg < PL_MAX_CARDS) {
                playable[mv[i].arg] = 1;
                n_playable++;
            }
        }
    }
    top_bar(a);
    pc_draw_board(g, gm, &gm->st, a->lang, 16, 52, 848, 240);
    /* spaces answer the pointer with their name (regions that take no click nor focus) */
    int hover_space = -1;
    for (int s = 0; s < rs->n_spaces; s++) {
        float bx, by, bw, bh;
        pc_board_space_box(rs, 16, 52, 848, 240, s, &bx, &by, &bw, &bh);
        pc_ui_region(a, bx, by, bw, bh, PC_ACT_NONE, s);
        if (a->n_btn > 0) a->btn[a->n_btn - 1].enabled = 0;
        if (pc_ui_hover(a, bx, by, bw, bh)) hover_space = s;
    }
    /* teams */
    float ty = 52, th = 244.0f / (gm->n_seats > 4 ? gm->n_seats : 4);
    lens_tip.on = 0;
    for (int s = 0; s < gm->n_seats; s++) team_row(a, s, 876, ty + s * th, 388, th);
    hand_panel(a, shown, playable, seat >= 0 && gm->st.wait == PL_WAIT_TURN);
    pc_ui_panel(a, 876, 302, 388, 150, _("The mire"));
    pc_text(g, 1252, 310, 9.5f, pc_rgb(PC_MUTED), PC_T_RIGHT, _("impact / horizon"));
    pc_draw_mire(g, gm, &gm->st, a->lang, 884, 328, 372, 118, -1);
    log_panel(a);
    action_bar(a, seat, can_roll, n_playable);
    if (hover_space >= 0) space_tip(a, hover_space);
    if (lens_tip.on) draw_lens_tip(a);
    pc_overlay_table(a);
}
