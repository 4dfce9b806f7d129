/* store.c -- persistence in one SQLite file (WAL): tables, seats, move log, meta; group commit */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "server.h"

struct store {
    sqlite3 *db;
    sqlite3 *ck; /* a second connection, used only by the checkpoint thread */
    int in_tx;
    int broken;          /* a failed write took the open transaction with it: commits fail from now on */
    uint64_t writes;     /* writes since store_fail_writes() */
    uint64_t fail[16];   /* those writes fail (test hook), 0: unused */
    sqlite3_stmt *begin, *commit, *add_table, *add_seat, *add_move, *get_meta, *set_meta, *del_meta,
        *set_last_hash, *archive, *add_extra, *set_opt, *add_message;
};

/* Columns added since the first schema: a database of an older server gets them at open. */
static const char *const ADDED_COLUMNS[][2] = {
    { "owner", "ALTER TABLE tables ADD COLUMN owner TEXT NOT NULL DEFAULT ''" },
    { "archived", "ALTER TABLE tables ADD COLUMN archived INTEGER NOT NULL DEFAULT 0" },
    { "archived_reason", "ALTER TABLE tables ADD COLUMN archived_reason TEXT NOT NULL DEFAULT ''" },
};

static int has_column(sqlite3 *db, const char *col)
{
    sqlite3_stmt *q = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('tables') WHERE name=?", -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(q, 1, col, -1, SQLITE_STATIC);
    found = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    return found;
}

static int migrate(sqlite3 *db, char **msg)
{
    for (size_t i = 0; i < sizeof ADDED_COLUMNS / sizeof ADDED_COLUMNS[0]; i++) {
        int h = has_column(db, ADDED_COLUMNS[i][0]);
        if (h < 0 || (h == 0 && sqlite3_exec(db, ADDED_COLUMNS[i][1], NULL, NULL, msg) != SQLITE_OK))
            return -1;
    }
    return 0;
}

static const char *SCHEMA =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS tables(id INTEGER PRIMARY KEY, package TEXT NOT NULL,"
    " seats INTEGER NOT NULL, seed INTEGER NOT NULL, bots INTEGER NOT NULL, timer INTEGER NOT NULL,"
    " created INTEGER NOT NULL, owner TEXT NOT NULL DEFAULT '', archived INTEGER NOT NULL DEFAULT 0,"
    " archived_reason TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE IF NOT EXISTS seats(table_id INTEGER NOT NULL, seat INTEGER NOT NULL,"
    " team TEXT NOT NULL, token_hash BLOB NOT NULL, PRIMARY KEY(table_id, seat)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS seat_extra(table_id INTEGER NOT NULL, seat INTEGER NOT NULL,"
    " kind TEXT NOT NULL, value BLOB NOT NULL);"
    "CREATE INDEX IF NOT EXISTS seat_extra_table ON seat_extra(table_id);"
    "CREATE TABLE IF NOT EXISTS moves(table_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " type INTEGER NOT NULL, seat INTEGER NOT NULL, arg INTEGER NOT NULL, hash INTEGER NOT NULL,"
    " PRIMARY KEY(table_id, seq)) WITHOUT ROWID;"
    /* what the facilitator set for a table (timers, stand-ins, seat modes): key and integer value */
    "CREATE TABLE IF NOT EXISTS table_opts(table_id INTEGER NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL,"
    " PRIMARY KEY(table_id, key)) WITHOUT ROWID;"
    /* the facilitator's messages to a table (table_id 0: to every table) */
    "CREATE TABLE IF NOT EXISTS messages(id INTEGER PRIMARY KEY, table_id INTEGER NOT NULL, at INTEGER NOT NULL,"
    " text TEXT NOT NULL);";

static int prep(store_t *st, sqlite3_stmt **s, const char *sql)
{
    return sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, s, NULL) == SQLITE_OK ? 0 : -1;
}

