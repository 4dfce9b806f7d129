# tests/client/module.mk -- headless client tests (dummy video, software renderer) and the client benchmark
TCLIENT_SRC := tests/client/helpers.c tests/client/test_screens.c tests/client/test_play.c tests/client/test_text.c \
               tests/client/test_net.c tests/client/test_hostile_server.c tests/client/test_seats.c tests/client/test_save.c tests/client/test_packages.c tests/client/test_keys.c tests/client/test_session.c tests/client/test_look.c tests/client/test_day.c tests/client/test_watch.c tests/client/test_debrief.c
TCLIENT_OBJ := $(TCLIENT_SRC:%.c=$(BUILD)/obj/%.o)
TCLIENT_BIN := $(BUILD)/tests/test-client
BCLIENT_BIN := $(BUILD)/bench/bench-client
BNET_BIN    := $(BUILD)/bench/bench-client-net
TESTS   += $(TCLIENT_BIN)
BENCHES += $(BCLIENT_BIN) $(BNET_BIN)
ALL     += $(TCLIENT_BIN) $(BCLIENT_BIN) $(BNET_BIN)

$(BUILD)/obj/tests/client/%.o: MODCFLAGS += $(call pkgcflags,criterion) $(call pkgcflags,$(CLIENT_PKGS)) -DTC_BUILD='"$(BUILD)"'

# the network test plays against the real server when this tree has one (it skips otherwise)
TCLIENT_SERVER := $(if $(wildcard server/main.c),$(BUILD)/plateau-server)

# the tests read the French catalog from $(BUILD)/locale
$(TCLIENT_BIN): $(TCLIENT_OBJ) $(CLIENT_LIB) $(CLIENT_DEPS) $(TEXT_MO) $(TCLIENT_SERVER) $(BUILD)/plateau-report
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(TCLIENT_OBJ) $(CLIENT_LIB) $(CLIENT_DEPS) $(CLIENT_LIBS) $(call pkglibs,criterion)

$(BCLIENT_BIN): $(BUILD)/obj/tests/client/bench_client.o $(BUILD)/obj/tests/client/helpers.o $(CLIENT_LIB) $(CLIENT_DEPS) $(TEXT_MO)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(BUILD)/obj/tests/client/bench_client.o $(BUILD)/obj/tests/client/helpers.o $(CLIENT_LIB) $(CLIENT_DEPS) $(CLIENT_LIBS)

.PHONY: client-ref client-screenshots
# regenerate the reference pictures after a deliberate change of the look
client-ref: $(TCLIENT_BIN)
	UPDATE_REF=1 $(TCLIENT_BIN) --filter 'screens/*'

# the screenshots of docs/screenshots (1920x1080, French, and the table in English)
client-screenshots: $(CLIENT_BIN) $(TEXT_MO) $(TCLIENT_BIN)
	@mkdir -p docs/screenshots
	for s in home settings lobby create table detail curtain leave vote deck-vote reveal fiction choice event summary scores end \
	    debrief debrief-mire debrief-votes debrief-score debrief-turns; do \
	  $(CLIENT_BIN) --seed 42 --size 1920x1080 --screen $$s --screenshot docs/screenshots/$$s.png || exit 1; done
	$(CLIENT_BIN) --seed 42 --size 1920x1080 --lang en --screen table --screenshot docs/screenshots/table-en.png
	$(TCLIENT_BIN) --filter 'debrief/the_console*' && \
	  cp $(BUILD)/tests/client-out/debrief-day.png $(BUILD)/tests/client-out/debrief-opinion.png docs/screenshots/

# make bench: move-to-update latency between two clients through a real server, idle wake-ups
$(BNET_BIN): $(BUILD)/obj/tests/client/bench_net.o $(BUILD)/obj/tests/client/helpers.o $(CLIENT_LIB) $(CLIENT_DEPS) $(TEXT_MO) $(TCLIENT_SERVER)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(BUILD)/obj/tests/client/bench_net.o $(BUILD)/obj/tests/client/helpers.o $(CLIENT_LIB) $(CLIENT_DEPS) $(CLIENT_LIBS)
