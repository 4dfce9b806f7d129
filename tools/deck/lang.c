/* lang.c -- the language of plateau-deck's messages: --lang, else the environment, else French */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plateau.h"
#include "data/package.h"
#include "deck.h"

int deck_lang_from_env(void)
{
    /* the first of LANGUAGE (a list: its first entry), LC_ALL, LC_MESSAGES, LANG that is set */
    static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v)
            continue;
        if (!strncmp(v, "en", 2))
            return PL_LANG_EN;
        if (!strncmp(v, "fr", 2))
            return PL_LANG_FR;
        return PL_LANG_FR; /* another language, C or POSIX: French, the project's first language */
    }
    return PL_LANG_FR;
}

int deck_lang_parse(const char *s)
{
    if (!strcmp(s, "fr"))
        return PL_LANG_FR;
    if (!strcmp(s, "en"))
        return PL_LANG_EN;
    return -1;
}

static int chosen = PL_LANG_FR;

int deck_lang(void)
{
    return chosen;
}

/* The catalog is found by engine/text (pt_init); the loader and this tool speak lang. */
void deck_lang_set(int lang)
{
    chosen = lang == PL_LANG_EN ? PL_LANG_EN : PL_LANG_FR;
    pt_init();
    pl_package_set_lang(chosen);
}
