/* ui.h -- widgets of one frame: buttons, regions, panels, text fields, remembered for the mouse and the keyboard */
#ifndef PC_UI_H
#define PC_UI_H

#include <stddef.h>
#include "client/gfx.h"

#define PC_MAX_BUTTONS 200

typedef struct {
    float x, y, w, h;
    int act, arg;
    int enabled;
    int key;      /* the number shown for keyboard choice (1-12), 0 when none */
} pc_button_t;

typedef struct {
    pc_gfx_t *gfx;            /* where widgets draw (the app's) */
    pc_button_t btn[PC_MAX_BUTTONS];
    int n_btn;
    int focus;                /* index into btn, -1 none */
    int mouse_x, mouse_y;     /* design units */
    int hover_off;            /* an overlay is up: what is below answers no hover */
} pc_ui_t;

void pc_ui_init(pc_ui_t *ui, pc_gfx_t *gfx);
/* A new frame: no button yet. */
void pc_ui_begin(pc_ui_t *ui);
/* Forget the buttons drawn so far (an overlay takes the screen) and stop hovers below it. */
void pc_ui_overlay(pc_ui_t *ui);
/* Add a button and draw it; style 0 primary, 1 secondary, 2 quiet. */
void pc_ui_button(pc_ui_t *ui, float x, float y, float w, float h, const char *label, int act, int arg,
                  int style, int enabled);
/* The bold size a button of w x h shows label at: one line shrinking down to 9, else wrapped
 * (*wrapped set) on the lines that fit down to 7.5; 0 when even that does not fit (the button
 * then draws it at 7.5 past its edges). */
float pc_ui_label_size(pc_gfx_t *g, const char *label, float w, float h, int *wrapped);
/* Register a clickable region drawn by the caller; returns its index (-1 when full). */
int pc_ui_region(pc_ui_t *ui, float x, float y, float w, float h, int act, int arg);
int pc_ui_hover(const pc_ui_t *ui, float x, float y, float w, float h);
int pc_ui_focused(const pc_ui_t *ui, int act, int arg);
void pc_ui_panel(pc_ui_t *ui, float x, float y, float w, float h, const char *title);
/* A one-line text field showing text (a caret when active); clicking it sends act. */
void pc_ui_field(pc_ui_t *ui, float x, float y, float w, float h, const char *text, const char *hint,
                 int active, int act, int arg);
/* The button under design point (x, y), topmost first; -1 when none. */
int pc_ui_at(const pc_ui_t *ui, int x, int y);

#endif
