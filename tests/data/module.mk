# tests/data/module.mk -- data tests: shipped packages, bad-package fixtures, agreement with xmllint
DATA_TEST_SRC := $(wildcard tests/data/*.c)
DATA_TEST_OBJ := $(DATA_TEST_SRC:%.c=$(BUILD)/obj/%.o)
DATA_TEST_BIN := $(BUILD)/tests/test-data
TESTS += $(DATA_TEST_BIN)

$(BUILD)/obj/tests/data/%.o: MODCFLAGS += $(call pkgcflags,criterion) $(call pkgcflags,libxml-2.0) \
    -DDECK_BIN='"$(BUILD)/plateau-deck"'

# the CLI tests run plateau-deck of the same build (tools/deck/module.mk is included after this file),
# which reads its French messages from the catalog beside it
$(DATA_TEST_BIN): $(DATA_TEST_OBJ) $(DATA_LIB) $(CORE_LIB) $(BUILD)/plateau-deck $(BUILD)/locale/fr/LC_MESSAGES/plateau.mo
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(DATA_TEST_OBJ) $(DATA_LIB) $(CORE_LIB) $(DATA_LDLIBS) $(call pkglibs,criterion) -lm

# every message of the loader and plateau-deck has its French
TESTS += tests/data/po-check.sh

# benchmark: a generated 10,000-card package, pl_package_load vs xmllint --schema
DATA_BENCH_BIN := $(BUILD)/bench/bench-data-load
BENCHES += $(DATA_BENCH_BIN)

$(BUILD)/obj/tests/data/bench/%.o: MODCFLAGS += $(call pkgcflags,libxml-2.0)

$(DATA_BENCH_BIN): $(BUILD)/obj/tests/data/bench/bench_load.o $(DATA_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $< $(DATA_LIB) $(CORE_LIB) $(DATA_LDLIBS) -lm

# fuzzing: mutated copies of tests/data/base (FUZZ_ITERS iterations, default 20000)
DATA_FUZZ_BIN := $(BUILD)/fuzz/fuzz-data-load
FUZZERS += $(DATA_FUZZ_BIN)

$(DATA_FUZZ_BIN): $(BUILD)/obj/tests/data/fuzz/fuzz_load.o $(DATA_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $< $(DATA_LIB) $(CORE_LIB) $(DATA_LDLIBS) -lm
