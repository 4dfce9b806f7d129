/* art_chips.c -- what a card does at a glance: one chip per counter or token of the team (or of the table, ringed) it
 * changes at once (icon and signed amount), and a mark when it does more (later, on a condition, to other teams) */
#include <stdio.h>
#include "client/art.h"
#include "client/look.h"
#include "text/text.h"

#define MAX_CHIPS 24

/* the chips of effects (immediate changes only), laid out from x (or ending at x when right), centred on cy;
 * returns their width, 0 when there is nothing to show or it does not fit in max_w */
float pc_effect_chips(pc_gfx_t *g, const pl_ruleset_t *rs, pl_range_t effects, int lang, float x, float cy,
                      float size, float max_w, SDL_Color ink, int right)
{
    pt_item_t it[MAX_CHIPS];
    int n = pt_effects(rs, effects, lang, it, MAX_CHIPS);
    if (n > MAX_CHIPS)
        n = MAX_CHIPS;
    char amount[MAX_CHIPS][16];
    int kind[MAX_CHIPS], ref[MAX_CHIPS], item[MAX_CHIPS], k = 0, more = 0;
    float w = 0, gap = size * 0.5f, icon = size * 1.25f;
    for (int i = 0; i < n; i++) {
        int iconic = it[i].kind == PT_IT_COUNTER || it[i].kind == PT_IT_TABLE || it[i].kind == PT_IT_TOKEN;
        /* the chips say what the card does to the team that plays it (and to the table); what it does to the
         * other teams is in the detail */
        if (it[i].depth > 0 || !iconic || it[i].amount == 0 || it[i].target == PL_TGT_OTHERS) {
            more = 1;
            continue;
        }
        kind[k] = it[i].kind == PT_IT_COUNTER ? PC_LOOK_COUNTER : it[i].kind == PT_IT_TABLE ? PC_LOOK_TABLE
                                                                                             : PC_LOOK_TOKEN;
        ref[k] = it[i].ref;
        item[k] = i;
        int v = it[i].amount;
        snprintf(amount[k], sizeof amount[k], v > 0 ? "+%d" : "\xE2\x88\x92%d", v > 0 ? v : -v);
        w += icon + pc_text_width(g, size, 1, amount[k]) + gap;
        k++;
    }
    float dots = more ? pc_text_width(g, size, 1, "\xE2\x80\xA6") + gap : 0;
    while (k > 0 && w + dots > max_w) { /* drop from the end, and say there is more */
        k--;
        w -= icon + pc_text_width(g, size, 1, amount[k]) + gap;
        more = 1;
        dots = pc_text_width(g, size, 1, "\xE2\x80\xA6") + gap;
    }
    if (k == 0 && !more)
        return 0;
    float total = w + dots - gap;
    if (total > max_w)
        return 0;
    float cx = right ? x - total : x;
    for (int i = 0; i < k; i++) {
        float x0 = cx;
        if (kind[i] == PC_LOOK_TABLE) /* the table's counter: ringed, so that it is not taken for the team's */
            pc_ring(g, cx + size * 0.55f, cy, size * 0.72f, size * 0.12f, pc_alpha(ink, 170));
        pc_look_icon(g, rs, kind[i], ref[i], cx + size * 0.55f, cy, size * 0.55f);
        cx += icon;
        SDL_Color c = amount[i][0] == '+' ? ink : pc_mix(ink, pc_rgb(PC_DANGER), 0.6f);
        cx += pc_text(g, cx, cy, size, c, PC_T_BOLD | PC_T_MIDDLE, amount[i]);
        pc_gfx_tip(g, x0, cy - size * 0.8f, cx - x0, size * 1.6f, it[item[i]].text); /* in words on hover */
        cx += gap;
    }
    if (more)
        pc_text(g, cx, cy, size, pc_alpha(ink, 150), PC_T_BOLD | PC_T_MIDDLE, "\xE2\x80\xA6");
    return total;
}
