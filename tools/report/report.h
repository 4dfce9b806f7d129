/* report.h -- plateau-report: a day's or a table's debrief from the server's database or a saved hot-seat game, as HTML, CSV and XLSX */
#ifndef RP_REPORT_H
#define RP_REPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "plateau.h"
#include "debrief/debrief.h"
#include "text/text.h"

/* the language of every word the program writes (--lang) */
extern int rp_lang;
#define _(s) pt_tr(rp_lang, s)

/* The last error, in the chosen language; functions return -1 after setting it. */
extern char rp_err[2048];
int rp_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- a growable text buffer (buf.c) ------------------------------------------------------ */
typedef struct {
    char *s;
    size_t n, cap;
    int nomem;
} rp_buf_t;

void rp_put(rp_buf_t *b, const char *s);
void rp_putn(rp_buf_t *b, const char *s, size_t n);
void rp_printf(rp_buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rp_esc(rp_buf_t *b, const char *s); /* HTML text and attribute values: & < > " ' escaped */
void rp_buf_free(rp_buf_t *b);

/* ---- a table's log, read from the database or a saved game ------------------------------- */
typedef struct {
    uint32_t id;
    char package[64];
    char package_hash[65]; /* a saved game: the package's content hash; "" from the database */
    int n_seats;
    uint64_t seed;
    unsigned bots;
    int64_t created;  /* seconds since the epoch */
    int64_t archived; /* 0: still live on the server */
    char reason[32];
    char team[PL_MAX_SEATS][PD_TEAM_LEN];
    pl_move_t *moves;
    size_t n_moves;
    uint64_t last_hash; /* the state hash recorded after the last move */
    int check_hash;     /* 1 when last_hash was written by this version of the core */
    int hotseat;        /* a saved game of one screen: table 1, with no number shown */
} rp_log_t;

void rp_log_free(rp_log_t *l);

/* The database (db.c): opened read-only, safe while the server writes it (WAL readers). */
typedef struct rp_db rp_db_t;
int rp_db_open(const char *path, int as_reader, rp_db_t **out);
/* 0 when a server may have written the database while it was read as a file nobody had open:
 * read it again (it is then read as a WAL reader). */
int rp_db_unchanged(const rp_db_t *db);
void rp_db_close(rp_db_t *db);
/* Table ids of the database, in order (malloc'ed into *ids), with their creation times. */
int rp_db_tables(rp_db_t *db, uint32_t **ids, int64_t **created, size_t *n);
/* One table's log; 0, or -1 with rp_err ("table N does not exist" when absent). */
int rp_db_log(rp_db_t *db, uint32_t id, rp_log_t *out);

/* A saved hot-seat game (hotseat.c), in the client's format. */
int rp_save_read(const char *path, rp_log_t *out);

/* ---- packages by id (games.c) ------------------------------------------------------------ */
void rp_games_add(const char *dir);   /* --games DIR, in order */
void rp_games_default(void);          /* the game-data of this build or installation */
/* The package of that id (loaded once); NULL with rp_err. hash (if not NULL) gets its content hash. */
const pl_ruleset_t *rp_package(const char *id, char hash[65]);
void rp_games_free(void);

/* ---- the report -------------------------------------------------------------------------- */
typedef struct {
    rp_log_t log;
    const pl_ruleset_t *rs;
    pd_table_t *d;
} rp_table_t;

typedef struct {
    uint32_t id;
    char why[2048];
} rp_skip_t;

typedef struct {
    rp_table_t *tables;
    int n_tables;
    rp_skip_t *skipped; /* tables of the day left out, and why */
    int n_skipped;
    pd_day_t *day;
    int day_summary;    /* the day's pages come first */
    char day_label[128]; /* the date, as the chosen language writes it */
    const char *source; /* the file the report was made from */
} rp_report_t;

/* A sheet: the rows written as one CSV file and one XLSX worksheet (sheets.c). */
typedef struct {
    char *text;     /* owned */
    int is_num;
    long long num;
} rp_cell_t;

typedef struct {
    const char *file;  /* "moves.csv" */
    char name[32];     /* the worksheet's name */
    int n_cols;
    rp_cell_t *cells;  /* row-major, the header row first */
    size_t n_rows, cap_rows;
} rp_sheet_t;

enum { RP_SHEET_MOVES = 0, RP_SHEET_VOTES, RP_SHEET_SCORES, RP_SHEET_RULES, RP_SHEET_OPINION, RP_SHEETS };

int rp_sheets_build(const rp_report_t *r, rp_sheet_t sheets[RP_SHEETS]);
void rp_sheets_free(rp_sheet_t sheets[RP_SHEETS]);
int rp_csv_write(const char *dir, const rp_sheet_t *s);        /* csv.c */
int rp_xlsx_write(const char *path, const rp_sheet_t *sheets, int n); /* xlsx.c */
int rp_html_write(const char *path, const rp_report_t *r);     /* html.c */

/* charts (svg.c): each one is an <svg class="chart" data-chart="KIND"> element */
void rp_svg_lens_curves(rp_buf_t *b, const pd_table_t *t, int seat, int32_t top);
int32_t rp_lens_top(const pd_table_t *t);
void rp_svg_mire(rp_buf_t *b, const pd_table_t *t, int seat, int width, int max_lines);
void rp_svg_scores(rp_buf_t *b, const pd_table_t *t);
void rp_svg_ballots(rp_buf_t *b, const char *kind, const char *question, const char *const *labels,
                    const uint32_t *counts, int n, int width);
void rp_svg_lens_compare(rp_buf_t *b, const rp_report_t *r, const pl_ruleset_t *rs);

/* helpers shared by the writers */
void rp_team(const pd_table_t *t, int seat, char *buf, size_t len);
const char *rp_phase_name(const pl_ruleset_t *rs, int phase);
void rp_date(int64_t when, char *buf, size_t len); /* "1 December 2026, 14:02" / "1 décembre 2026, 14 h 02" */
void rp_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern int rp_quiet;

#endif
