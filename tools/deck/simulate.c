/* simulate.c -- `plateau-deck simulate`: bot games and a balance report (scores, wins, cards) */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "data/package.h"
#include "deck.h"
#include "simulate.h"

static int parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int parse_specs(sim_opts_t *o, const char *list)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", list);
    char *save = NULL;
    o->n_specs = 0;
    for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (o->n_specs >= SIM_MAX_SPECS) {
            fprintf(stderr, "plateau-deck simulate: --bots: at most %d bots\n", SIM_MAX_SPECS);
            return -1;
        }
        sim_spec_t *sp = &o->spec[o->n_specs++];
        snprintf(sp->name, sizeof sp->name, "%s", t);
        sp->lens = -1;
        if (!strcmp(t, "random"))
            sp->kind = PL_BOT_RANDOM;
        else if (!strcmp(t, "greedy"))
            sp->kind = PL_BOT_GREEDY;
        else if (!strncmp(t, "lens:", 5) && t[5])
            sp->kind = PL_BOT_GREEDY, sp->lens = -2; /* resolved once the package is loaded */
        else {
            fprintf(stderr, "plateau-deck simulate: --bots: unknown bot '%s' (random, greedy, lens:COUNTER_ID)\n", t);
            return -1;
        }
    }
    if (!o->n_specs) {
        fprintf(stderr, "plateau-deck simulate: --bots: empty list\n");
        return -1;
    }
    return 0;
}

static void simulate_usage(FILE *out)
{
    fprintf(out,
            "usage: plateau-deck simulate PATH [--games N] [--seed S] [--seats K] [--bots SPEC,...]\n"
            "                    [--rotate] [--verbose] [--lang fr|en] [--markdown]\n"
            "plays N bot games of the package in PATH and reports games/s, score distribution per counter,\n"
            "win rate per seat and per bot, rounds and moves per game, card usage\n"
            "  --games N      games to play (default 100)\n"
            "  --seed S       first seed; game i uses S + i (default 1)\n"
            "  --seats K      seats per table (default: the package's default)\n"
            "  --bots SPEC,.. one per seat, cycled: random, greedy, lens:COUNTER_ID (default greedy)\n"
            "  --rotate       rotate the line-up across seats game by game\n"
            "  --verbose, -v  narrate the first game move by move\n"
            "  --lang fr|en   language of the narration (default fr)\n"
            "  --markdown     print the report as Markdown\n"
            "  --help, -h     this help\n");
}

enum { OPT_GAMES = 1, OPT_SEED, OPT_SEATS, OPT_BOTS, OPT_LANG, OPT_ROTATE, OPT_MARKDOWN };

/* 0 to go on, else the exit status (0 after --help, 2 on bad usage). */
static int parse_args(int argc, char **argv, sim_opts_t *o, int *exit_status)
{
    static const struct option opts[] = {
        { "games", required_argument, NULL, OPT_GAMES }, { "seed", required_argument, NULL, OPT_SEED },
        { "seats", required_argument, NULL, OPT_SEATS }, { "bots", required_argument, NULL, OPT_BOTS },
        { "lang", required_argument, NULL, OPT_LANG }, { "rotate", no_argument, NULL, OPT_ROTATE },
        { "verbose", no_argument, NULL, 'v' }, { "markdown", no_argument, NULL, OPT_MARKDOWN },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int c;
    long x;
    memset(o, 0, sizeof *o);
    o->games = 100;
    o->seed = 1;
    o->lang = PL_LANG_FR;
    parse_specs(o, "greedy");
    *exit_status = 2;
    optind = 1; /* argv[0] is the subcommand's name */
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":hv", opts, NULL)) != -1) {
        const char *v = optarg;
        switch (c) {
        case 'h':
            simulate_usage(stdout);
            *exit_status = 0;
            return -1;
        case 'v': o->verbose = 1; break;
        case OPT_ROTATE: o->rotate = 1; break;
        case OPT_MARKDOWN: o->markdown = 1; break;
        case OPT_GAMES:
            if (parse_long(v, 1, 1000000, &x)) {
                fprintf(stderr, "plateau-deck simulate: --games: '%s' is not a number from 1 to 1000000\n", v);
                return -1;
            }
            o->games = x;
            break;
        case OPT_SEED: {
            char *end;
            errno = 0;
            unsigned long long sd = strtoull(v, &end, 10);
            if (!*v || *end || *v == '-' || *v == '+' || *v == ' ' || errno) {
                fprintf(stderr, "plateau-deck simulate: --seed: '%s' is not a whole number from 0 to %llu\n", v,
                        (unsigned long long)UINT64_MAX);
                return -1;
            }
            o->seed = sd;
            break;
        }
        case OPT_SEATS:
            if (parse_long(v, 1, PL_MAX_SEATS, &x)) {
                fprintf(stderr, "plateau-deck simulate: --seats: '%s' is not a number from 1 to %d\n", v, PL_MAX_SEATS);
                return -1;
            }
            o->seats = (int)x;
            break;
        case OPT_BOTS:
            if (parse_specs(o, v))
                return -1;
            break;
        case OPT_LANG:
            if (!strcmp(v, "fr"))
                o->lang = PL_LANG_FR;
            else if (!strcmp(v, "en"))
                o->lang = PL_LANG_EN;
            else {
                fprintf(stderr, "plateau-deck simulate: --lang: '%s' (fr or en)\n", v);
                return -1;
            }
            break;
        case ':':
            fprintf(stderr, "plateau-deck simulate: %s needs a value\n", argv[optind - 1]);
            return -1;
        default:
            fprintf(stderr, "plateau-deck simulate: unknown option '%s' (try --help)\n", argv[optind - 1]);
            return -1;
        }
    }
    for (int i = optind; i < argc; i++) {
        if (o->path) {
            fprintf(stderr, "plateau-deck simulate: one package at a time ('%s' and '%s')\n", o->path, argv[i]);
            return -1;
        }
        o->path = argv[i];
    }
    if (!o->path) {
        fprintf(stderr, "plateau-deck simulate: give a package folder (try --help)\n");
        return -1;
    }
    return 0;
}

