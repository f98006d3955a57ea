# sqlite-arabic. `make` builds dist/arabic.so; `make test` runs every test;
# `make demo` builds a database from the sample corpus and queries it.

VERSION := $(shell cat VERSION)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
PKGS    := sqlite3 icu-uc libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs icu-uc libutf8proc 2>/dev/null)
PYTHON  ?= /usr/bin/python3
PREFIX  ?= /usr/local

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wshadow -Wsign-compare -Wno-unused-parameter
DEFS    := -DARABIC_VERSION='"$(VERSION)"' -DARABIC_COMMIT='"$(COMMIT)"'
ALL_CFLAGS = $(WARN) $(CFLAGS) $(DEFS) $(PKG_CFLAGS)

# core/ is the engine (no SQLite calls but core/alloc.c); functions/ and
# tokenizer/ are its SQL faces; ext/ is the entry point and SQLite plumbing.
SRCS := $(wildcard core/*.c core/ner/*.c ext/*.c functions/*.c tokenizer/*.c)
HDRS := $(wildcard core/*.h core/ner/*.h ext/*.h)
LOADABLE_OBJS := $(SRCS:%.c=build/loadable/%.o)
STATIC_OBJS   := $(SRCS:%.c=build/static/%.o)
C_TESTS := $(patsubst tests/c/%.c,build/tests/%,$(wildcard tests/c/test_*.c))

.PHONY: all loadable static test test-c deps clean install demo corpus version
all: loadable static
loadable: dist/arabic.so
static: dist/libsqlite_arabic.a

build/loadable/%.o: %.c $(HDRS) VERSION
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

build/static/%.o: %.c $(HDRS) VERSION
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DSQLITE_CORE -c $< -o $@

# No -lsqlite3: the host process provides SQLite.
dist/arabic.so: $(LOADABLE_OBJS)
	@mkdir -p dist
	$(CC) -shared -fvisibility=hidden -Wl,--no-undefined -Wl,--unresolved-symbols=ignore-in-object-files \
	  $(CFLAGS) -o $@ $(LOADABLE_OBJS) $(PKG_LIBS) -lpthread -lm

dist/libsqlite_arabic.a: $(STATIC_OBJS)
	@mkdir -p dist
	rm -f $@
	ar rcs $@ $(STATIC_OBJS)

# C tests link the static library: they drive the real registration path.
build/tests/%: tests/c/%.c tests/c/testlib.h tests/c/fts5_lookup.h dist/libsqlite_arabic.a
	@mkdir -p build/tests
	$(CC) $(ALL_CFLAGS) -DSQLITE_CORE -o $@ $< dist/libsqlite_arabic.a -lsqlite3 $(PKG_LIBS) -lpthread -lm

# `make test` and `make demo` first make sure the dependencies are there (as
# root on Debian they are installed), then build in a new make, whose
# pkg-config calls see them.
test: deps
	@$(MAKE) --no-print-directory -s all $(C_TESTS)
	$(PYTHON) tests/run.py

test-c: $(C_TESTS)
	$(PYTHON) tests/run.py --only c

# tools/bench_translit.c: transliteration and COLLATE arabic against BINARY
# and ICU. A rule without a recipe, so other benchmarks can join `make bench`.
.PHONY: bench bench-translit
bench: bench-translit
bench-translit: build/tools/bench_translit
	./build/tools/bench_translit

# tools/eval_ir.py: retrieval quality (MAP) on ARCD, against unicode61, in one run.
.PHONY: bench-ir
bench: bench-ir
bench-ir: loadable
	$(PYTHON) tools/eval_ir.py

# tools/bench_corpus.py: import throughput, database size and example latencies on 30 MB of news.
.PHONY: bench-corpus
bench: bench-corpus
bench-corpus: loadable
	$(PYTHON) tools/bench_corpus.py

build/tools/bench_translit: tools/bench_translit.c $(HDRS) dist/libsqlite_arabic.a
	@mkdir -p build/tools
	$(CC) $(ALL_CFLAGS) -DSQLITE_CORE -o $@ $< dist/libsqlite_arabic.a -lsqlite3 $(PKG_LIBS) \
	  $(shell pkg-config --libs icu-i18n) -lpthread -lm

deps:
	@sh tools/install-deps.sh

demo: deps
	@$(MAKE) --no-print-directory -s loadable
	sh tools/demo.sh

# make corpus CORPUS=folder DB=news.db: import every *.txt under the folder
# (or a one-article-per-line file); run again to update.
corpus: loadable
	@test -n "$(CORPUS)" -a -n "$(DB)" || { echo "usage: make corpus CORPUS=<folder or file> DB=<database>"; exit 2; }
	$(PYTHON) python/sqlite_arabic/importer.py "$(CORPUS)" "$(DB)"

install: all
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include
	install -m 0755 dist/arabic.so $(DESTDIR)$(PREFIX)/lib/arabic.so
	install -m 0644 dist/libsqlite_arabic.a $(DESTDIR)$(PREFIX)/lib/libsqlite_arabic.a
	install -m 0644 ext/sqlite_arabic.h $(DESTDIR)$(PREFIX)/include/sqlite_arabic.h

version:
	@echo $(VERSION) $(COMMIT)

clean:
	rm -rf build dist

# ---- reliability and benchmarks ---------------------------------------------
# None of these is part of `make test` (test_oom and test_threads are: they
# are ordinary tests/c/test_*.c). See docs/reliability.md.
#   make bench          (bench-core) tools/bench.c: tokenizer, index build, queries, functions vs unicode61
#   make test-asan      every suite against a copy built with -fsanitize=address,undefined
#   make test-tsan      tests/c/test_threads.c built with -fsanitize=thread
#   make test-valgrind  C, SQL and Python suites under valgrind
#   make fuzz           each tests/fuzz/fuzz_*.c target for FUZZ_TIME seconds (libFuzzer)
#   make deps-proof     the dependencies, plus clang, libclang-rt-14-dev (libFuzzer) and valgrind
CLANG     ?= clang
FUZZ_TIME ?= 20
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
LINK_LIBS  = -lsqlite3 $(PKG_LIBS) -lpthread -lm
SAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

.PHONY: bench-core test-asan test-tsan test-valgrind fuzz fuzz-build deps-proof

build/bench: tools/bench.c dist/libsqlite_arabic.a
	@mkdir -p build
	$(CC) $(ALL_CFLAGS) -O2 -DSQLITE_CORE -o $@ tools/bench.c dist/libsqlite_arabic.a $(LINK_LIBS)

bench: bench-core
bench-core: build/bench
	./build/bench

build/fuzz/%: tests/fuzz/%.c $(SRCS) $(HDRS)
	@mkdir -p build/fuzz
	$(CLANG) $(WARN) $(DEFS) $(PKG_CFLAGS) -DSQLITE_CORE -O1 -g -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=all -o $@ $< $(SRCS) $(LINK_LIBS)

fuzz-build: $(FUZZ_TARGETS:%=build/fuzz/%)

fuzz: fuzz-build
	sh tools/fuzz.sh $(FUZZ_TIME) $(FUZZ_TARGETS)

build/tsan/test_threads: tests/c/test_threads.c tests/c/testlib.h tests/c/fts5_lookup.h $(SRCS) $(HDRS)
	@mkdir -p build/tsan
	$(CLANG) $(WARN) $(DEFS) $(PKG_CFLAGS) -DSQLITE_CORE -O1 -g -fsanitize=thread -o $@ $< $(SRCS) $(LINK_LIBS)

test-tsan: build/tsan/test_threads
	TSAN_OPTIONS=halt_on_error=1 ./build/tsan/test_threads

test-asan:
	sh tools/test-asan.sh "$(SAN_CFLAGS)"

test-valgrind: all $(C_TESTS)
	sh tools/test-valgrind.sh

deps-proof:
	@sh tools/install-deps.sh proof

# The entity tagger: `make train` rebuilds core/ner/ner_model.c from ../shared/data (ANERcorp);
# `make eval` trains on the first five sixths, builds dist/holdout/arabic.so with that model and
# scores it on the last sixth, then scores the shipped model on the seed articles.
NER_DATA    ?= ../shared/data/ner/anercorp-train.conll
NER_EPOCHS  ?= 15
NER_PRUNE   ?= 100
NER_RUNS    ?= 3
NER_DROP    ?= 300
# The trainer links the cores with the C library's allocator (AR_ALLOC_LIBC).
TRAIN_SRCS  := $(filter-out core/ner/ner_model.c,$(wildcard core/*.c core/ner/*.c))
.PHONY: train eval
build/train_ner: tools/train_ner.c $(TRAIN_SRCS) $(HDRS)
	@mkdir -p build
	$(CC) $(WARN) -O2 -DAR_ALLOC_LIBC $(PKG_CFLAGS) -o $@ tools/train_ner.c $(TRAIN_SRCS) $(PKG_LIBS) -lpthread -lm

train: build/train_ner
	build/train_ner -e $(NER_EPOCHS) -runs $(NER_RUNS) -drop $(NER_DROP) -prune $(NER_PRUNE) -o core/ner/ner_model.c $(NER_DATA)

dist/holdout/arabic.so: build/train_ner $(LOADABLE_OBJS)
	@mkdir -p build/holdout dist/holdout
	build/train_ner -e $(NER_EPOCHS) -runs $(NER_RUNS) -drop $(NER_DROP) -prune $(NER_PRUNE) -holdout 6 -o build/holdout/ner_model.c $(NER_DATA)
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -Icore/ner -c build/holdout/ner_model.c -o build/holdout/ner_model.o
	$(CC) -shared -fvisibility=hidden -Wl,--no-undefined -Wl,--unresolved-symbols=ignore-in-object-files \
	  $(CFLAGS) -o $@ $(filter-out build/loadable/core/ner/ner_model.o,$(LOADABLE_OBJS)) build/holdout/ner_model.o \
	  $(PKG_LIBS) -lpthread -lm

eval: loadable dist/holdout/arabic.so
	$(PYTHON) tools/eval_ner.py
