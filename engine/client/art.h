/* art.h -- the game's look: palette, lens icons, card faces, board, gauges and the mire, drawn procedurally */
#ifndef PC_ART_H
#define PC_ART_H

#include "client/gfx.h"
#include "plateau.h"

/* palette */
#define PC_BG        0x1B2735u  /* deep slate */
#define PC_BG2       0x233447u
#define PC_PANEL     0x2C4057u
#define PC_PANEL_HI  0x36506Cu
#define PC_INK       0xF4EFE3u  /* warm white text */
#define PC_MUTED     0xA9B7C6u
#define PC_ACCENT    0xF2B33Du  /* amber */
#define PC_PAPER     0xFBF6EAu  /* card paper */
#define PC_PAPER_INK 0x26323Fu
#define PC_DANGER    0xE4574Eu
#define PC_OK        0x5CB85Cu

SDL_Color pc_team_color(int seat);
SDL_Color pc_phase_color(int phase, int n_phases);

/* A built-in icon (PL_ICON_*) in white on a disc of colour bg; PL_ICON_NONE draws the first
 * letter of initial (art_icons.c). */
void pc_draw_icon(pc_gfx_t *g, int icon, SDL_Color bg, const char *initial, float cx, float cy, float r);
void pc_draw_space_icon(pc_gfx_t *g, int kind, float cx, float cy, float r, SDL_Color c);
void pc_draw_pawn(pc_gfx_t *g, float cx, float cy, float r, SDL_Color c, int highlight);
void pc_draw_die(pc_gfx_t *g, float x, float y, float size, int value);
/* The countdown from x, centred on cy, text of size: a ring and m:ss. Returns its width. */
float pc_draw_clock(pc_gfx_t *g, float x, float cy, float size, uint32_t left_ms, uint32_t total_s, int frozen);
/* A horizontal gauge of value in [min, max]. */
void pc_draw_gauge(pc_gfx_t *g, float x, float y, float w, float h, int value, int min, int max,
                   SDL_Color c);

/* Card face geometry: the text box of a card of width w (height = w * 1.45). */
#define PC_CARD_RATIO 1.45f
void pc_card_text_box(float w, float *tx, float *ty, float *tw, float *th);
/* Card name box (wrapped, up to two lines). */
void pc_card_name_box(float w, float *nx, float *ny, float *nw, float *nh);
/* The font sizes a card of width w uses (body text may shrink down to min). */
float pc_card_name_size(float w);
float pc_card_text_size(float w);
float pc_card_text_min(float w);
float pc_card_name_min(float w); /* the name shrinks down to this before it overflows its box */
/* The cost line's font size (bold) and the width it may take on a card of width w; a longer line is
 * cut with "…" (and shown whole on hover). */
void pc_card_cost_box(float w, float *size, float *max_w);
/* "−2 Budget · −1 Semaines": what playing the card costs, short labels ("" when free). */
/* What a card does at a glance: an icon and a signed amount per counter or token it changes at once, "…" when it does
 * more (read the detail); each says its phrase on hover. Laid out from x (ending at x when right) on the line centred at cy within max_w; returns
 * the width used (0: nothing drawn). */
float pc_effect_chips(pc_gfx_t *g, const pl_ruleset_t *rs, pl_range_t effects, int lang, float x, float cy,
                      float size, float max_w, SDL_Color ink, int right);
void pc_card_cost_line(const pl_ruleset_t *rs, int card, int lang, char *out, size_t len);
/* The colour of a card's band: its phase's, else its kind's (PL_CARD_*). */
SDL_Color pc_card_band_color(const pl_ruleset_t *rs, int card);
SDL_Color pc_card_kind_color(int kind);
/* Draw a card face; dim greys it out (not playable now). */
void pc_draw_card(pc_gfx_t *g, const pl_ruleset_t *rs, int card, int lang, float x, float y,
                  float w, int dim, int selected);

/* The board of phases with the pawns. */
void pc_draw_board(pc_gfx_t *g, const pl_ruleset_t *rs, const pl_state_t *st, int lang, float x,
                   float y, float w, float h);
/* Where space s is drawn by pc_draw_board in the same box (design units). */
void pc_board_space_box(const pl_ruleset_t *rs, float x, float y, float w, float h, int s, float *bx,
                        float *by, float *bw, float *bh);
/* The mire: impact (1-3) against horizon (short, medium, long), a dot per card played. */
void pc_draw_mire(pc_gfx_t *g, const pl_ruleset_t *rs, const pl_state_t *st, int lang, float x,
                  float y, float w, float h, int only_seat);

#endif
