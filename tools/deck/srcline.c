/* srcline.c -- finds the file:line of a text of a package by reading its XML again (libxml2, no network, no entities) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "plateau.h"
#include "data/package.h"
#include "srcline.h"

#define MAX_FILES 64

struct deck_src {
    struct { char *path; xmlDocPtr doc; } files[MAX_FILES];
    int n;
};

deck_src_t *deck_src_create(void)
{
    return calloc(1, sizeof(deck_src_t));
}

void deck_src_destroy(deck_src_t *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n; i++) {
        xmlFreeDoc(s->files[i].doc);
        free(s->files[i].path);
    }
    free(s);
}

/* The bytes of the file at path (malloc'd, *len set), or NULL when it cannot be read or passes the loader's cap. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = cap < PL_PACKAGE_MAX_FILE ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static xmlNodePtr root_of(deck_src_t *s, const char *path)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->files[i].path, path))
            return s->files[i].doc ? xmlDocGetRootElement(s->files[i].doc) : NULL;
    if (s->n == MAX_FILES)
        return NULL;
    /* the loader has accepted the file (it refuses any DOCTYPE): parsed again as it does, without
     * network, entity substitution or DTD loading; BIG_LINES for line numbers past 65535 */
    xmlDocPtr doc = NULL;
    size_t n = 0;
    char *buf = read_all(path, &n);
    if (buf) /* read here: the loader's entity loader (rightly) refuses every file libxml2 would open itself */
        doc = xmlReadMemory(buf, (int)n, path, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    free(buf);
    char *p = strdup(path);
    if (!p) {
        xmlFreeDoc(doc);
        return NULL;
    }
    s->files[s->n].path = p;
    s->files[s->n].doc = doc;
    s->n++;
    return doc ? xmlDocGetRootElement(doc) : NULL;
}

static int is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static int has_attr(xmlNodePtr n, const char *name, const char *value)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    int same = v && !strcmp((const char *)v, value);
    xmlFree(v);
    return same;
}

static int lang_is(xmlNodePtr n, int lang)
{
    if (lang < 0)
        return 1;
    xmlChar *v = xmlNodeGetLang(n);
    int same = v && !strcmp((const char *)v, lang == PL_LANG_EN ? "en" : "fr");
    xmlFree(v);
    return same;
}

static xmlNodePtr find_elem(xmlNodePtr n, const char *elem, const char *id)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is(n, elem) && has_attr(n, "id", id))
            return n;
        xmlNodePtr in = find_elem(n->children, elem, id);
        if (in)
            return in;
    }
    return NULL;
}

static unsigned text_child_line(xmlNodePtr n, const char *what, int lang)
{
    for (xmlNodePtr k = n->children; k; k = k->next)
        if (is(k, what) && lang_is(k, lang))
            return (unsigned)xmlGetLineNo(k);
    return (unsigned)xmlGetLineNo(n);
}

unsigned deck_src_text_line(deck_src_t *s, const char *path, const char *elem, const char *id, const char *what,
                            int lang)
{
    xmlNodePtr root = root_of(s, path);
    xmlNodePtr n = root ? (is(root, elem) && has_attr(root, "id", id) ? root : find_elem(root->children, elem, id)) : NULL;
    return n ? text_child_line(n, what, lang) : 0;
}

static xmlNodePtr find_at_line(xmlNodePtr n, unsigned line)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if ((is(n, "choice") || is(n, "vote")) && (unsigned)xmlGetLineNo(n) == line)
            return n;
        xmlNodePtr in = find_at_line(n->children, line);
        if (in)
            return in;
    }
    return NULL;
}

unsigned deck_src_option_line(deck_src_t *s, const char *path, unsigned line, int i, int lang)
{
    xmlNodePtr root = root_of(s, path);
    xmlNodePtr n = root ? find_at_line(root, line) : NULL;
    int k = 0;
    for (xmlNodePtr o = n ? n->children : NULL; o; o = o->next)
        if (is(o, "option") && k++ == i)
            return text_child_line(o, "label", lang);
    return 0;
}
