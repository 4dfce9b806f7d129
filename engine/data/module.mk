# engine/data/module.mk -- the game-package loader (libxml2): $(DATA_LIB), link with $(DATA_LDLIBS)
#   users: link `$(DATA_LIB) $(CORE_LIB) $(DATA_LDLIBS)` and compile with -Iengine/data (or include "data/package.h")
DATA_SRC := $(wildcard engine/data/*.c)
DATA_OBJ := $(DATA_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/schema_xsd.o
DATA_LIB := $(BUILD)/libpldata.a
DATA_LDLIBS := $(call pkglibs,libxml-2.0 libsodium) -lpthread
ALL += $(DATA_LIB)

$(BUILD)/obj/engine/data/%.o: MODCFLAGS += $(call pkgcflags,libxml-2.0 libsodium)

# the schema compiled into the loader: a C string generated from the XSD
$(BUILD)/gen/schema_xsd.c: game-data/schema/plateau-game.xsd engine/data/module.mk
	@mkdir -p $(dir $@)
	{ echo '/* schema_xsd.c -- generated from game-data/schema/plateau-game.xsd; do not edit */'; \
	  echo 'const char pl_schema_xsd[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$$/\\n"/' $<; \
	  echo '    "";'; } > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/schema_xsd.o: $(BUILD)/gen/schema_xsd.c
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_CFLAGS) -Wno-overlength-strings -c $< -o $@

$(DATA_LIB): $(DATA_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^
