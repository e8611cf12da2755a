#!/usr/bin/env bash
# Payer-contract throughput (issue 4): `feeengine price-file` on 1,000,000 generated lines whose claims are spread
# over three payers (a payer column), end to end: process start, database load (CMS release, ZIPs, contracts), CSV
# read, Medicare pricing with every payment policy, contract pricing, CSV write. Timed with /usr/bin/time.
# Payers: the two samples in schedules/contracts (Acme Health: percent of Medicare by category with a carve-out;
# Summit Care: an imported fee schedule, percent of charges for lab, 100% of Medicare) and a third written here
# (Northwind Mutual: a fixed-locality, fixed-date Medicare base with code-range terms and a default).
# Uses the full October 2025 CMS release and ZIP5 file from ../shared/cms (else the shipped sample).
# Usage: scripts/benchmark-contracts.sh [lines] [mix]
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
mix="${2:-clinic}"
source scripts/benchmark-setup.sh

cat > "$work/northwind.json" <<'JSON'
{"payer": "Northwind Mutual", "contract": "Commercial", "versions": [
  {"version": "2025", "effective_from": "2025-01-01", "effective_to": "2025-12-31", "lesser_of_billed": true,
   "carve_outs": [{"code": "99213", "amount": "92.00"}, {"code": "99214", "amount": "131.00"}],
   "terms": [
     {"name": "Surgery at 140% of Medicare (Manhattan, October 2025)", "codes": "10004-69990", "percent_of_medicare": 140, "medicare_as_of": "2025-10-01", "locality": "13202-01"},
     {"name": "Radiology at 125%", "category": "radiology", "percent_of_medicare": 125},
     {"name": "Everything else at 110%", "percent_of_medicare": 110}],
   "default": {"percent_of_charges": 50}}]}
JSON
feeengine contracts load "$work/northwind.json" >/dev/null

generate_lines
# Each claim (four lines) goes to one of the three payers in turn; the payer is written on every line.
awk -F, 'NR == 1 { print $0 ",payer"; next }
         { if ($1 != last) { n++; last = $1 }
           p = (n % 3 == 0) ? "Acme Health" : (n % 3 == 1) ? "Summit Care" : "Northwind Mutual"; print $0 "," p }' \
  "$work/lines.csv" > "$work/payer-lines.csv"

for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$work/time.txt" dotnet "$work/cli/feeengine.dll" --db "$work/bench.db" price-file "$work/payer-lines.csv" --out "$work/priced.csv" >/dev/null
  read -r seconds peak_kb < "$work/time.txt"
  awk -v n="$lines" -v s="$seconds" -v kb="$peak_kb" -v mix="$mix" -v run="$run" 'BEGIN {
    printf "run %d: price-file with 3 payers (%s mix, every Medicare policy, contract columns): %d lines in %.2f s wall = %d lines/s end to end; peak RSS %d MB\n", run, mix, n, s, n / s, kb / 1024 }'
done
# What the contracts did, so a run that priced nothing cannot pass for a fast one (contract_message says "unpriced: ...").
unpriced=$(grep -c 'unpriced: ' "$work/priced.csv" || true)
echo "contract lines unpriced: $unpriced of $lines"
