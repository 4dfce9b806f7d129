# tests/server/module.mk -- protocol unit tests, fuzz target, and server tests over real TCP on loopback
TS_CFLAGS := -Iserver -Itests/server -DTS_BUILD='"$(BUILD)"' $(call pkgcflags,jansson criterion sqlite3 libsodium)
TS_DATA_LIB := $(BUILD)/libpldata.a
TS_CFLAGS += -DTS_HAVE_DATA
TS_PKG_OBJ := $(BUILD)/obj/tests/server/ts_package.o
$(BUILD)/obj/tests/server/%.o: MODCFLAGS += $(TS_CFLAGS)

TS_PROTO_BIN := $(BUILD)/tests/test-proto
TS_SERVER_BIN := $(BUILD)/tests/test-server
TS_FUZZ_BIN := $(BUILD)/tests/fuzz-proto
TS_FUZZ_SMOKE := $(BUILD)/tests/fuzz-proto-smoke
TS_FUZZ_LONG := $(BUILD)/tests/fuzz-proto-long
TS_FLOOR_BIN := $(BUILD)/tests/bench-floor
TS_FVIEW_BIN := $(BUILD)/tests/fuzz-view
TS_FVIEW_SMOKE := $(BUILD)/tests/fuzz-view-smoke
TS_FVIEW_LONG := $(BUILD)/tests/fuzz-view-long
ALL += $(TS_FLOOR_BIN) $(TS_FVIEW_BIN) $(TS_FVIEW_SMOKE) $(TS_FVIEW_LONG)
TESTS += $(TS_FVIEW_SMOKE)
FUZZERS += $(TS_FVIEW_LONG)
ALL += $(TS_PROTO_BIN) $(TS_SERVER_BIN) $(TS_FUZZ_BIN) $(TS_FUZZ_SMOKE) $(TS_FUZZ_LONG)
TESTS += $(TS_PROTO_BIN) $(TS_FUZZ_SMOKE) $(TS_SERVER_BIN)
FUZZERS += $(TS_FUZZ_LONG)

$(TS_PROTO_BIN): $(BUILD)/obj/tests/server/test_proto.o $(BUILD)/obj/tests/server/test_bot_scan.o $(BUILD)/obj/tests/server/test_oom_proto.o \
		$(BUILD)/obj/tools/bot/scan_view_msg.o $(TS_PKG_OBJ) $(PROTO_LIB) $(DATA_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(call pkglibs,jansson criterion) $(DATA_LDLIBS)

$(TS_SERVER_BIN): $(BUILD)/obj/tests/server/test_games.o $(BUILD)/obj/tests/server/test_bad_input.o \
		$(BUILD)/obj/tests/server/test_harden.o $(BUILD)/obj/tests/server/test_lobby.o $(BUILD)/obj/tests/server/test_seats.o $(BUILD)/obj/tests/server/test_console.o $(BUILD)/obj/server/crypto.o \
		$(BUILD)/obj/tests/server/harness.o $(TS_PKG_OBJ) $(PROTO_LIB) $(TS_DATA_LIB) $(CORE_LIB) \
		| $(BUILD)/plateau-server $(BUILD)/plateau-bot $(TS_FLOOR_BIN)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(filter %.o %.a,$^) $(call pkglibs,jansson criterion sqlite3 libsodium) \
		$(DATA_LDLIBS)

$(TS_FUZZ_BIN): $(BUILD)/obj/tests/server/fuzz_proto.o $(PROTO_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(call pkglibs,jansson)

# forged whole views: what passes pl_state_check is safe for the core (fuzz_view.c)
$(TS_FVIEW_BIN): $(BUILD)/obj/tests/server/fuzz_view.o $(TS_PKG_OBJ) $(PROTO_LIB) $(TS_DATA_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(call pkglibs,jansson) $(DATA_LDLIBS)
$(TS_FVIEW_SMOKE): $(TS_FVIEW_BIN)
	printf '#!/bin/sh\n# fuzz-view-smoke -- short run of the forged-view fuzzer\nexec %s 100000\n' '$(TS_FVIEW_BIN)' > $@ && chmod +x $@
$(TS_FVIEW_LONG): $(TS_FVIEW_BIN)
	printf '#!/bin/sh\n# fuzz-view-long -- long run of the forged-view fuzzer, a new random seed each time\nexec %s 5000000 $$(date +%%s)\n' '$(TS_FVIEW_BIN)' > $@ && chmod +x $@

# make check runs a short smoke run; make fuzz a long one
$(TS_FUZZ_SMOKE): $(TS_FUZZ_BIN)
	printf '#!/bin/sh\n# fuzz-proto-smoke -- short random-mutation run of the protocol fuzz target\nexec %s 20000\n' '$(TS_FUZZ_BIN)' > $@ && chmod +x $@
$(TS_FUZZ_LONG): $(TS_FUZZ_BIN)
	printf '#!/bin/sh\n# fuzz-proto-long -- long random-mutation run of the protocol fuzz target\nexec %s 3000000\n' '$(TS_FUZZ_BIN)' > $@ && chmod +x $@

# make bench: the server figures (see tests/server/bench.sh), after the loopback floor (bench_floor.c)
$(TS_FLOOR_BIN): $(BUILD)/obj/tests/server/bench_floor.o
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $^

BENCHES += $(BUILD)/tests/bench-server
$(BUILD)/tests/bench-server: tests/server/bench.sh | $(BUILD)/plateau-server $(BUILD)/plateau-bot $(TS_FLOOR_BIN)
	@mkdir -p $(dir $@)
	printf '#!/bin/sh\n# bench-server -- plateau-server figures with plateau-bot\nexec sh tests/server/bench.sh %s\n' '$(BUILD)' > $@ && chmod +x $@

# make fuzz: also a libFuzzer build of the same target when clang has libFuzzer (coverage-guided)
TS_CLANG := $(shell command -v clang 2>/dev/null)
ifneq ($(TS_CLANG),)
TS_LIBFUZZER := $(BUILD)/tests/fuzz-proto-libfuzzer
FUZZERS += $(BUILD)/tests/fuzz-proto-libfuzzer-run
$(TS_LIBFUZZER): tests/server/fuzz_proto.c $(PROTO_SRC) $(CORE_SRC)
	@mkdir -p $(dir $@)
	clang -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -DFUZZ_LIBFUZZER \
		-Iengine/core -Iengine $(call pkgcflags,jansson) $^ -o $@ $(call pkglibs,jansson)
$(BUILD)/tests/fuzz-proto-libfuzzer-run: $(TS_LIBFUZZER)
	printf '#!/bin/sh\n# fuzz-proto-libfuzzer-run -- two minutes of coverage-guided fuzzing of engine/proto\nmkdir -p %s\nexec %s -max_total_time=120 -max_len=8192 %s\n' \
		'$(BUILD)/fuzz-corpus/proto' '$(TS_LIBFUZZER)' '$(BUILD)/fuzz-corpus/proto' > $@ && chmod +x $@
endif
