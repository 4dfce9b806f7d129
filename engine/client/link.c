/* link.c -- the connection thread: SDL2_net TCP, a loopback UDP socket to wake it, frames in and out, reconnection */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <SDL_net.h>
#include "proto/frame.h"
#include "client/link.h"

typedef struct outq {
    struct outq *next;
    unsigned gen;
    size_t len;
    uint8_t data[];
} outq_t;

struct pc_link {
    SDL_Thread *th;
    SDL_mutex *mu;
    SDL_cond *cv;            /* the back-off between attempts wakes on stop */
    SDL_atomic_t stop, cut;
    SDL_atomic_t refs;       /* the thread and its owner; the last to let go frees */
    SDL_atomic_t wakeups;
    char host[128];
    Uint16 port;
    Uint32 ev_type;
    outq_t *head, *tail;
    unsigned gen;            /* connections made so far (under mu) */
    UDPsocket wake_rx;       /* in the thread's socket set: a datagram wakes it */
    UDPsocket wake_tx;       /* the owner sends the datagrams */
    UDPpacket *wake_pkt;
    IPaddress wake_addr;
};

static void post(pc_link_t *l, int code, void *data, size_t len)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = l->ev_type;
    ev.user.code = code;
    ev.user.data1 = data;
    ev.user.data2 = (void *)(uintptr_t)len;
    if (SDL_PushEvent(&ev) <= 0)
        free(data);
}

static void wake(pc_link_t *l)
{
    SDL_LockMutex(l->mu);
    if (l->wake_tx && l->wake_pkt) {
        l->wake_pkt->address = l->wake_addr;
        l->wake_pkt->len = 1;
        l->wake_pkt->data[0] = 'w';
        SDLNet_UDP_Send(l->wake_tx, -1, l->wake_pkt);
    }
    SDL_CondSignal(l->cv);
    SDL_UnlockMutex(l->mu);
}

static void drop_queue_locked(pc_link_t *l)
{
    while (l->head) {
        outq_t *n = l->head->next;
        free(l->head);
        l->head = n;
    }
    l->tail = NULL;
}

static outq_t *pop(pc_link_t *l)
{
    SDL_LockMutex(l->mu);
    outq_t *q;
    /* frames queued for an earlier connection are dropped, not sent before this one's hello */
    while ((q = l->head) && q->gen != l->gen) {
        l->head = q->next;
        free(q);
    }
    if (q)
        l->head = q->next;
    if (!l->head)
        l->tail = NULL;
    SDL_UnlockMutex(l->mu);
    return q;
}

static void drain_wake(pc_link_t *l, UDPpacket *pkt)
{
    while (SDLNet_UDP_Recv(l->wake_rx, pkt) > 0)
        ;
}

static void session(pc_link_t *l, TCPsocket sock, SDLNet_SocketSet set, UDPpacket *pkt)
{
    proto_reader_t rd;
    proto_reader_init(&rd, PROTO_MAX_FRAME_S2C);
    SDLNet_TCP_AddSocket(set, sock);
    uint8_t buf[16384];
    while (!SDL_AtomicGet(&l->stop) && !SDL_AtomicGet(&l->cut)) {
        outq_t *q;
        int broken = 0;
        while (!broken && (q = pop(l))) {
            if (SDLNet_TCP_Send(sock, q->data, (int)q->len) < (int)q->len)
                broken = 1;
            free(q);
        }
        if (broken)
            break;
        int n = SDLNet_CheckSockets(set, (Uint32)-1); /* asleep until the server or the owner speaks */
        SDL_AtomicIncRef(&l->wakeups);
        if (n < 0)
            break;
        if (SDLNet_SocketReady(l->wake_rx))
            drain_wake(l, pkt);
        if (!SDLNet_SocketReady(sock))
            continue;
        int r = SDLNet_TCP_Recv(sock, buf, sizeof buf);
        if (r <= 0)
            break;
        if (proto_reader_feed(&rd, buf, (size_t)r) != 0)
            break;
        const uint8_t *p;
        size_t len;
        int st;
        while ((st = proto_reader_next(&rd, &p, &len)) == PROTO_FRAME) {
            char *copy = malloc(len + 1);
            if (!copy)
                break;
            memcpy(copy, p, len);
            copy[len] = 0;
            post(l, PC_LINK_MESSAGE, copy, len);
        }
        if (st < 0)
            break; /* a stream we cannot follow: start again */
    }
    SDLNet_TCP_DelSocket(set, sock);
    proto_reader_free(&rd);
}

static void unref(pc_link_t *l)
{
    if (SDL_AtomicAdd(&l->refs, -1) != 1)
        return;
    SDL_LockMutex(l->mu);
    drop_queue_locked(l);
    SDL_UnlockMutex(l->mu);
    if (l->wake_pkt)
        SDLNet_FreePacket(l->wake_pkt);
    if (l->wake_tx)
        SDLNet_UDP_Close(l->wake_tx);
    if (l->wake_rx)
        SDLNet_UDP_Close(l->wake_rx);
    SDL_DestroyCond(l->cv);
    SDL_DestroyMutex(l->mu);
    free(l);
    SDLNet_Quit();
}

