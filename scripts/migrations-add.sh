#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: scripts/migrations-add.sh AddSupportMoments
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/migrations-add.sh MigrationName}
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/Mutuality.Web --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project src/Mutuality.Web --context PostgresAppDbContext --output-dir Data/Migrations/Postgres
