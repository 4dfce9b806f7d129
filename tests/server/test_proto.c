/* test_proto.c -- engine/proto: frames in any chunking, messages, moves, events, views and diffs */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "proto/proto.h"
#include "ts_package.h"

static size_t frame_of(const char *json, uint8_t *out)
{
    size_t n = strlen(json);
    proto_put_header(out, (uint32_t)n);
    memcpy(out + 4, json, n);
    return n + 4;
}

Test(proto, reader_accepts_any_chunking)
{
    const char *msgs[] = { "{\"type\":\"a\"}", "{\"type\":\"bb\",\"id\":1}", "{\"type\":\"ccc\"}" };
    uint8_t stream[256];
    size_t len = 0;
    for (int i = 0; i < 3; i++)
        len += frame_of(msgs[i], stream + len);
    for (size_t chunk = 1; chunk <= len; chunk++) {
        proto_reader_t r;
        proto_reader_init(&r, 0);
        int got = 0;
        for (size_t off = 0; off < len; off += chunk) {
            size_t n = off + chunk > len ? len - off : chunk;
            cr_assert_eq(proto_reader_feed(&r, stream + off, n), 0);
            const uint8_t *p;
            size_t plen;
            int rc;
            while ((rc = proto_reader_next(&r, &p, &plen)) == PROTO_FRAME) {
                cr_assert_eq(plen, strlen(msgs[got]));
                cr_assert_eq(memcmp(p, msgs[got], plen), 0, "chunk %zu frame %d", chunk, got);
                got++;
            }
            cr_assert_eq(rc, PROTO_NEED_MORE);
        }
        cr_assert_eq(got, 3, "chunk size %zu", chunk);
        cr_assert_eq(proto_reader_pending(&r), 0u);
        proto_reader_free(&r);
    }
}

Test(proto, reader_reports_oversized_and_empty_frames)
{
    proto_reader_t r;
    uint8_t h[4];
    const uint8_t *p;
    size_t n;
    proto_reader_init(&r, 100);
    proto_put_header(h, 101);
    proto_reader_feed(&r, h, 4);
    cr_assert_eq(proto_reader_next(&r, &p, &n), PROTO_OVERSIZED);
    proto_reader_free(&r);
    proto_reader_init(&r, 100);
    proto_put_header(h, 0);
    proto_reader_feed(&r, h, 4);
    cr_assert_eq(proto_reader_next(&r, &p, &n), PROTO_EMPTY);
    proto_reader_free(&r);
    proto_reader_init(&r, 0);
    proto_put_header(h, PROTO_MAX_FRAME + 1);
    proto_reader_feed(&r, h, 2); /* half a header: nothing yet */
    cr_assert_eq(proto_reader_next(&r, &p, &n), PROTO_NEED_MORE);
    proto_reader_feed(&r, h + 2, 2);
    cr_assert_eq(proto_reader_next(&r, &p, &n), PROTO_OVERSIZED);
    proto_reader_free(&r);
}

Test(proto, parse_refuses_what_is_not_a_message)
{
    const char *bad[] = { "{", "[]", "{\"id\":1}", "{\"type\":3}", "{\"type\":\"a\",\"type\":\"b\"}", "\"x\"", "nul" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *code = NULL;
        char err[PROTO_ERR_LEN] = "";
        json_t *m = proto_parse(bad[i], strlen(bad[i]), &code, err, sizeof err);
        cr_assert_null(m, "accepted %s", bad[i]);
        cr_assert_str_eq(code, PROTO_E_MALFORMED_JSON);
        cr_assert(err[0], "no message for %s", bad[i]);
    }
    const char *code;
    char err[PROTO_ERR_LEN];
    json_t *m = proto_parse("{\"type\":\"ping\",\"id\":42}", 23, &code, err, sizeof err);
    cr_assert_not_null(m);
    cr_assert_eq(proto_request_id(m), 42);
    cr_assert_str_eq(proto_type(m), "ping");
    size_t len;
    uint8_t *f = proto_frame(m, PROTO_MAX_FRAME, &len);
    cr_assert_eq(proto_get_header(f), len - 4);
    cr_assert_null(proto_frame(m, 5, &len), "a frame past the limit was built");
    free(f);
    json_decref(m);
}

