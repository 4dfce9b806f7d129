/* gfx_text.c -- text drawing with a cache of rendered lines (unchanged text is never re-rendered) */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "client/gfx.h"

struct pc_tc_entry {
    pc_tc_entry_t *next;
    uint32_t hash;
    char *text;
    int px, bold;
    SDL_Color c;
    SDL_Texture *tex;
    int w, h;
    unsigned last;
};

#define MAX_LINES 64
#define KEEP_FRAMES 120u
#define SOFT_LIMIT 1500

static uint32_t key_hash(const char *s, size_t n, int px, int bold, SDL_Color c)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    h = (h ^ (uint32_t)px) * 16777619u;
    h = (h ^ (uint32_t)bold) * 16777619u;
    h = (h ^ ((uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a)) * 16777619u;
    return h;
}

static void free_entry(pc_tc_entry_t *e)
{
    if (e->tex) SDL_DestroyTexture(e->tex);
    SDL_free(e->text);
    SDL_free(e);
}

void pc_gfx_flush(pc_gfx_t *g)
{
    if (!g->buckets) return;
    for (int i = 0; i < g->n_buckets; i++) {
        pc_tc_entry_t *e = g->buckets[i];
        while (e) {
            pc_tc_entry_t *n = e->next;
            free_entry(e);
            e = n;
        }
        g->buckets[i] = NULL;
    }
    g->n_entries = 0;
}

void pc_gfx_end_frame(pc_gfx_t *g)
{
    g->frame++;
    if (g->n_entries < SOFT_LIMIT) return;
    for (int i = 0; i < g->n_buckets; i++) {
        pc_tc_entry_t **pp = &g->buckets[i];
        while (*pp) {
            pc_tc_entry_t *e = *pp;
            if (g->frame - e->last > KEEP_FRAMES) {
                *pp = e->next;
                free_entry(e);
                g->n_entries--;
            } else {
                pp = &e->next;
            }
        }
    }
}

