/* test_keys.c -- the keyboard and pointer bugs once seen: number keys pick the option they show at a fork, a choice
 * and a vote; cards 10-12 have keys; Enter on votes and choices; no tooltip over the vote; clicks right after a
 * window size change (fullscreen under a bare X server) */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "helpers.h"

static void setup(void) { tc_sdl_up(); }
static void teardown(void) { tc_sdl_down(); }

static pc_app_t *app_all_seats_here(void)
{
    pc_app_t *a = tc_app(TC_SHIPPED, 1280, 720, 1);
    cr_assert(a);
    cr_assert(pc_app_new_game(a));
    /* every seat at this screen, no bot: nothing moves but what the test presses */
    a->session->mine = (1u << a->session->st.n_seats) - 1u;
    a->session->bots = 0;
    return a;
}

/* every expected seat makes a legal move (the way of a fork or option given by pick) until the table waits for
 * `wait`; 1 when it does */
static int play_until_wait(pc_app_t *a, int wait, int max_moves)
{
    pc_session_t *s = a->session;
    for (int i = 0; i < max_moves; i++) {
        if (s->st.wait == wait)
            return 1;
        if (s->st.wait == PL_WAIT_OVER)
            return 0;
        int seat = pc_session_to_act(s);
        if (seat < 0)
            return 0;
        pl_move_t mv[PL_MAX_HAND + PL_MAX_OPTIONS + 4];
        int n = pl_legal_moves(s->rs, &s->st, seat, mv, (int)(sizeof mv / sizeof mv[0]));
        if (n <= 0)
            return 0;
        /* prefer rolling: the pawns travel, forks come */
        int k = 0;
        for (int j = 0; j < n; j++)
            if (mv[j].type == PL_MOVE_ROLL)
                k = j;
        uint32_t before = s->moves;
        pc_session_move(s, mv[k].type, seat, mv[k].arg);
        if (s->moves == before)
            return 0;
        pc_sevent_t e;
        while (pc_session_next(s, &e))
            ;
        s->reveal_pending = 0;
        s->prompt_card = PL_NO_CARD;
        s->event_card = PL_NO_CARD;
    }
    return 0;
}

/* the state the table would reach with move (type, arg) of the seat to act */
static uint64_t hash_after(pc_app_t *a, int type, int arg)
{
    pl_state_t st = a->session->st;
    pl_move_t mv = { .type = (uint8_t)type, .seat = (uint8_t)pc_session_to_act(a->session), .arg = (uint16_t)arg };
    pl_events_t ev;
    cr_assert_eq(pl_apply(a->session->rs, &st, &mv, &ev, NULL), PL_OK);
    return pl_state_hash(&st);
}

/* the buttons of the current frame, after the moment's overlays are dismissed */
static void show(pc_app_t *a)
{
    a->scr.curtain_seat = -1;
    a->scr.summary_seat = -1;
    a->scr.shown_seat = pc_session_to_act(a->session) >= 0 ? pc_session_to_act(a->session) : 0;
    a->scr.event_at = 0;
    pc_app_draw(a);
}

static int n_keyed(pc_app_t *a, int act)
{
    int n = 0;
    for (int i = 0; i < a->ui.n_btn; i++)
        n += a->ui.btn[i].act == act && a->ui.btn[i].key > 0;
    return n;
}

Test(keys, number_keys_at_a_fork_pick_the_way_they_show, .init = setup, .fini = teardown, .timeout = 60)
{
    for (int way = 0; way < 2; way++) {
        pc_app_t *a = NULL;
        int found = 0;
        for (uint64_t seed = 1; seed < 40 && !found; seed++) {
            if (a)
                pc_app_destroy(a);
            a = tc_app(TC_SHIPPED, 1280, 720, 1);
            a->opt.seed = seed;
            a->opt.seed_set = 1;
            cr_assert(pc_app_new_game(a));
            a->session->mine = (1u << a->session->st.n_seats) - 1u;
            a->session->bots = 0;
            found = play_until_wait(a, PL_WAIT_BRANCH, 400);
        }
        cr_assert(found, "no fork reached");
        show(a);
        pc_app_draw(a);
        cr_assert_geq(n_keyed(a, PC_ACT_CHOOSE), 2, "the ways of the fork are numbered");
        uint64_t want = hash_after(a, PL_MOVE_CHOOSE, way);
        uint32_t before = a->session->moves;
        tc_number_key(way + 1);
        tc_pump(a);
        cr_assert_eq(a->session->moves, before + 1, "key %d made no move", way + 1);
        cr_expect_eq(pl_state_hash(&a->session->st), want, "key %d did not take way %d", way + 1, way + 1);
        pc_app_destroy(a);
    }
}

