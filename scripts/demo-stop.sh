#!/usr/bin/env bash
# Stops the server and worker that `npm run demo` started.
cd "$(dirname "$0")/.."
for name in server worker; do
  f=var/run/$name.pid
  if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then kill "$(cat "$f")" && echo "stopped $name"; fi
  rm -f "$f"
done
