/* art.c -- palette, space icons, pawns, dice and gauges */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "client/art.h"

SDL_Color pc_team_color(int seat)
{
    static const unsigned c[PL_MAX_SEATS] = {0xE8575Au, 0x4C9BE8u, 0xF2C14Eu, 0x9B7BD4u,
                                             0x3FBFA8u, 0xF28AB3u, 0xA3C45Au, 0xE8904Cu};
    return pc_rgb(c[(unsigned)seat % PL_MAX_SEATS]);
}

SDL_Color pc_phase_color(int phase, int n_phases)
{
    /* a calm sweep from teal through green and gold to coral */
    static const unsigned stops[6] = {0x2E8B9Au, 0x3E9E6Fu, 0x8DA843u, 0xD5A83Au, 0xD9784Au, 0xB85C7Cu};
    if (n_phases <= 1) return pc_rgb(stops[0]);
    float t = (float)phase / (float)(n_phases - 1) * 5.0f;
    int i = (int)t;
    if (i >= 5) return pc_rgb(stops[5]);
    return pc_mix(pc_rgb(stops[i]), pc_rgb(stops[i + 1]), t - (float)i);
}

void pc_draw_space_icon(pc_gfx_t *g, int kind, float cx, float cy, float r, SDL_Color c)
{
    switch (kind) {
    case PL_SPACE_START:
        pc_line(g, cx - r * 0.4f, cy - r * 0.7f, cx - r * 0.4f, cy + r * 0.7f, r * 0.16f, c);
        pc_tri(g, cx - r * 0.4f, cy - r * 0.7f, cx + r * 0.6f, cy - r * 0.4f, cx - r * 0.4f, cy - r * 0.1f, c);
        break;
    case PL_SPACE_ACTION:
        pc_round(g, cx - r * 0.45f, cy - r * 0.65f, r * 0.9f, r * 1.3f, r * 0.15f, c);
        break;
    case PL_SPACE_EVENT:
        pc_tri(g, cx + r * 0.2f, cy - r * 0.8f, cx - r * 0.5f, cy + r * 0.1f, cx + r * 0.05f, cy + r * 0.1f, c);
        pc_tri(g, cx - r * 0.05f, cy - r * 0.1f, cx + r * 0.5f, cy - r * 0.1f, cx - r * 0.2f, cy + r * 0.8f, c);
        break;
    case PL_SPACE_VOTE:
        pc_fill(g, cx - r * 0.6f, cy - r * 0.1f, r * 1.2f, r * 0.75f, c);
        pc_fill(g, cx - r * 0.3f, cy - r * 0.7f, r * 0.6f, r * 0.5f, c);
        break;
    case PL_SPACE_FICTION:
        pc_round(g, cx - r * 0.7f, cy - r * 0.6f, r * 1.4f, r * 0.9f, r * 0.3f, c);
        pc_tri(g, cx - r * 0.3f, cy + r * 0.25f, cx, cy + r * 0.25f, cx - r * 0.45f, cy + r * 0.7f, c);
        break;
    case PL_SPACE_CHECK:
        pc_line(g, cx - r * 0.6f, cy, cx - r * 0.15f, cy + r * 0.45f, r * 0.25f, c);
        pc_line(g, cx - r * 0.15f, cy + r * 0.45f, cx + r * 0.65f, cy - r * 0.5f, r * 0.25f, c);
        break;
    case PL_SPACE_MILESTONE:
        pc_tri(g, cx, cy - r * 0.75f, cx + r * 0.6f, cy, cx - r * 0.6f, cy, c);
        pc_tri(g, cx, cy + r * 0.75f, cx + r * 0.6f, cy, cx - r * 0.6f, cy, c);
        break;
    case PL_SPACE_BRANCH:
        pc_line(g, cx, cy + r * 0.7f, cx, cy, r * 0.2f, c);
        pc_line(g, cx, cy, cx - r * 0.55f, cy - r * 0.6f, r * 0.2f, c);
        pc_line(g, cx, cy, cx + r * 0.55f, cy - r * 0.6f, r * 0.2f, c);
        break;
    case PL_SPACE_END: {
        float pts[20];
        for (int i = 0; i < 10; i++) {
            float t = -1.5708f + (float)i * 0.6283f, rr = (i & 1) ? r * 0.35f : r * 0.8f;
            pts[2 * i] = cx + cosf(t) * rr;
            pts[2 * i + 1] = cy + sinf(t) * rr;
        }
        for (int i = 0; i < 10; i++) {
            int j = (i + 1) % 10;
            pc_tri(g, cx, cy, pts[2 * i], pts[2 * i + 1], pts[2 * j], pts[2 * j + 1], c);
        }
        break;
    }
    default:
        pc_circle(g, cx, cy, r * 0.25f, c);
    }
}

void pc_draw_pawn(pc_gfx_t *g, float cx, float cy, float r, SDL_Color c, int highlight)
{
    if (highlight) pc_circle(g, cx, cy, r * 1.45f, pc_alpha(pc_rgb(PC_ACCENT), 150));
    pc_circle(g, cx + r * 0.12f, cy + r * 0.18f, r, pc_alpha(pc_rgb(0x000000u), 90));
    pc_circle(g, cx, cy, r, pc_rgb(0xFFFFFFu));
    pc_circle(g, cx, cy, r * 0.78f, c);
    pc_circle(g, cx - r * 0.25f, cy - r * 0.25f, r * 0.22f, pc_alpha(pc_rgb(0xFFFFFFu), 120));
}

void pc_draw_die(pc_gfx_t *g, float x, float y, float size, int value)
{
    static const int pip[7][6][2] = {
        {{0}}, {{1, 1}}, {{0, 0}, {2, 2}}, {{0, 0}, {1, 1}, {2, 2}},
        {{0, 0}, {2, 0}, {0, 2}, {2, 2}}, {{0, 0}, {2, 0}, {1, 1}, {0, 2}, {2, 2}},
        {{0, 0}, {2, 0}, {0, 1}, {2, 1}, {0, 2}, {2, 2}}};
    pc_round(g, x, y, size, size, size * 0.18f, pc_rgb(PC_PAPER));
    if (value >= 1 && value <= 6) {
        for (int i = 0; i < value; i++)
            pc_circle(g, x + size * (0.25f + 0.25f * pip[value][i][0]),
                      y + size * (0.25f + 0.25f * pip[value][i][1]), size * 0.09f, pc_rgb(PC_PAPER_INK));
    } else {
        char b[24];
        snprintf(b, sizeof b, "%d", value);
        pc_text(g, x + size / 2, y + size / 2, size * 0.5f, pc_rgb(PC_PAPER_INK),
                PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
    }
}

void pc_draw_gauge(pc_gfx_t *g, float x, float y, float w, float h, int value, int min, int max,
                   SDL_Color c)
{
    pc_round(g, x, y, w, h, h / 2, pc_rgb(0x18222Eu));
    float t = max > min ? (float)(value - min) / (float)(max - min) : 0;
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    if (t > 0) pc_round(g, x, y, (w - h) * t + h, h, h / 2, c);
}
