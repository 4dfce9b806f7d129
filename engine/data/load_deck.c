/* load_deck.c -- decks (inline in game.xml or in their own file) and their cards */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "load.h"
#include "pl_alloc.h"

/* A deck file must be a plain name inside the package folder. */
static int plain_name(const char *f)
{
    return f[0] && f[0] != '.' && !strchr(f, '/') && !strchr(f, '\\') && !strstr(f, "..");
}

/* Whether path resolves (symbolic links followed) to a file inside dir. */
static int inside(const char *dir, const char *path)
{
    char *rd = realpath(dir, NULL), *rp = realpath(path, NULL);
    int ok = rd && rp && strncmp(rp, rd, strlen(rd)) == 0 && rp[strlen(rd)] == '/';
    pl_free(rd);
    pl_free(rp);
    return ok;
}

/* Parse and validate a deck file; returns its root (doc kept in ld), or NULL when it could not
 * be read as XML. */
static xmlNodePtr read_deck_file(pl_loader_t *ld, int d, const char *file, unsigned line)
{
    const pl_deck_t *dk = &ld->rs->decks[d];
    if (!plain_name(file)) {
        pl_err(ld, line, "deck '%s': file '%s' must be a plain file name in the package folder (no '/', no '..')",
               dk->id, file);
        return NULL;
    }
    size_t n = strlen(ld->dir) + strlen(file) + 2;
    char *path = pl_malloc(n);
    if (!path) {
        ld->oom = 1;
        return NULL;
    }
    snprintf(path, n, "%s/%s", ld->dir, file);
    const char *shown = pl_dup(ld, path);
    xmlDocPtr doc = NULL;
    if (!inside(ld->dir, path)) {
        if (access(path, F_OK) == 0)
            pl_err(ld, line, "deck '%s': file '%s' is outside the package folder", dk->id, file);
        else
            pl_err(ld, line, "deck '%s': file '%s' not found", dk->id, file);
    } else {
        doc = pl_xml_parse_file(path, shown ? shown : file, ld->d);
        if (doc) /* its schema errors are reported; the cards are still read for the other checks */
            pl_xml_validate(doc, shown ? shown : file, ld->d);
    }
    pl_free(path);
    if (!doc)
        return NULL;
    ld->deck_doc[d] = doc;
    ld->deck_file[d] = shown;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    const char *saved = ld->file;
    ld->file = shown;
    unsigned rl = pl_xml_line(root);
    if (!pl_xml_is(root, "deck")) {
        pl_err(ld, rl, "the root element of a deck file must be deck");
        ld->file = saved;
        return NULL;
    }
    const char *id = pl_attr(ld, root, "id"), *kind = pl_attr(ld, root, "kind");
    /* absent: the schema said so already */
    if (id && strcmp(id, dk->id) != 0)
        pl_err(ld, rl, "deck id '%s' differs from '%s' in game.xml", id, dk->id);
    if (kind && pl_card_kind_from_name(kind) != dk->kind)
        pl_err(ld, rl, "deck kind '%s' differs from '%s' in game.xml", kind,
               pl_card_kind_name(dk->kind));
    if (pl_attr(ld, root, "file"))
        pl_err(ld, rl, "a deck file's root cannot name another file");
    if (pl_attr(ld, root, "keep"))
        ld->rs->decks[d].keep = (uint8_t)pl_attr_bool(ld, root, "keep", 0);
    ld->file = saved;
    return root;
}

/* What players do with the deck's revealed cards, and the time they have for it. */
static void load_instructions(pl_loader_t *ld, int d, xmlNodePtr n, const char *what)
{
    pl_deck_t *dk = &ld->rs->decks[d];
    pl_load_text(ld, n, "instructions", &dk->instructions, 0, what);
    int32_t sec = pl_attr_int(ld, n, "seconds", 0);
    if (sec < 0 || sec > 3600)
        pl_err(ld, pl_xml_line(n), "%s: seconds must be 0 to 3600", what);
    else
        dk->seconds = (uint16_t)sec;
}