store_t *store_open(const char *path, int sync_full, char *err, size_t errlen)
{
    store_t *st = calloc(1, sizeof *st);
    char *msg = NULL;
    if (!st) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        goto fail;
    if (sqlite3_db_readonly(st->db, "main") == 1) {
        snprintf(err, errlen, "database %.200s is read-only: the server records every move before it answers; "
                 "give it a file it may write", path);
        store_close(st);
        return NULL;
    }
    sqlite3_busy_timeout(st->db, 2000);
    char pragmas[160];
    /* checkpoints run on a helper thread (store_checkpoint), never inside a commit on the loop */
    snprintf(pragmas, sizeof pragmas, "PRAGMA journal_mode=WAL; PRAGMA synchronous=%s; PRAGMA wal_autocheckpoint=0;",
             sync_full ? "FULL" : "NORMAL");
    if (sqlite3_exec(st->db, pragmas, NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec(st->db, SCHEMA, NULL, NULL, &msg) != SQLITE_OK || migrate(st->db, &msg) != 0)
        goto fail;
    if (prep(st, &st->begin, "BEGIN") || prep(st, &st->commit, "COMMIT") ||
        prep(st, &st->add_table, "INSERT INTO tables(id,package,seats,seed,bots,timer,created,owner) VALUES(?,?,?,?,?,?,strftime('%s','now'),?)") ||
        prep(st, &st->add_seat, "INSERT OR REPLACE INTO seats(table_id,seat,team,token_hash) VALUES(?,?,?,?)") ||
        prep(st, &st->add_move, "INSERT INTO moves(table_id,seq,type,seat,arg,hash) VALUES(?,?,?,?,?,?)") ||
        prep(st, &st->add_extra, "INSERT INTO seat_extra(table_id,seat,kind,value) VALUES(?,?,?,?)") ||
        prep(st, &st->set_opt, "INSERT OR REPLACE INTO table_opts(table_id,key,value) VALUES(?,?,?)") ||
        prep(st, &st->add_message, "INSERT INTO messages(table_id,at,text) VALUES(?,strftime('%s','now'),?)") ||
        prep(st, &st->get_meta, "SELECT value FROM meta WHERE key=?") ||
        prep(st, &st->set_meta, "INSERT OR REPLACE INTO meta(key,value) VALUES(?,?)") ||
        prep(st, &st->del_meta, "DELETE FROM meta WHERE key=?") ||
        prep(st, &st->archive, "UPDATE tables SET archived=strftime('%s','now'),archived_reason=? WHERE id=? AND archived=0") ||
        prep(st, &st->set_last_hash, "UPDATE moves SET hash=?1 WHERE table_id=?2 AND seq=(SELECT MAX(seq) FROM moves WHERE table_id=?2)"))
        goto fail;
    if (sqlite3_open_v2(path, &st->ck, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_busy_timeout(st->ck, 2000);
    return st;
fail:
    snprintf(err, errlen, "database %s: %s", path, msg ? msg : (st->db ? sqlite3_errmsg(st->db) : "cannot open"));
    sqlite3_free(msg);
    store_close(st);
    return NULL;
}

void store_close(store_t *st)
{
    if (!st)
        return;
    store_commit(st);
    sqlite3_stmt *all[] = { st->begin, st->commit, st->add_table, st->add_seat, st->add_move,
                            st->get_meta, st->set_meta, st->del_meta, st->set_last_hash, st->archive,
                            st->add_extra, st->set_opt, st->add_message };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sqlite3_finalize(all[i]);
    sqlite3_close(st->ck);
    if (st->db) /* fold the WAL into the database before leaving */
        sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    sqlite3_close(st->db);
    free(st);
}

static int step(store_t *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        srv_log("database error: %s", sqlite3_errmsg(st->db));
        if (st->in_tx && sqlite3_get_autocommit(st->db)) {
            /* SQLite rolled the whole transaction back (disk full, I/O error...): what it held
             * was never recorded, so the server must not acknowledge any of it */
            srv_log("database error: the open transaction was rolled back");
            st->broken = 1;
        }
        return -1;
    }
    return 0;
}

void store_fail_writes(store_t *st, const char *list)
{
    size_t n = 0;
    st->writes = 0;
    memset(st->fail, 0, sizeof st->fail);
    for (const char *p = list; *p && n < sizeof st->fail / sizeof st->fail[0];) {
        char *end;
        unsigned long long v = strtoull(p, &end, 10);
        if (end == p)
            break;
        st->fail[n++] = v;
        p = *end == ',' ? end + 1 : end;
    }
}

/* A write statement: the test hook may fail it as SQLite would, leaving the transaction open. */
static int write_step(store_t *st, sqlite3_stmt *s)
{
    st->writes++;
    for (size_t i = 0; i < sizeof st->fail / sizeof st->fail[0]; i++)
        if (st->fail[i] && st->fail[i] == st->writes) {
            sqlite3_reset(s);
            sqlite3_clear_bindings(s);
            srv_log("database error: write %llu failed on purpose (PLATEAU_SERVER_FAIL_WRITES)",
                    (unsigned long long)st->writes);
            return -1;
        }
    return step(st, s);
}

int store_readonly(store_t *st)
{
    return sqlite3_db_readonly(st->db, "main") == 1;
}

static int tx(store_t *st)
{
    if (st->in_tx)
        return 0;
    if (step(st, st->begin) != 0)
        return -1;
    st->in_tx = 1;
    return 0;
}

int store_commit(store_t *st)
{
    if (st->broken)
        return -1;
    if (!st->in_tx)
        return 0;
    st->in_tx = 0;
    return step(st, st->commit) == 0 ? 1 : -1;
}

/* One request that writes several rows (a seat and its code, a table and its names) writes all of them or none: a
 * savepoint inside the open transaction, released when every write went through, rolled back otherwise. */
int store_op_begin(store_t *st)
{
    if (tx(st))
        return -1;
    if (sqlite3_exec(st->db, "SAVEPOINT op", NULL, NULL, NULL) != SQLITE_OK) {
        srv_log("database error: %s", sqlite3_errmsg(st->db));
        return -1;
    }
    return 0;
}

int store_op_end(store_t *st, int ok)
{
    int rc = SQLITE_OK;
    if (!ok)
        rc = sqlite3_exec(st->db, "ROLLBACK TO op", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(st->db, "RELEASE op", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        srv_log("database error: %s", sqlite3_errmsg(st->db));
        if (!ok) /* rows of a refused request may still be in the transaction: nothing of it may be committed */
            st->broken = 1;
        return -1;
    }
    return 0;
}

int store_add_table(store_t *st, const table_t *t)
{
    if (tx(st))
        return -1;
    sqlite3_bind_int64(st->add_table, 1, t->id);
    sqlite3_bind_text(st->add_table, 2, t->pkg->id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st->add_table, 3, t->n_seats);
    sqlite3_bind_int64(st->add_table, 4, (sqlite3_int64)t->seed);
    sqlite3_bind_int(st->add_table, 5, t->bot_mask);
    sqlite3_bind_int64(st->add_table, 6, t->timer_s);
    sqlite3_bind_text(st->add_table, 7, t->owner, -1, SQLITE_STATIC);
    return write_step(st, st->add_table);
}

int store_add_seat(store_t *st, uint32_t table, int seat, const char *team, const uint8_t hash[32])
{
    if (tx(st))
        return -1;
    sqlite3_bind_int64(st->add_seat, 1, table);
    sqlite3_bind_int(st->add_seat, 2, seat);
    sqlite3_bind_text(st->add_seat, 3, team, -1, SQLITE_STATIC);
    sqlite3_bind_blob(st->add_seat, 4, hash, 32, SQLITE_STATIC);
    return write_step(st, st->add_seat);
}

int store_add_seat_extra(store_t *st, uint32_t table, int seat, const char *kind, const void *value, size_t n)
{
    if (tx(st))
        return -1;
    sqlite3_bind_int64(st->add_extra, 1, table);
    sqlite3_bind_int(st->add_extra, 2, seat);
    sqlite3_bind_text(st->add_extra, 3, kind, -1, SQLITE_STATIC);
    sqlite3_bind_blob(st->add_extra, 4, value, (int)n, SQLITE_STATIC);
    return write_step(st, st->add_extra);
}

int store_set_table_opt(store_t *st, uint32_t table, const char *key, int64_t value)
{
    if (tx(st))
        return -1;
    sqlite3_bind_int64(st->set_opt, 1, table);
    sqlite3_bind_text(st->set_opt, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st->set_opt, 3, value);
    return write_step(st, st->set_opt);
}

int store_each_table_opt(store_t *st, uint32_t table, int (*fn)(void *arg, const char *key, int64_t value), void *arg)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT key, value FROM table_opts WHERE table_id=?", -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(q, 1, table);
    int rc = 0;
    while (rc == 0 && sqlite3_step(q) == SQLITE_ROW)
        rc = fn(arg, (const char *)sqlite3_column_text(q, 0), sqlite3_column_int64(q, 1));
    sqlite3_finalize(q);
    return rc;
}

int store_add_message(store_t *st, uint32_t table, const char *text)
{
    if (tx(st))
        return -1;
    sqlite3_bind_int64(st->add_message, 1, table);
    sqlite3_bind_text(st->add_message, 2, text, -1, SQLITE_STATIC);
    return write_step(st, st->add_message);
}

int store_last_message(store_t *st, uint32_t table, char *out, size_t outlen, int64_t *at)
{
    sqlite3_stmt *q = NULL;
    out[0] = 0;
    *at = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT text, at FROM messages WHERE table_id=? OR table_id=0 ORDER BY id DESC "
                           "LIMIT 1", -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(q, 1, table);
    int found = 0;
    if (sqlite3_step(q) == SQLITE_ROW) {
        snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(q, 0));
        *at = sqlite3_column_int64(q, 1);
        found = 1;
    }
    sqlite3_finalize(q);
    return found;
}

int store_each_seat_extra(store_t *st, uint32_t table,
                          int (*fn)(void *arg, int seat, const char *kind, const void *value, size_t n), void *arg)
{
    sqlite3_stmt *q = NULL;
    if (prep(st, &q, "SELECT seat,kind,value FROM seat_extra WHERE table_id=? ORDER BY rowid"))
        return -1;
    sqlite3_bind_int64(q, 1, table);
    int rc = 0, r;
    while (rc == 0 && (r = sqlite3_step(q)) == SQLITE_ROW)
        rc = fn(arg, sqlite3_column_int(q, 0), (const char *)sqlite3_column_text(q, 1), sqlite3_column_blob(q, 2),
                (size_t)sqlite3_column_bytes(q, 2));
    sqlite3_finalize(q);
    return rc;
}

int store_add_move(store_t *st, uint32_t table, uint32_t seq, const pl_move_t *mv, uint64_t hash)
{
    if (tx(st))
        return -1;
    sqlite3_bind_int64(st->add_move, 1, table);
    sqlite3_bind_int64(st->add_move, 2, seq);
    sqlite3_bind_int(st->add_move, 3, mv->type);
    sqlite3_bind_int(st->add_move, 4, mv->seat);
    sqlite3_bind_int(st->add_move, 5, mv->arg);
    sqlite3_bind_int64(st->add_move, 6, (sqlite3_int64)hash);
    return write_step(st, st->add_move);
}

int store_get_meta(store_t *st, const char *key, char *out, size_t outlen)
{
    int found = 0;
    sqlite3_bind_text(st->get_meta, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st->get_meta) == SQLITE_ROW) {
        snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(st->get_meta, 0));
        found = 1;
    }
    sqlite3_reset(st->get_meta);
    sqlite3_clear_bindings(st->get_meta);
    return found;
}

