/* ts_package.h -- the server tests' game packages: the shipped ones and the demo fixture */
#ifndef TS_PACKAGE_H
#define TS_PACKAGE_H

#include "plateau.h"

/* The folders a test server and plateau-bot read packages from (in this order). */
#define TS_GAMES_SHIPPED "game-data"
#define TS_GAMES_FIXTURES "tests/fixtures/packages"

/* Load package id (game-data/ID, else tests/fixtures/packages/ID) as the server does; NULL
 * with its errors printed on stderr. The caller frees it with pl_ruleset_destroy(). */
pl_ruleset_t *ts_package(const char *id);

#endif
