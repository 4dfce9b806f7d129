/* look.c -- counters and tokens as the package says they look: role, order, colour, icon, labels */
#include <string.h>
#include <stdio.h>
#include "client/art.h"
#include "client/look.h"

/* the palette for counters a package gives no colour, by their place in display order */
static const unsigned palette[8] = { 0x4FAE5Bu, 0xE0677Fu, 0xF09A3Eu, 0x4A90D9u,
                                     0x9B7BD4u, 0x3FBFA8u, 0xD9C04Au, 0x8A9BAEu };

static const pl_look_t *look_of(const pl_ruleset_t *rs, int kind, int i)
{
    if (kind == PC_LOOK_TABLE)
        return i >= 0 && i < rs->n_table_counters ? &rs->table_counters[i].look : NULL;
    if (kind == PC_LOOK_TOKEN)
        return i >= 0 && i < rs->n_tokens ? &rs->tokens[i].look : NULL;
    return i >= 0 && i < rs->n_counters ? &rs->counters[i].look : NULL;
}

/* indices of n looks matching keep, sorted by order (stable) */
static int ordered(const pl_ruleset_t *rs, int kind, int n, int role, int any_shown, int *out, int cap)
{
    int k = 0;
    for (int i = 0; i < n && k < cap; i++) {
        const pl_look_t *l = look_of(rs, kind, i);
        if (!l || (any_shown ? l->role == PL_ROLE_HIDDEN : l->role != role))
            continue;
        int j = k++;
        while (j > 0 && look_of(rs, kind, out[j - 1])->order > l->order) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = i;
    }
    return k;
}

int pc_look_counters(const pl_ruleset_t *rs, int role, int *out, int cap)
{
    return ordered(rs, PC_LOOK_COUNTER, rs->n_counters, role, 0, out, cap);
}

int pc_look_table_counters(const pl_ruleset_t *rs, int *out, int cap)
{
    return ordered(rs, PC_LOOK_TABLE, rs->n_table_counters, 0, 1, out, cap);
}

int pc_look_tokens(const pl_ruleset_t *rs, int *out, int cap)
{
    return ordered(rs, PC_LOOK_TOKEN, rs->n_tokens, 0, 1, out, cap);
}

SDL_Color pc_look_color(const pl_ruleset_t *rs, int kind, int index)
{
    const pl_look_t *l = look_of(rs, kind, index);
    if (!l)
        return pc_rgb(PC_MUTED);
    if (l->color & PL_COLOR_SET)
        return pc_rgb(l->color & 0xFFFFFFu);
    if (kind == PC_LOOK_TOKEN)
        return pc_rgb(0x9B7BD4u);
    int list[PL_MAX_COUNTERS], n;
    if (kind == PC_LOOK_TABLE)
        n = pc_look_table_counters(rs, list, PL_MAX_COUNTERS);
    else
        n = pc_look_counters(rs, l->role, list, PL_MAX_COUNTERS);
    for (int i = 0; i < n; i++)
        if (list[i] == index)
            return pc_rgb(palette[(l->role == PL_ROLE_RESOURCE && kind == PC_LOOK_COUNTER ? i + 6 : i) % 8]);
    return pc_rgb(palette[index % 8]);
}

const char *pc_look_name(const pl_ruleset_t *rs, int kind, int index, int lang)
{
    if (kind == PC_LOOK_TABLE)
        return index >= 0 && index < rs->n_table_counters ? pl_text(&rs->table_counters[index].name, lang) : "?";
    if (kind == PC_LOOK_TOKEN)
        return index >= 0 && index < rs->n_tokens ? pl_text(&rs->tokens[index].name, lang) : "?";
    return index >= 0 && index < rs->n_counters ? pl_text(&rs->counters[index].name, lang) : "?";
}

const char *pc_look_short(const pl_ruleset_t *rs, int kind, int index, int lang)
{
    const pl_look_t *l = look_of(rs, kind, index);
    if (!l)
        return "?";
    const char *s = pl_text(&l->short_name, lang);
    return *s ? s : pc_look_name(rs, kind, index, lang);
}

void pc_look_icon(pc_gfx_t *g, const pl_ruleset_t *rs, int kind, int index, float cx, float cy, float r)
{
    const pl_look_t *l = look_of(rs, kind, index);
    SDL_Color c = pc_look_color(rs, kind, index);
    SDL_Texture *img = l && l->icon_file ? pc_gfx_image(g, l->icon_file) : NULL;
    if (img) {
        const char *base = strrchr(l->icon_file, '/');
        char note[300];
        int n = snprintf(note, sizeof note, "[image %s]", base ? base + 1 : l->icon_file);
        pc_gfx_note(g, note, (size_t)n < sizeof note ? (size_t)n : sizeof note - 1);
        pc_circle(g, cx, cy, r, pc_mix(c, pc_rgb(0xFFFFFFu), 0.75f));
        pc_image(g, img, cx, cy, r * 0.8f);
        return;
    }
    pc_draw_icon(g, l ? l->icon : PL_ICON_NONE, c, pc_look_short(rs, kind, index, PL_LANG_FR), cx, cy, r);
}

int pc_look_target(const pl_ruleset_t *rs, int tc)
{
    for (uint32_t i = 0; i < rs->n_scoring; i++)
        if (rs->scoring[i].kind == PL_SCORE_TARGET && rs->scoring[i].ref == tc)
            return (int)i;
    return -1;
}
