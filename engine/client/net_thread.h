/* net_thread.h -- the connection thread: frames from the server become SDL user events */
#ifndef PC_NET_THREAD_H
#define PC_NET_THREAD_H

#include <stddef.h>
#include <stdint.h>
#include <SDL.h>

/* user.code of the events posted (user.data1: a malloc'ed NUL-terminated payload the receiver
 * frees, for MESSAGE; user.data2: its length, or the retry delay in ms for LOST) */
enum { PC_LINK_CONNECTING = 1, PC_LINK_CONNECTED, PC_LINK_LOST, PC_LINK_MESSAGE };

typedef struct pc_link pc_link_t;

/* Connect to host:port on a new thread, reconnecting after any failure until stopped.
 * Events of type ev_type report what happens. NULL when the thread cannot start. */
pc_link_t *pc_link_start(const char *host, int port, Uint32 ev_type);
/* Queue one whole frame (header + payload, copied); it goes out on the current connection. */
int pc_link_send(pc_link_t *l, const uint8_t *frame, size_t len);
/* Drop the current connection as a failure would; the thread reconnects. */
void pc_link_cut(pc_link_t *l);
/* Stop the thread, close the socket, free everything (NULL: no-op). Waits at most 1 s: a thread
 * stuck connecting is detached and cleans up after itself. */
void pc_link_stop(pc_link_t *l);

#endif
