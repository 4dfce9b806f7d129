/* test_hostile_server.c -- a fake server on loopback hands the client broken views: refused, nothing installed */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "proto/proto.h"
#include "helpers.h"

/* What the fake server does, step by step, as the test asks. */
enum { SEND_NOTHING, SEND_GOOD_SNAPSHOT, SEND_BAD_UPDATE, SEND_BAD_EVENTS, SEND_OTHER_VIEW };

static int listen_fd = -1, fake_port;
static atomic_int cmd, saw_rejoin, stop, prompt_card;
static pl_state_t good_view, other_view; /* seat 0's view (ours), seat 1's */
static pthread_t fake;

static void send_json(int fd, json_t *m)
{
    size_t len;
    uint8_t *buf = proto_frame(m, PROTO_MAX_FRAME_S2C, &len);
    json_decref(m);
    for (size_t off = 0; buf && off < len;) {
        ssize_t w = write(fd, buf + off, len - off);
        if (w <= 0)
            break;
        off += (size_t)w;
    }
    free(buf);
}

/* hostile 0: our good view; 1: a seat count beyond every array; 2: another seat's view */
static json_t *snapshot(int hostile)
{
    char vh[17];
    const pl_state_t *src = hostile == 2 ? &other_view : &good_view;
    json_t *view = proto_view_encode(src);
    proto_hex64(pl_state_hash(src), vh);
    if (hostile == 1)
        json_object_set_new(view, "n_seats", json_integer(250));
    return json_pack("{s:s,s:i,s:i,s:{s:i,s:s,s:i,s:[s,n],s:[],s:i,s:i,s:b,s:b},s:i,s:o,s:s,s:s}", "type",
                     "snapshot", "table", 1, "who", 0, "info", "table", 1, "package", "achats-durables", "seats", 2,
                     "teams", "A", "bots", "timer", 0, "seq", 0, "over", 0, "broken", 0, "seq", 0, "view", view,
                     "view_hash", vh, "state_hash", "0000000000000000");
}

static void answer(int fd, json_t *m)
{
    const char *type = proto_type(m);
    json_int_t id = json_integer_value(json_object_get(m, "id"));
    if (!strcmp(type, "hello")) {
        send_json(fd, json_pack("{s:s,s:I,s:i,s:s,s:s,s:i}", "type", "welcome", "re", id, "version", PROTO_VERSION,
                                "server", "fake", "name", "fake", "max_frame", PROTO_MAX_FRAME));
    } else if (!strcmp(type, "list_tables")) {
        send_json(fd, json_pack("{s:s,s:I,s:[]}", "type", "tables", "re", id, "tables"));
    } else if (!strcmp(type, "create_table")) {
        send_json(fd, json_pack("{s:s,s:I,s:i}", "type", "ok", "re", id, "table", 1));
    } else if (!strcmp(type, "join") || !strcmp(type, "rejoin")) {
        send_json(fd, json_pack("{s:s,s:I,s:i,s:i,s:s}", "type", "joined", "re", id, "table", 1, "seat", 0, "token",
                                "fake-token-0123456789"));
        int again = !strcmp(type, "rejoin");
        send_json(fd, snapshot(!again)); /* the first join gets a broken table, a rejoin a good one */
        if (again)
            atomic_store(&saw_rejoin, 1);
    }
}

static void *fake_server(void *arg)
{
    struct pollfd pf = { .fd = listen_fd, .events = POLLIN };
    int fd = -1;
    for (int i = 0; i < 200 && !atomic_load(&stop) && fd < 0; i++)
        if (poll(&pf, 1, 50) == 1)
            fd = accept(listen_fd, NULL, NULL);
    if (fd < 0)
        return NULL;
    proto_reader_t rd;
    proto_reader_init(&rd, PROTO_MAX_FRAME);
    while (!atomic_load(&stop)) {
        int c = atomic_exchange(&cmd, SEND_NOTHING);
        if (c == SEND_GOOD_SNAPSHOT)
            send_json(fd, snapshot(0));
        else if (c == SEND_OTHER_VIEW)
            send_json(fd, snapshot(2));
        else if (c == SEND_BAD_UPDATE) /* a played card that does not exist */
            send_json(fd, json_pack("{s:s,s:i,s:i,s:{s:s,s:i,s:i},s:[],s:{s:i,s:i,s:[[i,i,i,i]]},s:s,s:s}", "type",
                                    "update", "table", 1, "seq", 1, "move", "type", "roll", "seat", 0, "arg", 0,
                                    "events", "view", "seq", 1, "n_played", 1, "played_log", 9999, 0, 0, 1,
                                    "view_hash", "0000000000000000", "state_hash", "0000000000000000"));
        else if (c == SEND_BAD_EVENTS) /* no change to the view, events about a seat and a card that do not exist */
            send_json(fd, json_pack("{s:s,s:i,s:i,s:{s:s,s:i,s:i},s:[[s,i,i,i,i,i],[s,i,i,i,i,i]],s:{},s:s,s:s}",
                                    "type", "update", "table", 1, "seq", 0, "move", "type", "roll", "seat", 0, "arg",
                                    0, "events", "revealed", 200, atomic_load(&prompt_card), 0, 0, 0, "played", 1,
                                    60000, 0, 0, 0, "view", "view_hash", "0000000000000000", "state_hash",
                                    "0000000000000000"));
        struct pollfd rf = { .fd = fd, .events = POLLIN };
        if (poll(&rf, 1, 20) != 1)
            continue;
        uint8_t buf[4096];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0 || proto_reader_feed(&rd, buf, (size_t)n) != 0)
            break;
        const uint8_t *p;
        size_t len;
        while (proto_reader_next(&rd, &p, &len) == PROTO_FRAME) {
            const char *code;
            char err[PROTO_ERR_LEN];
            json_t *m = proto_parse(p, len, &code, err, sizeof err);
            if (m)
                answer(fd, m);
            json_decref(m);
        }
    }
    proto_reader_free(&rd);
    close(fd);
    return NULL;
}

