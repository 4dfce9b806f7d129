/* art_clock.c -- the countdown every screen of a table shows: a ring that empties and the time left (m:ss), amber
 * in its last ten seconds, grey and still while the table is held */
#include <stdio.h>
#include "client/art.h"

float pc_draw_clock(pc_gfx_t *g, float x, float cy, float size, uint32_t left_ms, uint32_t total_s, int frozen)
{
    char note[48];
    int n = snprintf(note, sizeof note, "[clock %u%s]", (unsigned)left_ms, frozen ? " frozen" : "");
    pc_gfx_note(g, note, n > 0 && (size_t)n < sizeof note ? (size_t)n : 0);
    unsigned secs = (left_ms + 999) / 1000;
    char b[16];
    snprintf(b, sizeof b, "%u:%02u", secs / 60, secs % 60);
    float r = size * 0.62f, cx = x + r;
    float frac = total_s ? (float)left_ms / (float)(total_s * 1000u) : 0;
    if (frac > 1)
        frac = 1;
    SDL_Color ring = frozen ? pc_rgb(PC_MUTED) : secs <= 10 ? pc_rgb(PC_ACCENT) : pc_rgb(PC_OK);
    pc_circle(g, cx, cy, r, pc_rgb(PC_PANEL));
    pc_ring(g, cx, cy, r, size * 0.14f, pc_alpha(pc_rgb(PC_MUTED), 90));
    if (frac > 0) /* from twelve o'clock, clockwise, what is left */
        pc_arc(g, cx, cy, r, size * 0.14f, -1.5707963f, -1.5707963f + frac * 6.2831853f, ring);
    if (frozen) { /* two bars: held */
        pc_fill(g, cx - size * 0.2f, cy - size * 0.25f, size * 0.13f, size * 0.5f, pc_rgb(PC_INK));
        pc_fill(g, cx + size * 0.07f, cy - size * 0.25f, size * 0.13f, size * 0.5f, pc_rgb(PC_INK));
    }
    float tw = pc_text(g, cx + r + size * 0.35f, cy, size, frozen ? pc_rgb(PC_MUTED) : secs <= 10 ? pc_rgb(PC_ACCENT)
                                                                                              : pc_rgb(PC_INK),
                       PC_T_BOLD | PC_T_MIDDLE, b);
    return 2 * r + size * 0.35f + tw;
}
