using System.Data.Common;
using System.Globalization;
using Dapper;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Contracts;
using FeeEngine.Core.Time;

namespace FeeEngine.Data.Stores;

/// <summary>What a save did.</summary>
public enum SaveOutcome
{
    Created,
    Replaced,
    /// <summary>The same content was already stored; nothing was written.</summary>
    Unchanged,
}

/// <summary>A stored contract, for listings.</summary>
public sealed record ContractSummary(string Payer, string Contract, string? SourceFile, string LoadedAt, IReadOnlyList<string> Versions, IReadOnlyList<string> FeeSchedules);

/// <summary>
/// Stores payer contracts (from contract files) and payer fee schedules (from spreadsheets), and loads them back as
/// a <see cref="ContractBook"/>. Each save is one transaction. The same SQL runs on SQLite and SQL Server; what
/// differs comes from the dialect. Amounts are whole cents, percentages exact.
/// </summary>
public sealed class ContractStore(FeeEngineDatabase database, TimeProvider clock)
{
    /// <summary>
    /// Stores a contract's versions, terms and carve-outs, replacing what was stored for that payer and contract
    /// (the contract file is the source of truth). The contract's imported fee schedules are kept.
    /// </summary>
    /// <param name="contentHash">The file's fingerprint: the same content stored again is a no-op.</param>
    public SaveOutcome SaveContract(Contract contract, string sourceFile, string contentHash, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var key = Keys(contract.Payer, contract.Name);
        var stored = connection.QuerySingleOrDefault<string?>(Cmd("SELECT content_hash FROM payer_contract WHERE payer_key = @PayerKey AND contract_key = @ContractKey", key, tx, cancellationToken));
        var exists = connection.ExecuteScalar<long>(Cmd("SELECT COUNT(*) FROM payer_contract WHERE payer_key = @PayerKey AND contract_key = @ContractKey", key, tx, cancellationToken)) > 0;
        if (exists && stored == contentHash) return SaveOutcome.Unchanged;

        var now = Now();
        var row = new { key.PayerKey, key.ContractKey, Payer = contract.Payer, Contract = contract.Name, SourceFile = Path.GetFileName(sourceFile), ContentHash = contentHash, Now = now };
        if (exists)
        {
            foreach (var table in new[] { "contract_carve_out", "contract_term", "contract_version" })
                connection.Execute(Cmd($"DELETE FROM {table} WHERE payer_key = @PayerKey AND contract_key = @ContractKey", key, tx, cancellationToken));
            connection.Execute(Cmd("UPDATE payer_contract SET payer = @Payer, contract = @Contract, source_file = @SourceFile, content_hash = @ContentHash, loaded_at = @Now WHERE payer_key = @PayerKey AND contract_key = @ContractKey", row, tx, cancellationToken));
        }
        else
        {
            connection.Execute(Cmd("INSERT INTO payer_contract (payer_key, contract_key, payer, contract, source_file, content_hash, loaded_at) VALUES (@PayerKey, @ContractKey, @Payer, @Contract, @SourceFile, @ContentHash, @Now)", row, tx, cancellationToken));
        }

        foreach (var v in contract.Versions)
        {
            connection.Execute(Cmd(
                "INSERT INTO contract_version (payer_key, contract_key, label, effective_from, effective_to, lesser_of_billed, medicare_policies) VALUES (@PayerKey, @ContractKey, @Label, @From, @To, @Lesser, @Policies)",
                new { key.PayerKey, key.ContractKey, v.Label, From = EffectivePeriod.Iso(v.Period.From), To = v.Period.To is { } t ? EffectivePeriod.Iso(t) : null, Lesser = v.LesserOfBilled ? 1 : 0, Policies = v.MedicarePolicies ? 1 : 0 },
                tx, cancellationToken));
            var terms = v.Terms.Select((t, i) => (Term: t, Ordinal: i, IsDefault: 0)).ToList();
            if (v.Default is { } d) terms.Add((d, terms.Count, 1));
            connection.Execute(Cmd(
                "INSERT INTO contract_term (payer_key, contract_key, label, ordinal, is_default, name, codes, category, method, percent_value, base_as_of, base_locality) VALUES (@PayerKey, @ContractKey, @Label, @Ordinal, @IsDefault, @Name, @Codes, @Category, @Method, @Percent, @AsOf, @Locality)",
                terms.Select(t => new
                {
                    key.PayerKey, key.ContractKey, v.Label, t.Ordinal, t.IsDefault, t.Term.Name, t.Term.Scope.Codes, t.Term.Scope.Category,
                    Method = t.Term.Method == TermMethod.PercentOfMedicare ? "percent_of_medicare" : "percent_of_charges",
                    Percent = database.Dialect.ExactNumber(t.Term.Percent),
                    AsOf = t.Term.Base?.AsOf is { } a ? EffectivePeriod.Iso(a) : null,
                    Locality = t.Term.Base?.Locality?.ToString(),
                }), tx, cancellationToken));
            if (v.CarveOuts is { } carveOuts)
                connection.Execute(Cmd(
                    "INSERT INTO contract_carve_out (payer_key, contract_key, label, hcpcs, modifier, amount_cents) VALUES (@PayerKey, @ContractKey, @Label, @Hcpcs, @Modifier, @Cents)",
                    carveOuts.Fees.Select(f => new { key.PayerKey, key.ContractKey, v.Label, Hcpcs = f.Code.ToString(), Modifier = f.Modifier.ToString(), Cents = Cents(f.Amount) }),
                    tx, cancellationToken));
        }
        tx.Commit();
        return exists ? SaveOutcome.Replaced : SaveOutcome.Created;
    }

