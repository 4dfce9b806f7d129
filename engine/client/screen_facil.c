/* screen_facil.c -- a table seen by the facilitator: every hand, and the facilitator's moves at the bottom (hold,
 * reveal an event, a quote or a prompt, move a team, end the game), with the menus that choose the card or space */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/table_util.h"

/* the cards the facilitator may reveal: of event, vote and prompt decks, in their piles now */
static int revealable(const pc_session_t *s, int card)
{
    int kind = s->rs->cards[card].kind;
    int where = s->st.where[card];
    return (kind == PL_CARD_EVENT || kind == PL_CARD_VOTE || kind == PL_CARD_PROMPT) &&
           (where == PL_AT_HIDDEN || where == PL_AT_DRAW || where == PL_AT_DISCARD);
}

static void reveal_menu(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    pc_veil(a, 150);
    pc_ui_overlay(&a->ui);
    float px = 140, py = 70, pw = 1000, ph = 560;
    pc_round(g, px, py, pw, ph, 16, pc_rgb(PC_BG2));
    char team[80], b[200];
    pc_team_name(a, s->st.current, 0, team, sizeof team);
    pc_text(g, px + 24, py + 26, 18, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, _("Reveal a card to the table"));
    snprintf(b, sizeof b, _("It is revealed to %s, the team to play, as if drawn on the board."), team);
    pc_text_clip(g, px + 24, py + 52, 12, pc_rgb(PC_MUTED), PC_T_MIDDLE, b, pw - 48);
    float y = py + 76, colw = (pw - 48) / 3;
    int col = 0;
    for (uint32_t d = 0; d < rs->n_decks && y < py + ph - 70; d++) {
        const pl_deck_t *dk = &rs->decks[d];
        if (dk->kind != PL_CARD_EVENT && dk->kind != PL_CARD_VOTE && dk->kind != PL_CARD_PROMPT)
            continue;
        if (col)
            y += 30;
        col = 0;
        pc_text(g, px + 24, y + 10, 12.5f, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_MIDDLE, pl_text(&dk->name, a->lang));
        y += 24;
        for (uint32_t i = 0; i < dk->count && y < py + ph - 70; i++) {
            int card = (int)(dk->first + i);
            if (!revealable(s, card))
                continue;
            pc_ui_button(&a->ui, px + 24 + col * colw, y, colw - 8, 26, pl_text(&rs->cards[card].name, a->lang),
                         PC_ACT_CON_REVEAL, card, 2, s->st.wait == PL_WAIT_TURN);
            if (++col == 3) {
                col = 0;
                y += 30;
            }
        }
    }
    if (s->st.wait != PL_WAIT_TURN)
        pc_text(g, px + 24, py + ph - 34, 12, pc_rgb(0xFF8A7Au), PC_T_BOLD | PC_T_MIDDLE,
                _("A choice or a vote is under way: reveal once it is answered."));
    pc_ui_button(&a->ui, px + pw - 164, py + ph - 52, 140, 36, _("Close"), PC_ACT_CON_MENU_CLOSE, 0, 1, 1);
}