void pl_load_deck_decl(pl_loader_t *ld, xmlNodePtr decl)
{
    pl_ruleset_t *rs = ld->rs;
    ld->file = ld->game_file;
    unsigned line = pl_xml_line(decl);
    const char *id = pl_attr(ld, decl, "id"), *kind = pl_attr(ld, decl, "kind");
    if (!id || !kind)
        return;
    int dup = pl_ruleset_deck(rs, id);
    if (dup >= 0) {
        pl_err(ld, line, "deck id '%s' is already used (first on line %u)", id, ld->deck_line[dup]);
        return;
    }
    if (rs->n_decks >= PL_MAX_DECKS) {
        pl_err(ld, line, "too many decks (at most %d)", PL_MAX_DECKS);
        return;
    }
    int k = pl_card_kind_from_name(kind);
    if (k < 0) {
        pl_err(ld, line, "deck '%s': unknown kind '%s'", id, kind);
        k = PL_CARD_ACTION;
    }
    int d = rs->n_decks++;
    pl_deck_t *dk = &rs->decks[d];
    dk->id = pl_dup(ld, id);
    dk->kind = (uint8_t)k;
    dk->keep = (uint8_t)pl_attr_bool(ld, decl, "keep", 0);
    ld->deck_line[d] = line;
    char what[96];
    snprintf(what, sizeof what, "deck '%s'", id);
    if (pl_attr(ld, decl, "file")) {
        /* the file is read with the deck's cards, once every deck is declared */
        if (pl_xml_child(decl, "card"))
            pl_err(ld, line, "deck '%s' has a file: its cards go in the file, not in game.xml", id);
        ld->deck_node[d] = decl;
        ld->deck_file[d] = NULL;
    } else {
        ld->deck_node[d] = decl;
        ld->deck_file[d] = ld->game_file;
        pl_load_text(ld, decl, "name", &rs->decks[d].name, 1, what);
        load_instructions(ld, d, decl, what);
    }
}

/* A deck in its own file: parse and validate it, take its name. Returns the element holding
 * its cards (the file's root), or NULL when the file is refused. */
static xmlNodePtr open_deck_file(pl_loader_t *ld, int d)
{
    pl_ruleset_t *rs = ld->rs;
    xmlNodePtr decl = ld->deck_node[d];
    char what[96];
    snprintf(what, sizeof what, "deck '%s'", rs->decks[d].id);
    ld->file = ld->game_file;
    xmlNodePtr root = read_deck_file(ld, d, pl_attr(ld, decl, "file"), ld->deck_line[d]);
    if (root) {
        ld->file = ld->deck_file[d];
        load_instructions(ld, d, root, what);
        ld->file = ld->game_file;
    }
    if (root && pl_xml_child(root, "name")) {
        ld->file = ld->deck_file[d];
        pl_load_text(ld, root, "name", &rs->decks[d].name, 1, what);
    } else if (root || pl_xml_child(decl, "name")) {
        ld->file = ld->game_file;
        pl_load_text(ld, decl, "name", &rs->decks[d].name, 1, what);
    }
    return root;
}

static pl_range_t load_costs(pl_loader_t *ld, xmlNodePtr card, const char *elem, int priority)
{
    pl_range_t r = { 0, 0 };
    uint32_t n = 0;
    for (xmlNodePtr c = card->children; c; c = c->next)
        n += pl_xml_is(c, elem);
    if (!n)
        return r;
    uint32_t first = priority ? pl_ruleset_add_priorities(ld->rs, n) : pl_ruleset_add_costs(ld->rs, n);
    if (first == UINT32_MAX) {
        ld->oom = 1;
        return r;
    }
    uint32_t i = first;
    for (xmlNodePtr c = card->children; c; c = c->next) {
        if (!pl_xml_is(c, elem))
            continue;
        const char *ref = pl_attr(ld, c, "counter");
        int k = ref ? pl_ruleset_counter(ld->rs, ref) : -1;
        if (k < 0 && ref)
            pl_err(ld, pl_xml_line(c), "%s: unknown counter '%s'%s", elem, ref, pl_hint(ld, PL_REF_COUNTER, ref));
        if (priority) {
            ld->rs->priorities[i].counter = (uint16_t)(k < 0 ? 0 : k);
            ld->rs->priorities[i].weight = pl_attr_int(ld, c, "weight", 1);
        } else {
            ld->rs->costs[i].counter = (uint16_t)(k < 0 ? 0 : k);
            ld->rs->costs[i].amount = pl_attr_int(ld, c, "amount", 0);
        }
        i++;
    }
    r.first = first;
    r.count = n;
    return r;
}