int store_set_meta(store_t *st, const char *key, const char *value)
{
    if (tx(st))
        return -1;
    sqlite3_bind_text(st->set_meta, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st->set_meta, 2, value, -1, SQLITE_STATIC);
    return write_step(st, st->set_meta);
}

int store_del_meta(store_t *st, const char *key)
{
    if (tx(st))
        return -1;
    sqlite3_bind_text(st->del_meta, 1, key, -1, SQLITE_STATIC);
    return write_step(st, st->del_meta);
}

int store_set_last_hash(store_t *st, uint32_t table, uint64_t hash)
{
    if (tx(st))
        return -1;
    sqlite3_bind_int64(st->set_last_hash, 1, (sqlite3_int64)hash);
    sqlite3_bind_int64(st->set_last_hash, 2, table);
    return write_step(st, st->set_last_hash);
}

int store_each_table(store_t *st, int (*fn)(void *arg, store_table_t *row), void *arg)
{
    sqlite3_stmt *q = NULL, *m = NULL;
    int rc = -1;
    if (prep(st, &q, "SELECT id,package,seats,seed,bots,timer,owner FROM tables WHERE archived=0 ORDER BY id") ||
        prep(st, &m, "SELECT type,seat,arg,hash FROM moves WHERE table_id=? ORDER BY seq"))
        goto done;
    while (sqlite3_step(q) == SQLITE_ROW) {
        store_table_t row;
        size_t cap = 0;
        memset(&row, 0, sizeof row);
        row.id = (uint32_t)sqlite3_column_int64(q, 0);
        snprintf(row.package, sizeof row.package, "%s", (const char *)sqlite3_column_text(q, 1));
        row.n_seats = sqlite3_column_int(q, 2);
        row.seed = (uint64_t)sqlite3_column_int64(q, 3);
        row.bots = (uint8_t)sqlite3_column_int(q, 4);
        row.timer_s = (uint32_t)sqlite3_column_int64(q, 5);
        snprintf(row.owner, sizeof row.owner, "%s", (const char *)sqlite3_column_text(q, 6));
        sqlite3_bind_int64(m, 1, row.id);
        while (sqlite3_step(m) == SQLITE_ROW) {
            if (row.n_moves == cap) {
                cap = cap ? cap * 2 : 256;
                pl_move_t *nm = realloc(row.moves, cap * sizeof *nm);
                if (!nm) {
                    free(row.moves);
                    goto done;
                }
                row.moves = nm;
            }
            pl_move_t *mv = &row.moves[row.n_moves++];
            mv->type = (uint8_t)sqlite3_column_int(m, 0);
            mv->seat = (uint8_t)sqlite3_column_int(m, 1);
            mv->arg = (uint16_t)sqlite3_column_int(m, 2);
            row.last_hash = (uint64_t)sqlite3_column_int64(m, 3);
        }
        sqlite3_reset(m);
        int r = fn(arg, &row);
        free(row.moves);
        if (r != 0)
            goto done;
    }
    rc = 0;
done:
    sqlite3_finalize(q);
    sqlite3_finalize(m);
    return rc;
}

