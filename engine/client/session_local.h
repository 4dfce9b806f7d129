/* session_local.h -- a hot-seat table: the rules core on this machine, bots in the other seats, saved after every move */
#ifndef PC_SESSION_LOCAL_H
#define PC_SESSION_LOCAL_H

#include "client/session.h"

typedef struct {
    const pl_ruleset_t *rs;        /* not owned; outlives the session */
    const char *package_hash;      /* the package's content hash, kept in the save */
    int n_seats;
    unsigned human;                /* seats played at this screen; the others are bots */
    uint64_t seed;
    int lang;
    int bot_delay_ms;              /* pause before each bot move, so that players can follow */
    int turn_timer_s;              /* a human team that does not move in time rolls (0: no timer) */
    int vote_timer_s;              /* a vote not cast in time is an abstention (0: no timer) */
    const char *save_path;         /* where the game is kept after every move; NULL: nowhere */
    char team[PL_MAX_SEATS][PC_TEAM_LEN];
} pc_local_opts_t;

/* A new table. NULL with err filled when it cannot be set up. */
pc_session_t *pc_session_local_create(const pc_local_opts_t *o, char *err, size_t errlen);

/* The game saved at o->save_path, replayed move by move (its timeline told again), then saved
 * on as it goes. Refused (NULL, err says why, nothing changed on disk) when the save is missing
 * or damaged, or belongs to another package or another version of it (o->package_hash). */
pc_session_t *pc_session_local_resume(const pc_local_opts_t *o, char *err, size_t errlen);

/* The same table on a reloaded package (o->rs): the old session's seed, seats and teams, and its moves replayed in
 * order as long as the new rules take them (*kept says how many). The old session stays as it was. */
pc_session_t *pc_session_local_reload(const pc_session_t *old, const pc_local_opts_t *o, size_t *kept, char *err,
                                      size_t errlen);

/* Whether a session is saved to disk, and the save's last error ("" when none). */
const char *pc_session_local_save_error(const pc_session_t *s);

#endif
