/* tr.h -- translation of the loader's messages: gettext domain "plateau", English msgids, in the language set */
#ifndef PL_DATA_TR_H
#define PL_DATA_TR_H

#include <libintl.h>

/* The loader never binds the domain itself: a program that wants translated messages binds
 * PL_TEXT_DOMAIN ("plateau", package.h) to its catalogs (engine/text's pt_init does) and picks
 * the language with pl_package_set_lang(); otherwise the English msgid is shown. */
const char *pl_data_tr(const char *msgid) __attribute__((format_arg(1)));
#define PL_TR(s) pl_data_tr(s)
#ifndef N_
#define N_(s) (s)
#endif

#endif
