/* xml.c -- hostile-input-safe reading and parsing of package files with libxml2, errors as file:line */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include "load.h"
#include "pl_alloc.h"

typedef struct {
    const char *file;
    pl_diags_t *d;
    int errors;
} errctx_t;

/* libxml2's structured errors of a parse: the parser context's _private is our errctx_t */
static void on_parse_error(void *user, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = user;
    errctx_t *ec = ctxt ? ctxt->_private : NULL;
    if (!ec || !e || e->level == XML_ERR_WARNING)
        return;
    ec->errors++;
    pl_diags_add(ec->d, ec->file, (unsigned)(e->line > 0 ? e->line : 0), "%s",
                 e->message ? e->message : "XML error");
}

static int read_all(const char *path, const char *file, pl_diags_t *d, char **out, size_t *len)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        pl_diags_add(d, file, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        pl_diags_add(d, file, 0, "not a regular file");
        close(fd);
        return -1;
    }
    if (sb.st_size > (off_t)PL_PACKAGE_MAX_FILE) {
        pl_diags_add(d, file, 0, "file too large: %lld bytes (at most %u bytes, 8 MiB)",
                     (long long)sb.st_size, PL_PACKAGE_MAX_FILE);
        close(fd);
        return -1;
    }
    size_t size = (size_t)sb.st_size, n = 0;
    char *buf = pl_malloc(size + 2);
    if (!buf) {
        pl_diags_add(d, file, 0, "out of memory");
        close(fd);
        return -1;
    }
    /* read at most one byte past the size seen: a file that grows meanwhile is refused */
    while (n <= size) {
        ssize_t r = read(fd, buf + n, size + 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            pl_diags_add(d, file, 0, "read error: %s", strerror(errno));
            pl_free(buf);
            close(fd);
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > size) {
        pl_diags_add(d, file, 0, "file changed while being read");
        pl_free(buf);
        close(fd);
        return -1;
    }
    close(fd);
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

/* Returns the offset of the first byte that is not valid UTF-8, or len when all is valid
 * (no overlong forms, no surrogates, nothing past U+10FFFF). */
static size_t utf8_bad(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* ASCII runs eight bytes at a time */
        uint64_t w;
        while (i + 8 <= len && (memcpy(&w, s + i, 8), (w & 0x8080808080808080ull) == 0))
            i += 8;
        if (i >= len)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            n = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else
            return i;
        if (len - i <= n) /* truncated sequence */
            return i;
        if (s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= n; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        i += n + 1;
    }
    return len;
}

static unsigned line_at(const char *buf, size_t off)
{
    unsigned line = 1;
    for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + off - p))) != NULL; p++)
        line++;
    return line;
}

/* Finds "<!DOCTYPE" (or "<!ENTITY") outside comments, CDATA sections and processing
 * instructions, so that no DTD ever reaches the parser. Returns its offset, or len. */
static size_t find_doctype(const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        size_t left = (size_t)(end - p);
        const char *close = NULL;
        if (left >= 4 && memcmp(p, "<!--", 4) == 0)
            close = memmem(p + 4, left - 4, "-->", 3);
        else if (left >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
            close = memmem(p + 9, left - 9, "]]>", 3);
        else if (left >= 2 && p[1] == '?')
            close = memmem(p + 2, left - 2, "?>", 2);
        else if (left >= 9 && p[1] == '!' && (strncasecmp(p, "<!DOCTYPE", 9) == 0 || strncasecmp(p, "<!ENTITY", 8) == 0))
            return (size_t)(p - buf);
        else {
            p++;
            continue;
        }
        if (!close)
            return len; /* unterminated: the parser reports it */
        p = close + 2;
    }
    return len;
}

typedef struct {
    const char *buf;
    size_t len, off;
} mem_reader_t;

static int mem_read(void *ctx, char *out, int n)
{
    mem_reader_t *m = ctx;
    size_t k = m->len - m->off;
    if (n < 0)
        return -1;
    if (k > (size_t)n)
        k = (size_t)n;
    memcpy(out, m->buf + m->off, k);
    m->off += k;
    return (int)k;
}

xmlDocPtr pl_xml_parse_file(const char *path, const char *file, pl_diags_t *d)
{
    pl_xml_init();
    char *buf = NULL;
    size_t len = 0;
    if (read_all(path, file, d, &buf, &len) != 0)
        return NULL;
    size_t bad = utf8_bad((const unsigned char *)buf, len);
    if (bad < len) {
        pl_diags_add(d, file, line_at(buf, bad), "invalid UTF-8 (byte 0x%02X at offset %zu)",
                     (unsigned char)buf[bad], bad);
        pl_free(buf);
        return NULL;
    }
    size_t dt = find_doctype(buf, len);
    if (dt < len) {
        pl_diags_add(d, file, line_at(buf, dt), "DOCTYPE not allowed: game files take no DTD and no entities");
        pl_free(buf);
        return NULL;
    }
    if (len > INT32_MAX) { /* cannot happen under the cap; xmlCtxtReadMemory takes an int */
        pl_free(buf);
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        pl_diags_add(d, file, 0, "out of memory");
        pl_free(buf);
        return NULL;
    }
    errctx_t ec = { file, d, 0 };
    ctxt->_private = &ec;
    ctxt->sax->serror = on_parse_error;
    /* NONET, no entity substitution, no DTD loading, no XInclude, no HUGE */
    int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_COMPACT | XML_PARSE_NOBLANKS;
    /* feed the checked bytes in chunks (xmlCtxtReadMemory would copy the whole file first) */
    mem_reader_t mr = { buf, len, 0 };
    uint64_t failures = pl_alloc_failures();
    xmlDocPtr doc = xmlCtxtReadIO(ctxt, mem_read, NULL, &mr, file, "UTF-8", opts);
    int wf = ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    pl_free(buf);
    if (pl_alloc_failures() != failures) {
        /* libxml2 lacked memory: whatever it made of the file (it may go on without a node or an
         * attribute, or call the rest malformed), the file was not read */
        pl_diags_add(d, file, 0, "out of memory while parsing");
        xmlFreeDoc(doc);
        return NULL;
    }
    if (doc && (doc->intSubset || doc->extSubset)) {
        pl_diags_add(d, file, 1, "DOCTYPE not allowed: game files take no DTD and no entities");
        xmlFreeDoc(doc);
        return NULL;
    }
    if (!doc || !wf || ec.errors) {
        if (!ec.errors)
            pl_diags_add(d, file, 0, "not well-formed XML");
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

/* ---- DOM helpers ---- */

int pl_xml_is(xmlNodePtr n, const char *name)
{
    /* the local name first: it fails fast; every element of a valid file is in our namespace */
    return n && n->type == XML_ELEMENT_NODE && n->name[0] == (xmlChar)name[0] &&
           strcmp((const char *)n->name, name) == 0 && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, PL_NS) == 0;
}

xmlNodePtr pl_xml_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (pl_xml_is(c, name))
            return c;
    return NULL;
}

unsigned pl_xml_line(xmlNodePtr n)
{
    long l = xmlGetLineNo(n);
    return l > 0 ? (unsigned)l : 0;
}
