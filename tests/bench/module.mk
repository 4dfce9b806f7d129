# tests/bench/module.mk -- the core's benchmark: rule applications/s and bot games/s
BCORE_BIN := $(BUILD)/bench/bench-core
ALL += $(BCORE_BIN)
BENCHES += $(BCORE_BIN)

$(BCORE_BIN): $(BUILD)/obj/tests/bench/bench_core.o $(DATA_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) $^ -o $@ $(DATA_LDLIBS)
