/* describe.c -- stable names of moves, events and refusal reasons (the words players read are in engine/text) */
#include <stdio.h>
#include <string.h>
#include "rules.h"

static const char *const move_names[PL_MOVE__COUNT] = { "?",     "play",   "roll",  "choose", "vote",
                                                         "timeout", "pause", "reveal", "place", "end" };

const char *pl_move_name(int t) { return t > 0 && t < PL_MOVE__COUNT ? move_names[t] : "?"; }

int pl_move_from_name(const char *s)
{
    for (int i = 1; s && i < PL_MOVE__COUNT; i++)
        if (strcmp(move_names[i], s) == 0)
            return i;
    return -1;
}

static const char *const event_names[PL_EV__COUNT] = {
    "?", "turn", "skipped", "played", "paid", "counter", "token", "rolled", "moved", "drew", "discarded",
    "revealed", "shuffled", "choice", "branch", "chose", "vote_open", "voted", "vote_result", "delayed",
    "delay_fired", "skip_set", "finished", "timeout", "game_over", "paused", "ended",
};

const char *pl_event_name(int t) { return t > 0 && t < PL_EV__COUNT ? event_names[t] : "?"; }

static const char *const reasons[PL_ERR__COUNT] = {
    "ok", "bad_move", "bad_seat", "game_over", "not_your_turn", "waiting", "nothing_pending", "not_in_hand",
    "card_limit", "cannot_afford", "condition", "wrong_phase", "bad_option", "not_voter", "already_voted", "setup",
    "paused",
};

const char *pl_reason_name(int code) { return code >= 0 && code < PL_ERR__COUNT ? reasons[code] : "unknown"; }
