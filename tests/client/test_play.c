/* test_play.c -- pushed mouse and keyboard events play a whole hot-seat game to the end screen */
#include <criterion/criterion.h>
#include <string.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <SDL_image.h>
#include "client/table_util.h"
#include "text/text.h"
#include "client/i18n.h"
#include "helpers.h"

#ifndef TC_BUILD
#define TC_BUILD "build"
#endif

static void setup(void) { tc_sdl_up(); }
static void teardown(void) { tc_sdl_down(); }

#define push_key tc_key
#define click tc_click
#define pump tc_pump

typedef struct {
    int keys, clicks, plays, rolls, votes, choices, curtains, reveals, fictions, refusals, summaries, events;
    int details, proposals, verbatims;
} tally_t;

/* what the last frame drew contains text (read from the drawing, not from the model) */
static void expect_drawn(pc_app_t *a, const char *text, const char *what)
{
    if (!text || !*text)
        return;
    cr_expect(pc_gfx_drew(&a->gfx, text), "%s was not drawn: \"%s\"", what, text);
}

/* a card as the screen must tell it: its name, text and every effect phrase */
static void expect_card_told(pc_app_t *a, int card, int with_text, const char *what)
{
    const pl_ruleset_t *rs = a->session->rs;
    const pl_card_t *c = &rs->cards[card];
    expect_drawn(a, pl_text(&c->name, a->lang), what);
    if (with_text)
        expect_drawn(a, pl_text(&c->text, a->lang), what);
    pt_item_t it[32];
    int n = pt_effects(rs, c->effects, a->lang, it, 32);
    for (int i = 0; i < n && i < 32; i++)
        expect_drawn(a, it[i].text, what);
}

static void human_turn(pc_app_t *a, int seat, int step, tally_t *t)
{
    pc_session_t *g = a->session;
    pl_move_t mv[32];
    int n = pl_legal_moves(g->rs, &g->st, seat, mv, 32);
    int card = -1, idx = -1;
    for (int i = 0; i < n && card < 0; i++)
        if (mv[i].type == PL_MOVE_PLAY)
            for (int h = 0; h < g->st.seat[seat].hand_n; h++)
                if (g->st.seat[seat].hand[h] == mv[i].arg) {
                    card = mv[i].arg;
                    idx = h;
                }
    if (card >= 0 && step % 3 != 2) {
        /* a digit (or a click on the card past the ninth) opens the card, Enter plays it */
        if (idx < 12 && step % 4 != 3) {
            tc_number_key(idx + 1); /* every card of a hand of 12 has its key */
        } else {
            cr_assert(tc_click_arg(a, PC_ACT_CARD, card), "every card of the hand can be clicked");
        }
        pump(a);
        cr_assert_eq(a->scr.detail_card, card, "the number key or the click opens the card's detail");
        expect_card_told(a, card, 1, "a card's detail");
        pt_item_t costs[8];
        int nc = pt_costs(g->rs, card, a->lang, costs, 8);
        for (int i = 0; i < nc && i < 8; i++)
            expect_drawn(a, costs[i].text, "a card's cost");
        t->details++;
        uint32_t before = g->moves;
        if (step % 2) {
            push_key(SDLK_RETURN);
            t->keys += 2;
        } else {
            cr_assert(click(a, PC_ACT_PLAY));
            t->keys++;
            t->clicks++;
        }
        pump(a);
        cr_assert_geq(g->moves, before + 1, "playing a legal card is accepted (%s)", a->scr.flash);
        t->plays++;
        return;
    }
    if (step % 2) {
        push_key(SDLK_r);
        t->keys++;
    } else {
        cr_assert(click(a, PC_ACT_ROLL), "a roll button is offered");
        t->clicks++;
    }
    uint32_t before = g->moves;
    pump(a);
    cr_assert_geq(g->moves, before + 1, "the roll is accepted (%s)", a->scr.flash);
    t->rolls++;
}

