/* commands.c -- the table of plateau-deck's subcommands (main.c looks them up here) */
#include <stddef.h>
#include "deck.h"

const deck_command_t deck_commands[] = {
    { "validate", deck_validate },
    { "simulate", deck_simulate },
    { "diff", deck_diff },
    { "preview", deck_preview },
    { "print", deck_print },
    { NULL, NULL },
};
