/* watch.h -- a package folder watched for saved files: one SDL event when the writes have settled */
#ifndef PC_WATCH_H
#define PC_WATCH_H

#include <stddef.h>
#include <SDL.h>

typedef struct pc_watch pc_watch_t;

/* Watch dir (and its icons/ folder); NULL with err on failure. */
pc_watch_t *pc_watch_start(const char *dir, char *err, size_t errlen);
/* The SDL event type it pushes when files of the folder changed and settled. */
Uint32 pc_watch_event(const pc_watch_t *w);
void pc_watch_stop(pc_watch_t *w); /* NULL: nothing */

#endif
