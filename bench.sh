#!/usr/bin/env bash
# Benchmarks (DESIGN.md §6): `./bench.sh` lists them, `./bench.sh <name>` runs one. Each installs the reference peer it
# compares with, measures both in the same run, and ends with one line per figure:
# "<name>: <value> <unit> (reference <peer>: <value> <unit>, ratio <x>)".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
"$root/scripts/setup.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DUI_CONFORMANCE_HOME="$root"
project="$root/tests/DuiConformance.Benchmarks/DuiConformance.Benchmarks.csproj"
build_log="$(mktemp)"
if ! dotnet build "$project" -c Release -nologo -v quiet -clp:NoSummary >"$build_log" 2>&1; then
  cat "$build_log" >&2
  rm -f "$build_log"
  echo "bench : la compilation a échoué." >&2
  exit 3
fi
rm -f "$build_log"
exec dotnet "$root/tests/DuiConformance.Benchmarks/bin/Release/net10.0/dui-conformance-bench.dll" "$@"
