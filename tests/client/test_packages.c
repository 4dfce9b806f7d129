/* test_packages.c -- packages by content: fetched from a real server into an empty cache; from a fake server, a
 * tampered, cut, invalid or oversized package is refused in words and leaves nothing in the cache */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>
#include "data/package.h"
#include "proto/proto.h"
#include "helpers.h"

static const char *home;
static char dir[1024];
static int srv = -1;

static void setup(void)
{
    home = tc_isolate();
    cr_assert(home && realpath(home, dir));
    tc_sdl_up();
}

static void teardown(void)
{
    tc_server_kill(srv);
    srv = -1;
    tc_sdl_down();
    tc_rm_tree(home);
}

static int ready(pc_app_t *a) { return pc_conn_state(a->conn) == PC_NET_READY; }
static int seated(pc_app_t *a) { return tc_at_table(a); }

static int cache_entries(const char *sub)
{
    char p[1200];
    snprintf(p, sizeof p, "%s/cache/plateau/packages", dir);
    DIR *d = opendir(p);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.' || (sub && strstr(e->d_name, sub)))
            n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    if (d)
        closedir(d);
    return n;
}

Test(packages, fetched_from_the_server_into_an_empty_cache, .init = setup, .fini = teardown, .timeout = 60)
{
    /* a game the client does not have: the fixture, offered under another name */
    char games[1200], cmd[2600];
    snprintf(games, sizeof games, "%s/games", dir);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp -R tests/client/fixture '%s/remote-game'", games, games);
    cr_assert(system(cmd) == 0);
    int port = 0;
    srv = tc_server_start(dir, games, &port);
    cr_assert(srv > 0);
    cr_assert_eq(cache_entries(NULL), 0, "the cache starts empty");
    pc_app_t *a = tc_app(TC_SHIPPED, 1280, 720, 1);
    char addr[64];
    snprintf(addr, sizeof addr, "127.0.0.1:%d", port);
    pc_app_connect(a, addr);
    cr_assert(tc_loop_until(a, 10000, ready));
    pc_create_spec_t spec;
    memset(&spec, 0, sizeof spec);
    snprintf(spec.package, sizeof spec.package, "remote-game");
    spec.seats = 2;
    spec.bots = 2u;
    spec.take = 0;
    cr_assert(pc_conn_create(a->conn, &spec));
    cr_assert(tc_loop_until(a, 15000, seated), "the table is shown once its game arrived (%s / %s)", a->scr.flash,
              pc_conn_status(a->conn));
    char hash[PL_PACKAGE_HASH_HEX], err[256], cached[1400];
    snprintf(cached, sizeof cached, "%s/remote-game", games);
    cr_assert_eq(pl_package_hash(cached, hash, err, sizeof err), 0);
    snprintf(cached, sizeof cached, "%s/cache/plateau/packages/%s/game.xml", dir, hash);
    cr_expect(access(cached, R_OK) == 0, "the package is kept in the cache by its hash");
    cr_expect_str_eq(pl_text(&a->session->rs->title, PL_LANG_FR), "Achats durables en miniature");
    pc_app_destroy(a);
    /* a second client finds it in the cache */
    a = tc_app(TC_SHIPPED, 1280, 720, 1);
    pc_app_connect(a, addr);
    cr_assert(tc_loop_until(a, 10000, ready));
    cr_assert(tc_loop_until(a, 3000, NULL) == 0);
    const pc_table_info_t *t;
    cr_assert_gt(pc_conn_tables(a->conn, &t), 0);
    pc_conn_watch(a->conn, t[0].id);
    cr_assert(tc_loop_until(a, 10000, seated), "watching it with the cached copy");
    cr_expect_eq(cache_entries(NULL), 1);
    pc_app_destroy(a);
}

/* ---- a fake server handing out packages that must be refused ---- */

static int listen_fd = -1, fake_port;
static atomic_int stop;
static json_t *answer_package; /* what get_package gets (owned by the test) */
static char pkg_hash[65];
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

static void answer(int fd, json_t *m)
{
    const char *type = proto_type(m);
    json_int_t id = json_integer_value(json_object_get(m, "id"));
    if (!strcmp(type, "hello"))
        send_json(fd, json_pack("{s:s,s:I,s:i,s:s,s:s,s:i}", "type", "welcome", "re", id, "version", PROTO_VERSION,
                                "server", "fake", "name", "fake", "max_frame", PROTO_MAX_FRAME));
    else if (!strcmp(type, "create_table"))
        send_json(fd, json_pack("{s:s,s:I,s:i}", "type", "ok", "re", id, "table", 1));
    else if (!strcmp(type, "join")) {
        send_json(fd, json_pack("{s:s,s:I,s:i,s:i,s:s,s:s}", "type", "joined", "re", id, "table", 1, "seat", 0,
                                "token", "1-0-00112233445566778899aabbccddeeff", "code", "ACDEFG"));
        send_json(fd, json_pack("{s:s,s:i,s:i,s:{s:i,s:s,s:s,s:i},s:i,s:{},s:s,s:s}", "type", "snapshot", "table", 1,
                                "who", 0, "info", "table", 1, "package", "fake-game", "package_hash", pkg_hash, "seats",
                                2, "seq", 0, "view", "view_hash", "0000000000000000", "state_hash", "0000000000000000"));
    } else if (!strcmp(type, "get_package")) {
        json_t *o = json_deep_copy(answer_package);
        json_object_set_new(o, "re", json_integer(id));
        send_json(fd, o);
    }
}

