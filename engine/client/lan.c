/* lan.c -- LAN discovery: a UDP probe broadcast to port 7878, answers listed in the lobby */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <SDL_net.h>
#include <jansson.h>
#include "client/app.h"
#include "client/lan.h"

#define PROBE "PLATEAU_DISCOVER 1"
#define DISCOVERY_PORT 7878
#define LISTEN_MS 2500

struct pc_lan {
    UDPsocket udp;
    UDPpacket *pkt;
    Uint32 until;
    pc_lan_server_t servers[PC_LAN_MAX];
    int n;
};

static void send_probe(struct pc_lan *l, const char *host)
{
    IPaddress ip;
    if (SDLNet_ResolveHost(&ip, host, DISCOVERY_PORT) != 0) return;
    l->pkt->address = ip;
    l->pkt->len = (int)strlen(PROBE);
    memcpy(l->pkt->data, PROBE, (size_t)l->pkt->len);
    SDLNet_UDP_Send(l->udp, -1, l->pkt);
}

void pc_lan_probe(pc_app_t *a)
{
    struct pc_lan *l = a->lan;
    if (!l) {
        if (SDLNet_Init() != 0) return;
        l = calloc(1, sizeof *l);
        if (!l) return;
        l->udp = SDLNet_UDP_Open(0);
        l->pkt = SDLNet_AllocPacket(512);
        if (!l->udp || !l->pkt) {
            if (l->udp) SDLNet_UDP_Close(l->udp);
            if (l->pkt) SDLNet_FreePacket(l->pkt);
            free(l);
            SDLNet_Quit();
            return;
        }
        a->lan = l;
    }
    l->n = 0;
    send_probe(l, "255.255.255.255");
    send_probe(l, "127.0.0.1");
    l->until = SDL_GetTicks() + LISTEN_MS;
    a->dirty = 1;
}

int pc_lan_poll(pc_app_t *a)
{
    struct pc_lan *l = a->lan;
    if (!l || SDL_TICKS_PASSED(SDL_GetTicks(), l->until)) return -1;
    while (SDLNet_UDP_Recv(l->udp, l->pkt) > 0) {
        json_error_t je;
        json_t *o = json_loadb((const char *)l->pkt->data, (size_t)l->pkt->len, JSON_REJECT_DUPLICATES, &je);
        const char *type = json_string_value(json_object_get(o, "type"));
        json_t *port = json_object_get(o, "port");
        if (type && !strcmp(type, "server") && json_is_integer(port) && l->n < PC_LAN_MAX) {
            Uint32 h = SDLNet_Read32(&l->pkt->address.host);
            pc_lan_server_t *s = &l->servers[l->n];
            snprintf(s->addr, sizeof s->addr, "%u.%u.%u.%u:%d", h >> 24, (h >> 16) & 255, (h >> 8) & 255, h & 255,
                     (int)json_integer_value(port));
            const char *name = json_string_value(json_object_get(o, "name"));
            snprintf(s->name, sizeof s->name, "%s", name ? name : "?");
            s->tables = (int)json_integer_value(json_object_get(o, "tables"));
            int dup = 0;
            for (int i = 0; i < l->n; i++) dup |= !strcmp(l->servers[i].addr, s->addr);
            if (!dup) l->n++;
            a->dirty = 1;
        }
        json_decref(o);
    }
    if (SDL_TICKS_PASSED(SDL_GetTicks(), l->until)) a->dirty = 1; /* "searching" ends */
    return 100;
}

int pc_lan_servers(const pc_app_t *a, const pc_lan_server_t **out)
{
    if (!a->lan) return 0;
    *out = a->lan->servers;
    return a->lan->n;
}

int pc_lan_searching(const pc_app_t *a)
{
    return a->lan && !SDL_TICKS_PASSED(SDL_GetTicks(), a->lan->until);
}

void pc_lan_close(pc_app_t *a)
{
    struct pc_lan *l = a->lan;
    if (!l) return;
    SDLNet_FreePacket(l->pkt);
    SDLNet_UDP_Close(l->udp);
    free(l);
    a->lan = NULL;
    SDLNet_Quit();
}