Test(proto, moves_and_events_round_trip)
{
    char err[PROTO_ERR_LEN];
    for (int t = PL_MOVE_PLAY; t < PL_MOVE__COUNT; t++) {
        pl_move_t mv = { (uint8_t)t, 3, 517 }, back;
        json_t *j = proto_move_encode(&mv);
        cr_assert(proto_move_decode(j, &back, err, sizeof err), "%s", err);
        cr_assert_eq(memcmp(&mv, &back, sizeof mv), 0);
        json_decref(j);
    }
    json_t *bad = json_pack("{s:s,s:i}", "type", "play", "arg", 70000);
    pl_move_t mv;
    cr_assert_not(proto_move_decode(bad, &mv, err, sizeof err));
    json_decref(bad);
    for (int t = 1; t < PL_EV__COUNT; t++) {
        pl_event_t ev = { (uint8_t)t, 2, 77, -5, 123456, INT32_MIN }, back;
        json_t *j = proto_event_encode(&ev);
        char text[80];
        size_t tl = proto_event_text(&ev, text, sizeof text);
        json_t *tj = json_loadb(text, tl, 0, NULL);
        cr_assert(tj && json_equal(tj, j), "event text differs: %.*s", (int)tl, text);
        json_decref(tj);
        cr_assert(proto_event_decode(j, &back, err, sizeof err), "%s", err);
        cr_assert_eq(back.type, ev.type);
        cr_assert_eq(back.card, ev.card);
        cr_assert_eq(back.a, ev.a);
        cr_assert_eq(back.b, ev.b);
        cr_assert_eq(back.c, ev.c);
        json_decref(j);
    }
}

/* A state with every field random (counts kept in range): decoding the encoding hashes the same. */
static void random_state(pl_state_t *st, unsigned seed)
{
    uint8_t *p = (uint8_t *)st;
    srand(seed);
    for (size_t i = 0; i < sizeof *st; i++)
        p[i] = (uint8_t)rand();
    st->n_seats = 1 + st->n_seats % PL_MAX_SEATS;
    st->n_dice %= PL_MAX_DICE + 1;
    st->n_cards %= PL_MAX_CARDS + 1;
    st->n_stack %= PL_MAX_STACK + 1;
    st->n_delayed %= PL_MAX_DELAYED + 1;
    st->n_played %= PL_MAX_PLAYED + 1;
    st->n_votes %= PL_MAX_VOTE_LOG + 1;
    for (int s = 0; s < PL_MAX_SEATS; s++)
        st->seat[s].hand_n %= PL_MAX_HAND + 1;
}

Test(proto, every_hashed_field_travels)
{
    static pl_state_t a, b;
    char err[PROTO_ERR_LEN];
    for (unsigned seed = 1; seed <= 20; seed++) {
        random_state(&a, seed);
        size_t tl;
        char *text = proto_view_diff_text(NULL, &a, &tl);
        json_t *tj = json_loadb(text, tl, 0, NULL);
        cr_assert(proto_view_decode(&b, tj, err, sizeof err), "%s", err);
        cr_assert_eq(pl_state_hash(&a), pl_state_hash(&b), "text encoding loses a field (seed %u)", seed);
        json_decref(tj);
        proto_scan_t sc = { text, text + tl };
        memset(&b, 0, sizeof b);
        cr_assert(proto_view_apply_scan(&b, &sc), "scanner refused a whole view (seed %u)", seed);
        cr_assert_eq(pl_state_hash(&a), pl_state_hash(&b), "scanned encoding loses a field (seed %u)", seed);
        free(text);
        json_t *j = proto_view_encode(&a);
        cr_assert(proto_view_decode(&b, j, err, sizeof err), "%s", err);
        cr_assert_eq(pl_state_hash(&a), pl_state_hash(&b),
                     "a field of pl_state_t is not in engine/proto/view.c (seed %u)", seed);
        json_decref(j);
    }
}

