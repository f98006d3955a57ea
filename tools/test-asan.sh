#!/bin/sh
# make test-asan: every test suite against a build with AddressSanitizer and
# UndefinedBehaviorSanitizer (sh tools/test-asan.sh "SANITIZER CFLAGS").
#
# The source tree is copied to build/asan/tree and built there with gcc and
# the sanitizer flags, so dist/arabic.so, dist/libsqlite_arabic.a and every
# C test of the copy are instrumented and tests/run.py runs unchanged:
#   - C tests: instrumented binaries, leak detection on;
#   - SQL goldens and docs: the system sqlite3 shell and Python load the
#     instrumented dist/arabic.so, with the ASan runtime preloaded
#     (LD_PRELOAD); leak detection off there, since the shell and the
#     interpreter do not free everything at exit (valgrind covers leaks of
#     those suites: make test-valgrind);
#   - Python tests: the same, in /usr/bin/python3.
# Any sanitizer report ends the process that made it and is written to
# build/asan/logs; the target fails when a suite fails or a log exists.
set -eu
flags=${1:-"-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all"}
root=$(pwd)
out=$root/build/asan
rm -rf "$out/tree" "$out/logs"
mkdir -p "$out/tree" "$out/logs"
# The files git knows plus new ones not ignored: what the developer is testing.
git ls-files -co --exclude-standard -z | xargs -0 tar cf - | tar xf - -C "$out/tree"
# ../shared as seen from the copy, for tests that read the shared data.
if [ -d "$root/../shared" ] && [ ! -e "$out/shared" ]; then ln -s "$root/../shared" "$out/shared"; fi
cd "$out/tree"
make -j2 CC=gcc CFLAGS="$flags" all >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }
make -j2 CC=gcc CFLAGS="$flags" $(ls tests/c/test_*.c | sed 's|tests/c/\(.*\)\.c|build/tests/\1|') \
  >>"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }
asan_rt=$(gcc -print-file-name=libasan.so)
ubsan_rt=$(gcc -print-file-name=libubsan.so)
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$out/logs/ubsan"
status=0
: >"$out/results.txt"
# Run a suite, keep its output for the total.
suite() {
  "$@" >"$out/suite.txt" 2>&1
  rc=$?
  cat "$out/suite.txt" | tee -a "$out/results.txt"
  return $rc
}
ASAN_OPTIONS="detect_leaks=1:log_path=$out/logs/asan" suite /usr/bin/python3 tests/run.py --only c || status=1
# ARABIC_TEST_CFLAGS: the C snippets of the docs link the instrumented static library.
for s in sql docs scripts python; do
  LD_PRELOAD="$asan_rt $ubsan_rt" ASAN_OPTIONS="detect_leaks=0:log_path=$out/logs/asan" \
    ARABIC_TEST_CFLAGS="$flags" suite /usr/bin/python3 tests/run.py --only $s || status=1
done
# One closing line for the five runs.
awk '/^# [a-z]+: [0-9]+ passed, [0-9]+ failed/ { p += $3; f += $5 } END { printf "asan: %d passed, %d failed\n", p, f }' \
  "$out/results.txt"
if [ -n "$(ls "$out/logs")" ]; then
  echo "test-asan: sanitizer reports in build/asan/logs:"
  head -40 "$out"/logs/*
  status=1
fi
[ $status -eq 0 ] && echo "test-asan: every suite passed, no sanitizer report"
exit $status
