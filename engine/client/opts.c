/* opts.c -- command-line flags of the client */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plateau.h"
#include "client/app.h"

void pc_opts_default(pc_opts_t *o)
{
    memset(o, 0, sizeof *o);
    o->lang = PL_LANG_FR;
    o->w = 1280;
    o->h = 720;
    o->humans = 2;
    o->seed = 0;
    o->bot_delay_ms = 450;
}

void pc_opts_usage(FILE *f)
{
    fprintf(f,
            "usage: plateau [options]\n"
            "  --lang fr|en          language of the game (default fr)\n"
            "  --game DIR            game package to play (default game-data/achats-durables)\n"
            "  --connect ADDR:PORT   join a plateau-server\n"
            "  --font FILE           TrueType font to use instead of DejaVu Sans\n"
            "  --size WxH            window size (default 1280x720)\n"
            "  --fullscreen          start in fullscreen (F11 toggles)\n"
            "  --humans N            teams playing at this screen, 1-8 (default 2; others are bots)\n"
            "  --seats N             teams at the table (default: the game's default)\n"
            "  --seed N              seed of the table (default: from the clock)\n"
            "  --screen NAME         first screen or moment: home settings lobby table detail curtain\n"
            "                        vote reveal fiction choice end\n"
            "  --screenshot FILE     render the first screen, save it as PNG and exit\n"
            "  --bot-delay MS        pause between bot moves (default 450)\n"
            "  --help                this text\n"
            "  --version             the version\n"
            "keys: F11 fullscreen, F12 screenshot, Tab/arrows/Enter, 1-9 cards, R roll, Esc back\n");
}

static int need(int i, int argc, const char *flag, char *err, size_t errlen)
{
    if (i + 1 >= argc) {
        snprintf(err, errlen, "%s needs a value", flag);
        return 0;
    }
    return 1;
}

int pc_opts_parse(pc_opts_t *o, int argc, char **argv, char *err, size_t errlen)
{
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i];
        if (!strcmp(f, "--help") || !strcmp(f, "-h")) {
            pc_opts_usage(stdout);
            return 1;
        } else if (!strcmp(f, "--version")) {
            printf("plateau %s (rules core %s)\n", PC_VERSION, PLATEAU_VERSION);
            return 1;
        } else if (!strcmp(f, "--fullscreen")) {
            o->fullscreen = 1;
        } else if (!strcmp(f, "--lang") || !strcmp(f, "--game") || !strcmp(f, "--connect") ||
                   !strcmp(f, "--font") || !strcmp(f, "--size") || !strcmp(f, "--screenshot") ||
                   !strcmp(f, "--humans") || !strcmp(f, "--seats") || !strcmp(f, "--seed") ||
                   !strcmp(f, "--screen") || !strcmp(f, "--bot-delay")) {
            if (!need(i, argc, f, err, errlen)) return -1;
            const char *v = argv[++i];
            if (!strcmp(f, "--lang")) {
                if (!strcmp(v, "fr")) o->lang = PL_LANG_FR;
                else if (!strcmp(v, "en")) o->lang = PL_LANG_EN;
                else {
                    snprintf(err, errlen, "--lang must be fr or en");
                    return -1;
                }
            } else if (!strcmp(f, "--game")) {
                o->game_dir = v;
            } else if (!strcmp(f, "--connect")) {
                if (!strchr(v, ':')) {
                    snprintf(err, errlen, "--connect needs ADDR:PORT");
                    return -1;
                }
                o->connect = v;
            } else if (!strcmp(f, "--font")) {
                o->font = v;
            } else if (!strcmp(f, "--size")) {
                int w = 0, h = 0;
                if (sscanf(v, "%dx%d", &w, &h) != 2 || w < 320 || h < 200 || w > 16384 || h > 16384) {
                    snprintf(err, errlen, "--size needs WxH, e.g. 1920x1080");
                    return -1;
                }
                o->w = w;
                o->h = h;
            } else if (!strcmp(f, "--screenshot")) {
                o->screenshot = v;
            } else if (!strcmp(f, "--screen")) {
                o->screen = v;
            } else if (!strcmp(f, "--humans") || !strcmp(f, "--seats") || !strcmp(f, "--bot-delay")) {
                char *end;
                long n = strtol(v, &end, 10);
                int lo = !strcmp(f, "--bot-delay") ? 0 : 1, hi = !strcmp(f, "--bot-delay") ? 10000 : PL_MAX_SEATS;
                if (*end || n < lo || n > hi) {
                    snprintf(err, errlen, "%s: bad number %s", f, v);
                    return -1;
                }
                if (!strcmp(f, "--humans")) o->humans = (int)n;
                else if (!strcmp(f, "--seats")) o->seats = (int)n;
                else o->bot_delay_ms = (int)n;
            } else {
                o->seed = strtoull(v, NULL, 10);
            }
        } else {
            snprintf(err, errlen, "unknown option %s (try --help)", f);
            return -1;
        }
    }
    return 0;
}
