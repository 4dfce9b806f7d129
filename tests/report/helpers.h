/* helpers.h -- plateau-report's tests: running it, reading its CSV files, the truth replayed from the database, headless Chromium */
#ifndef TR_HELPERS_H
#define TR_HELPERS_H

#include <stddef.h>
#include <stdint.h>
#include "plateau.h"

#ifndef TR_BUILD
#define TR_BUILD "build"
#endif
#define TR_REPORT TR_BUILD "/plateau-report"

/* Run argv (NULL-terminated) with TZ=UTC; its stdout and stderr go to out (if not NULL, cut at
 * cap). Returns the exit status, or -1 when it did not exit (killed after timeout_s). */
int tr_run(const char *const *argv, char *out, size_t cap, int timeout_s);
/* plateau-report with these arguments (NULL-terminated after them). */
int tr_report(char *out, size_t cap, ...);

/* a fresh folder under /tmp (its path in dir) and its removal with everything in it */
void tr_tmpdir(char *dir, size_t len);
void tr_rmtree(const char *dir);
/* the entries of a folder, one line each, sorted ("" when none); to see that nothing was written */
void tr_listing(const char *dir, char *out, size_t cap);
int tr_exists(const char *path);
char *tr_slurp(const char *path, size_t *len); /* malloc'ed, NUL-terminated; NULL when unreadable */

/* A CSV file (RFC 4180) read back: rows of fields. */
typedef struct {
    char ***rows;
    size_t *n_fields;
    size_t n_rows;
} tr_csv_t;
int tr_csv_read(const char *path, tr_csv_t *csv); /* 0, or -1 when the file is not well-formed CSV */
void tr_csv_free(tr_csv_t *csv);
int tr_csv_col(const tr_csv_t *csv, const char *name); /* index in the header row, -1 when absent */
long long tr_num(const char *s);                         /* a whole number field (asserts) */

/* A table of the database, replayed here with the core, move by move. */
typedef struct {
    uint32_t id;
    char package[64];
    pl_ruleset_t *rs;  /* owned */
    int n_seats;
    uint64_t seed;
    unsigned bots;
    int64_t created;
    char team[PL_MAX_SEATS][64];  /* the name the report must show */
    pl_move_t *moves;
    size_t n_moves;
    pl_state_t *st;    /* st[0] the start, st[k] after move k */
} tr_table_t;

/* Every table of the database file (read with SQLite here, not with plateau-report's code). */
int tr_db_tables(const char *db, tr_table_t **out, size_t *n);
void tr_tables_free(tr_table_t *t, size_t n);
pl_ruleset_t *tr_package(const char *id); /* game-data/ID or tests/fixtures/packages/ID */
/* The state the report's round row r stands for: the start, the move that began round r + 1, or the end. */
const pl_state_t *tr_round_state(const tr_table_t *t, uint32_t r);

/* Headless Chromium on a file with networking disabled. what: "dom" (its DOM into out),
 * "screenshot" (PNG at path), "pdf" (PDF at path). The network log goes to netlog (if not NULL).
 * Returns its exit status; the time it took goes to *ms. */
int tr_chromium(const char *html, const char *what, const char *path, const char *netlog, char *out, size_t cap,
                double *ms);
/* Requests a page made, read from the network log (python3 tests/report/netlog_check.py); -1 on error. */
int tr_page_requests(const char *netlog, char *out, size_t cap);
int tr_pdf_pages(const char *pdf);
/* The share of pixels (0..1) whose colour differs by more than tol on a channel; -1 when the sizes differ
 * or a file cannot be read. */
double tr_png_diff(const char *a, const char *b, int tol);
int tr_count(const char *hay, const char *needle);

#endif
