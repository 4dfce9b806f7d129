/* opts.c -- command-line flags of the client (getopt_long; numbers parsed strictly) */
#include <errno.h>
#include <getopt.h>
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
    o->bot_delay_ms = 450;
}

void pc_opts_usage(FILE *f)
{
    fprintf(f,
            "usage: plateau [options]\n"
            "  --lang fr|en          language of the game (default fr)\n"
            "  --game DIR            game package to play (default: the one named in game-data/default)\n"
            "  --watch               reload the package when one of its files is saved (designers)\n"
            "  --connect ADDR:PORT   join a plateau-server ([::1]:7878 for IPv6)\n"
            "  --font FILE           TrueType font to use instead of DejaVu Sans\n"
            "  --size WxH            window size (default 1280x720)\n"
            "  --fullscreen          start in fullscreen (F11 toggles)\n"
            "  --humans N            teams playing at this screen, 1-8 (default 2; others are bots)\n"
            "  --seats N             teams at the table (default: the game's default)\n"
            "  --seed N              seed of the table (default: from the clock)\n"
            "  --save FILE           where the hot-seat game is kept after every move\n"
            "                        (default $XDG_DATA_HOME/plateau/hotseat.save)\n"
            "  --no-save             do not keep the hot-seat game\n"
            "  --screen NAME         first screen or moment: home settings lobby create table detail\n"
            "                        curtain leave vote deck-vote reveal fiction choice event summary\n"
            "                        scores end\n"
            "  --screenshot FILE     render the first screen, save it as PNG and exit\n"
            "  --wait MS             with --screenshot: run that long first (a server's tables arrive)\n"
            "  --bot-delay MS        pause between bot moves (default 450)\n"
            "the training day:\n"
            "  --facilitator ADDR:PORT  the facilitator's console over every table of that server\n"
            "  --secret-file FILE    the facilitator's secret on the first line of FILE (else typed once)\n"
            "  --project ADDR:PORT   a projection of that server's tables, made for a projector\n"
            "  --table N             project table N (default: the first live table); with --facilitator,\n"
            "                        open it with the facilitator's view once logged in\n"
            "  --wall                project every table of the day at once\n"
            "  --cycle S             project one table after another, S seconds each\n"
            "  --kiosk               event mode at one screen: timers, bots in empty seats, back to a\n"
            "                        welcome screen when nobody plays (--humans 0: a demo that plays itself)\n"
            "  --idle-minutes N      kiosk: back to the welcome screen after N minutes without input (default 3)\n"
            "  --turn-timer S        hot-seat turn timer in seconds (kiosk default 90; 0 none)\n"
            "  --vote-timer S        hot-seat vote timer in seconds (kiosk default 60; 0 none)\n"
            "  --help                this text\n"
            "  --version             the version\n"
            "keys: F11 fullscreen, F12 screenshot, Tab/arrows/Enter, 1-9 0 - = cards and options,\n"
            "R roll, Page Up/Down the timeline, Esc back\n");
}

/* a whole decimal number in [lo, hi], nothing else */
static int number(const char *v, long long lo, long long hi, long long *out)
{
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno || end == v || *end || n < lo || n > hi)
        return 0;
    *out = n;
    return 1;
}

