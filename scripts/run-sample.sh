#!/usr/bin/env bash
# The main job on the embedded default: builds feeengine, imports the sample schedule the project ships into a
# fresh SQLite file with the two sample payer contracts, and prices the sample claim file under Medicare and the
# Acme Health contract. Output: out/sample-priced.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
rm -f out/sample.db out/sample.db-wal out/sample.db-shm
dotnet publish src/FeeEngine.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v quiet -o out/bin
# The job worker beside it (dotnet out/bin/feeengine-worker.dll --db out/sample.db); not started here.
dotnet publish src/FeeEngine.Worker -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v quiet -o out/bin
feeengine() { dotnet out/bin/feeengine.dll --db out/sample.db "$@"; }
feeengine import cms schedules/sample
feeengine contracts load schedules/contracts/acme-health-ppo.json schedules/contracts/summit-care-advantage.json
feeengine contracts import schedules/contracts/summit-care-fees-2025.csv --payer "Summit Care" \
  --contract "Medicare Advantage Partner" --effective-from 2025-01-01 --effective-to 2025-12-31
feeengine price --hcpcs 99213 --zip 10001 --pos 11 --date 2025-11-03 --billed 150 --payer "Acme Health"
feeengine price-file schedules/sample/claims.csv --out out/sample-priced.csv --payer "Acme Health"
echo
# column(1) merges empty fields, so mark them first; quoted fields with commas may still shift in this view.
sed -e 's/,,/,-,/g; s/,,/,-,/g; s/,$/,-/' out/sample-priced.csv | column -s, -t 2>/dev/null || cat out/sample-priced.csv
