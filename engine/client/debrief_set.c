/* debrief_set.c -- the debrief screens' data: every log replayed by engine/debrief, the day's votes summed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text/text.h"
#include "client/debrief_set.h"

pc_debrief_t *pc_debrief_build(pc_glog_t *logs, const pl_ruleset_t *const *rs, const char *const *hash, int n,
                               int lang, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = 0;
    pc_debrief_t *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errlen, "%s", pt_tr(lang, "Out of memory."));
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        if (d->n == PC_DEBRIEF_MAX || !rs[i]) {
            pc_glog_free(&logs[i]);
            continue;
        }
        pd_input_t in;
        memset(&in, 0, sizeof in);
        in.rs = rs[i];
        in.n_seats = logs[i].n_seats;
        in.seed = logs[i].seed;
        in.moves = logs[i].moves;
        in.n_moves = logs[i].n_moves;
        for (int k = 0; k < PL_MAX_SEATS; k++)
            in.team[k] = logs[i].team[k];
        in.bots = logs[i].bots;
        in.id = (uint32_t)logs[i].table;
        pd_error_t e;
        pd_table_t *t = NULL;
        if (pd_table_build(&in, &t, &e) != PD_OK) {
            if (logs[i].table)
                snprintf(err, errlen, pt_tr(lang, "Table %d's game does not replay with this version of its rules "
                                                  "(move %u): it is left out."), logs[i].table, e.move);
            else
                snprintf(err, errlen, pt_tr(lang, "The game does not replay with this version of its rules (move %u)."),
                         e.move);
            pc_glog_free(&logs[i]);
            continue;
        }
        d->t[d->n] = t;
        d->logs[d->n] = logs[i];
        snprintf(d->hash[d->n], sizeof d->hash[0], "%s", hash && hash[i] ? hash[i] : "");
        d->from_server |= logs[i].table > 0;
        d->n++;
        memset(&logs[i], 0, sizeof logs[i]);
    }
    pd_error_t e;
    if (d->n == 0 || pd_day_build((const pd_table_t *const *)d->t, d->n, &d->day, &e) != PD_OK) {
        if (d->n && err)
            snprintf(err, errlen, "%s", pt_tr(lang, "Out of memory."));
        else if (err && !err[0])
            snprintf(err, errlen, "%s", pt_tr(lang, "There is no game to debrief."));
        pc_debrief_destroy(d);
        return NULL;
    }
    return d;
}

void pc_debrief_destroy(pc_debrief_t *d)
{
    if (!d)
        return;
    pd_day_destroy(d->day);
    for (int i = 0; i < d->n; i++) {
        pd_table_destroy(d->t[i]);
        pc_glog_free(&d->logs[i]);
    }
    free(d);
}
