/* conn_logs.c -- the facilitator's debrief of the day: every page of several tables' logs, and the packages they were played with */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proto/proto.h"
#include "text/text.h"
#include "client/pkgcache.h"
#include "client/conn_internal.h"

long pc_conn__log_page(pc_conn_t *c, int table, uint32_t from)
{
    json_t *m = proto_msg("table_log", -1);
    json_object_set_new(m, "table", json_integer(table));
    json_object_set_new(m, "from", json_integer(from));
    json_object_set_new(m, "limit", json_integer(2000));
    long id = pc_conn__send(c, m);
    return id > 0 ? id : 0;
}

void pc_conn__logs_free(pc_conn_t *c)
{
    for (int i = 0; i < c->n_logs; i++)
        pc_glog_free(&c->logs[i].log);
    c->n_logs = c->logs_pending = 0;
}

int pc_conn_fetch_logs(pc_conn_t *c, const int *tables, int n)
{
    if (!c || c->state != PC_NET_READY || n < 1)
        return 0;
    pc_conn__logs_free(c);
    for (int i = 0; i < n && i < PC_CONN_MAX_TABLES; i++) {
        memset(&c->logs[i], 0, sizeof c->logs[i]);
        c->logs[i].log.table = tables[i];
        c->logs[i].id = pc_conn__log_page(c, tables[i], 1);
        if (!c->logs[i].id) {
            pc_conn__logs_free(c);
            return 0;
        }
        c->n_logs++;
        c->logs_pending++;
    }
    return 1;
}

static void page_done(pc_conn_t *c, int i, int ok)
{
    c->logs[i].id = 0;
    c->logs[i].ok = ok;
    if (!ok)
        pc_glog_free(&c->logs[i].log);
    if (--c->logs_pending == 0)
        pc_conn__emit(c, PC_CE_LOGS, NULL);
}

int pc_conn__logs_answer(pc_conn_t *c, const json_t *m, long re)
{
    if (re <= 0 || !c->logs_pending)
        return 0;
    int i = 0;
    while (i < c->n_logs && c->logs[i].id != re)
        i++;
    if (i == c->n_logs)
        return 0;
    const char *type = proto_type(m);
    char text[400], why[200];
    int table = c->logs[i].log.table;
    if (!strcmp(type, "table_log")) {
        uint32_t next = 0;
        int rc = pc_glog_take_page(&c->logs[i].log, m, &next, why, sizeof why);
        if (rc == 0 && (c->logs[i].id = pc_conn__log_page(c, table, next)) > 0)
            return 1;
        if (rc == 1) {
            page_done(c, i, 1);
            return 1;
        }
        snprintf(text, sizeof text, pt_tr(c->lang, "Table %d's log could not be read (%s): it is left out."), table,
                 rc < 0 ? why : pt_tr(c->lang, "the connection was lost"));
    } else {
        const char *msg = json_string_value(json_object_get(m, "message"));
        snprintf(text, sizeof text, pt_tr(c->lang, "Table %d's log could not be read (%s): it is left out."), table,
                 msg ? msg : "?");
    }
    pc_conn__emit(c, PC_CE_ERROR, text);
    page_done(c, i, 0);
    return 1;
}

int pc_conn_take_logs(pc_conn_t *c, pc_glog_t **logs)
{
    *logs = NULL;
    if (!c || c->logs_pending || !c->n_logs)
        return 0;
    pc_glog_t *out = calloc((size_t)c->n_logs, sizeof *out);
    int n = 0;
    for (int i = 0; out && i < c->n_logs; i++)
        if (c->logs[i].ok)
            out[n++] = c->logs[i].log;
        else
            pc_glog_free(&c->logs[i].log);
    if (!out)
        pc_conn__logs_free(c);
    c->n_logs = 0;
    *logs = out;
    return n;
}

const char *pc_conn_package_hash(const pc_conn_t *c, const char *id)
{
    for (int i = 0; c && i < c->n_pkgs; i++)
        if (!strcmp(c->pkgs[i].id, id))
            return c->pkgs[i].hash;
    return "";
}

const pl_ruleset_t *pc_conn_package_rs(pc_conn_t *c, const char *id, char *err, size_t errlen)
{
    const char *hash = pc_conn_package_hash(c, id);
    char dir[1100], e2[600];
    if (!hash[0] || !pc_pkg_find(id, hash, dir, sizeof dir)) {
        snprintf(err, errlen, pt_tr(c->lang, "The server's version of the game %s is not on this computer: open one of "
                                             "its tables once, and the debrief can be made."), id);
        return NULL;
    }
    const pl_ruleset_t *rs = pc_conn__ruleset_of(c, hash, dir, e2, sizeof e2);
    if (!rs)
        snprintf(err, errlen, "%s", e2);
    return rs;
}
