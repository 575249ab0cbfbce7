#!/usr/bin/env bash
# STS benchmark: Muster's /connect/token against the peer token service
# (../shared/bench/peer-sts, node oidc-provider with 2 workers), on this machine, loopback
# only, alternating peer and Muster for each cell, RUNS times. Prints one TSV row per run
# and a summary of medians with Muster/peer ratios. Every load run is bounded by -d.
#
#   bench/sts.sh                       full matrix (about 12 min with the defaults)
#   DURATION=5 RUNS=1 bench/sts.sh     a quick look
#
# Cells: ALGS x CONNS (keep-alive), plus at c=32: the reject path (wrong secret) and
# Connection: close; then Muster's memory with 10,000 clients loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
PEER_SRC=${PEER_SRC:-$ROOT/../shared/bench/peer-sts}
DURATION=${DURATION:-20}
CONNS=${CONNS:-"1 8 32 128"}
ALGS=${ALGS:-"RS256 ES256"}
RUNS=${RUNS:-2}
PEER_PORT=${PEER_PORT:-3100}
MUSTER_PORT=${MUSTER_PORT:-3200}
BULK_SCHOOLS=${BULK_SCHOOLS:-5000}
BUILD_DIR=${BUILD_DIR:-build/release}
MUSTER=$ROOT/$BUILD_DIR/src/cli/muster
SEED=$ROOT/$BUILD_DIR/bench/sts_seed
HZ=$(getconf CLK_TCK)
WORK=$(mktemp -d)
OUT=${OUT:-$ROOT/build/bench/sts-$(date +%Y%m%d-%H%M%S).tsv}
mkdir -p "$(dirname "$OUT")"
[[ -x $MUSTER && -x $SEED ]] || { echo "build first: make build && ninja -C build/release sts_seed"; exit 2; }

pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

echo "preparing the peer in $WORK"
cp -r "$PEER_SRC" "$WORK/peer"
chmod -R u+w "$WORK/peer"
(cd "$WORK/peer" && npm install --no-audit --no-fund --loglevel=error >/dev/null && node keygen.mjs >/dev/null)
TOKEN_LUA=$WORK/peer/token.lua
BAD_LUA=$ROOT/bench/wrk/token_bad_secret.lua

cpu_ticks() {
  local t=0 p
  for p in "$@"; do
    [[ -r /proc/$p/stat ]] || continue
    t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat")))
  done
  echo "$t"
}
# wait_sts BASE: waits until the STS at BASE answers its discovery document.
wait_sts() { wait_up "$1/.well-known/openid-configuration" 100; }

start_peer() {  # ALG
  (cd "$WORK/peer" && NODE_ENV=production ALG=$1 WORKERS=2 PORT=$PEER_PORT \
    exec node server.mjs >"$WORK/peer-$1.log" 2>&1) &
  SERVER_PID=$!
  pids+=("$SERVER_PID")
  wait_sts "http://127.0.0.1:$PEER_PORT"
  sleep 1
  SERVER_PIDS="$SERVER_PID $( (pgrep -P "$SERVER_PID" || true) | tr '\n' ' ')"
  URL="http://127.0.0.1:$PEER_PORT/connect/token"
}

start_muster() {  # ALG
  local dir=$WORK/muster-$1
  if [[ ! -d $dir ]]; then "$SEED" "$dir" peer >/dev/null; fi
  MUSTER_STS_SIGNING_ALG=$1 MUSTER_STS_RATE_LIMIT_PER_S=1000000000 \
    MUSTER_STS_RATE_LIMIT_BURST=1000000000 \
    "$MUSTER" --data-dir "$dir" serve --listen "127.0.0.1:$MUSTER_PORT" \
    >"$WORK/muster-$1.out" 2>"$WORK/muster-$1.log" &
  SERVER_PID=$!
  pids+=("$SERVER_PID")
  wait_sts "http://127.0.0.1:$MUSTER_PORT"
  SERVER_PIDS=$SERVER_PID
  URL="http://127.0.0.1:$MUSTER_PORT/connect/token"
}

stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; sleep 1; }

