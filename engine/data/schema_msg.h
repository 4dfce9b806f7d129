/* schema_msg.h -- libxml2's schema errors in plain words, and the repairs that let checking go on */
#ifndef PL_DATA_SCHEMA_MSG_H
#define PL_DATA_SCHEMA_MSG_H

#include <libxml/tree.h>
#include "package.h"

/* One error of libxml2's schema validator, copied out of its callback. */
typedef struct {
    int code;
    xmlNodePtr node;
    unsigned line;
    char *msg, *s1, *s2;
} schema_err_t;

typedef struct schema_fix schema_fix_t;

/* The repair state of one document while it is validated again and again. */
schema_fix_t *schema_fix_create(xmlDocPtr doc, const char *file, pl_diags_t *d);
/* Words for the root element when it is not in the Plateau namespace, which is then given to
 * every element without one; returns 1 when the root was fixed so. */
int schema_fix_namespace(schema_fix_t *f);
/* Reports the errors of one validation pass that were not reported before, and repairs the
 * tree where it can. Returns how many repairs change what the validator will see inside an
 * element (renamed, moved, removed or added elements): another pass is then worth it. */
int schema_fix_pass(schema_fix_t *f, schema_err_t *errs, int n);
/* Puts back the elements taken out for validation, removes the placeholders, frees f.
 * NULL does nothing. Returns 1 when an allocation failed along the way. */
int schema_fix_finish(schema_fix_t *f);

/* Removes schema jargon ("{namespace}name", "[facet 'x']", "atomic type") from a libxml2
 * message, in place. */
void schema_scrub(char *msg);

#endif
