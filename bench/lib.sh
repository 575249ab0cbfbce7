# shellcheck shell=bash
# Helpers shared by the wrk benchmarks (dex.sh, oneroster.sh, sts.sh); sourced, not run.
#
# measure and start_nginx use the caller's globals: WORK (a scratch directory), CONNS,
# DURATION and OUT (the TSV that measure's rows are appended to), HEADERS (an array of curl/wrk
# -H arguments: the credentials), NGINX_PORT, and pids (the processes the caller's EXIT trap
# kills).

# to_ms VALUE: a wrk latency ("812.00us", "1.20ms", "2.01s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us/,"",v); print v/1000}
    else if (v ~ /ms$/) {sub(/ms/,"",v); print v+0}
    else if (v ~ /s$/) {sub(/s/,"",v); print v*1000} else print v }'
}

# wait_up URL [TRIES]: waits until URL answers 2xx, polling every 0.1 s, TRIES times (200).
wait_up() {
  local tries=${2:-200}
  for _ in $(seq "$tries"); do
    curl -sf "$1" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "server at $1 did not start" >&2
  return 1
}

# measure SIZE CELL URL [auth]: one wrk run of DURATION at CONNS connections against URL
# (with HEADERS unless auth is "no"), appended to OUT as a row of
# size cell conns req_per_s p50_ms p99_ms non2xx body_bytes.
measure() {
  local size=$1 cell=$2 url=$3 auth=${4:-yes}
  local args=(-t2 -c"$CONNS" -d"${DURATION}s" --latency --timeout 10s)
  [[ $auth == yes ]] && args+=("${HEADERS[@]}")
  wrk "${args[@]}" "$url" >"$WORK/wrk.out"
  local rps p50 p99 non2xx bytes
  rps=$(awk '/^Requests\/sec/{print $2}' "$WORK/wrk.out")
  p50=$(to_ms "$(awk '$1=="50%"{print $2}' "$WORK/wrk.out")")
  p99=$(to_ms "$(awk '$1=="99%"{print $2}' "$WORK/wrk.out")")
  non2xx=$(awk '/Non-2xx/{print $NF}' "$WORK/wrk.out")
  bytes=$(curl -s -o /dev/null -w '%{size_download}' "${HEADERS[@]}" "$url")
  printf '%s\t%s\t%s\t%.0f\t%.3f\t%.3f\t%s\t%s\n' "$size" "$cell" "$CONNS" "$rps" "$p50" "$p99" \
    "${non2xx:-0}" "$bytes" | tee -a "$OUT"
}

# start_nginx FILE: nginx on 127.0.0.1:NGINX_PORT serving FILE as /<its name> (the ceiling a
# cell is compared with); sets NGINX_PID and returns once it answers.
start_nginx() {
  local name
  name=$(basename "$1")
  mkdir -p "$WORK/nginx/logs" "$WORK/nginx/www"
  cp "$1" "$WORK/nginx/www/$name"
  # nginx's workers drop to an unprivileged user when started as root: let them read it.
  chmod o+x "$WORK" "$WORK/nginx" && chmod -R o+rX "$WORK/nginx/www"
  cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  types { application/json json; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/www;
  }
}
CONF
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
  pids+=("$!")
  # shellcheck disable=SC2034  # for the caller, which stops nginx before its summary
  NGINX_PID=$!
  wait_up "http://127.0.0.1:$NGINX_PORT/$name"
}
