/* glog.c -- a table's whole move log: built move by move, or page by page from table_log answers, checked before it is kept */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proto/view.h"
#include "client/glog.h"

int pc_glog_push(pc_glog_t *g, const pl_move_t *mv)
{
    if (g->n_moves >= PC_GLOG_MAX_MOVES)
        return -1;
    if (g->n_moves == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 256;
        pl_move_t *m = realloc(g->moves, cap * sizeof *m);
        if (!m)
            return -1;
        g->moves = m;
        g->cap = cap;
    }
    g->moves[g->n_moves++] = *mv;
    return 0;
}

int pc_glog_take_page(pc_glog_t *g, const json_t *m, uint32_t *next, char *err, size_t errlen)
{
    json_int_t table = json_integer_value(json_object_get(m, "table"));
    json_int_t seats = json_integer_value(json_object_get(m, "seats"));
    const char *pkg = json_string_value(json_object_get(m, "package"));
    const char *seed = json_string_value(json_object_get(m, "seed"));
    json_t *moves = json_object_get(m, "moves"), *nx = json_object_get(m, "next");
    uint64_t sd;
    if (table < 1 || seats < 1 || seats > PL_MAX_SEATS || !pkg || strlen(pkg) >= sizeof g->package || !seed ||
        !proto_parse_hex64(seed, &sd) || !json_is_array(moves) || (nx && !json_is_null(nx) && !json_is_integer(nx))) {
        snprintf(err, errlen, "a table_log answer without its table, seats, package, seed or moves");
        return -1;
    }
    if (g->n_moves == 0) { /* the first page says what the table is */
        g->table = (int)table;
        g->n_seats = (int)seats;
        g->seed = sd;
        snprintf(g->package, sizeof g->package, "%s", pkg);
        g->bots = (unsigned)json_integer_value(json_object_get(m, "bots")) & ((1u << seats) - 1u);
        json_t *teams = json_object_get(m, "teams");
        for (int i = 0; i < PL_MAX_SEATS; i++) {
            const char *t = i < seats ? json_string_value(json_array_get(teams, (size_t)i)) : NULL;
            snprintf(g->team[i], sizeof g->team[i], "%s", t ? t : "");
        }
    } else if (g->table != (int)table || g->n_seats != (int)seats || g->seed != sd || strcmp(g->package, pkg)) {
        snprintf(err, errlen, "a page of table %d's log says another table", g->table);
        return -1;
    }
    g->over = json_is_true(json_object_get(m, "over"));
    size_t i;
    json_t *mv;
    json_array_foreach(moves, i, mv) {
        json_int_t seq = json_integer_value(json_array_get(mv, 0)), seat = json_integer_value(json_array_get(mv, 2));
        json_int_t arg = json_integer_value(json_array_get(mv, 3));
        const char *name = json_string_value(json_array_get(mv, 1));
        int type = name ? pl_move_from_name(name) : -1;
        if (seq != (json_int_t)g->n_moves + 1 || type < 1 || seat < 0 || seat > 255 || arg < 0 || arg > 65535) {
            snprintf(err, errlen, "move %zu of table %d's log is not a move that follows", g->n_moves + 1, g->table);
            return -1;
        }
        pl_move_t x = { (uint8_t)type, (uint8_t)seat, (uint16_t)arg };
        if (pc_glog_push(g, &x) != 0) {
            snprintf(err, errlen, "table %d's log is too long", g->table);
            return -1;
        }
    }
    if (json_is_integer(nx)) {
        json_int_t n = json_integer_value(nx);
        if (n != (json_int_t)g->n_moves + 1) {
            snprintf(err, errlen, "table %d's log goes on at move %lld, not %zu", g->table, (long long)n, g->n_moves + 1);
            return -1;
        }
        *next = (uint32_t)n;
        return 0;
    }
    return 1;
}

void pc_glog_free(pc_glog_t *g)
{
    free(g->moves);
    g->moves = NULL;
    g->n_moves = g->cap = 0;
}
