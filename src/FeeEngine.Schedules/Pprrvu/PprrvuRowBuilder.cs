using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules;

/// <summary>
/// Turns the raw text fields of a PPRRVU row, however the file delivered them (CSV, XLSX or TXT), into an
/// <see cref="RvuRecord"/>. One conversion for all three forms is what makes them load to identical rows.
/// </summary>
internal sealed class PprrvuRowBuilder(DiagnosticCollector diagnostics)
{
    private readonly FieldParser _p = new(diagnostics);
    private readonly Dictionary<ulong, int> _firstLineByKey = new(20_000);
    private readonly List<RvuRecord> _rows = new(20_000);

    public IReadOnlyList<RvuRecord> Rows => _rows;

    public FieldParser Parser => _p;

    /// <summary>Converts one row; problems go to the diagnostics and the row is dropped.</summary>
    /// <param name="raw">Trimmed field text by <see cref="PprrvuField"/>; null where the file has no such column.</param>
    public void Add(string?[] raw, int line)
    {
        _p.StartRow(line);
        var code = _p.Hcpcs(Name(PprrvuField.Hcpcs), Text(raw, PprrvuField.Hcpcs));
        var modifier = _p.Modifier(Name(PprrvuField.Modifier), Text(raw, PprrvuField.Modifier));
        var keyOk = _p.RowOk;
        var statusText = Text(raw, PprrvuField.Status);
        var status = ' ';
        if (statusText.Length == 1 && PfsStatus.IsKnown(char.ToUpperInvariant(statusText[0])))
            status = char.ToUpperInvariant(statusText[0]);
        else
            _p.Problem(Name(PprrvuField.Status), statusText, statusText.Length == 0 ? "missing status code" : "unknown status code");

        var notUsed = Text(raw, PprrvuField.NotUsedForMedicare);
        if (notUsed.Length > 1)
            _p.Problem(Name(PprrvuField.NotUsedForMedicare), notUsed, "invalid value: expected one character or blank");

        var record = new RvuRecord
        {
            Code = code,
            Modifier = modifier,
            Status = status,
            NotUsedForMedicare = notUsed,
            WorkRvu = Rvu(raw, PprrvuField.WorkRvu),
            NonFacilityPeRvu = Rvu(raw, PprrvuField.NonFacilityPeRvu),
            NonFacilityNa = _p.NaFlag(Name(PprrvuField.NonFacilityNa), Text(raw, PprrvuField.NonFacilityNa)),
            FacilityPeRvu = Rvu(raw, PprrvuField.FacilityPeRvu),
            FacilityNa = _p.NaFlag(Name(PprrvuField.FacilityNa), Text(raw, PprrvuField.FacilityNa)),
            MpRvu = Rvu(raw, PprrvuField.MpRvu),
            NonFacilityTotal = _p.OptionalRvu(Name(PprrvuField.NonFacilityTotal), raw[(int)PprrvuField.NonFacilityTotal]),
            FacilityTotal = _p.OptionalRvu(Name(PprrvuField.FacilityTotal), raw[(int)PprrvuField.FacilityTotal]),
            PcTcIndicator = Digit(raw, PprrvuField.PcTc),
            GlobalDays = _p.Code(Name(PprrvuField.GlobalDays), Text(raw, PprrvuField.GlobalDays), 3, optional: false),
            PreOpShare = Share(raw, PprrvuField.PreOp),
            IntraOpShare = Share(raw, PprrvuField.IntraOp),
            PostOpShare = Share(raw, PprrvuField.PostOp),
            MultipleProcedure = Digit(raw, PprrvuField.MultipleProcedure),
            BilateralSurgery = Digit(raw, PprrvuField.BilateralSurgery),
            AssistantSurgery = Digit(raw, PprrvuField.AssistantSurgery),
            CoSurgeons = Digit(raw, PprrvuField.CoSurgeons),
            TeamSurgery = Digit(raw, PprrvuField.TeamSurgery),
            PricingIndicator = _p.Code(Name(PprrvuField.PricingIndicator), Text(raw, PprrvuField.PricingIndicator), 1, optional: true),
            EndoscopicBase = EndoscopicBase(raw),
            FileConversionFactor = _p.OptionalConversionFactor(Name(PprrvuField.ConversionFactor), Text(raw, PprrvuField.ConversionFactor)),
            PhysicianSupervision = _p.Code(Name(PprrvuField.PhysicianSupervision), Text(raw, PprrvuField.PhysicianSupervision), 2, optional: true),
            CalculationFlag = _p.Code(Name(PprrvuField.CalculationFlag), Text(raw, PprrvuField.CalculationFlag), 1, optional: true),
            ImagingFamily = _p.Code(Name(PprrvuField.ImagingFamily), Text(raw, PprrvuField.ImagingFamily), 2, optional: true),
            OppsNonFacilityPeRvu = _p.OptionalRvu(Name(PprrvuField.OppsNonFacilityPe), raw[(int)PprrvuField.OppsNonFacilityPe]),
            OppsFacilityPeRvu = _p.OptionalRvu(Name(PprrvuField.OppsFacilityPe), raw[(int)PprrvuField.OppsFacilityPe]),
            OppsMpRvu = _p.OptionalRvu(Name(PprrvuField.OppsMp), raw[(int)PprrvuField.OppsMp]),
        };
        // A duplicate is a problem even when either row has others: both must be fixed before the file loads.
        if (keyOk)
        {
            var key = new RvuKey(code, modifier);
            if (_firstLineByKey.TryGetValue(key.Packed, out var firstLine))
                _p.Problem("HCPCS+MOD", key.ToString(), $"duplicate key: already on line {firstLine}");
            else
                _firstLineByKey.Add(key.Packed, line);
        }
        if (_p.RowOk) _rows.Add(record);
    }

    private static string Name(PprrvuField field) => PprrvuColumns.Name(field);

    private static string Text(string?[] raw, PprrvuField field) => raw[(int)field] ?? "";

    private Rvu Rvu(string?[] raw, PprrvuField field) => _p.Rvu(Name(field), Text(raw, field));

    private char Digit(string?[] raw, PprrvuField field) =>
        _p.Char(Name(field), Text(raw, field), char.IsAsciiDigit, "one digit 0-9");

    // Pre-, intra- and post-operative shares of a global package: fractions, ".10" in TXT and "0.10" in CSV.
    private decimal Share(string?[] raw, PprrvuField field) =>
        _p.OptionalDecimal(Name(field), Text(raw, field), 0m, 1m) ?? 0m;

    private string EndoscopicBase(string?[] raw)
    {
        var text = Text(raw, PprrvuField.EndoscopicBase);
        if (text.Length == 0) return "";
        if (text.Length == 5 && HcpcsCode.TryParse(text, out var code)) return code.ToString();
        _p.Problem(Name(PprrvuField.EndoscopicBase), text, "invalid HCPCS code: expected 5 letters or digits");
        return "";
    }
}
