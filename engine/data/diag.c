/* diag.c -- the list of file:line diagnostics a package load collects: add, count, sort, print */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "tr.h"
#include "package.h"
#include "pl_alloc.h"

void pl_diags_init(pl_diags_t *d)
{
    d->items = NULL;
    d->n = d->cap = 0;
}

void pl_diags_free(pl_diags_t *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        pl_free(d->items[i].file);
        pl_free(d->items[i].msg);
        pl_free(d->items[i].focus);
    }
    pl_free(d->items);
    pl_diags_init(d);
}

void pl_diags_print(const pl_diags_t *d, FILE *out)
{
    for (size_t i = 0; i < d->n; i++)
        fprintf(out, "%s:%u: %s%s\n", d->items[i].file, d->items[i].line,
                d->items[i].level == PL_DIAG_WARNING ? "warning: " : "", d->items[i].msg);
}

/* One line per diagnostic: libxml2 messages end with a newline. */
static void one_line(char *msg)
{
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ' || msg[n - 1] == '\r'))
        msg[--n] = '\0';
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
}

/* Takes msg (malloc'd) in every case. */
static int push(pl_diags_t *d, int level, const char *file, unsigned line, const char *focus, char *msg)
{
    if (d->n > PL_PACKAGE_MAX_DIAGS) {
        pl_free(msg);
        return 0;
    }
    if (d->n == PL_PACKAGE_MAX_DIAGS) {
        pl_free(msg);
        msg = pl_strdup(PL_TR("too many errors, the rest are not shown"));
        if (!msg)
            return -1;
        level = PL_DIAG_ERROR;
        focus = NULL;
    }
    if (d->n == d->cap) {
        size_t nc = d->cap ? d->cap * 2 : 16;
        pl_diag_t *p = pl_realloc(d->items, nc * sizeof *p);
        if (!p) {
            pl_free(msg);
            return -1;
        }
        d->items = p;
        d->cap = nc;
    }
    char *f = pl_strdup(file ? file : "");
    char *fo = focus && *focus ? pl_strdup(focus) : NULL;
    if (!f || (focus && *focus && !fo)) {
        pl_free(f);
        pl_free(fo);
        pl_free(msg);
        return -1;
    }
    one_line(msg);
    d->items[d->n].file = f;
    d->items[d->n].line = line;
    d->items[d->n].msg = msg;
    d->items[d->n].level = level;
    d->items[d->n].focus = fo;
    d->items[d->n].col = 0;
    d->n++;
    return 0;
}

int pl_diags_push(pl_diags_t *d, int level, const char *file, unsigned line, const char *focus, const char *msg)
{
    char *m = pl_strdup(msg ? msg : "");
    return m ? push(d, level, file, line, focus, m) : -1;
}

int pl_diags_add(pl_diags_t *d, const char *file, unsigned line, const char *fmt, ...)
{
    if (d->n > PL_PACKAGE_MAX_DIAGS)
        return 0;
    va_list ap;
    va_start(ap, fmt);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    char *msg = pl_vasprintf(PL_TR(fmt), ap); /* the catalog's formats are checked by msgfmt --check */
#pragma GCC diagnostic pop
    va_end(ap);
    if (!msg)
        return -1;
    return push(d, PL_DIAG_ERROR, file, line, NULL, msg);
}

size_t pl_diags_count(const pl_diags_t *d, size_t from, int level)
{
    size_t n = 0;
    for (size_t i = from; i < d->n; i++)
        n += d->items[i].level == level;
    return n;
}

typedef struct {
    pl_diag_t item;
    size_t rank, seq;
} sort_key_t;

static int cmp_keys(const void *a, const void *b)
{
    const sort_key_t *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->item.line != y->item.line)
        return x->item.line < y->item.line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void pl_diags_sort(pl_diags_t *d, size_t from, const char *first_file)
{
    size_t end = d->n;
    if (end > from && end > PL_PACKAGE_MAX_DIAGS)
        end--; /* the "too many errors" entry */
    if (end <= from + 1)
        return;
    size_t n = end - from;
    sort_key_t *k = malloc(n * sizeof *k);
    if (!k)
        return; /* unsorted is still complete */
    for (size_t i = 0; i < n; i++) {
        k[i].item = d->items[from + i];
        k[i].seq = i;
        /* rank: first_file 0, then files by first appearance */
        size_t r = 0;
        if (!first_file || strcmp(k[i].item.file, first_file) != 0) {
            r = i + 1;
            for (size_t j = 0; j < i; j++)
                if (!strcmp(k[j].item.file, k[i].item.file)) {
                    r = k[j].rank;
                    break;
                }
        }
        k[i].rank = r;
    }
    qsort(k, n, sizeof *k, cmp_keys);
    for (size_t i = 0; i < n; i++)
        d->items[from + i] = k[i].item;
    free(k);
}
