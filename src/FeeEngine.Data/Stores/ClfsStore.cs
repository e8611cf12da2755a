using System.Globalization;
using Dapper;
using FeeEngine.Core.Clfs;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;

namespace FeeEngine.Data.Stores;

/// <summary>
/// Stores quarterly Clinical Laboratory Fee Schedule files (rates in whole cents) and loads them back. A file is one
/// transaction; the same content again is a no-op; a different file for a stored quarter is refused, naming both.
/// </summary>
public sealed class ClfsStore(FeeEngineDatabase database, TimeProvider clock)
{
    /// <returns>False when the same rates were already stored for the quarter (nothing written).</returns>
    /// <exception cref="ImportConflictException">The quarter is stored with other rates.</exception>
    public bool Import(ClfsSchedule schedule, string sourceFile)
    {
        var hash = ContentHash.Of(schedule.Rates, r => string.Join('|', r.Code, r.Modifier, ContentHash.N(r.Rate.Amount), EffectivePeriod.Iso(r.EffectiveFrom), r.Indicator));
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        if (StoredFile.IsStored(connection, tx, "SELECT content_hash, source_file FROM clfs_release WHERE clfs_id = @Id", new { schedule.Id }, hash, stored =>
                $"{Path.GetFileName(sourceFile)}: CLFS {schedule.Id} is already stored from {stored} with other rates. Nothing was imported (replacing a quarter's rates with a reissued file is not supported yet)."))
            return false;
        connection.Execute(
            "INSERT INTO clfs_release (clfs_id, effective_from, effective_to, source_file, row_count, content_hash, imported_at) VALUES (@Id, @From, @To, @Source, @Rows, @Hash, @Now)",
            new { schedule.Id, From = EffectivePeriod.Iso(schedule.EffectiveFrom), To = EffectivePeriod.Iso(schedule.EffectiveTo), Source = Path.GetFileName(sourceFile),
                  Rows = schedule.Count, Hash = hash, Now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) }, tx);
        connection.Execute(
            "INSERT INTO clfs_rate (clfs_id, hcpcs, modifier, rate_cents, effective_from, indicator) VALUES (@Id, @Hcpcs, @Modifier, @Cents, @From, @Indicator)",
            schedule.Rates.Select(r => new { schedule.Id, Hcpcs = r.Code.ToString(), Modifier = r.Modifier.ToString(), Cents = (long)(r.Rate.Amount * 100m),
                From = EffectivePeriod.Iso(r.EffectiveFrom), r.Indicator }), tx);
        tx.Commit();
        return true;
    }

    /// <summary>Every stored quarter with its rates.</summary>
    public IReadOnlyList<ClfsSchedule> Load()
    {
        using var connection = database.Open();
        var rates = connection.Query<(string Id, string Hcpcs, string Modifier, long Cents, string From, string Indicator)>(
                "SELECT clfs_id, hcpcs, modifier, rate_cents, effective_from, indicator FROM clfs_rate")
            .ToLookup(r => r.Id);
        return [.. connection.Query<(string Id, string From, string To)>("SELECT clfs_id, effective_from, effective_to FROM clfs_release ORDER BY effective_from")
            .Select(q => new ClfsSchedule(q.Id, EffectivePeriod.ParseIso(q.From), EffectivePeriod.ParseIso(q.To), rates[q.Id].Select(r =>
                new ClfsRate(HcpcsCode.Parse(r.Hcpcs), r.Modifier.Length == 0 ? Modifier.None : Modifier.Parse(r.Modifier), new Core.Money.Money(r.Cents / 100m),
                    EffectivePeriod.ParseIso(r.From), r.Indicator))))];
    }
}
