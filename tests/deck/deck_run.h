/* deck_run.h -- running plateau-deck from the tests, and their temporary folders */
#ifndef TD_DECK_RUN_H
#define TD_DECK_RUN_H

/* Runs `plateau-deck args` (LANG names no language: French unless --lang says) with stdout and stderr together;
 * returns its exit status and fills *out (malloc'd). */
int td_run(const char *args, char **out);
/* A fresh folder under $TMPDIR (or /tmp), malloc'd; td_rm_tree removes it and what it holds. */
char *td_tmp_dir(void);
void td_rm_tree(const char *dir);

#endif
