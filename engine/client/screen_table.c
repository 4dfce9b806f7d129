/* screen_table.c -- the table: board and shared targets, teams and their counters, the hand, the mire or the
 * scores, the timeline, the action bar */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/look.h"
#include "client/table_util.h"

#define BOARD_X 16.0f
#define BOARD_Y 52.0f
#define BOARD_W 848.0f
#define BOARD_H 212.0f

/* the label of number key n (1-12) on this keyboard: the number row, by position */
static const char *key_label(int n)
{
    static const SDL_Scancode sc[12] = { SDL_SCANCODE_1, SDL_SCANCODE_2, SDL_SCANCODE_3, SDL_SCANCODE_4,
                                         SDL_SCANCODE_5, SDL_SCANCODE_6, SDL_SCANCODE_7, SDL_SCANCODE_8,
                                         SDL_SCANCODE_9, SDL_SCANCODE_0, SDL_SCANCODE_MINUS, SDL_SCANCODE_EQUALS };
    static char buf[12][16];
    if (n < 1 || n > 12)
        return "";
    if (n <= 10) { /* digits read as digits whatever the layout (they are the shifted keys in French) */
        snprintf(buf[n - 1], sizeof buf[0], "%d", n % 10);
        return buf[n - 1];
    }
    const char *k = SDL_GetKeyName(SDL_GetKeyFromScancode(sc[n - 1]));
    snprintf(buf[n - 1], sizeof buf[0], "%s", k && *k ? k : (n == 11 ? "-" : "="));
    return buf[n - 1];
}

static void top_bar(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_state_t *st = &s->st;
    float tw = pc_text_clip(g, 18, 22, 17, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, pl_text(&s->rs->title, a->lang), 300);
    if (s->title[0])
        pc_text(g, 30 + tw, 22, 12, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_MIDDLE, s->title);
    char b[200], team[80];
    pc_team_name(a, st->current, 1, team, sizeof team);
    if (st->wait == PL_WAIT_OVER)
        snprintf(b, sizeof b, "%s", _("Game over"));
    else if (s->rs->turn.max_rounds)
        snprintf(b, sizeof b, _("Round %d of %d  ·  to play: %s"), st->round, s->rs->turn.max_rounds, team);
    else
        snprintf(b, sizeof b, _("Round %d  ·  to play: %s"), st->round, team);
    float w = pc_text_width(g, 14, 1, b);
    if (w > 420)
        w = 420;
    pc_round(g, 640 - w / 2 - 30, 8, w + 60, 28, 14, pc_rgb(PC_PANEL));
    pc_circle(g, 640 - w / 2 - 14, 22, 6, pc_team_color(st->current));
    pc_text_clip(g, 640 - w / 2 + 2, 22, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b, w + 10);
    if (s->clock_kind != PC_CLOCK_NONE) /* the same countdown on every screen of the table */
        pc_draw_clock(g, 640 + w / 2 + 38, 22, 14, pc_session_clock_left(s, SDL_GetTicks()), s->clock_total_s,
                      s->clock_frozen || st->paused);
    if (s->kind == PC_SESSION_REMOTE) { /* the connection state and the team code, always visible */
        static const unsigned dot[5] = { 0x7A8796u, PC_ACCENT, PC_ACCENT, PC_DANGER, PC_OK };
        static const char *names[5] = { N_("offline"), N_("connecting"), N_("connecting"), N_("reconnecting"), N_("online") };
        int ns = pc_conn_state(a->conn);
        pc_circle(g, 884, 22, 5, pc_rgb(dot[ns % 5]));
        pc_text(g, 894, 22, 11, pc_rgb(PC_MUTED), PC_T_MIDDLE | PC_T_BOLD, _(names[ns % 5]));
        const char *code = pc_conn_code(a->conn);
        if (code[0]) {
            snprintf(b, sizeof b, _("Team code: %s"), code);
            pc_text(g, 1032, 22, 11.5f, pc_rgb(PC_ACCENT), PC_T_MIDDLE | PC_T_BOLD | PC_T_RIGHT, b);
        }
    }
    if (a->scr.screen == PC_SCREEN_PROJECT)
        return; /* a projector's screen takes no click */
    pc_ui_button(&a->ui, 1044, 8, 104, 28, _("Settings"), PC_ACT_SETTINGS, 0, 2, 1);
    pc_ui_button(&a->ui, 1156, 8, 108, 28, _("Leave"), PC_ACT_LEAVE, 0, 2, 1);
}

/* a counter under the pointer, named in a bubble after everything else is drawn */
static struct {
    int on, seat, counter;
    float x, y;
} tip;

static void draw_tip(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    int c = tip.counter;
    char b[200], team[80];
    pc_team_name(a, tip.seat, 0, team, sizeof team);
    snprintf(b, sizeof b, _("%s  ·  %s: %d / %d"), team, pl_text(&s->rs->counters[c].name, a->lang),
             (int)s->st.seat[tip.seat].counter[c], (int)s->rs->counters[c].max);
    float w = pc_text_width(g, 12, 1, b) + 44, x = tip.x;
    if (x + w > 1272)
        x = 1272 - w;
    pc_round(g, x + 2, tip.y + 3, w, 30, 8, pc_alpha(pc_rgb(0x000000u), 90));
    pc_round(g, x, tip.y, w, 30, 8, pc_rgb(PC_PAPER));
    pc_look_icon(g, s->rs, PC_LOOK_COUNTER, c, x + 16, tip.y + 15, 9);
    pc_text(g, x + 32, tip.y + 15, 12, pc_rgb(PC_PAPER_INK), PC_T_BOLD | PC_T_MIDDLE, b);
}

