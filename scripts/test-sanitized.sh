#!/usr/bin/env bash
# The test suites that need no window (core_tests, ml_tests, cli_tests: every loader, the store,
# export, de-identification, training, and the CLI as a process) built with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer in build-fuzz/ (shared with the fuzz targets) and run. Any sanitizer
# report fails the run. The GUI and controller suites are left out: they would need Qt's widgets
# compiled into this build as well, and the code they add above core is exercised by the normal run.
# Usage: scripts/test-sanitized.sh [GTEST_FILTER]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${DELINEO_FUZZ_BUILD:-$here/build-fuzz}"
filter="${1:-*}"
# shellcheck source=scripts/sanitizer-build.sh
. "$here/scripts/sanitizer-build.sh"
suites=(core_tests ml_tests cli_tests)
cmake --build "$build" -j "$(nproc)" --target "${suites[@]}"
export LSAN_OPTIONS="suppressions=$here/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export QT_QPA_PLATFORM=offscreen
failed=()
for s in "${suites[@]}"; do
  start=$(date +%s)
  if "$build/tests/$s" --gtest_filter="$filter" > "$build/$s.sanitized.log" 2>&1; then
    echo "$s under ASan+UBSan: passed ($(grep -o '[0-9]* tests\? from [0-9]* test suites\? ran' "$build/$s.sanitized.log" | head -n 1), $(( $(date +%s) - start )) s)"
  else
    failed+=("$s")
    echo "$s under ASan+UBSan: FAILED, see $build/$s.sanitized.log"
    grep -E '^(SUMMARY|\[  FAILED  \])|runtime error' "$build/$s.sanitized.log" | head -n 20 || true
  fi
done
[ ${#failed[@]} -eq 0 ]
