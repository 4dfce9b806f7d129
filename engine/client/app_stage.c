/* app_stage.c -- puts the app on a given screen or moment of play (screenshots, docs, tests) */
#include <string.h>
#include "client/app.h"

/* every expected seat, human or not, makes its first legal move (a policy that does not move
 * when the bots get smarter, so that pictures of these moments stay put); 0 when nothing moved */
static int auto_step(pc_session_t *s, int last_way)
{
    if (s->st.wait == PL_WAIT_OVER)
        return 0;
    unsigned exp = pl_expected(&s->st);
    for (int seat = 0; seat < s->st.n_seats; seat++) {
        if (!(exp & (1u << seat)))
            continue;
        pl_move_t mv[PL_MAX_HAND + PL_MAX_OPTIONS + 4];
        uint32_t before = s->moves;
        int n = pl_legal_moves(s->rs, &s->st, seat, mv, (int)(sizeof mv / sizeof mv[0]));
        int k = last_way && s->st.wait == PL_WAIT_BRANCH && n > 0 ? n - 1 : 0; /* the other way at a fork */
        if (n > 0)
            pc_session_move(s, mv[k].type, seat, mv[k].arg);
        if (s->moves == before)
            pc_session_move(s, PL_MOVE_TIMEOUT, seat, 0);
        return s->moves != before;
    }
    return 0;
}

enum { UNTIL_VOTE = 1, UNTIL_FICTION, UNTIL_REVEAL, UNTIL_END, UNTIL_CHOICE, UNTIL_EVENT, UNTIL_PROPOSALS };

static int reached(const pc_session_t *s, int what)
{
    switch (what) {
    case UNTIL_VOTE: return s->st.wait == PL_WAIT_VOTE && s->st.pending.card != PL_NO_CARD;
    case UNTIL_PROPOSALS: return s->st.wait == PL_WAIT_VOTE && s->st.pending.card == PL_NO_CARD;
    case UNTIL_FICTION: return s->prompt_card != PL_NO_CARD;
    case UNTIL_REVEAL: return s->reveal_pending;
    case UNTIL_CHOICE: return s->st.wait == PL_WAIT_CHOICE || s->st.wait == PL_WAIT_BRANCH;
    case UNTIL_EVENT: return s->event_card != PL_NO_CARD;
    case UNTIL_END: return s->st.wait == PL_WAIT_OVER;
    default: return 1;
    }
}

static int play_until(pc_session_t *s, int what)
{
    for (int i = 0; i < 20000; i++) {
        if (reached(s, what))
            return 1;
        if (what != UNTIL_REVEAL)
            s->reveal_pending = 0;
        if (what != UNTIL_FICTION)
            s->prompt_card = PL_NO_CARD;
        if (what != UNTIL_EVENT)
            s->event_card = PL_NO_CARD;
        if (!auto_step(s, what == UNTIL_PROPOSALS))
            return reached(s, what);
    }
    return 0;
}

