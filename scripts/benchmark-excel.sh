#!/usr/bin/env bash
# Excel export throughput (the Excel issue): `feeengine export compare` of 20,000 code and modifier rows against 5
# payers, end to end (process start, database load of the CMS release and the contracts, pricing every row under
# Medicare in both settings and under the 5 contracts, writing the workbook), timed with /usr/bin/time: wall seconds
# and peak RSS. The target: under 5 s and 500 MB on the project machine (2 cores). The CSV of the same rows is timed too.
# Rows: every row of the October 2025 PPRRVU file (19,090 code and modifier rows, from ../shared/cms), topped up to
# 20,000 with codes billed with modifier 59 (distinct rows a comparison may well hold); with no CMS files, the shipped
# sample's codes repeated with modifiers (fewer real rows: the figures are then not the benchmark's).
# Payers: the two sample contracts (Acme Health; Summit Care with its imported fee schedule) and three written here.
# Usage: scripts/benchmark-excel.sh [rows] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-20000}"
runs="${2:-3}"
work="$(mktemp -d)"
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
cms="${FEEENGINE_CMS_DATA:-$(cd .. && pwd)/shared/cms}/2025/rvu25d"
export FEEENGINE_SCHEDULES="$PWD/schedules"

dotnet publish src/FeeEngine.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v quiet \
  --artifacts-path "$work/artifacts" -o "$work/cli" >/dev/null
feeengine() { dotnet "$work/cli/feeengine.dll" --db "$work/bench.db" "$@"; }

if [ -d "$cms" ]; then
  feeengine import cms "$cms" >/dev/null
  prrvu="$cms/PPRRVU2025_Oct.csv"
else
  echo "note: $cms not found; using the shipped sample (not the benchmark's 19,090 real rows)" >&2
  feeengine import cms schedules/sample >/dev/null
  prrvu=schedules/sample/PPRRVU2025_SAMPLE.csv
fi
# Every code and modifier row of the release, then the same codes with modifier 59 until there are enough rows.
awk -F, '$1 != "HCPCS" && $1 ~ /^[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]$/ { print ($2 == "" ? $1 : $1 "-" $2) }' "$prrvu" > "$work/rows.txt"
awk -F- 'NF == 1 { print $1 "-59" }' "$work/rows.txt" >> "$work/rows.txt"
for m in LT RT 76 77 XS; do awk -F- -v m="$m" 'NF == 1 { print $1 "-" m }' "$work/rows.txt" >> "$work/rows.txt"; done
awk '!seen[$0]++' "$work/rows.txt" > "$work/distinct.txt"
head -n "$rows" "$work/distinct.txt" > "$work/codes.txt"

for p in "Harbor Mutual:105:115" "Pinecrest Health:98:125" "Lakeside Care:110:140"; do
  IFS=: read -r name base imaging <<< "$p"
  cat > "$work/${name// /-}.json" <<JSON
{"payer": "$name", "contract": "Commercial", "versions": [
  {"version": "2025", "effective_from": "2025-01-01", "effective_to": "2025-12-31",
   "carve_outs": [{"code": "99213", "amount": "95.00"}, {"code": "99214", "amount": "140.00"}],
   "terms": [{"name": "Imaging at $imaging%", "category": "radiology", "percent_of_medicare": $imaging},
             {"name": "Everything else at $base%", "percent_of_medicare": $base}],
   "default": {"percent_of_charges": 50}}]}
JSON
done
feeengine contracts load schedules/contracts/acme-health-ppo.json schedules/contracts/summit-care-advantage.json "$work"/*-*.json >/dev/null
feeengine contracts import schedules/contracts/summit-care-fees-2025.csv --payer "Summit Care" --contract "Medicare Advantage Partner" \
  --effective-from 2025-01-01 --effective-to 2025-12-31 >/dev/null
payers="Acme Health,Summit Care,Harbor Mutual,Pinecrest Health,Lakeside Care"

for out in compare.xlsx compare.csv; do
  for run in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" dotnet "$work/cli/feeengine.dll" --db "$work/bench.db" export compare --codes "$work/codes.txt" \
      --locality 13202-01 --date 2025-11-03 --payers "$payers" --out "$work/$out" > "$work/out.txt"
    read -r seconds peak_kb < "$work/time.txt"
    written=$(sed -n 's/^Wrote [^:]*: \([0-9,]* codes\).*/\1/p' "$work/out.txt")
    awk -v s="$seconds" -v kb="$peak_kb" -v run="$run" -v out="$out" -v rows="$written" -v bytes="$(stat -c %s "$work/$out")" 'BEGIN {
      printf "run %d: export compare -> %s: %s x 5 payers in %.2f s wall end to end; peak RSS %d MB; file %.1f MB\n", run, out, rows, s, kb / 1024, bytes / 1048576 }'
  done
done