static void *fake_server(void *arg)
{
    (void)arg;
    struct pollfd pf = { .fd = listen_fd, .events = POLLIN };
    while (!atomic_load(&stop)) {
        if (poll(&pf, 1, 50) != 1)
            continue;
        int fd = accept(listen_fd, NULL, NULL);
        if (fd < 0)
            continue;
        proto_reader_t rd;
        proto_reader_init(&rd, PROTO_MAX_FRAME);
        while (!atomic_load(&stop)) {
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
    }
    return NULL;
}

static void fake_up(void)
{
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t sl = sizeof sa;
    listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    cr_assert(listen_fd >= 0 && bind(listen_fd, (struct sockaddr *)&sa, sizeof sa) == 0 && listen(listen_fd, 4) == 0 &&
              getsockname(listen_fd, (struct sockaddr *)&sa, &sl) == 0);
    fake_port = ntohs(sa.sin_port);
    atomic_store(&stop, 0);
    cr_assert(pthread_create(&fake, NULL, fake_server, NULL) == 0);
}

static void fake_down(void)
{
    atomic_store(&stop, 1);
    pthread_join(fake, NULL);
    close(listen_fd);
}

/* {"type":"package","id","hash","files":[...]} of folder src as a server would send it */
static json_t *package_of(const char *src, const char *hash)
{
    char **names = NULL, err[256];
    size_t n = 0;
    cr_assert_eq(pl_package_files(src, &names, &n, NULL, err, sizeof err), 0);
    json_t *files = json_array();
    for (size_t i = 0; i < n; i++) {
        char p[1400];
        snprintf(p, sizeof p, "%s/%s", src, names[i]);
        FILE *f = fopen(p, "rb");
        static unsigned char bin[1 << 20];
        size_t got = fread(bin, 1, sizeof bin, f);
        fclose(f);
        size_t l = sodium_base64_ENCODED_LEN(got, sodium_base64_VARIANT_ORIGINAL);
        char *b64 = malloc(l);
        sodium_bin2base64(b64, l, bin, got, sodium_base64_VARIANT_ORIGINAL);
        json_array_append_new(files, json_pack("{s:s,s:s}", "name", names[i], "data", b64));
        free(b64);
        free(names[i]);
    }
    free(names);
    return json_pack("{s:s,s:s,s:s,s:o}", "type", "package", "id", "fake-game", "hash", hash, "files", files);
}

/* connect to the fake, take its table: the package it sends must be refused with words */
static void expect_refused(const char *fr, const char *en)
{
    for (int lang = 0; lang < 2; lang++) {
        pc_opts_t o;
        char err[512];
        pc_opts_default(&o);
        o.game_dir = TC_SHIPPED;
        o.lang = lang;
        o.software = o.hidden = o.no_save = 1;
        pc_app_t *a = pc_app_create(&o, err, sizeof err);
        cr_assert(a);
        char addr[64];
        snprintf(addr, sizeof addr, "127.0.0.1:%d", fake_port);
        pc_app_connect(a, addr);
        cr_assert(tc_loop_until(a, 10000, ready));
        pc_create_spec_t spec;
        memset(&spec, 0, sizeof spec);
        snprintf(spec.package, sizeof spec.package, "fake-game");
        spec.seats = 2;
        spec.take = 0;
        cr_assert(pc_conn_create(a->conn, &spec));
        tc_loop_until(a, 2000, NULL);
        cr_expect(!tc_at_table(a), "a refused package never plays");
        cr_expect(strstr(a->scr.flash, lang ? en : fr), "refused in words: %s", a->scr.flash);
        cr_expect_eq(a->scr.screen, PC_SCREEN_LOBBY, "back in the lobby");
        pc_app_destroy(a);
    }
    cr_expect_eq(cache_entries(NULL), 0, "nothing is left in the cache");
}

Test(packages, tampered_cut_invalid_or_oversized_packages_are_refused, .init = setup, .fini = teardown, .timeout = 90)
{
    cr_assert(sodium_init() >= 0);
    char err[256];
    cr_assert_eq(pl_package_hash(TC_FIXTURE, pkg_hash, err, sizeof err), 0);
    fake_up();
    /* tampered: a file changed on the way */
    answer_package = package_of(TC_FIXTURE, pkg_hash);
    json_t *f0 = json_array_get(json_object_get(answer_package, "files"), 0);
    json_object_set_new(f0, "data", json_string("PGRlY2sgeG1sbnM9InVybjpwbGF0ZWF1OmdhbWU6MSIvPgo="));
    expect_refused("ne correspond pas", "does not match");
    json_decref(answer_package);
    /* cut: a file shorter than it was */
    answer_package = package_of(TC_FIXTURE, pkg_hash);
    f0 = json_array_get(json_object_get(answer_package, "files"), 1);
    const char *d = json_string_value(json_object_get(f0, "data"));
    char *half = strndup(d, strlen(d) / 2 / 4 * 4);
    json_object_set_new(f0, "data", json_string(half));
    free(half);
    expect_refused("ne correspond pas", "does not match");
    json_decref(answer_package);
    /* invalid: whole and as announced, but not a package the loader accepts */
    char bad[1200], cmd[2600];
    snprintf(bad, sizeof bad, "%s/bad-game", dir);
    snprintf(cmd, sizeof cmd, "cp -R %s '%s' && sed -i 's/<turn /<turnn /' '%s/game.xml'", TC_FIXTURE, bad, bad);
    cr_assert(system(cmd) == 0);
    cr_assert_eq(pl_package_hash(bad, pkg_hash, err, sizeof err), 0);
    answer_package = package_of(bad, pkg_hash);
    expect_refused("ne se valide pas", "does not validate");
    json_decref(answer_package);
    /* oversized: the server says so */
    answer_package = json_pack("{s:s,s:s,s:s}", "type", "error", "code", "package_too_large", "message", "too large");
    expect_refused("trop volumineux", "too large");
    json_decref(answer_package);
    fake_down();
}