static void team_row(pc_app_t *a, int seat, float x, float y, float w, float h)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    const pl_seat_t *st = &s->st.seat[seat];
    int cur = seat == s->st.current && s->st.wait != PL_WAIT_OVER;
    pc_round(g, x, y, w, h - 4, 9, cur ? pc_rgb(PC_PANEL_HI) : pc_mix(pc_rgb(PC_PANEL), pc_rgb(PC_BG), 0.35f));
    pc_round(g, x, y, 6, h - 4, 3, pc_team_color(seat));
    char name[96];
    pc_team_name(a, seat, 1, name, sizeof name);
    float ny = y + h * 0.2f;
    float right = x + w - 10;
    if (st->finished)
        right -= pc_text(g, right, ny, 11, pc_rgb(PC_OK), PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, _("finished")) + 8;
    else if (st->skip)
        right -= pc_text(g, right, ny, 11, pc_rgb(PC_DANGER), PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, _("skips a turn")) + 8;
    if ((s->dropped >> seat) & 1u)
        pc_circle(g, x + 12, ny, 3.5f, pc_rgb(PC_DANGER));
    float nw = pc_text_clip(g, x + 16, ny, 13, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, name, (right - x - 16) * 0.62f);
    if (st->setup_card != PL_NO_CARD && st->setup_card < rs->n_cards) { /* the dossier and its priorities */
        const pl_card_t *d = &rs->cards[st->setup_card];
        float px = right;
        for (uint32_t k = d->priorities.count; k-- > 0;) {
            const pl_priority_t *p = &rs->priorities[d->priorities.first + k];
            pc_look_icon(g, rs, PC_LOOK_COUNTER, p->counter, px - 6, ny, 6);
            char why[160];
            snprintf(why, sizeof why, _("Priority of the dossier: %s"), pl_text(&rs->counters[p->counter].name, a->lang));
            pc_gfx_tip(g, px - 13, ny - 7, 14, 14, why);
            px -= 15;
        }
        pc_text_clip(g, x + 24 + nw, ny, 10.5f, pc_rgb(PC_MUTED), PC_T_MIDDLE, pl_text(&d->name, a->lang),
                     px - (x + 24 + nw) - 4);
    }
    /* the lenses, as gauges */
    int lens[PL_MAX_COUNTERS];
    int n = pc_look_counters(rs, PL_ROLE_LENS, lens, PL_MAX_COUNTERS);
    float gy = y + h * 0.48f, cw = (w - 20) / (n ? n : 1);
    for (int k = 0; k < n; k++) {
        int c = lens[k];
        float gx = x + 14 + k * cw;
        int r = pc_ui_region(&a->ui, gx, gy - 9, cw - 4, 18, PC_ACT_NONE, 0);
        if (r >= 0)
            a->ui.btn[r].enabled = 0;
        if (pc_ui_hover(&a->ui, gx, gy - 9, cw - 4, 18)) {
            tip.on = 1;
            tip.seat = seat;
            tip.counter = c;
            tip.x = gx;
            tip.y = gy + 12;
        }
        pc_look_icon(g, rs, PC_LOOK_COUNTER, c, gx + 8, gy, 8);
        pc_draw_gauge(g, gx + 20, gy - 4, cw - 46, 8, st->counter[c], rs->counters[c].min, rs->counters[c].max,
                      pc_look_color(rs, PC_LOOK_COUNTER, c));
        char v[16];
        snprintf(v, sizeof v, "%d", (int)st->counter[c]);
        pc_text(g, gx + cw - 6, gy, 11, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, v);
    }
    /* resources and tokens: icon and number */
    float by = y + h * 0.77f, bx = x + 16;
    int res[PL_MAX_COUNTERS], tok[PL_MAX_TOKENS];
    int nr = pc_look_counters(rs, PL_ROLE_RESOURCE, res, PL_MAX_COUNTERS), nt = pc_look_tokens(rs, tok, PL_MAX_TOKENS);
    char line[96];
    /* every resource is shown: with its short label when they all fit, else its icon and number (named on hover) */
    float need = 0;
    for (int k = 0; k < nr; k++) {
        snprintf(line, sizeof line, "%s %d", pc_look_short(rs, PC_LOOK_COUNTER, res[k], a->lang), (int)st->counter[res[k]]);
        need += 16 + pc_text_width(g, 10.5f, 1, line) + 10;
    }
    for (int k = 0; k < nt; k++)
        need += st->token[tok[k]] ? 34 : 0;
    int labelled = need <= w - 20;
    for (int k = 0; k < nr; k++) {
        pc_look_icon(g, rs, PC_LOOK_COUNTER, res[k], bx + 6, by, 6.5f);
        const char *full = pl_text(&rs->counters[res[k]].name, a->lang);
        if (labelled)
            snprintf(line, sizeof line, "%s %d", pc_look_short(rs, PC_LOOK_COUNTER, res[k], a->lang), (int)st->counter[res[k]]);
        else
            snprintf(line, sizeof line, "%d", (int)st->counter[res[k]]);
        float lw = pc_text(g, bx + 15, by, 10.5f, pc_rgb(PC_INK), PC_T_MIDDLE | PC_T_BOLD, line);
        char tipt[160];
        snprintf(tipt, sizeof tipt, "%s%s%d", full, _(": "), (int)st->counter[res[k]]);
        pc_gfx_tip(g, bx - 1, by - 7, 16 + lw, 14, tipt);
        bx += 16 + lw + 10;
    }
    for (int k = 0; k < nt; k++) {
        if (!st->token[tok[k]])
            continue;
        pc_look_icon(g, rs, PC_LOOK_TOKEN, tok[k], bx + 6, by, 6.5f);
        snprintf(line, sizeof line, "%d", st->token[tok[k]]);
        float tw = pc_text(g, bx + 15, by, 10.5f, pc_rgb(PC_MUTED), PC_T_MIDDLE | PC_T_BOLD, line);
        char tok_name[160];
        snprintf(tok_name, sizeof tok_name, "%s%s%d", pl_text(&rs->tokens[tok[k]].name, a->lang), _(": "), st->token[tok[k]]);
        pc_gfx_tip(g, bx - 1, by - 7, 16 + tw, 14, tok_name);
        bx += 16 + tw + 8;
    }
}

