#!/usr/bin/env bash
# Sets up like ./dui-conformance, builds, runs every test of the solution, and ends with one line totalling them:
# "N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
"$root/scripts/setup.sh" || exit 3
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DUI_CONFORMANCE_HOME="$root"

results="$root/out/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build "$root/DuiConformance.sln" -c Debug -nologo -v quiet -clp:NoSummary
build_status=$?
if [ $build_status -ne 0 ]; then
  echo "0 passed, 1 failed"
  exit 1
fi

# Extra arguments go to `dotnet test` (e.g. --filter "TestCategory!=Browser").
dotnet test "$root/DuiConformance.sln" --no-build -c Debug -nologo \
  --settings "$root/runsettings/ci.runsettings" --logger "trx" --results-directory "$results" "$@"
test_status=$?

# Total every TRX file (one per test project).
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p="$(value passed)"; f="$(value failed)"; e="$(value error)"; t="$(value timeout)"; a="$(value aborted)"
  total="$(value total)"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  # Skipped: everything neither passed nor failed (not executed, ignored, inconclusive such as Reference tests without
  # ../shared/reference).
  skipped=$((skipped + ${total:-0} - ${p:-0} - ${f:-0} - ${e:-0} - ${t:-0} - ${a:-0}))
done
if [ $test_status -ne 0 ] && [ $failed -eq 0 ]; then
  failed=1   # the runner failed without a counted failure (crash, no TRX): never report green
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ $failed -eq 0 ] || exit 1
exit 0
