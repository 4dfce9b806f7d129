/* test_print.c -- plateau-deck print: the PDF's pages (pdfinfo), its first pages against reference pictures
 * (pdftoppm), the describer's words on the cards, French typography, and bad input that leaves no partial PDF */
#include <criterion/criterion.h>
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <SDL_image.h>
#include "plateau.h"
#include "data/package.h"
#include "text/text.h"
#include "../client/helpers.h"
#include "deck_run.h"

#ifndef TC_BUILD
#define TC_BUILD "build"
#endif

/* a pixel differs when |dR|+|dG|+|dB| passes this; a page when more than 1/50 of its pixels do */
#define PIXEL_TOL 60
#define PICTURE_TOL 50
#define REF_DPI "40"

static void setup(void) { tc_sdl_up(); }
static void teardown(void) { tc_sdl_down(); }

/* The output of a shell command (malloc'd), its exit status in *st. */
static char *sh(const char *cmd, int *st)
{
    FILE *p = popen(cmd, "r");
    cr_assert(p, "cannot run %s", cmd);
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    cr_assert(buf);
    while ((r = fread(buf + n, 1, cap - n - 1, p)) > 0)
        if ((n += r) + 1 == cap)
            cr_assert(buf = realloc(buf, cap *= 2));
    buf[n] = 0;
    int s = pclose(p);
    if (st)
        *st = WIFEXITED(s) ? WEXITSTATUS(s) : -1;
    return buf;
}

static int pdf_pages(const char *pdf, char *size, size_t len)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>&1", pdf);
    int st;
    char *out = sh(cmd, &st);
    cr_assert_eq(st, 0, "pdfinfo cannot read %s:\n%s", pdf, out);
    const char *p = strstr(out, "\nPages:");
    int pages = p ? atoi(p + 7) : -1;
    const char *s = strstr(out, "\nPage size:");
    if (size && s) {
        s += 11;
        while (*s == ' ')
            s++;
        snprintf(size, len, "%.*s", (int)strcspn(s, "\n"), s);
    }
    free(out);
    return pages;
}

static pl_ruleset_t *load(const char *dir)
{
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    pl_diags_free(&d);
    cr_assert(rs, "%s does not load", dir);
    return rs;
}

/* rules (1 page), the board (its phases five a page), then each sheet of nine cards and its backs */
static int expected_pages(const pl_ruleset_t *rs)
{
    return 1 + (rs->n_phases + 4) / 5 + 2 * (int)((rs->n_cards + 8) / 9);
}

static void print_to(const char *pkg, const char *pdf, const char *more)
{
    char args[1400], *out;
    snprintf(args, sizeof args, "print %s --out %s %s", pkg, pdf, more);
    int st = td_run(args, &out);
    cr_assert_eq(st, 0, "%s", out);
    cr_expect(strstr(out, " pages") != NULL, "%s", out);
    free(out);
}

Test(print, every_card_nine_a_page_with_backs_the_board_and_the_rules, .timeout = 120)
{
    char *dir = td_tmp_dir();
    const char *pkgs[] = { "game-data/example-minimal", "game-data/achats-durables" };
    for (int i = 0; i < 2; i++) {
        char pdf[700], size[128] = "";
        snprintf(pdf, sizeof pdf, "%s/cards-%d.pdf", dir, i);
        print_to(pkgs[i], pdf, "");
        pl_ruleset_t *rs = load(pkgs[i]);
        cr_expect_eq(pdf_pages(pdf, size, sizeof size), expected_pages(rs), "%s: pages", pkgs[i]);
        cr_expect(strstr(size, "(A4)") != NULL, "%s: A4 by default: %s", pkgs[i], size);
        pl_ruleset_destroy(rs);
    }
    /* 37 cards: 5 sheets of faces and backs, the board on one page, the rules on one */
    char pdf[700], size[128] = "";
    snprintf(pdf, sizeof pdf, "%s/letter.pdf", dir);
    print_to("game-data/example-minimal", pdf, "--paper letter --lang en");
    cr_expect_eq(pdf_pages(pdf, size, sizeof size), 12);
    cr_expect(strstr(size, "612 x 792") != NULL, "letter paper: %s", size);
    td_rm_tree(dir);
    free(dir);
}

