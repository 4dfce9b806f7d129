# tests/text/module.mk -- the describer, narration and refusals in both languages, typography, and the engine's ignorance of games
TTEXT_SRC := $(wildcard tests/text/*.c)
TTEXT_OBJ := $(TTEXT_SRC:%.c=$(BUILD)/obj/%.o)
TTEXT_BIN := $(BUILD)/tests/test-text
TESTS += $(TTEXT_BIN)

$(BUILD)/obj/tests/text/%.o: MODCFLAGS += $(call pkgcflags,criterion)

# the tests read the French catalog from $(BUILD)/locale
$(TTEXT_BIN): $(TTEXT_OBJ) $(DATA_LIB) $(BUILD)/libpltext.a $(CORE_LIB) | $(BUILD)/locale/fr/LC_MESSAGES/plateau.mo
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(TTEXT_OBJ) $(DATA_LIB) $(BUILD)/libpltext.a $(CORE_LIB) $(DATA_LDLIBS) $(call pkglibs,criterion) -lm
