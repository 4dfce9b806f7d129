/* host.c -- starting a plateau-server from the client, and stopping and reaping it */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <SDL.h>
#include "client/host.h"

extern char **environ;

static void data_dir(char *out, size_t len)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    if (xdg && *xdg == '/')
        snprintf(out, len, "%s/plateau", xdg);
    else if (home && *home)
        snprintf(out, len, "%s/.local/share/plateau", home);
    else
        snprintf(out, len, ".");
}

int pc_host_start(pc_host_t *h, char *err, size_t errlen)
{
    char path[1100], dir[1024], db[1100];
    struct stat sb;
    if (h->pid > 0 && pc_host_alive(h, NULL, 0)) {
        snprintf(err, errlen, "already running");
        return 1;
    }
    char *base = SDL_GetBasePath();
    snprintf(path, sizeof path, "%splateau-server", base ? base : "./");
    SDL_free(base);
    if (stat(path, &sb) != 0) {
        snprintf(err, errlen, "plateau-server is not installed next to the game");
        return 0;
    }
    data_dir(dir, sizeof dir);
    for (char *s = dir + 1;; s++) {
        char c = *s;
        if (c == '/' || !c) {
            *s = 0;
            mkdir(dir, 0700);
            *s = c;
        }
        if (!c)
            break;
    }
    snprintf(db, sizeof db, "%s/hosted.db", dir);
    char *argv[] = { path, "--listen", "0.0.0.0:7878", "--db", db, NULL };
    pid_t pid;
    int rc = posix_spawn(&pid, path, NULL, NULL, argv, environ);
    if (rc != 0) {
        snprintf(err, errlen, "cannot start plateau-server: %s", strerror(rc));
        return 0;
    }
    h->pid = pid;
    snprintf(h->addr, sizeof h->addr, "127.0.0.1:7878");
    return 1;
}

int pc_host_alive(pc_host_t *h, char *err, size_t errlen)
{
    if (h->pid <= 0)
        return 0;
    int st;
    pid_t r = waitpid(h->pid, &st, WNOHANG);
    if (r == 0)
        return 1;
    if (err && errlen) {
        if (r == h->pid && WIFEXITED(st))
            snprintf(err, errlen, "plateau-server stopped (status %d)", WEXITSTATUS(st));
        else
            snprintf(err, errlen, "plateau-server stopped");
    }
    h->pid = 0;
    return 0;
}

void pc_host_stop(pc_host_t *h)
{
    if (h->pid <= 0)
        return;
    kill(h->pid, SIGTERM);
    for (int i = 0; i < 200; i++) { /* 2 s */
        if (waitpid(h->pid, NULL, WNOHANG) == h->pid) {
            h->pid = 0;
            return;
        }
        struct timespec ts = { 0, 10 * 1000 * 1000 };
        nanosleep(&ts, NULL);
    }
    kill(h->pid, SIGKILL);
    waitpid(h->pid, NULL, 0);
    h->pid = 0;
}
