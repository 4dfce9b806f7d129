/* ui.c -- buttons, panels and text fields: drawn each frame and remembered for the mouse and the keyboard */
#include "client/ui.h"
#include "client/art.h"

void pc_ui_init(pc_ui_t *ui, pc_gfx_t *gfx)
{
    ui->gfx = gfx;
    ui->n_btn = 0;
    ui->focus = -1;
    ui->mouse_x = ui->mouse_y = -1000;
    ui->hover_off = 0;
}

void pc_ui_begin(pc_ui_t *ui)
{
    ui->n_btn = 0;
    ui->hover_off = 0;
}

void pc_ui_overlay(pc_ui_t *ui)
{
    ui->n_btn = 0;
    ui->hover_off = 0;
    if (ui->gfx) /* what is under the overlay tells nothing on hover either */
        ui->gfx->n_tips = 0;
}

int pc_ui_hover(const pc_ui_t *ui, float x, float y, float w, float h)
{
    return !ui->hover_off && ui->mouse_x >= x && ui->mouse_x < x + w && ui->mouse_y >= y && ui->mouse_y < y + h;
}

int pc_ui_focused(const pc_ui_t *ui, int act, int arg)
{
    if (ui->focus < 0 || ui->focus >= ui->n_btn)
        return 0;
    return ui->btn[ui->focus].act == act && ui->btn[ui->focus].arg == arg;
}

int pc_ui_region(pc_ui_t *ui, float x, float y, float w, float h, int act, int arg)
{
    if (ui->n_btn >= PC_MAX_BUTTONS)
        return -1;
    pc_button_t *b = &ui->btn[ui->n_btn];
    b->x = x;
    b->y = y;
    b->w = w;
    b->h = h;
    b->act = act;
    b->arg = arg;
    b->enabled = 1;
    b->key = 0;
    return ui->n_btn++;
}

int pc_ui_at(const pc_ui_t *ui, int x, int y)
{
    for (int i = ui->n_btn - 1; i >= 0; i--) {
        const pc_button_t *b = &ui->btn[i];
        if (x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h)
            return i;
    }
    return -1;
}

void pc_ui_button(pc_ui_t *ui, float x, float y, float w, float h, const char *label, int act, int arg,
                  int style, int enabled)
{
    pc_gfx_t *g = ui->gfx;
    int idx = pc_ui_region(ui, x, y, w, h, act, arg);
    int focused = idx >= 0 && ui->focus == idx;
    if (idx >= 0)
        ui->btn[idx].enabled = enabled;
    int hover = enabled && pc_ui_hover(ui, x, y, w, h);
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
    if (focused)
        pc_round(g, x - 3, y - 3, w + 6, h + 6, r + 3, pc_rgb(0xFFFFFFu));
    if (style != 2 || hover)
        pc_round(g, x, y, w, h, r, style == 2 ? pc_alpha(pc_rgb(PC_PANEL_HI), 200) : bg);
    else
        pc_frame(g, x, y, w, h, r, 1.5f, pc_alpha(pc_rgb(PC_MUTED), 120));
    int wrapped;
    float size = pc_ui_label_size(g, label, w, h, &wrapped);
    if (!wrapped) {
        pc_text(g, x + w / 2, y + h / 2, size, fg, PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, label);
    } else {
        float s2 = size > 0 ? size : 7.5f;
        float th = pc_text_lines(g, label, s2, 1, w - 12, NULL) * pc_line_height(g, s2, 1);
        pc_text_box(g, x + 6, y + (h - th) / 2, w - 12, s2, fg, PC_T_BOLD | PC_T_CENTER, label);
    }
}

float pc_ui_label_size(pc_gfx_t *g, const char *label, float w, float h, int *wrapped)
{
    float size = h * 0.42f;
    if (size > 17)
        size = 17;
    /* a label that does not fit shrinks, then wraps on two lines: never cut in a word */
    float tw = pc_text_width(g, size, 1, label);
    while (tw > w - 12 && size > 9) {
        size -= 0.5f;
        tw = pc_text_width(g, size, 1, label);
    }
    *wrapped = tw > w - 12;
    if (!*wrapped)
        return size;
    return pc_text_fit(g, label, size, 7.5f, 1, w - 12, h - 4);
}

void pc_ui_panel(pc_ui_t *ui, float x, float y, float w, float h, const char *title)
{
    pc_gfx_t *g = ui->gfx;
    pc_round(g, x, y, w, h, 12, pc_rgb(PC_PANEL));
    if (title && *title)
        pc_text_clip(g, x + 12, y + 8, 12, pc_rgb(PC_MUTED), PC_T_BOLD, title, w - 24);
}

void pc_ui_field(pc_ui_t *ui, float x, float y, float w, float h, const char *text, const char *hint,
                 int active, int act, int arg)
{
    pc_gfx_t *g = ui->gfx;
    int idx = pc_ui_region(ui, x, y, w, h, act, arg);
    pc_round(g, x, y, w, h, 10, pc_rgb(0x18222Eu));
    if (active || (idx >= 0 && ui->focus == idx))
        pc_frame(g, x, y, w, h, 10, 2, pc_rgb(PC_ACCENT));
    float size = h * 0.38f > 16 ? 16 : h * 0.38f;
    float tw = 0;
    if (text && *text)
        tw = pc_text_clip(g, x + 12, y + h / 2, size, pc_rgb(PC_INK), PC_T_MIDDLE, text, w - 24);
    else if (hint && !active)
        pc_text_clip(g, x + 12, y + h / 2, size, pc_alpha(pc_rgb(PC_MUTED), 160), PC_T_MIDDLE, hint, w - 24);
    if (active)
        pc_fill(g, x + 14 + tw, y + h * 0.22f, 2, h * 0.56f, pc_rgb(PC_ACCENT));
}
