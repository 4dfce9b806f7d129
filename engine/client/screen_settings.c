/* screen_settings.c -- language, fullscreen, text size, teams at this screen */
#include <stdio.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"

static void row_label(pc_app_t *a, float y, const char *label)
{
    pc_text(&a->gfx, 330, y + 22, 16, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, label);
}

void pc_screen_settings(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_text(g, 640, 80, 32, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _("Settings"));
    pc_round(g, 300, 130, 680, 430, 18, pc_rgb(PC_PANEL));
    float y = 160, x = 620;
    row_label(a, y, _("Language"));
    pc_ui_button(&a->ui, x, y, 160, 44, "Français", PC_ACT_LANG, PL_LANG_FR, a->lang == PL_LANG_FR ? 0 : 1, 1);
    pc_ui_button(&a->ui, x + 170, y, 160, 44, "English", PC_ACT_LANG, PL_LANG_EN, a->lang == PL_LANG_EN ? 0 : 1, 1);
    y += 80;
    row_label(a, y, _("Display"));
    pc_ui_button(&a->ui, x, y, 330, 44, a->fullscreen ? _("Leave fullscreen (F11)") : _("Fullscreen (F11)"),
                 PC_ACT_FULLSCREEN, 0, 1, 1);
    y += 80;
    row_label(a, y, _("Text size"));
    static const char *sizes[3] = {N_("Small"), N_("Normal"), N_("Large")};
    for (int i = 0; i < 3; i++)
        pc_ui_button(&a->ui, x + i * 112, y, 104, 44, _(sizes[i]), PC_ACT_TEXTSIZE, i, a->text_size == i ? 0 : 1, 1);
    y += 80;
    row_label(a, y, _("Teams at this screen"));
    for (int n = 1; n <= 4; n++) {
        char b[24];
        snprintf(b, sizeof b, "%d", n);
        pc_ui_button(&a->ui, x + (n - 1) * 84, y, 76, 44, b, PC_ACT_HUMANS, n, a->opt.humans == n ? 0 : 1, 1);
    }
    pc_text(g, 330, y + 62, 11, pc_rgb(PC_MUTED), 0, _("The other seats are played by the computer; applies to the next game."));
    pc_ui_button(&a->ui, 540, 590, 200, 48, _("Back"), PC_ACT_BACK, 0, 0, 1);
}
