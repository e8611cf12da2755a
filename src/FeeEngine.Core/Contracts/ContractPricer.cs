using System.Globalization;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Time;

namespace FeeEngine.Core.Contracts;

/// <summary>
/// Prices claim lines under payer contracts. For each line: the payer's contract in force on the date of service, its
/// version and fee schedule in force; then the first of these that can price the line: the version's fixed-fee
/// carve-outs, the imported fee schedule, the version's terms in the order written, its default term. A line nothing
/// prices is unpriced, with each term's reason. Amounts are rounded to cents once, half away from zero.
/// Expected amount = contract amount for all units after Medicare's payment policies when the version applies them
/// (the default), then the lower of it and the billed charge when the version pays lesser-of.
/// </summary>
public sealed class ContractPricer(ContractBook book, MedicareClaimPricer medicare)
{
    public ContractBook Book => book;

    /// <param name="medicareAsBilled">The claim already priced by Medicare as billed, when the caller has it (the
    /// price-file does); priced here otherwise.</param>
    public ContractClaimPrice Price(Claim claim, string payer, ClaimPrice? medicareAsBilled = null)
    {
        var bases = new MedicareBases(claim, medicareAsBilled, medicare);
        var lines = new ExpectedLinePrice[claim.Lines.Count];
        for (var i = 0; i < lines.Length; i++) lines[i] = PriceLine(claim.Lines[i], i, payer, bases);
        return new ContractClaimPrice(claim, payer, lines);
    }

    private ExpectedLinePrice PriceLine(ClaimLine line, int index, string payer, MedicareBases bases)
    {
        var date = line.Service.DateOfService;
        var contract = book.FindOrNull(payer, date, out var noContract);
        if (contract is null) return Unpriced(line, noContract!, null, null);
        var version = contract.VersionOn(date);
        var feeSchedule = contract.FeeScheduleOn(date);
        var code = line.Service.Code;
        var modifiers = line.Service.Modifiers;

        if (version?.CarveOuts?.Find(code, modifiers) is { } carveOut)
            return Fixed(line, index, contract, version, carveOut, $"carve-out {carveOut.Code}{(carveOut.Modifier.IsNone ? "" : "-" + carveOut.Modifier)}", "the version's fixed-fee carve-out", bases);
        if (feeSchedule?.Find(code, modifiers) is { } scheduled)
            return Fixed(line, index, contract, version, scheduled, $"fee schedule {feeSchedule.Source}", $"fee schedule '{feeSchedule.Source}' ({feeSchedule.Period})", bases);
        if (version is null)
            return Unpriced(line, $"{code} is not on fee schedule '{feeSchedule!.Source}' of contract '{contract}', and no contract version is in force on {EffectivePeriod.Iso(date)} to price it", contract, null);

        var tried = new List<string>();
        foreach (var term in version.Terms)
            if (TryTerm(line, index, contract, version, term, bases, tried) is { } priced) return priced;
        if (version.Default is { } fallback && TryTerm(line, index, contract, version, fallback, bases, tried) is { } byDefault) return byDefault;

        var why = tried.Count == 0 ? "no term covers the code" : string.Join("; ", tried);
        return Unpriced(line, $"no term of contract '{contract}' version '{version.Label}' prices {code}: {why}{(version.Default is null ? "; the version has no default term" : "")}", contract, version);
    }