/* Page n of pdf at REF_DPI, compared with tests/deck/ref/NAME-n.png (written instead with UPDATE_REF set). */
static void compare_page(const char *pdf, int n, const char *name)
{
    char prefix[800], cmd[2000], png[900], ref[300];
    snprintf(prefix, sizeof prefix, "%s-page", pdf);
    snprintf(cmd, sizeof cmd, "pdftoppm -png -r " REF_DPI " -f %d -l %d -singlefile '%s' '%s' 2>&1", n, n, pdf, prefix);
    int st;
    char *out = sh(cmd, &st);
    cr_assert_eq(st, 0, "pdftoppm: %s", out);
    free(out);
    snprintf(png, sizeof png, "%s.png", prefix);
    snprintf(ref, sizeof ref, "tests/deck/ref/%s-%d.png", name, n);
    SDL_Surface *raw = IMG_Load(png);
    cr_assert(raw, "pdftoppm wrote no %s", png);
    SDL_Surface *cur = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGB24, 0);
    SDL_FreeSurface(raw);
    cr_assert(cur);
    if (getenv("UPDATE_REF")) {
        cr_assert(IMG_SavePNG(cur, ref) == 0, "cannot write %s", ref);
        SDL_FreeSurface(cur);
        return;
    }
    SDL_Surface *r0 = IMG_Load(ref);
    cr_assert(r0, "missing reference %s (make deck-ref writes them)", ref);
    SDL_Surface *r = SDL_ConvertSurfaceFormat(r0, SDL_PIXELFORMAT_RGB24, 0);
    SDL_FreeSurface(r0);
    cr_assert(r && r->w == cur->w && r->h == cur->h, "%s: the page's size changed (%dx%d)", ref, cur->w, cur->h);
    long bad = 0;
    for (int y = 0; y < cur->h; y++) {
        const unsigned char *p = (const unsigned char *)cur->pixels + (size_t)y * (size_t)cur->pitch;
        const unsigned char *q = (const unsigned char *)r->pixels + (size_t)y * (size_t)r->pitch;
        for (int x = 0; x < cur->w * 3; x += 3)
            bad += abs(p[x] - q[x]) + abs(p[x + 1] - q[x + 1]) + abs(p[x + 2] - q[x + 2]) > PIXEL_TOL;
    }
    if (bad * PICTURE_TOL > (long)cur->w * cur->h) {
        char keep[400];
        snprintf(keep, sizeof keep, TC_BUILD "/tests/deck-out-%s-%d.png", name, n);
        IMG_SavePNG(cur, keep);
    }
    cr_expect(bad * PICTURE_TOL <= (long)cur->w * cur->h, "%s: %ld of %d pixels differ (page kept in " TC_BUILD
              "/tests/)", ref, bad, cur->w * cur->h);
    SDL_FreeSurface(r);
    SDL_FreeSurface(cur);
}

/* The rules, the board, the first sheet of faces and its backs look as they did. */
Test(print, first_pages_match_their_reference_pictures, .init = setup, .fini = teardown, .timeout = 120)
{
    char *dir = td_tmp_dir(), pdf[700];
    snprintf(pdf, sizeof pdf, "%s/em.pdf", dir);
    print_to("game-data/example-minimal", pdf, "--lang fr");
    for (int n = 1; n <= 4; n++)
        compare_page(pdf, n, "print-example-minimal");
    snprintf(pdf, sizeof pdf, "%s/em-en.pdf", dir);
    print_to("game-data/example-minimal", pdf, "--lang en --paper letter");
    compare_page(pdf, 3, "print-example-minimal-en-letter");
    td_rm_tree(dir);
    free(dir);
}

/* The comparison above can fail: a page of faces is not its page of backs. */
Test(print, the_reference_pictures_differ, .init = setup, .fini = teardown)
{
    if (getenv("UPDATE_REF"))
        cr_skip_test("references being written");
    SDL_Surface *a = IMG_Load("tests/deck/ref/print-example-minimal-3.png");
    SDL_Surface *b = IMG_Load("tests/deck/ref/print-example-minimal-4.png");
    cr_assert(a && b);
    SDL_Surface *a3 = SDL_ConvertSurfaceFormat(a, SDL_PIXELFORMAT_RGB24, 0);
    SDL_Surface *b3 = SDL_ConvertSurfaceFormat(b, SDL_PIXELFORMAT_RGB24, 0);
    cr_assert(a3 && b3 && a3->w == b3->w && a3->h == b3->h);
    long bad = 0;
    for (int y = 0; y < a3->h; y++)
        for (int x = 0; x < a3->w * 3; x += 3) {
            const unsigned char *p = (unsigned char *)a3->pixels + y * a3->pitch + x;
            const unsigned char *q = (unsigned char *)b3->pixels + y * b3->pitch + x;
            bad += abs(p[0] - q[0]) + abs(p[1] - q[1]) + abs(p[2] - q[2]) > PIXEL_TOL;
        }
    cr_expect(bad * PICTURE_TOL > (long)a3->w * a3->h, "faces and backs look alike (%ld pixels differ)", bad);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    SDL_FreeSurface(a3);
    SDL_FreeSurface(b3);
}

