/* buf.c -- plateau-report's growable text buffer, HTML escaping, errors, progress and small word helpers */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "report.h"

int rp_lang = PL_LANG_FR;
int rp_quiet;
char rp_err[2048];

int rp_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rp_err, sizeof rp_err, fmt, ap);
    va_end(ap);
    if (rp_lang == PL_LANG_FR) {
        char tmp[sizeof rp_err];
        pl_typo_fr(rp_err, tmp, sizeof tmp);
        memcpy(rp_err, tmp, sizeof tmp);
    }
    return -1;
}

void rp_progress(const char *fmt, ...)
{
    if (rp_quiet)
        return;
    char line[600], tmp[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (rp_lang == PL_LANG_FR)
        pl_typo_fr(line, tmp, sizeof tmp);
    else
        snprintf(tmp, sizeof tmp, "%s", line);
    fprintf(stderr, "plateau-report: %s\n", tmp);
}

static int reserve(rp_buf_t *b, size_t more)
{
    if (b->nomem)
        return -1;
    if (b->n + more + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + more + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->nomem = 1;
        return -1;
    }
    b->s = s;
    b->cap = cap;
    return 0;
}

void rp_putn(rp_buf_t *b, const char *s, size_t n)
{
    if (reserve(b, n) != 0)
        return;
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

void rp_put(rp_buf_t *b, const char *s)
{
    rp_putn(b, s, strlen(s));
}

void rp_printf(rp_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || reserve(b, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

void rp_esc(rp_buf_t *b, const char *s)
{
    const char *run = s;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: break;
        }
        if (rep) {
            rp_putn(b, run, (size_t)(s - run));
            rp_put(b, rep);
            run = s + 1;
        }
    }
    rp_putn(b, run, (size_t)(s - run));
}

void rp_buf_free(rp_buf_t *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

void rp_team(const pd_table_t *t, int seat, char *buf, size_t len)
{
    pd_team(t, seat, rp_lang, buf, len);
}

const char *rp_phase_name(const pl_ruleset_t *rs, int phase)
{
    return phase >= 0 && phase < rs->n_phases ? pl_text(&rs->phases[phase].name, rp_lang) : "";
}

void rp_date(int64_t when, char *buf, size_t len)
{
    static const char *const months[12] = { N_("January"), N_("February"), N_("March"), N_("April"),
                                            N_("May"), N_("June"), N_("July"), N_("August"),
                                            N_("September"), N_("October"), N_("November"), N_("December") };
    time_t t = (time_t)when;
    struct tm tm;
    if (when <= 0 || !localtime_r(&t, &tm)) {
        snprintf(buf, len, "%s", "");
        return;
    }
    /* TRANSLATORS: a date and time: day, month, year, hours, minutes */
    snprintf(buf, len, _("%1$d %2$s %3$d, %4$02d:%5$02d"), tm.tm_mday, _(months[tm.tm_mon]), tm.tm_year + 1900,
             tm.tm_hour, tm.tm_min);
}
