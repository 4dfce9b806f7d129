# server/module.mk -- plateau-server: libuv loop, SQLite persistence, the protocol of engine/proto
SERVER_SRC := $(wildcard server/*.c)
SERVER_OBJ := $(SERVER_SRC:%.c=$(BUILD)/obj/%.o)
SERVER_BIN := $(BUILD)/plateau-server
ALL += $(SERVER_BIN)
PROGRAMS += $(SERVER_BIN)

SERVER_DATA_LIB := $(BUILD)/libpldata.a

SERVER_PKGS := libuv sqlite3 jansson libsodium icu-uc
$(BUILD)/obj/server/%.o: MODCFLAGS += $(call pkgcflags,$(SERVER_PKGS))

$(SERVER_BIN): $(SERVER_OBJ) $(PROTO_LIB) $(SERVER_DATA_LIB) $(CORE_LIB)
	$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(call pkglibs,$(SERVER_PKGS)) $(DATA_LDLIBS)
