/* test_text.c -- card texts fit their boxes at every size, the text cache, languages and flags */
#include <criterion/criterion.h>
#include <string.h>
#include "client/art.h"
#include "client/i18n.h"
#include "client/load.h"
#include "text/text.h"
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

/* a wrapped line never starts with what belongs to the word before it, nor ends with what opens the next */
static int bad_line(const char *p, int n)
{
    static const char *const no_start[] = { ":", ";", "!", "?", "\xC2\xBB", "\xE2\x80\xA6", ")", ",", ".",
                                            "\xC2\xA0", "\xE2\x80\xAF" };
    static const char *const no_end[] = { "\xC2\xAB", "(" };
    for (size_t i = 0; i < sizeof no_start / sizeof no_start[0]; i++)
        if ((size_t)n >= strlen(no_start[i]) && !strncmp(p, no_start[i], strlen(no_start[i])))
            return 1;
    for (size_t i = 0; i < sizeof no_end / sizeof no_end[0]; i++) {
        size_t k = strlen(no_end[i]);
        if ((size_t)n >= k && !strncmp(p + n - k, no_end[i], k))
            return 1;
    }
    return 0;
}

static int quiet; /* the test of the check itself logs nothing */

static int check_wrap(pc_app_t *a, const char *s, float size, int bold, float w, const char *where, const char *what)
{
    int start[64], len[64];
    if (!s || !*s)
        return 0;
    int n = pc_text_wrap_lines(&a->gfx, s, size, bold, w, start, len, 64);
    for (int i = 1; i < n; i++) /* the first line starts the text: only where a break fell counts */
        if (bad_line(s + start[i], len[i]) || bad_line(s + start[i - 1], len[i - 1])) {
            if (!quiet)
                cr_log_error("%s: %s breaks badly: \"%.*s\" / \"%.*s\"", where, what, len[i - 1], s + start[i - 1], len[i],
                         s + start[i]);
            return 1;
        }
    return 0;
}

/* Every text a shipped package shows, in both languages, wrapped at the widths the screens give it, at three
 * window sizes (the font's pixels change with the scale, so do the breaks). */
Test(text, typography_of_every_shipped_text_at_three_window_sizes, .init = setup, .fini = teardown, .timeout = 200)
{
    static const int sizes[3][2] = { { 1280, 720 }, { 1920, 1080 }, { 2560, 1440 } };
    static const float widths[] = { 120, 170, 230, 260, 300, 420, 560 };
    const char *dirs[] = { "game-data/achats-durables", "game-data/example-minimal" };
    int bad = 0, lines = 0;
    for (int d = 0; d < 2; d++)
        for (int z = 0; z < 3; z++) {
            pc_app_t *a = tc_app(dirs[d], sizes[z][0], sizes[z][1], 1);
            cr_assert(a, "%s loads", dirs[d]);
            const pl_ruleset_t *rs = a->rs;
            char where[128];
            for (int lang = 0; lang < PL_LANG_COUNT; lang++)
                for (size_t wi = 0; wi < sizeof widths / sizeof widths[0]; wi++) {
                    float w = widths[wi];
                    snprintf(where, sizeof where, "%s %dx%d %s width %.0f", dirs[d], sizes[z][0], sizes[z][1],
                             lang ? "en" : "fr", w);
                    for (uint32_t c = 0; c < rs->n_cards; c++) {
                        const pl_card_t *k = &rs->cards[c];
                        bad += check_wrap(a, pl_text(&k->name, lang), 13, 1, w, where, k->id);
                        bad += check_wrap(a, pl_text(&k->text, lang), 12, 0, w, where, k->id);
                        pt_item_t it[64];
                        int n = pt_effects(rs, k->effects, lang, it, 64);
                        for (int i = 0; i < n && i < 64; i++)
                            bad += check_wrap(a, it[i].text, 12, it[i].kind == PT_IT_HEADER, w, where, k->id);
                        lines += n + 2;
                    }
                    for (uint32_t sp = 0; sp < rs->n_spaces; sp++) {
                        bad += check_wrap(a, pl_text(&rs->spaces[sp].name, lang), 13, 1, w, where, rs->spaces[sp].id);
                        bad += check_wrap(a, pl_text(&rs->spaces[sp].text, lang), 11.5f, 0, w, where, rs->spaces[sp].id);
                    }
                    for (uint32_t r = 0; r < rs->n_scoring; r++)
                        bad += check_wrap(a, pl_text(&rs->scoring[r].name, lang), 10.5f, 0, w, where, "a scoring rule");
                    for (uint32_t dk = 0; dk < rs->n_decks; dk++)
                        bad += check_wrap(a, pl_text(&rs->decks[dk].instructions, lang), 12, 0, w, where, rs->decks[dk].id);
                    bad += check_wrap(a, pl_text(&rs->description, lang), 12, 0, w, where, "the description");
                }
            pc_app_destroy(a);
        }
    cr_expect_gt(lines, 1000);
    cr_expect_eq(bad, 0, "%d texts break before a colon, a closing quote... (see the log)", bad);
}

Test(text, a_break_before_a_colon_is_seen, .init = setup, .fini = teardown)
{
    pc_app_t *a = tc_app(TC_FIXTURE, 1280, 720, 1);
    cr_assert(a);
    /* without French typography a line may start with the colon: the check must see it */
    int plain = 0, typeset = 0;
    quiet = 1;
    for (float w = 60; w < 400; w += 1) {
        plain += check_wrap(a, "Aaaaaaaa Bbbbbbbb Cccccccc Dddddddd : eeee", 12, 0, w, "test", "a text without no-break space");
        typeset += check_wrap(a, "Aaaaaaaa Bbbbbbbb Cccccccc Dddddddd\xC2\xA0: eeee", 12, 0, w, "test", "the same, typeset");
    }
    quiet = 0;
    cr_expect_gt(plain, 0, "a break before the colon was not seen");
    cr_expect_eq(typeset, 0, "a no-break space keeps the colon with its word");
    pc_app_destroy(a);
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
    /* the projection's flags that contradict each other are refused, not ignored */
    char *bad4[] = {"plateau", "--project", "127.0.0.1:7878", "--table", "2", "--cycle", "30", NULL};
    pc_opts_default(&o);
    cr_expect_eq(pc_opts_parse(&o, 7, bad4, err, sizeof err), -1);
    cr_expect(strstr(err, "--cycle"), "%s", err);
    char *bad5[] = {"plateau", "--project", "127.0.0.1:7878", "--table", "2", "--wall", NULL};
    pc_opts_default(&o);
    cr_expect_eq(pc_opts_parse(&o, 6, bad5, err, sizeof err), -1);
    cr_expect(strstr(err, "--wall"), "%s", err);
}

Test(text, default_game_is_found)
{
    char dir[1024];
    cr_assert(pc_default_game_dir(dir, sizeof dir));
    cr_expect(strstr(dir, "achats-durables") || strstr(dir, "example-minimal"), "%s", dir);
}
