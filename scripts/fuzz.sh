#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and runs each for a
# while, seeded from the golden wire files. Prints each target's executions.
# Usage: scripts/fuzz.sh [seconds-per-target=60] [build-dir=build-fuzz]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${2:-build-fuzz}
scripts/install-deps.sh
command -v clang++ >/dev/null || { sudo_cmd=(); [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo); "${sudo_cmd[@]}" apt-get install -y -qq clang libclang-rt-dev; }
CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFAKEAWS_FUZZ=ON \
  -DFAKEAWS_SANITIZE=address,undefined -DFAKEAWS_BUILD_TESTS=OFF -DFAKEAWS_BUILD_BENCH=OFF >/dev/null
fuzzers=$(ls tests/fuzz/*_fuzzer.cc | xargs -n1 basename | sed 's/\.cc$//')
cmake --build "$build" -j"$(nproc)" --target $fuzzers
python3 scripts/fuzz_corpus.py "$build/corpus"
status=0
for f in $fuzzers; do
  mkdir -p "$build/corpus/$f" "$build/crashes/$f"
  log="$build/$f.log"
  if "$build/tests/fuzz/$f" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/crashes/$f/" "$build/corpus/$f" >"$log" 2>&1; then
    # libFuzzer's own count: the final stats, else its closing "Done N runs" line.
    # (Never a "#N" from elsewhere in the log: dictionary entries start with one.)
    execs=$(grep -Eo '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || true)
    [[ -z $execs ]] && execs=$(grep -Eo '^Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || true)
    echo "$f: ${execs:-?} executions, 0 crashes"
  else
    echo "$f: FAILED (see $log and $build/crashes/$f/)"; tail -30 "$log"; status=1
  fi
done
exit $status
