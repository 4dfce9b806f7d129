/* test_no_game_in_engine.c -- nothing under engine/ names a counter, token, deck, tag or card id of a shipped package */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "data/package.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = 0;
    fclose(f);
    return s;
}

/* every .c and .h under dir, recursively: calls fn(path, text) */
static void each_source(const char *dir, void (*fn)(const char *, const char *, void *), void *arg)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "%s is readable", dir);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char p[1024];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        size_t n = strlen(e->d_name);
        if (e->d_type == DT_DIR)
            each_source(p, fn, arg);
        else if (n > 2 && (!strcmp(e->d_name + n - 2, ".c") || !strcmp(e->d_name + n - 2, ".h"))) {
            char *s = slurp(p);
            if (s)
                fn(p, s, arg);
            free(s);
        }
    }
    closedir(d);
}

typedef struct {
    const char *ids[512];
    int n;
    int hits;
} idset_t;

static void add_id(idset_t *set, const char *id)
{
    for (int i = 0; i < set->n; i++)
        if (!strcmp(set->ids[i], id))
            return;
    if (set->n < 512)
        set->ids[set->n++] = id;
}

static void scan(const char *path, const char *text, void *arg)
{
    idset_t *set = arg;
    for (int i = 0; i < set->n; i++) {
        char quoted[128];
        snprintf(quoted, sizeof quoted, "\"%s\"", set->ids[i]);
        /* a protocol key spelt like an id (json_object_get(m, "events")) is not a game's id */
        for (const char *at = strstr(text, quoted); at; at = strstr(at + 1, quoted)) {
            const char *bol = at, *eol = strchr(at, '\n');
            while (bol > text && bol[-1] != '\n')
                bol--;
            size_t n = eol ? (size_t)(eol - bol) : strlen(bol);
            char line[512];
            snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), bol);
            if (strstr(line, "json_"))
                continue;
            cr_log_error("%s names \"%s\" of a shipped package: %s", path, set->ids[i], line);
            set->hits++;
        }
    }
}

Test(engine, knows_no_shipped_game)
{
    const char *pkgs[] = { "game-data/achats-durables", "game-data/example-minimal" };
    pl_ruleset_t *rs[2];
    idset_t set = { .n = 0 };
    for (int p = 0; p < 2; p++) {
        pl_diags_t d;
        pl_diags_init(&d);
        rs[p] = pl_package_load(pkgs[p], &d);
        pl_diags_free(&d);
        cr_assert_not_null(rs[p]);
        const pl_ruleset_t *r = rs[p];
        add_id(&set, r->id);
        for (int i = 0; i < r->n_counters; i++) add_id(&set, r->counters[i].id);
        for (int i = 0; i < r->n_table_counters; i++) add_id(&set, r->table_counters[i].id);
        for (int i = 0; i < r->n_tokens; i++) add_id(&set, r->tokens[i].id);
        for (int i = 0; i < r->n_decks; i++) add_id(&set, r->decks[i].id);
        for (int i = 0; i < r->n_tags; i++) add_id(&set, r->tags[i].id);
        for (int i = 0; i < r->n_phases; i++) add_id(&set, r->phases[i].id);
        for (uint32_t i = 0; i < r->n_cards; i++) {
            add_id(&set, r->cards[i].id);
            if (r->cards[i].tag) add_id(&set, r->cards[i].tag);
        }
    }
    cr_assert_gt(set.n, 100);
    each_source("engine", scan, &set);
    for (int p = 0; p < 2; p++)
        pl_ruleset_destroy(rs[p]);
    cr_expect_eq(set.hits, 0, "engine/ names %d ids of shipped packages (see above)", set.hits);
}
