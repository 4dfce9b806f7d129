/* typo.c -- French typography of player-facing texts: no-break spaces so punctuation never starts a line */
#include <string.h>
#include "ruleset.h"

#define NBSP "\xC2\xA0"        /* U+00A0 before ':' and '»', after '«' */
#define NNBSP "\xE2\x80\xAF"   /* U+202F, the narrow one, before ';', '!' and '?' */

static int starts(const char *p, const char *s)
{
    return strncmp(p, s, strlen(s)) == 0;
}

size_t pl_typo_fr(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    if (!cap)
        return 0;
    for (const char *p = in; *p; p++) {
        const char *rep = NULL;
        size_t skip = 1;
        if (*p == ' ' && (p[1] == ':' || starts(p + 1, "\xC2\xBB")))
            rep = NBSP;
        else if (*p == ' ' && (p[1] == ';' || p[1] == '!' || p[1] == '?'))
            rep = NNBSP;
        else if (starts(p, "\xC2\xAB "))
            rep = "\xC2\xAB" NBSP, skip = 3;
        size_t len = rep ? strlen(rep) : 1;
        if (n + len >= cap)
            break;
        memcpy(out + n, rep ? rep : p, len);
        n += len;
        p += skip - 1;
    }
    out[n] = 0;
    return n;
}
