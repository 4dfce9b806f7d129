/* load_util.c -- helpers of the package loader: errors, attributes, bilingual texts, card ids */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "load.h"
#include "pl_alloc.h"

static void report(pl_loader_t *ld, int level, unsigned line, const char *fmt, va_list ap)
{
    char msg[640];
    vsnprintf(msg, sizeof msg, PL_TR(fmt), ap); /* the catalog's formats are checked by msgfmt --check */
    if (pl_diags_push(ld->d, level, ld->file, line, NULL, msg) != 0)
        ld->oom = 1;
}

void pl_err(pl_loader_t *ld, unsigned line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ld, PL_DIAG_ERROR, line, fmt, ap);
    va_end(ap);
}

void pl_warn(pl_loader_t *ld, unsigned line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ld, PL_DIAG_WARNING, line, fmt, ap);
    va_end(ap);
}

const char *pl_dup(pl_loader_t *ld, const char *s)
{
    if (!s)
        return NULL;
    const char *p = pl_ruleset_strdup(ld->rs, s);
    if (!p)
        ld->oom = 1;
    return p;
}

const char *pl_attr(pl_loader_t *ld, xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->ns || strcmp((const char *)a->name, name) != 0)
            continue;
        xmlNodePtr c = a->children;
        if (!c)
            return "";
        if (c->type == XML_TEXT_NODE && !c->next && c->content)
            return (const char *)c->content;
        xmlChar *v = xmlNodeListGetString(n->doc, c, 1); /* several nodes: join them */
        const char *r = pl_dup(ld, v ? (const char *)v : "");
        xmlFree(v);
        return r;
    }
    return NULL;
}

int32_t pl_attr_int(pl_loader_t *ld, xmlNodePtr n, const char *name, int32_t def)
{
    const char *v = pl_attr(ld, n, name);
    if (!v)
        return def;
    char *end;
    long long x = strtoll(v, &end, 10);
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    if (end == v || *end || x < INT32_MIN || x > INT32_MAX) {
        pl_err(ld, pl_xml_line(n), "attribute %s: '%s' is not an integer", name, v);
        return def;
    }
    return (int32_t)x;
}

int pl_attr_bool(pl_loader_t *ld, xmlNodePtr n, const char *name, int def)
{
    const char *v = pl_attr(ld, n, name);
    if (!v)
        return def;
    while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
        v++;
    if (!strncmp(v, "true", 4) || *v == '1')
        return 1;
    if (!strncmp(v, "false", 5) || *v == '0')
        return 0;
    pl_err(ld, pl_xml_line(n), "attribute %s: '%s' is not a boolean", name, v);
    return def;
}

/* Copies s with runs of white space collapsed to one space and both ends trimmed. */
static char *normalize(const char *s)
{
    size_t n = strlen(s);
    char *out = pl_malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    int space = 0;
    for (const char *p = s; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = o != out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = 0;
        *o++ = *p;
    }
    *o = '\0';
    return out;
}

static const char *const lang_name[PL_LANG_COUNT] = { N_("French"), N_("English") };

void pl_load_text(pl_loader_t *ld, xmlNodePtr parent, const char *elem, pl_text_t *t, int required,
                  const char *what)
{
    int seen = 0;
    t->s[PL_LANG_FR] = t->s[PL_LANG_EN] = NULL;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (!pl_xml_is(c, elem))
            continue;
        seen++;
        unsigned line = pl_xml_line(c);
        xmlChar *lang = xmlGetNsProp(c, (const xmlChar *)"lang", XML_XML_NAMESPACE);
        int l = -1;
        if (!lang)
            pl_err(ld, line, "%s of %s has no xml:lang (fr or en)", elem, what);
        else if (!strcmp((const char *)lang, "fr"))
            l = PL_LANG_FR;
        else if (!strcmp((const char *)lang, "en"))
            l = PL_LANG_EN;
        else
            pl_err(ld, line, "%s of %s: language '%s' is not supported (fr, en)", elem, what,
                   (const char *)lang);
        xmlFree(lang);
        if (l < 0)
            continue;
        if (t->s[l]) {
            pl_err(ld, line, "second %s text for %s of %s", PL_TR(lang_name[l]), elem, what);
            continue;
        }
        xmlChar *raw = xmlNodeGetContent(c);
        char *norm = normalize(raw ? (const char *)raw : "");
        xmlFree(raw);
        if (!norm) {
            ld->oom = 1;
            continue;
        }
        if (!*norm)
            pl_err(ld, line, "empty %s text for %s of %s", PL_TR(lang_name[l]), elem, what);
        if (l == PL_LANG_FR) { /* no-break spaces before : ; ! ? » and after « */
            size_t cap = strlen(norm) * 2 + 1;
            char *typo = pl_malloc(cap);
            if (!typo) {
                pl_free(norm);
                ld->oom = 1;
                continue;
            }
            pl_typo_fr(norm, typo, cap);
            pl_free(norm);
            norm = typo;
        }
        t->s[l] = pl_dup(ld, norm);
        pl_free(norm);
    }
    if (!required && !seen)
        return;
    for (int l = 0; l < PL_LANG_COUNT; l++)
        if (!t->s[l])
            pl_err(ld, pl_xml_line(parent), "missing %s text for %s of %s", PL_TR(lang_name[l]), elem, what);
}

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

int pl_card_id_add(pl_loader_t *ld, uint32_t card, uint32_t *first)
{
    if ((ld->card_hash_n + 1) * 2 > ld->card_hash_cap) {
        uint32_t nc = ld->card_hash_cap ? ld->card_hash_cap * 2 : 256;
        uint32_t *nh = pl_calloc(nc, sizeof *nh);
        if (!nh) {
            ld->oom = 1;
            return 0;
        }
        for (uint32_t i = 0; i < ld->card_hash_cap; i++) {
            uint32_t v = ld->card_hash[i];
            if (!v)
                continue;
            uint32_t j = hash_str(ld->rs->cards[v - 1].id) & (nc - 1);
            while (nh[j])
                j = (j + 1) & (nc - 1);
            nh[j] = v;
        }
        pl_free(ld->card_hash);
        ld->card_hash = nh;
        ld->card_hash_cap = nc;
    }
    const char *id = ld->rs->cards[card].id;
    uint32_t j = hash_str(id) & (ld->card_hash_cap - 1);
    while (ld->card_hash[j]) {
        if (!strcmp(ld->rs->cards[ld->card_hash[j] - 1].id, id)) {
            *first = ld->card_hash[j] - 1;
            return -1;
        }
        j = (j + 1) & (ld->card_hash_cap - 1);
    }
    ld->card_hash[j] = card + 1;
    ld->card_hash_n++;
    return 0;
}
