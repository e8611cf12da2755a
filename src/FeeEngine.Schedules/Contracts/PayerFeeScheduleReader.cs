using FeeEngine.Core.Codes;
using FeeEngine.Core.Contracts;
using FeeEngine.Schedules.Parsing;

namespace FeeEngine.Schedules.Contracts;

/// <summary>Which header names the code, modifier and amount columns have; null means "find it by the usual names".</summary>
public sealed record FeeColumnMap(string? Code = null, string? Modifier = null, string? Amount = null)
{
    /// <summary>Parses <c>code=CPT,modifier=Mod,amount="Allowed"</c> (quotes optional).</summary>
    public static FeeColumnMap Parse(string text)
    {
        var map = new FeeColumnMap();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"--map entry '{part}' is not name=Header (e.g. code=CPT)", nameof(text));
            var header = part[(eq + 1)..].Trim().Trim('"', '\'');
            map = part[..eq].Trim().ToLowerInvariant() switch
            {
                "code" => map with { Code = header },
                "modifier" => map with { Modifier = header },
                "amount" => map with { Amount = header },
                var other => throw new ArgumentException($"--map names '{other}': expected code, modifier or amount", nameof(text)),
            };
        }
        return map;
    }
}

/// <summary>A row of a payer fee schedule that was not loaded, and why.</summary>
public sealed record SkippedRow(FileDiagnostic Problem);

/// <summary>The fees read from a payer spreadsheet, the header row found, and the rows skipped (with --skip-bad-rows).</summary>
public sealed record PayerFeeScheduleFile(string FileName, int HeaderRow, string CodeColumn, string? ModifierColumn, string AmountColumn,
    IReadOnlyList<FixedFee> Fees, IReadOnlyList<SkippedRow> Skipped);

/// <summary>
/// Reads a payer's fee schedule from a spreadsheet (XLSX, any sheet) or CSV. The header row is the first of the first
/// 30 rows that names a code column and an amount column (title rows, merged or not, above it are passed over);
/// columns are found by their usual names (CPT, HCPCS, Code...; Mod, Modifier...; Allowed, Fee, Rate, Amount...) or
/// by an explicit <see cref="FeeColumnMap"/>. Amounts may be numbers or currency text ($1,234.50). Blank rows and rows
/// with neither code nor amount (notes) are passed over. Every bad row is reported (row, column, value, reason): a
/// code that is not a HCPCS code, a missing or non-numeric amount, a code and modifier listed twice. All or nothing:
/// any bad row rejects the file unless <c>skipBadRows</c>, which loads the good rows and lists the others.
/// </summary>
public static class PayerFeeScheduleReader
{
    private const int HeaderSearchRows = 30;
    private static readonly string[] CodeNames = ["CPT", "HCPCS", "CPTHCPCS", "HCPCSCPT", "CODE", "CPTCODE", "HCPCSCODE", "PROCEDURECODE", "PROCCODE", "PROCEDURE", "SERVICECODE", "CPTHCPCSCODE"];
    private static readonly string[] ModifierNames = ["MOD", "MODIFIER", "MOD1", "MODIFIER1", "CPTMODIFIER", "MODIFIERS"];
    private static readonly string[] AmountNames = ["ALLOWED", "ALLOWEDAMOUNT", "ALLOWABLE", "FEE", "FEEAMOUNT", "FEESCHEDULE", "FEESCHEDULEAMOUNT", "RATE", "CONTRACTRATE", "CONTRACTEDRATE", "AMOUNT", "PAYMENT", "REIMBURSEMENT", "PRICE"];

    /// <exception cref="CmsFileException">The header cannot be found, or (without <paramref name="skipBadRows"/>) a row is bad.</exception>
    public static PayerFeeScheduleFile Read(string path, string? sheet = null, FeeColumnMap? map = null, bool skipBadRows = false) =>
        Read(TableSource.Open(path, sheet), map, skipBadRows);

