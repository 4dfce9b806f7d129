/* view_fields.h -- inside engine/proto: the table of pl_state_t fields that views are encoded from */
#ifndef PROTO_VIEW_FIELDS_H
#define PROTO_VIEW_FIELDS_H
#include <stddef.h>

enum { K_U8, K_U16, K_U32, K_I32, K_U64, K_STRUCT };

/* One field: a scalar (count 1), an array of scalars, or an array of structs (sub-fields).
 * Arrays are sent without their trailing zero elements. */
typedef struct fdesc {
    const char *name;
    size_t off;
    int kind;
    size_t count;  /* elements; 1 = a scalar (or one struct, sent as one tuple) */
    size_t stride; /* element size */
    const struct fdesc *sub;
    size_t n_sub;
} fdesc_t;

/* The top-level keys of a view, in the order they are sent (view.c). */
extern const fdesc_t proto_state_fields[];
extern const size_t proto_n_state_fields;
#endif
