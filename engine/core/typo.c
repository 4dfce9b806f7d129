/* typo.c -- French typography of player-facing texts: no-break spaces so punctuation never starts a line, and a quote
 * inside a quote in second-level marks */
#include <string.h>
#include "ruleset.h"

#define NBSP "\xC2\xA0"        /* U+00A0 before ':' and '»', after '«' */
#define NNBSP "\xE2\x80\xAF"   /* U+202F, the narrow one, before ';', '!' and '?' */

static int starts(const char *p, const char *s)
{
    return strncmp(p, s, strlen(s)) == 0;
}

/* a space or a no-break space at p: its length, else 0 */
static size_t space_at(const char *p)
{
    if (*p == ' ')
        return 1;
    if (starts(p, NBSP))
        return 2;
    return 0;
}

size_t pl_typo_fr(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    int depth = 0; /* guillemets open: a quote inside a quote takes the second-level marks, “ ” without spaces */
    if (!cap)
        return 0;
    for (const char *p = in; *p; p++) {
        const char *rep = NULL;
        size_t skip = 1, sp;
        if (starts(p, "\xC2\xAB") && depth >= 1) {
            rep = "\xE2\x80\x9C", skip = 2 + space_at(p + 2);
            depth++;
        } else if ((sp = space_at(p)) && starts(p + sp, "\xC2\xBB") && depth >= 2) {
            rep = "\xE2\x80\x9D", skip = sp + 2;
            depth--;
        } else if (starts(p, "\xC2\xBB") && depth >= 2) {
            rep = "\xE2\x80\x9D", skip = 2;
            depth--;
        } else if (*p == ' ' && (p[1] == ':' || starts(p + 1, "\xC2\xBB"))) {
            rep = NBSP;
        } else if (*p == ' ' && (p[1] == ';' || p[1] == '!' || p[1] == '?')) {
            rep = NNBSP;
        } else if (starts(p, "\xC2\xAB ")) {
            rep = "\xC2\xAB" NBSP, skip = 3;
            depth++;
        } else if (starts(p, "\xC2\xAB")) {
            rep = "\xC2\xAB", skip = 2;
            depth++;
        } else if (starts(p, "\xC2\xBB")) {
            rep = "\xC2\xBB", skip = 2;
            if (depth > 0)
                depth--;
        }
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
