/* schema_msg.c -- libxml2's schema errors in plain words, and the repairs that let checking go on */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlerror.h>
#include "load.h"
#include "xsd.h"
#include "schema_msg.h"

#define XML_NS_URI "http://www.w3.org/XML/1998/namespace"

/* node->_private of the empty elements added for validation only (a missing required child) */
static char placeholder_tag;

typedef struct {
    xmlNodePtr node, parent, next; /* next: the following element when it was taken out */
} taken_t;

typedef struct {
    xmlNodePtr node;
    char *key;
} seen_t;

typedef struct {
    xmlNodePtr node;
    const char *attr; /* owned by the schema index */
} renamed_t;

struct schema_fix {
    xmlDocPtr doc;
    const char *file;
    pl_diags_t *d;
    taken_t *taken;
    size_t n_taken, cap_taken;
    xmlNodePtr *holders;
    size_t n_holders, cap_holders;
    seen_t *seen;
    size_t n_seen, cap_seen;
    renamed_t *renamed;
    size_t n_renamed, cap_renamed;
    int oom;
};

/* Grows *v (elements of size sz) to hold one more; 0, or -1 on allocation failure. */
static int grow(void **v, size_t *cap, size_t n, size_t sz)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 16;
    void *p = realloc(*v, nc * sz);
    if (!p)
        return -1;
    *v = p;
    *cap = nc;
    return 0;
}

schema_fix_t *schema_fix_create(xmlDocPtr doc, const char *file, pl_diags_t *d)
{
    schema_fix_t *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->doc = doc;
    f->file = file;
    f->d = d;
    return f;
}

void schema_scrub(char *msg)
{
    char *w = msg;
    for (const char *r = msg; *r;) {
        if (*r == '{') { /* {namespace}name: keep the name */
            const char *close = strchr(r, '}');
            if (close) {
                r = close + 1;
                continue;
            }
        }
        if (!strncmp(r, "[facet '", 8)) {
            const char *close = strstr(r, "'] ");
            if (close) {
                r = close + 3;
                continue;
            }
        }
        if (!strncmp(r, "atomic type", 11)) {
            memcpy(w, "type", 4);
            w += 4;
            r += 11;
            continue;
        }
        int word = r == msg || !((r[-1] >= 'a' && r[-1] <= 'z') || (r[-1] >= 'A' && r[-1] <= 'Z')); /* not "turn:" */
        if (word && !strncmp(r, "urn:", 4)) {
            r += 4;
            continue;
        }
        if (word && !strncmp(r, "facet", 5)) {
            memcpy(w, "rule", 4);
            w += 4;
            r += 5;
            continue;
        }
        *w++ = *r++;
    }
    *w = '\0';
}

static void say(schema_fix_t *f, unsigned line, const char *focus, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void say(schema_fix_t *f, unsigned line, const char *focus, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, PL_TR(fmt), ap); /* the catalog's formats are checked by msgfmt --check */
    va_end(ap);
    schema_scrub(msg);
    if (pl_diags_push(f->d, PL_DIAG_ERROR, f->file, line, focus, msg) != 0)
        f->oom = 1;
}

/* A libxml2 message this file has no words of its own for: as it is, without the jargon. */
static void say_raw(schema_fix_t *f, unsigned line, const char *focus, const char *libxml_msg)
{
    char m[1024];
    snprintf(m, sizeof m, "%s", libxml_msg);
    schema_scrub(m);
    if (pl_diags_push(f->d, PL_DIAG_ERROR, f->file, line, focus, m) != 0)
        f->oom = 1;
}

/* Whether (node, key) was reported already; remembers it otherwise. */
static int seen_before(schema_fix_t *f, xmlNodePtr node, const char *key)
{
    for (size_t i = 0; i < f->n_seen; i++)
        if (f->seen[i].node == node && !strcmp(f->seen[i].key, key))
            return 1;
    char *k = strdup(key);
    if (!k || grow((void **)&f->seen, &f->cap_seen, f->n_seen, sizeof *f->seen) != 0) {
        free(k);
        f->oom = 1;
        return 0;
    }
    f->seen[f->n_seen].node = node;
    f->seen[f->n_seen].key = k;
    f->n_seen++;
    return 0;
}

static int in_placeholder(xmlNodePtr n)
{
    for (; n; n = n->parent)
        if (n->_private == &placeholder_tag)
            return 1;
    return 0;
}

