/* test_text.c -- card texts fit their boxes at every size, the text cache, languages and flags */
#include <criterion/criterion.h>
#include <string.h>
#include "client/art.h"
#include "client/i18n.h"
#include "client/load.h"
#include "helpers.h"

static void setup(void) { tc_sdl_up(); }
static void teardown(void) { tc_sdl_down(); }

/* every card name and text of the package fits its box at card width w */
static int check_cards(pc_app_t *a, const pl_ruleset_t *rs, float w, const char *where)
{
    float nx, ny, nw, nh, tx, ty, tw, th;
    int bad = 0;
    pc_card_name_box(w, &nx, &ny, &nw, &nh);
    pc_card_text_box(w, &tx, &ty, &tw, &th);
    for (int lang = 0; lang < PL_LANG_COUNT; lang++)
        for (uint32_t c = 0; c < rs->n_cards; c++) {
            const pl_card_t *k = &rs->cards[c];
            const char *name = pl_text(&k->name, lang), *text = pl_text(&k->text, lang);
            if (pc_text_fit(&a->gfx, name, pc_card_name_size(w), pc_card_name_size(w) * 0.75f, 1, nw, nh) <= 0) {
                cr_log_error("%s: name of card %s (%s) overflows: \"%s\"", where, k->id, lang ? "en" : "fr", name);
                bad++;
            }
            if (pc_text_fit(&a->gfx, text, pc_card_text_size(w), pc_card_text_min(w), 0, tw, th) <= 0) {
                cr_log_error("%s: text of card %s (%s) overflows", where, k->id, lang ? "en" : "fr");
                bad++;
            }
        }
    return bad;
}

Test(text, shipped_card_texts_fit_at_every_size, .init = setup, .fini = teardown, .timeout = 100)
{
    static const int sizes[3][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}};
    const char *dirs[2] = {TC_SHIPPED, TC_FIXTURE};
    int bad = 0;
    for (int d = 0; d < 2; d++)
        for (int s = 0; s < 3; s++) {
            pc_app_t *a = tc_app(dirs[d], sizes[s][0], sizes[s][1], 1);
            cr_assert(a, "%s loads", dirs[d]);
            const pl_ruleset_t *rs = a->rs;
            int hand = rs->turn.hand > rs->turn.start_hand ? rs->turn.hand : rs->turn.start_hand;
            for (int ts = 0; ts < 3; ts++) {
                pc_app_set_text_size(a, ts);
                char where[128];
                snprintf(where, sizeof where, "%s %dx%d text size %d", dirs[d], sizes[s][0], sizes[s][1], ts);
                bad += check_cards(a, rs, pc_hand_card_width(hand + 1), where);
                bad += check_cards(a, rs, PC_DETAIL_CARD_W, where);
                bad += check_cards(a, rs, PC_OVERLAY_CARD_W, where);
            }
            pc_app_destroy(a);
        }
    cr_expect_eq(bad, 0, "%d card texts overflow their box (see the log)", bad);
}

Test(text, a_long_word_is_reported_as_overflow, .init = setup, .fini = teardown)
{
    pc_app_t *a = tc_app(TC_FIXTURE, 1280, 720, 1);
    cr_assert(a);
    int over = 0;
    pc_text_lines(&a->gfx, "Anticonstitutionnellementanticonstitutionnellement", 12, 0, 60, &over);
    cr_expect(over, "a word wider than the box is an overflow");
    cr_expect_eq(pc_text_fit(&a->gfx, "un deux trois quatre cinq six sept huit neuf dix onze douze", 12, 10, 0, 40, 20), 0,
                 "too much text for a tiny box does not fit");
    cr_expect_gt(pc_text_fit(&a->gfx, "un deux", 12, 8, 0, 200, 40), 0);
    pc_app_destroy(a);
}

Test(text, unchanged_text_is_not_rendered_again, .init = setup, .fini = teardown)
{
    pc_app_t *a = tc_app(TC_FIXTURE, 1280, 720, 2);
    cr_assert(a);
    pc_app_draw(a);
    unsigned long first = a->gfx.renders;
    cr_assert_gt(first, 10);
    pc_app_draw(a);
    pc_app_draw(a);
    cr_expect_eq(a->gfx.renders, first, "a redraw of the same screen renders no text (%lu new)", a->gfx.renders - first);
    cr_expect_gt(a->gfx.hits, 0);
    pc_app_destroy(a);
}

Test(text, french_catalog_and_english, .init = setup, .fini = teardown)
{
    pc_app_t *a = tc_app(TC_FIXTURE, 1280, 720, 1);
    cr_assert(a);
    cr_assert(pc_i18n_dir()[0], "the French catalog is found");
    pc_app_set_lang(a, PL_LANG_FR);
    cr_expect_str_eq(_("Roll the die"), "Lancer le dé");
    pc_app_set_lang(a, PL_LANG_EN);
    cr_expect_str_eq(_("Roll the die"), "Roll the die");
    pc_app_set_lang(a, PL_LANG_FR);
    cr_expect_str_eq(_("Settings"), "Réglages");
    pc_app_destroy(a);
}

Test(text, flags)
{
    pc_opts_t o;
    char err[256];
    pc_opts_default(&o);
    cr_expect_eq(o.lang, PL_LANG_FR, "French by default");
    char *ok[] = {"plateau", "--lang", "en", "--size", "1920x1080", "--game", "x", "--connect", "127.0.0.1:7777",
                  "--font", "f.ttf", "--screenshot", "s.png", NULL};
    cr_assert_eq(pc_opts_parse(&o, 13, ok, err, sizeof err), 0, "%s", err);
    cr_expect_eq(o.lang, PL_LANG_EN);
    cr_expect_eq(o.w, 1920);
    cr_expect_eq(o.h, 1080);
    cr_expect_str_eq(o.connect, "127.0.0.1:7777");
    cr_expect_str_eq(o.font, "f.ttf");
    char *bad1[] = {"plateau", "--lang", "de", NULL};
    cr_expect_eq(pc_opts_parse(&o, 3, bad1, err, sizeof err), -1);
    char *bad2[] = {"plateau", "--connect", "nowhere", NULL};
    cr_expect_eq(pc_opts_parse(&o, 3, bad2, err, sizeof err), -1);
    char *bad3[] = {"plateau", "--frobnicate", NULL};
    cr_expect_eq(pc_opts_parse(&o, 2, bad3, err, sizeof err), -1);
}

Test(text, default_game_is_found)
{
    char dir[1024];
    cr_assert(pc_default_game_dir(dir, sizeof dir));
    cr_expect(strstr(dir, "achats-durables") || strstr(dir, "example-minimal"), "%s", dir);
}
