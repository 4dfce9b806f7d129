/* watch.c -- a package folder watched for saved files (inotify, on its own thread): the app hears of a change as an
 * SDL event, once the writes have settled */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>
#include "client/watch.h"

#define SETTLE_MS 250 /* an editor writes a file in several steps: wait until it is quiet */
#define MAX_DIRS 16

struct pc_watch {
    int fd, stop_pipe[2];
    Uint32 ev_type;
    SDL_Thread *thread;
};

static void add_dirs(int fd, const char *dir, int depth)
{
    if (inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM) < 0 ||
        depth > 1)
        return;
    /* the package's sub-folders (icons/, decks/) once, not deeper */
    char cmd_dir[1200];
    static const char *const subs[] = { "icons", "decks", "images", NULL };
    for (int i = 0; subs[i]; i++) {
        snprintf(cmd_dir, sizeof cmd_dir, "%s/%s", dir, subs[i]);
        if (access(cmd_dir, R_OK) == 0)
            add_dirs(fd, cmd_dir, depth + 1);
    }
}

static int run(void *arg)
{
    pc_watch_t *w = arg;
    char buf[4096] __attribute__((aligned(8)));
    int pending = 0;
    for (;;) {
        struct pollfd p[2] = { { w->fd, POLLIN, 0 }, { w->stop_pipe[0], POLLIN, 0 } };
        int r = poll(p, 2, pending ? SETTLE_MS : -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 || (p[1].revents & POLLIN))
            break;
        if (r == 0) { /* quiet since the last change: tell the app */
            pending = 0;
            SDL_Event ev;
            memset(&ev, 0, sizeof ev);
            ev.type = w->ev_type;
            SDL_PushEvent(&ev);
            continue;
        }
        ssize_t n = read(w->fd, buf, sizeof buf);
        for (ssize_t off = 0; off + (ssize_t)sizeof(struct inotify_event) <= n;) {
            const struct inotify_event *e = (const struct inotify_event *)(buf + off);
            if (e->len == 0 || e->name[0] != '.') /* an editor's hidden swap files do not count */
                pending = 1;
            off += (ssize_t)sizeof *e + e->len;
        }
    }
    return 0;
}

pc_watch_t *pc_watch_start(const char *dir, char *err, size_t errlen)
{
    pc_watch_t *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    w->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (w->fd < 0 || pipe(w->stop_pipe) != 0) {
        snprintf(err, errlen, "cannot watch %s: %s", dir, strerror(errno));
        if (w->fd >= 0)
            close(w->fd);
        free(w);
        return NULL;
    }
    add_dirs(w->fd, dir, 0);
    w->ev_type = SDL_RegisterEvents(1);
    w->thread = SDL_CreateThread(run, "plateau-watch", w);
    if (!w->thread || w->ev_type == (Uint32)-1) {
        snprintf(err, errlen, "cannot watch %s: %s", dir, SDL_GetError());
        pc_watch_stop(w);
        return NULL;
    }
    return w;
}

Uint32 pc_watch_event(const pc_watch_t *w)
{
    return w ? w->ev_type : 0;
}

void pc_watch_stop(pc_watch_t *w)
{
    if (!w)
        return;
    if (w->thread) {
        char c = 1;
        if (write(w->stop_pipe[1], &c, 1) != 1)
            perror("plateau: stopping the package watch");
        SDL_WaitThread(w->thread, NULL);
    }
    close(w->stop_pipe[0]);
    close(w->stop_pipe[1]);
    close(w->fd);
    free(w);
}
