/* hotseat.c -- plateau-report reads a saved hot-seat game: the client's JSON header line, then "M type seat arg" per move */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "report.h"

#define MAGIC "plateau-hotseat"
#define MAX_MOVES 100000 /* as the client: more than any game has */

int rp_save_read(const char *path, rp_log_t *out)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "r");
    if (!f)
        return rp_fail(_("saved game %s cannot be read: %s"), path, strerror(errno));
    char line[4096];
    int rc = -1;
    json_t *o = NULL;
    if (!fgets(line, sizeof line, f) || !strchr(line, '\n')) {
        rp_fail(_("%s is not a saved game of Plateau"), path);
        goto done;
    }
    json_error_t je;
    o = json_loads(line, JSON_REJECT_DUPLICATES, &je);
    const char *fmt = json_string_value(json_object_get(o, "format"));
    if (!fmt || strcmp(fmt, MAGIC) != 0) {
        rp_fail(_("%s is not a saved game of Plateau"), path);
        goto done;
    }
    if (!json_is_integer(json_object_get(o, "version")) || json_integer_value(json_object_get(o, "version")) != 1) {
        rp_fail(_("%s was saved by another version of Plateau"), path);
        goto done;
    }
    const char *pkg = json_string_value(json_object_get(o, "package"));
    const char *hash = json_string_value(json_object_get(o, "hash"));
    const char *seed = json_string_value(json_object_get(o, "seed"));
    json_t *seats = json_object_get(o, "seats"), *teams = json_object_get(o, "teams");
    char *end = NULL;
    errno = 0;
    unsigned long long sd = seed ? strtoull(seed, &end, 10) : 0;
    if (!pkg || !*pkg || strlen(pkg) >= sizeof out->package || !hash || strlen(hash) != 64 || !seed || !*seed ||
        *end || errno || seed[0] == '-' || !json_is_integer(seats) || json_integer_value(seats) < 1 ||
        json_integer_value(seats) > PL_MAX_SEATS) {
        rp_fail(_("the header of the saved game %s is damaged"), path);
        goto done;
    }
    json_int_t table = json_integer_value(json_object_get(o, "table")); /* a server's table, written by the console */
    out->id = table >= 1 && table <= 4294967295 ? (uint32_t)table : 1;
    out->hotseat = !json_is_integer(json_object_get(o, "table"));
    snprintf(out->package, sizeof out->package, "%s", pkg);
    snprintf(out->package_hash, sizeof out->package_hash, "%s", hash);
    out->seed = sd;
    out->n_seats = (int)json_integer_value(seats);
    unsigned all = (1u << out->n_seats) - 1u;
    out->bots = (unsigned)json_integer_value(json_object_get(o, "bots")) & all;
    out->created = json_integer_value(json_object_get(o, "started"));
    for (int i = 0; i < out->n_seats; i++) {
        const char *t = json_string_value(json_array_get(teams, (size_t)i));
        snprintf(out->team[i], sizeof out->team[i], "%s", t ? t : "");
    }
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned t, s, a;
        char tail;
        if (!strchr(line, '\n')) /* a last line cut by a crash: the moves before it count, as in the client */
            break;
        if (sscanf(line, "M %u %u %u%c", &t, &s, &a, &tail) != 4 || tail != '\n' || t < 1 || t >= PL_MOVE__COUNT ||
            s > 255 || a > 65535) {
            rp_fail(_("move %zu of the saved game %s is damaged"), out->n_moves + 1, path);
            goto done;
        }
        if (out->n_moves == MAX_MOVES) {
            rp_fail(_("the saved game %s has more moves than a game can have"), path);
            goto done;
        }
        if (out->n_moves == cap) {
            cap = cap ? cap * 2 : 256;
            pl_move_t *m = realloc(out->moves, cap * sizeof *m);
            if (!m) {
                rp_fail(_("out of memory"));
                goto done;
            }
            out->moves = m;
        }
        out->moves[out->n_moves++] = (pl_move_t){ (uint8_t)t, (uint8_t)s, (uint16_t)a };
    }
    if (ferror(f)) {
        rp_fail(_("saved game %s cannot be read: %s"), path, strerror(errno));
        goto done;
    }
    rc = 0;
done:
    json_decref(o);
    fclose(f);
    if (rc != 0)
        rp_log_free(out);
    return rc;
}
