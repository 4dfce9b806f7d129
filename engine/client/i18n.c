/* i18n.c -- the UI language of the client (words are translated by engine/text, language by language) */
#include "client/i18n.h"
#include "data/package.h"

static int ui_lang = PL_LANG_FR;

void pc_i18n_init(void)
{
    pt_init();
}

int pc_i18n_lang(void)
{
    return ui_lang;
}

void pc_i18n_set_lang(int lang)
{
    ui_lang = lang == PL_LANG_EN ? PL_LANG_EN : PL_LANG_FR;
    pl_package_set_lang(ui_lang); /* a package's errors in the language of the screen */
}

const char *pc_i18n_dir(void)
{
    return pt_locale_dir();
}