/* up to this many cards the hand shows whole cards; past it, a list and a large preview */
#define HAND_FULL_MAX 4
#define HAND_PREVIEW_W 194.0f
#define HAND_X 16.0f
#define HAND_Y 302.0f
#define HAND_W 848.0f
#define HAND_H 322.0f

float pc_hand_card_width(int n)
{
    float gap = 12, cw = 190;
    if (n > HAND_FULL_MAX)
        return HAND_PREVIEW_W;
    if (n < 1)
        n = 1;
    if (n * cw + (n - 1) * gap > HAND_W - 24)
        cw = (HAND_W - 24 - (n - 1) * gap) / n;
    if (cw * PC_CARD_RATIO > HAND_H - 44)
        cw = (HAND_H - 44) / PC_CARD_RATIO;
    return cw;
}

static void hand_row(pc_app_t *a, int i, int card, float x, float y, float w, float h, int dim)
{
    pc_gfx_t *g = &a->gfx;
    const pl_ruleset_t *rs = a->session->rs;
    const pl_card_t *c = &rs->cards[card];
    int idx = pc_ui_region(&a->ui, x, y, w, h - 3, PC_ACT_CARD, card);
    if (idx >= 0)
        a->ui.btn[idx].key = i < 12 ? i + 1 : 0;
    int hi = pc_ui_hover(&a->ui, x, y, w, h - 3) || (idx >= 0 && a->ui.focus == idx);
    if (hi)
        a->scr.preview_card = card;
    SDL_Color band = c->phase >= 0 && c->phase < rs->n_phases ? pc_phase_color(c->phase, rs->n_phases) : pc_rgb(PC_MUTED);
    pc_round(g, x, y, w, h - 3, 7, hi ? pc_rgb(PC_PANEL_HI) : pc_mix(pc_rgb(PC_PANEL), pc_rgb(PC_BG), 0.4f));
    if (idx >= 0 && a->ui.focus == idx)
        pc_frame(g, x, y, w, h - 3, 7, 2, pc_rgb(PC_ACCENT));
    pc_round(g, x + 4, y + 4, 5, h - 11, 2, band);
    float cy = y + (h - 3) / 2;
    if (i < 12)
        pc_text(g, x + 22, cy, 11, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, key_label(i + 1));
    SDL_Color ink = dim ? pc_mix(pc_rgb(PC_INK), pc_rgb(PC_PANEL), 0.5f) : pc_rgb(PC_INK);
    float right = x + w - 10;
    char cost[160];
    pc_card_cost_line(rs, card, a->lang, cost, sizeof cost);
    if (cost[0])
        right -= pc_text_clip(g, right, cy, 10.5f, pc_rgb(0xFF9A8Au), PC_T_RIGHT | PC_T_MIDDLE | PC_T_BOLD, cost, w * 0.32f) + 10;
    for (int d = 2; d >= 0 && c->horizon; d--) {
        pc_round(g, right - 10, cy - 3, 9, 6, 2, d < c->horizon ? band : pc_alpha(pc_rgb(PC_MUTED), 60));
        right -= 11;
    }
    right -= 6;
    for (int d = 2; d >= 0 && c->impact; d--) {
        if (d < c->impact)
            pc_circle(g, right - 4, cy, 3.5f, pc_rgb(PC_INK));
        else
            pc_ring(g, right - 4, cy, 3.5f, 1.2f, pc_alpha(pc_rgb(PC_MUTED), 150));
        right -= 10;
    }
    /* what it does at a glance, when the name leaves room */
    float name_w = pc_text_width(g, 13, 1, pl_text(&c->name, a->lang));
    float room = right - (x + 36 + name_w + 16);
    if (room > 40)
        right -= pc_effect_chips(g, rs, c->effects, a->lang, right - 4, cy, 10.5f, room, ink, 1) + 8;
    pc_text_clip(g, x + 36, cy, 13, ink, PC_T_BOLD | PC_T_MIDDLE, pl_text(&c->name, a->lang), right - x - 46);
}

