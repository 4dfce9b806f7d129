/* scan.h -- a small JSON text scanner (no tree, no allocation) for the hot decoding paths */
#ifndef PROTO_SCAN_H
#define PROTO_SCAN_H
#include <stddef.h>
#include <stdint.h>

/* The scanner only accepts what it can check cheaply: integers without fraction or exponent,
 * strings of printable ASCII. Anything else makes a function return 0, and the caller falls back
 * to the full parser (jansson), which gives the exact verdict. */
typedef struct {
    const char *p, *end;
} proto_scan_t;

void proto_scan_ws(proto_scan_t *s);
int proto_scan_char(proto_scan_t *s, char c);   /* skips blanks, then takes c: 1, or 0 (not taken) */
int proto_scan_peek(proto_scan_t *s, char c);   /* skips blanks; 1 if c comes next (not taken) */
int proto_scan_int(proto_scan_t *s, int64_t *v); /* an integer of at most 18 digits */
/* A string without escapes, of printable ASCII: *str points into the text, *n bytes. */
int proto_scan_str(proto_scan_t *s, const char **str, size_t *n);
int proto_scan_skip(proto_scan_t *s); /* any value, nested at most 32 deep, objects of at most 16 keys */
/* 1 when the n bytes at str (from proto_scan_str: no NUL among them) spell the word want. */
int proto_scan_is(const char *str, size_t n, const char *want);
int proto_scan_done(proto_scan_t *s);            /* only blanks left */
#endif
