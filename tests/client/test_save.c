/* test_save.c -- nothing lost at one screen: a hot-seat game killed with SIGKILL resumes move for move; a damaged
 * save or another version's is refused in words and left as it is; leaving a table asks first */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "client/save.h"
#include "helpers.h"

static const char *home;
static char save_path[1200];

static void setup(void)
{
    home = tc_isolate();
    cr_assert(home);
    char abs[1024];
    cr_assert(realpath(home, abs));
    snprintf(save_path, sizeof save_path, "%s/hotseat.save", abs);
}

static void teardown(void)
{
    tc_rm_tree(home);
}

static pc_app_t *app_saving(int humans)
{
    pc_opts_t o;
    char err[512];
    pc_opts_default(&o);
    o.game_dir = TC_SHIPPED;
    o.humans = humans;
    o.seed = 42;
    o.seed_set = 1;
    o.bot_delay_ms = 0;
    o.software = 1;
    o.hidden = 1;
    o.save_path = save_path;
    pc_app_t *a = pc_app_create(&o, err, sizeof err);
    cr_assert(a, "%s", err);
    return a;
}

/* the child: every seat human, each move made here and reported as "seq hash" */
static void child_plays(int out)
{
    tc_sdl_up();
    pc_app_t *a = app_saving(4);
    pc_session_t *s = a->session;
    FILE *f = fdopen(out, "w");
    for (int k = 0; k < 100000 && s->st.wait != PL_WAIT_OVER; k++) {
        int seat = pl_next_actor(&s->st);
        pl_move_t mv[40];
        int n = pl_legal_moves(s->rs, &s->st, seat, mv, 40);
        if (n <= 0)
            break;
        uint32_t before = s->st.seq;
        pc_session_move(s, mv[n - 1].type, seat, mv[n - 1].arg);
        pc_sevent_t e;
        while (pc_session_next(s, &e))
            ;
        s->reveal_pending = 0;
        s->prompt_card = PL_NO_CARD;
        if (s->st.seq != before) {
            fprintf(f, "%u %016llx\n", s->st.seq, (unsigned long long)pl_state_hash(&s->st));
            fflush(f);
            usleep(2000); /* at a pace the parent follows: it kills in the middle of the game */
        }
    }
    _exit(0);
}

Test(save, a_hotseat_game_killed_resumes_move_for_move, .init = setup, .fini = teardown, .timeout = 60)
{
    int fds[2];
    cr_assert(pipe(fds) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        child_plays(fds[1]);
    }
    close(fds[1]);
    FILE *in = fdopen(fds[0], "r");
    static unsigned long long hash_at[100000];
    unsigned seq = 0, last = 0;
    unsigned long long h;
    while (fscanf(in, "%u %llx", &seq, &h) == 2) {
        if (seq < 100000)
            hash_at[seq] = h;
        last = seq;
        if (seq >= 80) {
            kill(pid, SIGKILL); /* in the middle of play, as a crash or a pulled plug would */
            break;
        }
    }
    waitpid(pid, NULL, 0);
    while (fscanf(in, "%u %llx", &seq, &h) == 2) { /* what it reported before dying */
        if (seq < 100000)
            hash_at[seq] = h;
        last = seq;
    }
    fclose(in);
    cr_assert_geq(last, 80, "the child played");

    tc_sdl_up();
    pc_app_t *a = app_saving(4);
    cr_expect_eq(a->scr.screen, PC_SCREEN_HOME, "a saved game is offered before anything replaces it (%s)", a->resume_err);
    cr_expect(a->resume_info[0], "the home screen offers to resume it");
    pc_app_draw(a);
    cr_assert(tc_click(a, PC_ACT_RESUME));
    tc_pump(a);
    cr_assert_eq(a->scr.screen, PC_SCREEN_TABLE, "%s", a->resume_err);
    pc_session_t *s = a->session;
    cr_expect_geq(s->st.seq, last, "every reported move is there");
    cr_expect_leq(s->st.seq, last + 1, "and at most the one being written");
    if (s->st.seq == last)
        cr_expect_eq((unsigned long long)pl_state_hash(&s->st), hash_at[last], "the very same table");
    /* move for move: the save replays through every state the child had */
    pc_save_t sv;
    char err[300];
    cr_assert_eq(pc_save_read(save_path, &sv, err, sizeof err), 0, "%s", err);
    pl_state_t *st = malloc(sizeof *st);
    uint64_t *hashes = malloc(sizeof(uint64_t) * (sv.n_moves + 1));
    pl_error_t e;
    cr_assert_eq(pl_replay(s->rs, sv.n_seats, sv.seed, sv.moves, sv.n_moves, st, hashes, NULL, &e), PL_OK);
    for (unsigned k = 1; k <= last && k <= sv.n_moves; k++)
        cr_assert_eq((unsigned long long)hashes[k - 1], hash_at[k], "move %u replays to the same table", k);
    free(hashes);
    free(st);
    size_t before = sv.n_moves;
    pc_save_free(&sv);
    /* it plays on, and the save follows */
    int seat = pc_session_to_act(s);
    cr_assert_geq(seat, 0);
    pl_move_t mv[40];
    int n = pl_legal_moves(s->rs, &s->st, seat, mv, 40);
    pc_session_move(s, mv[0].type, seat, mv[0].arg);
    cr_assert_eq(pc_save_read(save_path, &sv, err, sizeof err), 0, "%s", err);
    cr_expect_eq(sv.n_moves, before + 1, "the move after the resumption is saved too");
    pc_save_free(&sv);
    (void)n;
    pc_app_destroy(a);
    tc_sdl_down();
}

