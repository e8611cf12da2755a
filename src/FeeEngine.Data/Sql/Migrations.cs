namespace FeeEngine.Data.Sql;

/// <summary>One versioned schema change. Migrations only ever append; an applied migration is never edited.</summary>
public sealed record Migration(int Version, string Description, Func<ISqlDialect, IReadOnlyList<string>> Statements);

/// <summary>The schema, as an ordered list of migrations written against <see cref="ISqlDialect"/>.</summary>
public static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "PFS releases, their files, RVUs, GPCIs, anesthesia CFs, OPPS caps; ZIP5 files", d =>
        {
            var n = d.ExactNumberType;
            string T(int len) => d.TextType(len);
            return
            [
                $"CREATE TABLE pfs_release (release_id {T(20)} NOT NULL PRIMARY KEY, effective_from {T(10)} NOT NULL, effective_to {T(10)} NULL, imported_at {T(40)} NOT NULL)",
                $"CREATE TABLE pfs_release_file (release_id {T(20)} NOT NULL REFERENCES pfs_release(release_id), kind {T(20)} NOT NULL, source_file {T(400)} NOT NULL, row_count INTEGER NOT NULL, content_hash {T(64)} NOT NULL, imported_at {T(40)} NOT NULL, PRIMARY KEY (release_id, kind))",
                $"""
                CREATE TABLE pfs_rvu (
                  release_id {T(20)} NOT NULL REFERENCES pfs_release(release_id), hcpcs {T(5)} NOT NULL, modifier {T(2)} NOT NULL,
                  status {T(1)} NOT NULL, not_used_for_medicare {T(1)} NOT NULL,
                  work_rvu {n} NOT NULL, nonfac_pe_rvu {n} NOT NULL, nonfac_na INTEGER NOT NULL, fac_pe_rvu {n} NOT NULL, fac_na INTEGER NOT NULL,
                  mp_rvu {n} NOT NULL, nonfac_total {n} NOT NULL, fac_total {n} NOT NULL, pctc {T(1)} NOT NULL, global_days {T(3)} NOT NULL,
                  pre_op {n} NOT NULL, intra_op {n} NOT NULL, post_op {n} NOT NULL, mult_proc {T(1)} NOT NULL, bilat_surg {T(1)} NOT NULL,
                  asst_surg {T(1)} NOT NULL, co_surg {T(1)} NOT NULL, team_surg {T(1)} NOT NULL, pricing_indicator {T(2)} NOT NULL,
                  endo_base {T(5)} NOT NULL, conv_factor {n} NULL, phys_supervision {T(2)} NOT NULL, calc_flag {T(1)} NOT NULL,
                  imaging_family {T(2)} NOT NULL, opps_nonfac_pe {n} NOT NULL, opps_fac_pe {n} NOT NULL, opps_mp {n} NOT NULL,
                  PRIMARY KEY (release_id, hcpcs, modifier))
                """,
                $"CREATE TABLE pfs_gpci (release_id {T(20)} NOT NULL REFERENCES pfs_release(release_id), mac {T(5)} NOT NULL, locality {T(2)} NOT NULL, state {T(2)} NOT NULL, name {T(200)} NOT NULL, work_gpci {n} NOT NULL, work_gpci_without_floor {n} NULL, pe_gpci {n} NOT NULL, mp_gpci {n} NOT NULL, PRIMARY KEY (release_id, mac, locality))",
                $"CREATE TABLE pfs_anesthesia_cf (release_id {T(20)} NOT NULL REFERENCES pfs_release(release_id), mac {T(5)} NOT NULL, locality {T(2)} NOT NULL, name {T(200)} NOT NULL, anesthesia_cf {n} NOT NULL, PRIMARY KEY (release_id, mac, locality))",
                $"CREATE TABLE pfs_opps_cap (release_id {T(20)} NOT NULL REFERENCES pfs_release(release_id), hcpcs {T(5)} NOT NULL, modifier {T(2)} NOT NULL, proc_status {T(1)} NOT NULL, mac {T(5)} NOT NULL, locality {T(2)} NOT NULL, facility_price_cents INTEGER NOT NULL, nonfacility_price_cents INTEGER NOT NULL, PRIMARY KEY (release_id, hcpcs, modifier, mac, locality))",
                $"CREATE TABLE zip_release (zip_release_id {T(40)} NOT NULL PRIMARY KEY, effective_from {T(10)} NOT NULL, source_file {T(400)} NOT NULL, row_count INTEGER NOT NULL, content_hash {T(64)} NOT NULL, imported_at {T(40)} NOT NULL)",
                $"CREATE TABLE zip_locality (zip_release_id {T(40)} NOT NULL REFERENCES zip_release(zip_release_id), zip {T(5)} NOT NULL, state {T(2)} NOT NULL, mac {T(5)} NOT NULL, locality {T(2)} NOT NULL, rural {T(1)} NOT NULL, plus_four INTEGER NOT NULL, year_quarter {T(5)} NOT NULL, PRIMARY KEY (zip_release_id, zip))",
            ];
        }),
        new(2, "Anesthesia base units by code and effective date", d =>
        [
            $"CREATE TABLE anesthesia_base_unit (hcpcs {d.TextType(5)} NOT NULL, base_units {d.ExactNumberType} NOT NULL, effective_from {d.TextType(10)} NOT NULL, source_file {d.TextType(400)} NOT NULL, imported_at {d.TextType(40)} NOT NULL, PRIMARY KEY (hcpcs, effective_from))",
        ]),
        new(3, "Payer contracts: versions, terms, carve-outs; imported payer fee schedules", d =>
        {
            var n = d.ExactNumberType;
            string T(int len) => d.TextType(len);
            // Payer and contract are keyed by their upper-case names (names compare without regard to case) and keep
            // the spelling they were loaded with for display.
            const string Contract = "payer_key, contract_key";
            return
            [
                $"CREATE TABLE payer_contract (payer_key {T(100)} NOT NULL, contract_key {T(100)} NOT NULL, payer {T(100)} NOT NULL, contract {T(100)} NOT NULL, source_file {T(400)} NULL, content_hash {T(64)} NULL, loaded_at {T(40)} NOT NULL, PRIMARY KEY ({Contract}))",
                $"CREATE TABLE contract_version (payer_key {T(100)} NOT NULL, contract_key {T(100)} NOT NULL, label {T(100)} NOT NULL, effective_from {T(10)} NOT NULL, effective_to {T(10)} NULL, lesser_of_billed INTEGER NOT NULL, medicare_policies INTEGER NOT NULL, PRIMARY KEY ({Contract}, label), FOREIGN KEY ({Contract}) REFERENCES payer_contract ({Contract}))",
                $"CREATE TABLE contract_term (payer_key {T(100)} NOT NULL, contract_key {T(100)} NOT NULL, label {T(100)} NOT NULL, ordinal INTEGER NOT NULL, is_default INTEGER NOT NULL, name {T(200)} NOT NULL, codes {T(2000)} NULL, category {T(100)} NULL, method {T(30)} NOT NULL, percent_value {n} NOT NULL, base_as_of {T(10)} NULL, base_locality {T(8)} NULL, PRIMARY KEY ({Contract}, label, ordinal), FOREIGN KEY ({Contract}, label) REFERENCES contract_version ({Contract}, label))",
                $"CREATE TABLE contract_carve_out (payer_key {T(100)} NOT NULL, contract_key {T(100)} NOT NULL, label {T(100)} NOT NULL, hcpcs {T(5)} NOT NULL, modifier {T(2)} NOT NULL, amount_cents BIGINT NOT NULL, PRIMARY KEY ({Contract}, label, hcpcs, modifier), FOREIGN KEY ({Contract}, label) REFERENCES contract_version ({Contract}, label))",
                $"CREATE TABLE payer_fee_schedule (payer_key {T(100)} NOT NULL, contract_key {T(100)} NOT NULL, effective_from {T(10)} NOT NULL, effective_to {T(10)} NULL, source_file {T(400)} NOT NULL, content_hash {T(64)} NOT NULL, row_count INTEGER NOT NULL, loaded_at {T(40)} NOT NULL, PRIMARY KEY ({Contract}, effective_from), FOREIGN KEY ({Contract}) REFERENCES payer_contract ({Contract}))",
                $"CREATE TABLE payer_fee (payer_key {T(100)} NOT NULL, contract_key {T(100)} NOT NULL, effective_from {T(10)} NOT NULL, hcpcs {T(5)} NOT NULL, modifier {T(2)} NOT NULL, amount_cents BIGINT NOT NULL, PRIMARY KEY ({Contract}, effective_from, hcpcs, modifier), FOREIGN KEY ({Contract}, effective_from) REFERENCES payer_fee_schedule ({Contract}, effective_from))",
            ];
        }),
        new(4, "Reconciliation runs and their lines", d =>
        {
            string T(int len) => d.TextType(len);
            return
            [
                $"CREATE TABLE reconciliation_run (run_id {T(40)} NOT NULL PRIMARY KEY, created_at {T(40)} NOT NULL, source_file {T(400)} NOT NULL, claims_file {T(400)} NULL, payer {T(200)} NULL, tolerance_usd {d.ExactNumberType} NOT NULL, tolerance_pct {d.ExactNumberType} NOT NULL, line_count INTEGER NOT NULL, status {T(20)} NOT NULL)",
                $"""
                CREATE TABLE reconciliation_line (
                  run_id {T(40)} NOT NULL REFERENCES reconciliation_run(run_id), seq INTEGER NOT NULL,
                  claim_id {T(100)} NOT NULL, line_id {T(50)} NULL, date_of_service {T(10)} NULL, hcpcs {T(5)} NULL, modifiers {T(20)} NULL, units INTEGER NULL,
                  payer {T(200)} NULL, category {T(30)} NOT NULL, match_rule {T(200)} NULL,
                  expected_cents BIGINT NULL, paid_cents BIGINT NULL, allowed_cents BIGINT NULL, patient_cents BIGINT NULL, actual_cents BIGINT NULL, variance_cents BIGINT NULL,
                  contract {T(300)} NULL, contract_version {T(100)} NULL, term {T(300)} NULL, adjustment_codes {T(400)} NULL, note {T(2000)} NULL, source {T(400)} NULL,
                  PRIMARY KEY (run_id, seq))
                """,
            ];
        }),
        new(5, "Jobs for the worker: the queue with leases and checkpoints, and each job's committed output rows", d =>
        {
            string T(int len) => d.TextType(len);
            return
            [
                $"CREATE TABLE job (job_id {T(40)} NOT NULL PRIMARY KEY, kind {T(40)} NOT NULL, arguments {T(4000)} NOT NULL, status {T(20)} NOT NULL, " +
                $"created_at {T(40)} NOT NULL, started_at {T(40)} NULL, finished_at {T(40)} NULL, worker_id {T(100)} NULL, lease_until {T(40)} NULL, " +
                $"attempts INTEGER NOT NULL, completions INTEGER NOT NULL, rows_done BIGINT NOT NULL, rows_total BIGINT NULL, checkpoint {T(400)} NULL, " +
                $"cancel_requested INTEGER NOT NULL, result {T(4000)} NULL, error {T(4000)} NULL)",
                "CREATE INDEX job_claim ON job (status, created_at)",
                $"CREATE TABLE job_output (job_id {T(40)} NOT NULL REFERENCES job(job_id), seq BIGINT NOT NULL, content {T(4000)} NOT NULL, PRIMARY KEY (job_id, seq))",
            ];
        }),
        new(6, "Reconciliation summaries (by payer, code and reason) stored with their runs", d =>
        [
            $"CREATE TABLE reconciliation_summary (run_id {d.TextType(40)} NOT NULL REFERENCES reconciliation_run(run_id), dimension {d.TextType(20)} NOT NULL, summary_key {d.TextType(200)} NOT NULL, " +
            "lines BIGINT NOT NULL, expected_cents BIGINT NOT NULL, actual_cents BIGINT NOT NULL, variance_cents BIGINT NOT NULL, underpaid_lines BIGINT NOT NULL, shortfall_cents BIGINT NOT NULL, denied_lines BIGINT NOT NULL, " +
            "PRIMARY KEY (run_id, dimension, summary_key))",
        ]),
        new(7, "Clinical Laboratory Fee Schedule: quarterly files and their rates", d =>
        [
            $"CREATE TABLE clfs_release (clfs_id {d.TextType(20)} NOT NULL PRIMARY KEY, effective_from {d.TextType(10)} NOT NULL, effective_to {d.TextType(10)} NOT NULL, source_file {d.TextType(400)} NOT NULL, row_count INTEGER NOT NULL, content_hash {d.TextType(64)} NOT NULL, imported_at {d.TextType(40)} NOT NULL)",
            $"CREATE TABLE clfs_rate (clfs_id {d.TextType(20)} NOT NULL REFERENCES clfs_release(clfs_id), hcpcs {d.TextType(5)} NOT NULL, modifier {d.TextType(2)} NOT NULL, rate_cents BIGINT NOT NULL, effective_from {d.TextType(10)} NOT NULL, indicator {d.TextType(10)} NOT NULL, PRIMARY KEY (clfs_id, hcpcs, modifier))",
        ]),
        // One row per (code, modifier 1, modifier 2); its 53 state fee pairs in one text column as integer cents
        // ("AL:58:0 AR:63:0 ..."). A row per state would be 186,000 rows for one file (minutes of round trips on a
        // server database) and nothing queries a single state: the engine loads whole files.
        new(8, "DMEPOS and PEN fee schedule files and their rows with per-state non-rural and rural fees", d =>
        [
            $"CREATE TABLE dmepos_release (schedule_id {d.TextType(20)} NOT NULL PRIMARY KEY, file_kind {d.TextType(10)} NOT NULL, effective_from {d.TextType(10)} NOT NULL, source_file {d.TextType(400)} NOT NULL, row_count INTEGER NOT NULL, content_hash {d.TextType(64)} NOT NULL, imported_at {d.TextType(40)} NOT NULL)",
            $"CREATE TABLE dmepos_fee (schedule_id {d.TextType(20)} NOT NULL REFERENCES dmepos_release(schedule_id), hcpcs {d.TextType(5)} NOT NULL, modifier1 {d.TextType(2)} NOT NULL, modifier2 {d.TextType(2)} NOT NULL, row_order INTEGER NOT NULL, jurisdiction {d.TextType(10)} NOT NULL, category {d.TextType(10)} NOT NULL, ceiling_cents BIGINT NULL, floor_cents BIGINT NULL, state_fees {d.TextType(4000)} NOT NULL, PRIMARY KEY (schedule_id, hcpcs, modifier1, modifier2))",
        ]),
        // Payment limits have up to 3 decimals: stored as integer thousandths of a dollar; coinsurance as hundredths
        // of a percent (20% = 2000). Both exact, never REAL.
        new(9, "Part B drug (ASP) quarterly pricing files and their payment limits", d =>
        [
            $"CREATE TABLE asp_release (asp_id {d.TextType(20)} NOT NULL PRIMARY KEY, effective_from {d.TextType(10)} NOT NULL, effective_to {d.TextType(10)} NOT NULL, source_file {d.TextType(400)} NOT NULL, row_count INTEGER NOT NULL, content_hash {d.TextType(64)} NOT NULL, imported_at {d.TextType(40)} NOT NULL)",
            $"CREATE TABLE asp_rate (asp_id {d.TextType(20)} NOT NULL REFERENCES asp_release(asp_id), hcpcs {d.TextType(5)} NOT NULL, dosage {d.TextType(100)} NOT NULL, payment_limit_mills BIGINT NOT NULL, coinsurance_basis_points BIGINT NULL, PRIMARY KEY (asp_id, hcpcs))",
        ]),
    ];
}
