# tests/debrief/module.mk -- the debrief library checked against independent replays with the core
TDEBRIEF_SRC := $(wildcard tests/debrief/*.c)
TDEBRIEF_OBJ := $(TDEBRIEF_SRC:%.c=$(BUILD)/obj/%.o)
TDEBRIEF_BIN := $(BUILD)/tests/test-debrief
TESTS += $(TDEBRIEF_BIN)
ALL   += $(TDEBRIEF_BIN)

$(BUILD)/obj/tests/debrief/%.o: MODCFLAGS += $(call pkgcflags,criterion)

# the tests read the French catalog from $(BUILD)/locale
$(TDEBRIEF_BIN): $(TDEBRIEF_OBJ) $(BUILD)/libpldebrief.a $(DATA_LIB) $(BUILD)/libpltext.a $(CORE_LIB) | $(BUILD)/locale/fr/LC_MESSAGES/plateau.mo
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(TDEBRIEF_OBJ) $(BUILD)/libpldebrief.a $(DATA_LIB) $(BUILD)/libpltext.a $(CORE_LIB) \
	    $(DATA_LDLIBS) $(call pkglibs,criterion) -lm
