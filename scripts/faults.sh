#!/usr/bin/env bash
# The fault suite at length: the fault and reliability tests against real PostgreSQL, RabbitMQ and services, with
# FAULT_SCALE times their events and broker restarts (default 10: 3,000 events through a killed consumer and through
# a PostgreSQL restart, 600 commissionings through a killed publisher, 30 broker restarts). CI runs the same tests at
# scale 1 against one instance of each service; this runs them against two (SUITE_REPLICAS). Prints each fault's
# events sent, applied, lost (must be 0) and applied twice (must be 0).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
export FAULT_SCALE="${1:-10}"
export SUITE_REPLICAS="${SUITE_REPLICAS:-2}" # against two instances of each service
output=$(mktemp)
trap 'rm -f "$output"' EXIT
status=0
tests="FullyQualifiedName~FaultTests|FullyQualifiedName~ReliabilityTests|FullyQualifiedName~ReplicaTests"
dotnet test tests/IntegrationTests --filter "$tests" \
  --logger "console;verbosity=detailed" 2>&1 | tee "$output" || status=$?
echo
echo "Fault suite at scale $FAULT_SCALE:"
grep -E "^\s*(Passed|Failed) Platform|events sent|deliveries|round [0-9]+:" "$output" | sed -E 's/^\s+/  /' || true
exit $status
