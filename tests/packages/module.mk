# tests/packages/module.mk -- property tests over bot games of every shipped package
TPKG_OBJ := $(BUILD)/obj/tests/packages/test_package_props.o $(BUILD)/obj/tests/core/props.o
TPKG_BIN := $(BUILD)/tests/test-package-props
TESTS += $(TPKG_BIN)
$(BUILD)/obj/tests/packages/%.o: MODCFLAGS += $(call pkgcflags,criterion)

$(TPKG_BIN): $(TPKG_OBJ) $(DATA_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) $^ -o $@ $(call pkglibs,criterion) $(DATA_LDLIBS)
