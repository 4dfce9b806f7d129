/* session_remote.h -- a table played on a server: intents go out as protocol moves, the server's
 * views and events come back through the connection, checked before they are believed */
#ifndef PC_SESSION_REMOTE_H
#define PC_SESSION_REMOTE_H

#include "client/conn.h"
#include "client/session.h"

/* The table the connection just joined (after its PC_CE_JOINED event). NULL with err filled when
 * the server's first view cannot be believed. The session listens to the connection until it is
 * destroyed; the connection must outlive it. */
pc_session_t *pc_session_remote_create(pc_conn_t *c, int lang, char *err, size_t errlen);

#endif
