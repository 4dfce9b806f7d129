/* pkgcache.c -- packages by content hash: installed copy or cache, and storing a package a server sent */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>
#include "data/package.h"
#include "client/load.h"
#include "client/pkgcache.h"
#include "text/text.h"

static int cache_root(char *out, size_t len)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    int n;
    if (xdg && *xdg == '/')
        n = snprintf(out, len, "%s/plateau/packages", xdg);
    else if (home && *home)
        n = snprintf(out, len, "%s/.cache/plateau/packages", home);
    else
        return 0;
    return n > 0 && (size_t)n < len;
}

static int hex64(const char *h)
{
    if (!h || strlen(h) != 64)
        return 0;
    for (const char *p = h; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return 0;
    return 1;
}

static int hashes_to(const char *dir, const char *hash)
{
    char got[PL_PACKAGE_HASH_HEX], err[256];
    return pl_package_hash(dir, got, err, sizeof err) == 0 && !strcmp(got, hash);
}

int pc_pkg_find(const char *id, const char *hash, char *dir, size_t len)
{
    if (!hex64(hash))
        return 0;
    char d[1100];
    if (pc_find_game_dir(id, d, sizeof d) && hashes_to(d, hash)) {
        snprintf(dir, len, "%s", d);
        return 1;
    }
    char root[1024];
    if (!cache_root(root, sizeof root))
        return 0;
    snprintf(d, sizeof d, "%s/%s", root, hash);
    struct stat sb;
    if (stat(d, &sb) == 0 && S_ISDIR(sb.st_mode) && hashes_to(d, hash)) {
        snprintf(dir, len, "%s", d);
        return 1;
    }
    return 0;
}

static int mkdirs(const char *path, mode_t mode)
{
    char p[1100];
    snprintf(p, sizeof p, "%s", path);
    for (char *s = p + 1;; s++) {
        if (*s == '/' || !*s) {
            char c = *s;
            *s = 0;
            if (mkdir(p, mode) != 0 && errno != EEXIST)
                return -1;
            *s = c;
            if (!c)
                break;
        }
    }
    return 0;
}

static void rm_tree(const char *dir, char **names, size_t n)
{
    /* only what we wrote: the files, then their folders deepest first */
    for (size_t i = 0; i < n; i++) {
        char p[1300];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    for (size_t i = n; i-- > 0;) {
        char p[1300];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        char *s;
        while ((s = strrchr(p, '/')) && s > p + strlen(dir)) {
            *s = 0;
            rmdir(p);
        }
    }
    rmdir(dir);
}

/* a relative path a package may hold: no "..", no leading "/", no hidden part, plain characters */
static int safe_name(const char *n)
{
    if (!n || !*n || *n == '/' || strlen(n) > 200)
        return 0;
    for (const char *p = n; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
              *p == '_' || *p == '.' || *p == '/'))
            return 0;
        if ((p == n || p[-1] == '/') && *p == '.')
            return 0;
    }
    return !strstr(n, "//");
}

