#!/usr/bin/env bash
# DeX learner API benchmark: wrk against the running binary with a real DeX school token and
# the vendor's subscription key (seed 000's request), and nginx serving the very bytes of one
# LearnerPersonals?$top=100 page as a static file in the same run as the ceiling. Loopback
# only; every load run is bounded by -d.
#
#   bench/dex.sh                           the set (about 1 min with the defaults)
#   DURATION=3 SIZE=s bench/dex.sh         a quick look
#   DATA_DIR=/tmp/dex-m bench/dex.sh       keep (and reuse) the generated demo data
#
# Cells, on SIZE (default m) demo data, as Ashcombe Academy (a ~1,100-pupil secondary):
#   personals100  GET /dex/Learner/odata/v3/LearnerPersonals?$top=100
#   filter        GET /dex/Learner/odata/v3/LearnerIdentifiers?$filter=CurrentYearGroup/
#                 ExternalID eq <Year 7>&$orderby=Surname&$top=100  (a navigation filter)
#   nginx         the personals100 body as a static file (the ceiling)
# Prints req/s, p99 and each cell's ratio to nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
DURATION=${DURATION:-10}
CONNS=${CONNS:-32}
SIZE=${SIZE:-m}
PORT=${PORT:-3470}
NGINX_PORT=${NGINX_PORT:-3471}
BUILD_DIR=${BUILD_DIR:-build}
MUSTER=${MUSTER:-$ROOT/$BUILD_DIR/src/cli/muster}
WORK=$(mktemp -d)
DATA_DIR=${DATA_DIR:-$WORK/$SIZE}
OUT=${OUT:-$ROOT/build/bench/dex-$(date +%Y%m%d-%H%M%S).tsv}
mkdir -p "$(dirname "$OUT")"
[[ -x $MUSTER ]] || { echo "build first: make build (or BUILD_DIR=... / MUSTER=...)"; exit 2; }
command -v wrk >/dev/null || { echo "wrk is needed (scripts/install-deps)"; exit 2; }
command -v nginx >/dev/null || { echo "nginx is needed (scripts/install-deps installs nginx-light)"; exit 2; }

# Muster binds with SO_REUSEPORT: a server already on the port would share the load silently.
for p in "$PORT" "$NGINX_PORT"; do
  if ss -ltn "sport = :$p" | grep -q LISTEN; then echo "port $p is in use (set PORT / NGINX_PORT)"; exit 2; fi
done

pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

demo() {  # KEY...: a value from muster-demo.json (site 1 = Ashcombe Academy)
  python3 - "$DATA_DIR/muster-demo.json" "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
site = d["sites"][1]
dex = [c for c in site["clients"] if c["kind"] == "dex"][0]
values = {"client_id": dex["client_id"], "client_secret": dex["client_secret"],
          "org": site["organisation_id"], "key": d["vendor"]["subscription_key"]}
print(values[sys.argv[2]])
PY
}

if [[ ! -f $DATA_DIR/muster-demo.json ]]; then
  echo "generating $SIZE demo data in $DATA_DIR"
  "$MUSTER" --data-dir "$DATA_DIR" demo --size="$SIZE" >"$WORK/demo.log" 2>&1
fi
MUSTER_STS_RATE_LIMIT_PER_S=1000000000 MUSTER_STS_RATE_LIMIT_BURST=1000000000 \
  "$MUSTER" --data-dir "$DATA_DIR" serve --listen "127.0.0.1:$PORT" >"$WORK/muster.out" 2>"$WORK/muster.log" &
pids+=("$!")
MUSTER_PID=$!
wait_up "http://127.0.0.1:$PORT/healthz"
ROOT_URL="http://127.0.0.1:$PORT/dex/Learner/odata/v3"
TOKEN=$(curl -sf "http://127.0.0.1:$PORT/connect/token" -d grant_type=client_credentials \
  -d "client_id=$(demo client_id)" -d "client_secret=$(demo client_secret)" \
  -d scope=partnerserverapplication -d "acr_values=orgselected:$(demo org)" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
KEY=$(demo key)
HEADERS=(-H "Authorization: Bearer $TOKEN" -H "Ocp-Apim-Subscription-Key: $KEY")
YEAR7=$(curl -sf "${HEADERS[@]}" "$ROOT_URL/LearnerGroups?\$filter=FullName%20eq%20'Year%207'" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["value"][0]["ExternalID"])')
PERSONALS="$ROOT_URL/LearnerPersonals?\$top=100"
FILTER="$ROOT_URL/LearnerIdentifiers?\$filter=CurrentYearGroup/ExternalID%20eq%20$YEAR7&\$orderby=Surname&\$top=100"

printf 'size\tcell\tconns\treq_per_s\tp50_ms\tp99_ms\tnon2xx\tbody_bytes\n' | tee "$OUT"
curl -sf "${HEADERS[@]}" "$PERSONALS" -o "$WORK/personals100.json"
wrk -t1 -c8 -d2s "${HEADERS[@]}" "$PERSONALS" >/dev/null  # warm-up
measure "$SIZE" personals100 "$PERSONALS"
measure "$SIZE" filter "$FILTER"
kill "$MUSTER_PID" 2>/dev/null || true
wait "$MUSTER_PID" 2>/dev/null || true
start_nginx "$WORK/personals100.json"
measure "$SIZE" nginx "http://127.0.0.1:$NGINX_PORT/personals100.json" no
kill "$NGINX_PID" 2>/dev/null || true

echo
echo "summary ($SIZE data, c=$CONNS):"
awk -F'\t' 'NR>1 { rps[$2]=$4; p99[$2]=$6 }
  END {
    for (c in rps) if (c != "nginx")
      printf "%-13s %7.0f req/s  p99 %6.2f ms  %5.1f%% of nginx serving the same bytes\n",
        c, rps[c], p99[c], 100*rps[c]/rps["nginx"]
    printf "%-13s %7.0f req/s  p99 %6.2f ms\n", "nginx", rps["nginx"], p99["nginx"]
  }' "$OUT"
echo "rows: $OUT"
