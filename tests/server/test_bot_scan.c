/* test_bot_scan.c -- plateau-bot's text scanners: whole snapshots, updates and oks, the view kept on refusal */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../tools/bot/bot.h" /* plateau-bot's, not the core's bot.h */
#include "proto/view.h"
#include "ts_package.h"

static pl_state_t st, prev, v, vprev, mine, before;

/* A message like the server's, with the view text and the hashes of the view it encodes. */
static char *message(const char *type, const pl_state_t *from, const pl_state_t *to, const char *tail)
{
    size_t vl;
    char *view = proto_view_diff_text(from, to, &vl), vh[17], sh[17];
    cr_assert_not_null(view);
    proto_hex64(pl_state_hash(to), vh);
    proto_hex64(0x0123456789abcdefull, sh);
    char *m = malloc(vl + 512);
    snprintf(m, vl + 512, "{\"type\":\"%s\",\"table\":1,\"seq\":%u,\"view\":%s,\"view_hash\":\"%s\",\"state_hash\":\"%s\"%s}",
             type, to->seq, view, vh, sh, tail);
    free(view);
    return m;
}

static int scan(const char *m, pl_state_t *view, int have_view, uint64_t *vh)
{
    uint64_t sh;
    int have_sh;
    return bot_scan_view_msg((const uint8_t *)m, strlen(m), view, have_view, vh, &sh, &have_sh);
}

Test(bot_scan, snapshots_and_updates_of_a_whole_game_are_read_without_a_tree)
{
    pl_ruleset_t *rs = ts_package("demo");
    pl_bot_t bot;
    pl_error_t err;
    uint64_t vh;
    pl_bot_init(&bot, PL_BOT_GREEDY, 3);
    cr_assert_eq(pl_state_init(rs, &st, 3, 11, &err), PL_OK);
    pl_view(rs, &st, 1, &v);
    memset(&mine, 0x77, sizeof mine); /* a snapshot replaces whatever was there */
    char *m = message("snapshot", NULL, &v, ",\"who\":1,\"info\":{\"teams\":[null,\"B\",null]}");
    cr_assert_eq(scan(m, &mine, 0, &vh), BOT_SCAN_SNAPSHOT, "%s", m);
    cr_assert_eq(pl_state_hash(&mine), vh);
    free(m);
    for (int steps = 0; st.wait != PL_WAIT_OVER && steps < 3000; steps++) {
        pl_move_t mv;
        cr_assert(pl_bot_move(rs, &st, pl_next_actor(&st), &bot, &mv));
        prev = st;
        cr_assert_eq(pl_apply(rs, &st, &mv, NULL, &err), PL_OK, "%s", err.msg);
        pl_view(rs, &prev, 1, &vprev);
        pl_view(rs, &st, 1, &v);
        m = message("update", &vprev, &v, ",\"move\":{\"type\":\"roll\",\"seat\":0,\"arg\":0},\"events\":[]");
        cr_assert_eq(scan(m, &mine, 1, &vh), BOT_SCAN_UPDATE, "%s", m);
        cr_assert_eq(pl_state_hash(&mine), vh, "step %d", steps);
        free(m);
    }
    cr_assert_eq(st.wait, PL_WAIT_OVER);
    pl_ruleset_destroy(rs);
}

Test(bot_scan, a_frame_refused_after_its_view_leaves_the_view_as_it_was)
{
    pl_ruleset_t *rs = ts_package("demo");
    pl_error_t err;
    uint64_t vh;
    cr_assert_eq(pl_state_init(rs, &st, 2, 5, &err), PL_OK);
    pl_view(rs, &st, 0, &v);
    memset(&mine, 0x33, sizeof mine);
    before = mine;
    const char *tails[] = { ",\"view_hash\":\"00\"",        /* a repeated key */
                            ",\"x\":[1,2",                  /* cut short */
                            ",\"view\":{}" };               /* a second view */
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        char *m = message("snapshot", NULL, &v, tails[i]);
        cr_assert_eq(scan(m, &mine, 1, &vh), 0, "took %s", m);
        cr_assert_eq(memcmp(&mine, &before, sizeof mine), 0, "snapshot %zu changed the view", i);
        free(m);
    }
    pl_view(rs, &st, 0, &mine);
    before = mine;
    v = mine;
    v.seq = 9;
    v.round = 4;
    char *m = message("update", &mine, &v, ",\"events\":[}");
    cr_assert_eq(scan(m, &mine, 1, &vh), 0, "took %s", m);
    cr_assert_eq(memcmp(&mine, &before, sizeof mine), 0, "the update changed the view");
    free(m);
    m = message("update", &mine, &v, "");
    cr_assert_eq(scan(m, &mine, 0, &vh), 0, "an update taken before any snapshot");
    cr_assert_eq(scan(m, &mine, 1, &vh), BOT_SCAN_UPDATE);
    cr_assert_eq(mine.seq, 9);
    cr_assert_eq(mine.round, 4);
    free(m);
    pl_ruleset_destroy(rs);
}

Test(bot_scan, ok_replies)
{
    int64_t re, seq;
    const char *good[] = { "{\"type\":\"ok\",\"re\":7,\"table\":3,\"seq\":12}", "{\"re\":7,\"type\":\"ok\"}" };
    cr_assert(bot_scan_ok((const uint8_t *)good[0], strlen(good[0]), &re, &seq));
    cr_assert_eq(re, 7);
    cr_assert_eq(seq, 12);
    cr_assert(bot_scan_ok((const uint8_t *)good[1], strlen(good[1]), &re, &seq));
    cr_assert_eq(seq, -1);
    const char *bad[] = { "{\"type\":\"ok\",\"re\":7,\"re\":8}", "{\"type\":\"error\",\"re\":7}", "{\"type\":\"ok\"}",
                          "{\"type\":\"ok\",\"re\":7,\"token\":\"x\"}", "{\"type\":\"ok\",\"re\":7", "[1]" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_assert_not(bot_scan_ok((const uint8_t *)bad[i], strlen(bad[i]), &re, &seq), "took %s", bad[i]);
}
