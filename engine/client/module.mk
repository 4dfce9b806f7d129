# engine/client/module.mk -- the SDL client `plateau`: a library of screens (tests link it) plus main.c
CLIENT_PKGS := sdl2 SDL2_ttf SDL2_image SDL2_net fontconfig jansson libxml-2.0 libsodium
CLIENT_SRC  := $(filter-out engine/client/main.c,$(wildcard engine/client/*.c))
CLIENT_OBJ  := $(CLIENT_SRC:%.c=$(BUILD)/obj/%.o)
CLIENT_LIB  := $(BUILD)/libplclient.a
CLIENT_BIN  := $(BUILD)/plateau
# the other libraries are named by path: their module.mk may be read after this one
CLIENT_DEPS := $(BUILD)/libpldebrief.a $(BUILD)/libpldata.a $(BUILD)/libplproto.a $(BUILD)/libpltext.a $(BUILD)/libplcore.a
CLIENT_LIBS := $(call pkglibs,$(CLIENT_PKGS)) -lpthread -lm

$(BUILD)/obj/engine/client/%.o: MODCFLAGS += $(call pkgcflags,$(CLIENT_PKGS))

$(CLIENT_LIB): $(CLIENT_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(CLIENT_BIN): $(BUILD)/obj/engine/client/main.o $(CLIENT_LIB) $(CLIENT_DEPS)
	$(CC) $(FINAL_LDFLAGS) -o $@ $< $(CLIENT_LIB) $(CLIENT_DEPS) $(CLIENT_LIBS)

ALL      += $(CLIENT_BIN)
PROGRAMS += $(CLIENT_BIN)

.PHONY: run-game
run-game: $(CLIENT_BIN) $(TEXT_MO)
	$(CLIENT_BIN)
