#!/usr/bin/env bash
# `npm run demo`: from a fresh clone to a running Preventiekaart with the Delft demo area.
# Installs what is missing, starts services, migrates, loads the demo area and synthetic
# incidents, creates the demo officer, builds the client, starts server and worker in the
# background and prints the URL and the login. A second run reuses everything and restarts
# server and worker. Stop them with `npm run demo:stop`.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[preventiekaart]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[preventiekaart] cannot continue:\033[0m %s\n' "$*" >&2; exit 1; }

bash scripts/bootstrap.sh
mkdir -p var/run var/log

say "database: migrate and load the Delft demo area"
npx tsx server/cli.ts setup-demo > var/log/setup-demo.json || die "setting up the demo data failed (see above)"
node -e '
  const r = JSON.parse(require("fs").readFileSync("var/log/setup-demo.json", "utf8"));
  const o = r.osm, i = r.incidents || {};
  console.error(`[preventiekaart] demo area: ${o.imported} streets and addresses new, ${o.updated} updated, ${o.skipped} unchanged; synthetic burglaries: ${i.imported ?? 0} new, ${i.updated ?? 0} updated, ${i.skipped ?? 0} unchanged`);
' || true

say "generating map label glyphs (once; cached in var/glyphs)"
LOG_LEVEL=warn npx tsx server/cli.ts public-glyphs > var/log/glyphs.json || die "generating the map glyphs failed (see above)"

say "building the client (vite)"
npx vite build --logLevel warn >&2 || die "the client build failed (see above)"

stop() {
  local f=var/run/$1.pid
  if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then
    kill "$(cat "$f")" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$(cat "$f")" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$f"
}
start() {
  stop "$1"
  nohup node --require tsx/cjs "$2" >> "var/log/$1.log" 2>&1 &
  echo $! > "var/run/$1.pid"
}
say "starting the mail sink, server and worker (logs in var/log/)"
# A real SMTP server on loopback (scripts/smtp-sink.ts) that keeps every mail the worker sends to
# residents (confirmations, alerts) as var/mail/*.eml. The worker sends to SMTP_URL, whose
# default smtp://127.0.0.1:2525 is this sink; set SMTP_URL to use a real mail server instead.
start mail scripts/smtp-sink.ts
start server server/main.ts
start worker jobs/worker.ts

port=${PORT:-3000}
host=${HOST:-127.0.0.1}
url="http://$host:$port"
alive() { kill -0 "$(cat "var/run/$1.pid")" 2>/dev/null; }
for _ in $(seq 1 60); do
  # A server that died (e.g. the port is taken) must not be mistaken for whatever else answers there.
  alive server || die "the server stopped at start-up: $(tail -n 3 var/log/server.log | tr '\n' ' ')"
  alive worker || die "the worker stopped at start-up: $(tail -n 3 var/log/worker.log | tr '\n' ' ')"
  if curl -fsS "$url/api/health" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fsS "$url/api/health" >/dev/null 2>&1 || die "the server did not become healthy; see var/log/server.log and var/log/worker.log ($(curl -s "$url/api/health" || echo 'no answer'))"

login=$(npx tsx -e "console.log(JSON.stringify(require('./server/setup/setup.cli').DEMO_LOGIN))")
email=$(node -p "JSON.parse(process.argv[1]).email" "$login")
password=$(node -p "JSON.parse(process.argv[1]).password" "$login")
cat <<TXT

  Preventiekaart is running: $url
    public map for residents:  $url/
    officers (sign in):        $url/intern.html
    login:                     $email / $password
    health:                    $url/api/health
    API (OpenAPI 3.1):         $url/api/docs  ($url/api/openapi.json)
    open data (Delft):         $url/api/public/GM0503/open-data

  Mails to residents (alerts) go to the SMTP sink on 127.0.0.1:${SMTP_SINK_PORT:-2525}:
    read them in               var/mail/*.eml  (one line per mail in var/log/mail.log)

  Demo data: Delft from OpenStreetMap (ODbL); the burglaries are synthetic (source 'demo').
  Stop with: npm run demo:stop
TXT
