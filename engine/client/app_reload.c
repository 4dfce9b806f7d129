/* app_reload.c -- live reload for designers (--watch): a saved package is loaded again; valid, the table starts
 * again on its seed with the moves still legal; broken, its errors are shown and play goes on with the last good one */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/session_local.h"
#include "data/package.h"

void pc_app_reload(pc_app_t *a)
{
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(a->game_dir, &d);
    if (!rs) { /* a half-written file, a mistake: the errors on screen, the game goes on */
        size_t used = (size_t)snprintf(a->watch_err, sizeof a->watch_err, "%s", "");
        for (size_t i = 0; i < d.n && i < 5 && used + 1 < sizeof a->watch_err; i++) {
            const char *file = d.items[i].file ? strrchr(d.items[i].file, '/') : NULL;
            int w = snprintf(a->watch_err + used, sizeof a->watch_err - used, "%s%s:%u: %s", used ? "\n" : "",
                             file ? file + 1 : d.items[i].file ? d.items[i].file : "", d.items[i].line,
                             d.items[i].msg ? d.items[i].msg : "");
            if (w > 0)
                used += (size_t)w < sizeof a->watch_err - used ? (size_t)w : sizeof a->watch_err - used - 1;
        }
        if (d.n > 5 && used + 1 < sizeof a->watch_err)
            snprintf(a->watch_err + used, sizeof a->watch_err - used, pt_ntr(a->lang, "\n… and %zu more error",
                                                                             "\n… and %zu more errors", d.n - 5),
                     d.n - 5);
        pl_diags_free(&d);
        a->dirty = 1;
        return;
    }
    pl_diags_free(&d);
    char hash[65];
    char herr[200];
    if (pl_package_hash(a->game_dir, hash, herr, sizeof herr) != 0)
        hash[0] = 0;
    a->watch_err[0] = 0;
    a->reloads++;
    pc_session_t *old = a->session;
    if (old && old->kind == PC_SESSION_LOCAL) {
        pc_local_opts_t lo;
        memset(&lo, 0, sizeof lo);
        lo.rs = rs;
        lo.package_hash = hash;
        lo.lang = a->lang;
        lo.bot_delay_ms = a->opt.bot_delay_ms;
        lo.turn_timer_s = a->opt.turn_timer_s;
        lo.vote_timer_s = a->opt.vote_timer_s;
        lo.save_path = a->save_path[0] && hash[0] ? a->save_path : NULL;
        size_t kept = 0;
        char err[300];
        pc_session_t *s = pc_session_local_reload(old, &lo, &kept, err, sizeof err);
        if (!s) {
            snprintf(a->watch_err, sizeof a->watch_err, "%s", err);
            pl_ruleset_destroy(rs);
            a->dirty = 1;
            return;
        }
        a->session = s;
        pc_session_destroy(old);
        a->scr.detail_card = PL_NO_CARD;
        a->scr.curtain_seat = -1;
        a->scr.summary_seat = -1;
        /* the timeline's newest line says how many moves the new version took */
        const pc_log_line_t *l = pc_session_log(s, 0);
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", l ? l->text[a->lang] : "");
        (void)kept;
    }
    pl_ruleset_destroy(a->rs); /* nothing refers to the old rules any more */
    a->rs = rs;
    memcpy(a->game_hash, hash, sizeof a->game_hash);
    pc_gfx_flush(&a->gfx); /* texts and icons of the new version */
    a->dirty = 1;
}

/* the errors of a package saved broken, over whatever screen: the game goes on meanwhile */
void pc_reload_banner(pc_app_t *a)
{
    if (!a->watch_err[0])
        return;
    pc_gfx_t *g = &a->gfx;
    float w = 760, lines = 1;
    for (const char *p = a->watch_err; *p; p++)
        lines += *p == '\n';
    float h = 46 + lines * 16 + 10;
    float x = 640 - w / 2, y = 716 - h;
    pc_round(g, x + 3, y + 4, w, h, 10, pc_alpha(pc_rgb(0x000000u), 110));
    pc_round(g, x, y, w, h, 10, pc_rgb(PC_PAPER));
    pc_round(g, x, y, 6, h, 3, pc_rgb(PC_DANGER));
    pc_text(g, x + 18, y + 18, 13, pc_rgb(PC_DANGER), PC_T_BOLD | PC_T_MIDDLE,
            _("The saved package does not load: the game goes on with the last good version."));
    char line[400];
    const char *p = a->watch_err;
    float ly = y + 40;
    while (*p) {
        size_t n = strcspn(p, "\n");
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line - 1 ? n : sizeof line - 1), p);
        pc_text_clip(g, x + 18, ly, 11.5f, pc_rgb(PC_PAPER_INK), PC_T_MIDDLE, line, w - 36);
        ly += 16;
        p += n;
        if (*p == '\n')
            p++;
    }
}
