#!/usr/bin/env bash
# Throughput benchmark (Release build). Prints lines per second and peak memory for
#   1. pricing 1,000,000 generated lines in memory on one thread, and
#   2. `feeengine price-file` on the same lines written as a CSV, end to end (process start, database load,
#      CSV read, pricing, CSV write), timed with /usr/bin/time.
# Uses the full October 2025 CMS release and ZIP5 file when ../shared/cms is present (else the shipped sample);
# claims of four lines share a date and place, half give a ZIP and half a locality.
# Usage: scripts/benchmark.sh [lines]
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cms="${FEEENGINE_CMS_DATA:-$(cd .. && pwd)/shared/cms}/2025/rvu25d"

dotnet build scripts/benchmark -c Release -nologo -v quiet -o "$work/bench" >/dev/null
# feeengine as a user installs it: published ReadyToRun (precompiled), so start-up does not wait for the JIT.
dotnet publish src/FeeEngine.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v quiet -o "$work/cli" >/dev/null

release_args=()
import_from=(schedules/sample)
zip="$cms/../zip-oct2025/ZIP5_OCT2025.txt"
if [ -d "$cms" ]; then release_args=(--cms-release "$cms" --zip-file "$zip"); import_from=("$cms" "$zip"); fi

dotnet "$work/cli/feeengine.dll" --db "$work/bench.db" import cms "${import_from[@]}" >/dev/null

# Two line mixes: "uniform" draws every code of the release alike (half are surgeries, so most claims go through
# the multiple-procedure machinery: the pessimistic case); "clinic" is a physician-practice mix of visits, tests,
# therapy and a few procedures (LineGenerator.ClinicMix).
for mix in uniform clinic; do
  echo "== $mix mix: in memory"
  dotnet "$work/bench/FeeEngine.Benchmark.dll" --lines "$lines" --schedules schedules "${release_args[@]}" --mix "$mix" --csv-out "$work/lines.csv"
  echo "== $mix mix: price-file end to end"
  sync # the input file just written is flushed now, not while price-file is timed
  /usr/bin/time -f "%e %M" -o "$work/time.txt" dotnet "$work/cli/feeengine.dll" --db "$work/bench.db" price-file "$work/lines.csv" --out "$work/priced.csv" >/dev/null
  read -r seconds peak_kb < "$work/time.txt"
  awk -v n="$lines" -v s="$seconds" -v kb="$peak_kb" -v mix="$mix" 'BEGIN {
    printf "price-file (%s mix, every payment policy): %d lines in %.2f s wall = %d lines/s end to end; peak RSS %d MB\n", mix, n, s, n / s, kb / 1024 }'
done