static void hand_panel(pc_app_t *a, int seat, const int *playable, int my_turn)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    float x = HAND_X, y = HAND_Y, w = HAND_W, h = HAND_H;
    char title[128], team[80];
    if (seat < 0) {
        pc_ui_panel(&a->ui, x, y, w, h, _("Hand"));
        pc_text(g, x + w / 2, y + h / 2, 13, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE,
                _("You are watching this table: the hands stay hidden."));
        return;
    }
    pc_team_name(a, seat, 0, team, sizeof team);
    snprintf(title, sizeof title, _("Hand of %s"), team);
    pc_ui_panel(&a->ui, x, y, w, h, title);
    pc_circle(g, x + w - 18, y + 15, 6, pc_team_color(seat));
    const pl_seat_t *st = &s->st.seat[seat];
    int n = st->hand_n;
    if (n == 0) {
        pc_text(g, x + w / 2, y + h / 2, 13, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, _("No card in hand."));
        return;
    }
    if (n > HAND_FULL_MAX) {
        /* a list of the cards, and the one under the mouse or the focus shown whole */
        float pw = HAND_PREVIEW_W, lw = w - 24 - pw - 16;
        float rh = (h - 42) / n;
        if (rh > 34)
            rh = 34;
        int in_hand = 0;
        for (int i = 0; i < n; i++)
            in_hand |= st->hand[i] == a->scr.preview_card;
        if (!in_hand)
            a->scr.preview_card = st->hand[0];
        for (int i = 0; i < n; i++)
            hand_row(a, i, st->hand[i], x + 12, y + 32 + i * rh, lw, rh, my_turn && !playable[st->hand[i]]);
        pc_draw_card(g, s->rs, a->scr.preview_card, a->lang, x + w - 12 - pw, y + 34, pw, 0, 0);
        return;
    }
    float gap = 12, cw = pc_hand_card_width(n);
    float total = n * cw + (n - 1) * gap;
    float cx = x + (w - total) / 2, cy = y + 32;
    for (int i = 0; i < n; i++) {
        int card = st->hand[i];
        float px = cx + i * (cw + gap);
        int hover = pc_ui_hover(&a->ui, px, cy, cw, cw * PC_CARD_RATIO);
        int sel = a->scr.detail_card == card;
        int idx = pc_ui_region(&a->ui, px, cy, cw, cw * PC_CARD_RATIO, PC_ACT_CARD, card);
        if (idx >= 0)
            a->ui.btn[idx].key = i + 1;
        int focused = idx >= 0 && a->ui.focus == idx;
        pc_draw_card(g, s->rs, card, a->lang, px, cy - (hover || focused ? 6 : 0), cw, my_turn && !playable[card],
                     sel || focused);
        pc_circle(g, px + cw / 2, cy + cw * PC_CARD_RATIO + 8, 7, pc_rgb(PC_PANEL_HI));
        pc_text(g, px + cw / 2, cy + cw * PC_CARD_RATIO + 8, 9, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE | PC_T_BOLD,
                key_label(i + 1));
    }
}

/* the whole game's timeline, newest at the bottom, scrolled with the wheel or Page Up / Down */
static void log_panel(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    float x = 876, y = 462, w = 388, h = 162;
    pc_ui_panel(&a->ui, x, y, w, h, _("What happened"));
    int back = a->scr.log_scroll;
    if (back > s->log_n - 1)
        back = s->log_n > 0 ? s->log_n - 1 : 0;
    if (back > 0) {
        char b[64];
        snprintf(b, sizeof b, _("%d lines back"), back);
        pc_text(g, x + w - 12, y + 8, 10, pc_rgb(PC_ACCENT), PC_T_RIGHT | PC_T_BOLD, b);
    }
    int r = pc_ui_region(&a->ui, x, y, w, h, PC_ACT_NONE, 0);
    if (r >= 0)
        a->ui.btn[r].enabled = 0; /* the wheel scrolls it; the panel takes no click itself */
    float ly = y + h - 10, lh = pc_line_height(g, 11, 0);
    for (int i = back; ly > y + 34; i++) {
        const pc_log_line_t *l = pc_session_log(s, i);
        if (!l)
            break;
        const char *text = l->text[a->lang];
        char round[16];
        snprintf(round, sizeof round, "%d", l->round);
        float tx = x + 52;
        int n = pc_text_lines(g, text, 11, l->kind == PC_LOG_TURN, w - (tx - x) - 10, NULL);
        float bh = n * lh;
        if (ly - bh < y + 34)
            break;
        ly -= bh + 3;
        SDL_Color dot = l->seat != 0xFF ? pc_team_color(l->seat) : pc_rgb(PC_MUTED);
        pc_text(g, x + 26, ly + lh / 2, 9, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE, round);
        pc_circle(g, x + 40, ly + lh / 2, 4, dot);
        int newest = i == 0;
        SDL_Color ink = newest ? pc_rgb(PC_INK) : pc_mix(pc_rgb(PC_INK), pc_rgb(PC_PANEL), (float)(i - back < 8 ? i - back : 8) * 0.05f);
        if (l->kind == PC_LOG_CARD && l->card < s->rs->n_cards) { /* a card named in the log opens */
            int k = pc_ui_region(&a->ui, tx, ly, w - (tx - x) - 10, bh, PC_ACT_LOG_CARD, l->card);
            if (k >= 0 && pc_ui_hover(&a->ui, tx, ly, w - (tx - x) - 10, bh))
                ink = pc_rgb(PC_ACCENT);
        }
        pc_text_box(g, tx, ly, w - (tx - x) - 10, 11, ink, l->kind == PC_LOG_TURN ? PC_T_BOLD : 0, text);
    }
}

