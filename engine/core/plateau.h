/* plateau.h -- the whole public API of the rules core in one include */
#ifndef PLATEAU_H
#define PLATEAU_H

#define PLATEAU_VERSION "0.1.0"

#include "pl_limits.h"
#include "ruleset.h"
#include "state.h"
#include "rules.h"
#include "rng.h"
#include "bot.h"

#endif
