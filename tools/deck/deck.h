/* deck.h -- the subcommands of plateau-deck, the designer's command-line tool */
#ifndef PL_DECK_TOOL_H
#define PL_DECK_TOOL_H

/* Each takes its own name as argv[0] and returns the process exit status: 0 success, 1 invalid
 * data, 2 bad usage. */
int deck_validate(int argc, char **argv);
int deck_simulate(int argc, char **argv);

#endif
