# Shared by run.sh and test.sh: find or install what the project needs on a Debian/Ubuntu machine.
apt_install() {
  if [ "$(id -u)" = 0 ]; then
    echo "Installing: $*"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Missing: $*. Install with: sudo apt-get install $*" >&2; exit 1
  fi
}

ensure_dotnet() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dot.net (or apt-get install dotnet-sdk-10.0)" >&2; exit 1; }
}

ensure_postgres_server() {
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then return; fi
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return; fi
  apt_install postgresql
}

# pg_dump/pg_restore of the server's major version for the backup/restore commands: ensure_pg_client 16
ensure_pg_client() {
  [ -x "/usr/lib/postgresql/$1/bin/pg_dump" ] && return
  apt_install "postgresql-client-$1"
}

ensure_chromium() {
  command -v chromium >/dev/null || apt_install chromium
  fc-list 2>/dev/null | grep -qi dejavu || apt_install fonts-dejavu-core
  fc-list 2>/dev/null | grep -qi emoji || apt_install fonts-noto-color-emoji
}

ensure_smtp_capture() {
  /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || apt_install python3-aiosmtpd
}

# OpenSSH's sshd for the SFTP tests (a private instance on a loopback port; the system service is not started).
ensure_sshd() {
  [ -x /usr/sbin/sshd ] || apt_install openssh-server
}

# nginx for the two-instance test (the shipped proxy configuration, docker/nginx). The package starts a default site
# on port 80; the test runs its own master with a private prefix, so that one is stopped again.
ensure_nginx() {
  if [ ! -x /usr/sbin/nginx ]; then
    apt_install nginx-light || apt_install nginx
    /usr/sbin/nginx -s stop 2>/dev/null || true
  fi
}
