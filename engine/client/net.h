/* net.h -- the client's network side: one SDL2_net thread per server connection, the protocol
 * messages of docs/protocol.md, reconnection with the seat token kept in the user's config */
#ifndef PC_NET_H
#define PC_NET_H

#include <SDL.h>

struct pc_app;

enum { PC_NET_OFF = 0, PC_NET_CONNECTING, PC_NET_CONNECTED, PC_NET_LOST, PC_NET_READY };

#define PC_NET_MAX_TABLES 32

typedef struct {
    int id, seats, free_seats, over;
    char package[64];
} pc_net_table_t;

typedef struct pc_net pc_net_t;

/* Start a plateau-server from this machine (if installed next to the client) and join it. */
void pc_net_host(struct pc_app *a);
/* Connect to ADDR:PORT on the network thread; the state shows in a->net_status. */
void pc_net_connect(struct pc_app *a, const char *addr);
/* Close the connection and stop its thread (no-op when none). */
void pc_net_close(struct pc_app *a);
/* Handle a user event posted by the network thread; returns 1 when it was one. */
int pc_net_event(struct pc_app *a, const SDL_Event *ev);
/* Milliseconds until the network side needs the loop again (-1: never). */
int pc_net_tick(struct pc_app *a);
/* Send a move of the seat this client holds at its table. Returns 0 when not connected. */
int pc_net_send_move(struct pc_app *a, int type, int arg);
/* Ask the server for a new table of the local game (other seats bots), then take seat 0. */
void pc_net_create_table(struct pc_app *a);
/* Follow table id as an observer (every hand hidden), e.g. on the projector. */
void pc_net_watch(struct pc_app *a, int table);
/* Take a free seat at table id. */
void pc_net_join(struct pc_app *a, int table);
/* Cut the connection as a network failure would (tests); the thread reconnects by itself. */
void pc_net_cut(struct pc_app *a);

/* The state and lobby as the screens show them. */
int pc_net_state(const struct pc_app *a);
/* The table this connection plays or watches (0 when none). */
int pc_net_table_id(const struct pc_app *a);
int pc_net_tables(const struct pc_app *a, const pc_net_table_t **out);
/* LAN discovery (net_lan.c): a probe to UDP 7878 (broadcast and loopback); answers come in for
 * 2.5 s and are polled from pc_net_tick. */
#define PC_LAN_MAX 16
typedef struct {
    char name[64], addr[80];
    int tables;
} pc_lan_server_t;
void pc_lan_probe(struct pc_app *a);
int pc_lan_poll(struct pc_app *a);
int pc_lan_servers(const struct pc_app *a, const pc_lan_server_t **out);
int pc_lan_searching(const struct pc_app *a);
void pc_lan_close(struct pc_app *a);

/* Path of the file keeping this server's seat token ($XDG_CONFIG_HOME/plateau/...). */
int pc_net_token_path(const char *addr, char *out, size_t len);

#endif
