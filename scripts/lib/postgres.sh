# shellcheck shell=bash
# Part "postgres": the same Swift tests against a real PostgreSQL server.
# With DATABASE_URL set, that server is used as given. Otherwise a throwaway PostgreSQL 15 is
# installed (apt, when missing), started on loopback from a temporary data directory, and
# stopped and deleted when the part exits, whether it passed or not.

LOS_PG_PORT="${LOS_PG_PORT:-54329}"
LOS_PG_DB=lineofsight_test
LOS_PG_DIR=""

# Debian keeps the server binaries in a versioned folder, off PATH. Prefer 15 (what the project
# targets and what Debian 12 ships); otherwise take the newest present.
los_pg_bindir() {
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
    echo /usr/lib/postgresql/15/bin
  else
    printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1
  fi
}

# initdb and postgres refuse to run as root, so as root run them as the postgres user (from /,
# which that user can read); as anyone else run them as yourself.
los_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

los_pg_stop() {
  [ -n "$LOS_PG_DIR" ] || return 0
  if [ -f "$LOS_PG_DIR/postmaster.pid" ]; then
    los_log "Stopping the temporary PostgreSQL server"
    los_pg_as_owner "$(los_pg_bindir)/pg_ctl" -D "$LOS_PG_DIR" stop -m fast >/dev/null || true
  fi
  rm -rf "$LOS_PG_DIR"
  LOS_PG_DIR=""
}

los_pg_start_temp() {
  los_apt_install postgresql
  local bindir
  bindir="$(los_pg_bindir)"
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    los_err "PostgreSQL server binaries not found under /usr/lib/postgresql"
    return 1
  fi
  los_log "Using $("$bindir/postgres" --version)"
  if (exec 3<>"/dev/tcp/127.0.0.1/$LOS_PG_PORT") 2>/dev/null; then
    los_err "port $LOS_PG_PORT is already in use (another test run?); set LOS_PG_PORT to another port"
    return 1
  fi

  LOS_PG_DIR="$(mktemp -d -t lineofsight-pg.XXXXXX)"
  # Stop and delete on any exit, including Ctrl-C, so a failed run leaves no server behind.
  trap los_pg_stop EXIT
  trap 'exit 130' INT TERM
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$LOS_PG_DIR"; fi
  chmod 700 "$LOS_PG_DIR"

  # Test data is disposable: no fsync, trust auth on loopback only, C locale for stable sorting.
  los_pg_as_owner "$bindir/initdb" -D "$LOS_PG_DIR" -U postgres -A trust --no-sync \
    -E UTF8 --locale=C >/dev/null
  if ! los_pg_as_owner "$bindir/pg_ctl" -D "$LOS_PG_DIR" -l "$LOS_PG_DIR/server.log" -w \
      -o "-p $LOS_PG_PORT -k $LOS_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
      start >/dev/null; then
    los_err "PostgreSQL did not start; its log:"
    cat "$LOS_PG_DIR/server.log" >&2 || true
    return 1
  fi
  "$bindir/psql" -X -q -h 127.0.0.1 -p "$LOS_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $LOS_PG_DB"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$LOS_PG_PORT/$LOS_PG_DB"
  los_log "Temporary PostgreSQL at $DATABASE_URL (data in $LOS_PG_DIR)"
}

los_part_postgres() {
  cd "$LOS_ROOT" || return
  if [ -n "${DATABASE_URL:-}" ]; then
    case "$DATABASE_URL" in
      postgres://* | postgresql://* | postgres+uds://* | postgresql+uds://*) ;;
      *) los_err "DATABASE_URL must be a postgres:// or postgres+uds:// URL for this part"; return 1 ;;
    esac
    # Print the URL without any password in it.
    los_log "Using DATABASE_URL from the environment: $(printf '%s' "$DATABASE_URL" | sed -E 's#://([^:@/]*):[^@/]*@#://\1:***@#')"
  else
    los_pg_start_temp
  fi
  swift build --build-tests
  # One database shared by every test: run them one at a time so migrations never race.
  los_swift_test --no-parallel
}
