/* view.h -- a pl_state_t (usually a view from pl_view) as a JSON object, whole or as a diff */
#ifndef PROTO_VIEW_H
#define PROTO_VIEW_H

#include <jansson.h>
#include <stdint.h>
#include "plateau.h"
#include "proto/scan.h"

/* Encode every field of st as a JSON object (keys and layout in docs/protocol.md).
 * Returns a new reference owned by the caller, NULL on allocation failure. */
json_t *proto_view_encode(const pl_state_t *st);

/* Encode only the fields of cur that differ from prev (an empty object when none differ).
 * Applying it with proto_view_apply() on prev gives cur exactly. New reference or NULL. */
json_t *proto_view_diff(const pl_state_t *prev, const pl_state_t *cur);

/* The same as proto_view_diff (prev NULL: proto_view_encode) written directly as compact JSON
 * text, without building a JSON tree: a malloc'ed, zero-terminated string of *len bytes owned by
 * the caller, or NULL when out of memory. */
char *proto_view_diff_text(const pl_state_t *prev, const pl_state_t *cur, size_t *len);

/* Overwrite the fields of st named in obj (a whole encoding or a diff). Unknown keys, wrong
 * types, values out of their field's range and arrays longer than their field are refused:
 * returns 0 and fills err (st may then be partly updated), or 1 on success. */
int proto_view_apply(pl_state_t *st, const json_t *obj, char *err, size_t errlen);

/* The same as proto_view_apply, read straight from the JSON text at s (no tree): 1 when the
 * object was read and applied, 0 when it holds anything the scanner does not take or the full
 * decoder would refuse (st may then be partly updated: apply to a copy, then fall back to
 * proto_view_apply on the parsed JSON for the exact verdict). */
int proto_view_apply_scan(pl_state_t *st, proto_scan_t *s);
/* Decode a whole encoding into st (zeroed first). Returns 1, or 0 with err filled. */
int proto_view_decode(pl_state_t *st, const json_t *obj, char *err, size_t errlen);

/* A 64-bit value (hash, seed) as 16 lower-case hex digits, and back (returns 0 if malformed). */
void proto_hex64(uint64_t v, char out[17]);
int proto_parse_hex64(const char *s, uint64_t *v);

#endif
