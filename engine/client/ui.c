/* ui.c -- buttons and panels: drawn each frame and remembered for the mouse and the keyboard */
#include "client/app.h"
#include "client/art.h"

void pc_ui_begin(pc_app_t *a)
{
    a->n_btn = 0;
}

int pc_ui_hover(const pc_app_t *a, float x, float y, float w, float h)
{
    return a->mouse_x >= x && a->mouse_x < x + w && a->mouse_y >= y && a->mouse_y < y + h;
}

int pc_ui_focused(const pc_app_t *a, int act, int arg)
{
    if (a->focus < 0 || a->focus >= a->n_btn) return 0;
    return a->btn[a->focus].act == act && a->btn[a->focus].arg == arg;
}

void pc_ui_region(pc_app_t *a, float x, float y, float w, float h, int act, int arg)
{
    if (a->n_btn >= PC_MAX_BUTTONS) return;
    pc_button_t *b = &a->btn[a->n_btn++];
    b->x = x;
    b->y = y;
    b->w = w;
    b->h = h;
    b->act = act;
    b->arg = arg;
    b->enabled = 1;
}

void pc_ui_button(pc_app_t *a, float x, float y, float w, float h, const char *label, int act,
                  int arg, int style, int enabled)
{
    pc_gfx_t *g = &a->gfx;
    int idx = a->n_btn;
    int focused = a->focus == idx;
    pc_ui_region(a, x, y, w, h, act, arg);
    if (idx < PC_MAX_BUTTONS) a->btn[idx].enabled = enabled;
    int hover = enabled && pc_ui_hover(a, x, y, w, h);
    SDL_Color bg, fg;
    if (style == 0) {
        bg = pc_rgb(PC_ACCENT);
        fg = pc_rgb(0x2A2110u);
    } else if (style == 1) {
        bg = pc_rgb(PC_PANEL_HI);
        fg = pc_rgb(PC_INK);
    } else {
        bg = pc_alpha(pc_rgb(PC_PANEL_HI), 0);
        fg = pc_rgb(PC_MUTED);
    }
    if (!enabled) {
        bg = pc_mix(bg, pc_rgb(PC_PANEL), 0.6f);
        fg = pc_mix(fg, pc_rgb(PC_PANEL), 0.5f);
    } else if (hover) {
        bg = pc_mix(bg, pc_rgb(0xFFFFFFu), 0.18f);
    }
    float r = h * 0.3f;
    if (focused) pc_round(g, x - 3, y - 3, w + 6, h + 6, r + 3, pc_rgb(0xFFFFFFu));
    if (style != 2 || hover) pc_round(g, x, y, w, h, r, style == 2 ? pc_alpha(pc_rgb(PC_PANEL_HI), 200) : bg);
    else pc_frame(g, x, y, w, h, r, 1.5f, pc_alpha(pc_rgb(PC_MUTED), 120));
    float size = h * 0.42f;
    if (size > 17) size = 17;
    float tw = pc_text_width(g, size, 1, label);
    while (tw > w - 12 && size > 8) {
        size -= 0.5f;
        tw = pc_text_width(g, size, 1, label);
    }
    pc_text_clip(g, x + w / 2, y + h / 2, size, fg, PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, label, w - 12);
}

void pc_ui_panel(pc_app_t *a, float x, float y, float w, float h, const char *title)
{
    pc_gfx_t *g = &a->gfx;
    pc_round(g, x, y, w, h, 12, pc_rgb(PC_PANEL));
    if (title && *title) pc_text(g, x + 12, y + 8, 12, pc_rgb(PC_MUTED), PC_T_BOLD, title);
}
