/* lang.c -- the language of plateau-deck's messages: --lang, else the environment, else French */
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
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

static int has_catalog(const char *dir)
{
    char p[1200];
    struct stat sb;
    snprintf(p, sizeof p, "%s/fr/LC_MESSAGES/%s.mo", dir, PL_TEXT_DOMAIN);
    return stat(p, &sb) == 0;
}

void deck_lang_set(int lang)
{
    /* gettext ignores LANGUAGE under the plain C locale; C.UTF-8 is always there on Debian */
    if (!setlocale(LC_MESSAGES, "") || !strcmp(setlocale(LC_MESSAGES, NULL), "C") ||
        !strcmp(setlocale(LC_MESSAGES, NULL), "POSIX"))
        setlocale(LC_MESSAGES, "C.UTF-8");
    setlocale(LC_CTYPE, "C.UTF-8");
    /* the catalog: $PLATEAU_LOCALEDIR, beside the program (the build), or the installed share/locale */
    char exe[1024] = "", c1[1100] = "", c2[1100] = "";
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            slash[1] = '\0';
        snprintf(c1, sizeof c1, "%slocale", exe);
        snprintf(c2, sizeof c2, "%s../share/locale", exe);
    }
    const char *env = getenv("PLATEAU_LOCALEDIR");
    const char *cands[] = { env && *env ? env : NULL, c1, c2, "build/locale" };
    for (size_t i = 0; i < sizeof cands / sizeof *cands; i++)
        if (cands[i] && *cands[i] && has_catalog(cands[i])) {
            bindtextdomain(PL_TEXT_DOMAIN, cands[i]);
            break;
        }
    bind_textdomain_codeset(PL_TEXT_DOMAIN, "UTF-8");
    setenv("LANGUAGE", lang == PL_LANG_EN ? "en" : "fr", 1);
}
