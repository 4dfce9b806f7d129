/* secret.c -- the facilitator secret: set up at start (file, database or new), logins checked off the loop, older hashes upgraded */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "server.h"

#define META_ARGON2 "facilitator_argon2id" /* crypto_pwhash_str() of the secret */
#define META_SHA256 "facilitator_sha256"   /* older servers: hex SHA-256 of the secret, upgraded at login */

/* An Argon2id string as crypto_pwhash_str() writes it (what a secret file may hold instead of
 * the secret itself, see --hash-secret). */
static int is_pwhash(const char *s)
{
    return strncmp(s, "$argon2id$", 10) == 0 && strlen(s) < SRV_PWHASH_LEN;
}

static int read_secret_file(srv_t *s, char *buf, size_t cap, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(s->o.secret_file, "r");
    if (!f) {
        snprintf(err, errlen, "%.200s: cannot read the facilitator secret file", s->o.secret_file);
        return -1;
    }
    size_t n = fread(buf, 1, cap - 1, f);
    fclose(f);
    buf[n] = 0;
    char *nl = strpbrk(buf, "\r\n"); /* the first line */
    if (nl)
        *nl = 0;
    n = strlen(buf);
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = 0;
    *len = n;
    return 0;
}

int srv_facilitator_setup(srv_t *s, char *err, size_t errlen)
{
    char buf[256], hex[80];
    size_t n;
    s->secret_legacy = 0;
    if (s->o.secret_file[0]) {
        int r = read_secret_file(s, buf, sizeof buf, &n, err, errlen);
        if (r == 0 && is_pwhash(buf)) {
            memset(s->secret_pwhash, 0, sizeof s->secret_pwhash);
            memcpy(s->secret_pwhash, buf, strlen(buf)); /* is_pwhash: shorter than SRV_PWHASH_LEN */
        } else if (r == 0 && n < 8) {
            snprintf(err, errlen, "%.200s: the facilitator secret must be at least 8 characters", s->o.secret_file);
            r = -1;
        } else if (r == 0 && srv_secret_hash(buf, n, s->secret_pwhash) != 0) {
            snprintf(err, errlen, "not enough memory to hash the facilitator secret");
            r = -1;
        }
        sodium_memzero(buf, sizeof buf);
        return r;
    }
    memset(s->secret_pwhash, 0, sizeof s->secret_pwhash);
    if (store_get_meta(s->store, META_ARGON2, s->secret_pwhash, sizeof s->secret_pwhash) && is_pwhash(s->secret_pwhash))
        return 0;
    if (store_get_meta(s->store, META_SHA256, hex, sizeof hex) && strlen(hex) == 2 * SRV_HASH_LEN &&
        sodium_hex2bin(s->secret_sha256, SRV_HASH_LEN, hex, 2 * SRV_HASH_LEN, NULL, NULL, NULL) == 0) {
        s->secret_legacy = 1; /* a database of an older server: Argon2id from the first login on */
        return 0;
    }
    uint8_t rnd[12];
    char secret[2 * sizeof rnd + 1];
    srv_random(rnd, sizeof rnd);
    srv_hex(rnd, sizeof rnd, secret);
    memset(s->secret_pwhash, 0, sizeof s->secret_pwhash);
    if (srv_secret_hash(secret, strlen(secret), s->secret_pwhash) != 0) {
        snprintf(err, errlen, "not enough memory to hash the facilitator secret");
        return -1;
    }
    if (store_set_meta(s->store, META_ARGON2, s->secret_pwhash) != 0 || store_commit(s->store) < 0) {
        snprintf(err, errlen, "cannot record the facilitator secret's hash in the database");
        return -1;
    }
    srv_log("facilitator secret (shown once, only its Argon2id hash is stored): %s", secret);
    sodium_memzero(secret, sizeof secret);
    return 0;
}

/* ---- a login, checked on libuv's thread pool (Argon2id takes tens of milliseconds and
 * 64 MiB: the loop goes on serving everyone else meanwhile) ---- */

typedef struct {
    uv_work_t req;
    conn_t *c;
    json_int_t re;
    int legacy, ok;
    uint8_t sha[SRV_HASH_LEN];
    char hash[SRV_PWHASH_LEN];    /* what is checked; the new hash after a legacy login */
    size_t len;
    char secret[];
} login_t;

static void login_work(uv_work_t *w)
{
    login_t *l = w->data;
    if (l->legacy) {
        uint8_t h[SRV_HASH_LEN];
        crypto_hash_sha256(h, (const unsigned char *)l->secret, l->len);
        l->ok = sodium_memcmp(h, l->sha, SRV_HASH_LEN) == 0;
        memset(l->hash, 0, sizeof l->hash);
        if (l->ok && srv_secret_hash(l->secret, l->len, l->hash) != 0)
            l->hash[0] = 0;
    } else {
        l->ok = srv_secret_verify(l->hash, l->secret, l->len);
    }
    sodium_memzero(l->secret, l->len);
}

static void login_done(uv_work_t *w, int status)
{
    login_t *l = w->data;
    conn_t *c = l->c;
    srv_t *s = c->srv;
    if (l->ok && l->legacy && s->secret_legacy && l->hash[0]) {
        /* upgrade the stored hash: the next logins check Argon2id */
        if (store_set_meta(s->store, META_ARGON2, l->hash) == 0 && store_del_meta(s->store, META_SHA256) == 0) {
            memcpy(s->secret_pwhash, l->hash, sizeof s->secret_pwhash);
            s->secret_legacy = 0;
            srv_kick(s);
            srv_log("facilitator secret: the stored SHA-256 replaced by an Argon2id hash");
        }
    }
    if (!c->closing) {
        if (l->ok) {
            c->facilitator = 1;
            srv_send(c, proto_msg("ok", l->re));
        } else {
            srv_log("conn %llu: wrong facilitator secret", (unsigned long long)c->id);
            c->strikes += 10; /* guessing costs */
            srv_send_error(c, l->re, PROTO_E_FORBIDDEN, "wrong facilitator secret");
        }
    }
    free(l);
    srv_resume(c); /* frees c when it was closed meanwhile */
}

void srv_facilitator_login(conn_t *c, const char *secret, json_int_t re)
{
    srv_t *s = c->srv;
    size_t n = secret ? strlen(secret) : 0;
    login_t *l = secret ? calloc(1, sizeof *l + n + 1) : NULL;
    if (!l) {
        if (secret)
            srv_send_error(c, re, PROTO_E_INTERNAL, "out of memory");
        else {
            c->strikes += 10;
            srv_send_error(c, re, PROTO_E_FORBIDDEN, "wrong facilitator secret");
        }
        return;
    }
    l->c = c;
    l->re = re;
    l->len = n;
    memcpy(l->secret, secret, n);
    l->legacy = s->secret_legacy;
    memcpy(l->sha, s->secret_sha256, sizeof l->sha);
    memcpy(l->hash, s->secret_pwhash, sizeof l->hash);
    l->req.data = l;
    if (uv_queue_work(s->loop, &l->req, login_work, login_done) != 0) {
        free(l);
        srv_send_error(c, re, PROTO_E_INTERNAL, "cannot check the secret now; try again");
        return;
    }
    srv_pause(c); /* the connection's next messages wait for this answer */
}
