/* db.c -- plateau-report reads the server's SQLite database read-only, in one snapshot, safely while the server writes it */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include "report.h"

struct rp_db {
    sqlite3 *db;
    char path[1024];
    int has_archived;   /* columns added by later servers (an older database lacks them) */
    int has_extra;      /* the seat_extra table (team names given at creation) */
    int old_hashes;     /* the log's state hashes come from an older core: not compared */
    int immutable;      /* read without SQLite's -wal and -shm files: nobody had the database open */
};

/* "file:" and the path with what a URI may not hold as is written %XX */
static void file_uri(const char *path, const char *query, char *out, size_t cap)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = (size_t)snprintf(out, cap, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p && n + 4 < cap; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
            out[n++] = (char)*p;
        } else {
            out[n++] = '%';
            out[n++] = hex[*p >> 4];
            out[n++] = hex[*p & 15];
        }
    }
    out[n] = 0;
    snprintf(out + n, cap - n, "%s", query);
}

static int has_wal(const char *path)
{
    char wal[1100];
    snprintf(wal, sizeof wal, "%s-wal", path);
    return access(wal, F_OK) == 0;
}

/* what the report reads: a database without these is not a Plateau server's */
static const char *const NEEDED[][2] = {
    { "tables", "id" }, { "tables", "package" }, { "tables", "seats" }, { "tables", "seed" }, { "tables", "bots" },
    { "tables", "created" }, { "seats", "table_id" }, { "seats", "seat" }, { "seats", "team" },
    { "moves", "table_id" }, { "moves", "seq" }, { "moves", "type" }, { "moves", "seat" }, { "moves", "arg" },
    { "moves", "hash" }, { "meta", "key" }, { "meta", "value" },
};

static int has_column(sqlite3 *db, const char *table, const char *col)
{
    sqlite3_stmt *q = NULL;
    int found = -1;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name=?2", -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, table, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, col, -1, SQLITE_STATIC);
        int rc = sqlite3_step(q);
        found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
    }
    sqlite3_finalize(q);
    return found;
}

static int db_error(rp_db_t *d)
{
    return rp_fail(_("database %s cannot be read: %s"), d->path, sqlite3_errmsg(d->db));
}

