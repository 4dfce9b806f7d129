# engine/core/module.mk -- the rules core: C and libc only, a static library for every host
CORE_SRC := $(wildcard engine/core/*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/obj/%.o)
CORE_LIB := $(BUILD)/libplcore.a
ALL += $(CORE_LIB)

$(CORE_LIB): $(CORE_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^
