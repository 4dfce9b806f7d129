/* glog.h -- a table's whole move log as the debrief needs it (seed, seats, names, moves), from a hot-seat session
 * or read page by page from a server's table_log answers */
#ifndef PC_GLOG_H
#define PC_GLOG_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "plateau.h"

#define PC_GLOG_MAX_MOVES 200000 /* more than any game has: a log past it is refused */

typedef struct {
    int table;                        /* the server's table number; 0 for a game at one screen */
    char package[64];                 /* the package's id */
    int n_seats;
    uint64_t seed;
    unsigned bots;                    /* seats played by the computer */
    int over;                         /* the game has ended */
    char team[PL_MAX_SEATS][48];      /* "" for the default name */
    pl_move_t *moves;                 /* malloc'ed */
    size_t n_moves, cap;
} pc_glog_t;

/* Append one move; 0, or -1 when out of memory or past PC_GLOG_MAX_MOVES. */
int pc_glog_push(pc_glog_t *g, const pl_move_t *mv);
/* Take one table_log answer (docs/protocol.md) into g: the header fields, and its moves appended when
 * they follow the ones already there. Returns 1 when the log is complete, 0 when *next is the seq to
 * ask for next, -1 when the answer cannot be believed (err says why, in English). */
int pc_glog_take_page(pc_glog_t *g, const json_t *m, uint32_t *next, char *err, size_t errlen);
void pc_glog_free(pc_glog_t *g); /* the moves; the struct can be used again */

#endif