static int ours(xmlNodePtr n)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href && !strcmp((const char *)n->ns->href, PL_NS);
}

static xmlNodePtr next_element(xmlNodePtr n)
{
    for (n = n ? n->next : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return n;
    return NULL;
}

/* Takes an element out of the tree until schema_fix_finish puts it back. */
static void take(schema_fix_t *f, xmlNodePtr n)
{
    if (grow((void **)&f->taken, &f->cap_taken, f->n_taken, sizeof *f->taken) != 0) {
        f->oom = 1;
        return;
    }
    f->taken[f->n_taken].node = n;
    f->taken[f->n_taken].parent = n->parent;
    f->taken[f->n_taken].next = next_element(n);
    f->n_taken++;
    xmlUnlinkNode(n);
}

/* An empty element named name in p, before `before` (or last), for validation only. */
static int add_placeholder(schema_fix_t *f, xmlNodePtr p, xmlNodePtr before, const char *name)
{
    for (xmlNodePtr c = p->children; c; c = c->next)
        if (c->_private == &placeholder_tag && !strcmp((const char *)c->name, name))
            return 0; /* added once already: do not loop */
    if (grow((void **)&f->holders, &f->cap_holders, f->n_holders, sizeof *f->holders) != 0) {
        f->oom = 1;
        return 0;
    }
    xmlNodePtr h = xmlNewDocNode(f->doc, p->ns, (const xmlChar *)name, NULL);
    if (!h) {
        f->oom = 1;
        return 0;
    }
    h->_private = &placeholder_tag;
    h->line = p->line;
    if (before)
        xmlAddPrevSibling(before, h);
    else
        xmlAddChild(p, h);
    f->holders[f->n_holders++] = h;
    return 1;
}

int schema_fix_finish(schema_fix_t *f)
{
    if (!f)
        return 0;
    while (f->n_taken) {
        taken_t *t = &f->taken[--f->n_taken];
        if (t->next && t->next->parent == t->parent)
            xmlAddPrevSibling(t->next, t->node);
        else
            xmlAddChild(t->parent, t->node);
    }
    for (size_t i = 0; i < f->n_holders; i++) {
        xmlUnlinkNode(f->holders[i]);
        xmlFreeNode(f->holders[i]);
    }
    for (size_t i = 0; i < f->n_seen; i++)
        free(f->seen[i].key);
    int oom = f->oom;
    free(f->taken);
    free(f->holders);
    free(f->seen);
    free(f->renamed);
    free(f);
    return oom;
}

/* ---- the namespace ---- */

static void set_ns(xmlNodePtr n, xmlNsPtr ns, int depth)
{
    for (xmlNodePtr c = n; c && depth < 512; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!c->ns)
            xmlSetNs(c, ns);
        set_ns(c->children, ns, depth + 1);
    }
}

int schema_fix_namespace(schema_fix_t *f)
{
    xmlNodePtr root = xmlDocGetRootElement(f->doc);
    if (!root || ours(root))
        return 0;
    char focus[160];
    snprintf(focus, sizeof focus, "<%s", (const char *)root->name);
    say(f, pl_xml_line(root), focus,
        "<%s> is not in the Plateau namespace: its start tag needs the xmlns attribute of the example "
        "packages (see the first lines of game-data/example-minimal/game.xml)",
        (const char *)root->name);
    xmlNsPtr ns = NULL;
    for (xmlNsPtr d = root->nsDef; d; d = d->next)
        if (!d->prefix) {
            xmlChar *h = xmlStrdup((const xmlChar *)PL_NS);
            if (!h) {
                f->oom = 1;
                return 1;
            }
            xmlFree((xmlChar *)d->href);
            d->href = h;
            ns = d;
        }
    if (!ns)
        ns = xmlNewNs(root, (const xmlChar *)PL_NS, NULL);
    if (!ns) {
        f->oom = 1;
        return 1;
    }
    set_ns(root, ns, 0);
    return 1;
}

/* ---- attributes ---- */

/* The attribute named in a message ("attribute 'name'"), without its namespace; *xml set when
 * it is in the XML namespace (xml:lang). */
