#!/usr/bin/env bash
# Benchmarks that print figures (never timed assertions in tests).
#   bench/run.sh moments   recording a support moment through the real authenticated page vs a bare
#                          single-row insert on the same database, same server, same run; SQLite and PostgreSQL.
#                          BENCH_WARMUP (default 30s) of each path first, then BENCH_DURATION (default 10s) each.
#   bench/run.sh dashboard the insights dashboard for couples with 1 month, 1 year and 5 years of daily history:
#                          server time p50/p99 per history length and period (sequential requests), wrk throughput
#                          of the dashboard vs a bare read, peak RSS and cold start; SQLite and PostgreSQL.
#                          BENCH_DASHBOARD (default /Insights) is the page; ?period=4w and ?period=all are appended.
#                          BENCH_REQUESTS (default 200) sequential requests per measurement after 20 warm-up ones.
#   bench/run.sh pages     every everyday page (home, feed, moments, requests, a request, check-ins, a reveal,
#                          understanding, monthly, intimacy, pulse, repair, insights 4w/all, report 4w/all) for the
#                          1-month, 1-year and 5-year couples: p50/p99 and growth 5y/1m per page; both providers.
#                          BENCH_PAGE_REQUESTS (default 60) sequential requests per page and couple; BENCH_PAGES
#                          ("understanding check-ins") measures only the pages named.
#   bench/run.sh cluster   the moments path through a load balancer (HAProxy, round robin) in front of 1 and then 3
#                          app nodes on one PostgreSQL, in the documented several-node configuration (Nodes:Several,
#                          key ring in the database under a throwaway certificate): throughput, p50 and p99 each.
#                          BENCH_WARMUP (default 30s) then BENCH_DURATION (default 30s) for each node count.
# Installs what it needs (wrk, postgresql, haproxy for cluster) and builds the app in Release.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
what=${1:-moments}
duration=${BENCH_DURATION:-10s}
warmup=${BENCH_WARMUP:-30s}
connections=${BENCH_CONNECTIONS:-16}
out="$root/bench/out"
mkdir -p "$out"
. scripts/lib/pg.sh
apt_ensure wrk postgresql curl

echo "== building (Release)"
dotnet publish src/Mutuality.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/app" -v q -clp:ErrorsOnly >/dev/null

if [ "$what" = moments ]; then # the raw path: ADO.NET only, no app (bench/raw)
  dotnet build bench/raw -c Release -o "$out/raw" -v q -clp:ErrorsOnly >/dev/null
fi

app_pid=""
stop_app() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; app_pid=""; }
cleanup() { stop_app; pg_stop; }
trap cleanup EXIT

start_app() { # start_app PROVIDER CONNECTION [DATA_FOLDER] — sets $cold_ms (launch to first successful /healthz)
  local provider=$1 connection=$2 port=5199 t0
  while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  data=${3:-$(mktemp -d /tmp/mutuality-bench.XXXXXX)}
  t0=$(date +%s%N)
  base="http://127.0.0.1:$port"
  ( cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Mutuality.Web.dll --urls "$base" \
      --Database:Provider="$provider" --Database:ConnectionString="$connection" --Database:DataFolder="$data" \
      --Demo:Enabled=true --Bench:BareEndpoints=true --RateLimits:AuthPerMinute=1000000 \
      --Logging:LogLevel:Default=Warning --Mail:PickupFolder="$data/mail" >"$out/app-$provider.log" 2>&1 ) &
  app_pid=$!
  for _ in $(seq 1 1200); do
    if curl -sf "$base/healthz" >/dev/null 2>&1; then cold_ms=$(( ($(date +%s%N) - t0) / 1000000 )); return 0; fi
    sleep 0.05
  done
  echo "the app did not start; see $out/app-$provider.log"; tail -20 "$out/app-$provider.log"; return 1
}

