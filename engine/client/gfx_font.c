/* gfx_font.c -- finds DejaVu Sans through fontconfig (or --font) and opens sizes on demand */
#include <stdio.h>
#include <string.h>
#include <fontconfig/fontconfig.h>
#include "client/gfx.h"

static int fc_find(const char *pattern, char *out, size_t len)
{
    int ok = 0;
    if (!FcInit()) return 0;
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (!pat) return 0;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *m = FcFontMatch(NULL, pat, &res);
    if (m) {
        FcChar8 *file = NULL;
        if (FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch && file) {
            snprintf(out, len, "%s", (const char *)file);
            ok = 1;
        }
        FcPatternDestroy(m);
    }
    FcPatternDestroy(pat);
    return ok;
}

static int readable(const char *p)
{
    FILE *f = fopen(p, "rb");
    if (!f) return 0;
    fclose(f);
    return 1;
}

int pc_gfx_init(pc_gfx_t *g, SDL_Renderer *ren, const char *font_override, char *err, size_t errlen)
{
    memset(g, 0, sizeof *g);
    g->ren = ren;
    g->text_scale = 1.0f;
    if (font_override && *font_override) {
        if (!readable(font_override)) {
            snprintf(err, errlen, "cannot read font %s", font_override);
            return 0;
        }
        snprintf(g->font_path, sizeof g->font_path, "%s", font_override);
        snprintf(g->bold_path, sizeof g->bold_path, "%s", font_override);
    } else {
        if (!fc_find("DejaVu Sans", g->font_path, sizeof g->font_path) || !readable(g->font_path))
            snprintf(g->font_path, sizeof g->font_path, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        if (!fc_find("DejaVu Sans:bold", g->bold_path, sizeof g->bold_path) || !readable(g->bold_path))
            snprintf(g->bold_path, sizeof g->bold_path, "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
        if (!readable(g->bold_path)) snprintf(g->bold_path, sizeof g->bold_path, "%s", g->font_path);
        if (!readable(g->font_path)) {
            snprintf(err, errlen, "no font found (install fonts-dejavu-core or pass --font FILE)");
            return 0;
        }
    }
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "TTF_Init: %s", TTF_GetError());
        return 0;
    }
    g->n_buckets = 1024;
    g->buckets = SDL_calloc((size_t)g->n_buckets, sizeof *g->buckets);
    if (!g->buckets) {
        snprintf(err, errlen, "out of memory");
        return 0;
    }
    pc_gfx_resize(g);
    if (!pc_gfx_font(g, 16, 0)) {
        snprintf(err, errlen, "cannot open font %s: %s", g->font_path, TTF_GetError());
        return 0;
    }
    return 1;
}

int pc_gfx_px(const pc_gfx_t *g, float size)
{
    int px = (int)(size * g->s * g->text_scale + 0.5f);
    if (px < 6) px = 6;
    if (px > PC_MAX_FONT_PX) px = PC_MAX_FONT_PX;
    return px;
}

TTF_Font *pc_gfx_font(pc_gfx_t *g, float size, int bold)
{
    int px = pc_gfx_px(g, size);
    bold = bold ? 1 : 0;
    if (!g->fonts[bold][px]) {
        g->fonts[bold][px] = TTF_OpenFont(bold ? g->bold_path : g->font_path, px);
        if (g->fonts[bold][px]) TTF_SetFontHinting(g->fonts[bold][px], TTF_HINTING_LIGHT);
    }
    return g->fonts[bold][px];
}

void pc_gfx_resize(pc_gfx_t *g)
{
    int w = PC_DESIGN_W, h = PC_DESIGN_H;
    if (g->ren) SDL_GetRendererOutputSize(g->ren, &w, &h);
    g->win_w = w;
    g->win_h = h;
    float sx = (float)w / PC_DESIGN_W, sy = (float)h / PC_DESIGN_H;
    g->s = sx < sy ? sx : sy;
    g->ox = (w - PC_DESIGN_W * g->s) / 2;
    g->oy = (h - PC_DESIGN_H * g->s) / 2;
}

void pc_gfx_set_view(pc_gfx_t *g, float s, float ox, float oy)
{
    g->s = s;
    g->ox = ox;
    g->oy = oy;
}

void pc_gfx_fini(pc_gfx_t *g)
{
    if (!g) return;
    FcFini(); /* fontconfig's caches: nothing of ours refers to them past the look-up */
    pc_gfx_flush(g);
    for (int i = 0; i < g->n_images; i++)
        if (g->images[i].tex)
            SDL_DestroyTexture(g->images[i].tex);
    g->n_images = 0;
    SDL_free(g->buckets);
    g->buckets = NULL;
    for (int b = 0; b < 2; b++)
        for (int i = 0; i <= PC_MAX_FONT_PX; i++)
            if (g->fonts[b][i]) {
                TTF_CloseFont(g->fonts[b][i]);
                g->fonts[b][i] = NULL;
            }
}
