/* table_util.c -- team names, option labels and the veil shared by the table screens */
#include <stdio.h>
#include <string.h>
#include "client/art.h"
#include "client/i18n.h"
#include "client/table_util.h"

void pc_team_name(const pc_app_t *a, int seat, int mark_bot, char *buf, size_t len)
{
    int bot = a->game && !(a->game->human & (1u << seat));
    if (a->game && a->game->remote && seat >= 0 && seat < PL_MAX_SEATS && a->game->team[seat][0] &&
        strcmp(a->game->team[seat], _("Team")) != 0) { /* a name the team chose elsewhere */
        snprintf(buf, len, "%s", a->game->team[seat]);
        return;
    }
    if (mark_bot && bot) snprintf(buf, len, _("Team %d (bot)"), seat + 1);
    else snprintf(buf, len, _("Team %d"), seat + 1);
}

int pc_option_count(const pc_app_t *a)
{
    const pc_game_t *g = a->game;
    if (!g) return 0;
    const pl_state_t *st = &g->st;
    if (st->wait == PL_WAIT_BRANCH) {
        int pos = st->seat[st->pending.actor].pos;
        return pos < g->rs->n_spaces ? g->rs->spaces[pos].n_next : 0;
    }
    if (st->wait == PL_WAIT_CHOICE || st->wait == PL_WAIT_VOTE) return st->pending.n_options;
    return 0;
}

void pc_option_label(const pc_app_t *a, int i, char *buf, size_t len)
{
    const pc_game_t *g = a->game;
    const pl_ruleset_t *rs = g->rs;
    const pl_state_t *st = &g->st;
    buf[0] = 0;
    if (st->wait == PL_WAIT_BRANCH) {
        int pos = st->seat[st->pending.actor].pos;
        if (pos < rs->n_spaces && i < rs->spaces[pos].n_next && rs->spaces[pos].next[i] < rs->n_spaces)
            snprintf(buf, len, "%s", pl_text(&rs->spaces[rs->spaces[pos].next[i]].name, a->lang));
        return;
    }
    if (i < 0 || i >= PL_MAX_OPTIONS) return;
    uint16_t oc = st->pending.option_card[i];
    if (st->pending.effect < rs->n_effects) {
        const pl_effect_t *e = &rs->effects[st->pending.effect];
        if ((uint32_t)i < e->opts.count && e->opts.first + (uint32_t)i < rs->n_options) {
            snprintf(buf, len, "%s", pl_text(&rs->options[e->opts.first + (uint32_t)i].label, a->lang));
            return;
        }
        if (e->opts.count == 0 && oc != PL_NO_CARD && oc < rs->n_cards) {
            snprintf(buf, len, "%s", pl_text(&rs->cards[oc].name, a->lang));
            return;
        }
    }
    snprintf(buf, len, _("Option %d"), i + 1);
}

void pc_veil(pc_app_t *a, int alpha)
{
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(a->ren, 10, 16, 24, (Uint8)alpha);
    SDL_RenderFillRect(a->ren, NULL);
}
