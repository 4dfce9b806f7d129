/* tr.c -- the translation path: gettext with English msgids and the French catalog, language chosen per call */
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "text/text.h"

static char locale_dir[PATH_MAX];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int has_catalog(const char *dir)
{
    char p[PATH_MAX + 64];
    struct stat sb;
    snprintf(p, sizeof p, "%s/fr/LC_MESSAGES/%s.mo", dir, PT_DOMAIN);
    return stat(p, &sb) == 0;
}

static void init(void)
{
    /* The catalog is always asked for French (LANGUAGE=fr); English is the msgid itself, so
     * each call picks its language without touching the process's locale again. gettext
     * ignores LANGUAGE under the plain "C" locale: C.UTF-8 is always there on Debian. */
    const char *cur = setlocale(LC_MESSAGES, "");
    if (!cur || !strcmp(cur, "C") || !strcmp(cur, "POSIX"))
        setlocale(LC_MESSAGES, "C.UTF-8");
    setenv("LANGUAGE", "fr", 1);

    char exe[PATH_MAX], c1[PATH_MAX + 16] = "", c2[PATH_MAX + 32] = "";
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    const char *cands[4];
    int k = 0;
    const char *env = getenv("PLATEAU_LOCALEDIR");
    if (env && *env)
        cands[k++] = env;
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = 0;
        snprintf(c1, sizeof c1, "%s/locale", exe);
        snprintf(c2, sizeof c2, "%s/../share/locale", exe);
        cands[k++] = c1;
        cands[k++] = c2;
    }
    cands[k++] = "build/locale";
    for (int i = 0; i < k; i++)
        if (has_catalog(cands[i])) {
            snprintf(locale_dir, sizeof locale_dir, "%s", cands[i]);
            bindtextdomain(PT_DOMAIN, locale_dir);
            break;
        }
    bind_textdomain_codeset(PT_DOMAIN, "UTF-8");
}

void pt_init(void)
{
    pthread_once(&once, init);
}

const char *pt_locale_dir(void)
{
    pt_init();
    return locale_dir;
}

const char *pt_tr(int lang, const char *msgid)
{
    if (lang == PL_LANG_EN || !msgid || !*msgid)
        return msgid;
    pt_init();
    return dgettext(PT_DOMAIN, msgid);
}

const char *pt_ntr(int lang, const char *singular, const char *plural, unsigned long n)
{
    if (lang == PL_LANG_EN)
        return n == 1 ? singular : plural;
    pt_init();
    return dngettext(PT_DOMAIN, singular, plural, n);
}

void pt_team_default(int lang, int seat, char *buf, size_t len)
{
    snprintf(buf, len, pt_tr(lang, "Team %d"), seat + 1);
}
