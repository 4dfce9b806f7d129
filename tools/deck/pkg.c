/* pkg.c -- opening a package for preview and print: its errors as validate prints them, an output folder made ready */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "deck.h"

pl_ruleset_t *deck_open_package(const char *path)
{
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(path, &d);
    if (!rs) {
        deck_print_diags(&d, stderr);
        size_t errors = pl_diags_count(&d, 0, PL_DIAG_ERROR);
        fprintf(stderr, pt_ntr(deck_lang(), "%s: %zu error%s\n", "%s: %zu errors%s\n", errors), path, errors, "");
    }
    pl_diags_free(&d);
    return rs;
}

int deck_ready_folder(const char *dir, char *err, size_t errlen)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf) {
        snprintf(err, errlen, "%s", strerror(ENAMETOOLONG));
        return -1;
    }
    /* each missing folder of the path, as mkdir -p */
    for (char *p = buf + 1; ; p++) {
        if (*p != '/' && *p)
            continue;
        char c = *p;
        *p = 0;
        if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
            snprintf(err, errlen, "%s", strerror(errno));
            return -1;
        }
        *p = c;
        if (!c)
            break;
    }
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        snprintf(err, errlen, "%s", _("not a folder"));
        return -1;
    }
    if (access(dir, W_OK | X_OK) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    return 0;
}
