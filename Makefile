# Makefile -- builds Plateau into $(BUILD); each folder adds its part through its module.mk
#
#   make            build everything            make check   layers, every test (+ sanitizer build)
#   make run        play (installs packages)    make bench   benchmark figures
#   make install    PREFIX=/usr/local DESTDIR=  make fuzz    long fuzzing runs (sanitizers)
#   SANITIZE=address,undefined  build with sanitizers      BUILD=dir  another build folder

BUILD    ?= build
PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
PKG      ?= pkg-config
OPT      ?= -O2
SANITIZE ?=

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
            -Wno-unused-parameter
CFLAGS   ?=
LDFLAGS  ?=
# what the build needs, then the user's CFLAGS/LDFLAGS added last (`make CFLAGS=-O0` still builds)
FINAL_CFLAGS  = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE $(OPT) -g $(WARN) -MMD -MP -Iengine/core -Iengine
FINAL_LDFLAGS =
ifneq ($(SANITIZE),)
FINAL_CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FINAL_LDFLAGS += -fsanitize=$(SANITIZE)
endif
FINAL_CFLAGS  += $(CFLAGS)
FINAL_LDFLAGS += $(LDFLAGS)

# pkg-config flags, empty when a package is missing (the deps step installs it first)
pkgcflags = $(shell $(PKG) --cflags $(1) 2>/dev/null)
pkglibs   = $(shell $(PKG) --libs $(1) 2>/dev/null)

PROGRAMS :=          # binaries installed by `make install`
TESTS    :=          # test binaries run by `make check`
BENCHES  :=          # commands run by `make bench`
FUZZERS  :=          # commands run by `make fuzz`
ALL      :=          # everything `make` builds

# compile rule shared by every module: $(BUILD)/obj/<path>.o from <path>.c
$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_CFLAGS) $(MODCFLAGS) -c $< -o $@

include $(sort $(wildcard engine/*/module.mk server/module.mk tools/*/module.mk tests/module.mk tests/*/module.mk))

.DEFAULT_GOAL := all
.PHONY: all deps run check check-tests check-layers check-asan bench fuzz fuzz-run install clean

all: $(ALL)

deps:
	@sh tools/setup-deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory run-game

# the test suites, in the normal build and then again under the sanitizers
check: deps
	@$(MAKE) --no-print-directory check-layers
	@python3 tests/vectors/state_hash.py
	@$(MAKE) --no-print-directory check-tests
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=address,undefined OPT=-O1 check-tests

# each layer includes only what is below it (tools/check-layers.sh)
check-layers:
	@sh tools/check-layers.sh

# a sanitizer build fails on any report of any process the tests start (tools/run-tests.sh)
check-tests: $(ALL) $(TESTS)
	@sh tools/run-tests.sh $(BUILD) "$(SANITIZE)" $(TESTS)

bench:
	@sh tools/setup-deps.sh xvfb xauth
	@$(MAKE) --no-print-directory all $(BENCHES)
	@sh tools/run-bench.sh $(BENCHES)

# the long fuzzing runs, under the sanitizers (an out-of-bounds read aborts instead of passing)
fuzz: deps
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=address,undefined OPT=-O1 fuzz-run

fuzz-run: $(ALL) $(FUZZERS)
	@for f in $(FUZZERS); do echo "== $$f"; $$f || exit 1; done

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/plateau
	install -m 755 $(PROGRAMS) $(DESTDIR)$(PREFIX)/bin/
	cp -R game-data $(DESTDIR)$(PREFIX)/share/plateau/
	if [ -d assets ]; then cp -R assets $(DESTDIR)$(PREFIX)/share/plateau/; fi
	if [ -d $(BUILD)/locale ]; then install -d $(DESTDIR)$(PREFIX)/share/locale && \
	    cp -R $(BUILD)/locale/. $(DESTDIR)$(PREFIX)/share/locale/; fi

clean:
	rm -rf $(BUILD) build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
