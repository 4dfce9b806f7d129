/* msg.h -- protocol messages: parse a payload, build replies and errors, moves and events in JSON */
#ifndef PROTO_MSG_H
#define PROTO_MSG_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "plateau.h"

/* Error codes carried in {"type":"error","code":...}; stable, listed in docs/protocol.md.
 * Refusals of a move by the rules use pl_reason_name() codes ("not_your_turn"...). */
#define PROTO_E_MALFORMED_FRAME "malformed_frame"
#define PROTO_E_MALFORMED_JSON  "malformed_json"
#define PROTO_E_OVERSIZED       "oversized_frame"
#define PROTO_E_UNKNOWN_MESSAGE "unknown_message"
#define PROTO_E_VERSION         "bad_version"
#define PROTO_E_HELLO_FIRST     "hello_first"
#define PROTO_E_BAD_REQUEST     "bad_request"
#define PROTO_E_UNKNOWN_PACKAGE "unknown_package"
#define PROTO_E_UNKNOWN_TABLE   "unknown_table"
#define PROTO_E_SEAT_TAKEN      "seat_taken"
#define PROTO_E_BAD_TOKEN       "bad_token"
#define PROTO_E_NOT_SEATED      "not_seated"
#define PROTO_E_OBSERVER        "observer"
#define PROTO_E_FORBIDDEN       "forbidden"
#define PROTO_E_RATE            "rate_limited"
#define PROTO_E_LIMIT           "limit"
#define PROTO_E_SERVER_FULL     "server_full"
#define PROTO_E_INTERNAL        "internal"

/* Parse one payload into a JSON object that has a string "type". Returns the object (owned by
 * the caller) or NULL with *code set to PROTO_E_MALFORMED_JSON (not JSON, not an object, no type)
 * or PROTO_E_INTERNAL (out of memory), and err filled. Duplicate keys are refused. */
json_t *proto_parse(const void *payload, size_t len, const char **code, char *err, size_t errlen);

/* Serialise msg as one frame (header + compact JSON) into a new malloc'ed buffer of *outlen bytes
 * owned by the caller. Returns NULL when it would pass max bytes of payload or on allocation
 * failure. */
uint8_t *proto_frame(const json_t *msg, size_t max, size_t *outlen);

/* A new message {"type": type} (plus "re": re when re >= 0, the request id it answers); NULL
 * when out of memory (never a message without its type). */
json_t *proto_msg(const char *type, json_int_t re);
/* {"type":"error","re":re,"code":code,"message":message}; re < 0 leaves "re" out. */
json_t *proto_error(json_int_t re, const char *code, const char *message);
/* The request id of a message ("id", a non-negative integer), or -1 when absent or invalid. */
json_int_t proto_request_id(const json_t *msg);
/* The "type" of a message ("" when absent). */
const char *proto_type(const json_t *msg);

/* Move as {"type":"play","seat":s,"arg":a}. New reference. */
json_t *proto_move_encode(const pl_move_t *mv);
/* Parse a move; "seat" and "arg" are optional (0). Returns 1, or 0 with err filled. */
int proto_move_decode(const json_t *j, pl_move_t *mv, char *err, size_t errlen);

/* Event as the tuple ["name", seat, card, a, b, c]. New reference. */
json_t *proto_event_encode(const pl_event_t *ev);
/* The same tuple written as compact JSON text into buf (no terminating zero); returns its length,
 * or 0 when cap is too small (80 bytes always suffice). */
size_t proto_event_text(const pl_event_t *ev, char *buf, size_t cap);
int proto_event_decode(const json_t *j, pl_event_t *ev, char *err, size_t errlen);

#endif
