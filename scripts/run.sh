#!/usr/bin/env bash
# Runs the whole suite on the Aspire AppHost, with its dashboard: PostgreSQL, RabbitMQ, the three services, the UI,
# the gateway and the demo data. Ctrl+C stops everything. Options go to the AppHost, e.g. --reset (wipe .data),
# --no-demo or Ports:gateway=9090.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
exec dotnet run --project AppHost -- "$@"
