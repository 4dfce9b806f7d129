# tests/report/module.mk -- plateau-report against a real server's database and a saved hot-seat game, in headless Chromium; its benchmark
TREPORT_OBJ := $(BUILD)/obj/tests/report/helpers.o $(BUILD)/obj/tests/report/check.o \
               $(BUILD)/obj/tests/report/test_server.o $(BUILD)/obj/tests/report/test_bad_input.o \
               $(BUILD)/obj/tests/report/test_save.o
TREPORT_BIN := $(BUILD)/tests/test-report
TREPORT_PKGS := criterion sqlite3 jansson sdl2 SDL2_image
TESTS += $(TREPORT_BIN)
ALL   += $(TREPORT_BIN)

$(BUILD)/obj/tests/report/%.o: MODCFLAGS += $(call pkgcflags,$(TREPORT_PKGS)) -Itests/server -DTS_BUILD='"$(BUILD)"' \
    -DTR_BUILD='"$(BUILD)"'

# the server tests' harness starts plateau-server and plateau-bot; the client's own code writes the saved game
$(TREPORT_BIN): $(TREPORT_OBJ) $(BUILD)/obj/tests/server/harness.o $(BUILD)/obj/tests/server/ts_package.o \
		$(CLIENT_LIB) $(PROTO_LIB) $(DATA_LIB) $(BUILD)/libpltext.a $(CORE_LIB) \
		| $(BUILD)/plateau-report $(BUILD)/plateau-server $(BUILD)/plateau-bot $(BUILD)/locale/fr/LC_MESSAGES/plateau.mo
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(filter %.o,$^) $(CLIENT_LIB) $(PROTO_LIB) $(DATA_LIB) $(BUILD)/libpltext.a $(CORE_LIB) \
	    $(call pkglibs,$(TREPORT_PKGS)) $(DATA_LDLIBS) -lm

# make bench: a day of 6 tables x 5 teams played on a real server, exported (tests/report/bench.sh)
BENCHES += $(BUILD)/bench/bench-report
$(BUILD)/bench/bench-report: tests/report/bench.sh | $(BUILD)/plateau-report $(BUILD)/plateau-server $(BUILD)/plateau-bot
	@mkdir -p $(dir $@)
	printf '#!/bin/sh\n# bench-report -- plateau-report: a day of 6 tables x 5 teams exported\nexec sh tests/report/bench.sh %s\n' '$(BUILD)' > $@ && chmod +x $@

# the pictures of the report in the facilitator's guides (docs/screenshots/report-*.png)
.PHONY: report-screenshots
report-screenshots: $(BUILD)/plateau-report $(BUILD)/plateau-server $(BUILD)/plateau-bot $(TEXT_MO)
	sh tests/report/screenshots.sh $(BUILD)
