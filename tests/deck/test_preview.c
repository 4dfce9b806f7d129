/* test_preview.c -- plateau-deck preview: each card's PNG has the pixels of the client's own detail view, a contact
 * sheet of the whole package; bad packages, card ids and folders refused in words */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <SDL_image.h>
#include "../client/helpers.h"
#include "deck_run.h"

static void setup(void) { tc_sdl_up(); }
static void teardown(void) { tc_sdl_down(); }

/* a pixel differs when |dR|+|dG|+|dB| passes this */
#define PIXEL_TOL 60

/* Pixels of rgb (w x h, RGB24) at (ox, oy) that differ from picture p (RGB24) in every stepth pixel. */
static long differ_by(const unsigned char *rgb, int w, int h, const SDL_Surface *p, int ox, int oy, int step, int tol)
{
    long bad = 0;
    for (int y = 0; y < p->h; y += step)
        for (int x = 0; x < p->w; x += step) {
            int fx = ox + x, fy = oy + y;
            if (fx < 0 || fy < 0 || fx >= w || fy >= h) {
                bad++;
                continue;
            }
            const unsigned char *a = rgb + ((size_t)fy * (size_t)w + (size_t)fx) * 3;
            const unsigned char *b = (const unsigned char *)p->pixels + (size_t)y * (size_t)p->pitch + (size_t)x * 3;
            if (abs(a[0] - b[0]) + abs(a[1] - b[1]) + abs(a[2] - b[2]) > tol)
                bad++;
        }
    return bad;
}

static long differ(const unsigned char *rgb, int w, int h, const SDL_Surface *p, int ox, int oy, int step)
{
    return differ_by(rgb, w, h, p, ox, oy, step, PIXEL_TOL);
}

/* The card of picture png found in the client's frame: the offset, searched around the detail view's place,
 * where the picture matches best; returns the pixels that still differ there (every one counted). */
static long best_match(const unsigned char *rgb, int w, int h, const SDL_Surface *p, int *bx, int *by)
{
    /* the detail view draws its card at (230, 90) of the 1280x720 design, 1.5 pixels a unit at 1920x1080; the
     * preview has a margin of 24 pixels: start there, and look around in case the view moved a little */
    int x0 = 345 - 24, y0 = 135 - 24;
    long best = -1;
    for (int dy = -60; dy <= 60; dy += 1)
        for (int dx = -60; dx <= 60; dx += 1) {
            long b = differ(rgb, w, h, p, x0 + dx, y0 + dy, 7);
            if (best < 0 || b < best) {
                best = b;
                *bx = x0 + dx;
                *by = y0 + dy;
            }
        }
    return differ(rgb, w, h, p, *bx, *by, 1);
}

/* The client shows card id in its detail view at 1920x1080; the preview of the same card must be that picture. */
static void compare_card(pc_app_t *a, const char *dir, const char *id, int lang)
{
    int card = pl_ruleset_card(a->session->rs, id);
    cr_assert_geq(card, 0, "no card %s", id);
    a->scr.detail_card = card;
    pc_app_draw(a);
    int w, h;
    unsigned char *rgb = pc_app_read_rgb(a, &w, &h);
    cr_assert(rgb && w == 1920 && h == 1080);
    char path[700];
    snprintf(path, sizeof path, "%s/%s.png", dir, id);
    SDL_Surface *raw = IMG_Load(path);
    cr_assert(raw, "%s was not written", path);
    SDL_Surface *p = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGB24, 0);
    SDL_FreeSurface(raw);
    cr_assert(p);
    cr_expect_eq(p->w, 498, "the card at the detail view's size (300 units at 1.5 pixels) and its margin");
    int bx = 0, by = 0;
    long bad = best_match(rgb, w, h, p, &bx, &by);
    long all = (long)p->w * p->h;
    /* the same drawing code on the same kind of renderer: the same pixels, but for a few of antialiasing */
    if (getenv("TD_VERBOSE")) /* the figures, for a report */
        fprintf(stderr, "%s: %ld of %ld pixels differ by more than %d, %ld at all, at %d,%d\n", id, bad, all, PIXEL_TOL,
                differ_by(rgb, w, h, p, bx, by, 1, 0), bx, by);
    cr_expect(bad * 500 <= all, "%s (%s): %ld of %ld pixels differ from the client's detail view (best at %d,%d)", id,
              lang == PL_LANG_EN ? "en" : "fr", bad, all, bx, by);
    cr_expect(bx == 321 && by == 111, "%s: the client's card was found at %d,%d, not where the detail view puts it", id,
              bx, by);
    SDL_FreeSurface(p);
    SDL_free(rgb);
}

static void preview_like_the_client(int lang)
{
    char *dir = td_tmp_dir();
    /* an action with costs, one with a choice, an event, a quote, a fiction prompt and a team dossier */
    const char *ids[] = { "a-spaser", "a-group", "ev-court", "vb-local", "fi-env", "ds-catering" };
    char args[1200], *out;
    snprintf(args, sizeof args, "preview " TC_FIXTURE " a-spaser a-group ev-court vb-local fi-env ds-catering --out %s --lang %s", dir, lang ? "en" : "fr");
    int st = td_run(args, &out);
    cr_assert_eq(st, 0, "%s", out);
    free(out);
    pc_app_t *a = tc_app(TC_FIXTURE, 1920, 1080, 2);
    cr_assert(a);
    pc_app_set_lang(a, lang);
    cr_assert(pc_app_stage(a, "detail"));
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
        compare_card(a, dir, ids[i], lang);
    pc_app_destroy(a);
    td_rm_tree(dir);
    free(dir);
}