sign_in() { # sign_in [EMAIL PASSWORD] leaves $cookies and $token (default: the demo partner Robin)
  cookies="$out/cookies.txt"; rm -f "$cookies"
  local t email=${1:-robin@demo.mutuality.invalid} password=${2:-demo-couple-2026}
  t=$(curl -s -c "$cookies" -b "$cookies" "$base/Account/Login" | sed -n 's/.*name="request-verification-token" content="\([^"]*\)".*/\1/p')
  curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "Input.Email=$email" \
    --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$t" "$base/Account/Login"
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
  # Warm up both paths until the JIT has settled: tiered compilation finishes in the background, which with wrk
  # and the app sharing two busy cores takes 25-40 s for the real page. The figures are for a running server.
  duration=$warmup wrk_post "$base$(cat "$root/bench/moment-path.txt")" "$body" >/dev/null
  duration=$warmup wrk_post "$base/bench/bare-moment" "" >/dev/null
  # A fresh sign-in for the measured run: wrk replays one cookie and ignores the renewed one a browser would keep,
  # so a cookie older than the security-stamp interval (1 minute) would be re-checked on every request.
  sign_in
  read -r real_rps real_p99 real_bad < <(wrk_post "$base$(cat "$root/bench/moment-path.txt")" "$body")
  read -r bare_rps bare_p99 bare_bad < <(wrk_post "$base/bench/bare-moment" "")
  stop_app
  # The raw path, on the same database with the app stopped: the same row by ADO.NET alone, 16 workers (bench/raw).
  local raw_connection=$connection raw_rps raw_p99
  [ "$provider" = Sqlite ] && raw_connection="Data Source=$data/mutuality.db;Pooling=True;Default Timeout=30"
  dotnet "$out/raw/Mutuality.Bench.Raw.dll" "$provider" "$raw_connection" 2 "$connections" >/dev/null
  read -r raw_rps raw_p99 < <(dotnet "$out/raw/Mutuality.Bench.Raw.dll" "$provider" "$raw_connection" "${duration%s}" "$connections")
  local ratio raw_ratio
  ratio=$(awk -v r="$real_rps" -v b="$bare_rps" 'BEGIN { printf "%.2f", (b > 0 ? r / b : 0) }')
  raw_ratio=$(awk -v r="$real_rps" -v b="$raw_rps" 'BEGIN { printf "%.2f", (b > 0 ? r / b : 0) }')
  printf '%-9s | real %9.0f req/s p99 %7.1f ms (bad %s) | bare %9.0f req/s p99 %7.1f ms (bad %s) | raw %9.0f rows/s p99 %7.1f ms | real/bare %s, real/raw %s\n' \
    "$provider" "$real_rps" "$real_p99" "$real_bad" "$bare_rps" "$bare_p99" "$bare_bad" "$raw_rps" "$raw_p99" "$ratio" "$raw_ratio"
  summary="moments: real $(printf '%.0f' "$real_rps") req/s, bare $(printf '%.0f' "$bare_rps") req/s, raw $(printf '%.0f' "$raw_rps") rows/s, real/bare $ratio, real/raw $raw_ratio, p99 real $real_p99 ms, bare $bare_p99 ms, raw $raw_p99 ms"
}


# ---- dashboard ---------------------------------------------------------------------------------------------
dashboard=${BENCH_DASHBOARD:-/Insights}
requests=${BENCH_REQUESTS:-200}
bench_password="bench-history-2026"
histories=("1m:30" "1y:365" "5y:1826")

# wrk_get URL [DURATION] -> "req/s p99ms non2xx3xx" (with the signed-in cookie)
wrk_get() {
  wrk -t2 -c"$connections" -d"${2:-$duration}" --latency -H "Cookie: $cookie_header" "$1" >"$out/wrk.txt" 2>&1
  local rps p99 bad
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$out/wrk.txt")
  bad=$(awk '/Non-2xx or 3xx/ {print $5}' "$out/wrk.txt"); bad=${bad:-0}
  echo "$rps $p99 $bad"
}

