/* load_game.c -- game.xml into a ruleset: seats, turn, counters, tokens, board, decks, end */
#include <string.h>
#include "load.h"

static void load_seats_turn(pl_loader_t *ld, xmlNodePtr root)
{
    pl_turn_rules_t *t = &ld->rs->turn;
    xmlNodePtr s = pl_xml_child(root, "seats");
    if (s) {
        int mn = pl_attr_int(ld, s, "min", 1), mx = pl_attr_int(ld, s, "max", PL_MAX_SEATS);
        int def = mn > 4 ? mn : 4;
        def = def > mx ? mx : def;
        def = pl_attr_int(ld, s, "default", def);
        if (mn < 1 || mx > PL_MAX_SEATS || !(mn <= def && def <= mx))
            pl_err(ld, pl_xml_line(s), "seats: need 1 <= min <= default <= max <= %d (min %d, default %d, max %d)",
                   PL_MAX_SEATS, mn, def, mx);
        else {
            t->min_seats = (uint8_t)mn;
            t->max_seats = (uint8_t)mx;
            t->default_seats = (uint8_t)def;
        }
    }
    xmlNodePtr tn = pl_xml_child(root, "turn");
    if (tn) {
        int dice = pl_attr_int(ld, tn, "dice", 1);
        if (dice < 1 || dice > PL_MAX_DICE)
            pl_err(ld, pl_xml_line(tn), "turn: dice must be 1 to %d", PL_MAX_DICE);
        else
            t->dice = (uint8_t)dice;
        t->sides = (uint8_t)pl_attr_int(ld, tn, "sides", 6);
        int hand = pl_attr_int(ld, tn, "hand", 4);
        int start = pl_attr_int(ld, tn, "start-hand", hand);
        if (hand < 0 || hand > PL_MAX_HAND || start < 0 || start > PL_MAX_HAND)
            pl_err(ld, pl_xml_line(tn), "turn: hand and start-hand must be 0 to %d", PL_MAX_HAND);
        else if (hand > 0 && start > hand)
            pl_err(ld, pl_xml_line(tn), "turn: start-hand (%d) is larger than hand (%d): the extra cards would be discarded",
                   start, hand);
        else {
            t->hand = (uint8_t)hand;
            t->start_hand = (uint8_t)start;
        }
        t->cards_per_turn = (uint8_t)pl_attr_int(ld, tn, "cards-per-turn", 1);
        t->max_rounds = (uint16_t)pl_attr_int(ld, tn, "max-rounds", 0);
    }
}

/* Decks named by turn@hand-deck and turn@setup-deck (after the decks are declared). */
static void resolve_turn_decks(pl_loader_t *ld, xmlNodePtr root)
{
    xmlNodePtr tn = pl_xml_child(root, "turn");
    if (!tn)
        return;
    static const char *const attrs[2] = { "hand-deck", "setup-deck" };
    for (int k = 0; k < 2; k++) {
        const char *id = pl_attr(ld, tn, attrs[k]);
        if (!id)
            continue;
        int d = pl_ruleset_deck(ld->rs, id);
        if (d < 0) {
            pl_err(ld, pl_xml_line(tn), "turn: %s: unknown deck '%s'%s", attrs[k], id, pl_hint(ld, PL_REF_DECK, id));
            continue;
        }
        if (k == 0)
            ld->rs->turn.hand_deck = (int16_t)d;
        else
            ld->rs->turn.setup_deck = (int16_t)d;
    }
}

static void load_counters(pl_loader_t *ld, xmlNodePtr counters)
{
    pl_ruleset_t *rs = ld->rs;
    for (xmlNodePtr c = counters ? counters->children : NULL; c; c = c->next) {
        int table = pl_xml_is(c, "table-counter");
        if (!table && !pl_xml_is(c, "counter"))
            continue;
        unsigned line = pl_xml_line(c);
        const char *id = pl_attr(ld, c, "id");
        if (!id)
            continue;
        int dup = pl_ruleset_counter(rs, id), tdup = pl_ruleset_table_counter(rs, id);
        if (dup >= 0 || tdup >= 0) {
            pl_err(ld, line, "counter id '%s' is already used (first on line %u)", id,
                   dup >= 0 ? ld->counter_line[dup] : ld->table_counter_line[tdup]);
            continue;
        }
        if (table ? rs->n_table_counters >= PL_MAX_TABLE_COUNTERS : rs->n_counters >= PL_MAX_COUNTERS) {
            pl_err(ld, line, "too many %s (at most %d)", table ? "table counters" : "counters",
                   table ? PL_MAX_TABLE_COUNTERS : PL_MAX_COUNTERS);
            continue;
        }
        pl_counter_t k;
        memset(&k, 0, sizeof k);
        k.id = pl_dup(ld, id);
        k.min = pl_attr_int(ld, c, "min", 0);
        k.max = pl_attr_int(ld, c, "max", 0);
        int32_t def = k.min > 0 ? k.min : k.max < 0 ? k.max : 0;
        k.start = pl_attr_int(ld, c, "start", def);
        if (!(k.min <= k.start && k.start <= k.max))
            pl_err(ld, line, "counter '%s': need min <= start <= max (min %d, start %d, max %d)", id,
                   k.min, k.start, k.max);
        char what[96];
        snprintf(what, sizeof what, "%s '%s'", table ? "table counter" : "counter", id);
        pl_load_text(ld, c, "name", &k.name, 1, what);
        pl_load_look(ld, c, &k.look, !table, what);
        if (table) {
            ld->table_counter_line[rs->n_table_counters] = line;
            rs->table_counters[rs->n_table_counters++] = k;
        } else {
            ld->counter_line[rs->n_counters] = line;
            rs->counters[rs->n_counters++] = k;
        }
    }
}

