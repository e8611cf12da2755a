# Shared by the payer-contract and reconciliation benchmarks (sourced, not run): a work folder, feeengine published
# ReadyToRun, the benchmark line generator, the October 2025 CMS release and ZIP5 file imported (else the shipped
# sample), and the two sample payers with Summit Care's fee schedule loaded. Expects $lines and $mix to be set.
work="$(mktemp -d)"
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
cms="${FEEENGINE_CMS_DATA:-$(cd .. && pwd)/shared/cms}/2025/rvu25d"

dotnet build scripts/benchmark -c Release -nologo -v quiet -o "$work/bench" >/dev/null
dotnet publish src/FeeEngine.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v quiet -o "$work/cli" >/dev/null
feeengine() { dotnet "$work/cli/feeengine.dll" --db "$work/bench.db" "$@"; }

release_args=()
import_from=(schedules/sample)
zip="$cms/../zip-oct2025/ZIP5_OCT2025.txt"
if [ -d "$cms" ]; then release_args=(--cms-release "$cms" --zip-file "$zip"); import_from=("$cms" "$zip"); fi
feeengine import cms "${import_from[@]}" >/dev/null
feeengine contracts load schedules/contracts/acme-health-ppo.json schedules/contracts/summit-care-advantage.json >/dev/null
feeengine contracts import schedules/contracts/summit-care-fees-2025.csv --payer "Summit Care" --contract "Medicare Advantage Partner" \
  --effective-from 2025-01-01 --effective-to 2025-12-31 >/dev/null

# Writes $work/lines.csv: the generated lines (claims of four) as a price-file CSV.
generate_lines() {
  dotnet "$work/bench/FeeEngine.Benchmark.dll" --lines "$lines" --schedules schedules "${release_args[@]}" --mix "$mix" --csv-out "$work/lines.csv" >/dev/null
}