static void action_bar(pc_app_t *a, int seat, int can_roll, int n_playable)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_state_t *st = &s->st;
    float x = 16, y = 634, w = 1248, h = 74;
    pc_round(g, x, y, w, h, 12, pc_rgb(PC_PANEL));
    char msg[300], team[80];
    pc_team_name(a, seat >= 0 ? seat : st->current, 1, team, sizeof team);
    SDL_Color tc = pc_team_color(seat >= 0 ? seat : st->current);
    pc_round(g, x, y, 8, h, 4, tc);
    if (seat < 0) {
        if (st->wait == PL_WAIT_OVER)
            snprintf(msg, sizeof msg, "%s", _("The game is over."));
        else if (st->wait == PL_WAIT_VOTE) {
            unsigned left = st->pending.voters & ~st->pending.answered;
            snprintf(msg, sizeof msg, "%s", (left & ~s->bots) ? _("The teams are voting...") : _("The computer's teams are voting..."));
        } else
            snprintf(msg, sizeof msg, _("To play: %s..."), team);
    } else if (st->wait == PL_WAIT_TURN) {
        if (n_playable && can_roll)
            snprintf(msg, sizeof msg, _("%s, your turn: play a card (its number) or roll the die (R)."), team);
        else if (can_roll)
            snprintf(msg, sizeof msg, _("%s, your turn: roll the die (R)."), team);
        else
            snprintf(msg, sizeof msg, _("%s, your turn: play a card (its number)."), team);
    } else if (st->wait == PL_WAIT_CHOICE) {
        snprintf(msg, sizeof msg, _("%s, choose an option (its number or its button)."), team);
    } else if (st->wait == PL_WAIT_BRANCH) {
        snprintf(msg, sizeof msg, _("%s, choose your way (its number or its button)."), team);
    } else {
        snprintf(msg, sizeof msg, _("%s, cast your vote."), team);
    }
    float bx = x + w - 12;
    /* the options of a choice or fork are in the choice panel, above */
    if (seat >= 0 && st->wait == PL_WAIT_TURN) {
        bx -= 200;
        pc_ui_button(&a->ui, bx, y + 16, 200, 42, _("Roll the die"), PC_ACT_ROLL, 0, 0, can_roll);
        bx -= 10;
    }
    if (st->n_dice) { /* the last roll */
        for (int i = st->n_dice - 1; i >= 0; i--) {
            bx -= 40;
            pc_draw_die(g, bx, y + 17, 38, st->dice[i]);
            bx -= 6;
        }
    }
    float mw = bx - (x + 24) - 10;
    if (a->scr.flash[0]) {
        pc_text_box(g, x + 24, y + 10, mw, 14, pc_rgb(PC_INK), PC_T_BOLD, msg);
        pc_text_box(g, x + 24, y + 36, mw, 12, pc_rgb(0xFF8A7Au), PC_T_BOLD, a->scr.flash);
    } else {
        float th = pc_line_height(g, 15, 1) * pc_text_lines(g, msg, 15, 1, mw, NULL);
        pc_text_box(g, x + 24, y + (h - th) / 2, mw, 15, pc_rgb(PC_INK), PC_T_BOLD, msg);
    }
}

/* the name, text and effects of the space under the pointer, in a bubble below it */
static void space_tip(pc_app_t *a, int sp_i)
{
    pc_gfx_t *g = &a->gfx;
    const pl_ruleset_t *rs = a->session->rs;
    const pl_space_t *sp = &rs->spaces[sp_i];
    float bx, by, bw, bh;
    pc_board_space_box(rs, BOARD_X, BOARD_Y, BOARD_W, BOARD_H, sp_i, &bx, &by, &bw, &bh);
    const char *name = pl_text(&sp->name, a->lang), *text = pl_text(&sp->text, a->lang);
    pt_item_t it[24];
    int n = pt_effects(rs, sp->on_land, a->lang, it, 24);
    if (n > 24)
        n = 24;
    float w = 300, tx = bx + bw / 2 - w / 2;
    if (tx < 8)
        tx = 8;
    if (tx + w > 1272)
        tx = 1272 - w;
    float nh = pc_text_lines(g, name, 13, 1, w - 20, NULL) * pc_line_height(g, 13, 1);
    float th = text[0] ? pc_text_lines(g, text, 11.5f, 0, w - 20, NULL) * pc_line_height(g, 11.5f, 0) + 4 : 0;
    float eh = 0;
    for (int i = 0; i < n; i++)
        eh += pc_text_lines(g, it[i].text, 11, it[i].kind == PT_IT_HEADER, w - 44, NULL) * pc_line_height(g, 11, 0) + 2;
    float ty = by + bh + 6, h = nh + th + (n ? eh + 8 : 0) + 18;
    if (ty + h > 716)
        ty = by - h - 6;
    SDL_Color pc = pc_phase_color(sp->phase, rs->n_phases);
    pc_round(g, tx + 2, ty + 3, w, h, 10, pc_alpha(pc_rgb(0x000000u), 90));
    pc_round(g, tx, ty, w, h, 10, pc_rgb(PC_PAPER));
    pc_round(g, tx, ty, 6, h, 3, pc);
    pc_text_box(g, tx + 12, ty + 8, w - 20, 13, pc_rgb(PC_PAPER_INK), PC_T_BOLD, name);
    if (text[0])
        pc_text_box(g, tx + 12, ty + 12 + nh, w - 20, 11.5f, pc_mix(pc_rgb(PC_PAPER_INK), pc_rgb(PC_PAPER), 0.2f), 0, text);
    if (n)
        pc_draw_items(a, it, n, tx + 12, ty + 18 + nh + th, w - 20, 11, pc_rgb(PC_PAPER_INK), 400);
}

