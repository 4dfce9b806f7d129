/* main.c -- plateau-deck: validate and simulate game packages (designer tool) */
#include <stdio.h>
#include <string.h>
#include "plateau.h"
#include "deck.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: plateau-deck validate PATH...\n"
            "       plateau-deck simulate PATH --games N --seed S [--seats K] [--bots SPEC,...]\n"
            "                    [--rotate] [--verbose] [--lang fr|en] [--markdown]\n"
            "       plateau-deck --help | --version; plateau-deck validate|simulate --help\n"
            "\n"
            "validate  loads each package folder (game.xml and its deck files), checks it against\n"
            "          the schema and the rules, prints 'PATH: ok (N cards, M spaces)' or every\n"
            "          error as file:line: message; exit 0 when all are valid, 1 otherwise\n"
            "simulate  plays N bot games and reports games/s, score distribution per counter,\n"
            "          win rate per seat and per bot, rounds and moves per game, card usage\n"
            "  --games N      games to play (default 100)\n"
            "  --seed S       first seed; game i uses S + i (default 1)\n"
            "  --seats K      seats per table (default: the package's default)\n"
            "  --bots SPEC,.. one per seat, cycled: random, greedy, lens:COUNTER_ID (default greedy)\n"
            "  --rotate       rotate the line-up across seats game by game\n"
            "  --verbose      narrate the first game move by move\n"
            "  --lang fr|en   language of the narration (default fr)\n"
            "  --markdown     print the report as Markdown\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("plateau-deck %s\n", PLATEAU_VERSION);
        return 0;
    }
    /* each subcommand parses its own options (getopt_long), argv[0] being its name */
    if (!strcmp(cmd, "validate"))
        return deck_validate(argc - 1, argv + 1);
    if (!strcmp(cmd, "simulate"))
        return deck_simulate(argc - 1, argv + 1);
    fprintf(stderr, "plateau-deck: unknown command '%s' (try --help)\n", cmd);
    return 2;
}