/* Collapses runs of white space (line breaks of the PDF's text) into one space, in place. */
static void squeeze(char *s)
{
    char *w = s;
    int sp = 0;
    for (char *r = s; *r; r++) {
        if (isspace((unsigned char)*r)) {
            sp = 1;
            continue;
        }
        if (sp && w != s)
            *w++ = ' ';
        sp = 0;
        *w++ = *r;
    }
    *w = 0;
}

/* s with its no-break spaces as plain ones (the PDF's text knows none), white space squeezed, into out. */
static void plain(const char *s, char *out, size_t len)
{
    char *w = out;
    for (const char *p = s; *p && w < out + len - 1; p++) {
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
            *w++ = ' ', p++;
        else
            *w++ = *p;
    }
    *w = 0;
    squeeze(out);
}

/* What each card does is written on it in the describer's words, the screen's: every item of pt_effects, every
 * cost, in both languages. */
Test(print, the_cards_say_what_the_describer_says, .timeout = 120)
{
    pt_init();
    char *dir = td_tmp_dir();
    pl_ruleset_t *rs = load("game-data/example-minimal");
    for (int lang = 0; lang < PL_LANG_COUNT; lang++) {
        char pdf[700], cmd[1600];
        snprintf(pdf, sizeof pdf, "%s/em-%d.pdf", dir, lang);
        print_to("game-data/example-minimal", pdf, lang ? "--lang en" : "--lang fr");
        snprintf(cmd, sizeof cmd, "pdftotext -raw '%s' - 2>&1", pdf);
        int st;
        char *text = sh(cmd, &st);
        cr_assert_eq(st, 0);
        squeeze(text);
        int checked = 0;
        for (uint32_t c = 0; c < rs->n_cards; c++) {
            char name[300];
            plain(pl_text(&rs->cards[c].name, lang), name, sizeof name);
            cr_expect(strstr(text, name) != NULL, "card %s: its name is not printed: %s", rs->cards[c].id, name);
            pt_item_t it[48];
            int n = pt_effects(rs, rs->cards[c].effects, lang, it, 48);
            for (int i = 0; i < n && i < 48; i++) {
                char want[300];
                plain(it[i].text, want, sizeof want);
                cr_expect(strstr(text, want) != NULL, "card %s (%s): '%s' is not printed", rs->cards[c].id,
                          lang ? "en" : "fr", want);
                checked++;
            }
            n = pt_costs(rs, (int)c, lang, it, 48);
            for (int i = 0; i < n && i < 48; i++) {
                char want[300];
                plain(it[i].text, want, sizeof want);
                cr_expect(strstr(text, want) != NULL, "card %s: its cost '%s' is not printed", rs->cards[c].id, want);
            }
            const char *tag = pl_tag_label(rs, rs->cards[c].tag, lang);
            if (tag) {
                char want[300];
                plain(tag, want, sizeof want);
                cr_expect(strstr(text, want) != NULL, "card %s: its tag '%s' is not printed", rs->cards[c].id, want);
            }
        }
        cr_expect_gt(checked, 60, "only %d effects checked", checked);
        cr_expect(strstr(text, lang ? "The rules in brief" : "Les règles en bref") != NULL, "the rules' page");
        free(text);
    }
    pl_ruleset_destroy(rs);
    td_rm_tree(dir);
    free(dir);
}

/* No printed line starts with what belongs to the word before (: ; ! ? ») nor ends with an opening «: the loader's
 * no-break spaces hold in pango's breaks. */
Test(print, french_typography_holds_in_the_printed_lines, .timeout = 120)
{
    char *dir = td_tmp_dir(), pdf[700], cmd[1600];
    snprintf(pdf, sizeof pdf, "%s/ad.pdf", dir);
    print_to("game-data/achats-durables", pdf, "--lang fr");
    snprintf(cmd, sizeof cmd, "pdftotext -raw '%s' - 2>&1", pdf);
    int st;
    char *text = sh(cmd, &st);
    cr_assert_eq(st, 0);
    int lines = 0, bad = 0;
    char *save = NULL;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        lines++;
        size_t n = strlen(l);
        int starts = l[0] == ':' || l[0] == ';' || l[0] == '!' || l[0] == '?' || !strncmp(l, "\xC2\xBB", 2);
        int ends = n >= 2 && !strcmp(l + n - 2, "\xC2\xAB");
        if (starts || ends) {
            cr_log_error("a badly broken line: \"%s\"", l);
            bad++;
        }
    }
    cr_expect_gt(lines, 1000);
    cr_expect_eq(bad, 0, "%d printed lines break French typography", bad);
    free(text);
    td_rm_tree(dir);
    free(dir);
}

