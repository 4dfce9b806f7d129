/* args.c -- a subcommand's arguments as getopt_long wants them: its name first, then what follows it */
#include <getopt.h>
#include <stdlib.h>
#include "deck.h"

char **deck_args(const char *name, int argc, char **argv, int *ac)
{
    char **av = calloc((size_t)argc + 2, sizeof *av);
    if (!av)
        return NULL;
    av[0] = (char *)name;
    for (int i = 0; i < argc; i++)
        av[i + 1] = argv[i];
    *ac = argc + 1;
    optind = 1; /* another subcommand may have run getopt before */
    return av;
}