int sim_spec_of(const sim_opts_t *o, int seats, long g, int s)
{
    int pos = o->rotate ? (int)((s + g) % seats) : s;
    return pos % o->n_specs;
}

void sim_bot(const sim_opts_t *o, int spec, uint64_t game_seed, int s, pl_bot_t *bot)
{
    const sim_spec_t *sp = &o->spec[spec];
    pl_bot_init(bot, sp->kind, game_seed * 0x9E3779B97F4A7C15ull + (uint64_t)s + 1);
    if (sp->lens >= 0) {
        bot->use_weights = 1;
        bot->weight[sp->lens] = 1;
    }
}

int deck_simulate(int argc, char **argv)
{
    sim_opts_t o;
    int usage_status;
    if (parse_args(argc, argv, &o, &usage_status) != 0)
        return usage_status;
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(o.path, &d);
    if (!rs) {
        pl_diags_print(&d, stderr);
        fprintf(stderr, "%s: %zu error%s\n", o.path, d.n, d.n == 1 ? "" : "s");
        pl_diags_free(&d);
        return 1;
    }
    pl_diags_free(&d);
    int status = 0;
    pl_state_t *st = NULL;
    uint8_t *played_by = NULL;
    sim_stats_t S;
    memset(&S, 0, sizeof S);
    for (int i = 0; i < o.n_specs; i++) {
        if (o.spec[i].lens != -2)
            continue;
        o.spec[i].lens = pl_ruleset_counter(rs, o.spec[i].name + 5);
        if (o.spec[i].lens < 0) {
            fprintf(stderr, "plateau-deck simulate: --bots: %s: no counter '%s' in the package\n",
                    o.spec[i].name, o.spec[i].name + 5);
            status = 2;
            goto cleanup;
        }
    }
    int seats = o.seats ? o.seats : rs->turn.default_seats;
    if (seats < rs->turn.min_seats || seats > rs->turn.max_seats) {
        fprintf(stderr, "plateau-deck simulate: --seats %d: the package takes %d to %d seats\n", seats,
                rs->turn.min_seats, rs->turn.max_seats);
        status = 2;
        goto cleanup;
    }
    if (o.verbose && sim_narrate(rs, &o, seats) != 0) {
        status = 1;
        goto cleanup;
    }
    st = malloc(sizeof *st);
    played_by = malloc(rs->n_cards ? rs->n_cards : 1);
    if (!st || !played_by || sim_stats_alloc(rs, o.games, seats, &S) != 0) {
        fprintf(stderr, "plateau-deck simulate: out of memory\n");
        status = 1;
        goto cleanup;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long g = 0; g < o.games; g++) {
        uint64_t seed = o.seed + (uint64_t)g;
        pl_bot_t bots[PL_MAX_SEATS];
        int spec[PL_MAX_SEATS];
        for (int s = 0; s < seats; s++) {
            spec[s] = sim_spec_of(&o, seats, g, s);
            sim_bot(&o, spec[s], seed, s, &bots[s]);
        }
        pl_error_t err = { 0 };
        int r = pl_bot_play_game(rs, st, seats, seed, bots, 0, &err);
        if (r != PL_OK) {
            if (!S.failed)
                fprintf(stderr, "plateau-deck simulate: game with seed %llu stopped: %s: %s\n",
                        (unsigned long long)seed, pl_reason_name(r), err.msg);
            S.failed++;
            if (r == PL_ERR_SETUP) {
                status = 1;
                goto cleanup;
            }
            continue;
        }
        sim_record_game(rs, &o, &S, st, spec, played_by);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (S.games && !(o.verbose && o.games == 1)) /* one narrated game: the story is the report */
        sim_report(rs, &o, seats, &S, secs);
    if (S.failed)
        status = 1;
cleanup:
    sim_stats_free(&S);
    free(st);
    free(played_by);
    pl_ruleset_destroy(rs);
    return status;
}
