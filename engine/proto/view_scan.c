/* view_scan.c -- a view or diff applied straight from its JSON text (no tree): the clients' hot path */
#include <string.h>
#include "proto/view.h"
#include "proto/view_fields.h"

static int scan_field(proto_scan_t *s, uint8_t *base, const fdesc_t *f);

static int scan_scalar(proto_scan_t *s, uint8_t *p, int kind)
{
    int64_t x;
    if (kind == K_U64) {
        const char *h;
        size_t n;
        char z[17];
        uint64_t v;
        if (!proto_scan_str(s, &h, &n) || n == 0 || n > 16)
            return 0;
        memcpy(z, h, n);
        z[n] = 0;
        if (!proto_parse_hex64(z, &v))
            return 0;
        memcpy(p, &v, 8);
        return 1;
    }
    if (!proto_scan_int(s, &x))
        return 0;
    switch (kind) {
    case K_U8:
        if (x < 0 || x > UINT8_MAX)
            return 0;
        *p = (uint8_t)x;
        return 1;
    case K_U16: {
        if (x < 0 || x > UINT16_MAX)
            return 0;
        uint16_t y = (uint16_t)x;
        memcpy(p, &y, 2);
        return 1;
    }
    case K_U32: {
        if (x < 0 || x > (int64_t)UINT32_MAX)
            return 0;
        uint32_t y = (uint32_t)x;
        memcpy(p, &y, 4);
        return 1;
    }
    default: {
        if (x < INT32_MIN || x > INT32_MAX)
            return 0;
        int32_t y = (int32_t)x;
        memcpy(p, &y, 4);
        return 1;
    }
    }
}

static int scan_elem(proto_scan_t *s, uint8_t *p, const fdesc_t *f)
{
    if (f->kind != K_STRUCT)
        return scan_scalar(s, p, f->kind);
    if (!proto_scan_char(s, '['))
        return 0;
    for (size_t i = 0; i < f->n_sub; i++)
        if ((i && !proto_scan_char(s, ',')) || !scan_field(s, p, &f->sub[i]))
            return 0;
    return proto_scan_char(s, ']');
}

/* {"len": L, "set": [[i, element]...]}, keys in either order, each once */
static int scan_patch(proto_scan_t *s, uint8_t *p, const fdesc_t *f)
{
    const char *k;
    size_t n;
    int64_t len = -1;
    const char *set_at = NULL;
    for (int i = 0; i < 2; i++) {
        if ((i && !proto_scan_char(s, ',')) || !proto_scan_str(s, &k, &n) || !proto_scan_char(s, ':'))
            return 0;
        if (proto_scan_is(k, n, "len") && len < 0) {
            if (!proto_scan_int(s, &len) || len < 0 || (size_t)len > f->count)
                return 0;
        } else if (proto_scan_is(k, n, "set") && !set_at) {
            set_at = s->p;
            if (!proto_scan_skip(s))
                return 0;
        } else {
            return 0;
        }
    }
    if (!proto_scan_char(s, '}'))
        return 0;
    const char *after = s->p;
    size_t l = (size_t)len;
    memset(p + l * f->stride, 0, (f->count - l) * f->stride);
    s->p = set_at;
    if (!proto_scan_char(s, '['))
        return 0;
    if (!proto_scan_char(s, ']')) {
        do {
            int64_t ix;
            if (!proto_scan_char(s, '[') || !proto_scan_int(s, &ix) || ix < 0 || (size_t)ix >= l ||
                !proto_scan_char(s, ',') || !scan_elem(s, p + (size_t)ix * f->stride, f) || !proto_scan_char(s, ']'))
                return 0;
        } while (proto_scan_char(s, ','));
        if (!proto_scan_char(s, ']'))
            return 0;
    }
    s->p = after;
    return 1;
}

static int scan_field(proto_scan_t *s, uint8_t *base, const fdesc_t *f)
{
    uint8_t *p = base + f->off;
    if (f->count > 1 && proto_scan_char(s, '{'))
        return scan_patch(s, p, f);
    memset(p, 0, f->count * f->stride);
    if (f->count == 1)
        return scan_elem(s, p, f);
    if (!proto_scan_char(s, '['))
        return 0;
    if (proto_scan_char(s, ']'))
        return 1;
    size_t i = 0;
    do {
        if (i >= f->count || !scan_elem(s, p + i * f->stride, f))
            return 0;
        i++;
    } while (proto_scan_char(s, ','));
    return proto_scan_char(s, ']');
}

void proto_undo_init(proto_undo_t *u)
{
    u->used = u->n = 0;
}

int proto_undo_save(proto_undo_t *u, const pl_state_t *st, size_t off, size_t len)
{
    if (u->n == sizeof u->part / sizeof u->part[0] || len > sizeof u->bytes - u->used ||
        off + len > sizeof *st)
        return 0;
    memcpy(u->bytes + u->used, (const uint8_t *)st + off, len);
    u->part[u->n].off = (uint32_t)off;
    u->part[u->n].len = (uint32_t)len;
    u->n++;
    u->used += len;
    return 1;
}

void proto_undo_restore(const proto_undo_t *u, pl_state_t *st)
{
    size_t at = u->used;
    for (size_t i = u->n; i-- > 0;) { /* newest first: an older save of the same bytes wins */
        at -= u->part[i].len;
        memcpy((uint8_t *)st + u->part[i].off, u->bytes + at, u->part[i].len);
    }
}

static size_t find_field(const char *k, size_t n)
{
    size_t i;
    for (i = 0; i < proto_n_state_fields; i++) /* the first letter rules out most names cheaply */
        if (n && proto_state_fields[i].name[0] == k[0] && proto_scan_is(k, n, proto_state_fields[i].name))
            break;
    return i;
}

int proto_view_apply_scan_undo(pl_state_t *st, proto_scan_t *s, proto_undo_t *u)
{
    uint64_t seen = 0;
    if (!proto_scan_char(s, '{'))
        return 0;
    if (proto_scan_char(s, '}'))
        return 1;
    do {
        const char *k;
        size_t n, i;
        if (!proto_scan_str(s, &k, &n) || !proto_scan_char(s, ':'))
            return 0;
        i = find_field(k, n);
        if (i == proto_n_state_fields || i >= 64 || (seen >> i) & 1)
            return 0;
        seen |= 1ull << i;
        const fdesc_t *f = &proto_state_fields[i];
        if (u && !proto_undo_save(u, st, f->off, f->count * f->stride))
            return 0;
        if (!scan_field(s, (uint8_t *)st, f))
            return 0;
    } while (proto_scan_char(s, ','));
    return proto_scan_char(s, '}');
}

int proto_view_apply_scan(pl_state_t *st, proto_scan_t *s)
{
    return proto_view_apply_scan_undo(st, s, NULL);
}