static void attr_in_msg(const char *msg, char *buf, size_t len, int *xml)
{
    buf[0] = '\0';
    *xml = 0;
    const char *a = strstr(msg, "attribute '");
    if (!a)
        return;
    a += 11;
    if (*a == '{') {
        *xml = !strncmp(a + 1, XML_NS_URI, strlen(XML_NS_URI));
        const char *c = strchr(a, '}');
        if (c)
            a = c + 1;
    }
    size_t i = 0;
    while (a[i] && a[i] != '\'' && i + 1 < len) {
        buf[i] = a[i];
        i++;
    }
    buf[i] = '\0';
}

static xmlAttrPtr find_attr(xmlNodePtr n, const char *name, int xml)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (!strcmp((const char *)a->name, name) &&
            (xml ? a->ns && a->ns->href && !strcmp((const char *)a->ns->href, XML_NS_URI) : !a->ns))
            return a;
    return NULL;
}

static void set_value(schema_fix_t *f, xmlNodePtr n, const char *attr, const char *v)
{
    if (!xmlSetProp(n, (const xmlChar *)attr, (const xmlChar *)v))
        f->oom = 1;
}

static void remove_attr(xmlNodePtr n, const char *attr, int xml)
{
    xmlAttrPtr a = find_attr(n, attr, xml);
    if (a)
        xmlRemoveProp(a);
}

/* An id made from what the designer wrote: lower case, other characters as '-'. */
static void id_example(const char *v, char *out, size_t len)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)v; *p && o + 1 < len && o < 48; p++) {
        int c = tolower(*p);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')
            out[o++] = (char)c;
        else if (o && out[o - 1] != '-' && *p < 0x80)
            out[o++] = '-';
        else if (*p >= 0x80 && (*p & 0xC0) != 0x80 && o && out[o - 1] != '-')
            out[o++] = '-';
    }
    while (o && (out[o - 1] == '-' || out[o - 1] == '_'))
        o--;
    out[o] = '\0';
    size_t skip = 0;
    while (out[skip] == '-' || out[skip] == '_')
        skip++;
    memmove(out, out + skip, o - skip + 1);
}

