# tests/server/module.mk -- protocol unit tests, fuzz target, and server tests over real TCP on loopback
TS_CFLAGS := -Iserver -Itests/server -DTS_BUILD='"$(BUILD)"' $(call pkgcflags,jansson criterion sqlite3)
$(BUILD)/obj/tests/server/%.o: MODCFLAGS += $(TS_CFLAGS)

TS_PROTO_BIN := $(BUILD)/tests/test-proto
TS_SERVER_BIN := $(BUILD)/tests/test-server
TS_FUZZ_BIN := $(BUILD)/tests/fuzz-proto
TS_FUZZ_SMOKE := $(BUILD)/tests/fuzz-proto-smoke
TS_FUZZ_LONG := $(BUILD)/tests/fuzz-proto-long
ALL += $(TS_PROTO_BIN) $(TS_SERVER_BIN) $(TS_FUZZ_BIN) $(TS_FUZZ_SMOKE) $(TS_FUZZ_LONG)
TESTS += $(TS_PROTO_BIN) $(TS_FUZZ_SMOKE) $(TS_SERVER_BIN)
FUZZERS += $(TS_FUZZ_LONG)

$(TS_PROTO_BIN): $(BUILD)/obj/tests/server/test_proto.o $(BUILD)/obj/server/demo.o $(PROTO_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(call pkglibs,jansson criterion)

$(TS_SERVER_BIN): $(BUILD)/obj/tests/server/test_games.o $(BUILD)/obj/tests/server/test_bad_input.o \
		$(BUILD)/obj/tests/server/harness.o $(BUILD)/obj/server/demo.o $(PROTO_LIB) $(CORE_LIB) \
		| $(BUILD)/plateau-server $(BUILD)/plateau-bot
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o %.a,$^) $(call pkglibs,jansson criterion sqlite3)

$(TS_FUZZ_BIN): $(BUILD)/obj/tests/server/fuzz_proto.o $(PROTO_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(call pkglibs,jansson)

# make check runs a short smoke run; make fuzz a long one
$(TS_FUZZ_SMOKE): $(TS_FUZZ_BIN)
	printf '#!/bin/sh\n# fuzz-proto-smoke -- short random-mutation run of the protocol fuzz target\nexec %s 20000\n' '$(TS_FUZZ_BIN)' > $@ && chmod +x $@
$(TS_FUZZ_LONG): $(TS_FUZZ_BIN)
	printf '#!/bin/sh\n# fuzz-proto-long -- long random-mutation run of the protocol fuzz target\nexec %s 3000000\n' '$(TS_FUZZ_BIN)' > $@ && chmod +x $@

# make bench: the server figures (see tests/server/bench.sh)
BENCHES += $(BUILD)/tests/bench-server
$(BUILD)/tests/bench-server: tests/server/bench.sh | $(BUILD)/plateau-server $(BUILD)/plateau-bot
	@mkdir -p $(dir $@)
	printf '#!/bin/sh\n# bench-server -- plateau-server figures with plateau-bot\nexec sh tests/server/bench.sh %s\n' '$(BUILD)' > $@ && chmod +x $@
