/* pl_limits.h -- fixed capacities of the rules core (state is a flat, copyable struct) */
#ifndef PL_LIMITS_H
#define PL_LIMITS_H

#define PL_MAX_SEATS          8    /* seats (teams) at a table */
#define PL_MAX_COUNTERS       16   /* per-seat counters in a ruleset */
#define PL_MAX_TABLE_COUNTERS 8    /* table-wide counters */
#define PL_MAX_TOKENS         8    /* token kinds */
#define PL_MAX_DECKS          16   /* decks in a ruleset */
#define PL_MAX_TAGS           32   /* card tags with a label */
#define PL_MAX_CARDS          1024 /* cards a playable ruleset may hold (the loader accepts more) */
#define PL_MAX_PHASES         16   /* phases on the board */
#define PL_MAX_SPACES         160  /* spaces on the board */
#define PL_MAX_NEXT           3    /* branches leaving one space */
#define PL_MAX_HAND           12   /* cards in one hand */
#define PL_MAX_OPTIONS        6    /* options of one choice or vote */
#define PL_MAX_DELAYED        64   /* delayed effects waiting at once */
#define PL_MAX_PLAYED         512  /* cards remembered as played (the mire) */
#define PL_MAX_VOTE_LOG       128  /* votes remembered (the collective opinion) */
#define PL_MAX_STACK          16   /* nesting of effect lists being resolved */
#define PL_MAX_DICE           4    /* dice rolled at once */
#define PL_MAX_EVENTS         256  /* events one apply() can report */
#define PL_MAX_REVEAL_DEPTH   4    /* a revealed card revealing cards... */

#define PL_NO_CARD   0xFFFFu
#define PL_NO_SPACE  0xFFu

#endif
