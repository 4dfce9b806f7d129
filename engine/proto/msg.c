/* msg.c -- parsing payloads, building frames, replies and errors, moves and events as JSON */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proto/frame.h"
#include "proto/msg.h"
#include "pl_alloc.h"

/* jansson allocates through the one hook of the engine (pl_alloc.h), from the program's start. */
__attribute__((constructor)) static void proto_alloc_setup(void)
{
    json_set_alloc_funcs(pl_malloc, pl_free);
}

json_t *proto_parse(const void *payload, size_t len, const char **code, char *err, size_t errlen)
{
    json_error_t je;
    *code = PROTO_E_MALFORMED_JSON;
    uint64_t failures = pl_alloc_failures();
    json_t *o = json_loadb(payload, len, JSON_REJECT_DUPLICATES, &je);
    /* jansson 2.14 reports some failed allocations as syntax errors, and its lexer drops a
     * character it could not store (a string then reads shorter): whatever it returned, a
     * failed allocation during the parse refuses the message */
    if (pl_alloc_failures() != failures || (!o && json_error_code(&je) == json_error_out_of_memory)) {
        json_decref(o);
        *code = PROTO_E_INTERNAL;
        snprintf(err, errlen, "out of memory while reading a message");
        return NULL;
    }
    if (!o) {
        snprintf(err, errlen, "malformed JSON at byte %d: %s", je.position, je.text);
        return NULL;
    }
    if (!json_is_object(o) || !json_is_string(json_object_get(o, "type"))) {
        snprintf(err, errlen, "a message must be a JSON object with a string \"type\"");
        json_decref(o);
        return NULL;
    }
    *code = NULL;
    return o;
}

/* Whether s is valid UTF-8 (json_string() refuses what is not; NULL from it otherwise means no memory). */
static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0)
            return 0;
        for (int k = 1; k <= n; k++)
            if ((p[k] & 0xC0) != 0x80)
                return 0;
        p += n + 1;
    }
    return 1;
}

typedef struct {
    uint8_t *buf;
    size_t len, cap, max;
} sink_t;

static int sink(const char *data, size_t n, void *arg)
{
    sink_t *k = arg;
    if (k->len + n > k->max + PROTO_HEADER)
        return -1;
    if (k->len + n > k->cap) {
        size_t cap = k->cap * 2;
        while (cap < k->len + n)
            cap *= 2;
        uint8_t *nb = pl_realloc(k->buf, cap);
        if (!nb)
            return -1;
        k->buf = nb;
        k->cap = cap;
    }
    memcpy(k->buf + k->len, data, n);
    k->len += n;
    return 0;
}

uint8_t *proto_frame(const json_t *msg, size_t max, size_t *outlen)
{
    uint64_t failures = pl_alloc_failures();
    sink_t k = { pl_malloc(512), PROTO_HEADER, 512, max };
    if (!k.buf)
        return NULL;
    if (json_dump_callback(msg, sink, &k, JSON_COMPACT) != 0 || k.len == PROTO_HEADER ||
        pl_alloc_failures() != failures) { /* as in proto_parse: no text from a dump that lacked memory */
        pl_free(k.buf);
        return NULL;
    }
    proto_put_header(k.buf, (uint32_t)(k.len - PROTO_HEADER));
    *outlen = k.len;
    return k.buf;
}

