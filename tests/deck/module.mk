# tests/deck/module.mk -- plateau-deck's pictures and print: previews against the client's own frames, the PDF's pages
TDECK_SRC := $(wildcard tests/deck/*.c)
TDECK_OBJ := $(TDECK_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/tests/client/helpers.o
TDECK_BIN := $(BUILD)/tests/test-deck
TESTS += $(TDECK_BIN)
ALL   += $(TDECK_BIN)

$(BUILD)/obj/tests/deck/%.o: MODCFLAGS += $(call pkgcflags,criterion) $(call pkgcflags,$(CLIENT_PKGS)) \
    -DTC_BUILD='"$(BUILD)"' -DDECK_BIN='"$(BUILD)/plateau-deck"'

# the tests run plateau-deck of the same build and draw the client's frames to compare with
$(TDECK_BIN): $(TDECK_OBJ) $(CLIENT_LIB) $(CLIENT_DEPS) $(TEXT_MO) $(BUILD)/plateau-deck
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(TDECK_OBJ) $(CLIENT_LIB) $(CLIENT_DEPS) $(CLIENT_LIBS) $(call pkglibs,criterion)

.PHONY: deck-ref
# regenerate the reference pictures of the printed pages after a deliberate change of the print layout
deck-ref: $(TDECK_BIN)
	UPDATE_REF=1 $(TDECK_BIN) --filter 'print/*'