/* the table's shared counters and how far each is from its target, under the board */
static void targets_strip(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    int tc[PL_MAX_TABLE_COUNTERS];
    int n = pc_look_table_counters(rs, tc, PL_MAX_TABLE_COUNTERS);
    if (!n)
        return;
    float x = BOARD_X, y = BOARD_Y + BOARD_H + 6, w = BOARD_W, h = 26;
    pc_round(g, x, y, w, h, 9, pc_mix(pc_rgb(PC_PANEL), pc_rgb(PC_BG), 0.3f));
    const char *label = pl_text(&rs->table_label, a->lang);
    float lx = x + 12;
    if (*label)
        lx += pc_text(g, lx, y + h / 2, 11, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_MIDDLE, label) + 14;
    float cw = (x + w - lx - 8) / n;
    for (int i = 0; i < n; i++) {
        int c = tc[i];
        float cx = lx + i * cw;
        int rule = pc_look_target(rs, c);
        int v = s->st.table_counter[c];
        char b[160];
        pc_look_icon(g, rs, PC_LOOK_TABLE, c, cx + 8, y + h / 2, 8);
        if (rule >= 0) {
            int goal = rs->scoring[rule].threshold;
            snprintf(b, sizeof b, "%s %d/%d", pc_look_short(rs, PC_LOOK_TABLE, c, a->lang), v, goal);
            float tw = pc_text_clip(g, cx + 20, y + h / 2, 10.5f, v >= goal ? pc_rgb(PC_OK) : pc_rgb(PC_INK),
                                    PC_T_MIDDLE | PC_T_BOLD, b, cw - 74);
            pc_draw_gauge(g, cx + 26 + tw, y + h / 2 - 3, cw - tw - 40, 6, v, 0, goal > 0 ? goal : 1,
                          pc_look_color(rs, PC_LOOK_TABLE, c));
        } else {
            snprintf(b, sizeof b, "%s %d", pc_look_short(rs, PC_LOOK_TABLE, c, a->lang), v);
            pc_text_clip(g, cx + 20, y + h / 2, 10.5f, pc_rgb(PC_INK), PC_T_MIDDLE | PC_T_BOLD, b, cw - 26);
        }
    }
}

/* the mire, or each team's score rule by rule: a tab in the same panel */
static void side_panel(pc_app_t *a, int seat)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    float x = 876, y = 302, w = 388, h = 150;
    pc_ui_panel(&a->ui, x, y, w, h, NULL);
    int scores = a->scr.side_tab == 1;
    pc_ui_button(&a->ui, x + 8, y + 4, 90, 22, _("The mire"), PC_ACT_SIDE_TAB, 0, scores ? 2 : 1, 1);
    pc_ui_button(&a->ui, x + 102, y + 4, 90, 22, _("Scores"), PC_ACT_SIDE_TAB, 1, scores ? 1 : 2, 1);
    if (!scores) {
        pc_text(g, x + w - 12, y + 10, 9.5f, pc_rgb(PC_MUTED), PC_T_RIGHT, _("impact / horizon"));
        pc_draw_mire(g, s->rs, &s->st, a->lang, x + 8, y + 30, w - 16, h - 36, -1);
        return;
    }
    /* the score of every team now, and the rules of the one on screen */
    const pl_ruleset_t *rs = s->rs;
    int who = seat >= 0 ? seat : s->st.current;
    float ty = y + 34;
    char b[160], team[80];
    for (int t = 0; t < s->st.n_seats; t++) {
        float tx = x + 12 + (t % 4) * 92, yy = ty + (t / 4) * 16;
        pc_team_name(a, t, 0, team, sizeof team);
        snprintf(b, sizeof b, "%d", (int)pl_score_seat(rs, &s->st, t));
        pc_circle(g, tx + 4, yy + 6, 4, pc_team_color(t));
        float nw = pc_text_clip(g, tx + 12, yy, 10, t == who ? pc_rgb(PC_ACCENT) : pc_rgb(PC_MUTED), PC_T_BOLD, team, 50);
        pc_text(g, tx + 16 + nw, yy, 10, pc_rgb(PC_INK), PC_T_BOLD, b);
    }
    ty += 18 * ((s->st.n_seats + 3) / 4) + 2;
    pc_fill(g, x + 12, ty - 3, w - 24, 1, pc_alpha(pc_rgb(PC_MUTED), 80));
    int rows = (int)rs->n_scoring, per_col = (rows + 1) / 2;
    float colw = (w - 24) / 2, rh = (y + h - ty - 6) / (per_col ? per_col : 1);
    if (rh > 15)
        rh = 15;
    for (int r = 0; r < rows; r++) {
        float cx = x + 12 + (r / per_col) * colw, cy = ty + (r % per_col) * rh;
        int pts = (int)pl_score_rule(rs, &s->st, who, (uint32_t)r);
        snprintf(b, sizeof b, "%+d", pts);
        pc_text(g, cx + colw - 8, cy, 10, pts < 0 ? pc_rgb(0xFF8A7Au) : pc_rgb(PC_INK), PC_T_RIGHT | PC_T_BOLD, b);
        pc_text_clip(g, cx, cy, 10, pc_rgb(PC_MUTED), 0, pl_text(&rs->scoring[r].name, a->lang), colw - 40);
    }
}

