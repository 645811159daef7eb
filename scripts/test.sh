#!/usr/bin/env bash
# Runs every test: formatting, domain, HTTP integration on SQLite and on PostgreSQL, and browser journeys.
# Installs what it needs (Chromium, PostgreSQL, dotnet tools), starts a private PostgreSQL for the run,
# and ends with one line: "N passed, N failed, N skipped". Exits non-zero on any failure or if no test ran.
# `scripts/test.sh --quick` is the inner loop: build, formatting, domain and the SQLite HTTP suite only.
set -uo pipefail
quick=0
[ "${1:-}" = "--quick" ] && quick=1
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/.test-output"
rm -rf "$out" && mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n== %s\n' "$*"; }
started=$SECONDS; stage_start=$SECONDS; stages=""
stage_done() { stages="$stages$(printf '%-14s %5ss' "$1" $((SECONDS - stage_start)))\n"; stage_start=$SECONDS; }
fail_setup() { echo "setup failed: $*" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# --- what the tests need from the machine -------------------------------------------------------
. scripts/lib/pg.sh
if [ $quick -eq 0 ]; then apt_ensure chromium postgresql || fail_setup "apt-get install chromium postgresql"; fi
export MUTUALITY_CHROMIUM="${MUTUALITY_CHROMIUM:-$(command -v chromium)}"

say "restoring"
dotnet tool restore >/dev/null || fail_setup "dotnet tool restore"
dotnet restore Mutuality.slnx >/dev/null || fail_setup "dotnet restore"
stage_done setup

# --- a private PostgreSQL for this run ------------------------------------------------------------
if [ $quick -eq 0 ]; then
  say "starting a private PostgreSQL"
  pg_start "$out" || fail_setup "PostgreSQL did not start (see $out/pg-init.log)"
  trap pg_stop EXIT
  export MUTUALITY_TEST_PG="$MUTUALITY_PG_BASE;Pooling=true;Maximum Pool Size=20"
  stage_done postgresql
fi

# --- build once, check formatting --------------------------------------------------------------
say "building"
dotnet build Mutuality.slnx --no-restore -v q -clp:ErrorsOnly >"$out/build.log" 2>&1 || { cat "$out/build.log"; fail_setup "build"; }
stage_done build

passed=0; failed=0; skipped=0; ran=0; status=0
count() { # parse "Passed!  - Failed: 0, Passed: 6, Skipped: 1, Total: 7" lines from a log
  local f p s
  while read -r line; do
    f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line"); p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line"); s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
    failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s)); ran=$((ran + 1))
  done < <(grep -E '^(Passed|Failed)! +- Failed: ' "$1")
}

say "format"
# Whitespace only: the code-style rules .editorconfig makes errors (file-scoped namespaces) already failed the build
# above (EnforceCodeStyleInBuild in Directory.Build.props), so `dotnet format style` would compile it all again for nothing.
if dotnet format whitespace Mutuality.slnx --verify-no-changes --no-restore >"$out/format.log" 2>&1; then
  passed=$((passed + 1)); echo "formatting: clean"
else
  failed=$((failed + 1)); status=1; echo "formatting drift (run: dotnet format Mutuality.slnx):"; tail -20 "$out/format.log"
fi
stage_done format

run() { # run NAME PROJECT [ENV=VALUE...] [-- DOTNET-TEST-ARGS...]
  local name=$1 project=$2; shift 2
  local vars=() args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do vars+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift && args=("$@")
  say "$name"
  : >"$out/$name.report"
  env MUTUALITY_TEST_REPORT="$out/$name.report" "${vars[@]}" dotnet test "$project" --no-build "${args[@]}" >"$out/$name.log" 2>&1
  local code=$?
  # What some tests report about themselves (the authorisation matrix's coverage, hostile inputs tried, …).
  sed 's/^/   /' "$out/$name.report"
  grep -E '^\s+(Failed|Skipped) |^(Passed|Failed)! ' "$out/$name.log" | tail -40
  # A failure says why here, not only in the log (CI keeps what this prints): its message and first frames.
  if grep -qE '^\s+Failed [A-Za-z]' "$out/$name.log"; then
    echo "   -- why they failed --"
    grep -E -A 14 '^\s+Failed [A-Za-z]' "$out/$name.log" | grep -vE '^\s+at (System|Microsoft|Xunit)\.' | head -80 | sed 's/^/   /'
  fi
  if ! grep -qE '^(Passed|Failed)! +- Failed: ' "$out/$name.log"; then
    echo "no test summary for $name (exit $code):"; tail -30 "$out/$name.log"; failed=$((failed + 1)); status=1; stage_done "$name"; return
  fi
  count "$out/$name.log"
  [ $code -eq 0 ] || status=1
  stage_done "$name"
}

run domain tests/Mutuality.Domain.Tests
run web-sqlite tests/Mutuality.Web.Tests MUTUALITY_TEST_PROVIDER=Sqlite
expected=2
if [ $quick -eq 0 ]; then
  # Tests that read no data or are about SQLite files (Trait Runs=Once) ran in the SQLite pass.
  run web-postgres tests/Mutuality.Web.Tests MUTUALITY_TEST_PROVIDER=Postgres -- --filter "Runs!=Once"
  run e2e tests/Mutuality.E2E
  expected=4
fi

if [ "$ran" -lt $expected ] || [ "$passed" -eq 0 ]; then status=1; fi
echo
say "seconds per stage"
printf "$stages"
printf '%-14s %5ss\n' total $((SECONDS - started))
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
