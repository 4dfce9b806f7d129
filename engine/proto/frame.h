/* frame.h -- length-prefixed frames: 4-byte big-endian length, then one JSON object */
#ifndef PROTO_FRAME_H
#define PROTO_FRAME_H

#include <stddef.h>
#include <stdint.h>

#define PROTO_VERSION       3          /* bumped on any incompatible change (2: four-lane state hash; 3: the
                                          facilitator's moves, paused, clocks) */
#define PROTO_MAX_FRAME     65536u     /* largest payload a client may send to the server */
#define PROTO_MAX_FRAME_S2C 1048576u   /* largest payload the server sends to a client */
#define PROTO_HEADER        4          /* bytes of the length prefix */
#define PROTO_ERR_LEN       160        /* size of the error buffers below */

/* Reader status codes. */
enum {
    PROTO_NEED_MORE = 0, /* no complete frame yet */
    PROTO_FRAME = 1,     /* a frame is ready */
    PROTO_OVERSIZED = -1,/* the announced length passes the reader's maximum */
    PROTO_EMPTY = -2,    /* a zero-length frame */
    PROTO_NOMEM = -3
};

/* Incremental frame reader: bytes go in with any chunking, whole payloads come out. */
typedef struct {
    uint8_t *buf;
    size_t len, cap, pos; /* bytes held, capacity, start of the unread part */
    size_t max;           /* largest accepted payload */
} proto_reader_t;

/* Start a reader accepting payloads up to max bytes (0: PROTO_MAX_FRAME). Allocates nothing. */
void proto_reader_init(proto_reader_t *r, size_t max);
/* Free the reader's buffer; the reader may be initialised again. */
void proto_reader_free(proto_reader_t *r);
/* Append n bytes. Returns 0, or PROTO_NOMEM. The reader never holds more than one frame's
 * worth of bytes beyond what next() consumed, so feed small chunks and call next() between. */
int proto_reader_feed(proto_reader_t *r, const void *data, size_t n);
/* Extract the next payload: PROTO_FRAME with *payload and *len pointing into the reader (valid until
 * the next feed/next/free call), PROTO_NEED_MORE, or an error code (the stream is then unusable). */
int proto_reader_next(proto_reader_t *r, const uint8_t **payload, size_t *len);
/* Bytes held that belong to an incomplete frame (0 when the stream is at a frame boundary). */
size_t proto_reader_pending(const proto_reader_t *r);

/* Write the 4-byte big-endian length of a payload of n bytes. */
void proto_put_header(uint8_t out[PROTO_HEADER], uint32_t n);
/* Read a 4-byte big-endian length. */
uint32_t proto_get_header(const uint8_t in[PROTO_HEADER]);

#endif
