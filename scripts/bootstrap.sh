#!/usr/bin/env bash
# Installs and starts what Preventiekaart needs, on Debian 12 with Node 20, and nothing more:
#   npm dependencies (npm ci), PostGIS, pgRouting, Chromium, GDAL, poppler-utils, fonts (apt),
#   PostgreSQL and Redis where none answers at DATABASE_URL / REDIS_URL.
# Idempotent: what is already there is reused. Fails with one line naming the missing piece.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[preventiekaart]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[preventiekaart] cannot continue:\033[0m %s\n' "$*" >&2; exit 1; }

# --- Node ---------------------------------------------------------------------------------
command -v node >/dev/null || die "Node.js is not installed; install Node.js 20 (https://nodejs.org) and run this again"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js $(node -v) is too old; Preventiekaart needs Node.js 20 or newer"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >&2 || die "npm ci failed (see above); is the npm registry reachable?"
fi

# --- System packages ----------------------------------------------------------------------
missing=()
pg_major=15
[ -f "/usr/share/postgresql/${pg_major}/extension/postgis.control" ] || missing+=("postgresql-${pg_major}-postgis-3")
# pgRouting orders and routes the walks of street inspections (migration 0050).
[ -f "/usr/share/postgresql/${pg_major}/extension/pgrouting.control" ] || missing+=("postgresql-${pg_major}-pgrouting")
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v ogr2ogr >/dev/null || missing+=(gdal-bin)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)

# PostgreSQL and Redis: only when nothing answers where we are told to look.
db_url=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/preventiekaart}
redis_url=${REDIS_URL:-redis://127.0.0.1:6379}
hostport() { node -e 'const u=new URL(process.argv[1]); console.log((u.hostname||"127.0.0.1")+" "+(u.port||process.argv[2]))' "$1" "$2"; }
read -r db_host db_port < <(hostport "$db_url" 5432)
read -r redis_host redis_port < <(hostport "$redis_url" 6379)
answers() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

local_host() { [ "$1" = 127.0.0.1 ] || [ "$1" = localhost ] || [ "$1" = ::1 ]; }
if ! answers "$db_host" "$db_port"; then
  local_host "$db_host" || die "no PostgreSQL answers at $db_host:$db_port (DATABASE_URL); start it or fix the URL"
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
fi
if ! answers "$redis_host" "$redis_port"; then
  local_host "$redis_host" || die "no Redis answers at $redis_host:$redis_port (REDIS_URL); start it or fix the URL"
  command -v redis-server >/dev/null || missing+=(redis-server)
fi

if [ ${#missing[@]} -gt 0 ]; then
  say "installing system packages: ${missing[*]}"
  [ -r /etc/debian_version ] || die "this is not Debian; install these packages yourself: ${missing[*]}"
  command -v apt-get >/dev/null || die "apt-get not found; install these packages yourself: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; else
      die "installing ${missing[*]} needs root; run as root or: sudo apt-get install -y ${missing[*]}"
    fi
  else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2 || die "apt-get update failed; is a Debian mirror reachable?"
  $SUDO apt-get install -y -qq "${missing[@]}" >&2 || die "apt-get install ${missing[*]} failed (see above)"
fi

# --- Start services -----------------------------------------------------------------------
if ! answers "$db_host" "$db_port"; then
  say "starting PostgreSQL"
  cluster=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$cluster" ] || die "PostgreSQL is installed but has no cluster in /etc/postgresql"
  read -r _ _ cl_port cl_status _ < <(pg_lsclusters -h 2>/dev/null | awk -v c="$cluster" '$1 == c && $2 == "main"') || true
  [ "${cl_status:-}" != online ] || die "PostgreSQL $cluster runs on port $cl_port, but DATABASE_URL points at port $db_port; fix DATABASE_URL"
  pg_ctlcluster --skip-systemctl-redirect "$cluster" main start >&2 || die "PostgreSQL $cluster did not start (pg_ctlcluster $cluster main start)"
  # Local development trusts connections from this machine, as the default DATABASE_URL expects.
  for i in $(seq 1 20); do answers "$db_host" "$db_port" && break; sleep 0.5; done
  answers "$db_host" "$db_port" || die "PostgreSQL started but does not answer at $db_host:$db_port"
fi
if ! answers "$redis_host" "$redis_port"; then
  say "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no >&2 ||
    die "Redis did not start (redis-server --daemonize yes)"
  for i in $(seq 1 20); do answers "$redis_host" "$redis_port" && break; sleep 0.25; done
  answers "$redis_host" "$redis_port" || die "Redis started but does not answer at $redis_host:$redis_port"
fi

# --- PostgreSQL access ----------------------------------------------------------------------
# The default DATABASE_URL connects as postgres over TCP without a password. Debian's
# pg_hba.conf asks for one (scram-sha-256) on 127.0.0.1, so on a fresh machine the first
# connection fails. Only for the local default (no DATABASE_URL given, root, a local Debian
# cluster) let the postgres user in from this machine without a password; otherwise say what to set.
pg_probe() {
  node -e '
    const u = new URL(process.argv[1]); u.pathname = "/postgres";
    const c = new (require("pg").Client)({ connectionString: u.toString(), connectionTimeoutMillis: 5000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), (e) => {
      console.error(String(e.message).split("\n")[0]);
      // 28P01/28000: rejected credentials; the pg client throws before asking when no password is given.
      process.exit(["28P01", "28000"].includes(e.code) || /password/i.test(e.message) ? 2 : 1);
    });' "$db_url"
}
pg_rc=0; pg_err=$(pg_probe 2>&1) || pg_rc=$?
if [ "$pg_rc" -eq 2 ] && [ -z "${DATABASE_URL:-}" ] && local_host "$db_host" && [ "$(id -u)" -eq 0 ]; then
  cluster=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  hba=/etc/postgresql/$cluster/main/pg_hba.conf
  if [ -n "$cluster" ] && [ -f "$hba" ] && ! grep -q 'added by preventiekaart' "$hba"; then
    say "letting user postgres connect from this machine without a password ($hba)"
    sed -i '1i # added by preventiekaart bootstrap (local demo): user postgres from this machine, no password\nhost all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$cluster" main reload >&2 || die "PostgreSQL $cluster did not reload its pg_hba.conf"
    pg_rc=0; pg_err=$(pg_probe 2>&1) || pg_rc=$?
  fi
fi
[ "$pg_rc" -eq 0 ] || die "cannot sign in to PostgreSQL at $db_host:$db_port ($pg_err); set DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DB"
exit 0
