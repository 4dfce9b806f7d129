/* i18n.h -- client UI strings through gettext (domain "plateau", English msgids, French catalog) */
#ifndef PC_I18N_H
#define PC_I18N_H

#include <libintl.h>

#define PC_DOMAIN "plateau"
#define _(s) dgettext(PC_DOMAIN, s)
#define N_(s) (s)

/* Bind the "plateau" domain to the compiled catalogs found next to the executable
 * ($(BUILD)/locale) or under an installed share/locale. Call once at start. */
void pc_i18n_init(void);

/* Switch the UI language at run time (PL_LANG_FR or PL_LANG_EN). */
void pc_i18n_set_lang(int lang);

/* Where the catalogs were found ("" when none: English msgids are shown). */
const char *pc_i18n_dir(void);

#endif
