/* games.c -- plateau-report's game packages: found by id in the --games folders (else the build's own game-data), loaded once */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "data/package.h"
#include "report.h"

#define MAX_DIRS 16
#define MAX_PKGS 32

static char dirs[MAX_DIRS][1024];
static int n_dirs;
static struct {
    char id[64];
    char hash[65];
    pl_ruleset_t *rs;
} pkgs[MAX_PKGS];
static int n_pkgs;

void rp_games_add(const char *dir)
{
    size_t n = strlen(dir);
    if (n_dirs < MAX_DIRS && n < sizeof dirs[0])
        memcpy(dirs[n_dirs++], dir, n + 1);
}

static int is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* as plateau-bot does: BUILD/../game-data in a source tree, PREFIX/share/plateau/game-data once
 * installed, found from the program's own path; ./game-data last */
void rp_games_default(void)
{
    char exe[1024], cand[1200];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = 0;
        const char *rel[] = { "/../share/plateau/game-data", "/../game-data", "/../../game-data" };
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
            if (is_dir(cand)) {
                rp_games_add(cand);
                return;
            }
        }
    }
    rp_games_add("game-data");
}

/* a package id names a folder: letters, digits, '.', '_' and '-', not starting with a dot */
static int id_ok(const char *id)
{
    if (!id[0] || id[0] == '.' || strlen(id) >= sizeof pkgs[0].id)
        return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '.' ||
              *p == '_' || *p == '-'))
            return 0;
    return 1;
}

const pl_ruleset_t *rp_package(const char *id, char hash[65])
{
    for (int i = 0; i < n_pkgs; i++)
        if (!strcmp(pkgs[i].id, id)) {
            if (hash)
                memcpy(hash, pkgs[i].hash, 65);
            return pkgs[i].rs;
        }
    if (!id_ok(id)) {
        rp_fail(_("the game “%s” has a name that is no package folder"), id);
        return NULL;
    }
    if (n_pkgs == MAX_PKGS) {
        rp_fail(_("more than %d different games in one report"), MAX_PKGS);
        return NULL;
    }
    for (int d = 0; d < n_dirs; d++) {
        char dir[1200], game[1300];
        snprintf(dir, sizeof dir, "%s/%s", dirs[d], id);
        snprintf(game, sizeof game, "%s/game.xml", dir);
        if (access(game, R_OK) != 0)
            continue;
        pl_diags_t dg;
        pl_diags_init(&dg);
        pl_package_set_lang(rp_lang);
        pl_ruleset_t *rs = pl_package_load(dir, &dg);
        if (!rs) {
            char first[600] = "";
            if (dg.n)
                snprintf(first, sizeof first, "%s:%u: %s", dg.items[0].file, dg.items[0].line, dg.items[0].msg);
            pl_diags_free(&dg);
            rp_fail(_("the game “%s” in %s does not load: %s"), id, dirs[d], first);
            return NULL;
        }
        pl_diags_free(&dg);
        char err[300];
        if (pl_package_hash(dir, pkgs[n_pkgs].hash, err, sizeof err) != 0)
            pkgs[n_pkgs].hash[0] = 0;
        snprintf(pkgs[n_pkgs].id, sizeof pkgs[0].id, "%s", id);
        pkgs[n_pkgs].rs = rs;
        if (hash)
            memcpy(hash, pkgs[n_pkgs].hash, 65);
        n_pkgs++;
        return rs;
    }
    rp_buf_t where = { 0 };
    for (int d = 0; d < n_dirs; d++) {
        if (d)
            rp_put(&where, ", ");
        rp_put(&where, dirs[d]);
    }
    rp_fail(_("the game “%s” is in none of the folders %.1500s (see --games)"), id, where.s ? where.s : "");
    rp_buf_free(&where);
    return NULL;
}

void rp_games_free(void)
{
    for (int i = 0; i < n_pkgs; i++)
        pl_ruleset_destroy(pkgs[i].rs);
    n_pkgs = 0;
}