static void load_tokens(pl_loader_t *ld, xmlNodePtr tokens)
{
    pl_ruleset_t *rs = ld->rs;
    for (xmlNodePtr c = tokens ? tokens->children : NULL; c; c = c->next) {
        if (!pl_xml_is(c, "token"))
            continue;
        unsigned line = pl_xml_line(c);
        const char *id = pl_attr(ld, c, "id");
        if (!id)
            continue;
        int dup = pl_ruleset_token(rs, id);
        if (dup >= 0) {
            pl_err(ld, line, "token id '%s' is already used (first on line %u)", id, ld->token_line[dup]);
            continue;
        }
        if (rs->n_tokens >= PL_MAX_TOKENS) {
            pl_err(ld, line, "too many tokens (at most %d)", PL_MAX_TOKENS);
            continue;
        }
        ld->token_line[rs->n_tokens] = line;
        pl_token_t *t = &rs->tokens[rs->n_tokens++];
        t->id = pl_dup(ld, id);
        t->max = pl_attr_int(ld, c, "max", 9);
        char what[96];
        snprintf(what, sizeof what, "token '%s'", id);
        pl_load_text(ld, c, "name", &t->name, 1, what);
        pl_load_look(ld, c, &t->look, 0, what);
    }
}

/* Phases and spaces (ids, names, kinds); next and on-land wait until everything is declared. */
static void load_board(pl_loader_t *ld, xmlNodePtr board)
{
    pl_ruleset_t *rs = ld->rs;
    for (xmlNodePtr p = board ? board->children : NULL; p; p = p->next) {
        if (!pl_xml_is(p, "phase"))
            continue;
        unsigned line = pl_xml_line(p);
        const char *id = pl_attr(ld, p, "id");
        if (!id)
            continue;
        int dup = pl_ruleset_phase(rs, id);
        if (dup >= 0) {
            pl_err(ld, line, "phase id '%s' is already used (first on line %u)", id, ld->phase_line[dup]);
            continue;
        }
        if (rs->n_phases >= PL_MAX_PHASES) {
            pl_err(ld, line, "too many phases (at most %d)", PL_MAX_PHASES);
            continue;
        }
        int pi = rs->n_phases++;
        pl_phase_t *ph = &rs->phases[pi];
        ld->phase_line[pi] = line;
        ph->id = pl_dup(ld, id);
        ph->first_space = rs->n_spaces;
        char what[96];
        snprintf(what, sizeof what, "phase '%s'", id);
        pl_load_text(ld, p, "name", &ph->name, 1, what);
        pl_load_text(ld, p, "text", &ph->text, 0, what);
        for (xmlNodePtr s = p->children; s; s = s->next) {
            if (!pl_xml_is(s, "space"))
                continue;
            unsigned sl = pl_xml_line(s);
            const char *sid = pl_attr(ld, s, "id");
            if (!sid)
                continue;
            int sdup = pl_ruleset_space(rs, sid);
            if (sdup >= 0) {
                pl_err(ld, sl, "space id '%s' is already used (first on line %u)", sid, rs->spaces[sdup].line);
                continue;
            }
            if (rs->n_spaces >= PL_MAX_SPACES) {
                pl_err(ld, sl, "too many spaces (at most %d)", PL_MAX_SPACES);
                continue;
            }
            int si = rs->n_spaces++;
            pl_space_t *sp = &rs->spaces[si];
            ld->space_node[si] = s;
            sp->id = pl_dup(ld, sid);
            sp->line = sl;
            sp->phase = (uint8_t)pi;
            const char *kind = pl_attr(ld, s, "kind");
            int k = kind ? pl_space_kind_from_name(kind) : PL_SPACE_PLAIN;
            if (k < 0)
                pl_err(ld, sl, "space '%s': unknown kind '%s'", sid, kind);
            sp->kind = (uint8_t)(k < 0 ? PL_SPACE_PLAIN : k);
            sp->stop = (uint8_t)pl_attr_bool(ld, s, "stop", 0);
            sp->prev = PL_NO_SPACE;
            snprintf(what, sizeof what, "space '%s'", sid);
            pl_load_text(ld, s, "name", &sp->name, 1, what);
            pl_load_text(ld, s, "text", &sp->text, 0, what);
            ph->n_spaces++;
        }
    }
}