static int count_entries(const char *dir)
{
    DIR *dp = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (dp && (e = readdir(dp)) != NULL)
        n += e->d_name[0] != '.';
    if (dp)
        closedir(dp);
    return n;
}

Test(print, bad_input_stops_in_words_and_leaves_no_partial_pdf, .timeout = 120)
{
    char *dir = td_tmp_dir(), args[1600], pdf[800], *out;
    snprintf(pdf, sizeof pdf, "%s/cards.pdf", dir);
    /* an invalid package: its errors, no PDF */
    snprintf(args, sizeof args, "print tests/fixtures/dangling-refs --out %s --lang en", pdf);
    cr_expect_eq(td_run(args, &out), 1, "%s", out);
    cr_expect(strstr(out, "tests/fixtures/dangling-refs/") && strstr(out, ": error: ") && strstr(out, "errors"), "%s",
              out);
    free(out);
    cr_expect_eq(count_entries(dir), 0, "something was written for an invalid package");
    /* a folder that does not exist */
    snprintf(args, sizeof args, "print game-data/example-minimal --out %s/missing/cards.pdf --lang en", dir);
    cr_expect_eq(td_run(args, &out), 1, "%s", out);
    cr_expect(strstr(out, "cannot write") && strstr(out, "nothing was written"), "%s", out);
    free(out);
    /* a folder that cannot be written (as root any folder can: a read-only file system instead) */
    char ro[800];
    snprintf(ro, sizeof ro, "%s/ro", dir);
    cr_assert(mkdir(ro, 0500) == 0);
    const char *target = ro;
    if (access(ro, W_OK) == 0)
        target = "/proc";
    snprintf(args, sizeof args, "print game-data/example-minimal --out %s/cards.pdf --lang en", target);
    cr_expect_eq(td_run(args, &out), 1, "%s", out);
    cr_expect(strstr(out, "cannot write") != NULL, "%s", out);
    free(out);
    chmod(ro, 0700);
    cr_expect_eq(count_entries(ro), 0);
    /* the disk fills up half way (a file size limit): the old PDF stays as it was, no temporary file is left */
    FILE *f = fopen(pdf, "w");
    cr_assert(f);
    fputs("the previous version", f);
    fclose(f);
    char cmd[2400];
    snprintf(cmd, sizeof cmd,
             "trap '' XFSZ; ulimit -f 40; env -u LANGUAGE -u LC_ALL LANG=C.UTF-8 %s print game-data/achats-durables "
             "--out %s --lang en 2>&1",
             DECK_BIN, pdf);
    int st;
    out = sh(cmd, &st);
    cr_expect_eq(st, 1, "a PDF cut short must fail: %s", out);
    cr_expect(strstr(out, "cannot write") && strstr(out, "nothing was written"), "%s", out);
    free(out);
    size_t n = 0;
    f = fopen(pdf, "r");
    cr_assert(f);
    char back[64] = "";
    n = fread(back, 1, sizeof back - 1, f);
    back[n] = 0;
    fclose(f);
    cr_expect_str_eq(back, "the previous version", "the previous PDF was touched");
    cr_expect_eq(count_entries(dir), 2, "a temporary file was left beside cards.pdf (and ro/)");
    /* usage */
    cr_expect_eq(td_run("print game-data/example-minimal --lang en", &out), 2, "%s", out);
    cr_expect(strstr(out, "--out FILE.pdf") != NULL, "%s", out);
    free(out);
    cr_expect_eq(td_run("print game-data/example-minimal --out x.pdf --paper a3", &out), 2, "%s", out);
    cr_expect(strstr(out, "--paper: 'a3' (a4 or letter)") != NULL, "%s", out);
    free(out);
    cr_expect_eq(td_run("print game-data/example-minimal game-data/achats-durables --out x.pdf", &out), 2, "%s", out);
    cr_expect(strstr(out, "one package at a time") != NULL, "%s", out);
    free(out);
    cr_expect_eq(td_run("print --help", &out), 0, "%s", out);
    free(out);
    td_rm_tree(dir);
    free(dir);
}
