#!/usr/bin/env bash
# `npm test`: the whole suite with the same bootstrap as the demo. Each run uses its own
# databases (cloned from a migrated template) and Redis key prefix: the demo data is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
echo "== typecheck (tsc --noEmit)"
npx tsc --noEmit -p tsconfig.json
echo "== lint (eslint)"
npx eslint --max-warnings=0 .
echo "== format (prettier --check; npm run format fixes it)"
npm run --silent format:check
echo "== dependencies (dependency-cruiser: no cycles, layering; rules in .dependency-cruiser.cjs)"
npx depcruise --config .dependency-cruiser.cjs server jobs client/src bench tests
echo "== build client (vite)"
npx vite build --logLevel warn
echo "== unit, integration and e2e tests (jest)"
exec npx jest --ci "$@"
