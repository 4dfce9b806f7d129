/* package_hash.c -- a package's identity by content: SHA-256 over every file of its folder, in name order */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sodium.h>
#include "package.h"

typedef struct {
    char **names;
    size_t n, cap;
    size_t bytes;
} files_t;

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* rel: path below the package folder ("" for the folder itself) */
static int collect(const char *dir, const char *rel, files_t *f, int depth, char *err, size_t errlen)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s%s%s", dir, *rel ? "/" : "", rel);
    DIR *d = opendir(path);
    if (!d) {
        snprintf(err, errlen, "%s: cannot read the folder", path);
        return -1;
    }
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.') /* hidden files and editors' leftovers are not part of a package */
            continue;
        char sub[PATH_MAX], full[PATH_MAX * 2];
        snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        snprintf(full, sizeof full, "%s/%s", dir, sub);
        struct stat sb;
        if (lstat(full, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode)) {
            if (depth >= 4) {
                snprintf(err, errlen, "%s: folders nested too deep in a package", full);
                rc = -1;
            } else {
                rc = collect(dir, sub, f, depth + 1, err, errlen);
            }
        } else if (S_ISREG(sb.st_mode)) {
            if (f->n == f->cap) {
                size_t cap = f->cap ? f->cap * 2 : 32;
                char **nn = realloc(f->names, cap * sizeof *nn);
                if (!nn) {
                    snprintf(err, errlen, "out of memory");
                    rc = -1;
                    break;
                }
                f->names = nn;
                f->cap = cap;
            }
            if (!(f->names[f->n] = strdup(sub))) {
                snprintf(err, errlen, "out of memory");
                rc = -1;
            } else {
                f->n++;
                f->bytes += (size_t)sb.st_size;
            }
        }
    }
    closedir(d);
    return rc;
}

int pl_package_files(const char *dir, char ***names, size_t *n, size_t *bytes, char *err, size_t errlen)
{
    files_t f = { 0 };
    if (collect(dir, "", &f, 0, err, errlen) != 0) {
        for (size_t i = 0; i < f.n; i++)
            free(f.names[i]);
        free(f.names);
        return -1;
    }
    qsort(f.names, f.n, sizeof *f.names, by_name);
    *names = f.names;
    *n = f.n;
    if (bytes)
        *bytes = f.bytes;
    return 0;
}

int pl_package_hash(const char *dir, char hex[PL_PACKAGE_HASH_HEX], char *err, size_t errlen)
{
    char **names = NULL;
    size_t n = 0;
    if (sodium_init() < 0) {
        snprintf(err, errlen, "the crypto library cannot start");
        return -1;
    }
    if (pl_package_files(dir, &names, &n, NULL, err, errlen) != 0)
        return -1;
    crypto_hash_sha256_state h;
    crypto_hash_sha256_init(&h);
    int rc = 0;
    unsigned char buf[65536];
    for (size_t i = 0; i < n && rc == 0; i++) {
        char full[PATH_MAX * 2];
        snprintf(full, sizeof full, "%s/%s", dir, names[i]);
        FILE *fp = fopen(full, "rb");
        if (!fp) {
            snprintf(err, errlen, "%s: cannot read", full);
            rc = -1;
            break;
        }
        fseek(fp, 0, SEEK_END);
        long size = ftell(fp);
        fseek(fp, 0, SEEK_SET);
        /* name, NUL, size as 8 bytes big-endian, then the bytes: no two packages collide by layout */
        unsigned char len8[8];
        for (int k = 0; k < 8; k++)
            len8[k] = (unsigned char)((uint64_t)size >> (56 - 8 * k));
        crypto_hash_sha256_update(&h, (const unsigned char *)names[i], strlen(names[i]) + 1);
        crypto_hash_sha256_update(&h, len8, 8);
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
            crypto_hash_sha256_update(&h, buf, got);
        if (ferror(fp)) {
            snprintf(err, errlen, "%s: read error", full);
            rc = -1;
        }
        fclose(fp);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (rc != 0)
        return -1;
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&h, out);
    sodium_bin2hex(hex, PL_PACKAGE_HASH_HEX, out, sizeof out);
    return 0;
}
