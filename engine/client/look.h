/* look.h -- how a game shows its counters and tokens, read from the package's presentation only */
#ifndef PC_LOOK_H
#define PC_LOOK_H

#include "client/gfx.h"
#include "plateau.h"

enum { PC_LOOK_COUNTER = 0, PC_LOOK_TABLE, PC_LOOK_TOKEN };

/* The seat counters of a role (PL_ROLE_LENS, PL_ROLE_RESOURCE), in display order; returns how
 * many (at most cap). */
int pc_look_counters(const pl_ruleset_t *rs, int role, int *out, int cap);
/* The table counters and tokens that are shown, in display order. */
int pc_look_table_counters(const pl_ruleset_t *rs, int *out, int cap);
int pc_look_tokens(const pl_ruleset_t *rs, int *out, int cap);
/* The colour of a counter, table counter or token: the package's, else the palette's. */
SDL_Color pc_look_color(const pl_ruleset_t *rs, int kind, int index);
/* Its icon (the package's PNG, its built-in icon, else its initial) on its colour disc. */
void pc_look_icon(pc_gfx_t *g, const pl_ruleset_t *rs, int kind, int index, float cx, float cy, float r);
/* Its name and short label in lang. */
const char *pc_look_name(const pl_ruleset_t *rs, int kind, int index, int lang);
const char *pc_look_short(const pl_ruleset_t *rs, int kind, int index, int lang);
/* The scoring rule of kind PL_SCORE_TARGET on table counter tc, or -1. */
int pc_look_target(const pl_ruleset_t *rs, int tc);

#endif
