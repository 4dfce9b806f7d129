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

.PHONY: deck-screenshots
# the pictures of docs/designing-games.md: a card preview, the contact sheet, the printed rules, board and cards
deck-screenshots: $(BUILD)/plateau-deck $(TEXT_MO)
	rm -rf $(BUILD)/deck-shots && mkdir -p $(BUILD)/deck-shots docs/screenshots
	$(BUILD)/plateau-deck preview game-data/example-minimal --out $(BUILD)/deck-shots --lang fr
	cp $(BUILD)/deck-shots/a-spaser.png docs/screenshots/preview-card.png
	cp $(BUILD)/deck-shots/contact.png docs/screenshots/preview-contact.png
	$(BUILD)/plateau-deck print game-data/example-minimal --out $(BUILD)/deck-shots/cards.pdf --lang fr
	pdftoppm -png -r 100 -f 1 -l 3 $(BUILD)/deck-shots/cards.pdf $(BUILD)/deck-shots/page
	cp $(BUILD)/deck-shots/page-01.png docs/screenshots/print-rules.png
	cp $(BUILD)/deck-shots/page-02.png docs/screenshots/print-board.png
	cp $(BUILD)/deck-shots/page-03.png docs/screenshots/print-cards.png