/* the cached texture of one line of text; NULL for an empty line or on failure */
static pc_tc_entry_t *line_entry(pc_gfx_t *g, const char *s, size_t n, float size, int bold, SDL_Color c)
{
    if (n == 0) return NULL;
    int px = pc_gfx_px(g, size);
    uint32_t h = key_hash(s, n, px, bold, c);
    pc_tc_entry_t **b = &g->buckets[h % (uint32_t)g->n_buckets];
    for (pc_tc_entry_t *e = *b; e; e = e->next) {
        if (e->hash == h && e->px == px && e->bold == bold && e->c.r == c.r && e->c.g == c.g &&
            e->c.b == c.b && e->c.a == c.a && strncmp(e->text, s, n) == 0 && e->text[n] == 0) {
            e->last = g->frame;
            g->hits++;
            return e;
        }
    }
    TTF_Font *f = pc_gfx_font(g, size, bold);
    if (!f) return NULL;
    char *t = SDL_malloc(n + 1);
    if (!t) return NULL;
    memcpy(t, s, n);
    t[n] = 0;
    SDL_Color opaque = {c.r, c.g, c.b, 255};
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, t, opaque);
    if (!surf) {
        SDL_free(t);
        return NULL;
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(g->ren, surf);
    pc_tc_entry_t *e = SDL_calloc(1, sizeof *e);
    if (!tex || !e) {
        if (tex) SDL_DestroyTexture(tex);
        SDL_free(e);
        SDL_free(t);
        SDL_FreeSurface(surf);
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    if (c.a != 255) SDL_SetTextureAlphaMod(tex, c.a);
    e->hash = h;
    e->text = t;
    e->px = px;
    e->bold = bold;
    e->c = c;
    e->tex = tex;
    e->w = surf->w;
    e->h = surf->h;
    e->last = g->frame;
    e->next = *b;
    *b = e;
    g->n_entries++;
    g->renders++;
    SDL_FreeSurface(surf);
    return e;
}

float pc_line_height(pc_gfx_t *g, float size, int bold)
{
    TTF_Font *f = pc_gfx_font(g, size, bold);
    if (!f) return size;
    return TTF_FontLineSkip(f) / g->s;
}

static float measure(pc_gfx_t *g, TTF_Font *f, const char *s, size_t n)
{
    char buf[1024];
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = 0;
    int w = 0, h = 0;
    if (n == 0 || TTF_SizeUTF8(f, buf, &w, &h) != 0) return 0;
    return (float)w;
}

float pc_text_width(pc_gfx_t *g, float size, int bold, const char *s)
{
    TTF_Font *f = pc_gfx_font(g, size, bold);
    if (!f || !s) return 0;
    return measure(g, f, s, strlen(s)) / g->s;
}

static void draw_entry(pc_gfx_t *g, pc_tc_entry_t *e, float x, float y, int flags)
{
    float w = e->w / g->s, h = e->h / g->s;
    if (flags & PC_T_CENTER) x -= w / 2;
    else if (flags & PC_T_RIGHT) x -= w;
    if (flags & PC_T_MIDDLE) y -= h / 2;
    SDL_FRect dst = {g->ox + x * g->s, g->oy + y * g->s, (float)e->w, (float)e->h};
    dst.x = (float)(int)(dst.x + 0.5f); /* whole pixels keep glyphs crisp */
    dst.y = (float)(int)(dst.y + 0.5f);
    SDL_RenderCopyF(g->ren, e->tex, NULL, &dst);
}

void pc_gfx_begin_frame(pc_gfx_t *g)
{
    g->drawn_len = 0;
    if (g->drawn)
        g->drawn[0] = 0;
    g->n_tips = 0;
}

void pc_gfx_note(pc_gfx_t *g, const char *s, size_t n)
{
    if (!g->record)
        return;
    if (g->drawn_len + n + 2 > g->drawn_cap) {
        size_t cap = g->drawn_cap ? g->drawn_cap : 4096;
        while (cap < g->drawn_len + n + 2)
            cap *= 2;
        char *p = SDL_realloc(g->drawn, cap);
        if (!p)
            return;
        g->drawn = p;
        g->drawn_cap = cap;
    }
    memcpy(g->drawn + g->drawn_len, s, n);
    g->drawn_len += n;
    g->drawn[g->drawn_len++] = '\n';
    g->drawn[g->drawn_len] = 0;
}

int pc_gfx_drew(const pc_gfx_t *g, const char *s)
{
    return g->drawn && s && strstr(g->drawn, s) != NULL;
}

void pc_gfx_tip(pc_gfx_t *g, float x, float y, float w, float h, const char *text)
{
    if (g->n_tips >= (int)(sizeof g->tips / sizeof g->tips[0]) || !text || !*text)
        return;
    g->tips[g->n_tips].x = x;
    g->tips[g->n_tips].y = y;
    g->tips[g->n_tips].w = w;
    g->tips[g->n_tips].h = h;
    snprintf(g->tips[g->n_tips].text, sizeof g->tips[0].text, "%s", text);
    g->n_tips++;
}

const char *pc_gfx_tip_at(const pc_gfx_t *g, float x, float y)
{
    for (int i = g->n_tips - 1; i >= 0; i--)
        if (x >= g->tips[i].x && x < g->tips[i].x + g->tips[i].w && y >= g->tips[i].y && y < g->tips[i].y + g->tips[i].h)
            return g->tips[i].text;
    return NULL;
}

float pc_text(pc_gfx_t *g, float x, float y, float size, SDL_Color c, int flags, const char *s)
{
    if (!s || !*s) return 0;
    pc_gfx_note(g, s, strlen(s));
    pc_tc_entry_t *e = line_entry(g, s, strlen(s), size, flags & PC_T_BOLD ? 1 : 0, c);
    if (!e) return 0;
    draw_entry(g, e, x, y, flags);
    return e->w / g->s;
}

typedef struct {
    int start, len;
} line_t;

/* greedy word wrap in pixels; explicit newlines break lines */
static int wrap(pc_gfx_t *g, TTF_Font *f, const char *s, float maxw_px, line_t *lines, int cap,
                int *overflow)
{
    int n = 0;
    int i = 0, len = (int)strlen(s);
    if (overflow) *overflow = 0;
    while (i <= len && n < cap) {
        int ls = i, le = i; /* current line [ls, le) */
        int j = i;
        for (;;) {
            /* next word [ws, we) */
            int ws = j;
            while (ws < len && s[ws] == ' ') ws++;
            int we = ws;
            while (we < len && s[we] != ' ' && s[we] != '\n') we++;
            if (measure(g, f, s + ls, (size_t)(we - ls)) <= maxw_px || le == ls) {
                if (le == ls && measure(g, f, s + ls, (size_t)(we - ls)) > maxw_px && overflow)
                    *overflow = 1;
                le = we;
                j = we;
                if (j >= len || s[j] == '\n') break;
            } else {
                break;
            }
        }
        lines[n].start = ls;
        lines[n].len = le - ls;
        n++;
        i = le;
        while (i < len && s[i] == ' ') i++;
        if (i < len && s[i] == '\n') i++;
        else if (i >= len) break;
    }
    return n;
}

int pc_text_lines(pc_gfx_t *g, const char *s, float size, int bold, float w, int *overflow)
{
    line_t lines[MAX_LINES];
    TTF_Font *f = pc_gfx_font(g, size, bold);
    if (!f || !s) return 0;
    return wrap(g, f, s, w * g->s, lines, MAX_LINES, overflow);
}

int pc_text_wrap_lines(pc_gfx_t *g, const char *s, float size, int bold, float w, int *start, int *len, int cap)
{
    line_t lines[MAX_LINES];
    TTF_Font *f = pc_gfx_font(g, size, bold);
    if (!f || !s) return 0;
    int n = wrap(g, f, s, w * g->s, lines, MAX_LINES, NULL);
    if (n > cap) n = cap;
    for (int i = 0; i < n; i++) {
        start[i] = lines[i].start;
        len[i] = lines[i].len;
    }
    return n;
}

/* results of pc_text_fit, which measures many sizes: keyed by the text and every parameter */
typedef struct {
    uint32_t hash;
    float size, min_size, w, h, s, scale, result;
    int bold, used;
} fit_memo_t;
static fit_memo_t fit_memo[512];

static float text_fit_measure(pc_gfx_t *g, const char *s, float size, float min_size, int bold, float w, float h);

float pc_text_fit(pc_gfx_t *g, const char *s, float size, float min_size, int bold, float w, float h)
{
    if (!s) return 0;
    uint32_t hs = key_hash(s, strlen(s), (int)(size * 64), bold, (SDL_Color){0, 0, 0, 0});
    fit_memo_t *m = &fit_memo[(hs ^ (uint32_t)(w * 16) ^ ((uint32_t)(h * 16) << 7)) % 512u];
    if (m->used && m->hash == hs && m->size == size && m->min_size == min_size && m->w == w && m->h == h &&
        m->s == g->s && m->scale == g->text_scale && m->bold == bold)
        return m->result;
    float r = text_fit_measure(g, s, size, min_size, bold, w, h);
    m->used = 1;
    m->hash = hs;
    m->size = size;
    m->min_size = min_size;
    m->w = w;
    m->h = h;
    m->s = g->s;
    m->scale = g->text_scale;
    m->bold = bold;
    m->result = r;
    return r;
}

static float text_fit_measure(pc_gfx_t *g, const char *s, float size, float min_size, int bold, float w, float h)
{
    /* a larger text setting may give back its extra size when the box is full, not more */
    if (g->text_scale > 1.0f) min_size /= g->text_scale;
    for (float sz = size; sz >= min_size - 0.01f; sz -= 0.25f) {
        int over = 0;
        int n = pc_text_lines(g, s, sz, bold, w, &over);
        if (!over && n * pc_line_height(g, sz, bold) <= h + 0.01f) return sz;
    }
    return 0;
}

float pc_text_box(pc_gfx_t *g, float x, float y, float w, float size, SDL_Color c, int flags,
                  const char *s)
{
    line_t lines[MAX_LINES];
    int bold = flags & PC_T_BOLD ? 1 : 0;
    TTF_Font *f = pc_gfx_font(g, size, bold);
    if (!f || !s) return 0;
    int n = wrap(g, f, s, w * g->s, lines, MAX_LINES, NULL);
    float lh = TTF_FontLineSkip(f) / g->s;
    pc_gfx_note(g, s, strlen(s)); /* the whole text, as a reader takes it in */
    for (int i = 0; i < n; i++) {
        pc_tc_entry_t *e = line_entry(g, s + lines[i].start, (size_t)lines[i].len, size, bold, c);
        if (!e) continue;
        if (flags & PC_T_CENTER) draw_entry(g, e, x + w / 2, y + i * lh, PC_T_CENTER);
        else draw_entry(g, e, x, y + i * lh, 0);
    }
    return n * lh;
}

float pc_text_clip(pc_gfx_t *g, float x, float y, float size, SDL_Color c, int flags, const char *s,
                   float maxw)
{
    char buf[512];
    if (!s || !*s) return 0;
    int bold = flags & PC_T_BOLD ? 1 : 0;
    if (pc_text_width(g, size, bold, s) <= maxw) return pc_text(g, x, y, size, c, flags, s);
    size_t n = strlen(s);
    if (n > sizeof buf - 4) n = sizeof buf - 4;
    memcpy(buf, s, n);
    buf[n] = 0;
    /* whole words first: the cut falls after the last word that fits */
    size_t cut = 0;
    char tmp[sizeof buf];
    for (size_t i = 1; i < n; i++) {
        int space = buf[i] == ' ' || ((unsigned char)buf[i] == 0xC2 && (unsigned char)buf[i + 1] == 0xA0);
        if (!space)
            continue;
        size_t end = i;
        while (end > 0 && buf[end - 1] == ' ')
            end--;
        if (end == 0)
            continue;
        memcpy(tmp, buf, end);
        memcpy(tmp + end, "\xE2\x80\xA6", 4);
        if (pc_text_width(g, size, bold, tmp) > maxw)
            break;
        cut = end;
    }
    if (cut > 0) {
        n = cut;
        memcpy(buf + n, "\xE2\x80\xA6", 4);
    } else {
        while (n > 0) { /* a single word too long for its place: cut inside it */
            do n--; while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80);
            while (n > 0 && buf[n - 1] == ' ') n--;
            memcpy(buf + n, "\xE2\x80\xA6", 4); /* … */
            if (pc_text_width(g, size, bold, buf) <= maxw) break;
        }
    }
    float w = pc_text(g, x, y, size, c, flags, buf);
    { /* shown whole on hover */
        float lh = pc_line_height(g, size, bold);
        float left = flags & PC_T_CENTER ? x - w / 2 : flags & PC_T_RIGHT ? x - w : x;
        float top = flags & PC_T_MIDDLE ? y - lh / 2 : y;
        pc_gfx_tip(g, left, top, w, lh, s);
    }
    return w;
}
