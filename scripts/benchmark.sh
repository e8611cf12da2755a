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
dotnet build src/FeeEngine.Cli -c Release -nologo -v quiet -o "$work/cli" >/dev/null

release_args=()
import_from=(schedules/sample)
zip="$cms/../zip-oct2025/ZIP5_OCT2025.txt"
if [ -d "$cms" ]; then release_args=(--cms-release "$cms" --zip-file "$zip"); import_from=("$cms" "$zip"); fi

echo "== in memory"
dotnet "$work/bench/FeeEngine.Benchmark.dll" --lines "$lines" --schedules schedules "${release_args[@]}" --csv-out "$work/lines.csv"

echo "== price-file end to end"
dotnet "$work/cli/feeengine.dll" --db "$work/bench.db" import cms "${import_from[@]}" >/dev/null
/usr/bin/time -f "%e %M" -o "$work/time.txt" dotnet "$work/cli/feeengine.dll" --db "$work/bench.db" price-file "$work/lines.csv" --out "$work/priced.csv"
read -r seconds peak_kb < "$work/time.txt"
awk -v n="$lines" -v s="$seconds" -v kb="$peak_kb" 'BEGIN {
  printf "price-file: %d lines in %.2f s wall = %d lines/s end to end; peak RSS %d MB\n", n, s, n / s, kb / 1024 }'
