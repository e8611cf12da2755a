using FeeEngine.Core.Codes;

namespace FeeEngine.Core.Contracts;

/// <summary>A contracted fixed amount per unit for a code, optionally for one modifier (e.g. 71046-26).</summary>
public readonly record struct FixedFee(HcpcsCode Code, Modifier Modifier, Money.Money Amount)
{
    /// <summary>The amount in whole cents (fees are whole cents: the readers refuse fractions of a cent).</summary>
    public long Cents => (long)decimal.Round(Amount.Amount * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>How reports name a carve-out term: "carve-out 99213" or "carve-out 71046-26".</summary>
    public string TermName => $"carve-out {Code}{(Modifier.IsNone ? "" : "-" + Modifier)}";

    public override string ToString() => $"{Code}{(Modifier.IsNone ? "" : "-" + Modifier)} {Amount}";
}

/// <summary>
/// Fixed fees by code and modifier: a payer's imported fee schedule, or the carve-outs written in a contract version.
/// A line matches the row whose modifier it carries (71046-26 for a line billed 71046 with 26 and 59), else the
/// code's row without a modifier, except that a line billed with 26 or TC (a component, not the whole service) never
/// takes the row without a modifier: it needs its own component row.
/// </summary>
public sealed class FeeSchedule
{
    private readonly Dictionary<(ulong Code, ushort Modifier), FixedFee> _fees;

    /// <param name="source">Where the fees came from, for explanations (a file name, or "contract file").</param>
    /// <exception cref="ArgumentException">A code and modifier appears twice.</exception>
    public FeeSchedule(string source, ContractPeriod period, IEnumerable<FixedFee> fees)
    {
        Source = source;
        Period = period;
        TermName = $"fee schedule {source}";
        _fees = [];
        foreach (var fee in fees)
        {
            if (!_fees.TryAdd((fee.Code.Packed, fee.Modifier.Packed), fee))
                throw new ArgumentException($"Fee schedule '{source}' lists {fee.Code}{(fee.Modifier.IsNone ? "" : "-" + fee.Modifier)} twice.", nameof(fees));
        }
    }

    public string Source { get; }
    public ContractPeriod Period { get; }
    /// <summary>How reports name the term of a line priced from this schedule: "fee schedule acme-2025.xlsx".</summary>
    public string TermName { get; }
    public int Count => _fees.Count;
    public IEnumerable<FixedFee> Fees => _fees.Values;

    public FixedFee? Find(HcpcsCode code, ModifierList modifiers)
    {
        for (var i = 0; i < modifiers.Count; i++)
            if (_fees.TryGetValue((code.Packed, modifiers[i].Packed), out var withModifier)) return withModifier;
        if (modifiers.Contains(Modifier.ProfessionalComponent) || modifiers.Contains(Modifier.TechnicalComponent)) return null;
        return _fees.TryGetValue((code.Packed, 0), out var plain) ? plain : null;
    }
}
