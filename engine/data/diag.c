/* diag.c -- the list of file:line diagnostics a package load collects */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
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
    }
    pl_free(d->items);
    pl_diags_init(d);
}

void pl_diags_print(const pl_diags_t *d, FILE *out)
{
    for (size_t i = 0; i < d->n; i++)
        fprintf(out, "%s:%u: %s\n", d->items[i].file, d->items[i].line, d->items[i].msg);
}

static int push(pl_diags_t *d, const char *file, unsigned line, char *msg)
{
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
    if (!f) {
        pl_free(msg);
        return -1;
    }
    d->items[d->n].file = f;
    d->items[d->n].line = line;
    d->items[d->n].msg = msg;
    d->n++;
    return 0;
}

int pl_diags_add(pl_diags_t *d, const char *file, unsigned line, const char *fmt, ...)
{
    if (d->n > PL_PACKAGE_MAX_DIAGS)
        return 0;
    if (d->n == PL_PACKAGE_MAX_DIAGS) {
        char *m = pl_strdup("too many errors, the rest are not shown");
        return m ? push(d, file, line, m) : -1;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = pl_vasprintf(fmt, ap);
    va_end(ap);
    if (!msg)
        return -1;
    /* one line per diagnostic: libxml2 messages end with a newline */
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ' || msg[n - 1] == '\r'))
        msg[--n] = '\0';
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return push(d, file, line, msg);
}
