/* net.h -- the client's network side: LAN discovery, connection to a plateau-server, hosting */
#ifndef PC_NET_H
#define PC_NET_H

#include <SDL.h>

struct pc_app;

/* Start a plateau-server from this machine (if installed next to the client) and join it. */
void pc_net_host(struct pc_app *a);
/* Connect to ADDR:PORT on the network thread; the state shows in a->net_status. */
void pc_net_connect(struct pc_app *a, const char *addr);
/* Handle a user event posted by the network thread; returns 1 when the screen must change. */
int pc_net_event(struct pc_app *a, const SDL_Event *ev);
/* Milliseconds until the network side needs the loop again (-1: never). */
int pc_net_tick(struct pc_app *a);

#endif