    /// <summary>
    /// Stores an imported fee schedule for a payer's contract (created, with no versions, if it is not stored yet).
    /// A schedule starting on the same date as a stored one replaces it; one overlapping another stored schedule
    /// is refused, naming both periods, and nothing is written.
    /// </summary>
    /// <exception cref="ContractValidationException">The period overlaps another stored fee schedule of the contract.</exception>
    public SaveOutcome SaveFeeSchedule(string payer, string contractName, FeeSchedule schedule, string contentHash, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var key = Keys(payer, contractName);
        var now = Now();
        if (connection.ExecuteScalar<long>(Cmd("SELECT COUNT(*) FROM payer_contract WHERE payer_key = @PayerKey AND contract_key = @ContractKey", key, tx, cancellationToken)) == 0)
            connection.Execute(Cmd("INSERT INTO payer_contract (payer_key, contract_key, payer, contract, source_file, content_hash, loaded_at) VALUES (@PayerKey, @ContractKey, @Payer, @Contract, NULL, NULL, @Now)",
                new { key.PayerKey, key.ContractKey, Payer = payer.Trim(), Contract = contractName.Trim(), Now = now }, tx, cancellationToken));

        var from = EffectivePeriod.Iso(schedule.Period.From);
        var outcome = SaveOutcome.Created;
        foreach (var other in connection.Query<FeeScheduleRow>(Cmd("SELECT effective_from AS EffectiveFrom, effective_to AS EffectiveTo, source_file AS SourceFile, content_hash AS ContentHash FROM payer_fee_schedule WHERE payer_key = @PayerKey AND contract_key = @ContractKey", key, tx, cancellationToken)).ToList())
        {
            var period = other.Period;
            if (other.EffectiveFrom == from)
            {
                if (other.ContentHash == contentHash && period == schedule.Period) return SaveOutcome.Unchanged;
                var at = new { key.PayerKey, key.ContractKey, From = from };
                connection.Execute(Cmd("DELETE FROM payer_fee WHERE payer_key = @PayerKey AND contract_key = @ContractKey AND effective_from = @From", at, tx, cancellationToken));
                connection.Execute(Cmd("DELETE FROM payer_fee_schedule WHERE payer_key = @PayerKey AND contract_key = @ContractKey AND effective_from = @From", at, tx, cancellationToken));
                outcome = SaveOutcome.Replaced;
            }
            else if (period.Overlaps(schedule.Period))
            {
                throw new ContractValidationException(
                    $"Fee schedule {schedule.Source} ({schedule.Period}) for '{payer}/{contractName}' overlaps the stored fee schedule {other.SourceFile} ({period}). Nothing was imported: give it an effective period that does not overlap, or re-import with the stored start date to replace it.");
            }
        }
        connection.Execute(Cmd(
            "INSERT INTO payer_fee_schedule (payer_key, contract_key, effective_from, effective_to, source_file, content_hash, row_count, loaded_at) VALUES (@PayerKey, @ContractKey, @From, @To, @Source, @Hash, @Rows, @Now)",
            new { key.PayerKey, key.ContractKey, From = from, To = schedule.Period.To is { } t ? EffectivePeriod.Iso(t) : null, Source = schedule.Source, Hash = contentHash, Rows = schedule.Count, Now = now },
            tx, cancellationToken));
        connection.Execute(Cmd(
            "INSERT INTO payer_fee (payer_key, contract_key, effective_from, hcpcs, modifier, amount_cents) VALUES (@PayerKey, @ContractKey, @From, @Hcpcs, @Modifier, @Cents)",
            schedule.Fees.Select(f => new { key.PayerKey, key.ContractKey, From = from, Hcpcs = f.Code.ToString(), Modifier = f.Modifier.ToString(), Cents = Cents(f.Amount) }),
            tx, cancellationToken));
        tx.Commit();
        return outcome;
    }

