#!/usr/bin/env bash
# Runs every test: unit, integration (real PostgreSQL) and E2E (real Chromium via Playwright).
# Installs what is missing (PostgreSQL server binaries, Chromium, fonts, an SMTP capture server, OpenSSH sshd for SFTP, nginx for the two-instance test) and starts its own PostgreSQL clusters.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet
ensure_postgres_server
ensure_chromium
ensure_smtp_capture
ensure_sshd
ensure_nginx
dotnet build AlAroma.sln -c Release -nologo -v quiet
# Test hosts never edit their appsettings: no file watcher each (the per-user inotify limit, often 128, runs out).
export DOTNET_hostBuilder__reloadConfigOnChange=false
if [ "$#" -gt 0 ]; then
  exec dotnet test AlAroma.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
fi
# The heavy tests — PostgreSQL restarted under ten tills, processes killed mid-import, two app instances behind nginx —
# run after the rest, one suite at a time: beside the browser tests they starve them of the two cores' CPU.
heavy="FullyQualifiedName~AlAroma.Tests.Faults|FullyQualifiedName~AlAroma.E2E.Cluster"
status=0
dotnet test AlAroma.sln -c Release --no-build --logger "console;verbosity=normal" \
  --filter "FullyQualifiedName!~AlAroma.Tests.Faults&FullyQualifiedName!~AlAroma.E2E.Cluster" || status=1
dotnet test AlAroma.Tests -c Release --no-build --logger "console;verbosity=normal" --filter "$heavy" || status=1
dotnet test AlAroma.E2E -c Release --no-build --logger "console;verbosity=normal" --filter "$heavy" || status=1
exit $status