static void place_menu(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    pc_veil(a, 150);
    pc_ui_overlay(&a->ui);
    float px = 140, py = 70, pw = 1000, ph = 560;
    pc_round(g, px, py, pw, ph, 16, pc_rgb(PC_BG2));
    pc_text(g, px + 24, py + 26, 18, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, _("Move a team"));
    pc_text_clip(g, px + 24, py + 52, 12, pc_rgb(PC_MUTED), PC_T_MIDDLE,
                 _("Its pawn is put on the space chosen; the space is not resolved."), pw - 48);
    float x = px + 24, y = py + 74;
    for (int t = 0; t < s->st.n_seats; t++) {
        char team[80];
        pc_team_name(a, t, 0, team, sizeof team);
        pc_ui_button(&a->ui, x, y, 150, 30, team, PC_ACT_CON_PLACE_SEAT, t, a->scr.place_seat == t ? 0 : 2,
                     !s->st.seat[t].finished);
        x += 158;
    }
    y += 44;
    if (a->scr.place_seat >= 0) {
        float colw = (pw - 48) / (rs->n_phases > 0 ? rs->n_phases : 1);
        if (colw > 240)
            colw = 240;
        for (int ph_i = 0; ph_i < rs->n_phases; ph_i++) {
            float cx = px + 24 + ph_i * colw, cy = y;
            pc_text_clip(g, cx, cy + 8, 11, pc_phase_color(ph_i, rs->n_phases), PC_T_BOLD | PC_T_MIDDLE,
                         pl_text(&rs->phases[ph_i].name, a->lang), colw - 6);
            cy += 20;
            for (int sp = 0; sp < rs->n_spaces && cy < py + ph - 64; sp++) {
                if (rs->spaces[sp].phase != ph_i)
                    continue;
                int here = s->st.seat[a->scr.place_seat].pos == sp;
                pc_ui_button(&a->ui, cx, cy, colw - 6, 24, pl_text(&rs->spaces[sp].name, a->lang), PC_ACT_CON_PLACE, sp,
                             here ? 0 : 2, !here && s->st.wait == PL_WAIT_TURN);
                cy += 27;
            }
        }
    }
    pc_ui_button(&a->ui, px + pw - 164, py + ph - 52, 140, 36, _("Close"), PC_ACT_CON_MENU_CLOSE, 0, 1, 1);
}

int pc_facil_bar(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    if (!s || s->st.viewer != PL_WHO_FACILITATOR || a->mode != PC_MODE_CONSOLE)
        return 0;
    float x = 16, y = 634, w = 1248, h = 74;
    pc_round(g, x, y, w, h, 12, pc_rgb(PC_PANEL));
    pc_round(g, x, y, 8, h, 4, pc_rgb(PC_ACCENT));
    char team[80], b[240];
    pc_team_name(a, a->scr.shown_seat >= 0 ? a->scr.shown_seat : 0, 0, team, sizeof team);
    snprintf(b, sizeof b, _("The facilitator's view: every hand (here %s's; click a team to see its hand)."), team);
    pc_text_box(g, x + 24, y + 12, 470, 12, pc_rgb(PC_INK), 0, b);
    if (a->scr.flash[0])
        pc_text_clip(g, x + 24, y + 56, 11, pc_rgb(0xFF8A7Au), PC_T_BOLD | PC_T_MIDDLE, a->scr.flash, 470);
    int over = s->st.wait == PL_WAIT_OVER;
    float bx = x + 510;
    pc_ui_button(&a->ui, bx, y + 16, 120, 42, _("Console"), PC_ACT_CON_BACK, 0, 1, 1);
    bx += 128;
    if (s->st.paused)
        pc_ui_button(&a->ui, bx, y + 16, 120, 42, _("Resume"), PC_ACT_CON_RESUME, 0, 0, !over);
    else
        pc_ui_button(&a->ui, bx, y + 16, 120, 42, _("Pause"), PC_ACT_CON_PAUSE, 0, 1, !over);
    bx += 128;
    pc_ui_button(&a->ui, bx, y + 16, 150, 42, _("Reveal a card..."), PC_ACT_CON_REVEAL_MENU, 0, 1, !over);
    bx += 158;
    pc_ui_button(&a->ui, bx, y + 16, 150, 42, _("Move a team..."), PC_ACT_CON_PLACE_MENU, 0, 1, !over);
    bx += 158;
    if (over) /* its place once there is nothing left to end */
        pc_ui_button(&a->ui, bx, y + 16, 134, 42, _("Debrief"), PC_ACT_DEBRIEF, 0, 0, 1);
    else
        pc_ui_button(&a->ui, bx, y + 16, 134, 42, _("End the game"), PC_ACT_CON_END, 0, 1, 1);
    if (a->scr.facil_menu == 1)
        reveal_menu(a);
    else if (a->scr.facil_menu == 2)
        place_menu(a);
    return 1;
}
