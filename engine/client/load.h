/* load.h -- finds and loads the game package the client plays */
#ifndef PC_LOAD_H
#define PC_LOAD_H

#include <stddef.h>
#include "plateau.h"

/* The default package folder: the one game-data/default names, else the first package found;
 * looked up from the current directory, then next to the executable and in the installed share
 * folder. Writes it to out; returns 0 when none exists. */
int pc_default_game_dir(char *out, size_t len);

/* The folder of package id (game-data/<id> with a game.xml, same places as above); 0 when none. */
int pc_find_game_dir(const char *id, char *out, size_t len);

/* Load the package in dir; NULL with every error (file:line) in err on failure.
 * The caller owns the ruleset (pl_ruleset_destroy). */
pl_ruleset_t *pc_load_game(const char *dir, char *err, size_t errlen);

#endif
