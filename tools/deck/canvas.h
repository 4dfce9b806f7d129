/* canvas.h -- plateau-deck's offscreen drawing with the client's code: an SDL software renderer on a surface, no window */
#ifndef DECK_CANVAS_H
#define DECK_CANVAS_H

#include <stddef.h>
#include "client/gfx.h"

typedef struct {
    SDL_Surface *surf;   /* RGBA pixels drawn into */
    SDL_Renderer *ren;   /* software renderer on surf */
    pc_gfx_t g;          /* the client's fonts, text cache and shapes, at the scale asked */
} deck_canvas_t;

/* Opens a w x h pixel canvas drawing s pixels per design unit with the design origin at pixel
 * (ox, oy); the fonts are the client's (fontconfig's DejaVu Sans). Needs no display. Returns 0,
 * or -1 with err filled (and nothing to close). Call deck_canvas_close when done. */
int deck_canvas_open(deck_canvas_t *c, int w, int h, float s, float ox, float oy, char *err, size_t errlen);
/* Frees what deck_canvas_open made; a canvas that failed to open or was zeroed is a no-op. */
void deck_canvas_close(deck_canvas_t *c);
/* Fills the canvas with the colour 0xRRGGBB. */
void deck_canvas_clear(deck_canvas_t *c, unsigned rgb);
/* Writes the canvas as a PNG at path: into a temporary file beside it, then renamed, so that a
 * failure leaves no partial picture. Returns 0, or -1 with err filled. */
int deck_canvas_save(deck_canvas_t *c, const char *path, char *err, size_t errlen);

/* The language of the client's own words on what is drawn ("Medium term"...): PL_LANG_*. */
void deck_canvas_lang(int lang);

#endif
