/* packages.c -- the game packages this server offers (every folder of each --games), by id: the package's folder name */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "server.h"
#include "data/package.h"

static int add(srv_t *s, const char *id, const char *dir, pl_ruleset_t *rs)
{
    char hash[PL_PACKAGE_HASH_HEX], err[300], **files = NULL;
    size_t n = 0, bytes = 0;
    if (pl_package_hash(dir, hash, err, sizeof err) != 0 || pl_package_files(dir, &files, &n, &bytes, err, sizeof err) != 0) {
        srv_log("package %s: %s", id, err);
        pl_ruleset_destroy(rs);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        free(files[i]);
    free(files);
    pkg_t *np = realloc(s->pkgs, (size_t)(s->n_pkgs + 1) * sizeof *np);
    if (!np) {
        pl_ruleset_destroy(rs);
        return -1;
    }
    s->pkgs = np;
    snprintf(np[s->n_pkgs].id, sizeof np[0].id, "%s", id);
    snprintf(np[s->n_pkgs].dir, sizeof np[0].dir, "%s", dir);
    snprintf(np[s->n_pkgs].hash, sizeof np[0].hash, "%s", hash);
    np[s->n_pkgs].size = (long)bytes;
    np[s->n_pkgs].rs = rs;
    s->n_pkgs++;
    return 0;
}

int srv_packages_load(srv_t *s, char *err, size_t errlen)
{
    for (int g = 0; g < s->o.n_games; g++) {
        const char *root = s->o.games[g];
        char **names = NULL;
        int n = pl_package_list(root, &names);
        if (n < 0) {
            srv_log("no game packages under %s", root);
            n = 0;
        }
        for (int i = 0; i < n; i++) {
            char dir[1100];
            pl_diags_t d;
            pl_diags_init(&d);
            snprintf(dir, sizeof dir, "%s/%s", root, names[i]);
            pl_ruleset_t *rs = NULL;
            if (srv_package(s, names[i]))
                srv_log("package %s under %s not offered: a package of that id comes from an earlier --games",
                        names[i], root);
            else if (strlen(names[i]) <= SRV_ID_MAX && (rs = pl_package_load(dir, &d)) && add(s, names[i], dir, rs) == 0)
                srv_log("package %s loaded from %s", names[i], root);
            else {
                srv_log("package %s not offered:", names[i]);
                pl_diags_print(&d, stderr);
            }
            pl_diags_free(&d);
            free(names[i]);
        }
        free(names);
    }
    if (s->n_pkgs == 0)
        srv_log("warning: no game package to offer (see --games)");
    (void)err;
    (void)errlen;
    return 0;
}

const pkg_t *srv_package(srv_t *s, const char *id)
{
    for (int i = 0; i < s->n_pkgs; i++)
        if (strcmp(s->pkgs[i].id, id) == 0)
            return &s->pkgs[i];
    return NULL;
}

void srv_packages_free(srv_t *s)
{
    for (int i = 0; i < s->n_pkgs; i++)
        pl_ruleset_destroy(s->pkgs[i].rs);
    free(s->pkgs);
    s->pkgs = NULL;
    s->n_pkgs = 0;
}
