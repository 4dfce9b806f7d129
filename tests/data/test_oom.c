/* test_oom.c -- loading every shipped package with each allocation failing in turn: no crash, no leak, a clear error */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "data/load.h"
#include "data/package.h"
#include "pl_alloc.h"

static int mentions_memory(const pl_diags_t *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (strcasestr(d->items[i].msg, "out of memory") || strcasestr(d->items[i].msg, "memory allocation failed"))
            return 1;
    return 0;
}

/* Allocations of one load once the hook is armed (pl_alloc_fail_at(0) counts without failing). */
static uint64_t count_load(const char *dir, int *ok)
{
    pl_diags_t d;
    pl_diags_init(&d);
    pl_alloc_fail_at(0);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    uint64_t n = pl_alloc_count();
    pl_alloc_reset();
    *ok = rs != NULL;
    pl_ruleset_destroy(rs);
    pl_diags_free(&d);
    return n;
}

static void sweep(const char *dir)
{
    int ok;
    count_load(dir, &ok); /* the first load also compiles the schema, once per process */
    cr_assert(ok, "%s does not load", dir);
    uint64_t total = count_load(dir, &ok);
    cr_assert_gt(total, 10, "%s: the hook saw almost no allocation", dir);
    for (uint64_t n = 1; n <= total; n++) {
        pl_diags_t d;
        pl_diags_init(&d);
        pl_alloc_fail_at(n);
        pl_ruleset_t *rs = pl_package_load(dir, &d);
        int fired = pl_alloc_failed();
        pl_alloc_reset();
        cr_assert(fired, "%s: allocation %llu of %llu never happened", dir, (unsigned long long)n,
                  (unsigned long long)total);
        cr_assert_null(rs, "%s: the load succeeded although allocation %llu failed", dir, (unsigned long long)n);
        if (!mentions_memory(&d)) {
            pl_diags_print(&d, stderr);
            cr_assert_fail("%s: allocation %llu failed without an out-of-memory error", dir, (unsigned long long)n);
        }
        pl_diags_free(&d);
    }
    /* and the hook leaves nothing behind: the next load is whole */
    count_load(dir, &ok);
    cr_assert(ok);
    cr_log_info("%s: %llu allocations, each failed once", dir, (unsigned long long)total);
    fprintf(stderr, "oom: %s: each of its %llu allocations failed in turn, a clear error each time\n", dir,
            (unsigned long long)total);
}

Test(oom, every_allocation_of_every_shipped_package_load_fails_cleanly, .timeout = 600)
{
    char **names;
    int n = pl_package_list("game-data", &names);
    cr_assert_geq(n, 1, "no package under game-data");
    for (int i = 0; i < n; i++) {
        char dir[300];
        snprintf(dir, sizeof dir, "game-data/%s", names[i]);
        sweep(dir);
        free(names[i]);
    }
    free(names);
}

Test(oom, libxml2_allocates_through_the_hook)
{
    int ok;
    count_load("game-data/example-minimal", &ok);
    uint64_t own = count_load("game-data/example-minimal", &ok);
    pl_alloc_fail_libraries(1);
    uint64_t all = count_load("game-data/example-minimal", &ok);
    pl_alloc_fail_libraries(0);
    cr_assert(ok);
    cr_assert_gt(all, own + 1000, "libxml2's allocations do not go through pl_alloc (%llu vs %llu)",
                 (unsigned long long)all, (unsigned long long)own);
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* libxml2's own allocations, failed in turn while it parses each file of each shipped package.
 * (Its schema validator is not swept: libxml2 2.9.14, Debian 12's, frees a wild pointer in
 * xmlSchemaFreeValidCtxt after some of its own allocations fail; pl_alloc therefore fails
 * library allocations only on request.) */
Test(oom, every_allocation_of_libxml2_parsing_each_shipped_file_fails_cleanly, .timeout = 600)
{
    char **names;
    int n = pl_package_list("game-data", &names);
    uint64_t swept = 0;
    int files = 0;
    cr_assert_geq(n, 1);
    xmlSetGenericErrorFunc(NULL, silent); /* its "Memory allocation failed" lines, on stderr */
    for (int i = 0; i < n; i++) {
        char dir[300];
        snprintf(dir, sizeof dir, "game-data/%s", names[i]);
        DIR *dp = opendir(dir);
        cr_assert_not_null(dp);
        struct dirent *e;
        while ((e = readdir(dp))) {
            char path[600];
            size_t l = strlen(e->d_name);
            if (l < 5 || strcmp(e->d_name + l - 4, ".xml"))
                continue;
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            pl_diags_t d;
            pl_diags_init(&d);
            xmlFreeDoc(pl_xml_parse_file(path, path, &d)); /* libxml2 set up */
            pl_alloc_fail_libraries(1);
            pl_alloc_fail_at(0);
            xmlDocPtr doc = pl_xml_parse_file(path, path, &d);
            uint64_t total = pl_alloc_count();
            pl_alloc_reset();
            cr_assert_not_null(doc, "%s does not parse", path);
            xmlFreeDoc(doc);
            for (uint64_t k = 1; k <= total; k++) {
                pl_diags_init(&d);
                pl_alloc_fail_at(k);
                doc = pl_xml_parse_file(path, path, &d);
                int fired = pl_alloc_failed();
                pl_alloc_reset();
                cr_assert(fired, "%s: allocation %llu never happened", path, (unsigned long long)k);
                cr_assert_null(doc, "%s: parsed although allocation %llu failed", path, (unsigned long long)k);
                cr_assert(mentions_memory(&d), "%s: allocation %llu failed without a clear error", path,
                          (unsigned long long)k);
                pl_diags_free(&d);
            }
            pl_alloc_fail_libraries(0);
            swept += total;
            files++;
        }
        closedir(dp);
        free(names[i]);
    }
    free(names);
    xmlSetGenericErrorFunc(NULL, NULL);
    fprintf(stderr, "oom: libxml2 parsing %d shipped files: each of its %llu allocations failed in turn, a clear "
            "error each time\n", files, (unsigned long long)swept);
}