static int utf8_chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static int list_items(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        int sp = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

/* The first `keep` items (or characters) of v, into out. */
static void truncate_to(const char *v, int keep, int items, char *out, size_t len)
{
    size_t o = 0;
    int n = 0, in = 0;
    for (const char *p = v; *p && o + 1 < len; p++) {
        if (items) {
            int sp = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
            if (!sp && !in && ++n > keep)
                break;
            in = !sp;
        } else if (((unsigned char)*p & 0xC0) != 0x80 && ++n > keep)
            break;
        out[o++] = *p;
    }
    while (items && o && (out[o - 1] == ' ' || out[o - 1] == '\t' || out[o - 1] == '\n' || out[o - 1] == '\r'))
        o--;
    out[o] = '\0';
}

/* A value that breaks its type: say what the attribute takes, and make the tree usable. */
static void value_error(schema_fix_t *f, const schema_err_t *e, const char *attr)
{
    xmlNodePtr n = e->node;
    const char *el = (const char *)n->name;
    const xsd_attr_t *xa = xsd_attr(xsd_type_of(n), attr);
    xmlChar *raw = xmlGetNoNsProp(n, (const xmlChar *)attr);
    char val[256], focus[160], desc[400], fix[256];
    snprintf(val, sizeof val, "%s", raw ? (const char *)raw : "");
    xmlFree(raw);
    snprintf(focus, sizeof focus, "%s=", attr);
    unsigned line = e->line;
    if (!xa) {
        say_raw(f, line, focus, e->msg);
        return;
    }
    xsd_describe(&xa->st, desc, sizeof desc);
    const xsd_simple_t *st = &xa->st;
    switch (e->code) {
    case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID:
        say(f, line, focus, "<%s>: %s=\"%s\" is too large: it takes %s", el, attr, val, desc);
        snprintf(fix, sizeof fix, "%ld", st->max);
        set_value(f, n, attr, fix);
        break;
    case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID:
        say(f, line, focus, "<%s>: %s=\"%s\" is too small: it takes %s", el, attr, val, desc);
        snprintf(fix, sizeof fix, "%ld", st->min);
        set_value(f, n, attr, fix);
        break;
    case XML_SCHEMAV_CVC_PATTERN_VALID: {
        const char *iddesc = PL_TR("use lower-case letters a-z, digits, '-' and '_', starting with a letter or a "
                                   "digit, 48 characters at most");
        const char *item = st->kind == XSD_LIST && e->s1 ? e->s1 : val;
        id_example(item, fix, sizeof fix);
        char ex[300] = "";
        if (fix[0] && strcmp(fix, item) != 0)
            snprintf(ex, sizeof ex, PL_TR(" (for example '%s')"), fix);
        if (st->kind == XSD_LIST)
            say(f, line, focus, "<%s>: '%s' in %s=\"%s\" is not a valid id: %s%s", el, item, attr, val, iddesc, ex);
        else
            say(f, line, focus, "<%s>: %s=\"%s\" is not a valid id: %s%s", el, attr, val, iddesc, ex);
        break; /* kept as written: the same wrong id then resolves wherever it is used */
    }
    case XML_SCHEMAV_CVC_ENUMERATION_VALID: {
        const char *s = pl_suggest(val, st->values, (size_t)st->n_values);
        char hint[200] = "";
        if (s)
            snprintf(hint, sizeof hint, PL_TR(" (did you mean '%s'?)"), s);
        say(f, line, focus, "<%s>: %s=\"%s\" is not allowed: it takes %s%s", el, attr, val, desc, hint);
        if (s)
            set_value(f, n, attr, s);
        else if (xa->required && st->n_values)
            set_value(f, n, attr, st->values[0]);
        else
            remove_attr(n, attr, 0);
        break;
    }
    case XML_SCHEMAV_CVC_LENGTH_VALID:
    case XML_SCHEMAV_CVC_MINLENGTH_VALID:
    case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
        if (st->kind == XSD_LIST) {
            int k = list_items(val);
            say(f, line, focus, "<%s>: %s=\"%s\" has %d ids: it takes %s", el, attr, val, k, desc);
            if (st->max_len >= 0 && k > st->max_len) {
                truncate_to(val, st->max_len, 1, fix, sizeof fix);
                set_value(f, n, attr, fix);
            }
        } else if (!val[0]) {
            say(f, line, focus, "<%s>: %s is empty: it takes %s", el, attr, desc);
            if (!xa->required)
                remove_attr(n, attr, 0);
        } else {
            int k = utf8_chars(val);
            say(f, line, focus, "<%s>: %s is %d characters long: it takes %s", el, attr, k, desc);
            if (st->max_len > 0 && k > st->max_len) {
                truncate_to(val, st->max_len, 0, fix, sizeof fix);
                set_value(f, n, attr, fix);
            }
        }
        break;
    default: /* not of the type at all: a word where a number goes, "yes" for a boolean */
        if (st->kind == XSD_INT)
            say(f, line, focus, "<%s>: %s=\"%s\" is not a whole number: it takes %s", el, attr, val, desc);
        else if (st->kind == XSD_BOOL)
            say(f, line, focus, "<%s>: %s=\"%s\" is not allowed: it takes %s", el, attr, val, desc);
        else
            say(f, line, focus, "<%s>: %s=\"%s\" is not valid: it takes %s", el, attr, val, desc);
        if (st->kind == XSD_BOOL && (!strcasecmp(val, "yes") || !strcasecmp(val, "oui") || !strcasecmp(val, "vrai")))
            set_value(f, n, attr, "true");
        else if (st->kind == XSD_BOOL && (!strcasecmp(val, "no") || !strcasecmp(val, "non") || !strcasecmp(val, "faux")))
            set_value(f, n, attr, "false");
        else if (xa->required && st->kind == XSD_INT) {
            long v = 0;
            if (st->has_min && v < st->min)
                v = st->min;
            if (st->has_max && v > st->max)
                v = st->max;
            snprintf(fix, sizeof fix, "%ld", v);
            set_value(f, n, attr, fix);
        } else if (!xa->required)
            remove_attr(n, attr, 0);
    }
}

/* An attribute the element does not take: a misspelling is renamed, anything else removed. */
static void unknown_attr(schema_fix_t *f, const schema_err_t *e, const char *attr, int xml)
{
    xmlNodePtr n = e->node;
    const char *el = (const char *)n->name;
    const xsd_type_t *t = xsd_type_of(n);
    char focus[160], names[512];
    snprintf(focus, sizeof focus, "%s%s=", xml ? "xml:" : "", attr);
    const char *cands[XSD_MAX_ATTRS];
    size_t nc = 0;
    for (int i = 0; t && i < t->n_attrs; i++)
        if (!find_attr(n, t->attrs[i].name, 0))
            cands[nc++] = t->attrs[i].name;
    const char *s = xml ? NULL : pl_suggest(attr, cands, nc);
    if (s) {
        say(f, e->line, focus, "<%s>: unknown attribute %s (did you mean %s?)", el, attr, s);
        xmlAttrPtr a = find_attr(n, attr, 0);
        if (a)
            xmlNodeSetName((xmlNodePtr)a, (const xmlChar *)s);
        if (grow((void **)&f->renamed, &f->cap_renamed, f->n_renamed, sizeof *f->renamed) == 0) {
            f->renamed[f->n_renamed].node = n;
            f->renamed[f->n_renamed].attr = s;
            f->n_renamed++;
        } else
            f->oom = 1;
        return;
    }
    xsd_attr_names(t, names, sizeof names);
    if (names[0])
        say(f, e->line, focus, "<%s>: unknown attribute %s%s; the attributes of <%s> are %s", el, xml ? "xml:" : "",
            attr, el, names);
    else
        say(f, e->line, focus, "<%s>: unknown attribute %s%s; <%s> takes no attribute", el, xml ? "xml:" : "", attr,
            el);
    remove_attr(n, attr, xml);
}

static void missing_attr(schema_fix_t *f, const schema_err_t *e)
{
    xmlNodePtr n = e->node;
    const char *attr = e->s1 ? e->s1 : "";
    for (size_t i = 0; i < f->n_renamed; i++)
        if (f->renamed[i].node == n && !strcmp(f->renamed[i].attr, attr))
            return; /* a misspelling of it was renamed: reported as such */
    const xsd_attr_t *xa = xsd_attr(xsd_type_of(n), attr);
    char desc[400] = "", focus[160];
    if (xa)
        xsd_describe(&xa->st, desc, sizeof desc);
    snprintf(focus, sizeof focus, "<%s", (const char *)n->name);
    say(f, e->line, focus, "<%s>: the attribute %s is missing: it takes %s", (const char *)n->name, attr, desc);
}

/* ---- element content ---- */

static int count_named(xmlNodePtr p, const char *name, unsigned *first_line)
{
    int n = 0;
    for (xmlNodePtr c = p->children; c; c = c->next)
        if (ours(c) && c->_private != &placeholder_tag && !strcmp((const char *)c->name, name)) {
            if (!n && first_line)
                *first_line = pl_xml_line(c);
            n++;
        }
    return n;
}

static int disordered(xmlNodePtr p, const xsd_type_t *t)
{
    int top = -1;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        const xsd_child_t *k = ours(c) ? xsd_child(t, (const char *)c->name) : NULL;
        if (!k)
            continue;
        if (k->pos < top)
            return 1;
        top = k->pos;
    }
    return 0;
}

