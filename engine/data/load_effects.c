/* load_effects.c -- effects and conditions (recursive lists) of cards, spaces, end and scoring */
#include <string.h>
#include "load.h"

/* effect lists inside effect lists (delay, if, choice, vote): the core resolves at most
 * PL_MAX_STACK frames at once, so keep designs well inside it */
#define PL_DATA_MAX_NESTING (PL_MAX_STACK / 2)

static const char *const effect_elem[] = {
    [PL_EFF_COUNTER] = "counter", [PL_EFF_MOVE] = "move", [PL_EFF_GOTO] = "goto",
    [PL_EFF_SKIP] = "skip", [PL_EFF_DRAW] = "draw", [PL_EFF_REVEAL] = "reveal",
    [PL_EFF_GAIN] = "gain", [PL_EFF_SPEND] = "spend", [PL_EFF_DELAY] = "delay",
    [PL_EFF_IF] = "if", [PL_EFF_CHOICE] = "choice", [PL_EFF_VOTE] = "vote",
};

static int effect_op(xmlNodePtr n)
{
    for (int op = 1; op < PL_EFF__COUNT; op++)
        if (pl_xml_is(n, effect_elem[op]))
            return op;
    return 0;
}

static const char *const cond_elem[] = {
    [PL_COND_COUNTER] = "has-counter", [PL_COND_TABLE] = "has-table-counter",
    [PL_COND_TOKEN] = "has-token", [PL_COND_FINISHED] = "finished",
    [PL_COND_PHASE] = "in-phase", [PL_COND_ROUND] = "round",
};

static int cond_kind(xmlNodePtr n)
{
    for (int k = 1; k < PL_COND__COUNT; k++)
        if (pl_xml_is(n, cond_elem[k]))
            return k;
    return 0;
}

static int target_of(pl_loader_t *ld, xmlNodePtr n, int *given)
{
    const char *t = pl_attr(ld, n, "target");
    *given = t != NULL;
    if (!t || !strcmp(t, "self"))
        return PL_TGT_SELF;
    if (!strcmp(t, "others"))
        return PL_TGT_OTHERS;
    if (!strcmp(t, "all"))
        return PL_TGT_ALL;
    if (!strcmp(t, "table"))
        return PL_TGT_TABLE;
    pl_err(ld, pl_xml_line(n), "unknown target '%s' (self, others, all, table)", t);
    return PL_TGT_SELF;
}

/* Resolves a deck reference; -1 (with an error) when absent. */
static int deck_ref(pl_loader_t *ld, xmlNodePtr n, const char *attr)
{
    const char *id = pl_attr(ld, n, attr);
    int d = id ? pl_ruleset_deck(ld->rs, id) : -1;
    if (d < 0 && id) /* absent: the schema said so already */
        pl_err(ld, pl_xml_line(n), "%s: unknown deck '%s'%s", (const char *)n->name, id, pl_hint(ld, PL_REF_DECK, id));
    return d;
}

static pl_range_t load_options(pl_loader_t *ld, xmlNodePtr parent)
{
    pl_range_t r = { 0, 0 };
    uint32_t n = 0;
    for (xmlNodePtr c = parent->children; c; c = c->next)
        n += pl_xml_is(c, "option");
    if (!n)
        return r;
    uint32_t first = pl_ruleset_add_options(ld->rs, n);
    if (first == UINT32_MAX) {
        ld->oom = 1;
        return r;
    }
    uint32_t i = first;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (!pl_xml_is(c, "option"))
            continue;
        const char *id = pl_dup(ld, pl_attr(ld, c, "id"));
        for (uint32_t k = first; k < i; k++)
            if (id && ld->rs->options[k].id && !strcmp(ld->rs->options[k].id, id)) {
                unsigned at = 0; /* the line of the first option with that id */
                for (xmlNodePtr q = parent->children; q && q != c && !at; q = q->next) {
                    const char *qid = pl_xml_is(q, "option") ? pl_attr(ld, q, "id") : NULL;
                    if (qid && !strcmp(qid, id))
                        at = pl_xml_line(q);
                }
                pl_err(ld, pl_xml_line(c), "option id '%s' used twice in the same %s (first on line %u)", id,
                       (const char *)parent->name, at);
                break;
            }
        char what[96];
        snprintf(what, sizeof what, "option '%s'", id ? id : "");
        pl_text_t label;
        pl_load_text(ld, c, "label", &label, 1, what);
        pl_range_t eff = pl_load_effects(ld, c);
        pl_option_t *o = &ld->rs->options[i++];
        o->id = id;
        o->label = label;
        o->effects = eff;
    }
    r.first = first;
    r.count = n;
    return r;
}

