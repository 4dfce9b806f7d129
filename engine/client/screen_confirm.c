/* screen_confirm.c -- a question asked over any screen before something is left or lost */
#include <stdio.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/table_util.h"

int pc_overlay_confirm(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    if (a->scr.confirm == PC_CONFIRM_NONE)
        return 0;
    const pc_session_t *s = a->session;
    pc_veil(a, 170);
    pc_ui_overlay(&a->ui);
    float px = 340, py = 210, pw = 600, ph = 280;
    pc_round(g, px, py, pw, ph, 18, pc_rgb(PC_BG2));
    const char *q = _("Leave this table?"), *why = "", *yes = _("Leave the table"), *no = _("Stay");
    if (a->scr.confirm == PC_CONFIRM_END_GAME) {
        q = _("End this game now?");
        why = _("The game is scored as it is now, for every team; the teams see the end screen. This cannot be undone.");
        yes = _("End the game");
        no = _("Go on playing");
    } else if (a->mode == PC_MODE_CONSOLE && s && s->kind == PC_SESSION_REMOTE)
        why = _("Back to the console: the table plays on.");
    else if (s && s->kind == PC_SESSION_REMOTE && !s->watching)
        why = _("Your seat stays your team's: come back with \"Resume my seat\" in the lobby, or with the team code.");
    else if (s && s->kind == PC_SESSION_REMOTE)
        why = _("You can watch it again from the lobby.");
    else if (s && a->save_path[0])
        why = _("The game is saved: \"Resume\" on the home screen brings it back where you left it.");
    else if (s)
        why = _("This game is not saved: it will be lost.");
    pc_text_box(g, px + 40, py + 40, pw - 80, 22, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER, q);
    pc_text_box(g, px + 50, py + 92, pw - 100, 14, pc_rgb(PC_MUTED), PC_T_CENTER, why);
    pc_ui_button(&a->ui, px + 60, py + ph - 80, 220, 48, yes, PC_ACT_CONFIRM_YES, 0, 1, 1);
    pc_ui_button(&a->ui, px + pw - 280, py + ph - 80, 220, 48, no, PC_ACT_CONFIRM_NO, 0, 0, 1);
    return 1;
}
