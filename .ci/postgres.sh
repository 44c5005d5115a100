# Sourced by .ci/run: a throw-away PostgreSQL for the consent log's tests (test/server), so that they run on
# a real server as well as on the embedded PGlite. Uses the PostgreSQL this machine has (initdb on the PATH,
# or Debian's /usr/lib/postgresql/*/bin); on a fresh Debian machine installs the `postgresql` package first.
# `start_postgres` exports DATABASE_URL; `stop_postgres` stops the cluster and removes it.

pg_bin_dir() {
  local initdb
  initdb="$(command -v initdb || true)"
  if [ -z "$initdb" ]; then
    # Debian keeps the server's programs out of the PATH, one directory per major version: take the newest.
    initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  fi
  # A link (/usr/local/bin/initdb) leads to the directory that has the other programs too (createdb).
  [ -n "$initdb" ] && dirname "$(readlink -f "$initdb")"
}

# Runs a command as the cluster's owner: initdb and postgres refuse to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

start_postgres() {
  local bin sudo=''
  if [ "$(id -u)" -ne 0 ]; then sudo='sudo'; fi
  bin="$(pg_bin_dir || true)"
  if [ -z "$bin" ]; then
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
    bin="$(pg_bin_dir)"
  fi
  # The package creates the `postgres` user; a PostgreSQL built by hand may come without one.
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /bin/sh postgres
  fi

  PG_CI_BIN="$bin"
  PG_CI_DIR="$(mktemp -d /tmp/consent-log-pg.XXXXXX)"
  chmod 755 "$PG_CI_DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_CI_DIR"; fi
  # A free port: another cluster (Debian's own on 5432, a developer's) may be running.
  PG_CI_PORT=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$PG_CI_PORT") 2>/dev/null; do PG_CI_PORT=$((PG_CI_PORT + 1)); done

  as_owner "$bin/initdb" -D "$PG_CI_DIR/data" -U postgres --auth=trust -E UTF8 --no-sync >"$PG_CI_DIR/initdb.log"
  # fsync off: a throw-away cluster; the tests' speed matters, surviving a crash does not.
  as_owner "$bin/pg_ctl" -D "$PG_CI_DIR/data" -l "$PG_CI_DIR/postgres.log" -w -t 60 \
    -o "-p $PG_CI_PORT -k $PG_CI_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  "$bin/createdb" -h 127.0.0.1 -p "$PG_CI_PORT" -U postgres consent_log_test
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_CI_PORT/consent_log_test"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the consent log's tests: $DATABASE_URL"
}

stop_postgres() {
  if [ -n "${PG_CI_DIR:-}" ] && [ -d "$PG_CI_DIR/data" ]; then
    as_owner "$PG_CI_BIN/pg_ctl" -D "$PG_CI_DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$PG_CI_DIR"
  fi
}
