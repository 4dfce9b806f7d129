/* view.c -- field-by-field JSON encoding of pl_state_t, driven by a table of field descriptors */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proto/view.h"
#include "proto/view_fields.h"
#include "pl_alloc.h"

#define SC(T, f, k) { #f, offsetof(T, f), k, 1, sizeof(((T *)0)->f), NULL, 0 }
#define AR(T, f, k) { #f, offsetof(T, f), k, sizeof(((T *)0)->f) / sizeof(((T *)0)->f[0]), \
                      sizeof(((T *)0)->f[0]), NULL, 0 }
#define ST(T, f, s) { #f, offsetof(T, f), K_STRUCT, sizeof(((T *)0)->f) / sizeof(((T *)0)->f[0]), \
                      sizeof(((T *)0)->f[0]), s, sizeof(s) / sizeof(s[0]) }
#define ST1(T, f, s) { #f, offsetof(T, f), K_STRUCT, 1, sizeof(((T *)0)->f), s, sizeof(s) / sizeof(s[0]) }

static const fdesc_t seat_f[] = {
    AR(pl_seat_t, counter, K_I32), AR(pl_seat_t, token, K_U8), SC(pl_seat_t, pos, K_U8),
    SC(pl_seat_t, skip, K_U8), SC(pl_seat_t, finished, K_U8), SC(pl_seat_t, hand_n, K_U8),
    SC(pl_seat_t, finish_round, K_U16), SC(pl_seat_t, setup_card, K_U16),
    AR(pl_seat_t, hand, K_U16), SC(pl_seat_t, plays, K_U16),
};
static const fdesc_t played_f[] = {
    SC(pl_played_t, card, K_U16), SC(pl_played_t, seat, K_U8), SC(pl_played_t, phase, K_U8),
    SC(pl_played_t, round, K_U16),
};
static const fdesc_t vote_f[] = {
    SC(pl_vote_rec_t, card, K_U16), SC(pl_vote_rec_t, initiator, K_U8),
    SC(pl_vote_rec_t, winner, K_U8), SC(pl_vote_rec_t, round, K_U16),
    SC(pl_vote_rec_t, n_options, K_U8), AR(pl_vote_rec_t, ballot, K_U8),
};
static const fdesc_t delayed_f[] = {
    SC(pl_delayed_t, seat, K_U8), SC(pl_delayed_t, turns, K_U8), SC(pl_delayed_t, card, K_U16),
    { "first", offsetof(pl_delayed_t, effects.first), K_U32, 1, 4, NULL, 0 },
    { "count", offsetof(pl_delayed_t, effects.count), K_U32, 1, 4, NULL, 0 },
};
static const fdesc_t frame_f[] = {
    SC(pl_frame_t, next, K_U32), SC(pl_frame_t, end, K_U32), SC(pl_frame_t, actor, K_U8),
    SC(pl_frame_t, depth, K_U8), SC(pl_frame_t, card, K_U16), SC(pl_frame_t, flags, K_U8),
};
static const fdesc_t pending_f[] = {
    SC(pl_pending_t, n_options, K_U8), SC(pl_pending_t, actor, K_U8),
    SC(pl_pending_t, card, K_U16), SC(pl_pending_t, effect, K_U32),
    SC(pl_pending_t, voters, K_U8), SC(pl_pending_t, answered, K_U8),
    SC(pl_pending_t, steps_left, K_U8), SC(pl_pending_t, depth, K_U8),
    AR(pl_pending_t, ballot, K_U8), AR(pl_pending_t, option_card, K_U16),
};

