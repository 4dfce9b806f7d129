/* schema.c -- libxml2 set-up (no external loading), validation against the compiled-in XSD, pass after pass */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include "load.h"
#include "pl_alloc.h"

typedef struct {
    const char *file;
    pl_diags_t *d;
    int errors;
} errctx_t;
#include "schema_msg.h"
#include "xsd.h"

/* External entities, DTDs, XIncludes, schema imports: nothing is ever loaded. */
static xmlParserInputPtr refuse_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL; /* libxml2 reports the failed load through the context's error handler */
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static xmlSchemaPtr schema;
static char schema_err[256];

static void on_schema_parse_error(void *user, xmlErrorPtr e)
{
    (void)user;
    if (e && e->level != XML_ERR_WARNING && !schema_err[0])
        snprintf(schema_err, sizeof schema_err, "line %d: %s", e->line, e->message ? e->message : "?");
}

static void init_once(void)
{
    xmlMemSetup(pl_free, pl_lib_malloc, pl_lib_realloc, pl_lib_strdup); /* libxml2 allocates through the hook too */
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_loader);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(pl_schema_xsd, (int)strlen(pl_schema_xsd));
    if (!pc)
        return;
    xmlSchemaSetParserStructuredErrors(pc, on_schema_parse_error, NULL);
    schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (schema && xsd_index_build(pl_schema_xsd) != 0)
        snprintf(schema_err, sizeof schema_err, "the schema could not be indexed");
}

void pl_xml_init(void)
{
    pthread_once(&once, init_once);
}

/* libxml2's schema errors of one validation pass, copied (the messages are freed after the call) */
typedef struct {
    schema_err_t *v;
    int n, cap, oom;
} errlist_t;

#define MAX_PASS_ERRORS 4000
/* each pass repairs what hid the rest of an element's content; a bound for hostile files, and a
 * smaller one for big files (each pass validates the whole file again) */
#define MAX_PASSES 48
#define BIG_FILE_ELEMENTS 20000
#define BIG_FILE_PASSES 4

static long count_elements(xmlNodePtr n, long cap)
{
    long c = 0;
    for (; n && c < cap; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            c += 1 + count_elements(n->children, cap - c);
    return c;
}

static void on_valid_error(void *user, xmlErrorPtr e)
{
    errlist_t *el = user;
    if (!e || e->level == XML_ERR_WARNING || el->n >= MAX_PASS_ERRORS)
        return;
    if (el->n == el->cap) {
        int nc = el->cap ? el->cap * 2 : 32;
        schema_err_t *p = realloc(el->v, (size_t)nc * sizeof *p);
        if (!p) {
            el->oom = 1;
            return;
        }
        el->v = p;
        el->cap = nc;
    }
    schema_err_t *x = &el->v[el->n];
    x->code = e->code;
    x->node = e->node;
    x->line = e->line > 0 ? (unsigned)e->line : 0;
    if (!x->line && e->node)
        x->line = pl_xml_line((xmlNodePtr)e->node);
    x->msg = strdup(e->message ? e->message : "schema error");
    x->s1 = e->str1 ? strdup(e->str1) : NULL;
    x->s2 = e->str2 ? strdup(e->str2) : NULL;
    if (!x->msg) {
        free(x->s1);
        free(x->s2);
        el->oom = 1;
        return;
    }
    el->n++;
}

static void free_errs(errlist_t *el)
{
    for (int i = 0; i < el->n; i++) {
        free(el->v[i].msg);
        free(el->v[i].s1);
        free(el->v[i].s2);
    }
    free(el->v);
}

int pl_xml_validate(xmlDocPtr doc, const char *file, pl_diags_t *d)
{
    pl_xml_init();
    if (!schema) {
        pl_diags_add(d, file, 0, "internal error: the built-in schema did not compile (%s)", schema_err);
        return -1;
    }
    schema_fix_t *f = schema_fix_create(doc, file, d);
    if (!f) {
        pl_diags_add(d, file, 0, "out of memory");
        return -1;
    }
    int bad = schema_fix_namespace(f), oom = 0;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    /* another root: the loader says what it should be, nothing else can be checked */
    int passes = count_elements(root, BIG_FILE_ELEMENTS + 1) > BIG_FILE_ELEMENTS ? BIG_FILE_PASSES : MAX_PASSES;
    for (int pass = 0; root && (pl_xml_is(root, "game") || pl_xml_is(root, "deck")) && pass < passes; pass++) {
        xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
        if (!vc) {
            oom = 1;
            break;
        }
        errlist_t el = { 0 };
        xmlSchemaSetValidStructuredErrors(vc, on_valid_error, &el);
        int r = xmlSchemaValidateDoc(vc, doc);
        xmlSchemaFreeValidCtxt(vc);
        oom |= el.oom;
        if (r != 0)
            bad = 1;
        int changed = schema_fix_pass(f, el.v, el.n);
        if (r != 0 && !el.n && !pass)
            pl_diags_add(d, file, 0, "does not match the schema");
        free_errs(&el);
        if (r == 0 || !changed || d->n > PL_PACKAGE_MAX_DIAGS)
            break;
    }
    oom |= schema_fix_finish(f);
    if (oom)
        pl_diags_add(d, file, 0, "out of memory");
    return bad || oom ? -1 : 0;
}
