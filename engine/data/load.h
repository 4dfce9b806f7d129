/* load.h -- internals of the package loader shared by engine/data's files; not for use outside */
#ifndef PL_DATA_LOAD_H
#define PL_DATA_LOAD_H

#include <stdint.h>
#include <libxml/tree.h>
#include "package.h"
#include "tr.h"

#define PL_NS "urn:plateau:game:1"

/* xml.c: safe reading and parsing */
void pl_xml_init(void); /* once per process (thread-safe): parser, entity loader, schema */
/* Read path (shown as file in diagnostics), check size, UTF-8 and DOCTYPE, parse without any
 * network or entity loading. NULL (with diagnostics) when the file is refused or malformed. */
xmlDocPtr pl_xml_parse_file(const char *path, const char *file, pl_diags_t *d);
/* Like pl_xml_parse_file but in libxml2's recovery mode, without diagnostics: a best-effort
 * tree of a file that is not well-formed, only to find the deck files it names. */
xmlDocPtr pl_xml_parse_recover(const char *path);
/* Validate against the compiled-in schema; 0 when valid, -1 (with diagnostics in plain words)
 * when not. The tree is then repaired where the fix is clear (a misspelt name renamed to its
 * suggestion, a value out of range clamped, an invalid optional value removed, children put
 * in order) so that the loader checks the meaning of everything else (schema_msg.c). */
int pl_xml_validate(xmlDocPtr doc, const char *file, pl_diags_t *d);

/* small DOM helpers */
int pl_xml_is(xmlNodePtr n, const char *name);              /* an element of our namespace named name */
xmlNodePtr pl_xml_child(xmlNodePtr n, const char *name);    /* first such child element, or NULL */
unsigned pl_xml_line(xmlNodePtr n);

/* the generated C string of game-data/schema/plateau-game.xsd */
extern const char pl_schema_xsd[];

typedef struct {
    pl_ruleset_t *rs;
    pl_diags_t *d;
    const char *dir;       /* package folder as given */
    const char *file;      /* display name of the file being read (arena) */
    const char *game_file; /* display name of game.xml (arena) */
    int oom;               /* an allocation failed: the load fails */
    int depth;             /* nesting of effect lists being loaded */
    int board_broken;      /* a next or start did not resolve: skip reachability (no cascades) */

    unsigned phase_line[PL_MAX_PHASES];
    xmlNodePtr space_node[PL_MAX_SPACES];
    xmlNodePtr deck_node[PL_MAX_DECKS];      /* declaration, then the element holding the cards */
    const char *deck_file[PL_MAX_DECKS];     /* display name of the file holding them (NULL: not read yet) */
    xmlDocPtr deck_doc[PL_MAX_DECKS];        /* parsed deck file while its cards load */
    uint8_t deck_read[PL_MAX_DECKS];         /* the deck's cards could be read (file accepted) */
    unsigned deck_line[PL_MAX_DECKS];
    unsigned counter_line[PL_MAX_COUNTERS], table_counter_line[PL_MAX_TABLE_COUNTERS];
    unsigned token_line[PL_MAX_TOKENS];
    xmlNodePtr end_node, board_node, game_root;
    char hint[160]; /* pl_hint's text */

    uint32_t *card_hash; /* open addressing over card index + 1 */
    uint32_t card_hash_cap, card_hash_n;
} pl_loader_t;

/* load_util.c: an error (or warning) at line of the file being read; fmt is translated */
void pl_err(pl_loader_t *ld, unsigned line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void pl_warn(pl_loader_t *ld, unsigned line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *pl_attr(pl_loader_t *ld, xmlNodePtr n, const char *name); /* NULL when absent */
int32_t pl_attr_int(pl_loader_t *ld, xmlNodePtr n, const char *name, int32_t def);
int pl_attr_bool(pl_loader_t *ld, xmlNodePtr n, const char *name, int def);
const char *pl_dup(pl_loader_t *ld, const char *s); /* into the ruleset's arena */
/* Fill t from the child elements named elem (one per xml:lang). what names the owner for
 * messages ("card 'x'"). required: both languages must be there; else both or none. */
void pl_load_text(pl_loader_t *ld, xmlNodePtr parent, const char *elem, pl_text_t *t, int required,
                  const char *what);
/* 0, or -1 when the id is taken (*first: the card that has it) */
int pl_card_id_add(pl_loader_t *ld, uint32_t card, uint32_t *first);

/* suggest.c: "did you mean" by edit distance */
enum { PL_REF_COUNTER, PL_REF_TABLE_COUNTER, PL_REF_TOKEN, PL_REF_DECK, PL_REF_SPACE, PL_REF_PHASE };
/* " (did you mean 'x'?)" for an unknown id of that kind, translated, or "" when nothing is
 * close; the text lives in ld->hint until the next call. */
const char *pl_hint(pl_loader_t *ld, int kind, const char *id);
/* The candidate closest to word (NULL when none is close enough: at most one edit in four
 * characters, one at least); ties go to the first. Case-insensitive. */
const char *pl_suggest(const char *word, const char *const *cands, size_t n);

/* load_effects.c */
pl_range_t pl_load_effects(pl_loader_t *ld, xmlNodePtr parent);
pl_range_t pl_load_conds(pl_loader_t *ld, xmlNodePtr parent);

/* load_look.c: presentation (the rules never read it). lens_allowed: seat counters only. */
void pl_load_look(pl_loader_t *ld, xmlNodePtr n, pl_look_t *look, int lens_allowed, const char *what);
void pl_load_presentation(pl_loader_t *ld, xmlNodePtr pres);

/* load_game.c / load_deck.c / check.c */
void pl_load_game(pl_loader_t *ld, xmlNodePtr root);
void pl_load_deck_decl(pl_loader_t *ld, xmlNodePtr decl);   /* declare a deck, read its file */
void pl_load_deck_cards(pl_loader_t *ld, int deck);         /* its file and cards, once all is declared */
void pl_load_deck_done(pl_loader_t *ld, int deck);          /* free a deck file's tree */
void pl_load_scoring(pl_loader_t *ld, xmlNodePtr scoring);
void pl_check_board(pl_loader_t *ld);
void pl_check_decks(pl_loader_t *ld);

/* lint.c: warnings on what loaded (PL_LOAD_WARNINGS) */
void pl_lint(pl_loader_t *ld);

#endif
