/* screen_welcome.c -- the kiosk's welcome, for people passing by: what the game is about, and one touch to play */
#include <stdio.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/look.h"

void pc_screen_welcome(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_ribbon(a, 0);
    pc_ribbon(a, 710);
    const char *title = a->rs ? pl_text(&a->rs->title, a->lang) : _("No game loaded");
    pc_text(g, 640, 150, 48, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, title);
    if (a->rs) {
        int lens[PL_MAX_COUNTERS];
        int n = pc_look_counters(a->rs, PL_ROLE_LENS, lens, PL_MAX_COUNTERS);
        for (int k = 0; k < n && k < 8; k++) {
            float cx = 640 - (n - 1) * 90.0f + k * 180;
            pc_look_icon(g, a->rs, PC_LOOK_COUNTER, lens[k], cx, 240, 26);
            pc_text_clip(g, cx, 284, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE,
                         pl_text(&a->rs->counters[lens[k]].name, a->lang), 170);
        }
        pc_text_box(g, 240, 316, 800, 15, pc_rgb(PC_MUTED), PC_T_CENTER, pl_text(&a->rs->description, a->lang));
    }
    pc_text(g, 640, 470, 18, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _("How many teams are you?"));
    for (int n = 1; n <= 4; n++) {
        char b[48];
        snprintf(b, sizeof b, pt_ntr(a->lang, "%d team", "%d teams", (unsigned long)n), n);
        pc_ui_button(&a->ui, 640 - 2 * 170 + (n - 1) * 170 + 5, 500, 160, 70, b, PC_ACT_KIOSK_START, n, n == 1 ? 0 : 1,
                     a->rs != NULL);
    }
    char b[200];
    snprintf(b, sizeof b, _("Each team has %d seconds a turn; the computer plays the other teams."), a->opt.turn_timer_s);
    if (a->opt.turn_timer_s)
        pc_text(g, 640, 600, 13, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, b);
    pc_text(g, 1268, 696, 10, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE, "v" PC_VERSION);
}
