/* table.c -- text tables for plateau-deck reports: aligned columns, or Markdown */
#include <stdlib.h>
#include <string.h>
#include "table.h"

int table_init(table_t *t, int markdown, const char *const *headers)
{
    memset(t, 0, sizeof *t);
    t->markdown = markdown;
    while (headers[t->n_cols] && t->n_cols < TABLE_MAX_COLS)
        t->n_cols++;
    t->cap_rows = 16;
    t->cells = calloc((size_t)t->cap_rows, sizeof *t->cells);
    if (!t->cells)
        return -1;
    table_row(t, headers);
    return 0;
}

void table_row(table_t *t, const char *const *cells)
{
    if (!t->cells)
        return;
    if (t->n_rows == t->cap_rows) {
        void *p = realloc(t->cells, (size_t)t->cap_rows * 2 * sizeof *t->cells);
        if (!p)
            return;
        t->cells = p;
        t->cap_rows *= 2;
    }
    for (int c = 0; c < t->n_cols; c++)
        snprintf(t->cells[t->n_rows][c], TABLE_CELL, "%s", cells[c] ? cells[c] : "");
    t->n_rows++;
}

/* display width of UTF-8 text: one column per code point */
static int width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

void table_print(table_t *t, FILE *out)
{
    if (!t->cells)
        return;
    int wd[TABLE_MAX_COLS] = { 0 };
    for (int r = 0; r < t->n_rows; r++)
        for (int c = 0; c < t->n_cols; c++)
            if (width(t->cells[r][c]) > wd[c])
                wd[c] = width(t->cells[r][c]);
    for (int r = 0; r < t->n_rows; r++) {
        for (int c = 0; c < t->n_cols; c++) {
            const char *s = t->cells[r][c];
            int pad = wd[c] - width(s);
            /* first column left-aligned, figures right-aligned */
            if (t->markdown)
                fprintf(out, "| %s%*s ", s, pad, "");
            else if (c == 0)
                fprintf(out, "%s%*s", s, pad, "");
            else
                fprintf(out, "  %*s%s", pad, "", s);
        }
        fprintf(out, t->markdown ? "|\n" : "\n");
        if (r == 0 && t->markdown) {
            for (int c = 0; c < t->n_cols; c++) {
                fprintf(out, "|%s", c ? "" : "");
                for (int k = 0; k < wd[c] + 2; k++)
                    fputc(c && k == wd[c] + 1 ? ':' : '-', out);
            }
            fprintf(out, "|\n");
        }
    }
    fputc('\n', out);
    free(t->cells);
    t->cells = NULL;
}

void report_heading(FILE *out, int markdown, const char *title)
{
    if (markdown) {
        fprintf(out, "## %s\n\n", title);
        return;
    }
    fprintf(out, "%s\n", title);
    for (int i = width(title); i > 0; i--)
        fputc('-', out);
    fputc('\n', out);
}
