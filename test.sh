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
dotnet test AlAroma.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