static void load_card(pl_loader_t *ld, int d, xmlNodePtr c, uint32_t idx)
{
    pl_ruleset_t *rs = ld->rs;
    pl_card_t cd;
    memset(&cd, 0, sizeof cd);
    cd.line = pl_xml_line(c);
    cd.file = ld->file;
    cd.deck = (uint16_t)d;
    cd.kind = rs->decks[d].kind;
    cd.id = pl_dup(ld, pl_attr(ld, c, "id"));
    cd.tag = pl_dup(ld, pl_attr(ld, c, "tag"));
    cd.impact = (uint8_t)pl_attr_int(ld, c, "impact", 0);
    const char *hz = pl_attr(ld, c, "horizon");
    int h = hz ? pl_horizon_from_name(hz) : PL_HORIZON_NONE;
    if (h < 0)
        pl_err(ld, cd.line, "card '%s': unknown horizon '%s'", cd.id ? cd.id : "", hz);
    cd.horizon = (uint8_t)(h < 0 ? 0 : h);
    cd.phase = -1;
    const char *ph = pl_attr(ld, c, "phase");
    if (ph) {
        int p = pl_ruleset_phase(rs, ph);
        if (p < 0)
            pl_err(ld, cd.line, "card '%s': unknown phase '%s'%s", cd.id ? cd.id : "", ph, pl_hint(ld, PL_REF_PHASE, ph));
        cd.phase = (int16_t)p;
    }
    char what[96];
    snprintf(what, sizeof what, "card '%s'", cd.id ? cd.id : "");
    pl_load_text(ld, c, "name", &cd.name, 1, what);
    pl_load_text(ld, c, "text", &cd.text, 0, what);
    rs->cards[idx].id = cd.id;
    uint32_t first = 0;
    if (cd.id && pl_card_id_add(ld, idx, &first) != 0)
        pl_err(ld, cd.line, "card id '%s' is already used (first at %s:%u)", cd.id,
               rs->cards[first].file ? rs->cards[first].file : "", rs->cards[first].line);
    cd.costs = load_costs(ld, c, "cost", 0);
    cd.priorities = load_costs(ld, c, "priority", 1);
    if (cd.priorities.count && cd.kind != PL_CARD_SETUP)
        pl_err(ld, cd.line, "card '%s': priority is only for set-up cards (deck of kind setup)",
               cd.id ? cd.id : "");
    xmlNodePtr req = pl_xml_child(c, "require");
    if (req)
        cd.requires = pl_load_conds(ld, req);
    xmlNodePtr eff = pl_xml_child(c, "effects");
    if (eff)
        cd.effects = pl_load_effects(ld, eff);
    rs->cards[idx] = cd;
}

void pl_load_deck_cards(pl_loader_t *ld, int d)
{
    pl_ruleset_t *rs = ld->rs;
    rs->decks[d].first = (uint16_t)(rs->n_cards > UINT16_MAX ? UINT16_MAX : rs->n_cards);
    rs->decks[d].count = 0;
    xmlNodePtr node = ld->deck_node[d];
    if (node && !ld->deck_file[d])
        node = open_deck_file(ld, d);
    ld->deck_node[d] = node;
    if (!node)
        return;
    ld->deck_read[d] = 1;
    ld->file = ld->deck_file[d];
    uint32_t n = 0;
    for (xmlNodePtr c = node->children; c; c = c->next)
        n += pl_xml_is(c, "card");
    if (!n) {
        pl_err(ld, pl_xml_line(node), "deck '%s' has no cards", rs->decks[d].id);
        return;
    }
    if (rs->n_cards + n > UINT16_MAX) {
        pl_err(ld, pl_xml_line(node), "deck '%s': too many cards in the package (at most %u)",
               rs->decks[d].id, UINT16_MAX);
        return;
    }
    uint32_t first = pl_ruleset_add_cards(rs, n);
    if (first == UINT32_MAX) {
        ld->oom = 1;
        return;
    }
    rs->decks[d].first = (uint16_t)first;
    rs->decks[d].count = (uint16_t)n;
    uint32_t i = first;
    for (xmlNodePtr c = node->children; c; c = c->next)
        if (pl_xml_is(c, "card"))
            load_card(ld, d, c, i++);
}

void pl_load_deck_done(pl_loader_t *ld, int d)
{
    xmlFreeDoc(ld->deck_doc[d]);
    ld->deck_doc[d] = NULL;
    if (ld->deck_file[d] != ld->game_file)
        ld->deck_node[d] = NULL; /* the tree is gone; the deck keeps its cards */
}
