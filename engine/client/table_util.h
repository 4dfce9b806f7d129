/* table_util.h -- helpers the table screen and its overlays share */
#ifndef PC_TABLE_UTIL_H
#define PC_TABLE_UTIL_H

#include <stddef.h>
#include "client/app.h"

/* "Team 2" in the UI language, with " (bot)" for seats played by the computer when mark_bot. */
void pc_team_name(const pc_app_t *a, int seat, int mark_bot, char *buf, size_t len);
/* The label of option i of the pending choice, branch or vote. */
void pc_option_label(const pc_app_t *a, int i, char *buf, size_t len);
/* Number of options of what is pending (0 when nothing). */
int pc_option_count(const pc_app_t *a);
/* A darkening veil over the whole window. */
void pc_veil(pc_app_t *a, int alpha);

#endif
