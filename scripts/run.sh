#!/usr/bin/env bash
# Runs the whole suite: PostgreSQL, RabbitMQ, the three services and the gateway. Ctrl+C stops everything.
# Options go to the AppHost, e.g. --reset (wipe .data) or --Ports:gateway=9090.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
exec dotnet run --project AppHost -- "$@"
