#!/bin/sh
# make test-valgrind: the C, SQL and Python suites under valgrind memcheck.
# An invalid read or write, a use of uninitialised memory or a definite leak
# makes valgrind exit with status 99, which tests/run.py counts as a failure
# of that test (C tests, SQL goldens) or of the suite (Python: the
# interpreter itself runs under valgrind, with PYTHONMALLOC=malloc so that
# valgrind sees every allocation). Reports go to build/valgrind/*.log.
set -eu
root=$(pwd)
out=$root/build/valgrind
rm -rf "$out"
mkdir -p "$out/bin"
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --keep-debuginfo=yes --suppressions=$(pwd)/tools/valgrind-icu.supp"
# The sqlite3 shell, wrapped: tests/run.py takes it from $SQLITE3.
cat >"$out/bin/sqlite3" <<SH
#!/bin/sh
exec $vg --log-file=$out/sqlite3.%p.log sqlite3 "\$@"
SH
chmod +x "$out/bin/sqlite3"
status=0
# C tests: run each binary under valgrind.
for exe in build/tests/test_*; do
  name=$(basename "$exe")
  if $vg --log-file="$out/$name.log" "$exe" >"$out/$name.out" 2>&1; then
    echo "valgrind $name: ok ($(grep -c '^ok - ' "$out/$name.out") checks)"
  else
    echo "valgrind $name: FAILED"; tail -30 "$out/$name.log"; status=1
  fi
done
SQLITE3="$out/bin/sqlite3" /usr/bin/python3 tests/run.py --only sql || status=1
PYTHONMALLOC=malloc $vg --log-file="$out/python.%p.log" /usr/bin/python3 tests/run.py --only python || status=1
# A log with content is a report, whatever the exit status.
for log in "$out"/*.log; do
  if [ -s "$log" ]; then echo "valgrind report in $log:"; head -40 "$log"; status=1; fi
done
[ $status -eq 0 ] && echo "test-valgrind: no invalid access, no definite leak"
exit $status
