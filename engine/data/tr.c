/* tr.c -- the language of the loader's messages (the catalog itself is bound by the program) */
#include <libintl.h>
#include "tr.h"
#include "package.h"

static int data_lang = PL_LANG_FR;

void pl_package_set_lang(int lang)
{
    data_lang = lang == PL_LANG_EN ? PL_LANG_EN : PL_LANG_FR;
}

const char *pl_data_tr(const char *msgid)
{
    return data_lang == PL_LANG_EN || !msgid || !*msgid ? msgid : dgettext(PL_TEXT_DOMAIN, msgid);
}
