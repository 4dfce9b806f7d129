/* srcline.h -- where a text of a package is written: the file:line of a card's name or text, a tag's or an option's label */
#ifndef DECK_SRCLINE_H
#define DECK_SRCLINE_H

typedef struct deck_src deck_src_t;

/* A reader of a package's files (each parsed once, on first use); NULL when out of memory.
 * Meant for files the loader has just accepted. deck_src_destroy(NULL) does nothing. */
deck_src_t *deck_src_create(void);
void deck_src_destroy(deck_src_t *s);
/* The line of the child <what xml:lang="fr|en"> (lang: PL_LANG_*, or -1 for any) of the first element <elem>
 * of file path whose id is id; the line of that element when it has no such child; 0 when the
 * file cannot be read or has no such element. */
unsigned deck_src_text_line(deck_src_t *s, const char *path, const char *elem, const char *id, const char *what,
                            int lang);
/* The line of the <label> in lang of the i-th <option> of the element starting on line line of
 * path (a <choice> or a <vote>); that option's line when it has no label, 0 when not found. */
unsigned deck_src_option_line(deck_src_t *s, const char *path, unsigned line, int i, int lang);

#endif
