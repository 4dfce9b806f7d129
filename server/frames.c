/* frames.c -- reference-counted output frames: one buffer per distinct payload, shared by every connection that gets it */
#include <stdlib.h>
#include "server.h"

sframe_t *srv_frame_new(size_t len)
{
    sframe_t *f = malloc(sizeof *f + len);
    if (!f)
        return NULL;
    f->refs = 1;
    f->len = len;
    f->p = f->data;
    return f;
}

sframe_t *srv_frame_adopt(uint8_t *buf, size_t len)
{
    sframe_t *f = malloc(sizeof *f);
    if (!f) {
        free(buf);
        return NULL;
    }
    f->refs = 1;
    f->len = len;
    f->p = buf;
    return f;
}

void srv_frame_unref(sframe_t *f)
{
    if (!f || --f->refs > 0)
        return;
    if (f->p != f->data)
        free(f->p);
    free(f);
}