# server_times URL N -> "p50ms p99ms": N sequential GETs on one keep-alive connection, after 20 warm-up ones.
server_times() {
  local url=$1 n=$2 args=() i
  for i in $(seq 1 20); do args+=(-o /dev/null "$url"); done
  curl -s -b "$cookies" "${args[@]}" >/dev/null
  args=()
  for i in $(seq 1 "$n"); do args+=(-o /dev/null "$url"); done
  curl -s -b "$cookies" -w '%{http_code} %{time_total}\n' "${args[@]}" >"$out/times.txt"
  if awk '$1 != 200 {bad=1} END {exit !bad}' "$out/times.txt"; then
    echo "non-200 answers from $url:" >&2; sort "$out/times.txt" | awk '{print $1}' | uniq -c >&2; return 1
  fi
  awk '{print $2 * 1000}' "$out/times.txt" | sort -n | awk '{v[NR]=$1} END {
    p50=v[int((NR + 1) * 0.50)]; i99=int(NR * 0.99 + 0.999); if (i99 > NR) i99=NR; printf "%.2f %.2f\n", p50, v[i99] }'
}

rss_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$app_pid/status"; }
idle_rss_mb() { sleep 2; awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$app_pid/status"; } # resident now, 2 s after start

bench_dashboard() { # bench_dashboard PROVIDER CONNECTION -> fills $table and $line_* for this provider
  local provider=$1 connection=$2 folder h name days email code gen
  folder=$(mktemp -d /tmp/mutuality-bench.XXXXXX)
  # 1. A first start on an empty database, the histories generated through the app (EF, encryption and all).
  start_app "$provider" "$connection" "$folder"
  local first_cold=$cold_ms
  for h in "${histories[@]}"; do
    name=${h%%:*}; days=${h##*:}; email="bench-$name@example.org"
    gen=$(curl -sf -X POST "$base/bench/generate-history?email=$email&password=$bench_password&days=$days") \
      || { echo "generating $name failed"; tail -20 "$out/app-$provider.log"; return 1; }
    echo "   generated $name: $gen"
  done
  stop_app
  if [ "$provider" = Postgres ]; then
    # What autovacuum does shortly after a bulk load, done now: statistics for the planner, and the visibility map
    # that index-only scans need. Measured straight after loading, PostgreSQL would be planning without either.
    _as_pg "$pgbin/psql" -q -h 127.0.0.1 -p "$pgport" -U postgres -d mutuality_bench_dash -c "VACUUM ANALYZE" \
      || { echo "VACUUM ANALYZE failed"; return 1; }
  fi
  # 2. A cold start on the full database: time to the first successful response.
  start_app "$provider" "$connection" "$folder"
  local cold=$cold_ms path idle
  idle=$(idle_rss_mb)
  path=$dashboard
  sign_in "bench-5y@example.org" "$bench_password"
  read -r code first_code_ms < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$cookies" "$base$path?period=4w" \
    | awk '{printf "%s %.0f\n", $1, $2 * 1000}')
  [ "$code" = 200 ] || { echo "the dashboard did not answer 200 when signed in (got $code)"; return 1; }
  local first_page_ms first_4w_ms
  first_4w_ms=$first_code_ms
  first_page_ms=$(curl -s -o /dev/null -b "$cookies" -w '%{time_total}' "$base$path?period=all" | awk '{printf "%.0f", $1 * 1000}')
  dash_path=$path
  local period p50 p99 pass
  # Warm the server on every cell first (two passes): measured one after another, the first cells would otherwise
  # run while tiered compilation is still settling, which makes the short history look slow and the growth small.
  for pass in 1 2; do
    for h in "${histories[@]}"; do
      sign_in "bench-${h%%:*}@example.org" "$bench_password"
      for period in 4w all; do server_times "$base$path?period=$period" 40 >/dev/null; done
    done
  done
  for h in "${histories[@]}"; do
    name=${h%%:*}
    sign_in "bench-$name@example.org" "$bench_password"
    for period in 4w all; do
      read -r p50 p99 < <(server_times "$base$path?period=$period" "$requests")
      printf -v "p50_${name}_${period}" '%s' "$p50"; printf -v "p99_${name}_${period}" '%s' "$p99"
      table+=$(printf '\n%-9s | %-3s | %-4s | p50 %8.2f ms | p99 %8.2f ms' "$provider" "$name" "$period" "$p50" "$p99")
    done
  done
  # 3. Throughput under concurrent load: the 5-year couple's dashboard (4 weeks) vs a bare read, same server, same run.
  sign_in "bench-5y@example.org" "$bench_password"
  wrk_get "$base$path?period=4w" 2s >/dev/null
  wrk_get "$base/bench/bare-read" 2s >/dev/null
  local real_rps real_p99 real_bad bare_rps bare_p99 bare_bad rss
  read -r real_rps real_p99 real_bad < <(wrk_get "$base$path?period=4w")
  read -r bare_rps bare_p99 bare_bad < <(wrk_get "$base/bench/bare-read")
  rss=$(rss_mb)
  stop_app
  rm -rf "$folder"
  local g4 gall
  g4=$(awk -v a="$p50_5y_4w" -v b="$p50_1m_4w" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  gall=$(awk -v a="$p50_5y_all" -v b="$p50_1m_all" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  table+=$(printf '\n%-9s | growth 5y/1m p50: 4w %s, all %s' "$provider" "$g4" "$gall")
  table+=$(printf '\n%-9s | wrk 5y 4w: dashboard %.0f req/s p99 %.1f ms (bad %s) | bare read %.0f req/s p99 %.1f ms (bad %s)' \
    "$provider" "$real_rps" "$real_p99" "$real_bad" "$bare_rps" "$bare_p99" "$bare_bad")
  table+=$(printf '\n%-9s | idle RSS %s MB, peak RSS %s MB | cold start %s ms (empty db %s ms) | first dashboard: 4w %s ms, then all %s ms' \
    "$provider" "$idle" "$rss" "$cold" "$first_cold" "$first_4w_ms" "$first_page_ms")
  line="dashboard: p50 $p50_5y_4w ms, p99 $p99_5y_4w ms (5y, 4 weeks), growth 4w $g4, growth all $gall, rss $rss MB (idle $idle MB), cold start $cold ms"
}

# ---- pages ---------------------------------------------------------------------------------------------------
# Every everyday page for the 1-month, 1-year and 5-year couples: p50/p99 per page and history, and the growth
# p50(5 years) / p50(1 month) per page. Bounds (issue 21): 1.3 for a page's default view, 2.0 for all-time views.
pages_requests=${BENCH_PAGE_REQUESTS:-60}

# The pages, as "name|path|bound"; {request} and {reveal} are filled per couple from its own lists.
page_list=(
  "home|/|1.3" "feed|/Feed|1.3" "moments|/Moments|1.3" "requests|/Requests|1.3" "a request|/Requests/View/{request}|1.3"
  "check-ins|/CheckIns|1.3" "a reveal|/CheckIns/Reveal/{reveal}|1.3" "understanding|/CheckIns/Understanding|1.3"
  "monthly|/Monthly|1.3" "intimacy|/Intimacy|1.3" "pulse|/Pulse|1.3" "repair|/Repair|1.3"
  "insights 4w|/Insights?period=4w|1.3" "insights all|/Insights?period=all|2.0"
  "report 4w|/Insights/Report?period=4w|1.3" "report all|/Insights/Report?period=all|2.0"
)

# BENCH_PAGES="understanding check-ins" measures only the pages named (a quick look at one page; the full list is the run).
if [ -n "${BENCH_PAGES:-}" ]; then
  chosen=()
  for entry in "${page_list[@]}"; do
    [[ " $BENCH_PAGES " == *" ${entry%%|*} "* ]] && chosen+=("$entry")
  done
  [ ${#chosen[@]} -gt 0 ] || { echo "BENCH_PAGES names no page of the list"; exit 1; }
  page_list=("${chosen[@]}")
fi

page_path() { # page_path PATH -> PATH with this couple's request id and reveal label
  local p=$1
  p=${p//\{request\}/$page_request}; p=${p//\{reveal\}/$page_reveal}
  echo "$p"
}

generate_histories() { # generate_histories PROVIDER CONNECTION FOLDER
  start_app "$1" "$2" "$3"
  local h name days email gen
  for h in "${histories[@]}"; do
    name=${h%%:*}; days=${h##*:}; email="bench-$name@example.org"
    gen=$(curl -sf -X POST "$base/bench/generate-history?email=$email&password=$bench_password&days=$days") \
      || { echo "generating $name failed"; tail -20 "$out/app-$1.log"; return 1; }
    echo "   generated $name: $gen"
  done
  stop_app
  if [ "$1" = Postgres ]; then
    _as_pg "$pgbin/psql" -q -h 127.0.0.1 -p "$pgport" -U postgres -d "${2##*Database=}" -c "VACUUM ANALYZE" \
      || { echo "VACUUM ANALYZE failed"; return 1; }
  fi
}

bench_pages() { # bench_pages PROVIDER CONNECTION -> appends to $table, sets $pages_line
  local provider=$1 connection=$2 folder h name entry page path bound pass p50 p99
  folder=$(mktemp -d /tmp/mutuality-bench.XXXXXX)
  generate_histories "$provider" "$connection" "$folder"
  start_app "$provider" "$connection" "$folder"
  # Each couple's own request and reveal to open (the newest listed).
  for h in "${histories[@]}"; do
    name=${h%%:*}
    sign_in "bench-$name@example.org" "$bench_password"
    printf -v "req_$name" '%s' "$(curl -s -b "$cookies" "$base/Requests" | grep -o '/Requests/View/[0-9a-f-]\{36\}' | head -1 | sed 's|.*/||')"
    printf -v "rev_$name" '%s' "$(curl -s -b "$cookies" "$base/CheckIns" | grep -o '/CheckIns/Reveal/[^"]*' | head -1 | sed 's|/CheckIns/Reveal/||')"
  done
  # Warm every page of every couple twice (tiered compilation settles), then measure.
  for pass in 1 2 3; do
    for h in "${histories[@]}"; do
      name=${h%%:*}; sign_in "bench-$name@example.org" "$bench_password"
      local rq="req_$name" rv="rev_$name"; page_request=${!rq}; page_reveal=${!rv}
      for entry in "${page_list[@]}"; do
        path=$(page_path "$(cut -d'|' -f2 <<<"$entry")")
        [ $pass -lt 3 ] && { server_times "$base$path" 10 >/dev/null || return 1; continue; }
        read -r p50 p99 < <(server_times "$base$path" "$pages_requests") || return 1
        page=$(cut -d'|' -f1 <<<"$entry"); page=${page//[ -]/_}
        printf -v "pp50_${name}_${page}" '%s' "$p50"; printf -v "pp99_${name}_${page}" '%s' "$p99"
      done
    done
  done
  local rss; rss=$(rss_mb)
  stop_app
  rm -rf "$folder"
  local worst="" worst_g=0 over=0 g key
  for entry in "${page_list[@]}"; do
    page=$(cut -d'|' -f1 <<<"$entry"); key=${page//[ -]/_}; bound=$(cut -d'|' -f3 <<<"$entry")
    local a="pp50_1m_$key" b="pp50_1y_$key" c="pp50_5y_$key" d="pp99_5y_$key"
    g=$(awk -v x="${!c}" -v y="${!a}" 'BEGIN { printf "%.2f", (y > 0 ? x / y : 0) }')
    table+=$(printf '\n%-9s | %-14s | p50 1m %7.2f  1y %7.2f  5y %7.2f ms | p99 5y %7.2f ms | growth %s (bound %s)%s' \
      "$provider" "$page" "${!a}" "${!b}" "${!c}" "${!d}" "$g" "$bound" "$(awk -v g="$g" -v b="$bound" 'BEGIN { if (g > b) print "  OVER" }')")
    awk -v g="$g" -v b="$bound" 'BEGIN { exit !(g > b) }' && over=$((over + 1))
    if awk -v g="$g" -v w="$worst_g" 'BEGIN { exit !(g > w) }'; then worst_g=$g; worst=$page; fi
  done
  pages_line="pages: ${#page_list[@]} pages, $over over their bound, worst growth $worst_g ($worst), peak rss $rss MB"
}

# ---- cluster -------------------------------------------------------------------------------------------------
node_pids=()
balancer_pid=""
stop_cluster() {
  [ -n "$balancer_pid" ] && kill "$balancer_pid" 2>/dev/null && wait "$balancer_pid" 2>/dev/null; balancer_pid=""
  local p; for p in "${node_pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done; node_pids=()
}

free_port() { local port=$1; while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done; echo "$port"; }

start_node() { # start_node NAME CONNECTION CERTIFICATE -> appends to node_pids and node_urls; one shared configuration
  local name=$1 port url data
  port=$(free_port $((5300 + ${#node_pids[@]} * 10)))
  url="http://127.0.0.1:$port"; data=$(mktemp -d /tmp/mutuality-bench.XXXXXX)
  ( cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Mutuality.Web.dll --urls "$url" \
      --Database:Provider=Postgres --Database:ConnectionString="$2" --Database:DataFolder="$data" \
      --Nodes:Several=true --DataProtection:KeysInDatabase=true --DataProtection:CertificatePath="$3" \
      --DataProtection:CertificatePassword=bench --Mail:PublicBaseUrl=http://127.0.0.1 \
      --Demo:Enabled=true --RateLimits:AuthPerMinute=1000000 \
      --Logging:LogLevel:Default=Warning --Mail:PickupFolder="$data/mail" >"$out/app-$name.log" 2>&1 ) &
  node_pids+=($!); node_urls+=("$url")
  for _ in $(seq 1 1200); do curl -sf "$url/readyz" >/dev/null 2>&1 && return 0; sleep 0.05; done
  echo "node $name did not start; see $out/app-$name.log"; tail -20 "$out/app-$name.log"; return 1
}

start_balancer() { # start_balancer URL... -> sets base to HAProxy, round robin over the given nodes
  [ -n "$balancer_pid" ] && kill "$balancer_pid" 2>/dev/null && wait "$balancer_pid" 2>/dev/null
  local port i=0 u
  port=$(free_port 5290)
  {
    printf 'global\n  maxconn 4096\ndefaults\n  mode http\n  timeout connect 5s\n  timeout client 60s\n  timeout server 60s\n'
    printf 'frontend front\n  bind 127.0.0.1:%s\n  default_backend nodes\nbackend nodes\n  balance roundrobin\n  http-reuse safe\n' "$port"
    for u in "$@"; do i=$((i + 1)); printf '  server n%s %s\n' "$i" "${u#http://}"; done
  } >"$out/haproxy.cfg"
  haproxy -f "$out/haproxy.cfg" -db >"$out/haproxy.log" 2>&1 &
  balancer_pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 200); do curl -sf "$base/readyz" >/dev/null 2>&1 && return 0; sleep 0.05; done
  echo "the balancer did not start"; cat "$out/haproxy.log"; return 1
}

# wrk_post_p50 URL BODY -> "req/s p50ms p99ms non2xx3xx"
wrk_post_p50() {
  BENCH_BODY="$2" BENCH_COOKIE="$cookie_header" BENCH_TOKEN="$token" \
    wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/post.lua" "$1" >"$out/wrk.txt" 2>&1
  local ms='{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}'
  echo "$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt") $(awk '$1=="50%" '"$ms" "$out/wrk.txt") $(awk '$1=="99%" '"$ms" "$out/wrk.txt") $(awk '/Non-2xx or 3xx/ {print $5}' "$out/wrk.txt" | grep . || echo 0)"
}

bench_cluster_run() { # bench_cluster_run -> "req/s p50 p99 bad" through the balancer as it stands
  local body where
  body=$(cat "$root/bench/moment-form.txt")
  sign_in
  where=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $cookie_header" -H "RequestVerificationToken: $token" \
    -H "Content-Type: application/x-www-form-urlencoded" --data "$body" "$base$(cat "$root/bench/moment-path.txt")")
  case $where in
    "302 $base/Moments") ;;
    *) echo "the cluster did not accept the moment (got: $where)" >&2; return 1 ;;
  esac
  duration=$warmup wrk_post_p50 "$base$(cat "$root/bench/moment-path.txt")" "$body" >/dev/null
  sign_in
  wrk_post_p50 "$base$(cat "$root/bench/moment-path.txt")" "$body"
}

case $what in
  cluster)
    duration=${BENCH_DURATION:-30s}
    apt_ensure haproxy openssl
    echo "== cluster: the moments path through HAProxy (round robin), 1 node then 3 nodes, one PostgreSQL ($connections connections,"
    echo "   ${warmup} warm-up then ${duration}; nodes, balancer, PostgreSQL and wrk all share this machine's cores)"
    pg_start "$out"
    trap 'stop_cluster; pg_stop' EXIT
    cert_dir=$(mktemp -d /tmp/mutuality-bench-cert.XXXXXX)
    openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=Mutuality bench key ring" -days 2 \
      -keyout "$cert_dir/key.pem" -out "$cert_dir/cert.pem" >/dev/null 2>&1
    openssl pkcs12 -export -out "$cert_dir/keys.pfx" -inkey "$cert_dir/key.pem" -in "$cert_dir/cert.pem" -passout pass:bench
    connection="$MUTUALITY_PG_BASE;Database=mutuality_bench_cluster"
    node_urls=()
    start_node n1 "$connection" "$cert_dir/keys.pfx"
    start_balancer "${node_urls[@]}"
    read -r one_rps one_p50 one_p99 one_bad < <(bench_cluster_run)
    start_node n2 "$connection" "$cert_dir/keys.pfx"
    start_node n3 "$connection" "$cert_dir/keys.pfx"
    start_balancer "${node_urls[@]}"
    read -r three_rps three_p50 three_p99 three_bad < <(bench_cluster_run)
    stop_cluster
    rm -rf "$cert_dir"
    cores=$(nproc)
    printf '1 node  | %7.0f req/s | p50 %7.1f ms | p99 %7.1f ms | bad %s\n' "$one_rps" "$one_p50" "$one_p99" "$one_bad"
    printf '3 nodes | %7.0f req/s | p50 %7.1f ms | p99 %7.1f ms | bad %s\n' "$three_rps" "$three_p50" "$three_p99" "$three_bad"
    echo "cluster bench: 1 node $(printf '%.0f' "$one_rps") req/s (p50 $one_p50 ms, p99 $one_p99 ms), 3 nodes $(printf '%.0f' "$three_rps") req/s (p50 $three_p50 ms, p99 $three_p99 ms) on $cores cores: three nodes on the same cores add no CPU, so this shows the cost of the balancer and the shared signals, not scaling"
    ;;
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
  dashboard)
    echo "== dashboard ($requests sequential requests per cell after 20 warm-up; wrk $connections connections, $duration)"
    table=""; pg_line=""
    if [ "${BENCH_PROVIDERS:-Postgres Sqlite}" != Sqlite ]; then
      pg_start "$out"
      bench_dashboard Postgres "$MUTUALITY_PG_BASE;Database=mutuality_bench_dash"
      pg_line=$line
      pg_stop
    fi
    [ "${BENCH_PROVIDERS:-Postgres Sqlite}" = Postgres ] || bench_dashboard Sqlite ""
    echo
    echo "page: $dash_path?period=4w and ?period=all (signed in as each history's couple)"
    printf 'provider  | hist| per. | server time (curl time_total, %s sequential)%s\n' "$requests" "$table"
    [ -z "$pg_line" ] || echo "PostgreSQL: ${pg_line#dashboard: }"
    echo "$line"
    ;;
  pages)
    echo "== pages ($pages_requests sequential requests per page and couple after two warm-up passes; app and curl share this machine)"
    table=""; pg_line=""
    if [ "${BENCH_PROVIDERS:-Postgres Sqlite}" != Sqlite ]; then
      pg_start "$out"
      bench_pages Postgres "$MUTUALITY_PG_BASE;Database=mutuality_bench_pages"
      pg_line=$pages_line
      pg_stop
    fi
    [ "${BENCH_PROVIDERS:-Postgres Sqlite}" = Postgres ] || bench_pages Sqlite ""
    echo
    printf 'provider  | page           | server time (curl time_total, %s sequential), growth = p50 5y / p50 1m%s\n' "$pages_requests" "$table"
    [ -z "$pg_line" ] || echo "PostgreSQL: ${pg_line#pages: }"
    [ "${BENCH_PROVIDERS:-Postgres Sqlite}" = Postgres ] || echo "$pages_line"
    ;;
  *) echo "unknown benchmark: $what (try: moments, dashboard, pages, cluster)"; exit 2 ;;
esac
