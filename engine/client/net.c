/* net.c -- network play on the main thread: protocol messages (docs/protocol.md), the remote table,
 * the seat token kept in the user's config directory, hosting a server from the client */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>
#include "proto/proto.h"
#include "client/app.h"
#include "client/i18n.h"
#include "client/load.h"
#include "client/net.h"
#include "client/net_thread.h"

extern char **environ;

struct pc_net {
    pc_link_t *link;
    Uint32 ev_type;
    int state;
    char addr[128];
    json_int_t next_id, move_id, create_id;
    int table, seat;
    char token[160];
    char package[64];
    pc_net_table_t tables[PC_NET_MAX_TABLES];
    int n_tables;
    int reconnects, desyncs;
    int watching;                  /* following a table as an observer (no seat, no token) */
    pid_t server_pid;
};

static pc_net_t *net_of(pc_app_t *a)
{
    return a->net;
}

/* ---- the token file ---------------------------------------------------------------------- */

int pc_net_token_path(const char *addr, char *out, size_t len)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char dir[900];
    if (xdg && *xdg) snprintf(dir, sizeof dir, "%s/plateau", xdg);
    else if (home && *home) snprintf(dir, sizeof dir, "%s/.config/plateau", home);
    else return 0;
    char name[140];
    size_t k = 0;
    for (const char *p = addr; *p && k < sizeof name - 1; p++)
        name[k++] = (char)((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' ? *p : '_');
    name[k] = 0;
    return snprintf(out, len, "%s/seat-%s.token", dir, name) < (int)len;
}

static void mkdirs(const char *path)
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

static void token_save(pc_net_t *n)
{
    char path[1024];
    if (!pc_net_token_path(n->addr, path, sizeof path)) return;
    mkdirs(path);
    FILE *f = fopen(path, "w");
    if (!f) return;
    fprintf(f, "%s\n", n->token);
    fclose(f);
    chmod(path, 0600);
}

static void token_load(pc_net_t *n)
{
    char path[1024];
    n->token[0] = 0;
    if (!pc_net_token_path(n->addr, path, sizeof path)) return;
    FILE *f = fopen(path, "r");
    if (!f) return;
    if (fgets(n->token, sizeof n->token, f)) n->token[strcspn(n->token, "\r\n")] = 0;
    fclose(f);
}

static void token_forget(pc_net_t *n)
{
    char path[1024];
    n->token[0] = 0;
    if (pc_net_token_path(n->addr, path, sizeof path)) remove(path);
}

/* ---- sending ----------------------------------------------------------------------------- */

static json_int_t send_msg(pc_net_t *n, json_t *m)
{
    json_int_t id = ++n->next_id;
    json_object_set_new(m, "id", json_integer(id));
    size_t len;
    uint8_t *frame = proto_frame(m, PROTO_MAX_FRAME, &len);
    json_decref(m);
    if (!frame) return -1;
    int ok = n->link && pc_link_send(n->link, frame, len);
    free(frame);
    return ok ? id : -1;
}

static json_int_t request(pc_net_t *n, const char *type)
{
    return send_msg(n, proto_msg(type, -1));
}

static int send_move_cb(void *ctx, const pl_move_t *mv)
{
    pc_net_t *n = ctx;
    if (n->state != PC_NET_READY || n->table <= 0) return 0;
    json_t *m = proto_msg("move", -1);
    json_object_set_new(m, "table", json_integer(n->table));
    json_object_set_new(m, "move", proto_move_encode(mv));
    n->move_id = send_msg(n, m);
    return n->move_id >= 0;
}

int pc_net_send_move(pc_app_t *a, int type, int arg)
{
    pc_net_t *n = net_of(a);
    if (!n) return 0;
    pl_move_t mv = {(uint8_t)type, (uint8_t)n->seat, (uint16_t)arg};
    return send_move_cb(n, &mv);
}

/* ---- status ------------------------------------------------------------------------------ */

static void status(pc_app_t *a)
{
    pc_net_t *n = net_of(a);
    if (!n) return;
    switch (n->state) {
    case PC_NET_CONNECTING: snprintf(a->net_status, sizeof a->net_status, _("Connecting to %s..."), n->addr); break;
    case PC_NET_CONNECTED: snprintf(a->net_status, sizeof a->net_status, _("Connected to %s."), n->addr); break;
    case PC_NET_READY:
        if (n->table > 0 && n->seat < 0) snprintf(a->net_status, sizeof a->net_status, _("Connected to %s, watching table %d."), n->addr, n->table);
        else if (n->table > 0) snprintf(a->net_status, sizeof a->net_status, _("Connected to %s, table %d, seat %d."), n->addr, n->table, n->seat + 1);
        else snprintf(a->net_status, sizeof a->net_status, _("Connected to %s."), n->addr);
        break;
    case PC_NET_LOST: snprintf(a->net_status, sizeof a->net_status, _("Connection to %s lost, trying again..."), n->addr); break;
    default: a->net_status[0] = 0;
    }
    a->dirty = 1;
}

int pc_net_state(const pc_app_t *a)
{
    return a->net ? a->net->state : PC_NET_OFF;
}

int pc_net_table_id(const pc_app_t *a)
{
    return a->net ? a->net->table : 0;
}

int pc_net_tables(const pc_app_t *a, const pc_net_table_t **out)
{
    if (!a->net) return 0;
    *out = a->net->tables;
    return a->net->n_tables;
}

/* ---- connecting -------------------------------------------------------------------------- */

void pc_net_close(pc_app_t *a)
{
    pc_net_t *n = net_of(a);
    if (!n) return;
    pc_link_stop(n->link);
    if (a->game && a->game->remote) {
        pc_game_destroy(a->game);
        a->game = NULL;
    }
    free(n);
    a->net = NULL;
    a->net_status[0] = 0;
}

void pc_net_connect(pc_app_t *a, const char *addr)
{
    char host[128];
    const char *colon = strrchr(addr, ':');
    int port = colon ? atoi(colon + 1) : 0;
    if (!colon || port <= 0 || port > 65535 || colon == addr || (size_t)(colon - addr) >= sizeof host) {
        snprintf(a->net_status, sizeof a->net_status, _("Bad address %s: use ADDRESS:PORT."), addr);
        a->dirty = 1;
        return;
    }
    memcpy(host, addr, (size_t)(colon - addr));
    host[colon - addr] = 0;
    if (host[0] == '[' && host[strlen(host) - 1] == ']') { /* [::1]:7878 */
        memmove(host, host + 1, strlen(host));
        host[strlen(host) - 1] = 0;
    }
    pc_net_close(a);
    pc_net_t *n = calloc(1, sizeof *n);
    if (!n) return;
    snprintf(n->addr, sizeof n->addr, "%s", addr);
    n->ev_type = SDL_RegisterEvents(1);
    n->seat = -1;
    token_load(n);
    n->link = n->ev_type != (Uint32)-1 ? pc_link_start(host, port, n->ev_type) : NULL;
    if (!n->link) {
        snprintf(a->net_status, sizeof a->net_status, _("Cannot start the network: %s"), SDL_GetError());
        free(n);
        a->dirty = 1;
        return;
    }
    a->net = n;
    n->state = PC_NET_CONNECTING;
    status(a);
    if (a->screen != PC_SCREEN_LOBBY) pc_app_set_screen(a, PC_SCREEN_LOBBY);
}

void pc_net_cut(pc_app_t *a)
{
    if (a->net) pc_link_cut(a->net->link);
}

void pc_net_create_table(pc_app_t *a)
{
    pc_net_t *n = net_of(a);
    if (!n || n->state != PC_NET_READY || !a->rs) return;
    json_t *m = proto_msg("create_table", -1);
    int seats = a->rs->turn.default_seats ? a->rs->turn.default_seats : 4;
    json_t *bots = json_array();
    for (int s = 1; s < seats; s++) json_array_append_new(bots, json_integer(s));
    json_object_set_new(m, "package", json_string(a->rs->id));
    json_object_set_new(m, "seats", json_integer(seats));
    json_object_set_new(m, "bots", bots);
    n->create_id = send_msg(n, m);
}

void pc_net_join(pc_app_t *a, int table)
{
    pc_net_t *n = net_of(a);
    if (!n || n->state != PC_NET_READY) return;
    json_t *m = proto_msg("join", -1);
    json_object_set_new(m, "table", json_integer(table));
    json_object_set_new(m, "team", json_string(_("Team")));
    send_msg(n, m);
}

static void send_watch(pc_net_t *n, int table)
{
    json_t *m = proto_msg("watch", -1);
    json_object_set_new(m, "table", json_integer(table));
    json_object_set_new(m, "as", json_string("observer"));
    send_msg(n, m);
}

void pc_net_watch(pc_app_t *a, int table)
{
    pc_net_t *n = net_of(a);
    if (!n || n->state != PC_NET_READY) return;
    n->watching = 1;
    n->table = table;
    send_watch(n, table);
}

void pc_net_host(pc_app_t *a)
{
    char path[1100], db[1100], tok[1024];
    struct stat sb;
    char *base = SDL_GetBasePath();
    snprintf(path, sizeof path, "%splateau-server", base ? base : "./");
    SDL_free(base);
    if (stat(path, &sb) != 0) {
        snprintf(a->net_status, sizeof a->net_status, "%s", _("plateau-server is not installed next to the game."));
        a->dirty = 1;
        return;
    }
    /* the server's database sits next to the token files */
    if (!pc_net_token_path("host", tok, sizeof tok)) snprintf(tok, sizeof tok, "./x");
    char *slash = strrchr(tok, '/');
    if (slash) *slash = 0;
    mkdirs(strcat(tok, "/"));
    snprintf(db, sizeof db, "%shosted.db", tok);
    char *argv[] = {path, "--listen", "0.0.0.0:7878", "--db", db, NULL};
    pid_t pid;
    if (posix_spawn(&pid, path, NULL, NULL, argv, environ) != 0) {
        snprintf(a->net_status, sizeof a->net_status, _("Cannot start plateau-server: %s"), strerror(errno));
        a->dirty = 1;
        return;
    }
    SDL_Delay(300); /* let it bind before the first attempt; the thread retries anyway */
    pc_net_connect(a, "127.0.0.1:7878");
    if (a->net) a->net->server_pid = pid;
}

/* ---- receiving --------------------------------------------------------------------------- */

static int reason_code(const char *name)
{
    for (int c = 1; c < PL_ERR__COUNT; c++)
        if (name && !strcmp(pl_reason_name(c), name)) return c;
    return 0;
}

/* the table's package, loaded from the local game-data folder */
static int ensure_ruleset(pc_app_t *a, const char *id)
{
    if (a->rs && a->rs->id && !strcmp(a->rs->id, id)) return 1;
    char dir[1024], err[512];
    if (!pc_find_game_dir(id, dir, sizeof dir)) {
        snprintf(a->net_status, sizeof a->net_status, _("The game %s is not installed here."), id);
        return 0;
    }
    pl_ruleset_t *rs = pc_load_game(dir, err, sizeof err);
    if (!rs) {
        snprintf(a->net_status, sizeof a->net_status, "%s", err);
        return 0;
    }
    if (a->game) {
        pc_game_destroy(a->game);
        a->game = NULL;
    }
    pl_ruleset_destroy(a->rs);
    a->rs = rs;
    snprintf(a->game_dir, sizeof a->game_dir, "%s", dir);
    return 1;
}

/* the view must hash as the server's did; else ask for a fresh snapshot */
static int in_sync(pc_app_t *a, pc_net_t *n, json_t *m)
{
    uint64_t want;
    const char *h = json_string_value(json_object_get(m, "view_hash"));
    if (!h || !proto_parse_hex64(h, &want) || !a->game) return 1;
    if (pl_state_hash(&a->game->st) == want) return 1;
    n->desyncs++;
    if (n->token[0]) {
        json_t *r = proto_msg("rejoin", -1);
        json_object_set_new(r, "token", json_string(n->token));
        send_msg(n, r);
    }
    return 0;
}

static void on_snapshot(pc_app_t *a, pc_net_t *n, json_t *m)
{
    char err[200];
    json_t *info = json_object_get(m, "info");
    const char *pkg = json_string_value(json_object_get(info, "package"));
    if (!pkg || !ensure_ruleset(a, pkg)) return;
    snprintf(n->package, sizeof n->package, "%s", pkg);
    pl_state_t *st = malloc(sizeof *st);
    if (!st) return;
    pl_error_t perr;
    if (!proto_view_decode(st, json_object_get(m, "view"), err, sizeof err)) {
        snprintf(a->net_status, sizeof a->net_status, "snapshot: %s", err);
        free(st);
        return;
    }
    int viewer = n->seat >= 0 ? n->seat : PL_WHO_OBSERVER; /* the view must be ours: our seat's, or an observer's */
    if (!pl_state_check(a->rs, st, &perr) || st->viewer != viewer || n->seat >= st->n_seats) {
        /* a server, even a hostile one, cannot hand us a broken table */
        snprintf(a->net_status, sizeof a->net_status, "snapshot refused: %s",
                 st->viewer != viewer || n->seat >= st->n_seats ? "not the view of our seat" : perr.msg);
        free(st);
        return;
    }
    if (!a->game || !a->game->remote || a->game->rs != a->rs || a->game->my_seat != n->seat) {
        pc_game_t *g = calloc(1, sizeof *g);
        if (!g) {
            free(st);
            return;
        }
        char e2[200];
        unsigned mine = n->seat >= 0 ? 1u << (n->seat & 7) : 0;
        pc_game_t *tmp = pc_game_create(a->rs, st->n_seats, mine, 1, a->lang, e2, sizeof e2);
        if (tmp) {
            *g = *tmp;
            pc_game_destroy(tmp);
        } else {
            g->rs = a->rs;
            g->fiction_card = PL_NO_CARD;
        }
        g->remote = 1;
        g->my_seat = n->seat;
        g->human = mine;
        g->send = send_move_cb;
        g->send_ctx = n;
        g->n_seats = st->n_seats;
        g->lang = a->lang;
        pc_game_destroy(a->game);
        a->game = g;
        if (n->seat >= 0) pc_game_logf(g, -1, _("Joined table %d as team %d."), n->table, n->seat + 1);
        else pc_game_logf(g, -1, _("Watching table %d."), n->table);
    }
    a->game->st = *st;
    a->game->n_seats = st->n_seats;
    free(st);
    json_t *teams = json_object_get(info, "teams");
    for (int i = 0; i < PL_MAX_SEATS; i++) {
        const char *t = json_string_value(json_array_get(teams, (size_t)i));
        snprintf(a->game->team[i], sizeof a->game->team[i], "%s", t ? t : "");
    }
    if (!in_sync(a, n, m)) return;
    a->shown_seat = n->seat;
    n->state = PC_NET_READY;
    if (a->screen != PC_SCREEN_TABLE && a->screen != PC_SCREEN_END) pc_app_set_screen(a, PC_SCREEN_TABLE);
}

static void on_update(pc_app_t *a, json_t *m)
{
    char err[256];
    pc_game_t *g = a->game;
    if (!g || !g->remote) return;
    pl_state_t *next = malloc(sizeof *next);
    pl_error_t perr;
    int ok = next != NULL;
    if (ok) {
        *next = g->st;
        ok = proto_view_apply(next, json_object_get(m, "view"), err, sizeof err);
        if (ok && !pl_state_check(g->rs, next, &perr)) {
            ok = 0;
            snprintf(err, sizeof err, "refused: %s", perr.msg);
        } else if (ok && (next->n_seats != g->st.n_seats || next->viewer != g->st.viewer)) {
            ok = 0; /* an update changes the table, never its seats or whose view it is */
            snprintf(err, sizeof err, "refused: the seats or the viewer changed");
        }
        if (ok)
            g->st = *next;
    } else {
        snprintf(err, sizeof err, "out of memory");
    }
    free(next);
    if (!ok) {
        /* out of sync, or a view that would break the table: ask for the whole view again */
        snprintf(a->net_status, sizeof a->net_status, "update: %s", err);
        if (a->net && a->net->token[0]) {
            json_t *r = proto_msg("rejoin", -1);
            json_object_set_new(r, "token", json_string(a->net->token));
            send_msg(a->net, r);
        }
        return;
    }
    g->moves++;
    if (a->net) in_sync(a, a->net, m);
    json_t *evs = json_object_get(m, "events"), *e;
    size_t i;
    json_array_foreach(evs, i, e) {
        pl_event_t ev; /* like views, events must name seats and cards that exist */
        if (proto_event_decode(e, &ev, err, sizeof err) && (ev.seat < g->st.n_seats || ev.seat == 0xFF) &&
            (ev.card < g->rs->n_cards || ev.card == PL_NO_CARD))
            pc_game_note_event(g, &ev);
    }
}

static void on_tables(pc_net_t *n, json_t *m)
{
    json_t *arr = json_object_get(m, "tables"), *t;
    size_t i;
    n->n_tables = 0;
    json_array_foreach(arr, i, t) {
        if (n->n_tables >= PC_NET_MAX_TABLES) break;
        pc_net_table_t *x = &n->tables[n->n_tables++];
        memset(x, 0, sizeof *x);
        x->id = (int)json_integer_value(json_object_get(t, "table"));
        x->seats = (int)json_integer_value(json_object_get(t, "seats"));
        x->over = json_is_true(json_object_get(t, "over"));
        snprintf(x->package, sizeof x->package, "%s", json_string_value(json_object_get(t, "package")) ?
                 json_string_value(json_object_get(t, "package")) : "?");
        json_t *teams = json_object_get(t, "teams"), *bots = json_object_get(t, "bots");
        int taken = 0;
        for (size_t k = 0; k < json_array_size(teams); k++) taken += !json_is_null(json_array_get(teams, k));
        x->free_seats = x->seats - taken - (int)json_array_size(bots);
    }
}

static void on_message(pc_app_t *a, pc_net_t *n, const char *payload, size_t len)
{
    const char *code = NULL;
    char err[200];
    json_t *m = proto_parse(payload, len, &code, err, sizeof err);
    if (!m) return;
    const char *type = proto_type(m);
    json_int_t re = json_integer_value(json_object_get(m, "re"));
    if (!strcmp(type, "welcome")) {
        n->state = PC_NET_READY;
        if (n->watching && n->table > 0) {
            send_watch(n, n->table);
        } else if (n->token[0]) {
            json_t *r = proto_msg("rejoin", -1);
            json_object_set_new(r, "token", json_string(n->token));
            send_msg(n, r);
        } else {
            request(n, "list_tables");
        }
    } else if (!strcmp(type, "tables")) {
        on_tables(n, m);
    } else if (!strcmp(type, "ok")) {
        json_t *t = json_object_get(m, "table");
        if (re == n->create_id && json_is_integer(t)) pc_net_join(a, (int)json_integer_value(t));
    } else if (!strcmp(type, "joined")) {
        n->table = (int)json_integer_value(json_object_get(m, "table"));
        json_t *seat = json_object_get(m, "seat");
        n->seat = json_is_integer(seat) ? (int)json_integer_value(seat) : -1;
        const char *tok = json_string_value(json_object_get(m, "token"));
        if (tok && strlen(tok) < sizeof n->token) {
            snprintf(n->token, sizeof n->token, "%s", tok);
            token_save(n);
        }
    } else if (!strcmp(type, "snapshot")) {
        on_snapshot(a, n, m);
    } else if (!strcmp(type, "update")) {
        on_update(a, m);
    } else if (!strcmp(type, "error")) {
        const char *c = json_string_value(json_object_get(m, "code"));
        const char *msg = json_string_value(json_object_get(m, "message"));
        int rc = reason_code(c);
        if (re == n->move_id && rc) {
            snprintf(a->flash, sizeof a->flash, "%s", pl_reason_text(rc, a->lang));
        } else if (c && !strcmp(c, PROTO_E_BAD_TOKEN)) {
            token_forget(n); /* that table is gone: back to the lobby */
            request(n, "list_tables");
        } else {
            snprintf(a->net_status, sizeof a->net_status, _("The server refused: %s"), msg ? msg : (c ? c : "?"));
        }
    }
    json_decref(m);
    status(a);
}

int pc_net_event(pc_app_t *a, const SDL_Event *ev)
{
    pc_net_t *n = net_of(a);
    if (!n || ev->type != n->ev_type) {
        if (ev->type >= SDL_USEREVENT && ev->user.code == PC_LINK_MESSAGE) free(ev->user.data1);
        return 0;
    }
    switch (ev->user.code) {
    case PC_LINK_CONNECTING: n->state = PC_NET_CONNECTING; break;
    case PC_LINK_CONNECTED: {
        n->state = PC_NET_CONNECTED;
        json_t *h = proto_msg("hello", -1);
        json_object_set_new(h, "version", json_integer(PROTO_VERSION));
        json_object_set_new(h, "client", json_string("plateau " PC_VERSION));
        send_msg(n, h);
        break;
    }
    case PC_LINK_LOST:
        if (n->state == PC_NET_READY || n->state == PC_NET_CONNECTED) n->reconnects++;
        n->state = PC_NET_LOST;
        break;
    case PC_LINK_MESSAGE:
        on_message(a, n, ev->user.data1, (size_t)(uintptr_t)ev->user.data2);
        free(ev->user.data1);
        break;
    default: break;
    }
    status(a);
    return 1;
}

int pc_net_tick(pc_app_t *a)
{
    return pc_lan_poll(a);
}
