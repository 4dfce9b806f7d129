/* app_day.c -- the training day's windows: the facilitator's console, the projection (one table, cycling, or a wall
 * of every table), and the kiosk at one screen (timers, bots, back to a welcome screen when nobody plays) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "client/app.h"
#include "client/i18n.h"
#include "client/save.h"
#include "client/session_remote.h"

#define REVEAL_SHOWN_MS 9000  /* a projected reveal stays this long, then goes by itself */
#define EVENT_SHOWN_MS 12000  /* a projected event too */
#define PROMPT_SHOWN_MS 70000 /* a projected prompt without a server clock */
#define DEMO_AGAIN_MS 20000   /* the kiosk's demo starts a new game this long after the end */
#define DEMO_PROMPT_MS 6000   /* and shows a prompt this long */

static int read_secret(const char *path, char *out, size_t len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "cannot read the facilitator's secret from %s", path);
        return -1;
    }
    if (!fgets(out, (int)len, f))
        out[0] = 0;
    fclose(f);
    out[strcspn(out, "\r\n")] = 0;
    size_t n = strlen(out); /* as the server reads the same file: trailing spaces are not part of the secret */
    while (n > 0 && out[n - 1] == ' ')
        out[--n] = 0;
    if (!out[0]) {
        snprintf(err, errlen, "%s: the first line should hold the facilitator's secret", path);
        return -1;
    }
    return 0;
}

/* each finished kiosk game keeps its own save, for the debrief */
static void kiosk_save_path(pc_app_t *a)
{
    char dir[900];
    if (!pc_save_default_path(dir, sizeof dir)) {
        a->save_path[0] = 0;
        return;
    }
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "/games");
    mkdir(dir, 0700);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    snprintf(a->save_path, sizeof a->save_path, "%s/kiosk-%04d%02d%02d-%02d%02d%02d.save", dir, tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static int kiosk_game(pc_app_t *a, int humans)
{
    a->opt.humans = humans;
    kiosk_save_path(a);
    if (!pc_app_new_game(a))
        return 0;
    pc_app_set_screen(a, PC_SCREEN_TABLE);
    a->last_input = SDL_GetTicks();
    return 1;
}

int pc_app_start_day(pc_app_t *a, char *err, size_t errlen)
{
    const pc_opts_t *o = &a->opt;
    if (o->facilitator) {
        a->mode = PC_MODE_CONSOLE;
        if (o->secret_file && read_secret(o->secret_file, a->secret, sizeof a->secret, err, errlen) != 0)
            return -1;
        a->conn = pc_conn_open(o->facilitator, a->lang, err, errlen);
        if (!a->conn)
            return -1;
        pc_app_set_screen(a, PC_SCREEN_CONSOLE);
        return 1;
    }
    if (o->project) {
        a->mode = PC_MODE_PROJECT;
        a->conn = pc_conn_open(o->project, a->lang, err, errlen);
        if (!a->conn)
            return -1;
        pc_app_set_screen(a, o->wall ? PC_SCREEN_WALL : PC_SCREEN_PROJECT);
        return 1;
    }
    if (o->kiosk) {
        a->mode = PC_MODE_KIOSK;
        a->last_input = SDL_GetTicks();
        if (o->humans == 0)
            return kiosk_game(a, 0) ? 1 : -1; /* the demo that plays itself */
        pc_app_set_screen(a, PC_SCREEN_WELCOME);
        return 1;
    }
    return 0;
}

static int min_wait(int a, int b)
{
    return a < 0 ? b : b < 0 ? a : a < b ? a : b;
}

/* the live tables of the day, in id order, ended ones last */
static int live_tables(pc_app_t *a, int *ids, int cap)
{
    const pc_table_info_t *t;
    int n = pc_conn_tables(a->conn, &t), k = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n && k < cap; i++)
            if (!t[i].broken && (t[i].over != 0) == pass)
                ids[k++] = t[i].id;
    return k;
}