/* The top-level keys, in the order they are sent. */
const fdesc_t proto_state_fields[] = {
    SC(pl_state_t, n_seats, K_U8), SC(pl_state_t, current, K_U8), SC(pl_state_t, wait, K_U8),
    SC(pl_state_t, rolled, K_U8), SC(pl_state_t, played, K_U8), SC(pl_state_t, viewer, K_U8),
    SC(pl_state_t, n_dice, K_U8), SC(pl_state_t, paused, K_U8), AR(pl_state_t, dice, K_U8),
    SC(pl_state_t, round, K_U16),
    SC(pl_state_t, seq, K_U32), SC(pl_state_t, turns, K_U32), AR(pl_state_t, rng, K_U64),
    AR(pl_state_t, table_counter, K_I32), ST(pl_state_t, seat, seat_f),
    SC(pl_state_t, n_cards, K_U16), AR(pl_state_t, draw_n, K_U16), AR(pl_state_t, order, K_U16),
    AR(pl_state_t, where, K_U8), ST1(pl_state_t, pending, pending_f),
    SC(pl_state_t, n_stack, K_U8), ST(pl_state_t, stack, frame_f),
    SC(pl_state_t, n_delayed, K_U8), ST(pl_state_t, delayed, delayed_f),
    SC(pl_state_t, n_played, K_U16), ST(pl_state_t, played_log, played_f),
    SC(pl_state_t, n_votes, K_U16), ST(pl_state_t, vote_log, vote_f),
    AR(pl_state_t, score, K_I32), SC(pl_state_t, winners, K_U8),
};
const size_t proto_n_state_fields = sizeof proto_state_fields / sizeof proto_state_fields[0];
#define state_f proto_state_fields
#define N_STATE_F proto_n_state_fields

void proto_hex64(uint64_t v, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--, v >>= 4)
        out[i] = hex[v & 15];
    out[16] = 0;
}

int proto_parse_hex64(const char *s, uint64_t *v)
{
    uint64_t x = 0;
    int i;
    for (i = 0; s[i]; i++) {
        int c = s[i], d;
        if (i >= 16)
            return 0;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return 0;
        x = (x << 4) | (uint64_t)d;
    }
    if (i == 0)
        return 0;
    *v = x;
    return 1;
}

static const uint8_t zeros[256];

static int is_zero(const uint8_t *p, size_t n)
{
    switch (n) {
    case 1: return p[0] == 0;
    case 2: return (p[0] | p[1]) == 0;
    default: return n <= sizeof zeros ? memcmp(p, zeros, n) == 0 : 0;
    }
}

static int differ(const uint8_t *a, const uint8_t *b, size_t n)
{
    switch (n) {
    case 1: return a[0] != b[0];
    case 2: return a[0] != b[0] || a[1] != b[1];
    default: return memcmp(a, b, n) != 0;
    }
}

static json_t *enc_scalar(const uint8_t *p, int kind)
{
    switch (kind) {
    case K_U8: return json_integer(*p);
    case K_U16: { uint16_t v; memcpy(&v, p, 2); return json_integer(v); }
    case K_U32: { uint32_t v; memcpy(&v, p, 4); return json_integer(v); }
    case K_I32: { int32_t v; memcpy(&v, p, 4); return json_integer(v); }
    default: { uint64_t v; char h[17]; memcpy(&v, p, 8); proto_hex64(v, h); return json_string(h); }
    }
}

static json_t *enc_field(const uint8_t *base, const fdesc_t *f);

static json_t *enc_elem(const uint8_t *p, const fdesc_t *f)
{
    if (f->kind != K_STRUCT)
        return enc_scalar(p, f->kind);
    json_t *t = json_array();
    for (size_t i = 0; t && i < f->n_sub; i++)
        if (json_array_append_new(t, enc_field(p, &f->sub[i])) != 0) {
            json_decref(t);
            return NULL;
        }
    return t;
}

static json_t *enc_field(const uint8_t *base, const fdesc_t *f)
{
    const uint8_t *p = base + f->off;
    if (f->count == 1)
        return enc_elem(p, f);
    size_t n = f->count;
    while (n > 0 && is_zero(p + (n - 1) * f->stride, f->stride))
        n--;
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        if (json_array_append_new(a, enc_elem(p + i * f->stride, f)) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

/* Elements of an array field up to its last non-zero one (scans 8 bytes at a time). */
static size_t trimmed(const uint8_t *p, const fdesc_t *f)
{
    size_t n = f->count * f->stride;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p + n - 8, 8);
        if (w)
            break;
        n -= 8;
    }
    while (n > 0 && p[n - 1] == 0)
        n--;
    return (n + f->stride - 1) / f->stride;
}

