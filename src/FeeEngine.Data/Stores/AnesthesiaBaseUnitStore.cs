using System.Globalization;
using Dapper;
using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;

namespace FeeEngine.Data.Stores;

/// <summary>
/// Stores anesthesia base units by (code, effective date) and loads them back as the core's
/// <see cref="AnesthesiaBaseUnitTable"/>. Values are stored as exact text (the dialect's exact number type), never as
/// a floating-point number. A stored value is never changed: a corrected value is a new row with its own date.
/// </summary>
public sealed class AnesthesiaBaseUnitStore(FeeEngineDatabase database, TimeProvider clock)
{
    /// <summary>Conflicts spelled out in the exception's message; the count says how many more there are.</summary>
    private const int MaxConflictsInMessage = 20;

    /// <summary>
    /// Stores the rows in one transaction. A row already stored with the same value is skipped (re-importing a file
    /// is a no-op); a stored (code, effective date) with a different value is an <see cref="ImportConflictException"/>
    /// naming the code, the date, the stored and the new value, and then nothing of the import is written.
    /// </summary>
    /// <param name="sourceFile">The file the rows came from; its name is stored with each new row.</param>
    /// <returns>How many rows were new (stored by this call).</returns>
    /// <exception cref="ArgumentException">The rows give one (code, date) two different values.</exception>
    public int Import(string sourceFile, IReadOnlyList<AnesthesiaBaseUnit> rows, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceFile);
        ArgumentNullException.ThrowIfNull(rows);
        // The core table refuses a (code, date) given twice, naming both values; same-value repeats are dropped first.
        var incoming = new AnesthesiaBaseUnitTable(rows.DistinctBy(r => (r.Code, r.EffectiveFrom, r.BaseUnits))).Rows.ToList();

        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var stored = connection.Query<(string Hcpcs, string BaseUnits, string EffectiveFrom, string Source)>(new CommandDefinition(
                "SELECT hcpcs, base_units, effective_from, source_file FROM anesthesia_base_unit", transaction: tx, cancellationToken: cancellationToken))
            .ToDictionary(s => (s.Hcpcs, s.EffectiveFrom), s => (Units: Dec(s.BaseUnits), s.Source));

        var conflicts = new List<string>();
        var fresh = new List<AnesthesiaBaseUnit>();
        foreach (var row in incoming)
        {
            if (!stored.TryGetValue((row.Code.ToString(), EffectivePeriod.Iso(row.EffectiveFrom)), out var old))
                fresh.Add(row);
            else if (old.Units != row.BaseUnits)
                conflicts.Add($"{row.Code} effective {EffectivePeriod.Iso(row.EffectiveFrom)}: stored {D(old.Units)} (from {old.Source}), new {D(row.BaseUnits)}");
        }
        if (conflicts.Count > 0)
        {
            var shown = string.Join("; ", conflicts.Take(MaxConflictsInMessage));
            var more = conflicts.Count > MaxConflictsInMessage ? $"; and {conflicts.Count - MaxConflictsInMessage} more" : "";
            throw new ImportConflictException(
                $"{Path.GetFileName(sourceFile)} conflicts with stored anesthesia base units ({conflicts.Count}): {shown}{more}. Nothing was imported. " +
                "A stored value is never changed: give a corrected value its own effective_from date.");
        }

        var now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var source = Path.GetFileName(sourceFile);
        connection.Execute(new CommandDefinition(
            "INSERT INTO anesthesia_base_unit (hcpcs, base_units, effective_from, source_file, imported_at) VALUES (@Hcpcs, @BaseUnits, @EffectiveFrom, @source, @now)",
            fresh.Select(r => new { Hcpcs = r.Code.ToString(), BaseUnits = D(r.BaseUnits), EffectiveFrom = EffectivePeriod.Iso(r.EffectiveFrom), source, now }),
            tx, cancellationToken: cancellationToken));
        tx.Commit();
        return fresh.Count;
    }

    /// <summary>Every stored value, with the file it came from as <see cref="AnesthesiaBaseUnit.Source"/>.</summary>
    public AnesthesiaBaseUnitTable Load()
    {
        using var connection = database.Open();
        return new AnesthesiaBaseUnitTable(connection
            .Query<(string Hcpcs, string BaseUnits, string EffectiveFrom, string Source)>(
                "SELECT hcpcs, base_units, effective_from, source_file FROM anesthesia_base_unit ORDER BY hcpcs, effective_from")
            .Select(r => new AnesthesiaBaseUnit(Code(r.Hcpcs), Dec(r.BaseUnits), EffectivePeriod.ParseIso(r.EffectiveFrom)) { Source = r.Source }));
    }

    private static HcpcsCode Code(string text) =>
        HcpcsCode.TryParse(text, out var code) ? code : throw new InvalidDataException($"Stored anesthesia code '{text}' is not valid.");

    private static string D(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
