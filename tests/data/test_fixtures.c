/* test_fixtures.c -- bad packages under tests/fixtures/ fail with their expected file:line errors */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "plateau.h"
#include "util.h"

#define FIXTURES "tests/fixtures"

/* Loads dir (must fail) and checks every "file:line: substring" of its expected.txt;
 * returns the number of expectations checked. */
static int check_fixture(const char *name)
{
    if (!strncmp(name, "warn-", 5) || !strncmp(name, "diff-", 5))
        return 0; /* valid packages: their own tests below */
    char dir[512], exp[600];
    snprintf(dir, sizeof dir, FIXTURES "/%s", name);
    snprintf(exp, sizeof exp, "%s/expected.txt", dir);
    char *want = read_text(exp, NULL);
    if (!want)
        return 0;
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    cr_expect_null(rs, "%s: a bad package loaded", name);
    pl_ruleset_destroy(rs);
    char *got = diags_text(&d);
    int n = 0;
    char *save = NULL;
    for (char *l = strtok_r(want, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (l[0] == '#' || !l[0])
            continue;
        char file[256];
        unsigned line;
        int off = 0;
        if (sscanf(l, "%255[^:]:%u: %n", file, &line, &off) != 2 || !off) {
            cr_expect(0, "%s: bad expected.txt line '%s'", name, l);
            continue;
        }
        n++;
        cr_expect(find_diag(&d, dir, file, line, l + off) >= 0,
                  "%s: expected '%s:%u: %s', got:\n%s", name, file, line, l + off, got ? got : "");
    }
    cr_expect(n > 0, "%s: expected.txt lists no error", name);
    free(got);
    free(want);
    pl_diags_free(&d);
    return n;
}

Test(fixtures, each_bad_package_reports_its_expected_errors)
{
    DIR *dp = opendir(FIXTURES);
    cr_assert(dp, "no " FIXTURES " folder (tests run from the repository root)");
    struct dirent *e;
    int fixtures = 0;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (check_fixture(e->d_name))
            fixtures++;
    }
    closedir(dp);
    cr_expect(fixtures >= 10, "only %d fixtures found", fixtures);
}

/* the kinds of bad input the issue names must each have a fixture */
Test(fixtures, required_kinds_are_present)
{
    static const char *const kinds[] = { "malformed-xml", "schema-game", "schema-deck", "dangling-refs",
                                         "missing-translation", "billion-laughs", "xxe-local-file",
                                         "invalid-utf8", "unreachable-phase", "deck-path-escape",
                                         "many-errors", "dozen-mistakes", "schema-words", "xml-words",
                                         "warn-unnamed-file", "warn-never-drawn", "warn-never-holds",
                                         "warn-no-impact", "warn-never-landed", "warn-scored-hidden",
                                         "warn-fit-name", "warn-fit-text", "warn-fit-cost", "warn-fit-option",
                                         "warn-fit-tag" };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        char p[256];
        snprintf(p, sizeof p, FIXTURES "/%s/expected.txt", kinds[i]);
        cr_expect(access(p, R_OK) == 0, "missing fixture %s", p);
    }
}

Test(fixtures, every_error_of_a_package_is_collected)
{
    pl_diags_t d;
    pl_diags_init(&d);
    cr_expect_null(pl_package_load(FIXTURES "/many-errors", &d));
    int in_game = 0, in_deck = 0;
    for (size_t i = 0; i < d.n; i++) {
        in_game += strstr(d.items[i].file, "/game.xml") != NULL;
        in_deck += strstr(d.items[i].file, "/actions.xml") != NULL;
    }
    cr_expect(in_game >= 2 && in_deck >= 2, "errors of both files expected: %d in game.xml, %d in actions.xml",
              in_game, in_deck);
    pl_diags_free(&d);
}

/* A dozen kinds of mistakes in three files: all reported in one load, no more (no cascade, no
 * repeat), sorted by file (game.xml first) then line. */