/* next[] of every space (default: the following space), board@start, on-land effects. */
static void link_board(pl_loader_t *ld, xmlNodePtr board)
{
    pl_ruleset_t *rs = ld->rs;
    const char *start = board ? pl_attr(ld, board, "start") : NULL;
    if (start) {
        int s = pl_ruleset_space(rs, start);
        if (s < 0)
            pl_err(ld, pl_xml_line(board), "board: start: unknown space '%s'%s", start, pl_hint(ld, PL_REF_SPACE, start)),
                ld->board_broken = 1;
        rs->start_space = (uint8_t)(s < 0 ? 0 : s);
    }
    for (int i = 0; i < rs->n_spaces; i++) {
        pl_space_t *sp = &rs->spaces[i];
        xmlNodePtr s = ld->space_node[i];
        const char *next = pl_attr(ld, s, "next");
        if (sp->kind == PL_SPACE_END) {
            if (next)
                pl_err(ld, sp->line, "space '%s' is an end space: it cannot have a next", sp->id);
        } else if (next) {
            char buf[256];
            snprintf(buf, sizeof buf, "%s", next);
            char *save = NULL;
            for (char *tok = strtok_r(buf, " \t\r\n", &save); tok; tok = strtok_r(NULL, " \t\r\n", &save)) {
                int t = pl_ruleset_space(rs, tok);
                if (t < 0) {
                    pl_err(ld, sp->line, "space '%s': next: unknown space '%s'%s", sp->id, tok,
                           pl_hint(ld, PL_REF_SPACE, tok));
                    ld->board_broken = 1;
                }
                else if (sp->n_next >= PL_MAX_NEXT)
                    pl_err(ld, sp->line, "space '%s': at most %d next spaces", sp->id, PL_MAX_NEXT);
                else
                    sp->next[sp->n_next++] = (uint8_t)t;
            }
        } else if (i + 1 < rs->n_spaces) {
            sp->next[sp->n_next++] = (uint8_t)(i + 1);
        } else {
            pl_err(ld, sp->line, "space '%s' is the last space: it must be of kind end or have a next", sp->id);
        }
        xmlNodePtr land = pl_xml_child(s, "on-land");
        if (land) {
            pl_range_t r = pl_load_effects(ld, land);
            ld->rs->spaces[i].on_land = r;
        }
    }
}

static void load_end(pl_loader_t *ld, xmlNodePtr end)
{
    if (!end)
        return;
    ld->rs->end_all_finished = (uint8_t)pl_attr_bool(ld, end, "all-finished", 1);
    ld->rs->end_conds = pl_load_conds(ld, end);
}

void pl_load_game(pl_loader_t *ld, xmlNodePtr root)
{
    pl_ruleset_t *rs = ld->rs;
    rs->id = pl_dup(ld, pl_attr(ld, root, "id"));
    rs->version = pl_dup(ld, pl_attr(ld, root, "version"));
    char what[96];
    snprintf(what, sizeof what, "game '%s'", rs->id ? rs->id : "");
    pl_load_text(ld, root, "title", &rs->title, 1, what);
    pl_load_text(ld, root, "description", &rs->description, 0, what);
    pl_load_presentation(ld, pl_xml_child(root, "presentation"));
    load_seats_turn(ld, root);
    load_counters(ld, pl_xml_child(root, "counters"));
    load_tokens(ld, pl_xml_child(root, "tokens"));
    xmlNodePtr board = pl_xml_child(root, "board");
    load_board(ld, board);
    xmlNodePtr decks = pl_xml_child(root, "decks");
    for (xmlNodePtr d = decks ? decks->children : NULL; d; d = d->next)
        if (pl_xml_is(d, "deck"))
            pl_load_deck_decl(ld, d);
    ld->file = ld->game_file;
    resolve_turn_decks(ld, root);
    link_board(ld, board);
    for (int i = 0; i < rs->n_decks; i++) {
        pl_load_deck_cards(ld, i);
        pl_load_deck_done(ld, i); /* one deck file in memory at a time */
    }
    ld->file = ld->game_file;
    load_end(ld, pl_xml_child(root, "end"));
    pl_load_scoring(ld, pl_xml_child(root, "scoring"));
}