/* An array field that changed in a few places: {"len": L, "set": [[index, element]...]}, or NULL
 * when sending the whole array is as short (or, with *oom set, when out of memory). */
static json_t *enc_patch(const uint8_t *a, const uint8_t *b, const fdesc_t *f, int *oom)
{
    const uint8_t *pa = a + f->off, *pb = b + f->off;
    size_t lc = trimmed(pb, f), changed = 0;
    for (size_t i = 0; i < lc; i++)
        changed += (size_t)differ(pa + i * f->stride, pb + i * f->stride, f->stride);
    if (changed * 2 + 1 >= lc)
        return NULL;
    json_t *set = json_array(), *o = json_object();
    if (!set || !o)
        goto oom;
    for (size_t i = 0; i < lc; i++)
        if (differ(pa + i * f->stride, pb + i * f->stride, f->stride)) {
            json_t *pair = json_array(), *el = enc_elem(pb + i * f->stride, f);
            if (!pair || !el || json_array_append_new(pair, json_integer((json_int_t)i)) != 0) {
                json_decref(pair);
                json_decref(el);
                goto oom;
            }
            if (json_array_append_new(pair, el) != 0) { /* el is released on failure */
                json_decref(pair);
                goto oom;
            }
            if (json_array_append_new(set, pair) != 0)
                goto oom;
        }
    if (json_object_set_new(o, "len", json_integer((json_int_t)lc)) != 0)
        goto oom;
    if (json_object_set_new(o, "set", set) != 0) {
        set = NULL; /* released by jansson */
        goto oom;
    }
    return o;
oom:
    json_decref(set);
    json_decref(o);
    *oom = 1;
    return NULL;
}

json_t *proto_view_diff(const pl_state_t *prev, const pl_state_t *cur)
{
    json_t *o = json_object();
    const uint8_t *a = (const uint8_t *)prev, *b = (const uint8_t *)cur;
    for (size_t i = 0; o && i < N_STATE_F; i++) {
        const fdesc_t *f = &state_f[i];
        size_t sz = f->count * f->stride;
        int oom = 0;
        if (prev && memcmp(a + f->off, b + f->off, sz) == 0)
            continue;
        json_t *v = prev && f->count > 1 ? enc_patch(a, b, f, &oom) : NULL;
        if (!v && !oom)
            v = enc_field(b, f);
        if (!v || json_object_set_new(o, f->name, v) != 0) {
            json_decref(o);
            return NULL;
        }
    }
    return o;
}

json_t *proto_view_encode(const pl_state_t *st)
{
    return proto_view_diff(NULL, st);
}

/* ---- the same encoding written straight to text (the server's hot path: no JSON tree) ---- */

typedef struct {
    char *p;
    size_t len, cap;
    int oom;
} tbuf_t;

/* Grow t to hold n more bytes and a terminating zero; 0 when out of memory. */
static int tgrow(tbuf_t *t, size_t n)
{
    if (t->oom)
        return 0;
    size_t cap = t->cap ? t->cap : 1024;
    while (cap < t->len + n + 1)
        cap *= 2;
    char *np = pl_realloc(t->p, cap);
    if (!np) {
        t->oom = 1;
        return 0;
    }
    t->p = np;
    t->cap = cap;
    return 1;
}

static inline void tput(tbuf_t *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap && !tgrow(t, n))
        return;
    memcpy(t->p + t->len, s, n);
    t->len += n;
}

static inline void tch(tbuf_t *t, char c)
{
    if (t->len + 2 > t->cap && !tgrow(t, 1))
        return;
    t->p[t->len++] = c;
}

static void tint(tbuf_t *t, int64_t v)
{
    char b[24], *e = b + sizeof b, *q = e;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--q = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--q = '-';
    tput(t, q, (size_t)(e - q));
}

