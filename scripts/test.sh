#!/usr/bin/env bash
# The whole test suite, as `make test` runs it (and CI through .ci/run):
#   1. format check        clang-format 14, Google style at 100 columns
#   2. release build       -Werror, the optimised `muster` binary the integration tests use
#   3. ASan+UBSan build    every unit test (ctest) under the sanitizers
#   4. fuzzing             libFuzzer targets, each for a bounded time
#   5. integration         the real binary over HTTP with independent clients
#                          (node openid-client/jose, python authlib/pyjwt, curl), once
#                          against the release build and once against the ASan build
# Prints a closing "stages: N passed, N failed" line and exits non-zero if any stage failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# Let ccache (when installed) reuse objects across checkouts in other folders.
export CCACHE_BASEDIR=$ROOT CCACHE_NOHASHDIR=true
JOBS=${JOBS:-$(nproc)}
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
passed=0
failed=0
failed_names=()

stage() {  # stage NAME COMMAND...
  local name=$1
  shift
  local start=$SECONDS
  echo "::: ${name}"
  if "$@"; then
    passed=$((passed + 1))
    echo "::: ${name}: ok ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failed_names+=("$name")
    echo "::: ${name}: FAILED ($((SECONDS - start)) s)"
  fi
}

# The release build makes only the binary (unit tests run once, under the sanitizers, to keep
# the whole suite within CI's budget on two cores).
build_release() {
  cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DMUSTER_BUILD_TESTS=OFF \
    -DMUSTER_BUILD_BENCH=OFF >/dev/null &&
    ninja -C build/release -j "$JOBS" muster
}
build_asan() {
  cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMUSTER_SANITIZE=ON \
    -DMUSTER_BUILD_BENCH=OFF >/dev/null &&
    ninja -C build/asan -j "$JOBS"
}
unit_asan() {
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build/asan --output-on-failure -j "$JOBS"
}
fuzz() { tests/fuzz/run.sh "$FUZZ_SECONDS"; }
integration_release() { tests/integration/run.sh "$ROOT/build/release/src/cli/muster"; }
integration_asan() {
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    tests/integration/run.sh "$ROOT/build/asan/src/cli/muster"
}

stage "format check" scripts/format.sh check
stage "release build" build_release
stage "ASan+UBSan build" build_asan
stage "unit tests (ASan+UBSan)" unit_asan
stage "fuzzing (${FUZZ_SECONDS}s per target)" fuzz
stage "integration tests (release)" integration_release
stage "integration tests (ASan+UBSan)" integration_asan

if ((failed > 0)); then
  echo "failed stages: ${failed_names[*]}"
fi
echo "stages: ${passed} passed, ${failed} failed"
((failed == 0))