static char *slurp(const char *p, size_t *n)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 16];
    *n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    return buf;
}

static void expect_refused(const char *content, const char *words_fr, const char *words_en)
{
    FILE *f = fopen(save_path, "w");
    cr_assert(f);
    fputs(content, f);
    fclose(f);
    tc_sdl_up();
    pc_app_t *a = app_saving(2);
    cr_expect_eq(a->scr.screen, PC_SCREEN_HOME);
    cr_expect_str_eq(a->resume_info, "", "nothing to resume");
    cr_expect(strstr(a->resume_err, words_fr), "the home screen says why: %s", a->resume_err);
    pc_app_set_lang(a, PL_LANG_EN);
    pc_app_destroy(a);
    /* in English too */
    pc_opts_t o;
    char err[512];
    pc_opts_default(&o);
    o.game_dir = TC_SHIPPED;
    o.lang = PL_LANG_EN;
    o.software = o.hidden = 1;
    o.save_path = save_path;
    a = pc_app_create(&o, err, sizeof err);
    cr_assert(a);
    cr_expect(strstr(a->resume_err, words_en), "%s", a->resume_err);
    pc_app_destroy(a);
    tc_sdl_down();
    size_t n;
    char *after = slurp(save_path, &n);
    cr_expect(after && n == strlen(content) && !memcmp(after, content, n), "the save is left as it was");
}

Test(save, a_damaged_save_is_refused_and_left_alone, .init = setup, .fini = teardown, .timeout = 30)
{
    expect_refused("this is not a saved game\nM 2 0 0\n", "endommagée", "damaged");
}

Test(save, a_save_of_another_version_is_refused, .init = setup, .fini = teardown, .timeout = 30)
{
    expect_refused("{\"format\":\"plateau-hotseat\",\"version\":1,\"package\":\"achats-durables\",\"hash\":"
                   "\"0000000000000000000000000000000000000000000000000000000000000000\",\"seed\":\"7\",\"seats\":4,"
                   "\"human\":3,\"bots\":12,\"teams\":[\"\",\"\",\"\",\"\"],\"started\":0}\nM 2 0 0\n",
                   "autre version", "another version");
}

Test(save, leaving_a_running_table_asks_first, .init = setup, .fini = teardown, .timeout = 30)
{
    tc_sdl_up();
    pc_app_t *a = app_saving(2);
    cr_assert_eq(a->scr.screen, PC_SCREEN_TABLE);
    tc_key(SDLK_ESCAPE);
    tc_pump(a);
    cr_assert_eq(a->scr.confirm, PC_CONFIRM_LEAVE, "Esc asks before leaving");
    cr_assert_eq(a->scr.screen, PC_SCREEN_TABLE);
    cr_assert(tc_click(a, PC_ACT_CONFIRM_NO));
    tc_pump(a);
    cr_expect_eq(a->scr.confirm, PC_CONFIRM_NONE);
    cr_expect_eq(a->scr.screen, PC_SCREEN_TABLE, "staying keeps the table");
    cr_assert(tc_click(a, PC_ACT_LEAVE), "the table's own button asks too");
    tc_pump(a);
    cr_assert_eq(a->scr.confirm, PC_CONFIRM_LEAVE);
    tc_key(SDLK_RETURN); /* Enter gives the safe answer */
    tc_pump(a);
    cr_expect_eq(a->scr.screen, PC_SCREEN_TABLE, "Enter stays");
    cr_assert(tc_click(a, PC_ACT_LEAVE));
    tc_pump(a);
    cr_assert(tc_click(a, PC_ACT_CONFIRM_YES));
    tc_pump(a);
    cr_expect_eq(a->scr.screen, PC_SCREEN_HOME, "leaving goes home");
    cr_expect(a->resume_info[0], "where the game waits to be resumed");
    pc_app_destroy(a);
    tc_sdl_down();
}
