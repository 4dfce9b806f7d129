/* table_util.c -- team names, option labels and effects, described items, the veil shared by the table screens */
#include <stdio.h>
#include <string.h>
#include "client/art.h"
#include "client/i18n.h"
#include "client/look.h"
#include "client/table_util.h"

void pc_team_name(const pc_app_t *a, int seat, int mark_bot, char *buf, size_t len)
{
    const pc_session_t *s = a->session;
    char base[PC_TEAM_LEN];
    if (s)
        pc_session_team(s, seat, a->lang, base, sizeof base);
    else
        pt_team_default(a->lang, seat, base, sizeof base);
    if (s && mark_bot && pc_session_is_bot(s, seat))
        snprintf(buf, len, _("%s (bot)"), base);
    else if (s && mark_bot && seat >= 0 && seat < PL_MAX_SEATS && ((s->dropped >> seat) & 1u))
        snprintf(buf, len, _("%s (dropped)"), base);
    else
        snprintf(buf, len, "%s", base);
}

int pc_option_count(const pc_app_t *a)
{
    const pc_session_t *s = a->session;
    if (!s)
        return 0;
    const pl_state_t *st = &s->st;
    if (st->wait == PL_WAIT_BRANCH) {
        int pos = st->seat[st->pending.actor].pos;
        return pos < s->rs->n_spaces ? s->rs->spaces[pos].n_next : 0;
    }
    if (st->wait == PL_WAIT_CHOICE || st->wait == PL_WAIT_VOTE)
        return st->pending.n_options;
    return 0;
}

void pc_option_label(const pc_app_t *a, int i, char *buf, size_t len)
{
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    const pl_state_t *st = &s->st;
    buf[0] = 0;
    if (st->wait == PL_WAIT_BRANCH) {
        int pos = st->seat[st->pending.actor].pos;
        if (pos < rs->n_spaces && i < rs->spaces[pos].n_next && rs->spaces[pos].next[i] < rs->n_spaces)
            snprintf(buf, len, "%s", pl_text(&rs->spaces[rs->spaces[pos].next[i]].name, a->lang));
        return;
    }
    if (i < 0 || i >= PL_MAX_OPTIONS)
        return;
    uint16_t oc = st->pending.option_card[i];
    if (st->pending.effect < rs->n_effects) {
        const pl_effect_t *e = &rs->effects[st->pending.effect];
        if (e->opts.count == 0 && oc != PL_NO_CARD && oc < rs->n_cards) {
            snprintf(buf, len, "%s", pl_text(&rs->cards[oc].name, a->lang));
            return;
        }
    }
    pt_option_label(rs, st->pending.effect, i, a->lang, buf, len);
}

void pc_option_effects(const pc_app_t *a, int i, char *buf, size_t len)
{
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    const pl_state_t *st = &s->st;
    buf[0] = 0;
    if (st->wait == PL_WAIT_BRANCH) { /* a way: what landing on its first space does */
        int pos = st->seat[st->pending.actor].pos;
        if (pos < rs->n_spaces && i < rs->spaces[pos].n_next && rs->spaces[pos].next[i] < rs->n_spaces)
            pt_effects_line(rs, rs->spaces[rs->spaces[pos].next[i]].on_land, a->lang, buf, len);
        return;
    }
    if (i < 0 || i >= PL_MAX_OPTIONS || st->pending.effect >= rs->n_effects)
        return;
    const pl_effect_t *e = &rs->effects[st->pending.effect];
    uint16_t oc = st->pending.option_card[i];
    if (e->opts.count == 0 && oc < rs->n_cards)
        pt_effects_line(rs, rs->cards[oc].effects, a->lang, buf, len);
    else if ((uint32_t)i < e->opts.count && e->opts.first + (uint32_t)i < rs->n_options)
        pt_effects_line(rs, rs->options[e->opts.first + (uint32_t)i].effects, a->lang, buf, len);
}

int pc_option_items(const pc_app_t *a, int i, pt_item_t *out, int cap, const char **text)
{
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    const pl_state_t *st = &s->st;
    *text = NULL;
    if (st->wait == PL_WAIT_BRANCH) { /* a way: what its first space says and does */
        int pos = st->seat[st->pending.actor].pos;
        if (pos >= rs->n_spaces || i >= rs->spaces[pos].n_next || rs->spaces[pos].next[i] >= rs->n_spaces)
            return 0;
        const pl_space_t *sp = &rs->spaces[rs->spaces[pos].next[i]];
        *text = pl_text(&sp->text, a->lang);
        return pt_effects(rs, sp->on_land, a->lang, out, cap);
    }
    if (i < 0 || i >= PL_MAX_OPTIONS || st->pending.effect >= rs->n_effects)
        return 0;
    const pl_effect_t *e = &rs->effects[st->pending.effect];
    uint16_t oc = st->pending.option_card[i];
    if (e->opts.count == 0 && oc < rs->n_cards) {
        *text = pl_text(&rs->cards[oc].text, a->lang);
        return pt_effects(rs, rs->cards[oc].effects, a->lang, out, cap);
    }
    if ((uint32_t)i < e->opts.count && e->opts.first + (uint32_t)i < rs->n_options)
        return pt_effects(rs, rs->options[e->opts.first + (uint32_t)i].effects, a->lang, out, cap);
    return 0;
}

void pc_veil(pc_app_t *a, int alpha)
{
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(a->ren, 10, 16, 24, (Uint8)alpha);
    SDL_RenderFillRect(a->ren, NULL);
}

float pc_draw_items(pc_app_t *a, const pt_item_t *it, int n, float x, float y, float w, float size,
                    SDL_Color ink, float max_h)
{
    pc_gfx_t *g = &a->gfx;
    const pl_ruleset_t *rs = a->session ? a->session->rs : a->rs;
    float y0 = y, lh = pc_line_height(g, size, 0);
    for (int i = 0; i < n; i++) {
        float ix = x + it[i].depth * size * 1.4f, iw = w - (ix - x);
        int icon = it[i].kind == PT_IT_COUNTER || it[i].kind == PT_IT_TABLE || it[i].kind == PT_IT_TOKEN;
        float tx = icon ? ix + size * 1.5f : ix;
        float h = pc_text_lines(g, it[i].text, size, it[i].kind == PT_IT_HEADER, iw - (tx - ix), NULL) * lh;
        if (y + h - y0 > max_h)
            break;
        if (icon && rs) {
            int kind = it[i].kind == PT_IT_COUNTER ? PC_LOOK_COUNTER : it[i].kind == PT_IT_TABLE ? PC_LOOK_TABLE : PC_LOOK_TOKEN;
            pc_look_icon(g, rs, kind, it[i].ref, ix + size * 0.6f, y + lh / 2, size * 0.62f);
        }
        SDL_Color c = ink;
        if (it[i].kind != PT_IT_HEADER && it[i].amount < 0 && icon)
            c = pc_mix(ink, pc_rgb(PC_DANGER), 0.55f);
        pc_text_box(g, tx, y, iw - (tx - ix), size, c, it[i].kind == PT_IT_HEADER ? PC_T_BOLD : 0, it[i].text);
        y += h + 2;
    }
    return y - y0;
}
