/* fuzz_load.c -- `make fuzz`: mutated copies of the template package must load or fail cleanly, never crash,
 * with or without the warnings */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include "plateau.h"
#include "data/package.h"

static uint64_t rng_state[2];

static uint32_t below(uint32_t n)
{
    return pl_rng_below(rng_state, n);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    *n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    return buf;
}

/* snippets that exercise the loader's checks when spliced in */
static const char *const tokens[] = {
    "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;", "<![CDATA[x]]>", "<!-- c -->", "\xff", "\xc3", "\xe2\x82",
    " ref=\"nope\"", " next=\"s0 s0 s0 s0\"", " target=\"table\"", "<delay turns=\"1\">", "</delay>",
    "<card id=\"a1\">", "</card>", "xml:lang=\"de\"", " file=\"../x\"", "<vote voters=\"all\" deck=\"actions\"/>",
    "-1000001", "999999999999", "<space id=\"z\" kind=\"end\"><name xml:lang=\"fr\">z</name><name xml:lang=\"en\">z</name></space>",
};

static void mutate(const char *src, size_t n, char *dst, size_t *out)
{
    size_t len = n;
    memcpy(dst, src, n);
    int k = 1 + (int)below(4);
    for (int i = 0; i < k && len > 2; i++) {
        size_t at = below((uint32_t)len);
        switch (below(4)) {
        case 0: /* flip a byte */
            dst[at] = (char)(dst[at] ^ (1u << below(8)));
            break;
        case 1: { /* delete a run */
            size_t del = 1 + below(40);
            if (at + del > len)
                del = len - at;
            memmove(dst + at, dst + at + del, len - at - del);
            len -= del;
            break;
        }
        case 2: { /* splice a token */
            const char *t = tokens[below(sizeof tokens / sizeof *tokens)];
            size_t tl = strlen(t);
            memmove(dst + at + tl, dst + at, len - at);
            memcpy(dst + at, t, tl);
            len += tl;
            break;
        }
        default: { /* duplicate a run */
            size_t run = 1 + below(200);
            if (at + run > len)
                run = len - at;
            memmove(dst + at + run, dst + at, len - at);
            len += run;
            break;
        }
        }
    }
    *out = len;
}

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(p);
}

int main(int argc, char **argv)
{
    long iters = argc > 1 ? atol(argv[1]) : 20000;
    const char *e = getenv("FUZZ_ITERS");
    if (e && *e)
        iters = atol(e);
    pl_rng_seed(rng_state, argc > 2 ? strtoull(argv[2], NULL, 10) : 1);
    size_t gn, an;
    char *game = slurp("tests/data/base/game.xml", &gn), *act = slurp("tests/data/base/actions.xml", &an);
    char *buf = malloc(1 << 21);
    const char *t = getenv("TMPDIR");
    char dir[512], gp[600], ap[600];
    snprintf(dir, sizeof dir, "%s/plateau-fuzz-XXXXXX", t && *t ? t : "/tmp");
    if (!game || !act || !buf || !mkdtemp(dir)) {
        fprintf(stderr, "fuzz_load: run from the repository root\n");
        return 1;
    }
    snprintf(gp, sizeof gp, "%s/game.xml", dir);
    snprintf(ap, sizeof ap, "%s/actions.xml", dir);
    long loaded = 0, refused = 0;
    for (long i = 0; i < iters; i++) {
        size_t n;
        int which = (int)below(2);
        FILE *fg = fopen(gp, "wb"), *fa = fopen(ap, "wb");
        if (!fg || !fa)
            return 1;
        if (which == 0) {
            mutate(game, gn, buf, &n);
            fwrite(buf, 1, n, fg);
            fwrite(act, 1, an, fa);
        } else {
            fwrite(game, 1, gn, fg);
            mutate(act, an, buf, &n);
            fwrite(buf, 1, n, fa);
        }
        fclose(fg);
        fclose(fa);
        pl_diags_t d;
        pl_diags_init(&d);
        /* every other package also gets the warnings (lint.c) */
        pl_ruleset_t *rs = pl_package_load_ex(dir, i & 1 ? PL_LOAD_WARNINGS : 0, &d);
        size_t errors = pl_diags_count(&d, 0, PL_DIAG_ERROR);
        if (rs) {
            loaded++;
            if (errors || (!(i & 1) && d.n)) {
                fprintf(stderr, "fuzz_load: loaded with diagnostics\n");
                return 1;
            }
        } else {
            refused++;
            if (!errors) {
                fprintf(stderr, "fuzz_load: refused without a diagnostic (iteration %ld)\n", i);
                return 1;
            }
        }
        pl_ruleset_destroy(rs);
        pl_diags_free(&d);
    }
    nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
    printf("fuzz_load: %ld mutated packages, %ld loaded, %ld refused with diagnostics, no crash\n", iters, loaded,
           refused);
    free(game);
    free(act);
    free(buf);
    return 0;
}