/* Puts p's element children in the order of its type (stable: equal positions keep theirs). */
static void reorder(schema_fix_t *f, xmlNodePtr p, const xsd_type_t *t)
{
    size_t n = 0;
    for (xmlNodePtr c = p->children; c; c = c->next)
        n += c->type == XML_ELEMENT_NODE;
    xmlNodePtr *v = malloc(n * sizeof *v);
    int *key = malloc(n * sizeof *key);
    if (!v || !key) {
        free(v);
        free(key);
        f->oom = 1;
        return;
    }
    size_t i = 0;
    int last = 0;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const xsd_child_t *k = ours(c) ? xsd_child(t, (const char *)c->name) : NULL;
        last = k ? k->pos : last; /* an unknown element stays after its neighbour */
        v[i] = c;
        key[i] = last;
        i++;
    }
    for (size_t a = 1; a < n; a++) /* insertion sort: stable, and lists are short */
        for (size_t b = a; b > 0 && key[b - 1] > key[b]; b--) {
            xmlNodePtr tn = v[b];
            v[b] = v[b - 1];
            v[b - 1] = tn;
            int tk = key[b];
            key[b] = key[b - 1];
            key[b - 1] = tk;
        }
    for (i = 0; i < n; i++)
        xmlUnlinkNode(v[i]);
    for (i = 0; i < n; i++)
        xmlAddChild(p, v[i]);
    free(v);
    free(key);
}

