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

static int is_key(const char *k, size_t n, const char *want)
{
    return strncmp(k, want, n) == 0 && want[n] == 0; /* k holds no NUL (the scanner refuses them) */
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
        if (is_key(k, n, "len") && len < 0) {
            if (!proto_scan_int(s, &len) || len < 0 || (size_t)len > f->count)
                return 0;
        } else if (is_key(k, n, "set") && !set_at) {
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

int proto_view_apply_scan(pl_state_t *st, proto_scan_t *s)
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
        for (i = 0; i < proto_n_state_fields; i++)
            if (is_key(k, n, proto_state_fields[i].name))
                break;
        if (i == proto_n_state_fields || i >= 64 || (seen >> i) & 1)
            return 0;
        seen |= 1ull << i;
        if (!scan_field(s, (uint8_t *)st, &proto_state_fields[i]))
            return 0;
    } while (proto_scan_char(s, ','));
    return proto_scan_char(s, '}');
}
