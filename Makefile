# ilcc build. `make` builds build/ilcc; `make test` installs what is missing,
# builds and runs every test; `make bench` measures; `make fuzz` fuzzes the
# metadata reader and the compiler up to the C, FUZZ_SECONDS each.
CC ?= cc
ifeq ($(origin CC),default)
CC := gcc
endif
OPT ?= -O2
CFLAGS ?= $(OPT) -g
CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -MMD -MP
BUILD ?= build
PREFIX ?= /usr/local

SRCS := $(wildcard src/*.c src/*/*.c)
OBJS := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS))

RT_SRCS := $(wildcard runtime/*.c)
RT_OBJS := $(RT_SRCS:runtime/%.c=$(BUILD)/rt/%.o) $(BUILD)/rt/normtab.o
RT_CFLAGS = $(OPT) -g -std=gnu11 -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables -Wall -Wextra -Wno-unused-parameter -MMD -MP \
	-DGC_THREADS -D_GNU_SOURCE $(RT_EXTRA)

RT_PIC_OBJS := $(RT_SRCS:runtime/%.c=$(BUILD)/rt-pic/%.o) $(BUILD)/rt-pic/normtab.o

RT_HEADERS := $(BUILD)/include/rt.h $(BUILD)/include/rt_ops.h

all: $(BUILD)/ilcc $(BUILD)/libilccrt.a $(BUILD)/libilccrt_pic.a $(RT_HEADERS) $(BUILD)/IlccSupport.dll \
	$(BUILD)/IlccExpr.dll $(BUILD)/IlccXml.dll $(BUILD)/IlccCore.dll $(BUILD)/cultures.txt $(BUILD)/objects/made \
	$(BUILD)/keys-checked

# Every class-library name in the compiler's tables of rules names a member
# of the installed class library (src/keys.c): a misspelt key would
# silently do nothing, so the build fails instead.
$(BUILD)/keys-checked: $(BUILD)/ilcc $(BUILD)/IlccExpr.dll $(BUILD)/IlccXml.dll $(BUILD)/IlccCore.dll \
		$(BUILD)/IlccSupport.dll
	$(BUILD)/ilcc check-keys
	@touch $@

# The class library's core (what Console.WriteLine(string) reaches, and
# for programs that name collections or LINQ lib/IlccCore.cs's seed: build.c
# reach_core_library), compiled once here into the installation's object
# store: a build of any program that names Console takes these units from
# it (docs/design.md, "A class library compiled once"). The seed program
# reaches nothing of the library outside the core, so its units other than
# m0 (its own code), data.c and lits.c are exactly the core's.
$(BUILD)/objects/made: $(BUILD)/ilcc $(BUILD)/libilccrt.a $(RT_HEADERS) $(BUILD)/IlccCore.dll lib/core-seed.cs \
		scripts/core-store
	scripts/core-store $(BUILD) $(BUILD)/objects --libc=glibc

# The types modern C# needs and Mono's library lacks (src/frontend.c).
$(BUILD)/IlccSupport.dll: lib/IlccSupport.cs
	@mkdir -p $(dir $@)
	mcs -nologo -target:library -out:$@ $<

# Expression.Compile's interpreter (src/emit/expr.c).
$(BUILD)/IlccExpr.dll: lib/IlccExpr.cs lib/IlccExprOps.cs
	@mkdir -p $(dir $@)
	mcs -nologo -target:library -r:System.Core -out:$@ $^

# XmlSerializer's reflection-driven reader and writer (src/emit/xmlser.c).
$(BUILD)/IlccXml.dll: lib/IlccXml.cs
	@mkdir -p $(dir $@)
	mcs -nologo -target:library -r:System.Xml -out:$@ $<

# The second layer of the class library's core (src/build.c
# reach_core_collections).
$(BUILD)/IlccCore.dll: lib/IlccCore.cs
	@mkdir -p $(dir $@)
	mcs -nologo -target:library -r:System.Core -out:$@ $<

# The named cultures' data as the installed mono's runtime hands it out
# (tools/cultures.cs; src/emit/culture.c builds in those a program names).
# regions.txt, RegionInfo's, is written with it.
$(BUILD)/cultures.txt: tools/cultures.cs
	@mkdir -p $(BUILD)/gen
	mcs -nologo -unsafe -out:$(BUILD)/gen/cultures.exe $<
	mono $(BUILD)/gen/cultures.exe $@.tmp $(BUILD)/regions.txt.tmp && \
		mv $(BUILD)/regions.txt.tmp $(BUILD)/regions.txt && mv $@.tmp $@

# The Unicode normalisation tables of string.Normalize (tools/normtab.cs
# takes them from the installed mono, so both normalise alike).
$(BUILD)/gen/normtab.c: tools/normtab.cs
	@mkdir -p $(dir $@)
	mcs -nologo -out:$(BUILD)/gen/normtab.exe $<
	mono $(BUILD)/gen/normtab.exe $@

$(BUILD)/rt/normtab.o: $(BUILD)/gen/normtab.c
	$(CC) $(RT_CFLAGS) -c -o $@ $<

$(BUILD)/rt-pic/normtab.o: $(BUILD)/gen/normtab.c
	$(CC) $(RT_CFLAGS) -fPIC -c -o $@ $<

$(BUILD)/include/%.h: runtime/%.h
	@mkdir -p $(dir $@)
	cp $< $@

# The runtime, linked into every executable ilcc builds (with libgc).
$(BUILD)/libilccrt.a: $(RT_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/rt/%.o: runtime/%.c
	@mkdir -p $(dir $@)
	$(CC) $(RT_CFLAGS) -c -o $@ $<

# The stack walker has unwind tables: a walk starts in its own frames
# (runtime/stack.c; linked only into programs that walk their stack).
$(BUILD)/rt/stack.o: runtime/stack.c
	@mkdir -p $(dir $@)
	$(CC) $(RT_CFLAGS) -fasynchronous-unwind-tables -c -o $@ $<

-include $(RT_OBJS:.o=.d)

# The same, position-independent, for native libraries (--shared, --static-lib),
# with unwind tables: their host may unwind through them.
$(BUILD)/libilccrt_pic.a: $(RT_PIC_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/rt-pic/%.o: runtime/%.c
	@mkdir -p $(dir $@)
	$(CC) $(RT_CFLAGS) -fPIC -fasynchronous-unwind-tables -c -o $@ $<

-include $(RT_PIC_OBJS:.o=.d)

$(BUILD)/ilcc: $(OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

-include $(OBJS:.o=.d)

# The runtime for another target, for `ilcc build --target $(TARGET)`.
TARGET ?= aarch64-linux-gnu
cross:
	$(MAKE) BUILD=$(BUILD)/$(TARGET) CC=$(TARGET)-gcc $(BUILD)/$(TARGET)/libilccrt.a \
		$(BUILD)/$(TARGET)/libilccrt_pic.a

# The runtime and Boehm GC for musl, which `ilcc build --size` links with
# (scripts/build-musl: skipped with a note when musl or libgc's source
# cannot be had).
musl: $(BUILD)/ilcc $(RT_HEADERS) $(BUILD)/IlccCore.dll
	BUILD=$(BUILD) scripts/build-musl
	[ ! -f $(BUILD)/musl/libgc.a ] || $(MAKE) -s $(BUILD)/musl/objects/made

# Once `make musl` has made it, the musl runtime follows the runtime's
# sources (a stale one would not match rt.h).
ifneq ($(wildcard $(BUILD)/musl/libgc.a),)
all: musl-runtime
endif
musl-runtime: $(BUILD)/ilcc $(RT_HEADERS) $(BUILD)/IlccCore.dll
	$(MAKE) -s BUILD=$(BUILD)/musl CC=musl-gcc RT_EXTRA=-I$(abspath $(BUILD))/musl/gc/include \
		$(BUILD)/musl/libilccrt.a
	$(MAKE) -s $(BUILD)/musl/objects/made

# The installed store for musl (as $(BUILD)/objects for glibc), made
# after the musl runtime (musl-runtime).
$(BUILD)/musl/objects/made: $(BUILD)/ilcc $(BUILD)/musl/libilccrt.a $(BUILD)/musl/libgc.a $(RT_HEADERS) \
		$(BUILD)/IlccCore.dll lib/core-seed.cs scripts/core-store
	scripts/core-store $(BUILD) $(BUILD)/musl/objects --libc=musl

deps:
	scripts/install-deps

# musl is the default C library where `make musl` built its runtime
# (docs/design.md, "musl by default"), so the tests build it first.
test: deps
	$(MAKE) all
	$(MAKE) musl
	tests/run-all

# The README's first command: set up, then build an example from source,
# run it and show what it costs beside mono (examples/run).
example: deps
	$(MAKE) all
	$(MAKE) musl
	examples/run hello

bench: all
	bench/run

# Which public methods of the class library a program could call and
# still be built (src/coverage.c): the table in $(BUILD)/coverage.md, every
# verdict in $(BUILD)/coverage.tsv; docs/coverage.md keeps the numbers.
MONO_LIB ?= $(or $(ILCC_MONO_LIB),/usr/lib/mono/4.5)
COVERAGE_ASSEMBLIES := mscorlib System System.Core System.Xml System.Xml.Linq \
	System.Numerics System.Runtime.Serialization System.Net.Http
COVERAGE_JOBS ?= 2
coverage: all
	$(BUILD)/ilcc coverage -j $(COVERAGE_JOBS) --md $(BUILD)/coverage.md \
		--tsv $(BUILD)/coverage.tsv $(COVERAGE_ASSEMBLIES:%=$(MONO_LIB)/%.dll)

FUZZ_SECONDS ?= 60
fuzz: deps
	$(MAKE) all
	tests/fuzz/run $(FUZZ_SECONDS)

install: all
	install -D -m 755 $(BUILD)/ilcc $(DESTDIR)$(PREFIX)/bin/ilcc
	install -D -m 644 $(BUILD)/libilccrt.a $(DESTDIR)$(PREFIX)/lib/ilcc/libilccrt.a
	install -D -m 644 $(BUILD)/libilccrt_pic.a $(DESTDIR)$(PREFIX)/lib/ilcc/libilccrt_pic.a
	install -D -m 644 $(BUILD)/IlccSupport.dll $(DESTDIR)$(PREFIX)/lib/ilcc/IlccSupport.dll
	install -D -m 644 $(BUILD)/IlccExpr.dll $(DESTDIR)$(PREFIX)/lib/ilcc/IlccExpr.dll
	install -D -m 644 $(BUILD)/IlccXml.dll $(DESTDIR)$(PREFIX)/lib/ilcc/IlccXml.dll
	install -D -m 644 $(BUILD)/IlccCore.dll $(DESTDIR)$(PREFIX)/lib/ilcc/IlccCore.dll
	install -D -m 644 $(BUILD)/cultures.txt $(DESTDIR)$(PREFIX)/lib/ilcc/cultures.txt
	install -D -m 644 $(BUILD)/regions.txt $(DESTDIR)$(PREFIX)/lib/ilcc/regions.txt
	install -D -m 644 docs/ilcc.1 $(DESTDIR)$(PREFIX)/share/man/man1/ilcc.1
	install -D -m 644 -t $(DESTDIR)$(PREFIX)/lib/ilcc/include $(RT_HEADERS)
	install -D -m 644 -t $(DESTDIR)$(PREFIX)/lib/ilcc/objects $(BUILD)/objects/*.o
	[ ! -f $(BUILD)/musl/libgc.a ] || { \
		install -D -m 644 -t $(DESTDIR)$(PREFIX)/lib/ilcc/musl $(BUILD)/musl/libilccrt.a $(BUILD)/musl/libgc.a && \
		install -D -m 644 -t $(DESTDIR)$(PREFIX)/lib/ilcc/musl/objects $(BUILD)/musl/objects/*.o; }

clean:
	rm -rf $(BUILD)

.PHONY: all musl musl-runtime deps example test bench coverage fuzz install clean
