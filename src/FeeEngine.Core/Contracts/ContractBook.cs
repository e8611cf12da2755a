using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Contracts;

/// <summary>
/// Every loaded contract, found by payer. A line names its payer as <c>Payer</c> or <c>Payer/Contract</c> (names
/// compare without regard to case); a payer with one contract in force on the date needs no contract name.
/// </summary>
public sealed class ContractBook
{
    private readonly Dictionary<string, Contract[]> _byPayer;

    public ContractBook(IEnumerable<Contract> contracts)
    {
        _byPayer = contracts.GroupBy(c => c.Payer, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public static ContractBook Empty { get; } = new([]);

    public IEnumerable<Contract> Contracts => _byPayer.Values.SelectMany(c => c);

    /// <summary>The contract that prices the payer's lines on the date, or null with the reason.</summary>
    public Contract? FindOrNull(string payer, LocalDate date, out string? reason)
    {
        reason = null;
        var slash = payer.IndexOf('/', StringComparison.Ordinal);
        var payerName = (slash < 0 ? payer : payer[..slash]).Trim();
        var contractName = slash < 0 ? null : payer[(slash + 1)..].Trim();
        if (!_byPayer.TryGetValue(payerName, out var contracts))
        {
            reason = _byPayer.Count == 0
                ? $"no payer contracts are loaded (payer '{payerName}')"
                : $"payer '{payerName}' has no contract loaded (payers: {string.Join(", ", _byPayer.Keys.Order(StringComparer.OrdinalIgnoreCase))})";
            return null;
        }
        if (contractName is not null)
        {
            var named = contracts.FirstOrDefault(c => string.Equals(c.Name, contractName, StringComparison.OrdinalIgnoreCase));
            if (named is null) reason = $"payer '{payerName}' has no contract '{contractName}' (contracts: {string.Join(", ", contracts.Select(c => c.Name))})";
            else if (!named.InForceOn(date)) reason = NotInForce(named, date);
            return reason is null ? named : null;
        }
        Contract? found = null;
        foreach (var c in contracts)
        {
            if (!c.InForceOn(date)) continue;
            if (found is not null)
            {
                reason = $"payer '{payerName}' has more than one contract in force on {EffectivePeriod.Iso(date)} ({found.Name}, {c.Name}): name one as '{payerName}/{found.Name}'";
                return null;
            }
            found = c;
        }
        if (found is null)
            reason = contracts.Length == 1 ? NotInForce(contracts[0], date) : $"no contract of payer '{payerName}' is in force on {EffectivePeriod.Iso(date)}";
        return found;
    }

    private static string NotInForce(Contract c, LocalDate date)
    {
        var periods = c.Versions.Select(v => $"{v.Label} {v.Period}").Concat(c.FeeSchedules.Select(f => $"fee schedule {f.Period}")).ToList();
        return $"contract '{c}' is not in force on {EffectivePeriod.Iso(date)} ({(periods.Count == 0 ? "it has no versions" : string.Join("; ", periods))})";
    }
}
