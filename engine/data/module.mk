# engine/data/module.mk -- the game-package loader (libxml2): $(DATA_LIB), link with $(DATA_LDLIBS)
#   users: link `$(DATA_LIB) $(CORE_LIB) $(DATA_LDLIBS)` and compile with -Iengine/data (or include "data/package.h")
DATA_SRC := $(wildcard engine/data/*.c)
DATA_OBJ := $(DATA_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/schema_xsd.o
DATA_LIB := $(BUILD)/libpldata.a
DATA_LDLIBS := $(call pkglibs,libxml-2.0) -lpthread
ALL += $(DATA_LIB)

$(BUILD)/obj/engine/data/%.o: MODCFLAGS += $(call pkgcflags,libxml-2.0)

# the schema compiled into the loader: a C string generated from the XSD
$(BUILD)/gen/schema_xsd.c: game-data/schema/plateau-game.xsd engine/data/module.mk
	@mkdir -p $(dir $@)
	{ echo '/* schema_xsd.c -- generated from game-data/schema/plateau-game.xsd; do not edit */'; \
	  echo 'const char pl_schema_xsd[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$$/\\n"/' $<; \
	  echo '    "";'; } > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/schema_xsd.o: $(BUILD)/gen/schema_xsd.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Wno-overlength-strings -c $< -o $@

$(DATA_LIB): $(DATA_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

# the loader's and plateau-deck's messages (English msgids), to translate in po/fr.po next to the
# client's: `make data-pot`, then `msgcat po/plateau.pot po/plateau-data.pot | msgmerge -U po/fr.po -`
# (make check fails while one is not translated: tests/data/po-check.sh)
.PHONY: data-pot
data-pot:
	sh tools/deck/po-messages.sh po/plateau-data.pot
