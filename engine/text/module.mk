# engine/text/module.mk -- player-facing words: the translation path (gettext), effect describer, narration, refusals
#   users: link `$(TEXT_LIB) $(CORE_LIB)`; depends on the core only (gettext is part of the C library)
TEXT_SRC := $(wildcard engine/text/*.c)
TEXT_OBJ := $(TEXT_SRC:%.c=$(BUILD)/obj/%.o)
TEXT_LIB := $(BUILD)/libpltext.a
TEXT_MO  := $(BUILD)/locale/fr/LC_MESSAGES/plateau.mo
ALL += $(TEXT_LIB) $(TEXT_MO)

$(TEXT_LIB): $(TEXT_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

# the French catalog of every player-facing string (English msgids)
$(TEXT_MO): po/fr.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# refresh po/plateau.pot from every source of player- and designer-facing words (then
# `msgmerge -U po/fr.po po/plateau.pot`; make check fails while one has no French: tools/po-check.sh)
.PHONY: pot
pot:
	sh tools/po-messages.sh po/plateau.pot
