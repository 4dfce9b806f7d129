/* seats.c -- who holds a seat: team codes, several devices on one seat each with its own token, names
 * given at creation, and the table's presence pushed to its listeners and to the lobby as it changes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "server.h"

/* easy to read aloud: no 0/O, 1/I/L, 2/Z, 5/S, 8/B */
static const char CODE_ALPHABET[] = "ACDEFGHJKMNPQRTUVWXY34679";

int srv_seat_devices(const table_t *t, int seat)
{
    int n = 0;
    for (int i = 0; i < t->n_subs; i++)
        n += t->subs[i].who == seat;
    return n;
}

table_t *srv_code_lookup(srv_t *s, const char *code, int *seat)
{
    if (!code || strlen(code) != SRV_CODE_LEN)
        return NULL;
    char up[SRV_CODE_LEN + 1]; /* typed on a phone: any case */
    for (int i = 0; i <= SRV_CODE_LEN; i++)
        up[i] = (char)(code[i] >= 'a' && code[i] <= 'z' ? code[i] - 'a' + 'A' : code[i]);
    for (uint32_t id = 1; id <= s->n_tables; id++) {
        table_t *t = s->tables[id];
        if (!t)
            continue;
        for (int k = 0; k < t->n_seats; k++)
            if (t->code[k][0] && !strcmp(t->code[k], up)) {
                *seat = k;
                return t;
            }
    }
    return NULL;
}

/* a fresh code no live seat holds */
static void new_code(srv_t *s, char out[SRV_CODE_LEN + 1])
{
    int seat;
    do {
        uint8_t r[SRV_CODE_LEN];
        srv_random(r, sizeof r);
        for (int i = 0; i < SRV_CODE_LEN; i++)
            out[i] = CODE_ALPHABET[r[i] % (sizeof CODE_ALPHABET - 1)];
        out[SRV_CODE_LEN] = 0;
    } while (srv_code_lookup(s, out, &seat));
}

int srv_seat_token_ok(const table_t *t, int seat, const char *token)
{
    uint8_t h[SRV_HASH_LEN];
    srv_token_hash(token, h);
    int ok = srv_hash_equal(h, t->token_hash[seat]);
    for (int k = 0; k < t->n_keys[seat]; k++)
        ok |= srv_hash_equal(h, t->keys[seat][k]);
    return ok;
}

/* a new token for seat (TABLE-SEAT-32HEX) with its hash */
static void make_token(const table_t *t, int seat, char token[SRV_TOKEN_LEN], uint8_t h[SRV_HASH_LEN])
{
    uint8_t rnd[16];
    char hex[33];
    srv_random(rnd, sizeof rnd);
    srv_hex(rnd, sizeof rnd, hex);
    snprintf(token, SRV_TOKEN_LEN, "%u-%d-%s", t->id, seat, hex);
    srv_token_hash(token, h);
}

int srv_seat_take(table_t *t, int seat, const char *team, char token[SRV_TOKEN_LEN], char *err, size_t errlen)
{
    srv_t *s = t->timer.loop->data;
    uint8_t h[SRV_HASH_LEN];
    char code[SRV_CODE_LEN + 1];
    make_token(t, seat, token, h);
    new_code(s, code);
    /* the seat, its name and its code are stored before anything is handed out */
    int bad = 1;
    if (store_op_begin(s->store) == 0) {
        bad = store_add_seat(s->store, t->id, seat, team, h) != 0 ||
              store_add_seat_extra(s->store, t->id, seat, "code", code, strlen(code)) != 0;
        bad = store_op_end(s->store, !bad) != 0 || bad;
    }
    if (bad) {
        snprintf(err, errlen, "the seat could not be recorded; try again");
        return -1;
    }
    memcpy(t->token_hash[seat], h, sizeof h);
    snprintf(t->team[seat], sizeof t->team[0], "%s", team);
    memcpy(t->code[seat], code, sizeof code);
    t->taken_mask |= (uint8_t)(1u << seat);
    srv_table_changed(t);
    return 0;
}

int srv_seat_add_device(table_t *t, int seat, char token[SRV_TOKEN_LEN], char *err, size_t errlen)
{
    srv_t *s = t->timer.loop->data;
    uint8_t h[SRV_HASH_LEN];
    make_token(t, seat, token, h);
    int k = t->n_keys[seat];
    if (k == SRV_SEAT_KEYS) { /* the oldest extra device's token gives way */
        memmove(t->keys[seat][0], t->keys[seat][1], (SRV_SEAT_KEYS - 1) * SRV_HASH_LEN);
        k--;
    }
    if (store_add_seat_extra(s->store, t->id, seat, "token", h, sizeof h) != 0) {
        snprintf(err, errlen, "the device could not be recorded; try again");
        return -1;
    }
    memcpy(t->keys[seat][k], h, sizeof h);
    t->n_keys[seat] = (uint8_t)(k + 1);
    return 0;
}