int rp_db_open(const char *path, int as_reader, rp_db_t **out)
{
    *out = NULL;
    struct stat sb;
    if (stat(path, &sb) != 0)
        return rp_fail(_("database %s does not exist"), path);
    if (!S_ISREG(sb.st_mode))
        return rp_fail(_("database %s is not a file"), path);
    /* an SQLite file begins with its 16-byte signature: anything else is not a database at all,
     * and SQLite is not even asked to open it */
    unsigned char head[20] = { 0 };
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return rp_fail(_("database %s cannot be read: %s"), path, strerror(errno));
    ssize_t got = read(fd, head, sizeof head);
    close(fd);
    if (got != (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
        return rp_fail(_("%s is not a database of plateau-server"), path);
    rp_db_t *d = calloc(1, sizeof *d);
    if (!d)
        return rp_fail(_("out of memory"));
    snprintf(d->path, sizeof d->path, "%s", path);
    /* A database in WAL mode that no program has open has no -wal file: it is read as it is on
     * disk, without creating SQLite's -wal and -shm files beside it (rp_db_unchanged() checks
     * afterwards that no server opened it meanwhile). Otherwise it is read as a WAL reader: the
     * server's writes never block it, nor it the server. */
    char uri[3200];
    d->immutable = !as_reader && (head[18] == 2 || head[19] == 2) && !has_wal(path);
    file_uri(path, d->immutable ? "?mode=ro&immutable=1" : "?mode=ro", uri, sizeof uri);
    if (sqlite3_open_v2(uri, &d->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        rp_fail(_("database %s cannot be read: %s"), path, d->db ? sqlite3_errmsg(d->db) : "");
        rp_db_close(d);
        return -1;
    }
    sqlite3_busy_timeout(d->db, 10000);
    /* one read transaction for everything: a consistent snapshot while the server commits */
    if (sqlite3_exec(d->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        db_error(d);
        rp_db_close(d);
        return -1;
    }
    for (size_t i = 0; i < sizeof NEEDED / sizeof NEEDED[0]; i++) {
        int h = has_column(d->db, NEEDED[i][0], NEEDED[i][1]);
        if (h < 0) {
            int code = sqlite3_errcode(d->db);
            if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
                rp_fail(_("%s is not a database of plateau-server"), path);
            else
                db_error(d);
            rp_db_close(d);
            return -1;
        }
        if (!h) {
            rp_fail(_("%s is not a database of plateau-server (it has no %s.%s)"), path, NEEDED[i][0], NEEDED[i][1]);
            rp_db_close(d);
            return -1;
        }
    }
    /* a newer server: its core hashes states another way, its rules may read a log otherwise */
    sqlite3_stmt *q = NULL;
    int version = 1;
    if (sqlite3_prepare_v2(d->db, "SELECT value FROM meta WHERE key='state_hash_version'", -1, &q, NULL) != SQLITE_OK) {
        db_error(d);
        rp_db_close(d);
        return -1;
    }
    if (sqlite3_step(q) == SQLITE_ROW)
        version = atoi((const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    int user_version = 0;
    if (sqlite3_prepare_v2(d->db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        user_version = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    if (version > PL_HASH_VERSION) {
        rp_fail(_("database %s was written by a newer plateau-server (state hash version %d; this plateau-report "
                  "reads up to %d): use the plateau-report of that version"),
                path, version, PL_HASH_VERSION);
        rp_db_close(d);
        return -1;
    }
    if (user_version > 0) { /* plateau-server leaves SQLite's schema number at 0 */
        rp_fail(_("database %s has a newer layout (schema version %d; this plateau-report reads version 0): use "
                  "the plateau-report of that version"),
                path, user_version);
        rp_db_close(d);
        return -1;
    }
    d->has_archived = has_column(d->db, "tables", "archived") == 1 && has_column(d->db, "tables", "archived_reason") == 1;
    d->has_extra = has_column(d->db, "seat_extra", "kind") == 1;
    /* the hashes are this core's only when the server recorded this version */
    d->old_hashes = version != PL_HASH_VERSION;
    *out = d;
    return 0;
}

int rp_db_unchanged(const rp_db_t *d)
{
    return !d->immutable || !has_wal(d->path);
}

void rp_db_close(rp_db_t *d)
{
    if (!d)
        return;
    if (d->db) {
        sqlite3_exec(d->db, "COMMIT", NULL, NULL, NULL);
        sqlite3_close(d->db);
    }
    free(d);
}

int rp_db_tables(rp_db_t *d, uint32_t **ids, int64_t **created, size_t *n)
{
    *ids = NULL;
    *created = NULL;
    *n = 0;
    sqlite3_stmt *q = NULL;
    size_t cap = 0;
    if (sqlite3_prepare_v2(d->db, "SELECT id, created FROM tables ORDER BY id", -1, &q, NULL) != SQLITE_OK)
        return db_error(d);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            uint32_t *ni = realloc(*ids, cap * sizeof *ni);
            int64_t *nc = ni ? realloc(*created, cap * sizeof *nc) : NULL;
            if (ni)
                *ids = ni;
            if (!ni || !nc) {
                sqlite3_finalize(q);
                return rp_fail(_("out of memory"));
            }
            *created = nc;
        }
        (*ids)[*n] = (uint32_t)sqlite3_column_int64(q, 0);
        (*created)[*n] = sqlite3_column_int64(q, 1);
        (*n)++;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE)
        return db_error(d);
    return 0;
}

int rp_db_log(rp_db_t *d, uint32_t id, rp_log_t *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *q = NULL;
    const char *sql = d->has_archived
                          ? "SELECT package, seats, seed, bots, created, archived, archived_reason FROM tables WHERE id=?"
                          : "SELECT package, seats, seed, bots, created, 0, '' FROM tables WHERE id=?";
    if (sqlite3_prepare_v2(d->db, sql, -1, &q, NULL) != SQLITE_OK)
        return db_error(d);
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(q);
        if (rc == SQLITE_DONE)
            return rp_fail(_("table %u does not exist in %s"), id, d->path);
        return db_error(d);
    }
    out->id = id;
    const char *pkg = (const char *)sqlite3_column_text(q, 0);
    snprintf(out->package, sizeof out->package, "%s", pkg ? pkg : "");
    out->n_seats = sqlite3_column_int(q, 1);
    out->seed = (uint64_t)sqlite3_column_int64(q, 2);
    out->bots = (unsigned)sqlite3_column_int(q, 3);
    out->created = sqlite3_column_int64(q, 4);
    out->archived = sqlite3_column_int64(q, 5);
    const char *why = (const char *)sqlite3_column_text(q, 6);
    snprintf(out->reason, sizeof out->reason, "%s", why ? why : "");
    sqlite3_finalize(q);
    if (out->n_seats < 1 || out->n_seats > PL_MAX_SEATS)
        return rp_fail(_("table %u of %s is damaged: %d seats"), id, d->path, out->n_seats);
    /* the teams: a name given at creation wins over the one given when the seat was taken */
    if (sqlite3_prepare_v2(d->db, "SELECT seat, team FROM seats WHERE table_id=?", -1, &q, NULL) != SQLITE_OK)
        return db_error(d);
    sqlite3_bind_int64(q, 1, id);
    while (sqlite3_step(q) == SQLITE_ROW) {
        int seat = sqlite3_column_int(q, 0);
        const char *team = (const char *)sqlite3_column_text(q, 1);
        if (seat >= 0 && seat < out->n_seats && team)
            snprintf(out->team[seat], sizeof out->team[seat], "%s", team);
    }
    sqlite3_finalize(q);
    if (d->has_extra) {
        if (sqlite3_prepare_v2(d->db, "SELECT seat, value FROM seat_extra WHERE table_id=? AND kind='name' ORDER BY rowid",
                               -1, &q, NULL) != SQLITE_OK)
            return db_error(d);
        sqlite3_bind_int64(q, 1, id);
        while (sqlite3_step(q) == SQLITE_ROW) {
            int seat = sqlite3_column_int(q, 0);
            int n = sqlite3_column_bytes(q, 1);
            const void *v = sqlite3_column_blob(q, 1);
            if (seat >= 0 && seat < out->n_seats && v && n > 0 && n < PD_TEAM_LEN) {
                memcpy(out->team[seat], v, (size_t)n);
                out->team[seat][n] = 0;
            }
        }
        sqlite3_finalize(q);
    }
    if (sqlite3_prepare_v2(d->db, "SELECT seq, type, seat, arg, hash FROM moves WHERE table_id=? ORDER BY seq", -1, &q,
                           NULL) != SQLITE_OK)
        return db_error(d);
    sqlite3_bind_int64(q, 1, id);
    size_t cap = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        sqlite3_int64 seq = sqlite3_column_int64(q, 0);
        int type = sqlite3_column_int(q, 1), seat = sqlite3_column_int(q, 2), arg = sqlite3_column_int(q, 3);
        if (seq != (sqlite3_int64)out->n_moves + 1 || type < 1 || type >= PL_MOVE__COUNT || seat < 0 || seat > 255 ||
            arg < 0 || arg > 65535) {
            sqlite3_finalize(q);
            rp_log_free(out);
            return rp_fail(_("table %u of %s is damaged at move %lld"), id, d->path, (long long)seq);
        }
        if (out->n_moves == cap) {
            cap = cap ? cap * 2 : 256;
            pl_move_t *m = realloc(out->moves, cap * sizeof *m);
            if (!m) {
                sqlite3_finalize(q);
                rp_log_free(out);
                return rp_fail(_("out of memory"));
            }
            out->moves = m;
        }
        out->moves[out->n_moves++] = (pl_move_t){ (uint8_t)type, (uint8_t)seat, (uint16_t)arg };
        out->last_hash = (uint64_t)sqlite3_column_int64(q, 4);
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        rp_log_free(out);
        return db_error(d);
    }
    out->check_hash = !d->old_hashes;
    return 0;
}

void rp_log_free(rp_log_t *l)
{
    if (!l)
        return;
    free(l->moves);
    l->moves = NULL;
    l->n_moves = 0;
}
