/* app_debrief.c -- opening the debrief: a table's log from its session, the day's logs from the console's connection,
 * the debrief screen's buttons, and its export to plateau-report */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "client/app.h"
#include "client/i18n.h"
#include "client/pkgcache.h"

static void show(pc_app_t *a, pc_debrief_t *d, int back)
{
    pc_debrief_destroy(a->debrief);
    a->debrief = d;
    a->scr.dbf_table = d->n == 1 ? 0 : -1;
    a->scr.dbf_page = 0;
    a->scr.dbf_seat = -1;
    a->scr.dbf_scroll = 0;
    a->scr.dbf_return = back;
    a->scr.flash[0] = 0;
    pc_app_set_screen(a, PC_SCREEN_DEBRIEF);
}

void pc_debrief_of_table(pc_app_t *a)
{
    if (!a->session)
        return;
    snprintf(a->scr.flash, sizeof a->scr.flash, "%s", _("Reading the game's log..."));
    pc_session_ask_log(a->session);
    a->dirty = 1;
}

void pc_debrief_session_log(pc_app_t *a, const pc_sevent_t *e)
{
    pc_session_t *s = a->session;
    const pc_glog_t *lg = pc_session_glog(s);
    if (!e->seat || !lg) {
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", e->text);
        return;
    }
    pc_glog_t copy = *lg; /* the debrief keeps its own moves: the session may go on or go away */
    copy.moves = malloc((lg->n_moves ? lg->n_moves : 1) * sizeof *copy.moves);
    if (!copy.moves) {
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", _("Out of memory."));
        return;
    }
    memcpy(copy.moves, lg->moves, lg->n_moves * sizeof *copy.moves);
    copy.cap = lg->n_moves;
    const pl_ruleset_t *rs = s->rs;
    const char *hash = s->kind == PC_SESSION_LOCAL ? a->game_hash : pc_conn_package_hash(a->conn, lg->package);
    char err[400];
    pc_debrief_t *d = pc_debrief_build(&copy, &rs, &hash, 1, a->lang, err, sizeof err);
    if (!d) {
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", err);
        return;
    }
    show(a, d, a->scr.screen == PC_SCREEN_DEBRIEF ? a->scr.dbf_return : a->scr.screen);
}

void pc_debrief_of_day(pc_app_t *a)
{
    const pc_table_info_t *t;
    int n = pc_conn_tables(a->conn, &t), ids[PC_CONN_MAX_TABLES], k = 0;
    /* the tables chosen on the dashboard; none chosen: every table whose game is over */
    for (int i = 0; i < n; i++)
        if ((a->scr.selected >> i) & 1u)
            ids[k++] = t[i].id;
    if (!k)
        for (int i = 0; i < n; i++)
            if (t[i].over)
                ids[k++] = t[i].id;
    if (!k) /* no game is over yet: the day so far */
        for (int i = 0; i < n; i++)
            ids[k++] = t[i].id;
    if (!k) {
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", _("There is no table to debrief yet."));
        return;
    }
    if (!pc_conn_fetch_logs(a->conn, ids, k)) {
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", _("Not connected to the server: try again in a moment."));
        return;
    }
    snprintf(a->scr.flash, sizeof a->scr.flash, k == 1 ? _("Reading %d table's log...") : _("Reading %d tables' logs..."), k);
    a->dirty = 1;
}

void pc_debrief_day_logs(pc_app_t *a)
{
    pc_glog_t *logs;
    int n = pc_conn_take_logs(a->conn, &logs);
    const pl_ruleset_t *rs[PC_DEBRIEF_MAX];
    const char *hash[PC_DEBRIEF_MAX];
    char err[400] = "", why[400] = "";
    if (n > PC_DEBRIEF_MAX) {
        for (int i = PC_DEBRIEF_MAX; i < n; i++)
            pc_glog_free(&logs[i]);
        n = PC_DEBRIEF_MAX;
    }
    for (int i = 0; i < n; i++) {
        rs[i] = pc_conn_package_rs(a->conn, logs[i].package, why, sizeof why);
        hash[i] = pc_conn_package_hash(a->conn, logs[i].package);
        if (!rs[i])
            snprintf(err, sizeof err, "%s", why);
    }
    pc_debrief_t *d = n ? pc_debrief_build(logs, rs, hash, n, a->lang, why, sizeof why) : NULL;
    free(logs);
    if (!d) {
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", err[0] ? err : n ? why : _("No table's log could be read."));
        return;
    }
    show(a, d, PC_SCREEN_CONSOLE);
    if (err[0] || why[0]) /* some tables were left out: say why */
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", err[0] ? err : why);
}

/* each table's package folder, for plateau-report */
static void export(pc_app_t *a)
{
    const pc_debrief_t *d = a->debrief;
    static char dirs[PC_DEBRIEF_MAX][1100];
    const char *dir[PC_DEBRIEF_MAX];
    for (int i = 0; i < d->n; i++) {
        dir[i] = NULL;
        if (!d->logs[i].table && a->game_dir[0])
            dir[i] = a->game_dir; /* the game played at this screen */
        else if (pc_pkg_find(d->logs[i].package, d->hash[i], dirs[i], sizeof dirs[i]))
            dir[i] = dirs[i];
    }
    pc_export_start(&a->export_job, d, dir, a->lang);
    snprintf(a->scr.flash, sizeof a->scr.flash, "%.500s", a->export_job.msg);
}

int pc_debrief_tick(pc_app_t *a)
{
    if (a->export_job.pid <= 0)
        return -1;
    if (!pc_export_poll(&a->export_job))
        return 100; /* plateau-report takes well under a second; its end is looked for ten times a second */
    snprintf(a->scr.flash, sizeof a->scr.flash, "%.500s", a->export_job.msg);
    a->dirty = 1;
    return -1;
}

int pc_debrief_action(pc_app_t *a, int act, int arg)
{
    pc_scr_t *s = &a->scr;
    switch (act) {
    case PC_ACT_DEBRIEF:
        pc_debrief_of_table(a);
        return 1;
    case PC_ACT_CON_DEBRIEF:
        pc_debrief_of_day(a);
        return 1;
    case PC_ACT_DBF_TABLE:
        if (s->dbf_table != arg)
            s->dbf_page = s->dbf_scroll = 0;
        s->dbf_table = arg;
        s->dbf_seat = -1;
        return 1;
    case PC_ACT_DBF_PAGE:
        s->dbf_page = arg;
        s->dbf_scroll = 0;
        return 1;
    case PC_ACT_DBF_SEAT:
        s->dbf_seat = arg;
        return 1;
    case PC_ACT_DBF_SCROLL:
        s->dbf_scroll += arg;
        if (s->dbf_scroll < 0)
            s->dbf_scroll = 0;
        return 1;
    case PC_ACT_DBF_EXPORT:
        if (a->debrief)
            export(a);
        return 1;
    case PC_ACT_DBF_BACK:
        s->flash[0] = 0;
        pc_app_set_screen(a, a->session || s->dbf_return == PC_SCREEN_CONSOLE ? s->dbf_return : PC_SCREEN_HOME);
        return 1;
    default:
        return 0;
    }
}
