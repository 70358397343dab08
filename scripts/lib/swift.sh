# shellcheck shell=bash
# Part "swift": build everything, then run the Swift tests on SQLite (the default database).

los_part_swift() {
  cd "$LOS_ROOT" || return
  swift build --build-tests
  # The Swift tests use SQLite when DATABASE_URL is unset; a developer's exported PostgreSQL URL
  # must not turn this pass into a second PostgreSQL pass.
  (unset DATABASE_URL; los_swift_test)
}
