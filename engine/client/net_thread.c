/* net_thread.c -- the connection thread: SDL2_net TCP, frames in and out, automatic reconnection */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <SDL_net.h>
#include "proto/frame.h"
#include "client/net_thread.h"

typedef struct outq {
    struct outq *next;
    size_t len;
    uint8_t data[];
} outq_t;

struct pc_link {
    SDL_Thread *th;
    SDL_mutex *mu;
    SDL_atomic_t stop, cut;
    SDL_atomic_t refs; /* the thread and its owner; the last to let go frees */
    char host[128];
    Uint16 port;
    Uint32 ev_type;
    outq_t *head, *tail;
    unsigned generation; /* connections made so far; queued frames belong to one */
};

static void post(pc_link_t *l, int code, void *data, size_t len)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = l->ev_type;
    ev.user.code = code;
    ev.user.data1 = data;
    ev.user.data2 = (void *)(uintptr_t)len;
    if (SDL_PushEvent(&ev) <= 0) free(data);
}

static void drop_queue(pc_link_t *l)
{
    SDL_LockMutex(l->mu);
    while (l->head) {
        outq_t *n = l->head->next;
        free(l->head);
        l->head = n;
    }
    l->tail = NULL;
    SDL_UnlockMutex(l->mu);
}

static outq_t *pop(pc_link_t *l)
{
    SDL_LockMutex(l->mu);
    outq_t *q = l->head;
    if (q) {
        l->head = q->next;
        if (!l->head) l->tail = NULL;
    }
    SDL_UnlockMutex(l->mu);
    return q;
}

/* sleep ms in small steps, returning early when asked to stop */
static void nap(pc_link_t *l, int ms)
{
    for (int t = 0; t < ms && !SDL_AtomicGet(&l->stop); t += 50) SDL_Delay(50);
}

static void session(pc_link_t *l, TCPsocket sock)
{
    SDLNet_SocketSet set = SDLNet_AllocSocketSet(1);
    proto_reader_t rd;
    proto_reader_init(&rd, PROTO_MAX_FRAME_S2C);
    if (!set) return;
    SDLNet_TCP_AddSocket(set, sock);
    uint8_t buf[8192];
    while (!SDL_AtomicGet(&l->stop) && !SDL_AtomicGet(&l->cut)) {
        outq_t *q;
        int broken = 0;
        while (!broken && (q = pop(l))) {
            if (SDLNet_TCP_Send(sock, q->data, (int)q->len) < (int)q->len) broken = 1;
            free(q);
        }
        if (broken) break;
        int n = SDLNet_CheckSockets(set, 40);
        if (n < 0) break;
        if (n == 0 || !SDLNet_SocketReady(sock)) continue;
        int r = SDLNet_TCP_Recv(sock, buf, sizeof buf);
        if (r <= 0) break;
        if (proto_reader_feed(&rd, buf, (size_t)r) != 0) break;
        const uint8_t *p;
        size_t len;
        int st;
        while ((st = proto_reader_next(&rd, &p, &len)) == PROTO_FRAME) {
            char *copy = malloc(len + 1);
            if (!copy) break;
            memcpy(copy, p, len);
            copy[len] = 0;
            post(l, PC_LINK_MESSAGE, copy, len);
        }
        if (st < 0) break; /* a stream we cannot follow: start again */
    }
    proto_reader_free(&rd);
    SDLNet_FreeSocketSet(set);
}

static void unref(pc_link_t *l)
{
    if (SDL_AtomicAdd(&l->refs, -1) != 1) return;
    drop_queue(l);
    SDL_DestroyMutex(l->mu);
    free(l);
    SDLNet_Quit();
}

static int run(void *arg)
{
    pc_link_t *l = arg;
    int backoff = 250;
    while (!SDL_AtomicGet(&l->stop)) {
        post(l, PC_LINK_CONNECTING, NULL, 0);
        IPaddress ip;
        TCPsocket sock = NULL;
        if (SDLNet_ResolveHost(&ip, l->host, l->port) == 0) sock = SDLNet_TCP_Open(&ip);
        if (!sock) {
            post(l, PC_LINK_LOST, NULL, (size_t)backoff);
            nap(l, backoff);
            backoff = backoff * 2 > 4000 ? 4000 : backoff * 2;
            continue;
        }
        backoff = 250;
        drop_queue(l);
        SDL_AtomicSet(&l->cut, 0);
        post(l, PC_LINK_CONNECTED, NULL, 0);
        session(l, sock);
        SDLNet_TCP_Close(sock);
        if (SDL_AtomicGet(&l->stop)) break;
        post(l, PC_LINK_LOST, NULL, (size_t)backoff);
        nap(l, backoff);
    }
    unref(l);
    return 0;
}

pc_link_t *pc_link_start(const char *host, int port, Uint32 ev_type)
{
    if (SDLNet_Init() != 0) return NULL;
    pc_link_t *l = calloc(1, sizeof *l);
    if (!l) return NULL;
    snprintf(l->host, sizeof l->host, "%s", host);
    l->port = (Uint16)port;
    l->ev_type = ev_type;
    l->mu = SDL_CreateMutex();
    SDL_AtomicSet(&l->refs, 2);
    if (l->mu) l->th = SDL_CreateThread(run, "plateau-net", l);
    if (!l->th) {
        if (l->mu) SDL_DestroyMutex(l->mu);
        free(l);
        SDLNet_Quit();
        return NULL;
    }
    return l;
}

int pc_link_send(pc_link_t *l, const uint8_t *frame, size_t len)
{
    outq_t *q = malloc(sizeof *q + len);
    if (!q) return 0;
    q->next = NULL;
    q->len = len;
    memcpy(q->data, frame, len);
    SDL_LockMutex(l->mu);
    if (l->tail) l->tail->next = q;
    else l->head = q;
    l->tail = q;
    SDL_UnlockMutex(l->mu);
    return 1;
}

void pc_link_cut(pc_link_t *l)
{
    if (l) SDL_AtomicSet(&l->cut, 1);
}

void pc_link_stop(pc_link_t *l)
{
    if (!l) return;
    SDL_AtomicSet(&l->stop, 1);
    /* the thread notices within 50 ms, unless it is stuck in a connect to an unreachable host:
     * then it is left to finish on its own rather than freezing the window */
    for (int t = 0; t < 40 && SDL_AtomicGet(&l->refs) > 1; t++) SDL_Delay(25);
    SDL_DetachThread(l->th);
    unref(l);
}
