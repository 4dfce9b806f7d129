/* suggest.c -- "did you mean": the closest known name by edit distance (with transpositions) */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "load.h"

#define MAXW 64

/* Edit distance with adjacent transpositions (optimal string alignment), ignoring case;
 * words longer than MAXW are never close. */
static int distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > MAXW || m > MAXW)
        return 1000;
    int d[MAXW + 1][MAXW + 1];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            int cost = ca != cb;
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) && tolower((unsigned char)a[i - 2]) == cb &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

const char *pl_suggest(const char *word, const char *const *cands, size_t n)
{
    if (!word || !*word)
        return NULL;
    size_t len = strlen(word);
    int limit = len <= 2 ? 0 : (int)(len / 4 > 1 ? len / 4 : 1);
    const char *best = NULL;
    int best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        if (!cands[i] || !strcmp(cands[i], word))
            continue;
        int dd = distance(word, cands[i]);
        if (dd < best_d) {
            best_d = dd;
            best = cands[i];
        }
    }
    return best;
}

const char *pl_hint(pl_loader_t *ld, int kind, const char *id)
{
    const pl_ruleset_t *rs = ld->rs;
    const char *c[PL_MAX_SPACES];
    size_t n = 0;
    switch (kind) {
    case PL_REF_COUNTER:
        for (int i = 0; i < rs->n_counters; i++)
            c[n++] = rs->counters[i].id;
        break;
    case PL_REF_TABLE_COUNTER:
        for (int i = 0; i < rs->n_table_counters; i++)
            c[n++] = rs->table_counters[i].id;
        break;
    case PL_REF_TOKEN:
        for (int i = 0; i < rs->n_tokens; i++)
            c[n++] = rs->tokens[i].id;
        break;
    case PL_REF_DECK:
        for (int i = 0; i < rs->n_decks; i++)
            c[n++] = rs->decks[i].id;
        break;
    case PL_REF_SPACE:
        for (int i = 0; i < rs->n_spaces; i++)
            c[n++] = rs->spaces[i].id;
        break;
    case PL_REF_PHASE:
        for (int i = 0; i < rs->n_phases; i++)
            c[n++] = rs->phases[i].id;
        break;
    }
    const char *s = pl_suggest(id, c, n);
    ld->hint[0] = '\0';
    if (s)
        snprintf(ld->hint, sizeof ld->hint, PL_TR(" (did you mean '%s'?)"), s);
    return ld->hint;
}