int srv_seat_restore_extra(void *arg, int seat, const char *kind, const void *value, size_t n)
{
    table_t *t = arg;
    if (seat < 0 || seat >= t->n_seats)
        return 0;
    if (!strcmp(kind, "code") && n == SRV_CODE_LEN) {
        memcpy(t->code[seat], value, n);
        t->code[seat][n] = 0;
    } else if (!strcmp(kind, "name") && n <= SRV_NAME_MAX) {
        memcpy(t->team[seat], value, n);
        t->team[seat][n] = 0;
        t->named_mask |= (uint8_t)(1u << seat);
    } else if (!strcmp(kind, "token") && n == SRV_HASH_LEN) {
        int k = t->n_keys[seat];
        if (k == SRV_SEAT_KEYS) {
            memmove(t->keys[seat][0], t->keys[seat][1], (SRV_SEAT_KEYS - 1) * SRV_HASH_LEN);
            k--;
        }
        memcpy(t->keys[seat][k], value, n);
        t->n_keys[seat] = (uint8_t)(k + 1);
    }
    return 0;
}

/* ---- presence pushed as it changes ------------------------------------------------------- */

static void mark(table_t *t, int what)
{
    srv_t *s = t->timer.loop->data;
    if (t->info_dirty) {
        t->info_dirty |= what;
        return;
    }
    if (s->n_dirty == s->cap_dirty) {
        int cap = s->cap_dirty ? s->cap_dirty * 2 : 16;
        table_t **nd = realloc(s->dirty, (size_t)cap * sizeof *nd);
        if (!nd)
            return; /* the next change tells it */
        s->dirty = nd;
        s->cap_dirty = cap;
    }
    t->info_dirty = what;
    s->dirty[s->n_dirty++] = t;
    srv_kick(s);
}

void srv_table_changed(table_t *t)
{
    mark(t, SRV_INFO_ALL);
}

void srv_table_status(table_t *t)
{
    srv_t *s = t->timer.loop->data;
    if (s->n_lobby > 0) /* only the lobby follows it: nothing to do when nobody watches */
        mark(t, SRV_INFO_LOBBY);
}

void srv_table_forget(table_t *t)
{
    srv_t *s = t->timer.loop->data;
    if (t->info_dirty)
        for (int i = 0; i < s->n_dirty; i++)
            if (s->dirty[i] == t) {
                s->dirty[i] = s->dirty[--s->n_dirty];
                break;
            }
    t->info_dirty = 0;
    /* the lobby hears that it is gone */
    char msg[96];
    int n = snprintf(msg + PROTO_HEADER, sizeof msg - PROTO_HEADER, "{\"type\":\"table_gone\",\"table\":%u}", t->id);
    sframe_t *f = srv_frame_new((size_t)n + PROTO_HEADER);
    if (!f)
        return;
    proto_put_header((uint8_t *)msg, (uint32_t)n);
    memcpy(f->p, msg, f->len);
    for (conn_t *c = s->conns; c; c = c->next)
        if (c->lobby && !c->closing && !c->shutting)
            srv_send_shared(c, f);
    srv_frame_unref(f);
}

/* once per loop turn: each table that changed tells its listeners and the lobby, once */
void srv_presence_flush(srv_t *s)
{
    while (s->n_dirty > 0) {
        table_t *t = s->dirty[--s->n_dirty];
        int what = t->info_dirty;
        t->info_dirty = 0;
        json_t *m = proto_msg("table", -1);
        json_object_set_new(m, "info", srv_table_info(t));
        size_t len;
        uint8_t *buf = proto_frame(m, PROTO_MAX_FRAME_S2C, &len);
        json_decref(m);
        sframe_t *f = buf ? srv_frame_adopt(buf, len) : NULL;
        if (!f)
            continue;
        for (int i = 0; i < t->n_subs && (what & SRV_INFO_ALL); i++)
            if (!t->subs[i].c->closing && !t->subs[i].c->shutting)
                srv_send_shared(t->subs[i].c, f);
        for (conn_t *c = s->conns; c && s->n_lobby > 0; c = c->next) {
            if (!c->lobby || c->closing || c->shutting)
                continue;
            int subscribed = 0;
            for (int k = 0; k < c->n_sub && !subscribed; k++)
                subscribed = c->sub[k].t == t;
            if (!subscribed)
                srv_send_shared(c, f);
        }
        srv_frame_unref(f);
    }
}
