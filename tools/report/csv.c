/* csv.c -- one sheet as a CSV file: UTF-8, RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a quote or a line break) */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "report.h"

static void field(rp_buf_t *b, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        rp_put(b, s);
        return;
    }
    rp_put(b, "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            rp_put(b, "\"\"");
        else
            rp_putn(b, p, 1);
    }
    rp_put(b, "\"");
}

int rp_csv_write(const char *dir, const rp_sheet_t *s)
{
    char path[4096 + 64];
    snprintf(path, sizeof path, "%s/%s", dir, s->file);
    rp_buf_t b = { 0 };
    for (size_t r = 0; r < s->n_rows; r++) {
        for (int c = 0; c < s->n_cols; c++) {
            if (c)
                rp_put(&b, ",");
            const char *t = s->cells[r * (size_t)s->n_cols + c].text;
            field(&b, t ? t : "");
        }
        rp_put(&b, "\r\n");
    }
    if (b.nomem) {
        rp_buf_free(&b);
        return rp_fail(_("out of memory"));
    }
    FILE *f = fopen(path, "wb");
    int ok = f && (b.n == 0 || fwrite(b.s, 1, b.n, f) == b.n);
    int saved = errno;
    if (f && fclose(f) != 0)
        ok = 0, saved = errno;
    rp_buf_free(&b);
    if (!ok)
        return rp_fail(_("cannot write %s: %s"), path, strerror(saved));
    return 0;
}
