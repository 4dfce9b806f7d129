# tools/deck/module.mk -- plateau-deck, the designer CLI (validate, simulate)
DECK_SRC := $(wildcard tools/deck/*.c)
DECK_OBJ := $(DECK_SRC:%.c=$(BUILD)/obj/%.o)
DECK_BIN := $(BUILD)/plateau-deck
ALL += $(DECK_BIN)
PROGRAMS += $(DECK_BIN)

$(DECK_BIN): $(DECK_OBJ) $(DATA_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(DECK_OBJ) $(DATA_LIB) $(CORE_LIB) $(DATA_LDLIBS) -lm -lpthread

# a narrated bot game of the default package in the terminal
NARRATED_PKG = $(if $(wildcard game-data/achats-durables/game.xml),game-data/achats-durables,game-data/example-minimal)
.PHONY: run-narrated
run-narrated: $(DECK_BIN)
	$(DECK_BIN) simulate $(NARRATED_PKG) --games 1 --seed 1 --verbose
