/* lint.c -- warnings on a package: unused deck files, decks never drawn, requirements that never
 * hold, action cards without impact or horizon, spaces no pawn ever lands on */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "load.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether game.xml names file (a plain name) in some deck@file. */
static int named_in_game(pl_loader_t *ld, const char *file)
{
    xmlNodePtr decks = pl_xml_child(ld->game_root, "decks");
    for (xmlNodePtr k = decks ? decks->children : NULL; k; k = k->next) {
        const char *f = pl_xml_is(k, "deck") ? pl_attr(ld, k, "file") : NULL;
        if (f && !strcmp(f, file))
            return 1;
    }
    return 0;
}

/* Deck files dropped into the folder that game.xml does not name: their cards are not used. */
static void unnamed_files(pl_loader_t *ld)
{
    DIR *dp = opendir(ld->dir);
    if (!dp)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".xml") != 0 ||
            !strcmp(e->d_name, "game.xml"))
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **p = realloc(names, nc * sizeof *p);
            if (!p)
                break;
            names = p;
            cap = nc;
        }
        if (!(names[n] = strdup(e->d_name)))
            break;
        n++;
    }
    closedir(dp);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (named_in_game(ld, names[i]))
            continue;
        size_t len = strlen(ld->dir) + strlen(names[i]) + 2;
        char *path = malloc(len);
        if (!path)
            continue;
        snprintf(path, len, "%s/%s", ld->dir, names[i]);
        struct stat sb;
        if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
            pl_diags_t quiet;
            pl_diags_init(&quiet);
            xmlDocPtr doc = pl_xml_parse_file(path, path, &quiet);
            xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
            const char *saved = ld->file;
            ld->file = pl_dup(ld, path);
            if (pl_xml_is(root, "deck")) {
                const char *id = pl_attr(ld, root, "id"), *kind = pl_attr(ld, root, "kind");
                pl_warn(ld, pl_xml_line(root),
                        "game.xml names no deck with this file: its cards are not used (to use them, add <deck "
                        "id=\"%s\" kind=\"%s\" file=\"%s\"/> inside <decks>)",
                        id ? id : "", kind ? kind : "", names[i]);
            } else {
                pl_warn(ld, 0, "game.xml does not name this file: the game does not read it");
            }
            ld->file = saved;
            xmlFreeDoc(doc);
            pl_diags_free(&quiet);
        }
        free(path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* Marks every deck an effect list draws from (recursing into nested lists). */
static void mark_drawn(const pl_ruleset_t *rs, pl_range_t r, uint8_t *drawn, int depth)
{
    if (depth > PL_MAX_STACK)
        return;
    for (uint32_t i = r.first; i < r.first + r.count && i < rs->n_effects; i++) {
        const pl_effect_t *e = &rs->effects[i];
        if ((e->op == PL_EFF_DRAW || e->op == PL_EFF_REVEAL || (e->op == PL_EFF_VOTE && !e->opts.count)) &&
            e->ref < rs->n_decks)
            drawn[e->ref] = 1;
        mark_drawn(rs, e->body, drawn, depth + 1);
        mark_drawn(rs, e->alt, drawn, depth + 1);
        mark_drawn(rs, e->tie, drawn, depth + 1);
        for (uint32_t o = e->opts.first; o < e->opts.first + e->opts.count && o < rs->n_options; o++)
            mark_drawn(rs, rs->options[o].effects, drawn, depth + 1);
    }
}

static void decks_never_drawn(pl_loader_t *ld)
{
    const pl_ruleset_t *rs = ld->rs;
    uint8_t drawn[PL_MAX_DECKS] = { 0 };
    if (rs->turn.hand_deck >= 0 && rs->turn.hand_deck < rs->n_decks)
        drawn[rs->turn.hand_deck] = 1;
    if (rs->turn.setup_deck >= 0 && rs->turn.setup_deck < rs->n_decks)
        drawn[rs->turn.setup_deck] = 1;
    pl_range_t all = { 0, rs->n_effects };
    mark_drawn(rs, all, drawn, 0);
    ld->file = ld->game_file;
    for (int d = 0; d < rs->n_decks; d++)
        if (!drawn[d])
            pl_warn(ld, ld->deck_line[d],
                    "deck '%s' is never drawn: no draw, reveal or vote names it, and it is not the turn's "
                    "hand-deck or setup-deck",
                    rs->decks[d].id);
}

/* Why a condition can never hold ("" when it can). */
static void never_holds(const pl_ruleset_t *rs, const pl_cond_t *q, char *why, size_t len)
{
    why[0] = '\0';
    const pl_counter_t *c = NULL;
    const char *what = NULL;
    if (q->kind == PL_COND_COUNTER && q->ref < rs->n_counters)
        c = &rs->counters[q->ref], what = "has-counter";
    else if (q->kind == PL_COND_TABLE && q->ref < rs->n_table_counters)
        c = &rs->table_counters[q->ref], what = "has-table-counter";
    if (c) {
        if (q->min > c->max)
            snprintf(why, len, PL_TR("%s asks for %s at %d or more, but the counter never goes above %d"), what, c->id,
                     q->min, c->max);
        else if (q->max < c->min)
            snprintf(why, len, PL_TR("%s asks for %s at %d or less, but the counter never goes below %d"), what, c->id,
                     q->max, c->min);
    } else if (q->kind == PL_COND_TOKEN && q->ref < rs->n_tokens) {
        const pl_token_t *t = &rs->tokens[q->ref];
        if (q->min > t->max)
            snprintf(why, len, PL_TR("has-token asks for %d %s, but a seat holds at most %d"), q->min, t->id, t->max);
        else if (q->max < 0)
            snprintf(why, len, PL_TR("has-token asks for fewer than none of %s"), t->id);
    } else if (q->kind == PL_COND_ROUND && rs->turn.max_rounds && q->min > rs->turn.max_rounds) {
        snprintf(why, len, PL_TR("round asks for round %d or later, but the game stops after round %u"), q->min,
                 rs->turn.max_rounds);
    }
}

static void check_conds(pl_loader_t *ld, pl_range_t r, const char *owner)
{
    const pl_ruleset_t *rs = ld->rs;
    char why[320];
    for (uint32_t i = r.first; i < r.first + r.count && i < rs->n_conds; i++) {
        never_holds(rs, &rs->conds[i], why, sizeof why);
        if (why[0])
            pl_warn(ld, rs->conds[i].line, "%s: a condition that can never hold: %s", owner, why);
    }
}

static void check_effect_conds(pl_loader_t *ld, pl_range_t r, const char *owner, int depth)
{
    const pl_ruleset_t *rs = ld->rs;
    if (depth > PL_MAX_STACK)
        return;
    for (uint32_t i = r.first; i < r.first + r.count && i < rs->n_effects; i++) {
        const pl_effect_t *e = &rs->effects[i];
        check_conds(ld, e->conds, owner);
        check_effect_conds(ld, e->body, owner, depth + 1);
        check_effect_conds(ld, e->alt, owner, depth + 1);
        check_effect_conds(ld, e->tie, owner, depth + 1);
        for (uint32_t o = e->opts.first; o < e->opts.first + e->opts.count && o < rs->n_options; o++)
            check_effect_conds(ld, rs->options[o].effects, owner, depth + 1);
    }
}

static void conditions_never_hold(pl_loader_t *ld)
{
    const pl_ruleset_t *rs = ld->rs;
    char owner[128];
    for (uint32_t k = 0; k < rs->n_cards; k++) {
        const pl_card_t *cd = &rs->cards[k];
        if (!cd->file)
            continue;
        ld->file = cd->file;
        snprintf(owner, sizeof owner, PL_TR("card '%s'"), cd->id ? cd->id : "");
        check_conds(ld, cd->requires, owner);
        check_effect_conds(ld, cd->effects, owner, 0);
    }
    ld->file = ld->game_file;
    for (int s = 0; s < rs->n_spaces; s++) {
        snprintf(owner, sizeof owner, PL_TR("space '%s'"), rs->spaces[s].id);
        check_effect_conds(ld, rs->spaces[s].on_land, owner, 0);
    }
    check_conds(ld, rs->end_conds, "end");
    for (uint32_t i = 0; i < rs->n_scoring; i++)
        if (rs->scoring[i].kind == PL_SCORE_BONUS)
            check_conds(ld, rs->scoring[i].conds, "bonus");
}

static void actions_without_impact(pl_loader_t *ld)
{
    const pl_ruleset_t *rs = ld->rs;
    for (uint32_t k = 0; k < rs->n_cards; k++) {
        const pl_card_t *cd = &rs->cards[k];
        if (cd->kind != PL_CARD_ACTION || !cd->file)
            continue;
        ld->file = cd->file;
        const char *id = cd->id ? cd->id : "";
        if (!cd->impact && !cd->horizon)
            pl_warn(ld, cd->line, "action card '%s' has no impact and no horizon: the card and the debrief show neither",
                    id);
        else if (!cd->impact)
            pl_warn(ld, cd->line, "action card '%s' has no impact (1 to 3): the card and the debrief do not show it", id);
        else if (!cd->horizon)
            pl_warn(ld, cd->line, "action card '%s' has no horizon (short, medium, long): the card and the debrief do "
                    "not show it", id);
    }
}

/* Steps of every move effect (any sign), recursing into nested lists. */
static void move_steps(const pl_ruleset_t *rs, pl_range_t r, uint8_t *fwd, uint8_t *back, uint8_t *go, int depth)
{
    if (depth > PL_MAX_STACK)
        return;
    for (uint32_t i = r.first; i < r.first + r.count && i < rs->n_effects; i++) {
        const pl_effect_t *e = &rs->effects[i];
        if (e->op == PL_EFF_MOVE && e->amount > 0 && e->amount <= PL_MAX_SPACES)
            fwd[e->amount] = 1;
        else if (e->op == PL_EFF_MOVE && e->amount < 0 && -e->amount <= PL_MAX_SPACES)
            back[-e->amount] = 1;
        else if (e->op == PL_EFF_GOTO && e->ref < rs->n_spaces)
            go[e->ref] = 1;
        move_steps(rs, e->body, fwd, back, go, depth + 1);
        move_steps(rs, e->alt, fwd, back, go, depth + 1);
        move_steps(rs, e->tie, fwd, back, go, depth + 1);
        for (uint32_t o = e->opts.first; o < e->opts.first + e->opts.count && o < rs->n_options; o++)
            move_steps(rs, rs->options[o].effects, fwd, back, go, depth + 1);
    }
}

/* Spaces with on-land effects where no roll and no move effect can end a pawn's move (as the
 * core walks: along next, any way at a fork, stopping at stop spaces and at the end). A space
 * with no way to it at all is an error already (check.c). */
static void spaces_never_landed(pl_loader_t *ld)
{
    const pl_ruleset_t *rs = ld->rs;
    int ns = rs->n_spaces;
    if (!ns || ld->board_broken || rs->start_space >= ns)
        return;
    uint8_t fwd[PL_MAX_SPACES + 1] = { 0 }, back[PL_MAX_SPACES + 1] = { 0 }, go[PL_MAX_SPACES] = { 0 };
    int lo = rs->turn.dice ? rs->turn.dice : 1, hi = lo * (rs->turn.sides ? rs->turn.sides : 1);
    for (int k = lo; k <= hi && k <= PL_MAX_SPACES; k++)
        fwd[k] = 1;
    pl_range_t all = { 0, rs->n_effects };
    move_steps(rs, all, fwd, back, go, 0);

    /* walk states (space, steps still to go), shared by every start of a move */
    static const int W = PL_MAX_SPACES + 1;
    uint8_t *seen = calloc((size_t)ns * (size_t)W, 1), *back_seen = calloc((size_t)ns * (size_t)W, 1);
    uint16_t *queue = malloc((size_t)ns * (size_t)W * 4 * sizeof *queue); /* two entries per state */
    uint8_t occupied[PL_MAX_SPACES] = { 0 }, landed[PL_MAX_SPACES] = { 0 }, todo[PL_MAX_SPACES];
    if (!seen || !back_seen || !queue) {
        free(seen);
        free(back_seen);
        free(queue);
        ld->oom = 1;
        return;
    }
    int n_todo = 0;
    occupied[rs->start_space] = 1;
    todo[n_todo++] = rs->start_space;
    for (int s = 0; s < ns; s++)
        if (go[s] && !occupied[s])
            occupied[s] = 1, todo[n_todo++] = (uint8_t)s;
    while (n_todo) {
        int from = todo[--n_todo];
        int head = 0, tail = 0;
        for (int k = 1; k <= PL_MAX_SPACES; k++) {
            if (fwd[k] && !seen[from * W + k]) {
                seen[from * W + k] = 1;
                queue[tail++] = (uint16_t)from, queue[tail++] = (uint16_t)k;
            }
            if (back[k] && !back_seen[from * W + k]) {
                back_seen[from * W + k] = 1;
                queue[tail++] = (uint16_t)(from | 0x8000), queue[tail++] = (uint16_t)k;
            }
        }
        while (head < tail) {
            int s = queue[head] & 0x7FFF, backwards = queue[head] >> 15, left = queue[head + 1];
            head += 2;
            int end = -1;
            if (!backwards) {
                const pl_space_t *sp = &rs->spaces[s];
                if (!left || !sp->n_next)
                    end = s;
                for (int j = 0; end < 0 && j < sp->n_next; j++) {
                    int t = sp->next[j];
                    if (t >= ns)
                        continue;
                    if (rs->spaces[t].stop || left == 1) {
                        if (!landed[t]) {
                            landed[t] = 1;
                            if (!occupied[t])
                                occupied[t] = 1, todo[n_todo++] = (uint8_t)t;
                        }
                    } else if (!seen[t * W + left - 1]) {
                        seen[t * W + left - 1] = 1;
                        queue[tail++] = (uint16_t)t, queue[tail++] = (uint16_t)(left - 1);
                    }
                }
            } else {
                int any = 0; /* back along every way that leads here */
                for (int t = 0; t < ns && left; t++) {
                    const pl_space_t *tp = &rs->spaces[t];
                    for (int j = 0; j < tp->n_next; j++)
                        if (tp->next[j] == s) {
                            any = 1;
                            if (!back_seen[t * W + left - 1]) {
                                back_seen[t * W + left - 1] = 1;
                                queue[tail++] = (uint16_t)(t | 0x8000), queue[tail++] = (uint16_t)(left - 1);
                            }
                        }
                }
                if (!left || !any)
                    end = s;
            }
            /* (a move that comes back to where it started lands nowhere; counting it anyway
             * only errs towards fewer warnings, and lets the walk states be shared) */
            if (end >= 0 && !landed[end]) {
                landed[end] = 1;
                if (!occupied[end])
                    occupied[end] = 1, todo[n_todo++] = (uint8_t)end;
            }
        }
    }
    ld->file = ld->game_file;
    for (int s = 0; s < ns; s++) {
        const pl_space_t *sp = &rs->spaces[s];
        if (!landed[s] && sp->on_land.count && s != rs->start_space)
            pl_warn(ld, sp->line,
                    "space '%s' is never landed on: no roll (%d to %d) and no move effect ends a pawn's move there, so "
                    "its on-land effects never happen",
                    sp->id, lo, hi);
    }
    free(seen);
    free(back_seen);
    free(queue);
}

/* Counters the score is made of but that players never see (role="hidden"): nobody could tell why they score. */
static void scored_not_shown(pl_loader_t *ld)
{
    const pl_ruleset_t *rs = ld->rs;
    uint32_t seen = 0, seen_table = 0; /* one warning per counter */
    ld->file = ld->game_file;
    for (uint32_t i = 0; i < rs->n_scoring; i++) {
        const pl_score_rule_t *r = &rs->scoring[i];
        uint32_t mask = 0;
        if (r->kind == PL_SCORE_COUNTER && r->ref < rs->n_counters)
            mask = 1u << r->ref;
        else if (r->kind == PL_SCORE_BALANCE || r->kind == PL_SCORE_SPREAD)
            mask = r->mask;
        else if (r->kind == PL_SCORE_PRIORITY)
            for (uint32_t k = 0; k < rs->n_priorities; k++)
                if (rs->priorities[k].counter < rs->n_counters)
                    mask |= 1u << rs->priorities[k].counter;
        for (int c = 0; c < rs->n_counters && c < 32; c++)
            if ((mask >> c) & 1u && rs->counters[c].look.role == PL_ROLE_HIDDEN && !((seen >> c) & 1u)) {
                seen |= 1u << c;
                pl_warn(ld, ld->counter_line[c],
                        "counter '%s' counts in the score but is hidden (role=\"hidden\"): players cannot see what "
                        "they are scored on; give it role=\"lens\" or \"resource\"",
                        rs->counters[c].id);
            }
        if (r->kind == PL_SCORE_TARGET && r->ref < rs->n_table_counters && r->ref < 32 &&
            rs->table_counters[r->ref].look.role == PL_ROLE_HIDDEN && !((seen_table >> r->ref) & 1u)) {
            seen_table |= 1u << r->ref;
            pl_warn(ld, ld->table_counter_line[r->ref],
                    "table counter '%s' is a scoring target but is hidden (role=\"hidden\"): the table cannot see "
                    "how close it is",
                    rs->table_counters[r->ref].id);
        }
    }
}

void pl_lint(pl_loader_t *ld)
{
    const char *saved = ld->file;
    unnamed_files(ld);
    decks_never_drawn(ld);
    conditions_never_hold(ld);
    actions_without_impact(ld);
    spaces_never_landed(ld);
    scored_not_shown(ld);
    ld->file = saved;
}
