/* schema.c -- libxml2 set-up (no external loading) and validation against the compiled-in XSD */
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
}

void pl_xml_init(void)
{
    pthread_once(&once, init_once);
}

static void on_valid_error(void *user, xmlErrorPtr e)
{
    errctx_t *ec = user;
    if (!e || e->level == XML_ERR_WARNING)
        return;
    ec->errors++;
    unsigned line = e->line > 0 ? (unsigned)e->line : 0;
    if (!line && e->node)
        line = (unsigned)xmlGetLineNo((xmlNodePtr)e->node);
    pl_diags_add(ec->d, ec->file, line, "%s", e->message ? e->message : "schema error");
}

int pl_xml_validate(xmlDocPtr doc, const char *file, pl_diags_t *d)
{
    pl_xml_init();
    if (!schema) {
        pl_diags_add(d, file, 0, "internal error: the built-in schema did not compile (%s)", schema_err);
        return -1;
    }
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    if (!vc) {
        pl_diags_add(d, file, 0, "out of memory");
        return -1;
    }
    errctx_t ec = { file, d, 0 };
    xmlSchemaSetValidStructuredErrors(vc, on_valid_error, &ec);
    int r = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    if (r != 0 && !ec.errors)
        pl_diags_add(d, file, 0, "does not match the schema");
    return r == 0 ? 0 : -1;
}

