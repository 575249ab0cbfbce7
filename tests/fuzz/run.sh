#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time.
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
build=build/fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMUSTER_FUZZ=ON -DMUSTER_BUILD_TESTS=OFF -DMUSTER_BUILD_BENCH=OFF \
  "-DMUSTER_ONLY=core;crypto;jose;storage;oneroster;odata" >/dev/null
targets=(form_fuzz basic_auth_fuzz jwt_fuzz oneroster_query_fuzz odata_query_fuzz dex_key_fuzz)
ninja -C "$build" -j "$(nproc)" "${targets[@]}"
status=0
for t in "${targets[@]}"; do
  work=$(mktemp -d)
  cp -r "tests/fuzz/corpus/$t/." "$work/" 2>/dev/null || true
  if "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
      -print_final_stats=0 -artifact_prefix="$build/$t-" "$work" >"$build/$t.log" 2>&1; then
    echo "fuzz $t: ok ($(grep -c . "$build/$t.log") log lines, $(ls "$work" | wc -l) corpus files)"
  else
    echo "fuzz $t: FAILED (see $build/$t.log)"
    tail -40 "$build/$t.log"
    status=1
  fi
  rm -rf "$work"
done
exit $status