static void text_scalar(tbuf_t *t, const uint8_t *p, int kind)
{
    switch (kind) {
    case K_U8: tint(t, *p); return;
    case K_U16: { uint16_t v; memcpy(&v, p, 2); tint(t, v); return; }
    case K_U32: { uint32_t v; memcpy(&v, p, 4); tint(t, v); return; }
    case K_I32: { int32_t v; memcpy(&v, p, 4); tint(t, v); return; }
    default: { uint64_t v; char h[17]; memcpy(&v, p, 8); proto_hex64(v, h); tch(t, '"'); tput(t, h, 16); tch(t, '"'); }
    }
}

static void text_field(tbuf_t *t, const uint8_t *base, const fdesc_t *f);

static void text_elem(tbuf_t *t, const uint8_t *p, const fdesc_t *f)
{
    if (f->kind != K_STRUCT) {
        text_scalar(t, p, f->kind);
        return;
    }
    tch(t, '[');
    for (size_t i = 0; i < f->n_sub; i++) {
        if (i)
            tch(t, ',');
        text_field(t, p, &f->sub[i]);
    }
    tch(t, ']');
}

static void text_field(tbuf_t *t, const uint8_t *base, const fdesc_t *f)
{
    const uint8_t *p = base + f->off;
    if (f->count == 1) {
        text_elem(t, p, f);
        return;
    }
    size_t n = trimmed(p, f);
    tch(t, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            tch(t, ',');
        text_elem(t, p + i * f->stride, f);
    }
    tch(t, ']');
}

static int text_patch(tbuf_t *t, const uint8_t *a, const uint8_t *b, const fdesc_t *f)
{
    const uint8_t *pa = a + f->off, *pb = b + f->off;
    size_t lc = trimmed(pb, f), changed = 0;
    for (size_t i = 0; i < lc; i++)
        changed += (size_t)differ(pa + i * f->stride, pb + i * f->stride, f->stride);
    if (changed * 2 + 1 >= lc)
        return 0;
    tput(t, "{\"len\":", 7);
    tint(t, (int64_t)lc);
    tput(t, ",\"set\":[", 8);
    int first = 1;
    for (size_t i = 0; i < lc; i++)
        if (differ(pa + i * f->stride, pb + i * f->stride, f->stride)) {
            tput(t, first ? "[" : ",[", first ? 1 : 2);
            first = 0;
            tint(t, (int64_t)i);
            tch(t, ',');
            text_elem(t, pb + i * f->stride, f);
            tch(t, ']');
        }
    tput(t, "]}", 2);
    return 1;
}

char *proto_view_diff_text(const pl_state_t *prev, const pl_state_t *cur, size_t *len)
{
    tbuf_t t = { NULL, 0, 0, 0 };
    const uint8_t *a = (const uint8_t *)prev, *b = (const uint8_t *)cur;
    int first = 1;
    tch(&t, '{');
    for (size_t i = 0; i < N_STATE_F; i++) {
        const fdesc_t *f = &state_f[i];
        if (prev && memcmp(a + f->off, b + f->off, f->count * f->stride) == 0)
            continue;
        if (!first)
            tch(&t, ',');
        first = 0;
        tch(&t, '"');
        tput(&t, f->name, strlen(f->name));
        tput(&t, "\":", 2);
        if (!(prev && f->count > 1 && text_patch(&t, a, b, f)))
            text_field(&t, b, f);
    }
    tch(&t, '}');
    if (t.oom) {
        pl_free(t.p);
        return NULL;
    }
    t.p[t.len] = 0;
    *len = t.len;
    return t.p;
}

/* ---- decoding ---- */

typedef struct {
    char *err;
    size_t len;
} ectx_t;

static int fail(ectx_t *e, const char *what, const char *name)
{
    snprintf(e->err, e->len, "view field '%s': %s", name, what);
    return 0;
}

