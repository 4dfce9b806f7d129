/* app_stage.c -- puts the app on a given screen or moment of play (screenshots, docs, tests) */
#include <string.h>
#include "client/app.h"

/* every expected seat, human or not, makes its first legal move (a policy that does not move
 * when the bots get smarter, so that pictures of these moments stay put); 0 when nothing moved */
static int auto_step(pc_game_t *g)
{
    if (g->st.wait == PL_WAIT_OVER) return 0;
    unsigned exp = pl_expected(&g->st);
    for (int s = 0; s < g->n_seats; s++) {
        if (!(exp & (1u << s))) continue;
        pl_move_t mv[PL_MAX_HAND + PL_MAX_OPTIONS + 4];
        int n = pl_legal_moves(g->rs, &g->st, s, mv, (int)(sizeof mv / sizeof mv[0]));
        if (n > 0 && pc_game_apply(g, &mv[0]) == PL_OK) return 1;
        pl_move_t to = {PL_MOVE_TIMEOUT, (uint8_t)s, 0};
        return pc_game_apply(g, &to) == PL_OK;
    }
    return 0;
}

enum { UNTIL_VOTE = 1, UNTIL_FICTION, UNTIL_REVEAL, UNTIL_END, UNTIL_CHOICE };

static int reached(const pc_game_t *g, int what)
{
    switch (what) {
    case UNTIL_VOTE: return g->st.wait == PL_WAIT_VOTE;
    case UNTIL_FICTION: return g->fiction_card != PL_NO_CARD;
    case UNTIL_REVEAL: return g->reveal_pending;
    case UNTIL_CHOICE: return g->st.wait == PL_WAIT_CHOICE || g->st.wait == PL_WAIT_BRANCH;
    case UNTIL_END: return g->st.wait == PL_WAIT_OVER;
    default: return 1;
    }
}

static int play_until(pc_app_t *a, int what)
{
    pc_game_t *g = a->game;
    for (int i = 0; i < 20000; i++) {
        if (reached(g, what)) return 1;
        if (what != UNTIL_REVEAL) g->reveal_pending = 0;
        if (what != UNTIL_FICTION) g->fiction_card = PL_NO_CARD;
        if (!auto_step(g)) return reached(g, what);
    }
    return 0;
}

int pc_app_stage(pc_app_t *a, const char *name)
{
    static const struct {
        const char *name;
        int screen, until;
    } stages[] = {
        {"home", PC_SCREEN_HOME, 0},       {"settings", PC_SCREEN_SETTINGS, 0},
        {"lobby", PC_SCREEN_LOBBY, 0},     {"table", PC_SCREEN_TABLE, 0},
        {"detail", PC_SCREEN_TABLE, 0},    {"curtain", PC_SCREEN_TABLE, 0},
        {"vote", PC_SCREEN_TABLE, UNTIL_VOTE}, {"reveal", PC_SCREEN_TABLE, UNTIL_REVEAL},
        {"fiction", PC_SCREEN_TABLE, UNTIL_FICTION}, {"choice", PC_SCREEN_TABLE, UNTIL_CHOICE},
        {"end", PC_SCREEN_END, UNTIL_END},
    };
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++) {
        if (strcmp(name, stages[i].name)) continue;
        if (stages[i].screen == PC_SCREEN_TABLE || stages[i].screen == PC_SCREEN_END) {
            /* the moment may not come in every game: the next seeds are tried, in order */
            uint64_t seed = a->opt.seed;
            int ok = 0;
            for (int t = 0; t < 32 && !ok; t++) {
                a->opt.seed = seed ? seed + (uint64_t)t : 0;
                if (!pc_app_new_game(a)) break;
                unsigned human = a->game->human;
                a->game->human = (1u << a->game->n_seats) - 1u;
                ok = !stages[i].until || play_until(a, stages[i].until);
                a->game->human = human;
            }
            a->opt.seed = seed;
            if (!ok) return 0;
            pc_game_t *g = a->game;
            if (stages[i].until) {
                unsigned human = g->human;
                if (stages[i].until != UNTIL_END) g->human = human | pl_expected(&g->st);
                else g->human = human;
            }
            int h = pc_game_human_to_act(g);
            a->shown_seat = h >= 0 ? h : 0;
            if (!strcmp(name, "curtain")) a->curtain_seat = 1;
            if (!strcmp(name, "detail")) {
                const pl_seat_t *s = &g->st.seat[a->shown_seat];
                if (s->hand_n) a->detail_card = s->hand[0];
            }
            if (!strcmp(name, "fiction")) {
                a->fiction_start = SDL_GetTicks() | 1u;
                a->fiction_left = PC_FICTION_SECONDS;
            }
        }
        pc_app_set_screen(a, stages[i].screen);
        return 1;
    }
    return 0;
}
