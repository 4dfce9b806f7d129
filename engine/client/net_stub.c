/* net_stub.c -- network play placeholder until the protocol (docs/protocol.md) is settled */
#include <stdio.h>
#include <sys/stat.h>
#include "client/app.h"
#include "client/i18n.h"
#include "client/net.h"

void pc_net_host(pc_app_t *a)
{
    char path[1100];
    struct stat sb;
    char *base = SDL_GetBasePath();
    snprintf(path, sizeof path, "%splateau-server", base ? base : "./");
    SDL_free(base);
    if (stat(path, &sb) != 0)
        snprintf(a->net_status, sizeof a->net_status, "%s", _("plateau-server is not installed next to the game."));
    else
        snprintf(a->net_status, sizeof a->net_status, "%s", _("Network play is not available in this version yet."));
    a->dirty = 1;
}

void pc_net_connect(pc_app_t *a, const char *addr)
{
    snprintf(a->net_status, sizeof a->net_status, _("Cannot join %s: network play is not available in this version yet."), addr);
    a->dirty = 1;
}

int pc_net_event(pc_app_t *a, const SDL_Event *ev)
{
    (void)a;
    (void)ev;
    return 0;
}

int pc_net_tick(pc_app_t *a)
{
    (void)a;
    return -1;
}