static int dec_scalar(uint8_t *p, int kind, const json_t *v, ectx_t *e, const char *name)
{
    if (kind == K_U64) {
        uint64_t x;
        if (!json_is_string(v) || !proto_parse_hex64(json_string_value(v), &x))
            return fail(e, "expected 16 hex digits", name);
        memcpy(p, &x, 8);
        return 1;
    }
    if (!json_is_integer(v))
        return fail(e, "expected an integer", name);
    json_int_t x = json_integer_value(v);
    switch (kind) {
    case K_U8:
        if (x < 0 || x > UINT8_MAX) return fail(e, "out of range", name);
        *p = (uint8_t)x;
        return 1;
    case K_U16: {
        if (x < 0 || x > UINT16_MAX) return fail(e, "out of range", name);
        uint16_t y = (uint16_t)x;
        memcpy(p, &y, 2);
        return 1;
    }
    case K_U32: {
        if (x < 0 || x > (json_int_t)UINT32_MAX) return fail(e, "out of range", name);
        uint32_t y = (uint32_t)x;
        memcpy(p, &y, 4);
        return 1;
    }
    default: {
        if (x < INT32_MIN || x > INT32_MAX) return fail(e, "out of range", name);
        int32_t y = (int32_t)x;
        memcpy(p, &y, 4);
        return 1;
    }
    }
}

static int dec_field(uint8_t *base, const fdesc_t *f, const json_t *v, ectx_t *e);

static int dec_elem(uint8_t *p, const fdesc_t *f, const json_t *v, ectx_t *e)
{
    if (f->kind != K_STRUCT)
        return dec_scalar(p, f->kind, v, e, f->name);
    if (!json_is_array(v) || json_array_size(v) != f->n_sub)
        return fail(e, "expected a tuple of the documented length", f->name);
    for (size_t i = 0; i < f->n_sub; i++)
        if (!dec_field(p, &f->sub[i], json_array_get(v, i), e))
            return 0;
    return 1;
}

static int dec_field(uint8_t *base, const fdesc_t *f, const json_t *v, ectx_t *e)
{
    uint8_t *p = base + f->off;
    if (f->count > 1 && json_is_object(v)) { /* a patch: {"len": L, "set": [[i, element]...]} */
        json_t *len = json_object_get(v, "len"), *set = json_object_get(v, "set");
        if (!json_is_integer(len) || json_integer_value(len) < 0 ||
            (size_t)json_integer_value(len) > f->count || !json_is_array(set) || json_object_size(v) != 2)
            return fail(e, "a patch is {\"len\": n, \"set\": [[index, value]...]}", f->name);
        size_t l = (size_t)json_integer_value(len);
        memset(p + l * f->stride, 0, (f->count - l) * f->stride);
        for (size_t i = 0; i < json_array_size(set); i++) {
            json_t *pair = json_array_get(set, i), *ix = json_array_get(pair, 0);
            if (!json_is_array(pair) || json_array_size(pair) != 2 || !json_is_integer(ix) ||
                json_integer_value(ix) < 0 || (size_t)json_integer_value(ix) >= l)
                return fail(e, "a patch entry is [index below len, value]", f->name);
            if (!dec_elem(p + (size_t)json_integer_value(ix) * f->stride, f, json_array_get(pair, 1), e))
                return 0;
        }
        return 1;
    }
    memset(p, 0, f->count * f->stride);
    if (f->count == 1)
        return dec_elem(p, f, v, e);
    if (!json_is_array(v))
        return fail(e, "expected an array", f->name);
    if (json_array_size(v) > f->count)
        return fail(e, "array too long", f->name);
    for (size_t i = 0; i < json_array_size(v); i++)
        if (!dec_elem(p + i * f->stride, f, json_array_get(v, i), e))
            return 0;
    return 1;
}

int proto_view_apply(pl_state_t *st, const json_t *obj, char *err, size_t errlen)
{
    ectx_t e = { err, errlen };
    const char *key;
    json_t *v;
    if (!json_is_object(obj))
        return fail(&e, "expected an object", "view");
    json_object_foreach((json_t *)obj, key, v) {
        size_t i;
        for (i = 0; i < N_STATE_F; i++)
            if (strcmp(state_f[i].name, key) == 0)
                break;
        if (i == N_STATE_F)
            return fail(&e, "unknown key", key);
        if (!dec_field((uint8_t *)st, &state_f[i], v, &e))
            return 0;
    }
    return 1;
}

int proto_view_decode(pl_state_t *st, const json_t *obj, char *err, size_t errlen)
{
    memset(st, 0, sizeof *st);
    return proto_view_apply(st, obj, err, errlen);
}
