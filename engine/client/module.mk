# engine/client/module.mk -- the SDL client `plateau`: a library of screens (tests link it) plus main.c
CLIENT_PKGS := sdl2 SDL2_ttf SDL2_image SDL2_net fontconfig
CLIENT_SRC  := $(filter-out engine/client/main.c,$(wildcard engine/client/*.c))
CLIENT_OBJ  := $(CLIENT_SRC:%.c=$(BUILD)/obj/%.o)
CLIENT_LIB  := $(BUILD)/libplclient.a
CLIENT_BIN  := $(BUILD)/plateau
CLIENT_MO   := $(BUILD)/locale/fr/LC_MESSAGES/plateau.mo
# the other libraries are named by path: their module.mk may be read after this one
CLIENT_DEPS := $(BUILD)/libplcore.a
CLIENT_LIBS := $(call pkglibs,$(CLIENT_PKGS)) -lm

# the package loader (engine/data) once it exists
ifneq ($(wildcard engine/data/package.h),)
CLIENT_DEPS := $(BUILD)/libpldata.a $(CLIENT_DEPS)
CLIENT_LIBS += $(call pkglibs,libxml-2.0) -lpthread
$(BUILD)/obj/engine/client/%.o: MODCFLAGS += -DPC_HAVE_DATA=1
endif

$(BUILD)/obj/engine/client/%.o: MODCFLAGS += $(call pkgcflags,$(CLIENT_PKGS))

$(CLIENT_LIB): $(CLIENT_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(CLIENT_BIN): $(BUILD)/obj/engine/client/main.o $(CLIENT_LIB) $(CLIENT_DEPS)
	$(CC) $(LDFLAGS) -o $@ $< $(CLIENT_LIB) $(CLIENT_DEPS) $(CLIENT_LIBS)

# the French catalog of the UI strings (English msgids)
$(CLIENT_MO): po/fr.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

ALL      += $(CLIENT_BIN) $(CLIENT_MO)
PROGRAMS += $(CLIENT_BIN)

.PHONY: run-game client-pot
run-game: $(CLIENT_BIN) $(CLIENT_MO)
	$(CLIENT_BIN)

# refresh po/plateau.pot from the sources (then merge into po/fr.po with msgmerge)
client-pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -o po/plateau.pot engine/client/*.c
