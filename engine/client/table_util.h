/* table_util.h -- helpers the table screens share: team names, option labels, effect lists, the veil */
#ifndef PC_TABLE_UTIL_H
#define PC_TABLE_UTIL_H

#include <stddef.h>
#include "client/app.h"
#include "text/text.h"

/* "Équipe 2" or the team's name in the UI language, with " (ordi)" after bot seats only when
 * mark_bot, and " (déconnectée)" after a seat whose devices all dropped. */
void pc_team_name(const pc_app_t *a, int seat, int mark_bot, char *buf, size_t len);
/* The label of option i of what is pending (a choice, a fork's way, a vote's option or card). */
void pc_option_label(const pc_app_t *a, int i, char *buf, size_t len);
/* Number of options of what is pending (0 when nothing). */
int pc_option_count(const pc_app_t *a);
/* The effects of option i of what is pending, on one line ("" when none or unknown). */
void pc_option_effects(const pc_app_t *a, int i, char *buf, size_t len);
/* The effects of option i as items (pt_effects), and for a fork's way the first space's text (NULL when none).
 * Returns how many items (may exceed cap). */
int pc_option_items(const pc_app_t *a, int i, pt_item_t *out, int cap, const char **text);
/* A darkening veil over the whole window. */
void pc_veil(pc_app_t *a, int alpha);
/* Draw described items (pt_effects) in a column from (x, y) within width w: counter changes with
 * their icon, nested ones indented. Returns the height used; stops before max_h. */
float pc_draw_items(pc_app_t *a, const pt_item_t *it, int n, float x, float y, float w, float size,
                    SDL_Color ink, float max_h);

#endif
