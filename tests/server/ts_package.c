/* ts_package.c -- loading a package of game-data or of tests/fixtures/packages for the server tests */
#include <stdio.h>
#include <unistd.h>
#include "data/package.h"
#include "ts_package.h"

pl_ruleset_t *ts_package(const char *id)
{
    const char *roots[] = { TS_GAMES_SHIPPED, TS_GAMES_FIXTURES };
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        char dir[256], game[300];
        snprintf(dir, sizeof dir, "%s/%s", roots[i], id);
        snprintf(game, sizeof game, "%s/game.xml", dir);
        if (access(game, R_OK) != 0)
            continue;
        pl_diags_t d;
        pl_diags_init(&d);
        pl_ruleset_t *rs = pl_package_load(dir, &d);
        if (!rs)
            pl_diags_print(&d, stderr);
        pl_diags_free(&d);
        return rs;
    }
    fprintf(stderr, "no package %s under %s or %s\n", id, TS_GAMES_SHIPPED, TS_GAMES_FIXTURES);
    return NULL;
}
