/* xsd.h -- the compiled-in schema read as data: each element's attributes, value types and children */
#ifndef PL_DATA_XSD_H
#define PL_DATA_XSD_H

#include <stddef.h>
#include <libxml/tree.h>

#define XSD_MAX_KIDS 48
#define XSD_MAX_ATTRS 16
#define XSD_MAX_VALUES 16

/* A simple type, as the messages describe it. */
enum { XSD_TEXT = 0, XSD_INT, XSD_BOOL, XSD_ENUM, XSD_ID, XSD_LIST };
typedef struct {
    int kind;
    int has_min, has_max;
    long min, max;           /* XSD_INT */
    int min_len, max_len;    /* -1 when not set: characters (XSD_TEXT) or items (XSD_LIST) */
    const char *values[XSD_MAX_VALUES]; /* XSD_ENUM */
    int n_values;
} xsd_simple_t;

typedef struct {
    const char *name;
    int required;
    xsd_simple_t st;
} xsd_attr_t;

/* A child element: its position in the parent's sequence (children of equal position may come
 * in any order), how many may appear (-1: any number), and its complex type (-1: none). */
typedef struct {
    const char *name;
    int pos, min, max;
    int type;
} xsd_child_t;

typedef struct {
    const char *name;
    xsd_child_t kids[XSD_MAX_KIDS];
    int n_kids;
    xsd_attr_t attrs[XSD_MAX_ATTRS];
    int n_attrs;
    int empty; /* no content at all (finished) */
} xsd_type_t;

/* Build the index from the schema text; once per process, before any lookup (schema.c's
 * pl_xml_init does it). Returns 0, or -1 when the text cannot be read. */
int xsd_index_build(const char *xsd);

/* The type of an element of a package file, found from its document's root down; NULL when
 * the element (or one of its ancestors) is not in the schema at that place. */
const xsd_type_t *xsd_type_of(xmlNodePtr elem);
const xsd_attr_t *xsd_attr(const xsd_type_t *t, const char *name);
const xsd_child_t *xsd_child(const xsd_type_t *t, const char *name);
/* Whether some element anywhere in the schema has that name. */
int xsd_known_element(const char *name);

/* What a value of the type must be, in words (translated): "a whole number from 1 to 99". */
void xsd_describe(const xsd_simple_t *st, char *buf, size_t len);
/* The names of t's attributes, or of its children in their order, joined with ", ". */
void xsd_attr_names(const xsd_type_t *t, char *buf, size_t len);
void xsd_kid_names(const xsd_type_t *t, char *buf, size_t len);

#endif