Test(play, hotseat_game_to_the_end_screen, .init = setup, .fini = teardown, .timeout = 120)
{
    pc_app_t *a = tc_app(TC_SHIPPED, 1280, 720, 2);
    cr_assert(a, "the shipped game loads");
    cr_assert_eq(a->scr.screen, PC_SCREEN_TABLE, "the client opens on the hot-seat table");
    tally_t t = {0};
    int step = 0, refusal_tried = 0;
    a->gfx.record = 1; /* the checks read what each frame drew */
    pc_app_draw(a);
    for (int iter = 0; iter < 60000 && a->scr.screen != PC_SCREEN_END; iter++) {
        pump(a);
        pc_session_t *g = a->session;
        if (g->reveal_pending) {
            for (int o = 0; o < g->reveal.n_options; o++) { /* the reveal names every option */
                char label[200];
                if (g->reveal_cards[o] != PL_NO_CARD)
                    expect_drawn(a, pl_text(&g->rs->cards[g->reveal_cards[o]].name, a->lang), "a revealed proposal");
                else if (g->reveal_effect != UINT32_MAX &&
                         pt_option_label(g->rs, g->reveal_effect, o, a->lang, label, sizeof label) > 0)
                    expect_drawn(a, label, "a revealed option");
            }
            if (step++ % 2)
                push_key(SDLK_RETURN);
            else
                cr_assert(click(a, PC_ACT_REVEAL_OK));
            pump(a);
            cr_assert(!g->reveal_pending, "the reveal is dismissed");
            t.reveals++;
            continue;
        }
        if (g->prompt_card != PL_NO_CARD) {
            expect_drawn(a, pl_text(&g->rs->cards[g->prompt_card].text, a->lang), "a prompt");
            cr_assert(click(a, PC_ACT_PROMPT_DONE));
            pump(a);
            cr_assert_eq(g->prompt_card, PL_NO_CARD);
            t.fictions++;
            continue;
        }
        if (a->scr.summary_seat >= 0) { /* what the team's turn caused, before the next team */
            cr_assert(click(a, PC_ACT_SUMMARY_OK));
            pump(a);
            cr_assert_eq(a->scr.summary_seat, -1);
            t.summaries++;
            continue;
        }
        if (a->scr.curtain_seat >= 0) {
            int who = a->scr.curtain_seat;
            /* behind the curtain no hand and no ballot can be used */
            for (int i = 0; i < a->ui.n_btn; i++)
                cr_assert(a->ui.btn[i].act != PC_ACT_CARD && a->ui.btn[i].act != PC_ACT_VOTE);
            cr_assert(click(a, PC_ACT_CURTAIN_OK));
            pump(a);
            cr_assert_eq(a->scr.shown_seat, who);
            t.curtains++;
            continue;
        }
        if (g->event_card != PL_NO_CARD) { /* read, then put away */
            expect_card_told(a, g->event_card, 1, "an event");
            cr_assert(click(a, PC_ACT_EVENT_OK));
            pump(a);
            cr_assert_eq(g->event_card, PL_NO_CARD);
            t.events++;
            continue;
        }
        int seat = pc_session_to_act(g);
        if (seat < 0)
            continue; /* bots play on the next tick */
        step++;
        if (g->st.wait == PL_WAIT_VOTE) {
            uint8_t before = g->st.pending.answered;
            if (g->rs->effects[g->st.pending.effect].opts.count == 0) { /* proposals: text, author, effects */
                for (int o = 0; o < g->st.pending.n_options; o++) {
                    int pc = g->st.pending.option_card[o];
                    if (pc == PL_NO_CARD)
                        continue;
                    expect_card_told(a, pc, 1, "a proposal");
                    if (g->rs->cards[pc].tag)
                        expect_drawn(a, pl_tag_label(g->rs, g->rs->cards[pc].tag, a->lang), "a proposal's author");
                }
                t.proposals++;
            } else {
                const pl_card_t *vc = &g->rs->cards[g->st.pending.card];
                expect_drawn(a, pl_text(&vc->name, a->lang), "a quote");
                if (vc->tag)
                    expect_drawn(a, pl_tag_label(g->rs, vc->tag, a->lang), "a quote's speaker");
                for (int o = 0; o < g->st.pending.n_options; o++) {
                    char label[200];
                    if (pt_option_label(g->rs, g->st.pending.effect, o, a->lang, label, sizeof label) > 0)
                        expect_drawn(a, label, "a vote option");
                }
                t.verbatims++;
            }
            if (step % 3 == 0) { /* Enter focuses the first option, a second Enter casts it */
                push_key(SDLK_RETURN);
                pump(a);
                cr_assert(a->ui.focus >= 0 && a->ui.btn[a->ui.focus].act == PC_ACT_VOTE, "Enter puts the focus on a ballot");
                push_key(SDLK_RETURN);
            } else {
                tc_number_key(1 + step % 2);
            }
            pump(a);
            cr_assert(g->st.pending.answered != before || g->st.wait != PL_WAIT_VOTE || g->reveal_pending,
                      "the ballot is cast");
            t.votes++;
        } else if (g->st.wait == PL_WAIT_CHOICE || g->st.wait == PL_WAIT_BRANCH) {
            uint32_t before = g->moves;
            int n = pc_option_count(a), want = 1 + step % (n > 0 ? n : 1);
            for (int o = 0; o < n; o++) { /* every option says what it costs, needs and does */
                char label[160];
                pc_option_label(a, o, label, sizeof label);
                expect_drawn(a, label, "an option's name");
                pt_item_t it[24];
                const char *text = NULL;
                int k = pc_option_items(a, o, it, 24, &text);
                expect_drawn(a, text, "a way's text");
                for (int i = 0; i < k && i < 24; i++)
                    expect_drawn(a, it[i].text, "an option's effect");
            }
            tc_number_key(want);
            pump(a);
            cr_assert_geq(g->moves, before + 1, "the choice is accepted");
            t.choices++;
        } else if (g->st.wait == PL_WAIT_TURN) {
            /* once: a card that cannot be played now shows why */
            if (!refusal_tried) {
                for (int i = 0; i < g->st.seat[seat].hand_n && i < 12 && !refusal_tried; i++) {
                    int c = g->st.seat[seat].hand[i];
                    pl_error_t e;
                    int code = pl_can_play(g->rs, &g->st, seat, c, &e);
                    if (code == PL_OK)
                        continue;
                    tc_number_key(i + 1);
                    pump(a);
                    cr_assert(click(a, PC_ACT_PLAY), "the detail offers to play the card");
                    pump(a);
                    pl_move_t mv = {PL_MOVE_PLAY, (uint8_t)seat, (uint16_t)c};
                    char want[512];
                    pt_refusal(g->rs, &g->st, &mv, code, PL_LANG_FR, want, sizeof want);
                    cr_assert_str_eq(a->scr.flash, want, "the refusal shows its reason");
                    push_key(SDLK_ESCAPE);
                    pump(a);
                    cr_assert_eq(a->scr.detail_card, PL_NO_CARD);
                    refusal_tried = 1;
                    t.refusals++;
                }
            }
            human_turn(a, seat, step, &t);
        }
    }
    cr_assert_eq(a->scr.screen, PC_SCREEN_END, "the game reaches the end screen");
    cr_assert_eq(a->session->st.wait, PL_WAIT_OVER);
    cr_assert(t.rolls > 0 && t.keys > 0 && t.clicks > 0, "humans played with keys and mouse");
    cr_assert(t.summaries > 0, "each team saw what its turn caused before the next one");
    cr_expect(t.details > 0 && t.events > 0 && t.verbatims > 0, "cards, events and quotes were read on screen");
    /* the end screen: every scoring rule by its name, for every team */
    for (uint32_t r = 0; r < a->session->rs->n_scoring; r++)
        expect_drawn(a, pl_text(&a->session->rs->scoring[r].name, a->lang), "a scoring rule on the end screen");
    cr_log_info("human plays %d, rolls %d, votes %d, choices %d, curtains %d, summaries %d, reveals %d, fictions %d, "
                "events %d, refusals %d, proposals %d, quotes %d", t.plays, t.rolls, t.votes, t.choices, t.curtains,
                t.summaries, t.reveals, t.fictions, t.events, t.refusals, t.proposals, t.verbatims);
    pc_app_destroy(a);
}

