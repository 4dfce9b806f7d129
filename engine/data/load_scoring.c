/* load_scoring.c -- the scoring rules of game.xml: counters, balance, spread, targets, bonuses */
#include <string.h>
#include "load.h"

static const char *const rule_elem[] = {
    [PL_SCORE_COUNTER] = "counter", [PL_SCORE_BALANCE] = "balance", [PL_SCORE_SPREAD] = "spread",
    [PL_SCORE_TARGET] = "target", [PL_SCORE_BONUS] = "bonus", [PL_SCORE_PRIORITY] = "priorities",
};

static int rule_kind(xmlNodePtr n)
{
    for (int k = 1; k < PL_SCORE__COUNT; k++)
        if (pl_xml_is(n, rule_elem[k]))
            return k;
    return 0;
}

/* Bit mask of the seat counters listed in refs. */
static uint32_t refs_mask(pl_loader_t *ld, xmlNodePtr n, unsigned line)
{
    const char *refs = pl_attr(ld, n, "refs");
    uint32_t mask = 0;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", refs ? refs : "");
    char *save = NULL;
    for (char *t = strtok_r(buf, " \t\r\n", &save); t; t = strtok_r(NULL, " \t\r\n", &save)) {
        int c = pl_ruleset_counter(ld->rs, t);
        if (c < 0)
            pl_err(ld, line, "%s: unknown counter '%s'%s", (const char *)n->name, t, pl_hint(ld, PL_REF_COUNTER, t));
        else
            mask |= 1u << c;
    }
    if (!mask && refs)
        pl_err(ld, line, "%s: names no counter", (const char *)n->name);
    return mask;
}

void pl_load_scoring(pl_loader_t *ld, xmlNodePtr scoring)
{
    if (!scoring)
        return;
    uint32_t n = 0;
    for (xmlNodePtr c = scoring->children; c; c = c->next)
        n += rule_kind(c) != 0;
    if (!n)
        return;
    uint32_t first = pl_ruleset_add_scoring(ld->rs, n), i = first;
    if (first == UINT32_MAX) {
        ld->oom = 1;
        return;
    }
    int has_priorities = 0;
    for (xmlNodePtr c = scoring->children; c; c = c->next) {
        int k = rule_kind(c);
        if (!k)
            continue;
        pl_score_rule_t r;
        memset(&r, 0, sizeof r);
        r.kind = (uint8_t)k;
        unsigned line = pl_xml_line(c);
        r.weight = pl_attr_int(ld, c, "weight", 1);
        char what[96];
        snprintf(what, sizeof what, "scoring rule %s (line %u)", rule_elem[k], line);
        pl_load_text(ld, c, "name", &r.name, 1, what);
        switch (k) {
        case PL_SCORE_COUNTER: {
            const char *ref = pl_attr(ld, c, "ref");
            int x = ref ? pl_ruleset_counter(ld->rs, ref) : -1;
            if (x < 0 && ref)
                pl_err(ld, line, "counter: unknown counter '%s'%s", ref, pl_hint(ld, PL_REF_COUNTER, ref));
            r.ref = (uint16_t)(x < 0 ? 0 : x);
            break;
        }
        case PL_SCORE_BALANCE:
        case PL_SCORE_SPREAD:
            r.mask = refs_mask(ld, c, line);
            break;
        case PL_SCORE_TARGET: {
            const char *ref = pl_attr(ld, c, "ref");
            int x = ref ? pl_ruleset_table_counter(ld->rs, ref) : -1;
            if (x < 0 && ref)
                pl_err(ld, line, "target: unknown table counter '%s'%s", ref, pl_hint(ld, PL_REF_TABLE_COUNTER, ref));
            r.ref = (uint16_t)(x < 0 ? 0 : x);
            r.threshold = pl_attr_int(ld, c, "min", 0);
            r.weight = pl_attr_int(ld, c, "points", 0);
            break;
        }
        case PL_SCORE_BONUS:
            r.weight = pl_attr_int(ld, c, "points", 0);
            r.conds = pl_load_conds(ld, c);
            break;
        case PL_SCORE_PRIORITY:
            if (ld->rs->turn.setup_deck < 0)
                pl_err(ld, line, "priorities: the game has no setup-deck (turn@setup-deck)");
            has_priorities = 1;
            break;
        }
        ld->rs->scoring[i++] = r;
    }
    (void)has_priorities;
}
