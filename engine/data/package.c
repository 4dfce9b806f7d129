/* package.c -- pl_package_load (game.xml, deck files, checks) and pl_package_list */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "load.h"
#include "pl_alloc.h"

/* When game.xml cannot be read as XML, still check the deck files it seems to name (found in a
 * best-effort reading of it) against the schema, to report their errors too. */
static void validate_deck_files(const char *dir, const char *game, pl_diags_t *d)
{
    xmlDocPtr g = pl_xml_parse_recover(game);
    xmlNodePtr root = g ? xmlDocGetRootElement(g) : NULL;
    xmlNodePtr decks = NULL;
    for (xmlNodePtr c = root ? root->children : NULL; c && !decks; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "decks"))
            decks = c;
    for (xmlNodePtr k = decks ? decks->children : NULL; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "deck") != 0)
            continue;
        xmlChar *f = xmlGetNoNsProp(k, (const xmlChar *)"file");
        if (f && f[0] && f[0] != '.' && !strchr((char *)f, '/') && !strstr((char *)f, "..")) {
            size_t n = strlen(dir) + strlen((char *)f) + 2;
            char *path = pl_malloc(n);
            if (path) {
                snprintf(path, n, "%s/%s", dir, (char *)f);
                xmlDocPtr doc = pl_xml_parse_file(path, path, d);
                if (doc)
                    pl_xml_validate(doc, path, d);
                xmlFreeDoc(doc);
                pl_free(path);
            }
        }
        xmlFree(f);
    }
    xmlFreeDoc(g);
}

pl_ruleset_t *pl_package_load(const char *dir, pl_diags_t *diags)
{
    return pl_package_load_ex(dir, 0, diags);
}

pl_ruleset_t *pl_package_load_ex(const char *dir, unsigned flags, pl_diags_t *diags)
{
    size_t base = diags->n;
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    char *d = pl_strndup(dir, dl);
    char *game = pl_malloc(dl + sizeof "/game.xml");
    if (!d || !game) {
        pl_free(d);
        pl_free(game);
        pl_diags_add(diags, dir, 0, "out of memory");
        return NULL;
    }
    snprintf(game, dl + sizeof "/game.xml", "%s/game.xml", d);
    pl_ruleset_t *rs = NULL;
    xmlDocPtr doc = pl_xml_parse_file(game, game, diags);
    if (!doc) {
        validate_deck_files(d, game, diags);
        goto cleanup;
    }
    pl_xml_validate(doc, game, diags); /* errors reported, tree repaired: the checks go on */
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!pl_xml_is(root, "game")) {
        pl_diags_add(diags, game, pl_xml_line(root), "the root element of game.xml must be game");
        goto cleanup;
    }
    rs = pl_ruleset_create();
    if (!rs) {
        pl_diags_add(diags, game, 0, "out of memory");
        goto cleanup;
    }
    pl_loader_t *ld = pl_calloc(1, sizeof *ld);
    if (!ld) {
        pl_diags_add(diags, game, 0, "out of memory");
        goto cleanup;
    }
    ld->rs = rs;
    ld->d = diags;
    ld->dir = d;
    ld->game_file = ld->file = pl_ruleset_strdup(rs, game);
    ld->game_root = root;
    ld->board_node = pl_xml_child(root, "board");
    ld->end_node = pl_xml_child(root, "end");
    if (!ld->game_file)
        ld->game_file = ld->file = game, ld->oom = 1;
    pl_load_game(ld, root);
    pl_check_board(ld);
    pl_check_decks(ld);
    /* with errors, warnings would mostly repeat them (a deck misspelt is also a deck never drawn) */
    if ((flags & PL_LOAD_WARNINGS) && !pl_diags_count(diags, base, PL_DIAG_ERROR))
        pl_lint(ld);
    if (ld->oom)
        pl_diags_add(diags, game, 0, "out of memory while loading");
    for (int i = 0; i < PL_MAX_DECKS; i++)
        xmlFreeDoc(ld->deck_doc[i]);
    pl_free(ld->card_hash);
    pl_free(ld);
    if (!pl_diags_count(diags, base, PL_DIAG_ERROR))
        pl_ruleset_link(rs);

cleanup:
    xmlFreeDoc(doc);
    if (pl_diags_count(diags, base, PL_DIAG_ERROR)) {
        pl_ruleset_destroy(rs);
        rs = NULL;
    }
    pl_diags_sort(diags, base, game);
    pl_free(game);
    pl_free(d);
    return rs;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int pl_package_list(const char *root, char ***names)
{
    *names = NULL;
    DIR *dp = opendir(root);
    if (!dp)
        return -1;
    char **v = NULL;
    int n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(root) + strlen(e->d_name) + sizeof "//game.xml";
        char *p = pl_malloc(len);
        if (!p)
            goto fail;
        snprintf(p, len, "%s/%s/game.xml", root, e->d_name);
        struct stat sb;
        int ok = stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
        pl_free(p);
        if (!ok)
            continue;
        if (n == cap) {
            int nc = cap ? cap * 2 : 8;
            char **nv = pl_realloc(v, (size_t)nc * sizeof *nv);
            if (!nv)
                goto fail;
            v = nv;
            cap = nc;
        }
        if (!(v[n] = pl_strdup(e->d_name)))
            goto fail;
        n++;
    }
    closedir(dp);
    if (n)
        qsort(v, (size_t)n, sizeof *v, cmp_names);
    *names = v;
    return n;
fail:
    closedir(dp);
    for (int i = 0; i < n; i++)
        pl_free(v[i]);
    pl_free(v);
    return -1;
}
