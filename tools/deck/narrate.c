/* narrate.c -- `simulate --verbose`: one bot game told move by move with engine/text's narration */
#include <stdio.h>
#include <stdlib.h>
#include "simulate.h"
#include "text/text.h"

static const char *move_fr(int type)
{
    switch (type) {
    case PL_MOVE_PLAY: return "joue";
    case PL_MOVE_ROLL: return "lance le dé";
    case PL_MOVE_CHOOSE: return "choisit l'option";
    case PL_MOVE_VOTE: return "vote pour l'option";
    case PL_MOVE_TIMEOUT: return "temps écoulé";
    default: return "?";
    }
}

static void say_move(const pl_ruleset_t *rs, const sim_opts_t *o, int spec, const pl_move_t *mv)
{
    printf("  > %s %d (%s): %s", o->lang == PL_LANG_FR ? "équipe" : "team", mv->seat + 1, o->spec[spec].name,
           o->lang == PL_LANG_FR ? move_fr(mv->type) : pl_move_name(mv->type));
    if (mv->type == PL_MOVE_PLAY && mv->arg < rs->n_cards)
        printf(" « %s »", pl_text(&rs->cards[mv->arg].name, o->lang));
    else if (mv->type == PL_MOVE_CHOOSE || mv->type == PL_MOVE_VOTE)
        printf(" %d", mv->arg + 1);
    printf("\n");
}

int sim_narrate(const pl_ruleset_t *rs, const sim_opts_t *o, int seats)
{
    pl_state_t *st = malloc(sizeof *st), *view = malloc(sizeof *view), *before = malloc(sizeof *before);
    pl_events_t *ev = malloc(sizeof *ev);
    int status = 1;
    if (!st || !view || !ev || !before)
        goto cleanup;
    pl_error_t err = { 0 };
    if (pl_state_init(rs, st, seats, o->seed, &err) != PL_OK) {
        fprintf(stderr, "plateau-deck simulate: cannot set up the table: %s\n", err.msg);
        goto cleanup;
    }
    pl_bot_t bots[PL_MAX_SEATS];
    int spec[PL_MAX_SEATS];
    printf("%s « %s », %d %s, %s %llu\n", o->lang == PL_LANG_FR ? "Partie" : "Game", pl_text(&rs->title, o->lang),
           seats, o->lang == PL_LANG_FR ? "équipes" : "teams",
           o->lang == PL_LANG_FR ? "graine" : "seed", (unsigned long long)o->seed);
    for (int s = 0; s < seats; s++) {
        spec[s] = sim_spec_of(o, seats, 0, s);
        sim_bot(o, spec[s], o->seed, s, &bots[s]);
        printf("  %s %d: %s\n", o->lang == PL_LANG_FR ? "équipe" : "team", s + 1, o->spec[spec[s]].name);
    }
    char buf[512];
    for (uint32_t k = 0; k < 100000 && st->wait != PL_WAIT_OVER; k++) {
        int seat = pl_next_actor(st);
        if (seat < 0)
            break;
        pl_view(rs, st, seat, view); /* the bot sees what its seat may see */
        pl_move_t mv;
        if (!pl_bot_move(rs, view, seat, &bots[seat], &mv))
            break;
        say_move(rs, o, spec[seat], &mv);
        *before = *st;
        int r = pl_apply(rs, st, &mv, ev, &err);
        if (r != PL_OK) {
            fprintf(stderr, "plateau-deck simulate: move refused (%s): %s\n", pl_reason_name(r), err.msg);
            goto cleanup;
        }
        for (int i = 0; i < ev->n; i++) {
            pt_ctx_t x = { rs, before, { 0 }, o->lang };
            if (pt_event(&x, &ev->ev[i], buf, sizeof buf))
                printf("    %s\n", buf);
        }
        if (ev->dropped)
            printf("    (+%d)\n", ev->dropped);
    }
    printf("%s\n", o->lang == PL_LANG_FR ? "Scores :" : "Scores:");
    for (int s = 0; s < seats; s++)
        printf("  %s %d (%s): %d%s\n", o->lang == PL_LANG_FR ? "équipe" : "team", s + 1, o->spec[spec[s]].name,
               st->score[s], st->winners & (1u << s) ? (o->lang == PL_LANG_FR ? "  gagnant" : "  winner") : "");
    printf("\n");
    status = 0;
cleanup:
    free(st);
    free(view);
    free(before);
    free(ev);
    return status;
}