Test(keys, enter_focuses_the_first_option_and_a_second_enter_casts_it, .init = setup, .fini = teardown, .timeout = 60)
{
    pc_app_t *a = app_all_seats_here();
    cr_assert(pc_app_stage(a, "vote"), "no vote reached");
    a->session->bots = 0;
    a->session->mine = (1u << a->session->st.n_seats) - 1u;
    int voter = pc_session_to_act(a->session);
    cr_assert_geq(voter, 0);
    a->scr.curtain_seat = -1;
    pc_app_draw(a);
    uint32_t before = a->session->moves;
    tc_key(SDLK_RETURN);
    tc_pump(a);
    cr_expect_eq(a->session->moves, before, "one stray Enter casts no ballot");
    cr_assert_geq(a->ui.focus, 0, "Enter put the focus on an option");
    cr_expect_eq(a->ui.btn[a->ui.focus].act, PC_ACT_VOTE);
    cr_expect_eq(a->ui.btn[a->ui.focus].arg, 0, "the first option");
    tc_key(SDLK_RETURN);
    tc_pump(a);
    cr_expect_eq(a->session->moves, before + 1, "the second Enter cast the ballot");
    cr_assert_eq(a->session->st.wait, PL_WAIT_VOTE, "the vote waits for the other teams");
    cr_expect_eq(a->session->st.pending.ballot[voter], 0, "for the first option");
    /* the next voter presses 2: option 2 */
    int next = pc_session_to_act(a->session);
    if (next >= 0 && a->session->st.wait == PL_WAIT_VOTE) {
        a->scr.curtain_seat = -1;
        a->scr.shown_seat = next;
        pc_app_draw(a);
        tc_number_key(2);
        tc_pump(a);
        cr_expect(a->session->st.wait != PL_WAIT_VOTE || a->session->st.pending.ballot[next] == 1,
                  "key 2 votes for option 2");
        cr_expect(a->session->st.wait == PL_WAIT_VOTE || a->session->reveal.ballot[next] == 1,
                  "key 2 voted for option 2");
    }
    pc_app_destroy(a);
}

Test(keys, keys_and_enter_on_a_choice, .init = setup, .fini = teardown, .timeout = 60)
{
    pc_app_t *a = app_all_seats_here();
    cr_assert(pc_app_stage(a, "choice"), "no choice reached");
    a->session->bots = 0;
    a->session->mine = (1u << a->session->st.n_seats) - 1u;
    show(a);
    int n = n_keyed(a, PC_ACT_CHOOSE);
    cr_assert_geq(n, 2, "the options are numbered");
    int pick = n - 1; /* the last option, by its number */
    uint64_t want = hash_after(a, PL_MOVE_CHOOSE, pick);
    tc_number_key(pick + 1);
    tc_pump(a);
    cr_expect_eq(pl_state_hash(&a->session->st), want, "key %d took option %d", pick + 1, pick + 1);
    pc_app_destroy(a);

    a = app_all_seats_here();
    cr_assert(pc_app_stage(a, "choice"));
    a->session->bots = 0;
    a->session->mine = (1u << a->session->st.n_seats) - 1u;
    show(a);
    want = hash_after(a, PL_MOVE_CHOOSE, 0);
    uint32_t before = a->session->moves;
    tc_key(SDLK_RETURN);
    tc_pump(a);
    cr_expect_eq(a->session->moves, before, "one Enter only focuses");
    tc_key(SDLK_RETURN);
    tc_pump(a);
    cr_expect_eq(pl_state_hash(&a->session->st), want, "Enter, Enter took the first option");
    pc_app_destroy(a);
}

Test(keys, cards_ten_to_twelve_have_keys, .init = setup, .fini = teardown, .timeout = 60)
{
    pc_app_t *a = app_all_seats_here();
    pl_state_t *st = &a->session->st;
    int seat = pc_session_to_act(a->session);
    cr_assert_geq(seat, 0);
    /* a hand of twelve cards (the largest a hand may hold) */
    pl_seat_t *me = &st->seat[seat];
    me->hand_n = 0;
    for (int c = 0; c < (int)a->session->rs->n_cards && me->hand_n < PL_MAX_HAND; c++)
        me->hand[me->hand_n++] = (uint16_t)c;
    cr_assert_eq(me->hand_n, PL_MAX_HAND);
    show(a);
    cr_assert_eq(n_keyed(a, PC_ACT_CARD), 12, "every card of the hand has its number");
    for (int k = 10; k <= 12; k++) {
        a->scr.detail_card = PL_NO_CARD;
        pc_app_draw(a);
        tc_number_key(k);
        tc_pump(a);
        cr_expect_eq(a->scr.detail_card, me->hand[k - 1], "key for card %d opened card %d", k, a->scr.detail_card);
    }
    pc_app_destroy(a);
}

