#!/usr/bin/env bash
# Reconciliation throughput (issue 5): `feeengine reconcile` on 1,000,000 generated paid lines (a paid-lines CSV:
# each row a billed line of the benchmark generator, its payer and what the payer paid), end to end: process start,
# database load, CSV read, Medicare and contract pricing, matching, variance, the results and summary CSVs, and the
# run stored in the database (its summary and the lines that need attention). Timed with /usr/bin/time.
# Payers: the two samples in schedules/contracts; payments are mostly what the contract says, with underpayments,
# overpayments and denials mixed in (see below). Needs python3 to write the payments.
# Usage: scripts/benchmark-reconcile.sh [lines] [mix]
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
mix="${2:-clinic}"
source scripts/benchmark-setup.sh

generate_lines
# Payments as a payer sends them: the lines are first priced under their payer's contract (price-file), then
# 90% are paid as the contract says (allowed = expected, paid 80% of it), 6% allowed 7% less (underpaid), 2% allowed
# 10% more (overpaid) and 2% denied (paid 0 with CO-97). Lines their contract cannot price are paid at 50.00.
awk -F, 'NR == 1 { print $0 ",payer"; next }
         { if ($1 != last) { n++; last = $1 }
           print $0 "," ((n % 2 == 0) ? "Acme Health" : "Summit Care") }' "$work/lines.csv" > "$work/billed.csv"
feeengine price-file "$work/billed.csv" --out "$work/expected.csv" >/dev/null
python3 - "$work/expected.csv" "$work/paid.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="") as src, open(sys.argv[2], "w", newline="") as dst:
    rows = csv.reader(src)
    header = next(rows)
    keep = header.index("payer") + 1
    expected = header.index("expected_amount")
    out = csv.writer(dst, lineterminator="\n")
    out.writerow(header[:keep] + ["paid_amount", "payer_allowed", "adjustment_codes"])
    for i, row in enumerate(rows):
        base = row[:keep]
        amount = float(row[expected]) if row[expected] else 50.0
        k = i % 50
        if k == 0:
            out.writerow(base + ["0.00", "", "CO-97"]); continue
        allowed = amount * (0.93 if k <= 3 else 1.10 if k == 4 else 1.0)
        out.writerow(base + [f"{allowed * 0.8:.2f}", f"{allowed:.2f}", "CO-45 PR-2"])
PY

for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$work/time.txt" dotnet "$work/cli/feeengine.dll" --db "$work/bench.db" reconcile "$work/paid.csv" --out "$work/results.csv" > "$work/reconcile.txt"
  read -r seconds peak_kb < "$work/time.txt"
  awk -v n="$lines" -v s="$seconds" -v kb="$peak_kb" -v mix="$mix" -v run="$run" 'BEGIN {
    printf "run %d: reconcile (%s mix, 2 payers, results stored): %d paid lines in %.2f s wall = %d lines/s end to end; peak RSS %d MB\n", run, mix, n, s, n / s, kb / 1024 }'
done
grep "reason" "$work/reconcile.txt"
