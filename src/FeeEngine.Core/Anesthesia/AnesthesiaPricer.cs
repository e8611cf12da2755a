using System.Globalization;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;

namespace FeeEngine.Core.Anesthesia;

/// <summary>
/// Prices anesthesia lines under the Medicare PFS (42 CFR 414.46):
/// <c>allowed = (base units + time units) x the locality's anesthesia CF x the payment modifier's share</c>,
/// computed at full precision and rounded once to cents (<see cref="Money.PfsRounding"/>).
/// <list type="bullet">
/// <item>The locality CF comes from the ANES file of the release in force on the date of service (or the latest
/// earlier release of the same year that has one); without one the line is an error, never a guess.</item>
/// <item>Base units come from <see cref="AnesthesiaBaseUnitTable"/> by code and date of service.</item>
/// <item>Time units: <see cref="AnesthesiaTime.TimeUnits"/>.</item>
/// <item>Payment modifiers, exactly one per line: AA (personally performed) and QZ (CRNA without medical direction)
/// 100%; QK, QX, QY (medical direction) 50% each; AD (medical supervision of more than four concurrent procedures)
/// 3 base units and no time units. The extra unit CMS allows under AD when the physician was present at induction is
/// <b>not</b> paid: a claim line here does not say whether they were (no input for it yet).</item>
/// </list>
/// Other modifiers (physical status P1-P6, QS, G8, G9, 23, 47, ...) do not change the Medicare payment and are noted.
/// Pure: all reference data comes in through the constructor.
/// </summary>
public sealed class AnesthesiaPricer(PfsCatalog catalog, AnesthesiaBaseUnitTable baseUnits)
{
    /// <summary>Base units paid under AD, whatever the code.</summary>
    public const decimal SupervisionBaseUnits = 3m;

    /// <summary>Share of the personally performed amount paid for a medically directed service (QK, QX, QY).</summary>
    public const decimal MedicalDirectionShare = 0.5m;

    /// <summary>The import command named in the "base units not loaded" error.</summary>
    public const string ImportBaseUnitsCommand = "feeengine import anesthesia-base-units FILE";

    private static readonly PaymentModifier[] PaymentModifiers =
    [
        new(Modifier.Parse("AA"), 1m, false, "AA anesthesia personally performed by an anesthesiologist: 100%"),
        new(Modifier.Parse("QZ"), 1m, false, "QZ CRNA service without medical direction by a physician: 100%"),
        new(Modifier.Parse("QK"), MedicalDirectionShare, false, "QK medical direction of two, three or four concurrent anesthesia procedures: 50%"),
        new(Modifier.Parse("QX"), MedicalDirectionShare, false, "QX CRNA service with medical direction by a physician: 50%"),
        new(Modifier.Parse("QY"), MedicalDirectionShare, false, "QY medical direction of one CRNA by an anesthesiologist: 50%"),
        new(Modifier.Parse("AD"), 1m, true, "AD medical supervision of more than four concurrent anesthesia procedures: 3 base units, no time units"),
    ];

    private static readonly string PaymentModifierList = string.Join(", ", PaymentModifiers.Select(p => p.Modifier.ToString()));

    public PfsCatalog Catalog => catalog;

    public AnesthesiaBaseUnitTable BaseUnits => baseUnits;

    /// <summary>
    /// True for a CPT anesthesia code: five digits, 00100 through 01999. (Codes such as 0012F or 0042T sort inside
    /// that range as text but are not anesthesia codes.)
    /// </summary>
    public static bool IsAnesthesiaCode(HcpcsCode code)
    {
        if (code.IsDefault) return false;
        var packed = code.Packed;
        var value = 0;
        for (var shift = 32; shift >= 0; shift -= 8)
        {
            var c = (char)((packed >> shift) & 0xFF);
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }
        return value is >= 100 and <= 1999;
    }

