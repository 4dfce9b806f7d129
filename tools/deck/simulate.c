/* simulate.c -- `plateau-deck simulate`: bot games and a balance report; the options it shares with diff */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static int parse_specs(sim_opts_t *o, const char *list, const char *cmd)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", list);
    char *save = NULL;
    o->n_specs = 0;
    for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (o->n_specs >= SIM_MAX_SPECS) {
            fprintf(stderr, "plateau-deck %s: --bots: at most %d bots\n", cmd, SIM_MAX_SPECS);
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
            fprintf(stderr, "plateau-deck %s: --bots: unknown bot '%s' (random, greedy, lens:COUNTER_ID)\n", cmd, t);
            return -1;
        }
    }
    if (!o->n_specs) {
        fprintf(stderr, "plateau-deck %s: --bots: empty list\n", cmd);
        return -1;
    }
    return 0;
}

int sim_parse_args(int argc, char **argv, sim_opts_t *o, int paths, const char *cmd)
{
    static const struct option opts[] = {
        { "games", required_argument, NULL, 'g' },  { "seed", required_argument, NULL, 's' },
        { "seats", required_argument, NULL, 'k' },  { "bots", required_argument, NULL, 'b' },
        { "lang", required_argument, NULL, 'l' },   { "threads", required_argument, NULL, 't' },
        { "rotate", no_argument, NULL, 'r' },       { "verbose", no_argument, NULL, 'v' },
        { "markdown", no_argument, NULL, 'm' },     { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    memset(o, 0, sizeof *o);
    o->games = 100;
    o->seed = 1;
    o->lang = deck_lang_from_env();
    parse_specs(o, "greedy", cmd);
    char name[64];
    snprintf(name, sizeof name, "plateau-deck %s", cmd);
    int ac, c, status = 0;
    char **av = deck_args(name, argc, argv, &ac);
    if (!av)
        return -1;
    long x = 0;
    opterr = 0;
    while (!status && (c = getopt_long(ac, av, ":v", opts, NULL)) != -1) {
        const char *v = optarg;
        switch (c) {
        case 'g':
            if (parse_long(v, 1, 1000000, &x)) {
                fprintf(stderr, "plateau-deck %s: --games: '%s' is not a number from 1 to 1000000\n", cmd, v);
                status = -1;
            }
            o->games = x;
            break;
        case 's': {
            char *end;
            errno = 0;
            unsigned long long sd = strtoull(v, &end, 10);
            if (!*v || *end || *v == '-' || errno) {
                fprintf(stderr, "plateau-deck %s: --seed: '%s' is not a whole number from 0 to 2^64-1\n", cmd, v);
                status = -1;
            }
            o->seed = sd;
            break;
        }
        case 'k':
            if (parse_long(v, 1, PL_MAX_SEATS, &x)) {
                fprintf(stderr, "plateau-deck %s: --seats: '%s' is not a number from 1 to %d\n", cmd, v, PL_MAX_SEATS);
                status = -1;
            }
            o->seats = (int)x;
            break;
        case 'b':
            status = parse_specs(o, v, cmd);
            break;
        case 'l':
            o->lang = deck_lang_parse(v);
            if (o->lang < 0) {
                fprintf(stderr, "plateau-deck %s: --lang: '%s' (fr or en)\n", cmd, v);
                status = -1;
            }
            break;
        case 't':
            if (parse_long(v, 1, 64, &x)) {
                fprintf(stderr, "plateau-deck %s: --threads: '%s' is not a number from 1 to 64\n", cmd, v);
                status = -1;
            }
            o->threads = (int)x;
            break;
        case 'r':
            o->rotate = 1;
            break;
        case 'v':
            o->verbose = 1;
            break;
        case 'm':
            o->markdown = 1;
            break;
        case 'h':
            free(av);
            return 1; /* the caller prints its usage */
        case ':':
            fprintf(stderr, "plateau-deck %s: %s needs a value\n", cmd, av[optind - 1]);
            status = -1;
            break;
        default:
            fprintf(stderr, "plateau-deck %s: unknown option '%s' (try --help)\n", cmd, av[optind - 1]);
            status = -1;
        }
    }
    for (int i = optind; !status && i < ac; i++) {
        if (!o->path)
            o->path = av[i];
        else if (paths == 2 && !o->path2)
            o->path2 = av[i];
        else {
            if (paths == 2)
                fprintf(stderr, "plateau-deck %s: two packages only ('%s', '%s' and '%s')\n", cmd, o->path, o->path2,
                        av[i]);
            else
                fprintf(stderr, "plateau-deck %s: one package at a time ('%s' and '%s')\n", cmd, o->path, av[i]);
            status = -1;
        }
    }
    free(av);
    if (!status && (!o->path || (paths == 2 && !o->path2))) {
        if (paths == 2)
            fprintf(stderr, "plateau-deck %s: give the old and the new package folders (try --help)\n", cmd);
        else
            fprintf(stderr, "plateau-deck %s: give a package folder (try --help)\n", cmd);
        status = -1;
    }
    return status;
}

int sim_prepare(const pl_ruleset_t *rs, sim_opts_t *o, const char *cmd)
{
    for (int i = 0; i < o->n_specs; i++) {
        if (strncmp(o->spec[i].name, "lens:", 5) != 0)
            continue;
        o->spec[i].lens = pl_ruleset_counter(rs, o->spec[i].name + 5);
        if (o->spec[i].lens < 0) {
            fprintf(stderr, "plateau-deck %s: --bots: %s: no counter '%s' in the package\n", cmd, o->spec[i].name,
                    o->spec[i].name + 5);
            return -1;
        }
    }
    int seats = o->seats ? o->seats : rs->turn.default_seats;
    if (seats < rs->turn.min_seats || seats > rs->turn.max_seats) {
        fprintf(stderr, "plateau-deck %s: --seats %d: the package takes %d to %d seats\n", cmd, seats,
                rs->turn.min_seats, rs->turn.max_seats);
        return -1;
    }
    return seats;
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

static void simulate_usage(FILE *out)
{
    fprintf(out, "usage: plateau-deck simulate PATH [--games N] [--seed S] [--seats K] [--bots SPEC,...]\n"
                 "                    [--rotate] [--verbose] [--lang fr|en] [--markdown] [--threads T]\n"
                 "  --games N      games to play (default 100)\n"
                 "  --seed S       first seed; game i uses S + i (default 1)\n"
                 "  --seats K      seats per table (default: the package's default)\n"
                 "  --bots SPEC,.. one per seat, cycled: random, greedy, lens:COUNTER_ID (default greedy)\n"
                 "  --rotate       rotate the line-up across seats game by game\n"
                 "  --verbose      narrate the first game move by move\n"
                 "  --lang fr|en   language of the report and the narration\n"
                 "  --markdown     print the report as Markdown\n"
                 "  --threads T    threads playing games (default: one per core); same report for any T\n");
}

int deck_simulate(int argc, char **argv)
{
    sim_opts_t o;
    int rc = sim_parse_args(argc, argv, &o, 1, "simulate");
    if (rc == 1) {
        simulate_usage(stdout);
        return 0;
    }
    if (rc != 0)
        return 2;
    deck_lang_set(o.lang);
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
    sim_stats_t S;
    memset(&S, 0, sizeof S);
    int seats = sim_prepare(rs, &o, "simulate");
    if (seats < 0) {
        status = 2;
        goto cleanup;
    }
    if (o.verbose && sim_narrate(rs, &o, seats) != 0) {
        status = 1;
        goto cleanup;
    }
    double secs = 0;
    if (sim_run(rs, &o, seats, &S, &secs) != 0) {
        status = 1;
        goto cleanup;
    }
    if (S.games && !(o.verbose && o.games == 1)) /* one narrated game: the story is the report */
        sim_report(rs, &o, seats, &S, secs);
    if (S.failed)
        status = 1;
cleanup:
    sim_stats_free(&S);
    pl_ruleset_destroy(rs);
    return status;
}
