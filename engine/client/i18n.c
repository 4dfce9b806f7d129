/* i18n.c -- gettext set-up: finds the compiled catalogs and switches the language at run time */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <SDL.h>
#include "plateau.h"
#include "client/i18n.h"

extern int _nl_msg_cat_cntr; /* glibc: bumping it drops gettext's cached translations */

static char locale_dir[1024];

static int has_catalog(const char *dir)
{
    char p[1200];
    struct stat sb;
    snprintf(p, sizeof p, "%s/fr/LC_MESSAGES/%s.mo", dir, PC_DOMAIN);
    return stat(p, &sb) == 0;
}

void pc_i18n_init(void)
{
    /* gettext ignores LANGUAGE under the plain "C" locale; C.UTF-8 is always there on Debian */
    if (!setlocale(LC_MESSAGES, "") || strcmp(setlocale(LC_MESSAGES, NULL), "C") == 0 ||
        strcmp(setlocale(LC_MESSAGES, NULL), "POSIX") == 0)
        setlocale(LC_MESSAGES, "C.UTF-8");
    setlocale(LC_CTYPE, "C.UTF-8");

    const char *env = getenv("PLATEAU_LOCALEDIR");
    char *base = SDL_GetBasePath();
    const char *cands[4];
    char c1[1100] = "", c2[1100] = "";
    int n = 0;
    if (env && *env) cands[n++] = env;
    if (base) {
        snprintf(c1, sizeof c1, "%slocale", base);
        snprintf(c2, sizeof c2, "%s../share/locale", base);
        cands[n++] = c1;
        cands[n++] = c2;
    }
    cands[n++] = "build/locale";
    locale_dir[0] = 0;
    for (int i = 0; i < n; i++) {
        if (has_catalog(cands[i])) {
            snprintf(locale_dir, sizeof locale_dir, "%s", cands[i]);
            break;
        }
    }
    SDL_free(base);
    if (locale_dir[0]) bindtextdomain(PC_DOMAIN, locale_dir);
    bind_textdomain_codeset(PC_DOMAIN, "UTF-8");
}

void pc_i18n_set_lang(int lang)
{
    setenv("LANGUAGE", lang == PL_LANG_EN ? "en" : "fr", 1);
    ++_nl_msg_cat_cntr;
}

const char *pc_i18n_dir(void)
{
    return locale_dir;
}
