using System.Globalization;
using Dapper;
using FeeEngine.Core.Asp;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;

namespace FeeEngine.Data.Stores;

/// <summary>
/// Stores quarterly ASP pricing files (payment limits as integer thousandths of a dollar, coinsurance as hundredths
/// of a percent) and loads them back. A file is one transaction; the same content again is a no-op; a different file
/// for a stored quarter is refused, naming both files.
/// </summary>
public sealed class AspStore(FeeEngineDatabase database, TimeProvider clock)
{
    /// <returns>False when the same rates were already stored for the quarter (nothing written).</returns>
    /// <exception cref="ImportConflictException">The quarter is stored with other rates.</exception>
    public bool Import(AspSchedule schedule, string sourceFile)
    {
        var hash = ContentHash.Of(schedule.Rates, r => string.Join('|', r.Code, r.Dosage, ContentHash.N(r.PaymentLimit),
            r.CoinsurancePercent is { } c ? ContentHash.N(c) : ""));
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        if (StoredFile.IsStored(connection, tx, "SELECT content_hash, source_file FROM asp_release WHERE asp_id = @Id", new { schedule.Id }, hash, stored =>
                $"{Path.GetFileName(sourceFile)}: {schedule.Id} is already stored from {stored} with other rates. Nothing was imported (replacing a quarter's rates with a reissued file is not supported yet)."))
            return false;
        connection.Execute(
            "INSERT INTO asp_release (asp_id, effective_from, effective_to, source_file, row_count, content_hash, imported_at) VALUES (@Id, @From, @To, @Source, @Rows, @Hash, @Now)",
            new { schedule.Id, From = EffectivePeriod.Iso(schedule.EffectiveFrom), To = EffectivePeriod.Iso(schedule.EffectiveTo), Source = Path.GetFileName(sourceFile),
                  Rows = schedule.Count, Hash = hash, Now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) }, tx);
        connection.Execute(
            "INSERT INTO asp_rate (asp_id, hcpcs, dosage, payment_limit_mills, coinsurance_basis_points) VALUES (@Id, @Hcpcs, @Dosage, @Mills, @BasisPoints)",
            schedule.Rates.Select(r => new { schedule.Id, Hcpcs = r.Code.ToString(), r.Dosage, Mills = Scaled(r.PaymentLimit, 1000m),
                BasisPoints = r.CoinsurancePercent is { } c ? Scaled(c, 100m) : (long?)null }), tx);
        tx.Commit();
        return true;
    }

    /// <summary>Every stored quarter with its rates.</summary>
    public IReadOnlyList<AspSchedule> Load()
    {
        using var connection = database.Open();
        var rates = connection.Query<(string Id, string Hcpcs, string Dosage, long Mills, long? BasisPoints)>(
                "SELECT asp_id, hcpcs, dosage, payment_limit_mills, coinsurance_basis_points FROM asp_rate")
            .ToLookup(r => r.Id);
        return [.. connection.Query<(string Id, string From, string To)>("SELECT asp_id, effective_from, effective_to FROM asp_release ORDER BY effective_from")
            .Select(q => new AspSchedule(q.Id, EffectivePeriod.ParseIso(q.From), EffectivePeriod.ParseIso(q.To), rates[q.Id].Select(r =>
                new AspRate(HcpcsCode.Parse(r.Hcpcs), r.Dosage, r.Mills / 1000m, r.BasisPoints is { } b ? b / 100m : null))))];
    }

    // The reader accepts at most 3 decimals of a dollar and 2 of a percent, so this is exact; anything finer is refused.
    private static long Scaled(decimal value, decimal scale)
    {
        var scaled = value * scale;
        return scaled == decimal.Truncate(scaled) ? (long)scaled : throw new ArgumentException($"ASP value {value} has more decimals than the store keeps.", nameof(value));
    }
}