/* wait ms, or less when stopped or cut */
static void nap(pc_link_t *l, int ms)
{
    SDL_LockMutex(l->mu);
    if (!SDL_AtomicGet(&l->stop))
        SDL_CondWaitTimeout(l->cv, l->mu, (Uint32)ms);
    SDL_UnlockMutex(l->mu);
    SDL_AtomicIncRef(&l->wakeups);
}

static int run(void *arg)
{
    pc_link_t *l = arg;
    int backoff = 250;
    SDLNet_SocketSet set = SDLNet_AllocSocketSet(2);
    UDPpacket *pkt = SDLNet_AllocPacket(64);
    if (set && pkt)
        SDLNet_UDP_AddSocket(set, l->wake_rx);
    while (set && pkt && !SDL_AtomicGet(&l->stop)) {
        post(l, PC_LINK_CONNECTING, NULL, 0);
        IPaddress ip;
        TCPsocket sock = NULL;
        if (SDLNet_ResolveHost(&ip, l->host, l->port) == 0)
            sock = SDLNet_TCP_Open(&ip);
        if (!sock) {
            post(l, PC_LINK_LOST, NULL, (size_t)backoff);
            nap(l, backoff);
            backoff = backoff * 2 > 4000 ? 4000 : backoff * 2;
            continue;
        }
        backoff = 250;
        SDL_LockMutex(l->mu);
        unsigned gen = ++l->gen;
        drop_queue_locked(l);
        SDL_UnlockMutex(l->mu);
        SDL_AtomicSet(&l->cut, 0);
        post(l, PC_LINK_CONNECTED, NULL, gen);
        session(l, sock, set, pkt);
        SDLNet_TCP_Close(sock);
        if (SDL_AtomicGet(&l->stop))
            break;
        post(l, PC_LINK_LOST, NULL, (size_t)backoff);
        nap(l, backoff);
    }
    if (pkt)
        SDLNet_FreePacket(pkt);
    if (set)
        SDLNet_FreeSocketSet(set);
    unref(l);
    return 0;
}

pc_link_t *pc_link_start(const char *host, int port, Uint32 ev_type)
{
    if (SDLNet_Init() != 0)
        return NULL;
    pc_link_t *l = calloc(1, sizeof *l);
    if (!l) {
        SDLNet_Quit();
        return NULL;
    }
    snprintf(l->host, sizeof l->host, "%s", host);
    l->port = (Uint16)port;
    l->ev_type = ev_type;
    l->mu = SDL_CreateMutex();
    l->cv = SDL_CreateCond();
    /* the wake-up socket: bound to a free port, reached through 127.0.0.1 */
    l->wake_rx = SDLNet_UDP_Open(0);
    l->wake_tx = SDLNet_UDP_Open(0);
    l->wake_pkt = SDLNet_AllocPacket(8);
    IPaddress *self = l->wake_rx ? SDLNet_UDP_GetPeerAddress(l->wake_rx, -1) : NULL;
    if (self)
        SDLNet_ResolveHost(&l->wake_addr, "127.0.0.1", SDLNet_Read16(&self->port));
    SDL_AtomicSet(&l->refs, 2);
    if (l->mu && l->cv && l->wake_rx && l->wake_tx && l->wake_pkt && self)
        l->th = SDL_CreateThread(run, "plateau-net", l);
    if (!l->th) {
        SDL_AtomicSet(&l->refs, 1);
        if (l->mu && l->cv) {
            unref(l);
        } else {
            if (l->mu) SDL_DestroyMutex(l->mu);
            if (l->cv) SDL_DestroyCond(l->cv);
            if (l->wake_pkt) SDLNet_FreePacket(l->wake_pkt);
            if (l->wake_tx) SDLNet_UDP_Close(l->wake_tx);
            if (l->wake_rx) SDLNet_UDP_Close(l->wake_rx);
            free(l);
            SDLNet_Quit();
        }
        return NULL;
    }
    return l;
}

int pc_link_send(pc_link_t *l, unsigned gen, const uint8_t *frame, size_t len)
{
    outq_t *q = malloc(sizeof *q + len);
    if (!q)
        return 0;
    q->next = NULL;
    q->gen = gen;
    q->len = len;
    memcpy(q->data, frame, len);
    SDL_LockMutex(l->mu);
    if (l->tail)
        l->tail->next = q;
    else
        l->head = q;
    l->tail = q;
    SDL_UnlockMutex(l->mu);
    wake(l);
    return 1;
}

void pc_link_cut(pc_link_t *l)
{
    if (!l)
        return;
    SDL_AtomicSet(&l->cut, 1);
    wake(l);
}

unsigned long pc_link_wakeups(const pc_link_t *l)
{
    return l ? (unsigned long)SDL_AtomicGet((SDL_atomic_t *)&l->wakeups) : 0;
}

void pc_link_stop(pc_link_t *l)
{
    if (!l)
        return;
    SDL_AtomicSet(&l->stop, 1);
    wake(l);
    /* the thread notices at once, unless it is stuck in a connect to an unreachable host: then
     * it is left to finish on its own rather than freezing the window */
    for (int t = 0; t < 40 && SDL_AtomicGet(&l->refs) > 1; t++)
        SDL_Delay(25);
    SDL_DetachThread(l->th);
    unref(l);
}
