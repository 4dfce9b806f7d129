/* canvas.c -- plateau-deck's offscreen drawing: the client's gfx on an SDL software renderer, written out as PNG */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL_image.h>
#include "client/i18n.h"
#include "canvas.h"

int deck_canvas_open(deck_canvas_t *c, int w, int h, float s, float ox, float oy, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    /* no window: a software renderer needs no video driver, but SDL is told not to look for one */
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    if (!c->surf) {
        snprintf(err, errlen, "%s", SDL_GetError());
        return -1;
    }
    c->ren = SDL_CreateSoftwareRenderer(c->surf);
    if (!c->ren) {
        snprintf(err, errlen, "%s", SDL_GetError());
        SDL_FreeSurface(c->surf);
        c->surf = NULL;
        return -1;
    }
    SDL_SetRenderDrawBlendMode(c->ren, SDL_BLENDMODE_BLEND);
    if (!pc_gfx_init(&c->g, c->ren, NULL, err, errlen)) {
        pc_gfx_fini(&c->g);
        SDL_DestroyRenderer(c->ren);
        SDL_FreeSurface(c->surf);
        memset(c, 0, sizeof *c);
        return -1;
    }
    pc_gfx_set_view(&c->g, s, ox, oy);
    return 0;
}

void deck_canvas_close(deck_canvas_t *c)
{
    if (!c || !c->ren)
        return;
    pc_gfx_fini(&c->g);
    SDL_free(c->g.drawn);
    SDL_DestroyRenderer(c->ren);
    SDL_FreeSurface(c->surf);
    memset(c, 0, sizeof *c);
}

void deck_canvas_clear(deck_canvas_t *c, unsigned rgb)
{
    SDL_SetRenderDrawColor(c->ren, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
    SDL_RenderClear(c->ren);
}

int deck_canvas_save(deck_canvas_t *c, const char *path, char *err, size_t errlen)
{
    SDL_RenderPresent(c->ren); /* the software renderer has drawn into the surface */
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
    int rc = 0;
    if (IMG_SavePNG(c->surf, tmp) != 0) {
        snprintf(err, errlen, "%s", SDL_GetError());
        rc = -1;
    } else if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        rc = -1;
    }
    if (rc)
        unlink(tmp);
    free(tmp);
    return rc;
}

void deck_canvas_lang(int lang)
{
    pc_i18n_set_lang(lang);
}
