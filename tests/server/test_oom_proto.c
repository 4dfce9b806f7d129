/* test_oom_proto.c -- every kind of frame decoded, and views encoded, with each allocation failing in turn */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "pl_alloc.h"
#include "proto/proto.h"
#include "ts_package.h"

static pl_state_t st, prev, vprev, vcur, out;
static uint64_t swept; /* allocations failed in turn, all sweeps of a test */

/* Decode a payload as a client or the server does: frame reader, JSON, then the fields of its
 * type. 1 when whole; 0 with err saying why. */
static int decode(const char *payload, size_t len, char *err, size_t errlen, json_t **keep)
{
    proto_reader_t r;
    uint8_t h[PROTO_HEADER];
    const uint8_t *p;
    size_t n;
    const char *code;
    int ok = 0;
    proto_reader_init(&r, PROTO_MAX_FRAME_S2C);
    proto_put_header(h, (uint32_t)len);
    if (proto_reader_feed(&r, h, sizeof h) != 0 || proto_reader_feed(&r, payload, len) != 0) {
        snprintf(err, errlen, "out of memory in the frame reader");
        proto_reader_free(&r);
        return 0;
    }
    cr_assert_eq(proto_reader_next(&r, &p, &n), PROTO_FRAME);
    json_t *m = proto_parse(p, n, &code, err, errlen);
    if (!m) {
        cr_assert_str_eq(code, PROTO_E_INTERNAL, "a good frame refused as %s: %s", code, err);
        proto_reader_free(&r);
        return 0;
    }
    const char *type = proto_type(m);
    pl_move_t mv;
    pl_event_t ev;
    json_t *e;
    size_t i;
    if (!strcmp(type, "snapshot")) {
        ok = proto_view_decode(&out, json_object_get(m, "view"), err, errlen);
    } else if (!strcmp(type, "update")) {
        out = vprev;
        ok = proto_view_apply(&out, json_object_get(m, "view"), err, errlen) &&
             proto_move_decode(json_object_get(m, "move"), &mv, err, errlen);
        json_array_foreach(json_object_get(m, "events"), i, e)
            ok = ok && proto_event_decode(e, &ev, err, errlen);
    } else if (!strcmp(type, "move")) {
        ok = proto_move_decode(json_object_get(m, "move"), &mv, err, errlen);
    } else {
        ok = 1;
    }
    cr_assert(ok, "a good %s refused: %s", type, err);
    *keep = m;
    proto_reader_free(&r);
    return ok;
}

static void sweep_decode(const char *what, const char *payload)
{
    static pl_state_t ref_out;
    char err[PROTO_ERR_LEN];
    size_t len = strlen(payload);
    json_t *ref = NULL, *got = NULL;
    pl_alloc_fail_at(0);
    cr_assert(decode(payload, len, err, sizeof err, &ref), "%s: %s", what, err);
    uint64_t total = pl_alloc_count();
    pl_alloc_reset();
    ref_out = out;
    cr_assert_gt(total, 0, "%s: no allocation seen", what);
    swept += total;
    for (uint64_t n = 1; n <= total; n++) {
        memset(&out, 0x5a, sizeof out);
        pl_alloc_fail_at(n);
        int ok = decode(payload, len, err, sizeof err, &got);
        int fired = pl_alloc_failed();
        pl_alloc_reset();
        cr_assert(fired, "%s: allocation %llu never happened", what, (unsigned long long)n);
        if (ok) { /* jansson absorbed the failure: then what it read must be the whole message */
            cr_assert(json_equal(ref, got), "%s: allocation %llu failed and a different message was read", what,
                      (unsigned long long)n);
            if (!strcmp(what, "snapshot") || !strcmp(what, "update"))
                cr_assert_eq(memcmp(&out, &ref_out, sizeof out), 0, "%s: allocation %llu: another view", what,
                             (unsigned long long)n);
            json_decref(got);
            continue;
        }
        cr_assert(strcasestr(err, "out of memory"), "%s, allocation %llu: unclear error '%s'", what,
                  (unsigned long long)n, err);
    }
    json_decref(ref);
}

/* An encoder under the sweep: NULL when an allocation failed, else the same text as without. */
typedef char *(*encoder_t)(size_t *len);

static char *enc_snapshot_text(size_t *len)
{
    return proto_view_diff_text(NULL, &vcur, len);
}

static char *enc_diff_text(size_t *len)
{
    return proto_view_diff_text(&vprev, &vcur, len);
}

