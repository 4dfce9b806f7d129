/* frame.c -- incremental reader of length-prefixed frames, and the length header */
#include <stdlib.h>
#include <string.h>
#include "proto/frame.h"
#include "pl_alloc.h"

static void settle(proto_reader_t *r);

void proto_reader_init(proto_reader_t *r, size_t max)
{
    memset(r, 0, sizeof *r);
    r->max = max ? max : PROTO_MAX_FRAME;
}

void proto_reader_free(proto_reader_t *r)
{
    pl_free(r->buf);
    r->buf = NULL;
    r->len = r->cap = r->pos = 0;
}

void proto_put_header(uint8_t out[PROTO_HEADER], uint32_t n)
{
    out[0] = (uint8_t)(n >> 24);
    out[1] = (uint8_t)(n >> 16);
    out[2] = (uint8_t)(n >> 8);
    out[3] = (uint8_t)n;
}

uint32_t proto_get_header(const uint8_t in[PROTO_HEADER])
{
    return ((uint32_t)in[0] << 24) | ((uint32_t)in[1] << 16) | ((uint32_t)in[2] << 8) | in[3];
}

int proto_reader_feed(proto_reader_t *r, const void *data, size_t n)
{
    if (n == 0)
        return 0;
    settle(r);
    if (r->pos > 0) { /* drop what was consumed */
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->len + n > r->cap) {
        size_t cap = r->cap ? r->cap : 256;
        while (cap < r->len + n)
            cap *= 2;
        uint8_t *nb = pl_realloc(r->buf, cap);
        if (!nb)
            return PROTO_NOMEM;
        r->buf = nb;
        r->cap = cap;
    }
    memcpy(r->buf + r->len, data, n);
    r->len += n;
    return 0;
}

/* At a frame boundary, forget consumed bytes and release a big buffer (idle connections
 * then hold no memory). Invalidates the last payload, as the contract says. */
static void settle(proto_reader_t *r)
{
    if (r->pos > 0 && r->pos == r->len) {
        r->pos = r->len = 0;
        if (r->cap > 4096) {
            pl_free(r->buf);
            r->buf = NULL;
            r->cap = 0;
        }
    }
}

int proto_reader_next(proto_reader_t *r, const uint8_t **payload, size_t *len)
{
    settle(r);
    size_t avail = r->len - r->pos;
    if (avail < PROTO_HEADER)
        return PROTO_NEED_MORE;
    uint32_t n = proto_get_header(r->buf + r->pos);
    if (n == 0)
        return PROTO_EMPTY;
    if (n > r->max)
        return PROTO_OVERSIZED;
    if (avail < PROTO_HEADER + (size_t)n)
        return PROTO_NEED_MORE;
    *payload = r->buf + r->pos + PROTO_HEADER;
    *len = n;
    r->pos += PROTO_HEADER + n;
    return PROTO_FRAME;
}

size_t proto_reader_pending(const proto_reader_t *r)
{
    return r->len - r->pos;
}
