/* scan.c -- a small JSON text scanner (no tree, no allocation) for the hot decoding paths */
#include <string.h>
#include "proto/scan.h"

void proto_scan_ws(proto_scan_t *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

int proto_scan_char(proto_scan_t *s, char c)
{
    proto_scan_ws(s);
    if (s->p < s->end && *s->p == c) {
        s->p++;
        return 1;
    }
    return 0;
}

int proto_scan_peek(proto_scan_t *s, char c)
{
    proto_scan_ws(s);
    return s->p < s->end && *s->p == c;
}

int proto_scan_int(proto_scan_t *s, int64_t *v)
{
    int neg = 0, digits = 0;
    int64_t x = 0;
    proto_scan_ws(s);
    if (s->p < s->end && *s->p == '-') {
        neg = 1;
        s->p++;
    }
    if (s->p < s->end && *s->p == '0' && s->p + 1 < s->end && s->p[1] >= '0' && s->p[1] <= '9')
        return 0; /* leading zero */
    while (s->p < s->end && *s->p >= '0' && *s->p <= '9') {
        if (++digits > 18)
            return 0;
        x = x * 10 + (*s->p++ - '0');
    }
    if (!digits || (s->p < s->end && (*s->p == '.' || *s->p == 'e' || *s->p == 'E')))
        return 0;
    *v = neg ? -x : x;
    return 1;
}

int proto_scan_str(proto_scan_t *s, const char **str, size_t *n)
{
    if (!proto_scan_char(s, '"'))
        return 0;
    const char *b = s->p;
    while (s->p < s->end && *s->p != '"') {
        unsigned char c = (unsigned char)*s->p;
        if (c < 0x20 || c >= 0x7f || c == '\\')
            return 0;
        s->p++;
    }
    if (s->p >= s->end)
        return 0;
    *str = b;
    *n = (size_t)(s->p - b);
    s->p++;
    return 1;
}

static int skip_depth(proto_scan_t *s, int depth)
{
    const char *q;
    size_t n;
    int64_t v;
    if (depth > 32)
        return 0;
    proto_scan_ws(s);
    if (s->p >= s->end)
        return 0;
    switch (*s->p) {
    case '"':
        return proto_scan_str(s, &q, &n);
    case '[':
        s->p++;
        if (proto_scan_char(s, ']'))
            return 1;
        do {
            if (!skip_depth(s, depth + 1))
                return 0;
        } while (proto_scan_char(s, ','));
        return proto_scan_char(s, ']');
    case '{': { /* keys are checked for repeats (jansson refuses them), up to 16 keys */
        const char *key[16];
        size_t kl[16], nk = 0;
        s->p++;
        if (proto_scan_char(s, '}'))
            return 1;
        do {
            if (nk == 16 || !proto_scan_str(s, &q, &n) || !proto_scan_char(s, ':'))
                return 0;
            for (size_t i = 0; i < nk; i++)
                if (kl[i] == n && memcmp(key[i], q, n) == 0)
                    return 0;
            key[nk] = q;
            kl[nk++] = n;
            if (!skip_depth(s, depth + 1))
                return 0;
        } while (proto_scan_char(s, ','));
        return proto_scan_char(s, '}');
    }
    case 't':
    case 'f':
    case 'n': {
        const char *w = *s->p == 't' ? "true" : *s->p == 'f' ? "false" : "null";
        for (; *w; w++, s->p++)
            if (s->p >= s->end || *s->p != *w)
                return 0;
        return 1;
    }
    default:
        return proto_scan_int(s, &v);
    }
}

int proto_scan_skip(proto_scan_t *s)
{
    return skip_depth(s, 0);
}

int proto_scan_done(proto_scan_t *s)
{
    proto_scan_ws(s);
    return s->p == s->end;
}

int proto_scan_is(const char *str, size_t n, const char *want)
{
    for (size_t i = 0; i < n; i++) /* stops at want's end, since str holds no NUL */
        if (str[i] != want[i])
            return 0;
    return want[n] == 0;
}
