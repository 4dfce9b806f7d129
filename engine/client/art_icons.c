/* art_icons.c -- the built-in icons a package may give its counters and tokens, drawn in white on their colour disc */
#include <stdio.h>
#include <math.h>
#include <string.h>
#include "client/art.h"

static void poly(pc_gfx_t *g, const float *xy, int n, SDL_Color c)
{
    float cx = 0, cy = 0;
    for (int i = 0; i < n; i++) {
        cx += xy[2 * i];
        cy += xy[2 * i + 1];
    }
    cx /= n;
    cy /= n;
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        pc_tri(g, cx, cy, xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1], c);
    }
}

static void star(pc_gfx_t *g, float cx, float cy, float ro, float ri, int points, SDL_Color c)
{
    float pts[2 * 20];
    int n = points * 2 > 20 ? 20 : points * 2;
    for (int i = 0; i < n; i++) {
        float t = -1.5708f + (float)i * 3.14159265f / (float)points, rr = (i & 1) ? ri : ro;
        pts[2 * i] = cx + cosf(t) * rr;
        pts[2 * i + 1] = cy + sinf(t) * rr;
    }
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        pc_tri(g, cx, cy, pts[2 * i], pts[2 * i + 1], pts[2 * j], pts[2 * j + 1], c);
    }
}

