#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a fresh cluster in a temp folder, owned by the `postgres` user,
# listening on 127.0.0.1 on a free port. No mock anywhere: the tests talk to this server.
#
#   scripts/test-postgres.sh start   # prints the connection string; writes it to $PG_ENV_FILE
#   scripts/test-postgres.sh stop    # stops the server and deletes its folder
#   scripts/test-postgres.sh restart # stops the server, waits PG_DOWNTIME seconds (default 0), starts it again, data kept
#
# With PG_OWNER_PID set, `start` also leaves a watchdog that stops the server once that process has exited (a test run
# that started its own server cannot leave it behind).
#
# PG_ENV_FILE (default /tmp/petitionbot-test-postgres.env) holds `PETITIONBOT_TEST_POSTGRES=...` and the data folder,
# so `. "$PG_ENV_FILE"` exports the connection string for `dotnet test`.
set -euo pipefail

env_file=${PG_ENV_FILE:-/tmp/petitionbot-test-postgres.env}
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

start() {
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL server binaries not found (apt-get install postgresql)." >&2
    exit 1
  fi

  if [ -f "$env_file" ]; then
    # shellcheck disable=SC1090
    . "$env_file"
    if [ -n "${PG_DATA_DIR:-}" ] && as_postgres "$bin/pg_ctl" -D "$PG_DATA_DIR" status >/dev/null 2>&1; then
      echo "$PETITIONBOT_TEST_POSTGRES"
      return 0
    fi
  fi

  local dir port password
  dir=$(mktemp -d /tmp/petitionbot-pg.XXXXXX)
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
  fi
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  echo "$password" > "$dir/pwfile"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir/pwfile"; fi
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  port=$(free_port)
  local opts="-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o "$opts" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }

  local conn="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
  {
    echo "PETITIONBOT_TEST_POSTGRES='$conn'"
    echo "PG_DATA_DIR='$dir/data'"
    echo "PG_BIN_DIR='$bin'"
    echo "PG_OPTS='$opts'"
    echo "export PETITIONBOT_TEST_POSTGRES PG_DATA_DIR PG_BIN_DIR PG_OPTS"
  } > "$env_file"
  chmod 644 "$env_file"
  if [ -n "${PG_OWNER_PID:-}" ]; then
    PG_ENV_FILE="$env_file" nohup bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; "$2" stop' watchdog "$PG_OWNER_PID" "$(realpath "$0")" \
      >/dev/null 2>&1 </dev/null &
  fi
  echo "$conn"
}

stop() {
  [ -f "$env_file" ] || return 0
  # shellcheck disable=SC1090
  . "$env_file"
  if [ -n "${PG_DATA_DIR:-}" ] && [ -d "$PG_DATA_DIR" ]; then
    as_postgres "$bin/pg_ctl" -D "$PG_DATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$(dirname "$PG_DATA_DIR")"
  fi
  rm -f "$env_file"
}

restart() {
  # shellcheck disable=SC1090
  . "$env_file"
  as_postgres "$bin/pg_ctl" -D "$PG_DATA_DIR" -m fast -w stop >/dev/null
  sleep "${PG_DOWNTIME:-0}"
  as_postgres "$bin/pg_ctl" -D "$PG_DATA_DIR" -l "$(dirname "$PG_DATA_DIR")/server.log" -w -t 30 -o "$PG_OPTS" start >/dev/null
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart ;;
  *) echo "usage: $0 start|stop|restart" >&2; exit 2 ;;
esac
