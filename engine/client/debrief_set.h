/* debrief_set.h -- what the debrief screens show: one table's debrief, or several tables of the day and their
 * collective opinion, built from move logs with engine/debrief */
#ifndef PC_DEBRIEF_SET_H
#define PC_DEBRIEF_SET_H

#include <stddef.h>
#include "debrief/debrief.h"
#include "client/glog.h"

#define PC_DEBRIEF_MAX 64 /* tables in one debrief of the day */

typedef struct pc_debrief {
    int n;                          /* tables */
    pd_table_t *t[PC_DEBRIEF_MAX];  /* in the order given */
    pd_day_t *day;                  /* their votes summed (the collective opinion) */
    int from_server;                /* the logs came from a server (the console, a table played there) */
    pc_glog_t logs[PC_DEBRIEF_MAX]; /* kept for an export (plateau-report) */
    char hash[PC_DEBRIEF_MAX][65];  /* each table's package content hash */
} pc_debrief_t;

/* Build the debrief of n logs, each with its ruleset and package hash (the rulesets outlive the debrief). The logs
 * are moved into it (their moves are the debrief's to free). A log the rules do not replay is left out and err says
 * which (in lang); NULL when none can be shown. */
pc_debrief_t *pc_debrief_build(pc_glog_t *logs, const pl_ruleset_t *const *rs, const char *const *hash, int n,
                               int lang, char *err, size_t errlen);
void pc_debrief_destroy(pc_debrief_t *d); /* NULL: nothing */

#endif
