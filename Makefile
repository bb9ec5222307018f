# Heron build.  `make` builds build/libheron.a and build/heron (release, -O2).
# Other targets: debug, asan, test, test262, bench, clean, format.
# Every src/**/*.c file is part of libheron; cli/*.c is the heron program;
# tools/test262/*.c is the conformance runner; tests/unit/*.c are C unit tests.

CC ?= cc
MODE ?= release
BUILD ?= build

WARN := -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
        -Wno-missing-field-initializers -Wno-implicit-fallthrough
CFLAGS_release := -O2 -DNDEBUG
CFLAGS_debug := -O0 -g -DHX_DEBUG
CFLAGS_asan := -O1 -g -DHX_DEBUG -fsanitize=address,undefined -fno-omit-frame-pointer \
               -fno-sanitize-recover=undefined
LDFLAGS_asan := -fsanitize=address,undefined
CPPFLAGS += -D_GNU_SOURCE -Iinclude -Isrc -fvisibility=hidden
ALL_CFLAGS = $(WARN) $(CFLAGS_$(MODE)) $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(LDFLAGS_$(MODE)) $(LDFLAGS)

OBJ := $(BUILD)/obj
LIB_SRC := $(filter-out $(EXCLUDE),$(sort $(wildcard src/*/*.c)))
CLI_SRC := $(sort $(wildcard cli/*.c))
T262_SRC := $(sort $(wildcard tools/test262/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(OBJ)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(OBJ)/%.o)
T262_OBJ := $(T262_SRC:%.c=$(OBJ)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)
LIBS := -lm -lpthread

.PHONY: all debug asan test test-unit test-scripts test-gcstress test262 test262-update bench run clean format
all: $(BUILD)/libheron.a $(BUILD)/heron

$(OBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libheron.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(BUILD)/heron: $(CLI_OBJ) $(BUILD)/libheron.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) -Wl,--whole-archive $(BUILD)/libheron.a -Wl,--no-whole-archive $(LIBS)

$(BUILD)/test262: $(T262_OBJ) $(BUILD)/libheron.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(T262_OBJ) -Wl,--whole-archive $(BUILD)/libheron.a -Wl,--no-whole-archive $(LIBS)

$(BUILD)/unit/%: tests/unit/%.c $(BUILD)/libheron.a
	@mkdir -p $(dir $@)
	@echo "  LINK $@"
	@$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< -Wl,--whole-archive $(BUILD)/libheron.a -Wl,--no-whole-archive $(LIBS)

debug:
	$(MAKE) MODE=debug BUILD=build/debug
asan:
	$(MAKE) MODE=asan BUILD=build/asan

run: all
	$(BUILD)/heron examples/hello.ts

# The whole test suite: C unit tests, script tests in release, GC-stress and
# sanitizer configurations.
test: all $(UNIT_BIN)
	@tools/run-unit.sh $(BUILD)
	@tools/run-scripts.sh $(BUILD)/heron
	@HERON_GC_STRESS=1 tools/run-scripts.sh $(BUILD)/heron
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory MODE=asan BUILD=build/asan build/asan/heron $(UNIT_SRC:tests/unit/%.c=build/asan/unit/%)
	@ASAN_OPTIONS=detect_leaks=1 tools/run-unit.sh build/asan
	@ASAN_OPTIONS=detect_leaks=1 tools/run-scripts.sh build/asan/heron

test-unit: all $(UNIT_BIN)
	@tools/run-unit.sh $(BUILD)
test-scripts: all
	@tools/run-scripts.sh $(BUILD)/heron

T262_DIR ?= $(BUILD)/test262-suite/test262
$(BUILD)/test262-suite/test262/harness/assert.js:
	@mkdir -p $(BUILD)/test262-suite
	tar -xJf ../shared/test262/test262.tar.xz -C $(BUILD)/test262-suite

test262: $(BUILD)/test262 $(BUILD)/test262-suite/test262/harness/assert.js
	$(BUILD)/test262 --test262 $(T262_DIR) --baseline tests/test262/expected-failures.txt \
	  --skip-features tests/test262/unsupported-features.txt $(T262_ARGS)

test262-update: $(BUILD)/test262 $(BUILD)/test262-suite/test262/harness/assert.js
	$(BUILD)/test262 --test262 $(T262_DIR) --baseline tests/test262/expected-failures.txt \
	  --skip-features tests/test262/unsupported-features.txt --update $(T262_ARGS)

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(T262_SRC) $(UNIT_SRC) $(wildcard src/*/*.h) include/heron.h

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# ---- front end: parsecheck (added by the parser engineer) -------------------
# parsecheck [--module] [--ts] [--strict] [--dump] file...  |  parsecheck --batch
# tools/parse-test262.py $(BUILD)/parsecheck  measures it against test262;
# tests/ts/parse/run.sh $(BUILD)/parsecheck   runs the TypeScript parse tests.
$(BUILD)/parsecheck: $(OBJ)/tools/parsecheck.o $(BUILD)/libheron.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJ)/tools/parsecheck.o $(BUILD)/libheron.a $(LIBS)