void pc_draw_icon(pc_gfx_t *g, int icon, SDL_Color bg, const char *initial, float cx, float cy, float r)
{
    SDL_Color w = pc_rgb(0xFFFFFFu);
    char note[48];
    int nn = snprintf(note, sizeof note, "[icon %d %s]", icon, initial ? initial : "");
    pc_gfx_note(g, note, nn > 0 && (size_t)nn < sizeof note ? (size_t)nn : 0);
    pc_circle(g, cx, cy, r, bg);
    switch (icon) {
    case PL_ICON_LEAF: { /* a vesica tilted 45 degrees, with its vein */
        float pts[2 * 24];
        for (int i = 0; i < 24; i++) {
            float t = (float)i / 24 * 6.2831853f;
            float lx = cosf(t) * r * 0.62f, ly = sinf(t) * r * 0.32f * (1.0f - 0.15f * cosf(t));
            float a = -0.785f;
            pts[2 * i] = cx + lx * cosf(a) - ly * sinf(a);
            pts[2 * i + 1] = cy + lx * sinf(a) + ly * cosf(a);
        }
        poly(g, pts, 24, w);
        pc_line(g, cx - r * 0.5f, cy + r * 0.5f, cx + r * 0.3f, cy - r * 0.3f, r * 0.1f, bg);
        break;
    }
    case PL_ICON_PEOPLE:
        pc_circle(g, cx - r * 0.28f, cy - r * 0.25f, r * 0.2f, w);
        pc_circle(g, cx + r * 0.28f, cy - r * 0.25f, r * 0.2f, w);
        pc_arc(g, cx - r * 0.28f, cy + r * 0.45f, r * 0.36f, r * 0.36f, 3.1416f, 6.2832f, w);
        pc_arc(g, cx + r * 0.28f, cy + r * 0.45f, r * 0.36f, r * 0.36f, 3.1416f, 6.2832f, w);
        break;
    case PL_ICON_SHOP:
        pc_tri(g, cx - r * 0.6f, cy - r * 0.05f, cx, cy - r * 0.6f, cx + r * 0.6f, cy - r * 0.05f, w);
        pc_fill(g, cx - r * 0.45f, cy - r * 0.05f, r * 0.9f, r * 0.55f, w);
        pc_fill(g, cx - r * 0.12f, cy + r * 0.15f, r * 0.24f, r * 0.35f, bg);
        break;
    case PL_ICON_COIN:
        pc_ring(g, cx, cy, r * 0.62f, r * 0.12f, w);
        pc_text(g, cx, cy, r * 0.8f, w, PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, "\xE2\x82\xAC");
        break;
    case PL_ICON_CLOCK:
        pc_ring(g, cx, cy, r * 0.62f, r * 0.13f, w);
        pc_line(g, cx, cy, cx, cy - r * 0.4f, r * 0.12f, w);
        pc_line(g, cx, cy, cx + r * 0.3f, cy + r * 0.1f, r * 0.12f, w);
        break;
    case PL_ICON_STAR:
        star(g, cx, cy + r * 0.04f, r * 0.66f, r * 0.28f, 5, w);
        break;
    case PL_ICON_HEART:
        pc_circle(g, cx - r * 0.25f, cy - r * 0.15f, r * 0.28f, w);
        pc_circle(g, cx + r * 0.25f, cy - r * 0.15f, r * 0.28f, w);
        pc_tri(g, cx - r * 0.52f, cy - r * 0.05f, cx + r * 0.52f, cy - r * 0.05f, cx, cy + r * 0.6f, w);
        break;
    case PL_ICON_GEAR:
        star(g, cx, cy, r * 0.66f, r * 0.5f, 8, w);
        pc_circle(g, cx, cy, r * 0.22f, bg);
        break;
    case PL_ICON_SCALE:
        pc_line(g, cx, cy - r * 0.55f, cx, cy + r * 0.45f, r * 0.12f, w);
        pc_line(g, cx - r * 0.55f, cy - r * 0.35f, cx + r * 0.55f, cy - r * 0.35f, r * 0.1f, w);
        pc_tri(g, cx - r * 0.75f, cy + r * 0.1f, cx - r * 0.35f, cy + r * 0.1f, cx - r * 0.55f, cy - r * 0.35f, w);
        pc_tri(g, cx + r * 0.35f, cy + r * 0.1f, cx + r * 0.75f, cy + r * 0.1f, cx + r * 0.55f, cy - r * 0.35f, w);
        pc_fill(g, cx - r * 0.3f, cy + r * 0.42f, r * 0.6f, r * 0.12f, w);
        break;
    case PL_ICON_FLAG:
        pc_line(g, cx - r * 0.4f, cy - r * 0.6f, cx - r * 0.4f, cy + r * 0.6f, r * 0.12f, w);
        pc_tri(g, cx - r * 0.4f, cy - r * 0.6f, cx + r * 0.55f, cy - r * 0.33f, cx - r * 0.4f, cy - r * 0.05f, w);
        break;
    case PL_ICON_HOUSE:
        pc_tri(g, cx - r * 0.62f, cy, cx, cy - r * 0.62f, cx + r * 0.62f, cy, w);
        pc_fill(g, cx - r * 0.42f, cy, r * 0.84f, r * 0.52f, w);
        pc_fill(g, cx - r * 0.1f, cy + r * 0.2f, r * 0.2f, r * 0.32f, bg);
        break;
    case PL_ICON_DROP:
        pc_circle(g, cx, cy + r * 0.15f, r * 0.4f, w);
        pc_tri(g, cx - r * 0.38f, cy + r * 0.05f, cx + r * 0.38f, cy + r * 0.05f, cx, cy - r * 0.62f, w);
        break;
    case PL_ICON_BOLT:
        pc_tri(g, cx + r * 0.2f, cy - r * 0.7f, cx - r * 0.45f, cy + r * 0.1f, cx + r * 0.05f, cy + r * 0.1f, w);
        pc_tri(g, cx - r * 0.05f, cy - r * 0.1f, cx + r * 0.45f, cy - r * 0.1f, cx - r * 0.2f, cy + r * 0.7f, w);
        break;
    case PL_ICON_BOOK:
        pc_fill(g, cx - r * 0.58f, cy - r * 0.42f, r * 0.52f, r * 0.8f, w);
        pc_fill(g, cx + r * 0.06f, cy - r * 0.42f, r * 0.52f, r * 0.8f, w);
        pc_line(g, cx - r * 0.45f, cy - r * 0.2f, cx - r * 0.15f, cy - r * 0.2f, r * 0.07f, bg);
        pc_line(g, cx + r * 0.18f, cy - r * 0.2f, cx + r * 0.48f, cy - r * 0.2f, r * 0.07f, bg);
        break;
    case PL_ICON_SHIELD:
        pc_fill(g, cx - r * 0.5f, cy - r * 0.55f, r, r * 0.5f, w);
        pc_tri(g, cx - r * 0.5f, cy - r * 0.06f, cx + r * 0.5f, cy - r * 0.06f, cx, cy + r * 0.65f, w);
        break;
    case PL_ICON_KEY:
        pc_ring(g, cx - r * 0.3f, cy, r * 0.26f, r * 0.12f, w);
        pc_line(g, cx - r * 0.05f, cy, cx + r * 0.62f, cy, r * 0.13f, w);
        pc_line(g, cx + r * 0.45f, cy, cx + r * 0.45f, cy + r * 0.25f, r * 0.12f, w);
        pc_line(g, cx + r * 0.25f, cy, cx + r * 0.25f, cy + r * 0.2f, r * 0.12f, w);
        break;
    default: { /* no icon: the first letter of the label */
        char first[8] = "";
        if (initial && *initial) {
            size_t n = 1;
            while (n < 4 && ((unsigned char)initial[n] & 0xC0) == 0x80)
                n++;
            memcpy(first, initial, n);
            first[n] = 0;
        }
        pc_text(g, cx, cy, r * 1.05f, w, PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, first);
        break;
    }
    }
}
