/* xml.c -- hostile-input-safe reading and parsing of package files with libxml2, errors as file:line */
#include <errno.h>
#include <stdarg.h>
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
    const char *buf; /* the bytes being parsed (NULL when not known) */
    size_t len;
} errctx_t;

static unsigned line_at(const char *buf, size_t off);

/* The line of the first comment that is never closed, or 0. */
static unsigned open_comment_line(const errctx_t *ec)
{
    const char *p = ec->buf, *end = ec->buf ? ec->buf + ec->len : NULL;
    while (p && (p = memmem(p, (size_t)(end - p), "<!--", 4)) != NULL) {
        const char *close = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
        if (!close)
            return line_at(ec->buf, (size_t)(p - ec->buf));
        p = close + 3;
    }
    return 0;
}

/* Whether name is one of the elements still open (below the innermost one). */
static int open_ancestor(xmlParserCtxtPtr ctxt, const char *name)
{
    for (int i = ctxt->nameNr - 2; i >= 0; i--)
        if (ctxt->nameTab[i] && !strcmp((const char *)ctxt->nameTab[i], name))
            return 1;
    return 0;
}

static void say(errctx_t *ec, unsigned line, unsigned col, const char *focus, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void say(errctx_t *ec, unsigned line, unsigned col, const char *focus, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, PL_TR(fmt), ap); /* the catalog's formats are checked by msgfmt --check */
    va_end(ap);
    if (pl_diags_push(ec->d, PL_DIAG_ERROR, ec->file, line, focus, msg) == 0 && ec->d->n)
        ec->d->items[ec->d->n - 1].col = col;
}

/* libxml2's structured errors of a parse: the parser context's _private is our errctx_t. Only
 * the first is reported: the parser's later errors follow from it. It is worded for designers,
 * at the line that caused it (the start tag of an element that is never closed). */
static void on_parse_error(void *user, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = user;
    errctx_t *ec = ctxt ? ctxt->_private : NULL;
    if (!ec || !e || e->level == XML_ERR_WARNING)
        return;
    if (ec->errors++)
        return;
    unsigned line = (unsigned)(e->line > 0 ? e->line : 0), col = (unsigned)(e->int2 > 0 ? e->int2 : 0);
    unsigned open_line = (unsigned)(e->int1 > 0 ? e->int1 : 0);
    const char *s1 = e->str1 ? e->str1 : "", *s2 = e->str2 ? e->str2 : "";
    char focus[96];
    snprintf(focus, sizeof focus, "<%s", s1);
    switch (e->code) {
    case XML_ERR_TAG_NAME_MISMATCH:
        if (open_ancestor(ctxt, s2)) {
            say(ec, open_line, 0, focus, "<%s> is never closed: line %u closes <%s> around it first", s1, line, s2);
        } else {
            const char *cand[1] = { s1 };
            snprintf(focus, sizeof focus, "</%s", s2);
            if (pl_suggest(s2, cand, 1))
                say(ec, line, col, focus, "</%s> does not close <%s> opened on line %u (did you mean </%s>?)", s2, s1,
                    open_line, s1);
            else
                say(ec, line, col, focus, "</%s> does not close <%s> opened on line %u", s2, s1, open_line);
        }
        break;
    case XML_ERR_TAG_NOT_FINISHED:
        say(ec, open_line, 0, focus, "<%s> is never closed: the file ends first", s1);
        break;
    case XML_ERR_GT_REQUIRED:
        say(ec, open_line ? open_line : line, 0, focus, "the start tag <%s> is not finished: a '>' is missing", s1);
        break;
    case XML_ERR_NAME_REQUIRED:
        if (e->message && strstr(e->message, "EntityRef"))
            say(ec, line, col, NULL, "a '&' must be written &amp; (or be the start of &lt; &gt; &amp; &quot; &apos;)");
        else
            say(ec, line, col, NULL, "a '<' that does not start a tag: write &lt; in a text");
        break;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        say(ec, line, col, NULL, "a '&' must be written &amp; (an entity ends with ';')");
        break;
    case XML_ERR_UNDECLARED_ENTITY:
        say(ec, line, col, NULL, "&%s; is not known: write the character itself (the files are UTF-8); only &lt; &gt; "
            "&amp; &quot; &apos; are known", s1);
        break;
    case XML_ERR_LT_IN_ATTRIBUTE:
        say(ec, line, col, NULL, "a '<' inside an attribute value: a closing quote is probably missing");
        break;
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
        say(ec, line, col, NULL, "an attribute value must be in quotes: name=\"value\"");
        break;
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_STRING_NOT_CLOSED:
        say(ec, line, col, NULL, "an attribute value is not closed: a quote is missing");
        break;
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
        snprintf(focus, sizeof focus, "%s", s1);
        say(ec, line, col, focus, "the attribute %s has no value: write %s=\"...\"", s1, s1);
        break;
    case XML_ERR_ATTRIBUTE_REDEFINED:
        snprintf(focus, sizeof focus, "%s=", s1);
        say(ec, line, col, focus, "the attribute %s is written twice in the same tag", s1);
        break;
    case XML_ERR_SPACE_REQUIRED:
        say(ec, line, col, NULL, "the attributes of this tag cannot be read: a quote or a space between two of them is missing");
        break;
    case XML_ERR_COMMENT_NOT_FINISHED: {
        unsigned at = open_comment_line(ec);
        say(ec, at ? at : line, at ? 0 : col, "<!--", "a comment is not closed: '-->' is missing");
        break;
    }
    case XML_ERR_DOCUMENT_END:
        say(ec, line, col, NULL, "there is something after the end of the root element");
        break;
    case XML_ERR_DOCUMENT_EMPTY:
        say(ec, line, col, NULL, "the file is empty");
        break;
    default: {
        char m[512];
        snprintf(m, sizeof m, "%s", e->message ? e->message : "?");
        size_t n = strlen(m);
        while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
            m[--n] = '\0';
        say(ec, line, col, NULL, "not well-formed XML: %s", m);
    }
    }
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
    errctx_t ec = { file, d, 0, buf, len };
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

xmlDocPtr pl_xml_parse_recover(const char *path)
{
    pl_xml_init();
    pl_diags_t quiet;
    pl_diags_init(&quiet);
    char *buf = NULL;
    size_t len = 0;
    xmlDocPtr doc = NULL;
    if (read_all(path, path, &quiet, &buf, &len) == 0 && utf8_bad((const unsigned char *)buf, len) == len &&
        find_doctype(buf, len) == len && len <= INT32_MAX) {
        xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
        if (ctxt) {
            errctx_t ec = { path, &quiet, 1, NULL, 0 }; /* errors counted, never reported */
            ctxt->_private = &ec;
            ctxt->sax->serror = on_parse_error;
            int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_COMPACT |
                       XML_PARSE_NOBLANKS | XML_PARSE_RECOVER;
            mem_reader_t mr = { buf, len, 0 };
            doc = xmlCtxtReadIO(ctxt, mem_read, NULL, &mr, path, "UTF-8", opts);
            xmlFreeParserCtxt(ctxt);
            if (doc && (doc->intSubset || doc->extSubset)) {
                xmlFreeDoc(doc);
                doc = NULL;
            }
        }
    }
    free(buf);
    pl_diags_free(&quiet);
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
