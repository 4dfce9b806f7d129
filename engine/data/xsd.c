/* xsd.c -- the compiled-in schema read as data: each element's attributes, value types and children */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include "load.h"
#include "xsd.h"

#define XS_NS "http://www.w3.org/2001/XMLSchema"
#define MAX_TYPES 80

/* Built once (pl_xml_init), read-only afterwards: shared by every thread. */
static xmlDocPtr xdoc;
static xsd_type_t types[MAX_TYPES];
static const char *type_name[MAX_TYPES];
static int n_types;
static struct { const char *name; int type; } globals[8];
static int n_globals;

static int is_xs(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name) && n->ns &&
           !strcmp((const char *)n->ns->href, XS_NS);
}

/* An attribute's value, owned by the schema document (its text node). */
static const char *prop(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (!strcmp((const char *)a->name, name) && a->children && a->children->content)
            return (const char *)a->children->content;
    return NULL;
}

static const char *local(const char *qname)
{
    const char *c = qname ? strchr(qname, ':') : NULL;
    return c ? c + 1 : qname;
}

/* The top-level definition of that kind ("simpleType", "complexType", "group", "element"). */
static xmlNodePtr top(const char *kind, const char *name)
{
    xmlNodePtr root = xmlDocGetRootElement(xdoc);
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
        const char *nm = is_xs(c, kind) ? prop(c, "name") : NULL;
        if (nm && !strcmp(nm, local(name)))
            return c;
    }
    return NULL;
}

static void simple_of_node(xmlNodePtr st, xsd_simple_t *out, int depth);

static void simple_of_ref(const char *ref, xsd_simple_t *out, int depth)
{
    if (!ref || depth > 8)
        return;
    if (!strncmp(ref, "xs:", 3)) {
        const char *b = ref + 3;
        if (!strcmp(b, "integer") || !strcmp(b, "int") || !strcmp(b, "long"))
            out->kind = XSD_INT;
        else if (!strcmp(b, "boolean"))
            out->kind = XSD_BOOL;
        else
            out->kind = XSD_TEXT;
        return;
    }
    xmlNodePtr st = top("simpleType", ref);
    if (st)
        simple_of_node(st, out, depth + 1);
    if (!strcmp(local(ref), "id"))
        out->kind = XSD_ID;
}

static void simple_of_node(xmlNodePtr st, xsd_simple_t *out, int depth)
{
    for (xmlNodePtr c = st->children; c; c = c->next) {
        if (is_xs(c, "list")) {
            out->kind = XSD_LIST;
            continue;
        }
        if (!is_xs(c, "restriction"))
            continue;
        simple_of_ref(prop(c, "base"), out, depth);
        for (xmlNodePtr f = c->children; f; f = f->next) {
            const char *v = prop(f, "value");
            if (!v)
                continue;
            if (is_xs(f, "minInclusive"))
                out->has_min = 1, out->min = strtol(v, NULL, 10);
            else if (is_xs(f, "maxInclusive"))
                out->has_max = 1, out->max = strtol(v, NULL, 10);
            else if (is_xs(f, "minLength"))
                out->min_len = (int)strtol(v, NULL, 10);
            else if (is_xs(f, "maxLength"))
                out->max_len = (int)strtol(v, NULL, 10);
            else if (is_xs(f, "pattern"))
                out->kind = XSD_ID;
            else if (is_xs(f, "enumeration") && out->n_values < XSD_MAX_VALUES) {
                out->kind = XSD_ENUM;
                out->values[out->n_values++] = v;
            }
        }
    }
}

static void add_attr(xsd_type_t *t, xmlNodePtr a)
{
    const char *name = prop(a, "name");
    if (!name || t->n_attrs >= XSD_MAX_ATTRS || xsd_attr(t, name))
        return;
    xsd_attr_t *x = &t->attrs[t->n_attrs++];
    memset(x, 0, sizeof *x);
    x->name = name;
    const char *use = prop(a, "use");
    x->required = use && !strcmp(use, "required");
    x->st.min_len = x->st.max_len = -1;
    if (prop(a, "type"))
        simple_of_ref(prop(a, "type"), &x->st, 0);
    for (xmlNodePtr c = a->children; c; c = c->next)
        if (is_xs(c, "simpleType"))
            simple_of_node(c, &x->st, 0);
}

static int build_type(const char *name, int depth);

static int occurs(xmlNodePtr p, const char *attr, int def)
{
    const char *v = prop(p, attr);
    if (!v)
        return def;
    return !strcmp(v, "unbounded") ? -1 : (int)strtol(v, NULL, 10);
}