Test(preview, each_card_is_the_clients_detail_view_french, .init = setup, .fini = teardown, .timeout = 120)
{
    preview_like_the_client(PL_LANG_FR);
}

Test(preview, each_card_is_the_clients_detail_view_english, .init = setup, .fini = teardown, .timeout = 120)
{
    preview_like_the_client(PL_LANG_EN);
}

/* A picture differs from another card's: the comparison above can fail. */
Test(preview, two_cards_do_not_look_alike, .init = setup, .fini = teardown, .timeout = 60)
{
    char *dir = td_tmp_dir();
    char args[1200], *out;
    snprintf(args, sizeof args, "preview " TC_FIXTURE " a-spaser a-group --out %s", dir);
    cr_assert_eq(td_run(args, &out), 0, "%s", out);
    free(out);
    char p1[700], p2[700];
    snprintf(p1, sizeof p1, "%s/a-spaser.png", dir);
    snprintf(p2, sizeof p2, "%s/a-group.png", dir);
    SDL_Surface *r1 = IMG_Load(p1), *r2 = IMG_Load(p2);
    cr_assert(r1 && r2);
    SDL_Surface *s1 = SDL_ConvertSurfaceFormat(r1, SDL_PIXELFORMAT_RGB24, 0);
    SDL_Surface *s2 = SDL_ConvertSurfaceFormat(r2, SDL_PIXELFORMAT_RGB24, 0);
    cr_assert(s1 && s2 && s1->w == s2->w && s1->h == s2->h);
    long bad = differ((const unsigned char *)s1->pixels, s1->w, s1->h, s2, 0, 0, 1);
    cr_expect(bad * 50 > (long)s1->w * s1->h, "two cards look alike (%ld pixels differ)", bad);
    SDL_FreeSurface(r1);
    SDL_FreeSurface(r2);
    SDL_FreeSurface(s1);
    SDL_FreeSurface(s2);
    td_rm_tree(dir);
    free(dir);
}

static int count_png(const char *dir)
{
    DIR *dp = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (dp && (e = readdir(dp)) != NULL) {
        size_t len = strlen(e->d_name);
        n += len > 4 && !strcmp(e->d_name + len - 4, ".png");
    }
    if (dp)
        closedir(dp);
    return n;
}

Test(preview, every_card_and_a_contact_sheet, .init = setup, .fini = teardown, .timeout = 120)
{
    char *dir = td_tmp_dir();
    char args[1200], sub[700], *out;
    snprintf(sub, sizeof sub, "%s/new/folder", dir); /* made when missing */
    snprintf(args, sizeof args, "preview game-data/example-minimal --out %s", sub);
    int st = td_run(args, &out);
    cr_expect_eq(st, 0, "%s", out);
    cr_expect(strstr(out, "37 cartes") != NULL, "the count in French: %s", out);
    cr_expect(strstr(out, "/new/folder/contact.png") != NULL, "%s", out);
    free(out);
    cr_expect_eq(count_png(sub), 37 + 1, "one picture per card and the contact sheet");
    char p[800];
    snprintf(p, sizeof p, "%s/contact.png", sub);
    SDL_Surface *s = IMG_Load(p);
    cr_assert(s, "no contact sheet");
    /* ten cards a row: the 12 actions take two rows, each of the six other decks one */
    cr_expect_gt(s->h, 8 * 261, "every row of cards is on the sheet (%d pixels high)", s->h);
    SDL_FreeSurface(s);
    td_rm_tree(dir);
    free(dir);
}

Test(preview, bad_input_is_refused_in_words)
{
    char *dir = td_tmp_dir(), args[1200], *out;
    /* an invalid package: its errors as file:line, nothing written */
    snprintf(args, sizeof args, "preview tests/fixtures/dangling-refs --out %s --lang en", dir);
    cr_expect_eq(td_run(args, &out), 1, "%s", out);
    cr_expect(strstr(out, "tests/fixtures/dangling-refs/") && strstr(out, ": error: "), "%s", out);
    cr_expect(strstr(out, "errors") != NULL, "%s", out);
    free(out);
    cr_expect_eq(count_png(dir), 0);
    /* a card the package does not have */
    snprintf(args, sizeof args, "preview game-data/example-minimal a-nope --out %s --lang en", dir);
    cr_expect_eq(td_run(args, &out), 2, "%s", out);
    cr_expect(strstr(out, "has no card 'a-nope'") != NULL, "%s", out);
    free(out);
    cr_expect_eq(count_png(dir), 0);
    /* a folder that cannot be written */
    char ro[800];
    snprintf(ro, sizeof ro, "%s/ro", dir);
    cr_assert(mkdir(ro, 0500) == 0);
    if (access(ro, W_OK) == 0) { /* as root every folder is writable: a file in the way instead */
        rmdir(ro);
        FILE *f = fopen(ro, "w");
        cr_assert(f);
        fclose(f);
    }
    snprintf(args, sizeof args, "preview game-data/example-minimal --out %s/sub --lang en", ro);
    cr_expect_eq(td_run(args, &out), 1, "%s", out);
    cr_expect(strstr(out, "cannot write into") != NULL, "%s", out);
    free(out);
    /* usage */
    cr_expect_eq(td_run("preview game-data/example-minimal --lang en", &out), 2, "%s", out);
    cr_expect(strstr(out, "--out DIR") != NULL, "%s", out);
    free(out);
    cr_expect_eq(td_run("preview --out", &out), 2, "%s", out);
    cr_expect(strstr(out, "--out needs a value") != NULL, "%s", out);
    free(out);
    cr_expect_eq(td_run("preview game-data/example-minimal --out x --lang de", &out), 2, "%s", out);
    free(out);
    chmod(ro, 0700);
    td_rm_tree(dir);
    free(dir);
}
