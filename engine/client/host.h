/* host.h -- a plateau-server started from the client ("host a game from here"), stopped and reaped with it */
#ifndef PC_HOST_H
#define PC_HOST_H

#include <stddef.h>
#include <sys/types.h>

typedef struct {
    pid_t pid;          /* 0 when none runs */
    char addr[64];      /* where clients reach it */
} pc_host_t;

/* Start plateau-server from beside this executable, listening on every address at port 7878,
 * its database under the user's data folder. 1 on success, else 0 with err filled. */
int pc_host_start(pc_host_t *h, char *err, size_t errlen);
/* Whether it still runs (reaps it when it ended; err says how, when it did). */
int pc_host_alive(pc_host_t *h, char *err, size_t errlen);
/* Stop it (SIGTERM, then SIGKILL after 2 s) and reap it. Nothing when none runs. */
void pc_host_stop(pc_host_t *h);

#endif
