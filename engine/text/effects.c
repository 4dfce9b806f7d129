/* effects.c -- effects, costs and conditions in words: one describer for screens, logs, exports and print */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "text/text.h"

#define MINUS "\xE2\x88\x92" /* U+2212, a real minus sign */

typedef struct {
    const pl_ruleset_t *rs;
    int lang;
    pt_item_t *out;
    int cap, n;
} sink_t;

/* French typography for the phrases we build (package texts are done by the loader). */
static void finish_text(int lang, char *text, size_t len)
{
    if (lang != PL_LANG_FR)
        return;
    char tmp[sizeof ((pt_item_t *)0)->text];
    snprintf(tmp, sizeof tmp, "%s", text);
    pl_typo_fr(tmp, text, len);
}

/* a condition that a token be missing ("no legal certainty") */
static int cond_is_absence(const pl_cond_t *c)
{
    return c->kind == PL_COND_TOKEN && c->min <= 0 && c->max <= 0;
}

static pt_item_t *add(sink_t *k, int kind, int depth, int ref, int32_t amount, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static pt_item_t *add(sink_t *k, int kind, int depth, int ref, int32_t amount, const char *fmt, ...)
{
    int i = k->n++;
    if (i >= k->cap)
        return NULL;
    pt_item_t *it = &k->out[i];
    it->kind = (uint8_t)kind;
    it->depth = (uint8_t)(depth > 255 ? 255 : depth);
    it->ref = (uint16_t)(ref < 0 ? 0 : ref);
    it->target = PL_TGT_SELF;
    it->amount = amount;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(it->text, sizeof it->text, fmt, ap);
    va_end(ap);
    finish_text(k->lang, it->text, sizeof it->text);
    return it;
}

/* "+2" or "−2" */
static const char *signed_num(int32_t v, char *buf, size_t len)
{
    if (v < 0)
        snprintf(buf, len, MINUS "%lld", -(long long)v);
    else
        snprintf(buf, len, "+%d", v);
    return buf;
}

/* the prefix of a counter or token change that reaches other seats ("Other teams: −1 Env.") */
static const char *who_prefix(int target, int lang)
{
    switch (target) {
    case PL_TGT_OTHERS: return pt_tr(lang, "Other teams: ");
    case PL_TGT_ALL: return pt_tr(lang, "Every team: ");
    default: return "";
    }
}

static const char *table_label(const pl_ruleset_t *rs, int lang)
{
    const char *l = pl_text(&rs->table_label, lang);
    return *l ? l : pt_tr(lang, "Table");
}

static const char *deck_name(const pl_ruleset_t *rs, int d, int lang)
{
    return d >= 0 && d < rs->n_decks ? pl_text(&rs->decks[d].name, lang) : "?";
}

static void describe(sink_t *k, pl_range_t r, int depth);

static void describe_options(sink_t *k, const pl_effect_t *e, int depth, int vote)
{
    const pl_ruleset_t *rs = k->rs;
    for (uint32_t o = 0; o < e->opts.count && e->opts.first + o < rs->n_options; o++) {
        const pl_option_t *opt = &rs->options[e->opts.first + o];
        const char *label = pl_text(&opt->label, k->lang);
        if (vote)
            add(k, PT_IT_HEADER, depth, -1, 0, pt_tr(k->lang, "If “%s” wins:"), label);
        else
            add(k, PT_IT_HEADER, depth, -1, 0, pt_tr(k->lang, "“%s”:"), label);
        int before = k->n;
        describe(k, opt->effects, depth + 1);
        if (k->n == before)
            add(k, PT_IT_TEXT, depth + 1, -1, 0, "%s", pt_tr(k->lang, "no effect"));
    }
}

static void describe_one(sink_t *k, const pl_effect_t *e, int depth)
{
    const pl_ruleset_t *rs = k->rs;
    int lang = k->lang;
    char num[24];
    switch (e->op) {
    case PL_EFF_COUNTER:
        if (e->amount == 0)
            break;
        if (e->target == PL_TGT_TABLE) {
            if (e->ref >= rs->n_table_counters)
                break;
            const pl_counter_t *c = &rs->table_counters[e->ref];
            add(k, PT_IT_TABLE, depth, e->ref, e->amount, "%s%s%s %s", table_label(rs, lang),
                pt_tr(lang, ": "), signed_num(e->amount, num, sizeof num), pl_short_name(&c->name, &c->look, lang));
        } else if (e->ref < rs->n_counters) {
            const pl_counter_t *c = &rs->counters[e->ref];
            pt_item_t *it = add(k, PT_IT_COUNTER, depth, e->ref, e->amount, "%s%s %s", who_prefix(e->target, lang),
                                signed_num(e->amount, num, sizeof num), pl_short_name(&c->name, &c->look, lang));
            if (it)
                it->target = e->target;
        }
        break;
    case PL_EFF_GAIN:
    case PL_EFF_SPEND:
        if (e->ref >= rs->n_tokens || e->amount == 0)
            break;
        pt_item_t *it = add(k, PT_IT_TOKEN, depth, e->ref, e->op == PL_EFF_GAIN ? e->amount : -e->amount, "%s%s %s",
                            who_prefix(e->target, lang),
                            signed_num(e->op == PL_EFF_GAIN ? e->amount : -e->amount, num, sizeof num),
                            pl_text(&rs->tokens[e->ref].name, lang));
        if (it)
            it->target = e->target;
        break;
    case PL_EFF_MOVE: {
        if (e->amount == 0)
            break;
        unsigned long n = (unsigned long)(e->amount > 0 ? e->amount : -(long)e->amount);
        if (e->amount > 0)
            add(k, PT_IT_TEXT, depth, -1, e->amount,
                e->target == PL_TGT_OTHERS ? pt_ntr(lang, "The other teams move %d space forward", "The other teams move %d spaces forward", n)
                : e->target == PL_TGT_ALL  ? pt_ntr(lang, "Every team moves %d space forward", "Every team moves %d spaces forward", n)
                                           : pt_ntr(lang, "Move %d space forward", "Move %d spaces forward", n), (int)n);
        else
            add(k, PT_IT_TEXT, depth, -1, e->amount,
                e->target == PL_TGT_OTHERS ? pt_ntr(lang, "The other teams move %d space back", "The other teams move %d spaces back", n)
                : e->target == PL_TGT_ALL  ? pt_ntr(lang, "Every team moves %d space back", "Every team moves %d spaces back", n)
                                           : pt_ntr(lang, "Move %d space back", "Move %d spaces back", n), (int)n);
        break;
    }
    case PL_EFF_GOTO: {
        if (e->ref >= rs->n_spaces)
            break;
        add(k, PT_IT_TEXT, depth, -1, 0, e->target == PL_TGT_OTHERS ? pt_tr(lang, "The other teams go to “%s”")
                        : e->target == PL_TGT_ALL  ? pt_tr(lang, "Every team goes to “%s”")
                                                   : pt_tr(lang, "Go to “%s”"), pl_text(&rs->spaces[e->ref].name, lang));
        break;
    }
    case PL_EFF_SKIP: {
        unsigned long n = (unsigned long)(e->amount < 0 ? 0 : e->amount);
        add(k, PT_IT_TEXT, depth, -1, -e->amount, e->target == PL_TGT_OTHERS ? pt_ntr(lang, "The other teams skip %d turn", "The other teams skip %d turns", n)
                        : e->target == PL_TGT_ALL  ? pt_ntr(lang, "Every team skips %d turn", "Every team skips %d turns", n)
                                                   : pt_ntr(lang, "Skip %d turn", "Skip %d turns", n), (int)n);
        break;
    }
    case PL_EFF_DRAW: {
        unsigned long n = (unsigned long)(e->amount < 0 ? 0 : e->amount);
        add(k, PT_IT_TEXT, depth, -1, e->amount, e->target == PL_TGT_OTHERS ? pt_ntr(lang, "The other teams draw %d card from “%s”", "The other teams draw %d cards from “%s”", n)
                        : e->target == PL_TGT_ALL  ? pt_ntr(lang, "Every team draws %d card from “%s”", "Every team draws %d cards from “%s”", n)
                                                   : pt_ntr(lang, "Draw %d card from “%s”", "Draw %d cards from “%s”", n), (int)n, deck_name(rs, e->ref, lang));
        break;
    }
    case PL_EFF_REVEAL: {
        add(k, PT_IT_TEXT, depth, -1, 0, pt_ntr(lang, "Reveal %d card from “%s”", "Reveal %d cards from “%s”",
                                                 (unsigned long)(e->amount < 0 ? 0 : e->amount)),
            e->amount, deck_name(rs, e->ref, lang));
        break;
    }
    case PL_EFF_DELAY: {
        add(k, PT_IT_HEADER, depth, -1, e->amount, pt_ntr(lang, "In %d turn:", "In %d turns:",
                                                           (unsigned long)(e->amount < 0 ? 0 : e->amount)), e->amount);
        describe(k, e->body, depth + 1);
        break;
    }
    case PL_EFF_IF: {
        char cond[256];
        pt_conds(rs, e->conds, lang, cond, sizeof cond);
        int all_absent = e->conds.count > 0;
        for (uint32_t i = 0; i < e->conds.count && e->conds.first + i < rs->n_conds; i++)
            all_absent = all_absent && cond_is_absence(&rs->conds[e->conds.first + i]);
        if (all_absent) { /* "Without legal certainty and without ...:", never "With no ..." */
            char names[256] = "";
            size_t used = 0;
            for (uint32_t i = 0; i < e->conds.count && e->conds.first + i < rs->n_conds; i++) {
                const pl_cond_t *c = &rs->conds[e->conds.first + i];
                const char *name = c->ref < rs->n_tokens ? pl_text(&rs->tokens[c->ref].name, lang) : "?";
                int w = snprintf(names + used, sizeof names - used, "%s%s", i ? pt_tr(lang, " and without ") : "", name);
                if (w > 0)
                    used += (size_t)w < sizeof names - used ? (size_t)w : sizeof names - used - 1;
            }
            add(k, PT_IT_HEADER, depth, -1, 0, pt_tr(lang, "Without %s:"), names);
        } else {
            add(k, PT_IT_HEADER, depth, -1, 0, pt_tr(lang, "With %s:"), cond);
        }
        int before = k->n;
        describe(k, e->body, depth + 1);
        if (k->n == before)
            add(k, PT_IT_TEXT, depth + 1, -1, 0, "%s", pt_tr(lang, "no effect"));
        if (e->alt.count) {
            add(k, PT_IT_HEADER, depth, -1, 0, "%s", pt_tr(lang, "Otherwise:"));
            before = k->n;
            describe(k, e->alt, depth + 1);
            if (k->n == before)
                add(k, PT_IT_TEXT, depth + 1, -1, 0, "%s", pt_tr(lang, "no effect"));
        }
        break;
    }
    case PL_EFF_CHOICE:
        add(k, PT_IT_HEADER, depth, -1, 0, "%s", pt_tr(lang, "Choose one:"));
        describe_options(k, e, depth + 1, 0);
        break;
    case PL_EFF_VOTE:
        if (e->amount > 0) {
            unsigned long n = (unsigned long)e->amount;
            add(k, PT_IT_HEADER, depth, -1, 0, e->target == PL_TGT_OTHERS
                ? pt_ntr(lang, "The other teams choose among %d card from “%s”; its effects go to the team",
                         "The other teams choose among %d cards from “%s”; the winner's effects go to the team", n)
                : pt_ntr(lang, "Every team votes on %d card from “%s”; its effects go to the team",
                         "Every team votes among %d cards from “%s”; the winner's effects go to the team", n), e->amount, deck_name(rs, e->ref, lang));
        } else {
            add(k, PT_IT_HEADER, depth, -1, 0, "%s",
                e->target == PL_TGT_OTHERS ? pt_tr(lang, "The other teams vote:") : pt_tr(lang, "Every team votes:"));
            describe_options(k, e, depth + 1, 1);
        }
        if (e->tie.count) {
            add(k, PT_IT_HEADER, depth + 1, -1, 0, "%s", pt_tr(lang, "On a tie:"));
            describe(k, e->tie, depth + 2);
        }
        break;
    default:
        break;
    }
}

static void describe(sink_t *k, pl_range_t r, int depth)
{
    if (depth > PL_MAX_STACK)
        return;
    for (uint32_t i = 0; i < r.count && r.first + i < k->rs->n_effects; i++)
        describe_one(k, &k->rs->effects[r.first + i], depth);
}

int pt_effects(const pl_ruleset_t *rs, pl_range_t effects, int lang, pt_item_t *out, int cap)
{
    sink_t k = { rs, lang, out, cap, 0 };
    describe(&k, effects, 0);
    return k.n;
}

/* items joined: "a · b · In 2 turns: c, d" (nested items after their header, comma-separated) */
static size_t join_items(const pt_item_t *it, int n, char *buf, size_t len)
{
    size_t used = 0;
    if (len)
        buf[0] = 0;
    for (int i = 0; i < n && used + 1 < len; i++) {
        const char *sep = "";
        if (i > 0)
            sep = it[i].depth > it[i - 1].depth && it[i - 1].kind == PT_IT_HEADER ? " "
                  : it[i].depth > 0 && it[i].depth == it[i - 1].depth ? ", " : " \xC2\xB7 ";
        int w = snprintf(buf + used, len - used, "%s%s", sep, it[i].text);
        if (w < 0)
            break;
        used += (size_t)w < len - used ? (size_t)w : len - used - 1;
    }
    return used;
}

size_t pt_effects_line(const pl_ruleset_t *rs, pl_range_t effects, int lang, char *buf, size_t len)
{
    pt_item_t items[64];
    int n = pt_effects(rs, effects, lang, items, 64);
    return join_items(items, n < 64 ? n : 64, buf, len);
}

int pt_costs(const pl_ruleset_t *rs, int card, int lang, pt_item_t *out, int cap)
{
    sink_t k = { rs, lang, out, cap, 0 };
    if (card < 0 || (uint32_t)card >= rs->n_cards)
        return 0;
    const pl_card_t *c = &rs->cards[card];
    char num[24];
    for (uint32_t i = 0; i < c->costs.count && c->costs.first + i < rs->n_costs; i++) {
        const pl_cost_t *cost = &rs->costs[c->costs.first + i];
        if (cost->counter >= rs->n_counters)
            continue;
        const pl_counter_t *ct = &rs->counters[cost->counter];
        add(&k, PT_IT_COUNTER, 0, cost->counter, -cost->amount, "%s %s", signed_num(-cost->amount, num, sizeof num),
            pl_short_name(&ct->name, &ct->look, lang));
    }
    return k.n;
}

/* "≥ 3", "≤ 2", "2 to 5", "= 4" */
static void bounds(int32_t mn, int32_t mx, int lang, int32_t lo, int32_t hi, char *buf, size_t len)
{
    if (mn <= lo && mx >= hi)
        snprintf(buf, len, "%s", pt_tr(lang, "any"));
    else if (mx >= hi)
        snprintf(buf, len, "\xE2\x89\xA5 %d", mn);
    else if (mn <= lo)
        snprintf(buf, len, "\xE2\x89\xA4 %d", mx);
    else if (mn == mx)
        snprintf(buf, len, "= %d", mn);
    else
        snprintf(buf, len, pt_tr(lang, "%d to %d"), mn, mx);
}

size_t pt_cond(const pl_ruleset_t *rs, const pl_cond_t *c, int lang, char *buf, size_t len)
{
    char b[64];
    int w = 0;
    switch (c->kind) {
    case PL_COND_COUNTER:
        if (c->ref >= rs->n_counters)
            break;
        bounds(c->min, c->max, lang, rs->counters[c->ref].min, rs->counters[c->ref].max, b, sizeof b);
        w = snprintf(buf, len, "%s %s", pl_text(&rs->counters[c->ref].name, lang), b);
        break;
    case PL_COND_TABLE:
        if (c->ref >= rs->n_table_counters)
            break;
        bounds(c->min, c->max, lang, rs->table_counters[c->ref].min, rs->table_counters[c->ref].max, b, sizeof b);
        w = snprintf(buf, len, "%s%s%s %s", table_label(rs, lang), pt_tr(lang, ": "),
                     pl_text(&rs->table_counters[c->ref].name, lang), b);
        break;
    case PL_COND_TOKEN: {
        if (c->ref >= rs->n_tokens)
            break;
        const char *name = pl_text(&rs->tokens[c->ref].name, lang);
        if (c->min <= 0 && c->max <= 0)
            w = snprintf(buf, len, pt_tr(lang, "no %s"), name);
        else if (c->min <= 1 && c->max >= rs->tokens[c->ref].max)
            w = snprintf(buf, len, "%s", name);
        else {
            bounds(c->min, c->max, lang, 0, rs->tokens[c->ref].max, b, sizeof b);
            w = snprintf(buf, len, "%s %s", name, b);
        }
        break;
    }
    case PL_COND_FINISHED:
        w = snprintf(buf, len, "%s", pt_tr(lang, "the journey finished"));
        break;
    case PL_COND_PHASE: {
        int lo = c->min < 0 ? 0 : c->min, hi = c->max >= rs->n_phases ? rs->n_phases - 1 : c->max;
        if (lo >= rs->n_phases || hi < 0)
            break;
        if (lo == hi)
            w = snprintf(buf, len, pt_tr(lang, "in phase %s"), pl_text(&rs->phases[lo].name, lang));
        else
            w = snprintf(buf, len, pt_tr(lang, "in phases %s to %s"), pl_text(&rs->phases[lo].name, lang),
                         pl_text(&rs->phases[hi].name, lang));
        break;
    }
    case PL_COND_ROUND:
        bounds(c->min, c->max, lang, 0, INT32_MAX, b, sizeof b);
        w = snprintf(buf, len, pt_tr(lang, "round %s"), b);
        break;
    }
    if (w <= 0 && len)
        buf[0] = 0, w = 0;
    if (lang == PL_LANG_FR && len) {
        char tmp[512];
        pl_typo_fr(buf, tmp, sizeof tmp);
        w = snprintf(buf, len, "%s", tmp);
    }
    return (size_t)w < len ? (size_t)w : len ? len - 1 : 0;
}

size_t pt_conds(const pl_ruleset_t *rs, pl_range_t conds, int lang, char *buf, size_t len)
{
    size_t used = 0;
    int said = 0;
    if (len)
        buf[0] = 0;
    /* what must hold first, what must be missing after: "with A and no B" reads, "with no B and A" does not */
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = 0; i < conds.count && conds.first + i < rs->n_conds && used + 1 < len; i++) {
            const pl_cond_t *c = &rs->conds[conds.first + i];
            if (cond_is_absence(c) != pass)
                continue;
            char one[256];
            pt_cond(rs, c, lang, one, sizeof one);
            int w = snprintf(buf + used, len - used, "%s%s", said++ ? pt_tr(lang, " and ") : "", one);
            if (w < 0)
                break;
            used += (size_t)w < len - used ? (size_t)w : len - used - 1;
        }
    return used;
}

size_t pt_option_label(const pl_ruleset_t *rs, uint32_t effect, int i, int lang, char *buf, size_t len)
{
    if (effect < rs->n_effects && i >= 0) {
        const pl_effect_t *e = &rs->effects[effect];
        if ((uint32_t)i < e->opts.count && e->opts.first + (uint32_t)i < rs->n_options) {
            int w = snprintf(buf, len, "%s", pl_text(&rs->options[e->opts.first + (uint32_t)i].label, lang));
            return w > 0 ? (size_t)w : 0;
        }
    }
    int w = snprintf(buf, len, pt_tr(lang, "Option %d"), i + 1);
    return w > 0 ? (size_t)w : 0;
}