Test(proto, views_and_diffs_of_a_whole_game_round_trip)
{
    pl_ruleset_t *rs = ts_package("demo");
    static pl_state_t st, prev, v, vprev, client[PL_MAX_SEATS + 1];
    pl_error_t err;
    char e[PROTO_ERR_LEN];
    pl_bot_t bot;
    pl_bot_init(&bot, PL_BOT_GREEDY, 3);
    cr_assert_eq(pl_state_init(rs, &st, 4, 99, &err), PL_OK, "%s", err.msg);
    int whos[5] = { 0, 1, 2, 3, PL_WHO_OBSERVER };
    for (int k = 0; k < 5; k++) {
        pl_view(rs, &st, whos[k], &v);
        json_t *j = proto_view_encode(&v);
        cr_assert(proto_view_decode(&client[k], j, e, sizeof e), "%s", e);
        cr_assert_eq(pl_state_hash(&client[k]), pl_state_hash(&v));
        json_decref(j);
    }
    int steps = 0;
    while (st.wait != PL_WAIT_OVER && steps++ < 5000) {
        pl_move_t mv;
        int seat = pl_next_actor(&st);
        cr_assert(pl_bot_move(rs, &st, seat, &bot, &mv));
        prev = st;
        cr_assert_eq(pl_apply(rs, &st, &mv, NULL, &err), PL_OK, "%s", err.msg);
        for (int k = 0; k < 5; k++) {
            pl_view(rs, &prev, whos[k], &vprev);
            pl_view(rs, &st, whos[k], &v);
            json_t *d = proto_view_diff(&vprev, &v);
            size_t tl;
            char *text = proto_view_diff_text(&vprev, &v, &tl);
            json_t *parsed = json_loadb(text, tl, 0, NULL);
            cr_assert(parsed && json_equal(parsed, d), "text and tree encodings differ at step %d: %s", steps, text);
            json_decref(parsed);
            static pl_state_t scanned;
            proto_scan_t sc = { text, text + tl };
            static proto_undo_t undo;
            scanned = client[k];
            proto_undo_init(&undo);
            cr_assert(proto_view_apply_scan_undo(&scanned, &sc, &undo) && proto_scan_done(&sc), "scanner refused %s", text);
            cr_assert_eq(pl_state_hash(&scanned), pl_state_hash(&v), "scanned diff at step %d for %d", steps, whos[k]);
            proto_undo_restore(&undo, &scanned); /* a frame refused after its view: back as it was */
            cr_assert_eq(memcmp(&scanned, &client[k], sizeof scanned), 0, "undo at step %d for %d", steps, whos[k]);
            free(text);
            text = proto_view_diff_text(NULL, &v, &tl);
            parsed = json_loadb(text, tl, 0, NULL);
            json_t *full = proto_view_encode(&v);
            cr_assert(parsed && json_equal(parsed, full), "full text and tree encodings differ");
            json_decref(parsed);
            json_decref(full);
            free(text);
            cr_assert(proto_view_apply(&client[k], d, e, sizeof e), "%s", e);
            cr_assert_eq(pl_state_hash(&client[k]), pl_state_hash(&v), "diff at step %d for %d", steps, whos[k]);
            json_decref(d);
        }
    }
    cr_assert_eq(st.wait, PL_WAIT_OVER);
    pl_ruleset_destroy(rs);
}

