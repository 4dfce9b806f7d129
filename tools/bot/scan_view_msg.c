/* scan_view_msg.c -- plateau-bot reads snapshots and updates straight from their text (no JSON tree) */
#include <string.h>
#include "bot.h"

static int is_key(const char *k, size_t n, const char *want)
{
    return strncmp(k, want, n) == 0 && want[n] == 0; /* k holds no NUL (the scanner refuses them) */
}

static int hex_value(const char *h, size_t n, uint64_t *v)
{
    char z[17];
    if (n == 0 || n > 16)
        return 0;
    memcpy(z, h, n);
    z[n] = 0;
    return proto_parse_hex64(z, v);
}

/* Only a "snapshot" or an "update" whose every part the scanner takes is handled here: the view
 * (or the diff, applied to view, copied to out first unless out is view) goes to out, which the
 * caller keeps only when the whole frame was read. Anything else returns 0 and goes through the
 * full parser. */
int bot_scan_view_msg(const uint8_t *text, size_t len, const pl_state_t *view, pl_state_t *out,
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
        if (is_key(k, n, "type")) {
            if (!proto_scan_str(&s, &v, &vn) || have_view)
                return 0; /* the view before the type: left to the full parser */
            kind = is_key(v, vn, "update") && view ? BOT_SCAN_UPDATE : is_key(v, vn, "snapshot") ? BOT_SCAN_SNAPSHOT : 0;
            if (!kind)
                return 0;
        } else if (is_key(k, n, "view")) {
            if (!kind)
                return 0;
            if (kind == BOT_SCAN_SNAPSHOT)
                memset(out, 0, sizeof *out);
            else if (out != view)
                memcpy(out, view, sizeof *out);
            if (!proto_view_apply_scan(out, &s))
                return 0;
            have_view = 1;
        } else if (is_key(k, n, "view_hash")) {
            if (!proto_scan_str(&s, &v, &vn) || !hex_value(v, vn, view_hash))
                return 0;
            have_vh = 1;
        } else if (is_key(k, n, "state_hash")) {
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