static char *tree_text(json_t *j, size_t *len)
{
    size_t flen;
    uint8_t *f = j ? proto_frame(j, PROTO_MAX_FRAME_S2C, &flen) : NULL;
    json_decref(j);
    if (!f)
        return NULL;
    char *s = pl_malloc(flen - PROTO_HEADER + 1);
    if (s) {
        memcpy(s, f + PROTO_HEADER, flen - PROTO_HEADER);
        s[flen - PROTO_HEADER] = 0;
        *len = flen - PROTO_HEADER;
    }
    pl_free(f);
    return s;
}

static char *enc_snapshot_tree(size_t *len)
{
    return tree_text(proto_view_encode(&vcur), len);
}

static char *enc_diff_tree(size_t *len)
{
    return tree_text(proto_view_diff(&vprev, &vcur), len);
}

static char *enc_error(size_t *len)
{
    return tree_text(proto_error(7, PROTO_E_LIMIT, "too many tables"), len);
}

static char *enc_event(size_t *len)
{
    pl_event_t ev = { .type = PL_EV_PLAYED, .seat = 1, .card = 3, .a = -2 };
    return tree_text(proto_event_encode(&ev), len);
}

static void sweep_encode(const char *what, encoder_t enc)
{
    size_t len = 0, l2 = 0;
    pl_alloc_fail_at(0);
    char *ref = enc(&len);
    uint64_t total = pl_alloc_count();
    pl_alloc_reset();
    cr_assert_not_null(ref, "%s", what);
    swept += total;
    for (uint64_t n = 1; n <= total; n++) {
        pl_alloc_fail_at(n);
        char *got = enc(&l2);
        int fired = pl_alloc_failed();
        pl_alloc_reset();
        cr_assert(fired, "%s: allocation %llu never happened", what, (unsigned long long)n);
        if (got) {
            /* the failure was absorbed: the result must still be the whole encoding */
            cr_assert(l2 == len && memcmp(got, ref, len) == 0, "%s: allocation %llu failed and a wrong encoding "
                      "came out:\n%s\ninstead of\n%s", what, (unsigned long long)n, got, ref);
            pl_free(got);
        }
    }
    pl_free(ref);
}

/* A game of example-minimal played to a vote, to have views and diffs with every kind of field. */
static const pl_ruleset_t *play_some(void)
{
    pl_ruleset_t *rs = ts_package("example-minimal");
    pl_error_t err;
    pl_bot_t bot;
    cr_assert_not_null(rs);
    pl_bot_init(&bot, PL_BOT_GREEDY, 5);
    cr_assert_eq(pl_state_init(rs, &st, 3, 21, &err), PL_OK);
    for (int i = 0; i < 40 && st.wait != PL_WAIT_OVER; i++) {
        pl_move_t mv;
        cr_assert(pl_bot_move(rs, &st, pl_next_actor(&st), &bot, &mv));
        prev = st;
        cr_assert_eq(pl_apply(rs, &st, &mv, NULL, &err), PL_OK);
    }
    pl_view(rs, &prev, 1, &vprev);
    pl_view(rs, &st, 1, &vcur);
    return rs;
}

static void destroy_rs(const pl_ruleset_t *rs)
{
    pl_ruleset_destroy((pl_ruleset_t *)rs);
}

