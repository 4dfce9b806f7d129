/* deck_run.c -- running plateau-deck from the tests, and their temporary folders */
#include <criterion/criterion.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "deck_run.h"

#ifndef DECK_BIN
#define DECK_BIN "build/plateau-deck"
#endif

int td_run(const char *args, char **out)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 %s %s 2>&1", DECK_BIN, args);
    FILE *p = popen(cmd, "r");
    cr_assert(p, "cannot run %s", DECK_BIN);
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    cr_assert(buf);
    while ((r = fread(buf + n, 1, cap - n - 1, p)) > 0)
        if ((n += r) + 1 == cap)
            cr_assert(buf = realloc(buf, cap *= 2));
    buf[n] = 0;
    int st = pclose(p);
    *out = buf;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

char *td_tmp_dir(void)
{
    const char *t = getenv("TMPDIR");
    char buf[512];
    snprintf(buf, sizeof buf, "%s/plateau-deck-XXXXXX", t && *t ? t : "/tmp");
    char *d = mkdtemp(buf) ? strdup(buf) : NULL;
    cr_assert(d, "no temporary folder");
    return d;
}

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    chmod(p, 0700);
    return remove(p);
}

void td_rm_tree(const char *dir)
{
    nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}