/* a projection moves on by itself: nobody clicks on the projector's machine */
static int project_moments(pc_app_t *a, pc_session_t *s, uint32_t now, uint32_t *since, int demo)
{
    int wait = -1;
    int moment = s->reveal_pending ? 1 : s->event_card != PL_NO_CARD ? 2 : s->prompt_card != PL_NO_CARD ? 3 : 0;
    if (!moment) {
        *since = 0;
        return -1;
    }
    if (!*since)
        *since = now ? now : 1;
    uint32_t shown = now - *since;
    uint32_t limit = moment == 1 ? REVEAL_SHOWN_MS : moment == 2 ? EVENT_SHOWN_MS : PROMPT_SHOWN_MS;
    if (demo) /* the kiosk's demo: people pass by, it keeps moving (nobody tells a prompt) */
        limit = moment == 3 ? DEMO_PROMPT_MS : limit / 3;
    if (moment == 3 && s->clock_kind == PC_CLOCK_PROMPT) /* the prompt goes when its telling time is over */
        limit = shown + pc_session_clock_left(s, now) + 1500;
    if (moment == 3 && s->st.wait != PL_WAIT_VOTE && shown > 1500)
        limit = shown; /* its vote is over */
    if (shown >= limit) {
        if (moment == 1)
            pc_session_reveal_done(s);
        else if (moment == 2)
            pc_session_event_done(s);
        else
            pc_session_prompt_done(s);
        *since = 0;
        a->dirty = 1;
        return 0;
    }
    wait = (int)(limit - shown);
    return wait;
}

static uint32_t moment_since[PC_WALL_MAX + 1];
static uint32_t wall_shown[PC_WALL_MAX]; /* each wall table's clock seconds on screen */

static int project_tick(pc_app_t *a, uint32_t now)
{
    int wait = -1;
    if (pc_conn_state(a->conn) != PC_NET_READY)
        return -1;
    int ids[PC_CONN_MAX_TABLES];
    int n = live_tables(a, ids, PC_CONN_MAX_TABLES);
    if (a->opt.wall) { /* one connection per table, opened as the day's tables appear */
        for (int i = 0; i < n && a->n_wall < PC_WALL_MAX; i++) {
            int known = 0;
            for (int k = 0; k < a->n_wall; k++)
                known |= a->wall_table[k] == ids[i];
            if (known)
                continue;
            char err[300];
            pc_conn_t *c = pc_conn_open(a->opt.project, a->lang, err, sizeof err);
            if (!c)
                break;
            a->wall_conn[a->n_wall] = c;
            a->wall_table[a->n_wall] = ids[i];
            a->wall_session[a->n_wall] = NULL;
            a->n_wall++;
        }
        for (int k = 0; k < a->n_wall; k++) {
            pc_conn_t *c = a->wall_conn[k];
            pc_cevent_t e;
            while (pc_conn_next(c, &e)) {
                if (e.type == PC_CE_JOINED) {
                    char err[300];
                    pc_session_t *s = pc_session_remote_create(c, a->lang, err, sizeof err);
                    if (s) {
                        pc_session_destroy(a->wall_session[k]);
                        a->wall_session[k] = s;
                    }
                } else if (e.type == PC_CE_LEFT) {
                    pc_session_destroy(a->wall_session[k]);
                    a->wall_session[k] = NULL;
                }
                a->dirty = 1;
            }
            if (pc_conn_state(c) == PC_NET_READY && pc_conn_table(c) != a->wall_table[k] && !a->wall_session[k])
                pc_conn_watch(c, a->wall_table[k]);
            pc_session_t *s = a->wall_session[k];
            if (s) {
                pc_sevent_t se;
                while (pc_session_next(s, &se))
                    a->dirty = 1;
                wait = min_wait(wait, project_moments(a, s, now, &moment_since[k + 1], 0));
                if (s->clock_kind != PC_CLOCK_NONE && !s->clock_frozen) {
                    uint32_t left = pc_session_clock_left(s, now);
                    if (left)
                        wait = min_wait(wait, (int)(left % 1000) + 1);
                    if (left / 1000 != wall_shown[k]) {
                        wall_shown[k] = left / 1000;
                        a->dirty = 1;
                    }
                }
            }
        }
        return wait;
    }
    /* one table: the one asked for, else the first live one; with --cycle, each in turn */
    int want = a->opt.project_table;
    if (!want && n > 0) {
        int cur = pc_conn_table(a->conn), at = 0;
        for (int i = 0; i < n; i++)
            if (ids[i] == cur)
                at = i;
        want = cur > 0 ? ids[at] : ids[0];
        if (a->opt.cycle_s && n > 1) {
            if (!a->cycle_at)
                a->cycle_at = now + (uint32_t)a->opt.cycle_s * 1000u;
            if ((int32_t)(now - a->cycle_at) >= 0) {
                want = ids[(at + 1) % n];
                a->cycle_at = now + (uint32_t)a->opt.cycle_s * 1000u;
            }
            wait = min_wait(wait, (int)(a->cycle_at - now));
        }
    }
    if (want > 0 && pc_conn_table(a->conn) != want) {
        if (pc_conn_table(a->conn) > 0)
            pc_conn_leave(a->conn);
        pc_conn_watch(a->conn, want);
    }
    if (a->session)
        wait = min_wait(wait, project_moments(a, a->session, now, &moment_since[0], 0));
    return wait;
}

