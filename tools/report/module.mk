# tools/report/module.mk -- plateau-report: a day's or a table's debrief (HTML, CSV, XLSX) from the server's database or a saved hot-seat game
REPORT_SRC := $(wildcard tools/report/*.c)
REPORT_OBJ := $(REPORT_SRC:%.c=$(BUILD)/obj/%.o)
REPORT_BIN := $(BUILD)/plateau-report
REPORT_PKGS := sqlite3 jansson xlsxwriter
ALL += $(REPORT_BIN)
PROGRAMS += $(REPORT_BIN)

$(BUILD)/obj/tools/report/%.o: MODCFLAGS += $(call pkgcflags,$(REPORT_PKGS))

# the French words come from the catalog beside the build
$(REPORT_BIN): $(REPORT_OBJ) $(BUILD)/libpldebrief.a $(DATA_LIB) $(BUILD)/libpltext.a $(CORE_LIB) | $(BUILD)/locale/fr/LC_MESSAGES/plateau.mo
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_LDFLAGS) -o $@ $(REPORT_OBJ) $(BUILD)/libpldebrief.a $(DATA_LIB) $(BUILD)/libpltext.a $(CORE_LIB) \
	    $(call pkglibs,$(REPORT_PKGS)) $(DATA_LDLIBS) -lm
