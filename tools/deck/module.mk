# tools/deck/module.mk -- plateau-deck, the designer CLI (validate, simulate, diff, preview, print) and its benchmark
DECK_SRC := $(wildcard tools/deck/*.c)
DECK_OBJ := $(DECK_SRC:%.c=$(BUILD)/obj/%.o)
DECK_BIN := $(BUILD)/plateau-deck
ALL += $(DECK_BIN)
PROGRAMS += $(DECK_BIN)
# validate's text fit and preview draw with the client's code (offscreen: no window, no display); print writes PDF
# with cairo and pango
DECK_PKGS := $(CLIENT_PKGS) cairo pangocairo

$(BUILD)/obj/tools/deck/%.o: MODCFLAGS += $(call pkgcflags,$(DECK_PKGS))

$(DECK_BIN): $(DECK_OBJ) $(CLIENT_LIB) $(CLIENT_DEPS) | $(BUILD)/locale/fr/LC_MESSAGES/plateau.mo
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(DECK_OBJ) $(CLIENT_LIB) $(CLIENT_DEPS) $(call pkglibs,$(DECK_PKGS)) -lpthread -lm

# a narrated bot game of the default package in the terminal
NARRATED_PKG = $(if $(wildcard game-data/achats-durables/game.xml),game-data/achats-durables,game-data/example-minimal)
.PHONY: run-narrated
run-narrated: $(DECK_BIN)
	$(DECK_BIN) simulate $(NARRATED_PKG) --games 1 --seed 1 --verbose

# benchmark: 10,000 games of the default package on one thread, then on every core
DECK_BENCH := $(BUILD)/bench/bench-simulate
BENCHES += $(DECK_BENCH)

$(DECK_BENCH): $(DECK_BIN) tools/deck/module.mk
	@mkdir -p $(dir $@)
	printf '#!/bin/sh\n# bench-simulate -- plateau-deck simulate: games/s on 1 thread and on every core (same report)\nfor t in 1 $$(nproc); do printf "simulate %s, 10000 games: " "%s"; %s simulate %s --games 10000 --seed 1 --threads $$t | sed -n 2p; done\n' \
	    '$(NARRATED_PKG)' '$(NARRATED_PKG)' '$(DECK_BIN)' '$(NARRATED_PKG)' > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
