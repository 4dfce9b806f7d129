# tools/bot/module.mk -- plateau-bot: network bots and load generator (libuv, no SDL)
BOT_SRC := $(wildcard tools/bot/*.c)
BOT_OBJ := $(BOT_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/server/demo.o
BOT_BIN := $(BUILD)/plateau-bot
ALL += $(BOT_BIN)
PROGRAMS += $(BOT_BIN)

ifneq ($(wildcard engine/data/module.mk),)
BOT_DATA_LIB := $(BUILD)/libpldata.a
BOT_DATA_CFLAGS := -DBOT_HAVE_DATA
endif

$(BUILD)/obj/tools/bot/%.o: MODCFLAGS += -Iserver $(BOT_DATA_CFLAGS) $(call pkgcflags,libuv jansson)

$(BOT_BIN): $(BOT_OBJ) $(PROTO_LIB) $(BOT_DATA_LIB) $(CORE_LIB)
	$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(call pkglibs,libuv jansson) $(if $(BOT_DATA_LIB),$(call pkglibs,libxml-2.0))
