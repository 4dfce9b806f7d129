/* screen_choice.c -- a choice or a fork in place of the hand: each option side by side with what it says, costs,
 * needs and does, and its numbered button */
#include <stdio.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/table_util.h"

#define MAX_ITEMS 24

void pc_choice_panel(pc_app_t *a, float x, float y, float w, float h)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    const pl_state_t *st = &s->st;
    int n = pc_option_count(a);
    if (n <= 0)
        return;
    pc_round(g, x, y, w, h, 12, pc_rgb(PC_PANEL));
    /* what asks: the card whose choice it is, or the fork */
    char title[300];
    if (st->wait == PL_WAIT_BRANCH) {
        int pos = st->seat[st->pending.actor].pos;
        snprintf(title, sizeof title, _("Which way from “%s”?"),
                 pos < rs->n_spaces ? pl_text(&rs->spaces[pos].name, a->lang) : "");
    } else if (st->pending.card < rs->n_cards) {
        snprintf(title, sizeof title, _("“%s”: choose one option"), pl_text(&rs->cards[st->pending.card].name, a->lang));
    } else {
        snprintf(title, sizeof title, "%s", _("Choose one option"));
    }
    pc_text_clip(g, x + 16, y + 20, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, title, w - 32);
    float gap = 12, bw = (w - 32 - gap * (n - 1)) / n, by = y + 38, bh = h - 50;
    for (int i = 0; i < n; i++) {
        float bx = x + 16 + i * (bw + gap);
        pc_round(g, bx, by, bw, bh, 10, pc_mix(pc_rgb(PC_PANEL), pc_rgb(PC_BG), 0.4f));
        char label[160];
        pc_option_label(a, i, label, sizeof label);
        float ty = by + 10;
        ty += pc_text_box(g, bx + 12, ty, bw - 24, 13, pc_rgb(PC_INK), PC_T_BOLD, label) + 4;
        pt_item_t it[MAX_ITEMS];
        const char *text = NULL;
        int k = pc_option_items(a, i, it, MAX_ITEMS, &text);
        if (text && *text)
            ty += pc_text_box(g, bx + 12, ty, bw - 24, 11, pc_rgb(PC_MUTED), 0, text) + 6;
        if (k > 0)
            pc_draw_items(a, it, k < MAX_ITEMS ? k : MAX_ITEMS, bx + 12, ty, bw - 24, 11.5f, pc_rgb(PC_INK),
                          by + bh - 56 - ty);
        else
            pc_text(g, bx + 12, ty + 8, 11.5f, pc_rgb(PC_MUTED), PC_T_MIDDLE, _("No effect"));
        char b[64];
        snprintf(b, sizeof b, st->wait == PL_WAIT_BRANCH ? _("%d. Take this way") : _("%d. Choose"), i + 1);
        pc_ui_button(&a->ui, bx + 10, by + bh - 50, bw - 20, 40, b, PC_ACT_CHOOSE, i, 1, 1);
        if (a->ui.n_btn > 0)
            a->ui.btn[a->ui.n_btn - 1].key = i + 1;
    }
}