Test(proto, hostile_views_are_refused)
{
    static pl_state_t st;
    char e[PROTO_ERR_LEN];
    const char *bad[] = { "{\"n_seats\": 300}", "{\"n_seats\": -1}", "{\"where\": {\"len\": 5000, \"set\": []}}",
                          "{\"where\": {\"len\": 2, \"set\": [[2, 1]]}}", "{\"hand\": []}", "{\"seat\": [[1]]}",
                          "{\"rng\": [\"xyz\"]}", "{\"seq\": 1.5}", "[]" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *j = json_loads(bad[i], 0, NULL);
        cr_assert_not(proto_view_decode(&st, j, e, sizeof e), "accepted %s", bad[i]);
        json_decref(j);
        proto_scan_t sc = { bad[i], bad[i] + strlen(bad[i]) };
        cr_assert_not(proto_view_apply_scan(&st, &sc), "the scanner accepted %s", bad[i]);
    }
    /* what the tree decoder refuses (repeated keys) or the scanner leaves to it (escapes) */
    const char *scan_bad[] = { "{\"seq\": 1, \"seq\": 2}", "{\"where\": {\"len\": 2, \"len\": 2}}",
                               "{\"s\\u0065q\": 1}", "{\"seq\": 01}", "{\"seq\": 1e2}", "{\"seq\": 1" };
    for (size_t i = 0; i < sizeof scan_bad / sizeof scan_bad[0]; i++) {
        proto_scan_t sc = { scan_bad[i], scan_bad[i] + strlen(scan_bad[i]) };
        cr_assert_not(proto_view_apply_scan(&st, &sc), "the scanner accepted %s", scan_bad[i]);
    }
    /* a view the decoders take but whose seat count is beyond the arrays: hashing it reads
     * nothing outside the state (a hostile server must not crash a client that checks hashes) */
    const char *wide = "{\"n_seats\": 250, \"seq\": 3}";
    json_t *wj = json_loads(wide, 0, NULL);
    memset(&st, 0, sizeof st);
    if (proto_view_decode(&st, wj, e, sizeof e))
        cr_assert_neq(pl_state_hash(&st), 0u);
    json_decref(wj);
    /* refused after some fields were written: the undo puts every byte back */
    static pl_state_t before;
    static proto_undo_t undo;
    memset(&st, 0x5A, sizeof st);
    before = st;
    const char *late_bad[] = { "{\"seq\": 7, \"round\": 3, \"where\": [1, 2, 3], \"n_seats\": 300}",
                               "{\"played_log\": [[1, 2, 3, 4]], \"seq\": 1, \"seq\": 2}",
                               "{\"seat\": [[1]], \"n_cards\": 2}" };
    for (size_t i = 0; i < sizeof late_bad / sizeof late_bad[0]; i++) {
        proto_scan_t sc = { late_bad[i], late_bad[i] + strlen(late_bad[i]) };
        proto_undo_init(&undo);
        cr_assert_not(proto_view_apply_scan_undo(&st, &sc, &undo), "the scanner accepted %s", late_bad[i]);
        proto_undo_restore(&undo, &st);
        cr_assert_eq(memcmp(&st, &before, sizeof st), 0, "bytes left changed by %s", late_bad[i]);
    }
    uint64_t h;
    cr_assert(proto_parse_hex64("00000000000000ff", &h));
    cr_assert_eq(h, 255u);
    cr_assert_not(proto_parse_hex64("123456789abcdef01", &h));
}

/* The state hash's test vectors of docs/protocol.md (tests/vectors/state-hash.json): each view,
 * decoded, hashes to the value written beside it. The values are the specification: a change
 * of pl_state_hash() fails here (and needs PL_HASH_VERSION and PROTO_VERSION bumped). */
Test(proto, state_hash_test_vectors_of_the_protocol_doc)
{
    json_error_t je;
    json_t *all = json_load_file("tests/vectors/state-hash.json", JSON_REJECT_DUPLICATES, &je);
    cr_assert_not_null(all, "tests/vectors/state-hash.json: %s (line %d)", je.text, je.line);
    cr_assert_geq(json_array_size(all), 5);
    size_t i;
    json_t *v;
    json_array_foreach(all, i, v) {
        static pl_state_t st;
        char err[PROTO_ERR_LEN], hex[17];
        const char *name = json_string_value(json_object_get(v, "name"));
        cr_assert(proto_view_decode(&st, json_object_get(v, "view"), err, sizeof err), "%s: %s", name, err);
        proto_hex64(pl_state_hash(&st), hex);
        cr_assert_str_eq(hex, json_string_value(json_object_get(v, "view_hash")), "vector '%s'", name);
    }
    json_decref(all);
}