json_t *proto_msg(const char *type, json_int_t re)
{
    json_t *o = json_object();
    if (!o || json_object_set_new(o, "type", json_string(type)) != 0 ||
        (re >= 0 && json_object_set_new(o, "re", json_integer(re)) != 0)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *proto_error(json_int_t re, const char *code, const char *message)
{
    json_t *o = proto_msg("error", re);
    if (!o)
        return NULL;
    /* messages are built from our own text, but keep them valid UTF-8 whatever happens */
    json_t *m = json_string(message);
    if (!m && !utf8_ok(message))
        m = json_string("?");
    if (!m || json_object_set_new(o, "code", json_string(code)) != 0) { /* out of memory */
        json_decref(m);
        json_decref(o);
        return NULL;
    }
    if (json_object_set_new(o, "message", m) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_int_t proto_request_id(const json_t *msg)
{
    json_t *id = json_object_get(msg, "id");
    if (!json_is_integer(id) || json_integer_value(id) < 0)
        return -1;
    return json_integer_value(id);
}

const char *proto_type(const json_t *msg)
{
    const char *t = json_string_value(json_object_get(msg, "type"));
    return t ? t : "";
}

json_t *proto_move_encode(const pl_move_t *mv)
{
    const char *name = pl_move_name(mv->type);
    return json_pack("{s:s,s:i,s:i}", "type", name ? name : "?", "seat", (int)mv->seat,
                     "arg", (int)mv->arg);
}

static int get_int(const json_t *j, const char *key, long lo, long hi, long *out)
{
    json_t *v = json_object_get(j, key);
    if (!v) {
        *out = 0;
        return 1;
    }
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
        return 0;
    *out = (long)json_integer_value(v);
    return 1;
}

int proto_move_decode(const json_t *j, pl_move_t *mv, char *err, size_t errlen)
{
    long seat, arg;
    const char *t = json_string_value(json_object_get(j, "type"));
    int type = t ? pl_move_from_name(t) : -1;
    if (!json_is_object(j) || type < 0) {
        snprintf(err, errlen, "a move needs a \"type\": play, roll, choose, vote or timeout");
        return 0;
    }
    if (!get_int(j, "seat", 0, 255, &seat) || !get_int(j, "arg", 0, 65535, &arg)) {
        snprintf(err, errlen, "move \"seat\" must be 0-255 and \"arg\" 0-65535");
        return 0;
    }
    mv->type = (uint8_t)type;
    mv->seat = (uint8_t)seat;
    mv->arg = (uint16_t)arg;
    return 1;
}

json_t *proto_event_encode(const pl_event_t *ev)
{
    const char *name = pl_event_name(ev->type);
    return json_pack("[s,i,i,i,i,i]", name ? name : "?", (int)ev->seat, (int)ev->card,
                     (int)ev->a, (int)ev->b, (int)ev->c);
}

int proto_event_decode(const json_t *j, pl_event_t *ev, char *err, size_t errlen)
{
    const char *name;
    json_int_t seat, card, a, b, c;
    if (json_unpack((json_t *)j, "[sIIIII!]", &name, &seat, &card, &a, &b, &c) != 0 ||
        seat < 0 || seat > 255 || card < 0 || card > 65535 || a < INT32_MIN || a > INT32_MAX ||
        b < INT32_MIN || b > INT32_MAX || c < INT32_MIN || c > INT32_MAX) {
        snprintf(err, errlen, "an event is [name, seat, card, a, b, c]");
        return 0;
    }
    int type = 0;
    for (int t = 1; t < PL_EV__COUNT; t++) {
        const char *n = pl_event_name(t);
        if (n && strcmp(n, name) == 0) {
            type = t;
            break;
        }
    }
    if (!type) {
        snprintf(err, errlen, "unknown event '%.40s'", name);
        return 0;
    }
    memset(ev, 0, sizeof *ev);
    ev->type = (uint8_t)type;
    ev->seat = (uint8_t)seat;
    ev->card = (uint16_t)card;
    ev->a = (int32_t)a;
    ev->b = (int32_t)b;
    ev->c = (int32_t)c;
    return 1;
}

/* Decimal digits of v at the end of buf; returns where they start. */
static char *digits(int64_t v, char *end)
{
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--end = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--end = '-';
    return end;
}

size_t proto_event_text(const pl_event_t *ev, char *buf, size_t cap)
{
    const char *name = pl_event_name(ev->type);
    size_t n = 0, nl;
    int64_t v[5] = { ev->seat, ev->card, ev->a, ev->b, ev->c };
    if (!name)
        name = "?";
    nl = strlen(name);
    if (cap < nl + 5 * 12 + 8)
        return 0;
    buf[n++] = '[';
    buf[n++] = '"';
    memcpy(buf + n, name, nl); /* event names are plain ASCII words */
    n += nl;
    buf[n++] = '"';
    for (int i = 0; i < 5; i++) {
        char tmp[24], *d = digits(v[i], tmp + sizeof tmp);
        buf[n++] = ',';
        memcpy(buf + n, d, (size_t)(tmp + sizeof tmp - d));
        n += (size_t)(tmp + sizeof tmp - d);
    }
    buf[n++] = ']';
    return n;
}