Test(fixtures, a_dozen_kinds_of_mistakes_in_one_run)
{
    pl_diags_t d;
    pl_diags_init(&d);
    cr_expect_null(pl_package_load(FIXTURES "/dozen-mistakes", &d));
    char *txt = diags_text(&d);
    cr_expect_eq(d.n, 18, "expected the 18 errors of expected.txt and nothing else, got:\n%s", txt);
    const char *order[] = { "/game.xml", "/actions.xml", "/events.xml" };
    int file = 0;
    unsigned line = 0;
    for (size_t i = 0; i < d.n; i++) {
        cr_expect_eq(d.items[i].level, PL_DIAG_ERROR);
        while (file < 3 && !strstr(d.items[i].file, order[file]))
            file++, line = 0;
        cr_expect(file < 3, "%s is out of the file order game.xml, actions.xml, events.xml:\n%s", d.items[i].file, txt);
        cr_expect(d.items[i].line >= line, "not sorted by line:\n%s", txt);
        line = d.items[i].line;
    }
    free(txt);
    pl_diags_free(&d);
}

/* Valid packages with one kind of warning each: they load, with the warnings of expected.txt
 * when asked for, and with nothing at all for the client and the server. */
static int check_warnings(const char *name)
{
    char dir[512], exp[600];
    snprintf(dir, sizeof dir, FIXTURES "/%s", name);
    snprintf(exp, sizeof exp, "%s/expected.txt", dir);
    char *want = read_text(exp, NULL);
    cr_assert(want, "%s: no expected.txt", name);
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    cr_expect(rs != NULL && d.n == 0, "%s: the package must load without a word for the client and server", name);
    pl_ruleset_destroy(rs);
    pl_diags_free(&d);
    pl_diags_init(&d);
    rs = pl_package_load_ex(dir, PL_LOAD_WARNINGS, &d);
    cr_expect(rs != NULL, "%s: warnings must not make the load fail", name);
    pl_ruleset_destroy(rs);
    char *got = diags_text(&d);
    int n = 0;
    char *save = NULL;
    for (char *l = strtok_r(want, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (l[0] == '#' || !l[0])
            continue;
        char file[256];
        unsigned line;
        int off = 0;
        if (sscanf(l, "%255[^:]:%u: %n", file, &line, &off) != 2 || !off)
            continue;
        n++;
        int k = find_diag(&d, dir, file, line, l + off);
        cr_expect(k >= 0 && d.items[k].level == PL_DIAG_WARNING, "%s: expected the warning '%s:%u: %s', got:\n%s", name,
                  file, line, l + off, got ? got : "");
    }
    cr_expect_eq((size_t)n, d.n, "%s: %d warnings expected, %zu reported:\n%s", name, n, d.n, got ? got : "");
    free(got);
    free(want);
    pl_diags_free(&d);
    return n;
}

Test(fixtures, each_warning_has_its_fixture)
{
    static const char *const warn[] = { "warn-unnamed-file", "warn-never-drawn", "warn-never-holds", "warn-no-impact",
                                        "warn-never-landed", "warn-scored-hidden" };
    for (size_t i = 0; i < sizeof warn / sizeof *warn; i++)
        cr_expect(check_warnings(warn[i]) > 0, "%s: no warning checked", warn[i]);
}

#ifndef DECK_BIN
#define DECK_BIN "build/plateau-deck"
#endif

/* Runs `plateau-deck validate --lang en args` (stderr and stdout together); returns its exit status and its output
 * (malloc'd). */
static int deck_validate(const char *args, char **out)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s validate --lang en %s 2>&1", DECK_BIN, args);
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

/* The text-fit warnings are measured with the client's fonts by plateau-deck (the loader knows no font): each
 * fixture gives exactly the warnings of its expected.txt through the command, and none from the loader. */
static int check_fit_warnings(const char *name)
{
    char dir[512], exp[600];
    snprintf(dir, sizeof dir, FIXTURES "/%s", name);
    snprintf(exp, sizeof exp, "%s/expected.txt", dir);
    char *want = read_text(exp, NULL);
    cr_assert(want, "%s: no expected.txt", name);
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load_ex(dir, PL_LOAD_WARNINGS, &d);
    cr_expect(rs != NULL && d.n == 0, "%s: the loader itself must find nothing to say", name);
    pl_ruleset_destroy(rs);
    pl_diags_free(&d);
    char *out;
    int st = deck_validate(dir, &out);
    cr_expect_eq(st, 0, "%s: warnings alone must not fail validate:\n%s", name, out);
    int n = 0, got = 0;
    char *save = NULL;
    for (char *l = strtok_r(want, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char file[256];
        unsigned line;
        int off = 0;
        if (l[0] == '#' || sscanf(l, "%255[^:]:%u: %n", file, &line, &off) != 2 || !off)
            continue;
        n++;
        char head[900];
        snprintf(head, sizeof head, "%s/%s:%u: warning: ", dir, file, line);
        int found = 0;
        for (const char *p = strstr(out, head); p && !found; p = strstr(p + 1, head)) {
            const char *eol = strchr(p, '\n');
            const char *m = strstr(p, l + off);
            found = m && (!eol || m < eol);
        }
        cr_expect(found, "%s: expected the warning '%s%s', got:\n%s", name, head, l + off, out);
    }
    for (const char *p = strstr(out, ": warning: "); p; p = strstr(p + 1, ": warning: "))
        got++;
    cr_expect_eq(got, n, "%s: %d warnings expected, %d given:\n%s", name, n, got, out);
    free(out);
    free(want);
    return n;
}

Test(fixtures, each_text_fit_warning_has_its_fixture, .timeout = 60)
{
    static const char *const warn[] = { "warn-fit-name", "warn-fit-text", "warn-fit-cost", "warn-fit-option",
                                        "warn-fit-tag" };
    for (size_t i = 0; i < sizeof warn / sizeof *warn; i++)
        cr_expect(check_fit_warnings(warn[i]) > 0, "%s: no warning checked", warn[i]);
}

/* What players see of the shipped games fits its place on screen: validate --strict passes. */
Test(fixtures, shipped_packages_fit_the_client, .timeout = 60)
{
    char *out;
    int st = deck_validate("--strict game-data/achats-durables game-data/example-minimal", &out);
    cr_expect_eq(st, 0, "%s", out);
    cr_expect(strstr(out, "warning") == NULL, "%s", out);
    free(out);
}

Test(fixtures, shipped_packages_have_no_warning)
{
    char **names = NULL;
    int n = pl_package_list("game-data", &names);
    cr_assert(n >= 1);
    for (int i = 0; i < n; i++) {
        char dir[512];
        snprintf(dir, sizeof dir, "game-data/%s", names[i]);
        pl_diags_t d;
        pl_diags_init(&d);
        pl_ruleset_t *rs = pl_package_load_ex(dir, PL_LOAD_WARNINGS, &d);
        char *txt = diags_text(&d);
        cr_expect(rs && d.n == 0, "%s:\n%s", dir, txt);
        free(txt);
        pl_ruleset_destroy(rs);
        pl_diags_free(&d);
        free(names[i]);
    }
    free(names);
}

/* Warnings come once the errors are fixed: a broken package gets its errors only. */
Test(fixtures, no_warning_while_there_are_errors)
{
    pl_diags_t d;
    pl_diags_init(&d);
    cr_expect_null(pl_package_load_ex(FIXTURES "/dozen-mistakes", PL_LOAD_WARNINGS, &d));
    cr_expect_eq(pl_diags_count(&d, 0, PL_DIAG_WARNING), 0);
    cr_expect_eq(pl_diags_count(&d, 0, PL_DIAG_ERROR), 18);
    pl_diags_free(&d);
}

Test(fixtures, external_entity_never_leaks_a_local_file)
{
    /* the first line of /etc/passwd must not appear in any message */
    char *pw = read_text("/etc/passwd", NULL);
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(FIXTURES "/xxe-local-file", &d);
    cr_expect_null(rs);
    pl_ruleset_destroy(rs);
    cr_expect(d.n >= 1);
    if (pw) {
        char *nl = strchr(pw, '\n');
        if (nl)
            *nl = '\0';
        char *txt = diags_text(&d);
        cr_expect(strstr(txt, pw) == NULL, "contents of /etc/passwd leaked:\n%s", txt);
        cr_expect(strstr(txt, "root:") == NULL, "contents of /etc/passwd leaked:\n%s", txt);
        free(txt);
    }
    free(pw);
    pl_diags_free(&d);
}

Test(fixtures, entity_expansion_is_refused_at_once, .timeout = 10)
{
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    pl_diags_t d;
    pl_diags_init(&d);
    cr_expect_null(pl_package_load(FIXTURES "/billion-laughs", &d));
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    cr_expect(s < 1.0, "refusing the billion laughs took %.2f s", s);
    for (size_t i = 0; i < d.n; i++)
        cr_expect(strstr(d.items[i].msg, "lollollol") == NULL, "an entity was expanded");
    pl_diags_free(&d);
}

/* a package folder made from the template, in a temporary folder */
static char *template_copy(void)
{
    char *dir = tmp_dir();
    cr_assert(dir);
    char p[600];
    snprintf(p, sizeof p, "%s/game.xml", dir);
    cr_assert(copy_file(BASE_PKG "/game.xml", p) == 0);
    snprintf(p, sizeof p, "%s/actions.xml", dir);
    cr_assert(copy_file(BASE_PKG "/actions.xml", p) == 0);
    return dir;
}

Test(fixtures, oversized_file_is_refused_before_reading)
{
    char *dir = template_copy();
    char p[600];
    snprintf(p, sizeof p, "%s/actions.xml", dir);
    /* a well-formed deck file just past 8 MiB: a long comment */
    size_t n = PL_PACKAGE_MAX_FILE + 16;
    char *big = malloc(n);
    cr_assert(big);
    const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!--";
    memcpy(big, head, strlen(head));
    memset(big + strlen(head), 'x', n - strlen(head));
    memcpy(big + n - 3, "-->", 3);
    cr_assert(write_text(p, big, n) == 0);
    free(big);
    pl_diags_t d;
    pl_diags_init(&d);
    cr_expect_null(pl_package_load(dir, &d));
    cr_expect(find_diag(&d, dir, "actions.xml", 0, "file too large") >= 0, "no 'file too large' error");
    pl_diags_free(&d);
    rm_tree(dir);
    free(dir);
}

Test(fixtures, deck_file_symlink_out_of_the_folder_is_refused)
{
    char *dir = template_copy();
    char *outside = tmp_dir();
    char p[600], q[600];
    snprintf(q, sizeof q, "%s/actions.xml", outside);
    cr_assert(copy_file(BASE_PKG "/actions.xml", q) == 0);
    snprintf(p, sizeof p, "%s/actions.xml", dir);
    unlink(p);
    cr_assert(symlink(q, p) == 0);
    pl_diags_t d;
    pl_diags_init(&d);
    cr_expect_null(pl_package_load(dir, &d));
    char *txt = diags_text(&d);
    cr_expect(strstr(txt, "outside the package folder") != NULL, "symlink not refused:\n%s", txt);
    free(txt);
    pl_diags_free(&d);
    rm_tree(dir);
    rm_tree(outside);
    free(dir);
    free(outside);
}

Test(fixtures, a_fifo_or_folder_named_as_a_deck_does_not_block)
{
    char *dir = template_copy();
    char p[600];
    snprintf(p, sizeof p, "%s/actions.xml", dir);
    unlink(p);
    cr_assert(mkfifo(p, 0600) == 0);
    pl_diags_t d;
    pl_diags_init(&d);
    cr_expect_null(pl_package_load(dir, &d));
    cr_expect(find_diag(&d, dir, "actions.xml", 0, "not a regular file") >= 0);
    pl_diags_free(&d);
    rm_tree(dir);
    free(dir);
}

/* replace the first occurrence of from by to in file path */
static void patch(const char *path, const char *from, const char *to)
{
    size_t n;
    char *s = read_text(path, &n);
    cr_assert(s);
    char *at = strstr(s, from);
    cr_assert(at, "'%s' not in %s", from, path);
    size_t out_n = n - strlen(from) + strlen(to);
    char *out = malloc(out_n + 1);
    cr_assert(out);
    size_t pre = (size_t)(at - s);
    memcpy(out, s, pre);
    memcpy(out + pre, to, strlen(to));
    memcpy(out + pre + strlen(to), at + strlen(from), n - pre - strlen(from));
    cr_assert(write_text(path, out, out_n) == 0);
    free(out);
    free(s);
}

Test(fixtures, doctype_words_in_comments_and_cdata_are_not_refused)
{
    char *dir = template_copy();
    char p[600];
    snprintf(p, sizeof p, "%s/actions.xml", dir);
    patch(p, "<name xml:lang=\"fr\">Clause verte</name>",
          "<!-- <!DOCTYPE is only a word here --><name xml:lang=\"fr\"><![CDATA[Clause <!DOCTYPE> verte]]></name>");
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    char *txt = diags_text(&d);
    cr_assert(rs, "refused:\n%s", txt);
    cr_expect_str_eq(pl_text(&rs->cards[pl_ruleset_card(rs, "a1")].name, PL_LANG_FR), "Clause <!DOCTYPE> verte");
    free(txt);
    pl_ruleset_destroy(rs);
    pl_diags_free(&d);
    rm_tree(dir);
    free(dir);
}

Test(fixtures, duplicate_ids_and_bad_bounds_are_reported)
{
    char *dir = template_copy();
    char p[600];
    snprintf(p, sizeof p, "%s/actions.xml", dir);
    patch(p, "<card id=\"a2\"", "<card id=\"a1\"");
    snprintf(p, sizeof p, "%s/game.xml", dir);
    patch(p, "<counter id=\"env\" min=\"0\" max=\"10\" start=\"1\">", "<counter id=\"env\" min=\"5\" max=\"10\" start=\"1\">");
    patch(p, "<space id=\"s2\"", "<space id=\"s1\"");
    pl_diags_t d;
    pl_diags_init(&d);
    cr_expect_null(pl_package_load(dir, &d));
    char *txt = diags_text(&d);
    cr_expect(strstr(txt, "card id 'a1' is already used") != NULL, "%s", txt);
    cr_expect(strstr(txt, "space id 's1' is already used") != NULL, "%s", txt);
    cr_expect(strstr(txt, "need min <= start <= max") != NULL, "%s", txt);
    free(txt);
    pl_diags_free(&d);
    rm_tree(dir);
    free(dir);
}

Test(fixtures, a_flood_of_errors_is_capped)
{
    char *dir = template_copy();
    char p[600];
    snprintf(p, sizeof p, "%s/actions.xml", dir);
    /* 1,200 cards, each naming a counter that does not exist */
    size_t cap = 400000, n = 0;
    char *s = malloc(cap);
    cr_assert(s);
    n += (size_t)snprintf(s + n, cap - n, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<deck xmlns=\"urn:plateau:game:1\" id=\"actions\" kind=\"action\">\n"
                                          "<name xml:lang=\"fr\">A</name><name xml:lang=\"en\">A</name>\n");
    for (int i = 0; i < 1200; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              "<card id=\"c%d\"><name xml:lang=\"fr\">c</name><name xml:lang=\"en\">c</name>"
                              "<effects><counter ref=\"nope\" amount=\"1\"/></effects></card>\n", i);
    n += (size_t)snprintf(s + n, cap - n, "</deck>\n");
    cr_assert(n < cap);
    cr_assert(write_text(p, s, n) == 0);
    free(s);
    pl_diags_t d;
    pl_diags_init(&d);
    cr_expect_null(pl_package_load(dir, &d));
    cr_expect_eq(d.n, PL_PACKAGE_MAX_DIAGS + 1);
    cr_expect(strstr(d.items[d.n - 1].msg, "too many errors") != NULL);
    cr_expect(find_diag(&d, dir, "actions.xml", 4, "unknown counter 'nope'") >= 0);
    pl_diags_free(&d);
    rm_tree(dir);
    free(dir);
}