int store_each_seat(store_t *st, uint32_t table, int (*fn)(void *arg, const store_seat_t *seat), void *arg)
{
    sqlite3_stmt *q = NULL;
    int rc = -1;
    if (prep(st, &q, "SELECT seat,team,token_hash FROM seats WHERE table_id=?"))
        goto done;
    sqlite3_bind_int64(q, 1, table);
    while (sqlite3_step(q) == SQLITE_ROW) {
        store_seat_t s;
        memset(&s, 0, sizeof s);
        s.seat = sqlite3_column_int(q, 0);
        snprintf(s.team, sizeof s.team, "%s", (const char *)sqlite3_column_text(q, 1));
        if (sqlite3_column_bytes(q, 2) == 32)
            memcpy(s.hash, sqlite3_column_blob(q, 2), 32);
        if (fn(arg, &s) != 0)
            goto done;
    }
    rc = 0;
done:
    sqlite3_finalize(q);
    return rc;
}

int store_checkpoint(store_t *st)
{
    int log = 0, done = 0;
    if (sqlite3_wal_checkpoint_v2(st->ck, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &done) != SQLITE_OK)
        return -1;
    return done;
}

int store_archive_table(store_t *st, uint32_t table, const char *reason)
{
    if (tx(st))
        return -1;
    sqlite3_bind_text(st->archive, 1, reason, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st->archive, 2, table);
    return write_step(st, st->archive);
}

