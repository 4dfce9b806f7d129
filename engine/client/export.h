/* export.h -- the debrief written as a report by plateau-report (installed beside the game), without stopping the screen */
#ifndef PC_EXPORT_H
#define PC_EXPORT_H

#include <stddef.h>
#include <sys/types.h>

struct pc_debrief_s;

typedef struct {
    pid_t pid;          /* plateau-report running (0: none) */
    char tmp[1024];     /* the folder of its inputs, removed once it is done */
    char out[1024];     /* the report's folder */
    char msg[1200];     /* what the last export did, in the UI language */
    int ok;             /* the last export was written */
    int lang;           /* the language it was asked in */
    int left_out;       /* tables of the debrief whose game is not over, not in the report */
} pc_export_t;

/* The folder reports go to: $PLATEAU_REPORTS, else ~/Documents/Plateau when ~/Documents exists, else
 * $XDG_DATA_HOME/plateau/reports; a new subfolder per export, named for the moment. */
int pc_export_folder(char *out, size_t len);
/* Start writing the report of the debrief's tables (each log as a save file, each with its package folder, pkg_dir[i]),
 * in lang. 1 when started, 0 with msg filled when it could not be. */
struct pc_debrief;
int pc_export_start(pc_export_t *x, const struct pc_debrief *d, const char *const *pkg_dir, int lang);
/* Whether it is done: 0 still running, 1 done (msg says where the report is, or why it is not there). */
int pc_export_poll(pc_export_t *x);
/* Wait for it (tests, and the app closing). */
void pc_export_wait(pc_export_t *x);

#endif
