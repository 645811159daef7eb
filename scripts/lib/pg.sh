# Sourced by scripts/test.sh and bench/run.sh: a private PostgreSQL cluster in a temp folder for one run.
# After `pg_start`, $MUTUALITY_PG_BASE holds a connection string without a database; `pg_stop` removes it all.
pg_start() {
  local out=${1:-/tmp}
  pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  pgdir=$(mktemp -d /tmp/mutuality-pg.XXXXXX)
  pgport=${MUTUALITY_PG_PORT:-55432}
  while (exec 3<>/dev/tcp/127.0.0.1/$pgport) 2>/dev/null; do pgport=$((pgport + 1)); done
  _as_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust --no-sync >"$out/pg-init.log" 2>&1 || return 1
  _as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
    -o "-p $pgport -k $pgdir -h 127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null || return 1
  MUTUALITY_PG_BASE="Host=127.0.0.1;Port=$pgport;Username=postgres;Password=unused"
  export MUTUALITY_PG_BASE
}

pg_stop() {
  [ -n "${pgdir:-}" ] || return 0
  _as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pgdir"
  pgdir=""
}

_as_pg() {
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$pgdir"; runuser -u postgres -- "$@"; else "$@"; fi
}

# Installs Debian packages that are missing (as root, or with sudo).
apt_ensure() {
  local need=() p
  for p in "$@"; do
    case $p in
      postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=("$p") ;;
      *) command -v "$p" >/dev/null 2>&1 || need+=("$p") ;;
    esac
  done
  [ ${#need[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing ${need[*]}"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
}
