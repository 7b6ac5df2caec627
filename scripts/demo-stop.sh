#!/usr/bin/env bash
# Stops the server, worker and mail sink that `npm run demo` started.
cd "$(dirname "$0")/.."
for name in server worker mail; do
  f=var/run/$name.pid
  if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then kill "$(cat "$f")" && echo "stopped $name"; fi
  rm -f "$f"
done