#define MESSAGE_SHOWN_MS 90000 /* the facilitator's message stays on screen this long (it is in the timeline too) */

/* the table held by the facilitator, and the facilitator's last message: over everything, asking for nothing */
static void banners(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    uint32_t now = SDL_GetTicks();
    if (s->message[0] && now - s->message_ticks < MESSAGE_SHOWN_MS) {
        char b[360];
        snprintf(b, sizeof b, _("The facilitator: %s"), s->message);
        float w = pc_text_width(g, 15, 1, b) + 40;
        if (w > 1000)
            w = 1000;
        pc_round(g, 640 - w / 2 + 2, 44, w, 34, 10, pc_alpha(pc_rgb(0x000000u), 90));
        pc_round(g, 640 - w / 2, 42, w, 34, 10, pc_rgb(PC_ACCENT));
        pc_text_clip(g, 640, 59, 15, pc_rgb(PC_BG), PC_T_BOLD | PC_T_MIDDLE | PC_T_CENTER, b, w - 24);
    }
    if (s->st.paused && s->st.wait != PL_WAIT_OVER) {
        pc_round(g, 440 + 3, 300 + 4, 400, 110, 16, pc_alpha(pc_rgb(0x000000u), 110));
        pc_round(g, 440, 300, 400, 110, 16, pc_rgb(PC_BG2));
        pc_frame(g, 440, 300, 400, 110, 16, 2, pc_rgb(PC_ACCENT));
        pc_text(g, 640, 336, 22, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_MIDDLE | PC_T_CENTER, _("The game is paused"));
        pc_text_box(g, 460, 360, 360, 13, pc_rgb(PC_INK), PC_T_CENTER, _("The facilitator will let the table go on in a moment."));
    }
}

/* A projection: the whole table's mire large where the hand would be, and the vote under way. */
static void project_panel(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_state_t *st = &s->st;
    float x = HAND_X, y = HAND_Y, w = HAND_W, h = HAND_H;
    pc_ui_panel(&a->ui, x, y, w, h, NULL);
    float mw = st->wait == PL_WAIT_VOTE ? w * 0.55f : w - 24;
    pc_text(g, x + 14, y + 16, 15, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, _("The table's mire"));
    pc_text(g, x + 14 + mw, y + 16, 11, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE, _("impact / horizon"));
    pc_draw_mire(g, s->rs, st, a->lang, x + 12, y + 32, mw, h - 44, -1);
    if (st->wait != PL_WAIT_VOTE)
        return;
    /* the vote under way: who has voted (ballots stay secret until the reveal) */
    float vx = x + 24 + mw, vw = w - (vx - x) - 12, vy = y + 14;
    const char *q = st->pending.card < s->rs->n_cards ? pl_text(&s->rs->cards[st->pending.card].name, a->lang)
                                                       : _("The table's question");
    pc_text(g, vx, vy + 2, 15, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_MIDDLE, _("Vote under way"));
    vy += 20;
    vy += pc_text_box(g, vx, vy, vw, 13, pc_rgb(PC_INK), PC_T_BOLD, q) + 10;
    for (int t = 0; t < st->n_seats; t++) {
        if (!((st->pending.voters >> t) & 1u))
            continue;
        char team[80];
        pc_team_name(a, t, 0, team, sizeof team);
        int voted = (st->pending.answered >> t) & 1u;
        pc_circle(g, vx + 8, vy + 12, 7, pc_team_color(t));
        pc_text_clip(g, vx + 22, vy + 12, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, team, vw - 130);
        pc_text(g, vx + vw, vy + 12, 13, voted ? pc_rgb(PC_OK) : pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE | PC_T_BOLD,
                voted ? _("has voted") : _("thinking..."));
        vy += 30;
    }
}

/* A projection's bottom line: whose turn, or what the table waits for, large */
static void project_bar(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_state_t *st = &s->st;
    float x = 16, y = 634, w = 1248, h = 74;
    pc_round(g, x, y, w, h, 12, pc_rgb(PC_PANEL));
    pc_round(g, x, y, 8, h, 4, pc_team_color(st->current));
    char msg[300], team[80];
    pc_team_name(a, st->current, 1, team, sizeof team);
    if (st->wait == PL_WAIT_OVER)
        snprintf(msg, sizeof msg, "%s", _("The game is over."));
    else if (st->paused)
        snprintf(msg, sizeof msg, "%s", _("The game is paused"));
    else if (st->wait == PL_WAIT_VOTE)
        snprintf(msg, sizeof msg, "%s", _("The teams are voting..."));
    else
        snprintf(msg, sizeof msg, _("To play: %s..."), team);
    pc_text_clip(g, x + 28, y + h / 2, 22, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, msg, w - 260);
    if (s->clock_kind != PC_CLOCK_NONE)
        pc_draw_clock(g, x + w - 170, y + h / 2, 24, pc_session_clock_left(s, SDL_GetTicks()), s->clock_total_s,
                      s->clock_frozen || st->paused);
}