uint32_t store_max_table_id(store_t *st)
{
    sqlite3_stmt *q = NULL;
    uint32_t id = 0;
    if (prep(st, &q, "SELECT MAX(id) FROM tables") == 0 && sqlite3_step(q) == SQLITE_ROW)
        id = (uint32_t)sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return id;
}

int store_each_archived(store_t *st, uint32_t from, int limit, int (*fn)(void *arg, const store_archived_t *row),
                        void *arg)
{
    sqlite3_stmt *q = NULL, *t = NULL;
    int rc = -1, n = 0;
    if (prep(st, &q, "SELECT id,package,seats,archived,archived_reason,"
                     "(SELECT COUNT(*) FROM moves WHERE table_id=tables.id) FROM tables"
                     " WHERE archived>0 AND id>=? ORDER BY id LIMIT ?") ||
        prep(st, &t, "SELECT seat,team FROM seats WHERE table_id=?"))
        goto done;
    sqlite3_bind_int64(q, 1, from);
    sqlite3_bind_int(q, 2, limit);
    while (sqlite3_step(q) == SQLITE_ROW) {
        store_archived_t row;
        memset(&row, 0, sizeof row);
        row.id = (uint32_t)sqlite3_column_int64(q, 0);
        snprintf(row.package, sizeof row.package, "%s", (const char *)sqlite3_column_text(q, 1));
        row.n_seats = sqlite3_column_int(q, 2);
        row.archived = sqlite3_column_int64(q, 3);
        snprintf(row.reason, sizeof row.reason, "%s", (const char *)sqlite3_column_text(q, 4));
        row.moves = (uint32_t)sqlite3_column_int64(q, 5);
        sqlite3_bind_int64(t, 1, row.id);
        while (sqlite3_step(t) == SQLITE_ROW) {
            int seat = sqlite3_column_int(t, 0);
            if (seat >= 0 && seat < PL_MAX_SEATS) {
                snprintf(row.team[seat], sizeof row.team[0], "%s", (const char *)sqlite3_column_text(t, 1));
                row.taken |= (uint8_t)(1u << seat);
            }
        }
        sqlite3_reset(t);
        n++;
        if (fn(arg, &row) != 0)
            goto done;
    }
    rc = n;
done:
    sqlite3_finalize(q);
    sqlite3_finalize(t);
    return rc;
}

