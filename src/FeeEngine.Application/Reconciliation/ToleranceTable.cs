using System.Globalization;
using FeeEngine.Core.Reconciliation;
using FeeEngine.Schedules;

namespace FeeEngine.Application.Reconciliation;

/// <summary>
/// Tolerances per payer from a CSV (<c>payer,tolerance_usd,tolerance_pct</c>); payers not listed get the default.
/// Payer names compare without regard to case.
/// </summary>
public sealed class ToleranceTable(Tolerance fallback, IReadOnlyDictionary<string, Tolerance> byPayer)
{
    public Tolerance For(string? payer)
    {
        if (payer is null) return fallback;
        var name = payer.Split('/')[0].Trim();
        return byPayer.TryGetValue(name, out var t) ? t : fallback;
    }

    public static ToleranceTable Read(string? path, Tolerance fallback)
    {
        var byPayer = new Dictionary<string, Tolerance>(StringComparer.OrdinalIgnoreCase);
        if (path is null) return new ToleranceTable(fallback, byPayer);
        var name = Path.GetFileName(path);
        var problems = new List<FileDiagnostic>();
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Replace(" ", "", StringComparison.Ordinal).Equals("payer,tolerance_usd,tolerance_pct", StringComparison.OrdinalIgnoreCase))
            throw new CmsFileException(new FileDiagnostic(name, 1, null, lines.Length > 0 ? lines[0] : "", "the header must be payer,tolerance_usd,tolerance_pct"));
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != 3) { problems.Add(new FileDiagnostic(name, i + 1, null, lines[i], "expected 3 fields: payer,tolerance_usd,tolerance_pct")); continue; }
            var usdOk = decimal.TryParse(f[1].Trim().TrimStart('$'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var usd);
            var pctOk = decimal.TryParse(f[2].Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pct) && pct <= 100m;
            if (!usdOk) problems.Add(new FileDiagnostic(name, i + 1, "tolerance_usd", f[1], "not a dollar amount"));
            if (!pctOk) problems.Add(new FileDiagnostic(name, i + 1, "tolerance_pct", f[2], "not a percentage from 0 to 100"));
            if (usdOk && pctOk && !byPayer.TryAdd(f[0].Trim(), new Tolerance(usd, pct)))
                problems.Add(new FileDiagnostic(name, i + 1, "payer", f[0], "listed twice"));
        }
        if (problems.Count > 0) throw new CmsFileException(name, problems, problems.Count);
        return new ToleranceTable(fallback, byPayer);
    }
}
