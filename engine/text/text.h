/* text.h -- player-facing words of every program: one translation path (gettext, English msgids,
 * French catalog), the describer of effects and conditions, narration of events, refusals */
#ifndef PT_TEXT_H
#define PT_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "plateau.h"

#define PT_DOMAIN "plateau"

/* ---- translation (tr.c) ------------------------------------------------------------------ */

/* Find the compiled catalogs: $PLATEAU_LOCALEDIR, then locale/ next to the executable, then
 * ../share/locale from it, then build/locale. Safe to call more than once; thread-safe after. */
void pt_init(void);
/* Where the catalogs were found ("" when none: English msgids are shown in French too). */
const char *pt_locale_dir(void);
/* msgid (English) in lang. The result is static (the catalog's, or msgid itself). */
const char *pt_tr(int lang, const char *msgid) __attribute__((format_arg(2)));
/* The singular or plural form for n in lang. */
const char *pt_ntr(int lang, const char *singular, const char *plural, unsigned long n)
    __attribute__((format_arg(2), format_arg(3)));
/* Mark a string for translation where it is defined; translate it where it is shown. */
#define N_(s) (s)

/* The default name of a seat: "Équipe 3" / "Team 3" (seat is 0-based). */
void pt_team_default(int lang, int seat, char *buf, size_t len);

/* ---- effects, costs and conditions in words (effects.c) ---------------------------------- */

/* What an item is about, for the icon drawn beside it. */
enum { PT_IT_TEXT = 0, PT_IT_COUNTER, PT_IT_TABLE, PT_IT_TOKEN, PT_IT_HEADER };

typedef struct {
    uint8_t kind;    /* PT_IT_* (HEADER: "In 2 turns:", "If ...:", an option's name) */
    uint8_t depth;   /* 0: at once; 1 and more: inside a delay, a condition, an option */
    uint8_t target;  /* whose counter or token: PL_TGT_SELF, _OTHERS, _ALL (the acting seat's unless said) */
    uint16_t ref;    /* counter, table counter or token index for COUNTER / TABLE / TOKEN */
    int32_t amount;  /* the change: its sign says whether it helps */
    char text[192];  /* the phrase in the language asked, with French typography */
} pt_item_t;

/* The effects of range as phrases, nested effects after their header with a larger depth.
 * Returns how many items there are (it may be more than cap: only cap are written). Zero
 * changes are left out; an empty list gives nothing (callers say "no effect"). */
int pt_effects(const pl_ruleset_t *rs, pl_range_t effects, int lang, pt_item_t *out, int cap);
/* The same on one line, items joined with " · " (nested ones after their header). */
size_t pt_effects_line(const pl_ruleset_t *rs, pl_range_t effects, int lang, char *buf, size_t len);
/* What playing a card costs, one item per cost ("−2 Budget"). */
int pt_costs(const pl_ruleset_t *rs, int card, int lang, pt_item_t *out, int cap);
/* A condition in words: "Condition politique", "Budget ≥ 3", "Phases P2 à P4"... */
size_t pt_cond(const pl_ruleset_t *rs, const pl_cond_t *c, int lang, char *buf, size_t len);
/* Every condition of range joined with " et " / " and " ("" when none). */
size_t pt_conds(const pl_ruleset_t *rs, pl_range_t conds, int lang, char *buf, size_t len);
/* The label of option i of the vote or choice effect e ("Option 2" when it has none). */
size_t pt_option_label(const pl_ruleset_t *rs, uint32_t effect, int i, int lang, char *buf, size_t len);

/* ---- narration (narrate.c) --------------------------------------------------------------- */

typedef struct {
    const pl_ruleset_t *rs;
    const pl_state_t *before;        /* the table before the move (a view will do), or NULL */
    const char *team[PL_MAX_SEATS];  /* team names; NULL or "" for the default name */
    int lang;
} pt_ctx_t;

/* One event as a sentence for the log. Sentences name a team as "Les Acheteurs : joue « … »",
 * so that any team name reads well. Returns the length, 0 for events not worth a line. */
size_t pt_event(const pt_ctx_t *x, const pl_event_t *ev, char *buf, size_t len);

/* ---- refusals (refusal.c) ---------------------------------------------------------------- */

/* A refusal reason (PL_ERR_*) as a sentence for players. */
const char *pt_reason(int code, int lang);
/* The refusal of move by seat on st, explained with what is known of the table: which phase a
 * card belongs to and where the pawn is, which counter is short, which condition is missing. */
size_t pt_refusal(const pl_ruleset_t *rs, const pl_state_t *st, const pl_move_t *mv, int code, int lang,
                  char *buf, size_t len);

#endif
