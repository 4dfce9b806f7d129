/* crypto.c -- the server's primitives, all from libsodium: random bytes, hex, SHA-256, Argon2id, constant-time comparison */
#include <string.h>
#include <sodium.h>
#include "server.h"

_Static_assert(SRV_PWHASH_LEN == crypto_pwhash_STRBYTES, "SRV_PWHASH_LEN is crypto_pwhash_STRBYTES");
_Static_assert(SRV_HASH_LEN == crypto_hash_sha256_BYTES, "SRV_HASH_LEN is crypto_hash_sha256_BYTES");

int srv_crypto_init(void)
{
    return sodium_init() < 0 ? -1 : 0;
}

void srv_random(void *buf, size_t n)
{
    randombytes_buf(buf, n);
}

void srv_hex(const uint8_t *b, size_t n, char *out)
{
    sodium_bin2hex(out, 2 * n + 1, b, n);
}

void srv_token_hash(const char *token, uint8_t out[SRV_HASH_LEN])
{
    crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

int srv_hash_equal(const uint8_t a[SRV_HASH_LEN], const uint8_t b[SRV_HASH_LEN])
{
    return sodium_memcmp(a, b, SRV_HASH_LEN) == 0;
}

int srv_secret_hash(const char *secret, size_t n, char out[SRV_PWHASH_LEN])
{
    return crypto_pwhash_str(out, secret, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int srv_secret_verify(const char hash[SRV_PWHASH_LEN], const char *secret, size_t n)
{
    return crypto_pwhash_str_verify(hash, secret, n) == 0;
}

