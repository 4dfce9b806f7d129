/* load.c -- the game package: default folder lookup and loading through engine/data */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <SDL.h>
#include "client/load.h"
#include "data/package.h"

static int has_game_xml(const char *dir)
{
    char p[1200];
    struct stat sb;
    if (snprintf(p, sizeof p, "%s/game.xml", dir) >= (int)sizeof p) return 0;
    return stat(p, &sb) == 0;
}

static int find_in_roots(const char *const *names, int n_names, char *out, size_t len)
{
    char *base = SDL_GetBasePath();
    char roots[3][1100];
    snprintf(roots[0], sizeof roots[0], "game-data");
    snprintf(roots[1], sizeof roots[1], "%s../game-data", base ? base : "./");
    snprintf(roots[2], sizeof roots[2], "%s../share/plateau/game-data", base ? base : "./");
    SDL_free(base);
    for (int n = 0; n < n_names; n++)
        for (int r = 0; r < 3; r++) {
            char d[1200];
            if (snprintf(d, sizeof d, "%s/%s", roots[r], names[n]) >= (int)sizeof d) continue;
            if (has_game_xml(d)) {
                snprintf(out, len, "%s", d);
                return 1;
            }
        }
    return 0;
}

/* The package game-data/default names (one id on its first line), else the first package found. */
int pc_default_game_dir(char *out, size_t len)
{
    char *base = SDL_GetBasePath();
    char roots[3][1100];
    snprintf(roots[0], sizeof roots[0], "game-data");
    snprintf(roots[1], sizeof roots[1], "%s../game-data", base ? base : "./");
    snprintf(roots[2], sizeof roots[2], "%s../share/plateau/game-data", base ? base : "./");
    SDL_free(base);
    for (int r = 0; r < 3; r++) {
        char p[1200], id[80] = "";
        if (snprintf(p, sizeof p, "%.1100s/default", roots[r]) >= (int)sizeof p)
            continue;
        FILE *f = fopen(p, "r");
        if (f) {
            if (fgets(id, sizeof id, f))
                id[strcspn(id, " \t\r\n")] = 0;
            fclose(f);
            const char *names[1] = { id };
            if (id[0] && !strchr(id, '/') && !strstr(id, "..") && find_in_roots(names, 1, out, len))
                return 1;
        }
        char **list = NULL;
        int n = pl_package_list(roots[r], &list);
        int found = 0;
        for (int i = 0; i < n; i++) {
            if (!found && snprintf(p, sizeof p, "%.1100s/%.80s", roots[r], list[i]) < (int)sizeof p) {
                snprintf(out, len, "%s", p);
                found = 1;
            }
            free(list[i]);
        }
        free(list);
        if (found)
            return 1;
    }
    return 0;
}

int pc_find_game_dir(const char *id, char *out, size_t len)
{
    const char *names[1] = {id};
    if (!id || !*id || strchr(id, '/') || strstr(id, "..")) return 0;
    return find_in_roots(names, 1, out, len);
}

pl_ruleset_t *pc_load_game(const char *dir, char *err, size_t errlen)
{
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    if (!rs) {
        size_t used = (size_t)snprintf(err, errlen, "%s: cannot load the game", dir);
        for (size_t i = 0; i < d.n && i < 3 && used < errlen; i++)
            used += (size_t)snprintf(err + used, errlen - used, "%s%s:%u: %s", i ? "; " : ": ",
                                     d.items[i].file ? d.items[i].file : "", d.items[i].line,
                                     d.items[i].msg ? d.items[i].msg : "");
    }
    pl_diags_free(&d);
    return rs;
}
