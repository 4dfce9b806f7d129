/* check.c -- meaning checks after loading: board reachability, end spaces, set-up deck size */
#include <string.h>
#include "load.h"

void pl_check_board(pl_loader_t *ld)
{
    const pl_ruleset_t *rs = ld->rs;
    ld->file = ld->game_file;
    if (!rs->n_spaces) {
        pl_err(ld, ld->board_node ? pl_xml_line(ld->board_node) : 0, "the board has no space");
        return;
    }
    for (int p = 0; p < rs->n_phases; p++)
        if (!rs->phases[p].n_spaces)
            pl_err(ld, ld->phase_line[p], "phase '%s' has no space", rs->phases[p].id);
    if (ld->board_broken)
        return; /* reachability would only repeat the unresolved references */

    /* follow next[] from the start; goto effects do not make a space reachable on their own */
    uint8_t seen[PL_MAX_SPACES] = { 0 }, queue[PL_MAX_SPACES];
    int head = 0, tail = 0;
    seen[rs->start_space] = 1;
    queue[tail++] = rs->start_space;
    while (head < tail) {
        const pl_space_t *s = &rs->spaces[queue[head++]];
        for (int k = 0; k < s->n_next; k++)
            if (!seen[s->next[k]]) {
                seen[s->next[k]] = 1;
                queue[tail++] = s->next[k];
            }
    }
    int end_reached = 0, any_end = 0;
    for (int i = 0; i < rs->n_spaces; i++) {
        const pl_space_t *s = &rs->spaces[i];
        any_end |= s->kind == PL_SPACE_END;
        if (seen[i] && s->kind == PL_SPACE_END)
            end_reached = 1;
    }
    for (int p = 0; p < rs->n_phases; p++) {
        const pl_phase_t *ph = &rs->phases[p];
        int reached = 0;
        for (int i = ph->first_space; i < ph->first_space + ph->n_spaces; i++)
            reached |= seen[i];
        if (ph->n_spaces && !reached) {
            pl_err(ld, ld->phase_line[p], "phase '%s' is unreachable: no path from the start space '%s' leads to it",
                   ph->id, rs->spaces[rs->start_space].id);
            continue;
        }
        for (int i = ph->first_space; i < ph->first_space + ph->n_spaces; i++)
            if (!seen[i])
                pl_err(ld, rs->spaces[i].line, "space '%s' is unreachable from the start space '%s'",
                       rs->spaces[i].id, rs->spaces[rs->start_space].id);
    }
    if (!any_end)
        pl_err(ld, pl_xml_line(ld->board_node), "the board has no space of kind end");
    else if (!end_reached)
        pl_err(ld, pl_xml_line(ld->board_node), "no end space is reachable from the start space '%s'",
               rs->spaces[rs->start_space].id);
}

void pl_check_decks(pl_loader_t *ld)
{
    const pl_ruleset_t *rs = ld->rs;
    ld->file = ld->game_file;
    int sd = rs->turn.setup_deck;
    if (sd >= 0) {
        const pl_deck_t *d = &rs->decks[sd];
        if (d->kind != PL_CARD_SETUP)
            pl_err(ld, ld->deck_line[sd], "deck '%s' is the setup-deck: its kind must be setup, not %s", d->id,
                   pl_card_kind_name(d->kind));
        else if (ld->deck_read[sd] && d->count < rs->turn.max_seats)
            pl_err(ld, ld->deck_line[sd], "setup-deck '%s' has %u cards: it needs at least one per seat (%u)",
                   d->id, d->count, rs->turn.max_seats);
    }
    if (!rs->end_all_finished && !rs->turn.max_rounds && !rs->end_conds.count)
        pl_err(ld, ld->end_node ? pl_xml_line(ld->end_node) : 0,
               "the game can never end: all-finished is false, no max-rounds and no end condition");
    int hd = rs->turn.hand_deck;
    if (hd >= 0 && rs->decks[hd].kind != PL_CARD_ACTION)
        pl_err(ld, ld->deck_line[hd], "deck '%s' is the hand-deck: its kind must be action, not %s",
               rs->decks[hd].id, pl_card_kind_name(rs->decks[hd].kind));
}
