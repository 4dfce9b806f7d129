/* describe.c -- names and readable French/English texts of moves, events and refusal reasons */
#include <stdio.h>
#include <string.h>
#include "rules.h"

static const char *const move_names[PL_MOVE__COUNT] = { "?", "play", "roll", "choose", "vote", "timeout" };

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
    "delay_fired", "skip_set", "finished", "timeout", "game_over",
};

const char *pl_event_name(int t) { return t > 0 && t < PL_EV__COUNT ? event_names[t] : "?"; }

static const char *const reasons[PL_ERR__COUNT][3] = {
    { "ok", "C'est accepté.", "Accepted." },
    { "bad_move", "Ce coup n'existe pas.", "That move does not exist." },
    { "bad_seat", "Cette place n'existe pas.", "That seat does not exist." },
    { "game_over", "La partie est terminée.", "The game is over." },
    { "not_your_turn", "Ce n'est pas votre tour.", "It is not your turn." },
    { "waiting", "Un choix ou un vote doit d'abord être tranché.", "A choice or a vote must be settled first." },
    { "nothing_pending", "Il n'y a rien à choisir ni à voter.", "There is nothing to choose or vote on." },
    { "not_in_hand", "Cette carte n'est pas dans votre main.", "That card is not in your hand." },
    { "card_limit", "Vous avez déjà joué vos cartes de ce tour.", "You have already played your cards this turn." },
    { "cannot_afford", "Budget ou calendrier insuffisant pour cette carte.", "Not enough budget or time for this card." },
    { "condition", "Une condition de réalisation manque pour cette carte.", "A condition this card needs is missing." },
    { "wrong_phase", "Cette carte se joue dans une autre phase.", "This card belongs to another phase." },
    { "bad_option", "Cette option n'existe pas.", "That option does not exist." },
    { "not_voter", "Votre équipe ne vote pas sur cette question.", "Your team does not vote on this question." },
    { "already_voted", "Votre équipe a déjà voté.", "Your team has already voted." },
    { "setup", "La table ne peut pas être préparée ainsi.", "The table cannot be set up that way." },
};

const char *pl_reason_name(int code) { return code >= 0 && code < PL_ERR__COUNT ? reasons[code][0] : "unknown"; }

const char *pl_reason_text(int code, int lang)
{
    if (code < 0 || code >= PL_ERR__COUNT)
        return lang == PL_LANG_EN ? "Refused." : "Refusé.";
    return reasons[code][lang == PL_LANG_EN ? 2 : 1];
}

static const char *card_name(const pl_ruleset_t *rs, int card, int lang)
{
    if (card < 0 || (uint32_t)card >= rs->n_cards)
        return lang == PL_LANG_EN ? "a card" : "une carte";
    return pl_text(&rs->cards[card].name, lang);
}

static const char *space_name(const pl_ruleset_t *rs, int space, int lang)
{
    if (space < 0 || space >= rs->n_spaces)
        return "?";
    return pl_text(&rs->spaces[space].name, lang);
}

