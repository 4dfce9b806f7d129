/* util.c -- helpers of the data tests: temporary folders, files, diagnostics lookups */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <unistd.h>
#include "util.h"

/* criterion's parallel runner keeps a small allocation for the process's life (the client tests
 * suppress it the same way) */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libcriterion\n";
}

const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}

char *tmp_dir(void)
{
    const char *t = getenv("TMPDIR");
    char buf[512];
    snprintf(buf, sizeof buf, "%s/plateau-data-XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(buf) ? strdup(buf) : NULL;
}

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(p);
}

void rm_tree(const char *dir)
{
    if (dir)
        nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *read_text(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

int write_text(const char *path, const char *s, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(s, 1, len, f);
    return fclose(f) == 0 && w == len ? 0 : -1;
}

int copy_file(const char *src, const char *dst)
{
    size_t n;
    char *s = read_text(src, &n);
    if (!s)
        return -1;
    int r = write_text(dst, s, n);
    free(s);
    return r;
}

int find_diag(const pl_diags_t *d, const char *dir, const char *file, unsigned line, const char *sub)
{
    char want[1024];
    snprintf(want, sizeof want, "%s/%s", dir, file);
    for (size_t i = 0; i < d->n; i++)
        if (!strcmp(d->items[i].file, want) && d->items[i].line == line && strstr(d->items[i].msg, sub))
            return (int)i;
    return -1;
}

char *diags_text(const pl_diags_t *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    pl_diags_print(d, f);
    fclose(f);
    return buf;
}
