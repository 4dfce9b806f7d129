/* conn.c -- one server connection on the main thread: protocol messages (docs/protocol.md), lobby,
 * seats and tokens, team codes, packages by content, and the channel of the table being played */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "proto/proto.h"
#include "text/text.h"
#include "client/conn.h"
#include "client/link.h"
#include "client/load.h"
#include "client/pkgcache.h"
#include "client/conn_internal.h"

static const char *tr(const pc_conn_t *c, const char *s) __attribute__((format_arg(2)));
static const char *tr(const pc_conn_t *c, const char *s)
{
    return pt_tr(c->lang, s);
}

void pc_conn__emit(pc_conn_t *c, int type, const char *text)
{
    if (c->ev_n == CONN_EV_MAX) {
        c->ev_head = (c->ev_head + 1) % CONN_EV_MAX;
        c->ev_n--;
    }
    pc_cevent_t *e = &c->ev[(c->ev_head + c->ev_n++) % CONN_EV_MAX];
    e->type = type;
    e->table = c->table;
    snprintf(e->text, sizeof e->text, "%s", text ? text : "");
}

int pc_conn_next(pc_conn_t *c, pc_cevent_t *out)
{
    if (!c || !c->ev_n)
        return 0;
    *out = c->ev[c->ev_head];
    c->ev_head = (c->ev_head + 1) % CONN_EV_MAX;
    c->ev_n--;
    return 1;
}

/* ---- the token file ---------------------------------------------------------------------- */

int pc_conn_token_path(const char *addr, char *out, size_t len)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char dir[900];
    if (xdg && *xdg == '/')
        snprintf(dir, sizeof dir, "%s/plateau", xdg);
    else if (home && *home)
        snprintf(dir, sizeof dir, "%s/.config/plateau", home);
    else
        return 0;
    char name[140];
    size_t k = 0;
    for (const char *p = addr; *p && k < sizeof name - 1; p++)
        name[k++] = (char)((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' ? *p : '_');
    name[k] = 0;
    return snprintf(out, len, "%s/seat-%s.token", dir, name) < (int)len;
}

static void mkdirs_for(const char *path)
{
    char p[1024];
    snprintf(p, sizeof p, "%s", path);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = 0;
            mkdir(p, 0700);
            *s = '/';
        }
}

/* written to a new file created with mode 0600 (never readable by others, not even briefly),
 * then renamed over the old one */
