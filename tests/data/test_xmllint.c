/* test_xmllint.c -- the loader and `xmllint --noout --schema` agree on good files; on schema-bad ones the
 * loader reports every error xmllint does, at the same line */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "util.h"

#define MAX_LINES 64

/* Runs xmllint on file; fills the lines of its schema errors; returns its exit status. */
static int xmllint(const char *file, unsigned *lines, int *n)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "xmllint --noout --nonet --schema " SCHEMA " '%s' 2>&1", file);
    FILE *p = popen(cmd, "r");
    cr_assert(p, "cannot run xmllint");
    char buf[4096];
    size_t fl = strlen(file);
    *n = 0;
    while (fgets(buf, sizeof buf, p)) {
        unsigned l;
        if (!strncmp(buf, file, fl) && buf[fl] == ':' && sscanf(buf + fl + 1, "%u:", &l) == 1 &&
            strstr(buf, "validity error") && *n < MAX_LINES)
            lines[(*n)++] = l;
    }
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int have_xmllint(void)
{
    return system("xmllint --version >/dev/null 2>&1") == 0;
}

/* Every .xml file of package dir: xmllint's verdict and error lines match the loader's. */
static int agree_on_package(const char *dir, int expect_valid)
{
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    if (expect_valid)
        cr_expect(rs != NULL, "%s does not load", dir);
    pl_ruleset_destroy(rs);
    DIR *dp = opendir(dir);
    cr_assert(dp, "cannot open %s", dir);
    struct dirent *e;
    int files = 0, bad_files = 0;
    while ((e = readdir(dp)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".xml"))
            continue;
        char file[1024];
        snprintf(file, sizeof file, "%s/%s", dir, e->d_name);
        unsigned xl[MAX_LINES], ll[MAX_LINES];
        int xn = 0, ln = 0;
        int st = xmllint(file, xl, &xn);
        for (size_t i = 0; i < d.n && ln < MAX_LINES; i++)
            if (!strcmp(d.items[i].file, file))
                ll[ln++] = d.items[i].line;
        files++;
        bad_files += st != 0;
        if (expect_valid) {
            cr_expect_eq(st, 0, "xmllint rejects %s, which the loader accepts", file);
            continue;
        }
        /* the loader reports more: it goes on past the first error inside an element, and checks
         * the meaning of what it could read; every error xmllint finds it reports at the same line */
        if (st != 0)
            cr_expect(ln != 0, "%s: xmllint says invalid, the loader reports no error", file);
        for (int i = 0; i < xn; i++) {
            int found = 0;
            for (int k = 0; k < ln && !found; k++)
                found = ll[k] == xl[i];
            cr_expect(found, "%s: xmllint reports an error at line %u, the loader does not", file, xl[i]);
        }
    }
    closedir(dp);
    pl_diags_free(&d);
    cr_expect(files > 0, "no .xml file in %s", dir);
    return bad_files;
}

Test(xmllint, agrees_on_every_shipped_package)
{
    if (!have_xmllint())
        cr_skip_test("xmllint is not installed (Debian libxml2-utils)");
    char **names = NULL;
    int n = pl_package_list("game-data", &names);
    cr_assert(n >= 1);
    for (int i = 0; i < n; i++) {
        char dir[512];
        snprintf(dir, sizeof dir, "game-data/%s", names[i]);
        agree_on_package(dir, 1);
        free(names[i]);
    }
    free(names);
    agree_on_package(BASE_PKG, 1);
}

Test(xmllint, agrees_on_schema_bad_fixtures)
{
    if (!have_xmllint())
        cr_skip_test("xmllint is not installed (Debian libxml2-utils)");
    DIR *dp = opendir("tests/fixtures");
    cr_assert(dp);
    struct dirent *e;
    int pkgs = 0, bad = 0;
    while ((e = readdir(dp)) != NULL) {
        if (strncmp(e->d_name, "schema-", 7))
            continue;
        char dir[512];
        snprintf(dir, sizeof dir, "tests/fixtures/%s", e->d_name);
        bad += agree_on_package(dir, 0);
        pkgs++;
    }
    closedir(dp);
    cr_expect(pkgs >= 2 && bad >= 2, "expected schema-bad fixtures: %d packages, %d bad files", pkgs, bad);
}
