#!/usr/bin/env bash
# Benchmarks that print figures (never timed assertions in tests).
#   bench/run.sh moments   recording a support moment through the real authenticated page vs a bare
#                          single-row insert on the same database, same server, same run; SQLite and PostgreSQL.
# Installs what it needs (wrk, postgresql) and builds the app in Release.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
what=${1:-moments}
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-16}
out="$root/bench/out"
mkdir -p "$out"
. scripts/lib/pg.sh
apt_ensure wrk postgresql curl

echo "== building (Release)"
dotnet publish src/Mutuality.Web -c Release -o "$out/app" -v q -clp:ErrorsOnly >/dev/null

app_pid=""
stop_app() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; app_pid=""; }
cleanup() { stop_app; pg_stop; }
trap cleanup EXIT

start_app() { # start_app PROVIDER CONNECTION
  local provider=$1 connection=$2 port=5199
  while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  data=$(mktemp -d /tmp/mutuality-bench.XXXXXX)
  base="http://127.0.0.1:$port"
  ( cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Mutuality.Web.dll --urls "$base" \
      --Database:Provider="$provider" --Database:ConnectionString="$connection" --Database:DataFolder="$data" \
      --Demo:Enabled=true --Bench:BareEndpoints=true --RateLimits:AuthPerMinute=1000000 \
      --Logging:LogLevel:Default=Warning --Mail:PickupFolder="$data/mail" >"$out/app-$provider.log" 2>&1 ) &
  app_pid=$!
  for _ in $(seq 1 120); do curl -sf "$base/healthz" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "the app did not start; see $out/app-$provider.log"; tail -20 "$out/app-$provider.log"; return 1
}

sign_in() { # leaves $cookies and $token for the demo partner Robin
  cookies="$out/cookies.txt"; rm -f "$cookies"
  local t
  t=$(curl -s -c "$cookies" -b "$cookies" "$base/Account/Login" | sed -n 's/.*name="request-verification-token" content="\([^"]*\)".*/\1/p')
  curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "Input.Email=robin@demo.mutuality.invalid" \
    --data-urlencode "Input.Password=demo-couple-2026" --data-urlencode "__RequestVerificationToken=$t" "$base/Account/Login"
  token=$(curl -s -c "$cookies" -b "$cookies" "$base/" | sed -n 's/.*name="request-verification-token" content="\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { echo "could not sign in"; return 1; }
  cookie_header=$(sed 's/^#HttpOnly_//' "$cookies" | awk '!/^#/ && NF>=7 {printf "%s%s=%s", sep, $6, $7; sep="; "}')
}

# wrk_post URL BODY -> "req/s p99ms non2xx3xx"
wrk_post() {
  local url=$1 body=$2
  BENCH_BODY="$body" BENCH_COOKIE="$cookie_header" BENCH_TOKEN="$token" \
    wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/post.lua" "$url" >"$out/wrk.txt" 2>&1
  local rps p99 bad
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$out/wrk.txt")
  bad=$(awk '/Non-2xx or 3xx/ {print $5}' "$out/wrk.txt"); bad=${bad:-0}
  echo "$rps $p99 $bad"
}

bench_moments() {
  local provider=$1 connection=$2
  start_app "$provider" "$connection"
  sign_in
  local body where
  body=$(cat "$root/bench/moment-form.txt")
  # One real post first: it must be accepted (redirect back to /Moments), not bounced to sign-in or refused.
  where=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $cookie_header" -H "RequestVerificationToken: $token" \
    -H "Content-Type: application/x-www-form-urlencoded" --data "$body" "$base$(cat "$root/bench/moment-path.txt")")
  case $where in
    "302 $base/Moments") ;;
    *) echo "the real endpoint did not accept the moment (got: $where)"; return 1 ;;
  esac
  # warm up both paths
  BENCH_DURATION=2s wrk_post "$base$(cat "$root/bench/moment-path.txt")" "$body" >/dev/null
  BENCH_DURATION=2s wrk_post "$base/bench/bare-moment" "" >/dev/null
  read -r real_rps real_p99 real_bad < <(wrk_post "$base$(cat "$root/bench/moment-path.txt")" "$body")
  read -r bare_rps bare_p99 bare_bad < <(wrk_post "$base/bench/bare-moment" "")
  stop_app
  local ratio
  ratio=$(awk -v r="$real_rps" -v b="$bare_rps" 'BEGIN { printf "%.2f", (b > 0 ? r / b : 0) }')
  printf '%-9s | real %9.0f req/s p99 %7.1f ms (bad %s) | bare %9.0f req/s p99 %7.1f ms (bad %s) | ratio %s\n' \
    "$provider" "$real_rps" "$real_p99" "$real_bad" "$bare_rps" "$bare_p99" "$bare_bad" "$ratio"
  summary="moments: real $(printf '%.0f' "$real_rps") req/s, bare $(printf '%.0f' "$bare_rps") req/s, ratio $ratio, p99 real $real_p99 ms, bare $bare_p99 ms"
}

case $what in
  moments)
    echo "== moments ($connections connections, $duration each, wrk 2 threads; app and wrk share this machine)"
    pg_start "$out"
    bench_moments Postgres "$MUTUALITY_PG_BASE;Database=mutuality_bench"
    pg_line=$summary
    pg_stop
    bench_moments Sqlite ""
    echo "PostgreSQL: ${pg_line#moments: }"
    echo "$summary"
    ;;
  *) echo "unknown benchmark: $what (try: moments)"; exit 2 ;;
esac
