using FeeEngine.Core.Claims;
using FeeEngine.Core.Time;
using NodaTime;

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
        // A claim's lines share their date: the contract, version and fee schedule are found once for it.
        InForce? inForce = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var date = claim.Lines[i].Service.DateOfService;
            if (inForce is not { } known || known.Date != date) inForce = Find(payer, date);
            lines[i] = PriceLine(claim.Lines[i], i, inForce.Value, bases);
        }
        return new ContractClaimPrice(claim, payer, lines);
    }

    private readonly record struct InForce(LocalDate Date, Contract? Contract, ContractVersion? Version, FeeSchedule? FeeSchedule, string? Reason);

    private InForce Find(string payer, LocalDate date)
    {
        var contract = book.FindOrNull(payer, date, out var reason);
        return new InForce(date, contract, contract?.VersionOn(date), contract?.FeeScheduleOn(date), reason);
    }

    private static ExpectedLinePrice PriceLine(ClaimLine line, int index, InForce inForce, MedicareBases bases)
    {
        if (inForce.Contract is not { } contract) return Unpriced(line, inForce.Reason!, null, null);
        var (version, feeSchedule) = (inForce.Version, inForce.FeeSchedule);
        var code = line.Service.Code;
        var modifiers = line.Service.Modifiers;

        if (version?.CarveOuts?.Find(code, modifiers) is { } carveOut)
            return Fixed(line, index, contract, version, carveOut, carveOut.TermName, "the version's fixed-fee carve-outs", bases);
        if (feeSchedule?.Find(code, modifiers) is { } scheduled)
            return Fixed(line, index, contract, version, scheduled, feeSchedule.TermName, $"fee schedule '{feeSchedule.Source}' ({feeSchedule.Period})", bases);
        if (version is null)
            return Unpriced(line, $"{code} is not on fee schedule '{feeSchedule!.Source}' of contract '{contract}', and no contract version is in force on {EffectivePeriod.Iso(line.Service.DateOfService)} to price it", contract, null);

        List<string>? tried = null;
        foreach (var term in version.Terms)
            if (TryTerm(line, index, contract, version, term, bases, ref tried) is { } priced) return priced;
        if (version.Default is { } fallback && TryTerm(line, index, contract, version, fallback, bases, ref tried) is { } byDefault) return byDefault;

        var why = tried is null ? "no term covers the code" : string.Join("; ", tried);
        return Unpriced(line, $"no term of contract '{contract}' version '{version.Label}' prices {code}: {why}{(version.Default is null ? "; the version has no default term" : "")}", contract, version);
    }

    private static ExpectedLinePrice? TryTerm(ClaimLine line, int index, Contract contract, ContractVersion version, ContractTerm term, MedicareBases bases, ref List<string>? tried)
    {
        if (!term.Scope.Includes(line.Service.Code)) return null;
        if (term.Method == TermMethod.PercentOfCharges)
        {
            if (line.BilledCharge is not { } charge)
            {
                (tried ??= []).Add($"'{term.Name}' needs the billed charge, which the line lacks");
                return null;
            }
            var ofCharge = term.PercentOfCents(ToCents(charge.Amount));
            var (expected, lesser) = LesserOfBilled(line, version, ofCharge);
            return new ExpectedLinePrice(line)
            {
                Outcome = ExpectedOutcome.Priced, Cents = (expected, ofCharge), LesserOfBilledApplied = lesser,
                Contract = contract, Version = version, Term = term.Name,
                Basis = ContractBasis.PercentOfCharges, Percent = term.Percent, PercentOf = charge.Amount,
            };
        }

        var basis = bases.For(term.MedicareBase)[index];
        if (!basis.IsPriced)
        {
            (tried ??= []).Add($"'{term.Name}': {term.MedicareBase} does not price it ({basis.Message})");
            return null;
        }
        var medicareCents = version.MedicarePolicies || basis.Base is null ? basis.AllowedCents!.Value : basis.Base.Value.UnitCents * line.Service.Units;
        var ofMedicare = term.PercentOfCents(medicareCents);
        var (expectedCents, lesserApplied) = LesserOfBilled(line, version, ofMedicare);
        return new ExpectedLinePrice(line)
        {
            Outcome = ExpectedOutcome.Priced, Cents = (expectedCents, ofMedicare), LesserOfBilledApplied = lesserApplied,
            Contract = contract, Version = version, Term = term.Name,
            Basis = ContractBasis.PercentOfMedicare, Percent = term.Percent, PercentOf = medicareCents / 100m,
            MedicareBase = term.MedicareBase, MedicareBasis = basis,
        };
    }

    private static ExpectedLinePrice Fixed(ClaimLine line, int index, Contract contract, ContractVersion? version, FixedFee fee, string termName, string source, MedicareBases bases)
    {
        var units = line.Service.Units;
        var factor = (decimal)units;
        ClaimLinePrice? medicareLine = null;
        if (version?.MedicarePolicies ?? true)
        {
            medicareLine = bases.AsBilled[index];
            if (medicareLine.Adjustments.Count > 0) factor = FixedFeePolicies.UnitFactor(medicareLine.Adjustments, units, out _);
        }
        // A whole number of units with no policy is exact in cents; only a policy percentage needs rounding.
        var cents = factor == units ? fee.Cents * units : ToCents(fee.Amount.Amount * factor);
        var (expected, lesser) = LesserOfBilled(line, version, cents);
        return new ExpectedLinePrice(line)
        {
            Outcome = ExpectedOutcome.Priced, Cents = (expected, cents), LesserOfBilledApplied = lesser,
            Contract = contract, Version = version, Term = termName,
            Basis = ContractBasis.FixedFee, Fee = fee, FeeSource = source, FeeFactor = factor, MedicareBasis = medicareLine,
        };
    }

    /// <summary>The expected cents: the lower of the billed charge and the contract amount when the version pays lesser-of.</summary>
    private static (long Expected, bool LesserApplied) LesserOfBilled(ClaimLine line, ContractVersion? version, long contractCents)
    {
        if (version is { LesserOfBilled: true } && line.BilledCharge is { } charge && ToCents(charge.Amount) is var billed && billed < contractCents)
            return (billed, true);
        return (contractCents, false);
    }

    private static ExpectedLinePrice Unpriced(ClaimLine line, string reason, Contract? contract, ContractVersion? version) =>
        new(line) { Outcome = ExpectedOutcome.Unpriced, Reason = reason, Contract = contract, Version = version };

    /// <summary>An amount as whole cents; amounts here are whole cents already (charges may carry more: they are rounded half away from zero).</summary>
    private static long ToCents(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

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