/* The names listed in "Expected is ( a, b )" or "Expected is one of ( a, b )". */
static int expected_names(const char *msg, char names[][64], int cap)
{
    const char *p = strstr(msg, "Expected is");
    p = p ? strchr(p, '(') : NULL;
    if (!p)
        return 0;
    int n = 0;
    p++;
    while (*p && *p != ')' && n < cap) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *s = p;
        while (*p && *p != ',' && *p != ')' && *p != ' ')
            p++;
        const char *name = s;
        for (const char *q = s; q < p; q++)
            if (*q == '}')
                name = q + 1;
        size_t len = (size_t)(p - name);
        if (len && len < 64 && !memchr(s, '#', (size_t)(p - s))) {
            memcpy(names[n], name, len);
            names[n][len] = '\0';
            n++;
        }
    }
    return n;
}

static int is_text_elem(const char *name)
{
    return !strcmp(name, "name") || !strcmp(name, "title") || !strcmp(name, "label");
}

/* Returns 1 when the tree changed in a way the next validation pass will see. */
static int content_error(schema_fix_t *f, const schema_err_t *e)
{
    xmlNodePtr n = e->node;
    int missing = strstr(e->msg, "Missing child") != NULL;
    xmlNodePtr p = missing ? n : n->parent;
    const xsd_type_t *tp = p && p->type == XML_ELEMENT_NODE ? xsd_type_of(p) : NULL;
    const char *pn = p && p->name ? (const char *)p->name : "";
    const char *nn = (const char *)n->name;
    char names[1024], focus[160];
    snprintf(focus, sizeof focus, "<%s", nn);
    if (!tp) {
        say_raw(f, e->line, focus, e->msg);
        return 0;
    }
    xsd_kid_names(tp, names, sizeof names);
    if (!missing) {
        const xsd_child_t *k = ours(n) ? xsd_child(tp, nn) : NULL;
        if (!k) {
            const char *cands[XSD_MAX_KIDS];
            for (int i = 0; i < tp->n_kids; i++)
                cands[i] = tp->kids[i].name;
            const char *s = pl_suggest(nn, cands, (size_t)tp->n_kids);
            if (s) {
                say(f, e->line, focus, "unknown element <%s> inside <%s> (did you mean <%s>?)", nn, pn, s);
                xmlNodeSetName(n, (const xmlChar *)s);
                return 1;
            }
            if (xsd_known_element(nn))
                say(f, e->line, focus, "<%s> cannot go inside <%s>; what goes there: %s", nn, pn, names);
            else
                say(f, e->line, focus, "unknown element <%s> inside <%s>; what goes there: %s", nn, pn, names);
            take(f, n);
            return 1;
        }
        unsigned first = 0;
        int count = count_named(p, nn, &first);
        if (k->max >= 0 && count > k->max) {
            if (strcmp(nn, "option") != 0) { /* the loader counts options itself */
                if (k->max == 1)
                    say(f, e->line, focus, "only one <%s> may go inside <%s> (the first is on line %u)", nn, pn, first);
                else
                    say(f, e->line, focus, "at most %d <%s> may go inside <%s>", k->max, nn, pn);
            }
            take(f, n);
            return 1;
        }
        if (disordered(p, tp)) {
            say(f, e->line, focus, "<%s> is out of order inside <%s>: the order there is %s", nn, pn, names);
            reorder(f, p, tp);
            return 1;
        }
    }
    /* something required is missing: before n, or at the end of p */
    char exp[32][64];
    int ne = expected_names(e->msg, exp, 32);
    const xsd_child_t *want = NULL;
    for (int i = 0; i < ne && !want; i++) {
        const xsd_child_t *k = xsd_child(tp, exp[i]);
        if (k && count_named(p, k->name, NULL) < (k->min > 0 ? k->min : 0))
            want = k;
    }
    for (int i = 0; i < ne && !want; i++) {
        const xsd_child_t *k = xsd_child(tp, exp[i]);
        if (k && !count_named(p, k->name, NULL))
            want = k;
    }
    char pfocus[160];
    snprintf(pfocus, sizeof pfocus, "<%s", pn);
    if (want) {
        int have = count_named(p, want->name, NULL);
        /* the loader words missing texts (per language) and the number of options itself */
        if (!is_text_elem(want->name) && strcmp(want->name, "option") != 0) {
            if (have && want->min > 1)
                say(f, pl_xml_line(p), pfocus, "<%s> needs at least %d <%s> (it has %d)", pn, want->min, want->name,
                    have);
            else if (missing)
                say(f, pl_xml_line(p), pfocus, "<%s> has no <%s>: it is required", pn, want->name);
            else /* where it should go: before n */
                say(f, e->line, focus, "<%s> has no <%s>: it is required before <%s>", pn, want->name, nn);
        }
        return add_placeholder(f, p, missing ? NULL : n, want->name);
    }
    char list[512] = "";
    size_t used = 0;
    for (int i = 0; i < ne && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", exp[i]);
    if (missing) {
        say(f, pl_xml_line(p), pfocus, "<%s> is not complete: expected inside it: %s", pn, list);
        return 0;
    }
    say(f, e->line, focus, "<%s> is not expected here inside <%s>; expected: %s", nn, pn, list);
    take(f, n);
    return 1;
}

/* Text directly inside an element that holds only elements, or content in an empty one. */
static int stray_content(schema_fix_t *f, const schema_err_t *e)
{
    xmlNodePtr n = e->node;
    const char *nn = (const char *)n->name;
    char focus[160];
    snprintf(focus, sizeof focus, "<%s", nn);
    if (e->code == XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1) {
        say(f, e->line, focus, "<%s> takes no content: write it as one tag ending with />", nn);
        /* elements are only taken out (another error of this pass may name one), texts freed */
        for (xmlNodePtr c = n->children, next; c; c = next) {
            next = c->next;
            if (c->type == XML_ELEMENT_NODE)
                take(f, c);
            else {
                xmlUnlinkNode(c);
                xmlFreeNode(c);
            }
        }
        return 1;
    }
    char text[64] = "";
    for (xmlNodePtr c = n->children; c && !text[0]; c = c->next) {
        if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE)
            continue;
        const char *s = (const char *)c->content;
        while (s && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
            s++;
        if (s && *s) {
            size_t k = 0;
            while (s[k] && s[k] != '\n' && k < 40)
                k++;
            while (k && ((unsigned char)s[k] & 0xC0) == 0x80) /* a whole UTF-8 character */
                k--;
            snprintf(text, sizeof text, "%.*s", (int)k, s);
        }
    }
    say(f, e->line, focus, "<%s> holds the text '%s': only elements go there (a text goes in a <name> or <text>)", nn,
        text);
    for (xmlNodePtr c = n->children, next; c; c = next) {
        next = c->next;
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
    return 1;
}

int schema_fix_pass(schema_fix_t *f, schema_err_t *errs, int n)
{
    int changed = 0;
    /* unknown attributes first, so that a renamed misspelling is not also reported missing */
    for (int step = 0; step < 2; step++)
        for (int i = 0; i < n; i++) {
            schema_err_t *e = &errs[i];
            int unknown = e->code == XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1 || e->code == XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2;
            if ((step == 0) != unknown || !e->node || e->node->type != XML_ELEMENT_NODE || in_placeholder(e->node))
                continue;
            char attr[128], key[300];
            int xml = 0;
            attr_in_msg(e->msg, attr, sizeof attr, &xml);
            switch (e->code) {
            case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
            case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
                if (!attr[0] && e->s1)
                    snprintf(attr, sizeof attr, "%s", e->s1);
                snprintf(key, sizeof key, "u:%s", attr);
                if (!seen_before(f, e->node, key))
                    unknown_attr(f, e, attr, xml);
                break;
            case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
                snprintf(key, sizeof key, "r:%s", e->s1 ? e->s1 : "");
                if (!seen_before(f, e->node, key))
                    missing_attr(f, e);
                break;
            case XML_SCHEMAV_ELEMENT_CONTENT:
                snprintf(key, sizeof key, "c:%s", e->msg);
                if (!seen_before(f, e->node, key))
                    changed += content_error(f, e);
                break;
            case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
            case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
                if (!seen_before(f, e->node, "t:"))
                    changed += stray_content(f, e);
                break;
            default:
                if (attr[0]) {
                    snprintf(key, sizeof key, "v:%s", attr);
                    if (!seen_before(f, e->node, key))
                        value_error(f, e, attr);
                } else {
                    snprintf(key, sizeof key, "m:%s", e->msg);
                    if (!seen_before(f, e->node, key)) {
                        char focus[160];
                        snprintf(focus, sizeof focus, "<%s", (const char *)e->node->name);
                        say_raw(f, e->line, focus, e->msg);
                    }
                }
            }
        }
    return changed;
}
