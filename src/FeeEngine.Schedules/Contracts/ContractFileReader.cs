using System.Globalization;
using System.Text.Json;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Contracts;
using FeeEngine.Core.Time;
using FeeEngine.Schedules.Parsing;
using NodaTime;

namespace FeeEngine.Schedules.Contracts;

/// <summary>
/// Reads a contract file: one payer's contract with its versions and terms, written in JSON under version control
/// (see schedules/contracts/README.md for the format). Every problem is reported with the file, line, field (as a
/// JSON path) and value; a file with any problem yields nothing.
/// </summary>
public static class ContractFileReader
{
    private static readonly string[] TopFields = ["payer", "contract", "versions", "comment"];
    private static readonly string[] VersionFields = ["version", "effective_from", "effective_to", "lesser_of_billed", "medicare_policies", "carve_outs", "terms", "default", "comment"];
    private static readonly string[] TermFields = ["name", "codes", "category", "percent_of_medicare", "percent_of_charges", "medicare_year", "medicare_as_of", "locality", "comment"];
    private static readonly string[] FeeFields = ["code", "modifier", "amount", "comment"];

    public static Contract Read(string path) => Parse(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <param name="fileName">The name diagnostics give the file.</param>
    /// <exception cref="CmsFileException">The file has problems; all of them are listed.</exception>
    public static Contract Parse(byte[] utf8, string fileName)
    {
        var problems = new DiagnosticCollector(fileName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            problems.Add((int)(e.LineNumber ?? -1) + 1, null, null, $"not valid JSON: {e.Message.Split(". ")[0]}");
            throw problems.ToException();
        }
        using (document)
        {
            var reader = new Reader(new JsonLineMap(utf8), problems);
            var contract = reader.ReadContract(document.RootElement);
            if (problems.HasProblems || contract is null) throw problems.ToException();
            return contract;
        }
    }

    private sealed class Reader(JsonLineMap lines, DiagnosticCollector problems)
    {
        private void Problem(string path, JsonElement? value, string reason) =>
            problems.Add(lines.LineOf(path), path, value is { } v ? Shown(v) : null, reason);

        private static string Shown(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();

        public Contract? ReadContract(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem("", root, "the file must hold one JSON object: {\"payer\": ..., \"contract\": ..., \"versions\": [...]}");
                return null;
            }
            Unknown(root, "", TopFields);
            var payer = RequiredText(root, "", "payer");
            var name = RequiredText(root, "", "contract");
            var versions = new List<ContractVersion>();
            if (!root.TryGetProperty("versions", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                Problem("versions", list.ValueKind == JsonValueKind.Undefined ? null : list, "required: a list of at least one version");
            else
            {
                var i = 0;
                foreach (var v in list.EnumerateArray())
                    if (ReadVersion(v, $"versions[{i++}]") is { } version) versions.Add(version);
            }
            if (payer is null || name is null || problems.HasProblems) return null;
            try
            {
                return Contract.Create(payer, name, versions);
            }
            catch (ContractValidationException e)
            {
                Problem("versions", null, e.Message);
                return null;
            }
        }

        private ContractVersion? ReadVersion(JsonElement v, string path)
        {
            if (v.ValueKind != JsonValueKind.Object) { Problem(path, v, "a version must be an object"); return null; }
            Unknown(v, path, VersionFields);
            var before = problems.Total;
            var label = RequiredText(v, path, "version");
            var from = Date(v, path, "effective_from", required: true);
            var to = Date(v, path, "effective_to", required: false);
            var lesser = Bool(v, path, "lesser_of_billed", false);
            var policies = Bool(v, path, "medicare_policies", true);
            var terms = new List<ContractTerm>();
            if (v.TryGetProperty("terms", out var termList))
            {
                if (termList.ValueKind != JsonValueKind.Array) Problem($"{path}.terms", termList, "must be a list of terms");
                else
                {
                    var i = 0;
                    foreach (var t in termList.EnumerateArray())
                        if (ReadTerm(t, $"{path}.terms[{i++}]") is { } term) terms.Add(term);
                }
            }
            ContractTerm? fallback = null;
            if (v.TryGetProperty("default", out var d)) fallback = ReadTerm(d, $"{path}.default", isDefault: true);
            var carveOuts = v.TryGetProperty("carve_outs", out var fees) ? ReadFees(fees, $"{path}.carve_outs") : null;
            if (terms.Count == 0 && fallback is null && (carveOuts is null || carveOuts.Count == 0) && problems.Total == before)
                Problem(path, null, "the version prices nothing: give terms, a default or carve_outs");
            if (label is null || from is null || problems.Total != before) return null;
            if (to is { } end && end < from.Value)
            {
                Problem($"{path}.effective_to", v.GetProperty("effective_to"), $"ends before effective_from {EffectivePeriod.Iso(from.Value)}");
                return null;
            }
            var period = new ContractPeriod(from.Value, to);
            FeeSchedule? schedule = null;
            if (carveOuts is { Count: > 0 })
            {
                try { schedule = new FeeSchedule($"version {label} carve-outs", period, carveOuts); }
                catch (ArgumentException e) { Problem($"{path}.carve_outs", null, e.Message); return null; }
            }
            return new ContractVersion(label, period, terms, fallback, schedule, lesser, policies);
        }

        private ContractTerm? ReadTerm(JsonElement t, string path, bool isDefault = false)
        {
            if (t.ValueKind != JsonValueKind.Object) { Problem(path, t, "a term must be an object"); return null; }
            Unknown(t, path, TermFields);
            var before = problems.Total;
            var scope = CodeScope.All;
            var hasCodes = t.TryGetProperty("codes", out var codes);
            var hasCategory = t.TryGetProperty("category", out var category);
            if (hasCodes && hasCategory) Problem(path, null, "give codes or category, not both");
            else if (isDefault && (hasCodes || hasCategory)) Problem(path, null, "the default term covers every code: it takes no codes or category");
            else if (hasCodes)
            {
                if (codes.ValueKind != JsonValueKind.String || !CodeScope.TryParseCodes(codes.GetString()!, out scope, out var error))
                    Problem($"{path}.codes", codes, codes.ValueKind == JsonValueKind.String ? lastError(codes.GetString()!) : "must be text, e.g. \"99202-99499, G0438\"");
            }
            else if (hasCategory)
            {
                if (category.ValueKind != JsonValueKind.String || !CodeScope.TryCategory(category.GetString()!, out scope, out var error))
                    Problem($"{path}.category", category, category.ValueKind == JsonValueKind.String ? categoryError(category.GetString()!) : "must be text");
            }

            var ofMedicare = Percent(t, path, "percent_of_medicare");
            var ofCharges = Percent(t, path, "percent_of_charges");
            if ((ofMedicare is null) == (ofCharges is null) && problems.Total == before)
                Problem(path, null, "give exactly one of percent_of_medicare or percent_of_charges");
            MedicareBase? medicareBase = null;
            LocalDate? asOf = null;
            LocalityId? locality = null;
            if (t.TryGetProperty("medicare_year", out var year))
            {
                if (year.ValueKind != JsonValueKind.Number || !year.TryGetInt32(out var y) || y is < 1992 or > 2100)
                    Problem($"{path}.medicare_year", year, "must be a year such as 2024");
                else asOf = new LocalDate(y, 1, 1);
            }
            if (Date(t, path, "medicare_as_of", required: false) is { } d)
            {
                if (asOf is not null) Problem($"{path}.medicare_as_of", t.GetProperty("medicare_as_of"), "give medicare_year or medicare_as_of, not both");
                asOf = d;
            }
            if (t.TryGetProperty("locality", out var loc))
            {
                if (loc.ValueKind != JsonValueKind.String || !LocalityId.TryParse(loc.GetString()!, out var parsed))
                    Problem($"{path}.locality", loc, "must be a Medicare locality MMMMM-LL, e.g. 05102-18");
                else locality = parsed;
            }
            if (ofCharges is not null && (asOf is not null || locality is not null))
                Problem(path, null, "medicare_year, medicare_as_of and locality apply to percent_of_medicare only");
            if (asOf is not null || locality is not null) medicareBase = new MedicareBase(asOf, locality);
            if (problems.Total != before) return null;

            var method = ofMedicare is not null ? TermMethod.PercentOfMedicare : TermMethod.PercentOfCharges;
            var percent = ofMedicare ?? ofCharges!.Value;
            var provisional = new ContractTerm("", scope, method, percent, medicareBase);
            var name = t.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString())
                ? n.GetString()!.Trim()
                : (isDefault ? "default: " : "") + provisional.Describe();
            return provisional with { Name = name };

            static string lastError(string text) => CodeScope.TryParseCodes(text, out _, out var e) ? "" : e!;
            static string categoryError(string text) => CodeScope.TryCategory(text, out _, out var e) ? "" : e!;
        }

        private List<FixedFee>? ReadFees(JsonElement fees, string path)
        {
            if (fees.ValueKind != JsonValueKind.Array) { Problem(path, fees, "must be a list of {\"code\", \"modifier\", \"amount\"}"); return null; }
            var result = new List<FixedFee>();
            var i = 0;
            foreach (var f in fees.EnumerateArray())
            {
                var at = $"{path}[{i++}]";
                if (f.ValueKind != JsonValueKind.Object) { Problem(at, f, "a carve-out must be an object"); continue; }
                Unknown(f, at, FeeFields);
                var codeText = RequiredText(f, at, "code");
                if (codeText is null) continue;
                if (!HcpcsCode.TryParse(codeText, out var code)) { Problem($"{at}.code", f.GetProperty("code"), "not a HCPCS code (5 letters or digits)"); continue; }
                var modifier = Modifier.None;
                if (f.TryGetProperty("modifier", out var m) && (m.ValueKind != JsonValueKind.String || !Modifier.TryParse(m.GetString()!, out modifier)))
                {
                    Problem($"{at}.modifier", m, "not a modifier (2 letters or digits)");
                    continue;
                }
                if (!f.TryGetProperty("amount", out var a)) { Problem(at, null, "amount is required"); continue; }
                var text = a.ValueKind switch { JsonValueKind.Number => a.GetRawText(), JsonValueKind.String => a.GetString()!, _ => "" };
                if (!MoneyText.TryParse(text, out var amount, out var reason)) { Problem($"{at}.amount", a, reason!); continue; }
                result.Add(new FixedFee(code, modifier, new Core.Money.Money(amount)));
            }
            return result;
        }

        private decimal? Percent(JsonElement e, string path, string field)
        {
            if (!e.TryGetProperty(field, out var p)) return null;
            if (p.ValueKind != JsonValueKind.Number || !decimal.TryParse(p.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0m || value > 1000m)
            {
                Problem($"{path}.{field}", p, "must be a percentage above 0 and at most 1000, e.g. 120 for 120%");
                return null;
            }
            return value;
        }

        private string? RequiredText(JsonElement e, string path, string field)
        {
            var at = path.Length == 0 ? field : $"{path}.{field}";
            if (!e.TryGetProperty(field, out var v)) { Problem(path.Length == 0 ? field : path, null, $"{field} is required"); return null; }
            if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())) { Problem(at, v, "must be non-empty text"); return null; }
            return v.GetString()!.Trim();
        }

        private LocalDate? Date(JsonElement e, string path, string field, bool required)
        {
            if (!e.TryGetProperty(field, out var v))
            {
                if (required) Problem(path, null, $"{field} is required");
                return null;
            }
            if (v.ValueKind == JsonValueKind.String && EffectivePeriod.TryParseIso(v.GetString()!, out var date)) return date;
            Problem($"{path}.{field}", v, "must be a date YYYY-MM-DD");
            return null;
        }

        private bool Bool(JsonElement e, string path, string field, bool fallback)
        {
            if (!e.TryGetProperty(field, out var v)) return fallback;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            Problem($"{path}.{field}", v, "must be true or false");
            return fallback;
        }

        private void Unknown(JsonElement e, string path, string[] known)
        {
            foreach (var p in e.EnumerateObject())
                if (Array.IndexOf(known, p.Name) < 0)
                    Problem(path.Length == 0 ? p.Name : $"{path}.{p.Name}", null, $"unknown field; expected one of {string.Join(", ", known)}");
        }
    }
}