int pc_app_stage(pc_app_t *a, const char *name)
{
    static const struct {
        const char *name;
        int screen, until;
    } stages[] = {
        { "home", PC_SCREEN_HOME, 0 },          { "settings", PC_SCREEN_SETTINGS, 0 },
        { "lobby", PC_SCREEN_LOBBY, 0 },        { "create", PC_SCREEN_CREATE, 0 },
        { "table", PC_SCREEN_TABLE, 0 },        { "detail", PC_SCREEN_TABLE, 0 },
        { "curtain", PC_SCREEN_TABLE, 0 },      { "leave", PC_SCREEN_TABLE, 0 },
        { "vote", PC_SCREEN_TABLE, UNTIL_VOTE }, { "deck-vote", PC_SCREEN_TABLE, UNTIL_PROPOSALS },
        { "reveal", PC_SCREEN_TABLE, UNTIL_REVEAL }, { "fiction", PC_SCREEN_TABLE, UNTIL_FICTION },
        { "choice", PC_SCREEN_TABLE, UNTIL_CHOICE }, { "event", PC_SCREEN_TABLE, UNTIL_EVENT },
        { "summary", PC_SCREEN_TABLE, UNTIL_EVENT }, { "scores", PC_SCREEN_TABLE, UNTIL_EVENT },
        { "end", PC_SCREEN_END, UNTIL_END },
        /* the debrief of a game played to its end, on each of its pages */
        { "debrief", PC_SCREEN_END, UNTIL_END },       { "debrief-mire", PC_SCREEN_END, UNTIL_END },
        { "debrief-votes", PC_SCREEN_END, UNTIL_END }, { "debrief-score", PC_SCREEN_END, UNTIL_END },
        { "debrief-turns", PC_SCREEN_END, UNTIL_END },
    };
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++) {
        if (strcmp(name, stages[i].name))
            continue;
        if (stages[i].screen == PC_SCREEN_TABLE || stages[i].screen == PC_SCREEN_END) {
            /* the moment may not come in every game: the next seeds are tried, in order */
            uint64_t seed = a->opt.seed;
            int set = a->opt.seed_set, ok = 0;
            char keep_save[sizeof a->save_path];
            memcpy(keep_save, a->save_path, sizeof keep_save);
            a->save_path[0] = 0; /* a staged game is not a player's: it is not saved */
            for (int t = 0; t < 32 && !ok; t++) {
                a->opt.seed = seed + (uint64_t)t;
                a->opt.seed_set = 1;
                if (!pc_app_new_game(a))
                    break;
                pc_session_t *s = a->session;
                unsigned mine = s->mine, bots = s->bots;
                s->mine = (1u << s->st.n_seats) - 1u;
                s->bots = 0;
                ok = !stages[i].until || play_until(s, stages[i].until);
                s->mine = mine;
                s->bots = bots;
            }
            a->opt.seed = seed;
            a->opt.seed_set = set;
            memcpy(a->save_path, keep_save, sizeof keep_save);
            if (!ok)
                return 0;
            pc_session_t *s = a->session;
            pc_sevent_t e;
            while (pc_session_next(s, &e)) /* what the staging itself caused is not news */
                ;
            if (stages[i].until && stages[i].until != UNTIL_END)
                s->mine |= pl_expected(&s->st) & ((1u << s->st.n_seats) - 1u);
            s->bots &= ~s->mine;
            int h = pc_session_to_act(s);
            a->scr.shown_seat = h >= 0 ? h : 0;
            a->scr.event_at = SDL_GetTicks();
            if (!strcmp(name, "curtain"))
                a->scr.curtain_seat = 1;
            if (!strcmp(name, "leave"))
                a->scr.confirm = PC_CONFIRM_LEAVE;
            if (!strcmp(name, "scores"))
                a->scr.side_tab = 1;
            if (!strcmp(name, "summary")) { /* the turn that just ended, as hot-seat pacing shows it */
                a->scr.summary_seat = s->event_seat >= 0 ? s->event_seat : 0;
                int from = s->log_n - 1;
                while (from > 0 && !(s->log[from].kind == PC_LOG_TURN && s->log[from].seat == a->scr.summary_seat))
                    from--;
                a->scr.summary_from = from;
                s->event_card = PL_NO_CARD;
            }
            if (!strcmp(name, "detail")) {
                const pl_seat_t *st = &s->st.seat[a->scr.shown_seat];
                if (st->hand_n)
                    a->scr.detail_card = st->hand[0];
            }
            if (!strcmp(name, "fiction"))
                a->scr.prompt_start = 0;
            int keep_confirm = a->scr.confirm;
            pc_app_set_screen(a, stages[i].screen);
            a->scr.confirm = keep_confirm;
            if (!strncmp(name, "debrief", 7)) { /* asked from the end screen, as its button does */
                static const char *pages[] = { "debrief", "debrief-mire", "debrief-votes", "debrief-score", "debrief-turns" };
                pc_app_action(a, PC_ACT_DEBRIEF, 0);
                pc_app_tick(a);
                if (a->scr.screen != PC_SCREEN_DEBRIEF)
                    return 0;
                for (int p = 0; p < 5; p++)
                    if (!strcmp(name, pages[p]))
                        pc_app_action(a, PC_ACT_DBF_PAGE, p);
            }
            return 1;
        }
        pc_app_set_screen(a, stages[i].screen);
        return 1;
    }
    return 0;
}
