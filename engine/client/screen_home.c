/* screen_home.c -- the home screen: play here (or resume the saved game), join, host, settings */
#include <stdio.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/look.h"

/* a decorative strip of the board's phase colours */
void pc_ribbon(pc_app_t *a, float y)
{
    int n = a->rs && a->rs->n_phases ? a->rs->n_phases : 10;
    float w = 1280.0f / n;
    for (int i = 0; i < n; i++)
        pc_fill(&a->gfx, i * w, y, w + 1, 10, pc_phase_color(i, n));
}

void pc_screen_home(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_ribbon(a, 0);
    pc_ribbon(a, 710);
    if (a->rs) { /* the game's lenses, as the package draws them */
        int lens[PL_MAX_COUNTERS];
        int n = pc_look_counters(a->rs, PL_ROLE_LENS, lens, PL_MAX_COUNTERS);
        for (int k = 0; k < n && k < 8; k++)
            pc_look_icon(g, a->rs, PC_LOOK_COUNTER, lens[k], 640 - (n - 1) * 27.0f + k * 54, 112, 20);
    }
    pc_text(g, 640, 180, 64, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, "Plateau");
    const char *title = a->rs ? pl_text(&a->rs->title, a->lang) : _("No game loaded");
    pc_text(g, 640, 236, 20, pc_rgb(PC_ACCENT), PC_T_CENTER | PC_T_MIDDLE, title);
    if (!a->rs)
        pc_text_box(g, 240, 258, 800, 12, pc_rgb(0xFF8A7Au), PC_T_CENTER, a->load_msg);

    float bx = 440, bw = 400, y = 276;
    if (a->resume_info[0]) { /* the hot-seat game left or cut short */
        char b[240];
        snprintf(b, sizeof b, _("Resume the saved game (%s)"), a->resume_info);
        pc_ui_button(&a->ui, bx - 40, y, bw + 80, 46, b, PC_ACT_RESUME, 0, 0, 1);
        y += 54;
    } else if (a->resume_err[0]) {
        pc_text_box(g, 240, y + 4, 800, 12, pc_rgb(0xFF8A7Au), PC_T_CENTER, a->resume_err);
        y += 30;
    }
    pc_ui_button(&a->ui, bx, y, bw, 50, a->resume_info[0] ? _("New game here (hot-seat)") : _("Play here (hot-seat)"),
                 PC_ACT_PLAY_HERE, 0, a->resume_info[0] ? 1 : 0, a->rs != NULL);
    y += 58;
    pc_text(g, bx, y + 16, 13, pc_rgb(PC_MUTED), PC_T_MIDDLE, _("Teams at this screen:"));
    for (int n = 1; n <= 4; n++) {
        char b[24];
        snprintf(b, sizeof b, "%d", n);
        pc_ui_button(&a->ui, bx + 200 + (n - 1) * 50, y, 42, 32, b, PC_ACT_HUMANS, n, a->opt.humans == n ? 0 : 1, 1);
    }
    y += 46;
    pc_ui_button(&a->ui, bx, y, bw, 46, _("Join a server"), PC_ACT_JOIN, 0, 1, 1);
    y += 54;
    pc_ui_button(&a->ui, bx, y, bw, 46, _("Host a game from here"), PC_ACT_HOST, 0, 1, 1);
    y += 54;
    pc_ui_button(&a->ui, bx, y, 195, 42, _("Settings"), PC_ACT_SETTINGS, 0, 2, 1);
    pc_ui_button(&a->ui, bx + 205, y, 195, 42, _("Quit"), PC_ACT_QUIT, 0, 2, 1);
    if (a->scr.flash[0] && !a->session)
        pc_text_box(g, 240, 672, 800, 12, pc_rgb(0xFF8A7Au), PC_T_CENTER, a->scr.flash);
    pc_text(g, 1268, 696, 10, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE, "v" PC_VERSION);
}
