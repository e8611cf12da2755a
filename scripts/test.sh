#!/usr/bin/env bash
# Runs every test of the solution. CMS-file tests read ../shared/cms (or $FEEENGINE_CMS_DATA) and are reported
# as skipped, with the reason, where that folder is absent. Results (TRX) go to TestResults/.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf TestResults
dotnet test FeeEngine.sln -c Release --logger "trx" --logger "console;verbosity=minimal" --results-directory TestResults "$@"
