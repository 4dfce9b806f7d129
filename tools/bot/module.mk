# tools/bot/module.mk -- plateau-bot: network bots and load generator (libuv, no SDL)
BOT_SRC := $(wildcard tools/bot/*.c)
BOT_OBJ := $(BOT_SRC:%.c=$(BUILD)/obj/%.o)
BOT_BIN := $(BUILD)/plateau-bot
ALL += $(BOT_BIN)
PROGRAMS += $(BOT_BIN)

$(BUILD)/obj/tools/bot/%.o: MODCFLAGS += $(call pkgcflags,libuv jansson)

$(BOT_BIN): $(BOT_OBJ) $(PROTO_LIB) $(DATA_LIB) $(CORE_LIB)
	$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(call pkglibs,libuv jansson) $(DATA_LDLIBS)
