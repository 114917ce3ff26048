#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against real PostgreSQL and RabbitMQ processes,
# the three services and the gateway. Prints one closing line: "Tests: N passed, N failed in M min S s" (the time
# counts installing, restoring and building too).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
scripts/prerequisites.sh

# Style drift fails the run: .editorconfig is the team's style (layout, import order, unused usings); `dotnet format
# Platform.sln` fixes it. It loads every project (about a minute), so the packages are restored first.
dotnet restore Platform.sln -v q
dotnet format Platform.sln --no-restore --verify-no-changes ||
  { echo "The code differs from .editorconfig: run 'dotnet format Platform.sln'." >&2; exit 1; }

output=$(mktemp)
trap 'rm -f "$output"' EXIT
status=0
# ReplicaTests need two instances of each service, which SUITE_REPLICAS=2 gives (scripts/faults.sh); CI's time
# holds one.
filter=()
[ "${SUITE_REPLICAS:-1}" -ge 2 ] || filter=(--filter "FullyQualifiedName!~ReplicaTests")
dotnet test Platform.sln "${filter[@]}" "$@" 2>&1 | tee "$output" || status=$?

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 49, Skipped: 0, ..."
passed=$(grep -oE 'Passed: +[0-9]+' "$output" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$output" | awk '{s+=$2} END {print s+0}')
echo
elapsed=$((SECONDS - started))
echo "Tests: $passed passed, $failed failed in $((elapsed / 60)) min $((elapsed % 60)) s"
[ "$passed" -gt 0 ] || { echo "No test ran." >&2; exit 1; }
exit $status
