/* scan_view_msg.c -- plateau-bot reads snapshots and updates straight from their text (no JSON tree) */
#include <string.h>
#include "bot.h"

static int hex_value(const char *h, size_t n, uint64_t *v)
{
    char z[17];
    if (n == 0 || n > 16)
        return 0;
    memcpy(z, h, n);
    z[n] = 0;
    return proto_parse_hex64(z, v);
}

static proto_undo_t undo; /* what the frame overwrote in the view, should it not be taken whole */

/* Only a "snapshot" or an "update" whose every part the scanner takes is handled here: the view
 * (or the diff, applied to it) goes to view. Anything else returns 0 and goes through the full
 * parser. */
static int scan(const uint8_t *text, size_t len, pl_state_t *view, int have_view_before,
                uint64_t *view_hash, uint64_t *state_hash, int *have_state_hash)
{
    proto_scan_t s = { (const char *)text, (const char *)text + len };
    const char *keys[16];
    size_t kl[16], nk = 0;
    int kind = 0, have_view = 0, have_vh = 0;
    *have_state_hash = 0;
    if (!proto_scan_char(&s, '{'))
        return 0;
    do {
        const char *k, *v;
        size_t n, vn;
        if (nk == 16 || !proto_scan_str(&s, &k, &n) || !proto_scan_char(&s, ':'))
            return 0;
        for (size_t i = 0; i < nk; i++)
            if (kl[i] == n && memcmp(keys[i], k, n) == 0)
                return 0; /* a repeated key: the full parser refuses it */
        keys[nk] = k;
        kl[nk++] = n;
        if (proto_scan_is(k, n, "type")) {
            if (!proto_scan_str(&s, &v, &vn) || have_view)
                return 0; /* the view before the type: left to the full parser */
            kind = proto_scan_is(v, vn, "update") && have_view_before ? BOT_SCAN_UPDATE
                   : proto_scan_is(v, vn, "snapshot")                 ? BOT_SCAN_SNAPSHOT
                                                                       : 0;
            if (!kind)
                return 0;
        } else if (proto_scan_is(k, n, "view")) {
            if (!kind)
                return 0;
            if (kind == BOT_SCAN_SNAPSHOT) { /* rare: a join or a rejoin; the whole view is saved */
                if (!proto_undo_save(&undo, view, 0, sizeof *view))
                    return 0;
                memset(view, 0, sizeof *view);
            }
            if (!proto_view_apply_scan_undo(view, &s, kind == BOT_SCAN_SNAPSHOT ? NULL : &undo))
                return 0;
            have_view = 1;
        } else if (proto_scan_is(k, n, "view_hash")) {
            if (!proto_scan_str(&s, &v, &vn) || !hex_value(v, vn, view_hash))
                return 0;
            have_vh = 1;
        } else if (proto_scan_is(k, n, "state_hash")) {
            if (!proto_scan_str(&s, &v, &vn) || !hex_value(v, vn, state_hash))
                return 0;
            *have_state_hash = 1;
        } else if (!proto_scan_skip(&s)) {
            return 0;
        }
    } while (proto_scan_char(&s, ','));
    if (!proto_scan_char(&s, '}') || !proto_scan_done(&s) || !have_view || !have_vh)
        return 0;
    return kind;
}

int bot_scan_view_msg(const uint8_t *text, size_t len, pl_state_t *view, int have_view,
                      uint64_t *view_hash, uint64_t *state_hash, int *have_state_hash)
{
    proto_undo_init(&undo);
    int kind = scan(text, len, view, have_view, view_hash, state_hash, have_state_hash);
    if (!kind)
        proto_undo_restore(&undo, view);
    return kind;
}

int bot_scan_ok(const uint8_t *text, size_t len, int64_t *re, int64_t *seq)
{
    proto_scan_t s = { (const char *)text, (const char *)text + len };
    int is_ok = 0, have_re = 0;
    unsigned seen = 0;
    *seq = -1;
    if (!proto_scan_char(&s, '{'))
        return 0;
    do {
        const char *k, *v;
        size_t n, vn;
        unsigned bit;
        if (!proto_scan_str(&s, &k, &n) || !proto_scan_char(&s, ':'))
            return 0;
        if (proto_scan_is(k, n, "type")) {
            if (!proto_scan_str(&s, &v, &vn) || !proto_scan_is(v, vn, "ok"))
                return 0;
            is_ok = 1, bit = 1;
        } else if (proto_scan_is(k, n, "re")) {
            if (!proto_scan_int(&s, re))
                return 0;
            have_re = 1, bit = 2;
        } else if (proto_scan_is(k, n, "seq")) {
            if (!proto_scan_int(&s, seq))
                return 0;
            bit = 4;
        } else if (proto_scan_is(k, n, "table")) {
            if (!proto_scan_skip(&s))
                return 0;
            bit = 8;
        } else {
            return 0; /* anything else: the full parser */
        }
        if (seen & bit)
            return 0; /* a repeated key: the full parser refuses it */
        seen |= bit;
    } while (proto_scan_char(&s, ','));
    return proto_scan_char(&s, '}') && proto_scan_done(&s) && is_ok && have_re;
}