int pc_opts_parse(pc_opts_t *o, int argc, char **argv, char *err, size_t errlen)
{
    enum { O_LANG = 256, O_GAME, O_CONNECT, O_FONT, O_SIZE, O_FULL, O_HUMANS, O_SEATS, O_SEED, O_SAVE,
           O_NOSAVE, O_SCREEN, O_SHOT, O_DELAY, O_HELP, O_VERSION, O_FACIL, O_SECRET, O_PROJECT, O_TABLE, O_WALL,
           O_CYCLE, O_KIOSK, O_IDLE, O_TURN_TIMER, O_VOTE_TIMER, O_WAIT, O_WATCH };
    static const struct option longs[] = {
        { "lang", required_argument, 0, O_LANG },     { "game", required_argument, 0, O_GAME },
        { "connect", required_argument, 0, O_CONNECT }, { "font", required_argument, 0, O_FONT },
        { "size", required_argument, 0, O_SIZE },     { "fullscreen", no_argument, 0, O_FULL },
        { "humans", required_argument, 0, O_HUMANS }, { "seats", required_argument, 0, O_SEATS },
        { "seed", required_argument, 0, O_SEED },     { "save", required_argument, 0, O_SAVE },
        { "no-save", no_argument, 0, O_NOSAVE },      { "screen", required_argument, 0, O_SCREEN },
        { "screenshot", required_argument, 0, O_SHOT }, { "bot-delay", required_argument, 0, O_DELAY },
        { "help", no_argument, 0, O_HELP },           { "version", no_argument, 0, O_VERSION },
        { "facilitator", required_argument, 0, O_FACIL }, { "secret-file", required_argument, 0, O_SECRET },
        { "project", required_argument, 0, O_PROJECT }, { "table", required_argument, 0, O_TABLE },
        { "wall", no_argument, 0, O_WALL },           { "cycle", required_argument, 0, O_CYCLE },
        { "kiosk", no_argument, 0, O_KIOSK },         { "idle-minutes", required_argument, 0, O_IDLE },
        { "turn-timer", required_argument, 0, O_TURN_TIMER }, { "vote-timer", required_argument, 0, O_VOTE_TIMER },
        { "wait", required_argument, 0, O_WAIT },      { "watch", no_argument, 0, O_WATCH },
        { 0, 0, 0, 0 },
    };
    optind = 1;
    opterr = 0;
    int c;
    long long n;
    while ((c = getopt_long(argc, argv, ":h", longs, NULL)) != -1) {
        switch (c) {
        case 'h':
        case O_HELP:
            pc_opts_usage(stdout);
            return 1;
        case O_VERSION:
            printf("plateau %s (rules core %s)\n", PC_VERSION, PLATEAU_VERSION);
            return 1;
        case O_FULL: o->fullscreen = 1; break;
        case O_NOSAVE: o->no_save = 1; break;
        case O_LANG:
            if (!strcmp(optarg, "fr"))
                o->lang = PL_LANG_FR;
            else if (!strcmp(optarg, "en"))
                o->lang = PL_LANG_EN;
            else {
                snprintf(err, errlen, "--lang must be fr or en, not '%s'", optarg);
                return -1;
            }
            break;
        case O_GAME: o->game_dir = optarg; break;
        case O_CONNECT:
            if (!strchr(optarg, ':')) {
                snprintf(err, errlen, "--connect needs ADDR:PORT, not '%s'", optarg);
                return -1;
            }
            o->connect = optarg;
            break;
        case O_FONT: o->font = optarg; break;
        case O_SIZE: {
            int w = 0, h = 0;
            char tail;
            if (sscanf(optarg, "%dx%d%c", &w, &h, &tail) != 2 || w < 320 || h < 200 || w > 16384 || h > 16384) {
                snprintf(err, errlen, "--size needs WxH, e.g. 1920x1080, not '%s'", optarg);
                return -1;
            }
            o->w = w;
            o->h = h;
            break;
        }
        case O_HUMANS:
        case O_SEATS:
            if (!number(optarg, c == O_HUMANS ? 0 : 1, PL_MAX_SEATS, &n)) {
                snprintf(err, errlen, "%s must be a number from %d to %d, not '%s'", c == O_HUMANS ? "--humans" : "--seats",
                         c == O_HUMANS ? 0 : 1, PL_MAX_SEATS, optarg);
                return -1;
            }
            if (c == O_HUMANS)
                o->humans = (int)n;
            else
                o->seats = (int)n;
            break;
        case O_DELAY:
            if (!number(optarg, 0, 10000, &n)) {
                snprintf(err, errlen, "--bot-delay must be 0 to 10000 milliseconds, not '%s'", optarg);
                return -1;
            }
            o->bot_delay_ms = (int)n;
            break;
        case O_SEED: {
            char *end;
            errno = 0;
            unsigned long long s = strtoull(optarg, &end, 10);
            if (errno || end == optarg || *end || optarg[0] == '-') {
                snprintf(err, errlen, "--seed must be a whole number, not '%s'", optarg);
                return -1;
            }
            o->seed = s;
            o->seed_set = 1;
            break;
        }
        case O_FACIL:
        case O_PROJECT:
            if (!strchr(optarg, ':')) {
                snprintf(err, errlen, "%s needs ADDR:PORT, not '%s'", c == O_FACIL ? "--facilitator" : "--project", optarg);
                return -1;
            }
            if (c == O_FACIL)
                o->facilitator = optarg;
            else
                o->project = optarg;
            break;
        case O_SECRET: o->secret_file = optarg; break;
        case O_WALL: o->wall = 1; break;
        case O_WATCH: o->watch = 1; break;
        case O_KIOSK: o->kiosk = 1; break;
        case O_TABLE:
        case O_CYCLE:
        case O_IDLE:
        case O_TURN_TIMER:
        case O_VOTE_TIMER: {
            static const char *names[] = { "--table", "--cycle", "--idle-minutes", "--turn-timer", "--vote-timer" };
            static const long long lo[] = { 1, 5, 1, 0, 0 }, hi[] = { 1000000, 3600, 1440, 3600, 3600 };
            int k = c == O_TABLE ? 0 : c == O_CYCLE ? 1 : c == O_IDLE ? 2 : c == O_TURN_TIMER ? 3 : 4;
            if (!number(optarg, lo[k], hi[k], &n)) {
                snprintf(err, errlen, "%s must be a number from %lld to %lld, not '%s'", names[k], lo[k], hi[k], optarg);
                return -1;
            }
            int *slot[] = { &o->project_table, &o->cycle_s, &o->idle_min, &o->turn_timer_s, &o->vote_timer_s };
            *slot[k] = (int)n;
            if (c == O_TURN_TIMER)
                o->turn_timer_set = 1;
            if (c == O_VOTE_TIMER)
                o->vote_timer_set = 1;
            break;
        }
        case O_WAIT:
            if (!number(optarg, 0, 600000, &n)) {
                snprintf(err, errlen, "--wait must be 0 to 600000 milliseconds, not '%s'", optarg);
                return -1;
            }
            o->wait_ms = (int)n;
            break;
        case O_SAVE: o->save_path = optarg; break;
        case O_SCREEN: o->screen = optarg; break;
        case O_SHOT: o->screenshot = optarg; break;
        case ':':
            snprintf(err, errlen, "%s needs a value", argv[optind - 1]);
            return -1;
        default:
            snprintf(err, errlen, "unknown option %s (try --help)", argv[optind - 1]);
            return -1;
        }
    }
    if (optind < argc) {
        snprintf(err, errlen, "unexpected argument '%s' (try --help)", argv[optind]);
        return -1;
    }
    if (o->humans == 0 && !o->kiosk) {
        snprintf(err, errlen, "--humans 0 is for a demo that plays itself: add --kiosk");
        return -1;
    }
    if ((o->facilitator != NULL) + (o->project != NULL) + (o->connect != NULL) + o->kiosk > 1) {
        snprintf(err, errlen, "choose one of --connect, --facilitator, --project and --kiosk");
        return -1;
    }
    if ((o->wall || o->cycle_s) && !o->project) {
        snprintf(err, errlen, "--wall and --cycle go with --project ADDR:PORT");
        return -1;
    }
    if (o->project_table && !o->project && !o->facilitator) {
        snprintf(err, errlen, "--table goes with --project or --facilitator ADDR:PORT");
        return -1;
    }
    if (o->wall && o->project_table) {
        snprintf(err, errlen, "--wall shows every table: leave out --table");
        return -1;
    }
    if (o->cycle_s && o->project_table) {
        snprintf(err, errlen, "--cycle goes from one table to the next: leave out --table (or --cycle)");
        return -1;
    }
    if (o->watch && (o->connect || o->facilitator || o->project)) {
        snprintf(err, errlen, "--watch reloads a package played at this screen: leave out --connect, --facilitator "
                 "and --project");
        return -1;
    }
    if (o->secret_file && !o->facilitator) {
        snprintf(err, errlen, "--secret-file goes with --facilitator ADDR:PORT");
        return -1;
    }
    if (o->kiosk) {
        if (!o->idle_min)
            o->idle_min = 3;
        if (!o->turn_timer_set)
            o->turn_timer_s = 90;
        if (!o->vote_timer_set)
            o->vote_timer_s = 60;
    }
    return 0;
}
