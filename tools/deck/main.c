/* main.c -- plateau-deck: validate, simulate, compare, preview and print game packages (designer tool) */
#include <stdio.h>
#include <string.h>
#include "plateau.h"
#include "deck.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: plateau-deck validate [--strict] [--lang fr|en] PATH...\n"
            "       plateau-deck simulate PATH --games N --seed S [--seats K] [--bots SPEC,...]\n"
            "                    [--rotate] [--verbose] [--lang fr|en] [--markdown] [--threads T]\n"
            "       plateau-deck diff OLD NEW [the options of simulate]\n"
            "       plateau-deck preview PATH [CARD-ID...] --out DIR [--lang fr|en]\n"
            "       plateau-deck print PATH --out FILE.pdf [--lang fr|en] [--paper a4|letter]\n"
            "       plateau-deck --help | --version\n"
            "\n"
            "validate  loads each package folder (game.xml and its deck files), checks it against\n"
            "          the schema and the rules, prints 'PATH: ok (N cards, M spaces)' or every\n"
            "          error as file:line: message, then warnings (texts that would not fit their\n"
            "          place in the client among them); exit 0 when all are valid\n"
            "          (--strict: and without warnings), 1 otherwise\n"
            "simulate  plays N bot games and reports games/s, score distribution per counter,\n"
            "          win rate per seat and per bot, rounds and moves per game, card usage\n"
            "  --games N      games to play (default 100)\n"
            "  --seed S       first seed; game i uses S + i (default 1)\n"
            "  --seats K      seats per table (default: the package's default)\n"
            "  --bots SPEC,.. one per seat, cycled: random, greedy, lens:COUNTER_ID (default greedy)\n"
            "  --rotate       rotate the line-up across seats game by game\n"
            "  --verbose      narrate the first game move by move\n"
            "  --lang fr|en   language of the narration (default fr)\n"
            "  --markdown     print the report as Markdown\n"
            "  --threads T    threads playing games (default: one per core); same report for any T\n"
            "diff      plays the same games with two versions of a package and prints what changed\n"
            "          per card and per counter\n"
            "preview   draws each card as the client does (its detail view at 1920x1080) into\n"
            "          DIR/CARD-ID.png, and every card of the package on DIR/contact.png\n"
            "print     writes a PDF to print and cut: the rules on one page, the board, every card\n"
            "          at 63 x 88 mm nine a page with crop marks, and their backs\n");
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
    for (const deck_command_t *c = deck_commands; c->name; c++)
        if (!strcmp(cmd, c->name))
            return c->run(argc - 2, argv + 2);
    fprintf(stderr, "plateau-deck: unknown command '%s' (try --help)\n", cmd);
    return 2;
}
