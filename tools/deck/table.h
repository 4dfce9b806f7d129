/* table.h -- text tables for plateau-deck reports: aligned columns, or Markdown */
#ifndef PL_DECK_TABLE_H
#define PL_DECK_TABLE_H

#include <stdio.h>

#define TABLE_MAX_COLS 8
#define TABLE_CELL 96

typedef struct {
    int n_cols, n_rows, cap_rows;
    int markdown;
    char (*cells)[TABLE_MAX_COLS][TABLE_CELL]; /* row 0: headers */
} table_t;

/* Start a table with headers (NULL-terminated list). Returns 0, -1 on allocation failure. */
int table_init(table_t *t, int markdown, const char *const *headers);
/* Append a row: n_cols printf-style formats are not used; cells are given preformatted. */
void table_row(table_t *t, const char *const *cells);
/* Print and free. */
void table_print(table_t *t, FILE *out);

/* A section heading: "## title" in Markdown, "title" underlined otherwise. */
void report_heading(FILE *out, int markdown, const char *title);

#endif