measure() {  # SERVER ALG CELL CONNS SCRIPT [extra wrk args]
  local server=$1 alg=$2 cell=$3 c=$4 script=$5
  shift 5
  local t=1
  ((c >= 8)) && t=2
  local s0 t0 t1 s1
  s0=$(cpu_ticks $SERVER_PIDS)
  t0=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$WORK/wrk.time" \
    wrk -t$t -c"$c" -d"${DURATION}s" --latency --timeout 10s -s "$script" "$@" "$URL" >"$WORK/wrk.out"
  t1=$(date +%s.%N)
  s1=$(cpu_ticks $SERVER_PIDS)
  local rps p50 p99 non2xx errors el scpu
  rps=$(awk '/^Requests\/sec/{print $2}' "$WORK/wrk.out")
  p50=$(to_ms "$(awk '$1=="50%"{print $2}' "$WORK/wrk.out")")
  p99=$(to_ms "$(awk '$1=="99%"{print $2}' "$WORK/wrk.out")")
  non2xx=$(awk '/Non-2xx/{print $NF}' "$WORK/wrk.out")
  errors=$(awk '/Socket errors/{print $0}' "$WORK/wrk.out" | tr -d '\n')
  el=$(echo "$t1 - $t0" | bc -l)
  scpu=$(echo "($s1 - $s0) / $HZ / $el * 100" | bc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%.0f\t%.3f\t%.3f\t%s\t%.0f\t%s\n' "$RUN" "$server" "$alg" "$cell" \
    "$c" "$rps" "$p50" "$p99" "${non2xx:-0}" "$scpu" "${errors:-}" | tee -a "$OUT"
}

printf 'run\tserver\talg\tcell\tconns\treq_per_s\tp50_ms\tp99_ms\tnon2xx\tserver_cpu_pct\tsocket_errors\n' | tee "$OUT"
for RUN in $(seq "$RUNS"); do
  for alg in $ALGS; do
    for server in peer muster; do
      "start_$server" "$alg"
      wrk -t1 -c8 -d3s -s "$TOKEN_LUA" "$URL" >/dev/null  # warm-up
      for c in $CONNS; do measure "$server" "$alg" keepalive "$c" "$TOKEN_LUA"; done
      measure "$server" "$alg" reject 32 "$BAD_LUA"
      measure "$server" "$alg" close 32 "$TOKEN_LUA" -H "Connection: close"
      stop_server
    done
  done
done

echo "memory with $((BULK_SCHOOLS * 2)) clients loaded"
"$SEED" "$WORK/bulk" bulk "$BULK_SCHOOLS" >/dev/null
"$MUSTER" --data-dir "$WORK/bulk" serve --listen "127.0.0.1:$MUSTER_PORT" >/dev/null 2>&1 &
SERVER_PID=$!
pids+=("$SERVER_PID")
wait_sts "http://127.0.0.1:$MUSTER_PORT"
clients=$(curl -s "http://127.0.0.1:$MUSTER_PORT/metrics" | awk '/^muster_clients_loaded/{print $2}')
rss_kb=$(awk '/VmRSS/{print $2}' "/proc/$SERVER_PID/status")
hwm_kb=$(awk '/VmHWM/{print $2}' "/proc/$SERVER_PID/status")
printf 'memory\tclients_loaded=%s\trss_mb=%.1f\tpeak_rss_mb=%.1f\n' "$clients" \
  "$(echo "$rss_kb/1024" | bc -l)" "$(echo "$hwm_kb/1024" | bc -l)" | tee -a "$OUT"
stop_server

echo
echo "summary (medians over runs; ratio = Muster / peer):"
awk -F'\t' 'NR>1 && $1 ~ /^[0-9]+$/ {
    key=$3"\t"$4"\t"$5; v[$2"\t"key]=v[$2"\t"key]" "$6; p[$2"\t"key]=p[$2"\t"key]" "$8; keys[key]=1 }
  function median(s,   a,n,i,j,t){ n=split(s,a," "); for(i=1;i<=n;i++)for(j=i+1;j<=n;j++)if(a[j]<a[i]){t=a[i];a[i]=a[j];a[j]=t}
    return n%2 ? a[(n+1)/2] : (a[n/2]+a[n/2+1])/2 }
  END { printf "alg\tcell\tconns\tmuster_rps\tpeer_rps\tratio\tmuster_p99_ms\tpeer_p99_ms\n";
    for (k in keys) { m=median(v["muster\t"k]); q=median(v["peer\t"k]);
      printf "%s\t%.0f\t%.0f\t%.2f\t%.3f\t%.3f\n", k, m, q, (q>0? m/q : 0), median(p["muster\t"k]), median(p["peer\t"k]) } }' \
  "$OUT" | sort -t$'\t' -k1,1 -k2,2 -k3,3n | column -t -s$'\t'
echo "raw rows: $OUT"
