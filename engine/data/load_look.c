/* load_look.c -- how a game looks, from its XML: counter and token roles, icons, colours, short labels, tag labels */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "load.h"

/* "#RRGGBB" into PL_COLOR_SET | 0xRRGGBB; 0 when absent, with an error when malformed */
static uint32_t load_color(pl_loader_t *ld, xmlNodePtr n, const char *what)
{
    const char *v = pl_attr(ld, n, "color");
    if (!v)
        return 0;
    char *end = NULL;
    unsigned long x = v[0] == '#' && strlen(v) == 7 ? strtoul(v + 1, &end, 16) : 0;
    if (!end || *end) {
        pl_err(ld, pl_xml_line(n), "%s: color '%s' is not of the form #RRGGBB", what, v);
        return 0;
    }
    return PL_COLOR_SET | (uint32_t)x;
}

/* An icon file: a relative path inside the package folder, to a PNG that exists. */
static const char *load_icon_file(pl_loader_t *ld, xmlNodePtr n, const char *what)
{
    const char *f = pl_attr(ld, n, "icon-file");
    if (!f)
        return NULL;
    unsigned line = pl_xml_line(n);
    if (!f[0] || f[0] == '/' || strstr(f, "..") || strchr(f, '\\')) {
        pl_err(ld, line, "%s: icon-file '%s' must be a path inside the package folder (no leading '/', no '..')",
               what, f);
        return NULL;
    }
    size_t len = strlen(ld->dir) + strlen(f) + 2;
    char *path = malloc(len);
    if (!path) {
        ld->oom = 1;
        return NULL;
    }
    snprintf(path, len, "%s/%s", ld->dir, f);
    char *rd = realpath(ld->dir, NULL), *rp = realpath(path, NULL);
    int inside = rd && rp && strncmp(rp, rd, strlen(rd)) == 0 && rp[strlen(rd)] == '/';
    free(rd);
    free(rp);
    const char *kept = NULL;
    unsigned char sig[8] = { 0 };
    FILE *fp = inside ? fopen(path, "rb") : NULL;
    int png = fp && fread(sig, 1, 8, fp) == 8 && !memcmp(sig, "\x89PNG\r\n\x1a\n", 8);
    if (fp)
        fclose(fp);
    if (!inside && access(path, F_OK) == 0)
        pl_err(ld, line, "%s: icon-file '%s' is outside the package folder", what, f);
    else if (!inside)
        pl_err(ld, line, "%s: icon-file '%s' not found", what, f);
    else if (!png)
        pl_err(ld, line, "%s: icon-file '%s' is not a PNG image", what, f);
    else
        kept = pl_dup(ld, path);
    free(path);
    return kept;
}

void pl_load_look(pl_loader_t *ld, xmlNodePtr n, pl_look_t *look, int lens_allowed, const char *what)
{
    unsigned line = pl_xml_line(n);
    memset(look, 0, sizeof *look);
    const char *role = pl_attr(ld, n, "role");
    if (role) {
        int r = pl_role_from_name(role);
        if (r < 0)
            pl_err(ld, line, "%s: unknown role '%s' (resource, lens or hidden)", what, role);
        else if (r == PL_ROLE_LENS && !lens_allowed)
            pl_err(ld, line, "%s: role lens is for counters of each team", what);
        else
            look->role = (uint8_t)r;
    }
    const char *icon = pl_attr(ld, n, "icon");
    if (icon) {
        int i = pl_icon_from_name(icon);
        if (i < 0)
            pl_err(ld, line, "%s: unknown icon '%s' (see the list in the XML reference)", what, icon);
        else
            look->icon = (uint8_t)i;
    }
    look->icon_file = load_icon_file(ld, n, what);
    look->color = load_color(ld, n, what);
    int32_t order = pl_attr_int(ld, n, "order", 0);
    if (order < -999 || order > 999)
        pl_err(ld, line, "%s: order must be -999 to 999", what);
    else
        look->order = (int16_t)order;
    pl_load_text(ld, n, "short", &look->short_name, 0, what);
}

void pl_load_presentation(pl_loader_t *ld, xmlNodePtr pres)
{
    pl_ruleset_t *rs = ld->rs;
    if (!pres)
        return;
    pl_load_text(ld, pres, "table-label", &rs->table_label, 0, "presentation");
    xmlNodePtr tags = pl_xml_child(pres, "tags");
    for (xmlNodePtr t = tags ? tags->children : NULL; t; t = t->next) {
        if (!pl_xml_is(t, "tag"))
            continue;
        unsigned line = pl_xml_line(t);
        const char *id = pl_attr(ld, t, "id");
        if (!id)
            continue;
        if (pl_ruleset_tag(rs, id) >= 0) {
            pl_err(ld, line, "tag '%s' is already labelled", id);
            continue;
        }
        if (rs->n_tags >= PL_MAX_TAGS) {
            pl_err(ld, line, "too many tags (at most %d)", PL_MAX_TAGS);
            continue;
        }
        pl_tag_t *tag = &rs->tags[rs->n_tags++];
        tag->id = pl_dup(ld, id);
        char what[96];
        snprintf(what, sizeof what, "tag '%s'", id);
        pl_load_text(ld, t, "label", &tag->label, 1, what);
    }
}
