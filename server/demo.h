/* demo.h -- the built-in "demo" game, shared by plateau-server and plateau-bot */
#ifndef SRV_DEMO_H
#define SRV_DEMO_H

#include "plateau.h"

/* A new ruleset for the demo game (the caller frees it with pl_ruleset_destroy), NULL when out
 * of memory. Its package id on the wire is "demo". */
pl_ruleset_t *srv_demo_ruleset(void);

#endif
