/* gfx.h -- drawing in design units (1280x720 scaled to the window): shapes, fonts, cached text */
#ifndef PC_GFX_H
#define PC_GFX_H

#include <SDL.h>
#include <SDL_ttf.h>

#define PC_DESIGN_W 1280
#define PC_DESIGN_H 720
#define PC_MAX_FONT_PX 256

enum {
    PC_T_BOLD = 1,     /* bold face */
    PC_T_CENTER = 2,   /* x is the centre */
    PC_T_RIGHT = 4,    /* x is the right edge */
    PC_T_MIDDLE = 8    /* y is the vertical centre */
};

typedef struct pc_tc_entry pc_tc_entry_t;

#define PC_MAX_IMAGES 32

typedef struct {
    SDL_Renderer *ren;
    char font_path[1024], bold_path[1024];
    TTF_Font *fonts[2][PC_MAX_FONT_PX + 1]; /* by face (0 regular, 1 bold) and pixel size */
    float s;           /* pixels per design unit */
    float ox, oy;      /* pixel offset of the design area */
    int win_w, win_h;  /* output size in pixels */
    float text_scale;  /* user setting: 0.9 small, 1 normal, 1.2 large */
    /* text cache: open hash of rendered lines */
    pc_tc_entry_t **buckets;
    int n_buckets, n_entries;
    unsigned frame;
    unsigned long renders, hits; /* lines rendered by SDL_ttf / served from the cache */
    /* what the last frame drew, for tests: every text line, "[icon N]" and "[image FILE]", each
     * ending in '\n' (kept only while record is set) */
    int record;
    char *drawn;
    size_t drawn_len, drawn_cap;
    /* words shown where the pointer rests in the last frame: texts cut to fit, whole; icons, named */
    struct { float x, y, w, h; char text[256]; } tips[48];
    int n_tips;
    /* images loaded from game packages (icons), by path */
    struct { char path[512]; SDL_Texture *tex; int failed; } images[PC_MAX_IMAGES];
    int n_images;
} pc_gfx_t;

/* Find the fonts (font_override if not NULL, else fontconfig "DejaVu Sans", else known paths).
 * Returns 0 and fills err on failure. The renderer stays owned by the caller. */
int pc_gfx_init(pc_gfx_t *g, SDL_Renderer *ren, const char *font_override, char *err, size_t errlen);
void pc_gfx_fini(pc_gfx_t *g);
/* Recompute the scale from the output size; call when the window size changes. */
void pc_gfx_resize(pc_gfx_t *g);
/* Draw at s pixels per design unit with the design origin at pixel (ox, oy), in place of fitting
 * the 1280x720 design into the output (offscreen pictures: one card at the size of a given window).
 * Kept until the next pc_gfx_resize. */
void pc_gfx_set_view(pc_gfx_t *g, float s, float ox, float oy);
/* Mark a frame's end: cached lines unused for a while are freed. */
void pc_gfx_end_frame(pc_gfx_t *g);
/* Start a frame: forget what the last one drew and cut. */
void pc_gfx_begin_frame(pc_gfx_t *g);
/* Note something drawn (only while g->record): a text, "[icon N]"... */
void pc_gfx_note(pc_gfx_t *g, const char *s, size_t n);
/* Whether the last frame drew a text containing s. */
int pc_gfx_drew(const pc_gfx_t *g, const char *s);
/* Words to show when the pointer rests on the box (design units) in this frame. */
void pc_gfx_tip(pc_gfx_t *g, float x, float y, float w, float h, const char *text);
/* The words for the design point (x, y) in the last frame (the last box drawn wins), or NULL. */
const char *pc_gfx_tip_at(const pc_gfx_t *g, float x, float y);
/* Drop every cached line (language or text size changed). */
void pc_gfx_flush(pc_gfx_t *g);
/* A PNG as a texture, loaded once (NULL when it cannot be read: the caller draws without it). */
SDL_Texture *pc_gfx_image(pc_gfx_t *g, const char *path);
/* Draw an image centred on (cx, cy) fitting a square of side 2r (design units). */
void pc_image(pc_gfx_t *g, SDL_Texture *tex, float cx, float cy, float r);

/* The font for a design size (scaled and clamped); NULL when the font cannot be opened. */
TTF_Font *pc_gfx_font(pc_gfx_t *g, float size, int bold);
int pc_gfx_px(const pc_gfx_t *g, float size);

/* Shapes; coordinates and sizes in design units. */
void pc_fill(pc_gfx_t *g, float x, float y, float w, float h, SDL_Color c);
void pc_round(pc_gfx_t *g, float x, float y, float w, float h, float r, SDL_Color c);
void pc_frame(pc_gfx_t *g, float x, float y, float w, float h, float r, float t, SDL_Color c);
void pc_circle(pc_gfx_t *g, float cx, float cy, float r, SDL_Color c);
void pc_ring(pc_gfx_t *g, float cx, float cy, float r, float t, SDL_Color c);
void pc_tri(pc_gfx_t *g, float x1, float y1, float x2, float y2, float x3, float y3, SDL_Color c);
void pc_line(pc_gfx_t *g, float x1, float y1, float x2, float y2, float t, SDL_Color c);
void pc_arc(pc_gfx_t *g, float cx, float cy, float r, float t, float a0, float a1, SDL_Color c);

/* One line of text; returns its width in design units. */
float pc_text(pc_gfx_t *g, float x, float y, float size, SDL_Color c, int flags, const char *s);
float pc_text_width(pc_gfx_t *g, float size, int bold, const char *s);
/* One line that fits maxw: cut after its last whole word that fits, with an ellipsis (inside a
 * word only when its first word alone is too wide); a cut text is shown whole on hover
 * (pc_gfx_tip_at). Returns the width drawn. */
float pc_text_clip(pc_gfx_t *g, float x, float y, float size, SDL_Color c, int flags, const char *s,
                   float maxw);

/* Word-wrapped text within a box: returns the number of lines it takes at this size within
 * width w (design units), and sets *overflow when a single word is wider than the box. */
int pc_text_lines(pc_gfx_t *g, const char *s, float size, int bold, float w, int *overflow);
/* The lines word wrapping makes of s within w: line i is s[start[i]] for len[i] bytes; returns the count (at
 * most cap). */
int pc_text_wrap_lines(pc_gfx_t *g, const char *s, float size, int bold, float w, int *start, int *len, int cap);
/* Largest size in [min_size, size] whose wrapped layout fits w x h; returns it, or 0 when even
 * min_size does not fit. */
float pc_text_fit(pc_gfx_t *g, const char *s, float size, float min_size, int bold, float w, float h);
/* Draw wrapped text (flags: PC_T_BOLD, PC_T_CENTER centres each line in w); returns height used. */
float pc_text_box(pc_gfx_t *g, float x, float y, float w, float size, SDL_Color c, int flags,
                  const char *s);
float pc_line_height(pc_gfx_t *g, float size, int bold);

SDL_Color pc_rgb(unsigned hex);
SDL_Color pc_alpha(SDL_Color c, int a);
SDL_Color pc_mix(SDL_Color a, SDL_Color b, float t);

#endif