Test(play, keyboard_focus_reaches_every_button, .init = setup, .fini = teardown, .timeout = 30)
{
    pc_app_t *a = tc_app(TC_FIXTURE, 1280, 720, 1);
    cr_assert(a);
    pc_app_stage(a, "home");
    pc_app_draw(a);
    int n = a->ui.n_btn, seen_settings = 0;
    cr_assert(n > 3);
    for (int i = 0; i < n; i++) {
        push_key(SDLK_TAB);
        pump(a);
        cr_assert(a->ui.focus >= 0 && a->ui.focus < a->ui.n_btn);
        if (a->ui.btn[a->ui.focus].act == PC_ACT_SETTINGS) {
            seen_settings = 1;
            break;
        }
    }
    cr_assert(seen_settings, "Tab reaches the settings button");
    push_key(SDLK_RETURN);
    pump(a);
    cr_assert_eq(a->scr.screen, PC_SCREEN_SETTINGS, "Enter activates the focused button");
    push_key(SDLK_ESCAPE);
    pump(a);
    cr_assert_eq(a->scr.screen, PC_SCREEN_HOME, "Esc goes back");
    pc_app_destroy(a);
}

Test(play, settings_language_fullscreen_and_screenshot_key, .init = setup, .fini = teardown, .timeout = 30)
{
    pc_app_t *a = tc_app(TC_FIXTURE, 1280, 720, 1);
    cr_assert(a);
    pc_app_stage(a, "settings");
    pc_app_draw(a);
    /* the second language button is English */
    for (int i = 0; i < a->ui.n_btn; i++)
        if (a->ui.btn[i].act == PC_ACT_LANG && a->ui.btn[i].arg == PL_LANG_EN) a->ui.focus = i;
    push_key(SDLK_RETURN);
    pump(a);
    cr_expect_eq(a->lang, PL_LANG_EN, "English chosen in the settings");
    cr_expect_str_eq(_("Settings"), "Settings");
    for (int i = 0; i < a->ui.n_btn; i++)
        if (a->ui.btn[i].act == PC_ACT_LANG && a->ui.btn[i].arg == PL_LANG_FR) a->ui.focus = i;
    push_key(SDLK_RETURN);
    pump(a);
    cr_expect_str_eq(_("Settings"), "Réglages");
    unsigned long before = a->gfx.renders;
    cr_assert(click(a, PC_ACT_TEXTSIZE)); /* the first size button: small */
    pump(a);
    cr_expect_eq(a->text_size, 0);
    cr_expect_gt(a->gfx.renders, before, "a new text size renders the text again");
    push_key(SDLK_F11);
    pump(a);
    cr_expect(a->fullscreen, "F11 goes fullscreen");
    push_key(SDLK_F11);
    pump(a);
    cr_expect(!a->fullscreen, "F11 comes back");

    /* F12 in the real loop saves a PNG in the current folder */
    char dir[256], cwd[1024];
    snprintf(dir, sizeof dir, TC_BUILD "/tests/client-shot-XXXXXX");
    mkdir(TC_BUILD "/tests", 0755);
    cr_assert(mkdtemp(dir));
    cr_assert(getcwd(cwd, sizeof cwd));
    cr_assert(chdir(dir) == 0);
    push_key(SDLK_F12);
    SDL_Event q;
    memset(&q, 0, sizeof q);
    q.type = SDL_QUIT;
    SDL_PushEvent(&q);
    pc_app_run(a);
    int found = 0;
    DIR *d = opendir(".");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (!strncmp(e->d_name, "plateau-", 8) && strstr(e->d_name, ".png")) {
            SDL_Surface *s = IMG_Load(e->d_name);
            found = s && s->w == 1280 && s->h == 720;
            SDL_FreeSurface(s);
            remove(e->d_name);
        }
    }
    if (d) closedir(d);
    cr_assert(chdir(cwd) == 0);
    rmdir(dir);
    cr_expect(found, "F12 saved the frame as a 1280x720 PNG");
    pc_app_destroy(a);
}