void pc_screen_project(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    if (!a->session) {
        pc_ribbon(a, 300);
        char b[300];
        if (pc_conn_state(a->conn) != PC_NET_READY)
            snprintf(b, sizeof b, "%s", pc_conn_status(a->conn));
        else
            snprintf(b, sizeof b, "%s", _("Waiting for a table to show..."));
        pc_text(g, 640, 360, 22, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
        return;
    }
    a->scr.side_tab = 1; /* the mire is large already: the side shows the scores */
    pc_screen_table(a);
}

void pc_screen_table(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_session_t *s = a->session;
    if (!s) {
        pc_text(g, 640, 340, 16, pc_rgb(PC_INK), PC_T_CENTER, a->load_msg);
        pc_ui_button(&a->ui, 540, 380, 200, 44, _("Menu"), PC_ACT_HOME, 0, 0, 1);
        return;
    }
    int projecting = a->scr.screen == PC_SCREEN_PROJECT;
    int facil = s->st.viewer == PL_WHO_FACILITATOR && !projecting;
    const pl_ruleset_t *rs = s->rs;
    int seat = a->scr.curtain_seat < 0 && a->scr.summary_seat < 0 ? pc_session_to_act(s) : -1;
    int shown = seat >= 0 ? seat : a->scr.shown_seat;
    if (shown < 0 && s->mine)
        shown = __builtin_ctz(s->mine);
    static int playable[PL_MAX_CARDS];
    memset(playable, 0, sizeof playable);
    int can_roll = 0, n_playable = 0;
    if (seat >= 0 && s->st.wait == PL_WAIT_TURN) {
        pl_move_t mv[PL_MAX_HAND + 8];
        int n = pl_legal_moves(rs, &s->st, seat, mv, (int)(sizeof mv / sizeof mv[0]));
        for (int i = 0; i < n; i++) {
            if (mv[i].type == PL_MOVE_ROLL)
                can_roll = 1;
            if (mv[i].type == PL_MOVE_PLAY && mv[i].arg < PL_MAX_CARDS) {
                playable[mv[i].arg] = 1;
                n_playable++;
            }
        }
    }
    a->ui.hover_off = pc_overlay_modal(a);
    top_bar(a);
    pc_draw_board(g, rs, &s->st, a->lang, BOARD_X, BOARD_Y, BOARD_W, BOARD_H);
    /* spaces answer the pointer with their name (regions that take no click nor focus) */
    int hover_space = -1;
    for (int sp = 0; sp < rs->n_spaces; sp++) {
        float bx, by, bw, bh;
        pc_board_space_box(rs, BOARD_X, BOARD_Y, BOARD_W, BOARD_H, sp, &bx, &by, &bw, &bh);
        int r = pc_ui_region(&a->ui, bx, by, bw, bh, PC_ACT_NONE, sp);
        if (r >= 0)
            a->ui.btn[r].enabled = 0;
        if (pc_ui_hover(&a->ui, bx, by, bw, bh))
            hover_space = sp;
    }
    targets_strip(a);
    /* teams */
    float ty = 52, th = 244.0f / (s->st.n_seats > 4 ? s->st.n_seats : 4);
    tip.on = 0;
    for (int t = 0; t < s->st.n_seats; t++) {
        team_row(a, t, 876, ty + t * th, 388, th);
        if (facil) /* the facilitator sees every hand: a team's row shows its hand */
            pc_ui_region(&a->ui, 876, ty + t * th, 388, th - 4, PC_ACT_CON_SHOW_SEAT, t);
    }
    if (facil && a->scr.shown_seat >= 0 && a->scr.shown_seat < s->st.n_seats)
        pc_frame(g, 876, ty + a->scr.shown_seat * th, 388, th - 4, 9, 2, pc_rgb(PC_ACCENT));
    if (projecting)
        project_panel(a);
    else if (seat >= 0 && (s->st.wait == PL_WAIT_CHOICE || s->st.wait == PL_WAIT_BRANCH))
        pc_choice_panel(a, HAND_X, HAND_Y, HAND_W, HAND_H); /* what to choose, where the hand was */
    else if (facil)
        hand_panel(a, a->scr.shown_seat >= 0 ? a->scr.shown_seat : 0, playable, 0);
    else
        hand_panel(a, s->watching ? -1 : shown, playable, seat >= 0 && s->st.wait == PL_WAIT_TURN);
    side_panel(a, facil ? a->scr.shown_seat : shown);
    log_panel(a);
    if (projecting)
        project_bar(a);
    else if (!facil || !pc_facil_bar(a))
        action_bar(a, seat, can_roll, n_playable);
    int overlay = pc_overlay_table(a);
    if (!overlay && hover_space >= 0)
        space_tip(a, hover_space);
    if (!overlay && tip.on)
        draw_tip(a);
    banners(a);
}
