#!/usr/bin/env bash
# OneRoster benchmark (issue targets in docs/benchmarks.md): wrk against the running binary
# with a real school token, and nginx serving the very bytes of one /users?limit=100 page as
# a static file in the same run as the ceiling. Loopback only; every load run is bounded by -d.
#
#   bench/oneroster.sh                      the full set (about 4 min with the defaults)
#   DURATION=5 SCALE=0 bench/oneroster.sh   a quick look (no s/l scale comparison)
#
# Cells, on SIZE (default m) demo data, as Ashcombe Academy (a ~1,100-pupil secondary):
#   users100     GET /users?limit=100
#   enroll5000   GET /enrollments?limit=5000
#   delta        GET /users?filter=dateLastModified>'<just before a churn>' (a few rows)
#   nginx        the users100 body as a static file (the ceiling)
# then a full sync of the school (every collection at limit=5000, sequential, curl), and with
# SCALE=1 the users100 and delta cells on s and l data (cost grows with the page, not the
# database).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
DURATION=${DURATION:-10}
CONNS=${CONNS:-32}
SIZE=${SIZE:-m}
SCALE=${SCALE:-1}
PORT=${PORT:-3300}
NGINX_PORT=${NGINX_PORT:-3301}
BUILD_DIR=${BUILD_DIR:-build}
MUSTER=${MUSTER:-$ROOT/$BUILD_DIR/src/cli/muster}
WORK=$(mktemp -d)
OUT=${OUT:-$ROOT/build/bench/oneroster-$(date +%Y%m%d-%H%M%S).tsv}
mkdir -p "$(dirname "$OUT")"
[[ -x $MUSTER ]] || { echo "build first: make build (or BUILD_DIR=...)"; exit 2; }
command -v nginx >/dev/null || { echo "nginx is needed (scripts/install-deps installs nginx-light)"; exit 2; }

pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

# demo DIR SIZE: a data directory with the demo roster of SIZE, then a churn (for the delta).
prepare() {
  local dir=$1 size=$2
  if [[ ! -f $dir/muster-demo.json ]]; then
    echo "generating $size demo data in $dir"
    "$MUSTER" --data-dir "$dir" demo --size "$size" >"$WORK/demo-$size.log" 2>&1
  fi
}

start_muster() {  # DIR
  MUSTER_STS_RATE_LIMIT_PER_S=1000000000 MUSTER_STS_RATE_LIMIT_BURST=1000000000 \
    "$MUSTER" --data-dir "$1" serve --listen "127.0.0.1:$PORT" >"$WORK/muster.out" 2>"$WORK/muster.log" &
  SERVER_PID=$!
  pids+=("$SERVER_PID")
  wait_up "http://127.0.0.1:$PORT/healthz"
  BASE="http://127.0.0.1:$PORT/ims/oneroster/v1p1"
  local id secret
  id=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([c for c in d["sites"][1]["clients"] if c["kind"]=="oneroster"][0]["client_id"])' "$1/muster-demo.json")
  secret=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([c for c in d["sites"][1]["clients"] if c["kind"]=="oneroster"][0]["client_secret"])' "$1/muster-demo.json")
  TOKEN=$(curl -sf -u "$id:$secret" -d grant_type=client_credentials "http://127.0.0.1:$PORT/connect/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  HEADERS=(-H "Authorization: Bearer $TOKEN")
}
stop_muster() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }

# The newest dateLastModified of the school's users, then a churn: the delta after it is a
# handful of rows (docs: muster demo churn).
delta_mark() {  # DIR
  local mark
  mark=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/users?limit=1&sort=dateLastModified&orderBy=desc&fields=dateLastModified" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["users"][0]["dateLastModified"])')
  "$MUSTER" --data-dir "$1" demo churn --seed 7 >/dev/null
  DELTA_QUERY="filter=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "dateLastModified>'$mark'")"
}

# Full sync: every collection at limit=5000, pages in sequence, as SDS does.
full_sync() {
  local t0 t1 rows=0 c total off
  t0=$(date +%s.%N)
  for c in orgs academicSessions courses classes users enrollments demographics resources; do
    off=0
    while :; do
      curl -sf -D "$WORK/h" -o "$WORK/page" -H "Authorization: Bearer $TOKEN" "$BASE/$c?limit=5000&offset=$off"
      total=$(awk 'tolower($1)=="x-total-count:"{print $2+0}' "$WORK/h")
      off=$((off + 5000))
      ((off < total)) || break
    done
    rows=$((rows + total))
  done
  t1=$(date +%s.%N)
  printf '%s\tfull_sync\t1\trows=%s\tseconds=%.3f\n' "$SIZE" "$rows" "$(echo "$t1 - $t0" | bc -l)" | tee -a "$OUT"
}

printf 'size\tcell\tconns\treq_per_s\tp50_ms\tp99_ms\tnon2xx\tbody_bytes\n' | tee "$OUT"
prepare "$WORK/$SIZE" "$SIZE"
start_muster "$WORK/$SIZE"
delta_mark "$WORK/$SIZE"
curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/users?limit=100" -o "$WORK/users100.json"
wrk -t1 -c8 -d2s -H "Authorization: Bearer $TOKEN" "$BASE/users?limit=100" >/dev/null  # warm-up
measure "$SIZE" users100 "$BASE/users?limit=100"
measure "$SIZE" enroll5000 "$BASE/enrollments?limit=5000"
measure "$SIZE" delta "$BASE/users?$DELTA_QUERY"
full_sync
start_nginx "$WORK/users100.json"
measure "$SIZE" nginx "http://127.0.0.1:$NGINX_PORT/users100.json" no
kill "$NGINX_PID" 2>/dev/null || true
stop_muster

if [[ $SCALE == 1 ]]; then
  for size in s l; do
    prepare "$WORK/$size" "$size"
    start_muster "$WORK/$size"
    delta_mark "$WORK/$size"
    wrk -t1 -c8 -d2s -H "Authorization: Bearer $TOKEN" "$BASE/users?limit=100" >/dev/null
    measure "$size" users100 "$BASE/users?limit=100"
    measure "$size" delta "$BASE/users?$DELTA_QUERY"
    stop_muster
  done
fi

echo
echo "summary:"
awk -F'\t' -v m="$SIZE" 'NR>1 && $2!="full_sync" { rps[$1"/"$2]=$4; p99[$1"/"$2]=$6 }
  $2=="full_sync" { print "full sync of one secondary (" $1 "): " $4 ", " $5 }
  END {
    printf "users100 %s: %.0f req/s, p99 %.2f ms; nginx same body: %.0f req/s; ratio %.1f%%\n",
      m, rps[m"/users100"], p99[m"/users100"], rps[m"/nginx"], 100*rps[m"/users100"]/rps[m"/nginx"]
    printf "enroll5000 %s: %.0f req/s, p99 %.2f ms\n", m, rps[m"/enroll5000"], p99[m"/enroll5000"]
    printf "delta %s: %.0f req/s, p99 %.2f ms\n", m, rps[m"/delta"], p99[m"/delta"]
    if (("l/users100") in rps) {
      printf "scale l vs s: users100 %.0f vs %.0f req/s (s/l cost ratio %.2f); delta %.0f vs %.0f (%.2f)\n",
        rps["l/users100"], rps["s/users100"], rps["s/users100"]/rps["l/users100"],
        rps["l/delta"], rps["s/delta"], rps["s/delta"]/rps["l/delta"]
    }
  }' "$OUT"
echo "rows: $OUT"