/* Adds the elements a particle allows at position *pos. many: an enclosing particle repeats;
 * optional: an enclosing particle may be absent or is one branch of a choice. */
static void add_particle(xsd_type_t *t, xmlNodePtr p, int *pos, int many, int optional, int depth)
{
    if (depth > 16)
        return;
    int pmax = occurs(p, "maxOccurs", 1), pmin = occurs(p, "minOccurs", 1);
    many |= pmax < 0 || pmax > 1;
    optional |= pmin == 0;
    if (is_xs(p, "sequence")) {
        for (xmlNodePtr c = p->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) {
                add_particle(t, c, pos, many, optional, depth + 1);
                (*pos)++;
            }
    } else if (is_xs(p, "choice")) {
        int alts = 0;
        for (xmlNodePtr c = p->children; c; c = c->next)
            alts += c->type == XML_ELEMENT_NODE;
        for (xmlNodePtr c = p->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
                add_particle(t, c, pos, many, optional || alts > 1, depth + 1);
    } else if (is_xs(p, "group")) {
        xmlNodePtr g = prop(p, "ref") ? top("group", prop(p, "ref")) : NULL;
        for (xmlNodePtr c = g ? g->children : NULL; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
                add_particle(t, c, pos, many, optional, depth + 1);
    } else if (is_xs(p, "element")) {
        const char *name = prop(p, "name"), *type = prop(p, "type");
        if (!name && prop(p, "ref")) {
            name = local(prop(p, "ref"));
            xmlNodePtr g = top("element", prop(p, "ref"));
            type = g ? prop(g, "type") : NULL;
        }
        if (!name || t->n_kids >= XSD_MAX_KIDS || xsd_child(t, name))
            return;
        xsd_child_t *k = &t->kids[t->n_kids++];
        k->name = name;
        k->pos = *pos;
        k->max = many ? -1 : pmax;
        k->min = optional ? 0 : pmin;
        k->type = type && top("complexType", type) ? build_type(local(type), depth + 1) : -1;
    }
}

static void fill_type(int ti, xmlNodePtr ct, int depth)
{
    xsd_type_t *t = &types[ti];
    int pos = 0, particles = 0;
    for (xmlNodePtr c = ct->children; c; c = c->next) {
        if (is_xs(c, "attribute"))
            add_attr(t, c);
        else if (is_xs(c, "sequence") || is_xs(c, "choice") || is_xs(c, "group")) {
            add_particle(t, c, &pos, 0, 0, depth);
            particles++;
        } else if (is_xs(c, "simpleContent") || is_xs(c, "complexContent")) {
            particles++;
            for (xmlNodePtr e = c->children; e; e = e->next) {
                if (!is_xs(e, "extension"))
                    continue;
                const char *base = prop(e, "base");
                int bi = base && top("complexType", base) ? build_type(local(base), depth + 1) : -1;
                if (bi >= 0 && bi != ti) {
                    const xsd_type_t *b = &types[bi];
                    for (int i = 0; i < b->n_kids && t->n_kids < XSD_MAX_KIDS; i++) {
                        t->kids[t->n_kids++] = b->kids[i];
                        if (b->kids[i].pos + 1 > pos)
                            pos = b->kids[i].pos + 1;
                    }
                    for (int i = 0; i < b->n_attrs && t->n_attrs < XSD_MAX_ATTRS; i++)
                        t->attrs[t->n_attrs++] = b->attrs[i];
                }
                for (xmlNodePtr x = e->children; x; x = x->next) {
                    if (is_xs(x, "attribute"))
                        add_attr(t, x);
                    else if (x->type == XML_ELEMENT_NODE && !is_xs(x, "anyAttribute"))
                        add_particle(t, x, &pos, 0, 0, depth);
                }
            }
        }
    }
    t->empty = !particles;
}

static int build_type(const char *name, int depth)
{
    for (int i = 0; i < n_types; i++)
        if (!strcmp(type_name[i], name))
            return i;
    xmlNodePtr ct = top("complexType", name);
    if (!ct || n_types >= MAX_TYPES || depth > 16)
        return -1;
    int ti = n_types++;
    type_name[ti] = prop(ct, "name");
    memset(&types[ti], 0, sizeof types[ti]);
    types[ti].name = type_name[ti];
    fill_type(ti, ct, depth);
    return ti;
}

int xsd_index_build(const char *xsd)
{
    xdoc = xmlReadMemory(xsd, (int)strlen(xsd), "plateau-game.xsd", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    xmlNodePtr root = xdoc ? xmlDocGetRootElement(xdoc) : NULL;
    if (!root)
        return -1;
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (!is_xs(c, "element") || !prop(c, "name") || n_globals >= (int)(sizeof globals / sizeof *globals))
            continue;
        globals[n_globals].name = prop(c, "name");
        globals[n_globals].type = prop(c, "type") ? build_type(local(prop(c, "type")), 0) : -1;
        n_globals++;
    }
    return 0;
}

const xsd_attr_t *xsd_attr(const xsd_type_t *t, const char *name)
{
    for (int i = 0; t && i < t->n_attrs; i++)
        if (!strcmp(t->attrs[i].name, name))
            return &t->attrs[i];
    return NULL;
}

const xsd_child_t *xsd_child(const xsd_type_t *t, const char *name)
{
    for (int i = 0; t && i < t->n_kids; i++)
        if (!strcmp(t->kids[i].name, name))
            return &t->kids[i];
    return NULL;
}

int xsd_known_element(const char *name)
{
    for (int i = 0; i < n_types; i++)
        if (xsd_child(&types[i], name))
            return 1;
    for (int i = 0; i < n_globals; i++)
        if (!strcmp(globals[i].name, name))
            return 1;
    return 0;
}

const xsd_type_t *xsd_type_of(xmlNodePtr elem)
{
    xmlNodePtr path[128];
    int n = 0;
    for (xmlNodePtr p = elem; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (n == 128 || !p->ns || strcmp((const char *)p->ns->href, PL_NS) != 0)
            return NULL;
        path[n++] = p;
    }
    if (!n)
        return NULL;
    const xsd_type_t *t = NULL;
    for (int i = 0; i < n_globals; i++)
        if (!strcmp(globals[i].name, (const char *)path[n - 1]->name) && globals[i].type >= 0)
            t = &types[globals[i].type];
    for (int i = n - 2; i >= 0 && t; i--) {
        const xsd_child_t *k = xsd_child(t, (const char *)path[i]->name);
        t = k && k->type >= 0 ? &types[k->type] : NULL;
    }
    return t;
}

void xsd_describe(const xsd_simple_t *st, char *buf, size_t len)
{
    switch (st->kind) {
    case XSD_INT:
        if (st->has_min && st->has_max)
            snprintf(buf, len, PL_TR("a whole number from %ld to %ld"), st->min, st->max);
        else if (st->has_min)
            snprintf(buf, len, PL_TR("a whole number of at least %ld"), st->min);
        else if (st->has_max)
            snprintf(buf, len, PL_TR("a whole number of at most %ld"), st->max);
        else
            snprintf(buf, len, "%s", PL_TR("a whole number"));
        break;
    case XSD_BOOL:
        snprintf(buf, len, "%s", PL_TR("true or false"));
        break;
    case XSD_ENUM: {
        char list[512] = "";
        size_t used = 0;
        for (int i = 0; i < st->n_values && used < sizeof list; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", st->values[i]);
        snprintf(buf, len, PL_TR("one of %s"), list);
        break;
    }
    case XSD_ID:
        snprintf(buf, len, "%s",
                 PL_TR("an id (lower-case letters a-z, digits, '-' and '_', starting with a letter or a digit, "
                       "48 characters at most)"));
        break;
    case XSD_LIST:
        if (st->min_len >= 0 && st->max_len >= 0)
            snprintf(buf, len, PL_TR("%d to %d ids separated by spaces"), st->min_len, st->max_len);
        else
            snprintf(buf, len, "%s", PL_TR("ids separated by spaces"));
        break;
    default:
        if (st->min_len > 0 && st->max_len > 0)
            snprintf(buf, len, PL_TR("a text of %d to %d characters"), st->min_len, st->max_len);
        else if (st->max_len > 0)
            snprintf(buf, len, PL_TR("a text of at most %d characters"), st->max_len);
        else if (st->min_len > 0)
            snprintf(buf, len, "%s", PL_TR("a text that is not empty"));
        else
            snprintf(buf, len, "%s", PL_TR("a text"));
    }
}

void xsd_attr_names(const xsd_type_t *t, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; t && i < t->n_attrs && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", t->attrs[i].name);
}

void xsd_kid_names(const xsd_type_t *t, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; t && i < t->n_kids && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", t->kids[i].name);
}