Test(oom, every_kind_of_message_decodes_or_fails_cleanly_at_each_allocation, .timeout = 300)
{
    const pl_ruleset_t *rs = play_some();
    size_t vl, dl;
    char *view = proto_view_diff_text(NULL, &vcur, &vl), *diff = proto_view_diff_text(&vprev, &vcur, &dl);
    cr_assert(view && diff);
    char *snapshot = malloc(vl + 512), *update = malloc(dl + 512);
    snprintf(snapshot, vl + 512, "{\"type\":\"snapshot\",\"table\":3,\"who\":1,\"info\":{\"table\":3,\"package\":"
             "\"example-minimal\",\"seats\":3,\"teams\":[null,\"B\",null],\"bots\":[],\"timer\":0,\"seq\":%u,"
             "\"over\":false,\"broken\":false},\"seq\":%u,\"view\":%s,\"view_hash\":\"9f3c0e1a22b4d5e6\","
             "\"state_hash\":\"0123456789abcdef\"}", vcur.seq, vcur.seq, view);
    snprintf(update, dl + 512, "{\"type\":\"update\",\"table\":3,\"seq\":%u,\"move\":{\"type\":\"play\",\"seat\":0,"
             "\"arg\":12},\"events\":[[\"played\",0,12,0,0,0],[\"paid\",0,65535,0,2,0]],\"view\":%s,"
             "\"view_hash\":\"9f3c0e1a22b4d5e6\",\"state_hash\":\"0123456789abcdef\"}", vcur.seq, diff);
    const char *msgs[][2] = {
        { "hello", "{\"type\":\"hello\",\"id\":1,\"version\":2,\"client\":\"my-client 0.3\"}" },
        { "welcome", "{\"type\":\"welcome\",\"re\":1,\"version\":2,\"server\":\"plateau-server 0.1.0\",\"name\":\"salle-3\",\"max_frame\":65536}" },
        { "ping", "{\"type\":\"ping\",\"id\":4}" },
        { "list_packages", "{\"type\":\"list_packages\",\"id\":2}" },
        { "packages", "{\"type\":\"packages\",\"re\":2,\"packages\":[{\"id\":\"achats-durables\",\"title\":{\"fr\":\"Achats\",\"en\":\"Purchasing\"},\"min_seats\":3,\"max_seats\":6,\"default_seats\":4}]}" },
        { "list_tables", "{\"type\":\"list_tables\",\"id\":3,\"from\":1,\"limit\":100,\"archived\":false}" },
        { "tables", "{\"type\":\"tables\",\"re\":3,\"tables\":[{\"table\":7,\"package\":\"demo\",\"seats\":2,\"teams\":[\"Les Acheteurs\",null],\"bots\":[1],\"timer\":0,\"seq\":12,\"over\":false,\"broken\":false}],\"next\":null,\"live\":1}" },
        { "create_table", "{\"type\":\"create_table\",\"id\":5,\"package\":\"demo\",\"seats\":4,\"bots\":[3],\"timer\":60}" },
        { "ok", "{\"type\":\"ok\",\"re\":5,\"table\":7}" },
        { "join", "{\"type\":\"join\",\"id\":6,\"table\":7,\"seat\":0,\"team\":\"Les Acheteurs\"}" },
        { "joined", "{\"type\":\"joined\",\"re\":6,\"table\":7,\"seat\":0,\"token\":\"7-0-0123456789abcdef0123456789abcdef\"}" },
        { "rejoin", "{\"type\":\"rejoin\",\"id\":7,\"token\":\"7-0-0123456789abcdef0123456789abcdef\"}" },
        { "watch", "{\"type\":\"watch\",\"id\":8,\"table\":7,\"as\":\"observer\"}" },
        { "leave", "{\"type\":\"leave\",\"id\":9,\"table\":7}" },
        { "move", "{\"type\":\"move\",\"id\":10,\"table\":7,\"move\":{\"type\":\"play\",\"arg\":31}}" },
        { "facilitator", "{\"type\":\"facilitator\",\"id\":11,\"secret\":\"correct horse battery\"}" },
        { "set_timer", "{\"type\":\"set_timer\",\"id\":12,\"table\":7,\"seconds\":90}" },
        { "delete_table", "{\"type\":\"delete_table\",\"id\":13,\"table\":7}" },
        { "table_log", "{\"type\":\"table_log\",\"id\":14,\"table\":7,\"from\":1,\"limit\":2}" },
        { "table_log answer", "{\"type\":\"table_log\",\"re\":14,\"table\":7,\"package\":\"demo\",\"seats\":2,\"seed\":\"00000000000010f2\",\"moves_total\":3,\"archived\":false,\"moves\":[[1,\"roll\",0,0],[2,\"play\",0,4]],\"next\":3}" },
        { "closed", "{\"type\":\"closed\",\"table\":7,\"reason\":\"idle\"}" },
        { "error", "{\"type\":\"error\",\"re\":12,\"code\":\"not_your_turn\",\"message\":\"seat 0 is to play\"}" },
        { "escaped text", "{\"type\":\"joined\",\"re\":1,\"team\":\"\\u00c9quipe \\\"verte\\\" \\ud83c\\udf3f\"}" },
        { "snapshot", snapshot },
        { "update", update },
    };
    swept = 0;
    for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++)
        sweep_decode(msgs[i][0], msgs[i][1]);
    fprintf(stderr, "oom: %zu kinds of message decoded with each of their %llu allocations failing in turn\n",
            sizeof msgs / sizeof msgs[0], (unsigned long long)swept);
    free(snapshot);
    free(update);
    pl_free(view);
    pl_free(diff);
    destroy_rs(rs);
}

Test(oom, views_diffs_errors_and_events_encode_or_fail_cleanly_at_each_allocation, .timeout = 300)
{
    const pl_ruleset_t *rs = play_some();
    swept = 0;
    sweep_encode("view as text", enc_snapshot_text);
    sweep_encode("diff as text", enc_diff_text);
    sweep_encode("view as a tree", enc_snapshot_tree);
    sweep_encode("diff as a tree", enc_diff_tree);
    sweep_encode("error", enc_error);
    sweep_encode("event", enc_event);
    fprintf(stderr, "oom: views, diffs, errors and events encoded with each of their %llu allocations failing in turn\n",
            (unsigned long long)swept);
    destroy_rs(rs);
}
