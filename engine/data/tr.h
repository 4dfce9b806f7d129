/* tr.h -- translation of the loader's messages: gettext domain "plateau", English msgids */
#ifndef PL_DATA_TR_H
#define PL_DATA_TR_H

#include <libintl.h>

/* The loader never binds the domain itself: a program that wants translated messages binds
 * PL_TEXT_DOMAIN ("plateau", package.h) to its catalogs and picks the language (plateau-deck
 * and the client do); otherwise dgettext returns the English msgid. */
#define PL_TR(s) dgettext("plateau", s)
#define N_(s) (s)

#endif