int store_table_log(store_t *st, uint32_t table, uint32_t from, int limit, store_log_t *out, pl_move_t *moves,
                    uint32_t *seqs)
{
    sqlite3_stmt *q = NULL, *m = NULL;
    int rc = -1;
    memset(out, 0, sizeof *out);
    if (prep(st, &q, "SELECT package,seats,seed,bots,archived,archived_reason,"
                     "(SELECT COUNT(*) FROM moves WHERE table_id=tables.id) FROM tables WHERE id=?") ||
        prep(st, &m, "SELECT seq,type,seat,arg FROM moves WHERE table_id=? AND seq>=? ORDER BY seq LIMIT ?"))
        goto done;
    sqlite3_bind_int64(q, 1, table);
    if (sqlite3_step(q) != SQLITE_ROW) {
        rc = 0;
        goto done;
    }
    snprintf(out->package, sizeof out->package, "%s", (const char *)sqlite3_column_text(q, 0));
    out->n_seats = sqlite3_column_int(q, 1);
    out->seed = (uint64_t)sqlite3_column_int64(q, 2);
    out->bots = (uint8_t)sqlite3_column_int(q, 3);
    out->archived = sqlite3_column_int64(q, 4);
    snprintf(out->reason, sizeof out->reason, "%s", (const char *)sqlite3_column_text(q, 5));
    out->total = (uint32_t)sqlite3_column_int64(q, 6);
    sqlite3_bind_int64(m, 1, table);
    sqlite3_bind_int64(m, 2, from);
    sqlite3_bind_int(m, 3, limit);
    while (sqlite3_step(m) == SQLITE_ROW && out->n < limit) {
        seqs[out->n] = (uint32_t)sqlite3_column_int64(m, 0);
        moves[out->n].type = (uint8_t)sqlite3_column_int(m, 1);
        moves[out->n].seat = (uint8_t)sqlite3_column_int(m, 2);
        moves[out->n].arg = (uint16_t)sqlite3_column_int(m, 3);
        out->n++;
    }
    rc = 1;
done:
    sqlite3_finalize(q);
    sqlite3_finalize(m);
    return rc;
}
