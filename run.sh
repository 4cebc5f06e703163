#!/usr/bin/env bash
# Starts Al Aroma on http://127.0.0.1:5000 with its own PostgreSQL (in .data/pg) and demo data.
# With ConnectionStrings__Default set, uses that database instead. Ctrl+C stops the app and the database.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet
if [ -z "${ConnectionStrings__Default:-}" ]; then ensure_postgres_server; fi
dotnet build AlAroma.Web -c Release -nologo -v quiet
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Logging__PlainText=true
export Demo__Seed="${Demo__Seed:-true}"
# The demo's seeded admin and manager sign in with the password alone; a real install keeps the default
# (two-factor sign-in required for Admin and Manager, appsettings.json) or sets its own roles here.
if [ "$Demo__Seed" = "true" ]; then export Security__TwoFactor__RequiredForRoles="${Security__TwoFactor__RequiredForRoles-}"; fi
exec dotnet run --project AlAroma.Web -c Release --no-build --no-launch-profile -- --urls "${URLS:-http://127.0.0.1:5000}"