/* Fills effect slot idx from element n (recursing into children first: slots may move). */
static void load_effect(pl_loader_t *ld, xmlNodePtr n, int op, uint32_t idx)
{
    pl_effect_t e;
    memset(&e, 0, sizeof e);
    e.op = (uint8_t)op;
    e.line = pl_xml_line(n);
    int given = 0;
    const pl_ruleset_t *rs = ld->rs;
    switch (op) {
    case PL_EFF_COUNTER: {
        const char *ref = pl_attr(ld, n, "ref");
        e.target = (uint8_t)target_of(ld, n, &given);
        e.amount = pl_attr_int(ld, n, "amount", 0);
        int c = ref ? pl_ruleset_counter(rs, ref) : -1;
        int t = ref ? pl_ruleset_table_counter(rs, ref) : -1;
        if (c < 0 && t < 0) {
            if (ref)
                pl_err(ld, e.line, "counter: unknown counter '%s'%s", ref, pl_hint(ld, PL_REF_COUNTER, ref));
        } else if (t >= 0) {
            if (given && e.target != PL_TGT_TABLE)
                pl_err(ld, e.line, "counter: '%s' is a table counter: its target can only be table", ref);
            e.target = PL_TGT_TABLE;
            e.ref = (uint16_t)t;
        } else {
            if (e.target == PL_TGT_TABLE)
                pl_err(ld, e.line, "counter: '%s' is a seat counter, not a table counter (target=\"table\")", ref);
            e.ref = (uint16_t)c;
        }
        break;
    }
    case PL_EFF_MOVE:
        e.target = (uint8_t)target_of(ld, n, &given);
        e.amount = pl_attr_int(ld, n, "steps", 0);
        break;
    case PL_EFF_GOTO: {
        e.target = (uint8_t)target_of(ld, n, &given);
        const char *sp = pl_attr(ld, n, "space");
        int s = sp ? pl_ruleset_space(rs, sp) : -1;
        if (s < 0 && sp)
            pl_err(ld, e.line, "goto: unknown space '%s'%s", sp, pl_hint(ld, PL_REF_SPACE, sp));
        e.ref = (uint16_t)(s < 0 ? 0 : s);
        break;
    }
    case PL_EFF_SKIP:
        e.target = (uint8_t)target_of(ld, n, &given);
        e.amount = pl_attr_int(ld, n, "turns", 1);
        break;
    case PL_EFF_DRAW:
    case PL_EFF_REVEAL: {
        e.target = (uint8_t)target_of(ld, n, &given);
        int d = deck_ref(ld, n, "deck");
        e.ref = (uint16_t)(d < 0 ? 0 : d);
        e.amount = pl_attr_int(ld, n, "count", 1);
        if (op == PL_EFF_DRAW && d >= 0 && rs->decks[d].kind != PL_CARD_ACTION)
            pl_err(ld, e.line, "draw: deck '%s' is of kind %s: only action cards go to hands (reveal resolves other cards)",
                   rs->decks[d].id, pl_card_kind_name(rs->decks[d].kind));
        break;
    }
    case PL_EFF_GAIN:
    case PL_EFF_SPEND: {
        e.target = (uint8_t)target_of(ld, n, &given);
        const char *tk = pl_attr(ld, n, "token");
        int t = tk ? pl_ruleset_token(rs, tk) : -1;
        if (t < 0 && tk)
            pl_err(ld, e.line, "%s: unknown token '%s'%s", effect_elem[op], tk, pl_hint(ld, PL_REF_TOKEN, tk));
        e.ref = (uint16_t)(t < 0 ? 0 : t);
        e.amount = pl_attr_int(ld, n, "count", 1);
        break;
    }
    case PL_EFF_DELAY:
        e.amount = pl_attr_int(ld, n, "turns", 1);
        e.body = pl_load_effects(ld, n);
        break;
    case PL_EFF_IF: {
        xmlNodePtr w = pl_xml_child(n, "when"), t = pl_xml_child(n, "then"), el = pl_xml_child(n, "else");
        if (w)
            e.conds = pl_load_conds(ld, w);
        if (t)
            e.body = pl_load_effects(ld, t);
        if (el)
            e.alt = pl_load_effects(ld, el);
        break;
    }
    case PL_EFF_CHOICE:
        e.opts = load_options(ld, n);
        if (e.opts.count < 2 || e.opts.count > PL_MAX_OPTIONS)
            pl_err(ld, e.line, "choice: needs 2 to %d options, has %u", PL_MAX_OPTIONS, e.opts.count);
        break;
    case PL_EFF_VOTE: {
        const char *v = pl_attr(ld, n, "voters");
        e.target = (uint8_t)(v && !strcmp(v, "others") ? PL_TGT_OTHERS : PL_TGT_ALL);
        e.opts = load_options(ld, n);
        xmlNodePtr tie = pl_xml_child(n, "tie");
        if (tie)
            e.tie = pl_load_effects(ld, tie);
        if (pl_attr(ld, n, "deck")) {
            int d = deck_ref(ld, n, "deck");
            e.ref = (uint16_t)(d < 0 ? 0 : d);
            e.amount = pl_attr_int(ld, n, "draw", 3);
            if (d >= 0 && rs->decks[d].kind != PL_CARD_PROPOSAL)
                pl_err(ld, e.line, "vote: deck '%s' is of kind %s, a vote draws from a deck of kind proposal",
                       rs->decks[d].id, pl_card_kind_name(rs->decks[d].kind));
            if (e.opts.count)
                pl_err(ld, e.line, "vote: options come from deck '%s': no option elements allowed",
                       pl_attr(ld, n, "deck"));
            if (e.amount < 2 || e.amount > PL_MAX_OPTIONS)
                pl_err(ld, e.line, "vote: draw must be 2 to %d", PL_MAX_OPTIONS);
        } else if (pl_attr(ld, n, "draw")) {
            pl_err(ld, e.line, "vote: draw needs a deck");
        } else if (e.opts.count < 2 || e.opts.count > PL_MAX_OPTIONS) {
            pl_err(ld, e.line, "vote: needs 2 to %d options (or a deck of proposals), has %u",
                   PL_MAX_OPTIONS, e.opts.count);
        }
        break;
    }
    }
    if (given && e.target == PL_TGT_TABLE && op != PL_EFF_COUNTER)
        pl_err(ld, e.line, "%s: target table applies to table counters only", effect_elem[op]);
    ld->rs->effects[idx] = e;
}

