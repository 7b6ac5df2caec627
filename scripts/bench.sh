#!/usr/bin/env bash
# `npm run bench`: every benchmark in bench/, each in its own scratch database, results in
# bench/results/*.json (the README quotes them). Pass names to run a subset: npm run bench -- letters
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
mkdir -p bench/results
# The public benchmark measures the built client's first load.
npx vite build --logLevel warn
names=("$@")
[ ${#names[@]} -gt 0 ] || names=($(ls bench/*.bench.ts | xargs -n1 basename | sed 's/\.bench\.ts$//'))
for n in "${names[@]}"; do
  echo "== bench/$n.bench.ts"
  node --require tsx/cjs --expose-gc "bench/$n.bench.ts"
done
