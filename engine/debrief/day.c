/* day.c -- the day over several tables: every question's ballots summed (the collective opinion), the cards offered to votes */
#include <stddef.h>
#include <string.h>
#include "pl_alloc.h"
#include "debrief/debrief.h"

typedef struct {
    pd_day_t *d;
    uint32_t cap_o, cap_f;
    int *seen_o, *seen_f; /* for each opinion and offer: the last table (1-based) it was counted in */
    int nomem;
} day_t;

static int same_question(const pd_opinion_t *o, const pd_table_t *t, const pd_vote_t *v)
{
    return o->rs == t->rs && o->card == v->card && o->effect == v->effect &&
           (v->card != PL_NO_CARD || o->space == v->space);
}

/* room for one more element in an array and its table marks */
static int room(void **items, int **seen, uint32_t n, uint32_t *cap, size_t size)
{
    if (n < *cap)
        return 0;
    uint32_t c = *cap ? *cap * 2 : 16;
    void *p = pl_realloc(*items, (size_t)c * size);
    if (!p)
        return -1;
    *items = p;
    int *s = pl_realloc(*seen, (size_t)c * sizeof *s);
    if (!s)
        return -1;
    *seen = s;
    *cap = c;
    return 0;
}

static void add_offers(day_t *y, const pd_table_t *t, const pd_vote_t *v, int table)
{
    pd_day_t *d = y->d;
    for (int i = 0; i < v->n_options && !y->nomem; i++) {
        uint16_t card = v->option_card[i];
        if (card == PL_NO_CARD)
            continue;
        uint32_t k = 0;
        while (k < d->n_offers && !(d->offers[k].rs == t->rs && d->offers[k].card == card))
            k++;
        if (k == d->n_offers) {
            if (room((void **)&d->offers, &y->seen_f, d->n_offers, &y->cap_f, sizeof *d->offers) != 0) {
                y->nomem = 1;
                return;
            }
            memset(&d->offers[k], 0, sizeof d->offers[k]);
            d->offers[k].rs = t->rs;
            d->offers[k].card = card;
            y->seen_f[k] = 0;
            d->n_offers++;
        }
        pd_offer_t *f = &d->offers[k];
        if (y->seen_f[k] != table) {
            y->seen_f[k] = table;
            f->tables++;
        }
        f->offered++;
        f->ballots += v->count[i];
        f->chosen += v->winner == i;
    }
}

static void add_opinion(day_t *y, const pd_table_t *t, const pd_vote_t *v, int table)
{
    pd_day_t *d = y->d;
    uint32_t k = 0;
    while (k < d->n_opinions && !same_question(&d->opinions[k], t, v))
        k++;
    if (k == d->n_opinions) {
        if (room((void **)&d->opinions, &y->seen_o, d->n_opinions, &y->cap_o, sizeof *d->opinions) != 0) {
            y->nomem = 1;
            return;
        }
        pd_opinion_t *o = &d->opinions[k];
        memset(o, 0, sizeof *o);
        o->rs = t->rs;
        o->card = v->card;
        o->space = v->card == PL_NO_CARD ? v->space : PD_NONE;
        o->kind = v->kind;
        o->effect = v->effect;
        y->seen_o[k] = 0;
        d->n_opinions++;
    }
    pd_opinion_t *o = &d->opinions[k];
    if (y->seen_o[k] != table) {
        y->seen_o[k] = table;
        o->tables++;
    }
    o->held++;
    if (v->n_options > o->n_options)
        o->n_options = v->n_options;
    for (int i = 0; i < v->n_options && i < PL_MAX_OPTIONS; i++)
        o->ballots[i] += v->count[i];
    for (int s = 0; s < t->n_seats; s++)
        o->abstained += (v->voters >> s & 1u) && v->ballot[s] == PD_NONE;
    if (v->winner < PL_MAX_OPTIONS)
        o->won[v->winner]++;
    else
        o->ties++;
}

/* the elements of each game together, games in the order they first come, the order kept inside each */
static void group(void *items, uint32_t n, size_t size, size_t rs_at, int *nomem)
{
    if (n < 2)
        return;
    char *a = items, *tmp = pl_malloc((size_t)n * size);
    if (!tmp) {
        *nomem = 1;
        return;
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        const void *rs;
        memcpy(&rs, a + (size_t)i * size + rs_at, sizeof rs);
        int first = 1; /* the first element of its game: take all of that game's now */
        for (uint32_t j = 0; j < i && first; j++) {
            const void *other;
            memcpy(&other, a + (size_t)j * size + rs_at, sizeof other);
            first = other != rs;
        }
        if (!first)
            continue;
        for (uint32_t j = i; j < n; j++) {
            const void *other;
            memcpy(&other, a + (size_t)j * size + rs_at, sizeof other);
            if (other == rs)
                memcpy(tmp + (size_t)(k++) * size, a + (size_t)j * size, size);
        }
    }
    memcpy(a, tmp, (size_t)n * size);
    pl_free(tmp);
}

int pd_day_build(const pd_table_t *const *tables, int n, pd_day_t **out, pd_error_t *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    *out = NULL;
    day_t y;
    memset(&y, 0, sizeof y);
    y.d = pl_calloc(1, sizeof *y.d);
    if (y.d && n > 0 && !(y.d->tables = pl_calloc((size_t)n, sizeof *y.d->tables)))
        y.nomem = 1;
    if (!y.d)
        y.nomem = 1;
    for (int ti = 0; ti < n && !y.nomem; ti++) {
        const pd_table_t *t = tables[ti];
        y.d->tables[ti] = t;
        y.d->n_tables = ti + 1;
        for (uint32_t vi = 0; vi < t->n_votes && !y.nomem; vi++) {
            const pd_vote_t *v = &t->votes[vi];
            if (!v->closed)
                continue;
            if (v->kind == PD_VOTE_PROPOSALS)
                add_offers(&y, t, v, ti + 1);
            else
                add_opinion(&y, t, v, ti + 1);
        }
    }
    pl_free(y.seen_o);
    pl_free(y.seen_f);
    if (!y.nomem) {
        group(y.d->opinions, y.d->n_opinions, sizeof *y.d->opinions, offsetof(pd_opinion_t, rs), &y.nomem);
        group(y.d->offers, y.d->n_offers, sizeof *y.d->offers, offsetof(pd_offer_t, rs), &y.nomem);
    }
    if (y.nomem) {
        pd_day_destroy(y.d);
        if (err) {
            err->code = PD_ERR_NOMEM;
            memcpy(err->msg, "out of memory", sizeof "out of memory");
        }
        return PD_ERR_NOMEM;
    }
    *out = y.d;
    return PD_OK;
}

void pd_day_destroy(pd_day_t *d)
{
    if (!d)
        return;
    pl_free(d->tables);
    pl_free(d->opinions);
    pl_free(d->offers);
    pl_free(d);
}
