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

/* What a scan overwrote, to put it back when the message around it turns out bad: each top-level
 * field at most once, so the bytes saved never exceed one state (and only the fields a diff
 * names are copied, not the whole state). */
typedef struct {
    size_t used, n;
    struct { uint32_t off, len; } part[64];
    uint8_t bytes[sizeof(pl_state_t)];
} proto_undo_t;
void proto_undo_init(proto_undo_t *u);
/* Save st's bytes [off, off + len) unless room is short (0: nothing saved). */
int proto_undo_save(proto_undo_t *u, const pl_state_t *st, size_t off, size_t len);
void proto_undo_restore(const proto_undo_t *u, pl_state_t *st);
/* proto_view_apply_scan, saving each field into u before writing it (u NULL: no saving). */
int proto_view_apply_scan_undo(pl_state_t *st, proto_scan_t *s, proto_undo_t *u);
/* Decode a whole encoding into st (zeroed first). Returns 1, or 0 with err filled. */
int proto_view_decode(pl_state_t *st, const json_t *obj, char *err, size_t errlen);

/* A 64-bit value (hash, seed) as 16 lower-case hex digits, and back (returns 0 if malformed). */
void proto_hex64(uint64_t v, char out[17]);
int proto_parse_hex64(const char *s, uint64_t *v);

#endif
