/* test_screens.c -- every screen renders at 1280x720 and 1920x1080 like its reference picture (RGB, with a tolerance) */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <SDL_image.h>
#include "helpers.h"

#ifndef TC_BUILD
#define TC_BUILD "build"
#endif

/* a pixel differs when |dR|+|dG|+|dB| passes this; a picture when more than 1/50 of its pixels do */
#define PIXEL_TOL 60
#define PICTURE_TOL 50

static void setup(void) { tc_sdl_up(); }
static void teardown(void) { tc_sdl_down(); }

static void compare_with_ref(pc_app_t *a, const char *name)
{
    int w, h;
    unsigned char *px = pc_app_read_rgb(a, &w, &h);
    cr_assert(px, "cannot read the frame back: %s", SDL_GetError());
    char ref[256], out[256];
    snprintf(ref, sizeof ref, "tests/client/ref/%s-%dx%d.png", name, w, h);
    snprintf(out, sizeof out, TC_BUILD "/tests/client-out/%s-%dx%d.png", name, w, h);
    SDL_Surface *cur = SDL_CreateRGBSurfaceWithFormatFrom(px, w, h, 24, w * 3, SDL_PIXELFORMAT_RGB24);
    cr_assert(cur);
    if (getenv("UPDATE_REF")) {
        cr_assert(IMG_SavePNG(cur, ref) == 0, "cannot write %s", ref);
        SDL_FreeSurface(cur);
        SDL_free(px);
        return;
    }
    SDL_Surface *raw = IMG_Load(ref);
    cr_assert(raw, "missing reference picture %s (make client-ref regenerates them)", ref);
    SDL_Surface *r = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGB24, 0);
    SDL_FreeSurface(raw);
    cr_assert(r && r->w == w && r->h == h, "%s: size differs", ref);
    long bad = 0;
    for (int y = 0; y < h; y++) {
        const unsigned char *p = px + (size_t)y * (size_t)w * 3;
        const unsigned char *q = (const unsigned char *)r->pixels + (size_t)y * (size_t)r->pitch;
        for (int x = 0; x < w * 3; x += 3) {
            int d = abs(p[x] - q[x]) + abs(p[x + 1] - q[x + 1]) + abs(p[x + 2] - q[x + 2]);
            if (d > PIXEL_TOL) bad++;
        }
    }
    if (bad * PICTURE_TOL > (long)w * h) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "mkdir -p " TC_BUILD "/tests/client-out");
        if (system(cmd) == 0) IMG_SavePNG(cur, out);
    }
    cr_expect(bad * PICTURE_TOL <= (long)w * h, "%s: %ld of %d pixels differ (picture saved as %s)", ref, bad,
              w * h, out);
    SDL_FreeSurface(r);
    SDL_FreeSurface(cur);
    SDL_free(px);
}

static void package_screen_at(const char *dir, const char *prefix, const char *stage, int w, int h, int lang)
{
    pc_app_t *a = tc_app(dir, w, h, 2);
    cr_assert(a);
    pc_app_set_lang(a, lang);
    cr_assert(pc_app_stage(a, stage), "cannot reach %s", stage);
    pc_app_draw(a);
    char name[64];
    snprintf(name, sizeof name, "%s%s%s", prefix, stage, lang == PL_LANG_EN ? "-en" : "");
    compare_with_ref(a, name);
    pc_app_destroy(a);
}

static void screen_at(const char *stage, int w, int h, int lang)
{
    package_screen_at(TC_FIXTURE, "", stage, w, h, lang);
}

#define SCREEN_TEST(stage)                                                                      \
    Test(screens, stage, .init = setup, .fini = teardown, .timeout = 60)                        \
    {                                                                                           \
        screen_at(#stage, 1280, 720, PL_LANG_FR);                                               \
        screen_at(#stage, 1920, 1080, PL_LANG_FR);                                              \
    }

SCREEN_TEST(home)
SCREEN_TEST(settings)
SCREEN_TEST(lobby)
SCREEN_TEST(table)
SCREEN_TEST(detail)
SCREEN_TEST(curtain)
SCREEN_TEST(vote)
SCREEN_TEST(reveal)
SCREEN_TEST(fiction)
SCREEN_TEST(choice)
SCREEN_TEST(end)
SCREEN_TEST(event)
SCREEN_TEST(summary)
SCREEN_TEST(scores)
SCREEN_TEST(create)
SCREEN_TEST(leave)

Test(screens, deck_vote, .init = setup, .fini = teardown, .timeout = 60)
{
    screen_at("deck-vote", 1280, 720, PL_LANG_FR);
    screen_at("deck-vote", 1920, 1080, PL_LANG_FR);
}

/* another game: its own counters, icons (one a PNG of the package) and words */
Test(screens, another_game_looks_as_its_package_says, .init = setup, .fini = teardown, .timeout = 60)
{
    const char *stages[] = { "table", "scores", "end" };
    for (int i = 0; i < 3; i++) {
        package_screen_at(TC_RIVIERE, "riviere-", stages[i], 1280, 720, PL_LANG_FR);
        package_screen_at(TC_RIVIERE, "riviere-", stages[i], 1920, 1080, PL_LANG_FR);
    }
}

Test(screens, table_in_english, .init = setup, .fini = teardown, .timeout = 60)
{
    screen_at("table", 1280, 720, PL_LANG_EN);
}

/* the pictures must tell screens apart: the table is not the end screen */
Test(screens, references_differ, .init = setup, .fini = teardown, .timeout = 60)
{
    if (getenv("UPDATE_REF")) cr_skip_test("references being written");
    SDL_Surface *t = IMG_Load("tests/client/ref/table-1280x720.png");
    SDL_Surface *e = IMG_Load("tests/client/ref/end-1280x720.png");
    cr_assert(t && e);
    SDL_Surface *t3 = SDL_ConvertSurfaceFormat(t, SDL_PIXELFORMAT_RGB24, 0);
    SDL_Surface *e3 = SDL_ConvertSurfaceFormat(e, SDL_PIXELFORMAT_RGB24, 0);
    long bad = 0;
    for (int y = 0; y < 720; y++)
        for (int x = 0; x < 1280 * 3; x += 3) {
            const unsigned char *p = (unsigned char *)t3->pixels + y * t3->pitch + x;
            const unsigned char *q = (unsigned char *)e3->pixels + y * e3->pitch + x;
            if (abs(p[0] - q[0]) + abs(p[1] - q[1]) + abs(p[2] - q[2]) > PIXEL_TOL) bad++;
        }
    cr_expect(bad * PICTURE_TOL > 1280L * 720, "table and end screens look alike (%ld pixels differ)", bad);
    SDL_FreeSurface(t);
    SDL_FreeSurface(e);
    SDL_FreeSurface(t3);
    SDL_FreeSurface(e3);
}
