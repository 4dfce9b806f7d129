/* limits.c -- what a client may do: message rate (token bucket per connection), team names (ICU: printable, NFC) */
#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include "server.h"

uint64_t srv_now_ms(srv_t *s)
{
    return uv_now(s->loop);
}

int srv_rate_ok(conn_t *c)
{
    uint64_t now = srv_now_ms(c->srv);
    if (now > c->refill_ms) {
        c->tokens += (double)(now - c->refill_ms) * c->srv->o.rate / 1000.0;
        if (c->tokens > c->srv->o.burst)
            c->tokens = c->srv->o.burst;
        c->refill_ms = now;
    }
    if (c->tokens < 1.0)
        return 0;
    c->tokens -= 1.0;
    return 1;
}

/* What a code point is, when it may not stand in a name; NULL when it may. */
static const char *banned(UChar32 cp)
{
    switch (u_charType(cp)) {
    case U_CONTROL_CHAR: return "a control character";
    case U_FORMAT_CHAR: /* bidi embeddings, overrides and isolates, zero-width characters, soft hyphen */
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
            cp == 0x061C)
            return "a bidirectional control";
        return "an invisible formatting character";
    case U_PRIVATE_USE_CHAR: return "a private-use character";
    case U_SURROGATE: return "a surrogate";
    case U_UNASSIGNED: return "an unassigned code point";
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR: return "a line or paragraph separator";
    default: return NULL;
    }
}

int srv_clean_name(const char *in, size_t max, char *out, size_t outlen, char *why, size_t whylen)
{
    UChar u[4 * SRV_NAME_MAX], v[4 * SRV_NAME_MAX];
    int32_t ul = 0, vl = 0, ol = 0;
    UErrorCode e = U_ZERO_ERROR;
    size_t n = strlen(in);
    if (n == 0 || n > max) {
        snprintf(why, whylen, "a team name is 1 to %zu bytes of UTF-8", max);
        return 0;
    }
    u_strFromUTF8(u, (int32_t)(sizeof u / sizeof u[0]), &ul, in, (int32_t)n, &e);
    if (U_FAILURE(e)) {
        snprintf(why, whylen, "a team name must be valid UTF-8");
        return 0;
    }
    int printable = 0;
    for (int32_t i = 0; i < ul;) {
        UChar32 cp;
        U16_NEXT(u, i, ul, cp);
        const char *what = banned(cp);
        if (what) {
            snprintf(why, whylen, "a team name is printable text: U+%04X is %s", (unsigned)cp, what);
            return 0;
        }
        printable |= !u_isUWhiteSpace(cp);
    }
    if (!printable) {
        snprintf(why, whylen, "a team name needs at least one visible character");
        return 0;
    }
    /* NFC: the same name typed on two keyboards is one name (composed é, not e + U+0301) */
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
    if (U_SUCCESS(e))
        vl = unorm2_normalize(nfc, u, ul, v, (int32_t)(sizeof v / sizeof v[0]), &e);
    if (U_SUCCESS(e))
        u_strToUTF8(out, (int32_t)outlen, &ol, v, vl, &e);
    if (U_FAILURE(e) || (size_t)ol > max || (size_t)ol >= outlen) {
        snprintf(why, whylen, "a team name is 1 to %zu bytes of UTF-8 once normalised (NFC)", max);
        return 0;
    }
    out[ol] = 0;
    return 1;
}
