/* i18n.h -- the client's UI language: its words go through engine/text's translation path */
#ifndef PC_I18N_H
#define PC_I18N_H

#include "text/text.h"

/* The language of the UI (PL_LANG_FR or PL_LANG_EN); words are translated at each use. */
int pc_i18n_lang(void);
void pc_i18n_set_lang(int lang);
#define _(s) pt_tr(pc_i18n_lang(), s)

/* Find the catalogs (see pt_init). Call once at start. */
void pc_i18n_init(void);
/* Where the catalogs were found ("" when none: English msgids are shown). */
const char *pc_i18n_dir(void);

#endif