    private static ExpectedLinePrice? TryTerm(ClaimLine line, int index, Contract contract, ContractVersion version, ContractTerm term, MedicareBases bases, List<string> tried)
    {
        if (!term.Scope.Includes(line.Service.Code)) return null;
        if (term.Method == TermMethod.PercentOfCharges)
        {
            if (line.BilledCharge is not { } charge)
            {
                tried.Add($"'{term.Name}' needs the billed charge, which the line lacks");
                return null;
            }
            var amount = Percent(charge.Amount, term.Percent);
            return Priced(line, contract, version, term.Name, amount, null, () =>
                [$"{term.Percent.ToString("0.###", CultureInfo.InvariantCulture)}% of the billed charge {charge} = {Money(amount)}."]);
        }

        var basis = bases.For(term.MedicareBase)[index];
        if (!basis.IsPriced)
        {
            tried.Add($"'{term.Name}': {term.MedicareBase} does not price it ({basis.Message})");
            return null;
        }
        var medicareAmount = version.MedicarePolicies ? basis.Allowed!.Value : basis.Base?.Allowed ?? basis.Allowed!.Value;
        var contractAmount = Percent(medicareAmount.Amount, term.Percent);
        return Priced(line, contract, version, term.Name, contractAmount, basis, () =>
        {
            var steps = new List<string> { $"Base: {term.MedicareBase}: the line priced by Medicare on {EffectivePeriod.Iso(basis.Line.Service.DateOfService)}, locality {basis.Line.Service.Locality}:" };
            steps.AddRange(basis.ExplainSteps().Select(s => "  " + s));
            steps.Add(version.MedicarePolicies
                ? $"Medicare amount after its payment policies{(basis.Adjustments.Count > 0 ? $" ({basis.AdjustmentsText})" : "")}: {medicareAmount}."
                : $"Medicare fee schedule amount without payment policies (the version does not apply them): {medicareAmount}.");
            steps.Add($"{term.Percent.ToString("0.###", CultureInfo.InvariantCulture)}% of {medicareAmount} = {Money(contractAmount)}.");
            return steps;
        });
    }

    private static ExpectedLinePrice Fixed(ClaimLine line, int index, Contract contract, ContractVersion? version, FixedFee fee, string termName, string source, MedicareBases bases)
    {
        var units = line.Service.Units;
        IReadOnlyList<string> applied = [];
        var factor = (decimal)units;
        if (version?.MedicarePolicies ?? true)
        {
            var medicareLine = bases.AsBilled[index];
            factor = FixedFeePolicies.UnitFactor(medicareLine.Adjustments, units, out applied);
        }
        var amount = decimal.Round(fee.Amount.Amount * factor, 2, MidpointRounding.AwayFromZero);
        return Priced(line, contract, version, termName, amount, null, () =>
        {
            var steps = new List<string> { $"Fixed fee {fee.Amount} per unit for {fee.Code}{(fee.Modifier.IsNone ? "" : "-" + fee.Modifier)}, from {source}." };
            foreach (var a in applied) steps.Add($"Medicare payment policy carried to the fee: {a}.");
            steps.Add($"{fee.Amount} x {factor.ToString("0.####", CultureInfo.InvariantCulture)} (units and policies) = {Money(amount)}.");
            return steps;
        });
    }

    private static ExpectedLinePrice Priced(ClaimLine line, Contract contract, ContractVersion? version, string term, decimal contractAmount, ClaimLinePrice? basis, Func<List<string>> termSteps)
    {
        var expected = contractAmount;
        var lesserApplied = false;
        if (version is { LesserOfBilled: true } && line.BilledCharge is { } charge && charge.Amount < contractAmount)
        {
            expected = charge.Amount;
            lesserApplied = true;
        }
        return new ExpectedLinePrice(line, () =>
        {
            var steps = new List<string> { Header(contract, version), $"Term: {term}." };
            steps.AddRange(termSteps());
            if (version is { LesserOfBilled: true })
                steps.Add(line.BilledCharge is { } billed
                    ? $"Lesser of billed charge {billed} and contract amount {Money(contractAmount)}: {Money(expected)}{(lesserApplied ? " (the charge)" : "")}."
                    : "Lesser of billed: the line has no billed charge; the contract amount stands.");
            steps.Add($"Expected: {Money(expected)}.");
            return steps;
        })
        {
            Outcome = ExpectedOutcome.Priced,
            Expected = new Money.Money(expected),
            ContractAmount = new Money.Money(contractAmount),
            Contract = contract,
            Version = version,
            Term = term,
            MedicareBasis = basis,
        };
    }

    private static ExpectedLinePrice Unpriced(ClaimLine line, string reason, Contract? contract, ContractVersion? version) =>
        new(line, () => [.. (contract is null ? Array.Empty<string>() : [Header(contract, version)]), $"Unpriced: {reason}."])
        {
            Outcome = ExpectedOutcome.Unpriced,
            Reason = reason,
            Contract = contract,
            Version = version,
        };

    private static string Header(Contract contract, ContractVersion? version) =>
        $"Contract '{contract.Name}' of payer '{contract.Payer}'" + (version is null ? " (fee schedule only)" : $", version '{version.Label}' ({version.Period})") + ".";

    /// <summary>The contract percentage of an amount, rounded once to cents, half away from zero.</summary>
    private static decimal Percent(decimal amount, decimal percent) =>
        decimal.Round(amount * percent / 100m, 2, MidpointRounding.AwayFromZero);

    private static string Money(decimal amount) => new Money.Money(amount).ToString();

    /// <summary>The claim priced by Medicare once per base schedule the contract terms ask for.</summary>
    private sealed class MedicareBases(Claim claim, ClaimPrice? asBilled, MedicareClaimPricer medicare)
    {
        private IReadOnlyList<ClaimLinePrice>? _asBilled = asBilled?.Lines;
        private List<(MedicareBase Base, IReadOnlyList<ClaimLinePrice> Lines)>? _others;

        public IReadOnlyList<ClaimLinePrice> AsBilled => _asBilled ??= medicare.Price(claim).Lines;

        public IReadOnlyList<ClaimLinePrice> For(MedicareBase b)
        {
            if (b.IsCurrent) return AsBilled;
            _others ??= [];
            foreach (var (known, lines) in _others) if (known == b) return lines;
            var moved = claim with
            {
                Lines = [.. claim.Lines.Select(l => l with
                {
                    Service = l.Service with
                    {
                        DateOfService = b.AsOf ?? l.Service.DateOfService,
                        Locality = b.Locality ?? l.Service.Locality,
                        LocalitySource = b.Locality is null ? l.Service.LocalitySource : null,
                    },
                })],
            };
            var priced = medicare.Price(moved).Lines;
            _others.Add((b, priced));
            return priced;
        }
    }
}
