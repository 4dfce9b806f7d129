/* gfx_shapes.c -- shapes in design units: rounded rectangles and discs as pixel rows, triangles and arcs as geometry */
#include <math.h>
#include "client/gfx.h"

#define PX(v) (g->ox + (v) * g->s)
#define PY(v) (g->oy + (v) * g->s)

SDL_Color pc_rgb(unsigned hex)
{
    SDL_Color c = {(Uint8)(hex >> 16), (Uint8)(hex >> 8), (Uint8)hex, 255};
    return c;
}

SDL_Color pc_alpha(SDL_Color c, int a)
{
    c.a = (Uint8)a;
    return c;
}

SDL_Color pc_mix(SDL_Color a, SDL_Color b, float t)
{
    SDL_Color c;
    c.r = (Uint8)(a.r + (b.r - a.r) * t);
    c.g = (Uint8)(a.g + (b.g - a.g) * t);
    c.b = (Uint8)(a.b + (b.b - a.b) * t);
    c.a = (Uint8)(a.a + (b.a - a.a) * t);
    return c;
}

static void set_color(pc_gfx_t *g, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(g->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(g->ren, c.r, c.g, c.b, c.a);
}

void pc_fill(pc_gfx_t *g, float x, float y, float w, float h, SDL_Color c)
{
    /* snap both edges to whole pixels so that adjacent rectangles leave no seam */
    int x0 = (int)SDL_floorf(PX(x) + 0.5f), x1 = (int)SDL_floorf(PX(x + w) + 0.5f);
    int y0 = (int)SDL_floorf(PY(y) + 0.5f), y1 = (int)SDL_floorf(PY(y + h) + 0.5f);
    if (x1 <= x0 || y1 <= y0) return;
    SDL_Rect r = {x0, y0, x1 - x0, y1 - y0};
    set_color(g, c);
    SDL_RenderFillRect(g->ren, &r);
}

static int segments(pc_gfx_t *g, float r)
{
    int n = (int)(r * g->s * 0.9f) + 8;
    return n > 96 ? 96 : n;
}

/* a fan of triangles from the centre over [a0, a1] radians, optional hole of radius r_in */
static void sector(pc_gfx_t *g, float cx, float cy, float r_in, float r_out, float a0, float a1,
                   SDL_Color c)
{
    SDL_Vertex v[4 * 96 + 8];
    int n = segments(g, r_out);
    int k = 0;
    float da = (a1 - a0) / n;
    for (int i = 0; i < n && k + 6 <= (int)(sizeof v / sizeof v[0]); i++) {
        float t0 = a0 + da * i, t1 = t0 + da;
        float ax = cx + cosf(t0) * r_out, ay = cy + sinf(t0) * r_out;
        float bx = cx + cosf(t1) * r_out, by = cy + sinf(t1) * r_out;
        float ix0 = cx + cosf(t0) * r_in, iy0 = cy + sinf(t0) * r_in;
        float ix1 = cx + cosf(t1) * r_in, iy1 = cy + sinf(t1) * r_in;
        SDL_FPoint p[6] = {{ix0, iy0}, {ax, ay}, {bx, by}, {ix0, iy0}, {bx, by}, {ix1, iy1}};
        int m = r_in > 0 ? 6 : 3;
        for (int j = 0; j < m; j++) {
            v[k].position.x = PX(p[j].x);
            v[k].position.y = PY(p[j].y);
            v[k].color = c;
            v[k].tex_coord.x = v[k].tex_coord.y = 0;
            k++;
        }
    }
    SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(g->ren, NULL, v, k, NULL, 0);
}

/* Scanline shapes: each pixel row is one rectangle, so shapes are pixel-exact, leave no seams
 * between parts, and blend every pixel once. */
#define MAX_ROWS 4096

typedef struct {
    SDL_Rect r[MAX_ROWS];
    int n;
} rows_t;

static void flush_rows(pc_gfx_t *g, rows_t *rw, SDL_Color c)
{
    if (rw->n) {
        set_color(g, c);
        SDL_RenderFillRects(g->ren, rw->r, rw->n);
    }
    rw->n = 0;
}

static void add_row(pc_gfx_t *g, rows_t *rw, SDL_Color c, int x0, int x1, int y)
{
    if (x1 <= x0) return;
    if (rw->n == MAX_ROWS) flush_rows(g, rw, c);
    SDL_Rect *r = &rw->r[rw->n++];
    r->x = x0;
    r->y = y;
    r->w = x1 - x0;
    r->h = 1;
}

/* half-width inset of a rounded rectangle's row y (pixels) with corner radius rad */
static float inset(float rad, float top, float bottom, float yc)
{
    float dy = 0;
    if (yc < top + rad) dy = top + rad - yc;
    else if (yc > bottom - rad) dy = yc - (bottom - rad);
    else return 0;
    if (dy > rad) return rad;
    return rad - SDL_sqrtf(rad * rad - dy * dy);
}

static rows_t rows_buf;

/* fill the rounded rectangle (outer) minus another (inner, may be empty) in pixel units */
static void round_px(pc_gfx_t *g, float X0, float Y0, float X1, float Y1, float R,
                     float iX0, float iY0, float iX1, float iY1, float iR, int has_inner, SDL_Color c)
{
    rows_t *rw = &rows_buf;
    rw->n = 0;
    int y0 = (int)SDL_floorf(Y0 + 0.5f), y1 = (int)SDL_floorf(Y1 + 0.5f);
    int full_from = -1, full_to = -1; /* rows without any inset: one rectangle */
    for (int y = y0; y < y1; y++) {
        float yc = y + 0.5f;
        float d = inset(R, Y0, Y1, yc);
        int a = (int)SDL_floorf(X0 + d + 0.5f), b = (int)SDL_floorf(X1 - d + 0.5f);
        if (has_inner && yc > iY0 && yc < iY1) {
            float di = inset(iR, iY0, iY1, yc);
            int ia = (int)SDL_floorf(iX0 + di + 0.5f), ib = (int)SDL_floorf(iX1 - di + 0.5f);
            add_row(g, rw, c, a, ia, y);
            add_row(g, rw, c, ib, b, y);
        } else if (d == 0 && !has_inner) {
            if (full_from < 0) full_from = y;
            full_to = y + 1;
        } else {
            add_row(g, rw, c, a, b, y);
        }
    }
    if (full_from >= 0) {
        if (rw->n == MAX_ROWS) flush_rows(g, rw, c);
        SDL_Rect *r = &rw->r[rw->n++];
        r->x = (int)SDL_floorf(X0 + 0.5f);
        r->y = full_from;
        r->w = (int)SDL_floorf(X1 + 0.5f) - r->x;
        r->h = full_to - full_from;
    }
    flush_rows(g, rw, c);
}

void pc_circle(pc_gfx_t *g, float cx, float cy, float r, SDL_Color c)
{
    float R = r * g->s;
    round_px(g, PX(cx) - R, PY(cy) - R, PX(cx) + R, PY(cy) + R, R, 0, 0, 0, 0, 0, 0, c);
}

void pc_ring(pc_gfx_t *g, float cx, float cy, float r, float t, SDL_Color c)
{
    float R = r * g->s, I = (r - t) * g->s;
    if (I <= 0) {
        pc_circle(g, cx, cy, r, c);
        return;
    }
    round_px(g, PX(cx) - R, PY(cy) - R, PX(cx) + R, PY(cy) + R, R, PX(cx) - I, PY(cy) - I, PX(cx) + I,
             PY(cy) + I, I, 1, c);
}

void pc_arc(pc_gfx_t *g, float cx, float cy, float r, float t, float a0, float a1, SDL_Color c)
{
    sector(g, cx, cy, r - t, r, a0, a1, c);
}

void pc_round(pc_gfx_t *g, float x, float y, float w, float h, float r, SDL_Color c)
{
    if (r * 2 > w) r = w / 2;
    if (r * 2 > h) r = h / 2;
    if (r < 0) r = 0;
    round_px(g, PX(x), PY(y), PX(x + w), PY(y + h), r * g->s, 0, 0, 0, 0, 0, 0, c);
}

void pc_frame(pc_gfx_t *g, float x, float y, float w, float h, float r, float t, SDL_Color c)
{
    if (r * 2 > w) r = w / 2;
    if (r * 2 > h) r = h / 2;
    float ri = r - t > 0 ? r - t : 0;
    round_px(g, PX(x), PY(y), PX(x + w), PY(y + h), r * g->s, PX(x + t), PY(y + t), PX(x + w - t),
             PY(y + h - t), ri * g->s, 1, c);
}

void pc_tri(pc_gfx_t *g, float x1, float y1, float x2, float y2, float x3, float y3, SDL_Color c)
{
    SDL_Vertex v[3] = {
        {{PX(x1), PY(y1)}, c, {0, 0}},
        {{PX(x2), PY(y2)}, c, {0, 0}},
        {{PX(x3), PY(y3)}, c, {0, 0}},
    };
    SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(g->ren, NULL, v, 3, NULL, 0);
}

void pc_line(pc_gfx_t *g, float x1, float y1, float x2, float y2, float t, SDL_Color c)
{
    float dx = x2 - x1, dy = y2 - y1;
    float len = sqrtf(dx * dx + dy * dy);
    if (len <= 0) return;
    float nx = -dy / len * t / 2, ny = dx / len * t / 2;
    pc_tri(g, x1 + nx, y1 + ny, x2 + nx, y2 + ny, x2 - nx, y2 - ny, c);
    pc_tri(g, x1 + nx, y1 + ny, x2 - nx, y2 - ny, x1 - nx, y1 - ny, c);
}
