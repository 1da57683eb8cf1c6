#!/usr/bin/env bash
# The whole suite under ASan+UBSan, and the concurrency tests under TSan
# (g++, Debian's runtimes). Usage: scripts/sanitize.sh [asan|tsan|all]
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
scripts/install-deps.sh
jobs=$(nproc)
if [[ $which == asan || $which == all ]]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFAKEAWS_SANITIZE=address,undefined \
    -DFAKEAWS_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 600
fi
if [[ $which == tsan || $which == all ]]; then
  cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFAKEAWS_SANITIZE=thread \
    -DFAKEAWS_BUILD_BENCH=OFF >/dev/null
  cmake --build build-tsan -j"$jobs"
  TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/scripts/tsan.supp \
    ctest --test-dir build-tsan --output-on-failure -L concurrency --timeout 600
fi