    /// <summary>Every stored contract with its versions and fee schedules.</summary>
    public ContractBook LoadBook(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var contracts = connection.Query<ContractRow>(Cmd("SELECT payer_key AS PayerKey, contract_key AS ContractKey, payer AS Payer, contract AS Contract FROM payer_contract", null, null, cancellationToken)).ToList();
        var versions = connection.Query<VersionRow>(Cmd("SELECT payer_key AS PayerKey, contract_key AS ContractKey, label AS Label, effective_from AS EffectiveFrom, effective_to AS EffectiveTo, lesser_of_billed AS LesserOfBilled, medicare_policies AS MedicarePolicies FROM contract_version", null, null, cancellationToken)).ToList();
        var terms = connection.Query<TermRow>(Cmd("SELECT payer_key AS PayerKey, contract_key AS ContractKey, label AS Label, ordinal AS Ordinal, is_default AS IsDefault, name AS Name, codes AS Codes, category AS Category, method AS Method, percent_value AS PercentValue, base_as_of AS BaseAsOf, base_locality AS BaseLocality FROM contract_term", null, null, cancellationToken))
            .ToLookup(t => (t.PayerKey, t.ContractKey, t.Label));
        var carveOuts = connection.Query<FeeRow>(Cmd("SELECT payer_key AS PayerKey, contract_key AS ContractKey, label AS Part, hcpcs AS Hcpcs, modifier AS Modifier, amount_cents AS AmountCents FROM contract_carve_out", null, null, cancellationToken))
            .ToLookup(f => (f.PayerKey, f.ContractKey, f.Part));
        var schedules = connection.Query<FeeScheduleRow>(Cmd("SELECT payer_key AS PayerKey, contract_key AS ContractKey, effective_from AS EffectiveFrom, effective_to AS EffectiveTo, source_file AS SourceFile, content_hash AS ContentHash FROM payer_fee_schedule", null, null, cancellationToken)).ToList();
        var fees = connection.Query<FeeRow>(Cmd("SELECT payer_key AS PayerKey, contract_key AS ContractKey, effective_from AS Part, hcpcs AS Hcpcs, modifier AS Modifier, amount_cents AS AmountCents FROM payer_fee", null, null, cancellationToken))
            .ToLookup(f => (f.PayerKey, f.ContractKey, f.Part));

        var book = new List<Contract>();
        foreach (var c in contracts)
        {
            var contractVersions = versions.Where(v => v.PayerKey == c.PayerKey && v.ContractKey == c.ContractKey).Select(v =>
            {
                var period = new ContractPeriod(EffectivePeriod.ParseIso(v.EffectiveFrom), v.EffectiveTo is { } to ? EffectivePeriod.ParseIso(to) : null);
                var versionTerms = terms[(v.PayerKey, v.ContractKey, v.Label)].OrderBy(t => t.Ordinal).ToList();
                var versionFees = carveOuts[(v.PayerKey, v.ContractKey, v.Label)].Select(f => f.ToFee()).ToList();
                return new ContractVersion(v.Label, period,
                    [.. versionTerms.Where(t => t.IsDefault == 0).Select(t => t.ToTerm())],
                    versionTerms.FirstOrDefault(t => t.IsDefault != 0)?.ToTerm(),
                    versionFees.Count > 0 ? new FeeSchedule($"version {v.Label} carve-outs", period, versionFees) : null,
                    v.LesserOfBilled != 0, v.MedicarePolicies != 0);
            });
            var contractSchedules = schedules.Where(s => s.PayerKey == c.PayerKey && s.ContractKey == c.ContractKey)
                .Select(s => new FeeSchedule(s.SourceFile, s.Period, fees[(s.PayerKey, s.ContractKey, s.EffectiveFrom)].Select(f => f.ToFee())));
            book.Add(Contract.Create(c.Payer, c.Contract, contractVersions, contractSchedules));
        }
        return new ContractBook(book);
    }