int pl_event_describe(const pl_ruleset_t *rs, const pl_event_t *ev, int lang, char *buf, size_t len)
{
    int en = lang == PL_LANG_EN;
    const char *team = en ? "Team" : "Équipe";
    int who = ev->seat + 1;
    const char *cn = card_name(rs, ev->card == PL_NO_CARD ? -1 : ev->card, lang);
    switch (ev->type) {
    case PL_EV_TURN:
        return snprintf(buf, len, en ? "Round %d: %s %d to play." : "Manche %d : à l'%s %d de jouer.", ev->a,
                        en ? team : "équipe", who);
    case PL_EV_SKIPPED:
        return snprintf(buf, len, en ? "%s %d misses this turn." : "L'%s %d passe son tour.", en ? team : "équipe", who);
    case PL_EV_PLAYED:
        return snprintf(buf, len, en ? "%s %d plays “%s”." : "%s %d joue « %s ».", team, who, cn);
    case PL_EV_PAID:
        return snprintf(buf, len, en ? "%s %d pays %d %s." : "%s %d paie %d %s.", team, who, ev->b,
                        (uint32_t)ev->a < rs->n_counters ? pl_text(&rs->counters[ev->a].name, lang) : "?");
    case PL_EV_COUNTER: {
        const pl_counter_t *k = ev->seat == 0xFF ? ((uint32_t)ev->a < rs->n_table_counters ? &rs->table_counters[ev->a] : NULL)
                                                 : ((uint32_t)ev->a < rs->n_counters ? &rs->counters[ev->a] : NULL);
        const char *name = k ? pl_text(&k->name, lang) : "?";
        if (ev->seat == 0xFF)
            return snprintf(buf, len, en ? "Region: %s %+d (now %d)." : "Région : %s %+d (désormais %d).", name, ev->b, ev->c);
        return snprintf(buf, len, en ? "%s %d: %s %+d (now %d)." : "%s %d : %s %+d (désormais %d).", team, who, name,
                        ev->b, ev->c);
    }
    case PL_EV_TOKEN:
        return snprintf(buf, len, en ? "%s %d: %s token %+d (now %d)." : "%s %d : jeton %s %+d (désormais %d).", team,
                        who, (uint32_t)ev->a < rs->n_tokens ? pl_text(&rs->tokens[ev->a].name, lang) : "?", ev->b, ev->c);
    case PL_EV_ROLLED:
        return snprintf(buf, len, en ? "%s %d rolls %d." : "%s %d lance le dé : %d.", team, who, ev->a);
    case PL_EV_MOVED:
        return snprintf(buf, len, en ? "%s %d moves to “%s”." : "%s %d avance jusqu'à « %s ».", team, who,
                        space_name(rs, ev->b, lang));
    case PL_EV_DREW:
        if (ev->card == PL_NO_CARD)
            return snprintf(buf, len, en ? "%s %d draws a card." : "%s %d pioche une carte.", team, who);
        return snprintf(buf, len, en ? "%s %d draws “%s”." : "%s %d pioche « %s ».", team, who, cn);
    case PL_EV_DISCARDED:
        return snprintf(buf, len, en ? "Hand full: “%s” is discarded." : "Main pleine : « %s » est défaussée.", cn);
    case PL_EV_REVEALED:
        return snprintf(buf, len, en ? "%s %d reveals “%s”." : "%s %d révèle « %s ».", team, who, cn);
    case PL_EV_SHUFFLED:
        return snprintf(buf, len, en ? "The %s deck is reshuffled." : "La pioche %s est remélangée.",
                        (uint32_t)ev->a < rs->n_decks ? pl_text(&rs->decks[ev->a].name, lang) : "?");
    case PL_EV_CHOICE:
        return snprintf(buf, len, en ? "%s %d must choose (%d options)." : "%s %d doit choisir (%d options).", team,
                        who, ev->a);
    case PL_EV_BRANCH:
        return snprintf(buf, len, en ? "%s %d reaches a fork at “%s” and picks a way." :
                                       "%s %d arrive à un embranchement (« %s ») et choisit sa voie.",
                        team, who, space_name(rs, ev->a, lang));
    case PL_EV_CHOSE:
        return snprintf(buf, len, en ? "%s %d chooses option %d." : "%s %d choisit l'option %d.", team, who, ev->a + 1);
    case PL_EV_VOTE_OPEN:
        if (ev->card == PL_NO_CARD)
            return snprintf(buf, len, en ? "%s %d opens a table vote: every team votes in secret." :
                                           "L'%s %d ouvre un vote de la table : chaque équipe vote en secret.",
                            en ? team : "équipe", who);
        return snprintf(buf, len, en ? "Vote on “%s”: every team votes in secret." :
                                       "Vote sur « %s » : chaque équipe vote en secret.", cn);
    case PL_EV_VOTED:
        if (ev->a < 0)
            return snprintf(buf, len, en ? "%s %d has voted." : "%s %d a voté.", team, who);
        return snprintf(buf, len, en ? "%s %d voted option %d." : "%s %d a voté l'option %d.", team, who, ev->a + 1);
    case PL_EV_VOTE_RESULT:
        if (ev->card == PL_NO_CARD)
            cn = en ? "the table's question" : "la question de la table";
        if (ev->a == 0xFF)
            return snprintf(buf, len, en ? "Vote on “%s”: a tie." : "Vote sur « %s » : égalité.", cn);
        return snprintf(buf, len, en ? "Vote on “%s”: option %d wins with %d vote(s)." :
                                       "Vote sur « %s » : l'option %d l'emporte avec %d voix.",
                        cn, ev->a + 1, ev->b);
    case PL_EV_DELAYED:
        return snprintf(buf, len, en ? "%s %d: the effects of “%s” will come in %d turn(s)." :
                                       "%s %d : les effets de « %s » arriveront dans %d tour(s).",
                        team, who, cn, ev->a);
    case PL_EV_DELAY_FIRED:
        return snprintf(buf, len, en ? "%s %d: the long-term effects of “%s” arrive." :
                                       "%s %d : les effets à long terme de « %s » arrivent.",
                        team, who, cn);
    case PL_EV_SKIP_SET:
        return snprintf(buf, len, en ? "%s %d will miss %d turn(s)." : "%s %d passera %d tour(s).", team, who, ev->a);
    case PL_EV_FINISHED:
        return snprintf(buf, len, en ? "%s %d completes the purchasing process!" :
                                       "%s %d termine le parcours d'achat !", team, who);
    case PL_EV_TIMEOUT:
        return snprintf(buf, len, en ? "%s %d ran out of time." : "%s %d a dépassé le temps imparti.", team, who);
    case PL_EV_GAME_OVER:
        return snprintf(buf, len, en ? "Game over after round %d (best score %d)." :
                                       "Fin de la partie après la manche %d (meilleur score %d).",
                        ev->c, ev->b);
    }
    return snprintf(buf, len, "?");
}
