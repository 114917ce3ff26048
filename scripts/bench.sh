#!/usr/bin/env bash
# Reruns every benchmark (the engines' BenchmarkDotNet suites, then the whole suite under load, faults aside) and
# writes docs/benchmarks.md with the figures and the machine they were taken on. About 20 minutes.
# Options go to the bench, e.g. "scripts/bench.sh gateway-load --seconds 20" runs one part and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh wrk
if [ $# -eq 0 ]; then
  set -- all --write docs/benchmarks.md
fi
exec dotnet run -c Release --project bench/Bench -- "$@"