static void move_mouse(pc_app_t *a, int x, int y)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEMOTION;
    ev.motion.x = x;
    ev.motion.y = y;
    SDL_PushEvent(&ev);
    SDL_Event got;
    while (SDL_PollEvent(&got))
        pc_app_event(a, &got);
}

Test(keys, no_tooltip_is_drawn_over_the_vote, .init = setup, .fini = teardown, .timeout = 120)
{
    pc_app_t *a = app_all_seats_here();
    cr_assert(pc_app_stage(a, "vote"));
    a->scr.curtain_seat = -1;
    move_mouse(a, 0, 0);
    pc_app_draw(a);
    int w, h;
    unsigned char *base = pc_app_read_rgb(a, &w, &h);
    cr_assert(base);
    /* the pointer over every part of the board and hand below the vote window, without moving onto a
     * button of the vote itself (a hovered button lights up, as it should) */
    int worst = 0, wx = 0, wy = 0;
    for (int y = 20; y < h; y += 40)
        for (int x = 20; x < w; x += 40) {
            int on_button = 0;
            for (int i = 0; i < a->ui.n_btn; i++) {
                const pc_button_t *b = &a->ui.btn[i];
                float bx = a->gfx.ox + b->x * a->gfx.s, by = a->gfx.oy + b->y * a->gfx.s;
                if (x >= bx - 2 && x <= bx + b->w * a->gfx.s + 2 && y >= by - 2 && y <= by + b->h * a->gfx.s + 2)
                    on_button = 1;
            }
            if (on_button)
                continue;
            move_mouse(a, x, y);
            pc_app_draw(a);
            int w2, h2;
            unsigned char *px = pc_app_read_rgb(a, &w2, &h2);
            cr_assert(px && w2 == w && h2 == h);
            int diff = 0;
            for (size_t i = 0; i < (size_t)w * (size_t)h * 3; i++)
                diff += px[i] != base[i];
            if (diff > worst) {
                worst = diff;
                wx = x;
                wy = y;
            }
            SDL_free(px);
        }
    cr_expect_eq(worst, 0, "the pointer at %d,%d changed %d pixel values under the vote window", wx, wy, worst);
    SDL_free(base);
    pc_app_destroy(a);
}

Test(keys, a_click_right_after_a_size_change_hits_its_button, .init = setup, .fini = teardown, .timeout = 60)
{
    pc_app_t *a = tc_app(TC_SHIPPED, 1280, 720, 1);
    cr_assert(a);
    cr_assert(pc_app_stage(a, "settings"));
    pc_app_draw(a);
    /* the window takes the screen (a fullscreen toggle under a bare X server) and nothing is drawn yet */
    SDL_SetWindowSize(a->win, 1920, 2160); /* another shape: the design area is letterboxed */
    SDL_Event ev;
    while (SDL_PollEvent(&ev))
        ; /* the size events, not handled: the click comes first */
    int ww, wh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    cr_assert_eq(ww, 1920, "the dummy video driver did not resize (%dx%d)", ww, wh);
    /* where the language button is now: same design units, the new scale */
    const pc_button_t *lang = NULL;
    for (int i = 0; i < a->ui.n_btn; i++)
        if (a->ui.btn[i].act == PC_ACT_LANG && a->ui.btn[i].arg != a->lang)
            lang = &a->ui.btn[i];
    cr_assert(lang);
    pc_gfx_t g = a->gfx;
    pc_gfx_resize(&g);
    cr_assert_gt(g.s, a->gfx.s * 1.2f, "the layout did not scale");
    float rx = (float)ww / (float)g.win_w, ry = (float)wh / (float)g.win_h;
    int before = a->lang;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEBUTTONDOWN;
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.state = SDL_PRESSED;
    ev.button.x = (int)((g.ox + (lang->x + lang->w / 2) * g.s) * rx);
    ev.button.y = (int)((g.oy + (lang->y + lang->h / 2) * g.s) * ry);
    pc_app_event(a, &ev);
    ev.type = SDL_MOUSEBUTTONUP;
    ev.button.state = SDL_RELEASED;
    pc_app_event(a, &ev);
    cr_expect_neq(a->lang, before, "the click at the language button's new place missed it");
    /* and F11 itself leaves the layout whole: the frame fills the window it has */
    tc_key(SDLK_F11);
    tc_pump(a);
    int ow, oh;
    SDL_GetRendererOutputSize(a->ren, &ow, &oh);
    pc_gfx_t g2 = a->gfx;
    cr_expect(g2.win_w == ow && g2.win_h == oh, "the layout is for %dx%d, the output %dx%d", g2.win_w, g2.win_h, ow, oh);
    pc_app_destroy(a);
}
