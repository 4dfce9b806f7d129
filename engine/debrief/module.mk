# engine/debrief/module.mk -- the debrief: a table's or a day's lessons read from move logs (no file, no database, no drawing)
#   users: link `$(DEBRIEF_LIB) $(TEXT_LIB) $(CORE_LIB)`; depends on engine/core and engine/text only
DEBRIEF_SRC := $(wildcard engine/debrief/*.c)
DEBRIEF_OBJ := $(DEBRIEF_SRC:%.c=$(BUILD)/obj/%.o)
DEBRIEF_LIB := $(BUILD)/libpldebrief.a
ALL += $(DEBRIEF_LIB)

$(DEBRIEF_LIB): $(DEBRIEF_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^
