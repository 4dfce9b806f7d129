/* look.c -- the debrief's lenses, counters and colours in the same order and palette as the game's screens */
#include "debrief/debrief.h"

/* the screens' palettes (engine/client's look.c and art.c): a counter without a colour of its own
 * takes one by its place in display order, a team by its seat */
static const uint32_t palette[8] = { 0x4FAE5Bu, 0xE0677Fu, 0xF09A3Eu, 0x4A90D9u,
                                     0x9B7BD4u, 0x3FBFA8u, 0xD9C04Au, 0x8A9BAEu };
static const uint32_t teams[PL_MAX_SEATS] = { 0xE8575Au, 0x4C9BE8u, 0xF2C14Eu, 0x9B7BD4u,
                                              0x3FBFA8u, 0xF28AB3u, 0xA3C45Au, 0xE8904Cu };

/* indices of the looks that keep (role == role, or any shown role when role < 0), by order (stable) */
static int ordered(const pl_look_t *const *looks, int n, int role, uint8_t *out, int cap)
{
    int k = 0;
    for (int i = 0; i < n && k < cap; i++) {
        const pl_look_t *l = looks[i];
        if (role >= 0 ? l->role != role : l->role == PL_ROLE_HIDDEN)
            continue;
        int j = k++;
        while (j > 0 && looks[out[j - 1]]->order > l->order) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = (uint8_t)i;
    }
    return k;
}

static int counters(const pl_ruleset_t *rs, int role, uint8_t *out, int cap)
{
    const pl_look_t *looks[PL_MAX_COUNTERS];
    int n = rs->n_counters > PL_MAX_COUNTERS ? PL_MAX_COUNTERS : rs->n_counters;
    for (int i = 0; i < n; i++)
        looks[i] = &rs->counters[i].look;
    return ordered(looks, n, role, out, cap);
}

int pd_lenses(const pl_ruleset_t *rs, uint8_t *out, int cap)
{
    return counters(rs, PL_ROLE_LENS, out, cap);
}

int pd_shown_counters(const pl_ruleset_t *rs, uint8_t *out, int cap)
{
    return counters(rs, -1, out, cap);
}

int pd_shown_tokens(const pl_ruleset_t *rs, uint8_t *out, int cap)
{
    const pl_look_t *looks[PL_MAX_TOKENS];
    int n = rs->n_tokens > PL_MAX_TOKENS ? PL_MAX_TOKENS : rs->n_tokens;
    for (int i = 0; i < n; i++)
        looks[i] = &rs->tokens[i].look;
    return ordered(looks, n, -1, out, cap);
}

uint32_t pd_team_color(int seat)
{
    return teams[(unsigned)seat % PL_MAX_SEATS];
}

uint32_t pd_counter_color(const pl_ruleset_t *rs, int counter)
{
    if (counter < 0 || counter >= rs->n_counters)
        return 0x8A9BAEu;
    const pl_look_t *l = &rs->counters[counter].look;
    if (l->color & PL_COLOR_SET)
        return l->color & 0xFFFFFFu;
    uint8_t list[PL_MAX_COUNTERS];
    int n = counters(rs, l->role, list, PL_MAX_COUNTERS);
    for (int i = 0; i < n; i++)
        if (list[i] == counter)
            return palette[(l->role == PL_ROLE_RESOURCE ? i + 6 : i) % 8];
    return palette[counter % 8];
}

uint32_t pd_option_color(int option, int n_options)
{
    /* two options read as yes and no (green, coral); more take the palette in turn */
    static const uint32_t two[2] = { 0x3E9E6Fu, 0xD9784Au };
    if (n_options == 2 && option >= 0 && option < 2)
        return two[option];
    return palette[(unsigned)option % 8];
}