    /// <summary>The stored contracts, for <c>feeengine contracts list</c>.</summary>
    public IReadOnlyList<ContractSummary> List(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var loadedAt = connection.Query<(string PayerKey, string ContractKey, string? Source, string LoadedAt)>(Cmd("SELECT payer_key, contract_key, source_file, loaded_at FROM payer_contract", null, null, cancellationToken))
            .ToDictionary(r => (r.PayerKey, r.ContractKey));
        return [.. LoadBook(cancellationToken).Contracts.OrderBy(c => c.Payer, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(c =>
        {
            var k = Keys(c.Payer, c.Name);
            var row = loadedAt[(k.PayerKey, k.ContractKey)];
            return new ContractSummary(c.Payer, c.Name, row.Source, row.LoadedAt,
                [.. c.Versions.Select(v => $"{v.Label} {v.Period}: {v.Terms.Count} terms{(v.Default is null ? "" : " + default")}{(v.CarveOuts is { } co ? $", {co.Count} carve-outs" : "")}{(v.LesserOfBilled ? ", lesser of billed" : "")}{(v.MedicarePolicies ? "" : ", no Medicare policies")}")],
                [.. c.FeeSchedules.Select(f => $"{f.Source} {f.Period}: {f.Count} fees")]);
        })];
    }

    /// <summary>A contract's key columns; also the parameters of the statements that select by them.</summary>
    private sealed record ContractKeys(string PayerKey, string ContractKey);

    private static ContractKeys Keys(string payer, string contract) =>
        new(payer.Trim().ToUpperInvariant(), contract.Trim().ToUpperInvariant());

    private static CommandDefinition Cmd(string sql, object? parameters, DbTransaction? tx, CancellationToken token) =>
        new(sql, parameters, tx, cancellationToken: token);

    private static long Cents(Core.Money.Money m) => (long)(m.Amount * 100m);

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    // Dapper row shapes. Integers arrive as long from SQLite and int from SQL Server; Dapper converts either.
    private sealed class ContractRow
    {
        public string PayerKey { get; set; } = "";
        public string ContractKey { get; set; } = "";
        public string Payer { get; set; } = "";
        public string Contract { get; set; } = "";
    }

    private sealed class VersionRow
    {
        public string PayerKey { get; set; } = "";
        public string ContractKey { get; set; } = "";
        public string Label { get; set; } = "";
        public string EffectiveFrom { get; set; } = "";
        public string? EffectiveTo { get; set; }
        public long LesserOfBilled { get; set; }
        public long MedicarePolicies { get; set; }
    }

    private sealed class TermRow
    {
        public string PayerKey { get; set; } = "";
        public string ContractKey { get; set; } = "";
        public string Label { get; set; } = "";
        public long Ordinal { get; set; }
        public long IsDefault { get; set; }
        public string Name { get; set; } = "";
        public string? Codes { get; set; }
        public string? Category { get; set; }
        public string Method { get; set; } = "";
        public object PercentValue { get; set; } = 0m;
        public string? BaseAsOf { get; set; }
        public string? BaseLocality { get; set; }

        public ContractTerm ToTerm()
        {
            var scope = CodeScope.All;
            if (Codes is not null && !CodeScope.TryParseCodes(Codes, out scope, out var e1)) throw new InvalidDataException($"Stored term '{Name}': {e1}");
            if (Category is not null && !CodeScope.TryCategory(Category, out scope, out var e2)) throw new InvalidDataException($"Stored term '{Name}': {e2}");
            var asOf = BaseAsOf is null ? (NodaTime.LocalDate?)null : EffectivePeriod.ParseIso(BaseAsOf);
            var locality = BaseLocality is null ? (LocalityId?)null : LocalityId.Parse(BaseLocality);
            var medicareBase = asOf is null && locality is null ? null : new MedicareBase(asOf, locality);
            var method = Method == "percent_of_medicare" ? TermMethod.PercentOfMedicare : TermMethod.PercentOfCharges;
            return new ContractTerm(Name, scope, method, Convert.ToDecimal(PercentValue, CultureInfo.InvariantCulture), medicareBase);
        }
    }

    private sealed class FeeRow
    {
        public string PayerKey { get; set; } = "";
        public string ContractKey { get; set; } = "";
        public string Part { get; set; } = "";
        public string Hcpcs { get; set; } = "";
        public string Modifier { get; set; } = "";
        public long AmountCents { get; set; }

        public FixedFee ToFee() => new(HcpcsCode.Parse(Hcpcs), Modifier.Length == 0 ? Core.Codes.Modifier.None : Core.Codes.Modifier.Parse(Modifier), new Core.Money.Money(AmountCents / 100m));
    }

    private sealed class FeeScheduleRow
    {
        public string PayerKey { get; set; } = "";
        public string ContractKey { get; set; } = "";
        public string EffectiveFrom { get; set; } = "";
        public string? EffectiveTo { get; set; }
        public string SourceFile { get; set; } = "";
        public string ContentHash { get; set; } = "";

        public ContractPeriod Period => new(EffectivePeriod.ParseIso(EffectiveFrom), EffectiveTo is { } to ? EffectivePeriod.ParseIso(to) : null);
    }
}
