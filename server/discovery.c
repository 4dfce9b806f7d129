/* discovery.c -- LAN discovery: answers the UDP probe "PLATEAU_DISCOVER 1" on the server's port */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "server.h"

#define PROBE "PLATEAU_DISCOVER 1"

static char udp_buf[512];

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    buf->base = udp_buf;
    buf->len = sizeof udp_buf;
}

typedef struct {
    uv_udp_send_t req;
    uv_buf_t buf;
} usend_t;

static void on_sent(uv_udp_send_t *req, int status)
{
    usend_t *u = (usend_t *)req;
    free(u->buf.base);
    free(u);
}

static void on_recv(uv_udp_t *h, ssize_t n, const uv_buf_t *buf, const struct sockaddr *from, unsigned flags)
{
    srv_t *s = h->data;
    if (n != (ssize_t)strlen(PROBE) || !from || memcmp(buf->base, PROBE, (size_t)n) != 0)
        return; /* anything else is ignored, silently */
    json_t *o = json_pack("{s:s,s:s,s:i,s:i,s:i,s:s}", "type", "server", "name", s->o.name,
                          "port", s->port, "version", PROTO_VERSION, "tables", (int)s->live_tables,
                          "software", "plateau-server " PLATEAU_VERSION);
    char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    usend_t *u = text ? malloc(sizeof *u) : NULL;
    if (!u) {
        free(text);
        return;
    }
    u->buf = uv_buf_init(text, (unsigned)strlen(text));
    if (uv_udp_send(&u->req, h, &u->buf, 1, from, on_sent) != 0) {
        free(text);
        free(u);
    }
}

int srv_discovery_start(srv_t *s, const struct sockaddr *addr, char *err, size_t errlen)
{
    int rc;
    uv_udp_init(s->loop, &s->udp);
    s->udp.data = s;
    if ((rc = uv_udp_bind(&s->udp, addr, UV_UDP_REUSEADDR)) != 0 ||
        (rc = uv_udp_recv_start(&s->udp, on_alloc, on_recv)) != 0) {
        snprintf(err, errlen, "cannot open the discovery port (UDP %d): %s", s->port, uv_strerror(rc));
        return -1;
    }
    if (addr->sa_family == AF_INET)
        uv_udp_set_broadcast(&s->udp, 1);
    return 0;
}
