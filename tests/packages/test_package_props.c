/* test_package_props.c -- the property checks over bot games of every shipped game package */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include "plateau.h"
#include "data/package.h"
#include "../core/props.h"

static void run_package(const char *name, int games)
{
    char dir[512];
    snprintf(dir, sizeof dir, "game-data/%s", name);
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    if (!rs)
        pl_diags_print(&d, stderr);
    cr_assert(rs, "package %s does not load", name);
    pl_diags_free(&d);
    long moves = props_run(rs, games, 2024);
    cr_log_info("%s: %d games, %ld moves, every invariant held", name, games, moves);
    pl_ruleset_destroy(rs);
}

Test(package_props, every_shipped_package, .timeout = 600)
{
    char **names = NULL;
    int n = pl_package_list("game-data", &names);
    cr_assert_geq(n, 1, "no package under game-data/");
    for (int i = 0; i < n; i++) {
        run_package(names[i], 1000);
        free(names[i]);
    }
    free(names);
}