int pc_pkg_store(const json_t *msg, const char *want_hash, int lang, char *dir, size_t len, char *err, size_t errlen)
{
    const char *hash = json_string_value(json_object_get(msg, "hash"));
    json_t *files = json_object_get(msg, "files");
    char root[1024], tmp[1100], final[1100];
    if (errlen)
        err[0] = 0;
    if (!hex64(want_hash) || !hash || strcmp(hash, want_hash) != 0) {
        snprintf(err, errlen, "%s", pt_tr(lang, "the server sent another package than the one the table plays"));
        return 0;
    }
    if (!json_is_array(files) || json_array_size(files) == 0 || json_array_size(files) > PC_PKG_MAX_FILES) {
        snprintf(err, errlen, "%s", pt_tr(lang, "the package sent by the server is malformed"));
        return 0;
    }
    if (!cache_root(root, sizeof root) || mkdirs(root, 0700) != 0) {
        snprintf(err, errlen, pt_tr(lang, "no cache folder to keep the game in (%s)"), strerror(errno));
        return 0;
    }
    if (sodium_init() < 0) {
        snprintf(err, errlen, "%s", pt_tr(lang, "the crypto library cannot start"));
        return 0;
    }
    snprintf(tmp, sizeof tmp, "%s/.incoming-%ld-%u", root, (long)getpid(), randombytes_random());
    snprintf(final, sizeof final, "%s/%s", root, hash);
    if (mkdir(tmp, 0700) != 0) {
        snprintf(err, errlen, pt_tr(lang, "cannot write in %s: %s"), root, strerror(errno));
        return 0;
    }
    char *names[PC_PKG_MAX_FILES];
    size_t n = 0, total = 0;
    int ok = 1;
    for (size_t i = 0; i < json_array_size(files) && ok; i++) {
        json_t *f = json_array_get(files, i);
        const char *name = json_string_value(json_object_get(f, "name"));
        const char *data = json_string_value(json_object_get(f, "data"));
        if (!safe_name(name) || !data) {
            snprintf(err, errlen, "%s", pt_tr(lang, "the package sent by the server names a file it may not hold"));
            ok = 0;
            break;
        }
        size_t b64 = strlen(data), cap = b64 / 4 * 3 + 3, got = 0;
        if (cap > PC_PKG_MAX_BYTES + 3) {
            snprintf(err, errlen, pt_tr(lang, "the package sent by the server is larger than %u KB"), PC_PKG_MAX_BYTES / 1024);
            ok = 0;
            break;
        }
        unsigned char *bin = malloc(cap ? cap : 1);
        if (!bin || sodium_base642bin(bin, cap, data, b64, NULL, &got, NULL, sodium_base64_VARIANT_ORIGINAL) != 0) {
            snprintf(err, errlen, pt_tr(lang, "the package sent by the server is malformed (file %s)"), name);
            free(bin);
            ok = 0;
            break;
        }
        total += got;
        if (total > PC_PKG_MAX_BYTES) {
            snprintf(err, errlen, pt_tr(lang, "the package sent by the server is larger than %u KB"), PC_PKG_MAX_BYTES / 1024);
            free(bin);
            ok = 0;
            break;
        }
        names[n] = strdup(name);
        if (!names[n]) {
            free(bin);
            snprintf(err, errlen, "%s", pt_tr(lang, "out of memory"));
            ok = 0;
            break;
        }
        n++;
        char path[1300];
        snprintf(path, sizeof path, "%s/%s", tmp, name);
        char *slash = strrchr(path, '/');
        *slash = 0;
        int made = mkdirs(path, 0700) == 0;
        *slash = '/';
        FILE *fp = made ? fopen(path, "wbx") : NULL; /* x: a name sent twice is refused */
        if (!fp || fwrite(bin, 1, got, fp) != got || fclose(fp) != 0) {
            snprintf(err, errlen, pt_tr(lang, "cannot write %s: %s"), path, strerror(errno));
            if (fp)
                fclose(fp);
            ok = 0;
        }
        free(bin);
    }
    char got_hash[PL_PACKAGE_HASH_HEX], e2[256];
    if (ok && (pl_package_hash(tmp, got_hash, e2, sizeof e2) != 0 || strcmp(got_hash, hash) != 0)) {
        snprintf(err, errlen, "%s", pt_tr(lang, "the package sent by the server does not match its announced content (tampered or cut)"));
        ok = 0;
    }
    if (ok) { /* the same loader as every package: a package that does not validate is refused */
        pl_diags_t d;
        pl_diags_init(&d);
        pl_ruleset_t *rs = pl_package_load(tmp, &d);
        if (!rs)
            snprintf(err, errlen, pt_tr(lang, "the package sent by the server does not validate: %s:%u: %s"),
                     d.n ? d.items[0].file : "?", d.n ? d.items[0].line : 0, d.n ? d.items[0].msg : "?");
        ok = rs != NULL;
        pl_ruleset_destroy(rs);
        pl_diags_free(&d);
    }
    if (ok && rename(tmp, final) != 0) {
        if (errno == EEXIST || errno == ENOTEMPTY) { /* another client stored it first: use theirs */
            ok = hashes_to(final, hash);
        } else {
            snprintf(err, errlen, pt_tr(lang, "cannot keep the package in %s: %s"), final, strerror(errno));
            ok = 0;
        }
        if (!ok && !err[0])
            snprintf(err, errlen, pt_tr(lang, "a damaged copy of the package is in the way at %s"), final);
        rm_tree(tmp, names, n);
    }
    if (!ok && strcmp(tmp, final))
        rm_tree(tmp, names, n);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    if (ok)
        snprintf(dir, len, "%s", final);
    return ok;
}
