# shellcheck shell=bash
# Part "ssda903": the differential test of our SSDA903 validator against the DfE's own tool
# (PyPI csc-validator-be-903, installed into .venv-903 when missing): every rule's worked
# examples through the DfE tool, then both validators on a generated return for each collection
# year, failing on any difference docs/ssda903-deviations.md does not document.
#
# It uses the debug build of lineofsight-returns (the part "swift" builds it anyway, so a full
# run compiles nothing twice); LOS_RETURNS_TOOL names an already built one instead.

los_part_ssda903() {
  cd "$LOS_ROOT" || return
  # Debian's python3 lacks ensurepip until python3-venv is installed; the diff script makes the
  # venv itself.
  if [ ! -x .venv-903/bin/python ] && ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    los_apt_install python3-venv
  fi
  local tool="${LOS_RETURNS_TOOL:-}"
  if [ -z "$tool" ]; then
    swift build --product lineofsight-returns
    tool="$(swift build --show-bin-path)/lineofsight-returns"
  fi
  LOS_RETURNS_TOOL="$tool" scripts/ssda903-diff
}