static void setup(void)
{
    static char tmp[256];
    snprintf(tmp, sizeof tmp, TC_BUILD "/tests/client-hostile-XXXXXX");
    cr_assert(mkdtemp(tmp), "temporary folder");
    setenv("XDG_CONFIG_HOME", tmp, 1); /* the seat token goes there */
    tc_isolate();
    tc_sdl_up();
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t sl = sizeof sa;
    listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    cr_assert(listen_fd >= 0 && bind(listen_fd, (struct sockaddr *)&sa, sizeof sa) == 0 && listen(listen_fd, 4) == 0 &&
              getsockname(listen_fd, (struct sockaddr *)&sa, &sl) == 0);
    fake_port = ntohs(sa.sin_port);
}

static void teardown(void)
{
    atomic_store(&stop, 1);
    pthread_join(fake, NULL);
    close(listen_fd);
    tc_sdl_down();
}

static int rejoined(pc_app_t *a) { (void)a; return atomic_load(&saw_rejoin); }

Test(hostile, broken_views_from_a_server_are_refused_and_the_table_stays_whole, .init = setup, .fini = teardown,
     .timeout = 60)
{
    pc_app_t *a = tc_app(TC_SHIPPED, 1280, 720, 1);
    cr_assert(a);
    pl_state_t full;
    pl_error_t err;
    cr_assert_eq(pl_state_init(a->rs, &full, 2, 7, &err), PL_OK, "%s", err.msg);
    pl_view(a->rs, &full, 0, &good_view);
    pl_view(a->rs, &full, 1, &other_view);
    for (uint32_t c = 0; c < a->rs->n_cards; c++)
        if (a->rs->cards[c].kind == PL_CARD_PROMPT) {
            atomic_store(&prompt_card, (int)c);
            break;
        }
    cr_assert(pthread_create(&fake, NULL, fake_server, NULL) == 0);
    char addr[64];
    snprintf(addr, sizeof addr, "127.0.0.1:%d", fake_port);
    pc_app_connect(a, addr);
    cr_assert(tc_loop_until(a, 10000, tc_net_ready), "greeted by the fake server (%s)", pc_conn_status(a->conn));
    pc_create_spec_t spec;
    memset(&spec, 0, sizeof spec);
    snprintf(spec.package, sizeof spec.package, "achats-durables");
    spec.seats = 2;
    spec.take = 0;
    cr_assert(pc_conn_create(a->conn, &spec));

    /* 1. the snapshot claims 250 seats: refused, no table shown */
    tc_loop_until(a, 1500, NULL);
    cr_assert_not(tc_at_table(a), "a snapshot of 250 seats was installed");

    /* 2. a good snapshot is taken */
    atomic_store(&cmd, SEND_GOOD_SNAPSHOT);
    cr_assert(tc_loop_until(a, 10000, tc_at_table), "the good snapshot is taken (%s)", pc_conn_status(a->conn));
    cr_assert_eq(a->session->st.n_seats, 2);
    cr_assert_eq(a->session->st.seq, 0);

    /* 3. an update naming a card that does not exist: refused, the view kept, a fresh one asked for */
    atomic_store(&cmd, SEND_BAD_UPDATE);
    cr_assert(tc_loop_until(a, 10000, rejoined), "no rejoin after a broken update (%s)", pc_conn_status(a->conn));
    tc_loop_until(a, 300, NULL);
    cr_assert_eq(a->session->st.n_played, 0, "the broken update was applied");
    cr_assert_eq(a->session->st.seq, 0);
    cr_assert(tc_at_table(a));

    /* 4. events naming seat 200 (revealing a fiction prompt) and card 60000: ignored */
    uint32_t moves_before = a->session->moves;
    atomic_store(&cmd, SEND_BAD_EVENTS);
    tc_loop_until(a, 1500, NULL);
    cr_assert_gt(a->session->moves, moves_before, "the update carrying the events did not arrive");
    cr_assert_eq(a->session->prompt_card, PL_NO_CARD, "a prompt revealed by seat 200 was taken");

    /* 5. a whole and consistent view, but another seat's (its hand shown as ours): refused */
    atomic_store(&cmd, SEND_OTHER_VIEW);
    tc_loop_until(a, 1500, NULL);
    cr_assert_eq(a->session->st.viewer, 0, "another seat's view was taken as ours");
    cr_assert_eq(memcmp(a->session->st.seat[0].hand, good_view.seat[0].hand, sizeof good_view.seat[0].hand), 0);
    pc_app_destroy(a);
}