pl_range_t pl_load_effects(pl_loader_t *ld, xmlNodePtr parent)
{
    pl_range_t r = { 0, 0 };
    uint32_t n = 0;
    for (xmlNodePtr c = parent->children; c; c = c->next)
        n += effect_op(c) != 0;
    if (!n)
        return r;
    if (ld->depth >= PL_DATA_MAX_NESTING) {
        pl_err(ld, pl_xml_line(parent), "effects nested too deeply (at most %d levels)", PL_DATA_MAX_NESTING);
        return r;
    }
    uint32_t first = pl_ruleset_add_effects(ld->rs, n);
    if (first == UINT32_MAX) {
        ld->oom = 1;
        return r;
    }
    uint32_t i = first;
    ld->depth++;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        int op = effect_op(c);
        if (op)
            load_effect(ld, c, op, i++);
    }
    ld->depth--;
    r.first = first;
    r.count = n;
    return r;
}

static int32_t bound(pl_loader_t *ld, xmlNodePtr n, const char *name, int32_t def)
{
    return pl_attr_int(ld, n, name, def);
}

static int phase_ref(pl_loader_t *ld, xmlNodePtr n, const char *attr, int def)
{
    const char *id = pl_attr(ld, n, attr);
    if (!id)
        return def;
    int p = pl_ruleset_phase(ld->rs, id);
    if (p < 0)
        pl_err(ld, pl_xml_line(n), "in-phase: unknown phase '%s'%s", id, pl_hint(ld, PL_REF_PHASE, id));
    return p < 0 ? def : p;
}

