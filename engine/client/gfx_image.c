/* gfx_image.c -- PNG images of game packages (icons) as textures, loaded once */
#include <stdio.h>
#include <string.h>
#include <SDL_image.h>
#include "client/gfx.h"

SDL_Texture *pc_gfx_image(pc_gfx_t *g, const char *path)
{
    if (!path || !*path)
        return NULL;
    for (int i = 0; i < g->n_images; i++)
        if (!strcmp(g->images[i].path, path))
            return g->images[i].failed ? NULL : g->images[i].tex;
    if (g->n_images == PC_MAX_IMAGES)
        return NULL;
    int k = g->n_images++;
    snprintf(g->images[k].path, sizeof g->images[k].path, "%s", path);
    SDL_Surface *s = IMG_Load(path);
    g->images[k].tex = s ? SDL_CreateTextureFromSurface(g->ren, s) : NULL;
    g->images[k].failed = g->images[k].tex == NULL;
    SDL_FreeSurface(s);
    return g->images[k].tex;
}

void pc_image(pc_gfx_t *g, SDL_Texture *tex, float cx, float cy, float r)
{
    int w, h;
    if (!tex || SDL_QueryTexture(tex, NULL, NULL, &w, &h) != 0 || w <= 0 || h <= 0)
        return;
    float side = 2 * r * g->s, k = (float)(w > h ? w : h);
    SDL_FRect dst = { g->ox + cx * g->s - side * (float)w / k / 2, g->oy + cy * g->s - side * (float)h / k / 2,
                      side * (float)w / k, side * (float)h / k };
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    SDL_RenderCopyF(g->ren, tex, NULL, &dst);
}
