# shellcheck shell=bash
# Part "e2e": the browser tests in e2e/ (pytest + Playwright driving Debian's Chromium, axe-core).
# Installs Chromium and the Python packages when missing, builds the server, runs pytest.

LOS_CHROMIUM="${LOS_CHROMIUM:-/usr/bin/chromium}"
LOS_VENV="$LOS_ROOT/e2e/.venv"
LOS_PYTHON="${LOS_PYTHON:-python3}"

# Playwright's own browser download cannot work here; Debian's Chromium is the browser.
# fonts-liberation gives screenshots readable text on a machine with no other fonts.
los_browser_install() {
  los_apt_install chromium fonts-liberation
  if [ ! -x "$LOS_CHROMIUM" ]; then
    los_err "Chromium not found at $LOS_CHROMIUM"
    return 1
  fi
}

# e2e/.venv (git-ignored) holds the pinned packages of e2e/requirements.txt. It is reinstalled
# when those pins change, detected by keeping a copy of the file that was installed.
los_e2e_venv() {
  local req="$LOS_ROOT/e2e/requirements.txt" stamp="$LOS_VENV/installed-requirements.txt"
  if ! "$LOS_VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    rm -rf "$LOS_VENV"
    if ! "$LOS_PYTHON" -m venv "$LOS_VENV"; then
      # Debian's python3 lacks ensurepip until python3-venv is installed.
      rm -rf "$LOS_VENV"
      los_apt_install python3-venv
      "$LOS_PYTHON" -m venv "$LOS_VENV"
    fi
  fi
  if ! cmp -s "$req" "$stamp"; then
    "$LOS_VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$req"
    cp "$req" "$stamp"
  fi
}

los_part_e2e() {
  cd "$LOS_ROOT" || return
  los_browser_install
  los_e2e_venv
  if [ -z "${E2E_BASE_URL:-}" ]; then
    # Reuses the debug build of the other parts; only the executable is needed.
    swift build --product lineofsight
    LINEOFSIGHT_BINARY="$(swift build --show-bin-path | tail -n 1)/lineofsight"
    export LINEOFSIGHT_BINARY
  fi
  export LOS_CHROMIUM
  # The server under test always gets its own fresh SQLite file (see e2e/conftest.py).
  unset DATABASE_URL
  local rc=0
  "$LOS_VENV/bin/pytest" e2e -q || rc=$?
  if [ "$rc" -eq 5 ]; then
    los_err "pytest collected no tests"
    return 1
  fi
  return "$rc"
}
