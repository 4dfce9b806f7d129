/* test_narrate.c -- events told with any team name, votes naming their options, French typography */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "data/package.h"
#include "text/text.h"

static pl_ruleset_t *rs;

static void load(void)
{
    pl_diags_t d;
    pl_diags_init(&d);
    setenv("PLATEAU_LOCALEDIR", "build/locale", 0);
    rs = pl_package_load("game-data/achats-durables", &d);
    pl_diags_free(&d);
    cr_assert_not_null(rs);
}

static void unload(void)
{
    pl_ruleset_destroy(rs);
}

TestSuite(narrate, .init = load, .fini = unload);

/* No ordinary space before : ; ! ? » or after « in French text: lines never start with them. */
static int typo_ok(const char *s)
{
    for (const char *p = s; *p; p++) {
        if (p[0] == ' ' && (p[1] == ':' || p[1] == ';' || p[1] == '!' || p[1] == '?' || !strncmp(p + 1, "\xC2\xBB", 2)))
            return 0;
        if (!strncmp(p, "\xC2\xAB ", 3))
            return 0;
    }
    return 1;
}

Test(narrate, a_whole_game_reads_well_with_real_team_names)
{
    pl_state_t st, before;
    pl_events_t ev;
    pl_error_t e;
    cr_assert_eq(pl_state_init(rs, &st, 4, 11, &e), PL_OK);
    pt_ctx_t fr = { rs, &before, { "Les Acheteurs", "Équipe Verte", "Bot-0-1", "Ô Marchés" }, PL_LANG_FR };
    pt_ctx_t en = fr;
    en.lang = PL_LANG_EN;
    pl_bot_t bot[4];
    for (int s = 0; s < 4; s++)
        pl_bot_init(&bot[s], PL_BOT_GREEDY, 11 + (uint64_t)s);
    int lines = 0, votes = 0, results = 0;
    for (int k = 0; k < 20000 && st.wait != PL_WAIT_OVER; k++) {
        int seat = pl_next_actor(&st);
        pl_move_t mv;
        cr_assert(pl_bot_move(rs, &st, seat, &bot[seat], &mv));
        before = st;
        cr_assert_eq(pl_apply(rs, &st, &mv, &ev, &e), PL_OK);
        for (int i = 0; i < ev.n; i++) {
            char a[512], b[512];
            size_t na = pt_event(&fr, &ev.ev[i], a, sizeof a), nb = pt_event(&en, &ev.ev[i], b, sizeof b);
            cr_expect((na == 0) == (nb == 0));
            if (!na)
                continue;
            lines++;
            for (int t = 0; t < 4; t++) {
                char bad[3][96];
                snprintf(bad[0], sizeof bad[0], "l'%s", fr.team[t]);
                snprintf(bad[1], sizeof bad[1], "de %s", fr.team[t]);
                snprintf(bad[2], sizeof bad[2], "à %s", fr.team[t]);
                for (int q = 0; q < 3; q++)
                    cr_expect(!strstr(a, bad[q]), "no elision or contraction with a team name: %s", a);
            }
            cr_expect(!strstr(a, "\xC2\xA0?\xC2\xA0") && !strstr(b, "“?”"), "no unknown name: %s / %s", a, b);
            cr_expect(!strstr(a, "Option ") && !strstr(b, "Option "), "votes and choices name their options: %s", a);
            cr_expect(typo_ok(a), "French typography: %s", a);
            if (ev.ev[i].type == PL_EV_VOTED && ev.ev[i].b == 1) {
                votes++;
                if (ev.ev[i].a < 0)
                    cr_expect(strstr(a, "n'a pas voté"), "an abstention is told as such: %s", a);
                else
                    cr_expect(!strstr(a, "n'a pas voté"), "%s", a);
            }
            if (ev.ev[i].type == PL_EV_VOTE_RESULT)
                results++;
        }
    }
    cr_expect_eq(st.wait, PL_WAIT_OVER);
    cr_expect_gt(lines, 200);
    cr_expect_gt(results, 2, "the game held votes");
    cr_expect_gt(votes, 4);
}

Test(narrate, timeout_abstentions_say_did_not_vote)
{
    pl_event_t v = { PL_EV_VOTED, 2, PL_NO_CARD, -1, 1, 0 };
    pt_ctx_t x = { rs, NULL, { 0 }, PL_LANG_FR };
    char b[256];
    pt_event(&x, &v, b, sizeof b);
    cr_expect(strstr(b, "Équipe 3") && strstr(b, "n'a pas voté"), "%s", b);
    v.b = 0; /* while the vote is open */
    pt_event(&x, &v, b, sizeof b);
    cr_expect(strstr(b, "a voté") && !strstr(b, "pas"), "%s", b);
}

Test(narrate, every_french_string_of_the_catalog_has_french_typography)
{
    /* the phrases built by the describer and the narration, in every card and event kind */
    for (uint32_t c = 0; c < rs->n_cards; c++) {
        char line[1024];
        pt_effects_line(rs, rs->cards[c].effects, PL_LANG_FR, line, sizeof line);
        cr_expect(typo_ok(line), "card %s: %s", rs->cards[c].id, line);
        cr_expect(typo_ok(pl_text(&rs->cards[c].name, PL_LANG_FR)), "card %s name", rs->cards[c].id);
        cr_expect(typo_ok(pl_text(&rs->cards[c].text, PL_LANG_FR)), "card %s text: %s", rs->cards[c].id,
                  pl_text(&rs->cards[c].text, PL_LANG_FR));
    }
    for (int s = 0; s < rs->n_spaces; s++)
        cr_expect(typo_ok(pl_text(&rs->spaces[s].name, PL_LANG_FR)) && typo_ok(pl_text(&rs->spaces[s].text, PL_LANG_FR)),
                  "space %s", rs->spaces[s].id);
}

/* a card name in guillemets inside a narrated line in guillemets: the inner pair takes the second-level marks */
Test(narrate, a_quote_inside_a_quote_takes_second_level_marks)
{
    char out[256];
    pl_typo_fr("Équipe 1 : +3 avec « Écolabel « ou équivalent » »", out, sizeof out);
    cr_expect_str_eq(out, "Équipe 1\xC2\xA0: +3 avec «\xC2\xA0" "Écolabel \xE2\x80\x9Cou équivalent\xE2\x80\x9D\xC2\xA0»");
    pl_typo_fr("Vote sur « Verbatim · « Une phrase. » » : « D'accord »", out, sizeof out);
    cr_expect_str_eq(out, "Vote sur «\xC2\xA0Verbatim · \xE2\x80\x9CUne phrase.\xE2\x80\x9D\xC2\xA0»\xC2\xA0: "
                          "«\xC2\xA0" "D'accord\xC2\xA0»");
    /* twice is once; a lone pair and a stray closing mark are left as they are */
    char again[256];
    pl_typo_fr(out, again, sizeof again);
    cr_expect_str_eq(again, out);
    pl_typo_fr("x » y « z »", out, sizeof out);
    cr_expect_str_eq(out, "x\xC2\xA0» y «\xC2\xA0z\xC2\xA0»");
}
