/* save.h -- a hot-seat game kept on disk after every move (its seed and move log), to resume it */
#ifndef PC_SAVE_H
#define PC_SAVE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "plateau.h"
#include "client/session.h"

#define PC_SAVE_MAX_MOVES 100000

typedef struct {
    char package[64];              /* package id */
    char hash[65];                 /* its content hash (engine/data's pl_package_hash) */
    uint64_t seed;
    int n_seats;
    unsigned human, bots;          /* seats played at the screen, seats played by bots */
    char team[PL_MAX_SEATS][PC_TEAM_LEN];
    int64_t started;               /* seconds since the epoch */
    int table;                     /* a server's table written for plateau-report (0: a game at this screen) */
    pl_move_t *moves;              /* malloc'ed */
    size_t n_moves;
} pc_save_t;

/* $XDG_DATA_HOME/plateau/hotseat.save (else ~/.local/share/...); 0 when no home is known. */
int pc_save_default_path(char *out, size_t len);

/* A save being written: the header at creation, then one line appended per move, so a crash or
 * a kill loses at most the move being written (a torn last line is ignored when read). */
typedef struct {
    FILE *f;
    char path[1024];
} pc_saver_t;

/* Start a new save file (replacing any), creating its folders (mode 0700). 0, or -1 with err. */
int pc_saver_open(pc_saver_t *w, const char *path, const pc_save_t *header, char *err, size_t errlen);
/* Reopen an existing save to append to it (after a resume). */
int pc_saver_append(pc_saver_t *w, const char *path, char *err, size_t errlen);
int pc_saver_move(pc_saver_t *w, const pl_move_t *mv); /* 0, or -1 when the disk refuses */
void pc_saver_close(pc_saver_t *w);                    /* flushes and syncs; NULL f is fine */

/* Read a save. 0, or -1 with err saying what is wrong (missing, corrupt, not a save). The caller
 * frees with pc_save_free. */
int pc_save_read(const char *path, pc_save_t *sv, char *err, size_t errlen);
void pc_save_free(pc_save_t *sv);

#endif
