using System.Globalization;
using System.Text;
using Dapper;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Dmepos;
using FeeEngine.Core.Time;

namespace FeeEngine.Data.Stores;

/// <summary>
/// Stores DMEPOS and PEN fee schedule files (every fee in whole cents) and loads them back. A file is one transaction;
/// the same content again is a no-op; a different file for a stored id (e.g. a reissued DMEPOS26_JAN) is refused,
/// naming both files. A file's end is not stored: <see cref="DmeposCatalog"/> derives it from the files loaded.
/// </summary>
public sealed class DmeposStore(FeeEngineDatabase database, TimeProvider clock)
{
    private const string KindDmepos = "DMEPOS", KindPen = "PEN";

    /// <returns>False when the same rows were already stored under the schedule's id (nothing written).</returns>
    /// <exception cref="ImportConflictException">The id is stored with other rows.</exception>
    public bool Import(DmeposSchedule schedule, string sourceFile)
    {
        var rows = schedule.Fees.Select((f, i) => (Fee: f, Order: i)).ToList();
        var hash = ContentHash.Of(rows, r => string.Join('|', Key(r.Fee), r.Fee.Jurisdiction, r.Fee.Category,
            Cents(r.Fee.Ceiling), Cents(r.Fee.Floor), StateFees(r.Fee)));
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        if (StoredFile.IsStored(connection, tx, "SELECT content_hash, source_file FROM dmepos_release WHERE schedule_id = @Id", new { schedule.Id }, hash, stored =>
                $"{Path.GetFileName(sourceFile)}: {schedule.Id} is already stored from {stored} with other fees. Nothing was imported (replacing a stored fee schedule file with a reissued one is not supported yet)."))
            return false;
        connection.Execute(
            "INSERT INTO dmepos_release (schedule_id, file_kind, effective_from, source_file, row_count, content_hash, imported_at) VALUES (@Id, @Kind, @From, @Source, @Rows, @Hash, @Now)",
            new { schedule.Id, Kind = schedule.File == DmeposFile.Dmepos ? KindDmepos : KindPen, From = EffectivePeriod.Iso(schedule.EffectiveFrom),
                  Source = Path.GetFileName(sourceFile), Rows = schedule.Count, Hash = hash, Now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) }, tx);
        connection.Execute(
            "INSERT INTO dmepos_fee (schedule_id, hcpcs, modifier1, modifier2, row_order, jurisdiction, category, ceiling_cents, floor_cents, state_fees) " +
            "VALUES (@Id, @Hcpcs, @Modifier1, @Modifier2, @Order, @Jurisdiction, @Category, @Ceiling, @Floor, @States)",
            rows.Select(r => new
            {
                schedule.Id, Hcpcs = r.Fee.Code.ToString(), Modifier1 = r.Fee.Modifier1.ToString(), Modifier2 = r.Fee.Modifier2.ToString(), r.Order,
                r.Fee.Jurisdiction, r.Fee.Category, Ceiling = Cents(r.Fee.Ceiling), Floor = Cents(r.Fee.Floor), States = StateFees(r.Fee),
            }), tx);
        tx.Commit();
        return true;
    }

    /// <summary>Every stored file with its rows (in file order), each in force to December 31 of its year.</summary>
    public IReadOnlyList<DmeposSchedule> Load()
    {
        using var connection = database.Open();
        var fees = connection.Query<(string Id, string Hcpcs, string Modifier1, string Modifier2, string Jurisdiction, string Category, long? Ceiling, long? Floor, string States)>(
                "SELECT schedule_id, hcpcs, modifier1, modifier2, jurisdiction, category, ceiling_cents, floor_cents, state_fees FROM dmepos_fee ORDER BY schedule_id, row_order")
            .ToLookup(r => r.Id);
        return [.. connection.Query<(string Id, string Kind, string From)>("SELECT schedule_id, file_kind, effective_from FROM dmepos_release ORDER BY effective_from, schedule_id")
            .Select(f => new DmeposSchedule(f.Id, f.Kind == KindDmepos ? DmeposFile.Dmepos : DmeposFile.ParenteralEnteral, EffectivePeriod.ParseIso(f.From),
                fees[f.Id].Select(r => new DmeposFee(HcpcsCode.Parse(r.Hcpcs), Mod(r.Modifier1), Mod(r.Modifier2), r.Jurisdiction, r.Category,
                    Money(r.Ceiling), Money(r.Floor), ParseStateFees(r.States)))))];
    }

    /// <summary>Every stored file, each in force until the next file of its kind (and never past December 31).</summary>
    public DmeposCatalog LoadCatalog() => new(Load());

    private static string Key(DmeposFee f) => $"{f.Code}|{f.Modifier1}|{f.Modifier2}";

    private static long? Cents(Core.Money.Money? m) => m is { } v ? ToCents(v) : null;

    // The readers accept whole cents only, so this is exact; a fraction would be a bug upstream and must not be lost.
    private static long ToCents(Core.Money.Money m) =>
        m.IsWholeCents ? (long)(m.Amount * 100m) : throw new ArgumentException($"DMEPOS fee {m} is not whole cents.", nameof(m));

    private static Core.Money.Money? Money(long? cents) => cents is { } c ? new Core.Money.Money(c / 100m) : null;

    private static Modifier Mod(string text) => text.Length == 0 ? Modifier.None : Modifier.Parse(text);

    /// <summary>"AL:58:0 AR:63:0 ...": state, non-rural cents, rural cents, in the file's column order.</summary>
    private static string StateFees(DmeposFee f)
    {
        var text = new StringBuilder(f.States.Count * 16);
        foreach (var s in f.States)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(CultureInfo.InvariantCulture, $"{s.State}:{ToCents(s.NonRural)}:{ToCents(s.Rural)}");
        }
        return text.ToString();
    }

    private static DmeposStateFee[] ParseStateFees(string text) =>
    [
        .. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var p = part.Split(':');
            return new DmeposStateFee(p[0], new(long.Parse(p[1], CultureInfo.InvariantCulture) / 100m), new(long.Parse(p[2], CultureInfo.InvariantCulture) / 100m));
        }),
    ];
}
