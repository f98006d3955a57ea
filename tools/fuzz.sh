#!/bin/sh
# Run each libFuzzer target for SECONDS: `sh tools/fuzz.sh SECONDS TARGET...`
# (make fuzz). The seed corpus is tests/fuzz/corpus/TARGET (read only);
# what the fuzzer finds goes to build/fuzz/corpus/TARGET, a crashing input
# to build/fuzz/artifacts/. Prints one line per target: runs, corpus, result.
set -u
seconds=$1
shift
mkdir -p build/fuzz/artifacts
status=0
for t in "$@"; do
  mkdir -p "build/fuzz/corpus/$t" "tests/fuzz/corpus/$t"
  log="build/fuzz/$t.log"
  ./build/fuzz/"$t" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$t-" \
    "build/fuzz/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "fuzz $t: ok, ${runs:-?} runs in ${seconds}s, $cov, corpus $(ls "build/fuzz/corpus/$t" | wc -l) files"
  else
    echo "fuzz $t: FAILED (exit $rc) after ${runs:-?} runs; log build/fuzz/$t.log:"
    grep -E 'ERROR|SUMMARY|fuzz_|runtime error|artifact' "$log" | head -20
    status=1
  fi
done
exit $status
