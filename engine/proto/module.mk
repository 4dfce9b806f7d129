# engine/proto/module.mk -- the wire format: frames, messages, views as JSON (jansson), no I/O
PROTO_SRC := $(wildcard engine/proto/*.c)
PROTO_OBJ := $(PROTO_SRC:%.c=$(BUILD)/obj/%.o)
PROTO_LIB := $(BUILD)/libplproto.a
ALL += $(PROTO_LIB)

$(BUILD)/obj/engine/proto/%.o: MODCFLAGS += $(call pkgcflags,jansson)

$(PROTO_LIB): $(PROTO_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^