pl_range_t pl_load_conds(pl_loader_t *ld, xmlNodePtr parent)
{
    pl_range_t r = { 0, 0 };
    uint32_t n = 0;
    for (xmlNodePtr c = parent->children; c; c = c->next)
        n += cond_kind(c) != 0;
    if (!n)
        return r;
    uint32_t first = pl_ruleset_add_conds(ld->rs, n);
    if (first == UINT32_MAX) {
        ld->oom = 1;
        return r;
    }
    uint32_t i = first;
    const pl_ruleset_t *rs = ld->rs;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        int k = cond_kind(c);
        if (!k)
            continue;
        pl_cond_t q;
        memset(&q, 0, sizeof q);
        q.kind = (uint8_t)k;
        q.line = pl_xml_line(c);
        q.min = INT32_MIN;
        q.max = INT32_MAX;
        const char *ref = pl_attr(ld, c, "ref");
        int x = -1;
        switch (k) {
        case PL_COND_COUNTER:
            x = ref ? pl_ruleset_counter(rs, ref) : -1;
            if (x < 0 && ref)
                pl_err(ld, q.line, "has-counter: unknown counter '%s'%s", ref,
                       pl_ruleset_table_counter(rs, ref) >= 0 ? PL_TR(" (it is a table counter: use has-table-counter)")
                                                              : pl_hint(ld, PL_REF_COUNTER, ref));
            q.min = bound(ld, c, "min", INT32_MIN);
            q.max = bound(ld, c, "max", INT32_MAX);
            break;
        case PL_COND_TABLE:
            x = ref ? pl_ruleset_table_counter(rs, ref) : -1;
            if (x < 0 && ref)
                pl_err(ld, q.line, "has-table-counter: unknown table counter '%s'%s", ref,
                       pl_ruleset_counter(rs, ref) >= 0 ? PL_TR(" (it is a seat counter: use has-counter)")
                                                        : pl_hint(ld, PL_REF_TABLE_COUNTER, ref));
            q.min = bound(ld, c, "min", INT32_MIN);
            q.max = bound(ld, c, "max", INT32_MAX);
            break;
        case PL_COND_TOKEN:
            x = ref ? pl_ruleset_token(rs, ref) : -1;
            if (x < 0 && ref)
                pl_err(ld, q.line, "has-token: unknown token '%s'%s", ref, pl_hint(ld, PL_REF_TOKEN, ref));
            q.min = bound(ld, c, "min", 1);
            q.max = bound(ld, c, "max", INT32_MAX);
            break;
        case PL_COND_FINISHED:
            break;
        case PL_COND_PHASE:
            if (ref) {
                if (pl_attr(ld, c, "min") || pl_attr(ld, c, "max"))
                    pl_err(ld, q.line, "in-phase: give either ref or min/max, not both");
                q.min = q.max = phase_ref(ld, c, "ref", 0);
            } else {
                if (!pl_attr(ld, c, "min") && !pl_attr(ld, c, "max"))
                    pl_err(ld, q.line, "in-phase: needs ref, or min and/or max");
                q.min = phase_ref(ld, c, "min", 0);
                q.max = phase_ref(ld, c, "max", rs->n_phases ? rs->n_phases - 1 : 0);
            }
            break;
        case PL_COND_ROUND:
            q.min = bound(ld, c, "min", 0);
            q.max = bound(ld, c, "max", INT32_MAX);
            break;
        }
        if (x >= 0)
            q.ref = (uint16_t)x;
        if (q.min > q.max)
            pl_err(ld, q.line, "%s: min is above max: the condition can never hold", cond_elem[k]);
        ld->rs->conds[i++] = q;
    }
    r.first = first;
    r.count = n;
    return r;
}
