# shellcheck shell=bash
# Shared helpers for scripts/test and its parts. Sourced, never run on its own.

# Repository root, whatever directory the caller started in.
# shellcheck disable=SC2034  # used by the part files sourced after this one
LOS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

los_log() { printf '%s\n' "$*"; }
los_err() { printf 'error: %s\n' "$*" >&2; }

los_banner() {
  printf '\n==================== %s ====================\n' "$*"
}

# "3m07s" from a number of seconds.
los_duration() {
  local s=$1
  if [ "$s" -ge 60 ]; then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi
}

# Root runs apt/runuser directly; anyone else needs sudo (developers' laptops).
los_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    los_err "need root (or sudo) to run: $*"
    return 1
  fi
}

los_apt_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Install the Debian packages that are missing. CI runs on fresh machines with no stdin, so
# apt must never prompt. `apt-get update` runs only when something is missing (at most once per
# part), so a machine that already has everything does no network work.
los_apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    los_apt_installed "$pkg" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    los_err "missing packages (${missing[*]}) and no apt-get to install them"
    return 1
  fi
  los_log "Installing with apt: ${missing[*]}"
  if [ -z "${LOS_APT_UPDATED:-}" ]; then
    los_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
    LOS_APT_UPDATED=1
  fi
  los_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" </dev/null || return 1
}

# Run `swift test` with the given arguments, teeing its output to a log, then insist that it
# actually ran tests and skipped none: an empty or partly skipped run must not look green.
# XCTest closes with "Executed N tests, with [K tests skipped and ]F failures";
# Swift Testing with "Test run with N tests ..." and a "Test name() skipped" line per skip.
los_swift_test() {
  local log rc xc st skipped
  log="$(mktemp -t lineofsight-swift-test.XXXXXX)"
  rc=0
  # pipefail (set by scripts/test) makes this swift's status, not tee's.
  swift test "$@" 2>&1 | tee "$log" || rc=$?
  if [ "$rc" -ne 0 ]; then
    rm -f "$log"
    los_err "swift test exited with $rc"
    return "$rc"
  fi
  xc=$(grep -Eo 'Executed [0-9]+ tests?' "$log" | tail -n 1 | grep -Eo '[0-9]+' || true)
  st=$(grep -Eo 'Test run with [0-9]+ tests?' "$log" | tail -n 1 | grep -Eo '[0-9]+' || true)
  skipped=$(grep -Eo 'with [0-9]+ tests? skipped' "$log" | tail -n 1 | grep -Eo '[0-9]+' || true)
  skipped=$(( ${skipped:-0} + $(grep -Ec 'Test [^ ].*\) skipped' "$log" || true) ))
  rm -f "$log"
  los_log "swift test: ${xc:-0} XCTest tests, ${st:-0} Swift Testing tests, $skipped skipped"
  if [ $(( ${xc:-0} + ${st:-0} )) -eq 0 ]; then
    los_err "swift test ran no tests"
    return 1
  fi
  if [ "$skipped" -ne 0 ]; then
    los_err "swift test skipped $skipped test(s); a skipped test is a failure here"
    return 1
  fi
}
