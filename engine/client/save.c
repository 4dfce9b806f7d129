/* save.c -- the hot-seat save: a JSON header line, then "M type seat arg" per accepted move */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>
#include "client/save.h"

#define MAGIC "plateau-hotseat"

int pc_save_default_path(char *out, size_t len)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    int n;
    if (xdg && *xdg == '/')
        n = snprintf(out, len, "%s/plateau/hotseat.save", xdg);
    else if (home && *home)
        n = snprintf(out, len, "%s/.local/share/plateau/hotseat.save", home);
    else
        return 0;
    return n > 0 && (size_t)n < len;
}

static int mkdirs_for(const char *path)
{
    char p[1024];
    snprintf(p, sizeof p, "%s", path);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = 0;
            if (mkdir(p, 0700) != 0 && errno != EEXIST)
                return -1;
            *s = '/';
        }
    return 0;
}

int pc_saver_open(pc_saver_t *w, const char *path, const pc_save_t *h, char *err, size_t errlen)
{
    memset(w, 0, sizeof *w);
    snprintf(w->path, sizeof w->path, "%s", path);
    if (mkdirs_for(path) != 0) {
        snprintf(err, errlen, "cannot create the folder of %s: %s", path, strerror(errno));
        return -1;
    }
    json_t *teams = json_array();
    for (int i = 0; i < h->n_seats && i < PL_MAX_SEATS; i++)
        json_array_append_new(teams, json_string(h->team[i]));
    json_t *o = json_pack("{s:s,s:i,s:s,s:s,s:s,s:i,s:i,s:i,s:o,s:I}", "format", MAGIC, "version", 1,
                          "package", h->package, "hash", h->hash, "seed", "", "seats", h->n_seats, "human",
                          (int)h->human, "bots", (int)h->bots, "teams", teams, "started", (json_int_t)h->started);
    char seed[24];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)h->seed); /* 64 bits do not fit a JSON integer */
    json_object_set_new(o, "seed", json_string(seed));
    if (h->table > 0)
        json_object_set_new(o, "table", json_integer(h->table));
    char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    /* written beside, then renamed over the old save: a crash never leaves half a header */
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.new", path);
    int fd = line ? open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        snprintf(err, errlen, "cannot write %s: %s", tmp, line ? strerror(errno) : "out of memory");
        if (fd >= 0)
            close(fd);
        free(line);
        return -1;
    }
    int ok = fprintf(f, "%s\n", line) > 0 && fflush(f) == 0;
    free(line);
    if (!ok || rename(tmp, path) != 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        fclose(f);
        unlink(tmp);
        return -1;
    }
    w->f = f;
    return 0;
}

int pc_saver_append(pc_saver_t *w, const char *path, char *err, size_t errlen)
{
    memset(w, 0, sizeof *w);
    snprintf(w->path, sizeof w->path, "%s", path);
    int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    w->f = fd >= 0 ? fdopen(fd, "a") : NULL;
    if (!w->f) {
        snprintf(err, errlen, "cannot append to %s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return 0;
}

int pc_saver_move(pc_saver_t *w, const pl_move_t *mv)
{
    if (!w->f)
        return -1;
    /* one write per move, flushed at once: a killed process keeps every move before this one */
    if (fprintf(w->f, "M %u %u %u\n", mv->type, mv->seat, mv->arg) < 0 || fflush(w->f) != 0)
        return -1;
    return 0;
}

void pc_saver_close(pc_saver_t *w)
{
    if (!w || !w->f)
        return;
    fflush(w->f);
    fsync(fileno(w->f));
    fclose(w->f);
    w->f = NULL;
}

void pc_save_free(pc_save_t *sv)
{
    if (!sv)
        return;
    free(sv->moves);
    sv->moves = NULL;
    sv->n_moves = 0;
}

int pc_save_read(const char *path, pc_save_t *sv, char *err, size_t errlen)
{
    memset(sv, 0, sizeof *sv);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char line[4096];
    int rc = -1;
    json_error_t je;
    json_t *o = NULL;
    if (!fgets(line, sizeof line, f) || !strchr(line, '\n')) {
        snprintf(err, errlen, "%s: not a saved game (no header)", path);
        goto done;
    }
    o = json_loads(line, JSON_REJECT_DUPLICATES, &je);
    const char *fmt = json_string_value(json_object_get(o, "format"));
    const char *pkg = json_string_value(json_object_get(o, "package"));
    const char *hash = json_string_value(json_object_get(o, "hash"));
    const char *seed = json_string_value(json_object_get(o, "seed"));
    json_t *seats = json_object_get(o, "seats"), *teams = json_object_get(o, "teams");
    if (!fmt || strcmp(fmt, MAGIC) != 0) {
        snprintf(err, errlen, "%s: not a saved game of Plateau", path);
        goto done;
    }
    if (json_integer_value(json_object_get(o, "version")) != 1) {
        snprintf(err, errlen, "%s: saved by another version of Plateau", path);
        goto done;
    }
    char *end = NULL;
    unsigned long long sd = seed ? strtoull(seed, &end, 10) : 0;
    if (!pkg || !hash || strlen(pkg) >= sizeof sv->package || strlen(hash) != 64 || !seed || !*seed || *end ||
        !json_is_integer(seats) || json_integer_value(seats) < 1 || json_integer_value(seats) > PL_MAX_SEATS) {
        snprintf(err, errlen, "%s: the saved game's header is damaged", path);
        goto done;
    }
    snprintf(sv->package, sizeof sv->package, "%s", pkg);
    snprintf(sv->hash, sizeof sv->hash, "%s", hash);
    sv->seed = sd;
    sv->n_seats = (int)json_integer_value(seats);
    unsigned all = (1u << sv->n_seats) - 1u;
    sv->human = (unsigned)json_integer_value(json_object_get(o, "human")) & all;
    sv->bots = (unsigned)json_integer_value(json_object_get(o, "bots")) & all;
    sv->started = json_integer_value(json_object_get(o, "started"));
    for (int i = 0; i < sv->n_seats; i++) {
        const char *t = json_string_value(json_array_get(teams, (size_t)i));
        snprintf(sv->team[i], sizeof sv->team[i], "%s", t ? t : "");
    }
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned t, s, a;
        char tail;
        if (!strchr(line, '\n')) /* the last line was cut by a crash: the move before it counts */
            break;
        if (sscanf(line, "M %u %u %u%c", &t, &s, &a, &tail) != 4 || tail != '\n' || t >= PL_MOVE__COUNT ||
            s > 255 || a > 65535) {
            snprintf(err, errlen, "%s: move %zu of the saved game is damaged", path, sv->n_moves + 1);
            goto done;
        }
        if (sv->n_moves == PC_SAVE_MAX_MOVES) {
            snprintf(err, errlen, "%s: more moves than a game can have", path);
            goto done;
        }
        if (sv->n_moves == cap) {
            cap = cap ? cap * 2 : 256;
            pl_move_t *nm = realloc(sv->moves, cap * sizeof *nm);
            if (!nm) {
                snprintf(err, errlen, "out of memory");
                goto done;
            }
            sv->moves = nm;
        }
        sv->moves[sv->n_moves++] = (pl_move_t){ (uint8_t)t, (uint8_t)s, (uint16_t)a };
    }
    rc = 0;
done:
    json_decref(o);
    fclose(f);
    if (rc != 0)
        pc_save_free(sv);
    return rc;
}
