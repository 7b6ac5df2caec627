#!/usr/bin/env bash
# `npm run bench`: every benchmark in bench/, each in its own scratch database, results in
# bench/results/<name>.json (the README quotes them). Pass names to run a subset:
#   npm run bench -- letters
#   BENCH_SMOKE=1 npm run bench     every benchmark at its small size, results in bench/results/smoke/
#                                   (CI runs this after the tests: it checks that each benchmark
#                                   completes and writes its results file, it asserts no timing)
set -euo pipefail
cd "$(dirname "$0")/.."

all=($(ls bench/*.bench.ts | xargs -n1 basename | sed 's/\.bench\.ts$//'))
names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${all[@]}")
for n in "${names[@]}"; do
  [ -f "bench/$n.bench.ts" ] || { echo "no benchmark '$n'; there are: ${all[*]}" >&2; exit 2; }
done

bash scripts/bootstrap.sh
results=bench/results
[ "${BENCH_SMOKE:-}" != 1 ] || results=bench/results/smoke
mkdir -p "$results"
# The public benchmark measures the built client's first load: build it unless dist/ is newer
# than everything it is built from (npm test, which .ci/run runs first, has just built it).
if printf '%s\n' "${names[@]}" | grep -qx public; then
  if [ ! -f dist/index.html ] || [ -n "$(find client vite.config.ts package-lock.json -newer dist/index.html -print -quit)" ]; then
    npx vite build --logLevel warn
  fi
fi

# Each benchmark records this as the command that reproduces it (bench/bench-run.ts).
export BENCH_VIA_NPM=1
failed=()
summary=()
for n in "${names[@]}"; do
  echo "== bench/$n.bench.ts${BENCH_SMOKE:+ (BENCH_SMOKE=$BENCH_SMOKE)}"
  start=$(date +%s)
  marker=$(mktemp)
  # --import tsx (not --require tsx/cjs): the benchmarks' dynamic import()s of TypeScript files
  # go through Node's ESM loader, which only tsx's ESM hook resolves.
  rc=0; node --import tsx "bench/$n.bench.ts" || rc=$?
  secs=$(( $(date +%s) - start ))
  if [ "$rc" -ne 0 ]; then
    failed+=("$n (exit $rc)")
  elif [ ! "$results/$n.json" -nt "$marker" ]; then
    failed+=("$n (exited 0 but did not write $results/$n.json)")
  fi
  rm -f "$marker"
  summary+=("$(printf '%-10s %4d s  %s' "$n" "$secs" "$([ "$rc" -eq 0 ] && echo "$results/$n.json" || echo FAILED)")")
done

echo "== benchmarks"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  printf 'benchmark failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