static int kiosk_tick(pc_app_t *a, uint32_t now)
{
    int wait = -1;
    uint32_t idle = (uint32_t)a->opt.idle_min * 60000u;
    int playing = a->scr.screen == PC_SCREEN_TABLE || a->scr.screen == PC_SCREEN_END;
    if (a->opt.humans == 0) { /* the demo: it moves on by itself, a new game some time after each end */
        if (a->session)
            wait = min_wait(wait, project_moments(a, a->session, now, &moment_since[0], 1));
        if (a->session && a->session->st.wait == PL_WAIT_OVER) {
            if (!a->cycle_at)
                a->cycle_at = now + DEMO_AGAIN_MS;
            if ((int32_t)(now - a->cycle_at) >= 0) {
                a->cycle_at = 0;
                kiosk_game(a, 0);
            } else {
                wait = min_wait(wait, (int)(a->cycle_at - now));
            }
        }
        return wait;
    }
    if (playing && idle) {
        if (now - a->last_input >= idle) { /* nobody plays any more: the game stays saved, the screen welcomes */
            pc_app_leave(a);
            pc_app_set_screen(a, PC_SCREEN_WELCOME);
            a->dirty = 1;
        } else {
            wait = (int)(idle - (now - a->last_input));
        }
    }
    return wait;
}

int pc_day_tick(pc_app_t *a)
{
    uint32_t now = SDL_GetTicks();
    switch (a->mode) {
    case PC_MODE_CONSOLE:
        /* logged in as soon as the server greets us, with the secret of the file (or typed once) */
        if (pc_conn_state(a->conn) == PC_NET_READY && a->secret[0] && !pc_conn_is_facilitator(a->conn) &&
            !a->login_sent) {
            pc_conn_login(a->conn, a->secret);
            a->login_sent = 1;
        }
        if (pc_conn_state(a->conn) != PC_NET_READY)
            a->login_sent = 0;
        if (a->opt.project_table && pc_conn_is_facilitator(a->conn) && !a->table_opened) {
            a->table_opened = 1; /* --table N: that table, with the facilitator's view */
            pc_console_action(a, PC_ACT_CON_OPEN, a->opt.project_table);
        }
        return -1;
    case PC_MODE_PROJECT: return project_tick(a, now);
    case PC_MODE_KIOSK: return kiosk_tick(a, now);
    default: return -1;
    }
}

int pc_console_kiosk_start(pc_app_t *a, int humans)
{
    return kiosk_game(a, humans);
}
