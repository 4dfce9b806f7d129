/* test_look.c -- a game the engine never heard of is shown as its package says: every scored counter with its own
 * icon (built-in or the package's PNG) on the table and end screens, names where they are explained, hidden ones
 * never; read from what was drawn */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "helpers.h"

static void setup(void) { tc_sdl_up(); }
static void teardown(void) { tc_sdl_down(); }

/* how many times the frame drew s */
static int times_drawn(const pc_app_t *a, const char *s)
{
    int n = 0;
    for (const char *p = a->gfx.drawn; p && (p = strstr(p, s)); p += strlen(s))
        n++;
    return n;
}

/* the mark the client draws for a counter's icon */
static void icon_mark(const pl_ruleset_t *rs, int c, char *buf, size_t len)
{
    const pl_look_t *l = &rs->counters[c].look;
    if (l->icon_file) {
        const char *base = strrchr(l->icon_file, '/');
        snprintf(buf, len, "[image %s]", base ? base + 1 : l->icon_file);
    } else {
        snprintf(buf, len, "[icon %d ", l->icon);
    }
}

static int tip_has(const pc_app_t *a, const char *s)
{
    for (int i = 0; i < a->gfx.n_tips; i++)
        if (strstr(a->gfx.tips[i].text, s))
            return 1;
    return 0;
}

static pc_app_t *staged(const char *stage, int w, int h)
{
    pc_app_t *a = tc_app(TC_RIVIERE, w, h, 2);
    cr_assert(a, "the fixture package loads");
    cr_assert(pc_app_stage(a, stage), "cannot reach %s", stage);
    a->gfx.record = 1;
    pc_app_draw(a);
    return a;
}

Test(look, every_scored_counter_with_its_icon_on_the_table_and_at_the_end, .init = setup, .fini = teardown,
     .timeout = 60)
{
    const int sizes[2][2] = { { 1280, 720 }, { 1920, 1080 } };
    for (int z = 0; z < 2; z++) {
        pc_app_t *a = staged("table", sizes[z][0], sizes[z][1]);
        const pl_ruleset_t *rs = a->session->rs;
        int seats = a->session->st.n_seats, scored = 0, pngs = 0;
        for (uint32_t r = 0; r < rs->n_scoring; r++) {
            if (rs->scoring[r].kind != PL_SCORE_COUNTER)
                continue;
            int c = rs->scoring[r].ref;
            char mark[300];
            icon_mark(rs, c, mark, sizeof mark);
            cr_expect_geq(times_drawn(a, mark), seats, "%s: its icon %s is drawn for every team (%d times)",
                          rs->counters[c].id, mark, times_drawn(a, mark));
            scored++;
            pngs += rs->counters[c].look.icon_file != NULL;
        }
        cr_assert_eq(scored, 4, "the fixture scores four counters");
        cr_assert_eq(pngs, 1, "one of them wears the package's own PNG");
        /* resources by their short label, the shared counter by its name, tokens by their name on hover */
        cr_expect(pc_gfx_drew(&a->gfx, "Subventions"), "the resource is labelled");
        cr_expect(pc_gfx_drew(&a->gfx, "Kilomètres restaurés"), "the table counter is labelled");
        cr_expect(pc_gfx_drew(&a->gfx, "Bassin"), "under the package's label for the table");
        /* what the package hides never shows; what the first game calls its counters never appears */
        cr_expect(!pc_gfx_drew(&a->gfx, "Compteur interne"), "a hidden counter was drawn");
        const char *foreign[] = { "Environnement", "Deniers publics", "Économie locale", "Budget", "Sem." };
        for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++)
            cr_expect(!pc_gfx_drew(&a->gfx, foreign[i]), "a word of another game on screen: %s", foreign[i]);
        pc_app_destroy(a);

        /* the scores tab names every rule (whole, or whole on hover when cut) */
        a = staged("scores", sizes[z][0], sizes[z][1]);
        rs = a->session->rs;
        for (uint32_t r = 0; r < rs->n_scoring; r++) {
            const char *name = pl_text(&rs->scoring[r].name, PL_LANG_FR);
            cr_expect(pc_gfx_drew(&a->gfx, name) || tip_has(a, name), "the scores tab names \"%s\"", name);
        }
        pc_app_destroy(a);

        /* the end: each scored counter's icon for every team and in the legend, with its name */
        a = staged("end", sizes[z][0], sizes[z][1]);
        rs = a->session->rs;
        for (uint32_t r = 0; r < rs->n_scoring; r++) {
            const char *name = pl_text(&rs->scoring[r].name, PL_LANG_FR);
            cr_expect(pc_gfx_drew(&a->gfx, name), "the end screen tells the rule \"%s\"", name);
            if (rs->scoring[r].kind != PL_SCORE_COUNTER)
                continue;
            int c = rs->scoring[r].ref;
            char mark[300];
            icon_mark(rs, c, mark, sizeof mark);
            cr_expect_geq(times_drawn(a, mark), seats + 1, "%s: its icon on every team's row and in the legend",
                          rs->counters[c].id);
            cr_expect(pc_gfx_drew(&a->gfx, pl_text(&rs->counters[c].name, PL_LANG_FR)), "the legend names %s",
                      rs->counters[c].id);
        }
        pc_app_destroy(a);
    }
}

Test(look, icons_and_labels_say_their_names_on_hover, .init = setup, .fini = teardown, .timeout = 60)
{
    pc_app_t *a = staged("table", 1280, 720);
    const pl_ruleset_t *rs = a->session->rs;
    int sub = -1;
    for (int c = 0; c < (int)rs->n_counters; c++)
        if (rs->counters[c].look.role == PL_ROLE_RESOURCE)
            sub = c;
    cr_assert_geq(sub, 0);
    cr_expect(tip_has(a, pl_text(&rs->counters[sub].name, PL_LANG_FR)), "a resource's icon names it on hover");
    pc_app_destroy(a);
}
