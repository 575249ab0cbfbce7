#!/usr/bin/env bash
# Integration tests: the real `muster` binary over HTTP with independent clients.
#
#   tests/integration/run.sh BINARY
#
# 1. installs the pinned npm packages if needed (npm ci, from js/package-lock.json);
# 2. starts the one slow test (real token expiry, ~65 s) in the background;
# 3. runs the node:test files in js/*.test.mjs one at a time (openid-client, jose, node:https);
# 4. runs the Postman collection of docs/postman with newman (js/postman/*.test.mjs);
# 5. runs the Python unittest suite with Debian's /usr/bin/python3 (authlib, PyJWT, requests);
# 6. waits for the slow test and prints its result.
# Exits non-zero if anything failed. Sanitizer options (ASAN_OPTIONS, …) pass through to the
# servers; the tests fail on any sanitizer report in a server's or a command's stderr.
# Failed servers leave their data directory in ${TMPDIR:-/tmp}/muster-it-* for inspection.
set -uo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 /path/to/muster" >&2
  exit 2
fi
BIN=$(realpath -- "$1") || exit 2
if [[ ! -x $BIN ]]; then
  echo "$0: $1 is not an executable" >&2
  exit 2
fi
HERE=$(cd -- "$(dirname -- "$0")" && pwd)
PYTHON=${MUSTER_IT_PYTHON:-/usr/bin/python3}
for tool in node npm openssl "$PYTHON"; do
  if ! command -v "$tool" >/dev/null; then
    echo "$0: $tool is required" >&2
    exit 2
  fi
done
export MUSTER_BIN=$BIN
started=$SECONDS

# 1. npm packages, exactly as locked.
cd "$HERE/js" || exit 2
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "::: npm ci (tests/integration/js)"
  npm ci --no-audit --no-fund --loglevel=error || exit 2
fi

# 2. The slow test, in the background.
slow_log=$(mktemp "${TMPDIR:-/tmp}/muster-it-slow.XXXXXX")
node --test --test-reporter=spec slow/*.test.mjs >"$slow_log" 2>&1 &
slow_pid=$!
trap 'kill "$slow_pid" 2>/dev/null; rm -f "$slow_log"' EXIT

# 3. node:test files, one at a time (timing-sensitive tests must not compete).
echo "::: node --test (binary: $BIN)"
node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
node_rc=$?

# 4. The Postman collection (docs/postman) under newman, against its own demo server.
echo "::: newman (docs/postman)"
node --test --test-reporter=spec postman/*.test.mjs
newman_rc=$?

# 5. Python.
echo "::: $PYTHON -m unittest (tests/integration/python)"
"$PYTHON" -m unittest discover -s "$HERE/python" -v
python_rc=$?

# 6. The slow test's result.
echo "::: slow tests (run in the background)"
wait "$slow_pid"
slow_rc=$?
cat "$slow_log"

echo "::: integration: node $([[ $node_rc == 0 ]] && echo ok || echo FAILED)," \
  "newman $([[ $newman_rc == 0 ]] && echo ok || echo FAILED)," \
  "python $([[ $python_rc == 0 ]] && echo ok || echo FAILED)," \
  "slow $([[ $slow_rc == 0 ]] && echo ok || echo FAILED) ($((SECONDS - started)) s)"
((node_rc == 0 && newman_rc == 0 && python_rc == 0 && slow_rc == 0))