static void token_save(pc_conn_t *c)
{
    char path[1024], tmp[1100];
    if (!pc_conn_token_path(c->addr, path, sizeof path))
        return;
    mkdirs_for(path);
    snprintf(tmp, sizeof tmp, "%s.%ld.new", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    size_t n = strlen(c->token);
    int ok = write(fd, c->token, n) == (ssize_t)n && write(fd, "\n", 1) == 1;
    ok = fsync(fd) == 0 && ok;
    close(fd);
    if (!ok || rename(tmp, path) != 0)
        unlink(tmp);
}

static void token_load(pc_conn_t *c)
{
    char path[1024];
    c->token[0] = 0;
    if (!pc_conn_token_path(c->addr, path, sizeof path))
        return;
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    if (fgets(c->token, sizeof c->token, f))
        c->token[strcspn(c->token, "\r\n")] = 0;
    fclose(f);
}

static void token_forget(pc_conn_t *c)
{
    char path[1024];
    c->token[0] = 0;
    if (pc_conn_token_path(c->addr, path, sizeof path))
        remove(path);
}

/* ---- sending ----------------------------------------------------------------------------- */

long pc_conn__send(pc_conn_t *c, json_t *m)
{
    long id = ++c->next_id;
    json_object_set_new(m, "id", json_integer(id));
    size_t len;
    uint8_t *frame = proto_frame(m, PROTO_MAX_FRAME, &len);
    json_decref(m);
    if (!frame)
        return -1;
    int ok = c->link && pc_link_send(c->link, c->gen, frame, len);
    free(frame);
    return ok ? id : -1;
}

static long request(pc_conn_t *c, const char *type)
{
    return pc_conn__send(c, proto_msg(type, -1));
}

static void send_rejoin(pc_conn_t *c)
{
    json_t *r = proto_msg("rejoin", -1);
    json_object_set_new(r, "token", json_string(c->token));
    c->joining = 1;
    c->join_id = pc_conn__send(c, r);
}

static void send_watch(pc_conn_t *c, int table)
{
    json_t *m = proto_msg("watch", -1);
    json_object_set_new(m, "table", json_integer(table));
    json_object_set_new(m, "as", json_string(c->watch_as_facilitator ? "facilitator" : "observer"));
    c->joining = 1;
    c->join_id = pc_conn__send(c, m);
}

/* ---- status ------------------------------------------------------------------------------ */

static void status(pc_conn_t *c)
{
    switch (c->state) {
    case PC_NET_CONNECTING: snprintf(c->status, sizeof c->status, tr(c, "Connecting to %s..."), c->addr); break;
    case PC_NET_CONNECTED: snprintf(c->status, sizeof c->status, tr(c, "Connected to %s."), c->addr); break;
    case PC_NET_READY:
        if (c->table > 0 && c->watching)
            snprintf(c->status, sizeof c->status, tr(c, "Connected to %s, watching table %d."), c->addr, c->table);
        else if (c->table > 0)
            snprintf(c->status, sizeof c->status, tr(c, "Connected to %s, table %d, seat %d."), c->addr, c->table, c->seat + 1);
        else
            snprintf(c->status, sizeof c->status, tr(c, "Connected to %s."), c->addr);
        break;
    case PC_NET_LOST: snprintf(c->status, sizeof c->status, tr(c, "Connection to %s lost, trying again..."), c->addr); break;
    default: c->status[0] = 0;
    }
    pc_conn__emit(c, PC_CE_STATUS, NULL);
}

int pc_conn_state(const pc_conn_t *c) { return c ? c->state : PC_NET_OFF; }
const char *pc_conn_status(const pc_conn_t *c) { return c ? c->status : ""; }
const char *pc_conn_addr(const pc_conn_t *c) { return c ? c->addr : ""; }
int pc_conn_table(const pc_conn_t *c) { return c ? c->table : 0; }
int pc_conn_seat(const pc_conn_t *c) { return c && !c->watching ? c->seat : -1; }
const char *pc_conn_code(const pc_conn_t *c) { return c ? c->code : ""; }

int pc_conn_tables(const pc_conn_t *c, const pc_table_info_t **out)
{
    *out = c ? c->tables : NULL;
    return c ? c->n_tables : 0;
}

int pc_conn_packages(const pc_conn_t *c, const pc_pkg_info_t **out)
{
    *out = c ? c->pkgs : NULL;
    return c ? c->n_pkgs : 0;
}

void pc_conn_set_lang(pc_conn_t *c, int lang)
{
    if (!c)
        return;
    c->lang = lang;
    status(c);
}

/* ---- opening and closing ----------------------------------------------------------------- */

pc_conn_t *pc_conn_open(const char *addr, int lang, char *err, size_t errlen)
{
    char host[128];
    const char *colon = strrchr(addr, ':');
    char *end = NULL;
    long port = colon ? strtol(colon + 1, &end, 10) : 0;
    if (!colon || !end || *end || port <= 0 || port > 65535 || colon == addr || (size_t)(colon - addr) >= sizeof host) {
        snprintf(err, errlen, pt_tr(lang, "Bad address %s: use ADDRESS:PORT."), addr);
        return NULL;
    }
    memcpy(host, addr, (size_t)(colon - addr));
    host[colon - addr] = 0;
    if (host[0] == '[' && host[strlen(host) - 1] == ']') { /* [::1]:7878 */
        memmove(host, host + 1, strlen(host));
        host[strlen(host) - 1] = 0;
    }
    pc_conn_t *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    snprintf(c->addr, sizeof c->addr, "%s", addr);
    c->lang = lang;
    c->seat = -1;
    c->ev_type = SDL_RegisterEvents(1);
    token_load(c);
    c->link = c->ev_type != (Uint32)-1 ? pc_link_start(host, (int)port, c->ev_type) : NULL;
    if (!c->link) {
        snprintf(err, errlen, pt_tr(lang, "Cannot start the network: %s"), SDL_GetError());
        free(c);
        return NULL;
    }
    c->state = PC_NET_CONNECTING;
    status(c);
    return c;
}

void pc_conn_close(pc_conn_t *c)
{
    if (!c)
        return;
    pc_link_stop(c->link);
    json_decref(c->joined_snapshot);
    json_decref(c->waiting_snapshot);
    json_decref(c->early);
    for (int i = 0; i < c->n_rs; i++)
        pl_ruleset_destroy(c->rs[i].rs);
    pc_conn__logs_free(c);
    free(c);
}

void pc_conn_cut(pc_conn_t *c)
{
    if (c)
        pc_link_cut(c->link);
}

unsigned long pc_conn_wakeups(const pc_conn_t *c)
{
    return c ? pc_link_wakeups(c->link) : 0;
}

/* ---- lobby requests ---------------------------------------------------------------------- */

int pc_conn_refresh(pc_conn_t *c)
{
    if (!c || c->state != PC_NET_READY)
        return 0;
    request(c, "list_packages");
    request(c, "list_tables");
    json_t *w = proto_msg("watch_lobby", -1);
    json_object_set_new(w, "on", json_true());
    pc_conn__send(c, w);
    return 1;
}

int pc_conn_create(pc_conn_t *c, const pc_create_spec_t *spec)
{
    if (!c || c->state != PC_NET_READY)
        return 0;
    json_t *m = proto_msg("create_table", -1);
    json_t *bots = json_array(), *teams = json_array();
    for (int s = 0; s < spec->seats && s < PL_MAX_SEATS; s++) {
        if ((spec->bots >> s) & 1u)
            json_array_append_new(bots, json_integer(s));
        json_array_append_new(teams, spec->team[s][0] ? json_string(spec->team[s]) : json_null());
    }
    json_object_set_new(m, "package", json_string(spec->package));
    json_object_set_new(m, "seats", json_integer(spec->seats));
    json_object_set_new(m, "bots", bots);
    json_object_set_new(m, "teams", teams);
    if (spec->timer > 0)
        json_object_set_new(m, "timer", json_integer(spec->timer));
    c->create = *spec;
    c->create_id = pc_conn__send(c, m);
    return c->create_id >= 0;
}

int pc_conn_join(pc_conn_t *c, int table, int seat, const char *team)
{
    if (!c || c->state != PC_NET_READY)
        return 0;
    json_t *m = proto_msg("join", -1);
    json_object_set_new(m, "table", json_integer(table));
    if (seat >= 0)
        json_object_set_new(m, "seat", json_integer(seat));
    if (team && *team)
        json_object_set_new(m, "team", json_string(team));
    c->joining = 1;
    c->watching = 0;
    c->join_id = pc_conn__send(c, m);
    return c->join_id >= 0;
}

int pc_conn_join_code(pc_conn_t *c, const char *code)
{
    if (!c || c->state != PC_NET_READY)
        return 0;
    char norm[16];
    size_t k = 0;
    for (const char *p = code; *p && k < sizeof norm - 1; p++) /* read aloud: spaces and case do not matter */
        if (*p != ' ' && *p != '-')
            norm[k++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    norm[k] = 0;
    json_t *m = proto_msg("join_code", -1);
    json_object_set_new(m, "code", json_string(norm));
    c->joining = 1;
    c->watching = 0;
    c->join_id = pc_conn__send(c, m);
    return c->join_id >= 0;
}

int pc_conn_has_token(const pc_conn_t *c)
{
    return c && c->token[0];
}

int pc_conn_rejoin(pc_conn_t *c)
{
    if (!c || c->state != PC_NET_READY || !c->token[0])
        return 0;
    unsigned id = 0;
    sscanf(c->token, "%u-", &id);
    c->table = (int)id;
    c->watching = 0;
    send_rejoin(c);
    return 1;
}

int pc_conn__watch(pc_conn_t *c, int table, int as_facilitator)
{
    if (!c || c->state != PC_NET_READY)
        return 0;
    c->watching = 1;
    c->watch_as_facilitator = as_facilitator;
    c->table = table;
    send_watch(c, table);
    return 1;
}

int pc_conn_watch(pc_conn_t *c, int table)
{
    return pc_conn__watch(c, table, 0);
}

int pc_conn_viewer(const pc_conn_t *c)
{
    if (!c->watching)
        return c->seat;
    return c->watch_as_facilitator ? PL_WHO_FACILITATOR : PL_WHO_OBSERVER;
}

void pc_conn_leave(pc_conn_t *c)
{
    if (!c)
        return;
    if (c->table > 0 && c->state == PC_NET_READY) {
        json_t *m = proto_msg("leave", -1);
        json_object_set_new(m, "table", json_integer(c->table));
        pc_conn__send(c, m);
    }
    c->table = 0;
    c->seat = -1;
    c->watching = 0;
    c->joining = 0;
    c->code[0] = 0;
    c->listen = NULL;
    c->listen_ctx = NULL;
    json_decref(c->joined_snapshot);
    c->joined_snapshot = NULL;
    json_decref(c->early);
    c->early = NULL;
    json_decref(c->waiting_snapshot);
    c->waiting_snapshot = NULL;
    status(c); /* the token is kept: "resume my seat" brings this device back */
    pc_conn_refresh(c);
}

/* ---- the table channel ------------------------------------------------------------------- */

int pc_conn_can_move(const pc_conn_t *c)
{
    return c && c->state == PC_NET_READY && c->table > 0 && !c->joining && !c->watching;
}

long pc_conn_send_move(pc_conn_t *c, const pl_move_t *mv, uint32_t seq)
{
    if (!pc_conn_can_move(c))
        return -1;
    json_t *m = proto_msg("move", -1);
    json_object_set_new(m, "table", json_integer(c->table));
    json_object_set_new(m, "seq", json_integer(seq));
    json_object_set_new(m, "move", proto_move_encode(mv));
    c->move_id = pc_conn__send(c, m);
    return c->move_id;
}

int pc_conn_take_joined(pc_conn_t *c, const pl_ruleset_t **rs, json_t **snapshot)
{
    if (!c->joined_snapshot)
        return 0;
    *rs = c->joined_rs;
    *snapshot = c->joined_snapshot;
    c->joined_snapshot = NULL;
    return 1;
}

long pc_conn_ask_log(pc_conn_t *c, int table, uint32_t from)
{
    if (!c || c->state != PC_NET_READY || table < 1)
        return 0;
    c->log_id = pc_conn__log_page(c, table, from ? from : 1);
    return c->log_id;
}

void pc_conn_listen(pc_conn_t *c, void (*fn)(void *, const json_t *), void *ctx)
{
    c->listen = fn;
    c->listen_ctx = ctx;
    c->listen_who = c->watching ? -1 : c->seat;
    if (fn && c->early) { /* what came between the snapshot and the session, in order */
        json_t *early = c->early, *m;
        size_t i;
        c->early = NULL;
        json_array_foreach(early, i, m)
            fn(ctx, m);
        json_decref(early);
    }
}

void pc_conn_unlisten(pc_conn_t *c, void *ctx)
{
    if (c && c->listen_ctx == ctx) {
        c->listen = NULL;
        c->listen_ctx = NULL;
    }
}

void pc_conn_resync(pc_conn_t *c)
{
    if (!c || c->state != PC_NET_READY || c->table <= 0)
        return;
    if (c->watching)
        send_watch(c, c->table);
    else if (c->token[0])
        send_rejoin(c);
}

/* ---- receiving --------------------------------------------------------------------------- */

static void table_info(pc_table_info_t *x, const json_t *t)
{
    memset(x, 0, sizeof *x);
    x->id = (int)json_integer_value(json_object_get(t, "table"));
    x->seats = (int)json_integer_value(json_object_get(t, "seats"));
    if (x->seats < 0 || x->seats > PL_MAX_SEATS)
        x->seats = 0;
    x->over = json_is_true(json_object_get(t, "over"));
    x->broken = json_is_true(json_object_get(t, "broken"));
    x->timer = (int)json_integer_value(json_object_get(t, "timer"));
    x->seq = (uint32_t)json_integer_value(json_object_get(t, "seq"));
    const char *pkg = json_string_value(json_object_get(t, "package"));
    snprintf(x->package, sizeof x->package, "%s", pkg ? pkg : "?");
    json_t *teams = json_object_get(t, "teams"), *bots = json_object_get(t, "bots");
    json_t *taken = json_object_get(t, "taken"), *devices = json_object_get(t, "devices");
    for (int s = 0; s < x->seats; s++) {
        const char *n = json_string_value(json_array_get(teams, (size_t)s));
        snprintf(x->team[s], sizeof x->team[s], "%s", n ? n : "");
        /* an older server sends no "taken": a named seat is a taken one */
        x->taken[s] = taken ? json_is_true(json_array_get(taken, (size_t)s)) : n != NULL;
        x->devices[s] = (uint8_t)json_integer_value(json_array_get(devices, (size_t)s));
    }
    size_t i;
    json_t *b;
    json_array_foreach(bots, i, b) {
        json_int_t s = json_integer_value(b);
        if (s >= 0 && s < x->seats)
            x->bot[s] = 1;
    }
    x->round = (int)json_integer_value(json_object_get(t, "round"));
    x->current = (int)json_integer_value(json_object_get(t, "current"));
    x->awaited = (unsigned)json_integer_value(json_object_get(t, "awaited"));
    x->paused = json_is_true(json_object_get(t, "paused"));
    x->vote_timer = (int)json_integer_value(json_object_get(t, "vote_timer"));
    x->standin_after = (int)json_integer_value(json_object_get(t, "standin_after"));
    json_array_foreach(json_object_get(t, "standins"), i, b) {
        json_int_t s = json_integer_value(b);
        if (s >= 0 && s < x->seats)
            x->standin[s] = 1;
    }
    json_array_foreach(json_object_get(t, "seat_modes"), i, b) {
        const char *m = json_string_value(b);
        if (i < (size_t)x->seats && m)
            x->seat_mode[i] = !strcmp(m, "bot") ? 1 : !strcmp(m, "team") ? 2 : 0;
    }
    json_t *clock = json_object_get(t, "clock");
    x->clock_kind = pc_clock_kind(json_string_value(json_object_get(clock, "kind")));
    x->clock_seconds = (int)json_integer_value(json_object_get(clock, "seconds"));
    x->clock_frozen = json_is_true(json_object_get(clock, "paused"));
    uint32_t left = (uint32_t)json_integer_value(json_object_get(clock, "left_ms"));
    x->clock_deadline = x->clock_frozen ? left : SDL_GetTicks() + left;
}

int pc_clock_kind(const char *name)
{
    if (!name)
        return PC_CLOCK_NONE;
    return !strcmp(name, "turn") ? PC_CLOCK_TURN : !strcmp(name, "vote") ? PC_CLOCK_VOTE
                                                     : !strcmp(name, "prompt") ? PC_CLOCK_PROMPT : PC_CLOCK_NONE;
}

static void on_tables(pc_conn_t *c, const json_t *m)
{
    json_t *arr = json_object_get(m, "tables"), *t;
    size_t i;
    if (!json_is_true(json_object_get(m, "more_before"))) /* the first page starts the list again */
        c->n_tables = 0;
    json_array_foreach(arr, i, t) {
        if (c->n_tables >= PC_CONN_MAX_TABLES)
            break;
        table_info(&c->tables[c->n_tables++], t);
    }
    pc_conn__emit(c, PC_CE_LOBBY, NULL);
}

/* one table changed (pushed to lobby watchers and to the table's listeners) */
static void on_table(pc_conn_t *c, const json_t *m)
{
    pc_table_info_t x;
    table_info(&x, json_object_get(m, "info"));
    if (x.id <= 0)
        return;
    int k = 0;
    while (k < c->n_tables && c->tables[k].id != x.id)
        k++;
    if (k == c->n_tables) {
        if (c->n_tables >= PC_CONN_MAX_TABLES)
            return;
        c->n_tables++;
    }
    c->tables[k] = x;
    pc_conn__emit(c, PC_CE_LOBBY, NULL);
}

static void on_table_gone(pc_conn_t *c, const json_t *m)
{
    int id = (int)json_integer_value(json_object_get(m, "table"));
    for (int k = 0; k < c->n_tables; k++)
        if (c->tables[k].id == id) {
            c->tables[k] = c->tables[--c->n_tables];
            break;
        }
    pc_conn__emit(c, PC_CE_LOBBY, NULL);
}

static void on_packages(pc_conn_t *c, const json_t *m)
{
    json_t *arr = json_object_get(m, "packages"), *p;
    size_t i;
    c->n_pkgs = 0;
    json_array_foreach(arr, i, p) {
        if (c->n_pkgs >= PC_CONN_MAX_PKGS)
            break;
        pc_pkg_info_t *x = &c->pkgs[c->n_pkgs++];
        memset(x, 0, sizeof *x);
        const char *id = json_string_value(json_object_get(p, "id"));
        const char *hash = json_string_value(json_object_get(p, "hash"));
        json_t *title = json_object_get(p, "title");
        snprintf(x->id, sizeof x->id, "%s", id ? id : "?");
        snprintf(x->hash, sizeof x->hash, "%s", hash ? hash : "");
        const char *fr = json_string_value(json_object_get(title, "fr")), *en = json_string_value(json_object_get(title, "en"));
        snprintf(x->title[PL_LANG_FR], sizeof x->title[0], "%s", fr ? fr : x->id);
        snprintf(x->title[PL_LANG_EN], sizeof x->title[0], "%s", en ? en : x->title[PL_LANG_FR]);
        x->min_seats = (int)json_integer_value(json_object_get(p, "min_seats"));
        x->max_seats = (int)json_integer_value(json_object_get(p, "max_seats"));
        x->default_seats = (int)json_integer_value(json_object_get(p, "default_seats"));
        x->size = (long)json_integer_value(json_object_get(p, "size"));
    }
    pc_conn__emit(c, PC_CE_LOBBY, NULL);
}

const pl_ruleset_t *pc_conn__ruleset_of(pc_conn_t *c, const char *hash, const char *dir, char *err, size_t errlen)
{
    for (int i = 0; i < c->n_rs; i++)
        if (!strcmp(c->rs[i].hash, hash))
            return c->rs[i].rs;
    char e2[512];
    pl_ruleset_t *rs = pc_load_game(dir, e2, sizeof e2);
    if (!rs) {
        snprintf(err, errlen, "%s", e2);
        return NULL;
    }
    if (c->n_rs == CONN_RS_MAX) { /* the oldest is no longer played here */
        pl_ruleset_destroy(c->rs[0].rs);
        memmove(&c->rs[0], &c->rs[1], (CONN_RS_MAX - 1) * sizeof c->rs[0]);
        c->n_rs--;
    }
    snprintf(c->rs[c->n_rs].hash, sizeof c->rs[0].hash, "%s", hash);
    c->rs[c->n_rs++].rs = rs;
    return rs;
}

/* the package of a snapshot: 1 when it is here (rs set), 0 when it is being fetched, -1 refused */
static int package_for(pc_conn_t *c, const json_t *snap, const pl_ruleset_t **rs)
{
    json_t *info = json_object_get(snap, "info");
    const char *id = json_string_value(json_object_get(info, "package"));
    const char *hash = json_string_value(json_object_get(info, "package_hash"));
    char dir[1100], err[600];
    if (!id) {
        pc_conn__emit(c, PC_CE_ERROR, tr(c, "The server sent a table without its game."));
        return -1;
    }
    if (!hash) { /* a server that does not say which version: the installed copy, if any */
        if (!pc_find_game_dir(id, dir, sizeof dir)) {
            char b[300];
            snprintf(b, sizeof b, tr(c, "The game %s is not installed here."), id);
            pc_conn__emit(c, PC_CE_ERROR, b);
            return -1;
        }
        *rs = pc_conn__ruleset_of(c, "unknown", dir, err, sizeof err);
    } else if (pc_pkg_find(id, hash, dir, sizeof dir)) {
        *rs = pc_conn__ruleset_of(c, hash, dir, err, sizeof err);
    } else {
        json_t *m = proto_msg("get_package", -1);
        json_object_set_new(m, "package", json_string(id));
        snprintf(c->waiting_hash, sizeof c->waiting_hash, "%s", hash);
        c->pkg_id = pc_conn__send(c, m);
        snprintf(c->status, sizeof c->status, tr(c, "Fetching the game %s from the server..."), id);
        pc_conn__emit(c, PC_CE_STATUS, NULL);
        return 0;
    }
    if (!*rs) {
        pc_conn__emit(c, PC_CE_ERROR, err);
        return -1;
    }
    return 1;
}

static void deliver_snapshot(pc_conn_t *c, json_t *snap, const pl_ruleset_t *rs)
{
    json_t *who = json_object_get(snap, "who");
    int seat = json_is_integer(who) ? (int)json_integer_value(who) : -1;
    if (c->listen && seat == c->listen_who) { /* a rejoin after a drop: the session takes its fresh view */
        c->listen(c->listen_ctx, snap);
        return;
    }
    json_decref(c->joined_snapshot);
    c->joined_snapshot = json_incref(snap);
    c->joined_rs = rs;
    c->listen = NULL; /* the session of the seat held before hears no more */
    c->listen_ctx = NULL;
    json_decref(c->early);
    c->early = json_array();
    pc_conn__emit(c, PC_CE_JOINED, NULL);
}

static void on_snapshot(pc_conn_t *c, json_t *m)
{
    int table = (int)json_integer_value(json_object_get(m, "table"));
    if (table != c->table)
        return; /* an old table's */
    c->joining = 0;
    const pl_ruleset_t *rs = NULL;
    int got = package_for(c, m, &rs);
    if (got == 0) {
        json_decref(c->waiting_snapshot);
        c->waiting_snapshot = json_incref(m);
        return;
    }
    if (got < 0) {
        pc_conn_leave(c);
        pc_conn__emit(c, PC_CE_LEFT, NULL);
        return;
    }
    status(c);
    deliver_snapshot(c, m, rs);
}

static void on_package(pc_conn_t *c, json_t *m)
{
    if (!c->waiting_snapshot)
        return;
    char dir[1100], err[600];
    json_t *snap = c->waiting_snapshot;
    c->waiting_snapshot = NULL;
    const pl_ruleset_t *rs = NULL;
    if (pc_pkg_store(m, c->waiting_hash, c->lang, dir, sizeof dir, err, sizeof err))
        rs = pc_conn__ruleset_of(c, c->waiting_hash, dir, err, sizeof err);
    if (!rs) {
        char b[300];
        snprintf(b, sizeof b, tr(c, "The game could not be taken from the server: %s"), err);
        json_decref(snap);
        pc_conn_leave(c);
        pc_conn__emit(c, PC_CE_ERROR, b);
        pc_conn__emit(c, PC_CE_LEFT, NULL);
        return;
    }
    status(c);
    deliver_snapshot(c, snap, rs);
    json_decref(snap);
}

static void on_joined(pc_conn_t *c, const json_t *m)
{
    c->table = (int)json_integer_value(json_object_get(m, "table"));
    json_t *seat = json_object_get(m, "seat");
    c->seat = json_is_integer(seat) ? (int)json_integer_value(seat) : -1;
    c->watching = c->seat < 0;
    const char *tok = json_string_value(json_object_get(m, "token"));
    if (tok && strlen(tok) < sizeof c->token) {
        snprintf(c->token, sizeof c->token, "%s", tok);
        token_save(c);
    }
    const char *code = json_string_value(json_object_get(m, "code"));
    if (code)
        snprintf(c->code, sizeof c->code, "%s", code);
    /* moves may go once the snapshot is here (c->joining is cleared by it) */
}

/* a server's refusal in the player's words */
static void error_text(pc_conn_t *c, const char *code, const char *msg, char *out, size_t len)
{
    static const struct {
        const char *code, *text;
    } words[] = {
        { PROTO_E_SEAT_TAKEN, N_("That seat is taken: ask its team for their team code.") },
        { "bad_code", N_("No table has this team code: check it with the team (six letters or digits).") },
        { "seat_full", N_("Too many devices already follow this team's seat.") },
        { PROTO_E_UNKNOWN_TABLE, N_("That table no longer exists.") },
        { PROTO_E_UNKNOWN_PACKAGE, N_("The server does not offer that game.") },
        { PROTO_E_LIMIT, N_("The server holds as many tables as it may: ask the facilitator.") },
        { "package_too_large", N_("The game is too large to be sent over the network: install it on this computer.") },
        { "stale", N_("Your team already played from another device.") },
        { PROTO_E_RATE, N_("Slow down: too many requests.") },
    };
    /* which limit: the server's message names it (docs/protocol.md) */
    if (code && !strcmp(code, PROTO_E_LIMIT) && msg && strstr(msg, "this connection")) {
        snprintf(out, len, "%s", tr(c, "This device has created or followed as many tables as one connection may: ask the "
                                       "facilitator to create the others."));
        return;
    }
    if (code && !strcmp(code, PROTO_E_LIMIT) && msg && strstr(msg, "your address")) {
        snprintf(out, len, "%s", tr(c, "Enough tables were created from this computer's network address: ask the "
                                       "facilitator to create the others."));
        return;
    }
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (code && !strcmp(code, words[i].code)) {
            snprintf(out, len, "%s", tr(c, words[i].text));
            return;
        }
    if (code && !strcmp(code, PROTO_E_BAD_REQUEST))
        snprintf(out, len, tr(c, "The server refused the request: %s"), msg ? msg : "");
    else
        snprintf(out, len, tr(c, "The server refused: %s"), msg ? msg : (code ? code : "?"));
}

static void on_error(pc_conn_t *c, const json_t *m, long re)
{
    const char *code = json_string_value(json_object_get(m, "code"));
    const char *msg = json_string_value(json_object_get(m, "message"));
    char text[300];
    if ((re == c->move_id || (re == c->log_id && c->log_id > 0)) && c->listen) { /* the session's own request */
        c->listen(c->listen_ctx, m);
        return;
    }
    if (code && !strcmp(code, PROTO_E_BAD_TOKEN)) {
        /* that seat is gone (or the token is not for this server): back to the lobby */
        token_forget(c);
        c->joining = 0;
        if (c->table > 0) {
            c->table = 0;
            c->seat = -1;
            pc_conn__emit(c, PC_CE_LEFT, NULL);
        }
        pc_conn_refresh(c);
        return;
    }
    if (re == c->join_id) {
        c->joining = 0;
        if (!c->listen) { /* no table yet: the lobby stays */
            c->table = 0;
            c->seat = -1;
            c->watching = 0;
        }
    }
    if (re == c->pkg_id && c->waiting_snapshot) {
        json_decref(c->waiting_snapshot);
        c->waiting_snapshot = NULL;
        pc_conn_leave(c);
        error_text(c, code, msg, text, sizeof text);
        pc_conn__emit(c, PC_CE_ERROR, text);
        pc_conn__emit(c, PC_CE_LEFT, NULL);
        return;
    }
    error_text(c, code, msg, text, sizeof text);
    pc_conn__emit(c, PC_CE_ERROR, text);
}

static void on_message(pc_conn_t *c, const char *payload, size_t len)
{
    const char *code = NULL;
    char err[200];
    json_t *m = proto_parse(payload, len, &code, err, sizeof err);
    if (!m)
        return;
    const char *type = proto_type(m);
    long re = (long)json_integer_value(json_object_get(m, "re"));
    if (!strcmp(type, "welcome")) {
        c->state = PC_NET_READY;
        if (c->watching && c->table > 0 && !c->watch_as_facilitator)
            send_watch(c, c->table); /* the facilitator's view waits for the login (conn_console.c) */
        else if (c->table > 0 && c->token[0])
            send_rejoin(c); /* back after a drop; moves wait for its answer: never before hello and rejoin */
        pc_conn_refresh(c);
    } else if (!strcmp(type, "tables")) {
        on_tables(c, m);
    } else if (!strcmp(type, "table")) {
        on_table(c, m);
        if (c->listen && (int)json_integer_value(json_object_get(json_object_get(m, "info"), "table")) == c->table)
            c->listen(c->listen_ctx, m);
    } else if (!strcmp(type, "table_gone")) {
        on_table_gone(c, m);
        if ((int)json_integer_value(json_object_get(m, "table")) == c->table && c->table > 0) {
            c->table = 0;
            pc_conn__emit(c, PC_CE_LEFT, NULL);
        }
    } else if (!strcmp(type, "packages")) {
        on_packages(c, m);
    } else if (!strcmp(type, "package")) {
        on_package(c, m);
    } else if ((!strcmp(type, "clock") || !strcmp(type, "message")) &&
               (int)json_integer_value(json_object_get(m, "table")) == c->table) {
        if (c->listen) /* the table's clock and the facilitator's messages go to its session */
            c->listen(c->listen_ctx, m);
        else if (c->early && json_array_size(c->early) < 4096)
            json_array_append(c->early, m);
    } else if (pc_conn__logs_answer(c, m, re)) {
        ; /* a page of the day's logs */
    } else if (pc_conn__console_answer(c, m, re)) {
        ; /* the facilitator's */
    } else if (!strcmp(type, "ok")) {
        json_t *t = json_object_get(m, "table");
        if (re == c->create_id && json_is_integer(t)) {
            int id = (int)json_integer_value(t);
            if (c->create.take >= 0)
                pc_conn_join(c, id, c->create.take, c->create.team[c->create.take]);
            else
                pc_conn__emit(c, PC_CE_LOBBY, NULL);
        }
    } else if (!strcmp(type, "joined")) {
        if (re == c->join_id || c->joining)
            on_joined(c, m);
    } else if (!strcmp(type, "snapshot")) {
        on_snapshot(c, m);
    } else if (!strcmp(type, "update")) {
        if ((int)json_integer_value(json_object_get(m, "table")) != c->table)
            ; /* another table's */
        else if (c->listen)
            c->listen(c->listen_ctx, m);
        else if (c->early && json_array_size(c->early) < 4096)
            json_array_append(c->early, m);
    } else if (!strcmp(type, "table_log") && re == c->log_id) {
        if (c->listen) /* a table session asked for its log (the debrief) */
            c->listen(c->listen_ctx, m);
    } else if (!strcmp(type, "error")) {
        on_error(c, m, re);
    }
    json_decref(m);
    status(c);
}

int pc_conn_handle(pc_conn_t *c, const SDL_Event *ev)
{
    if (!c || ev->type != c->ev_type)
        return 0;
    switch (ev->user.code) {
    case PC_LINK_CONNECTING:
        c->state = PC_NET_CONNECTING;
        break;
    case PC_LINK_CONNECTED: {
        c->state = PC_NET_CONNECTED;
        c->gen = (unsigned)(uintptr_t)ev->user.data2;
        json_t *h = proto_msg("hello", -1);
        json_object_set_new(h, "version", json_integer(PROTO_VERSION));
        json_object_set_new(h, "client", json_string("plateau " PLATEAU_VERSION));
        pc_conn__send(c, h);
        break;
    }
    case PC_LINK_LOST:
        c->state = PC_NET_LOST;
        c->joining = c->table > 0; /* the seat must be joined again before any move */
        c->facilitator = 0;        /* a new connection logs in again (the console does it by itself) */
        c->login_id = 0;
        break;
    case PC_LINK_MESSAGE:
        on_message(c, ev->user.data1, (size_t)(uintptr_t)ev->user.data2);
        free(ev->user.data1);
        return 1;
    default:
        break;
    }
    status(c);
    return 1;
}
