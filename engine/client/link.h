/* link.h -- the connection thread: SDL2_net TCP to one server, frames in as SDL user events, frames out
 * as soon as they are queued (the thread sleeps until a socket or the queue needs it), reconnection */
#ifndef PC_LINK_H
#define PC_LINK_H

#include <stddef.h>
#include <stdint.h>
#include <SDL.h>

/* user.code of the events posted. user.data1: for MESSAGE a malloc'ed NUL-terminated payload the
 * receiver frees; user.data2: its length for MESSAGE, the connection's generation for CONNECTED,
 * the retry delay in ms for LOST. */
enum { PC_LINK_CONNECTING = 1, PC_LINK_CONNECTED, PC_LINK_LOST, PC_LINK_MESSAGE };

typedef struct pc_link pc_link_t;

/* Connect to host:port on a new thread, reconnecting after any failure until stopped. Events of
 * type ev_type report what happens. NULL when the thread cannot start. */
pc_link_t *pc_link_start(const char *host, int port, Uint32 ev_type);
/* Queue one whole frame (header + payload, copied) for connection generation gen (from its
 * CONNECTED event): it goes out at once on that connection, and is dropped if the link has
 * reconnected since, so nothing meant for an old connection reaches a new one before its hello. */
int pc_link_send(pc_link_t *l, unsigned gen, const uint8_t *frame, size_t len);
/* Drop the current connection as a failure would; the thread reconnects. */
void pc_link_cut(pc_link_t *l);
/* Times the thread woke up since it started (sockets, queue, timers): an idle link stays put. */
unsigned long pc_link_wakeups(const pc_link_t *l);
/* Stop the thread, close the socket, free everything (NULL: no-op). Waits at most 1 s: a thread
 * stuck connecting is detached and cleans up after itself. */
void pc_link_stop(pc_link_t *l);

#endif
