# tests/core/module.mk -- the rules core's unit and property tests (Criterion), and its benchmark
TCORE_SRC := $(wildcard tests/core/*.c)
TCORE_OBJ := $(TCORE_SRC:%.c=$(BUILD)/obj/%.o)
TCORE_BIN := $(BUILD)/tests/test-core
TESTS += $(TCORE_BIN)
$(BUILD)/obj/tests/core/%.o: MODCFLAGS += $(call pkgcflags,criterion)

$(TCORE_BIN): $(TCORE_OBJ) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) $^ -o $@ $(call pkglibs,criterion)