    /// <summary>Prices one anesthesia line.</summary>
    /// <param name="minutes">The anesthesia time in minutes (claim item 24G); required unless the payment modifier is AD.</param>
    public AnesthesiaPrice Price(in PfsLine line, int? minutes)
    {
        var inv = CultureInfo.InvariantCulture;
        var steps = new List<string>
        {
            $"Line: {line.Code}{(line.Modifiers.Count > 0 ? $" modifiers {line.Modifiers}" : "")}, date of service {EffectivePeriod.Iso(line.DateOfService)}, locality {line.Locality}{(minutes is { } m ? $", {m} anesthesia minutes" : "")}.",
        };

        if (!IsAnesthesiaCode(line.Code))
            return Fail(line, minutes, steps, $"{line.Code} is not an anesthesia code (CPT 00100-01999): anesthesia pricing does not apply");
        if (line.Units != 1)
            return Fail(line, minutes, steps, $"an anesthesia line is priced once from its time: units must be 1, got {line.Units} (give the time in anesthesia_minutes)");

        var payment = PaymentModifierOf(line.Modifiers, out var modifierError, out var others);
        if (payment is null) return Fail(line, minutes, steps, modifierError!);

        if (!payment.Supervision)
        {
            if (minutes is null)
                return Fail(line, minutes, steps, $"anesthesia_minutes is required for a personally performed or medically directed anesthesia line (modifier {payment.Modifier}): time units are minutes / 15");
            if (minutes < 0)
                return Fail(line, minutes, steps, $"anesthesia_minutes must be 0 or more, got {minutes}");
        }

        var source = catalog.FindAnesthesiaSourceOrNull(line.DateOfService);
        if (source is null)
            return Fail(line, minutes, steps, $"no ANES file (locality anesthesia CFs) is loaded for {line.DateOfService.Year}; anesthesia cannot be priced without it");
        var cf = source.FindAnesthesiaOrNull(line.Locality);
        if (cf is null)
            return Fail(line, minutes, steps, $"locality {line.Locality} is not in the ANES file of release {source.Id}", source);

        decimal @base, time;
        if (payment.Supervision)
        {
            @base = SupervisionBaseUnits;
            time = 0m;
            steps.Add($"Base units: {SupervisionBaseUnits.ToString(inv)} (AD medical supervision: 3 base units whatever the code; {line.Code}'s own base units are not used).");
            steps.Add(minutes is { } given
                ? $"Time: none paid under AD ({given} minutes given, not used). The extra unit for presence at induction is not applied: FeeEngine has no input for it yet."
                : "Time: none paid under AD. The extra unit for presence at induction is not applied: FeeEngine has no input for it yet.");
        }
        else
        {
            var row = baseUnits.FindOrNull(line.Code, line.DateOfService);
            if (row is null)
                return Fail(line, minutes, steps,
                    $"anesthesia base units for {line.Code} are not loaded for {EffectivePeriod.Iso(line.DateOfService)}: import a base-unit file with '{ImportBaseUnitsCommand}'", source);
            @base = row.BaseUnits;
            time = AnesthesiaTime.TimeUnits(minutes!.Value);
            steps.Add($"Base units: {row.BaseUnits.ToString(inv)} for {line.Code}, effective from {EffectivePeriod.Iso(row.EffectiveFrom)}{(row.Source is null ? "" : $" ({row.Source})")}.");
            steps.Add($"Time: {minutes.Value} minutes / {AnesthesiaTime.MinutesPerUnit} = {time.ToString(inv)} time units (one decimal, midpoint away from zero).");
        }

        steps.Add($"Locality anesthesia CF: {cf.ConversionFactor.ToString(inv)} for {cf.Locality} {cf.Name}, from the ANES file of release {source.Id} (effective {EffectivePeriod.Iso(source.EffectiveFrom)})"
                  + (catalog.FindInForceOrNull(line.DateOfService) is { } inForce && inForce != source
                      ? $"; release {inForce.Id} in force on the date has no ANES file, so the latest earlier release of the year that has one is used."
                      : "."));
        steps.Add($"Payment modifier {payment.Rule}.");
        if (others.Length > 0)
            steps.Add($"Modifier{(others.Contains(',', StringComparison.Ordinal) ? "s" : "")} {others} do{(others.Contains(',', StringComparison.Ordinal) ? "" : "es")} not change the Medicare anesthesia payment.");

        var units = @base + time;
        var unrounded = units * cf.ConversionFactor;
        if (payment.Factor != 1m) unrounded *= payment.Factor;
        var allowed = Money.PfsRounding.ToCents(new Money.Money(unrounded));
        var shareText = payment.Factor == 1m ? "" : $" x {(payment.Factor * 100m).ToString("0.##", inv)}%";
        steps.Add($"Allowed = ({@base.ToString(inv)} + {time.ToString(inv)}) x {cf.ConversionFactor.ToString(inv)}{shareText} = {Plain(unrounded)}, rounded once to cents ({Money.PfsRounding.Midpoint}) = {allowed}.");

        return new AnesthesiaPrice(line, PricingOutcome.Priced, null, steps)
        {
            BaseUnits = @base,
            TimeUnits = time,
            Minutes = minutes,
            LocalityConversionFactor = cf.ConversionFactor,
            AnesthesiaRelease = source.Id,
            ModifierFactor = payment.Factor,
            ModifierRule = payment.Rule,
            AllowedUnrounded = unrounded,
            Allowed = allowed,
        };
    }

    private static AnesthesiaPrice Fail(in PfsLine line, int? minutes, List<string> steps, string message, PfsRelease? source = null)
    {
        steps.Add($"Error: {message}");
        return new AnesthesiaPrice(line, PricingOutcome.Error, message, steps) { Minutes = minutes, AnesthesiaRelease = source?.Id };
    }

    /// <summary>The line's one payment modifier; null with the reason when it has none or several.</summary>
    private static PaymentModifier? PaymentModifierOf(in ModifierList modifiers, out string? error, out string others)
    {
        PaymentModifier? found = null;
        var conflicting = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < modifiers.Count; i++)
        {
            var m = modifiers[i];
            var p = Array.Find(PaymentModifiers, x => x.Modifier == m);
            if (p is null) { rest.Add(m.ToString()); continue; }
            if (found is null) found = p;
            conflicting.Add(m.ToString());
        }
        others = string.Join(", ", rest);
        error = null;
        if (conflicting.Count > 1)
        {
            error = $"modifiers {string.Join(" and ", conflicting)} cannot be combined: an anesthesia line carries exactly one of {PaymentModifierList}";
            return null;
        }
        if (found is null)
        {
            error = $"an anesthesia line needs one payment modifier ({PaymentModifierList}) to say who furnished it and how; none was given";
            return null;
        }
        return found;
    }

    /// <summary>Invariant text without trailing zeros (111.9980 prints 111.998); the value is unchanged.</summary>
    private static string Plain(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private sealed record PaymentModifier(Modifier Modifier, decimal Factor, bool Supervision, string Rule);
}