    public static PayerFeeScheduleFile Read(TableSource source, FeeColumnMap? map = null, bool skipBadRows = false)
    {
        map ??= new FeeColumnMap();
        var problems = new DiagnosticCollector(source.FileName);
        var skipped = new List<SkippedRow>();
        var fees = new List<FixedFee>();
        var firstRow = new Dictionary<(ulong, ushort), int>();
        int? codeCol = null, modCol = null, amountCol = null;
        var headerRow = 0;
        string codeName = "", amountName = "";
        string? modName = null;
        var seen = 0;

        foreach (var row in source.ReadRows())
        {
            if (codeCol is null)
            {
                if (++seen > HeaderSearchRows) break;
                if (FindHeader(row, map) is not { } header) continue;
                (codeCol, modCol, amountCol, headerRow) = (header.Code, header.Modifier, header.Amount, row.Number);
                (codeName, modName, amountName) = (row[header.Code].Trim(), header.Modifier is { } m ? row[m].Trim() : null, row[header.Amount].Trim());
                continue;
            }
            if (row.IsBlank) continue;
            var codeText = row[codeCol.Value].Trim();
            var amountText = row[amountCol!.Value].Trim();
            var modText = modCol is { } mc ? row[mc].Trim() : "";
            if (codeText.Length == 0 && amountText.Length == 0) continue; // a note or a section title

            void Bad(string field, string value, string reason)
            {
                var d = new FileDiagnostic(source.FileName, row.Number, field, value, reason);
                if (skipBadRows) skipped.Add(new SkippedRow(d));
                else problems.Add(d.Line, d.Field, d.Value, d.Reason);
            }

            // A spreadsheet number loses leading zeros (anesthesia 00100 becomes 100); a code written "71046-26" or
            // "71046 26" carries its modifier when there is no modifier column, or it is empty.
            if (row.IsNumeric(codeCol.Value) && codeText.Length < 5 && codeText.All(char.IsAsciiDigit)) codeText = codeText.PadLeft(5, '0');
            if (codeText.Length == 8 && codeText[5] is '-' or ' ' && modText.Length == 0) (codeText, modText) = (codeText[..5], codeText[6..]);
            if (!HcpcsCode.TryParse(codeText, out var code)) { Bad(codeName, codeText, codeText.Length == 0 ? "no code" : "not a HCPCS code (5 letters or digits)"); continue; }
            var modifier = Modifier.None;
            if (modText.Length > 0 && !Modifier.TryParse(modText, out modifier)) { Bad(modName ?? codeName, modText, "not a modifier (2 letters or digits)"); continue; }
            if (!MoneyText.TryParse(amountText, out var amount, out var reason)) { Bad(amountName, amountText, amountText.Length == 0 ? "no amount" : reason!); continue; }
            var key = (code.Packed, modifier.Packed);
            if (firstRow.TryGetValue(key, out var first))
            {
                Bad(codeName, $"{code}{(modifier.IsNone ? "" : "-" + modifier)}", $"listed twice: already on row {first}");
                continue;
            }
            firstRow[key] = row.Number;
            fees.Add(new FixedFee(code, modifier, new Core.Money.Money(amount)));
        }

        if (codeCol is null)
        {
            problems.AddFileProblem(map.Code is not null || map.Amount is not null
                ? $"no header row in the first {HeaderSearchRows} rows has the mapped columns ({Describe(map)})"
                : $"no header row in the first {HeaderSearchRows} rows names a code column ({string.Join(", ", CodeNames[..4])}...) and an amount column ({string.Join(", ", AmountNames[..5])}...); map them with --map code=...,amount=...");
            throw problems.ToException();
        }
        if (fees.Count == 0 && !problems.HasProblems) problems.Add(headerRow, null, null, "the header has no fee rows under it");
        problems.ThrowIfAny();
        return new PayerFeeScheduleFile(source.FileName, headerRow, codeName, modName, amountName, fees, skipped);
    }

    private static (int Code, int? Modifier, int Amount)? FindHeader(TableRow row, FeeColumnMap map)
    {
        int? code = null, modifier = null, amount = null;
        for (var i = 0; i < row.Count; i++)
        {
            var key = HeaderKey.Of(row[i]);
            if (key.Length == 0) continue;
            if (code is null && Matches(key, map.Code, CodeNames)) code = i;
            else if (modifier is null && Matches(key, map.Modifier, ModifierNames)) modifier = i;
            else if (amount is null && Matches(key, map.Amount, AmountNames)) amount = i;
        }
        if (map.Modifier is not null && modifier is null) return null;
        return code is { } c && amount is { } a ? (c, modifier, a) : null;
    }

    private static bool Matches(string key, string? mapped, string[] usual) =>
        mapped is not null ? key == HeaderKey.Of(mapped) : Array.IndexOf(usual, key) >= 0;

    private static string Describe(FeeColumnMap map) =>
        string.Join(", ", new[] { ("code", map.Code), ("modifier", map.Modifier), ("amount", map.Amount) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={p.Item2}"));
}
